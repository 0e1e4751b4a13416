"""The relevance set: real queries in fi/sv/en and the services that must be in their top three."""

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
