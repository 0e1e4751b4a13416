"""Verifying a SAML message's signature in the HTTP-Redirect binding (SAML Bindings 3.4.4.1).

pysaml2 checks these only for an IdP's AuthnRequests, not for the LogoutRequests and
LogoutResponses an SP receives, and it re-encodes the parameters before checking, which fails
when the sender's URL encoding differs from Python's. The signature covers the parameters exactly
as they were sent, so they are taken from the raw query string.
"""

import base64
import binascii
from urllib.parse import unquote_plus

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import padding, rsa
from cryptography.x509 import load_der_x509_certificate

HASHES: dict[str, type[hashes.HashAlgorithm]] = {
    "http://www.w3.org/2001/04/xmldsig-more#rsa-sha256": hashes.SHA256,
    "http://www.w3.org/2001/04/xmldsig-more#rsa-sha384": hashes.SHA384,
    "http://www.w3.org/2001/04/xmldsig-more#rsa-sha512": hashes.SHA512,
}
PARAMETERS = ("SAMLRequest", "SAMLResponse", "RelayState", "SigAlg", "Signature")


def _raw_parameters(query_string: str) -> dict[str, str] | None:
    raw: dict[str, str] = {}
    for part in query_string.split("&"):
        name, _, value = part.partition("=")
        if name in PARAMETERS:
            if name in raw:
                return None  # the same parameter twice: which one was signed?
            raw[name] = value
    return raw


def redirect_signature_valid(query_string: str, certificates: list[str]) -> bool:
    """Whether the query's message is signed by one of the (base64 DER) certificates."""
    raw = _raw_parameters(query_string)
    if raw is None or "SigAlg" not in raw or "Signature" not in raw:
        return False
    message = "SAMLRequest" if "SAMLRequest" in raw else "SAMLResponse"
    if message not in raw or ("SAMLRequest" in raw and "SAMLResponse" in raw):
        return False
    algorithm = HASHES.get(unquote_plus(raw["SigAlg"]))
    if algorithm is None:
        return False
    signed = "&".join(
        f"{name}={raw[name]}" for name in (message, "RelayState", "SigAlg") if name in raw
    ).encode("ascii", errors="replace")
    try:
        signature = base64.b64decode(unquote_plus(raw["Signature"]), validate=True)
    except (binascii.Error, ValueError):
        return False
    for certificate in certificates:
        public_key = load_der_x509_certificate(
            base64.b64decode("".join(certificate.split()))
        ).public_key()
        if not isinstance(public_key, rsa.RSAPublicKey):
            continue
        try:
            public_key.verify(signature, signed, padding.PKCS1v15(), algorithm())
        except InvalidSignature:
            continue
        return True
    return False
