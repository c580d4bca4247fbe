"""``claimgraph eval news``: selection texts scored with their source gold found next to the selection."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from claimgraph.errors import ClaimgraphError
from claimgraph.eval import news
from claimgraph.eval.align import OffsetMap
from claimgraph.eval.schema import validate_file

GWN = """<?xml version="1.0" ?>
<articles>
  <article file="7">
    <title>t</title>
    <text>Fighting was reported in  Kabul on Tuesday.</text>
    <toponyms><toponym><extractedName>Kabul</extractedName><start>26</start><end>31</end>
      <latitude>34.52813</latitude><longitude>69.17233</longitude></toponym></toponyms>
  </article>
</articles>
"""

ECB = """<Document doc_name="7_1ecb.xml">
<token t_id="1" sentence="0" number="0">Police</token><token t_id="2" sentence="0" number="1">arrested</token>
<token t_id="3" sentence="0" number="2">two</token><token t_id="4" sentence="0" number="3">men</token>
<token t_id="5" sentence="0" number="4">.</token>
<Markables><ACTION_OCCURRENCE m_id="1"><token_anchor t_id="2"/></ACTION_OCCURRENCE></Markables>
<Relations></Relations></Document>
"""

ISAF_TEXT = ("KABUL, Afghanistan (June 5, 2012)\nAn Afghan and coalition security force detained two insurgents "
             "in Nad-e Ali district, Helmand province, yesterday.")


@pytest.fixture
def data_root(tmp_path: Path) -> Path:
    root = tmp_path / "data"
    sel = root / "conflict_news_selection"
    (sel / "articles").mkdir(parents=True)
    texts = {
        "cn1": ("GeoWebNews", "7", "data/GWN.xml", "Fighting was reported in Kabul on Tuesday."),
        "cn2": ("ECB+", "7_1ecb.xml", "ECB+_LREC2014/ECB+/7/7_1ecb.xml", "Police arrested two men ."),
        "cn3": ("ISAF-PR", "2012-06-S-001", "data/isaf_press_releases_ft_test.jsonl", ISAF_TEXT),
        "cn4": ("WikiEvents", "market_bomb_1", "data/wikievents/dev.jsonl", "A bomb exploded in a market."),
        "cn7": ("WikiEvents", "not_there_1", "data/wikievents/test.jsonl", "Gunmen attacked a convoy."),
    }
    with (sel / "metadata.jsonl").open("w", encoding="utf-8") as fh:
        for cid, (src, orig, path, text) in texts.items():
            fh.write(json.dumps({"id": cid, "src": src, "orig_id": orig, "path": path, "date": None}) + "\n")
            (sel / "articles" / f"{cid}.txt").write_text(text, encoding="utf-8")
    (sel / "articles" / "cn5.txt").write_text("Troops withdrew from the border area.", encoding="utf-8")  # no record
    (sel / "articles" / "cn6.txt").write_text("", encoding="utf-8")  # empty
    (root / "geowebnews_geoparsing" / "data").mkdir(parents=True)
    (root / "geowebnews_geoparsing" / "data" / "GWN.xml").write_text(GWN, encoding="utf-8")
    ecb_dir = root / "ecbplus" / "ECB+_LREC2014" / "ECB+" / "7"
    ecb_dir.mkdir(parents=True)
    (ecb_dir / "7_1ecb.xml").write_text(ECB, encoding="utf-8")
    wiki = {"doc_id": "market_bomb_1", "sentences": [[[["A", 0, 1], ["bomb", 2, 6], ["exploded", 7, 15], ["in", 16, 18],
                                                      ["a", 19, 20], ["market", 21, 27], [".", 27, 28]],
                                                     "A bomb exploded in a market."]],
            "entity_mentions": [{"id": "m-T1", "start": 1, "end": 2, "text": "bomb"}],
            "event_mentions": [{"id": "m-E1", "event_type": "Conflict.Attack.DetonateExplode",
                                "trigger": {"start": 2, "end": 3, "text": "exploded"}, "arguments": []}]}
    (root / "wikievents" / "data" / "wikievents").mkdir(parents=True)
    (root / "wikievents" / "data" / "wikievents" / "dev.jsonl").write_text(json.dumps(wiki) + "\n", encoding="utf-8")
    (root / "isaf_press_releases").mkdir()
    gold = {"start_date": "2012-06-04", "event_type": ["detention"], "province": ["helmand"],
            "target_group": ["taliban"], "min_killed": 0, "min_captured": 2}
    (root / "isaf_press_releases" / "isaf_dev_gold.jsonl").write_text(
        json.dumps({"id": "2012-06-S-001", "text": ISAF_TEXT, "gold": gold}) + "\n", encoding="utf-8")
    (root / "isaf_press_releases" / "not_isaf.jsonl").write_text('{"conversations": []}\n', encoding="utf-8")
    return root


def test_offsets_carry_across_whitespace_and_a_left_out_header():
    m = OffsetMap("in  Kabul now", "in Kabul now")
    assert m.span((4, 9)) == (3, 8)
    header = OffsetMap("TITLE: x\nFighting in Kabul", "Fighting in Kabul")
    assert header.span((21, 26)) == (12, 17)
    assert header.span((7, 8)) is None  # the title is not in the stored text


def test_each_text_is_scored_with_its_source_gold_and_the_rest_still_analysed(data_root: Path, pipeline,
                                                                             tmp_path: Path):
    out = tmp_path / "news.jsonl"
    report = news.run([str(data_root / "conflict_news_selection")], pipeline, predictions=str(out))
    m, rows = report.metrics, report.sections["sources"]
    assert report.n_items == 7
    assert m["texts.analysed"] == 6  # the empty text is counted, not analysed
    assert m["texts.with_gold"] == 4 and m["texts.scored"] == 4  # cn7's WikiEvents document is not there
    assert rows["(no metadata)"]["texts"] == 2 and rows["WikiEvents"] == {"texts": 2, "analysed": 2, "with_gold": 1,
                                                                         "scored": 1}
    assert "WikiEvents.trigger_identification_f1" in m and "WikiEvents.trigger_identification_f1" in report.baseline
    assert m["GeoWebNews.span_recall"] == 1.0  # Kabul, carried over the double space
    assert m["ECB+.mentions.precision"] is not None and "ECB+.mentions.f1" in report.baseline
    assert 0.0 <= m["ISAF-PR.province"] <= 1.0 and "ISAF-PR.event_type" in report.baseline
    assert any("not_isaf.jsonl" in n for n in report.notes)  # an unreadable gold file is reported, not fatal
    assert any("cn6.txt" in n for n in report.notes)
    assert validate_file("news", out) == []


def test_a_broken_metadata_file_is_a_coded_error(tmp_path: Path):
    (tmp_path / "articles").mkdir()
    (tmp_path / "articles" / "a.txt").write_text("text", encoding="utf-8")
    (tmp_path / "metadata.jsonl").write_text('{"id": "a"}\nnot json\n', encoding="utf-8")
    with pytest.raises(ClaimgraphError) as err:
        news.read_selection([str(tmp_path)])
    assert err.value.code == "CG500"
    (tmp_path / "metadata.jsonl").write_text('{"src": "ECB+"}\n', encoding="utf-8")
    with pytest.raises(ClaimgraphError) as err:
        news.read_selection([str(tmp_path)])
    assert err.value.code == "CG500" and "id" in str(err.value)


def test_missing_input_and_wrong_file_kind_are_coded(tmp_path: Path):
    with pytest.raises(ClaimgraphError) as err:
        news.read_selection([str(tmp_path / "nope")])
    assert err.value.code == "CG100"
    other = tmp_path / "x.csv"
    other.write_text("a,b\n", encoding="utf-8")
    with pytest.raises(ClaimgraphError) as err:
        news.read_selection([str(other)])
    assert err.value.code == "CG500"


def test_real_selection_slice_finds_gold_next_to_it(shared_dir: Path, pipeline, tmp_path: Path):
    sel = shared_dir / "data" / "conflict_news_selection"
    if not (sel / "metadata.jsonl").is_file():
        pytest.skip("conflict_news_selection not found")
    out = tmp_path / "news.jsonl"
    report = news.run([str(sel)], pipeline, limit=3, predictions=str(out))
    assert report.n_items == 3 and report.metrics["texts.analysed"] == 3
    assert report.metrics["texts.with_gold"] >= 1
    assert validate_file("news", out) == []
