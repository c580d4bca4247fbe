"""Repairs of name candidates that need the words around them (see :func:`context_repairs`).

Split from :mod:`claimgraph.extract.actors_mentions`, which collects the candidates; each repair
here is a general cue (titles, media and facility nouns, generic place suffixes, government
metonymy, demonyms), never a list of answers. Two more add what NER missed or mistyped:
:func:`missed_countries` (a country name by the country tables) and :func:`seized_places` (a town
that a seizure verb takes, by the gazetteer and the absence of any person's mark).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from claimgraph.extract import actors_places as places
from claimgraph.extract.actors_candidates import Candidate, make
from claimgraph.nlp import lexicon
from claimgraph.resolve.names import split_titles

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

_RULER_NOUNS = {"regime", "government", "administration", "junta"}


def _all_caps_context(sdoc: Doc, i: int) -> bool:
    """The token at ``i`` sits in an all-capitals run ("WHAT IS NEXT"): its neighbours are upper-case words."""
    near = [sdoc[k] for k in (i - 2, i - 1, i + 1, i + 2) if 0 <= k < len(sdoc)]
    words = [t for t in near if t.is_alpha and len(t) > 1 and t.sent == sdoc[i].sent]
    return bool(words) and sum(t.is_upper for t in words) * 2 >= len(words)


#: parts of speech of a word that can be the subject of a following verb ("It IS", "the war IS")
_SUBJECT_POS = frozenset({"PRON", "NOUN", "PROPN", "NUM"})


def _word_reading(sdoc: Doc, i: int) -> bool:
    """An acronym spelt like an English word ("IS") is the word when a subject stands right before it and no
    noun follows ("It IS true", "the war IS over"). The tagger is no help here: it reads a capitalised "IS"
    as the verb wherever it stands, also in "IS fighters attacked" and "IS deputy caliph X".
    """
    tok = sdoc[i]
    prev = sdoc[i - 1] if i > 0 and not tok.is_sent_start else None
    nxt = sdoc[i + 1] if i + 1 < len(sdoc) else None
    if prev is None or prev.pos_ not in _SUBJECT_POS or prev.text in ("'s", "\u2019s"):
        return False  # "IS fighters", "against IS", "Syria's IS branch"
    if prev.tag_ in ("WDT", "WP") and nxt is not None and nxt.pos_ == "VERB":
        return False  # "the attack, which IS claimed": the relative clause's subject, not an auxiliary
    return nxt is None or nxt.pos_ not in ("NOUN", "PROPN") or nxt.is_punct


def context_repairs(sdoc: Doc, cands: list[Candidate], desc: lexicon.Descriptors) -> list[Candidate]:
    """Repairs that need the words around a candidate, each a general cue:

    * a dictionary acronym that is also an English word ("IS", "IT") is the actor only outside all-capitals
      text ("WHAT IS NEXT") and never right after its subject ("It IS true");
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
            if _all_caps_context(sdoc, c.start) or _word_reading(sdoc, c.start):
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


_NAME_INNER = frozenset({"of", "the", "and"})  # "Democratic Republic of the Congo", "Trinidad and Tobago"


def missed_countries(sdoc: Doc, cands: list[Candidate]) -> list[Candidate]:
    """Country names the NER did not tag ("Nigeria closed its border.": the small model often misses a
    sentence's first word), found by exact name in the country tables (GeoNames, pycountry).

    Only a whole capitalised name on its own: not inside a longer name ("Radio Nigeria", "Chad Brown"), and
    not a word this text uses in a person's name.
    """
    covered = {i for c in cands for i in range(c.start, c.end)}
    person_words = {t.lower_ for c in cands if c.label == "PERSON" for t in sdoc[c.start:c.end]}
    out: list[Candidate] = []
    i, n = 0, len(sdoc)
    while i < n:
        tok = sdoc[i]
        if i in covered or not tok.is_title or tok.lower_ in person_words:
            i += 1
            continue
        found = 0
        for size in (6, 5, 4, 3, 2, 1):  # "Democratic Republic of the Congo" has five words
            span = sdoc[i:i + size]
            if len(span) < size or any(k in covered for k in range(i, i + size)) or not span[-1].is_title or \
                    any(not (t.is_title or t.lower_ in _NAME_INNER or t.text in _HYPHENS) for t in span):
                continue
            if places.country(span.text, demonym=False) is not None:
                found = size
                break
        if found:
            prev = sdoc[i - 1] if i > 0 else None
            nxt = sdoc[i + found] if i + found < n else None
            joined = (prev is not None and not tok.is_sent_start and prev.is_title and prev.pos_ == "PROPN") or \
                (nxt is not None and nxt.is_title and nxt.pos_ == "PROPN" and not nxt.is_sent_start) or \
                _hyphenated(sdoc, i, i + found) or _name_of(sdoc, i)
            if not joined:
                c = make(sdoc, i, i + found, "GPE", "pattern", kind="country")
                if c is not None:
                    out.append(c)
            i += found
            continue
        i += 1
    return sorted(cands + out, key=lambda c: c.start)


def _hyphenated(sdoc: Doc, start: int, end: int) -> bool:
    """The span is glued by a hyphen to a word before or after it ("Guinea-Bissau", "Niger-based")."""
    before = start > 0 and not sdoc[start - 1].whitespace_ and sdoc[start - 1].text in _HYPHENS
    after = end < len(sdoc) and not sdoc[end - 1].whitespace_ and sdoc[end].text in _HYPHENS
    return before or after


_HYPHENS = frozenset({"-", "\u2010", "\u2011"})


def _name_of(sdoc: Doc, i: int) -> bool:
    """The word at ``i`` closes a longer name with "of"/"for" ("Workers' Party of Belgium", "Concerned Women
    for America"): a capitalised word before the preposition (and an optional "the") opens that name."""
    j = i - 1
    if j >= 0 and sdoc[j].lower_ == "the":
        j -= 1
    return j >= 1 and sdoc[j].lower_ in ("of", "for") and sdoc[j - 1].is_title and not sdoc[j].is_sent_start


#: gazetteer kinds of populated places (a district or province of one word is too often also a surname)
_POPULATED = frozenset({"city", "town"})
#: prepositions of motion whose object is where someone goes or comes from ("moved into X", "fled from X")
_MOTION_PREPS = frozenset({"into", "from"})


def seized_places(sdoc: Doc, cands: list[Candidate], gazetteer: Any | None,
                  desc: lexicon.Descriptors) -> list[Candidate]:
    """'The rebels seized Goma': a bare name NER called a person (or a people: "Kisangani" as NORP) is the
    town when it is the object of a seizure verb (``seizure_verbs``: "seized X", "X was overrun") or of
    "into"/"from" after a verb, the gazetteer knows it as a city or town, and the text gives it no person's
    mark anywhere: no title or role before it, no speech verb after it, no longer personal name with it.
    """
    if gazetteer is None:
        return cands
    evidence = _person_marked(sdoc, cands, desc)
    for c in cands:
        if c.label not in ("PERSON", "NORP") or c.source != "ner" or c.dict_id or c.titles or \
                c.text.lower() in evidence or (c.label == "NORP" and _is_demonym(c.text)):
            continue
        if not _taken_or_reached(sdoc[c.start:c.end].root, desc):
            continue
        kind = places.gazetteer_kind(gazetteer, c.text)
        if kind in _POPULATED:
            c.label, c.kind = "GPE", kind
    return sorted(cands + _untagged_seized(sdoc, cands, gazetteer, desc, evidence), key=lambda c: c.start)


def _untagged_seized(sdoc: Doc, cands: list[Candidate], gazetteer: Any, desc: lexicon.Descriptors,
                     evidence: set[str]) -> list[Candidate]:
    """A one-word name NER left untagged ("The rebels captured Walikale and Uvira"), taken or reached as
    above and a city or town in the gazetteer, is that place (proper nouns only, none inside a longer name)."""
    import numpy as np
    from spacy.attrs import IS_TITLE, POS
    from spacy.symbols import PROPN

    if len(sdoc) == 0:
        return []
    covered = {i for c in cands for i in range(c.start, c.end)}
    arr = sdoc.to_array([POS, IS_TITLE])
    out: list[Candidate] = []
    for i in np.nonzero((arr[:, 0] == PROPN) & (arr[:, 1] == 1))[0]:
        tok = sdoc[int(i)]
        if tok.i in covered or tok.lower_ in evidence or len(tok) < 3 or _inside_name(sdoc, tok.i):
            continue
        if not _taken_or_reached(tok, desc) or places.gazetteer_kind(gazetteer, tok.text) not in _POPULATED:
            continue
        c = make(sdoc, tok.i, tok.i + 1, "GPE", "pattern", kind=places.gazetteer_kind(gazetteer, tok.text))
        if c is not None:
            out.append(c)
    return out


def _inside_name(sdoc: Doc, i: int) -> bool:
    """A capitalised proper noun right before or after ``i`` in the same sentence: part of a longer name."""
    near = [sdoc[k] for k in (i - 1, i + 1) if 0 <= k < len(sdoc)]
    return any(t.pos_ == "PROPN" and t.is_title and t.sent.start == sdoc[i].sent.start for t in near)


def _taken_or_reached(root: Token, desc: lexicon.Descriptors) -> bool:
    """The token is what a seizure verb takes ("seized X", "X was captured") or where motion leads ("into X")."""
    while root.dep_ == "conj" and root.head.i != root.i:
        root = root.head  # "seized X and Y": Y is taken too
    if root.dep_ in ("dobj", "nsubjpass"):
        return root.head.pos_ == "VERB" and root.head.lemma_.lower() in desc.seizure_verbs
    if root.dep_ == "pobj" and root.head.lower_ in _MOTION_PREPS:
        return root.head.head.pos_ == "VERB"
    return False


def _person_marked(sdoc: Doc, cands: list[Candidate], desc: lexicon.Descriptors) -> set[str]:
    """Lower-cased names the text marks as a person's somewhere: after a title or role, subject of a speech
    verb, or a word of a longer personal name ("Joseph Goma" makes "Goma" a surname here)."""
    marked: set[str] = set()
    for c in cands:
        if c.label != "PERSON":
            continue
        if c.end - c.start > 1:
            marked.update(t.lower_ for t in sdoc[c.start:c.end])
        root = sdoc[c.start:c.end].root
        if c.titles or _after_title(sdoc, c.start) or \
                (root.dep_ == "nsubj" and root.head.lemma_.lower() in desc.speech_verbs):
            marked.add(c.text.lower())
    return marked

