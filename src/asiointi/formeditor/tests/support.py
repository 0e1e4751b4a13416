"""Managers and addresses for the form editor's tests."""

from typing import Any

from django.test import Client
from django.urls import reverse
from django.utils import translation

from asiointi.backoffice.models import AgencyMembership
from asiointi.backoffice.tests.support import OTHER_AGENCY, OWNING_AGENCY, staff_client

PARKING = "asukaspysakointitunnus"  # a demo form of the owning agency
Role = AgencyMembership.Role


def manager_client(username: str = "manageri", agency: str = OWNING_AGENCY) -> Client:
    return staff_client(username, agency, Role.SERVICE_MANAGER)


def other_manager_client() -> Client:
    return staff_client("toinen", OTHER_AGENCY, Role.SERVICE_MANAGER)


def clerk_client() -> Client:
    return staff_client("kirjuri", OWNING_AGENCY, Role.CLERK)


def editor_url(name: str, *args: Any, language: str = "fi", query: str = "") -> str:
    with translation.override(language):
        return reverse(f"formeditor:{name}", args=args) + query


def opened(client: Client, service: str = PARKING) -> None:
    response = client.post(editor_url("open", service))
    assert response.status_code == 302, response.content.decode()[:2000]
