"""Runners: analyse many documents locally (:mod:`.local`) or on Dask (:mod:`.distributed`).

Both yield ``(item, extraction | error | None)`` pairs; storing is left to one
writer, the caller (see :func:`claimgraph.cli.analyze`'s library function
:func:`claimgraph.runner.batch.analyze_paths`).
"""

from __future__ import annotations

from claimgraph.runner.local import analyze_one, run_local

__all__ = ["analyze_one", "run_local"]
