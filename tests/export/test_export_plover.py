"""PLOVER JSON Lines: schema-valid records, one per event, provenance and modality carried."""

from __future__ import annotations

import io
import json

import jsonschema
import pytest

from claimgraph.errors import ExportError
from claimgraph.export.plover import plover_dates, plover_schema, write_plover
from claimgraph.model import DateInterval


def _records(extractions) -> list[dict]:
    out = io.StringIO()
    n = write_plover(extractions, out)
    records = [json.loads(line) for line in out.getvalue().splitlines()]
    assert n == len(records)
    return records


def test_schema_is_a_valid_json_schema_with_plover_required_fields():
    schema = plover_schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    assert {"id", "date", "actor", "event"} <= set(schema["required"])


def test_one_schema_valid_record_per_event_across_documents(corpus_docs):
    records = _records(corpus_docs)
    events = [c for x in corpus_docs for c in x.events]
    assert [r["id"] for r in records] == [c.id for c in events]
    validator = jsonschema.Draft202012Validator(plover_schema())
    for r in records:
        assert not list(validator.iter_errors(r)), r["id"]


def test_records_carry_evidence_attribution_and_citation(corpus_docs):
    records = {r["id"]: r for r in _records(corpus_docs)}
    for x in corpus_docs:
        for c in x.events:
            r = records[c.id]
            assert r["doc_id"] == x.document.id
            assert [(e["start"], e["end"]) for e in r["evidence"]] == list(c.evidence)
            for e in r["evidence"]:
                assert x.document.text[e["start"]:e["end"]] == e["text"]
            assert r["cite_info"]["publication"] == x.document.outlet == r["publication"]
            # both generations of PLOVER field names, same content
            assert r["source"] == r["actor"] and r["target"] == r["recipient"]
            assert [a["entity_text"] for a in r["actor"]] == [
                next(e.name for e in x.entities if e.id == s) for s in c.sources]
            assert r["attribution"][0]["text"] == x.document.outlet
            assert r["event"] == [c.predicate]


def test_denied_and_alleged_events_are_not_plain_facts(corpus_docs):
    records = _records(corpus_docs)
    denied = [r for r in records if r["modality"] == "denied"]
    alleged = [r for r in records if r["modality"] == "alleged"]
    assert len(denied) == 2 and len(alleged) == 1
    # PLOVER's own auxiliary mode marks the negation for tools that ignore our extension
    assert all("negation" in r["context"] for r in denied)
    assert alleged[0]["attribution"][-1]["text"] == "The United Nations"
    assert alleged[0]["attribution"][-1]["identifier_id"] == "dictionary:un"
    assert all("context" not in r or "negation" not in r["context"] for r in records if r["modality"] == "asserted")


def test_actors_use_merged_identity_and_surface_text(corpus_docs):
    records = _records(corpus_docs)
    denial = next(r for r in records if r["text"].startswith("Wagner denied"))
    actor = denial["actor"][0]
    assert actor["entity_text"] == "Wagner"  # as written in that document
    assert actor["identifier_id"] == "dictionary:wagner"
    assert actor["identifier_text"] == "Wagner Group"  # merged name over both documents
    accuse = next(r for r in records if r["event"] == ["ACCUSE"])
    assert [a["entity_text"] for a in accuse["recipient"]] == ["Arakan Army"]
    assert accuse["quad_code"] == 3
    # a government gets PLOVER's GOV sector; an armed group no guessed sector
    assert accuse["actor"][0]["sector"] == "GOV"
    assert "sector" not in accuse["recipient"][0]


def test_location_object_is_filled_only_from_a_resolved_place(corpus_docs):
    records = _records(corpus_docs)
    coerce = next(r for r in records if r["event"] == ["COERCE"])
    loc = coerce["event_loc"]
    assert (loc["lat"], loc["lon"], loc["country_code"], loc["province"]) == (21.3, 92.85, "MMR", "Chin")
    moura = next(r for r in records if r["text"] == "Wagner fighters attacked the village of Moura")
    assert moura["event_loc"]["extracted_place"] == "Moura"
    assert moura["event_loc"]["resolved"] is False and "lat" not in moura["event_loc"]


@pytest.mark.parametrize(
    ("date", "published", "expected"),
    [
        (DateInterval(value="2024-03-02", precision="day"), None, ("2024-03-02", None, "day")),
        (DateInterval(value="2024-02", precision="month"), None, ("2024-02-01", "2024-02-29", "month")),
        (DateInterval(value="2023"), None, ("2023-01-01", "2023-12-31", "year")),
        (DateInterval(after="2021-08"), "2024-01-14", ("2021-08-01", "2024-01-14", "interval")),
        (None, "2025-01-14", ("2025-01-14", None, "publication")),
        (None, None, (None, None, "unknown")),
    ],
)
def test_dates_keep_their_precision(date, published, expected):
    d = plover_dates(date, published)
    assert (d["date"], d.get("enddate"), d["date_precision"]) == expected


def test_invalid_record_is_refused_with_cg601(sahel):
    sahel.claims[0].predicate = "NOT_A_PLOVER_TYPE"
    with pytest.raises(ExportError) as err:
        write_plover([sahel], io.StringIO())
    assert err.value.code == "CG601"


def test_sample_report_records_validate(seed_extraction):
    records = _records([seed_extraction])
    assert len(records) == len(seed_extraction.events)
    validator = jsonschema.Draft202012Validator(plover_schema())
    for r in records:
        assert not list(validator.iter_errors(r))
        assert r["doc_id"] == seed_extraction.document.id
