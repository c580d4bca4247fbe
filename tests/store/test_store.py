"""The store's promises: replacement, rollback, errors on bad databases, and the queries."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from claimgraph.errors import StoreError
from claimgraph.model import Attribution, Claim, DateInterval, Document, Entity, Extraction, Place, Speaker, stable_id
from claimgraph.store import Store


def make_extraction(text: str, path: str | None = "reports/a.txt", outlet: str = "Sahel Monitor",
                    version: str = "1") -> Extraction:
    """A small hand-made extraction: an armed group attacks a town, an army denies losses."""
    doc = Document.from_text(text, path=path, outlet=outlet, published="2023-11-26", title=text.split("\n")[0])
    t = doc.text

    def span(s: str) -> tuple[int, int]:
        i = t.index(s)
        return (i, i + len(s))

    def ent(etype: str, name: str, **kw) -> Entity:
        return Entity(id=stable_id("ent_", doc.id, etype, name), type=etype, name=name, aliases=[name],
                      mentions=[span(name)], **kw)

    jnim = ent("Organization", "JNIM", kind="armed_group")
    army = ent("Organization", "army", kind="military")
    djibo = ent("Location", "Djibo", place=Place(resolved=True, lat=14.1, lon=-1.63, country="BF", feature="town"))
    outlet_att = Attribution(id=stable_id("att_", doc.id, "outlet"), chain=[Speaker(text=outlet)])
    army_att = Attribution(id=stable_id("att_", doc.id, "army"), chain=[Speaker(text=outlet), Speaker(
        text="the army", entity_id=army.id, span=span("the army"))], evidence=span("the army said"), cue="said")
    attack = Claim(id=stable_id("clm_", doc.id, "attack"), doc_id=doc.id, kind="event", predicate="ASSAULT",
                   evidence=[span("JNIM fighters attacked Djibo")], attribution=outlet_att.id, sources=[jnim.id],
                   targets=[army.id], location=djibo.id, date=DateInterval(value="2023-11", precision="month"))
    losses = Claim(id=stable_id("clm_", doc.id, "losses"), doc_id=doc.id, kind="event", predicate="ASSAULT",
                   evidence=[span("lost soldiers")], attribution=army_att.id, modality="denied",
                   sources=[jnim.id], targets=[army.id])
    member = Claim(id=stable_id("clm_", doc.id, "member"), doc_id=doc.id, kind="relation", predicate="located_in",
                   evidence=[span("JNIM fighters attacked Djibo")], attribution=outlet_att.id, subject=jnim.id,
                   object=djibo.id, date=DateInterval(after="2020", before="2022-06", precision="month"))
    return Extraction(document=doc, entities=[jnim, army, djibo], attributions=[outlet_att, army_att],
                      claims=[attack, losses, member], pipeline_version=version)


TEXT = "Attack on Djibo\n\nJNIM fighters attacked Djibo in November. But the army said it had not lost soldiers."
TEXT2 = "Attack on Djibo\n\nJNIM fighters attacked Djibo at dawn. But the army said it had not lost soldiers there."


@pytest.fixture
def store(tmp_path: Path) -> Store:
    with Store.open(tmp_path / "cg.sqlite") as s:
        yield s


def _rows(store: Store, table: str) -> int:
    return store.conn.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0]


def test_new_database_is_wal_with_foreign_keys_and_recorded_migrations(store: Store) -> None:
    assert store.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert store.conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    versions = [r[0] for r in store.conn.execute("SELECT version FROM schema_migrations ORDER BY version")]
    assert versions[0] == 1 and versions == sorted(set(versions)) and store.schema_version == versions[-1]


def test_changed_document_at_same_path_replaces_old_records(store: Store) -> None:
    old, new = make_extraction(TEXT), make_extraction(TEXT2)
    assert store.save(old) == "inserted"
    assert store.save(new) == "replaced"
    assert [d.id for d in store.documents()] == [new.document.id]
    assert _rows(store, "claims") == 3 and _rows(store, "entities") == 3
    assert store.conn.execute("SELECT COUNT(*) FROM claims WHERE doc_id = ?", (old.document.id,)).fetchone()[0] == 0
    assert [h.doc_id for h in store.search("dawn")] == [new.document.id]
    assert store.search("November") == []  # the FTS index forgot the old text


def test_same_text_new_pipeline_version_is_replaced(store: Store) -> None:
    store.save(make_extraction(TEXT, version="1"))
    assert store.save(make_extraction(TEXT, version="2")) == "replaced"
    assert store.get_extraction(make_extraction(TEXT).document.id).pipeline_version == "2"
    assert _rows(store, "documents") == 1


def test_failure_midway_rolls_back_and_keeps_earlier_contents(store: Store) -> None:
    old = make_extraction(TEXT)
    store.save(old)
    before = {t: _rows(store, t) for t in ("documents", "entities", "claims", "claim_entities", "places")}
    bad = make_extraction(TEXT2)
    bad.claims.append(bad.claims[0])  # a duplicate claim id fails after the document and entities went in
    with pytest.raises(StoreError) as info:
        store.save(bad)
    assert info.value.code == "CG404"
    assert {t: _rows(store, t) for t in before} == before
    assert store.get_extraction(old.document.id) == old
    assert store.search("November")[0].doc_id == old.document.id


def test_is_current_only_for_same_text_and_version(store: Store) -> None:
    x = make_extraction(TEXT)
    assert not store.is_current(x.document, "1")
    store.save(x)
    assert store.is_current(x.document, "1")
    assert not store.is_current(x.document, "2")
    assert not store.is_current(make_extraction(TEXT2).document, "1")


def test_missing_database_readonly_is_cg400(tmp_path: Path) -> None:
    with pytest.raises(StoreError) as info:
        Store.open(tmp_path / "none.sqlite", readonly=True)
    assert info.value.code == "CG400"
    assert not (tmp_path / "none.sqlite").exists()


def test_garbage_file_is_cg401(tmp_path: Path) -> None:
    path = tmp_path / "junk.sqlite"
    path.write_bytes(b"this is not a database at all" * 100)
    with pytest.raises(StoreError) as info:
        Store.open(path)
    assert info.value.code == "CG401"


def test_someone_elses_sqlite_is_cg401_and_untouched(tmp_path: Path) -> None:
    path = tmp_path / "other.sqlite"
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE invoices (id INTEGER)")
    for readonly in (False, True):
        with pytest.raises(StoreError) as info:
            Store.open(path, readonly=readonly)
        assert info.value.code == "CG401"
    with sqlite3.connect(path) as conn:
        assert [r[0] for r in conn.execute("SELECT name FROM sqlite_master")] == ["invoices"]


def test_newer_schema_is_cg402(tmp_path: Path) -> None:
    path = tmp_path / "cg.sqlite"
    Store.open(path).close()
    with sqlite3.connect(path) as conn:
        conn.execute("INSERT INTO schema_migrations VALUES (999, 'future', '2030-01-01')")
    with pytest.raises(StoreError) as info:
        Store.open(path)
    assert info.value.code == "CG402"


def test_readonly_store_reads_but_refuses_writes(tmp_path: Path) -> None:
    path = tmp_path / "cg.sqlite"
    x = make_extraction(TEXT)
    with Store.open(path) as s:
        s.save(x)
    with Store.open(path, readonly=True) as ro:
        assert ro.get_extraction(x.document.id) == x
        with pytest.raises(StoreError):
            ro.save(make_extraction(TEXT2))


def test_claim_filters(store: Store) -> None:
    x = make_extraction(TEXT)
    store.save(x)
    other = make_extraction("Raid in Mali\n\nJNIM fighters attacked Djibo. the army said they lost soldiers.",
                            path="reports/b.txt", outlet="Bamako Post")
    store.save(other)
    jnim = x.entities[0]
    assert len(store.claims()) == 6
    assert len(store.claims(kind="relation")) == 2
    assert {c.claim.modality for c in store.claims(modality="denied")} == {"denied"}
    assert len(store.claims(actor="jnim")) == 6  # by name, any case
    assert len(store.claims(actor="Forces armees")) == 0
    assert len(store.claims(actor="JNIM", modality="denied")) == 2
    assert len(store.claims(actor=jnim.id)) == 3  # by per-document id
    canonical = store.find_entities("JNIM")[0].canonical_id
    assert len(store.claims(actor=canonical)) == 6  # across documents
    assert len(store.claims(place="Djibo")) == 2  # event location, not the relation object
    assert len(store.claims(event_type="ASSAULT", source="bamako")) == 2
    assert [c.claim.id for c in store.claims(source="the army")] == [x.claims[1].id, other.claims[1].id]
    assert len(store.claims(text="NOT LOST")) == 0 and len(store.claims(text="lost soldiers")) == 2
    assert len(store.claims(entity_type="Location")) == 4
    assert len(store.claims(date_from="2023-11-15", date_to="2023-11-20")) == 2  # month precision overlaps
    assert len(store.claims(date_from="2021-01-01", date_to="2021-02-01")) == 2  # the 2020..2022-06 interval
    assert len(store.claims(date_from="2024-01-01")) == 0
    page = store.claims(limit=2, offset=1)
    assert [c.claim.id for c in page] == [c.claim.id for c in store.claims()][1:3]
    assert store.count_claims(modality="denied") == 2
    hit = store.claims(modality="denied")[0]
    assert hit.evidence_text == ["lost soldiers"] and hit.attribution.chain[1].text == "the army"


def test_find_entities_by_alias_ignores_case_and_diacritics(store: Store) -> None:
    x = make_extraction(TEXT)
    x.entities[1].aliases.append("Forces armées")
    store.save(x)
    assert len(store.claims(actor="forces armees")) == 2  # claims filter by alias too
    assert [e.entity.name for e in store.find_entities("FORCES ARMEES")] == ["army"]
    assert [e.entity.name for e in store.find_entities("djibo")] == ["Djibo"]
    assert store.find_entities("Ouagadougou") == []


def test_search_tolerates_fts_syntax_in_user_text(store: Store) -> None:
    store.save(make_extraction(TEXT))
    assert len(store.search('Djibo" OR (')) == 0  # quoted words: no syntax error, all words required
    assert len(store.search("attacked djibo")) == 1


def test_iter_extractions_filters_by_outlet(store: Store) -> None:
    store.save(make_extraction(TEXT))
    store.save(make_extraction(TEXT2, path="b.txt", outlet="Other Wire"))
    assert [x.document.outlet for x in store.iter_extractions(outlet="other wire")] == ["Other Wire"]
    assert len(list(store.iter_extractions())) == 2


def test_new_database_in_a_missing_folder_is_created(tmp_path: Path) -> None:
    with Store.open(tmp_path / "out" / "deeper" / "cg.sqlite") as store:
        assert store.stats()["documents"] == 0


def test_sample_report_extraction_round_trips(seed_extraction: Extraction) -> None:
    with Store.open(":memory:") as s:
        assert s.save(seed_extraction) == "inserted"
        assert s.get_extraction(seed_extraction.document.id) == seed_extraction
        assert s.save(seed_extraction) == "unchanged"
        stored = s.claims(doc_id=seed_extraction.document.id)
        assert [c.claim for c in stored] == seed_extraction.claims
        for c in stored:  # every stored claim keeps its exact evidence text
            assert c.evidence_text == [seed_extraction.document.text[a:b] for a, b in c.claim.evidence]
