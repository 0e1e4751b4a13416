"""Forms of the back office's service and course editors: each text in fi, sv and en side by
side, and the settings a manager owns."""

import re
from datetime import datetime
from typing import Any

from django import forms
from django.utils import timezone
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from asiointi.backoffice.staff_forms import ServiceChoiceForm, service_choice
from asiointi.catalogue.models import Service
from asiointi.plain_text import PlainTextField

REQUIRED = forms.Field.default_error_messages["required"]
IN_LANGUAGE = {"fi": _("in Finnish"), "sv": _("in Swedish"), "en": _("in English")}
DATETIME_FORMATS = ["%Y-%m-%dT%H:%M", "%d.%m.%Y %H.%M", "%d.%m.%Y %H:%M", "%d.%m.%Y klo %H.%M"]
SESSION_LINE = re.compile(
    r"^(\d{1,2})\.(\d{1,2})\.(\d{4})\s+(?:klo\s+)?(\d{1,2})[.:](\d{2})\s*[-–]\s*(\d{1,2})[.:](\d{2})$"
)


class DateTimeInput(forms.DateTimeInput):
    input_type = "datetime-local"

    def __init__(self) -> None:
        super().__init__(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")


def _moment(label: Any) -> forms.DateTimeField:
    """A date and time, picked in the browser or typed the Finnish way."""
    return forms.DateTimeField(label=label, widget=DateTimeInput(), input_formats=DATETIME_FORMATS)


def _text(label: Any, max_length: int | None, multiline: bool, required: bool) -> PlainTextField:
    widget = forms.Textarea(attrs={"rows": 6}) if multiline else forms.TextInput
    return PlainTextField(
        label=label, max_length=max_length, required=required, multiline=multiline, widget=widget
    )


class LanguagesForm(forms.Form):
    """A form whose `TEXTS` (name, label, max length, multiline, required in Finnish) each get a
    field per language, `<name>_fi`, `<name>_sv`, `<name>_en`."""

    TEXTS: tuple[tuple[str, Any, int | None, bool, bool], ...] = ()
    # The fields the page shows before and right after the texts: the error summary lists the
    # errors in the order of the page.
    BEFORE_TEXTS: tuple[str, ...] = ()
    AFTER_TEXTS: tuple[str, ...] = ()
    seen = forms.CharField(widget=forms.HiddenInput, max_length=64)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for name, label, max_length, multiline, required in self.TEXTS:
            for language, in_language in IN_LANGUAGE.items():
                self.fields[f"{name}_{language}"] = _text(
                    format_lazy("{}, {}", label, in_language),
                    max_length,
                    multiline,
                    required and language == "fi",
                )
        # Django's "This field is required." names no field, and the error summary lists it far
        # from its field: the message names it.
        for field in self.fields.values():
            if field.error_messages.get("required") is REQUIRED:
                field.error_messages["required"] = format_lazy(_("Fill in: {}."), field.label)
        self.order_fields([*self.BEFORE_TEXTS, *self.text_field_names(), *self.AFTER_TEXTS])
        for name, value in list(self.initial.items()):
            if isinstance(value, datetime):
                self.initial[name] = timezone.localtime(value).strftime("%Y-%m-%dT%H:%M")

    def text_field_names(self) -> list[str]:
        return [f"{text[0]}_{language}" for text in self.TEXTS for language in IN_LANGUAGE]

    def text_rows(self) -> list[dict[str, Any]]:
        return [
            {
                "label": label,
                "multiline": multiline,
                "fields": [self[f"{name}_{language}"] for language in IN_LANGUAGE],
            }
            for name, label, _max_length, multiline, _required in self.TEXTS
        ]

    def missing_translations(self) -> list[dict[str, Any]]:
        """Per language, the texts written in Finnish but not in it (a warning, not an error)."""
        values = {name: self[name].value() for name in self.fields}
        missing = []
        for language in ("sv", "en"):
            labels = [
                label
                for name, label, *_rest in self.TEXTS
                if (values.get(f"{name}_fi") or "").strip()
                and not (values.get(f"{name}_{language}") or "").strip()
            ]
            if labels:
                missing.append({"language": IN_LANGUAGE[language], "labels": labels})
        return missing


class ServiceForm(LanguagesForm):
    TEXTS = (
        ("name", _("Name"), 200, False, True),
        ("summary", _("Summary"), 300, False, False),
        ("description", _("Description"), None, True, False),
        ("keywords", _("Search words, separated by commas"), None, False, False),
        (
            "prior_contact_instructions",
            _("Instructions for contacting the agency first"),
            None,
            True,
            False,
        ),
        ("contact_hours", _("Contact hours"), 200, False, False),
    )
    published = forms.BooleanField(label=_("Published in the e-services"), required=False)
    audience = forms.ChoiceField(label=_("Who can use the service"), choices=Service.Audience)
    requires_prior_contact = forms.BooleanField(
        label=_("Customers contact the agency before using the service"), required=False
    )
    contact_email = forms.EmailField(
        label=_("Contact e-mail"),
        required=False,
        error_messages={"invalid": _("Give the e-mail address like name@example.fi.")},
    )
    contact_phone = PlainTextField(label=_("Contact phone"), required=False, max_length=40)


def sessions_text(sessions: list[tuple[datetime, datetime]]) -> str:
    lines = []
    for starts, ends in sessions:
        starts, ends = timezone.localtime(starts), timezone.localtime(ends)
        lines.append(f"{starts:%-d.%-m.%Y %-H.%M}–{ends:%-H.%M}")
    return "\n".join(lines)


def _session(line: str) -> tuple[datetime, datetime] | None:
    found = SESSION_LINE.match(line.strip())
    if not found:
        return None
    day, month, year, hour, minute, end_hour, end_minute = (int(x) for x in found.groups())
    try:
        starts = datetime(year, month, day, hour, minute)
        ends = datetime(year, month, day, end_hour, end_minute)
    except ValueError:
        return None
    return timezone.make_aware(starts), timezone.make_aware(ends)


class CourseForm(LanguagesForm):
    TEXTS = (
        ("name", _("Name"), 200, False, True),
        ("description", _("Description"), None, True, False),
        ("place", _("Place"), 200, False, True),
        ("audience", _("For whom"), 200, False, False),
    )
    AFTER_TEXTS = ("term", "address", "teacher", "price", "min_age", "max_age", "sessions")
    term = PlainTextField(label=_("Term"), max_length=40, help_text=_("For example 2027 spring."))
    address = PlainTextField(label=_("Address"), max_length=200, required=False)
    teacher = PlainTextField(label=_("Teacher"), max_length=200, required=False)
    price = forms.DecimalField(
        label=_("Price (€)"),
        help_text=_("0 is free of charge; empty: no price shown."),
        required=False,
        min_value=0,
        max_digits=7,
        decimal_places=2,
        localize=True,
    )
    min_age = forms.IntegerField(label=_("Minimum age"), required=False, min_value=0, max_value=120)
    max_age = forms.IntegerField(label=_("Maximum age"), required=False, min_value=0, max_value=120)
    opens_at = _moment(_("Enrollment opens"))
    closes_at = _moment(_("Enrollment closes"))
    cancellation_deadline = _moment(_("Cancellation deadline"))
    limit_per_term = forms.IntegerField(
        label=_("Courses of this service per person per term"),
        help_text=_("Empty: no limit."),
        required=False,
        min_value=1,
        max_value=100,
    )
    organisations_may_enroll = forms.BooleanField(
        label=_("Companies and associations may enroll a group"), required=False
    )
    max_group_size = forms.IntegerField(
        label=_("Largest group"), min_value=1, max_value=1000, initial=1
    )
    published = forms.BooleanField(label=_("Published in the e-services"), required=False)
    sessions = PlainTextField(
        label=_("Dates and times"),
        help_text=_("One session a line, for example 3.2.2027 17.00–18.30."),
        required=False,
        multiline=True,
        widget=forms.Textarea(attrs={"rows": 6}),
    )

    def clean_sessions(self) -> list[tuple[datetime, datetime]]:
        found = []
        for number, line in enumerate(self.cleaned_data["sessions"].splitlines(), start=1):
            if not line.strip():
                continue
            session = _session(line)
            if session is None:
                raise forms.ValidationError(
                    _("Line %(number)d: write the session like 3.2.2027 17.00–18.30."),
                    params={"number": number},
                )
            found.append(session)
        return found


class CourseCreateForm(CourseForm, ServiceChoiceForm):
    BEFORE_TEXTS = ("service", "code", "capacity", "waiting_capacity")
    seen = forms.CharField(widget=forms.HiddenInput, required=False)
    service = service_choice()
    code = forms.SlugField(
        label=_("Course code"),
        max_length=40,
        help_text=_("Letters a–z, digits and hyphens; in the course's address."),
        error_messages={"invalid": _("Use only letters a–z, digits and hyphens.")},
    )
    capacity = forms.IntegerField(label=_("Places"), min_value=0, max_value=100000)
    waiting_capacity = forms.IntegerField(
        label=_("Places on the waiting list"), min_value=0, max_value=100000, initial=0
    )
