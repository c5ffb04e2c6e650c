"""The networkx view: nodes and edges from the graph, actor centrality, GraphML export."""

from __future__ import annotations

import networkx as nx
import pytest
from click.testing import CliRunner

from helsekg.cli import main
from helsekg.graph.build import new_graph
from helsekg.query.network import (
    actor_centrality,
    centrality,
    pagerank,
    to_networkx,
    write_graphml,
)

ID = "https://w3id.org/helsekg/id/"

# Two actors, a programme with two measures, three recommendations of a council; no documents.
#   hod - tilskudd - programme - hod,  alis - programme,  tilskudd -> r1, r2,  alis -> r1,  r1 r2 r3 -> rad
TINY = """
@prefix hkg: <https://w3id.org/helsekg/ontology#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@base <https://w3id.org/helsekg/id/> .

<actor/rad> a hkg:Actor, hkg:Organisation ; rdfs:label "HelseOmsorg21-rådet"@nb .
<actor/hod> a hkg:Actor, hkg:Organisation ; rdfs:label "Helse- og omsorgsdepartementet"@nb .
<actor/hoie> a hkg:Actor, hkg:Person ; rdfs:label "Bent Høie"@nb .
<quote/d/1-9> a hkg:Quote ; hkg:quoteText "Vi satser på kompetanse."@nb ; hkg:statedBy <actor/hoie> .
<measure/programme> a hkg:Measure, hkg:Programme ; rdfs:label "Kompetanseløft 2025"@nb ;
    hkg:proposedBy <actor/hod> .
<measure/tilskudd> a hkg:Measure ; rdfs:label "rekrutteringstilskudd"@nb ; hkg:proposedBy <actor/hod> ;
    hkg:partOf <measure/programme> ; hkg:addresses <recommendation/d/1-2>, <recommendation/d/3-4> .
<measure/alis> a hkg:Measure ; rdfs:label "Alis-avtaler"@nn ; hkg:partOf <measure/programme> ;
    hkg:addresses <recommendation/d/1-2> .
<recommendation/d/1-2> a hkg:Recommendation ; rdfs:label "r1"@nb ; hkg:recommendedBy <actor/rad> .
<recommendation/d/3-4> a hkg:Recommendation ; rdfs:label "r2"@nb ; hkg:recommendedBy <actor/rad> .
<recommendation/d/5-6> a hkg:Recommendation ; rdfs:label "r3"@nb ; hkg:recommendedBy <actor/rad> .
<link/1> a hkg:AddressLink ; hkg:linkedMeasure <measure/tilskudd> ;
    hkg:linkedRecommendation <recommendation/d/1-2> ; hkg:linkScore 0.75 .
"""


@pytest.fixture(scope="module")
def tiny():
    return to_networkx(new_graph().parse(data=TINY, format="turtle"))


@pytest.fixture(scope="module")
def corpus_network(corpus_graph):
    return to_networkx(corpus_graph)


def test_network_nodes_and_attributes(tiny):
    assert tiny.number_of_nodes() == 9  # the person has no edge but is an actor
    assert dict(tiny.nodes[ID + "measure/programme"]) == {
        "label": "Kompetanseløft 2025", "kind": "programme", "language": "nb", "documents": 0}
    assert tiny.nodes[ID + "measure/alis"]["language"] == "nn"
    assert tiny.nodes[ID + "actor/hoie"]["type"] == "person"
    assert sorted(kind for _, kind in tiny.nodes(data="kind")) == [
        "actor", "actor", "actor", "measure", "measure", "programme", "recommendation", "recommendation",
        "recommendation"]


def test_network_edges_follow_the_rdf(tiny):
    edges = sorted((u.removeprefix(ID), v.removeprefix(ID), k) for u, v, k in tiny.edges(keys=True))
    assert edges == [
        ("measure/alis", "measure/programme", "hkg:partOf"),
        ("measure/alis", "recommendation/d/1-2", "hkg:addresses"),
        ("measure/programme", "actor/hod", "hkg:proposedBy"),
        ("measure/tilskudd", "actor/hod", "hkg:proposedBy"),
        ("measure/tilskudd", "measure/programme", "hkg:partOf"),
        ("measure/tilskudd", "recommendation/d/1-2", "hkg:addresses"),
        ("measure/tilskudd", "recommendation/d/3-4", "hkg:addresses"),
        ("recommendation/d/1-2", "actor/rad", "hkg:recommendedBy"),
        ("recommendation/d/3-4", "actor/rad", "hkg:recommendedBy"),
        ("recommendation/d/5-6", "actor/rad", "hkg:recommendedBy"),
    ]
    assert tiny.edges[ID + "measure/tilskudd", ID + "recommendation/d/1-2", "hkg:addresses"]["score"] == 0.75
    assert "score" not in tiny.edges[ID + "measure/alis", ID + "recommendation/d/1-2", "hkg:addresses"]


def test_network_kinds_select_nodes():
    graph = new_graph().parse(data=TINY, format="turtle")
    only = to_networkx(graph, kinds=("actor", "quote"))
    assert sorted(kind for _, kind in only.nodes(data="kind")) == ["actor", "actor", "actor", "quote"]
    assert [k for *_, k in only.edges(keys=True)] == ["hkg:statedBy"]
    assert to_networkx(graph, kinds=("measure",)).number_of_nodes() == 2  # the programme is not a plain measure
    with pytest.raises(ValueError, match="unknown node kind"):
        to_networkx(graph, kinds=("actors",))


def test_network_degree_centrality_exact(tiny):
    # 9 nodes: the council has 3 neighbours, the ministry 2, the quoted person none.
    assert actor_centrality(tiny) == [
        ("HelseOmsorg21-rådet", 3 / 8), ("Helse- og omsorgsdepartementet", 2 / 8), ("Bent Høie", 0.0)]


def test_network_betweenness_centrality_exact(tiny):
    # The council lies on every path to r3 (6 pairs), on one of two r1-r2 paths and one of three alis-r2 paths:
    # 6 + 1/2 + 1/3 = 41/6 of the 28 pairs among the 8 other connected nodes, normalised by (n-1)(n-2)/2 = 28.
    scores = dict(actor_centrality(tiny, method="betweenness"))
    assert scores["HelseOmsorg21-rådet"] == pytest.approx(41 / 6 / 28)
    assert scores["Helse- og omsorgsdepartementet"] == 0.0  # its two neighbours are adjacent


def test_network_pagerank_exact_on_a_star():
    star = nx.MultiDiGraph()
    star.add_node("c", label="senter", kind="actor")
    for leaf in "abc":
        star.add_node(leaf + "1", label=leaf, kind="measure")
        star.add_edge(leaf + "1", "c", key="hkg:proposedBy", weight=1)
    # c = (1 - a)/n + a (1 - c)  =>  c = (0.15/4 + 0.85) / 1.85
    assert actor_centrality(star, method="pagerank") == [("senter", pytest.approx(0.8875 / 1.85))]
    assert sum(pagerank(nx.path_graph(5)).values()) == pytest.approx(1.0)
    with pytest.raises(ValueError, match="unknown centrality"):
        centrality(star, method="closeness")


def test_network_on_corpus(corpus_network, corpus_graph):
    kinds = {kind for _, kind in corpus_network.nodes(data="kind")}
    assert {"actor", "measure"} <= kinds
    actors = int(next(iter(corpus_graph.query("SELECT (COUNT(DISTINCT ?a) AS ?n) WHERE { ?a a hkg:Actor }")))[0])
    assert sum(1 for _, kind in corpus_network.nodes(data="kind") if kind == "actor") == actors
    solberg = ID + "actor/regjeringen-solberg"
    proposed = [u for u, _, k in corpus_network.in_edges(solberg, keys=True) if k == "hkg:proposedBy"]
    assert len(proposed) >= 10
    hoie = ID + "actor/bent-hoie"
    assert any(k == "co-mention" for *_, k in corpus_network.out_edges(hoie, keys=True))


def test_network_centrality_on_corpus(corpus_network):
    for method in ("degree", "betweenness", "pagerank"):
        ranked = actor_centrality(corpus_network, method=method)
        assert ranked == sorted(ranked, key=lambda item: (-item[1], item[0]))
        assert "HelseOmsorg21-rådet" in [label for label, _ in ranked[:3]], method
    # the council recommends 25 things; the government proposes most measures
    pagerank = [label for label, _ in actor_centrality(corpus_network, method="pagerank")]
    assert pagerank[0] == "HelseOmsorg21-rådet" and "Regjeringen Solberg" in pagerank[:3]


def test_network_without_co_mentions_and_with_documents(corpus_graph):
    typed = to_networkx(corpus_graph, co_mentions=False)
    assert {k for *_, k in typed.edges(keys=True)} <= {"hkg:proposedBy", "hkg:partOf", "hkg:addresses",
                                                       "hkg:recommendedBy"}
    with_docs = to_networkx(corpus_graph, include_documents=True)
    documents = [n for n, kind in with_docs.nodes(data="kind") if kind == "document"]
    assert len(documents) == 5
    assert all(with_docs.in_degree(d) > 0 for d in documents)


def test_network_graphml_round_trip(tmp_path, corpus_graph):
    view = to_networkx(corpus_graph, kinds=("actor", "measure", "programme", "recommendation", "quote"),
                       include_documents=True)
    view.graph["source"] = tmp_path  # not a GraphML type: written as a string
    path = write_graphml(view, tmp_path / "sub" / "corpus.graphml")
    back = nx.read_graphml(path, force_multigraph=True)
    assert dict(back.nodes(data=True)) == dict(view.nodes(data=True))
    edges = sorted((u, v, d["relation"], d["weight"]) for u, v, d in back.edges(data=True))
    assert edges == sorted((u, v, d["relation"], d["weight"]) for u, v, d in view.edges(data=True))
    assert len({k for *_, k in back.edges(keys=True)}) == back.number_of_edges()  # unique edge ids for Gephi
    assert [p.name for p in path.parent.iterdir()] == ["corpus.graphml"]  # atomic: no temporary left


def test_network_graphml_keeps_scores(tmp_path, tiny):
    back = nx.read_graphml(write_graphml(tiny, tmp_path / "tiny.graphml"), force_multigraph=True)
    scores = [d["score"] for *_, d in back.edges(data=True) if "score" in d]
    assert scores == [0.75]


def test_network_cli(tmp_path, corpus_graph):
    from helsekg.graph.io import write_graph

    graph = write_graph(corpus_graph, tmp_path / "corpus.ttl")
    out = tmp_path / "corpus.graphml"
    result = CliRunner().invoke(main, ["network", str(graph), "-o", str(out), "--centrality", "--top", "3",
                                       "--method", "pagerank"])
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0].split() == ["actor", "pagerank", "centrality"]
    assert len(lines) == 4 and lines[1].startswith("HelseOmsorg21-rådet")
    assert nx.read_graphml(out).number_of_nodes() == to_networkx(graph).number_of_nodes()


def test_network_cli_bad_graph(tmp_path):
    bad = tmp_path / "bad.ttl"
    bad.write_text("this is not turtle", encoding="utf-8")
    result = CliRunner().invoke(main, ["network", str(bad), "-o", str(tmp_path / "x.graphml")])
    assert result.exit_code == 2
    assert "cannot read the graph" in result.output
