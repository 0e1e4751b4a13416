import pytest
from django.test import Client

from asiointi.catalogue.tests.factories import make_service

pytestmark = pytest.mark.django_db


def test_a_change_in_the_catalogue_shows_at_once(client: Client) -> None:
    service = make_service(name_fi="Vanha nimi")
    url = "/fi/palvelut/"
    assert "Vanha nimi" in client.get(url).content.decode()
    service.name_fi = "Uusi nimi"
    service.save()
    assert "Uusi nimi" in client.get(url).content.decode()


def test_unpublishing_removes_the_service_from_cached_lists(client: Client) -> None:
    service = make_service(name_fi="Poistuva palvelu")
    assert "Poistuva palvelu" in client.get("/fi/palvelut/").content.decode()
    service.published = False
    service.save()
    assert "Poistuva palvelu" not in client.get("/fi/palvelut/").content.decode()


def test_languages_are_cached_apart(client: Client) -> None:
    make_service(name_fi="Suomeksi", name_sv="På svenska")
    assert "Suomeksi" in client.get("/fi/palvelut/").content.decode()
    assert "På svenska" in client.get("/sv/tjanster/").content.decode()


def test_a_visitor_with_a_session_gets_a_fresh_page(client: Client) -> None:
    make_service(name_fi="Palvelu A")
    client.get("/fi/palvelut/")
    client.cookies["sessionid"] = "anything"
    assert "Palvelu A" in client.get("/fi/palvelut/").content.decode()


def test_another_nodes_change_shows_here_within_the_local_seconds(
    client: Client, monkeypatch: pytest.MonkeyPatch, settings: object
) -> None:
    """Each process keeps the pages it served for a moment without asking the shared cache; a
    change made on another node (only the shared version renewed) shows once that moment ends."""
    from django.core.cache import cache

    from asiointi.catalogue import cache as page_cache

    settings.CATALOGUE_LOCAL_CACHE_SECONDS = 2  # type: ignore[attr-defined]
    service = make_service(name_fi="Vanha nimi")
    assert "Vanha nimi" in client.get("/fi/palvelut/").content.decode()
    type(service).objects.filter(pk=service.pk).update(name_fi="Uusi nimi")  # no signal here
    cache.set(page_cache.VERSION_KEY, "another node's change", timeout=None)
    assert "Vanha nimi" in client.get("/fi/palvelut/").content.decode()
    later = page_cache.time.monotonic() + 2.5
    monkeypatch.setattr(page_cache.time, "monotonic", lambda: later)
    assert "Uusi nimi" in client.get("/fi/palvelut/").content.decode()


def test_without_local_seconds_every_visit_asks_the_shared_cache(
    client: Client, settings: object
) -> None:
    from django.core.cache import cache

    from asiointi.catalogue import cache as page_cache

    settings.CATALOGUE_LOCAL_CACHE_SECONDS = 0  # type: ignore[attr-defined]
    service = make_service(name_fi="Vanha nimi")
    assert "Vanha nimi" in client.get("/fi/palvelut/").content.decode()
    type(service).objects.filter(pk=service.pk).update(name_fi="Uusi nimi")
    cache.set(page_cache.VERSION_KEY, "another node's change", timeout=None)
    assert "Uusi nimi" in client.get("/fi/palvelut/").content.decode()
