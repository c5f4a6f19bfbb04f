"""Wire-story datelines: ``OSLO. KAZINFORM -``, ``WASHINGTON, March 3 (Reuters) -``.

A dateline is the place (and often date and agency) a wire story opens with.  This
module reads it as text for the readers: `parse_dateline` takes the dateline at the very
start of the text, with its date and agency, strictly (a city written in capitals or
title case and a dash separator), so ordinary sentences ("The U.S. - Japan talks",
"Kazakhstan and Norway - ...") are not taken for one.  Finding a dateline's city in an
article body and resolving it to a country is the extract stage's
(`search.extract.dateline_places`, beside the gazetteer it reads); this module imports
nothing from `search.extract` (issue #14).

Shapes `parse_dateline` recognises (``-`` may be a hyphen, ``--``, an en dash or an em
dash)::

    CITY, [Region,] Month D[, YYYY] [(AGENCY)] -     CLEVELAND, Feb 26 -
    CITY, [Region,] D Month [YYYY] [(AGENCY)] -      Astana, 12 March (Kazinform) —
    CITY. AGENCY -                                   OSLO. KAZINFORM -  (capitals only)
    CITY[, Region] (AGENCY) -                        SPRINGFIELD, Ill. (AP) —
    CITY -                                           BRUSSELS —   (capitals only)

``CITY`` may name several cities joined by ``/`` (``NEW YORK/LONDON``).
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from search.dates import MONTHS

# How far into a text a dateline may reach; also bounds the regex work per article.
_WINDOW = 240
_MAX_CITY_CHARS = 40
_MAX_CITY_WORDS = 5

_LETTER = r"[^\W\d_]"
_WORD = rf"{_LETTER}(?:{_LETTER}|['’.\-])*"
_CITY = rf"{_WORD}(?:[ ]{_WORD}){{0,{_MAX_CITY_WORDS - 1}}}"
_CITIES = rf"(?P<city>{_CITY}(?:[ ]?/[ ]?{_CITY}){{0,3}})"
_MONTH = (
    r"(?i:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b"
)
_REGION = rf"(?P<region>(?!{_MONTH})(?:the[ ])?{_WORD}(?:[ ]{_WORD})?)"
_AGENCY_PAREN = r"\((?P<agency>[^()\n]{2,40})\)"
_CAPS_AGENCY = r"(?P<agency>[A-Z][A-Z&'\-]+(?:[ ][A-Z][A-Z&'\-]+){0,3})"
_MONTH_DAY = (
    rf"(?:(?P<month>{_MONTH})\.?[ ](?P<day>\d{{1,2}})(?:(?:,[ ]?|[ ])(?P<year>\d{{4}}))?"
    rf"|(?P<day2>\d{{1,2}})[ ](?P<month2>{_MONTH})\.?(?:,?[ ](?P<year2>\d{{4}}))?)\b"
)
# Hyphens need spaces around them (JAPAN-US is a word); dashes may touch the text.
_SEPARATOR = r"(?:[ \t]+-{1,2}[ \t]+|[ \t]*[–—][ \t]*|[ \t]+--)"
# Some wires prefix bulletins with asterisks ("****PARIS, June 19 - ").
_START = r"[ \t\ufeff]*\**"

_WITH_DATE = re.compile(
    rf"{_START}{_CITIES}[ ]?,[ ]*(?:{_REGION}(?:,[ ]*|[ ]+))?{_MONTH_DAY}"
    rf"(?:[ ]*{_AGENCY_PAREN}|,[ ]*(?P<agency2>[A-Z][a-z]+))?,?{_SEPARATOR}"
)
_WITH_CAPS_AGENCY = re.compile(rf"{_START}{_CITIES}\.[ ]+{_CAPS_AGENCY}{_SEPARATOR}")
_WITH_AGENCY = re.compile(rf"{_START}{_CITIES}(?:,[ ]+{_REGION})?[ ]*{_AGENCY_PAREN}{_SEPARATOR}")
_BARE = re.compile(rf"{_START}{_CITIES}{_SEPARATOR}")

# Lower-case words allowed inside a title-case city (Rio de Janeiro, Frankfurt am Main).
_PARTICLES = frozenset(
    "de da do dos das del della di du la le les los las el al am an der den van von y e "
    "upon on sur en i og".split()
)
# Abbreviations that end in a period inside a city name (ST. PETERSBURG), so that
# "ST. PETERSBURG -" is not read as city ST, agency PETERSBURG.
_CITY_ABBREVIATIONS = frozenset({"st", "ste", "ft", "mt", "pt", "s", "n", "e", "w"})
# Capitalised openers that are not places: slugs and organisations.
_NOT_CITIES = frozenset(
    """
    breaking news update updated exclusive analysis factbox column interview opinion
    editorial corrected correction refile wrapup urgent flash alert photo video live
    feature preview review insight explainer timeline
    un eu us usa uk nato osce iaea asean opec unesco unicef who wto imf brics oecd cis sco
    csto g7 g20 the a an and or but if in on at by for of to as from with
    """.split()
)
_AGENCY_CHARS = re.compile(r"[^\W\d_][\w&'’.\- ]*")
_MIN_LETTER_RUN = re.compile(rf"{_LETTER}{{3}}")


@dataclass(frozen=True, slots=True)
class Dateline:
    """What a dateline says.

    Attributes:
        city: The (first) city, title-cased when written in capitals (``Oslo``).
        agency: The agency, title-cased when written in capitals, except short
            acronyms (``Kazinform``, ``Reuters``, ``AP``, ``AFP``); ``None`` if absent.
        month: Month number, when the dateline has a date.
        day: Day of the month, when the dateline has a date.
        year: Year, only when the dateline writes one.
        end: Offset in the text where the story proper starts (after the dash).
        region: State or province after the city (``N.Y.``, ``Calif.``), as written.
        cities: Every city of a ``NEW YORK/LONDON`` dateline, normalised like ``city``.
    """

    city: str
    agency: str | None
    month: int | None
    day: int | None
    year: int | None
    end: int
    region: str | None = None
    cities: tuple[str, ...] = ()


def parse_dateline(body: str) -> Dateline | None:
    """Recognise a dateline at the start of ``body``.

    Args:
        body: Article text (the dateline, if any, opens its first line).

    Returns:
        The `Dateline`, or ``None`` when the text does not open with one.
    """
    if not isinstance(body, str):
        return None
    head = body[:_WINDOW].split("\n", 1)[0]
    if len(head) < 4 or not any(dash in head for dash in "-–—"):
        return None
    for index, pattern in enumerate(_PATTERNS):
        match = pattern.match(head)
        if match is not None:
            # Wire corpora repeat the same datelines: validate each distinct one once.
            found = _accept_text(index, match.group())
            if found is not None:
                return found
    return None


_PATTERNS = (_WITH_DATE, _WITH_CAPS_AGENCY, _WITH_AGENCY, _BARE)


@functools.lru_cache(maxsize=4096)
def _accept_text(index: int, text: str) -> Dateline | None:
    pattern = _PATTERNS[index]
    match = pattern.match(text)
    return _accept(match, pattern) if match is not None else None


def _accept(match: re.Match[str], pattern: re.Pattern[str]) -> Dateline | None:
    groups = match.groupdict()
    cities = [c.strip() for c in groups["city"].split("/")]
    # Without a date or a bracketed agency only capitals mark a dateline ("Yes. NATO -").
    caps_only = pattern is _BARE or pattern is _WITH_CAPS_AGENCY
    if not all(_is_city(c, caps_only=caps_only) for c in cities):
        return None
    if pattern is _WITH_CAPS_AGENCY and (
        cities[-1].split()[-1].lower() in _CITY_ABBREVIATIONS
        or groups["agency"].lower() in _NOT_CITIES
    ):
        return None
    region = groups.get("region")
    if region is not None:
        bare_region = region.removeprefix("the ")
        if bare_region.lower().rstrip(".") in MONTHS or not bare_region[0].isupper():
            return None
    agency = groups.get("agency") or groups.get("agency2")
    if agency is not None:
        agency = _normalise_agency(agency.strip())
        if agency is None:
            return None
    month = day = year = None
    if pattern is _WITH_DATE:
        month_name = groups["month"] or groups["month2"]
        month = MONTHS.get(month_name.lower())
        if month is None:
            return None
        day = int(groups["day"] or groups["day2"])
        raw_year = groups["year"] or groups["year2"]
        year = int(raw_year) if raw_year else None
        if not 1 <= day <= 31 or (year is not None and not 1800 <= year <= 2200):
            return None
    end = match.end()
    names = tuple(_normalise_city(c) for c in cities)
    return Dateline(
        city=names[0],
        agency=agency,
        month=month,
        day=day,
        year=year,
        end=end,
        region=region,
        cities=names,
    )


def _is_city(city: str, *, caps_only: bool) -> bool:
    if not city or len(city) > _MAX_CITY_CHARS or _MIN_LETTER_RUN.search(city) is None:
        return False
    words = city.split()
    if len(words) > _MAX_CITY_WORDS:
        return False
    if all(w.lower().strip(".") in _NOT_CITIES for w in words):
        return False
    capitals = city.isupper()
    # "The U.S. - Japan talks" opens a sentence; THE HAGUE and LA PAZ are places.
    first = words[0].lower().strip(".")
    if first in _NOT_CITIES and not (capitals and len(words) > 1 and first in ("the", "la", "le")):
        return False
    if capitals:
        return True
    if caps_only:
        return False
    # Title case: every word capitalised, except particles inside the name.
    for index, word in enumerate(words):
        if word[0].isupper():
            continue
        if index == 0 or word.lower() not in _PARTICLES:
            return False
    return True


@functools.lru_cache(maxsize=4096)
def _normalise_city(city: str) -> str:
    if not city.isupper():
        return city
    words = []
    for index, word in enumerate(city.lower().split()):
        if index > 0 and word in _PARTICLES:
            words.append(word)
        else:
            words.append(_capitalise_parts(word))
    return " ".join(words)


def _capitalise_parts(word: str) -> str:
    # WINSTON-SALEM -> Winston-Salem, N'DJAMENA -> N'Djamena, D.C. -> D.C.
    out = []
    upper_next = True
    for ch in word:
        out.append(ch.upper() if upper_next else ch)
        upper_next = ch in "-'’." or (upper_next and not ch.isalpha())
    return "".join(out)


@functools.lru_cache(maxsize=1024)
def _normalise_agency(agency: str) -> str | None:
    if not agency[0].isupper() or _AGENCY_CHARS.fullmatch(agency) is None:
        return None
    if len(agency.split()) > 4:
        return None
    if not agency.isupper():
        return agency
    # KAZINFORM -> Kazinform, RIA NOVOSTI -> RIA Novosti; short acronyms stay (AP, TASS).
    words = []
    for word in agency.split():
        parts = [p if len(p) <= 4 else p.capitalize() for p in word.split("-")]
        words.append("-".join(parts))
    return " ".join(words)
