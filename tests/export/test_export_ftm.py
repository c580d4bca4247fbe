"""FollowTheMoney: entities the library and its CLI accept unchanged, with provenance on each."""

from __future__ import annotations

import io
import json
import shutil
import subprocess
import sys
from pathlib import Path

from followthemoney import model

from claimgraph.export.common import build_corpus
from claimgraph.export.ftm import actor_id, ftm_id, write_ftm


def _entities(extractions) -> list[dict]:
    out = io.StringIO()
    n = write_ftm(extractions, out)
    rows = [json.loads(line) for line in out.getvalue().splitlines()]
    assert n == len(rows)
    return rows


def _by_schema(rows, schema):
    return [r for r in rows if r["schema"] == schema]


def test_every_entity_survives_model_cleaning_unchanged(corpus_docs):
    for row in _entities(corpus_docs):
        proxy = model.get_proxy(row, cleaned=False)
        cleaned = model.make_entity(proxy.schema)
        cleaned.id = proxy.id
        for prop, values in proxy.properties.items():
            cleaned.add(prop, values)  # cleans and drops any invalid value
        assert cleaned.to_dict()["properties"] == row["properties"], row["id"]
        for prop in proxy.schema.required:
            assert proxy.get(prop), (row["id"], prop)


def test_ftm_cli_validate_accepts_the_export(corpus_docs, tmp_path: Path):
    src = tmp_path / "export.ftm.json"
    with src.open("w", encoding="utf-8") as fh:
        write_ftm(corpus_docs, fh)
    ftm = shutil.which("ftm") or str(Path(sys.executable).with_name("ftm"))
    result = subprocess.run([ftm, "validate", "-i", str(src), "-o", str(tmp_path / "out.json")],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    ours = {r["id"]: r["properties"] for r in map(json.loads, src.read_text().splitlines())}
    back = {r["id"]: r["properties"] for r in map(json.loads, (tmp_path / "out.json").read_text().splitlines())}
    assert back == ours  # nothing dropped or rewritten by validation


def test_counts_and_ids_match_the_extractions(corpus_docs):
    rows = _entities(corpus_docs)
    corpus = build_corpus(corpus_docs)
    assert {r["id"] for r in _by_schema(rows, "Article")} == {ftm_id(x.document.id) for x in corpus_docs}
    events = [c for x in corpus_docs for c in x.events]
    assert sorted(r["properties"]["recordId"][0] for r in _by_schema(rows, "Event")) == sorted(c.id for c in events)
    actors = [a for a in corpus.actors.values() if a.type in ("Person", "Organization")]
    people_orgs = _by_schema(rows, "Person") + _by_schema(rows, "Organization")
    assert {r["id"] for r in people_orgs} == {actor_id(a.key) for a in actors}
    assert len(_by_schema(rows, "Address")) == sum(1 for a in corpus.actors.values() if a.type == "Location")
    links = _by_schema(rows, "Membership") + _by_schema(rows, "Associate") + _by_schema(rows, "UnknownLink")
    assert sorted(r["properties"]["recordId"][0] for r in links) == sorted(c.id for x in corpus_docs for c in x.relations)


def test_membership_has_role_and_claim_provenance(corpus_docs):
    rows = _entities(corpus_docs)
    twan = next(r for r in _by_schema(rows, "Membership") if r["properties"]["role"] == ["commander-in-chief"])
    doc = corpus_docs[2].document
    props = twan["properties"]
    assert props["proof"] == [ftm_id(doc.id)]
    assert props["publisher"] == ["Irrawaddy Weekly"]
    assert props["description"] == ["Twan Mrat Naing, commander-in-chief of the Arakan Army"]
    assert props["status"] == ["asserted"]
    leaders = [r for r in _by_schema(rows, "Membership") if r["properties"]["role"] == ["leader"]]
    # two claims from two documents, both pointing at the same merged people
    assert len(leaders) == 2
    assert len({r["properties"]["member"][0] for r in leaders}) == 1
    assert {r["properties"]["proof"][0] for r in leaders} == {ftm_id(corpus_docs[0].document.id),
                                                            ftm_id(corpus_docs[1].document.id)}


def test_denied_and_alleged_events_carry_their_modality(corpus_docs):
    rows = _entities(corpus_docs)
    events = _by_schema(rows, "Event")
    denied = [r for r in events if "modality:denied" in r["properties"]["keywords"]]
    alleged = [r for r in events if "modality:alleged" in r["properties"]["keywords"]]
    assert len(denied) == 2 and len(alleged) == 1
    for r in denied:
        assert r["properties"]["summary"][0].startswith("denied, according to")
        assert "[denied]" in r["properties"]["name"][0]
    assert "The United Nations" in alleged[0]["properties"]["summary"][0]


def test_actors_carry_aliases_and_the_documents_they_appear_in(corpus_docs):
    rows = _entities(corpus_docs)
    jnim = next(r for r in _by_schema(rows, "Organization") if r["id"] == actor_id("dictionary:jnim"))
    names = set(jnim["properties"]["name"]) | set(jnim["properties"]["alias"])
    assert {"JNIM", "Jama'at Nusrat al-Islam wal-Muslimin"} <= names
    assert len(jnim["properties"]["proof"]) == 2
    docs = [r for r in _by_schema(rows, "Documentation") if r["properties"]["entity"] == [jnim["id"]]]
    assert len(docs) == 2


def test_sample_report_exports_valid_entities(seed_extraction):
    rows = _entities([seed_extraction])
    assert len(_by_schema(rows, "Article")) == 1
    assert len(_by_schema(rows, "Event")) == len(seed_extraction.events)
    for row in rows:
        proxy = model.get_proxy(row, cleaned=False)
        for prop in proxy.schema.required:
            assert proxy.get(prop)


def test_place_coordinates_keep_their_precision(corpus_docs):
    rows = _entities(corpus_docs)
    bamako = next(r for r in _by_schema(rows, "Address") if r["properties"]["name"] == ["Bamako"])
    assert (bamako["properties"]["latitude"], bamako["properties"]["longitude"]) == (["12.6392"], ["-8.0029"])
    assert bamako["properties"]["country"] == ["ml"]
