"""Dateline places: where a story was filed, and that place's country.

The country extraction's dateline pass (`search.datelines.parse_dateline` is the
readers' stricter one, with date and agency): `parse` and `locate` find the city's
offsets in the body and the qualifier after it (``BIRMINGHAM, Ala.,``); `resolve` gives
the city's country.  This pass is cheaper and looser than the readers'; it serves texts
the readers did not parse a dateline from.

A dateline city is resolved to a country (`resolve`) by, in order: a country name
(``KUWAIT``), a capital or seat of government (``SAN JOSE`` alone is Costa Rica's
capital), then geonames cities, most populous first; a qualifier (``Calif.``,
``Bermuda``, ``Ontario``) picks among cities of that name, or gives the country outright.
It lives in the extract stage, beside the gazetteer it reads, so that `search.datelines`
(which the readers import) never loads the extraction pipeline (issue #14).
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from search.extract import places
from search.extract.gazetteer import dateline_capitals, fold, gazetteer

# The dateline head: up to the first dash (spaced, or an em/en dash) near the start.
_HEAD = re.compile(r"\s*([^\n]{2,90}?)\s*(?:\s-{1,2}\s|[\u2013\u2014]\s?)")
# A wire story's dateline as written at a sentence's start, city, month and day, then the
# dash: "BELGRADE, March 23 -", "BRASILIA, MARCH 5 -" (what a sentence opens with before
# its subject).
WIRE_DATELINE = re.compile(
    r"[A-Z][A-Z .,'/-]{2,60}?,\s+[A-Z](?:[a-z]{2,8}|[A-Z]{2,8})\.?\s+\d{1,2}\s*[-—–]"
)
_PAREN_AGENCY = re.compile(r"^(.*?)\s*\(([^)]{1,40})\)\s*,?$")
_DOT_AGENCY = re.compile(r"^(.*?)\s*\.\s+([A-Z][A-Za-z&-]*(?:\s[A-Z][A-Za-z&-]*){0,2})$")
_DATE_PART = re.compile(
    r"^(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s*\d{0,2}(?:,?\s*\d{4})?$|^\d",
    re.IGNORECASE,
)
_CITY_WORD = re.compile(r"^[A-Za-z][A-Za-z.'\u2019-]*$")
# A date run into the place without a comma: "JOHANNESBURG March 13", "Calif. March 24".
_TRAILING_DATE = re.compile(
    r"\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s*\d{1,2}$", re.IGNORECASE
)


@dataclass(frozen=True, slots=True)
class DatelinePlace:
    """A parsed dateline: city as written, its offsets in the text, qualifiers, agency."""

    city: str
    start: int
    end: int
    qualifiers: tuple[str, ...] = ()
    agency: str | None = None


def parse(text: str, body_start: int) -> DatelinePlace | None:
    """Find a dateline at ``body_start`` in ``text``; ``None`` when the body opens otherwise."""
    m = _HEAD.match(text, body_start, min(len(text), body_start + 100))
    if m is None:
        return None
    head = m.group(1)
    agency = None
    am = _PAREN_AGENCY.match(head) or _DOT_AGENCY.match(head)
    if am is not None:
        head, agency = am.group(1), am.group(2).strip()
    parts = [p.strip() for p in head.split(",")]
    dated = len(parts) > 1 and any(_DATE_PART.match(p) for p in parts[1:])
    undated = [_TRAILING_DATE.sub("", p) for p in parts]
    dated = dated or undated != parts
    city = undated[0].split("/")[0].strip()  # "NEW YORK/LONDON": the first place
    words = city.split()
    if not 1 <= len(words) <= 4 or not all(_CITY_WORD.match(w) for w in words):
        return None
    qualifiers = tuple(p for p in undated[1:] if p and not _DATE_PART.match(p))
    # A Title-case opening ("Brazil - which ...") is a dateline only with a date or agency.
    if not (city.isupper() or dated or agency):
        return None
    start = m.start(1)
    return DatelinePlace(city, start, start + len(city), qualifiers, agency)


def locate(text: str, body_start: int, city: str) -> DatelinePlace | None:
    """The reader's dateline ``city`` found at the start of the body (with qualifiers)."""
    parsed = parse(text, body_start)
    if parsed is not None and places.key(parsed.city) == places.key(city):
        return parsed
    window = text[body_start : body_start + 100].lower()
    pos = window.find(city.lower())
    if pos < 0:
        return None
    start = body_start + pos
    return DatelinePlace(city, start, start + len(city))


def resolve(city: str, qualifiers: tuple[str, ...] = (), date: str | None = None) -> str | None:
    """Country code of a dateline place, as of ``date``; ``None`` when unknown.

    Args:
        city: The place as written (``SAN JOSE``, ``Peking``).
        qualifiers: What followed it (``Calif.``, ``Bermuda``).
        date: ISO date of the article, for the state of the time (``MOSCOW`` in 1987: SUN).
    """
    found = _place(city, qualifiers)
    if found is None and ("'" in city or "’" in city):
        # "Sana'a", "Sana’a": the city list writes it "Sanaa".
        found = _place(city.replace("'", "").replace("’", ""), qualifiers)
    if found is None:
        return None
    code, admin1 = found
    return gazetteer().era(code, date, admin1)


@functools.lru_cache(maxsize=8192)
def _place(city: str, qualifiers: tuple[str, ...]) -> tuple[str, str | None] | None:
    """(modern code, geonames region) of a dateline place; cached, datelines repeat."""
    gz = gazetteer()
    wanted, named = _qualifier_countries(qualifiers)
    if not wanted and not named:
        code = gz.named.get(fold(city)) or _capital(city)
        if code:
            return code, None
    found = places.cities(city)
    if wanted or named:
        found = [c for c in found if c.country in wanted]
        if not found:
            # A place too small for the city list: the qualifier gives the country
            # ("OAK BROOK, Ill.", "GUETERSLOH, West Germany").
            codes = named | {gz.alpha2[w] for w in wanted if w in gz.alpha2}
            return (codes.pop(), None) if len(codes) == 1 else None
    if not found:
        return None
    best = found[0]
    code = gz.alpha2.get(best.country)
    return (code, best.admin1) if code else None


@functools.cache
def _capitals() -> dict[str, str]:
    return dateline_capitals()


def _capital(city: str) -> str | None:
    """The country whose capital (or seat of government) ``city`` is.

    A capital named alone in a dateline is that capital (``SAN JOSE``: Costa Rica; US
    datelines name the state), unless a namesake elsewhere is ten times larger
    (``VICTORIA`` is British Columbia's, not the Seychelles').
    """
    code = _capitals().get(fold(city))
    if code is None:
        return None
    home = gazetteer().alpha3_to_2.get(code)
    found = places.cities(city, alternate_names=False)
    size = max((c.population for c in found if c.country == home), default=1)
    if any(c.country != home and c.population >= 10 * size for c in found):
        return None
    return code


def _qualifier_countries(qualifiers: tuple[str, ...]) -> tuple[set[str], set[str]]:
    """Countries the qualifiers name: (alpha-2 of countries and of regions such as 'Calif.'
    or 'Ontario', codes of countries named outright, historical ones included)."""
    gz = gazetteer()
    alpha2: set[str] = set()
    named: set[str] = set()
    for q in qualifiers:
        code = gz.named.get(fold(q))
        if code:
            named.add(code)
            if code in gz.alpha3_to_2:
                alpha2.add(gz.alpha3_to_2[code])
        # Both: "Atlanta, Georgia" names the US state, "Tbilisi, Georgia" the country.
        alpha2 |= places.region_countries(q)
    return alpha2, named
