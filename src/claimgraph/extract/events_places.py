"""Where an event happened, and which text is its evidence.

The first place in an "in/at/near" phrase of the trigger or its arguments; RELOCATE takes
"to" as its location and "from" as its origin. Coordinated verbs share a place. Also the
"after the death of X" date bound from related events of the same document.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from claimgraph.data import load_yaml
from claimgraph.extract.context import DocContext
from claimgraph.extract.agents import country_code
from claimgraph.extract.dates import AFTER_WORDS, BEFORE_WORDS
from claimgraph.extract.events_lexicon import Trigger
from claimgraph.extract.events_triggers import CONTENT_TAKING
from claimgraph.extract.syntax import Actors, char_span, conjuncts, places_of, subject_of
from claimgraph.model import Claim, DateInterval

if TYPE_CHECKING:
    from spacy.tokens import Token

_PLACE_PREPS = ("in", "at", "near", "across", "inside", "outside", "around", "throughout")
#: definite place nouns that name the town or province just mentioned ("across the city")
_TOWN_NOUNS = frozenset({"city", "town", "village", "province", "district", "region"})


def is_town(actors: Actors, entity_id: str) -> bool:
    """Is the entity a place below the level of a country (a town, a province, a district)?"""
    if actors.type_of(entity_id) != "Location":
        return False
    e = actors.ctx.entity(entity_id)
    if e is None or e.kind == "country":
        return False
    return country_code(e.name) is None


class EventPlaces:
    """Place attachment for event triggers."""

    def __init__(self, actors: Actors):
        self.actors = actors

    def places(self, trigger: Token, trig: Trigger) -> tuple[str | None, str | None]:
        """(location, origin) entity ids."""
        if trig.type == "RELOCATE":
            to = self._prep_places(trigger, ("to", "into", "towards", "toward"))
            frm = self._prep_places(trigger, ("from",))
            if to is None:
                to = self._prep_places(trigger, ("in", "at")) if trigger.lemma_.lower() == "arrive" else None
            return to, frm
        loc = self._prep_places(trigger, _PLACE_PREPS)
        if loc is None:
            loc = self.shared_place(trigger)
        if loc is None:
            for c in trigger.children:
                if c.dep_ in ("dobj", "nsubjpass") or (c.dep_ == "prep" and c.lower_ in ("with", "on", "against")) \
                        or (c.dep_ == "prep" and c.lower_ == "of" and trigger.pos_ == "NOUN"):
                    # "the arrest of five people in Irbil": where the one acted on was
                    arg = c if c.dep_ != "prep" else next((p for p in c.children if p.dep_ == "pobj"), None)
                    if arg is not None:
                        for a in (arg, *conjuncts(arg)):
                            loc = self._prep_places(a, _PLACE_PREPS)
                            if loc:
                                break
                if loc:
                    break
        if loc is None and trigger.pos_ == "NOUN":
            # "the Kharkiv attack": a town before the event names its place
            for c in trigger.children:
                if c.dep_ in ("compound", "nmod") and c.i < trigger.i:
                    e = self.actors.at(c)
                    if e and is_town(self.actors, e):
                        loc = e
        return loc, None

    def content_place(self, trigger: Token, trig: Trigger) -> str | None:
        """The place of a threatened, promised or requested action ("threatened to ban voting in East
        Jerusalem", "agreed to postpone the rally in Baku"): the place acted upon, not where the
        threat was made, so it can only stand for the event's target."""
        if trig.type not in CONTENT_TAKING or trigger.pos_ not in ("VERB", "ADJ"):
            return None
        for c in trigger.children:
            if c.dep_ == "xcomp":
                for a in (c, *(o for o in c.children if o.dep_ == "dobj")):
                    loc = self._prep_places(a, _PLACE_PREPS)
                    if loc:
                        return loc
        return None

    def shared_place(self, trigger: Token) -> str | None:
        """"killed two insurgents and detained three in Nad Ali": coordinated verbs share the place."""
        if trigger.pos_ != "VERB":
            return None
        sibs = [c for c in trigger.children if c.dep_ == "conj" and c.pos_ == "VERB"]
        if trigger.dep_ == "conj" and trigger.head.pos_ == "VERB":
            sibs.append(trigger.head)
        for v in sibs:
            loc = self._prep_places(v, _PLACE_PREPS)
            if loc:
                return loc
        return None

    def _prep_places(self, tok: Token, words: tuple[str, ...]) -> str | None:
        for c in tok.children:
            if c.dep_ == "prep" and c.lower_ in words:
                for p in c.children:
                    if p.dep_ == "pobj":
                        found = places_of(self.actors, p)
                        if len(found) > 1 and words[0] in ("to",):
                            return ""
                        if found:
                            return found[0]
                        if p.lemma_.lower() in _TOWN_NOUNS and [d.lower_ for d in p.children] in (["the"], ["the", "same"]):
                            # "bombs went off across the city": the town just named
                            town = self.actors.town_before(p)
                            if town:
                                return town
        return None


def evidence(trigger: Token) -> tuple[int, int]:
    """The event's evidence span: a nominal event's phrase, or a verb with its subject and its
    arguments to the right, kept inside the sentence (never the coordinated or reported clauses)."""
    doc = trigger.doc
    if trigger.pos_ == "NOUN":
        return char_span(doc, trigger.left_edge.i, trigger.right_edge.i + 1)
    subj = subject_of(trigger)
    lo = trigger.i
    if subj is not None and subj.sent.start == trigger.sent.start:
        lo = min(lo, subj.left_edge.i if subj.i < trigger.i else lo)
    lo = max(lo, trigger.sent.start)
    hi = trigger.i + 1
    for c in trigger.children:
        if c.i > trigger.i and c.dep_ not in ("conj", "cc", "punct", "advcl", "parataxis", "ccomp"):
            hi = max(hi, c.right_edge.i + 1)
    return char_span(doc, lo, min(hi, trigger.sent.end))


def date_from_related_events(ctx: DocContext, claims: list[Claim]) -> None:
    """"After the death of X, …": when the document itself dates an event against X
    ("X was killed on 31 July 2022"), an undated event placed after/before it gets that bound."""
    fate = frozenset(load_yaml("events.episodes.yaml")["fate_nouns"])
    dated: dict[str, str] = {}
    for c in sorted(claims, key=lambda c: c.trigger or (0, 0)):
        if c.date is not None and c.date.value and c.predicate in ("ASSAULT", "COERCE", "RETREAT"):
            for t in c.targets:
                dated.setdefault(t, c.date.value)
    if not dated:
        return
    actors = Actors.build(ctx)
    by_start = {t.idx: t for t in ctx.sdoc}
    for c in claims:
        tok = by_start.get(c.trigger[0]) if c.trigger else None
        if c.date is not None or tok is None:
            continue
        hosts = [tok, tok.head] if tok.dep_ == "conj" else [tok]  # "After X, A appointed … and attacked …"
        for prep in (p for h in hosts for p in h.children):
            word = prep.lower_
            if prep.dep_ != "prep" or word not in AFTER_WORDS | BEFORE_WORDS:
                continue
            for noun in (p for p in prep.children if p.dep_ == "pobj" and p.lemma_.lower() in fate):
                for of in (x for x in noun.children if x.dep_ == "prep" and x.lower_ == "of"):
                    for who in (x for x in of.children if x.dep_ == "pobj"):
                        known = [dated[e] for e in actors.of_np(who) if e in dated]
                        if known:
                            bound = "after" if word in AFTER_WORDS else "before"
                            span = (prep.idx, noun.right_edge.idx + len(noun.right_edge.text))
                            c.date = DateInterval(**{bound: known[0]}, text=ctx.document.text[span[0]:span[1]],
                                                  span=span)
