"""The words the role parser reads around an office: what describes a trade, what names
the body an office is of, what opens a party's name, and what never does."""

from __future__ import annotations

import re

from search.extract.people.lexicon import _CONNECTORS, _NOT_DESCRIPTION, _Tok

# Words between "the" and a definite office that keep it one: "the current president".
CURRENT = frozenset({"current", "incumbent", "sitting", "new", "interim"})
# Lower-case words that end a role's modifiers rather than bridge to a nationality.
NOT_BRIDGE = (
    _NOT_DESCRIPTION
    | _CONNECTORS
    | {"a", "an", "with", "by", "from", "his", "her"}
    # "The Armenian delegation included Deputy Minister of Justice X": a group and its
    # verb, not words of the office
    | {"delegation", "delegations", "side", "team", "government", "included", "includes",
       "include", "including"}
)  # fmt: skip


def descriptor(tokens: list[_Tok], i: int, first: int) -> bool:
    """Is token ``i``, right before the lower-case role word ``first``, a lower-case noun
    that says what kind of trade or office it is ("voice actor", "tour manager", "military
    spokesperson"); not a function word, a verb, an adverb or a word of time?"""
    word = tokens[i][0]
    return (
        tokens[first][0].islower()
        and word.isalpha()
        and word.islower()
        and word not in FUNCTION_WORDS
        and word not in CURRENT
        and not word.endswith(("ed", "ly", "ing"))
    )


# Lower-case words that never describe the role after them.
FUNCTION_WORDS = frozenset(
    """the a an and or but of to by with for from in on at as into onto about than then
    his her their its our my your this that these those which who whom whose when while
    after before since until also said says told tells asked is are was were be been
    being has have had will would could should may might must can not no so such other
    another each every all both some any many most more few several according like
    including include includes against over under between among via per through veteran
    unofficial acting challenger
    """.split()
)
# At most this many capitalised words name the body before an office ("Sky News Arabia").
EMPLOYER_WORDS = 3
ACRONYM_WORD = re.compile(r"[A-Z]{3,6}(?:-[A-Z]{2,6})?")
# Words of institutions' names that are never a person's (see roles.yaml's not_names).
INSTITUTION_WORDS = frozenset(
    "News Bank Group Company Exchange Stock Times Post Journal Herald Tribune Press "
    "Agency Institute University Oil Standard Laboratories".split()
)
# Capitalised words before an office that are no body of its: a salutation, a form of
# address, a party's adjective ("Dear Secretary", "His Majesty King", "Democratic Speaker").
NOT_EMPLOYERS = frozenset(
    "Dear Majesty Highness Excellency Holiness Democratic Republican Conservative Liberal "
    "Socialist Communist Independent Catholic Orthodox Christian Muslim Islamic Jewish "
    "Officials West East North South Western Eastern Northern Southern Central".split()
)


# Parties named by their adjective alone before "leader" (the English-speaking parliaments').
_PARTY_ADJECTIVES = frozenset(
    "Republican Democratic Liberal Conservative Labour Labor Socialist Communist".split()
)


def in_party_name(tokens: list[_Tok], i: int) -> bool:
    """Is token ``i`` a word of a party's name, "Party" at most two words after it: its
    adjective ("Communist Party chief", "Liberal Democratic Party (LDP)") or another
    capitalised word ("Bharatiya Janata")? Or a party's adjective right before "leader":
    "Senate Republican leader Robert Dole", "Liberal leader John Turner"?"""
    if tokens[i][0] in _PARTY_ADJECTIVES and i + 1 < len(tokens) and tokens[i + 1][0] == "leader":
        return True
    for j in range(i, min(i + 3, len(tokens))):
        word = tokens[j][0]
        if j > i and word == "Party":
            return True
        # Not a sentence's first word: "For Libertarian Party presidential nominee".
        if not (word[:1].isupper() and word.isalpha()) or word.lower() in FUNCTION_WORDS:
            return False
    return False
