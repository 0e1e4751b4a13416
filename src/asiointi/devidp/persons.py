"""The test persons one can identify as, read from demo/persons.toml."""

import tomllib
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from django.core.exceptions import ImproperlyConfigured
from stdnum.exceptions import ValidationError
from stdnum.fi import hetu

# In demo/ so that the package data rules ship it with the app.
PERSONS_FILE = Path(__file__).resolve().parent / "demo" / "persons.toml"
TEST_INDIVIDUAL_NUMBERS = range(900, 1000)


@dataclass(frozen=True)
class TestPerson:
    __test__ = False  # not a pytest test class

    key: str
    identity_code: str
    given_names: str
    surname: str
    municipality_code: str
    municipality_fi: str
    municipality_sv: str
    street_address: str
    postal_code: str
    post_office: str
    mail: str = ""
    address_protected: bool = False

    @property
    def full_name(self) -> str:
        """Surname first, as in the population register and Suomi.fi's cn attribute."""
        return f"{self.surname} {self.given_names}"


def _checked(person: TestPerson) -> TestPerson:
    try:
        code = hetu.validate(person.identity_code, allow_temporary=True)
    except ValidationError as error:
        raise ImproperlyConfigured(f"Test person {person.key}: bad identity code") from error
    # Only the test range: a real person's code must never end up in this file.
    if int(code[7:10]) not in TEST_INDIVIDUAL_NUMBERS:
        raise ImproperlyConfigured(f"Test person {person.key}: not a test identity code")
    return person


@cache
def all_persons() -> tuple[TestPerson, ...]:
    with PERSONS_FILE.open("rb") as f:
        entries = tomllib.load(f)["person"]
    return tuple(_checked(TestPerson(**entry)) for entry in entries)


def person_by_key(key: str) -> TestPerson | None:
    return next((person for person in all_persons() if person.key == key), None)
