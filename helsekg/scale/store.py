"""An on-disk graph store (Oxigraph) with one named graph per document and incremental re-runs.

Each document's facts live in the named graph ``https://w3id.org/helsekg/id/graph/doc/{doc_id}``;
the cross-document measure -> recommendation links in ``https://w3id.org/helsekg/id/graph/links``.
:meth:`GraphStore.sync` compares the ``hkg:contentHash`` and ``dcterms:source`` each document graph
holds with the files given: only new or changed documents are extracted, the graphs of documents
whose file is gone (or changed) are dropped, then the links are brought up to date over the union:
only those of the measures the changes can reach are recomputed (:func:`helsekg.link.linking.update_links`),
unless too much changed or the store's links were not made by this linker with these options
(the file ``helsekg-links.json`` in the store folder says), when all are.

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

import hashlib
import json
import os
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING

import pyoxigraph as ox

from helsekg.api import Failure
from helsekg.errors import HelsekgError
from helsekg.link.linking import DEFAULT_MAX_PER_MEASURE
from helsekg.scale.batch import DocumentResult, expand_paths, extract_stream
from helsekg.text.reading import Skipped, read_identity
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
    ox.NamedNode(_HKG + "rank"): ox.NamedNode("http://www.w3.org/2001/XMLSchema#positiveInteger"),
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


#: A file in the store folder: the options, linker and documents the links graph was computed for. A sync
#: recomputes only the links its changes can reach when it matches, and all of them otherwise.
LINK_STATE = "helsekg-links.json"
_SUBJECTS_QUERY = "SELECT DISTINCT ?s WHERE { GRAPH <G> { ?s ?p ?o } FILTER(isIRI(?s)) }"
_LINKS_QUERY = f"""
SELECT ?m ?r ?score WHERE {{
  GRAPH <{GRAPH_BASE}links> {{ ?l <{_HKG}linkedMeasure> ?m ; <{_HKG}linkedRecommendation> ?r ; <{_HKG}linkScore> ?score }}
}}
"""
#: Every link with its score and current hkg:rank, for :meth:`GraphStore._rank_links`.
_RANKS_QUERY = f"""
SELECT ?l ?m ?r ?score ?rank WHERE {{
  GRAPH <{GRAPH_BASE}links> {{ ?l <{_HKG}linkedMeasure> ?m ; <{_HKG}linkedRecommendation> ?r ; <{_HKG}linkScore> ?score
                             OPTIONAL {{ ?l <{_HKG}rank> ?rank }} }}
}}
"""
_LINK_THEMES_QUERY = f"SELECT DISTINCT ?t WHERE {{ GRAPH <{GRAPH_BASE}links> {{ ?t a <{_HKG}Theme> }} }}"
_LINK_COUNT_QUERY = f"SELECT (COUNT(?l) AS ?n) WHERE {{ GRAPH <{GRAPH_BASE}links> {{ ?l a <{_HKG}AddressLink> }} }}"
#: Drops the links of the measures in VALUES, the theme descriptions no link uses any more, and from the
#: union each dropped triple no other named graph holds (one update, so one transaction).
_UNLINK_UPDATE = f"""
DELETE {{ GRAPH <{GRAPH_BASE}links> {{ ?l ?p ?o }} }}
WHERE {{ VALUES ?m {{ MEASURES }} GRAPH <{GRAPH_BASE}links> {{ ?l <{_HKG}linkedMeasure> ?m . ?l ?p ?o }} }} ;
DELETE {{ GRAPH <{GRAPH_BASE}links> {{ ?m ?relation ?r }} }}
WHERE {{ VALUES ?m {{ MEASURES }} VALUES ?relation {{ <{_HKG}addresses> <{_HKG}addressesThematically> }}
        GRAPH <{GRAPH_BASE}links> {{ ?m ?relation ?r }} }} ;
DELETE {{ GRAPH <{GRAPH_BASE}links> {{ ?t ?p ?o }} }}
WHERE {{ GRAPH <{GRAPH_BASE}links> {{ ?t a <{_HKG}Theme> . ?t ?p ?o }}
        FILTER NOT EXISTS {{ GRAPH <{GRAPH_BASE}links> {{ ?x <{_HKG}sharedTheme> ?t }} }} }} ;
DELETE {{ ?s ?p ?o }} WHERE {{ VALUES ?s {{ SUBJECTS }} ?s ?p ?o FILTER NOT EXISTS {{ GRAPH ?g {{ ?s ?p ?o }} }} }}
"""


def _linker_fingerprint() -> str:
    """A digest of the code and data the links depend on (the linker, the theme matcher, the scheme, the
    linker's model file and background term frequencies, the stop words): links made by another version of them
    are recomputed in full."""
    from helsekg import __version__, resources
    from helsekg.extract import themes
    from helsekg.link import linking

    digest = hashlib.sha256(__version__.encode())
    for path in (linking.__file__, themes.__file__, resources.ontology_dir() / "themes.ttl"):
        digest.update(Path(path).read_bytes())
    digest.update(json.dumps(resources.load_data(themes.CUES_FILE), sort_keys=True).encode())
    digest.update(json.dumps(resources.load_data(linking.MODEL_FILE), sort_keys=True).encode())
    digest.update(json.dumps(resources.load_data(linking.IDF_FILE), sort_keys=True).encode())
    return digest.hexdigest()


def _documents_digest(documents: dict[str, tuple[str, str]]) -> str:
    """A digest of the stored documents (:meth:`GraphStore.documents`)."""
    lines = sorted(f"{source}\t{graph}\t{content}" for source, (graph, content) in documents.items())
    return hashlib.sha256("\n".join(lines).encode()).hexdigest()


def _ntriples_subjects(ntriples: bytes) -> set[str]:
    """The IRIs in subject position of N-Triples ``ntriples``.

    >>> sorted(_ntriples_subjects(b'<http://x/a> <http://x/p> "1" .\\n_:b <http://x/p> <http://x/c> .\\n'))
    ['http://x/a']
    """
    return {line[1:line.index(b">")].decode() for line in ntriples.splitlines() if line.startswith(b"<")}


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


class _Before:
    """The linker's nodes as they were before a sync changed them, read as the changes come
    (:meth:`graph` before a document graph is dropped, :meth:`iris` before one is written), then
    :meth:`update` brings the links up to date (:func:`helsekg.link.linking.update_links`)."""

    def __init__(self, store: "GraphStore") -> None:
        from helsekg.extract.themes import ThemeScheme

        self.store = store
        self.scheme = ThemeScheme.load()
        self.read: set[str] = set()
        self.nodes: list = []

    def graph(self, graph: str | ox.NamedNode) -> None:
        """Read the nodes a document graph speaks of, before it is dropped."""
        self.iris(row["s"].value for row in self.store.store.query(_SUBJECTS_QUERY.replace("<G>", str(
            graph if isinstance(graph, ox.NamedNode) else ox.NamedNode(graph)))))

    def iris(self, iris: Iterable[str]) -> None:
        """Read these nodes (those that are measures or recommendations) as they are now, once each."""
        from helsekg.link.linking import read_nodes

        todo = set(iris) - self.read
        self.read |= todo
        if todo:
            self.nodes += read_nodes(self.store.store, scheme=self.scheme, iris=todo)  # type: ignore[arg-type]

    def update(self, threshold: float, *, check: bool) -> tuple[int, ValidationReport] | None:
        """Recompute the links the changes reach; None when recomputing all of them is cheaper."""
        from helsekg.link.linking import read_nodes, update_links

        store = self.store
        if not self.read:  # no document changed: neither did the links
            return store.link_count(), ValidationReport(conforms=True)
        new_nodes = read_nodes(store.store, scheme=self.scheme)  # type: ignore[arg-type]
        old_nodes = sorted([n for n in new_nodes if n.iri not in self.read] + self.nodes, key=lambda n: (n.iri, n.kind))
        old_links: dict[str, list] = {}
        for row in store.store.query(_LINKS_QUERY):
            old_links.setdefault(row["m"].value, []).append((Decimal(row["score"].value), row["r"].value))
        plan = update_links(old_nodes, new_nodes, old_links, threshold=threshold, scheme=self.scheme,
                            max_per_measure=DEFAULT_MAX_PER_MEASURE)
        if plan is None:
            return None
        stale, links = plan
        store._unlink(stale, [(m, r) for m in stale for _, r in old_links.get(m, ())])
        _, report = store._write_links(links, check=check)
        store._rank_links()
        return store.link_count(), report


class GraphStore:
    """A helsekg graph in an on-disk Oxigraph store (a folder); one process may open it at a time.

    Args:
        path: the store folder (created when missing); None for an in-memory store.
        read_only: open an existing store read-only (e.g. for a server while nothing writes to it).
    """

    def __init__(self, path: str | os.PathLike[str] | None, *, read_only: bool = False) -> None:
        self.path = None if path is None else Path(path)
        self._unflushed = 0
        self._link_state: dict | None = None  # an in-memory store's LINK_STATE
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
            try:  # what tells an unchanged file, without its language or layout (the extraction reads them)
                identity = read_identity(path, **({} if max_bytes is None else {"max_bytes": max_bytes}))
            except HelsekgError as err:
                sync.failures.append(Failure(path, str(err), err.code))
                continue
            previous = stored.get(identity.source)
            if previous is None:
                todo.append(path)
            elif previous[1] == identity.content_hash and previous[0] == doc_graph_iri(identity.id).value:
                sync.unchanged.append(path)
            else:
                todo.append(path)
        incremental = (link_threshold is not None and sync.repaired is None
                       and self._read_link_state() == self._link_options(link_threshold, stored))
        self._write_link_state(None)  # the links are stale until this sync has brought them up to date
        # with incremental links: each node a change can reach, read before the change (by IRI; None: all)
        before: _Before | None = _Before(self) if incremental else None
        changed = set()
        for source, (graph, _) in stored.items():
            if source in todo:
                changed.add(source)
            elif source not in seen:
                if before is not None:
                    before.graph(graph)
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
            if before is not None:
                before.iris(_ntriples_subjects(result.ntriples))
                if result.source in stored:
                    before.graph(stored[result.source][0])
            if result.source in stored:
                self.remove(stored[result.source][0])
            self.put(result)
            (sync.changed if result.source in changed else sync.added).append(result.source)
            if result.report is not None:
                sync.report = sync.report.merge(result.report)
        if link_threshold is not None:
            update = before.update(link_threshold, check=check) if before is not None else None
            sync.links, links_report = update or self.relink(threshold=link_threshold, check=check)
            sync.report = sync.report.merge(links_report)
            self._write_link_state(self._link_options(link_threshold))
        if sync.added or sync.changed or sync.removed or sync.repaired is not None \
                or not self.store.contains_named_graph(LABELS_GRAPH):
            self.relabel()  # the labels are those of the documents' union: unchanged when no document changed
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
        from helsekg.link.linking import iter_links

        self._write_link_state(None)
        self.remove(LINKS_GRAPH)
        links = iter_links(self.store, threshold=threshold, max_per_measure=max_per_measure)  # type: ignore[arg-type]
        written = self._write_links(links, check=check)
        self._rank_links()
        self._write_link_state(self._link_options(threshold, max_per_measure=max_per_measure))
        return written

    def _write_links(self, links, *, check: bool) -> tuple[int, ValidationReport]:
        """Add ``links`` to the links graph in validated batches (:func:`helsekg.link.linking.write_links`)."""
        from helsekg.graph.io import from_oxigraph
        from helsekg.link.linking import write_links

        rdf_type = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
        default = ox.DefaultGraph()

        def types(node):
            quads = self.store.quads_for_pattern(ox.NamedNode(str(node)), rdf_type, None, default)
            return [term for _, _, term in from_oxigraph(q.triple for q in quads)]

        return write_links(links, lambda triples: self._add(triples, LINKS_GRAPH), check=check, types=types, triples=True)

    def _rank_links(self) -> None:
        """Set each link's hkg:rank among the links to its recommendation (:func:`helsekg.link.linking.rank_links`).

        A rank depends on the other links to the same recommendation, so it is recomputed over the links graph
        after every change to it (links are few: one pass is cheap); only the ranks that changed are rewritten.
        """
        rank_iri = ox.NamedNode(_HKG + "rank")
        positive = ox.NamedNode("http://www.w3.org/2001/XMLSchema#positiveInteger")
        rows = [(row["l"], row["m"].value, row["r"].value, Decimal(row["score"].value),
                 row["rank"]) for row in self.store.query(_RANKS_QUERY)]
        by_recommendation: dict[str, list] = {}
        for row in rows:
            by_recommendation.setdefault(row[2], []).append(row)
        old, new = [], []
        for group in by_recommendation.values():
            group.sort(key=lambda row: (-row[3], row[1]))
            for rank, (node, _, _, _, current) in enumerate(group, start=1):
                if current is not None and current.value == str(rank):
                    continue
                if current is not None:
                    old += [ox.Quad(node, rank_iri, current, LINKS_GRAPH), ox.Quad(node, rank_iri, current)]
                literal = ox.Literal(str(rank), datatype=positive)
                new += [ox.Quad(node, rank_iri, literal, LINKS_GRAPH), ox.Quad(node, rank_iri, literal)]
        for quad in old:
            self.store.remove(quad)
        if new:
            self.store.extend(new)

    def _unlink(self, measures: Iterable[str], links: Iterable[tuple[str, str]]) -> None:
        """Drop every link of ``measures`` (``links``: their (measure, recommendation) pairs) in one update."""
        from helsekg.link.linking import link_iri

        measures = sorted(set(measures))
        if not measures:
            return
        themes = [row["t"] for row in self.store.query(_LINK_THEMES_QUERY)]
        subjects = ([ox.NamedNode(m) for m in measures] + [ox.NamedNode(str(link_iri(m, r))) for m, r in links]
                    + themes)
        self.store.update(_UNLINK_UPDATE.replace("MEASURES", " ".join(f"<{m}>" for m in measures))
                          .replace("SUBJECTS", " ".join(str(s) for s in subjects)))

    def link_count(self) -> int:
        """Number of measure -> recommendation links in the links graph."""
        return int(next(iter(self.store.query(_LINK_COUNT_QUERY)))["n"].value)

    # the links' state: what they were computed for -------------------------------------------

    def _link_options(self, threshold: float, documents: dict[str, tuple[str, str]] | None = None, *,
                      max_per_measure: int | None = DEFAULT_MAX_PER_MEASURE) -> dict:
        return {"threshold": threshold, "max_per_measure": max_per_measure, "linker": _linker_fingerprint(),
                "documents": _documents_digest(self.documents() if documents is None else documents)}

    def _read_link_state(self) -> dict | None:
        if self.path is None:
            return self._link_state
        try:
            return json.loads((self.path / LINK_STATE).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None

    def _write_link_state(self, state: dict | None) -> None:
        """Record what the links graph was computed for; None: it is stale (a change is under way)."""
        if self.path is None:
            self._link_state = state
            return
        from helsekg.graph.io import atomic_write

        target = self.path / LINK_STATE
        if state is None:
            target.unlink(missing_ok=True)
        else:
            atomic_write(target, (json.dumps(state, sort_keys=True) + "\n").encode("utf-8"))

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
