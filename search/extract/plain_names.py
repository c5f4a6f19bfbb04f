"""People the text names without a role: "Anne Sacoolas", "Barack Obama", "Xi Jinping".

A role ("Foreign Minister X") or a form of address ("Mr. X") finds most people in
diplomatic text; news also names people bare.  Such a name is read when it starts with a
known given name (``data/given_names.txt``: Faker's first-name lists and a hand-written
supplement of diplomatic figures and East Asian surnames, see `bench/make_given_names.py`)
and goes on with one to three capitalised name words or initials.

Not people, though they start with a given name: "the George Washington Bridge", "Abraham
Accords", "John F. Kennedy Center", "Martin Luther King Day" (a word of a building, law,
event or body follows the name, or "the" comes before it).
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Callable

from search.extract.given import given_names
from search.extract.notables import notable_first_words, notable_surnames

# Months that are also surnames ("Theresa May"): a name word after a given name.
SURNAME_MONTHS = frozenset({"May", "June", "April", "August"})
# A capitalised word that may start a name (and a quicker pattern to list them first).
_CAPITALISED = re.compile(r"(?<![\w’'.-])[A-Z][\w’'-]+")
# (The capital first, then the boundary behind it: a pattern that starts with a letter
# class lets the scan skip to the next capital in C, 2.5x faster than ``\b[A-Z]``.)
_CAPITALISED_FAST = re.compile(r"[A-Z](?<!\w[A-Z])[\w’'-]+")
_TOKEN = re.compile(r"[^\W\d_][\w'’-]*|\d[\w.,]*|\S")
_PARTICLES = frozenset(
    "de del della der di da das dos du van von den bin ibn al el la le ten ter".split()
)
_SUFFIXES = frozenset({"Jr", "Sr", "II", "III", "IV"})
_MAX_MORE = 3  # name words after the given name
# What follows a name that belongs to something named after a person.
NAMED_AFTER = frozenset(
    """Accords Accord Agreement Act Doctrine Plan Day Prize Award Awards Center Centre
    Foundation University College School Institute Hospital Airport Street Avenue Road
    Boulevard Square Bridge Park Hall Tower Museum Library Stadium Station Memorial Church
    Cathedral Mosque Temple Palace Company Corporation Group Trust Fund Island Islands Lake
    River Mountain Valley Bay Canal Dam Highway Line Port Express Times Post Journal News
    Review Medal Cup Trophy Show Festival Games Gallery Theatre Theater Orchestra Band
    Records Studios Pictures Inc Ltd Corp Co Bank Fellowship Scholarship Lecture
    Conference Summit Declaration Treaty Convention Protocol Initiative Program Programme
    Process Format Formula Report Commission Committee Council Administration Era Law Rule
    Amendment Building Complex Campus Arena Mall Hotel Restaurant Prison Base Camp Fort
    Field Cemetery Monument Statue Institution Society Association Federation League Club
    Team Party Movement Front Brigade Brigades Battalion Regiment Division Corps Fleet
    Class Series Collection Estate Trophy Open Classic Lecture Chair Professorship Catholic
    Christianity Orthodox Protestant Empire Dynasty Corridor Exchange Market Intermediate
    Crude Revolution Peninsula Corner City Equipment Bros Brothers Industries Holdings
    Enterprises Motors Airlines Airways Securities Associates World Mount Olympics
    Paralympics Olympiad""".split()
)


# Firms named after their founders, frequent in wire news: not people.
_FIRMS = frozenset(
    name.strip()
    for name in """Merrill Lynch|Goldman Sachs|Morgan Stanley|Dow Jones|Philip Morris|Dean Witter|
    Salomon Brothers|Shearson Lehman|Bear Stearns|Arthur Andersen|Price Waterhouse|Walt Disney|
    Charles Schwab|Paine Webber|Smith Barney|Kidder Peabody|Drexel Burnham|Morgan Guaranty|
    Morgan Grenfell|Thomson McKinnon|Prudential Bache|Lehman Brothers|James Capel|
    Hewlett Packard|Rolls Royce|Louis Vuitton|Harley Davidson|Tommy Hilfiger|Calvin Klein|
    Ralph Lauren|Estee Lauder|Johnson Matthey|Edward Jones|Thomas Cook|Martin Marietta|
    Thomson Reuters|William Hill|Marks Spencer|Morgan Chase""".split("|")
)


def find_plain_names(
    text: str,
    taken: list[tuple[int, int]],
    is_name_word: Callable[[re.Match[str]], bool],
    *,
    given: frozenset[str] | None = None,
    more_surnames: frozenset[str] = frozenset(),
) -> list[tuple[str, int, int]]:
    """``(name, start, end)`` of the people named bare, outside the ``taken`` spans.

    Args:
        text: The document text.
        taken: Sorted ``(start, end)`` spans already read as people (with their roles).
        is_name_word: Whether a token can be part of a name (not a role word, a country,
            an organisation's word).
        given: The given names (default: the bundled list).
        more_surnames: Surnames that stand alone here too ("Aliyev" where Azerbaijan is
            named: `notables.common_surnames_of`).
    """
    given = given if given is not None else given_names()
    alone_surnames = notable_surnames()
    found: list[tuple[str, int, int]] = []
    starts = [span[0] for span in taken]
    # Most capitalised words are neither: find the few that are (in C), then read only
    # around them.
    words = set(_CAPITALISED_FAST.findall(text))
    bare = {word[:-2] for word in words if word.endswith(("’s", "'s"))}
    # "Jean-Yves", "Hans-Dietrich", "Anne-Marie": a compound of given names is one.
    # (Kept apart from ``given``: a union would copy the whole list of given names.)
    compounds = {word for word in words if "-" in word and _compound_given(word, given)}
    firsts = notable_first_words()
    surnames = (words & alone_surnames) | (words & more_surnames)
    wanted = (words & given) | compounds | surnames | (words & firsts.keys())
    wanted |= _possessed_surnames(words, (bare & alone_surnames) | (bare & more_surnames))
    if not wanted:
        return found
    grouped: dict[str, bool] = {}  # surname -> a group is named after it here
    for match in _matches(text, wanted):
        word = match.group()
        notable = _notable_named(text, match, firsts)
        if _a_surname(text, match, given, more_surnames) and word not in compounds and not notable:
            alone = word.removesuffix("’s").removesuffix("'s")
            if alone in alone_surnames or (
                alone in more_surnames and _someones(text, match, alone)
            ):
                if alone not in grouped:  # read once per surname, not at each mention
                    grouped[alone] = _names_a_group(text, alone)
                if not grouped[alone]:
                    found.extend(_surname_alone(text, match, alone, taken, starts, found))
            continue
        start = match.start()
        if _inside(taken, starts, start) or (found and start < found[-1][2]):
            continue
        if _BEFORE_NOT_A_PERSON.search(text, max(0, start - 6), start):
            continue  # "the George Washington Bridge"
        if not is_name_word(match):
            continue
        # A notable's whole name as the list writes it ("Abu Mahdi al-Muhandis").
        end = (
            match.end() + 1 + len(notable)
            if notable
            else _name_end(text, match.end(), is_name_word)
        )
        if end is None or _inside(taken, starts, end - 1):
            continue
        name = " ".join(text[start:end].split())
        if name.endswith(("’s", "'s")):
            name = name[:-2]
        if " ".join(name.split()) in _FIRMS or _FIRM_AFTER.match(text, end):
            continue  # "Merrill Lynch said", "Johnson & Johnson", "Marks and Spencer Plc"
        if " " in name and _common_words(name, lower_words(text)):
            continue  # "the Global Conference for Media Freedom" in a text about media freedom
        if name.endswith(("’", "'")):
            name, end = name[:-1], end - 1  # "Roger Carstens’ team": a plural possessive
        found.append((name, start, end))
    return found


def _a_surname(
    text: str, match: re.Match[str], given: frozenset[str], more_surnames: frozenset[str]
) -> bool:
    """Is the word read as a surname: no given name, or one that is the surname of a
    notable of a country the text names, alone ("Erdogan said", "Presidents Biden and
    Erdogan"; not "Erdogan Bayraktar")?"""
    word = match.group()
    return word not in given or (
        word in more_surnames and not _FOLLOWED_BY_NAME.match(text, match.end())
    )


def _someones(text: str, match: re.Match[str], surname: str) -> bool:
    """A common surname only as someone's ("Aliyev’s planned meeting") or saying something,
    not "English" or "Begin" as words, nor the end of a longer name ("sources on Capitol
    Hill said")."""
    start = match.start()
    if _PLURAL_OFFICE_LIST.search(text, max(0, start - 60), start):
        return True  # "Presidents Biden and Erdogan"
    return bool(
        (match.group() != surname or _SAYS.match(text, match.end()))
        and not _CAPITALISED_BEFORE.search(text, max(0, start - 24), start)
    )


# An office in the plural, a name and "and" before a surname: "Presidents Biden and".
_PLURAL_OFFICE_LIST = re.compile(
    r"\b(?:Presidents|Ministers|Premiers|Chancellors|Leaders|Secretaries)\s+"
    r"[A-Z][\w’'-]+\s+and\s+$"
)
_FOLLOWED_BY_NAME = re.compile(r"\s+[A-Z][a-z]")
_CAPITALISED_BEFORE = re.compile(r"[A-Z][\w’'.-]*\s+$")
# "Aliyev said", "Aliyev told reporters".
_SAYS = re.compile(r"\s+(?:said|says|told|added|stated)\b")


def _possessed_surnames(words: set[str], possessed: set[str]) -> set[str]:
    """The words of ``words`` that are a surname of ``possessed`` and two more characters
    ("Putin’s"); read only when some surname is possessed (most texts: none)."""
    if not possessed:
        return set()
    return {word for word in words if word[:-2] in possessed}


def _notable_named(
    text: str, match: re.Match[str], firsts: dict[str, frozenset[str]]
) -> str | None:
    """The rest of a notable's whole name starting at ``match`` ("Bill Clinton", "Donald
    Trump"), its first word not a given name on its own; None if no notable's."""
    rests = firsts.get(match.group())
    if not rests or text[match.end() : match.end() + 1] != " ":
        return None
    after = match.end() + 1
    found = [
        rest
        for rest in rests
        if text.startswith(rest, after)
        and not text[after + len(rest) : after + len(rest) + 1].isalnum()
    ]
    return max(found, key=len) if found else None


def _compound_given(word: str, given: frozenset[str]) -> bool:
    """Is ``word`` two given names joined by a hyphen ("Jean-Yves", "Hans-Dietrich")?"""
    first, _, second = word.partition("-")
    return first in given and second[:1].isupper() and second.isalpha() and second in given


def _common_words(name: str, lower: frozenset[str]) -> bool:
    """Is every word of ``name`` also written in lower case in the text (``lower``)? Then
    the name is common nouns in Title Case ("Media Freedom", "Media Freedom Coalition
    Ministerial"), while a person's surname is not a word the article writes in lower case
    ("Mark Lippert", "Hope Hicks")."""
    words = name.split()
    return len(words) >= 2 and all(word.lower() in lower for word in words)


@functools.lru_cache(maxsize=4)
def lower_words(text: str) -> frozenset[str]:
    """The words ``text`` writes in lower case (read once per article)."""
    return frozenset(_LOWER_WORD.findall(text))


# (A letter first, then the look behind it: see `_CAPITALISED_FAST`.)
_LOWER_WORD = re.compile(r"[a-z](?<![\w-][a-z])[a-z'’]*(?![\w-])")


def _matches(text: str, words: set[str]) -> list[re.Match[str]]:
    """The capitalised-word matches of ``words`` in ``text``, in text order."""
    found = []
    for word in words:
        position = text.find(word)
        while position >= 0:
            match = _CAPITALISED.match(text, position)
            if (
                match is not None
                and match.group() == word
                and (position == 0 or text[position - 1] not in _WORD_BEFORE)
            ):
                found.append(match)
            position = text.find(word, position + len(word))
    found.sort(key=lambda match: match.start())
    return found


def _surname_alone(
    text: str,
    match: re.Match[str],
    surname: str,
    taken: list[tuple[int, int]],
    starts: list[int],
    found: list[tuple[str, int, int]],
) -> list[tuple[str, int, int]]:
    """ "Putin's war", "Obama said": a notable's distinctive surname written alone."""
    start = match.start()
    if _inside(taken, starts, start) or (found and start < found[-1][2]):
        return []
    if _BEFORE_NOT_A_PERSON.search(text, max(0, start - 6), start):
        return []
    following = (
        _TOKEN.match(text, match.end() + 1) if text[match.end() : match.end() + 1] == " " else None
    )
    if following is not None and (
        following.group() in NAMED_AFTER or following.group()[:1].isupper()
    ):
        return []  # "Putin Street"; "Obama Foundation"; part of a longer name
    return [(surname, start, start + len(surname))]


def _names_a_group(text: str, surname: str) -> bool:
    """Does the text name a group after this family ("the Houthi movement", "Houthi
    rebels")? Then the surname alone is the group's, not a person's."""
    # The surname found as written, the nouns matched after it: a pattern compiled per
    # surname cost more than the rest of the search (and filled the `re` module's cache).
    position = text.find(surname)
    while position >= 0:
        if _boundary(text, position) and _GROUP_AFTER.match(text, position + len(surname)):
            return True
        position = text.find(surname, position + 1)
    return False


def _boundary(text: str, position: int) -> bool:
    """``\\b`` at ``position``: a word character on one side only."""
    before = position > 0 and _is_word(text[position - 1])
    return before != (position < len(text) and _is_word(text[position]))


def _is_word(ch: str) -> bool:
    return ch.isalnum() or ch == "_"  # what ``\w`` matches


# Nouns of a group named after a family or its founder ("the Houthi movement"); not
# "supporters" or "forces", which follow a person's name ("Trump supporters", "Assad forces").
_GROUP_NOUNS = r"(?:movements?|rebels?|rebellion|militias?|insurgents?|insurgency|tribes?|clans?)\b"
_GROUP_AFTER = re.compile(rf"s?\s+{_GROUP_NOUNS}")
_WORD_BEFORE = frozenset("’'.-") | frozenset(
    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_"
)
_BEFORE_NOT_A_PERSON = re.compile(r"\b[Tt]he\s+$")
_GAP = re.compile(r"[ \t]+")
_FIRM_AFTER = re.compile(
    r"\s*(?:&|\b(?:and|und|et)\s+(?:Co|Sons|Partners)\b|,?\s+(?:Inc|Ltd|Plc|PLC|Corp|Co|LLC|AG|SA|NV|GmbH)\b"
    # "the Meat Price Stabilisation Scheme", "the London Stock Exchange": an institution's
    # name, whose last word stopped the name
    r"|\s+(?:Scheme|Exchange|Laboratories|Heights|Questions|Force|Forces)\b)"
)


def said_after_particle(particle: str, word: str) -> bool:
    """Is ``word`` the Arabic name Said after "bin", "ibn" or "al" ("Qaboos bin Said",
    "Haitham bin Tariq Al Said"), not the verb a capital letter begins elsewhere?"""
    return word == "Said" and particle.lower() in ("bin", "ibn", "al")


def _name_end(
    text: str, position: int, is_name_word: Callable[[re.Match[str]], bool]
) -> int | None:
    """Where a name that starts before ``position`` ends; None if it is not a name."""
    end = position
    more = 0
    cursor = position
    previous = ""
    while more < _MAX_MORE:
        gap = _GAP.match(text, cursor)  # not a copy of the rest of the text per word
        if gap is None or "\n" in gap.group():
            break
        token = _TOKEN.match(text, gap.end())
        if token is None:
            break
        word = token.group()
        if len(word) == 1 and word.isupper() and text.startswith(".", token.end()):
            cursor = end = token.end() + 1  # an initial: "Antony J. Blinken"
            continue
        head, dash, rest = word.partition("-")
        if dash and head in _PARTICLES and rest[:1].isupper() and rest.isalpha():
            end = cursor = token.end()  # "Ahmed Humaid al-Tayer", "Bashar al-Assad"
            more += 1
            continue
        if dash and head[:1].isupper() and head.isalpha() and _COMPOUND_TAIL.fullmatch(rest):
            # "Carl C. Icahn-controlled Trans World": the name ends inside the compound (not
            # "Yolanda Yu Hoi-kwan")
            end = token.start() + len(head)
            more += 1
            break
        if said_after_particle(previous, word):
            end = cursor = token.end()  # "Qaboos bin Said", "Haitham bin Tariq Al Said"
            more += 1
            break
        previous = word
        if word in _PARTICLES:
            following = _TOKEN.match(text, token.end() + 1)
            if following is not None and following.group()[:1].isupper():
                cursor = token.end()
                continue
            break
        if word.rstrip(".") in _SUFFIXES and more:
            end = cursor = token.end()
            break
        if word in NAMED_AFTER or word.removesuffix("’s").removesuffix("'s") in NAMED_AFTER:
            return None  # "Abraham Accords", "John F. Kennedy Center"
        month_surname = (
            more == 0
            and word in SURNAME_MONTHS
            and not re.match(r"\s*\d", text[token.end() : token.end() + 3])
        )  # "Theresa May" (not "Biden May 5")
        if not word[:1].isupper() or not (is_name_word(token) or month_surname):
            break
        end = cursor = token.end()
        more += 1
    if more == 0:
        return None
    # A following capitalised word of a building, law or body: named after the person.
    after = _TOKEN.match(text, end + 1) if text[end : end + 1] == " " else None
    if after is not None and after.group() in NAMED_AFTER:
        return None
    return end


# The participle of a compound adjective after a name: "-controlled", "-led", "-owned".
_COMPOUND_TAIL = re.compile(r"[a-z]+(?:ed|ing)|run|born|made|held|built")


def _inside(taken: list[tuple[int, int]], starts: list[int], position: int) -> bool:
    index = bisect.bisect_right(starts, position) - 1
    return index >= 0 and taken[index][0] <= position < taken[index][1]
