"""``analyze``'s library function: paths in, a stored graph and a summary out.

Ingest → analyse (locally or on Dask) → store, with the store written by this
process alone. Documents already stored by the same pipeline version are not
analysed again. Every failure is a coded error in the summary; nothing stops
the run except an unusable database.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from claimgraph.errors import ClaimgraphError
from claimgraph.ingest import MAX_BYTES, iso_date
from claimgraph.ingest.files import plan, read_entry
from claimgraph.model import Document, Extraction
from claimgraph.runner.local import Item, run_local

if TYPE_CHECKING:
    from claimgraph.pipeline import Pipeline
    from claimgraph.store import Store


@dataclass
class RunSummary:
    """What one run did. ``written`` counts records stored by this run; ``totals`` the whole database after it."""

    inserted: int = 0
    unchanged: int = 0
    replaced: int = 0
    failed: int = 0
    errors: list[ClaimgraphError] = field(default_factory=list)
    written: dict[str, int] = field(default_factory=lambda: dict.fromkeys(
        ("entities", "relations", "events", "contradictions"), 0))
    totals: dict[str, int] = field(default_factory=dict)
    #: cross-document facts in the database after the run (store/facts.py counts)
    facts: dict[str, int] = field(default_factory=dict)

    @property
    def documents(self) -> int:
        return self.inserted + self.unchanged + self.replaced + self.failed

    @property
    def all_failed(self) -> bool:
        """True when nothing went in: every input failed, or there was no input at all."""
        return self.failed == self.documents

    def count(self, x: Extraction) -> None:
        self.written["entities"] += len(x.entities)
        self.written["relations"] += len(x.relations)
        self.written["events"] += len(x.events)
        self.written["contradictions"] += len(x.contradictions)

    def to_dict(self) -> dict[str, Any]:
        return {
            "documents": {"inserted": self.inserted, "unchanged": self.unchanged, "replaced": self.replaced,
                          "failed": self.failed},
            "written": dict(self.written), "totals": dict(self.totals), "facts": dict(self.facts),
            "errors": [e.to_dict() for e in self.errors],
        }


def pipeline_version() -> str:
    from claimgraph.extract import EXTRACTOR_VERSION

    return EXTRACTOR_VERSION


def ingest(paths: Iterable[str | os.PathLike[str]], published: str | None = None, outlet: str | None = None,
           max_bytes: int = MAX_BYTES, on_file: Callable[[Path | ClaimgraphError], None] | None = None,
           exclude_db: str | os.PathLike[str] | None = None) -> tuple[int, Iterator[Item]]:
    """The number of inputs (files and path errors) and a lazy stream of their documents or errors.

    ``exclude_db`` names the database being written, so that analysing the folder
    it lives in does not try to ingest it (or its -wal/-shm files).
    """
    meta: dict[str, Any] = {}
    if published is not None:
        meta["published"] = iso_date(published, "--published")
    if outlet is not None:
        meta["outlet"] = outlet
    skip: set[str] = set()
    if exclude_db is not None:
        base = os.path.abspath(exclude_db)
        skip = {base + suffix for suffix in ("", "-wal", "-shm", "-journal")}
    inputs = [(p, side) for p, side in plan(paths)
              if isinstance(p, ClaimgraphError) or os.path.abspath(p) not in skip]

    def stream() -> Iterator[Item]:
        for entry, sidecar in inputs:
            if isinstance(entry, ClaimgraphError):
                yield entry
            else:
                yield from read_entry(entry, sidecar, max_bytes, meta)
            if on_file is not None:
                on_file(entry)

    return len(inputs), stream()


class LazyPipeline:
    """Loads the pipeline on first use, so a run where everything is unchanged never loads spaCy."""

    def __init__(self, factory: Callable[[], Pipeline]) -> None:
        self.factory = factory
        self.pipeline: Pipeline | None = None

    def analyze(self, document: Document) -> Extraction:
        if self.pipeline is None:
            self.pipeline = self.factory()
        return self.pipeline.analyze(document)


def analyze_items(
    items: Iterable[Item],
    store: Store,
    pipeline: Pipeline | Callable[[], Pipeline] | None = None,
    client: Any | None = None,
    loader: Callable[[], Pipeline] | None = None,
    on_result: Callable[[Item, Any], None] | None = None,
    force: bool = False,
) -> RunSummary:
    """Analyse and store ``items``; ``client`` (a dask Client) runs the analysis on its workers.

    ``pipeline`` is a loaded Pipeline or a factory called only if some document
    needs analysing. With ``client``, ``loader`` is sent to the workers instead.
    ``force`` analyses and replaces documents even when they are already stored.
    """
    version = pipeline_version()
    summary = RunSummary()

    def skip(document: Document) -> bool:
        return not force and store.is_current(document, version)

    if client is not None:
        from claimgraph.runner.distributed import load_pipeline, run_distributed

        results = run_distributed(items, client, loader or load_pipeline, skip=skip)
    else:
        from claimgraph.pipeline import Pipeline

        if pipeline is None:
            pipeline = Pipeline.load
        runner = pipeline if hasattr(pipeline, "analyze") else LazyPipeline(pipeline)
        results = run_local(items, runner, skip=skip)  # type: ignore[arg-type]

    for item, result in results:
        if result is None:
            summary.unchanged += 1
        elif isinstance(result, ClaimgraphError):
            summary.failed += 1
            summary.errors.append(result)
        else:
            try:
                outcome = store.save(result, force=force)
            except ClaimgraphError as exc:
                if exc.code in ("CG401", "CG402"):
                    raise
                summary.failed += 1
                summary.errors.append(exc)
            else:
                setattr(summary, outcome, getattr(summary, outcome) + 1)
                if outcome != "unchanged":
                    summary.count(result)
        if on_result is not None:
            on_result(item, result)
    if summary.inserted or summary.replaced:
        summary.facts = store.recompute_facts()  # cross-document facts, rebuilt from every stored claim
    else:
        summary.facts = store.fact_counts()
    summary.totals = store.stats()
    return summary


@contextlib.contextmanager
def dask_client(scheduler: str | None = None, workers: int | None = None, connect_timeout: float = 10) -> Iterator[Any]:
    """A Dask client on ``scheduler``, or on a LocalCluster of ``workers`` processes closed afterwards."""
    from distributed import Client, LocalCluster

    if scheduler:
        try:
            client = Client(scheduler, timeout=connect_timeout)
        except (OSError, TimeoutError, ValueError) as exc:
            raise ClaimgraphError("CG800", scheduler, str(exc).splitlines()[0] if str(exc) else type(exc).__name__) from exc
        with client:
            yield client
        return
    with LocalCluster(n_workers=workers or 2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        with Client(cluster) as client:
            yield client
