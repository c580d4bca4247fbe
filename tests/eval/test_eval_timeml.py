"""``claimgraph eval timeml``: TimeML documents are read in general and date finding is scored on them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from claimgraph.errors import EvalError
from claimgraph.eval import timeml
from claimgraph.model import DateInterval

TINY = """<?xml version="1.0" ?>
<TimeML>
<DOCID>TINY001</DOCID>
<DCT><TIMEX3 tid="t0" type="DATE" value="2013-03-22" functionInDocument="CREATION_TIME">March 22, 2013</TIMEX3></DCT>
<TEXT>
Rebels shelled the town <TIMEX3 tid="t1" type="DATE" value="2013-03-21">yesterday</TIMEX3>, officials said.
The siege has lasted <TIMEX3 tid="t2" type="DURATION" value="P3W">three weeks</TIMEX3>. The army withdrew in
<TIMEX3 tid="t3" type="DATE" value="2012-12">December</TIMEX3>. Shelling resumed at <TIMEX3 tid="t4" type="TIME" value="2013-03-21T05:00">5 a.m.</TIMEX3>
</TEXT>
</TimeML>
"""


def _write(tmp_path: Path, name: str, text: str) -> Path:
    p = tmp_path / name
    p.write_text(text, encoding="utf-8")
    return p


def test_reader_rebuilds_text_and_timex_offsets(tmp_path):
    doc = timeml.parse_tml(_write(tmp_path, "a.tml", TINY))
    assert doc.dct == "2013-03-22" and doc.name == "TINY001"
    assert [doc.text[s:e] for s, e in (t.span for t in doc.timexes)] == ["yesterday", "three weeks", "December", "5 a.m."]
    assert "<TIMEX3" not in doc.text and "March 22, 2013" not in doc.text  # the DCT is not part of the text


def test_reader_finds_tml_files_in_nested_folders_and_refuses_bad_xml(tmp_path):
    (tmp_path / "sub").mkdir()
    _write(tmp_path / "sub", "b.tml", TINY)
    _write(tmp_path, "notes.txt", "not TimeML")
    assert [p.name for p in timeml.find_files([str(tmp_path)])] == ["b.tml"]
    bad = _write(tmp_path, "bad.tml", "<TimeML><TEXT>unclosed</TimeML>")
    with pytest.raises(EvalError) as err:
        timeml.parse_tml(bad)
    assert err.value.code == "CG500"
    with pytest.raises(EvalError):
        timeml.parse_tml(_write(tmp_path, "notext.tml", "<TimeML><DOCID>x</DOCID></TimeML>"))


@pytest.mark.parametrize(
    ("interval", "value"),
    [
        (DateInterval(value="2022-04", precision="month"), "2022-04"),
        (DateInterval(after="1990", before="1999"), "199"),
        (DateInterval(after="1998-01-05", before="1998-01-11"), "1998-W02"),  # Monday to Sunday
        (DateInterval(after="1998-01-01", before="1998-03-04"), "1998"),  # "this year" so far
        (DateInterval(after="1995-03-04", before="1998-03-04"), None),  # "the past three years"
        (DateInterval(after="1998-01-05", before="1998-01-07"), "1998-W02"),  # "earlier this week" on a Wednesday
        (DateInterval(after="1998-01-06", before="1998-01-12"), None),  # seven days, not a calendar week
        (None, None),
    ],
)
def test_our_readings_as_timeml_values(interval, value):
    assert timeml.timeml_value(interval) == value


def test_run_scores_detection_and_values(pipeline, tmp_path):
    src = _write(tmp_path, "a.tml", TINY)
    out = tmp_path / "pred.jsonl"
    report = timeml.run([str(src)], pipeline, predictions=str(out))
    assert report.n_items == 1 and report.metrics["gold_timexes"] == 3  # the TIME timex is not a target
    (pred,) = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    by_text = {t["text"]: t for t in pred["timexes"]}
    assert by_text["yesterday"]["value"] == "2013-03-21" and by_text["yesterday"]["gold_tid"] == "t1"
    # a month later than the DCT's, with no year, is last December
    assert by_text["December"]["value"] == "2012-12"
    assert report.metrics["value_accuracy"] == 1.0
    assert not any(t["text"].startswith("5") for t in pred["timexes"] if t["gold_tid"] is None)
    assert report.baseline["relaxed_f1"] is not None


def test_no_tml_files_is_an_input_error(pipeline, tmp_path):
    with pytest.raises(EvalError) as err:
        timeml.run([str(tmp_path)], pipeline)
    assert err.value.code == "CG500"


def test_a_slice_of_timebank_scores_above_the_baseline_values(pipeline, shared_dir):
    root = shared_dir / "data/tempeval3_timeml/data/TempEval3/Training/TBAQ-cleaned/TimeBank"
    if not root.is_dir():
        pytest.skip("TempEval-3 data not available")
    report = timeml.run([str(root)], pipeline, limit=8)
    assert report.n_items == 8
    assert report.metrics["relaxed_f1"] > 0.7
    assert report.metrics["value_accuracy"] >= report.baseline["value_accuracy"]
