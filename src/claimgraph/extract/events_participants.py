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
                                "serb", "muslim", "islamist", "person", "man", "woman", "child",
                                # people named by rank, office or what befell them ("a major general was
                                # killed", "six service members", "the hostages were freed")
                                "general", "colonel", "commander", "officer", "member", "personnel", "victim",
                                "hostage", "journalist", "reporter", "suspect", "guard", "policeman", "policewoman",
                                "staff", "passenger", "pilgrim", "worshipper", "doctor", "nurse", "teacher",
                                "farmer", "family", "girl", "boy", "mayor", "governor", "lawmaker", "legislator",
                                "candidate", "citizen", "crowd", "employee", "driver", "detainee", "inmate",
                                "migrant", "bystander", "shopper", "pedestrian", "politician", "chief", "deputy",
                                "spokesman", "spokeswoman", "marine", "sailor", "pilot", "peacekeeper",
                                "servicemember", "serviceman", "contractor", "aid worker", "colleague", "dissident"})

#: pronouns that stand for people ("she was arrested", "they killed 23 soldiers"); not "it", not "who"
PERSONAL_PRONOUNS = frozenset({"he", "she", "they", "him", "her", "them", "we", "us", "i", "me", "himself",
                               "herself", "themselves"})

#: heads that count people without naming them ("thousands were arrested", "scores died")
_QUANTITY_NOUNS = frozenset({"dozen", "score", "hundred", "thousand", "million", "other", "more", "many",
                             "several", "some", "all", "few"})


def acts_on_people(actors: Actors, targets: list[str], target_tok: Token | None) -> bool:
    """Is what the event is done to a person or group (named, or a participant noun)?"""
    if any(actors.type_of(e) in ("Person", "Group", "Organization") for e in targets):
        return True
    return target_tok is not None and (target_tok.lemma_.lower() in PARTICIPANT_NOUNS
                                       or target_tok.ent_type_ in ("PERSON", "NORP"))


def _is_participant(t: Token, counted: bool) -> bool:
    """Does this argument head stand for people or a group? Names, participant nouns, personal
    pronouns, and — for triggers whose victims are counted (``counted``: killing, wounding,
    arresting) — a bare number or quantity ("496 had been killed", "injured another 15")."""
    if t.lemma_.lower() in PARTICIPANT_NOUNS or t.ent_type_ in ("NORP", "ORG", "GPE", "PERSON"):
        return True
    if t.pos_ == "PRON" and t.lower_ in PERSONAL_PRONOUNS:
        return True
    if counted and (t.pos_ == "NUM" or t.like_num or t.lemma_.lower() in _QUANTITY_NOUNS) \
            and not any(c.dep_ == "prep" and c.lower_ == "of" for c in t.children):
        return True  # ("two of the bombs" is no people: its "of" phrase decides, see the caller)
    return False


def has_participant(tok: Token, counted: bool = False) -> bool:
    """Does the trigger have a subject, object or agent phrase that names a participant?
    ``counted``: the trigger counts its victims (a ``count`` key in ``data/events.tsv``), so a bare
    number as its object or passive subject stands for people."""
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
            if _is_participant(p, counted):
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
            if _is_participant(t, counted and c.dep_ in ("dobj", "nsubjpass")):
                return True
            if t.pos_ in ("NOUN", "PROPN") and any(x.ent_type_ in ("NORP", "GPE", "ORG") for x in t.children):
                return True
    return False


#: weapons whose going off is an attack even when nobody is named ("a roadside bomb exploded")
WEAPON_NOUNS = frozenset({"bomb", "device", "ied", "explosive", "mine", "landmine", "grenade", "rocket", "missile",
                          "mortar", "shell", "drone", "bullet", "vest", "car-bomb"})


def is_incident(tok: Token) -> bool:
    """Is this violent trigger a particular incident although no participant is named?

    * a nominal event pinned to a time — "a Friday blast", "Saturday's attack", "the April 15, 2013,
      attack" — or acting in its own clause: "the explosion shattered the windows", "there was an
      explosion" — but not a weapon in that clause ("the bomb was planted in a car": the explosion is
      the event, where one is told). An anaphoric "the attack" as an object or after a preposition is
      a reference, and stays out;
    * a verb whose subject is a weapon: "a roadside bomb exploded", "a rocket hit the school".
    """
    if tok.pos_ == "NOUN":
        if any(c.ent_type_ in ("DATE", "TIME") for c in tok.children if c.dep_ in ("compound", "poss", "nmod", "amod", "npadvmod", "appos")):
            return True
        if tok.dep_ in ("nsubj", "nsubjpass") and tok.head.pos_ == "VERB" and tok.lemma_.lower() not in WEAPON_NOUNS:
            return True  # ("the bomb had been planted", "twin bombs exploded": the weapon, not the event)
        return tok.dep_ == "attr" and any(c.dep_ == "expl" for c in tok.head.children)
    if tok.pos_ == "VERB":
        subj = subject_of(tok)
        return subj is not None and subj.lemma_.lower() in WEAPON_NOUNS
    return False
