"""Engagements: the meetings, calls and visits a new user saw missed or invented.

Short texts written like State Department readouts and wire stories (or copied from
them), through the whole extract stage.
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from search.extract import extract
from search.extract.engagements import find_engagements
from search.extract.events.dates import parse_published
from search.extract.when import date_phrases

STATE = "U.S. Department of State (press releases)"


def found(body: str, *, title: str | None = None, date: str = "2022-05-18", source=STATE):
    return extract(title, body, source=source, date=date).engagements


def at_a_glance(engagement) -> tuple:
    """An engagement's type, status, date and countries (as a set)."""
    return (engagement.type, engagement.status, engagement.date, set(engagement.countries))


def only(body: str, **kwargs):
    engagements = found(body, **kwargs)
    assert len(engagements) == 1, engagements
    return engagements[0]


@pytest.mark.parametrize(
    "body",
    [
        "We again commend the United Nations and Turkey for mediating the grain deal.",
        "For more information, we hope you will find some time to visit state.gov.",
        "The Secretary invited Foreign Minister Kuleba to visit Washington.",
        "If they meet, Secretary Blinken and Foreign Minister Lavrov could discuss arms control.",
        "Due to unforeseen logistical issues, the Deputy Secretary will no longer travel to Egypt.",
        "Secretary Blinken did not meet Russian Foreign Minister Lavrov in Bali.",
        # A wish, not a plan.
        "I hope that the leaders of Lithuania, Latvia and Estonia will meet President Biden "
        "later this year.",
        "The United States is committed to helping Ukraine meet its defense needs.",
        "We warn Americans against traveling to Ukraine.",
        "The Deputy Secretary met with students and staff of the U.S. Embassy.",
        "This working group of Spain and the United States will continue to meet regularly.",
        "The Secretary expressed his encouragement for further peace negotiations between "
        "Armenia and Azerbaijan.",
        "The United States commends Oman for supporting the UN General Assembly resolution "
        "condemning Russia’s invasion of Ukraine.",
        # What is hosted or met that is no one (statedept-2021-08-06-e809d96834,
        # statedept-2021-06-05-44cc4002ae).
        "Secretary Blinken also thanked Foreign Minister Motegi for Japan’s commitment to "
        "hosting safe and secure Olympic and Paralympic games.",
        "The Secretary thanked Foreign Minister Kuleba for Moldova hosting refugees.",
        # statedept-2022-02-24-264c25e2a8
        "Secretary Blinken thanked the Baltic states for their steadfast support of Ukraine "
        "and for hosting U.S. and NATO forces.",
        "The United States appreciates Denmark’s leadership of the NATO Mission in Iraq and "
        "our common efforts to adapt NATO to meet current and future security challenges.",
        # reuters21578-9873, reuters21578-1259: talks with banks are no government's
        "In testimony before a Senate banking subcommittee, Mulford said he based this "
        "prediction on progress in talks between banks and Mexico, Chile, and Venezuela.",
        "Assistant Treasury Secretary David Mulford said rapid progress was being made in talks "
        "with commercial banks for loans to Argentina, the Philippines and Brazil.",
        # reuters21578-18299: a summit's members, no summit held
        "Finance Ministries and central banks of the other summit nations -- Japan, West "
        "Germany, Britain, France, Italy and Canada -- were informed shortly before the news "
        "was announced.",
        # statedept-2022-03-26-71c46cbb4d: a country's needs, listed
        "Both Secretary Blinken and Secretary Austin pledged continued support to meet "
        "Ukraine’s humanitarian, security, and economic needs as President Putin’s invasion "
        "enters its second month.",
    ],
)
def test_not_engagements(body: str) -> None:
    assert found(body) == ()


def test_a_call_dated_from_yesterday() -> None:
    call = only(
        "Secretary of State Antony J. Blinken spoke by phone yesterday with Ukrainian Foreign "
        "Minister Dmytro Kuleba.",
        date="2022-07-29",
    )
    assert (call.type, call.status, call.date) == ("call", "main", "2022-07-28")
    assert set(call.countries) == {"USA", "UKR"}
    assert set(call.participants) == {("USA", "Antony J. Blinken"), ("UKR", "Dmytro Kuleba")}
    assert call.place is None


def test_a_call_with_several_foreign_ministers_is_multilateral() -> None:
    call = only(
        "Secretary Blinken spoke today with the Foreign Ministers of Kazakhstan, the Kyrgyz "
        "Republic, Tajikistan, and Uzbekistan."
    )
    assert call.type == "multilateral"
    assert {"USA", "KAZ", "KGZ", "TJK", "UZB"} <= set(call.countries)


def test_a_call_with_putin() -> None:
    call = only("President Macron of France spoke by telephone with Russian President Putin.")
    assert call.type == "call" and set(call.countries) == {"FRA", "RUS"}


def test_a_visit_to_washington() -> None:
    visit = only(
        "WASHINGTON, March 3 - Belgian Foreign Trade Minister Herman De Croo, in Washington for "
        "talks with Administration officials, said he expected a compromise.",
        date="1987-03-03",
        source="Reuters",
    )
    assert visit.type == "visit" and set(visit.countries) == {"BEL", "USA"}


def test_a_past_visit_is_background_with_its_own_date() -> None:
    visit = only(
        "During her August 2021 visit to Vietnam, U.S. Vice President Kamala Harris announced "
        "new support.",
        date="2022-05-18",
    )
    assert (visit.type, visit.status, visit.date) == ("visit", "background", "2021-08")
    assert set(visit.countries) == {"USA", "VNM"}


def test_announced_travel_is_planned_one_visit_per_country() -> None:
    visits = found(
        "Under Secretary of State Jose W. Fernandez will travel to Cape Town, South Africa, "
        "May 9-11, and Lusaka, Zambia, May 12-13, to engage with government officials.",
        date="2022-05-09",
    )
    by_host = {tuple(sorted(v.countries)): v for v in visits}
    assert set(by_host) == {("USA", "ZAF"), ("USA", "ZMB")}
    assert all(v.status == "planned" and v.type == "visit" for v in visits)
    assert by_host[("USA", "ZAF")].date == "2022-05-09"
    assert by_host[("USA", "ZMB")].date == "2022-05-12"


def test_the_meetings_of_a_visit_are_the_visit() -> None:
    visits = found(
        "Deputy Secretary of State Wendy Sherman met Speaker of the Mongolian Parliament "
        "Zandanshatar and Foreign Minister Battsetseg during her visit to Ulaanbaatar from "
        "July 23 to July 25.",
        date="2021-07-25",
    )
    assert len(visits) == 1
    visit = visits[0]
    assert visit.type == "visit" and set(visit.countries) == {"USA", "MNG"}
    assert ("MNG", "Zandanshatar") in visit.participants


def test_a_named_dialogue_is_its_own_engagement_held_during_the_visit() -> None:
    """A visit's meetings are the visit, but a named dialogue held during it is an
    engagement of its own, there and then."""
    engagements = found(
        "Assistant Secretary Lu will lead a U.S. delegation to Tajikistan May 23-27. "
        "Assistant Secretary Lu will then meet with senior officials and participate in "
        "U.S.-Tajikistan Annual Bilateral Consultations to promote economic ties.",
        date="2022-05-22",
    )
    kinds = {(e.type, e.status) for e in engagements}
    assert kinds == {("visit", "planned"), ("consultations", "planned")}, engagements
    visit = next(e for e in engagements if e.type == "visit")
    assert visit.place == "Tajikistan"  # not "Tajikistan May"
    dialogue = next(e for e in engagements if e.type == "consultations")
    assert set(dialogue.countries) == {"USA", "TJK"}
    assert dialogue.date == "2022-05-23" and dialogue.place == "Tajikistan"


def test_a_named_dialogue_beside_a_meeting() -> None:
    engagements = found(
        "Deputy Secretary of State Wendy Sherman met today with Algerian Foreign Minister "
        "Ramtane Lamamra in Algiers. The Deputy Secretary and Foreign Minister welcomed the "
        "opportunity to hold the fifth U.S.-Algeria Strategic Dialogue.",
        date="2022-03-10",
    )
    by_type = {e.type: e for e in engagements}
    assert set(by_type) == {"meeting", "consultations"}, engagements
    assert by_type["consultations"].date == "2022-03-10"
    assert by_type["consultations"].place == "Algiers"


def test_taking_part_in_a_forum_with_others_named_before_it() -> None:
    dialogue = only(
        "Assistant Secretary Todd Robinson participated virtually alongside representatives "
        "from Mexico and Canada in the fifth North American Drug Dialogue on February 10.",
        date="2022-02-11",
    )
    assert dialogue.type == "multilateral" and dialogue.status == "main"
    assert set(dialogue.countries) == {"USA", "MEX", "CAN"}
    assert dialogue.date == "2022-02-10"


def test_each_stop_of_a_trip_has_its_own_day_after_a_dated_stop() -> None:
    visits = found(
        "Under Secretary of State Jose W. Fernandez will travel to Tegucigalpa, Honduras, on "
        "March 17 and San José, Costa Rica, on March 19 to engage with government officials.",
        date="2022-03-16",
    )
    assert {(v.type, v.place, v.date) for v in visits} == {
        ("visit", "Tegucigalpa", "2022-03-17"),
        ("visit", "San José", "2022-03-19"),
    }


def test_a_stop_is_dated_by_its_own_leg_not_by_a_meeting_at_another_stop() -> None:
    # statedept-2022-05-12-1a533a9da2: the trip's sentence names both stops' meetings; the
    # Berlin one is no leg of the stop in France, whose day the Paris leg gives.
    visits = [
        v
        for v in found(
            "Secretary of State Antony J. Blinken will travel to Germany and France May 14-16 "
            "to attend the informal meeting of NATO Foreign Ministers in Berlin, Germany, and "
            "join the U.S.-EU Trade and Technology Council meeting in Paris-Saclay, France.\n\n"
            "On May 14, the Secretary will travel to Berlin to attend an informal meeting of "
            "NATO Foreign Ministers.\n\nOn May 15, the Secretary will travel to Paris, joined "
            "by United States Trade Representative Katherine Tai, to attend the second "
            "ministerial meeting of the U.S.-EU Trade and Technology Council (TTC).",
            title="Secretary Blinken’s Travel to Germany and France",
            date="2022-05-12",
        )
        if v.type == "visit"
    ]
    dates = {v.countries[-1]: v.date for v in visits}
    assert dates == {"DEU": "2022-05-14", "FRA": "2022-05-15"}
    assert not any(v.place and "Berlin" in v.place for v in visits if "FRA" in v.countries)


@pytest.mark.parametrize(
    ("body", "date"),
    [
        # reuters21578-255
        (
            "PEKING, March 2 - U.S. Secretary of State George Shultz is likely to visit Moscow "
            "soon for talks following new Soviet arms control proposals, U.S. Officials said.",
            None,
        ),
        # reuters21578-18087: the visit a "when" clause tells after "is likely to"
        (
            "NAIROBI, June 2 - If the talks go well, Ugandan President Yoweri Museveni is "
            "likely to have a meeting with Kenyan leader Daniel arap Moi when he pays a "
            "two-day visit to Nairobi to attend U.N ceremonies on Friday and Saturday, they "
            "added.",
            "1987-06-05",
        ),
    ],
)
def test_what_is_likely_to_happen_is_ahead(body: str, date: str | None) -> None:
    engagement = only(body, date="1987-06-02", source="Reuters")
    assert (engagement.type, engagement.status, engagement.date) == ("visit", "planned", date)


def test_a_meeting_prior_to_the_days_other_is_the_days_news() -> None:
    # statedept-2022-04-06-5184a55a32: "prior to" is "before", not "prior talks"
    engagements = found(
        "Secretary of State Antony J. Blinken met with French Foreign Minister Jean-Yves Le "
        "Drian today in Brussels. Prior to this meeting, Secretary Blinken met with his E3 "
        "counterparts to discuss Iran.",
        date="2022-04-06",
    )
    e3 = next(e for e in engagements if e.orgs == ("E3",))
    assert e3.status == "main" and set(e3.countries) == {"USA", "DEU", "FRA", "GBR"}
    # ... on the day, at the place and with the counterparts of the meeting told before.
    assert (e3.date, e3.place) == ("2022-04-06", "Brussels")
    assert ("FRA", "Jean-Yves Le Drian") in e3.participants


def test_talks_later_this_week_are_ahead() -> None:
    # reuters21578-5717
    talks = only(
        "LONDON, March 24 - British Agriculture Minister Michael Jopling holds talks with "
        "U.S. officials in Washington later this week.",
        date="1987-03-24",
        source="Reuters",
    )
    assert (talks.status, talks.date) == ("planned", "1987-03")
    # "this week" alone is the week's news.
    talks = only(
        "LONDON, March 24 - British Agriculture Minister Michael Jopling holds talks with "
        "U.S. officials in Washington this week.",
        date="1987-03-24",
        source="Reuters",
    )
    assert talks.status == "main"


def test_a_2_plus_2_dialogue_is_the_pairs() -> None:
    # statedept-2022-04-12-76c120d700, statedept-2022-04-07-ae9c2f9630
    dialogue = next(
        e
        for e in found(
            "Secretary of State Antony J. Blinken and Secretary of Defense Lloyd J. Austin III "
            "welcomed Minister of Defence Rajnath Singh and Minister of External Affairs Dr. S. "
            "Jaishankar to Washington, D.C., on April 11, 2022, for the fourth U.S.-India 2+2 "
            "Ministerial Dialogue.",
            date="2022-04-12",
        )
        if e.type == "consultations"
    )
    assert set(dialogue.countries) == {"USA", "IND"} and dialogue.date == "2022-04-11"
    dialogue = only("This event builds on the U.S.-India 2+2 Ministerial Dialogue held yesterday.")
    assert (dialogue.type, dialogue.date) == ("consultations", "2022-05-17")


def test_a_commoditys_talks_are_its_agreements_body() -> None:
    # reuters21578-4147: the ICO's and the ICCO's negotiations, named by what they trade
    talks = found(
        "LONDON, March 10 - The recent failure of the London coffee talks and the forthcoming "
        "London cocoa talks weighed on prices.",
        date="1987-03-10",
        source="Reuters",
    )
    assert {(t.type, t.status, t.orgs) for t in talks} == {
        ("multilateral", "background", ("ICO",)),
        ("multilateral", "planned", ("ICCO",)),
    }
    # Talks about a commodity between two governments stay theirs.
    talks = only(
        "TOKYO, March 10 - Japan held talks with the United States on coffee today.",
        date="1987-03-10",
        source="Reuters",
    )
    assert talks.orgs == () and set(talks.countries) == {"JPN", "USA"}


def test_a_schedules_later_stop_is_the_day_its_lines_go_there() -> None:
    # statedept-2022-05-15-e4fdd2025a: a trip under way; the evening's dinner in Paris
    # (a pair's, named before "working dinner in") is ahead, and so is the stop in France.
    engagements = found(
        "SECRETARY ANTONY J. BLINKEN\n\nSecretary Blinken is on travel to Germany, France, "
        "and the UAE from May 14-16, 2022.\n\n8:00 a.m. LOCAL Secretary Blinken participates "
        "in a working breakfast with Ukrainian Foreign Minister Dmytro Kuleba in Berlin, "
        "Germany.\n\n7:00 p.m. LOCAL Secretary Blinken participates in a U.S.-EU Trade and "
        "Technology Council working dinner in Paris, France.",
        title="Public Schedule – May 15, 2022",
        date="2022-05-15",
    )
    got = {(e.type, e.countries, e.orgs, e.status, e.date) for e in engagements}
    assert ("meeting", ("USA",), ("EU",), "planned", "2022-05-15") in got
    assert ("visit", ("USA", "FRA"), (), "planned", "2022-05-15") in got
    assert ("visit", ("USA", "DEU"), (), "main", "2022-05-14") in got  # under way


@pytest.mark.parametrize(
    ("title", "body"),
    [
        # statedept-2022-03-10-6764c48f2d: remarks under a setting line, no speaker labels
        (
            "Press Availability Following a Meeting with Algerian President Tebboune",
            "Algiers, Algeria\n\nGood afternoon.\n\nIt is wonderful to back in Algiers for my "
            "first visit as Deputy Secretary of State.\n\nI want to sincerely thank President "
            "Tebboune for his hospitality.",
        ),
        # statedept-2021-07-28-2636aa4335: a transcript's turn; "in this capacity" is no place
        (
            "Opening Remarks at a Civil Society Roundtable",
            "New Delhi, India\n\nSECRETARY BLINKEN: Thank you so much.\n\nI’ve been here many "
            "times before, but this is my first visit in this capacity as Secretary of State, "
            "and I wanted to start the day with all of you.",
        ),
    ],
)
def test_the_speakers_first_visit_is_to_where_the_remarks_are_made(title: str, body: str) -> None:
    visit = next(e for e in found(body, title=title, date="2022-03-10") if e.type == "visit")
    assert (visit.status, visit.date, visit.countries[0]) == ("main", "2022-03-10", "USA")
    assert visit.place in ("Algiers, Algeria", "New Delhi, India")


def test_the_forums_meeting_a_trip_goes_to_has_the_traveller() -> None:
    # reuters21578-11209: the trip takes in the IMF's committee; the sentence that dates
    # the committee's meeting names the IMF alone.
    engagements = found(
        "SEOUL, March 31 - South Korea's Finance Minister Chung In-yong will visit U.S. "
        "Treasury Secretary James Baker next week to discuss U.S. requests, officials said.\n\n"
        "They said Chung would leave for Washington on Monday to attend the International "
        "Monetary Fund's (IMF) Interim Committee meeting and for talks with U.S. Officials.\n\n"
        "The IMF committee meeting, scheduled for April 9, is expected to review the "
        "resolution.",
        date="1987-03-31",
        source="Reuters",
    )
    forum = next(e for e in engagements if e.date == "1987-04-09")
    assert (forum.type, forum.status, forum.orgs) == ("multilateral", "planned", ("IMF",))
    assert forum.countries == ("KOR",) and ("KOR", "Chung In-yong") in forum.participants


def test_a_meeting_one_is_in_town_to_attend_is_ahead_whatever_the_main_clauses_day() -> None:
    # reuters21578-15362
    forum = only(
        "WASHINGTON, April 8 - Brazilian Finance Minister Dilson Funaro, who is in Washington "
        "to attend the Interim Committee and Development Committee meetings of the World Bank "
        "and IMF, said he unveiled his proposals to the creditor banks in New York yesterday.",
        date="1987-04-08",
        source="Reuters",
    )
    assert (forum.type, forum.status, forum.date) == ("multilateral", "planned", None)
    assert forum.countries == ("BRA",) and set(forum.orgs) == {"IMF", "World Bank"}


def test_the_speakers_we_takes_part_and_the_headline_names_the_other_side() -> None:
    # statedept-2022-04-13-82de1c4dee, statedept-2022-05-25-eeb31595d4
    nato = next(
        e
        for e in found(
            "SECRETARY BLINKEN: Good afternoon.\n\nI just have to say, as we were saying in the "
            "NATO meeting that we just came from, Dmytro, that we stand with Ukraine.",
            title="Secretary Antony J. Blinken and Ukrainian Foreign Minister Dmytro Kuleba Before "
            "Their Meeting",
            date="2022-04-07",
        )
        if e.orgs == ("NATO",)
    )
    assert nato.participants == (("USA", "Antony J. Blinken"),)
    dialogue, *_ = found(
        "Washington, D.C.\n\nSECRETARY BLINKEN: Well, good afternoon, everyone.\n\nWe’ve "
        "just had the inaugural and unprecedented strategic dialogue between the United "
        "States and the OIC.",
        title="Secretary Antony J. Blinken And Organization of Islamic Cooperation Secretary "
        "General Hissein Brahim Taha Before Their Meeting",
        date="2022-05-25",
    )
    assert set(dialogue.participants) >= {
        ("USA", "Antony J. Blinken"),
        ("org:OIC", "Hissein Brahim Taha"),
    }


def test_a_sentence_opening_during_a_visit_is_its_subjects_trip() -> None:
    # reuters21578-18131
    visit = only(
        "TOKYO, May 20 - During a visit to Tokyo in April, U.K. Corporate Affairs Minister "
        "Michael Howard presented Japanese officials with a timetable.",
        date="1987-05-20",
        source="Reuters",
    )
    assert (visit.type, visit.status, visit.date) == ("visit", "background", "1987-04")
    assert set(visit.countries) == {"GBR", "JPN"}


def test_an_announcements_time_today_dates_what_it_announces_next() -> None:
    # statedept-2022-04-12-c8129633d3
    meeting = only(
        "Secretary of State Antony J. Blinken will deliver remarks and participate in a "
        "conversation with students of Howard University at 4:30 p.m. today, Tuesday, April "
        "12, 2022.\n\nThe Secretary will be joined by Indian External Affairs Minister Dr. S. "
        "Jaishankar.\n\nSecretary Blinken and Minister Jaishankar will meet with Indian "
        "students, scholars, and researchers.",
        title="Secretary Blinken to Deliver Remarks at Howard University",
        date="2022-04-12",
    )
    assert (meeting.status, meeting.date) == ("planned", "2022-04-12")
    # "today" of what a sentence reports is no announced time ("confirmed today").
    meeting = only(
        "Russia’s supply of natural gas to Finland will be cut tomorrow morning, both Finnish "
        "and Russian energy companies confirmed today.\n\nAnd secondly on Armenia and "
        "Azerbaijan, Prime Minister Pashinyan and President Aliyev will be in Brussels this "
        "weekend and they’re going to meet for the third time since last December.",
        date="2022-05-20",
    )
    assert meeting.date != "2022-05-20"


def test_an_official_named_by_an_office_only_one_country_has() -> None:
    meeting = only(
        "WASHINGTON, April 7 - The Treasury Secretary is expected to see Japanese Finance "
        "Minister Kiichi Miyazawa.",
        date="1987-04-07",
        source="Reuters",
    )
    assert meeting.status == "planned" and set(meeting.countries) == {"USA", "JPN"}


def test_a_country_sending_an_official_is_a_planned_visit() -> None:
    visit = only(
        "TOKYO, March 30 - Japan is expected to send a high-level official to Washington "
        "early next month to try to convince the U.S. not to go ahead with the tariffs.",
        date="1987-03-30",
        source="Reuters",
    )
    assert (visit.type, visit.status, visit.place) == ("visit", "planned", "Washington")
    assert set(visit.countries) == {"JPN", "USA"} and visit.date == "1987-04"


def test_a_trip_at_the_end_of_a_month() -> None:
    visit = only(
        "TOKYO, March 30 - Officials sought to separate the dispute from Prime Minister "
        "Yasuhiro Nakasone's planned trip to Washington at the end of April.",
        date="1987-03-30",
        source="Reuters",
    )
    assert (visit.type, visit.status, visit.date) == ("visit", "planned", "1987-04")


def test_visiting_countries_described_as_members() -> None:
    visits = found(
        "TEHRAN, March 3 - Iranian Oil Minister Gholamreza Aqazadeh also visited OPEC "
        "members Gabon, Algeria and Libya.",
        date="1987-03-03",
        source="Reuters",
    )
    assert {(v.place, tuple(sorted(v.countries)), v.orgs) for v in visits} == {
        ("Gabon", ("GAB", "IRN"), ()),
        ("Algeria", ("DZA", "IRN"), ()),
        ("Libya", ("IRN", "LBY"), ()),
    }


def test_aggression_met_with_a_response_is_no_meeting() -> None:
    (call,) = found(
        "Secretary Blinken spoke with Foreign Minister Kuleba. Any further military "
        "aggression by Russia against Ukraine will be met with swift, severe costs."
    )
    assert call.type == "call"


def test_a_transcripts_headline_names_who_meet() -> None:
    meeting = only(
        "Washington, D.C.\n\nThomas Jefferson Room\n\nSECRETARY BLINKEN: Well, good morning, "
        "everyone. It is a special pleasure to welcome my friend Jeppe.",
        title="Secretary Antony J. Blinken And Danish Foreign Minister Jeppe Kofod Before "
        "Their Meeting",
        date="2022-06-03",
    )
    assert meeting.type == "meeting" and set(meeting.countries) == {"USA", "DNK"}
    assert set(meeting.participants) == {("USA", "Antony J. Blinken"), ("DNK", "Jeppe Kofod")}
    # The remarks were made there and then: the day published, the place of the first line.
    assert (meeting.date, meeting.place) == ("2022-06-03", "Washington, D.C.")


@pytest.mark.parametrize(
    "body",
    [
        "There is much more work to do to deal with the challenges that I believe we can "
        "only meet through our cooperation with Egypt and the United States.",
        "Egypt and the United States will meet the targets of the agreement.",
    ],
)
def test_meeting_a_need_is_no_meeting(body: str) -> None:
    assert found(body) == ()


def test_weeks_ago_is_background() -> None:
    (meeting,) = found(
        "We were together just a few weeks ago in the Negev for what was an extraordinary "
        "occasion, a meeting with our counterparts from Israel, the UAE, Morocco, Bahrain, "
        "our two countries.",
        date="2022-04-13",
    )
    assert meeting.status == "background"


def test_a_transcripts_headline_in_sentence_case() -> None:
    meeting = only(
        "Washington, D.C. SECRETARY BLINKEN: Good morning, everyone. And Minister Sameh, welcome.",
        title="Secretary Antony J. Blinken and Egyptian Foreign Minister Sameh Shoukry before "
        "Their Meeting",
        date="2022-04-13",
    )
    assert set(meeting.participants) == {("USA", "Antony J. Blinken"), ("EGY", "Sameh Shoukry")}


@pytest.mark.parametrize(
    ("body", "kind", "status", "sides"),
    [
        (
            "LONDON, March 26 - French Finance Minister Edouard Balladur discussed the need to "
            "control public spending in talks here today with British Chancellor of the "
            "Exchequer Nigel Lawson, a Treasury spokesman said.",
            "consultations", "main", ({"FRA", "GBR"}, ()),
        ),
        (
            "BRUSSELS, March 26 - European Community (EC) farm ministers early today abandoned "
            "talks aimed at saving an agreement on cutting excessive milk production.",
            "multilateral", "main", (set(), ("EU",)),
        ),
        (
            "BRUSSELS, March 26 - European Community agriculture ministers will meet tomorrow "
            "evening to again attempt to agree a farm price package.",
            "multilateral", "planned", (set(), ("EU",)),
        ),
    ],
)  # fmt: skip
def test_wire_stories_of_talks(body: str, kind: str, status: str, sides: tuple) -> None:
    engagement = only(body, date="1987-03-26", source="Reuters")
    assert (engagement.type, engagement.status) == (kind, status)
    assert (set(engagement.countries), engagement.orgs) == sides


@pytest.mark.parametrize(
    "body",
    [
        "WASHINGTON, March 3 - Belgian Foreign Trade Minister Herman De Croo said at a news "
        "conference there is a battle within the European Community on the tax.",
        "THE HAGUE, March 17 - The risks are greater because the European Community has its "
        "own constraints in meeting outside pressure from the United States, Engering noted.",
    ],
)
def test_news_conferences_and_meeting_pressure_are_no_engagements(body: str) -> None:
    assert found(body, date="1987-03-17", source="Reuters") == ()


def test_meeting_a_foreign_national_is_no_engagement() -> None:
    body = (
        "Princess Ubolratana of Thailand lost her royal title in 1972 upon her marriage to a "
        "U.S. national whom she met while studying in Massachusetts."
    )
    assert found(body, date="2019-02-11", source="Wikinews") == ()


def test_meetings_with_different_people_stay_apart() -> None:
    body = (
        "OSLO. KAZINFORM - Kazakhstan and Norway held bilateral consultations in Oslo. The "
        "Kazakhstan delegation was led by Deputy Foreign Minister Roman Vassilenko, while the "
        "Norwegian side was led by State Secretary Audun Halvorsen. The same day the Kazakh "
        "diplomat held a meeting with Head of the Standing Committee on Foreign Affairs and "
        "Defense of the Storting (the Norwegian Parliament) Anniken Huitfeldt."
    )
    engagements = extract(None, body, city="Oslo", agency="Kazinform").engagements
    kinds = sorted(e.type for e in engagements)
    assert kinds == ["consultations", "meeting"]
    meeting = next(e for e in engagements if e.type == "meeting")
    # "the Kazakh diplomat": the delegation named before.
    assert ("KAZ", "Roman Vassilenko") in meeting.participants
    assert ("NOR", "Anniken Huitfeldt") in meeting.participants


def test_a_trilateral_meeting_in_a_third_country() -> None:
    meeting = only(
        "Secretary of State Antony J. Blinken met today with Japanese Foreign Minister Hayashi "
        "Yoshimasa and Republic of Korea Foreign Minister Park Jin in Bali, Indonesia.",
        date="2022-07-08",
    )
    assert meeting.type == "multilateral"
    assert set(meeting.countries) == {"USA", "JPN", "KOR"}  # Indonesia is where, not who
    assert meeting.place and meeting.place.startswith("Bali")


def test_a_meeting_with_an_organisation() -> None:
    call = only("Secretary Blinken spoke with NATO Secretary General Jens Stoltenberg today.")
    assert call.countries == ("USA",) and call.orgs == ("NATO",)


def test_a_signing() -> None:
    signing = only(
        "U.S. Secretary of State Antony J. Blinken and African Union Commission (AUC) "
        "Chairperson Moussa Faki Mahamat signed today a Memorandum of Cooperation.",
        date="2022-03-11",
    )
    assert signing.type == "signing" and signing.orgs == ("African Union",)
    assert signing.date == "2022-03-11"


def test_a_signing_at_a_named_dialogue_is_both_in_the_dialogues_city() -> None:
    engagements = found(
        "U.S. Secretary of State Antony J. Blinken and African Union Commission (AUC) "
        "Chairperson Moussa Faki Mahamat signaled a shared commitment to elevate a public "
        "health partnership by signing today a Memorandum of Cooperation at the U.S. – AUC "
        "High Level Dialogue in Washington.",
        date="2022-03-11",
    )
    by_type = {e.type: e for e in engagements}
    assert set(by_type) == {"signing", "consultations"}, engagements
    # "at the U.S. – AUC High Level Dialogue": an event's name, not the place "U.S."
    assert {e.place for e in engagements} == {"Washington"}
    assert {e.date for e in engagements} == {"2022-03-11"}


def test_the_signers_at_a_summit_and_its_members_named_later_take_part_in_it() -> None:
    engagements = found(
        "Leaders of African Union (AU) member states met in Niamey, Niger's capital, for an "
        "AU summit where on Sunday Presidents Muhammadu Buhari of Nigeria and Patrice Talon "
        "of Benin signed the African Continental Free Trade Area (AfCFTA) agreement. "
        "At the opening of the AU summit, AU chairperson President Abdel Fattah el-Sisi of "
        'Egypt said, "The success of the AfCFTA will be the real test."',
        date="2019-07-10",
        source="Wikinews",
    )
    by_type = {e.type: e for e in engagements}
    assert set(by_type) == {"multilateral", "signing"}, engagements
    summit = by_type["multilateral"]
    assert set(summit.countries) == {"NGA", "BEN", "EGY"} and summit.orgs == ("African Union",)
    assert (summit.date, summit.place) == ("2019-07-07", "Niamey")
    assert set(by_type["signing"].countries) == {"NGA", "BEN"}


def test_a_travellers_meeting_abroad_is_a_stop_of_the_trip() -> None:
    engagements = found(
        "BERNE, March 4 - Brazilian Finance Minister Dilson Funaro met his Swiss counterpart "
        "Otto Stich and Swiss Economics Minister Jean-Pascal Delamuraz. "
        "Funaro told reporters his trip, which has already taken him to London, Paris and "
        "Bonn, was aimed at explaining his country's stance to governments.",
        date="1987-03-04",
        source="Reuters",
    )
    berne = next(e for e in engagements if e.place == "Berne")
    assert berne.type == "visit" and set(berne.countries) == {"BRA", "CHE"}, engagements
    assert {name for _side, name in berne.participants} >= {"Dilson Funaro", "Otto Stich"}


def test_a_meeting_abroad_without_a_trip_stays_a_meeting() -> None:
    meeting = only(
        "BERNE, March 4 - Brazilian Finance Minister Dilson Funaro met his Swiss counterpart "
        "Otto Stich and Swiss Economics Minister Jean-Pascal Delamuraz.",
        date="1987-03-04",
        source="Reuters",
    )
    assert meeting.type == "meeting"


def test_the_day_of_a_statement_does_not_date_the_next_sentences_signing() -> None:
    engagements = found(
        "WASHINGTON, March 31 - French Prime Minister Jacques Chirac opened talks with "
        "President Ronald Reagan. Speaking last night, Chirac set out the French position. "
        "Reagan and Chirac meanwhile signed an agreement ending a dispute over patent rights.",
        date="1987-03-31",
        source="Reuters",
    )
    signing = next(e for e in engagements if e.type == "signing")
    assert signing.date == "1987-03-31", engagements


@pytest.mark.parametrize(
    ("body", "host", "date"),
    [
        ("Britain's Prince Charles and Princess Diana went to Saudi Arabia in November.",
         "SAU", "1986-11"),
        ("World Bank President Barber Conable, who flew to Indonesia yesterday from Tokyo, "
         "will meet with President Suharto.", "IDN", "1987-03-20"),
    ],
)  # fmt: skip
def test_went_and_flew_to_a_country_are_trips(body: str, host: str, date: str) -> None:
    visit = only(body, date="1987-03-21", source="Reuters")
    assert visit.type == "visit" and host in visit.countries and visit.date == date, visit


def test_those_whose_planned_meeting_it_is_are_named_before_it() -> None:
    meeting = only(
        "The Secretary noted Pashinyan’s and Aliyev’s planned meeting April 6 with European "
        "Council President Michel.",
        date="2022-04-05",
    )
    assert meeting.status == "planned" and meeting.date == "2022-04-06"
    assert ("ARM", "Pashinyan") in meeting.participants and meeting.orgs == ("EU",)


def test_a_trip_the_sentence_calls_off_is_none() -> None:
    assert not found(
        "Volker also worked on President Trump's planned trip to Warsaw, which was cancelled.",
        source="Wikinews",
        date="2019-09-30",
    )


@pytest.mark.parametrize(
    "body",
    [
        "Acting Special Envoy John T. Godfrey travels from Iraq to Rome today.",
        "Special Envoy John Godfrey flew from Baghdad to Rome today.",
    ],
)
def test_a_trip_from_one_country_to_another_visits_where_it_goes(body: str) -> None:
    visit = only(body, date="2021-06-27")
    assert (visit.type, visit.place, set(visit.countries)) == ("visit", "Rome", {"USA", "ITA"})


def test_a_forum_a_trip_goes_to_is_its_own_engagement_there_and_then() -> None:
    engagements = found(
        "On March 22-24, Secretary Kerry will travel to Paris, France, to participate in the "
        "International Energy Agency 2022 Ministerial Meeting. Secretary Kerry will travel to "
        "Doha, Qatar, March 25-27, to attend the Doha Forum.",
        date="2022-03-17",
    )
    forums = {
        (e.place, e.date, e.countries, e.orgs) for e in engagements if e.type == "multilateral"
    }
    assert forums == {
        ("Paris", "2022-03-22", ("USA",), ("IEA",)),
        ("Doha", "2022-03-25", ("USA", "QAT"), ()),
    }, engagements
    assert {e.place for e in engagements if e.type == "visit"} == {"Paris", "Doha"}


def test_an_events_name_is_not_its_place() -> None:
    engagements = found(
        "On June 17, Assistant Secretary Donfried will visit Tbilisi, Georgia, where she will "
        "give remarks at the Tbilisi Women’s International Conference organized by President "
        "Salome Zourabichvili.",
        date="2022-06-10",
    )
    assert {e.type for e in engagements} == {"visit", "multilateral"}
    assert {e.place for e in engagements} == {"Tbilisi"}, engagements


def test_who_heads_a_sides_team_takes_part_for_it() -> None:
    meeting = only(
        "LONDON, March 23 - Representatives from Nigeria are meeting today and tomorrow with "
        "officials of Britain's Export Credits Guarantee Department. Nigeria's official "
        "debts to the U.K. are estimated at 2.5 billion dlrs. The Nigerian team, "
        "headed by Finance Minister Che Okongwu and Central Bank Governor Abdulkadir Ahmed, "
        "expects progress.",
        date="1987-03-23",
        source="Reuters",
    )
    assert set(meeting.countries) == {"NGA", "GBR"}
    assert {("NGA", "Che Okongwu"), ("NGA", "Abdulkadir Ahmed")} <= set(meeting.participants)


def test_a_scheduled_dialogue_is_planned() -> None:
    dialogue = only(
        "The United States and the Organization of Islamic Cooperation (OIC) will hold a "
        "strategic dialogue in Washington, D.C., May 23-24."
    )
    assert (dialogue.type, dialogue.status, dialogue.date) == (
        "consultations",
        "planned",
        "2022-05-23",
    )


def test_sides_are_not_every_country_mentioned() -> None:
    """Sherman's meeting with Greenland's premier is not a USA-Ukraine engagement."""
    meeting = only(
        "Deputy Secretary Sherman met today with Greenland Prime Minister Egede to discuss "
        "Russia's war against Ukraine."
    )
    assert set(meeting.countries) == {"USA", "GRL"}


@pytest.mark.parametrize(
    ("phrase", "published", "future", "expected"),
    [
        ("yesterday", "2022-07-29", False, "2022-07-28"),
        ("on Monday", "2022-07-29", False, "2022-07-25"),
        ("on Monday", "2022-07-29", True, "2022-08-01"),
        ("July 23-25", "2021-07-25", False, "2021-07-23"),
        ("from March 4 to 11", "2022-03-10", True, "2022-03-04"),
        ("in August 2021", "2022-05-18", False, "2021-08"),
        ("last month", "1987-03-10", False, "1987-02"),
        ("June 3", "1987-03-04", True, "1987-06-03"),
        ("December 15", "2022-01-10", False, "2021-12-15"),
        ("in late July", "2019-09-25", False, "2019-07"),
        ("last year", "1987-03-22", False, "1986"),
        # "This year" is a year's precision, no more: a summit "due late this year".
        ("late this year", "1987-03-17", True, "1987"),
        ("earlier this year", "1987-03-24", False, "1987"),
        ("in 2015", "2020-01-12", False, "2015"),
        # A month "of" a year, a season or part of a year.
        ("in June of 2021", "2022-07-15", False, "2021-06"),
        ("in the fall of 2021", "2022-07-15", False, "2021"),
        ("for late 2021", "2021-06-24", True, "2021"),
        # A week is no day: its month, when it lies in one; a weekend story's "this week"
        # is the week to come.
        ("last week", "1987-06-29", False, "1987-06"),
        ("this week", "1987-06-17", False, "1987-06"),
        ("this week", "1987-03-29", True, None),
        ("last week", "1987-07-06", False, None),
        # Its working days in one month (reuters21578-2553: "last week's ICO meeting").
        ("last week", "1987-03-04", False, "1987-02"),
        ("last week", "1988-04-06", False, "1988-03"),
        # The end of a month or year (reuters21578-16631: "prepares to visit Washington at
        # the end of the month").
        ("at the end of the month", "1987-04-13", True, "1987-04"),
        ("at the beginning of next month", "1987-12-13", True, "1988-01"),
        ("by the end of the year", "2021-08-05", True, "2021"),
        # A month named as the engagement's, and a month and year with a comma between.
        ("at the December conference", "1987-03-11", False, "1986-12"),
        ("at OPEC's September meeting", "1987-03-11", True, "1987-09"),
        ("after February's agreement", "1987-03-11", False, "1987-02"),
        ("in April, 1986", "1987-06-29", False, "1986-04"),
        # A weekend is its Saturday: the one just past, or the next for what is to come
        # (reuters21578-19582, -10640).
        ("during a brief weekend visit", "1987-06-29", False, "1987-06-27"),
        ("at the weekend", "1987-06-27", False, "1987-06-27"),
        ("last weekend", "1987-03-23", False, "1987-03-21"),
        ("this weekend", "1987-06-24", True, "1987-06-27"),
        ("next weekend", "1987-06-27", True, "1987-07-04"),
        ("this weekend", "1987-06-28", True, "1987-06-27"),
        # A year named as the engagement's (reuters21578-17373).
        ("at the ADB's 1989 meeting", "1987-04-29", True, "1989"),
        ("at the 1988 annual meeting", "1987-04-29", True, "1988"),
        # A month named as an engagement's, its name between (reuters21578-3070).
        (
            "before the July United Nations Conference on Trade and Development meeting",
            "1987-03-14",
            True,
            "1987-07",
        ),
        # "Since" looks back, in an announcement too (statedept-2022-07-06-862c7f8a22).
        ("since October", "2022-07-06", True, "2021-10"),
        ("since early March", "2022-07-06", True, "2022-03"),
        # The coming month, told without a future (reuters21578-8608: "before the two
        # countries open trade talks in late April"); further ahead, the past one.
        ("in late April", "1987-03-24", False, "1987-04"),
        ("in January", "1987-12-20", False, "1988-01"),
        ("in June", "1987-03-24", False, "1986-06"),
        # A month with its year said in words (statedept-2022-05-02-2b75e467e4).
        ("in June of last year", "2022-05-02", False, "2021-06"),
        ("in March this year", "2022-05-02", False, "2022-03"),
        ("in June of next year", "2022-05-02", True, "2023-06"),
        # "towards the end of 2022" (statedept-2022-04-22-b9a1d87003): its year.
        ("towards the end of 2022", "2022-04-22", True, "2022"),
        # A time of day and no day (reuters21578-15048: "is expected to begin around 3 p.m.
        # local time"): the story's own day.
        ("around 3 p.m. local time", "1987-04-08", True, "1987-04-08"),
        ("at 1500 GMT", "1987-04-01", True, "1987-04-01"),
        ("for 1900 hours local", "1987-03-02", True, "1987-03-02"),
    ],
)
def test_dates_resolved_against_publication(
    phrase: str, published: str, future: bool, expected: str | None
) -> None:
    text = f"They met {phrase}."
    (when,) = date_phrases(text, 0, len(text), parse_published(published), future=future)
    assert when.date == expected


@pytest.mark.parametrize(
    "text", ["The parties may hold talks.", "They may meet.", "Talks may resume in the autumn."]
)
def test_may_the_verb_is_no_month(text: str) -> None:
    assert not date_phrases(text, 0, len(text), parse_published("1987-03-11"))


def test_a_time_of_day_gives_way_to_a_day_said() -> None:
    text = "The ministers will meet on Monday at 1500 GMT."
    (when,) = date_phrases(text, 0, len(text), parse_published("1987-04-01"), future=True)
    assert when.date == "1987-04-06"


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.text(
        alphabet=st.sampled_from(list("ab .,;:-–()'’\nMetVisTravelspoke with to in")), max_size=200
    )
)
def test_never_raises(text: str) -> None:
    find_engagements(text, [(0, len(text))] if text else [], date="2022-01-01")


def test_a_trip_of_several_stops_and_an_audience_in_between() -> None:
    engagements = found(
        "WASHINGTON, March 4 - President Reagan will visit Rome and West Berlin during a trip "
        "to Europe in June. The announcement said Reagan and Nancy Reagan would be in Rome from "
        "June 3 to 6 as the guests of President Francesco Cossiga and would have an audience "
        "with Pope John Paul II on June 6. After the June 8-10 summit, Reagan will travel to "
        "West Berlin on June 12 and will meet West German Chancellor Helmut Kohl in Bonn.",
        date="1987-03-04",
        source="Reuters",
    )
    got = {(e.type, e.status, e.date, frozenset(e.countries)) for e in engagements}
    assert ("visit", "planned", "1987-06-03", frozenset({"USA", "ITA"})) in got
    assert ("visit", "planned", "1987-06-12", frozenset({"USA", "BRD"})) in got
    assert ("meeting", "planned", "1987-06-06", frozenset({"USA", "VAT"})) in got


def test_trilateral_cooperation_is_not_a_meeting_but_deciding_to_meet_is_planned() -> None:
    engagements = found(
        "Deputy Secretary Sherman, Japan Vice Foreign Minister Mori Takeo and Republic of Korea "
        "First Vice Foreign Minister Cho Hyundong met today in Seoul. ROK-U.S.-Japan trilateral "
        "cooperation demonstrates that democracies can build a better future, and the Vice "
        "Foreign Ministers and the Deputy Secretary decided to meet in Tokyo to continue their "
        "regular trilateral consultations.",
        date="2022-06-08",
    )
    statuses = sorted((e.status, e.place) for e in engagements)
    assert statuses == [("main", "Seoul"), ("planned", "Tokyo")]


def test_the_month_may_is_not_the_verb() -> None:
    (summit,) = found(
        "This round of the EDD follows the May 2022 U.S.-Japan Leaders’ Summit, during which "
        "President Biden spoke.",
        date="2022-06-24",
    )
    assert (summit.status, summit.date, set(summit.countries)) == (
        "background",
        "2022-05",
        {"USA", "JPN"},
    )
    assert found("Secretary Blinken may meet Foreign Minister Lavrov of Russia.") == ()


def test_a_meeting_during_a_trip_is_the_trip() -> None:
    (visit,) = found(
        "U.S. Special Envoy for Yemen Tim Lenderking arrived in Saudi Arabia today, where he "
        "will meet with officials from the Saudi and Yemeni governments.",
        date="2021-07-27",
    )
    assert visit.type == "visit" and {"USA", "SAU", "YEM"} <= set(visit.countries)


def test_the_host_of_an_organisations_meeting_takes_part() -> None:
    (ministerial,) = found(
        "The Permanent Representative met officials ahead of the December 2021 UN "
        "Peacekeeping Ministerial in Seoul, Korea.",
        date="2021-07-22",
    )
    assert (ministerial.type, ministerial.status, ministerial.date) == (
        "multilateral",
        "planned",
        "2021-12",
    )
    # (and the publisher's delegation: a UN gathering in the government's own text)
    assert ministerial.countries == ("KOR", "USA") and ministerial.orgs == ("UN",)


# --------------------------------------------------------------------------- dev2 failures


@pytest.mark.parametrize(
    ("body", "kind", "status", "date", "countries"),
    [
        (
            "Assistant Secretary Lu received a courtesy call from the Ambassador of Kazakhstan, "
            "Yerzhan Ashikbayev.",
            "meeting",
            "main",
            None,
            {"USA", "KAZ"},
        ),
        (
            "Secretary Blinken welcomed Philippine Foreign Secretary Teodoro Locsin to Washington "
            "for talks on the alliance.",
            "visit",
            "main",
            None,
            {"USA", "PHL"},
        ),
        (
            "Secretary Blinken looks forward to welcoming Foreign Minister Wang Yi to Washington "
            "later this month.",
            "visit",
            "planned",
            "2022-05",
            {"USA", "CHN"},
        ),
        (
            "Talks between the United States and Japan on rice will resume in Geneva next week, "
            "officials said.",
            "consultations",
            "planned",
            "2022-05-23",
            {"USA", "JPN"},
        ),
        (
            "On October 6, US President Donald Trump and Turkish President Recep Tayyip Erdoğan "
            "spoke on the phone about Syria.",
            "call",
            "background",
            "2021-10-06",
            {"USA", "TUR"},
        ),
        (
            "The announcement was made after Trump had a phone conversation with Turkish "
            "President Recep Tayyip Erdoğan on Sunday.",
            "call",
            "main",
            "2022-05-15",
            {"USA", "TUR"},
        ),
        (
            "Last week the White House released a summary of a phone call made by President "
            "Trump late last July to Ukrainian President Volodymyr Zelensky.",
            "call",
            "background",
            "2021-07",
            {"USA", "UKR"},
        ),
        (
            "On March 10, Special Representative for the DPRK Sung Kim called PRC Special "
            "Representative on Korean Peninsula Affairs Liu Xiaoming to discuss the DPRK’s "
            "February 26 and March 4 ballistic missile launches.",
            "call",
            "background",
            "2022-03-10",
            {"USA", "CHN"},
        ),
    ],
)
def test_engagements_found_in_a_second_development_set(
    body: str, kind: str, status: str, date: str | None, countries: set[str]
) -> None:  # fmt: skip
    engagement = only(body)
    assert (engagement.type, engagement.status, engagement.date) == (kind, status, date)
    assert set(engagement.countries) == countries


def test_an_organisations_named_meeting_taken_part_in_is_multilateral_and_held_where_it_says() -> (
    None
):
    meeting = only(
        "Secretary Blinken participated in the G7 Foreign Ministers' Meeting in Weissenhaus, "
        "Germany, on May 14."
    )
    assert (meeting.type, meeting.orgs, meeting.date) == ("multilateral", ("G7",), "2022-05-14")
    assert meeting.place == "Weissenhaus, Germany"


def test_an_engagement_due_to_begin_is_planned_past_an_initials_dot() -> None:
    # reuters21578-17084: "China-U.S." does not end the subject of "are due to begin".
    (talks,) = found(
        "PEKING, April 24 - China's textile exports rose. Negotiations on the next China-U.S. "
        "Textile agreement are due to begin in May, he said.",
        date="1987-04-24",
    )
    assert (talks.type, talks.status, talks.date) == ("consultations", "planned", "1987-05")


def test_a_stay_for_talks_or_on_a_leg_of_a_tour_is_a_visit() -> None:
    # reuters21578-1809, -2545: "in Washington for trade talks", "in Rome on the fifth leg".
    (visit,) = found(
        "WASHINGTON, March 4 - Belgian Trade Minister Herman De Croo said the community would "
        "retaliate. De Croo was also in Washington for trade talks.",
        date="1987-03-04",
        source="Reuters",
    )
    assert (visit.type, visit.countries, visit.date) == ("visit", ("BEL", "USA"), "1987-03-04")
    (visit,) = found(
        "ROME, March 5 - Brazilian Finance Minister Dilson Funaro, who is in Rome on the fifth "
        "leg of a tour to seek governmental support, spoke.",
        date="1987-03-05",
        source="Reuters",
    )
    assert (visit.type, visit.place) == ("visit", "Rome")


def test_a_trip_under_way_where_the_story_is_filed_is_dated_by_it() -> None:
    # reuters21578-740: filed from London; neither the moratorium's date before it, nor
    # the spring meetings in Washington after it, are the trip's.
    engagements = found(
        "LONDON, March 2 - Brazilian Finance Minister Dilson Funaro rejected a U.K. suggestion. "
        "The crisis started when Brazil suspended interest payments on February 20. Funaro "
        "was in Britain on the first leg of a tour of European capitals. Chancellor of the "
        "Exchequer Nigel Lawson would officially state his position when the two meet again "
        "next month for the IMF and World Bank spring meetings in Washington, Funaro said.",
        date="1987-03-02",
        source="Reuters",
    )
    by_type = {e.type: e for e in engagements}
    visit, spring = by_type["visit"], by_type["multilateral"]
    assert (visit.date, visit.place, visit.orgs) == ("1987-03-02", "Britain", ())
    assert (spring.status, spring.date, spring.place) == ("planned", "1987-04", "Washington")


def test_a_dialogue_that_was_held_is_one_theirs_or_dated_before_the_pair() -> None:
    # statedept-2022-04-28-6b5d87e39e, statedept-2022-03-08-f32a15a3b4.
    (dialogue,) = found(
        "The following is the text of a joint statement by the Governments of the United "
        "States of America and Iceland following their strategic dialogue in Reykjavik, "
        "Iceland on April 26.",
        date="2022-04-28",
    )
    assert (dialogue.type, set(dialogue.countries), dialogue.date) == (
        "consultations",
        {"USA", "ISL"},
        "2022-04-26",
    )
    (dialogue,) = found(
        "The Deputy Secretary and Foreign Minister discussed human rights, building on the "
        "productive September 2021 U.S.-Morocco dialogue on human rights.",
        date="2022-03-08",
    )
    assert (dialogue.status, set(dialogue.countries), dialogue.date) == (
        "background",
        {"USA", "MAR"},
        "2021-09",
    )
    # "their" first meeting of two people is no talks between countries.
    assert (
        found(
            'Ryan Coogler wrote of Boseman, "I noticed then that he was an anomaly", recalling '
            "their first meeting.",
            date="2020-09-02",
        )
        == ()
    )


def test_a_meeting_whose_occasion_is_a_forum_named_first_is_a_meeting() -> None:
    # statedept-2022-05-08-7aadd1fd4d; a forum two countries co-host stays the forum.
    (meeting,) = found(
        "Ahead of the World Health Assembly, Assistant Secretary Sison will also meet with the "
        "Director-General of the Taipei Economic and Cultural Office, Nicole Su.",
        date="2022-05-08",
    )
    assert (meeting.type, set(meeting.countries)) == ("meeting", {"USA", "TWN"})
    (forum,) = found(
        "At the Our Ocean Conference held April 13-14 and co-hosted by the United States and "
        "Palau, the two countries met again.",
        date="2022-05-10",
    )
    assert forum.type == "multilateral"


def test_an_organisations_meeting_here_is_held_where_and_when_the_wire_files() -> None:
    # reuters21578-17234: "here" is the dateline's city, "the ADB's" no place, and the year
    # of loans later in the sentence no date of the meeting.
    (meeting,) = found(
        "OSAKA, Japan, April 27 - India expects to increase borrowing, an Indian official said. "
        "The official, a member of the Indian delegation at the ADB's annual meeting here, told "
        "Reuters the bank is likely to approve three loans in 1987.",
        date="1987-04-27",
        source="Reuters",
    )
    assert (meeting.type, meeting.place, meeting.date) == ("multilateral", "Osaka", "1987-04-27")


def test_a_meeting_of_a_joint_committee_of_two_organisations_is_theirs() -> None:
    # reuters21578-16051.
    (meeting,) = found(
        "WASHINGTON, April 9 - He said he would address the problem at tomorrow's meeting of "
        "the joint IMF-World Bank Development Committee.",
        date="1987-04-09",
        source="Reuters",
    )
    assert (meeting.type, meeting.status, meeting.date) == ("multilateral", "planned", "1987-04-10")


def test_a_trip_to_a_region_goes_where_the_sentence_then_places_it() -> None:
    # statedept-2021-06-01-bf3c8dfb96.
    engagements = found(
        "Secretary Antony J. Blinken is traveling to Central America on June 1-2, 2021 to "
        "engage with leaders from the region at a meeting of the Central American Integration "
        "System (SICA) in San Jose, Costa Rica.",
        date="2021-06-01",
    )
    (visit,) = [e for e in engagements if e.type == "visit"]
    assert (set(visit.countries), visit.date) == ({"USA", "CRI"}, "2021-06-01")


def test_his_meeting_told_after_that_is_his_and_the_two_countries_theirs() -> None:
    # reuters21578-20631: "that his meeting" is no demonstrative, "his" is Stoltenberg's,
    # and "the two countries" are the two the sentence names, not the G6 told before.
    engagements = found(
        "BONN, Oct 20 - Finance Minister Gerhard Stoltenberg and U.S. Treasury Secretary James "
        "Baker disagreed in February after the Louvre Accord of the Group of Six. Stoltenberg "
        "told the DIHT that his meeting on Monday with Baker had resolved differences between "
        "the two countries.",
        date="1987-10-20",
        source="Reuters",
    )
    (meeting,) = [e for e in engagements if e.type == "meeting"]
    assert (set(meeting.countries), meeting.orgs, meeting.date) == (
        {"BRD", "USA"},
        (),
        "1987-10-19",
    )


def test_a_bureau_in_an_office_is_no_place() -> None:
    # statedept-2022-06-08-577b3a8295.
    (meeting,) = found(
        "Deputy Assistant Secretary of State for Western Hemisphere Programs in the Bureau of "
        "International Narcotics and Law Enforcement Heidi Fulton met with Colombian Foreign "
        "Minister Marta Lucia Ramirez today.",
        date="2022-06-08",
    )
    assert meeting.place is None or "Bureau" not in meeting.place


def test_delegation_members_who_sign_are_both_delegations() -> None:
    # statedept-2022-05-03-14d6a4707c.
    engagements = found(
        "U.S. Secretary of State Antony J. Blinken hosted Armenian Foreign Minister Ararat "
        "Mirzoyan in Washington, D.C., to launch the U.S.-Armenia Strategic Dialogue on May 2, "
        "2022. During their time in Washington, delegation members signed a number of "
        "documents, including a Nuclear Cooperation Memorandum of Understanding.",
        date="2022-05-03",
    )
    (signing,) = [e for e in engagements if e.type == "signing"]
    assert set(signing.countries) == {"USA", "ARM"}


def test_calling_on_or_for_is_not_a_call() -> None:
    assert found("NATO allies today called on Russia to withdraw its troops.") == ()
    assert found("The minister called the decision a mistake and called for calm.") == ()


def test_a_delegation_led_to_a_list_of_countries_is_one_visit_each_dated_by_the_trip() -> None:
    visits = found(
        "Assistant Secretary of State for South and Central Asian Affairs Donald Lu will lead a "
        "U.S. delegation to Kyrgyz Republic, Uzbekistan, Tajikistan, and Kazakhstan May 23-27 "
        "to strengthen U.S. relations with the region.",
        date="2022-05-22",
    )
    assert sorted(v.countries for v in visits) == [
        ("USA", "KAZ"), ("USA", "KGZ"), ("USA", "TJK"), ("USA", "UZB")
    ]  # fmt: skip
    assert {(v.type, v.status, v.date) for v in visits} == {("visit", "planned", "2022-05-23")}


def test_a_list_of_countries_is_not_a_place_and_its_country() -> None:
    visits = found(
        "Special Envoy Lenderking returned on June 3 from travel to Saudi Arabia, Oman, the "
        "UAE, and Jordan.",
        date="2021-06-04",
    )
    assert sorted(v.countries[1] for v in visits) == ["ARE", "JOR", "OMN", "SAU"]


def test_each_stop_of_a_trip_keeps_its_own_day_over_the_trips_range() -> None:
    visits = found(
        "Dr. Karen Donfried will travel to Azerbaijan, Georgia, and Armenia June 14 to 19. "
        "Dr. Donfried will visit Baku, Azerbaijan, on June 15 and 16, where she will meet with "
        "President Ilham Aliyev. Assistant Secretary Donfried will then travel to Yerevan, "
        "Armenia, on June 18, where she will meet Prime Minister Nikol Pashinyan.",
        date="2022-06-10",
    )
    by_host = {v.countries[-1]: v.date for v in visits}
    assert by_host == {"AZE": "2022-06-15", "GEO": "2022-06-14", "ARM": "2022-06-18"}


def test_an_organisations_members_meeting_and_a_named_assembly() -> None:
    summit = only(
        "Leaders of African Union (AU) member states met in Niamey, Niger's capital, for an AU "
        "summit.",
        source="Wikinews",
    )
    assert (summit.type, summit.orgs, summit.place) == (
        "multilateral",
        ("African Union",),
        "Niamey",
    )
    assembly = only(
        "While in New York City to attend the United Nations General Assembly, Ukrainian "
        "President Volodymyr Zelensky met reporters.",
        source="Wikinews",
    )
    assert assembly.type == "multilateral" and "UKR" in assembly.countries
    assert found("The training session covered election security.") == ()
    assert found("The Kazakh National Assembly approved the law.") == ()


def test_last_night_is_yesterday_and_news() -> None:
    visit = found(
        "ABU DHABI, March 11 - Iranian Oil Minister Gholamreza Aqazadeh arrived last night "
        "after a brief stopover in Riyadh.",
        source="Reuters",
        date="1987-03-11",
    )[0]
    assert (visit.type, visit.status, visit.date) == ("visit", "main", "1987-03-10")


def test_an_announced_engagement_is_not_dated_by_a_past_event_in_its_sentence() -> None:
    talks = only(
        "The Saudi leader King Fahd will hold talks with Prime Minister Margaret Thatcher during "
        "the visit, his first to Britain since he assumed power in June 1982.",
        source="Reuters",
        date="1987-03-22",
    )
    assert (talks.status, talks.date) == ("planned", None)


def test_a_meeting_only_sought_is_not_an_engagement() -> None:
    assert (
        found("Volker also worked to arrange a meeting between Zelensky and Trump himself.") == ()
    )
    # statedept-2022-02-13-24e9a43b53: an offer to meet is not a meeting.
    assert (
        found(
            "Secretary Blinken emphasized that the United States underscored continued "
            "openness to meeting the DPRK without preconditions.",
            source=STATE,
        )
        == ()
    )


@pytest.mark.parametrize(
    ("body", "kind", "status", "date", "countries"),
    [
        (
            "Turkey and Greece had earlier had poor relations, but the leaders of the two "
            "countries spoke by telephone on Friday night.",
            "call",
            "main",
            "2020-11-06",
            {"TUR", "GRC"},
        ),
        (
            "LONDON, March 23 - Representatives from Nigeria are meeting today and tomorrow "
            "with officials of Britain's Export Credits Guarantee Department.",
            "meeting",
            "main",
            "2020-11-07",
            {"NGA", "GBR"},
        ),
        (
            "WASHINGTON, March 31 - Undersecretary of State Michael Armacost will visit Tokyo "
            "next week for meetings with high-level officials.",
            "visit",
            "planned",
            "2020-11-09",
            {"USA", "JPN"},
        ),
    ],
)
def test_engagements_of_a_third_development_set(
    body: str, kind: str, status: str, date: str, countries: set[str]
) -> None:  # fmt: skip
    engagement = only(body, source="Reuters", date="2020-11-07")
    assert (engagement.type, engagement.status, engagement.date) == (kind, status, date)
    assert set(engagement.countries) == countries


@pytest.mark.parametrize(
    "body",
    [
        "Deputy Secretary Sherman highlighted U.S. preparedness to meet the DPRK without "
        "preconditions.",
        "She also emphasized the importance of trilateral U.S.-Japan-ROK cooperation on the DPRK.",
    ],
)
def test_readiness_to_meet_and_trilateral_cooperation_are_not_engagements(body: str) -> None:
    assert found(body) == ()


def test_a_tour_already_made_this_evenings_trip_and_a_quoted_date() -> None:
    trips = found(
        "Brazilian Finance Minister Dilson Funaro said his trip, which has already taken him "
        "to London, Paris and Bonn, was "
        "useful. Funaro, who travels to Italy this evening, said talks would go on.",
        source="Reuters",
        date="1987-03-04",
    )
    assert {(v.countries[1], v.status) for v in trips} == {
        ("GBR", "background"), ("FRA", "background"), ("BRD", "background"), ("ITA", "planned")
    }  # fmt: skip
    visit = only(
        '"We must get Brexit done by October 31st", Prime Minister Boris Johnson said in a video '
        "statement released in conjunction with a visit to Ireland with Taoiseach Leo Varadkar.",
        source="Wikinews",
        date="2019-09-11",
    )
    assert (visit.type, visit.status, visit.date) == ("visit", "main", None)
    assert set(visit.countries) == {"GBR", "IRL"}


def test_expected_to_see_a_minister_is_a_meeting_but_seeing_someone_as_is_not() -> None:
    meeting = only(
        "The Treasury Secretary James Baker is expected to see Japanese Finance Minister "
        "Kiichi Miyazawa on Tuesday.",
        source="Reuters",
    )
    assert (meeting.type, meeting.status) == ("meeting", "planned")
    assert found("Analysts saw President Putin's move as a threat.", source="Reuters") == ()


def test_calling_someones_order_something_is_not_a_call() -> None:
    assert (
        found(
            "Israeli Prime Minister Benjamin Netanyahu found the air strike justified and called "
            "President Donald Trump's order swift.",
            source="Wikinews",
        )
        == ()
    )


def test_an_agreement_signed_earlier_is_a_background_signing_of_its_parties() -> None:
    body = (
        "Japan and the United States will hold talks on chips next week, Japanese and U.S. "
        "officials said. U.S. officials said Tokyo failed to live up to a pact on microchip "
        "trade signed last September, angering President Reagan. Japan denied it."
    )
    signing = [e for e in found(body, source="Reuters", date="1987-03-31") if e.type == "signing"]
    assert len(signing) == 1
    assert set(signing[0].countries) == {"JPN", "USA"}
    assert (signing[0].status, signing[0].date) == ("background", "1986-09")
    assert signing[0].participants == ()  # Reagan is named, but did not sign it here


def test_an_agreement_signed_between_two_named_countries() -> None:
    body = "Greece protested. The maritime deal signed in 2019 between Turkey and Libya angered it."
    (signing,) = [
        e for e in found(body, source="Reuters", date="2020-01-11") if e.type == "signing"
    ]
    assert set(signing.countries) == {"TUR", "LBY"}
    assert (signing.status, signing.date) == ("background", "2019")


def test_a_signing_clause_of_its_own_is_no_passive_signing() -> None:
    # "an agreement, ... signed": the agreement is not what was signed.
    body = "After the agreement, the two ministers signed autographs for students in Berlin."
    assert not [e for e in found(body, source="Reuters") if e.type == "signing"]


def test_a_contract_between_companies_is_no_signing_of_officials() -> None:
    body = (
        "Ambassador Richard Norland visited Tripoli, Libya July 26 where he met with Prime "
        "Minister Abdulhamid Dabaiba and attended a signing ceremony for a telecommunications "
        "contract between Libyan company Hatif and U.S. company Infinera."
    )
    assert [e.type for e in found(body, date="2021-07-26")] == ["visit"]


def test_those_who_accompany_a_participant_take_part_on_the_same_side() -> None:
    body = (
        "Ambassador Richard Norland visited Tripoli, Libya July 26 where he met with Prime "
        "Minister Abdulhamid Dabaiba. Ambassador Norland underscored the need for elections. "
        "Ambassador Norland was accompanied by Deputy Assistant Secretary of Treasury Eric Meyer."
    )
    visit = only(body, date="2021-07-26")
    assert ("USA", "Eric Meyer") in visit.participants


def test_the_members_of_a_delegation_listed_after_it() -> None:
    body = (
        "Assistant Secretary Donald Lu will lead a U.S. delegation to Uzbekistan May 23-27. "
        "The delegation is comprised of Deputy Assistant Secretary of Defense Rebecca "
        "Zimmerman and Senior Director Eric Green."
    )
    visit = only(body, date="2022-05-22")
    assert {name for side, name in visit.participants if side == "USA"} >= {
        "Donald Lu",
        "Rebecca Zimmerman",
    }


def test_a_headline_and_a_body_naming_a_forums_members_differently_are_one() -> None:
    engagements = found(
        # A State Department readout (public domain), 28 February 2022.
        "Secretary of State Antony J. Blinken spoke today with the G7 Foreign Ministers of "
        "Canada, France, Germany, Italy, Japan, the United Kingdom, and the High "
        "Representative of the European Union. They were joined by the Foreign Minister of "
        "Ukraine to discuss the global response to Russia’s attack on Ukraine.",
        title="Secretary Blinken’s Call with G7 Foreign Ministers and Ukraine Foreign Minister Kuleba",
        date="2022-02-28",
    )
    assert [e.type for e in engagements] == ["multilateral"]


def test_a_meeting_of_the_group_of_seven_is_one_of_its_members() -> None:
    body = (
        "Dealers squared positions ahead of Wednesday's meeting of the finance ministers and "
        "central bankers of the top seven industrialized nations in Washington."
    )
    (meeting,) = found(body, source="Reuters", date="1987-04-08")
    assert meeting.type == "multilateral"
    # West Germany in 1987, by the gazetteer's successions.
    assert set(meeting.countries) == {"CAN", "BRD", "FRA", "GBR", "ITA", "JPN", "USA"}
    assert meeting.orgs == ("G7",)


def test_a_private_person_travelling_is_no_visit() -> None:
    # A story set in Saudi Arabia: the setting gives her that country, not an office.
    body = (
        "Saudi Arabia denied the charges again, Saudi officials said in Riyadh. Hatice "
        "Cengiz traveled to New York for the United Nations General Assembly."
    )
    assert not [e for e in found(body, source="Wikinews", date="2019-09-29") if e.type == "visit"]


# Forty-odd sentences around the engagement (`LONG_TEXT`): a long text.
_FILLER = " ".join(f"Paragraph {n} of the story adds background on the economy." for n in range(45))


def test_a_long_news_story_keeps_what_one_side_attended() -> None:
    """A long news story reports an engagement with one side's people named; a
    government's long briefing or speech mentioning one in passing does not count it."""
    body = (
        "Ukrainian President Volodymyr Zelensky spoke to the press. "
        "While in New York City to attend the United Nations General Assembly, President "
        f"Zelensky told reporters nobody could put pressure on him. {_FILLER}"
    )
    assembly = only(body, source="Wikinews", date="2019-09-30")
    # (the UN General Assembly's high-level week: a known meeting, placed as listed)
    assert (assembly.type, assembly.place, assembly.date) == (
        "multilateral",
        "New York",
        "2019-09-24",
    )
    assert (assembly.countries, assembly.orgs) == (("UKR",), ("UN",))  # the UN's organ
    assert found(body, source=STATE) == ()


@pytest.mark.parametrize(
    ("told", "expected"),
    [
        # statedept-2021-06-24-fa0800aee4: a press briefing's own official, by title
        (
            "The Secretary departs this evening for Paris where he will continue his "
            "discussion with European leaders.",
            ("visit", "2021-06-24", {"USA", "FRA"}),
        ),
        (
            "The Deputy Secretary met with Indian Foreign Secretary Shringla today.",
            ("meeting", "2021-06-24", {"USA", "IND"}),
        ),
    ],
)
def test_a_long_briefing_keeps_what_its_own_official_did(told: str, expected) -> None:
    opening = "MS PORTER: Good afternoon. I have three updates at the top. First, on travel."
    told_of = only(f"{opening} {told} {_FILLER}", title="Press Briefing", date="2021-06-24")
    assert (told_of.type, told_of.date, set(told_of.countries)) == expected
    # A journalist's question about it is still a passing mention.
    assert found(f"{opening}\nQUESTION: Did you know? {told} {_FILLER}", date="2021-06-24") == ()


@pytest.mark.parametrize(
    ("said", "expected"),
    [
        # statedept-2022-03-27-2cc77e794b: the speaker's trip to come, as their trips made
        (
            "Later today I’ll travel to Ramallah to meet with President Abbas.",
            ("planned", ("USA", "PSE"), "2022-03-27"),
        ),
        ("Tomorrow I will travel to Jordan.", ("planned", ("USA", "JOR"), "2022-03-28")),
        ("Last week I traveled to Jordan.", ("background", ("USA", "JOR"), "2022-03")),
    ],
)
def test_the_speakers_own_trip(said: str, expected) -> None:
    visit = only(f"SECRETARY BLINKEN: Thank you. {said}", date="2022-03-27")
    assert (visit.type, (visit.status, visit.countries, visit.date)) == ("visit", expected)


def test_a_trip_to_a_region_and_a_country_goes_to_the_country() -> None:
    # reuters21578-20925: the region is no country, the list goes on to one.
    visit = only(
        "WASHINGTON, Oct 19 - U.S. Treasury Secretary James Baker was scheduled to visit "
        "Scandinavia and Belgium this week.",
        date="1987-10-19",
        source="Reuters",
    )
    assert (visit.type, visit.status, visit.countries) == ("visit", "planned", ("USA", "BEL"))


@pytest.mark.parametrize(
    ("body", "date", "expected"),
    [
        # reuters21578-12776
        (
            "TOKYO, March 31 - Makoto Kuroda, who will head a Japanese team going to Washington "
            "next week for emergency talks on semiconductors, said he would try hard.",
            "1987-03-31",
            (("JPN", "USA"), "1987-04-06"),
        ),
        (
            "Russian Foreign Minister Sergei Lavrov’s going to Turkey on Wednesday.",
            "2022-06-06",
            (("RUS", "TUR"), "2022-06-08"),
        ),
    ],
)
def test_a_trip_told_as_going_to_a_place_is_ahead(body: str, date: str, expected) -> None:
    visit = only(body, date=date, source="Reuters")
    assert (visit.type, visit.status, (visit.countries, visit.date)) == (
        "visit",
        "planned",
        expected,
    )


def test_going_to_a_place_is_no_trip_of_things_or_of_the_past() -> None:
    assert found("Zenith will keep 600 jobs from going to Mexico.", source="Reuters") == ()
    assert found("The second time the Secretary ended up going to Ukraine.") == ()


@pytest.mark.parametrize(
    ("body", "date", "expected"),
    [
        # statedept-2022-07-29-e3abc47ced
        (
            "Secretary Blinken will first head to Phnom Penh, Cambodia on August 3rd.",
            "2022-07-29",
            ("planned", ("USA", "KHM"), "2022-08-03"),
        ),
        # statedept-2021-06-02-cb5c428c5c: a stay told with its day
        (
            "MR PRICE: And finally, Secretary Blinken was in Costa Rica yesterday and today.",
            "2021-06-02",
            ("main", ("USA", "CRI"), "2021-06-01"),
        ),
    ],
)
def test_a_trip_told_as_heading_to_or_being_in_a_place(body: str, date: str, expected) -> None:
    visit = only(body, date=date)
    assert (visit.type, (visit.status, visit.countries, visit.date)) == ("visit", expected)


@pytest.mark.parametrize(
    "body",
    [
        # Cattle sold by the head, a bill that heads to Congress: no one travels.
        "Exporters will sell 5,000 head to Turkey. The bill now heads to Congress.",
        # No day, no stay told: "was in Costa Rica" of a career or a past.
        "MR PRICE: Secretary Blinken was in Costa Rica in his youth.",
    ],
)
def test_no_trip_heading_to_or_being_in_a_place(body: str) -> None:
    assert found(body) == ()


def test_a_briefing_previews_its_own_secretarys_trip() -> None:
    # statedept-2022-07-06-862c7f8a22, -2022-06-22-bd7c1328c1: the trip of "the Secretary"
    # the briefing previews is the government's, still ahead, and no passing mention.
    opening = "MR PRICE: Thanks very much, and good afternoon, everyone. "
    visits = found(
        f"{opening}We’re pleased to have an opportunity to preview the Secretary’s upcoming "
        f"travel, departing tomorrow for Indonesia and Thailand. {_FILLER}",
        title="Briefing With Senior Officials",
        date="2022-07-06",
    )
    assert [(e.type, e.status, e.countries, e.date) for e in visits] == [
        ("visit", "planned", ("USA", "IDN"), "2022-07-07"),
        ("visit", "planned", ("USA", "THA"), "2022-07-07"),
    ]
    (berlin,) = found(
        f"{opening}We’re pleased to have an opportunity to preview the Secretary’s travel to "
        "Berlin, where he will take part in a food security ministerial on Friday.",
        date="2022-06-22",
    )
    assert (berlin.type, berlin.status, berlin.date) == ("visit", "planned", "2022-06-24")


def test_a_trip_in_a_briefings_title_is_kept_for_its_body_report() -> None:
    # statedept-2022-07-06-862c7f8a22: the headline's trip, merged with the body's report of
    # it, is the body's sentence, its official the subject: no passing mention. The day
    # "we announced" it is the announcement's, not the trip's.
    body = (
        "MR PRICE: Thanks very much for joining this afternoon. We have two speakers today. "
        "ASSISTANT SECRETARY KRITENBRINK: Thank you. As we announced just this morning, "
        "Secretary Blinken will travel to Bali, Indonesia, to attend the G20 foreign "
        f"ministers’ meeting. {_FILLER}"
    )
    visit = next(
        e
        for e in found(
            body, title="Briefing on the Secretary’s Travel to Indonesia", date="2022-07-06"
        )
        if e.type == "visit"
    )
    assert (visit.status, visit.countries, visit.date) == ("planned", ("USA", "IDN"), None)


def test_a_long_speech_keeps_a_named_summit_it_looks_ahead_to() -> None:
    # statedept-2022-02-14-96cca4dd5f: a named forum to come, told, not asked about
    body = (
        "SECRETARY BLINKEN: Good morning. Thank you all for joining. Let me start with the "
        f"numbers. {_FILLER} Our work today will help lay the groundwork for the next Global "
        "COVID-19 Summit, which President Biden will host later this spring."
    )
    summit = only(body, title="Remarks at the Global Action Plan Meeting", date="2022-02-14")
    assert (summit.type, summit.status, summit.countries) == ("multilateral", "planned", ("USA",))


def test_a_long_text_keeps_an_undated_summit_told_as_coming_soon() -> None:
    # statedept-2021-06-05-96a8ddb578: an organisation's summit, "soon", with no date
    body = (
        "MS BERBENA: Good morning. Thank you for joining. Let me start with the numbers. "
        f"{_FILLER} And we will be working very hard in the coming days as we are soon going "
        "into the G7 Summit."
    )
    summit = only(body, title="Press Briefing", date="2021-06-05")
    assert (summit.type, summit.status, summit.orgs) == ("multilateral", "planned", ("G7",))
    # Said of one held before, it stays a passing mention.
    assert found(body.replace("are soon going into", "came out of"), date="2021-06-05") == ()


def test_a_meet_and_greet_with_ones_own_staff_is_no_engagement() -> None:
    # statedept-2021-06-25-6f83ccd269 (and five more such headlines in the corpus)
    assert (
        found(
            "SECRETARY BLINKEN: Thank you all very much for everything you do.",
            title="Secretary Antony J. Blinken Meet and Greet with U.S Mission France Staff",
        )
        == ()
    )


def test_a_security_council_meeting_engages_the_un_as_one_side() -> None:
    """An organ credits its organisation: one side (the organ and the UN are not two)."""
    meeting = only(
        "Kazakh Foreign Minister Mukhtar Tileuberdi attended the UN Security Council meeting "
        "in New York on Monday.",
        source="Kazinform",
    )
    assert (meeting.countries, meeting.orgs) == (("KAZ",), ("UN",))
    assert found("The UN Security Council met in New York on Monday.", source="Kazinform") == ()


@pytest.mark.parametrize(
    ("body", "place", "country", "date"),
    [
        (
            "Special Envoy for Yemen Timothy Lenderking will travel on July 28 to Kuwait City "
            "where he will meet with senior Kuwaiti officials.",
            "Kuwait City",
            "KWT",
            "2021-07-28",
        ),
        ("Secretary Blinken will travel on Monday to Kyiv, Ukraine.", "Kyiv", "UKR", "2021-07-26"),
    ],
)
def test_when_said_between_a_trip_and_where_it_goes(
    body: str, place: str, country: str, date: str
) -> None:
    visit = only(body, date="2021-07-23")
    assert (visit.type, visit.status, visit.place, visit.date) == ("visit", "planned", place, date)
    assert set(visit.countries) == {"USA", country}


def test_joining_representatives_of_countries_on_a_trip_is_held_there_then() -> None:
    """ "he will join representatives from ...": "he" is the traveller the paragraph named
    first, and the meeting is held on the trip's stop at one of the countries."""
    engagements = found(
        "Under Secretary of State Jose W. Fernandez will travel to Tegucigalpa, Honduras, on "
        "March 17 and San José, Costa Rica, on March 19 to engage with government officials. "
        "He will meet civil society groups. "
        "Additionally, he will join representatives from Costa Rica, Panama, Colombia, and "
        "Ecuador to discuss the Eastern Tropical Pacific Marine Corridor.",
        date="2022-03-16",
    )
    forum = next(e for e in engagements if e.type == "multilateral")
    assert set(forum.countries) == {"USA", "CRI", "PAN", "COL", "ECU"}
    assert ("USA", "Jose W. Fernandez") in forum.participants
    assert (forum.status, forum.date, forum.place) == ("planned", "2022-03-19", "San José")


def test_he_is_the_subject_named_before_not_the_last_name_listed() -> None:
    engagements = found(
        "Secretary Blinken hosted a reception attended by Panamanian President Laurentino "
        "Cortizo. Later, he met with Japanese Foreign Minister Hayashi Yoshimasa.",
        date="2022-06-10",
    )
    meeting = next(e for e in engagements if set(e.countries) == {"USA", "JPN"})
    assert ("USA", "Blinken") in meeting.participants
    assert not any(set(e.countries) == {"PAN", "JPN"} for e in engagements)


def test_he_said_and_a_pronoun_of_another_paragraph_name_no_one() -> None:
    # In a news story, and in a transcript's turns, "he" stays in its paragraph (a
    # government's own announcement goes on with its official: see the trip below).
    wire = (
        "Secretary Blinken spoke about the war.\n\nHe will join officials of Poland for the summit."
    )
    assert found(wire, date="2022-06-10", source=None) == ()
    transcript = (
        "SECRETARY BLINKEN: Thank you all.\n\nQUESTION: Deputy Secretary Sherman spoke about the "
        "war.\n\nHe will join officials of Poland for the summit?"
    )
    assert found(transcript, date="2022-06-10") == ()


def test_a_summit_on_the_trip_includes_those_named_after_which_and_the_traveller() -> None:
    engagements = found(
        "Under Secretary Fernandez will travel to San José, Costa Rica, on March 19, where he "
        "will support regional integration through a Summit of the Alliance for Development "
        "in Democracy (ADD), which will include President Carlos Alvarado of Costa Rica and "
        "President Luis Abinader of the Dominican Republic.",
        date="2022-03-16",
    )
    summit = next(e for e in engagements if e.type == "multilateral")
    assert {"USA", "CRI", "DOM"} <= set(summit.countries)
    assert (summit.date, summit.place) == ("2022-03-19", "San José")


def test_a_headline_at_a_signing_is_the_remarks_made_there() -> None:
    signing = only(
        "Brussels, Belgium\n\nSECRETARY BLINKEN: Well, thank you, Mr. Prime Minister.",
        title="Secretary Antony J. Blinken and Albanian Prime Minister Edi Rama At a Signing "
        "of a Memorandum of Understanding",
        date="2021-06-13",
    )
    assert (signing.type, signing.status, signing.date) == ("signing", "main", "2021-06-13")
    assert signing.place == "Brussels, Belgium"
    assert ("ALB", "Edi Rama") in signing.participants


@pytest.mark.parametrize(
    ("body", "members"),
    [
        (
            "Secretary Blinken will attend the Quad Foreign Ministers' Meeting in Melbourne.",
            {"AUS", "IND", "JPN", "USA"},
        ),
        (
            "The group was first established as an outcome of the June 2016 North American "
            "Leaders’ Summit.",
            {"CAN", "MEX", "USA"},
        ),
        (
            "The Secretary welcomed the outcome of the Negev Summit.",
            {"ARE", "BHR", "EGY", "ISR", "MAR", "USA"},
        ),
    ],
)
def test_a_forum_of_fixed_membership_is_one_of_its_members(body: str, members: set[str]) -> None:
    forum = only(body, date="2022-05-16")
    assert forum.type == "multilateral"
    assert members <= set(forum.countries)


@pytest.mark.parametrize(
    "body",
    [
        # Asked for, not held.
        "The Members of the Permanent Forum on Indigenous Issues issued recommendations in "
        "2018 urging Canada, Mexico, and the United States to organize an international "
        "expert group meeting by 2021.",
        # A channel of cooperation, not one round of it.
        "The United States and Kuwait continue to strengthen bilateral cooperation in trade "
        "through the U.S.-Kuwait Strategic Dialogue.",
        # An event named after a country: no Iraqi side.
        "Adam Kokesh, an Iraq War veteran and activist, spoke with Wikinews about his campaign.",
        # A private trip: for medical care.
        "Secretary Blinken sent his best wishes as President Cortizo of Panama travels to the "
        "United States for further care.",
        # A word of an office, not an assembly held.
        "Speaker of the National Assembly Sheikh Marzouq al Ghanem welcomed the decision.",
    ],
)
def test_requests_channels_wars_and_titles_are_not_engagements(body: str) -> None:
    assert found(body, date="2022-05-16") == ()


def test_the_gulf_of_a_country_is_no_side() -> None:
    engagements = found(
        "President Hassan Rouhani of Iran spoke on Sunday. He also announced a security "
        "initiative for the Gulf of Oman to be unveiled at the UN General Assembly later this "
        "week.",
        date="2019-09-23",
    )
    assert not any("OMN" in e.countries for e in engagements)


def test_a_date_of_another_event_does_not_date_an_engagement() -> None:
    engagements = [
        e
        for e in found(
            "The United States pointed to the December 31 attack on its embassy in Baghdad. "
            "Quds Force commander Qasem Soleimani of Iran was arriving at the airport. He was met by "
            "Iraqi Prime Minister Adil Abdul-Mahdi.",
            date="2020-01-05",
            source="Wikinews",
        )
        if e.type == "meeting"
    ]
    (meeting,) = engagements
    assert set(meeting.countries) == {"IRN", "IRQ"}  # "He": Soleimani, named just before
    assert meeting.date is None  # not the attack's


@pytest.mark.parametrize("place", ["Sana'a", "Sana’a", "Sanaa"])
def test_a_city_written_with_an_apostrophe_is_where_a_trip_goes(place: str) -> None:
    visit = only(
        f"UN Special Envoy Martin Griffiths met officials. Griffiths traveled to {place} last "
        "week.",
        date="2021-06-04",
    )
    assert (visit.type, visit.countries, visit.orgs) == ("visit", ("YEM",), ("UN",))


def test_a_forum_attended_on_a_trip_at_home_is_held_where_the_trip_goes() -> None:
    forum = only(
        "Assistant Secretary of State Julieta Valls Noyes will travel to New York, New York, May "
        "18-20, where she will attend the International Migration Review Forum (IMRF) to "
        "discuss international cooperation on migration and meet with UN and government "
        "officials.",
        date="2022-05-17",
    )
    assert (forum.type, forum.status, forum.date) == ("multilateral", "planned", "2022-05-18")
    assert (forum.countries, forum.orgs, forum.place) == (("USA",), ("UN",), "New York")


def test_an_envoy_sent_is_another_trip_than_the_leaders() -> None:
    visits = found(
        "Officials sought to separate the dispute from Prime Minister Yasuhiro Nakasone's "
        "planned trip to Washington at the end of April. Japan is expected to send a "
        "high-level official to Washington early next month.",
        date="1987-03-27",
        source="Reuters",
    )
    assert [(v.type, v.status, v.countries) for v in visits] == [
        ("visit", "planned", ("JPN", "USA")),
        ("visit", "planned", ("JPN", "USA")),
    ]
    assert [dict(v.participants).get("JPN") for v in visits] == ["Yasuhiro Nakasone", None]


def test_a_list_of_cities_in_two_countries_is_not_a_city_and_its_country() -> None:
    visits = found(
        "Secretary of State Antony J. Blinken will travel to Jerusalem, Ramallah, Cairo, and "
        "Amman May 24-27.",
        date="2021-05-24",
    )
    assert [(v.place, v.countries) for v in visits] == [
        ("Jerusalem", ("USA", "ISR")),
        ("Ramallah", ("USA", "PSE")),
        ("Cairo", ("USA", "EGY")),
        ("Amman", ("USA", "JOR")),
    ]


def test_he_again_is_the_subject_named_further_back() -> None:
    engagements = found(
        "Secretary of State Antony J. Blinken will travel to Jerusalem and Ramallah. He will "
        "first travel to Jerusalem, where he will meet with Israeli President Reuven Rivlin. In "
        "Ramallah, he will meet with Palestinian Authority President Mahmoud Abbas.",
        date="2021-05-24",
    )
    assert not any(set(e.countries) == {"ISR", "PSE"} for e in engagements)
    ramallah = next(e for e in engagements if "PSE" in e.countries)
    assert set(ramallah.countries) == {"USA", "PSE"}


def test_a_trip_dated_by_a_range_before_where_it_goes() -> None:
    visit = only(
        "Secretary Blinken will travel on June 1-2 to San José, Costa Rica, where he will meet "
        "President Alvarado.",
        date="2021-05-27",
    )
    assert (visit.type, visit.date, visit.place) == ("visit", "2021-06-01", "San José")


@pytest.mark.parametrize("verb", ["expects", "is preparing", "anticipates"])
def test_an_expected_meeting_is_planned(verb: str) -> None:
    meeting = only(
        f"Japanese Foreign Minister Hayashi {verb} to meet Chinese Foreign Minister Wang Yi in "
        "Beijing.",
        date="2022-05-29",
        source="Reuters",
    )
    assert (meeting.type, meeting.status) == ("meeting", "planned")


def test_each_stop_of_a_trip_takes_its_own_days_city_and_status() -> None:
    visits = found(
        "Assistant Secretary of State for Political-Military Affairs Jessica Lewis travels to "
        "France, Belgium, and Latvia June 11-19, 2022, to meet with U.S. Allies and partners.\n\n"
        "In Paris, France, June 12-13, Assistant Secretary Lewis will co-chair the inaugural "
        "meeting of the U.S.-France Defense Trade Strategic Dialogue.\n\n"
        "In Brussels, Belgium, June 14-15, Assistant Secretary Lewis will meet with senior NATO "
        "and European Union officials to discuss support for Ukraine.\n\n"
        "In Riga, Latvia, June 16-18, Assistant Secretary Lewis will hold consultations with "
        "senior civilian and military officials in Riga. Assistant Secretary Lewis will also "
        "meet with visiting NATO forces.",
        date="2022-06-11",
    )
    stops = {
        e.countries[-1]: (e.status, e.date, e.place, e.orgs) for e in visits if e.type == "visit"
    }
    assert stops == {
        "FRA": ("planned", "2022-06-12", "Paris, France", ()),
        "BEL": ("planned", "2022-06-14", "Brussels, Belgium", ("NATO", "EU")),
        "LVA": ("planned", "2022-06-16", "Riga, Latvia", ()),
    }
    # The named dialogue stays an engagement of its own; NATO troops are no side.
    others = [(e.type, e.date) for e in visits if e.type != "visit"]
    assert others == [("consultations", "2022-06-12")]


def test_the_organisations_met_at_a_stop_are_its_hosts() -> None:
    """statedept-2022-06-24-f025a21c71: a trip's stops whose hosts are the organisations
    seated in the city ("In Vienna, ... will meet with the leadership of the International
    Atomic Energy Agency") are visits to them, not meetings apart from the trip; the stop
    where the country's officials are met keeps them."""
    engagements = found(
        "Assistant Secretary of State for International Organization Affairs Michele J. Sison "
        "will travel to Vienna, Austria; Rome, Italy; and Ljubljana, Slovenia for "
        "consultations on a wide range of U.S. multilateral priorities.\n\n"
        "In Rome, Assistant Secretary Sison will meet with leadership from the Food and "
        "Agriculture Organization (FAO) and the World Food Programme (WFP).\n\n"
        "In Vienna, the Assistant Secretary will meet with the leadership of the International "
        "Atomic Energy Agency (IAEA) and the Comprehensive Test Ban Treaty Organization "
        "(CTBTO).\n\n"
        "During her time in Ljubljana, Assistant Secretary Sison will meet with Slovenian "
        "officials to discuss shared interests at the United Nations.",
        date="2022-06-24",
    )
    stops = {e.place: (e.type, e.status, set(e.orgs)) for e in engagements}
    assert stops["Rome"] == ("visit", "planned", {"FAO", "WFP"})
    assert stops["Vienna"] == ("visit", "planned", {"IAEA", "CTBTO"})
    assert stops["Ljubljana"][:2] == ("visit", "planned")
    assert [e.type for e in engagements].count("multilateral") == 0


def test_a_meeting_of_several_at_a_later_stop_dates_the_stop() -> None:
    """statedept-2022-04-29-8c8d61876a: the trip's last stop is dated by a meeting there
    with four countries' officials, which stays a meeting of its own; those who "will join
    the Deputy Secretary’s delegation" take part in each stop."""
    engagements = found(
        "Deputy Secretary of State Wendy Sherman will travel to South Africa, Angola, and "
        "France from May 2 to 7.\n\nAssistant Secretary of State for African Affairs Molly "
        "Phee will join the Deputy Secretary’s delegation.\n\nIn South Africa, Deputy "
        "Secretary Sherman will travel to Pretoria from May 2 to 4 and meet with Deputy "
        "Foreign Minister Alvin Botes.\n\nDeputy Secretary Sherman will then travel to "
        "Luanda, Angola from May 4 to 5 to meet with President João Lourenço.\n\nFinally, on "
        "May 7, the Deputy Secretary will meet in Paris, France, with French MFA Secretary "
        "General Francois Delattre, German MFA State Secretary Andreas Michaelis, and "
        "Italian MFA Secretary General Ettore Sequi to discuss Ukraine.",
        date="2022-04-29",
    )
    visits = {e.countries[-1]: e for e in engagements if e.type == "visit"}
    assert {code: v.date for code, v in visits.items()} == {
        "ZAF": "2022-05-02",
        "AGO": "2022-05-04",
        "FRA": "2022-05-07",
    }
    assert ("FRA", "Francois Delattre") in visits["FRA"].participants
    assert all(("USA", "Molly Phee") in v.participants for v in visits.values())
    (several,) = [e for e in engagements if e.type == "multilateral"]
    assert set(several.countries) == {"USA", "FRA", "DEU", "ITA"}


def test_a_meeting_on_one_day_of_a_stay_does_not_date_the_stay() -> None:
    visits = found(
        "Secretary of State Antony J. Blinken will travel to New Delhi, India and Kuwait City, "
        "Kuwait July 26-29 to reaffirm the United States’ commitment to our partnerships.\n\n"
        "In New Delhi on July 28, Secretary Blinken will meet with External Affairs Minister "
        "Dr. S. Jaishankar to discuss a wide range of issues.",
        date="2021-07-23",
    )
    (india,) = [e for e in visits if "IND" in e.countries]
    assert (india.type, india.date) == ("visit", "2021-07-26")


@pytest.mark.parametrize(
    "body",
    [
        "TOKYO, March 24 - At today's Cabinet meeting, Prime Minister Yasuhiro Nakasone told "
        "Trade Minister Hajime Tamura to reduce chip exports to the United States.",
        "Nakasone intervened two days before a scheduled meeting of the Reagan administration's "
        "Economic Policy Council on Japan's chip exports to the United States.",
    ],
)
def test_a_governments_own_meeting_is_no_engagement(body: str) -> None:
    assert found(body, source="Reuters", date="1987-03-24") == ()


def test_a_working_party_meeting_is_one() -> None:
    assert found(
        "GENEVA, March 24 - A GATT working party meeting of Japan and the United States "
        "discussed chip exports today.",
        source="Reuters",
        date="1987-03-24",
    )


@pytest.mark.parametrize(
    ("body", "host", "place"),
    [
        ("PRIME MINISTER GAVRILITA: Dear Secretary of State Blinken, welcome to Chisinau.",
         "MDA", "Chisinau"),
        ("It is a pleasure for us to welcome today to Panama Mr. Secretary Antony Blinken.",
         "PAN", "Panama"),
    ],
)  # fmt: skip
def test_welcome_to_a_place_is_a_visit_there(body: str, host: str, place: str) -> None:
    visit = only(body, date="2022-03-06")
    assert (visit.type, visit.countries, visit.place) == ("visit", ("USA", host), place)


@pytest.mark.parametrize(
    "body",
    [
        "Secretary Blinken said: welcome to the new era of cooperation.",
        "We welcome to Washington the news that the ceasefire holds.",
    ],
)
def test_welcome_to_what_is_not_a_foreign_place_is_no_visit(body: str) -> None:
    assert [e for e in found(body) if e.type == "visit"] == []


def test_a_trip_to_a_forum_is_dated_by_the_forum_and_a_third_country_met_there_apart() -> None:
    engagements = found(
        "Secretary Blinken will travel to Bali, Indonesia, to attend the G20 Foreign "
        "Ministers’ Meeting.\n\n"
        "As the current G20 president, Indonesia is hosting the G20 Foreign Ministers’ Meeting "
        "from July 7-8 in Bali, Indonesia.\n\n"
        "Secretary Blinken will also meet with the People’s Republic of China (PRC) State "
        "Councilor and Foreign Minister Wang Yi.\n\n"
        "The United States will rally the world’s leading economies to meet one of the "
        "greatest global challenges.",
        date="2022-07-06",
    )
    got = sorted((e.type, e.status, e.date, tuple(sorted(e.countries))) for e in engagements)
    assert got == [
        ("meeting", "planned", "2022-07-07", ("CHN", "USA")),
        ("multilateral", "planned", "2022-07-07", ("IDN", "USA")),
        ("visit", "planned", "2022-07-07", ("IDN", "USA")),
    ]


def test_what_the_traveller_did_during_the_trip_is_the_trip() -> None:
    engagements = found(
        "U.S. Special Envoy for Yemen Tim Lenderking returned from Saudi Arabia on June 18. "
        "During the trip Special Envoy Lenderking met with officials from the Governments of "
        "the Republic of Yemen and Saudi Arabia.",
        title="U.S. Special Envoy for Yemen Lenderking Returns from Travel to Saudi Arabia",
        date="2021-06-18",
    )
    (visit,) = engagements
    assert visit.type == "visit" and {"USA", "SAU", "YEM"} <= set(visit.countries)


@pytest.mark.parametrize(
    ("body", "date", "place", "org"),
    [
        ("SEOUL, March 11 - Six industrialised nations agreed in Paris last month that newly "
         # The Louvre Accord's day (data/meetings.yaml), more than "last month" says.
         "industrialising countries should let their currencies rise.", "1987-02-22", "Paris",
         "G6"),
        ("LONDON, March 11 - OPEC members agreed in December to limit production to 15.8 mln "
         "barrels per day.", "1986-12", None, "OPEC"),
    ],
)  # fmt: skip
def test_what_a_forum_agreed_where_or_when_it_met(
    body: str, date: str, place: str | None, org: str
) -> None:
    meeting = only(body, source="Reuters", date="1987-03-11")
    assert (meeting.type, meeting.status, meeting.date, meeting.place, meeting.orgs) == (
        "multilateral", "background", date, place, (org,)
    )  # fmt: skip


@pytest.mark.parametrize(
    "body",
    [
        "Japan agreed in principle to open its rice market.",
        "The two companies agreed last month to merge their chip units.",
        "Farm ministers agreed that prices should fall.",
    ],
)
def test_what_others_agreed_is_no_forum_meeting(body: str) -> None:
    assert found(body, source="Reuters", date="1987-03-11") == ()


def test_talks_last_week_between_two_sides() -> None:
    talks = only(
        "BRUSSELS, June 29 - Top-level talks last week between the European Community (EC) "
        "and the United States failed to resolve a dispute over pasta.",
        source="Reuters",
        date="1987-06-29",
    )
    assert (talks.type, talks.status, talks.date, talks.countries, talks.orgs) == (
        "consultations", "main", "1987-06", ("USA",), ("EU",)
    )  # fmt: skip


def test_an_expected_visit_this_week_is_announced() -> None:
    visit = only(
        "WASHINGTON, March 29 - The U.S. Expects more harmonious talks than usual during French "
        "Prime Minister Jacques Chirac's first official visit this week.",
        source="Reuters",
        date="1987-03-29",
    )
    assert (visit.type, visit.status, visit.date) == ("visit", "planned", None)


def test_meetings_with_two_ministers_are_two_meetings_on_the_programmes_days() -> None:
    engagements = found(
        "On May 18, Secretary Blinken will meet with senior officials from Egypt, Gabon, and "
        "Ghana in addition to meetings with the Pakistani and Turkish Foreign Ministers.\n\n"
        "On May 19, Secretary Blinken will chair an open debate of the UN Security Council. "
        "Following this debate, he will meet with UN Secretary-General Guterres.",
        date="2022-05-17",
    )
    bilateral = sorted((e.date, e.countries, e.orgs) for e in engagements if e.type == "meeting")
    assert bilateral == [
        ("2022-05-18", ("USA", "PAK"), ()),
        ("2022-05-18", ("USA", "TUR"), ()),
        ("2022-05-19", ("USA",), ("UN",)),
    ]


def test_a_date_after_a_place_is_not_part_of_it() -> None:
    from search.extract.places import trim_place

    assert trim_place("Koror, April") == "Koror"
    assert trim_place("Washington, D.C.") == "Washington, D.C."


def test_the_summits_of_two_organisations_are_one_of_each() -> None:
    engagements = found("Leaders discussed the outcomes from the G7 and NATO summits.")
    assert sorted(e.orgs for e in engagements) == [("G7",), ("NATO",)]
    assert all(e.type == "multilateral" for e in engagements)


@pytest.mark.parametrize(
    ("body", "date", "before"),
    [
        (
            "Under Secretary Nuland relaunched the U.S.-Paraguay Strategic Partnership "
            "Dialogue, which last met in 2016, to expand bilateral coordination.",
            "2021-07-01",
            "2016",
        ),
        # statedept-2021-07-26-b72777694f: "co-chaired the final session of the Strategic
        # Dialogue, initiated on June 11, 2020": today's session, and the first in 2020.
        (
            "The delegations of the Republic of Iraq, led by Foreign Minister Fuad Hussein, "
            "and the United States of America, led by Secretary of State Antony J. Blinken, "
            "co-chaired the final session of the Strategic Dialogue, initiated on June 11, 2020.",
            "2021-07-26",
            "2020-06-11",
        ),
    ],
)
def test_when_a_named_dialogue_met_before_is_its_history_not_its_date(
    body: str, date: str, before: str
) -> None:
    got = sorted((e.type, e.status, e.date) for e in found(body, date=date))
    assert got == [("consultations", "background", before), ("consultations", "main", None)]


def test_the_first_since_a_year_dates_the_one_before() -> None:
    """statedept-2022-04-21-7a3da6c0ce: "the first ... talks ... since 2018" tells of talks
    held in 2018, history of the same two; not a year that dates something else, nor a
    year not yet over."""
    engagements = found(
        "These discussions represent the first Migration Accord talks between the United "
        "States and Cuba since 2018.",
        date="2022-04-21",
    )
    got = sorted((e.type, e.status, e.date, e.countries) for e in engagements)
    assert got == [
        ("consultations", "background", "2018", ("USA", "CUB")),
        ("consultations", "main", None, ("USA", "CUB")),
    ]
    for since in ("since the 2018 accord", "since 2022"):
        engagements = found(
            f"Officials held the first talks between the United States and Cuba {since}.",
            date="2022-04-21",
        )
        assert [e.status for e in engagements] == ["main"], since


def test_i_in_a_transcript_is_the_speaker() -> None:
    engagements = found(
        "Republic of Korea Foreign Minister Chung Eui-yong and Japanese Foreign Minister "
        "Hayashi Yoshimasa spoke to the press.\n\n"
        "FOREIGN MINISTER CHUNG: Thank you. I had a good meeting with Minister Hayashi.",
        date="2022-02-13",
    )
    (bilateral,) = [e for e in engagements if set(e.countries) == {"KOR", "JPN"}]
    assert ("KOR", "Chung Eui-yong") in bilateral.participants


def test_welcoming_someones_briefing_is_no_meeting() -> None:
    assert (
        found(
            "We welcomed UN Special Envoy Geir Pedersen’s briefing and reaffirmed strong support "
            "for UN efforts."
        )
        == ()
    )


def test_the_gulf_cooperation_councils_ministers_meeting_is_its_members() -> None:
    meeting = only(
        "ABU DHABI, March 18 - Finance and economy ministers of the six-nation Gulf Cooperation "
        "Council (GCC) have ended a two-day meeting.",
        source="Reuters",
        date="1987-03-18",
    )
    assert meeting.type == "multilateral"
    assert set(meeting.countries) == {"ARE", "BHR", "KWT", "OMN", "QAT", "SAU"}


def test_a_nationality_is_no_place() -> None:
    meeting = only(
        "FRANKFURT, April 9 - Dealers said the communique early in the European morning from "
        "the G-7 meeting contained nothing new.",
        source="Reuters",
        date="1987-04-09",
    )
    assert meeting.place != "European"


def test_a_meeting_held_at_home_is_not_part_of_the_guests_past_visit_abroad() -> None:
    body = (
        "U.S. Deputy Secretary of State Wendy Sherman met yesterday in Hanoi with Foreign "
        "Minister Bui Thanh Son. She praised Prime Minister Chinh’s successful visit to the "
        "United States to attend the U.S.-ASEAN Special Summit."
    )
    engagements = found(
        body, title="Deputy Secretary Sherman’s Meetings in Vietnam", date="2022-06-14"
    )
    meeting = next(e for e in engagements if e.place == "Hanoi")
    assert (meeting.type, meeting.status, meeting.date) == ("meeting", "main", "2022-06-13")
    visit = next(e for e in engagements if e.type == "visit")
    assert (visit.status, visit.place) == ("background", "United States")
    summit = next(e for e in engagements if e.type == "multilateral")
    # the trip went to it; a known meeting, dated by its first day
    assert (summit.status, summit.date) == ("background", "2022-05-12")


def test_speaking_with_ministers_during_a_forums_meeting_is_taking_part_in_it() -> None:
    engagement = only(
        "Secretary of State Antony J. Blinken spoke yesterday with foreign ministers of ASEAN "
        "nations and the ASEAN Secretary General during the U.S.-ASEAN Foreign Ministers’ "
        "Meeting.",
        title="Secretary Blinken’s Participation in the U.S.-ASEAN Foreign Ministers’ Meeting",
        date="2021-08-04",
    )
    assert (engagement.type, engagement.date) == ("multilateral", "2021-08-03")
    assert "ASEAN" in engagement.orgs and "USA" in engagement.countries


def test_a_trip_told_as_a_participle_is_its_subjects_past_visits() -> None:
    engagements = found(
        "BRASILIA, March 1 - Brazil's Finance Minister Dilson Funaro said talks went well. "
        "After visiting the U.S., England, France and Italy, Funaro is now on his way to "
        "Tokyo, where he is to arrive on Sunday for talks with Japanese government officials.",
        source="Reuters",
        date="1987-03-01",
    )
    visits = [e for e in engagements if e.type == "visit" and e.status == "background"]
    assert sorted(v.place for v in visits) == ["England", "France", "Italy", "U.S."]
    assert all(set(v.countries) == {"BRA", v.countries[-1]} for v in visits)
    assert {name for v in visits for _side, name in v.participants} == {"Dilson Funaro"}
    # The trip he is on is still ahead: the one to Tokyo.
    (ahead,) = [e for e in engagements if e.type == "visit" and e.status != "background"]
    assert (ahead.place, ahead.status) == ("Tokyo", "planned")


def test_talks_a_relative_clause_recalls_are_their_own_day_not_the_signings() -> None:
    engagements = found(
        "MOSCOW, March 31 - After her talks with Ryzhkov, British Prime Minister Margaret "
        "Thatcher and Soviet Premier Nikolai Ryzhkov were joined for the signing of "
        "agreements by Kremlin leader Mikhail Gorbachev, who had nine hours of talks with "
        "her yesterday.",
        source="Reuters",
        date="1987-03-31",
    )
    assert sorted((e.type, e.status, e.date) for e in engagements) == [
        ("consultations", "background", "1987-03-30"),
        ("signing", "main", "1987-03-31"),
    ]


def test_next_week_gives_way_to_the_day_a_later_report_gives() -> None:
    visit = only(
        "TOKYO, April 24 - Japan drew up a plan to boost imports in time for Prime Minister "
        "Yasuhiro Nakasone's visit to Washington next week, officials said. Nakasone will "
        "explain the measures to U.S. officials during his visit to Washington starting "
        "April 29.",
        source="Reuters",
        date="1987-04-24",
    )
    assert (visit.type, visit.status, visit.date) == ("visit", "planned", "1987-04-29")


def test_a_border_is_a_place_a_trip_goes_not_a_country_it_visits() -> None:
    visit = only(
        "Earlier today, Attorney General Merrick Garland made a quick visit to Rzeszow, "
        "Poland, and the Ukrainian-Poland border.",
        date="2022-06-21",
    )
    assert (visit.type, visit.place, set(visit.countries)) == ("visit", "Rzeszow", {"USA", "POL"})


@pytest.mark.parametrize(
    ("body", "forum"),
    [
        (
            "Assistant Secretary Lewis will also participate in the Ukraine Contact Group meeting.",
            "Ukraine Contact Group",
        ),
        (
            "In the afternoon, Secretary Blinken will chair a “Global Food Security Call to "
            "Action” Ministerial hosted by the United States.",
            "Global Food Security Call to Action Ministerial",
        ),
    ],
)
def test_a_forum_no_lexicon_lists_is_taken_part_in(body: str, forum: str) -> None:
    engagement = only(body, date="2022-05-17")
    assert (engagement.type, engagement.status) == ("multilateral", "planned")
    assert engagement.countries == ("USA",) and engagement.orgs == (forum,)


def test_i_in_a_governments_statement_is_its_official() -> None:
    # The Secretary's own statement: "I" is the publisher's official, who convenes.
    engagement = only(
        "A global pandemic requires a global action plan, which is why I will convene a "
        "virtual COVID-19 Global Action Meeting on February 14.",
        date="2022-02-11",
    )
    assert (engagement.type, engagement.status, engagement.date) == (
        "multilateral",
        "planned",
        "2022-02-14",
    )
    assert engagement.countries == ("USA",)
    # Quoted, "I" is whoever is quoted, not the publisher.
    assert (
        found(
            '"I will convene a virtual COVID-19 Global Action Meeting," a diplomat said.',
            date="2022-02-11",
        )
        == ()
    )


def test_a_forums_name_keeps_its_small_words() -> None:
    # "the Group of Seven meeting": the noun's own words reach back past "of".
    engagement = only(
        "Dealers said the lack of concrete news from the Group of Seven meeting weighed on "
        "the dollar.",
        date="1987-04-09",
        source=None,
    )
    assert engagement.type == "multilateral" and engagement.orgs == ("G7",)


@pytest.mark.parametrize(
    ("body", "title"),
    [
        # No forum's word in the name, the trigger in lower case: a venue's event.
        ("The Secretary will deliver remarks at the Brookings Institution conference.", None),
        # A Title Case headline is no forum's name.
        (
            "The Secretary will attend the ministerial.",
            "United States and Rwanda Host Peacekeeping Ministerial Preparatory Meeting",
        ),
    ],
)
def test_not_every_capitalised_event_is_a_forum(body: str, title: str | None) -> None:
    assert [e for e in found(body, title=title) if e.orgs] == []


@pytest.mark.parametrize(
    "body",
    [
        "WASHINGTON, April 12 - Senator Lloyd Bentsen called on major industrial countries "
        "to make a pledge at the coming economic summit in Venice.",
        "WASHINGTON, June 2 - Reagan administration officials said the decision came ahead "
        "of the Summit of leading industrial democracies in Venice.",
    ],
)
def test_the_g7_summit_by_its_old_names_is_announced(body: str) -> None:
    summit = only(body, source="Reuters", date="1987-04-12")
    assert (summit.type, summit.status, summit.place) == ("multilateral", "planned", "Venice")
    assert "G7" in summit.orgs and {"USA", "JPN", "FRA"} <= set(summit.countries)


def test_a_trip_through_the_west_bank_and_the_congo_visits_each() -> None:
    visits = found(
        "Secretary of State Antony J. Blinken will travel to Israel, the West Bank, Morocco, "
        "and Algeria March 26-30. Deputy Secretary Sherman will travel to the Democratic "
        "Republic of the Congo, and Rwanda August 9-12.",
        date="2022-03-24",
    )
    hosts = [e.countries[-1] for e in visits if e.type == "visit"]
    assert hosts == ["ISR", "PSE", "MAR", "DZA", "COD", "RWA"]
    assert all(len(e.countries) == 2 for e in visits)  # no destination taken for a traveller


def test_a_later_stops_own_day_dates_its_visit() -> None:
    visits = found(
        "Secretary Blinken will travel to Cambodia and the Philippines August 2-6. In Manila, "
        "the Philippines, on August 6, the Secretary will meet with President Ferdinand "
        "Romualdez Marcos Jr.",
        date="2022-07-29",
    )
    dates = {e.countries[-1]: e.date for e in visits if e.type == "visit"}
    # The trip's first day is the first stop's; the Philippines' is its own.
    assert dates == {"KHM": "2022-08-02", "PHL": "2022-08-06"}


def test_each_forum_of_a_list_is_its_own_and_a_pairs_name_names_both() -> None:
    engagements = found(
        "Secretary Blinken will travel to Phnom Penh, Cambodia, August 3-5 to participate in "
        "the U.S.-ASEAN Ministerial Meeting, the East Asia Summit Foreign Ministers’ Meeting, "
        "and the ASEAN Regional Forum. In Pretoria, he will lead the U.S. delegation to the "
        "U.S.-South Africa Strategic Dialogue.",
        date="2022-07-29",
    )
    forums = [e for e in engagements if e.type == "multilateral"]
    # Each is reported by its whole name (the article view shows it).
    assert [e.trigger for e in forums] == [
        "U.S.-ASEAN Ministerial Meeting",
        "East Asia Summit Foreign Ministers’ Meeting",
        "ASEAN Regional Forum",
    ]
    assert all(e.orgs == ("ASEAN",) and e.date == "2022-08-03" for e in forums)
    dialogue = [e for e in engagements if e.type == "consultations"]
    assert [set(e.countries) for e in dialogue] == [{"USA", "ZAF"}]


def test_one_forum_named_twice_in_a_sentence_is_one() -> None:
    engagements = found(
        "Assistant Secretary Medina will then travel to Kenya, February 25 to March 3, as the "
        "head of the U.S. delegation to the Fifth Session of the United Nations Environment "
        "Assembly (UNEA-5.2), the UN Environment Assembly's resumed session.",
        date="2022-02-18",
    )
    assert [e.type for e in engagements].count("multilateral") == 1


@pytest.mark.parametrize(
    ("body", "status", "date"),
    [
        (
            "The ADB's 20th annual meeting starting April 27 in Osaka will discuss its loans.",
            "planned",
            "1987-04-27",
        ),
        (
            "Nothing will change before the next GATT Council meeting on April 15.",
            "planned",
            "1987-04-15",
        ),  # fmt: skip
        ("Taiwan boycotted the ADB's last annual meeting in Manila.", "background", None),
    ],
)
def test_an_organisations_own_meeting(body: str, status: str, date: str | None) -> None:
    engagement = only(body, date="1987-04-06", source=None)
    assert (engagement.type, engagement.status, engagement.date) == ("multilateral", status, date)
    assert len(engagement.orgs) == 1 and engagement.countries == ()


def test_a_quoted_engagement_keeps_its_quoted_date() -> None:
    engagement = only(
        'Giles Keating, economist in London, said "the repurchase rate is still higher than '
        'it was before the IMF meeting last month in Washington."',
        date="1987-10-20",
        source=None,
    )
    assert (engagement.status, engagement.date) == ("background", "1987-09")
    # Where it met is the place right after it, not where the speaker was.
    assert engagement.place == "Washington"


def test_whoever_one_meets_is_no_engagement_and_a_foreign_secretary_is_foreign() -> None:
    assert (
        found(
            "During the course of his trip, the Secretary will emphasize to all of the foreign "
            "leaders he meets that the United States stands with the people of Ukraine."
        )
        == ()
    )
    meeting = only(
        "While in Manila, Deputy Secretary McKeon will meet with Secretary of Foreign Affairs "
        "Enrique Manalo to discuss bilateral efforts."
    )
    assert meeting.place == "Manila"
    assert set(meeting.participants) == {("USA", "McKeon"), ("PHL", "Enrique Manalo")}


def test_he_of_a_trip_announcement_is_the_publishers_official() -> None:
    body = (
        "Secretary of State Antony J. Blinken will travel to Israel and Morocco March 26-30.\n\n"
        "The Secretary will start his trip in Israel. There, he will meet with Prime Minister "
        "Naftali Bennett and Foreign Minister Yair Lapid.\n\n"
        "In Morocco, he will meet with Foreign Minister Nasser Bourita."
    )
    visits = {e.countries[-1]: e for e in found(body, date="2022-03-24") if e.type == "visit"}
    assert set(visits) == {"ISR", "MAR"}
    assert ("ISR", "Naftali Bennett") in visits["ISR"].participants
    assert ("MAR", "Nasser Bourita") in visits["MAR"].participants
    assert ("USA", "Antony J. Blinken") in visits["MAR"].participants
    # A news story's "he" stays in its paragraph.
    wire = "Prime Minister Naftali Bennett spoke in Jerusalem.\n\nIn Morocco, he will meet Bourita."
    assert found(wire, date="2022-03-24", source=None) == ()


def test_places_listed_after_in_name_no_side() -> None:
    engagements = found(
        "Special Envoy Stern will travel to Lithuania, the Netherlands, and Sweden, May 31-June "
        "8. In the Netherlands and Sweden, Special Envoy Stern will meet with government and "
        "civil society leaders.",
        date="2022-05-30",
    )
    assert sorted(e.countries[-1] for e in engagements) == ["LTU", "NLD", "SWE"]
    assert {e.type for e in engagements} == {"visit"}


def test_a_third_countrys_official_met_where_a_trip_stops_takes_the_trips_date() -> None:
    engagements = found(
        "Secretary of State Antony J. Blinken will travel to Israel, Morocco, and Algeria "
        "March 26-30 to consult with partners.\n\nThe Secretary will start his trip in Israel, "
        "where he will meet with Prime Minister Naftali Bennett.\n\nIn Morocco, he will meet "
        "with Foreign "
        "Minister Nasser Bourita.\n\nWhile in Rabat, the Secretary will also meet Crown Prince "
        "of Abu Dhabi Sheikh Mohammed bin Zayed Al Nahyan to discuss regional security.\n\n"
        "The Secretary will then travel to Algiers, Algeria for meetings with President "
        "Abdelmadjid Tebboune.",
        date="2022-03-24",
    )
    meeting = next(e for e in engagements if e.type == "meeting")
    assert set(meeting.countries) == {"USA", "ARE"}
    assert (meeting.place, meeting.date) == ("Rabat", "2022-03-26")


def test_whose_trip_it_is_named_before_it() -> None:
    engagement = only(
        "The Special Envoy welcomed UN Special Envoy Martin Griffiths’ latest trip to Sana’a. "
        "While there are numerous problematic actors, the Houthis bear major responsibility.",
        date="2021-06-04",
    )
    assert (engagement.type, engagement.status, engagement.place) == (
        "visit",
        "background",
        "Sana’a",
    )
    assert ("org:UN", "Martin Griffiths") in engagement.participants
    assert "YEM" in engagement.countries
    # "welcomed" his trip: no meeting with him.
    assert engagement.span.end < len("The Special Envoy welcomed UN Special Envoy Martin "
                                     "Griffiths’ latest trip to Sana’a.") + 1  # fmt: skip


def test_a_forum_named_after_its_meeting_the_day_after_a_trip() -> None:
    engagements = found(
        "Acting U.S. Special Envoy for the Global Coalition to Defeat ISIS John T. Godfrey "
        "travels from Iraq to Rome today to attend the June 28 meeting of the Foreign "
        "Ministers of the Global Coalition with Secretary of State Blinken.",
        date="2021-06-27",
    )
    forum = next(e for e in engagements if e.type == "multilateral")
    assert forum.orgs == ("Global Coalition to Defeat ISIS",)
    # Told the day before, "to attend" it: still to come, and not the trip's own meeting.
    assert (forum.status, forum.date) == ("planned", "2021-06-28")
    assert any(e.type == "visit" and "ITA" in e.countries for e in engagements)


def test_an_organisations_meeting_named_before_its_acronym() -> None:
    engagement = only(
        "Deputy Secretary McKeon will then lead the U.S. delegation to the 61st annual "
        "Ministerial Council Meeting of the Organization for Economic Development and "
        "Cooperation (OECD).",
        date="2022-06-08",
    )
    assert (engagement.type, engagement.status) == ("multilateral", "planned")
    assert engagement.countries == ("USA",) and engagement.orgs == ("OECD",)


def test_a_trip_dated_before_its_destinations_without_on() -> None:
    engagements = found(
        "Under Secretary for Political Affairs Victoria Nuland will travel March 19-23 to "
        "Bangladesh, India, and Sri Lanka with an interagency delegation.",
        date="2022-03-18",
    )
    visits = {e.countries[-1]: e for e in engagements if e.type == "visit"}
    assert set(visits) == {"BGD", "IND", "LKA"}
    assert visits["BGD"].date == "2022-03-19" and visits["BGD"].status == "planned"


def test_flew_in_for_talks_is_a_visit_to_where_the_story_is_filed() -> None:
    engagements = found(
        "WASHINGTON, April 9 - A senior Japanese trade official met U.S. negotiators in an "
        "emergency effort to head off new high American tariffs set to go into effect on "
        "April 17.\n\nThe vice minister of Ministry of International Trade and Industry, "
        "Makoto Kuroda, flew in from Tokyo for the talks with Deputy U.S. Trade "
        "Representative Michael Smith.",
        date="1987-04-09",
        source=None,
    )
    visit = next(e for e in engagements if e.type == "visit")
    assert set(visit.countries) == {"JPN", "USA"} and visit.status == "main"
    # The deadline ahead (a year back, read as past) is not the day of the news.
    assert all(e.date != "1986-04-17" for e in engagements)
    assert visit.date == "1987-04-09"


@pytest.mark.parametrize(
    ("body", "date", "want"),
    [
        (
            "RIYADH, March 11 - King Fahd of Saudi Arabia spoke ahead of a state visit he will "
            "make to Britain later this month.",
            "1987-03-11",
            ("visit", {"SAU", "GBR"}, "1987-03"),
        ),
        (
            "Yeutter said the meetings scheduled next month in Washington between Reagan and "
            "Prime Minister Yasuhiro Nakasone of Japan will include difficult items.",
            "1987-03-30",
            ("meeting", {"USA", "JPN"}, "1987-04"),
        ),
        (
            "GENEVA, April 7 - Deputy U.S. Trade Representative Michael Smith, who flies to "
            "Brussels today for talks with European Community officials, told reporters the "
            "meeting was useful.",
            "1987-04-07",
            ("visit", {"USA"}, "1987-04-07"),
        ),
    ],
)
def test_announced_in_a_wire_story(body: str, date: str, want: tuple) -> None:
    kind, countries, day = want
    engagement = next(e for e in found(body, date=date, source=None) if e.type == kind)
    assert engagement.status == "planned"
    assert countries <= set(engagement.countries) and engagement.date == day


def test_no_plans_to_meet() -> None:
    assert (
        found(
            "TOKYO, Oct 19 - Miyazawa said the Group of Five and G-7 do not have any plans to "
            "meet for talks.",
            date="1987-10-19",
            source=None,
        )
        == ()
    )


def test_the_negotiations_of_the_agreement_a_story_is_about() -> None:
    engagements = found(
        "WASHINGTON, March 28 - The United States will impose tariffs on Japanese goods, "
        "saying Japan broke the semiconductor agreement with the United States.\n\n"
        "That agreement, hammered out late last year after months of heated negotiations, "
        "called on Japan to stop selling cut-price chips in world markets.",
        date="1987-03-28",
        source=None,
    )
    talks = next(e for e in engagements if e.type == "consultations")
    assert set(talks.countries) == {"USA", "JPN"}
    assert (talks.status, talks.date) == ("background", "1986")


def test_hosting_one_countrys_own_dialogue_is_no_engagement() -> None:
    engagements = found(
        "Foreign Minister Bourita and Deputy Secretary Sherman held consultations in Rabat "
        "today.\n\nConcerning Libya, the Deputy Secretary welcomed the contribution of Morocco "
        "to support the UN’s efforts on the political process and hosting the intra-Libyan "
        "dialogue.",
        date="2022-03-08",
    )
    assert all("LBY" not in e.countries for e in engagements)
    assert any(set(e.countries) == {"MAR", "USA"} for e in engagements)


def test_the_administration_is_the_publishers_side() -> None:
    engagements = found(
        "At the Generation Equality Forum in June of 2021, the Biden-Harris Administration "
        "made a commitment to relaunch this regional collaboration with the governments of "
        "Mexico and Canada.",
        date="2022-07-15",
    )
    forum = next(e for e in engagements if e.trigger == "Generation Equality Forum")
    assert {"USA", "MEX", "CAN"} <= set(forum.countries)


def test_a_visit_named_by_its_place_that_the_news_follows() -> None:
    engagements = found(
        "Secretary of State Antony J. Blinken met today with Greek Foreign Minister Dendias "
        "following the May 16 White House visit of Greek Prime Minister Mitsotakis.",
        date="2022-05-17",
    )
    meeting = next(e for e in engagements if e.type == "meeting")
    visit = next(e for e in engagements if e.type == "visit")
    assert (meeting.status, meeting.date) == ("main", "2022-05-17")
    assert (visit.status, visit.date) == ("background", "2022-05-16")
    assert set(visit.countries) == {"GRC", "USA"}
    # A nationality before "visit" is whose it is, not where: no visit to Greece.
    assert not any(
        e.type == "visit"
        for e in found("The Greek visit of Prime Minister Mitsotakis ended.", date="2022-05-17")
    )


def test_a_visit_named_by_its_place_after_a_possessive() -> None:
    # reuters21578-11175: "before or during his week-long Washington visit from April 29".
    engagement = only(
        "Japanese Prime Minister Yasuhiro Nakasone will discuss trade during his week-long "
        "Washington visit from April 29, officials said.",
        date="1987-04-10",
        source=None,
    )
    assert (engagement.type, engagement.status, engagement.date) == (
        "visit",
        "planned",
        "1987-04-29",
    )
    assert set(engagement.countries) == {"JPN", "USA"}
    assert engagement.place == "Washington"
    # No one's visit: a place before "visit" alone names no trip.
    assert not found(
        "Nakasone, preparing for a Washington visit, said Japan would open its markets."
    )


def test_next_week_is_ahead_in_any_tense() -> None:
    # reuters21578-8107: "Mikulic visits West Germany next week", a Sunday's story.
    engagement = only(
        "BELGRADE, March 23 - Yugoslav Prime Minister Branko Mikulic said debts would be "
        "paid. Mikulic visits West Germany next week.",
        date="1987-03-22",
        source=None,
    )
    assert (engagement.type, engagement.status) == ("visit", "planned")
    assert set(engagement.countries) == {"YUG", "BRD"}


def test_a_trip_announced_in_the_present_tense_the_day_before_is_ahead() -> None:
    # statedept-2022-07-15-6d8cabf100, published 15 July.
    engagements = found(
        "Assistant Secretary of State for Political-Military Affairs Jessica Lewis travels "
        "to the United Kingdom and Poland July 16-22, 2022, to meet with U.S. Allies.",
        date="2022-07-15",
    )
    assert engagements
    assert {(e.type, e.status, e.date) for e in engagements} == {("visit", "planned", "2022-07-16")}
    # The same words on the day the trip begins: its news.
    engagements = found(
        "Assistant Secretary of State for Political-Military Affairs Jessica Lewis travels "
        "to the United Kingdom and Poland July 16-22, 2022, to meet with U.S. Allies.",
        date="2022-07-16",
    )
    assert engagements
    assert {e.status for e in engagements} == {"main"}


def test_a_visit_welcomed_in_a_long_transcripts_first_words() -> None:
    # statedept-2021-05-25-3ce8ea9a97: a long press statement (the speaker's label
    # misspelt), whose other engagements are mentioned in passing.
    filler = " ".join(
        f"We discussed regional issue number {n} at some length." for n in range(1, 40)
    )
    body = (
        "Jerusalem\n\nPRIME MININSTER NETANYAHU: Secretary Blinken, Tony, welcome to "
        f"Jerusalem, your first visit as the Secretary of State. {filler}\n\n"
        "SECRETARY BLINKEN: Thank you. We have met with the two countries that applied."
    )
    engagements = found(
        body,
        title="Secretary Antony J. Blinken and Israeli Prime Minister Benjamin Netanyahu "
        "Statements to the Press",
        date="2021-05-25",
    )
    assert [at_a_glance(e) for e in engagements] == [
        ("visit", "main", "2021-05-25", {"ISR", "USA"})
    ]


def test_a_visits_month_before_its_destinations() -> None:
    # statedept-2022-05-19-9a23a6f309.
    engagements = found(
        "Secretary of State Antony J. Blinken met today in New York City with United Nations "
        "Secretary-General Antonio Guterres. They discussed the Secretary-General's visit in "
        "April to Kyiv and Moscow, noted concerns.",
        date="2022-05-19",
    )
    visits = sorted(
        (e.place, e.status, e.date, e.countries, e.orgs) for e in engagements if e.type == "visit"
    )
    assert visits == [
        ("Kyiv", "background", "2022-04", ("UKR",), ("UN",)),
        ("Moscow", "background", "2022-04", ("RUS",), ("UN",)),
    ]


def test_an_organisations_leaders_or_ministers_gathering_is_its_own() -> None:
    # statedept-2022-06-22-75a081720b: after "for the", the G7 is no portfolio.
    engagement = only(
        "On June 25, Secretary Blinken will travel to Schloss Elmau to join President Biden "
        "for the G7 Leaders’ Summit.",
        date="2022-06-22",
    )
    assert (engagement.type, engagement.status, engagement.date) == (
        "multilateral",
        "planned",
        "2022-06-25",
    )
    assert "G7" in engagement.orgs and "USA" in engagement.countries
    # reuters21578-13243
    engagement = only(
        "KNOKKE-HEIST, Belgium, April 5 - Chancellor of the Exchequer Nigel Lawson told "
        "reporters after an informal European Community finance ministers' meeting that "
        "sterling was stable.",
        date="1987-04-05",
        source=None,
    )
    assert (engagement.type, engagement.orgs) == ("multilateral", ("EU",))


def test_talks_by_a_bodys_ministers() -> None:
    # reuters21578-5169
    engagement = only(
        "BRUSSELS, March 15 - Tense trade relations will dominate talks by EC foreign "
        "ministers here tomorrow, diplomats said.",
        date="1987-03-15",
        source=None,
    )
    assert at_a_glance(engagement) == ("multilateral", "planned", "1987-03-16", set())
    assert engagement.orgs == ("EU",)
    # Talks of any kind are none: "the talks of the town".
    assert not found("BRUSSELS, March 15 - The talks of the town went on.", date="1987-03-15")


@pytest.mark.parametrize(
    ("body", "date", "expected"),
    [
        # statedept-2022-02-02-6b5e121799
        (
            "Secretary Blinken met with Japanese Foreign Minister Hayashi today. They built on "
            "the January 6 U.S.-Japan Security Consultative Committee.",
            "2022-02-02",
            ("consultations", "background", "2022-01-06", {"JPN", "USA"}),
        ),
        # statedept-2022-06-08-14fdb3d941
        (
            "The Deputy Secretary and Vice Foreign Minister Mori discussed plans for a "
            "ministerial-level U.S.-Japan Economic Policy Consultative Committee (EPCC) meeting "
            "in July.",
            "2022-06-08",
            ("consultations", "planned", "2022-07", {"JPN", "USA"}),
        ),
    ],
)
def test_a_consultative_bodys_meeting(body: str, date: str, expected: tuple) -> None:
    assert expected in [at_a_glance(e) for e in found(body, date=date)]


def test_a_consultative_body_is_no_meeting() -> None:
    # statedept-2022-05-20-e7588691fe: a channel, not a meeting.
    assert not [
        e
        for e in found(
            "They will discuss U.S.-Japan cooperation under the new Economic Policy Consultative "
            "Committee (EPCC).",
            date="2022-05-20",
        )
        if e.type == "consultations"
    ]


def test_a_visit_to_washington_dc_written_without_its_comma() -> None:
    # statedept-2022-04-13-894a134f2c
    engagement = only(
        "At the invitation of Secretary of State Antony Blinken, Uruguayan Foreign Minister "
        "Francisco Bustillo traveled to Washington D.C. on Tuesday April 12, 2022.",
        date="2022-04-13",
    )
    assert at_a_glance(engagement) == ("visit", "main", "2022-04-12", {"URY", "USA"})
    # "Washington" in a person's name is still no place.
    assert not found("Uruguayan Foreign Minister Bustillo met Washington Irving today.")


def test_the_next_legs_day_is_not_the_visits_own() -> None:
    # reuters21578-20091: Tuesday's story; Wednesday is when he leaves.
    engagements = found(
        "KUALA LUMPUR, Oct 20 - Australian Trade Minister Michael Duffy said GATT talks "
        "should move fast. Duffy is on a two-day visit to Malaysia and leaves for Indonesia "
        "on Wednesday.",
        date="1987-10-20",
        source=None,
    )
    assert sorted(at_a_glance(e) for e in engagements) == [
        ("visit", "main", "1987-10-20", {"AUS", "MYS"}),
        ("visit", "planned", "1987-10-21", {"AUS", "IDN"}),
    ]


def test_an_organisations_gathering_ahead_takes_part_as_those_who_discuss_it() -> None:
    # statedept-2021-05-27-ad20d58bd0
    engagements = found(
        "Secretary of State Antony J. Blinken spoke today with NATO Secretary General Jens "
        "Stoltenberg. Secretary Blinken and Secretary General Stoltenberg discussed next "
        "month’s NATO Summit as well as NATO’s importance.",
        date="2021-05-27",
    )
    summit = next(e for e in engagements if e.type == "multilateral")
    assert (summit.status, summit.date, summit.countries, summit.orgs) == (
        "planned",
        "2021-06",
        ("USA",),
        ("NATO",),
    )
    # A forum of fixed membership is its members, not whoever speaks of it.
    engagements = found(
        "SYDNEY, April 2 - Australian Trade Minister John Dawkins discussed the Venice summit "
        "of the Group of Seven industrial nations in June.",
        date="1987-04-02",
        source=None,
    )
    assert all("AUS" not in e.countries for e in engagements if "G7" in e.orgs)


def test_an_organisations_council_or_board_session() -> None:
    # reuters21578-12011, reuters21578-12152
    engagement = only(
        "LONDON, April 1 - The ICO's executive board session here this week has so far barely "
        "touched on the quota debate, delegates said.",
        date="1987-04-01",
        source=None,
    )
    assert (engagement.type, engagement.status, engagement.orgs) == (
        "multilateral",
        "main",
        ("ICO",),
    )
    engagement = only(
        "LONDON, April 1 - There seems little chance discussion on quotas will begin much "
        "before the ICO's annual council session in September, producers said.",
        date="1987-04-01",
        source=None,
    )
    assert (engagement.status, engagement.date, engagement.orgs) == ("planned", "1987-09", ("ICO",))


def test_a_departure_for_a_place_is_a_trip_there() -> None:
    # reuters21578-15470: "on the eve of Miyazawa's departure for Washington".
    engagement = only(
        "TOKYO, April 9 - The budget was announced on the eve of Finance Minister Kiichi "
        "Miyazawa's departure for Washington, to attend yesterday's meetings.",
        date="1987-04-09",
        source=None,
    )
    assert (engagement.type, set(engagement.countries)) == ("visit", {"JPN", "USA"})
    # reuters21578-740: "before his departure", the trip is still to come.
    engagements = found(
        "LONDON, March 2 - Brazilian Finance Minister Dilson Funaro met Chancellor Lawson. "
        "Talking before his departure for Paris, Funaro said Brazil would not pay.",
        date="1987-03-02",
        source=None,
    )
    paris = next(e for e in engagements if e.place == "Paris")
    assert (paris.type, paris.status, set(paris.countries)) == ("visit", "planned", {"BRA", "FRA"})
    # A programme's name is no trip: "Deferred Enforced Departure for Hong Kong residents".
    assert not found(
        "Today, President Biden directed Deferred Enforced Departure for Hong Kong residents.",
        date="2021-08-05",
    )


def test_an_organisations_board_meets() -> None:
    engagement = only(
        "BOGOTA, March 26 - The ICO executive board is set to meet in London from March 31 "
        "to discuss export quotas.",
        date="1987-03-26",
        source=None,
    )
    assert (engagement.type, engagement.status, engagement.date) == (
        "multilateral",
        "planned",
        "1987-03-31",
    )
    assert engagement.orgs == ("ICO",)


def test_what_a_forum_of_states_agreed_and_where() -> None:
    # Reuters writes "Opec" as often as "OPEC"; what it agreed, it agreed meeting.
    agreed = only(
        "Opec agreed in December to cut output by 7.25 pct to 15.8 mln bpd.",
        date="1987-03-05",
        source=None,
    )
    assert (agreed.type, agreed.status, agreed.date) == ("multilateral", "background", "1986-12")
    assert agreed.orgs == ("OPEC",)
    # "at OPEC's December conference" names its own meeting, not a place.
    conference = only(
        "King Fahd said Saudi Arabia was adhering to decisions made at OPEC's December "
        "conference which set a 15.8 mln bpd output ceiling.",
        date="1987-03-11",
        source=None,
    )
    assert (conference.status, conference.date) == ("background", "1986-12")
    assert conference.orgs == ("OPEC",)


def test_an_organisations_body_named_alone() -> None:
    engagements = found(
        "VIENNA, June 29 - Following are extracts from the communique issued at the "
        "conclusion of the OPEC conference here. The conference decided to reinstate the "
        "group of five heads of delegation established by the 77th (extraordinary) meeting of "
        "the conference in April, 1986. The next ordinary meeting of the conference will be "
        "convened in Vienna on December 9, 1987.",
        date="1987-06-29",
        source=None,
    )
    assert {(e.status, e.date, e.orgs) for e in engagements} == {
        ("main", "1987-06-29", ("OPEC",)),
        ("background", "1986-04", ("OPEC",)),
        ("planned", "1987-12-09", ("OPEC",)),
    }
    # Named alone before any organisation, a council is no one's.
    assert found("The city council meeting was set for Monday.", date="1987-03-04") == ()


def test_a_public_schedules_items_are_that_days_plans() -> None:
    engagements = found(
        "SECRETARY ANTONY J. BLINKEN\n\n2:15 p.m. Secretary Blinken meets with Tajikistan "
        "Foreign Minister Sirojiddin Muhriddin, at the Department of State.\n\n4:00 p.m. "
        "Secretary Blinken meets with Uzbekistan Foreign Minister Abdulaziz Kamilov, at the "
        "Department of State.",
        title="Public Schedule – July 1, 2021",
        date="2021-07-01",
    )
    assert {(e.status, e.date, e.countries) for e in engagements} == {
        ("planned", "2021-07-01", ("USA", "TJK")),
        ("planned", "2021-07-01", ("USA", "UZB")),
    }
    # A clock time on a past report dates nothing ahead.
    met = only("At 2:15 p.m. Secretary Blinken met with Tajikistan Foreign Minister Muhriddin.")
    assert met.status == "main"


def test_envoys_of_several_countries_agreed_as_they_met() -> None:
    engagements = found(
        "Representatives of the United States, Afghanistan, Pakistan, and Uzbekistan agreed "
        "in principle to establish a new quadrilateral diplomatic platform. The parties "
        "agreed to meet in the coming months to determine the modalities of this cooperation.",
        date="2021-07-16",
    )
    assert {(e.type, e.status, frozenset(e.countries)) for e in engagements} == {
        ("multilateral", "main", frozenset({"USA", "AFG", "PAK", "UZB"})),
        ("multilateral", "planned", frozenset({"USA", "AFG", "PAK", "UZB"})),
    }
    # Two countries' agreement reports no meeting of its own.
    assert found("Officials of Chad and Libya agreed in principle to a ceasefire.") == ()


def test_the_visit_of_someone_set_off_then_where() -> None:
    engagements = found(
        "Both countries exchanged substantive dialogue on key issues in December 2020 during "
        "the visit of Anže Logar, Minister of Foreign Affairs of Slovenia, to Washington, D.C. "
        "where the inaugural Strategic Dialogue between Slovenia and the United States was "
        "held. The parties decided the next Strategic Dialogue would take place in Washington.",
        date="2022-03-14",
    )
    visit = next(e for e in engagements if e.type == "visit")
    assert (visit.status, visit.date, visit.place) == ("background", "2020-12", "Washington")
    # "the next Strategic Dialogue": the series reported before, still to come.
    assert any(
        e.type == "consultations" and e.status == "planned" and set(e.countries) == {"SVN", "USA"}
        for e in engagements
    )


def test_the_next_meeting_of_the_dialogue_reported() -> None:
    # statedept-2021-05-26-81d5e5be4d, 2022-03-30-0cc8b704ea, 2022-04-22-b9a1d87003: "the
    # next high-level meeting" names no one; it is the next of the dialogue reported first,
    # not the summit an earlier sentence announced.
    engagements = found(
        "On May 26, Deputy Secretary of State Wendy Sherman and European External Action "
        "Service Secretary General Stefano Sannino met in Brussels for the U.S.-EU dialogue "
        "on China. They welcomed the upcoming EU-U.S. Summit taking place on 15 June. The "
        "next high-level meeting will take place in winter 2021/2022.",
        date="2021-05-26",
    )
    planned = sorted((e.trigger, e.date) for e in engagements if e.status == "planned")
    assert [trigger for trigger, _date in planned] == ["Summit", "meeting"]
    assert planned[0][1] == "2021-06-15"
    assert all(set(e.countries) == {"USA"} and e.orgs == ("EU",) for e in engagements)
    # "towards the end of 2022": its year.
    later = found(
        "Deputy Secretary Sherman and Secretary General Sannino met in Brussels on April 21. "
        "They decided to hold the next high-level meetings under the Dialogue on China "
        "towards the end of 2022.",
        date="2022-04-22",
    )
    assert ("planned", "2022") in {(e.status, e.date) for e in later}
    # The next meeting of an organisation named before stays the organisation's.
    opec = only(
        "VIENNA, June 27 - OPEC oil ministers ended their conference today. The next "
        "ordinary meeting of the conference will be convened in Vienna on December 9.",
        date="1987-06-27",
        source="Reuters",
    )
    assert (opec.status, opec.orgs, opec.date) == ("planned", ("OPEC",), "1987-12-09")


def test_a_summits_place_names_it_days_before_it() -> None:
    summit = only(
        "Shultz said Washington might decide at next week's Venice summit to lift its "
        "sanctions on some Japanese electronic goods.",
        date="1987-06-02",
        source=None,
    )
    assert (summit.status, summit.date, summit.orgs) == ("planned", "1987-06-08", ("G7",))


@pytest.mark.parametrize(
    ("body", "date", "status", "when"),
    [
        (
            "The talks follow an agreement reached between Nigeria and the Paris Club of "
            "western creditor governments in December to reschedule some 7.5 billion dlrs.",
            "1987-03-23",
            "background",
            "1986-12",
        ),
        (
            "Sudan reached a framework rescheduling agreement in 1984 with Western government "
            "creditors of the Paris Club.",
            "1987-03-18",
            "background",
            "1984",
        ),
        (
            "PARIS, March 9 - Morocco, buoyed by an economic turnaround and last week's Paris "
            "Club debt rescheduling, is likely to obtain more development aid.",
            "1987-03-09",
            "background",
            "1987-03",
        ),
        (
            "Discussing the status of other parts of Bolivia's foreign debt, Nogales said "
            "negotiators had achieved considerable success in recent discussions with the Paris "
            "Club.",
            "1987-03-12",
            "background",
            None,
        ),
    ],
)
def test_a_debtor_and_its_creditors(body: str, date: str, status: str, when: str | None) -> None:
    # An agreement reached with the Paris Club, its rescheduling, discussions with it: its
    # creditor governments met the debtor's.
    engagement = only(body, date=date, source=None)
    assert (engagement.type, engagement.orgs) == ("multilateral", ("Paris Club",))
    assert (engagement.status, engagement.date) == (status, when)


def test_discussions_held_with_someone() -> None:
    # A noun like "talks": "The Armacost discussions with ... will focus on" is ahead.
    discussions = only(
        "The U.S. Undersecretary of State's discussions with Deputy Foreign Minister Ryohei "
        "Murata and other senior Japanese officials will focus on foreign aid programs.",
        date="1987-03-31",
        source=None,
    )
    assert (discussions.type, discussions.status) == ("consultations", "planned")
    assert found("In their discussions, the two noted progress.") == ()


def test_preparations_for_a_meeting_are_for_one_ahead() -> None:
    conference = only(
        "The meeting is also part of preparations for a full-scale conference of the General "
        "Agreement on Tariffs and Trade (GATT) in Venice in June.",
        date="1987-03-22",
        source=None,
    )
    assert (conference.status, conference.date) == ("planned", "1987-06")


def test_named_talks_held_in_several_places() -> None:
    engagements = found(
        "Under Secretary Nuland will travel to Bangladesh, Sri Lanka, and India March 19-23. "
        "Under Secretary Nuland will hold Partnership Dialogues in Bangladesh and Sri Lanka "
        "and Foreign Office Consultations in New Delhi.",
        date="2022-03-18",
    )
    talks = {e.countries: e for e in engagements if e.type == "consultations"}
    assert set(talks) == {("USA", "BGD"), ("USA", "LKA"), ("USA", "IND")}
    assert all(e.status == "planned" for e in talks.values())


def test_a_meeting_then_a_larger_one_in_one_sentence() -> None:
    engagements = found(
        "Also in Seoul, Deputy Secretary Sherman will meet with Japanese Vice Foreign Minister "
        "Mori Takeo and have a trilateral meeting with ROK First Vice Foreign Minister Cho "
        "Hyun-dong and Vice Foreign Minister Mori.",
        date="2022-06-03",
    )
    assert {(e.type, frozenset(e.countries)) for e in engagements} == {
        ("meeting", frozenset({"USA", "JPN"})),
        ("multilateral", frozenset({"USA", "JPN", "KOR"})),
    }


def test_two_trips_to_one_country() -> None:
    engagements = found(
        "Deputy Secretary of State Wendy Sherman will travel to the Republic of Korea from "
        "June 5 to 14. The travel follows President Biden’s visit to the ROK last month.",
        date="2022-06-03",
    )
    visits = sorted((e.status, e.date) for e in engagements if e.type == "visit")
    assert visits == [("background", "2022-05"), ("planned", "2022-06-05")]


def test_events_hosted_by_countries() -> None:
    (event,) = [
        e
        for e in found(
            "Deputy Secretary Sherman will travel to Honiara, Solomon Islands. She will attend "
            "additional memorial events organized by Solomon Islands and Japan.",
            date="2022-07-25",
        )
        if e.type != "visit"
    ]
    assert (event.type, event.status, set(event.countries)) == (
        "multilateral",
        "planned",
        {"USA", "SLB", "JPN"},
    )


def test_talks_held_in_a_capital_are_with_its_government() -> None:
    talks = only(
        "BONN, April 2 - Soviet deputy prime minister Alexei Antonov begins two days of "
        "economic talks in Bonn that will include discussions on joint ventures.",
        date="1987-04-02",
        source=None,
    )
    assert (talks.type, talks.status, set(talks.countries)) == (
        "consultations",
        "main",
        {"SUN", "BRD"},
    )
    # Where organisations sit, talks are not the host's.
    assert (
        found(
            "Soviet negotiator Yuli Vorontsov said after the latest talks in Geneva that progress "
            "was slow.",
            date="1987-03-05",
            source=None,
        )
        == ()
    )


def test_days_of_negotiations_in_a_demonyms_capital() -> None:
    talks = only(
        "PEKING, March 23 - Portuguese Ambassador Octavio Valerio said he was very happy after "
        "four days of negotiations in the Chinese capital.",
        date="1987-03-23",
        source=None,
    )
    assert (talks.type, set(talks.countries)) == ("consultations", {"PRT", "CHN"})


def test_an_organisation_named_by_its_noun_and_here() -> None:
    engagements = found(
        "DHAKA, March 9 - Senior officials of the Group of 77 met today. The officials are "
        "meeting to finalise the agenda for the group's regional ministerial conference here "
        "Saturday.",
        date="1987-03-09",
        source=None,
    )
    conference = next(e for e in engagements if e.status == "planned")
    assert (conference.date, conference.orgs, conference.countries) == (
        "1987-03-14",
        ("Group of 77",),
        ("BGD",),
    )
    meeting = only(
        "MANILA, April 21 - The Asian Development Bank said Taiwan had been invited to the "
        "bank's 20th annual meeting starting April 27 in Osaka.",
        date="1987-04-21",
        source=None,
    )
    assert (meeting.status, meeting.date, meeting.orgs) == (
        "planned",
        "1987-04-27",
        ("Asian Development Bank",),
    )


def test_what_may_happen_at_a_meeting_to_come() -> None:
    # "should" is about the plan; the next meeting of the group will be held.
    meeting = only(
        "EC foreign ministers agreed that the plan should be presented to the next meeting of "
        "the GATT farm negotiating group in Geneva on October 26, diplomats said.",
        date="1987-10-20",
        source=None,
    )
    assert (meeting.status, meeting.date, meeting.orgs) == ("planned", "1987-10-26", ("GATT",))


def test_a_committees_meeting_prepared_for() -> None:
    meeting = only(
        "The talks, held to prepare for this week's International Monetary Fund interim "
        "committee meeting in Washington, underlined a decline in bank aid.",
        date="1987-04-07",
        source=None,
    )
    assert (meeting.type, meeting.status, meeting.orgs) == ("multilateral", "planned", ("IMF",))


def test_consultations_planned_between_the_two() -> None:
    (consultations,) = [
        e
        for e in found(
            "The United States and Germany launched a dialogue on Holocaust issues. Formal "
            "senior-level consultations are planned for late 2021.",
            date="2021-06-24",
        )
        if e.trigger == "consultations"
    ]
    assert (consultations.status, set(consultations.countries)) == ("planned", {"USA", "DEU"})
    # Not any consultations of one's own that go on.
    assert all(
        e.status != "planned"
        for e in found(
            "Secretary Blinken met Foreign Minister Chung. We hope to continue our consultations "
            "on how to further cooperation.",
        )
    )


def test_a_sentence_after_washington_dc_is_its_own() -> None:
    meeting = only(
        "Deputy Secretary of State Wendy Sherman met today with New Zealand Secretary of "
        "Foreign Affairs and Trade Chris Seed in Washington, D.C. Deputy Secretary Sherman "
        "condemned Putin’s premeditated war against Ukraine."
    )
    assert set(meeting.countries) == {"USA", "NZL"}


def test_leaving_for_a_country() -> None:
    visit = only(
        "LONDON, April 1 - British Corporate Affairs minister Michael Howard leaves for Japan "
        "on Saturday.",
        date="1987-04-01",
        source=None,
    )
    assert at_a_glance(visit) == ("visit", "planned", "1987-04-04", {"GBR", "JPN"})


def test_members_of_a_council_met() -> None:
    meeting = only(
        "Members of the Security Council met behind closed doors on Monday to discuss "
        "developments in the Gulf.",
        date="1987-10-19",
        source=None,
    )
    assert (meeting.type, meeting.date) == ("multilateral", "1987-10-19")


def test_a_visit_that_begins_on_a_weekday_to_come() -> None:
    visit = only(
        "LONDON, March 22 - King Fahd of Saudi Arabia begins a four-day state visit on Tuesday.",
        date="1987-03-22",
        source=None,
    )
    assert (visit.type, visit.status, visit.date) == ("visit", "planned", "1987-03-24")


def test_a_trip_list_with_an_acronym_in_parentheses() -> None:
    engagements = found(
        "Deputy Secretary of State Wendy R. Sherman will travel to Japan, the Republic of "
        "Korea (ROK), and Mongolia from July 18 to July 25.",
        date="2021-07-15",
    )
    visits = sorted(tuple(sorted(e.countries)) for e in engagements if e.type == "visit")
    assert visits == [("JPN", "USA"), ("KOR", "USA"), ("MNG", "USA")]
    assert {e.date for e in engagements} == {"2021-07-18"}


def test_a_strategic_dialogue_held_on_a_visit_is_its_own() -> None:
    engagements = found(
        "Deputy Secretary of State Wendy R. Sherman will travel to Japan and the Republic of "
        "Korea from July 18 to July 25. The Deputy Secretary will then travel to Seoul for "
        "meetings with ROK officials and a strategic dialogue with ROK First Vice Foreign "
        "Minister Choi Jong Kun.",
        date="2021-07-15",
    )
    dialogue = next(e for e in engagements if e.type == "consultations")
    assert set(dialogue.countries) == {"USA", "KOR"} and dialogue.status == "planned"
    assert any(e.type == "visit" and "KOR" in e.countries for e in engagements)


def test_a_named_dialogue_dated_by_the_clause_on_it() -> None:
    engagements = found(
        "Today’s announcement follows the U.S.-Croatia Strategic Dialogue, which was held in "
        "Washington, D.C. in March and mapped future areas of cooperation.",
        date="2022-04-05",
    )
    dialogue = next(e for e in engagements if e.type == "consultations")
    assert (dialogue.status, dialogue.date) == ("background", "2022-03")
    assert set(dialogue.countries) == {"USA", "HRV"}


def test_the_speakers_own_trip_told_as_history() -> None:
    engagements = found(
        "It’s a pleasure to receive Foreign Minister Popescu, to return the warm hospitality "
        "that the foreign minister showed me and our team when we were in Moldova just a "
        "couple of months ago.",
        date="2022-04-18",
    )
    visit = next(e for e in engagements if e.type == "visit")
    assert set(visit.countries) == {"USA", "MDA"} and visit.status == "background"


def test_the_speakers_trip_without_a_speaker_or_publisher_is_no_ones() -> None:
    assert (
        found(
            "It was a pleasure to see the hospitality shown to our team when we were in "
            "Moldova just a couple of months ago.",
            date="2022-04-18",
            source=None,
        )
        == ()
    )


def test_a_named_gathering_a_relative_clause_hosts_is_a_multilateral() -> None:
    summit = only(
        "We look forward to working with Panama to advance the Los Angeles Declaration on "
        "Migration and Protection ahead of the Summit of the Americas, which the United "
        "States will host in June 2022.",
        date="2022-04-20",
    )
    # (the known edition: its first day and place, `test_known_meetings`)
    assert (summit.type, summit.status, summit.date) == ("multilateral", "planned", "2022-06-06")
    assert set(summit.countries) == {"USA", "PAN"}
    # A forum named after its two parties stays a meeting of two.
    (forum,) = found(
        "Today in Zagreb, Croatia, at the U.S.-Croatia Forum, Assistant Secretary of State "
        "Lee Satterfield met with Croatian Minister of Culture Nina Obuljen Koržinek.",
        date="2022-04-05",
    )
    assert forum.type == "meeting"
    (meeting,) = found(
        "Secretary Blinken met with Russian Foreign Minister Lavrov ahead of the U.S.-Russia "
        "Summit, which the two presidents will hold in Geneva on June 16.",
        date="2021-05-20",
    )
    assert meeting.type == "meeting"


def test_an_organisations_recurring_meeting_named_alone_just_after_it() -> None:
    engagements = found(
        "TAIPEI, March 23 - Taiwan is holding discussions with the Asian Development Bank "
        "(ADB) to try to settle a political dispute over its representation in the bank.\n\n"
        "Taiwan, one of the founders of the 47-member ADB, boycotted the annual meeting last "
        "year to protest against a decision to change its membership name.\n\n"
        "A decision on whether Taiwan would attend the next meeting in Japan on April 27-29 "
        "would depend on the results of the talks.",
        date="1987-03-23",
        source=None,
    )
    by_status = {e.status: e for e in engagements if e.type == "multilateral"}
    assert by_status["background"].orgs == ("Asian Development Bank",)
    assert by_status["background"].date == "1986"
    assert by_status["planned"].orgs == ("Asian Development Bank",)
    assert by_status["planned"].date == "1987-04-27"
    # Far from any organisation, "the annual meeting" is no one's in particular.
    assert not found(
        "The Asian Development Bank lent more this year. "
        + "Farm prices rose. " * 40
        + "Dealers expect the annual meeting next month to be quiet.",
        date="1987-03-23",
        source=None,
    )


def test_talks_that_ended_after_days_are_dated_by_their_first_day() -> None:
    (talks,) = found(
        "PEKING, March 23 - Portugal and China have agreed on the future of Macao, a "
        'Portuguese official said.\n\n"We are very happy with the results," Portuguese '
        "Ambassador Octavio Valerio said after four days of negotiations in the Chinese capital.",
        date="1987-03-23",
        source=None,
    )
    assert (talks.type, talks.date) == ("consultations", "1987-03-20")
    assert set(talks.countries) == {"PRT", "CHN"}
    # Talks the story says ended today, and elsewhere calls "the three-day talks".
    (talks,) = [
        e
        for e in found(
            "GENEVA, March 20 - The European Community (EC) and Soviet-led Comecon ended talks "
            "here, having made progress on setting up formal trade relations, delegates said.\n\n"
            'An EC negotiator taking part in the three-day talks said: "We wanted the clause in."',
            date="1987-03-20",
            source=None,
        )
        if e.status == "main"
    ]
    assert talks.date == "1987-03-18"


def test_a_transcripts_stage_direction_records_the_announced_signing_done() -> None:
    # Abridged from the State Department's transcript of 2 May 2022.
    engagements = found(
        "Washington, D.C.\n\nSECRETARY BLINKEN: Good afternoon, everyone. It is a great "
        "pleasure to welcome the foreign minister from Armenia here to the State Department, "
        "to the United States.\n\nFOREIGN MINISTER MIRZOYAN: Thank you.\n\nArmenia also "
        "appreciate United States support for developing Armenia’s energy sector, and here it "
        "will be honor for me to sign with you the Memorandum of Understanding on our civil "
        "nuclear cooperation.\n\nSECRETARY BLINKEN: Thank you.\n\n(The Memorandum of "
        "Understanding is signed.)\n\nSECRETARY BLINKEN: Thank you very much.",
        title="Secretary Antony J. Blinken and Armenian Foreign Minister Ararat Mirzoyan at a "
        "Signing Ceremony for a Memorandum of Understanding Concerning Strategic Civil Nuclear "
        "Cooperation",
        date="2022-05-02",
    )
    (signing,) = [e for e in engagements if e.type == "signing"]
    assert signing.status == "main"
    assert set(signing.countries) == {"USA", "ARM"}


def test_a_wire_storys_he_after_its_lead_and_in_a_relative_clause() -> None:
    body = (
        "RIYADH, March 11 - King Fahd said today Saudi Arabia wants oil price stability.\n\n"
        "His plea, in an interview with Reuters, came ahead of a state visit he will make to "
        "Britain later this month."
    )
    (visit,) = found(body, date="1987-03-11", source=None)
    assert (visit.type, visit.status, visit.date) == ("visit", "planned", "1987-03")
    assert set(visit.countries) == {"SAU", "GBR"}
    # Further into the story, "he" stays in its paragraph.
    later = body.replace(
        "\n\nHis plea", "\n\nOil prices fell.\n\nTraders were cautious.\n\nHis plea"
    )
    assert not found(later, date="1987-03-11", source=None)


def test_returning_to_a_country_looked_forward_to_is_a_trip_there() -> None:
    engagements = found(
        "Secretary Blinken met today with Australian Foreign Minister Marise Payne in "
        "Melbourne. The Secretary noted that he looks forward to returning to Australia this "
        "year.",
        date="2022-02-11",
    )
    visit = next(e for e in engagements if e.type == "visit")
    assert (visit.status, visit.date) == ("planned", "2022")
    assert set(visit.countries) == {"USA", "AUS"}
    # A government's return to its own city, or a territory's to a rule, is no trip.
    assert not [
        e
        for e in found(
            "Special Envoy Lenderking noted the need for the Yemeni government to return to "
            "Aden as soon as possible. Macao would be returned to Chinese rule in 1999.",
            date="2021-06-18",
        )
        if e.type == "visit"
    ]


def test_on_his_way_after_a_tour_is_the_trip_ahead_not_a_meeting_of_all() -> None:
    engagements = found(
        "BRASILIA, March 1 - Brazil's Finance Minister Dilson Funaro is seeking support for "
        "the debt talks.\n\nAfter visiting the U.S., England, France, West Germany, Italy and "
        "Switzerland, Funaro is now on his way to Tokyo, where he is to arrive on Sunday for "
        "talks with Japanese government officials as well as private bankers.",
        date="1987-03-01",
        source=None,
    )
    assert not [e for e in engagements if e.type == "multilateral"]
    tokyo = next(e for e in engagements if set(e.countries) == {"BRA", "JPN"})
    assert (tokyo.type, tokyo.status, tokyo.date) == ("visit", "planned", "1987-03-08")
    toured = {e.countries for e in engagements if e.status == "background"}
    assert ("BRA", "CHE") in toured and len(toured) == 6


def test_an_announced_trip_takes_the_day_the_story_gives_it_later() -> None:
    body = (
        "TOKYO, March 27 - Prime Minister Yasuhiro Nakasone will visit Washington next month "
        "in a bid to defuse mounting U.S. anger over Japanese trade policies.\n\n"
        "News of the week-long visit starting April 29 coincided with news of a record "
        "trade surplus."
    )
    (visit,) = found(body, date="1987-03-27", source=None)
    assert (visit.type, visit.status, visit.date) == ("visit", "planned", "1987-04-29")
    # A day in another month is another matter.
    other = body.replace("starting April 29", "starting May 29")
    assert found(other, date="1987-03-27", source=None)[0].date == "1987-04"


def test_the_next_round_of_talks_on_a_territorys_future_is_the_two_countries() -> None:
    engagements = found(
        "PEKING, March 20 - A Portuguese official today said no more problems remained in "
        "settling the future of Macao, and China's Foreign Ministry said an announcement "
        "would be made at the end of talks on the tiny territory.\n\n"
        "Valerio said the next formal talks would be Monday.",
        date="1987-03-20",
        source=None,
    )
    assert all(set(e.countries) == {"PRT", "CHN"} for e in engagements), engagements
    assert "1987-03-23" in {e.date for e in engagements if e.status == "planned"}


def test_a_signing_told_as_an_event_is_the_two_countries_not_the_territory() -> None:
    engagements = found(
        "PEKING, March 23 - Details of today's agreement to hand over Portuguese-ruled Macao "
        "to China will be released after the official signing in Peking on Thursday, "
        "Portuguese Ambassador to Peking Octavio Valerio said.",
        date="1987-03-23",
        source=None,
    )
    signing = next(e for e in engagements if e.type == "signing")
    assert (signing.status, signing.date) == ("planned", "1987-03-26")
    assert set(signing.countries) == {"PRT", "CHN"}


def test_your_visit_in_a_transcript_is_the_one_spoken_tos() -> None:
    engagements = found(
        "Vilnius, Lithuania\n\nPRESIDENT NAUSEDA: Good afternoon. Mr. Secretary, appreciate "
        "your visit to Vilnius.\n\nSECRETARY BLINKEN: Thank you, Mr. President.",
        title="Secretary Antony J. Blinken And Lithuanian President Gitanas Nauseda Before "
        "Their Meeting",
        date="2022-03-07",
    )
    (visit,) = engagements
    assert (visit.type, visit.status) == ("visit", "main")
    assert set(visit.countries) == {"USA", "LTU"}


def test_an_organisations_own_meeting_a_minister_attends_is_its_members() -> None:
    (meeting,) = [
        e
        for e in found(
            "BONN, April 3 - Finance Minister Gerhard Stoltenberg said the Paris accord would "
            "be continued, before he attends next week's International Monetary Fund meeting "
            "in Washington.",
            date="1987-04-03",
            source=None,
        )
        if e.status == "planned"
    ]
    assert meeting.type == "multilateral"
    assert "IMF" in meeting.orgs


def test_speaking_with_someone_where_one_goes_is_no_call() -> None:
    engagements = found(
        "In Panama, the delegation will meet with President Cortizo. They will also visit the "
        "Panama Canal to speak with Canal Administrator Vásquez.",
        date="2021-06-25",
    )
    assert engagements and not [e for e in engagements if e.type == "call"]


def test_a_meeting_recalled_as_said_at_a_forum_is_that_meeting_and_history() -> None:
    engagements = found(
        "As President Biden reiterated during his meeting with Prime Minister Trudeau at the "
        "Summit of the Americas, the United States has no better friend than Canada.",
        date="2022-07-01",
    )
    (meeting,) = [e for e in engagements if e.type == "meeting"]
    assert (meeting.type, meeting.status) == ("meeting", "background")
    assert set(meeting.countries) == {"USA", "CAN"}
    # The summit it was held at is history too, a meeting of its own.
    (summit,) = [e for e in engagements if e.type == "multilateral"]
    assert (summit.status, summit.date) == ("background", "2022-06-06")


def test_the_next_meeting_of_two_countries_is_not_an_organisation_named_nearby() -> None:
    engagements = found(
        "TOKYO, March 3 - The Asian Development Bank approved new loans today. Japanese "
        "Foreign Minister Tadashi Kuranari and Chinese Foreign Minister Wu Xueqian met in "
        "Tokyo and agreed to attend the next meeting in Peking in May.",
        date="1987-03-03",
        source=None,
    )
    assert engagements
    assert not [e for e in engagements if e.orgs]


def test_a_trips_stops_listed_between_semicolons_are_each_a_visit() -> None:
    engagements = found(
        "Under Secretary of State for Political Affairs Victoria Nuland will travel to Asuncion, "
        "Paraguay; Panama City, Panama; and San Salvador, El Salvador, June 27-June 30 with an "
        "interagency delegation.",
        date="2021-06-25",
    )
    visits = {e.place: e for e in engagements if e.type == "visit"}
    assert {v.countries[-1] for v in visits.values()} == {"PRY", "PAN", "SLV"}
    assert {(v.status, v.date) for v in visits.values()} == {("planned", "2021-06-27")}


def test_a_pairs_dialogue_said_to_be_held_is_their_consultations() -> None:
    (dialogue,) = found(
        "The Deputy Secretary welcomed the productive Morocco-U.S. dialogue on human rights "
        "held in September 2021.",
        date="2022-03-08",
    )
    assert (dialogue.type, dialogue.status, dialogue.date) == (
        "consultations",
        "background",
        "2021-09",
    )
    assert set(dialogue.countries) == {"MAR", "USA"}
    # A dialogue of a pair that is not said to be held is a channel, not an encounter.
    assert not found("They value the Morocco-U.S. dialogue on human rights.", date="2022-03-08")


def test_meetings_during_the_visitors_own_visit_are_one_visit() -> None:
    # statedept-2022-06-17: no destination is written; the visitor is the one "his" names,
    # the hosts the government's own departments ("the Departments of Defense").
    (visit,) = found(
        "Under Secretary of State Bonnie Jenkins met with Director-General of the Organization "
        "for the Prohibition of Chemical Weapons (OPCW), Ambassador Fernando Arias. Senior "
        "officials at the Departments of Defense and Commerce, and the National Security "
        "Council also met with Director Arias during his two-day visit.",
        date="2022-06-17",
    )
    assert (visit.type, visit.status, visit.countries, visit.orgs) == (
        "visit",
        "main",
        ("USA",),
        ("OPCW",),
    )
    # A visit that says where it goes is read from its destination, as before.
    trip = found(
        "Secretary Blinken met with Foreign Minister Kuleba during his visit to Kyiv.",
        date="2022-06-17",
    )
    assert [(e.type, set(e.countries)) for e in trip] == [("visit", {"USA", "UKR"})]


REUTERS = "Reuters (Reuters-21578, Distribution 1.0)"


def test_an_organisations_meeting_takes_part_as_the_members_the_story_shows_acting() -> None:
    # reuters21578-876 and -562: the members' stands, not a list of who sat at the table.
    (talks,) = found(
        "BRUSSELS, March 3 - European Community (EC) farm ministers early today abandoned "
        "talks aimed at saving an agreement on cutting excessive milk production. Diplomats "
        "said member states were unable to settle differences. West Germany and Ireland are "
        "opposed to the steps.",
        date="1987-03-02",
        source=REUTERS,
    )
    assert (talks.type, talks.orgs, set(talks.countries)) == (
        "multilateral",
        ("EU",),
        {"BRD", "IRL"},
    )
    (coffee,) = found(
        "LONDON, March 2 - Talks at the extended special meeting of the International Coffee "
        "Organization (ICO) on export quotas continued. Producer delegates examined a "
        "Colombian proposal to resume quotas. But Brazil's unwillingness to concede any of its "
        "market share looks likely to preclude any accord, other delegates said.",
        date="1987-03-02",
        source=REUTERS,
    )
    assert set(coffee.countries) == {"COL", "BRA"}
    # Delegates who stayed away are not at the table; nor is a country's stand at a forum
    # of fixed membership it does not belong to.
    (sugar,) = found(
        "LONDON, March 20 - The International Sugar Organization council met today. Soviet "
        "and East German delegates did not attend the council session.",
        date="1987-03-20",
        source=REUTERS,
    )
    assert sugar.countries == ()


def test_a_governments_own_text_keeps_an_organisations_meeting_as_its_own() -> None:
    # A speech mentions NATO's meetings beside a country that acts elsewhere in it.
    engagements = found(
        "NATO foreign ministers met in Brussels today. Georgia's proposal on the border "
        "remains under review.",
        date="2022-04-27",
    )
    # (not Georgia; the publisher, a member, sends its delegation)
    assert [(e.orgs, e.countries) for e in engagements] == [(("NATO",), ("USA",))]


def test_a_call_held_yesterday_with_is_a_call_on_that_day() -> None:
    # statedept-2022-05-13 (dev19): the time word between "call" and "with".
    (call,) = found(
        "Secretary of State Antony J. Blinken held his introductory call yesterday with "
        "Republic of Korea (ROK) Minister of Foreign Affairs Park Jin.",
        title="Secretary Blinken’s Call with Republic of Korea Foreign Minister Park",
        date="2022-05-13",
    )
    assert (call.type, call.date, set(call.countries)) == ("call", "2022-05-12", {"USA", "KOR"})
    # A call on others to act is no call.
    assert not found("We call on Russia with urgency to withdraw its forces.")


def test_a_readouts_title_engagement_takes_the_day_its_opening_gives() -> None:
    # statedept-2021-06-13 (dev19): the body tells no call, only "today".
    (call,) = found(
        "The below is attributable to Spokesperson Ned Price:\n\nSecretary of State Antony J. "
        "Blinken warmly congratulated Yair Lapid today on his new role as Alternate Prime "
        "Minister and Foreign Minister of Israel.",
        title="Secretary Blinken’s Call with Israeli Alternate Prime Minister and Foreign "
        "Minister Lapid",
        date="2021-06-13",
    )
    assert (call.type, call.date) == ("call", "2021-06-13")
    # The date of a thing is not the day of the call.
    (undated,) = found(
        "Secretary Blinken congratulated Foreign Minister Park on his May 12 appointment.",
        title="Secretary Blinken’s Call with Republic of Korea Foreign Minister Park",
        date="2022-05-13",
    )
    assert undated.date is None


def test_the_european_commission_is_the_eu_and_backing_talks_is_not_holding_them() -> None:
    # statedept-2022-04-21 (dev19).
    (meeting,) = found(
        "Deputy Secretary of State Wendy Sherman met today in Brussels with Bjoern Seibert, "
        "Head of Cabinet of the European Commission President Ursula von der Leyen. Deputy "
        "Secretary Sherman reaffirmed the United States’ support for the formal opening of EU "
        "accession negotiations with North Macedonia and Albania.",
        date="2022-04-21",
    )
    assert (meeting.type, meeting.countries, meeting.orgs) == ("meeting", ("USA",), ("EU",))


def test_an_organisations_council_that_adjourned_met() -> None:
    # reuters21578-10586 (dev19).
    (council,) = found(
        "LONDON, March 27 - The International Cocoa Organization (ICCO) council adjourned "
        "after agreeing buffer stock rules for the 1986 International Cocoa Agreement, an ICCO "
        "spokesman said.",
        date="1987-03-27",
        source=REUTERS,
    )
    assert (council.type, council.status, council.orgs, council.date) == (
        "multilateral",
        "main",
        ("ICCO",),
        "1987-03-27",
    )
    # A court or a hearing that adjourned is no organisation's meeting.
    assert not found(
        "LONDON, March 27 - The court adjourned the hearing until Monday.",
        date="1987-03-27",
        source=REUTERS,
    )


def test_looking_forward_to_welcoming_the_minister_to_a_capital_is_a_visit_to_come() -> None:
    # statedept-2021-06-13 (dev19): the title-only "the Minister", the past "looked
    # forward", and no day: "today" dates the call told before, not the visit.
    engagements = found(
        "Secretary of State Antony J. Blinken warmly congratulated Yair Lapid today on his "
        "appointment as Alternate Prime Minister and Foreign Minister of Israel. Minister "
        "Lapid and Secretary Blinken acknowledged the strong partnership between the United "
        "States and Israel, and the Secretary noted that he looked forward to welcoming the "
        "Minister to Washington soon.",
        title="Secretary Blinken’s Call with Israeli Alternate Prime Minister and Foreign "
        "Minister Lapid",
        date="2021-06-13",
    )
    visit = next(e for e in engagements if e.type == "visit")
    assert (visit.status, visit.date, set(visit.countries)) == ("planned", None, {"USA", "ISR"})
    # Welcoming a decision to a place is no visit.
    assert not [
        e
        for e in found("The Secretary welcomed the decision to hold elections.", date="2021-06-13")
        if e.type == "visit"
    ]


def test_a_daily_public_schedule_announces_the_days_engagements() -> None:
    # statedept-2022-05-15 (dev19): a working breakfast with a foreign minister is a
    # meeting; the schedule's entries are to come on its day; the trip under way is not.
    engagements = found(
        "***THE DAILY PUBLIC SCHEDULE IS SUBJECT TO CHANGE***\n\nSECRETARY ANTONY J. BLINKEN\n\n"
        "Secretary Blinken is on travel to Germany, France, and the UAE from May 14-16, 2022.\n\n"
        "8:00 a.m. LOCAL Secretary Blinken participates in a working breakfast with Ukrainian "
        "Foreign Minister Dmytro Kuleba in Berlin, Germany. (CLOSED PRESS COVERAGE)\n\n"
        "9:00 a.m. LOCAL Secretary Blinken participates in NATO Informal Foreign Ministers "
        "Ministerial Session I in Berlin, Germany. (POOLED CAMERA SPRAY AT TOP)",
        title="Public Schedule – May 15, 2022",
        date="2022-05-15",
    )
    by_type = {(e.type, e.orgs[0] if e.orgs else e.countries[-1]): e for e in engagements}
    breakfast = by_type[("meeting", "UKR")]
    assert (breakfast.status, breakfast.date) == ("planned", "2022-05-15")
    assert by_type[("multilateral", "NATO")].status == "planned"
    assert by_type[("visit", "DEU")].status == "main"
    # The same breakfast in a readout is what happened.
    (told,) = found(
        "Secretary Blinken held a working breakfast with Ukrainian Foreign Minister Dmytro "
        "Kuleba in Berlin today.",
        date="2022-05-15",
    )
    assert (told.type, told.status) == ("meeting", "main")


def test_a_date_past_the_purpose_that_names_a_thing_does_not_date_the_call() -> None:
    # statedept-2022-03-13: the tweet restating the call is the same call, not one of
    # February 26, the day of the tests it condemns.
    (call,) = found(
        "On March 10, Special Representative for the DPRK Sung Kim called PRC Special "
        "Representative on Korean Peninsula Affairs Liu Xiaoming to discuss the launches.\n\n"
        "@StateDeptSpox: Special Rep. for the DPRK Kim called PRC Special Rep. Liu to condemn "
        "the Feb 26 and March 4 tests of a new DPRK intercontinental ballistic missile system.",
        date="2022-03-13",
    )
    assert (call.type, call.status, call.date) == ("call", "main", "2022-03-10")


def test_a_planned_meeting_of_two_leaders_named_before_it_takes_both() -> None:
    # statedept-2022-04-05 (two readouts): "Aliyev" is a common surname, alone only as
    # someone's where Azerbaijan is named; a joint possessive names both who meet.
    for body in (
        "The Secretary expressed his encouragement for further peace negotiations between "
        "Armenia and Azerbaijan, including Pashinyan’s and Aliyev’s planned meeting April 6 "
        "with European Council President Michel.",
        "The Secretary expressed his encouragement for peace negotiations between Armenia and "
        "Azerbaijan, including President Aliyev and Armenian Prime Minister Pashinyan’s "
        "planned meeting on April 6 with European Council President Michel.",
    ):
        (meeting,) = found(body, date="2022-04-05")
        assert (meeting.type, meeting.status, meeting.date) == (
            "multilateral",
            "planned",
            "2022-04-06",
        )
        assert (set(meeting.countries), meeting.orgs) == ({"ARM", "AZE"}, ("EU",))


def test_who_chairs_a_quoted_ministerial_takes_part_and_its_name_has_no_quotes() -> None:
    # statedept-2022-05-17.
    (ministerial,) = found(
        "In the afternoon, Secretary Blinken will chair a “Global Food Security Call to "
        "Action” Ministerial hosted by the United States.",
        date="2022-05-17",
    )
    assert ministerial.participants == (("USA", "Blinken"),)
    assert "”" not in ministerial.trigger and "“" not in ministerial.trigger


def test_an_office_named_alone_is_the_one_person_of_the_article_who_holds_it() -> None:
    # statedept-2022-03-10, statedept-2022-02-11.
    engagements = found(
        "Deputy Secretary of State Wendy Sherman met today with Algerian Foreign Minister "
        "Ramtane Lamamra in Algiers. The Deputy Secretary and Foreign Minister welcomed the "
        "opportunity to hold the fifth U.S.-Algeria Strategic Dialogue.",
        date="2022-03-10",
    )
    dialogue = next(e for e in engagements if e.type == "consultations")
    assert set(dialogue.participants) == {("USA", "Wendy Sherman"), ("DZA", "Ramtane Lamamra")}
    # Two who hold the office: neither is guessed.
    engagements = found(
        "Foreign Minister Ramtane Lamamra and Foreign Minister Nasser Bourita spoke today. "
        "The Foreign Minister will travel to Washington next week.",
        date="2022-03-10",
    )
    assert all(
        ("DZA", "Ramtane Lamamra") not in e.participants for e in engagements if e.type == "visit"
    )


def test_remarks_before_a_meeting_at_home_that_call_it_this_visit_are_the_guests_visit() -> None:
    # statedept-2021-07-01 (dev18), statedept-2022-04-18.
    title = "Secretary Antony J. Blinken and Uzbek Foreign Minister Abdulaziz Kamilov Before Their Meeting"
    body = (
        "Washington, D.C.\n\nSECRETARY BLINKEN: Good afternoon, everyone. It is a pleasure to "
        "welcome Foreign Minister Kamilov of the Republic of Uzbekistan. We have a broad "
        "agenda during this visit."
    )
    (visit,) = found(body, title=title, date="2021-07-01")
    assert (visit.type, visit.status, visit.place, set(visit.countries)) == (
        "visit",
        "main",
        "Washington, D.C.",
        {"USA", "UZB"},
    )
    # Without "this visit", the remarks' meeting stays a meeting.
    (meeting,) = found(body.replace("during this visit", "today"), title=title, date="2021-07-01")
    assert meeting.type == "meeting"


def test_a_readouts_one_meeting_abroad_with_the_opportunity_to_visit_is_a_visit() -> None:
    # statedept-2022-07-11.
    (visit,) = found(
        "Secretary of State Antony J. Blinken met today with Japanese Prime Minister Kishida "
        "Fumio in Tokyo, Japan, to offer his condolences. The Secretary thanked the Prime "
        "Minister for the opportunity to visit and pay his respects.",
        date="2022-07-11",
    )
    assert (visit.type, visit.date, set(visit.countries)) == ("visit", "2022-07-11", {"USA", "JPN"})


def test_emergency_talks_that_ended_on_a_day_are_dated_by_their_first() -> None:
    # reuters21578-16187.
    engagements = found(
        "TOKYO, April 13 - Shinji Fukukawa said Japan was ready to continue trade talks with "
        "the United States despite its failure to convince America to call off the threatened "
        "tariffs during two days of emergency talks which ended in Washington on Friday.",
        date="1987-04-13",
        source=REUTERS,
    )
    talks = [e for e in engagements if e.type == "consultations"]
    assert [(set(e.countries), e.date) for e in talks] == [({"JPN", "USA"}, "1987-04-09")]


def test_an_organisations_lower_case_assembly_or_session_is_its_meeting() -> None:
    # reuters21578-13535, reuters21578-4006.
    (assembly,) = found(
        "PARIS, April 7 - The ministers recalled pledges made at the October 1985 IMF general "
        "assembly in Seoul.",
        date="1987-04-07",
        source=REUTERS,
    )
    assert (assembly.type, assembly.status, assembly.orgs, assembly.date) == (
        "multilateral",
        "background",
        ("IMF",),
        "1985-10",
    )
    (session,) = found(
        "WASHINGTON, March 11 - The Reagan administration, responding to last year's United "
        "Nations special session on Africa, today outlined a U.S. action program.",
        date="1987-03-11",
        source=REUTERS,
    )
    assert (session.orgs, session.status) == (("UN",), "background")
    # Any other lower-case session is no one's meeting.
    assert not found(
        "WASHINGTON, March 11 - The training session ended.", date="1987-03-11", source=REUTERS
    )


def test_a_pair_of_demonyms_before_talks_names_their_two_sides() -> None:
    # reuters21578-2730.
    (talks,) = found(
        "PARIS, March 6 - Chief Soviet arms negotiator Yuli Vorontsov said Soviet-American "
        "talks on cutting medium-range nuclear missiles had made a breakthrough.",
        date="1987-03-06",
        source=REUTERS,
    )
    assert (talks.type, set(talks.countries)) == ("consultations", {"SUN", "USA"})
    # A demonym alone before talks is a topic's, not a side: "the American economy talks".
    assert not found(
        "PARIS, March 6 - Analysts said American farm talks were a domestic matter.",
        date="1987-03-06",
        source=REUTERS,
    )


def test_the_speakers_own_visit_told_in_the_first_person() -> None:
    # dev20: statedept-2022-07-05 (a statement), statedept-2022-03-08 (remarks).
    (visit,) = found(
        "I visited Algeria in March to discuss with President Tebboune and Foreign Minister "
        "Lamamra the strong ties between our countries.",
        title="Algeria National Day",
        date="2022-07-05",
    )
    assert at_a_glance(visit) == ("visit", "background", "2022-03", {"USA", "DZA"})
    engagements = found(
        "Rabat, Morocco\n\nGood afternoon. It’s wonderful to be back in Morocco for my first "
        "visit as Deputy Secretary of State.",
        title="Remarks at a Press Availability with Moroccan Foreign Minister Nasser Bourita",
        date="2022-03-08",
    )
    visit = next(e for e in engagements if e.type == "visit")
    assert (visit.status, visit.date, set(visit.countries)) == (
        "main",
        "2022-03-08",
        {"USA", "MAR"},
    )


def test_a_dialogue_named_as_the_frame_of_gains_is_no_meeting() -> None:
    # dev20: statedept-2022-05-02.
    engagements = found(
        "Today, the United States and Armenia signed a Memorandum of Understanding Concerning "
        "Strategic Civil Nuclear Cooperation, enabling us to deepen our strategic cooperation "
        "following on the gains made in connection with the U.S.-Armenia Strategic Dialogue.",
        date="2022-05-02",
    )
    assert [e.type for e in engagements] == ["signing"]


def test_a_meeting_told_before_the_visit_it_is_held_during_takes_the_visits_first_day() -> None:
    # reuters21578-12737.
    visit = only(
        "TOKYO, April 3 - Agriculture Minister Mutsuki Kato said he will meet U.S. "
        "Agriculture Secretary Richard Lyng here on April 17 and 20 to discuss bilateral "
        "farm trade issues. Lyng will visit Tokyo from April 16 to 27.",
        title="JAPAN/U.S. AGRICULTURE TALKS SET FOR APRIL 17, 20",
        date="1987-04-03",
        source="Reuters",
    )
    assert (visit.type, visit.status, visit.date) == ("visit", "planned", "1987-04-16")
    assert set(visit.countries) == {"JPN", "USA"}


def test_a_delegation_hosted_at_home_that_the_readout_calls_this_visit_is_a_visit() -> None:
    # statedept-2022-02-15-2591e93ad9.
    body = (
        "Counselor of the Department Derek Chollet and Under Secretary of State for Economic "
        "Growth, Energy, and the Environment Jose Fernandez hosted a high-level delegation "
        "from Bulgaria yesterday for discussions focused on energy diversification. "
        "Bulgarian Minister of Energy Alexander Nikolov led the delegation. This visit "
        "underscores the deep and growing partnership between the United States and Bulgaria."
    )
    visit = only(body, date="2022-02-15")
    assert (visit.type, visit.status, visit.date) == ("visit", "main", "2022-02-14")
    assert set(visit.countries) == {"USA", "BGR"}
    # Without "this visit", a meeting.
    meeting = only(body.replace("This visit underscores", "It underscores"), date="2022-02-15")
    assert meeting.type == "meeting"


def test_an_organisations_meeting_named_by_its_kind_is_its_own() -> None:
    # reuters21578-16965.
    (meeting,) = [
        e
        for e in found(
            "TOKYO, April 28 - The Asian Development Bank (ADB) will not change its decision to "
            "admit China, bank president Masao Fujioka said. Fujioka told Reuters that Taiwan "
            "had been invited to the bank's 20th annual meeting starting April 27 in Osaka.",
            date="1987-04-24",
            source="Reuters",
        )
        if e.trigger == "meeting"
    ]
    assert (meeting.type, meeting.status, meeting.date) == ("multilateral", "planned", "1987-04-27")
    assert "Asian Development Bank" in meeting.orgs


def test_a_meeting_looked_forward_to_later_in_the_year_is_not_the_visit_before_it() -> None:
    # statedept-2022-04-04-d5d5975336.
    engagements = found(
        "Under Secretary of State Victoria Nuland and Deputy Foreign Minister Sedat Onal met "
        "in Ankara. U.S. Department of Commerce Under Secretary Marisa Lago will visit Ankara "
        "April 5-6 to advance the economic goals of the Strategic Mechanism. The United States "
        "and Turkey look forward to a Ministerial-level meeting within the framework of the "
        "Strategic Mechanism later in 2022.",
        title="U.S.-Turkey Joint Statement on the Strategic Mechanism",
        date="2022-04-04",
    )
    planned = {(e.type, e.date) for e in engagements if e.status == "planned"}
    assert planned == {("visit", "2022-04-05"), ("meeting", "2022")}
    meeting = next(e for e in engagements if e.date == "2022")
    assert set(meeting.countries) == {"USA", "TUR"}


def test_a_trip_to_several_places_by_a_traveller_named_after_them() -> None:
    # statedept-2022-04-15-9c4f6796e8.
    visits = found(
        "At the end of a three-week trip to Saudi Arabia, Jordan, the United Arab Emirates, "
        "Kuwait, and Qatar by U.S. Special Envoy for Yemen Tim Lenderking, we have seen U.S. "
        "diplomatic efforts yield tangible results.",
        date="2022-04-15",
    )
    assert {(v.type, v.status) for v in visits} == {("visit", "main")}
    assert {c for v in visits for c in v.countries} - {"USA"} == {"SAU", "JOR", "ARE", "KWT", "QAT"}
    assert all(("USA", "Tim Lenderking") in v.participants for v in visits)


def test_the_day_a_traveller_returned_does_not_date_the_visit() -> None:
    # statedept-2021-07-30-2f14d3df60.
    visit = only(
        "U.S. Special Envoy for Yemen Tim Lenderking returned from travel to Saudi Arabia today.",
        date="2021-07-30",
    )
    assert (visit.type, visit.status, visit.date) == ("visit", "main", None)
    # The day a visit began still does.
    visit = only(
        "U.S. Special Envoy for Yemen Tim Lenderking traveled to Saudi Arabia today.",
        date="2021-07-30",
    )
    assert visit.date == "2021-07-30"


def test_an_announced_trip_in_the_headline_takes_the_day_ahead_the_opening_gives() -> None:
    # statedept-2022-06-23-cbb455b80f.
    visits = found(
        "On June 26, 2022, Special Envoy to Monitor and Combat Antisemitism, Ambassador "
        "Deborah Lipstadt, will depart for her first international trip since assuming her "
        "role in April 2022. The 11-day trip will include stops in Saudi Arabia, Israel, and "
        "the United Arab Emirates.\n\nSpecial Envoy Lipstadt will meet with senior "
        "governmental and civil society interlocutors to discuss important changes underway "
        "in the Middle East.",
        title="Special Envoy Lipstadt Travel to Saudi Arabia, Israel, and the United Arab Emirates",
        date="2022-06-23",
    )
    assert {(v.type, v.status, v.date) for v in visits} == {("visit", "planned", "2022-06-26")}
    assert len(visits) == 3


def test_a_call_of_two_people_one_wearing_an_organisations_hat_is_a_call() -> None:
    # statedept-2022-02-24-05e0170bd7.
    call = only(
        "Secretary of State Antony J. Blinken spoke today by phone with Polish Foreign "
        "Minister and OSCE Chairman-in-Office Zbigniew Rau.",
        date="2022-02-24",
    )
    assert (call.type, call.date) == ("call", "2022-02-24")
    assert {"USA", "POL"} <= set(call.countries)
    # A call with a forum's members stays multilateral.
    call = only(
        "Secretary Blinken spoke today with the G7 Foreign Ministers and Ukrainian Foreign "
        "Minister Dmytro Kuleba.",
        date="2022-02-24",
    )
    assert call.type == "multilateral"


def test_a_demonym_pair_names_the_two_sides_of_a_named_consultation() -> None:
    """statedept-2021-07-01-a249649fa7: "U.S.-Tajik" before the words of a name."""
    (found_one,) = found(
        "The Secretary welcomed the eighth iteration of the U.S.-Tajik Annual Bilateral "
        "Consultations held today at the State Department.",
        date="2021-07-01",
    )
    assert (found_one.type, set(found_one.countries), found_one.date) == (
        "consultations",
        {"USA", "TJK"},
        "2021-07-01",
    )


def test_meetings_of_a_listed_group_are_one_many_sided_history() -> None:
    """reuters21578-17368: "two meetings of the seven ... -- A, B, C" are meetings of them
    all, told as a tally of earlier ones: no bilateral meeting each, no date, no place."""
    (tally,) = found(
        "Despite two meetings of the seven leading industrial powers -- the United States, "
        "Japan, West Germany, France, Britain, Italy and Canada -- pledges to change policy "
        "have still to be turned into action.",
        date="1987-04-28",
        source="Reuters",
    )
    assert (tally.type, tally.status, tally.date, tally.place) == (
        "multilateral",
        "background",
        None,
        None,
    )
    assert len(tally.countries) == 7


def test_an_organisations_meeting_dated_a_fortnight_ahead_is_to_come() -> None:
    """reuters21578-17368: "The May 11-13 ministerial meeting of the 24-nation OECD" in an
    April 28 story is the coming one, not last year's."""
    (oecd,) = found(
        "The May 11-13 ministerial meeting of the 24-nation OECD, a forum for coordinating "
        "economic policies, has taken on added significance.",
        date="1987-04-28",
        source="Reuters",
    )
    assert (oecd.type, oecd.status, oecd.date, oecd.orgs) == (
        "multilateral",
        "planned",
        "1987-05-11",
        ("OECD",),
    )


def test_a_meeting_in_a_couple_of_hours_is_to_come_that_day() -> None:
    """statedept-2022-02-19-a61835b841: remarks before a G7 meeting held later that day."""
    g7 = [
        e
        for e in found(
            "We’ll also be spending time together at the meeting of the G7 foreign ministers "
            "in a couple of hours.",
            date="2022-02-19",
        )
        if "G7" in e.orgs
    ]
    assert [(e.status, e.date) for e in g7] == [("planned", "2022-02-19")]


def test_a_speakers_own_engagement_told_in_a_long_transcript_is_kept() -> None:
    """statedept-2021-06-27-d7611a8995: a government's long transcript keeps only the
    engagements with people on two sides, and those a named speaker tells as their own."""
    filler = " ".join(f"We discussed point number {i} at some length." for i in range(45))
    body = (
        "Secretary Antony J. Blinken and Israeli Foreign Minister Yair Lapid\n\n"
        f"FOREIGN MINISTER LAPID: Hello, everybody. {filler}\n\n"
        "SECRETARY BLINKEN: Thank you. We had an opportunity to meet before, when I was in "
        "Israel a few weeks ago. As we speak, the work goes on. I cannot speak to whether "
        "Russia will be able to execute on its planning."
    )
    engagements = found(body, date="2021-06-27")
    (visit,) = [e for e in engagements if e.type == "visit"]
    assert (visit.status, set(visit.countries)) == ("background", {"USA", "ISR"})
    assert ("USA", "Antony J. Blinken") in visit.participants
    assert not [e for e in engagements if e.type == "call"]


def test_speaking_to_an_intent_or_an_engagement_is_no_call() -> None:
    """statedept-2022-07-26-a39d534bb2, statedept-2022-07-19-3e0763c660: a briefer who
    defers to others "to speak to the intent" of a trip or "to the engagement between" two
    presidents tells of no call."""
    body = (
        "Department Press Briefing\n\n"
        "MR PRICE: I’ll need to defer to our Turkish allies to speak to the intent and any "
        "agenda for President Erdoğan’s potential travel. So I would need to refer you to the "
        "White House to speak to the engagement between President Erdoğan and President Biden."
    )
    assert not [e for e in found(body, date="2022-07-26") if e.type == "call"]
    (call,) = found(
        "Secretary Blinken will speak to President Erdoğan tomorrow.", date="2022-07-26"
    )
    assert (call.type, call.status) == ("call", "planned")


def test_a_briefer_welcoming_reporters_meets_no_one() -> None:
    """statedept-2021-06-25-69de0247cb: "MR ICE:", the publisher's briefer, "welcome[s]
    you to this call": no host greeting a guest, so the trip takes no side from it (Syria
    is what the meetings are on)."""
    body = (
        "Briefing on the Secretary’s Upcoming Participation in the Meeting on Syria\n\n"
        "MR ICE: Hello, everyone. It’s my pleasure to welcome you to this call previewing "
        "Secretary Blinken’s trip to Italy for meetings on Syria and the G20."
    )
    engagements = found(body, date="2021-06-25")
    assert all("SYR" not in e.countries for e in engagements if e.type == "visit")


def test_their_dated_call_is_the_earlier_call_of_those_who_speak() -> None:
    """statedept-2022-02-14-1999ac9745: "spoke today with ... to follow up on their
    February 11 call": a call of the same two, three days before; a call for something or
    a call option is none."""
    engagements = found(
        "Chief of Staff for European Commission President Ursula von der Leyen Bjoern "
        "Seibert met EU leaders.\n\n"
        "Deputy Secretary of State Wendy Sherman spoke today with Bjoern Seibert, Chief of "
        "Staff for European Commission President Ursula von der Leyen, to follow up on their "
        "February 11 call.",
        date="2022-02-14",
    )
    calls = sorted((e.status, e.date, e.countries, e.orgs) for e in engagements if e.type == "call")
    assert calls == [
        ("background", "2022-02-11", ("USA",), ("EU",)),
        ("main", "2022-02-14", ("USA",), ("EU",)),
    ]
    assert not found(
        "Japan and the United States renewed their March 3 call for reform. Dealers in Tokyo "
        "and London bought 5 call options.",
        date="2022-03-10",
    )


def test_a_trip_told_as_done_is_not_dated_by_a_month_ahead() -> None:
    """reuters21578-14030: "a snap election to coincide with local polls in May, ...,
    Thatcher's successful trip to Moscow": May is the polls', the trip is history."""
    (visit,) = found(
        "LONDON, April 13 - Officials dismissed speculation about a snap election to "
        "coincide with local polls in May, timed to reap advantage from the popularity surge, "
        "Prime Minister Margaret Thatcher's successful trip to Moscow and Labour's slump.",
        date="1987-04-13",
        source="Reuters",
    )
    assert at_a_glance(visit) == ("visit", "background", None, {"GBR", "SUN"})


def test_a_session_of_an_organisation_named_after_it_is_its_meeting() -> None:
    """statedept-2022-03-14-a2d82576fd: "the 65th session of the United Nations
    Commission on Narcotic Drugs" is the UN body's meeting, as "OPEC's special session";
    a training session is none."""
    engagements = found(
        "While in Vienna, Assistant Secretary Robinson will lead the U.S. delegation to the "
        "65th session of the United Nations Commission on Narcotic Drugs.",
        date="2022-03-14",
    )
    assert [(e.type, e.status, e.countries, e.orgs, e.place) for e in engagements] == [
        ("multilateral", "planned", ("USA",), ("UN",), "Vienna")
    ]
    assert not found(
        "The Embassy held a training session of the national police in Vienna.", date="2022-03-14"
    )


def test_a_headlines_meeting_is_the_bodys_call_of_the_day() -> None:
    """statedept-2021-08-13-65e8d13616: "Secretary Blinken Meeting with Qatari Deputy Prime
    Minister ...", then "spoke today with": one call; statedept-2021-06-27-d7611a8995: "In
    the past few days I spoke with a series of American leaders" is history, and no call
    of the meeting the headline reports."""
    engagements = found(
        "Secretary of State Antony J. Blinken spoke today with Qatari Deputy Prime Minister "
        "and Minister of Foreign Affairs Mohammed bin Abdulrahman Al-Thani to express "
        "appreciation for our strategic partnership.",
        title="Secretary Blinken Meeting with Qatari Deputy Prime Minister and Minister of "
        "Foreign Affairs Al-Thani",
        date="2021-08-13",
    )
    assert [(e.type, e.status, e.date) for e in engagements] == [("call", "main", "2021-08-13")]
    engagements = found(
        "FOREIGN MINISTER LAPID: Thank you. In the past few days I spoke with a series of "
        "American leaders, both Democrats and Republicans.",
        title="Secretary Antony J. Blinken And Israeli Foreign Minister Yair Lapid Before Their "
        "Meeting",
        date="2021-06-27",
    )
    assert sorted((e.type, e.status) for e in engagements) == [
        ("call", "background"),
        ("meeting", "main"),
    ]


def test_a_named_summits_host_and_its_commitments_are_no_meetings_of_their_own() -> None:
    """statedept-2022-06-02-f5794a9735: "pledges made at the Summit for Democracy hosted by
    President Biden" is the summit (history), not a meeting Biden hosted today; "to
    implement Summit commitments" names no summit held."""
    engagements = found(
        "Both countries are committed to promoting democracy, and build on pledges made at the "
        "Summit for Democracy hosted by President Biden. The Year of Action is an opportunity "
        "for both countries to implement Summit commitments.",
        title="Joint Statement on the U.S. – North Macedonia Strategic Dialogue",
        date="2022-06-02",
    )
    assert [(e.type, e.status) for e in engagements if e.type != "consultations"] == [
        ("multilateral", "background")
    ]


def test_the_channels_a_cooperation_goes_through_are_no_engagements_held() -> None:
    """statedept-2022-07-20-41212660d2: "committed to continue cooperating closely through
    the U.S.-EU Dialogue on China and U.S.-EU Indo-Pacific Consultations": channels."""
    engagements = found(
        "Secretary Blinken spoke today with EU High Representative Borrell. They also committed "
        "to continue cooperating closely through the U.S.-EU Dialogue on China and U.S.-EU "
        "Indo-Pacific Consultations.",
        date="2022-07-20",
    )
    assert [e.type for e in engagements] == ["call"]


def test_talks_whose_outcome_is_awaited_are_between_those_listed_and_ahead() -> None:
    """reuters21578-14826: "The Australian government is awaiting the outcome of trade talks
    between the U.S. And Japan with interest and concern, Industry Minister John Button
    said in Canberra": talks of the two alone, not over yet; reuters21578-20893: a list
    with commas is read whole."""
    (talks,) = found(
        "CANBERRA, April 3 - The Australian government is awaiting the outcome of trade talks "
        "between the U.S. And Japan with interest and concern, Industry Minister John Button "
        "said in Canberra last Friday.",
        date="1987-04-03",
        source="Reuters",
    )
    assert (talks.status, set(talks.countries)) == ("planned", {"USA", "JPN"})
    (meeting,) = found(
        "LONDON, Oct 20 - Lawson welcomed the outcome of a meeting between U.S. Treasury "
        "Secretary James Baker, Bundesbank President Karl Otto Poehl, and West German Finance "
        "Minister Gerhard Stoltenberg in Frankfurt.",
        date="1987-10-20",
        source="Reuters",
    )
    assert set(meeting.countries) == {"USA", "BRD"}


def test_many_meetings_none_in_particular_are_no_engagement() -> None:
    """statedept-2022-06-03-5d16d0ba64: "on the margins of various NATO meetings": many,
    none in particular; "NATO foreign ministers met" is one."""
    assert not found(
        "We’ve spent a lot of time together on the phone, but on the margins of various NATO "
        "meetings.",
        date="2022-06-03",
    )
    (meeting,) = found("NATO foreign ministers met in Brussels today.", date="2022-06-03")
    assert meeting.type == "multilateral"


def test_those_gathered_at_a_signing_are_its_ceremony() -> None:
    """statedept-2021-06-15-5ec1883cde: "congratulate Brazil on signing the Artemis
    Accords", then "thanked President Bolsonaro, ... and all those gathered in Brasília":
    one signing, held there, with Bolsonaro among its participants."""
    (signing,) = found(
        "Secretary of State Antony J. Blinken delivered virtual remarks today to congratulate "
        "Brazil on signing the Artemis Accords. The Secretary thanked President Bolsonaro, "
        "Minister Pontes, and all those gathered in Brasília.",
        title="Brazil Signs Artemis Accords",
        date="2021-06-15",
    )
    assert (signing.type, signing.place) == ("signing", "Brasília")
    assert ("BRA", "Bolsonaro") in signing.participants


def test_a_meetings_description_is_no_forum_of_its_own() -> None:
    """statedept-2022-06-08-59f4513f50: "He will participate in Ministerial Council
    Meeting working sessions": no forum called "Ministerial Council Meeting" takes part;
    "the Ukraine Contact Group meeting" is one."""
    engagements = found(
        "Deputy Secretary McKeon will travel to Paris. He will participate in Ministerial "
        "Council Meeting working sessions.",
        date="2022-06-08",
    )
    assert not [e for e in engagements if "Ministerial Council Meeting" in e.orgs]
    (forum,) = found(
        "Secretary Austin will participate in the Ukraine Contact Group meeting.", date="2022-06-08"
    )
    assert forum.orgs == ("Ukraine Contact Group",)


@pytest.mark.parametrize(
    ("body", "status"),
    [
        # reuters21578-20871
        (
            "BRASILIA, Oct 19 - Meanwhile, a World Bank mission arrived on Monday to analyse "
            "the performance of the Brazilian economy.",
            "main",
        ),
        # reuters21578-9692
        (
            "BRASILIA, Oct 19 - He said a World Bank mission would travel to Brazil early next "
            "week to explore the state of Brazil's new economic measures.",
            "planned",
        ),
    ],
)
def test_an_organisations_mission_travels_for_it(body: str, status: str) -> None:
    (visit,) = found(body, date="1987-10-19", source="Reuters")
    assert (visit.type, visit.status, visit.countries, visit.orgs) == (
        "visit",
        status,
        ("BRA",),
        ("World Bank",),
    )


def test_a_wires_seat_of_government_is_its_side() -> None:
    """reuters21578-5183: "Washington signed a three-year accord with Taipei last year":
    the two governments; "Meeting with Rome-Based Food Security Agencies" names no Italy."""
    (signing,) = found(
        "TAIPEI, March 14 - Washington signed a three-year accord with Taipei last year "
        "limiting textile export growth to 0.5 pct a year.",
        date="1987-03-14",
        source="Reuters",
    )
    assert at_a_glance(signing) == ("signing", "background", "1986", {"USA", "TWN"})
    engagements = found(
        "Secretary Blinken met today with the heads of the Rome-Based Food Security Agencies.",
        title="Secretary Blinken’s Meeting with Rome-Based Food Security Agencies",
        date="2021-06-27",
    )
    assert all("ITA" not in e.countries for e in engagements)


def test_talks_asked_or_called_for_are_not_held() -> None:
    """reuters21578-18835: "The United States asked for consultations with Tokyo";
    reuters21578-20780: "congressional leaders called for an economic summit"."""
    assert not found(
        "GENEVA, June 18 - The United States asked for consultations with Japan on the issue.",
        date="1987-06-18",
        source="Reuters",
    )
    assert not found(
        "WASHINGTON, Oct 20 - Japanese officials called for an economic summit with the White "
        "House.",
        date="1987-10-20",
        source="Reuters",
    )


def test_a_nationalitys_trade_mission_or_officials_are_its_side() -> None:
    """reuters21578-18087: "A Ugandan goodwill mission ... will visit Kenya tomorrow";
    reuters21578-17195: "after meeting U.S., Japanese, and Canadian trade ministers"; but
    "the Japanese government is" keeps Japan's government a side."""
    (visit,) = found(
        "NAIROBI, June 2 - A Ugandan goodwill mission will visit Kenya tomorrow for talks on "
        "improving strained relations between the two countries, diplomatic sources said.",
        date="1987-06-02",
        source="Reuters",
    )
    assert at_a_glance(visit) == ("visit", "planned", "1987-06-03", {"UGA", "KEN"})
    (meeting,) = found(
        "KASHIKOJIMA, April 26 - Cars are diverted to the EC, he told reporters after meeting "
        "U.S., Japanese, and Canadian trade ministers.",
        date="1987-04-26",
        source="Reuters",
    )
    assert (meeting.type, set(meeting.countries)) == ("multilateral", {"USA", "JPN", "CAN"})


def test_the_day_an_act_takes_effect_is_no_meetings_day() -> None:
    """reuters21578-15761: "met U.S. negotiators in an emergency effort to try to head off
    new high American tariffs ... set to go into effect on April 17": met today."""
    engagements = found(
        "WASHINGTON, April 9 - A senior Japanese trade official met U.S. negotiators in an "
        "emergency effort to try to head off new tariffs set to go into effect on April 17.",
        date="1987-04-09",
        source="Reuters",
    )
    assert [(e.status, e.date) for e in engagements] == [("main", "1987-04-09")]


def test_a_meeting_we_just_came_from_is_today() -> None:
    """statedept-2022-04-07-ed1fa16aaf."""
    (nato,) = found(
        "I just have to say, as we were saying in the NATO meeting that we just came from, "
        "Dmytro, we are doing everything we can.",
        date="2022-04-07",
    )
    assert (nato.type, nato.date, nato.orgs) == ("multilateral", "2022-04-07", ("NATO",))


def test_a_named_dialogue_ends_where_the_speakers_own_clause_begins() -> None:
    """statedept-2021-08-06-ef31104f43: ", I reaffirmed ... commitment to ASEAN" is the
    speaker's clause, not the dialogue's sides."""
    body = (
        "On behalf of the Government of the United States of America, I am honored to "
        "congratulate the 10 member states of the Association of Southeast Asian Nations "
        "(ASEAN) and the ASEAN Secretariat on the 54th anniversary of the organization’s "
        "founding on August 8. The strategic partnership between the United States and ASEAN "
        "contributes to our shared vision of a free and open Indo-Pacific. This week I had "
        "the privilege to participate in the U.S-ASEAN, East Asia Summit (EAS), ASEAN Regional "
        "Forum (ARF), Mekong-U.S. Partnership, and Friends of the Mekong ministerial meetings. "
        "At these meetings, and in this week’s U.S.-Indonesia Strategic Dialogue with "
        "Indonesian Foreign Minister Retno Marsudi, I reaffirmed the United States’ commitment "
        "to ASEAN and underscored the central role ASEAN has in our collective vision."
    )
    engagements = found(
        body,
        title="Marking U.S. Engagement with the Association of Southeast Asian Nations on "
        "Its 54th Anniversary",
        date="2021-08-06",
    )
    (dialogue,) = [e for e in engagements if e.trigger == "Dialogue"]
    assert (dialogue.type, set(dialogue.countries), dialogue.orgs) == (
        "consultations",
        {"USA", "IDN"},
        (),
    )


def test_the_heads_met_including_named_agencies_are_its_sides() -> None:
    """statedept-2021-06-27-9a0264f159: the people after ", including" are those met, and
    each serves the UN agency its office names, not the UN at large."""
    found_all = extract(
        "Secretary Blinken’s Meeting with Rome-Based Food Security Agencies",
        "Secretary of State Antony J. Blinken met with the heads of the Rome-Based Food "
        "Security Agencies today in Rome, including UN World Food Program (WFP) Executive "
        "Director David Beasley and UN Food and Agriculture Organization (FAO) Director-General "
        "Qu Dongyu.",
        source=STATE,
        date="2021-06-27",
    )
    sides = {p.name: p.org for p in found_all.people}
    assert sides["David Beasley"] == "WFP" and sides["Qu Dongyu"] == "FAO"
    met = [e for e in found_all.engagements if e.status == "main"]
    assert [(e.type, e.date) for e in met] == [("multilateral", "2021-06-27")]
    assert {"WFP", "FAO"} <= set(met[0].orgs) and "USA" in met[0].countries


def test_a_meeting_an_organisation_organised_and_named_again_by_its_place() -> None:
    """reuters21578-17890: "that a meeting" after "told a news conference" is no
    demonstrative; "organised by the United Nations body" makes it the UN's own; "the
    Peking meeting, including delegations from ..." is the same meeting, with more sides."""
    engagements = found(
        "The World Food Council, a United Nations body, warned of a crisis. Its head told a "
        "news conference that a meeting organised by the United Nations body in Peking next "
        "week would try to force governments to act. More than 30 government ministers are "
        "expected to attend the Peking meeting, including delegations from the Soviet Union "
        "and the U.S.",
        date="1987-06-01",
        source="Reuters",
    )
    assert [(e.type, e.status, e.date, e.place) for e in engagements] == [
        ("multilateral", "planned", "1987-06-08", "Peking")
    ]
    assert {"SUN", "USA"} <= set(engagements[0].countries) and engagements[0].orgs == ("UN",)


def test_a_pair_named_strategic_dialogue_in_lower_case_is_its_own() -> None:
    """statedept-2022-06-03-f399ae0266: beside the meeting, the dialogue it celebrated."""
    engagements = found(
        "Secretary of State Antony J. Blinken met yesterday with North Macedonia’s Foreign "
        "Minister Bujar Osmani in Washington, D.C. Secretary Blinken and Foreign Minister "
        "Osmani celebrated the occasion of the U.S.-North Macedonia strategic dialogue and a "
        "strengthening of the bilateral relationship.",
        date="2022-06-03",
    )
    assert sorted((e.type, e.date) for e in engagements) == [
        ("consultations", "2022-06-02"),
        ("meeting", "2022-06-02"),
    ]


def test_talks_the_two_countries_held_and_talks_between_the_countries() -> None:
    """reuters21578-12002 and -16198: "held their customary, semi-annual grain talks" (a
    comma among the modifiers) and "talks between the countries" are the pair's."""
    held = found(
        "Japan and the United States are at odds over chips. Officials from the two countries "
        "held their customary, semi-annual grain talks in February.",
        date="1987-04-13",
        source="Reuters",
    )
    assert [(e.type, e.status, set(e.countries), e.date) for e in held] == [
        ("consultations", "background", {"JPN", "USA"}, "1987-02")
    ]
    between = found(
        "Japan and the United States are at odds over chips. Malt said current talks between "
        "the countries were inflammatory.",
        date="1987-04-13",
        source="Reuters",
    )
    assert [(e.type, set(e.countries)) for e in between] == [("consultations", {"JPN", "USA"})]


def test_todays_meeting_told_later_dates_and_places_the_reported_dialogue() -> None:
    # statedept-2021-07-28-d0c47abcd7
    dialogue = only(
        "Deputy Secretary of State Wendy R. Sherman led a U.S. interagency delegation from "
        "the National Security Council, Department of State, Office of the Secretary of "
        "Defense, Joint Staff, and Department of Energy to Geneva, Switzerland to "
        "participate in the U.S.-Russia Strategic Stability Dialogue. "
        "Russian Deputy Foreign Minister Sergey Ryabkov led the Russian delegation. Today’s "
        "meeting in Geneva was the beginning of this dialogue with the Russian Federation.",
        date="2021-07-28",
    )
    assert (dialogue.type, dialogue.status) == ("consultations", "main")
    assert (dialogue.date, dialogue.place) == ("2021-07-28", "Geneva")


def test_a_second_infinitive_is_announced_by_the_verb_governing_the_first() -> None:
    # statedept-2021-07-28-d0c47abcd7: "agreed to meet ..., and to hold consultations".
    told = found(
        "Deputy Secretary Sherman met Russian Deputy Foreign Minister Ryabkov in Geneva today. "
        "The two delegations agreed to meet again in a plenary session at the end of "
        "September, and to hold informal consultations in the interim.",
        date="2021-07-28",
    )
    assert [(e.status, e.date) for e in told] == [("main", "2021-07-28"), ("planned", "2021-09")]


def test_he_travels_as_the_official_named_before_and_meets_the_hosts_there() -> None:
    # statedept-2022-03-02-4d4805a395: the hosts of the last stop, whom no list of notable
    # people knows, are the host country's officials.
    ex = extract(
        "Secretary Blinken’s Travel to Belgium and Estonia",
        "Secretary of State Antony J. Blinken will travel to Belgium and Estonia from March "
        "3 to 8, 2022. The trip continues extensive consultations with our NATO Allies.\n\n"
        "He will travel to Tallinn, Estonia, on March 8 to meet with Prime Minister Kaja "
        "Kallas and Foreign Minister Eva-Maria Liimets.",
        source=STATE,
        date="2022-03-02",
    )
    sides = {p.name: p.country for p in ex.people}
    assert sides["Kaja Kallas"] == sides["Eva-Maria Liimets"] == "EST"
    (estonia,) = [e for e in ex.engagements if e.place == "Estonia"]
    assert ("EST", "Kaja Kallas") in estonia.participants


def test_met_separately_with_two_ministers_is_two_meetings_and_resolutions_no_side() -> None:
    # statedept-2022-06-08-68417e673b
    meetings = found(
        "Deputy Secretary of State Wendy Sherman met separately with Republic of Korea (ROK) "
        "Minister of Unification Kwon Young-se and Vice Minister of Unification Kim Ki-woong "
        "on June 8 and condemned the DPRK’s ballistic missile launches as a violation of "
        "multiple UN Security Council resolutions.",
        date="2022-06-08",
    )
    assert [(m.type, m.countries, m.orgs) for m in meetings] == [
        ("meeting", ("USA", "KOR"), ()),
        ("meeting", ("USA", "KOR"), ()),
    ]
    assert [dict(m.participants)["KOR"] for m in meetings] == ["Kwon Young-se", "Kim Ki-woong"]


def test_consultations_that_concluded_after_two_days_are_dated_by_their_first() -> None:
    # statedept-2022-03-02-857edc103e
    abcs = only(
        "Today, virtual United States-Turkmenistan Annual Bilateral Consultations (ABCs) "
        "concluded after two days of productive discussions.",
        title="U.S.-Turkmenistan Annual Bilateral Consultations",
        date="2022-03-02",
    )
    assert (abcs.type, abcs.status, abcs.date) == ("consultations", "main", "2022-03-01")


def test_a_conversation_with_a_named_counterpart_is_a_meeting() -> None:
    # reuters21578-14710
    talk = only(
        "WASHINGTON, April 7 - Japanese Finance Minister Kiichi Miyazawa gave an upbeat "
        "appraisal of his hour-long conversation with U.S. Treasury Secretary James Baker "
        "this afternoon.",
        source="Reuters",
        date="1987-04-07",
    )
    assert (talk.type, talk.status, set(talk.countries)) == ("meeting", "main", {"JPN", "USA"})


def test_a_trip_whose_destination_list_runs_into_the_next_subject_keeps_its_stop() -> None:
    # statedept-2022-03-28-5793e00b5a
    trip = only(
        "In August 2021, as part of Vice President Kamala Harris’s trip to Singapore, the "
        "United States and Singapore agreed on the importance of creating a safe environment.",
        date="2022-03-28",
    )
    assert (trip.type, trip.status, trip.date) == ("visit", "background", "2021-08")
    assert (trip.countries, trip.place) == (("USA", "SGP"), "Singapore")


def test_a_hyphenated_trio_naming_their_cooperation_takes_no_part_in_a_trip() -> None:
    # statedept-2021-06-17-c88271e929: the trip to Seoul is the U.S. envoy's to the ROK;
    # Japan takes part in the trilateral meeting only.
    ex = found(
        "U.S. Special Representative for the DPRK Ambassador Sung Kim will travel to Seoul, "
        "June 19-23. Special Representative Kim will join a trilateral meeting with Republic "
        "of Korea (ROK) Special Representative Noh Kyu-duk and Japanese Director-General "
        "Funakoshi Takehiro. Special Representative Kim’s travel to Seoul emphasizes the "
        "fundamental importance of U.S.-ROK-Japan trilateral cooperation.",
        title="Travel of Special Representative Sung Kim to Seoul",
        date="2021-06-17",
    )
    assert sorted((e.type, e.countries) for e in ex) == [
        ("multilateral", ("USA", "KOR", "JPN")),
        ("visit", ("USA", "KOR")),
    ]


def test_a_minister_who_hopes_to_visit_next_week_plans_the_visits() -> None:
    # reuters21578-458: the subject's own plan, not a wish; the countries of the trip
    # told before ("After travelling this week to ...") are not these visits' sides.
    visits = found(
        "LONDON, March 2 - Brazil's Finance Minister Dilson Funaro met Chancellor of the "
        "Exchequer Nigel Lawson today. After travelling this week to France, Germany, "
        "Switzerland and Italy, Funaro hopes to visit Canada and Japan next week before "
        "starting negotiations with banks.",
        source="Reuters",
        date="1987-03-02",
    )
    planned = [(v.type, v.countries) for v in visits if v.status == "planned"]
    assert ("visit", ("BRA", "CAN")) in planned and ("visit", ("BRA", "JPN")) in planned
    # A wish that others meet stays no engagement.
    assert found("I hope that the leaders of Latvia will meet President Biden soon.") == ()


def test_a_forum_held_at_an_organisation_has_it_as_a_side() -> None:
    # statedept-2022-07-29-83b1636222
    conference = only(
        "Secretary of State Antony J. Blinken will travel to New York City August 1 to "
        "deliver remarks and participate in meetings at the Nuclear-Nonproliferation Treaty "
        "Review Conference, which will take place at United Nations during the month of "
        "August.",
        date="2022-07-29",
    )
    assert (conference.type, conference.status) == ("multilateral", "planned")
    assert (conference.countries, conference.orgs, conference.date) == (
        ("USA",),
        ("UN",),
        "2022-08-01",
    )


def test_his_visit_in_a_statement_opened_by_the_president_is_the_governments_trip() -> None:
    # statedept-2022-07-01-85eb5fe2c2
    visit = only(
        "The President and I look forward to further enhancing our vital bilateral "
        "partnership during his visit to Israel in July and beyond.",
        date="2022-07-01",
    )
    assert (visit.type, visit.status, visit.date) == ("visit", "planned", "2022-07")
    assert visit.countries == ("USA", "ISR")


def test_an_organisation_due_to_discuss_at_a_meeting_is_its_own_meeting() -> None:
    # reuters21578-13271
    meeting = only(
        "LONDON, April 6 - The International Cocoa Organisation is due to discuss the scheme "
        "at a meeting in June.",
        source="Reuters",
        date="1987-04-06",
    )
    assert (meeting.type, meeting.status, meeting.date) == ("multilateral", "planned", "1987-06")


def test_a_forum_of_fixed_membership_named_in_a_ministerial_takes_part_as_its_members() -> None:
    # statedept-2021-08-03-d5a75fa729 (members as statedept-2021-06-30-b9161855d7 lists them)
    ministerial = only(
        "On August 2, Secretary Blinken co-hosted the second Mekong-U.S. Partnership ministerial.",
        date="2021-08-03",
    )
    assert (ministerial.type, ministerial.date) == ("multilateral", "2021-08-02")
    assert set(ministerial.countries) == {"KHM", "LAO", "MMR", "THA", "USA", "VNM"}


def test_a_visit_under_consideration_is_announced_not_held() -> None:
    # reuters21578-286
    visit = only(
        "MOSCOW, March 2 - A senior Soviet official said a visit to Moscow by U.S. Secretary "
        "of State George Shultz for arms discussions was under consideration.",
        source="Reuters",
        date="1987-03-02",
    )
    assert (visit.type, visit.status, visit.date) == ("visit", "planned", None)
    # A poll taken after a trip: the trip is not a subject of what is to come.
    assert all(
        e.status != "planned"
        for e in found(
            "LONDON, April 6 - Polls showing a surge for Prime Minister Margaret Thatcher's "
            "party after her visit to Moscow are expected to fuel talk of an election.",
            source="Reuters",
            date="1987-04-06",
        )
    )


def test_a_trip_next_week_which_starts_tomorrow_is_dated_tomorrow() -> None:
    # reuters21578-12942
    trip = only(
        "LONDON, April 3 - Britain is pinning hopes for a breakthrough on the trip to Tokyo "
        "next week by Corporate Affairs Minister Michael Howard. Howard told Reuters he would "
        "try to promote understanding on trade issues during his trip, which starts tomorrow.",
        source="Reuters",
        date="1987-04-03",
    )
    assert (trip.type, trip.status, trip.date, trip.place) == (
        "visit",
        "planned",
        "1987-04-04",
        "Tokyo",
    )


def test_along_with_goes_on_with_who_takes_part() -> None:
    # statedept-2021-05-27-73dcabb374: SICA's members and Mexico, many sides, not the
    # trip's host alone.
    found = extract(
        "Secretary Blinken’s Travel to Costa Rica",
        "Secretary of State Antony J. Blinken will travel on June 1-2 to San José, Costa Rica. "
        "Secretary Blinken will then participate in a meeting with senior leaders from "
        "member-states of the Central America Integration System (SICA), along with Mexico.",
        date="2021-05-27",
        source="U.S. Department of State (press releases)",
    ).engagements
    (sica,) = [e for e in found if e.type == "multilateral"]
    assert "MEX" in sica.countries and sica.orgs == ("SICA",)


_KALLAS = (
    "Tallinn, Estonia\n\n"
    "Stenbock House\n\n"
    "PRIME MINISTER KALLAS: Okay. So welcome. It is my great, great honor to welcome you to "
    "Estonia. I really welcome you coming to also visit us and talk to us directly.\n\n"
    "SECRETARY BLINKEN: Well, Prime Minister, thank you. I pledge to you that next year we "
    "arrive at 50 percent."
)


def test_a_host_welcoming_you_in_a_transcript_is_a_visit_there() -> None:
    # statedept-2022-03-08-8723a096be: the remarks before their meeting, in Tallinn.
    (visit,) = found(
        _KALLAS,
        title="Secretary Antony J. Blinken and Estonian Prime Minister Kaja Kallas Before "
        "Their Meeting",
        source=STATE,
        date="2022-03-08",
    )
    assert (visit.type, visit.status, visit.date) == ("visit", "main", "2022-03-08")
    assert (set(visit.countries), visit.place) == ({"USA", "EST"}, "Tallinn, Estonia")


def test_thanks_for_coming_to_pay_a_visit_is_the_visit_being_paid() -> None:
    # statedept-2021-06-23-04c32b568f: the place line comes after the speakers' lines.
    body = (
        "Antony J. Blinken, Secretary of State\n\n"
        "German Chancellor Angela Merkel\n\n"
        "Berlin, Germany\n\n"
        "Chancellery\n\n"
        "CHANCELLOR MERKEL: Ladies and gentlemen. We will have a brief exchange of views. "
        "Again, thank you very much for coming to pay a visit.\n\n"
        "SECRETARY BLINKEN: Thank you, Chancellor."
    )
    (visit,) = found(
        body,
        title="Secretary Antony J. Blinken and German Chancellor Angela Merkel Before Their "
        "Meeting",
        source=STATE,
        date="2021-06-23",
    )
    assert (visit.type, visit.status, visit.place) == ("visit", "main", "Berlin, Germany")
    assert set(visit.countries) == {"USA", "DEU"}


def test_a_headline_trip_keeps_its_first_day_over_the_day_of_the_meeting_it_goes_to() -> None:
    # statedept-2022-07-11-926a51933a
    (visit,) = found(
        "Under Secretary for Arms Control and International Security Bonnie Jenkins is "
        "visiting Brussels, Belgium to attend a meeting of NATO’s Arms Control, Disarmament "
        "and Nonproliferation Committee on July 11.",
        title="Under Secretary for Arms Control and International Security Jenkins Travel to "
        "Brussels July 10-13",
        date="2022-07-11",
    )
    assert (visit.type, visit.date, visit.place) == ("visit", "2022-07-10", "Brussels")


def test_the_most_recent_visit_after_a_modal_is_history() -> None:
    # statedept-2022-05-08-b93f65166f: "would" is what was pledged, the visit is past.
    (visit,) = found(
        "Embassy Kyiv operations will resume, as the Secretary pledged to President Zelenskyy "
        "they would during his most recent visit to Kyiv.",
        date="2022-05-08",
    )
    assert (visit.type, visit.status) == ("visit", "background")


def test_a_trip_told_with_an_earlier_one_to_the_same_place_is_two() -> None:
    # statedept-2022-05-08-b93f65166f: the diplomats' trip now, the Secretary's before.
    trips = found(
        "The Secretary informed Foreign Minister Kuleba that our Charge d'Affaires Kristina "
        "Kvien and a small group of diplomats traveled to Kyiv to conduct diplomatic "
        "engagement, as the Secretary pledged to President Zelenskyy they would during his "
        "most recent visit to Kyiv.",
        date="2022-05-08",
    )
    visits = sorted((e.status, e.place) for e in trips if e.type == "visit")
    assert visits == [("background", "Kyiv"), ("main", "Kyiv")]


def test_your_visit_said_by_the_host_in_a_transcript_is_a_visit_to_the_host() -> None:
    # statedept-2022-03-27-55fa570deb: the place line is no place; the speaker is the host.
    body = (
        "Israel Presidency\n\n"
        "PRESIDENT HERZOG: So shalom, welcome, Secretary of State Antony, Tony, Blinken, a "
        "good friend of the State of Israel.\n\n"
        "Your visit means a lot to us, and we welcome you whole-heartedly here in "
        "Jerusalem.\n\n"
        "SECRETARY BLINKEN: Thank you so much, Mr. President."
    )
    (visit,) = found(
        body,
        title="Secretary Antony J. Blinken And Israeli President Isaac Herzog Before Their Meeting",
        date="2022-03-27",
    )
    assert (visit.type, visit.status, visit.place) == ("visit", "main", "Israel")
    assert set(visit.countries) == {"USA", "ISR"}


def test_your_visit_said_by_the_publishers_official_at_home_is_a_visit_to_them() -> None:
    body = (
        "Washington, D.C.\n\n"
        "SECRETARY BLINKEN: Minister, your visit comes at an important moment.\n\n"
        "FOREIGN MINISTER KULEBA: Thank you, Secretary."
    )
    (visit,) = found(
        body,
        title="Secretary Antony J. Blinken and Ukrainian Foreign Minister Dmytro Kuleba "
        "Before Their Meeting",
        date="2022-03-27",
    )
    assert (visit.type, visit.place) == ("visit", "Washington, D.C.")
    assert set(visit.countries) == {"USA", "UKR"}


def test_your_visit_elsewhere_is_not_to_the_speaker() -> None:
    body = (
        "Washington, D.C.\n\n"
        "SECRETARY BLINKEN: Minister, your visit to Kyiv last month was a success.\n\n"
        "FOREIGN MINISTER KULEBA: Thank you, Secretary."
    )
    trips = found(
        body,
        title="Secretary Antony J. Blinken and Ukrainian Foreign Minister Dmytro Kuleba "
        "Before Their Meeting",
        date="2022-03-27",
    )
    assert all(e.place != "Washington, D.C." for e in trips if e.type == "visit")


def test_what_a_transcript_of_the_days_remarks_says_is_under_way_is_that_days() -> None:
    # statedept-2022-05-13-92fde909c5
    body = (
        "Washington, D.C.\n\nTreaty Room\n\n"
        "SECRETARY BLINKEN: Good morning, everyone. It’s a real pleasure to be here with my "
        "friend and colleague, the foreign minister of Indonesia.\n\n"
        "We just had – we’re still having what is truly a historic summit between the United "
        "States and ASEAN.\n\n"
        "FOREIGN MINISTER MARSUDI: Thank you, Tony."
    )
    summits = found(
        body,
        title="Secretary Antony J. Blinken and Indonesian Foreign Minister Retno Marsudi "
        "Before Their Meeting",
        date="2022-05-13",
    )
    (summit,) = [e for e in summits if "ASEAN" in e.orgs]
    assert (summit.type, summit.status, summit.date) == ("multilateral", "main", "2022-05-13")


def test_a_country_hosting_a_fleets_headquarters_is_no_meeting() -> None:
    # statedept-2021-06-27-ec1ff4e5f2
    assert not found(
        "Italy hosts the U.S. Navy’s 6th Fleet headquarters in Naples and NATO’s Joint Force "
        "Command outside of Naples in Lago Patria.",
        date="2021-06-27",
    )


def test_a_named_meeting_at_a_sentences_end_is_one() -> None:
    # statedept-2021-06-27-ec1ff4e5f2: "Meeting." and "Meeting" had made two.
    forums = found(
        "Secretary Blinken will then co-chair the D-ISIS Ministerial with Foreign Minister Di "
        "Maio, before traveling to Matera to attend the G20 Foreign Affairs Ministerial Meeting.",
        date="2021-06-27",
    )
    assert sum("G20" in e.orgs for e in forums) == 1


def test_a_summit_two_weeks_before_a_statement_is_history() -> None:
    # statedept-2021-06-27-ec1ff4e5f2
    (summit,) = found(
        "At the June 14 NATO Summit, President Biden and Prime Minister Draghi endorsed a "
        "series of proposals to revitalize NATO through the NATO 2030 initiative.",
        date="2021-06-27",
    )
    assert (summit.type, summit.status, summit.date) == ("multilateral", "background", "2021-06-14")


def test_a_stay_that_ended_days_ago_is_still_the_news() -> None:
    # statedept-2022-05-20-7bec775b22: begun nine days before, ended five before.
    (visit,) = found(
        "U.S. Ambassador at Large for International Religious Freedom Rashad Hussain traveled "
        "to Riyadh and Jeddah, Saudi Arabia, from May 11-15, 2022.",
        date="2022-05-20",
    )
    assert (visit.type, visit.status) == ("visit", "main")


# reuters21578-419 and -458: a tour of Europe told from its first stop.
TOUR = (
    "LONDON, March 2 - Brazilian Finance Minister Dilson Funaro said Brazil is not happy with "
    "the advisory committee.\n\n"
    "Funaro and central bank president Francisco Gros will this week visit Britain, France, "
    "West Germany, Switzerland and Italy for discussions with governments.\n\n"
    "Funaro and Gros are today meeting British Chancellor of the Exchequer Nigel Lawson."
)


def test_a_tour_this_week_is_one_visit_per_country_not_talks_of_all() -> None:
    visits = found(TOUR, date="1987-03-02", source="Reuters")
    assert all(e.type == "visit" for e in visits)
    planned = {e.place for e in visits if e.status == "planned"}
    assert planned == {"France", "West Germany", "Switzerland", "Italy"}


def test_the_leg_under_way_where_the_story_is_filed_is_todays_visit() -> None:
    visits = found(TOUR, date="1987-03-02", source="Reuters")
    (london,) = [e for e in visits if "GBR" in e.countries]
    assert (london.type, london.status, london.date) == ("visit", "main", "1987-03-02")
    assert "Nigel Lawson" in dict((name, side) for side, name in london.participants)


def test_a_tour_ahead_told_in_an_opening_clause_is_announced() -> None:
    visits = found(
        "LONDON, March 2 - Brazilian Finance Minister Dilson Funaro met Chancellor Nigel "
        "Lawson today.\n\n"
        "After travelling this week to France, Germany, Switzerland and Italy, Funaro hopes "
        "to visit Canada and Japan next week before starting negotiations with banks.",
        date="1987-03-02",
        source="Reuters",
    )
    planned = {e.place: set(e.countries) for e in visits if e.status == "planned"}
    assert set(planned) == {"France", "Germany", "Switzerland", "Italy", "Canada", "Japan"}
    assert planned["France"] == {"BRA", "FRA"}  # (not Canada's and Japan's too)


def test_welcoming_you_to_a_forum_in_a_transcript_brings_host_and_guest() -> None:
    # statedept-2022-05-13-92fde909c5
    body = (
        "Washington, D.C.\n\n"
        "SECRETARY BLINKEN: It’s a real pleasure to be here with the foreign minister of "
        "Indonesia.\n\n"
        "FOREIGN MINISTER MARSUDI: Thank you, Tony. And finally, looking forward to welcoming "
        "you on the foreign ministers meeting of the G20 in July 2022 in Bali."
    )
    forums = found(
        body,
        title="Secretary Antony J. Blinken and Indonesian Foreign Minister Retno Marsudi "
        "Before Their Meeting",
        date="2022-05-13",
    )
    (g20,) = [e for e in forums if "G20" in e.orgs]
    assert (g20.status, g20.date) == ("planned", "2022-07")
    assert {"IDN", "USA"} <= set(g20.countries)


def test_talks_between_two_countries_are_theirs_not_their_supporters() -> None:
    # statedept-2021-05-21-2dff4cf690
    (talks,) = found(
        "The Secretary noted continuing U.S. support for talks between NATO Allies Turkey and "
        "Greece.",
        date="2021-05-21",
    )
    assert (talks.type, set(talks.countries), talks.orgs) == ("consultations", {"TUR", "GRC"}, ())


def test_a_host_year_and_cooperation_in_forums_are_no_meetings() -> None:
    # statedept-2022-05-11-1d0941820d, statedept-2021-05-21-5f1c1f2812
    assert not found(
        "We committed to deepening our economic relationship, particularly as Thailand "
        "progresses with its 2022 APEC host year and the United States prepares for its 2023 "
        "host year.",
        date="2022-05-11",
    )
    assert not found(
        "Both sides highlighted the importance of cooperation in regional forums including the "
        "Asia-Pacific Economic Cooperation (APEC) forum, ASEAN, and the Mekong-U.S. Partnership.",
        date="2021-05-21",
    )


def test_a_dialogue_the_other_country_hosted_with_us_is_the_twos() -> None:
    # statedept-2022-03-30-c3313f95ef: a U.S. statement on Algeria.
    body = (
        "On March 30, Secretary of State Antony J. Blinken will travel to Algeria for "
        "meetings with President Abdelmadjid Tebboune.\n\n"
        "He will meet with U.S. business representatives in Algeria to discuss promoting "
        "U.S.-Algeria trade and investment.\n\n"
        "Algeria hosted a Joint Military Dialogue March 14-15, during which we further "
        "discussed our commitment to regional security."
    )
    dialogues = found(body, title="Secretary Blinken’s Travel to Algeria", date="2022-03-30")
    (dialogue,) = [e for e in dialogues if e.trigger == "Dialogue"]
    assert (set(dialogue.countries), dialogue.date) == ({"DZA", "USA"}, "2022-03-14")


def test_talks_currently_between_two_countries_are_theirs() -> None:
    (talks,) = found(
        "WASHINGTON, March 6 - He said there were talks currently between the United States "
        "and Japan on bank rules.",
        date="1987-03-06",
        source="Reuters",
    )
    assert (talks.type, set(talks.countries)) == ("consultations", {"USA", "JPN"})


def test_a_later_stop_takes_the_day_its_paragraph_opens_with() -> None:
    # statedept-2022-02-04-205b17eedf
    trips = found(
        "Secretary of State Antony J. Blinken will travel to Australia, Fiji, and Hawaii "
        "February 7-13 to engage with Indo-Pacific allies.\n\n"
        "In Fiji on February 12, Secretary Blinken will meet with Pacific Island leaders to "
        "discuss the climate crisis.",
        date="2022-02-04",
    )
    (fiji,) = [e for e in trips if e.place == "Fiji"]
    assert (fiji.status, fiji.date) == ("planned", "2022-02-12")


@pytest.mark.parametrize(
    ("when", "date"),
    [
        # statedept-2022-04-30-13e1e471da
        ("their April 24 meeting in Kyiv", "2022-04-24"),
        # statedept-2022-04-01-dda9a7016b: today is the call's
        ("their recent meeting in Kyiv", None),
    ],
)
def test_a_call_following_up_on_a_meeting_recalls_it_apart(when: str, date: str | None) -> None:
    told = found(
        "Secretary of State Antony J. Blinken spoke today with Ukrainian Foreign Minister "
        f"Dmytro Kuleba to follow up on {when}.",
        date="2022-04-30",
    )
    summary = sorted((e.type, e.status, e.date, e.place, set(e.countries)) for e in told)
    assert summary == [
        ("call", "main", "2022-04-30", None, {"USA", "UKR"}),
        ("meeting", "background", date, "Kyiv", {"USA", "UKR"}),
    ]


def test_their_meeting_recalled_by_a_writer_is_not_between_the_countries_named() -> None:
    # wikinews-2020-09-02-38b0bb9030: "Chad" is Boseman; "their" is no "met with".
    assert not found(
        'Ryan Coogler, the director of Black Panther, wrote of Boseman, "I noticed then that '
        'Chad was an anomaly", recalling their first meeting.',
        date="2020-09-02",
        source="Wikinews",
    )


def test_a_first_meeting_since_a_month_is_not_dated_by_it() -> None:
    # statedept-2022-07-06-862c7f8a22: October is the last time, a year behind.
    (meeting,) = found(
        "The Secretary has been in regular contact with PRC State Councilor and Foreign "
        "Minister Wang Yi, but this will be their first face-to-face meeting since October.",
        date="2022-07-06",
    )
    assert (meeting.status, meeting.date, set(meeting.countries)) == (
        "planned",
        None,
        {"USA", "CHN"},
    )


def test_a_reported_would_leave_announces_the_trip_and_the_talks_it_is_for() -> None:
    # reuters21578-11209
    told = found(
        "SEOUL, March 31 - They said Finance Minister Chung In-yong would leave for Washington on Monday to attend the International Monetary Fund's (IMF) "
        "Interim Committee meeting and for talks with U.S. Officials on ways of reducing "
        "Seoul's trade surplus with Washington.",
        date="1987-03-31",
        source="Reuters",
    )
    assert {(e.status, e.date) for e in told} == {("planned", "1987-04-06")}
    assert any(e.type == "visit" and e.place == "Washington" for e in told)


def test_a_reported_would_have_to_is_no_announcement() -> None:
    # reuters21578-4764: an obligation, not a plan.
    told = found(
        "The official said Brazil would have to enact a credible economic program, either in "
        "consultation with the World Bank or the International Monetary Fund.",
        date="1987-03-13",
        source="Reuters",
    )
    assert all(e.status != "planned" for e in told)


def test_a_visit_to_a_person_goes_to_the_persons_country() -> None:
    # reuters21578-11209: no place "U.S. Treasury Secretary James".
    visit = only(
        "SEOUL, March 31 - South Korea's Finance Minister Chung In-yong will visit U.S. "
        "Treasury Secretary James Baker next week to discuss U.S. Requests for an "
        "appreciation of South Korea's won, finance ministry officials said.",
        date="1987-03-31",
        source="Reuters",
    )
    assert (visit.type, visit.place, set(visit.countries)) == (
        "visit",
        "United States",
        {"KOR", "USA"},
    )


@pytest.mark.parametrize(
    ("body", "date", "place"),
    [
        # reuters21578-871
        (
            "PEKING, March 3 - Chinese leader Deng Xiaoping told visiting U.S. Secretary of "
            "State George Shultz China's recent troubles were over.",
            "1987-03-02",
            "Peking",
        ),
        # reuters21578-8589
        (
            "LA PAZ, March 23 - Labour minister Alfredo Franco left to attend a session of "
            "Congress also attended by visiting West German President Richard von "
            "Weizsaecker.",
            "1987-03-23",
            "La Paz",
        ),
    ],
)
def test_a_visiting_official_visits_the_datelines_country(body: str, date: str, place: str) -> None:
    (visit,) = [e for e in found(body, date=date, source="Reuters") if e.type == "visit"]
    assert (visit.place, visit.countries[0]) == (place, {"Peking": "USA", "La Paz": "BRD"}[place])


@pytest.mark.parametrize(
    ("body", "status", "date"),
    [
        # reuters21578-12152: under way, ending tomorrow
        (
            "LONDON, April 1 - The International Coffee Organization executive board meeting "
            "will end tomorrow, delegates said.",
            "main",
            "1987-04-01",
        ),
        # reuters21578-1312
        (
            "LONDON, March 25 - The ICO executive board meets here March 30 to April 1, "
            "delegates said.",
            "planned",
            "1987-03-30",
        ),
    ],
)
def test_an_international_bodys_board_meeting_is_one(body: str, status: str, date: str) -> None:
    published = "1987-04-01" if "April 1 -" in body else "1987-03-25"
    meeting = only(body, date=published, source="Reuters")
    assert (meeting.type, meeting.orgs, meeting.status, meeting.date) == (
        "multilateral",
        ("ICO",),
        status,
        date,
    )


def test_a_companys_board_meeting_is_none() -> None:
    assert not found(
        "NEW YORK, March 25 - The company's board meeting will end tomorrow, a spokesman said.",
        date="1987-03-25",
        source="Reuters",
    )


@pytest.mark.parametrize(
    ("body", "name"),
    [
        # statedept-2022-03-16-7160b465d9 / -04-15-5bc9e2cbb7
        (
            "In October 2021, I met with our regional partners at the Regional Migration "
            "Ministerial in Colombia, where we expressed our commitment to securing our "
            "borders.",
            "Regional Migration Ministerial",
        ),
        (
            "The United States participated in the Regional Migration Ministerial in Colombia "
            "in October 2021.",
            "Regional Migration Ministerial",
        ),
    ],
)
def test_a_named_forum_held_in_a_country_has_its_part(body: str, name: str) -> None:
    (forum,) = found(body, date="2022-03-16")
    assert (forum.type, forum.status, forum.date, set(forum.countries), forum.trigger) == (
        "multilateral",
        "background",
        "2021-10",
        {"USA", "COL"},
        name,
    )


def test_a_forums_name_starts_after_its_date() -> None:
    # statedept-2021-06-27-ec1ff4e5f2: "June 14" dates the summit; it is no part of its name.
    told = found(
        "Secretary Blinken met with Italian Foreign Minister Luigi Di Maio. They discussed "
        "the outcomes of the June 14 NATO Summit.",
        date="2021-06-27",
    )
    (summit,) = [e for e in told if e.type == "multilateral"]
    assert (summit.trigger, summit.date) == ("NATO Summit", "2021-06-14")


def test_the_hosts_met_with_others_on_a_trip_are_the_trips() -> None:
    # statedept-2021-07-30-2f14d3df60: one trip, its meetings with the hosts and others.
    (trip,) = found(
        "U.S. Special Envoy for Yemen Tim Lenderking returned from travel to Saudi Arabia "
        "today. Lenderking met with senior officials from the Republic of Yemen and Saudi "
        "governments, the Gulf Cooperation Council, and the UN Special Envoy’s Office.",
        title="U.S. Special Envoy for Yemen Lenderking’s Return from Saudi Arabia",
        date="2021-07-30",
    )
    assert (trip.type, trip.place) == ("visit", "Saudi Arabia")
    assert {"USA", "SAU", "YEM"} <= set(trip.countries)


def test_a_forum_co_hosted_on_a_trip_is_a_forum_beside_the_trip() -> None:
    # statedept-2022-04-15-5bc9e2cbb7
    told = found(
        "Secretary of State Antony J. Blinken will travel to Panama April 19-20 to co-host a "
        "Ministerial Conference on Migration and Protection with the Government of Panama.",
        date="2022-04-15",
    )
    summary = sorted((e.type, e.status, e.date, e.trigger) for e in told)
    assert summary == [
        (
            "multilateral",
            "planned",
            "2022-04-19",
            "Ministerial Conference on Migration and Protection",
        ),
        ("visit", "planned", "2022-04-19", "travel"),
    ]


@pytest.mark.parametrize(
    ("body", "name"),
    [
        # statedept-2022-07-15-c41b89ae6f: a date after "on" ends the name
        (
            "Secretary Blinken will co-host the virtual COVID-19 Ministerial on July 19 with "
            "Japanese Foreign Minister Hayashi Yoshimasa.",
            "COVID-19 Ministerial",
        ),
        # reuters21578-4624: so does a possessive
        (
            "Ministers will attend the U.N. Conference on Africa's economic crisis in New York "
            "next week.",
            "U.N. Conference",
        ),
    ],
)
def test_a_forums_name_goes_on_to_its_subject_not_its_date(body: str, name: str) -> None:
    forums = [e for e in found(body, date="2022-07-15") if e.type == "multilateral"]
    assert [e.trigger for e in forums] == [name]


def test_when_and_where_set_off_by_commas_do_not_end_who_takes_part() -> None:
    # reuters21578-8029: "his annual meeting, on April 5-6 in Ottawa, with Prime Minister"
    meeting = only(
        "President Reagan will hold his annual meeting, on April 5-6 in Ottawa, with Prime "
        "Minister Brian Mulroney.",
        date="1987-03-20",
        source="Reuters",
    )
    assert (meeting.status, meeting.date, meeting.place, set(meeting.countries)) == (
        "planned",
        "1987-04-05",
        "Ottawa",
        {"USA", "CAN"},
    )


def test_who_goes_along_on_a_trip_does_not_hide_where_it_goes() -> None:
    # statedept-2022-04-26-1a4e4a256a
    (trip,) = found(
        "Secretary Blinken expressed his appreciation for Poland’s role in facilitating his "
        "travel with Secretary of Defense Austin to Ukraine yesterday to meet with President "
        "Zelenskyy.",
        date="2022-04-26",
    )
    assert (trip.type, trip.place, trip.date, set(trip.countries)) == (
        "visit",
        "Ukraine",
        "2022-04-25",
        {"USA", "UKR"},
    )


def test_a_signing_ceremony_held_in_a_capital_has_its_hosts_part() -> None:
    # statedept-2022-03-28-5793e00b5a
    (signing,) = found(
        "Today, as a product of that expanded dialogue and cooperation on space, Minister for "
        "Trade and Industry Gan Kim Yong signed the Artemis Accords on behalf of the "
        "Republic of Singapore in a ceremony in Washington, DC.",
        date="2022-03-28",
    )
    assert (signing.type, set(signing.countries), signing.place) == (
        "signing",
        {"SGP", "USA"},
        "Washington, DC",
    )


def test_a_meeting_on_the_sidelines_of_a_forum_is_between_its_own_sides() -> None:
    # reuters21578-19867: the summit's members are not the meeting's.
    told = found(
        "BRUSSELS, June 29 - A specially convened Franco-German meeting in the sidelines of "
        "a summit of EC leaders failed to make any progress over a farm price package, "
        "diplomats said.",
        date="1987-06-29",
        source="Reuters",
    )
    meeting = [e for e in told if e.type == "meeting"]
    assert [set(e.countries) | set(e.orgs) for e in meeting] == [{"FRA", "BRD"}]


def test_the_next_meeting_of_a_group_known_by_its_acronym_is_the_sides_next() -> None:
    # statedept-2021-06-03-091b4dcc15
    told = found(
        "On June 2, the United States of America and India virtually convened the second "
        "meeting of the Counternarcotics Working Group (CNWG). They committed to continuing "
        "these discussions at the next CNWG meeting next year.",
        date="2021-06-03",
    )
    planned = [(e.date, set(e.countries)) for e in told if e.status == "planned"]
    assert planned == [("2022", {"USA", "IND"})]


def test_a_universitys_conference_is_no_engagement_between_governments() -> None:
    # reuters21578-2894: the countries of the sentence are a topic, not who met; the talks
    # two sentences on are.
    told = found(
        "WASHINGTON, March 6 - The recent U.S.-U.K. agreement on capital adequacy provided a "
        "model for others, including Japan, Heller told a Georgetown University conference "
        "on financial markets. Heller said there were talks currently between the United "
        "States and Japan on bank rules.",
        date="1987-03-06",
        source="Reuters",
    )
    assert [(e.type, set(e.countries)) for e in told] == [("consultations", {"USA", "JPN"})]


def test_the_paris_club_rescheduling_is_still_one() -> None:
    # reuters21578-3090: the creditor governments' club is no civil host.
    told = found(
        "RABAT, March 25 - Morocco's debt was rescheduled at last week's Paris Club debt "
        "rescheduling, officials said.",
        date="1987-03-25",
        source="Reuters",
    )
    assert any("Paris Club" in e.orgs for e in told)


def test_a_wire_storys_he_goes_on_with_the_lead_across_a_quoted_paragraph() -> None:
    # reuters21578-8608: the paragraph between quotes him and names no one.
    (meeting,) = found(
        "TAUPO, New Zealand, March 24 - U.S. Trade Representative Clayton Yeutter said he "
        "was unsure whether trade issues would be resolved soon.\n\n"
        '"I am not sure we can wait until late April," he added.\n\n'
        "He said he will meet the Japanese delegation over the next few days.",
        date="1987-03-24",
        source="Reuters",
    )
    assert (meeting.type, meeting.status, set(meeting.countries)) == (
        "meeting",
        "planned",
        {"USA", "JPN"},
    )
    assert ("USA", "Clayton Yeutter") in meeting.participants
    # reuters21578-20389: not with a side read from the dateline alone.
    assert not found(
        "LUXEMBOURG, Oct 20 - Copa urged EC farm ministers to agree a tax.\n\n"
        "Copa president Hans Kjeldsen told a news conference on Tuesday he had urged "
        "ministers to act.\n\n"
        "He was speaking after a meeting of farm leaders with the Danish foreign and "
        "agriculture ministers.",
        title="COPA URGES TAX ON VEGETABLE PROTEINS",
        date="1987-10-20",
        source="Reuters",
    )


def test_the_two_countries_are_the_two_the_sentence_joined() -> None:
    # reuters21578-8608: not the dateline's New Zealand; planned, the coming April.
    (talks,) = found(
        "TAUPO, New Zealand, March 24 - U.S. Trade Representative Clayton Yeutter said he "
        "was unsure whether trade issues straining U.S.-Japanese relations would be resolved "
        "before the two countries open trade talks in late April.",
        date="1987-03-24",
        source="Reuters",
    )
    assert (talks.status, talks.date, set(talks.countries)) == (
        "planned",
        "1987-04",
        {"USA", "JPN"},
    )


def test_a_dialogue_just_had_is_the_days_news() -> None:
    # statedept-2022-05-25-eeb31595d4
    (dialogue,) = found(
        "SECRETARY BLINKEN: Well, good afternoon, everyone. We’ve just had the inaugural and "
        "unprecedented strategic dialogue between the United States and the OIC.",
        date="2022-05-25",
    )
    assert (dialogue.status, dialogue.date) == ("main", "2022-05-25")
    # statedept-2021-08-04-489895f437: "had an opportunity today to speak": the verb "have"
    (call,) = found(
        "Secretary Blinken had an opportunity today to speak to his British counterpart, "
        "Foreign Secretary Raab.",
        date="2021-08-04",
    )
    assert (call.type, call.status, call.date) == ("call", "main", "2021-08-04")


def test_our_meeting_in_a_governments_own_statement_is_its_officials() -> None:
    # statedept-2022-02-22-49444da64b
    (meeting,) = found(
        "As Secretary Austin and I reaffirmed in our meeting with Foreign Minister Hayashi "
        "and Minister of Defense Kishi last month, the U.S.-Japan Alliance is the cornerstone "
        "of peace.",
        date="2022-02-22",
    )
    assert (meeting.status, meeting.date, set(meeting.countries)) == (
        "background",
        "2022-01",
        {"USA", "JPN"},
    )


def test_a_headline_meeting_with_the_one_it_names_is_the_publishers_officials() -> None:
    # statedept-2022-03-10-6764c48f2d: the remarks' headline, the place on the first line
    (meeting,) = found(
        "Algiers, Algeria\n\nGood afternoon. I want to thank President Tebboune for his "
        "hospitality.",
        title="Press Availability Following a Meeting with Algerian President Tebboune",
        date="2022-03-10",
    )
    assert (meeting.type, meeting.status, meeting.date, meeting.place) == (
        "meeting",
        "main",
        "2022-03-10",
        "Algiers, Algeria",
    )
    assert set(meeting.countries) == {"USA", "DZA"}
    # Not in a news story: the wire's headline names both sides or none.
    assert not found(
        "ALGIERS, March 10 - The talks went on.",
        title="PRESS CONFERENCE FOLLOWING A MEETING WITH ALGERIAN PRESIDENT TEBBOUNE",
        date="1987-03-10",
        source="Reuters",
    )


def test_the_meeting_a_headline_reports_is_the_one_the_body_dates() -> None:
    # statedept-2022-07-22-11334e792c
    body = (
        "The text of the following statement was released by the Governments of the United "
        "States of America and India, on the occasion of the Third Meeting of the India-U.S. "
        "Counternarcotics Working Group.\n\nThe Narcotics Control Bureau, India (NCB) hosted "
        "the third meeting of the India-U.S. Counternarcotics Working Group (CNWG) in New "
        "Delhi, India on 7-8 July, 2022."
    )
    (meeting,) = found(
        body,
        title="Joint Statement of the Third Meeting of the India-U.S. Counternarcotics Working "
        "Group",
        date="2022-07-22",
    )
    assert (meeting.date, meeting.place) == ("2022-07-07", "New Delhi, India")
    # statedept-2021-08-12-0f1e297968: not a forum the body recalls
    engagements = found(
        "Senior officials from the United States, Australia, India, and Japan met virtually "
        "as part of regular Quad consultations. This meeting seeks to build on the historic "
        "discussions held between President Biden, Prime Minister Morrison, Prime Minister "
        "Modi, and Prime Minister Suga during the inaugural Quad Leaders’ Summit on March 12, "
        "2021.",
        title="U.S.-Australia-India-Japan Consultations (the “Quad”) Senior Officials Meeting",
        date="2021-08-12",
    )
    assert sorted((e.status, e.date) for e in engagements) == [
        ("background", "2021-03-12"),
        ("main", None),
    ]


def test_a_visit_whose_visitor_is_named_by_office_goes_to_the_dateline() -> None:
    # reuters21578-5697
    (visit,) = found(
        "BUENOS AIRES, March 16 - West German President Richard von Weizsaecker met Argentine "
        "President Raul Alfonsin for talks on the first day of the German leader's four-day "
        "visit.",
        date="1987-03-16",
        source="Reuters",
    )
    assert (visit.type, visit.place, set(visit.countries)) == (
        "visit",
        "Buenos Aires",
        {"BRD", "ARG"},
    )


def test_a_development_banks_annual_meeting_here() -> None:
    # reuters21578-8963
    meetings = found(
        "MIAMI, March 24 - Argentina needs more loans, he told reporters during the IADB's "
        "annual meeting here.",
        date="1987-03-24",
        source="Reuters",
    )
    assert [(e.type, e.orgs, e.place) for e in meetings] == [
        ("multilateral", ("Inter-American Development Bank",), "Miami")
    ]


def test_a_forum_in_an_advisers_office_is_no_engagement() -> None:
    # statedept-2022-04-26-bd83bdabc2: his title, not a summit held
    engagements = found(
        "Special Advisor for the Summit of the Americas Christopher Dodd traveled to "
        "Bridgetown, Barbados, April 19-20 to meet with Caribbean Community (CARICOM) "
        "leaders.",
        date="2022-04-26",
    )
    assert [(e.type, e.place) for e in engagements] == [("visit", "Bridgetown")]


def test_talks_yesterday_are_not_announced_and_one_with_their_background() -> None:
    # reuters21578-8963: "will agree reforms ... as a result of talks yesterday", then the
    # same talks told with all four sides.
    engagements = found(
        "MIAMI, March 24 - There is a good chance that the United States and Latin America "
        "will agree reforms as a result of talks yesterday with U.S. Treasury Secretary James "
        "Baker, Mexican Finance Minister Gustavo Petricioli said. He said Baker had indicated "
        "receptivity during talks yesterday with the finance ministers of Mexico, Brazil and "
        "Argentina.",
        date="1987-03-24",
        source="Reuters",
    )
    assert [(e.type, e.status, e.date, set(e.countries)) for e in engagements] == [
        ("multilateral", "main", "1987-03-23", {"USA", "MEX", "BRA", "ARG"})
    ]


def test_met_virtually_is_a_call_but_a_dialogues_round_or_a_forum_is_not() -> None:
    # statedept-2021-06-03-e6c2804814
    (call,) = found(
        "On May 27, 2021, interagency representatives from the United States and Japan met "
        "virtually.",
        date="2021-06-03",
    )
    assert (call.type, call.date) == ("call", "2021-05-27")
    # statedept-2021-05-21-5f1c1f2812: a dialogue's round held by video
    (dialogue,) = found(
        "Senior delegations representing the United States and Thailand met virtually on May "
        "21, 2021, for the Seventh U.S.-Thailand Strategic Dialogue.",
        date="2021-05-21",
    )
    assert dialogue.type == "consultations"
    # statedept-2022-07-15-c41b89ae6f: a forum co-hosted by video is a forum
    engagements = found(
        "Secretary Blinken will co-host the virtual COVID-19 Global Action Plan Foreign "
        "Ministerial Meeting with Japanese Foreign Minister Hayashi on July 19.",
        date="2022-07-15",
    )
    assert "call" not in [e.type for e in engagements]


def test_they_will_meet_is_the_meeting_told_before_now_dated() -> None:
    # reuters21578-2733
    (meeting,) = found(
        "WASHINGTON, March 6 - Secretary of State George Shultz and Soviet Foreign Minister "
        "Eduard Shevardnaze will meet in Moscow in mid-April, administration sources said. The "
        "sources said they will meet April 13 to 16.",
        date="1987-03-06",
        source="Reuters",
    )
    assert (meeting.status, meeting.date, meeting.place) == ("planned", "1987-04-13", "Moscow")
    # reuters21578-1357: "they are the hosts" is no meeting of theirs
    assert not found(
        'WASHINGTON, March 3 - Regional banks will meet with Volcker tomorrow. "Since they '
        "are the hosts, we feel it's up to them,\" one official said.",
        date="1987-03-03",
        source="Reuters",
    )[1:]


def test_an_upcoming_meeting_is_not_dated_by_the_call_yesterday() -> None:
    # statedept-2022-06-07-06b404c9b0
    engagements = found(
        "Secretary of State Antony J. Blinken spoke yesterday with Australian Foreign Minister "
        "Penny Wong about regional issues and to discuss the upcoming G-20 Ministerial "
        "meetings in Bali.",
        date="2022-06-07",
    )
    assert [(e.status, e.date) for e in engagements if e.type == "multilateral"] == [
        ("planned", None)  # statedept-2022-06-25-891ebd2362: not the call's day either
    ]


def test_to_fly_to_a_capital_for_talks_is_a_trip() -> None:
    # reuters21578-3532, reuters21578-2503
    (visit,) = found(
        "TOKYO, March 11 - Foreign Minister Tadashi Kuranari was widely expected to fly to "
        "Washington tomorrow for talks focussing on trade.",
        date="1987-03-11",
        source="Reuters",
    )
    assert at_a_glance(visit) == ("visit", "planned", "1987-03-12", {"JPN", "USA"})


def test_when_they_meet_after_a_conditional_is_ahead() -> None:
    (summit,) = found(
        "LONDON, April 2 - Thatcher said she would press the issue when leaders of the Group "
        "of Seven meet in Venice in June.",
        date="1987-04-02",
        source="Reuters",
    )
    assert (summit.status, summit.date) == ("planned", "1987-06")
    # reuters21578-180: a past "when" clause stays past
    (talks,) = found(
        "WASHINGTON, Feb 27 - Analysts said bonus wheat would be offered to the Soviets, even "
        "though U.S. officials did not make such an offer when they held grain talks with "
        "Soviet counterparts earlier this week.",
        date="1987-02-27",
        source="Reuters",
    )
    assert talks.status != "planned"


def test_looking_forward_to_seeing_an_official_in_a_capital_is_their_visit() -> None:
    # statedept-2021-06-23-04c32b568f: said to Chancellor Merkel
    engagements = found(
        "SECRETARY BLINKEN: For today, Chancellor, let me just simply say again, thank you, "
        "and also to tell you again how much President Biden looks forward to seeing you in "
        "Washington next month.",
        title="Secretary Antony J. Blinken and German Chancellor Angela Merkel Before Their "
        "Meeting",
        date="2021-06-23",
    )
    visit = next(e for e in engagements if e.type == "visit")
    assert (visit.status, visit.date, visit.place, set(visit.countries)) == (
        "planned",
        "2021-07",
        "Washington",
        {"USA", "DEU"},
    )
    # statedept-2022-03-30-4da2381526: said to companies at a fair, no official
    assert not found(
        "Algiers, Algeria\n\nSECRETARY BLINKEN: Thank you all. I’m really looking forward to "
        "seeing you there.",
        title="Secretary Antony J. Blinken At Algiers International Trade Fair Launch Event "
        "with U.S. Companies",
        date="2022-03-30",
    )


def test_an_offices_trip_is_its_holders() -> None:
    # statedept-2022-04-11-ff39e07101
    engagements = found(
        "Deputy Secretary McKeon met today with United Nations High Commissioner for Refugees "
        "(UNHCR) Filippo Grandi in Washington. They also discussed the High Commissioner's "
        "recent travel to Ukraine and Afghanistan.",
        date="2022-04-11",
    )
    assert sorted((e.type, e.place, e.countries) for e in engagements) == [
        ("meeting", "Washington", ("USA",)),
        ("visit", "Afghanistan", ("AFG",)),
        ("visit", "Ukraine", ("UKR",)),
    ]
    assert all(e.orgs == ("UNHCR",) for e in engagements)
    # statedept-2022-06-07-06b404c9b0: the owner's trips, not also of who "reviewed" them
    engagements = found(
        "Secretary Blinken met Australian Foreign Minister Penny Wong today. The Secretary and "
        "Foreign Minister reviewed the Foreign Minister’s recent visits to Indonesia and Fiji.",
        date="2022-06-07",
    )
    visits = [e for e in engagements if e.type == "visit"]
    assert sorted(tuple(sorted(v.countries)) for v in visits) == [("AUS", "FJI"), ("AUS", "IDN")]


def test_his_visit_here_and_an_administrations_officials() -> None:
    # reuters21578-1809
    engagements = found(
        "WASHINGTON, March 4 - Paul Channon, British secretary for trade and industry, made his "
        "remarks after two days of talks with Reagan Administration officials. Belgian Trade "
        "Minister Herman De Croo was also in Washington for trade talks. Channon said "
        "protectionism had grown since his visit here last year.",
        date="1987-03-04",
        source="Reuters",
    )
    summary = sorted((e.type, e.status, tuple(sorted(e.countries))) for e in engagements)
    assert summary == [
        ("consultations", "main", ("GBR", "USA")),
        ("visit", "background", ("GBR", "USA")),
        ("visit", "main", ("BEL", "USA")),
    ]


def test_a_loan_signed_with_an_international_bank_is_a_signing() -> None:
    # reuters21578-10821
    (signing,) = found(
        "MANILA, March 30 - The Philippines and the World Bank have signed a 300 mln dlr loan "
        "to finance the government's economic recovery program, officials said.",
        date="1987-03-30",
        source="Reuters",
    )
    assert (signing.type, signing.countries, signing.orgs) == ("signing", ("PHL",), ("World Bank",))
    # reuters21578-3479: a company's loan from banks is business
    assert not found(
        "HONG KONG, March 11 - Daewoo Industrial Co Ltd of South Korea will sign a 45 mln U.S. "
        "Dlr loan tomorrow through its Hong Kong unit, lead manager Banque Nationale de Paris "
        "said.",
        date="1987-03-11",
        source="Reuters",
    )


def test_a_transcripts_dialogue_is_held_by_the_officials_its_headline_names() -> None:
    # statedept-2022-05-02-2c970d5319
    engagements = found(
        "Washington, D.C.\n\nSECRETARY BLINKEN: Good afternoon, everyone. We just had a very "
        "good dialogue, exchange between us, and indeed a big part of the purpose of these "
        "meetings is to relaunch the Strategic Dialogue between the United States and Armenia.",
        title="Secretary Antony J. Blinken and Armenian Foreign Minister Ararat Mirzoyan at a "
        "Signing Ceremony",
        date="2022-05-02",
    )
    dialogue = next(e for e in engagements if e.type == "consultations")
    assert set(dialogue.participants) == {("USA", "Antony J. Blinken"), ("ARM", "Ararat Mirzoyan")}


def test_a_virtual_discussion_with_an_official_is_a_call_a_panel_discussion_is_not() -> None:
    # statedept-2021-07-15-1c2a92a57c: a public schedule's line
    (call,) = found(
        "10:00 a.m. Acting Assistant Secretary Reeker participates in a virtual roundtable "
        "discussion with Slovenian Prime Minister Janez Janša, hosted by the Center for "
        "European Policy Analysis (CEPA), from the Department of State.",
        date="2021-07-15",
    )
    assert (call.type, set(call.countries)) == ("call", {"USA", "SVN"})
    # statedept-2022-02-18-a7a4545ef8
    assert not found(
        "She will join a panel discussion with Emirati diplomats at the Anwar Gargash "
        "Diplomatic Academy in Abu Dhabi.",
        date="2022-02-18",
    )


def test_a_gathering_to_be_held_or_scheduled_is_ahead() -> None:
    # statedept-2021-07-26-b72777694f: the COP named in a clause of intent, "to be held"
    body = (
        "The delegations of the Republic of Iraq and the United States co-chaired the final "
        "session of the Strategic Dialogue. Both sides intend to pursue cooperation in working "
        "with international organizations, including the 26th Conference of the Parties of the "
        "United Nations Framework Convention on Climate Change, to be held in Glasgow this fall."
    )
    engagements = found(body, date="2021-07-26")
    dialogue = [e for e in engagements if e.type == "consultations"]
    assert [e.status for e in dialogue] == ["main"] and not dialogue[0].orgs
    assert [e.status for e in engagements if "UN" in e.orgs] == ["planned"]
    # reuters21578-17305: talks "scheduled for Thursday": the coming Thursday
    talks = only(
        "TOKYO, April 27 - Two rounds of talks between President Reagan and Nakasone, "
        "scheduled for Thursday and Friday, come on the heels of new tariffs.",
        date="1987-04-27",
        source="Reuters",
    )
    assert at_a_glance(talks) == ("consultations", "planned", "1987-04-30", {"USA", "JPN"})
    # Held already: "which was held" is told as done.
    talks = only(
        "The talks between Japan and the United States, which were held in Tokyo on Monday, "
        "ended without agreement.",
        date="1987-04-29",
        source="Reuters",
    )
    assert talks.status == "main"


def test_talks_with_the_taliban_are_with_afghanistans_side() -> None:
    # statedept-2022-07-01-a904acecc9
    meeting = only(
        "On June 29 and 30, Special Representative for Afghanistan Thomas West led another "
        "senior interagency delegation to continue discussions with senior Taliban "
        "representatives in Doha, Qatar.",
        title="U.S. Delegation Meeting with Taliban Representatives",
        date="2022-07-01",
    )
    assert set(meeting.countries) == {"USA", "AFG"} and meeting.date == "2022-06-29"


def test_a_trip_dated_before_its_destination_with_the() -> None:
    # statedept-2022-06-06-d000e120a4: "travel this week to the Philippines, Vietnam, and Laos"
    visit = only("Deputy Secretary Sherman will travel next week to the Philippines.")
    assert at_a_glance(visit) == ("visit", "planned", "2022-05-23", {"USA", "PHL"})
    visits = found(
        "Deputy Secretary Sherman’s travel this week to the Philippines, Vietnam, and Laos "
        "highlights the U.S. commitment to ASEAN.",
        date="2022-06-06",
    )
    assert [set(v.countries) for v in visits] == [{"USA", "PHL"}, {"USA", "VNM"}, {"USA", "LAO"}]


def test_a_visit_to_palestine() -> None:
    # statedept-2022-03-27-8fce7aac7f: the visit, which holds the meeting of the headline
    visit = only(
        "PRESIDENT ABBAS: (Via interpreter) In the name of God, the merciful, it gives me great "
        "pleasure to welcome U.S. Secretary of State Antony Blinken in his visit to Palestine.",
        title="Secretary Antony J. Blinken And Palestinian Authority President Mahmoud Abbas "
        "After Their Meeting",
        date="2022-03-27",
    )
    assert at_a_glance(visit) == ("visit", "main", "2022-03-27", {"USA", "PSE"})


def test_a_meeting_named_in_an_opening_following_phrase_of_a_future_clause_is_ahead() -> None:
    # statedept-2022-05-08-7aadd1fd4d
    meeting = only(
        "Following meetings in Geneva, Assistant Secretary Sison will meet with Swiss "
        "officials in Bern to discuss humanitarian issues.",
        date="2022-05-08",
    )
    assert (meeting.type, meeting.status, set(meeting.countries)) == (
        "meeting",
        "planned",
        {"USA", "CHE"},
    )
    # Told as done, it is the news.
    meeting = only(
        "Following meetings in Geneva, Assistant Secretary Sison met with Swiss officials in Bern.",
        date="2022-05-08",
    )
    assert meeting.status == "main"


def test_information_gathered_is_no_gathering() -> None:
    # statedept-2022-03-30-0cc8b704ea
    engagements = found(
        "They noted that the United States and the European Union will work to track reports "
        "of war crimes and will share information gathered with allies. The foreign ministers "
        "of France and Germany gathered in Madrid on Monday.",
        date="2022-03-30",
    )
    assert [at_a_glance(e) for e in engagements] == [
        ("meeting", "main", "2022-03-28", {"FRA", "DEU"})
    ]


@pytest.mark.parametrize(
    "body",
    [
        # reuters21578-17359
        "VIENNA, March 28 - OPEC has scheduled a regular meeting in June.",
        "VIENNA, March 28 - OPEC will hold a regular meeting in June.",
    ],
)
def test_an_organisation_that_holds_or_schedules_its_meeting_meets(body: str) -> None:
    meeting = only(body, date="1987-03-28", source="Reuters")
    assert (meeting.type, meeting.status, meeting.date, meeting.orgs) == (
        "multilateral",
        "planned",
        "1987-06",
        ("OPEC",),
    )


def test_ministers_meeting_here_is_their_meeting() -> None:
    # reuters21578-17674, -5752: "meeting" used as a verb after the officials who meet
    meeting = only(
        "LUXEMBOURG, June 1 - EC industry ministers meeting here considered two key proposals "
        "aimed at cutting back surplus steel capacity.",
        date="1987-06-01",
        source="Reuters",
    )
    assert (meeting.type, meeting.status, meeting.date, meeting.orgs) == (
        "multilateral",
        "main",
        "1987-06-01",
        ("EU",),
    )


def test_the_ministers_resuming_talks_are_those_who_met() -> None:
    # reuters21578-18030
    engagements = found(
        "GENVAL, Belgium, June 2 - European Community farm ministers meeting here today failed "
        "to agree on farm prices. The ministers will resume talks on the price fixing issue in "
        "Luxembourg on June 15.",
        date="1987-06-02",
        source="Reuters",
    )
    assert [(e.status, e.date, e.orgs, e.place) for e in engagements] == [
        ("main", "1987-06-02", ("EU",), "Genval"),
        ("planned", "1987-06-15", ("EU",), "Luxembourg"),
    ]


def test_an_organisations_ministers_meeting_though_only_its_official_is_named() -> None:
    # reuters21578-20989
    meeting = only(
        "LUXEMBOURG, Oct 19 - EC Farm Commissioner Frans Andriessen told agriculture ministers "
        "meeting in Luxembourg that the EC is willing to make some temporary arrangements, the "
        "spokesman said.",
        date="1987-10-19",
        source="Reuters",
    )
    assert (meeting.type, meeting.status, meeting.date, meeting.orgs, meeting.place) == (
        "multilateral",
        "main",
        "1987-10-19",
        ("EU",),
        "Luxembourg",
    )


def test_a_meeting_the_body_tells_of_others_is_not_the_headlines() -> None:
    # statedept-2021-06-25-56975dc576: the headline's meeting, and the leaders' told in it
    engagements = found(
        "SECRETARY BLINKEN: It's been a while. We’ve been working very closely together these "
        "few months, and of course we had a very productive meeting between President Biden "
        "and President Macron on the margins of the meeting of the G7.",
        title="Secretary Antony J. Blinken and French Foreign Minister Jean-Yves Le Drian "
        "Before Their Meeting",
        date="2021-06-25",
    )
    meetings = [e for e in engagements if e.type == "meeting"]
    assert [sorted(name for _side, name in e.participants) for e in meetings] == [
        ["Antony J. Blinken", "Jean-Yves Le Drian"],
        ["Antony J. Blinken", "Biden", "Macron"],
    ]
    # One person the article names in two forms is one: one call (statedept-2022-06-08-1c94e9cc8a).
    calls = found(
        "Secretary of State Antony J. Blinken spoke today with African Union Commission "
        "Chairperson Moussa Faki Mahamat.",
        title="Secretary Blinken’s Call with African Union Commission Chairperson Faki",
        date="2022-06-08",
    )
    assert len(calls) == 1


def test_an_organisations_official_met_beside_its_forum_is_a_meeting() -> None:
    # statedept-2022-03-04-e25cc05cda: a meeting of two on the margins, not the forum
    meeting = only(
        "Secretary of State Antony J. Blinken met with NATO Secretary General Jens "
        "Stoltenberg today in Brussels on the margins of the NATO Foreign Ministerial.",
        date="2022-03-04",
    )
    assert (meeting.type, meeting.countries, meeting.orgs) == ("meeting", ("USA",), ("NATO",))
    # Those met at a forum named in the sentence, with no one of the organisation's own:
    # the forum ("attend the ... Forum ... and meet with UN").
    forum = only(
        "Secretary Blinken will attend the UN Food Systems Forum in Rome and meet with UN "
        "agencies there.",
        date="2022-03-04",
    )
    assert forum.type == "multilateral"


@pytest.mark.parametrize(
    "counterpart",
    ["the president of the Peruvian central bank", "the Peruvian central bank governor"],
)
def test_a_central_banks_head_is_his_countrys_side(counterpart: str) -> None:
    # reuters21578-17149: the talks of two central banks' heads
    talks = only(
        "MEXICO CITY, April 24 - A Banco de Mexico spokesman confirmed that Mexican central "
        f"bank head Miguel Mancera Aguayo held private talks here yesterday with {counterpart}.",
        date="1987-04-24",
        source="Reuters",
    )
    assert (talks.status, talks.date, set(talks.countries)) == (
        "main",
        "1987-04-23",
        {"MEX", "PER"},
    )


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # reuters21578-14887: a ministry written with capitals is its government's
        (
            "TOKYO, April 8 - The Japanese Finance Ministry said it plans to hold formal "
            "financial talks with France on April 17 in Tokyo, the second such meeting after a "
            "first session in May last year.",
            ("consultations", "planned", "1987-04-17", {"JPN", "FRA"}),
        ),
        # reuters21578-9592
        (
            "BRASILIA, April 8 - Brazilian and U.S. Trade officials held the first of a "
            "three-day meeting today in Brasilia to discuss the issue.",
            ("meeting", "main", "1987-04-08", {"BRA", "USA"}),
        ),
    ],
)
def test_a_capitalised_trade_before_officials_names_their_side(body: str, expected) -> None:
    assert at_a_glance(only(body, date="1987-04-08", source="Reuters")) == expected


def test_a_summit_of_a_country_and_the_eu_is_a_meeting_of_two() -> None:
    # statedept-2021-05-26-81d5e5be4d: the Union meets as one side
    summit = only(
        "They welcomed the upcoming EU-U.S. Summit taking place on 15 June as an important "
        "step in the revitalized transatlantic partnership.",
        date="2021-05-26",
    )
    assert (summit.type, summit.status, summit.date) == ("meeting", "planned", "2021-06-15")
    assert (summit.countries, summit.orgs) == (("USA",), ("EU",))
    # An organisation whose members come: a forum.
    asean = only("President Biden attended the U.S.-ASEAN Special Summit.", date="2022-05-14")
    assert asean.type == "multilateral"


def test_a_dialogue_kept_up_is_no_session() -> None:
    # statedept-2021-08-05-69326d1a56: it had taken the place of the headline's meeting
    engagements = found(
        "FOREIGN MINISTER KULEBA: Thank you. It’s my pleasure and honor to be here today and "
        "to see my colleague and friend, Tony Blinken, who has been very open and very "
        "friendly since the very first days of his appointment as Secretary of State. The "
        "United States acted firmly when Russia resorted to escalation along our border just "
        "a couple of months ago. And since then, we have a very dynamic dialogue with the "
        "Biden administration.",
        title="Secretary Antony J. Blinken And Ukrainian Foreign Minister Dmytro Kuleba Before "
        "Their Meeting",
        date="2021-08-05",
    )
    assert [at_a_glance(e) for e in engagements] == [
        ("meeting", "main", "2021-08-05", {"UKR", "USA"})
    ]


def test_a_trip_abroad_goes_where_it_says() -> None:
    # statedept-2022-02-07-107bc21090: "his first trip abroad to Nouakchott" is a planned
    # visit there, and the headline's "Travels to" is the same trip.
    (trip,) = extract(
        "Ambassador Hussain Travels to Mauritania",
        "U.S. Ambassador at Large for International Religious Freedom Rashad Hussain will "
        "embark on his first trip abroad to Nouakchott, Mauritania, February 7-9.",
        date="2022-02-07",
        source=STATE,
    ).engagements
    assert (trip.type, trip.status, trip.date, set(trip.countries)) == (
        "visit",
        "planned",
        "2022-02-07",
        {"USA", "MRT"},
    )
    assert [name for _side, name in trip.participants] == ["Rashad Hussain"]


def test_a_bodys_numbered_commission_is_its_session() -> None:
    # statedept-2022-05-16-5a1ae92e76: "the 31 st UN Commission on Crime Prevention and
    # Criminal Justice" (its yearly session, the ordinal's letters set apart) is a gathering;
    # "the UN Commission on Narcotic Drugs" unnumbered is a body, not an engagement.
    (forum,) = found(
        "A U.S. delegation will participate in the 31 st UN Commission on Crime Prevention "
        "and Criminal Justice in Vienna, Austria, from May 16-20, 2022.",
        date="2022-05-16",
    )
    assert (forum.type, forum.status, forum.date) == ("multilateral", "planned", "2022-05-16")
    assert "USA" in forum.countries and "UN" in forum.orgs
    assert not found(
        "The United States supports the work of the UN Commission on Narcotic Drugs.",
        date="2022-05-16",
    )


REUTERS = "Reuters (Reuters-21578, Distribution 1.0)"


def test_an_acronym_in_brackets_is_part_of_a_gatherings_name() -> None:
    # statedept-2022-02-11-51464a1503: "the 32nd Australia-United States Ministerial
    # (AUSMIN) consultations" are the two countries' consultations, the bracketed acronym
    # no end to the name that gives them their sides.
    (talks,) = found(
        "The Secretary and Foreign Minister Payne look forward to the 32nd "
        "Australia-United States Ministerial (AUSMIN) consultations in Australia this year.",
        date="2022-02-11",
    )
    assert at_a_glance(talks) == ("consultations", "planned", "2022", {"AUS", "USA"})


def test_meetings_in_two_weeks_time_are_ahead_by_that_much() -> None:
    # reuters21578-9673 (dev53): "until the half-yearly International Monetary Fund and World
    # Bank meetings in two weeks time in Washington", in a story of 25 March 1987: planned,
    # in April (a count of weeks gives its month, no day).
    (meetings,) = found(
        "Delegates agreed to shelve discussion of IADB reforms until the half-yearly "
        "International Monetary Fund and World Bank meetings in two weeks time in Washington.",
        date="1987-03-25",
        source=REUTERS,
    )
    assert (meetings.type, meetings.status, meetings.date) == ("multilateral", "planned", "1987-04")
    phrases = date_phrases(
        "an OECD ministerial meeting in two weeks' time", 0, 47, parse_published("1987-04-29")
    )
    assert [p.date for p in phrases] == ["1987-05"]


def test_a_public_schedule_is_of_the_day_its_title_gives() -> None:
    # statedept-2021-07-22-6edbbc9068 (dev54): "Public Schedule – July 23, 2021", published
    # the evening before: its lines are July 23's.
    engagements = found(
        "SECRETARY ANTONY J. BLINKEN\n\n9:30 a.m. Secretary Blinken meets with Iraqi Foreign "
        "Minister Dr. Fuad Hussein, at the Department of State.\n\nACTING ASSISTANT SECRETARY "
        "PHILIP T. REEKER\n\n4:00 p.m. Acting Assistant Secretary Reeker meets with Bulgarian "
        "Ambassador to the United States Tihomir Stoytchev, at the Department of State.",
        title="Public Schedule – July 23, 2021",
        date="2021-07-22",
    )
    assert [at_a_glance(e) for e in engagements] == [
        ("meeting", "planned", "2021-07-23", {"USA", "IRQ"}),
        ("meeting", "planned", "2021-07-23", {"USA", "BGR"}),
    ]
    # (a title without a day, or one far from the publication, leaves the publication's)
    (line,) = found(
        "9:30 a.m. Secretary Blinken meets with Iraqi Foreign Minister Fuad Hussein.",
        title="Public Schedule – July 2, 2021",
        date="2021-07-22",
    )
    assert line.date == "2021-07-22"


def test_a_cabinet_secretary_met_is_no_cabinet_meeting() -> None:
    # statedept-2021-07-16-4a4ba5f520 (dev54): Kenya's foreign minister holds the title
    # "Cabinet Secretary"; "today's Cabinet meeting" stays a government's own.
    (meeting,) = found(
        "Secretary Blinken met with Kenyan Cabinet Secretary for Foreign Affairs Raychelle "
        "Omamo today at the Department of State.",
        date="2021-07-16",
    )
    assert at_a_glance(meeting) == ("meeting", "main", "2021-07-16", {"USA", "KEN"})
    assert not found("President Ruto chaired a meeting with his cabinet today.", date="2021-07-16")


def test_those_who_spoke_take_part_in_the_meeting_to_come_they_discussed() -> None:
    # statedept-2022-04-01-316dcab625 (dev54): "The two discussed the upcoming NATO Foreign
    # Ministerial meeting" after a call of Blinken and Truss: theirs, not Putin's (named
    # later in the sentence); of a forum whose members are known, its members only.
    engagements = found(
        "Secretary of State Antony J. Blinken spoke today with UK Foreign Secretary "
        "Elizabeth Truss. The two discussed the upcoming NATO Foreign Ministerial meeting and "
        "developing additional possible actions to ratchet up our response to Putin’s "
        "continued assault on the Ukrainian people.",
        date="2022-04-01",
    )
    assert [at_a_glance(e) for e in engagements] == [
        ("call", "main", "2022-04-01", {"USA", "GBR"}),
        ("multilateral", "planned", None, {"USA", "GBR"}),
    ]
    assert engagements[1].orgs == ("NATO",)
    ahead = found(
        "Secretary Blinken spoke today with Ukrainian Foreign Minister Dmytro Kuleba. They "
        "discussed the upcoming G7 Foreign Ministers’ Meeting.",
        date="2022-07-06",
    )[-1]
    assert "USA" in ahead.countries and "UKR" not in ahead.countries


def test_a_date_that_owns_the_meeting_is_its_date() -> None:
    # reuters21578-13958: "This week's Group of Seven (G-7) meeting in Washington provides an
    # opportunity to verify an accord reached at the Tokyo summit last May": this week's,
    # not last May's (the G7 finance ministers' of 8 April 1987, a known meeting).
    meeting = found(
        "ROME, April 7 - This week's Group of Seven (G-7) meeting in Washington provides an "
        "opportunity to verify an accord reached at the Tokyo summit last May, the Italian "
        "Treasury said.",
        date="1987-04-07",
        source=REUTERS,
    )[0]
    assert (meeting.type, meeting.date, meeting.place) == (
        "multilateral",
        "1987-04-08",
        "Washington",
    )


def test_an_organisations_annual_meeting_named_with_its_acronym() -> None:
    # reuters21578-9649: "the InterAmerican Development Bank (IADB) annual meeting" is the
    # bank's own meeting, its members' (multilateral), the acronym between.
    (meeting,) = found(
        "MIAMI, March 25 - Peru will have growth of six pct this year, its finance minister "
        "said. He told the InterAmerican Development Bank (IADB) annual meeting here that Peru "
        "will pay its debts.",
        date="1987-03-25",
        source=REUTERS,
    )
    assert (meeting.type, meeting.status) == ("multilateral", "main")


def test_who_tells_a_named_gathering_speaks_at_it() -> None:
    # reuters21578-8135: "He told an informal General Agreement on Tariffs and Trade (GATT)
    # meeting" after the lead naming Nigeria's trade minister: he takes part. An audience
    # is no gathering of governments ("told a debt conference").
    (meeting,) = found(
        "TAUPO, New Zealand, March 23 - Debt among African countries will continue to grow, "
        "Nigerian Trade Minister Samaila Mamman said.\n\nHe told an informal General Agreement "
        "on Tariffs and Trade (GATT) meeting the widening gap was a problem.",
        date="1987-03-23",
        source=REUTERS,
    )
    assert (meeting.type, "NGA" in meeting.countries) == ("multilateral", True)
    assert ("NGA", "Samaila Mamman") in meeting.participants
    assert not found(
        "NEW YORK, March 12 - Talks are near an agreement, U.S. Treasury Assistant Secretary "
        "David Mulford told a debt conference organized by the Euromoney magazine.",
        date="1987-03-12",
        source=REUTERS,
    )


def test_met_ahead_of_a_dinner_named_at_length() -> None:
    # statedept-2022-05-15-80b3239eb3: "met with ... Le Drian today in Paris-Saclay, France,
    # ahead of the U.S.-EU Trade and Technology Council ministerial dinner": the dinner is
    # still to come.
    engagements = found(
        "Secretary of State Antony J. Blinken met with French Foreign Minister Jean-Yves Le "
        "Drian today in Paris-Saclay, France, ahead of the U.S.-EU Trade and Technology Council "
        "ministerial dinner.",
        date="2022-05-15",
    )
    assert [(e.type, e.status) for e in engagements] == [
        ("meeting", "main"),
        ("multilateral", "planned"),
    ]


def test_a_body_named_alone_as_the_subject_of_meet_is_the_organisations() -> None:
    # reuters21578-17478: "The 13-member cartel is scheduled to meet on June 25 in Vienna"
    # after OPEC is named; reuters21578-12152: "the executive board will meet May 12" after
    # the International Coffee Organization's.
    body = (
        "TOKYO, June 1 - OPEC output already appeared to be very near its ceiling, an "
        "official said.\n\nThe 13-member cartel is scheduled to meet on June 25 in Vienna to "
        "review its December accord on prices and output."
    )
    (meeting,) = found(body, date="1987-06-01", source=REUTERS)
    assert (meeting.type, meeting.status, meeting.date, meeting.orgs) == (
        "multilateral",
        "planned",
        "1987-06-25",
        ("OPEC",),
    )
    body = (
        "LONDON, April 1 - The International Coffee Organization will not reopen the debate on "
        "quotas, delegates said.\n\nMeantime, the executive board will meet May 12 to discuss "
        "the consultancy report."
    )
    (meeting,) = found(body, date="1987-04-01", source=REUTERS)
    assert (meeting.status, meeting.date, meeting.orgs) == ("planned", "1987-05-12", ("ICO",))
    # (a company's board is no organisation's body)
    assert not found(
        "NEW YORK, April 1 - Texaco Inc said the board will meet May 12 to consider the offer.",
        date="1987-04-01",
        source=REUTERS,
    )


def test_her_visit_is_the_subjects_not_of_those_met_before_it() -> None:
    # reuters21578-8679 (dev53): "Thatcher left Bonn early yesterday evening after talks
    # with Chancellor Helmut Kohl ahead of her visit to Moscow next week": a visit to Bonn
    # (done) and one to Moscow (to come), both Thatcher's; Kohl goes nowhere.
    body = (
        "BONN, March 24 - A bomb exploded hours after British Prime Minister Margaret "
        "Thatcher left the West German capital.\n\nThatcher left Bonn early yesterday evening "
        "after talks with Chancellor Helmut Kohl ahead of her visit to Moscow next week."
    )
    engagements = found(body, date="1987-03-24", source=REUTERS)
    assert [at_a_glance(e) for e in engagements] == [
        ("visit", "main", "1987-03-23", {"GBR", "BRD"}),
        ("visit", "planned", "1987-03-30", {"GBR", "SUN"}),
    ]
    assert [name for _side, name in engagements[1].participants] == ["Margaret Thatcher"]


def test_a_contracted_will_announces_the_engagement() -> None:
    # statedept-2022-03-27-2cc77e794b: "In Jerusalem I’ll also have the chance to meet with
    # Prime Minister Bennett": to come, as "I will" is.
    (meeting,) = found(
        "In Jerusalem I’ll also have the chance to meet with Israeli Prime Minister Naftali "
        "Bennett.",
        date="2022-03-26",
    )
    assert (meeting.type, meeting.status) == ("meeting", "planned")


def test_a_long_transcript_keeps_an_organisations_meeting_to_come() -> None:
    # statedept-2022-03-07-cf9323d4d9: "Spain will host the NATO Summit in June" in a long
    # joint press availability is what a reader looks ahead to; a journalist's question
    # about a summit is not news of it.
    filler = " ".join(f"We discussed point number {i} at some length." for i in range(45))
    body = (
        "Secretary Antony J. Blinken and Spanish Foreign Minister José Manuel Albares\n\n"
        f"FOREIGN MINISTER ALBARES: Hello, everybody. {filler} And, of course, Spain will host "
        "the NATO Summit in June, a critical gathering at a critical moment.\n\n"
        "QUESTION: My question is about the Summit of the Americas in June."
    )
    engagements = found(body, date="2022-03-07")
    assert [(e.type, e.status, e.date, e.orgs) for e in engagements] == [
        ("multilateral", "planned", "2022-06", ("NATO",))
    ]


def test_the_group_of_ten_meets_as_its_members() -> None:
    # reuters21578-7950 (dev54): "Deputy Finance Ministers from the Group of 10 leading
    # western industrialised countries met here": the G10's eleven members (Switzerland
    # joined in 1984), as the G7's meetings are its seven's.
    (meeting,) = found(
        "PARIS, March 20 - Deputy Finance Ministers from the Group of 10 leading western "
        "industrialised countries met here to discuss the world debt crisis today, sources "
        "close to the talks said.",
        date="1987-03-20",
        source=REUTERS,
    )
    assert (meeting.type, meeting.status, meeting.date, meeting.orgs) == (
        "multilateral",
        "main",
        "1987-03-20",
        ("G10",),
    )
    assert {"BEL", "CHE", "NLD", "SWE", "USA", "JPN"} <= set(meeting.countries)


def test_two_organisations_joint_annual_meeting_is_both_theirs() -> None:
    # reuters21578-15750 (dev54): "at the International Monetary Fund and World Bank annual
    # meeting": the IMF's too, not a place named "International Monetary Fund".
    (meeting,) = found(
        "WASHINGTON, April 9 - Speaking to reporters at the International Monetary Fund and "
        "World Bank annual meeting, World Bank President Barber Conable said he was "
        "optimistic.",
        date="1987-04-09",
        source=REUTERS,
    )
    assert meeting.type == "multilateral" and set(meeting.orgs) == {"IMF", "World Bank"}


def test_a_visit_here_is_to_the_datelines_place() -> None:
    # reuters21578-17896: "Fernandez said an IMF mission would visit here in July or August"
    # in a story from Manila.
    (visit,) = found(
        "MANILA, June 2 - Growth was good, Central Bank governor Jose Fernandez said. "
        "Fernandez said an IMF mission would visit here in July or August to review "
        "performance.",
        date="1987-06-02",
        source=REUTERS,
    )
    assert (visit.type, visit.status, visit.date, visit.place) == (
        "visit",
        "planned",
        "1987-07",
        "Manila",
    )
    assert "PHL" in visit.countries and visit.orgs == ("IMF",)


def test_when_he_visits_is_the_trip_of_the_subject_named_before() -> None:
    # reuters21578-16787 (dev54): "Shintaro Abe will explain the plan to U.S. Officials when
    # he visits the U.S.": Abe's trip.
    (visit,) = found(
        "TOKYO, April 17 - Japan has drawn up a plan. LDP executive council chairman Shintaro "
        "Abe will explain the plan to U.S. officials when he visits the United States next "
        "week.",
        date="1987-04-17",
        source=REUTERS,
    )
    assert at_a_glance(visit) == ("visit", "planned", "1987-04-20", {"JPN", "USA"})
    assert ("JPN", "Shintaro Abe") in visit.participants


def test_the_group_of_seven_by_description_when_it_meets() -> None:
    # reuters21578-5176, -5290: "Leading industrial nations will meet again next month";
    # reuters21578-14987 (dev54): "today's meetings of major industrial countries". The
    # words elsewhere are any rich countries ("Japan's trade surplus with major industrial
    # nations").
    (meeting,) = found(
        "WASHINGTON, March 16 - Leading industrial nations will meet again next month to "
        "review their accord on currency stability, U.S. officials said.",
        date="1987-03-16",
        source=REUTERS,
    )
    assert (meeting.type, meeting.status, meeting.date, meeting.orgs) == (
        "multilateral",
        "planned",
        "1987-04",
        ("G7",),
    )
    assert len(meeting.countries) == 7
    (meeting, _accord) = found(
        "WASHINGTON, April 8 - Stoltenberg said today's meetings of major industrial countries "
        "would look at ways of strengthening the Paris accord.",
        date="1987-04-08",
        source=REUTERS,
    )  # (and the Paris accord's meeting of February, history)
    assert (meeting.status, meeting.date, meeting.orgs) == ("main", "1987-04-08", ("G7",))
    assert not found(
        "TOKYO, April 1 - Japan's trade surplus with major industrial nations grew in March, "
        "and talk of meetings of the major industrial countries lifted the yen.",
        date="1987-04-01",
        source=REUTERS,
    )


def test_a_later_stop_takes_the_days_its_paragraph_opens_with_and_no_on() -> None:
    # statedept-2022-07-15-6d8cabf100: "In Poland, July 20-23," (no "on")
    trips = found(
        "Assistant Secretary of State for Political-Military Affairs Jessica Lewis travels to "
        "the United Kingdom, Germany, and Poland July 16-22, 2022, to meet with U.S. Allies.\n\n"
        "In Poland, July 20-23, Assistant Secretary Lewis will hold consultations with senior "
        "civilian and military officials.",
        date="2022-07-15",
    )
    (poland,) = [e for e in trips if e.place == "Poland"]
    assert (poland.status, poland.date) == ("planned", "2022-07-20")


def test_a_trip_left_from_one_capital_goes_to_the_one_after_for() -> None:
    # reuters21578-10525: Paris is where he was, London where he goes
    trips = found(
        "PARIS, March 27 - Nigerian Finance Minister Chu Okongwu said the talks went well.\n\n"
        "Okongwu left Paris today for London and is due back in Nigeria on Monday.",
        date="1987-03-27",
        source="Reuters",
    )
    visits = [(e.place, set(e.countries)) for e in trips if e.type == "visit"]
    assert visits == [("London", {"NGA", "GBR"})]


def test_a_trip_named_in_the_purpose_of_plans_is_ahead() -> None:
    # reuters21578-175 (published on a Thursday): Friday is the next one
    (trip,) = found(
        "Despite the rising tempers, bankers said there are no plans for Brazilian finance "
        "minister Dilson Funaro to meet commercial bankers during his trip to Washington on "
        "Friday and Saturday.",
        date="1987-02-26",
        source="Reuters",
    )
    assert (trip.type, trip.status, trip.date) == ("visit", "planned", "1987-02-27")


def test_the_tin_producers_association_meets_as_an_organisation() -> None:
    # reuters21578-19367
    (meeting,) = found(
        "The tin research proposal would be presented at an ATPC meeting to be held in Kuala "
        "Lumpur in September.",
        date="1987-06-19",
        source="Reuters",
    )
    assert (meeting.type, meeting.status, meeting.date, meeting.orgs) == (
        "multilateral",
        "planned",
        "1987-09",
        ("ATPC",),
    )


def test_a_wire_visit_to_the_us_on_a_capitalised_date_is_dated_and_placed() -> None:
    # reuters21578-16787: "the U.S. On April 19", capitalised by the wire
    (trip,) = found(
        "TOKYO, April 17 - LDP executive council chairman Shintaro Abe will explain the plan "
        "to U.S. Officials when he visits the U.S. On April 19.",
        date="1987-04-17",
        source="Reuters",
    )
    assert (trip.type, trip.status, trip.date, trip.place) == (
        "visit",
        "planned",
        "1987-04-19",
        "U.S.",
    )


def test_the_visitors_named_after_the_trip_are_its_travellers() -> None:
    # reuters21578-12143, reuters21578-8239
    told = found(
        "WASHINGTON, April 1 - A visit here next week by Japanese trade officials will likely "
        "do nothing to change U.S. minds. The rescheduling is held up despite a recent trip "
        "to Japan by senior Nigerian officials.",
        date="1987-04-01",
        source="Reuters",
    )
    assert sorted(at_a_glance(e) for e in told) == [
        ("visit", "background", None, {"NGA", "JPN"}),
        ("visit", "planned", "1987-04-06", {"JPN", "USA"}),
    ]


def test_the_week_after_next_week_is_the_week_after_next() -> None:
    # reuters21578-10623 (a Saturday's story): the request next week, the talks after it
    told = found(
        "TOKYO, March 28 - Government officials said Japan would make a formal request next "
        "week for emergency talks with the United States and that the two sides would "
        "probably meet the week after, just days before the April 17 deadline.",
        date="1987-03-28",
        source="Reuters",
    )
    assert [(e.status, e.date) for e in told] == [("planned", "1987-04-06")]
    # "the week after" an event it names is no date of its own
    assert date_phrases("the week after the election.", 0, 28, parse_published("1987-03-28")) == []


@pytest.mark.parametrize(
    ("body", "date", "source", "expected"),
    [
        # statedept-2022-06-15-373e0ea653
        (
            "Secretary Blinken previewed U.S. objectives for the upcoming G7 and NATO Summits.",
            "2022-06-15",
            STATE,
            [("G7",), ("NATO",)],
        ),
        # reuters21578-14710
        (
            "NEW YORK, April 7 - The dollar ended lower ahead of tomorrow's crucial Group of "
            "Five and Group of Seven meetings.",
            "1987-04-07",
            "Reuters",
            [("G5",), ("G7",)],
        ),
        # reuters21578-13254: the two institutions' joint meetings stay one
        (
            "WASHINGTON, April 2 - Argentine Economy Minister Juan Sourrouille will also "
            "attend International Monetary Fund and World Bank meetings next week.",
            "1987-04-02",
            "Reuters",
            [("IMF", "World Bank")],
        ),
    ],
)
def test_two_organisations_before_a_plural_meeting_noun_meet_apart(
    body: str, date: str, source: str, expected: list[tuple[str, ...]]
) -> None:
    told = [e for e in found(body, date=date, source=source) if e.type == "multilateral"]
    assert sorted(e.orgs for e in told) == expected


def test_leaders_of_the_seven_meet_as_the_group_of_seven() -> None:
    # reuters21578-17368
    (summit,) = found(
        "BONN, April 28 - Bonn could find itself under pressure to speed up tax cuts when "
        "leaders of the seven meet in Venice this June.",
        date="1987-04-28",
        source="Reuters",
    )
    assert (summit.type, summit.status, summit.date, summit.orgs) == (
        "multilateral",
        "planned",
        "1987-06",
        ("G7",),
    )


def test_a_second_meeting_of_another_organisation_is_its_own() -> None:
    # reuters21578-17307: the OECD as the wire misnames it, then the G-7's summit
    told = found(
        "TOKYO, April 27 - She said that next month's meeting of the Organisation of Economic "
        "Cooperation and Development and the meeting of leaders of the G-7 nations in Venice "
        "in the summer would be a forum to show this will existed.",
        date="1987-04-27",
        source="Reuters",
    )
    assert sorted(e.orgs for e in told) == [("G7",), ("OECD",)]


@pytest.mark.parametrize(
    ("body", "date"),
    [
        # reuters21578-16787
        (
            "TOKYO, April 17 - Abe's visit is to prepare for Prime Minister Yasuhiro "
            "Nakasone's talks with President Ronald Reagan later this month.",
            "1987-04-17",
        ),
        # reuters21578-17325
        (
            "NEW YORK, April 27 - It would fuel the protectionist fires in Washington, whatever "
            "compromises President Reagan and Prime Minister Nakasone can come up with during "
            "their summit later in the week.",
            "1987-04-27",
        ),
    ],
)
def test_talks_prepared_for_or_held_later_in_the_week_are_ahead(body: str, date: str) -> None:
    talks = [e for e in found(body, date=date, source="Reuters") if "USA" in e.countries]
    assert [(e.status, e.date, set(e.countries)) for e in talks] == [
        ("planned", "1987-04", {"JPN", "USA"})
    ]


def test_a_meeting_held_in_conjunction_with_a_dialogue_is_its_own() -> None:
    # statedept-2022-03-30-8787719fa6: the dialogue's delegations, then a meeting beside it
    items = found(
        "The Governments of the Czech Republic and the United States renewed the U.S.-Czech "
        "Republic Strategic Dialogue in Prague on March 30, 2022, with delegations led by Czech "
        "Deputy Foreign Minister Martin Povejsil and U.S. Assistant Secretary of State for "
        "European and Eurasian Affairs Karen Donfried. In conjunction with the Strategic "
        "Dialogue, Assistant Secretary Donfried also met with Foreign Minister Jan Lipavsky.",
        date="2022-03-30",
    )
    assert [(e.type, e.date, set(e.participants)) for e in items] == [
        ("consultations", "2022-03-30", {("CZE", "Martin Povejsil"), ("USA", "Karen Donfried")}),
        ("meeting", "2022-03-30", {("CZE", "Jan Lipavsky"), ("USA", "Karen Donfried")}),
    ]


def test_an_organisations_named_head_met_on_a_trip_is_met_apart() -> None:
    # statedept-2022-05-08-7aadd1fd4d: the WHO's and IOM's heads in Geneva are not Swiss hosts
    items = found(
        "Assistant Secretary of State for International Organization Affairs Michele J. Sison "
        "will travel to Switzerland May 9-11 for consultations on U.S. priorities in the United "
        "Nations. She will meet with International Organization for Migration Director General "
        "António Vitorino to discuss migration issues worldwide. Following meetings in Geneva, "
        "Assistant Secretary Sison will meet with Swiss officials in Bern.",
        date="2022-05-08",
    )
    assert [(e.type, e.status, e.countries, e.orgs) for e in items] == [
        ("visit", "planned", ("USA", "CHE"), ()),
        ("meeting", "planned", ("USA",), ("IOM",)),
    ]


def test_an_organisations_officials_at_a_stop_stay_the_visits_hosts() -> None:
    # statedept-2022-03-01-aab84f8ebe: unnamed officials of the organisation met there
    items = found(
        "Assistant Secretary Sison will travel to Montreal, Canada, March 2-3. While in "
        "Montreal, Assistant Secretary Sison will meet with senior officials from the "
        "International Civil Aviation Organization (ICAO).",
        date="2022-03-01",
    )
    assert [(e.type, e.orgs) for e in items] == [("visit", ("ICAO",))]


@pytest.mark.parametrize(
    ("body", "participants"),
    [
        # reuters21578-20795: who met them is Baker, not Reagan who told of it; "financial
        # officials" of West Germany are its officials
        (
            "WASHINGTON, Oct 20 - Reagan noted that Treasury Secretary James Baker met with "
            "West German financial officials and reaffirmed their commitment to the Louvre "
            "agreement.",
            {("USA", "James Baker")},
        ),
        # reuters21578-15818: "they" are the speaker and the one he names
        (
            "WASHINGTON, April 9 - Brazilian Finance Minister Dilson Funaro said talks were under "
            "way and added West German Finance Minister Gerhard Stoltenberg had accepted the "
            "proposals at a meeting they had last night.",
            {("BRA", "Dilson Funaro"), ("BRD", "Gerhard Stoltenberg")},
        ),
        # reuters21578-20795: the one told on the phone is the other party
        (
            "WASHINGTON, Oct 20 - Reagan said Japanese Prime Minister-designate Noboru Takeshita "
            "said in a telephone conversation Tuesday morning that relations were stable.",
            {("USA", "Reagan"), ("JPN", "Noboru Takeshita")},
        ),
    ],
)
def test_who_reports_an_engagement_does_not_take_part(body: str, participants: set) -> None:
    (item,) = [e for e in found(body, date="1987-10-20", source="Reuters") if not e.orgs]
    assert set(item.participants) == participants


def test_an_official_currently_in_a_foreign_capital_is_visiting() -> None:
    # reuters21578-21006: there as the story is told
    (trip,) = found(
        "DAMASCUS, Oct 19 - Iranian Prime Minister Mir-Hossein Mousavi is currently in "
        "Damascus, and diplomats said he would seek Syrian help.",
        date="1987-10-19",
        source="Reuters",
    )
    assert (at_a_glance(trip), trip.place) == (
        ("visit", "main", "1987-10-19", {"IRN", "SYR"}),
        "Damascus",
    )


def test_people_currently_in_a_country_are_not_visiting() -> None:
    assert not found("More than 91,000 displaced people from Burma are currently in Thailand.")
    assert not found("If you are currently in Ukraine or plan to travel there, leave now.")


def test_a_wires_misspelt_visit_is_a_visit() -> None:
    # reuters21578-3452: "visted", the wire's typo
    trips = found(
        "ABU DHABI, March 11 - Iranian Oil Minister Gholamreza Aqazadeh is in the United Arab "
        "Emirates (UAE) to discuss oil prices.\n\n"
        "Aqazadeh also visted OPEC members Gabon, Algeria and Libya.",
        date="1987-03-11",
        source="Reuters",
    )
    assert {e.place for e in trips if "IRN" in e.countries} >= {"Gabon", "Algeria", "Libya"}


def test_a_tour_of_a_country_goes_there() -> None:
    # reuters21578-13692
    (trip,) = found(
        "BUENOS AIRES - Pope John Paul, starting a one-week tour of Argentina, told politicians "
        "they should always defend human rights.",
        date="1987-04-07",
        source="Reuters",
    )
    assert (trip.type, trip.place, set(trip.countries)) == ("visit", "Argentina", {"VAT", "ARG"})
    assert not found("The minister's tour of duty ended in Kabul.", source="Reuters")


@pytest.mark.parametrize(
    ("body", "date", "expected"),
    [
        # reuters21578-11222
        (
            "MOSCOW, March 31 - British Prime Minister Margaret Thatcher said she and Soviet "
            "Premier Nikolai Ryzhkov had set targets for increased trade between the two "
            "countries during talks earlier today.",
            "1987-03-31",
            ("consultations", "main", "1987-03-31", {"GBR", "SUN"}),
        ),
        # reuters21578-9247
        (
            "LONDON, March 25 - A Labour Party member said Prime Minister Margaret Thatcher "
            "approved the sale during talks last year with U.S. Officials.",
            "1987-03-25",
            ("consultations", "background", "1986", {"GBR", "USA"}),
        ),
    ],
)
def test_talks_during_which_something_was_done_were_held(body: str, date: str, expected) -> None:
    (talks,) = found(body, date=date, source="Reuters")
    assert at_a_glance(talks) == expected


def test_the_stops_a_tour_has_taken_someone_to() -> None:
    # reuters21578-21370: the stops before the last, Morocco (no side of theirs)
    trips = found(
        "RABAT, Oct 19 - U.S. Energy Secretary John Herrington arrived here today.\n\n"
        "Morocco is the last stop of a tour that has taken Herrington to Iraq, Kuwait and "
        "Egypt.",
        date="1987-10-19",
        source="Reuters",
    )
    earlier = [(e.place, set(e.countries)) for e in trips if e.status == "background"]
    assert earlier == [
        ("Iraq", {"USA", "IRQ"}),
        ("Kuwait", {"USA", "KWT"}),
        ("Egypt", {"USA", "EGY"}),
    ]


@pytest.mark.parametrize(
    ("body", "place", "countries"),
    [
        # statedept-2022-06-24-3a52731810
        ("SECRETARY BLINKEN: It's wonderful to be back in Berlin.", "Berlin", {"USA", "DEU"}),
        # statedept-2022-03-30-51e3a5d400: the stay is now, whatever year it recalls
        (
            "SECRETARY BLINKEN: It is wonderful to be back in Algeria after last being here in "
            "2016.",
            "Algeria",
            {"USA", "DZA"},
        ),
    ],
)
def test_a_speaker_glad_to_be_in_a_place_is_visiting_it(body: str, place: str, countries) -> None:
    (trip,) = found(
        body, title="Secretary Antony J. Blinken Remarks to the Press", date="2022-06-24"
    )
    assert (at_a_glance(trip), trip.place) == (("visit", "main", "2022-06-24", countries), place)


def test_a_guest_glad_to_be_in_washington_makes_no_visit_of_the_remarks() -> None:
    # statedept-2022-07-19-c7ae8375ae: the remarks before their meeting are the meeting's
    assert not found(
        "PRIME MINISTER GAVRILITA: It's great to be in Washington and to discuss our agenda.",
        title="Remarks to the Press",
        date="2022-07-19",
    )


def test_a_trip_the_speaker_just_returned_from() -> None:
    # statedept-2022-04-26-7379f14713: done, this month
    (trip,) = found(
        "SECRETARY BLINKEN: Thank you, Mr. Chairman. I just returned from Kyiv with Defense "
        "Secretary Lloyd Austin.",
        title="Secretary Antony J. Blinken at a Senate Hearing",
        date="2022-04-26",
    )
    assert (at_a_glance(trip), trip.place) == (
        ("visit", "background", "2022-04", {"USA", "UKR"}),
        "Kyiv",
    )
    assert not found("The delegation returned from Geneva without a deal, officials said.")


def test_a_meeting_with_an_organisations_own_official_is_two_sided() -> None:
    # statedept-2022-05-25-eeb31595d4: the OIC's Secretary General at the State Department
    (meeting,) = found(
        "Washington, D.C.\n\nSECRETARY BLINKEN: It's a real pleasure to see the Secretary "
        "General of the Organization of Islamic Cooperation here at the State Department.",
        title="Secretary Antony J. Blinken And Organization of Islamic Cooperation Secretary "
        "General Hissein Brahim Taha Before Their Meeting",
        date="2022-05-25",
    )
    assert (meeting.type, set(meeting.countries), meeting.orgs) == ("meeting", {"USA"}, ("OIC",))


def test_a_meeting_held_at_an_organisations_forum_stays_the_forums() -> None:
    # statedept-2021-06-24-e3b82f104b
    items = found(
        "Senior Bureau Official Kin Moy met on June 24 with Deputy Secretary General of ASEAN "
        "Michael Tene during the East Asia Summit (EAS) Senior Officials' Meeting.",
        date="2021-06-24",
    )
    assert [e.type for e in items] == ["multilateral"]


def test_a_long_joint_statement_keeps_the_meeting_its_signatories_tell_as_theirs() -> None:
    # statedept-2022-02-11-364a235904: forty sentences on, no passing mention; the forum's
    # name beside "met" is the same meeting
    body = (
        "We, the Foreign Ministers of Australia, India and Japan and the Secretary of State of "
        "the United States met in Melbourne, Australia on 11 February 2022, for the fourth "
        "Quad Foreign Ministers’ Meeting. "
        + " ".join(f"We are focused on the region’s challenge number {n}." for n in range(45))
    )
    (meeting,) = found(body, title="Joint Statement on Quad Cooperation", date="2022-02-11")
    assert at_a_glance(meeting) == (
        "multilateral", "main", "2022-02-11", {"USA", "AUS", "IND", "JPN"}
    )  # fmt: skip


def test_a_day_written_before_the_calls_noun_dates_it() -> None:
    # statedept-2022-03-14-39d8039408: not the day of the launches the call discussed
    (call,) = found(
        "In a March 14 trilateral call, U.S. Special Representative for the DPRK Sung Kim, "
        "Japanese Ministry of Foreign Affairs Director General for Asian and Oceanian Affairs "
        "Bureau Funakoshi Takehiro, and ROK Special Representative for Korean Peninsula Peace "
        "and Security Affairs Noh Kyu-duk discussed the DPRK’s February 26 and March 4 ballistic missile launches.",
        date="2022-03-14",
    )
    assert at_a_glance(call) == ("multilateral", "main", "2022-03-14", {"USA", "JPN", "KOR"})


def test_also_meeting_one_of_a_trilaterals_ministers_is_a_meeting_besides_it() -> None:
    # statedept-2022-02-04-205b17eedf
    items = found(
        "In Honolulu, Hawaii on February 12, Secretary Blinken will host Japanese Foreign "
        "Minister Hayashi and Republic of Korea Foreign Minister Chung Eui-yong for a "
        "U.S.-Japan-Republic of Korea Trilateral Ministerial Meeting. Secretary Blinken also "
        "will meet with Foreign Minister Chung and, separately, with USINDOPACOM Commander "
        "Admiral John Aquilino.",
        date="2022-02-04",
    )
    assert sorted(at_a_glance(e) for e in items) == [
        ("meeting", "planned", "2022-02-12", {"USA", "KOR"}),
        ("multilateral", "planned", "2022-02-12", {"USA", "JPN", "KOR"}),
    ]


@pytest.mark.parametrize(
    ("body", "org"),
    [
        # statedept-2021-07-26-eb29144db6
        (
            "Acting Principal Deputy Assistant Secretary of State for Educational and Cultural "
            "Affairs Aleisha Woodward will travel to Rome, Italy, from July 28-30, 2021, to lead "
            "the U.S. delegation to the G20 Culture Ministerial.",
            "G20",
        ),
        # statedept-2022-05-20-f221b9dc5b
        (
            "Special Presidential Envoy for Climate John Kerry will travel to Berlin May 25–27 "
            "for the G7 Climate, Energy, and Environment Ministerial meeting.",
            "G7",
        ),
    ],
)
def test_a_forum_whose_name_begins_the_gatherings_takes_part_in_it(body: str, org: str) -> None:
    (ministerial,) = [e for e in found(body, date="2021-07-26") if e.type == "multilateral"]
    assert (ministerial.status, ministerial.orgs) == ("planned", (org,))


def test_hosting_the_next_one_of_a_reported_group_is_its_next_meeting() -> None:
    # statedept-2022-07-22-11334e792c; not "Panama has been chosen to host the next World
    # Youth Day", which the text names for the first time (ungdc-PAN-71-2016)
    items = found(
        "The U.S.-India Counternarcotics Working Group (CNWG) met in New Delhi on July 7. "
        "The United States will host the next CNWG in 2023.",
        title="Joint Statement on the U.S.-India Counternarcotics Working Group",
        date="2022-07-22",
    )
    assert ("meeting", "planned", "2023", {"USA", "IND"}) in [at_a_glance(e) for e in items]
    assert not [
        e
        for e in found("Panama has been chosen to host the next World Youth Day in 2019.")
        if e.status == "planned"
    ]


def test_an_organisations_meeting_of_a_year_named_after_it() -> None:
    # reuters21578-17373; not "The 2024 Summit of the Future", a name of its own
    items = found(
        "OSAKA, Japan, April 29 - Fujioka announced that the ADB's 1989 meeting would be held "
        "in Peking. The 1988 meeting will be held in Manila.",
        source="Reuters",
        date="1987-04-29",
    )
    assert ("multilateral", "planned", "1988", "Manila") in [
        (e.type, e.status, e.date, e.place) for e in items
    ]
    assert all(e.orgs == ("Asian Development Bank",) for e in items)


def test_someones_travel_this_week_is_ahead() -> None:
    # statedept-2022-06-06-d000e120a4 (a Monday's release)
    items = found(
        "Along with Deputy Secretary Sherman’s travel this week to the Philippines, Vietnam, "
        "and Laos, the visit highlights the deep U.S. commitment to ASEAN.",
        date="2022-06-06",
    )
    assert {(e.type, e.status, e.countries[-1]) for e in items} == {
        ("visit", "planned", "PHL"), ("visit", "planned", "VNM"), ("visit", "planned", "LAO")
    }  # fmt: skip


def test_a_speaker_glad_to_have_visited_made_the_trip() -> None:
    # statedept-2022-02-25-f667a03e35
    items = found(
        "SECRETARY BLINKEN: It was a pleasure to visit you in Kuwait last July and to host "
        "you in Washington, D.C. last month for the fifth round of our U.S.-Kuwait Strategic "
        "Dialogue.",
        title="Secretary Blinken With Kuwaiti Foreign Minister Before Their Meeting",
        date="2022-02-25",
    )
    assert ("visit", "background", "2021-07", {"USA", "KWT"}) in [at_a_glance(e) for e in items]


def test_welcomed_today_in_the_hosts_city_is_a_visit() -> None:
    # statedept-2022-03-08-b84b172044
    (visit,) = found(
        "Tallinn, Estonia\n\nMinistry of Foreign Affairs\n\nFOREIGN MINISTER LIIMETS: Dear "
        "Secretary Blinken, dear Tony, it’s really an honor for me to welcome you today in "
        "Tallinn.",
        title="Secretary Antony J. Blinken And Estonian Foreign Minister Eva-Marie Liimets "
        "After Their Meeting",
        date="2022-03-08",
    )
    assert (at_a_glance(visit), visit.place) == (
        ("visit", "main", "2022-03-08", {"USA", "EST"}), "Tallinn"
    )  # fmt: skip


def test_a_signing_takes_the_day_a_later_sentence_says_it_was_signed() -> None:
    # reuters21578-18529
    (signing,) = found(
        "BELGRADE, June 18 - Yugoslavia has signed up for a 550 mln ECU loan from the European "
        "Community (EC), the official Tanjug news agency said.\n\nIt said the agreement, which "
        "has yet to be ratified by the 12 EC countries and the European Parliament, was signed "
        "last night in Brussels.",
        source="Reuters",
        date="1987-06-18",
    )
    assert (signing.type, signing.status, signing.date) == ("signing", "main", "1987-06-17")


@pytest.mark.parametrize(
    ("title", "body", "source", "countries"),
    [
        # statedept-2022-02-28-1d97bc2b17: a session of a UN body, the government's own text
        (
            "49th Session of the UN Human Rights Council",
            "Today the United States joins the UN Human Rights Council at the Council’s 49th "
            "regular session.",
            STATE,
            {"USA"},
        ),
        # The same words from a news agency say nothing of who attends.
        (
            "49th Session of the UN Human Rights Council",
            "GENEVA, Feb 28 - Diplomats gathered for the Council’s 49th regular session.",
            "Reuters",
            set(),
        ),
    ],
)
def test_a_un_gathering_in_a_governments_own_text_has_its_delegation(
    title: str, body: str, source: str, countries: set
) -> None:
    (session,) = [
        e
        for e in found(body, title=title, source=source, date="2022-02-28")
        if e.type == "multilateral" and "UN" in e.orgs
    ]
    assert set(session.countries) == countries


def test_an_organisations_summit_in_a_members_own_text_has_its_delegation() -> None:
    # statedept-2022-06-24-3a52731810
    (summit,) = [
        e
        for e in found(
            "The conference today is one of them, and also the NATO summit in Madrid next week.",
            date="2022-06-24",
        )
        if "NATO" in e.orgs
    ]
    assert (summit.status, set(summit.countries)) == ("planned", {"ESP", "USA"})


@pytest.mark.parametrize(
    ("sentence", "kept"),
    [
        # statedept-2022-03-17-b265100bff: a meeting every reader knows, told in passing
        (
            "The two sides committed to promote democracy, building on pledges made during "
            "President Biden’s Summit for Democracy in December 2021.",
            True,
        ),
        # A journalist's question about it is no report of it.
        ("QUESTION: Can we move to the Summit for Democracy in December 2021?", False),
    ],
)
def test_a_known_meeting_told_in_a_long_text_is_kept(sentence: str, kept: bool) -> None:
    engagements = found(
        f"MR PRICE: The United States and Croatia held talks. {_FILLER}\n\n{sentence}\n\n{_FILLER}",
        title="Department Press Briefing",
        date="2022-03-17",
    )
    summits = [e for e in engagements if "Summit for Democracy" in e.trigger]
    assert bool(summits) is kept
    if kept:
        assert {"USA", "HRV"} <= set(summits[0].countries)


def test_a_visitor_named_after_a_long_office_visits_the_paragraphs_dateline() -> None:
    # reuters21578-13692: a roundup of stories, each paragraph with its own dateline
    (visit,) = found(
        "BAHRAIN - Iran reported launching a new offensive east of Basra.\n\n- - - -\n\n"
        "TOKYO - Japan's ruling party outlined a package of economic measures. Meanwhile, "
        "visiting British Corporate Affairs Minister Michael Howard told Japan to resolve a "
        "telecommunications row with his country.",
        title="WORLD HIGHLIGHTS",
        date="1987-04-07",
        source="Reuters",
    )
    assert (visit.type, set(visit.countries), visit.place) == ("visit", {"GBR", "JPN"}, "Tokyo")
    assert visit.participants == (("GBR", "Michael Howard"),)


@pytest.mark.parametrize(
    "body",
    [
        # reuters21578-17083
        "WASHINGTON, April 27 - Officials are preparing for the April 29-May 2 visit of "
        "Japanese Prime Minister Yasuhiro Nakasone.",
        # modelled on reuters21578-1022 ("to coincide with the visit of U.S. Secretary of State")
        "WASHINGTON, April 27 - A newspaper published an editorial to coincide with the visit "
        "of Japanese Prime Minister Yasuhiro Nakasone next week.",
    ],
)
def test_the_visit_of_a_visitor_is_to_the_datelines_country(body: str) -> None:
    visit = only(body, date="1987-04-27", source="Reuters")
    assert (visit.type, visit.status, set(visit.countries)) == ("visit", "planned", {"JPN", "USA"})
    assert visit.place == "Washington"
    assert visit.participants == (("JPN", "Yasuhiro Nakasone"),)


def test_meetings_with_an_envoy_before_the_leaders_visit_are_kept_apart_from_it() -> None:
    # reuters21578-17083: the envoy's meetings are news; the Prime Minister's visit is to come
    engagements = found(
        "WASHINGTON, April 27 - Leaders took a wait-and-see stance after a series of meetings "
        "with former Japanese Foreign Minister Shintaro Abe, who was here paving the way for "
        "the April 29-May 2 visit of Prime Minister Yasuhiro Nakasone. Abe also met House "
        "leaders, including Congressman Richard Gephardt, a Missouri Democrat.",
        date="1987-04-27",
        source="Reuters",
    )
    statuses = sorted((e.type, e.status, e.date) for e in engagements)
    assert ("visit", "planned", "1987-04-29") in statuses
    assert any(status == "main" for _type, status, _date in statuses)


def test_a_trip_to_come_is_not_dated_by_a_capitalised_dateline_and_one_completed_is_news() -> None:
    # reuters21578-2503: "BRASILIA, MARCH 5 -" is the story's day, not the flight's
    engagements = found(
        "BRASILIA, MARCH 5 - Brazilian Finance Minister Dilson Funaro will extend his "
        "international tour, flying to Japan for talks with government officials. Funaro "
        "will fly to Tokyo on Sunday, after having completed a week-long trip to the United "
        "States, France and Switzerland.",
        date="1987-03-05",
        source="Reuters",
    )
    by_country = {next(c for c in e.countries if c != "BRA"): e for e in engagements}
    assert (by_country["JPN"].status, by_country["JPN"].date) == ("planned", "1987-03-08")
    assert {by_country[c].status for c in ("USA", "FRA", "CHE")} == {"main"}


@pytest.mark.parametrize(
    ("body", "countries", "date"),
    [
        # reuters21578-2535
        (
            "BUENOS AIRES, March 5 - Argentina's wheat exports to Brazil will increase, "
            "Argentina's officials said. Brazil agreed. Speaking to reporters, Caputo said "
            "trade showed the results of a wide-ranging economic integration accord signed by "
            "the presidents of both countries last July.",
            {"ARG", "BRA"},
            "1986-07",
        ),
        # reuters21578-5850
        (
            "TOKYO, March 5 - Japan said it is honouring its semiconductor pact with the "
            "United States. The agreement, signed last September, aimed at halting predatory "
            "Japanese pricing and increasing U.S. Firms' access to the Japanese market.",
            {"JPN", "USA"},
            "1986-09",
        ),
    ],
)
def test_an_agreement_signed_last_year_by_the_two_countries_is_their_signing(
    body: str, countries: set, date: str
) -> None:
    (signing,) = [
        e for e in found(body, date="1987-03-05", source="Reuters") if e.type == "signing"
    ]
    assert (signing.status, set(signing.countries), signing.date) == ("background", countries, date)


def test_an_agreement_with_a_name_set_off_by_a_comma_is_not_taken_as_signed_by_the_speaker() -> (
    None
):
    # ungdc-TUN-71-2016 (a guard): the Libyan parties signed it, not Tunisia
    engagements = found(
        "We are firmly committed to promoting reconciliation between the different parties in "
        "Libya so that they can implement the Libyan Political Agreement, signed in 17 "
        "December 2015, under the auspices of the United Nations.",
        title="Address by Tunisia",
        date="2016-09-22",
        source="UN General Debate",
    )
    assert not [e for e in engagements if e.type == "signing"]


@pytest.mark.parametrize(
    ("body", "date", "country", "seen"),
    [
        # reuters21578-2503: an official "who is in Rome today" is visiting it
        (
            "BRASILIA, MARCH 5 - Brazilian Finance Minister Dilson Funaro, who is in Rome "
            "today, will fly to Tokyo on Sunday.",
            "1987-03-05",
            "ITA",
            ("visit", "main", "1987-03-05", "Rome"),
        ),
        # reuters21578-950: leaving "early tomorrow morning for" a place is a trip to come
        (
            "BONN, March 3 - Brazilian Finance Minister Dilson Funaro would leave early "
            "tomorrow morning for Zurich to meet Swiss bankers and officials, diplomatic "
            "sources said.",
            "1987-03-03",
            "CHE",
            ("visit", "planned", "1987-03-04", "Zurich"),
        ),
    ],
)
def test_a_stay_or_a_departure_told_with_its_day(
    body: str, date: str, country: str, seen: tuple
) -> None:
    engagements = found(body, date=date, source="Reuters")
    trip = next(e for e in engagements if country in e.countries)
    assert (trip.type, trip.status, trip.date, trip.place) == seen


def test_his_meeting_with_a_leader_is_the_one_the_paragraph_named_before() -> None:
    # reuters21578-8029
    engagements = found(
        "WASHINGTON, March 20 - On Wednesday, President Reagan announced that he will seek "
        "2.5 billion dlrs from Congress to address the acid rain problem. Some interpreted the "
        "move as a goodwill gesture in advance of his annual meeting, on April 5-6 in Ottawa, "
        "with Prime Minister Brian Mulroney.",
        date="1987-03-20",
        source="Reuters",
    )
    (meeting,) = engagements
    assert at_a_glance(meeting) == ("meeting", "planned", "1987-04-05", {"USA", "CAN"})
    assert ("USA", "Reagan") in meeting.participants


def test_the_two_just_named_travel() -> None:
    # reuters21578-15367: "The two" are the officials of the sentence before.
    visit = only(
        "TOKYO, April 9 - Japan would tell U.S. Agriculture Secretary Richard Lyng and U.S. "
        "Trade Representative Clayton Yeutter of its intentions. The two are due to visit "
        "Japan later this month for farm talks.",
        date="1987-04-08",
        source="Reuters",
    )
    assert at_a_glance(visit) == ("visit", "planned", "1987-04", {"USA", "JPN"})
    # With no one named before, "the two" stands for no one who travels.
    assert not found(
        "TOKYO, April 9 - Farm talks stalled. The two are due to visit Japan later this month.",
        date="1987-04-08",
        source="Reuters",
    )


def test_talks_an_agreement_was_reached_during_were_held() -> None:
    # reuters21578-2499: "was agreed during talks" tells of talks held, not to come.
    talks = only(
        "PARIS, March 5 - The French Finance Ministry said the commission was agreed during "
        "talks between Foreign Trade Minister Michel Noir and Yugoslavian minister without "
        "portfolio Egon Padovan.",
        date="1987-03-05",
        source="Reuters",
    )
    assert talks.status == "main"
    assert ("YUG", "Egon Padovan") in talks.participants
    # "agreed to hold talks" is still ahead.
    ahead = only(
        "PARIS, March 5 - France and Yugoslavia agreed to hold talks between their trade "
        "ministers.",
        date="1987-03-05",
        source="Reuters",
    )
    assert ahead.status == "planned"


def test_a_visit_to_a_country_named_with_its_article_by_whom() -> None:
    # statedept-2021-07-09-6ab6dc70c1, reuters21578-5860: "the" before the country's name.
    visit = only(
        "The Secretary and the Foreign Minister discussed the Afghanistan peace process "
        "following the visit to the United States by Afghan President Ghani and Chairman "
        "Abdullah.",
        date="2021-07-09",
    )
    assert (visit.type, set(visit.countries)) == ("visit", {"AFG", "USA"})
    assert ("AFG", "Ghani") in visit.participants


@pytest.mark.parametrize(
    "body",
    [
        "King Fahd said today his plea came ahead of a state visit he will make to the "
        "United Kingdom later this month.",
        "Officials discussed the visit of Saudi King Fahd to the United Kingdom next month.",
        "Saudi King Fahd flew to the United Kingdom today.",
    ],
)
def test_a_trip_to_a_country_written_with_the(body: str) -> None:
    # The patterns a trip's destination is found after read "to the United Kingdom" as
    # they read "to Britain".
    visit = only(f"RIYADH, March 11 - {body}", date="1987-03-11", source="Reuters")
    assert (visit.type, set(visit.countries)) == ("visit", {"SAU", "GBR"})


def test_an_organisations_council_meeting_named_by_its_acronym() -> None:
    # reuters21578-628: "council" and "full" are modifiers of the meeting's noun phrase, so
    # the acronym before them names whose meeting it is.
    meeting = only(
        "LONDON, March 2 - The International Coffee Organization (ICO) talks on export quotas "
        "went on today. A full ICO council meeting is set for 1900 hours local for a progress "
        "report.",
        date="1987-03-02",
        source="Reuters",
    )
    assert (meeting.type, meeting.status, meeting.orgs, meeting.date) == (
        "multilateral",
        "planned",
        ("ICO",),
        "1987-03-02",
    )


def test_a_body_meets_on_a_day_to_come_in_the_present() -> None:
    # reuters21578-5258: "the full council meets on Thursday" is the organisation's meeting
    # to come, as "Another working group is scheduled to meet Wednesday" is.
    engagements = found(
        "LONDON, March 16 - Delegates of the International Cocoa Organization (ICCO) "
        "gathered today. Another working group is scheduled to meet Wednesday to discuss "
        "administrative matters, and the full council meets on Thursday.",
        date="1987-03-16",
        source="Reuters",
    )
    planned = {(e.date, e.orgs) for e in engagements if e.status == "planned"}
    assert planned == {("1987-03-18", ("ICCO",)), ("1987-03-19", ("ICCO",))}


def test_a_working_group_is_that_of_the_organisation_it_was_named_with() -> None:
    # reuters21578-6128: the ICCO's working group, though the EC was named after it.
    meeting = only(
        "LONDON, March 17 - The International Cocoa Organization, ICCO, buffer stock working "
        "group began examining a draft proposal this afternoon. The plan represented a "
        "compromise between producer, European Community, EC, and other consumer views. "
        "Producers will respond to it when the working group meets tomorrow at 1000 GMT.",
        date="1987-03-17",
        source="Reuters",
    )
    assert (meeting.status, meeting.orgs, meeting.date) == ("planned", ("ICCO",), "1987-03-18")


def test_an_organisations_body_meeting_with_a_member_named_is_multilateral() -> None:
    # reuters21578-12011: the ICO council's session, Brazil one of its members there.
    meeting = only(
        "LONDON, April 1 - ICO observers remained sceptical that Brazil would be prepared to "
        "accept a quota reduction when the ICO council meets in September.",
        date="1987-04-01",
        source="Reuters",
    )
    assert (meeting.type, meeting.status, meeting.date) == ("multilateral", "planned", "1987-09")


def test_those_who_met_agreeing_to_meet_again() -> None:
    # wikinews-2020-01-11-30b42e8104: "the foreign ministers" are those of the meeting
    # reported, not the two of the pact recalled in between.
    engagements = found(
        "Egyptian foreign minister Sameh Shoukry and his Greek counterpart Nikos Dendias "
        "gathered in Cairo on Wednesday. They said the November 27 maritime border agreement "
        "between Turkey and Libya is void. The foreign ministers agreed to a future meet on "
        "Crete.",
        date="2020-01-11",
        source="Wikinews",
    )
    (planned,) = [e for e in engagements if e.status == "planned"]
    assert set(planned.countries) == {"EGY", "GRC"}


@pytest.mark.parametrize(
    "body",
    [
        # reuters21578-3902, -10525
        "SEOUL, March 11 - South Korean Trade Minister Rha Woong-bae leaves today for Ottawa "
        "for trade talks with Canadian officials.",
        "PARIS, March 11 - Nigerian Finance Minister Chu Okongwu left Paris today for London.",
    ],
)
def test_a_departure_on_the_storys_day_is_a_visit_still_ahead(body: str) -> None:
    visit = only(body, date="1987-03-11", source="Reuters")
    assert (visit.type, visit.status, visit.date) == ("visit", "planned", "1987-03-11")


def test_a_departure_in_an_undated_story_stays_as_told() -> None:
    # With no publication date there is no story's day: "left Seoul for Ottawa" is a trip
    # made, as before the rule above.
    visit = only(
        "South Korean Trade Minister Rha Woong-bae left Seoul for Ottawa.",
        date=None,
        source="Reuters",
    )
    assert (visit.type, visit.status) == ("visit", "main")
