import logging
from typing import Any

from django.conf import settings
from django.contrib.auth import login, logout
from django.contrib.auth.views import LoginView
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST, require_safe
from django_otp import login as otp_login

from asiointi.backoffice.access import staff_required
from asiointi.backoffice.login import BackofficeLoginForm, staff_session_start
from asiointi.backoffice.oidc import (
    StaffOidcFailed,
    staff_oidc_enabled,
    staff_oidc_finish,
    staff_oidc_start,
)
from asiointi.backoffice.selectors import is_auditor, memberships_of
from asiointi.backoffice.staff import agencies_administered

logger = logging.getLogger(__name__)


class StaffLoginView(LoginView):
    form_class = BackofficeLoginForm
    template_name = "backoffice/login.html"
    redirect_authenticated_user = False

    def form_valid(self, form: BackofficeLoginForm) -> HttpResponse:  # type: ignore[override]
        response = super().form_valid(form)
        staff_session_start(self.request.session)
        return response

    def get_default_redirect_url(self) -> str:
        return reverse("backoffice:home")

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        return {
            **super().get_context_data(**kwargs),
            "staff_oidc": staff_oidc_enabled(),
            "oidc_failed": self.request.GET.get("oidc") == "failed",
            "expired": self.request.GET.get("expired") == "1",
            "session_idle_seconds": settings.STAFF_SESSION_IDLE_TIMEOUT_SECONDS,
        }


login_view = StaffLoginView.as_view()


NEXT_KEY = "backoffice_oidc_next"


@require_POST
def oidc_start(request: HttpRequest) -> HttpResponse:
    """To the city's staff OpenID Connect provider (a POST: no page can start a login)."""
    if not staff_oidc_enabled():
        raise Http404
    next_url = request.POST.get("next", "")
    safe = url_has_allowed_host_and_scheme(next_url, {request.get_host()}, request.is_secure())
    request.session[NEXT_KEY] = next_url if safe else ""
    try:
        return staff_oidc_start(request)
    except StaffOidcFailed as failed:
        logger.warning("staff OpenID Connect login could not start: %s", failed.reason)
        return HttpResponseRedirect(f"{reverse('backoffice:login')}?oidc=failed")


@require_safe
def oidc_callback(request: HttpRequest) -> HttpResponse:
    if not staff_oidc_enabled():
        raise Http404
    try:
        identity = staff_oidc_finish(request)
    except StaffOidcFailed as failed:
        logger.warning("staff OpenID Connect login refused: %s", failed.reason)
        return HttpResponseRedirect(f"{reverse('backoffice:login')}?oidc=failed")
    next_url = request.session.pop(NEXT_KEY, "")
    login(request, identity.user, backend="django.contrib.auth.backends.ModelBackend")
    otp_login(request, identity)
    staff_session_start(request.session)
    return HttpResponseRedirect(next_url or reverse("backoffice:home"))


@require_POST
def logout_view(request: HttpRequest) -> HttpResponse:
    logout(request)
    return HttpResponseRedirect(f"{reverse('backoffice:login')}?logged_out=1")


@require_safe
@staff_required
def home(request: HttpRequest) -> HttpResponse:
    """Straight to the inbox for a member of one agency; a choice for more; for a platform
    superuser without an agency, the way to the admin, where agencies are managed."""
    memberships = memberships_of(user=request.user)  # type: ignore[arg-type]
    if len(memberships) == 1:
        return HttpResponseRedirect(reverse("backoffice:inbox", args=[memberships[0].agency.slug]))
    auditor = is_auditor(user=request.user)  # type: ignore[arg-type]
    agencies = agencies_administered(user=request.user)  # type: ignore[arg-type]
    return render(
        request,
        "backoffice/home.html",
        {"memberships": memberships, "is_auditor": auditor, "agencies": agencies},
    )
