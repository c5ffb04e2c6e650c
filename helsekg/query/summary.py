"""A readable summary of a helsekg graph: documents, actors, measures, amounts with totals."""

from __future__ import annotations

from decimal import Decimal

import pyoxigraph as ox
from rdflib import Graph

from helsekg.query.sparql import load_store, named_query, query

COUNTS = """
SELECT
  (COUNT(DISTINCT ?doc) AS ?documents)
  (COUNT(DISTINCT ?org) AS ?organisations)
  (COUNT(DISTINCT ?person) AS ?persons)
  (COUNT(DISTINCT ?measure) AS ?measures)
  (COUNT(DISTINCT ?money) AS ?amounts)
  (COUNT(DISTINCT ?quantity) AS ?quantities)
  (COUNT(DISTINCT ?quote) AS ?quotes)
WHERE {
  { ?doc a hkg:PolicyDocument } UNION { ?org a hkg:Organisation } UNION { ?person a hkg:Person }
  UNION { ?measure a hkg:Measure } UNION { ?money a hkg:MonetaryAmount } UNION { ?quantity a hkg:Quantity }
  UNION { ?quote a hkg:Quote }
}
"""

TOTALS = """
SELECT ?kind (SUM(?value) AS ?sum) (COUNT(?a) AS ?n)
WHERE { ?a a hkg:MonetaryAmount ; schema:value ?value ; hkg:amountKind ?kind }
GROUP BY ?kind ORDER BY ?kind
"""


def nok(value: str | Decimal | None) -> str:
    """Format whole kroner Norwegian style.

    >>> nok("2200000000")
    '2 200 000 000 kr'
    """
    if value is None:
        return ""
    amount = Decimal(value)
    return f"{amount:,.0f}".replace(",", " ") + " kr"


def summarize(graph: Graph | ox.Store) -> str:
    """The summary ``make run`` prints, of an rdflib graph or an Oxigraph store (its union, each triple once)."""
    store = load_store(graph)
    counts = query(store, COUNTS).records()[0]
    triples = query(store, "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }").rows[0][0]
    lines = [
        "helsekg graph summary",
        f"  documents:     {counts['documents']}",
        f"  actors:        {int(counts['organisations']) + int(counts['persons'])}"
        f" ({counts['organisations']} organisations, {counts['persons']} persons)",
        f"  measures:      {counts['measures']}",
        f"  money amounts: {counts['amounts']}",
        f"  quantities:    {counts['quantities']}",
        f"  quotes:        {counts['quotes']}",
        f"  triples:       {triples}",
        "",
        "Money by kind (summed as stated; increases and totals overlap, do not add them up):",
    ]
    for row in query(store, TOTALS).records():
        lines.append(f"  {row['kind'].split(':')[-1]:<12} {row['n']:>3} amounts  {nok(row['sum']):>20}")
    lines += ["", "Monetary amounts:"]
    for row in query(store, named_query("amounts")).records():
        year = row["year"] or "-"
        qualifier = row["qualifier"].split(":")[-1]
        kind = row["kind"].split(":")[-1]
        measure = row["measure"] or "(no measure found)"
        lines.append(f"  {nok(row['value']):>20}  {qualifier:<13} {kind:<11} {year:<5} {measure[:60]}")
    return "\n".join(lines)
