"""The module paths of helsekg 0.1, kept importable after the stage layout of 0.2.

helsekg 0.1 was 33 flat modules (``helsekg.corpus``, ``helsekg.amounts``, ``helsekg.network``, ...);
0.2 groups them by stage (``helsekg.text``, ``helsekg.nlp``, ``helsekg.extract``, ...). Code written
against the old paths keeps working: importing an old path gives the module (or package) that now
holds its public names, the same object, not a copy. Nothing inside helsekg imports an old path
(tests/test_layout.py checks it).

>>> import helsekg.amounts, helsekg.nlp.amounts
>>> helsekg.amounts is helsekg.nlp.amounts
True
"""

from __future__ import annotations

import importlib
import importlib.abc
import importlib.machinery
import importlib.util
import sys
from types import ModuleType

#: old module path -> where its public names live now
MOVED: dict[str, str] = {
    "helsekg.corpus": "helsekg.text",
    "helsekg.pipeline": "helsekg.nlp.pipeline",
    "helsekg.extensions": "helsekg.nlp.extensions",
    "helsekg.lemmas": "helsekg.nlp.lemmas",
    "helsekg.fastops": "helsekg.nlp.fastops",
    "helsekg.amounts": "helsekg.nlp.amounts",
    "helsekg.actors": "helsekg.extract.actors",
    "helsekg.measures": "helsekg.extract.measures",
    "helsekg.recommendations": "helsekg.extract.recommendations",
    "helsekg.themes": "helsekg.extract.themes",
    "helsekg.records": "helsekg.extract.records",
    "helsekg.rdf": "helsekg.graph.build",
    "helsekg.namespace": "helsekg.graph.namespace",
    "helsekg.prefixes": "helsekg.graph.prefixes",
    "helsekg.io": "helsekg.graph.io",
    "helsekg.ontology_tools": "helsekg.graph.ontology",
    "helsekg.shacl_sparql": "helsekg.validate.shacl_sparql",
    "helsekg.summary": "helsekg.query.summary",
    "helsekg.network": "helsekg.query.network",
    "helsekg.server": "helsekg.query.server",
    "helsekg.linking": "helsekg.link.linking",
    "helsekg.batch": "helsekg.scale.batch",
    "helsekg.distributed": "helsekg.scale.distributed",
    "helsekg.store": "helsekg.scale.store",
}
# helsekg.extract, helsekg.query, helsekg.validate and helsekg.evaluation are packages now; each
# re-exports the public names of the module it replaces.


class _AliasLoader(importlib.abc.Loader):
    def __init__(self, target: str) -> None:
        self.target = target

    def create_module(self, spec: importlib.machinery.ModuleSpec) -> ModuleType:
        module = importlib.import_module(self.target)
        self._spec = module.__spec__
        return module

    def exec_module(self, module: ModuleType) -> None:
        module.__spec__ = self._spec  # the import system set the alias's spec; the module keeps its own


class _AliasFinder(importlib.abc.MetaPathFinder):
    def find_spec(self, fullname: str, path=None, target=None) -> importlib.machinery.ModuleSpec | None:
        if fullname in MOVED:
            return importlib.util.spec_from_loader(fullname, _AliasLoader(MOVED[fullname]))
        return None


def install() -> None:
    """Make the old module paths importable (idempotent)."""
    if not any(isinstance(finder, _AliasFinder) for finder in sys.meta_path):
        sys.meta_path.append(_AliasFinder())
