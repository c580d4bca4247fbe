"""What every export shares: one merged view of many Extractions.

Exports are written from a :class:`Corpus`: actors merged across documents by
canonical identity, and every claim seen through a :class:`ClaimView` that
carries its document, evidence text, attribution chain and the canonical keys
of the entities it involves. Each format then only decides *how* to spell
these records; none of them re-derives identity or provenance on its own.

Identity (``canonical_key``): the store's ``canonical_id`` when the Extraction
came from the store (``external_ids["canonical"]``), else a curated
dictionary id (``external_ids["dictionary"]``), else a GeoNames id for
resolved places, else entity type + normalised name. Never a per-document id,
so the same actor in two documents is one node.

Independence (``source_key``): two claims come from independent sources when
the innermost link of their attribution chains differs — a named speaker
(by canonical identity), an unnamed speaker (per document: two "a source"
quotes in different articles are not known to be the same person), or the
outlet itself when it speaks in its own voice (per document when the outlet
is unknown: two unattributed reports are not known to share a publisher).
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from claimgraph.model import Attribution, Claim, DateInterval, Document, Entity, Extraction, Place

#: kinds of entities that act (get nodes, actor records); places and agreements are kept apart
#: Group: an unnamed collective ("the police", "Afghan rebels"), an actor without a name
ACTOR_TYPES: frozenset[str] = frozenset({"Person", "Organization", "Group"})


def normalise_name(name: str) -> str:
    """Case-, accent- and punctuation-insensitive form of a name; a leading article is dropped."""
    text = unicodedata.normalize("NFKD", name)
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).casefold()
    text = re.sub(r"[\W_]+", " ", text).strip()
    text = re.sub(r"^the ", "", text)
    return text


def canonical_key(entity: Entity) -> str:
    """The cross-document identity of an entity (see module docstring for the order of evidence)."""
    ext = entity.external_ids or {}
    if entity.type == "Group":
        # an unnamed group ("the police") is one only within its report: never merged by its noun
        return f"group:{entity.id}"
    if ext.get("canonical"):
        return f"canonical:{ext['canonical']}"
    if ext.get("dictionary"):
        return f"dictionary:{ext['dictionary']}"
    if entity.place is not None and entity.place.resolved and entity.place.geonameid:
        return f"geonames:{entity.place.geonameid}"
    return f"name:{entity.type.lower()}:{normalise_name(entity.name) or entity.id}"


def span_text(doc: Document, spans: Iterable[tuple[int, int]]) -> list[str]:
    return [doc.text[s:e] for s, e in spans]


@dataclass
class Actor:
    """An entity merged across documents. ``name`` is the most frequent canonical name."""

    key: str
    type: str
    name: str
    kind: str | None = None
    aliases: list[str] = field(default_factory=list)
    titles: list[str] = field(default_factory=list)
    descriptions: list[str] = field(default_factory=list)
    entity_ids: list[str] = field(default_factory=list)
    doc_ids: list[str] = field(default_factory=list)
    mention_count: int = 0
    place: Place | None = None
    external_ids: dict[str, str] = field(default_factory=dict)

    @property
    def is_actor(self) -> bool:
        return self.type in ACTOR_TYPES


@dataclass
class Speaker:
    """One link of a rendered attribution chain."""

    text: str
    key: str | None  # canonical key when the speaker is a known entity


@dataclass
class ClaimView:
    """A claim with everything an export needs to spell it out, resolved once."""

    claim: Claim
    document: Document
    attribution: Attribution | None
    chain: list[Speaker]
    source_key: str
    keys: dict[str, str]  # per-document entity id -> canonical key, for this claim's document
    #: ids of the claims that contradict this one (its document's contradictions, either side)
    contradicted_by: list[str] = field(default_factory=list)

    @property
    def id(self) -> str:
        return self.claim.id

    @property
    def modality(self) -> str:
        return self.claim.modality

    @property
    def evidence_texts(self) -> list[str]:
        return span_text(self.document, self.claim.evidence)

    @property
    def evidence(self) -> str:
        return " … ".join(t.strip() for t in self.evidence_texts)

    @property
    def chain_text(self) -> str:
        """Outermost first, e.g. ``Outlet > a source close to the group``."""
        return " > ".join(s.text for s in self.chain)

    def key(self, entity_id: str | None) -> str | None:
        if entity_id is None:
            return None
        return self.keys.get(entity_id)

    @property
    def subject_key(self) -> str | None:
        return self.key(self.claim.subject)

    @property
    def object_key(self) -> str | None:
        return self.key(self.claim.object)

    @property
    def source_keys(self) -> list[str]:
        return [k for k in (self.key(e) for e in self.claim.sources) if k]

    @property
    def target_keys(self) -> list[str]:
        return [k for k in (self.key(e) for e in self.claim.targets) if k]

    @property
    def location_key(self) -> str | None:
        return self.key(self.claim.location)

    @property
    def origin_key(self) -> str | None:
        """Where a RELOCATE event starts from."""
        return self.key(self.claim.origin)

    @property
    def date_text(self) -> str:
        return date_label(self.claim.date)


def date_label(date: DateInterval | None) -> str:
    """A date as precise as it is known: ``2022-04``, ``after 2021-08``, ``2019/2021`` or ``''``."""
    if date is None:
        return ""
    if date.value:
        return date.value
    if date.after and date.before:
        return f"{date.after}/{date.before}"
    if date.after:
        return f"after {date.after}"
    if date.before:
        return f"before {date.before}"
    return ""


def date_precision(date: DateInterval | None) -> str:
    """``day``/``month``/``year`` for a stated date, ``interval`` for bounds only, ``''`` when undated."""
    if date is None:
        return ""
    if date.value:
        return date.precision or {4: "year", 7: "month", 10: "day"}.get(len(date.value), "")
    if date.after or date.before:
        return "interval"
    return ""


def _speaker_key(keys: dict[str, str], entity_id: str | None) -> str | None:
    return keys.get(entity_id) if entity_id else None


def source_key(extraction: Extraction, attribution: Attribution | None, keys: dict[str, str]) -> str:
    """Who originates the claim, for counting independent sources (see module docstring)."""
    doc = extraction.document
    if attribution is None or not attribution.chain:
        return f"outlet:{normalise_name(doc.outlet) if doc.outlet else doc.id}"
    inner = attribution.chain[-1]
    if len(attribution.chain) == 1:  # the outlet in its own voice, whether or not it is also an entity
        if not doc.outlet:  # an unknown outlet ("the outlet"): not known to be another document's
            return f"outlet:{doc.id}"
        return f"outlet:{normalise_name(inner.text) or doc.id}"
    key = _speaker_key(keys, inner.entity_id)
    if key:
        return f"speaker:{key}"
    return f"anonymous:{doc.id}:{normalise_name(inner.text)}"


def _render_chain(extraction: Extraction, attribution: Attribution | None, keys: dict[str, str]) -> list[Speaker]:
    doc = extraction.document
    if attribution is None or not attribution.chain:
        outlet = doc.outlet or doc.title or doc.path or doc.id
        return [Speaker(text=outlet, key=None)]
    return [Speaker(text=s.text, key=_speaker_key(keys, s.entity_id)) for s in attribution.chain]


@dataclass
class Corpus:
    """Documents, merged actors and claim views, in input order (deterministic for a given input)."""

    documents: list[Document] = field(default_factory=list)
    actors: dict[str, Actor] = field(default_factory=dict)
    claims: list[ClaimView] = field(default_factory=list)
    #: the entities of each document as extracted (surface names, per-document ids)
    doc_entities: dict[str, list[Entity]] = field(default_factory=dict)
    #: the claim views of each document, in order
    doc_claims: dict[str, list[ClaimView]] = field(default_factory=dict)

    @property
    def events(self) -> list[ClaimView]:
        return [c for c in self.claims if c.claim.kind == "event"]

    @property
    def relations(self) -> list[ClaimView]:
        return [c for c in self.claims if c.claim.kind == "relation"]

    def actor(self, key: str | None) -> Actor | None:
        return self.actors.get(key) if key else None

    def claims_of(self, doc_id: str) -> list[ClaimView]:
        return self.doc_claims.get(doc_id, [])


def _merge_entity(actors: dict[str, Actor], names: dict[str, Counter[str]], key: str, e: Entity, doc_id: str) -> None:
    actor = actors.get(key)
    if actor is None:
        actor = actors[key] = Actor(key=key, type=e.type, name=e.name)
        names[key] = Counter()
    names[key][e.name] += 1
    actor.kind = actor.kind or e.kind
    for alias in [e.name, *e.aliases]:
        if alias and alias not in actor.aliases:
            actor.aliases.append(alias)
    for title in e.titles:
        if title not in actor.titles:
            actor.titles.append(title)
    for d in e.descriptions:
        if d.text not in actor.descriptions:
            actor.descriptions.append(d.text)
    actor.entity_ids.append(e.id)
    if doc_id not in actor.doc_ids:
        actor.doc_ids.append(doc_id)
    actor.mention_count += len(e.mentions)
    if e.place is not None and (actor.place is None or (e.place.resolved and not actor.place.resolved)):
        actor.place = e.place
    for k, v in (e.external_ids or {}).items():
        actor.external_ids.setdefault(k, v)


def build_corpus(extractions: Iterable[Extraction]) -> Corpus:
    """Merge Extractions into one Corpus. A document seen twice (same id) is taken once."""
    corpus = Corpus()
    names: dict[str, Counter[str]] = {}
    seen: set[str] = set()
    for x in extractions:
        doc = x.document
        if doc.id in seen:
            continue
        seen.add(doc.id)
        corpus.documents.append(doc)
        corpus.doc_entities[doc.id] = list(x.entities)
        keys: dict[str, str] = {}
        for e in x.entities:
            key = canonical_key(e)
            keys[e.id] = key
            _merge_entity(corpus.actors, names, key, e, doc.id)
        opposed: dict[str, list[str]] = {}
        for k in x.contradictions:
            for side, other in ((k.claims_for, k.claims_against), (k.claims_against, k.claims_for)):
                for cid in side:
                    against = opposed.setdefault(cid, [])
                    against.extend(o for o in dict.fromkeys(other) if o not in against)
        atts = {a.id: a for a in x.attributions}
        views = corpus.doc_claims.setdefault(doc.id, [])
        for c in x.claims:
            att = atts.get(c.attribution or "")
            views.append(
                ClaimView(
                    claim=c,
                    document=doc,
                    attribution=att,
                    chain=_render_chain(x, att, keys),
                    source_key=source_key(x, att, keys),
                    keys=keys,
                    contradicted_by=opposed.get(c.id, []),
                )
            )
        corpus.claims.extend(views)
    for key, counter in names.items():
        # most frequent name; ties go to the longer (fuller) form, then alphabetical, for determinism
        corpus.actors[key].name = sorted(counter.items(), key=lambda kv: (-kv[1], -len(kv[0]), kv[0]))[0][0]
    return corpus


def country_name(code: str | None) -> str:
    """English short name for an ISO 3166-1 alpha-2 code (the code itself if pycountry does not know it)."""
    if not code:
        return ""
    import pycountry

    found = pycountry.countries.get(alpha_2=code.upper())
    return found.name if found is not None else code


def country_alpha3(code: str | None) -> str:
    """ISO 3166-1 alpha-3 for an alpha-2 code, or ``''``."""
    if not code:
        return ""
    import pycountry

    found = pycountry.countries.get(alpha_2=code.upper())
    return found.alpha_3 if found is not None else ""


_LINE_BREAKS = {"\u2028": "\\u2028", "\u2029": "\\u2029", "\x85": "\\u0085"}


def jsonl_line(obj: object) -> str:
    """One JSON Lines record, UTF-8 readable, that no line splitter can break.

    ``json.dumps(ensure_ascii=False)`` leaves U+2028, U+2029 and U+0085 raw, and
    ``str.splitlines`` (and some JSON Lines readers) split on them; they are escaped.
    """
    text = json.dumps(obj, ensure_ascii=False, sort_keys=False)
    for raw, escaped in _LINE_BREAKS.items():
        text = text.replace(raw, escaped)
    return text + "\n"
