"""A Suomi.fi-like SAML identity provider built with pysaml2's server side, for the SAML tests.

It reads the portal's real AuthnRequest, LogoutRequest and LogoutResponse from the redirect URLs
(checking their signatures as Suomi.fi does) and makes real signed, optionally encrypted,
Responses and LogoutRequests with Suomi.fi's attributes.
"""

import base64
import datetime
import secrets
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.x509.oid import NameOID
from saml2 import BINDING_HTTP_POST, BINDING_HTTP_REDIRECT
from saml2.config import IdPConfig
from saml2.metadata import entity_descriptor
from saml2.saml import NAME_FORMAT_URI, NAMEID_FORMAT_TRANSIENT, NameID
from saml2.server import Server
from saml2.sigver import get_xmlsec_binary, verify_redirect_signature
from saml2.xmldsig import DIGEST_SHA256, SIG_RSA_SHA256

IDP_ENTITY_ID = "https://testi.apro.tunnistus.example/idp1"
SSO_URL = "https://testi.apro.tunnistus.example/idp/profile/SAML2/Redirect/SSO"
SLO_URL = "https://testi.apro.tunnistus.example/idp/profile/SAML2/Redirect/SLO"
LOA2 = "http://ftn.ficora.fi/2017/loa2"

TESSA = {
    "urn:oid:1.2.246.21": "010280-952L",
    "urn:oid:2.5.4.3": "Testilä Tessa",
    "urn:oid:2.5.4.42": "Tessa",
    "urn:oid:2.5.4.4": "Testilä",
    "urn:oid:1.2.246.517.2002.2.18": "091",
    "urn:oid:1.2.246.517.2002.2.19": "Helsinki",
    "urn:oid:1.2.246.517.2002.2.4": "Mannerheimintie 1",
    "urn:oid:1.2.246.517.2002.2.6": "00100",
    "urn:oid:1.2.246.517.2002.2.7": "HELSINKI",
}


def key_and_certificate(directory: Path, name: str) -> tuple[str, str]:
    """A new RSA key and a self-signed certificate for it, as PEM files."""
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    subject = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, name)])
    now = datetime.datetime.now(datetime.UTC)
    certificate = (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(days=1))
        .not_valid_after(now + datetime.timedelta(days=30))
        .sign(key, hashes.SHA256())
    )
    key_file, cert_file = directory / f"{name}-key.pem", directory / f"{name}-cert.pem"
    key_file.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    cert_file.write_bytes(certificate.public_bytes(serialization.Encoding.PEM))
    return str(key_file), str(cert_file)


def query(url: str) -> dict[str, str]:
    return {name: values[0] for name, values in parse_qs(urlsplit(url).query).items()}


class TestIdp:
    __test__ = False

    def __init__(self, directory: Path) -> None:
        self.metadata_file = directory / "idp-metadata.xml"
        if self.metadata_file.exists():
            self.key_file = str(directory / "idp-key.pem")
            self.cert_file = str(directory / "idp-cert.pem")
        else:
            self.key_file, self.cert_file = key_and_certificate(directory, "idp")
            self.metadata_file.write_text(str(entity_descriptor(self._config())))
        self.server: Server | None = None

    def _config(self, sp_metadata: str | None = None) -> IdPConfig:
        config = IdPConfig()
        config.load(
            {
                "entityid": IDP_ENTITY_ID,
                "xmlsec_binary": get_xmlsec_binary(),
                "key_file": self.key_file,
                "cert_file": self.cert_file,
                "metadata": {"inline": [sp_metadata]} if sp_metadata else {},
                "service": {
                    "idp": {
                        "endpoints": {
                            "single_sign_on_service": [(SSO_URL, BINDING_HTTP_REDIRECT)],
                            "single_logout_service": [(SLO_URL, BINDING_HTTP_REDIRECT)],
                        },
                        "name_id_format": [NAMEID_FORMAT_TRANSIENT],
                        "want_authn_requests_signed": True,
                        "signing_algorithm": SIG_RSA_SHA256,
                        "digest_algorithm": DIGEST_SHA256,
                        "policy": {
                            "default": {"name_form": NAME_FORMAT_URI, "lifetime": {"minutes": 5}}
                        },
                    }
                },
            }
        )
        return config

    def know_sp(self, sp_metadata: str) -> None:
        self.server = Server(config=self._config(sp_metadata))
        self.sp_entity_id = next(iter(self.server.metadata.with_descriptor("spsso")))

    def authn_request(self, redirect_url: str) -> Any:
        """The AuthnRequest in the portal's redirect, its signature checked."""
        assert self.server is not None and redirect_url.startswith(SSO_URL)
        params = query(redirect_url)
        return self.server.parse_authn_request(
            params["SAMLRequest"],
            BINDING_HTTP_REDIRECT,
            sigalg=params.get("SigAlg"),
            signature=params.get("Signature"),
        ).message

    def response(
        self,
        redirect_url: str,
        *,
        loa: str = LOA2,
        attributes: dict[str, str] | None = None,
        encrypt: bool = False,
        sign: bool = True,
        in_response_to: str = "",
        destination: str = "",
    ) -> dict[str, str]:
        """The POST form fields of a Response to the AuthnRequest in redirect_url."""
        assert self.server is not None
        request = self.authn_request(redirect_url)
        self.name_id = NameID(
            format=NAMEID_FORMAT_TRANSIENT,
            name_qualifier=IDP_ENTITY_ID,
            sp_name_qualifier=self.sp_entity_id,
            text="AAdzZWNyZXQx" + secrets.token_hex(16),
        )
        identity = {name: [value] for name, value in (attributes or TESSA).items()}
        response = self.server.create_authn_response(
            identity,
            in_response_to=in_response_to or request.id,
            destination=destination or request.assertion_consumer_service_url,
            sp_entity_id=self.sp_entity_id,
            name_id=self.name_id,
            authn={"class_ref": loa, "authn_auth": IDP_ENTITY_ID},
            sign_response=sign,
            sign_assertion=sign,
            encrypt_assertion=encrypt,
            encrypt_assertion_self_contained=True,
            sign_alg=SIG_RSA_SHA256,
            digest_alg=DIGEST_SHA256,
        )
        return {"SAMLResponse": base64.b64encode(str(response).encode()).decode()}

    def error_response(self, redirect_url: str, second_level_status: str) -> dict[str, str]:
        """A signed Response with a Responder status, as Suomi.fi sends when nobody was
        identified."""
        assert self.server is not None
        request = self.authn_request(redirect_url)
        response = self.server.create_error_response(
            request.id,
            request.assertion_consumer_service_url,
            (second_level_status, "Identification ended"),
            sign=True,
        )
        return {"SAMLResponse": base64.b64encode(str(response).encode()).decode()}

    def logout_request_from_portal(self, redirect_url: str) -> Any:
        """The portal's LogoutRequest, its signature checked as Suomi.fi checks it."""
        assert self.server is not None and redirect_url.startswith(SLO_URL)
        params = query(redirect_url)
        return self.server.parse_logout_request(
            params["SAMLRequest"],
            BINDING_HTTP_REDIRECT,
            sigalg=params.get("SigAlg"),
            signature=params.get("Signature"),
        ).message

    def logout_response(self, logout_request: Any, *, sign: bool = True) -> str:
        """The URL of the signed LogoutResponse that sends the browser back to the portal."""
        assert self.server is not None
        response = self.server.create_logout_response(
            logout_request, bindings=[BINDING_HTTP_REDIRECT], sign=False
        )
        destination = self.server.response_args(logout_request, [BINDING_HTTP_REDIRECT])
        info = self.server.apply_binding(
            BINDING_HTTP_REDIRECT,
            str(response),
            destination["destination"],
            response=True,
            sign=sign,
            sigalg=SIG_RSA_SHA256,
        )
        return str(dict(info["headers"])["Location"])

    def logout_request(self, sls_url: str, *, session_index: str, sign: bool = True) -> str:
        """The URL of a LogoutRequest for the person, as when they log out of another service."""
        assert self.server is not None
        _, request = self.server.create_logout_request(
            sls_url,
            self.sp_entity_id,
            name_id=self.name_id,
            session_indexes=[session_index],
            sign=False,
        )
        info = self.server.apply_binding(
            BINDING_HTTP_REDIRECT, str(request), sls_url, relay_state="rs-1", sign=sign
        )
        return str(dict(info["headers"])["Location"])

    def logout_request_post(
        self, sls_url: str, *, session_index: str, sign: bool = True
    ) -> dict[str, str]:
        """The form fields of a LogoutRequest sent by HTTP-POST, its signature in the XML."""
        assert self.server is not None
        _, request = self.server.create_logout_request(
            sls_url,
            self.sp_entity_id,
            name_id=self.name_id,
            session_indexes=[session_index],
            sign=sign,
            sign_alg=SIG_RSA_SHA256,
            digest_alg=DIGEST_SHA256,
        )
        return {
            "SAMLRequest": base64.b64encode(str(request).encode()).decode(),
            "RelayState": "rs-1",
        }

    def logout_response_post(self, logout_request: Any, *, sign: bool = True) -> dict[str, str]:
        """The form fields of a LogoutResponse sent by HTTP-POST to the portal's SLS endpoint."""
        assert self.server is not None
        response = self.server.create_logout_response(
            logout_request,
            bindings=[BINDING_HTTP_POST],
            sign=sign,
            sign_alg=SIG_RSA_SHA256,
            digest_alg=DIGEST_SHA256,
        )
        return {"SAMLResponse": base64.b64encode(str(response).encode()).decode()}

    def signed_by_sp(self, redirect_url: str, sp_cert_file: str) -> bool:
        """Whether a redirect from the portal carries the portal's signature."""
        assert self.server is not None
        params = query(redirect_url)
        cert = "".join(Path(sp_cert_file).read_text().splitlines()[1:-1])
        return bool(verify_redirect_signature(params, self.server.sec.sec_backend, cert))
