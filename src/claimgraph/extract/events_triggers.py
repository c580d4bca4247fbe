"""Event trigger detection: which token is an event, of which PLOVER type, and which
clauses are only an event's content ("asked them *to stop* their attacks").

The lexicon itself is read in :mod:`claimgraph.extract.events_lexicon`; this module applies
it to the parse (particles, modifiers, demands in "X said Y must …", announced and refused
events coded by ``data/events.intent.tsv``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from claimgraph.extract.attribution import reporting_cues
from claimgraph.extract.events_lexicon import Trigger, intent_table, lexicon, non_events
from claimgraph.extract.modality import is_negated

if TYPE_CHECKING:
    from spacy.tokens import Token

#: event types whose clause complement is their content, not a separate event
CONTENT_TAKING = frozenset({"REQUEST", "AGREE", "THREATEN", "REJECT", "ACCUSE", "CONCEDE"})
#: verbs that carry a nominal event ("launched attacks", "carried out raids")
LIGHT_VERBS = frozenset({"launch", "carry", "conduct", "stage", "mount", "make", "hold", "commit", "perpetrate",
                          "claim", "execute", "undertake", "begin", "start", "continue", "intensify", "step", "order",
                          "lodge", "issue", "open", "file", "take", "impose", "announce", "declare", "resume",
                          "remain", "stage", "organise", "organize", "lead", "call"})
#: verbs whose complement is a planned action ("plans to impose restrictions")
_PLANNING_VERBS = frozenset({"plan", "intend", "decide", "prepare", "aim", "seek", "want", "expect"})
#: auxiliaries that make an event an announced intention ("will withdraw", "would allow")
_INTENT_AUX = frozenset({"will", "would", "'ll", "shall", "wo"})

#: nouns that only count or group the nominal events of their "of" phrase ("a series of airstrikes")
SERIES_NOUNS = frozenset({"series", "wave", "string", "spate", "round", "barrage", "volley", "number", "campaign",
                          "flurry", "succession", "chain"})


#: nouns that frame the nominal event modifying them ("a mediation effort", "a rescue mission")
FRAME_NOUNS = frozenset({"effort", "bid", "attempt", "initiative", "mission", "drive", "push"})


def argument_slot(noun: Token) -> Token:
    """The token that fills the verb's argument slot for a nominal event: the noun itself, the
    counting noun it hangs from ("carried out a series of airstrikes" → "series"), or the framing
    noun it modifies ("launched a mediation effort" → "effort")."""
    prep = noun.head
    if noun.dep_ == "pobj" and prep.lower_ == "of" and prep.head.lemma_.lower() in SERIES_NOUNS:
        return prep.head
    if noun.dep_ == "compound" and noun.head.lemma_.lower() in FRAME_NOUNS:
        return noun.head
    return noun


class Triggers:
    """Trigger lookup against the lexicon, with the parse context that picks a sense."""

    def __init__(self) -> None:
        self.lex = lexicon()
        self.non_events = non_events()
        self.reporting_verbs = reporting_cues().verbs | {"reiterate", "conclude", "demand", "insist"}

    def trigger_of(self, tok: Token) -> Trigger | None:
        if tok.pos_ == "ADJ" and any(c.dep_ == "xcomp" for c in tok.children):
            pos = "ADJ"
        elif tok.pos_ in ("VERB",) or (tok.pos_ == "AUX" and tok.dep_ == "ROOT"):
            pos = "VERB"
        elif tok.pos_ in ("NOUN",) or (tok.pos_ == "PROPN" and tok.lemma_.lower() in ("airstrike",)):
            pos = "NOUN"
        else:
            return None
        cands = self.lex.get((tok.lemma_.lower(), pos)) or self.lex.get((tok.lower_, pos))
        if not cands and pos == "VERB" and self.must_clause(tok) is not None:
            # "X said that Y must …": a demand, PLOVER REQUEST (CAMEO 10 "Demand")
            return Trigger(tok.lemma_.lower(), "VERB", "REQUEST", None, None, None, False)
        if not cands:
            return None
        if pos == "ADJ":
            return cands[0]
        if pos == "VERB":
            # the sense is picked by a particle, a preposition or the object noun ("pointed a finger at")
            parts = {c.lower_ if c.dep_ != "dobj" else c.lemma_.lower()
                     for c in tok.children if c.dep_ in ("prt", "prep", "dobj")}
            lemma = cands[0].lemma.split()[0]
            if any((lemma, w) in self.non_events for w in parts):
                return None  # "warned of a possible resurgence", "shared word of the strike"
            with_p = [t for t in cands if t.particle and t.particle in parts]
            if with_p:
                return with_p[0]
            plain = [t for t in cands if not t.particle]
            return plain[0] if plain else None
        mods = {c.lower_ for c in tok.children if c.dep_ in ("compound", "amod")}
        with_m = [t for t in cands if t.particle and t.particle in mods]
        if with_m:
            return with_m[0]
        plain = [t for t in cands if not t.particle]
        return plain[0] if plain else None

    def must_clause(self, verb: Token) -> Token | None:
        """The complement clause of a reporting verb that says someone must or should act."""
        if verb.lemma_.lower() not in self.reporting_verbs:
            return None
        for c in verb.children:
            if c.dep_ == "ccomp" and any(a.dep_ == "aux" and a.lower_ in ("must", "should") for a in c.children) \
                    and not any(s.dep_ == "nsubj" and s.lower_ in ("we", "i") for s in c.children):
                return c  # ("we must defend our land" commits the speaker, it demands nothing)
        return None

    def is_content(self, tok: Token) -> bool:
        """Is ``tok`` inside the content clause of a governing speech-act event?"""
        child = tok
        via_that = False
        for _ in range(6):
            head = child.head
            if head.i == child.i:
                return False
            if child.dep_ in ("relcl", "acl") and any(m.dep_ == "mark" and m.lower_ == "that" for m in child.children):
                via_that = True  # "promised fighters that roads would be built", parsed as a relative clause
            if child.dep_ in ("xcomp", "ccomp", "pcomp") or (child.dep_ == "prep" and child.lower_ in ("of", "for", "to")) or (via_that and child.dep_ in ("dobj", "dative")):
                trig = self.trigger_of(head) if head.pos_ in ("VERB", "AUX", "ADJ") else None
                if trig is not None and trig.type in CONTENT_TAKING:
                    # what is accused or denied is a claim of its own (alleged / denied);
                    # what is requested, promised, threatened or refused is the event's content
                    stated = child.dep_ in ("ccomp", "pcomp") or (child.dep_ == "prep" and child.lower_ == "of")
                    if trig.type in ("ACCUSE", "REJECT") and stated:
                        return False
                    return True
            if child.dep_ in ("ccomp",) or head.pos_ in ("VERB", "AUX") and child.dep_ not in ("prep", "pobj", "pcomp", "xcomp", "dobj", "relcl", "acl"):
                return False
            child = head
        return False

    def recode(self, tok: Token, trig: Trigger) -> Trigger:
        """PLOVER's coding of announced and refused events (``data/events.intent.tsv``)."""
        # "would tighten the blockade", "plans to impose restrictions": the verb carrying a nominal
        # event, or a planning verb above the action, marks the intent
        host = tok.head if tok.pos_ == "NOUN" and tok.dep_ == "dobj" and tok.head.pos_ == "VERB" else tok
        if host.pos_ != "VERB":
            return trig
        intent, refused = intent_table().get(trig.type, (trig.type, None))
        if refused and is_negated(host):
            return Trigger(trig.lemma, trig.pos, refused, trig.mode, None, None, trig.needs_place)
        planned = host.dep_ == "xcomp" and host.head.lemma_.lower() in _PLANNING_VERBS
        if intent != trig.type and (planned or any(c.dep_ == "aux" and c.lower_ in _INTENT_AUX for c in host.children)):
            return Trigger(trig.lemma, trig.pos, intent, trig.mode, None, None, trig.needs_place)
        return trig
