"""'the Syrian province of Hama': the nationality describes the place named after "of"; it is no place,
no actor and no part of a false part_of claim."""

from __future__ import annotations

from claimgraph.model import Document


def _analyze(pipeline, text: str):
    x = pipeline.analyze(Document.from_text(text))
    names = {e.id: e.name for e in x.entities}
    rels = {(c.predicate, names[c.subject], names[c.object]) for c in x.claims if c.kind == "relation"}
    return {(e.type, e.name, e.kind) for e in x.entities}, rels


def test_nationality_before_an_admin_noun_names_no_place(pipeline) -> None:
    ents, rels = _analyze(pipeline, "Rebels shelled the Syrian province of Hama on Monday, the monitor said.")
    assert ("Location", "Hama", "province") in ents
    assert not any("Syrian" in name for _, name, _ in ents)
    assert not any("Syrian" in a or "Syrian" in b for _, a, b in rels)


def test_nationality_before_a_settlement_noun_owns_nothing(pipeline) -> None:
    ents, _ = _analyze(pipeline, "Clashes erupted in an Afghan district near the border with Pakistan.")
    assert not any(t == "Group" and name.lower() == "afghan" for t, name, _ in ents)


def test_a_named_province_of_a_country_keeps_its_parent(pipeline) -> None:
    _, rels = _analyze(pipeline, "A raid in Khost province of Afghanistan killed two insurgents.")
    assert ("part_of", "Khost Province", "Afghanistan") in rels


def test_a_nationality_on_a_thing_still_names_its_owner(pipeline) -> None:
    ents, _ = _analyze(pipeline, "India rejected a Pakistani proposal for talks.")
    assert any(t == "Group" and name == "Pakistani" for t, name, _ in ents)
