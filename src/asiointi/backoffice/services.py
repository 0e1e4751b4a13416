from django.db import transaction

from asiointi.backoffice.models import AgencyMembership
from asiointi.catalogue.models import Agency
from asiointi.identity.models import User


@transaction.atomic
def agency_membership_add(*, user: User, agency: Agency) -> AgencyMembership:
    membership, _created = AgencyMembership.objects.get_or_create(user=user, agency=agency)
    return membership
