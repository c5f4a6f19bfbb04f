"""Commitments: intentions, agreements, signatures; parties, status, summary in the article's words."""

from __future__ import annotations

import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from search.extract import extract
from search.extract.commitments import find_commitments
from search.extract.people import find_people
from search.extract.sentences import document_sentences
from search.model import Commitment, Mention, Span, document_text

COUNTRIES = {
    "Kazakhstan": ("KAZ", "name"),
    "Kazakh": ("KAZ", "demonym"),
    "Norway": ("NOR", "name"),
    "Norwegian": ("NOR", "demonym"),
    "United States of America": ("USA", "name"),
    "United States": ("USA", "name"),
    "Ghana": ("GHA", "name"),
    "Republic of Ghana": ("GHA", "name"),
    "Saudi Arabia": ("SAU", "name"),
    "Japan": ("JPN", "name"),
    "our country": ("KAZ", "our-country"),
}
_COUNTRY_RE = re.compile("\\b(?:" + "|".join(sorted(COUNTRIES, key=len, reverse=True)) + ")\\b")


def mentions(text: str) -> list[Mention]:
    return [
        Mention(
            "country",
            COUNTRIES[m.group()][0],
            m.group(),
            Span(m.start(), m.end(), 0),
            COUNTRIES[m.group()][1],
        )
        for m in _COUNTRY_RE.finditer(text)
    ]


def commitments(
    body: str, *, top: tuple[str, ...] = ("KAZ", "NOR"), home: str | None = None
) -> list[Commitment]:
    text = document_text(None, body)
    sentences = document_sentences(None, body)
    found = mentions(text)
    people = find_people(text, sentences, found, home=home)
    return list(
        find_commitments(text, sentences, found, top_countries=top, people=people, home=home)
    )


@pytest.mark.parametrize(
    ("body", "kind", "status", "parties", "summary"),
    [
        (
            "OSLO. KAZINFORM - Kazakhstan and Norway intend to develop comprehensive political, trade, economic "
            "cooperation and closely work on the global stage, the foreign ministries of the two countries "
            "reiterated during bilateral consultations in Oslo.",
            "intent",
            "stated",
            ("KAZ", "NOR"),
            "Kazakhstan and Norway intend to develop comprehensive political, trade, economic cooperation "
            "and closely work on the global stage",
        ),
        (
            "The multilateral dialogue on global and regional issues is being strengthened as the countries "
            "have reached agreements on mutual support for elections in a number of UN bodies.",
            "agreement",
            "agreed",
            ("KAZ", "NOR"),
            "the countries have reached agreements on mutual support for elections in a number of UN bodies",
        ),
        (
            "Having considered topical issues on the international agenda, including on global nuclear security, "
            "the interlocutors agreed to expand the partnership between the expert communities of the two countries.",
            "agreement",
            "agreed",
            ("KAZ", "NOR"),
            "the interlocutors agreed to expand the partnership between the expert communities of the two countries",
        ),
        (
            "Today, the United States of America and Republic of Ghana signed a Memorandum of Understanding "
            "Concerning Strategic Civil Nuclear Cooperation (NCMOU), which improves our cooperation.",
            "signature",
            "signed",
            ("USA", "GHA"),
            "the United States of America and Republic of Ghana signed a Memorandum of Understanding "
            "Concerning Strategic Civil Nuclear Cooperation (NCMOU)",
        ),
        (
            "Japan will sign a trade pact with Norway next month.",
            "signature",
            "proposed",
            ("JPN", "NOR"),
            "Japan will sign a trade pact with Norway next month",
        ),
        (
            "Norway proposed to Kazakhstan a joint fisheries commission.",
            "intent",
            "proposed",
            ("NOR", "KAZ"),
            "Norway proposed to Kazakhstan a joint fisheries commission",
        ),
    ],
)
def test_commitment(
    body: str, kind: str, status: str, parties: tuple[str, ...], summary: str
) -> None:
    found = commitments(body)
    assert len(found) == 1, found
    assert (found[0].kind, found[0].status, found[0].parties, found[0].summary) == (
        kind,
        status,
        parties,
        summary,
    )


def test_exploring_is_in_progress_with_the_persons_side() -> None:
    body = (
        "He met Head of the Standing Committee of the Storting (the Norwegian Parliament) Anniken Huitfeldt. "
        "Ms. Huitfeldt, who recently paid a productive visit to Kazakhstan, assured that the Committee led "
        "by her has begun exploring the possibilities for establishing ties with the Kazakh MPs."
    )
    (found,) = commitments(body, top=())
    assert (found.kind, found.status) == ("intent", "in_progress")
    assert set(found.parties) == {"NOR", "KAZ"}
    assert found.summary.startswith("the Committee led by her has begun exploring")


def test_joint_statement_pronoun_means_both_sides() -> None:
    body = "They will work to strengthen the implementation of the Paris Agreement."
    (found,) = commitments(body, top=("USA", "SAU"))
    assert found.parties == ("USA", "SAU")
    assert found.summary == "They will work to strengthen the implementation of the Paris Agreement"


def test_summary_span_is_in_the_text() -> None:
    body = "Kazakhstan and Norway intend to develop cooperation, the ministries said."
    (found,) = commitments(body)
    text = document_text(None, body)
    assert text[found.span.start : found.span.end] == found.summary


def test_no_commitment_without_parties() -> None:
    assert (
        commitments(
            "Standard Oil Co and BP North America Inc said they plan to form a venture.", top=()
        )
        == []
    )


def test_signatory_is_not_a_second_signature() -> None:
    body = "Dr. Kang signed for the United States, and Mr. Sarpong signed for Ghana."
    assert commitments(body, top=("USA", "GHA")) == []


def test_one_commitment_per_clause() -> None:
    body = "Kazakhstan and Norway agreed to sign and will sign the treaty."
    assert len(commitments(body)) == 1


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(), st.lists(st.tuples(st.integers(0, 300), st.integers(0, 40)), max_size=5))
def test_never_raises(text: str, spans: list[tuple[int, int]]) -> None:
    fake = [Mention("country", "NOR", "x", Span(s, s + n, 0), "name") for s, n in spans]
    for commitment in find_commitments(
        text, document_sentences(None, text), fake, top_countries=("KAZ", "NOR")
    ):
        assert commitment.parties and commitment.summary


@settings(max_examples=80, deadline=None)
@given(
    st.text(
        alphabet=st.sampled_from(
            list("intend to agreed signed will work the sides Norway ,.;:—İ\n")
        ),
        max_size=300,
    )
)
def test_never_raises_on_cue_soup(text: str) -> None:
    find_commitments(
        text,
        document_sentences(None, text),
        mentions(text),
        top_countries=("KAZ", "NOR"),
        home="KAZ",
    )


@pytest.mark.parametrize(
    ("body", "side"),
    [
        (
            "Egypt condemned the deal in which Turkey and Libya agreed on maritime borders in "
            "the Eastern Mediterranean.",
            ("TUR", "LBY"),
        ),
        ("The Turkish statement called for the safe zone for refugees to be set up.", ("TUR",)),
        (
            "TOKYO, March 30 - Washington announced plans for as much as 300 mln dlrs in tariffs "
            "on Japanese electronic goods.",
            ("USA",),
        ),
    ],
)
def test_sides_of_relative_clauses_statements_and_capitals(
    body: str, side: tuple[str, ...]
) -> None:
    from search.extract import extract

    (commitment,) = extract(None, body, source="Reuters", date="1987-03-30").commitments
    assert commitment.side == side


@pytest.mark.parametrize(
    ("body", "kind"),
    [
        ("Special Envoy Lenderking noted the need for the Yemeni government to return to Aden.",
         "request"),
        ("U.S. and Japanese officials said they were willing to continue bilateral talks.",
         "intent"),
        ("Deputy Secretary Sherman met Japanese Vice Foreign Minister Mori Takeo and ROK First "
         "Vice Foreign Minister Choi Jong Kun in Tokyo. They reaffirmed their intent to address "
         "the threat posed by the DPRK.", "intent"),
    ],
)  # fmt: skip
def test_more_ways_to_commit_and_ask(body: str, kind: str) -> None:
    from search.extract import extract

    found = extract(None, body, source="U.S. Department of State (press releases)",
                    date="2021-06-18").commitments  # fmt: skip
    assert [c.kind for c in found] == [kind]


def test_a_pledge_after_a_list_of_clauses_is_the_sentence_subjects() -> None:
    """ "...; opposed any unilateral attempts to change the status quo in the East China
    Sea; and pledged to maintain": those who met, not China."""
    from search.extract import extract

    body = (
        "Deputy Secretary Sherman met Japanese Vice Foreign Minister Mori and Republic of "
        "Korea First Vice Foreign Minister Choi. The Deputy Secretary and the two vice foreign "
        "ministers reiterated opposition to all activities that undermine the rules-based "
        "international order; opposed any unilateral attempts to change the status quo in "
        "the East China Sea; and pledged to maintain peace and stability."
    )
    found = extract("Trilateral Meeting", body,
                    source="U.S. Department of State (press releases)",
                    date="2021-07-21").commitments  # fmt: skip
    pledge = next(c for c in found if "pledged" in c.summary)
    assert set(pledge.side) == {"USA", "JPN", "KOR"}


def test_an_agreement_signed_earlier_is_signed_by_its_parties() -> None:
    from search.extract import extract

    body = (
        "Britain and Saudi Arabia opened talks on arms. Saudi Arabia said Britain was a "
        "friend. Under the five billion stg deal signed last year, Saudi Arabia has agreed "
        "to buy 132 warplanes from Britain."
    )
    found = extract(None, body, source="Reuters", date="1987-03-22")
    signed = [c for c in found.commitments if c.kind == "signature"]
    assert signed and set(signed[0].side) == {"GBR", "SAU"}


@pytest.mark.parametrize(
    "body",
    [
        "Nigeria previously announced it planned to join the free trade area.",
        "Turkey would also take over guarding captured fighters, Turkish officials said.",
        "The United States is committing to send more troops to Saudi Arabia.",
    ],
)
def test_more_ways_of_saying_what_a_country_will_do(body: str) -> None:
    from search.extract import extract

    assert [
        c.kind for c in extract(None, body, source="Reuters", date="2019-10-08").commitments
    ] == ["intent"]


@pytest.mark.parametrize(
    ("body", "kind"),
    [
        ("Japan and Norway agreed in December to limit production of chips.", "agreement"),
        ("Japan and Norway agreed last year to cut tariffs on fish.", "agreement"),
        ("Norwegian diplomats said they would insist on including the clause.", "intent"),
        ("Japan will slash output of 256 kilobit chips.", "intent"),
    ],
)
def test_wire_story_forms_of_agreeing_and_intending(body: str, kind: str) -> None:
    (found,) = commitments(body, top=("JPN", "NOR"))
    assert found.kind == kind


def _sides_through_extract(body: str, *, source: str = "Reuters") -> list[tuple[str, ...]]:
    from search.extract import extract

    return [c.side for c in extract(None, body, source=source, date="2022-05-16").commitments]


@pytest.mark.parametrize(
    ("body", "side"),
    [
        ("The EC is willing to negotiate about agriculture in a new round of talks.", ("org:EU",)),
        ("NATO agreed to expand its presence in the east.", ("org:NATO",)),
        ("The United States and the EU agreed to expand cooperation.", ("USA", "org:EU")),
    ],
)
def test_an_organisation_commits_as_a_side(body: str, side: tuple[str, ...]) -> None:
    assert _sides_through_extract(body) == [side]


def test_a_list_of_leaders_commits_together() -> None:
    (side,) = _sides_through_extract(
        "At the summit in Washington on November 18, U.S. President Biden, Mexican President "
        "Lopez Obrador, and Canadian Prime Minister Trudeau committed to convene a meeting.",
        source="U.S. Department of State (press releases)",
    )
    assert set(side) == {"USA", "MEX", "CAN"}


@pytest.mark.parametrize(
    "body",
    [
        # Questions, not asks.
        "Asked whether Japan would accept the clause, he replied that it would not.",
        "Japanese officials, who asked not to be named, said the talks had made progress.",
        "Japan's minister declined to comment when asked at a news conference in Oslo.",
        "The Norwegian minister asked Japan's negotiators about the delay in the talks.",
        # An engagement announced, which the brief lists as planned, not as a promise.
        "Japan's foreign minister will meet with senior Norwegian officials in Oslo.",
        "Japan and Norway will hold a strategic dialogue in Tokyo on May 23.",
        "The Japanese minister will also visit Norway and Sweden next week.",
    ],
)
def test_questions_and_announced_meetings_are_not_commitments(body: str) -> None:
    assert commitments(body, top=("JPN", "NOR")) == []


@pytest.mark.parametrize(
    "body",
    [
        "Norway asked Japan to lower its tariffs on salmon.",
        "Japan has asked all oil-producing countries to help stabilise prices.",
        "The Norwegian minister asked for Japanese support in the talks.",
        "Japan will host the refugees who fled the fighting.",
        "Norway will join the coalition against the Islamic State.",
    ],
)
def test_asks_and_promises_that_look_like_them_stay(body: str) -> None:
    (found,) = commitments(body, top=("JPN", "NOR"))
    assert found.kind in ("request", "intent")


def test_we_in_a_transcript_is_the_speakers_side() -> None:
    from search.extract import extract

    body = (
        "Secretary Antony J. Blinken and Moldovan Prime Minister Natalia Gavrilita\n\n"
        "PRIME MINISTER GAVRILITA: Dear Secretary of State Blinken, welcome to Chisinau. "
        "We are firmly committed to help those who are fleeing from Ukraine.\n\n"
        "SECRETARY BLINKEN: Thank you. We will continue to support Moldova.\n\n"
        "QUESTION: Will we see more aid?"
    )
    found = extract(None, body, source=STATE, date="2022-03-06").commitments
    assert [c.side for c in found if "fleeing" in c.summary] == [("MDA",)]
    assert [c.side for c in found if "continue to support" in c.summary] == [("USA",)]


STATE = "U.S. Department of State (press releases)"


def _sides_of(
    body: str, *, source: str = STATE, date: str = "2022-05-28", title: str | None = None
) -> dict[str, tuple]:
    from search.extract import extract

    return {c.summary: c.side for c in extract(title, body, source=source, date=date).commitments}


def test_a_joint_statements_we_is_its_signatories_not_whom_they_condemn() -> None:
    sides = _sides_of(
        "Joint Statement on the DPRK\n\n"
        "The United States, the Republic of Korea, and Japan strongly condemn recent North "
        "Korean ballistic missile launches. We urge North Korea to return to negotiations. "
        "Our nations are also committed to advance trilateral security cooperation."
    )
    assert {frozenset(side) for side in sides.values()} == {frozenset({"USA", "KOR", "JPN"})}


def test_two_officials_by_title_agree_for_both_sides_of_the_call() -> None:
    sides = _sides_of(
        "Secretary of State Antony J. Blinken spoke today with Republic of Cyprus Foreign "
        "Minister Nikos Christodoulides. The Secretary and the Foreign Minister agreed on the "
        "importance of promoting stability in the Eastern Mediterranean. The Secretary and "
        "Foreign Minister expressed their appreciation for Egypt's mediation efforts and "
        "committed to retaining open lines of communication at all levels."
    )
    assert sorted(map(sorted, sides.values())) == [["CYP", "USA"], ["CYP", "USA"]]


def test_their_intent_is_the_reported_meetings_not_a_signing_recalled() -> None:
    body = (
        "Deputy Secretary Sherman met today with Moroccan Foreign Minister Nasser Bourita in "
        "Rabat. The Foreign Minister and Deputy Secretary recalled the Joint Declaration of "
        "December 22, 2020, signed by Morocco, United States, and Israel. The Minister and the "
        "Deputy Secretary expressed their intent to continue strong cooperation to defeat "
        "terrorist groups."
    )
    from search.extract import extract

    found = extract(
        None, body, source="U.S. Department of State (press releases)", date="2022-03-08"
    )
    signing = next(e for e in found.engagements if e.type == "signing")
    assert (signing.status, signing.date) == ("background", "2020-12-22")
    assert set(signing.countries) == {"MAR", "USA", "ISR"}
    (intent,) = [c for c in found.commitments if "terrorist" in c.summary]
    assert sorted(intent.side) == ["MAR", "USA"]


@pytest.mark.parametrize(
    "sentence",
    [
        "That agreement, reached last year after heated negotiations, called on Japan to "
        "stop selling cut-price chips.",
        "That pact, agreed last year after months of negotiations, calls on Japan to stop "
        "selling cut-price chips.",
    ],
)
def test_an_agreement_as_the_subject_commits_the_two_countries_of_the_story(
    sentence: str,
) -> None:
    body = (
        "TOKYO, April 8 - Japan and the United States will hold talks on semiconductors "
        "next week, Japanese officials said. The United States accuses Japan of dumping "
        "chips. " + sentence
    )
    sides = _sides_of(body, source="Reuters", date="1987-04-08")
    assert [sorted(side) for text, side in sides.items() if "cut-price" in text] == [["JPN", "USA"]]


def test_an_agreement_between_two_named_countries_is_theirs() -> None:
    body = (
        "ATHENS, March 28 - Greece accused Turkey of violating the 1976 Berne agreement "
        "between Greece and Turkey, which called for a moratorium on oil exploration."
    )
    sides = _sides_of(body, source="Reuters", date="1987-03-28")
    assert [sorted(side) for side in sides.values()] == [["GRC", "TUR"]]


def test_agreed_with_someone_makes_them_a_side() -> None:
    body = (
        "LONDON, April 1 - British Prime Minister Margaret Thatcher said she had agreed with "
        "Soviet Prime Minister Nikolai Ryzhkov that they would work to expand trade."
    )
    sides = _sides_of(body, source="Reuters", date="1987-04-01")
    assert [sorted(side) for side in sides.values()] == [["GBR", "SUN"]]


def test_a_second_verbs_subject_is_the_first_verbs_not_its_object() -> None:
    sides = _sides_of(
        "Deputy Secretary of State Wendy Sherman spoke today with Japanese Vice Foreign "
        "Minister Mori Takeo. Deputy Secretary Sherman highlighted U.S. preparedness to meet "
        "the DPRK without preconditions and called for the DPRK to engage in serious and "
        "sustained diplomacy."
    )
    assert [side for text, side in sides.items() if "called for" in text] == [("USA",)]


def test_signing_with_a_country_makes_it_a_side() -> None:
    sides = _sides_of(
        "The United States has signed a Memorandum of Understanding with the Republic of "
        "Palau to collaborate on the conservation of marine protected areas."
    )
    assert [sorted(side) for side in sides.values()] == [["PLW", "USA"]]


def test_he_after_the_secretary_is_the_publishers_official() -> None:
    sides = _sides_of(
        "Secretary Blinken spoke yesterday with foreign ministers of ASEAN nations. The "
        "Secretary underscored the importance of human capital development in ASEAN. He also "
        "expressed grave concerns about the military coup in Burma and called on ASEAN to "
        "take joint action."
    )
    assert [side for text, side in sides.items() if "called on ASEAN" in text] == [("USA",)]


def test_the_three_countries_are_the_last_list_of_three() -> None:
    body = (
        "STOCKHOLM, March 20 - The governments of Sweden, Denmark and Norway jointly own "
        "half of the airline. It will wait for the negotiations with the United States, in "
        "which the three Scandinavian countries have demanded greater access to the market."
    )
    sides = _sides_of(body, source="Reuters", date="1987-03-20")
    assert [sorted(side) for side in sides.values()] == [["DNK", "NOR", "SWE"]]


def test_reaching_agreement_with_a_country_makes_it_a_side() -> None:
    sides = _sides_of(
        "KHARTOUM, March 18 - He said Sudan had reached agreement with the Soviet Union and "
        "its East European allies to service half of its debts in commodities.",
        source="Reuters",
        date="1987-03-18",
    )
    assert [sorted(side) for side in sides.values()] == [["SDN", "SUN"]]


def test_an_administration_named_for_its_leaders_is_the_publishers() -> None:
    sides = _sides_of(
        "At the Generation Equality Forum in June of 2021, the Biden-Harris Administration "
        "made a commitment to relaunch this regional dialogue with Canada and Mexico."
    )
    assert list(sides.values()) == [("USA",)]


def test_our_three_countries_are_the_last_three_named() -> None:
    sides = _sides_of(
        "Officials of Canada, Mexico and the United States met in Washington. This effort "
        "builds on our three countries’ shared commitment to continue to work together."
    )
    assert [sorted(side) for side in sides.values()] == [["CAN", "MEX", "USA"]]


def test_a_capital_with_an_adverb_before_its_verb_acts() -> None:
    sides = _sides_of(
        "SEOUL, March 11 - He said South Korea was selecting many of 122 items on which "
        "Washington recently asked Seoul to lower tariffs.",
        source="Reuters",
        date="1987-03-11",
    )
    assert list(sides.values()) == [("USA",)]


def test_our_in_a_transcript_is_the_speakers() -> None:
    body = (
        "SECRETARY BLINKEN: Welcome, Your Majesty.\n\n"
        "KING ABDULLAH : Thank you. I want to highlight our commitment to continue to work on "
        "strengthening that relationship."
    )
    sides = _sides_of(body, title="Secretary Blinken And Jordanian King Abdullah II Before "
                      "Their Meeting")  # fmt: skip
    assert list(sides.values()) == [("JOR",)]


def test_a_signature_for_a_country_is_that_countrys() -> None:
    sides = _sides_of(
        "Ambassador Erik Ramanathan, United States Ambassador to Sweden, signed the joint "
        "statement in Stockholm for the United States. Anna Ekström, Minister for Education, "
        "signed the joint statement for Sweden.",
        title="The United States and Sweden Sign Quantum Cooperation Statement",
    )
    assert sorted(sides.values()) == [("SWE",), ("USA",)]


def test_the_king_by_title_alone_is_the_king_named_before() -> None:
    from search.extract import extract

    found = extract(
        None,
        "RIYADH, March 11 - King Fahd said today Saudi Arabia wants oil price stability.\n\n"
        "The King also urged the world community to help the Palestinians return to their "
        "homeland.",
        date="1987-03-11",
    )
    urged = next(c for c in found.commitments if c.summary.startswith("The King"))
    assert urged.side == ("SAU",)


@pytest.mark.parametrize(
    ("body", "date", "side"),
    [
        (
            "RIYADH, March 11 - King Fahd said Saudi Arabia would defend the 18 dlr benchmark "
            "price agreed to by OPEC last December.",
            "1987-03-11",
            ("org:OPEC",),
        ),  # fmt: skip
        (
            "The two ministers recalled the Joint Declaration of December 22, 2020, signed by "
            "Morocco, United States, and Israel.",
            "2022-03-08",
            ("MAR", "USA", "ISR"),
        ),  # fmt: skip
    ],
)
def test_a_passive_agreements_side_is_its_agent(body: str, date: str, side: tuple) -> None:
    from search.extract import extract

    found = extract(None, body, date=date, source=None)
    assert any(set(c.side) == set(side) for c in found.commitments), found.commitments


def test_joining_a_delegation_promises_nothing() -> None:
    """statedept-2022-04-29-8c8d61876a: who joins a trip's delegation takes part in it."""
    found = extract(
        None,
        "Assistant Secretary of State for African Affairs Molly Phee will join the Deputy "
        "Secretary’s delegation.",
        source="U.S. Department of State (press releases)",
        date="2022-04-29",
    )
    assert found.commitments == ()


def test_a_briefers_we_is_the_governments_whose_briefing_it_is() -> None:
    """statedept-2021-06-29-d819ba9de4: "MS PORTER:", named no further, gives the State
    Department's briefing: her "we" is the United States; a journalist's is no one's."""
    sides = _sides_of(
        "Department Press Briefing – June 29, 2021\n\n"
        "MS PORTER: Good afternoon, everyone. We will continue donating vaccine doses in the "
        "coming months.\n\n"
        "QUESTION: Will you also continue to support the Palestinian Authority?",
        date="2021-06-29",
    )
    assert sides["We will continue donating vaccine doses in the coming months"] == ("USA",)
    assert sides["Will you also continue to support the Palestinian Authority?"] == ()


@pytest.mark.parametrize("label", ["UNDER SECRETARY ZEYA", "AMBASSADOR THOMAS-GREENFIELD"])
def test_a_speaker_labelled_by_the_publishers_own_office_speaks_for_it(label: str) -> None:
    """statedept-2022-02-16-ac96523a76, 2022-05-18-14fac82544: a turn labelled with the
    government's own office, its speaker named no further: their "we" is the publisher's
    (not a foreign minister's, whose office is no publisher's)."""
    sides = _sides_of(
        f"{label}: Good morning. As we move into the Year of Action, we look forward to "
        "regular consultations with civil society.\n\n"
        "FOREIGN MINISTER SHOUKRY: We will continue to support the talks.",
        date="2022-02-16",
    )
    assert sides["we look forward to regular consultations with civil society"] == ("USA",)
    assert sides["We will continue to support the talks"] != ("USA",)


def test_a_law_signed_is_no_signature_of_an_agreement() -> None:
    """statedept-2022-05-18-caee1d6332: "humanitarian assistance funding, recently signed
    into law, for Ukraine": a government's own act, not Ukraine's signature."""
    sides = _sides_of(
        "We are adding to the over $4 billion in humanitarian assistance funding, recently "
        "signed into law, for Ukraine and its neighbors.",
        date="2022-05-18",
    )
    assert sides == {}


def test_one_sides_intention_at_a_meeting_stays_its_own() -> None:
    """statedept-2022-07-19-465111057d: what Hayashi intends to do at a conference is
    Japan's, not every side of the meeting's; "committed themselves in Paris" is the
    accord's parties'."""
    sides = _sides_of(
        "Japanese Foreign Minister Hayashi Yoshimasa attended. Minister Hayashi shared his "
        "intention to strengthen international partnerships for PPR in Africa at the 8th "
        "Tokyo International Conference on African Development on August 27-28 in Tunisia, "
        "and to actively contribute as the host of the G7 Summit next year.",
        date="2022-07-19",
    )
    assert list(sides.values()) == [("JPN",)]


def test_its_plan_is_the_one_named_nearest_before_it() -> None:
    """statedept-2022-03-07-7217cdf506: "The two sides engaged in ..., and Bahrain’s
    government shared its plan": Bahrain's plan, not the two sides'."""
    sides = _sides_of(
        "The United States and the Kingdom of Bahrain held their Strategic Dialogue today. "
        "The two sides engaged in constructive dialogue on how best to advance human rights, "
        "and Bahrain’s government shared its plan to advance societal and legal reforms.",
        date="2022-03-07",
    )
    assert sides == {
        "Bahrain’s government shared its plan to advance societal and legal reforms": ("BHR",)
    }


def test_agreed_with_the_nation_names_its_government() -> None:
    """statedept-2021-07-27-5f689dc923: "we agreed with the Iraqis that": Iraq is the
    other party, not whoever the briefing told of meeting last."""
    sides = _sides_of(
        "Department Press Briefing\n\n"
        "MR PRICE: The Secretary met with Tunisian Foreign Minister Jerandi yesterday. "
        "Frankly, the key point here is that we agreed with the Iraqis that U.S. forces will "
        "remain in Iraq to focus on training.",
        date="2021-07-27",
    )
    (side,) = [s for summary, s in sides.items() if "Iraqis" in summary]
    assert set(side) == {"USA", "IRQ"}


def test_a_speaker_heard_through_an_interpreter_is_no_briefer_of_ours() -> None:
    """statedept-2022-04-20-e6dec0f3c0: "MR VASQUEZ: (Via interpreter)" moderates in
    Panama; his "we" is not the State Department's."""
    sides = _sides_of(
        "Remarks at the Ministerial Meeting on Migration\n\n"
        "MR VASQUEZ: (Via interpreter) Ladies and gentlemen, we will continue to work for "
        "safe and orderly migration.",
        date="2022-04-20",
    )
    assert list(sides.values()) == [()]


@pytest.mark.parametrize(
    ("body", "side"),
    [
        # statedept-2022-06-02-f5794a9735
        (
            "The United States looked forward to supporting the work of North Macedonia.",
            ("USA",),
        ),
        # statedept-2021-06-24-0bbfdbfeb4
        ("The United States is dedicated to raising global climate ambitions.", ("USA",)),
        ("The United States will make every effort to ensure these exchanges go on.", ("USA",)),
        # statedept-2021-07-26-b72777694f
        ("The United States pledged its continued support in this regard.", ("USA",)),
        # reuters21578-4039
        ("Ecuador will ask OPEC to raise its oil export quota.", ("ECU",)),
        ("The United States is prepared to provide more than $1 billion in new aid.", ("USA",)),
        ("He reiterated that the United States stood ready to help.", ("USA",)),
        ("The Secretary highlighted the United States’ readiness to engage.", ("USA",)),
        ("Mexico will advance a collaborative approach to migration.", ("MEX",)),
    ],
)
def test_more_words_of_a_promise_or_an_ask(body: str, side: tuple[str, ...]) -> None:
    assert list(_sides_of(body).values()) == [side]
