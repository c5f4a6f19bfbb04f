"""One article's engagements: the sentence scanner over every sentence, then the
article-wide passes (merging, delegations, dates)."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import replace

from search.extract.engagements.context import _Context, _Found
from search.extract.engagements.day_phrases import (
    _dates_a_statement,
    _dates_a_thing,
    _first_day,
    _news_days,
)
from search.extract.engagements.delegations import (
    _add_delegations,
    _headline_people,
    _who_took_part,
)
from search.extract.engagements.known import may_name_known
from search.extract.engagements.members import _discussed_by, _members_at_org_meeting
from search.extract.engagements.merging import (
    _attended_on_trip,
    _during_trip,
    _forum_of_the_trip,
    _held_during,
    _merge,
    _one_trip,
    _stops_of_a_trip,
    _stops_of_named_legs,
    _trip_dated_by_its_event,
)
from search.extract.engagements.passing import _not_in_passing
from search.extract.engagements.patterns import _FORUM_WORDS, LONG_TEXT, _stays
from search.extract.engagements.scanner import _Sentence
from search.extract.engagements.signings import signed_told_later
from search.extract.engagements.triggers import _WORDS
from search.extract.orgs import forum_members, member_of
from search.extract.sentences import sentence_at
from search.extract.topics import text_index
from search.extract.when import date_phrases
from search.model import EngagementRef, Mention, PersonRef, Span


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
    if not text or not sentences:
        return ()
    tokens = text_index(text).tokens
    if (
        _WORDS.isdisjoint(tokens)
        and (_FORUM_WORDS.isdisjoint(tokens) or not org_mentions)
        and not may_name_known(tokens)
        and not _stays(text.lower())
    ):
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
            context.told(current)
        # Only a sentence after an engagement can list its delegations: skip the search
        # (a pattern over the whole sentence) for the others.
        previous = current or (previous if previous and sentence.lists_delegation() else [])
    _leg_under_way(context, found)
    merged = _one_trip(context, _merge(context, found))
    _stops_of_named_legs(merged)
    _stop_days(context, merged)
    _trip_dated_by_its_event(merged)
    _forum_of_the_trip(merged)
    _stops_of_a_trip(context, merged)
    _who_took_part(context, merged)
    _members_at_org_meeting(context, merged)
    _discussed_by(context, merged)
    _held_during(merged)
    _attended_on_trip(context, merged)
    _during_trip(merged)
    merged = _met_separately(context, merged)
    signed_told_later(context, merged)
    _dated(context, merged)
    for told_later in (_day_told_later, _today_told_later, _departure_today):
        told_later(context, merged)
    _visit_told_here(context, merged)
    if title_end and _SCHEDULE.match(text, 0, title_end):
        _announced_by_schedule(context, merged, title_end)
    if len(sentences) > LONG_TEXT and context.publisher:
        merged = _not_in_passing(context, merged)
    _headline_people(context, merged, title_end)  # (after: what it adds is no evidence)
    return tuple(_ref(context, item, place) for item in merged)


def _leg_under_way(context: _Context, found: list[_Found]) -> None:
    """A tour's leg in the country a story is filed from, under way: "will this week visit
    Britain, France, West Germany, Switzerland and Italy", then "are today meeting British
    Chancellor of the Exchequer Nigel Lawson" in a story filed from London is the visit to
    Britain, today (and the meeting is held during it)."""
    if context.dateline is None or context.publisher or context.published is None:
        return
    today = context.published.isoformat()
    for visit in found:
        if (
            visit.type != "visit"
            or visit.status != "planned"
            or visit.host != context.dateline[1]
            or not today.startswith(visit.date or "-")
            or len(visit.date or "") == 10
        ):
            continue
        travellers = {side for side in visit.sides if side != visit.host}
        for meeting in found:
            if (
                meeting.type in ("meeting", "consultations")
                and meeting.status == "main"
                and meeting.date == today
                and visit.host in meeting.sides
                and set(meeting.sides) - {visit.host} <= travellers
            ):
                visit.status, visit.date = "main", today
                break


def _stop_days(context: _Context, found: list[_Found]) -> None:
    """A later stop of a trip dated as a whole takes the day a paragraph opening on it gives
    ("will travel to Australia, Fiji, and Hawaii February 7-13", then "In Fiji on February
    12, Secretary Blinken will meet with Pacific Island leaders"; "In Poland, July 20-23,
    Assistant Secretary Lewis will hold consultations"), though no engagement there is
    told with a country of its own."""
    if context.published is None:
        return
    for visit in found:
        if visit.type != "visit" or not visit.shared_date or not visit.later_stop:
            continue
        if not visit.place or visit.status != "planned":
            continue
        opening = re.compile(rf"(?:^|\n)In\s+{re.escape(visit.place)},?\s+(?:on\s+)?")
        there = opening.search(context.text)
        if there is None:
            continue
        days = date_phrases(context.text, there.end(), there.end() + 30, context.published)
        if days and days[0].start == there.end() and days[0].date and len(days[0].date) == 10:
            visit.date, visit.shared_date = days[0].date, False


def _dated(context: _Context, found: list[_Found]) -> None:
    """An undated engagement an article reports takes the date the story gives just before
    ("NATO allies today called on ... After an emergency meeting of NATO ambassadors"), or
    in a wire story filed under a dateline, the day of the story; an announced one, the
    day ahead the programme gave just before."""
    published = context.published
    if published is None:
        return
    for item in found:
        if (
            item.status == "main"
            and item.date == f"{published.year:04d}"
            and context.dateline is not None
            and not context.publisher
        ):
            # "at the ADB's annual meeting here, told Reuters the bank is likely to approve
            # three loans ... in 1987": the year says no more than the wire's dateline
            item.date = None
        if item.date and len(item.date) == 10 and item.status in ("main", "background"):
            # "during two days of emergency talks which ended in Washington on Friday": the
            # day the sentence gives is the last; the engagement is dated by its first.
            item.date = _first_day(context.text, item.at, item.date)
        if item.date or item.status not in ("main", "planned"):
            continue
        if item.status == "main" and _dated_by_this_meeting(context, found, item):
            continue
        start = context.sentences[max(0, item.sentence - 2)][0]
        end = context.sentences[item.sentence][0]
        phrases = date_phrases(context.text, start, end, published)
        earlier = [
            p
            for p in phrases
            if p.date
            and len(p.date) == 10
            and not _dates_a_statement(context.text, p.start, p.end)
            and not _dates_a_thing(context.text, p.start, p.end)
        ]
        if item.status == "planned":
            # "On May 19, Secretary Blinken will chair ... Following this debate, he will
            # meet with UN Secretary-General Guterres": the day the programme gave.
            # Not "today" of an earlier sentence, the day of what it reports ("warmly
            # congratulated Yair Lapid today ... looked forward to welcoming the Minister
            # to Washington soon").
            today = published.isoformat()
            ahead = [
                p for p in earlier if (p.date or "") > today or _announced_today(context, p.start)
            ]
            if ahead:
                item.date = ahead[-1].date
            elif item.title:
                # "Special Envoy Lipstadt Travel to Saudi Arabia, Israel, and the United
                # Arab Emirates", then "On June 26, 2022, ... will depart for her first
                # international trip": the day ahead the announcement's opening gives.
                item.date = _lead_day(context, published, ahead=True)
        elif (
            item.type == "visit"
            and context.dateline is not None
            and not context.publisher
            and item.host == context.dateline[1]
        ):
            # "LONDON - ... suspended payments on February 20. Funaro was in Britain on the
            # first leg of a tour": the trip under way where the story is filed.
            item.date = published.isoformat()
        elif recent := [p for p in earlier if p.date and _news_days(p.date, published)]:
            # "... tariffs set to go into effect on April 17. Kuroda flew in for the
            # talks": the day of what a story reports is a day of its news, not of a
            # deadline ahead or a year before.
            item.date = recent[-1].date
        elif context.dateline is not None and not context.publisher:
            item.date = published.isoformat()
        elif item.status == "main" and _said_under_way(context, item):
            item.date = published.isoformat()
        elif item.title and item.status == "main":
            # "Secretary Blinken's Call with Israeli ... Lapid", then "Secretary of State
            # Antony J. Blinken warmly congratulated Yair Lapid today": the day the
            # readout's opening gives.
            item.date = _lead_day(context, published)
        if item.date and item.status == "main" and len(item.date) == 10:
            item.date = _first_day(context.text, item.at, item.date)


def _dated_by_this_meeting(context: _Context, found: list[_Found], item: _Found) -> bool:
    """ "Prior to this meeting, Secretary Blinken met with his E3 counterparts": the day
    and place of the dated meeting reported before, which its sentence places it by
    ("Following the meeting"), and the counterparts met there that take part ("his E3
    counterparts": France's, Germany's and the UK's); False when there is none."""
    start = context.sentences[item.sentence][0]
    if not _THIS_MEETING.search(context.text, start, item.at):
        return False
    earlier = [
        other
        for other in found
        if other.sentence < item.sentence
        and other.status == "main"
        and other.date
        and len(other.date) == 10
    ]
    if not earlier:
        return False
    before = max(earlier, key=lambda other: other.sentence)
    item.date, item.place = before.date, item.place or before.place
    members = _members(context, [side[4:] for side in item.sides if side.startswith("org:")])
    for name, side in before.people.items():
        if side in item.sides or side in members:
            item.people.setdefault(name, side)
            item.sides = list(dict.fromkeys([*item.sides, side]))
    return True


def _announced_today(context: _Context, position: int) -> bool:
    """Is the date phrase at ``position`` (today) the time of what its sentence announces,
    at a time of day ("will deliver remarks and participate in a conversation ... at 4:30
    p.m. today")?"""
    start = context.sentences[sentence_at(context.sentences, position)][0]
    return (
        _CLOCK.search(context.text, max(start, position - 25), position) is not None
        and _WILL.search(context.text, start, position) is not None
    )


def _said_under_way(context: _Context, item: _Found) -> bool:
    """Is ``item`` (main, undated) told in remarks as under way as they are made: "It's
    wonderful to be back in Morocco" in "Remarks at a Press Availability with Moroccan
    Foreign Minister Bourita", or, in a transcript with its place line, "we're still
    having what is truly a historic summit"?"""
    if item.type == "visit" and _REMARKS.match(context.text):
        return True
    return bool(
        context.turns
        and _UNDER_WAY.search(context.text, *context.sentences[item.sentence])
        and context.setting_line(0)
    )


# A traveller's departure for a place: "Rha leaves today for Ottawa", "Okongwu left Paris
# today for London".
_DEPARTS = frozenset({"leaves", "leave", "left", "leaving", "departs", "departed", "departing"})


def _departure_today(context: _Context, found: list[_Found]) -> None:
    """A trip that sets off on the story's day is still ahead of the visit it makes: "Rha
    leaves today for Ottawa for trade talks" (the talks are not yet held)."""
    if context.published is None:
        return  # (no day of its own: an undated departure stays as told)
    today = context.published.isoformat()
    for item in found:
        if (
            item.type == "visit"
            and item.status == "main"
            and item.trigger.lower() in _DEPARTS
            and item.date == today
        ):
            item.status = "planned"


def _visit_told_here(context: _Context, found: list[_Found]) -> None:
    """Remarks "Before Their Meeting" held at home ("Washington, D.C."), whose speakers
    call it "this visit" ("this is an especially timely visit", "We have a broad agenda
    during this visit"), or a readout's one meeting abroad for which the official "thanked
    the Prime Minister for the opportunity to visit": the guest's visit to the place's
    country."""
    if not text_index(context.text).may_match("visit") or _THIS_VISIT.search(context.text) is None:
        return
    placed = [
        i
        for i in found
        if i.type == "meeting" and i.status == "main" and (i.place or _HOSTED.match(i.trigger))
    ]
    for item in placed:
        if not item.title and len(placed) > 1:
            continue  # which of the meetings the visit is, the text does not say
        if item.place:
            host = context.place_country(item.place.split(",")[0].strip())
        else:
            # "Counselor Chollet ... hosted a high-level delegation from Bulgaria
            # yesterday", then "This visit underscores": the government whose text it is.
            host = context.publisher
        if host in item.sides and len(item.sides) == 2:
            item.type, item.host = "visit", host


_HOSTED = re.compile(r"host(?:s|ed|ing)?$", re.I)
# A transcript's headline: "Remarks at a Press Availability with ...", "Secretary
# Blinken's Remarks With ...".
_REMARKS = re.compile(r"\s*(?:[^\n]{0,80}\s)?Remarks\b", re.I)
# Said to be under way as the speaker speaks: "we’re still having what is truly a historic
# summit" (not "where President Biden met with", told in a transcript of another day's).
_UNDER_WAY = re.compile(
    r"\b(?:we|they)(?:’re|'re|\s+are)\s+(?:still\s+|now\s+)?(?:having|holding|hosting|attending)\b",
    re.I,
)
# A visit told as the one under way, no destination: "this visit", "your visit".
_THIS_VISIT = re.compile(
    r"\b(?:this|your|the\s+opportunity\s+to)\s+(?:is\s+(?:an?\s+)?)?(?:[\w-]+\s+){0,2}?"
    r"visit\b(?!\s+to\b)",
    re.I,
)
# "Public Schedule – May 15, 2022": a government's programme of the day, published before.
_SCHEDULE = re.compile(r"\s*(?:Daily\s+)?Public\s+Schedule\b", re.I)
_WILL = re.compile(r"\bwill\b")
# What places an engagement by the meeting told before: "Prior to this meeting".
_THIS_MEETING = re.compile(
    r"\b(?:prior\s+to|before|after|following)\s+(?:this|that|the|their)\s+(?:meeting|talks)\b",
    re.I,
)
# Its entries open on the hour: "8:00 a.m. LOCAL Secretary Blinken participates in ...".
_CLOCK = re.compile(r"\b\d{1,2}:\d\d\s*[ap]\.?m\b", re.I)


def _announced_by_schedule(context: _Context, found: list[_Found], title_end: int) -> None:
    """A daily public schedule announces the day's engagements ("8:00 a.m. LOCAL Secretary
    Blinken participates in a working breakfast with ..."): to come when it is published,
    on the day its title gives ("Public Schedule – July 23, 2021", published the evening
    before). A trip under way ("is on travel to Germany, France, and the UAE") is not, but a
    later stop the day's schedule goes to ("... working dinner in Paris, France") is, that
    day."""
    today = context.published.isoformat() if context.published else None
    day = _schedule_day(context, title_end) or today
    for item in found:
        start, end = context.sentences[item.sentence]
        timed = _CLOCK.search(context.text, start, min(end, start + 40)) is not None
        if item.type != "visit" and item.status == "main" and (timed or item.date in (None, today)):
            item.status, item.date = "planned", day
        elif item.status == "planned" and item.date == today and timed:
            item.date = day
    for visit in found:
        if visit.type == "visit" and visit.later_stop and visit.shared_date:
            there = [i for i in found if i.type != "visit" and i.place_country == visit.host]
            if there and there[0].status == "planned":
                visit.status, visit.date, visit.shared_date = "planned", there[0].date, False


def _schedule_day(context: _Context, title_end: int) -> str | None:
    """The day a schedule's title gives, if it is the day of publication or one of the two
    after it (a schedule is published the day before at the latest)."""
    published = context.published
    if published is None:
        return None
    for phrase in date_phrases(context.text, 0, title_end, published, future=True):
        if phrase.date and len(phrase.date) == 10:
            ahead = (dt.date.fromisoformat(phrase.date) - published).days
            return phrase.date if 0 <= ahead <= 2 else None
    return None


def _lead_day(context: _Context, published: dt.date, *, ahead: bool = False) -> str | None:
    """The day of the news the body's first two sentences give, if one (with ``ahead``,
    the first day after the publication they give)."""
    start = context.sentences[min(1, len(context.sentences) - 1)][0]
    end = context.sentences[min(3, len(context.sentences) - 1)][1]
    for phrase in date_phrases(context.text, start, end, published, future=ahead):
        if (
            phrase.date
            and len(phrase.date) == 10
            and (
                phrase.date > published.isoformat() if ahead else _news_days(phrase.date, published)
            )
            and not _dates_a_statement(context.text, phrase.start, phrase.end)
            and not _dates_a_thing(context.text, phrase.start, phrase.end)
        ):
            return phrase.date
    return None


def _day_told_later(context: _Context, found: list[_Found]) -> None:
    """ "Nakasone will visit Washington next month ... News of the week-long visit starting
    April 29": an announced trip dated to a month takes the day the story gives it later,
    in that month."""
    published = context.published
    planned = [
        i for i in found if i.status == "planned" and i.date and (len(i.date) == 7 or i.week)
    ]
    if published is None or not planned:
        return
    text = context.text
    for told in _TOLD_STARTING.finditer(text):
        kinds = ("visit",) if told.group(1).lower() in ("visit", "trip") else _NOT_VISITS
        phrases = date_phrases(text, told.end(), min(len(text), told.end() + 30), published,
                               future=True)  # fmt: skip
        day = phrases[0].date if phrases and phrases[0].start == told.end() else None
        if not day or len(day) != 10:
            continue
        for item in planned:
            if item.type in kinds and _same_time(day, item) and item.at < told.start():
                item.date = day
                break


def _met_separately(context: _Context, found: list[_Found]) -> list[_Found]:
    """ "Sherman met separately with Minister of Unification Kwon Young-se and Vice
    Minister of Unification Kim Ki-woong": one meeting with each of those met."""
    if not text_index(context.text).may_match("separately"):
        return found
    result: list[_Found] = []
    for item in found:
        met = [name for name, side in item.people.items() if side != item.sides[0]]
        if (
            item.type in ("meeting", "call")
            and len(item.sides) == 2
            and len(met) >= 2
            and _SEPARATELY.search(context.text, *context.sentences[item.sentence])
        ):
            own = {name: side for name, side in item.people.items() if name not in met}
            result.extend(replace(item, people={**own, name: item.people[name]}) for name in met)
        else:
            result.append(item)
    return result


_SEPARATELY = re.compile(r"\b(?:met|meets|meet|spoke|speaks|talked)\s+separately\s+with\b")


def _today_told_later(context: _Context, found: list[_Found]) -> None:
    """ "Sherman led a U.S. interagency delegation ... to participate in the U.S.-Russia
    Strategic Stability Dialogue. ... Today's meeting in Geneva was the beginning of this
    dialogue": an undated meeting the article reports is the one of the day it calls
    "today's", held where that sentence says."""
    published = context.published
    if published is None or not text_index(context.text).may_match("today"):
        return
    for told in _TODAYS_MEETING.finditer(context.text):
        undated = [
            item
            for item in found
            if item.status == "main"
            and item.date is None
            and item.type in _NOT_VISITS
            and item.at < told.start()
        ]
        if undated:
            item = undated[-1]
            item.date = published.isoformat()
            if item.place is None and told.group(1):
                item.place = told.group(1)


# "Today's meeting in Geneva", "today's talks": the meeting of the day the story is told.
_TODAYS_MEETING = re.compile(
    r"\b[Tt]oday[’']s\s+(?:[\w-]+\s+){0,2}?(?:meeting|talks|discussions?|session|dialogue|"
    r"consultations)\b(?:\s+in\s+([A-Z][\w-]+(?:\s[A-Z][\w-]+)?))?"
)


# A later mention of an engagement with the day it starts: "the week-long visit starting
# April 29".
def _same_time(day: str, item: _Found) -> bool:
    """Is ``day`` in the month ``item`` is dated by, or (dated "next week") near it?"""
    if not item.week:
        return day.startswith(item.date or "")
    delta = dt.date.fromisoformat(day) - dt.date.fromisoformat(item.date or day)
    return abs(delta.days) <= 7


# "the week-long visit starting April 29", "his trip, which starts tomorrow".
_TOLD_STARTING = re.compile(
    r"\b(?:[Tt]he|[Hh]is|[Hh]er|[Tt]heir)\s+(?:[\w-]+\s+){0,2}?(visit|trip|talks|meeting|summit)"
    r"(?:,\s+which)?\s+(?:starting|beginning|opening|starts|begins|opens)\s+(?:on\s+)?"
)
_NOT_VISITS = ("meeting", "consultations", "multilateral")


def _ref(context: _Context, item: _Found, dateline: str | None) -> EngagementRef:
    countries = tuple(s for s in item.sides if not s.startswith("org:"))
    orgs = tuple(s[4:] for s in item.sides if s.startswith("org:"))
    # "Wednesday's meeting of the Group of Seven": each member takes part.
    countries = tuple(dict.fromkeys((*countries, *_members(context, orgs))))
    year = context.published.year if context.published else 9999
    if (
        item.type == "multilateral"
        and context.publisher
        and context.publisher not in countries
        and not item.people
        and any(member_of(o, context.publisher, year) for o in orgs)
    ):
        # "the 49th Session of the UN Human Rights Council", "COP27", "the NATO summit in
        # Madrid next week" in a government's own text naming no one there: its delegation
        # takes part, as a member's may.
        countries = (*countries, context.publisher)
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
        # A forum's whole name is the words that report it ("the ASEAN Regional Forum").
        trigger=item.forum if item.type == "multilateral" and item.forum else item.trigger,
        date=item.date,
        place=place,
    )


def _members(context: _Context, orgs: Sequence[str]) -> list[str]:
    """The member countries of the fixed forums among ``orgs`` (keys), as of the story."""
    return [context.era(code) for org in orgs for code in forum_members(org)]
