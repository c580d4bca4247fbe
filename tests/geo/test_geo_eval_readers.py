"""The geoparsing and UCDP evaluation readers and scorers on tiny hand-made files with known answers."""

from __future__ import annotations

import math

import pytest

from claimgraph.errors import EvalError
from claimgraph.eval.geo import GeoItem, GeoScore, GoldToponym, read_items
from claimgraph.eval.ucdp import read_events

TEXT = "Floods hit Lahore and Karachi in Pakistan."


def _brat(tmp_path):
    folder = tmp_path / "GeoWebNews"
    folder.mkdir()
    (folder / "7.txt").write_text(TEXT, encoding="utf-8")
    (folder / "7.ann").write_text(
        "T1\tLiteral 11 17\tLahore\n#1\tAnnotatorNotes T1\t1172451\n"
        "T2\tLiteral 22 29\tKarachi\n"
        "T3\tLiteral_Expression 0 6\tFloods\n"
        "T4\tMetonymic 33 41\tPakistan\n",
        encoding="utf-8",
    )
    return folder


def test_brat_folder_keeps_toponym_types_and_joins_coordinates(tmp_path):
    folder = _brat(tmp_path)
    geocoding = tmp_path / "Geocoding"
    (geocoding / "files").mkdir(parents=True)
    (geocoding / "files" / "0").write_text(TEXT, encoding="utf-8")
    (geocoding / "gwn_full.txt").write_text(
        "Lahore,,Lahore,,31.558,,74.351,,11,,17||Karachi,,Karachi,,24.86,,67.01,,22,,29\n", encoding="utf-8"
    )
    (item,) = read_items([str(folder)])
    assert item.doc == "7" and item.corpus == "GeoWebNews"
    assert [(t.text, t.lat) for t in item.toponyms] == [("Lahore", 31.558), ("Karachi", 24.86), ("Pakistan", None)]
    assert item.toponyms[0].geonameid == 1172451


def test_corpus_xml_readers_geovirus_and_lgl_style(tmp_path):
    gv = tmp_path / "GeoVirus.xml"
    gv.write_text(
        "<articles><article><source>x</source><text>" + TEXT + "</text><locations>"
        "<location><name>Lahore</name><start>12</start><end>18</end><lat>31.5</lat><lon>74.3</lon></location>"
        "</locations></article></articles>", encoding="utf-8")
    lgl = tmp_path / "lgl.xml"
    lgl.write_text(
        "<articles><article docid=\"a9\"><text>" + TEXT + "</text><toponyms><toponym><phrase>Karachi</phrase>"
        "<start>22</start><end>29</end><gaztag geonameid=\"1174872\"><name>Karachi</name><lat>24.9</lat>"
        "<lon>67.0</lon></gaztag></toponym><toponym><phrase>Pakistan</phrase><start>33</start><end>41</end>"
        "</toponym></toponyms></article></articles>", encoding="utf-8")
    gv_item, lgl_item = read_items([str(gv), str(lgl)])
    # GeoVirus offsets one character off are repaired to cover the stated name
    assert (gv_item.corpus, gv_item.doc, gv_item.toponyms[0].start) == ("GeoVirus", "0", 11)
    assert gv_item.toponyms[0].text == "Lahore"
    assert lgl_item.corpus == "LGL" and lgl_item.doc == "a9"
    assert lgl_item.toponyms[0].geonameid == 1174872 and lgl_item.toponyms[1].lat is None


def test_bad_geo_inputs_are_coded(tmp_path):
    broken = tmp_path / "GeoVirus.xml"
    broken.write_text("<articles><article>", encoding="utf-8")
    with pytest.raises(EvalError) as err:
        read_items([str(broken)])
    assert err.value.code == "CG500" and str(broken) in err.value.message
    with pytest.raises(EvalError):
        read_items([str(tmp_path / "missing.xml")])


def test_geo_score_counts_spans_and_distance():
    item = GeoItem("X", "0", TEXT, [GoldToponym(11, 17, "Lahore", 31.558, 74.351),
                                      GoldToponym(22, 29, "Karachi", 24.86, 67.01)])
    score = GeoScore()
    score.add(item, [
        {"start": 11, "end": 17, "text": "Lahore", "lat": 31.5, "lon": 74.3},    # right, a few km off
        {"start": 22, "end": 30, "text": "Karachi ", "lat": 40.0, "lon": -100.0},  # overlapping span, wrong place
        {"start": 33, "end": 41, "text": "Pakistan", "lat": 30.0, "lon": 70.0},  # not a gold toponym
    ])
    m = score.metrics("X.")
    assert m["X.span_precision"] == pytest.approx(1 / 3) and m["X.span_recall"] == pytest.approx(1 / 2)
    assert m["X.acc161"] == pytest.approx(0.5)
    assert m["X.median_km"] > 1000 and 0 < m["X.auc"] < 1
    assert math.isclose(m["X.n_gold_geocoded"], 2)


def test_ucdp_reader_skips_hxl_row_and_rejoins_broken_lines(tmp_path):
    csv_path = tmp_path / "ucdp.csv"
    header = "id,source_headline,where_prec,where_description,adm_1,adm_2,latitude,longitude,country"
    csv_path.write_text(
        header + "\n"
        ",#description,,,#adm1+name,#adm2+name,#geo+lat,#geo+lon,#country+name\n"
        "1,Blast kills two,1,Miran Shah bazaar,Federally Administered Tribal Areas,North Waziristan agency,"
        "33.0,70.07,Pakistan\n"
        "2,Headline broken\nover two lines,2,Quetta,Balochistan province,Quetta district,30.18,67.0,Pakistan\n"
        "3,Bad,1,Somewhere,X,Y,north,east,Pakistan\n",
        encoding="utf-8",
    )
    events, skipped = read_events(str(csv_path))
    assert [e.id for e in events] == ["1", "2"] and skipped == 1
    assert events[1].description == "Quetta" and events[1].precision == 2 and events[0].country == "Pakistan"


def test_ucdp_without_the_needed_columns_is_cg500(tmp_path):
    p = tmp_path / "other.csv"
    p.write_text("a,b\n1,2\n", encoding="utf-8")
    with pytest.raises(EvalError) as err:
        read_events(str(p))
    assert err.value.code == "CG500"


def test_geo_run_scores_ours_and_the_baseline_on_a_tiny_corpus(pipeline, tmp_path):
    from claimgraph.eval import geo

    gv = tmp_path / "GeoVirus.xml"
    text = "Cholera cases rose in Lahore, Pakistan, and in the Spera District of Khost Province."
    gv.write_text(
        "<articles><article><text>" + text + "</text><locations>"
        f"<location><name>Lahore</name><start>{text.index('Lahore')}</start><end>{text.index('Lahore') + 6}</end>"
        "<lat>31.55</lat><lon>74.34</lon></location>"
        f"<location><name>Pakistan</name><start>{text.index('Pakistan')}</start><end>{text.index('Pakistan') + 8}</end>"
        "<lat>30.0</lat><lon>70.0</lon></location>"
        "</locations></article></articles>", encoding="utf-8")
    preds = tmp_path / "pred.jsonl"
    report = geo.run([str(gv)], pipeline, predictions=str(preds))
    assert report.kind == "geo" and report.n_items == 1
    assert report.metrics["GeoVirus.gold_spans.acc161"] == 1.0
    assert report.metrics["GeoVirus.acc161"] == 1.0
    assert "GeoVirus.acc161" in report.baseline
    assert preds.read_text(encoding="utf-8").count("\n") == 1


def test_ucdp_run_places_events_from_their_description(pipeline, tmp_path):
    from claimgraph.eval import ucdp

    p = tmp_path / "ucdp.csv"
    p.write_text(
        "id,where_prec,where_description,adm_1,adm_2,latitude,longitude,country\n"
        "1,1,Quetta city,Balochistan province,Quetta district,30.18,67.0,Pakistan\n"
        "2,1,a village near Peshawar,Khyber Pakhtunkhwa province,Peshawar district,34.0,71.5,Pakistan\n",
        encoding="utf-8",
    )
    report = ucdp.run([str(p)], pipeline)
    assert report.n_items == 2 and report.metrics["acc25"] == 1.0 and report.metrics["adm1_match"] == 1.0
