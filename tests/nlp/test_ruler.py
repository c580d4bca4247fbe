"""The entity ruler tags dictionary actors and honorific names before statistical NER."""

from __future__ import annotations


def _ents(nlp, text: str) -> dict[str, tuple[str, str]]:
    return {e.text: (e.label_, e.ent_id_) for e in nlp(text).ents}


def test_dictionary_actors_carry_their_id(nlp):
    ents = _ents(nlp, "Fighters of Jama'at Nusrat al-Islam wal-Muslimin and al-Shabaab were named in the UN report.")
    assert ents["Jama'at Nusrat al-Islam wal-Muslimin"] == ("ORG", "actor:jnim")
    assert ents["al-Shabaab"] == ("ORG", "actor:al_shabaab")


def test_multiword_names_match_in_headline_case(nlp):
    ents = _ents(nlp, "Pakistani Taliban Claim Attack\n\nThe PAKISTANI TALIBAN said it attacked a post.")
    assert ents.get("Pakistani Taliban", ("", ""))[1] == "actor:ttp"


def test_acronyms_match_case_sensitively(nlp):
    assert _ents(nlp, "The ELN denied the attack.")["ELN"] == ("ORG", "actor:eln")
    doc = nlp("She said eln was a typo.")
    assert all(e.ent_id_ != "actor:eln" for e in doc.ents)


def test_honorific_plus_capitalised_words_is_a_person(nlp):
    ents = _ents(nlp, "A cleric, Maulvi Sadiq Noor Dawar, and Sheikh Ali Mohamud Rage spoke.")
    assert ents["Maulvi Sadiq Noor Dawar"] == ("PERSON", "honorific")
    assert ents["Sheikh Ali Mohamud Rage"] == ("PERSON", "honorific")


def test_ambiguous_titles_do_not_make_persons_alone(nlp):
    # "Amir" is also a given name; "General" starts many organisation names
    ents = _ents(nlp, "The General Assembly met in New York.")
    assert all(label != "PERSON" for label, _ in ents.values())


def test_unlisted_transliteration_of_a_dictionary_name(nlp):
    ents = _ents(nlp, "Tehreek-i-Taliban Pakistan and Harakat al-Shabab al-Mujahidin both claimed attacks.")
    assert ents["Tehreek-i-Taliban Pakistan"] == ("ORG", "actor:ttp")
    assert ents["Harakat al-Shabab al-Mujahidin"] == ("ORG", "actor:al_shabaab")


def test_variant_never_takes_another_actors_name(nlp):
    ents = _ents(nlp, "The Haqqani Network and Sirajuddin Haqqani were named.")
    assert ents["Haqqani Network"] == ("ORG", "actor:haqqani_network")
    assert ents.get("Sirajuddin Haqqani", ("PERSON", ""))[0] == "PERSON"
