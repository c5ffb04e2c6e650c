"""The one per-document context every measure strategy reads: sentences, paragraphs, sections and lists.

:func:`build_context` reads the document once through the shared line layout
(:func:`helsekg.text.layout.split_lines`, :data:`~helsekg.text.layout.BULLET_RE`): body lines (the title
included) are split into :class:`Sentence` objects that know their paragraph (a list item is a paragraph
of its own), their section (a heading line starts one) and their list item; every bullet list keeps its
introduction line. The result, :class:`MeasureContext`, is frozen: strategies read it and never change it.

The rules work on the text alone (a blank pipeline is enough); given the Doc (``doc``), a few restraint
rules also read its lemmas, part-of-speech tags and entities.

>>> from helsekg.text import document_from_text
>>> text = "Tiltak\\n\\nRegjeringen foreslår følgende:\\n• Et nytt fond. Fondet skal styrke rekrutteringen.\\n• Ordninga Bu trygt heime\\n"
>>> context = build_context(document_from_text(text, source="x.txt"))
>>> [(text[s.start:s.end], s.para, s.list_id, s.bullet) for s in context.sentences if not s.is_title]
[('Regjeringen foreslår følgende:', 2, None, None), ('Et nytt fond.', 3, 0, 0), ('Fondet skal styrke rekrutteringen.', 3, 0, 0), ('Ordninga Bu trygt heime', 4, 0, 1)]
>>> text[slice(*context.lists[0].intro)]
'Regjeringen foreslår følgende:'
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from spacy.tokens import Doc

from helsekg.extract.measures.cues import MeasureCues, Patterns, compiled, default_cues
from helsekg.extract.measures.phrases import head_of, same_head, stem
from helsekg.extract.records import Actor, Amount
from helsekg.nlp.extensions import annotated
from helsekg.text.document import Document
from helsekg.text.layout import BULLET_RE, UNAMBIGUOUS_BULLET_RE, split_lines

__all__ = ["REFERENCE_REACH", "BulletList", "Heading", "MeasureContext", "Sentence", "build_context", "split_sentences"]

#: How many paragraphs back a reference ("Ordningen skal bidra til ...") or a proposer may be found.
REFERENCE_REACH = 3
#: Parts of speech a noun is never mistaken for (:meth:`MeasureContext.antecedent`).
_NOT_NOUNS = frozenset({"ADP", "AUX", "CCONJ", "DET", "NUM", "PART", "PRON", "PUNCT", "SCONJ", "SPACE", "SYM"})


#: "frå"/"fra" before a body's name: where the money comes from (:meth:`MeasureContext.source_start`).
_FROM = re.compile(r"(?i)\s(?:fra|frå)\s+")


@dataclass(frozen=True, slots=True)
class Sentence:
    """One sentence of the body; a list item's sentences carry its list and item index."""

    start: int
    end: int
    para: int  # paragraph (a bullet is a paragraph of its own)
    section: int  # counts headings
    bullet: int | None = None  # index of the item in its list
    list_id: int | None = None
    is_title: bool = False


@dataclass(frozen=True, slots=True)
class BulletList:
    """A run of list items and the line before them (the introduction, when there is one)."""

    intro: tuple[int, int] | None
    bullets: tuple[tuple[int, int], ...]
    #: for a table whose last cell is money ("Felles barnevernprosjekt    250 000"): where each row's cell starts
    cells: tuple[int, ...] = ()
    #: the subheading the items stand under when the introduction is further up ("Desse prosjekta får støtte:",
    #: then "Helse Bergen" over its items, "Helse Fonna" over the next list): the line, or None
    group: tuple[int, int] | None = None

    @property
    def table(self) -> bool:
        return bool(self.cells)


@dataclass(frozen=True, slots=True)
class Heading:
    """A heading line (a short line on its own) and the section it opens."""

    start: int
    end: int
    section: int


#: prepositions after a phrase's head: a group after one is whom the head is for
_GROUP_PREPOSITIONS = frozenset({"for", "til", "med", "i", "av", "mot", "på", "innen", "innan", "blant"})


@dataclass(frozen=True)
class MeasureContext:
    """Everything a strategy may read about one document, computed once (see :func:`build_context`)."""

    doc_id: str
    text: str
    cues: MeasureCues
    rx: Patterns
    sentences: tuple[Sentence, ...]
    lists: tuple[BulletList, ...]
    headings: tuple[Heading, ...]
    #: The document's amounts, in text order.
    amounts: tuple[Amount, ...] = ()
    #: The document's actors, in text order.
    actors: tuple[Actor, ...] = ()
    #: Who is credited when no actor in the text proposes, funds or runs a measure.
    default_proposer: Actor | None = None
    #: The spaCy Doc of ``text`` when the caller has one (lemmas, parse, entities); None: text rules only.
    doc: Doc | None = field(default=None, repr=False, compare=False)
    #: Sentence starts, and whether the sentences are in order and apart (they are: one line layout),
    #: so :meth:`sentence_of` can bisect.
    starts: tuple[int, ...] = field(init=False, repr=False, compare=False)
    ordered: bool = field(init=False, repr=False, compare=False)
    #: The actors' and the amounts' starts, when they are in text order, so :meth:`actors_in` and :meth:`amounts_in`
    #: can bisect; else None.
    actor_starts: tuple[int, ...] | None = field(init=False, repr=False, compare=False)
    amount_starts: tuple[int, ...] | None = field(init=False, repr=False, compare=False)
    #: The sentences of each list item, by (list, item), for :meth:`item_sentences`.
    items: dict[tuple[int, int], tuple[int, ...]] = field(init=False, repr=False, compare=False)
    #: What a strategy read once for the whole document and asks again per mention (see :meth:`once`).
    memo: dict[str, Any] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "memo", {})
        object.__setattr__(self, "starts", tuple(s.start for s in self.sentences))
        object.__setattr__(self, "ordered", all(a.end <= b.start for a, b in zip(self.sentences, self.sentences[1:])))
        object.__setattr__(self, "actor_starts", _ordered_starts(self.actors))
        object.__setattr__(self, "amount_starts", _ordered_starts(self.amounts))
        items: dict[tuple[int, int], list[int]] = {}
        for i, s in enumerate(self.sentences):
            if s.list_id is not None and s.bullet is not None:
                items.setdefault((s.list_id, s.bullet), []).append(i)
        object.__setattr__(self, "items", {key: tuple(found) for key, found in items.items()})

    def once(self, key: str, compute: Callable[[], Any]) -> Any:
        """``compute()`` the first time ``key`` is asked for this document, the remembered value after."""
        if key not in self.memo:
            self.memo[key] = compute()
        return self.memo[key]

    def actors_in(self, start: int, end: int) -> list[Actor]:
        """The actors that start in ``[start, end)``, in the order of :attr:`actors` (issue 18: asked per sentence)."""
        return _starting_in(self.actors, self.actor_starts, start, end)

    def source_start(self, start: int, end: int) -> int | None:
        """Where " frå/fra <actor>" starts in ``text[start:end]``: who the money comes from, which ends a measure's
        name ("søkbare regionale forskingsmiddel frå Helse Midt-Noreg til ..."); None when no actor follows."""
        return next((m.start() for m in _FROM.finditer(self.text, start, end)
                     if any(a.start == m.end() for a in self.actors_in(m.end(), end))), None)

    def amounts_in(self, start: int, end: int) -> list[Amount]:
        """The amounts that start in ``[start, end)``, in the order of :attr:`amounts` (asked per list item)."""
        return _starting_in(self.amounts, self.amount_starts, start, end)

    def every_item_funded(self, lst: BulletList) -> bool:
        """Every item of the list (two at least) holds a monetary amount: a budget's lines ("De ulike
        virksomhetsområdene er:" / "• Helse og mestring – 1,1 milliarder"), whatever its introduction calls them."""
        return len(lst.bullets) >= 2 and all(any(a.is_money for a in self.amounts_in(start, end))
                                             for start, end in lst.bullets)

    def sentence_of(self, pos: int) -> int | None:
        """Index of the sentence holding ``pos``, or None between sentences."""
        if self.ordered:
            i = bisect_right(self.starts, pos) - 1
            return i if i >= 0 and pos < self.sentences[i].end else None
        for i, s in enumerate(self.sentences):
            if s.start <= pos < s.end:
                return i
        return None

    def paragraph_under(self, heading: Heading) -> bool:
        """A sentence follows ``heading`` in its section: the heading presents what the text under it describes, no
        menu or list of links."""
        index = self.sentence_of(heading.start)
        if index is None:
            return False
        if self.ordered:
            k = bisect_left(self.starts, heading.end)
            after = self.sentences[k] if k < len(self.sentences) else None
        else:
            after = next((s for s in self.sentences if s.start >= heading.end), None)
        return after is not None and after.section == self.sentences[index].section

    def item_sentences(self, list_id: int, bullet: int) -> list[int]:
        """Indexes of the sentences of one list item (issue 18: a scan of every sentence per item made a long table
        quadratic)."""
        return list(self.items.get((list_id, bullet), ()))

    def clause_start(self, pos: int, index: int) -> int:
        """Start of the clause of sentence ``index`` that holds ``pos`` (after a ";" or " – ")."""
        s = self.sentences[index]
        before = self.text[s.start:pos]
        cut = max(before.rfind(";"), before.rfind(" – "), -1)
        return s.start + cut + 1 if cut >= 0 else s.start

    def is_definite(self, word: str) -> bool:
        """A definite reference to a measure: "Ordningen", "fondet", "tilskotsordninga"."""
        low = word.lower()
        return bool(self.rx.anaphor.match(low)) or (
            bool(self.rx.instrument_word.match(low)) and bool(self.rx.definite_ending.search(low))
        )

    def is_group(self, words: str) -> bool:
        """The phrase ends in a group noun ("kommunene", "frivillige lag og organisasjonar") or, when a preposition
        follows its head, its head is one ("barn og unge i Trøndelag"): a group after the head's preposition names whom
        the head is for ("prosjektet for hjemmeboende eldre" is a project)."""
        split = words.split()
        if any(w.lower() in _GROUP_PREPOSITIONS for w in split[1:]):
            return bool(self.rx.group_noun.match(head_of(words, self.rx)))
        return bool(split) and bool(self.rx.group_noun.match(split[-1]))

    def starts_actor(self, pos: int) -> bool:
        """An actor mention covers ``pos``."""
        return any(a.start <= pos < a.end for a in self.actors)

    def antecedent(self, start: int, end: int) -> tuple[int, int] | None:
        """The noun phrase a bare definite noun ("Senteret kostar ...") takes up when it names no earlier measure: the
        last noun before it, at most :data:`REFERENCE_REACH` paragraphs back, with its head ("senter" in
        "lokalmedisinske senter", "helsesenter"), and the adjectives and names right before that noun ("... ein del
        av Øygarden lokalmedisinske senter. Senteret ..." -> "Øygarden lokalmedisinske senter"). None without a
        parse, or when that noun stands bare too (nothing more is known of it)."""
        doc = self.doc
        if doc is None or not annotated(doc, "LEMMA") or not annotated(doc, "POS"):
            return None
        span = doc.char_span(start, end)
        index = self.sentence_of(start)
        if span is None or len(span) != 1 or index is None:
            return None
        head = stem(span[0].text, self.rx)  # from the word: a capitalised opening word keeps its form as lemma
        para = self.sentences[index].para
        first = next((s.start for s in self.sentences if s.para >= para - REFERENCE_REACH), start)
        for token in reversed(doc[:span.start]):
            if token.idx < first:
                return None
            # the noun by its lemma, or by its form when the tagger took it for something else ("dagsenter" as a verb)
            if not ((token.pos_ in ("NOUN", "PROPN") and same_head(token.lemma_.lower(), head, self.rx))
                    or (token.pos_ not in _NOT_NOUNS and same_head(token.lower_, head, self.rx))):
                continue
            left = token.i
            while (left > 0 and doc[left - 1].pos_ in ("ADJ", "PROPN") and doc[left - 1].idx >= first
                   and not doc[left - 1].is_sent_end):
                left -= 1
            if left == token.i and stem(token.text, self.rx) == head:
                return None  # "senteret" again: the reference has nothing more to take up
            return doc[left].idx, token.idx + len(token)
        return None

    def after_origin(self, pos: int) -> bool:
        """An origin cue ("videreføres fra") ends right before ``pos``: the name there is where items come from."""
        return bool(self.rx.programme_origin.search(self.text[max(0, pos - 40):pos]))

    def named_elsewhere(self, pos: int, sentence_start: int, end: int | None = None) -> bool:
        """The name at ``pos`` (ending at ``end``, when known) is no mention of a measure of this text: where items
        come from (:meth:`after_origin`), what the text serves (:meth:`framed`) or the basis of its work ("...
        sjukehusplan 2020-2023 ligg til grunn for ...")."""
        return (self.after_origin(pos) or self.framed(pos, sentence_start)
                or end is not None and self.rx.basis.match(self.text, end) is not None)

    def framed(self, pos: int, sentence_start: int) -> bool:
        """The name at ``pos`` is what the text serves or follows, not a measure of its own: a frame cue ends right
        before it, or before the list of names it ends ("Tilskotet skal støtte opp under måla i
        samhandlingsreforma og NCD-strategien", "i tråd med Opptrappingsplanen for rusfeltet")."""
        return bool(self.rx.frame.search(self.text, max(sentence_start, pos - 160), pos))


def _ordered_starts(records: Sequence[Actor] | Sequence[Amount]) -> tuple[int, ...] | None:
    """The records' starts when they are in text order (so they can be bisected), else None."""
    starts = tuple(r.start for r in records)
    return starts if all(a <= b for a, b in zip(starts, starts[1:])) else None


def _starting_in(records: Sequence, starts: tuple[int, ...] | None, start: int, end: int) -> list:
    """The records that start in ``[start, end)``, in their order: bisected when ``starts`` is given."""
    if starts is None:
        return [r for r in records if start <= r.start < end]
    return list(records[bisect_left(starts, start):bisect_left(starts, end)])


def build_context(document: Document, *, amounts: Sequence[Amount] = (), actors: Sequence[Actor] = (),
                  default_proposer: Actor | None = None, cues: MeasureCues | None = None,
                  doc: Doc | None = None) -> MeasureContext:
    """Split the body (title included) into sentences, paragraphs, sections and bullet lists, once.

    ``default_proposer`` is the proposer the document's header names (its government or publisher), if any;
    :func:`~helsekg.extract.measures.proposers.read_proposers` completes it from the text.
    """
    cues = cues or default_cues()
    rx = compiled(cues)
    text = document.text
    lines = [
        (line.content_start, line.content_end)
        if not line.is_blank and document.is_body(line.content_start, line.content_end)
        else (-1, -1)
        for line in split_lines(text)
    ]
    title = next((r for r in document.regions if r.kind == "title"), None)

    rows = _table_rows(text, lines, amounts)
    sentences: list[Sentence] = []
    lists: list[tuple[tuple[int, int] | None, list[tuple[int, int]]]] = []
    groups: dict[int, tuple[int, int]] = {}  # list index -> its subheading under a shared introduction
    colon_intro: tuple[int, int] | None = None  # the last line ending in a colon, while only lists and
    # subheadings follow it
    cells: dict[int, list[int]] = {}  # list index -> the money cells of its rows, for the table lists
    headings: list[Heading] = []
    para, section = 0, 0
    previous_blank = True
    current_list: list[tuple[int, int]] | None = None
    last_line: tuple[int, int] | None = None
    skip_to = -1
    for index, (start, end) in enumerate(lines):
        if index <= skip_to:
            continue
        if start < 0:
            previous_blank = True
            continue
        if index in rows:  # a table row (its label may wrap over the lines above the money cell)
            last, cell = rows[index]
            if current_list is None or len(lists) - 1 not in cells:
                current_list = []
                lists.append((last_line, current_list))
                cells[len(lists) - 1] = []
            end = lines[last][1]
            current_list.append((start, end))
            cells[len(lists) - 1].append(cell)
            para += 1
            for s, e in split_sentences(text, start, end, cues):
                sentences.append(Sentence(s, e, para, section, bullet=len(current_list) - 1, list_id=len(lists) - 1))
            previous_blank = False
            last_line = (start, end)
            skip_to = last
            continue
        line = text[start:end]
        is_title = title is not None and title.start <= start < title.end
        bullet = BULLET_RE.match(line)
        is_bullet = bool(bullet) and (
            bool(UNAMBIGUOUS_BULLET_RE.match(line))
            or current_list is not None
            or (last_line is not None and text[last_line[0]:last_line[1]].rstrip().endswith(":"))
        )
        next_blank = index + 1 >= len(lines) or lines[index + 1][0] < 0
        if is_bullet:
            if current_list is None or len(lists) - 1 in cells:
                current_list = []
                intro = last_line
                if (colon_intro is not None and last_line is not None and last_line != colon_intro
                        and _subheading(text[last_line[0]:last_line[1]])):
                    intro = colon_intro
                    groups[len(lists)] = last_line
                lists.append((intro, current_list))
            current_list.append((start, end))
            para += 1
            body_start = start + bullet.end()
            for s, e in split_sentences(text, body_start, end, cues):
                sentences.append(Sentence(s, e, para, section, bullet=len(current_list) - 1, list_id=len(lists) - 1))
            previous_blank = False
            last_line = (start, end)
            continue
        current_list = None
        if line.rstrip().endswith(":"):
            colon_intro = (start, end)
        elif not (previous_blank and _subheading(line)):
            colon_intro = None
        if previous_blank:
            para += 1
        if (not is_title and previous_blank and next_blank and len(line.split()) <= 12
                and not _closed(line, cues)):
            section += 1
            headings.append(Heading(start, end, section))
        for s, e in split_sentences(text, start, end, cues):
            sentences.append(Sentence(s, e, para, section, is_title=is_title))
        previous_blank = False
        last_line = (start, end)

    return MeasureContext(
        doc_id=document.id,
        text=text,
        cues=cues,
        rx=rx,
        sentences=tuple(sentences),
        lists=tuple(BulletList(intro, tuple(bullets), tuple(cells.get(i, ())), groups.get(i))
                    for i, (intro, bullets) in enumerate(lists)),
        headings=tuple(headings),
        amounts=tuple(sorted(amounts, key=lambda a: a.start)),
        actors=tuple(sorted(actors, key=lambda a: a.start)),
        default_proposer=default_proposer,
        doc=doc,
    )


_CELL_GAP = re.compile(r"[^\W\d_)\]]\S*(?:[ \u00a0]{2,}|\t+|:[ \t]*)\Z"
                       # a code cell before an empty name cell: "1119\t\t2 600 000" (a municipality number, no name)
                       r"|(?<![^\n\t])\d{2,4}\t{2,}\Z")


def _table_rows(text: str, lines: Sequence[tuple[int, int]], amounts: Sequence[Amount]) -> dict[int, tuple[int, int]]:
    """The table rows of the body: first line index -> (index of the line holding the row's money cell, the
    cell's start offset).

    A row ends in a monetary amount after a gap (two spaces, a tab, a colon) that closes its line; a label
    that wraps ("Pilotprosjekt for observasjonssenger som alternativ" / "til innlegging på sjukehus   520 000")
    starts at the last line above that opens with a capital. Only runs of two or more rows make a table.
    """
    by_end = {a.end: a for a in amounts if a.is_money}
    money_starts = sorted(a.start for a in amounts if a.is_money)
    cells: list[tuple[int, int]] = []
    for index, (start, end) in enumerate(lines):
        amount = by_end.get(end) if start >= 0 else None
        if amount is None and start >= 0 and "\t" in text[start:end]:
            cell = _tab_row_cell(text, start, end, money_starts)
            if cell is not None:
                cells.append((index, cell))
            continue
        # a bulleted line ending in money after a gap is a row too (" • Tannhelse: 2 000 000"): read as a plain list
        # item instead, test funding fell from 0.452 to 0.434 (session 20; the check meant to skip it never matched)
        if amount is None or start == 0 and BULLET_RE.match(text, start, end):
            continue
        if amount.start > start and _CELL_GAP.search(text, start, amount.start):
            cells.append((index, amount.start))
    rows: dict[int, tuple[int, int]] = {}
    taken = -1
    for cell, cell_start in cells:
        first = cell
        # (a tab-parted line above is a row or the column headings, never the start of a wrapped label)
        while (first - 1 > taken and lines[first - 1][0] >= 0 and not text[lines[first][0]].isupper()
               and not text[lines[first - 1][0]:lines[first - 1][1]].rstrip().endswith((".", ":"))
               and "\t" not in text[lines[first - 1][0]:lines[first - 1][1]]):
            first -= 1
        rows[first] = (cell, cell_start)
        taken = cell
    starts = sorted(rows)
    keep: dict[int, tuple[int, int]] = {}
    for i, first in enumerate(starts):
        before = i > 0 and rows[starts[i - 1]][0] == first - 1
        after = i + 1 < len(starts) and starts[i + 1] == rows[first][0] + 1
        if before or after:
            keep[first] = rows[first]
    by_start = {a.start: a for a in amounts if a.is_money}
    keep.update(_spaced_rows(text, lines, by_end, by_start, taken=set(keep) | {cell for cell, _ in keep.values()}))
    keep.update(_stacked_rows(text, lines, by_end, taken=set(keep) | {cell for cell, _ in keep.values()}))
    return keep


#: The cells after a tab row's first money cell: figures, signs, dashes and percentages, parted by tabs.
_FIGURE_CELLS = re.compile(r"(?:\t+[-\u2212–]?[\d \u00a0.,]*%?[ \u00a0]*)*\Z")


def _tab_row_cell(text: str, start: int, end: int, money_starts: Sequence[int]) -> int | None:
    """Where the money cells of a tab-parted table row begin when the row's last cell is no money ("Tilskot til
    kommunane\t3200\t3 200\t-", the last column a change in per cent): the first money cell after the label, with
    only figures in the cells after it. None for other lines."""
    i = bisect_left(money_starts, start)
    if i >= len(money_starts) or money_starts[i] >= end:
        return None
    cell = money_starts[i]
    gap_end = cell - 1 if text[cell - 1] in "-\u2212" else cell  # a sign between the gap and the figure
    if cell <= start or text[gap_end - 1] != "\t" or not _CELL_GAP.search(text, start, gap_end):
        return None
    after = text.find("\t", cell, end)
    return cell if after >= 0 and _FIGURE_CELLS.match(text, after, end) else None


#: The last word of a table row's label before its money cell: not a word that the amount completes in prose.
_PROSE_BEFORE_AMOUNT = re.compile(
    r"(?:\b(?:til|på|med|av|for|om|er|var|blir|vert|ble|vart|får|fikk|fekk|gir|gav|har|kr|kroner|totalt|inntil|"
    r"ca|cirka|om lag|rundt|nesten|over|under|vel)|[^\w)\]])[ \u00a0]\Z", re.IGNORECASE)
#: A table flattened with one space between cells needs this many rows in a row.
_MIN_SPACED_ROWS = 3


def _spaced_rows(text: str, lines: Sequence[tuple[int, int]], by_end: dict[int, Amount], by_start: dict[int, Amount],
                 taken: set[int]) -> dict[int, tuple[int, int]]:
    """Rows of a table whose cells lost their gaps ("Folldal kommune Frisklivssentral – digitalisering 50 000"):
    at least three lines in a row that open with a capital, end in a monetary amount after one space and a word
    that does not lead up to an amount in prose, and hold no sentence end. The amount may be the first of the
    row's figures ("Møteplasser for barn og unge Eidskog 500 000 500 000", "... Hamar 650 000 0": a column per
    year)."""
    found: list[tuple[int, int, int]] = []
    for index, (start, end) in enumerate(lines):
        figures = _ROW_FIGURES.search(text, start, end) if start >= 0 else None
        amount = by_start.get(figures.start(1)) if figures is not None else None
        if amount is None or amount.end > end:
            amount = by_end.get(end) if start >= 0 else None
        if (amount is None or index in taken or amount.start <= start or not text[start].isupper()
                or not text[start:amount.start].split()
                or _PROSE_BEFORE_AMOUNT.search(text, start, amount.start)
                or re.search(r"[.!?]\s", text[start:amount.start])):
            continue
        found.append((index, index, amount.start))
    return _table_runs(found, max_gap=1)


#: The figures that close a table row: one cell or several ("650 000 0", "500 000 500 000")
_ROW_FIGURES = re.compile(r"[ \t\u00a0](\d{1,3}(?:[ \t\u00a0]+\d{1,3})*+)[ \t\u00a0]*$")


#: How many lines may part two rows of a stacked table (an applicant line, a name line, the amount line, a blank).
_STACKED_ROW_GAP = 4


def _stacked_rows(text: str, lines: Sequence[tuple[int, int]], by_end: dict[int, Amount],
                  taken: set[int]) -> dict[int, tuple[int, int]]:
    """Rows of a table read one cell per line ("Vestre Viken HF" / "Pårørendeinvolvering" / "1 500 000"): a line
    that is only a monetary amount, under a name line that opens with a capital and ends no sentence; three such
    rows at most :data:`_STACKED_ROW_GAP` lines apart make a table. The row is the name line."""
    found: list[tuple[int, int, int]] = []
    for index, (start, end) in enumerate(lines):
        amount = by_end.get(end) if start >= 0 else None
        if amount is None or index in taken or amount.start != start or index == 0:
            continue
        name_start, name_end = lines[index - 1]
        name = text[name_start:name_end].strip() if name_start >= 0 else ""
        if (not name or not name[0].isupper() or name.endswith((".", ":", "!", "?")) or index - 1 in taken
                or name_end in by_end or re.search(r"[.!?]\s", name) or len(name.split()) > 15):
            continue
        found.append((index - 1, index, amount.start))
    return _table_runs(found, max_gap=_STACKED_ROW_GAP)


def _table_runs(rows: Sequence[tuple[int, int, int]], *, max_gap: int) -> dict[int, tuple[int, int]]:
    """The candidate rows (first line, money line, money cell's start; in order) that stand in runs of at least
    :data:`_MIN_SPACED_ROWS`, each money line at most ``max_gap`` lines after the one before: first line -> (money
    line, money cell's start). A lone row that looks like a table row is prose."""
    out: dict[int, tuple[int, int]] = {}
    run: list[tuple[int, int, int]] = []
    for row in [*rows, None]:
        if run and (row is None or not 0 < row[1] - run[-1][1] <= max_gap):
            if len(run) >= _MIN_SPACED_ROWS:
                out.update({first: (line, cell) for first, line, cell in run})
            run = []
        if row is not None:
            run.append(row)
    return out


def split_sentences(text: str, start: int, end: int, cues: MeasureCues) -> list[tuple[int, int]]:
    """Sentences of one line: split after . ! ? before a capital or a digit, not after abbreviations.

    >>> text = "Det gis 2,5 mill. kr til tiltaket. Ordningen varer i 2 år."
    >>> [text[s:e] for s, e in split_sentences(text, 0, len(text), default_cues())]
    ['Det gis 2,5 mill. kr til tiltaket.', 'Ordningen varer i 2 år.']
    """
    spans = []
    begin = start
    abbreviations = _abbreviation_words(cues.abbreviations)
    # (a quote may close after the stop: «... på sitt eget språk.» Handlingsplanen ...)
    for match in re.finditer(r"(?:(?<=[.!?])|(?<=[.!?][\"»”]))\s+(?=[\"«–—-]?\s*[A-ZÆØÅ0-9])", text[start:end]):
        cut = start + match.start()
        before = text[begin:cut].rstrip(".!?\"»”")
        last_word = before.split()[-1].lower() if before.split() else ""
        if last_word in abbreviations or (len(last_word) <= 2 and last_word.isdigit() is False and
                                          last_word.isalpha() and text[cut - 1] == "." and
                                          len(last_word) == 1):
            continue
        if re.search(r"\d$", before) and re.match(r"\s+\d", text[cut:cut + 3]):
            continue
        if last_word == "no" and re.match(r"\s+\d", text[cut:cut + 3]):
            continue  # "rusprosjektet No. 46": a number sign ("no" before no number is Nynorsk "now")
        spans.append((begin, cut))
        begin = start + match.end()
    spans.append((begin, end))
    return [(s, e) for s, e in spans if text[s:e].strip()]


#: What closes a line that is a sentence or a list's introduction, not a heading or a subheading.
_CLOSING = (".", "!", "?", ",", ";", ":")


def _closed(line: str, cues: MeasureCues) -> bool:
    """The line ends in closing punctuation, not in the period of an abbreviation ("Post 70 Smittevern mv.")."""
    if not line.endswith(_CLOSING):
        return False
    last = line.split()[-1].rstrip(".").lower()
    return not (line.endswith(".") and last in _abbreviation_words(cues.abbreviations))


@lru_cache(maxsize=4)
def _abbreviation_words(abbreviations: tuple[str, ...]) -> frozenset[str]:
    """The abbreviations (``abbreviations`` in ``measure_cues.json``) as the words before their final dot, lower-case:
    what a sentence split and a heading's closing dot are checked against (built once, not per line)."""
    return frozenset(a.lower().rstrip(".") for a in abbreviations)


def _subheading(line: str) -> bool:
    """A short line without closing punctuation that can head a group of items ("Haraldsplass Diakonale sjukehus")."""
    words = line.split()
    return 0 < len(words) <= 8 and not line.rstrip().endswith(_CLOSING)
