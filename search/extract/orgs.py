"""Organisations and fora named in an article.

Two sources of evidence, cheapest first:

1. the lexicon ``data/orgs.yaml`` (names and acronyms matched as written through the
   word index shared by the extractors), giving canonical keys (``UN Security Council``);
2. a pattern for capitalised names ending in an organisation word (``Ministry``,
   ``Institute``, ``Fund`` ...), found from those words, so the cost is paid only where
   one occurs.  Ministries are normalised: ``Norwegian Foreign Ministry`` and
   ``Ministry of Foreign Affairs of Norway`` both become
   ``Ministry of Foreign Affairs (Norway)``.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import yaml

from search.dates import MONTH_NAMES, WEEKDAY_NAMES
from search.extract.given import given_names
from search.extract.plain_names import lower_words
from search.extract.sentences import sentence_at
from search.extract.topics import KeywordMatcher
from search.model import Mention, Span

ORGS_FILE = Path(__file__).parent / "data" / "orgs.yaml"

# Words that end an organisation's name; the generic pattern starts from them.
_SUFFIXES = (
    "Ministry Institute Centre Center Fund Council Committee Agency Bank Commission "
    "Parliament Initiative Organization Organisation Foundation Forum Association "
    "Authority Department University Court Assembly Secretariat Programme Program"
).split()
_SUFFIX_SET = frozenset(_SUFFIXES)
_SUFFIX = "<organisation word>"  # payload of the words above in the shared matcher
# Words that may join the capitalised words of a name ("Bank of Japan").
_CONNECTORS = frozenset({"of", "for", "and", "on", "the", "in", "&"})
# A capitalised word that starts a sentence but is not part of a name.
_LEADING_NOISE = frozenset(
    """The A An In At On By For From With And But As Of To After Before During Under Its
    Their His Her Our This That These Those When While Since Both Meanwhile According
    Head Chairman Chairwoman Chair Director Deputy Minister Secretary President Member
    Members Speaker Ambassador Envoy Representative Spokesperson Spokesman Chief Mr Ms
    Many Some Several Most All Other Two Three Four Five Each Every Any No Unlike""".split()
    # months and days: "the July United Nations Conference on Trade and Development"
    + [*MONTH_NAMES, *WEEKDAY_NAMES]
)
# Connectors allowed between capitalised words before the organisation word.
_BACK_CONNECTORS = frozenset({"of", "and", "&", "for"})
# Words that end a name's tail: "Securities and Exchange Commission on Tuesday".
_NOT_TAIL = frozenset(
    """Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April
    May June July August September October November December""".split()
)
# Ministry subjects written before "Ministry" and their "Ministry of ..." form.
_MINISTRY_SUBJECTS = {
    "foreign": "Foreign Affairs",
    "defense": "Defence",
    "defence": "Defence",
    "finance": "Finance",
    "economy": "Economy",
    "trade": "Trade",
    "energy": "Energy",
    "interior": "Interior",
    "justice": "Justice",
    "health": "Health",
    "education": "Education",
    "agriculture": "Agriculture",
    "culture": "Culture",
    "industry": "Industry",
    "transport": "Transport",
    "environment": "Environment",
    "emergencies": "Emergency Situations",
}
# pycountry's official names read oddly in a label; the few that matter.
_SHORT_COUNTRY = {"RUS": "Russia", "KOR": "South Korea", "PRK": "North Korea", "IRN": "Iran"}

_LOWER_RUN = re.compile(r"[a-z]{3}")
_WORD = re.compile(r"[^\W\d_][\w'’.&-]*|\(|\)|\S")


@dataclass(frozen=True, slots=True)
class _Entry:
    key: str
    parent: str | None
    country: str | None
    acronym: bool


@functools.lru_cache(maxsize=4)
def _items(path: str = str(ORGS_FILE)) -> tuple[dict[str, Any], ...]:
    """The organisations of ``data/orgs.yaml``, read once for every table built from it."""
    with open(path, encoding="utf-8") as handle:
        data = yaml.load(handle, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    return tuple(data["orgs"])


@functools.lru_cache(maxsize=4)
def _lexicon(path: str = str(ORGS_FILE)) -> tuple[KeywordMatcher, dict[str, str | None]]:
    entries: list[tuple[str, _Entry]] = []
    countries: dict[str, str | None] = {}
    for item in _items(path):
        key, parent, country = item["key"], item.get("parent"), item.get("country")
        countries[key] = country
        for name in item.get("names", ()):
            entries.append((name, _Entry(key, parent, country, False)))
            if name[:1].islower():
                # "Six industrialised nations agreed": a description opening a sentence.
                entries.append((name[:1].upper() + name[1:], _Entry(key, parent, country, False)))
        for acronym in item.get("acronyms", ()):
            entries.append((acronym, _Entry(key, parent, country, True)))
    # One matcher for names and organisation words: one look-up per article.
    # _SUFFIX, a string, marks the organisation words among the entries.
    entries.extend((word, _SUFFIX) for word in _SUFFIXES)  # type: ignore[misc]
    return KeywordMatcher(entries, case_sensitive=True), countries


# Kinds of organisation whose officials serve no one country.
_INTERNATIONAL_KINDS = frozenset({"un", "regional", "financial", "forum"})


@functools.lru_cache(maxsize=4)
def _kinds(path: str = str(ORGS_FILE)) -> dict[str, str]:
    return {
        item["key"]: item.get("kind", "other") for item in _items(path) if not item.get("country")
    }


@functools.lru_cache(maxsize=4)
def _members(path: str = str(ORGS_FILE)) -> dict[str, tuple[str, ...]]:
    return {item["key"]: tuple(item["members"]) for item in _items(path) if item.get("members")}


@functools.lru_cache(maxsize=4)
def _commodities(path: str = str(ORGS_FILE)) -> dict[str, str]:
    return {word: item["key"] for item in _items(path) for word in item.get("commodity", ())}


# A commodity's word before its agreement's negotiations: "coffee talks", "rubber pact
# talks", "coffee producers' meeting".
_COMMODITY_BEFORE = re.compile(r"\b([A-Za-z]+)\s+(?:(?:pact|agreement|price|producers[’']?)\s+)?$")


def commodity_body_before(before: str) -> str | None:
    """The organisation of the commodity agreement whose word ends ``before`` (the text
    up to a noun such as "talks"): "the London coffee talks" are the ICO's."""
    found = _COMMODITY_BEFORE.search(before[-40:])
    return _commodities().get(found.group(1).lower()) if found else None


def forum_members(key: str) -> tuple[str, ...]:
    """The member countries of a forum whose membership is fixed (the G7), else none."""
    return _members().get(key, ())


def is_forum(key: str) -> bool:
    """Is ``key`` a forum of states (the G20, APEC, BRICS), whose meetings are many-sided?"""
    return _kinds().get(key) == "forum"


def un_agency(key: str) -> bool:
    """Is ``key`` one of the UN's own agencies (the WFP, the FAO, the UNHCR), not the UN?"""
    return key != "UN" and _kinds().get(key) == "un"


def member_of(key: str, country: str, year: int) -> bool:
    """Is ``country`` a member of the organisation ``key`` in ``year``: of the UN or one of
    its agencies, as every state may be; of one whose members the lexicon lists (NATO,
    the G20), since the year it joined?"""
    if _kinds().get(key) == "un":
        return True
    joined = _member_states().get(key, {}).get(country)
    return joined is not None and joined <= year


@functools.lru_cache(maxsize=4)
def _member_states(path: str = str(ORGS_FILE)) -> dict[str, dict[str, int]]:
    return {
        item["key"]: item["member_states"] for item in _items(path) if item.get("member_states")
    }


def international(key: str) -> bool:
    """Is ``key`` an international organisation (the UN, NATO, the EU, the IMF ...)?"""
    return _kinds().get(key) in _INTERNATIONAL_KINDS


def org_country(key: str) -> str | None:
    """ISO alpha-3 of the country a known national body (``Storting``) belongs to."""
    return _lexicon()[1].get(key)


def find_orgs(
    text: str,
    sentences: Sequence[tuple[int, int]],
    country_mentions: Sequence[Mention] | None = None,
) -> list[Mention]:
    """Find organisations and fora.

    Args:
        text: The document text.
        sentences: Its sentence spans.
        country_mentions: Country mentions of the text (from the country tagger), used
            to attach ministries to their country; without them a ministry keeps its
            bare name.

    Returns:
        ``kind="org"`` mentions in text order; ``key`` is the canonical name, ``how`` is
        ``name``, ``acronym``, ``pattern`` or ``parent`` (the IAEA credited for its LEU
        Bank).
    """
    if not text:
        return []
    matcher, _ = _lexicon()
    countries = _CountryIndex(country_mentions or ())
    found: list[Mention] = []
    taken: list[tuple[int, int]] = []
    suffixes: list[tuple[int, int]] = []
    for start, end, payloads in matcher.find(text):
        entry = payloads[0]
        if entry is _SUFFIX:
            suffixes.append((start, end))
            continue
        if not entry.acronym and _inside_longer_name(text, start, end):
            # "National Security Council" is not the UN's, but may be a name itself.
            last = text.rfind(" ", start, end) + 1
            if text[max(start, last) : end] in _SUFFIX_SET:
                suffixes.append((max(start, last), end))
            continue
        if entry.acronym and _shouting(text, start, end):
            continue  # an all-capitals headline: "WHO" there is a pronoun
        span = Span(start, end, sentence_at(sentences, start) if sentences else 0)
        surface = text[start:end]
        found.append(
            Mention("org", entry.key, surface, span, "acronym" if entry.acronym else "name")
        )
        if entry.parent:
            found.append(Mention("org", entry.parent, surface, span, "parent"))
        taken.append((start, end))
    taken.sort()
    for start, end in suffixes:
        name_start, name_end = _extend_name(text, start, end, countries)
        name_start, name_end = _clip(text, name_start, name_end, (start, end), taken)
        if name_end <= name_start or name_start == start and name_end == end:
            continue  # a bare "Committee" or "Bank" names nothing
        if text.endswith(("’s", "'s"), name_start, name_end):
            name_end -= 2  # "the Department of the Treasury’s press release": its name
        surface = text[name_start:name_end]
        if surface.isupper():
            continue  # all-capitals headline words
        key = _ministry_key(text, name_start, name_end, countries) or surface
        span = Span(name_start, name_end, sentence_at(sentences, name_start) if sentences else 0)
        found.append(Mention("org", key, surface, span, "pattern"))
        bisect.insort(taken, (name_start, name_end))
    found.sort(key=lambda mention: (mention.span.start, mention.how == "parent"))
    return _defined_acronyms(text, found)


def _defined_acronyms(text: str, found: list[Mention]) -> list[Mention]:
    """An acronym the text defines as another organisation's ("The African Development
    Bank (ADB)") is that organisation's wherever the text uses it, not the lexicon's
    (the Asian Development Bank's)."""
    defined: dict[str, str] = {}
    for mention in found:
        # (not a name found by pattern, which may be a variant of the lexicon's own:
        # "Organization for Economic Development and Cooperation (OECD)")
        if mention.how == "name":
            after = _DEFINITION.match(text, mention.span.end)
            if after is not None:
                defined.setdefault(after.group(1), str(mention.key))
    if not defined:
        return found
    return [
        replace(mention, key=defined[mention.surface])
        if mention.how == "acronym" and defined.get(mention.surface, mention.key) != mention.key
        else mention
        for mention in found
    ]


# An acronym set in brackets after a name: "The African Development Bank (ADB)".
_DEFINITION = re.compile(r"\s*\(([A-Z][A-Za-z.]{1,9})\)")


def org_keys(mentions: Sequence[Mention]) -> tuple[str, ...]:
    """Distinct organisation keys, most mentioned first (ties: first seen)."""
    counts: dict[str, int] = {}
    for mention in mentions:
        counts[mention.key] = counts.get(mention.key, 0) + 1
    order = {key: index for index, key in enumerate(counts)}
    return tuple(sorted(counts, key=lambda key: (-counts[key], order[key])))


# --------------------------------------------------------------------------- helpers


class _CountryIndex:
    """Country mentions by position (bisect), to ask "which country is written here?"."""

    def __init__(self, mentions: Sequence[Mention]):
        ordered = sorted((m.span.start, m.span.end, m.key) for m in mentions if m.kind == "country")
        self.starts = [item[0] for item in ordered]
        self.items = ordered

    def within(self, start: int, end: int) -> str | None:
        index = bisect.bisect_left(self.starts, start)
        if index < len(self.items) and self.items[index][1] <= end:
            return self.items[index][2]
        return None

    def end_within(self, start: int, end: int) -> int | None:
        index = bisect.bisect_left(self.starts, start)
        if index < len(self.items) and self.items[index][1] <= end:
            return self.items[index][1]
        return None


def _inside_longer_name(text: str, start: int, end: int) -> bool:
    """Is the match preceded by a capitalised word of the same name (``World Congress``)?"""
    words = _WORD.findall(text, max(0, start - 30), start)
    if not words or start == 0 or not text[start - 1].isspace():
        return False
    previous = words[-1]
    if "-" in previous and previous.rsplit("-", 1)[-1][:1].islower():
        return False  # "Soviet-led Comecon", "Iranian-backed militia": a modifier
    return previous[:1].isupper() and previous not in _LEADING_NOISE and previous[-1] not in ".,;:"


def _shouting(text: str, start: int, end: int) -> bool:
    # Three lower-case letters in a row nearby: running text, not an all-capitals headline.
    return _LOWER_RUN.search(text, max(0, start - 40), end + 40) is None


def _extend_name(text: str, start: int, end: int, countries: _CountryIndex) -> tuple[int, int]:
    """Grow an organisation word to the capitalised name around it."""
    # Backwards: capitalised words, with connectors only between them.
    tokens = list(_WORD.finditer(text, max(0, start - 90), start))
    words: list[re.Match[str]] = []
    for token in reversed(tokens):
        gap = text[token.end() : (words[-1].start() if words else start)]
        if gap.strip() or "\n" in gap:
            break
        word = token.group()
        if word.endswith(".") and not _INITIALS.fullmatch(word):
            break  # "... in Norway. Central Bank": the previous sentence
        if word in _LEADING_NOISE:
            break  # "Head of the Standing Committee": the name starts after the role
        if word[:1].isupper():
            if _person_before_and(text, token, words):
                # "Assistant Secretary ... Molly Phee and National Security Council Senior
                # Director": a person's name before "and" ends the organisation's
                while words[-1].group() != "and":
                    words.pop()
                break
            words.append(token)
        elif word in _BACK_CONNECTORS and words:
            words.append(token)
        else:
            break
        if len(words) > 7:
            break
    # Drop leading connectors and sentence-initial noise ("The", "In").
    while words and (words[-1].group() in _CONNECTORS or words[-1].group() in _LEADING_NOISE):
        words.pop()
    name_start = words[-1].start() if words else start
    # Forwards: up to two "of/for/on (the) Capitalised ..." tails.
    name_end = end
    for _ in range(2):
        tail = _TAIL.match(text, name_end)
        if not tail:
            break
        if not _NOT_TAIL.isdisjoint(tail.group().split()):
            break
        country_end = countries.end_within(name_end, tail.end())
        if country_end is not None:
            # "Ministry of Foreign Affairs of Norway Audun Halvorsen": the country closes it.
            return name_start, country_end
        name_end = tail.end()
    return name_start, name_end


def _person_before_and(text: str, token: re.Match[str], words: list[re.Match[str]]) -> bool:
    """Is ``token`` the given name of an official named just before an "and" of the name
    read backwards: "Assistant Secretary of State for African Affairs Molly Phee and
    National Security Council"? (Not "Early Warning and Adaptation Initiative": no office
    before it, and its second word one the text writes in lower case.)"""
    if len(words) < 2 or words[-2].group() != "and" or token.group() not in given_names():
        return False
    if words[-1].group().lower() in lower_words(text):
        return False
    return _OFFICE_BEFORE.search(text, max(0, token.start() - 60), token.start()) is not None


# An office just before a person's name.
_OFFICE_BEFORE = re.compile(
    r"\b(?:Secretary|Minister|Director|Ambassador|Envoy|Representative|Affairs|Chair(?:man|woman)?|"
    r"President|Commissioner|Advis[eo]r|Coordinator|Spokes(?:man|woman|person))\s+$"
)


_INITIALS = re.compile(r"(?:[^\W\d_]\.)+")
_CAP = r"(?:(?:[A-Z]\.){2,}|[^\W\d_a-z][\w'’&-]*)"
# "of/for/on (the) Capitalised Words", joined by "and"/"of"/"&" but not "the": "and the
# Office of ..." starts another organisation.
_TAIL = re.compile(rf"[ ]+(?:of|for|on)[ ]+(?:the[ ]+)?{_CAP}(?:[ ]+(?:(?:and|of|&)[ ]+)?{_CAP})*")


def _clip(
    text: str, start: int, end: int, word: tuple[int, int], taken: list[tuple[int, int]]
) -> tuple[int, int]:
    """Cut a pattern name where lexicon names (already found) sit inside it.

    Returns an empty span when a lexicon name covers the organisation word itself.
    """
    index = bisect.bisect_left(taken, (start, start))
    for other_start, other_end in taken[max(0, index - 1) : index + 6]:
        if other_end <= start or other_start >= end:
            continue
        if other_start < word[1] and other_end > word[0]:
            return start, start
        if other_end <= word[0]:
            start = max(start, other_end)
        else:
            end = min(end, other_start)
    tokens = list(_WORD.finditer(text, start, end))
    while tokens and (tokens[-1].group() in _CONNECTORS or not tokens[-1].group()[0].isalnum()):
        tokens.pop()
    while tokens and (
        tokens[0].group() in _CONNECTORS
        or tokens[0].group() in _LEADING_NOISE
        or not tokens[0].group()[0].isalnum()
    ):
        tokens.pop(0)
    if not tokens:
        return start, start
    return tokens[0].start(), tokens[-1].end()


def _ministry_key(text: str, start: int, end: int, countries: _CountryIndex) -> str | None:
    """``Ministry of <Subject> (<Country>)`` for the ways a ministry is written."""
    surface = text[start:end]
    if "Ministry" not in surface:
        return None
    words = surface.split()
    country = None
    if words[-1] == "Ministry" and len(words) >= 2:
        # "Norwegian Foreign Ministry", "Kazakh Ministry"
        subject = _MINISTRY_SUBJECTS.get(words[-2].lower())
        country = countries.within(start, end)
        if subject is None:
            return None
        name = f"Ministry of {subject}"
    elif words[0] == "Ministry" and len(words) >= 3 and words[1] in ("of", "for"):
        # "Ministry of Foreign Affairs of Norway": the country closes the name.
        body = surface[len("Ministry ") :]
        country = countries.within(start, end)
        cut = re.search(r"\s+of\s+(?:the\s+)?(?:Republic\s+of\s+|Kingdom\s+of\s+)?[^\s]+$", body)
        if country and cut and countries.within(start + len("Ministry ") + cut.start(), end):
            body = body[: cut.start()]
        name = f"Ministry {body}"
    else:
        return None
    return f"{name} ({country_name(country)})" if country else name


@functools.lru_cache(maxsize=512)
def country_name(code: str) -> str:
    """A short English name for an ISO alpha-3 code (the code itself when unknown)."""
    if code in _SHORT_COUNTRY:
        return _SHORT_COUNTRY[code]
    try:
        import pycountry

        country = pycountry.countries.get(alpha_3=code)
    except (ImportError, LookupError, KeyError):
        return code
    if country is None:
        return code
    return getattr(country, "common_name", None) or country.name
