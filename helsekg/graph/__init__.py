"""Stage 4, graph: records -> rdflib ``Graph`` under ``ontology/helsekg.ttl``; reading and writing RDF.

- :mod:`helsekg.graph.build`: :func:`build_graph` (the only place instance IRIs are minted);
- :mod:`helsekg.graph.namespace`: the closed ``HKG`` namespace generated from the ontology;
- :mod:`helsekg.graph.prefixes`: the prefixes of every output and query;
- :mod:`helsekg.graph.io`: Oxigraph-backed reading, writing (atomic) and term conversion;
- :mod:`helsekg.graph.ontology`: generating ``namespace.py`` and ``docs/ontology.md`` from the ontology.
"""

from __future__ import annotations

from helsekg._lazy import lazy_exports

__getattr__, __dir__ = lazy_exports(
    __name__,
    {
        "build_graph": "helsekg.graph.build",
        "add_extraction": "helsekg.graph.build",
        "new_graph": "helsekg.graph.build",
        "document_iri": "helsekg.graph.build",
        "read_graph": "helsekg.graph.io",
        "write_graph": "helsekg.graph.io",
        "serialize": "helsekg.graph.io",
        "atomic_write": "helsekg.graph.io",
        "HKG": "helsekg.graph.namespace",
        "ID": "helsekg.graph.namespace",
        "PREFIXES": "helsekg.graph.prefixes",
    },
)
__all__ = ['HKG', 'ID', 'PREFIXES', 'add_extraction', 'atomic_write', 'build_graph', 'document_iri', 'new_graph', 'read_graph', 'serialize', 'write_graph']
