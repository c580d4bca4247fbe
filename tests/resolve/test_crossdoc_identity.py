"""Event identity: trigger words, stated arguments that differ, and informative evidence across reports.

Texts from several conflicts (Somalia, Colombia, Myanmar, Sudan, Kenya, Afghanistan); each test says
what an analyst would see in the fact list.
"""

from __future__ import annotations

from crossdoc_samples import Report

from claimgraph.resolve.crossdoc import corroborate, group_record
from claimgraph.resolve.crossdoc_triggers import same_trigger, stem, trigger_key


def _facts(*reports: Report) -> list:
    corpus, groups = corroborate(r.extraction() for r in reports)
    return [group_record(corpus, g) for g in groups if g.kind == "event"]


# --------------------------------------------------------------------------- trigger words


def test_inflections_of_one_trigger_word_share_a_stem() -> None:
    assert len({stem(w) for w in ("struck", "strike", "strikes", "striking")}) == 1
    assert len({stem(w) for w in ("arrested", "arrest", "arrests", "arresting")}) == 1
    assert len({stem(w) for w in ("shelled", "shelling", "shell")}) == 1
    assert stem("killed") != stem("wounded")


def test_synonyms_come_from_the_lexicon_and_need_the_same_event_type() -> None:
    assert same_trigger(trigger_key("arrested"), trigger_key("detained"), "COERCE") == "synonyms"
    assert same_trigger(trigger_key("raided"), trigger_key("raid"), "COERCE") == "same word"
    assert same_trigger(trigger_key("killed"), trigger_key("wounded"), "ASSAULT") is None
    assert same_trigger(trigger_key("shot"), trigger_key("killed"), "ASSAULT") is None
    assert same_trigger(trigger_key("arrested"), trigger_key("detained"), "ASSAULT") is None


# --------------------------------------------------------------------------- within one report


def _somalia() -> Report:
    return Report("Two attacks\n\nAl-Shabaab fighters attacked a police station in Mogadishu on 3 March 2024. "
                  "Hours later al-Shabaab fighters attacked an army base in Kismayo. The attack in Mogadishu "
                  "killed four officers.", outlet="Garowe Online", published="2024-03-04")


def test_two_attacks_on_two_places_in_one_report_stay_two_facts() -> None:
    r = _somalia()
    r.entity("al-Shabaab", surface="Al-Shabaab", dictionary="al_shabaab")
    r.entity("Mogadishu", "Location", surface="Mogadishu")
    r.entity("Kismayo", "Location", surface="Kismayo")
    said = r.says(None, "attacked")
    r.claim("event", "ASSAULT", "Al-Shabaab fighters attacked a police station in Mogadishu", said,
            sources=("al-Shabaab",), location="Mogadishu", date="2024-03-03", trigger="attacked")
    r.claim("event", "ASSAULT", "al-Shabaab fighters attacked an army base in Kismayo", said,
            sources=("al-Shabaab",), location="Kismayo", trigger="attacked")
    r.claim("event", "ASSAULT", "The attack in Mogadishu", said, location="Mogadishu", trigger="attack")
    facts = _facts(r)
    assert len(facts) == 2, "Mogadishu and Kismayo are two attacks; 'the attack in Mogadishu' is the first"
    mogadishu = next(f for f in facts if f["n_claims"] == 2)
    assert mogadishu["location"]["name"] == "Mogadishu"
    assert mogadishu["claims"][1]["reason"] == "same word ('attack' ~ 'attacked') in the same report"


def test_different_trigger_words_of_one_type_in_one_report_are_different_facts() -> None:
    r = _somalia()
    r.entity("al-Shabaab", surface="Al-Shabaab", dictionary="al_shabaab")
    said = r.says(None, "attacked")
    r.claim("event", "ASSAULT", "Al-Shabaab fighters attacked a police station", said, sources=("al-Shabaab",),
            trigger="attacked")
    r.claim("event", "ASSAULT", "The attack in Mogadishu killed four officers", said, sources=("al-Shabaab",),
            trigger="killed", counts={"killed": 4})
    assert len(_facts(r)) == 2, "the attack and the killing it caused are two statements, not one"


def test_one_report_stating_two_tolls_states_two_killings() -> None:
    r = Report("Raids\n\nSoldiers killed a man in Sagaing. Elsewhere soldiers killed six villagers.",
               outlet="Myanmar Now", published="2023-05-02")
    r.entity("Tatmadaw", surface="Soldiers", dictionary="tatmadaw")
    said = r.says(None, "killed")
    r.claim("event", "ASSAULT", "Soldiers killed a man in Sagaing", said, sources=("Tatmadaw",), trigger="killed",
            counts={"killed": 1})
    r.claim("event", "ASSAULT", "soldiers killed six villagers", said, sources=("Tatmadaw",), trigger="killed",
            counts={"killed": 6})
    assert len(_facts(r)) == 2


def test_a_synonym_in_one_report_joins_only_with_a_shared_actor() -> None:
    r = Report("Arrests\n\nPolice arrested Jesús Santrich in Bogotá. Police also detained two lawyers, and "
               "the army detained a farmer.", outlet="El Tiempo", published="2018-04-10")
    r.entity("Jesús Santrich", "Person")
    r.entity("Colombian police", surface="Police arrested", dictionary="col_police")
    r.entity("army", "Group", surface="army")
    said = r.says(None, "arrested")
    r.claim("event", "COERCE", "Police arrested Jesús Santrich", said, sources=("Colombian police",),
            targets=("Jesús Santrich",), trigger="arrested")
    r.claim("event", "COERCE", "Police also detained two lawyers", said, sources=("Colombian police",),
            trigger="detained")
    r.claim("event", "COERCE", "the army detained a farmer", said, sources=("army",), trigger="detained")
    facts = _facts(r)
    assert [f["n_claims"] for f in facts] == [2, 1]
    assert "synonyms ('detained' ~ 'arrested')" in facts[0]["claims"][1]["reason"]


# --------------------------------------------------------------------------- across reports


def _arrest(outlet: str, text: str, person: str, published: str = "2018-04-10", trigger: str = "arrested") -> Report:
    r = Report(text, outlet=outlet, published=published)
    r.entity(person, "Person")
    body = text.split("\n\n")[1]
    r.claim("event", "COERCE", body.split(",")[0].rstrip("."), r.says(None, trigger), targets=(person,),
            trigger=trigger)
    return r


def test_the_same_word_and_a_named_person_recognise_one_arrest_in_two_reports() -> None:
    a = _arrest("El Tiempo", "Arrest\n\nPolice arrested Jesús Santrich, prosecutors said.", "Jesús Santrich")
    b = _arrest("Semana", "Ex-rebel held\n\nSantrich was arrested at his home.", "Santrich")
    facts = _facts(a, b)
    assert len(facts) == 1 and facts[0]["n_documents"] == 2
    assert facts[0]["claims"][1]["reason"] == ("same word ('arrested' ~ 'arrested'); "
                                               "shared named person Jesús Santrich")


def test_a_surname_two_people_bear_is_not_recognised() -> None:
    a = _arrest("El Tiempo", "Arrest\n\nPolice arrested Jesús Santrich, prosecutors said.", "Jesús Santrich")
    b = _arrest("Semana", "Ex-rebel held\n\nSantrich was arrested at his home.", "Santrich")
    c = _arrest("El Espectador", "Another arrest\n\nPolice arrested Luis Santrich, his family said.",
                "Luis Santrich", published="2018-04-11")
    facts = _facts(a, b, c)
    assert sorted(f["n_claims"] for f in facts) == [1, 1, 1]


def test_different_words_for_one_person_are_not_one_event_across_reports() -> None:
    a = _arrest("El Tiempo", "Arrest\n\nPolice arrested Jesús Santrich, prosecutors said.", "Jesús Santrich")
    b = _arrest("Semana", "Ex-rebel freed\n\nJesús Santrich was released from prison.", "Jesús Santrich",
                trigger="released")
    assert len(_facts(a, b)) == 2


def test_a_headline_without_arguments_is_recognised_through_its_report() -> None:
    a = _arrest("El Tiempo", "Arrest\n\nPolice arrested Jesús Santrich, prosecutors said.", "Jesús Santrich")
    b = Report("Arrested\n\nThe former FARC commander Jesús Santrich was arrested on Monday.", outlet="Semana",
               published="2018-04-10")
    b.entity("Jesús Santrich", "Person")
    said = b.says(None, "arrested")
    b.claim("event", "COERCE", "Arrested", said, trigger="Arrested")
    b.claim("event", "COERCE", "Jesús Santrich was arrested", said, targets=("Jesús Santrich",), trigger="arrested")
    facts = _facts(a, b)
    assert len(facts) == 1 and facts[0]["n_claims"] == 3


def _sudan(outlet: str, text: str, published: str, date: str | None, place: str | None = "El Fasher",
           actor: str = "RSF", trigger: str = "shelled") -> Report:
    r = Report(text, outlet=outlet, published=published)
    r.entity(actor, surface=actor, dictionary="rsf" if actor == "RSF" else None)
    if place:
        r.entity(place, "Location", surface=place)
    r.claim("event", "ASSAULT", text.split("\n\n")[1].split(",")[0], r.says(None, trigger), sources=(actor,),
            location=place, date=date, trigger=trigger)
    return r


def test_a_year_is_not_an_informative_date_across_reports() -> None:
    a = _sudan("Sudan Tribune", "Shelling\n\nThe RSF shelled the city in 2024, residents said.", "2024-06-01", "2024",
               place=None)
    b = _sudan("Dabanga", "Shelling\n\nThe RSF shelled the market in 2024, medics said.", "2024-07-01", "2024",
               place=None)
    assert len(_facts(a, b)) == 2, "the RSF shelled many places in 2024"
    c = _sudan("Dabanga", "Shelling\n\nThe RSF shelled the market in May 2024, medics said.", "2024-07-01", "2024-05",
               place=None)
    d = _sudan("Radio Tamazuj", "Shelling\n\nThe RSF shelled the city on 10 May 2024, residents said.",
               "2024-05-11", "2024-05-10", place=None)
    assert len(_facts(c, d)) == 1, "a month and a day inside it, with the same named actor"


def test_police_in_two_reports_are_not_one_actor() -> None:
    a = _sudan("Nation", "Protest\n\npolice teargassed marchers in Nairobi on 7 July 2023, witnesses said.",
               "2023-07-08", "2023-07-07", place=None, actor="police", trigger="teargassed")
    b = _sudan("Star", "Protest\n\npolice teargassed marchers in Mombasa on 7 July 2023, residents said.",
               "2023-07-08", "2023-07-07", place=None, actor="police", trigger="teargassed")
    assert len(_facts(a, b)) == 2, "the same word, the same day, but 'police' names nobody in particular"


def test_the_same_word_on_the_same_day_in_the_same_place_is_one_event() -> None:
    a = _sudan("Nation", "Protest\n\nunknown gunmen shelled El Fasher on 7 July 2023, witnesses said.",
               "2023-07-08", "2023-07-07", actor="gunmen")
    b = _sudan("Star", "Protest\n\nunknown gunmen shelled El Fasher on 7 July 2023, residents said.",
               "2023-07-08", "2023-07-07", actor="gunmen")
    facts = _facts(a, b)
    assert len(facts) == 1
    assert facts[0]["claims"][1]["reason"].endswith("the same day and place (El Fasher) stated in both")
    c = _sudan("Star", "Protest\n\nunknown gunmen shelled El Fasher on 8 July 2023, residents said.",
               "2023-07-09", "2023-07-08", actor="gunmen")
    assert len(_facts(a, c)) == 2, "the next day is another shelling"


def test_an_organisation_and_the_same_word_without_date_or_place_stay_two_facts() -> None:
    def report(outlet: str, text: str, published: str) -> Report:
        r = Report(text, outlet=outlet, published=published)
        r.entity("Taliban", surface="Taliban", dictionary="taliban")
        r.claim("event", "ASSAULT", text.split("\n\n")[1].split(",")[0], r.says(None, "attacked"),
                sources=("Taliban",), trigger="attacked")
        return r

    a = report("Tolo", "Attack\n\nTaliban fighters attacked a checkpoint, officials said.", "2021-05-02")
    b = report("Pajhwok", "Attack\n\nTaliban fighters attacked a convoy, police said.", "2021-05-03")
    assert len(_facts(a, b)) == 2, "the Taliban attack often: a group is not as specific as a person"


def _hijack(outlet: str, text: str, day: str) -> Report:
    r = Report(text, outlet=outlet, published="2011-05-04")
    r.entity("Somali pirates", "Group", surface="Somali pirates")
    r.entity("Eyl", "Location", surface="Eyl")
    r.claim("event", "COERCE", text.split("\n\n")[1].split(",")[0], r.says(None, "hijacked"),
            sources=("Somali pirates",), location="Eyl", date=day, trigger="hijacked")
    return r


def test_a_collective_named_in_two_reports_neither_joins_nor_separates_them() -> None:
    a = _hijack("Garowe Online", "Hijacking\n\nSomali pirates hijacked a tanker off Eyl on 3 May 2011, officials said.",
                "2011-05-03")
    b = _hijack("Reuters", "Tanker seized\n\nSomali pirates hijacked a ship near Eyl on 3 May 2011, a monitor said.",
                "2011-05-03")
    facts = _facts(a, b)
    assert len(facts) == 1, "the same word, day and place; the pirates of one report are not known to differ"
    assert len(facts[0]["sources"]) == 2, "nor known to be the same: each report's pirates stay their own actor"


def test_two_collectives_of_one_report_are_two_actors() -> None:
    r = Report("Clashes\n\nGunmen attacked the market. Soldiers attacked the village.", outlet="Radio Dabanga",
               published="2023-06-01")
    r.entity("gunmen", "Group", surface="Gunmen")
    r.entity("soldiers", "Group", surface="Soldiers")
    said = r.says(None, "attacked")
    r.claim("event", "ASSAULT", "Gunmen attacked the market", said, sources=("gunmen",), trigger="attacked")
    r.claim("event", "ASSAULT", "Soldiers attacked the village", said, sources=("soldiers",), trigger="attacked")
    assert len(_facts(r)) == 2


def _strikes(second_place: str) -> Report:
    r = Report(f"Night of strikes\n\nRussian missiles struck Kharkiv overnight. A missile struck City Hospital 25 "
               f"in {second_place}, the governor said.", outlet="Ukrainska Pravda", published="2024-05-26")
    r.entity("Russia", surface="Russian missiles", dictionary="russia")
    r.entity("City Hospital 25")
    r.entity("Kharkiv", "Location", surface="Kharkiv")
    if second_place != "Kharkiv":
        r.entity(second_place, "Location", surface=second_place)
    said = r.says(None, "said")
    r.claim("event", "ASSAULT", "Russian missiles struck Kharkiv", said, sources=("Russia",), targets=("Kharkiv",),
            trigger="struck")
    r.claim("event", "ASSAULT", f"A missile struck City Hospital 25 in {second_place}", said,
            targets=("City Hospital 25",), location=second_place, trigger="struck")
    return r


def test_a_place_struck_is_compared_as_a_place() -> None:
    facts = _facts(_strikes("Kharkiv"))
    assert len(facts) == 1, "the strike on Kharkiv and the strike on a hospital in Kharkiv can be one"
    assert facts[0]["claims"][1]["reason"] == "same word ('struck' ~ 'struck') in the same report"
    assert len(_facts(_strikes("Odesa"))) == 2, "a hospital in Odesa was not struck in Kharkiv"
