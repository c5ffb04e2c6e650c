"""helsekg: Norwegian health- and care-policy documents into an RDF knowledge graph.

The public API is imported lazily, so ``import helsekg`` (and ``helsekg --help``) stays fast:

- :func:`load` returns the Norwegian spaCy pipeline with helsekg's components;
- :func:`extract_paths` turns files and folders into one validated rdflib graph;
- :func:`read_document`, :func:`document_from_text`, :func:`read_graph`, :func:`write_graph`,
  :func:`build_graph`, :func:`summarize`.

The package is laid out by stage, data flowing one way (``docs/architecture.md``)::

    text -> nlp -> extract -> graph -> validate -> query -> link -> api -> scale -> cli

SPARQL and validation live in their stage packages: ``from helsekg.query import query`` and
``from helsekg.validate import validate``. The module paths of helsekg 0.1 (``helsekg.corpus``,
``helsekg.amounts``, ``helsekg.network``, ...) still import (:mod:`helsekg._compat`).
"""

from __future__ import annotations

import importlib
from typing import Any

from helsekg import _compat

__version__ = "0.2.0"

_LAZY = {
    "load": "helsekg.nlp.pipeline",
    "extract_paths": "helsekg.api",
    "extract_text": "helsekg.api",
    "read_document": "helsekg.text.reading",
    "document_from_text": "helsekg.text.reading",
    "read_graph": "helsekg.graph.io",
    "write_graph": "helsekg.graph.io",
    "build_graph": "helsekg.graph.build",
    "summarize": "helsekg.query.summary",
}

__all__ = ["__version__", *_LAZY]

_compat.install()  # the module paths of helsekg 0.1 (helsekg.corpus, helsekg.amounts, ...) still import


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'helsekg' has no attribute {name!r}")
