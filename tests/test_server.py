"""The SPARQL endpoint (helsekg.query.server) on loopback, queried with helsekg query --endpoint."""

from __future__ import annotations

import json
import threading
import urllib.request

import pytest
from click.testing import CliRunner

from helsekg.cli import main
from helsekg.query.server import make_server, query_endpoint
from helsekg.scale.store import GraphStore


@pytest.fixture(scope="module")
def endpoint(tmp_path_factory, corpus_dir):
    path = tmp_path_factory.mktemp("served") / "store"
    with GraphStore(path) as store:
        store.sync([corpus_dir], model="blank", check=False)
    import pyoxigraph as ox

    server = make_server(ox.Store.read_only(str(path)), port=0)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}/query"
    server.shutdown()
    server.server_close()
    thread.join(timeout=5)


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
