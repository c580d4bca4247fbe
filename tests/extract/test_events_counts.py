"""Casualty/arrest counts carry only what the text states: no numbers from codes or dates,
no positive count for a negated quantity, no count for a purpose ("an operation to capture …")."""

from __future__ import annotations

from claimgraph.extract.context import DocContext


def _counts(ctx: DocContext) -> list[dict[str, int]]:
    return [c.counts for c in ctx.claims if c.kind == "event" and c.counts]


def _total(ctx: DocContext, key: str) -> int:
    return sum(c.get(key, 0) for c in _counts(ctx))


def test_release_code_and_year_are_not_counts(run_claims):
    # Afghanistan: a release identifier written under a headline verb ("2010" was counted)
    ctx = run_claims(
        "UPDATE: Logar-based Taliban Leaders Captured\nISAF Joint Command - Afghanistan\u20282010-09-CA-062 "
        "For Immediate Release\n\nKABUL, Afghanistan (Sept. 6) - An Afghan and coalition security force "
        "detained two suspected insurgents in Logar province."
    )
    assert _total(ctx, "captured") < 10
    assert {"captured": 2} in _counts(ctx)
    # Somalia: same layout, another code
    ctx = run_claims("Al-Shabaab Commanders Killed\nAMISOM - Somalia\u20282011-03-SO-017 For Immediate Release")
    assert _total(ctx, "killed") < 10


def test_year_and_date_are_not_counts_but_a_plain_number_is(run_claims):
    # Iraq
    ctx = run_claims("On 12 March 2007 Iraqi police arrested 14 suspects in Mosul.")
    assert _total(ctx, "captured") == 14
    # Philippines: a bare year after the verb is a time, not a number of people
    ctx = run_claims("Philippine troops captured in 2019 an Abu Sayyaf sub-leader on Jolo island.")
    assert _total(ctx, "captured") <= 1


def test_negated_quantity_gives_no_positive_count(run_claims):
    # Afghanistan: the sentence the bug was found on
    ctx = run_claims(
        "An Afghan and coalition security force killed three insurgents in Helmand province. "
        "No women or children were injured."
    )
    assert _total(ctx, "killed") == 3
    assert _total(ctx, "wounded") == 0
    # Somalia
    ctx = run_claims("AMISOM troops repelled the al-Shabaab assault in Baidoa. Not a single civilian was wounded.")
    assert _total(ctx, "wounded") == 0


def test_purpose_clause_is_not_a_capture(run_claims):
    # Iraq: the purpose of the raid counts nothing; the detention that happened does
    ctx = run_claims(
        "Iraqi special forces launched an operation to capture a senior al-Qaeda leader in Mosul. "
        "The force detained four suspects."
    )
    assert _total(ctx, "captured") == 4
    # Somalia: an attempt to kill is no killing
    ctx = run_claims("Kenyan troops conducted an airstrike in Gedo region to kill an al-Shabaab commander.")
    assert _total(ctx, "killed") == 0


def test_realised_infinitive_still_counts(run_claims):
    # Philippines: "managed to" reports the outcome
    ctx = run_claims("Philippine marines managed to capture three Abu Sayyaf militants in Sulu.")
    assert _total(ctx, "captured") == 3


def test_people_taken_along_with_the_object_count_but_goods_do_not(run_claims):
    # Iraq: "along with one suspect" adds a person to the arrest
    ctx = run_claims("Iraqi police arrested an Islamic State financier along with one suspected courier in Mosul.")
    assert _total(ctx, "captured") == 2
    # Philippines: "together with two of his bodyguards"
    ctx = run_claims("Philippine troops captured an Abu Sayyaf sub-leader together with two of his bodyguards.")
    assert _total(ctx, "captured") == 3
    # Mexico: seized goods taken along with a suspect are no people
    ctx = run_claims("Mexican marines detained a cartel courier along with 50 kilograms of cocaine.")
    assert _total(ctx, "captured") == 1


def test_a_coordinated_phrase_with_its_own_participle_is_another_outcome(run_claims):
    # Mali: the hostages were freed, not killed
    ctx = run_claims("The raid in Gao ended with two gunmen killed in action and ten hostages freed, officials said.")
    assert _total(ctx, "killed") == 2
    # Nigeria: plain coordination still adds up
    ctx = run_claims("Nigerian troops killed two insurgents and three fighters armed with rifles near Maiduguri.")
    assert _total(ctx, "killed") == 5


def test_a_quantity_noun_heading_the_phrase_counts_as_its_minimum(run_claims):
    # Nigeria / Sudan: "dozens of", "hundreds of" are minimum readings (data/events.quantities.yaml), not "some = 2"
    ctx = run_claims("Gunmen killed dozens of soldiers in Borno on Monday. Police arrested hundreds of protesters in Khartoum.")
    assert {"killed": 24} in _counts(ctx) and {"captured": 200} in _counts(ctx)
    ctx = run_claims("The army killed members of the cell in Kidal.")
    assert _total(ctx, "killed") == 2  # a plain plural is still the plural minimum, whatever follows "of"
