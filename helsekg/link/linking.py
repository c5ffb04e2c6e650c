"""Linking measures to the recommendations they address (``hkg:addresses``), with an explainable score.

Works on any helsekg graph, across documents: it reads every hkg:Measure (label, anchor texts, goal
labels, hkg:hasTheme) and every hkg:Recommendation (label, anchor texts, hkg:hasTheme) with SPARQL
(Oxigraph), and scores each measure–recommendation pair:

``score = THEME_WEIGHT × theme overlap + TERM_WEIGHT × term overlap``, in [0, 1], where

* **theme overlap** compares the two sets of theme-scheme concepts (hkg:hasTheme plus the concepts
  :func:`helsekg.extract.themes.concepts_in` finds in the texts): a soft Dice coefficient where a shared concept
  counts 1 and a concept one skos:broader/narrower/related step away counts 0.5;
* **term overlap** is the IDF-weighted Dice coefficient of the two sets of content terms (words and
  their compound parts, :func:`helsekg.extract.themes.term_stems`; "rekrutteringsprosjektet" gives
  rekruttering and prosjekt), with IDF over all measure and recommendation texts in the graph, so a term
  that every node shares counts little.

Every pair at or above ``threshold`` is a :class:`Link` carrying its evidence; :func:`add_links` writes
``?measure hkg:addresses ?recommendation`` and a qualified hkg:AddressLink node with hkg:linkScore,
hkg:sharedTheme and hkg:evidenceTerm, so the graph says why.
"""

from __future__ import annotations

import hashlib
import math
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from functools import lru_cache

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, RDFS, SKOS, XSD

from helsekg.extract.themes import THEME_BASE, ThemeScheme, term_stems
from helsekg.graph.namespace import HKG, ID
from helsekg.query.sparql import query
from helsekg.validate import EXTRACTION_ENGINE, ValidationReport, validate

__all__ = ["DEFAULT_MAX_PER_MEASURE", "DEFAULT_THRESHOLD", "Link", "LinkNode", "add_links", "iter_links", "link_iri",
           "link_measures", "read_nodes", "score_pair", "write_links"]

DEFAULT_THRESHOLD = 0.25
#: A measure links to at most this many recommendations, its best (on the shipped corpus no measure
#: reaches more than 5 at the default threshold). It keeps the link count linear in the number of
#: measures when many recommendations share vocabulary; None in :func:`link_measures` keeps all.
DEFAULT_MAX_PER_MEASURE = 5
THEME_WEIGHT = 0.5
TERM_WEIGHT = 0.5
#: Credit for a concept one broader/narrower/related step away from a concept of the other side.
NEAR_THEME = 0.5
#: Weight of a theme the graph asserts (hkg:hasTheme) but the node's own texts do not speak of, such as
#: the heading a recommendation stands under or the sentence around a measure; themes found in the
#: node's label or anchor text weigh 1.
ASSERTED_THEME = 0.5
_PLACES = Decimal("0.001")
_MARGIN = 0.0015  # > rounding to _PLACES plus float noise, so the fast pre-selection never drops a link

_NODES_QUERY = """
SELECT ?iri ?kind ?field ?text WHERE {
  { ?n a hkg:Measure ; rdfs:label ?t . BIND("measure" AS ?kind) BIND("text" AS ?field) }
  UNION { ?n a hkg:Measure ; hkg:hasMention/hkg:anchorText ?t . BIND("measure" AS ?kind) BIND("text" AS ?field) }
  UNION { ?n a hkg:Measure ; hkg:hasGoal/rdfs:label ?t . BIND("measure" AS ?kind) BIND("text" AS ?field) }
  UNION { ?n a hkg:Measure ; hkg:hasTheme ?th . BIND(STR(?th) AS ?t) BIND("measure" AS ?kind) BIND("theme" AS ?field) }
  UNION { ?n a hkg:Recommendation ; rdfs:label ?t . BIND("recommendation" AS ?kind) BIND("text" AS ?field) }
  UNION { ?n a hkg:Recommendation ; hkg:hasMention/hkg:anchorText ?t . BIND("recommendation" AS ?kind) BIND("text" AS ?field) }
  UNION { ?n a hkg:Recommendation ; hkg:hasTheme ?th . BIND(STR(?th) AS ?t) BIND("recommendation" AS ?kind) BIND("theme" AS ?field) }
  BIND(STR(?n) AS ?iri)
  BIND(STR(?t) AS ?text)
}
"""


@dataclass(frozen=True)
class LinkNode:
    """A measure or recommendation as the linker sees it: its texts, themes and content terms."""

    iri: str
    kind: str  # "measure" or "recommendation"
    texts: tuple[str, ...]
    themes: frozenset[str]
    terms: frozenset[str]  # term stems
    text_themes: frozenset[str] = frozenset()  # the themes found in ``texts`` themselves

    def theme_weight(self, key: str) -> float:
        """1 for a theme found in the node's texts, :data:`ASSERTED_THEME` for one only asserted."""
        return 1.0 if key in self.text_themes else ASSERTED_THEME


@dataclass(frozen=True)
class Link:
    """A measure that addresses a recommendation, with the score and the evidence for it."""

    measure: str
    recommendation: str
    score: Decimal
    shared_themes: tuple[str, ...]
    shared_terms: tuple[tuple[str, float], ...]  # (shown term, idf), highest idf first
    near_themes: tuple[tuple[str, str], ...] = ()  # (measure concept, recommendation concept) one step apart
    theme_score: float = 0.0
    term_score: float = 0.0

    def explain(self) -> str:
        """The evidence in words.

        >>> Link("m", "r", Decimal("0.612"), ("rekruttering",), (("rekruttering", 1.6), ("utdanning", 1.2))).explain()
        'shared themes: rekruttering; shared terms: rekruttering (idf 1.6), utdanning (1.2)'
        """
        parts = [f"shared themes: {', '.join(self.shared_themes) or '-'}"]
        if self.near_themes:
            parts.append("near themes: " + ", ".join(f"{m}~{r}" for m, r in self.near_themes))
        terms = [f"{term} ({'idf ' if i == 0 else ''}{idf:.1f})" for i, (term, idf) in enumerate(self.shared_terms)]
        parts.append(f"shared terms: {', '.join(terms) or '-'}")
        return "; ".join(parts)

    def describe(self) -> str:
        """The score, its two components and the evidence."""
        return (f"{self.score} = {THEME_WEIGHT} × themes {self.theme_score:.3f} + {TERM_WEIGHT} × terms "
                f"{self.term_score:.3f}; {self.explain()}")


def read_nodes(graph: Graph, *, scheme: ThemeScheme | None = None) -> list[LinkNode]:
    """Measures and recommendations of ``graph`` with their texts, themes and terms, sorted by IRI."""
    scheme = scheme or ThemeScheme.load()
    texts: dict[tuple[str, str], list[str]] = defaultdict(list)
    themes: dict[tuple[str, str], set[str]] = defaultdict(set)
    for iri, kind, fieldname, text in query(graph, _NODES_QUERY).rows:
        key = (iri, kind)
        if fieldname == "theme":
            if text.startswith(THEME_BASE):
                themes[key].add(text[len(THEME_BASE):])
        elif text not in texts[key]:
            texts[key].append(text)
    analysed: dict[str, tuple[frozenset[str], frozenset[str]]] = {}  # text -> (concepts, stems)

    def analyse(text: str) -> tuple[frozenset[str], frozenset[str]]:
        if text not in analysed:
            analysed[text] = (frozenset(m.key for m in scheme.concepts_in(text)),
                              frozenset(s for s, _ in term_stems(text, scheme=scheme)))
        return analysed[text]

    nodes = []
    for key in sorted(set(texts) | set(themes)):
        node_texts = tuple(sorted(texts[key]))
        in_text: set[str] = set()
        stems: set[str] = set()
        for text in node_texts:
            concepts, text_stems = analyse(text)
            in_text |= concepts
            stems |= text_stems
        nodes.append(LinkNode(key[0], key[1], node_texts, frozenset(themes[key] | in_text), frozenset(stems),
                              frozenset(in_text)))
    return nodes


def _idf(nodes: Sequence[LinkNode]) -> dict[str, float]:
    df: dict[str, int] = defaultdict(int)
    for node in nodes:
        for term in node.terms:
            df[term] += 1
    n = len(nodes)
    return {term: math.log((1 + n) / (1 + count)) + 1 for term, count in df.items()}


@lru_cache(maxsize=4)
def _neighbours(scheme: ThemeScheme) -> dict[str, frozenset[str]]:
    """Each concept's broader, narrower and related concepts: what counts as one step away."""
    return {key: frozenset(c.broader + c.narrower + c.related) for key, c in scheme.concepts.items()}


def _theme_weights(node: LinkNode) -> dict[str, float]:
    return {key: node.theme_weight(key) for key in node.themes}


def _theme_overlap(a: dict[str, float], b: dict[str, float], neighbours: dict[str, frozenset[str]],
                   near: set[tuple[str, str]] | None = None) -> float:
    """Weighted soft Dice of two {theme: weight} maps: each theme counts its weight times its best match's credit.

    A shared theme is credited the other side's weight, a theme one step away :data:`NEAR_THEME` times
    it. With ``near``, the credited pairs one step apart are collected there as (a concept, b concept).
    """
    if not a or not b:
        return 0.0

    def side(one: dict[str, float], other: dict[str, float], forward: bool) -> float:
        total = 0.0
        for key, weight in one.items():
            credit = other.get(key)
            if credit is None:
                close = [o for o in neighbours.get(key, ()) if o in other]
                if not close:
                    credit = 0.0
                elif near is None:
                    credit = NEAR_THEME * max(other[o] for o in close)
                else:
                    top = max(sorted(close), key=other.__getitem__)
                    near.add((key, top) if forward else (top, key))
                    credit = NEAR_THEME * other[top]
            total += weight * credit
        return total

    return (side(a, b, True) + side(b, a, False)) / (sum(a.values()) + sum(b.values()))


def _rounded(score: float) -> Decimal:
    """A score clipped to [0, 1] and rounded half-up to three decimals, as links carry it."""
    return Decimal(repr(min(max(score, 0.0), 1.0))).quantize(_PLACES, rounding=ROUND_HALF_UP)


def score_pair(measure: LinkNode, recommendation: LinkNode, idf: dict[str, float], scheme: ThemeScheme,
               shown: dict[str, str] | None = None) -> Link:
    """Score one pair; ``shown`` maps term stems to the form shown in the evidence."""
    near: set[tuple[str, str]] = set()
    theme_score = _theme_overlap(_theme_weights(measure), _theme_weights(recommendation), _neighbours(scheme), near)
    shared = measure.terms & recommendation.terms
    weight = lambda terms: sum(idf.get(t, 1.0) for t in terms)  # noqa: E731
    denominator = weight(measure.terms) + weight(recommendation.terms)
    term_score = 2 * weight(shared) / denominator if denominator else 0.0
    score = THEME_WEIGHT * theme_score + TERM_WEIGHT * term_score
    shown = shown or {}
    terms = sorted(((shown.get(t, t), round(idf.get(t, 1.0), 2)) for t in shared), key=lambda p: (-p[1], p[0]))
    return Link(
        measure=measure.iri,
        recommendation=recommendation.iri,
        score=_rounded(score),
        shared_themes=tuple(sorted(measure.themes & recommendation.themes)),
        shared_terms=tuple(terms),
        near_themes=tuple(sorted(near)),
        theme_score=round(theme_score, 3),
        term_score=round(term_score, 3),
    )


def link_measures(graph: Graph, *, threshold: float = DEFAULT_THRESHOLD, scheme: ThemeScheme | None = None,
                  max_per_measure: int | None = DEFAULT_MAX_PER_MEASURE) -> list[Link]:
    """Measure → recommendation links of ``graph`` scoring at least ``threshold``.

    Args:
        graph: a helsekg graph (one document or a merged corpus), or an Oxigraph store.
        threshold: the lowest score kept, in [0, 1].
        scheme: the theme scheme; the shipped one by default.
        max_per_measure: keep only this many best links per measure (ties on score broken by
            recommendation IRI); None keeps every link at or above the threshold.

    Returns:
        Links sorted by score (highest first), then measure and recommendation IRI.
    """
    links = list(iter_links(graph, threshold=threshold, scheme=scheme, max_per_measure=max_per_measure))
    links.sort(key=lambda link: (-link.score, link.measure, link.recommendation))
    return links


def iter_links(graph: Graph, *, threshold: float = DEFAULT_THRESHOLD, scheme: ThemeScheme | None = None,
               max_per_measure: int | None = DEFAULT_MAX_PER_MEASURE) -> Iterator[Link]:
    """The links of :func:`link_measures`, one measure at a time (by measure IRI), best first per measure.

    Holds the nodes and an inverted index of the recommendations, never all links: a store can write
    and validate them as they come.
    """
    if not 0 <= threshold <= 1:
        raise ValueError(f"threshold must be between 0 and 1, not {threshold}")
    if max_per_measure is not None and max_per_measure < 1:
        raise ValueError(f"max_per_measure must be at least 1 or None, not {max_per_measure}")
    scheme = scheme or ThemeScheme.load()
    nodes = read_nodes(graph, scheme=scheme)
    measures = [n for n in nodes if n.kind == "measure"]
    recommendations = [n for n in nodes if n.kind == "recommendation"]
    if not measures or not recommendations:
        return
    idf = _idf(nodes)
    shown = _shown_forms(nodes, scheme)
    scorer = _Scorer(recommendations, idf, scheme)
    del nodes
    floor = Decimal(str(threshold))
    for measure in measures:
        # a fast float score for every candidate, then the exact Link (score_pair) for those that can
        # make the cut: the margin covers rounding to three decimals and float summation order
        scored = [(score, i) for score, i in scorer.scores(measure) if score > 0 and score >= threshold - _MARGIN]
        if max_per_measure is not None and len(scored) > max_per_measure:
            scored.sort(key=lambda pair: -pair[0])
            cut = scored[max_per_measure - 1][0] - _MARGIN
            scored = [pair for pair in scored if pair[0] >= cut]
        links = [score_pair(measure, recommendations[i], idf, scheme, shown) for _, i in scored]
        links = [link for link in links if link.score >= floor and link.score > 0]
        links.sort(key=lambda link: (-link.score, link.recommendation))
        yield from links[:max_per_measure] if max_per_measure is not None else links


class _Scorer:
    """Scores one measure against every recommendation it shares a term or a theme with.

    An inverted index over the recommendations' terms (with their IDF weights summed per pair) and
    themes (with their broader, narrower and related concepts) keeps the work near-linear in real
    corpora instead of measures × recommendations; pairs left out would score exactly 0.
    """

    def __init__(self, recommendations: list[LinkNode], idf: dict[str, float], scheme: ThemeScheme) -> None:
        self.recommendations = recommendations
        self.idf = idf
        self.scheme = scheme
        self.terms: dict[str, list[int]] = defaultdict(list)
        self.themes: dict[str, set[int]] = defaultdict(set)
        self.neighbours = _neighbours(scheme)
        self.weights = [sum(idf.get(t, 1.0) for t in rec.terms) for rec in recommendations]
        for i, rec in enumerate(recommendations):
            for term in rec.terms:
                self.terms[term].append(i)
            for key in rec.themes:
                for near in (key, *self.neighbours.get(key, ())):
                    self.themes[near].add(i)
        self.theme_weights = [_theme_weights(rec) for rec in recommendations]

    def scores(self, measure: LinkNode) -> list[tuple[float, int]]:
        """(score, recommendation index) for every recommendation that can score above 0."""
        shared: dict[int, float] = defaultdict(float)
        for term in measure.terms:
            weight = self.idf.get(term, 1.0)
            for i in self.terms.get(term, ()):
                shared[i] += weight
        themed: set[int] = set()
        for key in measure.themes:
            themed |= self.themes.get(key, set())
        own = sum(self.idf.get(t, 1.0) for t in measure.terms)
        own_themes = _theme_weights(measure)
        out = []
        for i in shared.keys() | themed:
            denominator = own + self.weights[i]
            term_score = 2 * shared.get(i, 0.0) / denominator if denominator else 0.0
            theme_score = _theme_overlap(own_themes, self.theme_weights[i], self.neighbours) if i in themed else 0.0
            out.append((THEME_WEIGHT * theme_score + TERM_WEIGHT * term_score, i))
        return out


def _shown_forms(nodes: Iterable[LinkNode], scheme: ThemeScheme) -> dict[str, str]:
    shown: dict[str, str] = {}
    for node in nodes:
        for text in node.texts:
            for term_stem, form in term_stems(text, scheme=scheme):
                shown.setdefault(term_stem, form)
    return shown


def link_iri(measure: str, recommendation: str) -> URIRef:
    """IRI of the hkg:AddressLink between a measure and a recommendation (deterministic).

    >>> str(link_iri("https://w3id.org/helsekg/id/measure/a", "https://w3id.org/helsekg/id/recommendation/d/1-2"))
    'https://w3id.org/helsekg/id/link/93e2af269f753e47'
    """
    digest = hashlib.sha1(f"{measure} {recommendation}".encode("utf-8")).hexdigest()[:16]
    return ID[f"link/{digest}"]


def add_links(graph: Graph, links: Iterable[Link], *, scheme: ThemeScheme | None = None) -> Graph:
    """Write each link into ``graph`` and return it.

    Writes ``?measure hkg:addresses ?recommendation`` and an hkg:AddressLink node with
    hkg:linkedMeasure, hkg:linkedRecommendation, hkg:linkScore (xsd:decimal), one hkg:sharedTheme per
    shared concept (typed hkg:Theme and skos:Concept with its Bokmål skos:prefLabel, as
    :mod:`helsekg.graph.build` writes themes), one hkg:evidenceTerm per shared term, and the explanation as
    rdfs:comment @en.
    """
    scheme = scheme or ThemeScheme.load()
    for link in links:
        measure, recommendation = URIRef(link.measure), URIRef(link.recommendation)
        node = link_iri(link.measure, link.recommendation)
        graph.add((measure, HKG.addresses, recommendation))
        graph.add((node, RDF.type, HKG.AddressLink))
        graph.add((node, HKG.linkedMeasure, measure))
        graph.add((node, HKG.linkedRecommendation, recommendation))
        graph.add((node, HKG.linkScore, Literal(link.score, datatype=XSD.decimal)))
        for key in link.shared_themes:
            theme = URIRef(THEME_BASE + key)
            graph.add((node, HKG.sharedTheme, theme))
            if key in scheme.concepts:  # a theme outside the scheme came from the graph, typed and named
                graph.add((theme, RDF.type, HKG.Theme))
                graph.add((theme, RDF.type, SKOS.Concept))
                graph.add((theme, SKOS.prefLabel, Literal(scheme.label(key), lang="nb")))
        for term, _ in link.shared_terms:
            graph.add((node, HKG.evidenceTerm, Literal(term)))
        graph.add((node, RDFS.comment, Literal(link.describe(), lang="en")))
    return graph


def write_links(links: Iterable[Link], sink: Callable[[Graph], None], *, types: Callable[[URIRef], Iterable[URIRef]],
                check: bool = True, batch_size: int = 1000, scheme: ThemeScheme | None = None
                ) -> tuple[int, ValidationReport]:
    """Write ``links`` batch by batch and validate their link nodes; returns (links written, report).

    Each batch becomes a small graph (:func:`add_links`) handed to ``sink`` (which adds it to a graph or
    a store). With ``check``, the batch's link nodes are validated on that graph plus the types of the
    measures and recommendations they point to (``types(iri)``, what the shapes check), never on the
    whole corpus again, so memory and time stay linear in the number of links.
    """
    from helsekg.graph.build import new_graph

    scheme = scheme or ThemeScheme.load()
    report = ValidationReport(conforms=True)
    count = 0
    batch: list[Link] = []

    def flush() -> None:
        nonlocal report, count
        graph = add_links(new_graph(), batch, scheme=scheme)
        sink(graph)
        count += len(batch)
        if check:
            for endpoint in {URIRef(iri) for link in batch for iri in (link.measure, link.recommendation)}:
                for kind in types(endpoint):
                    graph.add((endpoint, RDF.type, kind))
            focus = [link_iri(link.measure, link.recommendation) for link in batch]
            report = report.merge(validate(graph, focus_nodes=focus, engine=EXTRACTION_ENGINE))
        batch.clear()

    for link in links:
        batch.append(link)
        if len(batch) >= batch_size:
            flush()
    if batch:
        flush()
    return count, report
