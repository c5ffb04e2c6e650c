"""What validation returns: a :class:`ValidationReport` of :class:`Violation` records, and the engines."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from enum import StrEnum

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import RDF, SH, XSD

__all__ = ["ENGINES", "EXTRACTION_ENGINE", "Engine", "ValidationReport", "Violation"]


class Engine(StrEnum):
    """The SHACL engines :func:`helsekg.validate.validate` can use (same verdict)."""

    PYSHACL = "pyshacl"  # the reference
    OXIGRAPH = "oxigraph"  # the shapes compiled to SPARQL (helsekg.validate.shacl_sparql)


@dataclass(frozen=True)
class Violation:
    """One reason a graph does not conform."""

    focus: str
    message: str
    path: str | None = None
    value: str | None = None
    severity: str = "Violation"
    shape: str | None = None
    #: the sh:sourceConstraintComponent (an IRI, or the name of a SHACL Core parameter such as "minCount")
    component: str | None = None

    def __str__(self) -> str:
        where = f" [{self.path}]" if self.path else ""
        value = f" (value: {self.value})" if self.value is not None else ""
        return f"{self.severity}: {self.focus}{where}: {self.message}{value}"


@dataclass(frozen=True)
class ValidationReport:
    """What validation found: ``conforms`` is False when there is any violation."""

    conforms: bool
    violations: tuple[Violation, ...] = ()
    warnings: tuple[str, ...] = ()
    triples: int = 0
    anchors_checked: int = field(default=0)

    def text(self, *, limit: int = 50) -> str:
        """A readable report."""
        head = "Conforms" if self.conforms else f"Does not conform: {len(self.violations)} violation(s)"
        lines = [f"{head} ({self.triples} triples, {self.anchors_checked} anchors checked against the text)."]
        lines += [f"  {v}" for v in self.violations[:limit]]
        if len(self.violations) > limit:
            lines.append(f"  ... and {len(self.violations) - limit} more")
        lines += [f"  warning: {w}" for w in self.warnings]
        return "\n".join(lines)

    def to_json(self) -> str:
        return json.dumps(asdict(self), ensure_ascii=False, indent=2)

    def to_graph(self) -> Graph:
        """The report as a SHACL ``sh:ValidationReport`` graph (one ``sh:ValidationResult`` per violation,
        the anchor check's with ``sh:sourceConstraintComponent hkg:AnchorTextConstraint``)."""
        graph = Graph()
        for prefix, namespace in (("sh", str(SH)), ("hkg", _HKG), ("xsd", str(XSD))):
            graph.bind(prefix, namespace)
        report = BNode("report")
        graph.add((report, RDF.type, SH.ValidationReport))
        graph.add((report, SH.conforms, Literal(self.conforms)))
        for n, violation in enumerate(self.violations):
            result = BNode(f"result{n}")
            graph.add((report, SH.result, result))
            graph.add((result, RDF.type, SH.ValidationResult))
            graph.add((result, SH.focusNode, _node(violation.focus)))
            graph.add((result, SH.resultSeverity, SH[violation.severity]))
            graph.add((result, SH.resultMessage, Literal(violation.message)))
            if violation.path:
                graph.add((result, SH.resultPath, _node(violation.path)))
            if violation.value is not None:
                graph.add((result, SH.value, Literal(violation.value)))
            if violation.shape:
                graph.add((result, SH.sourceShape, _node(violation.shape)))
            if violation.component:
                graph.add((result, SH.sourceConstraintComponent, _component(violation.component)))
        return graph

    def to_turtle(self) -> str:
        """:meth:`to_graph` as Turtle."""
        return self.to_graph().serialize(format="turtle")

    def merge(self, other: "ValidationReport") -> "ValidationReport":
        """The report of two graphs validated apart."""
        return ValidationReport(
            conforms=self.conforms and other.conforms,
            violations=self.violations + other.violations,
            warnings=self.warnings + other.warnings,
            triples=self.triples + other.triples,
            anchors_checked=self.anchors_checked + other.anchors_checked,
        )


#: The SHACL engines :func:`validate` can use.
ENGINES = tuple(Engine)
#: The engine extraction validates each document and the link nodes with: the compiled shapes, whose
#: verdict the test suite checks against pySHACL's on every shape case and on seeded mutants of the
#: corpus graphs (tests/test_shacl_sparql.py), at ~5x the speed. ``helsekg validate`` uses pySHACL,
#: the reference, unless told otherwise.
EXTRACTION_ENGINE = Engine.OXIGRAPH

_HKG = "https://w3id.org/helsekg/ontology#"


def _node(text: str) -> URIRef | BNode:
    """A focus node, path or shape as reported (an IRI, or ``_:id`` / a bare id for a blank node)."""
    if text.startswith("_:"):
        return BNode(text[2:])
    return URIRef(text) if ":" in text else BNode(text)


def _component(name: str) -> URIRef:
    """``"minCount"`` -> sh:MinCountConstraintComponent; an IRI as it is."""
    if ":" in name:
        return URIRef(name)
    return SH[f"{name[0].upper()}{name[1:]}ConstraintComponent"]
