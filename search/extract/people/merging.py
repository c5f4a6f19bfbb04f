"""Merging within an article: the references to one person become one, and later short
references ("Ms. Huitfeldt") are found."""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence

from search.extract.affiliation import (
    Affiliation,
    national_office,
    office_not_held,
)
from search.extract.aliases import parse_name, same_person
from search.extract.local_places import place_country
from search.extract.notables import common_surnames_of, notable_name, notable_side
from search.extract.people.companions import tie_sides
from search.extract.people.lexicon import Known
from search.extract.people.mentions import _Candidate, _Countries, _Person

# Words before a country that make it a place or the object of a verb, not a nationality.
_PLACE_OR_OBJECT = re.compile(
    r"\b(?:on|in|to|from|with|into|against|toward|towards|at|visit(?:ed|ing)?)\s+(?:the\s+)?$",
    re.I,
)


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
    # "Yugoslavia will not follow Brazil ..., Prime Minister Branko Mikulic said": the
    # countries after a default country that opens the sentence as its subject are what
    # it does, until the speaker.
    subject = countries.subject_at(start, end) if objects else None
    if subject is not None and subject[0] in home:
        speaker = next((s for s, _e in person.spans if start <= s < end), end)
        between = (subject[1], speaker)  # what the subject does, up to the speaker
    else:
        between = (end, end)
    for m_start, _m_end, key in countries.items_in(start, end, skip_capitals=True):
        if key in home:
            continue
        if between[0] <= m_start < between[1]:
            continue
        if objects and _PLACE_OR_OBJECT.search(text, max(start, m_start - 16), m_start):
            # In a story set in Turkey, "called on Greece", "surgery in the United States"
            # say what a Turkish minister does, not whom they serve.  (A news agency's
            # "President Putin launched a war against Ukraine" keeps Putin foreign.)
            continue
        if objects and any(_m_end < other <= _m_end + 60 for other in others):
            continue  # "U.S. Commerce Secretary Baldrige": another person's country
        if objects and person.role and _in_what_they_do(text, person, start, m_start):
            continue  # "told Minister Hajime Tamura to redouble his efforts to calm U.S. anger"
        return True
    return False


def _merge(
    candidates: list[_Candidate],
    home: str | None,
    context: str | None,
    publisher: str | None,
    countries: _Countries,
    known: Known | None = None,
    main: str | None = None,
) -> list[_Person]:
    """Group candidates naming the same person; keep the most complete name and role.

    ``main`` is the story's main country when it has no setting: the weakest clue, for a
    minister alone ("PARIS - ... Finance Minister Mamoudou Toure said Senegal's debt")."""
    people: list[_Person] = []
    for candidate in sorted(candidates, key=lambda c: _completeness(c.name), reverse=True):
        person = next((p for p in people if same_person(candidate.name, p.name)), None)
        if person is not None and _another_notable(candidate, person):
            alone = next((p for p in people if p.name == candidate.name), None)
            if alone is not None or candidate.role is not None:
                person = alone
            # else "Financier Carl Lindner ... Lindner said": the one the story named in
            # full, though a well-known figure bears the surname too
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
        role = _after_anothers_name(candidate.role, candidates, candidate.name)
        if role and (person.role is None or len(role) > len(person.role)):
            person.role = role
            person.role_sentence = candidate.sentence
        side = candidate.side
        if side is not None and (person.side is None or side.strength > person.side.strength):
            person.side = side
    mentioned = {str(key) for _s, _e, key in countries.items}
    lone_surnames = common_surnames_of(mentioned)
    for person in people:
        if person.side is None:
            found = known(person.name) if known is not None else None
            # (a surname alone: the notable of a country named before the archive's namesake,
            # "Prime Minister Trudeau" in a story naming Canada; a full name: the archive's)
            ask_here = found is None or " " not in person.name
            here = _notable_here(person, publisher, mentioned, lone_surnames) if ask_here else None
            if found is not None and here is None:
                person.side = Affiliation(found[0], found[1], "registry")
            elif (found := notable_side(person.name)) is not None:
                person.side = Affiliation(found[0], found[1], "notable")
            elif here is not None:
                person.side = Affiliation(here[0], here[1], "notable")
    # A lone word after a form of address ("Sheikh Jarrah" is a neighbourhood, "Dr" alone a
    # title) is no person unless named in full, or a royal ("Prince Philip").
    people = [p for p in people if p.role or p.side or " " in p.name or _royal(countries.text, p)]
    _take_defaults(
        people,
        ((home, "home"), (context, "context"), (main, "main"))
        + _dateline_defaults(countries, home or publisher),
        publisher,
        countries,
    )
    _share_list_side(countries.text, people)
    tie_sides(countries.text, people)
    people.sort(key=lambda person: min(person.spans))
    return people


def _notable_here(
    person: _Person, publisher: str | None, mentioned: set[str], lone: frozenset[str]
) -> tuple[str | None, str | None] | None:
    """ "President Aliyev" in a story naming Azerbaijan (or alone, "Aliyev’s planned
    meeting", a surname only that country's notables bear; "Vice President Harris" in the
    United States' own readout): the notable of a country the story names."""
    if not (person.role or person.name in lone):
        return None
    found = _common_notable(person, publisher)
    if found is None or not (found[0] in mentioned or (publisher and found[0] == publisher)):
        return None
    return found


def _common_notable(person: _Person, publisher: str | None) -> tuple[str | None, str | None] | None:
    """The side of the notable a common surname names (`notable_side`): in a government's
    text, its own official's, unless the office is none of its own ("Prime Minister
    Johnson" in a U.S. readout: Boris Johnson, not Mike Johnson)."""
    if office_not_held(person.role, publisher):
        return notable_side(person.name, common=True, avoid=publisher)
    return notable_side(person.name, common=True, prefer=publisher)


def _royal(text: str, person: _Person) -> bool:
    return any(_ROYAL.match(text, start) for start, _ in person.spans)


# (A person's first span starts at the form of address that introduced them.)
_ROYAL = re.compile(r"(?:Crown\s+)?Prince(?:ss)?\s")


def _share_list_side(text: str, people: list[_Person]) -> None:
    """ "met with President Volodymyr Zelenskyy, Foreign Minister Dmytro Kuleba, ..., and
    Ambassador Oksana Markarova": one named in a list of another side's officials, whose
    office only says it is one the publisher's officials hold too, is theirs."""
    firsts = sorted(
        ((min(person.spans), person) for person in people if person.spans), key=lambda f: f[0]
    )
    runs: list[list[_Person]] = []
    previous_end = -1
    for (start, end), person in firsts:
        if runs and _LIST_GAP.fullmatch(text, previous_end, start):
            runs[-1].append(person)
        else:
            runs.append([person])
        previous_end = end
    for run in runs:
        _list_over_setting(run)
        _list_gives_side(run)
        for person in run[1:]:  # (the list's first is its subject: "Secretary Blinken, ...")
            side = person.side
            if (
                side is None
                or side.how != "office"
                or national_office(person.role) is not None
                or notable_side(person.name) is not None
            ):
                continue
            others = [other.side for other in run if other is not person]
            if any(o is None or o.how == "office" for o in others):
                continue
            country = _one_country([o for o in others if o is not None])
            if country is not None and country != side.country:
                person.side = Affiliation(country, None, "listed")


def _list_over_setting(run: list[_Person]) -> None:
    """ "Other senior members of the interagency delegation include Assistant Secretary of
    State ... Brian A. Nichols, ..., National Intelligence Manager for the Western
    Hemisphere Jon Stainbrook": one whose side is only the story's setting, listed among
    officials whose offices or names all say one country, is that country's."""
    for person in run:
        if person.side is None or person.side.how not in _SETTING_DEFAULTS:
            continue
        sure = [
            other.side
            for other in run
            if other is not person and other.side and other.side.how not in _SETTING_DEFAULTS
        ]
        country = _one_country(sure)
        if country is not None and country != person.side.country:
            person.side = Affiliation(country, None, "listed")


def _list_gives_side(run: list[_Person]) -> None:
    """ "former Prime Minister of the Republic of North Macedonia Nikola Gruevski and former
    Director of the Department for Security and Counterintelligence (UBK) Sasho Mijalkov":
    an official with no side, listed with officials of one country only, is theirs."""
    for person in run:
        if person.side is not None or not person.role:
            continue
        sides = [o.side for o in run if o is not person and o.side is not None]
        country = _one_country(sides, least=1)
        if country is not None and not office_not_held(person.role, country):
            # (not "President Biden and Prime Minister Trudeau": no American premier)
            person.side = Affiliation(country, None, "listed")


def _one_country(sides: list[Affiliation], *, least: int = 2) -> str | None:
    """The one country ``least`` or more listed people's sides all give, if they do."""
    countries = {side.country for side in sides}
    if len(sides) < least or len(countries) != 1:
        return None
    return countries.pop()


_SETTING_DEFAULTS = frozenset({"context", "main", "dateline"})
# Between two people of a list: a comma or "and", then the next one's office.
_LIST_GAP = re.compile(
    # (an office's own "and": "Director of the Department for Security and Counterintelligence")
    r"\s*(?:,\s*(?:and\s+)?|\s+and\s+)(?:(?:\(?[A-Z][\w.'’-]*\)?|of|the|for|former|and)\s+){0,12}"
)


def _dateline_defaults(
    countries: _Countries, publisher: str | None
) -> tuple[tuple[str | None, str], ...]:
    """The dateline's country as the last default of a news story (not a government's
    text, not a national agency's), twice: ``"dateline"`` for a minister when the headline
    names that country ("JAPAN/U.S. AGRICULTURE TALKS ... TOKYO - Agriculture Minister
    Mutsuki Kato said he will meet U.S. Agriculture Secretary Richard Lyng": a news agency
    names a visiting minister's country; not where the dateline is only where a meeting
    was, "VENEZUELA HAS NO PLANS ... GUANAJUATO, Mexico"), and ``"market"`` for a market
    analyst or economist wherever the story is about ("NEW YORK - ... said analyst Carole
    Berger of Cyrus J. Lawrence Inc, referring to both Brazil and Citicorp": the analysts
    a wire service polls are where it files from)."""
    dateline = countries.dateline if publisher is None else None
    if dateline is None:
        return ()
    headline = any(
        key == dateline and start < countries.dateline_start for start, _e, key in countries.items
    )
    return ((dateline if headline else None, "dateline"), (dateline, "market"))


def _take_defaults(
    people: list[_Person],
    defaults: tuple[tuple[str | None, str], ...],
    publisher: str | None,
    countries: _Countries,
) -> None:
    """Give people with no side the weakest clues, in order: ``(country, how)``; before
    them, where a person says they are (`_said_from`)."""
    for person in people:
        weak = person.side is None or person.side.how in _SETTING_DEFAULTS
        if weak and (there := _said_from(countries.text, person)) is not None:
            person.side = Affiliation(there, None, "context")
    for default, how in defaults:
        if default is None:
            continue
        for person in people:
            if how == "main" and not _main_minister(person, default, countries):
                continue
            if how == "dateline" and not _MINISTER.search(person.role or ""):
                continue
            if how == "market":
                _market_side(person, default, countries)
                continue
            if _reporter(countries.text, person):
                continue  # "Wikinews accredited reporter William S. Saturn": no one's side
            if _MINISTER.search(person.role or "") and office_not_held(person.role, default):
                continue  # "vice economic minister Wang" in a story from New York
            others = [start for other in people if other is not person for start, _ in other.spans]
            if (
                person.side is None
                # Named bare, a person takes a news story's setting; not in a government's
                # own text, where they are the journalists of a briefing's questions or
                # the people a speech honours.
                and (person.role or (how == "context" and publisher is None))
                # The publisher's own country in their sentence is the publisher speaking
                # ("The United States thanks former Prime Minister Tuila'epa ..." in a
                # readout on Samoa): its officials have their side already.
                and not _abroad(
                    person,
                    {default, publisher},
                    countries,
                    objects=how in _SETTINGS,
                    others=others,
                )
            ):
                person.side = Affiliation(default, None, "main" if how == "dateline" else how)


def _said_from(text: str, person: _Person) -> str | None:
    """The country of the place a person speaks from or works in, in their first sentence:
    "oil analyst Doug Gowland of Brown Baldwin Nisker Ltd said from Toronto", "Wilf Gobert,
    an oil analyst for Peters and Co Ltd in Calgary", "a stock analyst at the Tokyo office
    of broker James Capel" (in stories filed from elsewhere); the branch their office
    names ("Chemical Bank Tokyo branch vice president Yukuo Takahashi"); where a minister
    speaks from a capital ("Industry Minister John Button said in Canberra")."""
    branch = _BRANCH.search(person.role or "")
    if branch is not None and (there := place_country(branch.group(1))) is not None:
        return there
    _start, end = min(person.spans)
    stop = _SENTENCE_END.search(text, end)
    found = _SAID_FROM.search(text, end, stop.start() if stop is not None else len(text))
    if found is None or found.start() - end > _SAID_FROM_REACH:
        return None
    if found.group(3) and not _MINISTER.search(person.role or ""):
        return None  # (a spokesman "said in New York" may be visiting)
    return place_country(found.group(1) or found.group(2) or found.group(3) or found.group(4))


def _market_side(person: _Person, dateline: str, countries: _Countries) -> None:
    """A market analyst or economist with no side of their own, where the wire files from,
    unless a country is named beside them ("an economist at Banco Itau in Sao Paulo"):
    the countries further on in their sentence are what they talk about."""
    if person.side is not None or not _MARKET_ROLE.search(person.role or ""):
        return
    start, end = min(person.spans)
    text = countries.text
    stop = _APPOSITION_END.search(text, end)
    near = text.rfind(".", 0, start) + 1, stop.start() if stop is not None else len(text)
    if any(key != dateline for _s, _e, key in countries.items_in(*near, skip_capitals=False)):
        return
    person.side = Affiliation(dateline, None, "main")


# Occupations a wire service quotes on markets, not officials of any government.
_MARKET_ROLE = re.compile(
    r"\b(?:analysts?|economists?|strategists?|traders?|dealers?|brokers?|fund managers?)\b",
    re.I,
)
# Where a person speaks from, or works: "said from Toronto", "for Peters and Co Ltd in
# Calgary".
# A place's name, one or two capitalised words ("Toronto", "New York").
_PLACE_NAME = r"([A-Z][\w’'-]+(?: [A-Z][\w’'-]+)?)"
_SAID_FROM = re.compile(
    rf"\b(?:said|says|told\s+\w+)\s+from\s+{_PLACE_NAME}"
    # (their employer, then its city: "economist for brokers UBS/Philips and Drew in London")
    r"|\b(?:for|at|of|with)\s+(?:[a-z]+\s+)?[A-Z][\w&/.’'-]*"
    rf"(?:\s+(?:and\s+|of\s+)?[A-Z][\w&/.’'-]*){{0,6}}\s+in\s+{_PLACE_NAME}"
    # (a minister's "said in Canberra": group 3; "at the Tokyo office of": group 4)
    rf"|\bsaid\s+in\s+{_PLACE_NAME}"
    rf"|\bat\s+the\s+{_PLACE_NAME}\s+(?:office|branch|bureau)\b"
)
# A branch an office names: "Chemical Bank Tokyo branch vice president".
_BRANCH = re.compile(rf"\b{_PLACE_NAME}\s+(?:[Bb]ranch|[Oo]ffice|[Bb]ureau)\b")
_SENTENCE_END = re.compile(r"[.!?][\"”’)]?\s")
# How far after a name its "said from" may stand (the name's own clause).
_SAID_FROM_REACH = 80
# Where the words about a person end: a clause after their employer, a verb, the sentence's end.
_APPOSITION_END = re.compile(
    r",\s*(?:[a-z]+ing|who|which)\b|\b(?:said|says|told|added|noted|thinks|expects)\b|[.;!?]|$"
)


# The defaults that are where a story is set, whose officials' sentences name other
# countries as what they act on ("called on Greece"); not a news agency's own country
# ("President Putin launched a war against Ukraine" in a Kazinform story is not Kazakh).
_SETTINGS = frozenset({"context", "dateline"})


def _main_minister(person: _Person, main: str, countries: _Countries) -> bool:
    """Is the person a minister whose own sentence names the story's main country ("Finance
    Minister Mamoudou Toure said Senegal's global foreign debt"), not only as another's
    ("Agriculture Minister Mutsuki Kato said he will meet U.S. Agriculture Secretary
    Richard Lyng" in a story on the United States and Japan)?"""
    if not _MINISTER.search(person.role or ""):
        return False
    start, end = person.role_sentence or person.sentences[0]
    text = countries.text
    named = [
        key
        for _s, m_end, key in countries.items_in(start, end, skip_capitals=True)
        if not _OFFICE_AFTER.match(text, m_end)
    ]
    if main in named:
        return True
    # "Sudan has rejected a demand by the IMF ...", then "Finance Minister Beshir Omer
    # ... said his government also rejected": the government the story just named.
    return (
        not named
        and _HIS_GOVERNMENT.search(text, start, end) is not None
        and main in {key for _s, _e, key in countries.items_in(max(0, start - 300), start)}
    )


# A country's office after its name: "U.S. Agriculture Secretary Richard Lyng".
_OFFICE_AFTER = re.compile(
    r"\s+(?:[A-Z][\w-]*\s+){0,3}(?:Secretary|Minister|President|Ambassador)\b"
)
_HIS_GOVERNMENT = re.compile(r"\b(?:his|her)\s+government\b")
# A government's minister by title: "Finance Minister", "Minister of Trade" (not a
# company's or an organisation's officer).
_MINISTER = re.compile(r"\b[Mm]inister\b")


def _reporter(text: str, person: _Person) -> bool:
    """Is the person a journalist (by role, or by the words before their name:
    "Wikinews' Nick Moreau", "accredited reporter William S. Saturn")? A story's setting
    says nothing of where a reporter is from."""
    if person.role and _JOURNALIST.search(person.role):
        return True
    first = min(start for start, _ in person.spans)
    return _JOURNALIST_BEFORE.search(text, max(0, first - 40), first) is not None


_JOURNALIST = re.compile(
    r"\b(?:reporters?|correspondents?|journalists?|sportswriters?|photographers?|"
    r"columnists?|editors?|anchors?)\b",
    re.I,
)
_JOURNALIST_BEFORE = re.compile(
    r"(?:\b(?:reporter|correspondent|journalist|sportswriter|photographer|columnist)|"
    r"\bWikinews[’']?"
    # A picture's credit: "Protesters at the march. Image: Andrew Gray."
    r"|\b(?:Image|Photo|Photograph|Picture|Credit)s?\s*:)\s+$",
    re.I,
)


def _in_what_they_do(text: str, person: _Person, start: int, mention: int) -> bool:
    """Is a country named after the person, past a verb of what they do ("to redouble
    his efforts to calm U.S. anger"), not in an apposition ("Tamura, Japan's minister";
    "Tamura of Japan")?"""
    named = [end for s, end in person.spans if start <= s and end <= mention]
    if not named:
        return False
    gap = text[named[0] : mention]
    return _VERB_AFTER_NAME.search(gap) is not None


# A verb between a person and a country named after them: what they do, not who they are.
_VERB_AFTER_NAME = re.compile(
    r"^\s+(?:to\s+\w+|said|says|told|will|would|has|have|had|is|was|[a-z]{3,}ed)\b"
)


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
        words = person.name.split()
        if len(words) == 2 and _HYPHENATED_GIVEN.fullmatch(words[1]):
            surname = words[0]  # "Rha Woong-bae ... Rha's proposal": the family name first
        elif len(words) == 3 and _family_name_first(text, person.name, words):
            surname = words[0]  # "Lim Keng Yaik ... Lim earlier met": the same
        if surname in alone and person.name != surname:
            continue
        for form in _surname_forms(surname):
            position = text.find(form)
            while position != -1:
                end = position + len(form)
                if _whole_word(text, position, end) and not _overlaps(taken, position, end):
                    start = _reference_start(text, position, person.name)
                    person.spans.append((start, end))
                    person.surfaces.append(" ".join(text[start:end].split()))
                    bisect.insort(taken, (start, end))
                position = text.find(form, end)


def _surname_forms(surname: str) -> list[str]:
    """How a surname is written alone: a German "von" or "zu" is left out when it is
    ("Richard von Weizsaecker ... Weizsaecker said"); other particles stay ("de Gaulle")."""
    first, _space, rest = surname.partition(" ")
    if first in ("von", "zu") and rest[:1].isupper():
        return [surname, rest]
    return [surname]


_NAME_WORD_BEFORE = re.compile(r"[A-Z][\w’'-]*\s+$")


def _family_name_first(text: str, name: str, words: list[str]) -> bool:
    """Is a three-word name's first word its family name: short words, the last never
    written alone while the first is ("Lim Keng Yaik ... Lim earlier met")?"""
    if max(len(word) for word in words) > 5 or not all(word[:1].isupper() for word in words):
        return False
    full = text.count(name)
    if text.count(words[-1]) != full:
        return False
    # (alone: not inside another name, "Hla Myo Aung" for "Aung Thura Zaw")
    for alone in re.finditer(rf"\b{re.escape(words[0])}\b(?!\s+[A-Z])", text):
        if not _NAME_WORD_BEFORE.search(text, max(0, alone.start() - 30), alone.start()):
            return True
    return False


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


# A Korean given name as romanised, after the family name: "Woong-bae", "Eui-yong".
_HYPHENATED_GIVEN = re.compile(r"[A-Z][a-z]+-[a-z]+")
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


def _after_anothers_name(role: str | None, candidates: list[_Candidate], name: str) -> str | None:
    """An office read across another person's name and an "and" is the office after them:
    "Minister of Unification Kwon and Vice Minister" (Kim's, in a headline that names Kwon
    first) is "Vice Minister", "Federal Reserve chairman Paul Volcker and Council of Economic
    Advisers chairman" Sprinkel's second; "spokesman for Berman" stays whole."""
    if not role or " and " not in role:
        return role
    cut = None
    for found in re.finditer(r"([A-Z][\w'’-]+),?\s+and\s+", role):
        # (not "co-chair of Black Voices for Trump and 2012 presidential candidate")
        if _PREPOSITION_END.search(role, 0, found.start()):
            continue
        word = found.group(1)
        if any(
            " " in c.name and word in c.name.split() and not same_person(c.name, name)
            for c in candidates
        ):
            cut = found.end()
    return role[cut:] if cut is not None else role


_PREPOSITION_END = re.compile(r"\b(?:for|of|to|with)\s+$")
