"""What the strategies hand to the resolve step: frozen candidates, never mutated.

A strategy reads the :class:`~helsekg.extract.measures.context.MeasureContext` and returns these records;
:mod:`helsekg.extract.measures.resolve` merges them in a fixed order into measures. A
:class:`FundingCue` lists, per monetary amount, what the amount may fund in the order to try
(:class:`NewPhrase`, :class:`Reference`, :class:`SentenceMeasure`, :class:`SectionTopic`,
:class:`Continuation`): the text decides the alternatives, the resolve step picks the first that
names a measure.
"""

from __future__ import annotations

from dataclasses import dataclass

from helsekg.extract.records import Amount, Goal, TargetGroup

__all__ = [
    "ActionCandidate",
    "BudgetPost",
    "BulletItem",
    "Candidate",
    "Continuation",
    "FundingAttempt",
    "FundingCue",
    "GoalCandidate",
    "ListReading",
    "ListedUnder",
    "MentionSpan",
    "NewPhrase",
    "ProgrammeCue",
    "Reference",
    "SectionTopic",
    "SentenceMeasure",
    "TargetCandidate",
]


@dataclass(frozen=True, slots=True)
class Candidate:
    """A measure mention a strategy proposes: ``text[start:end]`` in sentence ``sentence``.

    ``how`` says which strategy found it ("title", "heading", "named", "forward", "backward", "cell", "project",
    "reference", "alias", "action", "request", "proposal", "bullet", "law": a law a title names); ``named`` marks a
    proper name (kept as written in the key);
    ``is_programme`` marks a programme ("Kompetanseløft 2025 inneholder ..."); ``group`` numbers the
    measures one phrase names together ("refusjonsordningene A og B", "Eksempler på ordninger er A, B
    og C"): an amount that funds one of them funds each.
    """

    start: int
    end: int
    sentence: int | None
    how: str
    named: bool = False
    is_programme: bool = False
    group: int | None = None


@dataclass(frozen=True, slots=True)
class BudgetPost:
    """A "Post 21 Tilskudd til ..." heading: the measure its section is about (and its numbered sub-sections')."""

    candidate: Candidate
    section: int
    #: the sections of the numbered sub-headings under it ("11.14.1.1 Sammendrag" under "11.14.1 Post 21 ...")
    subsections: tuple[int, ...] = ()
    #: the heading is the document's title ("Post 21 Spesielle driftsutgifter" over a committee's summary)
    title: bool = False


@dataclass(frozen=True, slots=True)
class NewPhrase:
    """The amount funds this phrase (a new mention unless the span is known)."""

    start: int
    end: int
    how: str


@dataclass(frozen=True, slots=True)
class Reference:
    """The amount funds the earlier measure this definite reference points at ("Ordningen", "fondet").

    With ``alias`` the reference also becomes a mention of that measure under its own wording.
    """

    start: int
    end: int
    alias: bool


@dataclass(frozen=True, slots=True)
class SentenceMeasure:
    """The amount funds the measure already named in its sentence (with ``before``: named before the amount)."""

    before: bool = False


@dataclass(frozen=True, slots=True)
class SectionTopic:
    """The amount funds the measure of its section (a "Post" heading) or the last one in its paragraph."""


@dataclass(frozen=True, slots=True)
class Continuation:
    """A total with no phrase of its own funds the measure of the amount before it in the sentence."""


@dataclass(frozen=True, slots=True)
class FundedBefore:
    """A share of money funds the last measure before it that money was given to ("Midlane vert fordelt med N til
    Helse Vest": the measure the money was granted for)."""


@dataclass(frozen=True, slots=True)
class ListedUnder:
    """An amount on a line of its own under a list introduction ("Vi har innvilget følgende beløp:" / "I 2023: 820
    000"): it funds the measure the introduction names, else the one the sentence before it names."""

    intro: int  # the start of the introduction line


FundingAttempt = NewPhrase | Reference | SentenceMeasure | SectionTopic | Continuation | FundedBefore | ListedUnder


@dataclass(frozen=True, slots=True)
class FundingCue:
    """One monetary amount and what it may fund, in the order to try."""

    amount: Amount
    sentence: int
    attempts: tuple[FundingAttempt, ...]
    #: the sum applications asked for ("68 søknader om totalt 34 millionar kroner"): its phrase names a measure, whose
    #: money it is not
    applied: bool = False


@dataclass(frozen=True, slots=True)
class ActionCandidate:
    """A decided action: ``candidate`` unless an earlier measure overlaps the span ``check``."""

    check: tuple[int, int]
    candidate: Candidate


@dataclass(frozen=True, slots=True)
class ProgrammeCue:
    """How a list introduction may name the programme its items belong to.

    ``items_at``: where the name may start after "tiltakene i", "del av" ...; ``origin``: the cue says
    where the items come from ("videreføres fra"), so they belong to the previous list's programme;
    ``fallback_key``: the key of the first capitalised programme after the cue; ``whole``: the
    (start, end, sentence) of a definite subject before "består av", "inneholder" ("Satsingen består av").
    """

    items_at: int | None
    origin: bool
    fallback_key: str | None
    whole: tuple[int, int, int] | None


@dataclass(frozen=True, slots=True)
class BulletItem:
    """One list item: its sentences and the measure phrase it names (None: no phrase). ``recipient``: the item
    names only who gets its money ("• 2 mill. Frelsesarmeen"), so the money funds the item it stands under."""

    sentences: tuple[int, ...]
    candidate: Candidate | None
    recipient: bool = False


@dataclass(frozen=True, slots=True)
class ListReading:
    """What a bullet list is: recommendations (their measures are dropped), measures, or neither."""

    list_id: int
    recommendation: bool
    is_measures: bool
    programme: ProgrammeCue | None
    items: tuple[BulletItem, ...]


@dataclass(frozen=True, slots=True)
class MentionSpan:
    """A measure mention as the goal finder sees it (the merged mentions, read-only)."""

    start: int
    end: int
    sentence: int | None
    how: str


@dataclass(frozen=True, slots=True)
class GoalCandidate:
    """A goal and the sentence and cue offset it was found at."""

    goal: Goal
    sentence: int
    cue: int


@dataclass(frozen=True, slots=True)
class TargetCandidate:
    """A target group, its sentence, and whether the sentence is about who the measure is for."""

    group: TargetGroup
    sentence: int
    strong: bool
