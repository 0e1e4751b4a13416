"""Access for services that require contacting the agency first: a service manager finds the
customer by identity code or business ID and grants or revokes the agency's services.

The identity code is only ever posted (never in an address), looked up by its keyed hash, and
each lookup is in the audit log with the masked code. The customer found travels to the grant
form signed, so a grant is only ever made to a customer the manager looked up."""

import logging
from dataclasses import dataclass
from datetime import date

from django.core import signing
from django.http import Http404, HttpRequest
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from stdnum.fi import ytunnus

from asiointi.catalogue.models import Agency, Service
from asiointi.customers.models import Customer
from asiointi.customers.services import customer_for_organisation, customer_for_person
from asiointi.identity.models import User
from asiointi.organisations.business_ids import business_id_normalise
from asiointi.organisations.models import Organisation
from asiointi.privacy.identity_codes import (
    identity_code_digest,
    identity_code_mask,
    identity_code_normalise,
)
from asiointi.privacy.models import AuditEvent
from asiointi.privacy.services import audit_record
from asiointi.submissions.models import AccessGrant
from asiointi.submissions.selectors import access_grant_of_agency, access_grants_of_agency
from asiointi.submissions.services import access_grant, access_grant_revoke

logger = logging.getLogger(__name__)
SALT = "asiointi.backoffice.grant-customer"
# A looked-up customer may be granted access for this long after the lookup.
TOKEN_MAX_AGE = 60 * 60


class GrantRefused(Exception):
    def __init__(self, message: object) -> None:
        super().__init__(str(message))
        self.message = str(message)


@dataclass(frozen=True)
class FoundCustomer:
    customer: Customer
    name: str
    shown_identifier: str  # the masked identity code or the business ID
    token: str


def _shown(customer: Customer) -> tuple[str, str]:
    if customer.organisation is not None:
        organisation = customer.organisation
        return organisation.name, organisation.identifier
    person = customer.person
    assert person is not None
    return person.full_name, person.identity_code_masked


def _found(customer: Customer) -> FoundCustomer:
    name, shown = _shown(customer)
    token = signing.dumps(customer.pk, salt=SALT)
    return FoundCustomer(customer=customer, name=name, shown_identifier=shown, token=token)


def customer_find(*, identifier: str, agency: Agency, request: HttpRequest) -> FoundCustomer | None:
    """The customer with this identity code or business ID, or None when the portal knows none
    (they have not used the e-services). A malformed identifier raises ValidationError."""
    identifier = identifier.strip().upper()
    if ytunnus.is_valid(identifier):
        business_id = business_id_normalise(identifier)
        organisation = Organisation.objects.filter(business_id=business_id).first()
        customer = customer_for_organisation(organisation) if organisation else None
        looked_up = business_id
    else:
        code = identity_code_normalise(identifier)
        person = User.objects.filter(identity_code_digest=identity_code_digest(code)).first()
        customer = customer_for_person(person) if person else None
        looked_up = identity_code_mask(code)
    audit_record(
        action=AuditEvent.Action.PERSONAL_DATA_READ,
        request=request,
        target=f"customer:{customer.pk}" if customer else "customer:none",
        details={
            "what": "customer looked up for an access grant",
            "agency": agency.slug,
            "identifier": looked_up,
            "found": customer is not None,
        },
    )
    return _found(customer) if customer else None


def customer_from_token(token: str) -> Customer:
    try:
        pk = signing.loads(token, salt=SALT, max_age=TOKEN_MAX_AGE)
    except signing.BadSignature:
        raise GrantRefused(_("Find the customer again: the search is too old.")) from None
    customer = Customer.objects.filter(pk=pk).first()
    if customer is None:
        raise GrantRefused(_("Find the customer again: the search is too old."))
    return customer


def found_again(token: str) -> FoundCustomer:
    """The customer of a grant form shown again (after an error)."""
    return _found(customer_from_token(token))


def grantable_services(*, agency: Agency) -> list[Service]:
    return list(Service.objects.filter(agency=agency, requires_prior_contact=True).order_by("name"))


def grant_make(
    *, agency: Agency, token: str, service: Service, valid_until: date | None, by: User
) -> AccessGrant:
    if service.agency_id != agency.pk or not service.requires_prior_contact:
        raise GrantRefused(_("Choose one of this agency's services."))
    if valid_until is not None and valid_until < timezone.localdate():
        raise GrantRefused(_("The end date cannot be in the past."))
    customer = customer_from_token(token)
    return access_grant(service=service, customer=customer, granted_by=by, valid_until=valid_until)


def grant_revoke(*, agency: Agency, pk: int, by: User) -> bool:
    """False when there was no such grant of the agency's (a second press of "Revoke")."""
    try:
        grant = access_grant_of_agency(agency_id=agency.pk, pk=pk)
    except Http404:
        return False
    revoked = access_grant_revoke(grant=grant)
    if revoked:
        logger.info("access grant %s to service %s revoked by user %s", pk, grant.service_id, by.pk)
    return revoked


@dataclass(frozen=True)
class GrantRow:
    grant: AccessGrant
    name: str
    shown_identifier: str
    in_force: bool


def grant_rows(*, agency: Agency) -> list[GrantRow]:
    today = timezone.localdate()
    rows = []
    for grant in access_grants_of_agency(agency_id=agency.pk):
        name, shown = _shown(grant.customer)
        in_force = grant.valid_until is None or grant.valid_until >= today
        rows.append(GrantRow(grant=grant, name=name, shown_identifier=shown, in_force=in_force))
    return rows
