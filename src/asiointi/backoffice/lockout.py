"""Lockout after repeated failed admin logins (django-axes, database handler).

Residents never log in with a password: their logins and logouts are none of axes's business,
so only admin requests are counted and logged.
"""

from typing import Any

from axes.handlers.database import AxesDatabaseHandler
from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.template.response import TemplateResponse


class AdminLoginHandler(AxesDatabaseHandler):
    def user_logged_in(self, sender: Any, request: HttpRequest, user: Any, **kwargs: Any) -> None:
        if self.is_admin_request(request):
            super().user_logged_in(sender, request, user, **kwargs)

    def user_logged_out(self, sender: Any, request: HttpRequest, user: Any, **kwargs: Any) -> None:
        if self.is_admin_request(request):
            super().user_logged_out(sender, request, user, **kwargs)


def lockout_response(
    request: HttpRequest, original_response: HttpResponse | None, credentials: Any
) -> HttpResponse:
    response = TemplateResponse(
        request,
        "admin/staff_lockout.html",
        {"minutes": settings.AXES_COOLOFF_MINUTES, "title": ""},
        status=429,
    )
    response.render()
    return response
