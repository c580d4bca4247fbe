"""Each KIND end to end on tiny hand-made files: predictions written one per item, valid against
the shipped JSON Schemas, ours and the baseline both reported; the CLI and its coded errors."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from claimgraph.cli import main
from claimgraph.eval import isaf, ner, plover, seed
from claimgraph.eval.schema import validate_file, validation_errors

NER_TEXT = "Jacinda\tB-politician\nArdern\tI-politician\nvisited\tO\nFiji\tB-country\n.\tO\n\nThe\tO\nANC\tB-politicalparty\nwon\tO\n"

PLOVER = [
    {"id": "D", "event": "DOCUMENT"},
    {"id": "P1", "event": "DEMAND", "text": "Ghana's government urged Togo to reopen the border on Monday.",
     "source": [{"actorText": "Ghana", "code": "GHA"}], "target": [{"actorText": "Togo", "code": "TGO"}]},
    {"id": "P2", "event": "FIGHT", "text": "Colombian troops clashed with FARC rebels near Cali.",
     "source": [{"actorText": "Colombian troops", "code": "COLMIL"}], "target": ""},
]

ISAF = [
    {"id": "2011-05-S-001", "text": "KABUL, Afghanistan (May 4, 2011)\nAn Afghan and coalition security force detained "
     "two suspected insurgents in Nahr-e Saraj district, Helmand province, yesterday.",
     "gold": {"start_date": "2011-05-03", "event_type": ["detention"], "province": ["helmand"],
              "target_group": ["taliban"], "min_killed": 0, "min_captured": 2}},
    {"id": "2011-05-S-001", "text": "KABUL, Afghanistan (May 4, 2011)\nIn Kunduz province, coalition forces killed "
     "an insurgent today.", "gold": {"start_date": "2011-05-04", "event_type": ["insurgentskilled"],
     "province": ["kunduz"], "target_group": [""], "min_killed": 1, "min_captured": 0}},
]


def _lines(path):
    return [json.loads(x) for x in path.read_text(encoding="utf-8").split("\n") if x.strip()]


def test_plover_run_and_schema(pipeline, tmp_path):
    src = tmp_path / "gsr.json"
    src.write_text(json.dumps(PLOVER), encoding="utf-8")
    out = tmp_path / "p.jsonl"
    r = plover.run([str(src)], pipeline, predictions=str(out))
    assert r.n_items == 2 and [p["i"] for p in _lines(out)] == [1, 2]
    assert validate_file("plover", out) == []
    assert r.baseline["event_type_accuracy"] == 0.5  # majority type of two distinct types
    assert set(r.metrics) == set(r.baseline)


def test_isaf_run_and_schema(pipeline, tmp_path):
    src = tmp_path / "isaf.jsonl"
    src.write_text("\n".join(json.dumps(x) for x in ISAF) + "\n", encoding="utf-8")
    out = tmp_path / "i.jsonl"
    r = isaf.run([str(src)], pipeline, predictions=str(out))
    preds = _lines(out)
    assert [p["line"] for p in preds] == [0, 1] and [p["id"] for p in preds] == ["2011-05-S-001"] * 2
    assert validate_file("isaf", out) == []
    assert r.baseline["event_type"] == 0.5 and r.baseline["min_killed"] == 0.5
    assert r.baseline["start_date"] == 0.5  # the dateline date is right for the "today" item only


def test_ner_run_and_schema(pipeline, tmp_path):
    src = tmp_path / "dev.txt"
    src.write_text(NER_TEXT, encoding="utf-8")
    out = tmp_path / "n.jsonl"
    r = ner.run([str(src)], pipeline, predictions=str(out))
    preds = _lines(out)
    assert [len(p["tags"]) for p in preds] == [5, 3]
    assert validate_file("ner", out) == []
    assert r.n_items == 2 and 0.0 <= r.metrics["micro_f1"] <= 1.0


def test_seed_run_finds_text_above_the_gold_file(pipeline, tmp_path):
    (tmp_path / "texts").mkdir()
    (tmp_path / "gold" / "x").mkdir(parents=True)
    text = "Somali troops attacked al-Shabaab fighters in Baidoa, the army said."
    (tmp_path / "texts" / "a.txt").write_text(text, encoding="utf-8")
    gold = {"schema": "conflict-gold/1", "doc": {"id": "a", "path": "texts/a.txt", "published": "2024-02-01",
            "outlet": "Wire"}, "entities": [
                {"id": "shabaab", "type": "Organization", "name": "al-Shabaab", "aliases": ["al-Shabaab"]},
                {"id": "baidoa", "type": "Location", "name": "Baidoa", "aliases": ["Baidoa"]}],
            "places": [{"entity": "baidoa", "lat": 3.11, "lon": 43.65, "tolerance_km": 50}],
            "attributions": [], "relations": [], "events": [], "contradictions": []}
    gpath = tmp_path / "gold" / "x" / "a.gold.json"
    gpath.write_text(json.dumps(gold), encoding="utf-8")
    out = tmp_path / "s.jsonl"
    r = seed.run([str(gpath)], pipeline, predictions=str(out))
    assert r.n_items == 1 and validate_file("seed", out) == []
    assert r.metrics["evidence_share"] == 1.0


def test_schemas_reject_wrong_shapes():
    assert validation_errors("isaf", [{"line": 0, "id": "x", "start_date": "May 3", "province": [],
                                       "target_group": ["rebels"], "event_type": [], "min_killed": -1,
                                       "min_captured": 0}])
    assert validation_errors("plover", [{"i": 0, "id": "x", "event": "FIGHT", "source": [], "target": []}])
    assert validation_errors("ner", [{"i": 0, "tags": ["B-politician"]}])
    assert validation_errors("seed", [{"schema": "conflict-gold/1", "doc": {"id": "d", "path": None},
                                       "entities": [], "attributions": [], "events": [], "contradictions": [],
                                       "relations": [{"id": "r", "subject": "a", "predicate": "leader_of",
                                                      "object": "b", "status": "asserted", "modality": "asserted",
                                                      "attribution": None, "evidence": []}]}])  # no evidence
    assert validation_errors("geo", [{"doc": "12", "toponyms": [{"start": 0, "end": 4, "text": "Gaza",
                                                                 "lat": 31.5, "lon": 34.47}]}]) == []
    assert validation_errors("ucdp", [{"id": 1, "lat": 95.0, "lon": 70.0, "adm_1": None, "adm_2": None}])


@pytest.fixture()
def cli(monkeypatch, pipeline):
    monkeypatch.setattr("claimgraph.cli.evaluate._load_pipeline", lambda: pipeline)
    return CliRunner()


def test_cli_eval_json_and_table(cli, tmp_path):
    src = tmp_path / "isaf.jsonl"
    src.write_text("\n".join(json.dumps(x) for x in ISAF) + "\n", encoding="utf-8")
    res = cli.invoke(main, ["eval", "isaf", str(src), "--json", "--limit", "1"])
    assert res.exit_code == 0, res.output
    rep = json.loads(res.output)
    assert rep["kind"] == "isaf" and rep["n_items"] == 1 and "event_type" in rep["baseline"]
    res = cli.invoke(main, ["eval", "isaf", str(src)])
    assert res.exit_code == 0 and "baseline" in res.output and "start_date" in res.output


def test_cli_wrong_kind_for_file_is_a_coded_error(cli, tmp_path):
    src = tmp_path / "dev.txt"
    src.write_text(NER_TEXT, encoding="utf-8")
    res = cli.invoke(main, ["eval", "plover", str(src)])
    assert res.exit_code == 2 and "CG500" in res.output
    res = cli.invoke(main, ["eval", "isaf", str(tmp_path / "missing.jsonl")])
    assert res.exit_code == 2 and "CG100" in res.output


def test_cli_eval_all_docs_runs_each_kind_and_writes_the_doc(cli, tmp_path, monkeypatch):
    isaf_file = tmp_path / "isaf.jsonl"
    isaf_file.write_text("\n".join(json.dumps(x) for x in ISAF) + "\n", encoding="utf-8")
    ner_file = tmp_path / "dev.txt"
    ner_file.write_text(NER_TEXT, encoding="utf-8")
    files = {"isaf": [str(isaf_file)], "ner": [str(ner_file)]}
    monkeypatch.setattr("claimgraph.eval.defaults.default_paths", lambda kind: files.get(kind, []))
    doc = tmp_path / "EVALUATION.md"
    res = cli.invoke(main, ["eval", "all", "--docs", "--docs-path", str(doc),
                            "--predictions-dir", str(tmp_path / "preds")])
    assert res.exit_code == 0, res.output
    assert "seed: skipped" in res.output
    md = doc.read_text(encoding="utf-8")
    assert "## isaf" in md and "## ner" in md and "| seed | — | not run" in md
    assert f"claimgraph eval isaf {isaf_file}" in md
    assert validate_file("isaf", tmp_path / "preds" / "isaf.jsonl") == []
    assert validate_file("ner", tmp_path / "preds" / "ner.jsonl") == []


def test_cli_bench_without_corpus_is_a_coded_error(cli, monkeypatch):
    monkeypatch.setattr("claimgraph.eval.defaults.bench_default_paths", lambda: [])
    res = cli.invoke(main, ["bench"])
    assert res.exit_code == 2 and "CG500" in res.output


def test_cli_folder_stands_for_its_files(cli, tmp_path):
    (tmp_path / "sets").mkdir()
    for n in range(2):
        (tmp_path / "sets" / f"part{n}.jsonl").write_text(json.dumps(ISAF[n]) + "\n", encoding="utf-8")
    res = cli.invoke(main, ["eval", "isaf", str(tmp_path / "sets"), "--json"])
    assert res.exit_code == 0, res.output
    assert json.loads(res.output)["n_items"] == 2
    (tmp_path / "empty").mkdir()
    res = cli.invoke(main, ["eval", "isaf", str(tmp_path / "empty")])
    assert res.exit_code == 2 and "CG500" in res.output
