"""Age from the identity code's date of birth, for the courses' age limits."""

from datetime import date
from typing import TYPE_CHECKING

from asiointi.privacy.identity_codes import identity_code_decrypt

if TYPE_CHECKING:
    from asiointi.identity.models import User

# The identity code's century sign (2023 reform added the extra letters).
CENTURIES = {"+": 1800, "-": 1900, "Y": 1900, "X": 1900, "W": 1900, "V": 1900, "U": 1900}
CENTURIES.update(dict.fromkeys("ABCDEF", 2000))


def birth_date_of_person(person: "User") -> date | None:
    if not person.identity_code_encrypted:
        return None
    code = identity_code_decrypt(person.identity_code_encrypted)
    century = CENTURIES.get(code[6:7].upper())
    if century is None:
        return None
    try:
        return date(century + int(code[4:6]), int(code[2:4]), int(code[0:2]))
    except ValueError:
        return None


def age_on(born: date, day: date) -> int:
    return day.year - born.year - ((day.month, day.day) < (born.month, born.day))
