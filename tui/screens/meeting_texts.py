"""What the meetings screen writes: the brief pane's placeholders, a meeting's row and
detail lines, and the brief's status line (Rich `Text`, never markup: names and titles
are the user's or the archive's)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.style import Style
from rich.text import Text

from briefs.api import days_left_text
from tui.widgets.cells import text_cell

if TYPE_CHECKING:
    from briefs.api import BriefDraft, MeetingRow

PLACEHOLDER = """\
## No brief yet

Press **g** to generate the brief for this meeting from the archive: participants,
background, engagements, issues, their likely asks, commitments, sources.

Then **x** exports it (YAML, Markdown and Word) to the briefs folder and **e**
opens the YAML in your editor.
"""
INVALID = """\
## The saved brief cannot be read

Its YAML is not a valid brief:

~~~
{problem}
~~~

Press **e** to fix it in your editor, or **g** to generate the brief again.
"""
NO_MEETINGS = """\
## No meetings yet

Press **a** to add one: the counterpart country and the date in words ("next
Tuesday", "5 Dec"), optionally a title, the place and whom you meet.
"""


def meeting_cells(row: MeetingRow, past: Style, on_disk: Style) -> tuple[Text, ...]:
    """A meeting's cells in the list (``past``: the style of a past meeting's row,
    ``on_disk``: of a brief saved on disk)."""
    meeting = row.meeting
    style = past if row.days_left < 0 else ""
    return (
        Text(meeting.date, style=style),
        Text(f"{meeting.day:%a}", style=style),
        Text(days_left_text(row.days_left), style=style, no_wrap=True),
        text_cell(f"{row.name} · {meeting.title}" if meeting.title else row.name, style=style),
        Text(
            meeting.status or ("-" if row.days_left >= 0 else "record: o"),
            style=style if meeting.status else "dim",
            no_wrap=True,
        ),
        Text(
            row.brief_status if row.brief_status != "none" else "-",
            style=on_disk if row.yaml_exists else "dim",
            no_wrap=True,
        ),
    )


def detail_text(row: MeetingRow, home: str | None) -> Text:
    """The highlighted meeting: counterpart, day, days left, our side when it is not
    ``home`` (the configured one), the outcome; title, place, format; both delegations."""
    meeting = row.meeting
    text = Text(no_wrap=True, overflow="ellipsis")
    text.append(f"{row.name} ({meeting.country})", style="bold")
    text.append(f" · {meeting.day:%A} {meeting.date} · {days_left_text(row.days_left)}")
    if meeting.date_text and meeting.date_text != meeting.date:
        text.append(f' ("{" ".join(meeting.date_text.split())}")', style="dim")
    if meeting.home and meeting.home != home:
        text.append(f" · our side {meeting.home}", style="bold")
    if meeting.status:
        text.append(f" · {meeting.status}", style="bold")
    extra = [" ".join(v.split()) for v in (meeting.title, meeting.place, meeting.format) if v]
    text.append("\n" + (" · ".join(extra) or "no title, place or format"),
                style="" if extra else "dim")  # fmt: skip
    ours = ", ".join(d.describe() for d in meeting.ours)
    theirs = ", ".join(d.describe() for d in meeting.theirs) or ", ".join(meeting.participants)
    text.append("\nours: ", style="dim")
    text.append(ours or "-")
    text.append(" · theirs: ", style="dim")
    text.append(theirs or "-")
    return text


def status_text(row: MeetingRow, draft: BriefDraft) -> Text:
    """The brief's status line: saved (its file) or generated and not exported yet."""
    text = Text(no_wrap=True, overflow="ellipsis")
    sources = len(draft.brief.sources)
    if draft.from_disk:
        text.append("Saved brief", style="bold")
        text.append(f" ({sources} sources) · {draft.yaml_path.name}")
    else:
        text.append("Generated, not exported", style="bold")
        text.append(f" ({sources} sources) · x exports, e edits")
        if row.yaml_exists:
            text.append(" · a saved YAML exists", style="dim")
    return text
