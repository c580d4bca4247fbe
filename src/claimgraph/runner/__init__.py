"""Runners: analyse many documents locally (:mod:`.local`) or on Dask (:mod:`.distributed`).

Both yield ``(item, extraction | error | None)`` pairs; storing is left to one
writer, the caller: :func:`claimgraph.runner.batch.analyze_items` (the library
function behind ``claimgraph analyze``) saves each result in this process.
"""

from __future__ import annotations

from claimgraph.runner.local import analyze_one, run_local

__all__ = ["analyze_one", "run_local"]
