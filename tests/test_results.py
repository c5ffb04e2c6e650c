"""Typed and standard query results (helsekg.query.results): W3C SPARQL JSON/CSV/TSV, Turtle, pandas."""

from __future__ import annotations

import datetime as dt
import json
import sys
from decimal import Decimal

import pyoxigraph as ox
import pytest
from click.testing import CliRunner

from helsekg.cli import main
from helsekg.errors import ERRORS, MissingExtraError
from helsekg.query.sparql import PREFIXES, load_store, named_query, query

SELECT = """SELECT ?title ?issued ?value ?year ?n WHERE {
  ?d dcterms:title ?title . OPTIONAL { ?d dcterms:issued ?issued }
  OPTIONAL { ?a hkg:mentionedIn ?d ; schema:value ?value . OPTIONAL { ?a hkg:fiscalYear ?year } }
  BIND(1 AS ?n) } ORDER BY ?title ?value LIMIT 20"""


def test_results_sparql_json_matches_oxigraph(corpus_graph):
    store = load_store(corpus_graph)
    expected = json.loads(store.query(SELECT, prefixes=PREFIXES).serialize(format=ox.QueryResultsFormat.JSON))
    assert json.loads(query(store, SELECT).to_sparql_json()) == expected
    ask = query(store, "ASK { ?s a hkg:Measure }")
    assert json.loads(ask.to_sparql_json()) == {"head": {}, "boolean": True}


@pytest.mark.parametrize("fmt", ["CSV", "TSV"])
def test_results_sparql_csv_tsv_match_oxigraph(corpus_graph, fmt):
    store = load_store(corpus_graph)
    expected = store.query(SELECT, prefixes=PREFIXES).serialize(format=getattr(ox.QueryResultsFormat, fmt)).decode()
    ours = getattr(query(store, SELECT), f"to_sparql_{fmt.lower()}")()
    assert ours.splitlines() == expected.splitlines()


def test_results_from_sparql_json_round_trips(corpus_graph):
    from helsekg.query.sparql import QueryResult

    result = query(corpus_graph, SELECT)
    again = QueryResult.from_sparql_json(json.loads(result.to_sparql_json()))
    assert again == result and again.terms == result.terms


def test_results_construct_as_turtle(corpus_graph):
    result = query(corpus_graph, "CONSTRUCT { ?m rdfs:label ?l } WHERE { ?m a hkg:Measure ; rdfs:label ?l }")
    graph = ox.parse(result.to_turtle().encode(), format=ox.RdfFormat.TURTLE)
    assert len(list(graph)) == len(result.rows) > 0
    with pytest.raises(ValueError):
        query(corpus_graph, SELECT).to_turtle()


def test_results_dataframe_has_typed_columns(corpus_graph):
    pd = pytest.importorskip("pandas")
    df = query(corpus_graph, named_query("amounts")).to_dataframe()
    assert str(df["value"].dtype) == "float64" and str(df["year"].dtype) == "Int64"
    assert df["value"].sum() == float(query(corpus_graph, "SELECT (SUM(?v) AS ?t) WHERE { ?a a hkg:MonetaryAmount ; "
                                            "schema:value ?v }").rows[0][0])
    exact = query(corpus_graph, named_query("amounts")).to_dataframe(exact=True)
    assert all(isinstance(v, Decimal) for v in exact["value"])
    docs = query(corpus_graph, named_query("documents")).to_dataframe()
    assert pd.api.types.is_datetime64_any_dtype(docs["issued"])
    assert dt.date(2024, 5, 23) in set(docs["issued"].dropna().dt.date)
    assert pd.api.types.is_integer_dtype(query(corpus_graph, SELECT).to_dataframe()["n"])


def test_results_dataframe_without_pandas_names_the_extra(corpus_graph, monkeypatch):
    monkeypatch.setitem(sys.modules, "pandas", None)
    with pytest.raises(MissingExtraError, match=r"pip install 'helsekg\[pandas\]'") as err:
        query(corpus_graph, SELECT).to_dataframe()
    assert err.value.code == "E301" and "E301" in ERRORS


@pytest.mark.parametrize(("fmt", "check"), [
    ("srj", lambda out: json.loads(out)["head"]["vars"] == ["title", "issued", "value", "year", "n"]),
    ("tsv", lambda out: out.splitlines()[0] == "?title\t?issued\t?value\t?year\t?n"),
    ("json", lambda out: json.loads(out)["columns"] == ["title", "issued", "value", "year", "n"]),
    ("csv", lambda out: out.splitlines()[0] == "title,issued,value,year,n"),
])
def test_results_cli_formats(tmp_path, corpus_graph, fmt, check):
    from helsekg.graph.io import write_graph

    path = write_graph(corpus_graph, tmp_path / "corpus.ttl")
    result = CliRunner().invoke(main, ["query", str(path), SELECT, "-f", fmt])
    assert result.exit_code == 0, result.output
    assert check(result.output)
    construct = CliRunner().invoke(main, ["query", str(path), "CONSTRUCT WHERE { ?s a hkg:Person }", "-f", "ttl"])
    assert construct.exit_code == 0 and "hkg:Person" in construct.output
    assert CliRunner().invoke(main, ["query", str(path), SELECT, "-f", "ttl"]).exit_code == 2


def test_results_python_dash_m_helsekg():
    import subprocess

    out = subprocess.run([sys.executable, "-m", "helsekg", "--version"], capture_output=True, text=True, check=True)
    assert out.stdout.startswith("helsekg")
