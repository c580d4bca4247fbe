"""Organisation names that continue past their head noun ("Communist Party of Greece") stay whole."""

from __future__ import annotations

import pytest

from claimgraph.model import Document


def _entities(pipeline, text: str) -> set[tuple[str, str]]:
    return {(e.type, e.name) for e in pipeline.analyze(Document.from_text(text)).entities}


@pytest.mark.parametrize("text, org", [
    ("The Union of Islamic Courts took Mogadishu in 2006.", "Union of Islamic Courts"),
    ("The Islamic Movement of Uzbekistan attacked a border post.", "Islamic Movement of Uzbekistan"),
    ("The Communist Party of Greece won seats in Athens.", "Communist Party of Greece"),
])
def test_org_name_runs_through_of_and_a_proper_name(pipeline, text: str, org: str) -> None:
    assert ("Organization", org) in _entities(pipeline, text)


def test_a_place_after_in_is_not_part_of_the_name(pipeline) -> None:
    ents = _entities(pipeline, "The Taliban Political Office in Doha said talks would resume.")
    assert ("Location", "Doha") in ents
    assert not any("Doha" in name for kind, name in ents if kind == "Organization")


def test_a_unit_of_another_organisation_stays_two_names(pipeline) -> None:
    ents = _entities(pipeline, "The Belfast Brigade of the Provisional IRA planted the bomb, police said.")
    assert not any(name.startswith("Belfast Brigade of") for _, name in ents)


def test_lowercase_continuation_is_not_a_name(pipeline) -> None:
    ents = _entities(pipeline, "The Labour Party of course rejected the plan.")
    assert not any("course" in name for _, name in ents)
