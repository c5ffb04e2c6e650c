"""Query results as standard formats and typed tables: W3C SPARQL 1.1 JSON, CSV and TSV, Turtle, pandas.

:class:`helsekg.query.sparql.QueryResult` keeps the RDF terms of each solution next to its display strings;
the functions here turn those terms into

- the `SPARQL 1.1 Query Results JSON <https://www.w3.org/TR/sparql11-results-json/>`_ format (what any SPARQL
  client reads; pyoxigraph and rdflib parse it),
- the `SPARQL 1.1 CSV and TSV <https://www.w3.org/TR/sparql11-results-csv-tsv/>`_ formats (CSV: plain values,
  CRLF line ends; TSV: terms in SPARQL syntax, so language tags and datatypes survive),
- Turtle for the triples of a CONSTRUCT or DESCRIBE, with helsekg's prefixes,
- a pandas ``DataFrame`` with typed columns (:func:`to_dataframe`).

Typed columns (the choice made for :func:`to_dataframe`):

============================================  =============================================================
literal datatype                              column
============================================  =============================================================
xsd:integer and its derived types             ``Int64`` (pandas' nullable integer)
xsd:gYear (``hkg:fiscalYear``)                ``Int64``: the year as a number
xsd:decimal, xsd:double, xsd:float            ``float64``; with ``exact=True`` :class:`decimal.Decimal` objects
                                              (money in whole NOK is exact in float64 below 9 * 10^15)
xsd:date, xsd:dateTime                        ``datetime64`` (pandas picks the resolution)
xsd:boolean                                   ``boolean``
strings (plain or @nb/@nn), IRIs, blank nodes ``object`` holding ``str``: the text shown by ``to_table()``
                                              (IRIs with helsekg's prefixes, e.g. ``hkg:Total``)
============================================  =============================================================

Unbound values are missing (``<NA>``, ``NaN`` or ``NaT``). A column whose values have different types
(a number in one row, a string in another) holds the strings.

>>> import pyoxigraph as ox
>>> terms = ((ox.Literal("30000000", datatype=ox.NamedNode(XSD + "decimal")), ox.Literal("kommunene", language="nb")),)
>>> print(to_sparql_json(("value", "who"), terms))
{"head": {"vars": ["value", "who"]}, "results": {"bindings": [{"value": {"type": "literal", "value": "30000000", "datatype": "http://www.w3.org/2001/XMLSchema#decimal"}, "who": {"type": "literal", "value": "kommunene", "xml:lang": "nb"}}]}}
>>> to_sparql_tsv(("value", "who"), terms).splitlines()[1].split("\\t")
['"30000000"^^<http://www.w3.org/2001/XMLSchema#decimal>', '"kommunene"@nb']
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
from collections.abc import Callable, Iterable, Sequence
from decimal import Decimal
from typing import Any

import pyoxigraph as ox

from helsekg.errors import MissingExtraError

Term = ox.NamedNode | ox.BlankNode | ox.Literal
Rows = Sequence[Sequence[Term | None]]

XSD = "http://www.w3.org/2001/XMLSchema#"
RDF_LANG_STRING = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"
INTEGERS = frozenset(XSD + name for name in (
    "integer", "nonNegativeInteger", "positiveInteger", "nonPositiveInteger", "negativeInteger", "long", "int",
    "short", "byte", "unsignedLong", "unsignedInt", "unsignedShort", "unsignedByte", "gYear"))
FLOATS = frozenset(XSD + name for name in ("decimal", "double", "float"))
DATES = frozenset(XSD + name for name in ("date", "dateTime", "dateTimeStamp"))


def binding(term: Term) -> dict[str, str]:
    """One RDF term as a SPARQL 1.1 JSON binding."""
    if isinstance(term, ox.NamedNode):
        return {"type": "uri", "value": term.value}
    if isinstance(term, ox.BlankNode):
        return {"type": "bnode", "value": term.value}
    out = {"type": "literal", "value": term.value}
    if term.language:
        out["xml:lang"] = term.language
    elif term.datatype.value != XSD + "string":
        out["datatype"] = term.datatype.value
    return out


def from_binding(cell: dict[str, str] | None) -> Term | None:
    """A SPARQL 1.1 JSON binding as an RDF term (``None`` for an unbound variable)."""
    if cell is None:
        return None
    kind, value = cell.get("type"), cell.get("value", "")
    if kind == "uri":
        return ox.NamedNode(value)
    if kind == "bnode":
        return ox.BlankNode(value)
    if cell.get("xml:lang"):
        return ox.Literal(value, language=cell["xml:lang"])
    datatype = cell.get("datatype")
    return ox.Literal(value, datatype=ox.NamedNode(datatype)) if datatype else ox.Literal(value)


def to_sparql_json(columns: Sequence[str], terms: Rows | None, boolean: bool | None = None) -> str:
    """SPARQL 1.1 Query Results JSON of a SELECT (``columns``, ``terms``) or an ASK (``boolean``)."""
    if boolean is not None:
        return json.dumps({"head": {}, "boolean": boolean})
    bindings = [{c: binding(t) for c, t in zip(columns, row) if t is not None} for row in terms or ()]
    return json.dumps({"head": {"vars": list(columns)}, "results": {"bindings": bindings}}, ensure_ascii=False)


def to_sparql_csv(columns: Sequence[str], terms: Rows) -> str:
    """SPARQL 1.1 CSV: a header of variable names, then plain values (IRIs in full, blank nodes ``_:b``)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(columns)
    for row in terms:
        writer.writerow(["" if t is None else f"_:{t.value}" if isinstance(t, ox.BlankNode) else t.value for t in row])
    return out.getvalue()


def to_sparql_tsv(columns: Sequence[str], terms: Rows) -> str:
    """SPARQL 1.1 TSV: a header of ``?variables``, then terms in SPARQL/N-Triples syntax, tab-separated."""
    lines = ["\t".join(f"?{c}" for c in columns)]
    lines += ["\t".join("" if t is None else _sparql_term(t) for t in row) for row in terms]
    return "\n".join(lines) + "\n"


_SHORT = {
    XSD + "integer": re.compile(r"[+-]?[0-9]+"),
    XSD + "decimal": re.compile(r"[+-]?[0-9]*\.[0-9]+"),
    XSD + "double": re.compile(r"[+-]?([0-9]+(\.[0-9]*)?|\.[0-9]+)[eE][+-]?[0-9]+"),
    XSD + "boolean": re.compile(r"true|false"),
}


def _sparql_term(term: Term) -> str:
    """A term in SPARQL syntax, numbers and booleans in their short form (``1``, ``0.25``, ``true``) when
    the lexical form allows it, as the W3C TSV examples (and Oxigraph) write them."""
    if isinstance(term, ox.Literal) and not term.language:
        pattern = _SHORT.get(term.datatype.value)
        if pattern is not None and pattern.fullmatch(term.value):
            return term.value
    return str(term)


def to_turtle(triples: Iterable[ox.Triple], prefixes: dict[str, str]) -> str:
    """Triples (a CONSTRUCT or DESCRIBE result) as Turtle with ``prefixes``, sorted for stable output.

    Instance IRIs are written in full: their paths hold ``/``, which a prefixed name would escape.
    """
    used = {p: ns for p, ns in prefixes.items() if not ns.startswith("https://w3id.org/helsekg/id/")}
    return ox.serialize(sorted(triples, key=str), format=ox.RdfFormat.TURTLE, prefixes=used).decode("utf-8")


def python_value(term: Term | None, text: str | None, *, exact: bool = False) -> Any:
    """The Python value of one cell: int, float (or Decimal), date/datetime, bool, or the display text."""
    if term is None:
        return None
    if not isinstance(term, ox.Literal) or term.language:
        return text
    datatype = term.datatype.value
    try:
        if datatype in INTEGERS:
            return int(term.value[:4] if datatype == XSD + "gYear" else term.value)
        if datatype in FLOATS:
            return Decimal(term.value) if exact else float(term.value)
        if datatype == XSD + "date":
            return dt.date.fromisoformat(term.value[:10])
        if datatype in DATES:
            return dt.datetime.fromisoformat(term.value.replace("Z", "+00:00"))
        if datatype == XSD + "boolean":
            return term.value in ("true", "1")
    except ValueError:  # an ill-typed literal ("abc"^^xsd:integer) stays text
        return text
    return text


def _column(values: list[Any], pd: Any) -> Any:
    present = [v for v in values if v is not None]
    kinds = {type(v) for v in present}
    if not present or kinds <= {str}:
        return pd.Series(values, dtype=object)
    if kinds == {bool}:
        return pd.Series(values, dtype="boolean")
    if kinds == {int}:
        return pd.Series(values, dtype="Int64")
    if kinds <= {int, float}:
        return pd.Series([float("nan") if v is None else float(v) for v in values], dtype="float64")
    if kinds <= {int, Decimal}:
        return pd.Series([v if v is None or isinstance(v, Decimal) else Decimal(v) for v in values], dtype=object)
    if kinds <= {dt.date, dt.datetime}:
        return pd.to_datetime(pd.Series(values, dtype=object))
    return pd.Series([None if v is None else str(v) for v in values], dtype=object)


def require_pandas() -> Any:
    """The pandas module, or :class:`helsekg.errors.MissingExtraError` (E301) naming ``pip install 'helsekg[pandas]'``."""
    try:
        import pandas
    except ImportError:
        raise MissingExtraError("QueryResult.to_dataframe()", "pandas", "pandas") from None
    return pandas


def to_dataframe(columns: Sequence[str], terms: Rows, texts: Sequence[Sequence[str | None]], *,
                 exact: bool = False) -> Any:
    """A pandas ``DataFrame`` of a SELECT result with typed columns (see the module docstring)."""
    pd = require_pandas()
    convert: Callable[[Term | None, str | None], Any] = lambda t, s: python_value(t, s, exact=exact)  # noqa: E731
    data = {c: _column([convert(row[i], text[i]) for row, text in zip(terms, texts)], pd)
            for i, c in enumerate(columns)}
    return pd.DataFrame(data, columns=list(columns))
