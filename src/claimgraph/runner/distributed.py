"""Run the pipeline on a Dask cluster; results come back to the client, which alone writes the store.

Each worker loads the pipeline once (the spaCy model takes seconds) and keeps
it on the worker object, keyed by the loader, so every later task reuses it.
Documents and extractions travel as plain dicts (``to_dict``/``from_dict``).
At most ``window`` documents are in flight, so a large corpus streams through
without being held in memory, and results come back in input order.

Scripts that start a ``LocalCluster`` with processes must guard their entry
point with ``if __name__ == "__main__":`` (worker processes re-import it).
"""

from __future__ import annotations

import functools
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING, Any

from claimgraph.errors import ClaimgraphError
from claimgraph.model import Document, Extraction
from claimgraph.runner.local import Item, Result, SkipCheck, extraction_error

if TYPE_CHECKING:
    from distributed import Client

    from claimgraph.pipeline import Pipeline

Loader = Callable[[], "Pipeline"]


def load_pipeline(gazetteer_path: str | None = None) -> Pipeline:
    """The default loader: the full pipeline with the gazetteer at ``gazetteer_path``."""
    from claimgraph.pipeline import Pipeline

    return Pipeline.load(gazetteer_path=gazetteer_path)


def _loader_key(loader: Loader) -> str:
    if isinstance(loader, functools.partial):
        func = loader.func
        return f"{func.__module__}.{func.__qualname__}{loader.args!r}{sorted(loader.keywords.items())!r}"
    return f"{getattr(loader, '__module__', '')}.{getattr(loader, '__qualname__', repr(loader))}"


def _worker_pipeline(loader: Loader) -> Pipeline:
    """The pipeline for this worker, loaded on first use and kept on the worker."""
    from distributed import get_worker

    worker = get_worker()
    cache: dict[str, Any] = worker.__dict__.setdefault("_claimgraph_pipelines", {})
    key = _loader_key(loader)
    if key not in cache:
        cache[key] = loader()
    return cache[key]


def _analyze_task(doc: dict[str, Any], loader: Loader) -> dict[str, Any]:
    """Runs on a worker: a document dict in, ``{"extraction": …}`` or ``{"error": …}`` out."""
    document = Document.from_dict(doc)
    try:
        extraction = _worker_pipeline(loader).analyze(document)
        return {"extraction": extraction.to_dict()}
    except ClaimgraphError as exc:
        return {"error": {"code": exc.code, "subject": exc.subject, "detail": exc.detail}}
    except Exception as exc:  # reported as CG202 for this document; the run goes on
        err = extraction_error(document, exc)
        return {"error": {"code": err.code, "subject": err.subject, "detail": err.detail}}


def _result(payload: dict[str, Any]) -> Result:
    if "extraction" in payload:
        return Extraction.from_dict(payload["extraction"])
    e = payload["error"]
    return ClaimgraphError(e["code"], e["subject"], e["detail"])


def run_distributed(
    items: Iterable[Item],
    client: Client,
    loader: Loader = load_pipeline,
    skip: SkipCheck | None = None,
    window: int = 64,
) -> Iterator[tuple[Item, Result | None]]:
    """Like :func:`claimgraph.runner.local.run_local`, but the analysis runs on ``client``'s workers."""
    pending: deque[tuple[Item, Any]] = deque()

    def drain(limit: int) -> Iterator[tuple[Item, Result | None]]:
        while len(pending) > limit:
            item, future = pending.popleft()
            if future is None:
                yield item, item if isinstance(item, ClaimgraphError) else None
            else:
                yield item, _result(future.result())

    for item in items:
        if isinstance(item, ClaimgraphError) or (skip is not None and skip(item)):
            pending.append((item, None))
        else:
            pending.append((item, client.submit(_analyze_task, item.to_dict(), loader, pure=False)))
        yield from drain(window)
    yield from drain(0)

