"""An item's address made once a page and reused for the others is the address reverse() makes."""

import uuid

import pytest
from django.urls import reverse
from django.utils import translation

from asiointi.folder.kinds import addresses_by_url_name


@pytest.mark.parametrize(
    ("url_name", "keys"),
    [
        ("submissions:detail", [str(uuid.uuid4()) for _ in range(3)]),
        ("folder:thread", ["1", "11", "111", "7"]),  # the first key also stands inside others
        ("folder:thread", ["12", "1"]),
    ],
)
@pytest.mark.parametrize("language", ["fi", "sv", "en"])
def test_each_address_is_what_reverse_makes(url_name: str, keys: list[str], language: str) -> None:
    with translation.override(language):
        made = addresses_by_url_name(url_name)(keys)
        assert made == {key: reverse(url_name, args=[key]) for key in keys}


def test_no_keys_no_addresses() -> None:
    assert addresses_by_url_name("folder:thread")([]) == {}
