"""Build helsekg's own Norwegian spaCy pipeline (Bokmål + Nynorsk) from NorNE.

Stages, each runnable alone:

    convert   NorNE (NDT + UD dev/test) -> spaCy DocBin corpora   ``python -m helsekg.training.convert``
    train     corpora + ``config.cfg`` -> ``model-last``/``model-best``  ``python -m helsekg.training.train``
    evaluate  model + UD test split -> scores per variety      ``python -m helsekg.training.evaluate``

Nothing here is imported by the runtime pipeline; the NorNE texts never enter the repository,
only the trained model does (see ``MODEL.md``).
"""

from __future__ import annotations
