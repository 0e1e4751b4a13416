import re
from html import unescape

import pytest
from django.test import Client
from django.urls import translate_url

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "address",
    [
        "/fi/palvelut/asukaspysakointitunnus/",
        "/sv/tjanster/?q=parkering&audience=persons",
        "/en/",
        "/fi/ei-tallaista-sivua/",  # a 404 page: no view to name, the address as it is
    ],
)
def test_each_language_link_is_the_same_page_in_that_language(
    client: Client, demo_catalogue: dict[str, int], address: str
) -> None:
    html = client.get(address).content.decode()
    found = re.findall(r'<link rel="alternate" hreflang="(\w+)" href="([^"]*)">', html)
    links = {code: unescape(href) for code, href in found}
    assert links == {code: translate_url(address, code) for code in ("fi", "sv", "en")}
    assert links["fi"] != links["sv"] or "ei-tallaista" in address


def test_a_language_link_keeps_the_query(client: Client, demo_catalogue: dict[str, int]) -> None:
    html = client.get("/sv/tjanster/?q=parkering").content.decode()
    assert 'hreflang="fi" href="/fi/palvelut/?q=parkering"' in html
