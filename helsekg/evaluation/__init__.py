"""Evaluation against gold annotations (``gold/``, ``docs/evaluation.md``).

- :mod:`helsekg.evaluation.scoring`: loading gold, matching facts, scores and floors.
"""

from __future__ import annotations

from helsekg._lazy import lazy_exports

__getattr__, __dir__ = lazy_exports(
    __name__,
    {
        "evaluate": "helsekg.evaluation.scoring",
        "load_gold": "helsekg.evaluation.scoring",
        "load_floors": "helsekg.evaluation.scoring",
        "GoldError": "helsekg.evaluation.scoring",
        "EvaluationReport": "helsekg.evaluation.scoring",
    },
)
__all__ = ['EvaluationReport', 'GoldError', 'evaluate', 'load_floors', 'load_gold']
