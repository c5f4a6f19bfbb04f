"""A brief as a Word document (.docx), for the principal who reads briefs in Word.

Built with python-docx from the same `Brief` as the Markdown (the YAML stays the editable
truth; both are renderings of it): the same sections in the same order, headings, bullet
lists, every citation as ``[3a]`` (article 3, sentence a: `briefs.citations`), the
sources grouped by article with the cited sentences under each, and the caveats.

On a ministry's own template: ``templates/brief.docx`` in briefroom's config folder
(`find_docx_template`) supplies the styles, page setup, headers and footers; its body
text is dropped.  A style the template lacks falls back to ``Normal`` (bold for a
heading, a bullet sign for a list item), so any .docx works as a template.

Article text is untrusted.  Word's XML cannot hold most control characters (python-docx
raises on them), and bidi controls would reorder the text around them in Word, as in a
terminal: every text goes through `clean_text`, which drops the characters XML 1.0
forbids, turns other control characters into spaces and shows the bidi embeddings and
overrides as a visible ``<U+202E>`` (`search.bidi.neutral_bidi`).
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterable
from datetime import datetime
from pathlib import Path
from typing import Any

from briefs.brief_model import Brief, Item, Person, Section
from briefs.citations import citation_labels, format_cites, group_sources
from briefs.wording import GLANCE_TODO, TODO_TEXT, meeting_date_line
from search.bidi import neutral_bidi

__all__ = [
    "DOCX_TEMPLATE",
    "DocxTemplateError",
    "build_docx",
    "clean_text",
    "docx_text",
    "find_docx_template",
]

DOCX_TEMPLATE = "brief.docx"
# XML 1.0 forbids these (C0 controls but tab/LF/CR, lone surrogates, U+FFFE/U+FFFF);
# python-docx raises ValueError on them.
_XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
# Allowed by XML but invisible or layout-breaking in a paragraph: DEL, C1 controls, the
# Unicode line and paragraph separators, a byte-order mark.
_CONTROLS = re.compile("[\t\n\r\x7f-\x9f\u2028\u2029\ufeff]")
_BOLD = re.compile(r"\*\*(.+?)\*\*")


class DocxTemplateError(ValueError):
    """A Word template that cannot be used (one line naming the file and the problem)."""


def clean_text(text: str) -> str:
    """Untrusted text as one line for a Word paragraph: no XML-invalid character, no
    control character, bidi controls shown as ``<U+202E>`` (marks dropped)."""
    text = _XML_INVALID.sub("", text)
    text = _CONTROLS.sub(" ", text)
    return neutral_bidi(" ".join(text.split()))


def find_docx_template(user_dir: Path | None) -> Path | None:
    """``user_dir/brief.docx`` when it exists (the ministry's template), else None."""
    if user_dir is None:
        return None
    path = user_dir / DOCX_TEMPLATE
    return path if path.is_file() else None


def build_docx(brief: Brief, template: Path | None = None) -> bytes:
    """The brief as the bytes of a .docx file.

    Args:
        brief: The brief.
        template: A .docx whose styles (and page setup) to use; its text is dropped.

    Raises:
        DocxTemplateError: the template cannot be read as a Word document.
    """
    return _Writer(brief, template).build()


def docx_text(data: bytes) -> str:
    """The text of a .docx, one paragraph a line, headings marked with ``#``: what a
    reader sees, for tests and snapshots."""
    import docx

    document = docx.Document(io.BytesIO(data))
    lines = []
    for paragraph in document.paragraphs:
        style = paragraph.style.name if paragraph.style is not None else ""
        text = paragraph.text
        if style == "Title":
            lines.append(f"= {text}")
        elif style.startswith("Heading "):
            lines.append("#" * int(style.split()[-1] or 1) + f" {text}")
        elif style.startswith("List Bullet"):
            depth = style.removeprefix("List Bullet").strip() or "1"
            lines.append("  " * (int(depth) - 1) + f"- {text}")
        else:
            lines.append(text)
    return "\n".join(lines) + "\n"


class _Writer:
    """Writes one brief into a python-docx Document."""

    def __init__(self, brief: Brief, template: Path | None) -> None:
        import docx

        self.brief = brief
        self.labels = citation_labels(brief.sources)
        if template is None:
            self.doc: Any = docx.Document()
        else:
            try:
                self.doc = docx.Document(str(template))
            except Exception as exc:  # python-docx raises several kinds on a bad file
                raise DocxTemplateError(
                    f"{template}: not a usable Word template ({type(exc).__name__}: "
                    f"{clean_text(str(exc))[:120]})"
                ) from None
            body = self.doc.element.body
            for child in list(body):
                if not child.tag.endswith("}sectPr"):  # keep the page setup
                    body.remove(child)
        self.styles = {style.name for style in self.doc.styles}

    # ------------------------------------------------------------------ blocks

    def build(self) -> bytes:
        b = self.brief
        self._core()
        self.paragraph(b.title, "Title", bold=True)
        self._header()
        self._section("At a glance", b.glance, GLANCE_TODO)
        self._section("Purpose and objectives", b.purpose)
        self._participants()
        self._section("Background of relations", b.background)
        self._counterpart()
        self._section("Engagements since the last meeting", b.engagements)
        self._section("Coming up", b.upcoming)
        self._issues()
        self._section("Their likely asks", b.asks)
        self._commitments()
        self._section("Sensitivities", b.sensitivities)
        self._sources()
        self.heading("Caveats", 1)
        for caveat in b.caveats or ("None.",):
            self.bullet(caveat)
        self.paragraph(
            f"{b.schema}: the YAML file is the editable truth; edit it and run "
            "`briefroom render BRIEF.yaml --format docx` to update this document.",
            italic=True,
        )
        out = io.BytesIO()
        self.doc.save(out)
        return out.getvalue()

    def _core(self) -> None:
        props = self.doc.core_properties
        props.title = clean_text(self.brief.title)[:250]
        props.author = "briefroom"
        props.last_modified_by = "briefroom"
        props.comments = f"{self.brief.schema}; prepared as of {self.brief.prepared.as_of}"
        try:
            day = datetime.fromisoformat(self.brief.prepared.as_of[:10])
        except ValueError:
            return
        props.created = day
        props.modified = day

    def _header(self) -> None:
        m, p = self.brief.meeting, self.brief.prepared
        self.field(
            "Counterpart", f"{m.country_name} ({m.country}); our side: {m.home_name} ({m.home})"
        )
        self.field("Date", meeting_date_line(m.date, m.date_text, p.as_of, todo=TODO_TEXT))
        self.field("Place", m.place or TODO_TEXT.format("the place."))
        self.field("Format", m.format or TODO_TEXT.format("consultations, visit, call..."))
        if m.attendees:
            self.field("Meeting with", ", ".join(m.attendees))
        span = ""
        if p.first_date or p.last_date:
            span = f", {p.first_date or 'undated'} to {p.last_date or 'undated'}"
        self.field(
            "Prepared",
            f"as of {p.as_of} by {p.generator}, from {p.articles} "
            f"article{'' if p.articles == 1 else 's'} ({p.stories} "
            f"{'story' if p.stories == 1 else 'stories'}) concerning both sides{span}",
        )

    def _section(self, title: str, section: Section, empty: str = "this section.") -> None:
        self.heading(title, 1)
        self._body(section, empty)

    def _body(self, section: Section, empty: str = "this section.") -> None:
        self.note(section.note)
        for item in section.items:
            self.item(item)
        self.todo(section.todo)
        if not (section.items or section.note or section.todo):
            self.todo(empty)

    def _participants(self) -> None:
        parts, m = self.brief.participants, self.brief.meeting
        self.heading("Participants", 1)
        self.note(parts.note)
        for title, people in (
            (f"Their side ({m.country_name})", parts.theirs),
            (f"Our side ({m.home_name})", parts.ours),
        ):
            self.heading(title, 2)
            self.people(people, "None listed.")
        self.todo(parts.todo)

    def _counterpart(self) -> None:
        profile = self.brief.counterpart
        if profile is None:
            return
        self.heading(f"{self.brief.meeting.country_name} on its own", 1)
        self.note(profile.note)
        self.heading("Recent developments", 2)
        self.items(profile.developments, "None in the archive.")
        self.heading("Leaders and roles", 2)
        self.people(profile.leaders, "None listed.")
        self.heading("Engagements with other countries", 2)
        self.items(profile.engagements, "None in the archive.")
        self.todo(profile.todo)

    def _issues(self) -> None:
        issues = self.brief.issues
        self.heading("Key issues and points to make", 1)
        self.note(issues.note)
        for number, issue in enumerate(issues.items, 1):
            self.heading(f"{number}. {issue.issue}", 2)
            self.paragraph("On record:", bold=True)
            self.items(issue.facts, "Nothing on record in the archive.")
            self.paragraph("Points to make:", bold=True)
            for point in issue.points:
                self.item(point)
            if issue.todo:
                self.bullet(TODO_TEXT.format(issue.todo), italic=True)
            elif not issue.points:
                self.bullet(TODO_TEXT.format("the points to make."), italic=True)
        self.todo(issues.todo)
        if not (issues.items or issues.note or issues.todo):
            self.todo("the issues to raise.")

    def _commitments(self) -> None:
        c, m = self.brief.commitments, self.brief.meeting
        self.heading("Commitments and follow-ups", 1)
        last = getattr(c, "last_meeting", None)
        if isinstance(last, Section) and (last.items or last.note):
            self.heading("Follow-ups from the last meeting", 2)
            self.note(last.note)
            for item in last.items:
                self.item(item)
        self.note(c.note)
        for title, items in (
            (f"What we promised ({m.home_name})", c.ours),
            (f"What they promised ({m.country_name})", c.theirs),
            ("Agreed together", c.joint),
            ("Follow-ups", c.follow_ups),
        ):
            self.heading(title, 2)
            self.items(items, "None in the archive.")
        self.todo(c.todo)

    def _sources(self) -> None:
        self.heading("Sources", 1)
        groups = group_sources(self.brief.sources)
        if not groups:
            self.paragraph("No source cited.", italic=True)
        for group in groups:
            ref = group.ref
            head = (
                f"{group.number}. {ref.title or 'Untitled'} — {ref.source or 'unknown source'}, "
                f"{ref.date or 'undated'}. Article {ref.article}"
            )
            if ref.url:
                head += f", {ref.url}"
            self.paragraph(head)
            shown: set[str] = set()
            for label, _n, sentence in group.sentences:
                if label not in shown:
                    shown.add(label)
                    self.bullet(f"[{label}] {sentence}", level=2)

    # ------------------------------------------------------------------ pieces

    def cites(self, numbers: Iterable[int]) -> str:
        numbers = list(numbers)
        return f" [{format_cites(numbers, self.labels)}]" if numbers else ""

    def item(self, item: Item) -> None:
        head = ""
        if item.label and item.date:
            head = f"{item.label}, {item.date}: "
        elif item.label:
            head = f"{item.label}: "
        elif item.date:
            head = f"{item.date}: "
        paragraph = self._list_paragraph(1)
        if head:
            self._runs(paragraph, head, bold=bool(item.label))
        self._runs(paragraph, item.text)
        self._runs(paragraph, self.cites(item.cite))

    def items(self, items: Iterable[Item], empty: str) -> None:
        items = list(items)
        for item in items:
            self.item(item)
        if not items:
            self.bullet(empty, italic=True)

    def people(self, people: Iterable[Person], empty: str) -> None:
        people = list(people)
        for person in people:
            paragraph = self._list_paragraph(1)
            self._runs(paragraph, person.name, bold=True)
            text = f", {person.role}" if person.role else ""
            if person.last_contact:
                text += f". Last contact: {person.last_contact}"
            self._runs(paragraph, text + self.cites(person.cite))
            if person.note:
                self._runs(paragraph, f" ({person.note})", italic=True)
        if not people:
            self.bullet(empty, italic=True)

    def heading(self, text: str, level: int) -> None:
        self.paragraph(text, f"Heading {level}", bold=True)

    def field(self, label: str, value: str) -> None:
        paragraph = self.doc.add_paragraph()
        self._runs(paragraph, f"{label}: ", bold=True)
        self._runs(paragraph, value)

    def note(self, note: str | None) -> None:
        if note:
            self.paragraph(note, italic=True)

    def todo(self, todo: str | None) -> None:
        if todo:
            self.paragraph(TODO_TEXT.format(todo), italic=True)

    def bullet(self, text: str, *, level: int = 1, italic: bool = False) -> None:
        self._runs(self._list_paragraph(level), text, italic=italic)

    def paragraph(
        self, text: str, style: str | None = None, *, bold: bool = False, italic: bool = False
    ) -> None:
        if style is not None and style in self.styles:
            paragraph = self.doc.add_paragraph(style=style)
            bold = bold and style not in ("Title",) and not style.startswith("Heading")
        else:
            paragraph = self.doc.add_paragraph()
        self._runs(paragraph, text, bold=bold, italic=italic)

    def _list_paragraph(self, level: int) -> Any:
        style = "List Bullet" if level == 1 else f"List Bullet {level}"
        if style in self.styles:
            return self.doc.add_paragraph(style=style)
        paragraph = self.doc.add_paragraph()
        paragraph.add_run("    " * (level - 1) + "• ")
        return paragraph

    def _runs(self, paragraph: Any, text: str, *, bold: bool = False, italic: bool = False) -> None:
        """Add ``text`` to a paragraph; ``**bold**`` (Markdown an author may type) is bold."""
        cleaned = clean_text(text)
        if not cleaned:
            return
        # Pieces are joined run by run: keep the space at either end ("Name" + ", role").
        text = (" " if text[:1].isspace() else "") + cleaned + (" " if text[-1:].isspace() else "")
        for n, part in enumerate(_BOLD.split(text)):
            if not part:
                continue
            run = paragraph.add_run(part)
            run.bold = bold or n % 2 == 1 or None
            run.italic = italic or None
