from asiointi.backoffice.models import AgencyMembership
from asiointi.catalogue.models import Agency
from asiointi.identity.models import User


def staff_member_of(*, user: User, agency: Agency) -> bool:
    return AgencyMembership.objects.filter(user=user, agency=agency).exists()
