"""Meetings known by a short name: "the Venice summit", "February's Louvre Accord",
"the range agreed on in Paris in late February", "well before COP27".

News names such a meeting without saying who met, when or where; a reader knows, and
``data/meetings.yaml`` holds what the reader knows: each edition of a series (the G7's
yearly summit, the G5 and G6 currency accords, the UN climate conferences) with its
dates, its city and the organisation whose members meet.  A mention is read against the
publication date: the edition it names is the one of that place nearest in time (or of
the year written with it), and the engagement is history, news or still to come as that
edition's days fall before, around or after the day of publication.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence

from search.dates import MONTHS
from search.extract.engagements.context import _Context, _Found
from search.extract.engagements.meeting_list import (
    Edition,
    MeetingList,
    editions,
    may_name_known,
    meeting_list,
    named_by_month,
    names_ministerial,
)
from search.extract.orgs import forum_members

__all__ = ["Edition", "KnownMeetings", "editions", "may_name_known", "with_known_meetings"]

# An accord's place names it for a few years ("the Paris accord" of a 1987 story is the
# Louvre's; of a 2016 story it is the climate agreement, no meeting of the G6).
_PLACE_NAMES_ACCORD_DAYS = 3 * 366
# "the September 1985 Group of Five pact": its month and year name it for longer.
_YEAR_NAMES_ACCORD_DAYS = 10 * 366
# "committed themselves in Paris last month": an agreement reached there shortly before.
_REACHED_THERE_DAYS = 120
# A summit's place names the one nearest in time, within two years of the story.
# Days around a summit within which its place alone names it, without the words that say
# whose summit it is.
_SURE_DAYS = 10
_SUMMIT_DAYS = 2 * 366


# "targets set at COP26", "commitments made at COP26": what came of it, no one meeting
# there in what the sentence tells.
_OUTCOME_AT = re.compile(r"\b(?:set|made|agreed|adopted|reached|taken)\s+at\s+$")
# The year written beside a meeting's name: "the 2001 Summit ...", "... Americas in 2001".
# An office for a meeting, before its name: the name is a title's, no meeting told.
_OFFICE_FOR = re.compile(
    r"\b(?:Advis[eo]r|Coordinator|Envoy|Representative|Secretariat|Director|Sherpa)\s+"
    r"(?:for|of|to)\s+(?:the\s+)?$"
)
# Taking part in a meeting, after "will" (beside "attend" and "host").
_TAKE_PART = r"join|participate\s+in|take\s+part\s+in"
# Words that tell of a named meeting still to come, before its name ("the upcoming Summit
# of the Americas", "ahead of", "to attend", "the second Summit for Democracy") or after it
# ("the Our Ocean Conference, which will be co-hosted by Palau").
_AHEAD_BEFORE = re.compile(
    r"\b(?:upcoming|forthcoming|next|coming|second|third|ahead\s+of|lead-up\s+to|"
    r"run-up\s+to|preparations?\s+for|preparing\s+for|to\s+attend|will\s+(?:\w+\s+){0,2}"
    rf"(?:attend|host|co-host|{_TAKE_PART}))\s+"
    r"(?:the\s+)?(?:[\w’'-]+\s+){0,2}$",
    re.I,
)
# Going to a meeting still to come, in its own days: "Secretary Blinken will travel to New
# York for the Nuclear Non-Proliferation Review Conference" (published on its first day),
# "Later today the two of us will head south for the historic Negev Summit".
_GOING_BEFORE = re.compile(
    rf"\bwill\s+(?:\w+\s+){{0,2}}(?:attend|{_TAKE_PART}|"
    r"(?:travel|head|go|fly)\s+(?:to\s+(?:[A-Z][\w.’'-]*\s+){1,3}|(?:south|north|east|west)\s+)"
    r"for)\s+(?:the\s+)?(?:[\w’'-]+\s+){0,2}$"
)
_AHEAD_AFTER = re.compile(
    r"\s*,?\s*(?:which|that)\s+(?:\w+\s+){0,2}will\b|\s+(?:next|later\s+this)\s+"
    r"(?:week|month|year)\b",
    re.I,
)
# A yearly meeting named without its year, in a story of the year after it, is that one.
_RECENT_DAYS = 366
# Words that tell a meeting just over as history.
_RECENTLY = re.compile(r"\b(?:recently|recent|concluded|previous|last\s+week[’']?s?)\b", re.I)
# What a body's name names after it, not its meeting: "General Assembly resolutions".
_BODY_AFTER = re.compile(
    r"\s*(?:resolutions?|Special\b|[Cc]ommittees?|President\b|[Pp]residency|vote|voted|"
    r"votes|voting|members?\b|[Hh]all)"
)
# "the overwhelming vote at the United Nations General Assembly": the body's act.
_VOTE_BEFORE = re.compile(r"\b(?:vote[sd]?|voting|resolutions?)\s+(?:at|in|of|by)\s+(?:the\s+)?$")
# A trip to a meeting named: "will continue her travels to the Our Ocean Conference".
_TRIP_TO = re.compile(
    r"\b(?:travel(?:s|ed|led|ing|ling)?|trip|journey|head(?:s|ed|ing)?)\s+to\s+"
    r"(?:attend\s+|participate\s+in\s+)?(?:the\s+)?$",
    re.I,
)
# A sentence whose subject is those of the engagement told before.
_THEY_OPEN = re.compile(r"\s*(?:They|Both|The\s+two)\s")
# A programme named after a meeting: the year that follows it, no meeting told.
# A capitalised word right before a meeting's name that makes it another's name (not an
# edition's number or kind): "the first Cities Summit of the Americas", not "the Ninth
# Summit of the Americas", "the Second Summit for Democracy".
_LONGER_NAME = re.compile(
    r"(?<![\w’'-])(?!(?:First|Second|Third|Fourth|Fifth|Sixth|Seventh|Eighth|Ninth|Tenth|"
    r"Eleventh|Twelfth|Next|Last|Special|Virtual|Upcoming|Annual|Extraordinary|The|A|At|In|"
    r"For|On|To|And|Of|By|During|Since|After|Before|From|With|This|That|January|February|"
    r"March|April|May|June|July|August|September|October|November|December)\b)[A-Z][a-z]+\s+$"
)
_PROGRAMME_AFTER = re.compile(r"\s*(?:[–—-]\s*)?[“\"']?Year\s+of\s+Action\b")
_YEAR_BEFORE = re.compile(r"\b((?:19|20)\d\d)\s+$")
_YEAR_AFTER = re.compile(r"\s+(?:in|of)\s+((?:19|20)\d\d)\b")
# A numbered conference taken part in: "announced ... at COP26", "well before COP27".
_AT_CONFERENCE = re.compile(
    r"\b(?:at|during|to|attend|attending|before|ahead\s+of|until|after|since|for)\s+"
    r"(?:the\s+)?$",
    re.I,
)


def _members(edition: Edition) -> tuple[str, ...]:
    """The countries whose organisation holds the edition (none without one)."""
    return forum_members(edition.org) if edition.org else ()


def _within_days(
    edition: Edition, published: dt.date | None, *, after_end: int = _SURE_DAYS
) -> bool:
    """Is the story told within days of the edition, from ``_SURE_DAYS`` before it opens to
    ``after_end`` days after it ends ("next week's Venice summit" a week before the G7's,
    when no other summit of that place can be meant)?"""
    if published is None:
        return False
    return (
        -_SURE_DAYS
        <= (published - edition.date).days
        <= after_end + (edition.end - edition.date).days
    )


def _nearest(candidates: list[Edition], published: dt.date | None) -> Edition | None:
    if not candidates:
        return None
    if published is None:
        return candidates[-1] if len(candidates) == 1 else None
    return min(candidates, key=lambda e: abs((e.date - published).days))


def _edition_meant(
    named: list[Edition], published: dt.date | None, *, ahead: bool
) -> Edition | None:
    """The edition a meeting's own name means, without a year written: the next one when
    the text tells of one to come; else the last one held (or opening within days) in the
    year before the story ("President Biden's Global COVID-19 Summit" in February 2022 is
    September 2021's, though May 2022's is nearer); else the one nearest the story."""
    if published is None or len(named) < 2:
        return _nearest(named, published)
    if ahead:
        coming = [e for e in named if e.end >= published]
        if coming:
            return min(coming, key=lambda e: e.date)
    held = [e for e in named if -_SURE_DAYS <= (published - e.date).days <= _RECENT_DAYS]
    if held:
        return max(held, key=lambda e: e.date)
    return _nearest(named, published)


def _on_days(day: str | None, edition: Edition) -> bool:
    """Is ``day`` (ISO, or less precise) one of the edition's days?"""
    if day is None or len(day) != 10:
        return False
    return edition.date <= dt.date.fromisoformat(day) <= edition.end


def _days_before(edition: Edition, published: dt.date | None) -> int:
    """Days from the edition's first day to the publication (-1 without a publication
    date: then no accord is named by its place)."""
    return -1 if published is None else (published - edition.date).days


class KnownMeetings:
    """The known meetings one sentence names."""

    def __init__(self, context: _Context, index: int, start: int, end: int) -> None:
        self.c = context
        self.index = index
        self.start = start
        self.end = end

    def find(self, words: set[str]) -> list[tuple[int, int, Edition]]:
        """``(start, end, edition)`` of each mention, in the order written; one edition
        once.  ``words``: the sentence's lower-case words."""
        known = meeting_list()
        published = self.c.published
        found: list[tuple[int, int, Edition]] = []
        for match, edition in (
            *(self._summits(known, published) if "summit" in words else ()),
            *self._accords(known, published, words),
            *(self._numbered(known) if not known.acronym_words.isdisjoint(words) else ()),
            *(self._ministerials(known, published) if names_ministerial(words) else ()),
        ):
            # (one meeting once: the NATO summit of 24 March 2022 by its place, and as
            # "the Extraordinary NATO Summit")
            if edition is not None and all(
                (edition.date, edition.place) != (e.date, e.place) for _, _, e in found
            ):
                found.append((match.start(), match.end(), edition))
        found.sort(key=lambda item: item[0])
        return found

    def _scan(self, pattern: re.Pattern[str] | None) -> list[re.Match[str]]:
        return [] if pattern is None else list(pattern.finditer(self.c.text, self.start, self.end))

    def _summits(
        self, known: MeetingList, published: dt.date | None
    ) -> list[tuple[re.Match[str], Edition | None]]:
        out: list[tuple[re.Match[str], Edition | None]] = []
        for match in self._scan(known.summit):
            place = match.group("place") or match.group("there")
            year = match.group("year")
            candidates = [
                e
                for e in known.editions
                if e.kind == "summit"
                and e.place == place
                and (year is None or e.date.year == int(year))
                and (year is not None or published is None or self._near(e, published))
                and (
                    self._in_context(e, known)
                    or (_within_days(e, published) and self._only_members(e, people=True))
                )
            ]
            out.append((match, _nearest(candidates, published)))
        return out

    def _ministerials(
        self, known: MeetingList, published: dt.date | None
    ) -> list[tuple[re.Match[str], Edition | None]]:
        """A ministers' meeting named by its place, "talks" or "meetings" there ("ahead of
        tomorrow's crucial monetary talks in Washington"): only in the days around it,
        and with its series' words in the sentence (talks in Washington are many)."""
        if published is None:
            return []
        sentence = self.c.text[self.start : self.end]
        # (not "the G-5 meeting in Washington", another group's the day before)
        groups = {key for _s, _e, key in self.c.orgs_in(self.start, self.end)}
        out: list[tuple[re.Match[str], Edition | None]] = []
        for match in self._scan(known.ministerial):
            place = match.group("place") or match.group("there")
            meant = [
                e
                for e in known.editions
                if e.kind == "ministerial"
                and e.place == place
                and abs((e.date - published).days) <= _SURE_DAYS
                and any(word in sentence for word in known.contexts.get(e.series, ()))
                and groups <= {e.org}
            ]
            out.append((match, _nearest(meant, published)))
        return out

    @staticmethod
    def _near(edition: Edition, published: dt.date) -> bool:
        return abs((edition.date - published).days) <= _SUMMIT_DAYS

    def _in_context(self, edition: Edition, known: MeetingList, *, sentence: bool = False) -> bool:
        """Does the article (with ``sentence``, the sentence itself) say whose meeting a
        place's meeting is ("economic summit", "the Paris meeting of the Group of Six
        industrial nations", the G7 by name)?"""
        start, end = (self.start, self.end) if sentence else (0, len(self.c.text))
        if any(key == edition.org for _, _, key in self.c.orgs_in(start, end)):
            return True
        text = self.c.text[start:end] if sentence else self.c.text
        return any(word in text for word in known.contexts.get(edition.series, ()))

    def _not_the_meeting(self, match: re.Match[str], named: list[Edition]) -> bool:
        """Do the words around a meeting's name make it no report of the meeting?"""
        text = self.c.text
        return bool(
            # "Special Advisor for the Summit of the Americas Christopher Dodd"
            _OFFICE_FOR.search(text, max(self.start, match.start() - 40), match.start())
            # "Throughout the Summit for Democracy “Year of Action,” ..."
            or _PROGRAMME_AFTER.match(text, match.end(), self.end)
            # "the first Cities Summit of the Americas next year in Denver"
            or (
                named
                and named[0].kind == "named"
                and _LONGER_NAME.search(text, max(self.start, match.start() - 20), match.start())
            )
        )

    def _accords(
        self, known: MeetingList, published: dt.date | None, words: set[str]
    ) -> list[tuple[re.Match[str], Edition | None]]:
        out: list[tuple[re.Match[str], Edition | None]] = []
        if (
            known.name_words.isdisjoint(words)
            and known.place_words.isdisjoint(words)
            and not named_by_month(words)
        ):
            return out
        accords = [e for e in known.editions if e.kind == "accord"]
        for match in self._scan(known.accord_name):
            named = [e for e in known.editions if match.group() in e.names]
            if self._not_the_meeting(match, named):
                continue
            text = self.c.text
            if named and named[0].attended:
                if not self._attended(match):
                    continue
                # A body that sits all year (the General Assembly's emergency session of
                # March 2022) names its yearly meeting only in the days around it (to a
                # week after it ends).
                named = [e for e in named if _within_days(e, published, after_end=7)]
            written = _YEAR_BEFORE.search(text, max(self.start, match.start() - 8), match.start())
            written = written or _YEAR_AFTER.match(text, match.end(), self.end)
            if written is not None:
                # "a Summit of the Americas in 2001", "the 2001 Summit of the Americas"
                named = [e for e in named if e.date.year == int(written.group(1))]
            ahead = _AHEAD_BEFORE.search(text, max(self.start, match.start() - 60), match.start())
            ahead = ahead or _AHEAD_AFTER.match(text, match.end(), self.end)
            out.append((match, _edition_meant(named, published, ahead=ahead is not None)))
        for match in self._scan(known.accord_place):
            there = [
                e
                for e in accords
                if e.place == match.group("place")
                and 0 <= _days_before(e, published) <= _PLACE_NAMES_ACCORD_DAYS
            ]
            out.append((match, _nearest(there, published)))
        for match in self._scan(known.reached_at):
            place = match.group("place") or match.group("before") or match.group("meeting")
            reached = [
                e
                for e in accords
                if e.place == place
                and 0 < _days_before(e, published) <= _REACHED_THERE_DAYS
                and self._only_members(e)
                # ("the Paris meeting": of a Paris Club, an OECD ministerial, or of these)
                and (match.group("meeting") is None or self._in_context(e, known, sentence=True))
            ]
            out.append((match, _nearest(reached, published)))
        for match in self._scan(known.dated_at):
            month, day = MONTHS.get(match.group("month").lower()), int(match.group("day"))
            on_the_day = [
                e
                for e in accords
                if e.place == match.group("place")
                and (e.date.month, e.date.day) == (month, day)
                and 0 < _days_before(e, published) <= _PLACE_NAMES_ACCORD_DAYS
                and self._only_members(e)
            ]
            out.append((match, _nearest(on_the_day, published)))
        out.extend(self._by_month(known, published, accords))
        return out

    def _by_month(
        self, known: MeetingList, published: dt.date | None, accords: list[Edition]
    ) -> list[tuple[re.Match[str], Edition | None]]:
        """Accords named by their month: "February's agreement between leading western
        industrialised nations", "the September 1985 Group of Five pact", "an agreement
        last month among major industrial nations"."""
        out: list[tuple[re.Match[str], Edition | None]] = []
        for match in self._scan(known.month_accord):
            last = match.group("last") is not None
            if last and published is None:
                continue
            month = (
                (published.month - 2) % 12 + 1
                if last and published is not None
                else MONTHS.get((match.group("month") or match.group("month2")).lower())
            )
            year = int(match.group("year")) if match.group("year") else None
            that_month = [
                e
                for e in accords
                if e.date.month == month
                and (e.date.year == year if year else True)
                and 0
                < _days_before(e, published)
                <= (_YEAR_NAMES_ACCORD_DAYS if year else _REACHED_THERE_DAYS)
                and self._in_context(e, known)
                and self._only_members(e)
                # ("an agreement last month" with a company: the sentence says whose)
                and (not last or self._in_context(e, known, sentence=True))
            ]
            out.append((match, _nearest(that_month, published)))
        return out

    def _attended(self, match: re.Match[str]) -> bool:
        """Is a body's name that of its meeting here: "at the United Nations General
        Assembly later this week", not "support for United Nations General Assembly
        resolutions"?"""
        text = self.c.text
        before = text[max(self.start, match.start() - 30) : match.start()]
        return (
            bool(_AT_CONFERENCE.search(before))
            and not _VOTE_BEFORE.search(before)
            and not _BODY_AFTER.match(text, match.end(), self.end)
        )

    def _only_members(self, edition: Edition, *, people: bool = False) -> bool:
        """Are the countries the sentence names all members ("Japan and other
        industrialized nations committed themselves in Paris"), not others who met there
        ("Chad and France agreed in Paris")? With ``people``, the countries of the people
        it names too ("Nakasone and Hu Yaobang held a summit in Tokyo": China's is no G7
        summit)."""
        members = {self.c.era(code) for code in (*_members(edition), *edition.also)}
        named = {self.c.era(code) for _, _, code, _ in self.c.countries_in(self.start, self.end)}
        if people:
            named |= {
                self.c.era(side)
                for _s, _e, _person, side in self.c.people_in(self.start, self.end)
                if side is not None and len(side) == 3
            }
        return named <= members

    def _numbered(self, known: MeetingList) -> list[tuple[re.Match[str], Edition | None]]:
        out: list[tuple[re.Match[str], Edition | None]] = []
        for match in self._scan(known.numbered):
            before = self.c.text[max(self.start, match.start() - 30) : match.start()]
            if not _AT_CONFERENCE.search(before) or _OUTCOME_AT.search(before):
                continue
            number = int(match.group("number"))
            same = [
                e
                for e in known.editions
                if e.acronym == match.group("acronym") and e.number == number
            ]
            out.append((match, same[0] if len(same) == 1 else None))
        return out

    def engagements(
        self, words: set[str], told: Sequence[_Found] = ()
    ) -> list[tuple[int, int, _Found]]:
        """Each known meeting named, as an engagement with the span that names it;
        ``told``: what the sentence's words were read as alone (a day they give)."""
        published = self.c.published
        out: list[tuple[int, int, _Found]] = []
        for start, end, edition in self.find(words):
            if published is None:
                # Undated text: an accord is told of once made; a summit named with its
                # year (the one way to name it here), as the text's own news.
                status = "background" if edition.kind == "accord" else "main"
            elif published < edition.date:
                status = "planned"
            elif published > edition.end + dt.timedelta(days=1) or (
                published > edition.end
                and _RECENTLY.search(self.c.text, max(self.start, start - 40), start)
            ):
                # (the day after, still news; but not "the recently concluded Negev Summit")
                status = "background"
            elif self._still_to_go(start, end):
                status = "planned"  # its opening day: "will travel to New York for" it
            else:
                status = "main"
            # "met yesterday ... on the sidelines of the U.S.-ASEAN Special Summit": the
            # summit's day the sentence tells of, if it tells of one of its days.
            day = next((d for d in (f.date for f in told) if _on_days(d, edition)), None)
            out.append((start, end, self._found(edition, status, start, day)))
            if (trip := self._trip_to(edition, status, start, day)) is not None:
                out.append((start, end, trip))
        return out

    def _still_to_go(self, start: int, end: int) -> bool:
        """Does the sentence tell of the meeting named at ``start:end`` as still to come, in
        the days it is held: going to it ("Secretary Blinken will travel to New York for
        the ... Review Conference", published on its opening day), or what it "will" do
        ("the Negev Summit, which will include foreign ministers")?"""
        text = self.c.text
        return (
            _GOING_BEFORE.search(text, max(self.start, start - 80), start) is not None
            or _AHEAD_AFTER.match(text, end, self.end) is not None
        )

    def _trip_to(self, edition: Edition, status: str, at: int, day: str | None) -> _Found | None:
        """ "Assistant Secretary Medina will continue her travels to the Our Ocean
        Conference, which the United States will co-host with Palau": a trip to where the
        meeting is held, by those named before it from other countries."""
        if not _TRIP_TO.search(self.c.text, max(self.start, at - 50), at):
            return None
        host = self.c.era(edition.country)
        travellers = {
            ref.name: side
            for _s, _e, ref, side in self.c.people_in(self.start, at)
            if side is not None and len(side) == 3 and side != host
        }
        if not travellers:
            return None
        return _Found(
            type="visit",
            status=status,
            sides=[*dict.fromkeys(travellers.values()), host],
            people=travellers,
            sentence=self.index,
            trigger="travel",
            date=day or edition.date.isoformat(),
            place=edition.place,
            host=host,
            destinations=[(edition.place, host, at)],
            at=at,
        )

    def _found(self, edition: Edition, status: str, at: int, day: str | None) -> _Found:
        members = _members(edition)
        sides = [f"org:{edition.org}"] if edition.org else []
        sides.extend(edition.also)
        if not members:
            # A conference of all nations: its host, and the countries the sentence names
            # ("announced by the Presidents of Colombia, Costa Rica, Ecuador, and Panama
            # at COP26"); for a meeting named by its own name, those named before it
            # ("Jamaica’s participation in the upcoming Summit of the Americas", not "...
            # and the need to stand together against the Kremlin’s war in Ukraine").
            if edition.host:
                sides.append(edition.country)
            upto = at if edition.kind == "named" else self.end
            sides.extend(code for _, _, code, _ in self.c.countries_in(self.start, upto))
            # The countries of the people the sentence names, before or after it:
            # "Blinken met with French Foreign Minister Le Drian today on the sidelines of
            # the Munich Security Conference"; "While in New York City to attend the United
            # Nations General Assembly, President Zelensky told reporters".
            sides.extend(
                side
                for _s, _e, _ref, side in self.c.people_in(self.start, self.end)
                if side is not None and len(side) == 3
            )
            if _THEY_OPEN.match(self.c.text, self.start, self.end):
                # "They also discussed this week’s Extraordinary NATO Summit": those who
                # met in the engagement told before.
                sides.extend(self.c.previous_sides)
        taking_part = {self.c.era(code) for code in (*members, *sides)}
        people = {
            ref.name: side
            for _, _, ref, side in self.c.people_in(self.start, self.end)
            if side is not None and (side in taking_part or side in sides)
        }
        return _Found(
            type="multilateral",
            status=status,
            sides=list(dict.fromkeys(sides)),
            people=people,
            sentence=self.index,
            trigger=edition.name,
            date=day or edition.date.isoformat(),
            place=edition.place,
            forum=edition.name,
            known=True,
        )


def with_known_meetings(
    context: _Context, sentence: tuple[int, int, int], found: list[_Found], words: list[str]
) -> list[_Found]:
    """``found`` with the known meetings the sentence (index, start, end) names: one
    replaces what its words were read as alone (a "summit" of the two countries the
    sentence names)."""
    known = KnownMeetings(context, *sentence).engagements(set(words), found)
    if not known:
        return found
    kept = [
        item
        for item in found
        if not any(s <= item.at < e for s, e, _ in known)
        # "ahead of the Summit of the Americas, which the United States will host": the
        # forum read by its name alone is the known one
        and not (item.forum and any((k.forum or "").startswith(item.forum) for _, _, k in known))
    ]
    return [*kept, *(item for _, _, item in known)]
