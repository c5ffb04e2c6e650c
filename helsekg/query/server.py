"""A read-only SPARQL 1.1 Protocol endpoint over a helsekg store, and a client for any endpoint.

No Oxigraph server is installable from PyPI here (pyoxigraph has no HTTP server), so :func:`serve`
is a small standard-library ``http.server`` over pyoxigraph, bound to 127.0.0.1:

* ``GET /query?query=...``, ``POST /query`` with ``application/x-www-form-urlencoded`` (``query=...``)
  or ``application/sparql-query``; ``/sparql`` is the same;
* SELECT/ASK results as ``application/sparql-results+json`` (default), ``text/csv`` or
  ``application/sparql-results+xml``, by the Accept header; CONSTRUCT/DESCRIBE as ``text/turtle``
  (default) or ``application/n-triples``;
* the default graph is the union of the named graphs (the set union a GraphStore keeps, or Oxigraph's
  union view for a store of named graphs only); helsekg's prefixes are predeclared;
* updates are refused (405/400).

:func:`query_endpoint` sends a query to any SPARQL 1.1 endpoint (Fuseki, GraphDB, this server) with
urllib and returns a :class:`helsekg.query.sparql.QueryResult`.
"""

from __future__ import annotations

import json
import os
import threading
import urllib.parse
import urllib.request
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pyoxigraph as ox

from helsekg.graph.prefixes import PREFIXES
from helsekg.query.sparql import QueryResult, needs_union

__all__ = ["make_server", "query_endpoint", "serve"]

_SELECT_TYPES = {
    "application/sparql-results+json": ox.QueryResultsFormat.JSON,
    "application/json": ox.QueryResultsFormat.JSON,
    "text/csv": ox.QueryResultsFormat.CSV,
    "text/tab-separated-values": ox.QueryResultsFormat.TSV,
    "application/sparql-results+xml": ox.QueryResultsFormat.XML,
}
_GRAPH_TYPES = {
    "text/turtle": ox.RdfFormat.TURTLE,
    "application/n-triples": ox.RdfFormat.N_TRIPLES,
    "application/ld+json": ox.RdfFormat.JSON_LD,
}


def _choose(accept: str, types: dict, default: str) -> str:
    for part in accept.split(","):
        media = part.split(";")[0].strip().lower()
        if media in types:
            return media
    return default


class _Handler(BaseHTTPRequestHandler):
    server_version = "helsekg-sparql/1"
    store: ox.Store  # set on the subclass made by make_server

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - quiet unless asked
        if getattr(self.server, "verbose", False):
            super().log_message(format, *args)

    def _reply(self, status: int, body: bytes, content_type: str = "text/plain; charset=utf-8") -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Access-Control-Allow-Origin", "*")
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self) -> None:  # noqa: N802
        url = urllib.parse.urlsplit(self.path)
        if url.path not in ("/query", "/sparql"):
            self._reply(404, b"SPARQL endpoint: GET or POST /query\n")
            return
        params = urllib.parse.parse_qs(url.query)
        if "update" in params:
            self._reply(405, b"this endpoint is read-only\n")
            return
        self._run(params.get("query", [""])[0])

    def do_POST(self) -> None:  # noqa: N802
        url = urllib.parse.urlsplit(self.path)
        if url.path not in ("/query", "/sparql"):
            self._reply(404, b"SPARQL endpoint: GET or POST /query\n")
            return
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length).decode("utf-8")
        content_type = (self.headers.get("Content-Type") or "").split(";")[0].strip().lower()
        if content_type == "application/sparql-query":
            self._run(body)
        elif content_type == "application/x-www-form-urlencoded":
            params = urllib.parse.parse_qs(body)
            if "update" in params:
                self._reply(405, b"this endpoint is read-only\n")
                return
            self._run(params.get("query", [""])[0])
        else:
            self._reply(415, b"use application/sparql-query or application/x-www-form-urlencoded\n")

    def _run(self, sparql: str) -> None:
        if not sparql.strip():
            self._reply(400, b"missing query\n")
            return
        accept = self.headers.get("Accept") or ""
        try:
            result = self.store.query(sparql, prefixes=PREFIXES, use_default_graph_as_union=needs_union(self.store))
            if isinstance(result, (ox.QuerySolutions, ox.QueryBoolean)):
                media = _choose(accept, _SELECT_TYPES, "application/sparql-results+json")
                body = result.serialize(format=_SELECT_TYPES[media])
            else:
                media = _choose(accept, _GRAPH_TYPES, "text/turtle")
                body = ox.serialize(result, format=_GRAPH_TYPES[media])
        except SyntaxError as err:
            self._reply(400, f"invalid SPARQL: {err}\n".encode())
            return
        except Exception as err:  # noqa: BLE001 - the HTTP boundary: report, keep serving
            self._reply(500, f"query failed: {err}\n".encode())
            return
        self._reply(200, body, media + ("; charset=utf-8" if media.startswith("text/") else ""))


def make_server(store: ox.Store, *, host: str = "127.0.0.1", port: int = 7878,
                verbose: bool = False) -> ThreadingHTTPServer:
    """An HTTP server answering SPARQL over ``store`` (port 0: any free port; see ``server.server_port``)."""
    handler = type("Handler", (_Handler,), {"store": store})
    server = ThreadingHTTPServer((host, port), handler)
    server.daemon_threads = True
    server.verbose = verbose  # type: ignore[attr-defined]
    return server


def serve(path: str | os.PathLike[str], *, host: str = "127.0.0.1", port: int = 7878, verbose: bool = False,
          ready: threading.Event | None = None) -> None:
    """Serve the store folder ``path`` read-only until interrupted."""
    store = ox.Store.read_only(str(path))
    server = make_server(store, host=host, port=port, verbose=verbose)
    if ready is not None:
        ready.set()
    try:
        server.serve_forever()
    finally:
        server.server_close()


# --------------------------------------------------------------------------------------------
# Client
# --------------------------------------------------------------------------------------------

def _compact(value: str) -> str:
    for prefix, ns in PREFIXES.items():
        if value.startswith(ns):
            return f"{prefix}:{value[len(ns):]}"
    return value


def _binding(cell: dict | None) -> str | None:
    if cell is None:
        return None
    if cell["type"] == "uri":
        return _compact(cell["value"])
    if cell["type"] == "bnode":
        return f"_:{cell['value']}"
    return cell["value"]


def query_endpoint(url: str, sparql: str, *, timeout: float = 60.0, declare_prefixes: bool = True) -> QueryResult:
    """Run ``sparql`` on the SPARQL 1.1 endpoint at ``url`` (POST, form-encoded) and return the result.

    helsekg's prefixes are declared in front of the query unless ``declare_prefixes`` is False, so
    the named queries run on any endpoint. Raises ``OSError`` (``urllib.error.URLError``/``HTTPError``)
    when the endpoint cannot be reached or refuses the query.
    """
    text = sparql
    if declare_prefixes:
        text = "".join(f"PREFIX {p}: <{ns}>\n" for p, ns in PREFIXES.items()) + sparql
    request = urllib.request.Request(
        url, data=urllib.parse.urlencode({"query": text}).encode("utf-8"), method="POST",
        headers={"Content-Type": "application/x-www-form-urlencoded",
                 "Accept": "application/sparql-results+json, application/n-triples;q=0.9, text/turtle;q=0.8"},
    )
    with urllib.request.urlopen(request, timeout=timeout) as response:
        media = (response.headers.get("Content-Type") or "").split(";")[0].strip().lower()
        body = response.read()
    if media in ("application/sparql-results+json", "application/json"):
        data = json.loads(body)
        if "boolean" in data:
            return QueryResult((), (), boolean=bool(data["boolean"]))
        columns = tuple(data["head"].get("vars", []))
        rows = tuple(tuple(_binding(b.get(c)) for c in columns) for b in data["results"]["bindings"])
        return QueryResult(columns, rows)
    fmt = {"application/n-triples": ox.RdfFormat.N_TRIPLES, "text/turtle": ox.RdfFormat.TURTLE}.get(media)
    if fmt is None:
        raise OSError(f"{url}: unexpected answer of type {media!r}")
    from helsekg.query.sparql import term_text

    triples = [(term_text(t.subject), term_text(t.predicate), term_text(t.object)) for t in ox.parse(body, format=fmt)]
    return QueryResult(("subject", "predicate", "object"), tuple(triples))
