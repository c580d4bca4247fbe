"""Trigger words of event claims, compared for event identity without a lemmatiser or WordNet.

Two mentions of one event are mostly written with the same word ("arrested" … "the arrest")
or a synonym ("detained"); two different events of one type in one report are mostly written
with different words ("shot" … "wounded", "killed"). Resolution runs on stored records, with
no language model at hand, so a trigger is reduced to a *stem* — lower case, an irregular past
form mapped to its base (``data/crossdoc.yaml``), inflectional endings dropped — that is equal
for the inflections of one word ("strikes", "striking", "struck" → ``strik``), and compared:

* the same stem → the same word;
* both stems in the trigger lexicon (``data/events.tsv``) with the same PLOVER type and the
  same CAMEO code ("arrest", "detain", "capture": 173; "kill", 1823, is not "wound", 182, nor
  "shoot", 193) → synonyms, weaker evidence than the same word (see crossdoc_match);
* anything else → different words: never the same event.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from claimgraph.data import load_tsv, load_yaml

_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?", re.UNICODE)
_VOWELS = frozenset("aeiouy")


@lru_cache(maxsize=1)
def _irregular() -> dict[str, str]:
    return {k.lower(): v.lower() for k, v in (load_yaml("crossdoc.yaml").get("irregular_forms") or {}).items()}


def stem(word: str) -> str:
    """A key equal for a word's inflections: ``bombed``/``bombing``/``bombs`` → ``bomb``, ``died``/``dying`` → ``di``.

    Not a linguistic lemma (``capture`` → ``captur``): only equality between stems matters.
    """
    w = word.lower().replace("’", "'")
    w = _irregular().get(w, w)
    if w.endswith("'s"):
        w = w[:-2]
    for suffix, repl in (("ying", "i"), ("ings", ""), ("ing", ""), ("ied", "i"), ("ies", "i"), ("ed", ""),
                         ("sses", "ss"), ("shes", "sh"), ("ches", "ch"), ("xes", "x"), ("es", "e"), ("s", "")):
        if w.endswith(suffix) and not (suffix == "s" and w.endswith(("ss", "us", "is"))):
            rest = w[: len(w) - len(suffix)] + repl
            if len(rest) >= 2 and set(rest) & _VOWELS:
                w = rest
                break
    if w.endswith("ation") and len(w) > 7:
        w = w[:-3]  # "negotiation" → "negotiat", as "negotiate" → "negotiat"
    if w.endswith("e") and len(w) > 2:
        w = w[:-1]
    if w.endswith("y") and len(w) > 2:
        w = w[:-1] + "i"
    if len(w) > 3 and w[-1] == w[-2] and w[-1] not in _VOWELS:
        w = w[:-1]  # "hitting" → "hitt" → "hit", "shelled" → "shel", as "shell" → "shel"
    return w


def trigger_key(text: str) -> str:
    """The stems of a trigger phrase's words ("opened fire" → ``open fir``); '' when it has none."""
    return " ".join(stem(w) for w in _WORD.findall(text))


@dataclass(frozen=True)
class Sense:
    """One lexicon row a trigger stem can stand for: its PLOVER type and CAMEO code."""

    type: str
    cameo: str


@lru_cache(maxsize=1)
def senses() -> dict[str, frozenset[Sense]]:
    """Trigger stem → the lexicon senses it has (rows of ``data/events.tsv`` with a type and a CAMEO code)."""
    out: dict[str, set[Sense]] = {}
    for row in load_tsv("events.tsv"):
        if row["type"] == "-" or row["cameo"] in ("", "-"):
            continue
        out.setdefault(trigger_key(row["lemma"]), set()).add(Sense(row["type"], row["cameo"]))
    return {k: frozenset(v) for k, v in out.items()}


def _lookup(key: str) -> frozenset[Sense]:
    found = senses().get(key)
    if found is None and " " in key:
        found = senses().get(key.rsplit(" ", 1)[-1])  # "air strike" → "strike"
    return found or frozenset()


def same_trigger(a: str, b: str, predicate: str) -> str | None:
    """Why two trigger keys name the same kind of act for ``predicate`` ("same word", "synonyms"), else None."""
    if not a or not b:
        return None
    if a == b:
        return "same word"
    sa = [s for s in _lookup(a) if s.type == predicate]
    sb = [s for s in _lookup(b) if s.type == predicate]
    if any(x.cameo == y.cameo for x in sa for y in sb):
        return "synonyms"
    return None
