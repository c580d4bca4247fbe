"""Within-document alias clustering with recorded decisions.

Mentions are never rewritten: clustering records *judgements* (merge, with the
reason) between candidate indices and derives clusters from them, as
nomenklatura does across datasets. Callers read ``decisions`` to explain why two
surface forms became one entity (``claimgraph show`` can print them).

Rules, each general and each tested on its own:

* ``dictionary``   both matched the same actor-dictionary entry (by ruler or by folded spelling);
* ``same-name``    same type and the same transliteration-folded name (honorifics stripped);
* ``acronym``      "Expansion (ACR)" written side by side;
* ``stated-alias`` the text says so: "X, alias Y", "X, also known as Y", "formerly known as";
* ``spelling``     same type, consonant skeletons equal and rapidfuzz ratio above the bar;
* ``partial-name`` a person's one-word name is the first or last word of exactly one
                   longer person name in the document ("Shekau" ~ "Abubakar Shekau");
                   two people sharing that word keep it apart;
* ``province``     a bare place name that the text lists as a province merges with "<name> province";
* ``country``      "US forces", "Islamabad (as a speaker)" join the country they stand for;
* ``agreement``    agreements with the same name and any agreement noun ("Accord" ~ "Agreement").
* ``name-suffix``  an organisation named by the last words (two or more) of exactly one longer
                   organisation name ("Central Command" ~ "U.S. Central Command").

An organisation and a person never merge ("Wagner Group" is not a person named Wagner).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from claimgraph.nlp import lexicon
from claimgraph.resolve.names import fold, same_name, same_word


@dataclass(frozen=True)
class Decision:
    a: int
    b: int
    rule: str
    same: bool = True


class UnionFind:
    def __init__(self, n: int) -> None:
        self.parent = list(range(n))

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def union(self, a: int, b: int) -> bool:
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return False
        self.parent[max(ra, rb)] = min(ra, rb)
        return True

    def groups(self) -> list[list[int]]:
        out: dict[int, list[int]] = defaultdict(list)
        for i in range(len(self.parent)):
            out[self.find(i)].append(i)
        return [sorted(g) for g in sorted(out.values(), key=min)]


@lru_cache(maxsize=1)
def dictionary_index() -> dict[str, str]:
    """Folded surface form -> actor id, for spellings the ruler did not list verbatim."""
    index: dict[str, str] = {}
    ambiguous: set[str] = set()
    for actor in lexicon.actors():
        long_acronyms = [a for a in actor.acronyms if len(a) >= 4]  # "Isis" for ISIS; short ones collide
        for form in (actor.name, *actor.aliases, *long_acronyms):
            key = fold(form)
            if not key:
                continue
            if key in index and index[key] != actor.id:
                ambiguous.add(key)
            index[key] = actor.id
    for key in ambiguous:
        index.pop(key, None)
    return index


@dataclass
class Item:
    """What the clusterer needs to know about one mention candidate."""

    etype: str
    name: str  # name without titles / determiners
    key: str  # identity key within its type (folded; with admin suffix for places)
    dict_id: str | None = None
    country_of: str | None = None
    acronym_of: int | None = None  # index of the expansion this acronym follows in parentheses
    alias_of: int | None = None  # index of the name this one is stated to be ("X, alias Y", "also known as")
    bare_province: bool = False  # a bare place name used as a province in a list


def cluster(items: Sequence[Item]) -> tuple[list[list[int]], list[Decision]]:
    uf = UnionFind(len(items))
    decisions: list[Decision] = []

    def merge(a: int, b: int, rule: str) -> None:
        if items[a].etype == items[b].etype and uf.union(a, b):
            decisions.append(Decision(a, b, rule))

    _merge_by(items, lambda it: ("dict", it.dict_id) if it.dict_id else None, merge, "dictionary")
    _merge_by(items, lambda it: ("country", it.country_of) if it.country_of else None, merge, "country")
    _merge_by(items, lambda it: (it.etype, it.key) if it.key and not it.dict_id else None, merge, "same-name")
    for i, it in enumerate(items):
        if it.acronym_of is not None:
            merge(it.acronym_of, i, "acronym")
        if it.alias_of is not None:
            merge(it.alias_of, i, "stated-alias")
    # country names: "Pakistan" and a "US forces"-style mention naming it
    by_name = {(it.etype, fold(it.name)): i for i, it in enumerate(items) if not it.country_of}
    for i, it in enumerate(items):
        if it.country_of:
            j = by_name.get((it.etype, fold(it.country_of)))
            if j is not None:
                merge(i, j, "country")
    _merge_provinces(items, merge)
    _merge_spellings(items, uf, merge)
    _merge_partial_names(items, uf, merge, decisions)
    _merge_org_suffixes(items, uf, merge, decisions)
    return uf.groups(), decisions


def _merge_org_suffixes(items: Sequence[Item], uf: UnionFind, merge: Callable[[int, int, str], None],
                        decisions: list[Decision]) -> None:
    """A body named by the tail of one longer body's name is that body ("Central Command" ~ "U.S. Central
    Command", "Interior Ministry" ~ "Afghan Interior Ministry"). Two words at least ("Command" alone says
    nothing), and only when one longer name (cluster) ends so; two ("Syrian National Army", "Afghan National
    Army") leave "National Army" apart."""
    longer: list[tuple[int, list[str]]] = []
    for i, it in enumerate(items):
        if it.etype == "Organization" and not it.country_of:
            words = fold(it.name).split()
            if len(words) >= 3:
                longer.append((i, words))
    for i, it in enumerate(items):
        if it.etype != "Organization" or it.dict_id or it.country_of or it.acronym_of is not None:
            continue
        words = fold(it.name).split()
        if len(words) < 2:
            continue
        n = len(words)
        holders = {uf.find(j) for j, lw in longer if len(lw) > n and lw[-n:] == words}
        if uf.find(i) in holders:
            continue
        if len(holders) == 1:
            merge(i, holders.pop(), "name-suffix")
        elif len(holders) > 1:
            for h in sorted(holders):
                decisions.append(Decision(i, h, "name-suffix-ambiguous", same=False))


def _merge_by(items: Sequence[Item], keyf: Callable[[Item], object], merge: Callable[[int, int, str], None],
              rule: str) -> None:
    first: dict[object, int] = {}
    for i, it in enumerate(items):
        k = keyf(it)
        if k is None:
            continue
        if k in first:
            merge(first[k], i, rule)
        else:
            first[k] = i


def _merge_provinces(items: Sequence[Item], merge: Callable[[int, int, str], None]) -> None:
    """Bare "Kunar" listed among provinces is "Kunar province"; a bare "Kabul" never listed stays the city."""
    listed = {fold(it.name) for it in items if it.bare_province}
    if not listed:
        return
    suffixed: dict[str, int] = {}
    for i, it in enumerate(items):
        if it.etype == "Location" and it.key.endswith("|province"):
            suffixed.setdefault(it.key.rsplit("|", 1)[0], i)
    for i, it in enumerate(items):
        if it.etype == "Location" and it.key.endswith("|") and fold(it.name) in listed:
            j = suffixed.get(fold(it.name))
            if j is not None:
                merge(i, j, "province")


def _merge_spellings(items: Sequence[Item], uf: UnionFind, merge: Callable[[int, int, str], None]) -> None:
    """Transliteration-tolerant merge of distinct names of one type (few distinct names per document)."""
    reps: dict[tuple[str, str], int] = {}
    for i, it in enumerate(items):
        if it.key and not it.country_of:
            reps.setdefault((it.etype, it.key), i)
    keys = list(reps.items())
    for x in range(len(keys)):
        (ta, ka), ia = keys[x]
        for y in range(x + 1, len(keys)):
            (tb, kb), ib = keys[y]
            if ta != tb or uf.find(ia) == uf.find(ib):
                continue
            if items[ia].dict_id and items[ib].dict_id:
                continue  # two dictionary entries are two actors by construction
            sa = ka.split("|")[-1] if "|" in ka else ""
            sb = kb.split("|")[-1] if "|" in kb else ""
            if sa != sb:
                continue  # "Kabul" vs "Kabul province"
            if same_name(items[ia].name, items[ib].name):
                merge(ia, ib, "spelling")


def _merge_partial_names(items: Sequence[Item], uf: UnionFind, merge: Callable[[int, int, str], None],
                         decisions: list[Decision]) -> None:
    """A shorter person name joins the single longer name it starts or ends ("Sheikh Hassan" ~ "Hassan Nasrallah",
    "Musa Jibril" ~ "Ahmad Musa Jibril"). Every full name of a cluster counts ("X, alias Y")."""
    full: list[tuple[int, list[str]]] = []
    seen: set[tuple[str, ...]] = set()
    for i, it in enumerate(items):
        words = fold(it.name).split() if it.etype == "Person" else []
        if len(words) >= 2 and tuple(words) not in seen:
            seen.add(tuple(words))
            full.append((i, words))
    for i, it in enumerate(items):
        if it.etype != "Person":
            continue
        words = fold(it.name).split()
        if not words:
            continue
        n = len(words)
        holders = {uf.find(j) for j, fw in full
                   if len(fw) > n and (_words_match(fw[:n], words) or _words_match(fw[-n:], words))}
        if uf.find(i) in holders:
            continue  # already with a full name it abbreviates ("X, alias Y" ... "Y")
        if len(holders) == 1:
            merge(i, holders.pop(), "partial-name")
        elif len(holders) > 1:
            for h in sorted(holders):
                decisions.append(Decision(i, h, "partial-name-ambiguous", same=False))


def _words_match(a: list[str], b: list[str]) -> bool:
    return len(a) == len(b) and all(same_word(x, y) for x, y in zip(a, b))
