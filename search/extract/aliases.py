"""Is this the same person?  Name matching across articles and transliterations.

Agencies spell the same official differently (Kazinform's *Vassilenko* is *Vasilenko*
in Norwegian press; *Tokayev* / *Tokaev*; *Sergei* / *Sergey*), and refer to them as
``R. Vassilenko`` or ``Mr. Vassilenko``.  Names are reduced to a *skeleton* that
forgets those differences (accents, doubled letters, Russian ``-iy``/``-yi`` endings,
``y`` between vowels), and two names match when their surname skeletons agree and their
given names do not contradict each other.  Different given names never merge: Roman
Vassilenko is not Irina Vassilenko.

Documented choice: a missing middle name does not block a match (``George Bush`` matches
``George W. Bush``), but two *different* middle initials do (``George H. W. Bush`` is not
``George W. Bush``).
"""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass, field

# Forms of address and titles dropped before comparing names.
_HONORIFICS = frozenset(
    "mr mrs ms miss dr prof professor sir dame lord lady hon he madam mme messrs".split()
)
# Particles that belong to a surname ("de Mistura", "al-Thani"), kept with it.
_PARTICLES = frozenset(
    "al el bin ibn abu de del della der di da dos du la le van von ten ter".split()
)
# Common English short forms; only merges a short form with its full name.
_NICKNAMES = {
    "tony": "antony",
    "anthony": "antony",
    "bill": "william",
    "will": "william",
    "bob": "robert",
    "rob": "robert",
    "mike": "michael",
    "jim": "james",
    "joe": "joseph",
    "tom": "thomas",
    "dick": "richard",
    "rick": "richard",
    "dave": "david",
    "dan": "daniel",
    "ben": "benjamin",
    "ted": "edward",
    "ed": "edward",
    "liz": "elizabeth",
    "kate": "katherine",
    "alex": "alexander",
    "sasha": "alexander",
    "aleksandr": "alexander",
    "alexandr": "alexander",
    "sergey": "sergei",
    "dmitry": "dmitri",
    "dmitriy": "dmitri",
    "yuri": "yury",
    "iurii": "yury",
}
# Letters with no decomposition that NFKD leaves alone.
_FOLD = str.maketrans(
    {
        "ø": "o",
        "Ø": "o",
        "æ": "ae",
        "Æ": "ae",
        "ß": "ss",
        "ı": "i",
        "đ": "d",
        "ł": "l",
        "Ł": "l",
        "þ": "th",
        "œ": "oe",
    }
)
_SPLIT = re.compile(r"[^\w.'’-]+|(?<=\.)(?=\w)")


@dataclass(frozen=True, slots=True)
class ParsedName:
    """A name split for comparison: given names, middle initials, surname skeleton."""

    given: str | None
    middles: tuple[str, ...]
    surname: str
    surname_raw: str


# Generational suffixes after a surname.
_GENERATIONS = frozenset({"jr", "sr", "ii", "iii", "iv"})


def _generation(tokens: list[str]) -> bool:
    """Does the name end with a generation ("Jr.", "III") rather than a regnal number?
    "Lloyd J. Austin III" and "James Baker III" name Austin and Baker; "John Paul II" and
    "Abdullah II" (a given name before the number) are regnal names and keep it."""
    last = _fold(tokens[-1])
    if last not in _GENERATIONS:
        return False
    if last in ("jr", "sr"):
        return True
    from search.extract.given import given_names

    initial = any(len(tok) == 1 for tok in tokens[1:-1])
    return initial or tokens[-2] not in given_names()


@functools.lru_cache(maxsize=4096)
def parse_name(name: str) -> ParsedName | None:
    """Split a personal name into given name, middle initials and surname.

    ``"Tileuberdi, Mukhtar"`` (catalogue order) is understood; honorifics are dropped.
    Returns ``None`` when nothing name-like is left.
    """
    if "," in name:
        surname_part, _, given_part = name.partition(",")
        if given_part.strip():
            name = f"{given_part} {surname_part}"
    tokens = [tok.strip(".") for tok in _SPLIT.split(name.strip())]
    tokens = [_drop_particle_prefix(tok) for tok in tokens if tok.strip("-'’")]
    while tokens and _fold(tokens[0]) in _HONORIFICS:
        tokens.pop(0)
    while len(tokens) > 1 and _generation(tokens):
        tokens.pop()  # "Lloyd J. Austin III" is Austin; "Martin Luther King Jr." is King
    if not tokens:
        return None
    # The surname is the last word, with particles before it ("van der Leyen").
    cut = len(tokens) - 1
    while cut > 0 and _fold(tokens[cut - 1]) in _PARTICLES:
        cut -= 1
    surname_raw = " ".join(tokens[cut:])
    surname = "".join(skeleton(tok) for tok in tokens[cut:] if _fold(tok) not in _PARTICLES)
    surname = surname or skeleton(tokens[-1])
    given_tokens = tokens[:cut]
    if not given_tokens:
        return ParsedName(None, (), surname, surname_raw)
    first = _fold(given_tokens[0])
    first = _NICKNAMES.get(first, first)
    given = first if len(first) == 1 else skeleton(first)
    middles = tuple(_fold(tok)[:1] for tok in given_tokens[1:])
    return ParsedName(given, middles, surname, surname_raw)


def _drop_particle_prefix(token: str) -> str:
    # "Al-Thani" and "Al Thani" are one surname: the particle never decides a match.
    head, dash, rest = token.partition("-")
    if dash and rest and _fold(head) in _PARTICLES:
        return rest
    return token


# (Cached: the people of an article are compared pairwise, word by word, and the same
# words recur across articles; seven substitutions each cost more than a look-up.)
@functools.lru_cache(maxsize=8192)
def skeleton(word: str) -> str:
    """A spelling-insensitive form of one name word.

    Examples: ``Vassilenko`` and ``Vasilenko`` → ``vasilenko``; ``Tokayev`` and ``Tokaev``
    → ``tokaev``; ``Sergey``/``Sergei`` → ``sergei``; ``Zelenskyy``/``Zelenskiy``/
    ``Zelensky`` → ``zelenski``; ``Njølstad`` → ``njolstad``; ``Erdoğan`` → ``erdogan``.
    """
    folded = _fold(word)
    folded = re.sub(r"[^a-z]", "", folded)
    folded = re.sub(r"(?<=[aeiou])y(?=[aeiou])", "", folded)  # Tokayev -> Tokaev
    folded = re.sub(r"(?:iy|yi|ii|yy|ij)$", "i", folded)  # Zelenskiy, Zelenskyy -> Zelenski
    folded = re.sub(r"(?<=[^aeiou])y$", "i", folded)  # Zelensky, Dmitry -> -i
    folded = re.sub(r"ey$", "ei", folded)  # Sergey -> Sergei
    folded = folded.replace("ks", "x").replace("kh", "h").replace("ph", "f")
    folded = re.sub(r"(.)\1+", r"\1", folded)  # doubled letters: Vassilenko -> Vasilenko
    return folded


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.translate(_FOLD))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).lower()


def person_key(name: str) -> str:
    """A registry key: surname skeleton, then the given name's skeleton when known.

    ``person_key("Roman Vassilenko") == "vasilenko|roman"``, ``"R. Vassilenko"`` gives
    ``"vasilenko|r"`` and ``"Mr. Vassilenko"`` gives ``"vasilenko|"``.  Equal keys are
    the same person; names whose keys differ only after ``|`` may still be (an initial,
    a missing given name): decide with `same_person`, or use `PersonRegistry`.
    """
    parsed = parse_name(name)
    if parsed is None:
        return "|"
    return f"{parsed.surname}|{parsed.given or ''}"


def same_person(a: str, b: str) -> bool:
    """Could names ``a`` and ``b`` (as written in articles) be the same person?

    True when the surnames agree up to transliteration and the given names do not
    contradict each other (one missing, an initial matching, or the same name).
    """
    first, second = parse_name(a), parse_name(b)
    if first is None or second is None:
        return False
    if first.surname != second.surname:
        # (a cheap test first: most names compared are different people's)
        three = a.count(" ") == 2 or b.count(" ") == 2
        return three and (_paternal(a, b) or _paternal(b, a))
    if not first.given or not second.given:  # None, or "" from a name like "0:0"
        return True
    if _is_tail(a, b) or _is_tail(b, a):
        return True  # double surnames: "Bhutto Zardari" is "Bilawal Bhutto Zardari"
    if len(first.given) == 1 or len(second.given) == 1:
        if first.given[0] != second.given[0]:
            return False
    elif first.given != second.given:
        return False
    if first.middles and second.middles and first.middles != second.middles:
        return False
    return True


@dataclass
class _Known:
    id: str
    name: str  # the most complete form seen
    country: str | None
    names: set[str] = field(default_factory=set)


class PersonRegistry:
    """People across articles, merged with `same_person` (and country when known).

    `add` returns a stable id: the id of the one known person the name matches, else a
    new one.  Each person is compared through the most complete form of their name seen
    so far, so a bare "Vassilenko" seen first becomes "Roman Vassilenko" later, and a
    later "Irina Vassilenko" is someone else.  A bare surname matching two known people
    is not guessed: it gets an id of its own.
    """

    def __init__(self) -> None:
        self._by_surname: dict[str, list[_Known]] = {}
        self._ids: set[str] = set()

    def add(self, name: str, country: str | None = None) -> str:
        """Register ``name`` (with its ISO alpha-3 country, if known); return the person's id."""
        parsed = parse_name(name)
        if parsed is None:
            return person_key(name)
        known = self._by_surname.setdefault(parsed.surname, [])
        matches = [
            person
            for person in known
            if same_person(name, person.name)
            and (country is None or person.country is None or person.country == country)
        ]
        if len(matches) == 1:
            person = matches[0]
            person.names.add(name)
            if _completeness(name) > _completeness(person.name):
                person.name = name
            person.country = person.country or country
            return person.id
        person_id = person_key(name)
        suffix = 2
        while person_id in self._ids:
            person_id = f"{person_key(name)}#{suffix}"
            suffix += 1
        self._ids.add(person_id)
        known.append(_Known(person_id, name, country, {name}))
        return person_id

    def name_of(self, person_id: str) -> str | None:
        """The most complete name seen for ``person_id``."""
        for people in self._by_surname.values():
            for person in people:
                if person.id == person_id:
                    return person.name
        return None


def _paternal(short: str, long: str) -> bool:
    """Is ``short`` a double surname's first, as Spanish names are shortened ("Laurentino
    Cortizo" for "Laurentino Cortizo Cohen")? Not where that word is a given name (a
    middle name: "George Walker Bush"); not a surname alone, which may name someone
    else ("Biden" beside "Valerie Biden Owens")."""
    from search.extract.given import given_names

    short_words = [w for w in _SPLIT.split(short) if w.strip(".-'’")]
    long_words = [w for w in _SPLIT.split(long) if w.strip(".-'’")]
    if len(long_words) != 3 or len(short_words) != 2 or long_words[1] in given_names():
        return False
    return skeleton(short_words[1]) == skeleton(long_words[1]) and skeleton(
        short_words[0]
    ) == skeleton(long_words[0])


def _is_tail(short: str, long: str) -> bool:
    short_words = [skeleton(word) for word in _SPLIT.split(short) if word.strip(".-'’")]
    long_words = [skeleton(word) for word in _SPLIT.split(long) if word.strip(".-'’")]
    return (
        2 <= len(short_words) < len(long_words) and long_words[-len(short_words) :] == short_words
    )


def _completeness(name: str) -> tuple[int, int]:
    parsed = parse_name(name)
    if parsed is None:
        return (0, 0)
    return (len(parsed.given or ""), len(parsed.middles))


def fullness(name: str) -> tuple[int, int, int]:
    """How complete a written name is, to keep the fullest of one person's forms: a given
    name first, then more words, then more letters ("Antony J. Blinken" over "Blinken")."""
    parsed = parse_name(name)
    if parsed is None:
        return (0, 0, len(name))
    return (int(parsed.given is not None), len(name.split()), len(name))


# Words that link an Arabic name's parts ("Mohammed bin Zayed").
_ARABIC_LINKS = frozenset({"bin", "ibn", "bint", "ben"})


def prefix_key(name: str) -> str | None:
    """ "Mohammed bin Zayed" and "Mohammed bin Zayed Al Nahyan" share ``mohamed|bin|zayed``."""
    words = [w for w in name.replace("-", " ").split() if w]
    lowered = [w.lower().strip(".,") for w in words]
    for i, word in enumerate(lowered[:-1]):
        if word in _ARABIC_LINKS and i >= 1:
            return f"{skeleton(words[i - 1])}|bin|{skeleton(words[i + 1])}"
    return None
