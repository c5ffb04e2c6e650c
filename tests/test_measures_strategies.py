"""Each measure strategy alone (helsekg.extract.measures.*), on Bokmål and Nynorsk sentences.

Passages are written for these tests in the style of budget press releases, grant announcements and
municipal decisions; none is taken from the corpus. Every strategy reads one frozen context and returns
candidates; the resolve step is tested here only where it decides (overlaps, recommendation lists).
"""

from __future__ import annotations

import dataclasses

import pytest

from helsekg.extract.actors import extract_actors, header_actors
from helsekg.extract.extractor import find_amounts
from helsekg.extract.measures import (
    actions,
    bullets,
    funding,
    goals,
    named,
    proposers,
    targets,
    titles,
)
from helsekg.extract.measures.candidates import (
    Continuation,
    FundingCue,
    MentionSpan,
    NewPhrase,
    Reference,
    SectionTopic,
    SentenceMeasure,
)
from helsekg.extract.measures.context import MeasureContext, build_context
from helsekg.extract.measures.cues import MeasureCues, default_cues
from helsekg.extract.measures.resolve import MeasureResolver
from helsekg.extract.records import Actor
from helsekg.resources import load_data
from helsekg.text import document_from_text


@pytest.fixture(scope="module")
def context(blank_nlp):
    """The measure context of a passage, with the amounts and actors the pipeline finds in it."""

    def make(text: str, *, actors: tuple[Actor, ...] = ()) -> MeasureContext:
        document = document_from_text(text, source="x.txt")
        doc = blank_nlp(document.text)
        found, _ = extract_actors(doc, document)
        return build_context(document, amounts=find_amounts(doc, document),
                             actors=(*header_actors(document), *found, *actors))

    return make


def span(context: MeasureContext, item) -> str:
    return context.text[item.start:item.end]


# ------------------------------------------------------------------------------------------ context


def test_measures_strategies_context_is_frozen_and_splits_lists(context):
    c = context("Tiltak\n\nKommunen gjorde følgjande vedtak:\n• Eit nytt fond. Fondet skal hjelpe.\n• Fleire lærlingar\n")
    assert [(span(c, s), s.list_id, s.bullet) for s in c.sentences if s.list_id is not None] == [
        ("Eit nytt fond.", 0, 0), ("Fondet skal hjelpe.", 0, 0), ("Fleire lærlingar", 0, 1)]
    assert c.text[slice(*c.lists[0].intro)] == "Kommunen gjorde følgjande vedtak:"
    with pytest.raises(dataclasses.FrozenInstanceError):
        c.sentences = ()


def test_measures_strategies_context_keeps_abbreviations_inside_sentences(context):
    c = context("Det er satt av 2,5 mill. kr til tiltaket. Ordningen varer i 2 år.")
    assert [span(c, s) for s in c.sentences] == ["Det er satt av 2,5 mill. kr til tiltaket.", "Ordningen varer i 2 år."]


# ------------------------------------------------------------------------------------------- titles


def test_measures_strategies_title_that_is_an_instrument_phrase(context):
    c = context("Tilskudd til kommunalt rusarbeid 2025\n\nHelsedirektoratet lyser ut midler.")
    assert [(span(c, m), m.how) for m in titles.find_titles(c)] == [("Tilskudd til kommunalt rusarbeid 2025", "title")]


def test_measures_strategies_title_opened_by_an_actor_is_no_measure(context):
    c = context("Helsedirektoratet lyser ut tilskudd\n\nSøknadsfristen er 1. mars.")
    assert titles.find_titles(c) == ()


def test_measures_strategies_budget_post_heading_opens_a_section(context):
    c = context("Statsbudsjettet\n\nPost 21 Tilskudd til ettervern, kap. 765\n\nDet foreslås en bevilgning på 12 mill. kroner.")
    (post,) = titles.find_budget_posts(c)
    assert span(c, post.candidate) == "Tilskudd til ettervern" and post.candidate.named
    assert post.section == c.sentences[-1].section


@pytest.mark.parametrize(("text", "name"), [
    ("Innstilling fra helse- og omsorgskomiteen\n\n11.14.1 Post 21 Spesielle driftsutgifter, kan nyttes under post 71"
     "\n\nBevilgningen foreslås redusert med 0,4 mill. kroner.", "Spesielle driftsutgifter"),
    ("Budsjettproposisjon\n\n4.2. Post 60 Tilskot til kommunane\n\nDet blir føreslått 30 mill. kroner.",
     "Tilskot til kommunane"),
])
def test_measures_strategies_numbered_budget_post_heading(context, text, name):
    """A committee's recommendation or a budget proposition numbers its sections: "11.14.1 Post 21 ..." is a
    budget post heading too."""
    (post,) = titles.find_budget_posts(context(text))
    assert span(context(text), post.candidate) == name


# -------------------------------------------------------------------------------------------- named


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Kommunen held fram med ordninga Bu trygt heime.", [("Bu trygt heime", False)]),
        ("Kompetanseløft 2025 inneheld fleire tiltak.", [("Kompetanseløft 2025", True)]),
        ("Regjeringen viderefører rekrutteringsprosjektet Menn i helse.", [("Menn i helse", False)]),
        # the bare instrument noun is a reference, not a name
        ("Tilskuddet skal styrke rekrutteringen.", []),
        # a programme after an origin cue is where items come from, not a mention
        ("Tiltaka vidareførast frå Kompetanseløft 2020 og vert styrka.", []),
    ],
)
def test_measures_strategies_named_instruments(context, text, expected):
    c = context(text)
    assert [(span(c, m), m.is_programme) for m in named.find_named(c)] == expected


# ------------------------------------------------------------------------------------------ funding


def attempts(c: MeasureContext) -> list[list[tuple[str, str]]]:
    return [[(type(a).__name__, c.text[a.start:a.end] if hasattr(a, "start") else "") for a in cue.attempts]
            for cue in funding.find_funding_cues(c)]


@pytest.mark.parametrize(
    "text, expected",
    [
        # forward: "X til Y", skipping "mer" and the year
        ("Regjeringen foreslår 30 millioner kroner mer til rekrutteringsprosjektet Menn i helse i 2025.",
         [[("NewPhrase", "rekrutteringsprosjektet Menn i helse")]]),
        # forward after "bruke ... på" (nynorsk)
        ("Regjeringa vil bruke 20 millionar kroner på eit nytt kompetansefond for kommunane.",
         [[("NewPhrase", "kompetansefond for kommunane")]]),
        # backward: "bevilgningen til Y økes med X", then the fallbacks, the sentence's measure last
        ("Bevilgningen til lokalmedisinske sentre økes med 12 millioner kroner.",
         [[("NewPhrase", "lokalmedisinske sentre"), ("Continuation", ""), ("Reference", "Bevilgningen"),
           ("SectionTopic", ""), ("SentenceMeasure", "")]]),
        # backward: "Y på X" (nynorsk)
        ("Kommunen får ei ny tilskotsordning på 25 millionar kroner.",
         [[("NewPhrase", "tilskotsordning"), ("Continuation", ""), ("SentenceMeasure", "")]]),
        # a budget noun alone funds the sentence's measure or the section's topic
        ("Det foreslås en bevilgning på 12 mill. kroner.",
         [[("SentenceMeasure", ""), ("SectionTopic", ""), ("Continuation", "")]]),
    ],
)
def test_measures_strategies_funding_alternatives(context, text, expected):
    assert attempts(context(text)) == expected


def test_measures_strategies_funding_reference_opens_the_sentence(context):
    c = context("Kommunen opprettar eit nytt fond for eldre.\n\nFondet blir på til saman 245 millionar kroner.")
    (cue,) = funding.find_funding_cues(c)
    assert cue.attempts[0] == Continuation()
    assert isinstance(cue.attempts[1], Reference) and cue.attempts[1].alias and span(c, cue.attempts[1]) == "Fondet"
    assert cue.attempts[2] == NewPhrase(cue.attempts[1].start, cue.attempts[1].end, "reference")


def test_measures_strategies_funding_ignores_quantities(context):
    c = context("Kommunen skal opprette 100 nye stillinger i helsetjenesten.")
    assert funding.find_funding_cues(c) == ()


# ------------------------------------------------------------------------------------------ actions


def test_measures_strategies_decided_action_takes_the_instrument_object(context):
    c = context("Regjeringen foreslår å etablere ordningen Pilot Helse for eldre.")
    found = actions.find_actions(c)
    assert (c.text[slice(*found[0].check)], span(c, found[0].candidate)) == (
        "etablere ordningen Pilot Helse for eldre", "ordningen Pilot Helse for eldre")
    assert {a.candidate.how for a in found} == {"action"}


@pytest.mark.parametrize(
    "text",
    [
        "Kommunen vil samarbeide med frivillige for å etablere et nytt tilbud.",  # a purpose, not an action
        "Regjeringen foreslår å bevilge 30 millioner kroner til nye sykehjem.",  # an amount: the funding strategy's
        "Kommunen skal etablere seg i nye lokaler.",  # no instrument object
    ],
)
def test_measures_strategies_no_decided_action(context, text):
    assert actions.find_actions(context(text)) == ()


@pytest.mark.parametrize(("text", "expected"), [
    # an existing offer at large, definite or possessed: no new measure
    ("Kommunene er godt i gang med å bygge ut helsetilbudet til barn og unge.", []),
    ("Målet er å styrke og utvikle kommunens tilbud gjennom økt kapasitet.", []),
    ("Planen skal utvikle det samlede tjenestetilbudet i fylket.", []),
    ("Kommunen vil vidareutvikle sitt tilbod til personar med demens.", []),
    # a new offer, or one with an adjective that only ends in -s: a measure; "dette tilbudet" points back to the
    # measure named before and is left to the reference readers
    ("Kommunene bygger ut dette tilbudet til barn og unge.", ["tilbudet til barn og unge"]),
    ("Kommunen skal etablere et nytt tilbud for ensomme eldre.", ["tilbud for ensomme eldre"]),
    ("Bydelen vil etablere et gratis tilbud til barnefamilier.", ["gratis tilbud til barnefamilier"]),
])
def test_measures_strategies_action_on_an_existing_offer_is_no_measure(context, text, expected):
    """ "bygge ut helsetilbudet", "styrke kommunens tilbud": a verb working on the services at large names no
    measure (session 26)."""
    assert [span(context(text), a.candidate) for a in actions.find_actions(context(text))] == expected


# ------------------------------------------------------------------------------------------ bullets


def test_measures_strategies_list_of_measures_gives_one_phrase_per_item(context):
    c = context("Regjeringen foreslår følgende tiltak:\n• Et nytt kompetansefond\n• Flere lærlingplasser i kommunene")
    (reading,) = bullets.read_lists(c)
    assert (reading.recommendation, reading.is_measures) == (False, True)
    assert [span(c, i.candidate) for i in reading.items] == ["kompetansefond", "lærlingplasser i kommunene"]


def test_measures_strategies_list_of_recommendations_is_no_measure_list(context):
    c = context("Rådets forslag til tiltak:\n• Vi må styrke fastlegeordningen\n• Vi bør etablere et nasjonalt fond")
    (reading,) = bullets.read_lists(c)
    assert reading.recommendation and not reading.is_measures and reading.items == ()


def test_measures_strategies_list_programme_named_in_the_introduction(context):
    c = context("Dette er tiltaka i Kompetanseløft 2025:\n• Kompetanseheving i omsorgstenestene\n• Fleire lærlingar")
    (reading,) = bullets.read_lists(c)
    assert reading.programme.fallback_key == "kompetanseloft-2025" and not reading.programme.origin
    assert [span(c, i.candidate) for i in reading.items] == ["Kompetanseheving i omsorgstenestene", "lærlingar"]


def test_measures_strategies_list_item_quote_is_skipped(context):
    c = context("Statsråden sa følgende:\n- Vi har lyttet til fagfolkene, sier Vestre.\n- Et nytt tilbud til unge")
    (reading,) = bullets.read_lists(c)
    assert [span(c, i.candidate) for i in reading.items] == ["tilbud til unge"]


# -------------------------------------------------------------------------------------------- goals


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Tilskuddet skal bidra til at flere unge fullfører videregående skole.",
         ["flere unge fullfører videregående skole"]),
        ("Føremålet med ordninga er å styrkje kompetansen i omsorgstenestene.",
         ["styrkje kompetansen i omsorgstenestene"]),
        ("Kommunen samarbeider med frivillige for å redusere ensomhet blant eldre, sier ordføreren.",
         ["redusere ensomhet blant eldre"]),
        # a goal verb whose subject is a reference: the goal starts at the verb
        ("Ordninga skal sikre at fleire eldre kan bu heime, seier statsråden.",
         ["sikre at fleire eldre kan bu heime"]),
    ],
)
def test_measures_strategies_goals(context, text, expected):
    c = context(text)
    assert [g.goal.label for g in goals.find_goals(c)] == expected


def test_measures_strategies_goal_cue_inside_a_funded_phrase_is_the_measure(context):
    c = context("Regjeringen bevilger 53 millioner kroner for å øke kapasiteten i psykisk helsevern.")
    assert [g.goal.label for g in goals.find_goals(c)] == ["øke kapasiteten i psykisk helsevern"]
    (cue,) = funding.find_funding_cues(c)
    (phrase,) = cue.attempts
    assert goals.find_goals(c, [MentionSpan(phrase.start, phrase.end, 0, "forward")]) == ()


# ------------------------------------------------------------------------------------------ targets


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Tilskuddet er rettet mot kommuner med rekrutteringsutfordringer.",
         [("kommuner med rekrutteringsutfordringer", "kommuner-med-rekrutteringsutfordringer", True)]),
        ("Frivillige organisasjonar og kommunar kan søkje om tilskot.",
         [("Frivillige organisasjonar og kommunar", "frivillige-organisasjonar-og-kommunar", True)]),
        ("Tilbodet er for born og unge i barnevernet.",
         [("born og unge i barnevernet", "born-og-unge-i-barnevernet", True)]),
        # a capitalised name after "til" is no group
        ("Regjeringen gir 30 millioner kroner til Menn i helse.", []),
    ],
)
def test_measures_strategies_target_groups(context, text, expected):
    c = context(text)
    assert [(t.group.label, t.group.key, t.strong) for t in targets.find_target_groups(c)] == expected


# ---------------------------------------------------------------------------------------- proposers


def test_measures_strategies_proposer_before_a_proposal_verb(context):
    c = context("Helsedirektoratet foreslår et nytt rekrutteringstilskudd for fastleger.")
    assert proposers.proposer_for(c, c.text.index("rekrutteringstilskudd"), 0).label == "Helsedirektoratet"


def test_measures_strategies_proposer_that_runs_the_measure(context):
    text = "Ordninga vert forvalta av Statsforvaltaren, som skal fordele midlane."
    start = text.index("Statsforvaltaren")
    runner = Actor("d", start, start + 16, "Statsforvaltaren", label="Statsforvaltaren", kind="organisation",
                   key="statsforvaltaren")
    c = context(text, actors=(runner,))
    found = proposers.proposer_for(c, 0, 0)
    assert (found.start, found.end, found.label) == (runner.start, runner.end, runner.label)


def test_measures_strategies_proposer_from_an_earlier_sentence(context):
    c = context("Kommunestyret vedtok budsjettet i går. Eit nytt helsehus skal byggjast på Voss.")
    assert [a.label for a in c.actors] == ["Kommunestyret"]
    assert proposers.proposer_for(c, c.text.index("helsehus"), 1).label == "Kommunestyret"


# ------------------------------------------------------------------------------------------ resolve


def test_measures_strategies_resolve_keeps_the_first_of_overlapping_actions(context):
    c = context("Regjeringen foreslår å etablere ordningen Pilot Helse for eldre.")
    resolver = MeasureResolver(c)
    resolver.add_actions(actions.find_actions(c))
    assert [(span(c, m), m.label, m.key) for m in resolver.mentions] == [
        ("ordningen Pilot Helse for eldre", "Pilot Helse", "pilot-helse")]


def test_measures_strategies_resolve_drops_measures_in_recommendation_lists(context):
    c = context("Rådets forslag til tiltak:\n• Vi må styrke fastlegeordningen\n• Vi bør etablere et nasjonalt fond")
    resolver = MeasureResolver(c)
    resolver.add_actions(actions.find_actions(c))
    assert [m.label for m in resolver.mentions] == ["nasjonalt fond"]
    resolver.read_lists(bullets.read_lists(c))
    assert resolver.mentions == []


def test_measures_strategies_resolve_funds_a_reference_to_an_earlier_fund(context):
    c = context("Kommunen opprettar eit nytt fond for eldre.\n\nFondet blir på til saman 245 millionar kroner.")
    resolver = MeasureResolver(c)
    resolver.fund([FundingCue(c.amounts[0], 1, (SentenceMeasure(), SectionTopic()))])
    assert resolver.mentions == []  # nothing named yet: no fallback finds a measure
    resolver.add(c.text.index("fond for eldre"), c.text.index("fond for eldre") + len("fond for eldre"), 0, "test")
    resolver.fund(funding.find_funding_cues(c))
    (fund, alias) = resolver.mentions
    assert [a.text for a in fund.funding] == ["245 millionar kroner"]
    assert alias.alias_of is fund and alias.key == fund.key


# --------------------------------------------------------------------------------------------- cues


def test_measures_strategies_cue_file_holds_every_list_once():
    data = load_data("measure_cues.json")
    assert data["_source"] and data["_licence"]
    cues = default_cues()
    assert isinstance(cues, MeasureCues)
    for field in dataclasses.fields(MeasureCues):
        assert getattr(cues, field.name), f"{field.name} is empty"
    assert set(data["_notes"]) <= {f.name for f in dataclasses.fields(MeasureCues)}


def test_word_check_remembers_the_verdict_and_forgets_beyond_its_limit(monkeypatch):
    """Issue 18: per-word checks are remembered per (name, word), give the pattern's own verdict, and the memory
    is bounded (cleared when full), so a long batch does not grow it without end."""
    from helsekg.extract.measures import cues as cues_module

    rx = cues_module.compiled(cues_module.default_cues())
    rx._words.clear()
    calls = []

    def check(word):
        calls.append(word)
        return rx.group_noun.match(word)

    assert rx.word_check("test-group", "pasientar", check) is True
    assert rx.word_check("test-group", "pasientar", check) is True
    assert rx.word_check("test-group", "tilskotsordninga", check) is False
    assert calls == ["pasientar", "tilskotsordninga"]
    monkeypatch.setattr(cues_module, "_MAX_REMEMBERED_WORDS", 3)
    for word in ("eldre", "barn", "ungdom", "familiar"):
        rx.word_check("test-group", word, check)
    assert len(rx._words) <= 3
    rx._words.clear()


def test_context_actors_in_is_the_linear_filter(nlp):
    """Issue 18: MeasureContext.actors_in bisects the actors of a sentence; it gives what a scan of every actor
    gives, in order, for every sentence, and for actors out of text order too."""
    text = ("Helsedirektoratet og Husbanken fordeler midlane. Bergen kommune og Helse Vest RHF søker.\n\n"
            "Statsforvaltaren i Vestland gir 2 millionar kroner til Kvam herad. Regjeringa følgjer opp.")
    document = document_from_text(text, source="x.txt")
    actors, _ = extract_actors(nlp(text), document)
    context = build_context(document, actors=actors)
    assert len(context.actors) >= 4
    shuffled = dataclasses.replace(context, actors=tuple(reversed(context.actors)))
    for ctx in (context, shuffled):
        for s in ctx.sentences:
            assert ctx.actors_in(s.start, s.end) == [a for a in ctx.actors if s.start <= a.start < s.end]


@pytest.mark.parametrize(("text", "expected"), [
    # a fund named by its purpose, on a heading's line
    ("Helsesamarbeid i nord\n\nDet er satt av 16 millioner kroner.\n\nKunngjøring av prosjektmidler til "
     "internasjonalt helsesamarbeid i nordområdene\n\nSøknadsfristen er 3. mai.",
     ["prosjektmidler til internasjonalt helsesamarbeid i nordområdene"]),
    # in prose without a parse nothing tells where the phrase ends; whom it goes to, or an infinitive, is no name
    ("Frisklivsmidler\n\nDet er satt av 16 millioner kroner. Utlysing av prosjektmidler til helsesamarbeid skjer "
     "i mars.", ["prosjektmidler"]),
    ("Frisklivsmidler\n\nDet er satt av 16 millioner kroner.\n\nVi fordeler innovasjonsmidler til eldre i kommunene\n\n"
     "Søknadsfristen er 3. mai.", ["innovasjonsmidler"]),
    ("Frisklivsmidler\n\nDet er satt av 16 millioner kroner. Vi bruker innovasjonsmidler til å styrke tilbudet.",
     ["innovasjonsmidler"]),
])
def test_measures_strategies_a_fund_is_named_by_its_purpose(context, text, expected):
    """ "prosjektmidler til internasjonalt helsesamarbeid": a fund's "til" phrase names what it is for and belongs to
    its name; not a group it goes to ("til eldre i kommunene"), nor an infinitive (session 26)."""
    from helsekg.extract.measures import named

    c = context(text)
    assert [c.text[f.start:f.end] for f in named.find_funds(c)] == expected


def test_measures_strategies_a_funds_purpose_ends_before_the_verb(nlp):
    """With the parse, the purpose ends before the sentence's finite verb ("... i nordområdene skjer i mars")."""
    from helsekg.extract.measures import named

    text = ("Helsesamarbeid i nord\n\nDet er satt av 16 millioner kroner. Kunngjøring av prosjektmidler til "
            "internasjonalt helsesamarbeid i nordområdene skjer i mars.")
    document = document_from_text(text, source="x.txt")
    doc = nlp(document.text)
    c = build_context(document, amounts=find_amounts(doc, document), doc=doc)
    assert [c.text[f.start:f.end] for f in named.find_funds(c)] == [
        "prosjektmidler til internasjonalt helsesamarbeid i nordområdene"]
