"""Confirming a person's, or an organisation's, e-mail address or mobile number with a six-digit
one-time code. An organisation's codes are asked for by the person acting for it: the limits
count that person, and the code is theirs to enter."""

import hashlib
import hmac
import secrets
from datetime import timedelta
from typing import TYPE_CHECKING

from django.conf import settings
from django.core.cache import cache
from django.core.validators import validate_email
from django.db import transaction
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from asiointi.identity.models import User
from asiointi.notify.phone import normalise_mobile_number
from asiointi.notify.services import notification_send
from asiointi.privacy.models import AuditEvent
from asiointi.privacy.services import audit_record
from asiointi.registration.models import ContactVerification

if TYPE_CHECKING:
    # Type only: registration stands below organisations (docs/architecture.md).
    from asiointi.organisations.models import Organisation

Channel = ContactVerification.Channel
CODE_VALID = timedelta(minutes=15)
MAX_ATTEMPTS = 5
RESEND_COOLDOWN_SECONDS = 60
MAX_CODES_PER_PERSON_PER_HOUR = 10
MAX_CODES_PER_ADDRESS_PER_HOUR = 5


class VerificationRefused(Exception):
    def __init__(self, message: object) -> None:  # a lazy translation too
        super().__init__(str(message))
        self.message = str(message)


def contact_normalise(*, channel: str, address: str) -> str:
    """The address in its stored form, or ValidationError in the person's language."""
    if channel == Channel.SMS:
        return normalise_mobile_number(address)
    address = address.strip()
    validate_email(address)
    local, _at, domain = address.rpartition("@")
    return f"{local}@{domain.lower()}"


def _code_hash(verification_id: int, code: str) -> str:
    key = f"contact-code:{settings.SECRET_KEY}".encode()
    return hmac.new(key, f"{verification_id}:{code}".encode(), hashlib.sha256).hexdigest()


def _rate_limit(key: str, limit: int, seconds: int) -> bool:
    """Count one use; False when the limit is already reached."""
    cache.add(key, 0, seconds)
    try:
        return cache.incr(key) <= limit
    except ValueError:  # expired between add and incr
        cache.set(key, 1, seconds)
        return True


@transaction.atomic
def verification_start(
    *,
    user: User,
    channel: str,
    address: str,
    language: str,
    organisation: "Organisation | None" = None,
) -> ContactVerification:
    """Send a new code to the address. Earlier unconfirmed codes for the same channel stop working.

    Nothing here tells whether the address belongs to someone else: addresses are not unique.
    """
    address = contact_normalise(channel=channel, address=address)
    whose = f"{user.pk}:{organisation.pk}" if organisation else f"{user.pk}"
    if not cache.add(f"verify:cooldown:{whose}:{channel}", 1, RESEND_COOLDOWN_SECONDS):
        raise VerificationRefused(
            _("A code was sent less than a minute ago. Wait a moment before asking for a new one.")
        )
    if not _rate_limit(f"verify:person:{user.pk}", MAX_CODES_PER_PERSON_PER_HOUR, 3600) or not (
        _rate_limit(
            f"verify:address:{hashlib.sha256(address.encode()).hexdigest()}",
            MAX_CODES_PER_ADDRESS_PER_HOUR,
            3600,
        )
    ):
        raise VerificationRefused(
            _("Too many codes have been asked for. Try again in an hour, or call the advice line.")
        )
    ContactVerification.objects.filter(
        user=user, organisation=organisation, channel=channel, verified_at__isnull=True
    ).delete()
    code = f"{secrets.randbelow(10**6):06d}"
    verification = ContactVerification.objects.create(
        user=user,
        organisation=organisation,
        channel=channel,
        address=address,
        code_hash="",
        expires_at=timezone.now() + CODE_VALID,
    )
    verification.code_hash = _code_hash(verification.pk, code)
    verification.save(update_fields=["code_hash"])
    notification_send(
        channel="sms" if channel == Channel.SMS else "email",
        to=address,
        template="verification_code",
        context={"code": code, "valid_minutes": int(CODE_VALID.total_seconds() // 60)},
        language=language,
    )
    return verification


NOTHING_CHANGED = _("These are already your confirmed contact details.")


@transaction.atomic
def registration_start(
    *,
    user: User,
    email: str,
    mobile: str,
    language: str,
    organisation: "Organisation | None" = None,
) -> None:
    """Registration and later changes, for a person or (asked by the person acting for it) an
    organisation: a code goes to each address given that is not already the confirmed one.

    All or nothing: a refusal of one address leaves no code of the other waiting (the codes
    are sent on commit). The holder's row is locked, so a double press waits for the first and
    then finds its fresh code for the same address: it sends no second code and is no error."""
    holder: User | Organisation = _holder_locked(user=user, organisation=organisation)
    wanted = {Channel.EMAIL: email, Channel.SMS: mobile}
    current = {Channel.EMAIL: holder.email, Channel.SMS: holder.mobile_number}
    normalised = {
        channel: contact_normalise(channel=channel, address=address)
        for channel, address in wanted.items()
        if address
    }
    changed = {c: address for c, address in normalised.items() if address != current[c]}
    if not changed and holder.is_registered:
        raise VerificationRefused(NOTHING_CHANGED)
    for channel, address in changed.items():
        pending = verification_pending(user=user, channel=channel, organisation=organisation)
        if pending is not None and pending.address == address and _just_sent(pending):
            continue
        verification_start(
            user=user,
            organisation=organisation,
            channel=channel,
            address=address,
            language=language,
        )


def _holder_locked(*, user: User, organisation: "Organisation | None") -> "User | Organisation":
    if organisation is not None:
        return type(organisation)._default_manager.select_for_update().get(pk=organisation.pk)
    return User.objects.select_for_update().get(pk=user.pk)


def _just_sent(verification: ContactVerification) -> bool:
    sent_at = verification.expires_at - CODE_VALID
    return timezone.now() - sent_at < timedelta(seconds=RESEND_COOLDOWN_SECONDS)


def verification_pending(
    *, user: User, channel: str, organisation: "Organisation | None" = None
) -> ContactVerification | None:
    return ContactVerification.objects.filter(
        user=user, organisation=organisation, channel=channel, verified_at__isnull=True
    ).first()


def verification_confirm(
    *,
    request: HttpRequest,
    user: User,
    channel: str,
    code: str,
    organisation: "Organisation | None" = None,
) -> None:
    """Check the code; on success the address becomes the person's confirmed contact.

    A wrong guess is counted in its own transaction before the refusal is raised, so that
    guessing stops after MAX_ATTEMPTS whatever happens to the request.
    """
    with transaction.atomic():
        verification = (
            ContactVerification.objects.select_for_update()
            .filter(user=user, organisation=organisation, channel=channel, verified_at__isnull=True)
            .first()
        )
        if verification is None or verification.expires_at < timezone.now():
            refusal = str(_("The code has expired. Ask for a new code."))
        elif verification.attempts >= MAX_ATTEMPTS:
            refusal = str(TOO_MANY_ATTEMPTS)
        else:
            verification.attempts += 1
            verification.save(update_fields=["attempts"])
            expected = _code_hash(verification.pk, code.strip())
            if hmac.compare_digest(verification.code_hash, expected):
                verification.verified_at = timezone.now()
                verification.save(update_fields=["verified_at"])
                _contact_set(request=request, user=user, verification=verification)
                return
            refusal = _wrong_code(MAX_ATTEMPTS - verification.attempts)
    raise VerificationRefused(refusal)


TOO_MANY_ATTEMPTS = _("The code was entered wrong too many times. Ask for a new code.")


def _wrong_code(attempts_left: int) -> str:
    if not attempts_left:
        return str(TOO_MANY_ATTEMPTS)
    return ngettext(
        "The code is not right. You can try %(count)d more time.",
        "The code is not right. You can try %(count)d more times.",
        attempts_left,
    ) % {"count": attempts_left}


def _contact_set(*, request: HttpRequest, user: User, verification: ContactVerification) -> None:
    now = timezone.now()
    # A person and an organisation keep their contact details in fields of the same names.
    holder: User | Organisation = verification.organisation or user
    if verification.channel == Channel.EMAIL:
        holder.email, holder.email_verified_at = verification.address, now
    else:
        holder.mobile_number, holder.mobile_verified_at = verification.address, now
    first_registration = holder.registered_at is None
    if first_registration:
        holder.registered_at = now
    holder.save()
    organisation = verification.organisation
    audit_record(
        action=AuditEvent.Action.REGISTERED
        if first_registration
        else AuditEvent.Action.CONTACT_CHANGED,
        request=request,
        user=user,
        target=f"organisation:{organisation.pk}:{verification.channel}"
        if organisation
        else verification.channel,
    )
