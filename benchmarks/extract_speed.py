"""Words per second of helsekg's stages on a corpus folder (default: corpus/, repeated).

    OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 python benchmarks/extract_speed.py [FOLDER] [--repeat N] [--model blank|default]

Reports, for the same documents: reading, the spaCy pipeline alone, extraction to records, RDF
building, SHACL + anchor validation per document, and Turtle writing through Oxigraph vs rdflib.
Results and method are recorded in docs/performance.md.
"""

from __future__ import annotations

import argparse
import resource
import tempfile
import time
from pathlib import Path


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("folder", nargs="?", default="corpus")
    ap.add_argument("--repeat", type=int, default=10, help="process the folder this many times")
    ap.add_argument("--model", default="default", help="'default' (shipped model) or 'blank'")
    args = ap.parse_args()

    from helsekg.api import document_graph
    from helsekg.extract.extractor import extract
    from helsekg.graph.build import document_iri, new_graph
    from helsekg.graph.io import serialize
    from helsekg.nlp.pipeline import load
    from helsekg.text import iter_paths, read_document
    from helsekg.validate.core import validate

    nlp = load(None if args.model == "blank" else "default")
    paths = list(iter_paths([args.folder])) * args.repeat
    timings: dict[str, float] = {}

    def timed(name, func, *a, **kw):
        start = time.perf_counter()
        value = func(*a, **kw)
        timings[name] = timings.get(name, 0.0) + time.perf_counter() - start
        return value

    documents = [timed("read", read_document, p) for p in paths]
    words = sum(len(d.text.split()) for d in documents)
    docs = [timed("spacy pipeline", nlp, d.text) for d in documents]
    extractions = [timed("extract records", extract, doc, d) for doc, d in zip(docs, documents)]
    graphs = [timed("build RDF", document_graph, e) for e in extractions]
    for graph, d in zip(graphs, documents):
        timed("validate (SHACL + anchors)", validate, graph, texts={str(document_iri(d.id)): d.text})
    merged = new_graph()
    for graph in graphs:
        merged += graph
    timed("write Turtle (Oxigraph)", serialize, merged)
    with tempfile.TemporaryDirectory() as tmp:
        timed("write Turtle (rdflib)", merged.serialize, str(Path(tmp) / "g.ttl"), "turtle")

    print(f"{len(documents)} documents, {words} words, {len(merged)} triples, pipeline: {', '.join(nlp.pipe_names)}")
    print(f"{'stage':<30}{'seconds':>10}{'words/s':>12}")
    for name, seconds in timings.items():
        print(f"{name:<30}{seconds:>10.2f}{words / seconds if seconds else float('inf'):>12.0f}")
    total = sum(v for k, v in timings.items() if "rdflib" not in k)
    print(f"{'end to end (Oxigraph writer)':<30}{total:>10.2f}{words / total:>12.0f}")
    print(f"peak RSS: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")


if __name__ == "__main__":
    main()
