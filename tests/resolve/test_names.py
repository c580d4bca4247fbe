"""Transliteration folding: spelling variants meet, different names stay apart."""

from __future__ import annotations

import pytest

from claimgraph.resolve.names import fold, same_name, same_word, split_titles


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Tehreek-e-Taliban Pakistan", "Tehrik-i-Taliban Pakistan"),
        ("Haqqani", "Haqani"),
        ("Mehsud", "Mahsud"),
        ("al-Qaeda", "al-Qaida"),
        ("Zawahiri", "Zawahri"),
        ("Yaqoob", "Yaqub"),
        ("Mohammed", "Muhammad"),
        ("Hezbollah", "Hizbullah"),
        ("Hizb-i-Islami", "Hezb-e-Islami"),
        ("al-Shabaab", "al-Shabab"),
        # apostrophe, hyphen and accent variants of one written name
        ("Ahmad Shah Mas'ud", "Ahmad Shah Mas\u2019ud"),
        ("Mas'ud", "Mas\u02bfud"),  # ayn written as a modifier letter
        ("Sa'ad al-Fatlawi", "Sa`ad al\u2011Fatlawi"),  # backtick, non-breaking hyphen
        ("Qasem Soleimani", "Q\u0101sem Soleim\u0101n\u012b"),
        ("Ja'far", "Ja\u02bcfar"),
    ],
)
def test_spelling_variants_are_one_name(a, b):
    assert same_name(a, b)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Sirajuddin Haqqani", "Jalaluddin Haqqani"),
        ("Hassan", "Hussein"),
        ("Mohammad", "Mahmood"),
        ("Ali", "Ala"),
        ("Kabul", "Kunar"),
        ("Haqqani", "Haqqani Network"),
    ],
)
def test_different_names_stay_apart(a, b):
    assert not same_name(a, b)


def test_fold_ignores_case_accents_connectors_and_possessives():
    assert fold("Al-Qaeda's") == fold("al Qaeda") == fold("Qaeda")
    assert fold("Médecins") == fold("Medecins")


def test_same_word_needs_matching_initial():
    assert same_word(fold("Mehsud"), fold("Mahsud"))
    assert not same_word(fold("Mehsud"), fold("Tehsud"))


def test_split_titles_keeps_titles_apart_from_the_name():
    assert split_titles(["Mullah", "Hibatullah", "Akhundzada"]) == (["Mullah"], ["Hibatullah", "Akhundzada"])
    assert split_titles(["Prime", "Minister", "Shehbaz", "Sharif"]) == (["Prime Minister"], ["Shehbaz", "Sharif"])
    assert split_titles(["Amir", "Khan", "Muttaqi"]) == ([], ["Amir", "Khan", "Muttaqi"])
    assert split_titles(["General"]) == ([], ["General"])  # nothing left: it is the name
