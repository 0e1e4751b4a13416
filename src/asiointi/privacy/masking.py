"""Identity codes found inside free text (a file name, an error, a JSON document), masked for
display: staff pages show 010280-****, never the whole code."""

import json
import re
from typing import Any

from django.contrib import admin
from django.db.models import Model
from django.views.decorators.debug import sensitive_variables
from stdnum.exceptions import ValidationError as StdnumValidationError
from stdnum.fi import hetu

from asiointi.privacy.identity_codes import identity_code_mask

# Date, century sign (with the 2023 letters), individual number, check character.
CANDIDATE = re.compile(r"(?<![0-9A-Za-z])\d{6}[-+A-FU-Y]\d{3}[0-9A-Y](?![0-9A-Za-z])", re.I)


@sensitive_variables()
def identity_codes_masked(text: str) -> str:
    def mask(match: re.Match[str]) -> str:
        try:
            hetu.validate(match.group(), allow_temporary=True)
        except StdnumValidationError:
            return match.group()
        return identity_code_mask(match.group())

    return CANDIDATE.sub(mask, text)


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
