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
    "HEADING_SHARE",
    "PARAGRAPH_END_SHARE",
    "UNAMBIGUOUS_BULLET_RE",
    "WRAPPED_SHARE",
    "Line",
    "bullet_body_start",
    "find_headings",
    "is_bullet",
    "line_bounds",
    "lines_above",
    "nonblank_lines",
    "scan_lines",
    "split_lines",
    "unwrap_hard_wrapped",
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


#: a text wrapped at a fixed width: its longest line between these (e-mail, terminal and transcript widths are 60-90;
#: a page of short header lines is no wrapped text)
_WRAP_WIDTH = 100
_MIN_WRAP_WIDTH = 50
#: ... and at least this share of its lines continued on the next line
_WRAPPED_LINES = 0.3
#: Shares of the longest line, for a wrapped plain text here and a PDF page
#: (:func:`helsekg.text.formats.reflow_pdf_page`): a line at least WRAPPED_SHARE of it long was wrapped by the
#: layout, not ended by the writer; one shorter than HEADING_SHARE, without a full stop, before a capitalised line is
#: a heading; a line ending a sentence shorter than PARAGRAPH_END_SHARE ends its paragraph (a longer one goes on on
#: the next line).
WRAPPED_SHARE = 0.85
HEADING_SHARE = 0.6
PARAGRAPH_END_SHARE = 0.8


def unwrap_hard_wrapped(text: str) -> str:
    """``text`` with the line breaks of a fixed-width wrap turned into spaces, when it is wrapped that way.

    A plain text wrapped at a fixed width (a parliament transcript, an e-mail, text copied from a PDF viewer) puts
    every sentence across lines, so line-based reading (headings, list items, one measure per line) sees a heading
    in every line. When the longest line has between ``_MIN_WRAP_WIDTH`` and ``_WRAP_WIDTH`` characters and at least
    ``_WRAPPED_LINES`` of the lines go on on the next one, each such line break becomes a space: a next line opening
    in lower case or with a figure, a long line without a full stop before it, a long line that ends a sentence. A
    blank line, a list item, a table row (cells parted by tabs), a line ending in ":" and a short line without
    punctuation before a capital (a heading) keep their break. The text keeps its length, so every offset still
    points at the same character; a text with longer lines is unchanged.

    >>> wrapped = ("Tilskudd til aktivitetstilbud\\n\\n"
    ...            "Helsedirektoratet lyser ut 20 millioner kroner til en ny\\n"
    ...            "tilskuddsordning for aktivitetstilbud til eldre med demens. Målet er\\n"
    ...            "å redusere ensomhet blant eldre, og tilbudet skal gis i hele landet\\n"
    ...            "fra 2025. Kommunene kan søke om midler fra ordningen innen 1. mars.\\n"
    ...            "Søknaden sendes til Helsedirektoratet sammen med budsjett og plan:\\n"
    ...            "• en beskrivelse av tiltaket\\n"
    ...            "• et budsjett")
    >>> lines = unwrap_hard_wrapped(wrapped).split("\\n")
    >>> [line[:40] + ("..." if len(line) > 40 else "") for line in lines]  # doctest: +NORMALIZE_WHITESPACE
    ['Tilskudd til aktivitetstilbud', '', 'Helsedirektoratet lyser ut 20 millioner...',
     '• en beskrivelse av tiltaket', '• et budsjett']
    >>> lines[2].endswith("Målet er å redusere ensomhet blant eldre, og tilbudet skal gis i hele landet fra "
    ...                   "2025. Kommunene kan søke om midler fra ordningen innen 1. mars. Søknaden sendes til "
    ...                   "Helsedirektoratet sammen med budsjett og plan:")
    True
    >>> len(unwrap_hard_wrapped(wrapped)) == len(wrapped)
    True
    >>> long_lines = "Kort tittel\\n\\n" + "Et avsnitt på én lang linje med mange ord. " * 5
    >>> unwrap_hard_wrapped(long_lines) == long_lines
    True
    """
    lines = text.split("\n")
    widths = [len(line.rstrip()) for line in lines if line.strip()]
    if len(widths) < 4 or not _MIN_WRAP_WIDTH <= max(widths) <= _WRAP_WIDTH:
        return text
    full = max(widths)
    breaks = [i for i in range(len(lines) - 1) if _wrapped(lines[i].rstrip(), lines[i + 1].strip(), full)]
    if len(breaks) < _WRAPPED_LINES * len(widths):
        return text
    joined = set(breaks)
    return "".join(line + (" " if i in joined else "\n") for i, line in enumerate(lines[:-1])) + lines[-1]


def _wrapped(line: str, after: str, full: int) -> bool:
    """The break between ``line`` and the next line ``after`` (both stripped at the end) wraps one paragraph."""
    if not line.strip() or not after or BULLET_RE.match(after) or line.endswith(":") or "\t" in line + after:
        return False  # (a tab parts a table's cells: its rows are lines of their own)
    if after[:1].islower() or after[:1].isdigit():
        return True
    ends_sentence = line.endswith((".", "!", "?"))
    if not ends_sentence and len(line) < HEADING_SHARE * full and not line.endswith((",", ";")):
        return False  # a heading before a capitalised line
    return len(line) >= (PARAGRAPH_END_SHARE if ends_sentence else WRAPPED_SHARE) * full


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
