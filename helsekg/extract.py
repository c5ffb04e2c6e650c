"""Extraction: a processed spaCy ``Doc`` and its :class:`~helsekg.corpus.Document` -> records.

Pure functions over the Doc; everything returned is a frozen record from :mod:`helsekg.records`
with offsets into ``Document.text``. Facts inside non-body regions (metadata lines, captions, print
boilerplate) are skipped; the title counts as body.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from functools import lru_cache

from spacy.tokens import Doc

from helsekg import amounts as amountlib
from helsekg.actors import extract_actors, header_actors
from helsekg import extensions, resources
from helsekg.corpus import Document, slugify
from helsekg.records import Actor, Amount, DocumentInfo, Extraction, Measure

BULLET_RE = re.compile(r"^\s*(?:[•·▪◦*–—-]|\d{1,2}[.)])\s+")
# A year stated for an amount in a list's introduction: "i budsjettet for 2021", "i 2020", "fra 2024".
STATED_YEAR_RE = re.compile(
    r"\b(?:i|for|fra|frå|fra og med|frå og med)\s+(?:(?:[a-zæøå]+|\d{1,2}\.)\s+)?((?:19|20)\d\d)\b(?!\s*[-–]\s*\d)"
)


@dataclass(frozen=True)
class Cues:
    """Word lists that drive the rule-based extraction (``helsekg/data/extraction_cues.json``)."""

    instrument_heads: tuple[str, ...]
    budget_year_cues: tuple[str, ...]
    articles: tuple[str, ...]

    @classmethod
    def load(cls) -> "Cues":
        data = json.loads(resources.data_path("extraction_cues.json").read_text(encoding="utf-8"))
        return cls(**{name: tuple(data[name]) for name in cls.__dataclass_fields__})


@lru_cache(maxsize=1)
def default_cues() -> Cues:
    """The shipped cues, loaded once."""
    return Cues.load()


@lru_cache(maxsize=8)
def _patterns(cues: Cues) -> dict[str, re.Pattern[str]]:
    years = "|".join(map(re.escape, cues.budget_year_cues))
    return {
        "budget_year": re.compile(rf"\b(?:{years})(?:\s+for)?\s+((?:19|20)\d\d)\b(?!\s*[-–]\s*\d)", re.IGNORECASE),
        # a heading that names a budget and ends with its year: "Budsjett for helse og omsorg 2025"
        "budget_year_heading": re.compile(rf"\b(?:{years})\b[^\n.:]{{0,80}}?\b((?:19|20)\d\d)\s*:?\s*$",
                                          re.IGNORECASE | re.MULTILINE),
        "earlier_budget": re.compile(r"\b(?:vedtatt|vedteke|vedtekne|saldert|salderte|fjorårets|forrige|fra|frå)\s+\Z",
                                     re.IGNORECASE),
        # Prop. 1 S (2024–2025): the budget proposition for the second year of the session
        "proposition": re.compile(r"\bProp\.\s*1\s*S\s*\((?:19|20)\d\d\s*[–-]\s*((?:19|20)\d\d)\)"),
    }


def extract(doc: Doc, document: Document, *, cues: Cues | None = None) -> Extraction:
    """Extract every record helsekg knows from one processed document.

    Args:
        doc: the spaCy Doc of ``document.text`` (made by :func:`helsekg.pipeline.load`).
        document: the document as read by :func:`helsekg.corpus.read_document`.
        cues: word lists; the shipped ones by default.

    Returns:
        An :class:`~helsekg.records.Extraction` with actors, amounts, measures and quotes.
    """
    cues = cues or default_cues()
    if doc.text != document.text:
        raise ValueError(f"{document.metadata.source}: the Doc was not made from this document's text")
    body = _BodyFilter(document)
    meta = document.metadata
    header = header_actors(document)
    publisher = next((a for a in header if a.text in (meta.publisher, meta.author)), None)
    government = next((a for a in header if a.actor_type == "government"), None)
    found, quotes = extract_actors(doc, document)
    actors = header + found
    actors += [q.speaker for q in quotes if q.speaker is not None and q.speaker not in actors]
    amounts = tuple(find_amounts(doc, document, cues=cues, body=body))
    measures = tuple(find_measures(document, amounts, proposer=government or publisher, cues=cues))
    info = DocumentInfo(
        doc_id=document.id,
        source=meta.source,
        language=meta.language,
        content_hash=meta.content_hash,
        title=meta.title,
        issued=meta.issued,
        publisher=publisher,
        kind=meta.kind,
    )
    return Extraction(
        document=info,
        text=document.text,
        actors=tuple(actors),
        measures=measures,
        amounts=amounts,
        quotes=tuple(quotes),
    )


class _BodyFilter:
    """Tells whether a span lies in body text (title included, metadata and boilerplate excluded)."""

    def __init__(self, document: Document) -> None:
        self.excluded = [(r.start, r.end) for r in document.regions if r.kind != "title"]

    def __call__(self, start: int, end: int) -> bool:
        return not any(start < r_end and r_start < end for r_start, r_end in self.excluded)


def find_amounts(doc: Doc, document: Document, *, cues: Cues | None = None,
                 body: _BodyFilter | None = None) -> list[Amount]:
    """Amount and quantity records from the ``helsekg_amounts`` spans, in body text only.

    A monetary amount without a year in its own clause takes, in this order: the year stated in the
    introduction of the list it stands in ("... i budsjettet for 2021, er følgende:"); the
    document's budget year ("Statsbudsjettet 2021", "Budsjett 2024", "budsjettet for 2025",
    "Prop. 1 S (2024–2025)"); or, when every year the document states for its money is the same
    year, that year. An amount of unspecified kind that is exactly the difference between a stated
    total and another amount of the document ("fondet på 175 millioner ... 70 millioner ... blir
    nå på til sammen 245 millioner") is an increase.
    """
    cues = cues or default_cues()
    body = body or _BodyFilter(document)
    parsed_amounts: list[amountlib.Amount] = [
        span._.amount for span in doc.spans[extensions.AMOUNTS_KEY] if body(span._.amount.start, span._.amount.end)
    ]
    stated = {a.fiscal_year for a in parsed_amounts if a.is_money and a.fiscal_year is not None}
    doc_year = _budget_year(document, cues) or (stated.pop() if len(stated) == 1 else None)
    records = []
    for parsed in parsed_amounts:
        year = parsed.fiscal_year
        if year is None and parsed.is_money:
            year = _list_intro_year(document.text, parsed.start) or doc_year
        records.append(Amount(
            document.id, parsed.start, parsed.end, parsed.text,
            value=parsed.value,
            is_money=parsed.is_money,
            qualifier=parsed.qualifier.value,
            kind=parsed.kind.value if parsed.is_money else amountlib.AmountKind.UNSPECIFIED.value,
            currency=parsed.currency,
            unit=parsed.unit,
            fiscal_year=year,
            value_max=parsed.value_max,
        ))
    return _increases_by_difference(records)


def _increases_by_difference(amounts: list[Amount]) -> list[Amount]:
    """Mark as increases the unspecified amounts that bridge an earlier year's amount and a stated total.

    Both must precede the total, and the base must belong to an earlier fiscal year than the total
    (the fund of 2023 plus this year's amount is this year's total); otherwise the roles are unclear.
    """
    money = [a for a in amounts if a.is_money and a.qualifier == "Exact"]
    totals = [t for t in money if t.kind == "Total" and t.fiscal_year is not None]
    result = []
    for amount in amounts:
        if amount in money and amount.kind == "Unspecified" and any(
            base is not amount and base is not total and base.start < total.start
            and amount.start < total.start and base.value + amount.value == total.value
            and base.fiscal_year is not None and base.fiscal_year < total.fiscal_year
            and amount.fiscal_year in (None, total.fiscal_year)
            for total in totals for base in money
        ):
            amount = replace(amount, kind="Increase")
        result.append(amount)
    return result


def _line_bounds(text: str, pos: int) -> tuple[int, int]:
    start = text.rfind("\n", 0, pos) + 1
    end = text.find("\n", pos)
    return start, len(text) if end < 0 else end


def _list_intro_year(text: str, pos: int) -> int | None:
    """The year stated in the introduction of the bullet list holding ``pos``, if any."""
    start, end = _line_bounds(text, pos)
    if not BULLET_RE.match(text[start:end]):
        return None
    while start > 0:
        start, end = _line_bounds(text, start - 1)
        line = text[start:end]
        if not line.strip() or BULLET_RE.match(line):
            continue
        years = STATED_YEAR_RE.findall(line)
        return int(years[-1]) if years else None
    return None


def _budget_year(document: Document, cues: Cues) -> int | None:
    """The budget year a document is about, when its title, header or body says so.

    The title or header names it ("Statsbudsjettet 2021", "Budsjett 2024", "Bystyret vedtok budsjett
    for helse og omsorg 2025"), else the body's budget references agree on one year ("budsjettet for
    2025", "Prop. 1 S (2024–2025)"); references to earlier budgets ("vedtatt budsjett for 2024",
    "saldert budsjett 2024") do not count.
    """
    patterns = _patterns(cues)
    head_end = max([r.end for r in document.regions if r.kind in ("title", "metadata")] or [0])
    head = document.text[:head_end] or (document.metadata.title or "")
    match = patterns["budget_year"].search(head) or patterns["budget_year_heading"].search(head)
    if match:
        return int(match.group(1))
    years = [int(m.group(1)) for m in patterns["budget_year"].finditer(document.text)
             if not patterns["earlier_budget"].search(document.text, max(0, m.start() - 20), m.start())]
    years += [int(m.group(1)) for m in patterns["proposition"].finditer(document.text)]
    return years[0] if years and len(set(years)) == 1 else None


# --- measures -----------------------------------------------------------------------------------

_SKIP_AFTER_AMOUNT = re.compile(
    r"^\s*(?:(?:mer|meir|ekstra|årlig|årleg)\b|(?:i|fra|frå|for)\s+(?:[a-zæøå]+\s+)?(?:19|20)\d\d\b|"
    r"i\s+(?:bevilgning|løyving|driftstilskudd|driftstilskot|tilskudd|tilskot|økning|auke)\b)\s*"
)
_PURPOSE = re.compile(r"^\s*(?:til|for å)\s+(?:å\s+)?")
_PHRASE_END = re.compile(
    r"(?<!-),|[.;:!?()\n]|\s(?:som|slik at|for å|til en samlet|til ei samla|til sammen|til saman|"
    r"i\s+(?:19|20)\d\d|fra|frå|med mål om|der|hvor|kor)\b"
)
# A name starts with a capital ("Menn i helse", "Pilot Helse", "Kompetanseløft 2025") and runs to the
# end of the phrase, but not into a purpose or target phrase ("... for helseinnovasjon").
_NAMED = re.compile(r"(?:^|\s)(?P<name>[A-ZÆØÅ][\w-]*(?:\s+(?!(?:for|til|med|som|mot|innen|innenfor)\s)[\w-]+)*)")


def find_measures(document: Document, amounts: Iterable[Amount], *, proposer: Actor | None = None,
                  cues: Cues | None = None) -> Iterator[Measure]:
    """Measures funded by a monetary amount: "53 millioner kroner til <measure>".

    The measure is the phrase after "til"/"for å" that follows the amount in its clause; a named
    instrument inside it ("rekrutteringsprosjektet Menn i helse", "tiltak i Kompetanseløft 2025")
    gives the measure its name, so the same measure in two documents is one node. An amount with no
    phrase of its own (the total in "..., til en samlet bevilgning på 102 millioner kroner") funds
    the measure named earlier on the same line.
    """
    cues = cues or default_cues()
    text = document.text
    last: tuple[int, Measure] | None = None
    for amount in amounts:
        if not amount.is_money:
            continue
        line_start, _ = _line_bounds(text, amount.start)
        phrase = _measure_phrase(text, amount.end, cues)
        if phrase is None:
            if last is not None and last[0] == line_start:
                prev = last[1]
                yield replace(prev, funding=(amount,), quantities=())
            continue
        start, end = phrase
        label, key = _measure_name(text[start:end], cues)
        measure = Measure(document.id, start, end, text[start:end], label=label, key=key,
                          funding=(amount,), proposer=proposer)
        last = (line_start, measure)
        yield measure


def _measure_phrase(text: str, pos: int, cues: Cues) -> tuple[int, int] | None:
    rest = text[pos:pos + 400]
    skipped = 0
    while (m := _SKIP_AFTER_AMOUNT.match(rest[skipped:])) and m.end() > 0:
        skipped += m.end()
    purpose = _PURPOSE.match(rest[skipped:])
    if not purpose:
        return None
    begin = skipped + purpose.end()
    stop = _PHRASE_END.search(rest, begin)
    end = stop.start() if stop else len(rest)
    words = rest[begin:end].split()
    while words and words[0].lower() in cues.articles:
        begin = rest.index(words[0], begin) + len(words[0])
        words = words[1:]
    if not words:
        return None
    words = words[:12]
    begin = rest.index(words[0], begin)
    end = rest.index(words[-1], begin) + len(words[-1])
    return pos + begin, pos + end


def _measure_name(phrase: str, cues: Cues) -> tuple[str, str]:
    """Label and identity key of a measure phrase; a capitalised name inside it wins."""
    first = phrase.split()[0].lower()
    named = _NAMED.search(phrase)
    if named and (named.start("name") > 0 or len(phrase.split()) == len(named.group("name").split())):
        prefix = phrase[: named.start("name")].split()
        if not prefix or prefix[-1].lower() in {"i", "innenfor", "under"} or any(
            prefix[-1].lower().endswith(h) for h in cues.instrument_heads
        ):
            name = named.group("name").rstrip()
            name = re.sub(r"\s+(?:i|for|og|til|på)$", "", name)
            return name, slugify(name)
    del first
    return phrase, slugify(phrase)
