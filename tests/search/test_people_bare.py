"""People news names without a role, and what a reader knows of well-known figures.

Short texts written like wire stories and readouts, through the whole extract stage.
"""

from __future__ import annotations

import pytest

from search.extract import extract
from search.extract.notables import notable_name, notable_side, notable_surnames
from search.extract.plain_names import find_plain_names

WIRE = "Reuters"
STATE = "U.S. Department of State (press releases)"


def people(body: str, *, source: str | None = WIRE, date: str = "2019-10-10"):
    return {p.name: p for p in extract(None, body, source=source, date=date).people}


def test_bare_names_are_people() -> None:
    found = people(
        "The driver, Anne Sacoolas, left the country with her husband Jonathan Sacoolas. "
        "The family of Harry Dunn met Boris Johnson."
    )
    assert {"Anne Sacoolas", "Jonathan Sacoolas", "Harry Dunn", "Boris Johnson"} <= set(found)
    assert found["Anne Sacoolas"].role is None


@pytest.mark.parametrize(
    "body",
    [
        "Protesters gathered at the George Washington Bridge.",
        "The Abraham Accords were signed in 2020.",
        "She spoke at the John F. Kennedy Center on Friday.",
        "Merrill Lynch said on Monday that the General Assembly will meet in March.",
        "Shares of Johnson & Johnson rose.",
        "He is a Roman Catholic priest.",
        "The Eastern Tropical Pacific Marine Corridor covers 500,000 square kilometers.",
        "Its shares are traded on the New York Stock Exchange.",
        "West Texas Intermediate crude rose 20 cts.",
        "The Velvet Revolution of 1989 ended communist rule.",
        "The ship anchored off Trinity Peninsula.",
    ],
)
def test_names_of_things_named_after_people_are_not_people(body: str) -> None:
    assert people(body) == {}


def test_a_notable_figure_named_bare_gets_the_side_a_reader_knows() -> None:
    found = people("Putin's war goes on, Barack Obama said. Xi Jinping met Biden.")
    assert found["Putin"].country == "RUS" and found["Putin"].how == "notable"
    assert found["Barack Obama"].country == "USA"
    assert found["Xi Jinping"].country == "CHN"
    assert found["Biden"].country == "USA"


def test_the_text_beats_what_a_reader_knows() -> None:
    # A clue in the article wins over the notable list (strength 5 against 2).
    found = people("Ukrainian Foreign Minister Dmytro Kuleba said.")
    assert found["Dmytro Kuleba"].how == "role"


def test_common_surnames_and_given_names_alone_are_nobody_in_particular() -> None:
    assert notable_side("Johnson") is None  # Boris? Lyndon? Magic?
    assert notable_side("Lee") is None
    assert "Charles" not in notable_surnames()  # a given name first
    assert notable_side("Boris Johnson") == ("GBR", None)
    assert notable_side("Guterres") == (None, "UN")


def test_a_surname_alone_is_the_notable_not_a_relative_named_in_full() -> None:
    found = people(
        "WASHINGTON, March 4 - President Reagan will visit Rome in June. "
        "Reagan and Nancy Reagan would be in Rome from June 3 to 6.",
        date="1987-03-04",
    )
    assert found["Reagan"].country == "USA" and found["Reagan"].how == "notable"
    assert found["Nancy Reagan"].how == "context"  # the story's setting, not his record
    assert notable_name("Reagan") == "Ronald Reagan"


def test_plain_names_respect_spans_already_read() -> None:
    text = "Secretary of State Antony Blinken met Anne Smith."
    taken = [(text.index("Antony"), text.index(" met"))]
    found = find_plain_names(text, taken, lambda tok: tok.group()[:1].isupper())
    assert [name for name, _s, _e in found] == ["Anne Smith"]


@pytest.mark.parametrize(
    ("body", "name", "role", "country"),
    [
        ("Florida Governor Ron DeSantis said.", "Ron DeSantis", "Florida Governor", "USA"),
        ("Ontario Premier Doug Ford said.", "Doug Ford", "Ontario Premier", "CAN"),
        (
            "House Judiciary Committee chairman Jerrold Nadler said.",
            "Jerrold Nadler",
            "House Judiciary Committee chairman",
            None,
        ),
        (
            "The former Philippine President Ferdinand Marcos died.",
            "Ferdinand Marcos",
            "former President",
            "PHL",
        ),
        ("Nick Adderley, the chief constable, said.", "Nick Adderley", "chief constable", None),
    ],
)
def test_roles_with_their_body_and_place(body: str, name: str, role: str, country: str | None):
    found = people(body)
    assert found[name].role == role
    if country is not None:
        assert found[name].country == country


def test_a_parenthesised_country_covers_the_colleague_joined_by_and() -> None:
    found = people(
        "Today, Vice President and Foreign Minister Marta Lucia Ramirez and Minister of "
        "Environment and Sustainable Development Carlos Correa (Colombia), Foreign Minister "
        "Juan Carlos Holguin and Minister of the Environment, Water, and Ecological Transition "
        "Gustavo Manrique Miranda (Ecuador) signed a Memorandum of Understanding.",
        source=STATE,
        date="2022-06-08",
    )
    assert found["Carlos Correa"].country == "COL"
    assert found["Marta Lucia Ramirez"].country == "COL"
    assert found["Marta Lucia Ramirez"].how == "listed"
    assert found["Juan Carlos Holguin"].country == "ECU"
    assert found["Gustavo Manrique Miranda"].role == (
        "Minister of the Environment, Water, and Ecological Transition"
    )


def test_a_story_set_in_one_country_gives_its_ministers_that_country() -> None:
    found = people(
        "ANKARA, March 29 - Turkey's standoff with Greece appeared at an end. Foreign Minister "
        "Vahit Halefolu had called on Greece to engage in dialogue over the dispute.",
        date="1987-03-28",
    )
    assert found["Vahit Halefolu"].country == "TUR"


def test_georgia_after_us_party_politics_is_the_state() -> None:
    text = "Republican committee member Doug Collins of Georgia said on Twitter."
    assert extract(None, text, date="2019-09-25").countries == ()
    assert extract(None, "Georgia and Armenia signed a deal.", date="2019-09-25").countries == (
        "GEO",
        "ARM",
    )


def test_a_state_after_of_gives_its_country() -> None:
    found = people("Democratic chairman Jerrold Nadler of New York said.")
    assert found["Jerrold Nadler"].country == "USA"
    found = people("President Salome Zourabichvili of Georgia said.")
    assert found["Salome Zourabichvili"].country == "GEO"


def test_another_persons_country_does_not_make_a_minister_foreign() -> None:
    found = people(
        "SEOUL, April 17 - South Korea has decided on major changes. The change came before "
        "the arrival of U.S. Commerce Secretary Malcolm Baldrige for talks with Trade "
        "Minister Rha Woong-bae.",
        date="1987-04-17",
    )
    assert found["Rha Woong-bae"].country == "KOR"
    assert found["Malcolm Baldrige"].country == "USA"


def test_the_publishers_secretary_is_not_chained_to_a_foreign_ministers_role() -> None:
    found = people("The Secretary and Foreign Minister Park Jin discussed the DPRK.", source=STATE)
    assert found["Park Jin"].role == "Foreign Minister"
    found = people(
        "The Deputy Prime Minister and Minister of Foreign Affairs Mukhtar Tileuberdi said."
    )
    assert (
        found["Mukhtar Tileuberdi"].role == "Deputy Prime Minister and Minister of Foreign Affairs"
    )


def test_common_nouns_in_title_case_are_no_person() -> None:
    from search.extract import extract

    found = extract(
        None,
        "They will visit Tallinn for the third Global Conference for Media Freedom, which "
        "defends media freedom and the safety of journalists.",
        source="U.S. Department of State (press releases)",
        date="2022-02-08",
    ).people
    assert not [p.name for p in found if "Media" in p.name]


def test_a_compound_given_name_starts_a_name() -> None:
    from search.extract import extract

    found = extract(
        None,
        "His counterparts, Nikos Dendias and Jean-Yves Le Drian, gathered in Cairo. "
        "Hans-Dietrich Genscher was quoted too.",
        source="Wikinews",
        date="2020-01-11",
    ).people
    names = {person.name for person in found}
    assert {"Jean-Yves Le Drian", "Hans-Dietrich Genscher"} <= names


def test_a_notable_whose_first_name_is_a_word_is_named_in_full() -> None:
    found = people(
        "The House has impeached two presidents, Bill Clinton and Andrew Johnson. "
        "Donald Trump said the inquiry was a hoax."
    )
    assert {"Bill Clinton", "Donald Trump"} <= set(found), found
    assert found["Bill Clinton"].country == "USA"
    # "bill" and "Donald" alone start no name; a title before a notable's name is a role's.
    assert not people("A bill Clinton signed was sent to the Bill Clinton Foundation.")


@pytest.mark.parametrize(
    ("body", "name", "role"),
    [
        ("Nancy Pelosi, the Democratic Speaker of the House, announced the vote.",
         "Nancy Pelosi", "Speaker of the House"),
        ("Mitch McConnell, the Republican Senate Majority Leader, committed to a trial.",
         "Mitch McConnell", "Senate Majority Leader"),
    ],
)  # fmt: skip
def test_a_party_before_an_apposed_office_is_not_part_of_it(body: str, name: str, role: str):
    assert people(body)[name].role == role


def test_a_family_name_a_group_is_named_after_is_no_person() -> None:
    found = people(
        "The Yemen-based Houthi movement claimed the attack. The Houthis are aligned with Iran."
    )
    assert "Houthi" not in found


def test_a_common_surname_with_an_office_is_the_notable_of_a_country_in_the_story() -> None:
    found = people("President Aliyev spoke in Baku about Azerbaijan and Armenia.")
    assert found["Aliyev"].country == "AZE"
    # Without the country in the story, a common surname says nothing.
    assert people("President Aliyev spoke about the talks.")["Aliyev"].country is None


@pytest.mark.parametrize(
    ("body", "name", "role"),
    [
        ("He served under former US President Barack Obama.", "Barack Obama", "former President"),
        ("Thank you to World Health Organization (WHO) Director-General Tedros Adhanom "
         "Ghebreyesus.", "Tedros Adhanom Ghebreyesus",
         "World Health Organization (WHO) Director-General"),
        ("U.S. Representative to the UN Ambassador Linda Thomas-Greenfield said.",
         "Linda Thomas-Greenfield", "Representative to the UN"),
    ],
)  # fmt: skip
def test_where_an_office_begins(body: str, name: str, role: str) -> None:
    assert people(body)[name].role == role


def test_a_notables_whole_name_holding_a_particle_is_read_whole() -> None:
    found = people("He was being met by Abu Mahdi al-Muhandis, who was also killed.")
    assert "Abu Mahdi al-Muhandis" in found and "Abu Mahdi" not in found
    assert found["Abu Mahdi al-Muhandis"].country == "IRQ"


def test_a_figure_known_to_serve_no_state_takes_no_country_from_the_story() -> None:
    found = people(
        "US President Donald Trump said Hamza bin Laden, son of Osama bin Laden, was killed "
        "in a US counter-terrorism operation in the United States' war on terror."
    )
    assert found["Donald Trump"].country == "USA"
    assert found["Hamza bin Laden"].country is None and found["Osama bin Laden"].country is None


def test_an_office_does_not_reach_back_over_another_clauses_country() -> None:
    found = people(
        "Under Secretary of State for Political Affairs Victoria Nuland represented the United "
        "States and European External Action Service Deputy Secretary General for Political "
        "Affairs Enrique Mora represented the European Union."
    )
    mora = found["Enrique Mora"]
    assert mora.role == (
        "European External Action Service Deputy Secretary General for Political Affairs"
    )
    assert mora.country != "USA"


@pytest.mark.parametrize(
    ("body", "name", "role", "country"),
    [
        # A wire story opening on a role set off by commas.
        ("LA PAZ, March 23 - Labour minister, Alfredo Franco, met with union leaders.",
         "Alfredo Franco", "Labour minister", "BOL"),
        ("GENEVA, March 4 - Japan's delegate, Minoru Endo, said talks would go on.",
         "Minoru Endo", "delegate", "JPN"),
        ("Solicitor General Jose Calida filed a quo warranto petition on February 10.",
         "Jose Calida", "Solicitor General", None),
        # A cleric's style is no part of his name.
        ("Sayyid Ali Hosseini Khamenei, the Supreme Leader of Iran, ordered three days of "
         "mourning.", "Ali Hosseini Khamenei", "Supreme Leader", "IRN"),
        # The body the office is of is part of it (as the analysis set's readers write it).
        ("FRANKFURT, April 9 - Dealers heard remarks by Bundesbank board member Claus Koehler.",
         "Claus Koehler", "Bundesbank board member", "BRD"),
        ("LONDON, Oct 20 - Economist Giles Keating said the Bundesbank had retreated.",
         "Giles Keating", "Economist", "GBR"),
    ],
)  # fmt: skip
def test_roles_of_wire_news(body: str, name: str, role: str, country: str | None) -> None:
    date = "1987-03-23" if "Khamenei" not in body else "2020-01-05"
    person = people(body, date=date)[name]
    assert (person.role, person.country) == (role, country)


def test_an_event_named_with_a_word_some_bear_as_a_name_is_no_person() -> None:
    from search.extract import extract

    found = extract(
        None,
        "Concurrently, the United Kingdom, Canada, and the Netherlands are hosting the second "
        "Media Freedom Coalition Ministerial where video remarks from Secretary of State "
        "Antony J. Blinken will be played.",
        date="2022-02-08",
        source="U.S. Department of State (press releases)",
    )
    assert [p.name for p in found.people] == ["Antony J. Blinken"]


@pytest.mark.parametrize(
    ("body", "name"),
    [
        ("Acting Mayor Roel den Dunnen said that cooperation was good.", "Roel den Dunnen"),
        ("Ahmed Humaid al-Tayer told reporters the talks went well.", "Ahmed Humaid al-Tayer"),
    ],
)
def test_a_name_goes_on_past_its_particle(body: str, name: str) -> None:
    from search.extract import extract

    assert name in [p.name for p in extract(None, body, date="1987-03-18").people]


def test_said_after_bin_or_al_ends_an_arabic_name() -> None:
    found = people(
        "On Friday, Qaboos bin Said, the long-serving ruler, died aged 79. Before the burial, "
        "his successor, Haitham bin Tariq Al Said, attended funeral prayers in Muscat."
    )
    assert {"Qaboos bin Said", "Haitham bin Tariq Al Said"} <= set(found), found
    # The verb after a name is still no part of it.
    assert "Bashar" not in people("Bashar al-Assad said the talks failed.")


def test_a_notables_surname_that_is_a_given_name_too_stands_alone_where_the_country_is_named() -> (
    None
):
    # statedept-2022-04-04-d5d5975336: "Erdogan" is a Turkish given name as well.
    text = (
        "In keeping with the commitment made by Presidents Biden and Erdogan during their "
        "meeting in Rome in October 2021, the United States and Turkey launched the "
        "Strategic Mechanism."
    )
    found = people(text, source=STATE, date="2022-04-04")
    assert (found["Erdogan"].country, found["Erdogan"].role) == ("TUR", "President")
    assert found["Biden"].role == "President"
    found = people("Turkey and Greece held talks. Erdogan said they went well.")
    assert found["Erdogan"].country == "TUR"
    # Where Turkey is not named, or as a given name before a surname: not the president.
    assert "Erdogan" not in people("Greece held talks. Erdogan said they went well.")
    found = people("Turkey and Greece held talks. Erdogan Bayraktar said they went well.")
    assert "Erdogan" not in found and "Erdogan Bayraktar" in found
