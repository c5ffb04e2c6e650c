"""Validation: a graph -> a :class:`ValidationReport`. Never mutates its input.

Two checks: the SHACL shapes in ``shapes/`` (SHACL Core only, no inference), and a Python check that
every ``hkg:anchorText`` equals the document text between ``hkg:startOffset`` and ``hkg:endOffset``
(SHACL Core cannot see the document text). The CLI turns the report into exit codes: 0 conforms,
1 violations, 2 error.

The shapes are run by one of two engines with the same verdict: ``"pyshacl"`` (the reference) or
``"oxigraph"`` (:mod:`helsekg.validate.shacl_sparql`: the shapes compiled to SPARQL, several times faster).
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping, Sequence
from pathlib import Path

import pyoxigraph as ox
from rdflib import Graph, URIRef
from rdflib.namespace import RDF, SH

from helsekg.graph.namespace import DCTERMS, HKG
from helsekg.text.reading import read_document
from helsekg.validate.report import (
    ENGINES,
    EXTRACTION_ENGINE,
    Engine,
    ValidationReport,
    Violation,
)
from helsekg.validate.shacl_sparql import compile_shapes
from helsekg.validate.shapes import load_shapes

__all__ = ["ENGINES", "EXTRACTION_ENGINE", "check_anchors", "load_shapes", "validate", "ValidationReport", "Violation"]


def validate(graph: Graph | Sequence[ox.Triple], *, texts: Mapping[str, str] | None = None, shapes: Graph | None = None,
             read_sources: bool = False, focus_nodes: list | None = None,
             engine: Engine | str = Engine.PYSHACL
             ) -> ValidationReport:
    """Validate ``graph`` against the shapes and check its anchors against the document texts.

    Args:
        graph: the data graph; left unchanged. With the ``"oxigraph"`` engine it may also be a list of
            Oxigraph triples (:func:`helsekg.graph.build.document_triples`: no rdflib Graph on the way).
        texts: document text by document IRI, for the anchor check.
        shapes: a shapes graph; helsekg's own by default.
        read_sources: when a document's text is not in ``texts``, read it from its ``dcterms:source``
            file if that exists and its SHA-256 matches ``hkg:contentHash``.
        focus_nodes: validate only these nodes (e.g. the cross-document link nodes added after each
            document was validated on its own); the anchor check is then skipped.
        engine: ``"pyshacl"`` or ``"oxigraph"`` (same violations, see :mod:`helsekg.validate.shacl_sparql`).

    Returns:
        The report; anchors that could not be checked are listed as warnings.
    """
    if engine not in ENGINES:
        raise ValueError(f"unknown SHACL engine {engine!r}; use one of {', '.join(ENGINES)}")
    shapes = shapes if shapes is not None else load_shapes()
    if not isinstance(graph, Graph) and engine != Engine.OXIGRAPH:
        raise ValueError("Oxigraph triples are validated by the 'oxigraph' engine only")
    if engine == Engine.OXIGRAPH:
        violations = compile_shapes(shapes).validate(graph, focus_nodes=focus_nodes)
    else:
        import pyshacl

        options = {"focus_nodes": focus_nodes} if focus_nodes is not None else {}
        conforms, results, _ = pyshacl.validate(
            graph, shacl_graph=shapes, inference="none", abort_on_first=False, allow_warnings=True,
            advanced=False, meta_shacl=False, debug=False, **options,
        )
        violations = list(_violations(results))
    if focus_nodes is not None:
        anchor_violations, warnings, checked = [], [], 0
    elif isinstance(graph, Graph):
        anchor_violations, warnings, checked = check_anchors(graph, texts or {}, read_sources=read_sources)
    else:  # Oxigraph triples: the texts come with them (no source files read back)
        anchor_violations, warnings, checked = _check_anchor_rows(_anchor_rows(graph), dict(texts or {}))
    violations += anchor_violations
    serious = [v for v in violations if v.severity == "Violation"]
    return ValidationReport(
        conforms=not serious,
        violations=tuple(violations),
        warnings=tuple(warnings),
        triples=len(graph),
        anchors_checked=checked,
    )


def _violations(results: Graph) -> list[Violation]:
    found = []
    for result in results.subjects(RDF.type, SH.ValidationResult):
        def one(prop: URIRef) -> str | None:
            value = results.value(result, prop)
            return None if value is None else str(value)

        severity = one(SH.resultSeverity) or str(SH.Violation)
        found.append(
            Violation(
                focus=one(SH.focusNode) or "?",
                message=one(SH.resultMessage) or "constraint not met",
                path=one(SH.resultPath),
                value=one(SH.value),
                severity=severity.rsplit("#", 1)[-1],
                shape=one(SH.sourceShape),
                component=one(SH.sourceConstraintComponent),
            )
        )
    return sorted(found, key=lambda v: (v.focus, v.path or "", v.message))


def check_anchors(graph: Graph, texts: Mapping[str, str], *, read_sources: bool = False
                  ) -> tuple[list[Violation], list[str], int]:
    """Compare every mention's anchor text with its document's text between the offsets.

    Returns:
        ``(violations, warnings, anchors_checked)``.
    """
    rows = []
    for mention in graph.subjects(RDF.type, HKG.Mention):
        doc = graph.value(mention, HKG.inDocument)
        start, end = graph.value(mention, HKG.startOffset), graph.value(mention, HKG.endOffset)
        anchor = graph.value(mention, HKG.anchorText)
        if doc is None or start is None or end is None or anchor is None:
            continue  # the shapes report missing parts
        rows.append((str(mention), str(doc), start, end, str(anchor)))
    read = (lambda key: _source_text(graph, URIRef(key))) if read_sources else None
    return _check_anchor_rows(rows, dict(texts), read)


_MENTION, _TYPE = str(HKG.Mention), str(RDF.type)
_ANCHOR_PARTS = {str(HKG.inDocument): 0, str(HKG.startOffset): 1, str(HKG.endOffset): 2, str(HKG.anchorText): 3}


def _anchor_rows(triples: Sequence[ox.Triple]) -> list[tuple[str, str, str, str, str]]:
    """``(mention, document, start, end, anchor)`` of every complete mention among Oxigraph triples.

    Like :func:`check_anchors` (``graph.value``), a part given twice counts once, whichever comes first.
    """
    mentions, parts = set(), {}
    for t in triples:
        predicate = t.predicate.value
        if predicate == _TYPE:
            if t.object.value == _MENTION:
                mentions.add(t.subject.value)
        elif predicate in _ANCHOR_PARTS:
            parts.setdefault(t.subject.value, [None] * 4)[_ANCHOR_PARTS[predicate]] = t.object.value
    return [(m, *parts[m]) for m in sorted(mentions) if m in parts and None not in parts[m]]


def _check_anchor_rows(rows, texts: dict[str, str | None], read=None) -> tuple[list[Violation], list[str], int]:
    violations: list[Violation] = []
    unchecked: dict[str, int] = {}
    checked = 0
    for mention, key, start, end, anchor in rows:
        if key not in texts and read is not None:
            texts[key] = read(key)
        text = texts.get(key)
        if text is None:
            unchecked[key] = unchecked.get(key, 0) + 1
            continue
        checked += 1
        s, e = int(start), int(end)
        if not 0 <= s < e <= len(text) or text[s:e] != anchor:
            actual = text[s:e] if 0 <= s < e <= len(text) else "<out of range>"
            violations.append(
                Violation(focus=mention, path=str(HKG.anchorText), value=anchor,
                          component=str(HKG.AnchorTextConstraint),
                          message=f"anchor text differs from the document text at {s}-{e}: {actual!r}")
            )
    warnings = [f"{doc}: {n} anchor(s) not checked: document text not available" for doc, n in unchecked.items()]
    return violations, warnings, checked


def _source_text(graph: Graph, doc: URIRef) -> str | None:
    """The text of a document read back from its source file, if it is still the same text."""

    source, digest = graph.value(doc, DCTERMS.source), graph.value(doc, HKG.contentHash)
    if source is None or not Path(str(source)).is_file():
        return None
    language = graph.value(doc, DCTERMS.language)
    try:  # HTML, PDF and DOCX are read again the same way: offsets refer to the text extracted from them
        text = read_document(str(source), language=str(language) if str(language) in ("nb", "nn") else None).text
    except Exception:  # a changed or now unreadable source just cannot be checked
        return None
    if digest is not None and hashlib.sha256(text.encode("utf-8")).hexdigest() != str(digest):
        return None
    return text
