"""Engagements: the meetings, calls, visits, consultations and signings an article reports.

An engagement is recorded only when officials of two or more sides take part (countries
or international organisations), or when an organisation's members meet ("an emergency
meeting of NATO ambassadors").  Sides come from the words that name participants, never
from every country the sentence mentions:

- people named there, with the side `search.extract.people` gave them (spokespeople who
  only issue a readout left out); in a visit, an official the text gives no country is
  the host's ("will meet with President Hakainde Hichilema" in Zambia);
- for a verb ("met", "spoke with", "hosted"): its subject and objects, up to where the
  purpose or topic begins ("to discuss Russia's war", "about", "on ways to");
- for a noun ("the U.S.-Austria Strategic Dialogue", "a meeting of NATO ambassadors",
  "the Negev Summit"): its own words, plus the subject of the clause when the noun is
  what the subject held or attended ("held consultations", "during bilateral
  consultations");
- the publisher's own official when the text speaks of "the Secretary" or "we"; "the two
  sides" or "both countries": the article's main pair;
- for a visit, the country visited: "travel to Cape Town, South Africa", "visited
  Tunisia", "in Washington for talks".

Places ("in Brussels"), portfolios ("Envoy for Western Sahara"), possessives ("Ukraine's
sovereignty") and nationalities of non-officials ("Afghan girls") name no side.

Types: ``call`` (telephone or video), ``visit`` (a trip to another country, holding the
meetings held there), ``consultations`` (consultations, a named dialogue, talks between
delegations), ``signing``, ``multilateral`` (three or more sides, or a forum of an
international organisation) and ``meeting``.

Status: ``planned`` (announced: "will travel", "decided to meet", a date after
publication), ``background`` (history: "during her August 2021 visit", "last year", a
date well before publication) or ``main``.  Invitations, conditionals ("if they meet",
"could meet"), negations ("did not meet", "will no longer travel") and references back
("during the talks", "in her meetings") are not new engagements.

Within an article, reports of one engagement are merged: the headline and the body, a
visit and the meetings held during it; meetings with different people stay apart (the
seed's consultations, then a meeting with Ms. Huitfeldt the same day).  Across articles,
`briefs.engagements` merges.  Everything here is heuristic; each engagement points at
its sentence.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from search.extract.affiliation import is_speaker, national_office, own_office
from search.extract.places import trim_place
from search.extract.topics import text_index
from search.extract.when import date_phrases, nearest, parse_published
from search.model import EngagementRef, Mention, PersonRef, Span

# A trigger, by kind (case-insensitive; checked further by `_Sentence._accept`).
_TRIGGER = re.compile(
    r"(?P<call>\b(?:spoke|speaks|speak|speaking|spoken|talked)\b"
    r"(?=(?:\s+[\w.,]+){0,3}?\s+(?:with|to|by\s+(?:tele)?phone|by\s+video|"
    r"(?:on|over)\s+the\s+(?:tele)?phone)\b)"
    r"|\b(?:(?:tele)?phone|video)[\s-]*(?:calls?|conversations?|conferences?|talks)\b"
    r"|\bvideo-?conferenc\w*|\bvirtual(?:ly)?\s+(?:meeting|met|call|meet)\b|\b(?:tele)?phoned\b"
    r"|\bcalls?\s+with\b|\b(?:called|phoned|rang)\b(?!\s+(?:on|upon|for|in|it|off|out|up)\b))"
    r"|(?P<sign>\b(?:signed|signs|sign|signing|inked)\b)"
    r"|(?P<consult>\bconsultations?\b|\bdialogue\b|\bnegotiations\b|\btalks\b)"
    r"|(?P<multi>\b(?:ministerial|summit|conference|forum|trilateral|plenary|session|assembly)\b)"
    r"|(?P<stay>\bin\s+(?=[A-Z])(?:[\w'’.-]+\s+){0,3}?for\s+(?:talks|meetings|consultations|"
    r"an?\s+(?:official\s+|state\s+|working\s+)?visit)\b"
    r"|(?<=\bbe\s)in\s+(?=[A-Z])(?:[\w'’.-]+\s+){0,3}?(?:from|on|between|for)\b)"
    r"|(?P<visit>\b(?:visit(?:s|ed|ing)?|travel(?:s|ed|led|ing)?|trip|tour(?:s|ed)?|"
    r"arriv(?:e|es|ed|ing|al)|stopover)\b"
    # "his trip, which has already taken him to London, Paris and Bonn"
    r"|\btaken\s+(?:him|her|them)(?=\s+to\b)"
    # "will lead a U.S. delegation to Kyrgyz Republic, Uzbekistan ...": the trip.
    r"|\b(?:led|lead|leads|leading|headed|heads|head|heading)\s+(?:a|an|the|his|her|their)\s+"
    r"(?:[\w.’'-]+\s+){0,4}?delegations?(?=\s+to\b)"
    # "Japan is expected to send a high-level official to Washington": the sender's trip.
    r"|\b(?:send|sends|sent|sending|dispatch(?:es|ed|ing)?)\s+(?:a|an|the|its|his|her|their)\s+"
    r"(?:[\w.’'-]+\s+){0,3}?(?:officials?|delegations?|envoys?|emissary|ministers?|mission|team)"
    r"(?=\s+to\b))"
    r"|(?P<meet>\b(?:met|meet|meets|meeting|meetings|hosted|hosts|host|hosting|received|"
    r"receives|welcomed|welcomes|welcome|welcoming|conferred|audience|gather|gathered|"
    r"sat\s+down|courtesy\s+calls?|see|sees|seeing)\b)",
    re.I,
)
# Cheap pre-check: an article with none of these words reports no engagement.
_WORDS = frozenset(
    """spoke speaks speak speaking spoken talked phone telephone video videoconference videoconferences
    videoconferencing virtual phoned
    telephoned call calls called rang signed signs sign signing inked consultation consultations dialogue
    negotiations talks ministerial summit conference forum trilateral plenary session assembly
    visit visits
    visited visiting travel travels traveled travelled traveling trip tour tours toured
    arrive arrives arrived arriving arrival stopover delegation delegations taken send sends sent
    sending dispatch dispatches dispatched dispatching met meet meets meeting meetings hosted
    hosts host hosting received receives welcomed welcomes welcome welcoming conferred
    audience gather gathered sat courtesy see sees seeing""".split()
)
_LOWER_WORD = re.compile(r"[a-z]+")
# Nouns after "trilateral"/"ministerial" that are not an encounter.
_NOT_MEETINGS = frozenset(
    """cooperation relationship relations partnership framework ties alliance security
    coordination statement level declaration agreement mechanism format efforts engagement
    exercises exercise drills commitment""".split()
)
_GUEST_OF = re.compile(r"\bguests?\s+of\s+(?:the\s+)?(?:[\w-]+\s+){0,3}$", re.I)
_AGREEMENT = re.compile(
    r"\b(?:memorand\w+|mou|agreements?|accords?|treat(?:y|ies)|declarations?|protocols?|deals?|"
    r"charters?|conventions?|arrangements?|letters? of intent|frameworks?|contracts?|pacts?)\b",
    re.I,
)
# Where the participants end: the purpose, the topic, the circumstances.
_PURPOSE = re.compile(
    r"\bto\s+(?:discuss|review|address|exchange|reaffirm|underscore|highlight|express|"
    r"strengthen|advance|coordinate|deepen|continue|consult|talk|explore|seek|promote|deliver|"
    r"celebrate|mark|launch|build|support|engage|accelerate|emphasi[sz]e|thank|condemn|"
    r"demonstrate|reiterate|affirm|follow|share|encourage|learn|hear|announce|receive|"
    r"attend|present|sign|participate|co-?chair|lead)\b"
    r"|\b(?:about|regarding|concerning|amid|following|despite|ahead\s+of|focused\s+on|"
    r"focusing\s+on|in\s+light\s+of|in\s+support\s+of|as\s+part\s+of)\b"
    r"|\bon\s+(?:the\s+)?(?:situation|ways|how|issues|a\s+range|bilateral|regional|topics|"
    r"matters|efforts|progress|plans|the\s+margins|the\s+sidelines)\b|\bwhere\b|\bwhich\b"
    r"|\bwho\b|;|\s[–—]\s|:|(?<![A-Z])\.\s"  # not the "U.S." of "U.S. Commerce Secretary"
    # A second verb phrase: "... and would have an audience with the Pope".
    r"|\band\s+(?:would|will|then|later|also\s+will)\s+(?!be\b)[a-z]+\b",
    re.I,
)
_FUTURE = frozenset(
    """will would shall 'll upcoming forthcoming next planned scheduled expected due set plans
    plan intends intend hopes hope looks look going decided agreed agree""".split()
)
_HYPOTHETICAL = frozenset({"if", "unless", "could", "might", "may", "should", "whether"})
_SOUGHT = frozenset(
    """arrange arranging arranged seek seeking sought request requested requesting
    requests readiness preparedness willingness ready willing prepared""".split()
)
_NEGATION = frozenset({"not", "never", "no", "cancelled", "canceled", "postponed", "without"})
_PAST = frozenset(
    """previously formerly earlier ago recent recently last had since prior already""".split()
)
_NO_ENGAGEMENT = re.compile(
    r"\b(?:news|press|telephone\s+news)\s+(?:conferences?|briefings?)\b|"
    r"\bvisit\w*\s+(?:us\s+at\s+|our\s+|the\s+)?(?:\S+\.(?:gov|com|org|net|int)\b|www\.|https?:|"
    r"website|web\s*site|page|site|link)"
    r"|\binvit\w+\s+(?:\w+\s+){0,4}?to\s+visit\b"
    r"|\bmeet\s+(?:the\s+|its\s+|their\s+|our\s+|these\s+|his\s+|her\s+)?(?:[\w-]+\s+){0,2}?"
    r"(?:needs?|goals?|targets?|demands?|requirements?|obligations?|challenges?|standards?|"
    r"deadlines?|criteria|expectations|commitments?|threats?)\b"
    r"|\bhost\s+(?:countries|country|nations?|governments?|communit\w+|famil\w+|cit\w+)\b",
    re.I,
)
# The publisher's own official, unnamed: "The Secretary", "the Deputy Secretary", "we".
_OWN_SUBJECT = re.compile(
    r"\b(?:the\s+(?:(?:deputy|under|assistant|acting)\s+)*secretary(?!\s+general|-general)|"
    r"the\s+(?:special\s+)?envoy|the\s+ambassador|we|our\s+(?:delegation|government))\b",
    re.I,
)
# An official named by title alone: "the Treasury Secretary", "the Secretary of State".
_TITLE = re.compile(
    r"\b[Tt]he\s+((?:U\.S\.\s+)?[A-Z][\w-]*(?:\s+(?:of\s+(?:the\s+)?)?[A-Z][\w-]*){0,4})"
)
_BOTH = re.compile(
    r"\bthe\s+(?:leaders|presidents|(?:foreign\s+)?ministers|heads\s+of\s+state|delegations|"
    r"governments)\s+of\s+(?:the\s+|both\s+)(?:two\s+)?(?:countries|nations|sides)\b"
    r"|\b(?:the\s+two\s+(?:sides|countries|nations|leaders|ministers|delegations|governments|"
    r"presidents|officials|secretaries|diplomats|counterparts)|both\s+(?:sides|countries|"
    r"nations|leaders|ministers|delegations|governments|parties)|the\s+sides|the\s+delegations|"
    r"the\s+interlocutors|the\s+parties|the\s+participants|the\s+(?:vice\s+)?(?:foreign\s+)?"
    r"ministers\s+and\s+the\b)",
    re.I,
)
# Words after a demonym that make it a side ("Saudi officials"), not a nationality.
_OFFICIAL_NOUNS = frozenset(
    """officials official counterparts counterpart delegation delegations side government
    governments leaders leader authorities ministers minister president prime foreign
    diplomat diplomats team teams representatives representative envoy envoys ambassador
    ambassadors mfa ministry military defense defence navy army embassy""".split()
)
# A country word that names a private person, not a side: "a U.S. national".
_PRIVATE_PERSON = re.compile(
    r"\s+(?:nationals?|citizens?|residents?|students?|tourists?|journalists?|businessm[ae]n|"
    r"businesswom[ae]n|man|woman|men|women|couple|family|families|child|children)\b",
    re.I,
)
_PLACE_BEFORE = re.compile(r"\b(?:in|at|near|outside|across|throughout)\s+(?:the\s+)?$", re.I)
# "participated in the G7 Foreign Ministers' Meeting": the organisation takes part, its
# name is not where.
_TAKING_PART_BEFORE = re.compile(
    r"\b(?:participat\w*|t(?:ake|akes|ook|aking)\s+part)\s+in\s+(?:the\s+|a\s+|an\s+)?$", re.I
)
_OFFICIALS_OF = re.compile(
    r"\b(?:officials|ministers|representatives|delegations?|leaders|envoys|diplomats|"
    r"authorities|governments?)\s+of\s+(?:the\s+)?$",
    re.I,
)
_FROM_BEFORE = re.compile(r"\bfrom\s+(?:the\s+)?$", re.I)
_PORTFOLIO_BEFORE = re.compile(r"\b(?:for|to|on|against|toward|towards|into)\s+(?:the\s+)?$", re.I)
_QUOTED = re.compile(r'"[^"]{0,600}"|“[^”]{0,600}”')
_SUBJECT_OF_FUTURE = re.compile(
    r"(?:\s+(?:between|with|of|on|in|at|among|over)\s+[^,;.:]{0,100}?)?\s+(?:will|shall|"
    r"(?:is|are)\s+(?:expected|scheduled|due|set|planned|to\s+be))\b",
    re.I,
)
# A noun trigger used alone, referring back: "during the talks", "in her meetings".
# What one meets that is no one: a need, a goal, a challenge.
_NEEDS = (
    r"(?:challenges?|needs|goals?|targets?|demands?|expectations|obligations|deadlines?|"
    r"standards|requirements|criteria|threats?|conditions|benchmarks|commitments)"
)
_MET_NEED_AFTER = re.compile(
    rf"\s+(?:the\s+|our\s+|their\s+|its\s+|his\s+|her\s+|these\s+|this\s+|all\s+)?"
    rf"(?:[\w-]+\s+)?{_NEEDS}\b",
    re.I,
)
_MET_NEED_BEFORE = re.compile(rf"\b{_NEEDS}\s+(?:that|which)\s+(?:[\w’']+\s+){{0,5}}$", re.I)
# "meeting" as a verb: after a preposition, before its object.
_GERUND = re.compile(r"\b(?:in|of|for|by|on|without)\s+$", re.I)
_GERUND_OBJECT = re.compile(
    r"\s+(?!(?:with|of|between|in|on|at|to|was|were|is|will|would|and|or|held|took)\b)"
    r"(?:(?:the|its|their|our|his|her|these|this|all|outside|such)\s+)?[a-z]"
)
_ANAPHORIC = re.compile(r"\b(?:the|their|his|her|its|this|that|these|those)\s+$", re.I)
_DEMONSTRATIVE = re.compile(r"\b(?:this|these|that|those)\s+(?:[a-z-]+\s+){0,3}$", re.I)
# Verbs whose object names an engagement its subject takes part in.
# "participated virtually alongside representatives from Mexico and Canada in the fifth
# North American Drug Dialogue": who took part is named between the verb and the forum.
_TAKE_PART = re.compile(
    r"\bparticipat(?:ed|es|e|ing)\b[^.;:]{0,100}?\bin\s+(?:\w+\s+){0,3}?$", re.I
)
_HOLD = re.compile(
    r"\b(?:held|hold|holds|holding|had|have|has|conducted|convened|convene|attended|attend|"
    r"attends|attending|joined|join|joins|participated\s+in|participate\s+in|participates\s+in|"
    r"co-?chaired|chaired|chair|led|lead|leads|opened|open|co-?hosted|hosted|host|during|at|"
    r"received|receives|receiving|"
    r"after|concluded|completed|ended|ends|abandoned|adjourned|suspended|resumed|resume|"
    r"launched|launch|paid|pays|pay|made|makes|undertook|"
    r"undertake|began|begin|wrapped\s+up|for)\s+(?:\w+\s+){0,6}?$",
    re.I,
)
_CAP = r"[A-Z][\w'’.-]*"
# A place's next word, but not a month: "a U.S. delegation to Tajikistan May 23-27".
_MORE = (
    r"(?!(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+\d)"
    rf"{_CAP}"
)
_DESTINATION = re.compile(
    rf"\s*(?:(?:to|in|into)\s+)?(?:the\s+)?({_CAP}(?:\s+(?:of\s+)?{_MORE}){{0,3}})"
    rf"(?:\s*,\s*({_CAP}(?:\s+{_MORE}){{0,2}}))?"
)
# Words that describe the countries a trip goes to before naming them.
_DESCRIBED = re.compile(
    r"\s+(?:(?:fellow\s+)?(?:[A-Z][A-Za-z-]+\s+)?(?:members?|member\s+(?:states?|countries))"
    r"|neighbou?ring|neighbou?rs?)(?=\s+[A-Z])"
)
_MEMBERS_NAMED = re.compile(r"\s+(?:members?|member\s+(?:states?|countries))\s+(?:of\s+)?[A-Z]")
_LIST_NEXT = re.compile(
    rf"\s*(?:,|;|\band\b|,\s*and\b|;\s*and\b)\s*(?:then\s+)?(?:to\s+)?(?:the\s+)?"
    rf"({_CAP}(?:\s+(?:of\s+)?{_MORE}){{0,3}})(?:\s*,\s*({_CAP}(?:\s+{_MORE}){{0,2}}))?"
)
_DATE_BETWEEN = re.compile(
    r"\s*,?\s*(?:(?:from\s+|on\s+)?[A-Z][a-z]+\.?\s+\d{1,2}"
    r"(?:\s*(?:-|–|to)\s*(?:[A-Z][a-z]+\.?\s+)?\d{1,2})?)"
)
# A trip's own verbs; "visited a shelter" or "travel within the region" name no country.
_FORUM = frozenset(
    {"ministerial", "summit", "conference", "forum", "plenary", "meetings", "session", "assembly"}
)
_NOUN_TRIGGERS = frozenset(
    """meeting meetings talks consultations consultation dialogue negotiations ministerial
    summit conference forum trilateral plenary visit visits trip tour audience call calls
    signing courtesy session assembly""".split()
)
_NOT_PLACE = frozenset(
    """January February March April May June July August September October November December
    Monday Tuesday Wednesday Thursday Friday Saturday Sunday The This That Ministry Department
    Office Council Committee Assembly Institute Centre Center Bank Fund Agency Commission
    Parliament Congress Senate House Conference Forum Meeting Summit Session Talks Framework
    Government Administration University Organization Organisation Initiative Process Union
    Nations Court State General Secretary President Minister UN OSCE NATO EU""".split()
)
# Officials of an organisation's members, after its name.
_MEMBERS = re.compile(
    r"(?:\s*\([A-Z]{2,6}\))?\s+(?:(?:foreign|defen[cs]e|finance|trade|economy|energy|oil|health|"
    r"farm|agriculture|agricultural|environment|interior|justice|transport|industry|deputy)"
    r"\s+)?(?:ministers|ambassadors|leaders|envoys|heads\s+of\s+state|representatives|members|"
    r"member\s+(?:states|countries|nations))\b",
    re.I,
)
# "Leaders of the African Union", "ministers of OPEC": the organisation's members.
_MEMBERS_OF = re.compile(
    r"\b(?:leaders|heads\s+of\s+state(?:\s+and\s+government)?|ministers|representatives|"
    r"delegates)\s+(?:of|from)\s+(?:the\s+)?$",
    re.I,
)
# A comma that opens another clause: ", a statement was issued"; not ", German" or ", and".
_NEXT_CLAUSE = re.compile(r",\s+(?!and\b|or\b|as\s+well\b|the\s+[A-Z])[a-z]")
# A sentence naming an engagement's delegations ("The Kazakhstan delegation was led by").
_DELEGATION = re.compile(
    r"\b(?:led|headed|represented|accompanied|included|includes|co-?chaired|chaired)\s+by\b|"
    r"\bdelegations?\s+(?:included|comprised|consisted)\b",
    re.I,
)
# An official named by office alone: "the Kazakh diplomat", "the minister", "the delegation".
_UNNAMED_OFFICIAL = re.compile(
    r"\bthe\s+(?:[A-Z][\w-]+\s+)?(?:diplomat|minister|official|delegation|envoy|visitor|"
    r"guest|deputy\s+minister)\b",
)
# Words that make a comma phrase a new clause rather than a description of a person.
_VERBS = frozenset(
    """said says told is was are were has have had will would said added noted stressed
    issued which who that""".split()
)
# Sentences that make an article a transcript or a speech (as `search.pairs.LONG`).
LONG_TEXT = 40
# Days after publication that make a dated engagement announced rather than reported,
# and before it that make it history.
_AHEAD, _BEHIND = 1, 14
# Kinds a visit to the same country absorbs: the meetings held during it.
_ABSORBED = frozenset({"meeting", "consultations"})
_RANK = {"signing": 5, "call": 4, "visit": 3, "consultations": 2, "multilateral": 1, "meeting": 0}


@dataclass
class _Found:
    """An engagement being assembled within one article."""

    type: str
    status: str
    sides: list[str]
    people: dict[str, str]  # name -> side
    sentence: int
    trigger: str
    date: str | None
    place: str | None
    host: str | None = None  # a visit's destination country
    destinations: list[tuple[str, str, int]] = field(default_factory=list)
    title: bool = False  # reported by the headline
    shared_date: bool = False  # a trip's stop dated by the whole trip's dates
    # A named dialogue ("the fifth U.S.-Algeria Strategic Dialogue", "U.S.-Tajikistan
    # Annual Bilateral Consultations"): an engagement of its own, not one of the meetings
    # of a visit or a meeting reported beside it.
    named: bool = False


class _Context:
    """What every sentence of one article needs: mentions by position, people, the pair."""

    def __init__(
        self,
        text: str,
        sentences: Sequence[tuple[int, int]],
        country_mentions: Sequence[Mention],
        org_mentions: Sequence[Mention],
        people: Sequence[PersonRef],
        home: str | None,
        publisher: str | None,
        pair: Sequence[str],
        published: str | None,
    ) -> None:
        self.text = text
        self.sentences = sentences
        self.countries = sorted(
            (m.span.start, m.span.end, str(m.key), m.how)
            for m in country_mentions
            if m.kind == "country" and m.how != "dateline"
        )
        self.country_starts = [item[0] for item in self.countries]
        self.orgs = sorted(
            (m.span.start, m.span.end, str(m.key))
            for m in org_mentions
            if m.kind == "org" and _international(str(m.key))
        )
        self.org_starts = [item[0] for item in self.orgs]
        refs = []
        for person in people:
            side = person.country or (f"org:{person.org}" if person.org else None)
            for span in person.spans:
                refs.append((span.start, span.end, person, side))
        refs.sort(key=lambda item: item[0])
        self.people = refs
        self.people_starts = [item[0] for item in refs]
        self.home = home
        self.publisher = publisher
        self.pair = list(dict.fromkeys(pair))[:2]
        self.published = parse_published(published)
        self.dateline = next(
            ((m.surface, str(m.key)) for m in country_mentions if m.how == "dateline"), None
        )
        # The sides of the last engagement found: "the parties" of a later sentence.
        self.previous_sides: list[str] = []

    def countries_in(self, start: int, end: int) -> list[tuple[int, int, str, str]]:
        return _slice(self.countries, self.country_starts, start, end)

    def orgs_in(self, start: int, end: int) -> list[tuple[int, int, str]]:
        return _slice(self.orgs, self.org_starts, start, end)

    def people_in(self, start: int, end: int) -> list[tuple[int, int, PersonRef, str | None]]:
        return _slice(self.people, self.people_starts, start, end)

    def country_at(self, start: int, end: int) -> int | None:
        """The end of the country mention covering ``[start, end)``, if one does."""
        for s, e, _, _ in self.countries_in(start - 40, end):
            if s <= start and end <= e:
                return e
        return None


def _slice(items: list, starts: list[int], start: int, end: int) -> list:  # type: ignore[type-arg]
    i = bisect.bisect_left(starts, start)
    j = bisect.bisect_left(starts, end, lo=i)
    return items[i:j]


def find_engagements(
    text: str,
    sentences: Sequence[tuple[int, int]],
    country_mentions: Sequence[Mention] = (),
    *,
    people: Sequence[PersonRef] = (),
    org_mentions: Sequence[Mention] = (),
    home: str | None = None,
    publisher: str | None = None,
    pair: Sequence[str] = (),
    date: str | None = None,
    place: str | None = None,
    title_end: int = 0,
) -> tuple[EngagementRef, ...]:
    """The engagements an article reports (see the module docstring).

    Args:
        text: The document text (title, blank line, body).
        sentences: Its sentence spans (the title is sentence 0 when there is one).
        country_mentions: The country tagger's mentions.
        people: The people found, with their sides.
        org_mentions: Organisation mentions (international ones can be sides).
        home: The country "we" and "our country" mean (the publisher's or agency's).
        publisher: A government publisher's country: "the Secretary" is its official.
        pair: The article's most salient countries; "the two sides" are the first two.
        date: The publication date (ISO): relative dates are resolved against it.
        place: The dateline city: where a meeting with no stated place was held.
        title_end: ``len(title)`` (0 without a title).
    """
    if not text or not sentences or _WORDS.isdisjoint(text_index(text).tokens):
        return ()
    context = _Context(
        text, sentences, country_mentions, org_mentions, people, home, publisher, pair, date
    )
    found: list[_Found] = []
    previous: list[_Found] = []
    for index, (start, end) in enumerate(sentences):
        sentence = _Sentence(context, index, start, end, title=index == 0 and title_end > 0)
        current = sentence.engagements()
        if not current and previous:
            _add_delegations(context, start, end, previous)
        found.extend(current)
        if current:
            context.previous_sides = list(current[-1].sides)
        previous = current or ([] if not sentence.lists_delegation() else previous)
    merged = _one_trip(_merge(found))
    _carry_delegations(context, merged)
    _held_during(merged)
    _dated(context, merged)
    if len(sentences) > LONG_TEXT:
        # A press briefing or a speech mentions engagements in passing ("we have met with
        # the two countries that applied"): keep those with people named on two sides.
        merged = [item for item in merged if len(set(item.people.values())) >= 2]
    return tuple(_ref(context, item, place) for item in merged)


def _one_trip(found: list[_Found]) -> list[_Found]:
    """In a story of one trip to one country, the meetings told after it are held during
    it ("Finally, Special Envoy Lenderking will meet with ... the UN Office"): one visit."""
    visits = [item for item in found if item.type == "visit"]
    if len(visits) != 1:
        return found
    visit = visits[0]
    travellers = {side for side in visit.sides if side != visit.host}
    kept = []
    for item in found:
        if (
            item is not visit
            and item.type in _ABSORBED | {"multilateral"}
            and not item.named
            and item.sentence > visit.sentence
            and travellers & set(item.sides)
            and item.status in (visit.status, "planned")
        ):
            visit.sides = list(dict.fromkeys([*visit.sides, *item.sides]))
            for name, side in item.people.items():
                visit.people.setdefault(name, side)
            continue
        kept.append(item)
    return kept


def _carry_delegations(context: _Context, found: list[_Found]) -> None:
    """ "The same day the Kazakh diplomat held a meeting with ... Huitfeldt": a side named
    without a name keeps the person the article's previous engagement named for it."""
    for i, item in enumerate(found):
        start, end = context.sentences[item.sentence]
        words = context.text[start:end]
        for side in item.sides:
            if any(s == side for s in item.people.values()):
                continue
            if not _UNNAMED_OFFICIAL.search(words):
                continue
            for earlier in reversed(found[:i]):
                named = [n for n, s in earlier.people.items() if s == side]
                if named and earlier.sentence < item.sentence:
                    item.people.setdefault(named[0], side)
                    break


def _add_delegations(context: _Context, start: int, end: int, previous: list[_Found]) -> None:
    """ "The Kazakhstan delegation was led by Deputy Foreign Minister Roman Vassilenko,
    while the Norwegian side was led by ...": the people of the engagement just reported."""
    if not _DELEGATION.search(context.text, start, end):
        return
    for item in previous:
        for _s, _e, person, side in context.people_in(start, end):
            if side in item.sides and not is_speaker(person.role):
                item.people.setdefault(person.name, side)


class _Sentence:
    """One sentence's engagements."""

    def __init__(self, context: _Context, index: int, start: int, end: int, *, title: bool):
        self.c = context
        self.index = index
        self.start = start
        self.end = end
        self.title = title
        self.lowered = context.text[start:end].lower()
        self.excluded: list[tuple[int, int]] = []  # read once a trigger word is seen

    def lists_delegation(self) -> bool:
        """Does this sentence name who led the delegations of the engagement before it?"""
        return _DELEGATION.search(self.c.text, self.start, self.end) is not None

    def engagements(self) -> list[_Found]:
        found: list[_Found] = []
        if _WORDS.isdisjoint(_LOWER_WORD.findall(self.lowered)) and "be in " not in self.lowered:
            return found  # most sentences: no trigger word, no need for the slow pattern
        text = self.c.text
        self.excluded = [m.span() for m in _NO_ENGAGEMENT.finditer(text, self.start, self.end)]
        for match in _TRIGGER.finditer(text, self.start, self.end):
            kind = match.lastgroup or ""
            if not self._accept(kind, match):
                continue
            item = self._engagement(kind, match)
            if item is None:
                continue
            found.extend(self._split_visit(item, match) if item.type == "visit" else [item])
        return _best_per_sentence(found)

    # ---- triggers

    def _accept(self, kind: str, match: re.Match[str]) -> bool:
        text = self.c.text
        word = match.group().lower()
        after = text[match.end() : min(self.end, match.end() + 80)]
        before = text[max(self.start, match.start() - 40) : match.start()]
        if any(s <= match.start() < e for s, e in self.excluded):
            return False
        if (
            word in _NOUN_TRIGGERS
            and not self.title  # "Secretary Blinken And Foreign Minister Kofod Before Their Meeting"
            and _ANAPHORIC.search(before)
            and not re.match(r"\s+(?:with|of|between|in|on|to)\b", after)
        ):
            return False  # "during the talks", "in her meetings": the one reported before
        if word in _NOUN_TRIGGERS and _DEMONSTRATIVE.search(before):
            return False  # "This inaugural meeting": the one just named
        if kind == "sign":
            if word == "sign" and (
                before.rstrip().lower().endswith((" a", " the", " no", " any"))
                or after.startswith((" of", " that"))
            ):
                return False  # "a sign of"
            if after.startswith((" for ", " on behalf of ")):
                return False  # "signed for Ghana": who signed, not a second signing
            clause = text[match.start() : min(self.end, match.end() + 160)]
            return _AGREEMENT.search(clause) is not None
        if kind == "consult":
            if word == "talks":
                return bool(
                    # "in talks here today with British Chancellor ... Lawson"
                    re.match(
                        r"\s+(?:(?:here|there|today|yesterday|again|later)\s+){0,2}"
                        r"(?:with|between|on|in|at)\b",
                        after,
                    )
                ) or bool(
                    re.search(
                        r"(?:held|hold|holding|trade|bilateral|of|for|ended|ends|concluded|began|"
                        r"abandoned|adjourned|suspended|"
                        r"begin|opened|resumed|resume|started|completed|broke\s+off)\s+$",
                        before,
                        re.I,
                    )
                )
            if word in ("dialogue", "negotiations"):
                return match.group()[0].isupper() or bool(
                    re.match(r"\s+(?:with|between)\b", after)
                    or re.search(
                        r"(?:held|hold|holds|round\s+of|resumed|opened|began|launched)\s+"
                        r"(?:a\s+|an\s+|the\s+|their\s+)?(?:[\w-]+\s+){0,2}$",
                        before,
                        re.I,
                    )
                )
            return True
        if kind == "multi" and word in ("session", "assembly") and not match.group()[0].isupper():
            return False  # "a training session": only a named one ("the UN General Assembly")
        if kind == "multi" and word in ("trilateral", "ministerial"):
            # "trilateral cooperation", "ministerial-level": the adjective of something else;
            # "the trilateral meeting" is found by its noun, "a Ministerial" is one.
            following = re.match(r"[\s-]+(?:[\w.]+(?:-[\w.]+)+\s+)?([\w-]+)", after)
            if following is not None and following.group(1).lower() in _NOT_MEETINGS:
                return False  # also "trilateral U.S.-Japan-ROK cooperation"
        if kind == "call" and word in ("called", "rang"):
            # "Sung Kim called PRC Special Representative ... Liu"; not "called Trump's order
            # swift" (what someone called something).
            named = self.c.people_in(match.end(), min(self.end, match.end() + 90))
            if named and text.startswith(("'s", "’s"), named[0][1]):
                return False
            return self._person_follows(match.end())
        if kind == "meet":
            if word in ("received", "receives", "welcomed", "welcomes", "welcome", "welcoming",
                        "see", "sees", "seeing"):  # fmt: skip
                return self._person_follows(match.end())
            if word == "sat" and not after.lower().startswith(" down with"):
                return False
            if word in ("meet", "meets", "met") and (
                _MET_NEED_AFTER.match(after) or _MET_NEED_BEFORE.search(before)
            ):
                return False  # "challenges that we can only meet through cooperation"
            if word == "meeting" and _GERUND.search(before) and _GERUND_OBJECT.match(after):
                return False  # "the EC has its own constraints in meeting outside pressure"
            if word == "met" and re.search(r"\b(?:be|been|being|is|are|was|were)\s+$", before):
                # "any further aggression will be met with swift, severe costs": answered,
                # unless by someone ("he was being met by Abu Mahdi al-Muhandis").
                agent = re.match(r"\s+(?:with|by)\b", after)
                return self._person_follows(match.end() + (agent.end() if agent else 0))
        return True

    def _person_follows(self, position: int) -> bool:
        """ "welcomed Indian External Affairs Minister Jaishankar", "received a delegation"
        (but not "welcomed the briefing of UN Special Envoy Pedersen")."""
        text = self.c.text
        people = self.c.people_in(position, min(self.end, position + 90))
        limit = people[0][0] if people else min(self.end, position + 40)
        words = re.findall(r"[\w'’.-]+", text[position:limit])
        between = [w for w in words if w[0].islower()]
        # Lower-case words of a role only: "PRC Special Representative on Korean Peninsula
        # Affairs Liu Xiaoming".
        if people and all(w in ("the", "a", "an", "and", "of", "for", "on", "to") for w in between):
            return True
        return bool(re.match(r"\s+(?:a|the)\s+(?:\w+\s+)?delegation", text[position : limit + 20]))

    # ---- one engagement

    def _engagement(self, kind: str, match: re.Match[str]) -> _Found | None:
        head = self.lowered[: match.start() - self.start]
        lead = _words(head)[-6:]
        if not _HYPOTHETICAL.isdisjoint(lead) and not self._month_may(lead, match.start()):
            return None
        if not _SOUGHT.isdisjoint(lead[-3:]):
            return None  # "worked to arrange a meeting", "requested a call": not (yet) held
        if _negated(lead, self.lowered[match.end() - self.start : match.end() - self.start + 20]):
            return None
        cut = self._cut(match)
        destinations: list[tuple[str, str, int]] = []
        if kind in ("visit", "stay"):
            destinations = self._destinations(match, cut)
            if not destinations:
                return None
        window = self._window(kind, match, cut)
        sides, people = self._sides(match, window, cut)
        host = destinations[0][1] if destinations else None
        if host is not None:
            travellers = self._travellers(window, match.start())
            if not travellers and re.match(r"(?:send|sent|dispatch)", match.group(), re.I):
                travellers = self._senders(window, match.start())
            if not travellers and re.match(r"\s+(?:of|by)\b", self.c.text[match.end() :]):
                travellers = self._travellers(match.end(), cut)  # "the arrival of Baldrige"
            if not travellers and re.search(
                r"\b(?:her|his|their)\s+(?:[\w-]+\s+){0,3}$",
                self.c.text[window : match.start()],
                re.I,
            ):
                # "During her August 2021 visit to Vietnam, Vice President Harris ...":
                # the traveller is the subject after the phrase.
                travellers = self._travellers(match.end(), self.end)
                for _s, _e, person, side in self.c.people_in(match.end(), self.end):
                    if side in travellers:
                        people.setdefault(person.name, side)
            if not [s for s in travellers if s != host] and match.group().lower() in (
                "visit",
                "trip",
                "tour",
            ):
                # "Johnson said in a statement released in conjunction with a visit to
                # Ireland": the sentence's subject, when a person of another side.
                first = self.c.people_in(self.start, match.start())[:1]
                if first and first[0][3] not in (None, host) and not is_speaker(first[0][2].role):
                    travellers = [first[0][3]]
                    people.setdefault(first[0][2].name, first[0][3])
            if not [s for s in travellers if s != host]:
                return None  # no official travelling, or a trip at home
            sides = [*travellers, *sides]
            sides.append(host)
            for _, _, person, side in self.c.people_in(match.end(), self.end):
                if side is None and person.role and not own_office(person.role):
                    people.setdefault(person.name, host)  # the hosts met there
        sides = list(dict.fromkeys(sides))
        word = match.group().lower()
        if kind == "multi" and len(sides) == 1 and sides[0].startswith("org:"):
            # "the UN Peacekeeping Ministerial in Seoul, Korea": the host takes part.
            hosting = self._place_country(match, cut)
            if hosting is not None:
                sides.append(hosting)
        if len(sides) < 2 and not (sides and self._members_meet(sides[0], match, cut)):
            return None
        status, date = self._status_and_date(match, head, cut)
        if not destinations and word.startswith("welcom") and len(sides) >= 2:
            destinations = self._welcomed_to(match, cut, sides)
            host = destinations[0][1] if destinations else None
        named = self._named(match)
        return _Found(
            type="visit" if host else _type(kind, word, sides, named=named),
            named=named and kind == "consult" and not host,
            status=status,
            sides=sides,
            people=people,
            sentence=self.index,
            trigger=match.group(),
            date=date,
            place=destinations[0][0] if destinations else self._place(kind, cut),
            host=host,
            destinations=destinations,
            title=self.title,
        )

    def _named(self, match: re.Match[str]) -> bool:
        """Is the trigger capitalised as part of a name ("the G7 Foreign Ministers'
        Meeting"), not as the first word or in a Title Case headline?"""
        return (
            not self.title
            and match.group()[0].isupper()
            and bool(self.c.text[self.start : match.start()].strip())
        )

    def _month_may(self, lead: list[str], position: int) -> bool:
        """Is the only hypothetical word before the trigger the month ("the May 2022
        Summit"), not the verb ("may meet")?"""
        if _HYPOTHETICAL.intersection(lead) != {"may"}:
            return False
        before = self.c.text[max(self.start, position - 60) : position]
        return re.search(r"\bmay\b", before) is None  # only "May", capitalised

    def _members_meet(self, side: str, match: re.Match[str], cut: int) -> bool:
        """An organisation's members meeting: "an emergency meeting of NATO ambassadors",
        "NATO foreign ministers met"."""
        if not side.startswith("org:"):
            return False
        text = self.c.text
        for start, end, key in self.c.orgs_in(self.start, cut):
            if f"org:{key}" != side:
                continue
            if _MEMBERS.match(text, end) or _MEMBERS_OF.search(
                text, max(self.start, start - 40), start
            ):
                return True
        return False

    def _cut(self, match: re.Match[str]) -> int:
        """Where the participants end: at the purpose or topic after the trigger, or at a
        comma that opens another clause (", a statement was issued")."""
        text = self.c.text
        purpose = _PURPOSE.search(text, match.end(), self.end)
        cut = purpose.start() if purpose else self.end
        for clause in _NEXT_CLAUSE.finditer(text, match.end(), cut):
            if not self._apposition(clause.start()):
                return clause.start()
        return cut

    def _apposition(self, comma: int) -> bool:
        """ ", famous scientist and writer Olav Njølstad": a description, then a name."""
        people = self.c.people_in(comma, min(self.end, comma + 60))
        if not people:
            return False
        between = _words(self.c.text[comma : people[0][0]].lower())
        return len(between) <= 6 and _VERBS.isdisjoint(between)

    def _window(self, kind: str, match: re.Match[str], cut: int) -> int:
        """Where the participants start: the clause for a verb; for a noun, its own words,
        and the clause when the noun is what the subject held, attended or took part in."""
        text = self.c.text
        clause = self._clause_start(match.start())
        word = match.group().lower()
        before = text[clause : match.start()]
        if word not in _NOUN_TRIGGERS and kind not in ("multi",):
            return clause
        if self.title and re.search(
            r"\b(?:before|after|during|ahead\s+of)\s+(?:their|the)\s+$", before, re.I
        ):
            # "Secretary Antony J. Blinken And Danish Foreign Minister Jeppe Kofod Before
            # Their Meeting" (a transcript's headline): those the headline names meet.
            return clause
        if word == "signing" and not re.search(r"\b(?:a|an|the|its|their)\s+$", before, re.I):
            return clause  # "by signing today a Memorandum": a verb
        if re.search(
            r"\b(?:will|would|shall|to|can|could|may|might|must|did|does|do|also|"
            r"then|later|are|is|were|was|been)\s+$",
            before,
            re.I,
        ):
            return clause  # "Reagan will visit Rome", "to visit Kyiv": a verb
        # The noun phrase: capitalised words, numbers, compounds and modifiers before it.
        phrase = re.search(
            r"(?:\b(?:a|an|the|his|her|their|its|our)\s+)?(?:[\w'’.–-]+\s+){0,7}$", before
        )
        start = clause + (phrase.start() if phrase else len(before))
        words = before[phrase.start() :] if phrase else ""
        # Trim lower-case verbs and words off the front of the phrase, keep modifiers.
        modifiers = re.search(
            r"(?:\b(?:a|an|the|his|her|their|its|our)\s+)?(?:(?:[A-Z0-9][\w'’.&-]*|[\w-]+-[\w-]+|[–-]|"
            r"bilateral|trilateral|annual|upcoming|recent|virtual|emergency|first|second|"
            r"third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|high-level|high|level|"
            r"strategic|regular|informal|joint|special|extraordinary|ministerial|"
            r"preparatory|leaders’|leaders')\s+)*$",
            words,
        )
        if modifiers is not None:
            start = clause + (phrase.start() if phrase else 0) + modifiers.start()
        if _HOLD.search(text[clause:start]) or _TAKE_PART.search(text[clause:start]):
            return clause
        if word in ("talks", "negotiations", "consultations") and re.search(
            r"\bin\s+$", text[clause:start]
        ):
            return clause  # "Balladur discussed ... in talks here today with ... Lawson"
        return start

    def _sides(
        self, match: re.Match[str], start: int, cut: int
    ) -> tuple[list[str], dict[str, str]]:
        c = self.c
        text = c.text
        sides: list[str] = []
        people: dict[str, str] = {}
        for p_start, _p_end, person, side in c.people_in(start, cut):
            if is_speaker(person.role) or side is None:
                continue
            if p_start < match.start() and _GUEST_OF.search(
                text, max(start, p_start - 40), p_start
            ):
                continue  # "be in Rome as the guests of President Cossiga and have an audience
                # with the Pope": the host of the stay, not of the audience
            sides.append(side)
            people.setdefault(person.name, side)
        for m_start, m_end, code, how in c.countries_in(start, cut):
            if self._names_side(m_start, m_end, how, match):
                sides.append(code)
        for o_start, o_end, key in c.orgs_in(start, cut):
            if _MEMBERS_NAMED.match(text, o_end):
                continue  # "visited OPEC members Gabon, Algeria and Libya": the countries
            before = text[max(self.start, o_start - 30) : o_start]
            if _TAKING_PART_BEFORE.search(before) or not (
                _PLACE_BEFORE.search(before[-16:]) or _PORTFOLIO_BEFORE.search(before[-16:])
            ):
                if not text.startswith(("’s", "'s"), o_end) or self._official_after(o_end):
                    sides.append(f"org:{key}")
        if _OWN_SUBJECT.search(text, start, max(start, cut)) and (c.publisher or c.home):
            sides.insert(0, c.publisher or c.home or "")
        for title in _TITLE.finditer(text, start, max(start, cut)):
            # "The Treasury Secretary is expected to see ...": an office only one country has.
            code = national_office(title.group(1))
            if code is not None:
                sides.append(code)
        if _BOTH.search(text, start, cut):
            sides.extend(c.previous_sides or (c.pair if len(c.pair) == 2 else []))
        return [s for s in dict.fromkeys(sides) if s], people

    def _senders(self, start: int, end: int) -> list[str]:
        """The country that sends its officials ("Japan is expected to send a high-level
        official to Washington"): the countries the clause names before the verb."""
        return [
            code
            for _s, _e, code, how in self.c.countries_in(start, end)
            if how in ("name", "alias")
        ]

    def _travellers(self, start: int, end: int) -> list[str]:
        """Who travels: officials named before the trip ("Reagan will travel", "the
        Deputy Secretary will travel", "a Japanese delegation visited"), never "we" or a
        country ("warn Americans against travelling to Ukraine")."""
        c = self.c
        found = [side for _s, _e, person, side in c.people_in(start, end)
                 if side is not None and not is_speaker(person.role)]  # fmt: skip
        for _m_start, m_end, code, how in c.countries_in(start, end):
            if how == "demonym" and self._demonym_names_officials(m_end):
                found.append(code)
        text = c.text[start:end]
        if _OWN_SUBJECT.search(text) and not re.search(r"\b(?:we|our)\b", text, re.I):
            found.append(c.publisher or c.home or "")
        return [s for s in found if s]

    def _clause_start(self, position: int) -> int:
        """The clause of the trigger: from the last ";" or ":" before it (or the sentence)."""
        text = self.c.text
        cut = max(text.rfind(";", self.start, position), text.rfind(":", self.start, position))
        return cut + 1 if cut >= 0 else self.start

    def _official_after(self, end: int) -> bool:
        following = re.match(r"(?:[’']s)?\s+([\w-]+)", self.c.text[end : end + 40])
        return following is not None and following.group(1).lower() in _OFFICIAL_NOUNS

    def _names_side(self, start: int, end: int, how: str, match: re.Match[str]) -> bool:
        """Does this country mention name a participant (not a place, topic or nationality)?"""
        text = self.c.text
        if _OFFICIALS_OF.search(text, max(self.start, start - 40), start):
            return True  # "with officials of Britain's Export Credits Guarantee Department"
        if text.startswith(("’s", "'s", "’ ", "' "), end):
            return self._official_after(end)  # "Ukraine's Foreign Minister", not "Ukraine's war"
        before = text[max(self.start, start - 16) : start]
        if before.endswith("(") and self._gloss(start, end):
            return False  # the "(DPRK)" of "for the Democratic People's Republic of Korea (DPRK)"
        if _PLACE_BEFORE.search(before):
            return False  # "in Brussels"
        if re.search(r",\s*$", before) and self._after_place(start):
            return False  # "in Seoul, Korea"
        if _PORTFOLIO_BEFORE.search(before):
            return False  # "support for Ukraine", "Envoy for Western Sahara", "to Tunisia"
        if _FROM_BEFORE.search(before):
            return bool(
                re.search(
                    r"\b(?:officials|ministers|delegations?|representatives|"
                    r"leaders|envoys|diplomats)\s+from\s+(?:the\s+)?$",
                    text[max(self.start, start - 40) : start],
                    re.I,
                )
            )
        if how == "capital":
            return False  # "Rome and West Berlin": where, not who
        if how == "demonym":
            return self._demonym_names_officials(end)
        if _PRIVATE_PERSON.match(text, end):
            return False  # "a U.S. national whom she met while studying"
        return True

    def _gloss(self, start: int, end: int) -> bool:
        """Is the mention at ``start`` an acronym in parentheses after the same country?"""
        here = self.c.countries_in(start, end)
        if not here:
            return False
        code = here[0][2]
        earlier = [
            m for m in self.c.countries_in(max(self.start, start - 80), start) if m[1] <= start
        ]
        return bool(earlier) and earlier[-1][2] == code and start - earlier[-1][1] <= 3

    def _after_place(self, position: int) -> bool:
        """Is this the country that qualifies a place ("in Seoul, Korea")?"""
        text = self.c.text
        head = text[max(self.start, position - 40) : position]
        return re.search(rf"\b(?:in|at|to)\s+{_CAP}(?:\s+{_CAP}){{0,2}},\s*$", head) is not None

    def _demonym_names_officials(self, end: int) -> bool:
        """ "Saudi and Yemeni officials", "French, German, Italian, and UK Counterparts",
        "the Kazakh diplomat": the list's noun makes them sides; "Afghan girls" does not."""
        text = self.c.text
        position = end
        for _ in range(8):
            step = re.match(r"\s*(?:,\s*and\s+|,\s*|\s+and\s+|\s+or\s+)", text[position:])
            if step is None:
                break
            following = position + step.end()
            nxt = re.match(r"[\w.’'-]+", text[following:])
            if nxt is None:
                break
            covering = self.c.country_at(following, following + nxt.end())
            if covering is None:
                break
            position = covering  # "Saudi and Republic of Yemen Governments"
        word = re.match(r"\s+([\w’'-]+)", text[position : position + 40])
        return word is not None and word.group(1).lower() in _OFFICIAL_NOUNS

    # ---- visits

    def _destinations(self, match: re.Match[str], cut: int) -> list[tuple[str, str, int]]:
        """``(place as written, country, offset)`` of the places a trip goes to."""
        text = self.c.text
        if match.lastgroup == "stay":
            inner = re.match(
                r"in\s+((?:[\w'’.-]+\s+){0,3}?)(?:for|from|on|between)\b", match.group()
            )
            name = inner.group(1).strip().rstrip(",") if inner else ""
            offset = match.start() + 3
            place = re.match(r"in\s+(.+?)\s*(?:for|from|on|between)?$", match.group())
            code = self._stay_country(offset, offset + len(name), name)
            return [(name, code, offset)] if code and place else []
        found: list[tuple[str, str, int]] = []
        # "visited OPEC members Gabon, Algeria and Libya", "visited neighbouring Kenya"
        described = _DESCRIBED.match(text, match.end(), self.end)
        current = _DESTINATION.match(text, described.end() if described else match.end(), self.end)
        word = match.group().lower()
        visit_noun = word in ("visit", "visits") and re.search(
            r"\b(?:a|an|his|her|their|state|official|working)\s+(?:[\w-]+\s+){0,2}$",
            text[max(self.start, match.start() - 40) : match.start()],
        )
        if (word.startswith("arriv") or visit_noun) and not re.match(
            r"\s*(?:to|in|into)\b", text[match.end() :]
        ):
            # "the scheduled arrival of U.S. Commerce Secretary Baldrige" in a story filed
            # from Seoul, "King Fahd begins a four-day state visit on Tuesday" from London:
            # the trip is to the dateline's country.
            dateline = self.c.dateline
            return [(dateline[0], dateline[1], match.start())] if dateline else []
        if (
            current is not None
            and not re.match(r"\s*(?:to|in|into)\b", text[match.end() :])
            and not word.startswith(("visit", "tour"))
        ):
            current = None  # "arrived Saudi Arabia" is not English; "visited Tunisia" is
        guard = 0
        while current is not None and guard < 8:
            guard += 1
            place, qualifier = current.group(1), current.group(2)
            if place.endswith(".") and "." not in place[:-1]:
                place = place[:-1]  # "and Libya." at the end of the sentence
            code = self._country_of_place(current, place, qualifier)
            if code is not None:
                found.append((place, code, current.start(1)))
            elif not found:
                return []
            after = current.end()
            if qualifier and self._listed_country(current):
                after = current.end(1)  # "Saudi Arabia, Oman, the UAE": a list, not a place
            # "to Tegucigalpa, Honduras, on March 17 and San José, Costa Rica, on March 19":
            # a stop's date, then the next stop, though the date's comma cut the clause.
            skip = _DATE_BETWEEN.match(text, after, self.end)
            if skip:
                after = skip.end()
            current = _LIST_NEXT.match(text, after, self.end if skip else max(after, cut))
        return found

    def _listed_country(self, match: re.Match[str]) -> bool:
        """Are both "Paraguay" and "Panama" of "Paraguay, Panama" countries (the next item
        of a list, not a city's country)?"""
        first = self.c.countries_in(match.start(1), match.end(1) + 1)
        second = self.c.countries_in(match.start(2), match.end(2) + 1)
        return bool(
            first
            and second
            and first[0][0] == match.start(1)
            and first[0][1] >= match.end(1) - 1
            and first[0][2] != second[0][2]  # "Seoul, Korea" is one place
            and second[0][0] == match.start(2)
            and second[0][1] >= match.end(2) - 1
        )

    def _country_of_place(
        self, match: re.Match[str], place: str, qualifier: str | None
    ) -> str | None:
        """The country of "Vietnam", "Cape Town, South Africa" or "Ulaanbaatar"; a qualifier
        counts only when it is a country's name ("Vietnam, U.S. Vice President" is not)."""
        mentions = self.c.countries_in(match.start(1), match.end(1) + 1)
        if mentions:
            return mentions[0][2]
        if qualifier:
            named = self.c.countries_in(match.start(2), match.end(2) + 1)
            if named and named[0][0] == match.start(2) and named[0][1] >= match.end(2) - 1:
                return named[0][2]
            qualifier = None if named else qualifier
        words = place.split()
        if not words or words[0] in _NOT_PLACE or not place[:1].isupper():
            return None
        from search import datelines

        qualifiers = (qualifier,) if qualifier else ()
        published = self.c.published.isoformat() if self.c.published else None
        return datelines.resolve(place, qualifiers, published)

    def _stay_country(self, start: int, end: int, place: str) -> str | None:
        """The country of the place in "in Washington for talks"."""
        mentions = self.c.countries_in(start, end + 1)
        if mentions:
            return mentions[0][2]
        words = place.split()
        if not words or words[0] in _NOT_PLACE:
            return None
        from search import datelines

        published = self.c.published.isoformat() if self.c.published else None
        return datelines.resolve(place, (), published)

    def _split_visit(self, item: _Found, match: re.Match[str]) -> list[_Found]:
        """One visit per country in "travel to Cape Town, South Africa, May 9-11, and
        Lusaka, Zambia, May 12-13", each dated by the phrase that follows its place."""
        by_country: dict[str, tuple[str, int]] = {}
        for place, code, offset in item.destinations:
            by_country.setdefault(code, (place, offset))
        if len(by_country) <= 1:
            return [item]
        traveller = [s for s in item.sides if s not in by_country]
        if not traveller:
            return []
        offsets = sorted(offset for _, offset in by_country.values())
        whens = {}
        for code, (_place, offset) in by_country.items():
            following = [o for o in offsets if o > offset]
            # The last stop: up to the clause's cut, or just past the place when a stop's
            # date cut the clause before it ("..., on March 17 and San José, Costa Rica,
            # on March 19 to engage with ...").
            cut = self._cut(match)
            end = following[0] if following else max(cut, min(self.end, offset + 60))
            phrases = date_phrases(
                self.c.text, offset, end, self.c.published, future=item.status == "planned"
            )
            whens[code] = nearest(phrases, offset, after_only=True)
        # "to Azerbaijan, Georgia, and Armenia June 14 to 19": the dates after the list are
        # the whole trip's, not the last stop's.
        dated = [code for code, when in whens.items() if when is not None]
        trip_dates = len(dated) == 1 and by_country[dated[0]][1] == offsets[-1]
        out = []
        for code, (place, _offset) in by_country.items():
            when = None if trip_dates else whens[code]
            people = {n: s for n, s in item.people.items() if s in traveller or s == code}
            out.append(
                replace(
                    item,
                    sides=[*traveller, code],
                    host=code,
                    place=place,
                    date=when.date if when else (whens[dated[0]].date if trip_dates else item.date),
                    shared_date=when is None and (item.date is not None or trip_dates),
                    people=people,
                )
            )
        return out

    # ---- when and where

    def _status_and_date(self, match: re.Match[str], head: str, cut: int) -> tuple[str, str | None]:
        text = self.c.text
        head = _QUOTED.sub(" ", head)  # what someone is quoted saying is not the report's tense
        lead = _words(head)
        recent = lead[-8:]
        future = (
            not _FUTURE.isdisjoint(recent)
            or "will" in lead
            or bool(re.search(r"\blook(?:s|ing)?\s+forward\s+to\b|\bto\s+be\s+held\b", head))
        )
        if not future and match.group().lower() in _NOUN_TRIGGERS:
            # "Talks between the United States and Japan on rice will resume next week":
            # the engagement is the subject of a verb in the future.
            future = _SUBJECT_OF_FUTURE.match(text, match.end(), self.end) is not None
        if self.title and re.search(r"\b(?:travel|trip|visit)\b", match.group(), re.I):
            future = future or self._body_announces()
        if "last" in recent and re.search(r"\blast\s+night\b", head[-60:]):
            recent = [word for word in recent if word != "last"]  # yesterday evening: news
        if "had" in recent and re.search(
            r"\bhad\s+(?:a|an|the|two|three|several|his|her|their|its)\s+(?:[\w-]+\s+){0,2}$", head
        ):
            # "after Trump had a phone conversation with": the verb "have", not a past perfect.
            recent = [word for word in recent if word != "had"]
        past = (
            not _PAST.isdisjoint(recent)
            or bool(re.search(r"\b(?:last\s+(?:year|month|week)|(?:19|20)\d\d)\b", head[-40:]))
            # "We were together just a few weeks ago in the Negev for ... a meeting with"
            or bool(re.search(r"\b(?:days|weeks|months|years)\s+ago\b", head))
        )
        phrases = date_phrases(text, self.start, self.end, self.c.published, future=future)
        # A date in the purpose ("called Liu to discuss the DPRK's February 26 launches") is
        # not the engagement's: before the purpose, then before the trigger, then anywhere.
        # Nor is a date someone is quoted saying ("by October 31st", Johnson said ...).
        quoted = [m.span() for m in _QUOTED.finditer(text, self.start, self.end)]
        phrases = [p for p in phrases if not any(a <= p.start < b for a, b in quoted)]
        inside = [p for p in phrases if p.start < cut]
        when = (
            nearest(inside, match.end(), after_only=True)
            or nearest([p for p in phrases if p.end <= match.start()], match.start())
            or nearest(phrases, match.start())
        )
        date = when.date if when else None
        if when is not None and re.fullmatch(
            r"(?:this\s+evening|tonight|later\s+today|tomorrow|tommorrow)",
            " ".join(text[when.start : when.end].lower().split()),
        ):
            future = True  # "Funaro, who travels to Italy this evening"
        published = self.c.published
        if date and published:
            if len(date) == 10:
                delta = _ordinal(date) - published.toordinal()
                if delta > _AHEAD:
                    return "planned", date
                if delta < -_BEHIND:
                    # "will hold talks ..., his first visit since he assumed power in June
                    # 1982": an announced engagement is not dated in the past.
                    return ("planned", None) if future and not past else ("background", date)
            else:
                month = published.isoformat()[:7]
                if date > month:
                    return "planned", date
                if date < month:
                    return ("planned", None) if future and not past else ("background", date)
        if future:
            return "planned", date
        if past:
            return "background", date
        return "main", date

    def _body_announces(self) -> bool:
        """A headline "Secretary X's Travel to Y" announces the trip the body describes."""
        body = self.c.text[self.end : self.end + 400].lower()
        return bool(re.search(r"\bwill\s+(?:travel|visit|lead|meet)\b", body))

    def _welcomed_to(
        self, match: re.Match[str], cut: int, sides: list[str]
    ) -> list[tuple[str, str, int]]:
        """ "welcomed Foreign Minister Locsin to Washington": a visit to the welcomer's
        country, when the place is in one of the sides'."""
        text = self.c.text
        found = re.search(
            rf"\bto\s+(?:the\s+)?({_CAP}(?:\s+{_CAP}){{0,2}})(?:,\s+{_CAP}(?:\s+{_CAP}){{0,2}})?",
            text[match.end() : max(match.end(), cut)],
        )
        if found is None or found.group(1).split()[0] in _NOT_PLACE:
            return []
        offset = match.end() + found.start(1)
        code = self._stay_country(offset, match.end() + found.end(), found.group(1))
        if code is None or code not in sides:
            return []
        return [(trim_place(found.group(0)[found.start(1) - found.start() :]), code, offset)]

    def _place_country(self, match: re.Match[str], cut: int) -> str | None:
        """The country of the place right after a meeting's noun ("in Seoul, Korea")."""
        text = self.c.text
        found = re.match(
            rf"\s+(?:in|at)\s+({_CAP}(?:\s+{_CAP}){{0,2}})(?:,\s+({_CAP}(?:\s+{_CAP}){{0,2}}))?",
            text[match.end() : max(match.end(), cut)],
        )
        if found is None:
            return None
        offset = match.end()
        named = self.c.countries_in(offset + found.start(1), offset + found.end())
        if named:
            return named[0][2]
        from search import datelines

        published = self.c.published.isoformat() if self.c.published else None
        return datelines.resolve(found.group(1), (), published)

    def _place(self, kind: str, cut: int) -> str | None:
        """Where it was held: "in Oslo", "at the Department of State"; not for a call, and
        not from the topic ("to discuss the situation in Afghanistan")."""
        if kind == "call":
            return None
        for found in re.finditer(
            rf"\b(?:in|at)\s+(?:the\s+)?({_CAP}(?:\s+{_CAP}){{0,3}}(?:,\s+{_CAP}(?:\s+{_CAP}){{0,2}})?)",
            self.c.text[self.start : max(self.start, cut)],
        ):
            name = trim_place(found.group(1))
            # "in Niamey, Niger's capital": the city.
            name = re.sub(r",?\s+[\w-]+[’']s$", "", name)
            head = self.c.text[
                max(self.start, self.start + found.start() - 30) : self.start + found.start(1)
            ]
            if _TAKING_PART_BEFORE.search(head):
                continue  # "participated in the G7 ... Meeting": what, not where
            if name.split()[0] not in _NOT_PLACE:
                return name
        return None


def _international(key: str) -> bool:
    from search.extract.orgs import international

    return international(key)


def _words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9'’]+", text)


def _negated(lead: list[str], after: str) -> bool:
    near = lead[-3:]
    if not _NEGATION.isdisjoint(near) or any(w.endswith(("n't", "n’t")) for w in near):
        return True
    if "longer" in near:
        return True  # "will no longer travel"
    return after.startswith((" cancelled", " canceled", " postponed"))


def _type(kind: str, word: str, sides: list[str], *, named: bool = False) -> str:
    orgs = [s for s in sides if s.startswith("org:")]
    if named and orgs and word in ("meeting", "meetings"):
        return "multilateral"  # "the G7 Foreign Ministers' Meeting": a forum's own
    if kind == "call":
        return "multilateral" if len(sides) >= 3 else "call"
    if kind == "sign":
        return "signing"
    if kind == "multi" or word in _FORUM:
        if len(sides) >= 3 or orgs or word == "trilateral":
            return "multilateral"
        return "meeting"
    if len(sides) >= 3 or (orgs and len(sides) == 1):
        return "multilateral"
    if kind == "consult":
        return "consultations"
    return "meeting"


def _best_per_sentence(found: list[_Found]) -> list[_Found]:
    """One engagement per sentence and set of sides, the most specific kind kept."""
    best: dict[tuple[str, ...], _Found] = {}
    for item in found:
        key = (*sorted(item.sides), item.host or "")
        current = best.get(key)
        if current is None:
            best[key] = item
            continue
        keep, other = (item, current) if _RANK[item.type] > _RANK[current.type] else (current, item)
        keep.people = {**other.people, **keep.people}
        keep.date = keep.date or other.date
        keep.place = keep.place or other.place
        best[key] = keep
    return list(best.values())


def _merge(found: list[_Found]) -> list[_Found]:
    """Reports of one engagement in one article become one: the headline and the body, a
    visit and the meetings held during it."""
    merged: list[_Found] = []
    for item in found:
        targets = [m for m in merged if _same(m, item)]
        # "will visit Rome and West Berlin ... meet the West Germans": the trip whose host
        # the meeting names.
        target = next((m for m in targets if m.host in item.sides), targets[0] if targets else None)
        if target is None:
            merged.append(item)
            continue
        for name, side in item.people.items():
            target.people.setdefault(name, side)
        if item.type == "visit" and target.type != "visit":
            # A meeting reported first, then the visit it was held during: the visit it is.
            target.type, target.host, target.status = "visit", item.host, item.status
            target.place, target.sides = item.place, list(item.sides)
        elif target.type != "visit":
            target.sides = list(dict.fromkeys([*target.sides, *item.sides]))
        if (
            target.type == item.type == "visit"
            and item.date
            and not item.shared_date
            and (target.shared_date or (target.title and not item.title))
        ):
            # "will travel to Azerbaijan, Georgia, and Armenia June 14 to 19", then "will
            # visit Baku, Azerbaijan, on June 15": the stop's own day.
            target.date, target.shared_date = item.date, False
        else:
            date = _precise(target.date, item.date)
            if date != target.date:
                target.shared_date = item.shared_date
            target.date = date
        target.place = target.place or item.place
        if target.type == "visit":
            target.sides = list(dict.fromkeys([*target.sides, *item.sides]))
        if target.title and not item.title:
            # The body's words, not the headline's, are the report to cite.
            target.title = False
            target.sentence, target.trigger = item.sentence, item.trigger
            if _RANK[item.type] >= _RANK[target.type] and target.type != "visit":
                target.type = item.type
            target.status = item.status if item.type == target.type else target.status
    return merged


def _same(a: _Found, b: _Found) -> bool:
    """Do two reports in one article tell of the same engagement?"""
    title = a.title or b.title
    if (a.named or b.named) and a.type != b.type:
        return False
    if a.type == "visit" or b.type == "visit":
        return _same_visit(a, b) if a.type == "visit" else _same_visit(b, a)
    if a.status != b.status and not title and not _back_reference(a, b):
        return False
    sa, sb = set(a.sides), set(b.sides)
    if a.date and b.date and a.date[:10] != b.date[:10]:
        return False
    if not (a.type == b.type or {a.type, b.type} <= {"meeting", "consultations", "multilateral"}):
        return False
    if not (sa <= sb or sb <= sa):
        return False
    if title:
        return True
    # Two meetings of the same sides with different people on one side are two meetings.
    return _compatible_people(a, b)


def _precise(kept: str | None, other: str | None) -> str | None:
    """The more precise of two dates of one engagement ("June" and "June 3": June 3)."""
    if not kept:
        return other
    if other and len(other) > len(kept) and other.startswith(kept):
        return other
    return kept


def _same_visit(visit: _Found, other: _Found) -> bool:
    """Is ``other`` this visit, or a meeting held during it (in the same sentence, or
    later with the hosts alone)?"""
    if other.type == "visit":
        return visit.host == other.host
    same_sentence = other.sentence == visit.sentence
    # "arrived in Saudi Arabia, where he will meet with officials from the Saudi and Yemeni
    # Governments": meetings held there are the visit's, even with a third side (not a
    # forum's own multilateral meeting).
    met_there = same_sentence and other.trigger.lower() in ("meet", "met", "meets", "meeting")
    if other.type not in _ABSORBED and not met_there:
        return False
    if same_sentence:
        # "met the Speaker ... during her visit to Ulaanbaatar"; "arrived in Saudi Arabia,
        # where he will meet with officials from the Saudi and Yemeni governments"
        travellers = {side for side in visit.sides if side != visit.host}
        return bool(travellers & set(other.sides))
    if visit.host not in other.sides:
        return False
    return set(other.sides) <= set(visit.sides) and other.status == visit.status


def _compatible_people(a: _Found, b: _Found) -> bool:
    """No side has different named people in the two reports."""
    for side in set(a.sides) & set(b.sides):
        named_a = {name for name, s in a.people.items() if s == side}
        named_b = {name for name, s in b.people.items() if s == side}
        if named_a and named_b and not named_a & named_b:
            return False
    return True


def _back_reference(a: _Found, b: _Found) -> bool:
    """An undated "main" report of what another sentence dated: "Trump characterized the
    call with Zelensky as routine" after "in a phone call in late July"."""
    return (a.status == "main" and not a.date and bool(b.date)) or (
        b.status == "main" and not b.date and bool(a.date)
    )


def _ordinal(date: str) -> int:
    import datetime as dt

    return dt.date.fromisoformat(date[:10]).toordinal()


def _held_during(found: list[_Found]) -> None:
    """A named dialogue the article tells beside a visit or a meeting of the same sides
    ("will then travel to Tajikistan to ... participate in U.S.-Tajikistan Annual
    Bilateral Consultations"; "met today ... in Algiers. [They] welcomed the opportunity
    to hold the fifth U.S.-Algeria Strategic Dialogue") is held there and then, unless
    it says otherwise."""
    for item in found:
        if not item.named or (item.date and item.place):
            continue
        sides = set(item.sides)
        around = [
            other
            for other in found
            if other is not item
            and not other.named
            and other.status == item.status
            and sides <= set(other.sides)
            and (other.host is None or other.host in sides)
        ]
        # The visit to the dialogue's other side first, then the nearest report.
        around.sort(key=lambda o: (o.host is None, abs(o.sentence - item.sentence)))
        if around:
            item.date = item.date or around[0].date
            item.place = item.place or around[0].place


def _dated(context: _Context, found: list[_Found]) -> None:
    """An undated engagement an article reports takes the date the story gives just before
    ("NATO allies today called on ... After an emergency meeting of NATO ambassadors"), or
    in a wire story filed under a dateline, the day of the story."""
    published = context.published
    if published is None:
        return
    for item in found:
        if item.date or item.status != "main":
            continue
        start = context.sentences[max(0, item.sentence - 2)][0]
        end = context.sentences[item.sentence][0]
        phrases = date_phrases(context.text, start, end, published)
        earlier = [p for p in phrases if p.date and len(p.date) == 10]
        if earlier:
            item.date = earlier[-1].date
        elif context.dateline is not None and not context.publisher:
            item.date = published.isoformat()


def _ref(context: _Context, item: _Found, dateline: str | None) -> EngagementRef:
    countries = tuple(s for s in item.sides if not s.startswith("org:"))
    orgs = tuple(s[4:] for s in item.sides if s.startswith("org:"))
    participants = tuple((side, name) for name, side in item.people.items() if side in item.sides)
    start, end = context.sentences[item.sentence]
    place = item.place
    if place is None and item.type != "call" and item.status == "main" and dateline:
        place = dateline.title() if dateline.isupper() else dateline
    return EngagementRef(
        type=item.type,
        status=item.status,
        countries=countries,
        orgs=orgs,
        participants=participants,
        span=Span(start, end, item.sentence),
        trigger=item.trigger,
        date=item.date,
        place=place,
    )
