"""The result of one evaluation run: our metrics beside the baseline's, on the same items."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass
class EvalReport:
    kind: str                      # seed | plover | isaf | geo | ner | ucdp
    inputs: list[str]              # the paths scored
    n_items: int
    metrics: dict[str, float | int | None]           # ours
    baseline: dict[str, float | int | None] = field(default_factory=dict)  # plain spaCy etc., same run
    sections: dict[str, dict[str, Any]] = field(default_factory=dict)     # e.g. per-label tables, per-corpus rows
    notes: list[str] = field(default_factory=list)
    predictions_path: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind, "inputs": self.inputs, "n_items": self.n_items, "metrics": self.metrics,
            "baseline": self.baseline, "sections": self.sections, "notes": self.notes,
            "predictions_path": self.predictions_path,
        }
