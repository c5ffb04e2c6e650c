"""Time and memory of helsekg.text.formats.pdf_to_text on a long generated Norwegian report.

    python benchmarks/long_pdf.py [--pages 300] [--repeat 3] [--keep FILE.pdf] [--extract [--model blank]]

Builds a report with reportlab in a temporary folder (a bookmarked chapter heading, section
headings and varied Bokmål/Nynorsk health-policy paragraphs flowing over the pages), then reports
pages, characters, headings, the best of ``--repeat`` timings of pdf_to_text, the language check
(identify_language) and the peak Python memory of one extraction (tracemalloc; PDFium's own C
allocations are not traced, so the process's peak RSS is printed too). With ``--extract`` the whole
extraction runs too (``helsekg.api.extract_paths`` on the PDF: reading, the pipeline section by
section, records, graph, validation), with its time, words per second and the process's peak RSS.
"""

from __future__ import annotations

import argparse
import random
import resource
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

SUBJECTS = [
    "Regjeringen", "Helse- og omsorgsdepartementet", "Helsedirektoratet", "Folkehelseinstituttet",
    "Helse Sør-Øst RHF", "Kommunene", "Statsforvalteren", "Direktoratet for e-helse",
]
VERBS = [
    "foreslår å bevilge", "vil sette av", "øker bevilgningen med", "styrker satsingen med",
    "prioriterer", "viderefører",
]
AMOUNTS = ["50 millioner kroner", "2,2 milliarder kroner", "1 250 000 kroner", "om lag 300 millioner kroner",
           "inntil 75 millioner kroner", "minst 12 millioner kroner"]
PURPOSES = [
    "til rekruttering av fastleger i distriktskommuner",
    "til flere årsverk i hjemmetjenestene og helsestasjonene",
    "til et nasjonalt program for psykisk helse blant barn og unge",
    "til kompetanseheving for ansatte i sykehjem",
    "til digital hjemmeoppfølging av pasienter med kroniske sykdommer",
    "til tiltak mot rus og avhengighet i kommunene",
]
FOLLOW_UPS = [
    "Tiltaket skal evalueres innen utgangen av 2026, og resultatene skal legges fram for Stortinget.",
    "Departementet forventer at midlene går til flere årsverk og ikke til administrasjon.",
    "Helse- og omsorgsministeren sier at samarbeidet mellom sykehus og kommuner må bli bedre.",
    "Ordningen skal forvaltes av Helsedirektoratet i samarbeid med KS.",
]
NYNORSK = [
    "Regjeringa føreslår å løyve 40 millionar kroner til eit nytt tilskot for å rekruttere fastlegar i "
    "distriktskommunar, der mange har vore utan fast lege i lang tid.",
    "Kommunane skal sjølve prioritere korleis pengane skal brukast, men departementet ventar at dei går "
    "til fleire årsverk for sjukepleiarar og jordmødrer.",
]
SECTIONS = ["Bakgrunn", "Forslag til tiltak", "Økonomiske og administrative konsekvenser", "Oppfølging"]


def paragraph(rng: random.Random) -> str:
    sentences = []
    for _ in range(rng.randint(2, 4)):
        sentences.append(f"{rng.choice(SUBJECTS)} {rng.choice(VERBS)} {rng.choice(AMOUNTS)} {rng.choice(PURPOSES)}.")
    sentences.append(rng.choice(FOLLOW_UPS))
    if rng.random() < 0.1:
        sentences.append(rng.choice(NYNORSK))
    return " ".join(sentences)


def build_pdf(path: Path, pages: int, *, seed: int = 14) -> int:
    """Write a report of at least ``pages`` pages to ``path``; return its page count."""
    chapters = max(1, pages // 4 + 1)
    while True:
        built = _build(path, chapters, seed=seed)
        if built >= pages:
            return built
        chapters = chapters * pages // built + 1


def _build(path: Path, chapters: int, *, seed: int) -> int:
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate

    class Report(SimpleDocTemplate):
        def afterFlowable(self, flowable):  # bookmark the headings so the PDF has an outline
            style = getattr(flowable, "style", None)
            if style is not None and style.name in ("Heading1", "Heading2"):
                key = f"h{id(flowable)}"
                self.canv.bookmarkPage(key)
                self.canv.addOutlineEntry(flowable.getPlainText(), key, level=int(style.name[-1]) - 1)

    rng = random.Random(seed)
    styles = getSampleStyleSheet()
    doc = Report(str(path), pagesize=A4, title="Statsbudsjettet 2025 – helse og omsorg",
                 author="Helse- og omsorgsdepartementet")
    story = []
    for chapter in range(1, chapters + 1):  # a chapter is 4 sections of 7 paragraphs, about 3.5 pages
        purpose = rng.choice(PURPOSES).removeprefix("til ").capitalize()
        story.append(Paragraph(f"{chapter} Kapittel {chapter}: {purpose}", styles["Heading1"]))
        for number in range(28):
            if number % 7 == 0:
                section = SECTIONS[number // 7]
                story.append(Paragraph(f"{chapter}.{number // 7 + 1} {section}", styles["Heading2"]))
            story.append(Paragraph(paragraph(rng), styles["BodyText"]))
        story.append(PageBreak())
    doc.build(story)
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(str(path))
    try:
        return len(pdf)
    finally:
        pdf.close()


def _extract(path: Path, model: str) -> list[tuple[str, str]]:
    """The whole extraction of the PDF at ``path``: time, words/s, graph size and peak RSS."""
    from helsekg.api import extract_paths
    from helsekg.nlp.pipeline import load

    nlp = load(None if model == "blank" else model)
    start = time.perf_counter()
    result = extract_paths([path], nlp=nlp, link_threshold=None)
    seconds = time.perf_counter() - start
    from helsekg.text import read_document

    words = len(read_document(path).text.split())
    if result.failures:
        raise SystemExit(f"extraction failed: {[str(f) for f in result.failures]}")
    return [
        (f"extract_paths, model {model} (read + pipeline + records + graph + validation)", f"{seconds:.1f} s"),
        ("extraction words per second", f"{words / seconds:,.0f}"),
        ("triples / conforms", f"{len(result.graph):,} / {result.report.conforms}"),
        ("peak RSS of the process, after the whole extraction",
         f"{resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB"),
    ]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--pages", type=int, default=300, help="pages to generate (at least; chapters are not cut)")
    ap.add_argument("--repeat", type=int, default=3, help="time the extraction this many times, report the best")
    ap.add_argument("--keep", type=Path, help="also save the generated PDF here")
    ap.add_argument("--extract", action="store_true", help="also run the whole extraction on the PDF")
    ap.add_argument("--model", default="default", help="pipeline for --extract: default or blank")
    args = ap.parse_args()

    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    from helsekg.text.formats import pdf_to_text
    from helsekg.text.language import identify_language

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "rapport.pdf"
        start = time.perf_counter()
        pages = build_pdf(path, args.pages)
        generate_s = time.perf_counter() - start
        data = path.read_bytes()
        if args.keep:
            args.keep.write_bytes(data)
        extract_rows = _extract(path, args.model) if args.extract else []

    timings = []
    for _ in range(max(1, args.repeat)):
        start = time.perf_counter()
        result = pdf_to_text(data, path="rapport.pdf")
        timings.append(time.perf_counter() - start)
    tracemalloc.start()
    pdf_to_text(data, path="rapport.pdf")
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    rss_extract_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux
    start = time.perf_counter()
    guess = identify_language(result.text)
    language_s = time.perf_counter() - start
    rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

    assert len(result.page_starts) == pages
    rows = [
        ("pages", f"{pages}"),
        ("PDF size", f"{len(data) / 1e6:.2f} MB"),
        ("characters", f"{len(result.text):,}"),
        ("words", f"{len(result.text.split()):,}"),
        ("headings (outline)", f"{len(result.headings)}"),
        ("generate PDF (reportlab)", f"{generate_s:.2f} s"),
        (f"pdf_to_text (best of {len(timings)})", f"{min(timings):.3f} s"),
        ("pdf_to_text per page", f"{1000 * min(timings) / pages:.2f} ms"),
        ("pages per second", f"{pages / min(timings):,.0f}"),
        ("peak Python memory (tracemalloc)", f"{peak / 1e6:.1f} MB"),
        ("peak RSS of the process, after extraction", f"{rss_extract_mb:.0f} MB"),
        ("peak RSS of the process, after identify_language", f"{rss_mb:.0f} MB"),
        (f"identify_language, first call -> {guess.code} ({guess.confidence:.2f})", f"{language_s:.3f} s"),
    ]
    rows += extract_rows
    width = max(len(name) for name, _ in rows)
    print(f"{'measure':<{width}}  value")
    for name, value in rows:
        print(f"{name:<{width}}  {value}")


if __name__ == "__main__":
    main()
