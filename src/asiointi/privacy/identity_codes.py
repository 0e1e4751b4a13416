"""Personal identity codes (henkilötunnus): validate, mask, encrypt, and find again by keyed hash.

The code itself is stored only encrypted; lookups use an HMAC so equal codes match without
decrypting. It never goes into a URL, a log line or the session.
"""

import hashlib
import hmac
import re

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from django.views.decorators.debug import sensitive_variables
from stdnum.exceptions import ValidationError as StdnumValidationError
from stdnum.fi import hetu


@sensitive_variables()
def identity_code_normalise(value: str) -> str:
    """The code in its one stored form (upper case), or ValidationError in the person's language.

    Test codes (individual number 900-999) pass only where settings allow them: the test
    identity provider and test environments.
    """
    try:
        code = hetu.validate(value, allow_temporary=settings.ACCEPT_TEST_IDENTITY_CODES)
    except StdnumValidationError:
        raise ValidationError(
            _("Check the personal identity code. It looks like 010280-123A."), code="invalid"
        ) from None
    return str(code).upper()


def identity_code_mask(code: str) -> str:
    """Birth date and century sign only: 010280-****."""
    return f"{code[:7]}****"


# Anything shaped like a code (every century sign) that is not part of a longer word.
_CODE_IN_TEXT = re.compile(
    r"(?<![0-9A-Za-z])[0-3]\d[01]\d\d\d[-+A-FU-Y]\d{3}[0-9A-Y](?![0-9A-Za-z])", re.IGNORECASE
)


@sensitive_variables()
def identity_codes_masked(text: str) -> str:
    """`text` with every valid identity code in it masked (look-alikes kept): for text from
    another system, such as an error answer quoting what it was sent, before it is stored or
    logged, and for anything staff pages show (a file name, a JSON document)."""

    def mask(match: re.Match[str]) -> str:
        code = match.group()
        valid = hetu.is_valid(code.upper(), allow_temporary=True)
        return identity_code_mask(code) if valid else code

    return _CODE_IN_TEXT.sub(mask, text)


@sensitive_variables()
def identity_code_digest(code: str) -> str:
    key = settings.IDENTITY_CODE_HASH_KEY.encode()
    return hmac.new(key, code.upper().encode(), hashlib.sha256).hexdigest()


def _fernet() -> MultiFernet:
    # The first key encrypts; every listed key decrypts, so keys can be rotated.
    return MultiFernet([Fernet(key) for key in settings.IDENTITY_CODE_ENCRYPTION_KEYS])


@sensitive_variables()
def identity_code_encrypt(code: str) -> str:
    return _fernet().encrypt(code.encode()).decode()


@sensitive_variables()
def identity_code_decrypt(token: str) -> str:
    try:
        return _fernet().decrypt(token.encode()).decode()
    except InvalidToken:
        raise ValueError("identity code cannot be decrypted with the configured keys") from None
