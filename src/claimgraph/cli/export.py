"""CLI commands: export (owned by its area; see cli/__init__.py).

A thin layer over :func:`claimgraph.export.export`: read Extractions from the
store (or from JSON Lines), filter, write one format to a file or stdout.
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

import click

from claimgraph.cli.common import DEFAULT_DB, coded_errors
from claimgraph.errors import ExportError, StoreError
from claimgraph.export import BINARY_FORMATS, FORMATS, ExportFilters, export, writer
from claimgraph.model import Extraction


def _from_store(db: str) -> Iterator[Extraction]:
    if not Path(db).is_file():
        raise StoreError("CG400", subject=db)
    from claimgraph.export.stored import iter_store_extractions
    from claimgraph.store import Store

    with Store.open(db, readonly=True) as store:
        yield from iter_store_extractions(store)


def _from_jsonl(path: str) -> Iterator[Extraction]:
    """Extraction records (``Extraction.to_dict()``), one JSON object a line."""
    if path != "-" and not Path(path).is_file():
        raise ExportError("CG100", subject=path)
    fh = sys.stdin if path == "-" else open(path, encoding="utf-8")  # noqa: SIM115 - closed below
    try:
        for n, line in enumerate(fh, start=1):
            if not line.strip():
                continue
            try:
                yield Extraction.from_dict(json.loads(line))
            except (ValueError, KeyError, TypeError) as exc:
                raise ExportError("CG105", subject=f"{path}:{n}", detail=f"not an Extraction record: {exc}") from exc
    finally:
        if fh is not sys.stdin:
            fh.close()


def _summary(result: Any) -> str:
    if hasattr(result, "number_of_edges"):
        return f"{result.number_of_nodes()} nodes, {result.number_of_edges()} edges"
    return f"{result} records"


def run_export(fmt: str, source: Iterator[Extraction], output: str, filters: ExportFilters) -> str:
    """Write the export; a file output appears only when complete (written aside, then renamed)."""
    writer(fmt)  # unknown format fails before anything is read or written
    binary = fmt.lower() in BINARY_FORMATS
    if output == "-":
        stream: IO[Any] = sys.stdout.buffer if binary else sys.stdout
        try:
            result = export(source, fmt, stream, filters)
            stream.flush()
        except BrokenPipeError:  # the reader went away (`| head`): stop quietly, as Unix tools do
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
            return "partial output (the reader closed the pipe)"
        return _summary(result)
    out = Path(output)
    if out.is_dir():
        raise ExportError("CG603", subject=output, detail="is a folder; give a file name")
    tmp = out.with_name(out.name + ".partial")
    try:
        fh = open(tmp, "wb") if binary else open(tmp, "w", encoding="utf-8", newline="")  # noqa: SIM115
    except OSError as exc:
        raise ExportError("CG603", subject=output, detail=exc.strerror or str(exc)) from exc
    try:
        with fh:
            result = export(source, fmt, fh, filters)
        os.replace(tmp, out)
    finally:
        if tmp.exists():
            tmp.unlink()
    return _summary(result)


def register(group: click.Group) -> None:
    """Add this module's commands to the top-level group."""

    @group.command("export")
    @click.option("--format", "-f", "fmt", required=True, metavar="|".join(FORMATS),
                  help=f"Output format: {', '.join(FORMATS)}.")
    @click.option("--db", default=DEFAULT_DB, show_default=True, help="Store to read.")
    @click.option("--input", "-i", "input_path", default=None,
                  help="Read Extraction records (JSON Lines, '-' for stdin) instead of the store.")
    @click.option("--output", "-o", default="-", show_default=True, help="File to write ('-' for stdout).")
    @click.option("--entity", multiple=True, help="Only claims involving this entity (name, alias or id); repeatable.")
    @click.option("--type", "types", multiple=True,
                  help="Only this event type, relation predicate or entity type (Person, ...); repeatable.")
    @click.option("--date-from", default=None, help="Only claims dated on or after YYYY[-MM[-DD]].")
    @click.option("--date-to", default=None, help="Only claims dated on or before YYYY[-MM[-DD]].")
    @click.option("--source", multiple=True, help="Only claims from this outlet/document/speaker; repeatable.")
    @click.option("--modality", multiple=True,
                  help="Only claims stated so (asserted, denied, alleged, ...); repeatable.")
    @coded_errors
    def export_cmd(fmt: str, db: str, input_path: str | None, output: str, entity: tuple[str, ...],
                   types: tuple[str, ...], date_from: str | None, date_to: str | None,
                   source: tuple[str, ...], modality: tuple[str, ...]) -> None:
        """Export claims as PLOVER JSON, FollowTheMoney, STIX 2.1, GraphML, GEXF or CSV.

        Every format keeps each claim's evidence, attribution and modality:
        denied and alleged claims are never written as plain facts.
        """
        filters = ExportFilters(entity=entity, type=types, date_from=date_from, date_to=date_to, source=source,
                                modality=modality)
        extractions = _from_jsonl(input_path) if input_path else _from_store(db)
        summary = run_export(fmt, extractions, output, filters)
        if output != "-":
            click.echo(f"wrote {summary} ({fmt}) to {output}", err=True)
