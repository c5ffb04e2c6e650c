"""Extraction: a processed spaCy ``Doc`` and its :class:`~helsekg.text.reading.Document` -> records.

Pure functions over the Doc; everything returned is a frozen record from :mod:`helsekg.extract.records`
with offsets into ``Document.text``. Facts inside non-body regions (metadata lines, captions, print
boilerplate) are skipped; the title counts as body.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, replace
from decimal import Decimal
from functools import lru_cache
from itertools import islice

from spacy.tokens import Doc, Span

from helsekg import resources
from helsekg.extract.actors import extract_actors, header_actors
from helsekg.extract.measures import find_measures
from helsekg.extract.measures.cues import default_cues as measure_cues
from helsekg.extract.measures.named import project_names
from helsekg.extract.recommendations import find_recommendations
from helsekg.extract.records import (
    Actor,
    Amount,
    DocumentInfo,
    Extraction,
    Goal,
    Measure,
    Recommendation,
    TargetGroup,
)
from helsekg.extract.themes import measure_themes
from helsekg.nlp import amounts as amountlib
from helsekg.nlp import extensions
from helsekg.nlp.amount_context import (
    allocating_intro,
    change_named,
    context_kind,
    default_lemmas,
    granted,
    has_cue,
    received,
    yearless_context,
)
from helsekg.text.document import Document, Region
from helsekg.text.header import dates_in
from helsekg.text.layout import BULLET_RE, line_bounds, lines_above

# A year stated for an amount in a list's introduction: "i budsjettet for 2021", "i 2020", "fra 2024".
CUES_FILE = "extraction_cues.json"
STATED_YEAR_RE = re.compile(
    r"\b(?:i|for|fra|frå|fra og med|frå og med)\s+(?:(?:[a-zæøå]+|\d{1,2}\.)\s+)?((?:19|20)\d\d)\b(?!\s*[-–]\s*\d)"
)


@dataclass(frozen=True)
class Cues:
    """Word lists that drive the rule-based extraction (``helsekg/data/extraction_cues.json``)."""

    budget_year_cues: tuple[str, ...]

    @classmethod
    def load(cls) -> "Cues":
        fields = cls.__dataclass_fields__
        return cls(**resources.cue_tuples(resources.load_data(CUES_FILE), fields, source=resources.data_path(CUES_FILE),
                                           what="extraction cues"))


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
        # a plan's period names its first budget year: "Handlings- og økonomiplan 2024 - 2027" is about 2024 first
        "budget_year_heading": re.compile(rf"\b(?:{years})\b[^\n.:]{{0,80}}?\b((?:19|20)\d\d)"
                                          rf"(?:\s*[-–]\s*(?:19|20)\d\d)?\s*:?\s*$",
                                          re.IGNORECASE | re.MULTILINE),
        "earlier_budget": re.compile(r"\b(?:vedtatt|vedteke|vedtekne|saldert|salderte|fjorårets|forrige|fra|frå)\s+\Z",
                                     re.IGNORECASE),
        # Prop. 1 S (2024–2025), St.prp. nr. 1 (2006–2007): the budget proposition for the second year of the session
        "proposition": re.compile(r"\b(?:Prop\.\s*1\s*S|St\.\s?prp\.\s*nr\.\s*1)\s*"
                                  r"\((?:19|20)\d\d\s*[–-]\s*((?:19|20)\d\d)\)"),
    }


def extract(doc: Doc, document: Document, *, cues: Cues | None = None) -> Extraction:
    """Extract every record helsekg knows from one processed document.

    Args:
        doc: the spaCy Doc of ``document.text`` (made by :func:`helsekg.nlp.pipeline.load`).
        document: the document as read by :func:`helsekg.text.reading.read_document`.
        cues: word lists; the shipped ones by default.

    Returns:
        An :class:`~helsekg.extract.records.Extraction` with actors, quotes, amounts, measures (with their
        funding, goals, target groups, programmes and themes), goals, target groups and
        recommendations.
    """
    cues = cues or default_cues()
    if extensions.doc_text(doc) != document.text:
        raise ValueError(f"{document.metadata.source}: the Doc was not made from this document's text")
    meta = document.metadata
    header = header_actors(document)
    publisher = next((a for a in header if a.text in (meta.publisher, meta.author) and a.kind == "organisation"), None)
    government = next((a for a in header if a.actor_type == "government"), None)
    found, quotes = extract_actors(doc, document)
    found = _without_members(_without_projects(found, document.text, doc), document.text)
    actors = header + found
    actors += [q.speaker for q in quotes if q.speaker is not None and q.speaker not in actors]
    amounts = tuple(find_amounts(doc, document, cues=cues, actors=actors))
    if government is None and publisher is not None and publisher.actor_type == "ministry":
        # a ministry's press release speaks for the government the text names ("Regjeringa styrkar ...")
        government = next((a for a in found if a.actor_type == "government"), None)
    findings = find_measures(doc, document, amounts=amounts, actors=actors, default_proposer=government or publisher)
    measures = tuple(
        replace(m, themes=measure_themes(m.label, document.text[slice(*line_bounds(document.text, m.start))]))
        for m in findings.measures
    )
    recommendations = find_recommendations(doc, document, actors=tuple(actors))
    measures, goals, targets = _without_proposals(measures, findings.goals, findings.target_groups, recommendations)
    actors += [r.by for r in recommendations if r.by is not None and r.by not in actors]
    info = DocumentInfo(
        doc_id=document.id,
        source=meta.source,
        language=meta.language,
        content_hash=meta.content_hash,
        title=meta.title,
        issued=meta.issued,
        publisher=publisher,
        kind=meta.kind,
        format=meta.format,
        headings=document.headings,
        page_starts=document.page_starts,
    )
    return Extraction(
        document=info,
        text=document.text,
        actors=tuple(actors),
        measures=measures,
        amounts=amounts,
        quotes=tuple(quotes),
        goals=goals,
        target_groups=targets,
        recommendations=recommendations,
    )


def _without_projects(actors: list[Actor], text: str, doc: Doc) -> list[Actor]:
    """The actors, less those inside a building project's name ("Nye Førde sjukehus" is a project, and "Førde
    sjukehus" inside it names no body here; :func:`~helsekg.extract.measures.named.project_names`) and those named by
    the plural of an instrument noun ("Helse- og sosialprosjekter", a grant page's title the tagger reads as a body;
    ``plural_instrument_words``)."""
    plurals = tuple(measure_cues().plural_instrument_words)
    actors = [a for a in actors if a.kind != "organisation" or not a.label.lower().endswith(plurals)]
    projects = project_names(text, measure_cues(), 0, len(text), doc=doc)
    if not projects:
        return actors
    return [a for a in actors if a.kind != "organisation" or not any(s <= a.start and a.end <= e for s, e in projects)]


#: "(innlegg fra) medlemmer av regjeringen": the members are meant, not the body (a Storting debate's procedure)
_MEMBERS_OF = re.compile(r"(?<![\w-])(?:medlem|medlemmer|medlemmene|medlemer|medlemene|medlemar|medlemane)\s+av\s+\Z",
                         re.IGNORECASE)


#: the title of an office ("Helse- og omsorgsminister" before the minister's name) names a person's role, no body
_OFFICE_TITLES = ("minister", "ministeren", "statsråd", "statsråden")
#: a committee named by its kind alone: a Storting recommendation's "Komiteen", which names no committee
_BARE_COMMITTEES = frozenset({"komiteen", "komitéen", "komiteens", "komitéens"})


def _without_members(actors: list[Actor], text: str) -> list[Actor]:
    """The actors, less the body mentions that name whose members are meant ("replikker med svar etter innlegg fra
    medlemmer av regjeringen") and a committee named by its kind alone ("Komiteen slutter seg til ..."): the real
    texts' annotators list no actor for them."""
    return [a for a in actors if a.kind != "organisation" or not (
        _MEMBERS_OF.search(text, max(0, a.start - 30), a.start) or a.label.casefold() in _BARE_COMMITTEES
        or a.label.casefold().endswith(_OFFICE_TITLES))]


def _without_proposals(measures: tuple[Measure, ...], goals: tuple[Goal, ...], targets: tuple[TargetGroup, ...],
                       recommendations: Sequence[Recommendation]) -> tuple[
        tuple[Measure, ...], tuple[Goal, ...], tuple[TargetGroup, ...]]:
    """Drop the unfunded measures that lie inside a recommendation, with the goals and groups only they had.

    A proposal ("Barneombudet ber Stortinget om å: • sikre lavterskel psykisk helsetilbud ...") is what an
    advisory body asks for, not a measure anyone decided; funded mentions stay (money makes it a measure).
    """
    spans = sorted((r.start, r.end) for r in recommendations)
    if not spans:
        return measures, goals, targets

    def inside(start: int, end: int) -> bool:
        i = bisect_right(spans, (start, float("inf"))) - 1
        return i >= 0 and spans[i][0] <= start and end <= spans[i][1]

    dropped = [m for m in measures if not m.funding and inside(m.start, m.end)]
    if not dropped:
        return measures, goals, targets
    dropped_ids = {id(m) for m in dropped}
    kept = tuple(m for m in measures if id(m) not in dropped_ids)
    kept_keys = {m.key for m in kept}
    dropped = [m for m in dropped if m.key not in kept_keys]  # another mention of it is a measure
    gone_goals = {id(g) for m in dropped for g in m.goals} - {id(g) for m in kept for g in m.goals}
    gone_targets = {id(t) for m in dropped for t in m.targets} - {id(t) for m in kept for t in m.targets}
    return (kept, tuple(g for g in goals if id(g) not in gone_goals),
            tuple(t for t in targets if id(t) not in gone_targets))


def find_amounts(doc: Doc, document: Document, *, cues: Cues | None = None,
                 actors: Sequence[Actor] = ()) -> list[Amount]:
    """Amount and quantity records from the ``helsekg_amounts`` spans, in body text only.

    A monetary amount without a year in its own clause takes, in this order: the year stated in the
    introduction of the list it stands in ("... i budsjettet for 2021, er følgende:"); the
    document's budget year ("Statsbudsjettet 2021", "Budsjett 2024", "budsjettet for 2025",
    "Prop. 1 S (2024–2025)", "tilskuddsrapporten for 2019", a grant title "Tilskot til
    folkehelsearbeid 2019"); when every year the document states for its money is the same year,
    that year, except for an amount "i år" when the text is dated ("har i år fått 850 000" beside "I 2017
    fekk ..."), which takes the publication year; the year the document was published, for an amount
    "for dette året" or in a grant text ("Fylkesmannen har tildelt 1,8 millionar kroner", a title "... i
    skjønsmidlar ...", a table row under a column "Fordeling i kroner") or for a sum
    the text itself grants or announces ("Vi deler ut nesten 19 millioner kroner") or a recipient gets ("Elverum får
    50 000 kroner til ..."), where a text with no
    publication date is dated by the one year its title names or its full dates agree on ("Søknadsfrist
    1. mars 2029"); else the one year the body states ("I 2014 startet ..."). No year is given to a yearly running cost,
    a multi-year frame (``ParsedAmount.year_scope == "none"``) or a cost, loan or investment frame
    (:func:`~helsekg.nlp.amount_context.yearless_context`) that does not state one.

    The kind of an amount its own clause leaves unspecified may come from the lemmas around it
    (:func:`~helsekg.nlp.amount_context.context_kind`: "Ordninga har eit budsjett på ..." Total), or from the
    introduction of its list: an item under "Styret vedtar at midlene ... fordeles på følgende måte:" is its post's
    whole sum, Total, unless it is nested under another item or names its recipient (one of ``actors``). An
    amount in the title that restates a body amount ("38 millioner til ..." over "gir 38,4 millioner
    kroner til ...") takes that amount's kind and year; a title amount still of unspecified kind is the whole sum
    the text is about, Total ("7,4 millioner til aktivitetstiltak ..."; 31 of the 35 title amounts of the real
    dev texts are Total, none Unspecified), unless it is a ceiling or a floor ("Inntil 300 000 kroner ..."). An
    amount of unspecified kind that is exactly the difference between a stated total and another amount of the
    document ("fondet på 175 millioner ... 70 millioner ... blir nå på til sammen 245 millioner") is an increase.
    """
    cues = cues or default_cues()
    parsed_amounts: list[amountlib.ParsedAmount] = [
        span._.amount for span in doc.spans[extensions.AMOUNTS_KEY]
        if document.is_body(span._.amount.start, span._.amount.end) and not _finite_verb_unit(span)
    ]
    stated = {a.fiscal_year for a in parsed_amounts if a.is_money and a.fiscal_year is not None}
    only_stated = next(iter(stated)) if len(stated) == 1 else None  # the one year the amounts state
    title = next((r for r in document.regions if r.kind == "title"), None)
    grant_title = title is not None and has_cue(doc, title.start, title.end, "grant_heads")
    doc_year = (_budget_year(document, cues) or (_title_year(document.text[title.start:title.end]) if grant_title
                                                 else None)
                or only_stated)
    issued = document.metadata.issued.year if document.metadata.issued else _dated_year(document, title)
    body_year = _single_body_year(document) if doc_year is None else None
    records = []
    read_around: set[int] = set()  # starts of the amounts whose kind only the words around them gave
    for parsed in parsed_amounts:
        year = parsed.fiscal_year
        kind = parsed.kind
        if parsed.is_money and kind is amountlib.AmountKind.UNSPECIFIED:
            kind = context_kind(doc, parsed.start, parsed.end) or kind
            if kind is amountlib.AmountKind.UNSPECIFIED and parsed.qualifier.value not in _NOT_WHOLE_QUALIFIERS:
                if _allocated_item(doc, document.text, parsed.start, actors):
                    kind = amountlib.AmountKind.TOTAL  # an item of "... fordeles på følgende måte:": its whole sum
                elif _budget_field(document.text, parsed.start):
                    kind = amountlib.AmountKind.TOTAL  # "Beløp: 4 millioner kr i 2021": a grant page's budget field
                else:  # "• 700 millioner kroner for å ...": the item's whole sum, or its introduction's change
                    kind = _funding_item(doc, document.text, parsed.start, parsed.end, actors) or kind
            if kind is not amountlib.AmountKind.UNSPECIFIED:
                read_around.add(parsed.start)
        if (year is None and parsed.is_money and parsed.year_scope != "none"
                and not yearless_context(doc, parsed.start, parsed.end)):
            year = _list_intro_year(document.text, parsed.start)
            if (year is None and parsed.year_scope == "current" and issued is not None and only_stated is not None
                    and doc_year == only_stated):
                year = issued  # "har i år fått tildelt 850 000" beside "I 2017 fekk ...": this year, not the other one
            year = year or doc_year
            if year is None and issued is not None and (
                    parsed.year_scope == "current" or grant_title
                    or has_cue(doc, *line_bounds(document.text, parsed.start), "grant_heads")
                    or _under_grant_column(doc, document.text, parsed.start)
                    or _under_grant_heading(doc, document, parsed.start)
                    or granted(doc, parsed.start, parsed.end) or received(doc, parsed.start, parsed.end)):
                year = issued
            year = year or body_year
        records.append(Amount(
            document.id, parsed.start, parsed.end, parsed.text,
            value=parsed.value,
            is_money=parsed.is_money,
            qualifier=parsed.qualifier.value,
            kind=kind.value if parsed.is_money else amountlib.AmountKind.UNSPECIFIED.value,
            currency=parsed.currency,
            unit=parsed.unit,
            fiscal_year=year,
            value_max=parsed.value_max,
        ))
    if title is not None:
        records = _title_restatements(records, title.end)
    records = _respective_years(document.text, records)
    records = _levels_after_changes(document.text, records)
    return _increases_by_difference(records, read_around)


def _finite_verb_unit(span: Span) -> bool:
    """A count whose "unit" the tagger reads as a finite verb: "45 søkte om midlar", "40 døde", "12 gjennomfører
    kurset" count people who did something, and name no unit; the string rules cannot tell the verb from a noun
    without the tagger (session 23)."""
    amount = span._.amount
    if amount.is_money or not amount.unit or not extensions.annotated(span.doc, "MORPH"):
        return False
    first = amount.unit.split()[0].lower()
    token = next((t for t in span if t.lower_ == first), None)
    if token is None or token.pos_ not in ("VERB", "AUX") or "Fin" not in token.morph.get("VerbForm"):
        return False
    from helsekg.nlp.lemmas import load_table

    table = load_table()  # a noun the tagger misread ("trygdebustader"): the dictionary knows it, or its last part
    return not table.ends_in_noun(first)


_RESPECTIVELY = re.compile(r"(?i)(?<!\w)(?:henholdsvis|høvesvis|respektive|hhv\.?)(?!\w)")
_YEAR_LIST = re.compile(r"(?<![\w.])((?:19|20)\d\d(?:\s*,\s*(?:19|20)\d\d)*\s+(?:og|and)\s+(?:19|20)\d\d)(?!\w|[.,]\d)")
_SENTENCE_END = re.compile(r"[.!?](?=\s+[A-ZÆØÅ\d])|\n\s*\n")


def _respective_years(text: str, amounts: list[Amount]) -> list[Amount]:
    """ "i årene 2025, 2026 og 2027 ... henholdsvis 118, 190 og 280 tusen kroner", "henholdsvis 10 og 15 millioner
    kroner i 2024 og 2025": the amounts after "henholdsvis"/"høvesvis" take the years of an equally long list of
    years in their sentence or the one before, in order."""
    out = list(amounts)
    for cue in _RESPECTIVELY.finditer(text):
        stop = _SENTENCE_END.search(text, cue.end())
        end = stop.start() if stop else len(text)
        listed = [i for i, a in enumerate(out) if a.is_money and cue.end() <= a.start < end]
        if len(listed) < 2:
            continue
        ends = [m.end() for m in _SENTENCE_END.finditer(text, 0, cue.start())]
        begin = ends[-2] if len(ends) > 1 else 0  # the sentence before and this one
        lists = [re.findall(r"(?:19|20)\d\d", m.group(1)) for m in _YEAR_LIST.finditer(text, begin, end)]
        years = next((ys for ys in lists if len(ys) == len(listed)), None)
        if years is None:
            continue
        for i, year in zip(listed, years, strict=True):
            out[i] = replace(out[i], fiscal_year=int(year))
    return out


def _under_grant_column(doc: Doc, text: str, pos: int) -> bool:
    """``pos`` stands in a row of a table (tab-separated lines) whose first line, the column headings, speaks of a
    grant or allocation ("Kommune\tFordeling i kroner", "Tiltak\tTilskudd")."""
    start, end = line_bounds(text, pos)
    if "\t" not in text[start:end]:
        return False
    head = (start, end)
    for above in lines_above(text, start):
        if "\t" not in text[above[0]:above[1]]:
            break
        head = above
    return head != (start, end) and has_cue(doc, *head, "grant_heads")


def _under_grant_heading(doc: Doc, document: Document, pos: int) -> bool:
    """True when the body heading over ``pos`` speaks of a grant or allocation ("Tildeling til prosjekt")."""
    heading = document.heading_at(pos)
    return heading is not None and heading.start > 0 and has_cue(doc, heading.start, heading.end, "grant_heads")


def _significant(value: Decimal, digits: int) -> Decimal:
    """``value`` rounded to ``digits`` significant digits."""
    if not value:
        return value
    return value.scaleb(-value.adjusted()).quantize(Decimal(1).scaleb(1 - digits)).scaleb(value.adjusted())


#: a ceiling or a floor is no whole sum, in a title as anywhere ("inntil 14 millionar")
_NOT_WHOLE_QUALIFIERS = frozenset({"UpTo", "AtLeast"})


def _title_restatements(amounts: list[Amount], title_end: int) -> list[Amount]:
    """A title amount that restates a body amount takes its kind (when its own is unspecified) and year.

    The body amount is the first with the same value, else the first the title's value rounds
    ("38 millioner til barn og unge" restates "38,4 millioner kroner til Program for ..."). When only the title states
    the year ("738 millioner kroner til investeringer i 2016" over "... har vedtatt 738 millioner kroner til
    investeringer"), both are money for that year.
    """
    body = [a for a in amounts if a.is_money and a.start >= title_end]
    result = []
    dated: dict[int, int] = {}  # start of a body amount -> the year its title restatement states
    for amount in amounts:
        if amount.is_money and amount.end <= title_end and body:
            digits = max(2, len(str(amount.value.normalize()).split("E")[0].rstrip("0").replace(".", "")))
            match = next((b for b in body if b.value == amount.value), None) or next(
                (b for b in body if _significant(b.value, digits) == amount.value), None)
            if match is not None:
                kind = match.kind if amount.kind == "Unspecified" else amount.kind
                if match.fiscal_year is None and amount.fiscal_year is not None:
                    dated[match.start] = amount.fiscal_year
                amount = replace(amount, kind=kind, fiscal_year=match.fiscal_year or amount.fiscal_year)
        if (amount.is_money and amount.end <= title_end and amount.kind == "Unspecified"
                and amount.qualifier not in _NOT_WHOLE_QUALIFIERS):
            amount = replace(amount, kind="Total")
        result.append(amount)
    return [replace(a, fiscal_year=dated[a.start]) if a.start in dated and a.end > title_end else a for a in result]


_BODY_YEAR_RE = re.compile(
    r"(?<![\w.])(?:i|for)\s+((?:19|20)\d\d)\b(?!\s*(?:[-–/]|til|og)\s*\d)",
    re.IGNORECASE)
#: a year closing a heading-like line (no sentence end on it): "Disse får midler 2023", "Tildeling 2021"
_HEADING_YEAR_RE = re.compile(r"(?m)^[^\S\n]*[^\W\d][^\n.!?:]{2,100}?[^\S\n]((?:19|20)\d\d)[^\S\n]*$")
_TITLE_YEAR_RE = re.compile(r"(?<![\w.\-–/])((?:19|20)\d\d)(?![\w\-–/]|\s*[-–]\s*\d)")


def _title_year(title: str) -> int | None:
    """The one year a grant title names outside a range ("Tilskot til folkehelsearbeid i kommunane 2019")."""
    years = set(_TITLE_YEAR_RE.findall(title))
    return int(years.pop()) if len(years) == 1 else None


def _dated_year(document: Document, title: Region | None) -> int | None:
    """The year of a document no header dates: the one year its title names, else the one year of the dates in it.

    "Tilskot til folkehelsearbeid 2019" is dated 2019; so is a text whose only full dates are "Søknadsfrist
    15. mars 2019" and "Møte 02.04.2019". Years of a range ("2022–2033") do not date a title.
    """
    if title is not None and (year := _title_year(document.text[title.start:title.end])) is not None:
        return year
    years = {date.year for date in dates_in(document.text)}
    return years.pop() if len(years) == 1 else None


def _single_body_year(document: Document) -> int | None:
    """The year the body names, when it names one only ("I 2014 startet et prosjekt ...", a heading "Prosjekta som
    får forskingsmidlar 2021" over the list of grants)."""
    text = document.text
    years = {int(m.group(1)) for rx in (_BODY_YEAR_RE, _HEADING_YEAR_RE) for m in rx.finditer(text)
             if document.is_body(m.start(), m.end())}
    return years.pop() if len(years) == 1 else None


#: between a change and the level it reaches: "økes med 20 millioner kroner(,) til 120 millioner kroner"
_TO_LEVEL = re.compile(r"[ \t\u00a0]*,?[ \t\u00a0]*(?:til|opp til|ned til)[ \t\u00a0]+\Z", re.IGNORECASE)


def _levels_after_changes(text: str, amounts: list[Amount]) -> list[Amount]:
    """ "økes med 20 millioner kroner til 120 millioner kroner": the sum after an increase or a reduction and "til" is
    the level the appropriation reaches, its whole: Total (the real dev gold reads it so)."""
    out = list(amounts)
    money = [i for i, a in enumerate(out) if a.is_money]
    for before, after in zip(money, money[1:]):
        change, level = out[before], out[after]
        if (change.kind in ("Increase", "Reduction") and level.kind == "Unspecified" and level.qualifier == "Exact"
                and _TO_LEVEL.match(text[change.end:level.start])):
            out[after] = replace(level, kind="Total")
    return out


def _increases_by_difference(amounts: list[Amount], read_around: set[int] = frozenset()) -> list[Amount]:
    """Mark as increases the unspecified amounts that bridge an earlier year's amount and a stated total.

    Both must precede the total, and the base must belong to an earlier fiscal year than the total
    (the fund of 2023 plus this year's amount is this year's total); otherwise the roles are unclear.
    An amount whose kind came only from the words around it (``read_around``, its start: "foreslår å
    bevilge 70 millioner" reads as a whole sum) is an increase too when it bridges.
    """
    money = [a for a in amounts if a.is_money and a.qualifier == "Exact"]
    money_ids = {id(a) for a in money}
    totals = sorted((t for t in money if t.kind == "Total" and t.fiscal_year is not None), key=lambda t: t.start)
    total_starts = [t.start for t in totals]
    by_value: dict[Decimal, list[Amount]] = defaultdict(list)  # the bases, by value: no scan over all pairs
    for base in money:
        if base.fiscal_year is not None:
            by_value[base.value].append(base)

    def bridges(amount: Amount) -> bool:
        for total in totals[bisect_right(total_starts, amount.start):]:  # totals after the amount
            if amount.fiscal_year not in (None, total.fiscal_year):
                continue
            for base in by_value.get(total.value - amount.value, ()):
                if (base is not amount and base is not total and base.start < total.start
                        and base.fiscal_year < total.fiscal_year):
                    return True
        return False

    result = []
    for amount in amounts:
        if (id(amount) in money_ids and (amount.kind == "Unspecified" or amount.start in read_around)
                and bridges(amount)):
            amount = replace(amount, kind="Increase")
        result.append(amount)
    return result


def _list_intro_year(text: str, pos: int) -> int | None:
    """The year stated in the introduction of the bullet list holding ``pos``, if any."""
    start, end = line_bounds(text, pos)
    if not BULLET_RE.match(text[start:end]):
        return None
    intro = _intro_line(text, start)
    years = STATED_YEAR_RE.findall(text[intro[0]:intro[1]]) if intro else []
    return int(years[-1]) if years else None


def _intro_line(text: str, pos: int, limit: int | None = None) -> tuple[int, int] | None:
    """The nearest line above the one holding ``pos`` that is neither blank nor a bullet (a list's introduction),
    looking at most ``limit`` lines up (no limit when None)."""
    return next(((s, e) for s, e in islice(lines_above(text, pos), limit)
                 if text[s:e].strip() and not BULLET_RE.match(text[s:e])), None)


#: the longest list item line whose sum a list's introduction can hand out
_ITEM_MAX_CHARS = 200
#: how many lines above an item its list's introduction may stand
_ITEM_MAX_LINES = 40
#: A line that opens with a field's label and its colon, up to the amount: "• Beløp: ", "Ramme : kr ", "Løyving: ca. "
_FIELD = re.compile(r"[\s•·▪*–-]*([^\W\d_]+)\s*:\s*(?:kr\.?\s*|NOK\s*)?(?:(?:ca|cirka)\.?\s*|om\s+lag\s*)?")


def _budget_field(text: str, pos: int) -> bool:
    """The amount at ``pos`` is the value of a field that names a scheme's budget ("Beløp: 4 millioner kr i 2021",
    "• Ramme : 45 mill kroner"; the labels are ``field_labels`` of the amount lexicon's ``context_lemmas``): the
    whole sum the page's scheme has, Total."""
    line = text[text.rfind("\n", 0, pos) + 1:pos]
    m = _FIELD.fullmatch(line)
    return m is not None and m.group(1).lower() in default_lemmas().field_labels


def _allocated_item(doc: Doc, text: str, pos: int, actors: Sequence[Actor]) -> bool:
    """``pos`` stands in an item of a list whose introduction hands a sum out (:func:`allocating_intro`): the
    nearest line above ending in ":", with only items between (bullets, which blank lines may separate, or
    short lines: "Bygg 45 mill kr" under "Styret vedtar at midlene ... fordeles på følgende måte:").

    Not an item that names a recipient (an actor: "2 mill. Frelsesarmeen" is what the recipient gets) nor one
    nested under another item (a part of that item's sum)."""
    start, end = line_bounds(text, pos)
    item = text[start:end]
    bulleted = BULLET_RE.match(item) is not None
    if (end - start > _ITEM_MAX_CHARS or item.rstrip().endswith(":")
            or any(start <= a.start and a.end <= end for a in actors)):
        return False
    indent = len(item) - len(item.lstrip())
    for start, end in islice(lines_above(text, start), _ITEM_MAX_LINES):
        line = text[start:end]
        if line.rstrip().endswith(":"):
            return allocating_intro(doc, start, end)
        if not line.strip():
            if not bulleted:
                return False
        elif (end - start > _ITEM_MAX_CHARS or bulleted and not BULLET_RE.match(line)
              or len(line) - len(line.lstrip()) < indent):
            return False
    return False


#: what a funding item says after its opening amount: what the sum is for ("• 5 mill. kroner til ...", "for å ..."),
#: maybe after when ("20 millioner kroner i 2020 til ...", "53 millioner kroner fra september 2020 for å ...")
_FUNDS_AFTER = re.compile(r"(?:[ \t\u00a0]+(?:i|fra|frå)(?:[ \t\u00a0]+[a-zæøå]+)?[ \t\u00a0]+(?:19|20)\d\d)?"
                          r"[ \t\u00a0]*(?:til|for)(?!\w)\s*", re.IGNORECASE)  # and the spaces after it


def _funding_item(doc: Doc, text: str, start: int, end: int, actors: Sequence[Actor]) -> amountlib.AmountKind | None:
    """The kind of an amount that opens a bulleted item and says what it is for ("• 700 millioner kroner for å
    sikre ...", "• 1 mill. kr til inkubatorstøtteprosjekter"): the change its list's introduction names when it
    names one ("... økning i basisbevilgningen for 2007 på:" Increase; a change noun, or a change verb followed by
    "med"), else the item's whole sum, Total, unless its recipient follows (an actor: "• 2 mill. kroner til
    Frelsesarmeen" is what the recipient gets)."""
    line_start, line_end = line_bounds(text, start)
    bullet = BULLET_RE.match(text[line_start:line_end])
    funds = _FUNDS_AFTER.match(text, end, line_end)
    if bullet is None or text[line_start + bullet.end():start].strip() or funds is None:
        return None
    intro = _intro_line(text, line_start, _ITEM_MAX_LINES)
    if intro is None:
        return None
    change = change_named(doc, *intro)
    if change is not None:
        return change
    if any(a.start == funds.end() for a in actors):
        return None
    return amountlib.AmountKind.TOTAL


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
