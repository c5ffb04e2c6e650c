"""Linking measures to the recommendations they address, with a calibrated score that explains itself.

Works on any helsekg graph, across documents: it reads every hkg:Measure (label, anchor texts, goal
labels, hkg:hasTheme, the dates of its documents) and every hkg:Recommendation (label, anchor texts,
hkg:hasTheme, its document's date) with SPARQL (Oxigraph), and scores each measure–recommendation pair.

**Evidence.** Each node has content terms (words and their compound parts, :func:`helsekg.extract.themes.term_stems`:
"rekrutteringsprosjektet" gives rekruttering and prosjekt; a Nynorsk word or part counts as its Bokmål twin, so
"skulehelsetenesta" and "skolehelsetjenesten" are one term) and theme-scheme concepts (hkg:hasTheme plus the
concepts :func:`helsekg.extract.themes.concepts_in` finds in the texts, through the scheme's skos:altLabel
near-synonyms). Terms weigh their IDF over the measures and recommendations of a fixed background corpus
(:mod:`helsekg.evaluation.link_background`: a few hundred public health-policy texts, not the graph being linked);
generic words and themes ("kompetanse", "utdanning", "tjeneste", "personell og kompetanse" ...; the lists in
``helsekg/data/link_model.json``) weigh :attr:`LinkModel.generic_weight` of that; a theme the node's own
texts do not speak of (only asserted, e.g. from the heading above it) weighs half. A theme of the other
side counts 1, a skos:related one (a near-synonym) :attr:`LinkModel.related_credit`, a broader or
narrower one :attr:`LinkModel.hierarchy_credit`.

**Features** (each in [0, 1]), :func:`features`:

* ``theme_coverage``: how much of the recommendation's (weighted) themes the measure has;
* ``ask_coverage``: the share of the specific themes the recommendation's own text speaks of (what it asks
  for) that the measure has, itself or as a skos:related near-synonym;
* ``theme_focus``: how much of the measure's themes the recommendation has (a measure with twelve themes
  is about none of them in particular: the weights are normalised by the measure's themes);
* ``term_coverage``: how much of the recommendation's IDF-weighted terms the measure shares;
* ``specific``: 1 when the pair shares a specific (not generic) content term, or a specific theme that
  at least one side's own text speaks of, else 0.

**Score** (:func:`score_pair`, the one place the formula lives): a logistic model fitted on the dev split
of the link gold (``python -m helsekg.evaluation.link_model``, weights in ``link_model.json``)::

    score = σ(intercept + Σ weight_f × feature_f)

and a pair without ``specific`` evidence is capped at :attr:`LinkModel.cap_without_evidence` (below the
threshold): sharing only generic words or themes is never a link. Each :class:`Link` keeps the feature
values and their contributions (weight × value) next to the shared themes and terms, so the score can
be read as "why".

:func:`add_links` writes ``?measure hkg:addressesThematically ?recommendation`` (and its
super-property hkg:addresses, so queries need no inference) and a qualified hkg:AddressLink node with
hkg:linkScore, hkg:sharedTheme, hkg:evidenceTerm, one hkg:featureContribution per feature, hkg:rank
(the link's place among the links to its recommendation, best first) and the dates of the two documents
(hkg:measureIssued, hkg:recommendationIssued) when known. hkg:followsUp (a document saying explicitly that
the measure follows up the recommendation, and dated after it) is never written by this linker: shared
words are not such a statement.
"""

from __future__ import annotations

import hashlib
import math
from collections import defaultdict
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from decimal import ROUND_HALF_UP, Decimal
from functools import lru_cache
from typing import Any

import numpy as np

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, RDFS, SKOS, XSD

from helsekg import resources
from helsekg.extract.themes import THEME_BASE, ThemeScheme, stem, term_stems
from helsekg.graph.namespace import HKG, ID
from helsekg.query.sparql import query
from helsekg.validate import EXTRACTION_ENGINE, ValidationReport, validate

__all__ = ["DEFAULT_MAX_PER_MEASURE", "DEFAULT_THRESHOLD", "FEATURES", "Link", "LinkModel", "LinkNode", "add_links",
           "features", "iter_links", "link_iri", "link_measures", "near_theme_texts", "node_links", "rank_links",
           "read_nodes", "score_pair", "term_idf", "update_links", "write_links"]

#: The score a link needs. The score is a probability of "addresses" under the calibrated model (the
#: base rate of strong links among gold pairs is about 3 %, so probabilities are low); 0.25 is the
#: F1-best threshold on the dev split of gold/links (see gold/links/README.md) and the value api.py,
#: cli.py and scale/store.py pass.
DEFAULT_THRESHOLD = 0.25
#: A measure links to at most this many recommendations, its best. It keeps the link count linear in the
#: number of measures when many recommendations share vocabulary; None in :func:`link_measures` keeps all.
DEFAULT_MAX_PER_MEASURE = 5
MODEL_FILE = "link_model.json"
#: The background document frequencies of the terms (:mod:`helsekg.evaluation.link_background`).
IDF_FILE = "link_idf.json"
#: The features of :func:`features`, in the order of the model's weights.
FEATURES = ("theme_coverage", "ask_coverage", "theme_focus", "term_coverage", "specific")
_PLACES = Decimal("0.001")
_MARGIN = 0.0015  # > rounding to _PLACES plus float noise, so the fast pre-selection never drops a link

_NODES_QUERY = """
SELECT ?iri ?kind ?field ?text WHERE {
  { ?n a hkg:Measure ; rdfs:label ?t . BIND("measure" AS ?kind) BIND("text" AS ?field) }
  UNION { ?n a hkg:Measure ; hkg:hasMention/hkg:anchorText ?t . BIND("measure" AS ?kind) BIND("text" AS ?field) }
  UNION { ?n a hkg:Measure ; hkg:hasGoal/rdfs:label ?t . BIND("measure" AS ?kind) BIND("text" AS ?field) }
  UNION { ?n a hkg:Measure ; hkg:hasTheme ?th . BIND(STR(?th) AS ?t) BIND("measure" AS ?kind) BIND("theme" AS ?field) }
  UNION { ?n a hkg:Measure ; hkg:mentionedIn/dcterms:issued ?t . BIND("measure" AS ?kind) BIND("date" AS ?field) }
  UNION { ?n a hkg:Recommendation ; rdfs:label ?t . BIND("recommendation" AS ?kind) BIND("text" AS ?field) }
  UNION { ?n a hkg:Recommendation ; hkg:hasMention/hkg:anchorText ?t . BIND("recommendation" AS ?kind) BIND("text" AS ?field) }
  UNION { ?n a hkg:Recommendation ; hkg:hasTheme ?th . BIND(STR(?th) AS ?t) BIND("recommendation" AS ?kind) BIND("theme" AS ?field) }
  UNION { ?n a hkg:Recommendation ; hkg:mentionedIn/dcterms:issued ?t . BIND("recommendation" AS ?kind) BIND("date" AS ?field) }
  BIND(STR(?n) AS ?iri)
  BIND(STR(?t) AS ?text)
}
"""


@dataclass(frozen=True)
class LinkModel:
    """The calibrated combination and the word lists of the score (``helsekg/data/link_model.json``)."""

    intercept: float
    weights: tuple[float, ...]  # one per FEATURES
    generic_terms: frozenset[str]  # term stems
    generic_themes: frozenset[str]  # theme keys
    generic_weight: float = 0.25
    asserted_theme: float = 0.5  # a measure's theme only asserted (from the sentence around it)
    asserted_recommendation_theme: float = 0.25  # a recommendation's theme only asserted (from its heading)
    related_credit: float = 0.75
    hierarchy_credit: float = 0.4
    cap_without_evidence: float = 0.2

    @classmethod
    def load(cls) -> LinkModel:
        """The shipped model (read once)."""
        return _shipped_model()

    @classmethod
    def from_data(cls, data: Mapping) -> LinkModel:
        """A model from the JSON object of ``link_model.json``.

        Raises:
            ValueError: a feature of :data:`FEATURES` without a weight, or an unknown one.
        """
        weights = dict(data["weights"])
        if set(weights) != set(FEATURES):
            raise ValueError(f"{MODEL_FILE}: weights must be given for exactly {', '.join(FEATURES)}, "
                             f"not {', '.join(sorted(weights))}; refit with python -m helsekg.evaluation.link_model")
        return cls(
            intercept=float(data["intercept"]), weights=tuple(float(weights[f]) for f in FEATURES),
            generic_terms=frozenset(stem(w) for w in data["generic_terms"]),
            generic_themes=frozenset(data["generic_themes"]),
            **{k: float(data[k]) for k in ("generic_weight", "asserted_theme", "asserted_recommendation_theme",
                                           "related_credit", "hierarchy_credit", "cap_without_evidence") if k in data},
        )

    def combine(self, values: Sequence[float]) -> float:
        """The probability the model gives to feature ``values`` (in :data:`FEATURES` order)."""
        logit = self.intercept + sum(w * v for w, v in zip(self.weights, values))
        return 1.0 / (1.0 + math.exp(-max(min(logit, 50.0), -50.0)))

    def score(self, values: Sequence[float]) -> float:
        """:meth:`combine`, capped at :attr:`cap_without_evidence` without ``specific`` evidence."""
        p = self.combine(values)
        return p if values[FEATURES.index("specific")] else min(p, self.cap_without_evidence)


@lru_cache(maxsize=1)
def _shipped_model() -> LinkModel:
    return LinkModel.from_data(resources.load_data(MODEL_FILE))


@dataclass(frozen=True)
class LinkNode:
    """A measure or recommendation as the linker sees it: its texts, themes, content terms and date."""

    iri: str
    kind: str  # "measure" or "recommendation"
    texts: tuple[str, ...]
    themes: frozenset[str]
    terms: frozenset[str]  # term stems
    text_themes: frozenset[str] = frozenset()  # the themes found in ``texts`` themselves
    date: str | None = None  # the earliest dcterms:issued (YYYY-MM-DD) of the node's documents, when known


@dataclass(frozen=True)
class Link:
    """A measure that addresses a recommendation, with the score and the evidence for it."""

    measure: str
    recommendation: str
    score: Decimal
    shared_themes: tuple[str, ...]
    shared_terms: tuple[tuple[str, float], ...]  # (shown term, idf), highest idf first
    near_themes: tuple[tuple[str, str], ...] = ()  # (measure concept, recommendation concept) one step apart
    #: (feature, value, contribution = weight × value), in FEATURES order; the intercept is the model's
    contributions: tuple[tuple[str, float, float], ...] = ()
    intercept: float = 0.0
    capped: bool = False  # no specific evidence: the score is held below the threshold
    measure_date: str | None = None
    recommendation_date: str | None = None
    #: the link's place among the links to its recommendation (1 = best); set by :func:`rank_links`
    rank: int | None = field(default=None, compare=False)

    def explain(self, scheme: ThemeScheme | None = None) -> str:
        """The evidence in words; with ``scheme``, themes by their Bokmål labels (as hkg:sharedTheme and hkg:nearTheme
        name them), else by their keys.

        >>> Link("m", "r", Decimal("0.612"), ("rekruttering",), (("rekruttering", 1.6), ("utdanning", 1.2))).explain()
        'shared themes: rekruttering; shared terms: rekruttering (idf 1.6), utdanning (1.2)'
        >>> Link("m", "r", Decimal("0.4"), ("psykisk-helse",), (), near_themes=(("pasientforlop", "samhandling"),)
        ...      ).explain(ThemeScheme.load())
        'shared themes: psykisk helse; near themes: pasientforløp ~ samhandling; shared terms: -'
        """
        if scheme is None:
            themes = list(self.shared_themes)
            near = [f"{m}~{r}" for m, r in self.near_themes]
        else:
            themes = [_theme_label(key, scheme) for key in self.shared_themes]
            near = near_theme_texts(self, scheme)
        parts = [f"shared themes: {', '.join(themes) or '-'}"]
        if near:
            parts.append("near themes: " + ", ".join(near))
        terms = [f"{term} ({'idf ' if i == 0 else ''}{idf:.1f})" for i, (term, idf) in enumerate(self.shared_terms)]
        parts.append(f"shared terms: {', '.join(terms) or '-'}")
        return "; ".join(parts)

    def describe(self, scheme: ThemeScheme | None = None) -> str:
        """The score as the model computes it (intercept, then each feature's contribution = weight × value,
        with the value in brackets), and the evidence (:meth:`explain`, with ``scheme`` themes by label).

        >>> Link("m", "r", Decimal("0.731"), ("rekruttering",), (), contributions=(("theme_coverage", 0.5, 2.0),),
        ...      intercept=-1.0).describe()
        '0.731 = σ(-1.00 +2.00 (theme_coverage 0.50)); shared themes: rekruttering; shared terms: -'
        """
        terms = " ".join(f"{c:+.2f} ({name} {value:.2f})" for name, value, c in self.contributions if c)
        formula = f"σ({self.intercept:.2f}{' ' + terms if terms else ''})"
        if self.capped:
            formula += ", capped: no specific shared term or theme"
        return f"{self.score} = {formula}; {self.explain(scheme)}"

    def contribution_texts(self) -> list[str]:
        """One line per feature, as hkg:featureContribution writes them: "name value × weight = contribution".

        >>> Link("m", "r", Decimal("0.5"), (), (), contributions=(("term_dice", 0.25, 0.5),)).contribution_texts()
        ['term_dice 0.250 × 2.000 = +0.500']
        """
        return [f"{name} {value:.3f} × {(c / value if value else 0.0):.3f} = {c:+.3f}"
                for name, value, c in self.contributions]


def read_nodes(graph: Graph, *, scheme: ThemeScheme | None = None,
               iris: Collection[str] | None = None) -> list[LinkNode]:
    """Measures and recommendations of ``graph`` with their texts, themes, terms and dates, sorted by IRI.

    ``iris``: read only these nodes (those of them that are measures or recommendations).
    """
    scheme = scheme or ThemeScheme.load()
    texts: dict[tuple[str, str], list[str]] = defaultdict(list)
    themes: dict[tuple[str, str], set[str]] = defaultdict(set)
    dates: dict[tuple[str, str], set[str]] = defaultdict(set)
    sparql = _NODES_QUERY
    if iris is not None:
        if not iris:
            return []
        values = " ".join(f"<{iri}>" for iri in sorted(iris))
        sparql = sparql.replace("WHERE {\n", f"WHERE {{\n  VALUES ?n {{ {values} }}\n", 1)
    for iri, kind, fieldname, text in query(graph, sparql).rows:
        key = (iri, kind)
        if fieldname == "theme":
            if text.startswith(THEME_BASE):
                themes[key].add(text[len(THEME_BASE):])
        elif fieldname == "date":
            if len(text) >= 10 and text[4] == "-" and text[7] == "-":
                dates[key].add(text[:10])
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
                              frozenset(in_text), min(dates[key]) if dates[key] else None))
    return nodes


def term_idf(nodes: Sequence[LinkNode]) -> dict[str, float]:
    """The IDF of every term of ``nodes`` (measures and recommendations) over the shipped background corpus:
    ``ln((1 + n) / (1 + df)) + 1`` with the node count ``n`` and the term's node count ``df`` of
    ``helsekg/data/link_idf.json`` (:mod:`helsekg.evaluation.link_background`; a term the background never uses has
    df 0).

    The weights do not depend on the other nodes of the graph: a term is as generic in a five-document corpus as in
    a store of ten thousand, and adding a document changes no other pair's score (:func:`update_links`).
    """
    return _idf(nodes)


@lru_cache(maxsize=1)
def _background() -> tuple[int, dict[str, int]]:
    """The background corpus's node count and per-term node counts (``link_idf.json``)."""
    data = resources.load_data(IDF_FILE)
    resources.require_fields(data, ("nodes", "df"), source=IDF_FILE, what="link term frequencies")
    return int(data["nodes"]), {str(term): int(count) for term, count in data["df"].items()}


def _idf(nodes: Sequence[LinkNode]) -> dict[str, float]:
    n, df = _background()
    terms = {term for node in nodes for term in node.terms}
    return {term: math.log((1 + n) / (1 + df.get(term, 0))) + 1 for term in terms}


@lru_cache(maxsize=4)
def _neighbours(scheme: ThemeScheme) -> dict[str, frozenset[str]]:
    """Each concept's broader, narrower and related concepts: what counts as one step away."""
    return {key: frozenset(c.broader + c.narrower + c.related) for key, c in scheme.concepts.items()}


@lru_cache(maxsize=4)
def _related(scheme: ThemeScheme) -> dict[str, frozenset[str]]:
    """Each concept's skos:related concepts (near-synonyms: credited more than a broader or narrower one)."""
    return {key: frozenset(c.related) for key, c in scheme.concepts.items()}


def _theme_weights(node: LinkNode, model: LinkModel) -> dict[str, float]:
    """{theme: weight}: 1 in the node's texts, less when only asserted (``asserted_theme`` for a measure,
    ``asserted_recommendation_theme`` for a recommendation); times ``generic_weight`` when generic."""
    asserted = model.asserted_theme if node.kind == "measure" else model.asserted_recommendation_theme
    # sorted: the sums over these weights must not depend on the hash seed (reproducible scores)
    return {key: (1.0 if key in node.text_themes else asserted)
            * (model.generic_weight if key in model.generic_themes else 1.0) for key in sorted(node.themes)}


def _credit(key: str, other: Mapping[str, float], scheme: ThemeScheme, model: LinkModel) -> tuple[float, str | None]:
    """How well ``other`` (a {theme: weight} map) matches concept ``key``, and the concept that matched."""
    if key in other:
        return 1.0, key
    related = [o for o in _related(scheme).get(key, ()) if o in other]
    if related:
        return model.related_credit, min(related)
    close = [o for o in _neighbours(scheme).get(key, ()) if o in other]
    if close:
        return model.hierarchy_credit, min(close)
    return 0.0, None


@lru_cache(maxsize=4)
def _credited_by(scheme: ThemeScheme) -> tuple[dict[str, tuple[str, ...]], dict[str, tuple[str, ...]]]:
    """The inverse of :func:`_related` and :func:`_neighbours`: for each concept, the concepts that list it."""
    related: dict[str, list[str]] = defaultdict(list)
    close: dict[str, list[str]] = defaultdict(list)
    for key, others in _related(scheme).items():
        for other in others:
            related[other].append(key)
    for key, others in _neighbours(scheme).items():
        for other in others:
            close[other].append(key)
    return {k: tuple(v) for k, v in related.items()}, {k: tuple(v) for k, v in close.items()}


def _credit_table(other: Iterable[str], scheme: ThemeScheme, model: LinkModel) -> dict[str, float]:
    """``{key: _credit(key, other)[0]}`` for every key with credit: one table per node, so that scoring a measure
    against many recommendations looks credits up instead of searching the scheme for each theme pair (issue 18).
    A later assignment wins, so the order is :func:`_credit`'s: the theme itself, then a related, then a
    broader or narrower concept."""
    related, close = _credited_by(scheme)
    keys = tuple(other)
    table: dict[str, float] = {}
    for key in keys:
        for near in close.get(key, ()):
            table[near] = model.hierarchy_credit
    for key in keys:
        for near in related.get(key, ()):
            table[near] = model.related_credit
    for key in keys:
        table[key] = 1.0
    return table


def _coverage(one: Mapping[str, float], other: Mapping[str, float], scheme: ThemeScheme, model: LinkModel,
              near: set[tuple[str, str]] | None = None, forward: bool = True) -> float:
    """The weighted share of ``one``'s themes that ``other`` matches (:func:`_credit`)."""
    total = sum(one.values())
    if not total:
        return 0.0
    got = 0.0
    for key, weight in one.items():
        credit, match = _credit(key, other, scheme, model)
        if match is not None and match != key and near is not None:
            near.add((key, match) if forward else (match, key))
        got += weight * credit
    return got / total


def _term_weight(term: str, idf: Mapping[str, float], model: LinkModel) -> float:
    return idf.get(term, 1.0) * (model.generic_weight if term in model.generic_terms else 1.0)


def _specific(measure: LinkNode, recommendation: LinkNode, shared_terms: Iterable[str], scheme: ThemeScheme,
              model: LinkModel) -> bool:
    """A shared content term that is not generic, or a theme that is not generic, that the recommendation's own
    text speaks of (what it asks for) and that the measure has too (or a skos:related near-synonym of it)."""
    if any(t not in model.generic_terms for t in shared_terms):
        return True
    related = _related(scheme)
    return any(({key} | related.get(key, frozenset())) & measure.themes
               for key in recommendation.text_themes - model.generic_themes)


def features(measure: LinkNode, recommendation: LinkNode, idf: Mapping[str, float], scheme: ThemeScheme,
             model: LinkModel | None = None, near: set[tuple[str, str]] | None = None) -> tuple[float, ...]:
    """The feature values of a pair, in :data:`FEATURES` order (see the module docstring).

    With ``near``, the theme pairs one step apart that earned credit are collected there.
    """
    model = model or LinkModel.load()
    return _features(measure, recommendation, idf, scheme, model, near,
                     _node_weights(measure, idf, model), _node_weights(recommendation, idf, model))


def _node_weights(node: LinkNode, idf: Mapping[str, float], model: LinkModel) -> tuple[dict[str, float], float]:
    """What :func:`features` needs of one node whatever the other: its theme weights and the weight of its terms
    (computed once per node when one measure is scored against many recommendations, issue 18)."""
    return _theme_weights(node, model), _terms_weight(node.terms, idf, model)


def _terms_weight(terms: Iterable[str], idf: Mapping[str, float], model: LinkModel) -> float:
    # summed in sorted order: a set's order changes with the hash seed, and so would the last bit of the sum
    return sum(_term_weight(t, idf, model) for t in sorted(terms))


def _features(measure: LinkNode, recommendation: LinkNode, idf: Mapping[str, float], scheme: ThemeScheme,
              model: LinkModel, near: set[tuple[str, str]] | None,
              m_weights: tuple[dict[str, float], float], r_weights: tuple[dict[str, float], float]) -> tuple[float, ...]:
    (m_themes, _), (r_themes, r_weight) = m_weights, r_weights
    theme_coverage = _coverage(r_themes, m_themes, scheme, model, near, forward=False)
    theme_focus = _coverage(m_themes, r_themes, scheme, model, near, forward=True)
    return _with_the_rest(theme_coverage, theme_focus, measure, recommendation, _asks(recommendation, scheme, model),
                          r_weight, idf, scheme, model)


def _asks(recommendation: LinkNode, scheme: ThemeScheme, model: LinkModel) -> list[set[str]]:
    """What the recommendation's own text asks for: each of its specific themes with its skos:related concepts."""
    related = _related(scheme)
    return [{key} | related.get(key, frozenset()) for key in recommendation.text_themes - model.generic_themes]


def _with_the_rest(theme_coverage: float, theme_focus: float, measure: LinkNode, recommendation: LinkNode,
                   asks: list[set[str]], r_weight: float, idf: Mapping[str, float], scheme: ThemeScheme,
                   model: LinkModel) -> tuple[float, ...]:
    """The features (:data:`FEATURES` order) from the two theme coverages and what the others need: the
    recommendation's :func:`_asks` and the weight of its terms."""
    ask_coverage = sum(1 for near in asks if near & measure.themes) / len(asks) if asks else 0.0
    shared = measure.terms & recommendation.terms
    term_coverage = _terms_weight(shared, idf, model) / r_weight if r_weight else 0.0
    specific = 1.0 if _specific(measure, recommendation, shared, scheme, model) else 0.0
    return theme_coverage, ask_coverage, theme_focus, term_coverage, specific


def _rounded(score: float) -> Decimal:
    """A score clipped to [0, 1] and rounded half-up to three decimals, as links carry it."""
    return Decimal(repr(min(max(score, 0.0), 1.0))).quantize(_PLACES, rounding=ROUND_HALF_UP)


def score_pair(measure: LinkNode, recommendation: LinkNode, idf: dict[str, float], scheme: ThemeScheme,
               shown: dict[str, str] | None = None, *, model: LinkModel | None = None) -> Link:
    """Score one pair; ``shown`` maps term stems to the form shown in the evidence.

    The score depends on the two nodes, the IDF of their terms, the scheme and the model (its word lists
    and weights), nothing else (:func:`update_links` relies on it); the evidence also on ``shown``.
    """
    model = model or LinkModel.load()
    near: set[tuple[str, str]] = set()
    values = features(measure, recommendation, idf, scheme, model, near)
    shared = measure.terms & recommendation.terms
    shown = shown or {}
    # the evidence names what an expert would accept: specific terms and themes, not the generic ones
    terms = sorted(((shown.get(t, t), round(idf.get(t, 1.0), 2)) for t in shared if t not in model.generic_terms),
                   key=lambda p: (-p[1], p[0]))
    generic = model.generic_themes
    return Link(
        measure=measure.iri,
        recommendation=recommendation.iri,
        score=_rounded(model.score(values)),
        shared_themes=tuple(sorted((measure.themes & recommendation.themes) - generic)),
        shared_terms=tuple(terms),
        near_themes=tuple(sorted((m, r) for m, r in near if m not in generic and r not in generic)),
        contributions=tuple((name, round(v, 3), round(w * v, 3)) for name, v, w in zip(FEATURES, values, model.weights)),
        intercept=round(model.intercept, 3),
        capped=not values[FEATURES.index("specific")] and model.combine(values) > model.cap_without_evidence,
        measure_date=measure.date,
        recommendation_date=recommendation.date,
    )


def rank_links(links: Iterable[Link]) -> list[Link]:
    """``links`` with :attr:`Link.rank` set: their place among the links to the same recommendation (1 = the
    highest score; ties broken by measure IRI), in the order given.

    >>> [l.rank for l in rank_links([Link("m1", "r", Decimal("0.6"), (), ()), Link("m2", "r", Decimal("0.9"), (), ()),
    ...                                Link("m1", "s", Decimal("0.7"), (), ())])]
    [2, 1, 1]
    """
    links = list(links)
    by_recommendation: dict[str, list[int]] = defaultdict(list)
    for i, link in enumerate(links):
        by_recommendation[link.recommendation].append(i)
    ranked = list(links)
    for indices in by_recommendation.values():
        indices.sort(key=lambda i: (-links[i].score, links[i].measure))
        for rank, i in enumerate(indices, start=1):
            ranked[i] = replace(links[i], rank=rank)
    return ranked


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
        Links sorted by score (highest first), then measure and recommendation IRI, each with its
        :attr:`Link.rank` among the links to its recommendation.
    """
    links = list(iter_links(graph, threshold=threshold, scheme=scheme, max_per_measure=max_per_measure))
    links.sort(key=lambda link: (-link.score, link.measure, link.recommendation))
    return rank_links(links)


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
    del nodes
    yield from node_links(measures, recommendations, idf, shown, threshold=threshold, scheme=scheme,
                          max_per_measure=max_per_measure)


def node_links(measures: Iterable[LinkNode], recommendations: Sequence[LinkNode], idf: Mapping[str, float],
               shown: Mapping[str, str], *, threshold: float, scheme: ThemeScheme,
               max_per_measure: int | None) -> Iterator[Link]:
    """The links of each of ``measures`` to ``recommendations``, as :func:`iter_links` makes them from all the
    nodes of a graph (``idf`` and ``shown`` computed over all of them)."""
    model = LinkModel.load()
    scorer = _Scorer(list(recommendations), dict(idf), scheme, model)
    shown = dict(shown)
    floor = Decimal(str(threshold))
    for measure in measures:
        # a fast float score for every candidate, then the exact Link (score_pair) for those that can
        # make the cut: the margin covers rounding to three decimals and float summation order
        scored = [(score, i) for score, i in scorer.scores(measure) if score > 0 and score >= threshold - _MARGIN]
        if max_per_measure is not None and len(scored) > max_per_measure:
            scored.sort(key=lambda pair: -pair[0])
            cut = scored[max_per_measure - 1][0] - _MARGIN
            scored = [pair for pair in scored if pair[0] >= cut]
        links = [score_pair(measure, scorer.recommendations[i], scorer.idf, scheme, shown, model=model)
                 for _, i in scored]
        links = [link for link in links if link.score >= floor and link.score > 0]
        links.sort(key=lambda link: (-link.score, link.recommendation))
        yield from links[:max_per_measure] if max_per_measure is not None else links


def update_links(old_nodes: Sequence[LinkNode], new_nodes: Sequence[LinkNode],
                 old_links: Mapping[str, Iterable[tuple[Decimal, str]]], *, threshold: float = DEFAULT_THRESHOLD,
                 scheme: ThemeScheme | None = None, max_per_measure: int | None = DEFAULT_MAX_PER_MEASURE,
                 full_above: float = 0.5) -> tuple[set[str], list[Link]] | None:
    """What changes in the links when the nodes change from ``old_nodes`` to ``new_nodes``.

    ``old_links`` are the links :func:`iter_links` made from ``old_nodes`` with the same options, as
    measure IRI -> [(score, recommendation IRI)]. Returns the measures whose links are stale (drop them
    all) and their new links, so that the old links minus the stale plus the new ones are exactly the
    links of :func:`iter_links` over ``new_nodes``; or None when more than ``full_above`` of the measures
    need new links (computing them all is then cheaper).

    A pair's :class:`Link` depends on the two nodes (their texts, themes, terms and document dates), the IDF
    of their terms, the shown forms of their shared terms, the scheme and the shipped :class:`LinkModel` and
    background term frequencies (:func:`score_pair`; a new model, scheme or background changes the store's linker
    fingerprint, so everything is relinked). The IDF of a term depends on the term alone (:func:`term_idf`), so a
    node that did not change keeps its terms' weights whatever documents came or went. Links never carry their
    :attr:`Link.rank` here: a rank depends on the other links to the same recommendation, and the store recomputes
    ranks after every change (``GraphStore._rank_links``). A measure gets new links when it is new or changed, when
    one of its links points to a recommendation that changed or went, or whose shared terms' shown forms changed, or
    when a new or rescored recommendation can enter its best links: added or removed documents rescore only their
    own measures and the measures their recommendations can reach.
    """
    scheme = scheme or ThemeScheme.load()
    old = {(n.iri, n.kind): n for n in old_nodes}
    new = {(n.iri, n.kind): n for n in new_nodes}
    new_idf = _idf(new_nodes)
    old_shown, new_shown = _shown_forms(old_nodes, scheme), _shown_forms(new_nodes, scheme)
    changed_shown = {t for t in old_shown.keys() | new_shown.keys() if old_shown.get(t) != new_shown.get(t)}
    measures = [n for n in new_nodes if n.kind == "measure"]
    recommendations = [n for n in new_nodes if n.kind == "recommendation"]
    by_iri = {r.iri: r for r in recommendations}

    def dirty(node: LinkNode, other: dict[tuple[str, str], LinkNode]) -> bool:
        return other.get((node.iri, node.kind)) != node

    rescored = [r for r in recommendations if dirty(r, old)]
    stale_recs = {r.iri for r in rescored} | {n.iri for n in old_nodes if n.kind == "recommendation" and dirty(n, new)}
    affected: set[str] = set()
    rest = []
    for measure in measures:
        links = list(old_links.get(measure.iri, ()))
        if dirty(measure, old) or any(r in stale_recs or r not in by_iri or measure.terms & by_iri[r].terms & changed_shown
                                      for _, r in links):
            affected.add(measure.iri)
        else:
            rest.append((measure, links))
    if rescored:  # can a new or rescored recommendation enter a measure's best links?
        scorer = _Scorer(rescored, new_idf, scheme, LinkModel.load())
        for measure, links in rest:
            bar = threshold
            if max_per_measure is not None and len(links) >= max_per_measure:
                bar = max(bar, float(sorted(score for score, _ in links)[-max_per_measure]))
            if any(score > 0 and score >= bar - _MARGIN for score, _ in scorer.scores(measure)):
                affected.add(measure.iri)
    if measures and len(affected) > full_above * len(measures):
        return None
    gone = set(old_links) - {m.iri for m in measures}
    links = list(node_links([m for m in measures if m.iri in affected], recommendations, new_idf, new_shown,
                            threshold=threshold, scheme=scheme, max_per_measure=max_per_measure))
    return affected | gone, links


class _Scorer:
    """Scores one measure against every recommendation it shares a term or a theme with, all at once.

    Inverted indexes over the recommendations (term -> recommendations, theme -> recommendations with the weight
    or credit it has there, theme -> the "asks" (:func:`_asks`) it answers) turn each feature of a measure into
    one weighted ``numpy.bincount`` over the recommendations (issue 18: several times faster than scoring pair by
    pair, and linear in the postings the measure touches). The sums run in another order than
    :func:`features`' do, so a score can differ from the exact one in the last bits: :func:`node_links` keeps
    every pair within :data:`_MARGIN` of the threshold and scores it exactly (:func:`score_pair`). A pair left
    out shares no term and no theme (one step), so its features are 0 and its score the model's floor, never a
    link.
    """

    def __init__(self, recommendations: list[LinkNode], idf: dict[str, float], scheme: ThemeScheme,
                 model: LinkModel) -> None:
        self.recommendations = recommendations
        self.idf = idf
        self.scheme = scheme
        self.model = model
        self._n = len(recommendations)
        weights = [_node_weights(rec, idf, model) for rec in recommendations]
        self._theme_totals = np.array([sum(themes.values()) for themes, _ in weights])
        self._term_totals = np.array([total for _, total in weights])
        terms: dict[str, list[int]] = defaultdict(list)
        themes: dict[str, tuple[list[int], list[float]]] = defaultdict(lambda: ([], []))  # key -> (rec, weight)
        credits: dict[str, tuple[list[int], list[float]]] = defaultdict(lambda: ([], []))  # key -> (rec, credit)
        asks: dict[str, list[int]] = defaultdict(list)  # key -> asks it answers
        ask_owner: list[int] = []
        self._ask_counts = np.zeros(self._n)
        for i, (rec, (rec_themes, _)) in enumerate(zip(recommendations, weights)):
            for term in rec.terms:
                terms[term].append(i)
            for key, weight in rec_themes.items():
                themes[key][0].append(i)
                themes[key][1].append(weight)
            for key, credit in _credit_table(rec_themes, scheme, model).items():
                credits[key][0].append(i)
                credits[key][1].append(credit)
            for near in _asks(rec, scheme, model):
                for key in near:
                    asks[key].append(len(ask_owner))
                ask_owner.append(i)
                self._ask_counts[i] += 1
        self._terms = {t: np.array(rows, dtype=np.intp) for t, rows in terms.items()}
        self._themes = {k: (np.array(rows, dtype=np.intp), np.array(values)) for k, (rows, values) in themes.items()}
        self._credits = {k: (np.array(rows, dtype=np.intp), np.array(values)) for k, (rows, values) in credits.items()}
        self._asks = {k: np.array(ids, dtype=np.intp) for k, ids in asks.items()}
        self._ask_owner = np.array(ask_owner, dtype=np.intp)
        self._weights = np.array(model.weights)

    def scores(self, measure: LinkNode) -> list[tuple[float, int]]:
        """(score, recommendation index) for every recommendation sharing a term or a theme (one step) with it."""
        matrix = self.feature_matrix(measure)
        if matrix is None:
            return []
        rows, values = matrix
        p = 1.0 / (1.0 + np.exp(-np.clip(self.model.intercept + values @ self._weights, -50.0, 50.0)))
        p = np.where(values[:, FEATURES.index("specific")] > 0, p, np.minimum(p, self.model.cap_without_evidence))
        return list(zip(p.tolist(), rows.tolist()))

    def feature_matrix(self, measure: LinkNode) -> tuple[np.ndarray, np.ndarray] | None:
        """(recommendation indexes, their features in :data:`FEATURES` order) for the recommendations that share
        a term or a theme (one step) with ``measure``, by index; None when none does."""
        n = self._n
        m_themes, _ = _node_weights(measure, self.idf, self.model)
        terms = sorted(t for t in measure.terms if t in self._terms)
        term_rows = [self._terms[t] for t in terms]
        specific_rows = [self._terms[t] for t in terms if t not in self.model.generic_terms]
        focus = [(self._credits[k], w) for k, w in m_themes.items() if k in self._credits]
        if not term_rows and not focus:
            return None
        shared_terms = self._bincount(term_rows, [_term_weight(t, self.idf, self.model) for t in terms])
        specific = self._bincount(specific_rows)
        theme_focus = self._bincount([rows for (rows, _), _ in focus], [values * w for (_, values), w in focus])
        m_total = sum(m_themes.values())
        theme_focus = theme_focus / m_total if m_total else np.zeros(n)
        covered = [(self._themes[k], credit) for k, credit in _credit_table(m_themes, self.scheme, self.model).items()
                   if k in self._themes]
        theme_coverage = _ratio(self._bincount([rows for (rows, _), _ in covered],
                                               [values * c for (_, values), c in covered]), self._theme_totals)
        hit = [self._asks[k] for k in measure.themes if k in self._asks]
        answered = np.zeros(n)
        if hit:  # an ask counts once however many of the measure's themes answer it
            asked = np.zeros(len(self._ask_owner), dtype=bool)
            asked[np.concatenate(hit)] = True
            answered = np.bincount(self._ask_owner[asked], minlength=n).astype(float)
        specific = specific + answered
        touched = (self._bincount(term_rows) + self._bincount([rows for (rows, _), _ in focus + covered])
                   + answered)
        values = np.column_stack([theme_coverage, _ratio(answered, self._ask_counts), theme_focus,
                                  _ratio(shared_terms, self._term_totals), (specific > 0).astype(float)])
        rows = np.flatnonzero(touched)
        return rows, values[rows]

    def _bincount(self, rows: list[np.ndarray], weights: list | None = None) -> np.ndarray:
        """The sum per recommendation of ``weights`` (a number or an array per array of ``rows``; 1 without)."""
        if not rows:
            return np.zeros(self._n)
        if weights is None:
            return np.bincount(np.concatenate(rows), minlength=self._n).astype(float)
        return np.bincount(np.concatenate(rows), minlength=self._n,
                           weights=np.concatenate([np.broadcast_to(w, r.shape) for r, w in zip(rows, weights)]))


def _ratio(part: np.ndarray, total: np.ndarray) -> np.ndarray:
    """``part / total``, 0 where ``total`` is 0."""
    return np.divide(part, total, out=np.zeros_like(part), where=total > 0)


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


def near_theme_texts(link: Link, scheme: ThemeScheme) -> list[str]:
    """The link's theme pairs one step apart as hkg:nearTheme writes them: "measure theme ~ recommendation theme",
    Bokmål labels (a key outside the scheme as it is).

    >>> near_theme_texts(Link("m", "r", Decimal("0.3"), (), (), near_themes=(("pasientforlop", "samhandling"),)),
    ...                  ThemeScheme.load())
    ['pasientforløp ~ samhandling']
    """
    return [f"{_theme_label(m, scheme)} ~ {_theme_label(r, scheme)}" for m, r in link.near_themes]


def _theme_label(key: str, scheme: ThemeScheme) -> str:
    """A theme's Bokmål label; a key outside the scheme as it is."""
    return scheme.label(key) if key in scheme.concepts else key


def add_links(graph: Graph, links: Iterable[Link], *, scheme: ThemeScheme | None = None) -> Graph:
    """Write each link into ``graph`` and return it.

    Writes ``?measure hkg:addressesThematically ?recommendation`` and its super-property
    ``?measure hkg:addresses ?recommendation``, and an hkg:AddressLink node with hkg:linkedMeasure,
    hkg:linkedRecommendation, hkg:linkScore (xsd:decimal), one hkg:sharedTheme per shared concept (typed
    hkg:Theme and skos:Concept with its Bokmål skos:prefLabel, as :mod:`helsekg.graph.build` writes themes),
    one hkg:evidenceTerm per shared term, one hkg:nearTheme per pair of themes one step apart that earned credit
    ("pasientforløp ~ samhandling"), one hkg:featureContribution per feature of the model, hkg:rank when
    the link is ranked (:func:`rank_links`), hkg:measureIssued and hkg:recommendationIssued (xsd:date) when
    the documents' dates are known, and the whole computation as rdfs:comment @en.
    """
    scheme = scheme or ThemeScheme.load()
    for link in links:
        measure, recommendation = URIRef(link.measure), URIRef(link.recommendation)
        node = link_iri(link.measure, link.recommendation)
        graph.add((measure, HKG.addressesThematically, recommendation))
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
        for near in near_theme_texts(link, scheme):
            graph.add((node, HKG.nearTheme, Literal(near)))
        for text in link.contribution_texts():
            graph.add((node, HKG.featureContribution, Literal(text)))
        if link.rank is not None:
            graph.add((node, HKG.rank, Literal(link.rank, datatype=XSD.positiveInteger)))
        if link.measure_date:
            graph.add((node, HKG.measureIssued, Literal(link.measure_date, datatype=XSD.date)))
        if link.recommendation_date:
            graph.add((node, HKG.recommendationIssued, Literal(link.recommendation_date, datatype=XSD.date)))
        graph.add((node, RDFS.comment, Literal(link.describe(scheme), lang="en")))
    return graph


def write_links(links: Iterable[Link], sink: Callable[[Any], None], *, types: Callable[[URIRef], Iterable[URIRef]],
                check: bool = True, batch_size: int = 1000, scheme: ThemeScheme | None = None,
                triples: bool = False) -> tuple[int, ValidationReport]:
    """Write ``links`` batch by batch and validate their link nodes; returns (links written, report).

    Each batch becomes a small graph (:func:`add_links`) handed to ``sink`` (which adds it to a graph or
    a store). With ``check``, the batch's link nodes are validated on that graph plus the types of the
    measures and recommendations they point to (``types(iri)``, what the shapes check), never on the
    whole corpus again, so memory and time stay linear in the number of links.

    With ``triples``, ``sink`` gets the batch as a list of Oxigraph triples instead of an rdflib Graph, and the
    validation runs on Oxigraph triples: the same triples and verdict without building an rdflib Graph (issue 18:
    a store or an ``-o`` file takes Oxigraph triples anyway).
    """
    from helsekg.graph.build import new_graph, oxigraph_triples
    from helsekg.graph.io import to_oxigraph

    scheme = scheme or ThemeScheme.load()
    report = ValidationReport(conforms=True)
    count = 0
    batch: list[Link] = []

    def flush() -> None:
        nonlocal report, count
        if triples:
            written = oxigraph_triples(lambda collected: add_links(collected, batch, scheme=scheme))
            sink(written)
        else:
            graph = add_links(new_graph(), batch, scheme=scheme)
            sink(graph)
        count += len(batch)
        if check:
            typed = [(endpoint, RDF.type, kind)
                     for endpoint in {URIRef(iri) for link in batch for iri in (link.measure, link.recommendation)}
                     for kind in types(endpoint)]
            focus = [link_iri(link.measure, link.recommendation) for link in batch]
            if triples:
                data: Any = list(dict.fromkeys([*written, *to_oxigraph(typed)]))
            else:
                for triple in typed:
                    graph.add(triple)
                data = graph
            report = report.merge(validate(data, focus_nodes=focus, engine=EXTRACTION_ENGINE))
        batch.clear()

    for link in links:
        batch.append(link)
        if len(batch) >= batch_size:
            flush()
    if batch:
        flush()
    return count, report
