"""Business IDs (Y-tunnus): checked with their check digit wherever one is typed or received."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from stdnum.exceptions import ValidationError as StdnumValidationError
from stdnum.fi import ytunnus

INVALID = _("Check the business ID. It looks like 1234567-1, and its last digit is a check digit.")


def business_id_normalise(value: str) -> str:
    """The business ID in its one stored form (`1234567-1`), or ValidationError in the person's
    language. No zero padding is added: `737546-2` is refused, as the ID is not written so."""
    try:
        return str(ytunnus.format(ytunnus.validate(value.strip())))
    except StdnumValidationError:
        raise ValidationError(INVALID, code="invalid") from None


def business_id_validator(value: str) -> None:
    """For model and form fields."""
    business_id_normalise(value)
