"""Alias mechanisms of the entity stage, each on a small text of its own (several conflicts)."""

from __future__ import annotations

from entity_helpers import analyse, entity, has_form


def test_acronym_in_parentheses_joins_an_unknown_group(nlp):
    ctx = analyse(nlp, "The Ansar al-Furqan Brigade (AFB) claimed the bombing. AFB fighters later withdrew.")
    e = entity(ctx, "AFB")
    assert any("Ansar al-Furqan" in a for a in e.aliases)


def test_dictionary_acronym_and_expansion(nlp):
    ctx = analyse(nlp, "The National Liberation Army (ELN) attacked a pipeline in Arauca. The ELN denied it.")
    e = entity(ctx, "ELN")
    assert "National Liberation Army" in e.aliases
    assert e.external_ids == {"dictionary": "eln"} and e.kind == "armed_group"


def test_honorific_name_joins_the_full_name(nlp):
    ctx = analyse(nlp, "Defence Minister Yaqoob Mujahid met the envoys. Later, Mullah Yaqoob left for Kandahar.")
    e = entity(ctx, "Mullah Yaqoob")
    assert "Yaqoob Mujahid" in e.aliases
    assert e.name == "Yaqoob Mujahid" and "Mullah" in e.titles


def test_surname_joins_the_only_person_with_it(nlp):
    ctx = analyse(nlp, "Gustavo Petro, the president of Colombia, condemned the attack. Petro said talks would stop.")
    assert set(entity(ctx, "Petro").aliases) == {"Gustavo Petro", "Petro"}


def test_two_people_sharing_a_surname_stay_apart(nlp):
    ctx = analyse(
        nlp,
        "Jalaluddin Haqqani founded the network. His son Sirajuddin Haqqani now leads it. "
        "Haqqani said the group would fight on.",
    )
    assert entity(ctx, "Jalaluddin Haqqani") is not entity(ctx, "Sirajuddin Haqqani")
    assert entity(ctx, "Haqqani").aliases == ["Haqqani"]


def test_network_never_merges_with_the_person(nlp):
    ctx = analyse(nlp, "Sirajuddin Haqqani leads the Haqqani Network. Haqqani spoke to elders in Khost.")
    person, group = entity(ctx, "Sirajuddin Haqqani"), entity(ctx, "Haqqani Network")
    assert person is not group and group.type == "Organization" and person.type == "Person"
    assert "Haqqani" in person.aliases


def test_transliteration_variants_merge(nlp):
    ctx = analyse(
        nlp,
        "Tehreek-e-Taliban Pakistan fighters attacked a post. Later Tehrik-i-Taliban Pakistan said it was revenge. "
        "TTP chief Mufti Noor Wali Mahsud praised them. Mehsud also warned Islamabad.",
    )
    group = entity(ctx, "Tehreek-e-Taliban Pakistan")
    assert "Tehrik-i-Taliban Pakistan" in group.aliases and "TTP" in group.aliases
    assert "Mehsud" in entity(ctx, "Mufti Noor Wali Mahsud").aliases


def test_spelling_variants_of_names_outside_the_dictionary(nlp):
    ctx = analyse(nlp, "Ayman al-Zawahiri was killed in Kabul. Supporters of Ayman al-Zawahri denied it.")
    assert "Ayman al-Zawahri" in entity(ctx, "Ayman al-Zawahiri").aliases
    ctx = analyse(nlp, "Abdul Rashid Dostum returned to Sheberghan. Abdul Rasheed Dostum said he would fight.")
    assert "Abdul Rasheed Dostum" in entity(ctx, "Abdul Rashid Dostum").aliases


def test_demonym_group_is_not_the_country(nlp):
    ctx = analyse(nlp, "The Pakistani Taliban attacked a post in Pakistan. The Afghan Taliban denied helping them.")
    ttp, pakistan = entity(ctx, "Pakistani Taliban"), entity(ctx, "Pakistan")
    assert ttp is not pakistan and ttp.type == "Organization" and pakistan.type == "Location"
    assert entity(ctx, "Afghan Taliban").external_ids == {"dictionary": "taliban"}


def test_group_government_and_regime_are_the_group(nlp):
    ctx = analyse(nlp, "The Taliban government banned interviews. Critics said the Taliban regime feared the Taliban's rivals.")
    e = entity(ctx, "Taliban government")
    assert {"Taliban regime", "Taliban"} <= set(e.aliases)


def test_former_government_is_its_own_actor(nlp):
    ctx = analyse(nlp, "Militants fought the former Afghan government and NATO troops. The Afghan Taliban won.")
    former = entity(ctx, "former Afghan government")
    assert former.type == "Organization" and former.kind == "government"
    assert not has_form(ctx, "Afghan")


def test_capital_as_speaker_is_the_state(nlp):
    ctx = analyse(nlp, "Washington said the strikes were defensive. Ankara has accused the PKK of the attack.")
    assert entity(ctx, "Washington").name == "United States"
    turkey = entity(ctx, "Ankara")
    assert turkey.name == "Turkey" and turkey.kind == "country"


def test_capital_as_place_stays_the_city(nlp):
    ctx = analyse(nlp, "Fighters moved to Kabul. The presence of the leader in Kabul worried officials.")
    kabul = entity(ctx, "Kabul")
    assert kabul.name == "Kabul" and kabul.kind != "country"


def test_state_forces_are_the_state(nlp):
    ctx = analyse(nlp, "US forces shot down two drones over the Red Sea. The United States said more would come.")
    assert entity(ctx, "US forces") is entity(ctx, "United States")
    ctx = analyse(nlp, "Malian soldiers and Russian mercenaries entered Kidal. Mali said the town was secured.")
    assert entity(ctx, "Malian soldiers").name == "Mali"


def test_possessive_country_is_the_country(nlp):
    ctx = analyse(nlp, "After Pakistan's airstrikes on Khost, Pakistan said it targeted militants.")
    e = entity(ctx, "Pakistan")
    assert len(e.mentions) == 2 and all(ctx.document.text[s:t] == "Pakistan" for s, t in e.mentions)


def test_agreements_are_their_own_type(nlp):
    ctx = analyse(
        nlp,
        "The groups signed the Mir Ali Agreement in 2020. He showed them the Mir Ali Accord document. "
        "They had pledged in the Doha agreement not to shelter militants.",
    )
    mir = entity(ctx, "Mir Ali Agreement")
    assert mir.type == "Agreement" and "Mir Ali Accord" in mir.aliases
    doha = entity(ctx, "Doha agreement")
    assert doha.type == "Agreement" and doha is not mir


def test_unknown_words_after_agreement_nouns_are_not_agreements(nlp):
    ctx = analyse(nlp, "The Taliban agreement with Pakistan was never published. Hamas rejected the deal.")
    assert not any(e.type == "Agreement" for e in ctx.entities)


def test_country_abbreviations_are_the_country(nlp):
    ctx = analyse(nlp, "The US said on Monday that U.S. troops would stay. The United States has 900 soldiers in Syria.")
    us = entity(ctx, "US")
    assert entity(ctx, "U.S. troops") is us and "United States" in us.aliases and us.name == "United States"


def test_mixed_case_acronym_in_parentheses(nlp):
    ctx = analyse(nlp, "The Ministry of Defence (MoD) named the soldier. The MoD said he died in Syria.")
    assert "Ministry of Defence" in entity(ctx, "MoD").aliases


def test_two_word_name_joins_the_longer_name(nlp):
    ctx = analyse(nlp, "Ahmad Musa Jibril preached online. Investigators said Musa Jibril influenced the attacker.")
    assert "Musa Jibril" in entity(ctx, "Ahmad Musa Jibril").aliases


def test_caption_prefix_is_not_part_of_a_name(nlp):
    ctx = analyse(nlp, "Salman Abedi travelled to Libya.\n\nFILE - Salman Abedi is seen in a photo. Abedi died in the blast.")
    assert set(entity(ctx, "Abedi").aliases) == {"Salman Abedi", "Abedi"}


def test_demonym_with_state_agent_noun_is_the_state(nlp):
    ctx = analyse(
        nlp,
        "Egyptian police arrested ten men. Algerian security forces killed two militants near Algeria's border. "
        "Serbian authorities denied it.",
    )
    assert entity(ctx, "Egyptian police").name == "Egypt"
    assert entity(ctx, "Algerian security forces") is entity(ctx, "Algeria")
    assert entity(ctx, "Serbian authorities").kind == "country"


def test_demonym_as_noun_is_the_country_but_as_adjective_is_nothing(nlp):
    ctx = analyse(nlp, "The Algerians rejected the plan. Pakistani militants crossed into Afghan territory.")
    assert entity(ctx, "Algerians").name == "Algeria"
    assert not has_form(ctx, "Pakistani") and not has_form(ctx, "Afghan")


def test_group_name_as_modifier_is_the_group_not_a_person(nlp):
    ctx = analyse(nlp, "Coalition forces captured a Haqqani senior leader in Gardez. Sirajuddin Haqqani was not there.")
    group = entity(ctx, "Haqqani")
    assert group.type == "Organization" and group.external_ids == {"dictionary": "haqqani_network"}
    assert entity(ctx, "Sirajuddin Haqqani").type == "Person"


def test_hyphenation_variants_of_a_dictionary_name(nlp):
    ctx = analyse(nlp, "Forces captured a Hezb-e Islami Gulbuddin facilitator. Tehrik Taliban Pakistan denied links.")
    assert entity(ctx, "Hezb-e Islami Gulbuddin").external_ids == {"dictionary": "hig"}
    assert entity(ctx, "Tehrik Taliban Pakistan").external_ids == {"dictionary": "ttp"}


def test_surname_tagged_as_place_joins_the_person(nlp):
    ctx = analyse(
        nlp,
        "Islamic State leader Abdul Qadir Mumin is based in Puntland. US officials said Mumin had fled.",
    )
    mumin = entity(ctx, "Mumin")
    assert mumin.type == "Person" and "Abdul Qadir Mumin" in mumin.aliases


def test_curly_and_straight_apostrophes_are_one_name(nlp):
    ctx = analyse(nlp, "Abdallah Makki Muslih al-Rufay'i was killed. Officials said al-Rufay\u2019i led the cell.")
    assert "al-Rufay\u2019i" in entity(ctx, "Abdallah Makki Muslih al-Rufay'i").aliases


def test_demonym_government_span_is_the_state(nlp):
    ctx = analyse(nlp, "The Iraqi Government said the strike was legal. Iraq will ask for an inquiry.")
    assert entity(ctx, "Iraqi Government") is entity(ctx, "Iraq")


def test_coordinated_demonyms_and_capital_governments(nlp):
    ctx = analyse(nlp, "French and Egyptian warships began war games. The Khartoum government blocked aid.")
    assert entity(ctx, "French").name == "France" and entity(ctx, "Egyptian warships").name == "Egypt"
    assert entity(ctx, "Khartoum government").name == "Sudan"


def test_demonym_with_modifier_before_state_noun(nlp):
    ctx = analyse(nlp, "Bangladeshi peacekeeping troops arrived in Freetown. Pakistani militants crossed the border.")
    assert entity(ctx, "Bangladeshi peacekeeping troops").name == "Bangladesh"
    assert not has_form(ctx, "Pakistani militants") and not has_form(ctx, "Pakistani")


def test_syllabic_acronym_and_short_surname(nlp):
    ctx = analyse(
        nlp,
        "The United States Africa Command (AFRICOM) struck near Jilib. Defence Minister Abdulkadir Mohamed Nur "
        "said the army repelled the assault. Nur told state media the strike helped.",
    )
    assert "AFRICOM" in entity(ctx, "United States Africa Command").aliases
    assert "Nur" in entity(ctx, "Abdulkadir Mohamed Nur").aliases


def test_stated_aliases_join_and_their_short_forms_follow(nlp):
    ctx = analyse(
        nlp,
        "FARC dissident leader Nestor Gregorio Vera, alias Ivan Mordisco, rejected the talks. "
        "Mordisco said the war would go on.",
    )
    assert {"Ivan Mordisco", "Mordisco"} <= set(entity(ctx, "Nestor Gregorio Vera").aliases)
    ctx = analyse(nlp, "Hayat Tahrir al-Sham, formerly known as the Nusra Front, took Aleppo.")
    assert "Nusra Front" in entity(ctx, "Hayat Tahrir al-Sham").aliases
