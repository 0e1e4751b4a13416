from collections.abc import Sequence
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from asiointi.backoffice.models import DecisionTemplate
from asiointi.backoffice.selectors import CASE_STATUSES, UNASSIGNED, CaseFilter
from asiointi.catalogue.models import Service
from asiointi.identity.models import User
from asiointi.plain_text import PlainTextField
from asiointi.privacy.identity_codes import identity_code_normalise

CASE_STATUS_LABELS = {
    "new": _("New"),
    "in_progress": _("In progress"),
    "waiting": _("Waiting for the customer"),
    "decided": _("Decided"),
    "closed": _("Closed"),
}
assert set(CASE_STATUS_LABELS) == set(CASE_STATUSES)
# What a clerk may set (a case is new only until someone handles it).
SETTABLE = {
    "in_progress": "in_process",
    "waiting": "waiting",
    "decided": "decided",
    "closed": "closed",
}


def _person(user: User) -> str:
    return user.get_full_name() or user.get_username()


def _choices(form: forms.Form, name: str, choices: list[Any]) -> None:
    field = form.fields[name]
    assert isinstance(field, forms.ChoiceField)
    field.choices = choices


class CaseFilterForm(forms.Form):
    q = forms.CharField(label=_("Search"), required=False, max_length=100)
    service = forms.TypedChoiceField(
        label=_("Service"), required=False, coerce=int, empty_value=None
    )
    status = forms.ChoiceField(label=_("Status"), required=False)
    assignee = forms.ChoiceField(label=_("Handler"), required=False)
    undeliverable = forms.BooleanField(label=_("Only undelivered"), required=False)

    def __init__(self, *args: Any, services: list[Service], staff: list[User], **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.fields["q"].help_text = _("Reference, customer's name or service")
        _choices(self, "service", [("", _("All services"))] + [(s.pk, s.name) for s in services])
        _choices(self, "status", [("", _("All statuses")), *CASE_STATUS_LABELS.items()])
        _choices(
            self,
            "assignee",
            [("", _("Anyone")), (UNASSIGNED, _("No handler"))]
            + [(str(u.pk), _person(u)) for u in staff],
        )

    def filters(self) -> CaseFilter:
        data = self.cleaned_data if self.is_valid() else {}
        query = {k: str(v) for k, v in (self.data or {}).items() if k != "page" and v}
        return CaseFilter(
            service=data.get("service"),
            status=data.get("status") or "",
            assignee=data.get("assignee") or "",
            search=data.get("q") or "",
            undeliverable=bool(data.get("undeliverable")),
            query=query,
        )


class StatusForm(forms.Form):
    status = forms.ChoiceField(
        label=_("New status"),
        choices=[(key, CASE_STATUS_LABELS[key]) for key in SETTABLE],
    )

    def status_value(self) -> str:
        return SETTABLE[self.cleaned_data["status"]]


class AssignForm(forms.Form):
    assignee = forms.ChoiceField(label=_("Handler"), required=False)

    def __init__(self, *args: Any, staff: list[User], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.staff = {str(u.pk): u for u in staff}
        _choices(
            self, "assignee", [("", _("No handler"))] + [(str(u.pk), _person(u)) for u in staff]
        )

    def chosen(self) -> User | None:
        return self.staff.get(self.cleaned_data.get("assignee") or "")


class NoteForm(forms.Form):
    body = PlainTextField(
        label=_("Internal note"),
        help_text=_("Only the agency's staff see notes; the customer never does."),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=5000,
        multiline=True,
    )


class MessageForm(forms.Form):
    KINDS = [
        ("message", _("Message")),
        ("ask", _("Ask the customer for more information")),
        ("decision", _("Decision")),
    ]
    kind = forms.ChoiceField(
        label=_("What you send"),
        choices=KINDS,
        widget=forms.RadioSelect(attrs={"class": "hds-radio-button__input"}),
    )
    template = forms.ChoiceField(
        label=_("Decision template"),
        required=False,
        help_text=_(
            "A decision from a template is filled in for this case in the customer's language; "
            "your message is then its reasoning, which you may leave out."
        ),
    )
    body = PlainTextField(
        label=_("Message to the customer"),
        widget=forms.Textarea(attrs={"rows": 5}),
        max_length=10000,
        multiline=True,
        required=False,
    )
    document = forms.FileField(
        label=_("Decision as a PDF file (optional)"),
        help_text=_(
            "Without a template or a file, the decision is made into a PDF from the message."
        ),
        required=False,
        widget=forms.ClearableFileInput(attrs={"accept": "application/pdf,.pdf"}),
    )
    # One key per form shown: a second press of the same form sends nothing.
    form_key = forms.CharField(required=False, max_length=64, widget=forms.HiddenInput)

    def __init__(
        self, *args: Any, templates: Sequence[DecisionTemplate] = (), **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self.templates = {str(t.pk): t for t in templates}
        _choices(
            self,
            "template",
            [("", _("No template"))] + [(key, t.name) for key, t in self.templates.items()],
        )

    def clean_document(self) -> Any:
        upload = self.cleaned_data.get("document")
        if upload is None:
            return None
        if upload.size > 10 * 1024 * 1024:
            raise forms.ValidationError(_("The PDF file may be at most 10 MB."))
        content = upload.read()
        if not content.startswith(b"%PDF-"):
            raise forms.ValidationError(_("The file is not a PDF file."))
        return content

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("kind") != "decision":
            data["template"], data["document"] = "", None
        if data.get("template") and data.get("document"):
            self.add_error(
                "template", _("Choose a decision template or a PDF file of your own, not both.")
            )
        if not data.get("template") and not data.get("body") and "body" not in self.errors:
            self.add_error("body", _("Write a message."))
        return data

    def chosen_template(self) -> DecisionTemplate | None:
        return self.templates.get(self.cleaned_data.get("template") or "")


class RevealForm(forms.Form):
    reason = PlainTextField(
        label=_("Why do you need the full identity code?"),
        help_text=_("The reason is kept in the audit log with your name."),
        max_length=300,
    )


DATE_FORMATS = ["%Y-%m-%d", "%d.%m.%Y", "%d.%m.%y"]


def _date_field(label: Any) -> forms.DateField:
    return forms.DateField(
        label=label,
        required=False,
        input_formats=DATE_FORMATS,
        widget=forms.DateInput(attrs={"type": "date"}),
    )


class AuditPersonForm(forms.Form):
    """Sent by POST: an identity code never goes into an address."""

    identity_code = forms.CharField(
        label=_("Personal identity code"),
        max_length=20,
        help_text=_("The search is written in the audit log with your name."),
        widget=forms.TextInput(attrs={"autocomplete": "off", "spellcheck": "false"}),
    )

    def clean_identity_code(self) -> str:
        return identity_code_normalise(self.cleaned_data["identity_code"])


class AuditFilterForm(forms.Form):
    person = forms.CharField(required=False, widget=forms.HiddenInput)
    staff = forms.ChoiceField(label=_("Member of staff"), required=False)
    action = forms.ChoiceField(label=_("Action"), required=False)
    since = _date_field(_("From (date)"))
    until = _date_field(_("To (date)"))

    def __init__(self, *args: Any, staff: list[User], actions: list[Any], **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.staff_members = {str(u.pk): u for u in staff}
        _choices(self, "staff", [("", _("Anyone"))] + [(str(u.pk), _person(u)) for u in staff])
        _choices(self, "action", [("", _("All actions")), *actions])

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        since, until = data.get("since"), data.get("until")
        if since and until and until < since:
            self.add_error("until", _("The end date cannot be before the start date."))
        return data

    def chosen_staff(self) -> User | None:
        return self.staff_members.get(self.cleaned_data.get("staff") or "")

    def query(self) -> dict[str, str]:
        """The filters as they were typed, for the pager's links."""
        return {k: str(v) for k, v in (self.data or {}).items() if k != "page" and v}
