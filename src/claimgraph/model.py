"""The one internal data model every stage reads and writes.

Everything claimgraph emits is built from these records. The rule that shapes
them: *no fact without provenance*. A :class:`Claim` always carries the
document it comes from, at least one exact character span of evidence, the
attribution chain (who says so), the modality (how it is said), the extractor
that produced it and a deterministic id, so re-running the pipeline on the
same text yields the same ids.

Records are plain dataclasses with ``to_dict``/``from_dict`` so that they
travel as JSON (CLI pipes, the store, the API, Dask workers) without a
framework. See ``docs/MODEL.md`` for the prose version.
"""

from __future__ import annotations

import hashlib
import json
import unicodedata
from dataclasses import asdict, dataclass, field, fields
from typing import Any, Literal, TypeVar

Span = tuple[int, int]

EntityType = Literal["Person", "Organization", "Location", "Agreement", "Group"]
#: "Group": an unnamed collective actor ("the police", "Afghan rebels"), see extract/agents.py
ENTITY_TYPES: tuple[str, ...] = ("Person", "Organization", "Location", "Agreement", "Group")
#: the types of named entities (gold FORMAT.md scores these; a Group has no name)
NAMED_ENTITY_TYPES: tuple[str, ...] = ("Person", "Organization", "Location", "Agreement")

Modality = Literal["asserted", "denied", "alleged", "requested", "promised", "hypothetical"]
MODALITIES: tuple[str, ...] = ("asserted", "denied", "alleged", "requested", "promised", "hypothetical")

PREDICATES: tuple[str, ...] = (
    "leader_of",
    "deputy_of",
    "member_of",
    "party_to",
    "supports",
    "allied_with",
    "located_in",
    "part_of",
)
SYMMETRIC_PREDICATES: frozenset[str] = frozenset({"allied_with"})

EVENT_TYPES: tuple[str, ...] = (
    "AGREE",
    "CONSULT",
    "SUPPORT",
    "CONCEDE",
    "COOPERATE",
    "AID",
    "RETREAT",
    "REQUEST",
    "ACCUSE",
    "REJECT",
    "THREATEN",
    "PROTEST",
    "SANCTION",
    "MOBILIZE",
    "COERCE",
    "ASSAULT",
    "RELOCATE",
)

ClaimKind = Literal["relation", "event"]

#: Version of the record layout; bump when a field changes meaning.
MODEL_VERSION = "1"


def stable_id(prefix: str, *parts: Any) -> str:
    """A short deterministic id: ``prefix`` + 16 hex chars of SHA-1 over ``parts``.

    Parts are JSON-encoded with sorted keys, so dicts, lists and ``None``
    hash the same on every run and every machine.
    """
    payload = json.dumps(parts, sort_keys=True, ensure_ascii=False, default=str)
    return f"{prefix}{hashlib.sha1(payload.encode('utf-8')).hexdigest()[:16]}"


def normalise_text(text: str) -> str:
    """Normalise document text for hashing: NFC, unified newlines, stripped trailing space.

    Offsets are always into the text *as stored* (after this normalisation),
    so the document id and every span agree.
    """
    text = unicodedata.normalize("NFC", text)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return "\n".join(line.rstrip() for line in text.split("\n")).strip("\n")


def document_id(normalised_text: str) -> str:
    return "doc_" + hashlib.sha256(normalised_text.encode("utf-8")).hexdigest()[:20]


_T = TypeVar("_T")


def _spans(value: Any) -> list[Span]:
    return [(int(s), int(e)) for s, e in (value or [])]


def _span(value: Any) -> Span | None:
    if value is None:
        return None
    s, e = value
    return (int(s), int(e))


@dataclass
class Document:
    """A source text. ``id`` is a hash of the normalised text, so re-ingesting the same
    text from another path is recognised as the same document."""

    id: str
    text: str
    path: str | None = None
    url: str | None = None
    title: str | None = None
    outlet: str | None = None
    published: str | None = None  # ISO date, YYYY[-MM[-DD]]
    source_format: str = "text"  # text | html | jsonl
    meta: dict[str, Any] = field(default_factory=dict)

    @classmethod
    def from_text(cls, text: str, **kwargs: Any) -> Document:
        norm = normalise_text(text)
        return cls(id=document_id(norm), text=norm, **kwargs)

    def span_text(self, span: Span) -> str:
        return self.text[span[0] : span[1]]

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Document:
        names = {f.name for f in fields(cls)}
        return cls(**{k: v for k, v in d.items() if k in names})


@dataclass
class Mention:
    """One occurrence of a name (or a descriptor) in a document."""

    start: int
    end: int
    text: str
    label: str  # PERSON, ORG, GPE, LOC, FAC, NORP, AGREEMENT, DESCRIPTOR, ...
    entity_id: str | None = None
    source: str = "ner"  # ner | ruler | pattern | coref

    @property
    def span(self) -> Span:
        return (self.start, self.end)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Mention:
        return cls(**d)


@dataclass
class Place:
    """Where an entity of type Location is on the map, and how sure we are.

    ``resolved`` is False when no candidate was good enough; then ``lat``/``lon``
    are None and ``reason`` says why. We never guess a point.
    """

    resolved: bool
    lat: float | None = None
    lon: float | None = None
    country: str | None = None  # ISO 3166-1 alpha-2
    admin1: str | None = None
    admin2: str | None = None
    feature: str | None = None  # country | province | district | city | town | area | ...
    geonameid: int | None = None
    gazetteer_name: str | None = None
    method: str | None = None  # e.g. "gazetteer:exact+parent", "admin-centre"
    confidence: float = 0.0
    reason: str | None = None  # why unresolved, or a caveat ("district resolved to its centre")
    parent: str | None = None  # entity id of the containing place mentioned in the text

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Place:
        return cls(**d)


@dataclass
class Description:
    """A descriptive mention ("the Taliban's interior minister") tied to an entity."""

    text: str
    span: Span

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "span": list(self.span)}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Description:
        return cls(text=d["text"], span=_span(d["span"]) or (0, 0))


@dataclass
class Entity:
    """A real-world actor, place or agreement as found in one document.

    ``aliases`` are the distinct surface forms as written; ``mentions`` all
    their spans. Honorifics ("Mullah", "Hafiz") are stripped for matching but
    kept in ``titles``.
    """

    id: str
    type: str  # one of ENTITY_TYPES
    name: str
    aliases: list[str] = field(default_factory=list)
    mentions: list[Span] = field(default_factory=list)
    kind: str | None = None  # armed_group, government, media, igo, country, province, district, town, ...
    titles: list[str] = field(default_factory=list)
    descriptions: list[Description] = field(default_factory=list)
    place: Place | None = None
    external_ids: dict[str, str] = field(default_factory=dict)  # e.g. {"dictionary": "ttp"}

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["mentions"] = [list(m) for m in self.mentions]
        d["descriptions"] = [x.to_dict() for x in self.descriptions]
        d["place"] = self.place.to_dict() if self.place else None
        return d

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Entity:
        d = dict(d)
        d["mentions"] = _spans(d.get("mentions"))
        d["descriptions"] = [Description.from_dict(x) for x in d.get("descriptions") or []]
        d["place"] = Place.from_dict(d["place"]) if d.get("place") else None
        return cls(**d)


@dataclass
class Speaker:
    """One link of an attribution chain: who relays the claim, as written."""

    text: str
    entity_id: str | None = None
    span: Span | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "entity_id": self.entity_id, "span": list(self.span) if self.span else None}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Speaker:
        return cls(text=d["text"], entity_id=d.get("entity_id"), span=_span(d.get("span")))


@dataclass
class Attribution:
    """Who says so. ``chain`` is outermost first: the outlet, then each speaker.

    ``evidence`` is the reporting frame ("A source close to X told Y that").
    An attribution whose chain is only the outlet means the outlet asserts it
    in its own voice.
    """

    id: str
    chain: list[Speaker]
    evidence: Span | None = None
    cue: str | None = None  # the reporting verb or phrase ("told", "according to")
    scope: Span | None = None  # the text the attribution covers

    @property
    def is_outlet_only(self) -> bool:
        return len(self.chain) <= 1

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "chain": [s.to_dict() for s in self.chain],
            "evidence": list(self.evidence) if self.evidence else None,
            "cue": self.cue,
            "scope": list(self.scope) if self.scope else None,
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Attribution:
        return cls(
            id=d["id"],
            chain=[Speaker.from_dict(s) for s in d.get("chain") or []],
            evidence=_span(d.get("evidence")),
            cue=d.get("cue"),
            scope=_span(d.get("scope")),
        )


@dataclass
class DateInterval:
    """A date as precise as the text allows (FollowTheMoney-style prefixes).

    ``value`` is set for a stated date ("April 2022" → ``2022-04``, precision
    month). ``after``/``before`` bound an interval ("over the past three years",
    "before returning to power"). ``text``/``span`` keep the expression.
    """

    value: str | None = None
    after: str | None = None
    before: str | None = None
    precision: str | None = None  # year | month | day
    text: str | None = None
    span: Span | None = None

    def to_gold(self) -> dict[str, str] | None:
        if self.value:
            return {"value": self.value}
        out = {}
        if self.after:
            out["after"] = self.after
        if self.before:
            out["before"] = self.before
        return out or None

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["span"] = list(self.span) if self.span else None
        return d

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> DateInterval:
        d = dict(d)
        d["span"] = _span(d.get("span"))
        return cls(**d)


@dataclass
class Claim:
    """The unit of provenance: one relation or one event, as somebody states it.

    For ``kind == "relation"``: ``predicate`` (one of PREDICATES), ``subject`` and
    ``object`` entity ids, ``role`` for member_of.
    For ``kind == "event"``: ``predicate`` is the PLOVER type, ``sources`` and
    ``targets`` entity ids, ``mode`` the PLOVER mode, ``location`` an entity id.
    Both kinds: ``date``, ``modality``, ``historical`` (true for states of affairs
    the text puts in the past), ``attribution`` id, ``evidence`` spans.
    """

    id: str
    doc_id: str
    kind: str  # relation | event
    predicate: str
    evidence: list[Span]
    attribution: str | None
    modality: str = "asserted"
    subject: str | None = None
    object: str | None = None
    role: str | None = None
    sources: list[str] = field(default_factory=list)
    targets: list[str] = field(default_factory=list)
    mode: str | None = None
    location: str | None = None
    origin: str | None = None  # RELOCATE: where from (entity id)
    date: DateInterval | None = None
    historical: bool = False
    trigger: Span | None = None
    #: quantities stated for the event, e.g. {"killed": 2, "captured": 1, "wounded": 0}
    counts: dict[str, int] = field(default_factory=dict)
    extractor: str = "claimgraph"
    extractor_version: str = "0"
    confidence: float = 0.5

    @property
    def status(self) -> str:
        """The relation status of FORMAT.md: denied beats historical beats asserted."""
        if self.modality == "denied":
            return "denied"
        if self.historical:
            return "historical"
        return "asserted"

    @staticmethod
    def make_id(
        doc_id: str,
        kind: str,
        predicate: str,
        subject: str | None,
        obj: str | None,
        sources: list[str],
        targets: list[str],
        evidence: list[Span],
        modality: str,
    ) -> str:
        return stable_id(
            "clm_", doc_id, kind, predicate, subject, obj, sorted(sources), sorted(targets),
            [list(e) for e in evidence], modality,
        )

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["evidence"] = [list(e) for e in self.evidence]
        d["date"] = self.date.to_dict() if self.date else None
        d["trigger"] = list(self.trigger) if self.trigger else None
        return d

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Claim:
        d = dict(d)
        d["evidence"] = _spans(d.get("evidence"))
        d["date"] = DateInterval.from_dict(d["date"]) if d.get("date") else None
        d["trigger"] = _span(d.get("trigger"))
        return cls(**d)


@dataclass
class Contradiction:
    """Claims that cannot all be true: an assertion and its denial (or an accusation
    and its rejection). Both sides keep their own evidence and attribution."""

    id: str
    key: str  # "subject predicate object" in entity ids
    claims_for: list[str]
    claims_against: list[str]

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Contradiction:
        return cls(**d)


@dataclass
class Extraction:
    """Everything extracted from one document: the output of ``extract`` and the
    input of ``store``, ``export`` and ``eval``."""

    document: Document
    entities: list[Entity] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    attributions: list[Attribution] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    contradictions: list[Contradiction] = field(default_factory=list)
    pipeline_version: str = "0"

    def entity(self, entity_id: str) -> Entity | None:
        for e in self.entities:
            if e.id == entity_id:
                return e
        return None

    def attribution(self, attribution_id: str | None) -> Attribution | None:
        for a in self.attributions:
            if a.id == attribution_id:
                return a
        return None

    @property
    def relations(self) -> list[Claim]:
        return [c for c in self.claims if c.kind == "relation"]

    @property
    def events(self) -> list[Claim]:
        return [c for c in self.claims if c.kind == "event"]

    def to_dict(self) -> dict[str, Any]:
        return {
            "model_version": MODEL_VERSION,
            "pipeline_version": self.pipeline_version,
            "document": self.document.to_dict(),
            "entities": [e.to_dict() for e in self.entities],
            "mentions": [m.to_dict() for m in self.mentions],
            "attributions": [a.to_dict() for a in self.attributions],
            "claims": [c.to_dict() for c in self.claims],
            "contradictions": [c.to_dict() for c in self.contradictions],
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Extraction:
        return cls(
            document=Document.from_dict(d["document"]),
            entities=[Entity.from_dict(x) for x in d.get("entities") or []],
            mentions=[Mention.from_dict(x) for x in d.get("mentions") or []],
            attributions=[Attribution.from_dict(x) for x in d.get("attributions") or []],
            claims=[Claim.from_dict(x) for x in d.get("claims") or []],
            contradictions=[Contradiction.from_dict(x) for x in d.get("contradictions") or []],
            pipeline_version=d.get("pipeline_version", "0"),
        )
