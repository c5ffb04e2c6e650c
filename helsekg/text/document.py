"""The document record every later stage reads: text, metadata and the regions that are not body text.

``Document.text`` is the contract for every offset downstream (``docs/architecture.md``); the ids and
slugs minted here are the ones the graph uses.
"""

from __future__ import annotations

import bisect
import datetime as dt
import hashlib
import os
import re
import unicodedata
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

__all__ = [
    "FileFormat",
    "Heading",
    "Region",
    "RegionKind",
    "LanguageCode",
    "DocumentMetadata",
    "Document",
    "REGION_KINDS",
    "content_hash",
    "heading_at",
    "document_id",
    "slugify",
]


# --------------------------------------------------------------------------------------------
# Records
# --------------------------------------------------------------------------------------------


class RegionKind(StrEnum):
    """What a :class:`Region` of a document is; only the title is processed like body text."""

    TITLE = "title"
    METADATA = "metadata"
    CAPTION = "caption"
    BOILERPLATE = "boilerplate"
    #: the complement of the other kinds (:meth:`Document.body_regions`)
    BODY = "body"


class LanguageCode(StrEnum):
    """The two written standards of Norwegian helsekg reads."""

    NB = "nb"  # Bokmål
    NN = "nn"  # Nynorsk


#: Kinds of :class:`Region` found in a text (``RegionKind.BODY`` is what is left).
REGION_KINDS = (RegionKind.TITLE, RegionKind.METADATA, RegionKind.CAPTION, RegionKind.BOILERPLATE)


class FileFormat(StrEnum):
    """The file formats helsekg reads."""

    TEXT = "text"
    HTML = "html"
    PDF = "pdf"
    DOCX = "docx"


@dataclass(frozen=True)
class Heading:
    """A heading of the document: ``text == ExtractedText.text[start:end]``.

    Attributes:
        start: offset of the heading's first character.
        end: offset after its last character.
        level: 1 for a chapter (Heading 1, ``<h1>``, a top-level PDF bookmark), 2 below it, ...
        text: the heading as it appears in the text.
    """

    start: int
    end: int
    level: int
    text: str


@dataclass(frozen=True)
class Region:
    """A span ``text[start:end]`` that is not ordinary body text.

    ``kind`` is one of :data:`REGION_KINDS`: "title", "metadata" (header lines such as
    "Publisert: 23.05.2024" and section kickers such as "Statsbudsjettet 2021:"), "caption"
    (image captions and credits) or "boilerplate" (print/site chrome, link texts, press contacts).
    A span covers one or more whole lines, without surrounding whitespace.
    """

    start: int
    end: int
    kind: RegionKind

    def __post_init__(self) -> None:
        object.__setattr__(self, "kind", RegionKind(self.kind))


@dataclass(frozen=True)
class DocumentMetadata:
    """What the document says about itself; ``None`` when it does not say.

    Attributes:
        title: the heading of the page.
        publisher: from "Utgiver: X" / "Utgjevar: X" and similar.
        issued: from "Publisert: 23.05.2024", "Publisert 3. mai 2024", "Dato: ...".
        language: "nb" or "nn".
        source: the path as given, as a POSIX string.
        kind: "pressemelding", "nyhet", ... from a label line such as "Pressemelding".
        government: "Regjeringen Solberg" from "Publisert under: Regjeringen Solberg".
        author: "Byrådsavdeling for helse" from "Av Byrådsavdeling for helse".
        historical: True when the page is marked "Historisk arkiv".
        encoding: the encoding the bytes were decoded with (a Python codec name).
        content_hash: SHA-256 hex digest of the UTF-8 encoded text.
        kicker: a section label above the title, such as "Statsbudsjettet 2021".
        updated: from "Sist oppdatert: ..." / "Oppdatert ...".
    """

    title: str | None
    publisher: str | None
    issued: dt.date | None
    language: LanguageCode
    source: str
    kind: str | None
    government: str | None
    author: str | None
    historical: bool
    encoding: str
    content_hash: str
    kicker: str | None = None
    updated: dt.date | None = None
    #: the format the text was read from
    format: FileFormat = FileFormat.TEXT

    def __post_init__(self) -> None:
        object.__setattr__(self, "language", LanguageCode(self.language))
        object.__setattr__(self, "format", FileFormat(self.format))


@dataclass(frozen=True)
class Document:
    """A decoded document: ``text`` is the contract for every offset downstream."""

    id: str
    text: str
    metadata: DocumentMetadata
    regions: tuple[Region, ...]
    #: headings in text order: from the file's structure (HTML, DOCX, PDF bookmarks) or, for plain
    #: text, the title and the heading-like lines (:func:`helsekg.text.layout.find_headings`)
    headings: tuple[Heading, ...] = ()
    #: PDF only: ``page_starts[i]`` is the offset where page ``i + 1`` starts
    page_starts: tuple[int, ...] = ()

    def page_at(self, offset: int) -> int | None:
        """The 1-based page ``offset`` falls on, or None when the document is not paged.

        >>> Document("d", "en\\n\\nto", _EXAMPLE_META, (), page_starts=(0, 4)).page_at(5)
        2
        """
        if not self.page_starts or offset < 0:
            return None
        return bisect.bisect_right(self.page_starts, offset)

    def heading_at(self, offset: int) -> Heading | None:
        """The heading ``offset`` stands under: the last heading that starts at or before it.

        >>> doc = Document("d", "Tiltak\\n\\nTekst.", _EXAMPLE_META, (), headings=(Heading(0, 6, 1, "Tiltak"),))
        >>> doc.heading_at(10).text, doc.heading_at(0).text
        ('Tiltak', 'Tiltak')
        """
        return heading_at(self.headings, offset)

    def is_body(self, start: int, end: int) -> bool:
        """True when ``text[start:end]`` overlaps no non-body region (the title counts as body).

        >>> doc = Document("d", "Tittel\\nPublisert: 01.02.2024\\nTekst.", _EXAMPLE_META,
        ...                (Region(0, 6, "title"), Region(7, 28, "metadata")))
        >>> doc.is_body(0, 6), doc.is_body(29, 35), doc.is_body(5, 10)
        (True, True, False)
        """
        return not any(r.kind is not RegionKind.TITLE and r.start < end and start < r.end for r in self.regions)

    def body_regions(self) -> tuple[Region, ...]:
        """The complement of the non-body regions, as regions of kind "body" (title included).

        Spans that hold only whitespace are left out.

        >>> doc = Document("d", "Tittel\\nPublisert: 01.02.2024\\nTekst.", _EXAMPLE_META,
        ...                (Region(0, 6, "title"), Region(7, 28, "metadata")))
        >>> [doc.text[r.start:r.end] for r in doc.body_regions()]
        ['Tittel\\n', '\\nTekst.']
        """
        spans: list[Region] = []
        position = 0
        for region in self.regions:
            if region.kind is RegionKind.TITLE:
                continue
            if self.text[position : region.start].strip():
                spans.append(Region(position, region.start, RegionKind.BODY))
            position = max(position, region.end)
        if self.text[position:].strip():
            spans.append(Region(position, len(self.text), RegionKind.BODY))
        return tuple(spans)

    def region_text(self, kind: RegionKind | str) -> list[str]:
        """The texts of all regions of ``kind``, in order."""
        return [self.text[r.start : r.end] for r in self.regions if r.kind == kind]


_EXAMPLE_META = DocumentMetadata(
    title="Tittel", publisher=None, issued=dt.date(2024, 2, 1), language="nb", source="d.txt",
    kind=None, government=None, author=None, historical=False, encoding="utf-8", content_hash="",
)


# --------------------------------------------------------------------------------------------
# Identifiers
# --------------------------------------------------------------------------------------------

_TRANSLITERATION = str.maketrans({"æ": "ae", "ø": "o", "å": "a", "Æ": "ae", "Ø": "o", "Å": "a"})


def slugify(text: str) -> str:
    """Lower-case ASCII slug: æ→ae, ø→o, å→a, other accents dropped, non-alphanumerics → "-".

    >>> slugify("Helse- og omsorgsdepartementet")
    'helse-og-omsorgsdepartementet'
    >>> slugify("Kompetanseløft 2025: Ærlig på Åsane!")
    'kompetanseloft-2025-aerlig-pa-asane'
    >>> slugify("  Sámediggi – café  ")
    'samediggi-cafe'
    >>> slugify("---")
    ''
    """
    text = text.translate(_TRANSLITERATION)
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def document_id(path: str | os.PathLike[str], text: str) -> str:
    """``slug of file stem + "-" + first 8 hex of SHA-256 of the text`` (docs/architecture.md).

    >>> document_id("corpus/2024-Nytt tilskudd.txt", "Tekst")
    '2024-nytt-tilskudd-5d07abcd'
    """
    stem = slugify(Path(os.fspath(path)).stem) or "document"
    return f"{stem}-{content_hash(text)[:8]}"


def heading_at(headings: tuple[Heading, ...], offset: int) -> Heading | None:
    """The last of ``headings`` (in text order) that starts at or before ``offset``."""
    index = bisect.bisect_right([h.start for h in headings], offset)
    return headings[index - 1] if index else None


def content_hash(text: str) -> str:
    """SHA-256 hex digest of the UTF-8 encoded text (``hkg:contentHash``)."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


