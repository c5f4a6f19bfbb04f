"""The people lexicon: role words, honorifics and the word lists of the role parser
(``data/roles.yaml``), and the patterns it reads affiliations with."""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import yaml

from search.extract.topics import KeywordMatcher

ROLES_FILE = Path(__file__).parent.parent / "data" / "roles.yaml"

# Prepositions that open a role's complement ("Minister *of* Foreign Affairs").
_COMPLEMENT = frozenset({"of", "for", "at", "on", "to"})
# Lower-case words allowed inside a complement between capitalised words.
_CONNECTORS = frozenset({"of", "the", "and", "for", "on", "at", "de", "in", "to", "&"})
# Lower-case particles inside names ("Ursula von der Leyen", "Mohammed bin Salman").
_PARTICLES = frozenset(
    "de del della der di da das dos du van von den bin bint ibn al el la le ten ter".split()
)
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
_PROMISING = re.compile(r"(?:-\w+){0,2}(?:\s+(?:of|for|at|on|to|and)\b|\s*[^\W\d_a-z]|\s*,)")
# A name, then "as" and the office it held, ending at the role word: "the departure of
# Donald Regan as Treasury Secretary was ...", where nothing promising follows the office.
_AS_OFFICE = re.compile(r"[A-Z][\w'’.-]*\s+as\s+(?:(?:the|new)\s+)?(?:[\w.'’-]+\s+){0,3}$")
_LED_BY_RE = re.compile(
    r"\b(?:side|delegation|team|mission|party)\s*,?\s+"
    r"(?:was\s+|were\s+|is\s+|are\s+|has\s+been\s+|will\s+be\s+)?"
    # ("the French delegation will include Daniel Lebegue, Director General of the Treasury")
    r"(?:(?:led|headed|represented|chaired)\s+by|included|includes|will\s+include)\s+"
    r"(?:the\s+)?(?:H\.E\.\s+)?$"
)
# How far before "delegation"/"side" the country it belongs to may start (characters).
_SIDE_REACH = 24
_SIGNED_FOR = re.compile(r"\s*,?\s*(?:signed|spoke|acted)\s+(?:for|on\s+behalf\s+of)\s+(?:the\s+)?")
_FROM_COUNTRY = re.compile(r"\s*,?\s+from\s+(?:the\s+)?")
# "The Honorable Minister Marc Miller for Canada, and ...": whom they speak for, the
# country ending the phrase (not "support for Ukraine's army").
_FOR_COUNTRY = re.compile(r"\s+for\s+(?:the\s+)?")
# A description set off after a name, holding a demonym before its noun: ", a three-year-old
# Syrian child", ", an Iraqi airport protocol officer"; not ", a critic of the Saudi
# government" (the demonym after a preposition is someone else's).
# "Cabinet chief Bernard Prauge will lead the French delegation": the side they lead.
_LEADS_SIDE = re.compile(
    r"\s+(?:will\s+|is\s+to\s+|is\s+)?(?:lead|leads|led|leading|head|heads|headed|heading)"
    r"\s+(?:the|his|her)\s+(?P<side>[A-Z][\w.-]*)\s+(?:delegation|team|side)\b"
)
# "..., head of the Mexican Delegation", "Minister ... and head of the Canadian Delegation":
# the delegation they lead.
_HEAD_OF_SIDE = re.compile(
    r"(?:\s*,|\s+and)\s+(?:the\s+)?head\s+of\s+(?:the\s+)?(?P<side>[A-Z][\w-]+)\s+"
    r"[Dd]elegation\b"
)
# A body of the person's country set off after them: "Political Director Jernej Müller,
# Slovenian Ministry of Foreign Affairs".
_BODY_AFTER = re.compile(
    r"\s*,\s+(?:the\s+)?(?P<side>[A-Z][\w-]+)\s+(?:Ministry|Embassy|Government)\b"
)
# An office of a country set off after a name: "Maurizio Bucci, the delegate of Italy".
_APPOSED_OF = re.compile(
    r"\s*,\s+(?:the|a|an)\s+(?:[a-z][\w-]*\s+){0,2}?(?:delegate|ambassador|representative|"
    r"envoy|minister|president|head|chief|leader|governor|secretary|spokes(?:man|woman|person)|"
    r"consul|official|diplomat|negotiator)\s+(?:of|from)\s+(?:the\s+)?"
)
_DESCRIBED_AS = re.compile(
    r"\s*,\s+(?:a|an|the)\s+(?:(?!(?:of|for|to|against|with|on|by|in|from|who|which|that|"
    r"and|or)\b)[a-z0-9][\w-]*\s+){0,3}(?P<demonym>[A-Z][a-z]+)(?=\s+[a-z])"
)
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
    short_titles: dict[str, str]  # "Sen" -> "Senator"


@functools.lru_cache(maxsize=2)
def _lexicon(path: str = str(ROLES_FILE)) -> _Lexicon:
    with open(path, encoding="utf-8") as handle:
        data = yaml.load(handle, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    cores = {word.lower() for word in data["cores"]}
    compounds = [phrase.lower() for phrase in data["compounds"]]
    # "Chargé d’Affaires": publishers write the typographic apostrophe as often as "'".
    compounds += [phrase.replace("'", "’") for phrase in compounds if "'" in phrase]
    honorifics = {word.rstrip(".") for word in data["honorifics"]}
    entries = [(word, "role") for word in cores] + [(phrase, "role") for phrase in compounds]
    entries += [(word, "honorific") for word in honorifics]
    short_titles = dict(data.get("short_titles") or {})
    entries += [(word, "short") for word in short_titles]
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
        short_titles=short_titles,
    )


# A token: the regex match (``tok[0]`` its text, ``tok.start()``, ``tok.end()``).
_Tok = re.Match[str]


def _is_core(lex: _Lexicon, word: str) -> bool:
    """A role word, also with a closing tail: "Minister-Designate", "President-elect"."""
    lowered = word.lower()
    if lowered in lex.cores:
        return True
    head, dash, tail = lowered.rpartition("-")
    if dash and head.endswith("-in") and tail in ("office", "chief"):
        head = head[: -len("-in")]  # "Chairman-in-Office", "Commander-in-Chief"
        return head in lex.cores
    return bool(dash) and head in lex.cores and tail in _ROLE_TAILS
