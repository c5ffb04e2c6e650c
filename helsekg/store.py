"""An on-disk graph store (Oxigraph) with one named graph per document and incremental re-runs.

Each document's facts live in the named graph ``https://w3id.org/helsekg/id/graph/doc/{doc_id}``;
the cross-document measure -> recommendation links in ``https://w3id.org/helsekg/id/graph/links``.
:meth:`GraphStore.sync` compares the ``hkg:contentHash`` and ``dcterms:source`` each document graph
holds with the files given: only new or changed documents are extracted, the graphs of documents
whose file is gone (or changed) are dropped, then the links are recomputed over the union.

Queries see the union of all graphs as their default graph (:func:`helsekg.query.query` asks
Oxigraph for that), so the named queries work unchanged.

>>> from helsekg.store import GraphStore, doc_graph_iri
>>> doc_graph_iri("notat-1a2b3c4d").value
'https://w3id.org/helsekg/id/graph/doc/notat-1a2b3c4d'
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox

from helsekg.api import Failure
from helsekg.batch import DocumentResult, expand_paths, extract_stream
from helsekg.corpus import read_document
from helsekg.errors import HelsekgError
from helsekg.validate import ValidationReport

__all__ = ["GRAPH_BASE", "LINKS_GRAPH", "GraphStore", "SyncReport", "doc_graph_iri"]

GRAPH_BASE = "https://w3id.org/helsekg/id/graph/"
LINKS_GRAPH = ox.NamedNode(GRAPH_BASE + "links")
_HKG = "https://w3id.org/helsekg/ontology#"
_DCTERMS = "http://purl.org/dc/terms/"

_DOCUMENTS_QUERY = f"""
SELECT ?g ?source ?hash WHERE {{
  GRAPH ?g {{ ?d a <{_HKG}PolicyDocument> ; <{_DCTERMS}source> ?source ; <{_HKG}contentHash> ?hash }}
}}
"""


#: Oxigraph stores derived integer types as xsd:integer; these properties get their declared type
#: (rdfs:range in ontology/helsekg.ttl, required by the shapes) back on export.
_RETYPED = {
    ox.NamedNode(_HKG + "startOffset"): ox.NamedNode("http://www.w3.org/2001/XMLSchema#nonNegativeInteger"),
    ox.NamedNode(_HKG + "endOffset"): ox.NamedNode("http://www.w3.org/2001/XMLSchema#nonNegativeInteger"),
}


def _retype(triple: ox.Triple | ox.Quad) -> ox.Triple | ox.Quad:
    datatype = _RETYPED.get(triple.predicate)
    if datatype is None or not isinstance(triple.object, ox.Literal):
        return triple
    literal = ox.Literal(triple.object.value, datatype=datatype)
    if isinstance(triple, ox.Quad):
        return ox.Quad(triple.subject, triple.predicate, literal, triple.graph_name)
    return ox.Triple(triple.subject, triple.predicate, literal)


def doc_graph_iri(doc_id: str) -> ox.NamedNode:
    """The named graph holding one document's facts."""
    return ox.NamedNode(f"{GRAPH_BASE}doc/{doc_id}")


@dataclass
class SyncReport:
    """What a :meth:`GraphStore.sync` did, by source path."""

    added: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    failures: list[Failure] = field(default_factory=list)
    report: ValidationReport = field(default_factory=lambda: ValidationReport(conforms=True))
    links: int = 0

    @property
    def extracted(self) -> list[str]:
        return self.added + self.changed

    @property
    def ok(self) -> bool:
        return not self.failures and self.report.conforms

    def text(self) -> str:
        return (f"{len(self.added)} added, {len(self.changed)} changed, {len(self.unchanged)} unchanged, "
                f"{len(self.removed)} removed, {len(self.failures)} failed; {self.links} cross-document link(s)")


class GraphStore:
    """A helsekg graph in an on-disk Oxigraph store (a folder); one process may open it at a time.

    Args:
        path: the store folder (created when missing); None for an in-memory store.
        read_only: open an existing store read-only (e.g. for a server while nothing writes to it).
    """

    def __init__(self, path: str | os.PathLike[str] | None, *, read_only: bool = False) -> None:
        self.path = None if path is None else Path(path)
        if self.path is None:
            self.store = ox.Store()
        elif read_only:
            self.store = ox.Store.read_only(str(self.path))
        else:
            self.path.mkdir(parents=True, exist_ok=True)
            self.store = ox.Store(str(self.path))

    def __enter__(self) -> "GraphStore":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Flush and release the store (the folder lock goes with the last reference)."""
        if getattr(self, "store", None) is not None:
            try:
                self.store.flush()
            except OSError:  # a read-only store has nothing to flush
                pass
            self.store = None  # type: ignore[assignment]

    def __len__(self) -> int:
        """Number of quads (a triple in two document graphs counts twice)."""
        return len(self.store)

    # ----------------------------------------------------------------------------------------
    # What is stored
    # ----------------------------------------------------------------------------------------

    def documents(self) -> dict[str, tuple[str, str]]:
        """Stored documents: source path -> (named graph IRI, content hash)."""
        return {row["source"].value: (row["g"].value, row["hash"].value) for row in self.store.query(_DOCUMENTS_QUERY)}

    def document_graphs(self) -> list[ox.NamedNode]:
        """The named graphs of the documents (the links graph left out)."""
        return sorted((g for g in self.store.named_graphs() if g != LINKS_GRAPH and isinstance(g, ox.NamedNode)),
                      key=lambda g: g.value)

    def triples(self) -> Iterator[ox.Triple]:
        """The union of all graphs as distinct triples (held in a set while iterating).

        Literals come back in Oxigraph's canonical form ("0.250"^^xsd:decimal as "0.25"), the offsets
        typed xsd:nonNegativeInteger as the ontology declares.
        """
        seen: set[ox.Triple] = set()
        for quad in self.store.quads_for_pattern(None, None, None, None):
            triple = _retype(quad.triple)
            if triple not in seen:
                seen.add(triple)
                yield triple

    def count_triples(self) -> int:
        """Distinct triples in the union of all graphs."""
        result = self.store.query("SELECT (COUNT(*) AS ?n) WHERE { SELECT DISTINCT ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } } }")
        return int(next(iter(result))["n"].value)

    # ----------------------------------------------------------------------------------------
    # Writing
    # ----------------------------------------------------------------------------------------

    def put(self, result: DocumentResult) -> ox.NamedNode:
        """Store one extracted document in its named graph (replacing what that graph held)."""
        graph = doc_graph_iri(result.doc_id or "")
        self.store.remove_graph(graph) if self.store.contains_named_graph(graph) else None
        self.store.bulk_extend(
            ox.Quad(t.subject, t.predicate, t.object, graph)
            for t in ox.parse(result.ntriples, format=ox.RdfFormat.N_TRIPLES)
        )
        return graph

    def remove(self, graph_iri: str | ox.NamedNode) -> None:
        """Drop one named graph."""
        graph = graph_iri if isinstance(graph_iri, ox.NamedNode) else ox.NamedNode(graph_iri)
        if self.store.contains_named_graph(graph):
            self.store.remove_graph(graph)

    def sync(self, paths: Iterable[str | os.PathLike[str]], *, jobs: int = 1, model: str | None = "default",
             check: bool = True, max_bytes: int | None = None, link_threshold: float | None = 0.25,
             progress: Callable[[Iterator[DocumentResult], int], Iterable[DocumentResult]] | None = None
             ) -> SyncReport:
        """Bring the store in line with the files under ``paths``.

        New and changed files (by the SHA-256 of their text) are extracted with
        :func:`helsekg.batch.extract_stream` and written as they come; documents whose source is no
        longer among the files are removed; the links graph is recomputed over the union.
        Sources are compared as given (``corpus/a.txt`` and ``./corpus/a.txt`` are different sources).

        Args:
            paths: files and folders: the whole corpus, not only what changed.
            jobs: worker processes for the extraction.
            model: the pipeline ("default", "blank" or a path).
            check: validate each extracted document (and the link nodes).
            max_bytes: size limit per file.
            link_threshold: score threshold of the measure -> recommendation links; None: no links.
            progress: wraps the result stream; called with the stream and the number of files to extract.
        """
        sync = SyncReport()
        stored = self.documents()
        files = expand_paths(paths, on_error=sync.failures.append)
        todo: list[str] = []
        seen: set[str] = set()
        for path in files:
            seen.add(path)
            try:
                document = read_document(path) if max_bytes is None else read_document(path, max_bytes=max_bytes)
            except HelsekgError as err:
                sync.failures.append(Failure(path, str(err), err.code))
                continue
            previous = stored.get(document.metadata.source)
            if previous is None:
                todo.append(path)
            elif previous[1] == document.metadata.content_hash and previous[0] == doc_graph_iri(document.id).value:
                sync.unchanged.append(path)
            else:
                todo.append(path)
        changed = set()
        for source, (graph, _) in stored.items():
            if source in todo:
                changed.add(source)
            elif source not in seen:
                self.remove(graph)
                sync.removed.append(source)
        stream: Iterable[DocumentResult] = extract_stream((), files=todo, jobs=jobs, model=model, check=check,
                                                          max_bytes=max_bytes)
        if progress is not None:
            stream = progress(iter(stream), len(todo))
        for result in stream:
            if result.failure is not None:
                sync.failures.append(result.failure)
                continue
            if result.source in stored:
                self.remove(stored[result.source][0])
            self.put(result)
            (sync.changed if result.source in changed else sync.added).append(result.source)
            if result.report is not None:
                sync.report = sync.report.merge(result.report)
        if link_threshold is not None:
            sync.links, links_report = self.relink(threshold=link_threshold, check=check)
            sync.report = sync.report.merge(links_report)
        self.store.flush()
        return sync

    def relink(self, *, threshold: float = 0.25, check: bool = True) -> tuple[int, ValidationReport]:
        """Recompute the links graph over the union of the document graphs; returns (links, report)."""
        from helsekg.io import to_oxigraph
        from helsekg.linking import add_links, link_iri, link_measures
        from helsekg.rdf import new_graph

        self.remove(LINKS_GRAPH)
        links = link_measures(self.store, threshold=threshold)  # type: ignore[arg-type]
        graph = add_links(new_graph(), links)
        self.store.bulk_extend(ox.Quad(t.subject, t.predicate, t.object, LINKS_GRAPH) for t in to_oxigraph(graph))
        report = ValidationReport(conforms=True)
        if check and links:
            from helsekg.io import from_oxigraph
            from helsekg.validate import validate

            # the link nodes plus the types of the nodes they point to, which the shapes check
            typed = self.store.query(
                "CONSTRUCT { ?n a ?t } WHERE { GRAPH ?l { ?x <https://w3id.org/helsekg/ontology#linkedMeasure>|"
                "<https://w3id.org/helsekg/ontology#linkedRecommendation> ?n } GRAPH ?g { ?n a ?t } }")
            for triple in from_oxigraph(typed):
                graph.add(triple)
            focus = [link_iri(link.measure, link.recommendation) for link in links]
            report = validate(graph, focus_nodes=focus)
        return len(links), report

    # ----------------------------------------------------------------------------------------
    # Reading out
    # ----------------------------------------------------------------------------------------

    def export(self, path: str | os.PathLike[str], format: str | None = None) -> Path:
        """Write the store to ``path`` atomically: N-Quads keeps the named graphs, the triple formats
        (Turtle, N-Triples, JSON-LD, ...) hold the union of all graphs, sorted."""
        from helsekg.io import atomic_write, format_for
        from helsekg.prefixes import PREFIXES

        fmt = format_for(path, format)
        if fmt in (ox.RdfFormat.N_QUADS, ox.RdfFormat.TRIG):
            data = ox.serialize(sorted(map(_retype, self.store.quads_for_pattern(None, None, None, None)), key=str), format=fmt)
        else:
            triples = sorted(self.triples(), key=str)
            data = (ox.serialize(triples, format=fmt, prefixes=dict(PREFIXES)) if fmt == ox.RdfFormat.TURTLE
                    else ox.serialize(triples, format=fmt))
        atomic_write(path, data)
        return Path(path)

    def as_rdflib(self):
        """The store as an rdflib :class:`~rdflib.Dataset` through oxrdflib (same Oxigraph store, no copy).

        ``dataset.graph(IRI)`` is one document's graph; with ``default_union=True`` set (done here)
        ``dataset.triples(...)`` sees every graph. Limitation: literals are Oxigraph's canonical forms,
        so hkg:startOffset/endOffset read back as xsd:integer (use :meth:`export` for a graph that
        validates) and a triple held in several document graphs is seen once per graph.
        """
        from oxrdflib import OxigraphStore
        from rdflib import Dataset

        dataset = Dataset(store=OxigraphStore(store=self.store), default_union=True)
        return dataset

    def query(self, sparql: str):
        """Run SPARQL over the union of the graphs (see :func:`helsekg.query.query`)."""
        from helsekg.query import query

        return query(self.store, sparql)
