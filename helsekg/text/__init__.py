"""Stage 1, text: files and strings -> :class:`Document` (text, metadata, non-body regions, language).

Nothing here needs spaCy. ``Document.text`` is the contract for every offset downstream.

- :mod:`helsekg.text.document`: the Document record, region kinds, ids and slugs;
- :mod:`helsekg.text.reading`: bytes -> text (encodings, binary and size checks), folders -> files;
- :mod:`helsekg.text.formats`: HTML (trafilatura), PDF (pypdfium2, with pages) and DOCX (python-docx);
- :mod:`helsekg.text.language`: Bokmål, Nynorsk or another language;
- :mod:`helsekg.text.header`: header lines, title, captions and boilerplate of a public web page;
- :mod:`helsekg.text.layout`: the one line layout (lines, blank lines, list items) every stage reads.
"""

from __future__ import annotations

from helsekg.text.document import (
    REGION_KINDS,
    Document,
    FileFormat,
    Heading,
    DocumentMetadata,
    LanguageCode,
    Region,
    RegionKind,
    content_hash,
    document_id,
    slugify,
)
from helsekg.text.language import detect_language
from helsekg.text.layout import BULLET_RE
from helsekg.text.reading import (
    DEFAULT_MAX_BYTES,
    READ_SUFFIXES,
    TEXT_SUFFIXES,
    Skipped,
    document_from_bytes,
    document_from_text,
    iter_paths,
    read_bytes,
    read_document,
)

__all__ = [
    "BULLET_RE",
    "DEFAULT_MAX_BYTES",
    "READ_SUFFIXES",
    "REGION_KINDS",
    "TEXT_SUFFIXES",
    "Document",
    "DocumentMetadata",
    "FileFormat",
    "Heading",
    "LanguageCode",
    "Region",
    "RegionKind",
    "Skipped",
    "content_hash",
    "detect_language",
    "document_from_bytes",
    "document_from_text",
    "document_id",
    "iter_paths",
    "read_bytes",
    "read_document",
    "slugify",
]
