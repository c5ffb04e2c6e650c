"""Records -> RDF: the only place helsekg mints IRIs.

IRIs are deterministic (see ``docs/architecture.md``): the same input gives the same graph, and an
actor or measure with the same identity key in two documents is one node with two
``hkg:mentionedIn``. Every extracted node gets ``rdfs:label``, ``hkg:mentionedIn`` and one
``hkg:hasMention`` per occurrence, whose ``hkg:anchorText`` is exactly the document text between
its offsets.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from decimal import Decimal
from functools import wraps
from typing import Any

import pyoxigraph as ox
from rdflib import Graph, URIRef
from rdflib.namespace import RDF, RDFS, SKOS, XSD

from helsekg.extract.records import (
    Actor,
    Amount,
    DocumentInfo,
    Extraction,
    Goal,
    Measure,
    Quote,
    Recommendation,
    Span,
    TargetGroup,
    Theme,
)
from helsekg.graph.io import from_oxigraph, to_oxigraph
from helsekg.graph.labels import canonical_labels
from helsekg.graph.namespace import DCTERMS, HKG, ID, ORG, SCHEMA
from helsekg.graph.prefixes import PREFIXES
from helsekg.text.document import FileFormat

QUALIFIERS = {name: HKG[name] for name in ("Exact", "Approximately", "UpTo", "AtLeast", "MoreThan", "LessThan")}
KINDS = {name: HKG[name] for name in ("Increase", "Reduction", "Total", "Unspecified")}


#: ``dcterms:format`` of a document: the media type of the file its text was read from.
MEDIA_TYPES = {
    FileFormat.TEXT: "text/plain",
    FileFormat.HTML: "text/html",
    FileFormat.PDF: "application/pdf",
    FileFormat.DOCX: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
}


def new_graph() -> Graph:
    """An empty rdflib Graph with helsekg's prefixes bound."""
    graph = Graph(bind_namespaces="core")
    for prefix, namespace in PREFIXES.items():
        graph.bind(prefix, namespace, override=True)
    return graph


# The path of each kind of node under ``ID``: the one definition of every instance IRI, used by the ``*_iri``
# functions (rdflib terms) and by the builder (Oxigraph terms).

def _doc_path(doc_id: str) -> str:
    return f"doc/{doc_id}"


def _span_path(kind: str, span: Span) -> str:
    return f"{kind}/{span.doc_id}/{span.start}-{span.end}"


def _amount_path(amount: Amount) -> str:
    return _span_path("amount" if amount.is_money else "quantity", amount)


def _actor_path(key: str) -> str:
    return f"actor/{key}"


def _measure_path(key: str) -> str:
    return f"measure/{key}"


def _target_group_path(key: str) -> str:
    return f"target-group/{key}"


def _theme_path(key: str) -> str:
    return f"theme/{key}"


def document_iri(doc_id: str) -> URIRef:
    """IRI of a policy document."""
    return ID[_doc_path(doc_id)]


def actor_iri(actor: Actor) -> URIRef:
    """IRI of a real-world actor, shared by all its mentions."""
    return ID[_actor_path(actor.key)]


def measure_iri(measure: Measure) -> URIRef:
    """IRI of a measure, shared by all documents that name it."""
    return ID[_measure_path(measure.key)]


def amount_iri(amount: Amount) -> URIRef:
    """IRI of a monetary amount or quantity stated at one place."""
    return ID[_amount_path(amount)]


def target_group_iri(group: TargetGroup) -> URIRef:
    """IRI of a target group, shared by all documents that name it."""
    return ID[_target_group_path(group.key)]


def theme_iri(theme: Theme) -> URIRef:
    """IRI of a concept of the theme scheme."""
    return ID[_theme_path(theme.key)]


def build_graph(extractions: Iterable[Extraction], graph: Graph | None = None) -> Graph:
    """Add every extraction to ``graph`` (a new graph by default) and return it.

    The merged graph then gets one ``skos:prefLabel`` per node and language (the other forms as
    ``skos:altLabel``, see :func:`helsekg.graph.labels.canonical_labels`); :func:`add_extraction` alone
    adds none.
    """
    graph = new_graph() if graph is None else graph
    for extraction in extractions:
        add_extraction(graph, extraction)
    return canonical_labels(graph)


def document_triples(extraction: Extraction) -> list[ox.Triple]:
    """The facts of one document as Oxigraph triples, without rdflib (issue 18).

    Each triple once, sorted as :func:`helsekg.graph.io.serialize` sorts them, so their N-Triples are byte for
    byte those of the graph :func:`add_extraction` fills. Extraction workers build, validate and serialise
    these: the builder makes Oxigraph terms directly, where making rdflib terms and converting them cost about
    twice as much.
    """
    return sorted(dict.fromkeys(_Builder(extraction).build()), key=str)


def oxigraph_triples(write: Callable[[Graph], object]) -> list[ox.Triple]:
    """What ``write(graph)`` adds to a graph, as Oxigraph triples, each once, in the order added, without building an
    rdflib Graph (``write`` gets an object with the Graph's ``add``; issue 18). Repeats are dropped before they are
    converted."""
    sink = _TripleSink()
    write(sink)  # type: ignore[arg-type]
    return to_oxigraph(dict.fromkeys(sink.triples))


class _TripleSink:
    """What a writer of rdflib triples needs of a Graph: ``add``, collecting the triples in a list."""

    def __init__(self) -> None:
        self.triples: list[tuple] = []

    def add(self, triple: tuple) -> None:
        self.triples.append(triple)


def add_extraction(graph: Graph, extraction: Extraction) -> Graph:
    """Add the facts of one document to ``graph`` (the triples of :func:`document_triples`, as rdflib terms)."""
    for triple in from_oxigraph(_Builder(extraction).build()):
        graph.add(triple)
    return graph


class _Terms:
    """The Oxigraph named nodes of one rdflib namespace, each made once: ``_Terms(HKG).Measure``. A closed
    namespace still refuses a term it does not define."""

    def __init__(self, namespace: Any) -> None:
        self._namespace = namespace

    def __getattr__(self, name: str) -> ox.NamedNode:
        node = ox.NamedNode(str(getattr(self._namespace, name)))
        setattr(self, name, node)
        return node


_HKG, _RDF, _RDFS, _SKOS, _XSD = _Terms(HKG), _Terms(RDF), _Terms(RDFS), _Terms(SKOS), _Terms(XSD)
_DCTERMS, _ORG, _SCHEMA = _Terms(DCTERMS), _Terms(ORG), _Terms(SCHEMA)
_ID = str(ID)
_OX_QUALIFIERS = {name: ox.NamedNode(str(node)) for name, node in QUALIFIERS.items()}
_OX_KINDS = {name: ox.NamedNode(str(node)) for name, node in KINDS.items()}


def _once(write: Callable[[_Builder, Any], ox.NamedNode]) -> Callable[[_Builder, Any], ox.NamedNode]:
    """A :class:`_Builder` method that writes a record once and then only returns its node: a record met again (an
    amount funding a measure after the amounts, the proposer of many measures, a theme) would add the same triples
    again (issue 18: half of the triples the builder made were repeats)."""

    @wraps(write)
    def once(builder: _Builder, record: Any) -> ox.NamedNode:
        node = builder.written.get(record)
        if node is None:
            node = builder.written[record] = write(builder, record)
        return node

    return once


def _id(path: str) -> ox.NamedNode:
    """The instance IRI ``ID[path]`` as an Oxigraph node (the IRIs of :func:`actor_iri` and its siblings)."""
    return ox.NamedNode(_ID + path)


def _span_id(kind: str, span: Span) -> ox.NamedNode:
    return _id(_span_path(kind, span))


def _typed(value: object, datatype: ox.NamedNode) -> ox.Literal:
    return ox.Literal(str(value), datatype=datatype)


class _Builder:
    """The triples of one extraction, as Oxigraph terms; the IRIs are the ones the ``*_iri`` functions mint."""

    def __init__(self, extraction: Extraction) -> None:
        self.extraction = extraction
        self.doc = _id(_doc_path(extraction.document.doc_id))
        self.lang = str(extraction.document.language)
        self.text = extraction.text
        self.info = extraction.document
        self.triples: list[ox.Triple] = []
        self.written: dict[object, ox.NamedNode] = {}  # the node each record was written as (:func:`_once`)

    def build(self) -> list[ox.Triple]:
        extraction = self.extraction
        self.document(extraction.document)
        for actor in extraction.actors:
            self.actor(actor)
        for amount in extraction.amounts:
            self.amount(amount)
        for measure in extraction.measures:
            self.measure(measure)
        for quote in extraction.quotes:
            self.quote(quote)
        for goal in extraction.goals:
            self.goal(goal)
        for group in extraction.target_groups:
            self.target_group(group)
        for recommendation in extraction.recommendations:
            self.recommendation(recommendation)
        return self.triples

    def add(self, subject: ox.NamedNode, predicate: ox.NamedNode, value: ox.NamedNode | ox.Literal) -> None:
        self.triples.append(ox.Triple(subject, predicate, value))

    def label(self, text: str) -> ox.Literal:
        return ox.Literal(" ".join(text.split()), language=self.lang)

    def mention(self, node: ox.NamedNode, span: Span) -> ox.NamedNode:
        if self.text[span.start:span.end] != span.text:
            raise ValueError(f"record offsets {span.start}-{span.end} do not match its text {span.text!r}")
        mention = _span_id("mention", span)
        add = self.add
        add(mention, _RDF.type, _HKG.Mention)
        add(mention, _HKG.inDocument, self.doc)
        add(mention, _HKG.startOffset, _typed(span.start, _XSD.nonNegativeInteger))
        add(mention, _HKG.endOffset, _typed(span.end, _XSD.nonNegativeInteger))
        add(mention, _HKG.anchorText, ox.Literal(span.text))
        page = self.info.page_at(span.start)
        if page is not None:
            add(mention, _HKG.page, _typed(page, _XSD.positiveInteger))
        heading = self.info.heading_at(span.start)
        if heading is not None and heading.text.strip():
            add(mention, _HKG.heading, ox.Literal(" ".join(heading.text.split())))
        add(node, _HKG.hasMention, mention)
        add(node, _HKG.mentionedIn, self.doc)
        return mention

    def document(self, info: DocumentInfo) -> None:
        add, doc = self.add, self.doc
        add(doc, _RDF.type, _HKG.PolicyDocument)
        if info.title:
            add(doc, _DCTERMS.title, self.label(info.title))
        if info.issued:
            add(doc, _DCTERMS.issued, _typed(info.issued.isoformat(), _XSD.date))
        add(doc, _DCTERMS.language, ox.Literal(str(info.language)))
        add(doc, _DCTERMS.source, ox.Literal(str(info.source)))
        add(doc, _HKG.contentHash, ox.Literal(str(info.content_hash)))
        if info.kind:
            add(doc, _HKG.documentKind, ox.Literal(str(info.kind)))
        add(doc, _DCTERMS.format, ox.Literal(MEDIA_TYPES[info.format]))
        if info.publisher:
            add(doc, _DCTERMS.publisher, self.actor(info.publisher))

    @_once
    def actor(self, actor: Actor) -> ox.NamedNode:
        node = _id(_actor_path(actor.key))
        add = self.add
        add(node, _RDF.type, _HKG.Actor)
        add(node, _RDF.type, _HKG.Organisation if actor.kind == "organisation" else _HKG.Person)
        add(node, _RDFS.label, self.label(actor.label))
        for role in actor.roles:
            add(node, _HKG.role, self.label(role))
        if actor.affiliation:  # "direktør i Helsedirektoratet": the organisation the role is held in
            add(node, _ORG.memberOf, _id(_actor_path(actor.affiliation)))
        mention = self.mention(node, actor)
        for role in actor.stated_roles or actor.roles:  # which document stated which role, as written: hkg:role
            add(mention, _HKG.statedRole, self.label(role))  # gathers them over all documents
        return node

    @_once
    def amount(self, amount: Amount) -> ox.NamedNode:
        node = _id(_amount_path(amount))
        add = self.add
        add(node, _RDF.type, _HKG.MonetaryAmount if amount.is_money else _HKG.Quantity)
        add(node, _RDFS.label, self.label(amount.text))
        add(node, _SCHEMA.value, _decimal(amount.value))
        add(node, _HKG.qualifier, _OX_QUALIFIERS[amount.qualifier])
        if amount.is_money:
            add(node, _SCHEMA.currency, ox.Literal(amount.currency or "NOK"))
            add(node, _HKG.amountKind, _OX_KINDS[amount.kind])
            if amount.fiscal_year is not None:
                add(node, _HKG.fiscalYear, _typed(f"{amount.fiscal_year:04d}", _XSD.gYear))
        else:
            if amount.unit:
                add(node, _SCHEMA.unitText, ox.Literal(amount.unit, language=self.lang))
            if amount.value_max is not None:
                add(node, _SCHEMA.minValue, _decimal(amount.value))
                add(node, _SCHEMA.maxValue, _decimal(amount.value_max))
        self.mention(node, amount)
        return node

    def measure(self, measure: Measure) -> ox.NamedNode:
        node = _id(_measure_path(measure.key))
        add = self.add
        add(node, _RDF.type, _HKG.Measure)
        if measure.is_programme:
            add(node, _RDF.type, _HKG.Programme)
        add(node, _RDFS.label, self.label(measure.label))
        for amount in measure.funding:
            add(node, _HKG.hasFunding, self.amount(amount))
        for quantity in measure.quantities:
            add(node, _HKG.hasQuantity, self.amount(quantity))
        if measure.proposer is not None:
            proposer = self.actor(measure.proposer)
            add(node, _HKG.proposedBy, proposer)
            # who puts up the money, as this document states it: an aggregate per actor needs no join through
            # the measure, whose proposers gather over every document that names it (issue 18)
            for amount in measure.funding:
                add(self.amount(amount), _HKG.fundedBy, proposer)
        for goal in measure.goals:
            add(node, _HKG.hasGoal, self.goal(goal))
        for group in measure.targets:
            add(node, _HKG.targets, self.target_group(group))
        for theme in measure.themes:
            add(node, _HKG.hasTheme, self.theme(theme))
        if measure.part_of:
            # the programme is itself a Measure record of the same extraction, so it is typed and labelled
            add(node, _HKG.partOf, _id(_measure_path(measure.part_of)))
        self.mention(node, measure)
        return node

    def quote(self, quote: Quote) -> ox.NamedNode:
        node = _span_id("quote", quote)
        add = self.add
        add(node, _RDF.type, _HKG.Quote)
        add(node, _RDFS.label, self.label(_shorten(quote.text)))
        add(node, _HKG.quoteText, ox.Literal(quote.text, language=self.lang))
        if quote.speaker is not None:
            add(node, _HKG.statedBy, self.actor(quote.speaker))
        self.mention(node, quote)
        return node

    @_once
    def goal(self, goal: Goal) -> ox.NamedNode:
        node = _span_id("goal", goal)
        self.add(node, _RDF.type, _HKG.Goal)
        self.add(node, _RDFS.label, self.label(goal.label))
        self.mention(node, goal)
        return node

    @_once
    def target_group(self, group: TargetGroup) -> ox.NamedNode:
        node = _id(_target_group_path(group.key))
        self.add(node, _RDF.type, _HKG.TargetGroup)
        self.add(node, _RDFS.label, self.label(group.label))
        self.mention(node, group)
        return node

    @_once
    def theme(self, theme: Theme) -> ox.NamedNode:
        node = _id(_theme_path(theme.key))
        self.add(node, _RDF.type, _HKG.Theme)
        self.add(node, _RDF.type, _SKOS.Concept)
        self.add(node, _SKOS.prefLabel, ox.Literal(theme.label, language="nb"))
        return node

    def recommendation(self, recommendation: Recommendation) -> ox.NamedNode:
        node = _span_id("recommendation", recommendation)
        add = self.add
        add(node, _RDF.type, _HKG.Recommendation)
        add(node, _RDFS.label, self.label(recommendation.label))
        if recommendation.by is not None:
            add(node, _HKG.recommendedBy, self.actor(recommendation.by))
        for theme in recommendation.themes:
            add(node, _HKG.hasTheme, self.theme(theme))
        self.mention(node, recommendation)
        return node


def _decimal(value: Decimal) -> ox.Literal:
    """An xsd:decimal in rdflib's lexical form (``f"{value:f}"``: 5E+5 is "500000"), so rdflib and Oxigraph
    readers see the same literal."""
    return ox.Literal(f"{value:f}", datatype=_XSD.decimal)


def _shorten(text: str, words: int = 12) -> str:
    parts = text.split()
    return " ".join(parts[:words]) + (" …" if len(parts) > words else "")
