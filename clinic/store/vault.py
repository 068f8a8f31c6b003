"""Keys and encryption: passphrase -> Argon2id -> key-encryption key -> wrapped data key.

DESIGN.md section 4. Only the ``cryptography`` package is used.

- A user's passphrase (Unicode NFC, UTF-8) goes through Argon2id with a 16-byte salt and the
  parameters stored in the user's *wrap header*; the result is a key-encryption key (KEK).
- The KEK wraps the clinic's random 32-byte data key with AES-256-GCM, the canonical header bytes
  as associated data, so changing any parameter in the header (a downgrade) makes unwrapping fail.
- HKDF-SHA256 derives the sub-keys from the data key: records, blind index, audit, files.
- :class:`Keys` seals and opens blobs with associated data ``format|key_id|record_id|event_id``.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import os
import secrets
import time
import unicodedata
from dataclasses import dataclass
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.argon2 import Argon2id
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from clinic.errors import ClinicError
from clinic.messages import say

EVENT_FORMAT = "cd-event-v1"
FILE_FORMAT = "cd-file-v1"
WRAP_FORMAT = "cd-wrap-v1"
NONCE_LEN = 12
KEY_LEN = 32
MIN_PASSPHRASE_LEN = 12

# Floors below which a tuned parameter set is refused: a header that asks for less is a downgrade.
MIN_MEMORY_KIB = 8 * 1024
DEFAULT_MEMORY_KIB = 64 * 1024
LANES = 4


class VaultError(ClinicError):
    """A key or ciphertext problem. Messages never contain personal data or key material."""


class WrongPassphrase(VaultError):
    """The passphrase does not unwrap the data key."""


class PassphraseRejected(VaultError):
    """The passphrase cannot be used at all (empty, mangled text, too short for a new one)."""


class IntegrityError(VaultError):
    """A ciphertext failed authentication: altered, damaged, or moved to another row."""


def normalize_passphrase(passphrase: str) -> bytes:
    """Return the passphrase bytes fed to Argon2id: Unicode NFC, encoded as UTF-8.

    NFC makes "é" typed as one code point or as "e" + combining accent the same passphrase.
    A passphrase holding undecodable bytes (lone surrogates, from a terminal or environment in
    another encoding) is refused rather than silently turned into a different passphrase.
    """
    if passphrase == "":
        raise PassphraseRejected(say("the passphrase is empty"))
    if any(0xD800 <= ord(ch) <= 0xDFFF for ch in passphrase):
        raise PassphraseRejected(
            "the passphrase holds bytes that are not valid text "
            "(check that the terminal or environment uses UTF-8)"
        )
    if any(unicodedata.category(ch) == "Cc" for ch in passphrase):
        raise PassphraseRejected(
            "the passphrase holds control characters (was it typed or pasted in another encoding?)"
        )
    return unicodedata.normalize("NFC", passphrase).encode("utf-8")


def check_new_passphrase(passphrase: str) -> bytes:
    """Validate a passphrase being set (stricter than one being checked)."""
    data = normalize_passphrase(passphrase)
    if len(unicodedata.normalize("NFC", passphrase)) < MIN_PASSPHRASE_LEN:
        raise PassphraseRejected(
            say(
                "the new passphrase is too short (at least {count} characters)",
                count=MIN_PASSPHRASE_LEN,
            )
        )
    if guessable(passphrase):
        raise PassphraseRejected(
            say(
                "the new passphrase is too easy to guess (common words, names, dates or "
                "patterns); use a few unrelated words"
            )
        )
    return data


MIN_GUESS_SCORE = 3  # zxcvbn's 0-4: 3 is "safely unguessable" against an offline attack


def guessable(passphrase: str) -> bool:
    """Whether a passphrase is easy to guess, by zxcvbn (common passwords, dictionary words,
    names, dates, keyboard patterns and repeats: "password1234" is). Only its first 100
    characters are weighed (the estimator's cost grows with length)."""
    from zxcvbn import zxcvbn

    return int(zxcvbn(passphrase[:100])["score"]) < MIN_GUESS_SCORE


@dataclass(frozen=True)
class KdfParams:
    """Argon2id parameters, stored in a wrap header."""

    iterations: int
    memory_kib: int
    lanes: int = LANES

    def check(self) -> None:
        if self.memory_kib < MIN_MEMORY_KIB or self.iterations < 1 or self.lanes < 1:
            raise VaultError("the key header asks for Argon2id parameters below the minimum")


def derive_kek(passphrase: bytes, salt: bytes, params: KdfParams) -> bytes:
    params.check()
    kdf = Argon2id(
        salt=salt,
        length=KEY_LEN,
        iterations=params.iterations,
        lanes=params.lanes,
        memory_cost=params.memory_kib,
    )
    return kdf.derive(passphrase)


def tune_kdf(target_seconds: float = 0.5) -> KdfParams:
    """Choose Argon2id parameters that take about ``target_seconds`` on this machine.

    Memory starts at 64 MiB (less only for very small targets, never under 8 MiB); iterations
    grow until the measured time reaches the target.
    """
    salt = secrets.token_bytes(16)
    memory = DEFAULT_MEMORY_KIB
    iterations = 1

    def measure(p: KdfParams) -> float:
        start = time.perf_counter()
        derive_kek(b"tuning", salt, p)
        return time.perf_counter() - start

    elapsed = measure(KdfParams(iterations, memory))
    while elapsed > target_seconds and memory > MIN_MEMORY_KIB:
        memory = max(MIN_MEMORY_KIB, memory // 2)
        elapsed = measure(KdfParams(iterations, memory))
    if elapsed < target_seconds:
        per_iteration = max(elapsed, 1e-4)
        iterations = max(1, min(64, round(target_seconds / per_iteration)))
    return KdfParams(iterations, memory)


def _canonical(obj: Any) -> bytes:
    return json.dumps(obj, sort_keys=True, separators=(",", ":"), ensure_ascii=True).encode()


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text: str) -> bytes:
    return base64.b64decode(text.encode("ascii"), validate=True)


@dataclass(frozen=True)
class WrapHeader:
    """What a user's wrap of the data key was made with; bound into the wrap as associated data."""

    user: str
    key_id: str
    salt: bytes
    params: KdfParams
    format: str = WRAP_FORMAT

    def to_json(self) -> str:
        return json.dumps(
            {
                "format": self.format,
                "user": self.user,
                "key_id": self.key_id,
                "kdf": "argon2id",
                "salt": _b64(self.salt),
                "t": self.params.iterations,
                "m": self.params.memory_kib,
                "p": self.params.lanes,
            },
            sort_keys=True,
        )

    @classmethod
    def from_json(cls, text: str) -> WrapHeader:
        try:
            raw = json.loads(text)
            if raw["kdf"] != "argon2id" or raw["format"] != WRAP_FORMAT:
                raise VaultError("the key header names an unknown format")
            return cls(
                user=str(raw["user"]),
                key_id=str(raw["key_id"]),
                salt=_unb64(raw["salt"]),
                params=KdfParams(int(raw["t"]), int(raw["m"]), int(raw["p"])),
            )
        except (KeyError, ValueError, TypeError) as exc:
            raise VaultError("the key header is damaged") from exc

    def associated_data(self) -> bytes:
        return _canonical(json.loads(self.to_json()))


def wrap_data_key(
    data_key: bytes, passphrase: str, user: str, key_id: str, params: KdfParams
) -> tuple[str, bytes]:
    """Wrap ``data_key`` for ``user`` under a new passphrase: (header JSON, wrapped bytes)."""
    header, wrapped, _user_key = wrap_for_user(data_key, passphrase, user, key_id, params)
    return header, wrapped


def wrap_for_user(
    data_key: bytes, passphrase: str, user: str, key_id: str, params: KdfParams
) -> tuple[str, bytes, bytes]:
    """:func:`wrap_data_key`, and the user's own key (:func:`user_key_of`) from the same KEK."""
    secret = check_new_passphrase(passphrase)
    header = WrapHeader(user=user, key_id=key_id, salt=secrets.token_bytes(16), params=params)
    kek = derive_kek(secret, header.salt, params)
    nonce = secrets.token_bytes(NONCE_LEN)
    wrapped = nonce + AESGCM(kek).encrypt(nonce, data_key, header.associated_data())
    return header.to_json(), wrapped, user_key_of(kek, user)


def unwrap_data_key(header_json: str, wrapped: bytes, passphrase: str, user: str) -> bytes:
    """Unwrap the data key with a user's passphrase, or raise :class:`WrongPassphrase`."""
    return unwrap_for_user(header_json, wrapped, passphrase, user)[0]


def unwrap_for_user(
    header_json: str, wrapped: bytes, passphrase: str, user: str
) -> tuple[bytes, bytes]:
    """The data key and the user's own key (:func:`user_key_of`), or :class:`WrongPassphrase`."""
    secret = normalize_passphrase(passphrase)
    header = WrapHeader.from_json(header_json)
    if header.user != user:
        raise VaultError("the key header belongs to another user")
    kek = derive_kek(secret, header.salt, header.params)
    nonce, body = wrapped[:NONCE_LEN], wrapped[NONCE_LEN:]
    try:
        data_key = AESGCM(kek).decrypt(nonce, body, header.associated_data())
    except InvalidTag as exc:
        raise WrongPassphrase(say("wrong passphrase")) from exc
    return data_key, user_key_of(kek, user)


def user_key_of(kek: bytes, user: str) -> bytes:
    """A user's own key: derived from their passphrase's KEK, so only their passphrase (not the
    clinic's shared data key, which every user of the laptop unwraps) gives it. It seals what
    is theirs alone, such as their copy of the organization's private key (:class:`UserSecrets`).
    A new passphrase gives a new key."""
    return _hkdf(kek, f"clinicday/user-secrets/v1|{user}")


class UserSecrets:
    """Secrets sealed with one user's own key (``cd-user-secret-v1``): AES-256-GCM, the user
    and the secret's name bound as associated data, so a copy cannot be moved to another user
    or another name, and a user who knows only the data key can neither read nor forge one."""

    FORMAT = "cd-user-secret-v1"

    def __init__(self, user: str, user_key: bytes) -> None:
        if len(user_key) != KEY_LEN:
            raise VaultError("the user key has the wrong length")
        self.user = user
        self._aead = AESGCM(user_key)

    def _ad(self, name: str) -> bytes:
        return f"{self.FORMAT}|{self.user}|{name}".encode()

    def seal(self, name: str, plaintext: bytes) -> bytes:
        nonce = os.urandom(NONCE_LEN)
        return nonce + self._aead.encrypt(nonce, plaintext, self._ad(name))

    def open(self, name: str, blob: bytes) -> bytes:
        try:
            return self._aead.decrypt(blob[:NONCE_LEN], blob[NONCE_LEN:], self._ad(name))
        except (InvalidTag, ValueError) as exc:
            raise IntegrityError("failed its integrity check") from exc


def new_data_key() -> bytes:
    return secrets.token_bytes(KEY_LEN)


def new_key_id() -> str:
    return "k-" + secrets.token_hex(6)


def _hkdf(key: bytes, info: str) -> bytes:
    return HKDF(algorithm=hashes.SHA256(), length=KEY_LEN, salt=None, info=info.encode()).derive(
        key
    )


class Keys:
    """The unlocked clinic keys: HKDF sub-keys of the data key, held only while unlocked."""

    def __init__(self, data_key: bytes, key_id: str) -> None:
        if len(data_key) != KEY_LEN:
            raise VaultError("the data key has the wrong length")
        self.key_id = key_id
        self._data_key = data_key
        self._records = AESGCM(_hkdf(data_key, "clinicday/records/v1"))
        self._files = AESGCM(_hkdf(data_key, "clinicday/files/v1"))
        self._index_key = _hkdf(data_key, "clinicday/blind-index/v1")
        self._audit_key = _hkdf(data_key, "clinicday/audit/v1")

    @property
    def data_key(self) -> bytes:
        return self._data_key

    @staticmethod
    def associated_data(fmt: str, key_id: str, record_id: str, item_id: str) -> bytes:
        return f"{fmt}|{key_id}|{record_id}|{item_id}".encode()

    def seal_event(self, record_id: str, event_id: str, plaintext: bytes) -> bytes:
        nonce = os.urandom(NONCE_LEN)
        ad = self.associated_data(EVENT_FORMAT, self.key_id, record_id, event_id)
        return nonce + self._records.encrypt(nonce, plaintext, ad)

    def open_event(self, record_id: str, event_id: str, blob: bytes, key_id: str) -> bytes:
        if key_id != self.key_id:
            raise IntegrityError("sealed with a key this clinic does not hold")
        ad = self.associated_data(EVENT_FORMAT, key_id, record_id, event_id)
        try:
            return self._records.decrypt(blob[:NONCE_LEN], blob[NONCE_LEN:], ad)
        except (InvalidTag, ValueError) as exc:
            raise IntegrityError("failed its integrity check") from exc

    def seal_file(self, record_id: str, file_id: str, plaintext: bytes) -> bytes:
        nonce = os.urandom(NONCE_LEN)
        ad = self.associated_data(FILE_FORMAT, self.key_id, record_id, file_id)
        return nonce + self._files.encrypt(nonce, plaintext, ad)

    def open_file(self, record_id: str, file_id: str, blob: bytes) -> bytes:
        ad = self.associated_data(FILE_FORMAT, self.key_id, record_id, file_id)
        try:
            return self._files.decrypt(blob[:NONCE_LEN], blob[NONCE_LEN:], ad)
        except (InvalidTag, ValueError) as exc:
            raise IntegrityError("failed its integrity check") from exc

    def blind_index(self, kind: str, normalized: str) -> bytes:
        """HMAC-SHA256 of a normalized identifier, for lookup without storing the identifier."""
        return hmac.new(
            self._index_key, kind.encode() + b"\x00" + normalized.encode("utf-8"), hashlib.sha256
        ).digest()

    def audit_mac(self, prev: bytes, entry: dict[str, Any]) -> bytes:
        return hmac.new(self._audit_key, prev + _canonical(entry), hashlib.sha256).digest()
