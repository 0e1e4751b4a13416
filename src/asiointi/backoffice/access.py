"""Who may use the back office: staff who logged in here with a password and a second factor,
and within it only their own agencies' things (anything else is a 404)."""

from collections.abc import Callable
from functools import wraps
from typing import Any
from urllib.parse import urlencode

from django.http import Http404, HttpRequest, HttpResponseBase, HttpResponseRedirect
from django.urls import reverse

from asiointi.backoffice.models import AgencyMembership
from asiointi.backoffice.selectors import is_auditor, manager_membership_for, membership_for
from asiointi.backoffice.staff import agency_administered

View = Callable[..., HttpResponseBase]


def is_staff_session(request: HttpRequest) -> bool:
    """A verified second factor, and an agency to work for (or the platform to run or audit)."""
    user: Any = request.user
    if not (user.is_authenticated and user.is_active):
        return False
    if not getattr(user, "is_verified", lambda: False)():
        return False
    return bool(
        user.is_superuser or user.agency_memberships.exists() or user.platform_roles.exists()
    )


def staff_required(view: View) -> View:
    """Anyone else is sent to the staff login (a resident's session included)."""

    @wraps(view)
    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        if not is_staff_session(request):
            query = urlencode({"next": request.get_full_path()})
            return HttpResponseRedirect(f"{reverse('backoffice:login')}?{query}")
        return view(request, *args, **kwargs)

    return wrapped


def agency_member_required(*roles: str) -> Callable[[View], View]:
    """The view's `agency` (slug) must be one the member works for, in one of `roles` if given;
    otherwise 404. The membership is `request.membership`."""

    def decorator(view: View) -> View:
        @staff_required
        @wraps(view)
        def wrapped(
            request: HttpRequest, agency: str, *args: Any, **kwargs: Any
        ) -> HttpResponseBase:
            membership: AgencyMembership = membership_for(
                user=request.user,  # type: ignore[arg-type]
                agency_slug=agency,
                roles=roles,
            )
            request.membership = membership  # type: ignore[attr-defined]
            return view(request, *args, **kwargs)

        return wrapped

    return decorator


def auditor_required(view: View) -> View:
    """Staff with the auditor role; other staff get 404, like any page not theirs."""

    @staff_required
    @wraps(view)
    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        if not is_auditor(user=request.user):  # type: ignore[arg-type]
            raise Http404
        return view(request, *args, **kwargs)

    return wrapped


def agency_admin_required(view: View) -> View:
    """The agency's administrators, and platform superusers for every agency; other staff 404.
    `request.agency` is the agency, `request.membership` the user's own membership of it (None
    for a superuser who has none)."""

    @staff_required
    @wraps(view)
    def wrapped(request: HttpRequest, agency: str, *args: Any, **kwargs: Any) -> HttpResponseBase:
        found, membership = agency_administered(
            user=request.user,  # type: ignore[arg-type]
            agency_slug=agency,
        )
        request.agency = found  # type: ignore[attr-defined]
        request.membership = membership  # type: ignore[attr-defined]
        return view(request, *args, **kwargs)

    return wrapped


def agency_manager_required(view: View) -> View:
    """The agency's service managers and administrators, and a platform superuser (who manages
    any agency's content as its administrator would); other staff of any agency 404."""

    @staff_required
    @wraps(view)
    def wrapped(request: HttpRequest, agency: str, *args: Any, **kwargs: Any) -> HttpResponseBase:
        request.membership = manager_membership_for(  # type: ignore[attr-defined]
            user=request.user,  # type: ignore[arg-type]
            agency_slug=agency,
        )
        return view(request, *args, **kwargs)

    return wrapped
