"""The extract stage of ingest: one article's text in, an `Extraction` out.

Each extractor is a pure function over the document text (title, blank line, body);
this module runs them in order, handing each what the earlier ones found: countries
first (people, organisations, events and commitments need them), then people (events
and commitments take a person's country as an actor).

The package itself holds only `EXTRACTOR_VERSION`; the stage (`Extractor`, `extract`,
`extract_article` and its limits) lives in `search.extract.stage` and is reached through
this package lazily: importing a submodule ("search.extract.countries") must not import
every extractor.  With the stage imported eagerly here, two threads importing the engine
at once (the TUI's workers at start-up) could each hold one module's import lock while
waiting for the other's, and one of them got a half-initialised module.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from search.lazy import lazy_exports

if TYPE_CHECKING:
    from search.extract.stage import (
        MAX_ANALYSED,
        MAX_TAGGED,
        SETTING_MARGIN,
        Extractor,
        extract,
        extract_article,
    )

__all__ = [
    "EXTRACTOR_VERSION",
    "MAX_ANALYSED",
    "MAX_TAGGED",
    "SETTING_MARGIN",
    "Extractor",
    "extract",
    "extract_article",
]

# The version of what this stage produces; stored with each article, so `briefroom
# reextract` can bring an archive extracted by an older briefroom up to date.
# 2: people's sides from evidence (affiliation, registry), engagements per article.
# 3: people named bare and notable figures, sides of commitments, who acts together
#    (the pair rule's rule 3, `search.pairs`).
# 4: trips led as delegations, courtesy calls, welcomed visits, a trip's dates per stop,
#    portfolios in lists, colleagues listed after a compatriot, plural roles, officials
#    met ("met"), commitments' relative clauses (measured on the dev2 split).
# 5: named dialogues as engagements of their own, held during the visit or meeting beside
#    them; a trip's place stops before a month ("to Tajikistan May 23-27"); taking part
#    in a forum with others named before it; a counterpart's office.
# 6: forms of office of wire news and institutions of one country; forum members; passive
#    signings; a traveller's meeting abroad as a stop of the trip; forums a trip goes to;
#    signings at named dialogues; urged, habitual and called-off meetings are none; the
#    heads of a side's team; joint statements' signatories; forums' members as the side
#    of a commitment; notables (2,700 figures, and those who serve no state); generational
#    suffixes ("Lloyd J. Austin III" is Austin).
# 7: a long news story keeps the engagements it reports with one side's people named
#    (only a government's briefings and speeches drop them); the UN's organs (General
#    Assembly, Security Council, Human Rights Council) credit the UN; when said between
#    a trip's verb and where it goes ("will travel on July 28 to Kuwait City").
# 8: "he"/"she" as the official the paragraph named before; joining other countries'
#    representatives; engagements told with a trip held on it; fora of fixed membership
#    (Quad, P5, Normandy Format, North American Leaders' Summit ...); requests, channels
#    ("through the Strategic Dialogue"), wars, seas, office titles and trips for medical
#    care are no engagements; an envoy sent is another trip than the leader's; Title
#    Case headlines "X At a Signing"; an organisation in a role is the side, not the role;
#    lists of leaders and organisations commit as sides.
# 9: questions ("Asked whether") and announced meetings ("will meet with") are no
#    commitments; each stop of a trip takes its own days, city and status; "welcome to
#    Chisinau" is a visit; a government's own (Cabinet) meeting is none; a forum's
#    meeting stays its own on a trip and dates it; what a forum agreed somewhere is its
#    meeting (the Louvre six as G6); "talks last week between"; "last/this week" as a
#    month; a plural office before a list of names gives each its role and side.
# 10: a joint statement's signatories are a list (not whom they condemn) and its "we"; two
#    officials by title ("The Secretary and the Foreign Minister") agree for both sides;
#    an agreement as the subject is its parties'; "agreed with X"; a meeting held
#    elsewhere is not part of a visit; a forum a past trip went to is past; speaking
#    with ministers during a forum's meeting is taking part in it; "After visiting X, Y
#    and Z, Funaro" is his past visits; the G7's summit by its old names; a relative
#    clause's date is its own engagement's; "next week" gives way to a later day; a
#    coordinated verb's subject is the first verb's; "signed ... with X"; "He" after "The
#    Secretary"; "the three Scandinavian countries"; military ranks are no names; a
#    border is no country visited; a forum no lexicon lists, taken part in ("the Ukraine
#    Contact Group meeting").
# 11: "I" in a government's own statement is its official; a forum's name keeps its small
#    words ("the Group of Seven meeting"); an international organisation's own meeting
#    ("the ADB's annual meeting", "the next GATT Council meeting"), announced by "starting
#    April 27"; a quoted engagement keeps its quoted date; the West Bank and Gaza are
#    Palestinian, "DRC" is the Congo's; a trip's destination names keep "of the"; a later
#    stop's own day dates its visit; each forum of a listed set is its own; a side in a
#    pair's engagement name ("to the U.S.-South Africa Strategic Dialogue").
# 12: meetings known by a short name (data/meetings.yaml: the G7's summits by their place,
#    the Plaza and Louvre accords, the UN's climate conferences by number) carry their
#    days, city and members; "will travel March 19-23 to"; "flew in from Tokyo for the
#    talks" is a visit to the dateline's country; a story's news is dated only by a day
#    of the month before it; "the meetings scheduled next month ... between", "a state
#    visit he will make to", "who flies to Brussels today" are announced; "no plans to
#    meet" is none; the negotiations of "That agreement, reached last year after ...
#    negotiations" are its two countries'; one country's own dialogue hosted abroad
#    ("intra-Libyan") is none; "the Biden-Harris Administration" is the publisher's side;
#    "the May 16 White House visit of X" goes there, history when the news follows it;
#    a Title Case headline's names closed by a comma, its end or its verb are kept; the
#    commodity organisations, the IGGI, UNCTAD, the Groups of 77 and 24 and the Mekong
#    River Commission are international; a trip's list goes on past "(ROK)"; "a
#    strategic dialogue" on a visit is its own; "which was held ... in March" dates it;
#    a resolution is no meeting; "when we were in Moldova ... ago" is the speaker's
#    visit; "Media" and "Council" are no given names; "den", "das", "al-Tayer" go on a
#    name; a stock exchange, a revolution or a peninsula is no person; "Corporate Affairs
#    Minister"; "The King urged" is the king named before; a passive agreement's side is
#    its agent ("agreed to by OPEC").
# 13: a forum of states agrees as it meets ("Opec agreed in December"; OPEC and the Paris
#    Club are forums); an organisation's body or noun named alone ("the next Council
#    meeting", "the bank's 20th annual meeting") is the one named before; a month named as
#    an engagement's dates it ("the December conference"); envoys of three countries or
#    more who agreed met; an agreement reached with or between parties, and discussions
#    with them, are their talks; named talks held in places are with those countries; a
#    one-country official's talks in a capital are with its government (not where
#    organisations sit); a public schedule's timed items are that day's plans; officials
#    met where a sentence is set ("In Vientiane, ... will meet with") are the place's; "A's
#    leaders, including X, Y and Z"; a meeting then a larger one in a sentence are two;
#    two trips to one country at different times are two; "leaves for Japan on
#    Saturday"; a sentence opens after "Washington, D.C." at an office; an office set off
#    after a name goes on to its comma; "Department of State" before an office is its
#    department; a gloss in parentheses is no office; "the current president, X,"; "X as
#    deputy secretary general"; two-letter family names ("Le Minh Hoan").
# 14: a title or month word that is a given name begins a name before another name word
#    ("Foreign Minister Amir Hossein Abdollahian", "SAS President Jan Carlzon"); a mission
#    named by its post is the sender's ("Embassy Panama City’s Chargé d’Affaires"); "X as
#    new U.S. ambassador"; "the Summit of the Americas, which the United States will host"
#    is that summit, many-sided (a named summit is, unless named after two parties); "late
#    this year", "earlier this year" date to the year; "the annual meeting", "the next
#    meeting" just after an organisation is named are its own ("whether Taiwan would
#    attend the next meeting" is still held); "said after four days of negotiations"
#    and "ended talks" with "the three-day talks" date the talks by their first day; "the
#    Joint Declaration of December 22, 2020, signed by A, B, and C" is their signing;
#    "their intent" is of the engagement reported, not of one recalled as history; a
#    transcript's "(The Memorandum of Understanding is signed.)" records the signing done;
#    a wire story's "he" just after its lead is the lead's subject ("a state visit he will
#    make to Britain"); "Minister of Information Moammar al-Eryani": a family name with a
#    particle ends the name; "Chief of Defense General Valeriy Zaluzhny": a rank, then him;
#    "looks forward to returning to Australia" is a trip there; "After visiting A, B and
#    C, X is now on his way to Tokyo, where he is to arrive on Sunday for talks": the
#    countries toured are not the talks', and the trip is ahead, on that day; a trip
#    announced for next month takes the day told later ("the week-long visit starting
#    April 29"); "the next formal talks would be Monday" are the talks reported; "the
#    future of Macao" is what talks settle, not a side; "after the official signing in
#    Peking on Thursday" is a signing ahead, by the two countries the sentence names; "I
#    hope that the leaders ... will meet" is a wish, not a plan; "The Armenian delegation
#    included Deputy Minister of Justice X": his side, not words of his office; in a
#    transcript, "appreciate your visit to Vilnius" is the visit of the one spoken to; an
#    organisation's own meeting a minister attends is multilateral; "visit the Panama Canal
#    to speak with X" is no call; "As Biden reiterated during his meeting with Trudeau at
#    the Summit of the Americas": that meeting, history, not the forum; a body's acronym
#    before an office is part of it ("USAID Administrator", "SAS President"); a Foreign
#    Affairs Officer, an office "of the Department of State" and "White House Office of
#    National Drug Control Policy Assistant Director" are the U.S. government's; in a list,
#    an office set off after a name stays with it ("Lt. Gen. Stephen Sklenka, Deputy
#    Commander of U.S. Indo-Pacific Command, and Marine Corps Lt. Gen. Steven Rudder"); a
#    trip's stops listed between semicolons ("to Asuncion, Paraguay; Panama City, Panama;
#    and San Salvador, El Salvador") are each a visit; a forum named after its two parties
#    ("the U.S.-Croatia Forum") is a meeting of the two; "the Morocco-U.S. dialogue on
#    human rights held in September 2021" is their consultations; "Vice President Harris"
#    in the U.S. government's text is Kamala Harris, not Ireland's Simon Harris; "Financier
#    Carl Lindner ... Lindner said" is Carl Lindner, not Germany's Christian Lindner;
#    "Qaboos bin Said", "Haitham bin Tariq Al Said": "Said" after "bin" or "Al" ends a name.
# 15: a group the article defines by listing its members ("The Friends of the Mekong
#    includes: ...") is a joint statement's "we" and takes part as those members; an
#    agreement made at a many-sided meeting named after the cue ("agreed on in Paris in late
#    February") is all its parties; whose commitment: "they" after a two-sided subject is
#    both, "my" in a transcript the speaker's, "All ... pledged" all who took part, a
#    relative pronoun its antecedent, the proposer of a proposal agreed to a party, "EC
#    foreign ministers" the EC's, "the government" no word names the dateline's, "the
#    government's announced intention" its owner's, "The statement said ... and called
#    for" its issuer's; a clause's leading "and"/"but" is no part of its subject; people:
#    a Korean family name written first is a later reference ("Rha"), a country past a
#    verb of what an official does keeps the setting, who leads "the French delegation"
#    is French, an office for "U.S. Southern Command" is the country's, a body set off
#    after a name ("Slovenian Ministry of Foreign Affairs", "head of the Mexican
#    Delegation"), a trip paragraph's stop ("In Hanoi,"), the head of an organisation
#    named just before or in the sentence before, a city in an office is where ("Head of
#    the EC Delegation in Washington"), "X, the delegate of Italy", a minister of a story
#    filed from elsewhere is its main country's, "Opec Conference President", a bare
#    "government spokesman" is the dateline's, "Brazil's coffee chief", "Soviet
#    government spokesman", a reporter takes no setting; roles: a plural trade before a
#    list ("actors A, B and C", "NASA astronauts"), trades ("businessman", "conductor"),
#    the body an office is of ("Bundesbank president", "Sky News Arabia producer"), a
#    lower-case noun before a lower-case role ("voice actor"); institutions that end like
#    names are no people ("Stock Exchange", "Golan Heights"); engagements: a dated
#    agreement between two parties is their signing, a visit "on his way home" passes
#    through, "the delegation" of a government's text is its own, a delegation's members
#    listed anywhere take part where its lead does, as do its leads ("X, Y and Z jointly led
#    the U.S. delegation", "..., head of the Mexican Delegation") and those who "also
#    participated in the session"; a portfolio's words ("Korean Peninsula
#    Peace") end no name, nor a name an institution's last word follows ("Meat Price
#    Stabilisation Scheme"); the main country is a minister's only when his sentence names
#    it; "since the February Paris accord" does not date the meeting before it; "said they"
#    after a two-sided opening is both.
# 16: engagements: a meeting "during his two-day visit" is the visitor's visit to the other
#    side; a government's own departments and National Security Council are its side; in
#    a news story, an organisation's meeting with no country named takes part as the
#    members the story shows acting ("West Germany and Ireland are opposed", "a Colombian
#    proposal", "the delegate of Italy"); "held his call yesterday with"; a readout's
#    undated title engagement takes its opening's day; "support for the opening of ...
#    negotiations" holds none; a council that "adjourned" met; "looked forward to welcoming
#    the Minister to Washington" is a visit to come, not dated by an earlier "today"; a
#    working breakfast, lunch or dinner with an official is a meeting; a daily public
#    schedule's entries are to come that day; a date past the purpose that modifies a
#    noun ("to condemn the Feb 26 ... tests") dates no call; "President Aliyev and Prime
#    Minister Pashinyan's planned meeting" takes both; who chairs a quoted forum takes
#    part; an office named alone ("The Deputy Secretary and Foreign Minister") is the one
#    person who holds it; remarks before a meeting at home that call it "this visit", or a
#    readout's one meeting abroad with "the opportunity to visit", are a visit; "two days
#    of emergency talks which ended on Friday" are dated by their first day; an
#    organisation's lower-case "general assembly"/"special session" is its meeting; a
#    pair of demonyms before the noun ("Soviet-American talks") names its two sides;
#    organisations: the European Commission and Parliament are the EU's; people: "a
#    Zambian delegation that included" lists its members, whose country beats an office's
#    default; a title that is a surname after a given name ("Amy Pope", "Julie Bishop");
#    "Senior Advisor" is a government's own office; "Sen.", "Rep.", "Gov." with their
#    full stop are offices, ", R-Mo." the U.S. Congress; "Special Adviser to the UN
#    Secretary General X" and "Special Assistant to the Prime Minister" are the holder's
#    whole office (the UN's staff for the former); a common surname alone ("Aliyev’s")
#    names the one notable of a country the text names; a role ends before a telephone
#    number and drops a place cut short of its noun; a name ends inside a compound
#    ("Icahn-controlled"), and a firm's or town's word after a founder's name ("Clark
#    Equipment", "Walt Disney World", "Rocky Mount") makes no person; a picture's credit
#    ("Image: Andrew Gray") takes no setting; "Executive Order (E.O.) 14033" is no one;
#    the speaker's own visit told in the first person ("I visited Algeria in March", "to
#    be back in Morocco for my first visit"); "the gains made in connection with the
#    U.S.-Armenia Strategic Dialogue" holds no meeting; commitments: "pledged continued
#    support", "recommit to", "the U.S. resolve to"; a joint statement's signatories
#    listed with initials ("Antony J. Blinken"), not its topic ("on Syria’s election").
# 17: people: a minister the story gives no country takes its dateline's when the
#    headline names it; "seek clarification from the U.S." is what an official does;
#    a notable's surname that is a given name too ("Erdogan") stands alone where the
#    text names the country, and after "Presidents Biden and"; a headline's verb after
#    two people ("Fernandez Meet with") ends the name; an office with a complement
#    chained to another before the name ("Deputy Prime Minister for EU Funds and Minister
#    of Finance Assen Vassilev") is the holder's, with the first's demonym; an office in
#    a list ends before ", and" and a given name; engagements: a meeting told before the
#    visit it is held during takes the visit's first day; a delegation the publisher's
#    officials "hosted", which the readout calls "this visit", visited the publisher;
#    commitments: "... and the United States agreed to" is another subject's own; a
#    group's or a list's subject ends at its first verb ("They condemned the atrocities
#    of Russia's forces and expressed resolve", "X, Y, and Z strongly condemn ...,
#    commit to"), an elided subject is the earlier clause's before the sentence's meeting;
#    dates: a weekend ("a brief weekend visit", "last weekend") is its Saturday; people:
#    in a government's text, its departments by short name ("DHS Assistant Secretary")
#    and White House staff ("Special Assistant to the President", "Senior Director") are
#    its own; "bank president" after a bank is named is its head; engagements: "the
#    bank's 20th annual meeting" is the bank's own; who "look forward to a meeting" take
#    part; a meeting dated only by a year or a month apart is not held during a visit
#    dated to its day; "the ADB's 1989 meeting" is dated 1989; people: whom a government's
#    notice says to contact is its own; known meetings: a currency accord named by its
#    place and day ("in Paris on February 22"), by its month among words of whose
#    ("February's agreement between leading western industrialised nations"), or "in
#    Paris agreed", and by its month and year ("the September 1985 Group of Five pact");
#    "a trip to A, B, and C by <traveller>" is the traveller's; an announced trip in the
#    headline takes the day ahead the opening gives; a call of two people, one wearing an
#    organisation's hat too ("Foreign Minister and OSCE Chairman-in-Office"), is a call;
#    a group defined in parentheses ("The Troika (United States, United Kingdom, and
#    Norway)") is its members, as the subject, and as the "we" of a statement its headline
#    names it in; "The Secretary and Foreign Minister Colonna agreed" is both sides; "X
#    said Baker showed flexibility and promised" is Baker's; a commitment a subject
#    "shares" is all of the subject's ("The Holy See and the United States share");
#    people:
#    NASA's officials are the U.S. government's own; "returned from travel to X today"
#    does not date the visit; hosting games, refugees or troops, and meeting "current and
#    future security challenges", are no encounters; a body's name opening after "and"
#    ("... Kulit Sombatsiri and Bureau of Energy Resources Senior Bureau Official") does
#    not reach back over the name before it; one named in a list of another side's
#    officials ("met with President Zelenskyy, ..., and Ambassador Oksana Markarova"), whose
#    office only says the publisher's officials hold it too, is theirs.
# 18: people: a country's central bank, parliament or ministry known by its own name in a
#    role ("the Bundesbank's", "International Trade and Industry Ministry"); a person's
#    country is the state of the article's time (the Bundesbank's president in 1987 is
#    West German); commitments: the "we" of a joint statement that lists no countries is
#    the side of the people who release it (two departments of one government);
#    engagements: a meeting of several countries at a trip's later stop ("will meet in
#    Paris, France, with" French, German and Italian officials) dates the stop, with the
#    hosts met there; a place written "City, Country" is in that country; those who "will
#    join the Deputy Secretary’s delegation" take part where it goes; "U.S.-Tajik" before
#    the words of a name ("Annual Bilateral Consultations") names both sides; "meetings of
#    the seven ... -- A, B, C" are one many-sided meeting, and "two meetings" a tally of
#    history; "the 24-nation OECD" holds its own meeting; dates: a day without a year up
#    to 45 days ahead is the coming one ("The May 11-13 ministerial meeting" in an April
#    story); "in a couple of hours" is later that day, "the meeting that we just came
#    from" earlier that day; an engagement ends before ", I reaffirmed"; a long transcript
#    keeps an engagement its named speaker tells as their own ("when I was in Israel a few
#    weeks ago"), with the speaker; "as we speak", "as we meet" and "speak to whether" are
#    no encounters; people: a UN agency named after "UN" in an office ("UN World Food
#    Program (WFP) Executive Director") is the side; engagements: the people met ",
#    including" those named; "told a news conference that a meeting" is no earlier one's;
#    "a meeting organised by the United Nations body" is the UN's own; "the Peking
#    meeting" is the one told before as held in Peking; "the U.S.-North Macedonia
#    strategic dialogue", in lower case, is one; a country's "delegates" and "negotiators"
#    are its side ("Japanese delegates asked for", "Soviet and American negotiators met");
#    roles: the person's own country is no word of the office ("Deputy U.S. Trade
#    Representative" -> "Deputy Trade Representative", "representative of the Soviet Union
#    to the United States" -> "representative to the United States"), unless it names a
#    portfolio or a name ("for Korean Peninsula Peace", "U.S. Southern Command"); a royal
#    named by title and one name is a person ("Prince Philip", "Princess Diana"); talks
#    "held their customary, semi-annual grain talks" (a comma among the modifiers) and
#    "talks between the countries" (the pair); events: a day without a year within 45
#    days after publication is the coming one ("will travel ... from May 2" in an April 29
#    story), as engagements read it; commitments: "will join the Deputy Secretary’s
#    delegation" promises nothing; organisations: an official's name before "and" ends the
#    next organisation's name ("... African Affairs Molly Phee and National Security
#    Council": the National Security Council).
# 19: people: a market analyst or economist with no side of their own is where a news
#    wire files from ("NEW YORK - ... said analyst Carole Berger of Cyrus J. Lawrence Inc,
#    referring to both Brazil"), unless a country is named beside them; the publisher's
#    own country in a foreign official's sentence ("The United States thanks former Prime
#    Minister Tuila'epa ...") does not keep them from the story's setting; countries: the
#    demonyms Ivoirian, Greenlandic, Palauan, Marshallese, Comorian, Uzbekistani,
#    Belarussian, East Timorese; engagements: an initial's dot does not end the subject
#    of a future verb ("Negotiations on the next China-U.S. Textile agreement are due to
#    begin in May" is planned); dates: "last week" across two months is the month of four
#    or five of its working days; "at the end of the month" is this month; a stay "in
#    Washington for trade talks" or "in Rome on the fifth leg of a tour" is a visit, dated
#    by the story when it is filed from the country visited; a meeting held in another
#    country is not part of the story's one trip; "in Washington, Funaro said" is held in
#    Washington; commitments: "the pledge by Saudi Arabia and the United Arab Emirates to"
#    is theirs, and ", and Saudi Arabia’s pledge to" after it another commitment, its
#    owner's; "the Soviets agreed" (a nation named as a people, subject of a verb) is the
#    Soviet Union's; people: a surname two notables share, named with an office the
#    publisher's government lacks ("Prime Minister Johnson" in a U.S. readout), is the
#    other's; engagements: "following their strategic dialogue" is the talks of those the
#    clause names before it, and "the September 2021 U.S.-Morocco dialogue" one held;
#    known meetings: the Summit of the Americas, named by its own name (the edition of
#    the year written beside it, else the nearest; its host and the countries named before
#    it take part; not in an office's title, "Special Advisor for the Summit of the
#    Americas"); two leaders' meeting at a known meeting is one of its own; "the
#    participants" of a sentence that names a forum as the occasion are the encounter's;
#    a meeting of two after a forum named as its occasion ("Ahead of the World Health
#    Assembly, ... will also meet with") is that meeting; offices: Taiwan's "Taipei
#    Economic and Cultural Office", a State Department bureau's "... Affairs Principal
#    Deputy Assistant Secretary"; a meeting "here" is held in the dateline's city, "at
#    the ADB's" names no place, and a wire story's main engagement dated only by the
#    year of publication is dated by its dateline; "a meeting of the joint IMF-World Bank
#    Development Committee" is the two bodies' own; people: an organisation's office set
#    off after a name keeps the organisation ("David Haggard, ASA president, told");
#    engagements: a trip to a region goes to where the sentence then places it ("is
#    traveling to Central America ... in San Jose, Costa Rica"); "that his meeting" is
#    no demonstrative, "his meeting" the nearest person's before it, and "the two
#    countries" of a sentence that names two already are those two; commitments: "we
#    agreed", said by one side after a meeting, is the meeting's sides'; "in the Bureau
#    of ..." names no place; people: a Spanish double surname shortened to its first
#    ("Laurentino Cortizo" for "Laurentino Cortizo Cohen") is the same person;
#    commitments: a verb straight after ", and" has the sentence's subject ("..., including
#    Egypt, and encouraged progress" is the Secretary's); "I congratulate ASEAN ... and
#    look forward to" is the speaker's (in a government's statement with no one quoted,
#    its own official's); officials met are no subject ("will also meet with government
#    counterparts ... to urge" is the visitor's); a passive ask in a government's text
#    ("Other governments are strongly encouraged to") is the government's; "delegation
#    members" are the sides like "the delegations"; a relative clause after a country's
#    own thing ("France’s Villa Albertine initiative, which will establish") is the
#    country's; engagements: "delegation members" who sign are both delegations; people:
#    "U.S. citizen Danny Fenster" is American (citizen a role word); organisations: ECLAC.
# 20: commitments: "their calls for" is a noun, no ask; a pact one side is said to fail
#    ("Tokyo's alleged failure to live up to a pact on microchip trade") is a commitment
#    of both, beside the other side's plan in the clause; the name before an appositive
#    is the subject ("Costa Rica, a strong democracy ... with deep ties to the United
#    States, is committed to"); "the ministers" of a trip to a forum are the forum's;
#    engagements: an openness to meeting is none, nor hosting forces, nor a body's
#    resolutions as a side; "met separately with" two ministers is two meetings;
#    "Today's meeting in Geneva" dates and places the reported dialogue; "agreed to meet
#    ..., and to hold" announces the second too; consultations "concluded after two days"
#    are dated by their first; "his conversation with" is a meeting; a trip whose list
#    of destinations runs into the next subject keeps its stop; "he will travel to
#    Tallinn" is the official named before, the officials met there the host's; a
#    hyphenated pair or trio naming what it shares ("U.S.-ROK-Japan trilateral
#    cooperation") takes no part; "hopes to visit ... next week" is a plan; a forum
#    "which will take place at United Nations" has it as a side; "during his visit" in a
#    statement opened by "The President and I" is the government's trip; an organisation
#    "due to discuss ... at a meeting in June" meets; "a visit ... under consideration" is
#    planned; a trip next week "which starts tomorrow" is dated tomorrow; known
#    meetings: "the G7 Leaders' Summit in Schloss Elmau"; organisations: the Mekong-U.S.
#    Partnership and its members; people: plural nouns of a headline ("Residences",
#    "Statements") are no name words; sentences: a wire brief's items joined by four
#    dots are sentences.
# 21: known meetings: the G20's summits, and meetings named by their own name that no
#    organisation holds (Summit for Democracy, Global COVID-19 Summit, Negev Summit,
#    North American Leaders' Summit, Our Ocean Conference, Munich Security Conference,
#    the Defeat ISIS Coalition's ministerials); a name without a year is the edition to
#    come when the text says so, else the last one held within a year; those named
#    before it take part; "the Summit for Democracy “Year of Action”" is none; a known
#    meeting's report never merges with one of another status; engagements: "joining
#    the United States in the meeting" takes part; commitments: "the participants" after
#    only history are those of the meeting the article reports; NATO's summits (and
#    2022's extraordinary one); a known meeting's sides take the countries of the people
#    named with it, and "They also discussed ..." those who met before; "Both agreed"
#    are the two who met, not a forum they spoke of; a known meeting is no one's talks,
#    no meeting held elsewhere, and dates no dialogue; "the recently concluded" one is
#    history the day after; ", along with Mexico" goes on with who takes part; the
#    U.S.-ASEAN Special Summit, and the UN General Assembly's high-level week (only
#    with someone at it, its host no side); a known meeting takes the day of its own the
#    sentence tells ("met yesterday on the sidelines of"), and the people the sentence
#    names; one told twice is one; countries: the Gulf of Oman, Sea of Japan and kin
#    name no country; engagements: in a transcript, the host's "welcome you to Estonia"
#    and "thank you very much for coming to pay a visit" are the visit being paid, to
#    the place line under the headline (found after the speakers' lines too); a meeting
#    merged into its visit keeps its place; people: an official's relatives ("Maria
#    Lavrova, the wife of Russia’s Foreign Minister Sergei Lavrov", "the adult children
#    of President Vladimir Putin, X and Y", "Z, his adult child") are of the official's
#    country; "Ambassador-at-Large" is an office; a story's setting from its local
#    places (capitals, states, counties, cities: "in Staffordshire", "to Wilmington,
#    Delaware") when its country names give none, or over a country named often whose
#    places it never names; a government's text only at home; commitments: "I" after a
#    phrase set before it ("In my meetings this week, I again called for") is the
#    subject, and in a government's text, outside quotes and transcripts, its official;
#    known meetings: a trip to one ("her travels to the Our Ocean Conference") is a visit
#    to its host, on its days; engagements: a headline's trip to one place ("Travel to
#    Brussels July 10-13") keeps its first day over the day the body gives a meeting;
#    known meetings: the international conferences on Libya (Berlin I and II, Tripoli's
#    Stabilization Conference, Paris 2021); engagements: "during his most recent visit"
#    is history though a modal comes before it ("pledged ... they would"); people: one
#    who "will lead the U.S. delegation", named bare, is of its side; where a person says
#    they are ("said from Toronto", "for brokers UBS/Philips and Drew in London") over a
#    setting default; an official with no side listed only with one country's
#    ("Representatives Eliot Engel, Adam Schiff, and Elijah Cummings") is theirs; "a
#    stock analyst at the Tokyo office of", an office's branch ("Chemical Bank Tokyo
#    branch vice president") and a minister who "said in Canberra" say where they are.
# 22: engagements: a trip and an earlier one to the same place told in one sentence are
#    two; people: a joint statement's signers under country headings ("Australia" on its
#    own line, or "Australia: The Hon Anika Wells MP, Minister for Sport") are those
#    countries'; letters after a name ("MP", "TD") before an office set off; a role's
#    complement stops at a line's "Label:"; "Vice-Chancellor" is an office; the Olympics
#    and Paralympics are no one; in a transcript, "your visit" said by the host ("Your
#    visit means a lot to us", "happy to receive your visit") is a visit to the speaker's
#    country; in a transcript with its place line, what "we're still having" is that
#    day's; a country that "hosts the 6th Fleet headquarters" meets no one; a named
#    meeting at a sentence's end is one; a dated engagement over a week before
#    publication is history (a stay's first day, two weeks); "will this week visit" is a
#    trip ("this week" is no demonstrative), "travelling" a trigger, "are today meeting"
#    a verb; a tour's purpose ("visit Britain, France ... for discussions with
#    governments") is no meeting of all; the leg of a tour in the country a wire story is
#    filed from, with a meeting there today, is under way; "After travelling this week to
#    France, ..., Funaro hopes to" is announced, its countries not the main clause's; in
#    a transcript, "looking forward to welcoming you on" a meeting brings the speaker's
#    side and the guest's; commitments: a destination ("return to Ukraine,") starts no
#    list of who commits; a quotation's "I" is whoever the dash under it names; people:
#    a wire lead's unnamed official ("A senior British official said") is the person the
#    next sentence names first; a lower-case office set off after a name keeps its
#    portfolio up to the closing comma ("Paul Channon, secretary for trade and industry,"),
#    not another's office ("spokesman for Chancellor Franz Vranitzky"); engagements:
#    "talks between NATO Allies Turkey and Greece" are those two's alone; a "host year"
#    and "cooperation in regional forums including the APEC forum" are no meetings; in a
#    government's statement on one country, "Algeria hosted a Joint Military Dialogue
#    ..., during which we" is the two's; "talks currently between" are talks; known
#    meetings: "February's Paris meeting of six major industrial powers" and "In Paris
#    this February, the seven agreed" are the Louvre accord; "industrial nations" and
#    kin say whose accords those of the G5 and G6 are; the GATT ministerial that
#    launched the Uruguay Round (Punta del Este, September 1986), by its place;
#    commitments: a statement "Signed by the following ministers" speaks as "we" for
#    every country its signature block names; people: a rank between an office and the
#    name ("Commander Admiral John Aquilino") is not the office's; an owner's office, then
#    the name set off ("the president's chief of staff, Howard Baker,", "Reagan's National
#    Security Adviser, Frank Carlucci added"); a quoted nickname inside a name is part
#    of it ("Josaia Voreqe “Frank” Bainimarama"); engagements: a later stop of a trip
#    dated as a whole takes the day a paragraph opening on it gives ("In Fiji on February
#    12, Secretary Blinken will meet with Pacific Island leaders").
# 23: engagements: a meeting a call follows up on ("spoke today with ... Kuleba to follow
#    up on their April 24 meeting in Kyiv") is history of its own, between those the
#    clause names meeting ("their" meeting after "with"), not dated by the call's
#    "today"; a month after "since" is behind the story, in an announcement too, and
#    does not date "their first face-to-face meeting since October"; "would leave for
#    Washington" reported ("They said Chung would leave ... to attend ... and for talks")
#    announces all the clause; a trip "to visit U.S. Treasury Secretary James Baker" goes
#    to his country (no place "U.S. Treasury Secretary James"), one of a "visiting"
#    official to the dateline's, written as a place ("La Paz", not "LA PAZ"); an
#    international body's board meets ("The International Coffee Organization executive
#    board meeting"; a company's board does not), and one that "will end tomorrow" is
#    under way, not dated by its end; commitments: "Our two countries are committed" is
#    the pair's ("Our countries and organizations" is not); people: a minister takes no
#    setting whose government has no ministers ("vice economic minister Wang Chien-Shien"
#    in a story from New York is not American); engagements: a named forum held "in" a
#    country ("the Regional Migration Ministerial in Colombia") has that country's part,
#    and its name starts after its date ("the June 14 NATO Summit"); commitments: "our
#    mutual commitments" before any meeting is told are not those of history told later;
#    engagements: on a story's one trip, the traveller "met with" the hosts and others
#    ("officials from the Republic of Yemen and Saudi governments, the Gulf Cooperation
#    Council") on it: one visit with all their sides; a forum co-hosted on a trip ("to
#    co-host a Ministerial Conference on Migration and Protection") is a forum beside the
#    trip, not a meeting it absorbs; a forum's name goes on after "on", "for" and "and"
#    ("the UN Conference on Trade and Development"), not to a date ("on July 19") or a
#    possessive; when or where set off by commas (", on April 5-6 in Ottawa,") does not
#    end who takes part ("his annual meeting, ..., with Prime Minister Brian Mulroney");
#    organisations: the African Development Bank; an acronym the text defines as a known
#    organisation's ("The African Development Bank (ADB)") is that one's throughout;
#    people: a name after a portfolio keeps a short surname first ("Minister for Trade
#    and Industry Gan Kim Yong") and a given name written with accents ("Ángeles Moreno
#    Bau"); a "Secretary of State for" a portfolio is no U.S. office (Spain's, Britain's; not
#    "Secretary of State for Political Affairs", an under secretary's title cut short);
#    commitments: "The Secretary and the High Representative agreed" are both sides; "the
#    U.S. – Armenia bilateral partnership and U.S. commitment" is the U.S.'s commitment;
#    engagements: who goes along ("his travel with Secretary of Defense Austin to
#    Ukraine") does not hide where a trip goes; a signing by one side "in a ceremony in
#    Washington, DC" has the host's part; people: an office's own "and" ("Director of
#    the Department for Security and Counterintelligence") does not break a list whose
#    officials share one country; "bint" is a particle of a name; in a list of names
#    each with its office set off, "..., Bill Nelson, Administrator of ..." starts the next
#    entry, not the office before it; an adviser or aide to an official a country word
#    names ("agricultural adviser to West German Chancellor Helmut Kohl") serves that
#    country; countries: "Trinidad-Tobago", the wire's form; a combining form before a
#    country's name or demonym names its country ("a Franco-German meeting", "the
#    Anglo-Saudi deal"; not "Indo-Pacific", not "Franco" alone); engagements: a meeting
#    "in the sidelines of a summit" is between its own sides, not the summit's;
#    organisations: a month or a weekday before a name is no part of it ("the July United
#    Nations Conference on Trade and Development meeting"), which the month dates;
#    people: a form of address after a comma ends an office and opens the name ("...,
#    and Moroccan Expatriates, M. Nasser Bourita,", "..., Dr. Karen Donfried,"); a
#    three-word name's first word is its family name when it alone is written again
#    ("Lim Keng Yaik ... Lim earlier met", "Rha Woong Bae ... Rha leaves today");
#    engagements: "the next CNWG meeting" (a group known by its acronym) is the next
#    meeting of the sides the article reported; a forum a university, institute or
#    foundation holds ("told a Georgetown University conference") is no engagement.
# 24: people: a portfolio opening a sentence stays in the office ("Budget Minister Alain
#    Juppe said", "Farm Commissioner"), as does "Managing Director" and a party's name before
#    "Party" ("Communist Party chief", "Liberal Democratic Party (LDP) secretary general");
#    a span of time after a name ("James Baker 18 months ago") is no document's number;
#    the office a name holds "as" ("the departure of Donald Regan as Treasury Secretary
#    was") is read when nothing is set off after it; dates: a month named without a
#    future is the coming one when it begins within `SOON` of publication ("before the
#    two countries open trade talks in late April", a March 24 story), and "June of last
#    year" is last year's; engagements: "the two countries" are the two the sentence
#    joined ("U.S.-Japanese relations"), not the dateline's; a wire story's "he" goes on
#    with the subject named before across paragraphs that go on with "he" and name no one
#    ("..., he added."), not with a side read from the dateline alone; "to meet Ukraine’s
#    humanitarian, security, and economic needs" meets no one; "We’ve just had the ...
#    strategic dialogue" is the day's news, "had an opportunity today to speak" too; "our
#    meeting with Foreign Minister Hayashi" in a government's own text is its officials';
#    a government's headline "Press Availability Following a Meeting with Algerian
#    President Tebboune" is its official's meeting, that day, where the first line says;
#    the meeting a headline reports is the one the body dates in the past ("hosted the
#    third meeting ... on 7-8 July"), not a forum it recalls; "the German leader's four-day
#    visit" in a wire story goes to the dateline, as "his visit" does; organisations: the
#    Inter-American Development Bank (IADB), the Islamic Development Bank, the BIS,
#    CARICOM, ECOWAS, the OAU and the UN's Economic Commission for Africa are known;
#    engagements: a forum in an office's portfolio ("Special Advisor for the Summit of the
#    Americas Christopher Dodd") is no engagement; talks "yesterday" are not announced,
#    though the sentence's verb is ("will agree reforms ... as a result of talks
#    yesterday"), and are the same as those told as background on that day, with all
#    their sides; commitments: "Both Babangida and Sassou Nguesso called for" is those two;
#    engagements: "met virtually" is a call (a dialogue's round or a forum held by video
#    stays what it is); "they will meet April 13 to 16" after "X and Y will meet in Moscow
#    in mid-April" is that meeting, now dated (a month and a day in it are one date when
#    the status agrees); the "upcoming" meeting a call "yesterday" discussed stays ahead;
#    "to fly to Washington tomorrow for talks" and "flying to Japan" are trips; "when
#    leaders of the Group of Seven meet in Venice in June" after "would" is ahead;
#    "looks forward to seeing you in Washington next month", said to an official the
#    sentence calls by office or the one before names, is their visit there; "the High
#    Commissioner's recent travel to Ukraine" is the trip of the one the article named in
#    that office, and an owned trip ("the Foreign Minister's recent visits to Indonesia")
#    is the owner's alone, not also of those who discussed it; an international
#    official's meeting is no stop of their trip; people: "Jerry Huckaby, a leading
#    Congressman representing sugar growers," is a Congressman (a describing word after
#    the article, a participle after the office), and "Jr." ends a name before the office;
#    engagements: "his visit here last year" is told here (a visit to the dateline's
#    place), "Reagan Administration officials" are the leader's government, and two
#    visits by different travellers to one place stay two; a loan or credit signed with an
#    international organisation the clause names is a signing ("The Philippines and the
#    World Bank have signed a 300 mln dlr loan"), a company's loan from banks is not; talks
#    "between banks and Mexico, Chile" or "with commercial banks" are no government's;
#    "the other summit nations" holds no summit; in a transcript whose headline names the
#    officials of two sides, what those two sides held with no one named ("We just had a
#    very good dialogue") was held by them; commitments: "Both Secretary Blinken and
#    Secretary Austin pledged" is their one side's; engagements: "a virtual roundtable
#    discussion with Slovenian Prime Minister Janez Janša" is a call (a discussion held by
#    video or telephone; not "a panel discussion"); the "upcoming" meeting a call
#    "today" or "yesterday" discussed is not dated by the call; people: an office read
#    across another person's name and an "and" is the office after them ("Minister of
#    Unification Kwon and Vice Minister", Kim's in a headline, is his body's "Vice
#    Minister of Unification").
EXTRACTOR_VERSION = 24

_EXPORTS = {
    "search.extract.stage": (
        "Extractor", "extract", "extract_article", "MAX_ANALYSED", "MAX_TAGGED",
        "SETTING_MARGIN",
    ),
}  # fmt: skip
_MODULE_OF, __getattr__, __dir__ = lazy_exports(globals(), _EXPORTS)
