from typing import Any

from django.conf import settings
from django.contrib.auth import logout
from django.contrib.auth.views import LoginView
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_POST, require_safe

from asiointi.backoffice.access import staff_required
from asiointi.backoffice.login import BackofficeLoginForm, staff_session_start
from asiointi.backoffice.selectors import is_auditor, memberships_of


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
            "expired": self.request.GET.get("expired") == "1",
            "session_idle_seconds": settings.STAFF_SESSION_IDLE_TIMEOUT_SECONDS,
        }


login_view = StaffLoginView.as_view()


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
    return render(
        request, "backoffice/home.html", {"memberships": memberships, "is_auditor": auditor}
    )
