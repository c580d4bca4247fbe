"""Cross-document corroboration: the same fact stated in many reports, grouped and counted.

Claims are never rewritten: a :class:`FactGroup` is a decision *about* claims
(which of them state the same fact, and why each joined: ``FactGroup.reasons``),
rebuilt from the stored claims whenever they change, like canonical ids are
rebuilt from judgements.

Which claims state the same fact:

* **relations** — the same canonical subject, predicate and canonical object
  (``allied_with`` is symmetric, so its ends are put in a fixed order), across
  documents only when both ends are named (see below);
* **events** — the same PLOVER type, and nothing stated that differs, checked against every
  member of the group (:func:`claimgraph.resolve.crossdoc_match.conflict`): trigger words that
  are the same word or lexicon synonyms when both claims have one ("arrested" … "the arrest" …
  "detained"; "killed" is not "wounded", :mod:`claimgraph.resolve.crossdoc_triggers`); sources
  that overlap when both are known, targets likewise (across reports only named actors can
  differ: "police" here and "police" there are not known to be other police, and a collective
  is one only within its report; a place named as the target, "struck Kharkiv", is compared as
  a place with the other's target places and location, so it fits "struck a hospital in
  Kharkiv"); for the joint types
  of ``data/crossdoc.yaml`` — AGREE, CONSULT, COOPERATE — the parties may be named in either role,
  but the parties one report names must all be among the other's; dates that are compatible
  (each date is the interval its precision allows: "April 2022" is 1–30 April and overlaps
  "2022-04-12"; an undated claim fits any date, but what a report asserts, alleges or denies
  happened before its publication) and places that are compatible (the same canonical place, or
  one known to contain the other: a stated parent place, or a resolved country or province
  holding the other place; an unknown place fits any); within a report, the same number of
  people killed, captured… when both state one. So one report's two attacks on two places, two
  targets or two days stay two facts.

  And evidence that it is the same event, with at least one member
  (:func:`claimgraph.resolve.crossdoc_match.anchor`), kept as the claim's ``reason``: within a
  report the same trigger word, else an actor shared in the same role (a synonym alone is not
  enough: "an attack" … "shot dead by police"); a claim without a trigger is compared by its
  actors, dates and places only, as before; across
  reports something *informative* — a named actor (a dictionary actor, or a name not all in
  lower case) shared in the same role with a date of at most a month stated in both or a place
  stated in both; or, when the trigger words agree, a named person shared in the same role (a
  surname alone stands for the one person of the corpus whose full name ends in it), or the same
  day and place stated in both. Two undated, placeless "Taliban attacked" reports stay two facts.

  A claim joins the first group it fits, its own report's groups first; then a group of two or
  more claims joins an earlier one when all their members fit and one pair is anchored (a
  headline "Arrested" opens a group before the sentence naming who was arrested joins it, and
  only then can it be recognised in another report). So a group never holds two claims that
  disagree on date or place. Cost: each claim is compared with the groups that share its report,
  an actor or its place — quadratic in the claims about one actor, as before.

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
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from claimgraph.export.common import ClaimView, Corpus, build_corpus, date_label
from claimgraph.model import SYMMETRIC_PREDICATES, Extraction, stable_id
from claimgraph.resolve.crossdoc_match import (
    OPPOSING,
    RECIPROCAL,
    SUPPORTING,
    Places,
    Sig,
    anchor,
    conflict,
    interval,
    overlaps,
    person_aliases,
    places_of,
)

__all__ = ["OPPOSING", "RECIPROCAL", "SUPPORTING", "FactGroup", "corroborate", "fact_label", "group_claims",
           "group_record", "interval", "overlaps", "same_event", "side", "source_label", "store_id"]


def side(modality: str) -> str:
    """``for`` (asserted, alleged), ``against`` (denied) or ``other`` (requested, promised, hypothetical)."""
    if modality in SUPPORTING:
        return "for"
    if modality in OPPOSING:
        return "against"
    return "other"


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
    #: claim id -> why it belongs here (the decision, kept beside the claims, which are never rewritten)
    reasons: dict[str, str] = field(default_factory=dict)

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


# --------------------------------------------------------------------------- grouping


def _relation_key(v: ClaimView) -> tuple[str, str, str] | None:
    s, o = v.subject_key, v.object_key
    if not s or not o:
        return None
    if v.claim.predicate in SYMMETRIC_PREDICATES:
        s, o = sorted((s, o))
    return s, v.claim.predicate, o


def _named_actors(corpus: Corpus) -> set[str]:
    """Actors with a name, not a common noun: a dictionary match, or a name not written all in lower case."""
    return {k for k, a in corpus.actors.items()
            if a.external_ids.get("dictionary") or a.name != a.name.lower() or a.name == a.name.upper()}


def _persons(corpus: Corpus) -> set[str]:
    return {k for k, a in corpus.actors.items() if a.type == "Person"}


def same_event(a: ClaimView, b: ClaimView, places: Places | None = None) -> bool:
    """True when two event claims can be the same event (see the module docstring)."""
    sa, sb = Sig.of(a), Sig.of(b)
    return conflict(sa, sb, places or Places()) is None and anchor(sa, sb) is not None


def _narrow(span: tuple[str, str] | None, other: tuple[str, str] | None) -> tuple[str, str] | None:
    if span is None or other is None:
        return span or other
    return max(span[0], other[0]), min(span[1], other[1])


_FIRST = "first claim of the fact"


@dataclass
class _EventIndex:
    """Open event groups, found by what could anchor a claim to them: an actor, the report, a place."""

    places: Places
    name: Callable[[str], str]
    groups: list[FactGroup] = field(default_factory=list)
    members: dict[int, list[Sig]] = field(default_factory=dict)
    # days every member allows: intervals that overlap pairwise share a common part (Helly, in one
    # dimension), so a claim overlaps every member exactly when it overlaps this
    spans: dict[int, tuple[str, str] | None] = field(default_factory=dict)
    order: dict[int, int] = field(default_factory=dict)
    lookup: dict[tuple[str, str], list[FactGroup]] = field(default_factory=dict)

    @staticmethod
    def _keys(sig: Sig) -> list[tuple[str, str]]:
        keys = [(sig.predicate, "doc:" + sig.doc)]
        keys += [(sig.predicate, "actor:" + a) for a in sorted(sig.sources | sig.targets | sig.target_places)]
        if sig.location:
            keys.append((sig.predicate, "place:" + sig.location))
        return keys

    def place(self, v: ClaimView, sig: Sig) -> FactGroup:
        """The first group ``sig`` conflicts with no member of and is anchored to by one; else a new group."""
        found = {id(g): g for k in self._keys(sig) for g in self.lookup.get(k, [])}
        # the report's own groups first: within a report the evidence is stronger than across reports
        same_doc = {id(g) for g in self.lookup.get((sig.predicate, "doc:" + sig.doc), [])}
        for g in sorted(found.values(), key=lambda g: (id(g) not in same_doc, self.order[id(g)])):
            members = self.members[id(g)]
            if not overlaps(sig.span, self.spans[id(g)]):
                continue
            if any(conflict(sig, m, self.places) for m in members):
                continue
            reason = next((r for r in (anchor(sig, m, self.name) for m in members) if r), None)
            if reason:
                return self._add(g, v, sig, reason)
        g = FactGroup("event", v.claim.predicate, v.claim.id)
        self.order[id(g)] = len(self.groups)
        self.groups.append(g)
        self.members[id(g)], self.spans[id(g)] = [], None
        return self._add(g, v, sig, _FIRST)

    def settle(self) -> set[int]:
        """Fold a group into an earlier one it conflicts nowhere with and is anchored to; the ids of the folded.

        One pass over the claims decides on what is known so far: a report's headline ("Arrested")
        opens a group before the sentence that names who was arrested joins it, and only then
        can the group be recognised in another report.
        """
        folded: set[int] = set()
        for g in self.groups:
            sigs = self.members[id(g)]
            if len(sigs) < 2:
                continue  # a lone claim was compared with every earlier group when it was placed
            keys = {k for m in sigs for k in self._keys(m)}
            earlier = {id(e): e for k in keys for e in self.lookup.get(k, [])
                       if self.order[id(e)] < self.order[id(g)] and id(e) not in folded}
            for e in sorted(earlier.values(), key=lambda e: self.order[id(e)]):
                into = self.members[id(e)]
                if not overlaps(self.spans[id(g)], self.spans[id(e)]):
                    continue
                if any(conflict(a, b, self.places) for a in sigs for b in into):
                    continue
                reason = next((r for r in (anchor(a, b, self.name) for a in sigs for b in into) if r), None)
                if reason is None:
                    continue
                for v, sig in zip(g.claims, sigs):
                    first = g.reasons[v.id] == _FIRST
                    self._add(e, v, sig, reason if first else g.reasons[v.id])
                folded.add(id(g))
                break
        return folded

    def _add(self, g: FactGroup, v: ClaimView, sig: Sig, reason: str) -> FactGroup:
        g.claims.append(v)
        g.reasons[v.id] = reason
        self.members[id(g)].append(sig)
        self.spans[id(g)] = _narrow(self.spans[id(g)], sig.span)
        for k in self._keys(sig):
            bucket = self.lookup.setdefault(k, [])
            if g not in bucket:
                bucket.append(g)
        return g


def group_claims(corpus: Corpus) -> list[FactGroup]:
    """Every claim of ``corpus`` in exactly one group, in the corpus's order (deterministic)."""
    named = _named_actors(corpus)
    persons = _persons(corpus) & named
    aliases = person_aliases({k: corpus.actors[k].name for k in persons})
    place_keys = {k for k, a in corpus.actors.items() if a.type == "Location"}

    def name(key: str) -> str:
        actor = corpus.actor(key)
        return actor.name if actor else key

    events = _EventIndex(places_of(corpus), name)
    groups: list[FactGroup] = []
    relations: dict[tuple[str, ...], FactGroup] = {}
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
                group.reasons[v.id] = _FIRST
            else:
                group.reasons[v.id] = "same subject, predicate and object"
            group.claims.append(v)
            continue
        group = events.place(v, Sig.of(v, named, persons, aliases, place_keys))
        if len(group.claims) == 1:
            groups.append(group)
    folded = events.settle()
    groups = [g for g in groups if id(g) not in folded]
    position = {id(v): i for i, v in enumerate(corpus.claims)}
    for g in groups:
        if g.kind == "event":
            g.claims.sort(key=lambda v: position[id(v)])
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
             "source_key": v.source_key, "source": source_label(v), "reason": g.reasons.get(v.id, "")}
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
