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
import functools
import re
from collections.abc import Collection
from dataclasses import dataclass
from pathlib import Path

import yaml

from search.dates import MONTHS
from search.extract.engagements.context import _Context, _Found
from search.extract.orgs import forum_members

MEETINGS_FILE = Path(__file__).resolve().parents[1] / "data" / "meetings.yaml"
_MONTH_WORDS = frozenset(
    "january february march april may june july august september october november december".split()
)
# The words (lower case) one of which a text naming an accord by its month holds: those
# of the accords' `context` lists in `data/meetings.yaml`, as single words.
_MONTH_ACCORD_CONTEXT = frozenset(
    "industrialised industrialized industrial western g-5 g-6 g-7 g5 g6 g7 five six seven".split()
)
# A month's name in full, as an accord is named by it ("February's agreement").
_MONTH_NAME = (
    r"(?-i:January|February|March|April|May|June|July|August|September|October|November|"
    r"December)"
)

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
# Words that tell of a named meeting still to come, before its name ("the upcoming Summit
# of the Americas", "ahead of", "to attend", "the second Summit for Democracy") or after it
# ("the Our Ocean Conference, which will be co-hosted by Palau").
_AHEAD_BEFORE = re.compile(
    r"\b(?:upcoming|forthcoming|next|coming|second|third|ahead\s+of|lead-up\s+to|"
    r"run-up\s+to|preparations?\s+for|preparing\s+for|to\s+attend|will\s+(?:\w+\s+){0,2}"
    r"(?:attend|host|co-host|join|participate\s+in|take\s+part\s+in))\s+"
    r"(?:the\s+)?(?:[\w’'-]+\s+){0,2}$",
    re.I,
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
# A sentence whose subject is those of the engagement told before.
_THEY_OPEN = re.compile(r"\s*(?:They|Both|The\s+two)\s")
# A programme named after a meeting: the year that follows it, no meeting told.
_PROGRAMME_AFTER = re.compile(r"\s*(?:[–—-]\s*)?[“\"']?Year\s+of\s+Action\b")
_YEAR_BEFORE = re.compile(r"\b((?:19|20)\d\d)\s+$")
_YEAR_AFTER = re.compile(r"\s+(?:in|of)\s+((?:19|20)\d\d)\b")
# A numbered conference taken part in: "announced ... at COP26", "well before COP27".
_AT_CONFERENCE = re.compile(
    r"\b(?:at|during|to|attend|attending|before|ahead\s+of|until|after|since|for)\s+"
    r"(?:the\s+)?$",
    re.I,
)


@dataclass(frozen=True)
class Edition:
    """One meeting of a series (`data/meetings.yaml`)."""

    series: str
    org: str | None  # None: a meeting no organisation holds (the Summit for Democracy)
    kind: str
    date: dt.date
    end: dt.date
    place: str
    country: str
    number: int | None = None
    acronym: str | None = None
    names: tuple[str, ...] = ()
    also: tuple[str, ...] = ()

    @property
    def name(self) -> str:
        """What the engagement is called: "Louvre Accord", "G7 summit (Venice, 1987)"."""
        if self.names and self.kind != "named":
            return self.names[0]
        return f"{self.series} ({self.place}, {self.date.year})"


@dataclass(frozen=True)
class _Known:
    editions: tuple[Edition, ...]
    contexts: dict[str, tuple[str, ...]]  # series -> words the article must hold
    summit: re.Pattern[str] | None
    accord_name: re.Pattern[str] | None
    accord_place: re.Pattern[str] | None
    reached_at: re.Pattern[str] | None
    dated_at: re.Pattern[str] | None
    month_accord: re.Pattern[str] | None
    numbered: re.Pattern[str] | None
    # The lower-case words without which a pattern cannot match (it is not run).
    name_words: frozenset[str]
    place_words: frozenset[str]
    acronym_words: frozenset[str]


def _alternation(words: set[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


@functools.cache
def _known() -> _Known:
    raw = yaml.safe_load(MEETINGS_FILE.read_text(encoding="utf-8"))
    editions: list[Edition] = []
    contexts: dict[str, tuple[str, ...]] = {}
    acronyms: set[str] = set()
    for series in raw["series"]:
        contexts[series["key"]] = tuple(series.get("context") or ())
        # (A named series' names and the countries at every edition are written once.)
        series_names = tuple(series.get("names") or ())
        series_also = tuple(series.get("also") or ())
        if series.get("acronym"):
            acronyms.add(series["acronym"])
        for row in series["editions"]:
            editions.append(
                Edition(
                    series=series["key"],
                    org=series.get("org"),
                    kind=series["kind"],
                    date=dt.date.fromisoformat(str(row["date"])),
                    end=dt.date.fromisoformat(str(row["end"])),
                    place=row["place"],
                    country=row["country"],
                    number=row.get("number"),
                    acronym=series.get("acronym"),
                    names=tuple(row.get("names") or ()) or series_names,
                    also=series_also + tuple(row.get("also") or ()),
                )
            )
    summits = {e.place for e in editions if e.kind == "summit"}
    accords = {e.place for e in editions if e.kind == "accord"}
    names = {n for e in editions for n in e.names}
    summit = accord_place = reached_at = dated_at = month_accord = accord_name = numbered = None
    if summits:
        places = _alternation(summits)
        summit = re.compile(
            # "the 1986 Tokyo Summit", "the Venice Economic Summit", "the Venice summit
            # meeting"; "the summit in Venice", "a summit meeting at Toronto".
            rf"\b(?:(?P<year>(?:19|20)\d\d)\s+)?(?P<place>{places})\s+"
            rf"(?:(?:economic|Economic|western|Western|G-?7|G-?8|seven-nation)\s+)?[Ss]ummit\b"
            # ("the G7 Leaders’ Summit in Schloss Elmau": a word of the place's own name)
            rf"|\b[Ss]ummit(?:\s+meeting)?\s+(?:in|at)\s+(?:[A-Z][a-z]+\s+)?(?P<there>{places})\b"
        )
    if accords:
        accord_place, reached_at, dated_at, month_accord = _accord_patterns(accords)
    if names:
        accord_name = re.compile(rf"\b(?:{_alternation(names)})\b")
    if acronyms:
        numbered = re.compile(
            rf"\b(?P<acronym>{_alternation(acronyms)})[- ]?(?P<number>\d{{1,2}})\b"
        )
    return _Known(
        tuple(editions),
        contexts,
        summit,
        accord_name,
        accord_place,
        reached_at,
        dated_at,
        month_accord,
        numbered,
        name_words=frozenset(n.split()[0].lower() for n in names),
        place_words=frozenset(p.split()[0].lower() for p in accords),
        acronym_words=frozenset(a.lower() for a in acronyms),
    )


def _accord_patterns(
    accords: set[str],
) -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """The patterns that name an accord by its place (`_known`): "the Paris accord",
    "agreed on in Paris", "in Paris on February 22", "February's agreement"."""
    accord_place = re.compile(
        rf"\b(?P<place>{_alternation(accords)})\s+(?:[Aa]ccord|[Aa]greement|pact|communique)\b"
    )
    reached_at = re.compile(
        # "agreed on in Paris", "committed themselves in Paris", "their commitments,
        # made over six weeks ago in Paris"; "officials meeting with other major
        # industrialized nations in Paris agreed"
        r"\b(?:agreed|agreement|accord|committed|commitments?|pledged|pledges?)\b"
        rf"[^.;:]{{0,40}}?\bin\s+(?P<place>{_alternation(accords)})\b"
        rf"|\bin\s+(?P<before>{_alternation(accords)})\s+(?:(?:last|this)\s+\w+\s+)?"
        r"(?:agreed|committed|pledged)\b"
    )
    # "agreements such as those set ... in Paris on February 22": its place and day.
    dated_at = re.compile(
        rf"\bin\s+(?P<place>{_alternation(accords)})\s+(?:on\s+)?"
        rf"(?P<month>{_MONTH_NAME})\.?\s+(?P<day>\d{{1,2}})\b"
    )
    # "February's agreement between leading western industrialised nations", "the
    # February accord": its month, in a story of the months after it; "the September 1985
    # Group of Five pact": its month and year, in any story.
    month_accord = re.compile(
        rf"\b(?P<month>{_MONTH_NAME})(?:[’']s)?\s+(?:(?P<year>(?:19|20)\d\d)\s+)?"
        r"(?:[\w-]+\s+){0,4}?(?:[Aa]ccord|[Aa]greement|pact)\b"
    )
    return accord_place, reached_at, dated_at, month_accord


# The words of the patterns above, lower case: "summit", an accord's or a conference's own
# name ("louvre", "cop"), or an accord word with an accord's place ("agreed ... Paris").  A
# text without them names no known meeting, and the patterns are not run on it: most
# sentences that say "agreement" name no place of an accord.
_ACCORD_WORDS = frozenset(
    "agreed agreement accord committed commitment commitments pledged pledge pledges pact "
    "communique".split()
)


@functools.cache
def _own_words() -> frozenset[str]:
    known = _known()
    words = {"summit", *known.name_words, *known.acronym_words}
    for edition in known.editions:
        if edition.acronym:
            # "COP 27" and "COP-27" are words "cop"; an article's word index has "cop27".
            words.add(f"{edition.acronym.lower()}{edition.number}")
    return frozenset(words)


def may_name_known(words: Collection[str]) -> bool:
    """Can a text whose lower-case words are ``words`` name a known meeting?"""
    if not _own_words().isdisjoint(words):
        return True
    return not _ACCORD_WORDS.isdisjoint(words) and not (
        _known().place_words.isdisjoint(words) and not _named_by_month(words)
    )


def _named_by_month(words: Collection[str]) -> bool:
    """Can an accord be named by its month here: a month and a word of whose accords are
    so named ("February's agreement between leading western industrialised nations")?"""
    return not _MONTH_WORDS.isdisjoint(words) and not _MONTH_ACCORD_CONTEXT.isdisjoint(words)


def editions() -> tuple[Edition, ...]:
    """Every edition the list holds (for tests and the documentation)."""
    return _known().editions


def _members(edition: Edition) -> tuple[str, ...]:
    """The countries whose organisation holds the edition (none without one)."""
    return forum_members(edition.org) if edition.org else ()


def _within_days(edition: Edition, published: dt.date | None) -> bool:
    """Is the story told within days of the edition ("next week's Venice summit" a week
    before the G7's), when no other summit of that place can be meant?"""
    if published is None:
        return False
    return (
        -_SURE_DAYS
        <= (published - edition.date).days
        <= _SURE_DAYS + (edition.end - edition.date).days
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
        known = _known()
        published = self.c.published
        found: list[tuple[int, int, Edition]] = []
        for match, edition in (
            *(self._summits(known, published) if "summit" in words else ()),
            *self._accords(known, published, words),
            *(self._numbered(known) if not known.acronym_words.isdisjoint(words) else ()),
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
        self, known: _Known, published: dt.date | None
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

    @staticmethod
    def _near(edition: Edition, published: dt.date) -> bool:
        return abs((edition.date - published).days) <= _SUMMIT_DAYS

    def _in_context(self, edition: Edition, known: _Known) -> bool:
        """Does the article say whose summit a place's summit is ("economic summit",
        "industrialised nations", the G7 by name)?"""
        if any(key == edition.org for _, _, key in self.c.orgs_in(0, len(self.c.text))):
            return True
        return any(word in self.c.text for word in known.contexts.get(edition.series, ()))

    def _accords(
        self, known: _Known, published: dt.date | None, words: set[str]
    ) -> list[tuple[re.Match[str], Edition | None]]:
        out: list[tuple[re.Match[str], Edition | None]] = []
        if (
            known.name_words.isdisjoint(words)
            and known.place_words.isdisjoint(words)
            and not _named_by_month(words)
        ):
            return out
        accords = [e for e in known.editions if e.kind == "accord"]
        for match in self._scan(known.accord_name):
            if _OFFICE_FOR.search(self.c.text, max(self.start, match.start() - 40), match.start()):
                continue  # "Special Advisor for the Summit of the Americas Christopher Dodd"
            if _PROGRAMME_AFTER.match(self.c.text, match.end(), self.end):
                continue  # "Throughout the Summit for Democracy “Year of Action,” ..."
            named = [e for e in known.editions if match.group() in e.names]
            text = self.c.text
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
            reached = [
                e
                for e in accords
                if e.place == (match.group("place") or match.group("before"))
                and 0 < _days_before(e, published) <= _REACHED_THERE_DAYS
                and self._only_members(e)
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
        for match in self._scan(known.month_accord):
            month = MONTHS.get(match.group("month").lower())
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
            ]
            out.append((match, _nearest(that_month, published)))
        return out

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

    def _numbered(self, known: _Known) -> list[tuple[re.Match[str], Edition | None]]:
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

    def engagements(self, words: set[str]) -> list[tuple[int, int, _Found]]:
        """Each known meeting named, as an engagement with the span that names it."""
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
            else:
                status = "main"
            out.append((start, end, self._found(edition, status, start)))
        return out

    def _found(self, edition: Edition, status: str, at: int) -> _Found:
        members = _members(edition)
        sides = [f"org:{edition.org}"] if edition.org else []
        sides.extend(edition.also)
        if not members:
            # A conference of all nations: its host, and the countries the sentence names
            # ("announced by the Presidents of Colombia, Costa Rica, Ecuador, and Panama
            # at COP26"); for a meeting named by its own name, those named before it
            # ("Jamaica’s participation in the upcoming Summit of the Americas", not "...
            # and the need to stand together against the Kremlin’s war in Ukraine").
            sides.append(edition.country)
            upto = at if edition.kind == "named" else self.end
            sides.extend(code for _, _, code, _ in self.c.countries_in(self.start, upto))
            # The countries of the people it names there too: "Blinken met with French
            # Foreign Minister Le Drian today on the sidelines of the Munich Security
            # Conference"; "Sherman and Delattre spoke about the upcoming NATO Summit".
            sides.extend(
                side
                for _s, _e, _ref, side in self.c.people_in(self.start, upto)
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
            date=edition.date.isoformat(),
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
    known = KnownMeetings(context, *sentence).engagements(set(words))
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
