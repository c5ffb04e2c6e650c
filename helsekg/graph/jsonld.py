"""JSON-LD with helsekg's shipped ``@context``: compact, readable, and the same graph when read back.

``helsekg/data/context.jsonld`` maps helsekg's prefixes (:mod:`helsekg.graph.prefixes`) and names every
property of ``ontology/helsekg.ttl`` (plus the schema.org and Dublin Core ones the graphs use) by its
local name, with its datatype (``"startOffset": {"@id": "hkg:startOffset", "@type":
"xsd:nonNegativeInteger"}``) or ``"@type": "@id"`` for a property whose values are nodes. A JSON-LD
file written by helsekg embeds that context, so any JSON-LD processor reads it without the network.
:func:`build_context` regenerates the file from the ontology (``make docs``; a test checks they agree).

>>> context = load_context()["@context"]
>>> context["hkg"], context["startOffset"]["@type"], context["proposedBy"]["@type"]
('https://w3id.org/helsekg/ontology#', 'xsd:nonNegativeInteger', '@id')
"""

from __future__ import annotations

import copy
import json
from typing import Any

from rdflib import Graph, URIRef
from rdflib.namespace import OWL, RDF, RDFS, XSD

from helsekg import resources
from helsekg.graph.prefixes import PREFIXES

CONTEXT_FILE = "context.jsonld"

#: Properties from other vocabularies that helsekg graphs use, with the datatype helsekg writes.
EXTERNAL: dict[str, str | None] = {
    "schema:value": "xsd:decimal", "schema:minValue": "xsd:decimal", "schema:maxValue": "xsd:decimal",
    "schema:currency": None, "schema:unitText": None,
    "dcterms:title": None, "dcterms:issued": "xsd:date", "dcterms:language": None, "dcterms:source": None,
    "dcterms:format": None, "dcterms:publisher": "@id", "org:memberOf": "@id",
    "rdfs:label": None, "skos:prefLabel": None, "skos:altLabel": None,
}


def _curie(iri: str) -> str:
    for prefix, namespace in PREFIXES.items():
        if iri.startswith(namespace):
            return f"{prefix}:{iri[len(namespace):]}"
    return iri


def build_context(ontology: Graph | None = None) -> dict[str, Any]:
    """The ``@context`` document: prefixes, then every property by local name (ontology ones first)."""
    if ontology is None:
        ontology = Graph().parse(resources.ontology_path(), format="turtle")
    hkg = PREFIXES["hkg"]
    context: dict[str, Any] = dict(PREFIXES)
    terms: dict[str, Any] = {}
    for prop in sorted({*ontology.subjects(RDF.type, OWL.ObjectProperty),
                        *ontology.subjects(RDF.type, OWL.DatatypeProperty)}, key=str):
        if not isinstance(prop, URIRef) or not str(prop).startswith(hkg):
            continue
        ranges = [str(r) for r in ontology.objects(prop, RDFS.range)]
        if (prop, RDF.type, OWL.ObjectProperty) in ontology:
            kind: str | None = "@id"
        else:
            kind = next((_curie(r) for r in ranges if r.startswith(str(XSD)) and r != str(XSD.string)), None)
        terms[str(prop)[len(hkg):]] = {"@id": _curie(str(prop)), **({"@type": kind} if kind else {})}
    for curie, kind in EXTERNAL.items():
        name = curie.split(":", 1)[1]
        if name not in terms:
            terms[name] = {"@id": curie, **({"@type": kind} if kind else {})}
    context.update(sorted(terms.items()))
    return {"@context": context}


def load_context() -> dict[str, Any]:
    """The shipped ``@context`` document (``helsekg/data/context.jsonld``; a copy, so callers may change it)."""
    return copy.deepcopy(resources.load_data(CONTEXT_FILE))


def to_jsonld(graph: Graph) -> bytes:
    """``graph`` as compacted JSON-LD with the shipped context embedded (rdflib's JSON-LD writer)."""
    data = graph.serialize(format="json-ld", context=load_context()["@context"], auto_compact=True, indent=1)
    return data.encode("utf-8")


if __name__ == "__main__":  # pragma: no cover - make docs: regenerate helsekg/data/context.jsonld
    print(json.dumps(build_context(), ensure_ascii=False, indent=2))
