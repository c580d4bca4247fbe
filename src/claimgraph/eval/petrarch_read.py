"""Readers for the PETRARCH validation formats: the ``<Sentence>`` record files and the
TABARI/PETRARCH actor dictionaries their ``<Environment>`` block names.

The record files are XML in spirit but not always well-formed (the UniversalPETRARCH
file closes ``<Sentence …/>`` at once and keeps a ``#``-comment header outside any
element), so they are read tolerantly: comments dropped, then each ``<Sentence>`` up
to the next one, with its ``<EventCoding>`` tags and ``<Text>``. Any file of this
shape is read, not only the published ones, so the sealed part scores the same way.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from claimgraph.eval.common import fail, read_text

_COMMENT = re.compile(r"<!--.*?-->", re.S)
_SENTENCE = re.compile(r"<Sentence\b([^>]*)>", re.I)
_CODING = re.compile(r"<EventCoding\b([^>]*)>", re.I)
_TEXT = re.compile(r"<Text>(.*?)</Text>", re.S | re.I)
_ATTR = re.compile(r"([\w:-]+)\s*=\s*\"([^\"]*)\"")
_INCLUDE = re.compile(r"<Include>(.*?)</Include>", re.S | re.I)
_ACTORFILE = re.compile(r"<Actorfile>(.*?)</Actorfile>", re.S | re.I)
_END = re.compile(r"</Sentences>", re.I)
_CODE = re.compile(r"\[([^\]\s]+)(\s+[^\]]*)?\]")


@dataclass
class Coding:
    """One gold ``<EventCoding>``: CAMEO event code and actor codes as written."""

    event: str
    source: str
    target: str


@dataclass
class Sentence:
    index: int                 # 0-based position of the sentence in its file
    id: str
    category: str
    date: str | None
    text: str
    codings: list[Coding] = field(default_factory=list)
    noevents: bool = False
    error: str | None = None   # the record expects the coder to reject it (parse error, discard)
    included: bool = True      # category named by the file's <Include> list (or no list at all)


@dataclass
class RecordFile:
    path: str
    sentences: list[Sentence]
    actor_files: list[Path]    # dictionaries named by <Actorfile> that exist beside the file


def _attrs(s: str) -> dict[str, str]:
    return {k.lower(): html.unescape(v) for k, v in _ATTR.findall(s)}


def record_files(paths: list[str]) -> list[str]:
    """The record files under ``paths``: files as given, folders by their ``*.xml`` files."""
    out: list[str] = []
    for p in paths:
        q = Path(p)
        if q.is_dir():
            found = sorted(str(f) for f in q.rglob("*.xml") if f.is_file())
            if not found:
                raise fail(p, "folder holds no PETRARCH *.xml record files")
            out.extend(found)
        else:
            out.append(p)
    return out


def _find_beside(record_file: Path, name: str) -> Path | None:
    """A dictionary the record file names: in its own folder, else in a sibling folder
    (the published releases keep records and dictionaries in different folders)."""
    here = record_file.parent / name
    if here.is_file():
        return here
    siblings = sorted(f for f in record_file.parent.parent.glob(f"*/{name}") if f.is_file())
    return siblings[0] if siblings else None


def read_records(path: str) -> RecordFile:
    """Every ``<Sentence>`` of a PETRARCH validation file (CG500 when there is none or one lacks text)."""
    raw = _COMMENT.sub(" ", read_text(path))
    head = _SENTENCE.split(raw, maxsplit=1)[0]
    inc = _INCLUDE.search(head)
    include = set(inc.group(1).split()) if inc else None
    actor_files: list[Path] = []
    af = _ACTORFILE.search(head)
    if af:
        for name in (n.strip() for n in af.group(1).split(",")):
            f = _find_beside(Path(path), name) if name else None
            if f is not None:
                actor_files.append(f)
    starts = list(_SENTENCE.finditer(raw))
    if not starts:
        raise fail(path, "no <Sentence> records: not a PETRARCH validation file")
    sentences: list[Sentence] = []
    for n, m in enumerate(starts):
        stop = starts[n + 1].start() if n + 1 < len(starts) else len(raw)
        end = _END.search(raw, m.end(), stop)
        body = raw[m.end(): end.start() if end else stop]
        a = _attrs(m.group(1))
        t = _TEXT.search(body)
        if t is None:
            raise fail(path, f"sentence {a.get('id', n)} has no <Text>")
        text = " ".join(html.unescape(t.group(1)).split())
        codings, noevents, error = [], False, None
        for c in _CODING.finditer(body[: t.start()] + " " + body[t.end():]):
            ca = _attrs(c.group(1))
            if ca.get("noevents", "").lower() == "true":
                noevents = True
                continue
            if "error" in ca:
                error = ca["error"] or "error"
                continue
            if "eventcode" not in ca:
                raise fail(path, f"sentence {a.get('id', n)}: <EventCoding> without eventcode")
            codings.append(Coding(ca["eventcode"].strip(), ca.get("sourcecode", "").strip(),
                                  ca.get("targetcode", "").strip()))
        category = a.get("category", "")
        included = (include is None or category in include) and a.get("evaluate", "true").lower() != "false"
        sentences.append(Sentence(n, a.get("id", str(n)), category, a.get("date"), text, codings,
                                  noevents and not codings, error, included))
    return RecordFile(path, sentences, actor_files)


def normalise_name(name: str) -> str:
    """Dictionary key of a name: upper case, ``_`` as space, single spaces, no leading "THE"."""
    s = " ".join(name.replace("_", " ").upper().split())
    return s[4:] if s.startswith("THE ") else s


@lru_cache(maxsize=16)
def read_actor_dictionary(path: Path) -> dict[str, str]:
    """Name → actor code of a TABARI/PETRARCH ``.actors`` file.

    A block is a head name, ``+ALIAS`` lines and ``[CODE]`` or ``[CODE dates]`` lines
    (a code may also stand on the head line). The block's code is its first code
    without a date restriction, else its last one. Comments (``#`` to the end of line,
    ``<!-- -->``) are ignored. Cached per file: the dictionaries are read-only data.
    """
    text = _COMMENT.sub(" ", read_text(path))
    out: dict[str, str] = {}
    names: list[str] = []
    codes: list[tuple[str, bool]] = []

    def flush() -> None:
        if names and codes:
            undated = [c for c, dated in codes if not dated]
            code = undated[0] if undated else codes[-1][0]
            for nm in names:
                out.setdefault(nm, code.upper())

    for line in text.splitlines():
        line = line.split("#", 1)[0].rstrip()
        if not line.strip():
            continue
        stripped = line.strip()
        found = [(m.group(1), bool(m.group(2) and m.group(2).strip())) for m in _CODE.finditer(stripped)]
        name_part = _CODE.sub(" ", stripped).strip()
        if stripped.startswith("+"):
            if name_part[1:].strip():
                names.append(normalise_name(name_part[1:]))
        elif name_part and not line[:1].isspace():
            flush()
            names, codes = [normalise_name(name_part)], []
        codes.extend(found)
    flush()
    return out
