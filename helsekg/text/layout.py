"""The one line layout of a text that every stage reads: lines, blank lines and list items.

A text is split into :class:`Line` objects once (cached per text); the page scanner
(:mod:`helsekg.text.header`), the recommendation finder and the measure finder all read these lines and
the one list-item pattern :data:`BULLET_RE`, so "what is a line, a heading or a bullet" has one answer.

>>> lines = split_lines("Tittel\\n\\n• Første punkt\\n  2) Andre punkt  \\n")
>>> [(line.content, line.blank_before, is_bullet(line.text)) for line in lines if not line.is_blank]
[('Tittel', True, False), ('• Første punkt', True, True), ('2) Andre punkt', False, True)]
>>> lines[3].content_start, lines[3].content_end
(25, 39)
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache

from helsekg.text.document import Heading

__all__ = [
    "BULLET_RE",
    "UNAMBIGUOUS_BULLET_RE",
    "Line",
    "bullet_body_start",
    "find_headings",
    "is_bullet",
    "line_bounds",
    "lines_above",
    "nonblank_lines",
    "scan_lines",
    "split_lines",
]

#: A list item: a bullet (•, ·, ▪, ◦, ‣, *), a dash (–, —, -) or "1." / "1)", then white space.
BULLET_RE = re.compile(r"^\s*(?:[•·▪◦‣*]|[–—-]|[«\"“]?\d{1,2}[.)])\s+")
#: A list item that cannot be a dash-introduced quote or a sentence continued on a new line.
UNAMBIGUOUS_BULLET_RE = re.compile(r"^\s*(?:[•·▪◦‣*]|\d{1,2}[.)])\s")


@dataclass(frozen=True, slots=True)
class Line:
    """One line of a text: ``text == full_text[start:end]``, without its newline.

    Attributes:
        start: offset of the line's first character.
        end: offset of the newline (or of the end of the text).
        text: the line as written, leading and trailing white space included.
        blank_before: the line follows a blank line or starts the text.
        content_start: offset of the first non-space character (``end`` when the line is blank).
        content_end: offset after the last non-space character (``end`` when the line is blank).
    """

    start: int
    end: int
    text: str
    blank_before: bool
    content_start: int
    content_end: int

    @property
    def content(self) -> str:
        """The line without surrounding white space."""
        return self.text[self.content_start - self.start : self.content_end - self.start]

    @property
    def is_blank(self) -> bool:
        return self.content_start >= self.content_end


@lru_cache(maxsize=16)
def split_lines(text: str) -> tuple[Line, ...]:
    """Every line of ``text`` (blank ones included), computed once per text."""
    lines: list[Line] = []
    position = 0
    blank = True
    for raw in text.split("\n"):
        end = position + len(raw)
        stripped = raw.strip()
        if stripped:
            first = position + (len(raw) - len(raw.lstrip()))
            lines.append(Line(position, end, raw, blank, first, first + len(stripped)))
            blank = False
        else:
            lines.append(Line(position, end, raw, blank, end, end))
            blank = True
        position = end + 1
    return tuple(lines)


def nonblank_lines(text: str) -> tuple[Line, ...]:
    """The lines of ``text`` that hold something other than white space."""
    return tuple(line for line in split_lines(text) if not line.is_blank)


def is_bullet(line: str) -> bool:
    """True when ``line`` is a list item (see :data:`BULLET_RE`).

    >>> is_bullet("– Vi må sikre rekruttering"), is_bullet("1. Innledning"), is_bullet("-5 prosent")
    (True, True, False)
    """
    return BULLET_RE.match(line) is not None


def bullet_body_start(line: str) -> int | None:
    """Offset in ``line`` where a list item's text starts after its marker; None when not a list item."""
    match = BULLET_RE.match(line)
    return match.end() if match else None


def line_bounds(text: str, pos: int) -> tuple[int, int]:
    """Start and end (before the newline) of the line of ``text`` that holds ``pos``.

    >>> line_bounds("a\\nbc\\nd", 3)
    (2, 4)
    """
    start = text.rfind("\n", 0, pos) + 1
    end = text.find("\n", pos)
    return start, len(text) if end < 0 else end


def lines_above(text: str, pos: int) -> Iterator[tuple[int, int]]:
    """Start and end of each line above the one that holds ``pos``, nearest first (:func:`line_bounds`).

    >>> [("a\\nbc\\nd"[s:e]) for s, e in lines_above("a\\nbc\\nd", 5)]
    ['bc', 'a']
    """
    start = line_bounds(text, pos)[0]
    while start > 0:
        start, end = line_bounds(text, start - 1)
        yield start, end


def scan_lines(pattern: re.Pattern[str], text: str, lines: Iterable[tuple[int, int]]) -> Iterator[re.Match[str]]:
    """``pattern.finditer(text)`` restricted to ``lines`` ((start, end) spans, each end just after its newline, in
    order, apart): the same matches, in order, for a pattern that never matches across a newline, since each
    line is scanned from its start and look-behinds still see the text before it. Long patterns then run only
    on the lines that can hold a match (issue 18: speaker quotes, role patterns).

    >>> [m.span() for m in scan_lines(re.compile(r"(?<!x)b+"), "xbb ab\\nbb\\nab", [(0, 7), (10, 12)])]
    [(2, 3), (5, 6), (11, 12)]
    """
    for start, end in lines:
        yield from pattern.finditer(text, start, end)


#: A heading line is at most this long (characters, words).
HEADING_MAX_CHARS = 100
HEADING_MAX_WORDS = 12


def is_heading_line(lines: tuple[Line, ...], index: int) -> bool:
    """A plain-text heading: a short line on its own (blank lines around it), capitalised, not a sentence
    or a list item.

    >>> lines = split_lines("Økt bevilgning\\n\\nKommunene får mer.\\n")
    >>> is_heading_line(lines, 0), is_heading_line(lines, 2)
    (True, False)
    """
    line = lines[index]
    content = line.content
    if line.is_blank or len(content) > HEADING_MAX_CHARS or len(content.split()) > HEADING_MAX_WORDS:
        return False
    if content[-1] in ".:;,!?" or not (content[0].isupper() or content[0].isdigit()) or is_bullet(content):
        return False
    after = index + 1 >= len(lines) or lines[index + 1].is_blank
    return line.blank_before and after


def find_headings(text: str, *, skip: Callable[[int, int], bool] | None = None,
                  title: tuple[int, int] | None = None) -> tuple[Heading, ...]:
    """The headings of a plain text: the title (level 1) and heading-like lines (level 2), in order.

    Args:
        text: the document text.
        skip: ``skip(start, end)`` is True for lines that are not body text (metadata, captions).
        title: the title's (start, end), when the document has one.

    >>> find_headings("Tittel\\n\\nTekst her.\\n\\nNye tiltak\\n\\nMer tekst.", title=(0, 6))
    (Heading(start=0, end=6, level=1, text='Tittel'), Heading(start=20, end=30, level=2, text='Nye tiltak'))
    """
    lines = split_lines(text)
    found = []
    for index, line in enumerate(lines):
        start, end = line.content_start, line.content_end
        if title is not None and (start, end) == title:
            found.append(Heading(start, end, 1, text[start:end]))
        elif is_heading_line(lines, index) and not (skip is not None and skip(start, end)):
            found.append(Heading(start, end, 2, text[start:end]))
    return tuple(found)
