"""The list of meetings known by a short name (``data/meetings.yaml``), read once: each
edition of each series, and the patterns that name them (`search.extract.engagements.known`
reads a sentence with them)."""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Collection
from dataclasses import dataclass
from pathlib import Path

import yaml

from search.extract.engagements.patterns import _lower_words

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
    # Named only where the text has someone at it ("at the UN General Assembly", not "a
    # UN General Assembly resolution"), and whether the host country takes part.
    attended: bool = False
    host: bool = True

    @property
    def name(self) -> str:
        """What the engagement is called: "Louvre Accord", "G7 summit (Venice, 1987)"."""
        if self.names and self.kind != "named":
            return self.names[0]
        return f"{self.series} ({self.place}, {self.date.year})"


@dataclass(frozen=True)
class MeetingList:
    editions: tuple[Edition, ...]
    contexts: dict[str, tuple[str, ...]]  # series -> words the article must hold
    summit: re.Pattern[str] | None
    accord_name: re.Pattern[str] | None
    accord_place: re.Pattern[str] | None
    reached_at: re.Pattern[str] | None
    dated_at: re.Pattern[str] | None
    month_accord: re.Pattern[str] | None
    numbered: re.Pattern[str] | None
    ministerial: re.Pattern[str] | None
    # The lower-case words without which a pattern cannot match (it is not run).
    name_words: frozenset[str]
    place_words: frozenset[str]
    acronym_words: frozenset[str]
    ministerial_words: frozenset[str]  # (with a word of `_MEETING_WORDS`)


def _alternation(words: set[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


@functools.cache
def meeting_list() -> MeetingList:
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
                    attended=bool(series.get("attended")),
                    host=series.get("host", True),
                )
            )
    summits = {e.place for e in editions if e.kind == "summit"}
    ministerials = {e.place for e in editions if e.kind == "ministerial"}
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
    ministerial = None
    if ministerials:
        places = _alternation(ministerials)
        ministerial = re.compile(
            # "tomorrow's crucial monetary talks in Washington", "the G-7 Washington talks"
            rf"\b(?:meetings?|talks)\s+(?:[\w’'-]+\s+){{0,6}}?(?:in|at)\s+(?P<there>{places})\b"
            rf"|\b(?P<place>{places})\s+(?:[\w-]+\s+)?(?:meetings?|talks)\b"
        )
    if accords:
        accord_place, reached_at, dated_at, month_accord = _accord_patterns(accords)
    if names:
        accord_name = re.compile(rf"\b(?:{_alternation(names)})\b")
    if acronyms:
        numbered = re.compile(
            rf"\b(?P<acronym>{_alternation(acronyms)})[- ]?(?P<number>\d{{1,2}})\b"
        )
    return MeetingList(
        tuple(editions),
        contexts,
        summit,
        accord_name,
        accord_place,
        reached_at,
        dated_at,
        month_accord,
        numbered,
        ministerial,
        # (the sentence's words as the scanner splits them: "D-ISIS" is "d" and "isis")
        name_words=frozenset(_lower_words(n.lower())[0] for n in names),
        place_words=frozenset(p.split()[0].lower() for p in accords),
        acronym_words=frozenset(a.lower() for a in acronyms),
        ministerial_words=frozenset(p.split()[0].lower() for p in ministerials),
    )


def _accord_patterns(
    accords: set[str],
) -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """The patterns that name an accord by its place (`_known`): "the Paris accord",
    "agreed on in Paris", "in Paris on February 22", "February's agreement"."""
    accord_place = re.compile(
        # ("last month's Paris currency stability accord")
        rf"\b(?P<place>{_alternation(accords)})\s+(?:[a-z-]+\s+){{0,3}}?"
        r"(?:[Aa]ccord|[Aa]greement|pact|communique)\b"
    )
    reached_at = re.compile(
        # "agreed on in Paris", "committed themselves in Paris", "their commitments,
        # made over six weeks ago in Paris"; "officials meeting with other major
        # industrialized nations in Paris agreed"
        # ("the resolution reached by the six top industrialised nations in Paris", "as
        # agreed between the Group of Seven industrialised countries in Paris")
        r"\b(?:agreed|agreement|accord|committed|commitments?|pledged|pledges?|reached)\b"
        rf"[^.;:]{{0,60}}?\bin\s+(?P<place>{_alternation(accords)})\b"
        rf"|\b[Ii]n\s+(?P<before>{_alternation(accords)})\s+(?:(?:last|this)\s+\w+,?\s+)?"
        # ("In Paris this February, the seven agreed")
        r"(?:(?:the\s+\w+|they)\s+)?(?:agreed|committed|pledged)\b"
        # "The Paris meeting of the Group of Six industrial nations", "had agreed at the
        # Paris meeting": the meeting itself, by its place (whose it is, the sentence must
        # say)
        rf"|\b[Tt]he\s+(?P<meeting>{_alternation(accords)})\s+(?:[a-z-]+\s+){{0,2}}?"
        r"(?:meeting|talks)\b"
    )
    # "agreements such as those set ... in Paris on February 22": its place and day.
    dated_at = re.compile(
        rf"\b[Ii]n\s+(?P<place>{_alternation(accords)})\s+(?:on\s+)?"
        rf"(?P<month>{_MONTH_NAME})\.?\s+(?P<day>\d{{1,2}})\b"
    )
    # "February's agreement between leading western industrialised nations", "the
    # February accord": its month, in a story of the months after it; "the September 1985
    # Group of Five pact": its month and year, in any story.
    month_accord = re.compile(
        rf"\b(?P<month>{_MONTH_NAME})(?:[’']s)?\s+(?:(?P<year>(?:19|20)\d\d)\s+)?"
        r"(?:[\w-]+\s+){0,4}?(?:[Aa]ccord|[Aa]greement|pact)\b"
        # "February's Paris meeting of six major industrial powers": where it was reached
        rf"|\b(?P<month2>{_MONTH_NAME})[’']s\s+(?:{_alternation(accords)})\s+meeting\b"
        # "an agreement last month among major industrial nations": the month before the
        # story's (whose it is, the sentence must say)
        r"|\b(?:[Aa]ccord|[Aa]greement|pact)\s+(?:reached\s+)?(?P<last>last\s+month)\b"
    )
    return accord_place, reached_at, dated_at, month_accord


# The words of the patterns above, lower case: "summit", an accord's or a conference's own
# name ("louvre", "cop"), or an accord word with an accord's place ("agreed ... Paris").  A
# text without them names no known meeting, and the patterns are not run on it: most
# sentences that say "agreement" name no place of an accord.
_ACCORD_WORDS = frozenset(
    "agreed agreement accord committed commitment commitments pledged pledge pledges pact "
    "communique reached meeting talks".split()
)


@functools.cache
def _own_words() -> frozenset[str]:
    known = meeting_list()
    words = {"summit", *known.name_words, *known.acronym_words}
    for edition in known.editions:
        if edition.acronym:
            # "COP 27" and "COP-27" are words "cop"; an article's word index has "cop27".
            words.add(f"{edition.acronym.lower()}{edition.number}")
    return frozenset(words)


# A ministers' meeting named by its place is "talks" or "meetings" there.
_MEETING_WORDS = frozenset({"meeting", "meetings", "talks"})


def names_ministerial(words: Collection[str]) -> bool:
    """Can lower-case ``words`` name ministers' talks by their place ("talks" and
    "washington")? The `ministerial` pattern is run only then."""
    return not _MEETING_WORDS.isdisjoint(words) and not meeting_list().ministerial_words.isdisjoint(
        words
    )


def may_name_known(words: Collection[str]) -> bool:
    """Can a text whose lower-case words are ``words`` name a known meeting?"""
    if not _own_words().isdisjoint(words) or names_ministerial(words):
        return True
    return not _ACCORD_WORDS.isdisjoint(words) and not (
        meeting_list().place_words.isdisjoint(words) and not named_by_month(words)
    )


def named_by_month(words: Collection[str]) -> bool:
    """Can an accord be named by its month here: a month and a word of whose accords are
    so named ("February's agreement between leading western industrialised nations", "an
    agreement last month among major industrial nations")?"""
    month = not _MONTH_WORDS.isdisjoint(words) or {"last", "month"} <= set(words)
    return month and not _MONTH_ACCORD_CONTEXT.isdisjoint(words)


def editions() -> tuple[Edition, ...]:
    """Every edition the list holds (for tests and the documentation)."""
    return meeting_list().editions
