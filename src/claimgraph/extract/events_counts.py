"""How many people an event's outcome names: "killed two insurgents" → ``{"killed": 2}``.

Quantity words, negating quantifiers, realised-infinitive heads and the nouns for people that
an outcome may take "along with" its object come from
``data/events.quantities.yaml``. Only realised outcomes count; identifiers, dates and
years written with digits are never counts; re-mentions ("the insurgents", "them")
are counted once, where first stated.
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

from claimgraph.data import load_yaml
from claimgraph.extract.events_lexicon import Trigger
from claimgraph.extract.syntax import conjuncts

if TYPE_CHECKING:
    from spacy.tokens import Token


@lru_cache(maxsize=1)
def quantities() -> tuple[dict[str, int], int]:
    d = load_yaml("events.quantities.yaml")
    return {str(k).lower(): int(v) for k, v in d["numbers"].items()}, int(d["plural_minimum"])


@lru_cache(maxsize=1)
def count_cues() -> tuple[frozenset[str], frozenset[str]]:
    """(words that negate a counted phrase, verbs whose infinitive reports a realised action)."""
    d = load_yaml("events.quantities.yaml")
    return (frozenset(str(w).lower() for w in d["negating_quantifiers"]),
            frozenset(str(w).lower() for w in d["realised_infinitive_heads"]))


_JOINERS = frozenset({"-", "/", "\u2013", "."})


def _joined_chain(tok: Token) -> list[Token]:
    """The tokens written together with ``tok`` (no whitespace between them): "2010-09-CA-240"."""
    doc = tok.doc
    lo = tok.i
    while lo > 0 and not doc[lo - 1].whitespace_ and not doc[lo - 1].is_space:
        lo -= 1
    hi = tok.i
    while hi + 1 < len(doc) and not doc[hi].whitespace_ and not doc[hi + 1].is_space:
        hi += 1
    return list(doc[lo:hi + 1])


def is_code_or_date(tok: Token) -> bool:
    """A digit token inside an identifier, a date or a year ("2010-09-CA-240", "Sept. 5, 2010")
    is no count; a plain range "10-15" still is."""
    if not any(ch.isdigit() for ch in tok.text):
        return False
    if tok.ent_type_ in ("DATE", "TIME") or any(ch in tok.text for ch in "-/:"):
        return True
    chain = [t for t in _joined_chain(tok) if not (t.is_punct and t.text not in _JOINERS)]
    if len(chain) > 1 and any(t.text in _JOINERS for t in chain):
        words = [t for t in chain if t.text not in _JOINERS]
        if len(words) != 2 or not all(t.text.replace(",", "").isdigit() for t in words):
            return True
    w = tok.text.replace(",", "")
    # a bare four-digit year ("captured in 2010", "… Afghanistan 2010"): only "1500 troops" counts
    return len(w) == 4 and w.isdigit() and 1900 <= int(w) <= 2099 and "," not in tok.text and tok.dep_ != "nummod"


def number_of(tok: Token) -> int | None:
    w = tok.lower_.replace(",", "")
    if w.isdigit():
        return None if is_code_or_date(tok) else int(w)
    return quantities()[0].get(w)


def is_negated_quantity(t: Token) -> bool:
    """"no women", "not a single civilian", "none of them", "without harming any civilians"."""
    neg = count_cues()[0]
    if t.lower_ in neg:
        return True
    for c in t.children:
        if c.dep_ in ("det", "neg", "advmod", "amod", "nummod", "quantmod", "preconj") and c.lower_ in neg:
            return True
        if c.dep_ in ("det", "amod", "nummod") and any(g.dep_ in ("neg", "advmod") and g.lower_ in neg for g in c.children):
            return True  # "not a single", "not one"
    return False


def is_irrealis_infinitive(verb: Token) -> bool:
    """"an operation to capture a leader", "in an attempt to kill": a purpose or intent, not an outcome.
    "managed to detain three suspects" reports one."""
    if verb.pos_ not in ("VERB", "AUX") or verb.tag_ != "VB":
        return False
    if not any(c.dep_ == "aux" and c.tag_ == "TO" for c in verb.children):
        return False
    return not (verb.dep_ == "xcomp" and verb.head.lemma_.lower() in count_cues()[1])


#: determiners that point back to people already mentioned ("the two insurgents", "these men")
_ANAPHORIC_DETS = frozenset({"the", "these", "those", "this", "that"})


def stated_number(t: Token) -> int | None:
    """The number a noun phrase states for its head ("two insurgents" → 2, "more than 10" → 11)."""
    n = None
    if t.pos_ in ("NUM", "ADJ"):
        n = number_of(t)  # "killing several of them"
    elif t.pos_ == "NOUN" and any(c.dep_ == "prep" and c.lower_ == "of" for c in t.children):
        n = number_of(t)  # "killed dozens of soldiers": the quantity noun heads the phrase
    for c in t.children:
        if c.dep_ in ("nummod", "quantmod", "amod", "det"):
            v = number_of(c)
            if v is not None and n is None:
                more = any(q.lower_ in ("than", "over") and q.dep_ in ("quantmod", "advmod") for q in c.children)
                n = v + 1 if more else v
    return n


def companions(target: Token) -> list[Token]:
    """People an outcome includes "along with" or "together with" its object: "detained a leader
    along with one suspected insurgent" (the phrase hangs on the noun or on its verb)."""
    holders = [target] + ([target.head] if target.dep_ in ("dobj", "nsubjpass") else [])
    out: list[Token] = []
    for h in holders:
        for prep in h.children:
            if prep.dep_ != "prep":
                continue
            withs = [c for c in prep.children if c.dep_ == "prep" and c.lower_ == "with"] if prep.lower_ == "along" \
                else [prep] if prep.lower_ == "with" and any(c.lower_ in ("together", "along") for c in prep.children) \
                else []
            for w in withs:
                for p in w.children:
                    if p.dep_ == "pobj":
                        out.extend(t for t in (p, *conjuncts(p)) if _is_people(t))
    return out


@lru_cache(maxsize=1)
def people_nouns() -> frozenset[str]:
    return frozenset(str(w).lower() for w in load_yaml("events.quantities.yaml")["people_nouns"])


def _is_people(t: Token) -> bool:
    """"one suspected insurgent", "two of his associates" — not "50 kilograms of opium"."""
    if t.pos_ == "NUM":
        of = [p for c in t.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children if p.dep_ == "pobj"]
        return bool(of) and of[0].lemma_.lower() in people_nouns()
    return t.lemma_.lower() in people_nouns()


def _own_outcome(target: Token, conj: Token) -> bool:
    """True when a conjunct has a participle of its own, unlike the one describing the target:
    "two bombers *killed* in action and ten hostages *freed*" (the parser hangs "freed" on either
    noun). A plain list ("two insurgents and three fighters armed with rifles") shares the verb."""
    parts = [c for n in (target, conj) for c in n.children if c.dep_ in ("acl", "relcl") and c.tag_ in ("VBN", "VBD")]
    if target.dep_ in ("nsubj", "nsubjpass") and target.head.tag_ == "VBN":
        parts.append(target.head)  # "... with two gunmen killed in action and ten hostages freed"
    before = {c.lemma_.lower() for c in parts if c.i < conj.i}
    after = {c.lemma_.lower() for c in parts if c.i > conj.i}
    return bool(before) and bool(after - before)


class PeopleCounter:
    """Counts for one document: "killed two insurgents" → {"killed": 2}.

    A re-mention ("the insurgents", "them") counts nothing when its first mention was already
    counted for the same key; when it was not ("two insurgents fired … the force killed the
    insurgents"), the re-mention takes the first mention's number, once.
    """

    def __init__(self) -> None:
        self.counted: set[tuple[int, str]] = set()

    def count(self, trig: Trigger, target_tok: Token | None, mentions: dict[str, list[tuple[int, int]]]) -> dict[str, int]:
        if trig.count is None or target_tok is None:
            return {}
        key = trig.count
        total = 0
        plural_min = quantities()[1]
        if any(is_negated_quantity(t) for t in (target_tok, *conjuncts(target_tok))):
            return {}  # "No women or children were injured": no count, never a positive number
        for t in (target_tok, *conjuncts(target_tok), *companions(target_tok)):
            if t is not target_tok and _own_outcome(target_tok, t):
                continue  # "two bombers killed and ten hostages freed": the hostages were freed, not killed
            named = any(c.dep_ in ("appos", "compound") and c.pos_ == "PROPN" for c in t.children)
            if t.pos_ == "PRON":
                continue  # "detained them": counted where first stated
            if not named and any(c.dep_ == "det" and c.lower_ in _ANAPHORIC_DETS for c in t.children):
                earlier = [m for m in mentions.get(t.lemma_.lower(), []) if m[0] < t.i]
                if earlier and (earlier[-1][0], key) not in self.counted:
                    self.counted.add((earlier[-1][0], key))
                    total += earlier[-1][1]
                continue
            if t.pos_ not in ("NOUN", "PROPN", "NUM", "ADJ"):
                continue
            n = stated_number(t)
            if n is None:
                if t.pos_ in ("NUM", "ADJ"):
                    continue
                n = plural_min if t.tag_ in ("NNS", "NNPS") else 1
            self.counted.add((t.i, key))
            total += n
        return {key: total} if total else {}
