"""What an editor page posts: every field as stored, with the version seen, and some changes."""

from datetime import datetime
from typing import Any

from django.utils import timezone

from asiointi.backoffice.content_forms import sessions_text
from asiointi.catalogue.models import Service
from asiointi.catalogue.services import SERVICE_FIELDS, service_version
from asiointi.courses.editing import COURSE_FIELDS, course_sessions_of, course_version
from asiointi.courses.models import Course


def _posted(value: object) -> Any:
    if isinstance(value, bool):
        return "on" if value else ""
    if isinstance(value, datetime):
        return timezone.localtime(value).strftime("%Y-%m-%dT%H:%M")
    return "" if value is None else str(value)


def _data(values: dict[str, object]) -> dict[str, Any]:
    # An unticked checkbox is not posted at all.
    return {name: _posted(v) for name, v in values.items() if v is not False}


def service_post(service: Service, **changes: object) -> dict[str, Any]:
    service.refresh_from_db()
    values: dict[str, object] = {name: getattr(service, name) for name in SERVICE_FIELDS}
    return _data({**values, "seen": service_version(service), **changes})


def course_post(course: Course, **changes: object) -> dict[str, Any]:
    course.refresh_from_db()
    values: dict[str, object] = {name: getattr(course, name) for name in COURSE_FIELDS}
    values["sessions"] = sessions_text(course_sessions_of(course))
    return _data({**values, "seen": course_version(course), **changes})
