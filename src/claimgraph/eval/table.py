"""Plain-text rendering of an :class:`~claimgraph.eval.report.EvalReport`: ours beside the baseline."""

from __future__ import annotations

from typing import Any

from claimgraph.eval.report import EvalReport


def fmt(value: Any) -> str:
    if value is None:
        return "—"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float):
        return f"{value:.3f}"
    return str(value)


def render(report: EvalReport) -> str:
    """A two-column table (ours, baseline) of every metric, then the notes."""
    names = list(report.metrics)
    names += [k for k in report.baseline if k not in report.metrics]
    width = max([len(n) for n in names] + [6])
    lines = [f"{report.kind}: {report.n_items} items from {len(report.inputs)} file(s)"]
    lines.append(f"{'metric'.ljust(width)}  {'ours':>9}  {'baseline':>9}")
    lines.append(f"{'-' * width}  {'-' * 9}  {'-' * 9}")
    for n in names:
        lines.append(f"{n.ljust(width)}  {fmt(report.metrics.get(n)):>9}  {fmt(report.baseline.get(n)):>9}")
    for note in report.notes:
        lines.append(f"note: {note}")
    if report.predictions_path:
        lines.append(f"predictions: {report.predictions_path}")
    return "\n".join(lines)
