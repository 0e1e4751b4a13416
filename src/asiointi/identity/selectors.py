from typing import Any

from asiointi.identity.models import User


def person_data(*, person: User) -> dict[str, Any]:
    """What the portal holds about the person themself, for their own copy of their data.

    The identity code is given masked: the file may be saved on a shared computer.
    """
    return {
        "name": person.full_name,
        "identity_code": person.identity_code_masked,
        "home_municipality": person.home_municipality_name,
        "street_address": person.street_address,
        "postal_code": person.postal_code,
        "post_office": person.post_office,
        "email": person.email,
        "email_confirmed_at": person.email_verified_at,
        "mobile_number": person.mobile_number,
        "mobile_number_confirmed_at": person.mobile_verified_at,
        "registered_at": person.registered_at,
        "first_login_at": person.date_joined,
        "last_login_at": person.last_login,
    }
