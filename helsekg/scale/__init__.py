"""Stage 9, scale: streaming and parallel extraction, Dask, and the on-disk store.

- :mod:`helsekg.scale.worker`: the per-document unit of work, shared by every way of running it;
- :mod:`helsekg.scale.batch`: :func:`extract_stream` with ``jobs`` local worker processes;
- :mod:`helsekg.scale.distributed`: the same on a Dask cluster;
- :mod:`helsekg.scale.store`: :class:`GraphStore`, one named graph per document, incremental sync.
"""

from __future__ import annotations

from helsekg._lazy import lazy_exports

__getattr__, __dir__ = lazy_exports(
    __name__,
    {
        "extract_stream": "helsekg.scale.batch",
        "collect": "helsekg.scale.batch",
        "DocumentResult": "helsekg.scale.worker",
        "document_result": "helsekg.scale.worker",
        "extract_dask": "helsekg.scale.distributed",
        "GraphStore": "helsekg.scale.store",
        "SyncReport": "helsekg.scale.store",
    },
)
__all__ = ['DocumentResult', 'GraphStore', 'SyncReport', 'collect', 'document_result', 'extract_dask', 'extract_stream']
