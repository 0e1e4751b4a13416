"""The confirmation code message reads right in every language and fits one text message."""

import pytest

from asiointi.notify.rendering import message_render

# GSM 03.38 basic alphabet: a text message in it holds 160 characters, anything else only 70.
GSM_7 = set(
    "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?¡"
    "ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà"
)
CONTEXT = {"code": "123456", "valid_minutes": 15}
SUBJECTS = {"fi": "Vahvistuskoodi", "sv": "Bekräftelsekod", "en": "Confirmation code"}
VALIDITY = {"fi": "15 minuuttia", "sv": "15 minuter", "en": "15 minutes"}
CITY = {"fi": "Helsingin kaupunki", "sv": "Helsingfors stad", "en": "City of Helsinki"}


@pytest.mark.parametrize("language", ["fi", "sv", "en"])
def test_confirmation_email_has_subject_code_validity_and_warning(language: str) -> None:
    message = message_render(
        channel="email",
        to="asukas@example.fi",
        template="verification_code",
        context=CONTEXT,
        language=language,
    )
    assert message.subject == SUBJECTS[language]
    assert "\n123456\n" in message.body
    assert VALIDITY[language] in message.body
    assert CITY[language] in message.body
    assert "{" not in message.body and "%(" not in message.body


@pytest.mark.parametrize("language", ["fi", "sv", "en"])
def test_confirmation_sms_fits_one_text_message(language: str) -> None:
    message = message_render(
        channel="sms",
        to="+358401234567",
        template="verification_code",
        context=CONTEXT,
        language=language,
    )
    assert message.subject == ""
    assert "123456" in message.body
    assert VALIDITY[language] in message.body
    assert len(message.body) <= 160, f"{len(message.body)}: {message.body}"
    assert set(message.body) <= GSM_7, set(message.body) - GSM_7


def test_the_three_languages_differ() -> None:
    bodies = {
        message_render(
            channel="email", to="a@example.fi", template="verification_code",
            context=CONTEXT, language=language,
        ).body
        for language in ("fi", "sv", "en")
    }  # fmt: skip
    assert len(bodies) == 3


def test_one_minute_is_singular() -> None:
    message = message_render(
        channel="sms",
        to="+358401234567",
        template="verification_code",
        context={"code": "123456", "valid_minutes": 1},
        language="en",
    )
    assert "valid for 1 minute." in message.body


def test_a_message_without_its_code_is_refused() -> None:
    with pytest.raises(ValueError, match="code"):
        message_render(
            channel="sms",
            to="+358401234567",
            template="verification_code",
            context={"valid_minutes": 15},
            language="fi",
        )


def test_an_unknown_template_or_language_is_refused() -> None:
    with pytest.raises(ValueError, match="template"):
        message_render(
            channel="sms", to="+358401234567", template="nope", context={}, language="fi"
        )
    with pytest.raises(ValueError, match="language"):
        message_render(
            channel="sms",
            to="+358401234567",
            template="verification_code",
            context=CONTEXT,
            language="de",
        )
