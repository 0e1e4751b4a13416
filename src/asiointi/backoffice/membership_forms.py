"""Forms of managing an agency's staff, and of the invitee's set-up page."""

from typing import Any

from django import forms
from django.contrib.auth.forms import SetPasswordMixin
from django.utils.translation import gettext_lazy as _

from asiointi.backoffice.models import AgencyMembership
from asiointi.plain_text import PlainTextField


class MemberAddForm(forms.Form):
    first_name = PlainTextField(
        label=_("First name"),
        max_length=150,
        error_messages={"required": _("Give the first name.")},
    )
    last_name = PlainTextField(
        label=_("Last name"),
        max_length=150,
        error_messages={"required": _("Give the last name.")},
    )
    email = forms.EmailField(
        label=_("E-mail address"),
        help_text=_("The invitation is sent here. It is also the username of a new account."),
        max_length=150,
        error_messages={
            "required": _("Give the e-mail address."),
            "invalid": _("Give the e-mail address like name@example.fi."),
        },
    )
    role = forms.ChoiceField(
        label=_("Role"),
        choices=AgencyMembership.Role.choices,
        initial=AgencyMembership.Role.CLERK,
        error_messages={"required": _("Choose the role."), "invalid_choice": _("Choose the role.")},
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["first_name"].widget.attrs["autocomplete"] = "off"
        self.fields["last_name"].widget.attrs["autocomplete"] = "off"
        self.fields["email"].widget.attrs["autocomplete"] = "off"


class RoleForm(forms.Form):
    role = forms.ChoiceField(
        label=_("Role"),
        choices=AgencyMembership.Role.choices,
        error_messages={"required": _("Choose the role."), "invalid_choice": _("Choose the role.")},
    )


class InvitationForm(SetPasswordMixin, forms.Form):
    """The new password (asked only when the account has none; Django's password validators
    check it) and the authenticator app's first code."""

    new_password1, new_password2 = SetPasswordMixin.create_password_fields(
        label1=_("New password"), label2=_("The new password again")
    )
    code = forms.CharField(
        label=_("Code from the authenticator app"),
        help_text=_("Six digits, once you have added the key to the app."),
        max_length=20,
        error_messages={"required": _("Enter the code your authenticator app shows.")},
    )

    def __init__(self, user: Any, *args: Any, password: bool = True, **kwargs: Any) -> None:
        self.user = user
        super().__init__(*args, **kwargs)
        self.fields["code"].widget.attrs.update(
            {"autocomplete": "one-time-code", "inputmode": "numeric", "spellcheck": "false"}
        )
        if password:
            self.fields["new_password1"].help_text = _(
                "At least 8 characters. Not a common password, not only digits and not like "
                "your name or e-mail address."
            )
            self.fields["new_password2"].help_text = ""
            self.fields["new_password1"].error_messages["required"] = _("Give a new password.")
            self.fields["new_password2"].error_messages["required"] = _(
                "Give the new password again."
            )
        else:
            del self.fields["new_password1"]
            del self.fields["new_password2"]

    def clean(self) -> dict[str, Any]:
        if "new_password1" in self.fields:
            self.validate_passwords("new_password1", "new_password2")
            self.validate_password_for_user(self.user, "new_password2")
        return super().clean() or {}

    def password(self) -> str:
        return str(self.cleaned_data.get("new_password1") or "")
