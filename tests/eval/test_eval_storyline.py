"""``claimgraph eval storyline``: gold TLINKs read from ESC CAT XML, our date intervals ordered against them."""

from __future__ import annotations

from pathlib import Path

import pytest

from claimgraph.errors import ClaimgraphError
from claimgraph.eval import storyline
from claimgraph.eval.cat_xml import parse_document
from claimgraph.eval.schema import validate_file
from claimgraph.model import Claim, DateInterval, Document, Extraction

# tokens: 1 Rebels 2 attacked 3 the 4 town 5 on 6 March 7 3 8 . | 9 Troops 10 withdrew 11 later 12 .
ESC_DOC = """<?xml version='1.0' encoding='UTF-8'?>
<Document doc_name="9_1ecbplus.xml">
  <token t_id="1" sentence="0" number="0">Rebels</token>
  <token t_id="2" sentence="0" number="1">attacked</token>
  <token t_id="3" sentence="0" number="2">the</token>
  <token t_id="4" sentence="0" number="3">town</token>
  <token t_id="5" sentence="0" number="4">on</token>
  <token t_id="6" sentence="0" number="5">March</token>
  <token t_id="7" sentence="0" number="6">3</token>
  <token t_id="8" sentence="0" number="7">.</token>
  <token t_id="9" sentence="1" number="0">Troops</token>
  <token t_id="10" sentence="1" number="1">withdrew</token>
  <token t_id="11" sentence="1" number="2">later</token>
  <token t_id="12" sentence="1" number="3">.</token>
  <Markables>
    <ACTION_OCCURRENCE m_id="1"><token_anchor t_id="2"/></ACTION_OCCURRENCE>
    <ACTION_OCCURRENCE m_id="2"><token_anchor t_id="10"/></ACTION_OCCURRENCE>
    <TIME_DATE m_id="3" DCT="FALSE" value="2015-03-03"><token_anchor t_id="6"/><token_anchor t_id="7"/></TIME_DATE>
    <TIME_DATE m_id="4" DCT="TRUE" value="2015-03-10"/>
    <TIME_DATE m_id="5" DCT="FALSE" value="PAST_REF"><token_anchor t_id="11"/></TIME_DATE>
  </Markables>
  <Relations>
    <TLINK r_id="10" relType="CONTAINS"><source m_id="3"/><target m_id="1"/></TLINK>
    <TLINK r_id="11" relType="AFTER"><source m_id="4"/><target m_id="1"/></TLINK>
    <TLINK r_id="12" relType="AFTER"><source m_id="4"/><target m_id="2"/></TLINK>
    <TLINK r_id="13" relType="BEFORE"><source m_id="1"/><target m_id="2"/></TLINK>
    <TLINK r_id="14" relType=""><source m_id="2"/><target m_id="1"/></TLINK>
    <TLINK r_id="15" relType="CONTAINS"><source m_id="5"/><target m_id="2"/></TLINK>
    <PLOT_LINK r_id="16" relType="PRECONDITION"><source m_id="1"/><target m_id="2"/></PLOT_LINK>
  </Relations>
</Document>
"""


@pytest.fixture
def esc(tmp_path: Path) -> Path:
    folder = tmp_path / "v1.5" / "9"
    folder.mkdir(parents=True)
    (folder / "9_1ecbplus.xml.xml").write_text(ESC_DOC, encoding="utf-8")
    return tmp_path / "v1.5"


@pytest.mark.parametrize("a, b, rel", [
    (("2015-03-01", "2015-03-01"), ("2015-03-02", "2015-03-02"), "BEFORE"),
    (("2015-03-05", "2015-03-05"), ("2015-03-01", "2015-03-02"), "AFTER"),
    (("2015-03-01", "2015-03-31"), ("2015-03-03", "2015-03-03"), "INCLUDES"),
    (("2015-03-03", "2015-03-03"), ("2015-03-01", "2015-03-31"), "IS_INCLUDED"),
    (("2015-03-03", "2015-03-03"), ("2015-03-03", "2015-03-03"), "SIMULTANEOUS"),
    (("2015-03-01", "2015-03-10"), ("2015-03-05", "2015-03-20"), "OVERLAP"),
])
def test_interval_relation(a, b, rel):
    assert storyline.interval_relation(a, b) == rel


def test_a_date_includes_an_event_dated_to_that_same_day():
    day = ("2015-03-03", "2015-03-03")
    assert storyline.time_event_relation(day, day) == "INCLUDES"
    assert storyline.time_event_relation(("2015-03-01", "2015-03-31"), day) == "INCLUDES"
    assert storyline.time_event_relation(day, ("2015-03-01", "2015-03-31")) == "IS_INCLUDED"


def test_links_read_with_families_and_unscorable_ones_counted(esc: Path):
    doc = parse_document(esc / "9" / "9_1ecbplus.xml.xml")
    links, skipped = storyline.temporal_links(doc)
    assert [(lk.r_id, lk.family, lk.label) for lk in links] == [
        ("10", "te", "INCLUDES"), ("11", "te", "AFTER"), ("12", "te", "AFTER"), ("13", "ee", "BEFORE")]
    assert skipped["unlabelled"] == 1 and skipped["time_without_calendar_value"] == 1
    assert storyline.plot_links(doc) == 1
    assert storyline.document_date(doc) == "2015-03-10"


class _DatedStub:
    """Finds the attack (dated 3 March 2015) and the withdrawal (dated 2 March 2015: wrong order)."""

    def analyze(self, document: Document) -> Extraction:
        claims = []
        for word, day in (("attacked", "2015-03-03"), ("withdrew", "2015-03-02")):
            i = document.text.find(word)
            claims.append(Claim(id=word, doc_id=document.id, kind="event", predicate="ASSAULT",
                                evidence=[(i, i + len(word))], attribution=None, trigger=(i, i + len(word)),
                                date=DateInterval(value=day, precision="day")))
        return Extraction(document=document, claims=claims)


def test_run_orders_matched_dated_events_and_reports_coverage_and_accuracy(esc: Path, tmp_path: Path):
    out = tmp_path / "pred.jsonl"
    report = storyline.run([str(esc)], _DatedStub(), predictions=str(out))
    m, b = report.metrics, report.baseline
    # time-event: 3 March CONTAINS attack (right), DCT AFTER attack (right), DCT AFTER withdrawal (right)
    assert m["temporal.time_event.coverage"] == 1.0 and m["temporal.time_event.accuracy"] == 1.0
    # event-event: attack BEFORE withdrawal in gold; our dates put the withdrawal first
    assert m["temporal.event_event.accuracy"] == 0.0
    assert b["temporal.event_event.accuracy"] == 1.0  # text order gets it right
    assert m["causal.recall"] == 0.0 and m["causal.precision"] is None and m["causal.gold_links"] == 1
    assert m["events.f1"] == 1.0
    assert validate_file("storyline", out) == []
    assert len(out.read_text(encoding="utf-8").splitlines()) == 4


def test_undated_events_leave_pairs_unordered_not_wrong_guesses(esc: Path):
    class Undated(_DatedStub):
        def analyze(self, document: Document) -> Extraction:
            x = super().analyze(document)
            for c in x.claims:
                c.date = None
            return x

    m = storyline.run([str(esc)], Undated()).metrics
    assert m["temporal.time_event.coverage"] == 0.0 and m["temporal.time_event.accuracy"] is None
    assert m["temporal.time_event.accuracy_all"] == 0.0


def test_a_malformed_file_is_a_coded_error(tmp_path: Path):
    bad = tmp_path / "1_1ecb.xml.xml"
    bad.write_text("<Document><token t_id='1'>x</token></Document>", encoding="utf-8")
    with pytest.raises(ClaimgraphError) as err:
        storyline.run([str(bad)], _DatedStub())
    assert err.value.code == "CG500"


def test_real_esc_document_scores_and_validates(shared_dir: Path, pipeline, tmp_path: Path):
    files = sorted((shared_dir / "data" / "eventstoryline_esc" / "annotated_data" / "v1.5" / "37").glob("*.xml"))
    if not files:
        pytest.skip("ESC topic 37 not found")
    out = tmp_path / "esc.jsonl"
    report = storyline.run([str(files[0])], pipeline, predictions=str(out))
    assert report.n_items == 1 and report.metrics["temporal.time_event.gold_pairs"] > 0
    assert validate_file("storyline", out) == []
