"""A story's setting as the side of its officials, and what does not block it.

Cases modelled on Reuters-21578 articles whose officials had no side before the rule."""

from __future__ import annotations

from search.extract import extract

STATE = "U.S. Department of State (press releases)"


def _people(body: str, date: str) -> dict:
    return {p.name: p for p in extract(None, body, date=date, source="Reuters").people}


def test_a_country_in_what_an_official_does_leaves_them_the_settings() -> None:
    # reuters21578-8602: Tamura is Japan's minister; "U.S. anger" is what he is to calm.
    found = _people(
        "TOKYO, March 24 - Prime Minister Yasuhiro Nakasone intervened in the dispute. At "
        "today's Cabinet meeting, Nakasone told Trade and Industry Minister Hajime Tamura to "
        "redouble his efforts to calm U.S. anger over Japan's trade practices.",
        "1987-03-24",
    )
    assert found["Hajime Tamura"].country == "JPN"
    # A country in apposition still says who the official is.
    found = _people(
        "TOKYO, March 24 - Japan said it would act. Trade Minister Hajime Tamura, U.S. "
        "Trade Representative Clayton Yeutter's counterpart, spoke.",
        "1987-03-24",
    )
    assert found["Clayton Yeutter"].country == "USA"


def test_a_person_without_office_keeps_no_setting_past_another_country() -> None:
    # wikinews-2019-09-15-8a4f3602c8: a journalist is not the setting's.
    found = extract(
        None,
        "Saudi Arabia said the attacks hit Saudi oil plants. Saudi officials met in Riyadh. "
        "BBC's Jonathan Marcus said questions remain how much Iranian assistance is received.",
        date="2019-09-15",
        source="Wikinews",
    ).people
    assert [p.country for p in found if p.name == "Jonathan Marcus"] in ([None], [])


def test_who_leads_a_delegation_is_its_sides() -> None:
    # reuters21578-8080: the talks are in New Zealand; Prauge leads the French delegation.
    found = _people(
        "TAUPO, New Zealand, March 20 - Trade ministers meet in New Zealand. French Foreign "
        "Trade Minister Michel Noir pulled out of the talks. Cabinet chief Bernard Prauge will "
        "lead the French delegation.",
        "1987-03-20",
    )
    assert found["Bernard Prauge"].country == "FRA"


def test_a_minister_in_a_story_filed_from_elsewhere_is_its_main_countrys() -> None:
    # reuters21578-12196: filed from Paris about Senegal, no setting; the minister is
    # Senegal's, the weakest clue ("main"), and only for a minister.
    found = _people(
        "PARIS, April 1 - Aid donors have promised Senegal 1.8 billion dlrs in soft loans, "
        "the World Bank said. Senegal's reforms were praised. Finance Minister Mamoudou Toure "
        "said Senegal's global foreign debt came to 800 billion francs cfa. Bank official "
        "John Smith said Senegal would grow.",
        "1987-04-01",
    )
    assert (found["Mamoudou Toure"].country, found["Mamoudou Toure"].how) == ("SEN", "main")
    assert found["John Smith"].country is None


def test_a_minister_whose_government_the_story_just_named_is_its() -> None:
    """reuters21578-8796: filed from Cairo about Sudan; "Finance Minister Beshir Omer ...
    said his government also rejected" is the minister of the government the sentence
    before named, though his own sentence names no country."""
    found = _people(
        "CAIRO, March 24 - Sudan has rejected a demand by the International Monetary Fund "
        "for a currency devaluation, the official Sudan News Agency reported. Finance "
        "Minister Beshir Omer, quoted by SUNA, said his government also rejected an IMF "
        "demand to lift state subsidies. Sudan, burdened by a foreign debt of 10.6 billion "
        "dlrs, is some 500 mln dlrs in arrears to the IMF.",
        "1987-03-24",
    )
    assert found["Beshir Omer"].country == "SDN"


def test_a_country_possessive_and_the_datelines_government_give_officials_a_side() -> None:
    # reuters21578-10100 and -12414
    found = _people(
        "RIO DE JANEIRO, March 5 - Brazil's coffee chief Jorio Dauster said Brazil would not "
        "change its policies.",
        "1987-03-05",
    )
    assert (found["Jorio Dauster"].role, found["Jorio Dauster"].country) == ("coffee chief", "BRA")
    found = _people(
        "BONN, April 2 - Soviet deputy prime minister Alexei Antonov begins talks in Bonn. "
        '"The main point will be Soviet reforms," government spokesman Friedhelm Ost said.',
        "1987-04-02",
    )
    assert found["Friedhelm Ost"].country == "BRD"
    # A government a word names is that word's: "the Soviet government spokesman".
    found = _people(
        "BONN, April 2 - The talks began, the Soviet government spokesman Gennady Gerasimov said.",
        "1987-04-02",
    )
    assert found["Gennady Gerasimov"].country == "SUN"


def test_a_reporter_takes_no_side_from_the_storys_setting() -> None:
    # wikinews-2020-10-23-05fac84786, wikinews-2020-05-24-5eadaae9e3
    found = {
        p.name: p
        for p in extract(
            "Wikinews interviews Bill Hammons",
            "Wikinews accredited reporter William S. Saturn reached out to Unity Party of "
            "America presidential nominee Bill Hammons of Colorado to discuss his campaign "
            "for President of the United States. The United States votes in November.",
            date="2020-10-23",
            source="Wikinews",
        ).people
    }
    assert found["William S. Saturn"].country is None
    found = {
        p.name: p
        for p in extract(
            None,
            "Japanese wrestler Hana Kimura died in Tokyo, Japan. Netflix Japan delayed a new "
            "episode. Wrestling sportswriter Dave Meltzer tweeted after hearing the news.",
            date="2020-05-24",
            source="Wikinews",
        ).people
    }
    assert found["Dave Meltzer"].country is None


def test_a_minister_whose_sentence_names_the_main_country_only_as_anothers_takes_none() -> None:
    # reuters21578-12737 (dev18): Kato is Japan's minister, not the United States'.
    found = _people(
        "TOKYO, April 3 - Agriculture Minister Mutsuki Kato said he will meet U.S. Agriculture "
        "Secretary Richard Lyng here on April 17. The U.S. wants Japan to open its markets to "
        "U.S. beef, U.S. oranges and U.S. rice.",
        "1987-04-03",
    )
    assert found["Mutsuki Kato"].country != "USA"


def test_a_pictures_credit_takes_no_setting() -> None:
    # wikinews-2019-03-28: the photographers credited under the pictures.
    from search.extract import extract

    found = extract(
        "Anti-Brexit march in London",
        "LONDON - Protesters marched from Hyde Park Corner to Parliament. The mayor of "
        "London, Sadiq Khan, tweeted his support.\nProtesters at the march. Image: Andrew "
        "Gray.\nChildren. Image: Garry Knight (flickr).",
        date="2019-03-28",
        source="Wikinews (English)",
    ).people
    sides = {p.name: p.country for p in found}
    assert sides["Andrew Gray"] is None and sides["Garry Knight"] is None
    assert sides["Sadiq Khan"] == "GBR"


def test_a_minister_takes_the_dateline_country_the_headline_names() -> None:
    # reuters21578-12737: no setting (the story is on Japan and the U.S.), but Kato is
    # Japan's minister, filed from Tokyo under a headline naming Japan.
    found = {
        p.name: p
        for p in extract(
            "JAPAN/U.S. AGRICULTURE TALKS SET FOR APRIL 17, 20",
            "TOKYO, April 3 - Agriculture Minister Mutsuki Kato said he will meet U.S. "
            "Agriculture Secretary Richard Lyng here on April 17 and 20 to discuss bilateral "
            "farm trade issues. Lyng will visit Tokyo from April 16 to 27. Kato said all topics "
            "of concern to the U.S. Will be discussed, such as import controls on U.S. Farm "
            "products. The U.S. Wants Japan to open its market.",
            date="1987-04-03",
            source="Reuters",
        ).people
    }
    assert found["Mutsuki Kato"].country == "JPN"
    assert found["Richard Lyng"].country == "USA"
    # A dateline the headline does not name is only where the story was filed.
    found = {
        p.name: p
        for p in extract(
            "VENEZUELA HAS NO PLANS TO SEEK REVISED DEBT ACCORD",
            "GUANAJUATO, Mexico, June 1 - Venezuela has no plans to renegotiate its debt "
            "accord with creditor banks. According to finance minister Manuel Azpurua, a 100 "
            "mln mark credit has been lined up. Venezuela is also seeking loans in Japan.",
            date="1987-06-01",
            source="Reuters",
        ).people
    }
    assert found["Manuel Azpurua"].country != "MEX"


def test_a_country_an_official_asks_something_from_leaves_them_the_settings() -> None:
    # reuters21578-17280.
    found = _people(
        "BANGKOK, April 27 - Thailand will this week seek clarification from the U.S. About "
        "its decision to freeze rice export prices, Commerce Minister Montri Pongpanich said. "
        "Thailand's exporters were hurt, and Thai traders said so.",
        "1987-04-27",
    )
    assert found["Montri Pongpanich"].country == "THA"


def test_a_market_analyst_is_where_the_wire_files_from() -> None:
    # reuters21578-4969: filed from New York about Brazil's loans; the analysts polled are
    # American, the countries they talk about are not theirs.
    found = _people(
        "NEW YORK, March 13 - CitiCorp appears to be digging in its heels over the loans that "
        'Brazil owes, analysts said. "I view it as posturing," said analyst Carole Berger of '
        "Cyrus J. Lawrence Inc, referring to both Brazil and Citicorp. Analyst Robert Gordon of "
        "Shearson Lehman Brothers Inc said Manufacturers Hanover has the greatest exposure to "
        "Brazilian loans.",
        "1987-03-13",
    )
    assert found["Carole Berger"].country == "USA"
    assert found["Robert Gordon"].country == "USA"
    # A country beside the analyst says where they work; not for other occupations.
    found = _people(
        "NEW YORK, March 13 - Brazil owes the banks billions, analysts said. Analyst Pedro "
        "Malan of Banco Itau in Brazil said talks would be long. Chairman John Reed said "
        "Brazil would pay.",
        "1987-03-13",
    )
    assert found["Pedro Malan"].country != "USA"
    assert found["John Reed"].country is None


def test_the_publishers_country_beside_a_foreign_official_is_the_publisher_speaking() -> None:
    # statedept-2021-07-26-97c87b856f: a readout on Samoa's election.
    found = {
        p.name: p
        for p in extract(
            "Election of Fiame Naomi Mata’afa as Prime Minister of Samoa",
            "The United States congratulates Fiame Naomi Mata’afa on her historic victory to "
            "become Samoa’s first female prime minister. We look forward to working with Prime "
            "Minister Fiame Naomi Mata’afa and Samoa’s new government. The United States thanks "
            "former Prime Minister Tuila’epa Sa’ilele Malielegaoi for his longstanding friendship.",
            date="2021-07-26",
            source="U.S. Department of State",
        ).people
    }
    assert found["Tuila’epa Sa’ilele Malielegaoi"].country == "WSM"


def test_a_shared_surname_with_an_office_the_publisher_lacks_is_the_others() -> None:
    # statedept-2022-06-13-6ab0297538: the U.S. has no Prime Minister; its Vice President
    # stays its own.
    found = {
        p.name: p.country
        for p in extract(
            None,
            "Secretary Blinken met UK Foreign Secretary Truss. They recognized the anniversary of "
            "President Biden and Prime Minister Johnson’s New Atlantic Charter. Vice President "
            "Harris joined them.",
            date="2022-06-13",
            source="U.S. Department of State",
        ).people
    }
    assert found["Johnson"] == "GBR"
    assert found["Harris"] == "USA"


def test_offices_that_name_their_country_or_government() -> None:
    # statedept-2022-05-08-7aadd1fd4d: Taiwan's office; statedept-2022-03-28-5793e00b5a:
    # a State Department bureau's assistant secretary named by the bureau's subject.
    found = {
        p.name: p.country
        for p in extract(
            None,
            "In Geneva, Assistant Secretary Sison will also meet with the Director-General of "
            "the Taipei Economic and Cultural Office, Nicole Su. The statement was welcomed by "
            "Oceans and International Environmental and Scientific Affairs Principal Deputy "
            "Assistant Secretary J.R. Littlejohn in Singapore.",
            date="2022-05-08",
            source="U.S. Department of State",
        ).people
    }
    assert found["Nicole Su"] == "TWN"
    assert found["J.R. Littlejohn"] == "USA"


def test_an_organisations_office_set_off_after_a_name_keeps_the_organisation() -> None:
    # reuters21578-2087, -12811: "David Haggard, ASA president, told Reuters".
    (person,) = extract(
        None, '"It is repugnant," David Haggard, ASA president, told Reuters.', date="1987-03-02"
    ).people
    assert (person.name, person.role) == ("David Haggard", "ASA president")
    # Not before an office that goes on to the name after it (reuters21578-8602).
    found = extract(
        None,
        "In a letter sent to senior U.S. Officials, MITI vice minister for international "
        "affairs Makoto Kuroda suggested a joint investigation.",
        date="1987-03-24",
    ).people
    assert "U.S. Officials" not in {p.name for p in found}


def test_a_citizen_named_with_a_country_is_its() -> None:
    # statedept-2021-07-23-949030f71e, -2022-04-27-da6a64482c: detained citizens.
    found = {
        p.name: p.country
        for p in extract(
            None,
            "Secretary Blinken spoke about the case of U.S. citizen Danny Fenster, a journalist "
            "detained in Burma. British citizens Nazanin Zaghari-Ratcliffe and Anoosheh Ashoori "
            "were released.",
            date="2022-03-16",
            source="U.S. Department of State",
        ).people
    }
    assert found["Danny Fenster"] == "USA"
    assert found["Nazanin Zaghari-Ratcliffe"] == "GBR"


def _sides(title: str, body: str, source: str | None, date: str) -> dict[str, str | None]:
    return {p.name: p.country for p in extract(title, body, source=source, date=date).people}


def test_a_story_naming_only_its_local_places_is_set_where_they_are() -> None:
    # wikinews-2019-12-02-f92b0f828e: a London story names "London" and "Staffordshire",
    # and no country but Poland's demonym for a bystander.
    found = _sides(
        "Bystanders foil knife attack on London Bridge",
        "On Friday, 28-year-old Usman Khan stabbed several people at Fishmongers' Hall in "
        "London. Another man, a Polish chef, harried him. One of the men who held Khan down "
        "was James Ford, 42. He had been living in Staffordshire.",
        "Wikinews",
        "2019-12-02",
    )
    assert found["Usman Khan"] == "GBR" and found["James Ford"] == "GBR"


def test_local_places_outweigh_a_foreign_country_named_often() -> None:
    # wikinews-2019-10-10-316bd5c2f4: "the US" named over and over, the story set in
    # England (London, Watford, Northamptonshire).
    body = (
        "Prime Minister Boris Johnson asked the United States to waive immunity for the US "
        "diplomat's wife, who returned to the US. Johnson spoke at a hospital in Watford. "
        "The crash happened near a US Air Force base. Chief constable Nick Adderley wrote to "
        "the US Embassy in London. The US Embassy declined. Police in London said the US "
        "State Department advised the family."
    )
    found = _sides("UK urges US to waive immunity", body, "Wikinews", "2019-10-10")
    assert found["Nick Adderley"] == "GBR"


def test_a_governments_text_is_set_by_its_places_only_at_home() -> None:
    # statedept-2022-07-19-825d51e5cb: a tour of Delaware, naming no country.
    body = (
        "The program will travel to Wilmington, Delaware. Speakers include Laura Carlson, "
        "provost, and Kurt Foreman, CEO of the Delaware Prosperity Partnership. The "
        "ambassadors will meet leaders across Delaware, as they did in Atlanta."
    )
    found = _sides("Experience America Visit to Delaware", body, STATE, "2022-07-19")
    assert found["Kurt Foreman"] == "USA"
    # Abroad, a readout's places set nothing ("the West", no region of Cameroon's).
    abroad = _sides(
        None,
        "In Ramallah, Special Envoy Hady Amr met with civil society leaders. He then "
        "traveled to Hebron, and discussed support for the West.",
        STATE,
        "2022-05-02",
    )
    assert abroad.get("Hady Amr") == "USA"


def test_a_minister_takes_no_setting_whose_government_has_none() -> None:
    # reuters21578-7135, -10588: the United States has no ministers.
    people = _people(
        "NEW YORK, March 19 - The U.S. trade deficit with Taiwan and Korea is expected to "
        "widen this year, economists said. But vice economic minister Wang Chien-Shien said "
        "last month that he still does not expect Taiwan's trade surplus with the U.S. will "
        "fall in 1987.",
        "1987-03-19",
    )
    assert people["Wang Chien-Shien"].country != "USA"
