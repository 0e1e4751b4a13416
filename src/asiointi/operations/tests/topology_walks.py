"""What the resident does in the topology tests, through nginx as a browser would: fill in the
demo rental home application with an attachment, and enroll in a course."""

from typing import Any
from urllib.parse import urlsplit

import requests
from django.urls import reverse
from django.utils import translation

from asiointi.devidp.tests.support import form
from asiointi.operations.topology import Topology

RESIDENT_EMAIL = "tessa.topology@example.fi"
PDF = b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n"
# The demo rental home application, page by page, with a residence permit card attached.
RENTAL_PAGES: list[tuple[dict[str, Any], dict[str, Any] | None]] = [
    (
        {
            "address-street": "Mannerheimintie 1 A 2",
            "address-postal_code": "00100",
            "address-post_office": "Helsinki",
            "email": RESIDENT_EMAIL,
            "phone": "040 123 4567",
        },
        None,
    ),
    ({"citizenship": "other"}, None),
    ({"permit_year": "yes"}, None),
    ({}, {"permit_document": ("oleskelulupa.pdf", PDF, "application/pdf")}),
    ({"others_moving": "no"}, None),
    ({"housing_type": "sublet", "housing_size": "24", "housing_need": "Liian pieni."}, None),
    ({"income_month": "2450", "wealth": "0"}, None),
    (
        {
            "rooms": ["2"],
            "accessible": "no",
            "move_from-day": "1",
            "move_from-month": "1",
            "move_from-year": "2099",
        },
        None,
    ),
    ({}, None),
    ({"declaration": "yes"}, None),
]


def fi(name: str, *args: object) -> str:
    with translation.override("fi"):
        return reverse(name, args=args)


def post(
    site: Topology,
    browser: requests.Session,
    path: str,
    data: dict[str, Any] | None = None,
    files: dict[str, Any] | None = None,
) -> requests.Response:
    """A POST as the browser sends it through nginx: its CSRF token and a same-origin Referer."""
    fields = {"csrfmiddlewaretoken": browser.cookies.get("csrftoken"), **(data or {})}
    return browser.post(
        site.portal_url + path,
        data=fields,
        files=files,
        headers={"Referer": site.portal_url + path},
        allow_redirects=False,
        timeout=60,
    )


def rental_application_filled(site: Topology, browser: requests.Session) -> str:
    """Every page of the application through nginx; returns the address of its check page."""
    start = fi("eforms:start", "vuokra-asuntohakemus")
    browser.get(site.portal_url + start, timeout=30)
    answer = post(site, browser, start)
    assert answer.status_code == 302, answer.text[:3000]
    where = urlsplit(answer.headers["Location"]).path  # the draft's first page
    draft = next(part for part in where.split("/") if part.count("-") == 4 and len(part) == 36)
    for data, files in RENTAL_PAGES:
        answer = post(site, browser, where, {"action": "continue", **data}, files)
        assert answer.status_code == 302, (where, answer.text[:3000])
        where = urlsplit(answer.headers["Location"]).path
    assert where == fi("submissions:draft_check", draft), where
    return where


def enrolled(site: Topology, browser: requests.Session, code: str) -> Any:
    """Course page, review, confirm: the enrollment made; returns the confirming form."""
    browser.get(site.portal_url + fi("courses:course_detail", code), timeout=30)
    review = post(site, browser, fi("courses:course_review", code), {"participant": "self"})
    assert review.status_code == 200, review.text[:3000]
    confirm = form(review.text, fi("courses:course_enroll", code))
    made = post(site, browser, fi("courses:course_enroll", code), confirm.fields)
    assert made.status_code == 303, made.text[:3000]
    confirm.action = fi("courses:course_enroll", code)
    return confirm
