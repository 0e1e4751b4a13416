from dataclasses import dataclass

from django.db import transaction
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from asiointi.backoffice.models import AgencyMembership
from asiointi.catalogue.models import Agency
from asiointi.identity.models import User


@transaction.atomic
def agency_membership_add(*, user: User, agency: Agency) -> AgencyMembership:
    membership, _created = AgencyMembership.objects.get_or_create(user=user, agency=agency)
    return membership


@dataclass(frozen=True)
class SecondFactor:
    totp: TOTPDevice
    recovery_codes: list[str]


@transaction.atomic
def staff_second_factor_set_up(*, user: User, recovery_codes: int = 10) -> SecondFactor:
    """A new authenticator app secret and single-use recovery codes for a platform superuser.

    Earlier ones stop working: this is also how a lost phone is replaced.
    """
    TOTPDevice.objects.filter(user=user).delete()
    StaticDevice.objects.filter(user=user).delete()
    totp = TOTPDevice.objects.create(user=user, name="authenticator app", confirmed=True)
    static = StaticDevice.objects.create(user=user, name="recovery codes", confirmed=True)
    codes = [StaticToken.random_token() for _ in range(recovery_codes)]
    StaticToken.objects.bulk_create(StaticToken(device=static, token=code) for code in codes)
    return SecondFactor(totp=totp, recovery_codes=codes)
