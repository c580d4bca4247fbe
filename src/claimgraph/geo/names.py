"""Place-name normalisation: the keys the gazetteer is indexed on.

Two keys, both pure functions of the text so that building and querying agree:

* :func:`norm` — lower case, diacritics and apostrophe-like marks removed,
  punctuation to single spaces. ``Bamá`` → ``bama``, ``Mūsá Qal‘ah`` → ``musa qalah``.
* :func:`skeleton` — a transliteration-tolerant key: ``norm`` without spaces,
  vowels, ``h``/``w``/``y`` (which English spellings of Dari, Pashto, Urdu and
  Arabic names add or drop freely), ``v``→``w``, ``q``→``k`` and doubled letters
  collapsed. ``Bornu``/``Borno`` → ``kst``; ``Paktya``/``Paktia`` → ``pkt``;
  ``Ḥamāh``/``Hama`` → ``hm``. It is a candidate generator only; candidates
  are rescored on :func:`norm` similarity.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import Any

from claimgraph.data import load_yaml

# Letters NFKD does not decompose into ASCII + marks.
_FOLD = str.maketrans(
    {
        "ı": "i", "ł": "l", "Ł": "l", "ø": "o", "Ø": "o", "đ": "d", "Đ": "d", "ð": "d", "þ": "th",
        "ß": "ss", "æ": "ae", "Æ": "ae", "œ": "oe", "Œ": "oe", "ħ": "h", "ŧ": "t", "ŋ": "n",
        "ʻ": "", "ʼ": "", "ʿ": "", "ʾ": "", "‘": "", "’": "", "`": "", "'": "", "´": "", "ˈ": "", "ˌ": "",
    }
)
_NON_ALNUM = re.compile(r"[^a-z0-9]+")
_SKELETON_DROP = re.compile(r"[aeiouhwy ]")
_DOUBLE = re.compile(r"(.)\1+")


@lru_cache(maxsize=200_000)
def norm(text: str) -> str:
    """Lower-case ASCII form with single spaces; '' when nothing Latin is left."""
    if text.isascii():
        return _NON_ALNUM.sub(" ", text.translate(_FOLD).lower()).strip()
    text = unicodedata.normalize("NFKD", text.translate(_FOLD))
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).translate(_FOLD).lower()
    return _NON_ALNUM.sub(" ", text).strip()


@lru_cache(maxsize=200_000)
def skeleton(text: str) -> str:
    """Consonant skeleton of :func:`norm` (see module docstring)."""
    n = norm(text).replace("v", "w").replace("q", "k").replace("ph", "f")
    return _DOUBLE.sub(r"\1", _SKELETON_DROP.sub("", n))


#: anything outside Latin letters, combining marks, modifier letters and punctuation
_NON_LATIN = re.compile(r"[^\u0000-\u024F\u0250-\u02FF\u0300-\u036F\u1E00-\u1EFF\u2000-\u206F]")
_LETTER = re.compile(r"[A-Za-z]")


def is_latin(text: str) -> bool:
    """True when a name is written in Latin script (after folding) — the names English news uses."""
    if text.isascii():
        return _LETTER.search(text) is not None
    return _NON_LATIN.search(text) is None and bool(norm(text))


@lru_cache(maxsize=1)
def vocabulary() -> dict[str, Any]:
    """The packaged place-name vocabulary (``data/geo_names.yaml``)."""
    return load_yaml("geo_names.yaml")


def admin_words() -> dict[str, dict[str, Any]]:
    return vocabulary()["admin_words"]


@lru_cache(maxsize=1)
def _admin_suffix_re() -> re.Pattern[str]:
    words = sorted(admin_words(), key=len, reverse=True)
    return re.compile(r"\s+(" + "|".join(map(re.escape, words)) + r")$")


@lru_cache(maxsize=1)
def _leading_re() -> re.Pattern[str]:
    words = sorted(vocabulary()["leading_words"], key=len, reverse=True)
    return re.compile(r"^(" + "|".join(map(re.escape, words)) + r")\s+")


@lru_cache(maxsize=1)
def _centre_re() -> re.Pattern[str]:
    words = sorted(vocabulary()["admin_centre_prefixes"], key=len, reverse=True)
    return re.compile(r"^(" + "|".join(map(re.escape, words)) + r")\s+")


def strip_leading(text: str) -> str:
    """:func:`norm` without leading words ("the city of Kabul" → ``"kabul"``)."""
    n = norm(text)
    while (stripped := _leading_re().sub("", n)) != n:
        n = stripped
    return n


def split_admin(text: str) -> tuple[str, str | None]:
    """``"Bama District"`` → (``"bama"``, ``"district"``): the normalised core name and its admin word.

    Leading words ("the city of") are dropped. A name that is only an admin word stays as it is.
    """
    n = strip_leading(text)
    m = _admin_suffix_re().search(n)
    if m and m.start() > 0:
        return n[: m.start()].strip(), m.group(1)
    return n, None


def strip_centre_prefix(normed: str) -> str | None:
    """``"alaqahdari gelan"`` → ``"gelan"``: the district a district-seat name stands for, else None."""
    m = _centre_re().match(normed)
    if m and len(normed) > m.end():
        return normed[m.end():]
    return None


def trigrams(normed: str) -> set[str]:
    padded = f"  {normed} "
    return {padded[i : i + 3] for i in range(len(padded) - 2)}
