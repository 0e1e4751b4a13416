"""The relevance set: real queries in fi/sv/en, the services that must be in their top three and
the weak matches that must not be listed at all (`not_listed`)."""

import tomllib
from pathlib import Path
from typing import Any

import pytest

from asiointi.catalogue import search
from asiointi.catalogue.models import Service

QUERY_FILES = sorted((Path(__file__).parent / "search_relevance").glob("*.toml"))


def relevance_queries() -> list[dict[str, Any]]:
    queries = []
    for path in QUERY_FILES:
        with path.open("rb") as f:
            queries.extend(tomllib.load(f)["query"])
    return queries


def test_the_relevance_set_is_large_and_covers_three_languages() -> None:
    queries = relevance_queries()
    assert len(queries) >= 25
    assert {q["lang"] for q in queries} == {"fi", "sv", "en"}


@pytest.mark.django_db
@pytest.mark.parametrize(
    "case", relevance_queries(), ids=lambda case: f"{case['lang']}:{case['q']}"
)
def test_expected_services_are_in_the_top_three(
    demo_catalogue: dict[str, int], case: dict[str, Any]
) -> None:
    top = search.search(case["q"], case["lang"])[:3]
    top_slugs = list(Service.objects.filter(pk__in=top).values_list("slug", flat=True))
    for slug in case["expect"]:
        assert slug in top_slugs, f"{case['q']!r} ({case['lang']}) gave {top_slugs}"


def weak_cases() -> list[dict[str, Any]]:
    return [case for case in relevance_queries() if case.get("not_listed")]


def test_the_relevance_set_has_weak_matches_in_three_languages() -> None:
    assert {case["lang"] for case in weak_cases()} == {"fi", "sv", "en"}


@pytest.mark.django_db
@pytest.mark.parametrize("case", weak_cases(), ids=lambda case: f"{case['lang']}:{case['q']}")
def test_weak_matches_are_not_listed(demo_catalogue: dict[str, int], case: dict[str, Any]) -> None:
    found = search.search(case["q"], case["lang"])
    slugs = set(Service.objects.filter(pk__in=found).values_list("slug", flat=True))
    assert case["expect"][0] in slugs
    listed = slugs & set(case["not_listed"])
    assert not listed, f"{case['q']!r} ({case['lang']}) listed the weak matches {listed}"


@pytest.mark.django_db
def test_services_matching_equally_well_are_all_listed(demo_catalogue: dict[str, int]) -> None:
    found = search.search("uimahalli", "fi")
    slugs = set(Service.objects.filter(pk__in=found).values_list("slug", flat=True))
    assert {"aikuisten-uimakoulu", "lasten-uimakoulu", "vesijumppa"} <= slugs
