"""One toponym finder: the entity stage of ``analyze`` finds places with
:func:`claimgraph.geo.geoparse.find_toponyms`, the finder ``claimgraph eval geo`` scores, so what the
evaluation measures is what analysis does (repeated names, rejected NER names)."""

from __future__ import annotations

from claimgraph.geo.geoparse import find_toponyms
from claimgraph.model import Document


def _analyze(pipeline, text):
    return pipeline.analyze(Document(id="t", text=text))


def _location_spans(result):
    return {(m.start, m.end) for m in result.mentions
            if any(e.id == m.entity_id and e.type == "Location" for e in result.entities)}


def test_every_toponym_the_finder_sees_is_a_location_mention_of_analyze(pipeline):
    text = ("Floods hit Tamil Nadu on Monday. Tamil Nadu said it needed help, and officials in Tamil Nadu "
            "asked Kerala for pumps. Rescue boats left Chennai at dawn.")
    found = find_toponyms(pipeline.nlp(text), pipeline.gazetteer)
    assert len({s.start for s in found if s.text == "Tamil Nadu"}) == 3
    spans = _location_spans(_analyze(pipeline, text))
    missing = [s.text for s in found if (s.start, s.end) not in spans]
    assert not missing, missing


def test_a_word_of_a_persons_full_name_is_no_location_in_analyze_either(pipeline):
    text = ("President Muhammadu Buhari met governors in Abuja. Critics said Buhari ignored them, "
            "and Buhari left for Lagos on Friday.")
    result = _analyze(pipeline, text)
    places = {e.name for e in result.entities if e.type == "Location"}
    assert "Buhari" not in places
    assert {"Abuja", "Lagos"} <= places
    # the finder and the entity stage agree on which names are places
    found = {s.text for s in find_toponyms(pipeline.nlp(text), pipeline.gazetteer)}
    assert found <= places | {a for e in result.entities if e.type == "Location" for a in e.aliases}


def test_a_disease_named_after_a_place_is_no_location(pipeline):
    text = "Cases of Ebola virus rose in Kinshasa. Ebola has killed 40 people, officials in Kinshasa said."
    result = _analyze(pipeline, text)
    places = {e.name for e in result.entities if e.type == "Location"}
    assert "Ebola" not in places
    assert "Kinshasa" in places
