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
from dataclasses import dataclass
from functools import lru_cache

__all__ = [
    "BULLET_RE",
    "UNAMBIGUOUS_BULLET_RE",
    "Line",
    "bullet_body_start",
    "is_bullet",
    "line_bounds",
    "nonblank_lines",
    "split_lines",
]

#: A list item: a bullet (•, ·, ▪, ◦, ‣, *), a dash (–, —, -) or "1." / "1)", then white space.
BULLET_RE = re.compile(r"^\s*(?:[•·▪◦‣*]|[–—-]|\d{1,2}[.)])\s+")
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
