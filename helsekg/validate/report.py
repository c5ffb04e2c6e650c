"""What validation returns: a :class:`ValidationReport` of :class:`Violation` records, and the engines."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from enum import StrEnum

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


