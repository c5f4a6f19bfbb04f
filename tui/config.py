"""Paths and user settings: the only module that resolves platform defaults.

Data lives under ``$BRIEFROOM_HOME`` when set, else the platform's user data dir; the
settings file is ``config.yaml`` in ``$BRIEFROOM_HOME`` or the platform's config dir.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any

import yaml
from platformdirs import user_config_path, user_data_path

APP_NAME = "briefroom"


class ConfigError(Exception):
    """The settings file cannot be used; the message names the file and field."""


@dataclass(frozen=True)
class Config:
    """User settings (``config.yaml``).

    Attributes:
        home_country: Our side in pair summaries and briefs (a name or ISO code; the app
            and ``briefroom config set`` store the canonical name).
        day_order: How numeric dates read (DMY, MDY or YMD).
        languages: Languages dates in words may be written in.
        theme: The TUI theme.
        keymap: Binding id -> keys.
        store: The team store's URL (None: the archive file in the data home).
    """

    home_country: str | None = None
    """Our side in pair summaries and briefs ("Kazakhstan", "NOR"); None asks each time."""
    day_order: str = "DMY"
    """How to read numeric dates like 03/12: DMY (3 December) or MDY (March 12)."""
    languages: tuple[str, ...] = ("en",)
    """Languages that dates in words may be written in (dateparser codes)."""
    theme: str = "textual-dark"
    """The TUI theme."""
    keymap: dict[str, str] = field(default_factory=dict)
    """Key remapping: binding id -> keys (see the help screen for ids)."""
    store: str | None = None
    """The team store: a PostgreSQL URL (``postgresql://user@host:5432/dbname``)."""


SETTINGS: tuple[str, ...] = tuple(f.name for f in fields(Config))
"""The setting names, in the order the settings file lists them."""


def data_home() -> Path:
    """Where the archive lives."""
    env = os.environ.get("BRIEFROOM_HOME")
    if env:
        return Path(env).expanduser()
    return user_data_path(APP_NAME, appauthor=False)


def config_home() -> Path:
    """Where settings and templates live."""
    env = os.environ.get("BRIEFROOM_HOME")
    if env:
        return Path(env).expanduser()
    return user_config_path(APP_NAME, appauthor=False)


def config_path() -> Path:
    """The settings file."""
    return config_home() / "config.yaml"


def load_config(path: Path | None = None) -> Config:
    """Read the settings file (missing file: defaults).

    Raises:
        ConfigError: unreadable YAML or a field of the wrong type.
    """
    return Config(**read_settings(path))


def read_settings(path: Path | None = None) -> dict[str, Any]:
    """The settings the file sets (checked, in file order); ``{}`` when it is missing.

    What `load_config` builds its `Config` from, and what `tui.config_write` keeps when
    it changes one setting.

    Raises:
        ConfigError: unreadable YAML or a field of the wrong type.
    """
    path = path or config_path()
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return {}
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read ({exc})") from exc
    try:
        data: Any = yaml.safe_load(text) or {}
    except yaml.YAMLError as exc:
        raise ConfigError(f"{path}: not valid YAML ({_first_line(exc)})") from exc
    if not isinstance(data, dict):
        raise ConfigError(f"{path}: expected a mapping of settings")
    values: dict[str, Any] = {}
    for key, value in data.items():
        if key not in SETTINGS:
            raise ConfigError(
                f"{path}: unknown setting {key!r} (known: {', '.join(sorted(SETTINGS))})"
            )
        values[key] = _check(path, key, value)
    return values


def _check(path: Path, key: str, value: Any) -> Any:
    if key == "home_country":
        if value is not None and not isinstance(value, str):
            raise ConfigError(f"{path}: home_country: expected a country name or code")
        return value
    if key == "day_order":
        if value not in ("DMY", "MDY", "YMD"):
            raise ConfigError(f"{path}: day_order: expected DMY, MDY or YMD, got {value!r}")
        return value
    if key == "languages":
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value) or not value:
            raise ConfigError(f"{path}: languages: expected a list of language codes")
        return tuple(value)
    if key == "theme":
        if not isinstance(value, str):
            raise ConfigError(f"{path}: theme: expected a theme name")
        return value
    if key == "store":
        from search.api import is_store_url

        if value is not None and not is_store_url(value):
            raise ConfigError(f"{path}: store: expected a postgresql://user@host/dbname URL")
        return value
    if key == "keymap":
        if not isinstance(value, dict) or not all(
            isinstance(k, str) and isinstance(v, str) for k, v in value.items()
        ):
            raise ConfigError(f"{path}: keymap: expected a mapping of binding id to keys")
        return dict(value)
    return value


def _first_line(exc: Exception) -> str:
    return str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
