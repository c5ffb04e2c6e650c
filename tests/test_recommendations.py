"""Recommendations of advisory documents (helsekg.extract.recommendations), on texts written for the tests and the corpus."""

from __future__ import annotations

import pytest

from helsekg.api import process
from helsekg.extract.recommendations import advisory_author, find_recommendations
from helsekg.extract.records import Actor
from helsekg.text import document_from_text, read_document

COUNCIL = """\
Prioriteringsrådet gir innspill til ny helse- og samhandlingsplan

Prioriteringsrådet har behandlet utkastet og gir følgende innspill.

Rekruttering og kompetanse

Rådets forslag til tiltak:

 • Vi må styrke rekrutteringen av sykepleiere i distriktene
 • Vi trenger flere studieplasser i sykepleie
 • Etter- og videreutdanning må finansieres av arbeidsgiver

Teknologi og digitalisering

Rådets forslag til tiltak:

 • Vi bør ta i bruk velferdsteknologi i alle kommuner

Rådet anbefaler at helsedata gjøres tilgjengelig for forskning. Dette er viktig.
"""

COMMISSION = """\
Sammendrag av utredningen

Helsepersonellkommisjonen la fram sin utredning i dag.

Kommisjonens hovedanbefalinger er:

1. Heltid skal være normen i helse- og omsorgstjenesten.
2. Oppgavedeling mellom yrkesgruppene må prøves ut i større skala.

I tillegg anbefaler kommisjonen å styrke ledelsen i sykehjemmene.
"""

NYNORSK = """\
Rådet for psykisk helse gir innspel

Rådet for psykisk helse meiner at tenestene må bli betre.

Psykisk helse for barn og unge

Rådet tilrår at kommunane får eit lovfesta krav om psykolog. Rådet tilrår òg å styrkje skulehelsetenesta.
"""

PRESS_RELEASE = """\
Regjeringen styrker rekrutteringen

Utgiver: Helse- og omsorgsdepartementet

Regjeringen foreslår å bevilge 50 millioner kroner til rekruttering av sykepleiere.

– Vi må sikre nok helsepersonell i hele landet, sier helse- og omsorgsministeren.

Dette er tiltakene:

 • Vi må ha flere sykepleiere
 • Vi skal styrke fastlegeordningen

Byrådet foreslår å utvide ordningen.
"""


def _doc(text: str, name: str = "t.txt", language: str | None = None):
    return document_from_text(text, source=name, language=language)


def _recs(text: str, **kwargs):
    document = _doc(text, kwargs.pop("name", "t.txt"), kwargs.pop("language", None))
    return document, find_recommendations(None, document, **kwargs)


def _labels_and_authors(recommendations) -> list[tuple[str, str | None]]:
    """(label, the recommending actor's label) of each recommendation."""
    return [(r.label, r.by.label if r.by else None) for r in recommendations]


def test_recommendations_council_list_and_prose() -> None:
    document, recs = _recs(COUNCIL)
    assert [r.label for r in recs] == [
        "Vi må styrke rekrutteringen av sykepleiere i distriktene",
        "Vi trenger flere studieplasser i sykepleie",
        "Etter- og videreutdanning må finansieres av arbeidsgiver",
        "Vi bør ta i bruk velferdsteknologi i alle kommuner",
        "Rådet anbefaler at helsedata gjøres tilgjengelig for forskning.",
    ]
    for r in recs:
        assert document.text[r.start:r.end] == r.text
        assert r.by is not None and r.by.key == "prioriteringsradet" and r.by.kind == "organisation"
        assert document.text[r.by.start:r.by.end] == r.by.text == "Prioriteringsrådet"
    assert [r.heading for r in recs] == ["Rekruttering og kompetanse"] * 3 + ["Teknologi og digitalisering"] * 2


@pytest.mark.parametrize(("index", "themes"), [
    (0, ["kompetanse", "rekruttering", "tilgjengelighet"]),  # heading themes first, then the text's
    (1, ["kompetanse", "rekruttering", "utdanningskapasitet"]),
    (2, ["kompetanse", "rekruttering", "etter-og-videreutdanning"]),
    (3, ["digitalisering", "velferdsteknologi"]),
    (4, ["digitalisering", "forskning", "helsedata"]),
])
def test_recommendations_headings_as_themes(index: int, themes: list[str]) -> None:
    _, recs = _recs(COUNCIL)
    assert [t.key for t in recs[index].themes] == themes


def test_recommendations_commission_numbered_list_and_inverted_prose() -> None:
    document, recs = _recs(COMMISSION)
    assert [r.label for r in recs] == [
        "Heltid skal være normen i helse- og omsorgstjenesten.",
        "Oppgavedeling mellom yrkesgruppene må prøves ut i større skala.",
        "I tillegg anbefaler kommisjonen å styrke ledelsen i sykehjemmene.",
    ]
    assert {r.by.key for r in recs} == {"helsepersonellkommisjonen"}
    assert [t.key for t in recs[0].themes] == ["heltidskultur"]
    assert "ledelse" in [t.key for t in recs[2].themes]


def test_recommendations_nynorsk_tilrar() -> None:
    document = _doc(NYNORSK, "nn.txt", "nn")
    start = document.text.index("Rådet for psykisk helse meiner")
    actor = Actor(document.id, start, start + 23, "Rådet for psykisk helse", label="Rådet for psykisk helse",
                  kind="organisation", key="radet-for-psykisk-helse", actor_type="association")
    recs = find_recommendations(None, document, actors=[actor])
    assert [r.label for r in recs] == [
        "Rådet tilrår at kommunane får eit lovfesta krav om psykolog.",
        "Rådet tilrår òg å styrkje skulehelsetenesta.",
    ]
    assert all(r.heading == "Psykisk helse for barn og unge" for r in recs)
    assert all(r.by == actor for r in recs)
    assert [t.key for t in recs[0].themes] == ["psykisk-helse"]
    assert [t.key for t in recs[1].themes] == ["psykisk-helse", "helsestasjon-og-skolehelsetjenesten"]


def test_recommendations_press_release_has_none() -> None:
    """A ministry's "Vi må ..." and the government's "foreslår" are not recommendations."""
    _, recs = _recs(PRESS_RELEASE)
    assert recs == ()


def test_recommendations_opener_bullets_need_an_advisory_author() -> None:
    text = "Innspill\n\nHelseutvalget mener mye.\n\nArbeid\n\n • Vi må ha flere sykepleiere\n • Sykehjem er viktige\n"
    _, recs = _recs(text)
    assert [r.label for r in recs] == ["Vi må ha flere sykepleiere"]
    assert recs[0].by.key == "helseutvalget"


def test_recommendations_addressee_is_not_the_author() -> None:
    document = _doc("HelseOmsorg21-rådet gir innspill til Helsepersonellkommisjonen\n\nTekst om saken her.\n")
    assert advisory_author(document).key == "helseomsorg21-radet"
    document = _doc("Innspill til Helsepersonellkommisjonen\n\nTekst om saken her og mer tekst.\n")
    assert advisory_author(document) is None


def test_recommendations_prefers_given_actors() -> None:
    document = _doc(COUNCIL)
    start = document.text.index("Prioriteringsrådet har")
    actor = Actor(document.id, start, start + 18, "Prioriteringsrådet", label="Nasjonalt råd for prioritering",
                  kind="organisation", key="nasjonalt-rad-for-prioritering", actor_type="council")
    recs = find_recommendations(None, document, actors=[actor])
    assert {r.by for r in recs} == {actor}


def test_recommendations_doc_must_match(blank_nlp) -> None:
    document = _doc(COUNCIL)
    with pytest.raises(ValueError):
        find_recommendations(blank_nlp("annen tekst"), document)
    assert find_recommendations(blank_nlp(document.text), document) == find_recommendations(None, document)


def test_recommendations_corpus_helseomsorg21(corpus_dir, blank_nlp) -> None:
    document = read_document(corpus_dir / "helseomsorg21-radet-gir-innspill-til-helsepersonellkommisjonen.txt")
    recs = find_recommendations(blank_nlp(document.text), document)
    assert len(recs) == 25
    assert [h for h in dict.fromkeys(r.heading for r in recs)] == [
        "Bærekraft i helsetjenesten", "Organisering, oppgavefordeling og samhandling",
        "Rekruttering, utdanning og kompetanse", "Forskning og innovasjon", "Teknologi og digitalisering",
    ]
    assert {r.by.key for r in recs} == {"helseomsorg21-radet"}
    assert all(r.themes for r in recs)
    assert all(r.label.startswith("Vi ") for r in recs)
    by_label = {r.label: [t.key for t in r.themes] for r in recs}
    assert "velferdsteknologi" in by_label[
        "Vi trenger en forsterket satsing på velferdsteknologi og e-helse for å bremse behovet for helsepersonell"]
    assert "heltidskultur" in by_label["Vi trenger økt kunnskap om hvordan en fremmer en heltidskultur"]


@pytest.mark.parametrize("name", [
    "2020-regjeringen-lanserer-nytt-kompetanseloft.txt",
    "2020-regjeringen-vil-styrke-kompetanse-og-innovasjon-i-helse-og-omsorgstjenesten.txt",
    "2024-innovasjons-og-kompetansefond-for-helse-og-omsorgssektoren.txt",
    "2024-nytt-rekrutterings-og-samhandlingstilskudd-for-helsetjenesten.txt",
])
def test_recommendations_corpus_press_releases_have_none(corpus_dir, name: str) -> None:
    document = read_document(corpus_dir / name)
    assert find_recommendations(None, document) == ()


def test_recommendations_prose_in_bullets_after_paragraph_intro():
    from helsekg.api import extract_text
    from helsekg.nlp.pipeline import load

    text = (
        "Eldrerådet anbefaler tiltak mot ensomhet\n\n"
        "Eldrerådet i Bodø kommune behandlet saken i sitt møte tirsdag. Rådet ga to anbefalinger:\n\n"
        " • Rådet anbefaler at kommunen oppretter flere dagaktivitetsplasser for hjemmeboende eldre.\n"
        " • Rådet anbefaler at frivillige besøksvenner får opplæring og oppfølging.\n\n"
        "Kommunedirektøren vil legge saken fram for formannskapet.\n"
    )
    recs = extract_text(text, nlp=load(model=None)).recommendations
    assert [r.label.split()[3] for r in recs] == ["kommunen", "frivillige"]
    assert {r.by.label for r in recs} == {"Eldrerådet"}


AUDIT = """Oppfølging av rehabilitering i kommunene

Riksrevisjonen har undersøkt om pasienter får tilbud om rehabilitering når de trenger det.

Riksrevisjonen mener at Helse- og omsorgsdepartementet bør vurdere tiltak som gir likere tilbud i hele landet.

Vi anbefaler at departementet
 • sørger for bedre oversikt over behovet for rehabilitering
 • vurderer hvordan samarbeidet mellom sykehus og kommuner kan styrkes
"""

OMBUD_NN = """Høyringssvar om ungdomshelse

Barneombodet har lese rapporten med interesse.

Barneombodets innspel oppsummert:
 • Vi saknar eit tydeleg barneperspektiv i tilrådingane
 • Tiltaket om helsestasjon for ungdom bør utvidast til heile landet
"""


def test_recommendations_of_an_oversight_body_opinion_and_open_intro() -> None:
    """Issue 13/16: "X mener at ... bør ..." recommends; "Vi anbefaler at departementet" without a colon
    introduces the bullets under it when an advisory or oversight body speaks."""
    document, recs = _recs(AUDIT)
    assert [r.label for r in recs] == [
        "Riksrevisjonen mener at Helse- og omsorgsdepartementet bør vurdere tiltak som gir likere tilbud i hele "
        "landet.",
        "sørger for bedre oversikt over behovet for rehabilitering",
        "vurderer hvordan samarbeidet mellom sykehus og kommuner kan styrkes",
    ]
    assert {r.by.label for r in recs} == {"Riksrevisjonen"}


def test_recommendations_owner_ends_a_compound_nynorsk() -> None:
    document, recs = _recs(OMBUD_NN)
    assert [r.label for r in recs] == ["Vi saknar eit tydeleg barneperspektiv i tilrådingane",
                                       "Tiltaket om helsestasjon for ungdom bør utvidast til heile landet"]
    assert {r.by.label for r in recs} == {"Barneombodet"}


def test_recommendations_government_opinions_and_open_lists_are_not_recommendations() -> None:
    text = """Regjeringen styrker rehabilitering

Regjeringen mener at kommunene bør få mer ansvar for rehabilitering.

Regjeringen foreslår at
 • kommunene får 200 millioner kroner til rehabilitering
"""
    assert _recs(text)[1] == ()


OMBUD_REQUEST_NB = """\
Innspill til statsbudsjettet for 2027

Pasientombudet har gått gjennom budsjettforslaget for helse.

Pasientombudet ber Stortinget om å:

 • sikre at alle kommuner har et tilbud om øyeblikkelig hjelp døgnopphold
 • øke bevilgningen til pasientreiser

Vi ber også regjeringen om å styrke klagebehandlingen i Statens helsetilsyn.

Ombudet er fornøyd med at fastlegeordningen styrkes.
"""

COUNCIL_REQUEST_NN = """\
Eldrerådet sitt innspel til budsjettet

Eldrerådet har drøfta budsjettframlegget.

I innspelet vårt ber vi kommunestyret prioritere pengar til

 • fleire dagaktivitetsplassar for heimebuande
 • betre kollektivtilbod for eldre i grendene

Vi ber kommunestyret avvise framlegget om å leggje ned frivilligsentralen

Rådet meiner elles at budsjettet er godt.
"""

DECISION_NB = """\
Vedtak i kommunestyret

Kommunestyret ber kommunedirektøren om å:

 • utrede en ny legevaktordning
 • legge fram en sak om sykehjemsplasser
"""


def test_recommendations_requests_of_an_ombud_nb() -> None:
    """ "X ber Stortinget om å:" opens a list of proposals; "Vi ber også regjeringen om å ..." is one."""
    _, recs = _recs(OMBUD_REQUEST_NB)
    assert [r.label for r in recs] == [
        "sikre at alle kommuner har et tilbud om øyeblikkelig hjelp døgnopphold",
        "øke bevilgningen til pasientreiser",
        "Vi ber også regjeringen om å styrke klagebehandlingen i Statens helsetilsyn.",
    ]
    assert {r.by.key for r in recs} == {"pasientombudet"}


def test_recommendations_requests_of_a_council_nn() -> None:
    """A request without "om å" ("ber kommunestyret prioritere ... til" + bullets), and one standing as a line."""
    _, recs = _recs(COUNCIL_REQUEST_NN, language="nn")
    assert [r.label for r in recs] == [
        "fleire dagaktivitetsplassar for heimebuande",
        "betre kollektivtilbod for eldre i grendene",
        "Vi ber kommunestyret avvise framlegget om å leggje ned frivilligsentralen",
    ]


def test_recommendations_a_council_decision_is_no_request() -> None:
    """A municipal council asking its own administration decides; that is not an advisory proposal."""
    assert _recs(DECISION_NB)[1] == ()


def test_recommendations_proposals_are_not_measures(nlp) -> None:
    """What an ombud asks the Storting for is a recommendation; its unfunded phrases are no measures."""
    from helsekg.api import extract_text

    result = extract_text(OMBUD_REQUEST_NB, nlp=nlp)
    assert len(result.recommendations) == 3
    inside = [m.label for m in result.measures
              if any(r.start <= m.start and m.end <= r.end for r in result.recommendations)]
    assert inside == []


IMPERATIVES_NN = """\
Ungdomsrådet krev meir til psykisk helse

Ungdomsrådet har lese budsjettframlegget for 2027. Styrk skulehelsetenesta. Gi alle elevar tilgang til ein psykolog.

Les heile innspelet på nettsidene våre.
"""


def test_recommendations_imperatives_of_an_advisory_body(nlp) -> None:
    """An advisory body's imperative demands ("Styrk ...", "Gi ...") are recommendations; "Les heile innspelet"
    instructs the reader and is none; without an advisory author, imperatives are nothing."""
    document = _doc(IMPERATIVES_NN, language="nn")
    recs = find_recommendations(nlp(document.text), document)
    assert [r.label for r in recs] == ["Styrk skulehelsetenesta.", "Gi alle elevar tilgang til ein psykolog."]
    plain = _doc(IMPERATIVES_NN.replace("Ungdomsrådet", "Kommunen"), language="nn")
    assert find_recommendations(nlp(plain.text), plain) == ()


ADVICE_REPORT_NB = """Rapport til helseministeren

Publisert: 02.02.2026

Rådet for bedre rehabilitering har levert en rapport med anbefalinger til statsråden. Her trekker rådet frem tre områder som må prioriteres i den kommende planen:

  • Flere plasser i døgnrehabilitering – kommunene må få et tydeligere ansvar.
  • Rehabiliteringsteam i alle kommuner.
  • Bedre oppfølging etter utskrivning fra sykehus.

– Vi bruker for mye ressurser på reinnleggelser, sier rådets leder Kari Berg.
"""

ADVICE_TITLE_NN = """Innspel til opptrappingsplanen for rusfeltet

Eldreombodet er uroa for at eldre med rusproblem ikkje får hjelp tidleg nok.

Vi løftar fram tre område i vårt notat til helse- og omsorgskomiteen:

  • Forpliktande mål for førebygging blant eldre
  • Kommunane må kartleggje rusbruk i heimetenestene
  • Betre samarbeid mellom fastlege og heimeteneste
"""

REPRESENTATIVE_PROPOSAL_NN = """Representantforslag om openheit i prioriteringane

Komiteen har handsama saka.

I dokumentet vert følgjande forslag fremja:

  1. Stortinget ber regjeringa sikre full openheit om avgjerdsgrunnlaget for prioriteringar.
  2. Stortinget ber regjeringa opprette eit nasjonalt prioriteringsråd.
"""


def test_recommendations_list_announced_as_advice_nb() -> None:
    """A paragraph that announces "anbefalinger" and closes with a colon opens the advisory body's list; the dash
    quote after the list is a statement, not a fourth item."""
    _, recs = _recs(ADVICE_REPORT_NB)
    assert [r.label for r in recs] == [
        "Flere plasser i døgnrehabilitering – kommunene må få et tydeligere ansvar.",
        "Rehabiliteringsteam i alle kommuner.",
        "Bedre oppfølging etter utskrivning fra sykehus.",
    ]


def test_recommendations_list_under_an_input_title_nn() -> None:
    """Under the title "Innspel til ...", the advisory body's own colon intro ("Vi løftar fram ...:") lists advice."""
    _, recs = _recs(ADVICE_TITLE_NN, language="nn")
    assert [r.label for r in recs] == [
        "Forpliktande mål for førebygging blant eldre",
        "Kommunane må kartleggje rusbruk i heimetenestene",
        "Betre samarbeid mellom fastlege og heimeteneste",
    ]
    assert {r.by.label for r in recs} == {"Eldreombodet"}


def test_recommendations_a_bills_proposals_are_not_advice() -> None:
    """ "følgjande forslag" of a representative proposal lists draft decisions, not an advisory body's advice."""
    assert _recs(REPRESENTATIVE_PROPOSAL_NN, language="nn")[1] == ()


@pytest.mark.parametrize(("text", "kept"), [
    # before the verb, after it (with whitespace as the text has it), and a line break inside the name
    ("Nasjonalt råd for ernæring anbefaler at kommunene ansetter ernæringsfysiolog.", ("Nasjonalt råd for ernæring", "vi")),
    ("Derfor anbefaler\nNasjonalt råd for ernæring at kommunene ansetter ernæringsfysiolog.",
     ("Nasjonalt råd for ernæring", "vi")),
    # "ber Stortinget": the addressee stands where a subject may (the request "ber <subject> om")
    ("Nasjonalt råd\nfor ernæring ber Stortinget om å styrke skolemåltidet.",
     ("Nasjonalt råd for ernæring", "Stortinget", "vi")),
    # named elsewhere only: the pattern cannot match it, so it is left out ("vi" is matched in any case, kept)
    ("Nasjonalt råd for ernæring har levert rapporten. Vi tilrår at skolemåltidet blir styrkt.", ("vi",)),
])
def test_recommendations_prose_pattern_names_only_actors_next_to_a_verb(text: str, kept: tuple[str, ...]) -> None:
    """The prose pattern is compiled with the actors that stand next to one of its verbs (issue 18: compiled
    once for most documents instead of once per document), and finds what it found with all of them."""
    from helsekg.extract.recommendations import (
        _next_to_verbs,
        _prose_pattern,
        default_cues,
    )

    cues = default_cues()
    subjects = ("Nasjonalt råd for ernæring", "Stortinget", "vi")
    assert _next_to_verbs(cues, subjects, text) == kept
    every, some = _prose_pattern(cues, subjects), _prose_pattern(cues, kept)
    assert [m.group() for m in every.finditer(text)] == [m.group() for m in some.finditer(text)]
    assert every.search(text) is not None


OMBUD_RESPONSE_NN = """\
Høyringssvar frå Barneombodet

Innspel frå Barneombodet til ny opptrappingsplan for psykisk helse

Barn og unge som slit psykisk, får ofte hjelp for seint. Mange ventar lenge på behandling.

Viktige utfordringar i arbeidet med den nye planen

 • Legg til rette for fleire helsesjukepleiarar i skulane.
 • Barn som treng det, må få hjelp frå psykisk helseteneste innan fire veker.
 • Skulane har i dag ulike tilbod til elevane.

– No må pengane kome fram til dei som jobbar med barna, seier barneombod Inga Berg.
"""


def test_recommendations_an_advisory_bodys_demands_in_a_list_under_any_heading(nlp) -> None:
    """Issue 13, round 14: an ombud's consultation response lists its demands under a heading that is no intro
    ("Viktige utfordringar ..."): an imperative item and an item whose finite verb is "må" are recommendations; a
    statement in the same list is not, nor a quote with a dash ("– No må pengane kome fram ..., seier ...")."""
    document = _doc(OMBUD_RESPONSE_NN, "t.txt", "nn")
    recs = find_recommendations(nlp(document.text), document)
    assert [r.label for r in recs] == [
        "Legg til rette for fleire helsesjukepleiarar i skulane.",
        "Barn som treng det, må få hjelp frå psykisk helseteneste innan fire veker.",
    ]
    assert {r.by.label for r in recs} == {"Barneombodet"}


GOVERNMENT_LIST_NB = """\
Tiltak mot ensomhet blant eldre

Regjeringen foreslår å bevilge 12 millioner kroner til tiltak mot ensomhet. Regjeringen foreslår følgende tiltak:

  • Fem millioner kroner til å prøve ut digitale møteplasser for eldre som bor alene.
  • Øke tilskuddet til frivillige besøkstjenester med fire millioner kroner.
"""

COMMITTEE_LIST_NN = """\
Innspel til statsbudsjettet

Regjeringa har varsla ein ny eldrereform. Eldrerådet i fylket tilrår følgjande tiltak:

  • Auk talet på dagaktivitetsplassar for heimebuande med demens.
  • Lag ei ordning med besøksvener i alle kommunane.
"""


def test_recommendations_a_governments_list_of_measures_is_no_advice(nlp) -> None:
    """Issue 13, session 11: "Regjeringen foreslår følgende tiltak:" introduces the government's own measures; its
    bullets are no recommendations. An advisory body's "tilrår følgjande tiltak:" in a text that also names the
    government still introduces advice."""
    document = _doc(GOVERNMENT_LIST_NB, "t.txt", "nb")
    assert find_recommendations(nlp(document.text), document) == ()
    document = _doc(COMMITTEE_LIST_NN, "u.txt", "nn")
    recs = find_recommendations(nlp(document.text), document)
    assert [r.label for r in recs] == [
        "Auk talet på dagaktivitetsplassar for heimebuande med demens.",
        "Lag ei ordning med besøksvener i alle kommunane.",
    ]


def test_recommendations_the_addressee_named_in_a_list_intro_is_not_the_recommender(nlp) -> None:
    """Session 13: "Vi trekker frem fire områder i vårt notat til helse- og omsorgskomiteen:" speaks for the
    ombud that wrote the note; the committee after "til" is whom it is sent to."""
    from helsekg.extract.actors import extract_actors

    text = ("Innspill til opptrappingsplanen for barn og unges psykiske helse\n\n"
            "Barneombudet er bekymret for at hjelpen ikke er nok tilgjengelig.\n\n"
            "Vi trekker frem to områder i vårt notat til helse- og omsorgskomiteen:\n\n"
            "  • Forplikte kommunene til godt lavterskeltilbud til barn og unge\n"
            "  • Bedre tverrfaglig samarbeid\n")
    document = _doc(text)
    doc = nlp(document.text)
    actors, _ = extract_actors(doc, document)
    assert any("komiteen" in a.label.lower() for a in actors), actors  # the committee is an actor of the text
    recs = find_recommendations(doc, document, actors=actors)
    assert [r.label for r in recs] == ["Forplikte kommunene til godt lavterskeltilbud til barn og unge",
                                       "Bedre tverrfaglig samarbeid"]
    assert {r.by.label for r in recs} == {"Barneombudet"}


@pytest.mark.parametrize(("sentence", "found"), [
    ("Nå etterlyser ombudet at kommunene pålegges å ha et bedre tilbud til barn og unge.",
     "kommunene pålegges å ha et bedre tilbud til barn og unge"),
    ("Vi ønsker at det legges føringer på disse midlene.", "det legges føringer på disse midlene"),
    ("Vi forventer at kommunane får meir pengar til helsestasjonane.",
     "kommunane får meir pengar til helsestasjonane"),
    ("Vi forventer å se at rettighetene ligger til grunn.", None),  # what the body itself expects to see
    ("Barneombudet ønsker å takke alle som har bidratt.", None),
    ("Ombodet vil difor at kommunane får meir pengar til helsestasjonane.",
     "kommunane får meir pengar til helsestasjonane"),  # "vil at" with the Nynorsk adverb "difor" between
    # an adverb inside the two-word "ber om" (fortieth session)
    ("Ombudet ber derfor om at tilskuddsrammen som et minimum økes til 50 mill. kr.",
     "tilskuddsrammen som et minimum økes til 50 mill. kr"),
    ("Ombodet ber òg om at kommunane får meir pengar til helsestasjonane.",
     "kommunane får meir pengar til helsestasjonane"),
])
def test_recommendations_an_advisory_body_calling_for_something(sentence, found) -> None:
    """Session 13: "etterlyser at" recommends; "forventer/ønsker at" recommend with an "at" clause only
    (``that_verbs``)."""
    text = f"Innspill fra Barneombudet\n\nBarneombudet har sendt innspill til departementet.\n\n{sentence}\n"
    _, recs = _recs(text)
    labels = [r.label for r in recs]
    assert len(labels) == (1 if found else 0) and all(found in label for label in labels), labels
    assert all(r.by is not None and r.by.label == "Barneombudet" for r in recs)


@pytest.mark.parametrize(("sentence", "kept"), [
    ("Det trengs et løft i arbeidet med forebygging i kommunene.", True),
    ("Barn og unges psykiske helse bør være et nasjonalt satsingsområde.", True),
    ("Vi vil prioritere psykisk helse i arbeidet vårt i år.", False),  # what the body itself will do
    ("Mange barn får hjelp for seint.", False),
])
def test_recommendations_an_advisory_bodys_demands_in_prose(nlp, sentence, kept) -> None:
    """Session 13: in an advisory body's text, a prose sentence that opens like a demand ("Det trengs ...") or whose
    finite verb is "bør" is a recommendation of that body, as in a list; "Vi vil ..." is a commitment."""
    text = ("Innspill til opptrappingsplanen\n\nBarneombudet er bekymret for at hjelpen ikke er nok tilgjengelig.\n\n"
            f"{sentence}\n")
    document = _doc(text)
    recs = find_recommendations(nlp(document.text), document)
    labels = [r.label for r in recs]
    assert (len(labels) == 1 and labels[0] in sentence) if kept else not labels, labels
    assert all(r.by is not None and r.by.label == "Barneombudet" for r in recs)


@pytest.mark.parametrize(("text", "labels", "by"), [
    ("Rapport fra ekspertgruppen\n\nEkspertgruppen anbefaler at kommunene etablerer tverrfaglige team for eldre.\n",
     ["Ekspertgruppen anbefaler at kommunene etablerer tverrfaglige team for eldre."], "Ekspertgruppen"),
    ("Rapport frå arbeidsgruppa\n\nArbeidsgruppa meiner det bør opprettast eit nasjonalt kompetansesenter.\n",
     ["Arbeidsgruppa meiner det bør opprettast eit nasjonalt kompetansesenter."], "Arbeidsgruppa"),
    ("Utvalgets anbefalinger\n\nAnbefaling 1: Kommunene bør styrke helsestasjonstjenesten.\n\n"
     "Anbefaling 2 – Staten bør finansiere flere studieplasser.\n",
     ["Kommunene bør styrke helsestasjonstjenesten.", "Staten bør finansiere flere studieplasser."], None),
    ("Tiltak\n\nVi har supplert med tiltak vi mener bør inkluderes i utredningen.\n", [], None),
])
def test_recommendations_groups_opinions_and_numbered_recommendations(text, labels, by) -> None:
    """Session 13: an expert or working group recommends like a council ("Ekspertgruppen anbefaler at ..."); "mener
    det bør" is an opinion that demands, as "mener at ... bør" is (not "tiltak vi mener bør ...", a relative
    clause); "Anbefaling 1: ..." is a recommendation, its text after the mark (``numbered_labels``)."""
    _, recs = _recs(text)
    assert [r.label for r in recs] == labels
    assert all((r.by.label if r.by else None) == by for r in recs)


@pytest.mark.parametrize(("text", "labels"), [
    ("Innspel\n\nRådets tilrådingar\n\n- Styrk samhandlinga mellom kommunar og sjukehus.\n"
     "- Auk talet på praksisplassar.\n",
     ["Styrk samhandlinga mellom kommunar og sjukehus.", "Auk talet på praksisplassar."]),
    ("Helse og omsorg\n\nVåre tiltak\n\n- Nytt sykehjem på Moen\n- Flere ansatte i hjemmetjenesten\n", []),
    ("Helse og omsorg\n\nVåre anbefalinger\n\n- Nytt sykehjem på Moen\n- Flere ansatte i hjemmetjenesten\n", []),
])
def test_recommendations_a_heading_naming_the_advice_introduces_its_list(text, labels) -> None:
    """Session 13: a heading "Rådets tilrådingar" (no colon) over a list introduces the council's recommendations;
    "Våre tiltak" names measures, and "Våre anbefalinger" on a page with no advisory author names nobody's advice."""
    _, recs = _recs(text)
    assert [r.label for r in recs] == labels


@pytest.mark.parametrize(("text", "by"), [
    ("Innspill\n\nHelsepersonellkommisjonen anbefaler en ny modell for oppgavedeling i kommunene.\n",
     "Helsepersonellkommisjonen"),
    ("Rapport fra utvalget\n\nI rapporten foreslår Pårørendeutvalget en egen lov om pårørende.\n",
     "Pårørendeutvalget"),
])
def test_recommendations_a_recommending_verb_with_a_noun_phrase(text, by) -> None:
    """Session 13: an advisory body recommends a thing as often as a clause: "Kommisjonen anbefaler en ny modell ..."
    (no "at", "å" or "om" after the verb), the subject before or after it."""
    _, recs = _recs(text)
    assert len(recs) == 1 and recs[0].by is not None and recs[0].by.label == by, [(r.label, r.by) for r in recs]


def test_recommendations_a_text_that_mentions_a_council_keeps_its_own_demands(nlp) -> None:
    """Session 13: "bør" and "Det trengs ..." sentences are an advisory body's recommendations only in a text it speaks
    for (its title announces advice, or it opens the text); a ministry's news that mentions the council does not
    give the council the ministry's sentences."""
    text = ("Regjeringen styrker samhandlingen\n\n"
            "Regjeringen følger opp rådene fra HelseOmsorg21-rådet i statsbudsjettet. "
            "Kommunene bør få et større ansvar for oppfølgingen av pasientene. Det trengs bedre samarbeid mellom "
            "sykehus og kommuner.\n")
    document = _doc(text)
    recs = find_recommendations(nlp(document.text), document)
    assert [r.label for r in recs] == []


@pytest.mark.parametrize(("item", "kept"), [
    # the tagger reads "Gi" here as an adjective
    ("Gi tilskot til å tilsette eldrekoordinatorar i alle kommunar for å styrke koordineringa av tenester.", True),
    ("Tildeler totalt kr. 40 000,- etter søknader.", False),  # telegraphic minutes: a present tense, no imperative
    # the tagger does not know "Anerkjenn" (a name to it): the infinitive "anerkjenne" without its "-e"
    ("Anerkjenn eldre sine ressursar som viktige bidrag i samfunnet.", True),
    ("Dag Hansen leia arbeidet med planen.", False),  # a name ("dage" is a verb too)
])
def test_recommendations_a_verb_first_demand_whatever_the_tagged_mood(nlp, item, kept) -> None:
    """Session 13: in an advisory body's list a line that opens with its verb, has an object and no subject is an
    imperative even when the tagger gives another mood or part of speech; a present-tense form ("Tildeler") is not."""
    text = ("Innspel frå Eldreombodet til folkehelsemeldinga\n\nEldreombodet har sendt innspel til regjeringa.\n\n"
            "Nokre viktige utfordringar til regjeringa\n\n"
            " • Legg til rette for deltaking og medverknad for eldre på alle samfunnsområde.\n"
            f" • {item}\n")
    document = _doc(text)
    labels = [r.label for r in find_recommendations(nlp(document.text), document)]
    assert labels[0].startswith("Legg til rette") and (item in labels) == kept, labels


@pytest.mark.parametrize(("text", "language"), [
    ("Eldreombodet sine råd\n\nEldreombodet rår kommunane til å styrkje dagaktivitetstilbodet for personar med demens.\n",
     "nn"),
    ("Innspill fra Eldreombudet\n\nEldreombudet råder kommunene til å styrke dagaktivitetstilbudet for personer med "
     "demens.\n", "nb"),
])
def test_recommendations_advising_an_addressee_to_act(text: str, language: str) -> None:
    """ "rår/råder X til å ...": advice to a named decision-maker, like "oppfordrar X til å ...", in both standards."""
    _, recs = _recs(text, language=language)
    assert [r.label.split()[1] for r in recs] == [{"nn": "rår", "nb": "råder"}[language]]


@pytest.mark.parametrize(("text", "language", "opening", "by"), [
    # "anbefaler/tilrår <X- og Ydepartementet> å ...": the addressee's name between the verb and "å" (capitalised,
    # with a suspended compound) does not hide the recommendation
    ("Riksrevisjonen har undersøkt ventetidene i psykisk helsevern.\n\nRiksrevisjonen anbefaler Helse- og "
     "omsorgsdepartementet å sørge for at pasientene får raskere utredning.\n", "nb",
     "Riksrevisjonen anbefaler Helse- og", "Riksrevisjonen"),
    ("Riksrevisjonen har undersøkt ventetidene i psykisk helsevern.\n\nRiksrevisjonen tilrår Helse- og "
     "omsorgsdepartementet å sjå til at pasientane får raskare utgreiing.\n", "nn",
     "Riksrevisjonen tilrår Helse- og", "Riksrevisjonen"),
    # "ber om at ...": a council's request without an addressee, like "forventer at", in both standards
    ("Eldrerådet i Bergen har behandlet budsjettet.\n\nEldrerådet ber om at kommunen bygger flere omsorgsboliger for "
     "eldre.\n", "nb", "Eldrerådet ber om at", "Eldrerådet"),
    ("Ungdomsrådet har handsama budsjettet.\n\nUngdomsrådet ber om at kommunen opprettar fleire møteplassar for "
     "ungdom.\n", "nn", "Ungdomsrådet ber om at", "Ungdomsrådet"),
])
def test_recommendations_a_named_body_asks(text: str, language: str, opening: str, by: str) -> None:
    """An advisory body's request forms, each found once with its body."""
    _, recs = _recs(text, language=language)
    assert [(" ".join(r.label.split()[:4]), r.by.label if r.by else None) for r in recs] == [(opening, by)]


def test_recommendations_an_opinion_without_at() -> None:
    """ "Eldrerådet meiner kommunen bør ...": the "at" left out before the demanding clause, as Norwegian allows."""
    _, recs = _recs("Eldrerådet har handsama planen.\n\nEldrerådet meiner kommunen bør satse meir på "
                    "kvardagsrehabilitering.\n", language="nn")
    assert [r.label.split()[2] for r in recs] == ["kommunen"]


def test_recommendations_an_opinion_that_something_must_be_done() -> None:
    """ "Eldreombudet mener at kommunene må sikre ...": "må" in an opinion's clause demands as "bør" does (session 29);
    in quoted speech ("– ... Rådet meiner innsatsen må flyttast fram, seier leiaren") only "bør" does."""
    _, recs = _recs("Eldreombudet har lagt fram årsmeldingen.\n\nEldreombudet mener at kommunene må sikre at alle "
                    "eldre som bor hjemme, får tilbud om dagaktivitet.\n")
    assert [(r.label.split()[3], r.by.label) for r in recs] == [("kommunene", "Eldreombudet")]
    _, recs = _recs("Eldrerådet har handsama planen.\n\n– Vi ser at mange blir lagde inn for seint. Eldrerådet meiner "
                    "innsatsen må flyttast fram i forløpet, seier leiaren Kari Nes.\n", language="nn")
    assert recs == ()


def test_recommendations_a_request_already_made_and_what_the_author_sees_as_necessary(nlp) -> None:
    """ "Vi har bedt departementet om å utarbeide ...": a request in the perfect (or "ba/bad") recommends as "ber" does;
    "vi ser det som nødvendig at X" endorses X as "mener det er nødvendig at" does (session 29)."""
    _, recs = _recs("Barneombudet har sendt brev til regjeringen.\n\nVi har bedt Barne- og familiedepartementet om å "
                    "utarbeide en veileder om barnerettighetsvurdering.\n")
    assert [r.label.split()[2] for r in recs] == ["bedt"]
    text = ("Høringssvar fra Vestfold fylkeskommune\n\nTannhelsetjenesten er en viktig del av helsetjenesten, og vi "
            "ser det som nødvendig at de foreslåtte endringene tas inn i tannhelsetjenesteloven.\n")
    labels = [r.label for r in process(_doc(text), nlp).recommendations]
    assert labels == ["de foreslåtte endringene tas inn i tannhelsetjenesteloven"]


def test_recommendations_a_council_asking_its_own_authority() -> None:
    """ "Brukerrådet oppfordrer helseforetaket til å ...": a council's request to the one body it advises (singular
    addressees: "kommunen", "helseforetaket", "rådmannen")."""
    _, recs = _recs("Innspill fra Brukerrådet\n\nBrukerrådet oppfordrer helseforetaket til å styrke "
                    "brukermedvirkningen.\n")
    assert [r.label.split()[1] for r in recs] == ["oppfordrer"]


def test_recommendations_imperatives_opening_a_text_of_an_advisory_body(nlp) -> None:
    """ "Hev minstepensjonen." (the tagger reads "Hev" as a name here; the dictionary knows it as a form of "heve")
    is a demand like the imperatives after it; "Leve hele livet." names a reform ("leve" is the infinitive)."""
    text = ("Statsbudsjettet: Stortinget må prioritere eldre\n\nHev minstepensjonen. Stopp det digitale utanforskapet. "
            "Styrk eldreomsorga. Det krev Eldreombodet av Stortinget.\n\nLeve hele livet.\n")
    document = _doc(text, language="nn")
    labels = [r.label for r in find_recommendations(nlp(document.text), document)]
    assert "Hev minstepensjonen." in labels and "Styrk eldreomsorga." in labels, labels
    assert "Leve hele livet." not in labels


def test_recommendations_a_participle_opening_a_line_is_no_imperative(nlp) -> None:
    """ "Oversendt regjeringen: 19.10.2012" in an interpellation's header records what was done (a participle the
    tagger makes the root with an object); "Sett i verk ...", whose participle is also the imperative of "sette",
    still demands in an advisory body's text (session 35)."""
    text = ("Interpellasjon nr. 12 (2012-2013)\nOm kapasiteten i det psykiske helsevernet\n"
            "Oversendt regjeringen: 19.10.2012\nBesvart: 29.11.2012 av helse- og omsorgsminister Kari Nordmann\n\n"
            "Flere steder er ventetida lang. Helsetilsynet har også avdekket store variasjoner i tilbudet ved de "
            "distriktspsykiatriske sentrene.\n")
    document = _doc(text)
    assert [r.label for r in find_recommendations(nlp(document.text), document)] == []
    text = ("Uttale frå Eldrerådet i Nordby\n\nEldrerådet har drøfta saka. Sett i verk meldeplikta om vald mot "
            "eldre, og før tilsyn med at ho blir følgd.\n")
    document = _doc(text, language="nn")
    labels = [r.label for r in find_recommendations(nlp(document.text), document)]
    assert labels == ["Sett i verk meldeplikta om vald mot eldre, og før tilsyn med at ho blir følgd."], labels


def test_recommendations_let_us_is_no_demand(nlp) -> None:
    """ "La oss skape aktivitet for ungdom sammen!" invites; "Styrk eldreomsorga." demands (session 29)."""
    text = ("Statsbudsjettet: Stortinget må prioritere eldre\n\nStyrk eldreomsorga. La oss skape fleire møteplassar "
            "for eldre saman! Det krev Eldreombodet av Stortinget.\n")
    document = _doc(text, language="nn")
    labels = [r.label for r in find_recommendations(nlp(document.text), document)]
    assert "Styrk eldreomsorga." in labels and not any(label.startswith("La oss") for label in labels), labels


def test_recommendations_an_infinitive_with_an_at_clause_in_a_consultation_answer(nlp) -> None:
    """ "• Sikre at kunnskap om ... blir gjort kjent i kommunene": a list item of a consultation answer opening with an
    infinitive and its "at" clause demands, whatever the tagger makes of the first word (session 29)."""
    text = ("Høringssvar fra Nordby kommune\n\nInnspill til folkehelsemeldingen\n\n"
            " • Sikre at kunnskap om tiltak som virker, blir gjort kjent i kommunene\n"
            " • Folkehelseundersøkelsen viste store forskjeller mellom bydelene.\n")
    labels = [r.label for r in process(_doc(text), nlp).recommendations]
    assert labels[:1] == ["Sikre at kunnskap om tiltak som virker, blir gjort kjent i kommunene"], labels


@pytest.mark.parametrize(("text", "language", "expected"), [
    ("Barneombudet\n\nBarneombudet vil anbefale at kommunene styrker skolehelsetjenesten.", "nb",
     ["Barneombudet vil anbefale at kommunene styrker skolehelsetjenesten."]),
    ("Eldreombodet\n\nEldreombodet vil tilrå at kommunane tilset fleire eldrekoordinatorar.", "nn",
     ["Eldreombodet vil tilrå at kommunane tilset fleire eldrekoordinatorar."]),
    # a government's modal proposal is no recommendation
    ("Statsbudsjettet\n\nRegjeringen vil foreslå at bevilgningen økes.", "nb", []),
])
def test_recommendations_modal_and_infinitive(text, language, expected) -> None:
    """Fifteenth session: "vil anbefale/tilrå/foreslå at" recommends like the present tense."""
    document = _doc(text, "t.txt", language)
    assert [r.label for r in find_recommendations(None, document)] == expected


@pytest.mark.parametrize(("text", "language", "expected"), [
    ("Eldreombudet: Innspill til statsbudsjettet\n\nDet anbefales at det settes av midler til flere "
     "sykehjemsplasser. Videre bør kommunene styrke hjemmetjenesten.\n", None,
     ["Det anbefales at det settes av midler til flere sykehjemsplasser.",
      "Videre bør kommunene styrke hjemmetjenesten."]),
    ("Eldreombodet: Innspel til folkehelsemeldinga\n\nDet blir tilrådd at kommunane tilset eldrekoordinatorar.\n",
     "nn", ["Det blir tilrådd at kommunane tilset eldrekoordinatorar."]),
])
def test_recommendations_a_passive_recommending_verb_in_an_advisory_text(nlp, text, language, expected) -> None:
    """ "Det anbefales at ...", "Det blir tilrådd at ...": the advisory author's recommendation in the passive
    (session 23)."""
    document = _doc(text, language=language)
    result = process(document, nlp)
    assert [r.label for r in result.recommendations] == expected


def test_recommendations_a_council_named_for_whom_it_speaks_and_a_named_addressee(nlp) -> None:
    """A statutory council in the title is the advisory author ("Vi tilrår at ..."), and an advisory body's request
    to a named body "om å" is a recommendation (session 23)."""
    document = _doc("Fråsegn frå Rådet for personar med funksjonsnedsetting\n\nVi tilrår at kommunen set av midlar "
                    "til tilrettelegging.\n", language="nn")
    result = process(document, nlp)
    assert [(r.label, r.by.label) for r in result.recommendations] == [
        ("Vi tilrår at kommunen set av midlar til tilrettelegging.", "Rådet for personar med funksjonsnedsetting")]
    document = _doc("Brukerutvalget i Helse Nord: Innspill til oppdragsdokumentet\n\nBrukerutvalget ber Helse Nord om "
                    "å styrke tilbudet til barn og unge.\n")
    assert [r.label for r in process(document, nlp).recommendations] == [
        "Brukerutvalget ber Helse Nord om å styrke tilbudet til barn og unge."]


def test_recommendations_vi_asking_a_body_is_the_author_not_the_body_asked(nlp) -> None:
    """Twenty-fourth session: in "Vi ber kommunestyret sikre at ...", "vi" is the advisory body whose text it is;
    the municipal council the request names is who is asked, never the recommender."""
    from helsekg.api import extract_text

    text = ("Høyringssvar frå Ungdomsrådet\n\nUngdomsrådet ønskjer at kommunen opnar eit nytt ungdomshus. "
            "Vi ber kommunestyret sikre at skulehelsetenesta er open kvar dag.")
    result = extract_text(text, source="t.txt", nlp=nlp, language="nn")
    asked = [r for r in result.recommendations if r.label.startswith("Vi ber kommunestyret")]
    assert asked and all(r.by is not None and r.by.label == "Ungdomsrådet" for r in asked), _labels_and_authors(
        result.recommendations)


def test_recommendations_a_body_written_in_its_short_form_recommends(nlp) -> None:
    """ "Legeforeningen anbefaler at ...": the gazetteer names the body "Den norske legeforening"; the subject as the
    text writes it recommends all the same (the prose reader matched only the canonical label)."""
    from helsekg.api import extract_text

    text = ("Høringssvar om fastlegeordningen\n\n"
            "Legeforeningen anbefaler at fastlegeordningen styrkes med flere hjemler.")
    found = extract_text(text, nlp=nlp).recommendations
    assert [(r.text, r.by.label) for r in found] == [
        ("Legeforeningen anbefaler at fastlegeordningen styrkes med flere hjemler.", "Den norske legeforening")]


@pytest.mark.parametrize(("text", "by"), [
    # a youth panel named by its owner and an indefinite compound, its proposals under "Vi foreslår" without a colon
    ("Trygge møteplasser\n\nDette er eit politikkforslag frå Ungdommens fylkespanel.\n\nVi foreslår\n\n"
     "• Alle kommunar må ha eit gratis ungdomshus.\n• Det må vere gratis buss til fritidsaktivitetar.\n",
     "Ungdommens fylkespanel"),
    ("Behandling av politikkforslag\n\nVestby ungdomsråd har behandlet forslagene i møtet.\n\nVi foreslår\n\n"
     "• Alle kommunar må ha eit gratis ungdomshus.\n• Det må vere gratis buss til fritidsaktivitetar.\n",
     "Vestby ungdomsråd"),
])
def test_recommendations_an_indefinite_council_name_speaks_for_its_list(text, by) -> None:
    """Session 26: "Ungdommens fylkespanel", "Vestby ungdomsråd": a body named by its owner or place and an indefinite
    compound of an advisory head is an advisory author, so its "Vi foreslår" list holds recommendations."""
    _, recs = _recs(text)
    assert [r.label for r in recs] == ["Alle kommunar må ha eit gratis ungdomshus.",
                                       "Det må vere gratis buss til fritidsaktivitetar."]
    assert all(r.by is not None and r.by.label == by for r in recs)


@pytest.mark.parametrize(("opening", "kept"), [
    ("Sande eldreråd er glad for at forskriften endelig er på plass.", True),
    ("Byrådet er glad for at forskriften endelig er på plass.", False),  # a city government, not an advisory body
    ("Statsråden er glad for at forskriften endelig er på plass.", False),
])
def test_recommendations_a_council_opening_a_text_without_title_speaks_for_it(nlp, opening, kept) -> None:
    """Session 26: a consultation answer stored without a title opens with the council's sentence ("Sande eldreråd er
    glad for ..."): the council speaks for the text, so its "bør" sentences are its recommendations."""
    text = (f"{opening}\n\nI dag står det lite om mandatet i forskriften. Eldrerådet har lenge arbeidet for dette. "
            "Et tydelig mandat bør framgå av forskriften.\n")
    document = _doc(text)
    labels = [r.label for r in find_recommendations(nlp(document.text), document)]
    assert labels == (["Et tydelig mandat bør framgå av forskriften."] if kept else []), labels


@pytest.mark.parametrize(("sentence", "kept"), [
    ("Samarbeidet mellom eldrerådet og kommunestyret må styrkjast.", True),
    ("Retten til opplæring må ikkje svekkast i den nye forskrifta.", True),
    ("Alle medlemmene må møte på det første møtet.", False),  # "må" with an active verb: a rule described
])
def test_recommendations_an_advisory_bodys_passive_must_demands(nlp, sentence, kept) -> None:
    """Session 26: in a text an advisory body speaks for, "må" with a passive infinitive ("må styrkjast", "må ikkje
    svekkast") demands something of others, like "bør"; "må" with an active verb describes a rule."""
    text = f"Høyringsfråsegn\n\nVoss eldreråd har følgjande merknader til forskrifta.\n\n{sentence}\n"
    document = _doc(text, language="nn")
    labels = [r.label for r in find_recommendations(nlp(document.text), document)]
    assert labels == ([sentence] if kept else []), labels


@pytest.mark.parametrize(("text", "endorsed"), [
    ("Ny lov om demensomsorg – høringssvar fra formannskapet i Fjellby\n\nFormannskapet i Fjellby\n\n"
     "Vurdering fra formannskapet:\n\nMed en stadig eldre befolkning synes det fornuftig å etablere et nasjonalt "
     "kompetansesenter for demens. Lovteksten er tydelig, og det er bra.\n",
     "etablere et nasjonalt kompetansesenter for demens"),
    ("Ny lov om demensomsorg – høyringsfråsegn frå formannskapet i Fjellby\n\nFormannskapet i Fjellby\n\n"
     "Vurdering frå formannskapet:\n\nMed ei stadig eldre befolkning meiner vi det er rett å etablere eit nasjonalt "
     "kompetansesenter for demens. Lovteksten er tydeleg, og det er bra.\n",
     "etablere eit nasjonalt kompetansesenter for demens"),
])
def test_recommendations_a_consultation_answer_speaks_for_its_sender(nlp, text, endorsed):
    """A consultation answer ("høringssvar fra formannskapet i Fjellby") speaks for its sender, whatever its type:
    what the sender finds right to do ("synes det fornuftig å ...") is its recommendation; the law it answers about
    names no author."""
    extraction = process(document_from_text(text, source="h.txt"), nlp)
    found = _labels_and_authors(extraction.recommendations)
    assert [label for label, _ in found] == [endorsed]
    assert found[0][1] is not None and found[0][1].lower().startswith("formannskapet")


ELDRE_DEMANDS_NB = """Eldreombudets krav til ny regjering

Eldreombudet har sendt sine krav til den nye regjeringen.

Styrk helse- og omsorgstjenestene

 • Sørg for kompetanseoverføring mellom sykehusene og de kommunale helsetjenestene.
 • Gi pålegg, verktøy og midler som gjør at alle kommuner forebygger overgrep.
 • Sett i verk meldeplikten om vold mot eldre, og før tilsyn med at den følges.
 • Les hele innspillet på nettsiden vår.
"""


def test_recommendations_short_and_ambiguous_imperatives(nlp) -> None:
    """ "Sørg for ...", "Gi pålegg ..." (short imperatives the tagger reads as names) and "Sett i verk ..." (the
    imperative of "sette", which is also a participle of "se") demand; "Les ..." still instructs the reader."""
    document = _doc(ELDRE_DEMANDS_NB, language="nb")
    labels = [r.label for r in find_recommendations(nlp(document.text), document)]
    assert [label.split()[0] for label in labels] == ["Sørg", "Gi", "Sett"]


CONSULTATION_BURDE_NB = """Dato: 13.04.2026
Høringssvar fra Fjellby kommune

Fjellby kommune gir følgende innspill til folkehelsemeldingen.

Folkehelse og livsmestring i skolen

Økonomiforståelse burde være en del av dette faget i alle skoler. Det burde vurderes et nasjonalt opplegg som kan innføres allerede i barnehagene.
"""


def test_recommendations_burde_in_a_consultation_answer(nlp) -> None:
    """ "burde" demands as "bør" does ("Det burde vurderes ...", "X burde være ..."), and the line that names a
    consultation answer under its date ("Høringssvar fra Fjellby kommune") is no demand, whatever the tagger reads."""
    extraction = process(document_from_text(CONSULTATION_BURDE_NB, source="h.txt"), nlp)
    labels = [r.label for r in extraction.recommendations]
    assert [label.split()[0] for label in labels] == ["Økonomiforståelse", "Det"]
    assert all(r.by is not None and r.by.label.startswith("Fjellby") for r in extraction.recommendations)


CONSULTATION_PAGE_NB = """Til høringen: Høring - forslag til endringer i lov om folkehelsearbeid

Fjellby kommune

Dato: 17.01.2026

Fjellby kommune er positiv til hovedendringene i høringsutkastet. Det bør være tydelig at tilsynene utføres av en instans som er uavhengig av kommunens ledelse. Det foreslås å bytte ut begrepet miljørettet helsevern med miljø og helse. Dette kan bidra til forvirring.
"""


def test_recommendations_a_consultation_page_and_the_proposal_it_answers(nlp) -> None:
    """A consultation answer as regjeringen.no's mirrors store it ("Til høringen: ...") speaks for the body it names:
    its "bør" sentence is its recommendation, while "Det foreslås ..." is the proposal it answers."""
    extraction = process(document_from_text(CONSULTATION_PAGE_NB, source="h.txt"), nlp)
    found = [(r.label.split()[:3], r.by.label if r.by else None) for r in extraction.recommendations]
    assert found == [(["Det", "bør", "være"], "Fjellby kommune")]


def test_recommendations_ser_gjerne_at(nlp) -> None:
    """ "Vi ser gjerne at ..." in a consultation answer asks for what follows, as "Vi ønsker at ..." does."""
    text = ("Høringssvar fra Fjellby kommune\n\nFjellby kommune viser til høringen.\n\nVi ser gjerne at noen av disse "
            "spørsmålene løftes ved andre anledninger, for drøfting og innspill.\n")
    extraction = process(document_from_text(text, source="h.txt"), nlp)
    assert [r.label.split()[:4] for r in extraction.recommendations] == [["Vi", "ser", "gjerne", "at"]]


@pytest.mark.parametrize(("text", "expected"), [
    ("Høringssvar fra Fjellby kommune\n\nFjellby kommune viser til høringen.\n\nVi mener det er viktig å beholde "
     "de gode elementene i dagens tilbud. Vi har ingen andre merknader.\n",
     "beholde de gode elementene i dagens tilbud"),
    ("Høyringsfråsegn frå Fjellby kommune\n\nFjellby kommune viser til høyringa.\n\nKommunestyret meiner at det er "
     "fornuftig at eit særleg ansvar for eldre kjem fram i lova. Vi har ingen andre merknader.\n",
     "eit særleg ansvar for eldre kjem fram i lova"),
])
def test_recommendations_what_a_consultation_answer_finds_important_that(nlp, text, expected) -> None:
    """Twenty-eighth session: "mener det er viktig å X" and "meiner at det er fornuftig at X" in a consultation answer
    hold X as the sender's recommendation, as "synes det fornuftig å X" does; the remark after it is none."""
    extraction = process(document_from_text(text, source="h.txt"), nlp)
    found = _labels_and_authors(extraction.recommendations)
    assert [label for label, _ in found] == [expected], found
    assert found[0][1] is not None and found[0][1].startswith("Fjellby"), found


def test_recommendations_mener_viktig_at_in_a_press_release_is_no_recommendation(nlp) -> None:
    """What a speaker finds important ("Vi mener det er viktig at ...") counts only where the author speaks for itself
    (an advisory body or a consultation answer); in a ministry's press release it is no recommendation."""
    text = ("Regjeringen styrker helsestasjonene\n\nRegjeringen foreslår 100 millioner kroner mer til "
            "helsestasjonene. Vi mener det er viktig at alle barn får et godt tilbud, sier helseministeren.\n")
    assert process(document_from_text(text, source="p.txt"), nlp).recommendations == ()


def test_recommendations_forutsetter_at(nlp) -> None:
    """Twenty-eighth session: "forutsetter vi at X" in a consultation answer asks for X, as "forventer at" does."""
    text = ("Høringssvar fra Fjellby fylkeskommune\n\nFylkestinget viser til høringen om et nasjonalt eldreombud.\n\n"
            "Når det gjelder språk, forutsetter vi at ombudet gir informasjon på alle de samiske "
            "språkene.\n")
    extraction = process(document_from_text(text, source="h.txt"), nlp)
    assert [r.label.split()[:5] for r in extraction.recommendations] == [["Når", "det", "gjelder", "språk,", "forutsetter"]]


CONSULTATION_POSITIONS_NB = """Høringssvar fra Fjellby kommune

Dato: 26.04.2026

Fjellby kommune avgir følgende innspill til kommisjonens rapport:

· Fjellby kommune kjenner seg igjen i utfordringsbildet som kommisjonen beskriver.
· Fjellby kommune ser behov for at regelverket må vurderes endret for å gi rom for oppgavedeling.
· Fjellby kommune støtter vurderingene av behov for økt satsing på heltidsarbeid.
· Fjellby kommune støtter forslaget om toårig valgperiode, og da mener vi at de bør være valgbare fra 15 år.
· Fjellby kommune slutter seg til behovet for desentraliserte utdanningstilbud.
"""


def test_recommendations_a_position_on_what_an_answer_answers_is_no_recommendation(nlp) -> None:
    """Twenty-eighth session: in a consultation answer's list, the items that only take a position ("kjenner seg igjen
    i", "støtter vurderingene av", "slutter seg til") are no recommendations; an item that asks for something is, even
    when it opens with support ("støtter forslaget ..., og da mener vi at de bør ...")."""
    extraction = process(document_from_text(CONSULTATION_POSITIONS_NB, source="h.txt"), nlp)
    labels = [r.label for r in extraction.recommendations]
    assert [label.split()[2:4] for label in labels] == [["ser", "behov"], ["støtter", "forslaget"]], labels


def test_recommendations_opinion_with_the_verb_before_its_subject_and_nynorsk_lyt(nlp) -> None:
    """Session 34: "Samla sett meiner utvalet at ... lyt ..." is an opinion that demands as "Utvalet meiner at ... må
    ..." is: the verb may stand before its subject after a fronted adverbial, and Nynorsk "lyt" demands as "må"."""
    text = ("Ekspertutvalet har levert rapporten sin\n\nUtvalet har sett på sjukefråværet i helse- og "
            "omsorgssektoren. Samla sett meiner utvalet at ressursane i sektoren lyt brukast på ein betre måte. "
            "Utvalet slår fast at arbeidsmiljøet påverkar fråværet.\n")
    labels = [r.label for r in process(document_from_text(text, source="u.txt"), nlp).recommendations]
    assert labels == ["Samla sett meiner utvalet at ressursane i sektoren lyt brukast på ein betre måte."], labels


def test_recommendations_a_view_the_answer_names_as_its_own(nlp) -> None:
    """Session 34: a text whose first sentence "viser til" a consultation letter answers it, its opening body sends
    the answer, and "Det er etter vårt syn viktig at X" holds X as its recommendation; the same sentence without
    "etter vårt syn" stays none (a bare "Det er viktig at ...")."""
    text = ("Statens helsetilsyn viser til departementets høringsbrev av 6. april med frist 6. oktober 2026.\n\n"
            "Tilsyn og kommunalt selvstyre\n\nFormålet med tilsyn er å bidra til at tjenestene fyller kravene i "
            "lovgivningen. Det er etter vårt syn viktig at utredninger om tilsyn har en tydelig forankring i hva "
            "som ivaretar brukerne. Det er viktig at kommunene har god egenkontroll.\n")
    found = _labels_and_authors(process(document_from_text(text, source="h.txt"), nlp).recommendations)
    assert found == [("utredninger om tilsyn har en tydelig forankring i hva som ivaretar brukerne",
                      "Statens helsetilsyn")], found


def test_recommendations_an_advisory_body_demands_of_a_decision_maker_with_ma(nlp) -> None:
    """Session 34: in an advisory body's text, "må" whose subject is a decision-maker it addresses (the government, a
    ministry) demands; "må" of anyone else describes ("Mange eldre må vente ...")."""
    text = ("Eldrerådet i Fjellby har behandla saka\n\nEldrerådet i Fjellby meiner dette om statsbudsjettet. "
            "Mange eldre må vente lenge på sjukeheimsplass. For at forslaga skal bli ein realitet, må Barne- og "
            "familiedepartementet følgje opp saka i samarbeid med kommunane. Regjeringa må auke løyvingane til "
            "eldreomsorga.\n")
    labels = [r.label for r in process(document_from_text(text, source="e.txt"), nlp).recommendations]
    assert labels == ["For at forslaga skal bli ein realitet, må Barne- og familiedepartementet følgje opp saka i "
                      "samarbeid med kommunane.", "Regjeringa må auke løyvingane til eldreomsorga."], labels


def test_recommendations_an_advisory_name_the_actor_reader_knows_keeps_its_identity(nlp) -> None:
    """ "Helsetilsynet" read as an advisory body's name (it ends in "-tilsynet") is the actor the gazetteer knows,
    Statens helsetilsyn, not a second actor of the same mention (session 35)."""
    text = ("Tilsyn med helsestasjonen i Nordby\n\nHelsetilsynet har avdekket store variasjoner i tilbudet. "
            "Kommunen må sikre at alle barn får tilbod om heimebesøk.\n")
    result = process(_doc(text), nlp)
    author = advisory_author(_doc(text), result.actors)
    assert author is not None and author.key == "statens-helsetilsyn", author
    spans = [(a.start, a.end) for a in result.actors]
    assert len(spans) == len(set(spans)), result.actors


def test_recommendations_a_drafted_decision_in_a_proposal_list_is_no_advice(nlp) -> None:
    """Round 52: a committee's text quoting a representative proposal ("I dokumentet fremmes følgende forslag:")
    lists drafted decisions, "Stortinget ber regjeringen ...", even when an item goes on with "må" ("Målet må være
    ..."): measures proposed for decision, not recommendations (``decision_body_types``). An advisory body's own
    request list stays advice."""
    text = ("Innstilling fra helse- og omsorgskomiteen om representantforslag om bedre rusomsorg\n\n"
            "I dokumentet fremmes følgende forslag:\n\n"
            "«1. Stortinget ber regjeringen styrke ettervernet for rusavhengige. Målet må være færre døgn i "
            "institusjon.\n\n"
            "2. Stortinget ber regjeringen om å sikre lavterskeltilbud i alle fylker. Fastleger må få starte "
            "behandling raskt.»\n")
    extraction = process(document_from_text(text, source="i.txt"), nlp)
    assert extraction.recommendations == (), [r.label for r in extraction.recommendations]
    assert any("lavterskeltilbud i alle fylker" in m.label for m in extraction.measures), extraction.measures
    advice = ("Barneombudet har sendt innspill til statsbudsjettet\n\nBarneombudet ber Stortinget om å:\n\n"
              "• styrke skolehelsetjenesten i alle kommuner\n• sikre at barn i barnevernet får psykisk helsehjelp\n")
    labels = [r.label for r in process(document_from_text(advice, source="b.txt"), nlp).recommendations]
    assert len(labels) == 2, labels


def test_recommendations_a_stated_expectation_that_a_list_spells_out(nlp) -> None:
    """Round 54: "KS forventer at regjeringserklæringen blant annet vektlegger:" over a numbered list is the list's
    introduction: each item is a recommendation of the body, the introduction itself is none."""
    text = ("Forventningar til ny regjering\n\n"
            "Kommunesektorens organisasjon KS forventer at den nye regjeringa blant anna prioriterer:\n\n"
            "1. ein føreseieleg kommuneøkonomi\n2. eit løft for rekruttering til helse- og omsorgstenestene\n"
            "3. betre digitale løysingar i kommunane\n")
    found = _labels_and_authors(process(document_from_text(text, source="k.txt"), nlp).recommendations)
    assert [label for label, _ in found] == ["ein føreseieleg kommuneøkonomi",
                                             "eit løft for rekruttering til helse- og omsorgstenestene",
                                             "betre digitale løysingar i kommunane"], found
    assert {by for _, by in found} == {"KS"}, found


def test_recommendations_a_grant_page_decided_by_the_county_executive_has_no_advisory_author(nlp) -> None:
    """Round 57: "Vedtaket blir gjort i fylkesutvalet" names the body that decides the grants; "Fylkesutvalet" ends in
    "utvalet" but governs (``governing_actor_types``), so the page's requirements ("Søknaden må sendast ...",
    "Søkjar må oppgi ...") are no recommendations."""
    from helsekg.api import extract_text

    text = ("Tilskot til transport til helsehjelp\n\nMålet med tilskotsordninga er å betre tilgangen på helsehjelp. "
            "Fristen for å søkje er 1. mars. Vedtaket med fordeling blir gjort i fylkesutvalet 28. april.\n\n"
            "Søknadsfrist\n\n• Søknaden må sendast på e-post til fylkeskommunen.\n• Søkjar må oppgi kontaktinformasjon "
            "som namn og adresse.\n• Eventuelle samarbeidspartar må synleggjerast.\n")
    assert extract_text(text, source="grant.txt", nlp=nlp, language="nn").recommendations == ()
