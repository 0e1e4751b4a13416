from typing import TYPE_CHECKING

from asiointi.organisations.models import Organisation

if TYPE_CHECKING:
    from asiointi.catalogue.models import Service
    from asiointi.identity.models import User


def organisation_rights_check(
    *, person: "User", organisation: Organisation, service: "Service | None" = None
) -> bool:
    """May the person act for the organisation now (for the service, when one is given)?

    The organisations issue asks Suomi.fi e-Authorizations again here; until then nobody may act for
    an organisation, so the answer is no.
    """
    return False
