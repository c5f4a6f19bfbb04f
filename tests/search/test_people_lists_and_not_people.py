"""Institutions and places that end like names are no people; a plural trade before a
list of names is each one's role. Cases modelled on articles of the shared corpora
(reuters21578-12025, -14750; wikinews-2019-03-31-b46612ade2, wikinews-2019-09-11-64c459db56,
wikinews-2020-01-05-4ad5512fe8; the others named at each)."""

from __future__ import annotations

import pytest

from search.extract import extract


def _role_of(body: str, name: str, date: str, source: str) -> str | None:
    """The role extracted for ``name`` (None when it is found without one, or not found)."""
    found = {p.name: p.role for p in extract(None, body, date=date, source=source).people}
    return found.get(name)


@pytest.mark.parametrize(
    ("body", "not_a_person", "person"),
    [
        (
            "LONDON, April 2 - British authorities would be far from happy, government sources "
            "said. Sir Nicholas Goodison, Chairman of the London Stock Exchange, said in New "
            "York yesterday that sanctions were possible.",
            "Stock Exchange",
            "Nicholas Goodison",
        ),
        (
            "NEW YORK, April 2 - Watson Laboratories said its chairman Allen Chao would stay.",
            "Watson Laboratories",
            "Allen Chao",
        ),
        (
            "On live television Erdogan also attacked the proclamation of Golan Heights as "
            "official Israeli territory by President Donald Trump.",
            "Golan Heights",
            "Donald Trump",
        ),
        (
            "Prime Minister Boris Johnson visited Ireland. During these five weeks of "
            "prorogation, parliament cannot pass legislation, as no votes, debates or Prime "
            "Minister's Questions can take place.",
            "Questions",
            "Boris Johnson",
        ),
        # dev18, statedept-2021-06-17-c88271e929: the words of a portfolio.
        (
            "He will meet ROK Special Representative for Korean Peninsula Peace and Security "
            "Affairs Noh Kyu-duk in Seoul.",
            "Peninsula Peace",
            "Noh Kyu-duk",
        ),
        # dev18, reuters21578-1893: the name stops at the institution's last word.
        (
            "WELLINGTON, March 5 - New Zealand agreed to write off debt incurred under the "
            "Meat Price Stabilisation Scheme, Finance Minister Roger Douglas said.",
            "Price Stabilisation",
            "Roger Douglas",
        ),
    ],
)
def test_institutions_and_places_are_not_people(body: str, not_a_person: str, person: str) -> None:
    names = {p.name for p in extract(None, body, date="2019-09-11", source="Reuters").people}
    assert not_a_person not in names
    assert person in names


@pytest.mark.parametrize(
    ("body", "roles"),
    [
        # wikinews-2019-03-29-cc87e75025
        (
            "The event featured celebrity guests like actors Dan Fogler, Ron Perlman, and Jaleel "
            "White, as well as comic artists.",
            {"Dan Fogler": "actor", "Ron Perlman": "actor", "Jaleel White": "actor"},
        ),
        # wikinews-2020-05-31-eee45ef30d, reuters21578-13261: the employer before the trade.
        (
            "The launch carried NASA astronauts Bob Behnken and Doug Hurley from Florida.",
            {"Bob Behnken": "NASA astronaut", "Doug Hurley": "NASA astronaut"},
        ),
        (
            "NEW YORK, April 7 - Bond prices rose.\n\nMerrill Lynch economists Raymond Stone and "
            "Joseph Smith said rates would fall.",
            {"Raymond Stone": "Merrill Lynch economist", "Joseph Smith": "Merrill Lynch economist"},
        ),
    ],
)
def test_a_plural_trade_before_a_list_is_each_ones_role(body: str, roles: dict) -> None:
    found = {
        p.name: p.role for p in extract(None, body, date="2020-05-31", source="Wikinews").people
    }
    assert {name: found.get(name) for name in roles} == roles


@pytest.mark.parametrize(
    ("body", "name", "role"),
    [
        # A trade before a name is the person's role.
        # wikinews-2019-09-07-fc2acf3bec, wikinews-2019-06-20-91ea20df19,
        # reuters21578-13904, reuters21578-4027
        ("Candidates include businessman John McAfee.", "John McAfee", "businessman"),
        ("She married conductor Leopold Stokowski in 1945.", "Leopold Stokowski", "conductor"),
        (
            "That encouraged analyst David Crossen to raise his estimates.",
            "David Crossen",
            "analyst",
        ),
        (
            "It signed an accord with French businessman Jean-Baptiste Doumeng.",
            "Jean-Baptiste Doumeng",
            "businessman",
        ),
        # The body an office is of, written before it, is part of it.
        # reuters21578-20500, reuters21578-3056, wikinews-2019-01-04-e8d671d308,
        # wikinews-2019-09-07-fc2acf3bec
        (
            "Rates will hold, said Bundesbank president Karl Otto Poehl.",
            "Karl Otto Poehl",
            "Bundesbank president",
        ),
        (
            "The statement quoted Chrysler Chairman Lee Iacocca as saying so.",
            "Lee Iacocca",
            "Chrysler Chairman",
        ),
        (
            "It was confirmed by Emergencies Minister Yevgeny Zinichev.",
            "Yevgeny Zinichev",
            "Emergencies Minister",
        ),
        (
            "They include former Libertarian Party Vice Chairman Arvin Vohra.",
            "Arvin Vohra",
            "former Libertarian Party Vice Chairman",
        ),
        # Up to three words, an acronym, a sentence's first word the text names elsewhere:
        # wikinews-2019-01-30-aabf18a236, reuters21578-9065, reuters21578-3056.
        (
            "Condolences came from Sky News Arabia producer Jamal al-Harbi.",
            "Jamal al-Harbi",
            "Sky News Arabia producer",
        ),
        (
            "The plan is ready, PDVSA president Juan Chacin Guzman said.",
            "Juan Chacin Guzman",
            "PDVSA president",
        ),
        (
            "AMC is owned by Renault. Renault President Raymond Levy said so.",
            "Raymond Levy",
            "Renault President",
        ),
        # Not a part of a longer name, an apposition to the name before, a faith's adjective:
        # "Abu Dhabi TV", wikinews-2019-12-14-d07e969033, reuters21578-8602.
        (
            "It was filmed by Abu Dhabi TV photojournalist Ziad al-Sharabi.",
            "Ziad al-Sharabi",
            "photojournalist",
        ),
        ("She met Catholic Pope Francis in Rome.", "Francis", "Pope"),
        # Not a salutation, a form of address, a party's adjective, a city, or the compass
        # word of a country's name ("West German").
        ("BONN - West German Chancellor Helmut Kohl said so.", "Helmut Kohl", "Chancellor"),
        (
            "Dear Secretary of State Antony Blinken, we write to you.",
            "Antony Blinken",
            "Secretary of State",
        ),
        (
            "BONN - The talks began, said Bonn Finance Minister Gerhard Stoltenberg.",
            "Gerhard Stoltenberg",
            "Finance Minister",
        ),
        (
            "She met Democratic Speaker of the House Nancy Pelosi.",
            "Nancy Pelosi",
            "Speaker of the House",
        ),
        # A lower-case noun before a lower-case role is part of it.
        # wikinews-2019-05-31-99aa00b055, statedept-2022-07-28-8cba424555,
        # wikinews-2019-12-02-f92b0f828e, reuters21578-14924
        ("US voice actor Alexis Tipton marveled at the growth.", "Alexis Tipton", "voice actor"),
        ("They executed democracy activist Kyaw Min Yu.", "Kyaw Min Yu", "democracy activist"),
        ("Another was tour manager Thomas Gray, 24.", "Thomas Gray", "tour manager"),
        (
            "It will open offices, exchange president Nicholas Giordano said.",
            "Nicholas Giordano",
            "exchange president",
        ),
        # A verb, a preposition is no part of it.
        ("The deal is off, said spokesman Peter Jones.", "Peter Jones", "spokesman"),
        ("It followed a coup attempt against leader Jim Bolger.", "Jim Bolger", "leader"),
    ],
)
def test_the_role_read_before_a_name(body: str, name: str, role: str) -> None:
    assert _role_of(body, name, "1987-04-01", "Reuters") == role


def test_an_acronym_set_off_by_a_comma_is_no_office_of_the_name_before() -> None:
    # reuters21578-8602: "U.S. Officials" is no person with a "MITI vice minister" role.
    body = (
        "In a separate letter sent to senior U.S. Officials, MITI vice minister for "
        "international affairs Makoto Kuroda suggested a joint investigation."
    )
    names = {p.name for p in extract(None, body, date="1987-03-24", source="Reuters").people}
    assert "U.S. Officials" not in names


def test_firms_and_towns_named_after_people_and_compounds_of_a_name() -> None:
    # reuters21578-3013, -7963, -8693, -15786, -15974 (dev19 and earlier).
    from search.extract import extract

    def names(body: str) -> set[str]:
        return {p.name for p in extract(None, body, date="1987-03-05").people}

    assert names("Carl C. Icahn-controlled Trans World Airlines said it bought shares.") == {
        "Carl C. Icahn"
    }
    assert names("Clark Equipment Co said it bought 1.3 mln shares.") == set()
    assert names("Walt Disney World said attendance rose.") == set()
    assert names("Salomon Bros said it was hired.") == set()
    # A Cantonese given name written with a hyphen stays whole.
    assert names("Senior Superintendent Yolanda Yu Hoi-kwan said.") == {"Yolanda Yu Hoi-kwan"}


def test_a_numbered_document_with_its_acronym_between_is_no_person() -> None:
    # dev20: statedept-2022-04-11.
    from search.extract import extract

    found = extract(
        None,
        "OFAC has imposed economic sanctions pursuant to Executive Order (E.O.) 14033 on seven "
        "individuals.",
        date="2022-04-11",
        source="U.S. Department of State (press releases)",
    ).people
    assert found == ()


def test_a_headline_verb_after_two_people_ends_the_second_name() -> None:
    # statedept-2022-02-15-2591e93ad9: "Meet", the verb of two subjects, is no name.
    found = {
        p.name: p
        for p in extract(
            "Counselor Chollet and Under Secretary Fernandez Meet with Bulgarian Energy Delegation",
            "Counselor of the Department Derek Chollet and Under Secretary of State for "
            "Economic Growth, Energy, and the Environment Jose Fernandez hosted a delegation "
            "from Bulgaria yesterday to discuss Bulgaria’s efforts to meet climate commitments.",
            date="2022-02-15",
            source="U.S. Department of State (press releases)",
        ).people
    }
    assert not [name for name in found if "Meet" in name]
    assert {"Derek Chollet", "Jose Fernandez"} <= set(found)


@pytest.mark.parametrize(
    ("title", "name"),
    [
        # statedept-2022-02-17-28ac706f7e: the speaker, named in the headline alone
        (
            "Secretary Antony J. Blinken On Russia’s Threat to Peace and Security At the UN "
            "Security Council",
            "Antony J. Blinken",
        ),
        # statedept-2021-07-02-8737032bb5
        (
            "Special Envoy for the Northern Triangle Ricardo Zuniga On His Travel to Guatemala",
            "Ricardo Zuniga",
        ),
    ],
)
def test_a_title_case_preposition_after_a_name_ends_it(title: str, name: str) -> None:
    found = extract(
        title,
        "SECRETARY BLINKEN: Mr. President, this council was convened today.",
        date="2022-02-17",
        source="U.S. Department of State (press releases)",
    ).people
    assert name in {p.name for p in found}
    assert not [p.name for p in found if p.name.endswith(" On")]


def test_a_plural_noun_of_a_title_case_headline_is_no_name() -> None:
    # statedept-2022-08-03-bd0d198d64, statedept-2022-03-05-b1ab5e5cdc
    state = "U.S. Department of State (press releases)"
    found = extract(
        "Art in Embassies Announces New Temporary Exhibitions for Chief of Mission Residences",
        "The exhibitions open this month.",
        date="2022-08-03",
        source=state,
    ).people
    assert found == ()
    found = extract(
        "Secretary Antony J. Blinken And Polish Foreign Minister Zbigniew Rau Statements to "
        "the Press",
        "Rzeszow, Poland\n\nBristol Hotel\n\nMODERATOR: Minister Rau, floor is yours.\n\n"
        "FOREIGN MINISTER RAU: Thank you.",
        date="2022-03-05",
        source=state,
    ).people
    assert not [p.name for p in found if "Statements" in p.name]
    assert "Rau" in {p.name.split()[-1] for p in found}


def test_a_role_that_begins_inside_an_organisations_name_begins_at_the_name() -> None:
    # statedept-2022-04-21-bc52331e2c
    (person,) = extract(
        None,
        "On Earth Day, he will also meet with Economic Commission for Latin America and the "
        "Caribbean Acting Executive Secretary Mario Cimoli.",
        date="2022-04-21",
        source="U.S. Department of State (press releases)",
    ).people
    assert person.role == (
        "Economic Commission for Latin America and the Caribbean Acting Executive Secretary"
    )
    assert person.org == "ECLAC" and person.country is None


def test_the_head_of_an_organisation_whose_name_holds_a_demonym_serves_it() -> None:
    # statedept-2021-07-13-572dc804d9: the "American" of the Organization of American
    # States makes its Secretary General no American.
    (_, person) = extract(
        None,
        "Secretary of State Antony J. Blinken spoke today with Secretary General of the "
        "Organization of American States (OAS) Luis Almagro to discuss the situation in Haiti.",
        date="2021-07-13",
        source="U.S. Department of State (press releases)",
    ).people
    assert person.name == "Luis Almagro"
    assert person.country is None and person.org == "Organization of American States"


def test_an_executive_order_is_not_a_person() -> None:
    # statedept-2021-07-31-1f5e62781e and six more State Department releases
    found = extract(
        None,
        "They also reviewed President Biden’s Executive Order on America’s Supply Chains.",
        date="2021-07-31",
        source="U.S. Department of State (press releases)",
    ).people
    assert [p.name for p in found] == ["Biden"]


def test_a_portfolio_for_international_affairs_is_part_of_the_office() -> None:
    # statedept-2022-02-07-107bc21090 and four more releases: not "Religious Freedom
    # Rashad Hussain"; "director of Amnesty International Man-kei Tam" still ends there.
    (person,) = extract(
        None,
        "U.S. Ambassador at Large for International Religious Freedom Rashad Hussain spoke.",
        date="2022-02-07",
        source="U.S. Department of State (press releases)",
    ).people
    assert person.name == "Rashad Hussain"
    assert person.role == "Ambassador at Large for International Religious Freedom"
    (person,) = extract(
        None,
        "Hong Kong director of Amnesty International Man-kei Tam said in a statement.",
        date="2019-09-06",
        source="Wikinews (English)",
    ).people
    assert person.name == "Man-kei Tam"


# statedept-2021-06-25-6f83ccd269, statedept-2021-06-03-99a9e84f66: a residence is a house.
@pytest.mark.parametrize(
    "body",
    [
        "Paris, France\n\nU.S. Ambassador’s Residence\n\nSECRETARY BLINKEN: Thank you all very "
        "much.",
        "It is my honor to welcome you to the Chief of Mission Residence here in San Jose.",
    ],
)
def test_a_residence_is_not_a_person(body: str) -> None:
    found = extract("Remarks", body, source="U.S. Department of State (press releases)")
    assert "Residence" not in {p.name for p in found.people}


# Words of an office or a document right after a role word are no names (State Department
# releases, a Reuters story and UN General Debate statements of the corpora).
@pytest.mark.parametrize(
    ("body", "word"),
    [
        ("The Department named Gina Abercrombie-Winstanley its first Chief Diversity and "
         "Inclusion Officer.", "Diversity"),
        ("The statement was delivered by Minister Responsible for Foreign Affairs Yousuf bin "
         "Alawi bin Abdullah.", "Responsible"),
        ("Martin Griffiths, Under-Secretary-General for Humanitarian Affairs and Emergency "
         "Relief Coordinator, briefed the Council.", "Relief"),
        ("The company said in the Official Bulletin it would raise its capital.", "Bulletin"),
        ("The Secretary congratulated the people of the United Kingdom on the Queen's Official "
         "Birthday.", "Birthday"),
    ],
)  # fmt: skip
def test_an_office_or_document_word_after_a_role_is_no_name(body: str, word: str) -> None:
    found = extract("Release", body, source="U.S. Department of State (press releases)")
    assert word not in {p.name for p in found.people}


def test_a_nationality_before_the_next_ones_offices_is_theirs() -> None:
    # reuters21578-15048: the one listed after a Japanese official is British, as written;
    # with no nationality of their own, a colleague listed after stays a compatriot.
    people = {
        p.name: p.country
        for p in extract(
            "G-5 TALKS",
            "WASHINGTON, April 8 - Also seen arriving were Japan's central bank governor "
            "Satoshi Sumita and British Chancellor of the Exchequer and central bank governor "
            "Robin Leigh Pemberton. Panamanian President Laurentino Cortizo and Acting Foreign "
            "Minister Dayra Carrizo spoke.",
            date="1987-04-08",
            source="Reuters",
        ).people
    }
    assert people["Robin Leigh Pemberton"] == "GBR"
    assert people["Dayra Carrizo"] == "PAN"
