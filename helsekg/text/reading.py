"""Read Norwegian policy documents from plain-text files into :class:`~helsekg.text.document.Document` objects.

The reader is built for pages of Norwegian public bodies (regjeringen.no, helsedirektoratet.no,
stortinget.no, municipalities, health trusts) copied as text, in Bokmål or Nynorsk. It

* decodes the bytes (UTF-8 with or without BOM, UTF-16/32 with BOM, or a legacy single-byte
  encoding such as Windows-1252 found by charset-normalizer and checked to be plausible Norwegian),
  normalises line endings to ``"\\n"`` and changes nothing else, so offsets into ``Document.text``
  are stable (see ``docs/architecture.md``);
* tells Bokmål from Nynorsk, and rejects other languages (:mod:`helsekg.text.language`);
* scans the page's header lines, title, captions and boilerplate (:mod:`helsekg.text.header`).
"""

from __future__ import annotations

import codecs
import functools
import os
import re
from collections.abc import Iterable, Iterator
from pathlib import Path

from helsekg.errors import InputError
from helsekg.text.document import Document, DocumentMetadata, content_hash, document_id
from helsekg.text.header import scan_page
from helsekg.text.language import guess_language

__all__ = [
    "read_document",
    "read_bytes",
    "document_from_bytes",
    "document_from_text",
    "iter_paths",
    "TEXT_SUFFIXES",
    "DEFAULT_MAX_BYTES",
]

#: File suffixes read_document accepts ("" is a file without suffix).
TEXT_SUFFIXES = (".txt", ".text", ".md", "")
#: File names iter_paths skips inside folders (compared on the lower-case stem).
_SKIPPED_STEMS = frozenset({"readme", "manifest", "license", "licence", "changelog", "notice"})
DEFAULT_MAX_BYTES = 5_000_000


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


def _decode(data: bytes, path: str | os.PathLike[str]) -> tuple[str, str]:
    """Decode ``data`` to text and name the encoding, or raise InputError (E005/E006)."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(encoding)
            except UnicodeDecodeError as exc:
                detail = f"invalid {encoding.upper()} after its byte-order mark: {exc.reason}"
                raise InputError("E006", path, detail=detail) from None
            if text.startswith("\ufeff"):
                text = text[1:]
            _check_not_binary(text, path)
            return text, encoding
    for magic, what in _MAGIC:
        if data.startswith(magic):
            raise InputError("E005", path, detail=f"it starts like {what}")
    if b"\x00" in data:
        raise InputError("E005", path, detail="it contains NUL bytes")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        _check_not_binary(text, path)
        return text, "utf-8"
    # Bytes 0x80-0x9F are printable in Windows code pages: only C0 controls mark binary data here.
    _check_not_binary(data.decode("latin-1"), path, c1_controls=False)
    return _decode_legacy(data, path)


def _check_not_binary(text: str, path: str | os.PathLike[str], *, c1_controls: bool = True) -> None:
    if "\x00" in text:
        raise InputError("E005", path, detail="it contains NUL characters")
    controls = len((_CONTROLS if c1_controls else _C0_CONTROLS).findall(text))
    if controls > _MAX_CONTROL_SHARE * len(text) + 1:
        raise InputError("E005", path, detail=f"{controls} control characters")


def _decode_legacy(data: bytes, path: str | os.PathLike[str]) -> tuple[str, str]:
    """Choose the candidate encoding whose text looks most like Norwegian.

    Candidates are charset-normalizer's guesses plus common Norwegian legacy code pages; each is
    scored on the lines that hold non-ASCII bytes (where ASCII-compatible code pages differ).
    Among equally plausible candidates the Norwegian code pages win, in :data:`_LEGACY_ENCODINGS`
    order, so a Latin-1 file is reported as its superset cp1252.
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
        letters = sum(1 for ch in text if ch in _NORWEGIAN_LETTERS)
        scored.append((_weird_characters(text), -letters, rank, name, len(text)))
    for weird, _, _, name, length in sorted(scored):
        if weird > 0.005 * length + 1:
            break
        try:
            return data.decode(name), name
        except UnicodeDecodeError:  # the sample decoded, the whole file does not
            continue
    raise InputError("E006", path, detail="not UTF-8, and no legacy encoding gives plausible Norwegian text")


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
    """Read a Norwegian plain-text document.

    Args:
        path: the file; its POSIX form is kept as ``metadata.source``.
        max_bytes: larger files are refused (E007).
        language: "nb" or "nn" to skip language detection (and the check for other languages).

    Returns:
        The :class:`Document`, with header lines, title, captions and boilerplate as regions.

    Raises:
        InputError: E001 missing, E002 folder, E003 unsupported type, E004 empty, E005 binary,
            E006 undecodable, E007 too large, E008 not Norwegian, E009 unreadable.
        ValueError: ``language`` is not "nb", "nn" or None.
    """
    if language not in (None, "nb", "nn"):
        raise ValueError(f"language must be 'nb', 'nn' or None, not {language!r}")
    return document_from_bytes(read_bytes(path, max_bytes=max_bytes), source=path, language=language)


def read_bytes(path: str | os.PathLike[str], *, max_bytes: int = DEFAULT_MAX_BYTES) -> bytes:
    """The bytes of a document file, after the checks :func:`read_document` makes before decoding.

    With :func:`document_from_bytes` this is :func:`read_document` in two steps, so the file can be
    read on one machine and decoded on another (:mod:`helsekg.scale.distributed`) with the same errors.

    Raises:
        InputError: E001 missing, E002 folder, E003 unsupported type, E007 too large, E009 unreadable.
    """
    return _read_bytes(Path(os.fspath(path)), path, max_bytes)


def document_from_bytes(
    data: bytes,
    *,
    source: str | os.PathLike[str],
    language: str | None = None,
) -> Document:
    """Decode the bytes of a document file as :func:`read_document` does; ``source`` is the file's path.

    >>> data = "Tilskudd til rusfeltet\\r\\n\\r\\nKommunen får 2 millioner kroner.".encode("cp1252")
    >>> doc = document_from_bytes(data, source="notat.txt")
    >>> doc.metadata.encoding, doc.metadata.source, doc.text.count("\\r")
    ('cp1252', 'notat.txt', 0)

    Raises:
        InputError: E004 empty, E005 binary, E006 undecodable, E008 not Norwegian.
        ValueError: ``language`` is not "nb", "nn" or None.
    """
    if language not in (None, "nb", "nn"):
        raise ValueError(f"language must be 'nb', 'nn' or None, not {language!r}")
    if not data:
        raise InputError("E004", source, detail="the file is empty")
    text, encoding = _decode(data, source)
    return document_from_text(text, source=source, language=language, encoding=encoding)


def document_from_text(
    text: str,
    *,
    source: str | os.PathLike[str],
    language: str | None = None,
    encoding: str = "utf-8",
) -> Document:
    """Make a :class:`Document` from text already in memory (a notebook cell, a web page, a test).

    Line endings are normalised to ``\\n`` as :func:`read_document` does; ``source`` names the text
    in errors, in ``metadata.source`` and in the document id.

    >>> doc = document_from_text("Tilskudd til rusfeltet\\n\\nKommunen får 2 millioner kroner.", source="notat.txt")
    >>> doc.metadata.title, str(doc.metadata.language), doc.id.startswith("notat-")
    ('Tilskudd til rusfeltet', 'nb', True)

    Raises:
        InputError: E004 no text, E008 not Norwegian.
        ValueError: ``language`` is not "nb", "nn" or None.
    """
    if language not in (None, "nb", "nn"):
        raise ValueError(f"language must be 'nb', 'nn' or None, not {language!r}")
    file = Path(os.fspath(source))
    text = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise InputError("E004", source, detail="only whitespace" if text else "the text is empty")
    if language is None:
        guess = guess_language(text)
        if guess.language is None:
            raise InputError("E008", source, language=guess.foreign)
        language = guess.language

    header, regions = scan_page(text)
    metadata = DocumentMetadata(
        title=header.title,
        publisher=header.publisher,
        issued=header.issued,
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
    )
    return Document(id=document_id(file, text), text=text, metadata=metadata, regions=tuple(regions))


def _read_bytes(file: Path, path: str | os.PathLike[str], max_bytes: int) -> bytes:
    try:
        if file.is_dir():
            raise InputError("E002", path)
        if not file.exists():
            raise InputError("E001", path)
        if file.suffix.lower() not in TEXT_SUFFIXES:
            supported = ", ".join(s for s in TEXT_SUFFIXES if s)
            raise InputError("E003", path, suffix=file.suffix, supported=supported)
        size = file.stat().st_size
        if size > max_bytes:
            raise InputError("E007", path, size=size, limit=max_bytes)
        with file.open("rb") as handle:
            data = handle.read(max_bytes + 1)
    except OSError as exc:
        raise InputError("E009", path, detail=exc.strerror or type(exc).__name__) from None
    if len(data) > max_bytes:  # the file grew after stat()
        raise InputError("E007", path, size=len(data), limit=max_bytes)
    return data


def iter_paths(
    paths: Iterable[str | os.PathLike[str]],
    *,
    suffixes: Iterable[str] = (".txt",),
) -> Iterator[Path]:
    """Files to read: files as given, and folders searched recursively in sorted order.

    Inside folders, hidden files and folders, README/manifest/licence files and files whose
    suffix is not in ``suffixes`` (case-insensitive) are skipped. A file named explicitly is
    yielded whatever its suffix (read_document judges it). Each path is yielded once.

    Raises:
        InputError: E001 when a path does not exist.
    """
    wanted = {suffix.lower() for suffix in suffixes}
    seen: set[Path] = set()
    for given in paths:
        root = Path(os.fspath(given))
        if root.is_dir():
            found = _walk(root, wanted)
        elif root.exists():
            found = iter((root,))
        else:
            raise InputError("E001", given)
        for file in found:
            if file not in seen:
                seen.add(file)
                yield file


def _walk(root: Path, suffixes: set[str]) -> Iterator[Path]:
    """Files under ``root`` sorted by their path components, so the order is platform-independent."""
    files = []
    for folder, dirnames, filenames in os.walk(root):
        dirnames[:] = [d for d in dirnames if not d.startswith(".")]
        for name in filenames:
            file = Path(folder, name)
            if (
                not name.startswith(".")
                and file.suffix.lower() in suffixes
                and file.stem.lower() not in _SKIPPED_STEMS
            ):
                files.append(file)
    return iter(sorted(files, key=lambda file: file.relative_to(root).parts))
