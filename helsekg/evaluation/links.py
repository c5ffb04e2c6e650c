"""The link gold (``gold/links/``) and how well the linker's measure → recommendation links agree with it.

The gold is ``judgements.csv``: one row per judged measure–recommendation pair, with the measure's and the
recommendation's IRIs (helsekg IRIs are deterministic, so gold and graph meet on them), a judgement
(``addresses``: the measure clearly answers the recommendation; ``partly``: it contributes to part of it;
``not``), a reason, the split (``dev``/``test``, fixed per recommendation by :func:`split_of`) and whether the
pair scored below the candidate threshold (a link the annotator added that the linker did not propose).

The annotator judged every pair the linker scores at 0.05 or more and looked at every measure for every
recommendation for links it missed, so the gold is **exhaustive per recommendation**: a pair of a gold
recommendation and a gold measure that is not listed counts as ``not``.

:func:`evaluate_links` scores the links of a graph (its hkg:AddressLink nodes and their hkg:linkScore, or the
scores :func:`helsekg.link.linking.link_measures` gives) against the gold: precision, recall and F1 for strong
links (``addresses`` positive), the same with ``partly`` also positive (lenient), per recommendation, and a
precision–recall curve over thresholds.
"""

from __future__ import annotations

import csv
import hashlib
import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path

from rdflib import Graph

from helsekg.evaluation.scoring import GoldError
from helsekg.link.linking import (
    DEFAULT_MAX_PER_MEASURE,
    DEFAULT_THRESHOLD,
    link_measures,
)
from helsekg.query.sparql import query

__all__ = ["CURVE_THRESHOLDS", "JUDGEMENTS", "LinkEvaluation", "LinkGold", "LinkJudgement", "LinkScore",
           "RecommendationScore", "evaluate_links", "load_link_gold", "split_of"]

JUDGEMENTS = ("addresses", "partly", "not")
SPLITS = ("dev", "test")
COLUMNS = ("measure_label", "measure_iri", "recommendation_label", "recommendation_iri", "recommendation_by",
           "judgement", "reason", "split", "below_candidate_threshold")
MANIFEST_COLUMNS = ("file", "url", "publisher", "date", "language", "notes")
#: Thresholds of the precision–recall curve.
CURVE_THRESHOLDS = (0.05, 0.10, 0.15, 0.20, 0.25, 0.30, 0.35, 0.40, 0.45, 0.50)

_LINKS_QUERY = """
SELECT ?m ?r ?s WHERE {
  ?measure hkg:addresses ?recommendation .
  OPTIONAL { ?link a hkg:AddressLink ; hkg:linkedMeasure ?measure ; hkg:linkedRecommendation ?recommendation ;
                   hkg:linkScore ?score . }
  BIND(STR(?measure) AS ?m)
  BIND(STR(?recommendation) AS ?r)
  BIND(STR(?score) AS ?s)
}
"""


def split_of(recommendation_label: str) -> str:
    """The split of a recommendation: ``dev`` when the SHA-1 of its label (UTF-8) is even, else ``test``.

    >>> split_of("Vi trenger bedre tilrettelegging for god samhandling")
    'dev'
    """
    digest = hashlib.sha1(recommendation_label.encode("utf-8")).hexdigest()
    return "dev" if int(digest, 16) % 2 == 0 else "test"


@dataclass(frozen=True)
class LinkJudgement:
    """One judged measure–recommendation pair of the gold."""

    measure_label: str
    measure_iri: str
    recommendation_label: str
    recommendation_iri: str
    recommendation_by: str
    judgement: str  # addresses, partly, not
    reason: str
    split: str  # dev, test
    below_candidate_threshold: bool = False

    @property
    def pair(self) -> tuple[str, str]:
        return self.measure_iri, self.recommendation_iri


@dataclass(frozen=True)
class LinkGold:
    """The judgements of a link-gold folder and the measures and recommendations they cover."""

    folder: Path
    judgements: tuple[LinkJudgement, ...]

    def select(self, split: str | None = None) -> tuple[LinkJudgement, ...]:
        if split is not None and split not in SPLITS:
            raise ValueError(f"split must be one of {SPLITS} or None, not {split!r}")
        return tuple(j for j in self.judgements if split is None or j.split == split)

    @property
    def measures(self) -> frozenset[str]:
        return frozenset(j.measure_iri for j in self.judgements)

    def recommendations(self, split: str | None = None) -> dict[str, str]:
        """Recommendation IRI → label, of the split (all when None)."""
        return {j.recommendation_iri: j.recommendation_label for j in self.select(split)}

    def positives(self, split: str | None = None, *, lenient: bool = False) -> frozenset[tuple[str, str]]:
        kinds = ("addresses", "partly") if lenient else ("addresses",)
        return frozenset(j.pair for j in self.select(split) if j.judgement in kinds)

    def counts(self, split: str | None = None) -> dict[str, int]:
        selected = self.select(split)
        return {kind: sum(j.judgement == kind for j in selected) for kind in JUDGEMENTS}


def load_link_gold(folder: str | os.PathLike[str]) -> LinkGold:
    """Read and validate ``judgements.csv`` (and ``manifest.csv`` when present) of a link-gold folder.

    Raises:
        GoldError: a missing or malformed file; the message names the file and the row.
    """
    folder = Path(folder)
    path = folder / "judgements.csv"
    if not path.is_file():
        raise GoldError(f"{path}: no link judgements. Give the link-gold folder, e.g. 'gold/links/'.")
    if (folder / "manifest.csv").is_file():
        _check_manifest(folder / "manifest.csv")
    judgements: list[LinkJudgement] = []
    seen: dict[tuple[str, str], int] = {}
    splits: dict[str, tuple[str, int]] = {}
    labels: dict[str, tuple[str, int]] = {}
    for row_number, row in _rows(path, COLUMNS):
        def fail(problem: str, row_number: int = row_number) -> GoldError:
            return GoldError(f"{path}, row {row_number}: {problem}. See gold/links/README.md.")

        for column in ("measure_label", "measure_iri", "recommendation_label", "recommendation_iri", "judgement",
                       "reason", "split"):
            if not row[column].strip():
                raise fail(f"empty {column}")
        for column in ("measure_iri", "recommendation_iri"):
            if not row[column].startswith(("http://", "https://")) or any(c.isspace() for c in row[column]):
                raise fail(f"{column} {row[column]!r} is not an absolute http(s) IRI")
        if row["judgement"] not in JUDGEMENTS:
            raise fail(f"judgement {row['judgement']!r} is not one of {', '.join(JUDGEMENTS)}")
        if row["split"] not in SPLITS:
            raise fail(f"split {row['split']!r} is not dev or test")
        below = row["below_candidate_threshold"].strip().lower()
        if below not in ("", "true", "false"):
            raise fail(f"below_candidate_threshold {row['below_candidate_threshold']!r} is not true or false")
        judgement = LinkJudgement(
            measure_label=row["measure_label"], measure_iri=row["measure_iri"],
            recommendation_label=row["recommendation_label"], recommendation_iri=row["recommendation_iri"],
            recommendation_by=row["recommendation_by"], judgement=row["judgement"], reason=row["reason"],
            split=row["split"], below_candidate_threshold=below == "true",
        )
        if judgement.split != split_of(judgement.recommendation_label):
            raise fail(f"split {judgement.split} of {judgement.recommendation_label!r} is not the split its label "
                       f"hashes to ({split_of(judgement.recommendation_label)})")
        if judgement.pair in seen:
            raise fail(f"the pair is judged already in row {seen[judgement.pair]}")
        seen[judgement.pair] = row_number
        iri = judgement.recommendation_iri
        if iri in labels and labels[iri][0] != judgement.recommendation_label:
            raise fail(f"recommendation {iri} has label {labels[iri][0]!r} in row {labels[iri][1]}")
        labels.setdefault(iri, (judgement.recommendation_label, row_number))
        splits.setdefault(iri, (judgement.split, row_number))
        judgements.append(judgement)
    if not judgements:
        raise GoldError(f"{path}: no judgements.")
    return LinkGold(folder, tuple(judgements))


def _rows(path: Path, columns: Sequence[str]) -> Iterable[tuple[int, dict[str, str]]]:
    try:
        with path.open(encoding="utf-8", newline="") as handle:
            reader = csv.DictReader(handle)
            header = reader.fieldnames or []
            missing = [c for c in columns if c not in header]
            unknown = [c for c in header if c not in columns]
            if missing or unknown:
                raise GoldError(f"{path}: expected the columns {', '.join(columns)}"
                                + (f"; missing {', '.join(missing)}" if missing else "")
                                + (f"; unknown {', '.join(unknown)}" if unknown else "") + ".")
            for number, row in enumerate(reader, start=2):
                if None in row or any(value is None for value in row.values()):
                    raise GoldError(f"{path}, row {number}: {len(columns)} fields expected.")
                yield number, row
    except UnicodeDecodeError as err:
        raise GoldError(f"{path}: cannot read it as UTF-8 CSV ({err}).") from None


def _check_manifest(path: Path) -> None:
    for number, row in _rows(path, MANIFEST_COLUMNS):
        text = path.parent / "texts" / row["file"]
        if not row["file"] or not text.is_file():
            raise GoldError(f"{path}, row {number}: the text {text} does not exist.")
        if row["language"] not in ("nb", "nn"):
            raise GoldError(f"{path}, row {number}: language {row['language']!r} is not nb or nn.")
        if not row["url"].startswith(("http://", "https://")):
            raise GoldError(f"{path}, row {number}: url {row['url']!r} is not an http(s) address.")


# ------------------------------------------------------------------------------------------- scoring


@dataclass(frozen=True)
class LinkScore:
    """Counts and precision / recall / F1 of one comparison (None where undefined)."""

    true_positives: int
    false_positives: int
    false_negatives: int

    @property
    def precision(self) -> float | None:
        predicted = self.true_positives + self.false_positives
        return self.true_positives / predicted if predicted else None

    @property
    def recall(self) -> float | None:
        gold = self.true_positives + self.false_negatives
        return self.true_positives / gold if gold else None

    @property
    def f1(self) -> float | None:
        p, r = self.precision, self.recall
        if p is None or r is None:
            return None
        return 2 * p * r / (p + r) if p + r else 0.0

    @classmethod
    def of(cls, predicted: frozenset[tuple[str, str]], gold: frozenset[tuple[str, str]]) -> LinkScore:
        return cls(len(predicted & gold), len(predicted - gold), len(gold - predicted))


@dataclass(frozen=True)
class RecommendationScore:
    """One recommendation's strong-link score at the evaluation threshold."""

    iri: str
    label: str
    split: str
    gold: frozenset[str]  # measure IRIs judged ``addresses``
    partly: frozenset[str]
    predicted: frozenset[str]
    score: LinkScore


@dataclass
class LinkEvaluation:
    """The result of :func:`evaluate_links`."""

    split: str | None
    threshold: float
    source: str  # "graph" (hkg:linkScore of the graph's links) or "rescored" (link_measures)
    strict: LinkScore
    lenient: LinkScore
    per_recommendation: list[RecommendationScore]
    curve: list[tuple[float, LinkScore, LinkScore]]  # (threshold, strict, lenient)
    predicted: dict[tuple[str, str], Decimal]  # judged predictions at the threshold, with their score
    unjudged: int = 0  # predictions of a measure the gold does not know (left out of every score)
    errors: dict[str, list[tuple[str, str]]] = field(default_factory=dict)  # "false_positives", "false_negatives"

    def table(self) -> str:
        """The per-recommendation table and the totals, as Markdown."""
        def pct(x: float | None) -> str:
            return "–" if x is None else f"{x:.2f}"

        lines = ["| recommendation | split | gold | predicted | TP | P | R |", "|---|---|---|---|---|---|---|"]
        for rec in self.per_recommendation:
            s = rec.score
            lines.append(f"| {rec.label} | {rec.split} | {len(rec.gold)} | {len(rec.predicted)} | "
                         f"{s.true_positives} | {pct(s.precision)} | {pct(s.recall)} |")
        s = self.strict
        lines.append(f"| **all** | {self.split or 'all'} | {s.true_positives + s.false_negatives} | "
                     f"{s.true_positives + s.false_positives} | {s.true_positives} | {pct(s.precision)} | "
                     f"{pct(s.recall)} |")
        return "\n".join(lines)


def _graph_scores(graph: Graph) -> dict[tuple[str, str], Decimal] | None:
    rows = query(graph, _LINKS_QUERY).rows
    if not rows:
        return None
    scores: dict[tuple[str, str], Decimal] = {}
    for measure, recommendation, score in rows:
        try:
            value = Decimal(str(score)) if score is not None else Decimal(1)
        except InvalidOperation:
            value = Decimal(1)
        pair = (str(measure), str(recommendation))
        scores[pair] = max(value, scores.get(pair, value))
    return scores


def evaluate_links(graph: Graph, gold: LinkGold, *, split: str | None = None, threshold: float = DEFAULT_THRESHOLD,
                   thresholds: Sequence[float] = CURVE_THRESHOLDS, rescore: bool | None = None,
                   max_per_measure: int | None = DEFAULT_MAX_PER_MEASURE) -> LinkEvaluation:
    """Score the measure → recommendation links of ``graph`` against ``gold``.

    Args:
        graph: a helsekg graph of the gold's documents (a merged corpus), with or without links.
        gold: :func:`load_link_gold`.
        split: ``dev``, ``test`` or None (both); only the split's recommendations count.
        threshold: the score a link needs to count as predicted (strict, lenient and per-recommendation figures).
        thresholds: the thresholds of the precision–recall curve.
        rescore: score the pairs with :func:`~helsekg.link.linking.link_measures` (at the lowest threshold
            asked, keeping ``max_per_measure`` per measure) instead of reading the graph's hkg:AddressLink
            scores; by default only when the graph has no hkg:addresses. A graph's links only go down to
            the threshold they were written at, so its curve below that is not the linker's.
        max_per_measure: passed to ``link_measures`` when rescoring.

    Pairs are matched by IRI. A prediction whose recommendation is not in the split is left out; one
    whose measure the gold does not know is counted in ``unjudged`` and left out; any other prediction
    not judged ``addresses`` is a false positive (the gold is exhaustive per recommendation).
    """
    if not 0 <= threshold <= 1:
        raise ValueError(f"threshold must be between 0 and 1, not {threshold}")
    scores = None if rescore else _graph_scores(graph)
    source = "graph"
    if scores is None:
        if rescore is False:
            scores = {}
        else:
            lowest = min([threshold, *thresholds])
            scores = {(link.measure, link.recommendation): link.score
                      for link in link_measures(graph, threshold=lowest, max_per_measure=max_per_measure)}
            source = "rescored"
    recommendations = gold.recommendations(split)
    measures = gold.measures
    in_scope = {pair: score for pair, score in scores.items() if pair[1] in recommendations}
    unjudged = sum(1 for pair, score in in_scope.items() if pair[0] not in measures and score >= _dec(threshold))
    in_scope = {pair: score for pair, score in in_scope.items() if pair[0] in measures}
    strong, lenient = gold.positives(split), gold.positives(split, lenient=True)

    def predicted_at(t: float) -> frozenset[tuple[str, str]]:
        floor = _dec(t)
        return frozenset(pair for pair, score in in_scope.items() if score >= floor)

    predicted = predicted_at(threshold)
    per_recommendation = []
    labels = gold.recommendations(None)
    for iri in sorted(recommendations, key=lambda i: labels[i]):
        gold_measures = frozenset(m for m, r in strong if r == iri)
        partly = frozenset(m for m, r in lenient - strong if r == iri)
        predicted_measures = frozenset(m for m, r in predicted if r == iri)
        per_recommendation.append(RecommendationScore(
            iri, labels[iri], split_of(labels[iri]), gold_measures, partly, predicted_measures,
            LinkScore.of(frozenset(predicted_measures), gold_measures)))
    curve = [(t, LinkScore.of(predicted_at(t), strong), LinkScore.of(predicted_at(t), lenient))
             for t in sorted(set(thresholds))]
    return LinkEvaluation(
        split=split, threshold=threshold, source=source,
        strict=LinkScore.of(predicted, strong), lenient=LinkScore.of(predicted, lenient),
        per_recommendation=per_recommendation, curve=curve,
        predicted={pair: in_scope[pair] for pair in sorted(predicted)}, unjudged=unjudged,
        errors={"false_positives": sorted(predicted - strong), "false_negatives": sorted(strong - predicted)},
    )


def _dec(value: float) -> Decimal:
    return Decimal(str(value))
