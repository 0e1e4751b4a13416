"""Mobile numbers for text messages, in the E.164 form (+358401234567) gateways expect."""

import phonenumbers
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

# Without a country code a number is read as Finnish: 040 123 4567 is +358 40 123 4567.
DEFAULT_REGION = "FI"

# Some countries (the United States, for one) number mobiles and landlines alike.
SMS_CAPABLE = {
    phonenumbers.PhoneNumberType.MOBILE,
    phonenumbers.PhoneNumberType.FIXED_LINE_OR_MOBILE,
}


def normalise_mobile_number(value: str) -> str:
    """The mobile number in E.164 form, or ValidationError saying what is wrong with it."""
    try:
        number = phonenumbers.parse(value, DEFAULT_REGION)
    except phonenumbers.NumberParseException:
        number = None
    if number is None or not phonenumbers.is_valid_number(number):
        raise ValidationError(
            _("Enter a mobile phone number, for example 040 123 4567 or +358 40 123 4567."),
            code="invalid",
        )
    if phonenumbers.number_type(number) not in SMS_CAPABLE:
        raise ValidationError(
            _(
                "This is not a mobile phone number. Text messages can only be sent to a "
                "mobile phone, for example 040 123 4567."
            ),
            code="not_mobile",
        )
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
