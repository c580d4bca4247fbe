"""Repairs of name candidates that need the words around them (see :func:`context_repairs`).

Split from :mod:`claimgraph.extract.actors_mentions`, which collects the candidates; each repair
here is a general cue (titles, media and facility nouns, generic place suffixes, government
metonymy, demonyms), never a list of answers.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from claimgraph.extract import actors_places as places
from claimgraph.extract.actors_candidates import Candidate, make
from claimgraph.nlp import lexicon
from claimgraph.resolve.names import split_titles

if TYPE_CHECKING:
    from spacy.tokens import Doc

_RULER_NOUNS = {"regime", "government", "administration", "junta"}


def _all_caps_context(sdoc: Doc, i: int) -> bool:
    """The token at ``i`` sits in an all-capitals run ("WHAT IS NEXT"): its neighbours are upper-case words."""
    near = [sdoc[k] for k in (i - 2, i - 1, i + 1, i + 2) if 0 <= k < len(sdoc)]
    words = [t for t in near if t.is_alpha and len(t) > 1 and t.sent == sdoc[i].sent]
    return bool(words) and sum(t.is_upper for t in words) * 2 >= len(words)


def context_repairs(sdoc: Doc, cands: list[Candidate], desc: lexicon.Descriptors) -> list[Candidate]:
    """Repairs that need the words around a candidate, each a general cue:

    * a dictionary acronym that is also an English word ("IS", "IT") is the actor only outside all-capitals
      text and never when parsed as a verb ("WHAT IS NEXT");
    * a name before a media noun is an outlet ("his Truth Social platform");
    * a place written with a lower-case generic noun keeps the noun out of its span ("Karta Parwan neighborhood");
    * a place name that only modifies a group noun ("the Doha negotiators") is not a place mention;
    * a bare NER place that says, denies or announces something and is neither a country nor a capital
      (government metonymy) is a person ("Mumin said");
    * a person span ending in a word that is never a name ("Hazara Shi'ite Muslims") is no person.
    """
    out: list[Candidate] = []
    not_entities = {w.lower() for w in desc.not_entities}
    titles = _title_words()
    for c in cands:
        if not c.dict_id and c.end - c.start == 1 and c.label in ("PERSON", "ORG", "GPE", "LOC"):
            c = _unglue(c)  # "SyriaThe desert": a scraped headline glued to the body
        first, last = sdoc[c.start], sdoc[c.end - 1]
        nxt = sdoc[c.end] if c.end < len(sdoc) else None
        if not c.dict_id and c.label in ("PERSON", "ORG") and last.text.rstrip(".").lower() in titles:
            if c.end - c.start == 1:
                continue  # "Det.", "Sheriff": a title on its own names no one
            abbrev = last.text.rstrip(".") + "." in _title_abbreviations()
            after = sdoc[c.end + 1] if c.end + 1 < len(sdoc) else None
            if nxt is not None and (nxt.is_title or (abbrev and nxt.text == "." and after is not None and after.is_title)):
                shorter = make(sdoc, c.start, c.end - 1, c.label, c.source, kind=c.kind)
                if shorter is None:
                    continue
                c, last = shorter, sdoc[shorter.end - 1]  # "US Army Col. Myles Caggins": the rank opens the next name
                nxt = sdoc[c.end] if c.end < len(sdoc) else None
        if (c.label == "PERSON" and not c.dict_id and nxt is not None and nxt.is_lower
                and desc.org_kind_words.get(nxt.lower_) in ("military", "armed_group", "government")):
            words = [t.text for t in sdoc[c.start:c.end]]
            n_titles = len(words) - len(split_titles(words)[1])
            titled = n_titles > 0 or (c.start > 0 and sdoc[c.start - 1].text.rstrip(".").lower() in titles)
            if titled:  # "Commander Peshawar corps": the commander of a body, not a person named Peshawar
                body = make(sdoc, c.start + n_titles, c.end + 1, "ORG", "pattern",
                            kind=desc.org_kind_words[nxt.lower_])
                if body is not None:
                    out.append(body)
                continue
        if c.dict_id and c.end - c.start == 1 and c.text.isupper() and sdoc.vocab[c.text.lower()].is_stop:
            if first.pos_ in ("AUX", "VERB") or _all_caps_context(sdoc, c.start):
                continue
        if (not c.dict_id and c.label in ("ORG", "PERSON", "GPE", "LOC", "FAC") and nxt is not None and nxt.is_lower
                and nxt.lower_ in desc.media_nouns):
            c.label, c.kind, c.country_of = "ORG", "media", None
        if (c.label in ("PERSON", "ORG") and c.source == "ner" and not c.dict_id and nxt is not None and nxt.is_lower
                and nxt.lower_ in desc.facility_nouns and not _after_title(sdoc, c.start)
                and not any(o is not c and o.label == "PERSON" and o.text == c.text for o in cands)):
            c.label, c.kind = "FAC", c.kind or "area"  # "the Bakaara market", "the al-Tanf base"
        if c.label in ("GPE", "LOC", "FAC") and c.end - c.start > 1 and last.is_lower and \
                last.lower_ in desc.generic_suffixes and last.lower_ not in ("area", "areas", "border"):
            trimmed = make(sdoc, c.start, c.end - 1, c.label, c.source, kind=c.kind or desc.generic_suffixes[last.lower_],
                           dict_id=c.dict_id, country_of=c.country_of, listed_kind=c.listed_kind)
            if trimmed is None:
                continue
            c = trimmed
            last = sdoc[c.end - 1]
        if c.label in ("GPE", "LOC", "FAC") and not c.country_of and not c.admin_suffix:
            root = sdoc[c.start:c.end].root
            if root.dep_ in ("compound", "amod", "nmod") and root.head.is_lower and \
                    root.head.lower_ in desc.group_nouns and root.head.i == c.end:
                continue  # "the Doha negotiators": the team, not the city as a location
        if (c.label in ("GPE", "LOC") and c.source == "ner" and not c.dict_id and not c.country_of
                and not c.admin_suffix and c.end - c.start == 1 and c.kind not in ("country", "province")):
            root = first
            if root.dep_ == "nsubj" and root.head.lemma_.lower() in desc.speech_verbs and \
                    places.country(c.text) is None and places.capital_of(c.text) is None:
                c.label, c.kind = "PERSON", None  # "Mumin said": a speaker, not a village
        if c.label == "PERSON" and c.end - c.start > 1 and last.lower_ in not_entities and not c.dict_id:
            if last.lower_ not in desc.org_kind_words:
                continue  # "Hazara Shi'ite Muslims": a community, not a person
            c.label, c.kind = "ORG", desc.org_kind_words[last.lower_]  # "Stormont Cabinet" is a body
        if c.label == "PERSON" and c.end - c.start == 1 and not c.dict_id and _is_demonym(c.text):
            continue  # "Greeks", "Afghans": a people, not a person
        if c.label == "PERSON" and not c.dict_id and nxt is not None and nxt.lower_ in _RULER_NOUNS:
            ruled = make(sdoc, c.start, c.end + 1, "ORG", "pattern", kind="government")
            if ruled is not None:  # "the Assad regime", "the Maduro government": the state apparatus, not the man
                ruled.name = ruled.text
                out.append(ruled)
                continue
        out.append(c)
    return out


_GLUE = re.compile(r"^(.*?[a-z\u2019'])([A-Z][a-z]+)$")


def _unglue(c: Candidate) -> Candidate:
    """'SyriaThe' -> 'Syria' when the tail is a capitalised English function word (lost line break)."""
    from spacy.lang.en.stop_words import STOP_WORDS

    m = _GLUE.match(c.text)
    if m is None or m.group(2).lower() not in STOP_WORDS or len(m.group(1)) < 2:
        return c
    head = m.group(1)
    c.text, c.end_char = head, c.start_char + len(head)
    if c.label in ("ORG", "PERSON") and places.country(head, demonym=False) is not None:
        c.label, c.kind = "GPE", "country"
    return c


def _title_words() -> frozenset[str]:
    """Honorifics and ranks that are never a name themselves, as bare lower-case words ("col", "det", "sheriff")."""
    return frozenset(h.term.rstrip(".").lower() for h in lexicon.honorifics() if " " not in h.term and h.strip)


def _title_abbreviations() -> frozenset[str]:
    """Abbreviated titles as written ("Col.", "Det.")."""
    return frozenset(h.term for h in lexicon.honorifics() if h.term.endswith(".") and " " not in h.term)


def _is_demonym(word: str) -> bool:
    """'Greeks', 'Afghans', 'Pakistani': a nationality adjective or its plural."""
    dem = lexicon.demonyms()
    return word in dem or (word.endswith("s") and word[:-1] in dem) or (word.endswith("es") and word[:-2] in dem)


def _after_title(sdoc: Doc, start: int) -> bool:
    """A role or rank right before the name ("Colonel X", "Minister X"): a person, whatever follows."""
    if start == 0:
        return False
    word = sdoc[start - 1].text.rstrip(".").lower()
    return word in lexicon.descriptors().role_words or word in _title_words()
