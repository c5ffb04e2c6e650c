"""Records -> RDF: the only place helsekg mints IRIs.

IRIs are deterministic (see ``docs/architecture.md``): the same input gives the same graph, and an
actor or measure with the same identity key in two documents is one node with two
``hkg:mentionedIn``. Every extracted node gets ``rdfs:label``, ``hkg:mentionedIn`` and one
``hkg:hasMention`` per occurrence, whose ``hkg:anchorText`` is exactly the document text between
its offsets.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from functools import wraps
from typing import Any

import pyoxigraph as ox
from rdflib import Graph, Literal, URIRef
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
from helsekg.graph.io import to_oxigraph
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


def document_iri(doc_id: str) -> URIRef:
    """IRI of a policy document."""
    return ID[f"doc/{doc_id}"]


def _local_iri(kind: str, span: Span) -> URIRef:
    return ID[f"{kind}/{span.doc_id}/{span.start}-{span.end}"]


def actor_iri(actor: Actor) -> URIRef:
    """IRI of a real-world actor, shared by all its mentions."""
    return ID[f"actor/{actor.key}"]


def measure_iri(measure: Measure) -> URIRef:
    """IRI of a measure, shared by all documents that name it."""
    return ID[f"measure/{measure.key}"]


def amount_iri(amount: Amount) -> URIRef:
    """IRI of a monetary amount or quantity stated at one place."""
    return _local_iri("amount" if amount.is_money else "quantity", amount)


def target_group_iri(group: TargetGroup) -> URIRef:
    """IRI of a target group, shared by all documents that name it."""
    return ID[f"target-group/{group.key}"]


def theme_iri(theme: Theme) -> URIRef:
    """IRI of a concept of the theme scheme."""
    return ID[f"theme/{theme.key}"]


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
    """The facts of one document as Oxigraph triples, without an rdflib Graph (issue 18).

    The same triples as :func:`add_extraction` adds to an empty graph (the same code mints the terms), each
    once, sorted as :func:`helsekg.graph.io.serialize` sorts them, so their N-Triples are byte for byte that
    graph's. Extraction workers build, validate and serialise these; rdflib's in-memory store cost about
    as much as every other step after the pipeline together.
    """
    # two rdflib triples can give one Oxigraph triple (a plain literal and its xsd:string twin): dropped again
    return sorted(dict.fromkeys(oxigraph_triples(lambda sink: add_extraction(sink, extraction))), key=str)


def oxigraph_triples(write: Callable[[Graph], object]) -> list[ox.Triple]:
    """What ``write(graph)`` adds to a graph, as Oxigraph triples, each once, in the order added, without building an
    rdflib Graph (``write`` gets an object with the Graph's ``add``; issue 18). Repeats are dropped before they are
    converted."""
    sink = _TripleSink()
    write(sink)  # type: ignore[arg-type]
    return to_oxigraph(dict.fromkeys(sink.triples))


class _TripleSink:
    """What :class:`_Builder` needs of a Graph: ``add``, collecting the rdflib triples in a list."""

    def __init__(self) -> None:
        self.triples: list[tuple] = []

    def add(self, triple: tuple) -> None:
        self.triples.append(triple)


def add_extraction(graph: Graph, extraction: Extraction) -> Graph:
    """Add the facts of one document to ``graph``."""
    builder = _Builder(graph, extraction)
    builder.document(extraction.document)
    for actor in extraction.actors:
        builder.actor(actor)
    for amount in extraction.amounts:
        builder.amount(amount)
    for measure in extraction.measures:
        builder.measure(measure)
    for quote in extraction.quotes:
        builder.quote(quote)
    for goal in extraction.goals:
        builder.goal(goal)
    for group in extraction.target_groups:
        builder.target_group(group)
    for recommendation in extraction.recommendations:
        builder.recommendation(recommendation)
    return graph


def _once(write: Callable[[_Builder, Any], URIRef]) -> Callable[[_Builder, Any], URIRef]:
    """A :class:`_Builder` method that writes a record once and then only returns its node: a record met again (an
    amount funding a measure after the amounts, the proposer of many measures, a theme) would add the same triples
    again (issue 18: half of the triples the builder made were repeats)."""

    @wraps(write)
    def once(builder: _Builder, record: Any) -> URIRef:
        node = builder.written.get(record)
        if node is None:
            node = builder.written[record] = write(builder, record)
        return node

    return once


class _Builder:
    def __init__(self, graph: Graph, extraction: Extraction) -> None:
        self.g = graph
        self.doc = document_iri(extraction.document.doc_id)
        self.lang = extraction.document.language
        self.text = extraction.text
        self.info = extraction.document
        self.written: dict[object, URIRef] = {}  # the node each record was written as (:func:`_once`)

    def label(self, text: str) -> Literal:
        return Literal(" ".join(text.split()), lang=self.lang)

    def mention(self, node: URIRef, span: Span) -> URIRef:
        if self.text[span.start:span.end] != span.text:
            raise ValueError(f"record offsets {span.start}-{span.end} do not match its text {span.text!r}")
        mention = _local_iri("mention", span)
        g = self.g
        g.add((mention, RDF.type, HKG.Mention))
        g.add((mention, HKG.inDocument, self.doc))
        g.add((mention, HKG.startOffset, Literal(span.start, datatype=XSD.nonNegativeInteger)))
        g.add((mention, HKG.endOffset, Literal(span.end, datatype=XSD.nonNegativeInteger)))
        g.add((mention, HKG.anchorText, Literal(span.text)))
        page = self.info.page_at(span.start)
        if page is not None:
            g.add((mention, HKG.page, Literal(page, datatype=XSD.positiveInteger)))
        heading = self.info.heading_at(span.start)
        if heading is not None and heading.text.strip():
            g.add((mention, HKG.heading, Literal(" ".join(heading.text.split()))))
        g.add((node, HKG.hasMention, mention))
        g.add((node, HKG.mentionedIn, self.doc))
        return mention

    def document(self, info: DocumentInfo) -> None:
        g, doc = self.g, self.doc
        g.add((doc, RDF.type, HKG.PolicyDocument))
        if info.title:
            g.add((doc, DCTERMS.title, self.label(info.title)))
        if info.issued:
            g.add((doc, DCTERMS.issued, Literal(info.issued.isoformat(), datatype=XSD.date)))
        g.add((doc, DCTERMS.language, Literal(info.language)))
        g.add((doc, DCTERMS.source, Literal(info.source)))
        g.add((doc, HKG.contentHash, Literal(info.content_hash)))
        if info.kind:
            g.add((doc, HKG.documentKind, Literal(info.kind)))
        g.add((doc, DCTERMS.format, Literal(MEDIA_TYPES[info.format])))
        if info.publisher:
            g.add((doc, DCTERMS.publisher, self.actor(info.publisher)))

    @_once
    def actor(self, actor: Actor) -> URIRef:
        node = actor_iri(actor)
        g = self.g
        g.add((node, RDF.type, HKG.Actor))
        g.add((node, RDF.type, HKG.Organisation if actor.kind == "organisation" else HKG.Person))
        g.add((node, RDFS.label, self.label(actor.label)))
        for role in actor.roles:
            g.add((node, HKG.role, self.label(role)))
        if actor.affiliation:  # "direktør i Helsedirektoratet": the organisation the role is held in
            g.add((node, ORG.memberOf, ID[f"actor/{actor.affiliation}"]))
        mention = self.mention(node, actor)
        for role in actor.roles:  # which document stated which role: hkg:role gathers them over all documents
            g.add((mention, HKG.statedRole, self.label(role)))
        return node

    @_once
    def amount(self, amount: Amount) -> URIRef:
        node = amount_iri(amount)
        g = self.g
        g.add((node, RDF.type, HKG.MonetaryAmount if amount.is_money else HKG.Quantity))
        g.add((node, RDFS.label, self.label(amount.text)))
        g.add((node, SCHEMA.value, Literal(amount.value, datatype=XSD.decimal)))
        g.add((node, HKG.qualifier, QUALIFIERS[amount.qualifier]))
        if amount.is_money:
            g.add((node, SCHEMA.currency, Literal(amount.currency or "NOK")))
            g.add((node, HKG.amountKind, KINDS[amount.kind]))
            if amount.fiscal_year is not None:
                g.add((node, HKG.fiscalYear, Literal(f"{amount.fiscal_year:04d}", datatype=XSD.gYear)))
        else:
            if amount.unit:
                g.add((node, SCHEMA.unitText, Literal(amount.unit, lang=self.lang)))
            if amount.value_max is not None:
                g.add((node, SCHEMA.minValue, Literal(amount.value, datatype=XSD.decimal)))
                g.add((node, SCHEMA.maxValue, Literal(amount.value_max, datatype=XSD.decimal)))
        self.mention(node, amount)
        return node

    def measure(self, measure: Measure) -> URIRef:
        node = measure_iri(measure)
        g = self.g
        g.add((node, RDF.type, HKG.Measure))
        if measure.is_programme:
            g.add((node, RDF.type, HKG.Programme))
        g.add((node, RDFS.label, self.label(measure.label)))
        for amount in measure.funding:
            g.add((node, HKG.hasFunding, self.amount(amount)))
        for quantity in measure.quantities:
            g.add((node, HKG.hasQuantity, self.amount(quantity)))
        if measure.proposer is not None:
            g.add((node, HKG.proposedBy, self.actor(measure.proposer)))
        for goal in measure.goals:
            g.add((node, HKG.hasGoal, self.goal(goal)))
        for group in measure.targets:
            g.add((node, HKG.targets, self.target_group(group)))
        for theme in measure.themes:
            g.add((node, HKG.hasTheme, self.theme(theme)))
        if measure.part_of:
            # the programme is itself a Measure record of the same extraction, so it is typed and labelled
            g.add((node, HKG.partOf, ID[f"measure/{measure.part_of}"]))
        self.mention(node, measure)
        return node

    def quote(self, quote: Quote) -> URIRef:
        node = _local_iri("quote", quote)
        g = self.g
        g.add((node, RDF.type, HKG.Quote))
        g.add((node, RDFS.label, self.label(_shorten(quote.text))))
        g.add((node, HKG.quoteText, Literal(quote.text, lang=self.lang)))
        if quote.speaker is not None:
            g.add((node, HKG.statedBy, self.actor(quote.speaker)))
        self.mention(node, quote)
        return node


    @_once
    def goal(self, goal: Goal) -> URIRef:
        node = _local_iri("goal", goal)
        self.g.add((node, RDF.type, HKG.Goal))
        self.g.add((node, RDFS.label, self.label(goal.label)))
        self.mention(node, goal)
        return node

    @_once
    def target_group(self, group: TargetGroup) -> URIRef:
        node = target_group_iri(group)
        self.g.add((node, RDF.type, HKG.TargetGroup))
        self.g.add((node, RDFS.label, self.label(group.label)))
        self.mention(node, group)
        return node

    @_once
    def theme(self, theme: Theme) -> URIRef:
        node = theme_iri(theme)
        self.g.add((node, RDF.type, HKG.Theme))
        self.g.add((node, RDF.type, SKOS.Concept))
        self.g.add((node, SKOS.prefLabel, Literal(theme.label, lang="nb")))
        return node

    def recommendation(self, recommendation: Recommendation) -> URIRef:
        node = _local_iri("recommendation", recommendation)
        g = self.g
        g.add((node, RDF.type, HKG.Recommendation))
        g.add((node, RDFS.label, self.label(recommendation.label)))
        if recommendation.by is not None:
            g.add((node, HKG.recommendedBy, self.actor(recommendation.by)))
        for theme in recommendation.themes:
            g.add((node, HKG.hasTheme, self.theme(theme)))
        self.mention(node, recommendation)
        return node


def _shorten(text: str, words: int = 12) -> str:
    parts = text.split()
    return " ".join(parts[:words]) + (" …" if len(parts) > words else "")
