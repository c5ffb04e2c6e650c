"""A networkx view of a helsekg graph: actors, measures, programmes and recommendations, for analysis and Gephi.

Nodes are keyed by their IRI (a string) and carry ``label``, ``kind`` and ``language`` (plus ``type`` for
actors: ``organisation`` or ``person``, and ``documents``: how many documents mention the node).

Edges are directed like the RDF they come from, keyed by the ``relation`` they stand for:

=====================  ==================================  ===============================================
relation               from → to                           from
=====================  ==================================  ===============================================
``hkg:proposedBy``     measure/programme → actor           the triple
``hkg:partOf``         measure → programme (or measure)    the triple
``hkg:addresses``      measure → recommendation            the triple; ``score`` from its hkg:AddressLink
``hkg:recommendedBy``  recommendation → actor              the triple
``hkg:hasTheme``       measure/recommendation → theme      the triple (only with ``"theme"`` in ``kinds``)
``hkg:statedBy``       quote → person                      the triple (only with ``"quote"`` in ``kinds``)
``hkg:mentionedIn``    any node → document                 the triple (only with ``include_documents``)
``co-mention``         actor → measure/programme/recomm.   both mentioned in the same document(s);
                                                           ``weight`` = number of shared documents
=====================  ==================================  ===============================================

Co-mentions are what tie people into the network: a minister quoted in a press release is rarely the
``hkg:proposedBy`` of a measure (the government is), but is mentioned beside the measures the release
announces. Pass ``co_mentions=False`` for the typed relations alone. Edges whose ends are not both
included are left out. Every edge has a ``weight`` (1 for typed relations).

The graph is read with a few SPARQL queries through :mod:`helsekg.query.sparql` (Oxigraph), never with
rdflib triple loops, so it stays fast on large graphs.

>>> from helsekg.graph.build import new_graph
>>> to_networkx(new_graph()).number_of_nodes()
0
"""

from __future__ import annotations

import math
import os
from collections import defaultdict
from collections.abc import Iterable
from decimal import Decimal
from io import BytesIO
from pathlib import Path

import networkx as nx
import pyoxigraph as ox
from rdflib import Graph

from helsekg.graph.io import atomic_write
from helsekg.query.sparql import load_store, query

#: Node kinds, by the most specific vocabulary class (a programme is also a measure; it is a programme).
KIND_CLASSES: dict[str, str] = {
    "actor": "hkg:Actor",
    "measure": "hkg:Measure",
    "programme": "hkg:Programme",
    "recommendation": "hkg:Recommendation",
    "theme": "hkg:Theme",
    "quote": "hkg:Quote",
    "document": "hkg:PolicyDocument",
}
DEFAULT_KINDS: tuple[str, ...] = ("actor", "measure", "programme", "recommendation")
CENTRALITY_METHODS: tuple[str, ...] = ("degree", "betweenness", "pagerank")
COMENTION = "co-mention"

# Most specific first: the first class a node has decides its kind.
_PRECEDENCE = ("programme", "measure", "recommendation", "actor", "theme", "quote", "document")

_NODES = """
SELECT ?iri ?class ?label ?language ?type (COUNT(DISTINCT ?doc) AS ?documents)
WHERE {
  VALUES ?class { %(classes)s }
  ?node a ?class .
  BIND(STR(?node) AS ?iri)
  # Norwegian (or untagged) labels first: a theme scheme may carry English labels beside them.
  OPTIONAL { ?node skos:prefLabel ?prefLabel FILTER(LANG(?prefLabel) IN ("nb", "nn", "")) }
  OPTIONAL { ?node rdfs:label ?rdfsLabel FILTER(LANG(?rdfsLabel) IN ("nb", "nn", "")) }
  OPTIONAL { ?node dcterms:title ?title }
  OPTIONAL { ?node hkg:quoteText ?quoteText }
  OPTIONAL { FILTER(!BOUND(?prefLabel) && !BOUND(?rdfsLabel)) ?node rdfs:label|skos:prefLabel ?otherLabel }
  BIND(COALESCE(?prefLabel, ?rdfsLabel, ?title, ?quoteText, ?otherLabel) AS ?anyLabel)
  BIND(COALESCE(LANG(?anyLabel), "") AS ?labelLanguage)
  OPTIONAL { ?node dcterms:language ?docLanguage }
  BIND(STR(COALESCE(?anyLabel, ?iri)) AS ?label)
  BIND(COALESCE(?docLanguage, ?labelLanguage) AS ?language)
  OPTIONAL { ?node a ?actorType FILTER(?actorType IN (hkg:Organisation, hkg:Person)) }
  BIND(COALESCE(LCASE(STRAFTER(STR(?actorType), "#")), "") AS ?type)
  OPTIONAL { ?node hkg:mentionedIn ?doc }
}
GROUP BY ?iri ?class ?label ?language ?type
ORDER BY ?iri ?class ?label ?language ?type
"""

_EDGES = """
SELECT ?source ?relation ?target (MAX(?linkScore) AS ?score)
WHERE {
  VALUES ?p { %(properties)s }
  ?s ?p ?o .
  FILTER(ISIRI(?o))
  OPTIONAL {
    ?link a hkg:AddressLink ; hkg:linkedMeasure ?s ; hkg:linkedRecommendation ?o ; hkg:linkScore ?linkScore .
    FILTER(?p = hkg:addresses)
  }
  BIND(STR(?s) AS ?source)
  BIND(STR(?o) AS ?target)
  BIND(CONCAT("hkg:", STRAFTER(STR(?p), "#")) AS ?relation)
}
GROUP BY ?source ?relation ?target
ORDER BY ?source ?relation ?target
"""

_MENTIONS = """
SELECT ?iri ?doc
WHERE {
  VALUES ?class { %(classes)s }
  ?node a ?class ; hkg:mentionedIn ?d .
  BIND(STR(?node) AS ?iri)
  BIND(STR(?d) AS ?doc)
}
ORDER BY ?iri ?doc
"""


def _kind(classes: Iterable[str]) -> str:
    found = {kind for kind, cls in KIND_CLASSES.items() if cls in set(classes)}
    return next(kind for kind in _PRECEDENCE if kind in found)


def to_networkx(graph: Graph | str | os.PathLike[str] | ox.Store, *, kinds: Iterable[str] = DEFAULT_KINDS,
                include_documents: bool = False, co_mentions: bool = True) -> nx.MultiDiGraph:
    """A networkx view of ``graph`` (an rdflib Graph, an RDF file or an Oxigraph store).

    Args:
        graph: the helsekg graph.
        kinds: node kinds to include, from :data:`KIND_CLASSES` (actor, measure, programme,
            recommendation, theme, quote, document).
        include_documents: add the documents and ``hkg:mentionedIn`` edges (same as adding "document" to ``kinds``).
        co_mentions: add ``co-mention`` edges from actors to the measures, programmes and
            recommendations mentioned in the same document.

    Returns:
        A MultiDiGraph keyed by IRI; parallel edges differ by their key, the relation.
    """
    wanted = set(kinds) | ({"document"} if include_documents else set())
    unknown = wanted - set(KIND_CLASSES)
    if unknown:
        raise ValueError(f"unknown node kind(s) {', '.join(sorted(unknown))}; use {', '.join(KIND_CLASSES)}")
    store = load_store(graph)
    # A programme is typed hkg:Measure too: ask for both classes so each node gets its most specific kind.
    asked = wanted | ({"measure", "programme"} if wanted & {"measure", "programme"} else set())
    classes = " ".join(KIND_CLASSES[k] for k in sorted(asked))

    rows: dict[str, dict] = {}
    node_classes: dict[str, set[str]] = defaultdict(set)
    for row in query(store, _NODES % {"classes": classes}).records() if classes else []:
        iri = row["iri"]
        node_classes[iri].add(row["class"])
        current = rows.get(iri)
        candidate = {"label": row["label"], "language": row["language"] or "", "type": row["type"] or "",
                     "documents": int(row["documents"] or 0)}
        # Several labels (nb and nn): keep the first in sort order, so the view is deterministic.
        if current is None or (candidate["label"], candidate["language"]) < (current["label"], current["language"]):
            rows[iri] = candidate

    out = nx.MultiDiGraph()
    for iri in sorted(rows):
        kind = _kind(node_classes[iri])
        if kind not in wanted:
            continue
        attrs = {"label": rows[iri]["label"], "kind": kind, "language": rows[iri]["language"],
                 "documents": rows[iri]["documents"]}
        if kind == "actor":
            attrs["type"] = rows[iri]["type"] or "actor"
        out.add_node(iri, **attrs)

    properties = ["hkg:proposedBy", "hkg:partOf", "hkg:addresses", "hkg:recommendedBy", "hkg:hasTheme",
                  "hkg:statedBy", "hkg:mentionedIn"]
    for row in query(store, _EDGES % {"properties": " ".join(properties)}).records():
        source, target, relation = row["source"], row["target"], row["relation"]
        if source in out and target in out:
            attrs = {"relation": relation, "weight": 1}
            if row["score"] is not None:
                attrs["score"] = float(row["score"])
            out.add_edge(source, target, key=relation, **attrs)

    if co_mentions:
        _add_co_mentions(out, store)
    return out


def _add_co_mentions(out: nx.MultiDiGraph, store: ox.Store) -> None:
    """Actor -> measure/programme/recommendation edges weighted by the number of documents mentioning both."""
    targets = {"measure", "programme", "recommendation"}
    actors_in: dict[str, set[str]] = defaultdict(set)
    others_in: dict[str, set[str]] = defaultdict(set)
    classes = " ".join(KIND_CLASSES[k] for k in ("actor", "measure", "recommendation"))
    for row in query(store, _MENTIONS % {"classes": classes}).records():
        kind = out.nodes[row["iri"]]["kind"] if row["iri"] in out else None
        if kind == "actor":
            actors_in[row["doc"]].add(row["iri"])
        elif kind in targets:
            others_in[row["doc"]].add(row["iri"])
    shared: dict[tuple[str, str], int] = defaultdict(int)
    for doc, actors in actors_in.items():
        for actor in actors:
            for other in others_in.get(doc, ()):
                shared[actor, other] += 1
    for (actor, other), count in sorted(shared.items()):
        out.add_edge(actor, other, key=COMENTION, relation=COMENTION, weight=count)


def _undirected(nx_graph: nx.Graph) -> nx.Graph:
    """The simple undirected projection: one edge per connected pair, weight = sum of the edge weights."""
    simple = nx.Graph()
    simple.add_nodes_from(nx_graph.nodes(data=True))
    for u, v, weight in nx_graph.edges(data="weight", default=1):
        if u == v:
            continue
        if simple.has_edge(u, v):
            simple[u][v]["weight"] += weight
        else:
            simple.add_edge(u, v, weight=weight)
    return simple


def pagerank(graph: nx.Graph, *, alpha: float = 0.85, weight: str = "weight", tol: float = 1e-12,
             max_iter: int = 1000) -> dict[str, float]:
    """PageRank by power iteration on an undirected weighted graph (no SciPy needed).

    Isolated nodes spread their rank uniformly, as in networkx.

    >>> ranks = pagerank(nx.path_graph(3))
    >>> round(ranks[1], 4), round(ranks[0], 4) == round(ranks[2], 4)
    (0.4865, True)
    """
    nodes = list(graph)
    n = len(nodes)
    if n == 0:
        return {}
    strength = {u: sum(d.get(weight, 1) for _, _, d in graph.edges(u, data=True)) for u in nodes}
    rank = dict.fromkeys(nodes, 1.0 / n)
    for _ in range(max_iter):
        dangling = alpha * sum(rank[u] for u in nodes if strength[u] == 0) / n
        new = dict.fromkeys(nodes, (1.0 - alpha) / n + dangling)
        for u in nodes:
            if strength[u]:
                share = alpha * rank[u] / strength[u]
                for _, v, d in graph.edges(u, data=True):
                    new[v] += share * d.get(weight, 1)
        if sum(abs(new[u] - rank[u]) for u in nodes) < n * tol:
            return new
        rank = new
    return rank


def centrality(nx_graph: nx.Graph, *, method: str = "degree") -> dict[str, float]:
    """Centrality of every node on the simple undirected projection of ``nx_graph``.

    ``degree``: distinct neighbours / (n - 1); ``betweenness``: normalised shortest-path betweenness
    (unweighted); ``pagerank``: PageRank with edge weights (damping 0.85).
    """
    simple = _undirected(nx_graph)
    if method == "degree":
        return nx.degree_centrality(simple)
    if method == "betweenness":
        return nx.betweenness_centrality(simple, normalized=True)
    if method == "pagerank":
        return pagerank(simple)
    raise ValueError(f"unknown centrality method {method!r}; use one of {', '.join(CENTRALITY_METHODS)}")


def actor_centrality(nx_graph: nx.Graph, *, method: str = "degree") -> list[tuple[str, float]]:
    """Actors ranked by centrality in the whole network: ``(label, score)``, highest first, ties by label.

    >>> g = nx.MultiDiGraph()
    >>> g.add_node("a", label="Helsedirektoratet", kind="actor")
    >>> g.add_node("m", label="Tiltak", kind="measure")
    >>> g.add_edge("m", "a", key="hkg:proposedBy", relation="hkg:proposedBy", weight=1)
    'hkg:proposedBy'
    >>> actor_centrality(g)
    [('Helsedirektoratet', 1.0)]
    """
    scores = centrality(nx_graph, method=method)
    ranked = [(data.get("label", node), float(scores[node]))
              for node, data in nx_graph.nodes(data=True) if data.get("kind") == "actor"]
    return sorted(ranked, key=lambda item: (-item[1], item[0]))


def _graphml_value(value: object) -> str | int | float | bool | None:
    if value is None:
        return None
    if isinstance(value, bool | int | str):
        return value
    if isinstance(value, float):
        return value if math.isfinite(value) else None
    if isinstance(value, Decimal):
        return float(value)
    if isinstance(value, list | tuple | set | frozenset):
        return "; ".join(sorted(str(v) for v in value))
    return str(value)


def _graphml_safe(nx_graph: nx.Graph) -> nx.Graph:
    """A copy whose attributes are GraphML types (str, int, float, bool), None dropped, edge ids unique."""

    def clean(attrs: dict) -> dict:
        return {str(k): v for k, v in ((k, _graphml_value(v)) for k, v in attrs.items()) if v is not None}

    safe = nx_graph.__class__()
    safe.graph.update(clean(nx_graph.graph))
    safe.add_nodes_from((str(n), clean(d)) for n, d in nx_graph.nodes(data=True))
    if nx_graph.is_multigraph():
        # GraphML writes the key as the edge id, and Gephi merges edges with one id: number them instead.
        edges = nx_graph.edges(keys=True, data=True)
        safe.add_edges_from((str(u), str(v), f"e{i}", clean(d)) for i, (u, v, _, d) in enumerate(edges))
    else:
        safe.add_edges_from((str(u), str(v), clean(d)) for u, v, d in nx_graph.edges(data=True))
    return safe


def write_graphml(nx_graph: nx.Graph, path: str | os.PathLike[str]) -> Path:
    """Write ``nx_graph`` as GraphML (opens in Gephi) atomically; attributes are made GraphML-safe."""
    buffer = BytesIO()
    nx.write_graphml_xml(_graphml_safe(nx_graph), buffer, encoding="utf-8")
    atomic_write(path, buffer.getvalue())
    return Path(path)
