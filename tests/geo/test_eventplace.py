"""Where an event happened, as opposed to the places merely mentioned around it."""

from __future__ import annotations

from claimgraph.extract.context import DocContext
from claimgraph.geo.eventplace import nearest_place_entity
from claimgraph.model import Document, Entity, Mention, Place


def _ctx(nlp, text, places):
    """A context with Location entities at the first occurrence of each (name, kind, parent name)."""
    doc = Document.from_text(text)
    ctx = DocContext(document=doc, sdoc=nlp(doc.text))
    ids = {}
    for name, kind, parent in places:
        start = doc.text.index(name)
        ent = Entity(id=f"ent_{name}", type="Location", name=name, kind=kind, mentions=[(start, start + len(name))])
        ids[name] = ent.id
        ent.place = Place(resolved=True, parent=None)
        ctx.entities.append(ent)
        ctx.mentions.append(Mention(start, start + len(name), name, "GPE", ent.id))
    for name, _kind, parent in places:
        if parent:
            ctx.entity(ids[name]).place.parent = ids[parent]
    return ctx


def test_the_strike_happened_in_the_district_not_in_the_attacking_country(nlp):
    text = "Pakistan's airstrikes on militants in Spera District, Khost Province killed eight people."
    ctx = _ctx(nlp, text, [("Pakistan", "country", None), ("Spera District", "district", "Khost Province"),
                           ("Khost Province", "province", None)])
    trigger = text.index("airstrikes")
    assert nearest_place_entity(ctx, trigger, trigger + len("airstrikes")).name == "Spera District"


def test_a_place_in_another_sentence_is_not_the_event_place(nlp):
    text = "Troops arrived in Mosul on Monday.\n\nLater, a bomb exploded near a market."
    ctx = _ctx(nlp, text, [("Mosul", "city", None)])
    trigger = text.index("exploded")
    assert nearest_place_entity(ctx, trigger, trigger + len("exploded")) is None


def test_locative_place_beats_a_nearer_actor_country(nlp):
    text = "Kenya said that gunmen attacked a bus near Mandera on the border."
    ctx = _ctx(nlp, text, [("Kenya", "country", None), ("Mandera", "town", None)])
    trigger = text.index("attacked")
    assert nearest_place_entity(ctx, trigger, trigger + len("attacked")).name == "Mandera"
