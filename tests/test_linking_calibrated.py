"""The calibrated linker (helsekg.link.linking, issue 16) on realistic Norwegian measure–recommendation pairs."""

from __future__ import annotations

import math
import os
from decimal import Decimal

import pytest
from rdflib import Literal, URIRef
from rdflib.namespace import RDF, XSD

from helsekg import resources
from helsekg.extract.themes import ThemeScheme, term_stems
from helsekg.graph.build import new_graph
from helsekg.graph.namespace import HKG
from helsekg.link.linking import (
    DEFAULT_THRESHOLD,
    FEATURES,
    MODEL_FILE,
    LinkModel,
    LinkNode,
    add_links,
    link_iri,
    rank_links,
    score_pair,
    term_idf,
)

M = "https://w3id.org/helsekg/id/measure/"
R = "https://w3id.org/helsekg/id/recommendation/innspill/"


@pytest.fixture(scope="module")
def scheme() -> ThemeScheme:
    return ThemeScheme.load()


def _node(scheme: ThemeScheme, kind: str, iri: str, *texts: str, asserted: tuple[str, ...] = (),
          date: str | None = None) -> LinkNode:
    """A node as read_nodes makes it: themes found in the texts plus the asserted ones, term stems, date."""
    in_text = frozenset(m.key for text in texts for m in scheme.concepts_in(text))
    terms = frozenset(s for text in texts for s, _ in term_stems(text, scheme=scheme))
    return LinkNode(iri, kind, tuple(sorted(texts)), in_text | frozenset(asserted), terms, in_text, date)


@pytest.fixture(scope="module")
def pairs(scheme):
    measures = {
        "samhandling": _node(scheme, "measure", M + "samhandlingstilskudd", "rekrutterings- og samhandlingstilskudd",
                             "forsterke samarbeidet mellom kommuner og helseforetak om gode pasientforløp",
                             date="2024-03-01"),
        "helsestasjon": _node(scheme, "measure", M + "helsestasjon",
                              "styrking og videreutvikling av helsestasjons- og skolehelsetjenesten"),
        "eldreomsorg": _node(scheme, "measure", M + "kompetanseloft-eldre",
                             "kompetanseløft for ansatte i eldreomsorgen med tilbud om videreutdanning"),
        "velferdsteknologi": _node(scheme, "measure", M + "fond", "utvide kompetansefondets bruksområde",
                                   asserted=("velferdsteknologi", "digitalisering", "innovasjon")),
    }
    recommendations = {
        "samhandling": _node(scheme, "recommendation", R + "1-50", "Vi trenger bedre tilrettelegging for god samhandling",
                             date="2023-01-10"),
        "forebygging": _node(scheme, "recommendation", R + "60-120",
                             "Vi trenger økt satsing på helsefremmende og forebyggende tiltak"),
        "oppgavedeling": _node(scheme, "recommendation", R + "130-200",
                               "Vi trenger et nytt blikk på oppgavedeling og dynamisk tilnærming til kompetanse"),
        "velferdsteknologi": _node(scheme, "recommendation", R + "210-300",
                                   "Vi trenger en forsterket satsing på velferdsteknologi og e-helse for å bremse "
                                   "behovet for helsepersonell"),
    }
    idf = term_idf(list(measures.values()) + list(recommendations.values()))
    return measures, recommendations, idf


def _link(scheme, pairs, measure: str, recommendation: str):
    measures, recommendations, idf = pairs
    return score_pair(measures[measure], recommendations[recommendation], idf, scheme)


@pytest.mark.parametrize("measure, recommendation, evidence", [
    ("samhandling", "samhandling", "samhandling"),  # the grant exists to make collaboration easier
    ("helsestasjon", "forebygging", "helsestasjon-og-skolehelsetjenesten~forebygging"),  # thesaurus: skos:related
    ("velferdsteknologi", "velferdsteknologi", "velferdsteknologi"),  # a theme of the measure's sentence
])
def test_linking_calibrated_links_what_an_expert_would(scheme, pairs, measure, recommendation, evidence):
    link = _link(scheme, pairs, measure, recommendation)
    assert link.score >= Decimal(str(DEFAULT_THRESHOLD)), link.describe()
    assert evidence in link.explain()
    assert not link.capped


@pytest.mark.parametrize("measure, recommendation", [
    ("eldreomsorg", "oppgavedeling"),  # shares only "kompetanse": generic
    ("eldreomsorg", "samhandling"),
    ("helsestasjon", "velferdsteknologi"),
])
def test_linking_calibrated_generic_overlap_is_no_link(scheme, pairs, measure, recommendation):
    link = _link(scheme, pairs, measure, recommendation)
    assert link.score < Decimal(str(DEFAULT_THRESHOLD)), link.describe()


def test_linking_calibrated_generic_words_never_shown_as_evidence(scheme, pairs):
    link = _link(scheme, pairs, "eldreomsorg", "oppgavedeling")
    assert "kompetanse" not in link.shared_themes
    assert all(term not in ("kompetanse", "kompetans") for term, _ in link.shared_terms)
    model = LinkModel.load()
    assert link.score <= Decimal(str(model.cap_without_evidence))


def test_linking_calibrated_score_is_the_logistic_of_the_contributions(scheme, pairs):
    link = _link(scheme, pairs, "samhandling", "samhandling")
    assert [name for name, _, _ in link.contributions] == list(FEATURES)
    logit = link.intercept + sum(c for _, _, c in link.contributions)
    assert abs(1 / (1 + math.exp(-logit)) - float(link.score)) < 0.01
    assert link.describe().startswith(f"{link.score} = σ({link.intercept:.2f} ")
    assert all(" × " in text and " = " in text for text in link.contribution_texts())


def test_linking_calibrated_model_file_fitted_on_dev():
    data = resources.load_data(MODEL_FILE)
    assert set(data["weights"]) == set(FEATURES)
    assert data["fit"]["split"] == "dev"
    model = LinkModel.load()
    assert model.weights[FEATURES.index("ask_coverage")] > 0 and model.weights[FEATURES.index("term_coverage")] > 0
    assert model.cap_without_evidence < DEFAULT_THRESHOLD
    with pytest.raises(ValueError, match="weights must be given"):
        LinkModel.from_data({**data, "weights": {"theme_coverage": 1.0}})


def test_linking_calibrated_fit_refuses_the_test_split():
    from helsekg.evaluation.link_model import training_pairs

    with pytest.raises(ValueError, match="frozen"):
        training_pairs(new_graph(), None, split="test")  # type: ignore[arg-type]


def test_linking_calibrated_fit_logistic_recovers_a_separable_rule():
    from helsekg.evaluation.link_model import fit_logistic

    rows = [[x / 10, (10 - x) / 10] for x in range(11)]
    labels = [int(x >= 6) for x in range(11)]
    intercept, weights = fit_logistic(rows, labels, l2=0.01)
    predicted = [int(intercept + weights[0] * a + weights[1] * b > 0) for a, b in rows]
    assert predicted == labels


def test_linking_calibrated_link_node_says_why(scheme, pairs):
    measures, recommendations, _ = pairs
    links = rank_links([_link(scheme, pairs, "samhandling", "samhandling"),
                        _link(scheme, pairs, "eldreomsorg", "samhandling")])
    assert [l.rank for l in links] == [1, 2]
    graph = new_graph()
    for node in list(measures.values()) + list(recommendations.values()):
        graph.add((URIRef(node.iri), RDF.type, HKG.Measure if node.kind == "measure" else HKG.Recommendation))
    add_links(graph, links[:1], scheme=scheme)
    m, r = URIRef(measures["samhandling"].iri), URIRef(recommendations["samhandling"].iri)
    node = link_iri(str(m), str(r))
    assert (m, HKG.addressesThematically, r) in graph and (m, HKG.addresses, r) in graph
    assert (m, HKG.followsUp, r) not in graph  # shared words are never a follow-up
    assert (node, HKG.rank, Literal(1, datatype=XSD.positiveInteger)) in graph
    assert (node, HKG.measureIssued, Literal("2024-03-01", datatype=XSD.date)) in graph
    assert (node, HKG.recommendationIssued, Literal("2023-01-10", datatype=XSD.date)) in graph
    assert len(list(graph.objects(node, HKG.featureContribution))) == len(FEATURES)
    from helsekg.validate.core import validate

    assert validate(graph, focus_nodes=[node]).conforms


def test_link_features_do_not_depend_on_the_hash_seed():
    """Link scores and their explanations are reproducible (issue 18): the feature sums run in sorted order,
    not in a set's order, which changes with PYTHONHASHSEED and moved the last digit of a shown value."""
    import subprocess
    import sys

    script = (
        "from helsekg.extract.themes import ThemeScheme\n"
        "from helsekg.link.linking import LinkNode, features\n"
        "scheme = ThemeScheme.load()\n"
        "keys = sorted(scheme.concepts)\n"
        "terms = [f'ord{i}' for i in range(40)]\n"
        "idf = {t: 1 + (i * 0.37) % 2.1 for i, t in enumerate(terms)}\n"
        "m = LinkNode('m', 'measure', ('tiltak',), frozenset(keys[:9]), frozenset(terms[:30]), frozenset(keys[:4]))\n"
        "r = LinkNode('r', 'recommendation', ('råd',), frozenset(keys[3:14]), frozenset(terms[5:]), frozenset(keys[3:8]))\n"
        "print(repr(features(m, r, idf, scheme)))\n"
    )
    outputs = {subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True,
                              env={**os.environ, "PYTHONHASHSEED": str(seed)}).stdout for seed in (1, 2, 3, 4, 5)}
    assert len(outputs) == 1, outputs
