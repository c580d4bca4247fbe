"""Toponym finding beyond NER: admin phrases and gazetteer-backed repair of NER labels.

The small English model misses or mislabels many place names of the conflict
regions we care about (it tags Logar, Ghazni and Farah as ORG or PERSON and
splits "Bama District"). This module finds, in the raw text of a parsed doc:

1. admin phrases — a name followed by an admin word ("Bama District",
   "Orakzai Agency", "Nineveh governorate", "the Sambisa area"); lists before a
   plural admin word ("Logar and Wardak provinces") or after one ("the provinces
   of Logar, Helmand and Farah");
2. parents — "X district of Y", "X district in Y", "X District, Y Province",
   "the X area of Y": the X span carries ``parent_text`` = Y;
3. gazetteer repair — a capitalised name the NER labelled ORG/PERSON (or not at
   all) that the gazetteer knows as a country, a first-order admin area or a
   large city, in a locative context ("in Logar", "across Ghazni and Farah").

The spans are merged into Location entities by the entity stage, which uses
``kind`` ("province", "district", ...) as the entity kind.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from claimgraph.geo.names import admin_words, norm, vocabulary

if TYPE_CHECKING:
    from spacy.tokens import Doc


@dataclass(frozen=True)
class ToponymSpan:
    start: int
    end: int
    text: str
    kind: str | None = None       # province | district | city | area | country | ...
    parent_text: str | None = None  # "Borno State" for "Bama District, Borno State"
    #: the kind is the gazetteer's most prominent namesake's, not written in the text ("in Nelson":
    #: province, after New Zealand's region); it names the entity's kind but is no evidence for resolution
    guessed: bool = False


# A capitalised word: letters, inner apostrophes/hyphens ("Sar-e", "Qal'ah", "Mir'ali").
_CAP = r"[A-Z\u00C0-\u024F][\w\u00C0-\u024F]*(?:[’‘'\-][\w\u00C0-\u024F]+)*"
_LOCATIVE = re.compile(
    r"\b(?:in|at|near|from|across|into|to|outside|around|throughout|towards?|inside)\s+$", re.IGNORECASE
)
#: admin words that are also ordinary capitalised name parts ("Islamic State", "Central Region"):
#: written with a capital they need the gazetteer to confirm the name.
_WEAK = frozenset({"state", "states", "region", "regions", "area", "areas", "valley", "city", "town",
                   "village", "villages", "municipality", "neighbourhood", "neighborhood", "agency", "agencies"})


@lru_cache(maxsize=1)
def _patterns() -> dict[str, re.Pattern[str]]:
    words = sorted(admin_words(), key=len, reverse=True)
    word = "(?:" + "|".join(map(re.escape, words)) + ")"
    singular = "(?:" + "|".join(re.escape(w) for w in words if not admin_words()[w].get("plural")) + ")"
    plural = "(?:" + "|".join(re.escape(w) for w in words if admin_words()[w].get("plural")) + ")"
    ci = "(?i:{})"
    # a name word is a capitalised word that is not an admin word ("Borno State" = name + word)
    cap = rf"(?!{ci.format(word)}\b){_CAP}"
    name = rf"{cap}(?:\s+(?:(?:e|i|al|el|ul|de|du)\s+)?{cap}){{0,3}}"
    return {
        # "Bama District", "Konduga district"
        "named": re.compile(rf"\b(?P<name>{name})\s+(?P<word>{ci.format(singular)})\b"),
        # "the provinces of Logar, Helmand and Farah", "the province of Borno"
        "of_list": re.compile(
            rf"\b(?P<word>{ci.format(word)})\s+of\s+(?P<names>{name}(?:\s*,\s*{name})*(?:,?\s+and\s+{name})?)"
        ),
        # "states such as California or Washington", "provinces including Logar and Wardak"
        "such_list": re.compile(
            rf"\b(?P<word>{ci.format(plural)})\s+(?:such\s+as|including|like)\s+"
            rf"(?P<names>{name}(?:\s*,\s*{name})*(?:,?\s+(?:and|or)\s+{name})?)"
        ),
        # "Logar and Wardak provinces", "Kunar, Nuristan and Nangarhar provinces"
        "list_plural": re.compile(
            rf"\b(?P<names>{name}(?:\s*,\s*{name})*,?\s+and\s+{name})\s+(?P<word>{ci.format(plural)})\b"
        ),
        # a parent after a named admin phrase: ", Borno State" (admin word required) or " of/in (the) Borno"
        "parent_comma": re.compile(rf"\s*,\s*(?P<name>{name})\s+(?P<word>{ci.format(singular)})\b"),
        "parent_of": re.compile(rf"\s+(?:of|in)\s+(?:the\s+)?(?P<name>{name})(?:\s+(?P<word>{ci.format(singular)})\b)?"),
        "name": re.compile(rf"\b{name}\b"),
    }


@lru_cache(maxsize=1)
def _not_places() -> frozenset[str]:
    return frozenset(str(w) for w in vocabulary()["not_places"])


@lru_cache(maxsize=1)
def _demonyms() -> frozenset[str]:
    from claimgraph.data import load_tsv

    return frozenset(norm(r["demonym"]) for r in load_tsv("geo_demonyms.tsv"))


@lru_cache(maxsize=1)
def _leading_noise() -> frozenset[str]:
    return frozenset(str(w) for w in vocabulary()["leading_noise"])


def _trim_name(text: str, start: int) -> tuple[str, int] | None:
    """Drop leading words that cannot start a place name ("The", "In", months); None when nothing is left."""
    words = text.split()
    while words and words[0] in _leading_noise() and len(words) > 1:
        start += text.index(words[1], len(words[0]))
        text = text[text.index(words[1], len(words[0])) :]
        words = text.split()
    if not words or (len(words) == 1 and words[0] in _not_places()):
        return None
    return text, start


def _known(gazetteer: Any | None, name: str) -> str | None:
    """The gazetteer's kind for a prominent place of exactly this name (country, province, large city)."""
    if gazetteer is None:
        return None
    return gazetteer.prominent_kind(name)


def _country_not_admin(gazetteer: Any | None, name: str) -> bool:
    """The name is a country's and no province's or district's of the gazetteer."""
    if gazetteer is None or _known(gazetteer, name) != "country":
        return False
    return not any(c.match in ("exact", "alias") and c.entry.level in (1, 2)
                   for c in gazetteer.candidates(name, fuzzy=False))


def _in_gazetteer(gazetteer: Any | None, name: str) -> bool:
    """Whether the gazetteer has a place of exactly this name (any size); False without one."""
    if gazetteer is None:
        return False
    return any(c.match in ("exact", "alias") for c in gazetteer.candidates(name, fuzzy=False))


def _admin_phrases(text: str, gazetteer: Any | None) -> list[ToponymSpan]:
    pats = _patterns()
    found: list[ToponymSpan] = []
    for m in pats["named"].finditer(text):
        word = m.group("word")
        trimmed = _trim_name(m.group("name"), m.start("name"))
        if trimmed is None:
            continue
        name, nstart = trimmed
        if word.lower() in _WEAK and word[0].isupper() and not _in_gazetteer(gazetteer, name):
            continue  # "Islamic State", "Food Inspection Agency"
        if word.lower() in vocabulary()["capitalised_only"] and not word[0].isupper():
            continue  # "a United Nations agency"
        if name.split()[-1] in vocabulary()["institution_words"]:
            continue  # "Santa Ana Unified School District"
        of_name = pats["parent_of"].match(text, m.end())
        if norm(name) in _demonyms():
            # "the Syrian province of Hama": the nationality describes the place named after "of", which is
            # the province; it names none itself
            if of_name and not of_name.group("word"):
                named = _trim_name(of_name.group("name"), of_name.start("name"))
                if named is not None:
                    found.append(ToponymSpan(named[1], named[1] + len(named[0]), named[0],
                                             admin_words()[word.lower()]["kind"]))
            continue
        kind = admin_words()[word.lower()]["kind"]
        parent_text = None
        level = admin_words()[word.lower()]["level"]
        pm = pats["parent_comma"].match(text, m.end()) or of_name
        if pm and pm.group("word") and admin_words()[pm.group("word").lower()]["level"] >= level:
            pm = None  # "Borno state, Bama district": a sibling, not a parent
        if pm:
            ptrim = _trim_name(pm.group("name"), pm.start("name"))
            if ptrim is not None:
                pname, pstart = ptrim
                pword = pm.group("word")
                pend = pm.end("word") if pword else pstart + len(pname)
                pkind = admin_words()[pword.lower()]["kind"] if pword else _known(gazetteer, pname)
                parent_text = text[pstart:pend]
                found.append(ToponymSpan(pstart, pend, parent_text, pkind, guessed=not pword))
        found.append(ToponymSpan(nstart, m.end(), text[nstart : m.end()], kind, parent_text))
    preceded_by_name = re.compile(rf"{_CAP}\s+$")
    for key in ("of_list", "such_list", "list_plural"):
        for m in pats[key].finditer(text):
            if key == "of_list" and preceded_by_name.search(text, max(0, m.start() - 40), m.start()):
                continue  # "the Sambisa area of Borno": Borno is the parent, found above
            kind = admin_words()[m.group("word").lower()]["kind"]
            base = m.start("names")
            for nm in pats["name"].finditer(m.group("names")):
                trimmed = _trim_name(nm.group(0), base + nm.start())
                if trimmed is None:
                    continue
                name, nstart = trimmed
                # "the eastern region of Chad", "the provinces of Canada": a country holds the admin areas
                # the phrase names, it is none of them, unless an admin area bears its name ("the states
                # of Texas and Georgia")
                own = "country" if key == "of_list" and _country_not_admin(gazetteer, name) else kind
                found.append(ToponymSpan(nstart, nstart + len(name), name, own))
    return found


def _gazetteer_repairs(sdoc: Doc, gazetteer: Any | None, taken: list[tuple[int, int]]) -> list[ToponymSpan]:
    """Known prominent places the NER mislabelled or missed, in a locative context."""
    if gazetteer is None:
        return []
    text = sdoc.text
    out: list[ToponymSpan] = []
    candidates: list[tuple[int, int]] = [
        (e.start_char, e.end_char) for e in sdoc.ents if e.label_ in ("ORG", "PERSON", "PRODUCT", "WORK_OF_ART")
    ]
    ent_chars = [(e.start_char, e.end_char) for e in sdoc.ents]
    for m in _patterns()["name"].finditer(text):
        if not any(s < m.end() and m.start() < e for s, e in ent_chars):
            candidates.append((m.start(), m.end()))
    for start, end in candidates:
        if any(s < end and start < e for s, e in taken):
            continue
        trimmed = _trim_name(text[start:end], start)
        if trimmed is None:
            continue
        name, start = trimmed
        end = start + len(name)
        kind = _known(gazetteer, name)
        if kind is None or norm(name) in _demonyms() or not _LOCATIVE.search(text[max(0, start - 30) : start]):
            continue  # "in Angolan waters": a nationality adjective, not a place
        # the gazetteer's most prominent namesake confirms that the name is a place, not which place: a
        # kind it suggests is not written evidence ("in Nelson" is not the New Zealand region), except a
        # country's, which no town outranks
        out.append(ToponymSpan(start, end, name, kind, guessed=kind != "country"))
        taken.append((start, end))
    return out


_LIST_GAP = re.compile(r"^(?:\s*,\s*|\s+)(?:and\s+|or\s+)?$|^\s+(?:and|or)\s+$")


def _comma_parents(sdoc: Doc, gazetteer: Any | None) -> list[ToponymSpan]:
    """"Paris, Texas" / "Borno, Afghanistan": a place followed by its province or country after a comma.

    Not inside a list of places ("Logar, Helmand and Farah", "Kabul, Kandahar, Herat").
    """
    if gazetteer is None:
        return []
    out = []
    ents = [e for e in sdoc.ents if e.label_ in ("GPE", "LOC", "FAC", "ORG", "PERSON")]
    text = sdoc.text
    for i in range(len(ents) - 1):
        a, b = ents[i], ents[i + 1]
        if text[a.end_char : b.start_char] != ", ":
            continue
        if _known(gazetteer, b.text) not in ("province", "country"):
            continue
        if a.label_ not in ("GPE", "LOC", "FAC") and not _in_gazetteer(gazetteer, a.text):
            continue
        before = ents[i - 1] if i > 0 else None
        after = ents[i + 2] if i + 2 < len(ents) else None
        if before is not None and _LIST_GAP.match(text[before.end_char : a.start_char]):
            continue
        if after is not None and _LIST_GAP.match(text[b.end_char : after.start_char]) and not (
                text[b.end_char : after.start_char] == ", " and _known(gazetteer, b.text) == "province"
                and _known(gazetteer, after.text) == "country"):
            continue  # a list, unless a chain down from a country: "Stroud, Ontario, Canada"
        out.append(ToponymSpan(a.start_char, a.end_char, a.text, None, b.text))
        out.append(ToponymSpan(b.start_char, b.end_char, b.text, _known(gazetteer, b.text), guessed=True))
    return out


def toponym_spans(sdoc: Doc, gazetteer: Any | None = None) -> list[ToponymSpan]:
    """Place-name spans the NER may miss or mislabel, sorted, without overlaps (longest wins).

    Works without a gazetteer (admin phrases only); with one it also confirms
    capitalised "State"/"Region" phrases and repairs mislabelled names.
    """
    spans = _admin_phrases(sdoc.text, gazetteer) + _comma_parents(sdoc, gazetteer)
    # longest first, then earliest; a span overlapping a kept one is dropped
    kept: list[ToponymSpan] = []
    for sp in sorted(spans, key=lambda s: (-(s.end - s.start), s.start, s.parent_text is None)):
        if any(k.start < sp.end and sp.start < k.end for k in kept):
            continue
        kept.append(sp)
    kept.extend(_gazetteer_repairs(sdoc, gazetteer, [(k.start, k.end) for k in kept]))
    return sorted(kept, key=lambda s: s.start)


def name_key(text: str) -> str:
    """The key two toponym spans share when they name the same place as written."""
    return norm(text)
