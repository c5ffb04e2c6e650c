"""The SHACL shapes: each node shape has a conforming graph and violating graphs with the expected results.

Every case starts from a small conforming graph (Turtle below) and, for the violating cases, applies one
SPARQL Update; the test then asserts the exact set of (focus node, result path) pairs pySHACL reports.
"""

from __future__ import annotations

import pyshacl
import pytest
from rdflib import Graph, URIRef
from rdflib.namespace import RDF, SH

from helsekg.graph.namespace import HKG
from helsekg.resources import shapes_path

PREFIXES = """\
@base <https://w3id.org/helsekg/id/> .
@prefix hkg:     <https://w3id.org/helsekg/ontology#> .
@prefix rdf:     <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .
@prefix rdfs:    <http://www.w3.org/2000/01/rdf-schema#> .
@prefix xsd:     <http://www.w3.org/2001/XMLSchema#> .
@prefix dcterms: <http://purl.org/dc/terms/> .
@prefix schema:  <https://schema.org/> .
@prefix skos:    <http://www.w3.org/2004/02/skos/core#> .
@prefix doc:     <https://w3id.org/helsekg/id/doc/> .
@prefix m:       <https://w3id.org/helsekg/id/mention/kompetanseloft-1a2b3c4d/> .
@prefix actor:   <https://w3id.org/helsekg/id/actor/> .
@prefix measure: <https://w3id.org/helsekg/id/measure/> .
@prefix amount:  <https://w3id.org/helsekg/id/amount/kompetanseloft-1a2b3c4d/> .
@prefix quantity: <https://w3id.org/helsekg/id/quantity/kompetanseloft-1a2b3c4d/> .
@prefix goal:    <https://w3id.org/helsekg/id/goal/kompetanseloft-1a2b3c4d/> .
@prefix tg:      <https://w3id.org/helsekg/id/target-group/> .
@prefix rec:     <https://w3id.org/helsekg/id/recommendation/kompetanseloft-1a2b3c4d/> .
@prefix theme:   <https://w3id.org/helsekg/id/theme/> .
@prefix quote:   <https://w3id.org/helsekg/id/quote/kompetanseloft-1a2b3c4d/> .
@prefix link:    <https://w3id.org/helsekg/id/link/> .
"""

# The document, its publisher and the publisher's mention: present in every case.
CONTEXT = """
doc:kompetanseloft-1a2b3c4d a hkg:PolicyDocument ;
    dcterms:title "Regjeringen styrker Kompetanseløft 2025"@nb ;
    dcterms:language "nb" ;
    dcterms:issued "2024-10-07"^^xsd:date ;
    dcterms:source "corpus/kompetanseloft.txt" ;
    dcterms:publisher actor:helse-og-omsorgsdepartementet ;
    hkg:contentHash "1a2b3c4d26b04401627ca9fbac32f5c8530fb1903cc4db02258717921a48810a" ;
    hkg:documentKind "pressemelding" ;
    dcterms:format "application/pdf" .

actor:helse-og-omsorgsdepartementet a hkg:Organisation , hkg:Actor ;
    rdfs:label "Helse- og omsorgsdepartementet"@nb ;
    hkg:mentionedIn doc:kompetanseloft-1a2b3c4d ;
    hkg:hasMention m:41-71 .

m:41-71 a hkg:Mention ;
    hkg:inDocument doc:kompetanseloft-1a2b3c4d ;
    hkg:startOffset "41"^^xsd:nonNegativeInteger ;
    hkg:endOffset "71"^^xsd:nonNegativeInteger ;
    hkg:anchorText "Helse- og omsorgsdepartementet" ;
    hkg:page "1"^^xsd:positiveInteger ;
    hkg:heading "Regjeringen styrker Kompetanseløft 2025" .
"""


def _mention(span: str, text: str) -> str:
    start, end = span.split("-")
    return f"""
m:{span} a hkg:Mention ; hkg:inDocument doc:kompetanseloft-1a2b3c4d ;
    hkg:startOffset "{start}"^^xsd:nonNegativeInteger ; hkg:endOffset "{end}"^^xsd:nonNegativeInteger ;
    hkg:anchorText "{text}" .
"""


SNIPPETS = {
    "person": """
actor:jan-christian-vestre a hkg:Person , hkg:Actor ;
    rdfs:label "Jan Christian Vestre"@nb ;
    hkg:role "helse- og omsorgsminister"@nb ;
    hkg:mentionedIn doc:kompetanseloft-1a2b3c4d ;
    hkg:hasMention m:512-532 .
""" + _mention("512-532", "Jan Christian Vestre"),
    "programme": """
measure:kompetanseloft-2025 a hkg:Programme , hkg:Measure ;
    rdfs:label "Kompetanseløft 2025"@nb ;
    hkg:mentionedIn doc:kompetanseloft-1a2b3c4d ;
    hkg:hasMention m:20-39 .
""" + _mention("20-39", "Kompetanseløft 2025"),
    "amount": """
amount:80-99 a hkg:MonetaryAmount ;
    rdfs:label "53 millioner kroner"@nb ;
    schema:value "53000000"^^xsd:decimal ;
    schema:currency "NOK" ;
    hkg:qualifier hkg:Exact ;
    hkg:amountKind hkg:Increase ;
    hkg:fiscalYear "2025"^^xsd:gYear ;
    hkg:mentionedIn doc:kompetanseloft-1a2b3c4d ;
    hkg:hasMention m:80-99 .
""" + _mention("80-99", "53 millioner kroner"),
    "quantity": """
quantity:160-178 a hkg:Quantity ;
    rdfs:label "200 nye stillinger"@nb ;
    schema:value "200"^^xsd:decimal ;
    schema:unitText "stillinger"@nb ;
    hkg:qualifier hkg:AtLeast ;
    schema:minValue "200"^^xsd:decimal ;
    schema:maxValue "250"^^xsd:decimal ;
    hkg:mentionedIn doc:kompetanseloft-1a2b3c4d ;
    hkg:hasMention m:160-178 .
""" + _mention("160-178", "200 nye stillinger"),
    "goal": """
goal:200-236 a hkg:Goal ;
    rdfs:label "rekruttere og beholde helsepersonell"@nb ;
    hkg:hasTheme theme:rekruttering ;
    hkg:mentionedIn doc:kompetanseloft-1a2b3c4d ;
    hkg:hasMention m:200-236 .
""" + _mention("200-236", "rekruttere og beholde helsepersonell"),
    "target-group": """
tg:ansatte-i-kommunene a hkg:TargetGroup ;
    rdfs:label "ansatte i kommunene"@nb ;
    hkg:mentionedIn doc:kompetanseloft-1a2b3c4d ;
    hkg:hasMention m:250-269 .
""" + _mention("250-269", "ansatte i kommunene"),
    "recommendation": """
actor:helsepersonellkommisjonen a hkg:Organisation , hkg:Actor ;
    rdfs:label "Helsepersonellkommisjonen"@nb ;
    hkg:mentionedIn doc:kompetanseloft-1a2b3c4d ;
    hkg:hasMention m:300-325 .
rec:330-369 a hkg:Recommendation ;
    rdfs:label "styrke utdanningen av helsefagarbeidere"@nb ;
    hkg:recommendedBy actor:helsepersonellkommisjonen ;
    hkg:hasTheme theme:rekruttering ;
    hkg:mentionedIn doc:kompetanseloft-1a2b3c4d ;
    hkg:hasMention m:330-369 .
""" + _mention("300-325", "Helsepersonellkommisjonen") + _mention("330-369", "styrke utdanningen av helsefagarbeidere"),
    "theme": """
theme:rekruttering a hkg:Theme , skos:Concept ;
    rdfs:label "rekruttering"@nb ;
    hkg:mentionedIn doc:kompetanseloft-1a2b3c4d ;
    hkg:hasMention m:400-412 .
""" + _mention("400-412", "rekruttering"),
    "theme-preflabel": """
theme:psykisk-helse a hkg:Theme , skos:Concept ;
    skos:prefLabel "psykisk helse"@nb , "psykisk helse"@nn .
""",
    "quote": """
quote:540-584 a hkg:Quote ;
    rdfs:label "Vi må sikre nok helsepersonell i hele landet"@nb ;
    hkg:quoteText "Vi må sikre nok helsepersonell i hele landet"@nb ;
    hkg:statedBy actor:jan-christian-vestre ;
    hkg:mentionedIn doc:kompetanseloft-1a2b3c4d ;
    hkg:hasMention m:540-584 .
""" + _mention("540-584", "Vi må sikre nok helsepersonell i hele landet"),
    "link": """
link:0123456789abcdef a hkg:AddressLink ;
    hkg:linkedMeasure measure:tilskudd-til-utdanning-av-helsefagarbeidere ;
    hkg:linkedRecommendation rec:330-369 ;
    hkg:linkScore "0.412"^^xsd:decimal ;
    hkg:sharedTheme theme:rekruttering ;
    hkg:evidenceTerm "utdanning" , "helsefagarbeider" .
""",
    "measure": """
measure:tilskudd-til-utdanning-av-helsefagarbeidere a hkg:Measure ;
    rdfs:label "tilskudd til utdanning av helsefagarbeidere"@nb ;
    hkg:proposedBy actor:helse-og-omsorgsdepartementet ;
    hkg:hasFunding amount:80-99 ;
    hkg:hasQuantity quantity:160-178 ;
    hkg:hasGoal goal:200-236 ;
    hkg:targets tg:ansatte-i-kommunene ;
    hkg:partOf measure:kompetanseloft-2025 ;
    hkg:addresses rec:330-369 ;
    hkg:hasTheme theme:rekruttering ;
    hkg:mentionedIn doc:kompetanseloft-1a2b3c4d ;
    hkg:hasMention m:100-143 .
""" + _mention("100-143", "tilskudd til utdanning av helsefagarbeidere"),
}

# Conforming graph of each node shape: CONTEXT plus these snippets.
GRAPHS = {
    "PolicyDocumentShape": [],
    "MentionShape": [],
    "ActorShape": [],
    "OrganisationShape": [],
    "PersonShape": ["person"],
    "MeasureShape": ["measure", "programme", "amount", "quantity", "goal", "target-group", "recommendation", "theme"],
    "ProgrammeShape": ["programme"],
    "MonetaryAmountShape": ["amount"],
    "QuantityShape": ["quantity"],
    "GoalShape": ["goal", "theme"],
    "TargetGroupShape": ["target-group"],
    "RecommendationShape": ["recommendation", "theme"],
    "ThemeShape": ["theme", "theme-preflabel"],
    "QuoteShape": ["quote", "person"],
    "AddressLinkShape": ["link", "measure", "programme", "amount", "quantity", "goal", "target-group", "recommendation", "theme"],
}

DOC = "doc:kompetanseloft-1a2b3c4d"
HOD = "actor:helse-og-omsorgsdepartementet"
MENTION = "m:41-71"
VESTRE = "actor:jan-christian-vestre"
MEASURE = "measure:tilskudd-til-utdanning-av-helsefagarbeidere"
PROGRAMME = "measure:kompetanseloft-2025"
AMOUNT = "amount:80-99"
QUANTITY = "quantity:160-178"
GOAL = "goal:200-236"
TG = "tg:ansatte-i-kommunene"
REC = "rec:330-369"
THEME = "theme:rekruttering"
THEME2 = "theme:psykisk-helse"
QUOTE = "quote:540-584"
LINK = "link:0123456789abcdef"


def _swap(subject: str, predicate: str, new: str | None) -> str:
    """SPARQL Update replacing every ``subject predicate ?o`` by ``subject predicate new``."""
    insert = f"INSERT {{ {subject} {predicate} {new} }}" if new is not None else ""
    return f"DELETE {{ {subject} {predicate} ?o }} {insert} WHERE {{ OPTIONAL {{ {subject} {predicate} ?o }} }}"


def _add(subject: str, predicate: str, obj: str) -> str:
    return f"INSERT DATA {{ {subject} {predicate} {obj} }}"


# (shape, case id, SPARQL update, expected {(focus, path)}); path None = node-level result.
VIOLATIONS = [
    ("PolicyDocumentShape", "title-in-english", _swap(DOC, "dcterms:title", '"Competence lift 2025"@en'),
     {(DOC, "dcterms:title")}),
    ("PolicyDocumentShape", "title-untagged", _swap(DOC, "dcterms:title", '"Kompetanseløft 2025"'), {(DOC, "dcterms:title")}),
    ("PolicyDocumentShape", "language-en", _swap(DOC, "dcterms:language", '"en"'), {(DOC, "dcterms:language")}),
    ("PolicyDocumentShape", "language-missing", _swap(DOC, "dcterms:language", None), {(DOC, "dcterms:language")}),
    ("PolicyDocumentShape", "issued-as-text", _swap(DOC, "dcterms:issued", '"7. oktober 2024"'), {(DOC, "dcterms:issued")}),
    ("PolicyDocumentShape", "two-issued", _add(DOC, "dcterms:issued", '"2024-10-08"^^xsd:date'), {(DOC, "dcterms:issued")}),
    ("PolicyDocumentShape", "no-source", _swap(DOC, "dcterms:source", None), {(DOC, "dcterms:source")}),
    ("PolicyDocumentShape", "publisher-not-actor", _swap(DOC, "dcterms:publisher", '"Helse- og omsorgsdepartementet"@nb'), {(DOC, "dcterms:publisher")}),
    ("PolicyDocumentShape", "hash-not-hex", _swap(DOC, "hkg:contentHash", '"1A2B3C4D"'), {(DOC, "hkg:contentHash")}),
    ("PolicyDocumentShape", "two-kinds", _add(DOC, "hkg:documentKind", '"nyhet"'), {(DOC, "hkg:documentKind")}),
    ("MentionShape", "start-after-end", _swap(MENTION, "hkg:startOffset", '"80"^^xsd:nonNegativeInteger'), {(MENTION, "hkg:startOffset")}),
    ("MentionShape", "start-equals-end", _swap(MENTION, "hkg:startOffset", '"71"^^xsd:nonNegativeInteger'), {(MENTION, "hkg:startOffset")}),
    ("MentionShape", "negative-start", _swap(MENTION, "hkg:startOffset", '"-1"^^xsd:integer'), {(MENTION, "hkg:startOffset")}),
    ("MentionShape", "start-as-int", _swap(MENTION, "hkg:startOffset", "41"), {(MENTION, "hkg:startOffset")}),
    ("MentionShape", "no-end", _swap(MENTION, "hkg:endOffset", None), {(MENTION, "hkg:endOffset")}),
    ("MentionShape", "no-document", _swap(MENTION, "hkg:inDocument", None), {(MENTION, "hkg:inDocument")}),
    ("MentionShape", "document-not-document", _swap(MENTION, "hkg:inDocument", HOD), {(MENTION, "hkg:inDocument")}),
    ("MentionShape", "no-anchor", _swap(MENTION, "hkg:anchorText", None), {(MENTION, "hkg:anchorText")}),
    ("MentionShape", "anchor-tagged", _swap(MENTION, "hkg:anchorText", '"Helse- og omsorgsdepartementet"@nb'), {(MENTION, "hkg:anchorText")}),
    ("MentionShape", "page-as-integer", _swap(MENTION, "hkg:page", '"-1"^^xsd:integer'), {(MENTION, "hkg:page")}),
    ("MentionShape", "page-as-int", _swap(MENTION, "hkg:page", "3"), {(MENTION, "hkg:page")}),
    ("MentionShape", "two-pages", _add(MENTION, "hkg:page", '"2"^^xsd:positiveInteger'), {(MENTION, "hkg:page")}),
    ("MentionShape", "two-headings", _add(MENTION, "hkg:heading", '"Tiltak"'), {(MENTION, "hkg:heading")}),
    ("MentionShape", "heading-empty", _swap(MENTION, "hkg:heading", '""'), {(MENTION, "hkg:heading")}),
    ("PolicyDocumentShape", "format-tagged", _swap(DOC, "dcterms:format", '"application/pdf"@en'), {(DOC, "dcterms:format")}),
    ("ActorShape", "label-untagged", _swap(HOD, "rdfs:label", '"Helse- og omsorgsdepartementet"'), {(HOD, "rdfs:label")}),
    ("ActorShape", "label-en", _swap(HOD, "rdfs:label", '"Ministry of Health and Care Services"@en'), {(HOD, "rdfs:label")}),
    ("ActorShape", "no-label", _swap(HOD, "rdfs:label", None), {(HOD, "rdfs:label")}),
    ("ActorShape", "two-preflabels-nb", _add(HOD, "skos:prefLabel", '"HOD"@nb, "Helse- og omsorgsdepartementet"@nb'),
     {(HOD, "skos:prefLabel")}),
    ("ActorShape", "preflabel-en", _add(HOD, "skos:prefLabel", '"Ministry of Health and Care Services"@en'),
     {(HOD, "skos:prefLabel")}),
    ("ActorShape", "no-mentioned-in", _swap(HOD, "hkg:mentionedIn", None), {(HOD, "hkg:mentionedIn")}),
    ("ActorShape", "no-mention", _swap(HOD, "hkg:hasMention", None), {(HOD, "hkg:hasMention")}),
    ("ActorShape", "mention-is-document", _swap(HOD, "hkg:hasMention", DOC), {(HOD, "hkg:hasMention")}),
    # Dropping the superclass type also breaks the document's dcterms:publisher (sh:class hkg:Actor).
    ("OrganisationShape", "not-typed-actor", f"DELETE DATA {{ {HOD} a hkg:Actor }}", {(HOD, "rdf:type"), (DOC, "dcterms:publisher")}),
    ("PersonShape", "not-typed-actor", f"DELETE DATA {{ {VESTRE} a hkg:Actor }}", {(VESTRE, "rdf:type")}),
    ("PersonShape", "role-untagged", _swap(VESTRE, "hkg:role", '"helse- og omsorgsminister"'), {(VESTRE, "hkg:role")}),
    ("PersonShape", "role-iri", _swap(VESTRE, "hkg:role", "<role/minister>"), {(VESTRE, "hkg:role")}),
    ("PersonShape", "no-mention", _swap(VESTRE, "hkg:hasMention", None), {(VESTRE, "hkg:hasMention")}),
    ("MeasureShape", "no-label", _swap(MEASURE, "rdfs:label", None), {(MEASURE, "rdfs:label")}),
    ("MeasureShape", "proposed-by-theme", _swap(MEASURE, "hkg:proposedBy", THEME), {(MEASURE, "hkg:proposedBy")}),
    ("MeasureShape", "funding-is-quantity", _swap(MEASURE, "hkg:hasFunding", QUANTITY), {(MEASURE, "hkg:hasFunding")}),
    ("MeasureShape", "quantity-is-amount", _swap(MEASURE, "hkg:hasQuantity", AMOUNT), {(MEASURE, "hkg:hasQuantity")}),
    ("MeasureShape", "goal-is-target-group", _swap(MEASURE, "hkg:hasGoal", TG), {(MEASURE, "hkg:hasGoal")}),
    ("MeasureShape", "targets-goal", _swap(MEASURE, "hkg:targets", GOAL), {(MEASURE, "hkg:targets")}),
    ("MeasureShape", "part-of-target-group", _swap(MEASURE, "hkg:partOf", TG), {(MEASURE, "hkg:partOf")}),
    ("MeasureShape", "addresses-goal", _swap(MEASURE, "hkg:addresses", GOAL), {(MEASURE, "hkg:addresses")}),
    ("MeasureShape", "theme-is-goal", _swap(MEASURE, "hkg:hasTheme", GOAL), {(MEASURE, "hkg:hasTheme")}),
    ("ProgrammeShape", "not-typed-measure", f"DELETE DATA {{ {PROGRAMME} a hkg:Measure }}", {(PROGRAMME, "rdf:type")}),
    ("MonetaryAmountShape", "value-integer", _swap(AMOUNT, "schema:value", "53000000"), {(AMOUNT, "schema:value")}),
    ("MonetaryAmountShape", "value-string", _swap(AMOUNT, "schema:value", '"53 millioner kroner"'), {(AMOUNT, "schema:value")}),
    ("MonetaryAmountShape", "value-beyond-ore", _swap(AMOUNT, "schema:value", '"53000000.505"^^xsd:decimal'), {(AMOUNT, "schema:value")}),
    ("MonetaryAmountShape", "no-value", _swap(AMOUNT, "schema:value", None), {(AMOUNT, "schema:value")}),
    ("MonetaryAmountShape", "currency-eur", _swap(AMOUNT, "schema:currency", '"EUR"'), {(AMOUNT, "schema:currency")}),
    ("MonetaryAmountShape", "qualifier-is-kind", _swap(AMOUNT, "hkg:qualifier", "hkg:Increase"), {(AMOUNT, "hkg:qualifier")}),
    ("MonetaryAmountShape", "two-qualifiers", _add(AMOUNT, "hkg:qualifier", "hkg:Approximately"), {(AMOUNT, "hkg:qualifier")}),
    ("MonetaryAmountShape", "no-kind", _swap(AMOUNT, "hkg:amountKind", None), {(AMOUNT, "hkg:amountKind")}),
    ("MonetaryAmountShape", "kind-is-qualifier", _swap(AMOUNT, "hkg:amountKind", "hkg:Exact"), {(AMOUNT, "hkg:amountKind")}),
    ("MonetaryAmountShape", "year-integer", _swap(AMOUNT, "hkg:fiscalYear", "2025"), {(AMOUNT, "hkg:fiscalYear")}),
    ("MonetaryAmountShape", "no-mention", _swap(AMOUNT, "hkg:hasMention", None), {(AMOUNT, "hkg:hasMention")}),
    ("QuantityShape", "no-unit", _swap(QUANTITY, "schema:unitText", None), {(QUANTITY, "schema:unitText")}),
    ("QuantityShape", "value-string", _swap(QUANTITY, "schema:value", '"200"'), {(QUANTITY, "schema:value")}),
    ("QuantityShape", "no-qualifier", _swap(QUANTITY, "hkg:qualifier", None), {(QUANTITY, "hkg:qualifier")}),
    ("QuantityShape", "qualifier-is-kind", _swap(QUANTITY, "hkg:qualifier", "hkg:Total"), {(QUANTITY, "hkg:qualifier")}),
    ("QuantityShape", "min-above-max", _swap(QUANTITY, "schema:maxValue", '"150"^^xsd:decimal'), {(QUANTITY, "schema:minValue")}),
    ("GoalShape", "no-mentioned-in", _swap(GOAL, "hkg:mentionedIn", None), {(GOAL, "hkg:mentionedIn")}),
    ("GoalShape", "theme-is-target-group", _swap(GOAL, "hkg:hasTheme", TG), {(GOAL, "hkg:hasTheme")}),
    ("TargetGroupShape", "label-en", _swap(TG, "rdfs:label", '"municipal employees"@en'), {(TG, "rdfs:label")}),
    ("TargetGroupShape", "no-mention", _swap(TG, "hkg:hasMention", None), {(TG, "hkg:hasMention")}),
    ("RecommendationShape", "recommended-by-theme", _swap(REC, "hkg:recommendedBy", THEME), {(REC, "hkg:recommendedBy")}),
    ("RecommendationShape", "no-label", _swap(REC, "rdfs:label", None), {(REC, "rdfs:label")}),
    ("ThemeShape", "no-label", _swap(THEME2, "skos:prefLabel", None), {(THEME2, None)}),
    ("ThemeShape", "two-nb-preflabels", _add(THEME2, "skos:prefLabel", '"mental helse"@nb'), {(THEME2, "skos:prefLabel")}),
    ("ThemeShape", "label-untagged", _swap(THEME, "rdfs:label", '"rekruttering"'), {(THEME, "rdfs:label")}),
    ("ThemeShape", "mention-is-document", _swap(THEME, "hkg:hasMention", DOC), {(THEME, "hkg:hasMention")}),
    ("QuoteShape", "stated-by-organisation", _swap(QUOTE, "hkg:statedBy", HOD), {(QUOTE, "hkg:statedBy")}),
    ("QuoteShape", "no-speaker", _swap(QUOTE, "hkg:statedBy", None), {(QUOTE, "hkg:statedBy")}),
    ("QuoteShape", "no-text", _swap(QUOTE, "hkg:quoteText", None), {(QUOTE, "hkg:quoteText")}),
    ("QuoteShape", "no-label", _swap(QUOTE, "rdfs:label", None), {(QUOTE, "rdfs:label")}),
    ("AddressLinkShape", "no-measure", _swap(LINK, "hkg:linkedMeasure", None), {(LINK, "hkg:linkedMeasure")}),
    ("AddressLinkShape", "measure-is-goal", _swap(LINK, "hkg:linkedMeasure", GOAL), {(LINK, "hkg:linkedMeasure")}),
    ("AddressLinkShape", "two-measures", _add(LINK, "hkg:linkedMeasure", PROGRAMME), {(LINK, "hkg:linkedMeasure")}),
    ("AddressLinkShape", "no-recommendation", _swap(LINK, "hkg:linkedRecommendation", None), {(LINK, "hkg:linkedRecommendation")}),
    ("AddressLinkShape", "recommendation-is-measure", _swap(LINK, "hkg:linkedRecommendation", MEASURE), {(LINK, "hkg:linkedRecommendation")}),
    ("AddressLinkShape", "no-score", _swap(LINK, "hkg:linkScore", None), {(LINK, "hkg:linkScore")}),
    ("AddressLinkShape", "score-above-one", _swap(LINK, "hkg:linkScore", '"1.2"^^xsd:decimal'), {(LINK, "hkg:linkScore")}),
    ("AddressLinkShape", "score-negative", _swap(LINK, "hkg:linkScore", '"-0.1"^^xsd:decimal'), {(LINK, "hkg:linkScore")}),
    ("AddressLinkShape", "score-string", _swap(LINK, "hkg:linkScore", '"0.4"'), {(LINK, "hkg:linkScore")}),
    ("AddressLinkShape", "two-scores", _add(LINK, "hkg:linkScore", '"0.5"^^xsd:decimal'), {(LINK, "hkg:linkScore")}),
    ("AddressLinkShape", "shared-theme-is-goal", _swap(LINK, "hkg:sharedTheme", GOAL), {(LINK, "hkg:sharedTheme")}),
    ("AddressLinkShape", "evidence-tagged", _add(LINK, "hkg:evidenceTerm", '"rekruttering"@nb'), {(LINK, "hkg:evidenceTerm")}),
    ("AddressLinkShape", "evidence-empty", _add(LINK, "hkg:evidenceTerm", '""'), {(LINK, "hkg:evidenceTerm")}),
]

SHAPES_NS = "https://w3id.org/helsekg/shapes#"
VOCABULARY_CLASSES = [
    "PolicyDocument", "Actor", "Organisation", "Person", "Measure", "Programme", "MonetaryAmount",
    "Quantity", "Goal", "TargetGroup", "Recommendation", "Theme", "Quote", "Mention",
]
# helsekg extensions with a shape of their own.
EXTENSION_CLASSES = ["AddressLink"]


@pytest.fixture(scope="module")
def shapes() -> Graph:
    graph = Graph()
    graph.parse(shapes_path(), format="turtle")
    return graph


def _graph(shape: str) -> Graph:
    graph = Graph()
    graph.parse(data=PREFIXES + CONTEXT + "".join(SNIPPETS[key] for key in GRAPHS[shape]), format="turtle")
    return graph


def _expand(graph: Graph, name: str | None) -> URIRef | None:
    return None if name is None else graph.namespace_manager.expand_curie(name)


def _results(data: Graph, shapes: Graph) -> tuple[bool, Graph, set[tuple[URIRef, URIRef | None]]]:
    conforms, report, _ = pyshacl.validate(
        data, shacl_graph=shapes, inference="none", advanced=False, meta_shacl=False
    )
    found = {
        (report.value(r, SH.focusNode), report.value(r, SH.resultPath))
        for r in report.subjects(RDF.type, SH.ValidationResult)
    }
    return conforms, report, found


def _bind(graph: Graph) -> None:
    for line in PREFIXES.splitlines():
        if line.startswith("@prefix"):
            _, prefix, iri, _ = line.split()
            graph.bind(prefix.rstrip(":"), iri.strip("<>"), override=True, replace=True)


@pytest.mark.parametrize("shape", sorted(GRAPHS))
def test_shapes_conforming_graph(shapes: Graph, shape: str) -> None:
    data = _graph(shape)
    targets = list(shapes.objects(URIRef(SHAPES_NS + shape), SH.targetClass))
    assert targets, f"hkgsh:{shape} has no sh:targetClass"
    assert any(data.subjects(RDF.type, t) for t in targets), f"conforming graph for {shape} has no focus node"
    conforms, report, found = _results(data, shapes)
    assert conforms, report.serialize(format="turtle")
    assert not found


@pytest.mark.parametrize(
    ("shape", "update", "expected"),
    [pytest.param(shape, update, expected, id=f"{shape}-{case}") for shape, case, update, expected in VIOLATIONS],
)
def test_shapes_violating_graph(shapes: Graph, shape: str, update: str, expected: set) -> None:
    data = _graph(shape)
    before = len(data)
    data.update(PREFIXES.replace("@base", "BASE").replace("@prefix", "PREFIX").replace(" .\n", "\n") + update)
    assert len(data) != before or "INSERT" in update, f"update changed nothing: {update}"
    _bind(data)
    conforms, report, found = _results(data, shapes)
    assert not conforms
    want = {(_expand(data, focus), _expand(data, path)) for focus, path in expected}
    assert found == want, report.serialize(format="turtle")
    # Every result carries a human-readable message.
    for result in report.subjects(RDF.type, SH.ValidationResult):
        assert report.value(result, SH.resultMessage) is not None


def test_shapes_every_node_shape_has_cases() -> None:
    assert {shape for shape, *_ in VIOLATIONS} == set(GRAPHS)


def test_shapes_target_every_vocabulary_class(shapes: Graph) -> None:
    targeted = set(shapes.objects(None, SH.targetClass))
    assert targeted == {HKG[name] for name in VOCABULARY_CLASSES + EXTENSION_CLASSES}
    assert {str(s)[len(SHAPES_NS):] for s in shapes.subjects(SH.targetClass, None)} == set(GRAPHS)


def test_shapes_parse_and_use_sparql_free_core(shapes: Graph) -> None:
    """SHACL Core only: no sh:sparql constraints, SPARQL targets or prefix declarations (20x slower)."""
    assert len(shapes) > 100
    sparql_terms = {"sparql", "select", "ask", "construct", "update", "prefixes", "declare", "target"}
    shacl_terms = {str(n)[len(str(SH)):] for t in shapes for n in t if str(n).startswith(str(SH))}
    assert not {t for t in shacl_terms if t in sparql_terms or "SPARQL" in t}


def test_shapes_every_shape_has_english_message(shapes: Graph) -> None:
    property_shapes = set(shapes.objects(None, SH.property)) | set(shapes.subjects(RDF.type, SH.PropertyShape))
    node_shapes = set(shapes.subjects(SH.targetClass, None))
    for shape in property_shapes | node_shapes:
        messages = [m for m in shapes.objects(shape, SH.message) if getattr(m, "language", None) == "en"]
        assert messages, f"shape {shape} (path {shapes.value(shape, SH.path)}) has no sh:message @en"


def test_shapes_use_only_ontology_terms(shapes: Graph) -> None:
    """Every hkg: IRI in the shapes is a term of the closed namespace (a typo would never match data)."""
    used = {node for triple in shapes for node in triple if str(node).startswith(str(HKG._NS))}
    for node in used:
        assert str(node)[len(str(HKG._NS)):] in HKG, node


def test_shapes_whole_example_graph_conforms(shapes: Graph) -> None:
    graph = Graph()
    graph.parse(data=PREFIXES + CONTEXT + "".join(SNIPPETS.values()), format="turtle")
    conforms, report, _ = _results(graph, shapes)
    assert conforms, report.serialize(format="turtle")


@pytest.mark.parametrize("value", ['"0.99"^^xsd:decimal', '"190.5"^^xsd:decimal', '"2.48"^^xsd:decimal', '"53000000"^^xsd:decimal'])
def test_shapes_money_in_kroner_and_ore_conforms(shapes: Graph, value: str) -> None:
    """A price in kroner and øre ("0,99 kr oppstart", "2,48 kr per minutt" on a municipality's price page) is
    money in NOK, as a budget's whole kroner are; a third decimal is refused (value-beyond-ore above)."""
    data = _graph("MonetaryAmountShape")
    data.update(PREFIXES.replace("@base", "BASE").replace("@prefix", "PREFIX").replace(" .\n", "\n")
                + _swap(AMOUNT, "schema:value", value))
    conforms, report, found = _results(data, shapes)
    assert conforms, report.serialize(format="turtle")
