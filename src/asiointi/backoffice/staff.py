"""An agency's staff, managed by its administrators (and platform superusers): who works there in
which role, adding a member (with an invitation), changing a role, removing a member and
resetting a member's second factor. Every change is in the audit log.

Each change locks the agency's row first, so two administrators at once cannot both take away
the last administrator, and two presses of "Add" make one member."""

from dataclasses import dataclass
from datetime import datetime

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import IntegrityError, transaction
from django.db.models import Exists, OuterRef, Subquery
from django.http import Http404, HttpRequest
from django.utils.translation import gettext_lazy as _
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from asiointi.backoffice.invitations import invitation_send
from asiointi.backoffice.models import AgencyMembership, StaffInvitation, StaffOidcIdentity
from asiointi.catalogue.models import Agency
from asiointi.identity.models import User
from asiointi.privacy.models import AuditEvent
from asiointi.privacy.services import audit_record

Role = AgencyMembership.Role


class StaffRefused(Exception):
    def __init__(self, message: object) -> None:
        super().__init__(str(message))
        self.message = str(message)


@dataclass(frozen=True)
class StaffRow:
    membership: AgencyMembership
    second_factor: bool
    invited_at: datetime | None  # an unused invitation's time

    @property
    def user(self) -> User:
        return self.membership.user


def staff_rows(*, agency: Agency) -> list[StaffRow]:
    """The agency's members, with whether each has a second factor set up; three queries at
    most whatever the number."""
    totp = TOTPDevice.objects.filter(user=OuterRef("user_id"), confirmed=True)
    oidc = StaffOidcIdentity.objects.filter(user=OuterRef("user_id"))
    invited = StaffInvitation.objects.filter(user=OuterRef("user_id"), used_at__isnull=True)
    memberships = (
        AgencyMembership.objects.filter(agency=agency)
        .select_related("user")
        .annotate(
            has_totp=Exists(totp),
            has_oidc=Exists(oidc),
            invited_at=Subquery(invited.order_by("-created_at").values("created_at")[:1]),
        )
        .order_by("user__last_name", "user__first_name", "user__username")
    )
    return [
        StaffRow(
            membership=m,
            second_factor=m.has_totp or m.has_oidc,  # type: ignore[attr-defined]
            invited_at=m.invited_at,  # type: ignore[attr-defined]
        )
        for m in memberships
    ]


def agency_administered(*, user: User, agency_slug: str) -> tuple[Agency, AgencyMembership | None]:
    """The agency whose staff the user manages, and their own membership there: their agency as
    its administrator, any agency as a platform superuser; anything else is a 404."""
    membership = (
        AgencyMembership.objects.select_related("agency")
        .filter(user=user, agency__slug=agency_slug)
        .first()
    )
    if membership is not None and membership.role == Role.AGENCY_ADMIN:
        return membership.agency, membership
    agency = Agency.objects.filter(slug=agency_slug).first() if user.is_superuser else None
    if agency is None:
        raise Http404
    return agency, membership


def agencies_administered(*, user: User) -> list[Agency]:
    """Every agency, for a platform superuser (who manages any agency's staff); else none."""
    return list(Agency.objects.order_by("name")) if user.is_superuser else []


def staff_membership(*, agency: Agency, pk: int) -> AgencyMembership:
    """A member of this agency's staff; any other membership (or none) is a 404."""
    membership = (
        AgencyMembership.objects.select_related("user", "agency")
        .filter(agency=agency, pk=pk)
        .first()
    )
    if membership is None:
        raise Http404
    return membership


def _agency_locked(agency: Agency) -> None:
    Agency.objects.select_for_update().filter(pk=agency.pk).first()


def _audit(
    *, request: HttpRequest, what: str, membership: AgencyMembership, **details: str
) -> None:
    audit_record(
        action=AuditEvent.Action.STAFF_CHANGED,
        request=request,
        target=f"user:{membership.user_id}",
        details={"what": what, "agency": membership.agency.slug, **details},
    )


def _staff_user(*, email: str, first_name: str, last_name: str) -> User:
    """The account of staff with this e-mail address, or a new one without a password. A
    resident's account (identified by identity code) never becomes a member of staff."""
    found = (
        User.objects.filter(email__iexact=email, identity_code_digest__isnull=True, is_active=True)
        .order_by("pk")
        .first()
    )
    if found is not None:
        return found
    if User.objects.filter(username__iexact=email).exists():
        raise StaffRefused(
            _(
                "An account that is not in use has this e-mail address. A platform "
                "administrator can take it into use again."
            )
        )
    try:
        with transaction.atomic():
            return User.objects.create_user(
                username=email, email=email, first_name=first_name, last_name=last_name
            )
    except IntegrityError:
        # Added to another agency at the same moment: the same person, one account.
        return User.objects.get(username=email)


@transaction.atomic
def staff_member_add(
    *,
    agency: Agency,
    first_name: str,
    last_name: str,
    email: str,
    role: str,
    request: HttpRequest,
) -> AgencyMembership:
    """Make the person a member of the agency's staff and send them an invitation."""
    _agency_locked(agency)
    email = email.strip().lower()
    user = _staff_user(email=email, first_name=first_name, last_name=last_name)
    if AgencyMembership.objects.filter(user=user, agency=agency).exists():
        raise StaffRefused(_("This person is already a member of the agency's staff."))
    membership = AgencyMembership.objects.create(user=user, agency=agency, role=role)
    _audit(request=request, what="member added", membership=membership, role=role)
    invitation_send(user=user, agency=agency, sent_by=request.user)  # type: ignore[arg-type]
    return membership


def _admins(agency: Agency) -> int:
    return AgencyMembership.objects.filter(agency=agency, role=Role.AGENCY_ADMIN).count()


def _locked(membership: AgencyMembership) -> AgencyMembership:
    _agency_locked(membership.agency)
    locked = AgencyMembership.objects.select_for_update().filter(pk=membership.pk).first()
    if locked is None:
        raise StaffRefused(_("This person is no longer a member of the agency's staff."))
    return locked


@transaction.atomic
def staff_role_change(
    *, membership: AgencyMembership, role: str, request: HttpRequest
) -> AgencyMembership:
    membership = _locked(membership)
    if role == membership.role:
        return membership
    if membership.role == Role.AGENCY_ADMIN:
        if membership.user_id == request.user.pk:
            raise StaffRefused(_("You cannot change your own role. Another administrator can."))
        if _admins(membership.agency) == 1:
            raise StaffRefused(_("The agency needs an administrator: make someone else one first."))
    before = membership.role
    membership.role = role
    membership.save(update_fields=["role"])
    _audit(request=request, what="role changed", membership=membership, role=role, before=before)
    return membership


@transaction.atomic
def staff_member_remove(*, membership: AgencyMembership, request: HttpRequest) -> None:
    """The person no longer works for the agency; their account stays (another agency's)."""
    membership = _locked(membership)
    if membership.user_id == request.user.pk:
        raise StaffRefused(
            _("You cannot remove yourself from the staff. Another administrator can.")
        )
    if membership.role == Role.AGENCY_ADMIN and _admins(membership.agency) == 1:
        raise StaffRefused(_("The agency needs an administrator: make someone else one first."))
    StaffInvitation.objects.filter(
        user_id=membership.user_id, agency=membership.agency, used_at__isnull=True
    ).delete()
    membership.delete()
    _audit(request=request, what="member removed", membership=membership, role=membership.role)


@transaction.atomic
def staff_second_factor_reset(*, membership: AgencyMembership, request: HttpRequest) -> None:
    """A lost phone: the member's authenticator app and recovery codes stop working at once
    (a session verified with them too) and a new set-up link is sent."""
    membership = _locked(membership)
    user = membership.user
    # Without an address the member would be left with no second factor and no way to set one.
    try:
        validate_email(user.email)
    except ValidationError:
        raise StaffRefused(
            _("There is no working e-mail address for the new set-up link, so nothing was reset.")
        ) from None
    TOTPDevice.objects.filter(user=user).delete()
    StaticDevice.objects.filter(user=user).delete()
    _audit(request=request, what="second factor reset", membership=membership)
    invitation_send(
        user=user,
        agency=membership.agency,
        sent_by=request.user,  # type: ignore[arg-type]
        second_factor_reset=True,
    )
