"""The feedback inbox: staff of the agency see and answer its feedback; anyone else gets 404."""

from datetime import timedelta
from typing import Any

from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils import timezone, translation

from asiointi.catalogue.models import Service
from asiointi.customers.acting import Acting
from asiointi.customers.models import Customer
from asiointi.feedback.models import Feedback
from asiointi.feedback.services import feedback_send
from asiointi.folder.models import Message
from asiointi.identity.models import User


def make_feedback(service: Service, **fields: object) -> Feedback:
    values: dict[str, object] = {
        "form_key": f"key-{Feedback.objects.count()}-{service.pk}",
        "agency": service.agency,
        "service": service,
        "kind": "problem",
        "message": "Viesti",
        "language": "fi",
        "address": "198.51.100.1",
        **fields,
    }
    return feedback_send(**values)[0]  # type: ignore[arg-type]


def fi_reverse(name: str, args: list[object] | None = None) -> str:
    with translation.override("fi"):
        return reverse(name, args=args)


def detail_url(feedback: Feedback) -> str:
    # In Finnish, whatever language an earlier test on this worker left active: the page's
    # texts are asserted in Finnish.
    with translation.override("fi"):
        return reverse("feedback:staff_detail", args=[feedback.pk])


def test_clerks_see_their_agencys_feedback_only(
    parking: Service, school_transport: Service, street_clerk: Client, school_clerk: Client
) -> None:
    street = make_feedback(parking)
    school = make_feedback(school_transport)
    assert street_clerk.get(detail_url(street)).status_code == 200
    assert street_clerk.get(detail_url(school)).status_code == 404
    assert school_clerk.get(detail_url(street)).status_code == 404
    inbox = street_clerk.get(fi_reverse("feedback:staff_index"), follow=True).content.decode()
    assert street.reference in inbox and school.reference not in inbox
    other = fi_reverse("feedback:staff_inbox", args=[school_transport.agency.slug])
    assert street_clerk.get(other).status_code == 404


def test_a_superuser_sees_every_agency(
    parking: Service, school_transport: Service, platform_admin: Client
) -> None:
    html = platform_admin.get(fi_reverse("feedback:staff_index")).content.decode()
    assert parking.agency.name in html and school_transport.agency.name in html
    assert platform_admin.get(detail_url(make_feedback(school_transport))).status_code == 200


def test_residents_and_visitors_are_sent_to_the_staff_login(
    parking: Service, tessa: User, client: Client
) -> None:
    feedback = make_feedback(parking)
    resident = Client()
    resident.force_login(tessa)
    for someone in (client, resident):
        answer = someone.get(detail_url(feedback))
        assert answer.status_code == 302
        assert answer["Location"].startswith(reverse("backoffice:login"))


def test_deadlines_near_and_past_are_shown(parking: Service, street_clerk: Client) -> None:
    today = timezone.localdate()
    past = make_feedback(parking, kind="accessibility")
    near = make_feedback(parking, kind="accessibility")
    later = make_feedback(parking, kind="accessibility")
    Feedback.objects.filter(pk=past.pk).update(answer_due=today - timedelta(days=1))
    Feedback.objects.filter(pk=near.pk).update(answer_due=today + timedelta(days=2))
    inbox = fi_reverse("feedback:staff_inbox", args=[parking.agency.slug])
    overdue = street_clerk.get(inbox + "?deadline=past").content.decode()
    assert past.reference in overdue and near.reference not in overdue
    soon = street_clerk.get(inbox + "?deadline=near").content.decode()
    assert near.reference in soon and later.reference not in soon and past.reference not in soon
    everything = street_clerk.get(inbox).content.decode()
    assert "3 uutta, joista 1 vastattava kolmen päivän kuluessa ja 1 myöhässä." in everything


def test_an_answer_goes_by_e_mail_and_to_the_folder_once(
    parking: Service, street_clerk: Client, tessa: User, django_capture_on_commit_callbacks: Any
) -> None:
    customer = Customer.objects.get_or_create(person=tessa)[0]

    feedback = make_feedback(
        parking,
        contact_email="tessa@example.fi",
        acting=Acting(person=tessa, customer=customer),
        answer_to_folder=True,
    )
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        street_clerk.post(detail_url(feedback), {"answer": "Korjattu, kiitos!"})
    again = street_clerk.post(detail_url(feedback), {"answer": "Toinen vastaus"})
    feedback.refresh_from_db()
    assert feedback.status == Feedback.Status.ANSWERED and feedback.answer == "Korjattu, kiitos!"
    assert "Tähän palautteeseen on jo vastattu." in again.content.decode()
    assert [m.to for m in mail.outbox if "Korjattu" in m.body] == [["tessa@example.fi"]]
    message = Message.objects.get(thread__customer=customer)
    assert message.body == "Korjattu, kiitos!"
    assert (
        message.thread.agency == parking.agency and message.thread.reference == feedback.reference
    )
