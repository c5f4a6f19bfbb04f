"""The words and patterns `search.extract.sides` reads a clause's sides with."""

from __future__ import annotations

import re

# Capitalised office words just before a name: "President " of "President Lopez Obrador".
_OFFICE_BEFORE = re.compile(r"(?:\b[A-Z][\w.-]*\s+){1,4}$")
_OWN = re.compile(
    r"\b(?:the\s+(?:(?:deputy|under|assistant|acting)\s+)*secretary(?!\s+general|-general)|"
    r"the\s+(?:special\s+)?envoy|the\s+ambassador|the\s+department|the\s+administration|"
    r"the\s+delegation|we|our|us)\b",
    re.I,
)
# The publisher's official by title alone: "Secretary", "Deputy Secretary".
OWN_SECRETARY = r"(?:(?:Deputy|Under|Assistant|Acting)\s+)*Secretary"
# A sentence opening on the publisher's official: "The Secretary underscored".
_OWN_OPENING = re.compile(
    rf"(?:^|(?<=[.!?]\s)|(?<=\n))The\s+{OWN_SECRETARY}"
    r"(?!\s+[Gg]eneral|-[Gg]eneral|\s+of\b|\s+[A-Z])",
    re.M,
)
# A government no word names: the dateline's ("SEOUL - ... The government would").
_THE_GOVERNMENT = re.compile(r"\bthe\s+government(?:[’']s)?(?!\s+of\b)(?=\s|$)", re.I)
_OUR_COUNTRY = re.compile(r"\bour\s+(?:country|nation|government|republic|state|side)\b", re.I)
# "Both Babangida and Sassou Nguesso": two named, no one else.
_BOTH_OF_TWO = re.compile(r"\s*both\s+(?-i:[A-Z])", re.I)
_GROUP = re.compile(
    r"\s*(?:they|both|together|the\s+two|the\s+sides|the\s+participants|the\s+group|the\s+"
    r"leaders|the\s+ministers|the\s+delegations|the\s+parties|the\s+countries|the\s+"
    r"interlocutors|the\s+diplomats|the\s+vice\s+(?:foreign\s+)?ministers|all\s+sides|"
    # "All expressed concern ... and pledged": all who took part.
    r"all(?=\s+[a-z]{3,}ed\b)|"
    r"the\s+(?:(?:two|three|four)\s+)?(?:secretaries|officials|counterparts))\b",
    re.I,
)
# Names, a verb in the perfect, "and": "the United States and EU have imposed and (will
# continue to impose)": the elided subject of the verb after "and" is those names (group 1
# is the space after them).
_PERFECT_AND = re.compile(
    r"(?:the\s+)?[A-Z][\w.’'-]*(?:\s+(?:and\s+(?:the\s+)?)?[A-Z][\w.’'-]*){0,5}"
    r"(\s+)(?:have|has|had)\s+(?:also\s+|already\s+)?[a-z]+ed\s+and\s+$"
)
# A reported clause's start: "Carney said (that) Japan had also agreed".
_SAID_THAT = re.compile(r"\b(?:said|says|added)\s+(?:that\s+)?")
# "the Czech Republic’s military assistance to Ukraine and their commitment": the owner
# named before, in the same phrase (no verb between).
_OWNED_AND_THEIR = re.compile(
    r"\b((?:the\s+)?[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*){0,3})[’']s\s+(?:[a-z-]+\s+){1,4}"
    r"(?:(?:to|for|of)\s+(?:the\s+)?[A-Z][\w.-]*\s+)?and\s+their\s+(?:[\w-]+\s+){0,2}$"
)
# "the country's commitment": its speaker's country.
_THE_COUNTRYS = re.compile(r"\bthe\s+(?:country|nation)[’']s\s+(?:[\w-]+\s+){0,2}$", re.I)
# "This working group" (see `Sides._working_group`).
_WORKING_GROUP = re.compile(r"\s*(?:this|the)\s+working\s+group\b", re.I)
_NOT_SIDE_BEFORE = re.compile(
    r"\b(?:in|at|from|near|for|to|on|against|toward|towards|into|with|about|of|"
    # the object of a verb acting against it: "a strong collective response to condemn
    # Russia’s invasion and call for an immediate withdrawal" (the call is not Russia's)
    r"condemn(?:s|ed|ing)?|sanction(?:s|ed|ing)?|punish(?:es|ed|ing)?|isolate[sd]?|deter)"
    r"\s+(?:the\s+)?$",
    re.I,
)
_OFFICIAL_NOUNS = frozenset(
    """officials official counterparts counterpart delegation delegations side government
    governments leaders leader authorities ministers minister president prime foreign
    diplomat diplomats team representatives representative envoy ambassador ambassadors
    mfa ministry military forces embassy people statement statements spokesman spokeswoman
    spokesperson presidency cabinet parliament delegates delegate negotiators negotiator""".split()
)
# Plural officials with no country of their own: "The Vice Ministers and the Deputy
# Secretary urged" speaks for the group.
_PLURAL_OFFICIALS = re.compile(
    # Not "business leaders", "civil society leaders", "religious leaders": not the sides.
    # (The word boundary first: most positions fail it before the ten look-behinds.)
    r"\b(?<!business )(?<!society )(?<!community )(?<!religious )(?<!opposition )(?<!youth )"
    r"(?<!industry )(?<!student )(?<!women )(?<!tribal )"
    r"(?:the\s+)?(?:(?:vice|deputy|foreign|defen[cs]e|finance)\s+)*(?:ministers|leaders|"
    r"participants|secretaries|counterparts|delegations|delegation\s+members|"
    r"heads\s+of\s+state)\b",
    re.I,
)
# "Our two countries are committed to close Transatlantic defense cooperation": the pair.
_OUR_TWO = re.compile(r"\s*our\s+(?:two\s+)?(?:countries|nations|governments)\b(?!\s+and\b)", re.I)
# "The United States and the CMAR countries will": the parties of what is reported.
_THE_COUNTRIES = re.compile(
    r"\b(?:[Tt]he\s+(?:two\s+|three\s+|four\s+|[A-Z][\w-]*\s+)?"
    # "that major nations had agreed to stabilise the dollar": those of the meeting told
    # (not "the seven major industrial nations", "Group of Seven leading ...": counted)
    r"|(?:[Tt]he\s+)?(?<![Ss]even\s)(?<![Ss]ix\s)(?<![Ff]ive\s)(?:major|leading)\s+"
    r"(?:industriali[sz]ed\s+|industrial\s+)?)"
    r"(?:countries|nations|governments)\b"
)
# "The Secretary and the Foreign Minister agreed", "The Secretary and President committed":
# two officials by title alone, the two sides of the meeting or call reported.
_TITLE = (
    r"(?:Secretary|Minister|President|Premier|Chancellor|Ambassador|Envoy|Counselor|"
    # "The Secretary and the High Representative agreed", "... and the Secretary-General"
    r"Administrator|King|Emir|Sultan|Crown\s+Prince|Representative|Commissioner)(?:-General)?"
)
_TWO_TITLES = re.compile(
    rf"\s*(?:[Tt]he\s+)?(?:[A-Z][\w-]*\s+){{0,3}}?{_TITLE}\s+"
    rf"and\s+(?:the\s+|[Hh]is\s+|[Hh]er\s+)?(?:[A-Z][\w-]*\s+){{0,3}}?(?:{_TITLE}|counterparts?)"
    # ("The Secretary and Foreign Minister Colonna agreed": the second named)
    r"(?:\s+[A-Z][\w’'-]*){0,3}"
    r"\s*(?:also\s+|both\s+|jointly\s+)?"
)
# "That agreement, reached last year after heated negotiations, called on", "the 1976 Berne
# agreement between the two countries, which called for": an agreement as the subject; its
# parties are those it is between, else the two countries the article is about.
_AGREEMENT_SUBJECT = re.compile(
    r"\s*(?:that|the|this|a|an|their|its)\s+(?:[\w’'-]+\s+){0,3}?(?:agreement|pact|accord|"
    r"deal|treaty|arrangement)\b",
    re.I,
)
_AGREEMENT_BEFORE = re.compile(
    r"\b(?:agreement|pact|accord|deal|treaty|arrangement)(?:\s+between\s+[^,;.]{3,60})?,?\s*$",
    re.I,
)
_WHICH_END = re.compile(r"\b(?:which|that)\s*$")
# An agreement's parties: "between Greece and Turkey", "among Russia, Turkey, and Ukraine",
# "The Paris Agreement, by the United States, Japan, West Germany, ... and Canada, called".
_BETWEEN = re.compile(
    r"(?:\bbetween|\bamong|,\s+by)\s+([^;.]{3,120}?)"
    r"(?=[;.]|,\s+(?!and\b)(?-i:[a-z])|\s+(?:which|that|was|is)\b)",
    re.I,
)
# A subject that is a whole clause, its verb's object and "and" (the cue a second verb).
_AND_END = re.compile(r"\band\s*$")
_PAST_VERB = re.compile(
    r"(?<![-’'])\b[a-z]{3,}ed\b|\b(?:said|spoke|met|made|held|took|gave|told)\b"
)
_WE = re.compile(r"\b(?:we|our|us)\b", re.I)
_I = re.compile(r"\b(?:I|[Mm]y|me)\b")
_HE_SHE = re.compile(r"\b(?:[Hh]e|[Ss]he)\b")
# A capital as the subject of a clause: "Seoul would", "Moscow has warned".
_CAPITAL_SUBJECT = re.compile(
    # "Washington recently asked Seoul to lower tariffs"
    r"\b([A-Z][\w.-]+(?:\s[A-Z][\w.-]+)?)\s+(?:(?:also|recently|now|again|still|reportedly)\s+)?"
    r"(would|will|has|had|is|was|said|says|"
    r"wants|wanted|warned|agreed|plans|planned|intends|hopes|urged|called|asked|demanded|"
    r"pledged|promised|announced|expects|expected|pressed|offered|proposed|signed|insisted)\b"
)
# "Greece and Turkey's NATO allies", "the EU members": the organisation acts.
_ALLIES_OF = re.compile(r"\b([A-Z][\w-]*)\s+(?:allies|members|member\s+states|partners)\b")
# A person named this close to a sentence's start is its subject ("Under Secretary Zeya
# met ..."): who a later "she" most likely is.
_SUBJECT_REACH = 60
# "The President of Norway", "the Foreign Minister of Algeria": "of" after an office.
_NATIONALITY_OF = re.compile(
    r"\b(?:president|minister|ministry|government|king|queen|prime\s+minister|secretary|"
    r"ambassador|embassy|chancellor|emir|leader|leaders|officials|delegation|people)\s+of\s+"
    r"(?:the\s+)?$"
    # "our friends in France and Germany stand ready": who they are, not where
    r"|\b(?:friends|partners|allies|counterparts|colleagues)\s+in\s+(?:the\s+)?$",
    re.I,
)
# A definite description naming one already named: "the Kingdom", "the Kazakh diplomat".
_DEFINITE = re.compile(
    r"\bthe\s+(?:(?P<state>kingdom|republic|federation|emirate|sultanate|principality)|"
    r"(?:[\w-]+\s+)?(?:diplomat|minister|official|envoy|visitor|guest|leader|president|"
    r"premier|senator|spokesman|spokeswoman|representative|ambassador|chancellor|negotiator))\b",
    re.I,
)
# Where the object of an event's verb ends: the clause turns to others or to a purpose.
_OBJECT_END = re.compile(
    r"\b(?:including|such\s+as|among\s+them|which|who|whose|affected|affecting|while|"
    r"whereas|because|as\s+well\s+as|to\s+discuss|about|regarding|amid|despite)\b|[;:]|\s[–—]\s",
    re.I,
)
_JOINT = re.compile(r"\bjoint\s+statement\b|\bwe,\s+the\b|\bstatement\s+of\s+the\s+G-?\d", re.I)
# At most this many words between two names of one list of signatories ("Japan, the
# United Kingdom, and the High Representative of the European Union").
_LIST_GAP_WORDS = 7
# The words a list of signatories is glued with, besides names and titles (capitalised):
# any other lower-case word is the sentence going on ("The United States, the ROK, and
# Japan strongly condemn recent DPRK launches": the DPRK is what they condemn).
_LIST_GLUE = frozenset(
    "and the of for on to as well its their minister ministers foreign affairs secretary "
    "secretaries state prime president vice high representative representatives government "
    "governments delegation delegations leaders leader heads head republic kingdom "
    "ministry ministries special envoy ambassador ambassadors council commission member "
    "states union de del".split()
)
_GAP_WORD = re.compile(r"[^\W\d_][\w’'-]*")
# "the G7 Foreign Ministers of Canada": a grouping its members sign for; not "the European
# Union as members of the Friends of Sudan", a signatory itself.
_MEMBERS_OF = re.compile(r"(?!\s+as\b)(?:\s+[\w’'-]+){1,3}\s+of\s")
# "the seven agreed": the members of a forum of that size named before.
_NUMBERS = ("two", "three", "four", "five", "six", "seven", "eight", "nine", "ten")
# Whom a signature is given for, after the verb: "signed ... for the United States".
_SIGNED_FOR = re.compile(r"\b(?:for|on\s+behalf\s+of)\s+(?:the\s+)?(?=[A-Z])")
# Where a phrase ends after a country it names: "for the United States." (people's
# "Minister Marc Miller for Canada," reads it too).
_PHRASE_END = re.compile(r"\s*(?:[,.;:)]|\band\b|$)")
_COUNTED_COUNTRIES = re.compile(
    rf"\s*(?:the|our|their|all|all\s+(?:the|our))\s+({'|'.join(_NUMBERS[1:])})\s+(?:[A-Z][\w-]*\s+)?"
    r"(?:countries|nations|governments|states)\b"
)
# The number alone as the subject, just before its verb: "(stated) the six would cooperate".
_THE_COUNT_ACTS = re.compile(r"\bthe\s+(three|four|five|six|seven|eight|nine|ten)\s*$")
_LIST_GLUE_ONLY = re.compile(r"\s*(?:,|,?\s+[Aa]nd|,?\s+or)?\s+(?:the\s+)?|\s*,\s*")
_THE_NUMBER = re.compile(rf"\bthe\s+({'|'.join(_NUMBERS)})\s*$", re.I)
# "... and the European Union as members of the Friends of Sudan": the list ends there.
_AS_MEMBERS = re.compile(r"\bas\s+(?:members?|participants?|partners?)\b", re.I)
# "The following is the text of a communiqué issued by the United States of America, the
# European Union, France ...": a text several governments issue speaks for all of them.
_ISSUED_JOINTLY = re.compile(
    r"\b(?:communiqu[eé]|statement|declaration)\s+(?:was\s+)?(?:issued|released|adopted)\s+by"
    # (the issuers themselves next, not "by the Office of the Spokesperson after ...")
    r"\s+(?:the\s+)?(?:[Gg]overnments?\s+of\s+(?:the\s+)?)?"
)
# A chair's statement others endorse: "The following statement was issued on May 19 by the
# United States as Chair of a Global Food Security Ministerial Meeting ... As of today, it
# is endorsed by 92 countries: Albania, Argentina, ...". Its "we" is the chair and all of
# them.
_CHAIR_ISSUED = re.compile(
    r"\bstatement\s+(?:is|was|has\s+been)\s+issued\s+(?:on\s+\w+\s+\d{1,2}\s+)?by\s+(?:the\s+)?"
)
_ENDORSED_BY = re.compile(r"\bendorsed\s+by\s+(?:\d+\s+(?:countries|governments):\s*)?(?:the\s+)?")
# "a joint statement on the UNITAMS-AU-IGAD Facilitated Political Process issued by Canada":
# the signatories come after who issued it, not in what it is about.
_ISSUED_BY = re.compile(r"\b(?:issued|released|signed|adopted|made)\s+by\s", re.I)
_EXPRESSED = re.compile(
    r"\b(?:expressed|expresses|reaffirmed|reaffirms|reiterated|reiterates|affirmed|"
    r"underscored|underlined|emphasi[sz]ed|signaled|signalled|stressed|highlighted|"
    r"confirmed)\s+(?:(?:a|an|the|their|firm|strong|shared|joint|mutual|common|"
    r"continued|steadfast|unwavering|enduring)\s+){0,3}$",
    re.I,
)
# How far before "commitment" its owner may be named ("the enduring U.S. commitment").
_NOUN_REACH = 40


def _not_list_glue(gap: str) -> bool:
    """Does the text between two names hold a word that no list is glued with?"""
    return any(
        word[0].islower() and word.lower() not in _LIST_GLUE for word in _GAP_WORD.findall(gap)
    )


# A monarch by title alone as a clause's subject: "The King also urged the world community".
_MONARCH_SUBJECT = re.compile(
    r"\s*[Tt]he\s+(King|Queen|Emir|Amir|Sultan|Crown\s+Prince|Pope)\b(?!\s+of\b)"
)

# A statement as the subject: "The statement said ... and called on", "The communique urged".
_STATEMENT = re.compile(
    r"\s*(?:the|a|their|its)\s+(?:joint\s+|final\s+|closing\s+)?"
    r"(?:statement|communiqu[eé]|declaration)(?:\s+said\b)?\s*",
    re.I,
)
# "they" as a later clause's subject, reported or not: "but they were", "said they agreed".
_THEY_SUBJECT = re.compile(r"\s*(?:(?:said|says|added|told\s+\w+)\s+(?:that\s+)?)?they\b", re.I)
# A relative pronoun as a clause's whole subject.
_RELATIVE = re.compile(r"\s*(?:which|who)\s*", re.I)

# A thing a country owns, just before a relative clause's comma: "France’s Villa Albertine
# initiative" (the country's name, then words of the thing).
_OWNED_BEFORE_COMMA = re.compile(
    r"\b((?:[A-Z][\w.-]*\s+){0,2}[A-Z][\w.-]*)[’']s\s+(?:[\w-]+\s+){0,4}[\w-]+$"
)
# A relative clause whose verb governs the noun: ", which affirmed readiness".
_WHICH_VERB_BEFORE = re.compile(r",\s+((?:which|who)\s+)[a-z]{3,}\s+(?:[\w-]+\s+){0,3}$")
# A country's thing just before a relative clause's comma: "the U.S. Measures".
# ("the U.S. – Turkey Strategic Mechanism, which will deepen": the two it joins)
_THING_BEFORE_COMMA = re.compile(
    r"\bthe\s+((?:[A-Z][\w.-]*\s+(?:[–-]\s+(?=[A-Z]))?){1,3})(?:[\w-]+\s+){0,2}[\w-]+$"
)
# A clause whose subject is the speaker: "I congratulate", "We strongly condemn".
# (after a phrase set before the subject: "In my meetings this week, I again called for")
_FIRST_PERSON = re.compile(
    r"\s*(?:(?:In|At|During|After|On|Over|Throughout)\s[^,;:]{0,60},\s*)?"
    r"(I|We)\s+(?:[a-z]+ly\s+|again\s+|also\s+)?[a-z]{3,}"
)
# The first verb of a clause: an auxiliary or a past tense.
_FINITE = re.compile(r"\b(?:will|would|shall|can|could|has|have|had|is|are|was|were|[a-z]{3,}ed)\b")
# Verbs of a readout's subjects, before the clause with the cue ("strongly condemn ...,
# commit to"): what the subject did first, not who it is.
_DIPLOMATIC_VERB = re.compile(
    r"\b(?:strongly\s+)?(?:condemn|reaffirm|welcome|underscore|highlight|stress|"
    r"emphasi[sz]e|recogni[sz]e|discuss|applaud|commend|reiterate|acknowledge|denounce|"
    # ("The United States thanks Cambodia for its leadership ... and looks forward to";
    # "the EC has promised the United States it will import": the one who promised)
    r"deplore|thank|congratulate|promise|(?<!rest\s)assure)(?:s|d|ed)?\b"
)
# A verb by which a clause's subject holds the noun after it: "share a common commitment".
_SHARE_BEFORE = re.compile(r"\s(?:share|shares|shared)\s+(?:(?:a|an|the)\s+)?(?:[\w-]+\s+){0,2}$")
# A possessive right before the noun it owns, adjectives between: "Slovakia’s unwavering "
# (not "Russia’s war and " before "pledged").
_OWNS = re.compile(r"[’']s\s+(?:(?!(?:and|or|of|for|by|with|to|in|on|at|from)\b)[a-z-]+\s+){0,2}")
# A demonym used as a noun ends there: "with the Iraqis that", "the Russians, who".
_NOUN_ENDS = re.compile(r"\s*(?:$|[,.;:)]|(?:that|to|on|for|in|and|over|about|who)\b)")
# "its plan", "its own commitment": the owner named nearest before it.
_ITS_BEFORE = re.compile(r"\bits\s+(?:[\w-]+\s+){0,2}$")
# "with" (or a passive's "by": "commitments by Washington") right before a capital, or
# before a list of capitals ending at it.
_WITH_SEAT = re.compile(r"\b(?:with|by)\s+(?:[A-Z][\w-]+(?:\s*,\s*|\s+and\s+))*$")
# A name and the appositive after it, between commas ("Peking, now the bank's third
# largest shareholder after the United States and Japan, would").
_NAME_BEFORE_APPOSITIVE = re.compile(
    r"[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*){0,3}"
    r"(?=,\s+(?:a|an|the|now|itself|once|long|one\s+of)\s[^,;]{0,150},)"
)
# "our mutual commitment", "their shared and unwavering commitment": both sides'.
_OUR_SHARED = re.compile(
    r"\b(?:our|their)\s+(?:mutual|shared|joint|common)(?:\s+and\s+[\w-]+)?\s+$", re.I
)
# Two named people owning the noun: "President Biden and Prime Minister Trudeau’s ".
_PAIR_OWNS = re.compile(
    r"\b[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*){0,4}\s+and\s+(?:[A-Z][\w.’'-]*\s+){0,4}"
    r"[A-Z][\w.’'-]*[’']s\s+(?:[\w-]+\s+){0,2}$"
)
# Two countries the subject, then "our": "the United States and Lithuania are united in our".
_PAIR_THEN_OUR = re.compile(
    r"\b((?:the\s+)?(?:[A-Z][\w.’'-]*\s+){1,3}and\s+(?:the\s+)?(?:[A-Z][\w.’'-]*\s+){0,2}"
    r"[A-Z][\w.’'-]*)\s+(?:are|have|remain|will|share|reaffirm(?:ed)?|renew(?:ed)?)\b"
    r"[^.;:]{0,40}?\bour\s+(?:[\w-]+\s+){0,2}$"
)
# Between two countries of one list: "Japan and Korea’s", "the United States’ and Germany’s".
_LISTED_GAP = re.compile(r"(?:[’']s?)?\s*(?:,\s*(?:and\s+)?|and\s+)(?:the\s+)?")
# A transcript's speaker label opening a paragraph: "PRIME MINISTER GAVRILITA:",
# "SECRETARY BLINKEN:", "MS OBALDIA:", "QUESTION:", "KING ABDULLAH :".
_TURN = re.compile(r"^(?:[A-Z][A-Z.'’-]*\s+){0,4}([A-Z][A-Z'’-]+) ?:\s", re.M)
# A briefer's speaker label: an honorific and a surname alone ("MS PORTER:", "MR PRICE:"),
# or the publisher's own office and a surname ("UNDER SECRETARY ZEYA:", "AMBASSADOR
# THOMAS-GREENFIELD:"; not "SECRETARY GENERAL STOLTENBERG:", nor "FOREIGN SECRETARY
# TRUSS:").
_BRIEFER_LABEL = re.compile(
    r"(?:MR|MS|MRS|MX|(?:(?:DEPUTY|UNDER|ASSISTANT|ACTING)\s+)*SECRETARY|AMBASSADOR)\.?\s+"
    r"[A-Z'’-]+ ?:"
)
# A speaker heard through an interpreter is no briefer of the publisher's: "MR VASQUEZ:
# (Via interpreter) Ladies and gentlemen".
_INTERPRETED = re.compile(r"\s*\(\s*(?:via|through)\s+(?:an\s+)?interpret", re.I)
# What ends a name after the surname: "King Abdullah II", "Ferdinand Marcos Jr.".
_NAME_SUFFIX = re.compile(r"^(?:[IVX]+|Jr\.?|Sr\.?)$")
# An organisation naming the one of its members after it: "Fellow OPEC member Venezuela
# has already agreed", "NATO ally Turkey": the member acts, not the organisation.
_MEMBER_NAMED = re.compile(
    r"\s+(?:member|ally|partner)\s+(?:state\s+|country\s+)?(?!States?\b|Countries\b)[A-Z]"
)
# The one who lives up to "their" pledge, named right before: "the Soviets would live up to
# their pledge to buy", "the Japanese have not lived up to their pledge".
_LIVES_UP_TO_THEIR = re.compile(
    r"((?:the\s+)?[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*)?)\s+(?:(?:would|will|have|has|had|did|"
    r"do|does|could|not|never|fully)\s+)*(?:live[sd]?|living)\s+up\s+to\s+their\s+"
    r"(?:[\w-]+\s+){0,2}$"
)
# A name, then an appositive between commas, up to the clause the cue is in: "Peking,
# now the bank's third largest shareholder after the United States and Japan, would".
_APPOSITIVE = re.compile(
    r"(?:^|(?<=[.;:]\s)|(?<=\bsaid\s)|(?<=\bthat\s))"
    r"([A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*){0,3}),\s+"
    r"(?:a|an|the|now|itself|once|long|one\s+of)\s[^,;]{0,150},\s*$",
    re.M,
)


def reported_group(text: str, start: int, end: int) -> int | None:
    """Where a group a subject reports starts ("Aqazadeh said the two sides agreed"), if
    it does: not a name ("said the Group of Seven ... is"), the sayers ("... said they")
    or a company ("CMS said the group intends")."""
    said = _SAID_THAT.search(text, start, end)
    group = _GROUP.match(text, said.end(), end) if said is not None else None
    if group is None or not group.group().islower():
        return None
    return None if group.group().lstrip().startswith(("they", "the group")) else group.start()
