from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from asiointi.plain_text import PlainTextField
from asiointi.registration.models import ContactVerification
from asiointi.registration.services import contact_normalise

Channel = ContactVerification.Channel


class ContactForm(forms.Form):
    email = PlainTextField(
        label=_("E-mail address"),
        required=False,
        max_length=254,
        help_text=_("For example name@example.fi"),
        widget=forms.EmailInput(attrs={"autocomplete": "email", "spellcheck": "false"}),
    )
    mobile = PlainTextField(
        label=_("Mobile phone number"),
        required=False,
        max_length=30,
        help_text=_("For example 040 123 4567"),
        widget=forms.TextInput(attrs={"type": "tel", "autocomplete": "tel"}),
    )

    def __init__(self, *args: Any, organisation: bool = False, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # One of the two is needed (clean() says so): neither is marked "(optional)".
        for name in ("email", "mobile"):
            self.fields[name].conditional = True  # type: ignore[attr-defined]
        if organisation:
            # The organisation's details, not the person's own: no autofill with theirs.
            for name in ("email", "mobile"):
                self.fields[name].widget.attrs.pop("autocomplete", None)

    def clean_email(self) -> str:
        value = self.cleaned_data["email"].strip()
        if not value:
            return ""
        try:
            return contact_normalise(channel=Channel.EMAIL, address=value)
        except ValidationError:
            raise ValidationError(
                _("Enter an e-mail address in the right form, like name@example.fi.")
            ) from None

    def clean_mobile(self) -> str:
        value = self.cleaned_data["mobile"].strip()
        return contact_normalise(channel=Channel.SMS, address=value) if value else ""

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if not self.errors and not data.get("email") and not data.get("mobile"):
            # On the first field, so the summary links to it and it is marked invalid.
            self.add_error("email", _("Give an e-mail address or a mobile phone number, or both."))
        return data


class CodeForm(forms.Form):
    code = forms.CharField(
        label=_("Confirmation code"),
        max_length=20,
        help_text=_("Six digits"),
        widget=forms.TextInput(
            attrs={"inputmode": "numeric", "autocomplete": "one-time-code", "spellcheck": "false"}
        ),
    )

    def clean_code(self) -> str:
        code = "".join(self.cleaned_data["code"].split())
        if not (len(code) == 6 and code.isdigit()):
            raise ValidationError(_("The code has six digits, for example 123456."))
        return code
