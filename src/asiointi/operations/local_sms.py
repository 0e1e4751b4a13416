"""Text messages written to files in DATA_DIR/sms, for the production profile tried on one machine
(make prod-up), where there is no SMS gateway. A city sets SMS_GATEWAY_URL instead."""

import json
import uuid
from datetime import UTC, datetime

from django.conf import settings


class FileSmsGateway:
    def send(self, *, to: str, text: str) -> None:
        folder = settings.DATA_DIR / "sms"
        folder.mkdir(parents=True, exist_ok=True)
        message = {"time": datetime.now(tz=UTC).isoformat(), "to": to, "text": text}
        (folder / f"{uuid.uuid4().hex}.json").write_text(json.dumps(message, ensure_ascii=False))
