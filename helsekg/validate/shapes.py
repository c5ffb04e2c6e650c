"""The SHACL shapes graph, parsed once per path."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from rdflib import Graph

from helsekg import resources

__all__ = ["load_shapes"]


@lru_cache(maxsize=4)
def _shapes(path: Path) -> Graph:
    graph = Graph()
    graph.parse(path, format="turtle")
    return graph


def load_shapes(path: str | Path | None = None) -> Graph:
    """The SHACL shapes graph (helsekg's own by default), parsed once."""
    return _shapes(Path(path) if path else resources.shapes_path())
