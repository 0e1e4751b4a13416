from django import forms
from django.utils.translation import gettext_lazy as _

from asiointi.devidp.persons import all_persons

METHODS = [
    ("bank", _("Online bank")),
    ("mobile", _("Mobile certificate")),
    ("card", _("Certificate card")),
]

SUCCESS = "success"
TOO_LOW = "too_low"
FAILED = "failed"
UNAVAILABLE = "unavailable"
OUTCOMES = [
    (SUCCESS, _("Identification succeeds")),
    (TOO_LOW, _("Identification succeeds, but at too low a level of assurance")),
    (FAILED, _("Identification fails")),
    (UNAVAILABLE, _("The identification service is temporarily unavailable")),
]


class MethodForm(forms.Form):
    """The method chooser's buttons: a method, cancel, or continue an earlier identification."""

    authorization = forms.CharField(widget=forms.HiddenInput)
    action = forms.ChoiceField(choices=[*METHODS, ("cancel", ""), ("continue", "")])


class PersonForm(forms.Form):
    authorization = forms.CharField(widget=forms.HiddenInput)
    method = forms.ChoiceField(choices=METHODS, widget=forms.HiddenInput)
    person = forms.ChoiceField(
        label=_("Test person"),
        choices=lambda: [(person.key, person.full_name) for person in all_persons()],
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose the test person to identify as.")},
    )
    outcome = forms.ChoiceField(
        label=_("Result of the identification"),
        choices=OUTCOMES,
        initial=SUCCESS,
        widget=forms.RadioSelect,
    )
