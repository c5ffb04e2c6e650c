"""helsekg.graph.labels: one skos:prefLabel per node and language, the other written forms skos:altLabel."""

from __future__ import annotations

from collections import Counter

import pyoxigraph as ox
import pytest
from rdflib import Literal, URIRef
from rdflib.namespace import RDFS, SKOS

from helsekg.graph.build import new_graph
from helsekg.graph.io import to_oxigraph
from helsekg.graph.labels import canonical_labels, label_triples, preferred, store_label_triples

HKG = "https://w3id.org/helsekg/ontology#"
NODE = URIRef("https://w3id.org/helsekg/id/measure/alis-avtaler")


@pytest.mark.parametrize(("forms", "counts", "expected"), [
    (["Alis-avtaler for fastleger", "Alis-avtaler"], {}, "Alis-avtaler"),  # shortest
    (["Alis-avtaler for fastleger", "Alis-avtaler"], {"Alis-avtaler for fastleger": 3, "Alis-avtaler": 1},
     "Alis-avtaler for fastleger"),  # most written
    (["alis-avtaler", "ALIS-avtaler", "Alis-avtaler"], {}, "ALIS-avtaler"),  # then code-point order
])
def test_labels_preferred_form(forms, counts, expected):
    assert preferred(forms, Counter(counts)) == expected
    assert preferred(reversed(forms), Counter(counts)) == expected  # order of the input does not matter


def test_labels_one_preferred_per_language_counted_from_anchors():
    labels = [(NODE, Literal(f, lang=lang)) for f, lang in
              [("Alis-avtaler", "nb"), ("ALIS-avtaler for fastleger", "nb"), ("Alis-avtalar", "nn")]]
    anchors = [(NODE, "ALIS-avtaler  for\nfastleger"), (NODE, "ALIS-avtaler for fastleger"), (NODE, "Alis-avtaler")]
    assert set(label_triples(labels, anchors)) == {
        (NODE, SKOS.prefLabel, Literal("ALIS-avtaler for fastleger", lang="nb")),
        (NODE, SKOS.altLabel, Literal("Alis-avtaler", lang="nb")),
        (NODE, SKOS.prefLabel, Literal("Alis-avtalar", lang="nn")),
    }


def test_labels_canonical_is_idempotent_and_keeps_other_languages():
    graph = new_graph()
    graph.add((NODE, RDFS.label, Literal("Alis-avtaler", lang="nb")))
    graph.add((NODE, RDFS.label, Literal("ALIS-avtaler", lang="nb")))
    graph.add((NODE, SKOS.prefLabel, Literal("Alis-avtaler", lang="nb")))  # a stale choice is replaced
    graph.add((NODE, SKOS.prefLabel, Literal("Alis agreements", lang="en")))  # a curated label is kept
    once = set(canonical_labels(graph))
    assert set(canonical_labels(graph)) == once
    assert set(graph.objects(NODE, SKOS.prefLabel)) == {Literal("ALIS-avtaler", lang="nb"),
                                                         Literal("Alis agreements", lang="en")}
    assert set(graph.objects(NODE, SKOS.altLabel)) == {Literal("Alis-avtaler", lang="nb")}
    assert len(set(graph.objects(NODE, RDFS.label))) == 2  # rdfs:label stays (the vocabulary contract)


def test_labels_corpus_graph_has_one_preferred_label_per_node_and_language(corpus_graph):
    for node in set(corpus_graph.subjects(RDFS.label)):
        labels = {(o.language, str(o)) for o in corpus_graph.objects(node, RDFS.label)}
        prefs = Counter(o.language for o in corpus_graph.objects(node, SKOS.prefLabel))
        alts = {(o.language, str(o)) for o in corpus_graph.objects(node, SKOS.altLabel)}
        assert set(prefs) == {language for language, _ in labels} and set(prefs.values()) == {1}, node
        pref = {(o.language, str(o)) for o in corpus_graph.objects(node, SKOS.prefLabel)}
        assert pref | alts == labels and not pref & alts, node


def test_labels_store_gives_the_same_labels(corpus_graph):
    plain = [t for t in corpus_graph if t[1] not in (SKOS.prefLabel, SKOS.altLabel)]
    store = ox.Store()
    store.bulk_extend(ox.Quad(t.subject, t.predicate, t.object) for t in to_oxigraph(plain))
    expected = {t for t in corpus_graph if t[1] in (SKOS.prefLabel, SKOS.altLabel)
                and (t[0], RDFS.label, None) in corpus_graph}
    assert set(store_label_triples(store)) == expected
