"""HTML fragments (feed entries) to plain-text paragraphs, with the standard library.

Block elements end a paragraph, ``<br>`` ends a line, scripts and styles are
dropped, entities are decoded and runs of whitespace collapse, so a feed's HTML
summary reads like the article bodies the other readers produce.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

_BLOCKS = frozenset(
    """
    p div section article header footer aside main nav blockquote pre ul ol li dl dt dd
    h1 h2 h3 h4 h5 h6 table tr thead tbody tfoot caption figure figcaption hr address
    """.split()
)
_SKIPPED = frozenset({"script", "style", "noscript", "template", "head", "title", "svg"})
_SPACES = re.compile(r"[ \t\r\f\v\u00a0]+")


class _TextCollector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.paragraphs: list[str] = []
        self.current: list[str] = []
        self.skipping = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIPPED:
            self.skipping += 1
        elif tag == "br":
            self.current.append("\n")
        elif tag in _BLOCKS:
            self.flush()

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "br":
            self.current.append("\n")
        elif tag in _BLOCKS:
            self.flush()

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIPPED:
            self.skipping = max(0, self.skipping - 1)
        elif tag in _BLOCKS:
            self.flush()

    def handle_data(self, data: str) -> None:
        if not self.skipping:
            self.current.append(data)

    def flush(self) -> None:
        text = "".join(self.current)
        self.current = []
        lines = [_SPACES.sub(" ", line).strip() for line in text.split("\n")]
        # A <br> inside a paragraph separates lines; plain newlines in HTML are spaces.
        paragraph = "\n".join(line for line in lines if line)
        if paragraph:
            self.paragraphs.append(paragraph)


def html_to_text(fragment: str) -> str:
    """Plain text of an HTML fragment: paragraphs separated by blank lines."""
    if "<" not in fragment and "&" not in fragment:
        return "\n\n".join(p.strip() for p in re.split(r"\n\s*\n", fragment) if p.strip())
    collector = _TextCollector()
    # Source newlines are not line breaks in HTML; <br> marks them instead.
    collector.feed(fragment.replace("\r", " ").replace("\n", " "))
    collector.close()
    collector.flush()
    return "\n\n".join(collector.paragraphs)
