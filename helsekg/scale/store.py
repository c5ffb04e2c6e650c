"""An on-disk graph store (Oxigraph) with one named graph per document and incremental re-runs.

Each document's facts live in the named graph ``https://w3id.org/helsekg/id/graph/doc/{doc_id}``;
the cross-document measure -> recommendation links in ``https://w3id.org/helsekg/id/graph/links``.
:meth:`GraphStore.sync` compares the ``hkg:contentHash`` and ``dcterms:source`` each document graph
holds with the files given: only new or changed documents are extracted, the graphs of documents
whose file is gone (or changed) are dropped, then the links are recomputed over the union.

The default graph holds the set union of the named graphs, kept up to date by :meth:`GraphStore.put`
and :meth:`GraphStore.remove` (a triple leaves it when the last graph holding it goes). Queries read
that default graph, so the named queries work unchanged and a triple shared by many documents (an
actor's type and name, a measure keyed across documents) is seen once, not once per graph: Oxigraph's
``use_default_graph_as_union`` view is a bag, and a join of two patterns over k graphs gave k² rows.
The price is the union stored once more (about twice the quads).

>>> from helsekg.scale.store import GraphStore, doc_graph_iri
>>> doc_graph_iri("notat-1a2b3c4d").value
'https://w3id.org/helsekg/id/graph/doc/notat-1a2b3c4d'
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

import pyoxigraph as ox

from helsekg.api import Failure
from helsekg.errors import HelsekgError
from helsekg.link.linking import DEFAULT_MAX_PER_MEASURE
from helsekg.scale.batch import DocumentResult, expand_paths, extract_stream
from helsekg.text.reading import Skipped, read_document
from helsekg.validate.core import ValidationReport

if TYPE_CHECKING:
    from distributed import Client

__all__ = ["GRAPH_BASE", "LABELS_GRAPH", "LINKS_GRAPH", "GraphStore", "StoreCheck", "SyncReport", "doc_graph_iri"]

GRAPH_BASE = "https://w3id.org/helsekg/id/graph/"
LINKS_GRAPH = ox.NamedNode(GRAPH_BASE + "links")
#: skos:prefLabel/altLabel of the union (one preferred label per node and language), recomputed by sync.
LABELS_GRAPH = ox.NamedNode(GRAPH_BASE + "labels")
#: Documents written between two flushes of the store (keeps memory flat in long syncs).
FLUSH_EVERY = 100
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


#: A file in the store folder while a sync writes; found at the next sync, the store is repaired first.
SYNC_MARKER = "helsekg-sync-in-progress"
_ORPHANS_QUERY = "SELECT ?s ?p ?o WHERE { ?s ?p ?o FILTER NOT EXISTS { GRAPH ?g { ?s ?p ?o } } }"
_MISSING_QUERY = "SELECT ?g ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } FILTER NOT EXISTS { ?s ?p ?o } }"
_REPAIR_UPDATE = """
DELETE { ?s ?p ?o } WHERE { ?s ?p ?o FILTER NOT EXISTS { GRAPH ?g { ?s ?p ?o } } } ;
INSERT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } FILTER NOT EXISTS { ?s ?p ?o } }
"""

#: Drops a named graph <G> and, from the union, each of its triples no other named graph holds.
_REMOVE_UPDATE = """
DELETE { ?s ?p ?o } WHERE {
  GRAPH <G> { ?s ?p ?o }
  FILTER NOT EXISTS { GRAPH ?other { ?s ?p ?o } FILTER(?other != <G>) }
} ;
DROP SILENT GRAPH <G>
"""


def _with_union(ntriples: bytes, graph: ox.NamedNode) -> bytes:
    """N-Quads holding each N-Triples line twice: in ``graph`` and in the default graph.

    >>> _with_union(b'<http://x/s> <http://x/p> "a b ." .\\n', ox.NamedNode("http://x/g")).decode()
    '<http://x/s> <http://x/p> "a b ." <http://x/g> .\\n<http://x/s> <http://x/p> "a b ." .\\n'
    """
    name = str(graph).encode()
    out = []
    for line in ntriples.splitlines():
        body = line.rstrip()
        if not body or body.startswith(b"#"):
            continue
        if not body.endswith(b"."):
            raise ValueError(f"not an N-Triples line: {line[:80]!r}")
        triple = body[:-1].rstrip()
        out.append(triple + b" " + name + b" .\n")
        out.append(triple + b" .\n")
    return b"".join(out)


def doc_graph_iri(doc_id: str) -> ox.NamedNode:
    """The named graph holding one document's facts."""
    return ox.NamedNode(f"{GRAPH_BASE}doc/{doc_id}")


@dataclass
class StoreCheck:
    """Mismatches between the named graphs and their union (:meth:`GraphStore.check`).

    >>> StoreCheck().clean, StoreCheck().text()
    (True, 'store consistent: the default graph is the union of the named graphs')
    """

    #: triples in the union (default graph) that no named graph holds
    orphans: list[ox.Triple] = field(default_factory=list)
    #: named-graph triples missing from the union
    missing: list[ox.Quad] = field(default_factory=list)
    #: document graphs without their hkg:PolicyDocument and hkg:contentHash
    incomplete: list[ox.NamedNode] = field(default_factory=list)

    @property
    def clean(self) -> bool:
        return not (self.orphans or self.missing or self.incomplete)

    def text(self, *, limit: int = 10) -> str:
        if self.clean:
            return "store consistent: the default graph is the union of the named graphs"
        lines = [f"{len(self.orphans)} union triple(s) in no named graph, {len(self.missing)} named-graph triple(s) "
                 f"missing from the union, {len(self.incomplete)} incomplete document graph(s)"]
        lines += [f"  not in any named graph: {t}" for t in self.orphans[:limit]]
        lines += [f"  missing from the union: {q}" for q in self.missing[:limit]]
        lines += [f"  incomplete: {g.value}" for g in self.incomplete[:limit]]
        return "\n".join(lines)


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
    #: files left out by design (a folder's README, hidden files)
    ignored: list[Skipped] = field(default_factory=list)
    #: what an interrupted earlier sync had left, repaired before this one (None: nothing to repair)
    repaired: StoreCheck | None = None

    @property
    def extracted(self) -> list[str]:
        return self.added + self.changed

    @property
    def ok(self) -> bool:
        """No failure, the graphs conform, and the corpus holds at least one document."""
        return not self.failures and self.report.conforms and bool(self.added + self.changed + self.unchanged)

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
        self._unflushed = 0
        if self.path is None:
            self.store = ox.Store()
        elif read_only:
            self.store = ox.Store.read_only(str(self.path))
        else:
            self.path.mkdir(parents=True, exist_ok=True)
            self.store = ox.Store(str(self.path))
            self._ensure_union()

    def __enter__(self) -> "GraphStore":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Flush and release the store (the folder lock goes with the last reference)."""
        if getattr(self, "store", None) is not None:
            try:
                self.store.flush()
            except (OSError, RuntimeError):  # a read-only store has nothing to flush (pyoxigraph 0.5: RuntimeError)
                pass
            self.store = None  # type: ignore[assignment]

    def __len__(self) -> int:
        """Number of quads: the named graphs' plus the default graph's (their union)."""
        return len(self.store)

    # ----------------------------------------------------------------------------------------
    # What is stored
    # ----------------------------------------------------------------------------------------

    def documents(self) -> dict[str, tuple[str, str]]:
        """Stored documents: source path -> (named graph IRI, content hash)."""
        return {row["source"].value: (row["g"].value, row["hash"].value) for row in self.store.query(_DOCUMENTS_QUERY)}

    def document_graphs(self) -> list[ox.NamedNode]:
        """The named graphs of the documents (the links graph left out)."""
        return sorted((g for g in self.store.named_graphs() if g not in (LINKS_GRAPH, LABELS_GRAPH)
                       and isinstance(g, ox.NamedNode)),
                      key=lambda g: g.value)

    def triples(self) -> Iterator[ox.Triple]:
        """The union of all graphs (the default graph), each triple once.

        Literals come back in Oxigraph's canonical form ("0.250"^^xsd:decimal as "0.25"), the offsets
        typed xsd:nonNegativeInteger as the ontology declares.
        """
        for quad in self.store.quads_for_pattern(None, None, None, ox.DefaultGraph()):
            yield _retype(quad.triple)

    def count_triples(self) -> int:
        """Distinct triples in the union of all graphs."""
        return sum(1 for _ in self.store.quads_for_pattern(None, None, None, ox.DefaultGraph()))

    def _ensure_union(self) -> None:
        """Fill an empty default graph from the named graphs (a store written before the union was kept)."""
        from helsekg.query.sparql import needs_union

        if not needs_union(self.store):
            return
        self.store.bulk_extend(ox.Quad(q.subject, q.predicate, q.object)
                               for q in self.store.quads_for_pattern(None, None, None, None))

    # ----------------------------------------------------------------------------------------
    # Writing
    # ----------------------------------------------------------------------------------------

    def put(self, result: DocumentResult) -> ox.NamedNode:
        """Store one extracted document in its named graph (replacing what that graph held).

        Two transactions, each all-or-nothing (issue 17): :meth:`remove` drops the old version, then one
        load writes the named graph and the union together. Whatever fails in between, every state the
        store can be left in is consistent: the document is there whole, or not at all (and the next
        :meth:`sync` extracts it again as new).
        """
        graph = doc_graph_iri(result.doc_id or "")
        self.remove(graph)
        self._insert(result.ntriples, graph)
        # transactional writes pile up in memory until flushed (2 000 documents: 1.3 GB unflushed,
        # 155 MB flushed every 100)
        self._unflushed += 1
        if self._unflushed >= FLUSH_EVERY:
            self.store.flush()
            self._unflushed = 0
        return graph

    def _insert(self, ntriples: bytes, graph: ox.NamedNode) -> None:
        """Write N-Triples into the named ``graph`` and the union in one transactional load."""
        # parsed by Oxigraph straight into the store: ~3x faster than building quads in Python; one load of
        # N-Quads (each triple twice) so the named graph and the union are written together or not at all
        self.store.load(_with_union(ntriples, graph), format=ox.RdfFormat.N_QUADS)

    def _add(self, triples: Iterable[ox.Triple], graph: ox.NamedNode) -> None:
        """Add ``triples`` to the named ``graph`` and to the union in the default graph (one transaction)."""
        triples = list(triples)
        self.store.extend([ox.Quad(t.subject, t.predicate, t.object, graph) for t in triples]
                          + [ox.Quad(t.subject, t.predicate, t.object) for t in triples])

    def remove(self, graph_iri: str | ox.NamedNode) -> None:
        """Drop one named graph, and from the union each of its triples no other named graph holds.

        One SPARQL update, so one transaction: a crash or a full disk leaves the old version whole.
        """
        graph = graph_iri if isinstance(graph_iri, ox.NamedNode) else ox.NamedNode(graph_iri)
        if not self.store.contains_named_graph(graph):
            return
        self.store.update(_REMOVE_UPDATE.replace("<G>", str(graph)))

    # ----------------------------------------------------------------------------------------
    # Consistency: named graphs against the union (issue 17)
    # ----------------------------------------------------------------------------------------

    def check(self) -> StoreCheck:
        """Compare the named graphs with their union in the default graph; never writes.

        Finds union triples no named graph holds (a stale old version), named-graph triples missing
        from the union (a fact queries do not see), and document graphs without their
        ``hkg:PolicyDocument`` and ``hkg:contentHash`` (an incomplete document).
        """
        orphans = [ox.Triple(r["s"], r["p"], r["o"]) for r in self.store.query(_ORPHANS_QUERY)]
        missing = [ox.Quad(r["s"], r["p"], r["o"], r["g"]) for r in self.store.query(_MISSING_QUERY)]
        hash_predicate = ox.NamedNode(_HKG + "contentHash")
        incomplete = [g for g in self.document_graphs() if g.value.startswith(GRAPH_BASE + "doc/")
                      and next(self.store.quads_for_pattern(None, hash_predicate, None, g), None) is None]
        return StoreCheck(orphans=orphans, missing=missing, incomplete=incomplete)

    def repair(self) -> StoreCheck:
        """Fix what :meth:`check` finds; returns what was found (check again: it is clean).

        Incomplete document graphs are dropped, so the next :meth:`sync` extracts those documents again;
        then the union is made the union of the named graphs again, in one transaction.
        """
        found = self.check()
        for graph in found.incomplete:
            self.remove(graph)
        if found.orphans or found.missing or found.incomplete:
            self.store.update(_REPAIR_UPDATE)
            self.store.flush()
        return found

    def _marker(self) -> Path | None:
        """The file that says a sync is writing to this store (left behind when it was killed)."""
        return None if self.path is None else self.path / SYNC_MARKER

    def sync(self, paths: Iterable[str | os.PathLike[str]], *, jobs: int = 1, model: str | None = "default",
             check: bool = True, max_bytes: int | None = None, link_threshold: float | None = 0.25,
             progress: Callable[[Iterator[DocumentResult], int], Iterable[DocumentResult]] | None = None,
             client: Client | None = None, scheduler: str | None = None,
             language: str | None = None) -> SyncReport:
        """Bring the store in line with the files under ``paths``.

        New and changed files (by the SHA-256 of their text) are extracted with
        :func:`helsekg.scale.batch.extract_stream` and written as they come; documents whose source is no
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
            client: a ``distributed.Client``: extract on its Dask cluster (see :mod:`helsekg.scale.distributed`).
            scheduler: or the address of a Dask scheduler to connect to.
            language: "nb" or "nn" for every document; None detects it per document.
        """
        sync = SyncReport()
        marker = self._marker()
        if marker is not None:
            if marker.exists():  # the last sync did not finish: make the store consistent first
                sync.repaired = self.repair()
            marker.write_text(f"helsekg sync started by process {os.getpid()}\n", encoding="utf-8")
        stored = self.documents()
        files = expand_paths(paths, on_error=sync.failures.append, on_ignored=sync.ignored.append)
        todo: list[str] = []
        seen: set[str] = set()
        for path in files:
            seen.add(path)
            try:
                options = {} if max_bytes is None else {"max_bytes": max_bytes}
                document = read_document(path, language=language, **options)
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
                                                          max_bytes=max_bytes, client=client, scheduler=scheduler,
                                                          language=language)
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
        self.relabel()
        self.store.flush()
        if marker is not None:
            marker.unlink(missing_ok=True)
        return sync

    def relabel(self) -> None:
        """Recompute the labels graph: one skos:prefLabel per node and language over the union
        (:func:`helsekg.graph.labels.store_label_triples`)."""
        from helsekg.graph.io import to_oxigraph
        from helsekg.graph.labels import store_label_triples

        self.remove(LABELS_GRAPH)
        self._add(to_oxigraph(store_label_triples(self.store)), LABELS_GRAPH)

    def relink(self, *, threshold: float = 0.25, check: bool = True,
               max_per_measure: int | None = DEFAULT_MAX_PER_MEASURE) -> tuple[int, ValidationReport]:
        """Recompute the links graph over the union of the document graphs; returns (links, report).

        Links stream from :func:`helsekg.link.linking.iter_links` into the store in batches, each batch
        validated on its own, so memory does not grow with the number of links.
        """
        from helsekg.graph.io import from_oxigraph, to_oxigraph
        from helsekg.link.linking import iter_links, write_links

        self.remove(LINKS_GRAPH)
        rdf_type = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
        default = ox.DefaultGraph()

        def types(node):
            quads = self.store.quads_for_pattern(ox.NamedNode(str(node)), rdf_type, None, default)
            return [term for _, _, term in from_oxigraph(q.triple for q in quads)]

        links = iter_links(self.store, threshold=threshold, max_per_measure=max_per_measure)  # type: ignore[arg-type]
        return write_links(links, lambda graph: self._add(to_oxigraph(graph), LINKS_GRAPH), check=check, types=types)

    # ----------------------------------------------------------------------------------------
    # Reading out
    # ----------------------------------------------------------------------------------------

    def export(self, path: str | os.PathLike[str], format: str | None = None) -> Path:
        """Write the store to ``path`` atomically: N-Quads and TriG hold the named graphs (the union in
        the default graph is derived from them and left out), the triple formats (Turtle, N-Triples,
        JSON-LD, ...) the union of all graphs; sorted either way."""
        from helsekg.graph.io import atomic_write, format_for
        from helsekg.graph.prefixes import PREFIXES

        fmt = format_for(path, format)
        if fmt in (ox.RdfFormat.N_QUADS, ox.RdfFormat.TRIG):
            quads = (q for q in self.store.quads_for_pattern(None, None, None, None) if q.graph_name != ox.DefaultGraph())
            data = ox.serialize(sorted(map(_retype, quads), key=str), format=fmt)
        else:
            triples = sorted(self.triples(), key=str)
            data = (ox.serialize(triples, format=fmt, prefixes=dict(PREFIXES)) if fmt == ox.RdfFormat.TURTLE
                    else ox.serialize(triples, format=fmt))
        atomic_write(path, data)
        return Path(path)

    def as_rdflib(self):
        """The store as an rdflib :class:`~rdflib.Dataset` through oxrdflib (same Oxigraph store, no copy).

        ``dataset.graph(IRI)`` is one document's graph; ``dataset.triples(...)`` and
        ``dataset.default_graph`` see the union of all graphs (the store's default graph), each triple
        once. Limitation: literals are Oxigraph's canonical forms, so hkg:startOffset/endOffset read
        back as xsd:integer (use :meth:`export` for a graph that validates).
        """
        from oxrdflib import OxigraphStore
        from rdflib import Dataset

        dataset = Dataset(store=OxigraphStore(store=self.store), default_union=False)
        return dataset

    def query(self, sparql: str):
        """Run SPARQL over the union of the graphs (see :func:`helsekg.query.sparql.query`)."""
        from helsekg.query.sparql import query

        return query(self.store, sparql)
