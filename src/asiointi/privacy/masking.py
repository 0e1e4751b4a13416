"""Admin displays with identity codes masked: staff pages show 010280-****, never the whole code.
The masking itself is `privacy.identity_codes.identity_codes_masked`."""

import json
from typing import Any

from django.contrib import admin
from django.db.models import Model

from asiointi.privacy.identity_codes import identity_codes_masked


def masked_field(model: type[Model], name: str) -> Any:
    """An admin display (list column or read-only field) of `name` with identity codes masked."""
    label = getattr(model._meta.get_field(name), "verbose_name", name)

    @admin.display(description=label, ordering=name)
    def show(model_admin: Any, obj: Model) -> str:
        value = getattr(obj, name)
        if isinstance(value, dict | list):
            value = json.dumps(value, ensure_ascii=False, indent=2)
        return identity_codes_masked("" if value is None else str(value))

    return show
