"""A question and its settings: the fields shown depend on the question's type."""

from typing import Any, cast

from django import forms
from django.utils.translation import gettext_lazy as _

from asiointi.attachments.limits import KNOWN_TYPES
from asiointi.eforms.checks import PREFILL_SOURCES
from asiointi.eforms.definition import LANGUAGES
from asiointi.formeditor.document import Document
from asiointi.formeditor.forms import ConditionMixin, EditorForm, key_field

TYPE_NAMES = {
    "text": _("Short text"),
    "textarea": _("Long text"),
    "number": _("Number"),
    "date": _("Date"),
    "email": _("E-mail address"),
    "phone": _("Phone number"),
    "address": _("Finnish address"),
    "name": _("Name (first and last)"),
    "choice": _("Choose one"),
    "choices": _("Choose one or more"),
    "yesno": _("Yes or no"),
    "identity_code": _("Personal identity code"),
    "business_id": _("Business ID"),
    "iban": _("Bank account (IBAN)"),
    "file": _("Files"),
    "declaration": _("Declaration (a box to tick)"),
    "info": _("Information text (asks nothing)"),
}
PREFILL_NAMES = {
    "name": _("the person's name"),
    "identity_code": _("the person's identity code"),
    "municipality": _("home municipality"),
    "address": _("the person's address"),
    "email": _("confirmed e-mail address"),
    "phone": _("confirmed phone number"),
    "organisation_name": _("the organisation's name"),
    "business_id": _("the organisation's business ID"),
}
# Settings fields by type, besides the texts every question has.
SETTINGS = {
    "text": ("max_length", "autocomplete"),
    "textarea": ("max_length",),
    "number": ("integer", "min", "max"),
    "date": ("when",),
    "choice": ("options",),
    "choices": ("options",),
    "file": ("media_types", "max_mb", "max_count"),
}
SETTING_FIELDS = {
    "required",
    "prefill",
    "editable",
    "max_length",
    "autocomplete",
    "integer",
    "min",
    "max",
    "when",
    "options",
    "media_types",
    "max_mb",
    "max_count",
}
EDITED_SETTINGS = {
    "max_length",
    "autocomplete",
    "integer",
    "min",
    "max",
    "past",
    "future",
    "media_types",
    "max_mb",
    "max_count",
    "unit",
}
WHEN = (("", _("Any date")), ("past", _("Today or in the past")), ("future", _("Today or later")))


class TypeForm(forms.Form):
    type = forms.ChoiceField(
        label=_("Type of question"), choices=list(TYPE_NAMES.items()), widget=forms.RadioSelect
    )


class QuestionForm(EditorForm, ConditionMixin):
    texts: tuple[tuple[str, Any, bool], ...] = (
        ("label", _("Question"), False),
        ("hint", _("Hint"), True),
    )
    required = forms.BooleanField(label=_("An answer is required"), required=False)
    prefill = forms.ChoiceField(label=_("Filled in from"), required=False)
    editable = forms.BooleanField(
        label=_("The person may change a filled-in answer"), required=False
    )
    max_length = forms.IntegerField(
        label=_("At most this many characters"), min_value=1, max_value=20000, required=False
    )
    autocomplete = forms.CharField(
        label=_("Browser autofill token (for example postal-code)"), required=False, max_length=40
    )
    integer = forms.BooleanField(label=_("Whole numbers only"), required=False)
    min = forms.DecimalField(label=_("Smallest number"), required=False)
    max = forms.DecimalField(label=_("Largest number"), required=False)
    when = forms.ChoiceField(label=_("Which dates"), choices=WHEN, required=False)
    options = forms.CharField(
        label=_("Options"),
        widget=forms.Textarea(attrs={"rows": 6}),
        required=False,
        help_text=_(
            "One option a line: value | in Finnish | in Swedish | in English. "
            "The value is what the agency receives."
        ),
    )
    media_types = forms.MultipleChoiceField(
        label=_("File types allowed"),
        choices=[(media_type, label) for media_type, (label, _ext) in KNOWN_TYPES.items()],
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    max_mb = forms.IntegerField(label=_("Largest file (MB)"), min_value=1, max_value=50, initial=10)
    max_count = forms.IntegerField(
        label=_("Most files"), min_value=1, max_value=20, initial=5, required=False
    )

    def __init__(
        self, *args: Any, kind: str, document: Document, page_index: int, raw: Any, **kwargs: Any
    ) -> None:
        if kind == "number":
            self.texts = (*self.texts, ("unit", _("Unit"), False))
        super().__init__(*args, **kwargs)
        self.kind = kind
        raw = raw if isinstance(raw, dict) else {}
        settings = raw.get("settings")
        self.raw_settings: dict[str, Any] = settings if isinstance(settings, dict) else {}
        shown = {"required", *SETTINGS.get(kind, ())}
        if kind == "file":
            shown.add("max_mb")
        sources = [key for key, kinds in PREFILL_SOURCES.items() if kind in kinds]
        if sources:
            shown |= {"prefill", "editable"}
            cast(forms.ChoiceField, self.fields["prefill"]).choices = [
                ("", _("Nothing: the person answers")),
                *((key, PREFILL_NAMES[key]) for key in sources),
            ]
        if kind == "info":
            shown.discard("required")
        for name in SETTING_FIELDS - shown:
            del self.fields[name]
        self.condition_fields(document, page_index, raw.get("show_if"))
        if not self.is_bound:
            self._initial_from(raw)

    def _initial_from(self, raw: dict[str, Any]) -> None:
        settings = raw.get("settings") or {}
        self.initial.update(self.text_initial("label", raw.get("label")))
        self.initial.update(self.text_initial("hint", raw.get("hint")))
        self.initial.update(self.text_initial("unit", settings.get("unit")))
        self.initial["required"] = raw.get("required", True)
        self.initial["prefill"] = raw.get("prefill", "")
        self.initial["editable"] = raw.get("editable", True)
        for name in ("max_length", "autocomplete", "integer", "min", "max", "media_types"):
            if name in settings:
                self.initial[name] = settings[name]
        self.initial["max_mb"] = settings.get("max_mb", 10)
        self.initial["max_count"] = settings.get("max_count", 5)
        self.initial["when"] = (
            "past" if settings.get("past") else ("future" if settings.get("future") else "")
        )
        self.initial["options"] = "\n".join(
            " | ".join([str(o.get("value", "")), *_option_texts(o.get("label"))])
            for o in raw.get("options") or []
            if isinstance(o, dict)
        )

    def clean_options(self) -> list[dict[str, Any]]:
        options = []
        for number, line in enumerate(self.cleaned_data.get("options", "").splitlines(), 1):
            if not line.strip():
                continue
            parts = [part.strip() for part in line.split("|")]
            if not parts[0]:
                raise forms.ValidationError(
                    _("Line %(number)s has no value before the first |.") % {"number": number}
                )
            labels = dict(zip(LANGUAGES, parts[1:4], strict=False))
            options.append({"value": parts[0], "label": {k: v for k, v in labels.items() if v}})
        return options

    def question(self, key: str) -> dict[str, Any]:
        data = self.cleaned_data
        question: dict[str, Any] = {"key": key, "type": self.kind, "label": self.text("label")}
        if self.text("hint"):
            question["hint"] = self.text("hint")
        if "required" in self.fields:
            question["required"] = bool(data.get("required"))
        if data.get("prefill"):
            question["prefill"] = data["prefill"]
            question["editable"] = bool(data.get("editable"))
        # Settings the editor has no field for (a name's autofill per part) are kept as they are.
        kept = {k: v for k, v in self.raw_settings.items() if k not in EDITED_SETTINGS}
        settings = {**kept, **self._settings()}
        if settings:
            question["settings"] = settings
        if self.kind in ("choice", "choices"):
            question["options"] = data.get("options") or []
        condition = self.condition()
        if condition:
            question["show_if"] = condition
        return question

    def _settings(self) -> dict[str, Any]:
        data = self.cleaned_data
        settings: dict[str, Any] = {}
        for name in ("max_length", "max_count", "max_mb"):
            if data.get(name) is not None:
                settings[name] = int(data[name])
        for name in ("min", "max"):
            if data.get(name) is not None:
                number = data[name]
                settings[name] = int(number) if number == int(number) else float(number)
        if data.get("autocomplete"):
            settings["autocomplete"] = data["autocomplete"]
        if data.get("integer"):
            settings["integer"] = True
        if data.get("when"):
            settings[data["when"]] = True
        if data.get("media_types"):
            settings["media_types"] = list(data["media_types"])
        if self.kind == "number" and self.text("unit"):
            settings["unit"] = self.text("unit")
        return settings


class QuestionAddForm(QuestionForm):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["key"] = key_field(_("Question key"))
        self.order_fields(["key"])


def _option_texts(label: Any) -> list[str]:
    label = label if isinstance(label, dict) else {"fi": str(label or "")}
    return [str(label.get(language, "")) for language in LANGUAGES]
