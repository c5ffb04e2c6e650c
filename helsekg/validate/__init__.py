"""Stage 5, validate: a graph -> a :class:`ValidationReport`; never mutates its input.

- :mod:`helsekg.validate.core`: :func:`validate` (SHACL shapes plus the anchor-text check);
- :mod:`helsekg.validate.report`: :class:`ValidationReport`, :class:`Violation`, the engines;
- :mod:`helsekg.validate.shapes`: the shapes graph;
- :mod:`helsekg.validate.shacl_sparql`: the SHACL Core shapes compiled to SPARQL (engine "oxigraph").
"""

from __future__ import annotations

from helsekg.validate.core import check_anchors, validate
from helsekg.validate.report import (
    ENGINES,
    EXTRACTION_ENGINE,
    Engine,
    ValidationReport,
    Violation,
)
from helsekg.validate.shapes import load_shapes

__all__ = [
    "ENGINES",
    "EXTRACTION_ENGINE",
    "Engine",
    "ValidationReport",
    "Violation",
    "check_anchors",
    "load_shapes",
    "validate",
]
