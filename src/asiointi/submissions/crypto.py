"""Answers are stored encrypted (Fernet), with keys of their own apart from identity codes'."""

import json
from typing import Any

from cryptography.fernet import Fernet, MultiFernet
from django.conf import settings
from django.views.decorators.debug import sensitive_variables


def _fernet() -> MultiFernet:
    return MultiFernet([Fernet(key) for key in settings.SUBMISSION_ENCRYPTION_KEYS])


@sensitive_variables()
def content_encrypt(content: dict[str, Any]) -> str:
    return _fernet().encrypt(json.dumps(content, ensure_ascii=False).encode()).decode()


@sensitive_variables()
def content_decrypt(token: str) -> dict[str, Any]:
    if not token:
        return {}
    content: dict[str, Any] = json.loads(_fernet().decrypt(token.encode()))
    return content
