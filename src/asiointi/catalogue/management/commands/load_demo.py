from importlib import import_module
from importlib.util import find_spec
from typing import Any

from django.apps import apps
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = (
        "Load the demo city: every app with a `demo.load_demo` adds its missing demo rows, "
        "in INSTALLED_APPS order (the catalogue first); other data is kept."
    )

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument(
            "--refresh", action="store_true", help="Write the demo texts over existing demo rows."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        for config in apps.get_app_configs():
            if not config.name.startswith("asiointi.") or not find_spec(f"{config.name}.demo"):
                continue
            loader = getattr(import_module(f"{config.name}.demo"), "load_demo", None)
            if loader is None:  # a folder of demo data, not a loader
                continue
            counts = loader(refresh=options["refresh"])
            summary = ", ".join(f"{count} {name}" for name, count in counts.items())
            self.stdout.write(f"Demo {config.label}: {summary}.")
