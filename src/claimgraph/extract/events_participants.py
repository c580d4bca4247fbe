"""Is there anyone in an event? Participant phrases that no entity names ("Afghan rebels kidnapped
advisers", "the arrest of five people") keep an event with empty actor lists; a trigger that needs
a person ("executed five prisoners", not "executed the projects") is checked here too.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from claimgraph.extract.syntax import Actors, conjuncts, preps_of, subject_of

if TYPE_CHECKING:
    from spacy.tokens import Token

#: nouns that stand for participants even when no entity names them ("Afghan rebels", "students")
PARTICIPANT_NOUNS = frozenset({"rebel", "militant", "fighter", "insurgent", "guerrilla", "soldier", "troop", "force",
                                "police", "army", "government", "official", "authority", "minister", "leader",
                                "protester", "demonstrator", "student", "worker", "activist", "civilian", "refugee",
                                "prisoner", "people", "villager", "resident", "militia", "militiaman", "bomber",
                                "gunman", "attacker", "hacker", "parliament", "ministry", "court", "opposition",
                                "party", "group", "movement", "coalition", "union", "supporter", "terrorist",
                                "jihadist", "extremist", "helicopter", "aircraft", "jet", "warship", "tank",
                                "bulldozer", "navy", "administration", "regime", "president", "delegation",
                                "negotiator", "diplomat", "envoy", "fundamentalist", "separatist", "kurd", "albanian",
                                "serb", "muslim", "islamist", "person", "man", "woman", "child"})


def acts_on_people(actors: Actors, targets: list[str], target_tok: Token | None) -> bool:
    """Is what the event is done to a person or group (named, or a participant noun)?"""
    if any(actors.type_of(e) in ("Person", "Group", "Organization") for e in targets):
        return True
    return target_tok is not None and (target_tok.lemma_.lower() in PARTICIPANT_NOUNS
                                       or target_tok.ent_type_ in ("PERSON", "NORP"))


def has_participant(tok: Token) -> bool:
    """Does the trigger have a subject, object or agent phrase that names a participant?"""
    host = tok.head if tok.pos_ == "ADJ" else tok
    cands = [c for c in host.children if c.dep_ in ("nsubj", "nsubjpass", "dobj", "agent", "poss", "compound", "amod")]
    subj = subject_of(host) if host.pos_ in ("VERB", "AUX") else None
    if subj is not None:
        cands.append(subj)
    if tok.pos_ == "NOUN" and tok.dep_ in ("dobj", "pobj") and tok.head.pos_ in ("VERB", "AUX"):
        s2 = subject_of(tok.head)
        if s2 is not None:
            cands.append(s2)
    if tok.pos_ == "NOUN":
        # "the arrest of another five people": the people the nominal event is done to
        # (not "the rejection of NATO's offer": the offer is no participant)
        for _, p in preps_of(tok, ("of",)):
            if p.lemma_.lower() in PARTICIPANT_NOUNS or p.ent_type_ in ("NORP", "ORG", "GPE", "PERSON"):
                return True
    for c in list(cands):
        if c.dep_ == "agent":
            cands.extend(p for p in c.children if p.dep_ == "pobj")
        # "Thousands of Iraqi Kurds", "Up to 1,000 ethnic Turks"
        for prep in c.children:
            if prep.dep_ == "prep" and prep.lower_ == "of":
                cands.extend(p for p in prep.children if p.dep_ == "pobj")
    for c in cands:
        for t in (c, *conjuncts(c)):
            if t.lemma_.lower() in PARTICIPANT_NOUNS or t.ent_type_ in ("NORP", "ORG", "GPE", "PERSON"):
                return True
            if t.pos_ in ("NOUN", "PROPN") and any(x.ent_type_ in ("NORP", "GPE", "ORG") for x in t.children):
                return True
    return False
