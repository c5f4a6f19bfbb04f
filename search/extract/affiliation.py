"""Which country (or international organisation) a person named in an article serves.

Evidence, strongest first (the registry in `search.ingest.registry` weighs it across the
archive, so a strong clue in one article beats a weak default in many):

======== ======== ===================================================================
how      strength example
======== ======== ===================================================================
role     5        a country or demonym in the role: "Kazakhstani Foreign Minister",
                  "Foreign Minister of Algeria", "Bourita of Morocco", "signed for Ghana"
org      5        an international organisation in the role: "NATO Secretary General"
led-by   4        "the Norwegian side was led by State Secretary ..."
listed   4        joined by "and" to a colleague whose country follows in parentheses:
                  "Foreign Minister X and Environment Minister Y (Colombia)"; a signer
                  under a country heading (`search.extract.people.headings`)
office   3        an office one country alone has ("Secretary of State"), or, in a
                  government publisher's own text, one of its own offices ("Deputy
                  Secretary Sherman", "Special Envoy Lenderking"): ``data/offices.yaml``
registry 2        what other articles showed strongly (`search.ingest.known_people.KnownPeople`):
                  "President Zelenskyy" after "Ukrainian President Zelenskyy"
notable  2        a well-known figure named with no clue ("Putin", "Barack Obama"):
                  ``data/notable_people.yaml`` (`search.extract.notables`)
home     1        a national news agency's text, a role with no country, and no other
                  country named where the person is (Kazinform's "President Nazarbayev")
context  1        the one country a story is set in (its dateline's, or the one it is
                  about), for a person with no other clue: an official, or anyone the
                  story names bare ("Harry Dunn" in a story set in Britain)
main     1        a story with no setting, filed from elsewhere (Reuters' "PARIS - ... Senegal"):
                  its main country, for a minister with no other clue
met      1        in a government publisher's readout, a foreign official with no other
                  clue met during a visit to X, or in an engagement of the publisher with X
                  alone ("visited Tripoli, Libya, where he met with interim Prime Minister
                  Dabaiba"), or named in a paragraph at a stop of the trip ("In Hanoi,
                  ..."): X
staff    1        in a government publisher's remarks to its own mission's staff (the headline
                  says so: "Meet and Greet with Embassy San Jose Staff"), anyone it names
                  with no other clue: the publisher (`search.extract.people.staff`)
our      3        in a government publisher's text, one it calls "our" ambassador, envoy or
                  coordinator ("our new ambassador here, Tom Nides"), or the envoy it says
                  it appointed, unless another government's official has the turn: the
                  publisher (`search.extract.people.staff`)
analyst  9        the analyst's correction (`search.ingest.corrections`)
======== ======== ===================================================================

A country in a role's complement after "for", "to", "on" or "against" is a portfolio,
not a nationality: the U.S. "Special Representative for the DPRK" is not North Korean,
an "Ambassador to Kazakhstan" is not Kazakh.  A publisher's country is never given to a
foreign office ("President Zelenskyy" in a State Department readout).
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from pathlib import Path

import yaml

OFFICES_FILE = Path(__file__).parent / "data" / "offices.yaml"

STRENGTH = {
    "analyst": 9,
    "role": 5,
    "org": 5,
    "led-by": 4,
    "listed": 4,
    "office": 3,
    "our": 3,
    "registry": 2,
    "notable": 2,
    "broadcaster": 2,
    "home": 1,
    "context": 1,
    "main": 1,
    "met": 1,
    "staff": 1,
}
# A country after these words in a role is the portfolio, not the nationality.
PORTFOLIO_WORDS = frozenset({"for", "to", "on", "against", "toward", "towards"})
_LEADING = re.compile(r"^(?:(?:the|u\.?s\.?|former|acting|then)\s+)+")
# "Spokesperson Ned Price" issues a readout; he does not take part in what it reports.
_SPEAKER = re.compile(r"\bspokes(?:person|man|woman)\b|\bpress secretary\b", re.I)


@dataclass(frozen=True, slots=True)
class Affiliation:
    """A person's side in one article, with how the article shows it.

    Attributes:
        country: ISO alpha-3, or None.
        org: An international organisation's key (``NATO``), for its officials.
        how: ``role``, ``org``, ``led-by``, ``office`` or ``home`` (see the module doc).
    """

    country: str | None
    org: str | None
    how: str

    @property
    def strength(self) -> int:
        """How strong the evidence is (higher wins)."""
        return STRENGTH.get(self.how, 0)


@dataclass(frozen=True, slots=True)
class _Offices:
    national: dict[str, str]
    own: tuple[re.Pattern[str], ...]
    institutions: tuple[tuple[re.Pattern[str], str], ...]
    not_held: dict[str, re.Pattern[str]]


@functools.lru_cache(maxsize=2)
def _offices(path: str = str(OFFICES_FILE)) -> _Offices:
    with open(path, encoding="utf-8") as handle:
        data = yaml.load(handle, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    national = {
        " ".join(office.lower().split()): code
        for code, offices in data["national"].items()
        for office in offices
    }
    own = tuple(re.compile(pattern) for pattern in data["own"])
    # One pattern a country (a role is tried against each in turn).
    institutions = tuple(
        (re.compile(r"\b(?:" + "|".join(re.escape(name.lower()) for name in names) + r")\b"), code)
        for code, names in data.get("institutions", {}).items()
    )
    not_held = {
        code: re.compile("|".join(patterns)) for code, patterns in data.get("not_held", {}).items()
    }
    return _Offices(national, own, institutions, not_held)


def _folded(role: str) -> str:
    role = " ".join(role.lower().replace("’", "'").split())
    return _LEADING.sub("", role)


# A secretary of state for a portfolio the State Department's under secretaries do not
# hold ("Secretary of State for Political Affairs" is an under secretary's title cut short).
_PORTFOLIO_SECRETARY = re.compile(
    r"secretary of state for (?!political|economic growth|management|arms control|"
    r"civilian security|public diplomacy)"
)


def national_office(role: str | None) -> str | None:
    """The country an office belongs to when only one country has it ("Secretary of State")."""
    if not role:
        return None
    folded = _folded(role)
    offices = _offices()
    found = offices.national.get(folded)
    if found is not None:
        return found
    # "Under Secretary of State for Political Affairs" is still the State Department's;
    # but a "Secretary of State for" a portfolio is Britain's or Spain's kind ("Secretary
    # of State for Foreign and Global Affairs Ángeles Moreno Bau").
    for office, code in offices.national.items():
        if folded.startswith(office + " ") and " of " in office:
            if office == "secretary of state" and _PORTFOLIO_SECRETARY.match(folded):
                continue
            return code
    # "State Department spokeswoman", "Kremlin spokesman": an institution of one country.
    return institution_of(role)


def institution_of(words: str, *, opening: bool = False) -> str | None:
    """The country whose institution the words name ("State Department spokeswoman",
    "Congressional Democrats", "the Bundesbank"), if one country's; with ``opening``, only
    one the words begin with ("The Commerce Department said", not "An investor group told
    the Securities and Exchange Commission")."""
    folded = _folded(words)
    if opening:
        folded = _COUNTED.sub("", folded)
    return next(
        (
            code
            for pattern, code in _offices().institutions
            if (pattern.match(folded) if opening else pattern.search(folded))
        ),
        None,
    )


# A count before a subject's noun: "Two congressmen urged".
_COUNTED = re.compile(r"^(?:two|three|four|several|some|many|\d+)\s+")


def office_not_held(role: str | None, country: str | None) -> bool:
    """Is the role an office ``country``'s government does not have ("Prime Minister" for
    the United States)?"""
    pattern = _offices().not_held.get(country or "")
    return bool(role and pattern is not None and pattern.search(_folded(role)))


def own_office(role: str | None) -> bool:
    """Is this one of the offices a government publisher's own officials hold?"""
    if not role:
        return False
    folded = _folded(role)
    return any(pattern.search(folded) for pattern in _offices().own)


def is_past_role(role: str | None) -> bool:
    """A role the text gives as the person's past one ("then-Deputy Secretary of State"):
    what they were when something happened, not what they are."""
    return bool(role) and _PAST_ROLE.match(role or "") is not None


_PAST_ROLE = re.compile(r"then\b", re.I)


def is_speaker(role: str | None) -> bool:
    """A spokesperson: the voice of a readout, not a participant in what it reports."""
    return bool(role) and _SPEAKER.search(role or "") is not None


def office_affiliation(role: str | None, publisher: str | None) -> Affiliation | None:
    """The ``office`` evidence of a role without a country word.

    Args:
        role: The role as written.
        publisher: The country of a government publisher (its own officials), or None.
    """
    national = national_office(role)
    if national is not None:
        return Affiliation(national, None, "office")
    if publisher is not None and own_office(role):
        return Affiliation(publisher, None, "office")
    return None


def strip_country_complement(role: str, country_words: list[tuple[int, int]]) -> str:
    """The role without a trailing "of (the) <country>": "President of Afghanistan" -> "President".

    Args:
        role: The role text.
        country_words: ``(start, end)`` of the country names inside ``role``.
    """
    for start, end in sorted(country_words, reverse=True):
        if end < len(role.rstrip(" ,.")):
            continue
        head = role[:start].rstrip()
        match = re.search(r"\s+of(?:\s+the)?$", head)
        if match and head[: match.start()].endswith("Bank"):
            continue  # "Governor of the Bank of England": the bank's own name
        if match and match.start() > 0:
            return head[: match.start()].rstrip(" ,")
    return role
