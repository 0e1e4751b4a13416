from typing import Any

from asiointi.identity.models import User
from asiointi.registration.models import ContactVerification


def contact_verifications_data(*, person: User) -> list[dict[str, Any]]:
    """Codes sent to the person, without the codes (only their hashes are kept anyway)."""
    return [
        {
            "channel": row.channel,
            "address": row.address,
            "sent_at": row.created_at,
            "confirmed_at": row.verified_at,
        }
        for row in ContactVerification.objects.filter(user=person).order_by("created_at")
    ]
