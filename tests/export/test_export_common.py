"""Merging across documents, independent-source counting and the export filters."""

from __future__ import annotations

import pytest

from claimgraph.errors import ExportError
from claimgraph.export.common import build_corpus, canonical_key, normalise_name
from claimgraph.export.filters import ExportFilters, apply_filters
from claimgraph.model import Entity


def test_normalise_name_ignores_case_accents_and_leading_article():
    assert normalise_name("The Pakistani Taliban") == normalise_name("pakistani  taliban")
    assert normalise_name("Gülbuddin Hekmatyar") == "gulbuddin hekmatyar"


def test_canonical_key_prefers_store_identity_then_dictionary_then_name():
    e = Entity(id="ent_1", type="Organization", name="JNIM")
    assert canonical_key(e) == "name:organization:jnim"
    e.external_ids = {"dictionary": "jnim"}
    assert canonical_key(e) == "dictionary:jnim"
    e.external_ids = {"dictionary": "jnim", "canonical": "c42"}
    assert canonical_key(e) == "canonical:c42"


def test_actors_merge_across_documents_under_different_names(corpus_docs):
    corpus = build_corpus(corpus_docs)
    jnim = corpus.actors["dictionary:jnim"]
    assert set(jnim.aliases) >= {"JNIM", "Jama'at Nusrat al-Islam wal-Muslimin"}
    assert len(jnim.doc_ids) == 2
    assert len(jnim.entity_ids) == 2
    # actors only in one document stay apart
    assert corpus.actors["name:organization:arakan army"].doc_ids == [corpus_docs[2].document.id]


def test_same_document_given_twice_is_counted_once(sahel):
    corpus = build_corpus([sahel, sahel])
    assert len(corpus.documents) == 1
    assert len(corpus.claims) == len(sahel.claims)


def test_source_key_separates_outlet_named_and_anonymous_speakers(corpus_docs):
    corpus = build_corpus(corpus_docs)
    by_text = {v.evidence: v for v in corpus.claims}
    un_alleged = by_text["JNIM fighters led by Iyad Ag Ghaly abducted aid workers near Gao"]
    un_experts = by_text["Iyad Ag Ghaly still leads Jama'at Nusrat al-Islam wal-Muslimin"]
    # the UN in two documents is one source
    assert un_alleged.source_key == un_experts.source_key == "speaker:dictionary:un"
    outlet = by_text["Iyad Ag Ghaly is the leader of JNIM"]
    assert outlet.source_key.startswith("outlet:")
    official = by_text["Wagner fighters attacked the village of Moura"]
    assert official.source_key.startswith("anonymous:") and corpus_docs[0].document.id in official.source_key
    assert official.chain_text == "Sahel Monitor > A local official"


def test_filter_by_type_keeps_only_matching_claims_and_their_entities(corpus_docs):
    kept = list(apply_filters(corpus_docs, ExportFilters(type=("assault",))))
    assert [c.predicate for x in kept for c in x.claims] == ["ASSAULT"] * 4
    for x in kept:
        ids = {e.id for e in x.entities}
        for c in x.claims:
            assert set(c.sources) <= ids
            assert c.attribution in {a.id for a in x.attributions}


def test_filter_by_entity_matches_alias_in_any_document(corpus_docs):
    kept = list(apply_filters(corpus_docs, ExportFilters(entity=("jama'at nusrat al-islam wal-muslimin",))))
    preds = sorted(c.predicate for x in kept for c in x.claims)
    # the alias is only in the second document; the canonical key reaches the first too
    assert preds == ["leader_of"]
    kept = list(apply_filters(corpus_docs, ExportFilters(entity=("dictionary:jnim",))))
    assert sorted(c.predicate for x in kept for c in x.claims) == ["ASSAULT", "leader_of", "leader_of"]


def test_filter_by_date_range_overlaps_month_precision_and_drops_undated(corpus_docs):
    kept = list(apply_filters(corpus_docs, ExportFilters(date_from="2024-03-15", date_to="2024-03-31")))
    # "March 2024" (month) overlaps the second half of March; 2 March and January do not; undated never pass
    assert [c.date.value for x in kept for c in x.claims] == ["2024-03"]


def test_filter_by_source_matches_outlet_or_speaker(corpus_docs):
    kept = list(apply_filters(corpus_docs, ExportFilters(source=("irrawaddy",))))
    assert {x.document.outlet for x in kept} == {"Irrawaddy Weekly"}
    kept = list(apply_filters(corpus_docs, ExportFilters(source=("united nations",))))
    assert [c.modality for x in kept for c in x.claims] == ["alleged"]


def test_bad_filter_date_is_a_coded_error():
    with pytest.raises(ExportError) as err:
        ExportFilters(date_from="March 2024")
    assert err.value.code == "CG108"


def test_filter_by_modality_gives_a_facts_only_export(corpus_docs):
    kept = list(apply_filters(corpus_docs, ExportFilters(modality=("asserted",))))
    claims = [c for x in kept for c in x.claims]
    assert claims and all(c.modality == "asserted" for c in claims)
    total_asserted = sum(1 for x in corpus_docs for c in x.claims if c.modality == "asserted")
    assert len(claims) == total_asserted


def test_unknown_modality_is_a_coded_error():
    with pytest.raises(ExportError) as err:
        ExportFilters(modality=("rumoured",))
    assert err.value.code == "CG602"


def test_filter_by_entity_type_keeps_claims_involving_one(corpus_docs):
    kept = list(apply_filters(corpus_docs, ExportFilters(type=("Agreement",))))
    assert [c.predicate for x in kept for c in x.claims] == ["party_to"]
    kept = list(apply_filters(corpus_docs, ExportFilters(type=("person", "ACCUSE"))))
    assert sorted(c.predicate for x in kept for c in x.claims) == ["ACCUSE", "CONSULT", "leader_of", "leader_of",
                                                                    "member_of"]
