"""Entity-ruler patterns built from the packaged actor data.

Three families of patterns, all with ``id`` set so that downstream stages can
read which dictionary entry (or rule) produced an entity from ``ent.ent_id_``:

* every name and alias in ``actors.yaml`` -> ORG, id ``actor:<id>``, matched
  case-insensitively (headlines capitalise everything); acronyms go to a second
  ruler matching case-sensitively ("AP" is not "ap"). Spellings the file does
  not list are found by :mod:`claimgraph.nlp.variants`.
* honorific + capitalised words ("Minister Shoigu", "Maulvi Ahmad Diriye")
  -> PERSON, id ``honorific``, for honorifics marked ``ruler: yes``.
* "<demonym> <actor>" for dictionary aliases such as "Pakistani Taliban" is
  covered by the aliases themselves; bare demonyms are left to NER (NORP).

The ruler runs before ``ner``, so statistical NER keeps these spans and labels
the rest of the text around them.
"""

from __future__ import annotations

from typing import Any

from claimgraph.nlp import lexicon

RULER_NAME = "claimgraph_actor_ruler"
ACRONYM_RULER_NAME = "claimgraph_acronym_ruler"
ACTOR_PREFIX = "actor:"
HONORIFIC_ID = "honorific"

_CONNECTORS = ["al", "el", "ul", "ud", "bin", "ibn", "bint", "abu", "abd", "-", "de", "del", "la", "van", "von"]


def _is_acronym(form: str) -> bool:
    letters = [ch for ch in form if ch.isalpha()]
    return " " not in form and sum(ch.isupper() for ch in letters) >= 2 and len(form) <= 10 and not form.istitle()


def actor_patterns() -> list[dict[str, Any]]:
    """Names as phrase patterns, matched on LOWER by the ruler's PhraseMatcher (fast; case-blind, so
    headline capitals match). Acronyms are left to :func:`acronym_patterns`."""
    patterns: list[dict[str, Any]] = []
    for actor in lexicon.actors():
        for phrase in sorted({f.lower() for f in actor.surface_forms() if not _is_acronym(f)}):
            patterns.append({"label": "ORG", "pattern": phrase, "id": ACTOR_PREFIX + actor.id})
    return patterns


def acronym_patterns() -> list[dict[str, Any]]:
    """Acronyms as phrase patterns for a ruler matching on ORTH: case-sensitive ("AP" is not "ap")."""
    return [
        {"label": "ORG", "pattern": form, "id": ACTOR_PREFIX + actor.id}
        for actor in lexicon.actors()
        for form in sorted({f for f in actor.surface_forms() if _is_acronym(f)})
    ]


def honorific_patterns() -> list[dict[str, Any]]:
    """Honorific + capitalised words; one pattern pair per honorific length (few patterns: the Matcher's
    cost grows with their number)."""
    patterns: list[dict[str, Any]] = []
    by_len: dict[int, list[list[str]]] = {}
    for h in lexicon.honorifics():
        if h.ruler:
            by_len.setdefault(len(h.term.split()), []).append(h.term.split())
    for _n, terms in sorted(by_len.items()):
        head = [{"ORTH": {"IN": sorted({t[k] for t in terms})}} for k in range(len(terms[0]))]
        name = {"IS_TITLE": True, "IS_SENT_START": False}
        patterns.append({"label": "PERSON", "pattern": [*head, {**name, "OP": "+"}], "id": HONORIFIC_ID})
        patterns.append(
            {
                "label": "PERSON",
                "pattern": [*head, {**name, "OP": "*"}, {"LOWER": {"IN": _CONNECTORS}}, {"ORTH": "-", "OP": "?"},
                            {**name, "OP": "+"}],
                "id": HONORIFIC_ID,
            }
        )
    return patterns


