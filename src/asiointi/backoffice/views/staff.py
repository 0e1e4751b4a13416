"""An agency's staff: its administrators (and platform superusers) add members, change their
roles, remove them and reset their second factor. Removing and resetting ask first."""

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from asiointi.backoffice import staff
from asiointi.backoffice.access import agency_admin_required
from asiointi.backoffice.membership_forms import MemberAddForm, RoleForm
from asiointi.backoffice.models import AgencyMembership


def _page(request: HttpRequest, status: int = 200, **context: Any) -> HttpResponse:
    agency = request.agency  # type: ignore[attr-defined]
    context.setdefault("add_form", MemberAddForm())
    return render(
        request,
        "backoffice/staff.html",
        {
            "membership": request.membership,  # type: ignore[attr-defined]
            "agency": agency,
            "rows": staff.staff_rows(agency=agency),
            "roles": AgencyMembership.Role.choices,
            "staff_current": True,
            **context,
        },
        status=status,
    )


def _back(request: HttpRequest) -> HttpResponse:
    agency = request.agency  # type: ignore[attr-defined]
    return HttpResponseRedirect(reverse("backoffice:staff", args=[agency.slug]), status=303)


def _member(request: HttpRequest, pk: int) -> AgencyMembership:
    return staff.staff_membership(agency=request.agency, pk=pk)  # type: ignore[attr-defined]


def _name(membership: AgencyMembership) -> str:
    return membership.user.get_full_name() or membership.user.get_username()


@require_safe
@agency_admin_required
def staff_list(request: HttpRequest) -> HttpResponse:
    return _page(request)


@require_POST
@agency_admin_required
def staff_add(request: HttpRequest) -> HttpResponse:
    form = MemberAddForm(request.POST)
    if form.is_valid():
        try:
            added = staff.staff_member_add(
                agency=request.agency,  # type: ignore[attr-defined]
                request=request,
                **form.cleaned_data,
            )
        except staff.StaffRefused as refused:
            form.add_error(None, refused.message)
        else:
            messages.success(
                request,
                _("%(name)s was added to the staff. An invitation was sent to %(email)s.")
                % {"name": _name(added), "email": added.user.email},
            )
            return _back(request)
    return _page(request, status=400, add_form=form)


@require_POST
@agency_admin_required
def staff_role(request: HttpRequest, pk: int) -> HttpResponse:
    membership = _member(request, pk)
    form = RoleForm(request.POST)
    if not form.is_valid():
        return _page(request, status=400, refused=_("Choose the role."))
    try:
        changed = staff.staff_role_change(
            membership=membership, role=form.cleaned_data["role"], request=request
        )
    except staff.StaffRefused as refused:
        return _page(request, status=400, refused=refused.message)
    messages.success(
        request,
        _("The role of %(name)s is now: %(role)s.")
        % {"name": _name(changed), "role": changed.get_role_display()},
    )
    return _back(request)


def _confirm(
    request: HttpRequest, membership: AgencyMembership, action: str, status: int = 200, **extra: Any
) -> HttpResponse:
    context = {
        "membership": request.membership,  # type: ignore[attr-defined]
        "agency": request.agency,  # type: ignore[attr-defined]
        "member": membership,
        "action": action,
        "staff_current": True,
        **extra,
    }
    return render(request, "backoffice/staff_confirm.html", context, status=status)


def _confirmed(
    request: HttpRequest,
    pk: int,
    *,
    action: str,
    act: Callable[..., object],
    done: Callable[[AgencyMembership], str],
) -> HttpResponse:
    """Removing and resetting: the question by GET, `act` by POST, then `done`'s message."""
    membership = _member(request, pk)
    if request.method != "POST":
        return _confirm(request, membership, action)
    try:
        act(membership=membership, request=request)
    except staff.StaffRefused as refused:
        return _confirm(request, membership, action, status=400, refused=refused.message)
    messages.success(request, done(membership))
    return _back(request)


@require_http_methods(["GET", "HEAD", "POST"])
@agency_admin_required
def staff_remove(request: HttpRequest, pk: int) -> HttpResponse:
    return _confirmed(
        request,
        pk,
        action="remove",
        act=staff.staff_member_remove,
        done=lambda member: _("%(name)s was removed from the staff.") % {"name": _name(member)},
    )


@require_http_methods(["GET", "HEAD", "POST"])
@agency_admin_required
def staff_reset(request: HttpRequest, pk: int) -> HttpResponse:
    return _confirmed(
        request,
        pk,
        action="reset",
        act=staff.staff_second_factor_reset,
        done=lambda member: (
            _("The second factor of %(name)s was reset. A new set-up link was sent to %(email)s.")
            % {"name": _name(member), "email": member.user.email}
        ),
    )
