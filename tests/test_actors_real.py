"""Actors, person roles and quotes on real-text conventions (issue 13): Norwegian public-body naming, roles
written next to names, and Bokmål/Nynorsk quote attribution. Sentences written for these tests."""

from __future__ import annotations

import pytest

from helsekg.api import process
from helsekg.extract import actors as actorlib
from helsekg.nlp import actors as nlp_actors
from helsekg.text import document_from_text


def rules(actor_nlp, text: str, language: str):
    document = document_from_text(text, source="t.txt", language=language)
    return actorlib.extract_actors(actor_nlp(document.text), document)


def full(nlp, text: str, language: str):
    return process(document_from_text(text, source="t.txt", language=language), nlp)


def labels(actors) -> list[str]:
    return [a.label for a in actors]


# --- the gazetteer: the closed set of Norwegian public bodies -------------------------------------


@pytest.mark.parametrize(("text", "language", "label", "key"), [
    ("Søknaden skal sendast til Statsforvaltaren i Rogaland innan fristen.", "nn",
     "Statsforvaltaren i Rogaland", "statsforvalteren-i-rogaland"),
    ("Fylkesmannen i Hordaland har fordelt skjønnsmidlene for 2018.", "nb",
     "Fylkesmannen i Hordaland", "fylkesmannen-i-hordaland"),
    ("Fylkesmannen har løyvd pengar til tre prosjekt.", "nn", "Fylkesmannen", "fylkesmannen"),
    ("Saka vart vurdert av Statens legemiddelverk i 2019.", "nn", "Statens legemiddelverk", "statens-legemiddelverk"),
    ("Brukere kan kontakte NAV for veiledning.", "nb", "Nav", "nav"),
    ("Kommunen samarbeider med politiet om forebygging.", "nb", "Politiet", "politiet"),
    ("Evalueringa blir gjort av Vestlandsforsking.", "nn", "Vestlandsforsking", "vestlandsforsking"),
])
def test_actors_real_gazetteer_public_bodies(actor_nlp, text, language, label, key):
    actors, _ = rules(actor_nlp, text, language)
    assert (label, key) in [(a.label, a.key) for a in actors]


def test_actors_real_gazetteer_predecessors_point_to_successors():
    gaz = nlp_actors.load_gazetteer()
    assert gaz.get("fylkesmannen-i-sogn-og-fjordane").successor == "fylkesmannen-i-vestland"
    assert gaz.get("fylkesmannen-i-vestland").successor == "statsforvalteren-i-vestland"
    assert gaz.get("statens-legemiddelverk").successor == "direktoratet-for-medisinske-produkter"
    offices = [e for e in gaz.entries if e.parent == "statsforvalteren" and e.successor is None]
    assert len(offices) == 10  # nine counties' offices + Østfold, Buskerud, Oslo og Akershus (2023-)


def test_actors_real_generic_governor_resolves_to_the_one_office_named(actor_nlp):
    text = ("Statsforvaltaren i Nordland forvaltar ordninga.\n\n"
            "Søknader blir handsama i Statsforvaltarens søknadsportal.")
    actors, _ = rules(actor_nlp, text, "nn")
    assert set(labels(actors)) == {"Statsforvaltaren i Nordland"}


def test_actors_real_herad_keeps_its_name(actor_nlp):
    actors, _ = rules(actor_nlp, "Kvam herad har vedteke ein ny plan for eldreomsorga.", "nn")
    assert [(a.label, a.key) for a in actors] == [("Kvam herad", "kvam-kommune")]


# --- patterns: municipal bodies, owned bodies, coordinated institutions --------------------------------


@pytest.mark.parametrize(("text", "language", "label"), [
    ("Formannskapet vedtok å styrke hjemmetjenesten.", "nb", "Formannskapet"),
    ("Saka går vidare til Hovudutval for oppvekst og kultur.", "nn", "Hovudutval for oppvekst og kultur"),
    ("Hovedutvalg for helse og velferd behandlet saken i juni.", "nb", "Hovedutvalg for helse og velferd"),
    ("Kommunalavdeling helse og omsorg har ansvaret for tiltaket.", "nn", "Kommunalavdeling helse og omsorg"),
    ("Helse Bergen sitt brukarutval har gitt innspel til planen.", "nn", "Helse Bergen sitt brukarutval"),
    # units of an administration by their two fields, offices by their task (fifteenth session)
    ("Helse- og omsorgsavdelingen har ansvar for tildelingen.", "nb", "Helse- og omsorgsavdelingen"),
    ("Kultur og samfunnsavdelinga har fordelt midlane.", "nn", "Kultur og samfunnsavdelinga"),
    ("Søknaden sendes til tildelingskontoret i kommunen.", "nb", "Tildelingskontoret"),
])
def test_actors_real_municipal_and_owned_bodies(actor_nlp, text, language, label):
    actors, _ = rules(actor_nlp, text, language)
    assert label in labels(actors)


def test_actors_real_kommunalavdeling_stops_before_the_verb(actor_nlp):
    actors, _ = rules(actor_nlp, "Kommunalavdeling oppvekst må gjere meir for barna.", "nn")
    assert labels(actors) == ["Kommunalavdeling oppvekst"]


@pytest.mark.parametrize(("text", "language", "expected"), [
    ("Pasientane blir fordelte mellom Lærdal, Florø og Nordfjord sjukehus.", "nn",
     {"Lærdal sjukehus", "Florø sjukehus", "Nordfjord sjukehus"}),
    ("Både Kongsberg, Drammen og Bærum sykehus får nye senger.", "nb",
     {"Kongsberg sykehus", "Drammen sykehus", "Bærum sykehus"}),
])
def test_actors_real_coordinated_institutions_share_the_head(actor_nlp, text, language, expected):
    actors, _ = rules(actor_nlp, text, language)
    assert expected <= set(labels(actors))


@pytest.mark.parametrize(("text", "language", "expected"), [
    # rows of an allocation table: the municipality before the row's figure
    ("Tildelte midlar 2026\n\nKommune Tilskot\nSelje 120 000,-\nStryn 85 000,-\nSola, Klepp og Time 240 000\n", "nn",
     {"Selje", "Stryn", "Sola", "Klepp", "Time"}),
    ("Prosjekt Kommune Tilskudd i kroner\nAktive eldre Hamar 300 000\nTrygg oppvekst Eidskog 250 000 250 000\n", "nb",
     {"Hamar", "Eidskog"}),
    # one cell per line: the name, then its amount
    ("Kommune\nInnvilget beløp\nGjesdal\n30 000\nKvitsøy\n82 000\n", "nb", {"Gjesdal", "Kvitsøy"}),
    # items of a list of municipalities; two municipalities share the name "Herøy"
    ("Desse kommunane får støtte i år:\n • Vestnes\n • Herøy\n • Aukra\n", "nn", {"Vestnes", "Herøy", "Aukra"}),
    # a list after "kommunane" in prose, also after a colon and longer than nine names
    ("Nettverket har med desse kommunane: Austrheim, Fedje, Lindås, Masfjorden, Meland, Modalen, Osterøy, Radøy, "
     "Vaksdal, Herøy og Gulen.", "nn",
     {"Austrheim", "Fedje", "Lindås", "Masfjorden", "Meland", "Modalen", "Osterøy", "Radøy", "Vaksdal", "Herøy", "Gulen"}),
    # a series of three or more municipalities in running text, a comma after a space included
    ("Ti prosjekt fekk støtte, i Askøy, Bergen, Bømlo, Førde og Gulen.", "nn",
     {"Askøy", "Bergen", "Bømlo", "Førde", "Gulen"}),
    ("Oslo, Bergen, Bodø, Trondheim og Drammen er med i mange av søknadene.", "nb",
     {"Oslo", "Bergen", "Bodø", "Trondheim", "Drammen"}),
    ("Samarbeidet mellom dei 17 kommunane: Austrheim, Fedje , Lindås og Masfjorden held fram.", "nn",
     {"Austrheim", "Fedje", "Lindås", "Masfjorden"}),
])
def test_actors_real_municipalities_handed_money_by_their_place_name(actor_nlp, text, language, expected):
    actors, _ = rules(actor_nlp, text, language)
    found = {a.text for a in actors if a.actor_type == "municipality"}
    assert found == expected


@pytest.mark.parametrize(("text", "language"), [
    ("Tiltaket gir 2 millioner kroner til en møteplass i Bergen 2 000 000", "nb"),  # a place in a phrase
    ("Desse stadene får nye turvegar:\n • Vestnes\n • Aukra\n", "nn"),  # a list of places, not of municipalities
    ("Tildelt\nOslo Met 200 000\n", "nb"),  # no municipality's name
    ("Prosjektet samarbeider med Bergen, Voss og Sintef om nye løysingar.", "nn"),  # one name in the series is none
    ("Bergen og Voss får nye turvegar i år.", "nn"),  # two places are no series
])
def test_actors_real_place_names_in_other_rows_are_no_municipalities(actor_nlp, text, language):
    actors, _ = rules(actor_nlp, text, language)
    assert not [a for a in actors if a.actor_type == "municipality"]


@pytest.mark.parametrize(("text", "language", "name", "party"), [
    ("Kari Johanne Nordvik (AP) fremmet følgende forslag til vedtak.", "nb", "Kari Johanne Nordvik", "Arbeiderpartiet"),
    ("Per Olav Lie (KRF) stemte mot forslaget.", "nb", "Per Olav Lie", "Kristelig Folkeparti"),
    # names spelt with the letters of the neighbouring languages
    ("Mímir Kristjánsson (R) spurte statsråden om gjelden.", "nb", "Mímir Kristjánsson", "Rødt"),
])
def test_actors_real_party_in_parentheses_whatever_its_case(actor_nlp, text, language, name, party):
    actors, _ = rules(actor_nlp, text, language)
    assert {name, party} <= set(labels(actors))
    person = next(a for a in actors if a.label == name)
    assert person.kind == "person"


def test_actors_real_a_ward_named_by_one_field_is_no_unit(actor_nlp):
    actors, _ = rules(actor_nlp, "Fødeavdelinga er stengt i sommar, og barneavdelinga får nye senger.", "nn")
    assert not actors


def test_actors_real_company_form_is_one_body(actor_nlp):
    text = ("Bergen Kommunale Legevakt IKS eies av fem kommuner.\n\n"
            "Bergen Kommunale Legevakt har døgnåpent.")
    actors, _ = rules(actor_nlp, text, "nb")
    named = {(a.label, a.key) for a in actors if "Legevakt" in a.text}
    assert len(named) <= 1  # the short mention is the same body as the full company name


# --- persons and roles ----------------------------------------------------------------------------------


@pytest.mark.parametrize(("text", "language", "name", "role"), [
    ("Forslaget kom frå stortingsrepresentantane Per Olsen og Kari M. Lie om betre rusomsorg.", "nn",
     "Kari M. Lie", "stortingsrepresentant"),
    ("Forslaget kom fra stortingsrepresentantene Per Olsen og Kari M. Lie.", "nb", "Per Olsen",
     "stortingsrepresentant"),
    ("Møtet vart leia av leiar for helse og omsorg stab Ingrid H. Berg.", "nn", "Ingrid H. Berg",
     "leiar for helse og omsorg stab"),
    ("Arkivsak: 21/1234\nSaksbehandler: Ola Nilsen\n\nSaken gjelder legevakt.", "nb", "Ola Nilsen", "saksbehandler"),
    ("Saksbehandlar : Siri Aasen\n\nSaka gjeld tilskot til frivilligsentralen.", "nn", "Siri Aasen",
     "saksbehandlar"),
    ("Torunn Vik, kommunalsjef i Eidfjord kommune, la fram saka.", "nn", "Torunn Vik", "kommunalsjef i Eidfjord kommune"),
    # a relative clause naming the role: "..., som er tannpleiar og ..."
    ("Prosjektet vart presentert av Siri Aasen, som er kommunalsjef i Eidfjord kommune.", "nn", "Siri Aasen",
     "kommunalsjef i Eidfjord kommune"),
    # thirty-ninth session: a body right after the role, with no preposition; a body after a comma in parentheses
    ("Styringsgruppa:\n • Heidi Nilsen, viseadministrerande direktør Helse Møre og Romsdal\n • Ola Vik, "
     "kommunalsjef Molde kommune", "nn", "Heidi Nilsen", "viseadministrerande direktør"),
    ("Styringsgruppa:\n • Siv Andersen, kommunalsjef Kristiansund kommune er medlem i gruppa.", "nb", "Siv Andersen",
     "kommunalsjef"),
    ("Deltakarar:\nWenche Tislevoll (ordførar, Fitjar kommune)\nHege Etterlid (økonomisjef, Stord kommune)", "nn",
     "Hege Etterlid", "økonomisjef"),
    # a signature: the name over its title, or both on one line; a second title after a slash
    ("Rapporten byggjer på tilsynet.\n\nAnne Wangen\nrevisjonsleiar\n\nLinda Svori\nrevisor\n\n1. Innleiing", "nn",
     "Linda Svori", "revisor"),
    ("Hamar, 13. april 2027\n\nCathrine M. Lofthus administrerende direktør\n\n1. Bakgrunn", "nb",
     "Cathrine M. Lofthus", "administrerende direktør"),
    ("Med hilsen\n\nChristian Bjelke\nDirektør/ Fylkeslege\n\nEinar Andersen\nSeksjonssjef\n", "nb",
     "Christian Bjelke", "direktør"),
    # the role a person is given
    ("Kari Eidnes Bjørkheim er tilsett som prosjektleiar. Ho har lang erfaring frå feltet.", "nn",
     "Kari Eidnes Bjørkheim", "prosjektleiar"),
    # a signature with a blank line between name and title; a board member; a body in lower case before the name
    ("Vennlig hilsen\n\nPer Ivar Myrbekk\n\nLeder\n", "nb", "Per Ivar Myrbekk", "leder"),
    ("Styremedlem Gunnar Berge var den første til å understreke dette.", "nb", "Gunnar Berge", "styremedlem"),
    ("Nestleiar i styret, Anne Sissel Faugstad, har lang erfaring.", "nn", "Anne Sissel Faugstad", "nestleiar i styret"),
    # a case file's header flattened on one line; an acronym of the body in the parentheses
    ("Saksbehandler: May Doris Fagerland Arkiv: G70 Arkivsaksnr.: 08/46", "nb", "May Doris Fagerland",
     "saksbehandler"),
    ("Styringsgruppa:\n • Rita Tveiten\n • Rune Heradstveit (dagleg leiar RNHI)\n", "nn", "Rune Heradstveit",
     "dagleg leiar"),
    # a role and its body right before the name, no comma; an abbreviation's dot inside the body; a time stamp and
    # a colon before the role of a Storting speaker; a flattened header whose next field has two words
    ("Det er bra, sier fagdirektør i Helse Midt-Norge RHF Henrik Sandbu.", "nb", "Henrik Sandbu",
     "fagdirektør i Helse Midt-Norge RHF"),
    ("Styreleder ved St. Olav, Anne Breiby, trakk frem dette.", "nb", "Anne Breiby", "styreleder ved St. Olav"),
    ("Kjersti Toppe (Sp) [10:02:46]: (ordførar for saka): Regjeringa har fremja saka.", "nn", "Kjersti Toppe",
     "ordførar for saka"),
    ("DATO: SAKSHANDSAMAR: Helge Bergmann SAKA GJELD: Nytt bygg", "nn", "Helge Bergmann", "sakshandsamar"),
    # an abbreviated modifier before the role
    ("Berit Brendskag Lied, ass. fylkesmann i Sogn og Fjordane, opna møtet.", "nn", "Berit Brendskag Lied",
     "ass. fylkesmann"),
    ("Konst. rådmann Per Hansen la fram saka.", "nn", "Per Hansen", "konst. rådmann"),
    # a genitive before the role in a Storting speaker's parentheses
    ("Tone Wilhelmsen Trøen (H) [] (komiteens leder): Først vil jeg takke komiteen.", "nb", "Tone Wilhelmsen Trøen",
     "komiteens leder"),
])
def test_actors_real_roles_next_to_names(actor_nlp, text, language, name, role):
    actors, _ = rules(actor_nlp, text, language)
    person = next(a for a in actors if a.label == name)
    assert role in person.roles


def test_actors_real_a_body_over_a_title_is_no_signature(actor_nlp):
    """ "Bergen kommune" over "rådmann" in a copy list: the body the letter goes to, no person of that name."""
    actors, _ = rules(actor_nlp, "Kopi til:\nBergen kommune\nrådmann\n", "nb")
    assert not [a for a in actors if a.kind == "person"], [(a.label, a.roles) for a in actors]


@pytest.mark.parametrize(("text", "name", "stated", "role"), [
    ("Forslaget kom fra stortingsrepresentantene Per Olsen og Kari M. Lie.", "Kari M. Lie", "stortingsrepresentantene",
     "stortingsrepresentant"),
    ("Ordføraren Kari Nordmann opna møtet.", "Kari Nordmann", "ordføraren", "ordførar"),
    ("Helseminister Kari Nordmann opnar senteret.", "Kari Nordmann", None, "helseminister"),
])
def test_actors_real_stated_role_as_written(actor_nlp, text, name, stated, role):
    """The role in the form the text writes it (hkg:statedRole) next to its indefinite singular (hkg:role); no stated
    form when the two are the same."""
    actors, _ = rules(actor_nlp, text, "nb")
    person = next(a for a in actors if a.label == name)
    assert person.roles == (role,)
    assert person.stated_roles == ((stated,) if stated else ())


# --- what is not an actor (the trained model's entities, filtered) ---------------------------------------


@pytest.mark.parametrize(("text", "language", "not_actor"), [
    ("Konferansen blei halden i Sotra Arena i haust, og Kari Nordmann frå Helse Bergen var med.", "nn", "Sotra Arena"),
    ("Tiltaket følgjer opp Handlingsplan 2030 i kommunen.", "nn", "Handlingsplan 2030"),
    ("Prosjektet bygger på Folkehelsestrategi for Agder og blir leia av Agder fylkeskommune.", "nb",
     "Folkehelsestrategi for Agder"),
    ("Kommunane i Innlandet får meir pengar til helsestasjonane.", "nn", "Innlandet"),
    ("Har du spørsmål, ta kontakt med Lise Haugen på telefon.", "nn", "Lise Haugen"),
    # a capitalised indefinite compound of a common noun is no name (fortieth session)
    (("Kommunen deltek i to velferdsteknologiprosjekt i Vestland fylke: Velferdsteknologi i Sogn og Fjordane og "
      "Velferdsteknologi i vest."), "nn", "Velferdsteknologi"),
    # an abbreviated parliamentary document and a law are no bodies (fortieth session)
    (("Det vises til Prop. 1 S (2011–2012) og Innst. 11 S (2011–2012). Komiteen slutter seg til regjeringens "
      "forslag."), "nb", "Prop"),
    (("Sentre for omsorgsforskning er forankret i Omsorg 2020 og Meld. St. 26 (2014-2015) «Fremtidens "
      "primærhelsetjeneste»."), "nb", "Meld"),
    ("Lovgrunnlag\n\nHelse- og omsorgstjenesteloven § 3-2, 6a\n\nBeskrivelse av tjenesten", "nb",
     "Helse- og omsorgstjenesteloven"),
    # a county written "X fylke" after a place word is the territory (fortieth session)
    ("Tilskotet skal gå til tiltak i heile eller store deler av Vestland fylke. Søknadene blir handsama i haust.", "nn",
     "Vestland fylkeskommune"),
])
def test_actors_real_not_actors(nlp, text, language, not_actor):
    extraction = full(nlp, text, language)
    assert not_actor not in labels(extraction.actors)


def test_actors_real_a_county_named_x_fylke_that_acts_is_the_county_authority(nlp):
    extraction = full(nlp, "Vestland fylke har løyvd 2 millionar kroner til tiltaket.", "nn")
    assert "Vestland fylkeskommune" in labels(extraction.actors)


# --- quotes -----------------------------------------------------------------------------------------------


@pytest.mark.parametrize(("text", "language", "speaker", "said"), [
    ("Ordførar Astrid Nes opna det nye bygget.\n\n− Dette er ein stor dag for bygda, seier Nes.", "nn",
     "Astrid Nes", "Dette er ein stor dag for bygda"),
    ("Kommunalsjef Ola Berg presenterte planen.\n\n– Vi må tenke nytt om eldreomsorgen sier Berg.", "nb",
     "Ola Berg", "Vi må tenke nytt om eldreomsorgen"),
    ("Helsesjef Eli Myklebust la fram tala.\n\n– Vi har fått fleire tilsette enn venta, peikar Eli Myklebust på.",
     "nn", "Eli Myklebust", "Vi har fått fleire tilsette enn venta"),
    ("Fastlege Per Hauge er nøgd.\n\n– Dette gjer kvardagen lettare, understrekar Per Hauge.", "nn",
     "Per Hauge", "Dette gjer kvardagen lettare"),
    # a dash quote in the middle of a paragraph, after a sentence of the report
    ("Fylket skal bruke 12 millionar kroner på tiltaket. – Dette er eit viktig løft for bygdene, seier fylkesordførar "
     "Kari Dale.", "nn", "Kari Dale", "Dette er eit viktig løft for bygdene"),
    # "helse og omsorgsminister" without the hyphen is still a role
    ("Ny satsing\n\n– Vi vil styrke tilbodet til barn og unge, seier helse og omsorgsminister Ola Vik.", "nn",
     "Ola Vik", "Vi vil styrke tilbodet til barn og unge"),
    # a typed hyphen right before the quote at a line's start, no space
    ("Vedlikehald\n\n-Formålet er å bidra til auka aktivitet i områda, seier helse- og omsorgsminister Ola Vik.", "nn",
     "Ola Vik", "Formålet er å bidra til auka aktivitet i områda"),
])
def test_actors_real_quotes(nlp, text, language, speaker, said):
    quotes = full(nlp, text, language).quotes
    assert [(q.speaker.label, q.text) for q in quotes] == [(speaker, said)]


def test_actors_real_repeated_lead_quote_is_one_quote(nlp):
    lead = "– Alle skal få hjelp når dei treng det, seier helseminister Kari Nordmann."
    text = f"Ny plan for helsetenesta\n\n{lead}\n\n{lead}\n\nPlanen vart lagd fram i dag."
    quotes = full(nlp, text, "nn").quotes
    assert [q.text for q in quotes] == ["Alle skal få hjelp når dei treng det"]


def test_actors_real_according_to_a_plan_is_no_quote(nlp):
    """ "ifølge Eldreplan 2030": one capitalised word that names no person of the text is no speaker."""
    text = "Budsjett\n\nDen langsiktige styrkinga ifølge Eldreplan 2030 utgjer 8,2 millionar kroner."
    assert full(nlp, text, "nn").quotes == ()


def test_actors_real_dash_without_attribution_verb_is_no_quote(nlp):
    text = "Kommunestyret vedtok planen.\n\n– Tiltaket kostar om lag to millionar, og Kari Nordmann leiar arbeidet."
    assert full(nlp, text, "nn").quotes == ()


def test_actors_real_rules_run_without_a_parse(blank_nlp):
    text = "− Vi satsar på dei eldre, seier ordførar Astrid Nes.\n\nFylkesmannen i Nordland har løyvd midlar."
    extraction = process(document_from_text(text, source="t.txt", language="nn"), blank_nlp)
    assert "Fylkesmannen i Nordland" in labels(extraction.actors)
    assert [q.speaker.label for q in extraction.quotes] == ["Astrid Nes"]


def test_actors_real_definite_genitive_names_the_body(nlp):
    """ "Rådmannens forslag": the body is "Rådmannen"; the mention keeps the text as written."""
    result = full(nlp, "Rådmannens forslag til budsjett ble vedtatt i bystyret.", "nb")
    found = [(a.label, a.text) for a in result.actors if a.key == "radmannen"]
    assert found == [("Rådmannen", "Rådmannens")]


@pytest.mark.parametrize(("text", "language", "acronym"), [
    ("Midlane går til tverrfagleg spesialisert rusbehandling (TSB) i regionen. TSB har lange ventetider.", "nn", "TSB"),
    ("Det er i revidert nasjonalbudsjett (RNB) foreslått meir pengar. RNB blir behandla i juni.", "nn", "RNB"),
    ("Søknaden sendes sammen med budsjett i Portable Document Format (PDF) til kommunen.", "nb", "PDF"),
])
def test_actors_real_acronym_spelled_out_is_no_actor_of_its_own(nlp, text, language, acronym):
    """An acronym in parentheses after the words it shortens is no organisation of its own: the tagger's
    organisation for it (and for its later uses) is dropped when the gazetteer does not know it."""
    assert acronym not in labels(full(nlp, text, language).actors)


def test_actors_real_acronym_of_a_known_body_or_party_stays(nlp):
    text = ("Helse- og omsorgsdepartementet (HOD) har sendt saka på høyring, seier Kari Nordmann (Ap). "
            "HOD ventar svar innan mai.")
    found = labels(full(nlp, text, "nb").actors)
    assert "Helse- og omsorgsdepartementet" in found and "Kari Nordmann" in found


def test_actors_real_according_to_opens_no_name(nlp):
    """ "Ifølgje Hansen ..." (Nynorsk as Bokmål "Ifølge"): the preposition is no part of the name, and the later
    "seier Hansen" is the person named before."""
    text = ("Helse Vest overtek klinikken\n\n– Vi er glade for avtalen, seier administrerande direktør Eivind Hansen.\n\n"
            "Ifølgje Hansen vil integreringa gje betre pasientløp.\n\n"
            "– Over tid trur vi det blir mogleg å drive innanfor rammene, seier Hansen.")
    result = full(nlp, text, "nn")
    assert not [a for a in labels(result.actors) if a.startswith(("Ifølgje", "Ifølge"))]
    assert {q.speaker.label for q in result.quotes} == {"Eivind Hansen"}


@pytest.mark.parametrize(("word", "dictionary_word"), [
    ("Vedlegg", True), ("Videreutvikle", True), ("Tryggleik", True), ("Fellesskap", True), ("Omsorg", True),
    # names of bodies are definite forms, acronyms or no dictionary words
    ("Husbanken", False), ("Riksrevisjonen", False), ("NAV", False), ("Bufdir", False), ("Statsforvaltaren", False),
    ("Kreftforeningen", False), ("Volda", False),
    # an indefinite compound ending in a base-form noun (fortieth session); definite compounds are names
    ("Velferdsteknologi", True), ("Tiltakspakke", True), ("Representantforslag", True),
    ("Helsedirektoratet", False), ("Kreftregisteret", False), ("Sjukepleiarforbundet", False), ("Pasientreiser", False),
])
def test_actors_real_a_capitalised_dictionary_word_is_no_name(word, dictionary_word):
    """A one-word entity of the model that is the base form of a common noun, verb or adjective ("Vedlegg" heading a
    list of attachments) is dropped; the names of bodies are not such words."""
    assert nlp_actors._base_form_word(word) is dictionary_word


@pytest.mark.parametrize(("text", "in_capitals"), [
    ("TANNHELSE", True), ("BUDSJETTÅRET", True), ("INNSTILLING", True), ("A STYREMØTE", True), ("STYRESAK", True),
    # acronyms: no dictionary word, a lemma in capitals, or too short to tell
    ("NTNU", False), ("IPLOS", False), ("UNICEF", False), ("SINTEF", False), ("NAV", False), ("SAKA", False),
    # not in capitals
    ("Tannhelse", False),
])
def test_actors_real_dictionary_words_in_capitals_are_no_name(text, in_capitals):
    """A heading or form label written in capitals ("TANNHELSE Tal i tusen", "BUDSJETTÅRET 2024") is no body, though
    the model tags it as one; an acronym is kept (session 23)."""
    assert nlp_actors._dictionary_in_capitals(text) is in_capitals


@pytest.mark.parametrize(("text", "language", "label"), [
    ("Rådet for personar med funksjonsnedsetting har sendt ei fråsegn til kommunen.", "nn",
     "Rådet for personar med funksjonsnedsetting"),
    ("Kommunalt råd for personer med funksjonsnedsettelse behandlet saken i går.", "nb",
     "Kommunalt råd for personer med funksjonsnedsettelse"),
    ("Råd for eldre og personer med funksjonsnedsettelse ga sin uttalelse.", "nb",
     "Råd for eldre og personer med funksjonsnedsettelse"),
])
def test_actors_real_a_statutory_council_is_an_advisory_body(nlp, text, language, label):
    """The councils every municipality must have, named "Råd(et) for <whom they speak for>", are councils (session
    23); "råd for eldre" in lower case is advice, no body."""
    councils = [a for a in full(nlp, text, language).actors if a.label == label]
    assert councils and councils[0].actor_type == "council"
    assert not full(nlp, "Fastlegen gir råd for eldre om vaksinar.", "nn").actors


def test_actors_real_a_body_by_its_kind_is_no_person(nlp):
    """ "Rådet meiner ...": the model may tag a body named by its kind as a person; no person is called "Rådet"."""
    found = full(nlp, "Rådet meiner at alle nye bygg må vere universelt utforma.", "nn").actors
    assert not [a for a in found if a.label == "Rådet" and a.kind == "person"]


def test_actors_real_a_heading_in_capitals_is_no_actor(nlp):
    text = ("Budsjett 2019\n\nTANNHELSE\n\nFylkesrådmannen set av 5 mill. kr til utstyr i tannhelsetenesta kvart år. "
            "NTNU skal evaluere tiltaket.")
    found = set(labels(full(nlp, text, "nn").actors))
    assert "TANNHELSE" not in found
    assert "Fylkesrådmannen" in found
    assert any("NTNU" in label or "naturvitenskapelige" in label for label in found)


def test_actors_real_a_double_surname_without_the_first_name_is_the_person_named_in_full(nlp):
    """ "seier Brendskag Lund" after "assisterande statsforvaltar Kari Brendskag Lund": one person, not a second
    two-word name; both quotes are hers (the first one since "statsforvaltar" is a role head, thirty-eighth
    session)."""
    text = ("Skjønnsmidlar til ungt entreprenørskap\n\n– I utdelinga for 2026 held vi fram satsinga på digital "
            "forvaltning, fortel assisterande statsforvaltar Kari Brendskag Lund.\n\n– Målet er at kommunane skal "
            "prøve ut nye løysingar, seier Brendskag Lund.")
    found = full(nlp, text, "nn")
    assert set(labels(found.actors)) == {"Kari Brendskag Lund"}
    assert [q.speaker.label for q in found.quotes] == ["Kari Brendskag Lund", "Kari Brendskag Lund"]


def test_actors_real_the_members_of_a_body_and_a_bare_committee_are_no_actors(nlp):
    """Seventeenth session: a Storting debate's procedure line names "medlemmer av regjeringen" (the members, not the
    government acting), and a recommendation's "Komiteen" names no committee; neither is an actor. The party that
    speaks is."""
    text = ("Innstilling fra helse- og omsorgskomiteen om dagtilbud for personer med demens\n\nTaletiden begrenses til "
            "1 time, og det gis anledning til replikker med svar etter innlegg fra medlemmer av regjeringen.\n\n"
            "Komiteen slutter seg til forslaget. Komiteens medlem fra Kristelig Folkeparti viser til at mange "
            "personer med demens bor hjemme.")
    found = labels(full(nlp, text, "nb").actors)
    assert "Kristelig Folkeparti" in found, found
    assert not {"Komiteen", "regjeringen", "Regjeringen", "Regjeringa"} & set(found), found


@pytest.mark.parametrize(("text", "language", "expected"), [
    ("Vinnaren får 100 000 NOK. Prisen blir delt ut av Helse- og omsorgsdepartementet.", "nn",
     ["Helse- og omsorgsdepartementet"]),
    ("Ålesund kommune får 2 millionar kroner til IKT i heimetenesta. IKT og velferdsteknologi skal gjere kvardagen "
     "enklare.", "nn", ["Ålesund kommune"]),
])
def test_actors_real_a_currency_code_or_a_field_abbreviation_is_no_actor(nlp, text, language, expected):
    """Seventeenth session: the model reads the upper-case "NOK" and "IKT" as organisations; a currency code and the
    abbreviation of a field (``entity_junk``) are none."""
    assert labels(full(nlp, text, language).actors) == expected


def test_actors_real_a_ministers_title_is_no_body(nlp):
    """Seventeenth session: the model may read the title before a minister's name ("Kommunal- og distriktsminister")
    as an organisation; it is the person's role, and the person is the actor."""
    found = full(nlp, "Kommunal- og distriktsminister Sigbjørn Gjelsvik opna det nye omsorgssenteret i Davik.", "nn")
    assert [(a.label, a.kind) for a in found.actors] == [("Sigbjørn Gjelsvik", "person")]


@pytest.mark.parametrize(("text", "language", "expected"), [
    ("Tildelingene har vært som følger:\n\n  • Stiftelsen Klar Tale: kr 7 866 000\n"
     "  • Stiftelsen SOR: kr 1 790 000\n", "nb", ["Stiftelsen Klar Tale", "Stiftelsen SOR"]),
    ("Foreininga Norsk Folkehjelp Sanitet får 200 000 kroner til nye besøksvenner.", "nn",
     ["Foreininga Norsk Folkehjelp Sanitet"]),
    ("Bydel\tType tildeling\tBeløp (i 1 000 kr)\nBydel Gamle Oslo\tRødhetteprosjektet\t960\n"
     "Bydel St. Hanshaugen\tMarteprosjektet\t285\n", "nb", ["Bydel Gamle Oslo", "Bydel St. Hanshaugen"]),
    # a genitive's noun belongs to the name; "for" and what the body is for, up to the punctuation that closes it
    ("Tildelingene har vært som følger:\n\n  • Foreningen Norges døvblinde (pkt. 11.2.): kr 3 150 000\n"
     "  • Landsforeningen for kombinert syns- og hørselshemmede (pkt. 11.2.): kr 675 000\n", "nb",
     ["Foreningen Norges døvblinde", "Landsforeningen for kombinert syns- og hørselshemmede"]),
    ("Desse fekk tilskot:\n\n  • Foreininga for hjartesjuke born: 40 000 kroner\n"
     "  • Stiftinga Kirkens Bymisjon: 60 000 kroner\n", "nn",
     ["Foreininga for hjartesjuke born", "Stiftinga Kirkens Bymisjon"]),
])
def test_actors_real_a_body_named_after_its_kind(nlp, text, language, expected):
    """Round 22 (eighteenth session): a foundation, an association or an Oslo district writes its kind before its
    proper name (``name_prefix_bodies``); the name ends at a table's cell gap ("Bydel\\tType tildeling" names no
    body, "Bydel Gamle Oslo\\tRødhetteprosjektet" the district only)."""
    found = labels(full(nlp, text, language).actors)
    for label in expected:
        assert label in found, found
    assert not any("\t" in label or label.startswith("Bydel Type") for label in found), found


def test_actors_real_a_bodys_for_name_stops_before_a_verb(nlp):
    """Twenty-first session: "Foreningen for ..." is a name up to the punctuation that closes it; a line that goes on
    with a finite verb (``name_stop_verbs``: "... får støtte") is a headline, and "får støtte" is no part of a name."""
    text = "Tilskot\n\nForeningen for hjartesjuke born får støtte\n\nFleire lag har søkt.\n"
    found = labels(full(nlp, text, "nn").actors)
    assert not any("får" in label for label in found), found


def test_actors_real_a_dash_glued_to_a_quote_inside_a_paragraph(nlp):
    """ "... i 2011. -Jeg er meget glad ..., slo fylkestannlegen fast.": a web page's hyphen without a space opens a
    quote after a sentence as a spaced dash does (session 35); a hyphen inside a word opens none."""
    text = ("Ny tannklinikk i Vågsbygd\n\nFylkestannlege Per Kvinlaug kastet et historisk blikk tilbake. Kvinlaug "
            "opplyste at det også skal åpnes en ny klinikk i 2011. -Jeg er meget glad for viljen til å satse på "
            "tannhelsetjenesten, slo fylkestannlegen fast.\n\nKlinikken har fire tannlege-stillinger.")
    quotes = full(nlp, text, "nb").quotes
    assert [(q.speaker.label, q.text) for q in quotes] == [
        ("Per Kvinlaug", "Jeg er meget glad for viljen til å satse på tannhelsetjenesten")]
