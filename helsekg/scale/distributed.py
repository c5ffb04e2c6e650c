"""Extraction on a Dask cluster: the same :class:`~helsekg.scale.batch.DocumentResult` stream, run by Dask workers.

:func:`extract_dask` reads each file here, on the client (the reader's checks: missing, folder, type,
size, permissions), and sends the bytes to a worker, which decodes them exactly as
:func:`helsekg.text.reading.read_document` would and extracts, validates and serialises the document. So
the workers need no shared file system, and the output is byte-for-byte that of a single-process
run. Each worker process loads a pipeline once per model and keeps it; results come back in input
order while a bounded number of chunks is in flight, so the client's memory stays flat.

Workers need ``helsekg[dask]`` installed, the same helsekg version as the client (checked on every
chunk, E103), and, when ``model`` is a path, that path. Use one thread per worker process
(``dask worker --nthreads 1 --nworkers N``): a worker runs one chunk at a time.

>>> from distributed import Client                                 # doctest: +SKIP
>>> from helsekg.scale.batch import collect, extract_stream             # doctest: +SKIP
>>> with Client("tcp://10.0.0.5:8786") as client:                 # doctest: +SKIP
...     result = collect(extract_stream(["corpus/"], client=client))
"""

from __future__ import annotations

import gc
import itertools
import threading
import uuid
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from helsekg.api import Failure
from helsekg.errors import DistributedError, HelsekgError
from helsekg.scale.worker import CHUNK_SIZE, DocumentResult, document_results
from helsekg.text.reading import DEFAULT_MAX_BYTES, document_from_bytes, read_bytes

if TYPE_CHECKING:
    from distributed import Client, Future
    from spacy.language import Language

    from helsekg.text.document import Document

__all__ = ["CONNECT_TIMEOUT", "connect", "extract_dask", "require_distributed"]

#: Seconds to wait for a scheduler given by address before giving up (E102).
CONNECT_TIMEOUT = 10.0


def require_distributed() -> None:
    """Raise :class:`~helsekg.errors.DistributedError` E101 unless dask and distributed can be imported."""
    try:
        import distributed  # noqa: F401
    except ImportError:
        raise DistributedError("E101") from None


def connect(scheduler: str, *, timeout: float | None = None) -> Client:
    """A ``distributed.Client`` of the scheduler at ``scheduler`` (``tcp://HOST:PORT``); close it when done.

    Raises:
        DistributedError: E101 dask is not installed, E102 no scheduler answers within ``timeout``
            seconds (:data:`CONNECT_TIMEOUT` by default).
    """
    require_distributed()
    from distributed import Client

    seconds = CONNECT_TIMEOUT if timeout is None else timeout
    try:
        return Client(scheduler, timeout=seconds, set_as_default=False)
    except Exception as err:  # noqa: BLE001 - whatever went wrong, there is no usable scheduler there
        detail = str(err) if isinstance(err, (OSError, ValueError)) else f"{type(err).__name__}: {err}"
    # The half-made Client sits in a reference cycle; left to interpreter exit, its __del__ waits 20 s
    # for an event loop that is gone. Collect it now (and raise outside the except block, so no
    # traceback keeps it alive).
    gc.collect()
    raise DistributedError("E102", address=scheduler, detail=detail[:300])


def extract_dask(files: Iterable[str], *, client: Client | None = None, scheduler: str | None = None,
                 model: str | None = "default", check: bool = True, max_bytes: int | None = None,
                 chunk_size: int = CHUNK_SIZE, max_in_flight: int | None = None,
                 timeout: float | None = None, language: str | None = None) -> Iterator[DocumentResult]:
    """Extract ``files`` on a Dask cluster, yielding one :class:`DocumentResult` per file in input order.

    The results are those of ``helsekg.scale.batch.extract_stream(files=files, jobs=1)``.

    Args:
        files: the files, as given to (or expanded by) :func:`helsekg.scale.batch.extract_stream`.
        client: a ``distributed.Client`` to run on (left open).
        scheduler: or the address of a scheduler to connect to (the client made is closed at the end).
        model: the pipeline each worker loads once: "default", "blank" (or None), or a path on the workers.
        check: validate each document's graph (SHACL + anchors) on the worker.
        max_bytes: size limit per file (the reader's default when None), checked here.
        chunk_size: documents per task.
        max_in_flight: tasks submitted but not yet yielded (default: twice the cluster's threads, at least 2);
            bounds the memory used here and on the workers.
        timeout: seconds to wait for ``scheduler`` (:data:`CONNECT_TIMEOUT` by default).
        language: "nb" or "nn" for every document; None detects it per document.

    Raises:
        DistributedError: E101 dask is not installed, E102 the scheduler cannot be reached,
            E103 a worker runs another helsekg version.
        ValueError: not exactly one of ``client`` and ``scheduler``, or a size below 1.
    """
    if (client is None) == (scheduler is None):
        raise ValueError("give either client (a distributed.Client) or scheduler (an address), not both or neither")
    if chunk_size < 1 or (max_in_flight is not None and max_in_flight < 1):
        raise ValueError(f"chunk_size and max_in_flight must be at least 1, not {chunk_size}, {max_in_flight}")
    require_distributed()
    from helsekg import __version__

    own = None
    if client is None:
        client = own = connect(scheduler, timeout=timeout)  # type: ignore[arg-type]
    pending: deque[_Chunk] = deque()
    try:
        limit = max_in_flight or max(2, 2 * sum(client.nthreads().values()))
        limit_bytes = DEFAULT_MAX_BYTES if max_bytes is None else max_bytes
        run = uuid.uuid4().hex[:8]
        paths = iter(files)
        for index in itertools.count():
            batch = list(itertools.islice(paths, chunk_size))
            if not batch:
                break
            pending.append(_submit(client, batch, key=f"helsekg-extract-{run}-{index}", model=model, check=check,
                                   max_bytes=limit_bytes, version=__version__, language=language))
            if len(pending) >= limit:
                yield from pending.popleft().results()
        while pending:
            yield from pending.popleft().results()
    finally:
        if own is not None:
            own.close()  # cancels what is still running
        else:
            unfinished = [chunk.future for chunk in pending if chunk.future is not None]
            if unfinished:
                client.cancel(unfinished)


# --------------------------------------------------------------------------------------------
# Client side
# --------------------------------------------------------------------------------------------


@dataclass
class _Chunk:
    """A submitted chunk: read failures in place, ``None`` where the worker's result goes."""

    slots: list[DocumentResult | None]
    future: Future | None

    def results(self) -> list[DocumentResult]:
        extracted = iter(self.future.result() if self.future is not None else ())
        self.future = None  # releases the result on the cluster
        return [slot if slot is not None else next(extracted) for slot in self.slots]


def _submit(client: Client, paths: list[str], *, key: str, model: str | None, check: bool, max_bytes: int,
            version: str, language: str | None = None) -> _Chunk:
    slots: list[DocumentResult | None] = []
    items: list[tuple[str, bytes]] = []
    for path in paths:
        try:
            items.append((path, read_bytes(path, max_bytes=max_bytes)))
            slots.append(None)
        except HelsekgError as err:  # as a single-process run reports it
            slots.append(DocumentResult(path, failure=Failure(path, str(err), err.code)))
    if not items:
        return _Chunk(slots, None)
    future = client.submit(_extract_chunk, items, model=model, check=check, version=version, key=key,
                           language=language)
    return _Chunk(slots, future)


# --------------------------------------------------------------------------------------------
# Worker side: one pipeline per model and process, used by one task at a time.
# --------------------------------------------------------------------------------------------

_PIPELINES: dict[str | None, Language] = {}
_LOCK = threading.Lock()


def _pipeline(model: str | None) -> Language:
    key = None if model in (None, "blank") else model
    if key not in _PIPELINES:
        from helsekg.nlp.pipeline import load

        _PIPELINES[key] = load(key)
    return _PIPELINES[key]


def _extract_chunk(items: list[tuple[str, bytes]], *, model: str | None, check: bool,
                   version: str, language: str | None = None) -> list[DocumentResult]:
    """Decode and extract the files of one chunk (runs on a Dask worker)."""
    from helsekg import __version__

    if version != __version__:
        raise DistributedError("E103", worker=__version__, client=version)
    with _LOCK:  # a pipeline is not made for concurrent calls: threads of one worker process take turns
        nlp = _pipeline(model)
        return document_results([_decode(path, data, language) for path, data in items], nlp, check=check)


def _decode(path: str, data: bytes, language: str | None) -> Document | DocumentResult:
    """One file's bytes as a document, or its failure (as :func:`helsekg.scale.batch.extract_stream` reports it)."""
    try:
        return document_from_bytes(data, source=path, language=language)
    except HelsekgError as err:
        return DocumentResult(path, failure=Failure(path, str(err), err.code))
