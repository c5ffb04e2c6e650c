"""Every monetary amount and quantity in the five corpus documents, as the graph must hold them.

This is the acceptance table of the foundation issue: value, qualifier, kind and fiscal year of each
money amount, value/unit of each quantity, with nothing missing and nothing extra.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from helsekg.query.sparql import query

KOMPETANSE_2020 = "2020-regjeringen-vil-styrke-kompetanse-og-innovasjon-i-helse-og-omsorgstjenesten.txt"
KOMPETANSELOFT = "2020-regjeringen-lanserer-nytt-kompetanseloft.txt"
HO21 = "helseomsorg21-radet-gir-innspill-til-helsepersonellkommisjonen.txt"
FOND = "2024-innovasjons-og-kompetansefond-for-helse-og-omsorgssektoren.txt"
TILSKUDD = "2024-nytt-rekrutterings-og-samhandlingstilskudd-for-helsetjenesten.txt"
M = Decimal(1_000_000)

# (file, anchor text, value, qualifier, kind, fiscal year)
MONEY = [
    (KOMPETANSE_2020, "53 millioner kroner", 53 * M, "Exact", "Total", 2020),
    (KOMPETANSE_2020, "20 millioner kroner", 20 * M, "Exact", "Total", 2020),
    (KOMPETANSE_2020, "20 millioner kroner", 20 * M, "Exact", "Total", 2020),
    # no year in its clause or list; every year the document states for money is 2020
    (KOMPETANSE_2020, "40 millioner kroner", 40 * M, "Exact", "Total", 2020),
    (KOMPETANSELOFT, "30 millioner kroner", 30 * M, "Exact", "Increase", 2021),
    (KOMPETANSELOFT, "102 millioner kroner", 102 * M, "Exact", "Total", 2021),
    (KOMPETANSELOFT, "20 millioner kroner", 20 * M, "Exact", "Increase", 2021),
    (KOMPETANSELOFT, "26 millioner kroner", 26 * M, "Exact", "Total", 2021),
    (KOMPETANSELOFT, "20 millioner kroner", 20 * M, "Exact", "Total", 2021),
    (KOMPETANSELOFT, "10 millioner kroner", 10 * M, "Exact", "Increase", 2021),
    (KOMPETANSELOFT, "22 millioner kroner", 22 * M, "Exact", "Total", 2021),
    (KOMPETANSELOFT, "10 millioner", 10 * M, "Exact", "Increase", 2021),
    (KOMPETANSELOFT, "20 millioner kroner", 20 * M, "Exact", "Total", 2021),
    (KOMPETANSELOFT, "5 millioner kroner", 5 * M, "Exact", "Total", 2021),
    (KOMPETANSELOFT, "om lag 695 millioner kroner", 695 * M, "Approximately", "Total", 2021),
    (KOMPETANSELOFT, "om lag 520 millioner kroner", 520 * M, "Approximately", "Total", 2021),
    (KOMPETANSELOFT, "om lag 390 millioner kroner", 390 * M, "Approximately", "Total", 2021),
    (KOMPETANSELOFT, "om lag 305 millioner kroner", 305 * M, "Approximately", "Total", 2021),
    (KOMPETANSELOFT, "om lag 44 millioner kroner", 44 * M, "Approximately", "Unspecified", 2021),
    (KOMPETANSELOFT, "inntil 8,3 millioner kroner", Decimal("8300000"), "UpTo", "Unspecified", 2021),
    (KOMPETANSELOFT, "om lag 2,2 milliarder kroner", Decimal("2200000000"), "Approximately", "Total", 2021),
    # the 2023 fund of 175 million plus these 70 million make the stated total of 245 million
    (FOND, "70 millioner kroner", 70 * M, "Exact", "Increase", 2024),
    (FOND, "175 millioner kroner", 175 * M, "Exact", "Unspecified", 2023),
    (FOND, "245 millioner kroner", 245 * M, "Exact", "Total", 2024),
    (TILSKUDD, "280 millioner kroner", 280 * M, "Exact", "Total", 2024),  # "Vi har bevilget 280 millioner"
]

# (file, value, max value or None, unit, qualifier)
QUANTITIES = [
    (KOMPETANSE_2020, Decimal(100), None, "stillinger", "Exact"),
    (KOMPETANSE_2020, Decimal(100), None, "stillingene", "Exact"),
    (KOMPETANSE_2020, Decimal(3), Decimal(4), "prosjekter", "AtLeast"),
    (KOMPETANSELOFT, Decimal(60), None, "tiltak", "Approximately"),
    (TILSKUDD, Decimal(4), None, "pasientgruppene", "Exact"),
]

MONEY_QUERY = """
SELECT ?source ?anchor ?value ?qualifier ?kind ?year WHERE {
  ?a a hkg:MonetaryAmount ; schema:value ?value ; hkg:qualifier ?qualifier ; hkg:amountKind ?kind ;
     schema:currency "NOK" ; hkg:hasMention ?m .
  ?m hkg:anchorText ?anchor ; hkg:inDocument ?doc .
  ?doc dcterms:source ?source .
  OPTIONAL { ?a hkg:fiscalYear ?year }
}"""

QUANTITY_QUERY = """
SELECT ?source ?value ?max ?unit ?qualifier WHERE {
  ?a a hkg:Quantity ; schema:value ?value ; schema:unitText ?unit ; hkg:qualifier ?qualifier ; hkg:mentionedIn ?doc .
  ?doc dcterms:source ?source .
  OPTIONAL { ?a schema:maxValue ?max }
}"""


def _file(source: str) -> str:
    return source.replace("\\", "/").rsplit("/", 1)[-1]


def _short(iri: str) -> str:
    return iri.split(":")[-1]


def test_corpus_amounts_every_money_amount_in_graph(corpus_graph):
    found = sorted(
        (_file(r["source"]), r["anchor"], Decimal(r["value"]), _short(r["qualifier"]), _short(r["kind"]),
         int(r["year"]) if r["year"] else None)
        for r in query(corpus_graph, MONEY_QUERY).records()
    )
    expected = sorted(MONEY, key=lambda row: (row[0], row[1], row[2], row[3], row[4], row[5] or 0))
    found = sorted(found, key=lambda row: (row[0], row[1], row[2], row[3], row[4], row[5] or 0))
    assert found == expected


def test_corpus_amounts_every_quantity_in_graph(corpus_graph):
    found = sorted(
        (_file(r["source"]), Decimal(r["value"]), Decimal(r["max"]) if r["max"] else None, r["unit"],
         _short(r["qualifier"]))
        for r in query(corpus_graph, QUANTITY_QUERY).records()
    )
    assert found == sorted(QUANTITIES, key=lambda row: (row[0], row[1], row[2] or 0, row[3], row[4]))


@pytest.mark.parametrize("name", [KOMPETANSE_2020, KOMPETANSELOFT, HO21, FOND, TILSKUDD])
def test_corpus_amounts_each_document_read(corpus_result, name):
    assert name in {_file(source) for source in corpus_result.documents}
