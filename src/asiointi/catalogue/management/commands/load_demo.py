from typing import Any

from django.core.management.base import BaseCommand

from asiointi.catalogue.demo import load_demo


class Command(BaseCommand):
    help = "Load or refresh the demo city's catalogue; other data is kept."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument(
            "--refresh", action="store_true", help="Write the demo texts over existing demo rows."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        counts = load_demo(refresh=options["refresh"])
        self.stdout.write(
            f"Demo catalogue: {counts['agency']} agencies, {counts['category']} categories, "
            f"{counts['service']} services."
        )
