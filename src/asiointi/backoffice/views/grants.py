"""Access grants for services that require contacting the agency first (service managers and
agency administrators)."""

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from asiointi.backoffice import grants
from asiointi.backoffice.access import agency_member_required
from asiointi.backoffice.models import AgencyMembership
from asiointi.backoffice.staff_forms import CustomerFindForm, GrantForm

MANAGERS = (AgencyMembership.Role.SERVICE_MANAGER, AgencyMembership.Role.AGENCY_ADMIN)


def _page(request: HttpRequest, status: int = 200, **context: Any) -> HttpResponse:
    membership = request.membership  # type: ignore[attr-defined]
    agency = membership.agency
    context.setdefault("find_form", CustomerFindForm())
    forms_with_errors = [
        form for form in (context["find_form"], context.get("grant_form")) if form and form.errors
    ]
    return render(
        request,
        "backoffice/grants.html",
        {
            "membership": membership,
            "rows": grants.grant_rows(agency=agency),
            "grants_current": True,
            "forms_with_errors": forms_with_errors,
            **context,
        },
        status=status,
    )


def _grant_form(request: HttpRequest, data: Any = None, **kwargs: Any) -> GrantForm:
    agency = request.membership.agency  # type: ignore[attr-defined]
    return GrantForm(data, services=grants.grantable_services(agency=agency), **kwargs)


def _back(request: HttpRequest) -> HttpResponse:
    agency = request.membership.agency  # type: ignore[attr-defined]
    return HttpResponseRedirect(reverse("backoffice:grants", args=[agency.slug]), status=303)


@require_safe
@agency_member_required(*MANAGERS)
def grant_list(request: HttpRequest) -> HttpResponse:
    return _page(request)


@require_POST
@agency_member_required(*MANAGERS)
def grant_find(request: HttpRequest) -> HttpResponse:
    """The identity code comes in the body of a POST only: never in an address or a log."""
    form = CustomerFindForm(request.POST)
    if not form.is_valid():
        return _page(request, status=400, find_form=form)
    try:
        found = grants.customer_find(
            identifier=form.cleaned_data["identifier"],
            agency=request.membership.agency,  # type: ignore[attr-defined]
            request=request,
        )
    except ValidationError:
        form.add_error(
            "identifier",
            _(
                "Check the code: give a personal identity code like 010280-123A or a business ID "
                "like 1234567-1."
            ),
        )
        return _page(request, status=400, find_form=form)
    grant_form = _grant_form(request, initial={"customer": found.token}) if found else None
    # The code typed stays out of the page: the form is shown empty again.
    return _page(
        request, find_form=CustomerFindForm(), found=found, searched=True, grant_form=grant_form
    )


@require_POST
@agency_member_required(*MANAGERS)
def grant_add(request: HttpRequest) -> HttpResponse:
    agency = request.membership.agency  # type: ignore[attr-defined]
    form = _grant_form(request, request.POST)
    if form.is_valid():
        try:
            grants.grant_make(
                agency=agency,
                token=form.cleaned_data["customer"],
                service=form.chosen_service(),
                valid_until=form.cleaned_data["valid_until"],
                by=request.user,  # type: ignore[arg-type]
            )
        except grants.GrantRefused as refused:
            form.add_error(None, refused.message)
        else:
            messages.success(
                request, _("Access was granted. The customer can now use the service.")
            )
            return _back(request)
    found = None
    try:
        found = grants.found_again(form.data.get("customer", ""))
    except grants.GrantRefused as refused:
        if not form.non_field_errors():
            form.add_error(None, refused.message)
    return _page(request, status=400, found=found, searched=True, grant_form=form)


@require_POST
@agency_member_required(*MANAGERS)
def grant_revoke(request: HttpRequest, pk: int) -> HttpResponse:
    revoked = grants.grant_revoke(
        agency=request.membership.agency,  # type: ignore[attr-defined]
        pk=pk,
        by=request.user,  # type: ignore[arg-type]
    )
    if revoked:
        messages.success(request, _("Access was revoked."))
    return _back(request)
