import time
from urllib.parse import urlencode

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect, JsonResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import translation
from django.utils.cache import patch_cache_control
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import get_language
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST, require_safe

from asiointi.identity import services
from asiointi.identity.keys import public_jwks
from asiointi.identity.providers.base import IdentificationFailed
from asiointi.identity.providers.registry import provider

NEXT_KEY = services.SESSION_NEXT
LANGUAGE_KEY = services.SESSION_LANGUAGE


def safe_next(request: HttpRequest, candidate: str | None) -> str:
    """Only a path inside the portal; anything else (another site, a scheme) is ignored.

    Without one (the header's "Log in"), the person goes to their own folder after logging in.
    """
    if (
        candidate
        and candidate.startswith("/")
        and url_has_allowed_host_and_scheme(candidate, allowed_hosts=None, require_https=False)
    ):
        return candidate
    return reverse("folder:index")


@require_safe
@never_cache
def login_page(request: HttpRequest) -> HttpResponse:
    next_url = safe_next(request, request.GET.get("next"))
    expired = request.GET.get("expired") == "1"
    context = {
        "next": next_url,
        "expired": expired,
        # After identifying, on to the e-Authorizations selection page, then where they were going.
        "organisations_available": bool(settings.VALTUUDET_URL),
        "organisation_next": f"{reverse('organisations:start')}?{urlencode({'next': next_url})}",
    }
    return render(request, "identity/login.html", context)


@require_POST
@never_cache
def login_start(request: HttpRequest) -> HttpResponse:
    request.session[NEXT_KEY] = safe_next(request, request.POST.get("next"))
    request.session[LANGUAGE_KEY] = get_language()
    try:
        return provider().start(request, language=get_language())
    except IdentificationFailed as failure:
        return failure_redirect(request, failure)


@require_safe
@never_cache
def oidc_callback(request: HttpRequest) -> HttpResponse:
    language = request.session.get(LANGUAGE_KEY, settings.LANGUAGE_CODE)
    with translation.override(language):
        try:
            identification = provider().complete(request)
        except IdentificationFailed as failure:
            return failure_redirect(request, failure)
        services.person_login(request=request, identification=identification)
        return HttpResponseRedirect(reverse("identity:login_succeeded"))


def failure_redirect(
    request: HttpRequest, failure: IdentificationFailed, *, next_url: str | None = None
) -> HttpResponse:
    # Whatever half-made state there was goes: a failure never leaves anyone logged in. An
    # answer to no login of this session's leaves the session as it was (a link someone else
    # made must not log a person out).
    next_url = request.session.get(NEXT_KEY, "") if next_url is None else next_url
    services.identification_failed(request=request, failure=failure)
    if not failure.foreign:
        services.person_logout(request=request)
    query = urlencode(
        {"reason": failure.reason, "next": next_url} if next_url else {"reason": failure.reason}
    )
    return HttpResponseRedirect(f"{reverse('identity:login_failed')}?{query}")


@require_safe
@never_cache
def login_failed(request: HttpRequest) -> HttpResponse:
    reason = request.GET.get("reason", IdentificationFailed.FAILED)
    message = IdentificationFailed.MESSAGES.get(
        reason, IdentificationFailed.MESSAGES[IdentificationFailed.FAILED]
    )
    next_url = safe_next(request, request.GET.get("next"))
    return render(request, "identity/login_failed.html", {"message": message, "next": next_url})


@require_safe
@login_required
def login_succeeded(request: HttpRequest) -> HttpResponse:
    next_url = safe_next(request, request.session.get(NEXT_KEY))
    if not request.user.is_registered:  # type: ignore[union-attr]
        next_url = reverse("registration:contact_details")
    return render(request, "identity/login_succeeded.html", {"next": next_url})


@require_POST
def logout_view(request: HttpRequest) -> HttpResponse:
    language = get_language()
    ended = services.person_logout(request=request)
    return_url = request.build_absolute_uri(reverse("identity_protocol:provider_logged_out"))
    provider_logout = provider().logout(request, return_url=return_url, ended=ended)
    response: HttpResponse
    if provider_logout is not None and provider_logout.form:
        # Sent on by a small script; without JavaScript the person presses the button.
        response = render(request, "identity/provider_logout.html", {"logout": provider_logout})
        patch_cache_control(response, no_store=True)
    elif provider_logout is not None:
        response = HttpResponseRedirect(provider_logout.url)
    else:
        response = HttpResponseRedirect(reverse("identity:logged_out"))
    response.set_cookie(
        settings.LANGUAGE_COOKIE_NAME,
        language,
        samesite="Lax",
        secure=settings.LANGUAGE_COOKIE_SECURE,
    )
    return response


@require_safe
def provider_logged_out(request: HttpRequest) -> HttpResponse:
    """The identity provider returns here; the language comes from the cookie set at logout."""
    language = translation.get_language_from_request(request)
    with translation.override(language):
        return HttpResponseRedirect(reverse("identity:logged_out"))


@require_safe
@never_cache
def logged_out(request: HttpRequest) -> HttpResponse:
    return render(request, "identity/logged_out.html")


@require_safe
def oidc_jwks(request: HttpRequest) -> HttpResponse:
    return JsonResponse(public_jwks())


@csrf_exempt
@require_POST
def oidc_backchannel_logout(request: HttpRequest) -> HttpResponse:
    """OpenID Connect Back-Channel Logout: the provider says a session of its own has ended."""
    from asiointi.identity.providers.backchannel import verify_logout_token

    try:
        claims = verify_logout_token(request.POST.get("logout_token", ""))
    except ValueError:
        return HttpResponse(status=400)
    services.sessions_end_for_provider_session(
        provider="oidc", session_id=claims.get("sid", ""), subject=claims.get("sub", "")
    )
    response = HttpResponse(status=200)
    response["Cache-Control"] = "no-store"
    return response


@require_POST
@login_required
def keepalive(request: HttpRequest) -> HttpResponse:
    """ "Continue using e-services" in the idle warning: the session counts as used now."""
    request.session[services.SESSION_LAST_SEEN] = time.time()
    if request.headers.get("X-Requested-With") == "fetch":
        return HttpResponse(status=204)
    return HttpResponseRedirect(safe_next(request, request.POST.get("next")))
