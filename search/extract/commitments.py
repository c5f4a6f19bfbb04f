"""Commitments: intentions, agreements and signatures, with parties and status.

A commitment is a clause holding a cue ("intend to", "agreed to", "signed", "has begun
exploring" ...) whose parties can be named (countries, people's countries, "our
country", or the article's main pair for "the sides", "the two countries").  The
summary is the clause in the article's own words, from its subject to its end, so a
brief can quote it.

Kinds and statuses:

========================================  ===========  =============
cue                                        kind         status
========================================  ===========  =============
signed, inked, ratified, MoU signed        signature    signed
called on, urged, asked, called for        request      stated
will sign, to sign                         signature    proposed
agreed to, reached agreements on           agreement    agreed
has begun exploring, are negotiating       intent       in_progress
intend to, plan to, pledged to, will ...   intent       stated
"the U.S. commitment to", "our pledge of"  intent       stated
proposed, offered to                       intent       proposed
========================================  ===========  =============

Each has a *side*: the countries (or organisations) that commit or ask, read from the
cue's subject, not from the whole sentence: "The United States will continue to increase
our support ... and call on other nations" is the United States' own commitment;
"the delegation will strengthen ties with Kazakhstani officials" is the delegation's side's.
"They" and "the participants" are the sides of the engagement the article reports.

Not commitments: a question ("Asked whether ...", "officials, who asked not to be
named"), and an engagement announced ("will meet with senior Kazakhstani officials",
"will hold a strategic dialogue"), which the brief lists among planned engagements.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence

from search.extract.breaches import breached_pacts, may_breach
from search.extract.commitment_cues import (
    AGREED,
    AGREED_BETWEEN,
    BY_NOUN,
    CUES,
    DEAL_FROM,
    REQUESTED,
    SIGNED,
    STATED,
    STATED_NOUN,
    WE_SUBJECT,
    clause_start,
    two_governments_before,
)
from search.extract.events import Parties, signatory
from search.extract.institution_sides import institution_side
from search.extract.orgs import forum_members
from search.extract.side_patterns import _APPOSITIVE
from search.extract.sides import Sides
from search.extract.topics import KeywordMatcher
from search.model import Commitment, EngagementRef, Mention, PersonRef, Span

# A cue that is a noun owned by a possessive: "the government's announced intention to",
# "Seoul's plan to".
_POSSESSED = re.compile(r"(?:[’']s|\bits|\btheir)\s+(?:[\w-]+\s+){0,2}$")
# An article, maybe an adjective, then a capitalised word or two right before a cue:
# "a recent North Korean call", "the Soviet pledge".
_DEMONYM_BEFORE = re.compile(
    r"\b(?:the|a|an)\s+(?:[a-z]+\s+)?([A-Z][\w.-]*(?:\s+[A-Z][\w.-]*)?)\s+$"
)
# The nouns of `STATED_NOUN` inside another cue's clause.
_NOUN_CUE = re.compile(r"\b(?:" + "|".join(CUES[STATED_NOUN]) + r")\b")

# Where a commitment's clause ends (after the cue).
# "... agreed to stimulate their economies and the United States agreed to cut its
# budget deficit": another subject's commitment after "and" (after a lower-case word, so
# not "Japan and West Germany agreed").
# A name's possessive, one to four capitalised words: "Saudi Arabia’s".
_OWNER = r"(?:[A-Z][\w.'-]*\s+){0,3}[A-Z][\w.-]*[’']s"
_AND_ANOTHER = re.compile(
    r"(?:^|\s)[a-z]+,?(\s+and\s+)(?=(?:the\s+)?(?:[A-Z][\w.'’-]*\s+){1,4}"
    r"(?:has\s+|have\s+|had\s+)?(?:agreed|pledged|promised|committed|signed|vowed)\b)"
    # "..., and Saudi Arabia’s pledge to provide": another's pledge
    rf"|,(\s+and\s+)(?=(?:the\s+)?{_OWNER}\s+(?:pledges?|commitments?|promises?)\b)"
    # "projects that will allow gas to enter Ukraine from Europe and we’re prepared to
    # help": after the cue, the speakers' own clause
    r"|(\s+and\s+)(?=(?:we|I)(?:[’'](?:re|ll|ve|m|d))?\s)"
)
_CLAUSE_END = re.compile(
    r"[;:]|\s[—–]\s|\s-\s|,\s+(?:the|which|who|whom|while|but|whereas|according|said|he|she|"
    # (", and that the United States was willing to": a second statement reported)
    r"they|it|we|as\s+well\s+as|including|given|Kazinform|Reuters|TASS)\b|,\s+and\s+that\b"
)
_DATELINE = re.compile(r"^[A-Z][A-Z .,'-]{2,60}?\s[-—–]\s+")
_LEAD_NOISE = re.compile(
    r"(?:and|but|so|also|then|thus|moreover|in\s+turn|in\s+this\s+regard)\b[\s,]*", re.I
)
_MAX_SUBJECT_WORDS = 12
_CONDITION = re.compile(r"\s*(?:If|Unless)\s[^,;:]*")
_PRIORITY_FOR = re.compile(r"\bremains?\s+(?:a|an|the)\s+(?:[a-z]+\s+)?priority\s+for\s+")
_OF = re.compile(r"of\s(?!course\b)")
# The pair a phrase before the subject relates: "between the United States and ".
_BETWEEN_BEFORE = re.compile(r"\bbetween\s+(?:the\s+)?(?:[A-Z][\w.’'-]*\s+){1,4}and\s+(?:the\s+)?$")
# (but "the agreement between Greece and Turkey, which called for": the pair's own clause)
_RELATIVE_NEXT = re.compile(r"\s*(?:which|who|that)\b")
# A preposition before a country set off by a comma: an adverbial of place ("In
# Kazakhstan, the delegation will meet"), not the first of a list of subjects.
_PLACE_BEFORE = re.compile(
    r"(?i)\b(?:in|at|from|across|throughout|within|inside|outside|(?:return|travel|go|come)\s+to)"
    r"\s+(?:the\s+)?$"
)
_MAX_WORDS = 40
# How far after the cue its place may be named ("agreed on in Paris", "at last month's
# meeting of").
_AT_REACH = 70
# A meeting the subject held, named before the cue: "meeting with other major industrialized
# nations in Paris agreed".
_MET_IN = re.compile(
    r"\bmeeting\s+(?:with\s+)?[^,;]*?\s(?:in|at)\s+(?:\S+\s+){0,3}?[A-Z][\w.-]*\s+$"
)
# A clause that opens on a verb ("said", "..., and lauded Ukraine’s commitment"): what comes
# before its comma is no list of its subjects.
_REPORTING = re.compile(r"\s*(?:said|says|added|told|(?<=\band\s)(?-i:[a-z]+ed))\b", re.I)
# Pronoun subjects that mean the two sides in a joint statement ("They will work to ...").
_THEY = re.compile(r"^(?:they|both|the\s+two|together)\b", re.I)


# "will hold talks", "will hold a strategic dialogue", "will co-chair the Dialogue": an
# engagement announced (the brief's calendar), not a commitment.
_ENGAGEMENT_OBJECT = re.compile(
    r"\s+(?:also\s+)?(?:(?:a|an|the|its|their|his|her|our|several|series\s+of)\s+)*"
    r"(?:[\w’'.-]+\s+){0,3}?"  # "join the Deputy Secretary’s delegation"
    r"(?:talks|meetings?|consultations|dialogue|summit|discussions?|ministerial|conference|"
    r"round\s+of|session|delegation|visit|trip|call|video\s*conference|roundtable)\b",
    re.I,
)
_ENGAGEMENT_VERBS = frozenset(("hold", "host", "co-chair", "join", "lead"))
# "asked" as a question, not an ask: "Asked whether ...", "when asked", "officials, who
# asked not to be named", "... asked Republic's Cohen." An ask names what is asked for
# ("asked Seoul to lower tariffs", "asked for support"), within its clause.
_QUESTION_BEFORE = re.compile(r"(?:\b(?:when|who|which)|^|[.!?\"“”]|,)\s*$", re.I)
_WORDS_IN_CLAUSE = r"\s+(?:[^\s.;!?]+\s+)"
_ASK_FOR = re.compile(
    _WORDS_IN_CLAUSE + r"{0,8}?(?:to\s+(?!be\s+(?:named|identified))\w|for\b)", re.I
)
_ASK_QUESTION = re.compile(
    _WORDS_IN_CLAUSE + r"{0,6}?(?:whether|if|about|why|how|what|when)\b", re.I
)


def _not_a_commitment(text: str, start: int, end: int, cue: tuple[str, str, float]) -> bool:
    """A cue that reads as one but commits or asks nothing (see the patterns above)."""
    word = text[start:end].lower()
    if cue is SIGNED and _INTO_LAW.match(text, end):
        return True  # "funding, recently signed into law": a government's own act
    if word.startswith("call") and _DETERMINER_BEFORE.search(text, max(0, start - 12), start):
        return True  # "addresses their calls for justice": the noun, someone else's ask
    if cue is STATED and word.split()[-1] in _ENGAGEMENT_VERBS:
        return _ENGAGEMENT_OBJECT.match(text, end) is not None
    if cue is not REQUESTED or word not in ("asked", "asks", "asking"):
        return False
    ask = _ASK_FOR.match(text, end)
    if ask is None:
        return True
    before = text[max(0, start - 12) : start]
    if "\n" in before:
        before = before[before.rindex("\n") + 1 :]
    if _QUESTION_BEFORE.search(before) and word == "asked":
        return True  # "Asked whether ...", "who asked not to be named", "when asked to"
    question = _ASK_QUESTION.match(text, end)
    return question is not None and question.end() < ask.end()


# "Japan and other industrialized nations committed themselves in Paris": several.
_THEMSELVES = re.compile(r"\w+\s+themselves\b")
_INTO_LAW = re.compile(r"\s+into\s+law\b", re.I)
# "their calls for", "the call for", "repeated calls for": the noun, not the verb.
_DETERMINER_BEFORE = re.compile(
    r"\b(?:their|the|his|her|its|our|your|these|those|repeated|growing|many|such)\s+$", re.I
)

# An agreement's other party, named after the cue up to what was agreed: "agreed with
# Ryzhkov that", "signed a Memorandum of Understanding with the Republic of Palau to",
# "had reached agreement with the Soviet Union and its East European allies on".
# A passive agreement's agent: "the 18 dlr benchmark price agreed to by OPEC".
_BY = re.compile(r"\bby\b\s*", re.I)
_PASSIVE_BEFORE = re.compile(r"\b(?:is|are|was|were|be)\s+(?:strongly\s+|also\s+)?$")
# What a pledge is to do, after who pledged it.
_TO_VERB = re.compile(r"\s+to\s+(?:each\s+|also\s+)?[a-z]")
_OWNER_SUBJECT = re.compile(_OWNER + r"\s")
_AGREED_BY = re.compile(r"(?:agreed|pledged|signed)\s+(?:to\s+|upon\s+|on\s+)?by\s+", re.I)
_AGREED_WITH = re.compile(
    r"(?:(?:has|have|had)\s+)?(?:agreed(?:\s+upon)?|reached\s+(?:an?\s+)?(?:[\w-]+\s+){0,3}?"
    r"(?:agreement|accord|deal|understanding|consensus)|signed\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+){0,6}?"
    r"(?:agreements?|memorand\w*|MOUs?|accords?|deals?|treat(?:y|ies)|arrangements?|"
    # ("signed yesterday a 250 mln dlr loan with the World Bank to support", "The
    # agreement signed on Tuesday with Britain's Export Credits Guarantee Department")
    r"understanding|protocols?|contracts?|loans?|credits?)|signed\s+(?:on|last|this)\s+\w+)"
    r"\s+with\s+(?=[^,;]{1,60}?(\s)(?:that|to|on|for|in|at)\b)",
    re.I,
)

# An agreement to another side's proposal: "agreed to Rha's proposal", "agreed to the
# Soviet proposal" (the proposer is a party).
_AGREED_TO_PROPOSAL = re.compile(
    r"agreed\s+to\s+(?:the\s+)?([^,;]{1,60}?)(?:[’']s)?\s+(?:[\w-]+\s+)?"
    r"(?:proposals?|requests?|offers?|suggestions?|initiatives?)\b",
    re.I,
)


@functools.lru_cache(maxsize=1)
def _matcher() -> KeywordMatcher:
    return KeywordMatcher((phrase, cue) for cue, phrases in CUES.items() for phrase in phrases)


def find_commitments(
    text: str,
    sentences: Sequence[tuple[int, int]],
    country_mentions: Sequence[Mention] = (),
    *,
    top_countries: Sequence[str] = (),
    people: Sequence[PersonRef] = (),
    home: str | None = None,
    publisher: str | None = None,
    engagements: Sequence[EngagementRef] = (),
    org_mentions: Sequence[Mention] = (),
    date: str | None = None,
) -> tuple[Commitment, ...]:
    """Find intentions, agreements and signatures.

    Args:
        text: The document text.
        sentences: Its sentence spans.
        country_mentions: The country tagger's mentions.
        top_countries: The article's most salient countries; the first two are "the
            sides" / "the two countries".
        people: From `find_people`; a person's country makes them a party.
        home: The publisher's country ("our country", "we").
        publisher: A government publisher's country: "the Secretary" is its official.
        engagements: The article's engagements: "they" and "the participants" of a
            readout are the sides of the engagement it reports.
        org_mentions: Organisation mentions: international ones can sign a joint
            statement.
        date: The publication date (ISO): a forum's members as the states of the time.

    Returns:
        Commitments in text order, at most one per clause; ``span`` covers the summary,
        ``side`` the countries that commit (or ask): the subject of the cue.
    """
    if not text or not sentences:
        return ()
    hits = _matcher().find(text)
    if not hits and not may_breach(text):
        return ()
    parties = Parties(text, country_mentions, people, top_countries, home)
    sides = Sides(
        text, country_mentions, people, top_countries, home, publisher, engagements, org_mentions,
        published=date,
    )  # fmt: skip
    found: list[Commitment] = []
    index = 0
    best: dict[tuple[int, int], tuple[int, int, tuple[str, str, float], int]] = {}
    for start, end, cues in hits:
        while index + 1 < len(sentences) and sentences[index + 1][0] <= start:
            index += 1
        cue = max(cues, key=lambda c: c[2])
        if cue is SIGNED and signatory(text, end):
            continue
        if _not_a_commitment(text, start, end, cue) or _CONDITION.fullmatch(
            text, sentences[index][0], start
        ):
            continue  # (nor a condition: "If Russia is prepared to sit with ..., our friends")
        clause_end = _clause_end(text, end, sentences[index][1])
        key = (index, clause_end)
        current = best.get(key)
        if current is None or cue[2] > current[2][2]:
            best[key] = (start, end, cue, index)
    for (index, clause_end), (start, _end, cue, _) in sorted(
        best.items(), key=lambda item: item[1][0]
    ):
        commitment = _commitment(
            text, sentences[index], index, start, clause_end, cue, parties, sides
        )
        if commitment is not None and not _overlaps(found, commitment):
            found.append(commitment)
    found.extend(breached_pacts(text, sentences, parties, sides))
    return tuple(sorted(found, key=lambda c: c.span.start))


def _commitment(
    text: str,
    sentence: tuple[int, int],
    index: int,
    cue_start: int,
    clause_end: int,
    cue: tuple[str, str, float],
    parties: Parties,
    sides: Sides,
) -> Commitment | None:
    start = _subject_start(text, sentence[0], cue_start)
    if start < cue_start:
        # (a verb straight after "and" has the sentence's subject, not a list's: "... with
        # all partners, including Egypt, and encouraged progress")
        start = _list_start(text, start, sides)
    if start == cue_start:
        start = _long_subject(text, sentence[0], cue_start, sides)
    subject = text[start:cue_start]
    both = _THEY.match(subject.strip()) is not None or None
    found = parties.resolve((start, clause_end), sentence, both_sides=both, trigger=cue_start)
    if cue is STATED_NOUN:
        side = sides.owner(sentence, cue_start)
        if not side:
            return None  # "Confirming mutual commitment to ...": nobody's in particular
    elif cue is BY_NOUN:
        side = _pledged_by(text, cue_start, clause_end, sides)
        if not side:
            return None
    elif demonym := _demonym_owner(text, cue_start, sides):
        side = demonym  # "a recent North Korean call for talks": its government's
    elif _POSSESSED.search(text, max(sentence[0], cue_start - 40), cue_start) and (
        owned := sides.owner(sentence, cue_start)
    ):
        side = owned  # "Baldrige called the government's announced intention to": its own
    else:
        side = sides.subject(sentence, start, cue_start) or institution_side(
            text, sentence[0], start, cue_start, sides.publisher
        )
    if (
        not side
        and cue is not STATED_NOUN
        and (noun := _NOUN_CUE.search(text, cue_start, clause_end))
    ):
        # "This action will strengthen the Department's ongoing commitment to": the
        # clause's subject names no one; the commitment's owner does.
        side = sides.owner(sentence, noun.start())
    if (priority := _PRIORITY_FOR.search(text, cue_start, clause_end)) is not None:
        # "Expanding the circle of peace ... will remain a priority for the United States"
        side = sides.objects(priority.end(), priority.end() + 30) or side
    if cue is SIGNED and (behalf := sides.signed_for(cue_start, clause_end)) is not None:
        side = (behalf,)  # "signed the joint statement in Stockholm for the United States"
    if not side:
        side = _agentless(text, sentence, cue, cue_start, sides)
    side = _with_the_other_parties(text, (cue_start, clause_end), index, cue, side, subject, sides)
    proposer = _AGREED_TO_PROPOSAL.match(text, cue_start, clause_end)
    if side and proposer is not None:
        # "he had agreed to Rha's proposal for cooperation": who proposed agreed too.
        side = tuple(dict.fromkeys((*side, *sides.objects(proposer.start(1), proposer.end(1)))))
    if not found and not side:
        return None
    head = text[start:cue_start]
    if head.count(")") > head.count("("):
        start = start + head.rindex(")") + 1  # "Panama) signed ...": from the verb
        start += len(text[start:cue_start]) - len(text[start:cue_start].lstrip())
    end = _trim_words(text, start, clause_end)
    summary = " ".join(text[start:end].split()).rstrip(" ,.")
    if not summary:
        return None
    kind, status, _ = cue
    parties_found = tuple(dict.fromkeys((*side, *found)))
    return Commitment(kind, status, parties_found, summary, Span(start, end, index), side=side)


def _with_the_other_parties(
    text: str,
    cue_span: tuple[int, int],
    index: int,
    cue: tuple[str, str, float],
    side: tuple[str, ...],
    subject: str,
    sides: Sides,
) -> tuple[str, ...]:
    """The sides of a commitment once its agent, the accord it was made in and the other
    party of its deal are read: who agreed "with" whom, "by" whom, at which meeting."""
    cue_start, clause_end = cue_span
    agent = _AGREED_BY.match(text, cue_start, clause_end)
    if agent is not None and (by_whom := sides.agents(agent.end(), clause_end)):
        side = by_whom  # "the benchmark price agreed to by OPEC last December": OPEC's
    # (one side's own intention stated at a meeting is its own: "Minister Hayashi shared
    # his intention to strengthen international partnerships ... at the 8th Tokyo
    # International Conference on African Development")
    accord = (
        _accord_parties(text, cue_start, clause_end, index, sides.engagements)
        if cue in (AGREED, SIGNED) or len(side) != 1 or _THEMSELVES.match(text, cue_start)
        else ()
    )
    if accord and set(side) <= set(accord):
        side = accord  # "committed themselves in Paris last month": the Louvre Accord's six
    other = _counterparty(text, cue_start, clause_end, sides) if side else ()
    alone = len(side) == 1 and not other and WE_SUBJECT.fullmatch(subject.strip())
    if alone and (cue is AGREED or two_governments_before(text, cue_start)):
        # "... but we agreed to continue our close diplomatic consultation", said after a
        # meeting: an agreement is with the other side of the meeting told last (unless
        # it says with whom: "we agreed with the Iraqis that"); so is any "we" after "the
        # two governments held candid conversations"
        met = sides.met_with(cue_start)
        if side[0] in met:
            side = met
    if side:
        side = tuple(dict.fromkeys((*side, *other)))
    return side


def _counterparty(text: str, cue_start: int, clause_end: int, sides: Sides) -> tuple[str, ...]:
    """The other side of a deal the cue makes: "she had agreed with Ryzhkov that they
    would work", "Kuwait has agreed to charter tankers from the Soviet Union", "has signed
    up for a 550 mln ECU loan from the European Community"."""
    partner = _AGREED_WITH.match(text, cue_start)
    if partner is not None:
        # (a person or country, else an organisation: "a loan with the World Bank")
        objects = sides.objects(partner.end(), partner.end(1))
        return objects or sides.orgs_named(partner.end(), partner.end(1))
    between = AGREED_BETWEEN.match(text, cue_start, clause_end)
    if between is not None:  # "we’ve agreed to establish between the United States and the EU"
        span = (between.end(), min(clause_end, between.end() + 60))
        return tuple(dict.fromkeys((*sides.objects(*span), *sides.orgs_named(*span))))
    source = DEAL_FROM.match(text, cue_start, clause_end)
    return sides.agents(source.end(), min(clause_end, source.end() + 60)) if source else ()


def _agentless(
    text: str, sentence: tuple[int, int], cue: tuple[str, str, float], cue_start: int, sides: Sides
) -> tuple[str, ...]:
    """Whose a commitment is when its clause names no subject: "an agreement signed last
    year" is its parties'; in a government's text, "Other interested stakeholders are
    encouraged to supplement U.S. government-led initiatives" is the government's ask."""
    if cue is SIGNED:
        return sides.signing_in(sentence)
    if (
        cue is REQUESTED
        and sides.publisher
        and _PASSIVE_BEFORE.search(text, max(sentence[0], cue_start - 20), cue_start)
    ):
        return (sides.publisher,)
    return ()


def _demonym_owner(text: str, cue_start: int, sides: Sides) -> tuple[str, ...]:
    """ "a recent North Korean call for talks", "the Soviet pledge to buy": a people's word
    after an article, right before the cue, makes it a noun its government owns."""
    before = _DEMONYM_BEFORE.search(text, max(0, cue_start - 40), cue_start)
    code = sides.demonym_at(*before.span(1)) if before is not None else None
    return (code,) if code is not None else ()


def _pledged_by(text: str, cue_start: int, clause_end: int, sides: Sides) -> tuple[str, ...]:
    """Who a pledge named as a noun is by: "welcomed the pledge by Saudi Arabia and the
    United Arab Emirates to each provide ...", up to what it is to do (not "... for the
    Central Bank of Yemen")."""
    agent = _BY.search(text, cue_start)  # (found: the cue ends with "by", in any case)
    by = agent.end() if agent is not None else clause_end
    purpose = _TO_VERB.search(text, by, clause_end)
    return sides.agents(by, purpose.start() if purpose else clause_end)


def _accord_parties(
    text: str,
    cue_start: int,
    clause_end: int,
    index: int,
    engagements: Sequence[EngagementRef],
) -> tuple[str, ...]:
    """The parties of a many-sided meeting the cue says the agreement was made at: "the
    range agreed on in Paris in late February", "committed themselves in Paris last
    month", "the rates agreed to be appropriate at last month's meeting of the Group of
    Five". A forum of fixed membership (the G6) is its members."""
    after = text[cue_start : min(clause_end, cue_start + _AT_REACH)]
    if (met := _MET_IN.search(text, max(0, cue_start - _AT_REACH), cue_start)) is not None:
        after = met.group() + " " + after  # "officials meeting with ... nations in Paris agreed"
    for engagement in engagements:
        if engagement.type != "multilateral":
            continue
        # Its place wherever it was reported ("in Paris"); its trigger in its own sentence.
        marks = [engagement.place] if engagement.place else []
        if engagement.span.sentence == index:
            marks.append(engagement.trigger)
        if not any(
            re.search(rf"\b(?:in|at)\s+(?:\S+\s+){{0,3}}?{re.escape(mark)}\b", after)
            for mark in marks
        ):
            continue
        orgs = tuple(f"org:{key}" for key in engagement.orgs if not forum_members(key))
        parties = (*engagement.countries, *orgs)
        if len(parties) >= 3:
            return parties
    return ()


def _clause_end(text: str, position: int, sentence_end: int) -> int:
    match = _CLAUSE_END.search(text, position, sentence_end)
    end = match.start() if match else sentence_end
    another = _AND_ANOTHER.search(text, position, end)
    if another is not None:
        end = another.start(another.lastindex or 1)  # (the "and" of either reading)
    while end > position and text[end - 1] in " .,":
        end -= 1
    return end


def _subject_start(text: str, sentence_start: int, cue_start: int) -> int:
    """Start of the cue's clause: its subject, unless that is far away."""
    start = sentence_start
    dateline = _DATELINE.match(text, sentence_start, cue_start)
    if dateline:
        start = dateline.end()
    start = clause_start(text, start, cue_start)
    # (Read past the cue: the subject's verb after "and" is the cue itself.)
    for match in _AND_ANOTHER.finditer(text, start, cue_start + 60):
        if match.end(match.lastindex or 1) < cue_start:
            start = match.end(match.lastindex or 1)
    lead = _LEAD_NOISE.match(text, start, cue_start)
    if lead:
        start = lead.end()
    if len(text[start:cue_start].split()) > _MAX_SUBJECT_WORDS or _OF.match(text, start):
        # ("They noted the anniversary, in July, of U.S.-Estonia relations and expressed":
        # words after "of" complete a noun; the subject is the sentence's own.)
        return cue_start
    appositive = _APPOSITIVE.search(text, max(sentence_start, start - 240), start)
    if appositive is not None and appositive.start(1) >= sentence_start:
        # "Costa Rica, a strong democracy ... with deep ties to the United States, is
        # committed to": the name before the appositive is the subject.
        return appositive.start(1)
    return start


def _list_start(text: str, start: int, sides: Sides) -> int:
    """ "China, Iran, and Russia have pledged", "President Biden, President Lopez Obrador,
    and Prime Minister Trudeau committed": a list of countries or people is one subject,
    though its commas look like clause breaks."""
    if _REPORTING.match(text, start) or _OWNER_SUBJECT.match(text, start):
        # "Miyazawa, after meeting James Baker, said they agreed": not a list; nor
        # "..., and Saudi Arabia’s pledge to provide": one owner's
        return start
    while True:
        head = text[:start].rstrip()
        if head.endswith(" and"):
            head = head[:-4].rstrip()  # ", and Prime Minister Trudeau"
        if not head.endswith(","):
            return start
        comma = len(head) - 1
        named = sides.countries_ending_at(comma)
        if named is None:
            named = sides.people_ending_at(comma)
        if (
            named is None
            or _PLACE_BEFORE.search(text, max(0, named - 24), named)
            or _OF_BEFORE.search(text, max(0, named - 24), named)
            or (
                _BETWEEN_BEFORE.search(text, max(0, named - 60), named)
                and not _RELATIVE_NEXT.match(text, start)
            )
        ):
            # "In Kazakhstan, the delegation will meet ...": where, not who (nor "the people
            # of Burma, and the United States ... urges": whose people); nor "the ties
            # between the United States and Spain, the Secretary and the Minister committed".
            return start
        # "Costa Rica, the Dominican Republic, and Panama signed": the article before a
        # name is the list's too
        the = _THE_BEFORE.search(text, max(0, named - 4), named)
        start = the.start() if the else named


_THE_BEFORE = re.compile(r"\b[Tt]he\s$")
_OF_BEFORE = re.compile(r"\b(?:people|peoples|citizens|population)\s+of\s+(?:the\s+)?$")


def _long_subject(text: str, sentence_start: int, cue_start: int, sides: Sides) -> int:
    """ "... that the United States is reducing our footprint in Kabul ... and will
    accelerate": a long clause's subject is its first words, when they name a side."""
    clause = clause_start(text, sentence_start, cue_start)
    head_end = clause
    for word in list(re.finditer(r"\S+", text[clause:cue_start]))[:6]:
        head_end = clause + word.end()
    if (
        "(" not in text[clause:cue_start]
        and not _OF.match(text, clause)
        and sides.names_a_side(clause, head_end)
    ):
        return clause
    return cue_start


def _trim_words(text: str, start: int, end: int) -> int:
    words = list(re.finditer(r"\S+", text[start:end]))
    if len(words) <= _MAX_WORDS:
        return end
    return start + words[_MAX_WORDS - 1].end()


def _overlaps(found: list[Commitment], commitment: Commitment) -> bool:
    return any(
        other.span.start < commitment.span.end and commitment.span.start < other.span.end
        for other in found[-3:]
    )
