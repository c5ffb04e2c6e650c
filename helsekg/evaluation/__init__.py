"""Evaluation against gold annotations (``gold/``, ``docs/evaluation.md``).

- :mod:`helsekg.evaluation.scoring`: loading gold, matching facts, scores and floors.
- :mod:`helsekg.evaluation.links`: the link gold (``gold/links/``) and scoring measure → recommendation links.
- :mod:`helsekg.evaluation.link_model` and :mod:`helsekg.evaluation.link_background`: fit the link model and count the
  linker's background term frequencies (``helsekg/data/link_model.json``, ``link_idf.json``).
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
        "load_link_gold": "helsekg.evaluation.links",
        "evaluate_links": "helsekg.evaluation.links",
        "LinkGold": "helsekg.evaluation.links",
        "LinkEvaluation": "helsekg.evaluation.links",
    },
)
__all__ = ['EvaluationReport', 'GoldError', 'LinkEvaluation', 'LinkGold', 'evaluate', 'evaluate_links', 'load_floors',
           'load_gold', 'load_link_gold']
