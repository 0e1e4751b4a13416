"""Publishing makes an unchangeable, numbered version with its JSON Schema 2020-12."""

import pytest
from jsonschema import Draft202012Validator

from asiointi.catalogue.models import Service
from asiointi.eforms.definition import DefinitionError
from asiointi.eforms.models import Form
from asiointi.eforms.services import form_define, form_publish
from asiointi.eforms.tests.documents import document, page, question

pytestmark = pytest.mark.django_db


def test_publishing_numbers_versions_and_keeps_the_earlier_one(
    demo_catalogue: dict[str, int],
) -> None:
    service = Service.objects.get(slug="ilmoitus-tai-palaute")
    form = form_define(service=service, document=document(page("p", question("a", "text"))))
    first = form_publish(form=form)
    form = form_define(service=service, document=document(page("p", question("b", "text"))))
    second = form_publish(form=form)
    assert (first.number, second.number) == (1, 2)
    first.refresh_from_db()
    assert list(first.schema["properties"]) == ["a"]
    assert first.schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    Draft202012Validator.check_schema(second.schema)


def test_a_bad_definition_publishes_nothing(demo_catalogue: dict[str, int]) -> None:
    service = Service.objects.get(slug="ilmoitus-tai-palaute")
    form = form_define(service=service, document=document(page("p", question("a", "colour"))))
    with pytest.raises(DefinitionError):
        form_publish(form=form)
    assert not Form.objects.get(pk=form.pk).versions.exists()


def test_the_schema_is_served_at_its_id(demo_catalogue: dict[str, int], client: object) -> None:
    service = Service.objects.get(slug="ilmoitus-tai-palaute")
    version = form_publish(
        form=form_define(service=service, document=document(page("p", question("a", "text"))))
    )
    response = client.get(version.schema["$id"])  # type: ignore[attr-defined]
    assert response.status_code == 200
    assert response.json() == version.schema
