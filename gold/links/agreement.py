"""Inter-annotator agreement of the link gold (issue 16): a second annotator's blind judgements of a sample of pairs.

    .venv/bin/python gold/links/agreement.py            # markdown table (gold/links/README.md)
    .venv/bin/python gold/links/agreement.py --json

``agreement/annotator2.csv`` (``measure_iri,recommendation_iri,judgement,reason``) holds the second annotator's
judgements of a stratified random sample of the gold's pairs, made from the judging rules and the texts alone, without
seeing the first annotator's judgement or any link score. Each pair is compared with ``judgements.csv``: raw agreement
and Cohen's kappa on the three labels, and on the two binary readings the scorer uses (strict: ``addresses`` or not;
lenient: ``addresses`` or ``partly``, or not).
"""

from __future__ import annotations

import csv
import json
import sys
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

from helsekg.evaluation.links import JUDGEMENTS, load_link_gold

ROOT = Path(__file__).resolve().parent


def kappa(first: Sequence[str], second: Sequence[str]) -> float | None:
    """Cohen's kappa of two label sequences; None when chance agreement is total.

    >>> kappa(["a", "a", "b", "b"], ["a", "a", "b", "b"])
    1.0
    >>> kappa(["a", "a", "b", "b"], ["a", "b", "a", "b"])
    0.0
    """
    n = len(first)
    observed = sum(a == b for a, b in zip(first, second)) / n
    one, two = Counter(first), Counter(second)
    expected = sum(one[k] * two[k] for k in set(one) | set(two)) / (n * n)
    return None if expected == 1 else round((observed - expected) / (1 - expected), 3)


def compare(folder: Path = ROOT) -> dict:
    """Agreement of ``agreement/annotator2.csv`` with the gold's judgements of the same pairs."""
    gold = {j.pair: j.judgement for j in load_link_gold(folder).judgements}
    with (folder / "agreement" / "annotator2.csv").open(encoding="utf-8", newline="") as f:
        second = [(row["measure_iri"], row["recommendation_iri"], row["judgement"].strip()) for row in csv.DictReader(f)]
    unknown = [(m, r) for m, r, _ in second if (m, r) not in gold]
    if unknown:
        raise SystemExit(f"annotator2.csv: {len(unknown)} pair(s) not in judgements.csv, e.g. {unknown[0]}")
    bad = sorted({j for _, _, j in second if j not in JUDGEMENTS})
    if bad:
        raise SystemExit(f"annotator2.csv: judgements must be one of {JUDGEMENTS}, not {bad}")
    a = [gold[(m, r)] for m, r, _ in second]
    b = [j for _, _, j in second]
    out = {"pairs": len(b), "first": dict(Counter(a)), "second": dict(Counter(b)),
           "confusion": {f"{x} / {y}": n for (x, y), n in sorted(Counter(zip(a, b)).items())}}
    for name, reading in (("three labels", lambda j: j), ("strict", lambda j: j == "addresses"),
                          ("lenient", lambda j: j != "not")):
        x, y = [reading(j) for j in a], [reading(j) for j in b]
        out[name] = {"agreement": round(sum(p == q for p, q in zip(x, y)) / len(x), 3), "kappa": kappa(x, y)}
    return out


def main(argv: list[str]) -> None:
    result = compare()
    if "--json" in argv:
        print(json.dumps(result, ensure_ascii=False, indent=2))
        return
    print(f"{result['pairs']} pairs; first annotator {result['first']}, second {result['second']}\n")
    print("| reading | raw agreement | Cohen's kappa |\n|---|---|---|")
    for name in ("three labels", "strict", "lenient"):
        print(f"| {name} | {result[name]['agreement']:.2f} | {result[name]['kappa']} |")
    print("\n| first / second | pairs |\n|---|---|")
    for key, n in result["confusion"].items():
        print(f"| {key} | {n} |")


if __name__ == "__main__":
    main(sys.argv[1:])
