import uuid
from datetime import timedelta

from django.utils import timezone

from asiointi.catalogue.models import Service
from asiointi.customers.models import Customer
from asiointi.folder.models import FolderItem


def fill_folder(customer: Customer, count: int, service: Service | None = None) -> None:
    """`count` submissions, the newest first by reference SUB00000, one in ten still a draft."""
    now = timezone.now()
    FolderItem.objects.bulk_create(
        FolderItem(
            customer=customer,
            kind="draft" if number % 10 == 0 else "submission",
            # A draft's and a submission's key is its uuid; these open nothing.
            key=str(uuid.uuid5(uuid.NAMESPACE_OID, f"{customer.pk}-{number}")),
            title={
                "fi": f"Hakemus {number}",
                "sv": f"Ansökan {number}",
                "en": f"Application {number}",
            },
            status="draft" if number % 10 == 0 else "received",
            reference="" if number % 10 == 0 else f"SUB{number:05d}",
            service=service,
            needs_action=number % 10 == 0,
            occurred_at=now - timedelta(minutes=number),
        )
        for number in range(count)
    )
