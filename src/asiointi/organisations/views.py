"""Choosing an organisation, switching on whose behalf one acts, and the refusal pages."""

from urllib.parse import urlencode

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils import translation
from django.utils.translation import get_language
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST, require_safe

from asiointi.catalogue.models import Service
from asiointi.catalogue.selectors import service_any_by_slug
from asiointi.customers.acting import acting_get
from asiointi.identity.views import safe_next
from asiointi.organisations import selectors, services
from asiointi.organisations.models import Organisation
from asiointi.organisations.services import ChoiceFailed

SESSION_NEXT = "organisations_next"
SESSION_LANGUAGE = "organisations_language"
SESSION_REFUSED = "organisations_refused"


def _folder() -> str:
    return reverse("folder:index")


def _return_uri(request: HttpRequest) -> str:
    return request.build_absolute_uri(reverse("organisations_protocol:return"))


def _chosen(request: HttpRequest) -> list[Organisation]:
    return selectors.organisations_by_ids(request.session.get(services.SESSION_CHOSEN, []))


@require_safe
@login_required
def choose(request: HttpRequest) -> HttpResponse:
    """On whose behalf to act: oneself, an organisation chosen during this login, or another."""
    context = {
        "chosen": _chosen(request),
        "next": safe_next(request, request.GET.get("next") or _folder()),
        "available": bool(settings.VALTUUDET_URL),
    }
    return render(request, "organisations/choose.html", context)


@require_safe
@login_required
@never_cache
def start(request: HttpRequest) -> HttpResponse:
    """Off to the e-Authorizations selection page; the person is already identified."""
    if not settings.VALTUUDET_URL:
        raise Http404
    request.session[SESSION_NEXT] = safe_next(request, request.GET.get("next") or _folder())
    request.session[SESSION_LANGUAGE] = get_language()
    try:
        address = services.authorization_start(
            request=request, redirect_uri=_return_uri(request), language=get_language()
        )
    except ChoiceFailed as failure:
        return _failed(request, failure)
    return HttpResponseRedirect(address)


@require_safe
@login_required
@never_cache
def authorization_return(request: HttpRequest) -> HttpResponse:
    language = request.session.get(SESSION_LANGUAGE, settings.LANGUAGE_CODE)
    with translation.override(language):
        try:
            if request.GET.get("error"):
                raise ChoiceFailed(ChoiceFailed.CANCELLED, request.GET["error"][:50])
            organisation = services.authorization_complete(
                request=request, code=request.GET.get("code", ""), redirect_uri=_return_uri(request)
            )
        except ChoiceFailed as failure:
            return _failed(request, failure)
        next_url = request.session.pop(SESSION_NEXT, _folder())
        if not organisation.is_registered:
            request.session[SESSION_NEXT] = next_url
            return HttpResponseRedirect(reverse("organisations:register"))
        return HttpResponseRedirect(next_url)


def _failed(request: HttpRequest, failure: ChoiceFailed) -> HttpResponse:
    services.choice_failed(request=request, failure=failure)
    query = urlencode({"reason": failure.reason})
    return HttpResponseRedirect(f"{reverse('organisations:failed')}?{query}")


@require_safe
@login_required
@never_cache
def failed(request: HttpRequest) -> HttpResponse:
    reason = request.GET.get("reason", ChoiceFailed.FAILED)
    message = ChoiceFailed.MESSAGES.get(reason, ChoiceFailed.MESSAGES[ChoiceFailed.FAILED])
    return render(request, "organisations/failed.html", {"message": message, "reason": reason})


@require_POST
@login_required
def switch(request: HttpRequest) -> HttpResponse:
    """Act as oneself (empty `organisation`) or for an organisation chosen earlier."""
    next_url = safe_next(request, request.POST.get("next") or _folder())
    organisation = None
    if organisation_id := request.POST.get("organisation", ""):
        if not organisation_id.isdigit():
            raise Http404
        organisation = selectors.organisation_get(int(organisation_id))
    if not services.acting_switch(request=request, organisation=organisation):
        return _refused_redirect(request, organisation, next_url)
    if organisation is not None and not organisation.is_registered:
        request.session[SESSION_NEXT] = next_url
        return HttpResponseRedirect(reverse("organisations:register"))
    return HttpResponseRedirect(next_url)


def _refused_redirect(
    request: HttpRequest, organisation: Organisation | None, next_url: str
) -> HttpResponse:
    if organisation is not None:
        services.chosen_forget(request=request, organisation=organisation)
        request.session[SESSION_REFUSED] = organisation.name
    query = urlencode({"next": next_url})
    return HttpResponseRedirect(f"{reverse('organisations:refused')}?{query}")


@require_safe
@login_required
@never_cache
def refused(request: HttpRequest) -> HttpResponse:
    """The right to act was refused: a mandate for this service is missing (still acting for
    the organisation), or the right ended or has to be confirmed again (acting as oneself)."""
    acting = acting_get(request)
    context = {
        "acting": acting,
        "organisation_name": request.session.get(SESSION_REFUSED, ""),
        "next": safe_next(request, request.GET.get("next") or _folder()),
    }
    return render(request, "organisations/refused.html", context, status=403)


@require_safe
@login_required
@never_cache
def audience_refused(request: HttpRequest, slug: str) -> HttpResponse:
    """The service is for the other kind of customer: explain, and offer the switch."""
    service = service_any_by_slug(slug)
    context = {
        "service": service,
        "for_organisations": service.audience == Service.Audience.ORGANISATIONS,
        "chosen": _chosen(request),
        "next": safe_next(
            request,
            request.GET.get("next") or reverse("catalogue:service_detail", kwargs={"slug": slug}),
        ),
        "available": bool(settings.VALTUUDET_URL),
    }
    return render(request, "organisations/audience_refused.html", context, status=403)
