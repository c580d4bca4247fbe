"""Geoparsing a parsed text on its own: toponym spans and a place for each.

The extraction pipeline resolves Location *entities*; this module does the
same for raw spans without the rest of the pipeline, which is what the
geoparsing evaluation and ``claimgraph gazetteer`` users need:

* :func:`find_toponyms` — spaCy GPE/LOC/FAC spans merged with
  :func:`~claimgraph.geo.toponyms.toponym_spans` (admin phrases win over the
  NER's shorter or mislabelled spans);
* :func:`geoparse` — those spans resolved together (one place per distinct
  name in a document, parents from admin phrases).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import TYPE_CHECKING

from claimgraph.data import load_tsv, load_yaml
from claimgraph.geo.gazetteer import Gazetteer
from claimgraph.geo.names import admin_words, norm, split_admin, vocabulary
from claimgraph.geo.rank import macro_region
from claimgraph.geo.resolve import Toponym, resolve_toponyms
from claimgraph.geo.toponyms import ToponymSpan, toponym_spans
from claimgraph.model import Place

if TYPE_CHECKING:
    from spacy.tokens import Doc

NER_LABELS = ("GPE", "LOC", "FAC")


@dataclass
class Geoparsed:
    start: int
    end: int
    text: str
    place: Place


@dataclass(frozen=True)
class Guidelines:
    """What counts as a toponym beyond place names (see ``data/geo_corpora.yaml``)."""

    demonyms: bool = False
    metonyms: bool = False
    embedded: bool = False
    name_only: bool = False
    #: a language named after its country counts as that country ("English", "Japanese")
    languages: bool = False
    #: a regular expression matching a metadata header at the start of each text that the corpus never
    #: annotates (GeoWebNews files open with "TITLE: … LINK: <url>"); no toponym is reported inside it
    header: str | None = None

    @classmethod
    def for_corpus(cls, corpus: str) -> Guidelines:
        spec = load_yaml("geo_corpora.yaml")
        return cls(**{**spec["default"], **(spec["corpora"].get(corpus) or {})})


def _clean(start: int, text: str) -> tuple[int, str]:
    """Drop a leading "the" and a trailing possessive ("the United Kingdom's" → "United Kingdom")."""
    if text.lower().startswith("the "):
        start, text = start + 4, text[4:]
    for tail in ("'s", "’s"):
        if text.endswith(tail):
            text = text[: -len(tail)]
    return start, text


def _country_like(gazetteer: Gazetteer | None, text: str, max_level: int = 1, continents: bool = True) -> bool:
    """A country, continent or first-order admin area of exactly this name (or a known short form)."""
    if gazetteer is None:
        return False
    return any(c.match in ("exact", "alias") and c.entry.level <= max_level
               and (continents or c.entry.feature != "continent")
               for c in gazetteer.candidates(text, fuzzy=False))


def _demonym(gazetteer: Gazetteer | None, text: str) -> bool:
    text = singular_demonym(text)
    return norm(text) in demonyms() and _country_like(gazetteer, text)


def singular_demonym(text: str) -> str:
    """"Canadians" → "Canadian", "Pakistanis" → "Pakistani": a people named by the plural of a demonym.

    Only the regular English plural of demonyms ending in -n or -i is undone ("Swiss", "Chinese" and
    "French" have no -s plural); any other text comes back unchanged.
    """
    if len(text) > 3 and text.endswith("s") and text[-2] in "ni" and norm(text[:-1]) in demonyms():
        return text[:-1]
    return text


def find_toponyms(
    sdoc: Doc, gazetteer: Gazetteer | None, labels: tuple[str, ...] = NER_LABELS,
    guidelines: Guidelines = Guidelines(), *, spans: list[ToponymSpan] | None = None,
    rejected: dict[tuple[int, int], str] | None = None,
) -> list[ToponymSpan]:
    """Toponym spans, sorted and without overlaps.

    Admin phrases and gazetteer repairs (:func:`toponym_spans`) win over NER spans they overlap;
    ``guidelines`` add demonyms, country names the NER took for organisations, and place names
    at the start of organisation names. ``spans`` and ``rejected`` take :func:`toponym_spans` and
    :func:`rejected_ner_places` of the same document when the caller already has them.
    """
    ours = toponym_spans(sdoc, gazetteer) if spans is None else spans
    spans = list(ours)
    ents = list(sdoc.ents)
    if rejected is None:
        rejected = rejected_ner_places(sdoc, gazetteer, labels)
    for i, ent in enumerate(ents):
        start, text = _clean(ent.start_char, ent.text)
        extra: ToponymSpan | None = None
        if ent.label_ in labels:
            if (ent.start_char, ent.end_char) in rejected:
                continue
            # "Democratic Republic of the Congo" split by the NER: join "X of (the) Y" when that is a name
            if i + 1 < len(ents) and ents[i + 1].label_ in labels:
                gap = sdoc.text[ent.end_char : ents[i + 1].start_char]
                joined = sdoc.text[start : ents[i + 1].end_char]
                if gap in (" of ", " of the ") and _country_like(gazetteer, joined):
                    text = joined
            extra = ToponymSpan(start, start + len(text), text, None)
        elif (guidelines.demonyms and ent.label_ == "NORP" or guidelines.languages and ent.label_ == "LANGUAGE") \
                and _demonym(gazetteer, text):
            extra = ToponymSpan(start, start + len(text), text, "country")
        elif ent.label_ in ("ORG", "PERSON", "FAC") and (guidelines.metonyms or guidelines.embedded):
            words = ent if ent[0].lower_ != "the" else ent[1:]
            for k in range(len(words), 0, -1):
                if k < len(words) and not guidelines.embedded or k == len(words) and not guidelines.metonyms:
                    continue
                head = words[:k]
                if head.text in _not_places() or head.text in _generic_names() \
                        or norm(head.text) in demonyms() and not guidelines.demonyms:
                    continue
                # an organisation named like a continent is a union ("European Union"), not a place
                if _country_like(gazetteer, head.text, 0 if ent.label_ == "PERSON" else 1, continents=False):
                    extra = ToponymSpan(head.start_char, head.end_char, head.text, None)
                    break
        if extra is None or any(s.start < extra.end and extra.start < s.end for s in spans):
            continue
        spans.append(extra)
    spans = _join_split_names(sdoc.text, sorted(spans, key=lambda s: s.start), gazetteer)
    spans.extend(_other_mentions(sdoc, spans, gazetteer, guidelines))
    if guidelines.name_only:
        spans = [_name_only(s) for s in spans]
    if guidelines.header:
        m = re.match(guidelines.header, sdoc.text)
        if m:
            spans = [s for s in spans if s.start >= m.end()]
    return sorted(spans, key=lambda s: s.start)


def rejected_ner_places(
    sdoc: Doc, gazetteer: Gazetteer | None, labels: tuple[str, ...] = NER_LABELS,
) -> dict[tuple[int, int], str]:
    """The NER's place spans that name no place, by character span, with the reason.

    * ``pathogen`` — a disease named after a place: "West Nile virus", "Marburg fever", and "Ebola"
      anywhere once "Ebola virus" was seen;
    * ``person`` — a word of a person's full name elsewhere in the text ("Mohamed Salah" … "Salah"),
      unless it names a country;
    * ``generic`` — a capitalised common noun (``data/geo_names.yaml`` generic_names: "the Centre").

    Shared by :func:`find_toponyms` and the entity stage, so both drop the same names.
    """
    ents = list(sdoc.ents)
    pathogens = {norm(e.text) for e in ents if _pathogen_follows(sdoc.text, e.end_char)}
    person_words = {t.text for e in ents if e.label_ == "PERSON" and len(e) >= 2 for t in e if t.text[:1].isupper()}
    out: dict[tuple[int, int], str] = {}
    for ent in ents:
        if ent.label_ not in labels:
            continue
        _start, text = _clean(ent.start_char, ent.text)
        if norm(ent.text) in pathogens:
            out[(ent.start_char, ent.end_char)] = "pathogen"
        elif text in person_words and not _country_like(gazetteer, text, 0):
            out[(ent.start_char, ent.end_char)] = "person"
        elif text in _generic_names():
            out[(ent.start_char, ent.end_char)] = "generic"
    return out


def _join_split_names(text: str, spans: list[ToponymSpan], gazetteer: Gazetteer | None) -> list[ToponymSpan]:
    """Neighbouring spans whose joined text is itself a place name are one toponym.

    The NER splits "Baja California" in two; the halves are joined only when the gazetteer has the whole.
    A comma keeps them apart: corpora annotate "Washington, D.C." and "Paris, Texas" as two toponyms or
    one inconsistently, and two is the common reading of "Town, State".
    """
    if gazetteer is None:
        return spans
    out: list[ToponymSpan] = []
    for sp in spans:
        prev = out[-1] if out else None
        if prev is not None and text[prev.end : sp.start] == " ":
            joined = text[prev.start : sp.end]
            if any(c.match in ("exact", "alias") for c in gazetteer.candidates(joined, fuzzy=False)):
                out[-1] = ToponymSpan(prev.start, sp.end, joined, None)
                continue
        out.append(sp)
    return out


def _other_mentions(
    sdoc: Doc, spans: list[ToponymSpan], gazetteer: Gazetteer | None, guidelines: Guidelines = Guidelines(),
) -> list[ToponymSpan]:
    """One sense per discourse: a name taken for a place once is a place wherever else the text writes it.

    The NER labels the same name differently from sentence to sentence ("Tamil Nadu" a person, "Klamath
    Falls" nothing); a mention counts when it is whole tokens, capitalised as found, and not part of a
    longer entity or span ("Canada" in "the Kidney Foundation of Canada" stays the organisation's). Only
    names the gazetteer knows spread: a person the NER once took for a place ("Buhari") must not; an
    acronym only when it names a country or province ("US", not "FAO"); a demonym only where the
    corpus counts demonyms.
    """
    if gazetteer is None:
        return []
    kinds: dict[str, ToponymSpan] = {}
    for sp in spans:
        if len(sp.text) < 2 or not sp.text[0].isupper() or sp.text in kinds:
            continue
        if not guidelines.demonyms and norm(singular_demonym(sp.text)) in demonyms():
            continue
        level = 1 if sp.text.replace(".", "").isupper() else 4
        if any(c.match in ("exact", "alias") and c.entry.level <= level
               for c in gazetteer.candidates(singular_demonym(sp.text), fuzzy=False)):
            kinds.setdefault(sp.text, sp)
    if not kinds:
        return []
    starts = {t.idx for t in sdoc}
    ends = {t.idx + len(t) for t in sdoc}
    taken = [(s.start, s.end) for s in spans] + [(e.start_char, e.end_char) for e in sdoc.ents]
    names = "|".join(re.escape(n) for n in sorted(kinds, key=len, reverse=True))
    out: list[ToponymSpan] = []
    for m in re.finditer(rf"(?<![\w.])(?:{names})(?!\w)", sdoc.text):
        a, b = m.span()
        if a not in starts or b not in ends:
            continue
        if any(x < b and a < y and (x, y) != (a, b) for x, y in taken) or any(
                s.start == a and s.end == b for s in spans):
            continue
        seen = kinds[m.group(0)]
        out.append(ToponymSpan(a, b, m.group(0), seen.kind, guessed=seen.guessed))
        taken.append((a, b))
    return out


_NEXT_WORD = re.compile(r"^[\s\-\[\(]*([A-Za-z]+)")


def _pathogen_follows(text: str, end: int) -> bool:
    m = _NEXT_WORD.match(text[end : end + 30])
    return m is not None and m.group(1).lower() in vocabulary()["pathogen_words"]


def _name_only(span: ToponymSpan) -> ToponymSpan:
    """"Nyanza province" → "Nyanza" (the kind is kept); capitalised admin words stay ("Wright County")."""
    m = re.search(r"\s+(\S+)$", span.text)
    if m and m.group(1).islower() and m.group(1) in admin_words():
        text = span.text[: m.start()]
        return ToponymSpan(span.start, span.start + len(text), text, span.kind, span.parent_text, span.guessed)
    return span


@lru_cache(maxsize=1)
def _not_places() -> frozenset[str]:
    return frozenset(str(w) for w in vocabulary()["not_places"])


@lru_cache(maxsize=1)
def _generic_names() -> frozenset[str]:
    return frozenset(str(w) for w in vocabulary().get("generic_names", ()))


@lru_cache(maxsize=1)
def demonyms() -> frozenset[str]:
    return frozenset(norm(r["demonym"]) for r in load_tsv("geo_demonyms.tsv"))


def _key(text: str) -> str:
    core, word = split_admin(text)
    return f"{core}|{word or ''}"


def resolve_spans(gazetteer: Gazetteer, spans: list[ToponymSpan]) -> list[Geoparsed]:
    """Resolve spans together; spans with the same name (and admin word) share one place."""
    toponyms: dict[str, Toponym] = {}
    key_of: list[str] = []
    for sp in spans:
        key = _key(sp.text)
        key_of.append(key)
        if key in toponyms:
            toponyms[key].weight += 1
            continue
        toponyms[key] = Toponym(key=key, text=singular_demonym(sp.text), kind=None if sp.guessed else sp.kind)
    for sp, key in zip(spans, key_of):
        if sp.parent_text and toponyms[key].parent_key is None:
            pkey = _key(sp.parent_text)
            if pkey in toponyms and pkey != key:
                toponyms[key].parent_key = pkey
    places = resolve_toponyms(gazetteer, list(toponyms.values()))
    # an organisation, event or facility the gazetteer lacks, named after a prominent place it knows
    # ("Dubai World Cup", "University of Alberta"), is placed at that place, and says so
    inner: dict[str, str] = {}
    for key, t in list(toponyms.items()):
        if (not places[key].resolved and not macro_region(t.text)  # "Middle East" is not "Middle"
                and (sub := _embedded_name(gazetteer, t.text)) is not None):
            inner[key] = _key(sub)
            toponyms.setdefault(inner[key], Toponym(key=inner[key], text=sub, weight=0))
    if inner:
        again = resolve_toponyms(gazetteer, list(toponyms.values()))
        for key, sub_key in inner.items():
            place = again[sub_key]
            if place.resolved and place.feature in _PROMINENT:
                places[key] = replace(place, method=f"{place.method}+embedded",
                                      reason=f"placed at the place it is named after, {toponyms[sub_key].text!r}")
    return [Geoparsed(sp.start, sp.end, sp.text, places[key]) for sp, key in zip(spans, key_of)]


#: the places an unknown name may borrow a point from: big enough that the name means them
_PROMINENT = frozenset({"country", "province", "city"})


def _embedded_name(gazetteer: Gazetteer, text: str) -> str | None:
    """The place name an organisation's name starts with ("Dubai World Cup") or ends with after "of"
    ("University of Alberta"); never a demonym ("Russian Embassy" is rarely in Russia), a direction
    ("Eastern Ghouta") or the name of a natural feature ("Baltic Sea", "French Quarter": words in
    ``feature_words``), which the gazetteer lacks and must not be guessed."""
    words = text.split()
    if len(words) < 2 or words[-1].lower() in admin_words() or any(w in vocabulary()["feature_words"] for w in words):
        return None  # "Washington Township" is a township, resolved as one or not at all
    # a leading name, but not one cut off from its admin word ("Walker County Sheriff's Office" is in Walker
    # County, not in a place called Walker; "Colorado State University" is in Colorado State)
    options = [" ".join(words[:k]) for k in range(len(words) - 1, 0, -1) if words[k].lower() not in admin_words()]
    if "of" in words[1:-1]:
        options.insert(0, " ".join(words[len(words) - words[::-1].index("of"):]))
    for sub in options:
        first = sub.split()[0]
        if (len(sub) <= 2 and not _country_like(gazetteer, sub, 0, continents=False)  # "US Federal Reserve"
                or not sub.replace(" ", "").replace("-", "").replace(".", "").isalpha() or first in _not_places()
                or first.lower().endswith("ern")
                or norm(singular_demonym(sub)) in demonyms()):
            continue
        if any(c.match in ("exact", "alias") for c in gazetteer.candidates(sub, fuzzy=False)):
            return sub
    return None


def geoparse(sdoc: Doc, gazetteer: Gazetteer, guidelines: Guidelines = Guidelines()) -> list[Geoparsed]:
    """Every toponym of a parsed text with its place (resolved or not, with the reason)."""
    return resolve_spans(gazetteer, find_toponyms(sdoc, gazetteer, guidelines=guidelines))


def same_toponym(a: str, b: str) -> bool:
    return norm(a) == norm(b)
