"""Page structure of a Norwegian public web page copied as text: header lines, title, captions, boilerplate.

:func:`scan_page` turns the header lines ("Publisert: 23.05.2024", "Utgiver: ...", "Historisk arkiv") into
:class:`PageHeader` fields and marks them, the title, image captions and print/site boilerplate as
:class:`~helsekg.text.document.Region` objects, so extraction can skip what is not body text. Word lists
and line rules are data in ``helsekg/data/language_cues.json``; no rule names a particular document.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from helsekg.resources import load_data
from helsekg.text.document import Region, RegionKind
from helsekg.text.layout import Line, is_bullet, nonblank_lines

__all__ = ["PageHeader", "parse_date", "scan_page"]

CUES_FILE = "language_cues.json"


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


@lru_cache(maxsize=1)
def _page_rules() -> _PageRules:
    raw = load_data(CUES_FILE)["page"]
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
# Page structure: header lines, title, captions, boilerplate
# --------------------------------------------------------------------------------------------

_YEAR = re.compile(r"\b(?:1[89]|20)\d\d\b")
_NUMERIC_DATE = re.compile(r"\b(\d{1,2})\.\s?(\d{1,2})\.\s?(\d{4}|\d{2})\b")
_ISO_DATE = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
_WORD_DATE = re.compile(r"\b(\d{1,2})\.?\s+([^\W\d_]+)\.?,?\s+(\d{4})\b")
_PHONE = re.compile(r"(?:\+\s?47\s?)?\b\d{2,3}(?:\s?\d{2,3}){2,3}\b")
_EMAIL = re.compile(r"\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b")
_SEGMENT_SEPARATOR = re.compile(r"\s+[|/]\s+")
_HEADER_ZONE_LINES = 15  # "Av X" bylines are only looked for among the first non-empty lines
_MAX_TITLE_CHARS = 200
_MAX_SHORT_LINE_WORDS = 12


def parse_date(value: str, months: dict[str, int] | None = None) -> dt.date | None:
    """First date in ``value``: dd.mm.yyyy, yyyy-mm-dd or "3. mai 2024"; None if none is valid.

    >>> months = _page_rules().months
    >>> parse_date("23.05.2024 kl. 10.00", months), parse_date("3. des. 2023", months)
    (datetime.date(2024, 5, 23), datetime.date(2023, 12, 3))
    >>> parse_date("2024-02-30", months) is None
    True
    """
    if months is None:
        months = _page_rules().months
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


def dates_in(text: str, months: dict[str, int] | None = None) -> list[dt.date]:
    """Every valid date written out in ``text`` (dd.mm.yyyy, yyyy-mm-dd, "3. mai 2024"), in no particular order.

    >>> dates_in("Søknadsfrist 15. februar 2023. Møte 02.03.2023, ikke 31.02.2023.")
    [datetime.date(2023, 3, 2), datetime.date(2023, 2, 15)]
    """
    return [date for pattern in (_NUMERIC_DATE, _ISO_DATE, _WORD_DATE) for match in pattern.finditer(text)
            if (date := parse_date(match.group(0), months)) is not None]


@dataclass
class PageHeader:
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


def _header_item(segment: str, rules: _PageRules, header: PageHeader) -> bool:
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
        date = parse_date(value, rules.months)
        if date is None and not _YEAR.search(value):
            return False  # "Dato: se under" is not a header line
        _record_date(header, field, date)
    elif not _is_name_like(value, max_words=12 if field != "number" else 3):
        return False
    elif field in ("government", "publisher", "author"):
        if getattr(header, field) is None:
            setattr(header, field, value.rstrip(". "))
    return True  # "number": Nr.: 123-24 is metadata with nothing to keep


def _is_header_line(line: Line, rules: _PageRules, header: PageHeader, in_header_zone: bool) -> bool:
    """Header lines: items alone or joined by " / " or " | ", and "Av X" bylines near the top."""
    segments = _SEGMENT_SEPARATOR.split(line.content)
    scratch = PageHeader(**vars(header))
    if all(_header_item(segment, rules, scratch) for segment in segments):
        vars(header).update(vars(scratch))
        return True
    # A label followed by a plain value, "Pressemelding 12/2024" or "Nyhet 3. mai 2024".
    first, _, rest = line.content.partition(" ")
    date = parse_date(rest, rules.months) if rest else None
    if _fold(first) in rules.kinds and rest and (date or re.fullmatch(r"[\d/.\- ]+", rest)):
        header.kind = header.kind or rules.kinds[_fold(first)]
        header.issued = header.issued or date
        return True
    if in_header_zone and _is_byline(line.content, rules.author_prefix):
        header.author = header.author or line.content[len(rules.author_prefix) :].strip().rstrip(".")
        return True
    return False


def _date_key_above(key_line: str, value_line: str, rules: _PageRules, header: PageHeader) -> bool:
    """A date key alone on its line with the date on the next ("PUBLISERT:" / "07.10.2022"); records it."""
    match = rules.field.match(key_line)
    if not match or (match.group("value") or "").strip() or len(value_line.split()) > 4:
        return False
    field = rules.field_kind[match.group("key").lower().rstrip(".")]
    date = parse_date(value_line, rules.months) if field in ("issued", "updated") else None
    if date is None:
        return False
    _record_date(header, field, date)
    return True


def _record_date(header: PageHeader, field: str, date: dt.date | None) -> None:
    """Keep the first date of its kind ("issued" or "updated")."""
    if field == "issued":
        header.issued = header.issued or date
    else:
        header.updated = header.updated or date


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
        and not is_bullet(text)
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


def scan_page(text: str) -> tuple[PageHeader, list[Region]]:
    """Classify the lines of ``text``; return the header fields and the non-body regions."""
    rules = _page_rules()
    header = PageHeader()
    lines = nonblank_lines(text)
    kinds: list[RegionKind | None] = [None] * len(lines)

    in_contact_block = False
    for i, line in enumerate(lines):
        if kinds[i] is not None:
            continue  # the date line of a "PUBLISERT:" key line above
        if in_contact_block:
            if line.blank_before and not _is_contact_line(line.content, rules):
                in_contact_block = False
            else:
                kinds[i] = RegionKind.BOILERPLATE
                continue
        if rules.contact_heading.match(line.content) and len(line.content.split()) <= 20:
            kinds[i] = RegionKind.BOILERPLATE
            in_contact_block = True
        elif _is_boilerplate(line.content, rules):
            kinds[i] = RegionKind.BOILERPLATE
        elif rules.caption.match(line.content) or (
            rules.inline_credit.search(line.content) and len(line.content.split()) <= 40
        ):
            kinds[i] = RegionKind.CAPTION
            previous = i - 1
            if (
                rules.caption_credit.match(line.content)
                and previous >= 0
                and not line.blank_before
                and kinds[previous] is None
                and len(lines[previous].content.split()) <= 40
            ):
                kinds[previous] = RegionKind.CAPTION
        elif _is_header_line(line, rules, header, in_header_zone=i < _HEADER_ZONE_LINES):
            kinds[i] = RegionKind.METADATA
        elif i + 1 < len(lines) and _date_key_above(line.content, lines[i + 1].content, rules, header):
            kinds[i] = kinds[i + 1] = RegionKind.METADATA

    _find_title(lines, kinds, header, rules)
    regions = [Region(line.content_start, line.content_end, kind) for line, kind in zip(lines, kinds) if kind]
    return header, _merge(regions, text)


def _find_title(lines: list[Line], kinds: list[RegionKind | None], header: PageHeader, rules: _PageRules) -> None:
    """Mark the first heading-like unclassified line as the title; a kicker before it is metadata."""
    candidates = [i for i, kind in enumerate(kinds) if kind is None]
    if not candidates:
        return
    first = candidates[0]
    if not _is_heading(lines[first].content):
        return
    if len(candidates) > 1 and _is_kicker(lines[first].content, rules):
        second = candidates[1]
        if _is_heading(lines[second].content) and not _is_kicker(lines[second].content, rules):
            kinds[first] = RegionKind.METADATA
            header.kicker = lines[first].content.rstrip(":").strip()
            first = second
    kinds[first] = RegionKind.TITLE
    header.title = lines[first].content


def _merge(regions: list[Region], text: str) -> list[Region]:
    """Join neighbouring regions of the same kind separated only by whitespace (not titles)."""
    merged: list[Region] = []
    for region in regions:
        if (
            merged
            and merged[-1].kind == region.kind != RegionKind.TITLE
            and not text[merged[-1].end : region.start].strip()
        ):
            merged[-1] = Region(merged[-1].start, region.end, region.kind)
        else:
            merged.append(region)
    return merged


