"""Validation returns data and never mutates the graph; the Python anchor check."""

from __future__ import annotations

import pytest

from rdflib import Literal
from rdflib.namespace import RDF

from helsekg.graph.namespace import HKG
from helsekg.validate.core import check_anchors, validate


def test_validate_corpus_graph_conforms(corpus_result):
    assert corpus_result.report.conforms, corpus_result.report.text()
    assert corpus_result.report.anchors_checked > 50


def test_validate_does_not_mutate(corpus_graph):
    before = set(corpus_graph)
    validate(corpus_graph)
    assert set(corpus_graph) == before


def test_validate_wrong_anchor_is_a_violation(corpus_graph, corpus_result):
    graph = corpus_graph.__class__()
    for triple in corpus_graph:
        graph.add(triple)
    mention = next(iter(graph.subjects(RDF.type, HKG.Mention)))
    graph.set((mention, HKG.anchorText, Literal("feil tekst")))
    violations, warnings, checked = check_anchors(graph, {}, read_sources=True)
    assert len(violations) == 1 and violations[0].focus == str(mention)
    assert "anchor text differs" in violations[0].message


def test_validate_missing_text_is_a_warning_not_a_violation(corpus_graph):
    violations, warnings, checked = check_anchors(corpus_graph, {}, read_sources=False)
    assert violations == [] and checked == 0
    documents_with_mentions = set(corpus_graph.objects(None, HKG.inDocument))
    assert len(warnings) == len(documents_with_mentions) >= 4 and "not checked" in warnings[0]


def test_validate_report_text_names_focus_and_message(corpus_graph):
    graph = corpus_graph.__class__()
    for triple in corpus_graph:
        graph.add(triple)
    amount = next(iter(graph.subjects(RDF.type, HKG.MonetaryAmount)))
    graph.set((amount, HKG.amountKind, HKG.Exact))
    report = validate(graph)
    assert not report.conforms
    assert str(amount) in report.text()


def test_validate_document_without_heading_conforms(blank_nlp):
    """A plain text with no heading line has no dcterms:title, and that is not a violation."""
    from helsekg.api import document_graph, extract_text
    from helsekg.graph.build import document_iri

    text = ("Kommunestyret i Volda vedtok å løyve 1,2 millionar kroner til ei ny ordning med akutthjelparar i 2025. "
            "Formålet er å korte ned responstida i utkantane.\n")
    extraction = extract_text(text, source="volda.txt", nlp=blank_nlp)
    assert extraction.document.title is None
    graph = document_graph(extraction)
    report = validate(graph, texts={str(document_iri(extraction.document.doc_id)): text})
    assert report.conforms, report.text()


@pytest.mark.parametrize("engine", ["pyshacl", "oxigraph"])
def test_validate_cli_writes_a_shacl_validation_report(tmp_path, engine):
    from click.testing import CliRunner
    from rdflib import Graph, Literal, URIRef
    from rdflib.namespace import SH, SKOS

    from helsekg.cli import main
    from helsekg.graph.io import write_graph

    hkg = "https://w3id.org/helsekg/ontology#"
    graph = Graph().parse(data=_DOC_GRAPH_FOR_REPORT, format="turtle")
    graph.add((URIRef("https://w3id.org/helsekg/id/actor/hod"), SKOS.prefLabel, Literal("HOD", lang="nb")))
    path = write_graph(graph, tmp_path / "bad.ttl")
    result = CliRunner().invoke(main, ["validate", str(path), "--format", "ttl", "--engine", engine])
    assert result.exit_code == 1, result.output
    report = Graph().parse(data=result.output, format="turtle")
    node = next(report.subjects(SH.conforms, Literal(False)))
    assert len(list(report.objects(node, SH.result))) == 1  # two skos:prefLabel @nb
    assert SH.UniqueLangConstraintComponent in set(report.objects(None, SH.sourceConstraintComponent))
    # the anchor check's results are sh:ValidationResults too
    checked = validate(graph, texts={"https://w3id.org/helsekg/id/doc/d-1a2b3c4d": "HUD og mer"}, engine=engine)
    results = checked.to_graph()
    anchor = next(results.subjects(SH.sourceConstraintComponent, URIRef(hkg + "AnchorTextConstraint")))
    assert results.value(anchor, SH.value) == Literal("HOD")


_DOC_GRAPH_FOR_REPORT = """
@prefix hkg: <https://w3id.org/helsekg/ontology#> . @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> . @prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix dcterms: <http://purl.org/dc/terms/> . @base <https://w3id.org/helsekg/id/> .
<doc/d-1a2b3c4d> a hkg:PolicyDocument ; dcterms:title "Notat"@nb ; dcterms:language "nb" ; dcterms:source "/nonexistent/d.txt" ;
    hkg:contentHash "0000000000000000000000000000000000000000000000000000000000000000" ; dcterms:format "text/plain" .
<actor/hod> a hkg:Actor, hkg:Organisation ; rdfs:label "Helse- og omsorgsdepartementet"@nb ;
    skos:prefLabel "Helse- og omsorgsdepartementet"@nb ; hkg:mentionedIn <doc/d-1a2b3c4d> ; hkg:hasMention <mention/d-1a2b3c4d/0-3> .
<mention/d-1a2b3c4d/0-3> a hkg:Mention ; hkg:inDocument <doc/d-1a2b3c4d> ; hkg:anchorText "HOD" ;
    hkg:startOffset "0"^^xsd:nonNegativeInteger ; hkg:endOffset "3"^^xsd:nonNegativeInteger .
"""
