"""Read Norwegian policy documents from plain-text files into :class:`Document` objects.

The reader is built for pages of Norwegian public bodies (regjeringen.no, helsedirektoratet.no,
stortinget.no, municipalities, health trusts) copied as text, in Bokmål or Nynorsk. It

* decodes the bytes (UTF-8 with or without BOM, UTF-16/32 with BOM, or a legacy single-byte
  encoding such as Windows-1252 found by charset-normalizer and checked to be plausible Norwegian),
  normalises line endings to ``"\\n"`` and changes nothing else, so offsets into ``Document.text``
  are stable (see ``docs/architecture.md``);
* tells Bokmål from Nynorsk, and rejects other languages, by counting function words;
* turns the page's header lines ("Publisert: 23.05.2024", "Utgiver: ...", "Historisk arkiv") into
  :class:`DocumentMetadata` and marks them, the title, image captions and print/site boilerplate as
  :class:`Region` objects, so extraction can skip what is not body text.

Word lists and line rules are data in ``helsekg/data/language_cues.json``; no rule names a
particular document.
"""

from __future__ import annotations

import codecs
import datetime as dt
import functools
import hashlib
import json
import os
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from helsekg.errors import InputError
from helsekg.resources import data_path

__all__ = [
    "Region",
    "DocumentMetadata",
    "Document",
    "read_document",
    "read_bytes",
    "document_from_bytes",
    "iter_paths",
    "detect_language",
    "document_id",
    "slugify",
    "REGION_KINDS",
    "TEXT_SUFFIXES",
]

#: Kinds of :class:`Region`. Only the title is processed like body text.
REGION_KINDS = ("title", "metadata", "caption", "boilerplate")
#: File suffixes read_document accepts ("" is a file without suffix).
TEXT_SUFFIXES = (".txt", ".text", ".md", "")
#: File names iter_paths skips inside folders (compared on the lower-case stem).
_SKIPPED_STEMS = frozenset({"readme", "manifest", "license", "licence", "changelog", "notice"})
DEFAULT_MAX_BYTES = 5_000_000

# Language detection: texts with fewer words are not judged foreign (lenient default "nb").
_MIN_WORDS_TO_JUDGE = 25
# A foreign language needs at least this many hits and this share of the words.
_MIN_FOREIGN_HITS = 3
_MIN_FOREIGN_SHARE = 0.04
# Language is judged on the start of long documents.
_LANGUAGE_SAMPLE_CHARS = 200_000


# --------------------------------------------------------------------------------------------
# Records
# --------------------------------------------------------------------------------------------


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
    kind: str


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
    language: str
    source: str
    kind: str | None
    government: str | None
    author: str | None
    historical: bool
    encoding: str
    content_hash: str
    kicker: str | None = None
    updated: dt.date | None = None


@dataclass(frozen=True)
class Document:
    """A decoded document: ``text`` is the contract for every offset downstream."""

    id: str
    text: str
    metadata: DocumentMetadata
    regions: tuple[Region, ...]

    def is_body(self, start: int, end: int) -> bool:
        """True when ``text[start:end]`` overlaps no non-body region (the title counts as body).

        >>> doc = Document("d", "Tittel\\nPublisert: 01.02.2024\\nTekst.", _EXAMPLE_META,
        ...                (Region(0, 6, "title"), Region(7, 28, "metadata")))
        >>> doc.is_body(0, 6), doc.is_body(29, 35), doc.is_body(5, 10)
        (True, True, False)
        """
        return not any(r.kind != "title" and r.start < end and start < r.end for r in self.regions)

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
            if region.kind == "title":
                continue
            if self.text[position : region.start].strip():
                spans.append(Region(position, region.start, "body"))
            position = max(position, region.end)
        if self.text[position:].strip():
            spans.append(Region(position, len(self.text), "body"))
        return tuple(spans)

    def region_text(self, kind: str) -> list[str]:
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


#: A list item line: a bullet (•, ·, ▪, ◦, *, a dash) or "1." / "1)" followed by white space.
BULLET_RE = re.compile(r"^\s*(?:[•·▪◦*–—-]|\d{1,2}[.)])\s+")


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
    return f"{stem}-{_sha256(text)[:8]}"


def _sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


# --------------------------------------------------------------------------------------------
# Cue data
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _LanguageCues:
    nb: frozenset[str]
    nn: frozenset[str]
    norwegian: frozenset[str]
    foreign: dict[str, frozenset[str]]
    names: dict[str, str]


@functools.lru_cache(maxsize=1)
def _raw_cues() -> dict[str, Any]:
    with data_path("language_cues.json").open(encoding="utf-8") as handle:
        return json.load(handle)


@functools.lru_cache(maxsize=1)
def _language_cues() -> _LanguageCues:
    raw = _raw_cues()["language"]
    names = dict(raw["names"])
    return _LanguageCues(
        nb=frozenset(raw["nb"]),
        nn=frozenset(raw["nn"]),
        norwegian=frozenset(raw["norwegian"]),
        foreign={code: frozenset(raw[code]) for code in names},
        names=names,
    )


def _alternation(items: Iterable[str]) -> str:
    """A regex alternation of literal items, longest first so prefixes do not shadow."""
    return "|".join(re.escape(item) for item in sorted(set(items), key=len, reverse=True))


@dataclass(frozen=True)
class _PageRules:
    historical: frozenset[str]
    field: re.Pattern[str]  # "<key>: value" / "<key> value" header items
    field_kind: dict[str, str]  # lower-case key -> "government" | "publisher" | ...
    kinds: dict[str, str]
    kicker_words: frozenset[str]
    caption: re.Pattern[str]
    caption_credit: re.Pattern[str]
    inline_credit: re.Pattern[str]  # "Statsråd Kari Nordmann. Foto: NTB"
    boilerplate_lines: frozenset[str]
    boilerplate_prefix: re.Pattern[str]
    link_prefix: re.Pattern[str]
    contact_heading: re.Pattern[str]
    contact_word: re.Pattern[str]
    months: dict[str, int]
    author_prefix: str


@functools.lru_cache(maxsize=1)
def _page_rules() -> _PageRules:
    raw = _raw_cues()["page"]
    field_kind: dict[str, str] = {}
    for kind in ("government", "publisher", "author", "issued", "updated", "number"):
        for key in raw[f"{kind}_keys"]:
            field_kind[key.lower().rstrip(".")] = kind
    keys = _alternation(key.rstrip(".") for key in field_kind)
    # "Publisert: 23.05.2024", "Nr.: 12", "Publisert 3. mai 2024"; a key needs ":" or a value
    # that starts with a digit, so a sentence beginning "Dato for ..." is not a header.
    field = re.compile(rf"(?i)^(?P<key>{keys})\.?\s*(?::\s*(?P<value>.*)|\s(?P<bare>\d.*))$")
    caption = re.compile(rf"(?i)^(?:{_alternation(raw['caption_prefixes'])})(?=\W|$)")
    caption_credit = re.compile(rf"(?i)^(?:{_alternation(raw['caption_credit_prefixes'])})")
    return _PageRules(
        historical=frozenset(item.lower() for item in raw["historical"]),
        field=field,
        field_kind=field_kind,
        kinds={label.lower(): kind for label, kind in raw["kinds"].items()},
        kicker_words=frozenset(word.lower() for word in raw["kicker_words"]),
        caption=caption,
        caption_credit=caption_credit,
        inline_credit=re.compile(
            rf"(?i)(?:[.!?]\s+|\s[–-]\s|\s\()(?:{_alternation(raw['caption_credit_prefixes'])})\s*\S"
        ),
        boilerplate_lines=frozenset(_fold(line) for line in raw["boilerplate_lines"]),
        boilerplate_prefix=re.compile(rf"(?i)^(?:{_alternation(raw['boilerplate_prefixes'])})\b"),
        link_prefix=re.compile(rf"(?i)^(?:{_alternation(raw['link_prefixes'])})(?=\W|$)"),
        # "Pressekontakt", "Pressekontakt: Kari Nordmann", "For mer informasjon, kontakt:"
        contact_heading=re.compile(
            rf"(?i)^(?:{_alternation(raw['contact_headings'])})(?:\s*:|$|[^.:]{{0,30}}:$)"
        ),
        contact_word=re.compile(rf"(?i)(?<!\w)(?:{_alternation(raw['contact_words'])})(?!\w)"),
        months={name.lower(): number for name, number in raw["months"].items()},
        author_prefix=raw["author_prefix"],
    )


def _fold(line: str) -> str:
    """Case- and space-insensitive form of a short line, without trailing ':' or '.'."""
    return " ".join(line.lower().split()).rstrip(":. ")


# --------------------------------------------------------------------------------------------
# Language
# --------------------------------------------------------------------------------------------

_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")


@dataclass(frozen=True)
class _LanguageGuess:
    language: str | None  # "nb" | "nn" | None when not Norwegian
    foreign: str | None  # English name of the likely language when not Norwegian


def _guess_language(text: str) -> _LanguageGuess:
    cues = _language_cues()
    text = text[:_LANGUAGE_SAMPLE_CHARS]
    script = _foreign_script(text)
    if script:
        return _LanguageGuess(None, script)
    words = [word.lower() for word in _WORD.findall(text)]
    counts = Counter(words)
    if len(words) >= _MIN_WORDS_TO_JUDGE:
        hits = {code: sum(counts[w] for w in cue) for code, cue in cues.foreign.items()}
        code, foreign_hits = max(hits.items(), key=lambda item: item[1])
        if foreign_hits >= _MIN_FOREIGN_HITS and foreign_hits >= _MIN_FOREIGN_SHARE * len(words):
            norwegian_hits = sum(counts[w] for w in cues.nb | cues.nn | cues.norwegian)
            if foreign_hits > 0.5 * norwegian_hits or foreign_hits >= 0.15 * len(words):
                return _LanguageGuess(None, cues.names[code])
    nb = sum(counts[w] for w in cues.nb)
    nn = sum(counts[w] for w in cues.nn)
    return _LanguageGuess("nn" if nn > nb else "nb", None)


def _foreign_script(text: str) -> str | None:
    """Name of the dominant non-Latin script when most letters are not Latin, else None."""
    ascii_letters = len(_ASCII_LETTERS.findall(text))
    scripts = Counter(
        unicodedata.name(ch, "UNKNOWN").split(" ")[0] for ch in _NON_ASCII_LETTERS.findall(text)
    )
    total = ascii_letters + sum(scripts.values())
    if total < 50 or ascii_letters + scripts["LATIN"] >= 0.5 * total:
        return None
    script = max((s for s in scripts if s != "LATIN"), key=scripts.__getitem__)
    return f"text in {script.title()} script"


_ASCII_LETTERS = re.compile(r"[A-Za-z]")
_NON_ASCII_LETTERS = re.compile(r"[^\W\d_A-Za-z]")


def detect_language(text: str) -> str | None:
    """"nb" (Bokmål) or "nn" (Nynorsk) from function-word cues, or None when not Norwegian.

    Short texts are not judged foreign: they get "nb" unless Nynorsk cues win.

    >>> detect_language("Regjeringen vil ikke kutte i tilskuddet, og kommunene får mer penger.")
    'nb'
    >>> detect_language("Regjeringa vil ikkje kutte i tilskotet, og kommunane får meir pengar.")
    'nn'
    >>> detect_language("The government will not cut the grant, and the municipalities will get "
    ...                 "more money from the state this year, which is good news for the health "
    ...                 "services and for the people who work in them every day of the year.")
    """
    return _guess_language(text).language


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
# Page structure: header lines, title, captions, boilerplate
# --------------------------------------------------------------------------------------------

_YEAR = re.compile(r"\b(?:1[89]|20)\d\d\b")
_NUMERIC_DATE = re.compile(r"\b(\d{1,2})\.\s?(\d{1,2})\.\s?(\d{4}|\d{2})\b")
_ISO_DATE = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
_WORD_DATE = re.compile(r"\b(\d{1,2})\.?\s+([^\W\d_]+)\.?,?\s+(\d{4})\b")
_PHONE = re.compile(r"(?:\+\s?47\s?)?\b\d{2,3}(?:\s?\d{2,3}){2,3}\b")
_EMAIL = re.compile(r"\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b")
_SEGMENT_SEPARATOR = re.compile(r"\s+[|/]\s+")
_BULLET = re.compile(r"^[-–—•*·▪◦‣]\s")
_HEADER_ZONE_LINES = 15  # "Av X" bylines are only looked for among the first non-empty lines
_MAX_TITLE_CHARS = 200
_MAX_SHORT_LINE_WORDS = 12


def _parse_date(value: str, months: dict[str, int]) -> dt.date | None:
    """First date in ``value``: dd.mm.yyyy, yyyy-mm-dd or "3. mai 2024"; None if none is valid.

    >>> months = _page_rules().months
    >>> _parse_date("23.05.2024 kl. 10.00", months), _parse_date("3. des. 2023", months)
    (datetime.date(2024, 5, 23), datetime.date(2023, 12, 3))
    >>> _parse_date("2024-02-30", months) is None
    True
    """
    for match in (_NUMERIC_DATE.search(value), _ISO_DATE.search(value), _WORD_DATE.search(value)):
        if not match:
            continue
        if match.re is _NUMERIC_DATE:
            day, month, year = (int(g) for g in match.groups())
            year += 2000 if year < 100 else 0
        elif match.re is _ISO_DATE:
            year, month, day = (int(g) for g in match.groups())
        else:
            month_number = months.get(match.group(2).lower())
            if month_number is None:
                continue
            day, month, year = int(match.group(1)), month_number, int(match.group(3))
        try:
            return dt.date(year, month, day)
        except ValueError:
            continue
    return None


@dataclass
class _Header:
    """Metadata collected while scanning the lines (mutable scratch, local to one read)."""

    title: str | None = None
    kicker: str | None = None
    publisher: str | None = None
    issued: dt.date | None = None
    updated: dt.date | None = None
    kind: str | None = None
    government: str | None = None
    author: str | None = None
    historical: bool = False


@dataclass(frozen=True)
class _Line:
    start: int  # offset of the first non-space character
    end: int  # offset after the last non-space character
    text: str  # the stripped line
    blank_before: bool  # a blank line (or the start of the text) precedes it


def _lines(text: str) -> list[_Line]:
    lines: list[_Line] = []
    blank = True
    position = 0
    for raw in text.split("\n"):
        stripped = raw.strip()
        if stripped:
            start = position + (len(raw) - len(raw.lstrip()))
            lines.append(_Line(start, start + len(stripped), stripped, blank))
            blank = False
        else:
            blank = True
        position += len(raw) + 1
    return lines


def _header_item(segment: str, rules: _PageRules, header: _Header) -> bool:
    """Record ``segment`` in ``header`` if it is a header item; return whether it was one."""
    folded = _fold(segment)
    if folded in rules.historical:
        header.historical = True
        return True
    if folded in rules.kinds:
        header.kind = header.kind or rules.kinds[folded]
        return True
    match = rules.field.match(segment)
    if not match:
        return False
    field = rules.field_kind[match.group("key").lower().rstrip(".")]
    if match.group("value") is None and field not in ("issued", "updated"):
        return False  # only dates may follow their key without ":" ("Publisert 3. mai 2024")
    value = (match.group("value") if match.group("value") is not None else match.group("bare")).strip()
    if field in ("issued", "updated"):
        date = _parse_date(value, rules.months)
        if date is None and not _YEAR.search(value):
            return False  # "Dato: se under" is not a header line
        if field == "issued":
            header.issued = header.issued or date
        else:
            header.updated = header.updated or date
    elif not _is_name_like(value, max_words=12 if field != "number" else 3):
        return False
    elif field in ("government", "publisher", "author"):
        if getattr(header, field) is None:
            setattr(header, field, value.rstrip(". "))
    return True  # "number": Nr.: 123-24 is metadata with nothing to keep


def _is_header_line(line: _Line, rules: _PageRules, header: _Header, in_header_zone: bool) -> bool:
    """Header lines: items alone or joined by " / " or " | ", and "Av X" bylines near the top."""
    segments = _SEGMENT_SEPARATOR.split(line.text)
    scratch = _Header(**vars(header))
    if all(_header_item(segment, rules, scratch) for segment in segments):
        vars(header).update(vars(scratch))
        return True
    # A label followed by a plain value, "Pressemelding 12/2024" or "Nyhet 3. mai 2024".
    first, _, rest = line.text.partition(" ")
    date = _parse_date(rest, rules.months) if rest else None
    if _fold(first) in rules.kinds and rest and (date or re.fullmatch(r"[\d/.\- ]+", rest)):
        header.kind = header.kind or rules.kinds[_fold(first)]
        header.issued = header.issued or date
        return True
    if in_header_zone and _is_byline(line.text, rules.author_prefix):
        header.author = header.author or line.text[len(rules.author_prefix) :].strip().rstrip(".")
        return True
    return False


def _is_name_like(value: str, *, max_words: int) -> bool:
    """A header value: a few words, not a sentence ("Oslo kommune", "123-24")."""
    words = value.split()
    return 0 < len(words) <= max_words and not re.search(r"[.!?]\s+\S", value)


def _is_byline(text: str, prefix: str) -> bool:
    """"Av Kari Nordmann" / "Av Byrådsavdeling for helse": short, capitalised, no sentence end."""
    if not text.startswith(prefix + " "):
        return False
    name = text[len(prefix) + 1 :].strip()
    words = name.split()
    return (
        0 < len(words) <= 8
        and name[:1].isupper()
        and not name.endswith((".", "!", "?", ":"))
        and len(name) <= 100
    )


def _is_heading(text: str) -> bool:
    """A heading-like line: not too long, no terminal period, not a list item, has letters."""
    return (
        len(text) <= _MAX_TITLE_CHARS
        and not text.endswith((".", ",", ";"))
        and not _BULLET.match(text)
        and sum(ch.isalpha() for ch in text) >= 3
    )


def _is_kicker(text: str, rules: _PageRules) -> bool:
    """A section label above the title: "Statsbudsjettet 2021:", "Budsjett 2024"."""
    words = text.rstrip(":").split()
    if text.endswith(":") and len(words) <= 6:
        return True
    if not _YEAR.search(text) or len(words) > 5:
        return False
    head = " ".join(words[:-1]).lower() if len(words) > 1 else ""
    return len(words) <= 3 or words[0].lower() in rules.kicker_words or head in rules.kicker_words


def _is_boilerplate(text: str, rules: _PageRules) -> bool:
    if _fold(text) in rules.boilerplate_lines or rules.boilerplate_prefix.match(text):
        return True
    return bool(rules.link_prefix.match(text)) and len(text.split()) <= 25 and not text.endswith(".")


def _is_contact_line(text: str, rules: _PageRules) -> bool:
    """Lines of a press-contact block: names, roles, "Telefon", numbers, e-mail addresses."""
    if rules.contact_word.search(text) or _PHONE.search(text) or _EMAIL.search(text):
        return len(text.split()) <= 20
    return len(text.split()) <= _MAX_SHORT_LINE_WORDS and not text.endswith((".", "!", "?"))


def _scan(text: str) -> tuple[_Header, list[Region]]:
    """Classify the lines of ``text``; return the header fields and the non-body regions."""
    rules = _page_rules()
    header = _Header()
    lines = _lines(text)
    kinds: list[str | None] = [None] * len(lines)

    in_contact_block = False
    for i, line in enumerate(lines):
        if in_contact_block:
            if line.blank_before and not _is_contact_line(line.text, rules):
                in_contact_block = False
            else:
                kinds[i] = "boilerplate"
                continue
        if rules.contact_heading.match(line.text) and len(line.text.split()) <= 20:
            kinds[i] = "boilerplate"
            in_contact_block = True
        elif _is_boilerplate(line.text, rules):
            kinds[i] = "boilerplate"
        elif rules.caption.match(line.text) or (
            rules.inline_credit.search(line.text) and len(line.text.split()) <= 40
        ):
            kinds[i] = "caption"
            previous = i - 1
            if (
                rules.caption_credit.match(line.text)
                and previous >= 0
                and not line.blank_before
                and kinds[previous] is None
                and len(lines[previous].text.split()) <= 40
            ):
                kinds[previous] = "caption"
        elif _is_header_line(line, rules, header, in_header_zone=i < _HEADER_ZONE_LINES):
            kinds[i] = "metadata"

    _find_title(lines, kinds, header, rules)
    regions = [Region(line.start, line.end, kind) for line, kind in zip(lines, kinds) if kind]
    return header, _merge(regions, text)


def _find_title(lines: list[_Line], kinds: list[str | None], header: _Header, rules: _PageRules) -> None:
    """Mark the first heading-like unclassified line as the title; a kicker before it is metadata."""
    candidates = [i for i, kind in enumerate(kinds) if kind is None]
    if not candidates:
        return
    first = candidates[0]
    if not _is_heading(lines[first].text):
        return
    if len(candidates) > 1 and _is_kicker(lines[first].text, rules):
        second = candidates[1]
        if _is_heading(lines[second].text) and not _is_kicker(lines[second].text, rules):
            kinds[first] = "metadata"
            header.kicker = lines[first].text.rstrip(":").strip()
            first = second
    kinds[first] = "title"
    header.title = lines[first].text


def _merge(regions: list[Region], text: str) -> list[Region]:
    """Join neighbouring regions of the same kind separated only by whitespace (not titles)."""
    merged: list[Region] = []
    for region in regions:
        if (
            merged
            and merged[-1].kind == region.kind != "title"
            and not text[merged[-1].end : region.start].strip()
        ):
            merged[-1] = Region(merged[-1].start, region.end, region.kind)
        else:
            merged.append(region)
    return merged


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
    read on one machine and decoded on another (:mod:`helsekg.distributed`) with the same errors.

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
    >>> doc.metadata.title, doc.metadata.language, doc.id.startswith("notat-")
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
        guess = _guess_language(text)
        if guess.language is None:
            raise InputError("E008", source, language=guess.foreign)
        language = guess.language

    header, regions = _scan(text)
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
        content_hash=_sha256(text),
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
