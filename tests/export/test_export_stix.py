"""STIX 2.1: a bundle stix2 parses and the OASIS validator passes, provenance on every claim object."""

from __future__ import annotations

import io
import json
from datetime import UTC, datetime

import stix2
from stix2validator import ValidationOptions, validate_string

from claimgraph.export.stix import build_bundle, write_stix

T0 = datetime(2025, 1, 1, tzinfo=UTC)


def _bundle_text(extractions) -> str:
    out = io.StringIO()
    write_stix(extractions, out, timestamp=T0)
    return out.getvalue()


def _objects(text: str, kind: str) -> list:
    bundle = stix2.parse(text, allow_custom=True)
    return [o for o in bundle.objects if o.type == kind]


def test_bundle_passes_the_oasis_validator_without_errors(corpus_docs):
    results = validate_string(_bundle_text(corpus_docs), ValidationOptions())
    assert results.is_valid, [str(e) for e in results.errors]
    assert not results.errors
    # custom properties are declared by our extension-definition, so none are flagged as undeclared
    assert not [w for w in results.warnings if "{401}" in str(w)]


def test_one_report_per_document_with_a_reference_to_it(corpus_docs):
    text = _bundle_text(corpus_docs)
    reports = _objects(text, "report")
    assert sorted(r.x_claimgraph_doc_id for r in reports) == sorted(x.document.id for x in corpus_docs)
    ids = {o.id for o in stix2.parse(text, allow_custom=True).objects}
    for r in reports:
        assert r.external_references[0].external_id == r.x_claimgraph_doc_id
        assert set(r.object_refs) <= ids
    sahel = next(r for r in reports if r.x_claimgraph_doc_id == corpus_docs[0].document.id)
    assert sahel.external_references[0].url == "https://example.org/sahel/1"
    assert sahel.published.strftime("%Y-%m-%d") == "2024-03-10"


def test_every_claim_is_an_incident_or_relationship_with_evidence(corpus_docs):
    text = _bundle_text(corpus_docs)
    incidents = _objects(text, "incident")
    events = {c.id: (x, c) for x in corpus_docs for c in x.events}
    assert sorted(i.x_claimgraph_claim_id for i in incidents) == sorted(events)
    for inc in incidents:
        x, c = events[inc.x_claimgraph_claim_id]
        ev = inc.x_claimgraph_evidence[0]
        assert x.document.text[ev["start"]:ev["end"]] == ev["text"]
        assert inc.confidence == round(c.confidence * 100)
        assert inc.x_claimgraph_modality == c.modality
    rels = [r for r in _objects(text, "relationship") if r.relationship_type in ("leader-of", "member-of")]
    notes = _objects(text, "note")
    assert sorted(r.x_claimgraph_claim_id for r in rels + notes) == sorted(
        c.id for x in corpus_docs for c in x.relations)


def test_tie_to_an_agreement_becomes_a_note_on_the_party(corpus_docs):
    text = _bundle_text(corpus_docs)
    (note,) = _objects(text, "note")
    aa = next(o for o in _objects(text, "threat-actor") if o.name == "Arakan Army")
    assert note.object_refs == [aa.id]
    assert note.abstract == "Arakan Army party to Haigeng ceasefire"
    assert note.x_claimgraph_historical is True


def test_denied_and_alleged_claims_say_so(corpus_docs):
    text = _bundle_text(corpus_docs)
    for obj in _objects(text, "incident") + _objects(text, "relationship"):
        if obj.x_claimgraph_modality != "asserted":
            assert obj.description.startswith(obj.x_claimgraph_modality.upper())
    denied = [i for i in _objects(text, "incident") if i.x_claimgraph_modality == "denied"]
    assert len(denied) == 2 and all("[denied]" in i.name for i in denied)
    # the relationships drawn for a denied event are denied too
    for r in _objects(text, "relationship"):
        if r.source_ref in {i.id for i in denied}:
            assert r.x_claimgraph_modality == "denied"


def test_actor_types_and_merged_aliases(corpus_docs):
    text = _bundle_text(corpus_docs)
    actors = {o.name: o for o in _objects(text, "threat-actor")}
    assert "Jama'at Nusrat al-Islam wal-Muslimin" in actors
    assert "JNIM" in actors["Jama'at Nusrat al-Islam wal-Muslimin"].aliases
    people = {o.name for o in _objects(text, "identity") if o.identity_class == "individual"}
    assert {"Iyad Ag Ghaly", "Twan Mrat Naing", "Assimi Goita"} <= people
    locations = {o.name: o for o in _objects(text, "location")}
    assert locations["Paletwa"].country == "MM" and locations["Paletwa"].latitude == 21.3
    assert "Moura" not in locations  # no country, no coordinates: kept on the claims by name
    moura = [i for i in _objects(text, "incident") if getattr(i, "x_claimgraph_location_name", None) == "Moura"]
    assert len(moura) == 3


def test_ids_are_stable_across_exports(corpus_docs):
    first = {o.id for o in build_bundle(corpus_docs, T0).objects}
    again = {o.id for o in build_bundle(list(reversed(corpus_docs)), T0).objects}
    assert first == again


def test_sample_report_bundle_validates(seed_extraction):
    text = _bundle_text([seed_extraction])
    results = validate_string(text, ValidationOptions())
    assert results.is_valid, [str(e) for e in results.errors]
    reports = _objects(text, "report")
    assert [r.x_claimgraph_doc_id for r in reports] == [seed_extraction.document.id]
    assert len(_objects(text, "incident")) == len(seed_extraction.events)
    assert json.loads(text)["type"] == "bundle"
