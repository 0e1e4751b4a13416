"""Invitations of staff: a one-time link, signed and valid for INVITATION_VALID, to a page where
the invitee sets a password (when their account has none) and their authenticator app, and gets
their recovery codes once. After that they log in at the staff login like everyone else."""

import base64
from binascii import unhexlify
from datetime import timedelta
from typing import Any

import qrcode
from django.conf import settings
from django.contrib.auth.password_validation import validate_password
from django.core import signing
from django.db import transaction
from django.http import HttpRequest
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from django.views.decorators.debug import sensitive_variables
from django_otp.plugins.otp_totp.models import TOTPDevice
from django_otp.util import random_hex

from asiointi.backoffice.models import StaffInvitation, StaffOidcIdentity
from asiointi.backoffice.services import SecondFactor, staff_second_factor_set_up
from asiointi.catalogue.models import Agency
from asiointi.identity.models import User
from asiointi.notify.services import notification_send
from asiointi.privacy.models import AuditEvent
from asiointi.privacy.services import audit_record

INVITATION_VALID = timedelta(hours=72)
SALT = "asiointi.backoffice.invitation"


class InvitationRefused(Exception):
    def __init__(self, message: object, *, field: str = "") -> None:
        super().__init__(str(message))
        self.message = str(message)
        self.field = field


def _portal_url(path: str) -> str:
    return f"{settings.PORTAL_URL}{path}"


def _set_up(user: User) -> bool:
    """A password and a second factor: nothing for a link to set up."""
    factor = (
        TOTPDevice.objects.filter(user=user, confirmed=True).exists()
        or StaffOidcIdentity.objects.filter(user=user).exists()
    )
    return user.has_usable_password() and factor


def invitation_token(invitation: StaffInvitation) -> str:
    return signing.dumps(invitation.pk, salt=SALT, compress=False)


def invitation_send(
    *, user: User, agency: Agency, sent_by: User, second_factor_reset: bool = False
) -> StaffInvitation | None:
    """Tell the person, in the sender's language, that they work for the agency: with a set-up
    link when they have something to set up (or their second factor was reset), otherwise with
    the address of the staff login. Only the newest link works."""
    language = get_language() or settings.LANGUAGE_CODE
    if not second_factor_reset and _set_up(user):
        _email(
            user,
            "staff_added",
            language,
            agency_name=agency.name,
            login_url=_portal_url(reverse("backoffice:login")),
        )
        return None
    StaffInvitation.objects.filter(user=user, used_at__isnull=True).delete()
    invitation = StaffInvitation.objects.create(
        user=user, agency=agency, sent_by=sent_by, totp_key=random_hex(20)
    )
    link = reverse("backoffice:staff_invitation", args=[invitation_token(invitation)])
    _email(
        user,
        "staff_invitation",
        language,
        agency_name=agency.name,
        link=_portal_url(link),
        valid_hours=int(INVITATION_VALID.total_seconds() // 3600),
        reset=second_factor_reset,
    )
    return invitation


def _email(user: User, template: str, language: str, **context: Any) -> None:
    notification_send(
        channel="email", to=user.email, template=template, context=context, language=language
    )


def invitation_open(*, token: str) -> StaffInvitation | None:
    """The unused invitation the link names, or None: a forged, expired, used or replaced link,
    or one of someone no longer on any staff."""
    try:
        pk = signing.loads(token, salt=SALT, max_age=INVITATION_VALID)
    except signing.BadSignature:
        return None
    invitation = (
        StaffInvitation.objects.select_related("user", "agency")
        .filter(pk=pk, used_at__isnull=True, created_at__gt=timezone.now() - INVITATION_VALID)
        .first()
    )
    if invitation is None or not _may_set_up(invitation.user):
        return None
    return invitation


def _may_set_up(user: User) -> bool:
    staff = user.is_superuser or user.agency_memberships.exists() or user.platform_roles.exists()
    return bool(user.is_active and staff and not user.is_resident)


def needs_password(invitation: StaffInvitation) -> bool:
    return not invitation.user.has_usable_password()


def totp_secret(invitation: StaffInvitation) -> str:
    """The key as authenticator apps take it typed: base32, in groups of four."""
    text = base64.b32encode(unhexlify(invitation.totp_key)).decode()
    return " ".join(text[i : i + 4] for i in range(0, len(text), 4))


def totp_address(invitation: StaffInvitation) -> str:
    """The otpauth:// address (the QR code holds it), named after the portal and the account."""
    device = TOTPDevice(user=invitation.user, key=invitation.totp_key)
    return device.config_url


def qr_path(text: str) -> tuple[str, int]:
    """The QR code of `text` as one SVG path (dark modules) and the side of its square, so the
    page draws it inline: no image file, no script."""
    code = qrcode.QRCode(border=2, error_correction=qrcode.constants.ERROR_CORRECT_M)
    code.add_data(text)
    matrix = code.get_matrix()
    path = "".join(
        f"M{x},{y}h1v1h-1z" for y, row in enumerate(matrix) for x, dark in enumerate(row) if dark
    )
    return path, len(matrix)


@sensitive_variables("password", "code")
@transaction.atomic
def invitation_complete(
    *, invitation: StaffInvitation, password: str, code: str, request: HttpRequest
) -> SecondFactor:
    """Set the password (if the account has none) and the authenticator app, once: the row is
    locked, so two presses of the same link set up one app and one set of recovery codes."""
    locked = (
        StaffInvitation.objects.select_for_update()
        .filter(pk=invitation.pk, used_at__isnull=True)
        .first()
    )
    if locked is None:
        raise InvitationRefused(_("This link has already been used."))
    user = User.objects.select_for_update().get(pk=locked.user_id)
    if not user.has_usable_password():
        validate_password(password, user)
        user.set_password(password)
        user.save(update_fields=["password"])
    factor = staff_second_factor_set_up(user=user, key=locked.totp_key)
    # Checked by the new device itself, which then refuses the same code at the login.
    if not factor.totp.verify_token(code.strip().replace(" ", "")):
        raise InvitationRefused(
            _("The code is wrong. Enter the six digits your authenticator app shows now."),
            field="code",
        )
    locked.used_at = timezone.now()
    locked.totp_key = ""
    locked.save(update_fields=["used_at", "totp_key"])
    audit_record(
        action=AuditEvent.Action.STAFF_CHANGED,
        request=request,
        user=user,
        target=f"user:{user.pk}",
        details={"what": "set up by invitation", "invitation": locked.pk},
    )
    return factor
