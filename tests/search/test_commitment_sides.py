"""Whose commitment: sides read from what the article says about groups and accords.

Each case is a short text modelled on an article of the shared corpora whose side was
wrong before the rule (the article is named)."""

from __future__ import annotations

import pytest

from search.extract import extract
from search.extract.memberships import defined_groups, group_named

STATE = "U.S. Department of State (press releases)"

# statedept-2021-08-05-599ae07d61: the group's members are listed only at the end.
_FRIENDS = (
    "The text of the following statement was released by the Governments of the United "
    "States of America and the Governments and Members of the Friends of the Mekong Group."
    "\n\nThe Heads of Delegation of the Friends of the Mekong (the Friends) met virtually on "
    "August 5, 2021. Together, we pledged to continue our transparent and collaborative "
    "approaches to sustainable development of the Mekong sub-region.\n\n"
    "The Friends of the Mekong includes: the Asian Development Bank, Australia, Cambodia, "
    "the European Union, Japan, Lao PDR, Myanmar, New Zealand, Republic of Korea, Thailand, "
    "the United States, Viet Nam, and the World Bank. The ASEAN Secretariat, the United "
    "Kingdom, and India participated as observers."
)
_MEMBERS = {
    "org:Asian Development Bank", "AUS", "KHM", "org:EU", "JPN", "LAO", "MMR", "NZL", "KOR",
    "THA", "USA", "VNM", "org:World Bank",
}  # fmt: skip


def test_a_joint_statements_we_is_the_group_it_lists_at_its_end() -> None:
    found = extract("Joint Statement of the Friends of the Mekong", _FRIENDS, date="2021-08-05")
    pledged = next(c for c in found.commitments if "pledged" in c.summary)
    assert set(pledged.side) == _MEMBERS  # observers (GBR, IND, ASEAN) are not its "we"


def test_a_group_the_article_lists_takes_part_as_its_members() -> None:
    found = extract("Joint Statement of the Friends of the Mekong", _FRIENDS, date="2021-08-05")
    met = [e for e in found.engagements if e.trigger == "met"]
    assert len(met) == 1 and met[0].type == "multilateral" and met[0].date == "2021-08-05"
    sides = {*met[0].countries, *(f"org:{o}" for o in met[0].orgs)}
    assert sides == _MEMBERS


def test_a_group_is_defined_only_by_a_list_of_three_or_more() -> None:
    text = "The delegation includes Kazakhstan and Norway. The package includes loans."
    named = [(24, 34, "KAZ"), (39, 45, "NOR")]
    assert defined_groups(text, named) == ()
    text = "The Quad comprises Australia, India, Japan and the United States."
    named = [(19, 28, "AUS"), (30, 35, "IND"), (37, 42, "JPN"), (47, 64, "USA")]
    (group,) = defined_groups(text, named)
    assert group.words == ("quad",) and group.members == ("AUS", "IND", "JPN", "USA")
    assert group_named((group,), "the Quad leaders met", 0, 20) is group
    # A list that runs into a sentence ("... and Japan condemn the DPRK") stops there.
    text = "The list includes Australia, India, said the Japan minister."
    named = [(18, 27, "AUS"), (29, 34, "IND"), (44, 49, "JPN")]
    assert defined_groups(text, named) == ()


def test_an_agreement_made_at_a_known_accord_is_all_its_parties() -> None:
    # reuters21578-15454 and -10684: "the range agreed on in Paris in late February" is the
    # Louvre Accord's six, not Japan's alone (the yen is what the sentence is about).
    body = (
        "TOKYO, April 10 - The G-7 issued a communique which reaffirmed the recent Louvre "
        "Accord. Dealers said the current yen level is still inside the range agreed on in "
        "Paris in late February. Prime Minister Yasuhiro Nakasone said that Japan and other "
        "industrialized nations committed themselves in Paris last month to stabilize the "
        "dollar."
    )
    found = extract("G-7 REAFFIRMS ACCORD", body, date="1987-04-10")
    six = {"CAN", "BRD", "FRA", "GBR", "JPN", "USA"}
    agreed = next(c for c in found.commitments if "agreed on in Paris" in c.summary)
    committed = next(c for c in found.commitments if "committed themselves" in c.summary)
    assert set(agreed.side) == six and set(committed.side) == six
    # Without the accord in the story, Japan's commitment stays Japan's.
    alone = extract(
        None, "TOKYO - Japan committed itself in Osaka to cut tariffs.", date="1987-04-10"
    )
    assert [c.side for c in alone.commitments] == [("JPN",)]


def _sides(body: str, date: str, source: str | None = None) -> dict[str, tuple[str, ...]]:
    """Each commitment's summary -> its side."""
    found = extract(None, body, date=date, source=source)
    return {c.summary: c.side for c in found.commitments}


def test_they_after_a_two_sided_subject_is_both() -> None:
    # reuters21578-1675: "they" is the sentence's own two delegates, not the meeting's.
    body = (
        "GENEVA, March 2 - Japan's delegate, Minoru Endo, and U.S. Ambassador Michael Samuels "
        "replied in the debate that the E.C. Charges were unfounded, but they were willing to "
        "continue bilateral talks."
    )
    (side,) = _sides(body, "1987-03-02").values()
    assert set(side) == {"JPN", "USA"}


def test_my_in_a_transcript_is_the_speakers() -> None:
    # statedept-2022-02-01-8ad1ba34a7
    body = (
        "Secretary Blinken met Cypriot Foreign Minister Nikos Christodoulides Kasoulides.\n\n"
        "SECRETARY BLINKEN: It is wonderful to have you here, Mr. Minister.\n\n"
        "FOREIGN MINISTER KASOULIDES: Thank you, Mr. Secretary. And it is my intention to use "
        "this meeting to find and explore areas where we can make the relationship stronger."
    )
    sides = _sides(body, "2022-02-01", "U.S. Department of State (press releases)")
    assert sides == {
        "it is my intention to use this meeting to find and explore areas where we can make "
        "the relationship stronger": ("CYP",)
    }


def test_all_who_took_part_pledged() -> None:
    # statedept-2022-04-21-ff60dece47: "All ... pledged" is everyone at the meeting.
    body = (
        "Secretary Blinken met today with the Foreign Ministers of France, Germany, Italy and "
        "the United Kingdom. All expressed concern over food security due to Russia's war and "
        "pledged to work together to find solutions."
    )
    sides = _sides(body, "2022-04-21", "U.S. Department of State (press releases)")
    (side,) = [s for summary, s in sides.items() if "pledged" in summary]
    assert set(side) == {"USA", "FRA", "DEU", "ITA", "GBR"}


def test_a_commitment_owned_inside_another_cues_clause() -> None:
    # statedept-2022-04-25-5f9256d0a5: "This action" names no one; "the Department's" does.
    body = (
        "This action will strengthen the Department's ongoing commitment to facilitate "
        "humanitarian relief efforts in Ukraine."
    )
    sides = _sides(body, "2022-04-25", "U.S. Department of State (press releases)")
    assert list(sides.values()) == [("USA",)]


def test_a_relative_pronoun_is_its_antecedent() -> None:
    # reuters21578-21502
    body = (
        "ADEN, Oct 19 - Government approval for the pipeline followed a visit to Aden by a "
        "high ranking delegation from the Soviet Union, which will help South Yemen construct "
        "the line."
    )
    sides = _sides(body, "1987-10-19")
    assert [s for summary, s in sides.items() if summary.startswith("which")] == [("SUN",)]


def test_agreeing_to_a_proposal_makes_its_proposer_a_party() -> None:
    # reuters21578-16935: "Rha" is Rha Woong-bae, his family name written first.
    body = (
        "SEOUL, April 8 - U.S. Commerce Secretary Malcolm Baldrige met Trade Minister Rha "
        "Woong-bae. Baldrige said he had agreed to Rha's proposal for cooperation on joint "
        "ventures in third countries."
    )
    sides = _sides(body, "1987-04-08")
    (side,) = [s for summary, s in sides.items() if "proposal" in summary]
    assert set(side) == {"USA", "KOR"}


def test_ministers_qualified_by_one_side_are_that_sides() -> None:
    # reuters21578-20094: the EC's ministers agreed, not everyone at the GATT meeting.
    body = (
        "LUXEMBOURG, Oct 19 - EC foreign ministers agreed that the plan should be presented "
        "to the next meeting of the GATT farm negotiating group in Geneva on October 26, "
        "diplomats said."
    )
    sides = _sides(body, "1987-10-19")
    assert list(sides.values()) == [("org:EU",)]
    # Two sides before the noun stay a group: "Baker and other finance ministers".
    body = (
        "WASHINGTON, April 7 - Treasury Secretary James Baker will meet Japanese Finance "
        "Minister Kiichi Miyazawa. Baker and other finance ministers say they intend to "
        "reaffirm the agreement."
    )
    (side,) = _sides(body, "1987-04-07").values()
    assert set(side) >= {"USA", "JPN"}


def test_the_government_no_word_names_is_the_datelines() -> None:
    # reuters21578-16759 and -16935 (both datelined Seoul).
    body = (
        "SEOUL, April 8 - U.S. Commerce Secretary Malcolm Baldrige met Trade Minister Rha "
        "Woong-bae. The government would make foreign currency loans worth 2.5 billion dlrs "
        "to firms willing to import capital goods, he said. Baldrige called the government's "
        "announced intention to regulate exports and boost imports an important step."
    )
    sides = _sides(body, "1987-04-08")
    assert sides[
        "The government would make foreign currency loans worth 2.5 billion dlrs to firms willing to import capital goods"
    ] == ("KOR",)
    (owned,) = [s for summary, s in sides.items() if "intention" in summary]
    assert owned == ("KOR",)
    # Without a dateline, "the government" names no one.
    assert not any(_sides("The government would make loans to firms.", "1987-04-08").values())


def test_the_statement_is_its_issuers() -> None:
    # reuters21578-10539 and -18734: a meeting's statement speaks for its organisation.
    body = (
        "THE HAGUE, June 18 - Aid donors pledged fresh funds, a statement issued after a two "
        "day meeting of the Inter Governmental Group on Indonesia (IGGI) said. The statement "
        "said Indonesia must take further steps toward economic growth to create employment "
        "and called for policies supporting growth of agriculture."
    )
    sides = _sides(body, "1987-06-18")
    (called,) = [s for summary, s in sides.items() if "called for" in summary]
    assert called == ("org:IGGI",)


def test_said_they_after_a_meeting_is_both_who_met() -> None:
    # reuters21578-14780 (dev18): "they" are Miyazawa and Baker; "James Baker, said they"
    # is no list of subjects, and the February of "the February Paris accord" is not the
    # meeting's date.
    found = extract(
        None,
        "NEW YORK, April 7 - The dollar fell. Miyazawa, after meeting Treasury Secretary "
        "James Baker, said they agreed on the need for currency stabilization since the "
        "February Paris accord.",
        date="1987-04-07",
    )
    agreed = next(c for c in found.commitments if "agreed" in c.summary)
    assert set(agreed.side) == {"JPN", "USA"}
    (meeting,) = [e for e in found.engagements if e.type == "meeting"]
    assert (meeting.status, meeting.date) == ("main", "1987-04-07")


def test_pledged_support_recommit_and_resolve_are_commitments() -> None:
    # dev19: statedept-2021-07-14, statedept-2021-06-20, statedept-2022-05-13.
    sides = _sides(
        "Secretary Blinken underscored the United States’ rejection of the PRC’s claims. He "
        "pledged continued U.S. support for a free and open Mekong region. On this World "
        "Refugee Day, we recommit to multilateral engagement to meet humanitarian needs. The "
        "Secretary reaffirmed the U.S. resolve to work closely with the ROK.",
        "2021-07-14",
        source="U.S. Department of State (press releases)",
    )
    assert [side for text, side in sides.items() if "pledged" in text] == [("USA",)]
    assert [side for text, side in sides.items() if "recommit" in text] == [("USA",)]
    assert [side for text, side in sides.items() if "resolve" in text] == [("USA",)]
    # A pledge of nothing named is no commitment.
    assert not _sides("The Minister pledged nothing.", "2021-07-14")


def test_a_joint_statements_signatories_named_with_initials_and_a_topic() -> None:
    # dev20: statedept-2021-05-25: "Antony J. Blinken" holds a full stop that ends no
    # sentence; "on Syria's presidential election" is what the statement is about.
    sides = _sides(
        "The following statement was released by United States Secretary of State Antony J. "
        "Blinken, French Foreign Minister Jean-Yves Le Drian, German Foreign Minister Heiko "
        "Maas, Italian Foreign Minister Luigi Di Maio, and UK Foreign Secretary Dominic Raab "
        "on Syria’s presidential election.\n\nBegin text:\n\nWe, the Foreign Ministers of "
        "France, Germany, Italy, the United Kingdom and the United States of America wish to "
        "make clear that the election will not be free. We urge the international community "
        "to unequivocally reject this attempt by the Assad regime to regain legitimacy.",
        "2021-05-25",
        source="U.S. Department of State (press releases)",
    )
    (urged,) = [side for text, side in sides.items() if "urge" in text]
    assert set(urged) == {"USA", "FRA", "DEU", "ITA", "GBR"}


def _by_summary(title: str | None, body: str, date: str, source: str | None = None) -> dict:
    found = extract(title, body, date=date, source=source).commitments
    return {c.summary: set(c.side) for c in found}


def test_another_subjects_commitment_after_and_is_its_own() -> None:
    # reuters21578-15352.
    found = _by_summary(
        None,
        "In February, Japan and West Germany agreed to take steps to stimulate their "
        "economies and the United States agreed to cut its budget deficit.",
        "1987-04-08",
        "Reuters",
    )
    assert found == {
        "Japan and West Germany agreed to take steps to stimulate their economies": {
            "JPN",
            "BRD",
        },
        "the United States agreed to cut its budget deficit": {"USA"},
    }


def test_a_group_subject_is_not_what_its_first_verb_acted_on() -> None:
    # statedept-2022-04-13-39183076a7 and statedept-2022-05-28-2caa867781.
    found = _by_summary(
        None,
        "Secretary Blinken met Australian Foreign Minister Marise Payne today. They condemned "
        "the horrific atrocities committed by members of Russia’s forces and expressed resolve "
        "to ensure those responsible are held accountable.",
        "2022-04-13",
        STATE,
    )
    resolve = next(side for summary, side in found.items() if "resolve" in summary)
    assert resolve == {"USA", "AUS"}
    found = _by_summary(
        "Joint Statement on the DPRK",
        "The United States, the Republic of Korea (ROK), and Japan strongly condemn recent "
        "Democratic People’s Republic of Korea (DPRK) ballistic missile launches, commit to "
        "strengthen trilateral cooperation towards the complete denuclearization of the Korean "
        "Peninsula and full implementation of relevant United Nations Security Council (UNSC) "
        "resolutions, and underscore continued openness to dialogue.",
        "2022-05-28",
        STATE,
    )
    commit = next(side for summary, side in found.items() if summary.startswith("commit"))
    assert commit == {"USA", "KOR", "JPN"}


def test_a_group_defined_in_parentheses_speaks_as_its_members() -> None:
    # statedept-2021-07-08-5fda8116da: the Troika's statement, its "we" and its name.
    found = extract(
        "Troika Statement South Sudan’s 10 Year Independence Anniversary",
        "The Troika (United States, United Kingdom, and Norway) congratulates the people of "
        "South Sudan on 10 years of independence.\n\nThe Troika urges immediate action to "
        "ensure access for humanitarian aid. We are committed to standing with the South "
        "Sudanese people.",
        date="2021-07-08",
        source=STATE,
    ).commitments
    assert [set(c.side) for c in found] == [{"USA", "GBR", "NOR"}] * 2
    # The members end at the parenthesis: those named after it are not the Troika's.
    groups = defined_groups(
        "The Troika (Norway, the United Kingdom, and the United States), Canada, and "
        "Switzerland call for calm.",
        [(12, 18, "NOR"), (24, 38, "GBR"), (48, 61, "USA"), (64, 70, "CAN"), (76, 87, "CHE")],
    )
    assert [(g.words, g.members) for g in groups] == [(("troika",), ("NOR", "GBR", "USA"))]


def test_the_publishers_official_by_title_and_a_named_counterpart_are_both() -> None:
    # statedept-2022-05-22-452d278cdc.
    found = _by_summary(
        None,
        "Secretary Blinken spoke with French Foreign Minister Catherine Colonna today. The "
        "Secretary and Foreign Minister Colonna agreed on the importance of continued "
        "coordination.",
        "2022-05-22",
        STATE,
    )
    agreed = next(side for summary, side in found.items() if "agreed" in summary)
    assert agreed == {"USA", "FRA"}


def test_an_elided_subject_after_a_reported_clause_is_that_clauses() -> None:
    # reuters21578-8963: Baker promised, not Petricioli who reports it.
    found = _by_summary(
        None,
        "MIAMI, March 24 - Mexican Finance Minister Gustavo Petricioli said U.S. Treasury "
        "Secretary James Baker agreed. Petricioli nevertheless said Baker showed flexibility "
        "and promised to look into alternatives.",
        "1987-03-24",
        "Reuters",
    )
    promised = next(side for summary, side in found.items() if "promised" in summary)
    assert promised == {"USA"}


def test_a_commitment_a_subject_shares_is_all_of_its() -> None:
    # statedept-2021-06-27-0f092f071c.
    found = _by_summary(
        None,
        "The Holy See and the United States share a common commitment to the fight against "
        "human trafficking.",
        "2021-06-27",
        STATE,
    )
    assert list(found.values()) == [{"VAT", "USA"}]


def test_a_joint_statement_of_one_governments_departments_speaks_for_it() -> None:
    """statedept-2021-06-15-6deacbc5af: two U.S. departments' joint statement names no
    country among its issuers; its "we" is the side of the people who release it."""
    body = (
        "The following joint statement was released by Secretary of State Antony J. Blinken"
        " and Secretary Alejandro N. Mayorkas.\n\nBegin Text:\n\nThese new changes will"
        " expand access to the program for children from El Salvador, Guatemala, or"
        " Honduras. We are firmly committed to welcoming people to the United States with"
        " humanity and respect."
    )
    found = extract(
        "Joint Statement by the U.S. Department of State and U.S. Department of Homeland"
        " Security on the Central American Minors Program",
        body,
        source=STATE,
        date="2021-06-15",
    )
    committed = next(c for c in found.commitments if "firmly committed" in c.summary)
    assert committed.side == ("USA",)


def test_a_countrys_delegates_and_negotiators_are_its_side() -> None:
    """reuters21578-17373: "Japanese delegates asked for"; likewise "Soviet and American
    negotiators met", an engagement of the two."""
    asked = extract(
        None,
        "Japanese delegates asked for their voting power to reflect this.",
        source="Reuters",
        date="1987-04-28",
    )
    assert [c.side for c in asked.commitments] == [("JPN",)]
    met = extract(
        None, "Soviet and American negotiators met in Geneva on Monday.", source="Reuters",
        date="1987-04-28",
    )  # fmt: skip
    assert [(e.type, set(e.countries)) for e in met.engagements] == [("meeting", {"SUN", "USA"})]


def test_a_pledge_by_several_is_theirs_and_another_owners_pledge_its_own() -> None:
    # statedept-2022-04-15-9c4f6796e8: two pledges in one sentence, joined by ", and".
    found = extract(
        None,
        "In this regard, we welcomed the pledge by Saudi Arabia and the United Arab Emirates "
        "to each provide $1 billion in economic support for the Central Bank of Yemen, and "
        "Saudi Arabia’s pledge to provide $1 billion for development projects.",
        date="2022-04-15",
        source=STATE,
    ).commitments
    assert [(c.summary.split()[-1], set(c.side)) for c in found] == [
        ("Yemen", {"SAU", "ARE"}),
        ("projects", {"SAU"}),
    ]


def test_two_countries_the_subject_own_our_resolve() -> None:
    # statedept-2022-03-07-7b7b90812c; "our" alone stays the speaker's.
    def side(body: str) -> set[str]:
        (found,) = extract(
            None, f"SECRETARY BLINKEN: {body}", date="2022-03-07", source=STATE
        ).commitments
        return set(found.side)

    assert side(
        "In the face of the current crisis, the United States and Lithuania are united in our "
        "resolve to stand with Ukraine."
    ) == {"USA", "LTU"}
    assert side("We are united in our resolve to stand with Lithuania.") == {"USA"}


def test_the_speakers_own_clause_after_and_is_theirs() -> None:
    # statedept-2022-02-07-2a8e49b550: "... projects that will allow gas to enter Ukraine
    # from Europe and we’re prepared to help": the second clause is the speaker's, and the
    # first does not take it.
    found = extract(
        None,
        "SECRETARY BLINKEN: Projects will allow gas to enter Ukraine from Europe and we’re "
        "prepared to help those efforts through both our diplomacy and technical expertise.",
        date="2022-02-07",
        source=STATE,
    ).commitments
    ours = [c for c in found if c.summary.startswith("we’re prepared")]
    assert [c.side for c in ours] == [("USA",)]
    assert not any("we’re prepared" in c.summary for c in found if c not in ours)


def test_a_nation_named_as_a_people_is_the_subject_that_agrees() -> None:
    # reuters21578-4382: "the Soviets agreed to buy"; an adjective alone is no subject.
    (agreed,) = extract(
        None,
        "WASHINGTON, March 12 - Under the accord, the Soviets agreed to buy at least nine "
        "mln tonnes of U.S. grain.",
        date="1987-03-12",
        source="Reuters",
    ).commitments
    assert agreed.side == ("SUN",)
    found = extract(
        None,
        "Soviet grain imports agreed with the forecast, the U.S. said.",
        date="1987-03-12",
        source="Reuters",
    ).commitments
    assert all("SUN" not in c.side for c in found)


def test_they_of_a_meeting_on_a_forums_margins_are_the_meetings_sides() -> None:
    # statedept-2022-06-08-577b3a8295: the summit is the occasion, the signing the encounter.
    found = extract(
        None,
        "Today, on the margins of the Summit of the Americas, Under Secretary Jose Fernandez "
        "and Colombian Foreign Minister Marta Lucia Ramirez signed a memorandum of "
        "understanding on ocean protection. The participants will work together to protect "
        "the ocean.",
        date="2022-06-08",
        source=STATE,
    )
    assert {e.type for e in found.engagements} == {"signing", "multilateral"}
    (work,) = [c for c in found.commitments if "work together" in c.summary]
    assert set(work.side) == {"USA", "COL"}


def test_we_agreed_after_a_meeting_is_both_sides_of_it() -> None:
    # statedept-2022-02-13-10a4e1aec2: the Korean minister's remarks after meeting Hayashi.
    found = extract(
        None,
        "Remarks by Foreign Minister Chung Eui-yong of the Republic of Korea.\nFOREIGN "
        "MINISTER CHUNG: I met with Foreign Minister Hayashi of Japan this morning. Although "
        "we have differences, we agreed to continue our close diplomatic consultation.",
        date="2022-02-13",
        source=STATE,
    )
    (agreed,) = [c for c in found.commitments if "we agreed" in c.summary]
    assert set(agreed.side) == {"KOR", "JPN"}


def test_a_pledge_by_in_capitals_or_across_lines_is_read() -> None:
    # ungdc-LSO-79-2024 (an all-capitals speech): the cue's "by" in any case and spacing.
    for body in (
        "IT WILL REQUIRE A SHIFT AND COMMITMENT BY THE WORLD’S LEADERSHIP TO ACT.",
        "We welcomed the pledge by\nJapan to provide aid to Ukraine.",
    ):
        extract(None, body, date="2024-09-25", source=STATE)  # no error
    (pledge,) = extract(
        None,
        "We welcomed the pledge by\nJapan to provide aid to Ukraine.",
        date="2022-04-15",
        source=STATE,
    ).commitments
    assert pledge.side == ("JPN",)


def test_a_verb_after_and_has_the_sentences_subject_not_a_listed_country() -> None:
    # statedept-2022-04-13-806553f0c2.
    found = extract(
        None,
        "The Secretary reaffirmed the importance of human rights in our bilateral relationships "
        "with all partners, including Egypt, and encouraged progress on protecting human "
        "rights and fundamental freedoms.",
        date="2022-04-13",
        source=STATE,
    ).commitments
    (encouraged,) = [c for c in found if "encouraged" in c.summary]
    assert encouraged.side == ("USA",)


def test_the_speaker_is_the_subject_of_what_i_and_we_do() -> None:
    # statedept-2021-08-06-ef31104f43: the Secretary's statement, no one else quoted.
    (hope,) = extract(
        None,
        "I congratulate ASEAN on its 54th anniversary and look forward to many more years of "
        "friendship and collaboration with the organization.",
        date="2021-08-06",
        source=STATE,
    ).commitments
    assert hope.side == ("USA",)


def test_officials_met_are_no_subject_of_what_the_visitor_urges() -> None:
    # statedept-2022-02-18-8a6e6b1554: "counterparts" is the object of "meet with".
    found = extract(
        None,
        "Special Presidential Envoy for Climate John Kerry will travel to Cairo, Egypt, to meet "
        "with Egyptian Foreign Minister Sameh Shoukry. Secretary Kerry will also meet with "
        "government counterparts and business representatives to urge continued and "
        "increased climate ambition.",
        date="2022-02-18",
        source=STATE,
    ).commitments
    (urge,) = [c for c in found if "urge" in c.summary]
    assert urge.side == ("USA",)


def test_a_passive_ask_in_a_governments_text_is_the_governments() -> None:
    # statedept-2022-03-09-563c305aef.
    found = extract(
        None,
        "Other interested stakeholders are encouraged to supplement U.S. government-led "
        "initiatives with their own efforts. Other governments are strongly encouraged to "
        "hold their own consultations.",
        date="2022-03-09",
        source=STATE,
    ).commitments
    assert [c.side for c in found] == [("USA",), ("USA",)]
    # Not in a news story, where the government asking is not the publisher.
    found = extract(
        None,
        "Other banks are encouraged to join the plan, officials said.",
        date="1987-03-09",
        source="Reuters",
    ).commitments
    assert all(c.side == () for c in found)


def test_delegation_members_of_a_joint_statement_are_its_signatories() -> None:
    # statedept-2022-05-03-14d6a4707c.
    found = extract(
        "2022 U.S.-Armenia Strategic Dialogue Joint Statement",
        "The text of the following statement was released by the Governments of the United "
        "States of America and the Republic of Armenia on the occasion of the U.S.-Armenia "
        "Strategic Dialogue. During their time in Washington, delegation members signed a "
        "number of documents.",
        date="2022-05-03",
        source=STATE,
    ).commitments
    (signed,) = [c for c in found if "signed" in c.summary]
    assert set(signed.side) == {"USA", "ARM"}


def test_a_relative_clause_after_a_countrys_own_thing_is_that_countrys() -> None:
    # statedept-2021-07-15-fedb30778b.
    (will,) = extract(
        None,
        "Secretary Blinken further welcomed France’s Villa Albertine initiative, which will "
        "establish French cultural centers throughout the United States.",
        date="2021-07-15",
        source=STATE,
    ).commitments
    assert will.side == ("FRA",)


def test_their_calls_for_is_a_noun_not_the_clauses_ask() -> None:
    # statedept-2022-08-02-16cb126485: "their calls for justice" is the Yemenis' ask, a
    # noun inside the United States' own commitment, which it must not displace.
    text = (
        "The United States remains committed to advancing a durable, inclusive peace "
        "agreement in Yemen that alleviates the suffering of Yemenis and addresses their "
        "calls for justice and accountability."
    )
    (found,) = extract(None, text, source=STATE, date="2022-08-02").commitments
    assert found.kind == "intent" and found.side == ("USA",)
    assert found.summary.startswith("The United States remains committed")


def test_the_ministers_of_a_trip_to_a_forum_are_the_forums() -> None:
    # statedept-2022-06-16-ea02a47088: the trip and the forum are reported by one
    # sentence; "the ministers" who issue the communiqué are the forum's, not the trip's
    # host and visitor.
    text = (
        "Acting Assistant Secretary for Global Public Affairs Elizabeth Kennedy Trudeau will "
        "travel to Bonn, Germany, June 17-20 to attend the G7 Media Ministerial with "
        "diplomatic counterparts from each of the G7 countries. During the meeting, the "
        "ministers intend to issue a communiqué pledging increased cooperation to support "
        "independent media."
    )
    (found,) = extract(None, text, source=STATE, date="2022-06-16").commitments
    assert {"CAN", "DEU", "FRA", "GBR", "ITA", "JPN", "USA"} <= set(found.side)


def test_a_pact_one_side_fails_is_a_commitment_of_both_beside_the_others_plan() -> None:
    # reuters21578-11580, -14826, -10355: the clause is the U.S. plan; inside it, the pact.
    body = (
        "WASHINGTON, March 31 - The U.S. Has said it will impose 300 mln dlrs of tariffs on "
        "imports of Japanese electronics goods on April 17, in retaliation for Japan's "
        "alleged failure to stick to a pact not to sell semiconductors on world markets at "
        "below cost."
    )
    found = extract("U.S. TO IMPOSE TARIFFS", body, source="Reuters", date="1987-03-31")
    plan, pact = found.commitments
    assert plan.side == ("USA",) and plan.summary.startswith("The U.S. Has said it will")
    assert pact.kind == "agreement" and set(pact.side) == {"JPN", "USA"}
    assert pact.summary == "a pact not to sell semiconductors on world markets at below cost"
    # Whose failure the sentence does not say: no pact.
    text = "Officials blamed the failure to honour the agreement on the weather."
    assert extract(None, text, source="Reuters", date="1987-03-31").commitments == ()


def test_a_name_before_an_appositive_is_the_subject_not_what_the_appositive_names() -> None:
    # statedept-2021-06-01-c945054ca1
    text = (
        "Costa Rica, a strong democracy of more than five million people with deep ties to "
        "the United States, is important to key U.S. goals in the region and is committed to "
        "continued close cooperation with the United States."
    )
    (found,) = extract(None, text, source=STATE, date="2021-06-01").commitments
    assert found.side == ("CRI",) and found.summary.startswith("Costa Rica, a strong")


def test_the_participants_of_the_meeting_reported_not_of_one_recalled_before() -> None:
    # statedept-2022-02-15-54c3df49d6: the summit of September 2021 is recalled first; the
    # meeting reported, with its list of participants (the one they joined too), later.
    found = extract(
        "The COVID-19 Global Action Meeting",
        "As President Biden has made clear since the September 2021 Global COVID-19 Summit, "
        "vaccinating the world requires concerted global action. Today’s COVID-19 Global "
        "Action Meeting was an important step toward this goal. Participants committed to "
        "lead coordination roles and concrete actions. Participants joining the United "
        "States in the COVID-19 Global Action Meeting included Canada, Japan and the "
        "Republic of Senegal.",
        date="2022-02-15",
        source=STATE,
    )
    summit, meeting = sorted(found.engagements, key=lambda e: e.status)
    assert (summit.status, summit.date) == ("background", "2021-09-22")
    assert (meeting.status, set(meeting.countries)) == ("main", {"USA", "CAN", "JPN", "SEN"})
    (commitment,) = found.commitments
    assert set(commitment.side) == {"USA", "CAN", "JPN", "SEN"}


def test_both_are_the_two_who_met_not_the_forum_they_spoke_of() -> None:
    # statedept-2022-05-22-452d278cdc
    found = extract(
        None,
        "Secretary Blinken spoke with French Foreign Minister Catherine Colonna today. They "
        "touched upon how best to support Finland and Sweden’s bids to join NATO and key "
        "issues ahead of the Madrid summit. Both agreed on the need to respond to the urgent "
        "food security crisis.",
        date="2022-05-22",
        source=STATE,
    )
    (commitment,) = found.commitments
    assert set(commitment.side) == {"USA", "FRA"}


def test_i_after_a_phrase_in_a_governments_op_ed_is_its_own_officials() -> None:
    # statedept-2021-08-05-fe70ad98b2: not the Bruneian envoy named in the next sentence.
    found = _sides(
        "In my meetings this week, I again called for ASEAN to urge the military to end the "
        "violence. I welcomed the selection of Bruneian Second Foreign Minister Erywan as "
        "ASEAN Special Envoy to Myanmar.",
        "2021-08-05",
        source=STATE,
    )
    assert found["I again called for ASEAN to urge the military to end the violence"] == ("USA",)


def test_a_destination_before_a_list_is_not_who_plans() -> None:
    # statedept-2022-04-30-13e1e471da
    sides = _sides(
        "The Secretary provided an update on plans for U.S. diplomats to return to Ukraine, "
        "including initial visits to Lviv this week and plans to return to Kyiv as soon as "
        "possible.",
        "2022-04-30",
        STATE,
    )
    (side,) = [v for k, v in sides.items() if "return to Kyiv" in k]
    assert side == ("USA",)


def test_a_quotations_i_is_whoever_the_dash_under_it_names() -> None:
    # statedept-2021-06-27-ec1ff4e5f2: an epigraph, not the Prime Minister it greets.
    sides = _sides(
        "“ Congratulations, Prime Minister Mario Draghi. I look forward to working closely "
        "with you to deepen our strong bilateral relationship.”\n\n"
        "– President Joseph R. Biden, February 14, 2021\n\n"
        "Secretary Antony J. Blinken will travel to Rome, Italy.",
        "2021-06-27",
        STATE,
    )
    (side,) = [v for k, v in sides.items() if "working closely" in k]
    assert side == ("USA",)


def test_a_statements_we_is_every_country_its_signature_block_names() -> None:
    # statedept-2022-03-08-fa0932078e
    sides = _sides(
        "The text of the following statement was agreed upon by the ministers of sport.\n\n"
        "We call on all international sport federations to endorse these principles.\n\n"
        "Signed by the following ministers or their equivalents:\n\n"
        "Australia\n\nSenator the Hon Richard Colbeck, Minister for Sport\n\n"
        "Czech Republic\n\nPetr Gazdík, Minister for Education, Youth and Sports\n\n"
        "United States of America\n\n"
        "Jennifer Hall Godfrey, Senior Official for Public Diplomacy and Public Affairs",
        "2022-03-08",
        STATE,
    )
    (side,) = [v for k, v in sides.items() if "We call on" in k]
    assert set(side) == {"AUS", "CZE", "USA"}


def test_our_two_countries_are_the_pair() -> None:
    # statedept-2021-06-22-87a3fec374 (not the sides of the last meeting the text told).
    sides = _sides(
        "Germany is one of the closest and strongest allies of the United States in Europe. "
        "Secretary Blinken will meet with German Foreign Minister Heiko Maas in Berlin.\n\n"
        "They will discuss recovery from the pandemic and the challenges posed by China and "
        "Russia.\n\n"
        "The United States and Germany work closely together on trade and security.\n\n"
        "Our two countries are committed to close Transatlantic defense cooperation.",
        "2021-06-22",
        STATE,
    )
    (side,) = [v for k, v in sides.items() if "Our two countries" in k]
    assert set(side) == {"USA", "DEU"}


def test_our_countries_and_organizations_are_not_the_pair() -> None:
    # statedept-2021-07-23-29f3de22aa: a group's statement, not its partner's.
    sides = _sides(
        "The United States and the European Union met with Afghan officials.\n\n"
        "Our countries and organizations are committed to a strong partnership with "
        "Afghanistan.",
        "2021-07-23",
        STATE,
    )
    (side,) = [v for k, v in sides.items() if "Our countries" in k]
    assert "AFG" not in side


def test_our_mutual_commitments_before_any_meeting_are_the_pairs_not_later_historys() -> None:
    # statedept-2022-03-16-7160b465d9: a meeting in Colombia is history told later.
    found = extract(
        "The United States and Costa Rica Announce Collaboration on Migration and Protection",
        "The United States and Costa Rica have announced a joint Migration Arrangement, "
        "outlining our mutual commitments to work collaboratively on migration and "
        "protection issues.\n\n"
        "We welcome the Government of Costa Rica’s leadership in providing protection to "
        "refugees.\n\n"
        "In October 2021, Secretary Blinken met with Colombian President Ivan Duque in "
        "Bogota.",
        date="2022-03-16",
        source=STATE,
    )
    (side,) = [c.side for c in found.commitments if "mutual commitments" in c.summary]
    assert set(side) == {"USA", "CRI"}


def test_the_secretary_and_the_high_representative_are_both_sides() -> None:
    # statedept-2022-02-23-8ce857c1d9
    sides = _sides(
        "Secretary of State Antony J. Blinken spoke today with EU High Representative Josep "
        "Borrell.\n\n"
        "The Secretary and the High Representative agreed that Russia’s flagrant violation "
        "of international law demands a firm response from the international community.",
        "2022-02-23",
        STATE,
    )
    (side,) = [v for k, v in sides.items() if "firm response" in k]
    assert set(side) == {"USA", "org:EU"}


def test_a_commitment_owned_after_and_is_its_owners_alone() -> None:
    # statedept-2022-03-15-d8f801fb5a; but "the U.S. and Belgian commitment" is both's, and
    # "Turkey's readiness and commitment" Turkey's.
    sides = _sides(
        "Secretary Blinken spoke today with Armenian Foreign Minister Ararat Mirzoyan. The "
        "Secretary underscored the continuing importance of the U.S. – Armenia bilateral "
        "partnership and U.S. commitment to promoting a peaceful future for the South "
        "Caucasus. We appreciate Turkey’s readiness and commitment to assist with the "
        "airport.",
        "2022-03-15",
        STATE,
    )
    (ours,) = [v for k, v in sides.items() if "U.S. commitment" in k]
    assert ours == ("USA",)
    (turkeys,) = [v for k, v in sides.items() if "readiness and commitment" in k]
    assert turkeys == ("TUR",)


def test_both_of_two_named_is_those_two_not_the_meeting() -> None:
    # reuters21578-18380: not the Economic Commission for Africa that organised the meeting
    body = (
        "ABUJA, Nigeria, June 15 - Presidents Ibrahim Babangida of Nigeria and Denis Sassou "
        "Nguesso of Congo urged donors to act over the continent's debt at a meeting organised "
        "by the Economic Commission for Africa (ECA). Both Babangida and Sassou Nguesso called "
        "for the debts of Africa's poorest countries to be written off."
    )
    sides = _sides(body, "1987-06-15")
    (side,) = [side for summary, side in sides.items() if summary.startswith("Both")]
    assert set(side) == {"NGA", "COG"}


def test_both_of_one_side_is_that_side() -> None:
    # statedept-2022-03-26-71c46cbb4d: not Ukraine, whose needs the pledge meets
    body = (
        "Secretary Blinken and Secretary Austin met with Ukrainian Foreign Minister Kuleba "
        "today. Both Secretary Blinken and Secretary Austin pledged continued support to meet "
        "Ukraine’s humanitarian, security, and economic needs."
    )
    sides = _sides(body, "2022-03-26", "U.S. Department of State (press releases)")
    (side,) = [side for summary, side in sides.items() if "pledged" in summary]
    assert side == ("USA",)


def test_a_capital_an_accord_is_signed_with_is_its_government() -> None:
    # reuters21578-5183: the wire calls Taiwan's government by its seat
    found = extract(
        None,
        "TAIPEI, March 16 - Washington signed a three-year accord with Taipei last year "
        "limiting textile export growth to 0.5 pct a year.",
        date="1987-03-16",
        source="Reuters",
    ).commitments
    assert [c.side for c in found] == [("USA", "TWN")]
    # A capital the accord is signed in is a place, not a party.
    found = extract(
        None,
        "LONDON, March 16 - Japan signed an accord in Washington last year limiting textile "
        "export growth to 0.5 pct a year.",
        date="1987-03-16",
        source="Reuters",
    ).commitments
    assert [c.side for c in found] == [("JPN",)]


def test_a_fixed_forum_whose_members_all_met_is_they() -> None:
    # statedept-2022-04-06-5184a55a32: the E3 are France, Germany and the United Kingdom
    found = extract(
        "Secretary Blinken’s Meeting with French, German, Italian, and UK Counterparts",
        "Secretary of State Antony J. Blinken met with French Foreign Minister Jean-Yves Le "
        "Drian, German Foreign Minister Annalena Baerbock, Italian Foreign Minister Luigi Di "
        "Maio, and UK Foreign Secretary Elizabeth Truss today in Brussels.\n\nPrior to this "
        "meeting, Secretary Blinken met with his E3 counterparts to discuss Iran.\n\nThey "
        "agreed that a diplomatic solution entailing a mutual return to full implementation "
        "of the JCPOA is the best outcome.",
        date="2022-04-06",
        source=STATE,
    ).commitments
    assert [set(c.side) for c in found] == [{"USA", "DEU", "FRA", "GBR"}]


def test_a_possessive_right_before_the_noun_owns_the_commitment() -> None:
    # statedept-2022-03-03-c94708aaca, statedept-2021-08-06-e809d96834: thanked for it
    found = extract(
        None,
        "Secretary Blinken thanked Foreign Minister Korcok for Slovakia’s unwavering commitment "
        "to provide protection for the hundreds of thousands fleeing Putin’s war.",
        date="2022-03-03",
        source=STATE,
    ).commitments
    assert [c.side for c in found] == [("SVK",)]
    # Not a possessive of another noun phrase: "Russia’s war and pledged to work".
    found = extract(
        None,
        "Secretary Blinken met with the foreign ministers of France, Germany, Italy and the "
        "United Kingdom. All expressed concern over food security due to Russia’s war and "
        "pledged to work together to find solutions.",
        date="2022-04-21",
        source=STATE,
    ).commitments
    assert found and "RUS" not in found[-1].side


def test_the_side_a_deals_goods_or_money_come_from_is_a_party() -> None:
    # reuters21578-16366, reuters21578-18529
    for body, side in (
        (
            "KUWAIT, April 13 - Kuwait has agreed to charter tankers from the Soviet Union in "
            "a move to protect its oil exports.",
            ("KWT", "SUN"),
        ),
        (
            "BELGRADE, June 18 - Yugoslavia has signed up for a 550 mln ECU loan from the "
            "European Community (EC), officials said.",
            ("YUG", "org:EU"),
        ),
    ):
        found = extract(None, body, date="1987-04-13", source="Reuters").commitments
        assert [c.side for c in found] == [side]


def test_the_two_are_the_two_countries_not_an_organisation_beside_them() -> None:
    # statedept-2021-07-26-b72777694f: a dialogue's "two delegations" and "both sides"
    body = (
        "Iraqi Foreign Minister Fuad Hussein and Secretary of State Antony J. Blinken met in "
        "Baghdad with UN Special Representative Jeanine Hennis-Plasschaert. The two ministers "
        "confirmed their commitment to free and fair elections. Both sides intend to expand "
        "cooperation on energy."
    )
    found = extract(None, body, date="2021-07-26", source=STATE).commitments
    assert [set(c.side) for c in found] == [{"USA", "IRQ"}, {"USA", "IRQ"}]
    # "They", of the same meeting, are all three.
    body = body.replace("The two ministers", "They")
    found = extract(None, body, date="2021-07-26", source=STATE).commitments
    assert set(found[0].side) == {"USA", "IRQ", "org:UN"}


def test_their_after_a_subject_of_one_side_is_that_sides() -> None:
    # statedept-2022-07-01-a904acecc9
    body = (
        "On June 29 and 30, Special Representative for Afghanistan Thomas West led a delegation "
        "to continue discussions with senior Taliban representatives in Doha, Qatar. The "
        "Taliban reiterated their pledge to not allow the territory of Afghanistan to be used "
        "by anyone to threaten any country. The two sides reaffirmed their commitment to "
        "further talks."
    )
    found = extract(None, body, date="2022-07-01", source=STATE).commitments
    assert [set(c.side) for c in found] == [{"AFG"}, {"USA", "AFG"}]
    # Two who met, one named by title alone: both (statedept-2022-03-14-187e284ed1).
    body = (
        "Secretary of State Antony J. Blinken met today with Ivoirian Prime Minister Patrick "
        "Achi in Washington, D.C. The Secretary and Prime Minister reaffirmed their commitment "
        "to stop the spread of violent extremism in West Africa."
    )
    found = extract(None, body, date="2022-03-14", source=STATE).commitments
    assert [set(c.side) for c in found] == [{"USA", "CIV"}]


def test_a_relative_clause_on_a_countrys_thing_is_that_countrys() -> None:
    # reuters21578-16932: the U.S. measures impose the tariffs, not the Japanese speaker.
    sides = _sides(
        "TOKYO, April 18 - Japan does not plan to retaliate, the minister of international "
        "trade and industry, Hajime Tamura, said. Tamura said there was deep regret over the "
        "U.S. Measures, which will impose 100 pct tariffs on Japanese imports.",
        "1987-04-18",
    )
    assert sides["which will impose 100 pct tariffs on Japanese imports"] == ("USA",)
    assert sides["Japan does not plan to retaliate"] == ("JPN",)


def test_a_body_referred_back_to_by_its_noun() -> None:
    # statedept-2021-06-28-602d1561dc, reuters21578-18609
    sides = _sides(
        "The Ministers of the Global Coalition to Defeat Daesh/ISIS met in Rome today. The "
        "Coalition continues to support inclusive local recovery. The Coalition is committed "
        "to working with affected countries.",
        "2021-06-28",
        source="U.S. Department of State",
    )
    assert sides["The Coalition continues to support inclusive local recovery"] == (
        "org:Global Coalition to Defeat ISIS",
    )
    assert sides["The Coalition is committed to working with affected countries"] == (
        "org:Global Coalition to Defeat ISIS",
    )
    sides = _sides(
        "WASHINGTON, June 1 - The World Bank reviewed Indonesia's farm policy. The Bank called "
        "for overhauls in how Indonesia manages its farm area.",
        "1987-06-01",
    )
    assert next(iter(sides.values())) == ("org:World Bank",)


def test_a_pair_related_before_the_subject_is_not_part_of_it() -> None:
    # statedept-2021-07-29-dd07881b47: "between the United States and Spain," is what the
    # phrase before the subject relates; the Secretary and the Foreign Minister commit.
    body = (
        "Secretary of State Antony J. Blinken spoke today with Spanish Foreign Minister José "
        "Manuel Albares. Recognizing the strong ties between the United States and Spain, the "
        "Secretary and the Foreign Minister committed to further developing the Transatlantic "
        "relationship."
    )
    (found,) = extract(None, body, date="2021-07-29", source=STATE).commitments
    assert set(found.side) == {"USA", "ESP"}


def test_our_shared_commitment_is_the_two_subjects() -> None:
    # statedept-2022-04-26-1a4e4a256a: "our shared and unwavering commitment to Ukraine" of
    # the Secretary and the Polish minister, not the publisher's alone (nor Ukraine's).
    body = (
        "Secretary of State Antony J. Blinken spoke yesterday with Polish Foreign Minister "
        "Zbigniew Rau. Secretary Blinken and Foreign Minister Rau discussed the Secretary’s "
        "meetings in Kyiv and our shared and unwavering commitment to Ukraine and the people "
        "of Ukraine in their struggle against Russia’s aggression."
    )
    (found,) = extract(None, body, date="2022-04-26", source=STATE).commitments
    assert set(found.side) == {"USA", "POL"}


def test_two_people_owning_a_commitment_are_both_its_sides() -> None:
    # statedept-2021-07-31-1f5e62781e (and no American prime minister: Trudeau is not
    # Biden's compatriot for being listed after him)
    body = (
        "The United States and Canada hosted the third U.S.-Canada Critical Minerals Working "
        "Group meeting on July 28. The working group discussed implementation of President Biden and Prime Minister "
        "Trudeau’s commitment to strengthen cooperation on critical minerals supply chains."
    )
    (found,) = extract(None, body, date="2021-07-31", source=STATE).commitments
    assert set(found.side) == {"USA", "CAN"}


def test_a_commitment_a_country_owns_is_its_own_not_the_welcomers() -> None:
    # statedept-2022-03-17-b265100bff, statedept-2022-04-12-76c120d700
    body = "The United States welcomed Croatia’s commitment to fully empower a Holocaust envoy."
    (found,) = extract(None, body, date="2022-03-17", source=STATE).commitments
    assert found.side == ("HRV",)
    # A list owning it is all of the list.
    body = (
        "Last week, the President and German Chancellor Angela Merkel affirmed in the July "
        "15th Washington Declaration the United States’ and Germany’s commitment to close "
        "bilateral cooperation."
    )
    (found,) = extract(None, body, date="2021-07-21", source=STATE).commitments
    assert set(found.side) == {"USA", "DEU"}


def test_a_pledge_by_a_capital_is_its_governments() -> None:
    # reuters21578-5176, reuters21578-5290: "given commitments by Washington" is a clause
    # of its own, by the government a wire calls by its seat.
    body = (
        "WASHINGTON, March 9 - On February 22, the United States, Japan, West Germany, "
        "France, Britain and Canada agreed that major currencies were within ranges broadly "
        "reflecting underlying economic conditions, given commitments by Washington to cut "
        "its budget deficit."
    )
    found = extract(None, body, date="1987-03-09", source="Reuters").commitments
    assert [c.side for c in found][1:] == [("USA",)]
    assert found[1].summary.startswith("given commitments by Washington")


def test_the_six_are_the_six_named_before() -> None:
    # reuters21578-5290, reuters21578-17368: a number alone as the subject ("the six would
    # cooperate") is the last list of that many countries, ahead of an accord's parties.
    body = (
        "WASHINGTON, March 16 - On February 22, the United States, Japan, West Germany, "
        "France, Britain and Canada agreed that major currencies were within ranges. The "
        "Paris accord stated the six would cooperate closely to foster currency stability "
        "around current levels."
    )
    found = extract(None, body, date="1987-03-16", source="Reuters").commitments
    assert found[1].side == ("USA", "JPN", "BRD", "FRA", "GBR", "CAN")


def test_agreed_at_a_meeting_the_subject_held_is_the_meetings_parties() -> None:
    # reuters21578-15352: "U.S. officials meeting with other major industrialized nations
    # in Paris agreed": the parties of the Paris meeting, not France for its capital.
    body = (
        "WASHINGTON, April 9 - In February the United States, Japan, West Germany, France, "
        "Britain and Canada met in Paris. In addition, in February, U.S. officials meeting "
        "with other major industrialized nations in Paris agreed that the value of the "
        "dollar had dropped enough."
    )
    (found,) = extract(None, body, date="1987-04-09", source="Reuters").commitments
    assert set(found.side) == {"USA", "JPN", "BRD", "FRA", "GBR", "CAN"}


def test_what_one_was_told_is_the_tellers_side_not_the_told() -> None:
    # reuters21578-3064: the Japanese bank's intent, told to Brazil; a news agency told is
    # only the source ("Howard told Reuters he would try" keeps its speaker in the summary).
    body = (
        "TOKYO, March 9 - Export-Import Bank of Japan president Takashi Tanaka told Brazil the "
        "bank will continue to cooperate with it, Ex-Im officials said."
    )
    (found,) = extract(None, body, date="1987-03-09", source="Reuters").commitments
    assert found.side == ("JPN",)
    body = (
        "LONDON, April 1 - British trade minister Alan Clark told Reuters he would try to "
        "promote understanding on trade."
    )
    (found,) = extract(None, body, date="1987-04-01", source="Reuters").commitments
    assert found.summary.startswith("British trade minister Alan Clark told Reuters")


def test_a_relative_clause_after_the_subjects_own_encounter_is_the_subjects() -> None:
    # statedept-2022-02-04-fa438fb517 (dev54): "his recent engagement with Russian
    # counterparts, which affirmed readiness to address mutual security concerns": the
    # Secretary's readiness, not Russia's.
    body = (
        "Secretary of State Antony J. Blinken spoke today by phone with Ukrainian Foreign "
        "Minister Dmytro Kuleba. The Secretary shared with the Foreign Minister his recent "
        "engagement with Russian counterparts, which affirmed readiness to address mutual "
        "security concerns."
    )
    (found,) = extract(None, body, date="2022-02-04", source=STATE).commitments
    assert found.side == ("USA",)


def test_a_mechanism_of_two_named_before_which_is_both_of_theirs() -> None:
    # statedept-2022-03-05-c7db8e553a: "the U.S. – Turkey Strategic Mechanism, which will
    # deepen and expand the already robust cooperation between our two countries".
    body = (
        "The Deputy Secretary also underscored the importance of the U.S. – Turkey Strategic "
        "Mechanism, which will deepen and expand the already robust cooperation between our "
        "two countries."
    )
    (found,) = extract(None, body, date="2022-03-05", source=STATE).commitments
    assert set(found.side) == {"USA", "TUR"}


def test_who_thanks_is_the_subject_of_the_verb_after_and() -> None:
    # statedept-2022-08-02-cac08c9064 (dev53): "The United States thanks Cambodia for its
    # leadership of ASEAN ... and looks forward to finding ways": the thanker's, alone.
    body = (
        "The United States thanks Cambodia for its leadership of ASEAN during a challenging "
        "year and looks forward to finding ways to improve relations between our two countries."
    )
    (found,) = extract(None, body, date="2022-08-02", source=STATE).commitments
    assert found.side == ("USA",)


def test_an_organisations_possessive_owns_the_commitment() -> None:
    # statedept-2022-03-04-b3d22560d9: "thanked President Michel for the EU’s commitment to
    # supply": the EU's; a forum's, its members' ("the Quad’s commitment").
    body = (
        "Secretary Blinken thanked President Michel for the EU’s commitment to supply "
        "much-needed humanitarian aid to Ukraine."
    )
    (found,) = extract(None, body, date="2022-03-04", source=STATE).commitments
    assert found.side == ("org:EU",)
    body = "Together, we reaffirm the Quad’s commitment to supporting Indo-Pacific countries."
    (found,) = extract(None, body, date="2022-02-11", source=STATE).commitments
    assert set(found.side) == {"AUS", "IND", "JPN", "USA"}


def test_a_list_of_countries_with_the_inside_is_one_subject() -> None:
    # statedept-2022-07-25-0287b31043, statedept-2022-08-01-1829856132
    found = extract(
        None,
        "Today, the United States, Costa Rica, the Dominican Republic, and Panama signed a "
        "memorandum of understanding on supply chains. France, the United Kingdom, and the "
        "United States remain firmly committed to the objectives of the plan.",
        source=STATE,
        date="2022-07-25",
    )
    signed, committed = found.commitments
    assert set(signed.side) == {"USA", "CRI", "DOM", "PAN"}
    assert set(committed.side) == {"FRA", "GBR", "USA"}


@pytest.mark.parametrize(
    ("body", "side"),
    [
        # statedept-2021-06-01-c945054ca1: an appositive that names a country is still one
        (
            "Costa Rica, a strong democracy of more than five million people with deep ties "
            "to the United States, is committed to regional security.",
            ("CRI",),
        ),
        # statedept-2021-08-04-d6ed054be9: the Secretary's op-ed, "I" before the cue's verb
        (
            "I called on the Burmese military junta to immediately end the violence and "
            "release all those unjustly detained.",
            ("USA",),
        ),
    ],
)
def test_the_subject_before_the_cue_is_the_side(body: str, side: tuple[str, ...]) -> None:
    found = extract(None, body, source=STATE, date="2021-08-04")
    assert [c.side for c in found.commitments] == [side]


def test_a_journalists_i_in_a_briefing_is_not_the_publishers() -> None:
    # statedept-2022-02-08-45471367b3: the "I" of a transcript's turn is its speaker's
    found = extract(
        "Department Press Briefing",
        "MR PRICE: Good afternoon. We have a few things at the top.\n\n"
        "QUESTION: Thank you. I asked for any shred of evidence that the attack was staged.\n\n"
        "MR PRICE: We have provided that evidence.",
        source=STATE,
        date="2022-02-08",
    )
    assert not [c for c in found.commitments if c.summary.startswith("I asked")]


@pytest.mark.parametrize(
    ("body", "source", "summary", "side"),
    [
        # statedept-2022-03-22-7ae1fa3401: the department's second verb
        (
            "The State Department funds several Ecuadorian Coast Guard capacity-building "
            "initiatives and equipment repairs and plans to provide sensors and communication "
            "equipment to the Ecuadorian Navy.",
            STATE,
            "plans to provide",
            ("USA",),
        ),
        # statedept-2022-02-14-c71f4bd5d1: in a government's own text, its embassy
        (
            "The Embassy will remain engaged with the Ukrainian government.",
            STATE,
            "The Embassy will",
            ("USA",),
        ),
        # reuters21578-15154
        (
            "Congressional Democrats have pledged to enact aggressive trade laws.",
            "Reuters",
            "Congressional Democrats",
            ("USA",),
        ),
        # reuters21578-3938
        (
            "The Commerce Department said it intends to approve export licenses for two firms.",
            "Reuters",
            "The Commerce Department",
            ("USA",),
        ),
    ],
)
def test_an_institution_of_one_country_as_the_subject(
    body: str, source: str, summary: str, side: tuple[str, ...]
) -> None:
    found = extract(None, body, source=source, date="2022-03-22").commitments
    assert [c.side for c in found if c.summary.startswith(summary)] == [side]


def test_an_institution_the_subject_only_speaks_to_is_not_its_side() -> None:
    # reuters21578-7494: the investor group plans, not the Commission it told
    found = extract(
        None,
        "An investor group told the Securities and Exchange Commission it plans to cut its "
        "stake in the company.",
        source="Reuters",
        date="1987-03-20",
    ).commitments
    assert [c.side for c in found] in ([], [()])


# statedept-2022-02-11-364a235904: the Quad foreign ministers' joint statement.
_QUAD = (
    "The following is the joint statement released by the Secretary of State of the United "
    "States and the Foreign Ministers of the Governments of Australia, India, and Japan.\n\n"
    "Begin Text .\n\n"
    "We, the Foreign Ministers of Australia, India and Japan and the Secretary of State of "
    "the United States met in Melbourne, Australia on 11 February 2022, for the fourth Quad "
    "Foreign Ministers’ Meeting. We will continue to support Cambodia in its important role "
    "as 2022 ASEAN Chair."
)


def test_a_joint_statements_signatories_named_by_long_titles_between_them() -> None:
    found = extract("Joint Statement on Quad Cooperation", _QUAD, source=STATE, date="2022-02-11")
    support = next(c for c in found.commitments if "Cambodia" in c.summary)
    assert set(support.side) == {"USA", "AUS", "IND", "JPN"}


def test_the_three_officials_of_a_trilateral_call_agree_as_its_three_sides() -> None:
    # statedept-2022-03-14-39d8039408
    found = extract(
        "Special Representative Kim’s Trilateral Call with ROK Special Representative Noh",
        "In a March 14 trilateral call, U.S. Special Representative for the DPRK Sung Kim, "
        "Japanese Ministry of Foreign Affairs Director General for Asian and Oceanian Affairs "
        "Bureau Funakoshi Takehiro, and ROK Special Representative for Korean Peninsula Peace "
        "and Security Affairs Noh Kyu-duk discussed the launches. The three officials agreed to continue their close "
        "coordination.",
        source=STATE,
        date="2022-03-14",
    )
    (agreed,) = [c for c in found.commitments if "agreed" in c.summary]
    assert set(agreed.side) == {"USA", "JPN", "KOR"}


@pytest.mark.parametrize(
    ("body", "source"),
    [
        # statedept-2022-07-12-122f6ff4fd
        (
            "The Biden-Harris Administration remains resolutely committed to advancing and "
            "protecting sexual and reproductive health and rights.",
            STATE,
        ),
        # reuters21578-19285
        (
            "The Reagan administration is planning to put Kuwait tankers under the protection "
            "of the U.S. flag, with naval escorts.",
            "Reuters",
        ),
    ],
)
def test_a_us_presidents_administration_as_the_subject(body: str, source: str) -> None:
    (found,) = extract(None, body, source=source, date="2022-07-12").commitments
    assert found.side == ("USA",)


@pytest.mark.parametrize(
    "body",
    [
        # reuters21578-3594
        "Fellow OPEC member Venezuela has already agreed to lend Ecuador five mln barrels "
        "of crude, to be repaid in kind after 180 days.",
        "NATO ally Venezuela has agreed to lend Ecuador five mln barrels of crude.",
    ],
)
def test_an_organisations_member_named_after_it_commits_alone(body: str) -> None:
    (found,) = extract(None, body, source="Reuters", date="1987-03-11").commitments
    assert found.side == ("VEN",)


def test_an_organisations_member_states_are_still_the_organisation() -> None:
    body = "All G-20 member States pledged to keep global warming to within 1.5 degrees."
    (found,) = extract(None, body, source=None, date="2022-09-20").commitments
    assert found.side == ("org:G20",)


@pytest.mark.parametrize(
    ("body", "side"),
    [
        # reuters21578-5801
        (
            "SEOUL, March 17 - The letter was in reply to a recent North Korean call for "
            "high-level political and military talks.",
            ("PRK",),
        ),
        # reuters21578-562
        (
            "LONDON, March 2 - Producer delegates were meeting to examine a Colombian proposal "
            "to resume historical quotas from April 1.",
            ("COL",),
        ),
        (
            "SEOUL, March 17 - South Korea welcomed the North Korean pledge to resume talks.",
            ("PRK",),
        ),
    ],
)
def test_a_peoples_word_before_the_cue_is_its_governments(body: str, side: tuple) -> None:
    (found,) = extract("TALKS", body, source="Reuters", date="1987-03-17").commitments
    assert found.side == side


def test_a_list_of_countries_before_a_comma_and_the_verb_is_the_subject() -> None:
    # reuters21578-7628: the subject, cut from its verb by a comma, is the whole list
    body = (
        "LONDON, April 6 - At a meeting in Paris last month, Britain, Canada, France, Japan, "
        "the United States and West Germany, agreed to cooperate to hold currencies at "
        "around current levels."
    )
    (found,) = extract("CURRENCIES", body, source="Reuters", date="1987-04-06").commitments
    assert set(found.side) == {"GBR", "CAN", "FRA", "JPN", "USA", "BRD"}


@pytest.mark.parametrize(
    ("body", "side"),
    [
        # reuters21578-7937: a loan signed with an organisation
        (
            "NEW YORK, March 20 - Mexican Finance Minister Gustavo Petricioli said he had "
            "signed yesterday a 250 mln dlr loan with the World Bank to support exports.",
            {"MEX", "org:World Bank"},
        ),
        # ungdc-SUR-71-2016
        (
            "The Government of Suriname signed a stand-by arrangement with the International "
            "Monetary Fund early in 2016.",
            {"SUR", "org:IMF"},
        ),
        # reuters21578-10525: signed on a day, with whom after it
        (
            "LAGOS, March 27 - Nigeria's agreement signed on Tuesday with Britain's Export "
            "Credits Guarantee Department was the first in its tour of creditors.",
            {"NGA", "GBR"},
        ),
    ],
)
def test_a_deal_signed_with_an_organisation_or_on_a_day_is_both_sides(body: str, side: set) -> None:
    (found,) = extract("DEBT", body, source="Reuters", date="1987-03-27").commitments
    assert set(found.side) == side


def test_the_eus_diplomatic_service_signs_for_the_eu() -> None:
    # statedept-2021-06-21-a19a70d24a
    body = (
        "The text of the following statement was released by the Governments of the United "
        "States of America, Canada and the United Kingdom, and the European External Action "
        "Service.\n\nBegin Text:\n\nWe are committed to support the long-suppressed "
        "democratic aspirations of the people of Belarus."
    )
    (found,) = extract(
        "Joint Statement on Belarus", body, source=STATE, date="2021-06-21"
    ).commitments
    assert set(found.side) == {"USA", "CAN", "GBR", "org:EU"}


def test_a_defined_group_with_others_beside_it_is_all_of_them() -> None:
    # statedept-2022-07-13-6de4aabc64
    body = (
        "The members of the Troika (Norway, the United Kingdom and the United States) and the "
        "European Union extend our warm wishes to the Sudanese people.\n\nWe encourage all "
        "political actors to engage swiftly in an inclusive dialogue.\n\nThe Troika and the "
        "European Union look forward to supporting a transitional civilian government."
    )
    found = extract(
        "Joint Statement on Sudan on the Occasion of Eid al-Adha",
        body,
        source=STATE,
        date="2022-07-13",
    ).commitments
    assert [set(c.side) for c in found] == [{"NOR", "GBR", "USA", "org:EU"}] * 2


def test_we_just_agreed_after_a_meeting_is_both_sides() -> None:
    # statedept-2022-03-08-b84b172044: a foreign minister's "we just agreed", after they met
    body = (
        "FOREIGN MINISTER LIIMETS: Dear Secretary Blinken, it’s really an honor for me to "
        "welcome you today in Tallinn. We met with Secretary of State Antony J. Blinken this "
        "morning. I think that we just agreed that we have very strong bilateral ties."
    )
    title = "Secretary Antony J. Blinken And Estonian Foreign Minister Eva-Maria Liimets After Their Meeting"
    (found,) = [
        c
        for c in extract(title, body, source=STATE, date="2022-03-08").commitments
        if "agreed" in c.summary
    ]
    assert set(found.side) == {"EST", "USA"}


@pytest.mark.parametrize(
    ("body", "side"),
    [
        # reuters21578-180
        (
            "WASHINGTON, March 2 - Officials said there was no hint that the Soviets would live "
            "up to their pledge to buy four mln tonnes of wheat this year.",
            ("SUN",),
        ),
        # reuters21578-12143
        (
            "TOKYO, April 3 - The United States says the Japanese have not lived up to their "
            "pledge to stop dumping semiconductors in third country markets.",
            ("JPN",),
        ),
    ],
)
def test_their_pledge_lived_up_to_is_the_ones_who_live_up_to_it(body: str, side: tuple) -> None:
    (found,) = extract("TRADE", body, source="Reuters", date="1987-03-02").commitments
    assert found.side == side


def test_a_list_between_dashes_ending_in_a_capitalised_and_is_the_whole_subject() -> None:
    # reuters21578-13270: the wire's "the U.S. And West Germany" still ends the list
    body = (
        "TOKYO, April 6 - Officials were unavailable for comment. In Paris on February 22, "
        "six nations - Britain, Canada, France, Japan, the U.S. And West Germany - pledged "
        "to cooperate to hold their currencies stable."
    )
    (found,) = extract("CURRENCIES", body, source="Reuters", date="1987-04-05").commitments
    assert set(found.side) == {"GBR", "CAN", "FRA", "JPN", "USA", "BRD"}


def test_a_communique_issued_by_several_governments_speaks_for_all_of_them() -> None:
    # statedept-2021-07-23-29f3de22aa: no "joint statement" in its words, but it is one
    body = (
        "The following is the text of a communiqué issued by the United States of America, "
        "the European Union, France, Germany, Italy, NATO, Norway, and the United Kingdom.\n\n"
        "Begin text.\n\nThe Special Representatives met in Rome on 22 July 2021 to discuss "
        "the situation in Afghanistan.\n\nWe call on the Taliban to end their military "
        "offensive."
    )
    found = extract("U.S.-Europe Communiqué on Afghanistan", body, source=STATE, date="2021-07-23")
    (call,) = [c for c in found.commitments if "Taliban" in c.summary]
    assert set(call.side) == {"USA", "org:EU", "FRA", "DEU", "ITA", "org:NATO", "NOR", "GBR"}


def test_a_statement_one_office_issues_is_not_joint() -> None:
    # a guard: one issuer, its "we" is the publisher's, not every country named near it
    body = (
        "The following statement was issued by the Office of the Spokesperson after the "
        "meeting with Canada and Mexico.\n\nWe call on Russia to withdraw its forces."
    )
    found = extract("Statement on Ukraine", body, source=STATE, date="2022-03-01")
    (call,) = found.commitments
    assert call.side == ("USA",)


def test_an_agreement_by_a_list_of_countries_speaks_for_all_of_them() -> None:
    # reuters21578-13657: not the article's two main countries alone
    body = (
        "WASHINGTON, April 6 - Baker will press Japan and West Germany to boost demand. The "
        "Paris Agreement, by the United States, Japan, West Germany, France, Britain and "
        "Canada, called for currencies to be stabilized around current levels."
    )
    found = extract("CURRENCIES", body, source="Reuters", date="1987-04-06").commitments
    (called,) = [c for c in found if "currencies" in c.summary]
    assert set(called.side) == {"USA", "JPN", "BRD", "FRA", "GBR", "CAN"}


@pytest.mark.parametrize(
    ("subject", "side"),
    [
        # reuters21578-10780: the nations of the Louvre meeting the article told of
        ("leading industrial nations", {"CAN", "BRD", "FRA", "GBR", "JPN", "USA", "org:G6"}),
        # a guard: counted, they are the seven the words name
        ("the seven major industrial nations", {"CAN", "BRD", "FRA", "GBR", "ITA", "JPN", "USA"}),
    ],
)
def test_major_nations_are_those_of_the_meeting_told(subject: str, side: set) -> None:
    body = (
        "WASHINGTON, March 25 - The shift comes two weeks before industrial nations reconvene "
        "to review the Paris agreement reached on February 22 at the Louvre. In Paris, "
        f"{subject} agreed to cooperate closely to foster currency stability."
    )
    found = extract("DOLLAR", body, source="Reuters", date="1987-03-25").commitments
    (agreed,) = [c for c in found if "cooperate closely" in c.summary]
    assert set(agreed.side) == side


@pytest.mark.parametrize(
    ("body", "side"),
    [
        # reuters21578-20649
        (
            "MADRID, June 1 - The imports come as a result of the accord by which the EC has "
            "promised the United States it will import two mln tonnes of maize into Spain.",
            ("org:EU",),
        ),
        # reuters21578-5165
        (
            "NAIROBI, March 18 - The International Monetary Fund has assured Kenyan President "
            "Daniel Arap Moi it will continue to give his country maximum support.",
            ("org:IMF",),
        ),
    ],
)
def test_who_promised_another_is_the_one_who_will(body: str, side: tuple) -> None:
    (found,) = extract("TRADE", body, source="Reuters", date="1987-06-01").commitments
    assert found.side == side


# reuters21578-14674: "the trade representative" is the one named before with that title.
def test_a_title_alone_as_subject_is_the_official_named_before_with_it() -> None:
    body = (
        "WASHINGTON, April 8 - U.S. Trade Representative Clayton Yeutter said Japan must open "
        "its markets. The trade representative called for a long-term approach to "
        "international trade."
    )
    found = extract("TRADE", body, source="Reuters", date="1987-04-08").commitments
    (called,) = [c for c in found if "long-term approach" in c.summary]
    assert called.side == ("USA",)


# statedept-2022-05-26-8f1f6643bd: the Working Group the statement is about is its two sides.
def test_this_working_group_is_the_sides_of_the_working_group_the_article_names() -> None:
    body = (
        "The first meeting of the U.S.-Spain Working Group on Central America took place "
        "yesterday, May 25, in Madrid, Spain.\n\nThe creation of this working group is a clear "
        "demonstration of the willingness of Spain and the United States to collaborate. This "
        "working group will continue to meet regularly to further the strong partnership "
        "between Spain and the United States."
    )
    found = extract("Joint Statement", body, source=STATE, date="2022-05-26").commitments
    (meets,) = [c for c in found if "meet regularly" in c.summary]
    assert set(meets.side) == {"USA", "ESP"}


def test_a_working_group_no_one_named_is_not_a_side() -> None:
    body = (
        "QUESTION: The administration has these working groups on travel. Can you give us a "
        "timetable?\n\nMR PRICE: Secretary Blinken met with Russian Foreign Minister Lavrov in "
        "Geneva. And so the working group will take a close look at all of the factors."
    )
    found = extract("Briefing", body, source=STATE, date="2021-06-21").commitments
    assert not any(set(c.side) == {"USA", "RUS"} for c in found if "close look" in c.summary)


# statedept-2022-02-17-2944a1a303: a comma-set-off "in July," does not start a new subject.
def test_words_after_of_complete_a_noun_and_the_verb_after_and_is_the_sentences() -> None:
    body = (
        "Secretary of State Antony J. Blinken met yesterday with Estonian Foreign Minister "
        "Eva-Maria Liimets. They also noted the upcoming 100-year anniversary, in July, of "
        "U.S.-Estonia diplomatic relations and expressed readiness to deepen our cooperation "
        "further in the next 100 years of our partnership."
    )
    found = extract("Meeting", body, source=STATE, date="2022-02-17").commitments
    (ready,) = [c for c in found if "readiness" in c.summary]
    assert set(ready.side) == {"USA", "EST"}
    assert ready.summary.startswith("expressed readiness")


# reuters21578-5458: "the country's commitment" is its speaker's country's.
def test_the_countrys_commitment_is_the_speakers_country() -> None:
    body = (
        "BRASILIA, March 11 - Finance Minister Dilson Funaro said that during his recent trip "
        "to the U.S., Europe and Japan to explain Brazil's decision to suspend interest "
        "payments, he stressed the country's commitment to growth."
    )
    found = extract("BRAZIL", body, source="Reuters", date="1987-03-11").commitments
    (growth,) = [c for c in found if "growth" in c.summary]
    assert growth.side == ("BRA",)


# statedept-2022-03-07-60676abb5c: the verb after "and" shares the perfect's subject.
def test_the_verb_after_a_perfect_and_and_has_the_perfects_subject() -> None:
    body = (
        "Deputy Secretary of State Wendy Sherman met today with Spanish State Secretary "
        "for Foreign and Global Affairs Angeles Moreno Bau in Madrid. Deputy Secretary Sherman "
        "and State Secretary Moreno Bau discussed the sweeping, coordinated economic sanctions "
        "and export controls the United States and EU have imposed and will continue to impose "
        "in response, as well as measures to provide defensive military assistance."
    )
    found = extract("Meeting", body, source=STATE, date="2022-03-07").commitments
    (impose,) = [c for c in found if "continue to impose" in c.summary]
    assert set(impose.side) == {"USA", "org:EU"}


# reuters21578-17198, reuters21578-17396: who "said" reports; the reported clause acts.
@pytest.mark.parametrize(
    ("body", "cue", "side"),
    [
        (
            "OTTAWA, April 24 - Trade Minister Patricia Carney said Japan had also agreed to "
            "take a positive role in the farm talks.",
            "positive role",
            ("JPN",),
        ),
        (
            "TOKYO, April 20 - Japanese Finance Minister Kiichi Miyazawa said yesterday the "
            "U.S. had requested Japan to cut short-term interest rates.",
            "requested",
            ("USA",),
        ),
    ],
)
def test_a_reported_clauses_subject_not_its_reporter_commits(
    body: str, cue: str, side: tuple
) -> None:
    found = extract("TRADE", body, source="Reuters", date="1987-04-24").commitments
    (said,) = [c for c in found if cue in c.summary]
    assert said.side == side


def test_a_reported_clause_naming_no_one_keeps_its_reporters_side() -> None:
    body = (
        "OTTAWA, April 24 - Trade Minister Patricia Carney said the government would continue "
        "to press for farm reform."
    )
    found = extract("TRADE", body, source="Reuters", date="1987-04-24").commitments
    (said,) = [c for c in found if "farm reform" in c.summary]
    assert said.side == ("CAN",)


# statedept-2022-03-28-e34a9e1493: what "remains a priority for" a country is its intent.
def test_a_priority_for_a_country_is_that_countrys() -> None:
    body = (
        "Expanding the circle of peace to advance prosperity and security between Israel and "
        "other countries in the Middle East, South Asia, and beyond will remain a priority for "
        "the United States."
    )
    found = extract("Press Statement", body, source=STATE, date="2022-03-28").commitments
    (priority,) = [c for c in found if "priority" in c.summary]
    assert priority.side == ("USA",)


# statedept-2022-03-09-13e68b3c82: "their" after an owner in the same phrase is that owner.
def test_their_after_an_owner_in_the_same_phrase_is_that_owners() -> None:
    body = (
        "Secretary of State Antony J. Blinken spoke today with Czech Foreign Minister Jan "
        "Lipavsky. The Secretary emphasized the United States stands with all NATO Allies and "
        "also thanked Foreign Minister Lipavsky for the Czech Republic’s military assistance to "
        "Ukraine and their commitment to provide protection for those seeking refuge."
    )
    found = extract("Call", body, source=STATE, date="2022-03-09").commitments
    (commitment,) = [c for c in found if "commitment to provide" in c.summary]
    assert commitment.side == ("CZE",)


# reuters21578-1290: "he" is the speaker of the quotation before; "agreed upon with" whom.
def test_he_is_who_spoke_the_quotation_before_and_agreed_upon_with_is_the_other_side() -> None:
    body = (
        "WASHINGTON, March 3 - President Reagan said the United States would offer a draft "
        "treaty.\n\nWelcoming Soviet leader Mikhail Gorbachev's offer Saturday to proceed with "
        'a treaty, Reagan said: "This removes a serious obstacle."\n\n"To seize this new '
        "opportunity I have instructed our negotiators to begin presentation of our draft "
        'treaty text at Geneva tomorrow," Reagan said.\n\nHe said the treaty draft followed '
        "the formula he agreed upon with Gorbachev at their summit meeting last October in "
        "Reykjavik, Iceland."
    )
    found = extract("ARMS", body, source="Reuters", date="1987-03-03").commitments
    (formula,) = [c for c in found if "formula" in c.summary]
    assert set(formula.side) == {"USA", "SUN"}


# statedept-2022-02-17-28ac706f7e: a condition promises nothing; "friends in" a country are
# that country's.
def test_a_condition_is_no_commitment_and_friends_in_a_country_are_its() -> None:
    body = (
        "If Russia is prepared to sit with the Ukrainian Government and work through the "
        "process of implementing these commitments, our friends in France and Germany stand "
        "ready to convene senior-level discussions in the Normandy Format to settle these issues."
    )
    found = extract("Remarks", body, source=STATE, date="2022-02-17").commitments
    (ready,) = found
    assert "stand ready" in ready.summary
    assert set(ready.side) == {"FRA", "DEU"}


def test_a_country_a_verb_acts_against_owns_nothing_after_it() -> None:
    # statedept-2022-02-24-280099177b: the call for a withdrawal is the Secretary's.
    sides = _sides(
        "Secretary Blinken stressed the importance of a strong collective response to condemn "
        "Russia’s invasion and call for an immediate withdrawal and ceasefire.",
        "2022-02-24",
        STATE,
    )
    assert list(sides.values()) == [("USA",)]


def test_a_clause_after_and_that_opens_on_its_verb_is_not_a_list() -> None:
    # statedept-2022-04-01-dda9a7016b: "Ukraine, and lauded" is no list of subjects.
    sides = _sides(
        "The Secretary emphasized the United States’ unyielding and steadfast support for "
        "Ukraine, and lauded Ukraine’s commitment to engaging in diplomacy.",
        "2022-04-01",
        STATE,
    )
    assert sides == {"lauded Ukraine’s commitment to engaging in diplomacy": ("UKR",)}


def test_he_after_the_secretary_noted_that_is_the_secretary() -> None:
    # statedept-2021-05-21-48e01221f6: not the Israeli minister named first.
    sides = _sides(
        "Secretary of State Antony J. Blinken spoke with Israeli Foreign Minister Gabi "
        "Ashkenazi this morning. Both leaders expressed their appreciation for Egypt’s "
        "mediation efforts, and the Secretary noted that he would continue to remain in close "
        "touch with his Egyptian counterpart.",
        "2021-05-21",
        STATE,
    )
    (touch,) = [side for summary, side in sides.items() if "close touch" in summary]
    assert touch == ("USA",)


@pytest.mark.parametrize(
    ("opening", "endorsers"),
    [
        (
            "The following statement is issued by the United States as Chair of a Global Food "
            "Security Ministerial Meeting held at United Nations Headquarters and endorsed by "
            "Albania, Australia, Brazil, and Yemen:",
            {"USA", "ALB", "AUS", "BRA", "YEM"},
        ),
        (
            "The following statement was issued on May 19 by the United States as Chair of a "
            "Global Food Security Ministerial Meeting held at United Nations Headquarters. As of "
            "today, it is endorsed by 92 countries: Albania, Argentina, the Czech Republic, "
            "and Zambia.",
            {"USA", "ALB", "ARG", "CZE", "ZMB"},
        ),
    ],
)
def test_a_chairs_statement_speaks_for_all_who_endorse_it(opening: str, endorsers: set) -> None:
    # statedept-2022-05-19-25554dc823, statedept-2022-06-24-475022a61d
    body = (
        f"{opening}\n\nBegin Text:\n\nWe commit to provide immediate humanitarian assistance "
        "and strengthen resilient food systems."
    )
    found = extract("Chair’s Statement: Roadmap for Global Food Security", body, source=STATE)
    (commit,) = [c for c in found.commitments if "commit to provide" in c.summary]
    assert set(commit.side) == endorsers


def test_a_statement_issued_by_one_government_alone_is_its_own() -> None:
    # Without "endorsed by", the chair alone: the countries after it are what it is about.
    body = (
        "The following statement is issued by the United States on the situation in Albania, "
        "Brazil, and Yemen.\n\nWe commit to provide immediate humanitarian assistance."
    )
    found = extract("Statement", body, source=STATE)
    (commit,) = [c for c in found.commitments if "commit to provide" in c.summary]
    assert set(commit.side) == {"USA"}


@pytest.mark.parametrize(
    ("body", "source", "sides"),
    [
        # statedept-2021-06-25-2716c68298
        (
            "SECRETARY BLINKEN: Thank you. And when we got to the U.S.-EU summit, we’ve agreed "
            "to establish between the United States and the EU a trade and technology council.",
            STATE,
            {"USA", "org:EU"},
        ),
        # reuters21578-16699
        (
            "MONTREAL, April 13 - Air Canada, the state-owned airline, said it plans to begin "
            "flights to Egypt next year following a bilateral air trade agreement signed "
            "between the Egyptian and Canadian governments.",
            "Reuters",
            {"EGY", "CAN"},
        ),
    ],
)
def test_an_agreement_between_two_is_both_of_theirs(body: str, source: str, sides: set) -> None:
    (side,) = [
        s for summary, s in _sides(body, "2021-06-25", source).items() if "between" in summary
    ]
    assert set(side) == sides


def test_we_after_the_two_governments_is_both() -> None:
    # statedept-2022-05-11-1d0941820d: a media note on a dialogue, written for both
    body = (
        "Senior delegations representing the United States and Thailand met on May 9 and 10 "
        "for the first joint U.S.-Thailand Strategic and Defense Dialogue. Over the course of "
        "two days of meetings, the two governments held candid conversations. We committed to "
        "deepening our economic relationship."
    )
    found = _sides(body, "2022-05-11", STATE)
    assert set(found["We committed to deepening our economic relationship"]) == {"USA", "THA"}


@pytest.mark.parametrize(
    ("body", "side"),
    [
        # reuters21578-14887
        (
            "TOKYO, April 8 - The Japanese Finance Ministry said it plans to hold formal "
            "financial talks with France on April 17 in Tokyo.",
            ("JPN",),
        ),
        # reuters21578-13576
        (
            "TOKYO, April 1 - Yesterday the Japanese finance ministry said it will help expand "
            "the Tokyo Stock Exchange membership.",
            ("JPN",),
        ),
    ],
)
def test_a_peoples_ministry_by_its_portfolio_is_its_government(body: str, side: tuple) -> None:
    assert list(_sides(body, "1987-04-08", "Reuters").values()) == [side]


@pytest.mark.parametrize(
    ("body", "side"),
    [
        # reuters21578-21568
        (
            "TEHRAN, March 3 - Iranian Oil Minister Gholamreza Aqazadeh met Soviet officials "
            "here. Aqazadeh said the two sides agreed to conduct feasibility studies for a "
            "pipeline.",
            {"IRN", "SUN"},
        ),
        # The sayers themselves: "they" after "said" is theirs.
        (
            "BONN, March 3 - West German diplomats said they would insist on including the clause.",
            {"BRD"},
        ),
    ],
)
def test_a_group_reported_after_said_is_the_meetings(body: str, side: set) -> None:
    found = _sides(body, "1987-03-03", "Reuters")
    (reported,) = [s for summary, s in found.items() if "agreed" in summary or "insist" in summary]
    assert set(reported) == side


def test_a_second_statement_reported_with_and_that_is_its_own() -> None:
    # reuters21578-17198: Japan's agreement, then what the United States was willing to do.
    sides = _sides(
        "KASHIKOJIMA, JAPAN, April 26 - Carney said Japan had also agreed to take a positive "
        "role in the farm talks, and that the United States was willing to see short-term "
        "progress, as long as long-term solutions were not affected.",
        "1987-04-26",
        "Reuters",
    )
    assert sides == {
        "Carney said Japan had also agreed to take a positive role in the farm talks": ("JPN",),
        "the United States was willing to see short-term progress, as long as long-term "
        "solutions were not affected": ("USA",),
    }


def test_a_subject_of_two_sides_owns_their_commitment() -> None:
    # statedept-2022-02-07-133f84d45a: "The United States and the EU each underlined their
    # commitment" is theirs, not the pair of the engagement told before.
    sides = _sides(
        "Secretary Blinken spoke with Ukrainian Foreign Minister Kuleba on Monday. The United "
        "States and the EU each underlined their commitment to reaching net-zero emissions "
        "by 2050.",
        "2022-02-07",
        "U.S. Department of State (press releases)",
    )
    (side,) = [side for summary, side in sides.items() if "underlined" in summary]
    assert set(side) == {"USA", "org:EU"}


def test_a_parenthetical_between_commas_keeps_the_subject_before_it() -> None:
    # statedept-2021-06-11-8b7aa48f58: "the United States, of course, urges" is the
    # United States', not Burma's (named before it, and whose people it is).
    sides = _sides(
        "And again, we will continue to uplift the people of Burma, and the United States, "
        "of course, urges all countries to speak in one voice against the regime's violence.",
        "2021-06-11",
        "U.S. Department of State (press releases)",
    )
    (side,) = [side for summary, side in sides.items() if "urges" in summary]
    assert side == ("USA",)
