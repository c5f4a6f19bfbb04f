"""The role parser's first layer: a sentence's tokens and the names among them."""

from __future__ import annotations

from collections.abc import Sequence

from search.extract.given import given_names
from search.extract.people.lexicon import (
    _ACRONYM_MODIFIERS,
    _AFTER,
    _BEFORE,
    _MAX_NAME_WORDS,
    _PARTICLES,
    _POSSESSIVE_ENDINGS,
    _REGNAL,
    _TOKEN,
    _Lexicon,
    _Tok,
)
from search.extract.people.mentions import _Countries, _Orgs
from search.extract.plain_names import NAMED_AFTER, SURNAME_MONTHS, said_after_particle
from search.extract.sentences import sentence_at

# Words a Title Case headline capitalises that no name holds: "... Mohammed bin Abdulrahman
# Al-Thani Before Their Meeting", "Prime Minister Edi Rama At a Signing", "Secretary
# Antony J. Blinken On Russia’s Threat to Peace".
_TITLE_CASE_WORDS = frozenset(
    "Before After During Ahead Their His Her Its With Amid Following Upon Into Onto At For "
    "On Regarding Concerning".split()
)

# Titles and other words of offices that are also surnames ("Amy Pope", "Thomas West",
# "Jerzy Urban"): a surname after a given name, though never one inside an office.
_SURNAME_TITLES = frozenset(
    {"Pope", "King", "Bishop", "Judge", "Constable", "West", "North", "South", "East", "Urban"}
)


# A form of address that Somali names carry inside them ("Hassan Sheikh Mohamud", "Sharif
# Sheikh Ahmed"): a name word there, between a given name and a surname.
_INNER_SHEIKH = frozenset({"Sheikh", "Shaikh", "Sheikha"})


class _Names:
    """A sentence's tokens, and the capitalised names among them."""

    def __init__(
        self,
        text: str,
        sentences: Sequence[tuple[int, int]],
        lexicon: _Lexicon,
        countries: _Countries,
        orgs: _Orgs,
        publisher: str | None,
        title_end: int = 0,
    ):
        self.text = text
        self.title_end = title_end  # ``len(title)``: a headline's title case reads apart
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
        if word.rstrip(".") in self.lex.honorifics or word in _TITLE_CASE_WORDS:
            return False
        lowered = word.lower()
        if lowered in _ACRONYM_MODIFIERS and word[1:].islower():
            return True  # "Kim Jong Un": a name word, not the UN
        if lowered in self.lex.stops or lowered in self.lex.cores or lowered in self.lex.modifiers:
            return False
        if not any(ch.islower() for ch in word[1:]):
            return False  # "LEU", "OSCE", all-capitals headlines
        if lowered.endswith(_PLURAL_NOUN_ENDINGS):
            return False  # "for Chief of Mission Residences" in a title-case headline
        return self.countries.overlapping(tok.start(), tok.end()) is None

    def _given_title(self, tokens: list[_Tok], i: int) -> bool:
        """Is the word at ``i``, though a title or a month elsewhere, a given name that
        begins a name: "Foreign Minister Amir Hossein Abdollahian" (not the Amir of
        Qatar), "SAS President Jan Carlzon" (not "Jan. 5")?"""
        return (
            tokens[i][0] in given_names()
            and i + 1 < len(tokens)
            and self.is_name_word(tokens[i + 1])
        )

    def _is_initial(self, tokens: list[_Tok], i: int) -> bool:
        tok = tokens[i]
        return (
            len(tok[0]) == 1
            and tok[0].isupper()
            and i + 1 < len(tokens)
            and tokens[i + 1][0] == "."
            and tokens[i + 1].start() == tok.end()
            and not _excellency(tokens, i)
        )

    def _inner_name_word(self, tokens: list[_Tok], j: int, words: int) -> bool:
        """A word that is not a name word alone but is one inside a name: the Arabic name
        Said in "Mana Said al-Oteiba" (not the verb of a headline, "Blinken Said Russia
        ..."), Sheikh in the Somali "Hassan Sheikh Mohamud" (after a given name; at a
        name's start it is a form of address: "Emir Sheikh Tamim")."""
        word = tokens[j][0]
        if words == 0 or j + 1 >= len(tokens) or not self.is_name_word(tokens[j + 1]):
            return False
        if word == "Said":
            return True
        return word in _INNER_SHEIKH and tokens[j - 1][0] in given_names()

    def _month_surname(self, tokens: list[_Tok], j: int, words: int) -> bool:
        """ "Theresa May": a month's name after a given name is a surname, unless a day
        follows ("Biden May 5") or the given name is not one."""
        word = _strip_possessive(tokens[j][0])
        if words != 1 or word not in SURNAME_MONTHS:
            return False
        if j + 1 < len(tokens) and tokens[j + 1][0][:1].isdigit():
            return False
        return tokens[j - 1][0] in given_names()

    def _title_surname(self, tokens: list[_Tok], j: int, words: int) -> bool:
        """ "Senior Advisor ... Amy Pope announced", "Julie Bishop said", "Thomas West led":
        a title or office word that is also a surname, after a given name and before no
        name or "of", ends the name."""
        word = _strip_possessive(tokens[j][0])
        if words != 1 or word not in _SURNAME_TITLES or tokens[j - 1][0] not in given_names():
            return False
        if j >= 2 and tokens[j - 2][0].lower() in ("a", "an", "the"):
            return False  # "a Nat West spokesman": a bank's name, an employer's
        after = tokens[j + 1][0] if j + 1 < len(tokens) else ""
        return after != "of" and not (after[:1].isupper() and self.is_name_word(tokens[j + 1]))

    def _nickname(self, tokens: list[_Tok], j: int) -> bool:
        """Is a quoted name word at ``j`` a nickname inside a name: an opening quote, one
        name word, a closing quote, then a name word ("Josaia Voreqe “Frank” Bainimarama")?"""
        return (
            j + 3 < len(tokens)
            and tokens[j][0] in ("“", '"')
            and tokens[j + 2][0] in ("”", '"')
            and self.is_name_word(tokens[j + 1])
            and self.is_name_word(tokens[j + 3])
        )

    def _name_forward(self, tokens: list[_Tok], i: int) -> tuple[int, int] | None:
        """Token range ``[i, j)`` of a name starting at ``i``."""
        n = len(tokens)
        while i < n and (
            _strip_possessive(tokens[i][0]).rstrip(".") in self.lex.honorifics
            or _excellency(tokens, i)
        ):
            # "External Affairs Minister Dr. S. Jaishankar", "Minister H.E. Mr. Roman
            # Vassilenko"
            i += 4 if _excellency(tokens, i) else 1
            if i < n and tokens[i][0] == ".":
                i += 1
        j = i
        words = 0
        while j < n and words < _MAX_NAME_WORDS:
            tok = tokens[j]
            if self._is_initial(tokens, j):
                j += 2
                continue
            if words and self._nickname(tokens, j):
                j += 3  # "Benjamin “Benny” Gantz": the name goes on after the nickname
                continue
            if tok[0].lower() in _PARTICLES and words:
                # "Ursula von der Leyen", "Guillermo de la Dehesa", "Miguel de la Madrid":
                # particles, then a capitalised word (a place's name too).
                k = j + 1
                while k < n and k - j < 3 and tokens[k][0].lower() in _PARTICLES:
                    k += 1
                if k < n and self.is_name_word(tokens[k]):
                    j = k
                    continue
                if k < n and said_after_particle(tok[0], tokens[k][0]):
                    j, words = k + 1, words + 1  # "Qaboos bin Said", "Haitham bin Tariq Al Said"
                    continue
                if k > j + 1 and k < n and tokens[k][0][:1].isupper() and tokens[k][0].isalpha():
                    j, words = k + 1, words + 1  # "de la Madrid": taken as it is
                    continue
            if (
                not self.is_name_word(tok)
                and not (words == 0 and self._given_title(tokens, j))
                and not self._month_surname(tokens, j, words)
                and not self._title_surname(tokens, j, words)
                and not self._inner_name_word(tokens, j, words)
            ):
                break
            words += 1
            j += 1
            if tok[0].endswith(_POSSESSIVE_ENDINGS) or (
                tok[0].endswith(("'", "’"))
                and not (j < n and tokens[j][0] in NAMED_AFTER)  # "Korea Traders' Association"
            ):
                break  # "Blinken’s Meeting", "George Shultz' Moscow talks": a possessive
        if words and j < n and tokens[j][0][:1].isdigit() and not _time_after(tokens, j + 1):
            # "Executive Order 13818", "Resolution 2231": documents; not "Treasury
            # Secretary James Baker 18 months ago"
            return None
        if words and _numbered_after_gloss(tokens, j):
            return None  # "Executive Order (E.O.) 14033": the same, its acronym between
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
            if not self.is_name_word(tok) and not (
                words == 0 and i - 2 >= floor and self._title_surname(tokens, i - 1, 1)
            ):
                break
            words += 1
            i -= 1
            if words > _MAX_NAME_WORDS:
                return None
        while i < end and tokens[i][0].lower() in _PARTICLES and not tokens[i][0][0].isupper():
            i += 1  # but "Le Minh Hoan", "Le Drian": a capitalised one begins the name
        if words == 0:
            return None
        return i, end

    def _name_text(self, tokens: list[_Tok], i: int, j: int) -> tuple[str, int, int]:
        start, end = tokens[i].start(), tokens[j - 1].end()
        surface = " ".join(self.text[start:end].split())
        stripped = _strip_possessive(surface)
        return stripped, start, end - (len(surface) - len(stripped))


def _numbered_after_gloss(tokens: list[_Tok], j: int) -> bool:
    """Does a parenthesised acronym, then a number, follow at ``j`` ("(E.O.) 14033")?"""
    if j >= len(tokens) or tokens[j][0] != "(":
        return False
    k = j + 1
    while k < len(tokens) and k < j + 8 and tokens[k][0] != ")":
        if not (tokens[k][0] == "." or tokens[k][0].isupper()):
            return False
        k += 1
    return k + 1 < len(tokens) and tokens[k][0] == ")" and tokens[k + 1][0][:1].isdigit()


def _excellency(tokens: list[_Tok], i: int) -> bool:
    """Is token ``i`` the "H" or the "E" of "H.E." (His Excellency), no initial?"""
    for first in (i, i - 2):
        if first < 0 or first + 3 >= len(tokens):
            continue
        four = tokens[first : first + 4]
        if [tok[0] for tok in four] == ["H", ".", "E", "."] and all(
            four[k + 1].start() == four[k].end() for k in range(3)
        ):
            return True
    return False


# Endings of plural common nouns no surname has: "Residences", "Negotiations".
_PLURAL_NOUN_ENDINGS = ("ences", "ances", "tions", "sions", "ities", "nesses", "statements")


def _strip_possessive(name: str) -> str:
    if name.endswith(("’s", "'s")):
        return name[:-2]
    if name.endswith(("’", "'")):
        return name[:-1]
    return name


# Units of time a number after a name counts ("James Baker 18 months ago").
_TIME_UNITS = frozenset("years months weeks days hours year month week day".split())


def _time_after(tokens: list[_Tok], i: int) -> bool:
    return i < len(tokens) and tokens[i][0].lower() in _TIME_UNITS
