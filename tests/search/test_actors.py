"""Who acts: events between their actor and target, commitments and asks on the right side.

The failures a new user saw on the State Department archive, as short texts through the
whole extract stage.
"""

from __future__ import annotations

import pytest

from search.extract import extract

STATE = "U.S. Department of State (press releases)"


def run(body: str, *, title: str | None = None, source: str | None = STATE):
    return extract(title, body, source=source, date="2022-05-18")


def test_sanctions_on_one_country_are_not_events_with_its_bystanders() -> None:
    found = run(
        "The United States will continue to impose severe sanctions on Russia, which affect "
        "partners including Kazakhstan and Kyrgyzstan."
    )
    sanctions = [e for e in found.events if e.type == "SANCTION"]
    assert sanctions
    assert all("KAZ" not in e.actors and "KGZ" not in e.actors for e in sanctions)
    assert set(sanctions[0].actors) == {"USA", "RUS"}


def test_a_sentence_about_third_countries_has_no_pair_event() -> None:
    found = run(
        "Sanctions on Russia have hurt the economies of partners such as Kazakhstan.",
        source="Reuters",
    )
    assert not [e for e in found.events if {"RUS", "KAZ"} <= set(e.actors)]


@pytest.mark.parametrize(
    ("body", "summary_start", "side"),
    [
        (
            "During the visit, the delegation will strengthen ties with senior Kazakhstani officials.",
            "the delegation will strengthen",
            ("USA",),
        ),
        (
            "The United States will continue to increase our support to Ukraine and call on "
            "other nations to do the same.",
            "The United States will continue",
            ("USA",),
        ),
        (
            "Secretary Blinken reaffirmed the U.S. and Belgian commitment to Ukraine’s sovereignty.",
            "Secretary Blinken reaffirmed",
            ("USA", "BEL"),
        ),
    ],
)
def test_commitments_are_the_subjects(body: str, summary_start: str, side: tuple[str, ...]) -> None:
    found = run(body)
    entries = [c for c in found.commitments if c.summary.startswith(summary_start)]
    assert entries, found.commitments
    assert entries[0].side == side


def test_they_are_the_sides_of_the_call() -> None:
    found = run(
        "Secretary of State Antony J. Blinken spoke with Israeli Foreign Minister Yair Lapid "
        "today. They agreed to work with the United Kingdom and Romania to respond."
    )
    (agreed,) = [c for c in found.commitments if c.kind == "agreement"]
    assert set(agreed.side) == {"USA", "ISR"}


def test_we_in_a_joint_statement_are_its_signatories() -> None:
    found = run(
        "We, the G7 Foreign Ministers of Canada, France, Germany, Italy, Japan, the United "
        "Kingdom and the United States of America, condemn the executions. We call on the "
        "military regime to end the violence.",
        title="G7 Foreign Ministers’ Statement on Myanmar",
    )
    (ask,) = [c for c in found.commitments if c.kind == "request"]
    assert {"CAN", "FRA", "DEU", "ITA", "JPN", "GBR", "USA"} <= set(ask.side)


def test_the_kingdom_is_the_kingdom_named_before() -> None:
    found = run(
        "In turn, our country highly appreciates the contribution of Norway to support "
        "Kazakhstan's international initiatives: the Kingdom has acted as one of the donors "
        "for the opening of the IAEA Low Enriched Uranium (LEU) Bank in Kazakhstan.",
        source="Kazinform",
    )
    aid = next(e for e in found.events if e.type == "AID")
    assert aid.actors[0] == "NOR"


def test_a_joint_statement_is_issued_by_its_list_not_by_the_countries_it_condemns() -> None:
    found = run(
        "The text of the following statement was released by the G7 foreign ministers of "
        "Canada, France, Germany, Italy, Japan, the United Kingdom, and the United States of "
        "America, and the High Representative of the European Union.\n\nWe, the G7 Foreign "
        "Ministers of Canada, France, Germany, Italy, Japan, the United Kingdom, and the United "
        "States of America, and the High Representative of the European Union, strongly "
        "condemn the four executions by the military junta in Myanmar. We continue to support "
        "efforts by ASEAN and call for the military to implement the Five Point Consensus.",
        title="G7 Foreign Ministers’ Statement on the Myanmar Military Junta’s Executions",
    )
    g7 = {"CAN", "FRA", "DEU", "ITA", "JPN", "GBR", "USA", "org:EU"}
    asks = [c for c in found.commitments if c.kind == "request"]
    assert asks and all(set(c.side) == g7 for c in asks)  # not Myanmar, not "the G7"


def test_a_forum_of_fixed_membership_commits_as_its_members() -> None:
    found = extract(
        None,
        "WASHINGTON, April 24 - Treasury Secretary James Baker said the Group of Seven leading "
        "industrial nations is fully committed to halting a further decline in the dollar. "
        "Baker pointed out that in February the seven agreed to foster stable exchange rates.",
        source="Reuters",
        date="1987-04-24",
    )
    g7 = {"CAN", "BRD", "FRA", "GBR", "ITA", "JPN", "USA"}  # West Germany in 1987
    assert [set(c.side) for c in found.commitments] == [g7, g7]


def test_signatories_as_members_of_a_group_named_after_a_country_are_the_list() -> None:
    found = run(
        "Following is a joint statement on the UNITAMS-AU-IGAD Facilitated Political Process "
        "issued by Canada, France, Norway, the United States of America, and the European "
        "Union as members of the Friends of Sudan.\n\nWe, therefore, urge constructive "
        "engagement of all stakeholders in this next phase.",
        title="Friends of Sudan Joint Statement on the UNITAMS-AU-IGAD Facilitated Process",
    )
    (ask,) = [c for c in found.commitments if c.kind == "request"]
    # Not the African Union the statement is about, not Sudan of "Friends of Sudan".
    assert set(ask.side) == {"CAN", "FRA", "NOR", "USA", "org:EU"}


@pytest.mark.parametrize(
    ("body", "words", "side"),
    [
        (
            "Deputy Secretary Sherman met Japan Vice Foreign Minister Mori Takeo and Republic of "
            "Korea First Vice Foreign Minister Cho Hyundong. They reaffirmed the statement and "
            "committed to advance trilateral security cooperation.",
            "committed to advance",
            ("USA", "JPN", "KOR"),
        ),
        (
            "Under Secretary Zeya met Prime Minister Najla Bouden of Tunisia. She also "
            "underscored that an independent judiciary is key, and urged the government to "
            "cease trying civilians in military courts.",
            "urged the government",
            ("USA",),
        ),
        (
            "The Secretary reiterated the United States’ commitment to complete "
            "denuclearization of the Korean Peninsula.",
            "commitment to complete",
            ("USA",),
        ),
    ],
)
def test_pronouns_and_possessives_name_the_side(body: str, words: str, side) -> None:
    found = run(body)
    entries = [c for c in found.commitments if words in c.summary]
    assert entries, found.commitments
    assert set(entries[0].side) == set(side)


@pytest.mark.parametrize(
    ("body", "words", "side"),
    [
        (
            "SEOUL, April 17 - He said Seoul would try to limit its current account surplus to "
            "around five billion dlrs.",
            "would try to limit",
            ("KOR",),
        ),
        (
            "China, Iran, and Russia have pledged funds toward the cost of reconstruction.",
            "have pledged funds",
            ("CHN", "IRN", "RUS"),
        ),
        (
            "BRUSSELS, March 27 - Greece and Turkey's NATO allies today called on both countries "
            "to avoid any action that could aggravate the situation.",
            "called on both countries",
            ("org:NATO",),
        ),
        (
            "Secretary Blinken met Belgian Foreign Minister Sophie Wilmès. They noted that, "
            "together with other Allies and partners, we will continue to impose severe "
            "sanctions on the Kremlin.",
            "severe sanctions",
            ("USA", "BEL"),
        ),
        (
            "Secretary Blinken informed President Ghani that the United States is reducing our "
            "civilian footprint in Kabul in light of the evolving security situation and will "
            "accelerate the tempo of Special Immigration Visa flights.",
            "accelerate the tempo",
            ("USA",),
        ),
    ],
)
def test_subjects_wire_stories_write(body: str, words: str, side) -> None:
    found = run(body, source="Reuters" if body[:1].isupper() and " - " in body else STATE)
    entries = [c for c in found.commitments if words in c.summary]
    assert entries, found.commitments
    assert set(entries[0].side) == set(side)


def test_a_country_where_something_happens_is_not_who_does_it() -> None:
    found = run(
        "Assistant Secretary Donald Lu will lead a U.S. delegation to Kyrgyz Republic and "
        "Kazakhstan from May 23-31. In Kazakhstan, the delegation will support senior "
        "Kazakhstani officials in Kazakhstan’s reform agenda."
    )
    (support,) = [c for c in found.commitments if "delegation will support" in c.summary]
    assert support.side == ("USA",)
