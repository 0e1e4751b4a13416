"""Filling in a form through the portal's own pages, as the Django test client."""

from typing import Any

from django.test import Client
from django.urls import reverse
from django.utils import translation

from asiointi.submissions.models import Draft

PARKING_ANSWERS: dict[str, dict[str, Any]] = {
    "applicant": {
        "address-street": "Mannerheimintie 1 A 2",
        "address-postal_code": "00100",
        "address-post_office": "Helsinki",
        "email": "tessa@example.fi",
        "phone": "",
    },
    "residence": {"lives_in_zone": "yes"},
    "vehicle": {"registration": "ABC-123", "holding": "owner", "emissions": "95"},
    "period": {
        "months": "12",
        "start_date-day": "1",
        "start_date-month": "1",
        "start_date-year": "2099",
    },
    "confirm": {"declaration": "yes"},
}


def url(name: str, *args: object, language: str = "fi") -> str:
    with translation.override(language):
        return reverse(name, args=args)


def start(client: Client, slug: str, language: str = "fi") -> Draft:
    response = client.post(url("eforms:start", slug, language=language))
    assert response.status_code == 302, response.content.decode()[:2000]
    return Draft.objects.latest("created_at")


def answer(client: Client, draft: Draft, page: str, data: dict[str, Any], **extra: str) -> Any:
    return client.post(
        url("submissions:draft_page", draft.pk, page), {"action": "continue", **data, **extra}
    )


def fill_parking(client: Client) -> Draft:
    draft = start(client, "asukaspysakointitunnus")
    for page, data in PARKING_ANSWERS.items():
        response = answer(client, draft, page, data)
        assert response.status_code == 302, response.content.decode()[:3000]
    return draft
