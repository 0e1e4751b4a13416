"""Turns refusals raised anywhere in a view into pages that explain them and offer a way on."""

from collections.abc import Callable
from urllib.parse import urlencode

from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.urls import reverse

from asiointi.customers.acting import SESSION_ACTING_ORGANISATION, ActingRefused, acting_get
from asiointi.organisations import services
from asiointi.organisations.selectors import rights_current
from asiointi.organisations.services import AudienceRefused
from asiointi.organisations.views import SESSION_NEXT, SESSION_REFUSED

# Apps whose pages are a customer's matters: an organisation has them only once registered.
CUSTOMER_APPS = frozenset({"folder", "eforms", "submissions", "attachments", "courses"})


class RefusalMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_view(
        self, request: HttpRequest, view: Callable[..., HttpResponse], *args: object
    ) -> HttpResponse | None:
        """An organisation used for the first time registers its contact details before its
        folder and services open."""
        match = request.resolver_match
        if match is None or match.app_name not in CUSTOMER_APPS:
            return None
        if SESSION_ACTING_ORGANISATION not in request.session:
            return None
        acting = acting_get(request)
        if acting is None or acting.organisation is None or acting.organisation.is_registered:
            return None
        request.session[SESSION_NEXT] = request.get_full_path() if request.method == "GET" else ""
        return HttpResponseRedirect(reverse("organisations:register"))

    def process_exception(self, request: HttpRequest, exception: Exception) -> HttpResponse | None:
        # Where the person was going: a form sent by POST is not repeated, its page is shown.
        next_url = request.get_full_path() if request.method == "GET" else ""
        if isinstance(exception, AudienceRefused):
            path = reverse(
                "organisations:audience_refused", kwargs={"slug": exception.service.slug}
            )
            query = f"?{urlencode({'next': next_url})}" if next_url else ""
            return HttpResponseRedirect(path + query)
        if isinstance(exception, ActingRefused):
            acting = acting_get(request)
            if acting is not None and acting.organisation is not None:
                request.session[SESSION_REFUSED] = acting.organisation.name
                rights = rights_current(person=acting.person, organisation=acting.organisation)
                # Rights that still hold, but not for this service, keep the person acting for
                # the organisation; otherwise they act as themself again.
                if rights is None or not rights.allow():
                    services.chosen_forget(request=request, organisation=acting.organisation)
            query = f"?{urlencode({'next': next_url})}" if next_url else ""
            return HttpResponseRedirect(reverse("organisations:refused") + query)
        return None
