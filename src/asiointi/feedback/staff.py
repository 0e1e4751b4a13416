"""Who may use the feedback inbox: staff signed in with their second factor (as for the admin).

The back office will have its own sign-in for members of staff; until then this is the admin's."""

from collections.abc import Callable
from functools import wraps
from typing import Any
from urllib.parse import urlencode

from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.urls import reverse


def staff_required(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    @wraps(view)
    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        user = request.user
        verified = getattr(user, "is_verified", lambda: False)()
        if not (user.is_authenticated and user.is_staff and verified):
            login = reverse("admin:login")
            return HttpResponseRedirect(f"{login}?{urlencode({'next': request.get_full_path()})}")
        response = view(request, *args, **kwargs)
        response["Cache-Control"] = "no-store"
        return response

    return wrapped
