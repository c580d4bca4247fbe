"""``claimgraph eval petrarch``: the tolerant record reader, the actor dictionaries, the CAMEO→PLOVER
table (checked against our own event lexicon) and a run on tiny hand-made files and a real slice."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from claimgraph.errors import EvalError
from claimgraph.eval import petrarch
from claimgraph.eval.petrarch_read import read_actor_dictionary, read_records, record_files
from claimgraph.eval.schema import validate_file

RECORDS = """<Validation>
<Environment>
    <Actorfile>tiny.actors.txt</Actorfile>
    <Include>valid NEWS</Include>
</Environment>
<Sentences>
<Sentence date="20150102" id="N-1" category="NEWS" sentence="true">
<!-- a comment <EventCoding eventcode="999"> that must not count -->
<EventCoding sourcecode="COLGOV" targetcode="VEN" eventcode="112"></EventCoding>
<Text>
Colombia accused Venezuela of harbouring rebels on Tuesday.
</Text>
</Sentence>
<Sentence date="20150102" id="N-2" category="NEWS" sentence="true">
<EventCoding noevents="True"></EventCoding>
<Text>The weather in Bogota was mild on Tuesday.</Text>
</Sentence>
<Sentence date="20150102" id="X-1" category="SKIPPED" sentence="true">
<EventCoding sourcecode="COL" targetcode="VEN" eventcode="190"></EventCoding>
<Text>Colombian troops fought Venezuelan troops.</Text>
</Sentence>
<Sentence date="20150102" id="N-3" category="NEWS" sentence="true">
<EventCoding sourcecode="COL" targetcode="VEN" eventcode="010"></EventCoding>
<Text>Colombia commented on Venezuela.</Text>
</Sentence>
</Sentences>
</Validation>
"""

ACTORS = """# tiny actor dictionary
COLOMBIA_ [COL]
+COLOMBIAN_GOVERNMENT
VENEZUELA [VEN]
HUGO_CHAVEZ_
+CHAVEZ
\t[VENGOV 990202-130305]
\t[VENELI]
"""

# The UniversalPETRARCH layout: self-closed <Sentence .../>, a '#' header outside any element.
SELF_CLOSED = """<Validation>
# header text that is no XML comment <EventCoding...>
<Sentences>
<Sentence category="AFP" date="20080804" id="A-1" evaluate="true"/>
<EventCoding eventcode="042" sourcecode="USA" targetcode="JPN" />
<Text>
The US leader visited Japan.
</Text>
<Parse>1 The the DET</Parse>
</Sentence>
</Sentences>
"""


def _write(tmp_path: Path, name: str, text: str) -> str:
    p = tmp_path / name
    p.write_text(text, encoding="utf-8")
    return str(p)


def test_reader_honours_include_comments_and_dictionary_beside_the_file(tmp_path):
    _write(tmp_path, "tiny.actors.txt", ACTORS)
    f = read_records(_write(tmp_path, "tiny.xml", RECORDS))
    assert [s.id for s in f.sentences] == ["N-1", "N-2", "X-1", "N-3"]
    assert [s.included for s in f.sentences] == [True, True, False, True]
    assert [(c.event, c.source, c.target) for c in f.sentences[0].codings] == [("112", "COLGOV", "VEN")]
    assert f.sentences[0].text == "Colombia accused Venezuela of harbouring rebels on Tuesday."
    assert f.sentences[1].noevents and not f.sentences[1].codings
    assert [p.name for p in f.actor_files] == ["tiny.actors.txt"]


def test_reader_takes_self_closed_sentences(tmp_path):
    f = read_records(_write(tmp_path, "gsr.xml", SELF_CLOSED))
    assert len(f.sentences) == 1 and f.sentences[0].text == "The US leader visited Japan."
    assert f.sentences[0].codings[0].event == "042" and f.actor_files == []


def test_actor_dictionary_blocks_aliases_and_dated_codes(tmp_path):
    d = read_actor_dictionary(Path(_write(tmp_path, "a.actors.txt", ACTORS)))
    assert d["COLOMBIA"] == "COL" and d["COLOMBIAN GOVERNMENT"] == "COL"
    assert d["CHAVEZ"] == "VENELI"  # the undated code wins over the dated one
    assert "TUESDAY" not in d


@pytest.mark.parametrize("code,expected", [
    ("190", "ASSAULT"), ("1823", "ASSAULT"), ("0871", "RETREAT"), ("084", "RETREAT"), ("081", "CONCEDE"),
    ("112", "ACCUSE"), ("042", "CONSULT"), ("010", None), ("903", None), ("191", "COERCE"),
])
def test_cameo_codes_map_to_polecat(code, expected):
    assert petrarch.cameo_to_plover(code) == expected


def test_cameo_table_agrees_with_our_event_lexicon():
    """The eval table and events.tsv's `cameo` column follow the same PLOVER source: they must agree."""
    from claimgraph.data import load_tsv

    rows = [r for r in load_tsv("events.tsv") if r["cameo"].strip() not in ("", "-")]
    agree = sum(petrarch.cameo_to_plover(r["cameo"].strip()) == r["type"] for r in rows)
    assert rows and agree / len(rows) >= 0.95
    assert all(petrarch.cameo_to_plover(f"{root:02d}0") for root in range(2, 21))


@pytest.mark.parametrize("text,detail", [
    ("<Validation><Sentences></Sentences></Validation>", "no <Sentence>"),
    ('<Sentence id="S1" category="A"><EventCoding eventcode="190"/></Sentence>', "has no <Text>"),
    ('<Sentence id="S1" category="A"><EventCoding sourcecode="A"/><Text>x</Text></Sentence>', "without eventcode"),
])
def test_malformed_files_raise_cg500(tmp_path, text, detail):
    with pytest.raises(EvalError) as exc:
        read_records(_write(tmp_path, "bad.xml", text))
    assert exc.value.code == "CG500" and detail in exc.value.message


def test_missing_file_and_empty_folder(tmp_path):
    with pytest.raises(EvalError) as exc:
        read_records(str(tmp_path / "nope.xml"))
    assert exc.value.code == "CG100"
    with pytest.raises(EvalError) as exc:
        record_files([str(tmp_path)])
    assert exc.value.code == "CG500"


def test_run_scores_included_sentences_and_writes_valid_predictions(pipeline, tmp_path):
    _write(tmp_path, "tiny.actors.txt", ACTORS)
    _write(tmp_path, "tiny.xml", RECORDS)
    out = tmp_path / "p.jsonl"
    r = petrarch.run([str(tmp_path)], pipeline, predictions=str(out))  # a folder stands for its *.xml
    preds = [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()]
    # N-3 (only a 01 statement code) and X-1 (category not included) are not scored
    assert [p["id"] for p in preds] == ["N-1", "N-2"] and r.n_items == 2
    assert validate_file("petrarch", out) == []
    assert preds[0]["events"] and preds[0]["events"][0]["event"] == "ACCUSE"
    assert r.metrics["event_type_accuracy"] == 1.0
    # the actors are coded through the dictionary the file names: COL accuses VEN
    assert r.metrics["triple_recall"] == 1.0
    assert r.metrics["noevents_accuracy"] == 1.0
    # the majority-class baseline fires on the noevents sentence too
    assert r.baseline["noevents_accuracy"] == 0.0 and set(r.baseline) == set(r.metrics)


def test_bad_prediction_line_fails_the_schema(tmp_path):
    p = tmp_path / "bad.jsonl"
    p.write_text(json.dumps({"file": "f", "i": 0, "id": "x", "events": [{"event": "DOCUMENT", "source": [],
                 "target": [], "source_code": [], "target_code": []}]}) + "\n", encoding="utf-8")
    assert validate_file("petrarch", p)


def test_real_validation_slice(pipeline, shared_dir, tmp_path):
    path = shared_dir / "data" / "petrarch_validation" / "universalpetrarch" / "PETR2_GSR_validation.xml"
    if not path.is_file():
        pytest.skip("PETRARCH GSR validation file not in ../shared")
    out = tmp_path / "p.jsonl"
    r = petrarch.run([str(path)], pipeline, limit=12, predictions=str(out))
    assert r.n_items == 12 and validate_file("petrarch", out) == []
    assert r.metrics["event_type_accuracy"] is not None and 0.0 <= r.metrics["triple_f1"] <= 1.0


def test_cli_writes_valid_predictions_and_rejects_other_formats(monkeypatch, pipeline, tmp_path):
    from click.testing import CliRunner

    from claimgraph.cli import main

    monkeypatch.setattr("claimgraph.cli.evaluate._load_pipeline", lambda: pipeline)
    _write(tmp_path, "tiny.actors.txt", ACTORS)
    src = _write(tmp_path, "tiny.xml", RECORDS)
    out = tmp_path / "cli.jsonl"
    res = CliRunner().invoke(main, ["eval", "petrarch", src, "--predictions", str(out), "--json"])
    assert res.exit_code == 0, res.output
    assert json.loads(res.output)["n_items"] == 2 and validate_file("petrarch", out) == []
    other = _write(tmp_path, "dev.jsonl", json.dumps({"doc_id": "x", "sentences": []}) + "\n")
    res = CliRunner().invoke(main, ["eval", "petrarch", other])
    assert res.exit_code == 2 and "CG500" in res.output


def test_several_files_get_their_own_rows_and_majority_baseline(pipeline, tmp_path):
    _write(tmp_path, "tiny.actors.txt", ACTORS)
    _write(tmp_path, "tiny.xml", RECORDS)
    _write(tmp_path, "gsr.xml", SELF_CLOSED)
    r = petrarch.run([str(tmp_path)], pipeline)
    assert r.n_items == 3
    assert {"tiny.event_type_accuracy", "gsr.event_type_accuracy"} <= set(r.metrics)
    # each file's own majority type: CONSULT is the only (so the majority) type of gsr.xml
    assert r.baseline["gsr.event_type_accuracy"] == 1.0 and r.baseline["tiny.event_type_accuracy"] == 1.0
    single = petrarch.run([str(tmp_path / "gsr.xml")], pipeline)
    assert not any("." in k for k in single.metrics)
