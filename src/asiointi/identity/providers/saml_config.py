"""The portal as a SAML 2.0 service provider of Suomi.fi e-Identification: pysaml2's client,
configured from settings, and the names Suomi.fi uses."""

from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.urls import reverse
from saml2 import BINDING_HTTP_POST, BINDING_HTTP_REDIRECT
from saml2.client import Saml2Client
from saml2.config import SPConfig
from saml2.population import Population
from saml2.saml import NAME_FORMAT_URI, NAMEID_FORMAT_TRANSIENT
from saml2.sigver import SigverError, get_xmlsec_binary
from saml2.xmldsig import DIGEST_SHA256, SIG_RSA_SHA256

from asiointi.identity.providers.claims import (
    COMMON_NAME,
    GIVEN_NAME,
    HETU,
    MAIL,
    MUNICIPALITY_CODE,
    MUNICIPALITY_NAME_FI,
    POST_OFFICE_FI,
    POSTAL_CODE,
    STREET_ADDRESS_FI,
    SURNAME,
)

FINNISH_AUTH_METHOD = "FinnishAuthMethod"

# Suomi.fi returns only what the metadata asks for; these are what Identification holds.
REQUESTED_ATTRIBUTES = {
    HETU: ("nationalIdentificationNumber", True),
    COMMON_NAME: ("cn", False),
    GIVEN_NAME: ("givenName", True),
    SURNAME: ("sn", True),
    MUNICIPALITY_CODE: ("KotikuntaKuntanumero", False),
    MUNICIPALITY_NAME_FI: ("KotikuntaKuntaS", False),
    STREET_ADDRESS_FI: ("VakinainenKotimainenLahiosoiteS", False),
    POSTAL_CODE: ("VakinainenKotimainenLahiosoitePostinumero", False),
    POST_OFFICE_FI: ("VakinainenKotimainenLahiosoitePostitoimipaikkaS", False),
    MAIL: ("mail", False),
}

SIGNING_ALGORITHM = SIG_RSA_SHA256
DIGEST_ALGORITHM = DIGEST_SHA256
CLOCK_SKEW_SECONDS = 60


class _NoPopulation(Population):  # type: ignore[misc]
    """pysaml2 would keep every unencrypted assertion's attributes, identity codes included, in
    process memory; the portal needs none of it after the login."""

    def add_information_about_person(self, session_info: Any) -> None:
        return None


def endpoint_urls(base_url: str) -> dict[str, str]:
    return {
        name: base_url + reverse(f"identity_protocol:saml_{name}")
        for name in ("metadata", "acs", "sls")
    }


def _file(setting: str, fallback: str = "") -> str:
    name = setting if getattr(settings, setting) or not fallback else fallback
    path = getattr(settings, name)
    if not path or not Path(path).is_file():
        raise ImproperlyConfigured(f"{name} must name a readable file for SAML.")
    return str(path)


def sp_config(base_url: str) -> SPConfig:
    """pysaml2's configuration; the endpoint addresses are on the host the request came to."""
    urls = endpoint_urls(base_url)
    try:
        xmlsec = settings.XMLSEC1_PATH or get_xmlsec_binary()
    except SigverError as error:
        raise ImproperlyConfigured("xmlsec1 is not installed; set XMLSEC1_PATH.") from error
    config = SPConfig()
    config.load(
        {
            "entityid": settings.SAML_SP_ENTITY_ID,
            "xmlsec_binary": xmlsec,
            "key_file": _file("SAML_SP_KEY_FILE"),
            "cert_file": _file("SAML_SP_CERT_FILE"),
            "encryption_keypairs": [
                {
                    "key_file": _file("SAML_SP_ENCRYPTION_KEY_FILE", "SAML_SP_KEY_FILE"),
                    "cert_file": _file("SAML_SP_ENCRYPTION_CERT_FILE", "SAML_SP_CERT_FILE"),
                }
            ],
            "metadata": {"local": [_file("SAML_IDP_METADATA_FILE")]},
            "accepted_time_diff": CLOCK_SKEW_SECONDS,
            "allow_unknown_attributes": True,
            # Suomi.fi reads the methods a service accepts from its metadata.
            "entity_attributes": [
                {
                    "name": FINNISH_AUTH_METHOD,
                    "format": NAME_FORMAT_URI,
                    "values": settings.SAML_ACCEPTED_LOA,
                }
            ],
            "service": {
                "sp": {
                    "endpoints": {
                        "assertion_consumer_service": [(urls["acs"], BINDING_HTTP_POST)],
                        "single_logout_service": [
                            (urls["sls"], BINDING_HTTP_REDIRECT),
                            (urls["sls"], BINDING_HTTP_POST),
                        ],
                    },
                    "name_id_format": [NAMEID_FORMAT_TRANSIENT],
                    "name_id_policy_format": NAMEID_FORMAT_TRANSIENT,
                    "authn_requests_signed": True,
                    "logout_requests_signed": True,
                    "logout_responses_signed": True,
                    "want_assertions_signed": True,
                    "allow_unsolicited": False,
                    "signing_algorithm": SIGNING_ALGORITHM,
                    "digest_algorithm": DIGEST_ALGORITHM,
                    "requested_authn_context": {
                        "authn_context_class_ref": settings.SAML_REQUESTED_LOA,
                        "comparison": "exact",
                    },
                }
            },
        }
    )
    return config


def sp_client(base_url: str) -> Saml2Client:
    client = Saml2Client(config=sp_config(base_url))
    client.users = _NoPopulation()
    idps = list(client.metadata.with_descriptor("idpsso"))
    if len(idps) != 1:
        raise ImproperlyConfigured("SAML_IDP_METADATA_FILE must describe exactly one IdP.")
    return client


def idp_entity_id(client: Saml2Client) -> str:
    return str(next(iter(client.metadata.with_descriptor("idpsso"))))
