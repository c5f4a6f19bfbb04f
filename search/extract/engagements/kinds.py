"""What kind one sentence's engagements are, and which are kept: the type from the
trigger and the sides, meetings with several sides split into one each ("meetings with
the Pakistani and Turkish Foreign Ministers"), one engagement per set of sides."""

from __future__ import annotations

import re
from dataclasses import replace

from search.dates import MONTH_NAMES, WEEKDAY_NAMES
from search.extract.engagements.context import _Context, _Found
from search.extract.engagements.forum_pairs import one_per_forum
from search.extract.engagements.patterns import (
    _DURING_FORUM,
    _FORUM,
    _FORUM_NAME,
    _FORUM_WORDS_IN_NAME,
    _MEMBERS,
    _MEMBERS_OF,
    _PAIR_NAMED,
    _RANK,
)
from search.extract.engagements.two_sides import (
    _forum_side,
    _has_members,
    _org_official_met,
    _two_people_call,
)
from search.extract.orgs import international

# A forum named after its meeting: "meeting of the (Foreign Ministers of the) Global
# Coalition".
_FORUM_AFTER = re.compile(
    r"\s+of\s+(?:the\s+)?(?:(?:[A-Z][a-z]+\s+)?(?:Ministers|Leaders|Members|Heads\s+of\s+State)"
    r"\s+of\s+(?:the\s+)?)?([A-Z][\w’'.-]*(?:\s+(?:(?:of|for|on|to|and)\s+(?:the\s+)?)?"
    r"[A-Z][\w’'.-]*)*)"
)
_AGREED = re.compile(r"agreed|committed|rescheduling", re.I)
# Capitalised words that open a sentence, not a name.
_NOT_NAME_START = frozenset(
    "at in on for the during after before from with by of to and a an this that following".split()
    # "the October 2021 Regional Migration Ministerial": when, not the name
    + [month.lower() for month in MONTH_NAMES]
)
_YEAR_WORD = re.compile(r"(?:19|20)\d\d|\d{1,2}")  # a year, or a day after its month
# The words a name goes on with after a capitalised trigger: "Ministerial| Meeting".
# Months and days, which "on" a name ends at: "the COVID-19 Ministerial on July 19".
_WHEN_WORDS = rf"(?:{'|'.join(MONTH_NAMES + WEEKDAY_NAMES)})\b"
_NAME_AFTER_TRIGGER = re.compile(
    # "Conference on Migration and Protection", "Summit of the Americas"
    r"(?:\s+(?:(?:of|on|for)\s+(?:the\s+)?(?!" + _WHEN_WORDS + r")|and\s+(?=[A-Z][a-z]))?"
    # (not a possessive: "the U.N. Conference on Africa's economic crisis")
    r"[A-Z][\w’'.-]*(?![\w’'])(?<![’']s))+"
)


# Officials, then "meeting" used as a verb: "EC farm ministers meeting here today failed".
_OFFICIALS_BEFORE = re.compile(
    r"\b(?:ministers|officials|leaders|delegates|governors|representatives|envoys|"
    r"negotiators|ambassadors|diplomats|delegations)\s+$"
)
_AS_VERB = re.compile(r"\s+(?:here|there|in|on|at|today|yesterday|tomorrow|this|last|behind)\b")


# A dialogue kept up, not a session held: "we have a very dynamic dialogue with the Biden
# administration", "maintain a close dialogue".
_KEPT_UP = re.compile(
    r"\b(?:have|has|had|maintain(?:s|ed)?|enjoy(?:s|ed)?|keep(?:s)?|kept)\s+(?:a|an)\s+"
    r"(?:very\s+)?(?:[a-z-]+\s+){1,2}$"
)


def ongoing_dialogue(text: str, floor: int, match: re.Match[str]) -> bool:
    """Is the trigger "dialogue" a relationship kept up ("we have a very dynamic
    dialogue with ..."), not a session?"""
    return match.group().lower() == "dialogue" and (
        _KEPT_UP.search(text, max(floor, match.start() - 50), match.start()) is not None
    )


def officials_meeting(text: str, floor: int, match: re.Match[str]) -> bool:
    """Is the trigger "meeting" a verb after the officials who meet ("agriculture
    ministers meeting in Luxembourg")?"""
    return (
        match.group().lower() == "meeting"
        and _OFFICIALS_BEFORE.search(text, max(floor, match.start() - 40), match.start())
        is not None
        and _AS_VERB.match(text, match.end()) is not None
    )


def _enough_sides(
    context: _Context, floor: int, sides: list[str], match: re.Match[str], cut: int
) -> bool:
    """Two sides or more take part; or one, when an organisation's members meet (a G7
    meeting, "an emergency meeting of NATO ambassadors") or the trigger is an
    organisation's own meeting ("the ADB's annual meeting")."""
    if len(sides) >= 2:
        return True
    if not sides:
        return False
    orgs = context.orgs_in(floor, cut)
    return (
        _members_meet(context.text, orgs, floor, sides[0])
        or _has_members(sides[0])
        or _own_meeting(context.text, orgs, sides[0], match)
        # "EC Farm Commissioner Frans Andriessen told agriculture ministers meeting in
        # Luxembourg": the organisation's ministers
        or (
            sides[0].startswith("org:")
            and international(sides[0][4:])
            and officials_meeting(context.text, floor, match)
        )
        # "Opec agreed in December to cut output": a forum of states agrees as it meets
        or (
            match.lastgroup == "multi"
            and _AGREED.match(match.group()) is not None
            and _forum_side(sides[0])
        )
    )


def _members_meet(text: str, orgs: list[tuple[int, int, str]], floor: int, side: str) -> bool:
    """An organisation's members meeting: "an emergency meeting of NATO ambassadors",
    "NATO foreign ministers met"."""
    if not side.startswith("org:"):
        return False
    for start, end, key in orgs:
        if f"org:{key}" != side:
            continue
        if _MEMBERS.match(text, end) or _MEMBERS_OF.search(text, max(floor, start - 40), start):
            return True
    return False


# An organisation's own meeting, named with it: "the ADB's 20th annual meeting", "the next
# GATT Council meeting" (its name, possessive or not, then modifiers only), "a two day
# meeting of the Inter Governmental Group on Indonesia", "a session of the UN General
# Assembly".
_OWN_MEETING_BEFORE = re.compile(
    # ("the Inter-American Development Bank (IADB) annual meeting": its acronym between)
    r"\)?(?:[’']s)?(?:\s+\([A-Z][\w.-]{1,9}\))?"
    r"(?:\s+(?:\d+(?:st|nd|rd|th)?|annual|semi-annual|yearly|regular|next|last|"
    r"latest|first|second|third|special|emergency|extraordinary|informal|upcoming|"
    r"forthcoming|spring|autumn|fall|winter|summer|ministerial|council|board|interim|"
    r"committee|executive|governing|steering|plenary|general|"
    r"(?:one|two|three|four|five)[\s-]+days?|[A-Z][a-z]+|"
    # (whose members meet: "the G7 Leaders’ Summit", "the NATO foreign ministers' meeting")
    r"(?:[Ll]eaders|(?:[Ff]oreign\s+|[Ff]inance\s+)?[Mm]inisters)[’']))*\s+$"
)
_OWN_MEETING_AFTER = re.compile(
    # "... Meeting of the Organization for Economic Development and Cooperation (OECD)":
    # a name the lexicon writes otherwise, then its acronym.
    # "... meeting of the 24-nation OECD": its size first.
    # "a meeting organised by the United Nations body": its own, too.
    r"\s+(?:of|(?:organi[sz]ed\s+|convened\s+|sponsored\s+)?by)\s+(?:the\s+|its\s+)?"
    r"(?:\d+-(?:nation|member|country|state)\s+)?"
    # "meeting of the joint IMF-World Bank Devlopment Committee": two bodies' own
    r"(?:joint\s+)?"
    r"(?:[A-Z][^()]{0,80}\s+\()?$",
    re.I,
)
# The organisation as the subject of its meeting: "The International Cocoa Organisation
# is due to discuss the scheme at a meeting in June", "the ICO, which meets in September".
_SUBJECT_MEETS = re.compile(
    r"(?:\s*\([A-Z]{2,8}\))?(?:,?\s+(?:which|that)|\s+(?:will|is\s+to))\s+$"
    r"|\s+(?:is\s+due\s+to|will|is\s+to|is\s+expected\s+to)\s+[^,.;]{0,60}?"
    r"\bat\s+(?:a|its|the\s+next)\s+$"
    # "OPEC has scheduled a regular meeting in June", "the GCC will hold its summit"
    r"|\s+(?:(?:will|is\s+to|is\s+due\s+to|plans\s+to)\s+(?:hold|convene)|"
    r"(?:has|have|had)\s+(?:scheduled|called|convened)|holds|convenes)\s+"
    r"(?:a|an|its|the)\s+(?:[\w-]+\s+){0,3}$"
)
_OWN_MEETING_NOUNS = frozenset(
    {"meeting", "meetings", "session", "summit", "conference", "assembly", "plenary"}
)


def _own_meeting(
    text: str, orgs: list[tuple[int, int, str]], side: str, match: re.Match[str]
) -> bool:
    """Is the trigger an international organisation's own meeting, named with it ("the
    ADB's 20th annual meeting", "the next GATT Council meeting", "a meeting of the Inter
    Governmental Group on Indonesia")? Its members' officials meet, however few are named."""
    word = match.group().lower()
    if word not in _OWN_MEETING_NOUNS | {"meets", "meet"} or not side.startswith("org:"):
        return False
    if not international(side[4:]):
        return False
    kind = _ITS_KIND.search(text, max(0, match.start() - 60), match.start())
    if kind is not None and kind.group(1).lower() in side.lower():
        return True  # "the bank's 20th annual meeting" after the Asian Development Bank
    for index, (start, end, key) in enumerate(orgs):
        if f"org:{key}" != side:
            continue
        if (
            end <= match.start()
            and (
                _OWN_MEETING_BEFORE.fullmatch(text, end, match.start())
                or _SUBJECT_MEETS.fullmatch(text, end, match.start())
                # "the International Monetary Fund and World Bank annual meeting": both theirs
                or _joined_own_meeting(text, orgs[index + 1 : index + 2], end, match)
            )
        ):
            return True
        if word in ("meets", "meet"):
            continue
        if start >= match.end() and _OWN_MEETING_AFTER.fullmatch(text, match.end(), start):
            return True
    return False


def _joined_own_meeting(
    text: str, following: list[tuple[int, int, str]], end: int, match: re.Match[str]
) -> bool:
    """Is the trigger the own meeting of the organisation named next (``following``),
    joined by "and" to the one ending at ``end``?"""
    return bool(
        following
        and re.fullmatch(r"\s+and\s+(?:the\s+)?", text[end : following[0][0]])
        and _own_meeting(text, following, f"org:{following[0][2]}", match)
    )


# An organisation named by its kind, as a wire story does once it has named it: "Taiwan
# had been invited to the bank's 20th annual meeting" (`bodies` reads the same nouns).
ORG_KIND_NOUNS = r"bank|fund|organi[sz]ation|group|community|agency"
_ITS_KIND = re.compile(rf"\bthe\s+({ORG_KIND_NOUNS})[’']s\s+(?:[\w-]+\s+){{0,3}}$", re.I)
_MEETINGS_OF = re.compile(r"\s+(?:of|among|between)\b")


def _separate_meetings(
    item: _Found, match: re.Match[str], context: _Context, start: int
) -> list[_Found]:
    """ "meetings with the Pakistani and Turkish Foreign Ministers", "separate meetings
    with": one meeting of the subject's side with each of the others, not one of all;
    "the G7 and NATO summits": one of each organisation (of a forum's, its members')."""
    word = match.group().lower()
    orgs = [side for side in item.sides if side.startswith("org:")]
    if word == "summits" and len(orgs) >= 2 and len(orgs) == len(item.sides):
        # "the outcomes from the G7 and NATO summits": each organisation's own.
        return [replace(item, sides=[org], people={}) for org in orgs]
    if len(orgs) >= 2 and (split := one_per_forum(item, match, context, start)):
        return split
    countries = [side for side in item.sides if not side.startswith("org:")]
    if (
        word != "meetings"
        # "two meetings of the seven leading industrial powers -- the United States,
        # Japan, ...": meetings of them all
        or _MEETINGS_OF.match(match.string, match.end())
        or item.type != "multilateral"
        or len(countries) < 3
        or len(countries) != len(item.sides)
    ):
        return [item]
    own, *others = countries
    return [
        replace(
            item,
            type="meeting",
            sides=[own, other],
            people={name: side for name, side in item.people.items() if side in (own, other)},
        )
        for other in others
    ]


def _type(
    kind: str,
    word: str,
    sides: list[str],
    *,
    named: bool = False,
    forum: str | None = None,
    own: bool = False,
) -> str:
    orgs = [s for s in sides if s.startswith("org:")]
    if (named or own) and orgs and word in ("meeting", "meetings", "meets", "meet"):
        # "the G7 Foreign Ministers' Meeting", "next week's International Monetary Fund
        # meeting", "when the ICO council meets in September": a forum's own, its members
        # meet
        return "multilateral"
    if any(_forum_side(org) for org in orgs):
        # "a meeting of the Group of Five and Canada": its members; "Indonesia is hosting
        # the G20 Foreign Ministers’ Meeting": a forum's, however few it names.
        return "multilateral"
    if kind == "call":
        return "multilateral" if len(sides) >= 3 else "call"
    if kind == "sign":
        return "signing"
    if kind == "multi" or word in _FORUM:
        if word == "summit" and named and orgs == ["org:EU"] and len(sides) == 2:
            if _PAIR_NAMED.search(forum or ""):
                return "meeting"  # "the upcoming EU-U.S. Summit": the Union meets as one
        if len(sides) >= 3 or orgs or word == "trilateral":
            return "multilateral"
        if named and _PAIR_NAMED.search(forum or ""):
            return "meeting"  # "the U.S.-Croatia Forum", "the U.S.-Russia Summit": the two
        if named and word in ("forum", "conference", "ministerial", "assembly", "plenary"):
            return "multilateral"  # "the Doha Forum": many take part, two are named
        if named and word == "summit":
            return "multilateral"  # "the Summit of the Americas"
        return "meeting"
    if len(sides) >= 3 or (orgs and len(sides) == 1):
        return "multilateral"
    if kind == "consult":
        return "consultations"
    return "meeting"


def _best_per_sentence(found: list[_Found], text: str) -> list[_Found]:
    """One engagement per sentence and set of sides, the most specific kind kept; a named
    dialogue stays beside the signing done at it ("by signing today a Memorandum of
    Cooperation at the U.S. – AUC High Level Dialogue in Washington"), in one place."""
    for item in found:
        _two_people_call(item)
        _org_official_met(item, text)
    best: dict[tuple[str, ...], _Found] = {}
    # "to participate in the U.S.-ASEAN Ministerial Meeting, the East Asia Summit Foreign
    # Ministers’ Meeting, and the ASEAN Regional Forum": three meetings, each its own.
    several = len({forum_key(item.forum) for item in found if item.forum}) >= 2
    for item in found:
        key = (*sorted(item.sides), item.host or "")
        if several and item.forum:
            key = (*key, forum_key(item.forum))
        if item.status == "background" and item.named:
            key = (*key, "before")  # "the Dialogue, which last met in 2016": its history
        current = best.get(key)
        if current is not None and _two_times(current, item):
            # What the sentence reports and the history it recalls on another day ("...
            # were joined for the signing by Gorbachev, who had nine hours of talks with
            # her yesterday") are two.
            key = (*key, item.status)
            current = best.get(key)
        if current is None:
            best[key] = item
            continue
        if {item.type, current.type} == {"signing", "consultations"} and (
            item.named or current.named
        ):
            signing, dialogue = (item, current) if item.type == "signing" else (current, item)
            signing.place = signing.place or dialogue.place
            signing.date = signing.date or dialogue.date
            best[key], best[(*key, "named")] = signing, dialogue
            continue
        if _met_at_forum(current, item, text):
            # "his meeting with Prime Minister Trudeau at the Summit of the Americas": the
            # two met, at a forum the sentence names only by where they met.
            meeting, forum = (current, item) if current.type == "meeting" else (item, current)
            meeting.date = meeting.date or forum.date
            best[key] = meeting
            continue
        keep, other = (item, current) if _RANK[item.type] > _RANK[current.type] else (current, item)
        keep.people = {**other.people, **keep.people}
        keep.date = keep.date or other.date
        keep.place = keep.place or other.place
        best[key] = keep
    kept = _tour_purpose_dropped(list(best.values()))
    for forum in kept:
        if forum.type != "multilateral":
            continue
        trip = next((v for v in kept if v.type == "visit" and v.status == forum.status), None)
        if trip is not None:
            # "will travel to Paris, France, to participate in the International Energy
            # Agency 2022 Ministerial Meeting": where and when the trip is.
            forum.place = forum.place or trip.place
            forum.date = forum.date or trip.date
        for signing in kept:
            if signing.type == "signing" and signing.status == forum.status:
                # "met in Niamey for an AU summit where on Sunday Presidents Buhari of
                # Nigeria and Talon of Benin signed ...": the signers are at the summit.
                forum.sides = list(dict.fromkeys([*forum.sides, *signing.sides]))
                forum.people = {**signing.people, **forum.people}
    return kept


def _tour_purpose_dropped(kept: list[_Found]) -> list[_Found]:
    """Without the talks a tour is for: "will this week visit Britain, France, West
    Germany, Switzerland and Italy for discussions with governments" is five visits, not
    also a meeting of the six (a forum, or an organisation, would be one)."""
    for item in kept:
        if item.type != "multilateral" or item.forum or item.known:
            continue
        visits = [v for v in kept if v.type == "visit" and v.status == item.status]
        toured = {side for visit in visits for side in visit.sides}
        if len(visits) >= 2 and set(item.sides) <= toured:
            return [other for other in kept if other is not item]
    return kept


def _met_at_forum(a: _Found, b: _Found, text: str) -> bool:
    """Are ``a`` and ``b`` a meeting of two countries and the forum they met at, which
    names no one else: after the meeting ("his meeting with Prime Minister Trudeau at the
    Summit of the Americas"), or before it as its occasion ("Ahead of the World Health
    Assembly, Assistant Secretary Sison will also meet with ... Nicole Su")?"""
    if len(a.sides) != 2 or any(side.startswith("org:") for side in a.sides):
        return False
    if {a.type, b.type} == {"meeting", "consultations"}:
        # "In conjunction with the Strategic Dialogue, Assistant Secretary Donfried also
        # met with Foreign Minister Jan Lipavsky": a meeting beside the named dialogue.
        meeting, dialogue = (a, b) if a.type == "meeting" else (b, a)
        return dialogue.named and dialogue.at < meeting.at and _occasion_before(text, dialogue)
    if {a.type, b.type} != {"meeting", "multilateral"}:
        return False
    meeting, forum = (a, b) if a.type == "meeting" else (b, a)
    if "host" in meeting.trigger.lower():
        return False  # "to co-host a Ministerial Conference on Migration": the forum hosted
    return meeting.at < forum.at or _occasion_before(text, forum)


def _occasion_before(text: str, forum: _Found) -> bool:
    return bool(_OCCASION.search(text, max(0, forum.at - _OCCASION_REACH), forum.at))


# A forum named as the occasion of what the sentence then reports.
_OCCASION = re.compile(
    r"\b(?:[Aa]head\s+of|[Ii]n\s+advance\s+of|[Oo]n\s+the\s+(?:margins|sidelines)\s+of|"
    r"[Ii]n\s+conjunction\s+with)\s+"
    r"(?:the\s+)?(?:[\w’'-]+\s+){0,6}$"
)
_OCCASION_REACH = 100


def _two_times(current: _Found, later: _Found) -> bool:
    """Is ``later``, told after ``current`` in one sentence, history of its own day (not
    "held the Dialogue on March 3, which included virtual consultations"), a meeting
    recalled in a call's sentence (a call is never one), or an earlier trip to the same
    place ("traveled to Kyiv ..., as the Secretary pledged to President Zelenskyy they
    would during his most recent visit to Kyiv")? Or two meetings to come on days of
    their own ("will meet next week to decide an agenda for the body's June summit")?"""
    if current.status == later.status == "planned" and current.date and later.date:
        first, second = sorted((current.date, later.date), key=len)
        return not second.startswith(first)
    if current.status != "main" or later.status != "background":
        return False
    if later.type == current.type == "visit" and not later.date:
        return True
    if "call" in (current.type, later.type) and "meeting" in (current.type, later.type):
        return True  # "spoke today with ... to follow up on their recent meeting in Warsaw"
    return bool(later.date) and later.date != current.date


def _whole_name(text: str, floor: int, ceiling: int, match: re.Match[str]) -> str | None:
    """The capitalised name a capitalised trigger is a word of, from its first word to its
    last ("Ministerial" and "Meeting" of "the U.S.-ASEAN Ministerial Meeting" both give
    it), or None for a name of the trigger alone."""
    before = _FORUM_NAME.search(text, max(floor, match.start() - 80), match.start())
    after = _NAME_AFTER_TRIGGER.match(text, match.end(), ceiling)
    start = before.start(1) if before else match.start()
    end = after.end() if after else match.end()
    words = text[start:end].split()
    if re.search(r"\b(?:in|at)\s+$", text[max(floor, start - 4) : start]) and "and" in words:
        # "in Bangladesh and Sri Lanka and Foreign Office Consultations": places, then it
        words = words[len(words) - words[::-1].index("and") :]
    while len(words) > 1 and (
        words[0].lower() in _NOT_NAME_START or _YEAR_WORD.fullmatch(words[0])
    ):
        words = words[1:]  # "At the Generation Equality Forum": a sentence's first words
    # "a “Global Food Security Call to Action” Ministerial": the name without its quotes
    words = [word.strip('“”"') for word in words if word.strip('“”"')]
    if words and words[-1].endswith((".", ",", ";", ":")):
        words[-1] = words[-1][:-1]  # "to attend the G20 Foreign Affairs Ministerial Meeting."
    return " ".join(words) if len(words) > 1 else None


def forum_key(name: str) -> str:
    """What tells two forums' names apart: their last two words ("the Fifth Session of
    the United Nations Environment Assembly" and "the UN Environment Assembly" are one)."""
    return " ".join(name.lower().split()[-2:])


def _forum_named_after(text: str, match: re.Match[str], ceiling: int) -> str | None:
    """The forum a meeting is of, named after it: "the June 28 meeting of the Foreign
    Ministers of the Global Coalition" (a name of two words or more, one of them a
    forum's)."""
    found = _FORUM_AFTER.match(text, match.end(), ceiling)
    if found is None:
        return None
    words = found.group(1).split()
    if len(words) < 2 or _FORUM_WORDS_IN_NAME.isdisjoint(word.lower() for word in words):
        return None
    return " ".join(words)


def _forum_name(text: str, floor: int, match: re.Match[str]) -> str | None:
    """The name of the forum the trigger word closes ("the Ukraine Contact Group meeting",
    "the “Global Food Security Call to Action” Ministerial"), of two or more words, or
    None."""
    found = _FORUM_NAME.search(text, max(floor, match.start() - 80), match.start())
    if found is None:
        return None
    words = found.group(1).split()
    if len(words) < 2:
        return None
    if _GENERIC_WORDS.issuperset(word.lower() for word in [*words, match.group()]):
        return None  # "Foreign Ministerial Meeting", "Ministerial Council Meeting": no name
    if match.group()[0].isupper():
        return " ".join([*words, match.group()])  # the trigger is part of the name
    if _FORUM_WORDS_IN_NAME.isdisjoint(word.lower() for word in words):
        return None
    return " ".join(words)


# Words of any meeting's description, none of a forum's name.
_GENERIC_WORDS = frozenset(
    """foreign ministerial ministers minister meeting meetings council senior officials
    high-level leaders leaders’ leaders' working session sessions annual regional informal
    plenary conference forum dialogue group joint extraordinary special virtual trade
    finance defense defence economic""".split()
)


def _held_in(context: _Context, match: re.Match[str], end: int) -> str | None:
    """The country a forum named just before is "in" ("... Ministerial in Colombia")."""
    where = _IN_AFTER.match(context.text, match.end(), end)
    return context.country_named_at(where.end()) if where is not None else None


_IN_AFTER = re.compile(r"\s+in\s+(?:the\s+)?")


# A forum a university, institute or foundation holds, named just before the trigger ("told a
# Georgetown University conference on financial markets"): no government's engagement
# (not "the Paris Club", creditor governments).
_CIVIL_HOST = re.compile(
    r"\b(?:University|Institute|Institution|College|Chamber\s+of\s+Commerce|"
    r"Foundation|Society|School)\s+(?:[a-z-]+\s+)?$"
)


# Speaking with someone where one goes: "visit the Panama Canal to speak with".
_ON_A_VISIT = re.compile(
    r"\b(?:visit|visits|visited|visiting|tour|tours|toured)\b[^.;]{0,60}\bto\s+$"
)
# A series' meeting named in the sentence: "for the Seventh U.S.-Thailand Strategic Dialogue".
_SERIES = re.compile(r"\b(?:Dialogue|[Cc]onsultations|[Tt]alks|[Mm]eeting\s+of|Group)\b")
# Met by video: "met virtually", "a virtual roundtable discussion with", "by videoconference".
_VIRTUAL = re.compile(
    r"\b(?:virtually|virtual|by\s+video(?:conference|\s+link|\s+call)?|videoconference)\b", re.I
)


def _by_what_means(text: str, kind: str, match: re.Match[str], start: int, end: int) -> str:
    """A call or a meeting, by how it was held: "spoke with ... during the U.S.-ASEAN
    Foreign Ministers’ Meeting" is taking part in the forum; "will also visit the Panama
    Canal to speak with ..." is in person; "met virtually", "participates in a virtual
    roundtable discussion with" is by video, a call (a dialogue's round stays one)."""
    if kind == "call" and _DURING_FORUM.search(text, match.end(), end):
        return "multi"
    if kind == "call" and _ON_A_VISIT.search(text, start, match.start()):
        return "meet"
    if (
        kind in ("meet", "consult")
        and match.group().lower() in ("met", "meet", "meets", "meeting", "discussion")
        and _VIRTUAL.search(text, max(start, match.start() - 30), min(end, match.end() + 15))
        and not _SERIES.search(text, start, end)
    ):
        return "call"  # (a dialogue's round held by video stays consultations, as labelled)
    return kind
