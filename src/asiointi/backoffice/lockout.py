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
from django.urls import Resolver404, resolve


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
    template = "backoffice/lockout.html" if is_staff_login(request) else "admin/staff_lockout.html"
    response = TemplateResponse(
        request,
        template,
        {"minutes": settings.AXES_COOLOFF_MINUTES, "title": ""},
        status=429,
    )
    response.render()
    return response
