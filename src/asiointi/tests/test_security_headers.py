"""Every answer carries a Content-Security-Policy without 'unsafe-inline', a Permissions-Policy
and a Referrer-Policy; the pages have nothing inline for the policy to block."""

import re
from pathlib import Path

import pytest
from django.conf import LazySettings, settings
from django.core.cache import cache
from django.test import Client

from asiointi.catalogue.cache import catalogue_changed
from asiointi.security import form_action_origins
from asiointi.tests.production import run_manage


def directives(header: str) -> dict[str, list[str]]:
    parts = (part.split() for part in header.split(";") if part.strip())
    return {name: values for name, *values in parts}


def assert_headers(response) -> None:  # type: ignore[no-untyped-def]
    policy = directives(response["Content-Security-Policy"])
    assert "Content-Security-Policy-Report-Only" not in response
    assert policy["default-src"] == ["'self'"]
    assert policy["script-src"] == ["'self'"]
    assert policy["style-src"] == ["'self'"]
    assert policy["object-src"] == ["'none'"]
    assert policy["frame-ancestors"] == ["'none'"]
    assert policy["form-action"][0] == "'self'"
    assert "unsafe-inline" not in response["Content-Security-Policy"]
    for feature in ("camera", "microphone", "geolocation", "payment"):
        assert f"{feature}=()" in response["Permissions-Policy"]
    assert response["Referrer-Policy"] == "same-origin"


@pytest.fixture
def production(settings: LazySettings, demo_catalogue: dict[str, int]) -> None:
    settings.DEBUG = False
    settings.ROOT_URLCONF = "asiointi.tests.error_urls"


@pytest.mark.parametrize(
    "path",
    [
        "/fi/",
        "/sv/",
        "/en/services/",
        "/",  # a redirect to the language
        "/healthz",
        "/brand.css",
        "/static/asiointi/portal.css",
        "/fi/no-such-page/",
        "/fi/forbidden/",
        "/fi/broken/",
        "/devidp/authorize",  # the test provider's refusal of a request without a client
    ],
)
def test_every_kind_of_answer_carries_the_headers(production: None, path: str) -> None:
    assert_headers(Client(raise_request_exception=False).get(path))


def test_a_csrf_failure_and_a_bad_request_carry_the_headers(production: None) -> None:
    assert_headers(Client(enforce_csrf_checks=True).post("/fi/"))
    assert_headers(Client().get("/fi/", HTTP_HOST="not allowed"))


def test_form_action_allows_the_identity_provider_and_e_authorizations(
    settings: LazySettings,
) -> None:
    settings.IDENTITY_PROVIDER = "oidc"
    settings.OIDC_ISSUER = "https://tunnistus.example.fi/oidc"
    settings.VALTUUDET_URL = "https://valtuudet.example.fi/service"
    settings.FORM_ACTION_ORIGINS = ["https://pankki.example.fi"]
    assert form_action_origins() == [
        "https://tunnistus.example.fi",
        "https://valtuudet.example.fi",
        "https://pankki.example.fi",
    ]
    header = Client().get("/healthz")["Content-Security-Policy"]
    assert directives(header)["form-action"] == ["'self'", *form_action_origins()]


def test_form_action_allows_the_saml_identity_providers_endpoints(
    settings: LazySettings, tmp_path: Path
) -> None:
    metadata = tmp_path / "idp.xml"
    metadata.write_text(
        '<md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" entityID="x">'
        '<md:IDPSSODescriptor protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol">'
        '<md:SingleLogoutService Binding="b" Location="https://slo.example.fi/idp/slo"/>'
        '<md:SingleSignOnService Binding="b" Location="https://tunnistus.example.fi/idp/sso"/>'
        '<md:SingleSignOnService Binding="c" Location="https://tunnistus.example.fi/idp/post"/>'
        "</md:IDPSSODescriptor></md:EntityDescriptor>"
    )
    settings.IDENTITY_PROVIDER = "saml"
    settings.SAML_IDP_METADATA_FILE = str(metadata)
    settings.VALTUUDET_URL = ""
    assert form_action_origins() == ["https://slo.example.fi", "https://tunnistus.example.fi"]


def test_the_city_colours_come_from_a_cached_style_sheet(
    settings: LazySettings, demo_catalogue: dict[str, int]
) -> None:
    settings.CITY_BRAND_COLOR = "#006400"
    settings.CITY_BRAND_TEXT_COLOR = "#fff"
    page = Client().get("/fi/").content.decode()
    link = re.search(r'<link rel="stylesheet" href="(/brand\.css\?v=\w+)">', page)
    assert link, "the page does not link /brand.css"
    response = Client().get(link.group(1))
    assert response["Content-Type"] == "text/css; charset=utf-8"
    assert response.content.decode() == ":root { --brand: #006400; --brand-text: #fff; }\n"
    assert "immutable" in response["Cache-Control"]
    settings.CITY_BRAND_COLOR = "#8b0000"
    # A restart with the new colours: no cached page (shared or a process's own) keeps the old one.
    cache.clear()
    catalogue_changed()
    assert link.group(1) not in Client().get("/fi/").content.decode()  # a new address
    assert "max-age=300" in Client().get("/brand.css?v=old")["Cache-Control"]


# Rendered for WeasyPrint or saved into a download, never served as a page.
NOT_SERVED = {"submissions/pdf.html", "folder/export_document.html"}
INLINE = re.compile(
    r"<style|\sstyle\s*=|<script(?![^>]*\ssrc=)[^>]*>|\son[a-z]+\s*=|javascript:", re.I
)


def test_no_template_served_as_a_page_has_inline_style_or_script() -> None:
    found = []
    for template in Path(settings.PACKAGE_DIR).rglob("templates/**/*.html"):
        name = template.as_posix().split("/templates/", 1)[1]
        if name in NOT_SERVED or name.startswith("pdf/"):
            continue
        found += [f"{name}: {m.group()}" for m in INLINE.finditer(template.read_text())]
    assert found == []


def test_a_brand_colour_that_is_not_a_colour_refuses_to_start() -> None:
    result = run_manage("check", CITY_BRAND_COLOR="red; } body { display: none")
    assert result.returncode != 0
    assert "CITY_BRAND_COLOR must be a colour" in result.stderr
