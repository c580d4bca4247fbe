"""Readers of every evaluation format on tiny hand-made files, and the per-set scorers' tricky cases."""

from __future__ import annotations

import json

import pytest

from claimgraph.errors import EvalError
from claimgraph.eval import isaf, ner, plover


# --- PLOVER ------------------------------------------------------------------------------------

def _plover_file(tmp_path, records):
    p = tmp_path / "gsr.json"
    p.write_text(json.dumps(records), encoding="utf-8")
    return p


def test_plover_reader_skips_document_records_and_keeps_indices(tmp_path):
    p = _plover_file(tmp_path, [
        {"id": "D", "event": "DOCUMENT", "eventText": "header"},
        {"id": "A", "event": "DEMAND", "text": "Kenya urged Uganda to withdraw.",
         "source": [{"actorText": "Kenya", "code": "KEN"}], "target": [{"actorText": "Uganda", "code": "UGA"}]},
        {"id": "B", "event": "FIGHT", "text": "Rebels clashed with troops.", "source": "", "target": ""},
    ])
    recs = list(plover.read_records(p))
    assert [i for i, _ in recs] == [1, 2]
    assert plover.actor_texts(recs[0][1]["source"]) == ["Kenya"]
    assert plover.actor_texts(recs[1][1]["target"]) == []
    assert plover.actor_texts({"actorText": "NATO", "code": "IGO"}) == ["NATO"]
    assert [plover.gold_type(r["event"]) for _, r in recs] == ["REQUEST", "ASSAULT"]
    assert plover.gold_type("DISAPPROVE") == "ACCUSE" and plover.gold_type("INVESTIGATE") == "ACCUSE"
    assert plover.gold_type("AGREE") == "AGREE"


def test_plover_reader_rejects_other_json(tmp_path):
    p = tmp_path / "x.json"
    p.write_text('{"not": "plover"}', encoding="utf-8")
    with pytest.raises(EvalError) as e:
        list(plover.read_records(p))
    assert e.value.code == "CG500"


def test_plover_tally_known_answers():
    t = plover._Tally()
    t.add({"event": "REQUEST", "source": ["Kenya"], "target": ["Uganda"]}, "REQUEST", ["Kenya"], ["Uganda"], 0.5)
    t.add({"event": None, "source": [], "target": []}, "ASSAULT", ["Rebels"], [], 0.5)
    m = t.metrics()
    assert m["event_type_accuracy"] == 0.5
    assert m["event_type_macro_f1"] == pytest.approx(0.5)  # REQUEST 1.0, ASSAULT 0.0
    assert m["source_f1"] == pytest.approx(0.5)  # 1.0 and 0.0
    assert m["target_f1"] == 1.0  # right, and both empty
    assert m["triple_accuracy"] == 0.5
    assert m["triple_f1"] == pytest.approx(2 / 3)  # P 1/1 (one record with an event), R 1/2
    assert m["no_event_share"] == 0.5


# --- ISAF --------------------------------------------------------------------------------------

ISAF_LINES = [
    {"id": "2013-01-S-025", "text": "KABUL, Afghanistan (Jan. 25, 2013)\nIn Andar district, Ghazni province, yesterday, "
     "a force killed a Taliban leader.", "gold": {"start_date": "2013-01-24", "event_type": ["insurgentskilled"],
     "province": ["ghazni"], "target_group": ["aq;taliban"], "min_killed": 1, "min_captured": 0}},
    {"id": "x", "text": "2012-06-S-026\nFor Immediate Release\nKABUL, Afghanistan (June 14) — detained two.",
     "gold": {"start_date": "2012-06-14", "event_type": [""], "province": ["sar-e pul"], "target_group": [""],
              "min_killed": 0, "min_captured": 2}},
]


def test_isaf_reader_gives_line_numbers_with_blank_lines(tmp_path):
    p = tmp_path / "isaf.jsonl"
    p.write_text(json.dumps(ISAF_LINES[0]) + "\n\n" + json.dumps(ISAF_LINES[1]) + "\n", encoding="utf-8")
    assert [line for line, _ in isaf.read_items(p)] == [0, 2]
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": 1, "text": "no gold"}\n', encoding="utf-8")
    with pytest.raises(EvalError):
        list(isaf.read_items(bad))
    broken = tmp_path / "broken.jsonl"
    broken.write_text("{not json\n", encoding="utf-8")
    with pytest.raises(EvalError) as e:
        list(isaf.read_items(broken))
    assert "line 1" in e.value.message


def test_isaf_dateline_with_and_without_year():
    d = isaf.parse_dateline(ISAF_LINES[0]["text"])
    assert d.date == "2013-01-25" and ISAF_LINES[0]["text"][: d.end].endswith("2013)")
    # no year in the dateline: the release number dates it
    assert isaf.parse_dateline(ISAF_LINES[1]["text"]).date == "2012-06-14"
    assert isaf.parse_dateline("BAGHDAD (Sept. 3) - troops", "2010-09-CA-125").date == "2010-09-03"
    # nothing but a release number: month only; nothing at all: None
    assert isaf.parse_dateline("2011-07-S-064\nFor Immediate Release\nIn Chimtal district").date == "2011-07"
    assert isaf.parse_dateline("In Maiwand district, an operation.").date is None


def test_isaf_labels_and_province_spellings():
    assert isaf.gold_labels(["aq;taliban"]) == ["aq", "taliban"]
    assert isaf.gold_labels([""]) == [] and isaf.gold_labels(None) == []
    assert isaf.province_label("Paktia") == "paktya"
    assert isaf.province_label("Sar-e Pol province") == "sar-e pul"
    assert isaf.province_label("Vardak") == "wardak"
    assert isaf.province_label("Punjab") is None


def test_isaf_tally_known_answers():
    t = isaf._Tally()
    gold0, gold1 = ISAF_LINES[0]["gold"], ISAF_LINES[1]["gold"]
    t.add({"start_date": "2013-01-24", "province": ["ghazni"], "target_group": ["taliban"],
           "event_type": ["insurgentskilled"], "min_killed": 2, "min_captured": 0}, gold0)
    t.add({"start_date": "2012-06-13", "province": ["sar_e_pul"], "target_group": [], "event_type": [],
           "min_killed": 0, "min_captured": 2}, gold1)
    m = t.metrics()
    assert m["start_date"] == 0.5
    assert m["province"] == 1.0  # "sar_e_pul" and "sar-e pul" are one label
    assert m["target_group"] == pytest.approx((2 / 3 + 1.0) / 2)  # {taliban} vs {aq, taliban}; empty vs empty
    assert m["target_group_exact"] == 0.5
    assert m["event_type"] == 1.0
    assert m["min_killed"] == 0.5 and m["min_killed_within1"] == 1.0
    assert m["min_captured"] == 1.0


# --- NER ---------------------------------------------------------------------------------------

BIO = """-DOCSTART-\tO

Angela\tB-politician
Merkel\tI-politician
led\tO
the\tO
CDU\tB-politicalparty
in\tO
Germany\tB-country
.\tO

The\tO
2019\tB-election
election\tI-election
"""


def test_ner_reader_and_gold_mapping(tmp_path):
    p = tmp_path / "dev.txt"
    p.write_text(BIO, encoding="utf-8")
    sents = list(ner.read_bio(p))
    assert len(sents) == 2 and sents[0].tokens[:2] == ["Angela", "Merkel"]
    assert ner.gold_entities(sents[0].tags) == [(0, 2, "person"), (4, 5, "organisation"), (6, 7, "location")]
    assert ner.gold_entities(sents[1].tags) == []  # election is not scored
    conll = tmp_path / "conll.txt"
    conll.write_text("EU NNP B-NP B-ORG\nrejects VBZ B-VP O\n", encoding="utf-8")
    assert ner.gold_entities(next(ner.read_bio(conll)).tags) == [(0, 1, "organisation")]
    bad = tmp_path / "bad.txt"
    bad.write_text("Angela\tperson\n", encoding="utf-8")
    with pytest.raises(EvalError):
        list(ner.read_bio(bad))


def test_bio_spans_conlleval_rules():
    assert ner.bio_entities(["I-per", "I-per", "O", "B-loc", "I-org"]) == [(0, 2, "per"), (3, 4, "loc"), (4, 5, "org")]
    assert ner.bio_entities(["B-per", "B-per"]) == [(0, 1, "per"), (1, 2, "per")]
    assert ner.to_bio(4, [(0, 2, "person"), (1, 3, "location")]) == ["B-person", "I-person", "O", "O"]
    text, spans = ner.token_offsets(["Angela", "Merkel", "."])
    assert text == "Angela Merkel ." and ner.chars_to_tokens(spans, 0, 13) == (0, 2)


def test_ner_tally_duplicates_count_once():
    t = ner._Tally()
    gold = [(0, 2, "person"), (4, 5, "organisation")]
    t.add([(0, 2, "person"), (0, 2, "person"), (4, 5, "location")], gold)
    m = t.metrics()
    assert m["micro_precision"] == 0.5 and m["micro_recall"] == 0.5
    assert m["person_f1"] == 1.0 and m["organisation_f1"] == 0.0


def test_isaf_miss_breakdown():
    t = isaf._Tally()
    t.add({"start_date": "2013-01-25", "province": ["ghazni", "kabul"], "target_group": [], "event_type": [],
           "min_killed": 0, "min_captured": 0}, ISAF_LINES[0]["gold"])
    m = t.misses
    assert m["start_date"] == {"+1 day": 1}
    assert m["province"] == {"extra kabul": 1}
    assert m["target_group"] == {"missing aq": 1, "missing taliban": 1}
    assert m["min_killed"] == {"none found": 1}
    assert isaf._date_miss(None, "2013-01-24") == "no date"
    assert isaf._date_miss("2013-01", "2013-01-24") == "not a day"
    assert isaf._date_miss("2013-01-21", "2013-01-24") == "-3 days"


def test_ner_predictions_nested_in_unscored_gold_are_ignored():
    tags = ["B-election", "I-election", "I-election", "O", "B-country"]  # "1952 United States election in France"
    assert ner.unscored_regions(tags) == [(0, 3)]
    pred = [(1, 2, "location"), (4, 5, "location"), (3, 4, "person")]
    assert ner.drop_unscored(pred, ner.unscored_regions(tags)) == [(4, 5, "location"), (3, 4, "person")]
