"""The service provider metadata the city registers at Suomi.fi."""

from pathlib import Path
from xml.etree import ElementTree

import pytest
from defusedxml.ElementTree import fromstring
from django.conf import LazySettings
from django.test import Client

from asiointi.identity.tests.saml_idp import TestIdp

pytestmark = pytest.mark.django_db

NS = {
    "md": "urn:oasis:names:tc:SAML:2.0:metadata",
    "ds": "http://www.w3.org/2000/09/xmldsig#",
    "saml": "urn:oasis:names:tc:SAML:2.0:assertion",
    "mdattr": "urn:oasis:names:tc:SAML:metadata:attribute",
}


def certificate_text(path: str) -> str:
    return "".join(Path(path).read_text().splitlines()[1:-1])


@pytest.fixture
def metadata(saml_idp: TestIdp, resident: Client) -> ElementTree.Element:
    response = resident.get("/identity/saml/metadata")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/xml")
    return fromstring(response.content)  # type: ignore[no-any-return]


def test_the_metadata_names_the_portal_and_its_endpoints(metadata: ElementTree.Element) -> None:
    assert metadata.get("entityID") == "https://testserver/identity/saml/metadata"
    sp = metadata.find("md:SPSSODescriptor", NS)
    assert sp is not None
    acs = sp.find("md:AssertionConsumerService", NS)
    assert acs is not None
    assert acs.get("Binding") == "urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST"
    assert acs.get("Location") == "https://testserver/identity/saml/acs"
    sls = sp.findall("md:SingleLogoutService", NS)
    assert [(e.get("Binding"), e.get("Location")) for e in sls] == [
        (
            "urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect",
            "https://testserver/identity/saml/sls",
        ),
        ("urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST", "https://testserver/identity/saml/sls"),
    ]
    formats = [element.text for element in sp.findall("md:NameIDFormat", NS)]
    assert formats == ["urn:oasis:names:tc:SAML:2.0:nameid-format:transient"]


def test_requests_are_signed_and_assertions_must_be(metadata: ElementTree.Element) -> None:
    sp = metadata.find("md:SPSSODescriptor", NS)
    assert sp is not None
    assert sp.get("AuthnRequestsSigned") == "true"
    assert sp.get("WantAssertionsSigned") == "true"


def test_the_signing_and_encryption_certificates_are_published(
    metadata: ElementTree.Element, settings: LazySettings
) -> None:
    published = {
        descriptor.get("use"): descriptor.findtext(".//ds:X509Certificate", namespaces=NS)
        for descriptor in metadata.findall("md:SPSSODescriptor/md:KeyDescriptor", NS)
    }
    assert published == {
        "signing": certificate_text(settings.SAML_SP_CERT_FILE),
        "encryption": certificate_text(settings.SAML_SP_ENCRYPTION_CERT_FILE),
    }


def test_the_suomi_fi_attributes_are_requested(metadata: ElementTree.Element) -> None:
    service = metadata.find("md:SPSSODescriptor/md:AttributeConsumingService", NS)
    assert service is not None
    names = [element.text for element in service.findall("md:ServiceName", NS)]
    assert "Helsingin kaupunki" in names
    requested = {
        element.get("Name"): element.get("isRequired")
        for element in service.findall("md:RequestedAttribute", NS)
    }
    assert requested["urn:oid:1.2.246.21"] == "true"
    assert requested["urn:oid:2.5.4.42"] == "true"
    assert requested["urn:oid:2.5.4.4"] == "true"
    for optional in (
        "urn:oid:2.5.4.3",  # cn
        "urn:oid:1.2.246.517.2002.2.18",  # home municipality code
        "urn:oid:1.2.246.517.2002.2.19",  # home municipality name
        "urn:oid:1.2.246.517.2002.2.4",  # street address
        "urn:oid:1.2.246.517.2002.2.6",  # postal code
        "urn:oid:1.2.246.517.2002.2.7",  # post office
        "urn:oid:0.9.2342.19200300.100.1.3",  # mail
    ):
        assert requested[optional] == "false"
    formats = {
        element.get("NameFormat") for element in service.findall("md:RequestedAttribute", NS)
    }
    assert formats == {"urn:oasis:names:tc:SAML:2.0:attrname-format:uri"}


def test_the_accepted_methods_are_declared_for_suomi_fi(
    metadata: ElementTree.Element,
) -> None:
    attribute = metadata.find(
        "md:Extensions/mdattr:EntityAttributes/saml:Attribute[@Name='FinnishAuthMethod']", NS
    )
    assert attribute is not None
    values = [value.text for value in attribute.findall("saml:AttributeValue", NS)]
    assert values == ["http://ftn.ficora.fi/2017/loa2", "http://ftn.ficora.fi/2017/loa3"]


def test_there_is_no_saml_metadata_when_the_portal_uses_openid_connect(client: Client) -> None:
    assert client.get("/identity/saml/metadata").status_code == 404
    assert client.post("/identity/saml/acs").status_code == 404
