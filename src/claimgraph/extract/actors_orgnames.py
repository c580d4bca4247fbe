"""Organisation names that go on past their head noun: "the Communist Party of Greece".

The small English model often stops an organisation at its head noun ("Communist Party")
and tags the rest as a separate place ("Greece"), or drops it. When an ORG candidate ends
in an organisation head noun and the text continues with "of"/"for" and a capitalised name,
the name is the whole phrase. Head nouns and linkers are data (``data/org_names.yaml``).
A continuation that holds a person or an organisation candidate is not taken ("the party of
Imran Khan" names a person; "the Belfast Brigade of the Provisional IRA" is a unit *of* another
organisation, a relation, not one name), nor one that crosses punctuation or a line.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from claimgraph.data import load_yaml
from claimgraph.extract.actors_candidates import Candidate, make

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token


@dataclass(frozen=True)
class OrgNameRules:
    heads: frozenset[str]
    linkers: frozenset[str]
    inner_words: frozenset[str]


@lru_cache(maxsize=1)
def org_name_rules() -> OrgNameRules:
    d = load_yaml("org_names.yaml")
    return OrgNameRules(*(frozenset(str(w).lower() for w in d[k]) for k in ("heads", "linkers", "inner_words")))


def _is_name_word(tok: Token) -> bool:
    return (tok.is_title or (tok.is_upper and len(tok.text) > 1)) and tok.is_alpha


def _continuation_end(sdoc: Doc, i: int, rules: OrgNameRules) -> int | None:
    """The end of "of/for [the] Capitalised Name…" starting at token ``i``, or None."""
    n = len(sdoc)
    if i >= n or sdoc[i].lower_ not in rules.linkers or not sdoc[i].is_lower:
        return None
    j = i + 1
    if j < n and sdoc[j].lower_ == "the" and sdoc[j].is_lower:
        j += 1
    end = None
    while j < n and not sdoc[j].is_space and "\n" not in sdoc[j - 1].whitespace_:
        tok = sdoc[j]
        if _is_name_word(tok):
            j += 1
            end = j
        elif tok.is_lower and tok.lower_ in rules.inner_words and j + 1 < n and (
                _is_name_word(sdoc[j + 1]) or (sdoc[j + 1].lower_ == "the" and j + 2 < n and _is_name_word(sdoc[j + 2]))):
            j += 1
        else:
            break
    return end


def extend_org_names(sdoc: Doc, cands: list[Candidate]) -> list[Candidate]:
    """Grow ORG candidates over their "of/for <Name>" continuation; candidates inside it give way."""
    rules = org_name_rules()
    out = sorted(cands, key=lambda c: c.start)
    for k, c in enumerate(out):
        if c.label != "ORG" or c.dict_id or sdoc[c.end - 1].lower_ not in rules.heads:
            continue
        end = _continuation_end(sdoc, c.end, rules)
        if end is None:
            continue
        inside = [o for o in out if o is not c and o.start < end and c.end <= o.start]
        if any(o.label in ("PERSON", "ORG") or o.end > end for o in inside):
            continue
        grown = make(sdoc, c.start, end, "ORG", c.source, kind=c.kind)
        if grown is None:
            continue
        out[k] = grown
        gone = {id(o) for o in inside}
        out = [o for o in out if id(o) not in gone]
        return extend_org_names(sdoc, out)  # indices moved: start again (a handful of candidates per document)
    return out
