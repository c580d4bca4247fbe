"""Reader for WikiEvents (KAIROS) JSON Lines and their coreference files.

Each line is a document: ``doc_id``, ``sentences`` as ``[[token, start, end], …], text``
pairs, ``entity_mentions`` and ``event_mentions`` with token positions counted over
the whole document. The ``text`` field glues sentences together without a space
("…in SyriaThe desert…"), and the token offsets refer to yet another layout, so the
document text is rebuilt from the sentence strings, one per line, and every token
is placed by its offset within its own sentence.

The coreference clusters come from ``coref/<stem>.jsonlines`` (or ``<stem>.jsonlines``)
beside the file: one ``{doc_key, clusters: [[mention id, …], …]}`` per document.
Without that file every mention is its own cluster.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from claimgraph.eval.common import fail, read_jsonl, read_text
from claimgraph.eval.token_align import Span


@dataclass
class GoldArgument:
    role: str
    entity_id: str
    text: str


@dataclass
class GoldEvent:
    id: str
    kairos: str
    trigger: tuple[int, int]          # document token positions [start, end)
    trigger_text: str
    arguments: list[GoldArgument] = field(default_factory=list)


@dataclass
class WikiDoc:
    line: int
    doc_id: str
    text: str                         # sentences joined by "\n"
    token_spans: list[Span]           # every document token's [start, end) in ``text``
    mentions: dict[str, tuple[int, int]]   # entity mention id -> token positions [start, end)
    events: list[GoldEvent]
    clusters: dict[str, str] = field(default_factory=dict)  # mention id -> cluster key
    mention_types: dict[str, str] = field(default_factory=dict)  # entity mention id -> PER, ORG, GPE, …


def input_files(paths: list[str]) -> list[str]:
    """Files as given; a folder stands for its ``*.jsonl`` files (not ``*_info.jsonl`` duplicates)."""
    out: list[str] = []
    for p in paths:
        q = Path(p)
        if q.is_dir():
            found = sorted(str(f) for f in q.rglob("*.jsonl") if f.is_file() and not f.stem.endswith("_info"))
            if not found:
                raise fail(p, "folder holds no WikiEvents *.jsonl files")
            out.extend(found)
        else:
            out.append(p)
    return out


def coref_file(path: str) -> Path | None:
    p = Path(path)
    for cand in (p.parent / "coref" / f"{p.stem}.jsonlines", p.parent / f"{p.stem}.jsonlines"):
        if cand.is_file():
            return cand
    return None


def read_coref(path: Path) -> dict[str, dict[str, str]]:
    """doc_key -> (mention id -> cluster key: the cluster's first mention id)."""
    out: dict[str, dict[str, str]] = {}
    for n, line in enumerate(read_text(path).split("\n")):
        if not line.strip():
            continue
        try:
            rec = json.loads(line)
            key, clusters = str(rec["doc_key"]), rec["clusters"]
            out[key] = {str(m): str(c[0]) for c in clusters if c for m in c}
        except (json.JSONDecodeError, KeyError, TypeError, IndexError) as exc:
            raise fail(path, f"line {n + 1} is not a {{doc_key, clusters}} coreference record ({exc})") from exc
    return out


def _tokens_of(path: str, n: int, rec: dict[str, Any]) -> tuple[str, list[Span]]:
    lines: list[str] = []
    spans: list[Span] = []
    base = 0
    for sent in rec["sentences"]:
        if not (isinstance(sent, list) and len(sent) == 2 and isinstance(sent[1], str)):
            raise fail(path, f"line {n + 1}: a sentence is not a [tokens, text] pair")
        toks, stext = sent
        first = toks[0][1] if toks else 0
        for tok in toks:
            spans.append((base + int(tok[1]) - first, base + int(tok[2]) - first))
        lines.append(stext)
        base += len(stext) + 1
    return "\n".join(lines), spans


def read_docs(path: str) -> list[WikiDoc]:
    """Every document of a WikiEvents JSON Lines file (CG500 on a record of another shape)."""
    cf = coref_file(path)
    coref = read_coref(cf) if cf else {}
    docs: list[WikiDoc] = []
    for n, rec in read_jsonl(path):
        if not all(k in rec for k in ("doc_id", "sentences", "event_mentions")):
            raise fail(path, f"line {n + 1} is not a WikiEvents document (needs doc_id, sentences, event_mentions)")
        try:
            text, spans = _tokens_of(path, n, rec)
            mentions = {str(m["id"]): (int(m["start"]), int(m["end"])) for m in rec.get("entity_mentions") or []}
            mention_types = {str(m["id"]): str(m.get("entity_type", "")) for m in rec.get("entity_mentions") or []}
            events = [
                GoldEvent(str(e["id"]), str(e["event_type"]), (int(e["trigger"]["start"]), int(e["trigger"]["end"])),
                          str(e["trigger"].get("text", "")),
                          [GoldArgument(str(a["role"]), str(a["entity_id"]), str(a.get("text", "")))
                           for a in e.get("arguments") or []])
                for e in rec["event_mentions"]
            ]
        except (KeyError, TypeError, ValueError, IndexError) as exc:
            raise fail(path, f"line {n + 1}: malformed WikiEvents record ({exc!r})") from exc
        for e in events:
            if not 0 <= e.trigger[0] < e.trigger[1] <= len(spans):
                raise fail(path, f"line {n + 1}: event {e.id} trigger outside the document's tokens")
        for mid, (s, t) in mentions.items():
            if not 0 <= s < t <= len(spans):
                raise fail(path, f"line {n + 1}: mention {mid} outside the document's tokens")
        docs.append(WikiDoc(n, str(rec["doc_id"]), text, spans, mentions, events, coref.get(str(rec["doc_id"]), {}),
                            mention_types))
    return docs
