"""The per-document unit of work shared by local worker processes and Dask workers.

:func:`document_result` extracts, builds, validates and serialises one document; what it returns, a
:class:`DocumentResult`, is plain data that pickles across processes and outlives the pipeline.
"""

from __future__ import annotations

from dataclasses import dataclass
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

import pyoxigraph as ox
from rdflib import Graph

from helsekg.api import Failure, extract_document_triples
from helsekg.graph.build import new_graph
from helsekg.graph.io import from_oxigraph
from helsekg.validate.report import ValidationReport

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

    from helsekg.text.document import Document

__all__ = ["CHUNK_SIZE", "DocumentResult", "document_result", "document_results", "ntriples_graph"]

#: How many documents a worker takes at a time, and runs through the pipeline together (small: results stay in
#: order and memory stays flat). 8 rather than 4: 200 documents with ``-o`` in 38.5 s against 39.9 s, peak 463
#: against 440 MB (issue 18).
CHUNK_SIZE = 8


@dataclass(frozen=True)
class DocumentResult:
    """What came out of one input file: its graph as N-Triples, or the failure.

    Plain data, so it pickles across processes and outlives the pipeline.
    """

    source: str
    doc_id: str | None = None
    content_hash: str | None = None
    ntriples: bytes = b""
    triples: int = 0
    words: int = 0
    report: ValidationReport | None = None
    failure: Failure | None = None

    @property
    def ok(self) -> bool:
        return self.failure is None

    def graph(self) -> Graph:
        """The document's graph as an rdflib Graph (parsed by Oxigraph)."""
        return ntriples_graph(self.ntriples)


def document_result(document: Document, nlp: Language, *, check: bool,
                    progress: Callable[[int, int], None] | None = None, parsed: Doc | None = None) -> DocumentResult:
    """Extract, build, validate and serialise one document read by the caller.

    ``progress(done, total)``: characters through the pipeline, for a progress bar within a long document.
    ``parsed``: its Doc, when the caller ran the pipeline over several documents at once
    (:func:`helsekg.nlp.sections.parse_many`).
    """
    source = document.metadata.source
    outcome = extract_document_triples(document, nlp, check=check, progress=progress, parsed=parsed)
    if isinstance(outcome, Failure):
        return DocumentResult(source, failure=outcome)
    triples, report = outcome  # sorted as serialize sorts: the same bytes as the rdflib graph's (issue 18)
    return DocumentResult(
        source=source,
        doc_id=document.id,
        content_hash=document.metadata.content_hash,
        ntriples=ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES),
        triples=len(triples),
        words=len(document.text.split()),
        report=report,
    )


def document_results(items: Sequence[Document | DocumentResult], nlp: Language, *, check: bool,
                     progress: Callable[[str], Callable[[int, int], None] | None] | None = None
                     ) -> list[DocumentResult]:
    """A chunk of documents read by the caller (a :class:`DocumentResult` in ``items`` is a file that could not be
    read, passed through): the short texts without invisible characters run through the pipeline together
    (:func:`helsekg.nlp.sections.parse_many`, issue 18), then each is extracted as :func:`document_result` does.

    ``progress(source)``: the per-document progress callback for :func:`document_result`, or None.
    """
    from helsekg.nlp.sections import parse_many
    from helsekg.text.normalize import has_invisible

    documents = [d for d in items if not isinstance(d, DocumentResult) and not has_invisible(d.text)]
    parsed = dict(zip(map(id, documents), parse_many(nlp, [(d.text, d.metadata.language) for d in documents])))
    return [item if isinstance(item, DocumentResult) else
            document_result(item, nlp, check=check, parsed=parsed.get(id(item)),
                            progress=progress(item.metadata.source) if progress is not None else None)
            for item in items]


def ntriples_graph(data: bytes, graph: Graph | None = None) -> Graph:
    """Add the triples of N-Triples ``data`` to ``graph`` (a new helsekg graph by default)."""
    import pyoxigraph as ox

    graph = new_graph() if graph is None else graph
    for triple in from_oxigraph(ox.parse(data, format=ox.RdfFormat.N_TRIPLES)):
        graph.add(triple)
    return graph
