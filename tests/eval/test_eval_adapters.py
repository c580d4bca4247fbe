"""The ISAF and PLOVER adapters read only our Extraction: hand-built extractions with known labels."""

from __future__ import annotations

from claimgraph.eval import isaf, plover
from claimgraph.model import Claim, DateInterval, Document, Entity, Extraction, Place

TEXT = ("KABUL, Afghanistan (March 3, 2012)\nIn Nad-e Ali district, Helmand province, an Afghan and coalition "
        "force killed two Haqqani network fighters and detained three suspects in Kabul yesterday.")


def _x() -> Extraction:
    doc = Document.from_text(TEXT)
    t = doc.text
    kabul_dateline = (0, 5)
    kabul_body = (t.index("Kabul yesterday"), t.index("Kabul yesterday") + 5)
    helmand = (t.index("Helmand"), t.index("Helmand") + 7)
    haq = (t.index("Haqqani network"), t.index("Haqqani network") + 15)
    ents = [
        Entity("e_kabul", "Location", "Kabul", ["KABUL", "Kabul"], [kabul_dateline, kabul_body],
               place=Place(True, 34.5, 69.2, "AF", "Kabul", feature="city")),
        Entity("e_helm", "Location", "Helmand province", ["Helmand province"], [helmand],
               place=Place(True, 31.0, 64.0, "AF", None, feature="province", gazetteer_name="Helmand")),
        Entity("e_pk", "Location", "Punjab", ["Punjab"], [helmand],
               place=Place(True, 31.0, 73.0, "PK", "Punjab", feature="province")),
        Entity("e_haq", "Organization", "Haqqani Network", ["Haqqani network"], [haq],
               external_ids={"dictionary": "haqqani_network"}),
    ]
    kill = Claim("c1", doc.id, "event", "ASSAULT", [(40, 80)], None, targets=["e_haq"], mode=None,
                 date=DateInterval(value="2012-03-02"), counts={"killed": 2})
    arrest = Claim("c2", doc.id, "event", "COERCE", [(80, 120)], None, mode="arrest",
                   date=DateInterval(value="2012-03"), counts={"captured": 3})
    denied = Claim("c3", doc.id, "event", "ASSAULT", [(80, 120)], None, modality="denied", counts={"killed": 9})
    return Extraction(document=doc, entities=ents, claims=[kill, arrest, denied])


def test_isaf_adapter_maps_extraction_to_dataset_labels():
    x = _x()
    dl = isaf.parse_dateline(x.document.text)
    pred, flags = isaf.adapt(x, dl)
    assert pred["start_date"] == "2012-03-02" and flags["date_from_events"]
    # the operation's evidence names Helmand (found via the province's own name); Kabul is outside it
    assert pred["province"] == ["helmand"]
    assert pred["target_group"] == ["haqqani"]
    assert pred["event_type"] == ["captureandkill"]
    assert (pred["min_killed"], pred["min_captured"]) == (2, 3)  # the denied killing does not count


def test_isaf_provinces_from_event_evidence_and_location():
    x = _x()
    t = x.document.text
    x.claims[1].evidence = [(t.index("detained"), len(t))]  # "detained three suspects in Kabul yesterday."
    pred, _ = isaf.adapt(x, isaf.parse_dateline(t))
    assert sorted(pred["province"]) == ["helmand", "kabul"]  # Punjab resolves to Pakistan: never an ISAF province
    x.claims[1].evidence = [(100, 110)]
    x.claims[0].evidence = [(100, 110)]
    x.claims[0].location = "e_kabul"
    pred, _ = isaf.adapt(x, isaf.parse_dateline(t))
    assert pred["province"] == ["kabul"]


def test_isaf_later_datelines_are_not_places():
    text = ("KABUL, Afghanistan (May 3, 2012)\nForces detained two men in Logar province.\n\n"
            "2012-05-S-011\nKABUL, Afghanistan (May 4, 2012)\nMore text.")
    dl = isaf.parse_dateline(text)
    second = text.index("KABUL, Afghanistan (May 4")
    assert not dl.outside(second) and dl.outside(text.index("Logar")) and not dl.outside(0)


def test_isaf_adapter_dateline_only_place_and_empty_extraction():
    x = _x()
    x.entities[0].mentions = x.entities[0].mentions[:1]  # Kabul only in the dateline
    x.claims = []
    pred, flags = isaf.adapt(x, isaf.parse_dateline(x.document.text))
    assert pred["province"] == ["helmand"]
    assert pred["event_type"] == [] and pred["min_killed"] == 0
    assert pred["start_date"] == "2012-03-03" and not flags["date_from_events"]  # dateline fallback


def test_isaf_event_type_rules_airstrike_first():
    x = _x()
    x.claims[0].mode = "aerial"
    pred, _ = isaf.adapt(x, isaf.parse_dateline(x.document.text))
    assert pred["event_type"] == ["airstrike"]


def test_plover_main_event_is_the_first_then_most_confident():
    x = _x()
    ev = plover.main_event(x)
    # the killing comes first in the text; its target is written "Haqqani network" there
    assert ev == {"event": "ASSAULT", "source": [], "target": ["Haqqani network"]}
    x.claims[1].evidence = [(40, 90)]  # the arrest now starts at the same place
    x.claims[0].confidence, x.claims[1].confidence = 0.4, 0.9
    assert plover.main_event(x)["event"] == "COERCE"
    assert plover.main_event(Extraction(document=x.document)) == {"event": None, "source": [], "target": []}


def test_isaf_counts_add_within_a_passage_and_do_not_double_count_restatements():
    doc = Document.from_text("x" * 300)

    def ev(span, **counts):
        return Claim(f"c{span}", doc.id, "event", "COERCE", [span], None, counts=counts)

    same_sentence = [ev((0, 50), captured=1), ev((20, 60), captured=2)]
    restated = [ev((100, 150), captured=2)]
    assert isaf.lower_bound_count(same_sentence, "captured") == 3
    assert isaf.lower_bound_count(same_sentence + restated, "captured") == 3
    assert isaf.lower_bound_count(restated + [ev((200, 220), captured=5)], "captured") == 5
    assert isaf.lower_bound_count([], "killed") == 0


def test_isaf_counts_add_people_a_later_passage_marks_as_further_ones():
    text = ("Police in Sindh arrested a cartel boss during a raid yesterday. The boss ran the smuggling ring. "
            "Officers also detained two of his drivers. Later the boss and two other men were questioned.")
    doc = Document.from_text(text)

    def ev(phrase, **counts):
        start = doc.text.index(phrase)
        return Claim(f"c{start}", doc.id, "event", "COERCE", [(start, start + len(phrase))], None, counts=counts)

    lede = ev("Police in Sindh arrested a cartel boss", captured=1)
    further = ev("Officers also detained two of his drivers", captured=2)
    assert isaf.lower_bound_count([lede, further], "captured", doc.text) == 3
    # without the text nothing says the drivers are further people: the largest passage only
    assert isaf.lower_bound_count([lede, further], "captured") == 2
    # a cue first in the release has nothing to add to
    assert isaf.lower_bound_count([further], "captured", doc.text) == 2


def test_isaf_counts_a_passage_restating_the_earlier_people_with_further_ones_does_not_add():
    text = ("Troops detained three suspects in Gao on Monday. "
            "The troops detained the commander and two additional suspects at the market.")
    doc = Document.from_text(text)
    first = Claim("a", doc.id, "event", "COERCE", [(0, 48)], None, counts={"captured": 3})
    s = doc.text.index("The troops")
    restated = Claim("b", doc.id, "event", "COERCE", [(s, len(doc.text))], None, counts={"captured": 3})
    assert isaf.lower_bound_count([first, restated], "captured", doc.text) == 3
