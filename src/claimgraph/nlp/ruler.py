"""Entity-ruler patterns built from the packaged actor data.

Three families of patterns, all with ``id`` set so that downstream stages can
read which dictionary entry (or rule) produced an entity from ``ent.ent_id_``:

* every name, alias and acronym in ``actors.yaml`` -> ORG, id ``actor:<id>``.
  Multi-word names match case-insensitively (headlines capitalise everything);
  one-word names and acronyms match case-sensitively ("AP" is not "ap").
* honorific + capitalised words ("Mullah Yaqoob", "Maulvi Sadiq Noor Dawar")
  -> PERSON, id ``honorific``, for honorifics marked ``ruler: yes``.
* "<demonym> <actor>" for dictionary aliases such as "Pakistani Taliban" is
  covered by the aliases themselves; bare demonyms are left to NER (NORP).

The ruler runs before ``ner``, so statistical NER keeps these spans and labels
the rest of the text around them.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from claimgraph.nlp import lexicon

Tokenize = Callable[[str], list[str]]

RULER_NAME = "claimgraph_actor_ruler"
ACTOR_PREFIX = "actor:"
HONORIFIC_ID = "honorific"

_CONNECTORS = ["al", "el", "ul", "ud", "bin", "ibn", "bint", "abu", "abd", "-", "de", "del", "la", "van", "von"]


def _token_pattern(form: str) -> list[dict[str, Any]] | None:
    """Case-sensitive single-token pattern for one-word names and acronyms, else None."""
    if " " in form or "-" in form or "'" in form or "." in form[:-1] or "/" in form:
        return None
    return [{"ORTH": form}]


def actor_patterns(tokenize: Tokenize) -> list[dict[str, Any]]:
    """Token patterns (not phrase patterns: those would run the whole pipeline over each name)."""
    patterns: list[dict[str, Any]] = []
    seen: set[tuple[str, str]] = set()
    for actor in lexicon.actors():
        for form in actor.surface_forms():
            tok = _token_pattern(form)
            if tok is None:
                tok = [{"LOWER": t.lower()} for t in tokenize(form)]
            key = (repr(tok), actor.id)
            if key in seen:
                continue
            seen.add(key)
            patterns.append({"label": "ORG", "pattern": tok, "id": ACTOR_PREFIX + actor.id})
    return patterns


def honorific_patterns() -> list[dict[str, Any]]:
    patterns: list[dict[str, Any]] = []
    for h in lexicon.honorifics():
        if not h.ruler:
            continue
        head = [{"ORTH": part} for part in h.term.split()]
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


def all_patterns(tokenize: Tokenize) -> list[dict[str, Any]]:
    return actor_patterns(tokenize) + honorific_patterns()
