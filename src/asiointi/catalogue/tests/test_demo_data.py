"""The demo city must look real: enough services, every text in three languages, a real mix."""

import re

import pytest

from asiointi.catalogue.demo import load_demo, read_demo
from asiointi.catalogue.models import Agency, Category, Service

pytestmark = pytest.mark.django_db
LANGUAGES = ("fi", "sv", "en")


def test_demo_has_the_size_and_mix_of_a_city(demo_catalogue: dict[str, int]) -> None:
    services = Service.objects.filter(published=True)
    assert services.count() >= 40
    assert Agency.objects.filter(services__isnull=False).distinct().count() >= 6
    assert Category.objects.filter(services__isnull=False).distinct().count() >= 8
    assert services.filter(audience=Service.Audience.ORGANISATIONS).count() >= 3
    assert services.filter(requires_prior_contact=True).count() >= 3
    assert services.filter(kind=Service.Kind.COURSE).count() >= 3
    assert services.filter(kind=Service.Kind.EXTERNAL).count() >= 3


def test_every_demo_text_is_written_in_finnish_swedish_and_english() -> None:
    data = read_demo()
    required = {
        "agency": ("name", "description", "contact_instructions"),
        "category": ("name",),
        "service": ("name", "summary", "description", "keywords"),
    }
    for kind, fields in required.items():
        for entry in data[kind]:
            for field in fields:
                texts = [entry[field][lang] for lang in LANGUAGES]
                assert all(texts), f"{kind} {entry['slug']} lacks {field} in some language"
                assert len(set(map(str, texts))) == 3, f"{entry['slug']} {field} is not translated"
            if kind == "service" and entry["requires_prior_contact"]:
                assert all(entry["prior_contact_instructions"][lang] for lang in LANGUAGES)
    text = str(data).lower()
    assert not re.search(r"lorem|ipsum|todo|placeholder", text)


def test_demo_slugs_are_unique_and_references_exist() -> None:
    data = read_demo()
    slugs = [entry["slug"] for entry in data["service"]]
    assert len(slugs) == len(set(slugs))
    agencies = {entry["slug"] for entry in data["agency"]}
    categories = {entry["slug"] for entry in data["category"]}
    for entry in data["service"]:
        assert entry["agency"] in agencies
        assert set(entry["categories"]) <= categories


def test_loading_again_keeps_existing_data(demo_catalogue: dict[str, int]) -> None:
    service = Service.objects.get(slug="asukaspysakointitunnus")
    service.name_fi = "Nimi muutettu ylläpidossa"
    service.save()
    Service.objects.filter(pk=service.pk).update(start_count=12345)
    load_demo()
    service.refresh_from_db()
    assert service.name_fi == "Nimi muutettu ylläpidossa"
    assert service.start_count == 12345
    assert Service.objects.filter(slug="asukaspysakointitunnus").count() == 1


def test_refresh_writes_the_demo_texts_back(demo_catalogue: dict[str, int]) -> None:
    Service.objects.filter(slug="asukaspysakointitunnus").update(name_fi="Muutettu")
    load_demo(refresh=True)
    assert Service.objects.get(slug="asukaspysakointitunnus").name_fi != "Muutettu"
