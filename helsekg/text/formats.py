"""Plain text and structure from the files researchers hold: HTML, PDF and DOCX.

Each reader is a pure function from the file's bytes to an :class:`ExtractedText`: the text helsekg
extracts facts from (lines separated by ``"\\n"``, paragraphs by a blank line) plus what the format
says about the document (title, issue date, publisher, page starts, headings). Nothing here touches
the network or spaCy; plain text is decoded elsewhere (``helsekg.text.reading``), so
:func:`extract_file_text` returns ``None`` for :attr:`FileFormat.TEXT`.

The format is sniffed from the bytes first and the file name second, so a web page saved as ``.txt``
is still read as HTML:

>>> sniff_format(b"<!DOCTYPE html><html><body><p>Hei</p></body></html>", ".txt")
<FileFormat.HTML: 'html'>
>>> sniff_format(b"%PDF-1.7\\n...", ".txt")
<FileFormat.PDF: 'pdf'>
>>> sniff_format("Regjeringen foreslår å bevilge 50 millioner kroner.".encode(), ".txt")
<FileFormat.TEXT: 'text'>
>>> ExtractedText("side 1\\n\\nside 2", FileFormat.PDF, page_starts=(0, 8)).page_at(9)
2

Failures raise :class:`helsekg.errors.InputError` naming the file: E010 (the file cannot be read as
its format: corrupt, truncated, encrypted), E011 (it has no extractable text: a scanned PDF, a page
without main content) and E008 (:func:`language_gate`: the text is not Norwegian).
"""

from __future__ import annotations

import bisect
import datetime
import io
import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import PurePath

from helsekg.errors import InputError
from helsekg.text.document import FileFormat, Heading
from helsekg.text.layout import HEADING_SHARE, PARAGRAPH_END_SHARE, WRAPPED_SHARE

__all__ = [
    "ExtractedText",
    "FileFormat",
    "Heading",
    "docx_to_text",
    "extract_file_text",
    "html_to_text",
    "pdf_to_text",
    "sniff_format",
]

@dataclass(frozen=True)
class ExtractedText:
    """The text of a file plus the structure its format records.

    Attributes:
        text: the text helsekg extracts facts from; lines are separated by ``"\\n"``, paragraphs
            (and PDF pages) by a blank line.
        format: the format the text was extracted from.
        title: the document's title, when the file records one.
        issued: the document's date (HTML publication date, DOCX/PDF creation date).
        publisher: the organisation behind the document when the format says so (the web site's
            name or author; the DOCX/PDF author).
        page_starts: PDF only: ``page_starts[i]`` is the offset where page ``i + 1`` starts.
        headings: headings in text order (DOCX heading styles, HTML ``<h1>``-``<h6>``, PDF bookmarks
            whose title is found on their page).
    """

    text: str
    format: FileFormat
    title: str | None = None
    issued: datetime.date | None = None
    publisher: str | None = None
    page_starts: tuple[int, ...] = ()
    headings: tuple[Heading, ...] = ()

    def page_at(self, offset: int) -> int | None:
        """The 1-based page an offset of :attr:`text` falls on.

        Args:
            offset: a character offset into :attr:`text`.

        Returns:
            The page number, or ``None`` when the text is not paged (not a PDF) or the offset is
            negative.

        >>> pdf = ExtractedText("en\\n\\nto\\n\\ntre", FileFormat.PDF, page_starts=(0, 4, 8))
        >>> [pdf.page_at(i) for i in (0, 3, 4, 8, 99)]
        [1, 1, 2, 3, 3]
        >>> ExtractedText("hei", FileFormat.HTML).page_at(0) is None
        True
        """
        if not self.page_starts or offset < 0:
            return None
        return bisect.bisect_right(self.page_starts, offset)


# ---------------------------------------------------------------------------------------------
# errors


def _input_error(code: str, path: str, **fields: object) -> InputError:
    """The :class:`~helsekg.errors.InputError` for ``code``, to ``raise``."""
    return InputError(code, path, **fields)


def _detail(exc: BaseException) -> str:
    """A one-line description of a library exception for an error message."""
    text = " ".join(str(exc).split()) or type(exc).__name__
    return text if len(text) <= 200 else text[:197] + "..."


# ---------------------------------------------------------------------------------------------
# sniffing

_HTML_MARK = re.compile(rb"<(?:!doctype\s+html|html|head|body|meta)[\s>/]", re.IGNORECASE)
_SUFFIXES = {
    ".pdf": FileFormat.PDF,
    ".docx": FileFormat.DOCX,
    ".html": FileFormat.HTML,
    ".htm": FileFormat.HTML,
    ".xhtml": FileFormat.HTML,
}


def sniff_format(data: bytes, suffix: str) -> FileFormat:
    """The format of a file, from its bytes first and its suffix second.

    Magic bytes win over the name: ``%PDF-`` in the first KB is a PDF, a zip archive holding
    ``word/document.xml`` is a DOCX, and ``<!doctype html``, ``<html``, ``<head``, ``<body`` or
    ``<meta`` in the first KB is HTML, whatever the suffix. Otherwise the suffix decides
    (``.pdf``, ``.docx``, ``.html``/``.htm``/``.xhtml``); anything else is TEXT, which the plain-text
    reader then decodes or refuses (binary content, unsupported type).

    Args:
        data: the file's bytes (only the first KB and, for zip archives, the directory are read).
        suffix: the file name's suffix, with or without the dot, any case (``".HTML"``, ``"pdf"``).

    Returns:
        The format; never raises for unknown content.

    >>> sniff_format(b"PK\\x03\\x04 not really a zip", ".docx")
    <FileFormat.DOCX: 'docx'>
    >>> sniff_format(b"", "HTM")
    <FileFormat.HTML: 'html'>
    """
    head = data[:1024]
    if b"%PDF-" in head:
        return FileFormat.PDF
    if head.startswith(b"PK\x03\x04") and _is_docx(data):
        return FileFormat.DOCX
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):  # UTF-16 with a byte-order mark
        head = data[:2048].decode("utf-16", errors="ignore").encode("utf-8")
    if _HTML_MARK.search(head):
        return FileFormat.HTML
    suffix = suffix.lower()
    if suffix and not suffix.startswith("."):
        suffix = "." + suffix
    return _SUFFIXES.get(suffix, FileFormat.TEXT)


def _is_docx(data: bytes) -> bool:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return "word/document.xml" in archive.namelist()
    except (zipfile.BadZipFile, ValueError, OSError, EOFError):
        return False


# ---------------------------------------------------------------------------------------------
# shared text cleaning

_SPACES = re.compile(r"[ \t\f\v]+")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufeff\ufffe\uffff]")


def _clean_block(text: str) -> str:
    """One paragraph: lines stripped, runs of spaces/tabs made one space, empty lines dropped."""
    text = _CONTROL.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))
    lines = (_SPACES.sub(" ", line).strip() for line in text.split("\n"))
    return "\n".join(line for line in lines if line)


class _Builder:
    """Joins blocks with blank lines and records the offsets of headings."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.length = 0
        self.headings: list[Heading] = []
        self.in_list = False

    def add(self, block: str, *, level: int | None = None, list_item: bool = False) -> None:
        """Add a block; consecutive list items are joined by one line break, other blocks by a blank line."""
        if not block:
            return
        if self.parts:
            separator = "\n" if list_item and self.in_list else "\n\n"
            self.parts.append(separator)
            self.length += len(separator)
        self.in_list = list_item
        if level is not None:
            self.headings.append(Heading(self.length, self.length + len(block), level, block))
        self.parts.append(block)
        self.length += len(block)

    def text(self) -> str:
        return "".join(self.parts)


def _parse_date(value: object) -> datetime.date | None:
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    if isinstance(value, str):
        match = re.match(r"(?:D:)?(\d{4})-?(\d{2})-?(\d{2})", value.strip())
        if match:
            try:
                return datetime.date(*map(int, match.groups()))
            except ValueError:
                return None
    return None


# Values authoring tools fill in when nobody set the property.
_PLACEHOLDERS = {"", "untitled", "anonymous", "(anonymous)", "unspecified", "(unspecified)", "python-docx", "unknown"}


def _meta(value: object) -> str | None:
    if not isinstance(value, str):
        return None
    value = " ".join(value.split())
    return None if value.lower() in _PLACEHOLDERS else value


# ---------------------------------------------------------------------------------------------
# HTML


# Never main text, even when trafilatura's fallback extractors would take them on a short page.
_HTML_PRUNE = [
    "//nav",
    "//footer",
    '//*[@role="navigation" or @role="contentinfo" or @role="banner" and not(.//h1)]',
    '//*[contains(@id, "cookie") or contains(@class, "cookie") or contains(@class, "consent")]',
]


def html_to_text(data: bytes, *, path: str) -> ExtractedText:
    """The main text of a web page, without navigation, scripts, metadata, banners or footers.

    Uses trafilatura (precision over recall, no comments, tables kept; no network), after pruning
    ``<nav>``, ``<footer>``, navigation/contentinfo roles and cookie banners. Paragraphs,
    list items and table rows of the main content become blocks separated by blank lines (list items
    and table rows one per line, table cells separated by a tab); ``<h1>``-``<h6>`` become
    :class:`Heading` s. Title, date and site name (or author) come from the page's metadata.

    Args:
        data: the page's bytes (the encoding is detected from the bytes and the ``<meta charset>``).
        path: the file's path, for error messages.

    Returns:
        The extracted text.

    Raises:
        InputError: E010 if the page cannot be parsed, E011 if it has no main text.
    """
    import trafilatura

    try:
        document = trafilatura.bare_extraction(
            data,
            favor_precision=True,
            include_comments=False,
            include_tables=True,
            include_images=False,
            include_links=False,
            with_metadata=True,
            prune_xpath=_HTML_PRUNE,
        )
    except MemoryError:
        raise
    except Exception as exc:  # trafilatura and lxml raise many kinds on broken markup
        raise _input_error("E010", path, format="HTML", detail=_detail(exc)) from exc
    if document is None:
        raise _input_error("E011", path, format="HTML", detail="no main text found on the page")

    builder = _Builder()
    body = getattr(document, "body", None)
    if body is not None:
        for block, level in _html_blocks(body):
            builder.add(block, level=level)
    if not builder.parts:  # no structured body: fall back to trafilatura's text, a line a paragraph
        for line in (getattr(document, "text", None) or "").split("\n"):
            builder.add(_clean_block(line))
    text = builder.text()
    if not text:
        raise _input_error("E011", path, format="HTML", detail="no main text found on the page")
    return ExtractedText(
        text=text,
        format=FileFormat.HTML,
        title=_meta(getattr(document, "title", None)),
        issued=_parse_date(getattr(document, "date", None)),
        publisher=_meta(getattr(document, "sitename", None)) or _meta(getattr(document, "author", None)),
        headings=tuple(builder.headings),
    )


def _html_blocks(body) -> Iterator[tuple[str, int | None]]:  # noqa: ANN001 (an lxml element)
    """``(block, heading level or None)`` for the top-level elements of trafilatura's body."""
    for element in body:
        tag = element.tag
        if tag == "head":
            match = re.fullmatch(r"h([1-6])", element.get("rend") or "")
            level = int(match.group(1)) if match else 2
            yield " ".join(_inline(element).split()), level
        elif tag == "list":  # items keep a list marker, so they read as the list items they are
            items = [_clean_block(_inline(item, skip="list")).replace("\n", " ") for item in element.iter("item")]
            numbered = element.get("rend") == "ol"
            yield "\n".join(f"{n}. {item}" if numbered else f"• {item}"
                            for n, item in enumerate((i for i in items if i), start=1)), None
        elif tag == "table":
            rows = []
            for row in element.iter("row"):
                cells = (_clean_block(_inline(cell, skip="table")).replace("\n", " ") for cell in row if cell.tag == "cell")
                line = "\t".join(cell for cell in cells if cell)
                if line:
                    rows.append(line)
            yield "\n".join(rows), None
        elif isinstance(tag, str):  # p, quote, code, div, ... (not comments or processing instructions)
            yield _clean_block(_inline(element)), None


def _inline(element, *, skip: str | None = None) -> str:  # noqa: ANN001 (an lxml element)
    """The text of an element, ``<lb/>`` as a line break, sub-elements named ``skip`` left out."""
    parts = [element.text or ""]
    for child in element:
        if child.tag == "lb":
            parts.append("\n")
        elif child.tag != skip and isinstance(child.tag, str):
            parts.append(_inline(child, skip=skip))
        parts.append(child.tail or "")
    return "".join(parts)


# ---------------------------------------------------------------------------------------------
# PDF


def pdf_to_text(data: bytes, *, path: str) -> ExtractedText:
    """The text layer of a PDF, page by page, with the offset where each page starts.

    Uses pypdfium2. Pages are joined by a blank line and recorded in
    :attr:`ExtractedText.page_starts`. PDFs do not mark paragraphs: the visual lines of each page are
    joined back into sentences and paragraphs by :func:`reflow_pdf_page`. Title, author (as publisher) and creation date
    come from the document information; bookmarks become headings when their title is found on
    their destination page.

    PDFium is not thread-safe: call this from one thread per process (helsekg's parallel runs use
    processes).

    Args:
        data: the PDF's bytes.
        path: the file's path, for error messages.

    Returns:
        The extracted text.

    Raises:
        InputError: E010 if the file is corrupt, truncated or encrypted; E011 if no page has a text
            layer (a scanned PDF needs OCR first).
    """
    import pypdfium2 as pdfium

    try:
        pdf = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        message = str(exc)
        if "password" in message.lower():
            detail = "it is encrypted and needs a password"
        else:
            found = re.search(r"PDFium: ([^)]*)", message)
            detail = f"damaged or not a PDF: {found.group(1) if found else _detail(exc)}"
        raise _input_error("E010", path, format="PDF", detail=detail) from exc
    try:
        pages = []
        for index in range(len(pdf)):
            page = pdf[index]
            textpage = page.get_textpage()
            pages.append(reflow_pdf_page(_clean_pdf_page(textpage.get_text_range())))
            textpage.close()
            page.close()
        metadata = pdf.get_metadata_dict(skip_empty=True)
        bookmarks = _bookmarks(pdf)
    except pdfium.PdfiumError as exc:
        raise _input_error("E010", path, format="PDF", detail=_detail(exc)) from exc
    finally:
        pdf.close()

    if not any(pages):
        detail = "it has no pages" if not pages else f"none of its {len(pages)} pages has a text layer; it is probably scanned"
        raise _input_error("E011", path, format="PDF", detail=detail)
    starts, offset = [], 0
    for page_text in pages:
        starts.append(offset)
        offset += len(page_text) + 2
    text = "\n\n".join(pages)
    headings = []
    for level, title, page_index in bookmarks:
        heading = _find_on_page(text, starts, pages, title, page_index, level)
        if heading is not None:
            headings.append(heading)
    headings.sort(key=lambda h: (h.start, h.level))
    return ExtractedText(
        text=text,
        format=FileFormat.PDF,
        title=_meta(metadata.get("Title")),
        issued=_parse_date(metadata.get("CreationDate")),
        publisher=_meta(metadata.get("Author")),
        page_starts=tuple(starts),
        headings=tuple(headings),
    )


def _clean_pdf_page(text: str) -> str:
    """A page's text: ``\\n`` line ends, no trailing spaces, at most one blank line in a row."""
    text = text.replace("\x02", "-")  # PDFium's mark for a hyphen at a line end
    text = _CONTROL.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))
    text = "\n".join(line.rstrip() for line in text.split("\n"))
    return re.sub(r"\n{3,}", "\n\n", text).strip("\n")


_LIST_ITEM = re.compile(r"^(?:[•·▪◦‣*–—-]|\d{1,2}[.)])\s")
# words after a line-end hyphen that show a suspended compound ("helse- og omsorg"), not a broken word
_AFTER_SUSPENDED = frozenset({"og", "eller", "til", "samt", "som", "and", "or"})


def reflow_pdf_page(text: str) -> str:
    """Sentences and paragraphs from the visual lines of a PDF page.

    A line wrapped by the layout is joined to the next (a hyphenated word is rejoined unless the hyphen
    is a Norwegian suspended compound, "helse- og omsorg"); a short line that ends a sentence ends its
    paragraph (a blank line follows); a short line without a full stop before a capitalised line is a
    heading and stands between blank lines; list items start new lines. The page's longest line is the
    measure of a full line, so the rules hold for any page width and font size.

    >>> page = ("Nytt tilskudd til kommunene\\n"
    ...         "Regjeringen foreslår å bevilge 50 millioner kroner til et nytt tilskudd for\\n"
    ...         "rekruttering av fastleger i distriktene, sier helse- og\\n"
    ...         "omsorgsminister Jan Christian Vestre. Kompetanse-\\n"
    ...         "løftet fortsetter.\\n"
    ...         "• Tiltaket gjelder fra 2025.")
    >>> print(reflow_pdf_page(page))
    Nytt tilskudd til kommunene
    <BLANKLINE>
    Regjeringen foreslår å bevilge 50 millioner kroner til et nytt tilskudd for rekruttering av fastleger i distriktene, sier helse- og omsorgsminister Jan Christian Vestre. Kompetanseløftet fortsetter.
    • Tiltaket gjelder fra 2025.
    """
    lines = [line.strip() for line in text.split("\n")]
    widths = [len(line) for line in lines if line]
    if not widths:
        return text
    full = max(widths)
    blocks: list[list[str]] = []
    current: list[str] = []  # lines of the current block
    last = ""  # the previous visual line
    for line in lines:
        if not line:
            if current:
                blocks.append(current)
                current, last = [], ""
            continue
        if not current:
            current, last = [line], line
            continue
        ends_sentence = last.endswith((".", "!", "?"))
        heading_like = (len(last) < HEADING_SHARE * full and not last.endswith((".", "!", "?", ":", ";", ","))
                        and not _LIST_ITEM.match(last) and (line[:1].isupper() or _LIST_ITEM.match(line)))
        if _LIST_ITEM.match(line):
            if heading_like and len(current) == 1:
                blocks.append(current)
                current = [line]
            else:
                current.append(line)
        elif last.endswith("-") and last[-2:-1].isalpha() and line[:1].islower():
            first_word = line.split()[0].strip(",.;:").lower()
            if first_word in _AFTER_SUSPENDED:
                current[-1] = current[-1] + " " + line
            else:
                current[-1] = current[-1][:-1] + line
        elif line[:1].islower() or line[:1].isdigit() or (
            not ends_sentence and not heading_like and len(last) >= WRAPPED_SHARE * full
            and not last.endswith(":")
        ):
            current[-1] = current[-1] + " " + line
        elif heading_like or (ends_sentence and len(last) < PARAGRAPH_END_SHARE * full):
            blocks.append(current)
            current = [line]
        elif ends_sentence:
            current[-1] = current[-1] + " " + line
        else:
            current.append(line)
        last = line
    if current:
        blocks.append(current)
    return "\n\n".join("\n".join(block) for block in blocks)


def _bookmarks(pdf) -> list[tuple[int, str, int]]:  # noqa: ANN001 (a PdfDocument)
    """``(level, title, page index)`` of the PDF's bookmarks that point at a page."""
    found = []
    for bookmark in pdf.get_toc(max_depth=6):
        dest = bookmark.get_dest()
        index = dest.get_index() if dest is not None else None
        title = " ".join(bookmark.get_title().split())
        if index is not None and title:
            found.append((bookmark.level + 1, title, index))
    return found


def _find_on_page(
    text: str, starts: list[int], pages: list[str], title: str, page_index: int, level: int
) -> Heading | None:
    """The bookmark's title on its page as a :class:`Heading`, whitespace-insensitively."""
    if not 0 <= page_index < len(pages):
        return None
    pattern = r"\s+".join(map(re.escape, title.split()))
    match = re.search(pattern, pages[page_index])
    if match is None:
        return None
    start = starts[page_index] + match.start()
    end = starts[page_index] + match.end()
    return Heading(start, end, level, text[start:end])


# ---------------------------------------------------------------------------------------------
# DOCX

# python-docx's default template carries this creation time; it says nothing about the document.
_PYTHON_DOCX_CREATED = datetime.datetime(2013, 12, 23, 23, 15, tzinfo=datetime.timezone.utc)
_HEADING_STYLE = re.compile(r"(?:heading|overskrift)\s*([1-9])", re.IGNORECASE)


def docx_to_text(data: bytes, *, path: str) -> ExtractedText:
    """The text of a Word document: paragraphs and tables in document order.

    Uses python-docx. Each paragraph is a block; a table is a block with a line per row and the
    cells separated by a tab (merged cells once). Paragraphs styled "Heading 1"-"Heading 9" (or a
    style based on one) become :class:`Heading` s; title, author (as publisher) and creation date
    come from the core properties, the title falling back to the first "Title"-styled paragraph.
    Paragraphs inside content controls (``w:sdt``, common in government templates) are read in
    place. Headers, footers, footnotes, comments, text boxes and tracked insertions are not read.

    Args:
        data: the .docx file's bytes.
        path: the file's path, for error messages.

    Returns:
        The extracted text.

    Raises:
        InputError: E010 if the file is not a readable .docx (corrupt zip, missing parts, a .doc
            renamed .docx); E011 if it has no text.
    """
    import docx
    from docx.table import Table

    try:
        document = docx.Document(io.BytesIO(data))
        builder = _Builder()
        style_title = None
        for item in _docx_blocks(document.element.body, document._body):
            if isinstance(item, Table):
                builder.add(_docx_table(item))
                continue
            block = _clean_block(item.text)
            style = item.style
            level = _heading_level(style)
            listed = level is None and _is_list_paragraph(item)
            if level is not None:
                block = " ".join(block.split())
            elif style is not None and style.name == "Title" and style_title is None and block:
                style_title = " ".join(block.split())
            if listed and block:
                block = "• " + " ".join(block.split())
            builder.add(block, level=level, list_item=listed)
        properties = document.core_properties
        title = _meta(properties.title) or style_title
        publisher = _meta(properties.author)
        created = properties.created
        issued = None if created == _PYTHON_DOCX_CREATED else _parse_date(created)
    except MemoryError:
        raise
    except Exception as exc:  # zipfile, lxml and python-docx raise many kinds on broken files
        raise _input_error("E010", path, format="DOCX", detail=_detail(exc)) from exc
    text = builder.text()
    if not text:
        raise _input_error("E011", path, format="DOCX", detail="no paragraph or table has text")
    return ExtractedText(
        text=text,
        format=FileFormat.DOCX,
        title=title,
        issued=issued,
        publisher=publisher,
        headings=tuple(builder.headings),
    )


def _docx_blocks(element, parent) -> Iterator:  # noqa: ANN001 (lxml element, python-docx parent)
    """Paragraphs and tables under ``element`` in order, looking inside content controls."""
    from docx.oxml.ns import qn
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    for child in element.iterchildren():
        if child.tag == qn("w:p"):
            yield Paragraph(child, parent)
        elif child.tag == qn("w:tbl"):
            yield Table(child, parent)
        elif child.tag == qn("w:sdt"):
            for content in child.iterchildren(qn("w:sdtContent")):
                yield from _docx_blocks(content, parent)


def _is_list_paragraph(paragraph) -> bool:  # noqa: ANN001 (a python-docx Paragraph)
    """A list item: numbering properties on the paragraph or a list style ("List Bullet", "Listeavsnitt")."""
    from docx.oxml.ns import qn

    properties = paragraph._p.pPr
    if properties is not None and properties.find(qn("w:numPr")) is not None:
        return True
    name = (paragraph.style.name if paragraph.style is not None else "") or ""
    return name.startswith(("List", "Liste"))


def _heading_level(style) -> int | None:  # noqa: ANN001 (a python-docx style)
    """The heading level of a paragraph style or the styles it is based on (up to 5 deep)."""
    for _ in range(5):
        if style is None:
            return None
        match = _HEADING_STYLE.fullmatch(style.name or "")
        if match:
            return int(match.group(1))
        style = style.base_style
    return None


def _docx_table(table) -> str:  # noqa: ANN001 (a python-docx Table)
    rows = []
    for row in table.rows:
        seen, cells = set(), []
        for cell in row.cells:
            if id(cell._tc) in seen:  # a merged cell is returned once per grid column
                continue
            seen.add(id(cell._tc))
            parts = [cell.text, *(_docx_table(inner) for inner in cell.tables)]
            cell_text = " ".join(_clean_block("\n".join(parts)).split("\n"))
            if cell_text:
                cells.append(cell_text)
        if cells:
            rows.append("\t".join(cells))
    return "\n".join(rows)


# ---------------------------------------------------------------------------------------------
# dispatch


def extract_file_text(data: bytes, *, path: str, suffix: str | None = None) -> ExtractedText | None:
    """The text of an HTML, PDF or DOCX file; ``None`` for plain text.

    The format is :func:`sniff_format` of the bytes and the suffix. Plain text is not handled
    here: it is decoded (encoding detection, binary check) by the plain-text reader, so for
    :attr:`FileFormat.TEXT` this returns ``None`` and the caller decodes ``data`` itself.

    Args:
        data: the file's bytes.
        path: the file's path, for error messages and the default suffix.
        suffix: the suffix to use instead of the path's.

    Returns:
        The extracted text, or ``None`` if the file is plain text.

    Raises:
        InputError: E010 or E011 from the format's reader.

    >>> extract_file_text(b"Regjeringen foreslar ...", path="notat.txt") is None
    True
    """
    fmt = sniff_format(data, PurePath(path).suffix if suffix is None else suffix)
    if fmt is FileFormat.HTML:
        return html_to_text(data, path=path)
    if fmt is FileFormat.PDF:
        return pdf_to_text(data, path=path)
    if fmt is FileFormat.DOCX:
        return docx_to_text(data, path=path)
    return None
