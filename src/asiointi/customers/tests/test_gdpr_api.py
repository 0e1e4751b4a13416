"""GET answers what the portal holds as a key / children / value tree from the same registry as
"Download my data"; DELETE erases it, unless something must wait, and a dry run changes nothing."""

from typing import Any

import pytest
from django.core.files.storage import storages
from django.test import Client

from asiointi.attachments.models import Attachment
from asiointi.courses.models import Enrollment
from asiointi.customers.tests.holdings import SUBJECT, Holdings, course_ended, token
from asiointi.folder.export import customer_data
from asiointi.folder.models import FolderItem, NotificationPreference, Thread
from asiointi.identity.models import User
from asiointi.privacy.models import AuditEvent
from asiointi.privacy.personal_data import as_tree
from asiointi.registration.models import ContactVerification
from asiointi.submissions.models import Draft, Submission

pytestmark = pytest.mark.django_db(transaction=True)


def call(method: str, path: str, **claims: Any) -> Any:
    return getattr(Client(), method)(path, headers={"Authorization": f"Bearer {token(**claims)}"})


def _keys(node: dict[str, Any]) -> set[str]:
    return {node["key"]} | {k for child in node.get("children", []) for k in _keys(child)}


def _without_audit(data: dict[str, Any]) -> dict[str, Any]:
    # The call itself is in the audit log.
    return {k: v for k, v in data.items() if k not in {"generated_at", "audit_log"}}


def test_get_answers_the_same_sections_as_download_my_data(
    gdpr_api: str, holdings: Holdings
) -> None:
    export = customer_data(holdings.customer)
    export.pop("generated_at")
    tree = call("get", gdpr_api + SUBJECT).json()
    assert [child["key"] for child in tree["children"]] == [key.upper() for key in export]
    for child, (key, value) in zip(tree["children"], export.items(), strict=True):
        assert _keys(child) == _keys(as_tree(key, value))
    text = str(tree)
    assert holdings.submission.reference in text and "Tessa" in text
    assert "952L" not in text  # the identity code only masked, as in the person's own copy
    audit = AuditEvent.objects.get(action=AuditEvent.Action.GDPR_QUERY)
    assert audit.user == holdings.person and audit.details["client"] == "helsinki-profile"


def test_get_for_someone_unknown_is_204(gdpr_api: str, holdings: Holdings) -> None:
    assert call("get", gdpr_api + "somebody-else").status_code == 204
    assert call("delete", gdpr_api + "somebody-else").status_code == 204


def test_an_upcoming_course_stops_erasure_with_reasons_in_three_languages(
    gdpr_api: str, holdings: Holdings
) -> None:
    before = customer_data(holdings.customer)
    response = call("delete", gdpr_api + SUBJECT)
    assert response.status_code == 409
    (error,) = response.json()["errors"]
    assert error["code"] == "UPCOMING_COURSE"
    assert set(error["message"]) == {"fi", "sv", "en"}
    assert len(set(error["message"].values())) == 3
    after = customer_data(holdings.customer)
    assert _without_audit(after) == _without_audit(before)
    refused = AuditEvent.objects.get(action=AuditEvent.Action.GDPR_REFUSED)
    assert refused.details["reasons"] == ["UPCOMING_COURSE"]


def test_an_open_case_stops_erasure(gdpr_api: str, holdings: Holdings) -> None:
    course_ended(holdings.course)
    Submission.objects.update(status=Submission.Status.IN_PROCESS)
    response = call("delete", gdpr_api + SUBJECT, dry_run=None)
    assert response.status_code == 409
    assert [e["code"] for e in response.json()["errors"]] == ["OPEN_CASE"]
    assert Draft.objects.exists() and Submission.objects.get().customer == holdings.customer


def test_a_dry_run_changes_nothing_and_answers_as_the_real_one_would(
    gdpr_api: str, holdings: Holdings
) -> None:
    course_ended(holdings.course)
    before = customer_data(holdings.customer)
    response = Client().delete(
        gdpr_api + SUBJECT + "?dry_run=true",
        headers={"Authorization": f"Bearer {token()}"},
    )
    assert response.status_code == 204
    after = customer_data(holdings.customer)
    assert _without_audit(after) == _without_audit(before)
    assert all(storages["attachments"].exists(name) for name in holdings.files)
    audit = AuditEvent.objects.get(action=AuditEvent.Action.GDPR_ERASE)
    assert audit.details["dry_run"] is True and audit.details["counts"]["forms"] == 2


def test_delete_erases_the_person_and_keeps_the_agencys_records_anonymised(
    gdpr_api: str, holdings: Holdings
) -> None:
    course_ended(holdings.course)
    assert call("delete", gdpr_api + SUBJECT).status_code == 204

    assert not FolderItem.objects.filter(customer=holdings.customer).exists()
    assert not Draft.objects.exists() and not Thread.objects.exists()
    assert not Enrollment.objects.exists() and not Attachment.objects.exists()
    assert not NotificationPreference.objects.exists() and not ContactVerification.objects.exists()
    assert not any(storages["attachments"].exists(name) for name in holdings.files)
    person = User.objects.get(pk=holdings.person.pk)
    assert (person.first_name, person.last_name, person.email, person.mobile_number) == (
        "",
        "",
        "",
        "",
    )
    assert person.identity_code_digest is None and person.identity_code_encrypted == ""
    assert person.street_address == "" and not person.is_active and person.provider_subject is None

    kept = Submission.objects.get()
    assert kept.reference == holdings.submission.reference
    assert kept.service_id == holdings.submission.service_id
    assert kept.sent_at == holdings.submission.sent_at and kept.history.exists()
    assert kept.customer is None and kept.person is None and kept.content_encrypted == ""
    assert kept.anonymised_at is not None

    # Nothing is left to find: a second call answers as for someone unknown.
    assert call("get", gdpr_api + SUBJECT).status_code == 204
    erased = AuditEvent.objects.get(action=AuditEvent.Action.GDPR_ERASE)
    assert erased.details["dry_run"] is False and erased.details["counts"]["person"] == 1
