"""Fitting the linker's calibrated model (``helsekg/data/link_model.json``) on the DEV split of the link gold.

The linker (:mod:`helsekg.link.linking`) scores a measure–recommendation pair as
``σ(intercept + Σ weight_f × feature_f)``. This module fits the intercept and the weights by L2-regularised
logistic regression (Newton's method, plain numpy) on every pair of a dev recommendation and a gold
measure: judged ``addresses`` is 1, everything else (``partly``, ``not``, and the pairs the gold leaves out,
which it counts as ``not``) is 0. The test split is never read. Run::

    python -m helsekg.evaluation.link_model            # extract corpus/ (and gold/links/texts/), fit, write
    python -m helsekg.evaluation.link_model --graph corpus.nt --dry-run

The word lists and credits of the model file are kept; only ``intercept``, ``weights`` and ``fit`` change.
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Sequence
from pathlib import Path

from rdflib import Graph

from helsekg import resources
from helsekg.evaluation.links import LinkGold, load_link_gold
from helsekg.extract.themes import ThemeScheme
from helsekg.link.linking import FEATURES, MODEL_FILE, LinkModel, features, read_nodes, term_idf

__all__ = ["fit_logistic", "fit_model", "training_pairs"]

#: L2 penalty on the weights (not the intercept): with a handful of positives the weights must stay small.
L2 = 1.0


def training_pairs(graph: Graph, gold: LinkGold, *, split: str = "dev", model: LinkModel | None = None,
                   scheme: ThemeScheme | None = None) -> tuple[list[tuple[float, ...]], list[int], list[tuple[str, str]]]:
    """Feature rows, labels (1 = ``addresses``) and (measure, recommendation) pairs of every gold measure × every
    recommendation of ``split`` found in ``graph``."""
    if split == "test":
        raise ValueError("the test split is frozen: fit on dev only")
    scheme = scheme or ThemeScheme.load()
    model = model or LinkModel.load()
    nodes = read_nodes(graph, scheme=scheme)
    idf = term_idf(nodes)
    by_iri = {(n.iri, n.kind): n for n in nodes}
    positives = gold.positives(split)
    rows, labels, pairs = [], [], []
    for rec_iri in sorted(gold.recommendations(split)):
        rec = by_iri.get((rec_iri, "recommendation"))
        if rec is None:
            continue
        for measure_iri in sorted(gold.measures):
            measure = by_iri.get((measure_iri, "measure"))
            if measure is None:
                continue
            rows.append(features(measure, rec, idf, scheme, model))
            labels.append(int((measure_iri, rec_iri) in positives))
            pairs.append((measure_iri, rec_iri))
    return rows, labels, pairs


def fit_logistic(rows: Sequence[Sequence[float]], labels: Sequence[int], *, l2: float = L2,
                 iterations: int = 100) -> tuple[float, list[float]]:
    """(intercept, weights) of an L2-regularised logistic regression, by Newton's method.

    >>> b, w = fit_logistic([[0.0], [0.1], [0.9], [1.0]], [0, 0, 1, 1], l2=0.1)
    >>> b < 0 < w[0]
    True
    """
    import numpy as np

    x = np.hstack([np.ones((len(rows), 1)), np.asarray(rows, dtype=float)])
    y = np.asarray(labels, dtype=float)
    penalty = np.full(x.shape[1], l2)
    penalty[0] = 0.0
    beta = np.zeros(x.shape[1])
    for _ in range(iterations):
        p = 1 / (1 + np.exp(-(x @ beta)))
        gradient = x.T @ (p - y) + penalty * beta
        hessian = (x.T * (p * (1 - p))) @ x + np.diag(penalty) + 1e-9 * np.eye(x.shape[1])
        step = np.linalg.solve(hessian, gradient)
        beta -= step
        if np.max(np.abs(step)) < 1e-10:
            break
    return float(beta[0]), [float(b) for b in beta[1:]]


def fit_model(graph: Graph, gold: LinkGold, *, l2: float = L2) -> dict:
    """The model file's JSON with the intercept and weights fitted on the dev split of ``gold``."""
    data = dict(resources.load_data(MODEL_FILE))
    rows, labels, _ = training_pairs(graph, gold, split="dev", model=LinkModel.from_data(data))
    intercept, weights = fit_logistic(rows, labels, l2=l2)
    data["intercept"] = round(intercept, 4)
    data["weights"] = {name: round(w, 4) for name, w in zip(FEATURES, weights)}
    data["fit"] = {"split": "dev", "pairs": len(rows), "positives": sum(labels), "l2": l2,
                   "method": "L2-regularised logistic regression (Newton), helsekg.evaluation.link_model"}
    return data


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m helsekg.evaluation.link_model", description=__doc__.split("\n")[0])
    parser.add_argument("--gold", type=Path, default=Path("gold/links"))
    parser.add_argument("--graph", type=Path, help="an extracted graph of the gold's documents (default: extract them)")
    parser.add_argument("--l2", type=float, default=L2)
    parser.add_argument("--dry-run", action="store_true", help="print the fitted model instead of writing it")
    args = parser.parse_args(argv)
    gold = load_link_gold(args.gold)
    if args.graph is not None:
        from helsekg.graph.io import read_graph

        graph = read_graph(args.graph)
    else:
        from helsekg.api import extract_paths

        inputs = [p for p in (Path("corpus"), args.gold / "texts") if p.is_dir()]
        graph = extract_paths(inputs, check=False, link_threshold=None).graph
    data = fit_model(graph, gold, l2=args.l2)
    text = json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    if args.dry_run:
        print(text, end="")
    else:
        resources.data_path(MODEL_FILE).write_text(text, encoding="utf-8")
        print(f"wrote {resources.data_path(MODEL_FILE)}: intercept {data['intercept']}, weights {data['weights']}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
