"""Send a message or a decision to a customer's folder, until the back office does it."""

import sys
from argparse import ArgumentParser
from datetime import date
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError

from asiointi.catalogue.models import Agency
from asiointi.customers.models import Customer
from asiointi.customers.services import customer_for_organisation, customer_for_person
from asiointi.folder.messaging import MessageRefused, message_send
from asiointi.folder.models import Thread
from asiointi.identity.models import User
from asiointi.organisations.models import Organisation
from asiointi.privacy.identity_codes import identity_code_digest


class Command(BaseCommand):
    help = (
        "Send a message to a customer's e-services folder. The customer is a person (by identity "
        "code, read from standard input so it stays out of shell history and process lists) or "
        "an organisation (--business-id). A --document PDF makes the message a decision."
    )

    stealth_options = ("stdin",)

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("--agency", required=True, help="the agency's identifier (slug)")
        who = parser.add_mutually_exclusive_group(required=True)
        who.add_argument("--person-from-stdin", action="store_true", help="read an identity code")
        who.add_argument("--business-id")
        who.add_argument("--thread", type=int, help="answer in this thread")
        parser.add_argument("--subject", default="")
        parser.add_argument("--body", required=True)
        parser.add_argument("--reference", default="")
        parser.add_argument("--about-kind", default="")
        parser.add_argument("--about-key", default="")
        parser.add_argument("--document", type=Path, help="a PDF: the message is a decision")
        parser.add_argument(
            "--decision",
            action="store_true",
            help="a decision; without --document, its PDF is made",
        )
        parser.add_argument("--served-on", type=date.fromisoformat, help="YYYY-MM-DD")

    def handle(self, *args: Any, **options: Any) -> None:
        agency = Agency.objects.filter(slug=options["agency"]).first()
        if agency is None:
            raise CommandError(f"No agency {options['agency']!r}.")
        thread = None
        if options["thread"]:
            thread = Thread.objects.filter(pk=options["thread"], agency=agency).first()
            if thread is None:
                raise CommandError("No such thread of this agency.")
            customer = thread.customer
        else:
            customer = self._customer(options)
        document = options["document"].read_bytes() if options["document"] else None
        try:
            message = message_send(
                customer=customer,
                agency=agency,
                thread=thread,
                subject=options["subject"],
                body=options["body"],
                reference=options["reference"],
                about_kind=options["about_kind"],
                about_key=options["about_key"],
                document=document,
                document_name=options["document"].name if options["document"] else "",
                served_on=options["served_on"],
                decision=options["decision"],
            )
        except MessageRefused as refusal:
            raise CommandError(refusal.message) from None
        self.stdout.write(f"Sent message {message.pk} in thread {message.thread_id}.")

    def _customer(self, options: dict[str, Any]) -> Customer:
        if options["business_id"]:
            organisation = Organisation.objects.filter(business_id=options["business_id"]).first()
            if organisation is None:
                raise CommandError("No organisation with that business ID.")
            return customer_for_organisation(organisation)
        code = (options.get("stdin") or sys.stdin).readline().strip().upper()
        person = User.objects.filter(identity_code_digest=identity_code_digest(code)).first()
        if person is None:
            raise CommandError("Nobody with that identity code has logged in to the portal.")
        return customer_for_person(person)
