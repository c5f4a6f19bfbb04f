"""The date service: one cached dateparser parser per settings, imported lazily."""

from __future__ import annotations

import subprocess
import sys
from dataclasses import replace
from datetime import date

from search.dates import DateSettings, date_parser, parse_range, read_date

SETTINGS = DateSettings(date(2024, 1, 15), ("en", "ru"), "MDY")


def test_the_factory_returns_the_same_parser_for_the_same_settings() -> None:
    first = date_parser(SETTINGS, prefer="past")
    again = date_parser(DateSettings(date(2024, 1, 15), ("en", "ru"), "MDY"), prefer="past")
    assert again is first
    assert date_parser(SETTINGS, prefer="future") is not first
    assert date_parser(replace(SETTINGS, day_order="DMY"), prefer="past") is not first
    assert date_parser(replace(SETTINGS, as_of=date(2024, 1, 16)), prefer="past") is not first


def test_query_filters_reuse_the_parser_the_factory_gives() -> None:
    parser = date_parser(SETTINGS, prefer="past")
    assert parse_range("03/12/2023", SETTINGS).start == date(2023, 3, 12)
    assert date_parser(SETTINGS, prefer="past") is parser
    assert read_date("03/12/2023", SETTINGS, prefer="past") == (date(2023, 3, 12), "day")


def test_absolute_parsers_do_not_depend_on_today() -> None:
    later = replace(SETTINGS, as_of=date(2030, 5, 5))
    parts = ("day", "month", "year")
    assert date_parser(later, require=parts, absolute=True) is date_parser(
        SETTINGS, require=parts, absolute=True
    )


def test_importing_the_date_readers_does_not_import_dateparser() -> None:
    # dateparser costs ~0.3 s at import: only a date that needs it may load it.
    code = (
        "import sys, search.dates, search.datelines, search.readers, briefs.meeting_dates, briefs.meeting_model;"
        "assert 'dateparser' not in sys.modules, 'dateparser imported'"
    )
    subprocess.run([sys.executable, "-c", code], check=True)
