"""Measures (tiltak) with their funding, goals, target groups, quantities, proposer and programme.

:func:`find_measures` reads one processed document and returns :class:`MeasureFindings`: frozen
:class:`~helsekg.extract.records.Measure` records (one per mention; records with the same ``key`` are one
node in the graph), every :class:`~helsekg.extract.records.Goal` and :class:`~helsekg.extract.records.TargetGroup`.
The rules work on the text alone (a blank pipeline is enough); every word list lives in
``helsekg/data/measure_cues.json``.

The package is a set of small strategies over one shared, frozen per-document context, followed by
one resolve step:

============================  ============================================================================
module                        what it does
============================  ============================================================================
:mod:`.cues`                  the word lists (``measure_cues.json``) and their compiled patterns
:mod:`.context`               the per-document context: sentences, paragraphs, sections, lists, headings
:mod:`.phrases`               shared pure phrase helpers (tokens, trimmed phrases, head nouns, keys)
:mod:`.candidates`            the frozen records strategies hand to the resolve step
:mod:`.titles`                the title and "Post 21 ..." budget headings that name a measure
:mod:`.named`                 named instruments and programmes ("ordninga Bu trygt heime")
:mod:`.funding`               what each monetary amount funds ("30 millioner kroner til Menn i helse")
:mod:`.actions`               decided actions ("foreslår å etablere ordningen Pilot Helse")
:mod:`.bullets`               bullet lists of measures, recommendation lists, list programmes
:mod:`.hearing`               the proposal a hearing response answers ("Høyring - rett til opphald i ...")
:mod:`.project_tables`        the projects a grant table lists by title without a sum per row
:mod:`.prose`                 measures named in running prose: name compounds ("Bu trygt heime-reforma"),
                              new instruments and buildings, example lists, report prose ("kommunen
                              etablerte ...")
:mod:`.goals`                 goals ("skal bidra til at flere ...")
:mod:`.targets`               target groups ("rettet mot kommuner med rekrutteringsutfordringer")
:mod:`.proposers`             who proposes, funds or runs a measure
:mod:`.resolve`               merges candidates into measures, resolves references, attaches the rest
============================  ============================================================================

How a measure is found, in order of trust:

1. **Funded phrases.** Every monetary amount looks for the phrase it funds in its own clause:
   forward ("X kroner [mer] [i 2020] til Y", "X til å etablere Y", "X for å Y", "bruke X på Y"),
   backward ("bevilgningen til Y [økes] med X", "Til Y bevilges X", "Y på X": "et fond på 175
   millioner"), a sentence-initial reference ("Fondet ... blir nå på til sammen 245 millioner",
   "Tiltaket kostar 16 millionar") or the total that closes a line ("..., til en samlet bevilgning
   på 102 millioner kroner" funds the measure of the increase before it). A budget noun alone ("Det
   foreslås en bevilgning på 212,6 mill. kroner") funds the topic of its section (a "Post 21 ..." heading
   or the last measure of the paragraph).
2. **Named instruments.** An instrument noun followed by a capitalised name ("rekrutteringsprosjektet
   Menn i helse", "ordninga Bu trygt heime") or a capitalised compound of an instrument noun with a
   year or in mid-sentence ("Kompetanseløft 2025"): the name is the label and the key.
3. **Decided actions.** "foreslår å / vedtok å / i oppdrag å <verb phrase>" and an action verb with an
   instrument object ("etablere ordningen ...", "prøve ut en ordning med ...", "åpner en ny enhet ...").
4. **List items.** Each bullet of a list introduced as measures ("..., er følgende:", "blant annet:",
   "gjorde følgjande vedtak:"); lists of recommendations ("Rådets forslag til tiltak:", "Vi må ...")
   are left alone; items grouped under subheadings below one introduction keep it ("Desse prosjekta får
   støtte:", then "Helse Bergen" over its items). A programme named in the introduction ("tiltakene i Kompetanseløft 2025") becomes
   a measure with ``is_programme=True`` and the items are ``part_of`` it.
5. A document title that is an instrument phrase ("Tilskudd til kommunalt rusarbeid 2025").

An unfunded, unnamed mention whose label is a clause (a finite verb outside a relative clause: "Planen legges
frem for kommunestyret", a headline "Støtter lokale frisklivstiltak ...") reports a step and is dropped. Money
given to a field of work ("N kroner til frisklivsarbeid i Viken") goes to the scheme the text names for the field
("tilskuddsordningen for frisklivsarbeid").

Keys are ``slugify`` of the name, or of the label without articles and adjectives such as "nye",
"såkalte", with simple definite/plural endings normalised ("omsorgstjenesten" = "omsorgstjenestene").
Within a document a definite reference ("kompetansefondet", "Ordningen") takes the key of the measure
it refers to, and a key that extends another's ("rekrutterings- og samhandlingstilskudd for
helsetjenesten") is folded into the shorter one.

>>> from helsekg.text import document_from_text
>>> from helsekg.nlp.pipeline import load
>>> from helsekg.extract.extractor import find_amounts
>>> text = "Regjeringen foreslår 30 millioner kroner mer til Menn i helse, til en samlet bevilgning på 102 millioner kroner."
>>> document = document_from_text("Budsjett\\n\\n" + text, source="x.txt")
>>> doc = load(model=None)(document.text)
>>> found = find_measures(doc, document, amounts=list(find_amounts(doc, document)))
>>> [(m.label, m.key, [(str(a.value), str(a.kind)) for a in m.funding]) for m in found.measures]
[('Menn i helse', 'menn-i-helse', [('30000000', 'Increase'), ('102000000', 'Total')])]
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc

from helsekg.extract.measures.actions import find_actions
from helsekg.extract.measures.bullets import read_lists
from helsekg.extract.measures.context import build_context
from helsekg.extract.measures.cues import MeasureCues, default_cues
from helsekg.extract.measures.funding import find_funding_cues
from helsekg.extract.measures.goals import find_goals
from helsekg.extract.measures.hearing import find_hearing_topics
from helsekg.extract.measures.named import find_funds, find_named
from helsekg.extract.measures.phrases import measure_key
from helsekg.extract.measures.project_tables import find_project_rows
from helsekg.extract.measures.proposals import find_proposals
from helsekg.extract.measures.prose import find_prose
from helsekg.extract.measures.requests import find_requests
from helsekg.extract.measures.resolve import MeasureFindings, MeasureResolver
from helsekg.extract.measures.services import find_services
from helsekg.extract.measures.targets import find_target_groups
from helsekg.extract.measures.titles import find_budget_posts, find_numbered, find_scheme_headings, find_titles
from helsekg.extract.records import Actor, Amount
from helsekg.nlp.extensions import doc_text
from helsekg.text.document import Document

__all__ = ["MeasureCues", "MeasureFindings", "default_cues", "find_measures", "measure_key"]


def find_measures(doc: Doc, document: Document, *, amounts: Sequence[Amount], actors: Sequence[Actor] = (),
                  default_proposer: Actor | None = None, cues: MeasureCues | None = None) -> MeasureFindings:
    """Measures of one document with their funding, quantities, goals, target groups, proposer and programme.

    Args:
        doc: the spaCy Doc of ``document.text`` (a blank pipeline is enough).
        document: the document as read by :func:`helsekg.text.reading.read_document`.
        amounts: the document's amount records (body text only, with fiscal years), as made by
            :func:`helsekg.extract.extractor.find_amounts`.
        actors: the document's actor records; the proposer of a measure is one of them.
        default_proposer: the actor credited when no actor in the text proposes, funds or runs a
            measure (the government or publisher the document's header names); when None, the one
            :func:`~helsekg.extract.measures.proposers.read_proposers` finds in the text, if any.
        cues: word lists; the shipped ``measure_cues.json`` by default.

    Returns:
        :class:`MeasureFindings`. Every monetary amount that funds a measure is in exactly one
        record's ``funding``.
    """
    cues = cues or default_cues()
    if doc_text(doc) != document.text:
        raise ValueError(f"{document.metadata.source}: the Doc was not made from this document's text")
    context = build_context(document, amounts=amounts, actors=actors, default_proposer=default_proposer, cues=cues,
                            doc=doc)
    resolver = MeasureResolver(context)
    resolver.add_titles(find_titles(context), find_budget_posts(context))
    resolver.add_allocated()
    resolver.add_named(find_named(context))
    resolver.add_named(find_proposals(context))
    resolver.add_named(find_services(context))
    resolver.add_named(find_hearing_topics(context))
    resolver.add_named(find_project_rows(context))
    resolver.add_named(find_numbered(context))
    resolver.add_named(find_scheme_headings(context))
    resolver.add_funds(find_funds(context))
    prose = find_prose(context)
    resolver.add_named(prose.names)
    resolver.fund(find_funding_cues(context))
    resolver.add_actions(find_actions(context))
    resolver.add_actions(find_requests(context))
    resolver.add_actions(prose.reports)
    # an amount whose reference names an action ("Prosjektet har en kostnadsramme på ...") is placed now
    resolver.fund_rest()
    resolver.prefer_schemes()
    resolver.prefer_title_fund()
    resolver.read_lists(read_lists(context))
    resolver.restated_headlines()
    resolver.definite_title()
    resolver.prefer_funds_over_projects()
    resolver.drop_clauses()
    resolver.unify_keys()
    resolver.drop_superseded()
    resolver.drop_bare_references()
    resolver.page_scheme()
    resolver.only_reference()
    resolver.attach_quantities()
    # goals read the merged measures: a purpose cue inside a funded phrase or an action is no goal
    resolver.attach_goals(find_goals(context, resolver.spans()))
    resolver.attach_targets(find_target_groups(context))
    resolver.attach_frequent_group()  # only a page where no sentence states a group is read for its most named one
    resolver.attach_proposers()
    return resolver.findings()
