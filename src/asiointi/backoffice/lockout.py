"""Lockout after repeated failed staff logins (django-axes, database handler): at the admin's
login and at the back office's own.

Residents never log in with a password: their logins and logouts are none of axes's business,
so only admin and staff login requests are counted and logged.
"""

from typing import Any

from axes.handlers.database import AxesDatabaseHandler
from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.template.response import TemplateResponse
from django.urls import Resolver404, resolve, reverse


def is_staff_login(request: HttpRequest) -> bool:
    try:
        match = resolve(request.path_info)
    except Resolver404:
        return False
    return match.view_name == "backoffice:login"


class AdminLoginHandler(AxesDatabaseHandler):
    def is_admin_request(self, request: HttpRequest) -> bool:
        return super().is_admin_request(request) or is_staff_login(request)

    def user_logged_in(self, sender: Any, request: HttpRequest, user: Any, **kwargs: Any) -> None:
        if self.is_admin_request(request):
            super().user_logged_in(sender, request, user, **kwargs)

    def user_logged_out(self, sender: Any, request: HttpRequest, user: Any, **kwargs: Any) -> None:
        if self.is_admin_request(request):
            super().user_logged_out(sender, request, user, **kwargs)


def lockout_response(
    request: HttpRequest, original_response: HttpResponse | None, credentials: Any
) -> HttpResponse:
    # One page for both logins; its way back leads to the login the person came from.
    login_url = reverse("backoffice:login" if is_staff_login(request) else "admin:login")
    response = TemplateResponse(
        request,
        "backoffice/lockout.html",
        {"minutes": settings.AXES_COOLOFF_MINUTES, "login_url": login_url},
        status=429,
    )
    response.render()
    return response
