from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from asiointi.backoffice.decision_texts import PLACEHOLDERS
from asiointi.backoffice.decisions import LANGUAGES, decision_template_problems
from asiointi.backoffice.models import DecisionTemplate
from asiointi.catalogue.models import Agency, Service
from asiointi.plain_text import PlainTextField

BODY_LABELS = {
    "fi": _("Decision text in Finnish"),
    "sv": _("Decision text in Swedish"),
    "en": _("Decision text in English"),
}
APPEAL_LABELS = {
    "fi": _("Appeal instructions in Finnish"),
    "sv": _("Appeal instructions in Swedish"),
    "en": _("Appeal instructions in English"),
}

PREVIEW_LABELS = {
    "fi": _("Preview in Finnish"),
    "sv": _("Preview in Swedish"),
    "en": _("Preview in English"),
}


def _text_field(label: Any, *, required: bool = False, rows: int = 8) -> PlainTextField:
    return PlainTextField(
        label=label,
        required=required,
        max_length=20000,
        multiline=True,
        widget=forms.Textarea(attrs={"rows": rows}),
    )


class DecisionTemplateForm(forms.Form):
    name = PlainTextField(
        label=_("Name"),
        max_length=200,
        help_text=_("Clerks choose the template by this name; the customer does not see it."),
    )
    service = forms.TypedChoiceField(
        label=_("Service"), required=False, coerce=int, empty_value=None
    )

    def __init__(self, *args: Any, agency: Agency, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.agency = agency
        self.services = {s.pk: s for s in Service.objects.filter(agency=agency).order_by("name")}
        field = self.fields["service"]
        assert isinstance(field, forms.ChoiceField)
        field.choices = [("", _("Any of the agency's services"))] + [
            (pk, s.name) for pk, s in self.services.items()
        ]
        for language in LANGUAGES:
            self.fields[f"body_{language}"] = _text_field(
                BODY_LABELS[language], required=language == "fi"
            )
        for language in LANGUAGES:
            self.fields[f"appeal_{language}"] = _text_field(APPEAL_LABELS[language], rows=6)

    @classmethod
    def for_template(cls, template: DecisionTemplate) -> "DecisionTemplateForm":
        initial = {name: getattr(template, name) for name in ("name", *cls.text_names())}
        initial["service"] = template.service_id or ""
        return cls(initial=initial, agency=template.agency)

    @staticmethod
    def text_names() -> list[str]:
        return [f"{part}_{lang}" for part in ("body", "appeal") for lang in LANGUAGES]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        chosen = data.get("service")
        data["service"] = self.services.get(chosen) if chosen is not None else None
        problems = decision_template_problems(agency=self.agency, fields=data)
        for name, messages in problems.items():
            if name in self.fields and name not in self.errors:
                for message in messages:
                    self.add_error(name, message)
        return data

    def fields_for_saving(self) -> dict[str, Any]:
        return {
            name: self.cleaned_data.get(name) for name in ("name", "service", *self.text_names())
        }

    def body_fields(self) -> list[forms.BoundField]:
        return [self[f"body_{language}"] for language in LANGUAGES]

    def appeal_fields(self) -> list[forms.BoundField]:
        return [self[f"appeal_{language}"] for language in LANGUAGES]

    def placeholders(self) -> list[tuple[str, Any]]:
        return [(f"{{{name}}}", label) for name, label in PLACEHOLDERS.items()]

    def previews(self) -> list[tuple[str, Any]]:
        return list(PREVIEW_LABELS.items())


class PreviewLanguageForm(forms.Form):
    language = forms.ChoiceField(choices=[(language, language) for language in LANGUAGES])
