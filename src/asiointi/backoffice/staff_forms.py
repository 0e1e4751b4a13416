"""Forms of the back office's access grants and course rosters."""

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from asiointi.catalogue.models import Service
from asiointi.plain_text import PlainTextField


class CustomerFindForm(forms.Form):
    identifier = PlainTextField(
        label=_("Personal identity code or business ID"),
        help_text=_("For example 010280-123A or 1234567-1. The search is kept in the audit log."),
        max_length=20,
        error_messages={"required": _("Give a personal identity code or a business ID.")},
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["identifier"].widget.attrs["autocomplete"] = "off"


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self) -> None:
        super().__init__(format="%Y-%m-%d")


def service_choice() -> forms.TypedChoiceField:
    """A `service` field for `ServiceChoiceForm`, declared by each form where it stands."""
    return forms.TypedChoiceField(
        label=_("Service"), coerce=int, error_messages={"required": _("Choose the service.")}
    )


class ServiceChoiceForm(forms.Form):
    """A form whose `service` field (`service_choice()`) offers the services it is given."""

    def __init__(self, *args: Any, services: list[Service], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.services = {service.pk: service for service in services}
        field = self.fields["service"]
        assert isinstance(field, forms.ChoiceField)
        field.choices = [("", _("Choose the service"))] + [(s.pk, s.name) for s in services]

    def chosen_service(self) -> Service:
        return self.services[self.cleaned_data["service"]]


class GrantForm(ServiceChoiceForm):
    customer = forms.CharField(widget=forms.HiddenInput, max_length=200)
    service = service_choice()
    valid_until = forms.DateField(
        label=_("Access ends on"),
        help_text=_("The last day the customer may use the service. Empty: until revoked."),
        required=False,
        widget=DateInput(),
        error_messages={"invalid": _("Give the date like 31.12.2027.")},
        input_formats=["%Y-%m-%d", "%d.%m.%Y"],
    )


class CapacityForm(forms.Form):
    capacity = forms.IntegerField(
        label=_("Places"),
        min_value=0,
        max_value=100000,
        error_messages={"required": _("Give the number of places.")},
    )
    waiting_capacity = forms.IntegerField(
        label=_("Places on the waiting list"),
        min_value=0,
        max_value=100000,
        error_messages={"required": _("Give the number of waiting-list places.")},
    )


class RosterMessageForm(forms.Form):
    body = PlainTextField(
        label=_("Message to everyone enrolled"),
        help_text=_("Each enrolled customer gets it in their e-services folder and is told of it."),
        widget=forms.Textarea(attrs={"rows": 5}),
        max_length=10000,
        multiline=True,
        error_messages={"required": _("Write a message.")},
    )
