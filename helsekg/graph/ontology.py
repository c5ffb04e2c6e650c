"""Generate ``helsekg/graph/namespace.py`` and ``docs/ontology.md`` from ``ontology/helsekg.ttl``.

The Turtle file is the single source of the helsekg terms; both outputs are derived from it and
tests fail when they drift (``test_ontology_namespace_in_sync``, ``test_ontology_docs_in_sync``)::

    python -m helsekg.graph.ontology namespace > helsekg/graph/namespace.py
    python -m helsekg.graph.ontology docs > docs/ontology.md

Modelled on rdflib's ``tools/defined_namespace_creator.py``, but deterministic (sorted, no dates)
so the generated files can be compared byte for byte.

>>> terms = ontology_terms(load_ontology())
>>> [t.name for t in terms if t.kind == "class"][:3]
['Actor', 'AddressLink', 'AmountKind']
>>> "class HKG(DefinedNamespace):" in render_namespace(load_ontology())
True
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.collection import Collection
from rdflib.namespace import OWL, RDF, RDFS, SH, Namespace

from helsekg.graph.prefixes import VOCAB_PREFIXES
from helsekg.resources import ontology_path, shapes_path

HKG_IRI = VOCAB_PREFIXES["hkg"]
ONTOLOGY_IRI = URIRef("https://w3id.org/helsekg/ontology")
VS = Namespace("http://www.w3.org/2003/06/sw-vocab-status/ns#")

#: Prefixes used when printing IRIs in the docs (and listed there).
PREFIXES: dict[str, str] = VOCAB_PREFIXES

#: Further prefixes used only for display (SHACL terms in the shapes tables).
_DISPLAY_PREFIXES: dict[str, str] = {
    **PREFIXES,
    "sh": "http://www.w3.org/ns/shacl#",
    "hkgsh": "https://w3id.org/helsekg/shapes#",
}

_KIND_ORDER = {"class": 0, "object property": 1, "datatype property": 2, "individual": 3}


@dataclass(frozen=True)
class Term:
    """One ``hkg:`` term as read from the ontology."""

    name: str
    iri: URIRef
    kind: str  # "class", "object property", "datatype property" or "individual"
    label_nb: str
    label_en: str
    comment: str
    domain: tuple[str, ...] = ()
    range: tuple[str, ...] = ()
    parents: tuple[str, ...] = ()  # rdfs:subClassOf, owl:equivalentClass, rdfs:subPropertyOf, rdf:type
    extension: bool = False


def load_ontology(path: Path | None = None) -> Graph:
    """Parse the ontology Turtle (default: the shipped ``helsekg.ttl``)."""
    graph = Graph()
    graph.parse(path or ontology_path(), format="turtle")
    return graph


def load_shapes(path: Path | None = None) -> Graph:
    """Parse the SHACL shapes Turtle (default: the shipped ``helsekg-shapes.ttl``)."""
    graph = Graph()
    graph.parse(path or shapes_path(), format="turtle")
    return graph


def curie(node: object) -> str:
    """Shorten an IRI with :data:`PREFIXES`; literals and other IRIs are returned as text.

    >>> curie(URIRef("https://w3id.org/helsekg/ontology#Measure"))
    'hkg:Measure'
    >>> curie(URIRef("https://example.org/x"))
    '<https://example.org/x>'
    """
    if isinstance(node, URIRef):
        for prefix, base in _DISPLAY_PREFIXES.items():
            if str(node).startswith(base) and len(str(node)) > len(base):
                return f"{prefix}:{str(node)[len(base):]}"
        return f"<{node}>"
    if isinstance(node, Literal):
        if isinstance(node.value, (bool, int)):
            return str(node).lower() if isinstance(node.value, bool) else str(node)
        return f'"{node}"' + (f"@{node.language}" if node.language else "")
    return str(node)


def _literal(graph: Graph, subject: URIRef, predicate: URIRef, lang: str) -> str:
    values = sorted(str(o) for o in graph.objects(subject, predicate) if isinstance(o, Literal) and o.language == lang)
    return values[0] if values else ""


def _class_expression(graph: Graph, node: object) -> tuple[str, ...]:
    """Named classes of a class or an ``owl:unionOf`` expression."""
    if isinstance(node, BNode):
        union = graph.value(node, OWL.unionOf)
        if union is not None:
            return tuple(curie(member) for member in Collection(graph, union))
        return ()
    return (curie(node),)


def _expressions(graph: Graph, subject: URIRef, predicate: URIRef) -> tuple[str, ...]:
    found: list[str] = []
    for node in graph.objects(subject, predicate):
        found.extend(_class_expression(graph, node))
    return tuple(sorted(found))


def ontology_terms(graph: Graph) -> list[Term]:
    """Every term in the ``hkg:`` namespace, sorted by kind then name."""
    kinds = {
        OWL.Class: "class",
        OWL.ObjectProperty: "object property",
        OWL.DatatypeProperty: "datatype property",
        OWL.NamedIndividual: "individual",
    }
    terms: list[Term] = []
    for subject in sorted(set(graph.subjects(RDF.type, None))):
        if not isinstance(subject, URIRef) or not str(subject).startswith(HKG_IRI):
            continue
        types = set(graph.objects(subject, RDF.type))
        kind = next((k for t, k in kinds.items() if t in types), None)
        if kind is None:
            continue
        parents: list[str] = []
        for predicate in (RDFS.subClassOf, OWL.equivalentClass, RDFS.subPropertyOf):
            parents.extend(curie(o) for o in graph.objects(subject, predicate) if isinstance(o, URIRef))
        if kind == "individual":
            parents.extend(curie(t) for t in types if t != OWL.NamedIndividual)
        terms.append(
            Term(
                name=str(subject)[len(HKG_IRI):],
                iri=subject,
                kind=kind,
                label_nb=_literal(graph, subject, RDFS.label, "nb"),
                label_en=_literal(graph, subject, RDFS.label, "en"),
                comment=_literal(graph, subject, RDFS.comment, "en"),
                domain=_expressions(graph, subject, RDFS.domain),
                range=_expressions(graph, subject, RDFS.range),
                parents=tuple(sorted(parents)),
                extension=(subject, VS.term_status, Literal("testing")) in graph,
            )
        )
    terms.sort(key=lambda t: (_KIND_ORDER[t.kind], t.name.lower(), t.name))
    return terms


# ---------------------------------------------------------------------------------------------
# namespace.py
# ---------------------------------------------------------------------------------------------

_NAMESPACE_HEADER = '''\
# GENERATED FILE, DO NOT EDIT.
# Source: ontology/helsekg.ttl (version {version}).
# Regenerate: python -m helsekg.graph.ontology namespace > helsekg/graph/namespace.py
"""The helsekg ontology terms as a closed rdflib namespace, plus the namespaces the graph uses.

``HKG`` is closed: a misspelt term raises instead of minting a new IRI.

>>> HKG.Measure
rdflib.term.URIRef('https://w3id.org/helsekg/ontology#Measure')
>>> HKG.Mesure
Traceback (most recent call last):
...
AttributeError: term 'Mesure' not in namespace 'https://w3id.org/helsekg/ontology#'
>>> ID["actor/helsedirektoratet"]
rdflib.term.URIRef('https://w3id.org/helsekg/id/actor/helsedirektoratet')
"""

from rdflib.namespace import DCTERMS, FOAF, ORG, PROV, SKOS, XSD, DefinedNamespace, Namespace
from rdflib.namespace import SDO as SCHEMA
from rdflib.term import URIRef

__all__ = ["DCTERMS", "FOAF", "HKG", "ID", "ORG", "PROV", "SCHEMA", "SKOS", "XSD"]

#: Instances (documents, mentions, actors, measures, ...) are minted under this namespace.
ID = Namespace("https://w3id.org/helsekg/id/")


class HKG(DefinedNamespace):
    """helsekg ontology <https://w3id.org/helsekg/ontology> (version {version}).

    Generated from ontology/helsekg.ttl; "extension" marks terms beyond spec/vocabulary.md.
    """

    _fail = True
    _NS = Namespace("{namespace}")
'''

_SECTIONS = {
    "class": "Classes",
    "object property": "Object properties",
    "datatype property": "Datatype properties",
    "individual": "Individuals",
}


def render_namespace(graph: Graph) -> str:
    """Python source of ``helsekg/graph/namespace.py`` for the ontology in ``graph``."""
    version = graph.value(ONTOLOGY_IRI, OWL.versionInfo)
    lines = [_NAMESPACE_HEADER.format(version=version, namespace=HKG_IRI)]
    current = None
    for term in ontology_terms(graph):
        if not term.name.isidentifier():
            raise ValueError(f"helsekg ontology term {term.name!r} is not a Python identifier; rename it in the Turtle")
        if term.kind != current:
            current = term.kind
            lines.append(f"\n    # {_SECTIONS[current]}\n")
        note = f"{term.label_en} / {term.label_nb}" + (" (helsekg extension)" if term.extension else "")
        lines.append(f"    {term.name}: URIRef  # {note}\n")
    return "".join(lines)


# ---------------------------------------------------------------------------------------------
# docs/ontology.md
# ---------------------------------------------------------------------------------------------

_EXAMPLE_QUERY = """\
PREFIX hkg:     <https://w3id.org/helsekg/ontology#>
PREFIX schema:  <https://schema.org/>
PREFIX rdfs:    <http://www.w3.org/2000/01/rdf-schema#>
PREFIX dcterms: <http://purl.org/dc/terms/>

# Measures with their funding, who proposes them, and where each amount is stated.
SELECT ?measure ?label ?actorLabel ?value ?qualifier ?kind ?title ?anchor ?start ?end
WHERE {
  ?measure a hkg:Measure ;
           rdfs:label ?label ;
           hkg:hasFunding ?amount .
  ?amount schema:value ?value ;
          hkg:qualifier ?qualifier ;
          hkg:amountKind ?kind ;
          hkg:hasMention ?mention .
  ?mention hkg:inDocument ?doc ;
           hkg:anchorText ?anchor ;
           hkg:startOffset ?start ;
           hkg:endOffset ?end .
  ?doc dcterms:title ?title .
  OPTIONAL { ?measure hkg:proposedBy/rdfs:label ?actorLabel }
}
ORDER BY DESC(?value)
"""


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def _codes(items: Sequence[str]) -> str:
    return ", ".join(f"`{item}`" for item in items)


def _path_text(shapes: Graph, path: object) -> str:
    if isinstance(path, URIRef):
        return curie(path)
    return "(complex path)"


def _constraints(shapes: Graph, prop: object) -> str:
    """A one-line summary of the Core constraints of one property shape."""
    parts: list[str] = []
    for predicate in (
        SH.minCount, SH.maxCount, SH.datatype, SH["class"], SH.nodeKind, SH.hasValue, SH.pattern,
        SH.minLength, SH.uniqueLang, SH.lessThan, SH.lessThanOrEquals,
    ):
        for value in sorted(shapes.objects(prop, predicate)):
            parts.append(f"{curie(predicate)} {curie(value)}")
    for predicate in (SH["in"], SH.languageIn):
        head = shapes.value(prop, predicate)
        if head is not None:
            parts.append(f"{curie(predicate)} (" + " ".join(curie(v) for v in Collection(shapes, head)) + ")")
    return "; ".join(parts)


def _reused_properties(shapes: Graph) -> list[tuple[str, str, str, str]]:
    """(target classes, property, constraints, message) for the non-``hkg:`` paths in the shapes.

    Property shapes shared by several node shapes (e.g. the rdfs:label rule) give one row.
    """
    on: dict[tuple[str, str, str], set[str]] = {}
    for node_shape in set(shapes.subjects(SH.targetClass, None)):
        targets = {curie(t) for t in shapes.objects(node_shape, SH.targetClass)}
        for prop in shapes.objects(node_shape, SH.property):
            path = shapes.value(prop, SH.path)
            if not isinstance(path, URIRef) or str(path).startswith(HKG_IRI) or path == RDF.type:
                continue
            key = (curie(path), _constraints(shapes, prop), str(shapes.value(prop, SH.message) or ""))
            on.setdefault(key, set()).update(targets)
    rows = [(", ".join(sorted(classes)), path, constraints, message) for (path, constraints, message), classes in on.items()]
    return sorted(rows, key=lambda row: (row[1], row[0], row[2]))


def _shape_rows(shapes: Graph) -> list[tuple[str, str, str]]:
    rows = []
    for node_shape in set(shapes.subjects(SH.targetClass, None)):
        targets = sorted(curie(t) for t in shapes.objects(node_shape, SH.targetClass))
        paths = sorted({_path_text(shapes, shapes.value(p, SH.path)) for p in shapes.objects(node_shape, SH.property)})
        if shapes.value(node_shape, SH["or"]) is not None:
            paths.append("sh:or")
        rows.append((curie(node_shape), ", ".join(targets), ", ".join(paths)))
    return sorted(rows)


def render_docs(graph: Graph, shapes: Graph | None = None) -> str:
    """Markdown reference page for the ontology (and, when given, the SHACL shapes)."""
    terms = ontology_terms(graph)
    version = graph.value(ONTOLOGY_IRI, OWL.versionInfo)
    title = _literal(graph, ONTOLOGY_IRI, URIRef("http://purl.org/dc/terms/title"), "en")
    description = _literal(graph, ONTOLOGY_IRI, URIRef("http://purl.org/dc/terms/description"), "en")
    license_ = graph.value(ONTOLOGY_IRI, URIRef("http://purl.org/dc/terms/license"))
    out: list[str] = [
        "<!-- GENERATED FILE, DO NOT EDIT. Source: ontology/helsekg.ttl and shapes/helsekg-shapes.ttl.",
        "     Regenerate: python -m helsekg.graph.ontology docs > docs/ontology.md -->",
        "",
        f"# {title}",
        "",
        f"Ontology IRI `{ONTOLOGY_IRI}`, version {version}, licence <{license_}>.",
        "",
        description,
        "",
        "The core terms are the public contract of `spec/vocabulary.md`. Terms marked **extension** are",
        "helsekg additions beyond that contract. In Python use the closed namespace",
        "`helsekg.graph.namespace.HKG` (a misspelt term raises `AttributeError`). Instances are typed with their",
        "class and all its vocabulary superclasses, so the queries below need no inference.",
        "",
        "## Prefixes",
        "",
        "| prefix | namespace |",
        "|---|---|",
    ]
    out += [f"| `{prefix}:` | `{iri}` |" for prefix, iri in PREFIXES.items()]
    out += ["| (instances) | `https://w3id.org/helsekg/id/` |", ""]

    def status(term: Term) -> str:
        return " (**extension**)" if term.extension else ""

    out += [
        "## Classes",
        "",
        "| term | nb | en | comment | subclass of / alignment |",
        "|---|---|---|---|---|",
    ]
    for t in terms:
        if t.kind == "class":
            out.append(
                f"| `hkg:{t.name}`{status(t)} | {_cell(t.label_nb)} | {_cell(t.label_en)} | "
                f"{_cell(t.comment)} | {_codes(t.parents)} |"
            )
    out += [
        "",
        "## Properties",
        "",
        "| term | kind | nb | en | comment | domain | range | sub-property of |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for t in terms:
        if t.kind.endswith("property"):
            kind = "object" if t.kind == "object property" else "datatype"
            out.append(
                f"| `hkg:{t.name}`{status(t)} | {kind} | {_cell(t.label_nb)} | {_cell(t.label_en)} | "
                f"{_cell(t.comment)} | {_codes(t.domain)} | {_codes(t.range)} | {_codes(t.parents)} |"
            )
    out += [
        "",
        "## Qualifier and amount-kind individuals",
        "",
        "| individual | type | nb | en | comment |",
        "|---|---|---|---|---|",
    ]
    for t in terms:
        if t.kind == "individual":
            out.append(
                f"| `hkg:{t.name}`{status(t)} | {_codes(t.parents)} | {_cell(t.label_nb)} | "
                f"{_cell(t.label_en)} | {_cell(t.comment)} |"
            )
    if shapes is not None:
        out += [
            "",
            "## Reused properties",
            "",
            "Terms from other vocabularies that the graph uses, with the constraints the SHACL shapes",
            "(`shapes/helsekg-shapes.ttl`) put on them.",
            "",
            "| property | on | constraints | message |",
            "|---|---|---|---|",
        ]
        for on, path, constraints, message in _reused_properties(shapes):
            out.append(f"| `{path}` | {_codes(on.split(', '))} | {_cell(constraints)} | {_cell(message)} |")
        out += [
            "",
            "## SHACL shapes",
            "",
            "SHACL Core only (no SPARQL-based constraints); validate with pySHACL and `inference=\"none\"`.",
            "",
            "| shape | targets | property paths |",
            "|---|---|---|",
        ]
        for shape, targets, paths in _shape_rows(shapes):
            out.append(f"| `{shape}` | {_codes(targets.split(', '))} | {_codes(paths.split(', ')) if paths else ''} |")
    out += ["", "## Example query", "", "```sparql", _EXAMPLE_QUERY.rstrip("\n"), "```", ""]
    return "\n".join(out)


# ---------------------------------------------------------------------------------------------
# command line
# ---------------------------------------------------------------------------------------------


def main(argv: Sequence[str] | None = None) -> int:
    """``python -m helsekg.graph.ontology namespace|docs``: print the generated file to stdout."""
    parser = argparse.ArgumentParser(
        prog="python -m helsekg.graph.ontology",
        description="Generate helsekg/graph/namespace.py or docs/ontology.md from ontology/helsekg.ttl.",
    )
    parser.add_argument("target", choices=["namespace", "docs"], help="what to generate")
    parser.add_argument("--ontology", type=Path, default=None, help="ontology Turtle (default: shipped)")
    parser.add_argument("--shapes", type=Path, default=None, help="SHACL Turtle for docs (default: shipped)")
    args = parser.parse_args(argv)
    graph = load_ontology(args.ontology)
    if args.target == "namespace":
        text = render_namespace(graph)
    else:
        text = render_docs(graph, load_shapes(args.shapes))
    sys.stdout.write(text)
    return 0


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
