"""Cross-document identity: default keys, judgements and union-find canonical ids; sources never rewritten."""

from __future__ import annotations

import pytest

from claimgraph.errors import StoreError
from claimgraph.model import Document, Entity, Extraction, stable_id
from claimgraph.store import Store
from claimgraph.store.identity import normalise_name


def doc_with(text: str, *names: tuple[str, str], dictionary: dict[str, str] | None = None) -> Extraction:
    doc = Document.from_text(text)
    ents = []
    for etype, name in names:
        i = doc.text.index(name)
        ext = {"dictionary": dictionary[name]} if dictionary and name in dictionary else {}
        ents.append(Entity(id=stable_id("ent_", doc.id, name), type=etype, name=name, aliases=[name],
                           mentions=[(i, i + len(name))], external_ids=ext))
    return Extraction(document=doc, entities=ents, pipeline_version="1")


def canon(store: Store, name: str) -> set[str]:
    return {e.canonical_id for e in store.find_entities(name)}


def test_normalise_name_drops_case_diacritics_and_punctuation() -> None:
    assert normalise_name("Al-Qaïda") == normalise_name("al qaida") == "al qaida"


def test_same_name_and_type_share_a_canonical_id_across_documents() -> None:
    with Store.open(":memory:") as store:
        store.save(doc_with("Al-Shabaab attacked Baidoa.", ("Organization", "Al-Shabaab")))
        store.save(doc_with("AL SHABAAB claimed the blast.", ("Organization", "AL SHABAAB")))
        store.save(doc_with("A man named Al-Shabaab spoke.", ("Person", "Al-Shabaab")))
        ids = {e.entity.type: e.canonical_id for e in store.find_entities("al-shabaab")}
        assert canon(store, "AL SHABAAB") == {ids["Organization"]}
        assert ids["Organization"] != ids["Person"]  # type keeps them apart


def test_dictionary_id_joins_different_spellings() -> None:
    with Store.open(":memory:") as store:
        store.save(doc_with("The TTP claimed it.", ("Organization", "TTP"), dictionary={"TTP": "ttp"}))
        store.save(doc_with("Tehrik-i-Taliban Pakistan denied it.", ("Organization", "Tehrik-i-Taliban Pakistan"),
                            dictionary={"Tehrik-i-Taliban Pakistan": "ttp"}))
        assert canon(store, "TTP") == canon(store, "Tehrik-i-Taliban Pakistan")


def test_same_judgement_merges_and_names_do_not_change() -> None:
    with Store.open(":memory:") as store:
        a = doc_with("Abu Mohammad al-Julani spoke.", ("Person", "Abu Mohammad al-Julani"))
        b = doc_with("Ahmed al-Sharaa spoke.", ("Person", "Ahmed al-Sharaa"))
        store.save(a)
        store.save(b)
        assert canon(store, "Ahmed al-Sharaa") != canon(store, "Abu Mohammad al-Julani")
        changed = store.judge(a.entities[0].id, b.entities[0].id, "same", "same man, nom de guerre")
        assert changed == 1
        assert canon(store, "Ahmed al-Sharaa") == canon(store, "Abu Mohammad al-Julani")
        assert store.get_extraction(a.document.id) == a  # sources untouched
        assert store.judgements()[0]["reason"] == "same man, nom de guerre"
        # a later document with the same name joins the merged group without a new judgement
        store.save(doc_with("Later, Ahmed al-Sharaa travelled.", ("Person", "Ahmed al-Sharaa")))
        assert len(canon(store, "Ahmed al-Sharaa")) == 1


def test_merge_survives_reanalysis_of_the_judged_document() -> None:
    with Store.open(":memory:") as store:
        a = doc_with("Gen. Hemedti spoke.", ("Person", "Hemedti"))
        b = doc_with("Mohamed Hamdan Dagalo spoke.", ("Person", "Mohamed Hamdan Dagalo"))
        store.save(a)
        store.save(b)
        store.judge(a.entities[0].id, b.entities[0].id, "same")
        store.delete_document(a.document.id)
        a.pipeline_version = "2"
        store.save(a)
        assert canon(store, "Hemedti") == canon(store, "Mohamed Hamdan Dagalo")


def test_not_same_blocks_a_contradicting_same() -> None:
    with Store.open(":memory:") as store:
        a = doc_with("Haqqani spoke.", ("Person", "Haqqani"))
        b = doc_with("Haqqani Network fighters left.", ("Organization", "Haqqani Network"))
        store.save(a)
        store.save(b)
        store.judge(a.entities[0].id, b.entities[0].id, "not_same", "person vs group")
        with pytest.raises(StoreError) as info:
            store.judge(b.entities[0].id, a.entities[0].id, "same")
        assert info.value.code == "CG405"
        assert canon(store, "Haqqani") != canon(store, "Haqqani Network")


def test_unknown_judgement_is_refused() -> None:
    with Store.open(":memory:") as store:
        with pytest.raises(StoreError):
            store.judge("a", "b", "maybe")
