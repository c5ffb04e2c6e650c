"""helsekg: Norwegian health- and care-policy documents into an RDF knowledge graph.

The public API is imported lazily, so ``import helsekg`` (and ``helsekg --help``) stays fast:

- :func:`load` returns the Norwegian spaCy pipeline with helsekg's components;
- :func:`extract_paths` turns files and folders into one validated rdflib graph;
- :func:`read_document`, :func:`document_from_text`, :func:`read_graph`, :func:`write_graph`,
  :func:`build_graph`, :func:`summarize`.

SPARQL and validation live in their modules: ``from helsekg.query import query`` and
``from helsekg.validate import validate`` (a package attribute of the same name as a submodule would
be replaced by the submodule once it is imported).
"""

from __future__ import annotations

import importlib
from typing import Any

__version__ = "0.1.0"

_LAZY = {
    "load": "helsekg.pipeline",
    "extract_paths": "helsekg.api",
    "extract_text": "helsekg.api",
    "read_document": "helsekg.corpus",
    "document_from_text": "helsekg.corpus",
    "read_graph": "helsekg.io",
    "write_graph": "helsekg.io",
    "build_graph": "helsekg.rdf",
    "summarize": "helsekg.summary",
}

__all__ = ["__version__", *_LAZY]


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'helsekg' has no attribute {name!r}")
