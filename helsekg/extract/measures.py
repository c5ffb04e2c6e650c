"""Measures (tiltak) with their funding, goals, target groups, quantities, proposer and programme.

:func:`find_measures` reads one processed document and returns :class:`MeasureFindings`: frozen
:class:`~helsekg.extract.records.Measure` records (one per mention; records with the same ``key`` are one
node in the graph), every :class:`~helsekg.extract.records.Goal` and :class:`~helsekg.extract.records.TargetGroup`.
The rules work on the text alone (a blank pipeline is enough); every word list lives in
``helsekg/data/measure_cues.json``.

How a measure is found, in order of trust:

1. **Funded phrases.** Every monetary amount looks for the phrase it funds in its own clause:
   forward ("X kroner [mer] [i 2020] til Y", "X til å etablere Y", "X for å Y", "bruke X på Y"),
   backward ("bevilgningen til Y [økes] med X", "Til Y bevilges X", "Y på X": "et fond på 175
   millioner"), a sentence-initial reference ("Fondet ... blir nå på til sammen 245 millioner",
   "Tiltaket kostar 16 millionar") or the total that closes a line ("..., til en samlet bevilgning
   på 102 millioner kroner" funds the measure of the increase before it). A budget noun alone ("Det
   foreslås en bevilgning på 212,6 mill. kroner") funds the topic of its section (a "Post 21 ..." heading
   or the last measure of the paragraph).
2. **Named instruments.** An instrument noun followed by a capitalised name ("rekrutteringsprosjektet
   Menn i helse", "ordninga Bu trygt heime") or a capitalised compound of an instrument noun with a
   year or in mid-sentence ("Kompetanseløft 2025"): the name is the label and the key.
3. **Decided actions.** "foreslår å / vedtok å / i oppdrag å <verb phrase>" and an action verb with an
   instrument object ("etablere ordningen ...", "prøve ut en ordning med ...", "åpner en ny enhet ...").
4. **List items.** Each bullet of a list introduced as measures ("..., er følgende:", "blant annet:",
   "gjorde følgjande vedtak:"); lists of recommendations ("Rådets forslag til tiltak:", "Vi må ...")
   are left alone. A programme named in the introduction ("tiltakene i Kompetanseløft 2025") becomes
   a measure with ``is_programme=True`` and the items are ``part_of`` it.
5. A document title that is an instrument phrase ("Tilskudd til kommunalt rusarbeid 2025").

Keys are ``slugify`` of the name, or of the label without articles and adjectives such as "nye",
"såkalte", with simple definite/plural endings normalised ("omsorgstjenesten" = "omsorgstjenestene").
Within a document a definite reference ("kompetansefondet", "Ordningen") takes the key of the measure
it refers to, and a key that extends another's ("rekrutterings- og samhandlingstilskudd for
helsetjenesten") is folded into the shorter one.

>>> from helsekg.text import document_from_text
>>> from helsekg.nlp.pipeline import load
>>> from helsekg.extract.extractor import find_amounts
>>> text = "Regjeringen foreslår 30 millioner kroner mer til Menn i helse, til en samlet bevilgning på 102 millioner kroner."
>>> document = document_from_text("Budsjett\\n\\n" + text, source="x.txt")
>>> doc = load(model=None)(document.text)
>>> found = find_measures(doc, document, amounts=list(find_amounts(doc, document)))
>>> [(m.label, m.key, [(str(a.value), str(a.kind)) for a in m.funding]) for m in found.measures]
[('Menn i helse', 'menn-i-helse', [('30000000', 'Increase'), ('102000000', 'Total')])]
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from spacy.tokens import Doc

from helsekg import resources
from helsekg.extract.records import Actor, Amount, Goal, Measure, TargetGroup
from helsekg.nlp.extensions import doc_text
from helsekg.text.document import Document, slugify
from helsekg.text.layout import BULLET_RE, UNAMBIGUOUS_BULLET_RE, split_lines

__all__ = ["MeasureCues", "MeasureFindings", "find_measures", "default_cues", "measure_key"]

CUES_FILE = "measure_cues.json"
MAX_LABEL_WORDS = 10
MAX_GOAL_WORDS = 30
MAX_GROUP_WORDS = 12
#: How many paragraphs back a reference ("Ordningen skal bidra til ...") may look for its measure.
REFERENCE_REACH = 3


# --------------------------------------------------------------------------------------------- cues


@dataclass(frozen=True)
class MeasureCues:
    """Word lists that drive measure extraction (``helsekg/data/measure_cues.json``)."""

    instrument_heads: tuple[str, ...]
    programme_heads: tuple[str, ...]
    funding_verbs: tuple[str, ...]
    action_verbs: tuple[str, ...]
    action_object_any: tuple[str, ...]
    budget_nouns: tuple[str, ...]
    generic_anaphors: tuple[str, ...]
    plural_anaphors: tuple[str, ...]
    purpose_cues: tuple[str, ...]
    purpose_with_subject: tuple[str, ...]
    goal_subject_verbs: tuple[str, ...]
    goal_strip_prefixes: tuple[str, ...]
    list_intro_cues: tuple[str, ...]
    recommendation_cues: tuple[str, ...]
    recommendation_item_starts: tuple[str, ...]
    programme_item_cues: tuple[str, ...]
    programme_origin_cues: tuple[str, ...]
    programme_count_verbs: tuple[str, ...]
    forward_skips: tuple[str, ...]
    forward_intros_after_verb: tuple[tuple[str, str], ...]
    phrase_end_words: tuple[str, ...]
    name_stop_words: tuple[str, ...]
    drop_words: tuple[str, ...]
    key_suffix_rules: tuple[tuple[str, str, int], ...]
    group_nouns: tuple[str, ...]
    group_cues: tuple[str, ...]
    group_modifier_words: tuple[str, ...]
    group_stop_words: tuple[str, ...]
    target_sentence_cues: tuple[str, ...]
    proposer_verbs: tuple[str, ...]
    runner_patterns: tuple[str, ...]
    heading_measure_prefixes: tuple[str, ...]
    abbreviations: tuple[str, ...]
    quantity_units_excluded: tuple[str, ...]
    speech_verbs: tuple[str, ...]

    @classmethod
    def load(cls, path: str | Path | None = None) -> MeasureCues:
        """Read the cue file (the shipped one by default)."""
        if path is None:
            source: str | Path = resources.data_path(CUES_FILE)
            data = resources.load_data(CUES_FILE)
        else:
            source = Path(path)
            data = resources.read_json_data(source, what="measure cues")
        return cls(**resources.cue_tuples(data, cls.__dataclass_fields__, source=source, what="measure cues"))


@lru_cache(maxsize=1)
def default_cues() -> MeasureCues:
    """The shipped cues, loaded once."""
    return MeasureCues.load()


def _alt(phrases: Sequence[str]) -> str:
    """Alternation of phrases, longest first; a space matches any whitespace run."""
    parts = sorted({p.strip() for p in phrases if p.strip()}, key=len, reverse=True)
    return "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in parts)


_W = r"[^\W\d_][\w-]*"  # a word (may carry hyphens: "Alis-avtaler", "helse-")


@dataclass(frozen=True)
class _Rx:
    """The compiled patterns of one :class:`MeasureCues`."""

    cues: MeasureCues
    quote_item: re.Pattern[str]
    instrument_word: re.Pattern[str]
    programme_word: re.Pattern[str]
    budget_noun: re.Pattern[str]
    anaphor: re.Pattern[str]
    plural_anaphor: re.Pattern[str]
    forward_skip: re.Pattern[str]
    phrase_end: re.Pattern[str]
    purpose: re.Pattern[str]
    goal_subject: re.Pattern[str]
    goal_strip: re.Pattern[str]
    list_intro: re.Pattern[str]
    recommendation: re.Pattern[str]
    recommendation_item: re.Pattern[str]
    programme_item: re.Pattern[str]
    programme_origin: re.Pattern[str]
    programme_count: re.Pattern[str]
    action: re.Pattern[str]
    action_any: re.Pattern[str]
    funding_verb: re.Pattern[str]
    group_noun: re.Pattern[str]
    group_cue: re.Pattern[str]
    group_stop: re.Pattern[str]
    target_sentence: re.Pattern[str]
    proposer_verb: re.Pattern[str]
    name_stop: frozenset[str]
    drop: frozenset[str]
    group_modifiers: frozenset[str]
    intros_after_verb: dict[str, str]


@lru_cache(maxsize=4)
def _compiled(cues: MeasureCues) -> _Rx:
    i = re.IGNORECASE
    heads = _alt(cues.instrument_heads)
    suffix = r"(?:[mnlst]?(?:et|en|a|er|ar|ene|ane|erne|t|n|e))?"  # "programmet": doubled consonant
    return _Rx(
        cues=cues,
        # a word that is, or ends in, an instrument noun: "rekrutteringsprosjektet", "tilskotsordninga"
        instrument_word=re.compile(rf"^[\w-]*?(?:{heads}){suffix}$", i),
        programme_word=re.compile(rf"^[\w-]*?(?:{_alt(cues.programme_heads)}){suffix}$", i),
        budget_noun=re.compile(rf"^[\w-]*?(?:{_alt(cues.budget_nouns)})$", i),
        anaphor=re.compile(rf"^(?:{_alt(cues.generic_anaphors)})$", i),
        plural_anaphor=re.compile(rf"^(?:{_alt(cues.plural_anaphors)})$", i),
        forward_skip=re.compile(
            rf"\s*(?:(?:{_alt(cues.forward_skips)})\b|(?:i|fra|frå|for|fra og med|frå og med|fom\.?)\s+"
            rf"(?:[a-zæøå]+\s+)?(?:19|20)\d\d\b|per\s+{_W}|,(?=\s+(?:til|for å)\s))",
            i,
        ),
        phrase_end=re.compile(
            rf"(?<!-),(?!\d)|[.;:!?()\n]|\s[–—]\s|\s(?:{_alt(cues.phrase_end_words)})\b|\si\s+(?:19|20)\d\d\b",
            i,
        ),
        purpose=re.compile(
            rf"(?<![\w-])(?:(?:{_alt(cues.purpose_cues)})|(?:{_alt(cues.purpose_with_subject)})\s+(?:{_W}\s+){{1,3}}"
            rf"er(?:\s+(?:å|at))?|(?:vil|skal)\s+(?:{_W}\s+){{1,2}}(?:bidra|medverke)\s+til(?:\s+(?:å|at))?)(?![\w-])",
            i,
        ),
        goal_subject=re.compile(rf"(?<![\w-])(?:{_alt(cues.goal_subject_verbs)})(?![\w-])", i),
        goal_strip=re.compile(rf"(?:(?:{_alt(cues.goal_strip_prefixes)})\s+)+", i),
        list_intro=re.compile(rf"(?<![\w-])(?:{_alt(cues.list_intro_cues)})", i),
        recommendation=re.compile(rf"(?<![\w-])(?:{_alt(cues.recommendation_cues)})", i),
        recommendation_item=re.compile(rf"^\W*(?:{_alt(cues.recommendation_item_starts)})\b", i),
        # "- Vi har lyttet til fagfolkene, sier Vestre.": a press quote, not a list item
        quote_item=re.compile(rf",\s+(?:{_alt(cues.speech_verbs)})\s+[^,.;:]{{1,80}}[.!]?\s*$"),
        programme_item=re.compile(rf"(?<![\w-])(?:{_alt(cues.programme_item_cues)})\s+(?=[A-ZÆØÅ])"),
        programme_origin=re.compile(rf"(?<![\w-])(?:{_alt(cues.programme_origin_cues)})\s+$", i),
        programme_count=re.compile(rf"^\s*(?:{_alt(cues.programme_count_verbs)})\b", i),
        action=re.compile(rf"(?<![\w-])(?:{_alt(cues.action_verbs)})(?![\w-])", i),
        # "foreslår [regjeringen blant annet] å <verb phrase>", "i oppdrag å", "bedt X om å"
        action_any=re.compile(rf"(?<![\w-])(?:{_alt(cues.action_object_any)})(?:\s+(?!for\b|til\b)[\w.-]+){{0,4}}?\s+(?:om\s+)?å\s+", i),
        funding_verb=re.compile(rf"^(?:{_alt(cues.funding_verbs)})$", i),
        group_noun=re.compile(rf"^[\w-]*?(?:{_alt(cues.group_nouns)})$", i),
        group_cue=re.compile(rf"(?<![\w-])(?:{_alt(cues.group_cues)})\s+", i),
        group_stop=re.compile(rf"\s(?:{_alt(cues.group_stop_words)})\b|\s(?:i|fra|frå)\s+(?:19|20)\d\d\b|(?<!-),(?!\d)|[.;:!?()\n]|\s[–—]\s", i),
        target_sentence=re.compile(rf"(?:{_alt(cues.target_sentence_cues)})", i),
        proposer_verb=re.compile(rf"\s*(?:{_alt(cues.proposer_verbs)})\b", i),
        name_stop=frozenset(w.lower() for w in cues.name_stop_words),
        drop=frozenset(w.lower() for w in cues.drop_words),
        group_modifiers=frozenset(w.lower() for w in cues.group_modifier_words),
        intros_after_verb=dict(cues.forward_intros_after_verb),
    )


# ------------------------------------------------------------------------------------------ results


@dataclass(frozen=True)
class MeasureFindings:
    """What :func:`find_measures` found in one document."""

    #: One record per mention; programmes included (``is_programme=True``); items carry ``part_of``.
    measures: tuple[Measure, ...] = ()
    #: Every goal found, also those attached to measures.
    goals: tuple[Goal, ...] = ()
    #: Every target group found, also those attached to measures.
    target_groups: tuple[TargetGroup, ...] = ()


# ----------------------------------------------------------------------------------------- segments


@dataclass
class _Sentence:
    start: int
    end: int
    para: int  # paragraph (a bullet is a paragraph of its own)
    section: int  # counts headings
    bullet: int | None = None  # index of the bullet line
    list_id: int | None = None
    is_title: bool = False


@dataclass
class _List:
    intro: tuple[int, int] | None  # the introduction line
    bullets: list[tuple[int, int]] = field(default_factory=list)
    is_measures: bool = False
    programme: str | None = None  # key of the programme named in the intro




@dataclass
class _Layout:
    sentences: list[_Sentence]
    lists: list[_List]
    headings: list[tuple[int, int, int]]  # (start, end, section)


def _layout(document: Document, rx: _Rx) -> _Layout:
    """Split the body (title included) into sentences, paragraphs, sections and bullet lists."""
    text = document.text
    lines = [
        (line.content_start, line.content_end)
        if not line.is_blank and document.is_body(line.content_start, line.content_end)
        else (-1, -1)
        for line in split_lines(text)
    ]
    title = next((r for r in document.regions if r.kind == "title"), None)

    sentences: list[_Sentence] = []
    lists: list[_List] = []
    headings: list[tuple[int, int, int]] = []
    para, section = 0, 0
    previous_blank = True
    current_list: _List | None = None
    last_line: tuple[int, int] | None = None
    for index, (start, end) in enumerate(lines):
        if start < 0:
            previous_blank = True
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
            if current_list is None:
                current_list = _List(intro=last_line)
                lists.append(current_list)
            current_list.bullets.append((start, end))
            para += 1
            body_start = start + bullet.end()
            for s, e in _split_sentences(text, body_start, end, rx):
                sentences.append(_Sentence(s, e, para, section, bullet=len(current_list.bullets) - 1,
                                           list_id=len(lists) - 1))
            previous_blank = False
            last_line = (start, end)
            continue
        current_list = None
        if previous_blank:
            para += 1
        if (not is_title and previous_blank and next_blank and len(line.split()) <= 12
                and not line.endswith((".", "!", "?", ",", ";"))):
            section += 1
            headings.append((start, end, section))
        for s, e in _split_sentences(text, start, end, rx):
            sentences.append(_Sentence(s, e, para, section, is_title=is_title))
        previous_blank = False
        last_line = (start, end)
    return _Layout(sentences, lists, headings)


def _split_sentences(text: str, start: int, end: int, rx: _Rx) -> list[tuple[int, int]]:
    """Sentences of one line: split after . ! ? before a capital or a digit, not after abbreviations."""
    spans = []
    begin = start
    abbreviations = {a.lower().rstrip(".") for a in rx.cues.abbreviations}
    for match in re.finditer(r"(?<=[.!?])\s+(?=[\"«–—-]?\s*[A-ZÆØÅ0-9])", text[start:end]):
        cut = start + match.start()
        before = text[begin:cut].rstrip(".!?")
        last_word = before.split()[-1].lower() if before.split() else ""
        if last_word in abbreviations or (len(last_word) <= 2 and last_word.isdigit() is False and
                                          last_word.isalpha() and text[cut - 1] == "." and
                                          len(last_word) == 1):
            continue
        if re.search(r"\d$", before) and re.match(r"\s+\d", text[cut:cut + 3]):
            continue
        spans.append((begin, cut))
        begin = start + match.end()
    spans.append((begin, end))
    return [(s, e) for s, e in spans if text[s:e].strip()]


# ------------------------------------------------------------------------------------------ phrases


@dataclass
class _Mention:
    """A measure mention while it is being built (mutable; turned into a Measure at the end)."""

    start: int
    end: int
    label: str
    key: str
    head: str  # lower-case head noun, for references ("Fondet" -> "...fond")
    named: bool
    sentence: int
    how: str
    funding: list[Amount] = field(default_factory=list)
    quantities: list[Amount] = field(default_factory=list)
    goals: list[Goal] = field(default_factory=list)
    targets: list[TargetGroup] = field(default_factory=list)
    proposer: Actor | None = None
    part_of: str | None = None
    is_programme: bool = False
    alias_of: _Mention | None = None  # a reference resolved to an earlier mention

    def root(self) -> _Mention:
        m = self
        while m.alias_of is not None:
            m = m.alias_of
        return m


def _words(text: str, start: int, end: int) -> list[tuple[int, int]]:
    return [(start + m.start(), start + m.end()) for m in re.finditer(r"[\w][\w\-.,]*[\w]|[\w]", text[start:end])]


def _trim_phrase(text: str, start: int, end: int, rx: _Rx, *, max_words: int = MAX_LABEL_WORDS) -> tuple[int, int] | None:
    """Drop leading articles/adjectives and trailing function words; cap the length."""
    words = _tokens(text, start, end)
    while words and text[words[0][0]:words[0][1]].lower() in rx.drop:
        words = words[1:]
    words = words[:max_words]
    while words and text[words[-1][0]:words[-1][1]].lower() in rx.name_stop | {"og", "eller", "samt", "å"}:
        words = words[:-1]
    if not words:
        return None
    return words[0][0], words[-1][1]


def _tokens(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Whitespace tokens with outer punctuation stripped (hyphens kept: "grunn-," -> "grunn-")."""
    out = []
    for m in re.finditer(r"\S+", text[start:end]):
        s, e = start + m.start(), start + m.end()
        while s < e and text[s] in "\"'«(":
            s += 1
        while e > s and text[e - 1] in "\"'»),.;:!?":
            e -= 1
        if s < e:
            out.append((s, e))
    return out


def _phrase_after(text: str, begin: int, limit: int, rx: _Rx, *, extra_end: re.Pattern[str] | None = None) -> tuple[int, int] | None:
    """The phrase starting at ``begin`` up to the first phrase end before ``limit``."""
    stop = rx.phrase_end.search(text, begin, limit)
    end = stop.start() if stop else limit
    if extra_end is not None:
        other = extra_end.search(text, begin, end)
        if other:
            end = other.start()
    return _trim_phrase(text, begin, end, rx)


def _head_of(label: str, rx: _Rx) -> str:
    """The head noun of a phrase: the last word before the first preposition-like word."""
    words = label.split()
    head = words[0] if words else ""
    for n, word in enumerate(words):
        low = word.lower().strip(",.")
        if low == "og" and n > 0 and words[n - 1].endswith("-"):
            continue
        if low in rx.name_stop or low in {"av", "i", "på", "ved", "om", "fra", "frå", "innenfor", "utenfor", "retta", "rettet"}:
            break
        if not low.endswith("-"):
            head = low
    return head.lower().strip(",.")


def measure_key(label: str, cues: MeasureCues | None = None, *, named: bool = False) -> str:
    """The identity key of a measure label.

    A name is kept as written; a description loses articles and adjectives such as "nye" and
    "såkalte", a trailing year, and simple definite/plural endings.

    >>> measure_key("desentraliserte studier for ansatte i omsorgstjenesten")
    'desentraliserte-studier-for-ansatte-i-omsorgstjeneste'
    >>> measure_key("desentraliserte studier for ansatte i omsorgstjenestene")
    'desentraliserte-studier-for-ansatte-i-omsorgstjeneste'
    >>> measure_key("et nytt innovasjons- og kompetansefond")
    'innovasjons-og-kompetansefond'
    >>> measure_key("Kompetanseløft 2025", named=True)
    'kompetanseloft-2025'
    >>> measure_key("ungdomssatsinga") == measure_key("ungdomssatsingen")
    True
    """
    cues = cues or default_cues()
    rx = _compiled(cues)
    if named:
        return slugify(label)
    words = [w for w in re.split(r"\s+", label.strip()) if w]
    words = [w for w in words if w.lower().strip(",.") not in rx.drop]
    if len(words) >= 3 and re.fullmatch(r"(?:19|20)\d\d", words[-1]):
        words = words[:-1]
    normalised = []
    for word in words:
        low = word.lower()
        for suffix, replacement, min_stem in cues.key_suffix_rules:
            if low.endswith(suffix) and len(low) - len(suffix) >= max(min_stem, 1):
                low = low[: len(low) - len(suffix)] + replacement
                break
        normalised.append(low)
    return slugify(" ".join(normalised)) or slugify(label)


_NAME_AFTER = re.compile(r"(?<![\w-])([a-zæøå][\w-]*)\s+([A-ZÆØÅ][\w-]*(?:\s+[\w-]+){0,5})")
_CAPITAL_COMPOUND = re.compile(r"(?<![\w-])([A-ZÆØÅ][a-zæøå][\w-]*)(\s+(?:19|20)\d\d\b)?")


def _cut_name(text: str, start: int, end: int, rx: _Rx) -> int:
    """End of a capitalised name starting at ``start``: stop at function words, verbs and punctuation."""
    stop = end
    for i, (s, e) in enumerate(_tokens(text, start, end)):
        word = text[s:e]
        if i > 0 and (word.lower() in rx.name_stop - {"i"} or word.lower() in rx.drop):
            break
        if i >= 6:
            break
        stop = e
        if re.search(r"[,.;:!?)]", text[e:e + 1]):
            break
    return stop


def _named_in(text: str, start: int, end: int, rx: _Rx) -> tuple[int, int] | None:
    """A name inside a phrase: after an instrument noun or "i/innenfor/under", or the whole phrase."""
    for m in _NAME_AFTER.finditer(text, start, end):
        before = m.group(1)
        if rx.instrument_word.match(before) or before.lower() in {"i", "innenfor", "under", "innanfor"}:
            s = m.start(2)
            e = _cut_name(text, s, end, rx)
            if e > s:
                return s, e
    return None


def _capitalised_programmes(text: str, start: int, end: int, sentence_start: int, rx: _Rx) -> list[tuple[int, int]]:
    """Capitalised compounds of an instrument noun: "Kompetanseløft 2025", "Opptrappingsplanen for ..."."""
    found = []
    for m in _CAPITAL_COMPOUND.finditer(text, start, end):
        word = m.group(1)
        low = word.lower()
        if not rx.instrument_word.match(word) or rx.anaphor.match(low) or rx.budget_noun.match(low):
            continue
        if any(low == h or low in (h + "et", h + "en", h + "a", h + "er") for h in rx.cues.instrument_heads):
            continue  # the bare instrument noun ("Tilskuddet") is a reference, not a name
        if m.group(2):
            found.append((m.start(1), m.end(2)))
        elif m.start(1) > sentence_start + 2 and rx.programme_word.match(word):
            found.append((m.start(1), m.end(1)))
    return found


# ------------------------------------------------------------------------------------------ finder


class _Finder:
    def __init__(self, doc: Doc, document: Document, amounts: Sequence[Amount], actors: Sequence[Actor],
                 default_proposer: Actor | None, cues: MeasureCues) -> None:
        self.doc = doc
        self.document = document
        self.text = document.text
        self.rx = _compiled(cues)
        self.cues = cues
        self.layout = _layout(document, self.rx)
        self.sentences = self.layout.sentences
        # sentence_of by bisection when the sentences are in order and apart (they are: one line layout)
        self._starts = [s.start for s in self.sentences]
        self._ordered = all(a.end <= b.start for a, b in zip(self.sentences, self.sentences[1:]))
        self.amounts = sorted(amounts, key=lambda a: a.start)
        self.actors = sorted((a for a in actors if document.is_body(a.start, a.end) or True), key=lambda a: a.start)
        fallback = (default_proposer
                    or next((a for a in actors if a.actor_type == "government"), None)
                    or next((a for a in actors if a.actor_type == "ministry"), None))
        self.default_proposer = fallback
        self.mentions: list[_Mention] = []
        self.goals: list[Goal] = []
        self.groups: list[TargetGroup] = []
        self.used_amounts: set[int] = set()
        self.topics: dict[int, _Mention] = {}  # section -> heading measure
        self.has_parse = doc.has_annotation("DEP")

    # -- helpers ------------------------------------------------------------------------------

    def sentence_of(self, pos: int) -> int | None:
        if self._ordered:
            i = bisect_right(self._starts, pos) - 1
            return i if i >= 0 and pos < self.sentences[i].end else None
        for i, s in enumerate(self.sentences):
            if s.start <= pos < s.end:
                return i
        return None

    def add(self, start: int, end: int, sentence: int, how: str, *, named: bool = False,
            key: str | None = None, label: str | None = None) -> _Mention:
        for m in self.mentions:
            if m.start == start and m.end == end:
                return m
        text = self.text[start:end]
        label = label or text
        if not named:
            inner = _named_in(self.text, start, end, self.rx)
            if inner is not None and (inner[0] > start or inner[1] == end):
                start_n, end_n = inner
                label, named = self.text[start_n:end_n], True
        if not named and text[:1].isupper() and sentence is not None and start > self.sentences[sentence].start + 1:
            named = bool(re.fullmatch(r"[A-ZÆØÅ][\w-]*(?:\s+[\w-]+){0,5}", text)) and not self.rx.anaphor.match(text)
        key = key or measure_key(label, self.cues, named=named)
        mention = _Mention(start, end, label, key, _head_of(label, self.rx), named, sentence, how)
        self.mentions.append(mention)
        return mention

    def mentions_in(self, sentence: int) -> list[_Mention]:
        return [m for m in self.mentions if m.sentence == sentence]

    def previous_mention(self, pos: int, *, head: str | None = None, reach: int = REFERENCE_REACH) -> _Mention | None:
        """The latest mention before ``pos`` (within ``reach`` paragraphs), matching ``head`` if given."""
        index = self.sentence_of(pos)
        para = self.sentences[index].para if index is not None else 0
        best = None
        for m in self.mentions:
            if m.start >= pos or m.alias_of is not None:
                continue
            if m.sentence is not None and para - self.sentences[m.sentence].para > reach and head is None:
                continue
            if head is not None and not _same_head(m, head):
                continue
            if best is None or m.start > best.start:
                best = m
        return best

    # -- 1. named instruments and programmes -------------------------------------------------

    def find_named(self) -> None:
        for i, s in enumerate(self.sentences):
            for m in _NAME_AFTER.finditer(self.text, s.start, s.end):
                if not self.rx.instrument_word.match(m.group(1)):
                    continue
                end = _cut_name(self.text, m.start(2), s.end, self.rx)
                if end > m.start(2) and not self._after_origin(m.start(1)):
                    self.add(m.start(2), end, i, "named", named=True)
            for start, end in _capitalised_programmes(self.text, s.start, s.end, s.start, self.rx):
                if not self._after_origin(start):
                    mention = self.add(start, end, i, "named", named=True)
                    rest = self.text[end:s.end]
                    if self.rx.programme_count.match(rest):
                        mention.is_programme = True

    def find_names_in(self, start: int, end: int) -> list[_Mention]:
        index = self.sentence_of(start)
        spans = _capitalised_programmes(self.text, start, end, -10, self.rx)
        return [_Mention(s, e, self.text[s:e], slugify(self.text[s:e]), "", True, index, "named") for s, e in spans[:1]]

    def _after_origin(self, pos: int) -> bool:
        return bool(self.rx.programme_origin.search(self.text[max(0, pos - 40):pos]))

    # -- 2. funded phrases ---------------------------------------------------------------------

    def find_funded(self) -> None:
        last_by_sentence: dict[int, _Mention] = {}
        for amount in self.amounts:
            if not amount.is_money:
                continue
            index = self.sentence_of(amount.start)
            if index is None:
                continue
            sentence = self.sentences[index]
            mention = (self.forward(amount, index) or self.backward(amount, index)
                       or self.continuation(amount, index, last_by_sentence)
                       or self.reference(amount, index) or self.topic(amount, index))
            if mention is None:
                continue
            target = mention.root()
            target.funding.append(amount)
            self.used_amounts.add(amount.start)
            last_by_sentence[index] = mention
            if sentence.bullet is not None:
                last_by_sentence.setdefault(-1000 - index, mention)

    def clause_start(self, pos: int, index: int) -> int:
        s = self.sentences[index]
        before = self.text[s.start:pos]
        cut = max(before.rfind(";"), before.rfind(" – "), -1)
        return s.start + cut + 1 if cut >= 0 else s.start

    def forward(self, amount: Amount, index: int) -> _Mention | None:
        s = self.sentences[index]
        pos = amount.end
        while True:
            m = self.rx.forward_skip.match(self.text, pos, s.end)
            if not m or m.end() == pos:
                break
            pos = m.end()
        rest = self.text[pos:s.end]
        clause = self.text[self.clause_start(amount.start, index):amount.start].lower()
        verb_intro = next((prep for verb, prep in self.rx.intros_after_verb.items()
                           if re.search(rf"\b{re.escape(verb)}\b", clause)), None)
        intro = re.match(r"\s*(til\s+å|til|for\s+å)\s+", rest, re.IGNORECASE)
        if intro is None and verb_intro:
            intro = re.match(rf"\s*({verb_intro})\s+", rest, re.IGNORECASE)
        if intro is None:
            return None
        begin = pos + intro.end()
        kind = intro.group(1).lower().split()[0] + ("_å" if "å" in intro.group(1) else "")
        phrase = _phrase_after(self.text, begin, s.end, self.rx)
        if phrase is None:
            return None
        start, end = phrase
        if kind == "til_å":
            # "til å etablere ordningen Pilot Helse": the object of the verb when it is an instrument
            obj = self.instrument_object(start, end)
            if obj is not None:
                start, end = obj
        first = self.text[start:end].split()[0]
        if self.rx.budget_noun.match(first) and len(self.text[start:end].split()) == 1:
            return None
        if self.rx.anaphor.match(self.text[start:end]):
            return self.resolve(start, end, index) or self.add(start, end, index, "forward")
        return self.add(start, end, index, "forward")

    def instrument_object(self, start: int, end: int) -> tuple[int, int] | None:
        """The instrument noun phrase right after a verb: "etablere ordningen Pilot Helse for ..."."""
        tokens = _tokens(self.text, start, end)
        for i, (s, e) in enumerate(tokens[1:5], start=1):
            word = self.text[s:e]
            if word.lower() in {"i", "på", "av", "til", "for", "med", "om", "fra", "frå"}:
                return None
            if self.rx.instrument_word.match(word):
                first = tokens[1][0]
                return _trim_phrase(self.text, first, end, self.rx)
        return None

    def backward(self, amount: Amount, index: int) -> _Mention | None:
        text = self.text
        cstart = self.clause_start(amount.start, index)
        before = text[cstart:amount.start]
        # "bevilgningen til Y [økes] med X", "løyvinga til Y vert redusert med X", "ramma til Y på X"
        for m in re.finditer(rf"(?<![\w-])({_W})\s+til\s+", before):
            if not self.rx.budget_noun.match(m.group(1)):
                continue
            begin = cstart + m.end()
            stop = re.search(r"\s(?:med|på|er|blir|vert|ble|vart|har|skal|vil|foreslås|økes|økt|auka|aukar|"
                             r"reduseres|redusert|reduserast|styrkes|styrkt|videreføres|vidareførast|kuttes)\b",
                             text[begin:amount.start])
            end = begin + stop.start() if stop else amount.start
            phrase = _phrase_after(text, begin, end, self.rx)
            if phrase:
                if self.rx.anaphor.match(text[phrase[0]:phrase[1]]):
                    resolved = self.resolve(*phrase, index)
                    if resolved:
                        return resolved
                return self.add(*phrase, index, "backward")
        # "Til Y bevilges X" at the start of the sentence
        m = re.match(r"\W*til\s+(.+?)\s+(\S+)\s*$", before, re.IGNORECASE | re.DOTALL)
        if m and self.rx.funding_verb.match(m.group(2)):
            phrase = _trim_phrase(text, cstart + m.start(1), cstart + m.end(1), self.rx)
            if phrase:
                return self.add(*phrase, index, "backward")
        # "Y på X": "et fond på 175 millioner", "ei ny tilskotsordning på 25 millionar kroner"
        m = re.search(rf"(?:({_W}-)\s+og\s+)?({_W})\s+på\s+(?:(?:til\s+sammen|til\s+saman|i\s+alt)\s+)?$", before)
        if m:
            head = m.group(2)
            if self.rx.instrument_word.match(head) and not self.rx.budget_noun.match(head):
                start = cstart + m.start()
                phrase = (start, cstart + m.end(2))
                if self.is_definite(head):
                    resolved = self.resolve(*phrase, index)
                    if resolved:
                        return self.alias(phrase, index, resolved)
                return self.add(*phrase, index, "backward")
            if self.rx.budget_noun.match(head):
                return self.sentence_measure(index, amount) or self.topic(amount, index, budget=True)
        # "Y styrkes/videreføres/reduseres med X": the subject of the clause
        m = re.match(rf"\W*({_W}(?:\s+{_W}){{0,6}}?)\s+(?:{_W}\s+)?(?:økes|økast|styrkes|styrkjast|videreføres|"
                     rf"vidareførast|reduseres|reduserast|kuttes|får|fekk|fikk|kostar|koster|har\s+fått)\b", before)
        if m:
            phrase = _trim_phrase(text, cstart + m.start(1), cstart + m.end(1), self.rx)
            if phrase:
                words = text[phrase[0]:phrase[1]]
                if self.rx.budget_noun.match(words.split()[0]):
                    return self.sentence_measure(index, amount) or self.topic(amount, index, budget=True)
                if self.is_definite(words.split()[-1]) and len(words.split()) <= 3:
                    resolved = self.resolve(*phrase, index)
                    if resolved:
                        return self.alias(phrase, index, resolved)
                if not any(a.start <= phrase[0] < a.end for a in self.actors) and not self.is_group(words):
                    return self.add(*phrase, index, "backward")
        # a budget noun in the clause: "Det foreslås en bevilgning på X", "Kostnadene er om lag X"
        if any(self.rx.budget_noun.match(w) for w in re.findall(r"[\w-]+", before)):
            return self.sentence_measure(index, amount) or self.topic(amount, index, budget=True)
        return None

    def is_definite(self, word: str) -> bool:
        low = word.lower()
        return bool(self.rx.anaphor.match(low)) or (
            bool(self.rx.instrument_word.match(low)) and bool(re.search(r"(?:et|en|a)$", low))
        )

    def is_group(self, words: str) -> bool:
        last = words.split()[-1] if words.split() else ""
        return bool(self.rx.group_noun.match(last))

    def sentence_measure(self, index: int, amount: Amount) -> _Mention | None:
        """The measure already named in the sentence of ``amount`` (the nearest before it)."""
        before = [m for m in self.mentions_in(index) if m.start < amount.start]
        if before:
            return max(before, key=lambda m: m.start)
        after = self.mentions_in(index)
        return min(after, key=lambda m: m.start) if after else None

    def continuation(self, amount: Amount, index: int, last: dict[int, _Mention]) -> _Mention | None:
        """A total with no phrase of its own funds the measure of the amount before it."""
        if index in last:
            return last[index]
        s = self.sentences[index]
        if s.bullet is not None and index - 1 >= 0 and self.sentences[index - 1].bullet == s.bullet \
                and self.sentences[index - 1].list_id == s.list_id and index - 1 in last:
            return last[index - 1]
        return None

    def reference(self, amount: Amount, index: int) -> _Mention | None:
        """A sentence opened by a reference: "Fondet ... blir på til sammen X", "Tiltaket kostar X"."""
        s = self.sentences[index]
        m = re.match(rf"\W*({_W})", self.text[s.start:amount.start])
        if not m:
            return None
        word = m.group(1)
        if not self.is_definite(word):
            return None
        start = s.start + m.start(1)
        resolved = self.resolve(start, start + len(word), index)
        if resolved:
            return self.alias((start, start + len(word)), index, resolved)
        if self.rx.budget_noun.match(word):
            return self.topic(amount, index, budget=True)
        return self.add(start, start + len(word), index, "reference")

    def topic(self, amount: Amount, index: int, *, budget: bool = False) -> _Mention | None:
        """The measure a section is about (a "Post 21 ..." heading), else the latest in the paragraph."""
        if not budget:
            return None
        s = self.sentences[index]
        heading = self.topics.get(s.section)
        if heading is not None:
            return heading
        return self.previous_mention(amount.start, reach=1)

    def resolve(self, start: int, end: int, index: int) -> _Mention | None:
        """The earlier measure a definite reference points at ("kompetansefondet", "Ordningen")."""
        word = self.text[start:end].split()[-1].lower()
        stem = _stem(word)
        specific = self.previous_mention(start, head=stem, reach=10_000)
        if specific is not None:
            return specific.root()
        if self.rx.anaphor.match(word):
            if self.rx.budget_noun.match(word):
                return None
            generic = self.previous_mention(start)
            if generic is not None:
                return generic.root()
            title = next((m for m in self.mentions if m.sentence is not None and self.sentences[m.sentence].is_title), None)
            return title.root() if title else None
        return None

    def alias(self, phrase: tuple[int, int], index: int, target: _Mention) -> _Mention:
        """A mention of ``target`` under another wording: same key, its own span and label."""
        start, end = phrase
        mention = self.add(start, end, index, "alias", key=target.key)
        if mention is not target:
            mention.alias_of = target.root()
            mention.key = target.root().key
        return target.root()

    # -- 3. decided actions ----------------------------------------------------------------------

    def find_actions(self) -> None:
        for i, s in enumerate(self.sentences):
            for m in self.rx.action_any.finditer(self.text, s.start, s.end):
                self.action_phrase(m.end(), i, any_object=True)
            for m in self.rx.action.finditer(self.text, s.start, s.end):
                if re.search(r"(?:for|til|om)\s+å\s+$", self.text[max(s.start, m.start() - 12):m.start()]):
                    continue  # "for å etablere ...": a purpose, not a decided action
                self.action_phrase(m.end(), i, any_object=False, verb_start=m.start())

    def action_phrase(self, begin: int, index: int, *, any_object: bool, verb_start: int | None = None) -> None:
        s = self.sentences[index]
        phrase = _phrase_after(self.text, begin, s.end, self.rx,
                               extra_end=re.compile(r"\s+til\s+(?:også|å)\b|\s+innen\b", re.IGNORECASE))
        if phrase is None:
            return
        start, end = phrase
        if any(a.is_money and start <= a.start < end + 3 for a in self.amounts):
            return
        if any(m.start < end and start < m.end for m in self.mentions):
            return
        if any_object:
            tokens = _tokens(self.text, start, end)
            if not tokens:
                return
            verb = self.text[tokens[0][0]:tokens[0][1]]
            if self.rx.funding_verb.match(verb) and len(tokens) < 2:
                return
            obj = self.instrument_object(start, end)
            if obj is not None:
                start, end = obj
            self.add(start, end, index, "action")
            return
        # an action verb: only an instrument object right after it counts
        obj = self._object_after_verb(begin, end)
        if obj is not None:
            self.add(*obj, index, "action")

    def _object_after_verb(self, begin: int, end: int) -> tuple[int, int] | None:
        tokens = _tokens(self.text, begin, end)
        for i, (s, e) in enumerate(tokens[:4]):
            word = self.text[s:e]
            if word.lower() in {"i", "på", "av", "til", "for", "med", "om", "fra", "frå", "at", "å", "seg", "og"}:
                return None
            if self.rx.instrument_word.match(word) and not self.rx.budget_noun.match(word):
                return _trim_phrase(self.text, tokens[0][0], end, self.rx)
        return None

    # -- 4. bullet lists ---------------------------------------------------------------------------

    def find_list_items(self) -> None:
        for list_id, lst in enumerate(self.layout.lists):
            intro = self.text[lst.intro[0]:lst.intro[1]] if lst.intro else ""
            items = [self.text[s:e] for s, e in lst.bullets]
            recommendation = bool(self.rx.recommendation.search(intro)) or sum(
                bool(self.rx.recommendation_item.match(BULLET_RE.sub("", item))) for item in items
            ) * 2 > len(items)
            lst.is_measures = not recommendation and (bool(self.rx.list_intro.search(intro)) or intro.endswith(":"))
            if recommendation:
                # measures found in recommendation bullets are proposals, not measures
                self.mentions = [m for m in self.mentions if m.sentence is None
                                 or self.sentences[m.sentence].list_id != list_id or m.funding]
                continue
            if not lst.is_measures:
                continue
            lst.programme = self.intro_programme(lst, list_id)
            for b, (start, end) in enumerate(lst.bullets):
                indexes = [i for i, s in enumerate(self.sentences) if s.list_id == list_id and s.bullet == b]
                if not indexes or self.rx.quote_item.search(self.text[start:end]):
                    continue
                if any(self.mentions_in(i) for i in indexes):
                    continue
                first = self.sentences[indexes[0]]
                phrase = _phrase_after(self.text, first.start, first.end, self.rx)
                if phrase:
                    phrase = self.strip_subject(phrase)
                if phrase:
                    self.add(*phrase, indexes[0], "bullet")

    def strip_subject(self, phrase: tuple[int, int]) -> tuple[int, int] | None:
        """Drop a leading actor and its verb from a bullet label ("Kommunestyret løyver ...")."""
        start, end = phrase
        for actor in self.actors:
            if actor.start == start:
                tokens = _tokens(self.text, actor.end, end)
                if len(tokens) >= 3:
                    return _trim_phrase(self.text, tokens[1][0], end, self.rx)
        return phrase

    def intro_programme(self, lst: _List, list_id: int) -> str | None:
        if lst.intro is None:
            return None
        start, end = lst.intro
        intro = self.text[start:end]
        m = self.rx.programme_item.search(intro)
        if m is not None:
            named = [x for x in self.mentions if start <= x.start < end and x.named and x.start >= start + m.end() - 1]
            if not named:  # a programme after an origin cue is not a mention of its own
                named = [x for x in self.find_names_in(start + m.end(), end)]
            origin = self.rx.programme_origin.search(intro[: m.end()].rstrip() + " ")
            if origin is None and named:
                programme = named[0].root()
                programme.is_programme = True
                return programme.key
            if origin is not None:
                earlier = [l for l in self.layout.lists[:list_id] if l.programme]
                return earlier[-1].programme if earlier else None
        # "Satsingen består av tre deler:"
        first = re.match(rf"\W*({_W})\s+(?:består|inneholder|inneheld|har)\b", intro)
        if first and self.is_definite(first.group(1)):
            index = self.sentence_of(start + first.start(1))
            resolved = self.resolve(start + first.start(1), start + first.end(1), index) if index is not None else None
            if resolved is not None:
                resolved.is_programme = True
                return resolved.key
        return None

    # -- 5. title and headings -------------------------------------------------------------------

    def find_title_and_headings(self) -> None:
        for i, s in enumerate(self.sentences):
            line = self.text[s.start:s.end]
            if s.is_title:
                phrase = _trim_phrase(self.text, s.start, s.end, self.rx, max_words=12)
                if phrase is None:
                    continue
                label = self.text[phrase[0]:phrase[1]]
                head = _head_of(label, self.rx)
                position = [w.lower().strip(",.") for w in label.split()].index(head) if head in label.lower().split() else 99
                starts_with_actor = any(a.start <= phrase[0] < a.end for a in self.actors)
                if (self.rx.instrument_word.match(head) and not self.rx.budget_noun.match(head)
                        and position <= 2 and not starts_with_actor):
                    self.add(*phrase, i, "title")
        for start, end, section in self.layout.headings:
            line = self.text[start:end]
            for prefix in self.cues.heading_measure_prefixes:
                m = re.match(rf"{re.escape(prefix)}\s+\d+\s+(.+?)(?:,.*)?$", line)
                if m:
                    index = self.sentence_of(start)
                    name_end = start + m.end(1)
                    mention = self.add(start + m.start(1), name_end, index, "heading", named=True)
                    self.topics[section] = mention

    # -- relations ---------------------------------------------------------------------------------

    def attach_quantities(self) -> None:
        excluded = {u.lower() for u in self.cues.quantity_units_excluded}
        for amount in self.amounts:
            if amount.is_money or not amount.unit:
                continue
            unit = amount.unit.lower()
            if any(unit.startswith(x) for x in excluded):
                continue
            index = self.sentence_of(amount.start)
            if index is None:
                continue
            mention = self.sentence_measure(index, amount) or self.bullet_measure(index)
            if mention is not None:
                mention.root().quantities.append(amount)

    def bullet_measure(self, index: int) -> _Mention | None:
        s = self.sentences[index]
        if s.bullet is None:
            return None
        for i in range(index - 1, -1, -1):
            t = self.sentences[i]
            if t.list_id != s.list_id or t.bullet != s.bullet:
                break
            found = self.mentions_in(i)
            if found:
                return found[0]
        return None

    def measure_for(self, index: int, pos: int, *, strong_reference: bool) -> _Mention | None:
        """The measure a goal or group in sentence ``index`` belongs to."""
        in_sentence = self.sentence_measure(index, _Pos(pos))
        if in_sentence is not None:
            return in_sentence.root()
        bullet = self.bullet_measure(index)
        if bullet is not None:
            return bullet.root()
        s = self.sentences[index]
        # the subject names the measure: "Ordningen skal ...", "Et nytt tilskudd skal ...", "Tiltaka ..."
        for m in re.finditer(rf"{_W}", self.text[s.start:min(s.end, pos)]):
            word = m.group(0)
            if m.start() > 30:
                break
            if self.rx.plural_anaphor.match(word):
                return None  # "De nye tiltakene skal bidra til ...": the policy as a whole
            if self.is_definite(word) or (self.rx.instrument_word.match(word) and not self.rx.budget_noun.match(word)):
                resolved = self.resolve(s.start + m.start(), s.start + m.end(), index)
                if resolved is not None:
                    return resolved.root()
        if strong_reference:
            heading = self.topics.get(s.section)
            if heading is not None:
                return heading.root()
            previous = self.previous_mention(pos)
            if previous is not None:
                return previous.root()
            title = next((x for x in self.mentions if self.sentences[x.sentence].is_title), None)
            if title is not None:
                return title.root()
        return None

    def find_goals(self) -> None:
        for i, s in enumerate(self.sentences):
            spans: list[tuple[int, int, int]] = []  # (cue start, goal start, goal end)
            for m in self.rx.purpose.finditer(self.text, s.start, s.end):
                if any(x.how == "forward" and x.sentence == i and m.start() <= x.start <= m.end() + 1
                       for x in self.mentions):
                    continue  # "53 millioner kroner for å øke ...": the measure itself
                if any(x.how == "action" and x.sentence == i and x.start <= m.start() < x.end for x in self.mentions):
                    continue
                spans.append((m.start(), m.end(), m.group(0).lower()))
            for m in self.rx.goal_subject.finditer(self.text, s.start, s.end):
                if any(c <= m.start() < c + 40 for c, _, _ in spans):
                    continue
                subject = self.text[s.start:m.start()].strip(" –-")
                if len(subject.split()) <= 4 and any(self.is_definite(w) or self.rx.plural_anaphor.match(w)
                                                     for w in subject.split()):
                    verb_start = m.start() + len(m.group(0).split()[0]) + 1
                    spans.append((m.start(), verb_start, "skal"))
            spans.sort()
            for n, (cue, begin, cue_text) in enumerate(spans):
                limit = spans[n + 1][0] if n + 1 < len(spans) else s.end
                opening = not self.text[s.start:cue].strip(" –-\"«")
                stop = re.search(r"[;!?]|\s[–—]\s|,\s+(?:sier|seier|sa|skriv|skriver)\b|,\s+(?:slik at|for å)\b|\.\s*$"
                                 + (r"|(?<!-),\s" if opening else ""), self.text[begin:limit])
                end = begin + stop.start() if stop else limit
                strip = self.rx.goal_strip.match(self.text, begin, end)
                if strip:
                    begin = strip.end()
                words = _tokens(self.text, begin, end)[:MAX_GOAL_WORDS]
                while words and self.text[words[-1][0]:words[-1][1]].lower() in {"og", "eller", "for", "til", "som", "samt"}:
                    words = words[:-1]
                if len(words) < 2 and not (words and cue_text.startswith("for å")):
                    continue
                if not words:
                    continue
                start, end = words[0][0], words[-1][1]
                label = re.sub(r"\s+", " ", self.text[start:end])
                goal = Goal(self.document.id, start, end, self.text[start:end], label=label)
                self.goals.append(goal)
                strong = cue_text.startswith(("formål", "føremål", "mål", "skal"))
                measure = self.measure_for(i, cue, strong_reference=strong)
                if measure is not None and goal not in measure.goals:
                    measure.goals.append(goal)

    def find_targets(self) -> None:
        rx = self.rx
        for i, s in enumerate(self.sentences):
            sentence = self.text[s.start:s.end]
            strong = bool(rx.target_sentence.search(sentence))
            found: list[tuple[int, int]] = []
            for m in rx.group_cue.finditer(self.text, s.start, s.end):
                span = self.group_phrase(m.end(), s.end)
                if span:
                    found.append(span)
            # "Kommuner og bydeler kan søke", "Frivillige organisasjonar ... kan søkje"
            lead = re.match(r"\W*(.+?)\s+(?:kan\s+søke|kan\s+søkje)\b", sentence, re.IGNORECASE)
            if lead:
                span = self.group_phrase(s.start + lead.start(1), s.start + lead.end(1), from_start=True)
                if span:
                    found.append(span)
            seen: set[tuple[int, int]] = set()
            for start, end in found:
                if (start, end) in seen or any(a <= start and end <= b and (a, b) != (start, end) for a, b in found):
                    continue
                seen.add((start, end))
                label = re.sub(r"\s+", " ", self.text[start:end])
                group = TargetGroup(self.document.id, start, end, self.text[start:end], label=label,
                                    key=_group_key(label, rx))
                measure = self.measure_for(i, start, strong_reference=strong)
                if measure is None and not strong:
                    continue
                self.groups.append(group)
                if measure is not None and all(g.key != group.key for g in measure.targets):
                    # the measure's own label is no target ("tilskudd til kommunalt rusarbeid")
                    if not (measure.start <= start and end <= measure.end and measure.how == "title"):
                        measure.targets.append(group)

    def group_phrase(self, begin: int, limit: int, *, from_start: bool = False) -> tuple[int, int] | None:
        """A group noun phrase at ``begin``: up to 3 modifiers, a group noun, coordination and modifiers."""
        rx = self.rx
        stop = rx.group_stop.search(self.text, begin, limit)
        end_limit = stop.start() if stop else limit
        tokens = _tokens(self.text, begin, end_limit)
        head = None
        for n, (s, e) in enumerate(tokens[:4]):
            word = self.text[s:e]
            low = word.lower()
            if rx.group_noun.match(low) and not rx.instrument_word.match(low):
                if word[:1].isupper() and not from_start:
                    return None  # a name ("Menn i helse"), not a group
                head = n
                break
            if low in rx.group_modifiers - {"og"} or low in {"for", "til", "å", "at", "seg", "meg", "oss", "mot"}:
                return None
            if word[:1].isupper() and s > begin:
                return None
            if rx.funding_verb.match(low) or rx.budget_noun.match(low) or rx.instrument_word.match(low):
                return None
        if head is None:
            return None
        first = 0
        while first < head and self.text[tokens[first][0]:tokens[first][1]].lower() in rx.drop - {"eldre"}:
            first += 1
        last = head
        n = head + 1
        while n < len(tokens) and n - first < MAX_GROUP_WORDS:
            low = self.text[tokens[n][0]:tokens[n][1]].lower()
            if low in ("og", "eller") and n + 1 < len(tokens):
                nxt = self.text[tokens[n + 1][0]:tokens[n + 1][1]].lower()
                if rx.group_noun.match(nxt) or nxt in rx.drop or (n + 2 < len(tokens) and rx.group_noun.match(
                        self.text[tokens[n + 2][0]:tokens[n + 2][1]].lower())):
                    n += 1
                    continue
                break
            if low in rx.group_modifiers or rx.group_noun.match(low) or (n > last and n - 1 >= 0 and self.text[
                    tokens[n - 1][0]:tokens[n - 1][1]].lower() in rx.group_modifiers | {"og"}):
                last = n if low not in rx.group_modifiers else last
                n += 1
                continue
            # words inside a modifier phrase ("i kommuner med rekrutteringsutfordringer")
            if n > head and any(self.text[tokens[k][0]:tokens[k][1]].lower() in rx.group_modifiers
                                for k in range(head + 1, n)):
                last = n
                n += 1
                continue
            break
        if from_start and tokens and n < len(tokens):
            return None
        start, end = tokens[first][0], tokens[last][1]
        return start, end

    def attach_proposers(self) -> None:
        for m in self.mentions:
            if m.sentence is None:
                continue
            proposer = self.runner(m) or self.subject_actor(m.sentence, m.start)
            s = self.sentences[m.sentence]
            if proposer is None and s.list_id is not None:
                lst = self.layout.lists[s.list_id]
                if lst.intro is not None:
                    index = self.sentence_of(lst.intro[0])
                    if index is not None:
                        proposer = self.subject_actor(index, lst.intro[1])
            if proposer is None:
                proposer = self.discourse_subject(m.sentence)
            root = m.root()
            if proposer is not None:
                m.proposer = proposer
                if root.proposer is None or root.proposer is self.default_proposer:
                    root.proposer = proposer
            elif m.proposer is None:
                m.proposer = root.proposer if root.proposer is not None else None
        for m in self.mentions:
            if m.proposer is None:
                m.proposer = m.root().proposer or self.default_proposer

    def discourse_subject(self, index: int) -> Actor | None:
        """The acting organisation of an earlier sentence in the same or the previous paragraphs."""
        para = self.sentences[index].para
        for i in range(index - 1, -1, -1):
            s = self.sentences[i]
            if para - s.para > REFERENCE_REACH - 1 or s.is_title:
                break
            actor = self.subject_actor(i, s.end)
            if actor is not None:
                return actor
        return None

    def runner(self, m: _Mention) -> Actor | None:
        """"..., som Helsedirektoratet skal utvikle", "Ordningen forvaltes av X" in the same sentence."""
        s = self.sentences[m.sentence]
        for actor in self.actors:
            if not (s.start <= actor.start < s.end) or actor.kind != "organisation":
                continue
            for pattern in self.cues.runner_patterns:
                left, _, right = pattern.partition("{actor}")
                before = self.text[max(s.start, actor.start - len(left) - 2):actor.start]
                after = self.text[actor.end:actor.end + len(right) + 2]
                if (not left.strip() or re.search(re.escape(left.strip()) + r"\s*$", before, re.IGNORECASE)) and (
                        not right.strip() or re.match(r"\s*" + re.escape(right.strip()), after, re.IGNORECASE)):
                    if left.strip() or right.strip():
                        if actor.start > m.start or not left.strip().startswith("som"):
                            return actor
        return None

    def subject_actor(self, index: int, before: int) -> Actor | None:
        """The organisation acting in the sentence: before a proposal verb, after it, or first."""
        s = self.sentences[index]
        candidates = [a for a in self.actors if s.start <= a.start < s.end and a.kind == "organisation"]
        for actor in candidates:
            if self.rx.proposer_verb.match(self.text, actor.end, s.end):
                if not re.search(r"\b(?:til|for|med|av|ved|om|frå|fra|hos|mot)\s+$", self.text[s.start:actor.start], re.I):
                    return actor
        for actor in candidates:
            prior = self.text[max(s.start, actor.start - 30):actor.start]
            if re.search(r"(?:foreslår|foreslo|vedtok|vedtek|har|vil|løyver|bevilger)\s+$", prior, re.IGNORECASE):
                return actor
        return None

    # -- output ------------------------------------------------------------------------------------

    def unify_keys(self) -> None:
        """Fold keys within the document: a key that extends a shorter key of an instrument is the same measure."""
        keys = sorted({m.key for m in self.mentions}, key=len)
        named = {m.key for m in self.mentions if m.named}
        mapping: dict[str, str] = {}
        for n, short in enumerate(keys):
            for long in keys[n + 1:]:
                if long.startswith(short + "-") and long not in mapping:
                    head = short.split("-")[-1]
                    if long in named and short not in named:
                        longer = [k for k in keys if k.startswith(short + "-") and k in named]
                        if len(longer) == 1 and short not in mapping:
                            mapping[short] = long  # "kompetanseløft" -> "Kompetanseløft 2025"
                        continue
                    if self.rx.instrument_word.match(head) and short not in named:
                        mapping[long] = short
                    elif short in named and short not in mapping:
                        # a name cut before "for ..." ("Opptrappingsplanen") and the full phrase that
                        # starts with it ("Opptrappingsplanen for psykisk helse"): one measure, full name
                        longer = [k for k in keys if k.startswith(short + "-")]
                        if len(longer) == 1:
                            mapping[short] = long
        # "Tilskudd til ettervern" (title) and "ettervern" (funded phrase): the grant is the measure
        for long in keys:
            first, _, rest = long.partition("-")
            for link in ("til-", "for-", "tel-"):
                if rest.startswith(link) and rest[len(link):] in keys and self.rx.instrument_word.match(first):
                    mapping.setdefault(rest[len(link):], long)
        for m in self.mentions:
            seen = set()
            while m.key in mapping and m.key not in seen:
                seen.add(m.key)
                m.key = mapping[m.key]

    def records(self) -> MeasureFindings:
        doc_id = self.document.id
        programme_keys = {m.root().key for m in self.mentions if m.root().is_programme}
        part_of: dict[int, str] = {}
        for m in self.mentions:
            if m.sentence is None:
                continue
            s = self.sentences[m.sentence]
            if s.list_id is not None:
                programme = self.layout.lists[s.list_id].programme
                if programme and programme != m.key:
                    part_of[id(m.root())] = programme
        measures = []
        for m in sorted(self.mentions, key=lambda x: x.start):
            if m.alias_of is not None:
                root = m.root()
                if m.start == root.start:
                    continue
            own = m if m.alias_of is None else None
            measures.append(Measure(
                doc_id, m.start, m.end, self.text[m.start:m.end],
                label=re.sub(r"\s+", " ", m.label),
                key=m.key if m.alias_of is None else m.root().key,
                is_programme=m.root().is_programme or m.key in programme_keys,
                funding=tuple(own.funding) if own else (),
                quantities=tuple(own.quantities) if own else (),
                proposer=m.proposer,
                part_of=part_of.get(id(m.root())),
                goals=tuple(own.goals) if own else (),
                targets=tuple(own.targets) if own else (),
            ))
        goals = tuple(sorted(set(self.goals), key=lambda g: g.start))
        groups = tuple(sorted(set(self.groups), key=lambda g: g.start))
        return MeasureFindings(tuple(measures), goals, groups)


@dataclass(frozen=True)
class _Pos:
    start: int


def _stem(word: str) -> str:
    """A noun without its definite ending: "fondet" -> "fond", "ordninga" -> "ordning"."""
    low = word.lower()
    for suffix in ("ene", "ane", "et", "en", "a"):
        if low.endswith(suffix) and len(low) - len(suffix) >= 3:
            return low[: -len(suffix)]
    return low


def _same_head(mention: _Mention, stem: str) -> bool:
    head = mention.head
    return len(stem) >= 3 and (head == stem or _stem(head) == stem or head.endswith(stem) or _stem(head).endswith(stem))


def _group_key(label: str, rx: _Rx) -> str:
    words = [w for w in label.split() if w.lower() not in rx.drop - {"eldre"}]
    return slugify(" ".join(words)) or slugify(label)


# --------------------------------------------------------------------------------------------- API


def find_measures(doc: Doc, document: Document, *, amounts: Sequence[Amount], actors: Sequence[Actor] = (),
                  default_proposer: Actor | None = None, cues: MeasureCues | None = None) -> MeasureFindings:
    """Measures of one document with their funding, quantities, goals, target groups, proposer and programme.

    Args:
        doc: the spaCy Doc of ``document.text`` (a blank pipeline is enough).
        document: the document as read by :func:`helsekg.text.reading.read_document`.
        amounts: the document's amount records (body text only, with fiscal years), as made by
            :func:`helsekg.extract.extractor.find_amounts`.
        actors: the document's actor records; the proposer of a measure is one of them.
        default_proposer: the actor credited when no actor in the text proposes, funds or runs a
            measure (the government or publisher of the document); when None, the first
            government actor among ``actors``.
        cues: word lists; the shipped ``measure_cues.json`` by default.

    Returns:
        :class:`MeasureFindings`. Every monetary amount that funds a measure is in exactly one
        record's ``funding``.
    """
    cues = cues or default_cues()
    if doc_text(doc) != document.text:
        raise ValueError(f"{document.metadata.source}: the Doc was not made from this document's text")
    finder = _Finder(doc, document, amounts, actors, default_proposer, cues)
    finder.find_title_and_headings()
    finder.find_named()
    finder.find_funded()
    finder.find_actions()
    finder.find_list_items()
    finder.unify_keys()
    finder.attach_quantities()
    finder.find_goals()
    finder.find_targets()
    finder.attach_proposers()
    return finder.records()
