"""Frozen records: the contract between the NLP stage and the RDF stage.

Records carry document offsets and parsed values, never spaCy objects, so they outlive the ``Doc``,
pickle across processes and serialise to JSON (:func:`to_dict`).

>>> a = Actor(doc_id="d1", start=0, end=11, text="Regjeringen", label="Regjeringen", kind="organisation", key="regjeringen")
>>> to_dict(a)["label"]
'Regjeringen'
"""

from __future__ import annotations

import bisect
import dataclasses
import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal
from collections.abc import Callable
from typing import Any

from helsekg.nlp.actors import ActorKind
from helsekg.nlp.amounts import AmountKind, Qualifier
from helsekg.text.document import FileFormat, Heading, LanguageCode, heading_at


@dataclass(frozen=True)
class Span:
    """A stretch of one document: ``text == document.text[start:end]``."""

    doc_id: str
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Actor(Span):
    """An organisation or person as mentioned; ``key`` identifies the real-world actor across documents."""

    label: str
    kind: ActorKind
    key: str
    roles: tuple[str, ...] = ()
    #: Party of a politician as written after the name: "H", "Ap", "Sp", "FrP", "SV", "KrF", "V", "R", "MDG".
    party: str | None = None
    #: ``key`` of the organisation a person's role is held in ("direktør i Helsedirektoratet").
    affiliation: str | None = None
    #: Gazetteer type of an organisation: ministry, directorate, agency, health_trust, municipality, ...
    actor_type: str | None = None
    #: The roles as this mention writes them (hkg:statedRole): "stortingsrepresentantene" where ``roles`` (hkg:role)
    #: has "stortingsrepresentant"; empty when they are written as in ``roles``.
    stated_roles: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        object.__setattr__(self, "kind", ActorKind(self.kind))


@dataclass(frozen=True)
class Amount(Span):
    """A monetary amount (``is_money``) or a non-monetary quantity, with its parsed value."""

    value: Decimal
    is_money: bool
    qualifier: Qualifier
    kind: AmountKind
    currency: str | None = None
    unit: str | None = None
    fiscal_year: int | None = None
    value_max: Decimal | None = None

    def __post_init__(self) -> None:
        object.__setattr__(self, "qualifier", Qualifier(self.qualifier))
        object.__setattr__(self, "kind", AmountKind(self.kind))


@dataclass(frozen=True)
class Goal(Span):
    """A stated purpose or objective ("for å styrke kompetansen i tjenestene"); ``label`` is the goal itself."""

    label: str


@dataclass(frozen=True)
class TargetGroup(Span):
    """Who a measure is for ("leger i spesialisering"); ``key`` identifies the group across documents."""

    label: str
    key: str


@dataclass(frozen=True)
class Theme:
    """A concept of helsekg's theme scheme (``ontology/themes.ttl``); not a span of text."""

    key: str
    label: str


@dataclass(frozen=True)
class Measure(Span):
    """A policy measure (tiltak); ``key`` identifies it across documents.

    ``part_of`` is the key of the programme measure it belongs to (that programme is itself a
    Measure record of the same extraction, with ``is_programme=True``).
    """

    label: str
    key: str
    is_programme: bool = False
    funding: tuple[Amount, ...] = ()
    quantities: tuple[Amount, ...] = ()
    proposer: Actor | None = None
    part_of: str | None = None
    goals: tuple[Goal, ...] = ()
    targets: tuple[TargetGroup, ...] = ()
    themes: tuple[Theme, ...] = ()


@dataclass(frozen=True)
class Recommendation(Span):
    """A recommendation or proposal made by an actor; ``heading`` is the heading it stands under."""

    label: str
    by: Actor | None = None
    heading: str | None = None
    themes: tuple[Theme, ...] = ()


@dataclass(frozen=True)
class Quote(Span):
    """A statement attributed to a person: ``text`` is the quoted statement's span."""

    speaker: Actor | None = None


@dataclass(frozen=True)
class DocumentInfo:
    """What the graph records about one input document."""

    doc_id: str
    source: str
    language: LanguageCode
    content_hash: str
    title: str | None = None
    issued: dt.date | None = None
    publisher: Actor | None = None
    kind: str | None = None
    format: FileFormat = FileFormat.TEXT
    #: the document's headings, in text order (see :attr:`helsekg.text.document.Document.headings`)
    headings: tuple[Heading, ...] = ()
    #: PDF only: where each page starts
    page_starts: tuple[int, ...] = ()

    def __post_init__(self) -> None:
        object.__setattr__(self, "language", LanguageCode(self.language))
        object.__setattr__(self, "format", FileFormat(self.format))

    def page_at(self, offset: int) -> int | None:
        """The 1-based page ``offset`` falls on, or None when the document is not paged."""
        if not self.page_starts or offset < 0:
            return None
        return bisect.bisect_right(self.page_starts, offset)

    def heading_at(self, offset: int) -> Heading | None:
        """The heading ``offset`` stands under, or None before the first heading."""
        return heading_at(self.headings, offset)


@dataclass(frozen=True)
class Extraction:
    """Everything extracted from one document."""

    document: DocumentInfo
    text: str
    actors: tuple[Actor, ...] = ()
    measures: tuple[Measure, ...] = ()
    amounts: tuple[Amount, ...] = ()
    quotes: tuple[Quote, ...] = ()
    goals: tuple[Goal, ...] = ()
    target_groups: tuple[TargetGroup, ...] = ()
    recommendations: tuple[Recommendation, ...] = ()
    notes: tuple[str, ...] = field(default=())


def map_spans(record: Any, change: Callable[[Span], Span]) -> Any:
    """``record`` with every :class:`Span` in it (nested ones included) replaced by ``change(span)``.

    Used to move a whole extraction from one text's offsets to another's.

    >>> a = Actor("d", 0, 2, "KS", label="KS", kind="organisation", key="ks")
    >>> map_spans((a,), lambda s: dataclasses.replace(s, start=s.start + 1, end=s.end + 1))[0].start
    1
    """
    if isinstance(record, tuple):
        return tuple(map_spans(item, change) for item in record)
    if not dataclasses.is_dataclass(record) or isinstance(record, type):
        return record
    values = {f.name: map_spans(getattr(record, f.name), change) for f in dataclasses.fields(record)}
    updated = dataclasses.replace(record, **values) if any(
        values[name] is not getattr(record, name) for name in values) else record
    return change(updated) if isinstance(updated, Span) else updated


def to_dict(record: Any) -> dict[str, Any]:
    """A JSON-ready dict of a record (Decimals and dates as strings)."""

    def convert(value: Any) -> Any:
        if isinstance(value, Decimal):
            return str(value)
        if isinstance(value, dt.date):
            return value.isoformat()
        if isinstance(value, (list, tuple)):
            return [convert(v) for v in value]
        if isinstance(value, dict):
            return {k: convert(v) for k, v in value.items()}
        return value

    return convert(dataclasses.asdict(record))
