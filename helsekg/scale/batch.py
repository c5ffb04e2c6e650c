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
from typing import TYPE_CHECKING

from rdflib import Graph

from helsekg.api import BatchResult, Failure, link_graph
from helsekg.errors import HelsekgError
from helsekg.scale.worker import (
    CHUNK_SIZE,
    DocumentResult,
    document_result,
    ntriples_graph,
)
from helsekg.text.reading import Skipped, iter_paths, read_document
from helsekg.validate.report import ValidationReport

if TYPE_CHECKING:
    from distributed import Client

__all__ = ["DocumentResult", "collect", "expand_paths", "extract_stream", "graph_of", "ntriples_graph"]

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
    def skipped(item: Skipped) -> None:
        if item.expected:
            if on_ignored is not None:
                on_ignored(item)
        else:
            on_error(Failure(item.path, str(item), "E003"))

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

    _STATE.update(nlp=load(None if model in (None, "blank") else model), check=check, max_bytes=max_bytes,
                  language=language)


def _process_file(path: str) -> DocumentResult:
    """Read, extract, build, validate and serialise one file, in the worker."""
    max_bytes = _STATE.get("max_bytes")
    options = {} if max_bytes is None else {"max_bytes": max_bytes}
    try:
        document = read_document(path, language=_STATE.get("language"), **options)  # type: ignore[arg-type]
    except HelsekgError as err:
        return DocumentResult(path, failure=Failure(path, str(err), err.code))
    return document_result(document, _STATE["nlp"], check=bool(_STATE["check"]))  # type: ignore[arg-type]


def _process_files(paths: Sequence[str]) -> list[DocumentResult]:
    return [_process_file(p) for p in paths]


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
            for path in files:
                yield _process_file(path)
        finally:
            _STATE.clear()
            _STATE.update(saved)
        return
    chunks = [files[i : i + chunk_size] for i in range(0, len(files), chunk_size)]
    context = mp.get_context("spawn")
    with context.Pool(min(jobs, len(chunks)), initializer=_init_worker,
                      initargs=(model, check, max_bytes, language)) as pool:
        for batch in pool.imap(_process_files, chunks):
            yield from batch


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
    if not check:
        result.report = ValidationReport(conforms=True, triples=len(result.graph))
    return result


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

