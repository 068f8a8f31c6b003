"""End-to-end encryption for sync: envelopes, the org key file, enrollment codes and bundles."""

from __future__ import annotations

import hashlib
import json
import math

import pytest
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from clinic.store.vault import (
    MIN_MEMORY_KIB,
    KdfParams,
    PassphraseRejected,
    VaultError,
    WrongPassphrase,
    _b64,
    _canonical,
    _unb64,
)
from clinic.sync import crypto
from clinic.sync.crypto import (
    ENROLL_ALPHABET,
    SEAL_FORMAT,
    KeyPair,
    OrgKeys,
    SealError,
    enroll_proof,
    export_org_keys,
    import_org_keys,
    key_id_of,
    new_enroll_code,
    open_bundle,
    open_sealed,
    proofs_match,
    public_org_info,
    recipient_id_of,
    recipients_of,
    seal,
    seal_bundle,
)

FAST = KdfParams(iterations=1, memory_kib=MIN_MEMORY_KIB, lanes=1)
ORG_PASSPHRASE = "the org passphrase, long enough"
EVENT = b"rec-1|ev-1"


# --- key pairs ---------------------------------------------------------------------------------


def test_key_pair_generate_and_key_id() -> None:
    pair = KeyPair.generate()
    assert len(pair.private) == 32 and len(pair.public) == 32
    assert pair.key_id == key_id_of(pair.public)
    assert pair.key_id == "x-" + hashlib.sha256(pair.public).hexdigest()[:12]
    assert KeyPair.generate().public != pair.public
    assert pair.private.hex() not in repr(pair)


def test_key_pair_refuses_mismatched_halves() -> None:
    a, b = KeyPair.generate(), KeyPair.generate()
    with pytest.raises(SealError):
        KeyPair(a.private, b.public)
    with pytest.raises(SealError):
        KeyPair(a.private[:31], a.public)
    with pytest.raises(SealError):
        key_id_of(b"short")


# --- envelopes ---------------------------------------------------------------------------------


def test_seal_round_trip() -> None:
    pair = KeyPair.generate()
    plaintext = "한글 payload é".encode()
    envelope = seal(plaintext, {"org": pair.public}, EVENT)
    assert envelope.startswith(SEAL_FORMAT.encode())
    assert plaintext not in envelope
    assert open_sealed(envelope, "org", pair.private, EVENT) == plaintext
    assert open_sealed(seal(b"", {"org": pair.public}, b""), "org", pair.private, b"") == b""


def test_seal_is_randomized() -> None:
    pair = KeyPair.generate()
    assert seal(b"same", {"org": pair.public}, EVENT) != seal(b"same", {"org": pair.public}, EVENT)


def test_multi_recipient() -> None:
    org, device, other = KeyPair.generate(), KeyPair.generate(), KeyPair.generate()
    recipients = {"org-0123456789ab": org.public, device.key_id: device.public}
    envelope = seal(b"review outcome", recipients, EVENT)
    assert recipients_of(envelope) == sorted(recipients)
    assert open_sealed(envelope, "org-0123456789ab", org.private, EVENT) == b"review outcome"
    assert open_sealed(envelope, device.key_id, device.private, EVENT) == b"review outcome"
    with pytest.raises(SealError, match="not addressed"):
        open_sealed(envelope, other.key_id, other.private, EVENT)
    # a recipient's id with another recipient's (or a stranger's) private key
    with pytest.raises(SealError, match="does not open"):
        open_sealed(envelope, device.key_id, org.private, EVENT)
    with pytest.raises(SealError, match="does not open"):
        open_sealed(envelope, "org-0123456789ab", other.private, EVENT)


def test_wrong_associated_data_fails() -> None:
    pair = KeyPair.generate()
    envelope = seal(b"payload", {"org": pair.public}, b"rec-1|ev-1")
    for associated in (b"rec-1|ev-2", b"rec-2|ev-1", b"", b"rec-1|ev-1 "):
        with pytest.raises(SealError):
            open_sealed(envelope, "org", pair.private, associated)


def test_every_single_byte_flip_fails() -> None:
    a, b = KeyPair.generate(), KeyPair.generate()
    envelope = seal(b"tiny", {"a": a.public, "b": b.public}, EVENT)
    assert open_sealed(envelope, "a", a.private, EVENT) == b"tiny"
    for pos in range(len(envelope)):
        for mask in (0x01, 0x80, 0xFF):
            altered = bytearray(envelope)
            altered[pos] ^= mask
            for rid, pair in (("a", a), ("b", b)):
                with pytest.raises(SealError):
                    open_sealed(bytes(altered), rid, pair.private, EVENT)


def test_truncated_or_extended_envelopes_fail() -> None:
    pair = KeyPair.generate()
    envelope = seal(b"payload", {"org": pair.public}, EVENT)
    for cut in range(len(envelope)):
        with pytest.raises(SealError):
            open_sealed(envelope[:cut], "org", pair.private, EVENT)
    with pytest.raises(SealError):
        open_sealed(envelope + b"\x00", "org", pair.private, EVENT)


def test_recipients_of_without_keys_and_garbage() -> None:
    keys = {name: KeyPair.generate().public for name in ("zeta", "alpha", "x-0123456789ab")}
    envelope = seal(b"payload", keys, EVENT)
    assert recipients_of(envelope) == ["alpha", "x-0123456789ab", "zeta"]
    for garbage in (b"", b"hello", b"cd-seal-v1\n", b"cd-seal-v1\n\x00" + b"\x00" * 40):
        with pytest.raises(SealError):
            recipients_of(garbage)
    with pytest.raises(SealError, match="version"):
        recipients_of(b"cd-seal-v9\n" + envelope[11:])


def test_seal_refuses_bad_recipients() -> None:
    good = KeyPair.generate().public
    with pytest.raises(SealError):
        seal(b"x", {}, EVENT)
    with pytest.raises(SealError):
        seal(b"x", {"has space": good}, EVENT)
    with pytest.raises(SealError):
        seal(b"x", {"": good}, EVENT)
    with pytest.raises(SealError):
        seal(b"x", {"org": good[:31]}, EVENT)
    with pytest.raises(SealError, match="not usable"):
        seal(b"x", {"org": bytes(32)}, EVENT)  # a low-order point
    with pytest.raises(SealError):
        seal(b"x", {f"r{i}": good for i in range(256)}, EVENT)


def test_seal_error_never_carries_plaintext() -> None:
    pair, other = KeyPair.generate(), KeyPair.generate()
    secret = b"A-number 099000123"
    envelope = seal(secret, {"org": pair.public}, EVENT)
    with pytest.raises(SealError) as info:
        open_sealed(envelope, "org", other.private, EVENT)
    assert "099000123" not in str(info.value)
    assert isinstance(info.value, VaultError)


def test_envelopes_are_hpke_with_full_length_recipient_ids() -> None:
    """Issue 17 point 8: ``cd-seal-v2`` wraps the content key with RFC 9180 HPKE (checked with
    the ``cryptography`` package's own HPKE, not ClinicDay's code), names each recipient by the
    whole SHA-256 of its key, and commits to its one content key."""
    from cryptography.hazmat.primitives import hpke
    from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey

    pair = KeyPair.generate()
    rid = recipient_id_of(pair.public)
    assert rid == "x-" + hashlib.sha256(pair.public).hexdigest() and len(rid) == 66
    envelope = seal(b"the record", {rid: pair.public}, EVENT)
    assert envelope.startswith(b"cd-seal-v2\n") and recipients_of(envelope) == [rid]
    # the stanza: id, a 2-byte length, then HPKE enc || ct
    pos = len(b"cd-seal-v2\n") + 1 + 1 + len(rid)
    size = int.from_bytes(envelope[pos : pos + 2], "big")
    stanza = envelope[pos + 2 : pos + 2 + size]
    suite = hpke.Suite(hpke.KEM.X25519, hpke.KDF.HKDF_SHA256, hpke.AEAD.AES_256_GCM)
    info = crypto._frame(b"cd-seal-v2", b"wrap", rid.encode(), EVENT)
    content_key = suite.decrypt(stanza, X25519PrivateKey.from_private_bytes(pair.private), info)
    assert len(content_key) == 32
    # the commitment follows the stanzas: HMAC of the header under that key
    header = envelope[: pos + 2 + size]
    commitment = envelope[pos + 2 + size : pos + 2 + size + 32]
    assert commitment == crypto._commitment(content_key, header)
    # a commitment that does not match the key refuses the envelope before its body is read
    forged = header + bytes(32) + envelope[pos + 2 + size + 32 :]
    with pytest.raises(SealError, match="does not open"):
        open_sealed(forged, rid, pair.private, EVENT)


def test_older_cd_seal_v1_envelopes_still_open() -> None:
    org, device = KeyPair.generate(), KeyPair.generate()
    old = crypto.seal_v1(
        b"kept for years", {org.key_id: org.public, device.key_id: device.public}, EVENT
    )
    assert old.startswith(b"cd-seal-v1\n")
    assert recipients_of(old) == sorted([org.key_id, device.key_id])
    # opened by the full-length id a laptop now uses, which names the same key
    assert open_sealed(old, recipient_id_of(org.public), org.private, EVENT) == b"kept for years"
    assert open_sealed(old, device.key_id, device.private, EVENT) == b"kept for years"
    with pytest.raises(SealError, match="does not open"):
        open_sealed(old, recipient_id_of(org.public), device.private, EVENT)
    # a v2 envelope is never opened by a short id (48 bits are not an identity)
    new = seal(b"x", {recipient_id_of(org.public): org.public}, EVENT)
    with pytest.raises(SealError, match="not addressed"):
        open_sealed(new, org.key_id, org.private, EVENT)


def test_the_org_stanza_is_hybrid_post_quantum_and_x25519_alone_does_not_open_it() -> None:
    """Issue 17 point 8: for an organization whose key has an ML-KEM-768 half, its stanza is
    RFC 9180 HPKE with the hybrid KEM ML-KEM-768 + X25519 (checked with the ``cryptography``
    package's own HPKE). Someone who recovers the X25519 private key (what a future quantum
    computer would do from the public key) still cannot open it; the whole key does."""
    from cryptography.hazmat.primitives import hpke
    from cryptography.hazmat.primitives.asymmetric.mlkem import MLKEM768PrivateKey
    from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey

    org = OrgKeys.generate()
    assert len(org.pq) == 64 and len(org.pq_public) == 1184
    rid = recipient_id_of(org.pair.public)
    device = KeyPair.generate()
    did = recipient_id_of(device.public)
    envelope = seal(
        b"kept for years", {rid: org.pair.public, did: device.public}, EVENT, {rid: org.pq_public}
    )
    assert recipients_of(envelope) == sorted([rid, did])  # the same ids as before
    assert open_sealed(envelope, rid, org.pair.private, EVENT, org.pq) == b"kept for years"
    assert open_sealed(envelope, did, device.private, EVENT) == b"kept for years"
    with pytest.raises(SealError, match="post-quantum"):  # the X25519 half alone
        open_sealed(envelope, rid, org.pair.private, EVENT)
    with pytest.raises(SealError, match="does not open"):  # another ML-KEM key
        open_sealed(envelope, rid, org.pair.private, EVENT, OrgKeys.generate().pq)
    # the org's stanza, read by the library's own hybrid HPKE
    header = envelope[len(b"cd-seal-v2\n") + 1 :]
    pos = 0
    stanzas = {}
    for _ in range(2):
        size = header[pos]
        name = header[pos + 1 : pos + 1 + size].decode()
        length = int.from_bytes(header[pos + 1 + size : pos + 3 + size], "big")
        stanzas[name] = header[pos + 3 + size : pos + 3 + size + length]
        pos += 3 + size + length
    assert len(stanzas[rid]) == 1088 + 32 + 48 and len(stanzas[did]) == 32 + 48
    suite = hpke.Suite(hpke.KEM.MLKEM768_X25519, hpke.KDF.HKDF_SHA256, hpke.AEAD.AES_256_GCM)
    private = hpke.MLKEM768X25519PrivateKey(
        MLKEM768PrivateKey.from_seed_bytes(org.pq),
        X25519PrivateKey.from_private_bytes(org.pair.private),
    )
    info = crypto._frame(b"cd-seal-v2", b"wrap-mlkem768-x25519", rid.encode(), EVENT)
    assert len(suite.decrypt(stanzas[rid], private, info)) == 32
    # a post-quantum key for no recipient, or of the wrong size, is refused
    with pytest.raises(SealError):
        seal(b"x", {did: device.public}, EVENT, {rid: org.pq_public})
    with pytest.raises(SealError):
        seal(b"x", {rid: org.pair.public}, EVENT, {rid: org.pq_public[:-1]})


def test_the_org_key_file_keeps_the_ml_kem_half_and_older_files_still_import() -> None:
    keys = OrgKeys.generate()
    text = export_org_keys(keys, ORG_PASSPHRASE, FAST)
    assert import_org_keys(text, ORG_PASSPHRASE).pq == keys.pq
    older = OrgKeys(keys.org_id, keys.pair, keys.index_key, keys.signing)  # before point 8
    restored = import_org_keys(export_org_keys(older, ORG_PASSPHRASE, FAST), ORG_PASSPHRASE)
    assert restored.pq == b"" and restored.pq_public == b""
    assert "pq_public_key" in keys.bundle("attorney")
    assert "pq_public_key" not in older.bundle("attorney")


# --- the org key file --------------------------------------------------------------------------


def test_org_keys_generate_and_blind_index() -> None:
    keys = OrgKeys.generate()
    assert keys.org_id.startswith("org-") and len(keys.org_id) == 16
    int(keys.org_id[4:], 16)
    assert len(keys.index_key) == 32
    assert keys.index_key.hex() not in repr(keys) and keys.pair.private.hex() not in repr(keys)
    a = keys.blind_index("a_number", "099000123")
    assert a == keys.blind_index("a_number", "099000123") and len(a) == 32
    assert a != keys.blind_index("ssn", "099000123")
    assert a != OrgKeys.generate().blind_index("a_number", "099000123")


def test_org_key_file_round_trip() -> None:
    keys = OrgKeys.generate()
    text = export_org_keys(keys, ORG_PASSPHRASE, FAST)
    doc = json.loads(text)
    assert doc["format"] == "cd-orgkey-v1" and doc["org_id"] == keys.org_id
    assert doc["key_id"] == keys.pair.key_id
    assert keys.pair.private.hex() not in text and keys.index_key.hex() not in text
    assert import_org_keys(text, ORG_PASSPHRASE) == keys
    # the unwrapped pair opens what was sealed to the org
    envelope = seal(b"event", {keys.org_id: keys.pair.public}, EVENT)
    restored = import_org_keys(text, ORG_PASSPHRASE)
    assert open_sealed(envelope, keys.org_id, restored.pair.private, EVENT) == b"event"


def test_org_key_file_wrong_passphrase() -> None:
    text = export_org_keys(OrgKeys.generate(), ORG_PASSPHRASE, FAST)
    with pytest.raises(WrongPassphrase):
        import_org_keys(text, ORG_PASSPHRASE + "x")
    with pytest.raises(PassphraseRejected):
        import_org_keys(text, "")


def test_org_key_file_refuses_a_short_passphrase() -> None:
    with pytest.raises(PassphraseRejected):
        export_org_keys(OrgKeys.generate(), "short", FAST)


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("m", MIN_MEMORY_KIB + 1024),  # a different (still allowed) cost
        ("t", 2),
        ("p", 2),
        ("org_id", "org-000000000000"),
        ("salt", "AAAAAAAAAAAAAAAAAAAAAA=="),
    ],
)
def test_edited_header_fails(name: str, value: object) -> None:
    text = export_org_keys(OrgKeys.generate(), ORG_PASSPHRASE, FAST)
    doc = json.loads(text)
    doc[name] = value
    # AES-GCM cannot tell an edited header from a wrong passphrase: either way it does not open
    with pytest.raises(WrongPassphrase):
        import_org_keys(json.dumps(doc), ORG_PASSPHRASE)


def test_downgraded_header_is_refused_before_deriving() -> None:
    doc = json.loads(export_org_keys(OrgKeys.generate(), ORG_PASSPHRASE, FAST))
    doc["m"] = 1024
    with pytest.raises(SealError, match="below the minimum"):
        import_org_keys(json.dumps(doc), ORG_PASSPHRASE)
    doc["m"] = 1 << 40
    with pytest.raises(SealError, match="above the maximum"):
        import_org_keys(json.dumps(doc), ORG_PASSPHRASE)


def test_swapped_public_key_is_detected() -> None:
    text = export_org_keys(OrgKeys.generate(), ORG_PASSPHRASE, FAST)
    doc = json.loads(text)
    intruder = KeyPair.generate()
    doc["public"] = _b64(intruder.public)
    with pytest.raises(SealError, match="key id"):
        public_org_info(json.dumps(doc))
    doc["key_id"] = intruder.key_id  # a consistent edit: only the passphrase can catch it
    assert public_org_info(json.dumps(doc))[1] == intruder.public
    with pytest.raises(WrongPassphrase):
        import_org_keys(json.dumps(doc), ORG_PASSPHRASE)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "not an org key file"),
        ("hello", "not an org key file"),
        ("[1, 2]", "not an org key file"),
        ('{"a": 1}', "not an org key file"),
        ('{"format": "cd-wrap-v1"}', "not an org key file"),
        ('{"format": "cd-orgkey-v2"}', "version"),
        ('{"format": "cd-orgkey-v1"}', "damaged"),
        ("[" * 100000, "not an org key file"),
    ],
)
def test_garbage_org_key_file(text: str, message: str) -> None:
    with pytest.raises(SealError, match=message):
        import_org_keys(text, ORG_PASSPHRASE)
    with pytest.raises(SealError, match=message):
        public_org_info(text)


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("public", "not base64!"),
        ("public", "AAAA"),
        ("wrapped", "AAAA"),
        ("nonce", 12),
        ("t", "1"),
        ("t", True),
        ("kdf", "scrypt"),
        ("org_id", "org-XYZ"),
        ("extra", "field"),
    ],
)
def test_damaged_org_key_file(name: str, value: object) -> None:
    doc = json.loads(export_org_keys(OrgKeys.generate(), ORG_PASSPHRASE, FAST))
    doc[name] = value
    with pytest.raises(SealError, match="damaged"):
        import_org_keys(json.dumps(doc), ORG_PASSPHRASE)


def test_missing_field_is_damaged() -> None:
    doc = json.loads(export_org_keys(OrgKeys.generate(), ORG_PASSPHRASE, FAST))
    del doc["salt"]
    with pytest.raises(SealError, match="damaged"):
        import_org_keys(json.dumps(doc), ORG_PASSPHRASE)


def test_public_org_info_needs_no_passphrase() -> None:
    keys = OrgKeys.generate()
    text = export_org_keys(keys, ORG_PASSPHRASE, FAST)
    assert public_org_info(text) == (keys.org_id, keys.pair.public)
    assert public_org_info("\ufeff" + text) == (keys.org_id, keys.pair.public)  # a BOM


# --- enrollment --------------------------------------------------------------------------------


def test_enroll_codes_are_unique_and_long_enough() -> None:
    assert len(set(ENROLL_ALPHABET)) == len(ENROLL_ALPHABET) == 32
    assert not set("0O1I") & set(ENROLL_ALPHABET)
    codes = [new_enroll_code() for _ in range(20)]
    assert len({code for code, _, _ in codes}) == len(codes)
    assert len({proof for _, _, proof in codes}) == len(codes)
    for code, code_id, proof in codes:
        groups = code.split("-")
        assert [len(g) for g in groups] == [4] * 5
        assert all(ch in ENROLL_ALPHABET for ch in "".join(groups))
        assert len("".join(groups)) * math.log2(len(ENROLL_ALPHABET)) >= 90
        assert code_id == groups[0]
        assert len(proof) == 64 and int(proof, 16) >= 0
        assert enroll_proof(code) == (code_id, proof)


def test_enroll_proof_normalizes_what_is_typed() -> None:
    code, code_id, proof = new_enroll_code()
    bare = code.replace("-", "")
    typed = [
        bare,
        bare.lower(),
        " ".join(code.split("-")),
        "  " + code.lower().replace("-", " - ") + "\n",
        code.replace("-", "\u2013"),  # an en dash from a word processor
        "".join(chr(ord(ch) + 0xFEE0) for ch in bare),  # full-width letters from an IME
    ]
    for variant in typed:
        assert enroll_proof(variant) == (code_id, proof), variant
    other = bare[:-1] + ("3" if bare[-1] != "3" else "4")
    assert enroll_proof(other)[1] != proof


@pytest.mark.parametrize(
    "bad", ["", "ABCD-EFGH", "ABCD-EFGH-JKLM-NPQR-STU0", "ABCD-EFGH-JKLM-NPQR-STUVW"]
)
def test_enroll_proof_refuses_what_cannot_be_a_code(bad: str) -> None:
    with pytest.raises(SealError, match="enrollment code"):
        enroll_proof(bad)


def test_proofs_match() -> None:
    _, _, proof = new_enroll_code()
    assert proofs_match(proof, proof)
    assert not proofs_match(proof, proof[:-1] + ("0" if proof[-1] != "0" else "1"))
    assert not proofs_match(proof, "")


def test_bundle_round_trip() -> None:
    code, _, _ = new_enroll_code()
    keys = OrgKeys.generate()
    bundle = {
        "org_id": keys.org_id,
        "org_public": _b64(keys.pair.public),
        "index_key": _b64(keys.index_key),
        "server": "https://sync.example.org/v1",
    }
    sealed = seal_bundle(code, bundle)
    assert bundle["index_key"] not in sealed
    assert open_bundle(code, sealed) == bundle
    assert open_bundle(code.lower().replace("-", " "), sealed) == bundle


def test_open_bundle_with_wrong_code_fails() -> None:
    code, _, _ = new_enroll_code()
    sealed = seal_bundle(code, {"index_key": "secret"})
    other, _, _ = new_enroll_code()
    with pytest.raises(SealError):
        open_bundle(other, sealed)
    # same lookup id, different rest: only the key can tell
    bare = code.replace("-", "")
    wrong = bare[:-1] + ("3" if bare[-1] != "3" else "4")
    with pytest.raises(SealError, match="wrong enrollment code"):
        open_bundle(wrong, sealed)


def test_tampered_bundle_fails() -> None:
    code, _, _ = new_enroll_code()
    sealed = seal_bundle(code, {"index_key": "secret"})
    doc = json.loads(sealed)
    body = bytearray(_unb64(doc["sealed"]))
    body[0] ^= 1
    doc["sealed"] = _b64(bytes(body))
    with pytest.raises(SealError):
        open_bundle(code, json.dumps(doc))
    for garbage in ("", "nope", "{}", '{"format": "cd-enroll-v1"}', "[]"):
        with pytest.raises(SealError):
            open_bundle(code, garbage)


def test_the_proof_does_not_decrypt_the_bundle() -> None:
    code, _, proof = new_enroll_code()
    sealed = seal_bundle(code, {"index_key": "secret"})
    doc = json.loads(sealed)
    nonce, body = _unb64(doc["nonce"]), _unb64(doc["sealed"])
    ad = _canonical({"format": doc["format"], "code_id": doc["code_id"]})
    _, auth, bundle_key = crypto._enroll_keys(code)
    assert hashlib.sha256(auth).hexdigest() == proof
    assert auth != bundle_key
    assert AESGCM(bundle_key).decrypt(nonce, body, ad) == b'{"index_key":"secret"}'
    for candidate in (bytes.fromhex(proof), auth, hashlib.sha256(auth).digest()):
        with pytest.raises(InvalidTag):
            AESGCM(candidate).decrypt(nonce, body, ad)


def test_the_org_signs_what_it_sends_down_and_the_file_keeps_the_signing_key() -> None:
    keys = crypto.OrgKeys.generate()
    body = b"form: I-765WS\n"
    signature = keys.sign(body)
    crypto.verify_signature(keys.signing_public, body, signature)
    with pytest.raises(SealError, match="signature"):
        crypto.verify_signature(keys.signing_public, body + b"#", signature)
    other = crypto.OrgKeys.generate()
    with pytest.raises(SealError, match="signature"):
        crypto.verify_signature(other.signing_public, body, signature)
    with pytest.raises(SealError, match="signature"):
        crypto.verify_signature(keys.signing_public, body, "not base64!")
    back = crypto.import_org_keys(
        crypto.export_org_keys(keys, "org passphrase 1", FAST), "org passphrase 1"
    )
    assert back.signing == keys.signing and back.signing_public == keys.signing_public
    assert keys.bundle("coordinator")["signing_public_key"]
    assert "index_key" in keys.bundle("attorney") and "index_key" not in keys.bundle("volunteer")
    assert keys.signing.hex() not in repr(keys)


def test_a_signed_event_checks_back_to_the_organization_and_nothing_else() -> None:
    """clinic.sync.signing: grant -> certificate -> event; any changed part fails."""
    from clinic.sync.signing import certify_device, make_grant, open_signed, sign_event

    org = OrgKeys.generate()
    code, _id, _proof = new_enroll_code()
    grant = make_grant(org.signing, org.org_id, code, "attorney")
    seed, cert = certify_device(code, grant, "dev-a", org.signing_public, org.org_id)
    body = sign_event(seed, cert, b'{"wire": 1}', "e1", "r1", "attorney")
    checked = open_signed(body, "e1", "r1", org.signing_public, org.org_id)
    assert (checked.wire, checked.sender.device_id, checked.sender.role) == (
        b'{"wire": 1}',
        "dev-a",
        "attorney",
    )
    with pytest.raises(SealError, match="the event: the signature does not match"):
        open_signed(body, "e2", "r1", org.signing_public, org.org_id)  # moved to another id
    changed = body.replace(b'"author_role": "attorney"', b'"author_role": "admin"')
    with pytest.raises(SealError, match="the signature does not match"):
        open_signed(changed, "e1", "r1", org.signing_public, org.org_id)
    other = OrgKeys.generate()
    with pytest.raises(SealError, match="grant: the signature does not match"):
        open_signed(body, "e1", "r1", other.signing_public, org.org_id)
    with pytest.raises(SealError, match="another code"):
        certify_device(new_enroll_code()[0], grant, "dev-b", org.signing_public, org.org_id)
    with pytest.raises(SealError, match="unsigned"):
        open_signed(b'{"event_id": "e1"}', "e1", "r1", org.signing_public, org.org_id)
