"""Run the pipeline over documents in this process, one at a time.

The runner only analyses; storing is the caller's job (one writer). Ingest
errors pass straight through so the caller can report them beside the
results, and an extraction that crashes becomes a coded CG202 for that
document instead of stopping the run.
"""

from __future__ import annotations

import traceback
from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING, Union

from claimgraph.errors import ClaimgraphError
from claimgraph.model import Document, Extraction

if TYPE_CHECKING:
    from claimgraph.pipeline import Pipeline

Item = Union[Document, ClaimgraphError]
Result = Union[Extraction, ClaimgraphError]
#: called before analysing a document; True means "already stored, skip it"
SkipCheck = Callable[[Document], bool]


def describe(document: Document) -> str:
    return document.path or document.url or document.id


def extraction_error(document: Document, exc: Exception) -> ClaimgraphError:
    """CG202 naming the document, with the exception and where it was raised."""
    frame = traceback.extract_tb(exc.__traceback__)[-1] if exc.__traceback__ else None
    where = f" at {frame.filename.rsplit('/', 1)[-1]}:{frame.lineno}" if frame else ""
    return ClaimgraphError("CG202", describe(document), f"{type(exc).__name__}: {exc}{where}")


def analyze_one(pipeline: Pipeline, document: Document) -> Result:
    try:
        return pipeline.analyze(document)
    except ClaimgraphError as exc:
        return exc
    except Exception as exc:  # one bad document must not stop the run; reported as CG202
        return extraction_error(document, exc)


def run_local(
    items: Iterable[Item], pipeline: Pipeline, skip: SkipCheck | None = None
) -> Iterator[tuple[Item, Result | None]]:
    """``(item, extraction | error)`` per input, in input order.

    An ingest error comes back as ``(error, error)``. A document ``skip``
    says is already stored comes back as ``(document, None)`` without being analysed.
    """
    for item in items:
        if isinstance(item, ClaimgraphError):
            yield item, item
        elif skip is not None and skip(item):
            yield item, None
        else:
            yield item, analyze_one(pipeline, item)
