"""Build helsekg's own Norwegian spaCy pipeline (Bokmål + Nynorsk) from NorNE.

Stages, each runnable alone:

    convert   NorNE (NDT + UD dev/test) -> spaCy DocBin corpora   ``python -m helsekg.training.convert``
    train     corpora + ``config.cfg`` -> ``model-last``/``model-best``  ``python -m helsekg.training.train``
    evaluate  model + UD test split -> scores per variety      ``python -m helsekg.training.evaluate``

Nothing here is imported by the runtime pipeline; the NorNE texts never enter the repository,
only the trained model does (see ``MODEL.md``).
"""

from __future__ import annotations

import warnings


def skip_broken_entry_points() -> None:
    """Let spaCy start even if a ``spacy_factories`` entry point (e.g. ``helsekg.pipeline``) fails to import.

    spaCy imports every registered factory entry point when any ``Language`` is created. The training
    pipeline uses none of helsekg's own components, so a half-edited module elsewhere in the repo must
    not kill an hours-long training run: failing entry points are skipped with a warning. Idempotent.
    """
    from spacy.util import registry

    reg = registry._entry_point_factories
    if getattr(reg, "_helsekg_tolerant", False):
        return

    def get_entry_points() -> dict:
        result = {}
        for ep in reg._get_entry_points():
            try:
                result[ep.name] = ep.load()
            except Exception as err:  # noqa: BLE001 - any import failure in someone else's module
                warnings.warn(f"W-TRAIN-1: skipping spaCy factory entry point {ep.name!r} ({ep.value}): {err}",
                              stacklevel=2)
        return result

    reg.get_entry_points = get_entry_points
    reg._helsekg_tolerant = True
