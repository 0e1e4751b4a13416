from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from asiointi.catalogue.models import Agency, Category, Service
from asiointi.catalogue.selectors import ServiceFilters

# Longer queries are cut, not refused: a pasted paragraph still searches.
MAX_QUERY_LENGTH = 200


class ServiceFilterForm(forms.Form):
    q = forms.CharField(label=_("Search e-services"), required=False, strip=True)
    agency = forms.ChoiceField(label=_("Agency"), required=False)
    category = forms.ChoiceField(label=_("Category"), required=False)
    audience = forms.ChoiceField(
        label=_("For whom"),
        required=False,
        choices=[
            ("", _("Everyone")),
            (Service.Audience.PERSONS, _("Residents")),
            (Service.Audience.ORGANISATIONS, _("Companies and associations")),
        ],
    )

    def __init__(
        self, *args: Any, agencies: list[Agency], categories: list[Category], **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        agency_field = self.fields["agency"]
        category_field = self.fields["category"]
        assert isinstance(agency_field, forms.ChoiceField)
        assert isinstance(category_field, forms.ChoiceField)
        agency_field.choices = [("", _("All agencies"))] + [(a.slug, a.name) for a in agencies]
        category_field.choices = [("", _("All categories"))] + [
            (c.slug, c.name) for c in categories
        ]

    def clean_q(self) -> str:
        # Control characters never help a search and would only end up in logs.
        query = "".join(ch for ch in self.cleaned_data["q"] if ch.isprintable())
        return query[:MAX_QUERY_LENGTH].strip()

    def filters(self) -> ServiceFilters:
        """The valid part of what was asked: an unknown agency or category is simply ignored."""
        self.is_valid()
        data = getattr(self, "cleaned_data", {})
        return ServiceFilters(
            query=data.get("q", ""),
            agency=data.get("agency", ""),
            category=data.get("category", ""),
            audience=data.get("audience", ""),
        )
