"""The sync protocol (``/v1``), as pydantic models shared by the server and the client.

What crosses the network: sealed envelopes (``clinic.sync.crypto``) the server cannot open,
de-identified tallies (the same facts the laptop's reports read), org-level blind-index digests
(HMACs the server cannot reverse), ids (random), and device metadata. Never a name, a number or an
answer in clear (a canary test searches request bodies and the server's database).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Annotated, Any

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    SerializerFunctionWrapHandler,
    TypeAdapter,
    field_validator,
    model_serializer,
    model_validator,
)

from clinic.domain.languages import FALLBACK, client_languages, english_name

ROLES = ("volunteer", "attorney", "coordinator", "admin")
ID = r"^[0-9a-f]{32}$"
MAX_BATCH = 500
MAX_ENVELOPE = 2_000_000  # bytes of base64; a sealed event is a few KiB


class Strict(BaseModel):
    """Unknown fields are refused, so a typo never passes silently."""

    model_config = ConfigDict(extra="forbid")


class EnrollCodeRequest(Strict):
    """A coordinator's device registers a one-time code (the bundle is sealed to the code)."""

    code_id: str = Field(min_length=4, max_length=16, pattern=r"^[A-Z2-9]+$")
    proof: str = Field(pattern=r"^[0-9a-f]{64}$")
    role: str = Field(pattern="^(volunteer|attorney|coordinator)$")
    bundle: str = Field(min_length=1, max_length=10_000)
    expires_in_hours: int = Field(default=72, ge=1, le=24 * 30)


class EnrollRequest(Strict):
    """A new device presents a code (its id and the auth value derived from it; the server
    stores only the hash of that), its own id and its X25519 public key."""

    code_id: str = Field(min_length=4, max_length=16, pattern=r"^[A-Z2-9]+$")
    auth: str = Field(pattern=r"^[0-9a-f]{64}$")
    device_id: str = Field(pattern=r"^[0-9a-f]{16,32}$")
    public_key: str = Field(min_length=40, max_length=64)  # base64 of 32 bytes
    name: str = Field(default="", max_length=80)


class EnrollResponse(Strict):
    """The device's token (shown once), its role, and the sealed bundle."""

    token: str
    role: str
    org_id: str
    bundle: str


class DeviceInfo(Strict):
    """A device as a coordinator sees it (no token)."""

    device_id: str
    name: str
    role: str
    public_key: str
    enrolled_at: str
    revoked: bool
    last_seen: str | None = None
    audit_alarm: str = ""  # what the server found wrong with its audit log


class IndexEntry(Strict):
    """An org-level blind-index digest of one identifier of a record."""

    kind: str = Field(pattern="^(a_number|ssn|name_dob)$")
    digest: str = Field(pattern=r"^[0-9a-f]{64}$")


class PushEvent(Strict):
    """One sealed event, its tally, and (for answers) the record's index digests."""

    event_id: str = Field(pattern=ID)
    record_id: str = Field(pattern=ID)
    envelope: str = Field(min_length=1, max_length=MAX_ENVELOPE)  # base64
    tally: dict[str, Any] = Field(default_factory=dict)
    # the record's identifiers now (replaces earlier ones): one digest of each kind at most
    index: list[IndexEntry] | None = Field(default=None, max_length=3)

    @field_validator("index")
    @classmethod
    def _one_of_each_kind(cls, index: list[IndexEntry] | None) -> list[IndexEntry] | None:
        if index is not None and len({e.kind for e in index}) != len(index):
            raise ValueError("one digest of each kind at most")
        return index


class IndexedRecord(Strict):
    """A record's identifiers now, as a laptop that holds the org index key read them from
    its pulled copy (replaces earlier ones): one digest of each kind at most."""

    record_id: str = Field(pattern=ID)
    index: list[IndexEntry] = Field(max_length=3)

    @field_validator("index")
    @classmethod
    def _one_of_each_kind(cls, index: list[IndexEntry]) -> list[IndexEntry]:
        if len({e.kind for e in index}) != len(index):
            raise ValueError("one digest of each kind at most")
        return index


class IndexRequest(Strict):
    """Index digests of other laptops' records (attorneys', coordinators' laptops only)."""

    records: list[IndexedRecord] = Field(max_length=MAX_BATCH)


class PushRequest(Strict):
    """A batch of events from one device, and the head of its audit chain."""

    events: list[PushEvent] = Field(max_length=MAX_BATCH)
    audit_seq: int = Field(default=0, ge=0, le=2**62)
    audit_mac: str = Field(default="", pattern=r"^([0-9a-f]{64})?$")


AUDIT_BATCH = 200  # audit entries per request
MAC = r"^[0-9a-f]{64}$"


class AuditCopy(Strict):
    """One audit entry for the server to keep: its sequence number and chain MAC (hex), and
    the entry sealed to the organization and signed by the laptop (base64)."""

    seq: int = Field(ge=1, le=2**62)
    mac: str = Field(pattern=MAC)
    envelope: str = Field(max_length=16_384)


class AuditPush(Strict):
    """A laptop's next audit entries, after ``prev_seq`` (the newest the server holds), whose
    MAC on the laptop now is ``prev_mac``."""

    prev_seq: int = Field(default=0, ge=0, le=2**62)
    prev_mac: str = Field(default="", pattern=r"^([0-9a-f]{64})?$")
    entries: list[AuditCopy] = Field(max_length=AUDIT_BATCH)


class AuditHeld(Strict):
    """The newest audit entry the server holds for the asking laptop (0: none), what it kept of
    a push, and what it found wrong (a rewritten log), if anything."""

    held: int
    mac: str = ""
    stored: int = 0
    alarm: str | None = None


class Match(Strict):
    """A record of this device shares an identifier with another device's record."""

    record_id: str
    other_record_id: str
    kind: str


MatchList = TypeAdapter(list[Match])


class PushResponse(Strict):
    """What the server kept: new events, events it already had (same bytes), matches."""

    stored: int
    duplicates: int
    matches: list[Match] = Field(default_factory=list)
    audit_warning: str | None = None
    # records whose matches were not looked up: this device asked about more records in the
    # last hour than a clinic enters (the index is not an oracle to query at will)
    matches_withheld: int = 0


class PulledEvent(Strict):
    """A sealed event from another device."""

    cursor: int
    event_id: str
    record_id: str
    device_id: str
    envelope: str
    tally: dict[str, Any] = Field(default_factory=dict)


class PullResponse(Strict):
    """Events after a cursor, oldest first, and whether more are waiting."""

    events: list[PulledEvent]
    cursor: int
    more: bool


def _wire_schema(schema: dict[str, Any]) -> None:
    """The JSON schema of an alert as it travels: a text field per client language, English
    required (not ``texts``, which is how the model keeps them)."""
    properties = schema.setdefault("properties", {})
    properties.pop("texts", None)
    for code in client_languages():
        properties[code] = {
            "type": "string",
            "maxLength": 2000,
            "title": f"in {english_name(code)}",
        }
    properties[FALLBACK]["minLength"] = 1
    schema["required"] = [*(r for r in schema.get("required", []) if r != "texts"), FALLBACK]


def _client_language(code: str) -> str:
    if code not in client_languages():
        raise ValueError(f"not a client language of ClinicDay ({', '.join(client_languages())})")
    return code


class Alert(Strict):
    """A program-status alert from the organization: its text by language code (``texts``),
    English required, every other code a client language of the registry
    (:mod:`clinic.domain.languages`).

    On the wire each text is a field named by its code beside ``alert_id`` and ``effective``
    (``{"alert_id": .., "effective": .., "en": .., "ko": ..}``), as the previous version sends
    and reads it; ``Alert(en=.., ko=..)`` and ``alert.en`` still work. An empty text is no text.
    """

    model_config = ConfigDict(extra="forbid", json_schema_extra=_wire_schema)

    alert_id: str = Field(pattern=r"^[A-Za-z0-9_.-]{1,64}$")
    effective: str = Field(pattern=r"^\d{4}-\d{2}-\d{2}$")
    texts: dict[
        Annotated[str, AfterValidator(_client_language)], Annotated[str, Field(max_length=2000)]
    ]

    def __init__(self, **data: Any) -> None:
        # Alert(alert_id=.., effective=.., en=.., ko=..) as on the wire, or with texts=
        super().__init__(**data)

    @model_validator(mode="before")
    @classmethod
    def _texts_from_fields(cls, data: Any) -> Any:
        """The wire's fields named by a language code, gathered into ``texts``."""
        if not isinstance(data, Mapping) or "texts" in data:
            return data
        codes = client_languages()
        fields = {k: v for k, v in data.items() if k not in codes}
        return {**fields, "texts": {k: v for k, v in data.items() if k in codes}}

    @field_validator("texts")
    @classmethod
    def _english_required(cls, texts: dict[str, str]) -> dict[str, str]:
        if not texts.get(FALLBACK, "").strip():
            raise ValueError(f"needs a text in English ({FALLBACK})")
        return {code: text for code, text in texts.items() if text}

    @model_serializer(mode="wrap")
    def _texts_as_fields(self, handler: SerializerFunctionWrapHandler) -> dict[str, Any]:
        data = dict(handler(self))
        texts = data.pop("texts", {})
        return {**data, **texts}

    def text(self, lang: str) -> str:
        """The text in ``lang``, or "" when the alert has none in it."""
        return self.texts.get(lang, "")

    def __getattr__(self, name: str) -> Any:
        # alert.en, alert.ko...: the text in one language, as the fields of the previous version
        if name in client_languages():
            return self.texts.get(name, "")
        return super().__getattr__(name)  # type: ignore[misc]


class FormPack(Strict):
    """A form pack the organization signed (Ed25519), for every laptop."""

    pack_key: str = Field(min_length=3, max_length=64, pattern=r"^[A-Za-z0-9 ./()-]+$")
    body: str = Field(min_length=1, max_length=500_000)  # the pack's YAML
    signature: str = Field(min_length=40, max_length=128)


class Problem(Strict):
    """An error: one line naming the field or the rule, never a value; ``reason`` (a
    ``clinic.errors.Reason`` value) for a client that reacts to it, ``event_ids`` the events a
    409 names."""

    detail: str
    reason: str | None = None
    event_ids: list[str] = Field(default_factory=list)
