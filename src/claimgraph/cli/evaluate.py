"""CLI commands ``claimgraph eval KIND PATH…``, ``claimgraph eval all`` and ``claimgraph bench``.

Thin wrappers: each KIND is a module ``claimgraph.eval.<kind>`` exposing
``run(paths, pipeline, limit=None, predictions=None) -> EvalReport``.
"""

from __future__ import annotations

import importlib
import json
import sys
import traceback
from pathlib import Path
from typing import Any

import click

from claimgraph.cli.common import coded_errors
from claimgraph.errors import ClaimgraphError, EvalError


def _load_pipeline() -> Any:
    from claimgraph.pipeline import Pipeline

    return Pipeline.load()


#: A folder given to these kinds stands for its files matching the pattern (geo reads BRAT folders itself).
DIR_PATTERNS = {"seed": "*.json", "plover": "*.json", "isaf": "*.jsonl", "ner": "*.txt"}


def expand_dirs(kind: str, paths: list[str]) -> list[str]:
    pattern = DIR_PATTERNS.get(kind)
    out: list[str] = []
    for p in paths:
        if pattern and Path(p).is_dir():
            found = sorted(str(f) for f in Path(p).rglob(pattern) if f.is_file())
            if not found:
                raise EvalError("CG500", subject=p, detail=f"folder holds no {pattern} files")
            out.extend(found)
        else:
            out.append(p)
    return out


def run_kind(kind: str, paths: list[str], pipeline: Any, limit: int | None, predictions: str | None) -> Any:
    """Dispatch to ``claimgraph.eval.<kind>.run`` (defaults to the visible shared files)."""
    from claimgraph.eval.defaults import default_paths

    if not paths:
        paths = default_paths(kind)
        if not paths:
            raise EvalError("CG500", subject=kind, detail="no PATH given and no visible default set found (../shared)")
    paths = expand_dirs(kind, paths)
    try:
        module = importlib.import_module(f"claimgraph.eval.{kind}")
    except ModuleNotFoundError as exc:
        raise EvalError("CG500", subject=kind, detail=f"evaluation kind not available yet ({exc.name})") from exc
    return module.run(list(paths), pipeline, limit=limit, predictions=predictions)


def _emit(report: Any, as_json: bool) -> None:
    from claimgraph.eval.table import render

    if as_json:
        click.echo(json.dumps(report.to_dict(), indent=2, ensure_ascii=False, default=str))
    else:
        click.echo(render(report))


def _kind_command(kind: str, help_text: str) -> click.Command:
    @click.command(name=kind, help=help_text)
    @click.argument("paths", nargs=-1, type=click.Path(dir_okay=True))
    @click.option("--predictions", "predictions", type=click.Path(dir_okay=False), default=None,
                  help="Write one prediction per item (JSON Lines) to this file.")
    @click.option("--json", "as_json", is_flag=True, help="Print the report as JSON.")
    @click.option("--limit", type=click.IntRange(min=1), default=None, help="Score only the first N items.")
    @coded_errors
    def command(paths: tuple[str, ...], predictions: str | None, as_json: bool, limit: int | None) -> None:
        report = run_kind(kind, list(paths), _load_pipeline(), limit, predictions)
        _emit(report, as_json)

    return command


KIND_HELP = {
    "seed": "Score `extract` output against conflict-gold/1 files (every FORMAT.md metric).",
    "plover": "PLOVER gold-standard records (JSON array): event type, source, target.",
    "isaf": "ISAF press releases (JSON Lines with gold): date, province, target group, event type, counts.",
    "ner": "Token-per-line BIO files (CrossNER, CoNLL-2003): entity-level P/R/F1 per label.",
    "geo": "GeoWebNews BRAT folders and GeoVirus/LGL/TR-News XML: toponym spans and coordinates.",
    "ucdp": "UCDP GED CSV: geocoding of the event's place description.",
    "petrarch": "PETRARCH validation/unit-test XML (CAMEO codings): event root code, source, target.",
    "wikievents": "WikiEvents JSON Lines (KAIROS events): triggers and arguments mapped to PLOVER.",
    "redocred": "Re-DocRED / DocRED JSON: document-level relation triples mapped to claimgraph predicates.",
    "timeml": "TimeML .tml files (TempEval-3): TIMEX3 detection and value normalisation.",
    "ecb": "ECB+ CAT XML (topic folders): event mentions and within/cross-document event coreference.",
    "storyline": "EventStoryLine CAT XML: temporal and causal links between event mentions.",
    "news": "conflict_news_selection folders (articles + metadata.jsonl): each text scored with its source set's gold.",
}


@click.group(name="eval")
def eval_group() -> None:
    """Score claimgraph on a public gold set, with a plain-spaCy baseline from the same run.

    Each KIND reads its format in general; without PATHs the visible files in ../shared/data are used.
    """


for _kind, _help in KIND_HELP.items():
    eval_group.add_command(_kind_command(_kind, _help))


@eval_group.command(name="all")
@click.option("--docs", is_flag=True, help="Regenerate docs/EVALUATION.md from this run.")
@click.option("--json", "as_json", is_flag=True, help="Print all reports as one JSON object.")
@click.option("--limit", type=click.IntRange(min=1), default=None, help="Score only the first N items per set.")
@click.option("--predictions-dir", type=click.Path(file_okay=False), default=None,
              help="Write each KIND's predictions to DIR/KIND.jsonl.")
@click.option("--docs-path", type=click.Path(dir_okay=False), default="docs/EVALUATION.md", show_default=True)
@coded_errors
def eval_all(docs: bool, as_json: bool, limit: int | None, predictions_dir: str | None, docs_path: str) -> None:
    """Run every KIND on its visible default files and print (or document) the results."""
    from claimgraph.eval.defaults import KINDS, default_paths

    pipeline = _load_pipeline()
    reports = {}
    crashed: list[str] = []
    for kind in KINDS:
        paths = default_paths(kind)
        if not paths:
            click.echo(f"{kind}: skipped (no visible files found)", err=True)
            continue
        pred = str(Path(predictions_dir) / f"{kind}.jsonl") if predictions_dir else None
        try:
            report = run_kind(kind, paths, pipeline, limit, pred)
        except ClaimgraphError as exc:  # one set failing does not stop the others
            click.echo(f"{kind}: {exc.message}", err=True)
            continue
        except Exception:  # a bug in one evaluation: shown in full, the others still run, exit status 1
            click.echo(f"{kind}: evaluation crashed:\n{traceback.format_exc()}", err=True)
            crashed.append(kind)
            continue
        reports[kind] = report
        if not as_json:
            _emit(report, False)
            click.echo()
    if as_json:
        click.echo(json.dumps({k: r.to_dict() for k, r in reports.items()}, indent=2, default=str))
    if docs:
        from claimgraph.eval.docs import write_evaluation_md

        write_evaluation_md(reports, docs_path, limit=limit)
        click.echo(f"wrote {docs_path}", err=True)
    if crashed:
        click.echo(f"error: evaluation crashed for {', '.join(crashed)} (tracebacks above)", err=True)
        sys.exit(1)


@click.command(name="bench")
@click.argument("paths", nargs=-1, type=click.Path(exists=True, dir_okay=True))
@click.option("--docs", is_flag=True, help="Regenerate docs/BENCHMARKS.md from this run.")
@click.option("--json", "as_json", is_flag=True, help="Print the measurements as JSON.")
@click.option("--docs-path", type=click.Path(dir_okay=False), default="docs/BENCHMARKS.md", show_default=True)
@coded_errors
def bench(paths: tuple[str, ...], docs: bool, as_json: bool, docs_path: str) -> None:
    """Words/s and documents/s of the whole pipeline and each stage, beside raw spaCy, on the same texts."""
    from claimgraph.eval.bench import render_bench, run_bench
    from claimgraph.eval.defaults import bench_default_paths

    files = list(paths) or bench_default_paths()
    if not files:
        raise EvalError("CG500", subject="bench", detail="no PATH given and no default corpus (../shared) found")
    result = run_bench(files, _load_pipeline())
    if as_json:
        click.echo(json.dumps(result, indent=2))
    else:
        click.echo(render_bench(result))
    if docs:
        from claimgraph.eval.docs import write_benchmarks_md

        write_benchmarks_md(result, docs_path, default_corpus=not paths)
        click.echo(f"wrote {docs_path}", err=True)


def register(group: click.Group) -> None:
    """Add this module's commands to the top-level group."""
    group.add_command(eval_group)
    group.add_command(bench)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(eval_group())
