"""An episode's date is its own, not that of an earlier episode its description mentions; events
told after it keep its date."""

from __future__ import annotations


def _dates(ctx, lemma: str) -> list[str | None]:
    text = ctx.document.text
    return [c.date.value if c.date else None for c in ctx.claims
            if c.kind == "event" and c.trigger and text[c.trigger[0]:c.trigger[1]].lower().startswith(lemma)]


def test_a_targets_earlier_attack_does_not_date_the_operation(run_claims):
    # Somalia: "responsible for an attack March 2" describes the target; the raid was yesterday
    ctx = run_claims(
        "Somali forces targeted an al-Shabaab commander responsible for an attack March 2 in Afgoye during a "
        "raid detaining four suspects in Lower Shabelle yesterday. After initial questioning, the force "
        "detained two more suspects.",
        published="2024-03-10",
    )
    assert "2024-03-09" in _dates(ctx, "detain")
    assert "2024-03-02" not in _dates(ctx, "detain")


def test_the_operations_own_date_still_passes_on(run_claims):
    ctx = run_claims("Iraqi troops conducted a raid in Tarmiyah yesterday. During the raid, the troops detained "
                     "three suspects.", published="2024-03-10")
    assert _dates(ctx, "detained") == ["2024-03-09"]
