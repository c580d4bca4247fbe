"""Raw-text geoparsing (``claimgraph.geo.geoparse``): what a corpus counts as a toponym, repeated names,
plural demonyms, and a corpus's unannotated header."""

from __future__ import annotations

from claimgraph.geo.geoparse import (
    Guidelines,
    _join_split_names,
    _other_mentions,
    find_toponyms,
    geoparse,
    singular_demonym,
)
from claimgraph.geo.toponyms import ToponymSpan


def _texts(spans):
    return [s.text for s in spans]


def test_a_place_named_once_is_a_place_wherever_the_text_repeats_it(nlp, gazetteer):
    text = ("Floods hit Tamil Nadu on Monday. Tamil Nadu said it needed help, and officials in Tamil Nadu "
            "asked Kerala for pumps.")
    spans = find_toponyms(nlp(text), gazetteer)
    assert len({s.start for s in spans if s.text == "Tamil Nadu"}) == text.count("Tamil Nadu")


def test_a_repeated_name_inside_an_organisation_stays_the_organisation(nlp, gazetteer):
    text = "Kenya reported new cases. The Kenya Red Cross Society sent teams to Kisumu."
    spans = find_toponyms(nlp(text), gazetteer)
    assert all(not (s.start > 10 and s.text == "Kenya") for s in spans)


def test_only_names_the_gazetteer_knows_spread(nlp, gazetteer):
    text = "Zorblatt said the talks failed. Troops left Mosul, and Zorblatt thanked Mosul's mayor."
    doc = nlp(text)
    first = [ToponymSpan(0, 8, "Zorblatt"), ToponymSpan(text.index("Mosul"), text.index("Mosul") + 5, "Mosul")]
    more = _other_mentions(doc, first, gazetteer)
    assert [(s.start, s.text) for s in more] == [(text.rindex("Mosul"), "Mosul")]


def test_plural_demonyms_count_and_resolve_to_their_country(nlp, gazetteer):
    doc = nlp("Thousands of Canadians and Nigerians waited for visas.")
    found = geoparse(doc, gazetteer, Guidelines(demonyms=True))
    by_text = {g.text: g.place for g in found}
    assert {"Canadians", "Nigerians"} <= set(by_text)
    assert by_text["Canadians"].country == "CA" and by_text["Nigerians"].country == "NG"
    # without the demonym guideline a people is not a place
    assert not {"Canadians", "Nigerians"} & set(_texts(find_toponyms(doc, gazetteer)))


def test_singular_demonym_only_undoes_a_regular_plural():
    assert singular_demonym("Pakistanis") == "Pakistani"
    assert singular_demonym("Germans") == "German"
    assert singular_demonym("Swiss") == "Swiss"
    assert singular_demonym("Athens") == "Athens"


def test_a_corpus_header_is_not_searched_for_toponyms(nlp, gazetteer):
    text = "TITLE: Storm reaches Chile LINK: http://example.invalid/chile\nThe storm hit Chile on Monday."
    header = Guidelines.for_corpus("GeoWebNews").header
    assert header
    with_header = find_toponyms(nlp(text), gazetteer, guidelines=Guidelines(header=header))
    assert [s.start for s in with_header] == [text.rindex("Chile")]
    assert len(find_toponyms(nlp(text), gazetteer)) == 2


def test_a_name_the_ner_split_in_two_is_joined_when_the_gazetteer_has_the_whole(gazetteer):
    text = "Sewage flows in Baja California and in Paris Texas."
    halves = [ToponymSpan(16, 20, "Baja"), ToponymSpan(21, 31, "California"),
              ToponymSpan(39, 44, "Paris"), ToponymSpan(45, 50, "Texas")]
    joined = _join_split_names(text, halves, gazetteer)
    assert [s.text for s in joined] == ["Baja California", "Paris", "Texas"]


def test_a_language_counts_as_its_country_only_where_the_corpus_says_so(nlp, gazetteer):
    doc = nlp("The leaflets were printed in English and handed out in Lagos.")
    assert "English" in _texts(find_toponyms(doc, gazetteer, guidelines=Guidelines(demonyms=True, languages=True)))
    assert "English" not in _texts(find_toponyms(doc, gazetteer, guidelines=Guidelines(demonyms=True)))


def test_an_unknown_organisation_named_after_a_prominent_place_is_placed_there_and_says_so(gazetteer):
    from claimgraph.geo.geoparse import resolve_spans

    text = "Fans flew to the Dubai Gold Trophy, then visited the Baltic Sea and the Kenyan Embassy."
    names = ["Dubai Gold Trophy", "Baltic Sea", "Kenyan Embassy"]
    spans = [ToponymSpan(text.index(n), text.index(n) + len(n), n) for n in names]
    got = {g.text: g.place for g in resolve_spans(gazetteer, spans)}
    dubai = got["Dubai Gold Trophy"]
    assert dubai.resolved and dubai.country == "AE" and "embedded" in (dubai.method or "")
    assert "Dubai" in (dubai.reason or "")
    # a sea the gazetteer lacks is not put at a namesake town; an embassy is not in its country
    assert not got["Baltic Sea"].resolved
    assert not got["Kenyan Embassy"].resolved


def test_a_word_of_a_persons_full_name_is_that_person_not_a_place(nlp, gazetteer):
    text = ("President Muhammadu Buhari met governors in Abuja. Critics said Buhari ignored them, "
            "and Buhari left for Lagos on Friday.")
    doc = nlp(text)
    assert any(e.label_ == "PERSON" and len(e) >= 2 for e in doc.ents)
    found = _texts(find_toponyms(doc, gazetteer))
    assert "Buhari" not in found
    assert {"Abuja", "Lagos"} <= set(found)


def test_the_centre_is_a_government_not_a_province_named_centre(nlp, gazetteer):
    doc = nlp("Tamil Nadu accused the Centre of delay. The Centre said the board would meet in Chennai.")
    found = _texts(find_toponyms(doc, gazetteer))
    assert "Centre" not in found
    assert "Chennai" in found
