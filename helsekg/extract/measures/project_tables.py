"""Strategy: the projects a table of grants lists by title, without a sum per row.

A health trust's or a council's results page lists the projects it funds in a table whose first column holds each
project's title and the next ones who leads it and where ("Søknadstittel / Søkers navn / Søkerinstitusjon",
"Tittel / Prosjektleder / Institusjon"). With no money cell the rows are no budget lines
(:mod:`~helsekg.extract.measures.bullets` reads those): each row's first cell is a project, a measure of its own.
The table comes with its cells parted by tabs, one row per line, or stacked, one cell per line under a header of one
cell per line. The header's first cell must name the project column (``table_project_columns``); a description after
a spaced dash is left out ("IPS-IT - utvikling og innføring av ...": "IPS-IT").

>>> from helsekg.text import document_from_text
>>> from helsekg.extract.measures.context import build_context
>>> text = ("Tildelte midlar\\n\\nTittel\\nProsjektleiar\\nInstitusjon\\nDigital heimeoppfølging\\nKari Nordmann\\n"
...         "Helse Førde\\nTrygg utskriving - samhandling med kommunane\\nOla Nordmann\\nHelse Bergen\\n")
>>> context = build_context(document_from_text(text, source="x.txt"))
>>> [text[c.start:c.end] for c in find_project_rows(context)]
['Digital heimeoppfølging', 'Trygg utskriving']
"""

from __future__ import annotations

import re

from helsekg.extract.measures.candidates import Candidate
from helsekg.extract.measures.context import MeasureContext
from helsekg.text.layout import line_bounds, split_lines

__all__ = ["find_project_rows"]

#: the most cells a stacked table's header may have, and the most words of one header cell
MAX_COLUMNS, MAX_HEADER_WORDS = 6, 3
#: a description after the project's name: a dash with spaces
_DESCRIPTION = re.compile(r"[^\S\n]+[-–—][^\S\n]+")


def find_project_rows(context: MeasureContext) -> tuple[Candidate, ...]:
    """The first cell of each row of a project table without money (see the module docstring)."""
    text = context.text
    lines = [(line.content_start, line.content_end) for line in split_lines(text)]
    found: list[Candidate] = []
    index = 0
    while index < len(lines):
        start, end = lines[index]
        header = text[start:end]
        if "\t" in header and _project_column(context, header.split("\t")[0]):
            index, cells = _tab_rows(text, lines, index + 1, header.count("\t"))
        elif _project_column(context, header) and (width := _stacked_width(context, lines, index)) > 1:
            index, cells = _stacked_rows(text, lines, index + width, width)
        else:
            index += 1
            continue
        if len(cells) >= 2 and not any(_has_money(context, s, e) for s, e in cells):
            found.extend(c for s, e in cells if (c := _candidate(context, s, e)) is not None)
    return tuple(found)


def _project_column(context: MeasureContext, cell: str) -> bool:
    return cell.strip(" :").lower() in context.cues.table_project_columns


def _tab_rows(text: str, lines: list[tuple[int, int]], index: int, tabs: int) -> tuple[int, list[tuple[int, int]]]:
    """The first cells of the tab-parted rows from line ``index`` on (each with at least half the header's gaps)."""
    cells = []
    while index < len(lines):
        start, end = lines[index]
        row = text[start:end]
        if "\t" not in row or row.count("\t") * 2 < tabs:
            break
        cells.append((start, start + row.index("\t")))
        index += 1
    return index, cells


def _stacked_width(context: MeasureContext, lines: list[tuple[int, int]], index: int) -> int:
    """How many one-cell lines, from ``index`` on, make a stacked table's header ("Tittel" / "Prosjektleder" /
    "Institusjon"): the project column, then the lines that name a column (``table_column_heads``, or a project or
    applicant column)."""
    text = context.text
    cues = context.cues
    columns = (*cues.table_project_columns, *cues.table_applicant_columns)
    width = 1
    while index + width < len(lines) and width < MAX_COLUMNS:
        start, end = lines[index + width]
        cell = text[start:end].strip(" :").lower()
        if (not cell or len(cell.split()) > MAX_HEADER_WORDS
                or cell not in columns and not cell.endswith(tuple(cues.table_column_heads))):
            break
        width += 1
    return width


def _stacked_rows(text: str, lines: list[tuple[int, int]], index: int, width: int) -> tuple[int, list[tuple[int, int]]]:
    """The first cell of each group of ``width`` non-blank lines from ``index`` on, up to a blank line."""
    cells = []
    while index + width <= len(lines):
        group = lines[index:index + width]
        if any(not text[s:e].strip() for s, e in group):
            break
        cells.append(group[0])
        index += width
    return index, cells


def _has_money(context: MeasureContext, start: int, end: int) -> bool:
    """A monetary amount stands in the row of the cell ``[start, end)`` (its line, from the cell on)."""
    line_end = line_bounds(context.text, end)[1]
    return any(a.is_money and start <= a.start < line_end for a in context.amounts)


def _candidate(context: MeasureContext, start: int, end: int) -> Candidate | None:
    """The project a row's first cell names, its description after a spaced dash left out."""
    text = context.text
    dash = _DESCRIPTION.search(text, start, end)
    end = dash.start() if dash is not None and dash.start() > start else end
    end = start + len(text[start:end].rstrip(" .,;:"))
    index = context.sentence_of(start)
    if end <= start or index is None:
        return None
    return Candidate(start, end, index, "project", named=True)
