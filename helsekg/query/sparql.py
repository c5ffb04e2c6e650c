"""SPARQL over helsekg graphs, executed by Oxigraph; named queries shipped with the package.

rdflib's SPARQL engine did not finish a GROUP BY/SUM over 100k triples in 10 minutes here, Oxigraph
took 0.16 s, so every query runs in an in-memory Oxigraph store loaded from the graph or file.
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pyoxigraph as ox
from rdflib import Graph

from helsekg import resources
from helsekg.graph import io as hio
from helsekg.graph.prefixes import PREFIXES
from helsekg.query import results as fmt


@dataclass(frozen=True)
class QueryResult:
    """A SELECT result as plain strings (``None`` for unbound), an ASK boolean, or CONSTRUCT triples.

    ``rows`` are display strings (IRIs with helsekg's prefixes); ``terms`` keeps the RDF terms behind
    them (``None`` for a result built from strings only), which the standard formats
    (:meth:`to_sparql_json`, :meth:`to_sparql_csv`, :meth:`to_sparql_tsv`), :meth:`to_turtle` and the
    typed :meth:`to_dataframe` read. See :mod:`helsekg.query.results`.
    """

    columns: tuple[str, ...]
    rows: tuple[tuple[str | None, ...], ...]
    boolean: bool | None = None
    terms: tuple[tuple[fmt.Term | None, ...], ...] | None = field(default=None, compare=False, repr=False)
    #: the triples of a CONSTRUCT or DESCRIBE (``rows`` then holds subject, predicate, object strings)
    triples: tuple[ox.Triple, ...] | None = field(default=None, compare=False, repr=False)

    @classmethod
    def from_sparql_json(cls, data: dict[str, Any]) -> QueryResult:
        """A result from parsed SPARQL 1.1 Query Results JSON (what an endpoint answers)."""
        if "boolean" in data:
            return cls((), (), boolean=bool(data["boolean"]))
        columns = tuple(data.get("head", {}).get("vars", ()))
        terms = tuple(tuple(fmt.from_binding(b.get(c)) for c in columns) for b in data["results"]["bindings"])
        return cls(columns, tuple(tuple(term_text(t) for t in row) for row in terms), terms=terms)

    def _terms(self) -> tuple[tuple[fmt.Term | None, ...], ...]:
        if self.terms is not None:
            return self.terms
        return tuple(tuple(None if v is None else ox.Literal(v) for v in row) for row in self.rows)

    def to_sparql_json(self) -> str:
        """W3C SPARQL 1.1 Query Results JSON (``application/sparql-results+json``)."""
        return fmt.to_sparql_json(self.columns, self._terms(), self.boolean)

    def to_sparql_csv(self) -> str:
        """W3C SPARQL 1.1 CSV (values only, full IRIs, CRLF line ends)."""
        return fmt.to_sparql_csv(self.columns, self._terms())

    def to_sparql_tsv(self) -> str:
        """W3C SPARQL 1.1 TSV (terms in SPARQL syntax: language tags and datatypes kept)."""
        return fmt.to_sparql_tsv(self.columns, self._terms())

    def to_turtle(self) -> str:
        """The triples of a CONSTRUCT or DESCRIBE as Turtle with helsekg's prefixes."""
        if self.triples is None:
            raise ValueError("only a CONSTRUCT or DESCRIBE result is a graph; use to_sparql_json() or to_csv()")
        return fmt.to_turtle(self.triples, PREFIXES)

    def to_dataframe(self, *, exact: bool = False) -> Any:
        """A pandas ``DataFrame`` with typed columns: integers ``Int64``, xsd:decimal ``float64`` (``Decimal``
        objects with ``exact=True``), dates ``datetime64``, text ``str`` (needs ``helsekg[pandas]``)."""
        if self.boolean is not None:
            raise ValueError("an ASK result is a boolean, not a table")
        return fmt.to_dataframe(self.columns, self._terms(), self.rows, exact=exact)

    def records(self) -> list[dict[str, str | None]]:
        """Rows as dicts keyed by column name."""
        return [dict(zip(self.columns, row)) for row in self.rows]

    def to_csv(self) -> str:
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(self.columns)
        writer.writerows([["" if v is None else v for v in row] for row in self.rows])
        return out.getvalue()

    def to_json(self) -> str:
        if self.boolean is not None:
            return json.dumps({"boolean": self.boolean})
        return json.dumps({"columns": list(self.columns), "rows": self.records()}, ensure_ascii=False, indent=2)

    def to_table(self, *, max_width: int = 60) -> str:
        if self.boolean is not None:
            return "yes" if self.boolean else "no"
        cells = [[_clip(v, max_width) for v in row] for row in self.rows]
        widths = [max([len(c)] + [len(r[i]) for r in cells]) for i, c in enumerate(self.columns)]
        lines = ["  ".join(c.ljust(w) for c, w in zip(self.columns, widths))]
        lines.append("  ".join("-" * w for w in widths))
        lines += ["  ".join(v.ljust(w) for v, w in zip(row, widths)) for row in cells]
        lines.append(f"({len(self.rows)} row{'s' if len(self.rows) != 1 else ''})")
        return "\n".join(lines)


def _clip(value: str | None, width: int) -> str:
    text = "" if value is None else " ".join(value.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def term_text(term: ox.NamedNode | ox.BlankNode | ox.Literal | None) -> str | None:
    if term is None:
        return None
    if isinstance(term, ox.NamedNode):
        value = term.value
        for prefix, ns in PREFIXES.items():
            if value.startswith(ns):
                return f"{prefix}:{value[len(ns):]}"
        return value
    if isinstance(term, ox.BlankNode):
        return f"_:{term.value}"
    return term.value


def load_store(source: Graph | str | os.PathLike[str] | ox.Store) -> ox.Store:
    """An Oxigraph store holding ``source`` (an rdflib Graph, an RDF file, or a store as is)."""
    if isinstance(source, ox.Store):
        return source
    store = ox.Store()
    if isinstance(source, Graph):
        store.bulk_extend(ox.Quad(t.subject, t.predicate, t.object) for t in hio.to_oxigraph(source))
    else:
        store.bulk_load(path=str(source), format=hio.format_for(source))
    return store


def needs_union(store: ox.Store) -> bool:
    """Whether a query should see the union of the named graphs as its default graph.

    A :class:`helsekg.scale.store.GraphStore` keeps the set union of its document graphs in the default graph,
    so queries read that (Oxigraph's ``use_default_graph_as_union`` is a bag: a triple held by k graphs
    comes back k times, and a join of two such patterns k² times). A store with an empty default graph
    (named graphs only, loaded by other tools) is queried over the union instead.
    """
    return next(iter(store.quads_for_pattern(None, None, None, ox.DefaultGraph())), None) is None


def query(source: Graph | str | os.PathLike[str] | ox.Store, sparql: str) -> QueryResult:
    """Run a SPARQL query; helsekg's prefixes (hkg:, id:, schema:, dcterms:, ...) are predeclared.

    >>> from helsekg.graph.build import new_graph
    >>> query(new_graph(), "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }").rows
    (('0',),)
    """
    store = load_store(source)
    result = store.query(sparql, prefixes=PREFIXES, use_default_graph_as_union=needs_union(store))
    if isinstance(result, ox.QueryBoolean):
        return QueryResult((), (), boolean=bool(result))
    if isinstance(result, ox.QuerySolutions):
        columns = tuple(v.value for v in result.variables)
        terms = tuple(tuple(solution[c] for c in columns) for solution in result)
        return QueryResult(columns, tuple(tuple(term_text(t) for t in row) for row in terms), terms=terms)
    graph = tuple(result)
    triples = [(term_text(t.subject), term_text(t.predicate), term_text(t.object)) for t in graph]
    return QueryResult(("subject", "predicate", "object"), tuple(triples), triples=graph,
                       terms=tuple((t.subject, t.predicate, t.object) for t in graph))


def named_queries() -> dict[str, Path]:
    """The SPARQL queries shipped with helsekg, by name (file stem)."""
    return {p.stem: p for p in sorted(resources.queries_dir().glob("*.rq"))}


def named_query(name: str) -> str:
    """The text of a shipped query."""
    queries = named_queries()
    if name not in queries:
        raise KeyError(f"no named query {name!r}; available: {', '.join(queries) or 'none'}")
    return queries[name].read_text(encoding="utf-8")


#: The inner selection of a ``*-top`` named query: the window ``paged`` widens to ``offset + limit`` rows.
_TOP_WINDOW = re.compile(r"\bLIMIT\s+\d+(?=\s*# top\b)", re.IGNORECASE)
_TRAILING = re.compile(r"(?:\s+(?:LIMIT|OFFSET)\s+\d+)+\s*\Z", re.IGNORECASE)


def paged(sparql: str, *, limit: int | None = None, offset: int | None = None) -> str:
    """``sparql`` returning rows ``offset`` to ``offset + limit`` (issue 18: ``helsekg query --limit/--offset``).

    The query's own trailing LIMIT/OFFSET are replaced. In a ``*-top`` query, whose rows are picked by an
    inner selection marked ``# top``, that selection is widened to the rows the page needs (100 per page
    without ``limit``), so the lookups stay bounded.

    >>> paged("SELECT ?s WHERE { ?s ?p ?o } LIMIT 5", limit=2, offset=4)
    'SELECT ?s WHERE { ?s ?p ?o } LIMIT 2 OFFSET 4'
    >>> paged("SELECT ?s WHERE { { SELECT ?s WHERE { ?s ?p ?o } LIMIT 100  # top\\n } }", offset=200)
    'SELECT ?s WHERE { { SELECT ?s WHERE { ?s ?p ?o } LIMIT 300  # top\\n } } OFFSET 200'
    """
    text = _TRAILING.sub("", sparql.rstrip())
    window = (offset or 0) + (100 if limit is None else limit)
    text = _TOP_WINDOW.sub(f"LIMIT {window}", text)
    if limit is not None:
        text += f" LIMIT {limit}"
    if offset:
        text += f" OFFSET {offset}"
    return text
