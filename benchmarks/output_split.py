"""Where the time of an ``-o`` run goes: the pipeline inside it, each document's extraction, and the rest.

    OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 python benchmarks/output_split.py FOLDER [--limit N]

Runs :func:`helsekg.scale.batch.collect_to_file` as ``helsekg extract FOLDER -o FILE.nt`` does (one process) and
times, by wrapping them, the two stages that run once per document chunk or document: the spaCy pipeline over a
chunk's short texts (:func:`helsekg.nlp.sections.parse_many`, its first call's warm-up included) and a document's
extraction, graph building, validation and serialisation (:func:`helsekg.scale.worker.document_result`). "Rest" is
everything else: loading the model and data, reading and language identification, the cross-document links, labels,
the merge sort and writing. Results are recorded in docs/performance.md (issue 18).
"""

from __future__ import annotations

import argparse
import json
import tempfile
import time
from pathlib import Path


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("folder", type=Path, help="folder of .txt documents (e.g. from generate_corpus.py)")
    ap.add_argument("--limit", type=int, default=200, help="documents to run (default 200)")
    args = ap.parse_args()

    import helsekg.nlp.sections as sections
    import helsekg.scale.worker as worker

    spent = {"pipeline": 0.0, "documents": 0.0}

    def timed(function, key):
        def wrapper(*a, **k):
            start = time.perf_counter()
            try:
                return function(*a, **k)
            finally:
                spent[key] += time.perf_counter() - start
        return wrapper

    # worker.document_results looks both up at call time: parse_many in its module, document_result in worker's
    sections.parse_many = timed(sections.parse_many, "pipeline")
    worker.document_result = timed(worker.document_result, "documents")

    from helsekg.scale.batch import collect_to_file, extract_stream

    files = sorted(args.folder.glob("*.txt"))[: args.limit]
    with tempfile.TemporaryDirectory() as tmp:
        start = time.perf_counter()
        result = collect_to_file(extract_stream(files, jobs=1), Path(tmp) / "out.nt")
        total = time.perf_counter() - start
    print(json.dumps({"documents": len(files), "triples": result.triples, "seconds": round(total, 2),
                      "pipeline": round(spent["pipeline"], 2), "documents_seconds": round(spent["documents"], 2),
                      "rest": round(total - spent["pipeline"] - spent["documents"], 2),
                      "ms_per_document": round(1000 * spent["documents"] / max(1, len(files)), 1)}))


if __name__ == "__main__":
    main()
