"""Hypothesis: any Extraction built from the model survives save → get_extraction, and saving twice changes nothing."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from claimgraph.model import (
    ENTITY_TYPES,
    EVENT_TYPES,
    MODALITIES,
    PREDICATES,
    Attribution,
    Claim,
    Contradiction,
    DateInterval,
    Description,
    Document,
    Entity,
    Extraction,
    Mention,
    Place,
    Speaker,
    stable_id,
)
from claimgraph.store import Store

# text SQLite can hold: no lone surrogates (not encodable) and no NUL (ingest refuses it anyway)
_text = st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"), max_size=30)
_maybe = lambda s: st.none() | s  # noqa: E731
_floats = st.floats(allow_nan=False, allow_infinity=False, width=64)
_ids = st.text("abcdef0123456789", min_size=4, max_size=8)


@st.composite
def spans(draw, n: int) -> tuple[int, int]:
    a = draw(st.integers(0, n))
    return (a, draw(st.integers(a, n)))


@st.composite
def extractions(draw) -> Extraction:
    body = draw(st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"), min_size=1, max_size=200))
    doc = Document.from_text(
        body + " anchor",
        path=draw(_maybe(_text)), url=draw(_maybe(_text)), title=draw(_maybe(_text)), outlet=draw(_maybe(_text)),
        published=draw(_maybe(st.sampled_from(["2022", "2022-04", "2025-01-14"]))),
        source_format=draw(st.sampled_from(["text", "html", "jsonl"])),
        meta=draw(st.dictionaries(st.text(max_size=5), st.one_of(_text, st.integers(-5, 5), st.booleans()), max_size=3)),
    )
    n = len(doc.text)
    sp = spans(n)
    entity_ids = [stable_id("ent_", doc.id, i) for i in range(draw(st.integers(0, 4)))]
    entities = []
    for eid in entity_ids:
        etype = draw(st.sampled_from(ENTITY_TYPES))
        place = None
        if etype == "Location" and draw(st.booleans()):
            resolved = draw(st.booleans())
            place = Place(resolved=resolved, lat=draw(_floats) if resolved else None, lon=draw(_floats) if resolved else None,
                          country=draw(_maybe(st.sampled_from(["AF", "PK", "ML"]))), feature=draw(_maybe(_text)),
                          geonameid=draw(_maybe(st.integers(1, 10**7))), confidence=draw(_floats),
                          reason=draw(_maybe(_text)), parent=draw(_maybe(st.sampled_from(entity_ids))))
        entities.append(Entity(
            id=eid, type=etype, name=draw(_text), aliases=draw(st.lists(_text, max_size=3)),
            mentions=draw(st.lists(sp, max_size=3)), kind=draw(_maybe(_text)), titles=draw(st.lists(_text, max_size=2)),
            descriptions=[Description(text=t, span=s) for t, s in draw(st.lists(st.tuples(_text, sp), max_size=2))],
            place=place, external_ids=draw(st.dictionaries(st.sampled_from(["dictionary", "wikidata"]), _ids, max_size=2)),
        ))
    mentions = [Mention(start=s, end=e, text=doc.text[s:e], label=draw(st.sampled_from(["PERSON", "ORG", "GPE"])),
                        entity_id=draw(_maybe(st.sampled_from(entity_ids))) if entity_ids else None,
                        source=draw(st.sampled_from(["ner", "ruler"])))
                for s, e in draw(st.lists(sp, max_size=4))]
    attributions = [
        Attribution(id=stable_id("att_", doc.id, i),
                    chain=[Speaker(text=draw(_text), entity_id=draw(_maybe(st.sampled_from(entity_ids))) if entity_ids else None,
                                   span=draw(_maybe(sp))) for _ in range(draw(st.integers(1, 3)))],
                    evidence=draw(_maybe(sp)), cue=draw(_maybe(_text)), scope=draw(_maybe(sp)))
        for i in range(draw(st.integers(0, 2)))
    ]
    any_entity = st.sampled_from(entity_ids) if entity_ids else st.none()
    claims = []
    for i in range(draw(st.integers(0, 4))):
        kind = draw(st.sampled_from(["relation", "event"]))
        date = draw(_maybe(st.builds(DateInterval, value=_maybe(st.sampled_from(["2022-04", "2013"])),
                                     after=_maybe(st.just("2020")), before=_maybe(st.just("2021-08-15")),
                                     precision=_maybe(st.sampled_from(["year", "month", "day"])), text=_maybe(_text),
                                     span=_maybe(sp))))
        claims.append(Claim(
            id=stable_id("clm_", doc.id, i), doc_id=doc.id, kind=kind,
            predicate=draw(st.sampled_from(PREDICATES if kind == "relation" else EVENT_TYPES)),
            evidence=draw(st.lists(sp, min_size=1, max_size=2)),
            attribution=draw(st.sampled_from([a.id for a in attributions])) if attributions else None,
            modality=draw(st.sampled_from(MODALITIES)), subject=draw(_maybe(any_entity)), object=draw(_maybe(any_entity)),
            role=draw(_maybe(_text)), sources=draw(st.lists(any_entity.filter(bool), max_size=2)) if entity_ids else [],
            targets=draw(st.lists(any_entity.filter(bool), max_size=2)) if entity_ids else [],
            mode=draw(_maybe(_text)), location=draw(_maybe(any_entity)), origin=draw(_maybe(any_entity)), date=date,
            historical=draw(st.booleans()), trigger=draw(_maybe(sp)),
            counts=draw(st.dictionaries(st.sampled_from(["killed", "wounded"]), st.integers(0, 500), max_size=2)),
            extractor=draw(st.sampled_from(["claimgraph", "relations"])), extractor_version="0.1",
            confidence=draw(_floats),
        ))
    contradictions = []
    if len(claims) >= 2:
        contradictions.append(Contradiction(id=stable_id("con_", doc.id), key=draw(_text),
                                            claims_for=[claims[0].id], claims_against=[claims[1].id]))
    return Extraction(document=doc, entities=entities, mentions=mentions, attributions=attributions, claims=claims,
                      contradictions=contradictions, pipeline_version=draw(st.sampled_from(["0.1.0", "0.2.0"])))


def _counts(store: Store) -> dict[str, int]:
    tables = ["documents", "entities", "mentions", "places", "attributions", "claims", "claim_entities",
              "contradictions", "documents_fts"]
    return {t: store.conn.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0] for t in tables}


_settings = settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@_settings
@given(extractions())
def test_save_then_get_extraction_is_equal(x: Extraction) -> None:
    with Store.open(":memory:") as store:
        assert store.save(x) == "inserted"
        assert store.get_extraction(x.document.id) == x


@_settings
@given(extractions())
def test_saving_the_same_extraction_twice_changes_nothing(x: Extraction) -> None:
    with Store.open(":memory:") as store:
        store.save(x)
        before = _counts(store)
        analysed_at = store.document_info(x.document.id)["analysed_at"]
        assert store.save(x) == "unchanged"
        assert _counts(store) == before
        assert store.document_info(x.document.id)["analysed_at"] == analysed_at
        assert store.get_extraction(x.document.id) == x


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(extractions(), min_size=1, max_size=4, unique_by=lambda x: x.document.id))
def test_many_documents_round_trip_independently(xs: list[Extraction]) -> None:
    with Store.open(":memory:") as store:
        for x in xs:
            x.document.path = x.document.url = None  # no replacement between them
            store.save(x)
        assert [store.get_extraction(x.document.id) for x in xs] == xs
        assert list(store.iter_extractions()) == xs


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(extractions(), extractions())
def test_changed_document_at_same_path_replaces_everything(old: Extraction, new: Extraction) -> None:
    from hypothesis import assume

    assume(old.document.id != new.document.id)
    old.document.path = new.document.path = "feeds/same-file.txt"
    new.document.url = None
    with Store.open(":memory:") as store:
        store.save(old)
        assert store.save(new) == "replaced"
        assert list(store.iter_extractions()) == [new]
        assert _counts(store) == _counts_of(new)


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(extractions(), extractions())
def test_failed_save_leaves_earlier_contents_intact(old: Extraction, new: Extraction) -> None:
    from hypothesis import assume

    from claimgraph.errors import StoreError

    assume(old.document.id != new.document.id)
    old.document.path = new.document.path = "feeds/same-file.txt"
    new.claims.append(Claim(id="clm_dup", doc_id=new.document.id, kind="event", predicate="ASSAULT",
                            evidence=[(0, 1)], attribution=None))
    new.claims.append(new.claims[-1])  # duplicate id: fails after the old document was deleted in this transaction
    with Store.open(":memory:") as store:
        store.save(old)
        before = _counts(store)
        try:
            store.save(new)
        except StoreError as exc:
            assert exc.code == "CG404"
        else:
            raise AssertionError("a duplicate claim id must not be stored")
        assert _counts(store) == before
        assert list(store.iter_extractions()) == [old]


def _counts_of(x: Extraction) -> dict[str, int]:
    links = sum(len([i for i in (c.subject, c.object, c.location, c.origin, *c.sources, *c.targets) if i])
                for c in x.claims)
    return {"documents": 1, "entities": len(x.entities), "mentions": len(x.mentions),
            "places": sum(e.place is not None for e in x.entities), "attributions": len(x.attributions),
            "claims": len(x.claims), "claim_entities": links, "contradictions": len(x.contradictions),
            "documents_fts": 1}
