"""Meetings known by a short name (`search.extract.engagements.known`): wire news of 1987
names the G7's Venice summit and the Louvre Accord without saying who met, when or where;
the engagement must carry what a reader knows.  Sentences copied from Reuters-21578 and
State Department releases, or written like them."""

from __future__ import annotations

import datetime as dt

import pytest

from search.extract import extract
from search.extract.engagements.known import editions

G6 = {"CAN", "BRD", "FRA", "GBR", "JPN", "USA"}
G7 = G6 | {"ITA"}


def found(body: str, date: str | None, title: str | None = None):
    return extract(title, body, date=date).engagements


def known(body: str, date: str | None):
    return [e for e in found(body, date) if e.type == "multilateral"]


def test_a_summit_named_by_its_place_is_that_years_g7_summit() -> None:
    engagements = found(
        "WASHINGTON, March 4 - President Reagan will visit Rome and West Berlin during a trip "
        "to Europe in June to attend the Venice summit meeting of the major industrialized "
        "countries, the White House said.",
        "1987-03-04",
    )
    summit = next(e for e in engagements if e.type == "multilateral")
    assert (summit.status, summit.date, summit.place) == ("planned", "1987-06-08", "Venice")
    assert set(summit.countries) == G7 and summit.orgs == ("G7",)
    assert ("USA", "Reagan") in summit.participants
    # Its words no longer make a meeting of the two countries the sentence names.
    assert not any(e.type == "meeting" for e in engagements)


@pytest.mark.parametrize(
    ("body", "date", "want"),
    [
        (
            "He said the leaders of the western world would discuss food over-production "
            "during the summit in Venice next week.",
            "1987-06-02",
            ("planned", "1987-06-08"),
        ),
        (
            "Baker will put forward proposals to the Group of Seven, originally outlined at "
            "the 1986 Tokyo Summit, to tighten procedures for policy coordination.",
            "1987-04-07",
            ("background", "1986-05-04"),
        ),
        (
            "The proposal may not be made final until the Venice Economic Summit in June.",
            "1987-04-07",
            ("planned", "1987-06-08"),
        ),
    ],
)
def test_summits_by_place(body: str, date: str, want: tuple[str, str]) -> None:
    (summit,) = known(body, date)
    assert (summit.status, summit.date) == want
    assert set(summit.countries) == G7


def test_a_summit_in_a_place_says_whose_only_in_context() -> None:
    # A 1986 "summit in Tokyo" of a story about Japan and China is not the G7's.
    assert known("Nakasone and Hu Yaobang held a summit in Tokyo on Monday.", "1986-05-12") == []


@pytest.mark.parametrize(
    ("body", "date"),
    [
        (
            "Six leading industrial nations agreed under February's Louvre Accord to stabilise "
            "currencies.",
            "1987-10-20",
        ),  # fmt: skip
        (
            "Nakasone said that Japan and other industrialized nations committed themselves in "
            "Paris last month to stabilize the dollar above 150 yen.",
            "1987-03-30",
        ),  # fmt: skip
        (
            "Miyazawa said the current yen level is still inside the range agreed on in Paris in "
            "late February.",
            "1987-04-09",
        ),  # fmt: skip
        ("Baker said the position goes back to the Paris Agreement.", "1987-03-25"),
        # By its place and day, its month, or its place before the verb (reuters21578-15625,
        # -13244, -15352).
        (
            "Officials will see how closely they adhere to international agreements such as "
            "those set at the Plaza Hotel in 1985 and in Paris on February 22.",
            "1987-04-08",
        ),  # fmt: skip
        (
            "Eyskens said February's agreement between leading western industrialised nations "
            "to stabilise exchange rates had helped.",
            "1987-04-04",
        ),  # fmt: skip
        (
            "In February, U.S. officials meeting with other major industrialized nations in "
            "Paris agreed that the value of the dollar had dropped enough.",
            "1987-04-08",
        ),  # fmt: skip
        # The meeting by its place, the accord "last month", its name in the plural, each
        # with whose it is in the sentence (reuters21578-3020, -10382, -5394, -21512).
        (
            "The Paris meeting of the Group of Six industrial nations took place exactly one "
            "month after the German cut in rates.",
            "1987-03-09",
        ),  # fmt: skip
        (
            "Dealers said major industrial countries had agreed at the Paris meeting on an "
            "effective floor for the dollar.",
            "1987-03-27",
        ),  # fmt: skip
        (
            "Economists say much depends on an agreement last month among major industrial "
            "nations to stabilise exchange rates.",
            "1987-03-16",
        ),  # fmt: skip
        (
            "Balladur called for the faithful application of the Louvre accords by all major "
            "industrial countries.",
            "1987-10-19",
        ),  # fmt: skip
    ],
)
def test_the_louvre_accord_is_the_g6_meeting_in_paris(body: str, date: str) -> None:
    (accord,) = known(body, date)
    assert (accord.status, accord.date, accord.place) == ("background", "1987-02-22", "Paris")
    assert set(accord.countries) == G6 and accord.orgs == ("G6",)
    assert accord.trigger == "Louvre Accord"


@pytest.mark.parametrize(
    ("body", "date"),
    [
        # Others who agreed in Paris.
        ("Chad and Libya agreed in Paris last month to a ceasefire.", "1987-03-30"),
        # Too long after: the Paris Agreement of a 2016 story is no G6 meeting.
        ("The United States joined the Paris Agreement.", "2016-09-03"),
        # Too long before for "agreed in Paris" to be the Louvre's.
        ("The ministers agreed in Paris to cut tariffs.", "1987-12-20"),
        # A February agreement of others, or without a word of whose.
        ("Chad and Libya kept to February's agreement in Paris.", "1987-04-04"),
        ("The union said February's agreement with the company holds.", "1987-04-04"),
        # Another day in Paris.
        ("Chad and France met in Paris on March 3 to settle the debt.", "1987-04-08"),
        # "The Paris meeting" or "an agreement last month" of a sentence that does not say
        # whose: the Paris Club's, a company's.
        ("Creditors agreed at the Paris meeting to reschedule the debt.", "1987-03-20"),
        ("The union said an agreement last month with the company holds.", "1987-03-20"),
        # A month after the story's, not the month before.
        ("An agreement last month among industrial nations was reached.", "1987-05-20"),
    ],
)
def test_not_the_louvre_accord(body: str, date: str) -> None:
    assert not any("G6" in e.orgs for e in found(body, date))


def test_the_plaza_accord_by_its_month_and_year() -> None:
    # reuters21578-16190.
    (accord,) = known(
        "The dollar has fallen sharply since the September 1985 Group of Five pact in New York.",
        "1987-04-10",
    )
    assert (accord.status, accord.date, accord.orgs) == ("background", "1985-09-22", ("G5",))
    # Another agreement of that month, of no one the list knows.
    assert (
        known("The union kept to the September 1985 agreement with the company.", "1987-04-10")
        == []
    )


def test_a_numbered_conference_and_who_was_there() -> None:
    (cop,) = known(
        "The CMAR, announced by the Presidents of Colombia, Costa Rica, Ecuador, and Panama "
        "at COP26, is an initiative to link marine protected areas.",
        "2022-03-22",
    )
    assert (cop.status, cop.date, cop.place) == ("background", "2021-10-31", "Glasgow")
    assert cop.orgs == ("UN",)
    assert {"COL", "CRI", "ECU", "PAN", "GBR"} <= set(cop.countries)
    (ahead,) = known(
        "The United States will submit enhanced targets well before COP27 in November.",
        "2022-07-06",
    )
    assert (ahead.status, ahead.date) == ("planned", "2022-11-06")


def test_what_came_of_a_conference_is_not_a_meeting_there() -> None:
    assert known("The projects will help achieve climate targets set at COP26.", "2022-02-18") == []


def test_a_meeting_named_by_its_own_name_is_the_nearest_edition_or_the_years() -> None:
    # statedept-2022-04-04-78f5b93a79, -2022-06-10-0a63d43001, -2022-04-26-bd83bdabc2.
    (summit,) = known(
        "The Secretary welcomed Jamaica’s participation in the upcoming Summit of the "
        "Americas, and the need to stand together against the Kremlin’s war in Ukraine.",
        "2022-04-04",
    )
    assert (summit.status, summit.date, summit.place) == ("planned", "2022-06-06", "Los Angeles")
    assert set(summit.countries) == {"USA", "JAM"}  # the host, and who is named before it
    (charter,) = known(
        "It is a charter launched at a Summit of the Americas in 2001.", "2022-06-10"
    )
    assert (charter.status, charter.date, charter.place) == (
        "background",
        "2001-04-20",
        "Quebec City",
    )
    # An office named after a meeting names no meeting.
    assert (
        known(
            "Special Advisor for the Summit of the Americas Christopher Dodd spoke today.",
            "2022-04-26",
        )
        == []
    )


def test_two_leaders_meeting_at_a_known_meeting_is_a_meeting_of_its_own() -> None:
    # statedept-2022-07-01-6d75c28555.
    engagements = found(
        "We look forward to continued cooperation at the Summit of the Americas. As President "
        "Biden reiterated during his meeting with Prime Minister Trudeau at the Summit of the "
        "Americas, the United States has no better friend than Canada.",
        "2022-07-01",
    )
    assert sorted(e.type for e in engagements) == ["meeting", "multilateral"]


def test_the_list_is_well_formed() -> None:
    """Each edition ends on or after its first day, and editions of one series and place
    are years apart where the place names them (so that "the Venice summit" names one; a
    yearly conference named by its own name in the same city is told apart by date)."""
    listed = editions()
    assert len(listed) > 50
    for edition in listed:
        assert edition.end >= edition.date
        # (the longest, the NPT's review conferences, sit four weeks)
        assert edition.end - edition.date < dt.timedelta(days=31)
    places: dict[tuple[str, str], list[dt.date]] = {}
    for edition in listed:
        if edition.kind != "named":
            places.setdefault((edition.series, edition.place), []).append(edition.date)
    for dates in places.values():
        dates.sort()
        # (NATO's extraordinary summit of March 2022 came nine months after June 2021's)
        assert all((b - a).days > 270 for a, b in zip(dates, dates[1:], strict=False))


def test_without_a_publication_date() -> None:
    """An undated text names a summit only with its year, and an accord is history."""
    (accord,) = known("The Louvre Accord was reached by six industrial nations.", None)
    assert (accord.status, accord.date) == ("background", "1987-02-22")
    (summit,) = known("The Group of Seven met at the 1986 Tokyo Summit.", None)
    assert summit.date == "1986-05-04"
    # Which Tokyo summit, the text does not say: the meeting it reports, undated.
    (met,) = known("The Group of Seven met at the Tokyo Summit.", None)
    assert met.date is None


def test_a_summit_in_a_place_written_with_a_word_of_its_own_name() -> None:
    # statedept-2022-06-26-b061e380ef: "Schloss Elmau", the G7's 2022 summit.
    (summit,) = known(
        "Today, at the G7 Leaders’ Summit in Schloss Elmau, President Biden laid out his plan.",
        "2022-06-26",
    )
    assert (summit.date, summit.place) == ("2022-06-26", "Elmau")
    assert set(summit.countries) == G7 - {"BRD"} | {"DEU"}


def test_a_yearly_meeting_named_without_its_year_is_the_last_one_held() -> None:
    # statedept-2022-02-11-5041265e1b: May 2022's summit is nearer, but not yet held.
    (summit,) = known(
        "The COVID-19 Global Action Plan builds on President Biden’s Global COVID-19 Summit.",
        "2022-02-11",
    )
    assert (summit.status, summit.date, summit.countries, summit.orgs) == (
        "background",
        "2021-09-22",
        ("USA",),
        (),
    )
    # statedept-2022-02-08-9cd5e0c389: one still to come, when the text says so.
    (second,) = known(
        "Governments will discuss progress at the second Summit for Democracy.", "2022-02-08"
    )
    assert (second.status, second.date) == ("planned", "2023-03-29")
    (ocean,) = known(
        "It is the lead-up to the Our Ocean Conference, which will be co-hosted by Palau and "
        "the United States.",
        "2022-02-09",
    )
    assert (ocean.status, ocean.date, set(ocean.countries)) == (
        "planned",
        "2022-04-13",
        {"PLW", "USA"},
    )


def test_a_named_meeting_with_its_members_and_those_named_before_it() -> None:
    # statedept-2022-04-13-806553f0c2: the Negev's six, though the text names none.
    (negev,) = known(
        "They discussed the next steps to build off the successful Negev Ministerial.",
        "2022-04-13",
    )
    assert set(negev.countries) == {"ISR", "USA", "ARE", "BHR", "MAR", "EGY"}
    assert negev.status == "background" and negev.place == "Sde Boker"
    # statedept-2022-02-19-c06f2c2c27: who met on its sidelines was there.
    engagements = found(
        "Secretary of State Antony J. Blinken met with French Foreign Minister Jean-Yves Le "
        "Drian today on the sidelines of the Munich Security Conference.",
        "2022-02-19",
    )
    msc = next(e for e in engagements if e.type == "multilateral")
    assert (msc.status, msc.date, set(msc.countries)) == (
        "main",
        "2022-02-19",  # the conference's day the meeting "today" was held
        {"DEU", "FRA", "USA"},
    )
    assert ("USA", "Antony J. Blinken") in msc.participants
    assert any(e.type == "meeting" for e in engagements)


def test_a_programme_named_after_a_meeting_is_no_meeting() -> None:
    # statedept-2022-07-26-134049ce82
    assert (
        known(
            "Throughout the Summit for Democracy “Year of Action,” Special Advisor Minkara "
            "will lead the United States in pursuing our Summit commitments.",
            "2022-07-26",
        )
        == []
    )


def test_a_g20_summit_by_its_place() -> None:
    (summit,) = known(
        "The leaders of the Group of 20 will meet at the Osaka summit next month.", "2019-05-20"
    )
    assert (summit.status, summit.date, summit.orgs) == ("planned", "2019-06-28", ("G20",))


def test_natos_summits_and_who_spoke_of_one() -> None:
    # statedept-2022-06-22-8fc363e8c4: those who spoke of it, by its place.
    (madrid,) = known(
        "Deputy Secretary Sherman and French Foreign Secretary Delattre also spoke about "
        "preparations for the upcoming NATO Summit in Madrid.",
        "2022-06-22",
    )
    assert (madrid.status, madrid.date, madrid.orgs) == ("planned", "2022-06-28", ("NATO",))
    assert {"USA", "FRA"} <= set(madrid.countries)
    # statedept-2022-03-22-bf1f4ffd09: "they" of a readout are the two who met; the
    # extraordinary summit of that week is still to come on the Tuesday before it.
    engagements = found(
        "Secretary Blinken met with French Foreign Minister Le Drian today. They also "
        "discussed this week’s Extraordinary NATO Summit.",
        "2022-03-22",
    )
    summit = next(e for e in engagements if e.type == "multilateral")
    assert (summit.status, summit.date) == ("planned", "2022-03-24")
    assert {"USA", "FRA"} <= set(summit.countries)


def test_a_known_meeting_spoken_of_is_no_ones_talks_nor_their_dialogues_date() -> None:
    # statedept-2022-04-13-894a134f2c: the talks and the dialogue keep their own dates.
    engagements = found(
        "They expressed mutual support for the successful conclusion of the negotiations "
        "between Uruguay and the U.S. Trade Representative. Secretary Blinken and Foreign "
        "Minister Bustillo agreed to launch an annual bilateral Interministerial Dialogue. "
        "Secretary Blinken and Foreign Minister Bustillo also discussed the upcoming Ninth "
        "Summit of the Americas in June as well as commitments made during the December "
        "2021 Summit for Democracy.",
        "2022-04-13",
    )
    dates = {e.type: e.date for e in engagements if e.type != "multilateral"}
    assert dates == {"consultations": None}
    summits = sorted(e.date for e in engagements if e.type == "multilateral")
    assert summits == ["2021-12-09", "2022-06-06"]


def test_a_meeting_just_over_told_as_recent_is_history() -> None:
    # statedept-2022-03-29-445c0e64bc: the day after its last day, "recently concluded".
    (negev,) = known("The group builds on the recently concluded Negev Summit.", "2022-03-29")
    assert negev.status == "background"
    (told,) = known("The foreign ministers met at the Negev Summit.", "2022-03-29")
    assert told.status == "main"
    # statedept-2022-03-26-71c46cbb4d: by its day and place, the extraordinary one.
    (summit,) = known(
        "The Secretaries discussed outcomes of the March 24 extraordinary NATO Summit in Brussels.",
        "2022-03-26",
    )
    assert (summit.date, summit.place) == ("2022-03-24", "Brussels")


def test_a_bodys_name_names_its_meeting_only_with_someone_at_it() -> None:
    # wikinews-2019-09-30-8682d613d3: the UN General Assembly's high-level week, whose
    # host country takes no part as such; "a General Assembly resolution" is none.
    (unga,) = known(
        "While in New York City to attend the United Nations General Assembly, President "
        "Volodymyr Zelensky of Ukraine told reporters he felt no pressure.",
        "2019-09-30",
    )
    assert (unga.status, unga.date, unga.orgs) == ("main", "2019-09-24", ("UN",))
    assert set(unga.countries) == {"UKR"}
    assert (
        known(
            "The United States commends Oman for supporting the UN General Assembly "
            "resolution condemning Russia’s war on Ukraine.",
            "2022-03-03",
        )
        == []
    )


def test_a_day_of_a_known_meeting_the_sentence_tells_and_one_meeting_told_twice() -> None:
    # statedept-2022-05-14-86f7c18491, -51ea433b98: met on the summit's second day; the
    # summit named again later is the same one.
    engagements = found(
        "Secretary of State Antony J. Blinken met yesterday with Cambodian Deputy Prime "
        "Minister Prak Sokhonn on the sidelines of the U.S.-ASEAN Special Summit in "
        "Washington, D.C. Secretary Blinken highlighted the strong U.S. relationship with "
        "ASEAN, as evidenced by the U.S.-ASEAN Special Summit.",
        "2022-05-14",
    )
    (summit,) = [e for e in engagements if e.type == "multilateral"]
    assert (summit.date, summit.orgs) == ("2022-05-13", ("ASEAN",))
    assert any(e.type == "meeting" for e in engagements)


def test_the_general_assemblys_acts_and_sessions_out_of_season_are_not_its_high_level_week() -> (
    None
):
    # statedept-2022-03-04-4fb3c6557d: the emergency session's vote of March 2022.
    text = (
        "President Putin has isolated Russia, as evidenced by the overwhelming vote at the "
        "United Nations General Assembly condemning Russia’s aggression."
    )
    assert known(text, "2022-03-04") == []
    assert known("Lavrov will speak at the UN General Assembly.", "2022-03-04") == []


def test_a_trip_to_a_known_meeting_is_a_visit_to_its_host() -> None:
    # statedept-2022-04-06-4ed25242a5: no place written, the conference's own.
    engagements = extract(
        None,
        "Following these activities, Assistant Secretary Monica Medina will continue her "
        "travels to the Our Ocean Conference, which the United States will co-host with Palau "
        "in Koror, April 13-14.",
        date="2022-04-06",
        source="U.S. Department of State (press releases)",
    ).engagements
    (visit,) = [e for e in engagements if e.type == "visit"]
    assert (visit.status, visit.date, visit.place) == ("planned", "2022-04-13", "Koror")
    assert set(visit.countries) == {"USA", "PLW"}
    assert any(e.type == "multilateral" for e in engagements)


def test_a_name_written_with_a_hyphen_is_found_as_the_scanner_splits_words() -> None:
    # "D-ISIS" is the words "d" and "isis" of the sentence's word list.
    (ministerial,) = known(
        "Secretary Blinken will attend the D-ISIS Coalition Ministerial in Rome.", "2021-06-25"
    )
    assert (ministerial.date, ministerial.place) == ("2021-06-28", "Rome")


def test_the_conferences_on_libya_by_their_own_names() -> None:
    # statedept-2021-06-17-252bb49e45, -2022-06-24-dcc566c265
    (berlin,) = known(
        "The Secretary and Foreign Minister discussed the upcoming June 23 Second Berlin "
        "Conference on Libya.",
        "2021-06-17",
    )
    assert (berlin.status, berlin.date, berlin.place) == ("planned", "2021-06-23", "Berlin")
    assert {"DEU", "LBY"} <= set(berlin.countries) and berlin.orgs == ("UN",)
    (paris,) = known("We welcome the declaration of the Paris Conference on Libya.", "2022-06-24")
    assert (paris.status, paris.date) == ("background", "2021-11-12")
    assert {"FRA", "DEU", "ITA", "LBY"} <= set(paris.countries)


def test_an_accord_named_by_its_months_meeting_in_its_place() -> None:
    # reuters21578-7135
    (accord,) = known(
        "TAIPEI, March 23 - February's Paris meeting of six major industrial powers exhorted "
        "NICs to lower trade barriers.",
        "1987-03-23",
    )
    assert (accord.date, accord.place, accord.status) == ("1987-02-22", "Paris", "background")


def test_an_accord_reached_in_its_place_this_month_by_the_seven() -> None:
    # reuters21578-17368
    (accord, again) = known(
        "WASHINGTON, April 28 - In Paris this February, the seven agreed that fiscal actions "
        "by the three major powers would help them stabilize currencies. Leading industrial "
        "nations will meet again.",
        "1987-04-28",
    )
    assert (accord.date, accord.place) == ("1987-02-22", "Paris")
    # (and the next meeting of the seven, to come: `bodies._described_forum`)
    assert (again.status, again.orgs) == ("planned", ("G7",))


def test_the_uruguay_round_launch_is_named_by_its_place() -> None:
    # reuters21578-17198, -8106
    (launch,) = known(
        "TOKYO, April 26 - The talks are part of discussions on a new world trading framework, "
        "begun at Punta del Este, Uruguay, last year.",
        "1987-04-26",
    )
    assert (launch.date, launch.place, launch.orgs, launch.status) == (
        "1986-09-15",
        "Punta del Este",
        ("GATT",),
        "background",
    )


@pytest.mark.parametrize(
    "sentence",
    [
        # reuters21578-10271
        "The EPA will work out a plan as pledged at last month's Paris currency stability "
        "accord by six industrial countries.",
        # reuters21578-7950
        "Deputy Finance Ministers met here to discuss currency stability today following "
        "last month's Paris monetary accord, sources close to the talks said.",
        # reuters21578-13270
        "In Paris on February 22, six nations agreed to stabilise exchange rates.",
        # reuters21578-17293
        "The seven can achieve stable currencies by adhering to accords reached this year in "
        "Paris.",
    ],
)
def test_the_louvre_accord_by_its_place_in_more_words(sentence: str) -> None:
    found = extract(None, "TOKYO, March 20 - " + sentence, date="1987-03-20", source="Reuters")
    accords = [e for e in found.engagements if e.date == "1987-02-22"]
    assert [(e.place, e.status) for e in accords] == [("Paris", "background")]


def test_a_longer_name_that_holds_a_known_meetings_is_not_it() -> None:
    # statedept-2022-06-08-2236811e86: the Cities Summit is not the Summit of the Americas
    found = extract(
        None,
        "We’re going to have the first Cities Summit of the Americas next year in Denver.",
        date="2022-06-08",
        source="U.S. Department of State (press releases)",
    ).engagements
    assert not [e for e in found if "Summit of the Americas" in e.trigger]
    (ninth,) = extract(
        None,
        "Secretary Blinken will attend the Ninth Summit of the Americas in Los Angeles.",
        date="2022-06-05",
        source="U.S. Department of State (press releases)",
    ).engagements
    assert ninth.trigger == "Summit of the Americas (Los Angeles, 2022)"


@pytest.mark.parametrize(
    ("body", "date", "status"),
    [
        # reuters21578-14734
        (
            "NEW YORK, April 7 - The dollar ended with modest net losses in a final bout of "
            "position-squaring ahead of tomorrow's crucial monetary talks in Washington.",
            "1987-04-07",
            "planned",
        ),
        # reuters21578-12855
        (
            "BONN, April 6 - Stoltenberg told a news conference he saw no difficulties about "
            "Italy joining the G-7 Washington talks.",
            "1987-04-06",
            "planned",
        ),
        # reuters21578-16190
        (
            "TOKYO, April 14 - Last week's G-7 meeting in Washington has been widely "
            "interpreted as a sign from the policy makers that the dollar should not fall.",
            "1987-04-14",
            "background",
        ),
    ],
)
def test_ministers_talks_named_by_their_place_in_their_week(
    body: str, date: str, status: str
) -> None:
    (talks,) = known(body, date)
    assert (talks.status, talks.date, talks.place) == (status, "1987-04-08", "Washington")
    assert set(talks.countries) == G7 and talks.orgs == ("G7",)


@pytest.mark.parametrize(
    ("body", "date"),
    [
        # talks in Washington with no word of whose they are
        ("WASHINGTON, April 7 - Farm talks in Washington ended without a deal.", "1987-04-07"),
        # another group's meeting there, the day before (reuters21578-14043)
        (
            "FRANKFURT, April 7 - With the G-5 meeting in Washington ahead, currency traders "
            "remain cautious.",
            "1987-04-07",
        ),
        # months away from the talks
        ("TOKYO, June 30 - Monetary talks in Washington are not expected soon.", "1987-06-30"),
    ],
)
def test_talks_in_the_place_are_not_the_ministers_otherwise(body: str, date: str) -> None:
    assert not any("finance ministers" in e.trigger for e in found(body, date))


def test_going_to_a_meeting_on_its_opening_day_is_still_ahead() -> None:
    # statedept-2022-08-01-9b69384af1, published on the Review Conference's first day.
    (conference,) = known(
        "Secretary Blinken will travel to New York for the Nuclear Non-Proliferation Review "
        "Conference, where he will reaffirm the U.S. commitment to the Treaty.",
        "2022-08-01",
    )
    assert (conference.status, conference.date, conference.place) == (
        "planned",
        "2022-08-01",
        "New York",
    )
    assert conference.orgs == ("UN",)
    # Told as under way, or as a body's name without going to it, it is not ahead.
    (there,) = known(
        "Secretary Blinken spoke at the NPT Review Conference in New York today.", "2022-08-01"
    )
    assert there.status == "main"
    assert not known("The NPT Review Conference is the treaty's forum.", "2022-08-01")


def test_a_meeting_that_will_do_something_on_its_opening_day_is_still_ahead() -> None:
    # statedept-2022-03-27-55fa570deb, published on the Negev Summit's first day.
    def negev(body: str) -> str:
        (summit,) = [e for e in known(body, "2022-03-27") if e.trigger.startswith("Negev")]
        return summit.status

    assert negev("We welcome the Negev Summit, which will include foreign ministers.") == "planned"
    assert negev("We welcome the Negev Summit, with foreign ministers of the region.") == "main"
    # statedept-2022-03-27-2cc77e794b: going to it, "later today".
    assert negev("Later today the two of us will head south for the historic Negev Summit.") == (
        "planned"
    )


def test_a_meeting_to_prepare_another_on_its_own_day_is_two() -> None:
    # reuters21578-17283: next week's officials' meeting and June's summit.
    planned = known(
        "OSAKA, Japan, April 27 - Senior officials from the Group of Seven (G-7) countries "
        "will meet next week to decide an agenda for the body's June summit scheduled to be "
        "held in Venice, Japanese officials said.",
        "1987-04-27",
    )
    assert sorted(e.date for e in planned) == ["1987-05-04", "1987-06"]
    # One meeting told with its day and its month stays one.
    (one,) = known(
        "ROME, April 27 - The Group of Seven will meet in Venice on June 8 at the June summit.",
        "1987-04-27",
    )
    assert one.date.startswith("1987-06")
