"""The feedback form (anyone, with or without logging in) and the sender's acknowledgement."""

from django.conf import settings
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import get_language
from django.views.decorators.http import require_http_methods, require_safe

from asiointi.attachments.forms import (
    attachments_bind,
    attachments_bind_anonymous,
    attachments_removal_requested,
)
from asiointi.catalogue.models import Agency, Service
from asiointi.catalogue.selectors import service_by_slug
from asiointi.client_ip import client_ip
from asiointi.customers.acting import acting_get_checked
from asiointi.feedback import selectors, services
from asiointi.feedback.forms import FeedbackForm
from asiointi.feedback.models import Feedback


@require_http_methods(["GET", "HEAD", "POST"])
def service_feedback(request: HttpRequest, slug: str) -> HttpResponse:
    service = service_by_slug(slug)
    return _feedback_page(request, agency=service.agency, service=service)


@require_http_methods(["GET", "HEAD", "POST"])
def portal_feedback(request: HttpRequest) -> HttpResponse:
    """Feedback on the portal itself: the accessibility statement links here (?kind=...)."""
    return _feedback_page(request, agency=selectors.portal_agency(), service=None)


def _initial(request: HttpRequest) -> dict[str, str]:
    initial = {"form_key": services.form_key_new()}
    kind = request.GET.get("kind", "")
    if kind in Feedback.Kind.values:
        initial["kind"] = kind
    user = request.user
    if user.is_authenticated:
        initial["contact_name"] = getattr(user, "full_name", "")
        if getattr(user, "email_verified_at", None):
            initial["contact_email"] = user.email
    return initial


def _feedback_page(
    request: HttpRequest, *, agency: Agency, service: Service | None
) -> HttpResponse:
    acting = acting_get_checked(request)
    posted = request.method == "POST"
    form = FeedbackForm(
        request.POST if posted else None,
        request.FILES if posted else None,
        initial=None if posted else _initial(request),
        logged_in=acting is not None,
    )
    if acting is not None:
        attachments_bind(form, acting=acting)
    else:
        attachments_bind_anonymous(form, session=request.session)
    context = {"form": form, "agency": agency, "service": service, "acting": acting}
    address = client_ip(request)
    if posted and services.feedback_rate_exceeded(address=address):
        # Checked before any file is scanned; what was typed is shown again.
        return render(request, "feedback/form.html", {**context, "limited": True}, status=429)
    if attachments_removal_requested(form):
        form.is_valid()  # shows the remaining files and keeps the text
    elif posted and form.is_valid():
        data = form.cleaned_data
        feedback, _new = services.feedback_send(
            form_key=data["form_key"] or services.form_key_new(),
            agency=agency,
            service=service,
            kind=data["kind"],
            message=data["message"],
            language=get_language() or settings.LANGUAGE_CODE,
            address=address,
            contact_name=data["contact_name"],
            contact_email=data["contact_email"],
            contact_phone=data["contact_phone"],
            acting=acting,
            answer_to_folder=data.get("answer_to_folder", False),
            attachments=data.get("attachments", []),
        )
        return HttpResponseRedirect(
            reverse("feedback:acknowledgement", args=[feedback.form_key]), status=303
        )
    return render(request, "feedback/form.html", context, status=200)


@require_safe
def acknowledgement(request: HttpRequest, key: str) -> HttpResponse:
    feedback = selectors.feedback_acknowledged(form_key=key)
    response = render(request, "feedback/acknowledgement.html", {"feedback": feedback})
    response["Cache-Control"] = "no-store"
    response["X-Robots-Tag"] = "noindex"
    return response
