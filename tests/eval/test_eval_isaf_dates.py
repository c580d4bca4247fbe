"""``claimgraph eval isaf`` passes the release date read from the dateline (id line included) to the
pipeline as the publication date, so "today"/"yesterday" resolve against it; the operation a release
reports (its date and counts) is told apart from the targets' earlier attacks and campaign tallies."""

from __future__ import annotations

import json

from claimgraph.eval import isaf


def _record(rid, text, start_date):
    return {"id": rid, "text": text, "gold": {"start_date": start_date, "province": ["helmand"],
                                               "target_group": ["taliban"], "event_type": ["detention"],
                                               "min_killed": 0, "min_captured": 2}}


def test_yearless_dateline_with_the_year_in_the_id_line_dates_yesterday(pipeline, tmp_path):
    rec = _record("2011-06-S-071", "KABUL, Afghanistan (June 14)\nIn Nad-e Ali district, Helmand province, a "
                  "security force detained two suspected insurgents yesterday.", "2011-06-13")
    src = tmp_path / "isaf.jsonl"
    src.write_text(json.dumps(rec) + "\n", encoding="utf-8")
    out = tmp_path / "p.jsonl"
    report = isaf.run([str(src)], pipeline, predictions=str(out))
    (pred,) = [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()]
    assert pred["start_date"] == "2011-06-13"
    assert report.baseline["start_date"] == 0.0  # the dateline day itself is one day late


def test_a_record_with_its_release_in_the_id_line_is_read(pipeline, tmp_path):
    rec = _record("KABUL, Afghanistan (March 10, 2012) In Nad-e Ali district, Helmand province, a security "
                  "force detained two suspected insurgents today.", "", "2012-03-10")
    src = tmp_path / "isaf.jsonl"
    src.write_text(json.dumps(rec) + "\n", encoding="utf-8")
    out = tmp_path / "p.jsonl"
    report = isaf.run([str(src)], pipeline, predictions=str(out))
    (pred,) = [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()]
    assert pred["start_date"] == "2012-03-10" and pred["min_captured"] == 2
    assert not any("without text" in n for n in report.notes)


def test_a_yearless_dateline_with_no_year_anywhere_gives_no_date():
    assert isaf.parse_dateline("KABUL, Afghanistan (Feb. 07)\nIn Maiwand district, an operation today.",
                               "KABUL, Afghanistan (Feb. 07)").date is None


def _run_one(pipeline, tmp_path, rec):
    src = tmp_path / "isaf.jsonl"
    src.write_text(json.dumps(rec) + "\n", encoding="utf-8")
    out = tmp_path / "p.jsonl"
    isaf.run([str(src)], pipeline, predictions=str(out))
    (pred,) = [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()]
    return pred


def test_a_targets_earlier_attack_neither_dates_nor_counts_the_operation(pipeline, tmp_path):
    rec = _record("2011-01-S-259", "KABUL, Afghanistan (Jan. 23, 2011)\nIn Ghazni province, Afghan and coalition "
                  "forces detained four suspected insurgents during a security operation in Andar district "
                  "yesterday. The Taliban leader they sought was involved with a suicide attack that killed four "
                  "Afghan National Army soldiers in Kabul Dec. 19.", "2011-01-22")
    pred = _run_one(pipeline, tmp_path, rec)
    assert pred["start_date"] == "2011-01-22"
    assert pred["min_killed"] == 0 and pred["min_captured"] == 4


def test_the_operation_an_announcement_confirms_is_dated_by_its_own_date(pipeline, tmp_path):
    rec = _record("2011-06-S-071", "KABUL, Afghanistan (June 21, 2011)\nISAF today confirmed the capture of a "
                  "Taliban facilitator during a security operation in Shinkay district, Zabul province, June 14.",
                  "2011-06-14")
    assert _run_one(pipeline, tmp_path, rec)["start_date"] == "2011-06-14"
    # with no date of its own, the confirmed capture keeps the announcement's day
    rec = _record("2011-06-S-072", "KABUL, Afghanistan (June 21, 2011)\nISAF today confirmed the capture of a "
                  "Taliban facilitator in Shinkay district, Zabul province.", "2011-06-21")
    assert _run_one(pipeline, tmp_path, rec)["start_date"] == "2011-06-21"


def test_a_campaign_tally_is_not_the_operations_count(pipeline, tmp_path):
    rec = _record("2011-01-S-180", "KABUL, Afghanistan (Jan. 20, 2011)\nAfghan and coalition forces detained a "
                  "Taliban facilitator and one suspected insurgent in Paktiya province yesterday. Afghan and "
                  "coalition forces have detained more than 35 Taliban leaders since the first of the year.",
                  "2011-01-19")
    pred = _run_one(pipeline, tmp_path, rec)
    assert pred["min_captured"] == 2


def test_running_total_needs_a_present_perfect_and_a_period():
    from types import SimpleNamespace

    cfg = {"running_total_cues": ["since", "so far"]}
    text = "Forces have detained 40 leaders since March. Forces detained two suspects since dawn raids began."
    tally = SimpleNamespace(trigger=(12, 20), evidence=[(0, 44)])
    assert isaf.running_total(tally, text, cfg)
    plain = SimpleNamespace(trigger=(52, 60), evidence=[(45, len(text))])
    assert not isaf.running_total(plain, text, cfg)  # a past-tense operation is no tally
    assert not isaf.running_total(tally, text, {"running_total_cues": []})
