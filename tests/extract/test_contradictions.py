"""Contradictions: an assertion and its denial, an accusation and its rejection."""

from __future__ import annotations


def test_accusation_and_anaphoric_denial_are_linked(run_claims):
    ctx = run_claims(
        "Russia has repeatedly accused Ukraine of shelling the Zaporizhzhia plant. "
        "Ukraine has rejected these accusations and said that Russian troops were responsible."
    )
    by_id = {c.id: c for c in ctx.claims}
    linked = [k for k in ctx.contradictions if any(by_id[i].predicate == "ASSAULT" for i in k.claims_for)]
    assert linked, [k.key for k in ctx.contradictions]
    k = linked[0]
    pro = [by_id[i] for i in k.claims_for]
    con = [by_id[i] for i in k.claims_against]
    assert {c.modality for c in pro} == {"alleged"} and {c.modality for c in con} == {"denied"}
    # both sides keep their own evidence and their own speaker
    assert pro[0].attribution != con[0].attribution
    text = ctx.document.text
    assert "rejected these accusations" in text[con[0].evidence[0][0] : con[0].evidence[0][1]]


def test_assertion_and_denial_of_the_same_relation(run_claims):
    ctx = run_claims(
        "Iran supports the Houthis, the report shows. Iran has denied that it supports the Houthis."
    )
    by_id = {c.id: c for c in ctx.claims}
    rel = [k for k in ctx.contradictions if "supports" in k.key]
    assert len(rel) == 1
    assert {by_id[i].modality for i in rel[0].claims_for} == {"asserted"}
    assert {by_id[i].modality for i in rel[0].claims_against} == {"denied"}


def test_no_contradiction_without_a_denial(run_claims):
    ctx = run_claims("Iran supports the Houthis. Iran also supports Hezbollah.")
    assert ctx.contradictions == []


def test_seed_report_links_the_support_accusation_and_its_denial(seed_extraction):
    x = seed_extraction
    names = {e.id: e.name for e in x.entities}
    by_id = {c.id: c for c in x.claims}
    support = [
        k for k in x.contradictions
        if any(by_id[i].predicate == "supports" and names.get(by_id[i].subject) == "Taliban" for i in k.claims_for)
    ]
    assert support, [k.key for k in x.contradictions]
    against = [by_id[i] for i in support[0].claims_against]
    assert all(c.modality == "denied" for c in against)
    denial_text = x.document.text[against[0].evidence[0][0] : against[0].evidence[0][1]]
    assert "denied these accusations" in denial_text
