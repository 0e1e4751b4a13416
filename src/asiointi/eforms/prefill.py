"""Answers the portal already knows: the person's own details, or the organisation's."""

from typing import Any

from asiointi.customers.acting import Acting
from asiointi.eforms.definition import Definition
from asiointi.privacy.identity_codes import identity_code_decrypt


def known_values(acting: Acting) -> dict[str, Any]:
    person = acting.person
    values: dict[str, Any] = {}
    if person.first_name and person.last_name:
        values["name"] = {"given": person.first_name, "family": person.last_name}
    if person.identity_code_encrypted:
        values["identity_code"] = identity_code_decrypt(person.identity_code_encrypted)
    if person.home_municipality_name:
        values["municipality"] = person.home_municipality_name
    if person.street_address and person.postal_code and person.post_office:
        values["address"] = {
            "street": person.street_address,
            "postal_code": person.postal_code,
            "post_office": person.post_office,
        }
    if person.email and person.email_verified_at:
        values["email"] = person.email
    if person.mobile_number and person.mobile_verified_at:
        values["phone"] = person.mobile_number
    if acting.organisation is not None:
        values["organisation_name"] = acting.organisation.name
        values["business_id"] = acting.organisation.business_id
    return values


def prefill_answers(definition: Definition, acting: Acting) -> dict[str, Any]:
    """Question key -> value, for the questions the definition fills in from what is known."""
    known = known_values(acting)
    return {
        question.key: known[question.prefill]
        for _page, question in definition.questions()
        if question.prefill and question.prefill in known
    }
