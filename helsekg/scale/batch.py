"""Streaming, parallel extraction: one document at a time, results handed on as they are made.

:func:`extract_stream` never holds more than a few documents (per worker, a chunk) in memory: each
worker process loads the pipeline once, then reads, extracts, builds, validates and serialises one
document after the other and sends back a :class:`DocumentResult` (N-Triples bytes, the validation
report, counts), never a spaCy Doc. Results come back in input order, so a run with ``jobs=4`` gives
the same output as ``jobs=1``.

>>> from helsekg.scale.batch import extract_stream          # doctest: +SKIP
>>> for result in extract_stream(["corpus/"], jobs=2):  # doctest: +SKIP
...     print(result.source, result.triples, result.report.conforms)
"""

from __future__ import annotations

import multiprocessing as mp
import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from rdflib import Graph

from helsekg.api import BatchResult, Failure, link_graph, skip_handler
from helsekg.errors import HelsekgError
from helsekg.scale.worker import (
    CHUNK_SIZE,
    DocumentResult,
    document_results,
    ntriples_graph,
)
from helsekg.text.reading import Skipped, iter_paths, read_document
from helsekg.validate.report import ValidationReport

if TYPE_CHECKING:
    from distributed import Client

    from helsekg.text.document import Document

__all__ = ["DocumentResult", "collect", "collect_to_file", "expand_paths", "extract_stream", "graph_of", "ntriples_graph"]

def graph_of(results: Iterable[DocumentResult]) -> Graph:
    """The union of the documents' graphs (failures skipped)."""
    from helsekg.graph.build import new_graph

    graph = new_graph()
    for result in results:
        if result.ok:
            ntriples_graph(result.ntriples, graph)
    return graph


def expand_paths(paths: Iterable[str | os.PathLike[str]], *, on_error: Callable[[Failure], None],
                 on_ignored: Callable[[Skipped], None] | None = None) -> list[str]:
    """The files under ``paths`` (files and folders), in the reader's order.

    Missing inputs and files of a type helsekg does not read go to ``on_error`` (nothing is dropped
    silently); files left out by design (a folder's README or licence, hidden files) to ``on_ignored``.
    """
    skipped = skip_handler(on_error, on_ignored)

    files: list[str] = []
    for given in paths:
        try:
            files.extend(str(p) for p in iter_paths([given], on_skip=skipped))
        except HelsekgError as err:
            on_error(Failure(os.fspath(given), str(err), err.code))
    return files


# --------------------------------------------------------------------------------------------
# Worker side: the pipeline is loaded once per process by the pool's initializer.
# --------------------------------------------------------------------------------------------

_STATE: dict[str, object] = {}


def _init_worker(model: str | None, check: bool, max_bytes: int | None, language: str | None = None) -> None:
    from helsekg.nlp.pipeline import load

    if mp.parent_process() is not None:  # a pool worker: Ctrl-C is for the main process, which stops the pool
        import signal

        signal.signal(signal.SIGINT, signal.SIG_IGN)
    _STATE.update(nlp=load(None if model in (None, "blank") else model), check=check, max_bytes=max_bytes,
                  language=language, worker=mp.parent_process() is not None)


#: Fault injection for tests (issue 17): a worker kills itself with SIGKILL on a file whose name ends with this.
FAULT_KILL_ENV = "HELSEKG_FAULT_KILL_WORKER"


def _read_file(path: str) -> Document | DocumentResult:
    """One file read in the worker, or its failure."""
    fault = os.environ.get(FAULT_KILL_ENV)
    if fault and path.endswith(fault) and _STATE.get("worker"):
        import signal

        os.kill(os.getpid(), signal.SIGKILL)
    max_bytes = _STATE.get("max_bytes")
    options = {} if max_bytes is None else {"max_bytes": max_bytes}
    try:
        return read_document(path, language=_STATE.get("language"), **options)  # type: ignore[arg-type]
    except HelsekgError as err:
        return DocumentResult(path, failure=Failure(path, str(err), err.code))


def section_progress(source: str) -> Callable[[int, int], None]:
    """A progress callback that shows a bar (characters) for a document long enough to be parsed in sections.

    The bar appears only on a terminal (``tqdm(disable=None)``) and only for documents of more than one
    section; it is removed when the document is done. Short documents cost one comparison.
    """
    from helsekg.nlp.sections import DEFAULT_SECTION_CHARS

    bar = None

    def update(done: int, total: int) -> None:
        nonlocal bar
        if total <= DEFAULT_SECTION_CHARS:
            return
        if bar is None:
            from tqdm import tqdm

            bar = tqdm(total=total, unit="char", unit_scale=True, desc=os.path.basename(source), leave=False,
                       disable=None)
        bar.update(done - bar.n)
        if done >= total:
            bar.close()

    return update


def _process_files(paths: Sequence[str]) -> list[DocumentResult]:
    """A chunk of files, in the worker: read, then extracted together (:func:`helsekg.scale.worker.document_results`)."""
    return document_results([_read_file(p) for p in paths], _STATE["nlp"],  # type: ignore[arg-type]
                            check=bool(_STATE["check"]), progress=section_progress)


def extract_stream(paths: Iterable[str | os.PathLike[str]], *, jobs: int = 1, model: str | None = "default",
                   check: bool = True, max_bytes: int | None = None, chunk_size: int = CHUNK_SIZE,
                   files: Sequence[str] | None = None, client: Client | None = None,
                   scheduler: str | None = None, language: str | None = None,
                   on_ignored: Callable[[Skipped], None] | None = None) -> Iterator[DocumentResult]:
    """Extract every file under ``paths``, yielding one :class:`DocumentResult` per file in input order.

    Args:
        paths: files and folders (a missing path is yielded as a failure).
        jobs: worker processes; 1 runs in this process.
        model: the pipeline each worker loads: "default", "blank" (or None), or a path.
        check: validate each document's graph (SHACL + anchors) in the worker.
        max_bytes: size limit per file (the reader's default when None).
        chunk_size: documents a worker takes at a time.
        files: the files to process, already expanded (``paths`` is then ignored).
        client: a ``distributed.Client``: run on its Dask cluster instead of local processes
            (:func:`helsekg.scale.distributed.extract_dask`; needs ``helsekg[dask]``).
        scheduler: the address of a Dask scheduler to connect to instead (``tcp://HOST:PORT``).
        language: "nb" or "nn" for every document (no language detection); None detects it per document.

        on_ignored: called with each file under ``paths`` left out by design (a folder's README or
            licence, hidden files). Files of a type helsekg does not read are yielded as failures (E003).

    The cross-document links (:func:`helsekg.api.link_graph`) need every document, so they are not
    made here; :func:`collect` or :meth:`helsekg.scale.store.GraphStore.sync` add them.
    """
    if jobs < 1:
        raise ValueError(f"jobs must be at least 1, not {jobs}")
    on_cluster = client is not None or scheduler is not None
    if on_cluster:
        from helsekg.scale.distributed import extract_dask, require_distributed

        if jobs != 1:
            raise ValueError("jobs is for local processes; with a Dask client or scheduler the cluster's workers run")
        require_distributed()
    if files is None:
        missing: list[Failure] = []
        files = expand_paths(paths, on_error=missing.append, on_ignored=on_ignored)
        for failure in missing:
            yield DocumentResult(failure.source, failure=failure)
    if not files:
        return
    if on_cluster:
        yield from extract_dask(files, client=client, scheduler=scheduler, model=model, check=check,
                                max_bytes=max_bytes, chunk_size=chunk_size, language=language)
        return
    if jobs == 1:
        saved = dict(_STATE)
        _init_worker(model, check, max_bytes, language)
        try:
            for i in range(0, len(files), chunk_size):  # a chunk at a time: its short texts share the pipeline
                yield from _process_files(list(files[i : i + chunk_size]))
        finally:
            _STATE.clear()
            _STATE.update(saved)
        return
    chunks = [list(files[i : i + chunk_size]) for i in range(0, len(files), chunk_size)]
    yield from _pool_results(chunks, min(jobs, len(chunks)), (model, check, max_bytes, language))


class _Pool:
    """A spawn ProcessPoolExecutor that remembers its worker processes, to say how one died."""

    def __init__(self, workers: int, initargs: tuple) -> None:
        from concurrent.futures import ProcessPoolExecutor

        self.executor = ProcessPoolExecutor(workers, mp_context=mp.get_context("spawn"), initializer=_init_worker,
                                            initargs=initargs)
        self.processes: dict[int, mp.process.BaseProcess] = {}

    def submit(self, chunk: list[str]):
        future = self.executor.submit(_process_files, chunk)
        self.processes.update(getattr(self.executor, "_processes", None) or {})  # spawned on submit
        return future

    def death(self, *, wait: float = 10.0) -> str:
        """Why a worker died, from its exit code: "signal 9, e.g. out of memory", "exit code 3".

        The broken pool terminates its other workers (SIGTERM), so a worker that died otherwise is the cause and
        is named first; exit codes are polled for up to ``wait`` seconds, as a loaded machine may reap the dead
        worker after the pool reports it broken.
        """
        import signal
        import time

        deadline = time.monotonic() + wait
        while True:
            codes = []
            for process in self.processes.values():
                process.join(timeout=0.1)
                codes.append(process.exitcode)
            dead = [c for c in codes if c not in (None, 0)]
            cause = [c for c in dead if c != -signal.SIGTERM]
            if cause or (dead and None not in codes) or time.monotonic() > deadline:
                break
        code = (cause or dead or [None])[0]
        if code is not None and code < 0:
            name = signal.Signals(-code).name if -code in signal.Signals._value2member_map_ else "?"
            hint = ", e.g. out of memory" if -code == signal.SIGKILL else ""
            return f"signal {-code} ({name}{hint})"
        if code is not None:
            return f"exit code {code}"
        return "it was terminated abruptly"

    def close(self, *, wait: bool = True) -> None:
        self.executor.shutdown(wait=wait, cancel_futures=True)


def _died(path: str, reason: str) -> DocumentResult:
    from helsekg.errors import InputError

    err = InputError("E013", path, detail=reason)
    return DocumentResult(path, failure=Failure(path, str(err), err.code))


def _pool_results(chunks: list[list[str]], workers: int, initargs: tuple) -> Iterator[DocumentResult]:
    """The results of ``chunks`` run on ``workers`` processes, in input order, surviving dead workers.

    A worker that dies (killed by the out-of-memory killer, a segfault in a native library) breaks the
    pool: every chunk in flight is lost. Those done are kept; the others run again one document at a time
    in a fresh one-worker pool, so the document that kills its worker again is named as a failure (E013)
    with the reason, and the batch goes on in a fresh pool with the rest (issue 17).
    """
    from collections import deque
    from concurrent.futures.process import BrokenProcessPool

    todo = deque(chunks)
    window: deque = deque()
    pool: _Pool | None = None
    try:
        while todo or window:
            if pool is None:
                pool = _Pool(workers, initargs)
            while todo and len(window) < 2 * workers:
                chunk = todo.popleft()
                window.append((chunk, pool.submit(chunk)))
            chunk, future = window.popleft()
            try:
                batch = future.result()
            except BrokenProcessPool:
                reason = pool.death()
                lost = [(chunk, future), *window]
                window.clear()
                pool.close()
                pool = None
                for lost_chunk, lost_future in lost:
                    if lost_future.done() and not lost_future.cancelled() and lost_future.exception() is None:
                        yield from lost_future.result()
                    else:
                        yield from _isolated(lost_chunk, initargs, reason)
                continue
            yield from batch
    finally:
        if pool is not None:
            pool.close(wait=False)


def _isolated(files: list[str], initargs: tuple, reason: str) -> Iterator[DocumentResult]:
    """Run ``files`` one at a time in a one-worker pool; a file whose worker dies is a failure."""
    from concurrent.futures.process import BrokenProcessPool

    pool = _Pool(1, initargs)
    try:
        for path in files:
            try:
                yield from pool.submit([path]).result()
            except BrokenProcessPool:
                yield _died(path, pool.death() or reason)
                pool.close()
                pool = _Pool(1, initargs)
    finally:
        pool.close(wait=False)


def collect(results: Iterable[DocumentResult], *, check: bool = True,
            link_threshold: float | None = 0.25) -> BatchResult:
    """Merge streamed results into a :class:`helsekg.api.BatchResult`, like :func:`helsekg.api.extract_paths`.

    Holds the merged graph (not the documents) in memory; use :class:`helsekg.scale.store.GraphStore` for
    corpora whose graph does not fit.
    """
    from helsekg.graph.build import new_graph

    result = BatchResult(graph=new_graph())
    for item in results:
        if item.failure is not None:
            result.failures.append(item.failure)
            continue
        ntriples_graph(item.ntriples, result.graph)
        result.documents.append(item.source)
        if item.report is not None:
            result.report = result.report.merge(item.report)
    if link_threshold is not None:
        link_graph(result, threshold=link_threshold, check=check)
    from helsekg.graph.labels import canonical_labels  # one skos:prefLabel per node and language (issue 15)

    canonical_labels(result.graph)
    if not check:
        result.report = ValidationReport(conforms=True, triples=len(result.graph))
    return result


#: The temporary store of :func:`collect_to_file` takes the documents' N-Triples this many at a time, in one
#: bulk load (issue 18: 0.55 s for 200 documents, against 1.4 s for one transactional load each).
LOAD_EVERY = 50
#: N-Triples lines sorted in memory before they go to a run file on disk (:class:`_SortedLines`).
SORT_RUN_BYTES = 64 << 20


class _SortedLines:
    """The distinct lines of many N-Triples chunks, sorted: an external merge sort (memory stays flat).

    Lines are sorted as bytes, which is the order of :func:`helsekg.graph.io.serialize` (code points of
    the triple's N-Triples form: UTF-8 keeps it, and the " ." after a term sorts before whatever would
    continue it).
    """

    def __init__(self, folder: str, *, run_bytes: int = SORT_RUN_BYTES) -> None:
        self.folder = folder
        self.run_bytes = run_bytes
        self.lines: list[bytes] = []
        self.size = 0
        self.runs: list[str] = []

    def add(self, ntriples: bytes) -> None:
        for line in ntriples.splitlines():
            if line.strip() and not line.startswith(b"#"):
                self.lines.append(line.rstrip() + b"\n")
                self.size += len(line) + 50  # + the list slot and bytes object
        if self.size >= self.run_bytes:
            self._spill()

    def _spill(self) -> None:
        path = os.path.join(self.folder, f"run-{len(self.runs)}.nt")
        with open(path, "wb") as handle:
            handle.writelines(sorted(set(self.lines)))
        self.runs.append(path)
        self.lines, self.size = [], 0

    def write(self, handle) -> int:
        """Write the sorted distinct lines to ``handle``; returns how many."""
        import heapq

        if not self.runs:
            merged = iter(sorted(set(self.lines)))
        else:
            if self.lines:
                self._spill()
            files = [open(path, "rb") for path in self.runs]  # noqa: SIM115 - closed below
            merged = heapq.merge(*files)
        count, last = 0, None
        try:
            for line in merged:
                if line != last:
                    handle.write(line)
                    count += 1
                    last = line
        finally:
            if self.runs:
                for f in files:
                    f.close()
        return count


class _FileBatchResult(BatchResult):
    """A :class:`~helsekg.api.BatchResult` whose ``graph`` is read from the file written, when first asked for."""

    def __init__(self, path: os.PathLike[str] | str, fmt: str | None, **fields) -> None:
        self._graph: Graph | None = None
        super().__init__(graph=None, **fields)  # type: ignore[arg-type]
        self.path, self.fmt = path, fmt
        self.triples = 0

    @property  # type: ignore[override]
    def graph(self) -> Graph:
        if self._graph is None:
            from helsekg.graph.io import read_graph

            self._graph = read_graph(self.path, format=self.fmt)
        return self._graph

    @graph.setter
    def graph(self, value: Graph | None) -> None:
        self._graph = value


def collect_to_file(results: Iterable[DocumentResult], output: str | os.PathLike[str], *, format: str | None = None,
                    check: bool = True, link_threshold: float | None = 0.25) -> BatchResult:
    """:func:`collect` straight into the file ``output`` (written atomically), with memory flat in the corpus.

    The documents' triples go into a temporary on-disk Oxigraph store (for the links and the preferred
    labels, which need the whole corpus) and, as N-Triples lines, into an on-disk merge sort, so the file
    holds the triples :func:`collect` would give, in the order :func:`helsekg.graph.io.write_graph` writes them
    (the literals as the documents wrote them: a store would give canonical forms). JSON-LD is compacted by
    rdflib, so for it the graph is built in memory. The result's ``graph`` is read from ``output`` when
    first used; ``triples`` is the number of triples written.
    """
    import shutil
    import tempfile

    import pyoxigraph as ox

    from helsekg.graph.io import atomic_write_from, format_for, to_oxigraph
    from helsekg.graph.labels import store_label_triples

    fmt = format_for(output, format)
    result = _FileBatchResult(output, format)
    with tempfile.TemporaryDirectory(prefix="helsekg-collect-") as tmp:
        store = ox.Store(os.path.join(tmp, "store"))
        lines = _SortedLines(tmp)
        pending: list[bytes] = []  # N-Triples not yet in the store (the documents' IRIs name no blank node)
        for item in results:
            if item.failure is not None:
                result.failures.append(item.failure)
                continue
            pending.append(item.ntriples)
            lines.add(item.ntriples)
            result.documents.append(item.source)
            if item.report is not None:
                result.report = result.report.merge(item.report)
            if len(pending) == LOAD_EVERY:
                store.bulk_load(b"".join(pending), format=ox.RdfFormat.N_TRIPLES)
                pending.clear()
        if pending:
            store.bulk_load(b"".join(pending), format=ox.RdfFormat.N_TRIPLES)
        pending.clear()  # the last batch's bytes are not held through the linking and the sort

        def add(triples: list[ox.Triple]) -> None:
            store.extend(ox.Quad(t.subject, t.predicate, t.object) for t in triples)
            lines.add(ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES))

        if link_threshold is not None:
            result.report = result.report.merge(_link_store(store, add, threshold=link_threshold, check=check))
        labels = to_oxigraph(store_label_triples(store))  # one skos:prefLabel per node and language (issue 15)
        lines.add(ox.serialize(labels, format=ox.RdfFormat.N_TRIPLES))
        fd, sorted_path = tempfile.mkstemp(prefix="helsekg-out-", suffix=".nt", dir=tmp)
        with os.fdopen(fd, "wb") as handle:
            result.triples = lines.write(handle)
        fd, final = tempfile.mkstemp(prefix="helsekg-out-", suffix=Path(output).suffix or ".ttl")  # kept on E401
        os.close(fd)
        try:
            _convert(sorted_path, final, fmt)
            atomic_write_from(output, final)
        except BaseException as err:
            if not getattr(err, "fallback", None):
                Path(final).unlink(missing_ok=True)
            raise
        Path(final).unlink(missing_ok=True)
        shutil.rmtree(tmp, ignore_errors=True)
    if not check:
        result.report = ValidationReport(conforms=True, triples=result.triples)
    return result


def _convert(ntriples: str, target: str, fmt) -> None:
    """Write the sorted N-Triples file ``ntriples`` to ``target`` in ``fmt`` as :func:`helsekg.graph.io.serialize`
    would write the graph, streaming (JSON-LD: through an rdflib graph)."""
    import shutil

    import pyoxigraph as ox

    from helsekg.graph.build import new_graph
    from helsekg.graph.io import serialize

    if fmt == ox.RdfFormat.N_TRIPLES:
        shutil.copyfile(ntriples, target)
        return
    if fmt == ox.RdfFormat.JSON_LD:
        graph = ntriples_graph(Path(ntriples).read_bytes())
        Path(target).write_bytes(serialize(graph, fmt))
        return
    triples = ox.parse(path=ntriples, format=ox.RdfFormat.N_TRIPLES)
    if fmt == ox.RdfFormat.N_QUADS:
        triples = (ox.Quad(t.subject, t.predicate, t.object) for t in triples)
    with open(target, "wb") as handle:
        if fmt in (ox.RdfFormat.TURTLE, ox.RdfFormat.TRIG):
            prefixes = {p: str(ns) for p, ns in new_graph().namespaces() if p}
            ox.serialize(triples, handle, format=fmt, prefixes=prefixes)
        else:
            ox.serialize(triples, handle, format=fmt)


def _link_store(store, add: Callable[[list], None], *, threshold: float, check: bool) -> ValidationReport:
    """:func:`helsekg.api.link_graph` on an Oxigraph store: the links written through ``add`` (a batch of Oxigraph
    triples at a time), validated."""
    import pyoxigraph as ox

    from helsekg.graph.io import from_oxigraph
    from helsekg.link.linking import link_measures, write_links

    rdf_type = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")

    def types(node):
        quads = store.quads_for_pattern(ox.NamedNode(str(node)), rdf_type, None, ox.DefaultGraph())
        return [term for _, _, term in from_oxigraph(q.triple for q in quads)]

    _, report = write_links(link_measures(store, threshold=threshold), add, check=check, types=types, triples=True)
    return report


def progress_bar(results: Iterable[DocumentResult], *, total: int | None = None,
                 disable: bool | None = None) -> Iterator[DocumentResult]:
    """Wrap a result stream in a tqdm bar on stderr showing documents/s and words/s."""
    import sys
    import time

    from tqdm import tqdm

    words = 0
    start = time.perf_counter()
    with tqdm(total=total, desc="extracting", unit="doc", file=sys.stderr, disable=disable) as bar:
        for result in results:
            words += result.words
            bar.update(1)
            elapsed = max(time.perf_counter() - start, 1e-9)
            bar.set_postfix_str(f"{words / elapsed:,.0f} words/s", refresh=False)
            yield result


def count_files(paths: Iterable[str | os.PathLike[str]]) -> int:
    """How many files :func:`extract_stream` will read under ``paths`` (for a progress total)."""
    return len(expand_paths(paths, on_error=lambda failure: None))

