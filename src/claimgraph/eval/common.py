"""Plumbing every evaluation kind shares: reading inputs, writing predictions, coded errors."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any

from claimgraph.errors import EvalError


def fail(path: str | Path, detail: str) -> EvalError:
    """A CG500 error naming the file and what is wrong with it."""
    return EvalError("CG500", subject=str(path), detail=detail)


def read_text(path: str | Path) -> str:
    p = Path(path)
    if not p.is_file():
        raise EvalError("CG100", subject=str(p), detail="evaluation input not found")
    try:
        return p.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise EvalError("CG103", subject=str(p), detail=str(exc)) from exc


def read_json(path: str | Path) -> Any:
    text = read_text(path)
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise fail(path, f"not JSON: {exc}") from exc


def read_jsonl(path: str | Path) -> Iterator[tuple[int, dict[str, Any]]]:
    """``(line_number, record)`` for each non-empty line (0-based line numbers)."""
    for n, line in enumerate(read_text(path).split("\n")):
        if not line.strip():
            continue
        try:
            rec = json.loads(line)
        except json.JSONDecodeError as exc:
            raise fail(path, f"line {n + 1} is not JSON: {exc.msg}") from exc
        if not isinstance(rec, dict):
            raise fail(path, f"line {n + 1} is not a JSON object")
        yield n, rec


class PredictionWriter:
    """Writes one JSON object per line to ``path`` (or nowhere when ``path`` is None)."""

    def __init__(self, handle: IO[str] | None):
        self.handle = handle
        self.count = 0

    def write(self, record: dict[str, Any]) -> None:
        self.count += 1
        if self.handle is not None:
            line = json.dumps(record, ensure_ascii=False, sort_keys=False)
            # U+2028/2029 are line breaks to many readers (str.splitlines): keep one record per line
            self.handle.write(line.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029") + "\n")


@contextmanager
def prediction_writer(path: str | Path | None) -> Iterator[PredictionWriter]:
    if path is None:
        yield PredictionWriter(None)
        return
    p = Path(path)
    if p.parent and not p.parent.exists():
        p.parent.mkdir(parents=True, exist_ok=True)
    with p.open("w", encoding="utf-8") as fh:
        yield PredictionWriter(fh)


def limited(items: Iterable[Any], limit: int | None) -> Iterator[Any]:
    for n, item in enumerate(items):
        if limit is not None and n >= limit:
            return
        yield item
