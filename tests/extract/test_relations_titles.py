"""Relations from nationality titles and relative clauses on unseen text."""

from __future__ import annotations

from claimgraph.extract.context import DocContext


def _relations(ctx: DocContext) -> set[tuple[str, str, str]]:
    name = {e.id: e.name for e in ctx.entities}
    return {(name[c.subject], c.predicate, name[c.object]) for c in ctx.claims
            if c.kind == "relation" and c.subject and c.object}


def test_a_nationality_title_names_the_country_the_document_names(run_claims):
    ctx = run_claims("The border with Nigeria was closed. Nigerian President Bola Tinubu met the envoy in Abuja.")
    assert ("Bola Tinubu", "leader_of", "Nigeria") in _relations(ctx)


def test_a_nationality_title_invents_no_country_the_document_does_not_name(run_claims):
    ctx = run_claims("Colombian President Gustavo Petro met the envoy in Bogota.")
    assert not [r for r in _relations(ctx) if r[0] == "Gustavo Petro" and r[1] == "leader_of"]


def test_a_named_group_in_the_title_wins_over_the_nationality(run_claims):
    ctx = run_claims("Fighting in Sudan went on. Sudanese RSF commander Mohamed Hamdan Dagalo spoke on Friday.")
    rels = _relations(ctx)
    assert ("Mohamed Hamdan Dagalo", "member_of", "Rapid Support Forces") in rels
    assert not [r for r in rels if r[2] == "Sudan"]
    assert not [e for e in ctx.entities if e.name == "Sudanese"]  # a title's nationality is no actor


def test_based_in_a_relative_clause_locates_its_antecedent(run_claims):
    ctx = run_claims("The Wagner Group is led by Dmitry Utkin, who has been based in Mali.")
    assert ("Dmitry Utkin", "located_in", "Mali") in _relations(ctx)
