"""Files' section of the personal data registry (privacy.personal_data)."""

from typing import TYPE_CHECKING, Any

from django.utils.translation import gettext_lazy as _

from asiointi.attachments.models import Attachment
from asiointi.attachments.services import attachments_delete_of_customer
from asiointi.privacy.personal_data import Section, personal_data_register

if TYPE_CHECKING:
    from asiointi.customers.models import Customer


def _files(customer: "Customer") -> list[dict[str, Any]]:
    return [
        {
            "name": row.original_name,
            "type": row.media_type,
            "size": row.size,
            "uploaded_at": row.created_at,
        }
        for row in Attachment.objects.filter(customer=customer).order_by("created_at", "pk")
    ]


def register() -> None:
    personal_data_register(
        Section(
            "files",
            _("Files you have sent"),
            _files,
            erase=lambda customer: attachments_delete_of_customer(customer=customer),
            order=65,
        )
    )
