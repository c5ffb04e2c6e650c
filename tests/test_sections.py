"""helsekg.nlp.sections: long documents cut into sections, run through the pipeline and joined.

The texts are long budget-proposition style documents in Bokmål and Nynorsk built from varied
paragraphs (seeded random amounts, places, names, areas). The contract checked here: the joined Doc has
exactly the original text, and extraction from the sectioned parse gives exactly the records of the
whole-text parse (blank pipeline and trained model).
"""

from __future__ import annotations

import random
import warnings

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from helsekg.extract.extractor import extract
from helsekg.extract.records import Extraction
from helsekg.nlp import extensions
from helsekg.nlp.sections import DEFAULT_SECTION_CHARS, parse, parse_many, section_bounds
from helsekg.text import document_from_text

# ------------------------------------------------------------------------------------ the texts

AREAS = {
    "nb": ["rusfeltet", "psykisk helse", "allmennlegetjenesten", "helsestasjons- og skolehelsetjenesten",
           "habilitering og rehabilitering", "lindrende behandling", "demensomsorgen", "legevakt i distriktene"],
    "nn": ["rusfeltet", "psykisk helse", "allmennlegetenesta", "helsestasjons- og skulehelsetenesta",
           "habilitering og rehabilitering", "lindrande behandling", "demensomsorga", "legevakt i distrikta"],
}
PLACES = ["Bergen", "Tromsø", "Bodø", "Lillehammer", "Kristiansand", "Molde", "Steinkjer", "Hamar", "Alta"]
COUNTIES = ["Vestland", "Nordland", "Innlandet", "Agder", "Rogaland", "Trøndelag"]
NAMES = ["Kari Nordmann", "Ola Hansen", "Marit Dahl", "Per Olsen", "Ingrid Berg", "Anne Lise Moen"]
TITLES = {
    "nb": "Statsbudsjettet 2025: Regjeringen styrker helse- og omsorgstjenesten",
    "nn": "Statsbudsjettet 2025: Regjeringa styrkjer helse- og omsorgstenesta",
}


def _bokmal(rng: random.Random) -> list[str]:
    """One Bokmål passage (one or more paragraphs) with fresh numbers, places and names."""
    n, year = rng.randint(2, 480), rng.choice([2024, 2025, 2026])
    total = n + rng.randint(5, 300)
    area, place, name = rng.choice(AREAS["nb"]), rng.choice(PLACES), rng.choice(NAMES)
    return rng.choice([
        [f"Regjeringen foreslår {n} millioner kroner til tilskuddsordningen for {area} i {year}.",
         ("– Dette er et viktig løft for pasientene og de ansatte, sier helse- og omsorgsminister "
         "Jan Christian Vestre.")],
        [(f"Bevilgningen til {area} økes med {n} millioner kroner, til en samlet bevilgning på {total} millioner "
         "kroner. Helsedirektoratet skal forvalte ordningen og rapportere til Helse- og omsorgsdepartementet.")],
        [(f"Statsforvalteren i {rng.choice(COUNTIES)} skal fordele inntil {n} millioner kroner til kommuner som "
         f"vil styrke {area}. Midlene kan brukes til kompetanseheving og nye stillinger.")],
        [(f"{place} kommune får {n},{rng.randint(1, 9)} millioner kroner til å etablere et nytt lavterskeltilbud "
         f"innen {area}."),
         f"– Vi er svært glade for tildelingen, sier ordfører {name} (Ap)."],
        [(f"Folkehelseinstituttet får {n} millioner kroner til å evaluere forsøket med {area}. "
         f"Evalueringen skal være ferdig innen utgangen av {year + 1}.")],
        [(f"Regjeringen vil opprette et kompetansefond på {total} millioner kroner for {area}. "
         "Helsedirektoratet har fått i oppdrag å utrede hvordan fondet skal innrettes.")],
        [(f"Det foreslås en bevilgning på {n},{rng.randint(1, 9)} mill. kroner til {area} i {year}, "
         f"en økning på {rng.randint(2, 40)} mill. kroner fra saldert budsjett.")],
        [(f"Helsepersonellkommisjonen anbefaler at kommunene får flere lærlingplasser innen {area}. "
         f"Kommisjonen mener også at {rng.randint(3, 40)} nye utdanningsstillinger bør opprettes i {place}.")],
        ["Utvalgets forslag til tiltak:",
         (f" • Vi må styrke rekrutteringen av sykepleiere i {area}\n"
         f" • Det bør etableres {rng.randint(2, 12)} regionale kompetansesentre\n"
         f" • Vi må gi {place}-modellen en nasjonal utprøving")],
    ])


def _nynorsk(rng: random.Random) -> list[str]:
    """One Nynorsk passage with fresh numbers, places and names."""
    n, year = rng.randint(2, 480), rng.choice([2024, 2025, 2026])
    area, place, name = rng.choice(AREAS["nn"]), rng.choice(PLACES), rng.choice(NAMES)
    return rng.choice([
        [f"Regjeringa føreslår {n} millionar kroner til tilskotsordninga for {area} i {year}.",
         "– Dette er viktig for pasientane og dei tilsette, seier helse- og omsorgsminister Jan Christian Vestre."],
        [(f"{place} kommune får {n} millionar kroner til å byggje ut tilbodet innan {area}. "
         f"Helsedirektoratet skal følgje opp arbeidet saman med Statsforvaltaren i {rng.choice(COUNTIES)}.")],
        [f"Løyvinga til {area} aukar med {n} millionar kroner i {year}. Folkehelseinstituttet skal evaluere tiltaket."],
        [f"Kommunane kan søkje om inntil {rng.randint(1, 30)} millionar kroner kvar frå tilskotsordninga for {area}.",
         f"– Vi treng fleire hender i helsetenesta, seier ordføraren {name} (Sp)."],
    ])


def policy_text(chars: int, *, language: str = "nb", seed: int = 14) -> str:
    """A budget-proposition style text of about ``chars`` characters: numbered chapters of varied passages."""
    rng = random.Random(seed)
    passage = _bokmal if language == "nb" else _nynorsk
    parts = [TITLES[language], ""]
    size, chapter = len(parts[0]) + 2, 0
    while size < chars:
        if rng.random() < 0.12:
            chapter += 1
            parts += [f"{chapter}. {rng.choice(AREAS[language]).capitalize()}", ""]
            size += len(parts[-2]) + 2
        for paragraph in passage(rng):
            parts += [paragraph, ""]
            size += len(paragraph) + 2
    return "\n".join(parts)


def records(extraction: Extraction) -> dict[str, list[tuple]]:
    """The facts compared between the sectioned and the whole-text parse, as readable tuples."""
    return {
        "amounts": [(a.start, a.end, a.text, a.value, str(a.kind), str(a.qualifier), a.fiscal_year)
                    for a in extraction.amounts],
        "actors": [(a.start, a.end, a.text, a.key, a.roles) for a in extraction.actors],
        "quotes": [(q.start, q.end, q.speaker.key if q.speaker else None) for q in extraction.quotes],
        "measures": [(m.start, m.label, m.key, tuple(a.value for a in m.funding)) for m in extraction.measures],
        "recommendations": [(r.start, r.end, r.by.key if r.by else None) for r in extraction.recommendations],
    }


def _cuts(text: str, max_chars: int) -> list[int]:
    return [end for _, end in section_bounds(text, max_chars=max_chars)][:-1]


# ------------------------------------------------------------------------------- section_bounds

PARAGRAPHS = "Regjeringen foreslår 30 millioner kroner.\n\nHelsedirektoratet får oppdraget.\nFristen er 1. mai."


@pytest.mark.parametrize(
    ("text", "max_chars", "expected"),
    [
        pytest.param("", 10, [], id="empty text"),
        pytest.param("Kommunen får 2 millioner kroner.", 100, [(0, 32)], id="shorter than max"),
        pytest.param("Kommunen får 2 millioner kroner.", 32, [(0, 32)], id="exactly max"),
        pytest.param("Kommunen får 2 millioner kroner.", 31, [(0, 25), (25, 32)], id="one over max: last space"),
        pytest.param(PARAGRAPHS, 80, [(0, 41), (41, 94)], id="blank line before a later line break"),
        pytest.param(PARAGRAPHS, 40, [(0, 34), (34, 41), (41, 75), (75, 94)], id="no line break in reach: last space"),
        pytest.param("Tilskudd.\nRus.\nPsykisk helse.\n", 20, [(0, 14), (14, 30)], id="newlines only, no blank line"),
        pytest.param("Første setning. Andre setning. Tredje setning.", 33,
                     [(0, 31), (31, 46)], id="no newline: sentence end"),
        pytest.param("Det er 3 prosjekter i Bodø, 4 i Alta og 5 i Molde", 20,
                     [(0, 20), (20, 40), (40, 49)], id="no sentence end: last space"),
        pytest.param("a" * 25, 10, [(0, 10), (10, 20), (20, 25)], id="one huge line: hard cuts"),
        pytest.param("Overskrift\n\n  • punkt én\n  • punkt to", 20, [(0, 10), (10, 24), (24, 37)],
                     id="indented list: the break opens the next piece"),
        pytest.param("ord\n\n\n\nord", 5, [(0, 3), (3, 7), (7, 10)], id="a piece of whitespace only"),
    ],
)
def test_sections_bounds_examples(text: str, max_chars: int, expected: list[tuple[int, int]]) -> None:
    assert section_bounds(text, max_chars=max_chars) == expected


def test_sections_bounds_rejects_nonpositive_max() -> None:
    with pytest.raises(ValueError, match="max_chars"):
        section_bounds("tekst", max_chars=0)


def test_sections_bounds_prefers_paragraphs_in_a_long_text() -> None:
    text = policy_text(30_000)
    bounds = section_bounds(text, max_chars=4_000)
    assert len(bounds) > 7
    assert all(text[end:end + 2] == "\n\n" for _, end in bounds[:-1])  # every cut is before a blank line


WORDS = st.sampled_from(["Helse", "Nord", "RHF", "får", "30", "millioner", "kroner.", "tiltak", "–", "«sier»",
                         "1.", "mai", "a" * 15, "Vestre", "(Ap)", "2,5", "mill."])
SPACES = st.sampled_from([" ", " ", " ", "\n", "\n\n", "  ", " \n", "\n \n", "\t", "\xa0", ". "])
TEXTS = st.lists(st.tuples(WORDS, SPACES), max_size=80).map(lambda pairs: "".join(w + s for w, s in pairs))


@settings(max_examples=300, deadline=None)
@given(st.one_of(TEXTS, st.text(max_size=300)), st.integers(min_value=1, max_value=120))
def test_sections_bounds_cover_the_text(text: str, max_chars: int) -> None:
    bounds = section_bounds(text, max_chars=max_chars)
    assert bool(bounds) == bool(text)
    assert [s for s, _ in bounds] == [0, *(e for _, e in bounds[:-1])][:len(bounds)]  # contiguous
    assert (bounds[-1][1] if bounds else 0) == len(text)  # covering
    assert all(0 < e - s <= max_chars for s, e in bounds)
    for s, e in bounds[:-1]:
        soft = text[e - 1].isspace() or text[e].isspace()
        hard = e - s == max_chars and not any(c.isspace() for c in text[s + 1:e])
        assert soft or hard, (text[s:e], text[e:e + 5])


@settings(max_examples=150, deadline=None)
@given(TEXTS, st.integers(min_value=20, max_value=120))
def test_sections_bounds_keep_the_tokenization(blank_nlp, text: str, max_chars: int) -> None:
    """Cut where the tokenizer splits anyway: the pieces' tokens are the whole text's tokens."""
    bounds = section_bounds(text, max_chars=max_chars)
    assume(all(text[e - 1].isspace() or text[e].isspace() for _, e in bounds[:-1]))
    whole = [(t.idx, t.text, t.whitespace_) for t in blank_nlp.make_doc(text)]
    pieces = [(t.idx + s, t.text, t.whitespace_) for s, e in bounds for t in blank_nlp.make_doc(text[s:e])]
    assert pieces == whole


# ------------------------------------------------------------------------ parse: blank pipeline


@pytest.mark.parametrize("language", ["nb", "nn"])
def test_sections_parse_joins_the_exact_text(blank_nlp, language: str) -> None:
    text = policy_text(12_000, language=language, seed=3)
    document = document_from_text(text, source="lang.txt")
    assert document.metadata.language == language
    doc = parse(blank_nlp, text, language=language, max_chars=2_500)
    assert doc.text == text
    assert doc._.helsekg_language == language
    amounts = list(doc.spans[extensions.AMOUNTS_KEY])
    assert len(amounts) > 40
    for span in amounts:  # the parsed values carry document offsets, not section offsets
        amount = span._.amount
        assert text[amount.start:amount.end] == amount.text
        assert span.start_char <= amount.start < amount.end <= span.end_char
    actors = list(doc.spans[extensions.ACTORS_KEY])
    assert any(s._.actor.key == "helsedirektoratet" for s in actors)
    assert all(s._.actor is not None for s in actors)


@pytest.mark.parametrize("language", ["nb", "nn"])
def test_sections_extraction_equals_whole_text_blank(blank_nlp, language: str) -> None:
    text = policy_text(15_000, language=language, seed=21)
    document = document_from_text(text, source="lang.txt")
    sectioned = extract(parse(blank_nlp, text, language=language, max_chars=3_000), document)
    whole = extract(parse(blank_nlp, text, language=language, max_chars=10**6), document)
    assert records(sectioned) == records(whole)
    assert sectioned == whole  # every record and field, not only the compared ones
    assert len(whole.amounts) > 50 and len(whole.measures) > 20 and len(whole.quotes) > 5
    if language == "nb":
        assert len(whole.recommendations) > 5


def test_sections_blank_tokens_and_sentences(blank_nlp) -> None:
    """Tokens are the whole text's tokens; a section start is always a sentence start, nothing else changes."""
    text = policy_text(15_000, seed=5)
    sectioned = parse(blank_nlp, text, max_chars=3_000)
    whole = parse(blank_nlp, text, max_chars=10**6)
    assert [(t.idx, t.text, t.whitespace_) for t in sectioned] == [(t.idx, t.text, t.whitespace_) for t in whole]
    starts = {s.start_char for s in sectioned.sents}
    whole_starts = {s.start_char for s in whole.sents}
    assert whole_starts <= starts
    assert starts - whole_starts <= set(_cuts(text, 3_000))


def test_sections_join_keeps_every_annotation_of_the_sections(nlp) -> None:
    """What Doc.from_docs keeps: the joined Doc has each section's tokens, tags, parse, entities and spans."""
    text = policy_text(6_000, seed=8)
    joined = parse(nlp, text, language="nb", max_chars=2_000)
    bounds = section_bounds(text, max_chars=2_000)
    assert len(bounds) >= 3
    for start, end in bounds:
        section = parse(nlp, text[start:end], language="nb", max_chars=10**6)
        part = joined.char_span(start, end)
        assert part is not None and part.text == section.text
        offset = part.start
        assert [(t.text, t.pos_, t.tag_, str(t.morph), t.lemma_, t.dep_, t.head.i - t.i, t.is_sent_start)
                for t in part] == [(t.text, t.pos_, t.tag_, str(t.morph), t.lemma_, t.dep_, t.head.i - t.i,
                                    t.is_sent_start or t.i == 0) for t in section]
        assert all(t.head.i - offset in range(len(section)) for t in part)  # heads stay inside the section
        assert [(e.start_char - start, e.end_char - start, e.label_) for e in joined.ents
                if start <= e.start_char < end] == [(e.start_char, e.end_char, e.label_) for e in section.ents]
        for key in (extensions.AMOUNTS_KEY, extensions.ACTORS_KEY):
            joined_spans = [(s.start_char - start, s.end_char - start, s.text) for s in joined.spans[key]
                            if start <= s.start_char < end]
            assert joined_spans == [(s.start_char, s.end_char, s.text) for s in section.spans[key]]
        assert [s._.actor for s in joined.spans[extensions.ACTORS_KEY] if start <= s.start_char < end] == [
            s._.actor for s in section.spans[extensions.ACTORS_KEY]]


def test_sections_progress_reaches_the_end(blank_nlp) -> None:
    text = policy_text(10_000, seed=2)
    calls: list[tuple[int, int]] = []
    parse(blank_nlp, text, max_chars=2_000, progress=lambda done, total: calls.append((done, total)))
    done = [d for d, _ in calls]
    assert len(calls) == len(section_bounds(text, max_chars=2_000)) > 4
    assert done == sorted(done) and len(set(done)) == len(done)
    assert calls[-1] == (len(text), len(text))
    assert {total for _, total in calls} == {len(text)}


def test_sections_progress_short_text_called_once(blank_nlp) -> None:
    calls: list[tuple[int, int]] = []
    parse(blank_nlp, "Kommunen får 2 millioner kroner.", progress=lambda d, t: calls.append((d, t)))
    assert calls == [(32, 32)]


@pytest.mark.parametrize("pipeline", ["blank_nlp", "nlp"])
def test_sections_parse_no_join_warnings(request, pipeline: str) -> None:
    """Doc-level extension values are not handed to from_docs (spaCy would warn W101 for each section)."""
    nlp = request.getfixturevalue(pipeline)
    text = policy_text(8_000, seed=9)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        doc = parse(nlp, text, language="nb", max_chars=2_000)
    assert doc._.helsekg_language == "nb"


def test_sections_parse_beyond_spacy_max_length(blank_nlp) -> None:
    """A text over spaCy's 1,000,000-character limit parses (in sections of the default size)."""
    text = policy_text(1_020_000, seed=1)
    assert len(text) > blank_nlp.max_length
    doc = parse(blank_nlp, text, language="nb")
    assert doc.text == text
    last = doc.spans[extensions.AMOUNTS_KEY][-1]._.amount
    assert last.start > 1_000_000 and text[last.start:last.end] == last.text


def test_sections_max_chars_never_exceeds_max_length() -> None:
    from helsekg.nlp.pipeline import load

    small = load(None)
    small.max_length = 3_000
    text = policy_text(10_000, seed=4)
    with pytest.raises(ValueError):
        small(text)
    assert parse(small, text, max_chars=DEFAULT_SECTION_CHARS).text == text


def test_sections_short_text_is_the_old_path(blank_nlp) -> None:
    text = policy_text(3_000, seed=6)
    old = blank_nlp.make_doc(text)
    old._.helsekg_language = "nb"
    old = blank_nlp(old)
    new = parse(blank_nlp, text, language="nb")
    assert new.to_bytes(exclude=["user_data"]) == old.to_bytes(exclude=["user_data"])
    assert new._.helsekg_language == "nb"
    for key in (extensions.AMOUNTS_KEY, extensions.ACTORS_KEY):
        assert [(s.start_char, s.end_char, s._.amount, s._.actor) for s in new.spans[key]] == [
            (s.start_char, s.end_char, s._.amount, s._.actor) for s in old.spans[key]]


# ------------------------------------------------------------------------ parse: trained model

TRAINED_MAX_CHARS = 5_000


@pytest.fixture(scope="module", params=["nb", "nn"])
def trained_parses(request, nlp):
    """A ~25k (Bokmål) / ~15k (Nynorsk) character text, parsed by the trained model in sections and whole."""
    language = request.param
    text = policy_text(25_000 if language == "nb" else 15_000, language=language, seed=42)
    document = document_from_text(text, source="lang.txt")
    sectioned = parse(nlp, text, language=language, max_chars=TRAINED_MAX_CHARS)
    whole = parse(nlp, text, language=language, max_chars=10**6)
    return text, document, sectioned, whole


def test_sections_trained_amounts_and_actors_equal(trained_parses) -> None:
    _, document, sectioned, whole = trained_parses
    a, b = records(extract(sectioned, document)), records(extract(whole, document))
    assert a["amounts"] == b["amounts"]
    assert a["actors"] == b["actors"]
    assert len(b["amounts"]) > 50 and len(b["actors"]) > 50


def test_sections_trained_measures_quotes_recommendations_equal(trained_parses) -> None:
    _, document, sectioned, whole = trained_parses
    a, b = extract(sectioned, document), extract(whole, document)
    assert records(a) == records(b)
    assert a == b


def test_sections_trained_parse_differs_only_at_cuts(trained_parses) -> None:
    """The model sees less context at a cut; entities and sentences differ nowhere else (here: nowhere)."""
    text, _, sectioned, whole = trained_parses
    cuts = _cuts(text, TRAINED_MAX_CHARS)

    def near_cut(start: int, end: int) -> bool:
        return any(start - 300 <= cut <= end + 300 for cut in cuts)

    ents = {(e.start_char, e.end_char, e.label_) for e in sectioned.ents}
    whole_ents = {(e.start_char, e.end_char, e.label_) for e in whole.ents}
    assert all(near_cut(s, e) for s, e, _ in ents ^ whole_ents)
    sents = {(s.start_char, s.end_char) for s in sectioned.sents}
    whole_sents = {(s.start_char, s.end_char) for s in whole.sents}
    assert all(near_cut(s, e) for s, e in sents ^ whole_sents)
    words = [(t.i, t.pos_, t.lemma_) for t in sectioned if not t.is_space]
    whole_words = [(t.i, t.pos_, t.lemma_) for t in whole if not t.is_space]
    differing = [w for w, v in zip(words, whole_words) if w != v]
    assert len(words) == len(whole_words)
    assert len(differing) <= 2 * len(cuts)


def test_sections_parse_many_equals_one_parse_each(nlp) -> None:
    """Short texts run through the pipeline together (issue 18) get the annotations one parse each gives, and the
    extraction from them is the same; a text longer than a section is left to :func:`parse` (None)."""
    from helsekg.api import process

    texts = [
        ("Regjeringa aukar løyvinga til rusførebygging med 120 millionar kroner i 2026, seier helseministeren.", "nn"),
        ("Helsedirektoratet fordeler 40 millioner kroner til 12 kommuner for å styrke legevakten.", "nb"),
        ("Kommunestyret vedtok å etablere eit nytt dagsenter for personar med demens.", "nn"),
    ]
    long_text = ("Budsjett for helse og omsorg. " * 40).strip()
    docs = parse_many(nlp, [*texts, (long_text, "nb")], max_chars=400)
    assert docs[-1] is None

    def signature(doc):
        return [(t.text, t.tag_, t.dep_, t.head.i, t.lemma_, t.ent_iob_, t.ent_type_) for t in doc]

    for (text, language), together in zip(texts, docs):
        alone = parse(nlp, text, language=language)
        assert signature(together) == signature(alone)
        document = document_from_text(text, source="x.txt", language=language)
        assert process(document, nlp, parsed=together) == process(document, nlp)
