"""Who sent an event: the organization's grants, device certificates and signed events.

The server relays envelopes it cannot read, but it could inject one of its own sealed to the org
public key (which it holds), and any enrolled laptop could write an event in another laptop's
name. So every event is signed by the laptop that wrote it, inside the envelope, and every laptop
checks the signature and the signer's role before it takes the event. The chain:

1. **Grant** (``cd-grant-v1``): whoever mints an enrollment code holds the organization's signing
   key (the org key file, or a laptop that keeps it). They sign ``{org_id, role, code_key}``,
   where ``code_key`` is an Ed25519 public key derived from the code itself (Argon2id, then
   HKDF; :func:`clinic.sync.crypto.code_signing_seed`). The grant travels in the sealed bundle.
2. **Certificate** (``cd-cert-v1``): the enrolling laptop makes its own Ed25519 key and signs
   ``{device_id, signing_key, grant signature}`` with the code's key. The server never learns
   the code (it keeps a hash of a separate value), so it cannot make a certificate.
3. **Signed event** (``cd-signed-v1``): the event's wire bytes with the certificate, the
   author's role on the laptop that wrote it, and the laptop's signature over the event id, the
   record id, that role and the SHA-256 of the bytes. The whole is what the envelope seals.

A reader checks the grant against the organization's signing key pinned at enrollment, the
certificate against the grant, the event against the certificate, and that the certified
device is the one the event names. Review events (comment, return, approve) are taken only when
both the laptop's certified role and the author's role may approve (attorneys and admins).

Limit, written in ``docs/security.md``: whoever reads a code before it is used can certify a
key with its role offline; codes are read aloud once, expire, and work once at the server.
"""

from __future__ import annotations

import binascii
import functools
import hashlib
import json
import secrets
from dataclasses import dataclass
from typing import Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

from clinic.store.vault import _b64, _canonical
from clinic.store.vault import _unb64 as unb64
from clinic.sync.crypto import SealError, code_signing_seed

__all__ = [
    "CERT_FORMAT",
    "GRANT_FORMAT",
    "SIGNED_FORMAT",
    "Certified",
    "SignedEvent",
    "certify_device",
    "check_request",
    "make_grant",
    "open_signed",
    "read_cert",
    "read_grant",
    "sign_event",
    "sign_request",
]

GRANT_FORMAT = "cd-grant-v1"
CERT_FORMAT = "cd-cert-v1"
SIGNED_FORMAT = "cd-signed-v1"
_ROLES = ("volunteer", "attorney", "coordinator", "admin")
_MAX_TEXT = 4096  # a grant or a certificate is a few hundred bytes


def _unb64(text: object, what: str) -> bytes:
    """The vault's base64 reading, naming ``what`` is not base64."""
    if not isinstance(text, str):
        raise SealError(f"{what} is not base64 text")
    try:
        return unb64(text)
    except (binascii.Error, ValueError):
        raise SealError(f"{what} is not base64 text") from None


def _public(private: Ed25519PrivateKey) -> bytes:
    return private.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)


def _verify(public: bytes, signature: bytes, message: bytes, what: str) -> None:
    try:
        Ed25519PublicKey.from_public_bytes(public).verify(signature, message)
    except (InvalidSignature, ValueError):
        raise SealError(f"{what}: the signature does not match") from None


def _object(text: object, what: str, keys: frozenset[str]) -> dict[str, str]:
    if not isinstance(text, str) or len(text) > _MAX_TEXT:
        raise SealError(f"{what} is missing or too long")
    try:
        raw = json.loads(text)
    except ValueError:
        raise SealError(f"{what} is not JSON") from None
    if not isinstance(raw, dict) or set(raw) != keys:
        raise SealError(f"{what} does not have the expected fields")
    if not all(isinstance(v, str) for v in raw.values()):
        raise SealError(f"{what} holds a value that is not text")
    return raw


# -- grants ---------------------------------------------------------------------------------------

_GRANT_KEYS = frozenset({"format", "org_id", "role", "code_key", "sig"})


def make_grant(org_signing_seed: bytes, org_id: str, code: str, role: str) -> str:
    """The organization's signed word that the laptop enrolling with ``code`` has ``role``."""
    if role not in _ROLES:
        raise SealError(f"role: one of {', '.join(_ROLES)}")
    code_key = _public(Ed25519PrivateKey.from_private_bytes(code_signing_seed(code)))
    fields = {"format": GRANT_FORMAT, "org_id": org_id, "role": role, "code_key": _b64(code_key)}
    sig = Ed25519PrivateKey.from_private_bytes(org_signing_seed).sign(_canonical(fields))
    return json.dumps({**fields, "sig": _b64(sig)}, sort_keys=True)


@dataclass(frozen=True)
class Grant:
    org_id: str
    role: str
    code_key: bytes
    sig: bytes


def read_grant(text: object, org_signing_public: bytes, org_id: str) -> Grant:
    """A grant checked against the organization's signing key; :class:`SealError` if it is not
    the organization's, names another organization or an unknown role."""
    raw = _object(text, "the enrollment grant", _GRANT_KEYS)
    if raw["format"] != GRANT_FORMAT:
        raise SealError("the enrollment grant is of a version this program cannot read")
    sig = _unb64(raw.pop("sig"), "the grant's signature")
    _verify(org_signing_public, sig, _canonical(raw), "the enrollment grant")
    if raw["org_id"] != org_id:
        raise SealError("the enrollment grant names another organization")
    if raw["role"] not in _ROLES:
        raise SealError("the enrollment grant names an unknown role")
    code_key = _unb64(raw["code_key"], "the grant's code key")
    if len(code_key) != 32:
        raise SealError("the grant's code key is not an Ed25519 key")
    return Grant(raw["org_id"], raw["role"], code_key, sig)


# -- device certificates --------------------------------------------------------------------------

_CERT_KEYS = frozenset({"format", "device_id", "signing_key", "grant", "binding"})


def _binding(device_id: str, signing_key: bytes, grant_sig: bytes) -> bytes:
    return _canonical(
        {
            "format": CERT_FORMAT,
            "device_id": device_id,
            "signing_key": _b64(signing_key),
            "grant_sig": _b64(grant_sig),
        }
    )


def certify_device(
    code: str, grant_text: str, device_id: str, org_signing_public: bytes, org_id: str
) -> tuple[bytes, str]:
    """This laptop's signing key (a fresh Ed25519 seed) and its certificate, signed with the
    code's key under the organization's grant. Raises :class:`SealError` if the grant is not
    the organization's or is for another code."""
    grant = read_grant(grant_text, org_signing_public, org_id)
    code_private = Ed25519PrivateKey.from_private_bytes(code_signing_seed(code))
    if _public(code_private) != grant.code_key:
        raise SealError("the enrollment grant is for another code")
    private = Ed25519PrivateKey.generate()
    seed = private.private_bytes_raw()
    public = _public(private)
    binding = code_private.sign(_binding(device_id, public, grant.sig))
    cert = {
        "format": CERT_FORMAT,
        "device_id": device_id,
        "signing_key": _b64(public),
        "grant": grant_text,
        "binding": _b64(binding),
    }
    return seed, json.dumps(cert, sort_keys=True)


@dataclass(frozen=True)
class Certified:
    """A checked certificate: the device, its role (the organization's grant) and its key."""

    device_id: str
    role: str
    signing_key: bytes


@functools.lru_cache(maxsize=256)
def read_cert(text: str, org_signing_public: bytes, org_id: str) -> Certified:
    """A device certificate checked back to the organization's signing key (cached: every event
    of a laptop carries the same one)."""
    raw = _object(text, "the device certificate", _CERT_KEYS)
    if raw["format"] != CERT_FORMAT:
        raise SealError("the device certificate is of a version this program cannot read")
    grant = read_grant(raw["grant"], org_signing_public, org_id)
    signing_key = _unb64(raw["signing_key"], "the certificate's key")
    if len(signing_key) != 32:
        raise SealError("the certificate's key is not an Ed25519 key")
    binding = _unb64(raw["binding"], "the certificate's binding")
    message = _binding(raw["device_id"], signing_key, grant.sig)
    _verify(grant.code_key, binding, message, "the device certificate")
    return Certified(raw["device_id"], grant.role, signing_key)


# -- signed events ---------------------------------------------------------------------------------

_SIGNED_KEYS = frozenset({"format", "event", "cert", "author_role", "sig"})


def _event_message(event_id: str, record_id: str, author_role: str, wire: bytes) -> bytes:
    return _canonical(
        {
            "format": SIGNED_FORMAT,
            "event_id": event_id,
            "record_id": record_id,
            "author_role": author_role,
            "sha256": hashlib.sha256(wire).hexdigest(),
        }
    )


def sign_event(
    seed: bytes, cert: str, wire: bytes, event_id: str, record_id: str, author_role: str
) -> bytes:
    """What an envelope seals: the event's wire bytes signed by this laptop, with its
    certificate and the author's role here."""
    sig = Ed25519PrivateKey.from_private_bytes(seed).sign(
        _event_message(event_id, record_id, author_role, wire)
    )
    signed = {
        "format": SIGNED_FORMAT,
        "event": _b64(wire),
        "cert": cert,
        "author_role": author_role,
        "sig": _b64(sig),
    }
    return json.dumps(signed, sort_keys=True).encode("utf-8")


@dataclass(frozen=True)
class SignedEvent:
    """A checked signed event: its wire bytes, the certified sender and the author's role."""

    wire: bytes
    sender: Certified
    author_role: str


def open_signed(
    body: bytes, event_id: str, record_id: str, org_signing_public: bytes, org_id: str
) -> SignedEvent:
    """Check a signed event back to the organization; :class:`SealError` naming what fails (an
    unsigned event, from a laptop enrolled before events were signed, or forged, included)."""
    try:
        raw: Any = json.loads(body)
    except ValueError:
        raise SealError("not a signed event") from None
    if not isinstance(raw, dict) or raw.get("format") != SIGNED_FORMAT:
        raise SealError(
            "unsigned: written by a laptop enrolled before events were signed, or forged"
        )
    if set(raw) != _SIGNED_KEYS or not all(isinstance(v, str) for v in raw.values()):
        raise SealError("the signed event does not have the expected fields")
    sender = read_cert(raw["cert"], org_signing_public, org_id)
    wire = _unb64(raw["event"], "the signed event's body")
    sig = _unb64(raw["sig"], "the event's signature")
    message = _event_message(event_id, record_id, raw["author_role"], wire)
    _verify(sender.signing_key, sig, message, "the event")
    return SignedEvent(wire, sender, raw["author_role"])


# -- the organization's own requests ----------------------------------------------------------

REQUEST_FORMAT = "cd-req-v1"
REQUEST_HEADER = "X-Clinic-Org-Signature"
REQUEST_SKEW = 300  # seconds a signed request stays good: the laptop's and server's clocks


def _request_message(
    method: str, path: str, query: str, body: bytes, device_id: str, at: int, nonce: str
) -> bytes:
    return _canonical(
        {
            "format": REQUEST_FORMAT,
            "nonce": nonce,
            "method": method.upper(),
            "path": path,
            "query": query,
            "body": hashlib.sha256(body).hexdigest(),
            "device": device_id,
            "at": at,
        }
    )


def sign_request(
    org_signing_seed: bytes,
    method: str,
    path: str,
    query: str,
    body: bytes,
    device_id: str,
    at: int,
) -> str:
    """The header value that shows the server a request comes from one who holds the
    organization's signing key (``cd-req-v1 <unix time> <nonce> <signature>``), not only a
    laptop's token: the organization's counts, enrollment codes. ``query`` is the URL's query
    string as sent; ``at`` the time in whole seconds; a random nonce makes each request's
    signature its own (the server takes each once)."""
    nonce = secrets.token_hex(16)
    private = Ed25519PrivateKey.from_private_bytes(org_signing_seed)
    signature = private.sign(_request_message(method, path, query, body, device_id, at, nonce))
    return f"{REQUEST_FORMAT} {at} {nonce} {_b64(signature)}"


def check_request(
    org_signing_public: bytes,
    header: str | None,
    method: str,
    path: str,
    query: str,
    body: bytes,
    device_id: str,
    now: int,
) -> str:
    """Check a signed request (:func:`sign_request`) made ``now`` (unix seconds); returns its
    signature (for the caller's replay check), else raises :class:`SealError` naming why."""
    if not header:
        raise SealError("the request is not signed with the organization's key")
    parts = header.split(" ")
    if (
        len(parts) != 4
        or parts[0] != REQUEST_FORMAT
        or not parts[1].isdigit()
        or not 16 <= len(parts[2]) <= 64
    ):
        raise SealError("the request's signature is not one this server reads")
    at, nonce = int(parts[1]), parts[2]
    if abs(now - at) > REQUEST_SKEW:
        raise SealError("the request's signature is too old or from the future (check the clock)")
    signature = _unb64(parts[3], "the request's signature")
    message = _request_message(method, path, query, body, device_id, at, nonce)
    _verify(org_signing_public, signature, message, "the request")
    return nonce
