"""Stage 6, query: SPARQL through Oxigraph, named queries, summaries, network views, the endpoint.

- :mod:`helsekg.query.sparql`: :func:`query`, :func:`named_query`, :class:`QueryResult`;
- :mod:`helsekg.query.summary`: :func:`summarize`; :mod:`helsekg.query.network`: networkx views;
- :mod:`helsekg.query.server`: the read-only SPARQL endpoint and a client for other endpoints;
- ``helsekg/query/queries/*.rq``: the named queries.
"""

from __future__ import annotations

from helsekg._lazy import lazy_exports

__getattr__, __dir__ = lazy_exports(
    __name__,
    {
        "query": "helsekg.query.sparql",
        "named_query": "helsekg.query.sparql",
        "named_queries": "helsekg.query.sparql",
        "QueryResult": "helsekg.query.sparql",
        "load_store": "helsekg.query.sparql",
        "needs_union": "helsekg.query.sparql",
        "term_text": "helsekg.query.sparql",
        "summarize": "helsekg.query.summary",
        "to_networkx": "helsekg.query.network",
        "actor_centrality": "helsekg.query.network",
        "write_graphml": "helsekg.query.network",
    },
)
__all__ = ['QueryResult', 'actor_centrality', 'load_store', 'named_queries', 'named_query', 'needs_union', 'query', 'summarize', 'term_text', 'to_networkx', 'write_graphml']
