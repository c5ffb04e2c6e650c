"""Inter-annotator agreement on real dev texts (issue 13): how far two people following gold/README.md agree.

    .venv/bin/python gold/real/agreement.py            # markdown table (docs/evaluation.md)
    .venv/bin/python gold/real/agreement.py --json
    .venv/bin/python gold/real/agreement.py --second annotator2b   # the second sample (rounds 30-37)
    .venv/bin/python gold/real/agreement.py --second annotator2c   # the third sample (rounds 20-29)

A second annotator annotated some dev texts again, without seeing the first annotation or helsekg's output
(``agreement/annotator2/*.json``, 16 texts of the first rounds; ``agreement/annotator2b/*.json`` and
``agreement/annotator2c/*.json``, 14 texts each of rounds 30-37 and 20-29, chosen at random among those with a
measure and under 700 words; same format). Each fact type is scored the way helsekg is scored against the gold
(:func:`helsekg.evaluation.scoring.score_document`, micro-averaged over the texts): annotator 2 against annotator 1.
The F1 of that comparison is the agreement; it is the same whichever annotator is taken as the reference, up to ties
in the matching. Next to it: helsekg on the same texts against each annotator, so the tool's figures can be read
against what two careful people reach. The test split is not touched.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from helsekg.evaluation.scoring import (
    FACT_TYPES,
    DocumentResult,
    EvaluationReport,
    Score,
    annotation_facts,
    evaluate,
    load_annotation,
    score_document,
)
from helsekg.nlp.pipeline import load

ROOT = Path(__file__).resolve().parent
SECOND = ROOT / "agreement" / "annotator2"
FIRST = ROOT / "dev" / "annotations"


def agreement(folder: Path = SECOND) -> dict[str, dict]:
    """{"texts": [...], "by language": {...}, "annotators": {fact: Score}, "helsekg vs 1": ..., "helsekg vs 2": ...}
    for the second annotator's files in ``folder``."""
    second = [load_annotation(path) for path in sorted(folder.glob("*.json"))]
    first = [load_annotation(FIRST / path.name) for path in sorted(folder.glob("*.json"))]
    annotators = EvaluationReport([DocumentResult(a.name, a.language, True, *score_document(annotation_facts(a),
                                                                                           annotation_facts(b)))
                                   for a, b in zip(first, second)])
    nlp = load()
    report = {
        "texts": [d.annotation.stem for d in second],
        "languages": {lang: sum(d.language == lang for d in second) for lang in ("nb", "nn")},
        "annotators": annotators.totals(),
        "annotators nb": annotators.totals("nb"),
        "annotators nn": annotators.totals("nn"),
        "helsekg vs annotator 1": evaluate(FIRST.parent, nlp=nlp, documents=first).totals(),
        "helsekg vs annotator 2": evaluate(FIRST.parent, nlp=nlp, documents=second).totals(),
    }
    return report


def _f1(score: Score) -> str:
    return "n/a" if score.f1 is None else f"{score.f1:.2f}"


def main(argv: list[str]) -> None:
    folder = ROOT / "agreement" / argv[argv.index("--second") + 1] if "--second" in argv else SECOND
    report = agreement(folder)
    if "--json" in argv:
        print(json.dumps({k: ({t: vars(s) | {"f1": s.f1} for t, s in v.items()} if isinstance(v, dict)
                              and all(isinstance(s, Score) for s in v.values()) else v)
                          for k, v in report.items()}, ensure_ascii=False, indent=2))
        return
    langs = report["languages"]
    print(f"{len(report['texts'])} real dev texts ({langs['nb']} nb, {langs['nn']} nn), F1 per fact type\n")
    cols = ["annotators", "annotators nb", "annotators nn", "helsekg vs annotator 1", "helsekg vs annotator 2"]
    print("| fact type | annotator 2 vs 1 | nb | nn | helsekg vs 1 | helsekg vs 2 | facts (1 / 2) |")
    print("|---|---|---|---|---|---|---|")
    for fact in FACT_TYPES:
        both = report["annotators"][fact]
        cells = [_f1(report[c][fact]) for c in cols]
        print(f"| {fact} | " + " | ".join(cells) + f" | {both.gold} / {both.predicted} |")


if __name__ == "__main__":
    main(sys.argv[1:])
