"""The vault: Argon2id key wrapping, AEAD with bound associated data, blind index, audit MACs."""

from __future__ import annotations

import json
import unicodedata

import pytest

from clinic.store.vault import (
    MIN_MEMORY_KIB,
    IntegrityError,
    KdfParams,
    Keys,
    PassphraseRejected,
    VaultError,
    WrongPassphrase,
    new_data_key,
    normalize_passphrase,
    tune_kdf,
    unwrap_data_key,
    wrap_data_key,
)

PARAMS = KdfParams(iterations=1, memory_kib=MIN_MEMORY_KIB)


def test_wrap_round_trip_and_wrong_passphrase() -> None:
    key = new_data_key()
    header, wrapped = wrap_data_key(key, "a long passphrase", "ana", "k-1", PARAMS)
    assert unwrap_data_key(header, wrapped, "a long passphrase", "ana") == key
    with pytest.raises(WrongPassphrase):
        unwrap_data_key(header, wrapped, "a long passphrasE", "ana")
    assert key not in wrapped and key.hex() not in header


def test_nfc_and_nfd_passphrases_are_the_same() -> None:
    nfc = unicodedata.normalize("NFC", "contraseña café 한글 암호")
    nfd = unicodedata.normalize("NFD", nfc)
    assert nfc != nfd
    key = new_data_key()
    header, wrapped = wrap_data_key(key, nfd, "ana", "k-1", PARAMS)
    assert unwrap_data_key(header, wrapped, nfc, "ana") == key


@pytest.mark.parametrize("bad", ["", "pass\udcc3\udca9word"])
def test_empty_and_mangled_passphrases_are_refused(bad: str) -> None:
    with pytest.raises(PassphraseRejected):
        normalize_passphrase(bad)


def test_new_passphrase_must_be_long_enough() -> None:
    with pytest.raises(PassphraseRejected, match="too short"):
        wrap_data_key(new_data_key(), "short", "ana", "k-1", PARAMS)


@pytest.mark.parametrize(
    ("field", "value"), [("t", 2), ("m", MIN_MEMORY_KIB * 2), ("user", "bob"), ("key_id", "k-2")]
)
def test_changing_the_header_breaks_the_wrap(field: str, value: object) -> None:
    key = new_data_key()
    header, wrapped = wrap_data_key(key, "a long passphrase", "ana", "k-1", PARAMS)
    tampered = json.loads(header)
    tampered[field] = value
    with pytest.raises(VaultError):
        unwrap_data_key(json.dumps(tampered), wrapped, "a long passphrase", "ana")


def test_downgrade_below_the_floor_is_refused_before_deriving() -> None:
    header, wrapped = wrap_data_key(new_data_key(), "a long passphrase", "ana", "k-1", PARAMS)
    tampered = json.loads(header)
    tampered["m"] = 64
    with pytest.raises(VaultError, match="below the minimum"):
        unwrap_data_key(json.dumps(tampered), wrapped, "a long passphrase", "ana")


def test_event_blobs_are_bound_to_their_record_and_event() -> None:
    keys = Keys(new_data_key(), "k-1")
    blob = keys.seal_event("rec1", "ev1", b"secret answers")
    assert b"secret" not in blob
    assert keys.open_event("rec1", "ev1", blob, "k-1") == b"secret answers"
    for rec, ev, kid in [("rec2", "ev1", "k-1"), ("rec1", "ev2", "k-1"), ("rec1", "ev1", "k-2")]:
        with pytest.raises(IntegrityError):
            keys.open_event(rec, ev, blob, kid)
    flipped = bytearray(blob)
    flipped[20] ^= 1
    with pytest.raises(IntegrityError):
        keys.open_event("rec1", "ev1", bytes(flipped), "k-1")
    other = Keys(new_data_key(), "k-1")
    with pytest.raises(IntegrityError):
        other.open_event("rec1", "ev1", blob, "k-1")


def test_files_use_their_own_key_and_format() -> None:
    keys = Keys(new_data_key(), "k-1")
    blob = keys.seal_file("rec1", "packet", b"%PDF-1.7")
    assert keys.open_file("rec1", "packet", blob) == b"%PDF-1.7"
    with pytest.raises(IntegrityError):
        keys.open_event("rec1", "packet", blob, "k-1")


def test_blind_index_is_keyed_and_separates_kinds() -> None:
    a, b = Keys(new_data_key(), "k"), Keys(new_data_key(), "k")
    assert a.blind_index("a_number", "099000001") == a.blind_index("a_number", "099000001")
    assert a.blind_index("a_number", "099000001") != a.blind_index("ssn", "099000001")
    assert a.blind_index("a_number", "099000001") != b.blind_index("a_number", "099000001")


def test_audit_mac_chains() -> None:
    keys = Keys(new_data_key(), "k")
    m1 = keys.audit_mac(b"", {"seq": 1})
    assert keys.audit_mac(m1, {"seq": 2}) != keys.audit_mac(b"", {"seq": 2})


def test_tuning_respects_the_memory_floor() -> None:
    params = tune_kdf(0.001)
    assert params.memory_kib >= MIN_MEMORY_KIB
    assert params.iterations >= 1
