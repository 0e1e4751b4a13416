from typing import TYPE_CHECKING

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

if TYPE_CHECKING:
    from asiointi.catalogue.models import Service
    from asiointi.customers.acting import Scope
    from asiointi.identity.models import User
    from asiointi.organisations.models import Organisation


def _scope(
    person: "User", organisation: "Organisation", service: "Service | None"
) -> "Scope | None":
    from asiointi.organisations import services

    return services.organisation_scope(person=person, organisation=organisation, service=service)


class OrganisationsConfig(AppConfig):
    name = "asiointi.organisations"
    verbose_name = _("organisations")

    def ready(self) -> None:
        from asiointi.customers.acting import acting_scope_hook_register

        # customers.acting asks here what a person acting for an organisation may see.
        acting_scope_hook_register(_scope)

        from asiointi.organisations.personal_data import register

        register()
