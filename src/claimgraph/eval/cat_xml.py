"""Reading CAT / CROMER XML (ECB+, EventStoryLine): tokens, standoff markables and relations.

Both corpora store a document as its tokens (``<token t_id sentence number>``), then
``<Markables>`` whose children anchor to token ids (``<token_anchor t_id>``) — or, with
no anchors, describe an instance (``TAG_DESCRIPTOR``, ``instance_id``) — then
``<Relations>`` whose children link ``<source m_id>`` to ``<target m_id>``.

The text a pipeline reads is rebuilt from the tokens: one line per sentence, tokens
joined by a space except before closing punctuation and after opening brackets, with
a map from each token id to its character span so gold markables become character
spans. A leading sentence 0 that is a URL (the ``*ecbplus.xml`` files) is not text
and is left out.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from claimgraph.errors import EvalError
from claimgraph.eval.common import fail, read_text

#: tokens written without a space before them ("," "." "n't" "'s") and after them ("(" "``" "$")
_NO_SPACE_BEFORE = frozenset({",", ".", ";", ":", "!", "?", ")", "]", "}", "%", "''", "'s", "n't", "'re", "'ve",
                              "'ll", "'d", "'m", "..."})
_NO_SPACE_AFTER = frozenset({"(", "[", "{", "``", "$", "#"})
_URL_START = re.compile(r"^(?:https?|www)", re.IGNORECASE)


@dataclass(frozen=True)
class Token:
    t_id: str
    sentence: int
    text: str


@dataclass
class Markable:
    """One annotation: a mention (with token anchors) or an instance descriptor (without)."""

    m_id: str
    tag: str
    tokens: list[str]
    attrs: dict[str, str] = field(default_factory=dict)

    @property
    def is_mention(self) -> bool:
        return bool(self.tokens)


@dataclass
class Relation:
    tag: str
    r_id: str
    sources: list[str]
    targets: list[str]
    attrs: dict[str, str] = field(default_factory=dict)


@dataclass
class CatDocument:
    """One CAT XML document with its rebuilt text and token offsets."""

    name: str  # doc_name, e.g. "1_10ecbplus.xml"
    path: str
    topic: str
    tokens: list[Token]
    markables: dict[str, Markable]
    relations: list[Relation]
    text: str = ""
    offsets: dict[str, tuple[int, int]] = field(default_factory=dict)  # t_id -> [start, end) in text
    _sentence_of: dict[str, int] = field(default_factory=dict, repr=False)

    @property
    def stem(self) -> str:
        """The document name without ``.xml`` extensions ("1_10ecbplus")."""
        return re.sub(r"(\.xml)+$", "", self.name)

    def span(self, markable: Markable) -> tuple[int, int] | None:
        """The character span from the first to the last anchored token that is in the text."""
        spans = [self.offsets[t] for t in markable.tokens if t in self.offsets]
        if not spans:
            return None
        return min(s for s, _ in spans), max(e for _, e in spans)

    def sentences_of(self, markable: Markable) -> set[int]:
        """The sentence numbers of the markable's tokens."""
        if not self._sentence_of:
            self._sentence_of.update((t.t_id, t.sentence) for t in self.tokens)
        return {self._sentence_of[t] for t in markable.tokens if t in self._sentence_of}


def rebuild_text(tokens: list[Token]) -> tuple[str, dict[str, tuple[int, int]]]:
    """The text of ``tokens`` (one line per sentence) and each token's character span in it."""
    parts: list[str] = []
    offsets: dict[str, tuple[int, int]] = {}
    pos = 0
    sentence: int | None = None
    prev: str | None = None
    for tok in tokens:
        if sentence is not None and tok.sentence != sentence:
            parts.append("\n")
            pos += 1
            prev = None
        elif prev is not None and tok.text not in _NO_SPACE_BEFORE and prev not in _NO_SPACE_AFTER:
            parts.append(" ")
            pos += 1
        sentence = tok.sentence
        word = tok.text
        parts.append(word)
        offsets[tok.t_id] = (pos, pos + len(word))
        pos += len(word)
        prev = word
    return "".join(parts), offsets


def parse_document(path: str | Path, topic: str | None = None) -> CatDocument:
    """One CAT XML file; raises CG500 when it is not one (not XML, no tokens, dangling anchors)."""
    p = Path(path)
    try:
        root = ET.fromstring(read_text(p))
    except ET.ParseError as exc:
        raise fail(p, f"not well-formed XML: {exc}") from exc
    if root.tag != "Document":
        raise fail(p, f"not a CAT XML document (root element <{root.tag}>, expected <Document>)")
    tokens: list[Token] = []
    for el in root.iter("token"):
        t_id, sent = el.get("t_id"), el.get("sentence")
        if t_id is None or sent is None or not sent.lstrip("-").isdigit():
            raise fail(p, "a <token> without t_id or a numeric sentence attribute")
        tokens.append(Token(t_id, int(sent), (el.text or "").strip()))
    if not tokens:
        raise fail(p, "a CAT XML document without <token> elements")
    known = {t.t_id for t in tokens}
    markables: dict[str, Markable] = {}
    block = root.find("Markables")
    for el in block if block is not None else []:
        m_id = el.get("m_id")
        if m_id is None:
            raise fail(p, f"a <{el.tag}> markable without m_id")
        anchors = [a.get("t_id") or "" for a in el.iter("token_anchor")]
        missing = [a for a in anchors if a not in known]
        if missing:
            raise fail(p, f"markable {m_id} anchors to unknown token(s) {', '.join(missing[:3])}")
        markables[m_id] = Markable(m_id, el.tag, anchors, {k: v for k, v in el.attrib.items() if k != "m_id"})
    relations: list[Relation] = []
    block = root.find("Relations")
    for el in block if block is not None else []:
        relations.append(Relation(
            el.tag, el.get("r_id") or "", [s.get("m_id") or "" for s in el.iter("source")],
            [t.get("m_id") or "" for t in el.iter("target")], {k: v for k, v in el.attrib.items() if k != "r_id"}))
    name = root.get("doc_name") or p.name
    text_tokens = tokens
    first = [t for t in tokens if t.sentence == tokens[0].sentence]
    if first and _URL_START.match(first[0].text) and len({t.sentence for t in tokens}) > 1:
        text_tokens = [t for t in tokens if t.sentence != tokens[0].sentence]
    text, offsets = rebuild_text(text_tokens)
    return CatDocument(name, str(p), topic or _topic_of(p, name), tokens, markables, relations, text, offsets)


def _topic_of(path: Path, name: str) -> str:
    """The topic id: the document name's prefix before "_" ("12_3ecb.xml" → "12"), else the folder name."""
    head = name.split("_", 1)[0]
    return head if head.isdigit() else path.parent.name


def find_files(paths: list[str], pattern: str = "*.xml") -> list[Path]:
    """Every CAT XML file under ``paths`` (files as given, folders recursively), in a stable order.

    Ordered by topic number, then document number, then name, so "2" comes before "10".
    """
    out: list[Path] = []
    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            out.extend(f for f in p.rglob(pattern) if f.is_file() and not f.name.startswith("."))
        elif p.is_file():
            out.append(p)
        else:
            raise EvalError("CG100", subject=str(p), detail="evaluation input not found")
    return sorted(dict.fromkeys(out), key=_order)


def _order(p: Path) -> tuple[int, int, str, str]:
    m = re.match(r"(\d+)_(\d+)", p.name)
    if m:
        return int(m.group(1)), int(m.group(2)), p.name, str(p)
    return 10**9, 10**9, p.name, str(p)


def iter_documents(files: list[Path]) -> Iterator[CatDocument]:
    for f in files:
        yield parse_document(f)
