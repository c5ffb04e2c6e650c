"""Who proposes, funds, decides or runs a measure, on real-text conventions (helsekg.extract.measures.proposers).

The sentences are written for these tests in the style of grant pages, municipal minutes, health-trust news
and budget propositions (Bokmål and Nynorsk); they are not taken from the real-text gold.
"""

from __future__ import annotations

import pytest

from helsekg.api import extract_text
from helsekg.extract.actors import extract_actors, header_actors
from helsekg.extract.extractor import find_amounts
from helsekg.extract.measures import find_measures
from helsekg.extract.measures.context import build_context
from helsekg.extract.measures.proposers import (
    default_proposer_cues,
    proposer_for,
    read_proposers,
)
from helsekg.extract.records import Actor
from helsekg.resources import load_data
from helsekg.text import document_from_text


def org(text: str, label: str, *, actor_type: str | None = None, key: str | None = None, at: int = 0) -> Actor:
    start = text.index(label, at)
    return Actor("d", start, start + len(label), label, label=label, kind="organisation",
                 key=key or label.lower().replace(" ", "-"), actor_type=actor_type)


def proposers_of(text: str, nlp) -> dict[str, str | None]:
    """Each measure label of ``text`` with its proposer's label, through the public extraction."""
    return {m.label: m.proposer.label if m.proposer else None for m in extract_text(text, nlp=nlp).measures}


@pytest.fixture(scope="module")
def parsed(nlp):
    """The measure context of a passage parsed by the shipped model (actors as the pipeline finds them)."""

    def make(text: str, *, actors: tuple[Actor, ...] | None = None, model=None):
        document = document_from_text(text, source="x.txt")
        doc = (model or nlp)(document.text)
        if actors is None:
            found, _ = extract_actors(doc, document)
            actors = (*header_actors(document), *found)
        return build_context(document, amounts=find_amounts(doc, document), actors=actors, doc=doc)

    return make


@pytest.fixture(scope="module")
def measures(nlp):
    """Measure label -> proposer label of a passage, through find_measures with no header default."""

    def run(text: str, *, model=None) -> dict[str, str | None]:
        document = document_from_text(text, source="x.txt")
        doc = (model or nlp)(document.text)
        found, _ = extract_actors(doc, document)
        result = find_measures(doc, document, amounts=list(find_amounts(doc, document)),
                               actors=[*header_actors(document), *found])
        return {m.label: (m.proposer.label if m.proposer else None) for m in result.measures}

    return run


def has_parse(context) -> bool:
    return context.doc is not None and context.doc.has_annotation("DEP")


# ------------------------------------------------------------------------------------------- data file


def test_proposers_real_cues_are_lemmas_with_source():
    data = load_data("proposer_cues.json")
    assert data["_source"] and data["_licence"]
    cues = default_proposer_cues()
    verbs = cues.verbs()
    # one lemma per verb for both written standards; particles kept apart
    assert {"forvalte", "løyve", "bevilge", "vedta", "byggje", "bygge"} <= set(verbs)
    assert verbs["lyse"] == ("ut",)


# --------------------------------------------------------------------------------- the deciding verb


@pytest.mark.parametrize(
    ("text", "actor", "measure"),
    [
        ("Helsedirektoratet fordeler tilskuddet til kommuner med lange reiseavstander.", "Helsedirektoratet",
         "tilskuddet"),
        ("Statsforvaltaren lyser ut tilskot til kommunalt rusarbeid for 2026.", "Statsforvaltaren", "tilskot"),
        ("Kommunestyret vedtok å etablere eit nytt dagsenter for eldre.", "Kommunestyret", "dagsenter"),
        ("Helse Bergen byggjer eit nytt psykiatribygg på Sandviken.", "Helse Bergen", "psykiatribygg"),
        ("Fylkeskommunen har fordelt midlane til tolv prosjekt i regionen.", "Fylkeskommunen", "prosjekt"),
    ],
    ids=["nb-directorate-allocates", "nn-governor-announces", "nn-council-decides-infinitive",
         "nn-trust-builds", "nn-aux-participle"],
)
def test_proposers_real_subject_of_a_deciding_verb(parsed, text, actor, measure):
    c = parsed(text, actors=(org(text, actor),))
    if not has_parse(c):
        pytest.skip("needs the shipped model's parse")
    reading = read_proposers(c)
    assert {a.how for a in reading.acting[0]} == {"subject"}
    assert proposer_for(c, text.index(measure), 0, reading).label == actor


@pytest.mark.parametrize(
    ("text", "actor"),
    [
        ("Tilskuddet tildeles av Helsedirektoratet etter søknad fra kommunene.", "Helsedirektoratet"),
        ("Ordninga blir forvalta av Statsforvaltaren i Rogaland.", "Statsforvaltaren i Rogaland"),
        ("Midlane vert fordelte av Helse Vest etter ein fast nøkkel.", "Helse Vest"),
    ],
    ids=["nb-tildeles-av", "nn-blir-forvalta-av", "nn-vert-fordelte-av"],
)
def test_proposers_real_agent_of_a_passive(parsed, text, actor):
    c = parsed(text, actors=(org(text, actor),))
    if not has_parse(c):
        pytest.skip("needs the shipped model's parse")
    reading = read_proposers(c)
    assert [(a.how, a.actor.label) for a in reading.acting[0]] == [("agent", actor)]
    assert proposer_for(c, 0, 0, reading).label == actor


def test_proposers_real_innermost_clause_wins(parsed):
    text = "Helse Fonna byggjer eit nytt akuttbygg, og regjeringa gir lån til utbygginga."
    c = parsed(text, actors=(org(text, "Helse Fonna"), org(text, "regjeringa", actor_type="government")))
    if not has_parse(c):
        pytest.skip("needs the shipped model's parse")
    reading = read_proposers(c)
    assert proposer_for(c, text.index("akuttbygg"), 0, reading).label == "Helse Fonna"
    assert proposer_for(c, text.index("lån"), 0, reading).label == "regjeringa"


def test_proposers_real_relative_clause_takes_its_noun(parsed):
    text = "Ordningen gjelder Statsforvalteren i Vestland, som fordeler midlene til prosjekter i kommunene."
    c = parsed(text, actors=(org(text, "Statsforvalteren i Vestland"),))
    if not has_parse(c):
        pytest.skip("needs the shipped model's parse")
    assert proposer_for(c, text.index("prosjekter"), 0).label == "Statsforvalteren i Vestland"


def test_proposers_real_object_of_a_request_is_no_proposer(parsed):
    text = "Helse- og omsorgskomiteen ber regjeringa opprette eit nasjonalt råd for prioritering."
    c = parsed(text, actors=(org(text, "Helse- og omsorgskomiteen", actor_type="committee"),
                             org(text, "regjeringa", actor_type="government")))
    if not has_parse(c):
        pytest.skip("needs the shipped model's parse")
    reading = read_proposers(c)
    assert reading.acting[0] == ()
    assert reading.default is None


def test_proposers_real_definite_noun_refers_to_the_named_body(parsed):
    text = ("Vestland fylkeskommune har ansvar for folkehelsearbeidet i fylket.\n\n"
            "Fylkeskommunen lyser ut midlar til frisklivstilbod i kommunane.")
    c = parsed(text, actors=(org(text, "Vestland fylkeskommune", actor_type="county"),))
    if not has_parse(c):
        pytest.skip("needs the shipped model's parse")
    assert proposer_for(c, text.index("frisklivstilbod"), 1).label == "Vestland fylkeskommune"


def test_proposers_real_genitive_owner(parsed):
    text = ("Demensplanen er regjeringas plan for betre tenester til personar med demens. "
            "Tilbakemeldingar frå Helsedirektoratet viser at arbeidet går godt.")
    c = parsed(text, actors=(org(text, "regjeringas", actor_type="government"),
                             org(text, "Helsedirektoratet", actor_type="directorate")))
    if not has_parse(c):
        pytest.skip("needs the shipped model's parse")
    reading = read_proposers(c)
    assert proposer_for(c, 0, 0, reading).label == "regjeringas"
    assert reading.default is None  # owning a plan is no act, two bodies named: no default for the rest


# ------------------------------------------------------------------------------ the default proposer


def test_proposers_real_no_government_default_when_the_government_does_not_act(measures):
    text = ("Nytt dagsenter på Os\n\n"
            "Regjeringa sin nye plan for eldreomsorga kom i vår.\n\n"
            "Kommunestyret vedtok å byggje eit nytt dagsenter for personar med demens på Os.")
    found = measures(text)
    assert found and set(found.values()) == {"Kommunestyret"}


def test_proposers_real_most_acting_body_is_the_default(parsed):
    text = ("Tilskudd til aktivitetstilbud\n\n"
            "Helsedirektoratet forvalter tilskuddsordningen. Regjeringen har varslet en ny eldrereform.\n\n"
            "Helsedirektoratet fordeler midlene etter søknad.")
    c = parsed(text)
    if not has_parse(c):
        pytest.skip("needs the shipped model's parse")
    assert read_proposers(c).default.label == "Helsedirektoratet"


def test_proposers_real_title_names_the_author(parsed):
    text = ("Prop. 1 S (2025–2026) Helse- og omsorgsdepartementet\n\n"
            "Post 70 Tilskudd til frivillig arbeid\n\n"
            "Det foreslås en bevilgning på 40 mill. kroner.")
    c = parsed(text)
    reading = read_proposers(c)
    assert reading.default is not None and reading.default.label == "Helse- og omsorgsdepartementet"


def test_proposers_real_sole_public_body(parsed):
    text = ("Tilskudd til lag og foreninger\n\n"
            "Tilskuddet skal gi flere aktiviteter for innbyggerne i Stavanger kommune.")
    assert read_proposers(parsed(text)).default.label == "Stavanger kommune"
    two = text + "\n\nSøknaden sendes med forbehold om Stortingets vedtak."
    assert read_proposers(parsed(two)).default is None  # two named bodies: no guess


@pytest.mark.parametrize("text", [
    "Tilskot til ferietiltak\n\nAlle kommunar, og bydelane i Bergen kommune, kan søkje om tilskot til ferietiltak.",
    "Tilskudd til ferietiltak\n\nKommunene og bydelene i Bergen kommune kan søke om tilskudd til ferietiltak.",
])
def test_proposers_real_the_sole_body_named_as_an_applicant_is_no_proposer(parsed, text):
    """Session 26: the only body a grant page names stands among those who may apply ("... bydelane i Bergen kommune,
    kan søkje om tilskot"): an applicant, not the body whose scheme it is."""
    assert read_proposers(parsed(text)).default is None


def test_proposers_real_heading_takes_the_actor_of_its_section(parsed):
    text = ("Prop. 1 S (2025–2026) Helse- og omsorgsdepartementet\n\n"
            "Post 60 Investeringstilskudd\n\n"
            "Husbanken forvalter ordningen. Det foreslås en ramme på 900 mill. kroner.\n\n"
            "Post 61 Kompetansetilskudd\n\n"
            "Bevilgningen foreslås økt med 10 mill. kroner.")
    c = parsed(text)
    reading = read_proposers(c)
    heading = next(i for i, s in enumerate(c.sentences) if c.text[s.start:s.end] == "Post 60 Investeringstilskudd")
    second = next(i for i, s in enumerate(c.sentences) if c.text[s.start:s.end] == "Post 61 Kompetansetilskudd")
    assert proposer_for(c, c.sentences[heading].start, heading, reading).label == "Husbanken"
    # the next post does not inherit Husbanken across its heading: the author proposes it
    assert proposer_for(c, c.sentences[second].start, second, reading).label == "Helse- og omsorgsdepartementet"


def test_proposers_real_agentless_passive_takes_the_previous_topic(parsed):
    text = ("Regjeringen er opptatt av et trygt fødetilbud. I 2025 ble bevilgningen til fødeavdelingene "
            "økt med 50 millioner kroner.")
    c = parsed(text)
    if not has_parse(c):
        pytest.skip("needs the shipped model's parse")
    assert proposer_for(c, text.index("fødeavdelingene"), 1).label == "Regjeringen"


# ------------------------------------------------------------------------------------- without a parse


def test_proposers_real_works_without_a_parse(parsed, blank_nlp):
    text = ("Tilskot til rusarbeid\n\n"
            "Helsedirektoratet forvaltar ordninga. Kommunane kan søkje om tilskot til nye stillingar.")
    c = parsed(text, model=blank_nlp)
    assert not has_parse(c)
    reading = read_proposers(c)
    assert all(acting == () for acting in reading.acting)
    assert reading.default.label == "Helsedirektoratet"  # by the word patterns


# ----------------------------------------------------------------------- municipal administration, decisions


@pytest.mark.parametrize(
    ("text", "measure", "actor"),
    [
        ("For å halde budsjettet foreslår kommunedirektøren å leggje ned to sjukeheimsplassar.",
         "leggje ned to sjukeheimsplassar", "Kommunedirektøren"),
        ("Budsjett 2027\n\nRådmannen foreslår å etablere en ny ordning med dagaktivitet.",
         "ordning med dagaktivitet", "Rådmannen"),
        ("Fylkeskommunedirektøren tilrår å vidareføre ordninga med frisklivsmidlar.", None, "Fylkeskommunedirektøren"),
    ],
    ids=["nn-kommunedirektoren-lower-case", "nb-radmannen", "nn-county-director"],
)
def test_proposers_real_administrative_head_proposes(nlp, measures, text, measure, actor):
    """The municipality's or county's administrative head ("kommunedirektøren", "rådmannen") is an actor, in lower
    case too, and proposes what it "foreslår": a measure of its budget proposal, not advice."""
    document = document_from_text(text, source="x.txt")
    found, _ = extract_actors(nlp(document.text), document)
    assert [(a.label, a.actor_type) for a in found if a.label == actor] == [
        (actor, "county_administration" if actor.startswith("Fylke") else "municipal_administration")]
    if measure is not None:
        assert measures(text)[measure] == actor


def test_proposers_real_decision_list_items_are_the_deciding_bodys(measures):
    """In the list of a decision, the item's own subject carries it out; the body that decided proposes it."""
    text = ("Vedtak i kommunestyret\n\nKommunestyret gjorde følgjande vedtak:\n\n"
            "1. Kommunestyret løyver 800 000 kroner til eit nytt lågterskeltilbod for unge.\n"
            "2. Kommunedirektøren skal leggje fram ei evaluering av lågterskeltilbodet innan 2027.\n")
    found = measures(text)
    assert found and set(found.values()) == {"Kommunestyret"}


@pytest.mark.parametrize(
    "text",
    [
        ("Pleie og omsorg\n\nKommunestyret vedtok handlingsplanen i juni. Kommunestyret ba om en ny plan for "
         "rekruttering.\n\nBudsjett 2027\n\nRådmannen foreslår å styrke hjemmetjenesten med 4 millioner kroner.\n\n"
         "Forslaget til budsjett har følgende hovedprioriteringer:\n\n  • økt kapasitet i hjemmesykepleien\n\n"
         "  • flere plasser i dagsenteret\n\n  • styrking av frisklivssentralen\n\n  • nye velferdsteknologiske løsninger\n"),
        ("Pleie og omsorg\n\nKommunestyret vedtok handlingsplanen i juni. Kommunestyret bad om ein ny plan for "
         "rekruttering.\n\nBudsjett 2027\n\nRådmannen foreslår å styrke hjemmetenesta med 4 millionar kroner.\n\n"
         "Budsjettframlegget har desse hovudprioriteringane:\n\n  • auka kapasitet i heimesjukepleia\n\n"
         "  • fleire plassar i dagsenteret\n\n  • styrking av frisklivssentralen\n\n  • nye velferdsteknologiske løysingar\n"),
    ],
    ids=["nb", "nn"],
)
def test_proposers_real_list_items_take_the_context_of_their_introduction(measures, text):
    """A list introduced without an actor ("Forslaget til budsjett har følgende hovedprioriteringer:") is proposed by
    whoever acts before its introduction, however many items (each its own paragraph) come before the last one; the
    introduction ends with a colon, so it opens no section of its own. Not the body acting most in the document."""
    found = measures(text)
    items = {label: who for label, who in found.items() if "frisklivssentralen" in label or "dagsenteret" in label
             or "velferdsteknologiske" in label}
    assert len(items) >= 2 and set(items.values()) == {"Rådmannen"}, found


@pytest.mark.parametrize(("text", "proposer"), [
    ("Tilskot til rekruttering av fastlegar\n\nSøknadsfrist:\n1. mars 2027\nAnsvarleg:\nHelsedirektoratet\n"
     "Kven kan søke:\nKommunane\n\nFylkesmannen oppmodar kommunane om å søke om tilskot til rekruttering av fastlegar.",
     "Helsedirektoratet"),
    ("Tilskudd til kommunalt rusarbeid\n\nAnsvarlig: Statsforvalteren i Nordland\n\n"
     "Kommunene kan søke om tilskudd til kommunalt rusarbeid. Helsedirektoratet har laget regelverket.",
     "Statsforvalteren i Nordland"),
    # the department and its body: the body runs the scheme (session 35)
    ("Kommunalt kompetanse- og innovasjonstilskot 2027\n\nSøknadsfrist:\n1. april 2027\nAnsvarleg:\n"
     "Helse- og omsorgsavdelinga, Statsforvaltaren\nKven kan søke:\nKommunar\n\n"
     "Helsedirektoratet har fastsett regelverket for tilskotet.", "Statsforvaltaren"),
])
def test_proposers_real_responsible_key_line_names_the_default_proposer(parsed, text, proposer):
    """A grant page's key line "Ansvarlig:"/"Ansvarleg:" names the body that runs the scheme, before the
    organisations the text names or that act in it."""
    assert read_proposers(parsed(text)).default.label == proposer


@pytest.mark.parametrize(("text", "measure", "funder"), [
    ("Tildeling av såkornmidlar\n\n16 prosjekt får til saman 3,1 millionar kroner i såkornmidlar frå Helse Vest i 2027.",
     "såkornmidlar", "Helse Vest RHF"),
    ("Ny møteplass\n\nKommunen får 1,8 millionar kroner i tilskot frå Bufdir til Open møteplass i idrettshallen.",
     "Open møteplass i idrettshallen", "Barne-, ungdoms- og familiedirektoratet"),
    ("Ny møteplass\n\nDet er gitt 1,8 millioner kroner i tilskudd fra Bufdir til etablering av en åpen møteplass.",
     "etablering av en åpen møteplass", "Barne-, ungdoms- og familiedirektoratet"),
])
def test_proposers_real_money_from_a_body_is_its_measure(measures, text, measure, funder):
    """ "N kroner i såkornmidlar frå Helse Vest", "N kroner i tilskot frå Bufdir til X": the body the money comes from
    funds the measure, not the one that receives it, and the source between the amount and "til X" does not hide X."""
    found = measures(text)
    assert found.get(measure) == funder, found


def test_proposers_real_the_source_of_the_money_is_the_default(measures):
    """With no actor deciding in the text, the one organisation the money comes from ("... får til saman 18 millionar
    kroner frå Helse Vest") proposes the measures named."""
    found = measures("Heile 25 innovasjonsprosjekt får til saman 18 millionar kroner frå Helse Vest.\n\n"
                     "Blant dei er prosjekt som «Digitalt venterom for barn og unge».")
    assert (found.get("Digitalt venterom for barn og unge") or "").startswith("Helse Vest"), found


def test_proposers_real_partners_do_not_rival_the_sole_public_body(parsed):
    # a research institute or an association takes part in the county's work; it decides nothing
    text = ("Folkehelseprogram i fylket\n\n"
            "Agder fylkeskommune og Agderforskning inviterer til informasjonsmøte om programmet. "
            "Kommunene kan søke om midler til tiltak for barn og unge.")
    actors = (org(text, "Agder fylkeskommune", actor_type="county"),
              org(text, "Agderforskning", actor_type="research"))
    assert read_proposers(parsed(text, actors=actors)).default.label == "Agder fylkeskommune"
    rival = actors[:1] + (org(text, "Agderforskning", actor_type="municipality"),)
    assert read_proposers(parsed(text, actors=rival)).default is None  # two public bodies: still no guess


def test_proposers_real_a_hospital_is_part_of_its_health_trust(parsed):
    text = ("Milliardutbygginga held fram\n\n"
            "Utbygginga av Haugesund sjukehus er i gang, og byggherre er Helse Fonna HF.")
    actors = (org(text, "Haugesund sjukehus", actor_type="hospital"), org(text, "Helse Fonna HF", actor_type="health_trust"))
    assert read_proposers(parsed(text, actors=actors)).default.label == "Helse Fonna HF"


def test_proposers_real_an_allocation_rows_applicant_runs_its_measure(nlp):
    """A table of allocations ("Søker Tiltak Tildeling i kroner") with no body deciding in the text: each row's
    applicant, the organisation that opens it, runs the row's measure."""
    text = ("Frisklivsmidler 2023\n\nTotalt er det fordelt drøyt 1,8 millioner kroner til frisklivstiltak.\n\n"
            "Søker Tiltak Tildeling i kroner\n"
            "Dovre kommune Friskliv og mestring 62 500\n"
            "Elverum kommune Sterk og stødig 35 000\n"
            "Gjøvik kommune Kvinnehelse 70 000\n"
            "Nordre Land kommune Frisk i land 250 000\n")
    proposers = proposers_of(text, nlp)
    assert proposers.get("Sterk og stødig") == "Elverum kommune", proposers
    assert proposers.get("Frisk i land") == "Nordre Land kommune", proposers


STEERING_NB = """\
Tilskudd til folkehelsetiltak i kommunene

Fylkestinget vedtok i vår å lyse ut 500 000 kroner til folkehelsetiltak i kommunene.

Styringsgruppen for folkehelsearbeidet har satt kriterier for utvelgelse av tiltak og prioritert søknadene.

I møte 22. juni besluttet styringsgruppen at midlene skulle deles ut til disse tiltakene:

  • «Myskja-skolen» i Fyresdal kommune - 25 000 kroner
  • «Psykt bra!» i Bamble kommune - 50 000 kroner
  • «Barnevernsveke» i Vinje kommune - 30 000 kroner
"""


def test_proposers_real_a_steering_group_that_decides_the_list(measures):
    """Session 11: a steering group named in full ("Styringsgruppen for folkehelsearbeidet") and taken up as
    "styringsgruppen" is one body, and it decides the allocation list it introduces, not the county council that
    put the money up earlier."""
    found = measures(STEERING_NB)
    for project in ("Myskja-skolen", "Psykt bra!", "Barnevernsveke"):
        assert found.get(project) == "Styringsgruppen for folkehelsearbeidet", found


def test_proposers_real_a_joint_body_that_decides(measures):
    """ "Samarbeidsorganet" (a regional health authority's and universities' joint body) decides research grants."""
    text = ("Tildeling av regionale forskningsmidler for 2027\n\nSamarbeidsorganet har tildelt 70 millioner kroner til "
            "forskningsprosjekter i regionen. Helse Midt-Norge RHF finansierer ordningen.")
    assert measures(text).get("regionale forskningsmidler") == "Samarbeidsorganet", measures(text)


def test_proposers_real_a_representative_proposal_names_its_subject_and_first_author(measures):
    """Session 12 (round 19): a Storting case names each representative proposal by its authors and subject;
    the subject is the measure and the first author its proposer, in Bokmål and Nynorsk, two proposals in one
    case too (:mod:`helsekg.extract.measures.proposals`)."""
    text = ("Innstilling fra helse- og omsorgskomiteen om Representantforslag fra stortingsrepresentantene "
            "Ingrid Solberg, Per Olav Haugen og Marte Lien om å styrke jordmortjenesten i kommunene "
            "(Innst. 120 S (2022–2023), jf. Dokument 8:40 S (2022–2023))\n\n"
            "Komiteen har behandlet forslaget. Flertallet mener det er behov for flere jordmødre.")
    found = measures(text)
    assert found.get("styrke jordmortjenesten i kommunene") == "Ingrid Solberg", found
    nynorsk = ("Innstilling frå helse- og omsorgskomiteen om Representantforslag frå stortingsrepresentantane "
               "Sigrid Nes og Olav Bakke om tiltak for å sikre ei trygg fødselsomsorg, og Representantforslag frå "
               "stortingsrepresentantane Kari Dale og Tor Vik om ei offentleg utgreiing om barselomsorga "
               "(Innst. 44 S (2018–2019))\n\nKomiteen viser til forslaga.")
    found = measures(nynorsk)
    assert found.get("tiltak for å sikre ei trygg fødselsomsorg") == "Sigrid Nes", found
    assert found.get("ei offentleg utgreiing om barselomsorga") == "Kari Dale", found


def test_proposers_real_a_numbered_proposal_of_a_representative_proposal_is_its_first_authors(measures):
    """The ministry's letter on a representative proposal quotes its numbered proposals ("Forslag 2: Stortinget ber
    regjeringen ..."): the first author proposes them, not the Storting whose resolution they draft, and so every
    measure inside the request ("utarbeide en strategi for ..."). The authors' title may be broken by a page's soft
    hyphens ("stortings-repre-sen-tantene")."""
    text = ("Brev fra Helse- og omsorgsdepartementet til helse- og omsorgskomiteen\n\n"
            "Representantforslag fra stortings-repre-sen-tantene Ingrid Solberg og Per Olav Haugen om bedre "
            "fødselsomsorg (Dokument 8:40 S (2026-2027))\n\n"
            "Forslag 1: Stortinget ber regjeringen evaluere ordningen med følgetjeneste for gravide.\n\n"
            "Forslag 2: Stortinget ber regjeringen utarbeide en strategi for flere jordmødre i hele stillinger.")
    found = measures(text)
    assert found.get("evaluere ordningen med følgetjeneste for gravide") == "Ingrid Solberg", found
    assert [owner for label, owner in found.items() if "strategi" in label] == ["Ingrid Solberg"], found


def test_proposers_real_the_quoted_numbered_list_of_a_representative_proposal(measures):
    """A committee's summary quotes the proposal's numbered items ("«1. Stortinget ber regjeringen ...", "2. ..."):
    each item is a measure its first author proposes, the first one after its opening quotation mark too, and "vurdere"
    only sets the requested thing going (session 35)."""
    text = ("Innstilling fra helse- og omsorgskomiteen om Representantforslag fra stortingsrepresentantene "
            "Ingrid Solberg og Per Olav Haugen om bedre psykisk helsehjelp til barn og unge\n\n"
            "Sammendrag\n\nI dokumentet fremmes følgende forslag:\n\n"
            "«1. Stortinget ber regjeringen innføre en bindende norm for antall helsesykepleiere i skolene.\n\n"
            "2. Stortinget ber regjeringen legge frem en plan for flere psykologer i kommunene.\n\n"
            "3. Stortinget ber regjeringen vurdere et krav om at kommunene skal ha en koordinator for barn og unge.»")
    found = measures(text)
    assert found.get("innføre en bindende norm for antall helsesykepleiere i skolene") == "Ingrid Solberg", found
    assert [owner for label, owner in found.items() if "plan for flere psykologer" in label] == ["Ingrid Solberg"]
    assert [(label, owner) for label, owner in found.items() if "krav om" in label] == [
        ("krav om at kommunene skal ha en koordinator for barn", "Ingrid Solberg")], found


def test_proposers_real_a_request_in_running_text_is_a_measure_nobody_proposes_yet(measures):
    """Session 12 (round 19): "Stortinget ber regjeringen X" outside a list requests X (without the adverbs of the
    request); "Forslag 2:" before it changes nothing, and a request to no named body ("Vi ber om at ...") is none.
    Thirtieth session: the body that asks is not X's proposer (on the real dev texts every "Stortinget ber ..." item
    that took the Storting as proposer was wrong: 20 of 20; the annotators name a party or author, or nobody)."""
    text = ("Innstilling fra helse- og omsorgskomiteen\n\n"
            "Forslag 1: Stortinget ber regjeringen evaluere ordningen med kommunale akutte døgnplasser.\n\n"
            "Forslag 2: Stortinget ber regjeringen snarest mulig utrede en egen tilskuddsordning for jordmødre.\n\n"
            "Vi ber om at kommunene svarer innen fristen.")
    found = measures(text)
    assert "evaluere ordningen med kommunale akutte døgnplasser" in found, found
    assert any(label.startswith("utrede en egen tilskuddsordning") for label in found), found
    assert "Stortinget" not in found.values(), found
    assert not any("svarer" in label or label.startswith("snarest") for label in found), found


def test_proposers_real_the_body_that_asks_does_not_propose_what_it_asks_for(measures):
    """Thirtieth session: "<body> ber/bad/oppmodar <addressee> ..." makes the addressee the one to act; the asking body
    (found by the parse as the subject, and otherwise the page's most acting body) proposes none of it, in Bokmål and
    Nynorsk. A body that decides in the same text still proposes what it decides."""
    text = ("Vedtak i Stortinget\n\n"
            "Stortinget vedtok å øke tilskuddet til lavterskeltilbud med 20 millioner kroner i 2027.\n\n"
            "Stortinget ber regjeringen opprette et nasjonalt prioriteringsråd for helsetjenesten.")
    found = measures(text)
    assert any(label.startswith("tilskuddet til lavterskeltilbud") and owner == "Stortinget"
               for label, owner in found.items()), found
    assert [owner for label, owner in found.items() if "prioriteringsråd" in label] == [None], found
    nynorsk = measures("Fylkestinget løyvde 2 millionar kroner til folkehelsearbeid i 2027. Fylkestinget bad "
                       "regjeringa opprette eit nytt tilskot til kommunale dagtilbod for heimebuande med demens.")
    assert nynorsk.get("folkehelsearbeid") == "Fylkestinget", nynorsk
    assert [owner for label, owner in nynorsk.items() if "dagtilbod" in label] == [None], nynorsk


def test_proposers_real_the_recipient_runs_what_nobody_decides(measures):
    """Fifteenth session: when no organisation decides, funds or runs a measure in the text and no default is known,
    the organisation that receives its money runs it ("X får N kroner til Y", "X, som får N kroner for å ...")."""
    text = ("Frivillige lag får støtte\n\nBlant organisasjonane får Norsk Folkehjelp 80 000 kroner til kurs i "
            "førstehjelp for eldre. Mange søkte i år.\n\nI tillegg har Telemark Røde Kors, som får 25 000 kroner, "
            "planar for ein sommarleir for born med funksjonsnedsetting.")
    found = measures(text)
    assert found.get("kurs i førstehjelp for eldre") == "Norsk Folkehjelp"


def test_proposers_real_a_header_line_is_no_subject_of_the_first_sentence(nlp):
    """A government press release: the parser may join the header's "Utgiver: <ministry>" line to the first sentence
    and read the ministry as its subject; the sentence's own subject ("Regjeringen", the government the header names)
    proposes the measure, and so the title's measure too."""
    text = ("150 millioner til skolehelsetjenesten\n\nPublisert under: Regjeringen Støre\n\n"
            "Utgiver: Helse- og omsorgsdepartementet\n\n"
            "Regjeringen fortsetter satsingen på barn og unge og foreslår å bevilge 150 millioner mer i "
            "kommunerammen til skolehelsetjenesten.")
    found = extract_text(text, source="x.txt", nlp=nlp)
    assert {m.label: m.proposer.label for m in found.measures} == {"skolehelsetjenesten": "Regjeringen Støre"}


def test_proposers_real_an_ombud_is_no_default_proposer_of_the_measures_it_comments_on(measures):
    """An ombud's statement on the budget: the measures it comments on are the government's it names, not the
    ombud's, though the ombud acts in most sentences."""
    text = ("Eldreombodet om statsbudsjettet for 2027\n\nEldreombodet meiner at regjeringa må gjere meir for dei "
            "eldre. Eldreombodet ventar at Trygg heime-reforma får eit løft i budsjettet.")
    found = measures(text)
    assert found.get("Trygg heime-reforma") == "Regjeringa", found


def test_proposers_real_the_public_body_named_most_is_the_last_default(measures):
    """Seventeenth session: a municipality's page where no body decides, funds or runs the measure in a sentence of
    its own; the public body the text names most often (three times against once) is whose page it is."""
    text = ("Innbyggjarmøte om Leve heile livet\n\nVoss herad inviterte til eit ope møte om eldrereforma Leve heile "
            "livet i kommunen. Mange møtte opp på kafeen i sentrum. Kommuneoverlegen fortalde om korleis Voss herad "
            "mobiliserte under pandemien, og ein representant frå Helse Bergen var også til stades. Alle som vil vere "
            "med i arbeidet med reforma, kan ta kontakt med Voss herad.")
    assert measures(text) == {"Leve heile livet": "Voss herad"}


def test_proposers_real_who_runs_a_measure_does_not_decide_it(measures):
    """Round 23: "X i regi av Røde Kors" names who runs X; the government that funds it decides it."""
    found = measures("Regjeringa deler ut 90 millionar kroner til fritidsaktivitetar. Den største delen av midlane er "
                     "tildelte Sommar for alle i regi av Redd Barna (12 mill. kroner) og Ungdomsstasjonen i regi av "
                     "Kirkens Bymisjon (20 mill. kroner).")
    assert found.get("Ungdomsstasjonen") == "Regjeringa"


def test_proposers_real_a_quoted_proposal_is_moved_by_a_party(measures):
    """Round 23: in the Storting's minutes, a proposal quoted after "Forslag nr. 1 lyder:" is moved by the party on
    whose behalf the proposals were put forward, not by "Stortinget" whose words it drafts."""
    found = measures(
        "Votering i sak nr. 4\n"
        "Presidenten: Under debatten er det satt fram to forslag, forslagene nr. 1 og 2, fra Kari Holm på vegne av "
        "Senterpartiet.\n"
        "Forslag nr. 1 lyder:\n"
        "«Stortinget ber regjeringen opprette et nasjonalt kompetansesenter for eldre med hørselstap.»\n"
        "Forslag nr. 2 lyder:\n"
        "«Stortinget ber regjeringen utvide ordningen med gratis tannbehandling for eldre.»\n")
    assert {label: actor for label, actor in found.items() if actor == "Senterpartiet"}, found
    assert "Stortinget" not in found.values()


BOARD_CASE_NB = """Helse Nordvest HF Styremøte 12.03.26 SAK NR 014 2026 INVESTERINGSBUDSJETT 2026

Forslag til VEDTAK:
1. Styret er tilfreds med at foretaket har et positivt resultat til investeringer.
2. Styret tar til etterretning vedtak fattet i Helse Nord RHF om fordeling av lånemidler for 2026.
3. Styret vedtar at midlene som disponeres på foretaksnivå fordeles på følgende måte:
Medisinskteknisk utstyr 35 mill kr
Utskiftning av ambulanser 12 mill kr
Nytt journalsystem 8 mill kr
Sum 55 mill kr
4. Styret gir administrerende direktør fullmakt til å inngå avtale om leie av nye lokaler for psykisk helsevern.
"""

BOARD_CASE_NN = """STYRESAK
GÅR TIL: Styremedlemmer Helse Fjordane HF SAKA GJELD: Nytt sengebygg ved Kysthospitalet

FORSLAG TIL VEDTAK
1. Styret i Helse Fjordane HF legg til grunn ei samla kostnadsramme for nytt sengebygg på 410 mill. kroner.
2. Styret legg vidare til grunn at det blir gjort ei ny vurdering av finansieringa i forprosjektet.
"""


def test_proposers_real_a_board_decides_for_its_health_trust(nlp, measures):
    """Twenty-fourth session: a health trust's board ("Styret vedtar at midlene ... fordeles") decides for the trust.
    "Styret" is no actor of its own but the body whose board it is: the one named right after it ("Styret i Helse
    Fjordane HF"), else the first health trust or company the case names. Items where the board only takes note
    ("er tilfreds med", "tar til etterretning", "legg vidare til grunn at") are no measures; a mandate ("gir direktøren fullmakt til å
    inngå avtale om ...") names the agreement."""
    found = measures(BOARD_CASE_NB)
    assert found.get("Medisinskteknisk utstyr") == "Helse Nordvest HF", found
    assert found.get("Utskiftning av ambulanser") == "Helse Nordvest HF", found
    assert not [label for label in found if "etterretning" in label or "tilfreds" in label], found
    assert [label for label in found if label.startswith("avtale")], found
    assert not [label for label in found if "fullmakt" in label or "direktør" in label], found
    nynorsk = measures(BOARD_CASE_NN)
    assert nynorsk.get("sengebygg") == "Helse Fjordane HF", nynorsk
    assert not [label for label in nynorsk if "til grunn" in label or label.startswith("vidare")], nynorsk
    result = extract_text(BOARD_CASE_NB, source="styresak.txt", nlp=nlp)
    boards = [a for a in result.actors if a.text == "Styret"]
    assert boards and {a.label for a in boards} == {"Helse Nordvest HF"}


@pytest.mark.parametrize("text", [
    "Styret i foreningen vedtok å starte en turgruppe for eldre i bydelen.",
    # a health trust named elsewhere does not own the board of another body
    "Kommunen samarbeider med Helse Bergen om nye tilbud. Styret i idrettslaget vedtok å starte en turgruppe for eldre.",
])
def test_proposers_real_a_board_of_no_named_body_has_no_identity(nlp, text):
    """ "Styret" in a text that names no health trust, authority or company, or the board of another body ("styret i
    idrettslaget"), is nobody the text names: no actor."""
    result = extract_text(text, source="x.txt", nlp=nlp)
    assert not [a for a in result.actors if a.text.lower().startswith("styret")]


def test_proposers_real_items_a_recipient_got_money_for_are_decided_by_the_giver(measures):
    """Twenty-fourth session: under "Prosjekta kommunen fekk tilskot til er:" the municipality runs the items, but
    the body that gives the money (here the one the text says it comes from) decides them, even when the
    municipality acts in the paragraph before ("har Kvinnherad teke initiativ ...")."""
    text = ("Får tilskot til utvikling\n\nKvinnherad kommune fekk tilskot frå Statsforvaltaren i Vestland til tre "
            "utviklingsprosjekt i år.\n\nI prosjektet «Trygg heime» har Kvinnherad kommune teke initiativ til å "
            "samarbeide med frivillige lag.\n\nProsjekta kommunen fekk tilskot til er:\n\n"
            "  • Trygg heime\n  • Digital heimeoppfølging for eldre\n  • Kvardagsmeistring i heimetenesta\n")
    found = measures(text)
    assert found.get("Digital heimeoppfølging for eldre") == "Statsforvaltaren i Vestland", found
    assert found.get("Kvardagsmeistring i heimetenesta") == "Statsforvaltaren i Vestland", found


STORTING_PROPOSAL_NB = """Innstilling fra helse- og omsorgskomiteen om representantforslag om en sterkere offentlig helsetjeneste

Til Stortinget

Bakgrunn

I dokumentet fremmes følgende forslag:

  1. Stortinget ber regjeringen innføre en omsetningsavgift på private helseforsikringer.

  2. Stortinget ber regjeringen nedsette et offentlig utvalg som skal gjennomgå private helseaktører.

  3. Stortinget ber regjeringen innføre pristak på tannhelsetjenester.
"""


def test_proposers_whom_every_request_addresses_is_no_default_proposer(nlp):
    """ "Stortinget ber regjeringen ...": the government is named in every item as whom the request addresses, not as
    the body whose page it is; it proposes none of the measures."""
    proposers = {m.proposer.label if m.proposer else None for m in extract_text(STORTING_PROPOSAL_NB, nlp=nlp).measures}
    assert proposers and not any(p and p.lower().startswith("regjering") for p in proposers)


@pytest.mark.parametrize("text", [
    ("Prosjektmidlar til sosiale tenester i Nav\n\nStatsforvaltaren har tildelt prosjektmidlar til fire stillingar. "
     "Dei Nav-kontora som fekk innvilga tilskot til nye prosjekt i år er:\n\n"
     "  • Nav Bergenhus – to stillingar i prosjektet «Ka no?»\n"
     "  • Nav Bømlo – ei stilling i prosjektet «Barn har noko viktig å seie!»\n"),
    ("Prosjektmidler til sosiale tjenester i NAV\n\nStatsforvalteren har tildelt prosjektmidler til fire stillinger. "
     "De NAV-kontorene som fikk innvilget tilskudd til nye prosjekter i år er:\n\n"
     "  • NAV Bergenhus – to stillinger i prosjektet «Ka no?»\n"
     "  • NAV Bømlo – en stilling i prosjektet «Barn har noe viktig å si!»\n"),
])
def test_proposers_the_office_an_item_opens_with_runs_its_project(nlp, text):
    """ "• Nav Bergenhus – to stillingar i prosjektet «...»": a local Nav office is a body of its own, and the body an
    item opens with before its dash runs the project after it."""
    extraction = extract_text(text, nlp=nlp)
    assert {"Nav Bergenhus", "Nav Bømlo"} <= {a.label for a in extraction.actors} or {
        "NAV Bergenhus", "NAV Bømlo"} <= {a.label for a in extraction.actors}
    owners = {m.label: m.proposer.label for m in extraction.measures if m.proposer and m.label.startswith(("Ka", "Barn"))}
    assert [owner.split()[-1] for owner in owners.values()] == ["Bergenhus", "Bømlo"]


def test_proposers_real_what_a_body_has_is_no_decision(nlp):
    """Round 47's reading of a county text: "... som syner at Vestfjord fylkeskommune har eit mindreforbruk på 57,5
    mill. kr" states the county's accounts; the council that grants the listed sums ("Fylkestinget løyver ...") is
    their proposer, not the county named as having an underspend."""
    text = ("Fylkestinget løyver 14,2 millionar til breiband\n\n"
            "Fylkestinget avslutta møtet i Loen 8. oktober med å vedta ekstraløyvingar til breiband og fartøyvern.\n\n"
            "Ekstraløyvingane kom i handsaminga av tertialrapporten, som syner at Vestfjord fylkeskommune har eit "
            "mindreforbruk på 57,5 mill. kr i høve budsjettet for 2029.\n\n"
            "Løyvingar vart gitt til blant anna desse tiltaka:\n\n"
            "  • Ulike breibandprosjekt i fylket: 14,2 mill. kr\n"
            "  • Fartøyvern: 1,5 mill. kr\n")
    proposers = proposers_of(text, nlp)
    assert proposers.get("Fartøyvern") == "Fylkestinget", proposers
