"""SPARQL through Oxigraph from the Python API, named queries."""

from __future__ import annotations

import json
from decimal import Decimal

import pytest

from helsekg.query.sparql import named_queries, named_query, query


def test_query_group_by_sum_over_corpus(corpus_graph):
    result = query(corpus_graph, """
        SELECT ?year (SUM(?v) AS ?total) WHERE {
          ?a a hkg:MonetaryAmount ; schema:value ?v ; hkg:amountKind hkg:Total ; hkg:fiscalYear ?year }
        GROUP BY ?year ORDER BY ?year""")
    totals = {row["year"]: Decimal(row["total"]) for row in result.records()}
    # 102 + 26 + 22 + 20 million, the programme's 2.2 billion and six of its listed items (1 935 million)
    assert totals["2021"] == Decimal("4305000000")
    assert totals["2024"] == Decimal("525000000")  # the fund's 245 and the 280 million granted


def test_query_ask_and_construct(corpus_graph):
    assert query(corpus_graph, "ASK { ?p a hkg:Person ; rdfs:label 'Bent Høie'@nb }").boolean is True
    triples = query(corpus_graph, "CONSTRUCT { ?d a hkg:PolicyDocument } WHERE { ?d a hkg:PolicyDocument }")
    assert len(triples.rows) == 5


def test_query_outputs_csv_json_table(corpus_graph):
    result = query(corpus_graph, "SELECT ?title WHERE { ?d dcterms:title ?title } ORDER BY ?title")
    assert result.to_csv().splitlines()[0] == "title"
    assert len(json.loads(result.to_json())["rows"]) == 5
    assert result.to_table().endswith("(5 rows)")


@pytest.mark.parametrize("name", sorted(named_queries()))
def test_query_named_queries_parse_and_run(corpus_graph, name):
    result = query(corpus_graph, named_query(name))
    assert result.columns  # content is asserted per query in tests/test_named_queries.py


def test_query_unknown_name_lists_available():
    with pytest.raises(KeyError, match="available: .*amounts"):
        named_query("nope")


def test_query_syntax_error_raises(corpus_graph):
    with pytest.raises(SyntaxError):
        query(corpus_graph, "SELECT WHERE {")
