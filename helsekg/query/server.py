"""A read-only SPARQL 1.1 endpoint over a helsekg store or RDF file (the Oxigraph server), and a client.

:class:`Endpoint` runs the real Oxigraph server (``oxigraph serve-read-only`` from the PyPI package
``oxigraph``: SPARQL 1.1 Protocol, its query UI) on an internal loopback port and puts a small
standard-library proxy in front of it, bound to 127.0.0.1 by default, that closes what the server leaves
open:

* **no other URLs fetched**: a query with a ``SERVICE`` clause is refused (400) before it reaches
  Oxigraph, which would otherwise fetch the service URL and relay the answer (:func:`check_query`);
* **DNS rebinding**: a request whose ``Host`` header is not the bound address or a loopback name
  (``localhost``, ``127.0.0.1``, ``::1``) with the right port is refused (421);
* **no CORS** by default (no ``Access-Control-Allow-Origin``; Oxigraph's own ``--cors`` would send ``*``);
  ``cors=ORIGIN`` allows that one origin;
* **limits**: request bodies over ``max_body`` (1 MiB) are refused (413, chunked bodies 411); a query
  runs at most ``timeout`` seconds (Oxigraph's ``--timeout-s``, and a deadline in the proxy: 504); an idle
  or slow client connection is closed after 10 s; answers over ``max_result`` are refused (507);
* **read-only, few routes**: ``GET``/``POST /query`` (``/sparql`` is the same) and ``GET`` of the UI
  (``/``, its script, style and logo); updates, the Graph Store protocol and other methods are refused.

helsekg's prefixes are declared in front of every query. The default graph is the store's default graph
(a GraphStore keeps the union of its document graphs there), or the union of the named graphs for a store
or file (.nq, .trig) of named graphs only.

:func:`query_endpoint` sends a query to any SPARQL 1.1 endpoint (Fuseki, GraphDB, this server) with
urllib and returns a :class:`helsekg.query.sparql.QueryResult`.
"""

from __future__ import annotations

import http.client
import json
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
import urllib.request
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pyoxigraph as ox

from helsekg.graph.prefixes import PREFIXES
from helsekg.query.sparql import QueryResult, needs_union

__all__ = ["Endpoint", "RefusedQuery", "check_query", "oxigraph_binary", "query_endpoint", "serve"]

#: The Oxigraph server's own pages: its query UI (YASGUI, served by the binary itself, no CDN) and the endpoints.
UI_PATHS = frozenset({"/", "/yasgui.min.css", "/yasgui.min.js", "/logo.svg"})
QUERY_PATHS = frozenset({"/query", "/sparql"})
#: oxigraph's answer body when it cancels a query at its ``--timeout-s`` (after a 200 status line)
_CANCELLED = b"The SPARQL operation has been cancelled"
_FORWARDED_HEADERS = ("Content-Disposition", "Cache-Control")
_LOOPBACK = ("localhost", "127.0.0.1", "::1")
# strings, IRIs and comments: where the word SERVICE may stand without being the keyword
_NOT_CODE_RE = re.compile(
    r"'''.*?'''|\"\"\".*?\"\"\"|'(?:[^'\\\n]|\\.)*'|\"(?:[^\"\\\n]|\\.)*\"|<[^<>\"{}|^`\\\x00-\x20]*>|#[^\n]*",
    re.DOTALL,
)
_SERVICE_RE = re.compile(r"(?<![\w?$:])service", re.IGNORECASE)
_ESCAPE_RE = re.compile(r"\\u([0-9A-Fa-f]{4})|\\U([0-9A-Fa-f]{8})")


class RefusedQuery(ValueError):
    """A query the endpoint will not run (a SERVICE clause: the server never fetches other URLs)."""


def check_query(sparql: str) -> str:
    """Return ``sparql`` if the endpoint may run it; raise :class:`RefusedQuery` for a SERVICE clause.

    The check is deliberately stricter than the grammar: after removing strings, IRIs and comments
    (and decoding ``\\u`` escapes), any word starting with "service" that is not a variable or the local
    part of a prefixed name is refused.

    >>> check_query('SELECT * WHERE { ?s rdfs:comment "a public service" } # no SERVICE here')[:8]
    'SELECT *'
    >>> check_query("SELECT * WHERE { SERVICE <http://example.org/sparql> { ?s ?p ?o } }")
    Traceback (most recent call last):
    ...
    helsekg.query.server.RefusedQuery: SERVICE (federated query) is not allowed on this endpoint
    """
    decoded = _ESCAPE_RE.sub(lambda m: chr(int(m.group(1) or m.group(2), 16)) if int(m.group(1) or m.group(2), 16)
                             < 0x110000 else " ", sparql)
    if _SERVICE_RE.search(_NOT_CODE_RE.sub(" ", decoded)):
        raise RefusedQuery("SERVICE (federated query) is not allowed on this endpoint")
    return sparql


def oxigraph_binary() -> str:
    """Path of the ``oxigraph`` server (the PyPI package ``oxigraph``, installed next to this Python)."""
    found = shutil.which("oxigraph") or shutil.which("oxigraph", path=os.path.dirname(sys.executable))
    if found is None:
        raise FileNotFoundError("the Oxigraph server is not installed: pip install oxigraph")
    return found


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class _Proxy(BaseHTTPRequestHandler):
    """The hardening layer in front of oxigraph: Host check, no CORS, body cap, SERVICE refused, deadline."""

    server_version = "helsekg-sparql/2"
    protocol_version = "HTTP/1.1"
    endpoint: Endpoint  # set on the subclass made by Endpoint.start
    timeout = 10.0  # idle/read timeout of a client connection (seconds; StreamRequestHandler applies it)

    def log_message(self, format: str, *args: object) -> None:
        if self.endpoint.verbose:
            super().log_message(format, *args)

    def _reply(self, status: int, body: bytes, content_type: str = "text/plain; charset=utf-8",
               headers: tuple[tuple[str, str], ...] = ()) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("X-Content-Type-Options", "nosniff")
        for name, value in headers:
            self.send_header(name, value)
        if self.endpoint.cors:
            self.send_header("Access-Control-Allow-Origin", self.endpoint.cors)
            self.send_header("Vary", "Origin")
        if status >= 400:
            self.close_connection = True
            self.send_header("Connection", "close")
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def _host_ok(self) -> bool:
        host = (self.headers.get("Host") or "").strip().lower()
        if host.startswith("["):
            name, _, rest = host[1:].partition("]")
            port = rest[1:] if rest.startswith(":") else ""
        else:
            name, _, port = host.partition(":")
        return name in self.endpoint.allowed_hosts and port in ("", str(self.endpoint.port))

    def _gate(self) -> urllib.parse.SplitResult | None:
        url = urllib.parse.urlsplit(self.path)
        if not self._host_ok():
            self._reply(421, b"unknown Host header: use the address the server is bound to\n")
            return None
        return url

    def do_GET(self) -> None:
        url = self._gate()
        if url is None:
            return
        if url.path in UI_PATHS:
            self._forward("GET", url.path, b"", {})
        elif url.path in QUERY_PATHS:
            params = urllib.parse.parse_qs(url.query)
            if not url.query:
                self._forward("GET", "/", b"", {})  # the endpoint URL opened in a browser: the query UI
            else:
                self._query(params)
        else:
            self._reply(404, b"SPARQL endpoint: GET or POST /query; query UI: GET /\n")

    do_HEAD = do_GET

    def do_POST(self) -> None:
        url = self._gate()
        if url is None:
            return
        if url.path not in QUERY_PATHS:
            self._reply(404 if url.path not in UI_PATHS else 405, b"SPARQL endpoint: POST /query\n")
            return
        if self.headers.get("Transfer-Encoding"):
            self._reply(411, b"send the body with a Content-Length\n")
            return
        try:
            length = int(self.headers.get("Content-Length") or 0)
        except ValueError:
            length = -1
        if length < 0:
            self._reply(400, b"bad Content-Length\n")
            return
        if length > self.endpoint.max_body:
            self._reply(413, f"request body over {self.endpoint.max_body} bytes\n".encode())
            return
        body = self.rfile.read(length).decode("utf-8", "replace")
        params = urllib.parse.parse_qs(url.query)
        content_type = (self.headers.get("Content-Type") or "").split(";")[0].strip().lower()
        if content_type == "application/sparql-query":
            params["query"] = [body]
        elif content_type == "application/x-www-form-urlencoded":
            for key, values in urllib.parse.parse_qs(body).items():
                params.setdefault(key, []).extend(values)
        elif content_type == "application/sparql-update":
            self._reply(405, b"this endpoint is read-only\n")
            return
        else:
            self._reply(415, b"use application/sparql-query or application/x-www-form-urlencoded\n")
            return
        self._query(params)

    def do_OPTIONS(self) -> None:
        if self._gate() is None:
            return
        if not self.endpoint.cors:
            self._reply(405, b"cross-origin requests are not enabled (helsekg serve --cors ORIGIN)\n")
            return
        self._reply(204, b"", headers=(("Access-Control-Allow-Methods", "GET, POST"),
                                        ("Access-Control-Allow-Headers", "Content-Type, Accept")))

    def _refuse_method(self) -> None:
        self._reply(405, b"only GET and POST are allowed\n")

    do_PUT = do_DELETE = do_PATCH = _refuse_method

    def _query(self, params: dict[str, list[str]]) -> None:
        if "update" in params:
            self._reply(405, b"this endpoint is read-only\n")
            return
        queries = params.get("query", [])
        if len(queries) != 1 or not queries[0].strip():
            self._reply(400, b"give exactly one query\n")
            return
        try:
            check_query(queries[0])
        except RefusedQuery as err:
            self._reply(400, f"{err}\n".encode())
            return
        text = self.endpoint.prologue + queries[0]
        dataset = [(k, v) for k in ("default-graph-uri", "named-graph-uri") for v in params.get(k, [])]
        path = "/query" + ("?" + urllib.parse.urlencode(dataset) if dataset else "")
        headers = {"Content-Type": "application/sparql-query; charset=utf-8",
                   "Accept": self.headers.get("Accept") or "*/*"}
        self._forward("POST", path, text.encode("utf-8"), headers)

    def _forward(self, method: str, path: str, body: bytes, headers: dict[str, str]) -> None:
        """Send the request to oxigraph; answer with its whole reply, or 504 when the deadline passes."""
        deadline = time.monotonic() + self.endpoint.timeout + 1
        connection = http.client.HTTPConnection("127.0.0.1", self.endpoint.internal_port,
                                                timeout=self.endpoint.timeout + 1)
        try:
            connection.request(method, path, body=body or None, headers=headers)
            response = connection.getresponse()
            chunks, size = [], 0
            while True:
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    raise TimeoutError
                connection.sock.settimeout(remaining)
                chunk = response.read1(65536)
                if not chunk:
                    break
                size += len(chunk)
                if size > self.endpoint.max_result:
                    self._reply(507, b"the result is too large: add a LIMIT\n")
                    return
                chunks.append(chunk)
            data = b"".join(chunks)
        except TimeoutError:
            self._reply(504, f"query timed out after {self.endpoint.timeout:g} s\n".encode())
            return
        except (OSError, http.client.HTTPException) as err:
            self._reply(502, f"the SPARQL engine did not answer: {err}\n".encode())
            return
        finally:
            connection.close()
        if data.endswith(_CANCELLED):
            self._reply(504, f"query timed out after {self.endpoint.timeout:g} s\n".encode())
            return
        status = min(500, response.status)
        forwarded = tuple((name, response.headers[name]) for name in _FORWARDED_HEADERS if response.headers[name])
        self._reply(status, data, response.headers.get("Content-Type") or "application/octet-stream", forwarded)


class Endpoint:
    """The Oxigraph server (``oxigraph serve-read-only``) on an internal loopback port, behind :class:`_Proxy`.

    Use as a context manager or call :meth:`start` and :meth:`stop`::

        with Endpoint("out/store", port=0) as endpoint:
            query_endpoint(endpoint.url, "ASK { ?s ?p ?o }")

    Args:
        source: a store folder (made by ``helsekg extract --store``; served read-only in place) or an RDF
            file (.ttl, .nt, .nq, .trig, .rdf, .jsonld: loaded into a temporary store first).
        host: address to bind (127.0.0.1 by default); port: its port (0: any free port).
        timeout: seconds a query may run (oxigraph's ``--timeout-s``; the proxy answers 504).
        max_body: largest request body accepted (bytes; 413 above).
        cors: an origin allowed to read answers cross-site (``Access-Control-Allow-Origin``); none by default.
        allowed_hosts: Host header names accepted besides the bound address and loopback names.
        idle_timeout: seconds a client connection may stay silent (idle keep-alive or a slow request) before
            it is closed.
    """

    def __init__(self, source: str | os.PathLike[str], *, host: str = "127.0.0.1", port: int = 7878,
                 timeout: float = 30.0, max_body: int = 1 << 20, max_result: int = 256 << 20,
                 cors: str | None = None, allowed_hosts: tuple[str, ...] = (), verbose: bool = False,
                 declare_prefixes: bool = True, idle_timeout: float = 10.0) -> None:
        self.source = Path(source)
        self.host, self.port = host, port
        self.timeout, self.max_body, self.max_result = timeout, max_body, max_result
        self.cors, self.verbose, self.idle_timeout = cors, verbose, idle_timeout
        self.allowed_hosts = frozenset({host.strip("[]").lower(), *_LOOPBACK, *(h.lower() for h in allowed_hosts)})
        self.prologue = "".join(f"PREFIX {p}: <{ns}>\n" for p, ns in PREFIXES.items()) if declare_prefixes else ""
        self.internal_port = 0
        self.process: subprocess.Popen | None = None
        self.httpd: ThreadingHTTPServer | None = None
        self._tmp: tempfile.TemporaryDirectory | None = None
        self._thread: threading.Thread | None = None

    @property
    def url(self) -> str:
        """The SPARQL endpoint's URL."""
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"http://{host}:{self.port}/query"

    def _location(self) -> tuple[Path, bool]:
        """The store folder to serve and whether its default graph must be the union of the named graphs."""
        if self.source.is_dir():
            store = ox.Store.read_only(str(self.source))
            union = needs_union(store)
            del store
            return self.source, union
        self._tmp = tempfile.TemporaryDirectory(prefix="helsekg-serve-")
        location = Path(self._tmp.name) / "store"
        run = subprocess.run([oxigraph_binary(), "load", "--location", str(location), "--file", str(self.source)],
                             capture_output=True, text=True, timeout=3600, check=False)
        if run.returncode != 0:
            raise ValueError(f"{self.source}: cannot load the file: {run.stderr.strip()}")
        return location, self.source.suffix.lower() in (".nq", ".trig")

    def start(self) -> Endpoint:
        """Start oxigraph and the proxy; return once both answer."""
        location, union = self._location()
        self.internal_port = _free_port()
        command = [oxigraph_binary(), "serve-read-only", "--location", str(location),
                   "--bind", f"127.0.0.1:{self.internal_port}", "--timeout-s", str(max(1, round(self.timeout)))]
        if union:
            command.append("--union-default-graph")
        self.process = subprocess.Popen(command, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                                        stderr=subprocess.PIPE)
        self._wait_for_oxigraph()
        handler = type("Handler", (_Proxy,), {"endpoint": self, "timeout": self.idle_timeout})
        self.httpd = ThreadingHTTPServer((self.host, self.port), handler)
        self.httpd.daemon_threads = True
        self.port = self.httpd.server_address[1]
        return self

    def _wait_for_oxigraph(self) -> None:
        assert self.process is not None
        for _ in range(200):
            if self.process.poll() is not None:
                error = self.process.stderr.read().decode("utf-8", "replace").strip() if self.process.stderr else ""
                raise RuntimeError(f"the Oxigraph server stopped: {error or self.process.returncode}")
            try:
                socket.create_connection(("127.0.0.1", self.internal_port), timeout=0.5).close()
                return
            except OSError:
                time.sleep(0.05)
        self.stop()
        raise RuntimeError("the Oxigraph server did not start within 10 s")

    def serve_forever(self) -> None:
        """Answer requests until :meth:`stop` (or Ctrl-C)."""
        assert self.httpd is not None, "call start() first"
        self.httpd.serve_forever(poll_interval=0.1)

    def serve_in_background(self) -> Endpoint:
        """Answer requests in a daemon thread (tests, notebooks)."""
        self._thread = threading.Thread(target=self.serve_forever, daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        """Stop the proxy and the oxigraph process, and remove a temporary store."""
        if self.httpd is not None:
            if self._thread is not None:
                self.httpd.shutdown()
                self._thread.join(timeout=5)
            self.httpd.server_close()
            self.httpd = None
        if self.process is not None:
            self.process.terminate()
            try:
                self.process.wait(timeout=5)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=5)
            if self.process.stderr is not None:
                self.process.stderr.close()
            self.process = None
        if self._tmp is not None:
            self._tmp.cleanup()
            self._tmp = None

    def __enter__(self) -> Endpoint:
        return self.start().serve_in_background()

    def __exit__(self, *exc: object) -> None:
        self.stop()


def serve(source: str | os.PathLike[str], *, ready: Callable[[Endpoint], None] | None = None,
          **options: Any) -> None:
    """Serve ``source`` (a store folder or an RDF file) read-only until interrupted; see :class:`Endpoint`."""
    endpoint = Endpoint(source, **options).start()
    try:
        if ready is not None:
            ready(endpoint)
        endpoint.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        endpoint.stop()


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
