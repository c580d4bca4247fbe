"""bench measures what it says on the texts given; the doc generators render every number they get."""

from __future__ import annotations

from claimgraph.eval.bench import STAGES, render_bench, run_bench
from claimgraph.eval.docs import render_benchmarks_md, render_evaluation_md
from claimgraph.eval.report import EvalReport


def test_bench_counts_words_and_times_every_stage(pipeline, tmp_path):
    (tmp_path / "a.txt").write_text("Houthi forces fired missiles at ships in the Red Sea, officials said.", encoding="utf-8")
    (tmp_path / "b.txt").write_text("Sudan's army and the RSF agreed to a truce in Jeddah on Saturday.", encoding="utf-8")
    (tmp_path / "c.txt").write_bytes(b"\x00\x01binary")
    r = run_bench([str(tmp_path)], pipeline)
    assert r["corpus"]["documents"] == 2 and r["corpus"]["words"] == 12 + 13
    assert len(r["corpus"]["skipped"]) == 1  # the binary file, with its code
    assert "CG102" in r["corpus"]["skipped"][0]
    assert set(STAGES) <= set(r["stages"])
    assert r["pipeline"]["words_per_s"] > 0 and r["spacy_raw"]["words_per_s"] > 0
    assert r["ratio_words_per_s"] > 0 and r["peak_rss_mb"] > 50
    text = render_bench(r)
    assert "spaCy nlp.pipe alone" in text and "relations" in text
    md = render_benchmarks_md(r, default_corpus=False)
    assert "| claimgraph pipeline (all stages) |" in md and "shared" in md


def test_evaluation_md_has_table_commands_and_schemas():
    rep = EvalReport(kind="isaf", inputs=["/somewhere/isaf.jsonl"], n_items=3,
                     metrics={"start_date": 0.5, "event_type": 0.25, "min_killed": None},
                     baseline={"start_date": 0.75, "event_type": 0.5, "min_killed": 1.0}, notes=["a note"])
    md = render_evaluation_md({"isaf": rep})
    assert "| start_date | 0.500 | 0.750 |" in md
    assert "| min_killed | — | 1.000 |" in md
    assert "claimgraph eval isaf /somewhere/isaf.jsonl --predictions out/isaf.jsonl" in md
    assert "Worse than the baseline here: start_date, event_type." in md
    assert '"min_captured"' in md  # the isaf JSON Schema is embedded
    assert "| seed | — | not run" in md
    assert "| isaf | 3 | start_date | 0.500 | 0.750 | ≥ 0.90 ✗ |" in md


def test_committed_docs_cover_every_kind_and_the_speed_ratio():
    """docs/EVALUATION.md names every KIND (a section with its command, or a "not run" row);
    docs/BENCHMARKS.md states the pipeline/spaCy ratio. Regenerate with `make eval` / `make bench`."""
    from pathlib import Path

    from claimgraph.cli.evaluate import KIND_HELP

    docs = Path(__file__).resolve().parents[2] / "docs"
    evaluation = (docs / "EVALUATION.md").read_text(encoding="utf-8")
    for kind in KIND_HELP:
        assert f"claimgraph eval {kind} " in evaluation or f"| {kind} | — | not run" in evaluation, kind
    assert "Ratio pipeline / raw spaCy" in (docs / "BENCHMARKS.md").read_text(encoding="utf-8")


def test_worse_than_baseline_knows_which_way_is_better():
    from claimgraph.eval.docs import _worse

    assert _worse("event_f1", 0.4, 0.5) and not _worse("event_f1", 0.6, 0.5)
    assert _worse("GeoVirus.median_km", 30.0, 10.0) and not _worse("median_km", 10.0, 30.0)
    assert _worse("GeoVirus.auc", 0.6, 0.5)
    assert not _worse("no_event_share", 0.5, 0.0) and not _worse("entity_f1", None, 0.5)
