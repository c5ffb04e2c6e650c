"""The prefixes helsekg binds in graphs, predeclares in SPARQL and prints in its docs: one list."""

from __future__ import annotations

#: Namespaces of the vocabulary and the standards it aligns with.
VOCAB_PREFIXES: dict[str, str] = {
    "hkg": "https://w3id.org/helsekg/ontology#",
    "schema": "https://schema.org/",
    "dcterms": "http://purl.org/dc/terms/",
    "prov": "http://www.w3.org/ns/prov#",
    "org": "http://www.w3.org/ns/org#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "foaf": "http://xmlns.com/foaf/0.1/",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "owl": "http://www.w3.org/2002/07/owl#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
}

#: Namespace of the instances helsekg mints.
INSTANCES = "https://w3id.org/helsekg/id/"

#: Everything: vocabulary prefixes plus ``id:`` for instances.
PREFIXES: dict[str, str] = {**VOCAB_PREFIXES, "id": INSTANCES}
