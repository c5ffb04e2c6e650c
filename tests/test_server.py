"""The SPARQL endpoint (helsekg.query.server) on loopback, queried with helsekg query --endpoint."""

from __future__ import annotations

import http.client
import json
import socket
import subprocess
import time
import urllib.parse
import urllib.request
from urllib.error import HTTPError

import pytest
from click.testing import CliRunner

from helsekg.cli import main
from helsekg.query.server import Endpoint, RefusedQuery, check_query, query_endpoint
from helsekg.scale.store import GraphStore


@pytest.fixture(scope="module")
def store_path(tmp_path_factory, corpus_dir):
    path = tmp_path_factory.mktemp("served") / "store"
    with GraphStore(path) as store:
        store.sync([corpus_dir], model="blank", check=False)
    return path


@pytest.fixture(scope="module")
def served(store_path):
    with Endpoint(store_path, port=0, timeout=1, idle_timeout=1) as endpoint:
        yield endpoint
    assert endpoint.process is None and endpoint.httpd is None


@pytest.fixture(scope="module")
def endpoint(served):
    return served.url


def _status(request: urllib.request.Request) -> tuple[int, dict, bytes]:
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, dict(response.headers), response.read()
    except HTTPError as err:
        with err:
            return err.code, dict(err.headers), err.read()


def test_server_answers_select_ask_and_construct(endpoint):
    result = query_endpoint(endpoint, "SELECT (COUNT(?d) AS ?n) WHERE { ?d a hkg:PolicyDocument }")
    assert result.rows == (("5",),)
    assert query_endpoint(endpoint, "ASK { ?a a hkg:MonetaryAmount }").boolean is True
    triples = query_endpoint(endpoint, "CONSTRUCT { ?d a hkg:PolicyDocument } WHERE { ?d a hkg:PolicyDocument }")
    assert len(triples.rows) == 5 and triples.rows[0][2] == "hkg:PolicyDocument"


def test_server_speaks_the_protocol(endpoint):
    url = endpoint + "?query=" + urllib.parse.quote("SELECT ?d WHERE { ?d a hkg:PolicyDocument } LIMIT 1")
    with urllib.request.urlopen(urllib.request.Request(url, headers={"Accept": "text/csv"}), timeout=10) as response:
        assert response.headers["Content-Type"].startswith("text/csv")
        assert response.read().decode().splitlines()[0] == "d"
    request = urllib.request.Request(endpoint, data=b"ASK { ?s ?p ?o }", method="POST",
                                     headers={"Content-Type": "application/sparql-query"})
    with urllib.request.urlopen(request, timeout=10) as response:
        assert json.loads(response.read()) == {"head": {}, "boolean": True}


def test_server_refuses_updates_and_bad_queries(endpoint):
    from urllib.error import HTTPError

    with pytest.raises(HTTPError) as err:
        query_endpoint(endpoint, "SELEKT nothing")
    assert err.value.code == 400
    err.value.close()
    request = urllib.request.Request(endpoint, data=b"update=CLEAR+ALL", method="POST",
                                     headers={"Content-Type": "application/x-www-form-urlencoded"})
    with pytest.raises(HTTPError) as err:
        urllib.request.urlopen(request, timeout=10)
    assert err.value.code == 405
    err.value.close()  # an HTTPError holds the response (and its socket) open


def test_server_cli_query_endpoint(endpoint):
    runner = CliRunner()
    result = runner.invoke(main, ["query", "--endpoint", endpoint, "--name", "amounts", "-f", "csv"])
    assert result.exit_code == 0, result.output
    assert len(result.output.splitlines()) > 10
    result = runner.invoke(main, ["query", "--endpoint", endpoint, "SELECT (COUNT(*) AS ?n) WHERE { ?d a hkg:Measure }"])
    assert result.exit_code == 0 and "(1 row)" in result.output


def test_server_cli_unreachable_endpoint_is_an_error():
    result = CliRunner().invoke(main, ["query", "--endpoint", "http://127.0.0.1:9/query", "ASK { ?s ?p ?o }"])
    assert result.exit_code == 1 and "cannot query" in result.output


def test_server_refuses_service_clauses(endpoint):
    query = "SELECT * WHERE { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }"
    with pytest.raises(HTTPError) as err:
        query_endpoint(endpoint, query)
    assert err.value.code == 400 and b"SERVICE" in err.value.read()
    err.value.close()
    for sneaky in ("select * { ?a ?b ?c . sErViCe silent <http://x> {} }", "SELECT * {}SERVICE<http://x>{}",
                   "SELECT * { \\u0053ERVICE <http://x> {} }"):
        with pytest.raises(RefusedQuery):
            check_query(sneaky)
    # the word in a string, an IRI, a comment or a variable is no SERVICE clause
    assert check_query('SELECT ?service { ?service rdfs:label "service" ; <http://x/service> ?o } # service')


def test_server_checks_the_host_header_and_sends_no_cors(served):
    url = served.url + "?query=" + urllib.parse.quote("ASK { ?s ?p ?o }")
    status, headers, _ = _status(urllib.request.Request(url, headers={"Host": f"evil.example:{served.port}"}))
    assert status == 421
    status, headers, _ = _status(urllib.request.Request(url, headers={"Host": f"localhost:{served.port}",
                                                                      "Origin": "http://evil.example"}))
    assert status == 200 and "Access-Control-Allow-Origin" not in headers
    status, _, _ = _status(urllib.request.Request(url, method="OPTIONS"))
    assert status == 405
    status, _, _ = _status(urllib.request.Request(served.url, data=b"x", method="PUT"))
    assert status == 405


def test_server_caps_the_body_and_times_out_slow_queries(served):
    # a body over the cap is refused from its Content-Length, before it is read
    connection = http.client.HTTPConnection("127.0.0.1", served.port, timeout=10)
    connection.putrequest("POST", "/query")
    connection.putheader("Content-Type", "application/sparql-query")
    connection.putheader("Content-Length", str(2 << 20))
    connection.endheaders()
    response = connection.getresponse()
    assert response.status == 413
    connection.close()
    slow = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"
    started = time.monotonic()
    with pytest.raises(HTTPError) as err:
        query_endpoint(served.url, slow)
    assert err.value.code == 504 and time.monotonic() - started < 10
    err.value.close()
    assert query_endpoint(served.url, "ASK { ?s ?p ?o }").boolean is True  # still serving


def test_server_closes_idle_connections(served):
    with socket.create_connection(("127.0.0.1", served.port), timeout=20) as sock:
        started = time.monotonic()
        sock.sendall(b"GET /query HTTP/1.1\r\n")  # and then nothing: the proxy gives up after its idle timeout
        assert sock.recv(1024) == b""
        assert time.monotonic() - started < 5


def test_server_serves_the_query_ui(served):
    status, headers, body = _status(urllib.request.Request(f"http://127.0.0.1:{served.port}/"))
    assert status == 200 and b"yasgui" in body.lower()
    status, _, _ = _status(urllib.request.Request(f"http://127.0.0.1:{served.port}/store"))
    assert status == 404


def test_server_serves_a_turtle_file(tmp_path):
    path = tmp_path / "g.ttl"
    path.write_text("@prefix hkg: <https://w3id.org/helsekg/ontology#> .\n"
                    "<https://w3id.org/helsekg/id/doc/a> a hkg:PolicyDocument .\n", encoding="utf-8")
    with Endpoint(path, port=0) as endpoint:
        result = query_endpoint(endpoint.url, "SELECT ?d WHERE { ?d a hkg:PolicyDocument }")
        process = endpoint.process
    assert result.rows == (("id:doc/a",),) or result.rows[0][0].endswith("doc/a")
    assert process.poll() is not None  # the oxigraph process is gone


def test_server_cli_serve_stops_cleanly(tmp_path, store_path):
    import os
    import signal
    import sys

    process = subprocess.Popen([sys.executable, "-m", "helsekg.cli", "serve", str(store_path), "--port", "0"],
                               stderr=subprocess.PIPE, text=True)
    try:
        line = process.stderr.readline()
        assert line.startswith("SPARQL endpoint: http://127.0.0.1:"), line
        url = line.split()[2]
        assert query_endpoint(url, "ASK { ?d a hkg:PolicyDocument }").boolean is True
    finally:
        process.send_signal(signal.SIGINT)
        assert process.wait(timeout=10) == 0
        process.stderr.close()
    assert not os.path.exists(f"/proc/{process.pid}")
