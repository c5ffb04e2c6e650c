"""Records -> RDF: provenance on every node, deterministic IRIs, one node per real-world actor."""

from __future__ import annotations

from decimal import Decimal

import pytest
from rdflib import Literal
from rdflib.compare import isomorphic
from rdflib.namespace import RDF, RDFS

from helsekg.api import extract_paths
from helsekg.graph.build import add_extraction
from helsekg.graph.namespace import HKG, ID

EXTRACTED_CLASSES = [HKG.Actor, HKG.Measure, HKG.MonetaryAmount, HKG.Quantity, HKG.Quote]


def test_rdf_every_extracted_node_has_label_and_provenance(corpus_graph):
    for cls in EXTRACTED_CLASSES:
        nodes = set(corpus_graph.subjects(RDF.type, cls))
        for node in nodes:
            labels = list(corpus_graph.objects(node, RDFS.label))
            assert labels and all(label.language in ("nb", "nn") for label in labels), node
            assert (node, HKG.mentionedIn, None) in corpus_graph, node
            assert (node, HKG.hasMention, None) in corpus_graph, node


def test_rdf_mentions_point_at_exact_text(corpus_graph, corpus_result):
    from helsekg.validate.core import check_anchors

    violations, warnings, checked = check_anchors(corpus_graph, {}, read_sources=True)
    assert violations == [] and warnings == []
    assert checked == len(set(corpus_graph.subjects(RDF.type, HKG.Mention))) > 50


def test_rdf_same_input_same_graph(corpus_dir, blank_nlp):
    first = extract_paths([corpus_dir], nlp=blank_nlp, check=False).graph
    second = extract_paths([corpus_dir], nlp=blank_nlp, check=False).graph
    assert set(first) == set(second)  # deterministic IRIs: identical, not just isomorphic
    assert isomorphic(first, second)


def test_rdf_same_actor_in_two_documents_is_one_node(corpus_graph):
    hoie = ID["actor/bent-hoie"]
    documents = set(corpus_graph.objects(hoie, HKG.mentionedIn))
    assert len(documents) == 2
    assert (hoie, HKG.role, Literal("helse- og omsorgsminister", lang="nb")) in corpus_graph


def test_rdf_same_measure_in_two_documents_is_one_node(corpus_graph):
    menn = ID["measure/menn-i-helse"]
    assert len(set(corpus_graph.objects(menn, HKG.mentionedIn))) == 2
    assert len(set(corpus_graph.objects(menn, HKG.hasFunding))) == 3


def test_rdf_superclasses_are_materialised(corpus_graph):
    for node in corpus_graph.subjects(RDF.type, HKG.Organisation):
        assert (node, RDF.type, HKG.Actor) in corpus_graph
    for node in corpus_graph.subjects(RDF.type, HKG.Person):
        assert (node, RDF.type, HKG.Actor) in corpus_graph


def test_rdf_documents_have_metadata(corpus_graph):
    docs = set(corpus_graph.subjects(RDF.type, HKG.PolicyDocument))
    assert len(docs) == 5
    from helsekg.graph.namespace import DCTERMS

    for doc in docs:
        assert corpus_graph.value(doc, DCTERMS.title) is not None
        assert str(corpus_graph.value(doc, DCTERMS.language)) in ("nb", "nn")
        assert corpus_graph.value(doc, DCTERMS.source) is not None


def test_rdf_goals_targets_recommendations_themes_conform():
    from decimal import Decimal

    from helsekg.extract.records import (
        Actor,
        Amount,
        DocumentInfo,
        Extraction,
        Goal,
        Measure,
        Recommendation,
        TargetGroup,
        Theme,
    )
    from helsekg.graph.build import document_iri, new_graph
    from helsekg.text import document_from_text
    from helsekg.validate.core import validate

    text = ("Rådet anbefaler økt rekruttering av sykepleiere.\n"
            "Kommunen gir 2 millioner kroner til mentorordningen for nyutdannede sykepleiere "
            "for å beholde flere i tjenesten.\n")
    doc = document_from_text(text, source="rad.txt")
    d = doc.id

    def span(cls, needle, **kw):
        start = text.index(needle)
        return cls(d, start, start + len(needle), needle, **kw)

    theme = Theme("rekruttering", "Rekruttering")
    council = span(Actor, "Rådet", label="Rådet", kind="organisation", key="radet")
    amount = span(Amount, "2 millioner kroner", value=Decimal(2_000_000), is_money=True, qualifier="Exact",
                  kind="Unspecified", currency="NOK")
    goal = span(Goal, "beholde flere i tjenesten", label="beholde flere i tjenesten")
    group = span(TargetGroup, "nyutdannede sykepleiere", label="nyutdannede sykepleiere", key="nyutdannede-sykepleiere")
    measure = span(Measure, "mentorordningen", label="mentorordningen", key="mentorordningen", funding=(amount,),
                   goals=(goal,), targets=(group,), themes=(theme,))
    rec = span(Recommendation, "økt rekruttering av sykepleiere", label="økt rekruttering av sykepleiere", by=council,
               themes=(theme,))
    extraction = Extraction(
        document=DocumentInfo(doc_id=d, source="rad.txt", language="nb", content_hash=doc.metadata.content_hash,
                              title="Rådet anbefaler"),
        text=text, actors=(council,), amounts=(amount,), measures=(measure,), goals=(goal,),
        target_groups=(group,), recommendations=(rec,),
    )
    graph = add_extraction(new_graph(), extraction)
    report = validate(graph, texts={str(document_iri(d)): text})
    assert report.conforms, report.text()
    measure_node = ID["measure/mentorordningen"]
    assert (measure_node, HKG.hasGoal, None) in graph
    assert (measure_node, HKG.targets, ID["target-group/nyutdannede-sykepleiere"]) in graph
    assert (None, HKG.recommendedBy, ID["actor/radet"]) in graph
    assert (None, HKG.hasTheme, ID["theme/rekruttering"]) in graph


def test_rdf_document_triples_equal_the_rdflib_graph(corpus_dir, nlp):
    """Issue 18: the workers' Oxigraph triples are the rdflib graph's, N-Triples byte for byte, same verdict."""
    import pyoxigraph as ox

    from helsekg.api import Failure, extract_document, extract_document_triples
    from helsekg.graph.io import serialize
    from helsekg.text.reading import iter_paths, read_document

    documents = [read_document(p) for p in iter_paths([corpus_dir])]
    assert documents
    for document in documents:
        via_rdflib, via_oxigraph = extract_document(document, nlp), extract_document_triples(document, nlp)
        assert not isinstance(via_rdflib, Failure) and not isinstance(via_oxigraph, Failure)
        (graph, report), (triples, ox_report) = via_rdflib, via_oxigraph
        assert ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES) == serialize(graph, ox.RdfFormat.N_TRIPLES)
        assert len(triples) == len(graph)
        assert report == ox_report and report.anchors_checked > 0


def test_rdf_document_triples_report_broken_anchors_like_the_graph(corpus_dir, blank_nlp):
    import pyoxigraph as ox

    from helsekg.api import process
    from helsekg.graph.build import document_iri, document_triples, new_graph
    from helsekg.graph.io import from_oxigraph
    from helsekg.text.reading import iter_paths, read_document
    from helsekg.validate.core import validate

    document = read_document(next(iter(iter_paths([corpus_dir]))))
    triples = document_triples(process(document, blank_nlp))
    anchor = str(HKG.anchorText)
    broken = [ox.Triple(t.subject, t.predicate, ox.Literal("x" + t.object.value)) if t.predicate.value == anchor else t
              for t in triples]
    graph = add_extraction(new_graph(), process(document, blank_nlp))
    graph.remove((None, HKG.anchorText, None))
    for triple in from_oxigraph(t for t in broken if t.predicate.value == anchor):
        graph.add(triple)
    texts = {str(document_iri(document.id)): document.text}
    expected = validate(graph, texts=texts, engine="oxigraph")
    got = validate(broken, texts=texts, engine="oxigraph")
    assert not got.conforms and got.anchors_checked == expected.anchors_checked
    assert sorted(got.violations, key=str) == sorted(expected.violations, key=str)


@pytest.mark.parametrize("value", ["5E+5", "1E-7", "1.50", "-3", "12.0", "2500000", "0.25"])
def test_rdf_builder_writes_decimals_in_rdflib_lexical_form(value):
    """Issue 18: the builder makes Oxigraph literals itself; an amount's xsd:decimal must read as rdflib writes it
    (fixed notation, trailing zeros kept), or the rdflib and Oxigraph views of one graph would differ."""
    from rdflib import Literal
    from rdflib.namespace import XSD

    from helsekg.graph.build import _decimal
    from helsekg.graph.io import to_oxigraph

    ours = _decimal(Decimal(value))
    [rdflib_triple] = to_oxigraph([(ID["a"], HKG.linkScore, Literal(Decimal(value), datatype=XSD.decimal))])
    assert ours == rdflib_triple.object
    assert "E" not in ours.value and Decimal(ours.value) == Decimal(value)
