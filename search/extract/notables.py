"""What a desk officer knows without being told: whom well-known figures serve.

``data/notable_people.yaml`` lists heads of state and government, foreign ministers,
heads of international organisations and other figures of diplomatic news by the side
they serve.  `notable_side` answers for a person an article names with no clue of their
own ("Putin's war", "Barack Obama said"): evidence ``notable`` (`affiliation.STRENGTH`).

A surname alone ("Putin", "Biden") is enough when the list holds one side for it and it is
neither a common surname nor a given name: "Johnson", "Lee" or "Charles" alone could be
anyone.
"""

from __future__ import annotations

import functools
from collections.abc import Collection, Iterator
from pathlib import Path

import yaml

from search.extract.aliases import parse_name, same_person
from search.extract.given import given_names

NOTABLES_FILE = Path(__file__).parent / "data" / "notable_people.yaml"
# The key of the figures known to serve no state or organisation.
NO_SIDE = "none"

# Surnames too common to stand for one notable person when written alone.
_COMMON_SURNAMES = frozenset(
    """johnson brown smith williams jones miller davis wilson taylor clark lewis walker young
    hall allen king wright scott green baker adams nelson hill campbell mitchell roberts
    carter phillips evans turner parker collins edwards stewart morris murphy cook rogers
    morgan cooper peterson reed bailey bell kelly howard ward cox richardson wood watson
    brooks bennett gray james hughes price sanders myers long ross foster powell jenkins
    perry russell sullivan bush rice power gates major may ford gore haley jordan martin
    lee kim park wang li zhang liu chen yang wu khan singh ali hussein hassan ahmed mohamed
    mohammed muhammad abdullah castro aquino gandhi sharif bhutto aliyev kennedy clinton
    trudeau abe nguyen tran le pham rahman hamid ibrahim ismail salman bishop burns cohen
    costa cruz harris howe hunt lange pope santos peters wallace woodward reeves sessions
    mueller schmidt fischer marin martens patel rama salam sabah peng tong sung gang ning
    jian qiang montenegro nieto gallagher griffiths hammond harper morrison morales
    rodriguez garcia gonzalez fernandez sanchez castillo correa kirby hague straw gove
    lawson habib hadi karin kani ivanov schiff payne haines keating hurd dumas conte saleh
    salih mohamad mohamud manet wray verma jong yeol moussa mustafa santos abrams begin
    banana bullock champagne clapper coats cotton dole english gold hang helms hills hockey
    horn hamilton jackson lake mock north snow stock summers swan swing tenet wine wagner
    waltz shorten sang dung knot kant strauss stevens walters patterson darling foot osborne
    clarke beckett fallon williamson healey prescott pierce fox rudd brandt nagel lambrecht
    kohler steiner fleischer egger hahn engel kern haider carlsson persson andersson
    rasmussen poulsen foley flaherty hogan downer dutton costello fraser hayden carr lowe
    chalmers birmingham rhodes pickering malley hadley flynn o'brien kirkpatrick regan brady
    rubin o'neill locke portman casey brennan ratcliffe navarro cohn spicer boucher menendez
    corker coons meeks jeffries bloomberg huntsman crocker chao armitage baird shanahan
    palmer key robertson willis goff chan chaudhry manley bouchard o'toole anand meta nano
    magyar varga nemeth yilmaz simsek guler markovic nikolic dimitrov stoyanov papadopoulos
    antonov yakovlev novak maiziere salami ramadan sheikh sultan bandar shah haqqani akhund
    mujahid omar massoud baloch nawaz akram abbasi asif aziz allawi jafari jaafari mansour
    suleiman diab qassem fahmy kamel noor yassin hamdan ansari abdulaziz shaheen sinha
    krishna rajan menon narayanan jaiswal rawat malhotra hossain dissanayake peiris
    gunawardena koirala bhandari poudel shahid kang feng cong dawei xiaoming zhenhua wentao
    shuang tsang leung chol suzuki hashimoto mori fukuda tanaka okada kishi hamada kato
    nishimura fukui duan linh manh khai luong quang cuong minh dong ngan giang shwe sein
    kyaw myint maung lwin wahid amin malik aman kadir ramos estrada arroyo teodoro soares
    sampaio rangel medina coelho amato monti napolitano suarez moran ordonez palacio robles
    sepulveda castaneda meade herrera cardenas galvez luna figueiredo franco patriota nunes
    araujo haddad levy neto neves serra silva moro cavallo caputo massa guzman mendez lagos
    munoz barco trujillo ramirez marquez perez caldera cabello lopez machado moncada flores
    toledo cordero borja gutierrez moreno patino espinosa zamora mesa vazquez lugo benitez
    pena roque alarcon vidal aleman varela duarte cerezo molina berger hernandez lobo
    chinchilla solis mejia golding rowley manning abubakar barre wade keita diop maiga
    traore toure bongo mills talon mahdi taha salah diouf banda lombardi bruni pillay
    lacroix preston breton mora zaki arias maurer mladenov boko""".split()
)


@functools.lru_cache(maxsize=1)
def _notables(path: str = str(NOTABLES_FILE)) -> dict[str, list[tuple[str, str]]]:
    """Surname key -> ``[(name, side)]``; ``side`` an alpha-3 code or ``org:NAME``."""
    with open(path, encoding="utf-8") as handle:
        data = yaml.load(handle, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    by_surname: dict[str, list[tuple[str, str]]] = {}
    for side, names in (data or {}).items():
        for name in names or ():
            parsed = parse_name(str(name))
            if parsed is not None:
                by_surname.setdefault(parsed.surname, []).append((str(name), str(side)))
    return by_surname


@functools.lru_cache(maxsize=1)
def _common() -> frozenset[str]:
    """`_COMMON_SURNAMES` as `parse_name` spells surnames."""
    return frozenset(
        parsed.surname for word in _COMMON_SURNAMES if (parsed := parse_name(word.title()))
    )


@functools.lru_cache(maxsize=1)
def notable_surnames() -> frozenset[str]:
    """Surnames (as written) that name one notable person when written alone: "Putin"."""
    return frozenset(
        raw
        for raw, _surname, _side in _written_surnames()
        if " " not in raw and "-" not in raw and notable_side(raw) is not None
    )


def _written_surnames(*, given_too: bool = False) -> Iterator[tuple[str, str, str]]:
    """``(surname as written, folded surname, side)`` of each notable whose surname is one
    capitalised word that is no given name too ("Putin"; not "Charles" or "Henry"); with
    ``given_too``, those too ("Erdogan" is a Turkish given name as well)."""
    given = given_names()
    for entries in _notables().values():
        for name, side in entries:
            parsed = parse_name(name)
            raw = parsed.surname_raw if parsed else ""
            if (
                parsed
                and raw[:1].isupper()
                and raw[1:].islower()
                and (given_too or raw not in given)
            ):
                yield raw, parsed.surname, side


def common_surnames_of(countries: Collection[str]) -> frozenset[str]:
    """Surnames too common to stand alone that name one notable of ``countries``: where a
    text names Azerbaijan, "Aliyev’s planned meeting" is Ilham Aliyev's."""
    by_country = _common_notables()
    found = [by_country[code] for code in countries if code in by_country]
    return frozenset().union(*found) if found else frozenset()


@functools.lru_cache(maxsize=1)
def _common_notables() -> dict[str, frozenset[str]]:
    """Country -> the surnames as written that cannot stand alone, being common ("Aliyev")
    or given names too ("Erdogan"), and that only its notables bear."""
    found: dict[str, set[str]] = {}
    for raw, surname, side in _written_surnames(given_too=True):
        if (surname in _common() or raw in given_names()) and not side.startswith("org:"):
            found.setdefault(raw, set()).add(side)
    by_country: dict[str, set[str]] = {}
    for raw, sides in found.items():
        if len(sides) == 1 and NO_SIDE not in sides:
            by_country.setdefault(next(iter(sides)), set()).add(raw)
    return {code: frozenset(names) for code, names in by_country.items()}


# Titles the list writes before some names ("King Abdullah II", "Pope Francis"): the role
# finder reads those, not the bare-name one.
_TITLES = frozenset("King Queen Pope Prince Princess Emperor Empress Sheikh Sultan Emir".split())


@functools.lru_cache(maxsize=1)
def notable_first_words() -> dict[str, frozenset[str]]:
    """First words of notables' names that are not given names on their own ("Bill",
    "Donald", "Joe": mostly words, or left out of the list) -> the rest of their names:
    "Bill Clinton" and "Donald Trump" are names, "Bill" alone is not."""
    given = given_names()
    found: dict[str, set[str]] = {}
    for entries in _notables().values():
        for name, _side in entries:
            first, _, rest = name.partition(" ")
            if (
                rest
                and first[:1].isupper()
                and first not in given
                and first not in _TITLES
                and first[-1] != "."
            ):
                found.setdefault(first, set()).add(rest)
    return {first: frozenset(rests) for first, rests in found.items()}


def notable_side(
    name: str, *, common: bool = False, prefer: str | None = None, avoid: str | None = None
) -> tuple[str | None, str | None] | None:
    """``(country, org)`` of a well-known person ``name`` may be, or None if not one side.

    With ``common``, a common surname alone answers too (the caller has more to go on:
    "President Aliyev" in a story that names Azerbaijan). With ``prefer``, a surname two
    notables share answers that side when it is one of theirs ("Vice President Harris" in
    the U.S. government's text: Kamala Harris, not Ireland's Simon Harris); with ``avoid``,
    the other's ("Prime Minister Johnson" in the same text: Boris, not Mike Johnson)."""
    parsed = parse_name(name)
    if parsed is None:
        return None
    entries = _notables().get(parsed.surname)
    if not entries:
        return None
    if (
        parsed.given is None
        and not common
        and (parsed.surname in _common() or len(parsed.surname) < 4)
    ):
        return None
    # "Pope" stands for the Pope alone, not for "Amy Pope".
    sides = {
        side
        for known, side in entries
        if same_person(name, known) and not (known in _TITLES and parsed.given is not None)
    }
    if len(sides) > 1 and prefer in sides:
        sides = {prefer}
    if len(sides) > 1 and avoid in sides:
        sides.discard(avoid)
    if len(sides) != 1:
        return None
    side = sides.pop()
    if side == NO_SIDE:
        return (None, None)  # known to serve no one: no side, and no default either
    return (None, side[4:]) if side.startswith("org:") else (side, None)


def notable_name(surname: str) -> str | None:
    """The one well-known figure a surname alone names ("Reagan": "Ronald Reagan"), if any."""
    parsed = parse_name(surname)
    if parsed is None or parsed.given is not None:
        return None
    names = [name for name, _side in _notables().get(parsed.surname) or []]
    figures = {(p.given, p.surname) for name in names if (p := parse_name(name)) is not None}
    return max(names, key=len) if len(figures) == 1 else None
