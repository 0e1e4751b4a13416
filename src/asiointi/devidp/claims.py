"""The claims about a test person, named as Suomi.fi and the Finnish Trust Network name them."""

import uuid
from dataclasses import dataclass
from typing import Any

from asiointi.devidp.persons import TestPerson, person_by_key

HETU = "urn:oid:1.2.246.21"
GIVEN_NAME = "urn:oid:2.5.4.42"
SURNAME = "urn:oid:2.5.4.4"
COMMON_NAME = "urn:oid:2.5.4.3"
MUNICIPALITY_CODE = "urn:oid:1.2.246.517.2002.2.18"
MUNICIPALITY_FI = "urn:oid:1.2.246.517.2002.2.19"
MUNICIPALITY_SV = "urn:oid:1.2.246.517.2002.2.20"
STREET_ADDRESS_FI = "urn:oid:1.2.246.517.2002.2.4"
POSTAL_CODE = "urn:oid:1.2.246.517.2002.2.6"
POST_OFFICE_FI = "urn:oid:1.2.246.517.2002.2.7"
MAIL = "urn:oid:0.9.2342.19200300.100.1.3"

PERSON_CLAIMS = [
    HETU,
    GIVEN_NAME,
    SURNAME,
    COMMON_NAME,
    MUNICIPALITY_CODE,
    MUNICIPALITY_FI,
    MUNICIPALITY_SV,
    STREET_ADDRESS_FI,
    POSTAL_CODE,
    POST_OFFICE_FI,
    MAIL,
]

LOA_SUBSTANTIAL = "http://ftn.ficora.fi/2017/loa2"
LOA_HIGH = "http://ftn.ficora.fi/2017/loa3"
# Not a level the Trust Network defines: "too low assurance" returns it, and the portal must refuse.
LOA_TOO_LOW = "http://ftn.ficora.fi/2017/loa1"
ACR_VALUES_SUPPORTED = [LOA_SUBSTANTIAL, LOA_HIGH]

# Identification methods: Suomi.fi's three, each with its amr value.
METHOD_AMR = {"bank": "bank", "mobile": "mobile", "card": "card"}

# Subjects are pairwise: the same person has a different, stable sub at each client.
SUBJECT_NAMESPACE = uuid.UUID("5d0c8d7e-1f0b-4c55-9b8e-6f1f3c0d2a41")


@dataclass(frozen=True)
class Authentication:
    """One identification of a test person, as handed to a client."""

    person_key: str
    client_id: str
    sid: str
    acr: str
    amr: tuple[str, ...]
    auth_time: int

    @property
    def person(self) -> TestPerson:
        person = person_by_key(self.person_key)
        if person is None:
            raise LookupError("the test person is no longer in persons.toml")
        return person


def requested_acr(acr_values: str | None) -> str:
    """The level a normal identification reaches: the one asked for, high if high was asked."""
    requested = (acr_values or "").split()
    return LOA_HIGH if LOA_HIGH in requested else LOA_SUBSTANTIAL


def acr_satisfies(achieved: str, acr_values: str | None) -> bool:
    """Whether an earlier identification's level is enough for this request (single sign-on)."""
    levels = [LOA_SUBSTANTIAL, LOA_HIGH]
    needed = requested_acr(acr_values)
    return achieved in levels and levels.index(achieved) >= levels.index(needed)


def subject(*, person_key: str, client_id: str) -> str:
    return str(uuid.uuid5(SUBJECT_NAMESPACE, f"{client_id}|{person_key}"))


def person_claims(person: TestPerson) -> dict[str, str]:
    claims = {
        HETU: person.identity_code,
        GIVEN_NAME: person.given_names,
        SURNAME: person.surname,
        COMMON_NAME: person.full_name,
        MUNICIPALITY_CODE: person.municipality_code,
        MUNICIPALITY_FI: person.municipality_fi,
        MUNICIPALITY_SV: person.municipality_sv,
    }
    if not person.address_protected:
        claims[STREET_ADDRESS_FI] = person.street_address
        claims[POSTAL_CODE] = person.postal_code
        claims[POST_OFFICE_FI] = person.post_office
    if person.mail:
        claims[MAIL] = person.mail
    return claims


def authentication_claims(authentication: Authentication) -> dict[str, Any]:
    """Everything the ID token and userinfo say about the person and this identification."""
    return {
        "sub": subject(person_key=authentication.person_key, client_id=authentication.client_id),
        **person_claims(authentication.person),
        "acr": authentication.acr,
        "amr": list(authentication.amr),
        "sid": authentication.sid,
        "auth_time": authentication.auth_time,
    }
