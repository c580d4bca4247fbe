"""CLI commands: ``analyze`` (ingest → extract → store), ``extract`` (one document to gold-format JSON)
and ``show entity|doc`` (what the store knows, with evidence and who says so).

Each command is a thin wrapper: the work is done by :mod:`claimgraph.runner.batch`,
:mod:`claimgraph.ingest`, :mod:`claimgraph.extract.goldformat` and
:mod:`claimgraph.store.views`.
"""

from __future__ import annotations

import functools
import json
import sys
from pathlib import Path
from typing import Any

import click

from claimgraph.cli.common import DEFAULT_DB, coded_errors
from claimgraph.errors import ClaimgraphError
from claimgraph.ingest import MAX_BYTES

_MODALITY_MARK = {"denied": "DENIED", "alleged": "alleged", "requested": "requested", "promised": "promised",
                  "hypothetical": "hypothetical", "asserted": "asserted"}


def _echo_json(data: Any) -> None:
    click.echo(json.dumps(data, ensure_ascii=False, indent=2))


@click.command("analyze")
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=str))
@click.option("--db", default=DEFAULT_DB, show_default=True, help="SQLite database to store results in (created if missing).")
@click.option("--published", default=None, help="Publication date for every input (YYYY-MM-DD, YYYY-MM or YYYY); overrides metadata and datelines.")
@click.option("--outlet", default=None, help="Outlet for every input (e.g. \"Kyiv Independent\"); overrides metadata and datelines.")
@click.option("--workers", default=1, show_default=True, type=click.IntRange(min=1), help="Analyse on N Dask worker processes (1 = in this process).")
@click.option("--scheduler", default=None, help="Address of a running Dask scheduler (tcp://host:8786); implies distributed analysis.")
@click.option("--gazetteer", default=None, type=click.Path(path_type=str), help="Gazetteer database to resolve places with (default: the built-in one).")
@click.option("--max-bytes", default=MAX_BYTES, show_default=True, type=click.IntRange(min=1), help="Refuse any single document larger than this (CG104).")
@click.option("--force", is_flag=True, help="Analyse again and replace documents already stored by this version.")
@click.option("--json", "as_json", is_flag=True, help="Print the summary as JSON.")
@coded_errors
def analyze_command(paths: tuple[str, ...], db: str, published: str | None, outlet: str | None, workers: int,
                    scheduler: str | None, gazetteer: str | None, max_bytes: int, force: bool, as_json: bool) -> None:
    """Ingest PATHS (text, HTML, JSON Lines files or folders; - for stdin), extract claims and store them.

    Documents already stored by this version are skipped (unless --force); a
    changed file replaces its earlier version. Bad inputs are reported with a coded error and the rest
    still go in. Exit status is 0 when at least one document went in (or was
    already there), 1 when every input failed, 2 when the database is unusable.
    """
    from claimgraph.pipeline import Pipeline
    from claimgraph.runner import batch
    from claimgraph.store import Store

    show_bar = sys.stderr.isatty() and not as_json
    bar: Any = None
    # arguments are checked (CG108) before the database is created
    n_inputs, items = batch.ingest(paths, published=published, outlet=outlet, max_bytes=max_bytes, exclude_db=db,
                                   on_file=lambda _entry: bar.update(1) if bar is not None else None)
    with Store.open(db) as store:
        loader = functools.partial(Pipeline.load, gazetteer_path=gazetteer)
        with _progress(show_bar, n_inputs) as bar:
            if workers > 1 or scheduler:
                from claimgraph.runner.distributed import load_pipeline

                with batch.dask_client(scheduler, workers) as client:
                    summary = batch.analyze_items(items, store, client=client,
                                                  loader=functools.partial(load_pipeline, gazetteer), force=force)
            else:
                summary = batch.analyze_items(items, store, pipeline=loader, force=force)
    if as_json:
        _echo_json(summary.to_dict())
    else:
        _print_summary(summary, db)
    for err in summary.errors:
        click.echo(f"error: {err.message}", err=True)
    if summary.all_failed:
        if summary.documents == 0:
            click.echo("error: no documents found in the paths given", err=True)
        sys.exit(1)


class _NoBar:
    def update(self, n: int) -> None:
        pass

    def __enter__(self) -> _NoBar:
        return self

    def __exit__(self, *exc: object) -> None:
        pass


def _progress(show: bool, length: int) -> Any:
    if not show:
        return _NoBar()
    return click.progressbar(length=length, label="analysing", file=sys.stderr, show_pos=True)


def _print_summary(summary: Any, db: str) -> None:
    rows = [
        ("documents inserted", summary.inserted, None),
        ("documents unchanged", summary.unchanged, None),
        ("documents replaced", summary.replaced, None),
        ("documents failed", summary.failed, None),
        ("documents", None, summary.totals.get("documents")),
        ("entities", summary.written["entities"], summary.totals.get("entities")),
        ("relations", summary.written["relations"], summary.totals.get("relations")),
        ("events", summary.written["events"], summary.totals.get("events")),
        ("contradictions", summary.written["contradictions"], summary.totals.get("contradictions")),
        ("facts", None, summary.facts.get("facts")),
        ("facts in 2+ documents", None, summary.facts.get("multi_document")),
        ("contested facts", None, summary.facts.get("contested")),
    ]
    click.echo(f"{'':22}{'this run':>10}{'in ' + Path(db).name:>24}")
    for label, run, total in rows:
        click.echo(f"{label:22}{'' if run is None else run:>10}{'' if total is None else total:>24}")


@click.command("extract")
@click.argument("path", type=click.Path(path_type=str))
@click.option("--published", default=None, help="Publication date (YYYY-MM-DD, YYYY-MM or YYYY); relative dates are read against it.")
@click.option("--outlet", default=None, help="The outlet that published the text (the outermost speaker of every claim).")
@click.option("-o", "--output", default=None, type=click.Path(path_type=str), help="Write the JSON here instead of stdout.")
@click.option("--gazetteer", default=None, type=click.Path(path_type=str), help="Gazetteer database (default: the built-in one).")
@click.option("--records", is_flag=True, help="Write full Extraction records as JSON Lines, one per document in PATH "
              "(for `claimgraph export --input -`), instead of one document in the gold format.")
@coded_errors
def extract_command(path: str, published: str | None, outlet: str | None, output: str | None,
                    gazetteer: str | None, records: bool) -> None:
    """Extract one document (file or - for stdin) to JSON in the gold format of FORMAT.md; nothing is stored.

    With --records, every document in PATH (a folder, a JSON Lines file) is
    extracted and written as one Extraction record per line; bad inputs are
    reported on stderr and skipped (exit 1 only if all fail).
    """
    from claimgraph.extract.goldformat import to_gold_format
    from claimgraph.ingest import iter_documents
    from claimgraph.pipeline import Pipeline

    items = iter_documents([path], published=published, outlet=outlet)
    if records:
        _extract_records(items, lambda: Pipeline.load(gazetteer_path=gazetteer), output)
        return
    first = next(items, None)
    if first is None:
        raise ClaimgraphError("CG101", path, "no document in it")
    if isinstance(first, ClaimgraphError):
        raise first
    if next(items, None) is not None:
        click.echo(f"note: {path} holds more than one document; extracting the first (use --records or analyze for all)",
                   err=True)
    extraction = Pipeline.load(gazetteer_path=gazetteer).analyze(first)
    text = json.dumps(to_gold_format(extraction), ensure_ascii=False, indent=2)
    if output:
        Path(output).write_text(text + "\n", encoding="utf-8")
    else:
        click.echo(text)


def _extract_records(items: Any, load: Any, output: str | None) -> None:
    from claimgraph.runner import batch
    from claimgraph.runner.local import run_local

    runner = batch.LazyPipeline(load)
    ok = failed = 0
    stream = open(output, "w", encoding="utf-8") if output else None  # noqa: SIM115 - closed below
    try:
        for _item, result in run_local(items, runner):  # type: ignore[arg-type]
            if isinstance(result, ClaimgraphError):
                failed += 1
                click.echo(f"error: {result.message}", err=True)
                continue
            ok += 1
            line = json.dumps(result.to_dict(), ensure_ascii=False)  # type: ignore[union-attr]
            if stream is not None:
                stream.write(line + "\n")
            else:
                click.echo(line)
    finally:
        if stream is not None:
            stream.close()
    if ok == 0:
        if failed == 0:
            click.echo("error: no documents found", err=True)
        sys.exit(1)


@click.group("show")
def show_group() -> None:
    """Show what the store knows about an entity or a document, with evidence and who says so."""


@show_group.command("entity")
@click.argument("name")
@click.option("--db", default=DEFAULT_DB, show_default=True, help="Database written by `claimgraph analyze`.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of text.")
@coded_errors
def show_entity(name: str, db: str, as_json: bool) -> None:
    """Facts about the entity NAME (a name, alias, entity id or canonical id; any case)."""
    from claimgraph.store import Store
    from claimgraph.store.views import entity_view

    with Store.open(db, readonly=True) as store:
        views = entity_view(store, name)
    if as_json:
        _echo_json(views)
        return
    for v in views:
        click.echo(f"{v['name']}  ({', '.join(v['types'])}{'; ' + ', '.join(v['kinds']) if v['kinds'] else ''})"
                   f"  canonical {v['canonical_id']}")
        click.echo(f"  aliases: {', '.join(v['aliases'])}")
        if v["titles"]:
            click.echo(f"  titles: {', '.join(v['titles'])}")
        if v["descriptions"]:
            click.echo(f"  described as: {'; '.join(v['descriptions'])}")
        if v["places"]:
            _echo_place(v["places"][0])
        click.echo(f"  in {len(v['documents'])} document(s)")
        _echo_claims("Relations", v["relations"])
        _echo_claims("Events", v["events"])
        _echo_facts(v["facts"])
        click.echo("")


@show_group.command("doc")
@click.argument("doc_id", required=False)
@click.option("--first", is_flag=True, help="Show the first document stored (used by `make demo`).")
@click.option("--db", default=DEFAULT_DB, show_default=True, help="Database written by `claimgraph analyze`.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of text.")
@coded_errors
def show_doc(doc_id: str | None, first: bool, db: str, as_json: bool) -> None:
    """A stored document (by id, id prefix or path): metadata, entities and claims with evidence."""
    from claimgraph.store import Store
    from claimgraph.store.views import document_view

    with Store.open(db, readonly=True) as store:
        view = document_view(store, doc_id, first=first)
    if as_json:
        _echo_json(view)
        return
    click.echo(view["title"] or "(untitled)")
    click.echo(f"  id {view['id']}  ·  {view['outlet'] or 'outlet unknown'}  ·  published {view['published'] or 'unknown'}")
    click.echo(f"  {view['path'] or view['url'] or ''}  ({view['characters']} characters, pipeline {view['pipeline_version']})")
    click.echo(f"Entities ({len(view['entities'])})")
    for e in view["entities"]:
        extra = ""
        if e["place"] is not None:
            p = e["place"]
            extra = f"  @ {p['lat']:.3f}, {p['lon']:.3f}" if p["resolved"] else f"  (unresolved: {p['reason'] or 'no match'})"
        aliases = [a for a in e["aliases"] if a != e["name"]]
        click.echo(f"  {e['type']:<12} {e['name']}{' = ' + ', '.join(aliases) if aliases else ''}{extra}")
    _echo_claims("Relations", view["relations"])
    _echo_claims("Events", view["events"])
    if view["contradictions"]:
        click.echo(f"Contradictions ({len(view['contradictions'])})")
        claims = {c["id"]: c for c in view["relations"] + view["events"]}
        for k in view["contradictions"]:
            click.echo(f"  {len(k['claims_for'])} for, {len(k['claims_against'])} against:")
            for side, ids in (("for", k["claims_for"]), ("against", k["claims_against"])):
                for cid in ids:
                    c = claims.get(cid)
                    if c is None:
                        continue
                    says = " › ".join(c["says"]) if c["says"] else "?"
                    click.echo(f"    {side:<7} [{c['modality']}] {_claim_summary(c)}  — says: {says}")


def _echo_facts(facts: list[dict[str, Any]]) -> None:
    click.echo(f"Facts across reports ({len(facts)})")
    for f in facts:
        contested = f", CONTESTED {f['n_sources_for']} for / {f['n_sources_against']} against" if f["contested"] else ""
        click.echo(f"  [{f['n_sources']} source{'s' if f['n_sources'] != 1 else ''}, {f['n_documents']} "
                   f"document{'s' if f['n_documents'] != 1 else ''}{contested}] {f['label']}")


def _echo_place(p: dict[str, Any]) -> None:
    if p["resolved"]:
        click.echo(f"  place: {p['lat']:.4f}, {p['lon']:.4f} ({p['feature'] or 'place'}, {p['country'] or '?'})")
    else:
        click.echo(f"  place: unresolved ({p['reason'] or 'no gazetteer match'})")


def _claim_summary(c: dict[str, Any]) -> str:
    """One line naming what a claim states, with entity names (as shown by `show`)."""
    if c["kind"] == "relation":
        return f"{c['subject']} {c['predicate']} {c['object']}" + (f" (as {c['role']})" if c.get("role") else "")
    what = f"{c['predicate']}: {', '.join(c['sources']) or '?'} → {', '.join(c['targets']) or '?'}"
    if c.get("location"):
        what += f" at {c['location']}"
    return what


def _echo_claims(heading: str, claims: list[dict[str, Any]]) -> None:
    click.echo(f"{heading} ({len(claims)})")
    for c in claims:
        mark = _MODALITY_MARK.get(c["modality"], c["modality"])
        what = _claim_summary(c)
        when = ""
        if c["date"]:
            when = "  " + " ".join(f"{k} {v}" for k, v in c["date"].items())
        hist = "  (historical)" if c["historical"] else ""
        contested = ", CONTESTED" if c["contested_by"] else ""
        click.echo(f"  [{mark}{contested}] {what}{when}{hist}")
        if c["sentence"]:
            click.echo(f"      “{c['sentence']}”")
        if c["says"]:
            click.echo(f"      says: {' › '.join(c['says'])}" + (f" ({c['cue']})" if c["cue"] else ""))


@click.command("judge")
@click.argument("left")
@click.argument("right")
@click.argument("judgement", type=click.Choice(["same", "not_same", "unsure"]))
@click.option("--reason", default=None, help="Why (kept with the judgement).")
@click.option("--db", default=DEFAULT_DB, show_default=True, help="Database written by `claimgraph analyze`.")
@coded_errors
def judge_command(left: str, right: str, judgement: str, reason: str | None, db: str) -> None:
    """Record that entities LEFT and RIGHT (ids, canonical ids or unambiguous names) are the same or not.

    Sources are never rewritten: the judgement is stored and canonical ids are
    recomputed from all judgements (a `same` contradicting a `not_same` is refused).
    """
    from claimgraph.store import Store
    from claimgraph.store.views import resolve_identity

    with Store.open(db, create=False) as store:
        a, b = resolve_identity(store, left), resolve_identity(store, right)
        changed = store.judge(a, b, judgement, reason)
    click.echo(f"{judgement}: {a} ~ {b}; {changed} entit{'y' if changed == 1 else 'ies'} changed canonical id")


@click.command("corroborate")
@click.option("--db", default=DEFAULT_DB, show_default=True, help="Database written by `claimgraph analyze`.")
@click.option("--limit", default=10, show_default=True, type=click.IntRange(min=1),
              help="How many corroborated and how many contested facts to print.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of text.")
@coded_errors
def corroborate_command(db: str, limit: int, as_json: bool) -> None:
    """Recompute the cross-document facts and print the most corroborated and the contested ones.

    A fact groups the claims of every document that state the same relation or
    event; sources are counted once per innermost speaker (the same official
    quoted by two outlets is one source). `analyze` recomputes them too.
    """
    from claimgraph.store import Store
    from claimgraph.store import facts

    with Store.open(db, create=False) as store:
        counts = store.recompute_facts()
        top = facts.top(store.conn, limit)
    if as_json:
        _echo_json({"counts": counts, **top})
        return
    click.echo(f"{counts['facts']} facts: {counts['multi_document']} in 2+ documents, "
               f"{counts['corroborated']} with 2+ independent sources for them, {counts['contested']} contested")
    click.echo(f"Most corroborated ({len(top['corroborated'])})")
    for f in top["corroborated"]:
        click.echo(f"  {f['n_sources_for']} sources, {f['n_documents']} documents  {_fact_line(f)}")
        _echo_sources(f, "for")
    click.echo(f"Contested ({len(top['contested'])})")
    for f in top["contested"]:
        click.echo(f"  {f['n_sources_for']} for, {f['n_sources_against']} against  {_fact_line(f)}")
        _echo_sources(f, "for", "    claimed by: ")
        _echo_sources(f, "against", "    denied by:  ")


def _fact_line(f: dict[str, Any]) -> str:
    when = ""
    if f["date_start"]:
        when = f"  {f['date_start']}" if f["date_start"] == f["date_end"] else f"  {' / '.join(f['dates'])}"
    return f"{f['label']}{when}"


def _echo_sources(f: dict[str, Any], side: str, prefix: str = "    ") -> None:
    names = list(dict.fromkeys(c["source"] for c in f["claims"] if c["side"] == side))
    if names:
        click.echo(prefix + "; ".join(names))


def register(group: click.Group) -> None:
    """Add analyze, extract, show, judge and corroborate to the top-level group."""
    group.add_command(corroborate_command)
    group.add_command(analyze_command)
    group.add_command(extract_command)
    group.add_command(show_group)
    group.add_command(judge_command)
