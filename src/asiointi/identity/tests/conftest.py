from pathlib import Path
from typing import Any

import pytest
from django.conf import LazySettings

from asiointi.identity.tests.saml_idp import TestIdp, key_and_certificate
from asiointi.identity.tests.saml_steps import HttpsClient


@pytest.fixture(scope="session")
def saml_directory(tmp_path_factory: pytest.TempPathFactory) -> Path:
    directory = tmp_path_factory.mktemp("saml")
    key_and_certificate(directory, "sp")
    key_and_certificate(directory, "sp-encryption")
    TestIdp(directory)
    return directory


@pytest.fixture
def saml_idp(saml_directory: Path, settings: LazySettings) -> TestIdp:
    """The portal set up as a SAML service provider of a test IdP that knows its metadata."""
    settings.IDENTITY_PROVIDER = "saml"
    settings.SAML_IDP_METADATA_FILE = str(saml_directory / "idp-metadata.xml")
    settings.SAML_SP_ENTITY_ID = "https://testserver/identity/saml/metadata"
    settings.SAML_SP_KEY_FILE = str(saml_directory / "sp-key.pem")
    settings.SAML_SP_CERT_FILE = str(saml_directory / "sp-cert.pem")
    settings.SAML_SP_ENCRYPTION_KEY_FILE = str(saml_directory / "sp-encryption-key.pem")
    settings.SAML_SP_ENCRYPTION_CERT_FILE = str(saml_directory / "sp-encryption-cert.pem")
    idp = TestIdp(saml_directory)
    idp.know_sp(HttpsClient().get("/identity/saml/metadata").content.decode())
    return idp


@pytest.fixture
def resident() -> HttpsClient:
    return HttpsClient()


@pytest.fixture
def devidp_portal(live_server: Any, settings: LazySettings) -> str:
    """The portal on a live server, identifying through its built-in provider over HTTP."""
    settings.OIDC_ISSUER = f"{live_server.url}/devidp"
    return str(live_server.url)
