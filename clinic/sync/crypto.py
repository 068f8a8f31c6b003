"""End-to-end encryption for sync: sealed envelopes, the org key file, enrollment bundles.

DESIGN.md sections 4 and 6. Only the ``cryptography`` package is used; nothing here touches Qt, the
network or a database. Error messages never carry plaintext or key material.

Sealed envelopes (``cd-seal-v2``, and the older ``cd-seal-v1``)
-----------------------------------------------------------------
:func:`seal` writes ``cd-seal-v2``: RFC 9180 HPKE for each recipient's copy of the content key
(hybrid ML-KEM-768 + X25519 for a recipient with a post-quantum key: the organization's),
full-length recipient ids and a key commitment (its layout is in :func:`_seal_v2`).
:func:`open_sealed` opens both. What follows is ``cd-seal-v1``, which earlier versions wrote:
a multi-recipient envelope in the manner of age. A random 32-byte *content key* encrypts the
plaintext with AES-256-GCM; for each recipient (an id and an X25519 public key) a fresh ephemeral
X25519 key agrees a shared secret, HKDF-SHA256 (salt ``eph_pub || recipient_pub``, info
``"cd-seal-v1|wrap|" + recipient id``) turns it into a wrapping key, and AES-256-GCM under that key
wraps the content key. The envelope is compact binary (integers big-endian)::

    magic        11 bytes   b"cd-seal-v1\\n"
    count         1 byte    number of recipients, 1..255
    count stanzas, in strictly increasing order of recipient id:
      id_len      1 byte    1..128
      id          id_len    the recipient id, printable ASCII without spaces
      eph_pub    32 bytes   the ephemeral X25519 public key
      wrap_nonce 12 bytes
      wrapped    48 bytes   AES-GCM(wrapping key) of the content key, tag included
    body_nonce   12 bytes
    body         the rest   AES-GCM(content key) of the plaintext, 16-byte tag included

The *header* is everything before ``body_nonce``. Associated data, each part length-prefixed
(4-byte length then the bytes) so that no two different inputs give the same bytes:

- a stanza's wrap: ``cd-seal-v1``, ``wrap``, recipient id, ``eph_pub``, ``associated``;
- the body: ``cd-seal-v1``, ``associated``, the whole header (so the sorted recipient ids and every
  other recipient's stanza are authenticated too: any single changed byte fails to open).

``associated`` is the caller's binding (the event id and so on): an envelope moved to another event
fails to open. As with age, any recipient could re-seal different content to the others; the
envelope authenticates its content to its recipients, not who sealed it.

The org key file (``cd-orgkey-v1``)
-----------------------------------
A JSON object: ``format``, ``org_id``, ``public`` (base64 of the X25519 public key), ``key_id``
(derived from ``public``, for people to compare aloud), ``kdf`` (``argon2id``), ``salt``, ``t``,
``m``, ``p`` (the Argon2id parameters), ``nonce`` and ``wrapped``. The passphrase goes through
Argon2id (:func:`clinic.store.vault.derive_kek`) to a key-encryption key, which wraps
``private key || index key || signing seed || ML-KEM-768 seed`` (the last two missing from older
files) with AES-256-GCM; the canonical JSON of every field but ``nonce`` and
``wrapped`` is the associated data, so an edited or downgraded header does not unwrap. The public
part (:func:`public_org_info`) can be read without the passphrase but is *not* authenticated then.

Enrollment (``cd-enroll-v1``)
-----------------------------
A coordinator's one-time code is 20 characters from a 32-letter alphabet without 0, O, 1 and I
(100 bits), shown as 5 groups of 4. Its first group is the ``code_id`` the server looks it up by.
The normalized code goes through Argon2id with fixed parameters (:data:`ENROLL_KDF`, salt
``"cd-enroll-v1|" + code_id``) to slow down guessing, then HKDF-SHA256 with two different infos
derives the ``auth`` value (the server stores ``proof`` = hex SHA-256 of it) and the bundle key. So
the proof the server holds does not decrypt the bundle. A sealed bundle is JSON text: ``format``,
``code_id``, ``nonce``, ``sealed`` (AES-256-GCM of the canonical JSON of the bundle, associated
data the canonical JSON of ``format`` and ``code_id``).
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import re
import secrets
import unicodedata
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any, TypeVar

from cryptography.exceptions import InvalidSignature, InvalidTag
from cryptography.hazmat.primitives import hashes, hpke
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.asymmetric.mlkem import MLKEM768PrivateKey, MLKEM768PublicKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

from clinic.domain.roles import may_index
from clinic.errors import ClinicError, Reason
from clinic.store.vault import (
    KEY_LEN,
    NONCE_LEN,
    KdfParams,
    VaultError,
    WrongPassphrase,
    _b64,
    _canonical,
    _hkdf,
    _unb64,
    check_new_passphrase,
    derive_kek,
    normalize_passphrase,
)

__all__ = [
    "ENROLL_ALPHABET",
    "ENROLL_FORMAT",
    "ENROLL_KDF",
    "ORGKEY_FORMAT",
    "SEAL_FORMAT",
    "SEAL_FORMAT_V1",
    "KeyPair",
    "OrgKeys",
    "SealError",
    "code_signing_seed",
    "enroll_proof",
    "export_org_keys",
    "fingerprint",
    "import_org_keys",
    "key_id_of",
    "new_enroll_code",
    "open_bundle",
    "open_sealed",
    "proofs_match",
    "public_org_info",
    "recipient_id_of",
    "recipients_of",
    "seal",
    "seal_bundle",
]

SEAL_FORMAT = "cd-seal-v2"  # what seal() writes; cd-seal-v1 envelopes still open
SEAL_FORMAT_V1 = "cd-seal-v1"
ORGKEY_FORMAT = "cd-orgkey-v1"
ENROLL_FORMAT = "cd-enroll-v1"

_MAGIC = SEAL_FORMAT_V1.encode("ascii") + b"\n"
_MAGIC_V2 = SEAL_FORMAT.encode("ascii") + b"\n"
# RFC 9180 HPKE, base mode: DHKEM(X25519, HKDF-SHA256), HKDF-SHA256, AES-256-GCM
_HPKE = hpke.Suite(hpke.KEM.X25519, hpke.KDF.HKDF_SHA256, hpke.AEAD.AES_256_GCM)
# the same with the hybrid post-quantum KEM ML-KEM-768 + X25519 (draft-ietf-hpke-pq): the
# organization's stanza when its key has an ML-KEM half, so that records the server keeps for
# years stay sealed even against a future quantum computer (both halves must be broken)
_HPKE_PQ = hpke.Suite(hpke.KEM.MLKEM768_X25519, hpke.KDF.HKDF_SHA256, hpke.AEAD.AES_256_GCM)
_X_STANZA_LEN = 32 + KEY_LEN + 16  # X25519 encapsulation, then the sealed content key
PQ_SEED_LEN = 64  # an ML-KEM-768 private key, as its seed
PQ_PUBLIC_LEN = 1184  # an ML-KEM-768 public key
_COMMIT_LEN = 32
_MAX_STANZA = 4096  # an HPKE encapsulation and wrapped key (80 bytes with X25519)
_PUB_LEN = 32
_TAG_LEN = 16
_WRAPPED_LEN = KEY_LEN + _TAG_LEN
_MAX_RECIPIENTS = 255
_RECIPIENT_ID = re.compile(r"[!-~]{1,128}")
_ORG_ID = re.compile(r"org-[0-9a-f]{12}")

# Upper bounds on the Argon2id parameters of an org key file, so that an edited file cannot ask for
# terabytes of memory; the lower bounds are the vault's (KdfParams.check).
MAX_KDF_MEMORY_KIB = 2 * 1024 * 1024
MAX_KDF_ITERATIONS = 256
MAX_KDF_LANES = 64
_ORG_SALT_LEN = 16
_ORG_HEADER_KEYS = frozenset({"format", "org_id", "public", "key_id", "kdf", "salt", "t", "m", "p"})
_ORG_FILE_KEYS = _ORG_HEADER_KEYS | {"nonce", "wrapped"}

ENROLL_ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ"
ENROLL_GROUPS = 5
ENROLL_GROUP_LEN = 4
ENROLL_CODE_LEN = ENROLL_GROUPS * ENROLL_GROUP_LEN
ENROLL_CODE_ID_LEN = ENROLL_GROUP_LEN
# Fixed (every device must derive the same keys from a code): about 30 ms on a laptop.
ENROLL_KDF = KdfParams(iterations=2, memory_kib=19 * 1024, lanes=1)
_ENROLL_DASHES = "-\u2010\u2011\u2012\u2013\u2014\u2015\u2212\u30fc\uff0d"
_BUNDLE_KEYS = frozenset({"format", "code_id", "nonce", "sealed"})

T = TypeVar("T")


class SealError(VaultError):
    """A sealed envelope, org key file or enrollment bundle cannot be made or opened.

    The message names what is wrong; it never carries plaintext or key material.
    """


# --- key pairs ---------------------------------------------------------------------------------


def fingerprint(public: bytes) -> str:
    """The organization key's fingerprint, for people to compare aloud: 20 hex characters of
    its SHA-256 in groups of four (``"7F3A 9C21 ..."``)."""
    digest = hashlib.sha256(b"cd-org-fingerprint-v1|" + public).hexdigest()[:20].upper()
    return " ".join(digest[i : i + 4] for i in range(0, 20, 4))


def key_id_of(public: bytes) -> str:
    """The short id of an X25519 public key: ``"x-"`` + 12 hex characters of its SHA-256."""
    if len(public) != _PUB_LEN:
        raise SealError("an X25519 public key is 32 bytes")
    return "x-" + hashlib.sha256(public).hexdigest()[:12]


def recipient_id_of(public: bytes) -> str:
    """The full-length recipient id of an X25519 public key in a ``cd-seal-v2`` envelope:
    ``"x-"`` + the 64 hex characters of its SHA-256 (its first 14 characters are
    :func:`key_id_of`, the id a ``cd-seal-v1`` envelope names)."""
    if len(public) != _PUB_LEN:
        raise SealError("an X25519 public key is 32 bytes")
    return "x-" + hashlib.sha256(public).hexdigest()


def _short_id(recipient_id: str) -> str:
    """The ``cd-seal-v1`` id of a full-length recipient id (the same id otherwise)."""
    if re.fullmatch(r"x-[0-9a-f]{64}", recipient_id):
        return recipient_id[:14]
    return recipient_id


def _public_of(private: bytes) -> bytes:
    if len(private) != KEY_LEN:
        raise SealError("an X25519 private key is 32 bytes")
    return X25519PrivateKey.from_private_bytes(private).public_key().public_bytes_raw()


def pq_public_of(seed: bytes) -> bytes:
    """The ML-KEM-768 public key of a 64-byte seed."""
    if len(seed) != PQ_SEED_LEN:
        raise SealError("an ML-KEM-768 private key is a 64-byte seed")
    return MLKEM768PrivateKey.from_seed_bytes(seed).public_key().public_bytes_raw()


@dataclass(frozen=True)
class KeyPair:
    """An X25519 key pair as raw bytes; the private half never shows in ``repr``."""

    private: bytes = field(repr=False)
    public: bytes

    def __post_init__(self) -> None:
        if len(self.public) != _PUB_LEN:
            raise SealError("an X25519 public key is 32 bytes")
        if _public_of(self.private) != self.public:
            raise SealError("the private and public keys of the key pair do not match")

    @classmethod
    def generate(cls) -> KeyPair:
        private = X25519PrivateKey.generate()
        return cls(private.private_bytes_raw(), private.public_key().public_bytes_raw())

    @property
    def key_id(self) -> str:
        return key_id_of(self.public)


# --- sealed envelopes --------------------------------------------------------------------------


def _frame(*parts: bytes) -> bytes:
    """Length-prefixed concatenation: different part lists never give the same bytes."""
    return b"".join(len(part).to_bytes(4, "big") + part for part in parts)


def _wrap_key(shared: bytes, eph_pub: bytes, recipient_pub: bytes, recipient_id: str) -> bytes:
    return HKDF(
        algorithm=hashes.SHA256(),
        length=KEY_LEN,
        salt=eph_pub + recipient_pub,
        info=f"{SEAL_FORMAT_V1}|wrap|{recipient_id}".encode("ascii"),
    ).derive(shared)


def _wrap_ad(recipient_id: str, eph_pub: bytes, associated: bytes) -> bytes:
    return _frame(
        SEAL_FORMAT_V1.encode(), b"wrap", recipient_id.encode("ascii"), eph_pub, associated
    )


def _body_ad(associated: bytes, header: bytes) -> bytes:
    return _frame(SEAL_FORMAT_V1.encode(), associated, header)


def _valid_recipient_id(recipient_id: object) -> bool:
    return isinstance(recipient_id, str) and _RECIPIENT_ID.fullmatch(recipient_id) is not None


@dataclass(frozen=True)
class _Stanza:
    eph_pub: bytes
    nonce: bytes
    wrapped: bytes


@dataclass(frozen=True)
class _Envelope:
    header: bytes  # cd-seal-v2: the commitment included
    stanzas: dict[str, _Stanza | bytes]  # cd-seal-v1 stanzas; cd-seal-v2 HPKE-wrapped keys
    nonce: bytes
    body: bytes
    version: int = 1
    commitment: bytes = b""


def seal(
    plaintext: bytes,
    recipients: Mapping[str, bytes],
    associated: bytes,
    pq: Mapping[str, bytes] | None = None,
) -> bytes:
    """Encrypt ``plaintext`` so that each recipient (id -> X25519 public key) can open it: a
    ``cd-seal-v2`` envelope (:func:`_seal_v2`). A recipient also named in ``pq`` (id -> its
    ML-KEM-768 public key) gets a hybrid post-quantum stanza (ML-KEM-768 + X25519).

    ``associated`` is bound in (the event id and so on): :func:`open_sealed` must be given the
    same bytes. Recipient ids are 1..128 printable ASCII characters without spaces; ClinicDay
    names each by :func:`recipient_id_of`.
    """
    return _seal_v2(plaintext, recipients, associated, pq or {})


def _check_recipients(recipients: Mapping[str, bytes]) -> None:
    if not recipients:
        raise SealError("an envelope needs at least one recipient")
    if len(recipients) > _MAX_RECIPIENTS:
        raise SealError(f"an envelope has at most {_MAX_RECIPIENTS} recipients")
    for recipient_id, public in recipients.items():
        if not _valid_recipient_id(recipient_id):
            raise SealError("a recipient id is 1 to 128 printable ASCII characters, no spaces")
        if len(public) != _PUB_LEN:
            raise SealError(f"the public key of recipient {recipient_id} is not 32 bytes")


def _stanza_info(recipient_id: str, associated: bytes, hybrid: bool = False) -> bytes:
    what = b"wrap-mlkem768-x25519" if hybrid else b"wrap"
    return _frame(SEAL_FORMAT.encode(), what, recipient_id.encode("ascii"), associated)


def _commitment(content_key: bytes, header: bytes) -> bytes:
    """Commits the envelope to its one content key (AES-GCM alone does not): a recipient
    checks it before opening the body, so no envelope opens to two different plaintexts."""
    return hmac.new(content_key, _frame(SEAL_FORMAT.encode(), b"commit", header), "sha256").digest()


def _seal_v2(
    plaintext: bytes,
    recipients: Mapping[str, bytes],
    associated: bytes,
    pq: Mapping[str, bytes],
) -> bytes:
    """``cd-seal-v2``: a random content key; for each recipient, the content key sealed with
    RFC 9180 HPKE (base mode, DHKEM(X25519, HKDF-SHA256), HKDF-SHA256, AES-256-GCM; info binds
    the format, the recipient id and ``associated``); a key commitment; the body under a key
    derived from the content key with AES-256-GCM. Compact binary (integers big-endian)::

        magic        11 bytes   b"cd-seal-v2\\n"
        count         1 byte    number of recipients, 1..255
        count stanzas, in strictly increasing order of recipient id:
          id_len      1 byte    1..128
          id          id_len    the recipient id (ClinicDay's: "x-" + 64 hex, full length)
          wrap_len    2 bytes
          wrapped     wrap_len  HPKE encapsulated key, then the sealed content key (80 bytes
                                with X25519; 1,168 with ML-KEM-768 + X25519, whose info says
                                so: a stanza cannot pass for the other kind)
        commitment   32 bytes   HMAC-SHA256(content key, format | "commit" | the bytes above)
        body_nonce   12 bytes
        body         the rest   AES-GCM of the plaintext, associated data the format,
                                ``associated`` and everything before body_nonce
    """
    _check_recipients(recipients)
    if not set(pq) <= set(recipients):
        raise SealError("a post-quantum key names no recipient of the envelope")
    content_key = secrets.token_bytes(KEY_LEN)
    header = bytearray(_MAGIC_V2)
    header.append(len(recipients))
    for recipient_id in sorted(recipients):
        try:
            public = X25519PublicKey.from_public_bytes(recipients[recipient_id])
            if recipient_id in pq:
                if len(pq[recipient_id]) != PQ_PUBLIC_LEN:
                    raise SealError(f"the ML-KEM key of recipient {recipient_id} is not usable")
                hybrid = hpke.MLKEM768X25519PublicKey(
                    MLKEM768PublicKey.from_public_bytes(pq[recipient_id]), public
                )
                wrapped = _HPKE_PQ.encrypt(
                    content_key, hybrid, info=_stanza_info(recipient_id, associated, hybrid=True)
                )
            else:
                wrapped = _HPKE.encrypt(
                    content_key, public, info=_stanza_info(recipient_id, associated)
                )
        except ValueError as exc:  # a low-order point: no shared secret
            raise SealError(f"the public key of recipient {recipient_id} is not usable") from exc
        encoded_id = recipient_id.encode("ascii")
        header += bytes([len(encoded_id)]) + encoded_id + len(wrapped).to_bytes(2, "big") + wrapped
    header += _commitment(content_key, bytes(header))
    body_nonce = secrets.token_bytes(NONCE_LEN)
    body_key = _hkdf(content_key, f"{SEAL_FORMAT}|body")
    body = AESGCM(body_key).encrypt(body_nonce, plaintext, _body_ad_v2(associated, bytes(header)))
    return bytes(header) + body_nonce + body


def _body_ad_v2(associated: bytes, header: bytes) -> bytes:
    return _frame(SEAL_FORMAT.encode(), associated, header)


def seal_v1(plaintext: bytes, recipients: Mapping[str, bytes], associated: bytes) -> bytes:
    """A ``cd-seal-v1`` envelope, as earlier versions wrote (tests that old ones still open)."""
    _check_recipients(recipients)
    content_key = secrets.token_bytes(KEY_LEN)
    header = bytearray(_MAGIC)
    header.append(len(recipients))
    for recipient_id in sorted(recipients):
        public = recipients[recipient_id]
        ephemeral = X25519PrivateKey.generate()
        eph_pub = ephemeral.public_key().public_bytes_raw()
        try:
            shared = ephemeral.exchange(X25519PublicKey.from_public_bytes(public))
        except ValueError as exc:  # a low-order point: no shared secret
            raise SealError(f"the public key of recipient {recipient_id} is not usable") from exc
        wrap_key = _wrap_key(shared, eph_pub, public, recipient_id)
        nonce = secrets.token_bytes(NONCE_LEN)
        wrapped = AESGCM(wrap_key).encrypt(
            nonce, content_key, _wrap_ad(recipient_id, eph_pub, associated)
        )
        encoded_id = recipient_id.encode("ascii")
        header += bytes([len(encoded_id)]) + encoded_id + eph_pub + nonce + wrapped
    body_nonce = secrets.token_bytes(NONCE_LEN)
    body = AESGCM(content_key).encrypt(body_nonce, plaintext, _body_ad(associated, bytes(header)))
    return bytes(header) + body_nonce + body


def _parse_envelope(envelope: bytes) -> _Envelope:
    damaged = SealError("not a sealed envelope, or a damaged one")
    if not isinstance(envelope, bytes | bytearray | memoryview):
        raise damaged
    data = bytes(envelope)
    if data.startswith(_MAGIC_V2):
        version, pos = 2, len(_MAGIC_V2)
    elif data.startswith(_MAGIC):
        version, pos = 1, len(_MAGIC)
    elif data.startswith(b"cd-seal-"):
        raise SealError("the envelope has a version this program cannot read")
    else:
        raise damaged

    def take(n: int) -> bytes:
        nonlocal pos
        if n < 0 or pos + n > len(data):
            raise damaged
        chunk = data[pos : pos + n]
        pos += n
        return chunk

    count = take(1)[0]
    if count == 0:
        raise damaged
    stanzas: dict[str, _Stanza | bytes] = {}
    previous = b""
    for _ in range(count):
        raw_id = take(take(1)[0])
        try:
            recipient_id = raw_id.decode("ascii")
        except UnicodeDecodeError as exc:
            raise damaged from exc
        if not _valid_recipient_id(recipient_id) or raw_id <= previous:
            raise damaged
        previous = raw_id
        if version == 2:
            size = int.from_bytes(take(2), "big")
            if not 0 < size <= _MAX_STANZA:
                raise damaged
            stanzas[recipient_id] = take(size)
        else:
            stanzas[recipient_id] = _Stanza(take(_PUB_LEN), take(NONCE_LEN), take(_WRAPPED_LEN))
    commitment = take(_COMMIT_LEN) if version == 2 else b""
    header = data[:pos]
    nonce = take(NONCE_LEN)
    body = data[pos:]
    if len(body) < _TAG_LEN:
        raise damaged
    return _Envelope(header, stanzas, nonce, body, version, commitment)


def recipients_of(envelope: bytes) -> list[str]:
    """The recipient ids an envelope is sealed to (sorted), read without decrypting anything."""
    return list(_parse_envelope(envelope).stanzas)


def open_sealed(
    envelope: bytes, recipient_id: str, private: bytes, associated: bytes, pq_private: bytes = b""
) -> bytes:
    """Decrypt an envelope (``cd-seal-v2``, or an older ``cd-seal-v1``) as ``recipient_id``
    with its X25519 private key (and, for a hybrid post-quantum stanza, its ML-KEM-768 seed
    ``pq_private``). A full-length id (:func:`recipient_id_of`) also opens a v1 envelope, which
    names the same key by its short id.

    Raises :class:`SealError` if the envelope is malformed, not addressed to ``recipient_id``,
    the key is wrong, any byte was altered, or ``associated`` is not what it was sealed with.
    """
    if len(private) != KEY_LEN:
        raise SealError("an X25519 private key is 32 bytes")
    parsed = _parse_envelope(envelope)
    stanza = parsed.stanzas.get(recipient_id)
    if stanza is None and parsed.version == 1:
        recipient_id = _short_id(recipient_id)
        stanza = parsed.stanzas.get(recipient_id)
    if stanza is None:
        if _valid_recipient_id(recipient_id):
            raise SealError(f"the envelope is not addressed to recipient {recipient_id}")
        raise SealError("the envelope is not addressed to that recipient")
    refused = SealError(
        "the envelope does not open: wrong key, altered, or sealed for other associated data"
    )
    key = X25519PrivateKey.from_private_bytes(private)
    if isinstance(stanza, bytes):  # cd-seal-v2
        try:
            if len(stanza) == _X_STANZA_LEN:
                content_key = _HPKE.decrypt(
                    stanza, key, info=_stanza_info(recipient_id, associated)
                )
            elif not pq_private:
                raise SealError(
                    "the envelope is sealed post-quantum (ML-KEM-768 + X25519) and this copy of "
                    "the key has no ML-KEM half: import the org key file again"
                )
            else:
                hybrid = hpke.MLKEM768X25519PrivateKey(
                    MLKEM768PrivateKey.from_seed_bytes(pq_private), key
                )
                content_key = _HPKE_PQ.decrypt(
                    stanza, hybrid, info=_stanza_info(recipient_id, associated, hybrid=True)
                )
        except (InvalidTag, ValueError) as exc:
            raise refused from exc
        without = parsed.header[: len(parsed.header) - _COMMIT_LEN]
        if not hmac.compare_digest(_commitment(content_key, without), parsed.commitment):
            raise refused
        body_key = _hkdf(content_key, f"{SEAL_FORMAT}|body")
        try:
            return AESGCM(body_key).decrypt(
                parsed.nonce, parsed.body, _body_ad_v2(associated, parsed.header)
            )
        except (InvalidTag, ValueError) as exc:
            raise refused from exc
    own_pub = key.public_key().public_bytes_raw()
    try:
        shared = key.exchange(X25519PublicKey.from_public_bytes(stanza.eph_pub))
    except ValueError as exc:
        raise refused from exc
    wrap_key = _wrap_key(shared, stanza.eph_pub, own_pub, recipient_id)
    try:
        content_key = AESGCM(wrap_key).decrypt(
            stanza.nonce, stanza.wrapped, _wrap_ad(recipient_id, stanza.eph_pub, associated)
        )
        return AESGCM(content_key).decrypt(
            parsed.nonce, parsed.body, _body_ad(associated, parsed.header)
        )
    except (InvalidTag, ValueError) as exc:
        raise refused from exc


# --- the org key file --------------------------------------------------------------------------


@dataclass(frozen=True)
class OrgKeys:
    """The organization's keys: its X25519 pair (events are sealed to it) and the index key.

    ``index_key`` is the org-level blind-index HMAC key, shared with enrolled devices so the server
    can warn of one person entered on two laptops without learning who.
    """

    org_id: str
    pair: KeyPair
    index_key: bytes = field(repr=False)
    signing: bytes = field(default=b"", repr=False)  # Ed25519 seed: signs form packs sent down
    # ML-KEM-768 seed: with the X25519 pair, a hybrid post-quantum key ("": an organization
    # set up before it, whose events are sealed with X25519 alone)
    pq: bytes = field(default=b"", repr=False)

    def __post_init__(self) -> None:
        if _ORG_ID.fullmatch(self.org_id) is None:
            raise SealError("an org id is 'org-' and 12 hex digits")
        if len(self.index_key) != KEY_LEN:
            raise SealError("the index key is 32 bytes")
        if self.signing and len(self.signing) != KEY_LEN:
            raise SealError("the signing key is 32 bytes")
        if self.pq and len(self.pq) != PQ_SEED_LEN:
            raise SealError("the ML-KEM-768 key is a 64-byte seed")

    @classmethod
    def generate(cls) -> OrgKeys:
        return cls(
            "org-" + secrets.token_hex(6),
            KeyPair.generate(),
            secrets.token_bytes(KEY_LEN),
            secrets.token_bytes(KEY_LEN),
            MLKEM768PrivateKey.generate().private_bytes_raw(),
        )

    @property
    def pq_public(self) -> bytes:
        """The ML-KEM-768 public key (b"" for an organization set up before it had one)."""
        return pq_public_of(self.pq) if self.pq else b""

    @property
    def signing_public(self) -> bytes:
        """The Ed25519 public key that checks what the organization signs."""
        if not self.signing:
            raise SealError("this org key file has no signing key")
        private = Ed25519PrivateKey.from_private_bytes(self.signing)
        return private.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)

    def bundle(self, role: str) -> dict[str, str]:
        """The enrollment bundle of these keys for a laptop of ``role``
        (:func:`enrollment_bundle`): the index key only for a role that looks people up."""
        index = self.index_key if may_index(role) else None
        return enrollment_bundle(
            self.org_id, self.pair.public, index, self.signing_public, self.pq_public
        )

    def sign(self, data: bytes) -> str:
        """An Ed25519 signature (base64) over ``data``, for form packs sent to every laptop."""
        if not self.signing:
            raise SealError("this org key file has no signing key")
        return _b64(Ed25519PrivateKey.from_private_bytes(self.signing).sign(data))

    def blind_index(self, kind: str, normalized: str) -> bytes:
        """HMAC-SHA256 of ``kind \\0 value`` under the index key (as ``vault.Keys.blind_index``)."""
        return org_blind_index(self.index_key, kind, normalized)


def verify_signature(signing_public: bytes, data: bytes, signature: str) -> None:
    """Check the organization's signature over ``data``; :class:`SealError` if it fails."""
    try:
        Ed25519PublicKey.from_public_bytes(signing_public).verify(_unb64(signature), data)
    except (InvalidSignature, ValueError) as exc:
        raise SealError("the organization's signature does not match") from exc


def org_blind_index(index_key: bytes, kind: str, normalized: str) -> bytes:
    """The org-level blind index of one normalized identifier (laptops that hold only the index
    key, not the org private key, compute it with this)."""
    return hmac.new(
        index_key, kind.encode() + b"\x00" + normalized.encode("utf-8"), hashlib.sha256
    ).digest()


def _check_kdf_bounds(params: KdfParams) -> None:
    try:
        params.check()
    except VaultError as exc:
        raise SealError("Argon2id parameters below the minimum for an org key file") from exc
    if (
        params.memory_kib > MAX_KDF_MEMORY_KIB
        or params.iterations > MAX_KDF_ITERATIONS
        or params.lanes > MAX_KDF_LANES
    ):
        raise SealError("Argon2id parameters above the maximum for an org key file")


def export_org_keys(keys: OrgKeys, passphrase: str, params: KdfParams) -> str:
    """The org key file (JSON text) holding ``keys``, wrapped under ``passphrase``.

    Raises :class:`clinic.store.vault.PassphraseRejected` for an unusable passphrase.
    """
    secret = check_new_passphrase(passphrase)
    _check_kdf_bounds(params)
    salt = secrets.token_bytes(_ORG_SALT_LEN)
    header: dict[str, Any] = {
        "format": ORGKEY_FORMAT,
        "org_id": keys.org_id,
        "public": _b64(keys.pair.public),
        "key_id": keys.pair.key_id,
        "kdf": "argon2id",
        "salt": _b64(salt),
        "t": params.iterations,
        "m": params.memory_kib,
        "p": params.lanes,
    }
    kek = derive_kek(secret, salt, params)
    nonce = secrets.token_bytes(NONCE_LEN)
    payload = keys.pair.private + keys.index_key + keys.signing + keys.pq
    wrapped = AESGCM(kek).encrypt(nonce, payload, _canonical(header))
    document = {**header, "nonce": _b64(nonce), "wrapped": _b64(wrapped)}
    return json.dumps(document, indent=2, sort_keys=True) + "\n"


@dataclass(frozen=True)
class _OrgFile:
    org_id: str
    public: bytes
    salt: bytes
    params: KdfParams
    nonce: bytes
    wrapped: bytes
    associated: bytes


def _load_json_object(text: str, what: str) -> dict[str, Any]:
    not_one = SealError(f"not {what}")
    if not isinstance(text, str):
        raise not_one
    try:
        raw = json.loads(text.lstrip("\ufeff"))
    except (ValueError, RecursionError) as exc:
        raise not_one from exc
    if not isinstance(raw, dict) or "format" not in raw:
        raise not_one
    return raw


def _parse_org_file(text: str) -> _OrgFile:
    raw = _load_json_object(text, "an org key file")
    if raw["format"] != ORGKEY_FORMAT:
        if isinstance(raw["format"], str) and raw["format"].startswith("cd-orgkey-"):
            raise SealError("the org key file has a version this program cannot read")
        raise SealError("not an org key file")
    damaged = SealError("the org key file is damaged")
    if set(raw) != _ORG_FILE_KEYS:
        raise damaged
    texts = ("org_id", "public", "key_id", "kdf", "salt", "nonce", "wrapped")
    if not all(isinstance(raw[name], str) for name in texts):
        raise damaged
    if not all(type(raw[name]) is int for name in ("t", "m", "p")):
        raise damaged
    if raw["kdf"] != "argon2id" or _ORG_ID.fullmatch(raw["org_id"]) is None:
        raise damaged
    try:
        public, salt = _unb64(raw["public"]), _unb64(raw["salt"])
        nonce, wrapped = _unb64(raw["nonce"]), _unb64(raw["wrapped"])
    except ValueError as exc:
        raise damaged from exc
    lengths = (len(public), len(salt), len(nonce), len(wrapped))
    if lengths[:3] != (_PUB_LEN, _ORG_SALT_LEN, NONCE_LEN) or lengths[3] not in (
        2 * KEY_LEN + _TAG_LEN,  # without a signing key
        3 * KEY_LEN + _TAG_LEN,  # without an ML-KEM key
        3 * KEY_LEN + PQ_SEED_LEN + _TAG_LEN,
    ):
        raise damaged
    if raw["key_id"] != key_id_of(public):
        raise SealError("the org key file is damaged: its key id does not match its public key")
    params = KdfParams(raw["t"], raw["m"], raw["p"])
    _check_kdf_bounds(params)
    associated = _canonical({name: raw[name] for name in _ORG_HEADER_KEYS})
    return _OrgFile(raw["org_id"], public, salt, params, nonce, wrapped, associated)


def import_org_keys(text: str, passphrase: str) -> OrgKeys:
    """Unwrap the org keys from an org key file.

    Raises :class:`WrongPassphrase` when the passphrase does not unwrap them (an edited header
    looks the same), :class:`SealError` when the text is not a readable org key file, and
    :class:`clinic.store.vault.PassphraseRejected` for an unusable passphrase (e.g. empty).
    """
    parsed = _parse_org_file(text)
    secret = normalize_passphrase(passphrase)
    kek = derive_kek(secret, parsed.salt, parsed.params)
    try:
        payload = AESGCM(kek).decrypt(parsed.nonce, parsed.wrapped, parsed.associated)
    except InvalidTag as exc:
        raise WrongPassphrase("wrong passphrase for the org key file") from exc
    try:
        pair = KeyPair(payload[:KEY_LEN], parsed.public)
    except SealError as exc:
        raise SealError("the org key file is damaged: its keys do not match") from exc
    return OrgKeys(
        parsed.org_id,
        pair,
        payload[KEY_LEN : 2 * KEY_LEN],
        payload[2 * KEY_LEN : 3 * KEY_LEN],
        payload[3 * KEY_LEN :],
    )


def public_org_info(text: str) -> tuple[str, bytes]:
    """(org id, org public key) from an org key file, without the passphrase.

    Not authenticated: someone who can edit the file can change both. Compare the key id
    (:func:`key_id_of`) through another channel before trusting the key for sealing.
    """
    parsed = _parse_org_file(text)
    return parsed.org_id, parsed.public


# --- enrollment --------------------------------------------------------------------------------


def _normalize_code(code: str) -> str:
    if not isinstance(code, str):
        raise SealError("an enrollment code is text")
    text = unicodedata.normalize("NFKC", code).upper()
    text = "".join(ch for ch in text if not ch.isspace() and ch not in _ENROLL_DASHES)
    if any(ch not in ENROLL_ALPHABET for ch in text):
        raise SealError("an enrollment code holds only letters and digits, and never 0, O, 1 or I")
    if len(text) != ENROLL_CODE_LEN:
        raise SealError(
            f"an enrollment code is {ENROLL_CODE_LEN} letters and digits "
            f"({ENROLL_GROUPS} groups of {ENROLL_GROUP_LEN})"
        )
    return text


def _enroll_keys(code: str) -> tuple[str, bytes, bytes]:
    """(code_id, auth value, bundle key) of a code; auth and bundle key are independent."""
    normalized = _normalize_code(code)
    code_id = normalized[:ENROLL_CODE_ID_LEN]
    salt = f"{ENROLL_FORMAT}|{code_id}".encode("ascii")
    stretched = derive_kek(normalized.encode("ascii"), salt, ENROLL_KDF)
    auth = _hkdf(stretched, f"{ENROLL_FORMAT}|auth")
    bundle_key = _hkdf(stretched, f"{ENROLL_FORMAT}|bundle")
    return code_id, auth, bundle_key


def code_signing_seed(code: str) -> bytes:
    """The Ed25519 seed a code derives (independent of its auth value and bundle key): the
    organization's grant names its public key, and the enrolling laptop signs its own key with
    it (:mod:`clinic.sync.signing`); the server, which never learns the code, cannot."""
    normalized = _normalize_code(code)
    salt = f"{ENROLL_FORMAT}|{normalized[:ENROLL_CODE_ID_LEN]}".encode("ascii")
    stretched = derive_kek(normalized.encode("ascii"), salt, ENROLL_KDF)
    return _hkdf(stretched, f"{ENROLL_FORMAT}|cert")


def enroll_proof(code: str) -> tuple[str, str]:
    """(code_id, proof) of a typed code; spaces, dashes and letter case do not matter.

    Raises :class:`SealError` for text that cannot be an enrollment code.
    """
    code_id, auth, _ = _enroll_keys(code)
    return code_id, hashlib.sha256(auth).hexdigest()


def enroll_auth(code: str) -> tuple[str, str]:
    """(code_id, auth) a device sends to enroll: the server hashes ``auth`` and compares it with
    the stored proof, so a leaked server database (proofs only) cannot enroll a device."""
    code_id, auth, _ = _enroll_keys(code)
    return code_id, auth.hex()


def proof_of(auth_hex: str) -> str:
    """The proof the server stores for an ``auth`` value (hex SHA-256)."""
    try:
        return hashlib.sha256(bytes.fromhex(auth_hex)).hexdigest()
    except ValueError:
        raise SealError("auth: not hexadecimal") from None


def proofs_match(stored: str, offered: str) -> bool:
    """Compare two proofs in constant time (for the server)."""
    return hmac.compare_digest(stored.encode("utf-8"), offered.encode("utf-8"))


def new_enroll_code() -> tuple[str, str, str]:
    """A fresh one-time code: (code as ``XXXX-XXXX-XXXX-XXXX-XXXX``, code_id, proof)."""
    chars = "".join(secrets.choice(ENROLL_ALPHABET) for _ in range(ENROLL_CODE_LEN))
    groups = [chars[i : i + ENROLL_GROUP_LEN] for i in range(0, ENROLL_CODE_LEN, ENROLL_GROUP_LEN)]
    code = "-".join(groups)
    code_id, proof = enroll_proof(code)
    return code, code_id, proof


ENROLL_CODE_ATTEMPTS = 8


def with_a_free_code(register: Callable[[str, str, str], T]) -> T:
    """Make a fresh one-time code and ``register(code, code_id, proof)`` it. A code's id is
    short (it is read aloud), so it can be taken: then a new code is made, up to
    :data:`ENROLL_CODE_ATTEMPTS` times. The server and the laptop both register codes so."""
    for _attempt in range(ENROLL_CODE_ATTEMPTS):
        code, code_id, proof = new_enroll_code()
        try:
            return register(code, code_id, proof)
        except ClinicError as exc:
            if exc.reason is not Reason.CODE_ID_TAKEN:
                raise
    raise ClinicError("code_id: no free code id; try again", reason=Reason.CODE_ID_TAKEN)


def enrollment_bundle(
    org_id: str,
    public_key: bytes,
    index_key: bytes | None,
    signing_public_key: bytes,
    pq_public_key: bytes = b"",
) -> dict[str, str]:
    """What a new device needs from the organization, to be sealed to its enrollment code:
    the org id, the org public key, the key that checks the org's signatures and, for a laptop
    that looks people up (attorneys, coordinators: :func:`clinic.domain.roles.may_index`), the
    org index key; never the org private key. :meth:`OrgKeys.bundle` makes it from the keys."""
    bundle = {
        "org_id": org_id,
        "public_key": base64.b64encode(public_key).decode(),
        "signing_public_key": base64.b64encode(signing_public_key).decode(),
    }
    if index_key:
        bundle["index_key"] = base64.b64encode(index_key).decode()
    if pq_public_key:  # the ML-KEM half of the org key: events are sealed hybrid to it
        bundle["pq_public_key"] = base64.b64encode(pq_public_key).decode()
    return bundle


def seal_bundle(code: str, bundle: Mapping[str, str]) -> str:
    """Encrypt an enrollment bundle (text to text) so that only the holder of ``code`` reads it."""
    if not all(isinstance(k, str) and isinstance(v, str) for k, v in bundle.items()):
        raise SealError("an enrollment bundle maps text to text")
    code_id, _, key = _enroll_keys(code)
    header = {"format": ENROLL_FORMAT, "code_id": code_id}
    nonce = secrets.token_bytes(NONCE_LEN)
    sealed = AESGCM(key).encrypt(nonce, _canonical(dict(bundle)), _canonical(header))
    return json.dumps({**header, "nonce": _b64(nonce), "sealed": _b64(sealed)}, sort_keys=True)


def open_bundle(code: str, sealed: str) -> dict[str, str]:
    """Decrypt an enrollment bundle with the typed code.

    Raises :class:`SealError` for a wrong code, an altered bundle, or text that is not a bundle.
    """
    raw = _load_json_object(sealed, "an enrollment bundle")
    if raw["format"] != ENROLL_FORMAT:
        raise SealError("not an enrollment bundle, or one of a version this program cannot read")
    damaged = SealError("the enrollment bundle is damaged")
    if set(raw) != _BUNDLE_KEYS or not all(isinstance(v, str) for v in raw.values()):
        raise damaged
    try:
        nonce, body = _unb64(raw["nonce"]), _unb64(raw["sealed"])
    except ValueError as exc:
        raise damaged from exc
    if len(nonce) != NONCE_LEN or len(body) < _TAG_LEN:
        raise damaged
    if raw["code_id"] != _normalize_code(code)[:ENROLL_CODE_ID_LEN]:
        raise SealError("this enrollment bundle is for another code (check the code)")
    code_id, _, key = _enroll_keys(code)
    header = {"format": ENROLL_FORMAT, "code_id": code_id}
    try:
        plaintext = AESGCM(key).decrypt(nonce, body, _canonical(header))
    except InvalidTag as exc:
        raise SealError("wrong enrollment code, or the bundle was altered") from exc
    try:
        bundle = json.loads(plaintext)
    except ValueError as exc:
        raise damaged from exc
    if not isinstance(bundle, dict) or not all(
        isinstance(k, str) and isinstance(v, str) for k, v in bundle.items()
    ):
        raise damaged
    return bundle
