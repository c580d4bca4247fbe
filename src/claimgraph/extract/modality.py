"""Modality: how a claim is put — asserted, denied, alleged, requested, promised, hypothetical.

A claim is anchored on a trigger token (the verb or noun that states it). Its
modality comes, in this order, from

1. the trigger itself when it is a speech act with its own modality
   ("asked them to stop" → requested, "denied the accusations" → denied);
2. its own negation ("was not used") → denied, or a modal ("could") → hypothetical;
3. the nearest governing verb or noun whose complement holds the claim
   ("accused X of supporting Y" → alleged, "denied that …" → denied,
   "promised that roads would be built" → promised);
4. an epistemic adverb on the trigger or a governing verb ("reportedly").

Coordinated verbs are siblings, not complements: in "denied the accusations and
said that …" the second clause is not inside the denial. The cue words live in
``data/modality.yaml``.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from claimgraph.data import load_yaml
from claimgraph.errors import ModelError
from claimgraph.model import MODALITIES

if TYPE_CHECKING:
    from spacy.tokens import Token

#: dependency labels through which a governing word's scope reaches a claim
_COMPLEMENT_DEPS = frozenset({"ccomp", "xcomp", "oprd"})
#: prepositions that introduce the content of a speech act ("accused X of", "called for", "asked about")
_CONTENT_PREPS = frozenset({"of", "for", "about", "on"})


@dataclass(frozen=True)
class Cues:
    self_: dict[str, str]
    scope: dict[str, str]
    scope_nouns: dict[str, str]
    adverbs: dict[str, str]
    modals: dict[str, str]
    conditionals: frozenset[str]
    negations: frozenset[str]
    anaphoric_objects: frozenset[str]
    blaming_types: frozenset[str] = frozenset()


@lru_cache(maxsize=1)
def cues() -> Cues:
    d = load_yaml("modality.yaml")
    for key in ("self", "scope", "scope_nouns", "adverbs", "modals"):
        for word, value in (d.get(key) or {}).items():
            if value not in MODALITIES:
                raise ModelError("CG201", subject="modality.yaml", detail=f"{key}.{word}: unknown modality {value!r}")
    return Cues(
        self_=dict(d["self"]),
        scope=dict(d["scope"]),
        scope_nouns=dict(d["scope_nouns"]),
        adverbs=dict(d["adverbs"]),
        modals=dict(d["modals"]),
        conditionals=frozenset(d["conditionals"]),
        negations=frozenset(d["negations"]),
        anaphoric_objects=frozenset(d["anaphoric_objects"]),
        blaming_types=frozenset(d.get("blaming_types") or ()),
    )


def is_negated(tok: Token) -> bool:
    c = cues()
    for child in tok.children:
        if child.dep_ == "neg" or (child.dep_ in ("advmod", "det", "preconj") and child.lower_ in c.negations):
            return True
    return False


def own_modality(tok: Token) -> str | None:
    """Modality marked on the trigger itself, or None."""
    c = cues()
    lemma = tok.lemma_.lower()
    if tok.pos_ in ("VERB", "AUX") and lemma in c.self_:
        # "did not deny" is not a denial; a negated request is still a (negative) request
        if c.self_[lemma] == "denied" and is_negated(tok):
            return "asserted"
        return c.self_[lemma]
    if tok.pos_ == "NOUN" and c.scope_nouns.get(lemma) in ("requested", "promised"):
        return c.scope_nouns[lemma]  # "at Pakistan's request" is itself a request
    if is_negated(tok):
        return "denied"
    for child in tok.children:
        if child.dep_ == "aux" and child.lower_ in c.modals:
            return c.modals[child.lower_]
        if child.dep_ == "advmod" and child.lower_ in c.adverbs:
            return c.adverbs[child.lower_]
        if child.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in c.conditionals for m in child.children):
            # "X would attack if Y" → the main clause is hypothetical
            return "hypothetical"
        if child.dep_ == "mark" and child.lower_ in c.conditionals:
            return "hypothetical"
    return None


def inherited_modality(tok: Token) -> str | None:
    """Modality imposed by the nearest governing word whose complement holds ``tok``."""
    c = cues()
    child = tok
    steps = 0
    while child.head.i != child.i and steps < 12:
        steps += 1
        head = child.head
        if child.dep_ == "conj":
            # a coordinated sibling: the head's own lexical modality does not reach us
            child = head
            continue
        lemma = head.lemma_.lower()
        if head.pos_ in ("VERB", "AUX") and lemma in c.scope:
            value = c.scope[lemma]
            inside = (
                child.dep_ in _COMPLEMENT_DEPS
                or (child.dep_ == "prep" and child.lower_ in _CONTENT_PREPS)
                or (child.dep_ == "dobj" and value == "denied" and child.pos_ not in ("PROPN", "PRON"))
            )
            if inside:
                if value == "denied" and is_negated(head):
                    return None
                return value
        if head.pos_ == "NOUN" and lemma in c.scope_nouns and child.dep_ in ("acl", "ccomp", "prep", "pcomp", "relcl"):
            return c.scope_nouns[lemma]
        if head.pos_ in ("VERB", "AUX"):
            for adv in head.children:
                if adv.dep_ == "advmod" and adv.lower_ in c.adverbs and c.adverbs[adv.lower_] == "alleged":
                    return "alleged"
            if child.dep_ == "ccomp" and any(m.dep_ == "mark" and m.lower_ in c.conditionals for m in child.children):
                return "hypothetical"
        if child.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in c.conditionals for m in child.children):
            return "hypothetical"
        child = head
    return None


def modality_of(tok: Token) -> str:
    """The modality of the claim triggered at ``tok`` (see the module docstring)."""
    own = own_modality(tok)
    if own in ("requested", "promised", "denied"):
        return own
    inherited = inherited_modality(tok)
    if inherited is not None:
        # a negated claim inside a promise is still promised; inside a denial, denied
        return inherited
    return own or "asserted"


def is_anaphoric_denial(verb: Token) -> bool:
    """"denied these accusations": the object points back to an earlier accusation."""
    c = cues()
    if cues().self_.get(verb.lemma_.lower()) != "denied":
        return False
    for child in verb.children:
        if child.dep_ in ("dobj", "nsubjpass") and child.lemma_.lower() in c.anaphoric_objects:
            return True
    return False
