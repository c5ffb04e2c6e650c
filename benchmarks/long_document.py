"""Time and memory of one long document (a budget proposition) through parse, extract and build_graph.

    OMP_NUM_THREADS=1 python benchmarks/long_document.py [--chars 1200000] [--section-chars 100000]
        [--model default|blank] [--seed 14]

Generates a long Bokmål text in the style of a budget proposition (Prop. 1 S): numbered chapters,
"Post" headings and varied paragraphs with amounts, actors, quotes and measures (seeded, so every run
sees the same text). Then times :func:`helsekg.nlp.sections.parse` (the pipeline section by section;
``--section-chars`` at least the text length runs it as one piece), :func:`helsekg.extract.extractor.extract`
and :func:`helsekg.graph.build.build_graph`, and prints words/s per stage and the process's peak RSS
after each stage (``ru_maxrss``; it only grows, so run one configuration per process to compare memory).
"""

from __future__ import annotations

import argparse
import random
import resource
import sys
import time

AREAS = [
    "rusfeltet", "psykisk helse", "allmennlegetjenesten", "helsestasjons- og skolehelsetjenesten",
    "habilitering og rehabilitering", "lindrende behandling", "demensomsorgen", "legevakt i distriktene",
    "kreftomsorgen", "e-helse", "akuttmedisinske tjenester", "tannhelsetjenesten",
]
PLACES = ["Bergen", "Tromsø", "Bodø", "Lillehammer", "Kristiansand", "Molde", "Steinkjer", "Hamar", "Alta", "Arendal"]
COUNTIES = ["Vestland", "Nordland", "Innlandet", "Agder", "Rogaland", "Trøndelag", "Troms", "Finnmark"]
PERSONS = ["Kari Nordmann", "Ola Hansen", "Marit Dahl", "Per Olsen", "Ingrid Berg", "Anne Lise Moen", "Jonas Lie"]
BODIES = ["Helsedirektoratet", "Folkehelseinstituttet", "Direktoratet for e-helse", "Statens helsetilsyn",
          "Helse Sør-Øst RHF", "Helse Nord RHF", "KS"]
POSTS = ["Spesielle driftsutgifter", "Tilskudd til kommuner", "Driftsutgifter", "Tilskudd", "Forsøk og utvikling"]


def paragraph(rng: random.Random) -> str:
    """One paragraph (a quote is its own paragraph, as in press texts and propositions)."""
    n, year = rng.randint(2, 900), rng.choice([2024, 2025, 2026])
    total = n + rng.randint(5, 600)
    area, place, body = rng.choice(AREAS), rng.choice(PLACES), rng.choice(BODIES)
    return rng.choice([
        (f"Regjeringen foreslår {n} millioner kroner til tilskuddsordningen for {area} i {year}. "
         f"{body} skal forvalte ordningen og rapportere til Helse- og omsorgsdepartementet."),
        (f"Bevilgningen til {area} økes med {n},{rng.randint(1, 9)} mill. kroner, til en samlet bevilgning på "
         f"{total} mill. kroner. Økningen skal blant annet dekke {rng.randint(5, 80)} nye stillinger."),
        (f"Statsforvalteren i {rng.choice(COUNTIES)} skal fordele inntil {n} millioner kroner til kommuner som vil "
         f"styrke {area}. Midlene kan brukes til kompetanseheving, rekruttering og nye samarbeidsformer."),
        (f"{place} kommune får {n} millioner kroner til å etablere et nytt lavterskeltilbud innen {area}. "
         f"Tilbudet skal være på plass innen utgangen av {year + 1}."),
        (f"– Dette er et viktig løft for pasientene og de ansatte i {area}, sier helse- og omsorgsminister "
         "Jan Christian Vestre."),
        f"– Vi er svært glade for tildelingen, sier ordfører {rng.choice(PERSONS)} (Ap).",
        (f"{body} har fått i oppdrag å utrede en ny finansieringsmodell for {area}. Utredningen skal ses i "
         f"sammenheng med arbeidet med Nasjonal helse- og samhandlingsplan og leveres innen 1. mars {year + 1}."),
        (f"Det foreslås en bevilgning på {n},{rng.randint(1, 9)} mill. kroner på posten i {year}, en økning på "
         f"{rng.randint(2, 90)} mill. kroner fra saldert budsjett. Departementet foreslår at ordningen videreføres."),
        (f"Helsepersonellkommisjonen anbefaler at kommunene får flere lærlingplasser innen {area}, og at "
         f"{rng.randint(3, 60)} nye utdanningsstillinger opprettes i regionen."),
    ])


def budget_text(chars: int, *, seed: int = 14) -> str:
    """A Prop. 1 S style text of at least ``chars`` characters: chapters, posts and paragraphs."""
    rng = random.Random(seed)
    parts = ["Prop. 1 S (2024–2025) for budsjettåret 2025 Helse- og omsorgsdepartementet", ""]
    size, chapter = sum(len(p) + 1 for p in parts), 700
    while size < chars:
        chapter += rng.randint(1, 4)
        block = [f"Kap. {chapter} {rng.choice(AREAS).capitalize()}", ""]
        for _ in range(rng.randint(1, 4)):
            block += [f"Post {rng.choice([1, 21, 50, 60, 70, 79])} {rng.choice(POSTS)}", ""]
            for _ in range(rng.randint(2, 9)):
                block += [paragraph(rng), ""]
        parts += block
        size += sum(len(p) + 1 for p in block)
    return "\n".join(parts)


def peak_rss_mb() -> float:
    """Peak resident set size of this process so far (ru_maxrss is KB on Linux)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--chars", type=int, default=1_200_000, help="length of the generated text (characters)")
    ap.add_argument("--section-chars", type=int, default=None,
                    help="longest section (default: helsekg.nlp.sections.DEFAULT_SECTION_CHARS)")
    ap.add_argument("--model", choices=["default", "blank"], default="default",
                    help="'default' (the shipped trained model) or 'blank' (rule components only)")
    ap.add_argument("--seed", type=int, default=14)
    args = ap.parse_args()

    from helsekg.extract.extractor import extract
    from helsekg.graph.build import build_graph
    from helsekg.nlp.pipeline import load
    from helsekg.nlp.sections import DEFAULT_SECTION_CHARS, parse, section_bounds
    from helsekg.text import document_from_text

    section_chars = args.section_chars or DEFAULT_SECTION_CHARS
    text = budget_text(args.chars, seed=args.seed)
    document = document_from_text(text, source="prop-1-s-2024-2025.txt")
    words = len(text.split())
    start = time.perf_counter()
    nlp = load(None if args.model == "blank" else "default")
    load_seconds = time.perf_counter() - start
    effective = min(section_chars, nlp.max_length)
    sections = len(section_bounds(text, max_chars=effective)) if len(text) > effective else 1
    print(f"{len(text)} characters, {words} words, {sections} section(s) of at most {effective} characters; "
          f"pipeline: {', '.join(nlp.pipe_names)}", flush=True)
    last = [time.perf_counter()]

    def report(done: int, total: int) -> None:
        now = time.perf_counter()
        if now - last[0] > 15 or done == total:
            last[0] = now
            print(f"  parse: {done:>9} / {total} characters, peak RSS {peak_rss_mb():.0f} MB", file=sys.stderr, flush=True)

    print(f"| {'stage':<19} | {'seconds':>8} | {'words/s':>9} | {'peak RSS MB':>11} |")
    print(f"|{'-' * 21}|{'-' * 9}:|{'-' * 10}:|{'-' * 12}:|")

    def row(name: str, seconds: float, *, rate: bool = True) -> None:
        speed = f"{words / seconds:9.0f}" if rate and seconds else f"{'':>9}"
        print(f"| {name:<19} | {seconds:8.2f} | {speed} | {peak_rss_mb():11.0f} |", flush=True)

    row("load pipeline", load_seconds, rate=False)
    start = time.perf_counter()
    doc = parse(nlp, text, language=document.metadata.language, max_chars=section_chars, progress=report)
    seconds = {"parse": time.perf_counter() - start}
    row("parse (sections)", seconds["parse"])
    start = time.perf_counter()
    extraction = extract(doc, document)
    seconds["extract"] = time.perf_counter() - start
    row("extract", seconds["extract"])
    start = time.perf_counter()
    graph = build_graph([extraction])
    seconds["build_graph"] = time.perf_counter() - start
    row("build_graph", seconds["build_graph"])
    row("parse+extract+graph", sum(seconds.values()))
    print(f"{len(doc)} tokens; {len(extraction.amounts)} amounts, {len(extraction.actors)} actors, "
          f"{len(extraction.measures)} measures, {len(extraction.quotes)} quotes; {len(graph)} triples")


if __name__ == "__main__":
    main()
