"""Every demo form opens in the editor, every page and question of it too, every page previews
in every language, and publishing it finds no problem."""

import pytest

from asiointi.catalogue.models import Service
from asiointi.eforms.demo import demo_documents
from asiointi.formeditor.tests.support import editor_url, manager_client, opened


@pytest.mark.parametrize("slug", sorted(demo_documents()))
def test_a_demo_form_opens_and_previews_in_the_editor(demo_forms: None, slug: str) -> None:
    service = Service.objects.get(slug=slug)
    manager = manager_client("demo", service.agency.slug)
    opened(manager, slug)
    assert manager.get(editor_url("overview", slug)).status_code == 200
    document = demo_documents()[slug]
    for page in document["pages"]:
        assert manager.get(editor_url("page", slug, page["key"])).status_code == 200
        for question in page.get("questions", []):
            address = editor_url("question", slug, page["key"], question["key"])
            assert manager.get(address).status_code == 200, address
        for language in ("fi", "sv", "en"):
            address = editor_url("preview", slug, page["key"], query=f"?lang={language}")
            assert manager.get(address).status_code == 200, address
    publish = manager.get(editor_url("publish", slug)).content.decode()
    assert 'id="error-summary"' not in publish
