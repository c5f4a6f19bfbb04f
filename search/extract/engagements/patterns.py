"""Engagements' trigger words and the patterns and word lists that check them."""

from __future__ import annotations

import re

WEEKDAYS = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"

# "Six industrialised nations agreed in Paris last month", "OPEC members agreed in
# December to limit production": what a forum agreed, where or when, it met to agree
# (read only in a sentence that names an organisation; checked by `_Sentence._accept`: a
# forum is the subject).
_FORUM_AGREED = re.compile(
    r"(?P<multi>\b(?:agreed|committed\s+themselves)(?=\s+(?:in\s+(?:[A-Z]|(?:19|20)\d\d|principle\b)|"
    r"at\s+(?:the\s+)?[A-Z]|last\s+(?:month|week|year)|earlier\s+this\s+(?:month|year)|"
    rf"on\s+{WEEKDAYS}\b))"
    # "last week's Paris Club debt rescheduling": its creditors met the debtor
    r"|(?<=Paris\sClub\sdebt\s)rescheduling\b|(?<=Paris\sClub\s)rescheduling\b"
    # "The International Cocoa Organization (ICCO) council adjourned after agreeing"
    r"|\badjourned\b)",
    re.I,
)
# "Representatives of the United States, Afghanistan, Pakistan, and Uzbekistan agreed in
# principle to establish a new quadrilateral diplomatic platform": their envoys met to agree.
_ENVOYS_OF = re.compile(
    r"\b(?:representatives|officials|ministers|leaders|delegations|delegates|envoys)\s+"
    r"(?:of|from)\s+(?:the\s+)?(?-i:[A-Z])",
    re.I,
)
# "attend additional memorial events organized by Solomon Islands and Japan": read only
# in a sentence with "ed by" (a test for every sentence; `_TRIGGER`'s guard leaves out
# words in "e").
_HOSTED_EVENT = re.compile(
    r"(?P<multi>\b(?:events?|ceremon(?:y|ies)|receptions?|commemorations?)(?=\s+(?:organi[sz]ed|"
    r"hosted|co-hosted)\s+by\b))",
    re.I,
)
# What a speaker is glad of, to be (back) in a place ("It's wonderful to be back in Berlin"):
# the words (`triggers` makes a lookbehind of each) and the words before the place.
GLAD_WORDS = ("good", "great", "wonderful", "pleasure", "honor", "honour", "delighted")
GLAD_TO = rf"\b(?:{'|'.join(GLAD_WORDS)})\s+to\s+"
GLAD_TO_BE = rf"{GLAD_TO}be\s+(?:back\s+)?"
# The stays `_TRIGGER` reads without a trigger word: "be in Rome for talks", "when we were in
# Moldova just a couple of months ago" (substrings: a test for every sentence).
_STAY_WORDS = ("be in ", "be back in ", "we were in ", "was in ", "is in ", "currently in ")
# And the substrings of two triggers whose words are too common for `_WORDS` ("left",
# "events"): "leaves for Japan", "memorial events organized by".
_SUBSTRINGS = (*_STAY_WORDS, "organized by ", "organised by ", *(f"{verb} for " for verb in (
    "leaves", "leave", "left", "leaving", "departs", "departed", "departing", "departure")))  # fmt: skip


def _stays(lowered: str) -> bool:
    """May lower-case ``lowered`` hold a trigger without a word of `_WORDS` (a stay, a
    departure, an event hosted by)?"""
    return any(words in lowered for words in _SUBSTRINGS)


# Trigger words that count only where a forum is named ("OPEC members agreed in
# December"): most sentences that say "agreed" report no meeting, and skipping them is
# what keeps the scan cheap.
_FORUM_WORDS = frozenset({"agreed", "committed", "rescheduling", "rescheduled", "adjourned"})
_LOWER_WORD = re.compile(r"[a-z]+")
# `_lower_words`' table: every byte but an ASCII lower-case letter becomes a space.
_NOT_LOWER = bytes(byte if 97 <= byte <= 122 else 32 for byte in range(256))


def _lower_words(lowered: str) -> list[str]:
    """``_LOWER_WORD.findall(lowered)``, in half the time (it runs for every sentence): a
    non-ASCII character is one byte ("?") after ``encode(..., "replace")``, a separator."""
    return lowered.encode("ascii", "replace").translate(_NOT_LOWER).decode("ascii").split()


# The trip triggers by which a country sends someone ("Japan is expected to send a
# high-level official to Washington"): the sender is not the traveller.
_SENDS = re.compile(r"(?:send|sent|dispatch)", re.I)
# Nouns after "trilateral"/"ministerial" that are not an encounter.
_NOT_MEETINGS = frozenset(
    """cooperation relationship relations partnership framework ties alliance security
    coordination statement level declaration agreement mechanism format efforts engagement
    exercises exercise drills commitment""".split()
)
# What names those taking part after "which": "..., which will include President Alvarado".
_INCLUDING = r"\s+(?:will\s+|would\s+)?(?:include[sd]?|bring(?:s)?\s+together|brought\s+together)\b"
# Where the participants end: the purpose, the topic, the circumstances.
_PURPOSE = re.compile(
    r"\bto\s+(?:discuss|review|address|exchange|reaffirm|underscore|highlight|express|"
    r"strengthen|advance|coordinate|deepen|continue|consult|talk|explore|seek|promote|deliver|"
    r"celebrate|mark|launch|build|support|engage|accelerate|emphasi[sz]e|thank|condemn|"
    r"demonstrate|reiterate|affirm|follow|share|encourage|learn|hear|announce|receive|"
    r"attend|present|sign|participate|co-?chair|lead)\b"
    # Whom a request is made of: "issued recommendations urging Canada, Mexico, and ...".
    r"|\b(?:urg(?:e|es|ed|ing)|recommend(?:s|ed|ing)?)\b"
    # "will meet with Japanese Vice Foreign Minister Mori and have a trilateral meeting
    # with ...": a second engagement, its own participants
    r"|\band\s+(?:will\s+)?(?:have|hold|host|attend|co-?host|join|participate|travel|visit)\b"
    r"|\b(?:about|regarding|concerning|amid|following|despite|ahead\s+of|focused\s+on|"
    r"in\s+addition\s+to|as\s+well\s+as\s+(?=meetings?\b)|"
    r"focusing\s+on|in\s+light\s+of|in\s+support\s+of|as\s+part\s+of)\b"
    r"|\bon\s+(?:the\s+)?(?:situation|ways|how|issues|a\s+range|bilateral|regional|topics|"
    r"matters|efforts|progress|plans|the\s+margins|the\s+sidelines)\b|\bwhere\b"
    # "a Summit of the Alliance ..., which will include President Alvarado of Costa Rica":
    # who takes part, not another clause.
    rf"|\bwhich\b(?!{_INCLUDING})"
    r"|\bwho\b|;|\s[–—]\s|:|(?<![A-Z])\.\s"  # not the "U.S." of "U.S. Commerce Secretary"
    # A second verb phrase: "... and would have an audience with the Pope".
    r"|\band\s+(?:would|will|then|later|also\s+will)\s+(?!be\b)[a-z]+\b",
    re.I,
)
# "the coming economic summit in Venice": to come.
_FUTURE = frozenset(
    """will would shall 'll upcoming forthcoming coming next planned scheduled expected due set plans
    plan intends intend hopes hope looks look going decided agreed agree expects expect
    anticipates anticipate awaits await preparing prepares likely preview previews previewing""".split()
)
# "the commission was agreed during talks between ...": agreed at the talks, so held.
_AGREED_AT = re.compile(r"\bagreed\s+(?:on\s+)?(?:during|at|in)\s+(?:the\s+)?$")


def future_words(lead: list[str], head: str) -> set[str]:
    """The words of `_FUTURE` among the last eight before a trigger (``lead``, the words of
    ``head``), but not an "agreed" that tells what was agreed at the trigger."""
    words = set(lead[-8:]) & _FUTURE
    return words - {"agreed"} if _AGREED_AT.search(head) else words


_HYPOTHETICAL = frozenset({"if", "unless", "could", "might", "may", "should", "whether"})
_SOUGHT = frozenset(
    """arrange arranging arranged seek seeking sought request requested requesting
    requests readiness preparedness willingness ready willing prepared openness""".split()
)
# A transcript's headline: remarks made before, after or during a meeting ("Secretary
# Antony J. Blinken And Danish Foreign Minister Jeppe Kofod Before Their Meeting").
# "... Prime Minister Edi Rama At a Signing of a Memorandum of Understanding".
_REMARKS_AROUND = re.compile(
    r"\b(?:(?:before|after|during|following|ahead\s+of)\s+|at\s+)(?:an?|the|their)\s+$", re.I
)
# Urged, not held: "expressed his encouragement for further peace negotiations between
# Armenia and Azerbaijan", "urged the two sides to resume talks".
_URGED = frozenset(
    """encourage encouraged encourages encouraging encouragement urge urged urges urging
    appeal appealed appeals""".split()
)
# A request that others do something, up to the trigger: what it asks is not held.
_ASKED_TO = re.compile(
    r"\b(?:urg(?:e|es|ed|ing)|recommend(?:s|ed|ing)?|encourag(?:e|es|ed|ing)|"
    r"call(?:s|ed|ing)?\s+(?:on|upon)|appeal(?:s|ed|ing)?\s+to)\b[^.;:]{0,140}?\bto\s+"
    r"(?:organi[sz]e|hold|convene|arrange|host|resume|start|begin|launch)\b[^.;:]{0,60}$"
    # "reaffirmed the United States’ support for the formal opening of EU accession
    # negotiations with North Macedonia": a process backed, not held
    r"|\bsupport(?:s|ed|ing)?\s+(?:for\s+)?the\s+(?:[\w-]+\s+)?(?:opening|start|launch|"
    r"resumption)\s+of\s+(?:[\w-]+\s+){0,3}$"
    # "The United States asked for consultations with Tokyo": sought, not held
    r"|\b(?:ask(?:s|ed|ing)?|call(?:s|ed|ing)?)\s+for\s+(?:[\w-]+\s+){0,3}$",
    re.I,
)
# A trip for oneself: "travels to the United States for further care", "on vacation".
_PRIVATE_TRIP = re.compile(
    r"[^.;:]{0,80}?\b(?:for\s+(?:\w+\s+){0,2}?(?:medical\s+)?(?:care|treatment|surgery|"
    r"check-?ups?|vacation|holidays?|rest)|on\s+(?:a\s+)?(?:vacation|holiday)|"
    # "during a brief visit to London on his way home from Jamaica": passing through.
    r"on\s+(?:his|her|their)\s+way\s+(?:home|back))\b",
    re.I,
)
# Habits, not an engagement: "This working group will continue to meet regularly".
_HABITUAL = re.compile(
    r"\s+(?:regularly|periodically|annually|quarterly|monthly|weekly|frequently|often|"
    r"routinely|every\b|each\s+(?:year|month|week)|on\s+a\s+regular\s+basis)",
    re.I,
)
# One government's or party's own meeting: "At today's Cabinet meeting, Nakasone told
# ...", "a scheduled meeting of the Reagan administration's Economic Policy Council".
_DOMESTIC_BEFORE = re.compile(
    r"\b(?:cabinet|(?<!working )party|parliamentary|politburo|board|shareholders['’]?|caucus|"
    r"congressional|central\s+committee"
    # "hosting the intra-Libyan dialogue": one country's parties among themselves
    r"|intra-[A-Z][\w-]*)\s+$",
    re.I,
)
_DOMESTIC_AFTER = re.compile(
    r"\s+(?:of|with)\s+(?:the\s+|its\s+|his\s+|her\s+)?(?:[A-Z][\w.-]*\s+)?(?:"
    # (a party's secretary is a person met: "meet with municipal Party Secretary Nguyen")
    # (nor is a cabinet's member: "met with Kenyan Cabinet Secretary for Foreign Affairs")
    r"cabinet(?!\s+(?:secretary|minister)\b)|"
    r"(?:ruling\s+)?party(?!\s+(?:secretary|chairman|chief|leader)\b)|politburo|board|"
    r"shareholders|caucus|central\s+committee|"
    r"administration['’]s|government['’]s\s+(?:economic|security|cabinet))\b",
    re.I,
)
_NEGATION = frozenset({"not", "never", "no", "cancelled", "canceled", "postponed", "without"})
# What one meets that is no one: a need, a goal, a challenge.
_NEEDS = (
    r"(?:challenges?|needs?|goals?|targets?|demands?|expectations|obligations?|deadlines?|"
    r"standards?|requirements?|criteria|threats?|conditions|benchmarks|commitments?)"
)
_NO_ENGAGEMENT = re.compile(
    # The letters its words begin with: a guard that rejects other positions at once (as
    # `_TRIGGER`'s).
    r"\b(?=[bcdeghimnoprstv])(?:"
    r"\b(?:news|press|telephone\s+news)\s+(?:conferences?|briefings?)\b|"
    r"\bvisit\w*\s+(?:us\s+at\s+|our\s+|the\s+)?(?:\S+\.(?:gov|com|org|net|int)\b|www\.|https?:|"
    r"website|web\s*site|page|site|link)"
    r"|\binvit\w+\s+(?:\w+\s+){0,4}?to\s+visit\b"
    # What one meets that is no one: "meet the targets", "challenges that we can only meet".
    rf"|\b(?:meet|meets|met)\s+(?:(?:one|some|many|each|most|any)\s+of\s+)?"
    rf"(?:(?:the|its|their|our|these|this|his|her|all)\s+)?"
    rf"(?:[\w’'-]+,?\s+){{0,5}}?{_NEEDS}\b"  # "to meet Ukraine’s humanitarian, ... needs"
    rf"|\b{_NEEDS}\s+(?:that|which)\s+(?:[\w’']+\s+){{0,5}}?(?:meet|meets|met)\b"
    r"|\bhost\s+(?:countries|country|nations?|governments?|communit\w+|famil\w+|cit\w+|years?)\b"
    r"|\bcooperation\s+(?:in|through|within)\s+(?:\w+\s+)?(?:forums|fora)\s+including\b[^.;]{0,200}"
    # A cooperation's channels: "cooperating closely through the U.S.-EU Dialogue on China"
    r"|\b(?:cooperat|coordinat|engag)\w*\s+(?:\w+\s+)?(?:through|via)\s+(?:[^.;]|(?<=[A-Z])\.){0,160}"
    # What is hosted that is no encounter: "Japan's commitment to hosting safe and secure
    # Olympic and Paralympic games", "for hosting Afghan refugees", "for hosting U.S. and
    # NATO forces", "hosts the U.S. Navy’s 6th Fleet headquarters in Naples".
    r"|\bhost(?:s|ed|ing)?\s+(?:[\w.’'-]+\s+){0,5}?(?:games|olympics?|world\s+cup|tournament|"
    r"championships?|festival|exhibition|expo|refugees|migrants|evacuees|troops|forces|bases?|"
    r"headquarters|fleet)\b)",
    re.I,
)
# The publisher's own official, unnamed: "The Secretary", "the Deputy Secretary", "we".
_OWN_SUBJECT = re.compile(
    r"\b(?:the\s+(?:(?:deputy|under|assistant|acting)\s+)*secretary(?!\s+general|-general)|"
    r"the\s+(?:special\s+)?envoy|the\s+ambassador|we|our\s+(?:delegation|government|meeting)|"
    # "Under Secretary Nuland and an interagency delegation will travel ... In Panama, the
    # delegation will meet with President Cortizo": a government's own delegation
    r"the\s+(?:U\.S\.\s+|interagency\s+|accompanying\s+)?delegation|"
    # "senior officials at the Departments of Defense, and Commerce, and the National
    # Security Council also met with Director Arias": the government's own departments
    r"the\s+(?:Departments?\s+of\s+(?!foreign|external)|National\s+Security\s+Council\b)|"
    # "the Biden-Harris Administration made a commitment to ... host"
    r"the\s+(?:(?-i:[A-Z])[\w]+(?:-(?-i:[A-Z])\w+)?\s+)?administration)\b",
    re.I,
)
# An official named by title alone: "the Treasury Secretary", "the Secretary of State".
_TITLE = re.compile(
    r"\b[Tt]he\s+((?:U\.S\.\s+)?[A-Z][\w-]*(?:\s+(?:of\s+(?:the\s+)?)?[A-Z][\w-]*){0,4})"
)
# "That agreement, hammered out late last year after months of heated negotiations": the
# negotiations of an agreement the story is about (its two countries), told as history.
_NEGOTIATED = re.compile(
    r"\b(?:that|the|this)\s+(?:bilateral\s+)?(?:agreement|pact|accord|deal)\b,?\s+"
    r"(?:hammered\s+out|reached|agreed|negotiated|struck|concluded|worked\s+out)\b[^.;]{0,40}?"
    r"\bafter\s+(?:(?:months|weeks|years|days|(?:\w+\s+)?rounds)\s+of\s+)?(?:[\w-]+\s+){0,2}$",
    re.I,
)
# A transcript's stage direction: "(The Memorandum of Understanding is signed.)".
_STAGE_DIRECTION = re.compile(r"\(\s*[^()]{3,120}\s+(?:is|are)\s+signed\.?\s*\)\s*")
# Words after a demonym that make it a side ("Saudi officials"), not a nationality.
_OFFICIAL_NOUNS = frozenset(
    """officials official counterparts counterpart delegation delegations side government
    governments leaders leader authorities ministers minister president prime foreign
    diplomat diplomats team teams representatives representative envoy envoys ambassador
    ambassadors mfa ministry military defense defence navy army embassy delegates delegate
    negotiators negotiator mission missions""".split()
)
# "welcome to Chisinau", "to welcome today to Panama Mr. Secretary Antony Blinken".
_WELCOME_TO = re.compile(
    # "looked forward to welcoming the Minister to Washington soon"
    r"\s+(?:(?:you|all|today|back|again|here|him|her)\s+|the\s+(?:[A-Z][\w-]*\s+){1,3})*"
    # ("it's really an honor for me to welcome you today in Tallinn")
    r"(?:to|(?<=you\s)in|(?<=today\s)in|(?<=here\s)in)\s+(?:the\s+)?"
    r"(?P<place>[A-Z][\w’'-]+(?:\s+(?!(?:Mr|Mrs|Ms|Dr|Madam|Mister|His|Her|Secretary|"
    r"President|Minister|Prime|Foreign|Ambassador)\b)[A-Z][\w’'-]+){0,2})"
)
# When a named engagement met before: "the Dialogue, which last met in 2016", "the
# Strategic Dialogue, initiated on June 11, 2020".
_LAST_TIME = re.compile(
    r"\b(?:(?:last|previously|first)\s+(?:met|held|convened|took\s+place|gathered)|"
    r",\s+(?:initiated|inaugurated|launched))\s+(?:in|on)?\s*$",
    re.I,
)
# Troops, not officials: "will also meet with visiting NATO forces"; nor the texts a
# body adopted ("condemned the launches as a violation of UN Security Council
# resolutions").
_FORCES_AFTER = re.compile(
    r"\s+(?:forces|troops|soldiers|service\s*members|servicemembers|personnel|warships|"
    r"aircraft|jets|battle\s*groups?|battalions?|units|resolutions)\b",
    re.I,
)
# A sea, coast or region named after a country: "the Gulf of Oman", "the Horn of Africa".
_FEATURE_OF = re.compile(
    r"\b(?:Gulf|Sea|Straits?|Bay|Horn|Coast|Isles?|Islands?|Peninsula|Basin)\s+of\s+(?:the\s+)?$"
)
# A forum, summit or dialogue named after its two parties: "the U.S.-Croatia Forum", "the
# U.S.-Russia Summit", "the Morocco-U.S. dialogue".
_PAIR_NAMED = re.compile(r"\b[A-Z][\w.]*\s*[-–]\s*[A-Z]")
# The next round of talks a story reported: "Valerio said the next formal talks would be
# Monday" (what follows "next", case aside).
_NEXT_ROUND = r"next\s+(?:(?:round\s+of|formal|official)\s+)?$"
# A territory whose fate talks settle: "the future of Macao", "to hand over
# Portuguese-ruled Macao to China".
_FATE_OF = re.compile(
    r"\b(?:(?:future|handover|status|return|sovereignty)\s+(?:of|over)\s+(?:the\s+)?"
    r"|hand(?:s|ed|ing)?\s+over\s+(?:[\w-]+\s+)?)$"
)
# An event named after a country: "an Iraq War veteran", "the Ukraine crisis".
_EVENT_AFTER = re.compile(r"\s+(?:[Ww]ars?|[Cc]onflict|[Ii]nvasion|[Cc]risis)\b")
# A noun trigger's relative clause whose subject is a pronoun: "a state visit he will make".
_PRONOUN_AFTER = re.compile(
    r"\s+(?:that\s+|which\s+)?(?:he|she)\s+(?:will|would|is\s+to|plans\s+to)\b"
)
# A government named by its leader: "Reagan Administration officials".
_ADMINISTRATION = re.compile(r"\b([A-Z][a-z]{2,})\s+[Aa]dministration\b")
# A sentence that goes on with someone named before ("..., he added.").
_HE_OR_SHE = re.compile(r"\b(?:[Hh]e|[Ss]he)\b")
# "he" or "she" before the trigger: "Additionally, he will join"; not "he said that".
# "The two are due to visit Japan": the two just named (the first of them, their side).
_SUBJECT_PRONOUN = re.compile(
    r"\b(?:[Hh]e|[Ss]he|[Tt]he\s+two(?=\s+(?:are|were|will|would|is|was|have|had)\b))\b"
    r"(?!\s+(?:said|says|added|noted|stressed|underlined)\b)"
    # (one who tells a meeting speaks at it: "He told an informal General Agreement on
    # Tariffs and Trade (GATT) meeting")
    r"(?!\s+told\b(?!\s+(?:an?|the)\s+(?:[\w().’'-]+\s+){0,10}?"
    r"(?:meeting|conference|session|summit|assembly|forum)\b))"
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
# A noun trigger used alone, referring back: "during the talks", "in her meetings".
_ANAPHORIC = re.compile(r"\b(?:the|their|his|her|its|this|that|these|those)\s+$", re.I)
# (Not the conjunction: "told a news conference that a meeting ... would".)
_DEMONSTRATIVE = re.compile(
    # (nor "told the DIHT that his meeting on Monday with Baker had resolved", "this is my")
    r"\b(?:this|these|that|those)\s+(?!(?:a|an|the|his|her|their|its|our|my|week|weekend|"
    r"month|year|morning|afternoon|evening|is\s+(?:my|our))\s)(?:[a-z-]+\s+){0,3}$",
    re.I,
)
# Verbs whose object names an engagement its subject takes part in.
# "participated virtually alongside representatives from Mexico and Canada in the fifth
# North American Drug Dialogue": who took part is named between the verb and the forum.
_TAKE_PART = re.compile(
    # "Participants joining the United States in the COVID-19 Global Action Meeting
    # included Canada ...": the one joined takes part too.
    r"\b(?:participat(?:ed|es|e|ing)|join(?:ed|ing|s)?)\b[^.;:]{0,100}?\bin\s+(?:\w+\s+){0,3}?$",
    re.I,
)
_HOLD = re.compile(
    r"\b(?:held|hold|holds|holding|had|have|has|conducted|convened|convene|attended|attend|"
    r"attends|attending|joined|join|joins|participated\s+in|participate\s+in|participates\s+in|"
    r"co-?chaired|chaired|chair|led|lead|leads|opened|open|co-?hosted|hosted|host|during|at|"
    r"received|receives|receiving|"
    r"after|concluded|completed|ended|ends|abandoned|adjourned|suspended|resumed|resume|"
    r"launched|launch|paid|pays|pay|made|makes|undertook|"
    # (quoted names too: "will chair a “Global Food Security Call to Action” Ministerial")
    r"undertake|began|begin|begins|starts|started|wrapped\s+up|for|"
    # "The United States and Turkey look forward to a Ministerial-level meeting"
    r"look(?:s|ed|ing)?\s+forward\s+to)\s+"
    # ("held their customary, semi-annual grain talks": a comma between modifiers too)
    r"(?:“[^”]{1,80}”\s+|[\w.’'-]+,?\s+){0,6}?$",
    re.I,
)
_CAP = r"[A-Z][\w'’.-]*"
# A place's next word, but not a month: "a U.S. delegation to Tajikistan May 23-27"; nor
# a wire's capitalised preposition after "U.S." ("when he visits the U.S. On April 19").
_MORE = (
    r"(?!(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+\d)"
    r"(?!(?:On|In|At|To|For|From|By|With|The)\b)"
    rf"{_CAP}"
)
_DESTINATION = re.compile(
    rf"\s*(?:(?:to|in|into)\s+)?(?:the\s+)?({_CAP}(?:\s+(?:of\s+(?:the\s+)?)?{_MORE}){{0,3}})"
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
    rf"({_CAP}(?:\s+(?:of\s+(?:the\s+)?)?{_MORE}){{0,3}})(?:\s*,\s*({_CAP}(?:\s+{_MORE}){{0,2}}))?"
)
_DATE_BETWEEN = re.compile(
    r"\s*,?\s*(?:(?:from\s+|on\s+)?[A-Z][a-z]+\.?\s+\d{1,2}"
    r"(?:\s*(?:-|–|to)\s*(?:[A-Z][a-z]+\.?\s+)?\d{1,2})?)"
)
# A trip's own verbs; "visited a shelter" or "travel within the region" name no country.
_FORUM = frozenset(
    {"ministerial", "summit", "summits", "conference", "forum", "plenary", "meetings", "session",
     "assembly"}
)  # fmt: skip
_NOUN_TRIGGERS = frozenset(
    """meeting meetings talks discussions consultations consultation dialogue negotiations ministerial
    summit summits conference forum trilateral plenary visit visits trip tour audience call calls
    signing courtesy session assembly""".split()
)
_NOT_PLACE = frozenset(
    """January February March April May June July August September October November December
    Monday Tuesday Wednesday Thursday Friday Saturday Sunday The This That Ministry Department
    Office Council Committee Assembly Institute Centre Center Bank Fund Agency Commission
    Parliament Congress Senate House Conference Forum Meeting Summit Session Talks Framework
    Government Administration University Organization Organisation Initiative Process Union
    Nations Court State General Secretary President Minister UN OSCE NATO EU Bureau""".split()
)
# Officials of an organisation's members, after its name.
_MEMBERS = re.compile(
    r"(?:\s*\([A-Z]{2,6}\))?\s+(?:(?:foreign|defen[cs]e|finance|trade|economy|energy|oil|health|"
    r"farm|agriculture|agricultural|environment|interior|justice|transport|industry|deputy)"
    r"\s+)?(?:ministers|ambassadors|leaders|envoys|heads\s+of\s+state|representatives|members|"
    # "The ICO executive board is set to meet": its members' delegates
    r"member\s+(?:states|countries|nations)|(?:executive\s+)?board|council)\b",
    re.I,
)
# "Leaders of the African Union", "ministers of OPEC": the organisation's members.
_MEMBERS_OF = re.compile(
    r"\b(?:leaders|heads\s+of\s+state(?:\s+and\s+government)?|ministers|representatives|"
    r"delegates|members)\s+(?:of|from)\s+(?:the\s+)?$",
    re.I,
)
_DELEGATIONS_LED = r"with\s+(?:the\s+|their\s+|both\s+|two\s+)?delegations?\s+(?:led|headed)\s+by\b"
# A comma that opens another clause: ", a statement was issued"; not ", German" or ", and".
# Not ", including" the people met ("met with the heads of the Rome-Based Food Security
# Agencies today in Rome, including UN World Food Program (WFP) Executive Director ...").
# (Or the pronoun "I": "in this week’s U.S.-Indonesia Strategic Dialogue with Foreign
# Minister Retno Marsudi, I reaffirmed the United States’ commitment to ASEAN".)
_NEXT_CLAUSE = re.compile(
    # (", along with Mexico", ", together with" go on with the list of who takes part, as
    # does ", with delegations led by Czech Deputy Foreign Minister Martin Povejsil and")
    rf",\s+(?:(?!and\b|or\b|as\s+well\b|along\s+with\b|together\s+with\b|{_DELEGATIONS_LED}|the\s+[A-Z]|which{_INCLUDING}|including\b(?!\s+(?:on|in|at|to|by|through|how|what)\b))[a-z]|I\s+[a-z])"
)
# A sentence naming an engagement's delegations ("The Kazakhstan delegation was led by").
_DELEGATION = re.compile(
    r"\b(?:led|headed|represented|accompanied|included|includes|co-?chaired|chaired)\s+by\b|"
    # "The delegation is comprised of ...", "X, Y and Z jointly led the U.S. delegation"
    r"\bdelegations?\s+(?:(?:is|was|are|were|will\s+be|will)\s+)?(?:included|includes|include|"
    r"comprised|comprises|composed|consisted|consists|consist)\b|\b(?:led|headed)\s+the\s+"
    r"(?:[\w.-]+\s+){0,2}delegations?\b", re.I)  # fmt: skip
# "Ambassador Norland was accompanied by Deputy Assistant Secretary ... Eric Meyer".
# (Its first letter as a class of its own, case-sensitive: the scan skips to the next "a"
# in C; ignoring case, "a" matches "a" and "A" only.)
_ACCOMPANIED = re.compile(r"[Aa](?<!\w[Aa])(?i:ccompanied\s+by\b)")
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
# and before it that make it history (a stay's first day, "from May 11-15", a week more).
_AHEAD, _BEHIND, _BEHIND_STAY = 1, 7, 14
# Kinds a visit to the same country absorbs: the meetings held during it.
_ABSORBED = frozenset({"meeting", "consultations"})
_RANK = {"signing": 5, "call": 4, "visit": 3, "consultations": 2, "multilateral": 1, "meeting": 0}


def _possessive(text: str, end: int) -> bool:
    """Does the name ending at ``end`` own what follows ("Pedersen’s briefing",
    "Griffiths’ latest trip")?"""
    return text.startswith(("’s", "'s"), end) or (
        text[end - 1 : end] == "s" and text.startswith(("’ ", "' "), end)
    )


def _words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9'’]+", text)


# Whom one speaks to who is no other side: "spoke to the press", "talked to reporters".
_TO_AN_AUDIENCE = re.compile(
    r"\s+(?:\w+\s+){0,2}?to\s+(?:the\s+|a\s+|an\s+|local\s+|foreign\s+|visiting\s+)?"
    r"(?:press|reporters|journalists|media|news\s+media|newsmen|audience|crowd|crowds|students|"
    r"staff|employees|troops|nation|public|parliament|lawmakers|legislators|business\s+leaders|"
    r"conference|gathering|meeting|rally|supporters)\b",
    re.I,
)
# A sentence that opens on a trip told as a participle: its subject comes after.
_PARTICIPLE_LEAD = re.compile(r"\s*(?:After|Before|While|Since|When|On|Upon)\s+", re.I)
# Speaking with others at a forum's meeting is taking part in it, not a call.
_DURING_FORUM = re.compile(
    r"\bduring\s+the\s+(?:[\w’'.-]+\s+){0,6}?(?:Meeting|Summit|Ministerial|Conference|Forum)\b"
)
# Taking part in a forum's meeting, or holding it, before its name.
_TAKES_PART = re.compile(
    r"\b(?:attend|participate\s+in|take\s+part\s+in|join|chair|co-chair|host|co-host|"
    r"convene|lead|address|deliver\s+remarks\s+at|speak\s+at)\b[^.;]*$",
    re.I,
)
# A forum's name, before the trigger: capitalised words (and the small words inside a
# name), in quotes or not: "the Ukraine Contact Group meeting", "the “Global Food
# Security Call to Action” Ministerial", "a virtual COVID-19 Global Action Meeting".
_FORUM_NAME = re.compile(
    r"[“\"]?([A-Z0-9][\w’'.-]*(?:(?:\s+(?:(?:of|for|on|to|and)(?:\s+the)?|the))?\s+[A-Z0-9][\w’'.-]*)*)"
    r"[”\"]?\s*$"
)
# Words that make a name a forum's when the trigger after it is in lower case ("the
# Ukraine Contact Group meeting"; not "the Brookings Institution conference").
_FORUM_WORDS_IN_NAME = frozenset(
    "group coalition council forum dialogue initiative partnership alliance commission "
    "committee format compact quartet club".split()
)


# An engagement the sentence goes on to call off.
_CALLED_OFF = re.compile(
    r"[^.;]{0,60}?,\s+which\s+(?:was|were|has\s+been|had\s+been)\s+(?:later\s+|then\s+)?"
    r"(?:cancell?ed|called\s+off|postponed|scrapped|abandoned)\b",
    re.I,
)


# "the G-5 and G-7 do not have any plans to meet for talks", "no plans to visit".
_NO_PLANS = re.compile(
    r"\b(?:no|not\s+(?:have|has|had)\s+any)\s+(?:plans?|intention)\s+to\s+(?:[\w-]+\s+){0,3}$",
    re.I,
)


def _negated(lead: list[str], after: str) -> bool:
    """Do the words before a trigger (``lead``) say it is not to be ("did not meet"), or
    those after it (``after``) that it was called off?"""
    near = lead[-3:]
    if not _NEGATION.isdisjoint(near) or any(w.endswith(("n't", "n’t")) for w in near):
        return True
    if "longer" in near:
        return True  # "will no longer travel"
    return after.startswith((" cancelled", " canceled", " postponed"))


# Cities where international organisations sit: talks held there need not be with the
# host government ("talks in Geneva" are the GATT's, the UN's or two others'), nor are the
# officials met there the host's.
_SEATS = frozenset(
    "Geneva Brussels Vienna Strasbourg Luxembourg Nairobi Basel Lausanne".split()
    + ["New York", "The Hague"]
)

# Another gathering after an engagement's trigger, whose participants are not its own: the
# forum a meeting is held on the edge of ("a Franco-German meeting in the sidelines of a
# summit of EC leaders"); a second meeting ("next month's meeting of the OECD and the
# meeting of leaders of the G-7 nations").
_OCCASION_AFTER = re.compile(
    r"\b(?:on|in|at)\s+the\s+(?:margins|sidelines|sideline)\s+of\b|\band\s+the\s+meeting\s+of\b",
    re.I,
)

# Where a trip that leaves goes: "leaves for Japan on Saturday", "left for Moscow today",
# "left Paris today for London" (the place left, then "for"), "would leave early tomorrow
# morning for Zurich", "departs this evening for Paris": the trigger's look-ahead in
# `triggers` and where `visits` reads the destination from.
LEFT_FOR = (
    r"\s+(?:(?-i:[A-Z])[a-z]+\s+)?(?:(?:(?:early|late)\s+)?(?:today|tomorrow|tonight|"
    r"on\s+[A-Z][a-z]+day)(?:\s+(?:morning|afternoon|evening|night))?\s+"
    r"|this\s+(?:morning|afternoon|evening)\s+)?for"
)


# A body that "meets" on a day, in the present: "the full council meets on Thursday" (a
# day to come: `_HELD_AHEAD`), "meets today" (its meeting, `bodies`, but not one ahead).
_MEETS_ON = r"\s+(?:again\s+)?(?:on\s+)?"
_DAY_AHEAD = rf"(?:{WEEKDAYS}|tomorrow|next\s+week)"
MEETS_ON_A_DAY = re.compile(rf"{_MEETS_ON}(?:{_DAY_AHEAD}|today|tonight)\b")
# The rest of a gathering's name, then "to be held" or "scheduled for": "the 26th
# Conference of the Parties of the ... Convention on Climate Change, to be held in Glasgow
# this fall"; "Two rounds of talks between President Reagan and Nakasone, scheduled for
# Thursday and Friday".
_HELD_AHEAD = re.compile(
    r"[^,.;:]{0,120}?,\s+(?:(?:to\s+be|which\s+(?:will|is\s+to|are\s+to)\s+be)\s+"
    r"(?:held|hosted|convened)|(?:which\s+(?:is|are)\s+)?(?:scheduled|set|due)\s+(?:for|to)"
    r")\b"
    # "the full council meets on Thursday": a body's meeting in the present, on a day
    rf"|(?<=\bmeets){_MEETS_ON}{_DAY_AHEAD}\b"
)
