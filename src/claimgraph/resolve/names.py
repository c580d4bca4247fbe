"""Name normalisation for matching: case, accents, honorifics and transliteration.

Matching never rewrites what was written: these keys only decide whether two
surface forms may name the same actor. ``fold`` applies the transliteration
rules of ``data/transliteration.tsv`` token by token, so "Tehreek-e-Taliban"
and "Tehrik-i-Taliban" share a key; ``skeleton`` drops vowels as well, for
the last, fuzzier comparison (always paired with a rapidfuzz ratio).
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from rapidfuzz import fuzz

from claimgraph.nlp import lexicon

_SPLIT = re.compile(r"[\s\-\u2010-\u2015_/]+")
_EDGE = re.compile(r"^[^\w']+|[^\w']+$")
_POSSESSIVE = re.compile(r"(?:'s|\u2019s|'|\u2019)$")
_VOWELS = re.compile(r"[aeiou]")

#: two folded names at or above this rapidfuzz ratio (with equal skeletons) are one name
FUZZY_RATIO = 80.0


def strip_accents(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


#: apostrophe look-alikes (curly quotes, the ayn/hamza letters of transliteration, backtick, acute, prime)
_APOSTROPHES = str.maketrans({ch: "'" for ch in "\u2018\u2019\u201b\u02bc\u02bb\u02bf\u02be\u0060\u00b4\u2032"})


def tokens(text: str) -> list[str]:
    """Lower-case, accent-free word tokens of a name, possessive and punctuation removed.

    Apostrophe look-alikes are one apostrophe ("al-Rufay’i", "Masʿud", "Mas`ud" ~ "Mas'ud")."""
    text = _POSSESSIVE.sub("", strip_accents(text.translate(_APOSTROPHES)).strip())
    out = []
    for raw in _SPLIT.split(text.lower()):
        tok = _EDGE.sub("", raw)
        if tok:
            out.append(tok)
    return out


@lru_cache(maxsize=65536)
def fold_token(token: str) -> str:
    for pattern, repl in lexicon.transliteration_rules():
        token = pattern.sub(repl, token)
    return token


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """The transliteration-folded key of a name ("" when nothing but connectors remain)."""
    return " ".join(t for t in (fold_token(x) for x in tokens(text)) if t)


def skeleton(folded: str) -> str:
    """Consonant skeleton of a folded key (first letter of each word kept): "umar" -> "umr"."""
    return " ".join(w[0] + _VOWELS.sub("", w[1:]) for w in folded.split() if w)


def same_name(a: str, b: str) -> bool:
    """True when two names are spellings of one name (after folding), e.g. Qaddafi ~ Gaddafi."""
    fa, fb = fold(a), fold(b)
    if not fa or not fb:
        return False
    if fa == fb:
        return True
    if len(fa.split()) != len(fb.split()) or min(len(fa), len(fb)) < 4:
        return False
    return skeleton(fa) == skeleton(fb) and fuzz.ratio(fa, fb) >= FUZZY_RATIO


def same_word(a: str, b: str) -> bool:
    """Two folded single words are one name word, allowing a vowel-level spelling difference (Umar ~ Mahsud)."""
    if a == b:
        return True
    if min(len(a), len(b)) < 4 or a[0] != b[0]:
        return False
    return skeleton(a) == skeleton(b) and fuzz.ratio(a, b) >= FUZZY_RATIO


def split_titles(words: list[str]) -> tuple[list[str], list[str]]:
    """Split leading honorifics/titles off a name's words: (titles, name words).

    "Sheikh Hassan Nasrallah" -> (["Mullah"], ["Hassan", "Nasrallah"]).
    Titles stay when nothing would be left of the name.
    """
    titles: list[str] = []
    rest = list(words)
    changed = True
    while changed and len(rest) > 1:
        changed = False
        for seq in lexicon.strippable_titles():
            n = len(seq)
            if len(rest) > n and tuple(rest[:n]) == seq:
                titles.append(" ".join(seq))
                rest = rest[n:]
                changed = True
                break
    return titles, rest
