"""Cross-document facts: the same event or tie in several reports is one fact, with its independent sources counted."""

from __future__ import annotations

from dataclasses import replace

import crossdoc_samples as s
from crossdoc_samples import Report

from claimgraph.model import DateInterval, Place
from claimgraph.resolve.crossdoc import corroborate, group_record, interval, overlaps, side


def _groups(*reports: Report):
    corpus, groups = corroborate(r.extraction() for r in reports)
    return corpus, {g.id: g for g in groups}, groups


def test_two_outlets_reporting_the_same_airstrike_are_one_fact_with_two_sources() -> None:
    corpus, _, groups = _groups(s.kharkiv_month(), s.kharkiv_day())
    assert len(groups) == 1
    rec = group_record(corpus, groups[0])
    assert rec["n_claims"] == 2 and rec["n_documents"] == 2 and rec["n_sources"] == 2
    assert rec["contested"] is False
    # the month-precision report and the day-precision report narrow to the day both allow
    assert (rec["date_start"], rec["date_end"]) == ("2022-04-12", "2022-04-12")
    assert rec["dates"] == ["2022-04", "2022-04-12"]
    assert rec["label"] == "Russia ASSAULT in Kharkiv"
    assert {c["source"] for c in rec["claims"]} == {"Oleh Synehubov (via Kyiv Independent)",
                                                    "Ukraine's health ministry (via Reuters)"}


def test_the_same_speaker_quoted_by_two_outlets_counts_once() -> None:
    afp = s.sahel_quote("AFP", "Mali attack\n\nJNIM fighters attacked a Malian army post near Boulkessi in March 2024, "
                               "Colonel Souleymane Dembele said.")
    rfi = s.sahel_quote("RFI", "Attaque au Mali\n\nJNIM militants stormed a Malian army base in March 2024, "
                               "Colonel Souleymane Dembele said on state television.")
    corpus, _, groups = _groups(afp, rfi)
    assert len(groups) == 1
    rec = group_record(corpus, groups[0])
    assert rec["n_documents"] == 2 and rec["n_claims"] == 2
    assert rec["n_sources"] == 1, "one spokesman relayed by two outlets is one source"


def test_unnamed_sources_in_two_reports_are_not_known_to_be_one() -> None:
    a = s.iran_houthis_asserted()
    b = Report("Arms to Yemen\n\nIran supplies the Houthis with weapons, US officials said.", outlet="BBC",
               published="2024-01-20")
    b.entity("Iran", surface="Iran supplies", dictionary="iran")
    b.entity("Houthis", surface="Houthis", dictionary="houthis")
    b.claim("relation", "supports", "Iran supplies the Houthis with weapons", b.says("US officials", "said"),
            subject="Iran", object="Houthis")
    corpus, _, groups = _groups(a, b)
    assert len(groups) == 1 and group_record(corpus, groups[0])["n_sources"] == 2


def test_an_assertion_and_a_denial_in_other_documents_are_contested_side_by_side() -> None:
    corpus, _, groups = _groups(s.iran_houthis_asserted(), s.iran_houthis_denied())
    assert len(groups) == 1
    g = groups[0]
    assert g.contested
    rec = group_record(corpus, g)
    assert rec["n_sources_for"] == 1 and rec["n_sources_against"] == 1 and rec["modalities"] == {"asserted": 1,
                                                                                                   "denied": 1}
    assert [v.evidence for v in g.side_claims("for")] == ["Iran supplies the Houthis with missiles and drones"]
    assert [v.evidence for v in g.side_claims("against")] == ["Tehran arms the Houthis"]
    assert [v.chain_text for v in g.side_claims("against")] == ["IRNA > Iran's foreign ministry"]


def test_same_type_and_actors_on_dates_that_do_not_overlap_stay_apart() -> None:
    corpus, _, groups = _groups(s.kharkiv_month(), s.kharkiv_day(), s.kharkiv_next_year())
    assert sorted(len(g.claims) for g in groups) == [1, 2]
    apart = next(g for g in groups if len(g.claims) == 1)
    assert apart.claims[0].claim.date.value == "2023-01-05"


def test_an_undated_report_joins_the_dated_one_but_a_year_only_date_must_contain_it() -> None:
    undated = s.kharkiv_day()
    undated.claims[0] = replace(undated.claims[0], date=None)
    year = s.kharkiv_month()
    year.claims[0] = replace(year.claims[0], date=DateInterval(value="2021", precision="year"))
    _, _, groups = _groups(s.kharkiv_month(), undated)
    assert len(groups) == 1
    _, _, groups = _groups(s.kharkiv_day(), year)
    assert len(groups) == 2


def test_places_must_be_the_same_or_contain_one_another() -> None:
    oblast = Place(resolved=True, lat=49.5, lon=36.5, country="UA", admin1="Kharkiv Oblast", feature="province")
    province = s.kharkiv_day()
    province.entities["Kharkiv"] = replace(province.entities["Kharkiv"], name="Kharkiv Oblast", place=oblast)
    _, _, groups = _groups(s.kharkiv_month(), province)
    assert len(groups) == 1, "a city inside the province named by the other report"

    lviv = s.kharkiv_day()
    lviv.entities["Kharkiv"] = replace(lviv.entities["Kharkiv"], name="Lviv", place=Place(
        resolved=True, lat=49.84, lon=24.03, country="UA", admin1="Lviv Oblast", feature="city", geonameid=702550))
    _, _, groups = _groups(s.kharkiv_month(), lviv)
    assert len(groups) == 2, "two different cities are two strikes"


def test_allied_with_is_symmetric_across_documents() -> None:
    a = Report("Alliance\n\nThe Wagner Group is allied with the Malian junta, diplomats said.", outlet="AFP")
    a.entity("Wagner Group")
    a.entity("Malian junta")
    a.claim("relation", "allied_with", "The Wagner Group is allied with the Malian junta", a.says("diplomats", "said"),
            subject="Wagner Group", object="Malian junta")
    b = Report("Partners\n\nThe Malian junta is allied with the Wagner Group, a UN report says.", outlet="France 24")
    b.entity("Wagner Group")
    b.entity("Malian junta")
    b.claim("relation", "allied_with", "The Malian junta is allied with the Wagner Group", b.says("a UN report", "says"),
            subject="Malian junta", object="Wagner Group")
    corpus, _, groups = _groups(a, b)
    assert len(groups) == 1 and group_record(corpus, groups[0])["n_sources"] == 2


def test_a_relation_in_the_other_direction_is_another_fact() -> None:
    a = s.iran_houthis_asserted()
    b = Report("Claim\n\nThe Houthis support Iran, an analyst said.", outlet="BBC")
    b.entity("Iran", surface="Iran,", dictionary="iran")
    b.entity("Houthis", surface="Houthis", dictionary="houthis")
    b.claim("relation", "supports", "The Houthis support Iran", b.says("an analyst", "said"), subject="Houthis",
            object="Iran")
    _, _, groups = _groups(a, b)
    assert len(groups) == 2


def test_date_intervals_follow_precision_and_bounds() -> None:
    assert interval(DateInterval(value="2022-04", precision="month")) == ("2022-04-01", "2022-04-31")
    assert interval(DateInterval(value="2022", precision="year")) == ("2022-01-01", "2022-12-31")
    assert interval(DateInterval(after="2021-08")) == ("2021-08-01", "9999-12-31")
    assert overlaps(interval(DateInterval(before="2022")), interval(DateInterval(value="2022-06-01")))
    assert not overlaps(interval(DateInterval(after="2023")), interval(DateInterval(value="2022-06-01")))
    assert [side(m) for m in ("asserted", "alleged", "denied", "promised")] == ["for", "for", "against", "other"]


def test_reports_whose_outlet_is_unknown_are_not_one_source() -> None:
    reports = []
    for text in ("Clashes\n\nRSF fighters attacked El Fasher in May 2024.",
                 "Fighting in Darfur\n\nThe RSF attacked El Fasher on 10 May 2024."):
        r = Report(text, outlet="the outlet", published="2024-05-11")
        r.doc.outlet = None  # ingest found no outlet; the chain still names "the outlet"
        r.entity("RSF", dictionary="rsf")
        r.entity("El Fasher", "Location")
        date = "2024-05" if "May 2024." in text else "2024-05-10"
        r.claim("event", "ASSAULT", text.split("\n\n")[1].rstrip("."), r.says(None, "attacked"), sources=("RSF",),
                location="El Fasher", date=date)
        reports.append(r)
    corpus, _, groups = _groups(*reports)
    rec = group_record(corpus, groups[0])
    assert len(groups) == 1 and rec["n_sources"] == 2
    assert [c["source"] for c in rec["claims"]] == ["Clashes", "Fighting in Darfur"], "named by the report, not 'the outlet'"


def test_an_actor_must_be_shared_in_the_same_role_except_for_joint_actions() -> None:
    def report(text: str, outlet: str, predicate: str, sources: tuple[str, ...], targets: tuple[str, ...]) -> Report:
        r = Report(text, outlet=outlet, published="2022-11-03")
        for name in {*sources, *targets}:
            r.entity(name, surface=name, dictionary=name.lower())
        r.claim("event", predicate, text.split("\n\n")[1].rstrip("."), r.says(None, text.split()[-1].rstrip(".")),
                sources=sources, targets=targets, date="2022-11")
        return r

    by_ethiopia = report("Truce\n\nEthiopia signed a truce with the TPLF in November 2022 in Pretoria agreed.", "AFP",
                         "AGREE", ("Ethiopia",), ("TPLF",))
    by_tplf = report("Deal\n\nThe TPLF and Ethiopia in November 2022 finally agreed.", "BBC", "AGREE", ("TPLF",),
                     ("Ethiopia",))
    _, _, groups = _groups(by_ethiopia, by_tplf)
    assert len(groups) == 1, "an agreement is the same whichever party a report names first"
    other = report("Talks\n\nThe TPLF and Eritrea in November 2022 agreed.", "BBC", "AGREE", ("TPLF",), ("Eritrea",))
    _, _, groups = _groups(by_ethiopia, other)
    assert len(groups) == 2, "a deal with another party is another deal"

    attack = report("Strike\n\nEthiopia struck in November 2022 and attacked.", "AFP", "ASSAULT", ("Ethiopia",), ())
    attacked = report("Strike\n\nEthiopia was hit in November 2022 by drones attacked.", "BBC", "ASSAULT", (),
                      ("Ethiopia",))
    _, _, groups = _groups(attack, attacked)
    assert len(groups) == 2, "an attack by Ethiopia is not an attack on Ethiopia"


def test_a_relation_stated_for_different_years_keeps_the_span_it_covers() -> None:
    a, b = s.iran_houthis_asserted(), s.iran_houthis_asserted()
    b.doc.id = "doc_other"
    a.claims[0] = replace(a.claims[0], date=DateInterval(value="2015", precision="year"))
    b.claims[0] = replace(b.claims[0], id="clm_other", doc_id="doc_other",
                          date=DateInterval(value="2024-01", precision="month"))
    corpus, _, groups = _groups(a, b)
    rec = group_record(corpus, groups[0])
    assert len(groups) == 1 and (rec["date_start"], rec["date_end"]) == ("2015-01-01", "2024-01-31")


def _attack_report(text: str, outlet: str, published: str | None, actor: str, place: str | None = None,
                   date: str | None = None, dictionary: str | None = None) -> Report:
    r = Report(text, outlet=outlet, published=published)
    r.entity(actor, surface=actor, dictionary=dictionary)
    if place:
        r.entity(place, "Location", surface=place)
    r.claim("event", "ASSAULT", text.split("\n\n")[1].split(",")[0], r.says(None, "attacked"), sources=(actor,),
            location=place, date=date)
    return r


def test_undated_placeless_events_in_two_reports_are_not_recognised_as_one() -> None:
    a = _attack_report("Attack\n\nTaliban fighters attacked a checkpoint, officials said.", "Tolo", "2021-05-02",
                       "Taliban", dictionary="taliban")
    b = _attack_report("Attack\n\nTaliban fighters attacked a convoy, police said.", "Pajhwok", "2021-05-03",
                       "Taliban", dictionary="taliban")
    _, _, groups = _groups(a, b)
    assert len(groups) == 2, "the Taliban attack often: with no date or place in common, two reports are two attacks"


def test_common_nouns_are_not_the_same_actor_in_two_reports() -> None:
    a = _attack_report("Unrest\n\npolice attacked protesters in Nairobi on 7 July 2023, witnesses said.", "Nation",
                       "2023-07-08", "police", "Nairobi", "2023-07-07")
    b = _attack_report("Unrest\n\npolice attacked marchers in Mombasa on 7 July 2023, residents said.", "Star",
                       "2023-07-08", "police", "Mombasa", "2023-07-07")
    b.entities["Mombasa"].name = "Nairobi"  # even in the same (unresolved) place
    _, _, groups = _groups(a, b)
    assert len(groups) == 2


def test_an_undated_report_cannot_describe_an_event_after_its_publication() -> None:
    later = s.kharkiv_next_year()
    early = s.kharkiv_day()
    early.claims[0] = replace(early.claims[0], date=None)  # published 2022-04-13, undated, same place
    _, _, groups = _groups(later, early)
    assert len(groups) == 2


def test_a_tie_between_common_nouns_is_not_merged_across_reports() -> None:
    reports = []
    for outlet, text in (("Dawn", "Ties\n\nThe militants are members of the group, police said."),
                         ("Geo", "Links\n\nThe militants are members of the group, officials said.")):
        r = Report(text, outlet=outlet, published="2023-02-01")
        r.entity("militants", surface="militants")
        r.entity("group", surface="group")
        r.claim("relation", "member_of", text.split("\n\n")[1].split(",")[0], r.says(None, "said"),
                subject="militants", object="group")
        reports.append(r)
    corpus, _, groups = _groups(*reports)
    assert len(groups) == 2
    assert group_record(corpus, groups[0])["label"] == "militants member_of group"
