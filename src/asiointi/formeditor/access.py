"""Who may open the form editor: a service manager of the service's agency, or a platform
administrator, with the back office's staff login. Other staff get 404; anyone else the login."""

from functools import wraps
from typing import Any

from django.http import HttpRequest, HttpResponseBase

from asiointi.backoffice.access import View, staff_required
from asiointi.formeditor.selectors import service_for_manager


def manager_required(view: View) -> View:
    """The view's `service` (slug) must be one the user manages; the view gets the Service."""

    @staff_required
    @wraps(view)
    def wrapped(request: HttpRequest, service: str, *args: Any, **kwargs: Any) -> HttpResponseBase:
        found = service_for_manager(user=request.user, slug=service)
        return view(request, found, *args, **kwargs)

    return wrapped
