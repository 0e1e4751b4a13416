import pytest
from django.core.exceptions import ValidationError
from django.test import override_settings

from asiointi.env import derived_key
from asiointi.privacy.identity_codes import (
    identity_code_decrypt,
    identity_code_digest,
    identity_code_encrypt,
    identity_code_mask,
    identity_code_normalise,
)


@pytest.mark.parametrize(
    "code",
    ["131052-308T", "131052A308T", "010594Y9021", "010516B903X", "010280-952L", "010594y9032"],
)
def test_codes_with_any_century_sign_are_accepted(code: str) -> None:
    assert identity_code_normalise(code) == code.upper()


@pytest.mark.parametrize("code", ["131052-308U", "310252-308T", "131052Z308T", "", "abc"])
def test_bad_codes_are_refused_with_a_clear_message(code: str) -> None:
    with pytest.raises(ValidationError) as error:
        identity_code_normalise(code)
    assert "010280-123A" in str(error.value.messages[0])


@override_settings(ACCEPT_TEST_IDENTITY_CODES=False)
def test_test_codes_are_refused_where_they_are_not_allowed() -> None:
    with pytest.raises(ValidationError):
        identity_code_normalise("010280-952L")
    assert identity_code_normalise("131052-308T") == "131052-308T"


def test_a_code_is_shown_masked() -> None:
    assert identity_code_mask("010280-952L") == "010280-****"
    assert identity_code_mask("010594Y9032") == "010594Y****"


def test_century_signs_tell_people_apart_in_lookups() -> None:
    assert identity_code_digest("100190-999P") != identity_code_digest("100190Y999P")
    assert identity_code_digest("010594y9032") == identity_code_digest("010594Y9032")


def test_encrypted_code_reads_back_and_does_not_contain_the_code() -> None:
    token = identity_code_encrypt("010280-952L")
    assert "010280" not in token
    assert identity_code_decrypt(token) == "010280-952L"


def test_old_keys_still_decrypt_after_rotation() -> None:
    old, new = derived_key("old", "test"), derived_key("new", "test")
    with override_settings(IDENTITY_CODE_ENCRYPTION_KEYS=[old]):
        token = identity_code_encrypt("010280-952L")
    with override_settings(IDENTITY_CODE_ENCRYPTION_KEYS=[new, old]):
        assert identity_code_decrypt(token) == "010280-952L"
    with override_settings(IDENTITY_CODE_ENCRYPTION_KEYS=[new]), pytest.raises(ValueError):
        identity_code_decrypt(token)


def test_codes_quoted_in_a_text_are_masked_and_look_alikes_kept() -> None:
    from asiointi.privacy.identity_codes import identity_codes_masked

    text = "person 010675-9981, child 010594y9032; order 123456-7890, ref ab010675-9981"
    assert identity_codes_masked(text) == (
        "person 010675-****, child 010594y****; order 123456-7890, ref ab010675-9981"
    )
