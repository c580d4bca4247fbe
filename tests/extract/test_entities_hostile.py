"""Hostile and odd input never breaks the entity stage, and every span it emits matches the text."""

from __future__ import annotations

from entity_helpers import analyse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

_WORDS = st.sampled_from([
    "Taliban", "TTP", "(", ")", "Mullah", "Yaqoob", "Haqqani", "Network", "Kabul", "province", "district",
    "the", "'s", "said", "\n\n", "Agreement", "al-Qaeda", "US", "forces", "Islamabad", "accused", "-", "FILE",
    "Sheikh", "leader", "of", ",", ".", "Mir", "Ali", "\u2019s", "Tehreek-e-Taliban", "Pakistan", "é", "\u200b",
])


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(_WORDS, max_size=40).map(" ".join))
def test_random_word_salad_yields_consistent_spans(nlp, text):
    ctx = analyse(nlp, text)
    ids = {e.id for e in ctx.entities}
    for m in ctx.mentions:
        assert ctx.document.text[m.start:m.end] == m.text
        assert m.entity_id in ids
    for e in ctx.entities:
        assert e.mentions and e.aliases and e.type in ("Person", "Organization", "Location", "Agreement")


def test_empty_and_blank_documents(nlp):
    for text in ("", "   ", "\n\n\n", "..."):
        ctx = analyse(nlp, text)
        assert ctx.entities == [] and ctx.mentions == []


def test_rerun_gives_the_same_ids(nlp):
    text = "Sirajuddin Haqqani met TTP leaders in Kabul. Haqqani denied it."
    first = [(e.id, e.name) for e in analyse(nlp, text).entities]
    assert first == [(e.id, e.name) for e in analyse(nlp, text).entities]


def test_entity_ids_are_unique_even_for_same_named_clusters(nlp):
    text = (
        "Jalaluddin Haqqani and Sirajuddin Haqqani met. Haqqani spoke first. "
        "Later Mullah Haqqani, a cleric, said Haqqani was wrong."
    )
    ctx = analyse(nlp, text)
    ids = [e.id for e in ctx.entities]
    assert len(ids) == len(set(ids))
