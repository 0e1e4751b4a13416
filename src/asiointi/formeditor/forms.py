"""The editor's forms: every text in Finnish, Swedish and English side by side."""

from typing import Any, cast

from django import forms
from django.utils.translation import gettext_lazy as _

from asiointi.eforms.checks import KEY_PATTERN
from asiointi.eforms.definition import END, EXIT_PREFIX, LANGUAGES
from asiointi.formeditor.document import Document, missing_languages
from asiointi.plain_text import PlainTextField

LANGUAGE_NAMES = {"fi": _("in Finnish"), "sv": _("in Swedish"), "en": _("in English")}
CONDITION_TYPES = ("choice", "choices", "yesno")


class TextGroup:
    """One text in three languages, as the template shows it: side by side, missing marked."""

    def __init__(self, form: forms.Form, name: str, label: object, multiline: bool) -> None:
        self.name = name
        self.label = label
        self.multiline = multiline
        self.fields = [form[f"{name}_{language}"] for language in LANGUAGES]

    @property
    def missing(self) -> list[str]:
        return [
            str(LANGUAGE_NAMES[field.name.rsplit("_", 1)[1]])
            for field in self.fields
            if not str(field.value() or "").strip()
        ]


class EditorForm(forms.Form):
    """A form with texts: `texts` names each (field stem, label, multiline)."""

    texts: tuple[tuple[str, Any, bool], ...] = ()

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for name, label, multiline in self.texts:
            for language in LANGUAGES:
                self.fields[f"{name}_{language}"] = PlainTextField(
                    label=f"{label} {LANGUAGE_NAMES[language]}",
                    required=False,
                    max_length=4000 if multiline else 300,
                    widget=forms.Textarea(attrs={"rows": 3}) if multiline else None,
                    multiline=multiline,
                )

    @property
    def text_names(self) -> set[str]:
        return {f"{name}_{lang}" for name, _label, _multi in self.texts for lang in LANGUAGES}

    def text_groups(self) -> list[TextGroup]:
        return [TextGroup(self, name, label, multi) for name, label, multi in self.texts]

    def text(self, name: str) -> dict[str, str]:
        """The text as the document keeps it: only the languages written."""
        values = {lang: self.cleaned_data.get(f"{name}_{lang}", "") for lang in LANGUAGES}
        return {lang: value for lang, value in values.items() if value}

    @staticmethod
    def text_initial(name: str, raw: Any) -> dict[str, str]:
        if isinstance(raw, str):
            raw = {"fi": raw}
        raw = raw if isinstance(raw, dict) else {}
        return {f"{name}_{lang}": str(raw.get(lang, "")) for lang in LANGUAGES}


def key_field(label: Any) -> forms.RegexField:
    return forms.RegexField(
        label=label,
        regex=KEY_PATTERN,
        max_length=40,
        help_text=_(
            "Names the answer in what the agency's systems receive: lower-case letters a–z, "
            "digits and _, starting with a letter. It cannot be changed later."
        ),
        error_messages={"invalid": _("Use lower-case letters a–z, digits and _ only.")},
    )


def condition_choices(document: Document, before_page: int) -> list[tuple[str, str]]:
    """Choice and yes/no questions on the pages before `before_page` that are not repeating."""
    choices = [("", str(_("Always")))]
    for page in (document.get("pages") or [])[:before_page]:
        if page.get("repeat"):
            continue
        for question in page.get("questions") or []:
            if question.get("type") in CONDITION_TYPES:
                label = question.get("label")
                text = label.get("fi", "") if isinstance(label, dict) else str(label or "")
                choices.append((str(question.get("key")), f"{question.get('key')}: {text}"))
    return choices


class ConditionMixin(forms.Form):
    """ "Show only when question Q has one of the values V" (values separated by commas)."""

    def condition_fields(self, document: Document, before_page: int, raw: Any) -> None:
        self.document = document
        self.fields["show_if_question"] = forms.ChoiceField(
            label=_("Show only when the answer to"),
            choices=condition_choices(document, before_page),
            required=False,
        )
        self.fields["show_if_values"] = forms.CharField(
            label=_("is one of"),
            required=False,
            help_text=_("Option values separated by commas; for a yes/no question: yes or no."),
        )
        if isinstance(raw, dict):
            self.initial["show_if_question"] = raw.get("question", "")
            self.initial["show_if_values"] = condition_values_text(raw)

    def condition(self) -> dict[str, Any] | None:
        return condition_from(
            self.document,
            self.cleaned_data.get("show_if_question", ""),
            self.cleaned_data.get("show_if_values", ""),
            self,
            "show_if_values",
        )


def condition_values_text(raw: dict[str, Any]) -> str:
    values = raw.get("one_of", [raw.get("equals")] if "equals" in raw else [])
    return ", ".join(
        ("yes" if value else "no") if isinstance(value, bool) else str(value) for value in values
    )


def condition_from(
    document: Document, key: str, text: str, form: forms.Form, field: str
) -> dict[str, Any] | None:
    """The condition as the document keeps it; an error on `field` when a value is no answer."""
    if not key:
        return None
    question = _question_by_key(document, key)
    values = [value.strip() for value in text.split(",") if value.strip()]
    if question is None:
        return None
    allowed: dict[str, Any]
    if question.get("type") == "yesno":
        allowed = {"yes": True, "no": False}
    else:
        allowed = {str(o.get("value")): str(o.get("value")) for o in question.get("options") or []}
    wrong = [value for value in values if value not in allowed]
    if wrong or not values:
        form.add_error(
            field,
            _("Give one or more of: %(values)s.") % {"values": ", ".join(allowed) or "–"},
        )
        return None
    answers = [allowed[value] for value in values]
    if len(answers) == 1:
        return {"question": key, "equals": answers[0]}
    return {"question": key, "one_of": answers}


def _question_by_key(document: Document, key: str) -> dict[str, Any] | None:
    for page in document.get("pages") or []:
        for question in page.get("questions") or []:
            if question.get("key") == key:
                return dict(question)
    return None


class PageForm(EditorForm, ConditionMixin):
    texts = (
        ("title", _("Page title"), False),
        ("intro", _("Introduction"), True),
        ("item_label", _("Name of one item (repeating page)"), False),
        ("add_label", _("“Add another” button (repeating page)"), False),
    )
    repeat = forms.BooleanField(
        label=_("Repeating page: answered once per item, with “Add another”"), required=False
    )
    repeat_min = forms.IntegerField(
        label=_("At least"), min_value=1, max_value=50, initial=1, required=False
    )
    repeat_max = forms.IntegerField(
        label=_("At most"), min_value=1, max_value=50, initial=10, required=False
    )

    def __init__(self, *args: Any, document: Document, index: int, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        page = (document.get("pages") or [])[index] if index < len(document["pages"]) else {}
        repeat = page.get("repeat") if isinstance(page.get("repeat"), dict) else None
        if not self.is_bound:
            self.initial.update(self.text_initial("title", page.get("title")))
            self.initial.update(self.text_initial("intro", page.get("intro")))
            if repeat:
                self.initial.update(repeat=True, repeat_min=repeat.get("min", 1))
                self.initial["repeat_max"] = repeat.get("max", 10)
                self.initial.update(self.text_initial("item_label", repeat.get("item_label")))
                self.initial.update(self.text_initial("add_label", repeat.get("add_label")))
        self.condition_fields(document, index, page.get("show_if"))

    def main_groups(self) -> list[TextGroup]:
        return self.text_groups()[:2]

    def repeat_groups(self) -> list[TextGroup]:
        return self.text_groups()[2:]

    def values(self) -> dict[str, Any]:
        data = self.cleaned_data
        repeat = None
        if data.get("repeat"):
            repeat = {
                "min": data.get("repeat_min") or 1,
                "max": data.get("repeat_max") or 10,
                "item_label": self.text("item_label"),
                "add_label": self.text("add_label"),
            }
        return {
            "title": self.text("title"),
            "intro": self.text("intro"),
            "repeat": repeat,
            "show_if": self.condition(),
        }


class PageAddForm(PageForm):
    def __init__(self, *args: Any, document: Document, **kwargs: Any) -> None:
        super().__init__(*args, document=document, index=len(document.get("pages") or []), **kwargs)
        self.fields["key"] = key_field(_("Page key"))
        self.order_fields(["key"])


class RouteForm(forms.Form):
    question = forms.ChoiceField(label=_("When the answer to"))
    values = forms.CharField(
        label=_("is one of"),
        help_text=_("Option values separated by commas; for a yes/no question: yes or no."),
    )
    goto = forms.ChoiceField(label=_("go to"))

    def __init__(self, *args: Any, document: Document, index: int, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.document = document
        cast(forms.ChoiceField, self.fields["question"]).choices = condition_choices(
            document, index + 1
        )[1:]
        pages = document.get("pages") or []
        cast(forms.ChoiceField, self.fields["goto"]).choices = [
            *(
                (page["key"], _("page %(key)s") % {"key": page["key"]})
                for page in pages[index + 1 :]
            ),
            (END, _("checking the answers (the form ends early)")),
            *(
                (f"{EXIT_PREFIX}{key}", _("exit page %(key)s") % {"key": key})
                for key in (document.get("exits") or {})
            ),
        ]

    def route(self) -> dict[str, Any] | None:
        data = self.cleaned_data
        condition = condition_from(self.document, data["question"], data["values"], self, "values")
        return {"if": condition, "goto": data["goto"]} if condition else None


class ExitForm(EditorForm):
    texts = (("title", _("Title"), False), ("body", _("Text"), True))

    def values(self) -> dict[str, Any]:
        return {"title": self.text("title"), "body": self.text("body")}


class ExitAddForm(ExitForm):
    key = key_field(_("Exit page key"))


class TextsForm(EditorForm):
    texts = (
        ("title", _("Form title"), False),
        ("declaration", _("Declaration on the check page"), True),
        ("next_steps", _("What happens next (after sending)"), True),
    )
    draft_retention_days = forms.IntegerField(
        label=_("Unsent drafts are kept (days)"), min_value=1, max_value=365
    )
    submission_retention_days = forms.IntegerField(
        label=_("Sent forms are kept (days)"), min_value=1, max_value=36500, required=False
    )

    def values(self) -> dict[str, Any]:
        return {
            "title": self.text("title"),
            "declaration": self.text("declaration") or None,
            "next_steps": self.text("next_steps") or None,
            "draft_retention_days": self.cleaned_data["draft_retention_days"],
            "submission_retention_days": self.cleaned_data["submission_retention_days"],
        }


class ImportForm(forms.Form):
    document = forms.FileField(
        label=_("Definition file (JSON, as exported)"),
        help_text=_("It replaces the draft only if it has no problems."),
    )


def missing_of(raw: Any) -> list[str]:
    return [str(LANGUAGE_NAMES[language]) for language in missing_languages(raw)]
