# GENERATED FILE, DO NOT EDIT.
# Source: ontology/helsekg.ttl (version 0.1.0).
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
    """helsekg ontology <https://w3id.org/helsekg/ontology> (version 0.1.0).

    Generated from ontology/helsekg.ttl; "extension" marks terms beyond spec/vocabulary.md.
    """

    _fail = True
    _NS = Namespace("https://w3id.org/helsekg/ontology#")

    # Classes
    Actor: URIRef  # actor / aktør
    AddressLink: URIRef  # address link / svarlenke (helsekg extension)
    AmountKind: URIRef  # amount kind / beløpstype (helsekg extension)
    Goal: URIRef  # goal / mål
    Measure: URIRef  # measure / tiltak
    Mention: URIRef  # mention / tekstforekomst
    MonetaryAmount: URIRef  # monetary amount / pengebeløp
    Organisation: URIRef  # organisation / organisasjon
    Person: URIRef  # person / person
    PolicyDocument: URIRef  # policy document / policydokument
    Programme: URIRef  # programme / program
    Qualifier: URIRef  # qualifier / kvalifikator (helsekg extension)
    Quantity: URIRef  # quantity / antall
    Quote: URIRef  # quote / sitat
    Recommendation: URIRef  # recommendation / anbefaling
    TargetGroup: URIRef  # target group / målgruppe
    Theme: URIRef  # theme / tema

    # Object properties
    addresses: URIRef  # addresses / svarer på
    addressesThematically: URIRef  # addresses thematically / svarer tematisk på (helsekg extension)
    amountKind: URIRef  # has amount kind / har beløpstype
    followsUp: URIRef  # follows up / følger opp (helsekg extension)
    fundedBy: URIRef  # funded by / finansiert av (helsekg extension)
    hasFunding: URIRef  # has funding / har finansiering
    hasGoal: URIRef  # has goal / har mål
    hasMention: URIRef  # has mention / har tekstforekomst
    hasQuantity: URIRef  # has quantity / har antall
    hasTheme: URIRef  # has theme / har tema
    inDocument: URIRef  # in document / i dokument
    linkedMeasure: URIRef  # linked measure / koblet tiltak (helsekg extension)
    linkedRecommendation: URIRef  # linked recommendation / koblet anbefaling (helsekg extension)
    mentionedIn: URIRef  # mentioned in / nevnt i
    partOf: URIRef  # part of / del av
    proposedBy: URIRef  # proposed by / foreslått av
    qualifier: URIRef  # has qualifier / har kvalifikator
    recommendedBy: URIRef  # recommended by / anbefalt av
    sharedTheme: URIRef  # shared theme / felles tema (helsekg extension)
    statedBy: URIRef  # stated by / uttalt av
    targets: URIRef  # targets / rettet mot

    # Datatype properties
    anchorText: URIRef  # anchor text / ankertekst
    contentHash: URIRef  # content hash / innholdshash (helsekg extension)
    documentKind: URIRef  # document kind / dokumenttype (helsekg extension)
    endOffset: URIRef  # end offset / sluttposisjon
    evidenceTerm: URIRef  # evidence term / belegg-ord (helsekg extension)
    featureContribution: URIRef  # feature contribution / bidrag til koblingsstyrken (helsekg extension)
    fiscalYear: URIRef  # fiscal year / budsjettår
    heading: URIRef  # heading / overskrift (helsekg extension)
    linkScore: URIRef  # link score / koblingsstyrke (helsekg extension)
    measureIssued: URIRef  # measure issued / tiltakets dato (helsekg extension)
    nearTheme: URIRef  # near theme / nært tema (helsekg extension)
    page: URIRef  # page / side (helsekg extension)
    quoteText: URIRef  # quote text / sitattekst
    rank: URIRef  # rank / rangering (helsekg extension)
    recommendationIssued: URIRef  # recommendation issued / anbefalingens dato (helsekg extension)
    role: URIRef  # role / rolle
    startOffset: URIRef  # start offset / startposisjon
    statedRole: URIRef  # stated role / oppgitt rolle (helsekg extension)

    # Individuals
    AnchorTextConstraint: URIRef  # anchor text constraint / ankertekstkontroll (helsekg extension)
    Approximately: URIRef  # approximately / om lag
    AtLeast: URIRef  # at least / minst
    Exact: URIRef  # exact / eksakt
    Increase: URIRef  # increase / økning
    LessThan: URIRef  # less than / under (helsekg extension)
    MoreThan: URIRef  # more than / over
    Reduction: URIRef  # reduction / reduksjon
    Total: URIRef  # total / samlet
    Unspecified: URIRef  # unspecified / uspesifisert
    UpTo: URIRef  # up to / inntil
