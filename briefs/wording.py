"""Wording the brief's writers share (`briefs.render` for Markdown, `briefs.docx_export`
for Word, and the brief's sections): the author's to-do placeholders, the meeting's date
line, and sentence endings.  Kept apart so that the writers need not import each other."""

from __future__ import annotations

from datetime import date

from briefs.meeting_dates import long_date
from briefs.meeting_model import days_left_text

TODO_TEXT = "To complete by the author: {}"
TODO = f"_{TODO_TEXT}_"
GLANCE_TODO = (
    "3-6 lines on the state of relations, the last meeting, the trend, open commitments "
    "and what is new."
)


def one_line(text: str) -> str:
    """``text`` with every run of whitespace, line breaks too, as one space."""
    return " ".join(text.split())


def end_sentence(text: str) -> str:
    """``text`` ended with a period, once ("in Washington, D.C." keeps its own)."""
    return text if text.endswith(".") else text + "."


def meeting_date_line(when: str | None, text: str | None, as_of: str, todo: str = TODO) -> str:
    """``Tuesday 17 June 2025 (2025-06-17), "next Tuesday"; in 6 days from 2025-06-11``
    (``todo`` formatted when there is no date)."""
    if not when:
        return todo.format("the date.")
    try:
        day = date.fromisoformat(when)
    except ValueError:
        return one_line(when)
    line = f"{long_date(day)} ({day.isoformat()})"
    if text and one_line(text) != day.isoformat():
        line += f', "{one_line(text)}"'
    try:
        line += f"; {days_left_text((day - date.fromisoformat(as_of)).days)} from {as_of}"
    except ValueError:
        pass
    return line
