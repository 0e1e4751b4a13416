"""Who may use the feedback inbox: the back office's staff (password and second factor at the
staff login); within it, `selectors.staff_agency` and `feedback_for_staff` keep each member to
their own agencies' feedback (a platform superuser sees every agency's)."""

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.http import HttpRequest
from django.http.response import HttpResponseBase

from asiointi.backoffice.access import staff_required as backoffice_staff_required


def staff_required(view: Callable[..., HttpResponseBase]) -> Callable[..., HttpResponseBase]:
    @wraps(view)
    def answered(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        response = view(request, *args, **kwargs)
        response["Cache-Control"] = "no-store"
        return response

    return backoffice_staff_required(answered)
