"""The test persons: published or test-range identity codes only, each valid."""

import pytest
from django.core.exceptions import ImproperlyConfigured
from stdnum.fi import hetu

from asiointi.devidp import persons
from asiointi.devidp.persons import TestPerson, all_persons


def test_every_test_person_has_a_valid_identity_code_in_the_test_range() -> None:
    for person in all_persons():
        assert hetu.validate(person.identity_code, allow_temporary=True)
        assert 900 <= int(person.identity_code[7:10]) <= 999
        with pytest.raises(hetu.InvalidComponent):
            hetu.validate(person.identity_code)  # not a code a real person could have


def test_the_published_suomi_fi_test_persons_are_there() -> None:
    codes = {person.identity_code: person.full_name for person in all_persons()}
    assert codes["010280-952L"] == "Testilä Tessa"
    assert codes["010469-999W"] == "Kivi Joni Kristian"
    assert codes["010675-9981"] == "Sallinen Anna-Liisa Milka"
    assert codes["260991-999R"] == "Huhtiistinen Ilmari Folke"
    assert {"010594Y9032", "010516B903X"} <= codes.keys()


def test_keys_are_unique_and_are_not_identity_codes() -> None:
    keys = [person.key for person in all_persons()]
    assert len(keys) == len(set(keys))
    assert not {person.identity_code for person in all_persons()} & set(keys)


def test_a_code_outside_the_test_range_is_refused() -> None:
    fields = {**vars(all_persons()[0]), "identity_code": "131052-308T"}
    with pytest.raises(ImproperlyConfigured, match="not a test identity code"):
        persons._checked(TestPerson(**fields))
