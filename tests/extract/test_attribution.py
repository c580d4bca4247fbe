"""Attribution: reporting frames, their scopes, follow-ups and the outlet default."""

from __future__ import annotations

from claimgraph.extract.context import DocContext


def _chain(ctx: DocContext, attribution_id: str | None) -> list[str]:
    att = next(a for a in ctx.attributions if a.id == attribution_id)
    return [s.text for s in att.chain]


def _frame(ctx: DocContext, attribution_id: str | None) -> str | None:
    att = next(a for a in ctx.attributions if a.id == attribution_id)
    return ctx.document.text[att.evidence[0] : att.evidence[1]] if att.evidence else None


def _events(ctx: DocContext, predicate: str):
    return [c for c in ctx.claims if c.kind == "event" and c.predicate == predicate]


def test_claim_inside_told_that_is_attributed_to_the_source(run_claims):
    ctx = run_claims(
        "A spokesman for the Kenyan army told Reuters that al-Shabaab fighters attacked a police post "
        "in Mandera County yesterday.",
        outlet="Daily Nation",
    )
    (attack,) = _events(ctx, "ASSAULT")
    assert _chain(ctx, attack.attribution) == ["Daily Nation", "A spokesman for the Kenyan army"]
    # the attribution's evidence is the reporting frame, not the reported content
    assert _frame(ctx, attack.attribution) == "A spokesman for the Kenyan army told Reuters that"


def test_according_to_covers_the_rest_of_the_sentence(run_claims):
    ctx = run_claims("According to the United Nations, Boko Haram abducted 200 girls in Borno State last week.")
    (event,) = _events(ctx, "ASSAULT")
    assert _chain(ctx, event.attribution) == ["Test Wire", "the United Nations"]
    assert _frame(ctx, event.attribution) == "According to the United Nations"


def test_unframed_claim_is_the_outlets_own(run_claims):
    ctx = run_claims("Hamas leader Yahya Sinwar met Egyptian officials in Cairo on Monday.", outlet="Al-Ahram")
    assert ctx.outlet_attribution is not None
    assert [c for c in ctx.claims if c.kind == "event" and c.predicate == "CONSULT"]  # not vacuous
    for claim in ctx.claims:
        assert claim.attribution == ctx.outlet_attribution
    assert _chain(ctx, ctx.outlet_attribution) == ["Al-Ahram"]


def test_the_source_added_continues_the_last_introduced_source(run_claims):
    ctx = run_claims(
        "A source close to the Houthis told the newspaper that Iran shipped drones to Yemen.\n\n"
        "The source added that Houthi fighters attacked Saudi Arabia in May 2023."
    )
    sources = [a for a in ctx.attributions if a.evidence]
    # one source, introduced once: the follow-up does not create a second anonymous speaker
    assert [_frame(ctx, a.id) for a in sources] == ["A source close to the Houthis told the newspaper that"]
    (attack,) = _events(ctx, "ASSAULT")
    assert attack.attribution == sources[0].id


def test_named_actor_accusing_is_the_speaker_of_its_accusation(run_claims):
    ctx = run_claims("Russia has repeatedly accused Ukraine of shelling the Zaporizhzhia plant.")
    (accuse,) = _events(ctx, "ACCUSE")
    att = next(a for a in ctx.attributions if a.id == accuse.attribution)
    russia = next(e for e in ctx.entities if "Russia" in e.aliases)
    assert att.chain[-1].entity_id == russia.id
    assert _frame(ctx, att.id) == "Russia has repeatedly accused"


def test_quote_before_the_reporting_verb_is_covered(run_claims):
    ctx = run_claims('"Taliban fighters attacked the checkpoint in Kandahar," a police official said.')
    (attack,) = _events(ctx, "ASSAULT")
    assert _chain(ctx, attack.attribution)[-1] == "a police official"


def test_sources_in_an_outlet_say_is_an_anonymous_source(run_claims):
    ctx = run_claims("Sources in Kabul say that the Taliban detained three journalists.")
    (arrest,) = _events(ctx, "COERCE")
    assert _chain(ctx, arrest.attribution) == ["Test Wire", "Sources in Kabul"]


def test_every_attribution_frame_lies_inside_the_document(run_claims):
    ctx = run_claims(
        "In June 2023, the United Nations Security Council announced in a report that the killing of "
        "al-Zawahiri in Kabul has caused mistrust among some members of the Taliban."
    )
    framed = [a for a in ctx.attributions if a.evidence]
    assert framed, "the report frame was not found"
    n = len(ctx.document.text)
    for a in framed:
        assert 0 <= a.evidence[0] < a.evidence[1] <= n
    assert _frame(ctx, framed[0].id) == "the United Nations Security Council announced in a report that"


def test_quote_closed_by_told_is_covered_and_not_nested_under_an_earlier_speaker(run_claims):
    ctx = run_claims(
        '"The rebels attacked the camp," Colonel Ahmed Hassan said on Sunday. '
        '"If the rebels are sincere in what they say, they must stop attacking Goma," Ahmed Hassan told AFP.'
    )
    frames = [a for a in ctx.attributions if a.evidence]
    told = next(a for a in frames if a.cue == "tell")
    assert told.scope is not None and told.scope[0] < told.evidence[0]  # covers the quote before it
    assert len(told.chain) == 2  # the outlet and the colonel, not nested under "what they say"
