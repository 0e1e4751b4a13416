"""Feedback to an agency: anyone may send it; its staff answer it."""

from collections.abc import Callable

from django.urls import reverse
from django.utils import translation

from asiointi.backoffice.tests.support import OTHER_AGENCY, OWNING_AGENCY
from asiointi.tests import permission_matrix as m
from asiointi.tests.permission_matrix import (
    NOT_FOUND,
    OK,
    Answer,
    Row,
    Target,
    everyone,
    redirect,
)
from asiointi.tests.permission_rows.common import (
    GET_ONLY,
    PUBLIC,
    agencies,
    services,
)
from asiointi.tests.permission_world import World


def feedback_items(world: World) -> list[Target]:
    """A feedback on the owning agency's service, sent anonymously as a resident would."""
    from asiointi.feedback import services as feedback

    service = world.services[m.OF_RESIDENT]
    item, _new = feedback.feedback_send(
        form_key=feedback.form_key_new(),
        agency=service.agency,
        service=service,
        kind="question",
        message="Milloin palvelu aukeaa?",
        language="fi",
        address="127.0.0.1",
        contact_name="",
        contact_email="",
        contact_phone="",
        acting=None,
        answer_to_folder=False,
        attachments=[],
    )
    assert service.agency.slug == world.agencies[m.OF_OWNING_AGENCY].slug
    return [Target({"pk": item.pk}, m.OF_OWNING_AGENCY)]


def feedback_files(world: World) -> list[Target]:
    """No file the feedback holds: a made-up file id is not found, even by its agency's staff."""
    return [
        Target({**t.kwargs, "attachment": "00000000-0000-4000-8000-000000000000"}, "no such file")
        for t in feedback_items(world)
    ]


def feedback_staff(answer: Answer) -> m.Rule:
    """The feedback inbox: the agency's staff and a platform superuser (who sees every agency's)
    get `answer`; other staff 404; anyone else, to the staff login."""

    def decide(persona: str, owner: str) -> Answer:
        if persona == m.ADMIN:
            return answer if owner != "no such file" else NOT_FOUND
        if persona in m.STAFF_OF:
            mine = owner in m.STAFF_OF[persona] and owner != "no such file"
            return answer if mine else NOT_FOUND
        return m.STAFF_LOGIN

    return m.Rule(decide)


def _feedback_inbox(slug: str) -> Callable[[], str]:
    def address() -> str:
        with translation.override("fi"):
            return reverse("feedback:staff_inbox", args=[slug])

    return address


ROWS: list[Row] = [
    Row("feedback:portal", get=PUBLIC, post=PUBLIC, note="POST: an empty form is shown again"),
    Row("feedback:service", targets=services, get=PUBLIC, post=PUBLIC),
    Row(
        "feedback:acknowledgement",
        targets=lambda world: [Target({"key": "no-such-key"})],
        get=everyone(NOT_FOUND),
        post=GET_ONLY,
        note="found only by the sender's own form key",
    ),
    Row(
        "feedback:staff_index",
        get=everyone(m.STAFF_LOGIN).but(
            own_staff=redirect(_feedback_inbox(OWNING_AGENCY)),
            own_manager=redirect(_feedback_inbox(OWNING_AGENCY)),
            other_staff=redirect(_feedback_inbox(OTHER_AGENCY)),
            admin=OK,
        ),
        post=GET_ONLY,
    ),
    Row("feedback:staff_inbox", targets=agencies, get=feedback_staff(OK), post=GET_ONLY),
    Row(
        "feedback:staff_detail",
        targets=feedback_items,
        get=feedback_staff(OK),
        post=feedback_staff(OK),
        note="POST: an empty answer is shown again",
    ),
    Row("feedback:staff_attachment", targets=feedback_files, get=feedback_staff(OK), post=GET_ONLY),
]
