"""The unit the actor stage works on: one name candidate with its exact span.

Shared by :mod:`claimgraph.extract.actors_mentions` (finding and repairing
candidates) and :mod:`claimgraph.extract.actors_placenames` (place repairs).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from spacy.tokens import Doc

LABEL_TYPES = {
    "PERSON": "Person",
    "ORG": "Organization",
    "NORP": "Organization",
    "GPE": "Location",
    "LOC": "Location",
    "FAC": "Location",
    "AGREEMENT": "Agreement",
    "LAW": "Agreement",
    "MISC": "Organization",  # PRODUCT / EVENT / WORK_OF_ART: kept only if repaired into a place or agreement
}
MISC_LABELS = {"PRODUCT", "EVENT", "WORK_OF_ART"}
_ALIAS_MARKERS = {"a.k.a", "a.k.a.", "aka", "alias"}
_DETERMINERS = {"the", "a", "an", "this", "that", "these", "those", "its", "their", "his", "her"}
#: Penn tags of finite verbs (past, 3rd person present, other present)
FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP"})


def is_finite_verb(token: Any) -> bool:
    """A lower-case finite verb ("shared", "closes"): the predicate of a clause, never a word of a name.

    Names keep their capitals ("Operation Enduring Freedom"), so only lower-case words count, and
    only those the tagger reads as a verb (not a hyphen particle like the "e" of "Lashkar-e-Taiba").
    """
    return bool(token.is_lower and token.is_alpha and len(token) > 2 and token.tag_ in FINITE_TAGS
                and token.pos_ in ("VERB", "AUX"))


@dataclass
class Candidate:
    """One mention of a possible entity: an exact span plus what we know about it."""

    start: int  # token index
    end: int  # token index (exclusive)
    start_char: int
    end_char: int
    text: str  # exact surface text
    label: str  # PERSON ORG GPE LOC FAC NORP AGREEMENT DESCRIPTOR
    source: str  # ner | ruler | pattern | toponym | coref
    dict_id: str | None = None
    kind: str | None = None
    titles: list[str] = field(default_factory=list)
    name: str = ""  # the name without titles / determiners / generic suffix
    country_of: str | None = None  # a country this stands for ("US forces", "Islamabad")
    in_headline: bool = False
    admin_suffix: str | None = None  # "district" for "Gao district"
    listed_kind: str | None = None  # kind stated by a list heading ("the provinces of A, B and C")

    @property
    def etype(self) -> str:
        return LABEL_TYPES.get(self.label, "Organization")


def trim(sdoc: Doc, start: int, end: int) -> tuple[int, int]:
    # a name never runs across a line break: keep the first line that has letters
    for k in range(start, end):
        if "\n" in sdoc[k].text or "\n" in sdoc[k].whitespace_:
            if any(t.is_alpha for t in sdoc[start:k + 1]) and not sdoc[k].is_space:
                end = k + 1
            elif any(t.is_alpha for t in sdoc[start:k]):
                end = k
            else:
                start = k + 1
            break
    # a stated alias is not part of the name before it: "Zubair Qasim, a.k.a. ..." (NER runs on over the marker)
    for k in range(start + 1, end):
        if sdoc[k].lower_ in _ALIAS_MARKERS and sdoc[k - 1].text in (",", "("):
            end = k
            break
    # caption and dateline prefixes: "FILE - Salman Abedi", "KABUL — Zabiullah Mujahid"
    for k in range(start + 1, min(end - 1, start + 4)):
        if sdoc[k].text in ("-", "\u2013", "\u2014", "--") and all(t.is_upper for t in sdoc[start:k]) and \
                (sdoc[k - 1].whitespace_ or sdoc[k].whitespace_):  # "ISIS-K" is a name, not "KABUL - ..."
            start = k + 1
            break
    while start < end and (sdoc[start].lower_ in _DETERMINERS or sdoc[start].is_punct or sdoc[start].is_space):
        start += 1
    while end > start and (sdoc[end - 1].text in ("'s", "\u2019s", "'", "\u2019") or sdoc[end - 1].is_punct
                           or sdoc[end - 1].is_space or sdoc[end - 1].pos_ in ("ADP", "CCONJ", "DET")):
        end -= 1
    return start, end


def make(sdoc: Doc, start: int, end: int, label: str, source: str, **kw: Any) -> Candidate | None:
    start, end = trim(sdoc, start, end)
    # a name stops before the finite verb of its clause ("Turkey shared intelligence" is "Turkey")
    for k in range(start + 1, end):
        if is_finite_verb(sdoc[k]):
            start, end = trim(sdoc, start, k)
            break
    # a capitalised preposition opening a sentence is not part of the name ("Across Athens, ...")
    while start < end - 1 and sdoc[start].is_sent_start and sdoc[start].pos_ == "ADP" and sdoc[start].is_title:
        start += 1
    if label == "PERSON":
        # a person's name stops at its possessive and never ends in a number ("Essid's 2015 government")
        for k in range(start + 1, end - 1):
            if sdoc[k].text in ("'s", "\u2019s"):
                end = k
                break
        while end > start + 1 and (sdoc[end - 1].like_num or sdoc[end - 1].is_punct):
            end -= 1
    if start >= end:
        return None
    span = sdoc[start:end]
    return Candidate(start, end, span.start_char, span.end_char, span.text, label, source, **kw)
