"""``briefroom config``: show, change and locate the settings file (``config.yaml``).

Registered on the main group by `tui.cli`.  ``config set`` checks a value with the
rules the settings screen uses (`tui.config_write.check_setting`): an unknown country
is refused with the closest names, ``home_country`` is stored as the country's
canonical name.  Only ``set theme`` and ``set keymap`` load Textual (for its theme
names and the app's binding ids).  Written paths go to stdout, messages to stderr.
Exit status: 0 success, 1 the file cannot be read or written, 2 bad usage.
"""

from __future__ import annotations

from collections.abc import Collection
from typing import Any, NoReturn

import click

from tui.config import SETTINGS, ConfigError, config_path, read_settings


def register(cli: click.Group) -> None:
    """Add the ``config`` group to the CLI."""
    cli.add_command(config)


def fail(message: str, status: int = 2) -> NoReturn:
    from tui.cli_common import fail as cli_fail

    cli_fail(message, status)


def _echo(text: str) -> None:
    from search.api import neutral_bidi

    click.echo(neutral_bidi(text))


# --------------------------------------------------------------------------- commands


@click.group(invoke_without_command=True)
@click.pass_context
def config(ctx: click.Context) -> None:
    """The settings (default: show them).

    \b
    Settings: home_country (our side), day_order (DMY, MDY or YMD),
    languages (of dates in words), theme, keymap (binding id -> keys).
    """
    if ctx.invoked_subcommand is None:
        ctx.invoke(show)


@config.command()
@click.option("--json", "as_json", is_flag=True, help="One JSON document on stdout.")
@click.pass_obj
def show(obj: Any, as_json: bool) -> None:
    """The settings in effect and the file they come from."""
    from tui.config import Config
    from tui.config_write import DAY_ORDERS, format_value

    path = config_path()
    file_settings = _read(path)
    effective = Config(**file_settings)
    override = getattr(obj, "home_country", None) if obj is not None else None
    home_from = "config" if effective.home_country else None
    if override and override != effective.home_country:
        home_from = "--home"
    home = override or effective.home_country
    code = _code(home)
    if as_json:
        from search.api import dumps_json

        settings = {key: getattr(effective, key) for key in SETTINGS}
        settings["home_country"] = home
        settings["languages"] = list(effective.languages)
        click.echo(dumps_json({
            "path": str(path),
            "exists": path.exists(),
            "settings": settings,
            "file": {k: list(v) if isinstance(v, tuple) else v for k, v in file_settings.items()},
            "home_country_code": code,
            "home_country_from": home_from,
        }))  # fmt: skip
        return
    state = "" if path.exists() else "  (not written yet: the defaults apply)"
    _echo(f"{'settings file':14} {path}{state}")
    for key in SETTINGS:
        value = getattr(effective, key)
        shown = format_value(key, value)
        if key == "home_country":
            if home is None:
                shown = "- (not set: briefroom config set home_country COUNTRY)"
            else:
                where = (
                    f"; from --home, the file says {value or 'nothing'}"
                    if home_from == "--home"
                    else ""
                )
                known = code or "not a known country"
                shown = f"{home} ({known}{where})"
        elif key == "day_order":
            shown = f"{value} ({DAY_ORDERS.get(value, '?')})"
        if key not in file_settings and key != "home_country":
            shown += "  [default]"
        _echo(f"{key:14} {shown}")


@config.command()
def path() -> None:
    """The settings file's path (it may not exist yet)."""
    click.echo(str(config_path()))


@config.command(name="set")
@click.argument("key")
@click.argument("value")
def set_(key: str, value: str) -> None:
    """Set KEY to VALUE (checked; the file is created when missing).

    \b
    briefroom config set home_country Kazakhstan     (a name, demonym or code)
    briefroom config set day_order MDY
    briefroom config set languages "en, ru"
    briefroom config set theme nord
    briefroom config set keymap.app.search ctrl+f     (one binding)
    briefroom config set keymap "{app.search: ctrl+f, app.settings: f6}"
    """
    from tui.config_write import SettingError, check_setting, format_value

    setting, binding_id = _split_key(key)
    path = config_path()
    current = _read(path, updating=True)
    try:
        if binding_id is not None:
            keymap = dict(current.get("keymap", {}))
            keymap[binding_id] = value
            checked = check_setting("keymap", keymap, binding_ids=_binding_ids())
        else:
            checked = check_setting(
                setting,
                value,
                themes=_themes() if setting == "theme" else None,
                binding_ids=_binding_ids() if setting == "keymap" else None,
            )
    except SettingError as exc:
        fail(str(exc))
    written = _save({setting: checked})
    click.echo(f"{setting}: {format_value(setting, getattr(written, setting))}", err=True)
    click.echo(str(path))


@config.command()
@click.argument("key")
def unset(key: str) -> None:
    """Remove KEY from the file: its default applies (keymap.ID removes one binding)."""
    setting, binding_id = _split_key(key)
    path = config_path()
    current = _read(path, updating=True)
    if binding_id is not None:
        keymap = dict(current.get("keymap", {}))
        if keymap.pop(binding_id, None) is None:
            fail(f"keymap: {binding_id!r} is not in the keymap of {path}", 1)
        _save({"keymap": keymap or None})
    else:
        if setting not in current:
            click.echo(f"{setting} was not set in {path}", err=True)
            return
        _save({setting: None})
    click.echo(f"{key}: unset (the default applies)", err=True)
    click.echo(str(path))


# --------------------------------------------------------------------------- helpers


def _split_key(key: str) -> tuple[str, str | None]:
    """``home_country`` -> (home_country, None); ``keymap.app.search`` -> (keymap, app.search)."""
    if key.startswith("keymap.") and len(key) > len("keymap."):
        return "keymap", key[len("keymap.") :]
    if key not in SETTINGS:
        import difflib

        close = difflib.get_close_matches(key, SETTINGS, n=1)
        hint = f"did you mean {close[0]}? " if close else ""
        fail(f"unknown setting {key!r}: {hint}(known: {', '.join(SETTINGS)}, keymap.ID)")
    return key, None


def _read(path: Any, *, updating: bool = False) -> dict[str, Any]:
    try:
        return read_settings(path)
    except ConfigError as exc:
        what = "fix or remove it first (it is never overwritten)" if updating else "fix it"
        fail(f"{exc}; {what}", 1)


def _save(changes: dict[str, Any]) -> Any:
    from tui.config_write import save_settings

    try:
        return save_settings(changes)
    except ConfigError as exc:
        fail(str(exc), 1)


def _code(home: str | None) -> str | None:
    if not home:
        return None
    from search.api import resolve_country

    return resolve_country(home)


def _themes() -> Collection[str]:
    # Textual's own list: the one setting that needs Textual to be checked.
    from textual.theme import BUILTIN_THEMES

    return set(BUILTIN_THEMES)


def _binding_ids() -> Collection[str]:
    from tui.app import BriefroomApp
    from tui.keys import binding_ids

    return binding_ids(BriefroomApp.BINDINGS)
