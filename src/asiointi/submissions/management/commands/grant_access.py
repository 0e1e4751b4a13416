from typing import Any

from django.core.management.base import BaseCommand, CommandError

from asiointi.catalogue.models import Service
from asiointi.customers.services import customer_for_organisation
from asiointi.organisations.models import Organisation
from asiointi.submissions.services import access_grant


class Command(BaseCommand):
    help = (
        "Let an organisation use a service that requires contacting the agency first "
        "(by business ID). Residents are granted access in the admin (Access grants), where "
        "no identity code has to be typed on a command line."
    )

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("service", help="The service's identifier (slug).")
        parser.add_argument("business_id", help="The organisation's business ID, like 0737546-2.")
        parser.add_argument("--note", default="", help="Why, for the record.")

    def handle(self, *args: Any, **options: Any) -> None:
        service = Service.objects.filter(slug=options["service"]).first()
        if service is None:
            raise CommandError(f"No service {options['service']!r}.")
        organisation = Organisation.objects.filter(business_id=options["business_id"]).first()
        if organisation is None:
            raise CommandError(f"No organisation with business ID {options['business_id']!r}.")
        access_grant(
            service=service, customer=customer_for_organisation(organisation), note=options["note"]
        )
        self.stdout.write(f"{organisation.name} may now use {service.slug}.")
