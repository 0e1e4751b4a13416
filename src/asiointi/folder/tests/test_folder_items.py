import uuid

import pytest
from django.test import Client
from django.utils.translation import gettext_lazy as _
from django.utils.translation import override

from asiointi.customers.services import customer_for_person
from asiointi.folder.models import FolderItem
from asiointi.folder.services import folder_item_record, folder_item_remove
from asiointi.identity.tests.factories import logged_in_client

pytestmark = pytest.mark.django_db
KEY = "0b8e3c52-3f7e-4a55-9a36-1c1f3f1f7a17"


def test_an_item_is_recorded_once_and_kept_current(client: Client) -> None:
    customer = customer_for_person(logged_in_client(client))
    for status in ("sent", "received"):
        folder_item_record(
            customer=customer,
            kind="submission",
            key=KEY,
            title=_("E-services folder"),
            status=status,
        )
    item = FolderItem.objects.get()
    assert item.status == "received"
    with override("sv"):
        assert item.title_text == "E-tjänstmapp"
    with override("fi"):
        assert item.title_text == "Asiointikansio"
    folder_item_remove(kind="submission", key=KEY)
    assert not FolderItem.objects.exists()


def test_the_folder_shows_only_the_customers_own_items(client: Client) -> None:
    own = customer_for_person(logged_in_client(client))
    other_client = Client()
    other = customer_for_person(logged_in_client(other_client, identity_code="010101-999R"))
    for customer, title in ((own, "Own parking permit"), (other, "Someone else's grant")):
        folder_item_record(
            customer=customer,
            kind="draft",
            key=str(uuid.uuid4()),
            title={"fi": title, "sv": title, "en": title},
            status="draft",
        )
    html = client.get("/fi/asiointikansio/").content.decode()
    assert "Own parking permit" in html
    assert "Someone else" not in html


def test_anonymous_visitors_are_sent_to_log_in(client: Client) -> None:
    response = client.get("/fi/asiointikansio/")
    assert response.status_code == 302
    assert "/fi/kirjaudu/" in response["Location"]
