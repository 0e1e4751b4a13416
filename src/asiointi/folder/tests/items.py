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
            kind=FolderItem.Kind.DRAFT if number % 10 == 0 else FolderItem.Kind.SUBMISSION,
            key=f"{customer.pk}-{number}",
            title={
                "fi": f"Hakemus {number}",
                "sv": f"Ansökan {number}",
                "en": f"Application {number}",
            },
            status="draft" if number % 10 == 0 else "received",
            status_label={"fi": "Vastaanotettu", "sv": "Mottagen", "en": "Received"}
            if number % 10
            else {"fi": "Luonnos", "sv": "Utkast", "en": "Draft"},
            reference="" if number % 10 == 0 else f"SUB{number:05d}",
            service=service,
            needs_action=number % 10 == 0,
            link_name="folder:index",
            link_args=[],
            occurred_at=now - timedelta(minutes=number),
        )
        for number in range(count)
    )
