"""Changing the settings: the checks shared by the settings screen and ``briefroom config``,
and the commented ``config.yaml`` they write.

`tui.config` reads the file and checks each value's type; this module checks what a
value means (a country the gazetteer knows, a language dateparser reads, a theme the
app has, a binding id that exists, keys that name keys) and writes the file:

- **Commented.**  Every setting comes with a comment saying what it does; a setting
  left at its default is written commented out (``# day_order: DMY``), so that a
  default changed by a later briefroom still applies.  The file is rewritten whole:
  the settings it held are kept, comments added by hand are not (its header says so).
- **Safely.**  Through `briefs.safe_write.write_file`: a temporary file beside it,
  then a rename; a symbolic link at ``config.yaml`` is replaced, never followed; a
  reader sees the old file or the new one.  A file that cannot be read (bad YAML, an
  unknown setting) is never replaced: the `ConfigError` says what to fix.

Nothing here imports Textual: the theme names and binding ids are passed in by the
caller (the app knows its own; the CLI asks Textual only for the setting that needs it).
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Collection, Mapping
from pathlib import Path
from typing import Any

import yaml

from tui.config import (
    SETTINGS,
    Config,
    ConfigError,
    config_path,
    load_config,
    read_settings,
)

__all__ = [
    "DAY_ORDERS",
    "SettingError",
    "check_setting",
    "closest_countries",
    "country_choices",
    "format_keymap",
    "format_value",
    "render_config",
    "save_settings",
]

DAY_ORDERS: dict[str, str] = {
    "DMY": "day first: 03/12 is 3 December",
    "MDY": "month first: 03/12 is March 12",
    "YMD": "year first: 2022/03/12 is 12 March",
}
"""The day orders dateparser knows, with what each means."""

MAX_SUGGESTIONS = 5

COMMENTS: dict[str, tuple[str, ...]] = {
    "home_country": (
        "Our side in pair summaries and briefs: a country name, demonym or ISO code",
        '("Kazakhstan", "Norwegian", "NOR"). `briefroom --home COUNTRY` overrides it for',
        "one run.",
    ),
    "day_order": (
        "How numeric dates like 03/12 read: DMY (3 December), MDY (March 12) or YMD",
        "(year first, 2022/03/12).",
    ),
    "languages": (
        "Languages that dates in words may be written in (dateparser codes: en, ru, kk,",
        'fr ...), e.g. [en, ru] to read "5 декабря" as well as "5 December".',
    ),
    "theme": (
        "The terminal workspace's theme: textual-dark, textual-light, nord, gruvbox,",
        "tokyo-night, solarized-light ... (ctrl+t switches between light and dark).",
    ),
    "keymap": (
        "Keys of your own: binding id -> keys, several keys separated by commas, e.g.",
        '{app.search: "ctrl+f", app.settings: "f6"}. The ids are listed in the help',
        "screen (F1).",
    ),
    "store": (
        "A team store on PostgreSQL instead of the archive file in the data folder:",
        "postgresql://user@host:5432/dbname. Keep the password out of it: libpq reads",
        "~/.pgpass, PGPASSWORD or a service file. BRIEFROOM_STORE and --store override it.",
    ),
}
"""The comment written above each setting (one line each, without ``#``)."""

HEADER = (
    "briefroom settings.",
    "Change them in the workspace (Settings: press , or F6), with",
    "`briefroom config set KEY VALUE`, or here. Saving from the workspace or the command",
    "line rewrites this file: the settings are kept, comments other than these are not.",
    "A setting written as a comment has its default value.",
)

_MODIFIERS = frozenset({"ctrl", "shift", "alt", "meta", "super", "hyper"})
_KEY_NAMES = frozenset(
    {"escape", "enter", "tab", "space", "backspace", "delete", "insert", "home", "end",
     "pageup", "pagedown", "up", "down", "left", "right"}
)  # fmt: skip
_FUNCTION_KEY = re.compile(r"f([1-9]|1[0-9]|2[0-4])")
_LANGUAGE_SPLIT = re.compile(r"[\s,;]+")


class SettingError(ValueError):
    """A value a setting cannot take; the message says what it could be.

    Attributes:
        key: The setting (``keymap`` for a binding's keys too).
    """

    def __init__(self, key: str, message: str) -> None:
        super().__init__(f"{key}: {message}")
        self.key = key
        self.message = message


# --------------------------------------------------------------------------- countries


def country_choices() -> list[tuple[str, str]]:
    """(code, name) of every country the gazetteer knows, sorted by name (the picker's
    list, and what `closest_countries` looks through)."""
    from search.api import all_countries

    return all_countries()


def closest_countries(text: str, limit: int = MAX_SUGGESTIONS) -> list[str]:
    """Country names closest to ``text`` (names, codes, demonyms and aliases compared).

    ``"Kazakstan"`` -> ``["Kazakhstan", ...]``; an empty list when nothing is close.
    """
    from search.api import closest_countries as closest

    return closest(text, limit)


def _country(value: Any) -> str:
    from search.api import country_name, resolve_country

    if not isinstance(value, str) or not value.strip():
        raise SettingError("home_country", "expected a country name or code")
    code = resolve_country(value)
    if code is None:
        close = closest_countries(value)
        hint = f"; did you mean {', '.join(close)}?" if close else ""
        raise SettingError("home_country", f"unknown country {value.strip()!r}{hint}")
    return country_name(code)


# --------------------------------------------------------------------------- languages and keys


def _languages(value: Any) -> tuple[str, ...]:
    from dateparser.data.languages_info import language_order

    if isinstance(value, str):
        value = [part for part in _LANGUAGE_SPLIT.split(value.strip().strip("[]")) if part]
    if not isinstance(value, list | tuple) or not value:
        raise SettingError("languages", "expected one or more language codes (en, ru, kk ...)")
    known = {code.lower(): code for code in language_order}
    codes: list[str] = []
    unknown: list[str] = []
    for item in value:
        code = known.get(str(item).strip().strip("'\"").lower()) if isinstance(item, str) else None
        if code is None:
            unknown.append(repr(item))
        elif code not in codes:
            codes.append(code)
    if unknown:
        raise SettingError(
            "languages",
            f"not a language dateparser reads: {', '.join(unknown)} "
            "(two-letter codes such as en, ru, kk, fr, de, es, zh)",
        )
    return tuple(codes)


def key_problem(keys: str) -> str | None:
    """What is wrong with a keymap entry's keys (``"ctrl+f,f3"``), or None.

    Keys are Textual key names: a character (``f``, ``?``), a name (``escape``,
    ``question_mark``, ``f6``), with modifiers (``ctrl+shift+f``); several separated
    by commas.
    """
    if not isinstance(keys, str) or not keys.strip():
        return "expected keys, e.g. ctrl+f or f3"
    for key in keys.split(","):
        key = key.strip()
        if not key:
            return f"an empty key in {keys!r} (separate keys with one comma)"
        *modifiers, name = key.split("+") if key != "+" else ["+"]
        bad = [m for m in modifiers if m.lower() not in _MODIFIERS]
        if bad or not name:
            return f"{key!r} is not a key (modifiers are ctrl, shift, alt, meta, super)"
        if not _key_name_ok(name):
            return f"{key!r} is not a key name (e.g. a, ctrl+f, f6, escape, question_mark)"
    return None


def _key_name_ok(name: str) -> bool:
    if len(name) == 1:
        return name.isprintable() and not name.isspace()
    lowered = name.lower()
    if lowered in _KEY_NAMES or _FUNCTION_KEY.fullmatch(lowered):
        return True
    try:  # Textual names characters by their Unicode names: question_mark, comma ...
        character = unicodedata.lookup(name.replace("_", " ").upper())
    except KeyError:
        return False
    return len(character) == 1 and character.isprintable() and not character.isspace()


def _keymap(value: Any, binding_ids: Collection[str] | None) -> dict[str, str]:
    if isinstance(value, str):
        value = _yaml_value("keymap", value) if value.strip() else {}
    if value is None:
        value = {}
    if not isinstance(value, dict):
        raise SettingError("keymap", "expected lines of binding id: keys (app.search: ctrl+f)")
    keymap: dict[str, str] = {}
    for binding_id, keys in value.items():
        if not isinstance(binding_id, str) or not binding_id.strip():
            raise SettingError("keymap", f"{binding_id!r} is not a binding id")
        binding_id = binding_id.strip()
        if binding_ids is not None and binding_id not in binding_ids:
            close = difflib.get_close_matches(binding_id, list(binding_ids), n=3)
            hint = f"; did you mean {', '.join(close)}?" if close else " (see the help screen)"
            raise SettingError("keymap", f"no binding with id {binding_id!r}{hint}")
        if not isinstance(keys, str):
            raise SettingError("keymap", f"{binding_id}: expected keys as text, got {keys!r}")
        problem = key_problem(keys)
        if problem:
            raise SettingError("keymap", f"{binding_id}: {problem}")
        keymap[binding_id] = ",".join(key.strip() for key in keys.split(","))
    return keymap


def _yaml_value(key: str, text: str) -> Any:
    try:
        return yaml.safe_load(text)
    except yaml.YAMLError as exc:
        first = str(exc).strip().splitlines()[0] if str(exc).strip() else "bad YAML"
        raise SettingError(key, f"cannot read {text!r} ({first})") from exc


# --------------------------------------------------------------------------- checking


def check_setting(
    key: str,
    value: Any,
    *,
    themes: Collection[str] | None = None,
    binding_ids: Collection[str] | None = None,
) -> Any:
    """``value`` as the setting stores it, or `SettingError` saying why it cannot be.

    The type rules of `tui.config` (what the file may hold), and what the value means:
    ``home_country`` a country the gazetteer knows (stored as its canonical name:
    ``"kazakh"`` -> ``"Kazakhstan"``), ``day_order`` one of DMY/MDY/YMD, ``languages``
    codes dateparser reads, ``theme`` one of ``themes``, ``keymap`` ids among
    ``binding_ids`` with valid keys.  ``themes`` / ``binding_ids`` None: not checked
    against a list.

    Raises:
        SettingError: the value, with what it could be.
    """
    if key not in SETTINGS:
        raise SettingError(key, f"unknown setting (known: {', '.join(SETTINGS)})")
    if key == "home_country":
        return _country(value)
    if key == "day_order":
        order = value.strip().upper() if isinstance(value, str) else value
        if order not in DAY_ORDERS:
            raise SettingError("day_order", f"expected DMY, MDY or YMD, got {value!r}")
        return order
    if key == "languages":
        return _languages(value)
    if key == "store":
        return _store(value)
    if key == "theme":
        if not isinstance(value, str) or not value.strip():
            raise SettingError("theme", "expected a theme name")
        theme = value.strip()
        if themes is not None and theme not in themes:
            close = difflib.get_close_matches(theme, list(themes), n=3)
            hint = f"did you mean {', '.join(close)}?" if close else ""
            hint = hint or f"known: {', '.join(sorted(themes))}"
            raise SettingError("theme", f"unknown theme {theme!r}; {hint}")
        return theme
    return _keymap(value, binding_ids)


def _store(value: Any) -> str | None:
    from search.api import is_store_url

    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if not is_store_url(value.strip() if isinstance(value, str) else value):
        raise SettingError("store", "expected a postgresql://user@host:5432/dbname URL")
    url = str(value).strip()
    if has_password(url):
        raise SettingError(
            "store",
            "a password in the URL would be kept in plain text: use ~/.pgpass or PGPASSWORD",
        )
    return url


# Why `--store` and `store copy --to` refuse a URL with a password (tui.cli, tui.cli_store).
PASSWORD_ON_COMMAND_LINE = (
    "a password on the command line stays in the shell's history: put it in "
    "~/.pgpass or PGPASSWORD and leave it out of the URL"
)


def has_password(url: str) -> bool:
    """Whether a store URL carries a password (``user:secret@host``)."""
    authority = url.split("://", 1)[-1].split("/", 1)[0]
    return "@" in authority and ":" in authority.rsplit("@", 1)[0]


def format_value(key: str, value: Any) -> str:
    """A setting's value as one line of text (what `parse_setting` reads back)."""
    if value is None:
        return ""
    if key == "languages":
        return ", ".join(value)
    if key == "keymap":
        return format_keymap(value) if value else "{}"
    return str(value)


def format_keymap(keymap: Mapping[str, str], *, lines: bool = False) -> str:
    """A keymap as YAML: a flow mapping on one line, or one ``id: keys`` per line."""
    if lines and not keymap:
        return ""
    dumped = yaml.safe_dump(dict(keymap), default_flow_style=not lines, allow_unicode=True,
                            sort_keys=False, width=10**6)  # fmt: skip
    return dumped if lines else dumped.strip()


# --------------------------------------------------------------------------- writing


def render_config(settings: Mapping[str, Any]) -> str:
    """The commented ``config.yaml`` holding ``settings`` (the others as commented defaults).

    Reading it back (`tui.config.read_settings`) gives ``settings`` again.
    """
    defaults = Config()
    out = [f"# {line}".rstrip() for line in HEADER]
    for key in SETTINGS:
        out.append("")
        out.extend(f"# {line}" for line in COMMENTS[key])
        if key in settings and settings[key] is not None:
            out.append(_yaml_line(key, settings[key]))
        else:
            default = getattr(defaults, key)
            shown = _yaml_line(key, default) if default is not None else f"{key}:"
            out.append(f"# {shown}")
    return "\n".join(out) + "\n"


def _yaml_line(key: str, value: Any) -> str:
    if isinstance(value, tuple):
        value = list(value)
    if isinstance(value, dict):
        return f"{key}: {format_keymap(value)}"
    dumped = yaml.safe_dump({key: value}, default_flow_style=True, allow_unicode=True,
                            sort_keys=False, width=10**6)  # fmt: skip
    return dumped.strip().removeprefix("{").removesuffix("}")


def save_settings(changes: Mapping[str, Any], path: Path | None = None) -> Config:
    """Change settings in the file (creating it and its folder), keeping the others.

    Args:
        changes: Setting -> new value (already checked: `check_setting`); None removes
            the setting (its default applies).  A value equal to the default for a
            setting the file does not hold is left out (written as a commented default).
        path: The settings file (default: `tui.config.config_path`).

    Returns:
        The settings as read back from the written file.

    Raises:
        ConfigError: the file cannot be read (it is left as it is) or written.
        SettingError: an unknown setting.
    """
    from briefs.api import write_file

    path = path or config_path()
    current = read_settings(path)
    defaults = Config()
    for key, value in changes.items():
        if key not in SETTINGS:
            raise SettingError(key, f"unknown setting (known: {', '.join(SETTINGS)})")
        if value is None:
            current.pop(key, None)
        elif key in current or _normal(value) != _normal(getattr(defaults, key)):
            current[key] = value
    text = render_config(current)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        write_file(path, text, force=True)
    except OSError as exc:
        raise ConfigError(f"{path}: cannot write ({exc.strerror or exc})") from exc
    return load_config(path)


def _normal(value: Any) -> Any:
    return list(value) if isinstance(value, tuple) else value
