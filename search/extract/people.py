"""People named in an article: name, role, country and later short references.

A person is only taken where the text says someone is one: a role or title next to a
capitalised name (``Deputy Foreign Minister Roman Vassilenko``, ``Antony J. Blinken,
Secretary of State``) or a form of address (``Ms. Huitfeldt``).  That keeps company
names, places and sentence-initial words out without a list of every first name.
Roles come from ``data/roles.yaml``; the search starts from the role words (looked up
in the word index shared by the extractors), so articles without any cost almost nothing.

Country affiliation, strongest evidence first: a country or demonym in the role
(``of Norway``, ``Kazakhstani Foreign Minister``); ``<name> of Morocco``; "the
Norwegian side / Kazakhstan delegation was led by"; "signed for Ghana"; finally the
``home`` country given by the caller (a national agency's own officials).
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from search.extract.affiliation import (
    PORTFOLIO_WORDS,
    Affiliation,
    office_affiliation,
    own_office,
    strip_country_complement,
)
from search.extract.aliases import parse_name, same_person
from search.extract.given import given_names
from search.extract.notables import notable_name, notable_side
from search.extract.orgs import international
from search.extract.plain_names import SURNAME_MONTHS, find_plain_names
from search.extract.sentences import sentence_at
from search.extract.topics import KeywordMatcher
from search.model import Mention, PersonRef, Span

ROLES_FILE = Path(__file__).parent / "data" / "roles.yaml"

# Prepositions that open a role's complement ("Minister *of* Foreign Affairs").
_COMPLEMENT = frozenset({"of", "for", "at", "on", "to"})
# Lower-case words allowed inside a complement between capitalised words.
_CONNECTORS = frozenset({"of", "the", "and", "for", "on", "at", "de", "in", "to", "&"})
# Lower-case particles inside names ("Ursula von der Leyen", "Mohammed bin Salman").
_PARTICLES = frozenset("de del della der di da dos du van von bin ibn al el la le ten ter".split())
# Words that may describe a person between a role and the name after a comma
# ("Director of X, famous scientist and writer Olav Njølstad") but not verbs.
_NOT_DESCRIPTION = frozenset(
    "said says told added noted stressed met signed is was are were has have had will would "
    "who which that but also it he she they we as when while after before".split()
)
_MAX_NAME_WORDS = 4
_DATE_WORDS = frozenset(
    """Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April
    May June July August September October November December Jan Feb Mar Apr Jun Jul Aug Sep
    Sept Oct Nov Dec""".split()
)
# Words that may close a role ("Secretary General", "Minister-Designate").
_ROLE_TAILS = frozenset({"general", "designate", "elect", "emeritus"})
# Capitalised words naming a body whose officer a following role is ("Police and Crime
# Commissioner", "House Judiciary Committee chairman"), beyond roles.yaml's stops.
_BODY_WORDS = frozenset({"police", "crime", "judiciary", "commons", "lords", "court", "cabinet"})
_COMPASS = frozenset(
    "west western east eastern north northern south southern central middle near".split()
)
# Words before a role that say when it was held ("former Japanese Prime Minister").
_TIME_MODIFIERS = frozenset({"former", "then", "ex", "acting", "outgoing", "incoming"})
# How much text around a role word is read (characters before and after it).
_BEFORE, _AFTER = 80, 200

# Modifiers that are acronyms ("UN Special Envoy"); written "Un" they are names.
_ACRONYM_MODIFIERS = frozenset({"un", "eu", "us", "mfa", "mofa"})
# What the registry says of a name: ``(country, org)``, or None.
Known = Callable[[str], "tuple[str | None, str | None] | None"]
# Regnal numbers and generational suffixes that end a name ("John Paul II").
_REGNAL = re.compile(r"(?:I{1,3}|IV|VI{0,3}|IX|XI{0,3})(?:[’']s)?")
_TOKEN = re.compile(r"[^\W\d_][\w'’-]*|\d[\w.,]*|\S")
_POSSESSIVE_ENDINGS = ("'s", "’s")
# What may follow a role word for a name to be near: a capital, a complement, a chain.
_PROMISING = re.compile(r"(?:-\w+)?(?:\s+(?:of|for|at|on|to|and)\b|\s*[^\W\d_a-z]|\s*,)")
_LED_BY_RE = re.compile(
    r"\b(?:side|delegation|team|mission|party)\s*,?\s+"
    r"(?:was\s+|were\s+|is\s+|are\s+|has\s+been\s+|will\s+be\s+)?"
    r"(?:led|headed|represented|chaired)\s+by\s+(?:the\s+)?(?:H\.E\.\s+)?$"
)
# How far before "delegation"/"side" the country it belongs to may start (characters).
_SIDE_REACH = 24
_SIGNED_FOR = re.compile(r"\s*,?\s*(?:signed|spoke|acted)\s+(?:for|on\s+behalf\s+of)\s+(?:the\s+)?")
_REGION_AFTER = re.compile(r"([A-Z][a-z]+(?:\s[A-Z][a-z]+)?)\b")
_OF_COUNTRY = re.compile(r"\s+of\s+(?:the\s+)?|\s*\(\s*(?=[^)]{2,40}\))")


@dataclass(frozen=True, slots=True)
class _Lexicon:
    matcher: KeywordMatcher
    cores: frozenset[str]
    modifiers: frozenset[str]
    stops: frozenset[str]
    honorifics: frozenset[str]
    not_names: frozenset[str]


@functools.lru_cache(maxsize=2)
def _lexicon(path: str = str(ROLES_FILE)) -> _Lexicon:
    with open(path, encoding="utf-8") as handle:
        data = yaml.load(handle, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    cores = {word.lower() for word in data["cores"]}
    compounds = [phrase.lower() for phrase in data["compounds"]]
    honorifics = {word.rstrip(".") for word in data["honorifics"]}
    entries = [(word, "role") for word in cores] + [(phrase, "role") for phrase in compounds]
    entries += [(word, "honorific") for word in honorifics]
    # A compound's last word ("prime *minister*") is a core too; its first words are
    # only found through the compound, or they would make "general" or "state" roles.
    lasts = {phrase.split()[-1] for phrase in compounds} - _ROLE_TAILS
    lasts -= {word.lower() for word in honorifics}  # "Crown Prince", but "Prince Khalid"
    return _Lexicon(
        matcher=KeywordMatcher(entries),
        cores=frozenset(cores | lasts),
        modifiers=frozenset(word.lower() for word in data["modifiers"]),
        stops=frozenset(word.lower() for word in data["stops"]),
        honorifics=frozenset(honorifics),
        not_names=frozenset(data["not_names"]),
    )


# A token: the regex match (``tok[0]`` its text, ``tok.start()``, ``tok.end()``).
_Tok = re.Match[str]


@dataclass(slots=True)
class _Candidate:
    name: str
    start: int  # the reference as written ("Ms. Huitfeldt")
    end: int
    consumed: int  # where the role or name parsed ends, to skip role words inside it
    role: str | None
    side: Affiliation | None
    surface: str = ""
    sentence: tuple[int, int] = (0, 0)


@dataclass(slots=True)
class _Person:
    name: str
    role: str | None = None
    side: Affiliation | None = None
    role_sentence: tuple[int, int] | None = None
    spans: list[tuple[int, int]] = field(default_factory=list)
    surfaces: list[str] = field(default_factory=list)
    sentences: list[tuple[int, int]] = field(default_factory=list)


class _Countries:
    """Country mentions by position, to ask which country a stretch of text names."""

    def __init__(self, mentions: Sequence[Mention], text: str = ""):
        self.text = text
        ordered = sorted(
            (m.span.start, m.span.end, m.key, m.how)
            for m in mentions
            if m.kind == "country" and m.how != "dateline"
        )
        self.items = [item[:3] for item in ordered]
        self.hows = [item[3] for item in ordered]
        self.starts = [item[0] for item in ordered]

    def overlapping(self, start: int, end: int) -> str | None:
        index = bisect.bisect_right(self.starts, end - 1) - 1
        while index >= 0:
            m_start, m_end, key = self.items[index]
            if m_end > start:
                return key
            if m_end <= start and m_start < start - 200:
                break
            index -= 1
        return None

    def start_of(self, start: int, end: int) -> int | None:
        """Where the country mention overlapping ``[start, end)`` begins, if there is one."""
        index = bisect.bisect_right(self.starts, end - 1) - 1
        while index >= 0:
            m_start, m_end, _key = self.items[index]
            if m_end > start:
                return m_start
            if m_start < start - 200:
                break
            index -= 1
        return None

    def how_at(self, start: int, end: int) -> str | None:
        """How the country mention overlapping ``[start, end)`` is written, if any."""
        index = bisect.bisect_right(self.starts, end - 1) - 1
        if index >= 0 and self.items[index][1] > start:
            return self.hows[index]
        return None

    def keys_in(self, start: int, end: int, *, skip_capitals: bool = False) -> list[str]:
        """Codes of the mentions inside ``[start, end)``."""
        index = bisect.bisect_left(self.starts, start)
        keys = []
        while index < len(self.items) and self.items[index][0] < end:
            if not (skip_capitals and self.hows[index] == "capital"):
                keys.append(self.items[index][2])
            index += 1
        return keys

    def items_in(
        self, start: int, end: int, *, skip_capitals: bool = False
    ) -> list[tuple[int, int, str]]:
        """``(start, end, code)`` of the mentions inside ``[start, end)``."""
        index = bisect.bisect_left(self.starts, start)
        found = []
        while index < len(self.items) and self.items[index][0] < end:
            if not (skip_capitals and self.hows[index] == "capital"):
                found.append(self.items[index])
            index += 1
        return found

    def spans_in(self, start: int, end: int) -> list[tuple[int, int]]:
        """``(start, end)`` of the mentions inside ``[start, end)``."""
        index = bisect.bisect_left(self.starts, start)
        spans = []
        while index < len(self.items) and self.items[index][0] < end:
            if self.items[index][1] <= end:
                spans.append(self.items[index][:2])
            index += 1
        return spans

    def nationality_in(self, text: str, start: int, end: int) -> str | None:
        """The first country inside ``[start, end)`` that is not a portfolio.

        "U.S. Special Representative for the DPRK": USA, not PRK; "Ambassador to
        Kazakhstan": none.
        """
        index = bisect.bisect_left(self.starts, start)
        while index < len(self.items) and self.items[index][0] < end:
            m_start, m_end, key = self.items[index]
            index += 1
            if m_end > end:
                break
            if _portfolio(text, start, m_start):
                continue
            return key
        return None

    def first_in(self, start: int, end: int) -> str | None:
        index = bisect.bisect_left(self.starts, start)
        if index < len(self.items) and self.items[index][1] <= end:
            return self.items[index][2]
        return None

    def last_before(self, position: int, reach: int) -> str | None:
        index = bisect.bisect_left(self.starts, position) - 1
        if index >= 0 and self.items[index][0] >= position - reach:
            return self.items[index][2]
        return None

    def starting_at(self, position: int) -> tuple[str, int] | None:
        index = bisect.bisect_left(self.starts, position)
        if index < len(self.items) and self.items[index][0] == position:
            return self.items[index][2], self.items[index][1]
        return None


_PORTFOLIO_LIST = re.compile(
    r"\b(?:for|to|on|against)\s+(?:the\s+)?(?:[A-Z][\w'’.-]*(?:\s+(?:of\s+)?[A-Z][\w'’.-]*)*"
    r"\s*,\s*(?:and\s+)?)+$"
)


def _portfolio(text: str, floor: int, position: int) -> bool:
    """Is the country or organisation written at ``position`` a portfolio ("Ambassador to
    (the) X", "Envoy for X")?  Only words after ``floor`` are read."""
    before = text[max(floor, position - 24) : position].split()
    if before and before[-1].lower() == "the":
        before.pop()
    if bool(before) and before[-1].lower() in PORTFOLIO_WORDS:
        return True
    # A later item of the portfolio's list: "for Afghanistan, Pakistan, and Central Asia".
    return _PORTFOLIO_LIST.search(text, max(floor, position - 120), position) is not None


class _Orgs:
    """International organisations named in the text, by position."""

    def __init__(self, mentions: Sequence[Mention], text: str = ""):
        self.text = text
        ordered = sorted(
            (m.span.start, m.span.end, m.key)
            for m in mentions
            if m.kind == "org" and international(m.key)
        )
        self.items = ordered
        self.starts = [item[0] for item in ordered]

    def first_in(self, start: int, end: int) -> str | None:
        index = bisect.bisect_left(self.starts, start)
        if index < len(self.items) and self.items[index][1] <= end:
            return self.items[index][2]
        return None

    def last_before(self, position: int, reach: int) -> str | None:
        index = bisect.bisect_left(self.starts, position) - 1
        if index >= 0 and self.items[index][0] >= position - reach:
            return self.items[index][2]
        return None

    def affiliation_in(self, text: str, start: int, end: int) -> str | None:
        """The first organisation inside ``[start, end)`` that is not a portfolio
        ("Representative to the UN" serves a country, not the UN)."""
        index = bisect.bisect_left(self.starts, start)
        while index < len(self.items) and self.items[index][0] < end:
            m_start, m_end, key = self.items[index]
            index += 1
            if m_end > end:
                break
            if _portfolio(text, start, m_start):
                continue
            return key
        return None

    def covers(self, start: int, end: int) -> bool:
        """Is ``[start, end)`` inside an international organisation's name?"""
        index = bisect.bisect_right(self.starts, start) - 1
        return index >= 0 and self.items[index][1] >= end


def find_people(
    text: str,
    sentences: Sequence[tuple[int, int]],
    country_mentions: Sequence[Mention] = (),
    *,
    home: str | None = None,
    publisher: str | None = None,
    context: str | None = None,
    org_mentions: Sequence[Mention] = (),
    known: Known | None = None,
    title_end: int = 0,
) -> tuple[PersonRef, ...]:
    """Find the people an article names, with role, country and every reference.

    Args:
        text: The document text (title, blank line, body).
        sentences: Its sentence spans.
        country_mentions: The country tagger's mentions (names, demonyms, capitals).
        home: ISO alpha-3 of a national news agency's country; officials the text gives
            no country ("President Nursultan Nazarbayev" in a Kazinform story) are taken
            to be its, unless a sentence naming them names another country.
        publisher: ISO alpha-3 of a government publisher: its own offices ("Deputy
            Secretary Sherman" in a State Department release) are its officials; other
            roles without a country are not (see `search.extract.affiliation`).
        context: ISO alpha-3 of the one country a news story is set in (its dateline
            country, or the only country it concerns); like ``home``, the weakest clue,
            but given to people named without a role too (``home`` only to officials).
        org_mentions: Organisation mentions; an international one in a role ("NATO
            Secretary General") makes the person its official.
        known: Asked for the ``(country, org)`` the archive trusts for a name, when this
            article gives a person no side of its own (`search.registry.KnownPeople`).
        title_end: ``len(title)`` (0 without a title); in a Title Case headline only the
            name words the body also uses are kept ("President Biden Meets Leaders").

    Returns:
        One `PersonRef` per person, in order of first mention.  ``name`` is the most
        complete form, ``aliases`` the other forms written (``Mr.Vassilenko``), ``spans``
        every reference (name and short forms).
    """
    if not text:
        return ()
    lexicon = _lexicon()
    hits = lexicon.matcher.find(text)
    countries = _Countries(country_mentions, text)
    parser = _Parser(text, sentences, lexicon, countries, _Orgs(org_mentions), publisher)
    candidates: list[_Candidate] = []
    consumed = -1
    for start, end, payloads in hits:
        if start < consumed:
            continue
        if "honorific" in payloads:
            candidate = parser.honorific(start, end)
        elif _PROMISING.match(text, end) or "," in text[max(0, start - 40) : start]:
            candidate = parser.role(start, end)
        else:
            continue  # "the Kazakh diplomat held ...": no name can follow
        if candidate is not None:
            candidate.surface = " ".join(text[candidate.start : candidate.end].split())
            candidate.sentence = _sentence_span(text, sentences, candidate.start)
            candidates.append(candidate)
            consumed = max(consumed, candidate.consumed, end)
    candidates.extend(_bare(text, sentences, candidates, parser))
    candidates = _trim_headline(text, title_end, candidates)
    candidates = [c for c in candidates if not _NAMED_AFTER.match(text, c.end)]
    if not candidates:
        return ()
    candidates.sort(key=lambda c: c.start)
    _share_plural_role(text, candidates)
    _counterparts(text, candidates, countries)
    _counterpart_roles(text, candidates)
    _share_listed_country(text, candidates, publisher)
    _press_contacts(text, candidates, publisher)
    people = _merge(candidates, None if publisher else home, context, publisher, countries, known)
    _add_references(text, people)
    return tuple(_person_ref(text, sentences, person) for person in people)


def person_mentions(people: Sequence[PersonRef], text: str) -> list[Mention]:
    """Every reference to the people of `find_people` as ``kind="person"`` mentions."""
    mentions = [
        Mention("person", person.name, text[span.start : span.end], span, "name")
        for person in people
        for span in person.spans
    ]
    mentions.sort(key=lambda mention: mention.span.start)
    return mentions


# --------------------------------------------------------------------------- parsing


class _Parser:
    """Reads a role and the name next to it, token by token, within one sentence."""

    def __init__(
        self,
        text: str,
        sentences: Sequence[tuple[int, int]],
        lexicon: _Lexicon,
        countries: _Countries,
        orgs: _Orgs,
        publisher: str | None,
    ):
        self.text = text
        self.sentences = sentences
        self.lex = lexicon
        self.countries = countries
        self.orgs = orgs
        self.publisher = publisher
        self._tokens: dict[tuple[int, int], tuple[list[_Tok], list[int]]] = {}

    # ---- tokens

    def _sentence(self, position: int) -> tuple[int, list[_Tok], list[int]]:
        """Tokens around ``position``, within its sentence.

        A short sentence is tokenised whole, once for all its role words; of a long one
        only a window (a role's modifiers, an apposition before it, its complement and
        name after it): tokenising long sentences whole was most of the cost.
        """
        index = sentence_at(self.sentences, position) if self.sentences else 0
        start, end = self.sentences[index] if self.sentences else (0, len(self.text))
        if not start <= position < end:
            start, end = position, len(self.text)
        if end - start > _BEFORE + _AFTER:
            start = max(start, position - _BEFORE)
            end = min(end, position + _AFTER)
        text = self.text
        while start > 0 and start < position and text[start - 1].isalnum():
            start += 1  # do not begin inside a word
        while end < len(text) and end > position and text[end].isalnum():
            end -= 1
        key = (start, end)
        cached = self._tokens.get(key)
        if cached is None:
            # Match objects, not tuples: the list is built in C (``tok[0]``, ``.start()``).
            tokens = list(_TOKEN.finditer(text, start, end))
            cached = self._tokens[key] = (tokens, [tok.start() for tok in tokens])
        return index, cached[0], cached[1]

    def is_name_word(self, tok: _Tok) -> bool:
        word = _strip_possessive(tok[0])
        head, dash, rest = word.partition("-")
        if dash and head in _PARTICLES and rest[:1].isupper():
            word = rest  # "Bashar al-Assad", "Moammar al-Eryani"
        if len(word) < 2 or not word[0].isupper() or word in self.lex.not_names:
            return False
        if word.rstrip(".") in self.lex.honorifics:
            return False
        lowered = word.lower()
        if lowered in _ACRONYM_MODIFIERS and word[1:].islower():
            return True  # "Kim Jong Un": a name word, not the UN
        if lowered in self.lex.stops or lowered in self.lex.cores or lowered in self.lex.modifiers:
            return False
        if not any(ch.islower() for ch in word[1:]):
            return False  # "LEU", "OSCE", all-capitals headlines
        return self.countries.overlapping(tok.start(), tok.end()) is None

    def _is_initial(self, tokens: list[_Tok], i: int) -> bool:
        tok = tokens[i]
        return (
            len(tok[0]) == 1
            and tok[0].isupper()
            and i + 1 < len(tokens)
            and tokens[i + 1][0] == "."
            and tokens[i + 1].start() == tok.end()
        )

    def _month_surname(self, tokens: list[_Tok], j: int, words: int) -> bool:
        """ "Theresa May": a month's name after a given name is a surname, unless a day
        follows ("Biden May 5") or the given name is not one."""
        word = _strip_possessive(tokens[j][0])
        if words != 1 or word not in SURNAME_MONTHS:
            return False
        if j + 1 < len(tokens) and tokens[j + 1][0][:1].isdigit():
            return False
        return tokens[j - 1][0] in given_names()

    def _name_forward(self, tokens: list[_Tok], i: int) -> tuple[int, int] | None:
        """Token range ``[i, j)`` of a name starting at ``i``."""
        n = len(tokens)
        while i < n and _strip_possessive(tokens[i][0]).rstrip(".") in self.lex.honorifics:
            i += 1  # "External Affairs Minister Dr. S. Jaishankar"
            if i < n and tokens[i][0] == ".":
                i += 1
        j = i
        words = 0
        while j < n and words < _MAX_NAME_WORDS:
            tok = tokens[j]
            if self._is_initial(tokens, j):
                j += 2
                continue
            if (
                tok[0].lower() in _PARTICLES
                and words
                and j + 1 < n
                and self.is_name_word(tokens[j + 1])
            ):
                j += 1
                continue
            if not self.is_name_word(tok) and not self._month_surname(tokens, j, words):
                break
            words += 1
            j += 1
            if tok[0].endswith(_POSSESSIVE_ENDINGS):
                break  # "Blinken’s Meeting": the name ends at the possessive
        if words and j < n and tokens[j][0][:1].isdigit():
            return None  # "Executive Order 13818", "Resolution 2231": documents
        if words and j < n and _REGNAL.fullmatch(tokens[j][0]):
            j += 1  # "Queen Elizabeth II", "Pope John Paul II"
        while j > i and (tokens[j - 1][0] == "." and not self._is_initial(tokens, j - 2)):
            j -= 1
        if words == 0:
            return None
        return i, j

    def _name_backward(self, tokens: list[_Tok], end: int, floor: int) -> tuple[int, int] | None:
        """Token range ``[i, end)`` of a name ending just before ``end``."""
        i = end
        words = 0
        if i - 1 > floor and _REGNAL.fullmatch(tokens[i - 1][0]) and tokens[i - 1][0] != "I":
            i -= 1  # "Lloyd J. Austin III": the number ends the name
        while i > floor:
            tok = tokens[i - 1]
            if tok[0] == "." and i - 2 >= floor and self._is_initial(tokens, i - 2):
                i -= 2
                continue
            if tok[0].lower() in _PARTICLES and words:
                i -= 1
                continue
            if not self.is_name_word(tok):
                break
            words += 1
            i -= 1
            if words > _MAX_NAME_WORDS:
                return None
        while i < end and tokens[i][0].lower() in _PARTICLES:
            i += 1
        if words == 0:
            return None
        return i, end

    def _name_text(self, tokens: list[_Tok], i: int, j: int) -> tuple[str, int, int]:
        start, end = tokens[i].start(), tokens[j - 1].end()
        surface = " ".join(self.text[start:end].split())
        stripped = _strip_possessive(surface)
        return stripped, start, end - (len(surface) - len(stripped))

    # ---- honorifics: "Ms. Huitfeldt", "Mr.Vassilenko", "Dr. C.S. Eliot Kang"

    def honorific(self, start: int, end: int) -> _Candidate | None:
        if not self.text[start].isupper():
            return None  # "ms" in running text
        _, tokens, starts = self._sentence(start)
        i = bisect.bisect_left(starts, start)
        if i >= len(tokens) or tokens[i].start() != start:
            return None
        j = i + 1
        if j < len(tokens) and tokens[j][0] == "." and tokens[j].start() == tokens[i].end():
            j += 1
        found = self._name_forward(tokens, j) if j < len(tokens) else None
        if found is None:
            return None
        name, name_start, name_end = self._name_text(tokens, *found)
        country = self.country_after(name_end)
        side = Affiliation(country, None, "role") if country else None
        return _Candidate(name, start, name_end, name_end, None, side)

    # ---- roles

    def role(self, start: int, end: int) -> _Candidate | None:
        _, tokens, starts = self._sentence(start)
        n = len(tokens)
        first = bisect.bisect_right(starts, start) - 1
        last = bisect.bisect_right(starts, end - 1) - 1
        if first < 0 or last < first:
            return None
        lex = self.lex
        # Backwards over modifiers and a country or demonym: "Kazakhstani Deputy Foreign Minister".
        role_first = first
        role_country = None
        i = first - 1
        while i >= 0:
            tok = tokens[i]
            lowered = tok[0].lower()
            country = self.countries.overlapping(tok.start(), tok.end())
            if country is not None:
                begins = self.countries.start_of(tok.start(), tok.end())
                if begins is not None and _portfolio(self.text, 0, begins):
                    # "Special Representative for the Democratic People's Republic of Korea
                    # (DPRK) Ambassador Sung Kim": another office's portfolio, not his side.
                    break
                role_country = role_country or country
                role_first = i
            elif self.orgs.covers(tok.start(), tok.end()):
                if _portfolio(self.text, 0, tok.start()):
                    break  # the UN of "U.S. Representative to the UN Ambassador X"
                role_first = i  # "NATO Secretary General", "African Union Commission Chair"
            elif lowered in lex.modifiers or lowered in lex.cores:
                role_first = i
            elif (
                tok[0][:1].isupper()
                and lowered in lex.stops
                and i > 0
                and self.orgs.covers(tokens[i - 1].start(), tokens[i - 1].end())
            ):
                pass  # "Commission" after "African Union": the org's body
            elif tok[0] in "-–" or lowered in ("u.s", "u.n"):
                pass
            elif lowered == "and" and i > 0 and tokens[i - 1][0].lower() in lex.modifiers:
                pass  # "Energy and Mines Minister"
            elif (
                tok[0] == ")" and i >= 2 and tokens[i - 2][0] == "(" and tokens[i - 1][0].isupper()
            ):
                i -= 2  # "Republic of Korea (ROK) First Vice Foreign Minister"
            elif (region := _region_country(tokens, i)) is not None:
                # "Florida Governor Ron DeSantis", "South Carolina Governor": that country.
                role_country = role_country or region[0]
                role_first = i = region[1]
            elif (
                tok[0][:1].isupper()
                and i > 0
                and (
                    bridged := self.countries.overlapping(
                        tokens[i - 1].start(), tokens[i - 1].end()
                    )
                )
                and not _portfolio(self.text, 0, tokens[i - 1].start())
            ):
                # "the Panama Canal Administrator Ricaurte Vásquez": the country's institution.
                role_country = role_country or bridged
                role_first = i = i - 1
            else:
                body = self._body_before(tokens, i)
                if body is None:
                    break
                role_first = i = body  # "House Judiciary Committee chairman"
            i -= 1
        # Forwards over chained roles: "Deputy Prime Minister and Minister of Foreign Affairs";
        # not after "The Secretary", the publisher's own official, named apart ("The
        # Secretary and Foreign Minister Park" are two people).
        k = last + 1
        lone_definite = (
            role_first == last and role_first > 0 and tokens[role_first - 1][0] in ("the", "The")
        )
        while k < n and not lone_definite:
            m = k + 1 if tokens[k][0].lower() == "and" else k
            while (
                m < n
                and tokens[m][0].lower() in lex.modifiers
                and tokens[m][0].lower() not in lex.cores
            ):
                m += 1
            if m < n and _is_core(lex, tokens[m][0]) and (m > k or _is_core(lex, tokens[k][0])):
                last = m
                k = m + 1
            else:
                break
        while k < n and tokens[k][0].lower() in _ROLE_TAILS:
            last = k
            k += 1
        name_range: tuple[int, int] | None = None
        role_last = last
        if k < n and tokens[k][0] in _COMPLEMENT:
            comp_end = self._complement_end(tokens, k + 1)
            comp_end = self._before_parenthesis(tokens, comp_end, k + 1)
            name_range = self._name_backward(tokens, comp_end, k + 1)
            if name_range is not None and not self._closes_organisation(tokens, name_range[0]):
                name_range = None  # "president of Higashi Nippon": a company, not a person
            role_last = (name_range[0] if name_range else comp_end) - 1
            while role_last > last and (
                tokens[role_last][0] in _CONNECTORS
                or tokens[role_last][0] in "(,."
                or tokens[role_last][0] in lex.honorifics
            ):
                role_last -= 1  # "... Cooperation Sheikh Abdullah": the honorific is not the role
            k = comp_end
        elif k < n:
            name_range = self._name_forward(tokens, k)
        if name_range is None and k < n and tokens[k][0] == ",":
            name_range = self._described_name(tokens, k + 1) or self._set_off_name(
                tokens, role_first, k + 1
            )
        role_start, role_end = tokens[role_first].start(), tokens[role_last].end()
        role_text = self._role_text(tokens, role_first, role_last)
        if name_range is None:
            # "Antony J. Blinken, Secretary of State": the name comes first.
            return self._apposition(
                tokens, role_first, role_text, role_start, role_end, role_country
            )
        name, name_start, name_end = self._name_text(tokens, *name_range)
        side = self._side(role_text, role_start, role_end, role_country, name_end)
        role_text = self._clean_role(role_text, role_start, role_end)
        return _Candidate(name, name_start, name_end, max(name_end, role_end), role_text, side)

    def _complement_end(self, tokens: list[_Tok], i: int) -> int:
        """End (exclusive) of "of the Ministry of Foreign Affairs of Norway Audun Halvorsen"."""
        n = len(tokens)
        start = i
        depth = 0
        limit = i + 25
        while i < n and i < limit:
            text = tokens[i][0]
            if text == "(":
                depth += 1
            elif text == ")":
                if depth == 0:
                    break
                depth -= 1
            elif depth:
                pass
            elif text[0].isupper():
                if text.lower() in self.lex.cores and tokens[i - 1][0].lower() != "the":
                    # "adviser to West German Chancellor Helmut Kohl": Kohl's role; but
                    # "Envoy of the Secretary-General for Western Sahara" is one role.
                    break
                if text.endswith(_POSSESSIVE_ENDINGS):
                    return i + 1
            elif (
                text == "."
                and i > 0
                and (self._is_initial(tokens, i - 1) or tokens[i - 1][0] in self.lex.honorifics)
            ):
                pass  # "Dr. S. Jaishankar"
            elif text in _PARTICLES and i + 1 < n and tokens[i + 1][0][:1].isupper():
                pass  # "Abdullah bin Zayed"
            elif (
                text == ","
                and i + 1 < n
                and (tokens[i + 1][0][:1].isupper() or tokens[i + 1][0] in ("and", "&"))
            ):
                # "for Civilian Security, Democracy, and Human Rights Uzra Zeya"; but in
                # "for Energy, and the Environment Jose Fernandez, Civilian Deputy ..." the
                # complement ends with the name before the comma.
                if (
                    self._ends_name(tokens, i, start)
                    or self._before_parenthesis(tokens, i, start) < i
                ):
                    break  # ... or "Carlos Correa (Colombia), Foreign Minister ..."
            elif text not in _CONNECTORS:
                break
            elif text in ("and", "&") and (
                self._ends_name(tokens, i, start) or self._role_follows(tokens, i + 1)
            ):
                # "Secretary of State Antony J. Blinken and African Union ... Chair";
                # "Speaker of the Mongolian Parliament Zandanshatar and Foreign Minister X"
                break
            i += 1
        # "... Affairs Mukhtar Tileuberdi on August 13": trailing connectors, dates and
        # other words no name contains are not part of it.
        while i > start and (tokens[i - 1][0] in _CONNECTORS or tokens[i - 1][0] in _DATE_WORDS):
            i -= 1
        return i

    def _body_before(self, tokens: list[_Tok], i: int) -> int | None:
        """Start of the body a role belongs to, written before it and ending at token ``i``:
        capitalised words holding one that names a body ("House Judiciary Committee",
        "Police and Crime" of "Police and Crime Commissioner"), or None."""
        lex = self.lex
        j = i
        named_body = False
        while j >= 0 and i - j < 5:
            word = tokens[j][0]
            if word in ("and", "of", "&") and j < i:
                j -= 1
                continue
            if not word[:1].isupper() or word in lex.not_names and word.lower() not in lex.stops:
                break
            lowered = word.lower()
            if (lowered in lex.stops or lowered in _BODY_WORDS) and lowered not in _COMPASS:
                named_body = True  # not "West" of "West German Chancellor"
            j -= 1
        start = j + 1
        while start <= i and tokens[start][0] in ("and", "of", "&"):
            start += 1
        return start if named_body and start <= i else None

    def _before_parenthesis(self, tokens: list[_Tok], end: int, floor: int) -> int:
        """ "Minister of Environment Carlos Correa (Colombia)": the complement ends before a
        closing parenthesis that says whom the person serves (a country), when a name
        ends just before it; "of the Republic of Korea (ROK) Park Jin" is left alone."""
        if end - 1 <= floor or tokens[end - 1][0] != ")":
            return end
        opening = end - 2
        while opening > floor and tokens[opening][0] != "(":
            opening -= 1
        if opening <= floor or tokens[opening][0] != "(":
            return end
        inside = tokens[opening + 1 : end - 1]
        if not inside or self.countries.first_in(inside[0].start(), inside[-1].end()) is None:
            return end
        named = self._name_backward(tokens, opening, floor)
        return opening if named is not None and self._closes_organisation(tokens, named[0]) else end

    def _role_follows(self, tokens: list[_Tok], i: int) -> bool:
        """Does another person's role start at token ``i`` ("Foreign Minister Battsetseg")?"""
        j = i
        while j < len(tokens) and j < i + 4:
            word = tokens[j][0]
            if not word[:1].isupper():
                return False
            lowered = word.lower()
            if lowered in self.lex.cores:
                return j > i or j + 1 < len(tokens) and tokens[j + 1][0][:1].isupper()
            if lowered not in self.lex.modifiers:
                return False
            j += 1
        return False

    def _ends_name(self, tokens: list[_Tok], i: int, floor: int) -> bool:
        """Does a full name (two words or more, after the organisation) end at token ``i``?"""
        named = self._name_backward(tokens, i, floor)
        return bool(
            named and named[1] - named[0] >= 2 and self._closes_organisation(tokens, named[0])
        )

    def _closes_organisation(self, tokens: list[_Tok], i: int) -> bool:
        """Does the token before a complement's last capitalised words end an organisation?

        A person's name follows a word that closes the organisation ("Affairs",
        "Norway", ")"); capitalised words straight after "of"/"for" are the
        organisation itself.
        """
        if i == 0:
            return False
        token = tokens[i - 1]
        text, start, end = token[0], token.start(), token.end()
        if text == "." and i >= 2:
            text = tokens[i - 2][0]  # "Dr."
        if text == ")" or text.lower() in self.lex.stops or text in self.lex.honorifics:
            return True
        country = self.countries.how_at(start, end)
        return country is not None and country != "demonym"

    def _set_off_name(self, tokens: list[_Tok], role_first: int, i: int) -> tuple[int, int] | None:
        """ "The Italian foreign minister, Luigi Di Maio, joined": a definite role, then the
        name between commas (or ending the sentence)."""
        if role_first == 0 or tokens[role_first - 1][0] not in ("the", "The"):
            return None
        found = self._name_forward(tokens, i)
        if found is None or found[1] - found[0] < 2:
            return None
        end = found[1]
        if end < len(tokens) and tokens[end][0] not in (",", ".", ";"):
            return None
        return found

    def _described_name(self, tokens: list[_Tok], i: int) -> tuple[int, int] | None:
        """ ", famous scientist and writer Olav Njølstad": lower-case words, then a name."""
        j = i
        while (
            j < len(tokens)
            and j - i < 6
            and tokens[j][0].islower()
            and tokens[j][0] not in _NOT_DESCRIPTION
        ):
            j += 1
        if j == i or j >= len(tokens):
            return None
        found = self._name_forward(tokens, j)
        if found is None or found[1] - found[0] < 2:
            return None
        return found

    def _apposition(
        self,
        tokens: list[_Tok],
        role_first: int,
        role_text: str,
        role_start: int,
        role_end: int,
        role_country: str | None,
    ) -> _Candidate | None:
        i = role_first
        if i > 0 and tokens[i - 1][0].lower() in ("the", "a", "an"):
            i -= 1
        if i < 2 or tokens[i - 1][0] != ",":
            return None
        found = self._name_backward(tokens, i - 1, 0)
        if found is None or found[1] - found[0] < 2:
            return None
        if (
            found[0] > 0
            and tokens[found[0] - 1][0][:1].isalnum()
            and tokens[found[0] - 1][0][0].isupper()
        ):
            return None  # part of a longer capitalised phrase, not a name
        name, name_start, name_end = self._name_text(tokens, *found)
        side = self._side(role_text, role_start, role_end, role_country, role_end)
        role_text = self._clean_role(role_text, role_start, role_end)
        return _Candidate(name, name_start, name_end, max(name_end, role_end), role_text, side)

    def _side(
        self,
        role: str,
        role_start: int,
        role_end: int,
        role_country: str | None,
        after: int,
    ) -> Affiliation | None:
        """The person's side from the role and the words around it (strongest first)."""
        country = role_country or self.countries.nationality_in(self.text, role_start, role_end)
        if country is None:
            country = self.country_after(after)
        if country is not None:
            return Affiliation(country, None, "role")
        org = self.orgs.affiliation_in(self.text, role_start, role_end)
        if org is not None:
            return Affiliation(None, org, "org")
        led = self._led_by(role_start)
        if led is not None:
            return led
        return office_affiliation(role, self.publisher)

    def _clean_role(self, role: str, role_start: int, role_end: int) -> str:
        """ "President of the Islamic Republic of Afghanistan" -> "President"."""
        offset = self.text.find(role, role_start, role_end + 1)
        if offset < 0:
            return role
        spans = [
            (start - offset, end - offset)
            for start, end in self.countries.spans_in(offset, offset + len(role))
        ]
        return strip_country_complement(role, spans) if spans else role

    def _role_text(self, tokens: list[_Tok], first: int, last: int) -> str:
        # The role as written, without the country in front ("Kazakhstani Foreign
        # Minister", "former Philippine President"); an organisation stays ("NATO
        # Secretary General", "African Union Commission (AUC) Chairperson").
        while first < last:
            tok = tokens[first]
            if self.countries.overlapping(tok.start(), tok.end()):
                first += 1
            elif tok[0] == "(" and first + 2 < last and tokens[first + 2][0] == ")":
                first += 3  # "(ROK) First Vice Foreign Minister"
            else:
                break
        text = self.text
        pieces = []
        cursor = tokens[first].start()
        i = first
        while i < last and tokens[i][0].lower() in _TIME_MODIFIERS:
            # "former Philippine President": the country word after "former" goes too.
            j = i + 1
            while j < last and self.countries.overlapping(tokens[j].start(), tokens[j].end()):
                j += 1
            if j > i + 1:
                pieces.append(text[cursor : tokens[i + 1].start()])
                cursor = tokens[j].start()
            i = j
        pieces.append(text[cursor : tokens[last].end()])
        return " ".join("".join(pieces).split())

    def country_after(self, position: int) -> str | None:
        # "Foreign Minister Bourita of Morocco"
        match = _OF_COUNTRY.match(self.text, position)
        if match:
            hit = self.countries.starting_at(match.end())
            if hit:
                return hit[0]
            # "Doug Collins of Georgia", "Jerrold Nadler of New York": a state's country.
            region = _REGION_AFTER.match(self.text, match.end())
            if region is not None and self.countries.overlapping(*region.span(1)) is None:
                tokens = list(_TOKEN.finditer(region.group(1)))
                found = _region_country(tokens, len(tokens) - 1)
                if found is not None and found[1] == 0:
                    return found[0]
        signed = _SIGNED_FOR.match(self.text, position)
        if signed:
            hit = self.countries.starting_at(signed.end())
            if hit:
                return hit[0]
        return None

    def _led_by(self, role_start: int) -> Affiliation | None:
        # "The Kazakhstan delegation was led by ...", "the OIC delegation, headed by ..."
        window_start = max(0, role_start - 80)
        match = _LED_BY_RE.search(self.text, window_start, role_start)
        if match is None:
            return None
        # The side is named just before its noun: "the Norwegian side", "The OIC delegation".
        country = self.countries.last_before(match.start(), _SIDE_REACH)
        if country is not None:
            return Affiliation(country, None, "led-by")
        org = self.orgs.last_before(match.start(), _SIDE_REACH)
        return Affiliation(None, org, "led-by") if org is not None else None


def _region_country(tokens: list[_Tok], i: int) -> tuple[str, int] | None:
    """The country whose first-level region the capitalised words ending at token ``i``
    name ("Florida", "South Carolina"), with the first token's index; None if none or
    several (a US state wins: English-language news names them most)."""
    from search.extract import places
    from search.extract.gazetteer import gazetteer

    for first in (i - 1, i):
        if first < 0 or not all(tokens[k][0][:1].isupper() for k in range(first, i + 1)):
            continue
        words = " ".join(tokens[k][0] for k in range(first, i + 1))
        regions = places.region_countries(words, abbreviations=False)
        if len(regions) > 1:
            regions = regions & {"US"}
        if len(regions) == 1:
            code = gazetteer().alpha2.get(next(iter(regions)))
            if code is not None:
                return code, first
    return None


def _sentence_span(
    text: str, sentences: Sequence[tuple[int, int]], position: int
) -> tuple[int, int]:
    if not sentences:
        return (0, len(text))
    return tuple(sentences[sentence_at(sentences, position)])  # type: ignore[return-value]


def _is_core(lex: _Lexicon, word: str) -> bool:
    """A role word, also with a closing tail: "Minister-Designate", "President-elect"."""
    lowered = word.lower()
    if lowered in lex.cores:
        return True
    head, dash, tail = lowered.rpartition("-")
    return bool(dash) and head in lex.cores and tail in _ROLE_TAILS


def _strip_possessive(name: str) -> str:
    if name.endswith(("’s", "'s")):
        return name[:-2]
    if name.endswith(("’", "'")):
        return name[:-1]
    return name


# --------------------------------------------------------------------------- merging


# A person's name that names a place or a thing: "the Thomas Jefferson Room", "the Elie
# Wiesel Genocide and Atrocities Prevention Act".
_NAMED_AFTER = re.compile(
    r"\s+(?:Room|Hall|Center|Centre|Building|Headquarters|Palace|Airport|Hotel|Street|"
    r"Avenue|Square|Memorial|Foundation|Institute|Prize|Award|Act|Library|Museum|School)\b"
)
_HEADLINE_JOIN = re.compile(
    r"\s+(?:[Aa]nd|[Ww]ith|[Bb]efore|[Aa]fter|[Dd]uring|[Aa]head|[Oo]n|[Ii]n|[Aa]t|[Tt]o|[Ff]or|"
    r"[Oo]f|&)\s+[A-Z]"
)


def _trim_headline(text: str, title_end: int, candidates: list[_Candidate]) -> list[_Candidate]:
    """In a Title Case headline, keep only the name words the body also uses.

    "President Biden Meets Gulf Leaders" would otherwise give a person "Biden Meets
    Gulf Leaders".
    """
    if title_end <= 0:
        return candidates
    words = [word for word in text[:title_end].split() if len(word) > 3]
    if not words or sum(word[0].isupper() for word in words) < 0.7 * len(words):
        return candidates
    body = text[title_end:]
    kept = []
    for candidate in candidates:
        if candidate.start >= title_end:
            kept.append(candidate)
            continue
        names = candidate.name.split()
        if len(names) <= 3 and _HEADLINE_JOIN.match(text, candidate.end, title_end):
            # "Secretary Antony J. Blinken And Danish Foreign Minister Jeppe Kofod Before
            # Their Meeting": the name ends where the headline goes on with a small word
            # (the body of a transcript may say only "SECRETARY BLINKEN" and "Jeppe").
            kept.append(candidate)
            continue
        keep = 0
        while keep < len(names) and re.search(rf"(?<!\w){re.escape(names[keep])}(?!\w)", body):
            keep += 1
        if keep:
            name = " ".join(names[:keep])
            end = (
                candidate.start
                + text[candidate.start : candidate.end].find(names[keep - 1])
                + len(names[keep - 1])
            )
            candidate.name, candidate.end = name, max(end, candidate.start + len(name))
            candidate.surface = " ".join(text[candidate.start : candidate.end].split())
            kept.append(candidate)
    return kept


# Words before a country that make it a place or the object of a verb, not a nationality.
_PLACE_OR_OBJECT = re.compile(
    r"\b(?:on|in|to|with|into|against|toward|towards|at|visit(?:ed|ing)?)\s+(?:the\s+)?$",
    re.I,
)


def _bare(
    text: str, sentences: Sequence[tuple[int, int]], found: list[_Candidate], parser: _Parser
) -> list[_Candidate]:
    """People named without a role or a form of address (`plain_names`)."""
    taken = sorted((c.start, max(c.end, c.consumed)) for c in found)
    bare = []
    for name, start, end in find_plain_names(text, taken, parser.is_name_word):
        country = parser.country_after(end)
        side = Affiliation(country, None, "role") if country else None
        candidate = _Candidate(name, start, end, end, None, side)
        candidate.surface = " ".join(text[start:end].split())
        candidate.sentence = _sentence_span(text, sentences, start)
        bare.append(candidate)
    return bare


# "Foreign Minister X and Minister of Environment Y (Colombia)": the parenthesis names the
# country of both; between the two, only "and" and the second one's role.
_LISTED_AND = re.compile(r"\s+and\s+[^,;()]{0,120}$")
_PARENTHESIS_AFTER = re.compile(r"\s*\(")
# Between two listed officials: "and", ", and", "as well as (the)".
_AND_THEN = re.compile(r"\s*,?\s*(?:and|as\s+well\s+as)\s+(?:the\s+)?[^,;()]{1,80}", re.I)


_PLURAL_ROLE = re.compile(
    r"\b((?:(?:Foreign|Prime|Defen[cs]e|Finance|Trade|Economy|Energy|Oil|Health|Deputy|Vice)\s+)*"
    r"(?:Presidents|Ministers|Senators|Representatives|Ambassadors|Governors|Secretaries|"
    r"Chancellors|Premiers|Mayors))\s+$",
    re.I,
)
_SINGULAR = {"secretaries": "secretary", "presidents": "president"}
# Between two names of one list: ", ", ", and ", " and ", after the first one's "of Nigeria".
_NAME_LIST_GAP = re.compile(
    r"(?:\s+of\s+(?:the\s+)?[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3})?\s*(?:,\s*and|,|and)\s+"
)


_COUNTERPART_BEFORE = re.compile(r"(?<!, )(?<!and )\b([A-Z][\w'’-]+)\s+counterpart\s*,?\s*$")


def _counterparts(text: str, candidates: list[_Candidate], countries: _Countries) -> None:
    """ "met his Swiss counterpart Otto Stich": the demonym says whom he serves."""
    for candidate in candidates:
        if candidate.side is not None:
            continue
        found = _COUNTERPART_BEFORE.search(text, max(0, candidate.start - 60), candidate.start)
        if found is None:
            continue
        country = countries.overlapping(found.start(1), found.end(1))
        if country is not None:
            candidate.side = Affiliation(country, None, "role")


_COUNTERPART = re.compile(r"\bcounterparts?\b\s*,?\s*", re.I)
_LIST_GAP = re.compile(r"\s*(?:,\s*and|,|and)\s+")


def _counterpart_roles(text: str, candidates: list[_Candidate]) -> None:
    """ "Brazilian Finance Minister Dilson Funaro met his Swiss counterpart Otto Stich";
    "foreign minister Sameh Shoukry and his Greek, Cypriot and French counterparts, Nikos
    Dendias, Nikos Christodoulides and Jean-Yves Le Drian": each holds the office of the
    one whose counterpart they are (the nearest person before, in the sentence, with a
    role)."""
    for found in _COUNTERPART.finditer(text):
        after = [
            c
            for c in candidates
            if c.start >= found.end() and c.sentence[0] <= found.start() < c.sentence[1]
        ]
        before = [
            c
            for c in candidates
            if c.end <= found.start() and c.role and c.sentence[0] <= found.start() < c.sentence[1]
        ]
        if not after or not before:
            continue
        role = before[-1].role
        position = found.end()
        for candidate in after:
            gap = text[position : candidate.start]
            if gap and not _LIST_GAP.fullmatch(gap):
                break
            if candidate.role is None:
                candidate.role = role
            position = candidate.end


def _share_plural_role(text: str, candidates: list[_Candidate]) -> None:
    """ "Presidents Muhammadu Buhari of Nigeria and Patrice Talon of Benin", "Foreign
    Ministers Lavrov and Tileuberdi": each person named in the list holds the role."""
    ordered = sorted(candidates, key=lambda c: c.start)
    i = 0
    while i < len(ordered):
        head = ordered[i]
        found = _PLURAL_ROLE.search(text, max(0, head.start - 60), head.start)
        if head.role is not None or found is None:
            i += 1
            continue
        words = found.group(1).split()
        last = words[-1]
        words[-1] = _SINGULAR.get(last.lower(), last[:-1])
        if last[0].isupper():
            words[-1] = words[-1][:1].upper() + words[-1][1:]
        role = " ".join(words)
        head.role = role
        j = i + 1
        while (
            j < len(ordered)
            and ordered[j].role is None
            and _NAME_LIST_GAP.fullmatch(text, ordered[j - 1].end, ordered[j].start)
        ):
            ordered[j].role = role
            j += 1
        i = j


_EMAIL_AFTER = re.compile(r"\s*(?:,\s*)?(?:at|via|on|:)?\s*[\w.+-]+@[\w-]+(?:\.[\w-]+)+")


def _press_contacts(text: str, candidates: list[_Candidate], publisher: str | None) -> None:
    """ "For any questions, please contact Vanessa Vidal at NEA-Press@state.gov": a
    government publisher's release names its own press officer."""
    if publisher is None:
        return
    for candidate in candidates:
        if candidate.side is None and _EMAIL_AFTER.match(text, candidate.end):
            candidate.side = Affiliation(publisher, None, "office")


def _share_listed_country(
    text: str, candidates: list[_Candidate], publisher: str | None = None
) -> None:
    """Give a person with no country the country a parenthesis gives the next one."""
    for i in range(len(candidates) - 2, -1, -1):
        here, after = candidates[i], candidates[i + 1]
        if here.side is not None or after.side is None or after.side.country is None:
            continue
        if after.side.how != "role" or not _PARENTHESIS_AFTER.match(text, after.end):
            continue
        if here.sentence != after.sentence or not _LISTED_AND.search(text, here.end, after.start):
            continue
        here.side = Affiliation(after.side.country, None, "listed")
    # "Panamanian President Laurentino Cortizo Cohen and Acting Foreign Minister Dayra
    # Carrizo", "Honduran Minister of Health X and Minister of Economic Development Y": the
    # colleague named right after, with a role of their own and no country, is a compatriot
    # (a well-known figure keeps their own side: "Russian President Putin and President
    # Zelenskyy").
    for here, after in zip(candidates, candidates[1:], strict=False):
        if after.side is not None or after.role is None or here.side is None:
            continue
        if here.side.how != "role" or here.side.country is None or here.sentence != after.sentence:
            continue
        if not _AND_THEN.fullmatch(text[here.end : after.start]) or notable_side(after.name):
            continue
        if publisher is not None and own_office(after.role):
            # "Thailand's Permanent Secretary of Energy ... and Bureau of Energy Resources
            # Senior Bureau Official Harry Kamian led the delegations": the publisher's own.
            continue
        after.side = Affiliation(here.side.country, None, "listed")


def _abroad(
    person: _Person,
    home: set[str | None],
    countries: _Countries,
    *,
    objects: bool = False,
    others: Sequence[int] = (),
) -> bool:
    """Is another country named in the sentence that gives ``person`` their role?

    Then the person's country is not assumed to be the default: "President Putin" in a
    Kazinform story about Ukraine is not Kazakh.  A capital is left out: "in Paris" is
    where something happened, not whom the person serves; with ``objects``, neither is a
    country after "on", "in", "with" ... (the object of what they do).
    """
    start, end = person.role_sentence or person.sentences[0]
    text = countries.text
    for m_start, _m_end, key in countries.items_in(start, end, skip_capitals=True):
        if key in home:
            continue
        if objects and _PLACE_OR_OBJECT.search(text, max(start, m_start - 16), m_start):
            # In a story set in Turkey, "called on Greece", "surgery in the United States"
            # say what a Turkish minister does, not whom they serve.  (A news agency's
            # "President Putin launched a war against Ukraine" keeps Putin foreign.)
            continue
        if objects and any(_m_end < other <= _m_end + 60 for other in others):
            continue  # "U.S. Commerce Secretary Baldrige": another person's country
        return True
    return False


def _merge(
    candidates: list[_Candidate],
    home: str | None,
    context: str | None,
    publisher: str | None,
    countries: _Countries,
    known: Known | None = None,
) -> list[_Person]:
    """Group candidates naming the same person; keep the most complete name and role."""
    people: list[_Person] = []
    for candidate in sorted(candidates, key=lambda c: _completeness(c.name), reverse=True):
        person = next((p for p in people if same_person(candidate.name, p.name)), None)
        if person is not None and _another_notable(candidate, person):
            person = next((p for p in people if p.name == candidate.name), None)
        if person is None and " " not in candidate.name:
            # "President Xi" after "Xi Jinping", "Sir Zelman" after "Sir Zelman Cowen":
            # a lone word naming the first word of exactly one person seen.
            firsts = [p for p in people if p.name.split()[0] == candidate.name and " " in p.name]
            person = firsts[0] if len(firsts) == 1 else None
        if person is None:
            person = _Person(candidate.name)
            people.append(person)
        person.spans.append((candidate.start, candidate.end))
        person.surfaces.append(candidate.surface)
        person.sentences.append(candidate.sentence)
        if candidate.role and (person.role is None or len(candidate.role) > len(person.role)):
            person.role = candidate.role
            person.role_sentence = candidate.sentence
        side = candidate.side
        if side is not None and (person.side is None or side.strength > person.side.strength):
            person.side = side
    for person in people:
        if person.side is None:
            found = known(person.name) if known is not None else None
            if found is not None:
                person.side = Affiliation(found[0], found[1], "registry")
            elif (found := notable_side(person.name)) is not None:
                person.side = Affiliation(found[0], found[1], "notable")
    # A lone word after a form of address ("Sheikh Jarrah" is a neighbourhood, "Dr"
    # alone a title) is not taken for a person unless the text names them in full.
    people = [p for p in people if p.role or p.side or " " in p.name]
    for default, how in ((home, "home"), (context, "context")):
        if default is None:
            continue
        for person in people:
            others = [start for other in people if other is not person for start, _ in other.spans]
            if (
                person.side is None
                and (person.role or how == "context")
                and not _abroad(
                    person, {default}, countries, objects=how == "context", others=others
                )
            ):
                person.side = Affiliation(default, None, how)
    people.sort(key=lambda person: min(person.spans))
    return people


def _another_notable(candidate: _Candidate, person: _Person) -> bool:
    """ "President Reagan" in a story that also names "Nancy Reagan": a surname alone, which
    a well-known figure of another given name bears, is that figure, not the one named in
    full here (who has no role of their own)."""
    if " " in candidate.name or person.role is not None:
        return False
    figure = notable_name(candidate.name)
    return figure is not None and not same_person(figure, person.name)


def _completeness(name: str) -> tuple[int, int]:
    parsed = parse_name(name)
    if parsed is None:
        return (0, len(name))
    return (len(parsed.given or "") + 2 * len(parsed.middles), len(name))


def _add_references(text: str, people: list[_Person]) -> None:
    """Find later short references: the surname alone, after a title or a form of address."""
    taken = sorted(span for person in people for span in person.spans)
    # "President Reagan" kept apart from "Nancy Reagan": "Reagan" alone is the former.
    alone = {person.name for person in people if " " not in person.name}
    for person in people:
        parsed = parse_name(person.name)
        if parsed is None:
            continue
        surname = parsed.surname_raw
        if surname in alone and person.name != surname:
            continue
        position = text.find(surname)
        while position != -1:
            end = position + len(surname)
            if _whole_word(text, position, end) and not _overlaps(taken, position, end):
                start = _reference_start(text, position, person.name)
                person.spans.append((start, end))
                person.surfaces.append(" ".join(text[start:end].split()))
                bisect.insort(taken, (start, end))
            position = text.find(surname, end)


def _reference_start(text: str, position: int, full_name: str) -> int:
    """Extend a surname back over the given names or a form of address written before it."""
    before = text[max(0, position - 60) : position]
    given = (
        full_name[: len(full_name) - len(full_name.split()[-1])].strip() if " " in full_name else ""
    )
    if given and before.rstrip().endswith(given) and before.endswith(" "):
        return position - len(before) + before.rstrip().rfind(given)
    match = _HONORIFIC_BEFORE.search(before)
    if match:
        return position - len(before) + match.start()
    return position


_HONORIFIC_BEFORE = re.compile(r"\b(?:Mr|Mrs|Ms|Miss|Dr|Prof|Sir|Dame|Hon)\.?\s*$")


def _whole_word(text: str, start: int, end: int) -> bool:
    before = text[start - 1] if start > 0 else " "
    after = text[end] if end < len(text) else " "
    return not before.isalnum() and not after.isalnum()


def _overlaps(taken: list[tuple[int, int]], start: int, end: int) -> bool:
    index = bisect.bisect_right(taken, (start, end))
    for other in taken[max(0, index - 2) : index + 2]:
        if other[0] < end and other[1] > start:
            return True
    return False


def _person_ref(text: str, sentences: Sequence[tuple[int, int]], person: _Person) -> PersonRef:
    ordered = sorted(set(person.spans))
    spans = tuple(
        Span(start, end, sentence_at(sentences, start) if sentences else 0)
        for start, end in ordered
    )
    aliases = tuple(dict.fromkeys(surface for surface in person.surfaces if surface != person.name))
    side = person.side
    return PersonRef(
        person.name,
        person.role,
        side.country if side else None,
        aliases,
        spans,
        org=side.org if side else None,
        how=side.how if side else None,
    )
