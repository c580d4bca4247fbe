"""Domain knowledge as data: loaders for the packaged YAML/TSV files in this folder.

Each file documents its sources in a header comment. Loaders validate shape and
raise CG201 naming the file when it is wrong, so a bad edit fails loudly.
"""

from __future__ import annotations

import csv
import io
from functools import lru_cache
from importlib import resources
from typing import Any

import yaml

from claimgraph.errors import ModelError


def read_text(name: str) -> str:
    try:
        return resources.files("claimgraph.data").joinpath(name).read_text(encoding="utf-8")
    except FileNotFoundError as exc:
        raise ModelError("CG201", subject=name, detail="packaged data file missing") from exc


@lru_cache(maxsize=None)
def load_yaml(name: str) -> Any:
    """Parse a packaged YAML file (cached: package data is immutable at run time)."""
    try:
        return yaml.safe_load(read_text(name))
    except yaml.YAMLError as exc:
        raise ModelError("CG201", subject=name, detail=str(exc)) from exc


@lru_cache(maxsize=None)
def load_tsv(name: str) -> tuple[dict[str, str], ...]:
    """Rows of a packaged TSV file with a header line; lines starting with '#' are comments."""
    lines = [ln for ln in read_text(name).splitlines() if ln.strip() and not ln.startswith("#")]
    reader = csv.DictReader(io.StringIO("\n".join(lines)), delimiter="\t")
    rows = []
    for i, row in enumerate(reader, start=2):
        if None in row or any(v is None for v in row.values()):
            raise ModelError("CG201", subject=name, detail=f"row {i} has the wrong number of columns")
        rows.append({k: v.strip() for k, v in row.items()})
    return tuple(rows)
