"""The attachments field in a form: files accepted as the form is checked, never lost on errors."""

import re

import pytest
from django import forms
from django.core.files.uploadedfile import SimpleUploadedFile, UploadedFile
from django.http import QueryDict
from django.template.loader import render_to_string
from django.utils.datastructures import MultiValueDict

from asiointi.attachments.forms import (
    AttachmentsField,
    attachments_bind,
    attachments_removal_requested,
)
from asiointi.attachments.limits import AttachmentLimits
from asiointi.attachments.models import Attachment
from asiointi.attachments.tests.conftest import PDF, PNG
from asiointi.attachments.tests.fixtures import EICAR
from asiointi.customers.acting import Acting
from asiointi.tests.personas import Personas

pytestmark = pytest.mark.django_db

LIMITS = AttachmentLimits(
    max_bytes=1000, max_count=2, media_types=frozenset({"application/pdf", "image/png"})
)


class ReplyForm(forms.Form):
    body = forms.CharField(label="Message")
    attachments = AttachmentsField(label="Attachments", limits=LIMITS, required=False)


def post(acting: Acting, data: dict[str, list[str]], *uploads: tuple[str, bytes]) -> ReplyForm:
    query = QueryDict(mutable=True)
    for key, values in data.items():
        query.setlist(key, values)
    files: MultiValueDict[str, UploadedFile] = MultiValueDict(
        {"attachments": [SimpleUploadedFile(name, content) for name, content in uploads]}
    )
    form = ReplyForm(query, files)
    attachments_bind(form, acting=acting)
    return form


def kept_ids(html: str) -> list[str]:
    return re.findall(r'name="attachments-keep" value="([0-9a-f-]+)"', html)


def test_accepted_files_stay_when_another_field_has_an_error(
    personas: Personas, clamd: str
) -> None:
    resident = personas.resident_acting()
    form = post(resident, {"body": [""]}, ("hakemus.pdf", PDF))
    assert not form.is_valid()
    assert "body" in form.errors and "attachments" not in form.errors

    html = str(form["attachments"])
    attachment = Attachment.objects.get()
    assert kept_ids(html) == [str(attachment.pk)]
    assert "hakemus.pdf" in html and 'name="attachments-remove"' in html

    again = post(resident, {"body": ["Kiitos"], "attachments-keep": kept_ids(html)})
    assert again.is_valid()
    assert again.cleaned_data["attachments"] == [attachment]


def test_a_refused_file_is_named_and_the_accepted_one_kept(personas: Personas, clamd: str) -> None:
    resident = personas.resident_acting()
    form = post(resident, {"body": ["Hei"]}, ("kuva.png", PNG), ("virus.pdf", PDF + EICAR))
    assert not form.is_valid()
    assert [error.code for error in form.errors.as_data()["attachments"]] == ["infected"]
    assert "virus.pdf" in form.errors["attachments"][0]
    html = str(form["attachments"])
    assert "kuva.png" in html and len(kept_ids(html)) == 1
    assert (
        'aria-invalid="true"' in html
        and 'aria-describedby="id_attachments-hint id_attachments-error"' in html
    )


def test_the_remove_button_takes_a_file_away(personas: Personas, clamd: str) -> None:
    resident = personas.resident_acting()
    first = post(resident, {"body": ["Hei"]}, ("a.pdf", PDF), ("b.png", PNG))
    assert first.is_valid()
    a, b = first.cleaned_data["attachments"]

    removing = post(
        resident,
        {
            "body": ["Hei"],
            "attachments-keep": [str(a.pk), str(b.pk)],
            "attachments-remove": [str(a.pk)],
        },
    )
    assert attachments_removal_requested(removing)
    assert removing.is_valid()
    assert removing.cleaned_data["attachments"] == [b]
    assert not Attachment.objects.filter(pk=a.pk).exists()


def test_someone_elses_attachment_cannot_be_slipped_in(personas: Personas, clamd: str) -> None:
    resident = personas.resident_acting()
    stranger = personas.unrelated_acting()
    theirs = post(stranger, {"body": ["Hei"]}, ("salainen.pdf", PDF))
    assert theirs.is_valid()
    secret = theirs.cleaned_data["attachments"][0]

    form = post(resident, {"body": ["Hei"], "attachments-keep": [str(secret.pk)]})
    assert form.is_valid()
    assert form.cleaned_data["attachments"] == []
    assert "salainen.pdf" not in str(form["attachments"])


def test_the_count_limit_covers_kept_and_new_files(personas: Personas, clamd: str) -> None:
    resident = personas.resident_acting()
    first = post(resident, {"body": ["Hei"]}, ("a.pdf", PDF), ("b.pdf", PDF))
    assert first.is_valid()
    keep = [str(a.pk) for a in first.cleaned_data["attachments"]]
    form = post(resident, {"body": ["Hei"], "attachments-keep": keep}, ("c.pdf", PDF))
    assert not form.is_valid()
    assert [error.code for error in form.errors.as_data()["attachments"]] == ["too_many"]
    assert len(kept_ids(str(form["attachments"]))) == 2


def test_a_required_field_asks_for_a_file(personas: Personas) -> None:
    resident = personas.resident_acting()

    class Required(forms.Form):
        attachments = AttachmentsField(limits=LIMITS)

    form = Required(QueryDict(), MultiValueDict())
    attachments_bind(form, acting=resident)
    assert form.errors["attachments"] == ["Attach at least one file."]


def test_the_field_shows_its_limits_and_accepts_only_allowed_types(personas: Personas) -> None:
    form = ReplyForm()
    html = render_to_string("attachments/_attachments_field.html", {"field": form["attachments"]})
    assert "At most 2 files, each at most 1000\u00a0bytes. Allowed types: PDF, PNG." in html
    assert 'accept=".pdf,.png,application/pdf,image/png"' in html
    assert 'type="file" name="attachments" multiple' in html
    assert 'id="id_attachments-hint"' in html and 'aria-describedby="id_attachments-hint"' in html
    assert "(optional)" in html


def test_without_a_hint_nothing_points_at_one(personas: Personas) -> None:

    class Bare(forms.Form):
        attachments = AttachmentsField(limits=LIMITS, help_text="")

    html = render_to_string("attachments/_attachments_field.html", {"field": Bare()["attachments"]})
    assert "aria-describedby" not in html and "-hint" not in html
