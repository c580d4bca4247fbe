"""Cross-document corroboration: the same fact stated in many reports, grouped and counted.

Claims are never rewritten: a :class:`FactGroup` is a decision *about* claims
(which of them state the same fact), rebuilt from the stored claims whenever
they change, like canonical ids are rebuilt from judgements.

Which claims state the same fact:

* **relations** — the same canonical subject, predicate and canonical object
  (``allied_with`` is symmetric, so its ends are put in a fixed order), across
  documents only when both ends are named (see below);
* **events** — the same PLOVER type, actors that overlap (source sets overlap
  when both are known, target sets likewise, and at least one actor is shared in
  the same role; for the joint types of ``data/crossdoc.yaml`` — AGREE, CONSULT,
  COOPERATE — the parties may be named in either role, but the parties one
  report names must all be among the other's),
  dates that are compatible (each date is the interval its precision allows:
  "April 2022" is 1–30 April and overlaps "2022-04-12"; an undated claim
  fits any date, but what a report asserts, alleges or denies happened before
  its publication) and places that are compatible (the same canonical place, or
  one known to contain the other: a stated parent place, or a resolved country
  or province holding the other place; an unknown place fits any). Across
  documents an event is only recognised when both reports state a date, or both
  a place, and a shared actor is named (a dictionary actor, or a name not all in
  lower case: "police" in two reports are not known to be the same police). An
  event joins the first group whose every member it is compatible with, so a
  group never holds two claims that disagree on date or place.

Each group counts its claims, documents and **independent sources**: the
innermost speakers of the claims' attribution chains, by
:func:`claimgraph.export.common.source_key` (the rule exports use): a named
speaker by canonical identity — the same official quoted by two outlets is one
source — an unnamed speaker per document, an outlet in its own voice by outlet.

A group with claims on both sides — asserted or alleged, and denied — is
**contested**; each side keeps its claims, evidence and attribution.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from claimgraph.data import load_yaml
from claimgraph.export.common import ClaimView, Corpus, build_corpus, date_label
from claimgraph.model import SYMMETRIC_PREDICATES, DateInterval, Extraction, stable_id

_RULES = load_yaml("crossdoc.yaml")
#: modalities that state the fact happened / holds, and those that say it did not
SUPPORTING = frozenset(_RULES["supporting_modalities"])
OPPOSING = frozenset(_RULES["opposing_modalities"])
#: joint PLOVER categories: the parties may be named in either role
RECIPROCAL = frozenset(_RULES["reciprocal_event_types"])

_OPEN_START = "0000-01-01"
_OPEN_END = "9999-12-31"
_COUNTRY_FEATURES = frozenset({"country"})
_PROVINCE_FEATURES = frozenset({"province"})


def side(modality: str) -> str:
    """``for`` (asserted, alleged), ``against`` (denied) or ``other`` (requested, promised, hypothetical)."""
    if modality in SUPPORTING:
        return "for"
    if modality in OPPOSING:
        return "against"
    return "other"


def _lower(value: str) -> str:
    return value + "-01-01"[len(value) - 4:] if len(value) < 10 else value[:10]


def _upper(value: str) -> str:
    if len(value) >= 10:
        return value[:10]
    if len(value) == 7:
        return value + "-31"  # compared as text only: "-31" closes any month
    return value[:4] + "-12-31"


def interval(date: DateInterval | None) -> tuple[str, str] | None:
    """The days a date may stand for, as ISO text ``(first, last)``; None when undated.

    A stated date spans its precision (``2022-04`` → 2022-04-01 … 2022-04-31 as
    text); ``after``/``before`` bounds are open on their other side.
    """
    if date is None:
        return None
    if date.value:
        return _lower(date.value), _upper(date.value)
    if date.after or date.before:
        return (_lower(date.after) if date.after else _OPEN_START, _upper(date.before) if date.before else _OPEN_END)
    return None


def overlaps(a: tuple[str, str] | None, b: tuple[str, str] | None) -> bool:
    if a is None or b is None:
        return True
    return a[0] <= b[1] and b[0] <= a[1]


@dataclass(eq=False)
class FactGroup:
    """Claims from one or more documents that state the same fact."""

    kind: str
    predicate: str
    key: str
    claims: list[ClaimView] = field(default_factory=list)
    subject: str | None = None
    object: str | None = None
    sources: list[str] = field(default_factory=list)
    targets: list[str] = field(default_factory=list)
    location: str | None = None

    @property
    def id(self) -> str:
        """Deterministic for the same member claims (a derived record, rebuilt with the claims)."""
        return stable_id("fct_", sorted(v.id for v in self.claims))

    @property
    def documents(self) -> list[str]:
        return list(dict.fromkeys(v.document.id for v in self.claims))

    @property
    def source_keys(self) -> list[str]:
        return list(dict.fromkeys(v.source_key for v in self.claims))

    def side_claims(self, which: str) -> list[ClaimView]:
        return [v for v in self.claims if side(v.modality) == which]

    def side_sources(self, which: str) -> list[str]:
        return list(dict.fromkeys(v.source_key for v in self.side_claims(which)))

    @property
    def contested(self) -> bool:
        return bool(self.side_claims("for")) and bool(self.side_claims("against"))

    @property
    def modalities(self) -> dict[str, int]:
        return dict(sorted(Counter(v.modality for v in self.claims).items()))

    @property
    def date_range(self) -> tuple[str, str] | None:
        """The days every dated member allows (an event's members overlap pairwise, so they share some);
        for a relation, whose members' dates are not compared, the whole span they cover when they
        share none. None when no member is dated."""
        spans = [s for s in (interval(v.claim.date) for v in self.claims) if s is not None]
        if not spans:
            return None
        start, end = max(s[0] for s in spans), min(s[1] for s in spans)
        if start > end:
            return min(s[0] for s in spans), max(s[1] for s in spans)
        return start, end

    @property
    def date_labels(self) -> list[str]:
        return list(dict.fromkeys(d for d in (date_label(v.claim.date) for v in self.claims) if d))


# --------------------------------------------------------------------------- places


@dataclass
class _Places:
    """What is known about canonical places: stated parents and gazetteer facts."""

    parents: dict[str, set[str]] = field(default_factory=dict)
    info: dict[str, tuple[str | None, str | None, str | None]] = field(default_factory=dict)  # feature, country, admin1

    def ancestors(self, key: str) -> set[str]:
        seen: set[str] = set()
        todo = [key]
        while todo:
            for parent in self.parents.get(todo.pop(), ()):
                if parent not in seen:
                    seen.add(parent)
                    todo.append(parent)
        return seen

    def contains(self, outer: str, inner: str) -> bool:
        if outer in self.ancestors(inner):
            return True
        o, i = self.info.get(outer), self.info.get(inner)
        if o is None or i is None or not o[1] or o[1] != i[1]:
            return False
        if o[0] in _COUNTRY_FEATURES:
            return i[0] not in _COUNTRY_FEATURES
        if o[0] in _PROVINCE_FEATURES and o[2]:
            return i[2] == o[2] and i[0] not in _COUNTRY_FEATURES | _PROVINCE_FEATURES
        return False

    def compatible(self, a: str | None, b: str | None) -> bool:
        return a is None or b is None or a == b or self.contains(a, b) or self.contains(b, a)


def _places(corpus: Corpus) -> _Places:
    from claimgraph.export.common import canonical_key

    out = _Places()
    for entities in corpus.doc_entities.values():
        keys = {e.id: canonical_key(e) for e in entities}
        for e in entities:
            p = e.place
            if p is None:
                continue
            if p.parent and p.parent in keys and keys[p.parent] != keys[e.id]:
                out.parents.setdefault(keys[e.id], set()).add(keys[p.parent])
            if p.resolved and (p.country or p.feature):
                out.info.setdefault(keys[e.id], (p.feature, p.country, p.admin1))
    return out


# --------------------------------------------------------------------------- grouping


def _relation_key(v: ClaimView) -> tuple[str, str, str] | None:
    s, o = v.subject_key, v.object_key
    if not s or not o:
        return None
    if v.claim.predicate in SYMMETRIC_PREDICATES:
        s, o = sorted((s, o))
    return s, v.claim.predicate, o


def _overlap_if_both(a: frozenset[str], b: frozenset[str]) -> bool:
    return not a or not b or bool(a & b)


@dataclass(frozen=True)
class _Sig:
    """What event matching compares, computed once per claim."""

    predicate: str
    sources: frozenset[str]
    targets: frozenset[str]
    span: tuple[str, str] | None
    location: str | None
    doc: str = ""
    dated: bool = False  # the text states a date (``span`` may also be bounded by the publication date)
    named: frozenset[str] = frozenset()  # its actors that are named, so can be recognised in another report

    @classmethod
    def of(cls, v: ClaimView, named: frozenset[str] | set[str] | None = None) -> _Sig:
        stated = interval(v.claim.date)
        span = stated
        if span is None and v.document.published and v.modality in SUPPORTING | OPPOSING:
            span = (_OPEN_START, _upper(v.document.published))  # what a report says happened, happened before it
        actors = set(v.source_keys) | set(v.target_keys)
        return cls(v.claim.predicate, frozenset(v.source_keys), frozenset(v.target_keys), span, v.location_key,
                   v.document.id, stated is not None, frozenset(actors if named is None else actors & named))


def _compatible(a: _Sig, b: _Sig, places: _Places) -> bool:
    if a.predicate != b.predicate:
        return False
    if a.predicate in RECIPROCAL:
        pa, pb = a.sources | a.targets, b.sources | b.targets
        if not pa or not pb or not (pa <= pb or pb <= pa):
            return False  # the parties of one report are among the other's: "A agreed" fits "A and B agreed"
        shared = pa & pb
    else:
        shared = (a.sources & b.sources) | (a.targets & b.targets)
        if not shared:
            return False  # an actor shared in the same role: "Russia attacked" is not "an attack on Russia"
        if not _overlap_if_both(a.sources, b.sources) or not _overlap_if_both(a.targets, b.targets):
            return False
    if a.doc != b.doc:
        if not (a.dated and b.dated) and not (a.location and b.location):
            return False  # across reports, an event is recognised by a stated date or place in both
        if not shared & a.named:
            return False  # "police" or "civilians" in two reports are not known to be the same people
    return overlaps(a.span, b.span) and places.compatible(a.location, b.location)


def _named_actors(corpus: Corpus) -> set[str]:
    """Actors with a name, not a common noun: a dictionary match, or a name not written all in lower case."""
    return {k for k, a in corpus.actors.items()
            if a.external_ids.get("dictionary") or a.name != a.name.lower() or a.name == a.name.upper()}


def same_event(a: ClaimView, b: ClaimView, places: _Places | None = None) -> bool:
    """True when two event claims can be the same event (see the module docstring)."""
    return _compatible(_Sig.of(a), _Sig.of(b), places or _Places())


def _narrow(span: tuple[str, str] | None, other: tuple[str, str] | None) -> tuple[str, str] | None:
    if span is None or other is None:
        return span or other
    return max(span[0], other[0]), min(span[1], other[1])


def group_claims(corpus: Corpus) -> list[FactGroup]:
    """Every claim of ``corpus`` in exactly one group, in the corpus's order (deterministic)."""
    places = _places(corpus)
    named = _named_actors(corpus)
    groups: list[FactGroup] = []
    relations: dict[tuple[str, ...], FactGroup] = {}
    by_actor: dict[tuple[str, str], list[FactGroup]] = {}
    members: dict[int, list[_Sig]] = {}
    # days every member allows: intervals that overlap pairwise share a common part (Helly, in one
    # dimension), so a claim overlaps every member exactly when it overlaps this
    spans: dict[int, tuple[str, str] | None] = {}
    for v in corpus.claims:
        c = v.claim
        if c.kind == "relation":
            key = _relation_key(v)
            # a common noun at either end ("the militants"): the same words in two reports are not one actor
            lookup = key if not key or {key[0], key[2]} <= named else (*key, v.document.id)
            group = relations.get(lookup) if lookup else None
            if group is None:
                s, p, o = key if key else (v.subject_key, c.predicate, v.object_key)
                group = FactGroup("relation", c.predicate, " ".join(x or "?" for x in (s, p, o)) if key else c.id,
                                  subject=s, object=o)
                groups.append(group)
                if lookup:
                    relations[lookup] = group
            group.claims.append(v)
            continue
        sig = _Sig.of(v, named)
        actors = list(dict.fromkeys(v.source_keys + v.target_keys))
        candidates = list(dict.fromkeys(g for a in actors for g in by_actor.get((c.predicate, a), [])))
        group = next((g for g in candidates if overlaps(sig.span, spans[id(g)])
                      and all(_compatible(sig, m, places) for m in members[id(g)])), None)
        if group is None:
            group = FactGroup("event", c.predicate, c.id)
            groups.append(group)
            members[id(group)], spans[id(group)] = [], None
        group.claims.append(v)
        members[id(group)].append(sig)
        spans[id(group)] = _narrow(spans[id(group)], sig.span)
        for a in actors:
            bucket = by_actor.setdefault((c.predicate, a), [])
            if group not in bucket:
                bucket.append(group)
    for g in groups:
        if g.kind == "event":
            _summarise_event(g)
    return groups


def _summarise_event(g: FactGroup) -> None:
    g.sources = list(dict.fromkeys(k for v in g.claims for k in v.source_keys))
    g.targets = list(dict.fromkeys(k for v in g.claims for k in v.target_keys))
    locations = [v.location_key for v in g.claims if v.location_key]
    g.location = locations[0] if locations else None
    g.key = " ".join([g.predicate, ",".join(sorted(g.sources)) or "?", ",".join(sorted(g.targets)) or "?"])


def corroborate(extractions: Iterable[Extraction]) -> tuple[Corpus, list[FactGroup]]:
    """Merge Extractions (canonical ids attached when they come from the store) and group their claims."""
    corpus = build_corpus(extractions)
    return corpus, group_claims(corpus)


# --------------------------------------------------------------------------- plain records


def store_id(key: str | None) -> str | None:
    """The store's canonical id inside an export key (``canonical:can_…``), else the key itself."""
    if key and key.startswith("canonical:"):
        return key[len("canonical:"):]
    return key


def _actor(corpus: Corpus, key: str | None) -> dict[str, Any] | None:
    if not key:
        return None
    actor = corpus.actor(key)
    return {"id": store_id(key), "name": actor.name if actor else key, "type": actor.type if actor else None}


def source_label(v: ClaimView) -> str:
    """Who the source is, for people: the innermost speaker, with the outlet when that is not the speaker."""
    doc = v.document
    outlet = doc.outlet
    if len(v.chain) <= 1:  # the report in its own voice: its outlet, else the report itself
        return outlet or doc.title or (doc.path or "").rsplit("/", 1)[-1] or doc.id
    inner = v.chain[-1].text
    return inner if not outlet or outlet == inner else f"{inner} (via {outlet})"


def group_record(corpus: Corpus, g: FactGroup) -> dict[str, Any]:
    """A JSON-ready summary of a group: what is stated, by how many, and who says so on each side."""
    span = g.date_range
    label_actors = {
        "subject": _actor(corpus, g.subject), "object": _actor(corpus, g.object),
        "sources": [_actor(corpus, k) for k in g.sources], "targets": [_actor(corpus, k) for k in g.targets],
        "location": _actor(corpus, g.location),
    }
    return {
        "id": g.id, "kind": g.kind, "predicate": g.predicate, "key": g.key, "label": fact_label(g.kind, g.predicate,
                                                                                                  label_actors),
        **label_actors,
        "date_start": span[0] if span else None, "date_end": span[1] if span else None, "dates": g.date_labels,
        "n_claims": len(g.claims), "n_documents": len(g.documents), "n_sources": len(g.source_keys),
        "n_sources_for": len(g.side_sources("for")), "n_sources_against": len(g.side_sources("against")),
        "modalities": g.modalities, "contested": g.contested,
        "claims": [
            {"claim_id": v.id, "doc_id": v.document.id, "side": side(v.modality), "modality": v.modality,
             "source_key": v.source_key, "source": source_label(v)}
            for v in g.claims
        ],
    }


def fact_label(kind: str, predicate: str, a: dict[str, Any]) -> str:
    def name(x: dict[str, Any] | None) -> str:
        return x["name"] if x else "?"

    if kind == "relation":
        return f"{name(a['subject'])} {predicate} {name(a['object'])}"
    text = f"{', '.join(name(x) for x in a['sources']) or '?'} {predicate}"
    if a["targets"]:
        text += " " + ", ".join(name(x) for x in a["targets"])
    if a["location"]:
        text += f" in {name(a['location'])}"
    return text
