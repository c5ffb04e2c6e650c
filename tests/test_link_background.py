"""The linker's background term frequencies (helsekg.evaluation.link_background, ``helsekg/data/link_idf.json``):
up to date with the term analysis, and weighing a term the same whatever else the graph holds (issues 16 and 18)."""

from __future__ import annotations

import math

import pytest

from helsekg import resources
from helsekg.extract.themes import term_stems
from helsekg.evaluation.link_background import background_counts
from helsekg.link.linking import IDF_FILE, LinkNode, read_nodes, term_idf


def _node(iri: str, kind: str, *terms: str) -> LinkNode:
    return LinkNode(iri, kind, (" ".join(terms),), frozenset(), frozenset(terms), frozenset(), None)


def test_link_background_probe_matches_the_term_analysis():
    """Each probed form still stems to the term the table counted: a changed stemmer would leave the table behind
    (rebuild it: python -m helsekg.evaluation.link_background gold/real/dev/texts -o helsekg/data/link_idf.json)."""
    data = resources.load_data(IDF_FILE)
    assert len(data["probe"]) >= 150 and data["nodes"] >= 500
    stale = {form: stem for form, stem in data["probe"].items() if stem not in {s for s, _ in term_stems(form)}}
    assert not stale, f"link_idf.json is stale for {len(stale)} terms, e.g. {sorted(stale.items())[:5]}"
    assert all(0 < count <= data["nodes"] for count in data["df"].values())


def test_link_background_idf_depends_on_the_term_alone():
    data = resources.load_data(IDF_FILE)
    alone = term_idf([_node("m", "measure", "kommun", "jordmor")])
    crowded = term_idf([_node("m", "measure", "kommun", "jordmor"), *(
        _node(f"r{i}", "recommendation", "kommun", f"ord{i}") for i in range(50))])
    assert alone["kommun"] == crowded["kommun"] and alone["jordmor"] == crowded["jordmor"]
    # a word every municipality page uses weighs less than a rare one; a word the background never saw weighs most
    assert data["df"]["kommun"] > data["df"].get("jordmor", 0)
    assert alone["kommun"] < alone["jordmor"] <= term_idf([_node("x", "measure", "zzzukjentord")])["zzzukjentord"]
    assert alone["kommun"] == pytest.approx(math.log((1 + data["nodes"]) / (1 + data["df"]["kommun"])) + 1)


def test_link_background_counts_the_nodes_of_a_graph(blank_nlp, corpus_dir):
    from helsekg.api import extract_paths

    result = extract_paths([corpus_dir], nlp=blank_nlp, check=False, link_threshold=None)
    counts = background_counts(result.graph)
    nodes = read_nodes(result.graph)
    assert counts["nodes"] == len(nodes) == counts["measures"] + counts["recommendations"]
    assert counts["measures"] > 0 and counts["recommendations"] > 0
    for term, count in counts["df"].items():
        assert count == sum(term in n.terms for n in nodes)
    assert all(stem in {s for s, _ in term_stems(form)} for form, stem in counts["probe"].items())
