"""SHACL Core shapes compiled to SPARQL and run by Oxigraph: pySHACL's verdict, several times faster.

pySHACL walks the shapes in Python over an rdflib graph, the largest cost of extracting a document.
:func:`compile_shapes` turns the shapes into a constraint table (a few hundred triples: one node per
check, with its focus shape, path and parameters) and a fixed handful of SPARQL queries, one per kind
of constraint, whose rows are violations. :meth:`CompiledShapes.validate` loads the data and the table
into an in-memory Oxigraph store, marks the focus nodes with one SPARQL update and runs the queries.
The result is the list of :class:`~helsekg.validate.core.Violation` that :func:`helsekg.validate.core.validate`
builds from pySHACL's report: focus node, path, value, severity, source shape and message.

Why a table and not one query per shape: Oxigraph spends much of the time of a small query on planning
it, and planning cost grows fast with UNIONs and EXISTS. Compiled to one query per shape, helsekg's
shapes took ~9 ms of queries per 700-triple document (5 ms of it planning); the dozen table-driven
queries (hash joins and MINUS over the table) take ~3.5 ms, so validation runs ~5x faster than pySHACL
instead of ~3x (benchmarks/validation_speed.py).

>>> from helsekg.validate import load_shapes
>>> from rdflib import Graph
>>> data = Graph().parse(format="turtle", data='''
...     @prefix hkg: <https://w3id.org/helsekg/ontology#> .
...     <https://w3id.org/helsekg/id/link/x> a hkg:AddressLink ; hkg:linkScore 1.5 .''')
>>> [(v.path.rsplit("#")[-1], v.value) for v in compile_shapes(load_shapes()).validate(data)]
[('linkScore', '1.5'), ('linkedMeasure', None), ('linkedRecommendation', None)]

Only the SHACL Core features in :data:`SUPPORTED` are compiled; any other ``sh:`` term in the shapes
graph (``sh:sparql``, ``sh:node``, ``sh:qualifiedValueShape``, a path expression, ...) raises
:class:`UnsupportedShapeError`, so a new shape is never silently ignored. Where pySHACL departs from
the SHACL specification or from SPARQL, the compiled queries follow pySHACL (pySHACL 0.40, rdflib 7):

- no inference, yet ``rdfs:subClassOf`` triples in the data graph are followed for ``sh:targetClass``
  and ``sh:class`` (``rdf:type/rdfs:subClassOf*``);
- values are rdflib terms: ``"nb"`` and ``"nb"^^xsd:string`` are different values for ``sh:in`` and
  ``sh:hasValue``, ``"041"^^xsd:nonNegativeInteger`` keeps its datatype (Oxigraph would store both by
  value, see :data:`DATATYPE_PREFIX`); language tags compare case-blind;
- ``sh:datatype`` accepts what rdflib accepts (``"1e5"^^xsd:decimal`` is well typed, ``"2025"^^xsd:gYear``
  is never checked), ``sh:pattern`` is Python's ``re.search``, and the ordering constraints compare
  rdflib literals the way pySHACL does (a string never passes a numeric bound). These run in Python,
  on the original rdflib literals, for the few values a SPARQL fast path for plain numerals leaves open;
- ``sh:languageIn`` matches a whole tag or its first subtag; ``sh:uniqueLang`` gives one result per
  duplicated language; ``sh:lessThan`` gives one result per failing pair of values and, like pySHACL,
  fails with an error on a blank node;
- ``focus_nodes`` keeps only the IRI focus nodes in the list, and an empty list validates everything;
- a deactivated shape produces nothing, a deactivated member makes its ``sh:or`` pass, a property shape
  used by two node shapes reports twice for a node targeted by both, and results carry the severity and
  ``sh:message`` of the shape that produced them (pySHACL's generic message without one).
"""

from __future__ import annotations

import re
import threading
import weakref
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

import pyoxigraph as ox
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import RDF, RDFS, SH, XSD

from helsekg.errors import ShapeEvaluationError, UnsupportedShapeError
from helsekg.graph.io import term_from_oxigraph
from helsekg.validate.report import Violation
from helsekg.validate.shapes import load_shapes

#: Typed literals are loaded into Oxigraph under this prefix + their datatype IRI. Oxigraph stores
#: numbers, booleans and dates by value ("041"^^xsd:nonNegativeInteger comes back as "41"^^xsd:integer)
#: and merges "x"^^xsd:string with "x"; pySHACL sees rdflib's terms, so lexical form and datatype must
#: survive unchanged.
DATATYPE_PREFIX = "urn:x-helsekg:datatype:"
#: The constraint table's own vocabulary (never in helsekg data).
TABLE = "urn:x-helsekg:shacl:"

TARGETS = ("targetClass", "targetNode", "targetSubjectsOf", "targetObjectsOf")
#: Constraint parameters compiled here (the SHACL Core subset helsekg's shapes use, and a little more).
CONSTRAINTS = (
    "class", "datatype", "nodeKind", "minCount", "maxCount", "minLength", "maxLength", "pattern",
    "flags", "languageIn", "uniqueLang", "in", "hasValue", "minInclusive", "maxInclusive",
    "minExclusive", "maxExclusive", "lessThan", "lessThanOrEquals", "or", "property",
)
ANNOTATIONS = ("path", "message", "severity", "deactivated", "name", "description", "order", "group",
               "defaultValue")
#: Every ``sh:`` predicate a shapes graph may use; any other raises :class:`UnsupportedShapeError`.
SUPPORTED = frozenset(SH[name] for name in TARGETS + CONSTRAINTS + ANNOTATIONS)
SUPPORTED_TYPES = frozenset({SH.NodeShape, SH.PropertyShape, SH.PropertyGroup})

_RANGES: dict[str, tuple[str, Callable[[int], bool], str]] = {
    "minInclusive": ("ge", lambda c: c >= 0, "Value is not >= {}"),
    "minExclusive": ("gt", lambda c: c > 0, "Value is not > {}"),
    "maxInclusive": ("le", lambda c: c <= 0, "Value is not <= {}"),
    "maxExclusive": ("lt", lambda c: c < 0, "Value is not < {}"),
}
_NODE_KINDS = {SH.IRI: "I", SH.BlankNode: "B", SH.Literal: "L", SH.BlankNodeOrIRI: "BI",
               SH.BlankNodeOrLiteral: "BL", SH.IRIOrLiteral: "IL"}
_HUGE = 10**18


# ----------------------------------------------------------------------------------------------
# Terms: rdflib <-> Oxigraph, keeping what rdflib (and so pySHACL) sees


def _x(name: str) -> ox.NamedNode:
    return ox.NamedNode(TABLE + name)


def _iri(name: str) -> str:
    return f"<{TABLE}{name}>"


_XSD_STRING = XSD.string
_DATATYPES: dict = {}  # rdflib datatype -> Oxigraph node of the wrapped datatype


def _to_ox(term: Any, originals: dict) -> Any:
    kind = type(term)
    if kind is URIRef:
        return ox.NamedNode(term)
    if kind is Literal or isinstance(term, Literal):
        language, datatype = term.language, term.datatype
        if language:
            return ox.Literal(term, language=language)
        if datatype is None:
            return ox.Literal(term)
        wrapped = _DATATYPES.get(datatype)
        if wrapped is None:
            wrapped = _DATATYPES[datatype] = ox.NamedNode(DATATYPE_PREFIX + str(datatype))
        node = ox.Literal(term, datatype=wrapped)
        if datatype != _XSD_STRING:
            originals.setdefault(node, term)  # rdflib's own value and ill_typed flag, for the Python checks
        return node
    if isinstance(term, URIRef):
        return ox.NamedNode(term)
    if isinstance(term, BNode):
        try:
            return ox.BlankNode(term)
        except ValueError:
            node = ox.BlankNode()
            originals[node] = term
            return node
    raise TypeError(f"cannot load {term!r} into Oxigraph")


def _from_ox(term: Any) -> Any:
    """An rdflib term, with a datatype wrapped by :func:`_to_ox` unwrapped."""
    if isinstance(term, ox.Literal) and not term.language and term.datatype.value.startswith(DATATYPE_PREFIX):
        return Literal(term.value, datatype=URIRef(term.datatype.value[len(DATATYPE_PREFIX):]))
    return term_from_oxigraph(term)


def _wrap(term: Any) -> Any:
    """An Oxigraph term with its datatype kept out of Oxigraph's canonical forms (see DATATYPE_PREFIX)."""
    if isinstance(term, ox.Literal) and not term.language:
        datatype = term.datatype.value
        if datatype != str(XSD.string) and not datatype.startswith(DATATYPE_PREFIX):
            return ox.Literal(term.value, datatype=ox.NamedNode(DATATYPE_PREFIX + datatype))
    return term


@dataclass
class _Data:
    """The data as Oxigraph quads, with what is needed to read results back as pySHACL would."""

    quads: list
    graph: Graph | None = None  # the rdflib input, for pySHACL's generic messages
    originals: dict = field(default_factory=dict)
    subclasses: bool = False  # the data has rdfs:subClassOf triples

    def term(self, node: Any) -> Any:
        """The rdflib term pySHACL saw for an Oxigraph term."""
        original = self.originals.get(node)
        return original if original is not None else _from_ox(node)

    def text(self, node: Any) -> str:
        original = self.originals.get(node)
        return str(original) if original is not None else node.value


_SHAPES = ox.NamedNode(TABLE + "shapes")  # the graph of the constraint table; data and focus marks: default graph
_SUBCLASS_OF = RDFS.subClassOf
_IRIS: dict = {}  # rdflib IRIs already converted (the vocabulary repeats from document to document)


def _rdflib_triples(graph: Graph) -> Any:
    """The graph's triples as nested dicts when its store allows (20x faster than iterating the graph)."""
    store = graph.store
    spo = getattr(store, "_Memory__spo", None)  # rdflib's Memory store, keyed subject -> predicate -> object
    if type(graph) is Graph and spo is not None and sum(1 for _ in store.contexts()) <= 1:
        return spo
    nested: dict = {}
    for s, p, o in graph:
        nested.setdefault(s, {}).setdefault(p, {})[o] = 1
    return nested


def _load(data: Any) -> _Data:
    if isinstance(data, Graph):
        originals: dict = {}
        iris = _IRIS if len(_IRIS) < 100_000 else _IRIS.clear() or _IRIS
        blanks: dict = {}
        quads = []
        quad, iri = ox.Quad, URIRef
        for s, po in _rdflib_triples(data).items():
            if type(s) is iri:
                ts = iris.get(s)
                if ts is None:
                    ts = iris[s] = ox.NamedNode(s)
            else:
                ts = blanks.get(s) or blanks.setdefault(s, _to_ox(s, originals))
            for p, os in po.items():
                tp = iris.get(p)
                if tp is None:
                    tp = iris[p] = _to_ox(p, originals)
                for o in os:
                    if type(o) is iri:
                        to = iris.get(o)
                        if to is None:
                            to = iris[o] = ox.NamedNode(o)
                    elif isinstance(o, BNode):
                        to = blanks.get(o) or blanks.setdefault(o, _to_ox(o, originals))
                    else:  # literals are mostly distinct, and rdflib hashes them slowly: no cache
                        to = _to_ox(o, originals)
                    quads.append(quad(ts, tp, to))
        return _Data(quads, graph=data, originals=originals, subclasses=(None, _SUBCLASS_OF, None) in data)
    if isinstance(data, ox.Store):  # every graph of the store, as one
        data = data.quads_for_pattern(None, None, None)
    quads = [ox.Quad(t.subject, t.predicate, _wrap(t.object)) for t in data]
    subclass = str(RDFS.subClassOf)
    return _Data(quads, subclasses=any(q.predicate.value == subclass for q in quads))


# ----------------------------------------------------------------------------------------------
# pySHACL's value semantics, for the values the SPARQL fast paths leave open


def _actual_datatype(value: Any, datatype: URIRef) -> bool:
    """pySHACL's ``DatatypeConstraintComponent._assert_actual_datatype``."""
    from datetime import date, datetime, time
    from decimal import Decimal

    kinds = {XSD.string: (str, bytes), RDF.langString: (str, bytes), XSD.integer: int, XSD.float: float,
             XSD.decimal: Decimal, XSD.boolean: bool, XSD.date: date, XSD.time: time, XSD.dateTime: datetime}
    kind = kinds.get(datatype)
    return True if kind is None else isinstance(value, kind)


def _datatype_ok(node: Any, datatype: URIRef) -> bool:
    """pySHACL's sh:datatype test of one value node (an rdflib term)."""
    if not isinstance(node, Literal):
        return False
    if node.datatype == datatype:
        return getattr(node, "ill_typed", None) is not True and _actual_datatype(node.value, datatype)
    if datatype == RDFS.Literal:
        return True
    if datatype == RDFS.Datatype and node.datatype:
        return True
    if node.datatype is None and node.language is None and datatype == XSD.string:
        return _actual_datatype(node.value, datatype)
    if datatype == RDF.langString and node.language:
        return _actual_datatype(node.value, datatype)
    return False


def _compare_literal(a: Literal, b: Literal) -> int:
    """pySHACL's ``rdfutil.compare.compare_literal``."""
    import datetime

    if a.eq(b):
        return 0
    if a.value.__class__ in (datetime.datetime, datetime.time):
        if a.value == b.value:
            return 0
        if a.value > b.value:
            return 1
    elif a > b:
        return 1
    return -1


def _range_ok(node: Any, bound: Literal, accept: Callable[[int], bool]) -> bool:
    """pySHACL's sh:minInclusive/minExclusive/maxInclusive/maxExclusive test of one value node."""
    if not isinstance(node, Literal):
        return False
    if isinstance(bound.value, str) != isinstance(node.value, str):
        return False
    try:
        return accept(_compare_literal(node, bound))
    except (TypeError, NotImplementedError):
        return False


def _pair_ok(value: Any, other: Any, or_equals: bool) -> bool:
    """pySHACL's sh:lessThan / sh:lessThanOrEquals test of one pair (errors propagate, as there)."""
    def side(node: Any) -> tuple[Any, bool]:
        if isinstance(node, URIRef):
            return str(node), True
        if isinstance(node, Literal) and isinstance(node.value, str):
            return node.value, True
        return node, False

    (a, a_string), (b, b_string) = side(value), side(other)
    if a_string != b_string:
        return False
    return bool(a <= b) if or_equals else bool(a < b)


def _pair_test(value: Any, other: Any, data: _Data, or_equals: bool) -> bool:
    if isinstance(value, ox.BlankNode) or isinstance(other, ox.BlankNode):
        name = "sh:lessThanOrEquals" if or_equals else "sh:lessThan"
        raise ShapeEvaluationError(f"{name} cannot compare a blank node")
    if other is None:
        return False
    return not _pair_ok(data.term(value), data.term(other), or_equals)


# ----------------------------------------------------------------------------------------------
# The queries: one per kind of constraint, over the data, the table and the marked focus nodes.
# Every query selects ?k (the check), ?this, and optionally ?v (value), ?w (other value) and ?m
# ("?": Python decides with pySHACL's rules; otherwise the row is a violation).

_TYPE = f"<{RDF.type}>"
_SUBCLASS_TYPE = f"<{RDF.type}>/<{RDFS.subClassOf}>*"
_XSD = str(XSD)


def _plain_number(v: str) -> str:
    """True for an xsd:decimal, xsd:integer or xsd:nonNegativeInteger whose lexical form Oxigraph casts:
    an XSD numeral, which rdflib reads as a well-typed value (Python's Decimal or int), exactly, so SPARQL
    compares it as pySHACL does. Oxigraph refuses more than 18 decimals rather than round them; the rest
    (exponents, spaces, NaN, ill-typed forms) is left to Python."""
    def typed(dt: str) -> str:
        return f"sameTerm(datatype({v}), <{DATATYPE_PREFIX}{_XSD}{dt}>)"

    return (f"(isLiteral({v}) && ({typed('decimal')} && isNumeric(<{_XSD}decimal>(STR({v}))) || "
            f"({typed('integer')} || {typed('nonNegativeInteger')} && !STRSTARTS(STR({v}), \"-\")) "
            f"&& isNumeric(<{_XSD}integer>(STR({v})))))")


def _number(v: str) -> str:
    return f"<{_XSD}decimal>(STR({v}))"


_SHAPES_GRAPH = f"<{TABLE}shapes>"  # the named graph of the constraint table; the data is the default graph


def _kind(kind: str, params: str, rest: str, *, select: str = "?k ?this ?v ?w ?m", tail: str = "") -> str:
    """A query over the checks of one kind: the table rows first (two constants, so Oxigraph's planner
    starts from the few checks of that kind), then the marked focus nodes, then the data. The
    placeholders {plain}, {num} (for ?v) and {plain_w}, {num_w} (for ?w) stand for the number tests."""
    query = (f"SELECT {select} WHERE {{ GRAPH {_SHAPES_GRAPH} {{ "
             f"?k {_iri('kind')} \"{kind}\" ; {_iri('focus')} ?F ; {_iri('path')} ?p {params} }} "
             f"?this {_iri('of')} ?F . {rest} }}{tail}")
    return (query.replace("{plain}", _plain_number("?v")).replace("{plain_w}", _plain_number("?w"))
            .replace("{num}", _number("?v")).replace("{num_w}", _number("?w")))


def _table(pattern: str) -> str:
    return f"GRAPH {_SHAPES_GRAPH} {{ {pattern} }}"


_LISTED = _table(f"?k {_iri('in')} ?v")
_LANGUAGE = _iri("language")
_LANGUAGES = " ".join(f"MINUS {{ {_table(f'?k {_LANGUAGE} ?{v}')} }}" for v in ("l1", "l2", "l3"))
_BOUND = _table(f"?k {_iri('bound')} ?b")


_KIND_QUERIES: dict[str, str] = {
    "class": _kind("class", f"; {_iri('class')} ?D", "?this ?p ?v FILTER NOT EXISTS { ?v #TYPE# ?D }"),
    "nodeKind": _kind("nodeKind", f"; {_iri('nodeKinds')} ?n",
                      "?this ?p ?v FILTER(!((isIRI(?v) && CONTAINS(?n, \"I\")) || (isBlank(?v) && CONTAINS(?n, \"B\")) "
                      "|| (isLiteral(?v) && CONTAINS(?n, \"L\"))))"),
    "in": _kind("in", "", f"?this ?p ?v MINUS {{ {_LISTED} }}"),
    "languageIn": _kind("languageIn", "",
                        "?this ?p ?v BIND(IF(isLiteral(?v), LCASE(lang(?v)), \"\") AS ?l1) "
                        "BIND(IF(?l1 = \"\", \"\", STRBEFORE(CONCAT(?l1, \"-\"), \"-\")) AS ?l2) "
                        "BIND(IF(?l1 = \"\", \"\", \"*\") AS ?l3) " + _LANGUAGES),
    "length": _kind("length", f"; {_iri('minLength')} ?lo ; {_iri('maxLength')} ?hi",
                    "?this ?p ?v FILTER(isBlank(?v) || STRLEN(STR(?v)) < ?lo || STRLEN(STR(?v)) > ?hi)"),
    "datatype": _kind(
        "datatype", f"; {_iri('datatype')} ?D ; {_iri('datatypeMode')} ?mode",
        "?this ?p ?v BIND(IF(!isLiteral(?v) || !sameTerm(datatype(?v), ?D), \"!\", "
        "IF(?mode = \"any\" || COALESCE({plain}, false), \"\", \"?\")) AS ?m) FILTER(?m != \"\")"),
    "datatypeSpecial": _kind(
        "datatypeSpecial", f"; {_iri('datatypeMode')} ?mode",
        "?this ?p ?v BIND(isLiteral(?v) AS ?lit) "
        f"BIND(IF(?lit, datatype(?v), {_iri('none')}) AS ?dt) BIND(IF(?lit, lang(?v), \"\") AS ?lang) "
        "FILTER(IF(?mode = \"literal\", !?lit, "
        f"IF(?mode = \"datatype\", !(?lit && ?lang = \"\" && !sameTerm(?dt, <{_XSD}string>)), "
        f"IF(?mode = \"string\", !(sameTerm(?dt, <{_XSD}string>) || sameTerm(?dt, <{DATATYPE_PREFIX}{_XSD}string>)), "
        "?lang = \"\")))) BIND(\"!\" AS ?m)"),
    "pattern": _kind("pattern", "", "?this ?p ?v BIND(IF(isBlank(?v), \"!\", \"?\") AS ?m)"),
    "range": _kind(
        "range", f"; {_iri('op')} ?op",
        f"?this ?p ?v OPTIONAL {{ {_BOUND} }} "
        "BIND(IF(!isLiteral(?v), \"!\", IF(COALESCE(BOUND(?b) && {plain} && "
        "IF(?op = \"ge\", {num} >= ?b, IF(?op = \"gt\", {num} > ?b, IF(?op = \"le\", {num} <= ?b, {num} < ?b))), "
        "false), \"\", \"?\")) AS ?m) FILTER(?m != \"\")"),
    "pair": _kind(
        "pair", f"; {_iri('lessThan')} ?q ; {_iri('orEquals')} ?eq",
        "?this ?p ?v OPTIONAL { ?this ?q ?w } "
        "BIND(IF(COALESCE({plain} && {plain_w} && IF(?eq, {num} <= {num_w}, {num} < {num_w}), false), "
        "\"\", \"?\") AS ?m) FILTER(?m != \"\")"),
    # one row per focus node and path with sh:minCount and/or sh:maxCount; ?w is the number of values
    "count": _kind("count", f"; {_iri('minCount')} ?lo ; {_iri('maxCount')} ?hi", "OPTIONAL { ?this ?p ?x }",
                   select="?k ?this (COUNT(?x) AS ?w)",
                   tail=" GROUP BY ?k ?this ?lo ?hi HAVING (COUNT(?x) < ?lo || COUNT(?x) > ?hi)"),
    "hasValue": _kind("hasValue", f"; {_iri('hasValue')} ?h", "FILTER NOT EXISTS { ?this ?p ?h }"),
    "uniqueLang": _kind("uniqueLang", "", "?this ?p ?a . ?this ?p ?b FILTER(isLiteral(?a) && isLiteral(?b) && "
                        "lang(?a) != \"\" && lang(?a) = lang(?b) && !sameTerm(?a, ?b)) BIND(lang(?a) AS ?w)",
                        select="DISTINCT ?k ?this ?v ?w ?m"),
}
_FOCUS_UPDATE = {
    "targetClass": "{ " + _table(f"?F {_iri('targetClass')} ?C") + " ?this #TYPE# ?C }",
    "targetNode": "{ " + _table(f"?F {_iri('targetNode')} ?this") + " }",
    "targetSubjectsOf": "{ " + _table(f"?F {_iri('targetSubjectsOf')} ?q") + " ?this ?q ?_o }",
    "targetObjectsOf": "{ " + _table(f"?F {_iri('targetObjectsOf')} ?q") + " ?_s ?q ?this }",
}


# ----------------------------------------------------------------------------------------------
# The compiled form


@dataclass(frozen=True)
class _Check:
    """One constraint of one shape, as used from one shape with targets: how its rows become Violations."""

    shape: str
    path: str | None
    severity: str
    message: str | None
    component: str
    value: bool  # the result carries sh:value
    test: Callable[[Any, Any, Any, _Data], bool] | None = None  # rows marked "?": True if a violation
    generic: Callable[[Any, Any, _Data], str] | None = None


@dataclass(frozen=True)
class CompiledShapes:
    """SHACL shapes compiled to a constraint table and SPARQL queries; see :func:`compile_shapes`."""

    table: tuple[ox.Quad, ...]
    focus_update: str
    queries: tuple[str, ...]
    checks: tuple[_Check, ...]
    counts: dict = field(default_factory=dict)  # count row -> ((check, min, max), ...) it stands for
    node_checks: bool = False  # some checks test the focus node itself (path :self)
    _local: threading.local = field(default_factory=threading.local, compare=False, repr=False)

    def _store(self) -> ox.Store:
        """This thread's store holding the constraint table, renewed every 8 uses: Oxigraph's memory store
        keeps the strings of removed data and slows down (measured best between 4 and 8)."""
        local = self._local
        uses = getattr(local, "uses", 0)
        if uses % 8 == 0:
            local.store = ox.Store()
            local.store.bulk_extend(ox.Quad(q.subject, q.predicate, q.object, _SHAPES) for q in self.table)
        local.uses = uses + 1
        return local.store

    def validate(self, data: Any, *, focus_nodes: Sequence[Any] | None = None) -> list[Violation]:
        """Validate ``data`` (an rdflib Graph, a pyoxigraph Store, or Oxigraph triples or quads).

        Args:
            data: the data graph; left unchanged (it is copied into a store of its own).
            focus_nodes: report only these IRI focus nodes (as pySHACL; an empty list means all).

        Returns:
            The violations, sorted as :func:`helsekg.validate.core.validate` sorts them.
        """
        loaded = _load(data)
        store = self._store()
        type_path = _SUBCLASS_TYPE if loaded.subclasses else _TYPE
        found = []
        try:
            store.bulk_extend(loaded.quads)
            store.update(self.focus_update.replace("#FOCUS#", _focus_values(focus_nodes, loaded.graph))
                         .replace("#TYPE#", type_path))
            if self.node_checks:
                store.update(f"INSERT {{ ?this {_iri('self')} ?this }} WHERE {{ ?this {_iri('of')} ?F }}")
            checks, start = self.checks, len(TABLE) + len("check/")
            for query in self.queries:
                for row in store.query(query.replace("#TYPE#", type_path)):
                    index, this = int(row["k"].value[start:]), row["this"]
                    if index in self.counts:
                        n = int(row["w"].value)
                        found += [_violation(checks[i], this, None, loaded) for i, lo, hi in self.counts[index]
                                  if n < lo or n > hi]
                        continue
                    check, value, mark = checks[index], row["v"], row["m"]
                    if mark is not None and mark.value == "?" and not check.test(this, value, row["w"], loaded):
                        continue
                    found.append(_violation(check, this, value if check.value else None, loaded))
        finally:
            store.clear_graph(ox.DefaultGraph())
        return sorted(found, key=lambda v: (v.focus, v.path or "", v.message, v.value or "", v.shape or ""))


def _violation(check: _Check, focus: Any, value: Any, data: _Data) -> Violation:
    message = check.message
    if message is None:
        message = check.generic(data.term(focus), None if value is None else data.term(value), data)
    return Violation(focus=data.text(focus), message=message, path=check.path,
                     value=None if value is None else data.text(value), severity=check.severity, shape=check.shape,
                     component=check.component)


def _focus_values(focus_nodes: Sequence[Any] | None, graph: Graph | None) -> str:
    """pySHACL's focus_nodes option as a VALUES clause (an empty list filters nothing).

    As in pySHACL, a name that is not an http:, https:, urn: or file: IRI is read as a CURIE of the data
    graph's prefixes, a term that is not a plain string there (a blank node) is a TypeError, and only
    IRI focus nodes are ever reported.
    """
    if not focus_nodes:
        return ""
    iris = []
    for node in focus_nodes:
        text = str(node)
        if not text.lower().startswith(("http:", "https:", "urn:", "file:")):
            if type(node) is not str:
                raise TypeError(f"focus node {node!r}: give an IRI or a CURIE string (as pySHACL requires)")
            if graph is not None:
                try:
                    text = str(graph.namespace_manager.expand_curie(text))
                except ValueError:
                    pass
        if not any(c in text for c in '<>"{}|^`\\ '):
            iris.append(f"<{text}>")
    return "VALUES ?this { " + (" ".join(iris) or _iri("no-focus-node")) + " }"


_CACHE: dict[int, tuple[Any, int, CompiledShapes]] = {}


def compile_shapes(shapes: Graph) -> CompiledShapes:
    """Compile a SHACL shapes graph; the result is cached for that graph (until it changes size).

    Raises:
        UnsupportedShapeError: the graph uses a SHACL feature outside :data:`SUPPORTED`, or a value
            that pySHACL would refuse when validating.
    """
    hit = _CACHE.get(id(shapes))
    if hit is not None and hit[0]() is shapes and hit[1] == len(shapes):
        return hit[2]
    compiled = _Compiler(shapes).compile()
    _CACHE[id(shapes)] = (weakref.ref(shapes), len(shapes), compiled)
    return compiled


def compile_path(path: str | None = None) -> CompiledShapes:
    """The compiled shapes of a shapes file (helsekg's own by default)."""

    return compile_shapes(load_shapes(path))


# ----------------------------------------------------------------------------------------------
# The compiler


@dataclass
class _Shape:
    node: Any
    path: URIRef | None
    severity: str
    message: str | None
    deactivated: bool


def _graph(data: _Data) -> Graph:
    """The graph pySHACL would name data terms from (the rdflib input, or an empty graph)."""
    return data.graph if data.graph is not None else Graph()


def _escape(text: str) -> str:
    return (text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\r", "\\r")
            .replace("\t", "\\t"))


def _sparql(term: Any) -> str:
    """A constant of the shapes graph written in a query, in the encoding of the loaded data."""
    if isinstance(term, URIRef):
        return f"<{term}>"
    text = f'"{_escape(str(term))}"'
    if term.language:
        return f"{text}@{term.language.lower()}"
    return text if term.datatype is None else f"{text}^^<{DATATYPE_PREFIX}{term.datatype}>"


class _Compiler:
    def __init__(self, graph: Graph) -> None:
        self.g = graph
        self.checks: list[_Check] = []
        self.table: list[ox.Quad] = []
        self.kinds: set[str] = set()
        self.or_queries: list[str] = []
        self.counts: dict[int, tuple[tuple[int, int, int], ...]] = {}
        self.shapes: dict[Any, _Shape] = {}
        self.fresh = 0
        self.node_checks = False

    # -- reading the shapes graph -------------------------------------------------------------

    def compile(self) -> CompiledShapes:
        g = self.g
        for s, p, o in g:
            if str(p).startswith(str(SH)) and p not in SUPPORTED:
                raise UnsupportedShapeError(s, f"{p.n3(g.namespace_manager)} is not compiled")
            if p == RDF.type and str(o).startswith(str(SH)) and o not in SUPPORTED_TYPES:
                raise UnsupportedShapeError(s, f"{o.n3(g.namespace_manager)} is not compiled")
        node_shapes = set(g.subjects(RDF.type, SH.NodeShape))
        nodes = (node_shapes | set(g.subjects(RDF.type, SH.PropertyShape))
                 | {s for t in TARGETS for s in g.subjects(SH[t], None)} | set(g.subjects(SH.property, None))
                 | set(g.objects(None, SH.property)) | {m for lst in g.objects(None, SH["or"]) for m in g.items(lst)})
        for node in nodes:
            self.shapes[node] = self._read_shape(node, node_shapes)
        class_types = {RDFS.Class, *g.subjects(RDFS.subClassOf, RDFS.Class)}
        used_targets: set[str] = set()
        top = 0
        for node in sorted(nodes, key=str):
            shape = self.shapes[node]
            targets = {t: list(g.objects(node, SH[t])) for t in TARGETS}
            if any(t in class_types for t in g.objects(node, RDF.type)):
                targets["targetClass"].append(node)  # an implicit class target
            if shape.deactivated or not any(targets.values()):
                continue
            focus, top = _x(f"shape/{top}"), top + 1  # the focus nodes of this shape are marked :of focus
            for kind, values in targets.items():
                for value in values:
                    if not isinstance(value, URIRef):
                        raise UnsupportedShapeError(node, f"sh:{kind} {value}: only IRIs are compiled as targets")
                    self.table.append(ox.Quad(focus, _x(kind), ox.NamedNode(value)))
                    used_targets.add(kind)
            self._compile_top(shape, focus)
        update = (f"INSERT {{ ?this {_iri('of')} ?F }} WHERE {{ #FOCUS# "
                  + " UNION ".join(_FOCUS_UPDATE[t] for t in TARGETS if t in used_targets) + " }")
        queries = [query for kind, query in _KIND_QUERIES.items() if kind in self.kinds]
        if self.or_queries:
            queries.append("SELECT ?k ?this ?v ?w ?m WHERE { " + " UNION ".join(self.or_queries) + " }")
        return CompiledShapes(table=tuple(self.table), focus_update=update if used_targets else "INSERT DATA { }",
                              queries=tuple(queries), checks=tuple(self.checks), counts=self.counts,
                              node_checks=self.node_checks)

    def _read_shape(self, node: Any, node_shapes: set) -> _Shape:
        g = self.g
        paths = list(g.objects(node, SH.path))
        if len(paths) > 1 or (paths and node in node_shapes):
            raise UnsupportedShapeError(node, "not a well-formed shape (a node shape with sh:path, or two paths)")
        path = paths[0] if paths else None
        if path is not None and not isinstance(path, URIRef):
            raise UnsupportedShapeError(node, "a path expression: only IRI paths are compiled")
        deactivated = set(g.objects(node, SH.deactivated))
        if len(deactivated) > 1 or any(not isinstance(d, Literal) for d in deactivated):
            raise UnsupportedShapeError(node, "an invalid sh:deactivated")
        severities = set(g.objects(node, SH.severity))
        if len(severities) > 1:
            raise UnsupportedShapeError(node, "several values of sh:severity")
        severity = str(next(iter(severities))) if severities else str(SH.Violation)
        messages = set(g.objects(node, SH.message))  # pySHACL's own order, as its report holds them
        return _Shape(node=node, path=path, severity=severity.rsplit("#", 1)[-1],
                      message=str(next(iter(messages))) if messages else None,
                      deactivated=bool(next(iter(deactivated)).value) if deactivated else False)

    def _one(self, shape: _Shape, name: str) -> Any:
        values = list(self.g.objects(shape.node, SH[name]))
        if len(values) > 1:
            raise UnsupportedShapeError(shape.node, f"several values of sh:{name}")
        return values[0] if values else None

    def _count(self, shape: _Shape, name: str) -> int | None:
        value = self._one(shape, name)
        if value is None:
            return None
        integers = {XSD.integer} if name.endswith("Count") else {
            XSD.integer, XSD.nonNegativeInteger, XSD.positiveInteger, XSD.int, XSD.long, XSD.short,
            XSD.byte, XSD.unsignedInt, XSD.unsignedLong, XSD.unsignedShort, XSD.unsignedByte}
        if not isinstance(value, Literal) or value.datatype not in integers or value.ill_typed or value.value < 0:
            raise UnsupportedShapeError(shape.node, f"an invalid sh:{name} {value}")
        if shape.path is None and name in ("minCount", "maxCount"):
            raise UnsupportedShapeError(shape.node, f"not a well-formed shape: sh:{name} on a node shape")
        return int(value.value)

    def _label(self, node: Any, graph: Graph | None = None) -> str:
        from pyshacl.rdfutil import stringify_node

        return stringify_node(graph if graph is not None else self.g, node)

    def _constant(self, node: Any, value: Any) -> Any:
        """A constant of the shapes graph, as table value in the encoding of the loaded data."""
        if isinstance(value, BNode):
            raise UnsupportedShapeError(node, f"a blank node as a constraint value: {value}")
        return _to_ox(value, {})

    # -- checks and table rows -----------------------------------------------------------------

    def _check(self, shape: _Shape, focus: ox.NamedNode, component: str, kind: str, rows: list[tuple[str, Any]],
               *, value: bool = True, test: Callable | None = None, generic: Callable | None = None) -> ox.NamedNode:
        """Register a check: a table node with its focus shape, path and parameters, read by ``kind``'s query."""
        self.checks.append(self._record(shape, component, value=value, test=test, generic=generic))
        check = _x(f"check/{len(self.checks) - 1}")
        path = _x("self") if shape.path is None else ox.NamedNode(shape.path)
        self.node_checks |= shape.path is None and kind != "or"
        self.table += [ox.Quad(check, _x("kind"), ox.Literal(kind)), ox.Quad(check, _x("focus"), focus),
                       ox.Quad(check, _x("path"), path)]
        self.table += [ox.Quad(check, _x(p), o) for p, o in rows]
        self.kinds.add(kind)
        return check

    def _record(self, shape: _Shape, component: str, *, value: bool = True, test: Callable | None = None,
                generic: Callable | None = None) -> _Check:
        return _Check(shape=str(shape.node), path=None if shape.path is None else str(shape.path),
                      severity=shape.severity, message=shape.message, component=component, value=value,
                      test=test, generic=generic)

    def _compile_top(self, shape: _Shape, focus: ox.NamedNode) -> None:
        members = [shape]
        if shape.path is None:
            for node in self.g.objects(shape.node, SH.property):
                member = self.shapes[node]
                if member.path is None:
                    raise UnsupportedShapeError(shape.node, f"sh:property {node} is not a property shape (no sh:path)")
                if (node, SH.property, None) in self.g or (node, SH["or"], None) in self.g:
                    raise UnsupportedShapeError(node, "sh:property or sh:or on a property shape")
                members.append(member)
        elif (shape.node, SH.property, None) in self.g:
            raise UnsupportedShapeError(shape.node, "sh:property on a property shape")
        for member in members:
            if not member.deactivated:
                self._constraints(member, focus)

    def _constraints(self, shape: _Shape, focus: ox.NamedNode) -> None:
        g, node, path = self.g, shape.node, shape.path
        label = self._label

        def on(term: Any, data: _Data) -> str:  # a data term, named as pySHACL names it
            return label(term, _graph(data))

        # pySHACL's generic messages, for shapes without sh:message; built only when needed (they import pySHACL)
        classes = list(g.objects(node, SH["class"]))
        for cls in classes:
            self._check(shape, focus, "class", "class", [("class", self._constant(node, cls))],
                        generic=lambda f, x, d, c=classes: (
                            f"Value does not have class {label(c[0])}" if len(c) == 1 else
                            f"Value class is not in classes ({', '.join(label(k) for k in c)})"))

        datatype = self._one(shape, "datatype")
        if datatype is not None:
            self._datatype(shape, focus, datatype)

        kind = self._one(shape, "nodeKind")
        if kind is not None:
            self._check(shape, focus, "nodeKind", "nodeKind", [("nodeKinds", ox.Literal(_NODE_KINDS.get(kind, "")))],
                        generic=lambda f, x, d: f"Value is not of Node Kind {label(kind)}")

        listed = self._one(shape, "in")
        if listed is not None:
            values: set = set()
            for item in g.items(listed):
                values.add(item)
            self._check(shape, focus, "in", "in", [("inCheck", ox.Literal(True))]
                        + [("in", self._constant(node, v)) for v in values],
                        generic=lambda f, x, d: f"Value {on(x, d)} not in list {[label(v) for v in values]}")

        languages = self._one(shape, "languageIn")
        if languages is not None:
            wanted = set()
            for item in g.items(languages):
                if not isinstance(item, Literal) or not isinstance(item.value, str):
                    raise UnsupportedShapeError(node, "an sh:languageIn member that is not a string")
                wanted.add(str(item.value).lower())
            self._check(shape, focus, "languageIn", "languageIn", [("languageCheck", ox.Literal(True))]
                        + [("language", ox.Literal(t)) for t in sorted(wanted) if t],
                        generic=lambda f, x, d: f"String language is not in {label(languages)}")

        for name, word in (("minLength", ">="), ("maxLength", "<=")):
            n = self._count(shape, name)
            if n is None or (name == "minLength" and n == 0):
                continue
            lo, hi = (n, _HUGE) if name == "minLength" else (0, n)
            rule = self._one(shape, name)
            self._check(shape, focus, name, "length", [("minLength", ox.Literal(lo)), ("maxLength", ox.Literal(hi))],
                        generic=lambda f, x, d, t=f"String length not {word} ", r=rule: t + on(r, d))

        patterns = list(g.objects(node, SH.pattern))
        if patterns:
            flags = set(g.objects(node, SH.flags))
            text = str(next(iter(flags)).value).lower() if flags else ""
            re_flags = (re.I if "i" in text else 0) | (re.M if "m" in text else 0)
            texts = [str(p.value) for p in patterns]
            generic = (f"Value does not match pattern '{texts[0]}'" if len(texts) == 1 else
                       "Value does not match every pattern in ('{}')".format("', '".join(texts)))
            for pattern in patterns:
                if not isinstance(pattern, Literal):
                    raise UnsupportedShapeError(node, "an sh:pattern that is not a literal")
                matcher = re.compile(str(pattern), re_flags)
                self._check(shape, focus, "pattern", "pattern", [("pattern", ox.Literal(True))],
                            test=lambda f, x, w, d, m=matcher: not (m.match(d.text(x)) or m.search(d.text(x))),
                            generic=lambda f, x, d, t=generic: t)

        for name, (op, accept, text) in _RANGES.items():
            bounds = list(g.objects(node, SH[name]))
            for bound in bounds:
                if not isinstance(bound, Literal):
                    raise UnsupportedShapeError(node, f"an sh:{name} that is not a literal")
                rows = [("op", ox.Literal(op))]
                if (bound.datatype in (XSD.decimal, XSD.integer, XSD.nonNegativeInteger) and not bound.ill_typed
                        and re.fullmatch(r"-?[0-9]{1,18}(\.[0-9]{1,18})?", bound)):
                    rows.append(("bound", ox.Literal(str(bound), datatype=ox.NamedNode(XSD.decimal))))
                self._check(shape, focus, name, "range", rows,
                            test=lambda f, x, w, d, b=bound, a=accept: not _range_ok(d.term(x), b, a),
                            generic=lambda f, x, d, t=text, bs=bounds: (
                                t.format(label(bs[0])) if len(bs) == 1 else
                                t.replace("{}", "in ({})").format(", ".join(label(b) for b in bs))))

        for name in ("lessThan", "lessThanOrEquals"):
            others = list(g.objects(node, SH[name]))
            for other in others:
                if path is None or not isinstance(other, URIRef):
                    raise UnsupportedShapeError(node, f"an invalid sh:{name} (only on property shapes, to an IRI)")
                or_equals = name == "lessThanOrEquals"
                sign = "<" if or_equals else "<="  # pySHACL's generic message names the failing relation
                self._check(shape, focus, name, "pair", [("lessThan", ox.NamedNode(other)),
                                                         ("orEquals", ox.Literal(or_equals))],
                            test=lambda f, x, w, d, e=or_equals: _pair_test(x, w, d, e),
                            generic=lambda f, x, d, o=other, s=sign: f"Value of {on(f, d)}->{label(o)} {s} {on(x, d)}")

        bounds = []  # (check, lo, hi): both cardinalities of a path are counted by one table row
        for name, word in (("minCount", "Less"), ("maxCount", "More")):
            n = self._count(shape, name)
            if n is None or (name == "minCount" and n == 0):
                continue
            self.checks.append(self._record(shape, name, value=False, generic=lambda f, x, d, n=n, w=word: (
                f"{w} than {n} values on {on(f, d)}->{label(path)}")))
            bounds.append((len(self.checks) - 1, n, _HUGE) if name == "minCount" else (len(self.checks) - 1, 0, n))
        if bounds:
            lo, hi = max(b[1] for b in bounds), min(b[2] for b in bounds)
            group = self._check(shape, focus, "count", "count",
                                [("minCount", ox.Literal(lo)), ("maxCount", ox.Literal(hi))])
            self.counts[int(group.value.rsplit("/", 1)[1])] = tuple(bounds)

        has_values = set(g.objects(node, SH.hasValue))

        def has_value_message(f: Any, x: Any, d: _Data) -> str:
            names = [label(h) for h in has_values]
            return (f"Node {on(f, d)}->{label(path)} does not contain a value in the set: {names}" if path is not None
                    else f"Node {on(f, d)} value is not a in the set of values: {names}")

        for hv in has_values:
            self._check(shape, focus, "hasValue", "hasValue", [("hasValue", self._constant(node, hv))],
                        value=False, generic=has_value_message)

        unique = self._one(shape, "uniqueLang")
        if unique is not None:
            if path is None or not isinstance(unique, Literal) or not isinstance(unique.value, bool):
                raise UnsupportedShapeError(node, "an invalid sh:uniqueLang")
            if unique.value:
                self._check(shape, focus, "uniqueLang", "uniqueLang", [("uniqueLang", ox.Literal(True))], value=False,
                            generic=lambda f, x, d: "More than one String shares the same Language")

        for members in g.objects(node, SH["or"]):
            self._or(shape, focus, members)

    def _datatype(self, shape: _Shape, focus: ox.NamedNode, datatype: Any) -> None:
        import rdflib.term

        special = {RDFS.Literal: "literal", RDFS.Datatype: "datatype", XSD.string: "string",
                   RDF.langString: "langString"}
        if datatype in special:
            mode, kind = special[datatype], "datatypeSpecial"
        elif datatype in getattr(rdflib.term, "_toPythonMapping", rdflib.term.XSDToPython):
            mode, kind = "checked", "datatype"  # rdflib reads the lexical form: pySHACL rejects what it finds ill-typed
        else:
            mode, kind = "any", "datatype"  # rdflib cannot read it, so pySHACL accepts any literal of that datatype
        self._check(shape, focus, "datatype", kind,
                    [("datatype", ox.NamedNode(DATATYPE_PREFIX + datatype)), ("datatypeMode", ox.Literal(mode))],
                    test=lambda f, x, w, d, dt=datatype: not _datatype_ok(d.term(x), dt),
                    generic=lambda f, x, d: f"Value is not Literal with datatype {self._label(datatype)}")

    # -- sh:or: a condition per member, compiled into one small query --------------------------

    def _or(self, shape: _Shape, focus: ox.NamedNode, members_list: Any) -> None:
        if shape.path is not None:
            raise UnsupportedShapeError(shape.node, "sh:or on a property shape")
        members = set(self.g.items(members_list))
        if not members:
            raise UnsupportedShapeError(shape.node, "an empty sh:or list")
        conforms = [self._conforms(self.shapes[m]) for m in members]
        if any(c is None for c in conforms):
            return  # a deactivated member conforms, so the sh:or always passes
        lists, label, g = list(self.g.objects(shape.node, SH["or"])), self._label, self.g

        def or_message(f: Any, x: Any, d: _Data) -> str:
            names = (" , ".join(label(m) for m in g.items(lists[0])) if len(lists) == 1 else
                     " and ".join(f"({' , '.join(label(m) for m in g.items(lst))})" for lst in lists))
            return f"Node {label(x, _graph(d))} must conform to one or more shapes in {names}"

        check = self._check(shape, focus, "or", "or", [], generic=or_message)
        self.or_queries.append(f"{{ ?this {_iri('of')} <{focus.value}> FILTER(!({' || '.join(conforms)})) "
                               f"BIND(<{check.value}> AS ?k) BIND(?this AS ?v) }}")

    def _var(self) -> str:
        self.fresh += 1
        return f"?_{self.fresh}"

    def _conforms(self, member: _Shape) -> str | None:
        """A SPARQL condition true when ``?this`` conforms to ``member`` (None: always, it is deactivated)."""
        if member.deactivated:
            return None
        g, node, path = self.g, member.node, member.path
        allowed = {"minCount", "maxCount", "hasValue", "class", "nodeKind", "in", "languageIn", "minLength",
                   "maxLength"}
        for p in g.predicates(node, None):
            name = str(p)[len(str(SH)):] if str(p).startswith(str(SH)) else None
            if name in CONSTRAINTS and name not in allowed:
                raise UnsupportedShapeError(node, f"sh:{name} inside sh:or")
        x, y = self._var(), self._var()
        v = "?this" if path is None else x
        bad = []  # value conditions, each true for a value that fails
        for cls in g.objects(node, SH["class"]):
            bad.append(f"(isLiteral({v}) || NOT EXISTS {{ {v} #TYPE# {_sparql(self._shapes_constant(node, cls))} }})")
        kind = self._one(member, "nodeKind")
        if kind is not None:
            kinds = _NODE_KINDS.get(kind, "")
            ok = [f"is{name}({v})" for letter, name in (("I", "IRI"), ("B", "Blank"), ("L", "Literal"))
                  if letter in kinds]
            bad.append(f"!({' || '.join(ok) or 'false'})")
        listed = self._one(member, "in")
        if listed is not None:
            same = [f"sameTerm({v}, {_sparql(self._shapes_constant(node, item))})" for item in g.items(listed)]
            bad.append(f"!({' || '.join(same) or 'false'})")
        languages = self._one(member, "languageIn")
        if languages is not None:
            wanted = {str(item).lower() for item in g.items(languages)} - {""}
            tags = ", ".join(f'"{_escape(t)}"' for t in sorted(wanted))
            match = "true" if "*" in wanted else (
                f"LCASE(lang({v})) IN ({tags}) || LCASE(STRBEFORE(CONCAT(lang({v}), \"-\"), \"-\")) IN ({tags})"
                if tags else "false")
            bad.append(f"!(isLiteral({v}) && lang({v}) != \"\" && ({match}))")
        n = self._count(member, "minLength")
        if n:
            bad.append(f"(isBlank({v}) || STRLEN(STR({v})) < {n})")
        n = self._count(member, "maxLength")
        if n is not None:
            bad.append(f"(isBlank({v}) || STRLEN(STR({v})) > {n})")
        fails = [f"EXISTS {{ ?this <{path}> {x} FILTER({' || '.join(bad)}) }}"] if bad and path else list(bad)
        n = self._count(member, "minCount")
        if n is not None and n > 1:
            raise UnsupportedShapeError(node, "sh:minCount above 1 inside sh:or")
        if n == 1:
            fails.append(f"NOT EXISTS {{ ?this <{path}> {x} }}")
        n = self._count(member, "maxCount")
        if n is not None and n > 1:
            raise UnsupportedShapeError(node, "sh:maxCount above 1 inside sh:or")
        if n == 0:
            fails.append(f"EXISTS {{ ?this <{path}> {x} }}")
        elif n == 1:
            fails.append(f"EXISTS {{ ?this <{path}> {x}, {y} FILTER(!sameTerm({x}, {y})) }}")
        for hv in g.objects(node, SH.hasValue):
            term = _sparql(self._shapes_constant(node, hv))
            fails.append(f"NOT EXISTS {{ ?this <{path}> {term} }}" if path else f"!sameTerm(?this, {term})")
        return "!(" + (" || ".join(fails) or "false") + ")"

    def _shapes_constant(self, node: Any, value: Any) -> Any:
        """A constant of the shapes graph, as rdflib term (blank nodes cannot be compared across graphs)."""
        if isinstance(value, BNode):
            raise UnsupportedShapeError(node, f"a blank node as a constraint value: {value}")
        return value
