"""What every command module shares: the context object, one-line failures, the archive,
and reading what the user typed (countries, our side, a meeting's date).

Kept apart from `tui.cli` so that command modules (`tui.cli_relations`,
`tui.cli_briefs`) can import it while `tui.cli` imports them.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any, NoReturn

import click

from tui.config import Config, config_path, data_home

if TYPE_CHECKING:
    from briefs.api import DateResolution
    from search.api import Archive


@dataclass
class Context:
    """What every command gets: settings and the global options."""

    config: Config
    home_country: str | None
    as_of: date | None


PIPE_WIDTH = 10_000
"""Line width when stdout is not a terminal: piped output is never wrapped (a grep or
a script must see each id whole, on one line)."""


def stdout_console(**options: Any) -> Any:
    """A `rich.console.Console` on stdout: wrapped to a terminal's width, unwrapped when
    piped (rich would wrap at 80 columns and split ids)."""
    from rich.console import Console

    options = {"highlight": False, "emoji": False, **options}
    if not sys.stdout.isatty():
        options["width"] = PIPE_WIDTH
        options["soft_wrap"] = True
    return Console(**options)


def plural(count: int, noun: str, nouns: str | None = None) -> str:
    """``1 file``, ``2 files``, ``17,600 articles``, ``3 stories`` (thousands separated)."""
    if count == 1:
        return f"1 {noun}"
    if nouns is None:
        nouns = (
            noun[:-1] + "ies" if noun.endswith("y") and noun[-2:-1] not in "aeiou" else noun + "s"
        )
    return f"{count:,} {nouns}"


def no_home_country() -> str:
    """What a command that needs our side says when none is set: exactly how to set it."""
    return (
        "no home country set: run `briefroom config set home_country COUNTRY` "
        f"or pass --home COUNTRY (settings file: {config_path()})"
    )


def fail(message: str, status: int = 2) -> NoReturn:
    """Print one line to stderr and exit (bidi controls neutralised: it may quote input)."""
    from search.api import neutral_bidi

    click.echo(f"briefroom: {neutral_bidi(message)}", err=True)
    sys.exit(status)


@contextmanager
def open_archive(*, offline_ok: bool = False) -> Iterator[Archive]:
    """The archive under the data home; a damaged store, or one this analyst may not
    write to, is a one-line error.  ``offline_ok``: a team store's server out of reach
    opens this analyst's last synced copy (searches)."""
    from search.api import StoreError
    from search.api import open_archive as open_home

    with ExitStack() as stack:
        try:
            archive = stack.enter_context(
                open_home(data_home(), readonly=False, offline_ok=offline_ok)
            )
        except (StoreError, OSError) as exc:
            fail(str(exc), 1)
        try:
            yield archive
        except StoreError as exc:  # a team store's reader asked to write, a lost server
            fail(str(exc), 1)


def today(obj: Context) -> date:
    """``--as-of``, else the real today."""
    return obj.as_of or date.today()


def country_code(text: str, unknown: str) -> str:
    """The ISO code of a country name, demonym or code; else exit 2 saying ``unknown``."""
    from search.api import resolve_country

    code = resolve_country(text)
    if code is None:
        fail(unknown)
    return code


def country_or_fail(text: str, what: str = "country") -> str:
    """The ISO code of ``text``; exit 2 naming ``what`` could not be read."""
    return country_code(
        text, f"unknown {what} {text!r} (a name, demonym or ISO code, e.g. Norway or NOR)"
    )


def home_or_fail(obj: Context, *, missing: str | None = None, unknown: str | None = None) -> str:
    """Our side's ISO code (``--home``, else the settings); exit 2 saying ``missing`` (default:
    how to set it) when there is none, ``unknown`` when it is not a country."""
    if not obj.home_country:
        fail(missing or no_home_country())
    if unknown is None:
        return country_or_fail(obj.home_country, "home country")
    return country_code(obj.home_country, unknown)


def meeting_day(obj: Context, text: str) -> DateResolution:
    """Resolve a meeting date (settings' languages and day order, from `today`); echo it on
    stderr; exit 2 when it is not one day."""
    from briefs.api import MeetingDateError, resolve_date

    try:
        resolution = resolve_date(
            text, as_of=today(obj), languages=obj.config.languages, day_order=obj.config.day_order
        )
    except MeetingDateError as exc:
        fail(f"--date: {exc}")
    if resolution.ambiguous:
        notes = "; ".join(resolution.notes[1:])
        fail(f"--date: {resolution.problem()}" + (f" ({notes})" if notes else ""))
    click.echo(f"date: {text!r} -> {resolution.describe()}", err=True)
    for note in resolution.notes:
        click.echo(f"note: {note}", err=True)
    return resolution


def no_meeting(meeting_id: int) -> NoReturn:
    """Exit 1: there is no stored meeting ``meeting_id``."""
    fail(f"no meeting {meeting_id} (see: briefroom meetings list --all)", 1)
