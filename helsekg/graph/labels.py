"""One ``skos:prefLabel`` per node and language; every other written form a ``skos:altLabel``.

A node (an actor, measure, target group, ...) mentioned in several places can carry several
``rdfs:label`` forms ("Alis-avtaler" and "ALIS-avtaler"), and a join on ``rdfs:label`` then gives one row
per form. :func:`canonical_labels` picks, per node and language tag, one preferred form,
deterministically:

1. the form written most often (mentions whose ``hkg:anchorText``, whitespace collapsed, is that form);
2. then the shortest;
3. then the first in code-point order.

The other forms become ``skos:altLabel``. ``rdfs:label`` is kept as it is (the vocabulary contract).
An actor found in the gazetteer already has the gazetteer's name for the document's language as its
only label in that language, so the gazetteer name is its preferred label. Nodes without
``rdfs:label`` (theme concepts, whose ``skos:prefLabel`` comes from the theme scheme) and languages no
``rdfs:label`` uses are left alone. The labels are a property of a merged graph, so the document graphs
carry none: :func:`helsekg.graph.build.build_graph`, :func:`helsekg.api.extract_paths`,
:func:`helsekg.scale.batch.collect` and :class:`helsekg.scale.store.GraphStore` (in its labels graph)
add them after merging.

>>> from rdflib import Literal, URIRef
>>> from rdflib.namespace import RDFS, SKOS
>>> from helsekg.graph.build import new_graph
>>> g = new_graph()
>>> m = URIRef("https://w3id.org/helsekg/id/measure/alis-avtaler")
>>> for form in ("ALIS-avtaler", "Alis-avtaler"):
...     _ = g.add((m, RDFS.label, Literal(form, lang="nb")))
>>> _ = canonical_labels(g)
>>> [str(x) for x in g.objects(m, SKOS.prefLabel)], [str(x) for x in g.objects(m, SKOS.altLabel)]
(['ALIS-avtaler'], ['Alis-avtaler'])
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable

import pyoxigraph as ox
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import RDFS, SKOS
from rdflib.term import Node

from helsekg.graph.namespace import HKG

__all__ = ["canonical_labels", "label_triples", "preferred", "store_label_triples"]

Triple = tuple[Node, Node, Node]


def preferred(forms: Iterable[str], counts: Counter[str] | None = None) -> str:
    """The preferred form: most mentions, then shortest, then first in code-point order.

    >>> preferred(["Helse Bergen HF", "Helse Bergen"], Counter({"Helse Bergen HF": 2, "Helse Bergen": 1}))
    'Helse Bergen HF'
    >>> preferred(["Helse Bergen HF", "Helse Bergen"])
    'Helse Bergen'
    """
    counts = counts or Counter()
    return min(forms, key=lambda form: (-counts[form], len(form), form))


def label_triples(labels: Iterable[tuple[Node, Literal]], anchors: Iterable[tuple[Node, str]]) -> list[Triple]:
    """The ``skos:prefLabel`` and ``skos:altLabel`` triples of the labelled nodes.

    Args:
        labels: (node, ``rdfs:label`` literal) pairs.
        anchors: (node, anchor text) of each mention of a node, used to count how often a form is written.
    """
    forms: dict[Node, dict[str | None, set[str]]] = defaultdict(lambda: defaultdict(set))
    for node, label in labels:
        if isinstance(label, Literal):
            forms[node][label.language].add(str(label))
    written: dict[Node, Counter[str]] = defaultdict(Counter)
    for node, text in anchors:
        if node in forms:
            written[node][" ".join(text.split())] += 1
    triples: list[Triple] = []
    for node in sorted(forms, key=str):
        for language, values in sorted(forms[node].items(), key=lambda item: item[0] or ""):
            pref = preferred(values, written.get(node))
            triples.append((node, SKOS.prefLabel, Literal(pref, lang=language)))
            triples += [(node, SKOS.altLabel, Literal(v, lang=language)) for v in sorted(values) if v != pref]
    return triples


def canonical_labels(graph: Graph) -> Graph:
    """Replace the ``skos:prefLabel``/``skos:altLabel`` of every node with an ``rdfs:label`` (in the
    languages of its labels) by the canonical choice; returns ``graph``. Idempotent."""
    labels = [(s, o) for s, o in graph.subject_objects(RDFS.label) if isinstance(o, Literal)]
    nodes = {s for s, _ in labels}
    anchors = [(node, str(text)) for node, mention in graph.subject_objects(HKG.hasMention) if node in nodes
               for text in graph.objects(mention, HKG.anchorText)]
    triples = label_triples(labels, anchors)
    languages = {(s, o.language) for s, _, o in triples}  # type: ignore[union-attr]
    for node in nodes:
        for prop in (SKOS.prefLabel, SKOS.altLabel):
            for old in list(graph.objects(node, prop)):
                if isinstance(old, Literal) and (node, old.language) in languages:
                    graph.remove((node, prop, old))
    graph.addN((s, p, o, graph) for s, p, o in triples)
    return graph


_STORE_LABELS = "SELECT ?n ?l WHERE { ?n <%s> ?l FILTER(isLiteral(?l)) }" % RDFS.label
_STORE_ANCHORS = "SELECT ?n ?t WHERE { ?n <%s> ?m . ?m <%s> ?t }" % (HKG.hasMention, HKG.anchorText)


def _node(term: ox.NamedNode | ox.BlankNode) -> Node:
    return URIRef(term.value) if isinstance(term, ox.NamedNode) else BNode(term.value)


def _literal(term: ox.Literal) -> Literal:
    return Literal(term.value, lang=term.language) if term.language else Literal(term.value)


def store_label_triples(store: ox.Store) -> list[Triple]:
    """:func:`label_triples` for the default graph of an Oxigraph store (which holds no labels of its own:
    the caller drops the labels it wrote before)."""
    labels = [(_node(r["n"]), _literal(r["l"])) for r in store.query(_STORE_LABELS)]
    anchors = [(_node(r["n"]), r["t"].value) for r in store.query(_STORE_ANCHORS)]
    return label_triples(labels, anchors)
