"""An office set off after the name it belongs to: "Antony J. Blinken, Secretary of State,"."""

from __future__ import annotations

import bisect
import re

from search.extract.people.lexicon import _NOT_DESCRIPTION, _is_core, _Tok
from search.extract.people.mentions import _Candidate
from search.extract.people.role_sides import _RoleSides


class _Apposition(_RoleSides):
    """Reads the name before an office set off by commas."""

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
        if i > 0 and tokens[i - 1][0] in _PARTIES:
            i -= 1  # "Nancy Pelosi, the Democratic Speaker of the House,": her party
        if i > 0 and tokens[i - 1][0].lower() == "new":
            i -= 1  # "Philip Goldberg as new U.S. ambassador to Korea": not part of the office
        if i > 2 and tokens[i - 2][0] in ("a", "an") and _ADJECTIVE.fullmatch(tokens[i - 1][0]):
            i -= 1  # "Jerry Huckaby, a leading Congressman representing ...": not the office's
        if i > 0 and tokens[i - 1][0].lower() in ("the", "a", "an"):
            i -= 1
        owner = self._owner_before(tokens, i)
        if owner < i and _SET_OFF_END.match(self.text, role_end):
            # "David Haggard, ASA president, told Reuters": whose office, set off with it
            i, role_start = owner, tokens[owner].start()
            role_text = " ".join(self.text[role_start:role_end].split())
        # ", Secretary of State": set off; "the departure of Donald Regan as Treasury
        # Secretary": the office someone holds, named after them.
        if i < 2 or tokens[i - 1][0] not in (",", "as"):
            return None
        end = i - 1
        if end > 2 and tokens[end - 1][0] in _POSTNOMINALS:
            end -= 1  # "Mahmut Özdemir MP, Parliamentary State Secretary": after the letters
        elif end > 3 and tokens[end - 1][0] == "." and tokens[end - 2][0] in ("Jr", "Sr"):
            end -= 2  # "Mr. Gerardo Erguiza Jr., Undersecretary of Energy": his name's end
        found = self._name_backward(tokens, end, 0)
        if found is None or found[1] - found[0] < 2:
            return None
        before = tokens[found[0] - 1][0] if found[0] > 0 else ""
        if (
            before[:1].isalnum()
            and before[0].isupper()
            and before not in self.lex.honorifics
            # "Contact Mark E. Ulfers, Executive Secretary": a sentence's first word
            and not (found[0] == 1 and before in self.lex.not_names)
        ):
            return None  # part of a longer capitalised phrase, not a name
        name, name_start, name_end = self._name_text(tokens, *found)
        side = self._side(role_text, role_start, role_end, role_country, role_end)
        # ("the French delegation will include Daniel Lebegue, Director General of the
        # Treasury": the side whose delegation names them)
        side = side or self._led_by(name_start)
        # The side from the office as first read: what it goes on with is a portfolio
        # ("the World Bank's Moroccan division"), not a nationality.
        closing = self._to_closing_comma(tokens, role_end)
        if closing > role_end:
            role_text = f"{role_text} {' '.join(self.text[role_end:closing].split())}"
            role_end = closing
        role_text = self._clean_role(
            role_text, role_start, role_end, side.country if side else None
        )
        return _Candidate(name, name_start, name_end, max(name_end, role_end), role_text, side)

    @staticmethod
    def _owner_before(tokens: list[_Tok], i: int) -> int:
        """Where an organisation's name before a lower-case office starts, when a comma
        sets both off ("..., ASA president,", "..., Computer Associates chairman,"); ``i``
        when there is none."""
        j = i
        while j > 0 and i - j < _OWNER_WORDS and tokens[j - 1][0][:1].isupper():
            j -= 1
        if j == i or j < 2 or tokens[j - 1][0] != "," or not tokens[i][0][:1].islower():
            return i
        return j

    def _to_closing_comma(self, tokens: list[_Tok], role_end: int) -> int:
        """Where an office set off after a name ends: at its closing comma, when what the
        office was cut at goes on to it ("John Shilling, director of the World Bank's
        Moroccan division, said"; "Agnès Callamard, UN rapporteur for the Office of the UN
        High Commissioner for Human Rights, said"), a few words, none a verb."""
        last = bisect.bisect_left([tok.start() for tok in tokens], role_end) - 1
        j = last + 1
        if last + 1 < len(tokens) and tokens[last + 1][0] in ("and", "or"):
            return role_end  # a second office: "Minister of X and head of the delegation"
        # "Paul Channon, secretary for trade and industry, said": a lower-case office's
        # portfolio (not "spokesman for Chancellor Franz Vranitzky": another's office)
        portfolio = (
            j < len(tokens) and tokens[last][0][:1].islower() and tokens[j][0] in ("for", "of")
        )
        possessed = tokens[last][0].endswith(("’s", "'s", "’", "'"))  # "Pertamina's coordinating"
        # (a body's unit named after its possessive may be long: "of the Department of
        # State’s Bureau of Oceans and International Environmental and Scientific Affairs,")
        reach = _CLOSING_REACH + 4 if possessed else _CLOSING_REACH
        while j < len(tokens) and j - last <= reach and tokens[j][0] not in ",;:()":
            word = tokens[j][0]
            if word.lower() in _NOT_DESCRIPTION or (word == "." and j + 1 == len(tokens)):
                return role_end
            if j == last + 1 and word.islower() and word.endswith("ing") and not possessed:
                return role_end  # "a leading Congressman representing sugar growers,"
            if word == "and" and j + 1 < len(tokens) and tokens[j + 1][0] in ("a", "an"):
                return role_end  # "and a figure in ...": a description of another kind
            if portfolio and word[:1].isupper() and _is_core(self.lex, word):
                return role_end
            j += 1
        if j == last + 1 or j >= len(tokens) or tokens[j][0] != ",":
            return role_end
        if tokens[last][0] in ("The", "A", "An") or not (
            tokens[last][0] in ("’s", "'s", "’", "'")
            or tokens[last][0][:1].isupper()
            or tokens[last][0].endswith(("’s", "'s"))
            or portfolio
        ):
            return role_end  # a complete office ("director"), then something else
        return tokens[j - 1].end()


# Words of an organisation's name before an office set off after a name.
_OWNER_WORDS = 3
# The end of an office set off after a name: a comma, or the sentence's end.
_SET_OFF_END = re.compile(r"\s*(?:,|\.\s|\.?$)")
# Words an office set off after a name may go on past where it was cut.
_CLOSING_REACH = 8
# A party's adjective between an apposition's article and the office.
_PARTIES = frozenset(
    "Democratic Republican Conservative Labour Labor Liberal Socialist Communist Green".split()
)
# A describing word between an apposition's indefinite article and the office.
_ADJECTIVE = re.compile(r"leading|prominent|senior|veteran|influential|powerful|key|top")
# Letters after a name before the office set off ("Jack Chambers TD, Minister of State").
_POSTNOMINALS = frozenset("MP TD MEP MSP MLA MS QC KC PC OBE CBE MBE KBE DBE".split())
