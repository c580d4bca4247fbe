"""JSON Schemas of each evaluation's prediction lines (``eval/schemas/KIND.schema.json``)."""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from claimgraph.errors import EvalError


@lru_cache(maxsize=None)
def load_schema(kind: str) -> dict[str, Any]:
    try:
        text = resources.files("claimgraph.eval").joinpath("schemas", f"{kind}.schema.json").read_text(encoding="utf-8")
    except FileNotFoundError as exc:
        raise EvalError("CG500", subject=kind, detail="no prediction schema for this kind") from exc
    return json.loads(text)


def validation_errors(kind: str, records: list[dict[str, Any]]) -> list[str]:
    """Every schema violation in ``records`` as "record N: path: message" (empty when all valid)."""
    from jsonschema import Draft202012Validator

    validator = Draft202012Validator(load_schema(kind))
    out = []
    for n, rec in enumerate(records):
        for err in validator.iter_errors(rec):
            where = "/".join(str(p) for p in err.absolute_path) or "(root)"
            out.append(f"record {n}: {where}: {err.message}")
    return out


def validate_file(kind: str, path: str | Path) -> list[str]:
    lines = Path(path).read_text(encoding="utf-8").split("\n")
    return validation_errors(kind, [json.loads(ln) for ln in lines if ln.strip()])
