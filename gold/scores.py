"""Print the F1 per fact type on the written passages (``gold/``) and on the real dev and test splits side by side.

    .venv/bin/python gold/scores.py            # markdown table, as in README.md and docs/evaluation.md
    .venv/bin/python gold/scores.py --json     # the three reports as JSON

One pipeline is loaded and each gold set is extracted with it, exactly as ``helsekg evaluate GOLD_DIR`` does.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from helsekg.evaluation.scoring import FACT_TYPES, evaluate
from helsekg.nlp.pipeline import load

ROOT = Path(__file__).resolve().parent
SETS = {"own passages": ROOT, "real dev": ROOT / "real" / "dev", "real test": ROOT / "real" / "test"}


def _f1(score) -> str:
    return "n/a" if score.f1 is None else f"{score.f1:.2f}"


def main(argv: list[str]) -> None:
    nlp = load()
    reports = {name: evaluate(folder, nlp=nlp) for name, folder in SETS.items() if (folder / "annotations").is_dir()}
    if "--json" in argv:
        print(json.dumps({name: r.to_dict() for name, r in reports.items()}, ensure_ascii=False, indent=2))
        return
    head = ["fact type"]
    for name, report in reports.items():
        nb = sum(d.language == "nb" for d in report.documents)
        head += [f"{name} ({len(report.documents)}: {nb} nb, {len(report.documents) - nb} nn)", "nb", "nn"]
    print("| " + " | ".join(head) + " |")
    print("|" + "---|" * len(head))
    for fact in FACT_TYPES:
        cells = [fact]
        for report in reports.values():
            cells += [_f1(report.totals()[fact]), _f1(report.totals("nb")[fact]), _f1(report.totals("nn")[fact])]
        print("| " + " | ".join(cells) + " |")


if __name__ == "__main__":
    main(sys.argv[1:])
