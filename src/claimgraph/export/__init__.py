"""Export stage: one internal model, many interoperable formats, provenance carried into each.

Every exporter takes ``Iterable[Extraction]`` and a stream:

=========  ===========================================  ======  =====================
format     module / function                            stream  opened by
=========  ===========================================  ======  =====================
plover     :func:`claimgraph.export.plover.write_plover` text    PLOVER/POLECAT tools
ftm        :func:`claimgraph.export.ftm.write_ftm`       text    Aleph, ``ftm`` CLI
stix       :func:`claimgraph.export.stix.write_stix`     text    OpenCTI, MISP
graphml    :func:`claimgraph.export.graph.write_graphml` binary  Gephi, yEd, Cytoscape
gexf       :func:`claimgraph.export.graph.write_gexf`    binary  Gephi
csv        :func:`claimgraph.export.csv.write_csv`       text    spreadsheets, pandas
=========  ===========================================  ======  =====================

:func:`export` picks the writer by name (``CG600`` for an unknown one) and applies
the filters of :mod:`claimgraph.export.filters`. See ``docs/EXPORTS.md``.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable
from typing import IO, Any

from claimgraph.errors import ExportError
from claimgraph.export.filters import ExportFilters, apply_filters
from claimgraph.model import Extraction

BINARY_FORMATS: frozenset[str] = frozenset({"graphml", "gexf"})
#: the usual file extension of each format
EXTENSIONS: dict[str, str] = {
    "plover": ".jsonl", "ftm": ".ftm.json", "stix": ".stix.json", "graphml": ".graphml", "gexf": ".gexf", "csv": ".csv",
}


#: where each writer lives, imported on use (networkx, stix2 and followthemoney are not light)
_WRITERS: dict[str, str] = {
    "plover": "claimgraph.export.plover:write_plover",
    "ftm": "claimgraph.export.ftm:write_ftm",
    "stix": "claimgraph.export.stix:write_stix",
    "graphml": "claimgraph.export.graph:write_graphml",
    "gexf": "claimgraph.export.graph:write_gexf",
    "csv": "claimgraph.export.csv:write_csv",
}
FORMATS: tuple[str, ...] = tuple(_WRITERS)


def writer(fmt: str) -> Callable[[Iterable[Extraction], Any], Any]:
    """The write function of a format; CG600 names the formats there are."""
    target = _WRITERS.get((fmt or "").strip().lower())
    if target is None:
        raise ExportError("CG600", subject=fmt or "(none)", detail=f"known formats: {', '.join(FORMATS)}")
    module, func = target.split(":")
    write: Callable[[Iterable[Extraction], Any], Any] = getattr(importlib.import_module(module), func)
    return write


def export(extractions: Iterable[Extraction], fmt: str, stream: IO[Any], filters: ExportFilters | None = None) -> Any:
    """Write ``extractions`` (filtered) to ``stream`` in ``fmt``; binary formats need a binary stream."""
    write = writer(fmt)
    if filters is not None and filters.active:
        extractions = apply_filters(extractions, filters)
    return write(extractions, stream)


__all__ = ["BINARY_FORMATS", "EXTENSIONS", "FORMATS", "ExportFilters", "export", "writer"]
