"""Read Norwegian policy documents from plain-text files into :class:`~helsekg.text.document.Document` objects.

The reader is built for pages of Norwegian public bodies (regjeringen.no, helsedirektoratet.no,
stortinget.no, municipalities, health trusts) copied as text, in Bokmål or Nynorsk. It

* decodes the bytes (UTF-8 with or without BOM, UTF-16/32 with BOM, UTF-16 without one, or a legacy single-byte
  encoding such as Windows-1252 found by charset-normalizer and checked to be plausible Norwegian),
  normalises line endings to ``"\\n"``, turns the line breaks of a fixed-width wrap into spaces
  (:func:`helsekg.text.layout.unwrap_hard_wrapped`, same length) and changes nothing else, so offsets into
  ``Document.text`` are stable (see ``docs/architecture.md``);
* tells Bokmål from Nynorsk, and rejects other languages (:mod:`helsekg.text.language`);
* scans the page's header lines, title, captions and boilerplate (:mod:`helsekg.text.header`).
"""

from __future__ import annotations

import codecs
import functools
import os
import re
import stat
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import NamedTuple

from helsekg.errors import InputError
from helsekg.text.document import (
    Document,
    DocumentMetadata,
    FileFormat,
    Heading,
    RegionKind,
    content_hash,
    document_id,
)
from helsekg.text.formats import ExtractedText, extract_file_text
from helsekg.text.header import scan_page
from helsekg.text.language import language_gate
from helsekg.text.layout import find_headings, unwrap_hard_wrapped

__all__ = [
    "FORMAT_SUFFIXES",
    "READ_SUFFIXES",
    "Skipped",
    "read_document",
    "read_identity",
    "DocumentIdentity",
    "read_bytes",
    "document_from_bytes",
    "document_from_text",
    "iter_paths",
    "TEXT_SUFFIXES",
    "DEFAULT_MAX_BYTES",
]

#: Plain-text file suffixes ("" is a file without suffix).
TEXT_SUFFIXES = (".txt", ".text", ".md", "")
#: Suffixes of the formats read through :mod:`helsekg.text.formats`.
FORMAT_SUFFIXES = (".html", ".htm", ".xhtml", ".pdf", ".docx")
#: File suffixes read_document accepts.
READ_SUFFIXES = TEXT_SUFFIXES + FORMAT_SUFFIXES
#: Suffixes iter_paths reads inside folders by default.
FOLDER_SUFFIXES = (".txt", ".html", ".htm", ".pdf", ".docx")
#: File names iter_paths leaves out inside folders (compared on the lower-case stem): a folder's own
#: documentation, not documents of the corpus.
_SKIPPED_STEMS = frozenset({"readme", "manifest", "license", "licence", "changelog", "notice"})
#: PDF and DOCX files are compressed: their limit is this many times the plain-text limit.
_BINARY_FORMAT_FACTOR = 10
DEFAULT_MAX_BYTES = 5_000_000


@dataclass(frozen=True)
class Skipped:
    """A file :func:`iter_paths` found in a folder and did not yield, and why."""

    path: str
    reason: str
    #: True for a folder's own documentation and hidden files (README, manifest, licence, ".x"), which
    #: are left out by design; False for a file of a type helsekg does not read.
    expected: bool = False

    def __str__(self) -> str:
        return f"{self.path}: {self.reason}"


# --------------------------------------------------------------------------------------------
# Bytes -> text
# --------------------------------------------------------------------------------------------

_BOMS = (  # UTF-32 before UTF-16: the UTF-32-LE BOM starts with the UTF-16-LE BOM
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_MAGIC = (  # signatures of common binary formats people mistake for documents
    (b"%PDF-", "a PDF document"),
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"PK\x03\x04", "a ZIP archive or Office document"),
    (b"\xd0\xcf\x11\xe0", "an old Office document"),
    (b"\x7fELF", "an executable"),
    (b"\x1f\x8b", "a gzip archive"),
)
# Legacy encodings tried besides charset-normalizer's guesses, in order of preference.
_LEGACY_ENCODINGS = ("cp1252", "iso8859-15", "latin-1", "cp865", "mac-roman")
_NORWEGIAN_LETTERS = frozenset("æøåÆØÅéÉèÈêÊóÓòÒôÔüÜäÄöÖáÁčČđĐŋŊšŠŧŦžŽ")
_COMMON_SYMBOLS = frozenset(
    "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~"
    "\u00a0\u00ad«»“”„‘’‚–—―…•·°§€£¢¥©®™±×÷½¼¾¹²³µ¶"
    "†‡′″‹›¨´¸¯ªº¡¿¬¤¦"
)
_INTRA_WORD_OK = frozenset("-'’.,/&:")
_C0_CONTROLS = re.compile(r"[\x01-\x08\x0e-\x1f\x7f]")
_CONTROLS = re.compile(r"[\x01-\x08\x0e-\x1f\x7f-\x9f]")
_MAX_CONTROL_SHARE = 0.01
#: the most of a legacy-decoded text's letters that may be æ, ø, å and the accented ones (even the lines that hold
#: them are mostly a-z in Norwegian)
_MAX_NON_ASCII_LETTERS = 0.4


def _decode(data: bytes, path: str | os.PathLike[str]) -> tuple[str, str]:
    """Decode ``data`` to text and name the encoding, or raise InputError (E005/E006)."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return _decode_declared(data, encoding, path, declared="after its byte-order mark"), encoding
    if data[:2] == codecs.BOM_UTF8[:2] and data[2:3] != codecs.BOM_UTF8[2:]:
        # "ï»" in Windows-1252: the first two bytes of a UTF-8 byte-order mark without the third, a damaged file
        raise InputError("E006", path, detail="a UTF-8 byte-order mark cut short (EF BB without BF): the file is damaged")
    for magic, what in _MAGIC:
        if data.startswith(magic):
            raise InputError("E005", path, detail=f"it starts like {what}")
    if b"\x00" in data:
        encoding = _utf16_without_bom(data)
        if encoding is None:
            raise InputError("E005", path, detail="it contains NUL bytes")
        return _decode_declared(data, encoding, path, declared="without a byte-order mark"), encoding
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        where = _utf8_error(data, exc)
    else:
        _check_not_binary(text, path)
        return text, "utf-8"
    # Bytes 0x80-0x9F are printable in Windows code pages: only C0 controls mark binary data here.
    _check_not_binary(data.decode("latin-1"), path, c1_controls=False)
    if _UTF8_LETTER.search(data):
        # "fÃ¥r": a code page would turn every UTF-8 æ, ø, å of the file into two symbols, and no code page holds the
        # stray byte's neighbours as UTF-8 does: the file mixes two encodings
        raise InputError("E006", path, detail=f"it mixes encodings: UTF-8, but {where} is not")
    return _decode_legacy(data, path, where)


#: a UTF-8 letter of Latin-1 (æ, ø, å, é ...: C3 80-BF) or dash or quote (E2 80 90-BF), which no Norwegian text in
#: a single-byte code page holds ("Ã¥", "â€“")
_UTF8_LETTER = re.compile(rb"\xc3[\x80-\xbf]|\xe2\x80[\x90-\xbf]")


def _utf8_error(data: bytes, exc: UnicodeDecodeError) -> str:
    """Where UTF-8 decoding failed, for the error message: "byte 0xFF at line 21, column 3"."""
    line = data.count(b"\n", 0, exc.start) + 1
    # the column in characters: the line before the byte is valid UTF-8, its "å" one character, not two bytes
    column = len(data[data.rfind(b"\n", 0, exc.start) + 1:exc.start].decode("utf-8", errors="replace")) + 1
    return f"byte 0x{data[exc.start]:02X} at line {line}, column {column}"


def _decode_declared(data: bytes, encoding: str, path: str | os.PathLike[str], *, declared: str) -> str:
    """``data`` in the ``encoding`` its byte-order mark (or its pattern of NUL bytes) declares, the mark dropped;
    E006 when the bytes are not that encoding (``declared`` says how it was declared), E005 when the text is binary."""
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise InputError("E006", path, detail=f"invalid {encoding.upper()} {declared}: {exc.reason}") from None
    text = text.removeprefix("\ufeff")
    _check_not_binary(text, path)
    return text


def _utf16_without_bom(data: bytes, sample: int = 4096) -> str | None:
    """"utf-16-le" or "utf-16-be" when ``data`` reads as UTF-16 of Latin-script text without a byte-order mark (as
    some Windows tools save it): every other byte is NUL, the bytes between are not; else None."""
    head = data[:sample - sample % 2]
    if len(head) < 4 or len(data) % 2:
        return None
    even, odd = head[0::2], head[1::2]
    for encoding, zeros, text in (("utf-16-le", odd, even), ("utf-16-be", even, odd)):
        if zeros.count(0) >= 0.95 * len(zeros) and text.count(0) <= 0.01 * len(text):
            return encoding
    return None


def _check_not_binary(text: str, path: str | os.PathLike[str], *, c1_controls: bool = True) -> None:
    if "\x00" in text:
        raise InputError("E005", path, detail="it contains NUL characters")
    controls = len((_CONTROLS if c1_controls else _C0_CONTROLS).findall(text))
    if controls > _MAX_CONTROL_SHARE * len(text) + 1:
        raise InputError("E005", path, detail=f"{controls} control characters")


def _decode_legacy(data: bytes, path: str | os.PathLike[str], where: str = "") -> tuple[str, str]:
    """Choose the candidate encoding whose text looks most like Norwegian.

    Candidates are charset-normalizer's guesses plus common Norwegian legacy code pages; each is
    scored on the lines that hold non-ASCII bytes (where ASCII-compatible code pages differ).
    Among equally plausible candidates the Norwegian code pages win, in :data:`_LEGACY_ENCODINGS`
    order, so a Latin-1 file is reported as its superset cp1252. ``where`` names the byte UTF-8 failed at, for the
    E006 raised when no candidate is plausible.
    """
    from charset_normalizer import from_bytes  # lazy: only legacy files need it

    sample = _non_ascii_lines(data)
    guesses = [match.encoding for match in from_bytes(sample)]
    ranked = {codecs.lookup(name).name: rank for rank, name in enumerate(_LEGACY_ENCODINGS)}
    for rank, guess in enumerate(guesses, start=len(ranked)):
        try:
            ranked.setdefault(codecs.lookup(guess).name, rank)
        except LookupError:
            continue
    scored = []
    for name, rank in ranked.items():
        try:
            text = sample.decode(name)
        except UnicodeDecodeError:
            continue
        alphabetic = [ch for ch in text if ch.isalpha()]
        if sum(not ch.isascii() for ch in alphabetic) > _MAX_NON_ASCII_LETTERS * len(alphabetic):
            continue  # "Çääæ àùÖû": bytes of another kind read as letters; Norwegian is mostly a-z
        letters = sum(1 for ch in alphabetic if ch in _NORWEGIAN_LETTERS)
        scored.append((_weird_characters(text), -letters, rank, name, len(text)))
    for weird, _, _, name, length in sorted(scored):
        if weird > 0.005 * length + 1:
            break
        try:
            return data.decode(name), name
        except UnicodeDecodeError:  # the sample decoded, the whole file does not
            continue
    utf8 = f"not UTF-8 ({where})" if where else "not UTF-8"
    raise InputError("E006", path, detail=f"{utf8}, and no legacy encoding gives plausible Norwegian text")


_NON_ASCII_LINE = re.compile(rb"[^\n]*[\x80-\xff][^\n]*")


def _non_ascii_lines(data: bytes, limit: int = 100_000) -> bytes:
    """The lines of ``data`` that hold non-ASCII bytes, up to about ``limit`` bytes."""
    if len(data) <= limit:
        return data
    lines: list[bytes] = []
    size = 0
    for match in _NON_ASCII_LINE.finditer(data):
        lines.append(match.group())
        size += len(lines[-1]) + 1
        if size >= limit:
            break
    return b"\n".join(lines)


def _weird_characters(text: str) -> int:
    """Characters unlikely in Norwegian text: non-Latin letters, controls, rare symbols, and
    symbols wedged between letters (the trace of a wrong single-byte code page)."""
    weird = 0
    for i, ch in enumerate(text):
        if ch.isalpha():
            if not ("a" <= ch.lower() <= "z" or ch in _NORWEGIAN_LETTERS or ch in _latin1_letters()):
                weird += 1
            continue
        if ch.isdigit() or ch.isspace():
            continue
        if ch not in _COMMON_SYMBOLS:
            weird += 1
        elif (
            ch not in _INTRA_WORD_OK
            and 0 < i < len(text) - 1
            and text[i - 1].isalpha()
            and text[i + 1].isalpha()
        ):
            weird += 1
    return weird


@functools.lru_cache(maxsize=1)
def _latin1_letters() -> frozenset[str]:
    """Letters of Latin-1: accented letters a Norwegian text plausibly borrows (é, ü, ç, ...)."""
    return frozenset(ch for ch in map(chr, range(0xC0, 0x100)) if ch.isalpha())


# --------------------------------------------------------------------------------------------
# Entry points
# --------------------------------------------------------------------------------------------


def read_document(
    path: str | os.PathLike[str],
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    language: str | None = None,
) -> Document:
    """Read a Norwegian document: plain text, HTML, PDF or DOCX.

    Args:
        path: the file; its POSIX form is kept as ``metadata.source``.
        max_bytes: larger files are refused (E007); PDF and DOCX files, which are compressed, may be
            ten times as large.
        language: "nb" or "nn" to skip language detection (and the check for other languages).

    Returns:
        The :class:`Document`, with header lines, title, captions and boilerplate as regions, its
        headings and, for a PDF, where each page starts.

    Raises:
        InputError: E001 missing, E002 folder, E003 unsupported type, E004 empty, E005 binary,
            E006 undecodable, E007 too large, E008 not Norwegian, E009 unreadable, E010 the HTML, PDF
            or DOCX cannot be read, E011 it has no text, E012 not a regular file (a FIFO, a device).
        ValueError: ``language`` is not "nb", "nn" or None.
    """
    _check_language(language)
    return document_from_bytes(read_bytes(path, max_bytes=max_bytes), source=path, language=language)


def read_bytes(path: str | os.PathLike[str], *, max_bytes: int = DEFAULT_MAX_BYTES) -> bytes:
    """The bytes of a document file, after the checks :func:`read_document` makes before decoding.

    With :func:`document_from_bytes` this is :func:`read_document` in two steps, so the file can be
    read on one machine and decoded on another (:mod:`helsekg.scale.distributed`) with the same errors.
    A FIFO, a device or a socket is refused before it is opened, so reading never blocks.

    Raises:
        InputError: E001 missing, E002 folder, E003 unsupported type, E007 too large, E009 unreadable,
            E012 not a regular file.
    """
    return _read_bytes(Path(os.fspath(path)), path, max_bytes)


def document_from_bytes(
    data: bytes,
    *,
    source: str | os.PathLike[str],
    language: str | None = None,
) -> Document:
    """Decode the bytes of a document file as :func:`read_document` does; ``source`` is the file's path.

    HTML, PDF and DOCX are recognised by their first bytes before their suffix (an HTML page saved as
    ``.txt`` is read as HTML, so its scripts and ``<meta>`` numbers never become facts) and read
    through :mod:`helsekg.text.formats`; anything else is decoded as plain text.

    >>> data = "Tilskudd til rusfeltet\\r\\n\\r\\nKommunen får 2 millioner kroner.".encode("cp1252")
    >>> doc = document_from_bytes(data, source="notat.txt")
    >>> doc.metadata.encoding, doc.metadata.source, doc.text.count("\\r")
    ('cp1252', 'notat.txt', 0)
    >>> page = b"<html><head><title>Nytt tilskudd</title></head><body><p>Kommunen far 2 millioner kroner.</p></body></html>"
    >>> doc = document_from_bytes(page, source="side.txt", language="nb")
    >>> str(doc.metadata.format), doc.text
    ('html', 'Kommunen far 2 millioner kroner.')

    Raises:
        InputError: E004 empty, E005 binary, E006 undecodable, E008 not Norwegian, E010 unreadable
            HTML/PDF/DOCX, E011 no text in it.
        ValueError: ``language`` is not "nb", "nn" or None.
    """
    _check_language(language)
    text, encoding, extracted = _file_text(data, source)
    return document_from_text(text, source=source, language=language, encoding=encoding, extracted=extracted)


def _file_text(data: bytes, source: str | os.PathLike[str]) -> tuple[str, str, ExtractedText | None]:
    """The text of a file's bytes, what it was decoded with, and its HTML, PDF or DOCX structure (None for
    plain text); E004 for no bytes."""
    if not data:
        raise InputError("E004", source, detail="the file is empty")
    extracted = extract_file_text(data, path=os.fspath(source), suffix=Path(os.fspath(source)).suffix)
    if extracted is not None:
        return extracted.text, "utf-8", extracted
    text, encoding = _decode(data, source)
    return text, encoding, None


def document_from_text(
    text: str,
    *,
    source: str | os.PathLike[str],
    language: str | None = None,
    encoding: str = "utf-8",
    extracted: ExtractedText | None = None,
) -> Document:
    """Make a :class:`Document` from text already in memory (a notebook cell, a web page, a test).

    Line endings are normalised to ``\\n`` and a fixed-width wrap is undone as :func:`read_document` does;
    ``source`` names the text in errors, in ``metadata.source`` and in the document id.

    >>> doc = document_from_text("Tilskudd til rusfeltet\\n\\nKommunen får 2 millioner kroner.", source="notat.txt")
    >>> doc.metadata.title, str(doc.metadata.language), doc.id.startswith("notat-")
    ('Tilskudd til rusfeltet', 'nb', True)

    Args:
        text: the document text.
        source: the file or name of the text.
        language: "nb" or "nn" to skip language detection.
        encoding: what the bytes were decoded with (recorded in the metadata).
        extracted: the text's HTML, PDF or DOCX structure (title, date, publisher, headings, pages), when
            it came from :mod:`helsekg.text.formats`; ``text`` is then ``extracted.text``.

    Raises:
        InputError: E004 no text, E008 not Norwegian.
        ValueError: ``language`` is not "nb", "nn" or None.
    """
    _check_language(language)
    file = Path(os.fspath(source))
    normalised = _normalised(text, source)
    if extracted is None:  # plain text: a fixed-width wrap undone (same length; PDFs are reflowed when read)
        normalised = unwrap_hard_wrapped(normalised)
    if extracted is not None and normalised != text:  # offsets of pages and headings would be off
        extracted = ExtractedText(normalised, extracted.format, extracted.title, extracted.issued, extracted.publisher)
    text = normalised
    language = language_gate(text, path=source, language=language)

    header, regions = scan_page(text)
    title = next(((r.start, r.end) for r in regions if r.kind is RegionKind.TITLE), None)
    non_body = [(r.start, r.end) for r in regions if r.kind is not RegionKind.TITLE]
    headings: tuple[Heading, ...] = extracted.headings if extracted is not None else ()
    if not headings:
        headings = find_headings(text, title=title,
                                 skip=lambda start, end: any(s < end and start < e for s, e in non_body))
    metadata = DocumentMetadata(
        title=header.title or (extracted.title if extracted is not None else None),
        publisher=header.publisher or (extracted.publisher if extracted is not None else None),
        issued=header.issued or (extracted.issued if extracted is not None else None),
        language=language,
        source=file.as_posix(),
        kind=header.kind,
        government=header.government,
        author=header.author,
        historical=header.historical,
        encoding=encoding,
        content_hash=content_hash(text),
        kicker=header.kicker,
        updated=header.updated,
        format=extracted.format if extracted is not None else FileFormat.TEXT,
    )
    return Document(id=document_id(file, text), text=text, metadata=metadata, regions=tuple(regions),
                    headings=headings, page_starts=extracted.page_starts if extracted is not None else ())


#: a word: two letters in a row
_WORD = re.compile(r"[^\W\d_]{2,}")


def _normalised(text: str, source: str | os.PathLike[str]) -> str:
    """The text as a Document holds it: no byte-order mark, ``\\n`` line endings; E004 when nothing but white
    space is left, or no word (figures and symbols only: what bytes of another kind give when read as Windows-1252)."""
    text = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise InputError("E004", source, detail="only whitespace" if text else "the text is empty")
    if not _WORD.search(text):
        raise InputError("E004", source, detail="no words, only figures and symbols")
    return text


class DocumentIdentity(NamedTuple):
    """What tells a stored document from a changed one: ``metadata.source``, ``id`` and ``metadata.content_hash``
    of the :class:`Document` that :func:`read_document` reads from the same file."""

    source: str
    id: str
    content_hash: str


def read_identity(path: str | os.PathLike[str], *, max_bytes: int = DEFAULT_MAX_BYTES) -> DocumentIdentity:
    """The source, id and content hash :func:`read_document` gives ``path``, without detecting its language
    or scanning its layout (issue 18: a store re-run compares every file, and most are unchanged).

    A file :func:`read_document` refuses for its language (E008) is not refused here: whoever then reads it
    in full reports it.

    >>> import tempfile, pathlib
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "notat.txt"
    >>> _ = path.write_bytes("Kommunen får 2 millioner kroner.\\r\\n".encode("cp1252"))
    >>> document = read_document(path)
    >>> read_identity(path) == (document.metadata.source, document.id, document.metadata.content_hash)
    True

    Raises:
        InputError: as :func:`read_document`, except E008.
    """
    text = _normalised(_file_text(read_bytes(path, max_bytes=max_bytes), path)[0], path)
    file = Path(os.fspath(path))
    return DocumentIdentity(file.as_posix(), document_id(file, text), content_hash(text))


def _check_language(language: str | None) -> None:
    if language not in (None, "nb", "nn"):
        raise ValueError(f"language must be 'nb', 'nn' or None, not {language!r}")


def _file_kind(mode: int) -> str:
    for test, kind in ((stat.S_ISFIFO, "a FIFO"), (stat.S_ISCHR, "a character device"),
                       (stat.S_ISBLK, "a block device"), (stat.S_ISSOCK, "a socket")):
        if test(mode):
            return kind
    return "not a regular file"


def _read_bytes(file: Path, path: str | os.PathLike[str], max_bytes: int) -> bytes:
    try:
        if file.is_dir():
            raise InputError("E002", path)
        if not file.exists():
            raise InputError("E001", path)
        if file.suffix.lower() not in READ_SUFFIXES:
            raise InputError("E003", path, suffix=file.suffix, supported=", ".join(s for s in READ_SUFFIXES if s))
        info = file.stat()
        if not stat.S_ISREG(info.st_mode):
            raise InputError("E012", path, kind=_file_kind(info.st_mode))
        limit = max_bytes * _BINARY_FORMAT_FACTOR if file.suffix.lower() in (".pdf", ".docx") else max_bytes
        if info.st_size > limit:
            raise InputError("E007", path, size=info.st_size, limit=limit)
        with file.open("rb") as handle:
            data = handle.read(limit + 1)
    except OSError as exc:
        raise InputError("E009", path, detail=exc.strerror or type(exc).__name__) from None
    if len(data) > limit:  # the file grew after stat()
        raise InputError("E007", path, size=len(data), limit=limit)
    return data


def iter_paths(
    paths: Iterable[str | os.PathLike[str]],
    *,
    suffixes: Iterable[str] = FOLDER_SUFFIXES,
    on_skip: Callable[[Skipped], None] | None = None,
) -> Iterator[Path]:
    """Files to read: files as given, and folders searched recursively in sorted order.

    Inside folders, hidden files and folders, README/manifest/licence files and files whose
    suffix is not in ``suffixes`` (case-insensitive) are not yielded; each of them is handed to
    ``on_skip`` with the reason, so nothing is dropped silently. A file named explicitly is yielded
    whatever its suffix (read_document judges it). Each path is yielded once.

    Raises:
        InputError: E001 when a path does not exist.
    """
    wanted = {suffix.lower() for suffix in suffixes}
    seen: set[Path] = set()
    for given in paths:
        root = Path(os.fspath(given))
        if root.is_dir():
            found = _walk(root, wanted, on_skip)
        elif root.exists() or root.is_symlink():
            found = iter((root,))
        else:
            raise InputError("E001", given)
        for file in found:
            if file not in seen:
                seen.add(file)
                yield file


def _walk(root: Path, suffixes: set[str], on_skip: Callable[[Skipped], None] | None) -> Iterator[Path]:
    """Files under ``root`` sorted by their path components, so the order is platform-independent."""
    files, skipped = [], []
    supported = ", ".join(sorted(suffixes))
    for folder, dirnames, filenames in os.walk(root):
        for name in sorted(d for d in dirnames if d.startswith(".")):
            skipped.append(Skipped(str(Path(folder, name)), "a hidden folder", expected=True))
        dirnames[:] = [d for d in dirnames if not d.startswith(".")]
        for name in filenames:
            file = Path(folder, name)
            if name.startswith("."):
                skipped.append(Skipped(str(file), "a hidden file", expected=True))
            elif file.stem.lower() in _SKIPPED_STEMS:
                skipped.append(Skipped(str(file), "the folder's own documentation, not a document", expected=True))
            elif file.suffix.lower() not in suffixes:
                skipped.append(Skipped(str(file), f"unsupported file type {file.suffix!r} (E003); "
                                                  f"helsekg reads {supported} in folders"))
            else:
                files.append(file)
    if on_skip is not None:
        for item in sorted(skipped, key=lambda s: Path(s.path).relative_to(root).parts):
            on_skip(item)
    return iter(sorted(files, key=lambda file: file.relative_to(root).parts))
