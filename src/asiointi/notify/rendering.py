"""Messages rendered from per-template folders, in the recipient's language.

`templates/notify/<template>/` holds `subject.txt` and `body.txt` for e-mail and `sms.txt` for a
text message. Each is written once, in English, with `{% translate %}` and `{% blocktranslate %}`;
the Finnish and Swedish texts live in the message catalogues like every other string of the portal.
"""

import re
from dataclasses import dataclass
from typing import Any, Literal

from django.conf import settings
from django.template import Context, Engine
from django.utils import translation

ChannelName = Literal["email", "sms"]

# Each template and the context it needs. A missing value would otherwise render as nothing: a
# confirmation message without its code. Other apps add theirs with `template_register`.
TEMPLATE_CONTEXT: dict[str, frozenset[str]] = {
    "verification_code": frozenset({"code", "valid_minutes"}),
}


# What a customer's folder calls a notification of each template ("Receipt").
TEMPLATE_LABEL: dict[str, Any] = {}


def template_register(name: str, fields: set[str] | frozenset[str], *, label: Any = "") -> None:
    """Make `templates/notify/<name>/` sendable; call from the owning app's AppConfig.ready().
    `label` (lazily translated) names it where a customer sees what was sent."""
    TEMPLATE_CONTEXT[name] = frozenset(fields)
    if label:
        TEMPLATE_LABEL[name] = label


@dataclass(frozen=True)
class Message:
    channel: ChannelName
    to: str
    subject: str  # empty for a text message
    body: str
    language: str


def message_render(
    *, channel: ChannelName, to: str, template: str, context: dict[str, Any], language: str
) -> Message:
    if template not in TEMPLATE_CONTEXT:
        raise ValueError(f"No notification template {template!r}")
    missing = TEMPLATE_CONTEXT[template] - context.keys()
    if missing:
        raise ValueError(f"Template {template!r} needs {', '.join(sorted(missing))}")
    if language not in dict(settings.LANGUAGES):
        raise ValueError(f"No language {language!r}")
    full_context = {"city_name": settings.CITY_NAME[language], **context}
    with translation.override(language):
        if channel == "sms":
            subject = ""
            body = _render(f"notify/{template}/sms.txt", full_context)
        else:
            subject = " ".join(_render(f"notify/{template}/subject.txt", full_context).split())
            body = _render(f"notify/{template}/body.txt", full_context)
    return Message(channel=channel, to=to, subject=subject, body=body, language=language)


def _render(name: str, context: dict[str, Any]) -> str:
    # Plain text: no HTML escaping, which would turn "&" in a name into "&amp;".
    text = Engine.get_default().get_template(name).render(Context(context, autoescape=False))
    return re.sub(r"\n{3,}", "\n\n", text).strip()
