"""CSV: one ACLED-shaped row per event, provenance columns, readable by the csv module."""

from __future__ import annotations

import csv
import io

from claimgraph.export.csv import COLUMNS, write_csv


def _rows(extractions) -> list[dict[str, str]]:
    out = io.StringIO()
    n = write_csv(extractions, out)
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert n == len(rows)
    return rows


def test_header_has_acled_like_columns():
    for col in ("event_id", "event_date", "date_precision", "event_type", "sub_event_type", "actor1", "actor2",
                "country", "admin1", "admin2", "location", "latitude", "longitude", "source", "source_scale",
                "notes", "modality", "attribution"):
        assert col in COLUMNS


def test_one_row_per_event_with_evidence_as_notes(corpus_docs):
    rows = _rows(corpus_docs)
    events = {c.id: (x, c) for x in corpus_docs for c in x.events}
    assert [r["event_id"] for r in rows] == list(events)
    for r in rows:
        x, c = events[r["event_id"]]
        assert r["doc_id"] == x.document.id
        assert r["source"] == x.document.outlet
        assert r["event_type"] == c.predicate
        s, e = c.evidence[0]
        assert r["notes"] == x.document.text[s:e]
        assert r["evidence_spans"] == f"{s}-{e}"
        assert r["modality"] == c.modality


def test_places_actors_and_dates(corpus_docs):
    rows = {r["notes"]: r for r in _rows(corpus_docs)}
    seize = rows["The Arakan Army seized Paletwa town in Chin State in January 2024"]
    assert (seize["country"], seize["admin1"], seize["location"]) == ("Myanmar", "Chin", "Paletwa")
    assert (seize["latitude"], seize["longitude"]) == ("21.30000", "92.85000")
    assert (seize["event_date"], seize["date_precision"], seize["sub_event_type"]) == ("2024-01", "month", "seize")
    assert seize["fatalities"] == "0"
    accuse = rows["The military junta accused the Arakan Army of killing civilians"]
    assert (accuse["actor1"], accuse["actor2"]) == ("military junta", "Arakan Army")
    meeting = rows["Malian leader Assimi Goita met Wagner Group commanders in Bamako on 2 March 2024"]
    assert (meeting["actor1"], meeting["assoc_actor_1"]) == ("Assimi Goita", "Wagner Group")
    unresolved = rows["Wagner fighters attacked the village of Moura"]
    assert unresolved["location"] == "Moura" and unresolved["latitude"] == "" and unresolved["country"] == ""
    assert unresolved["fatalities"] == ""  # not stated, not zero


def test_denied_and_alleged_rows_keep_modality_and_speaker(corpus_docs):
    rows = _rows(corpus_docs)
    assert sorted(r["modality"] for r in rows if r["modality"] != "asserted") == ["alleged", "denied", "denied"]
    alleged = next(r for r in rows if r["modality"] == "alleged")
    assert alleged["attribution"] == "Sahel Monitor > The United Nations"


def test_sample_report_csv(seed_extraction):
    rows = _rows([seed_extraction])
    assert len(rows) == len(seed_extraction.events)
    assert all(r["doc_id"] == seed_extraction.document.id for r in rows)
