"""Scale benchmarks: words/s and peak memory of streaming extraction, store queries and SHACL.

    python benchmarks/generate_corpus.py /tmp/scale --documents 2000
    OMP_NUM_THREADS=1 python benchmarks/scale.py /tmp/scale [--model default|blank] [--jobs 1 2] [--limit N ...]

Each measurement runs in a fresh Python process so its peak RSS (ru_maxrss of the process and, for
jobs > 1, the largest worker) is its own. Stages:

* ``pipeline``: the spaCy pipeline alone (``helsekg.load()``: model, lemma lookup, actor and amount
  components; ``nlp.pipe`` over the texts, Docs dropped, after one warm-up document), with
  ``n_process`` = each ``--jobs``;
* ``extract``: full streaming extraction to a validated graph in an on-disk store
  (:meth:`helsekg.scale.store.GraphStore.sync`, then :meth:`~helsekg.scale.store.GraphStore.relink` for the
  cross-document links, timed apart), for each ``--jobs`` and each ``--limit``;
* ``novalidate``: the same without SHACL (the difference is the validation time);
* ``queries``: each named query on the store the last ``extract`` made, median of 3 runs
  (``benchmarks/query_scale.py`` times them on a 10-million-triple store);
* ``rdflib``: Turtle writing and the ``funding-by-year`` GROUP BY/SUM query over that store's union,
  Oxigraph against rdflib (rdflib stopped after 120 s);
* ``output``: ``helsekg extract ... -o FILE.nt`` as the CLI runs it (:func:`helsekg.scale.batch.collect_to_file`:
  an on-disk Oxigraph store and merge sort), and ``output-rdflib``, the way before issue 18
  (:func:`~helsekg.scale.batch.collect` into one rdflib Graph, then :func:`helsekg.graph.io.write_graph`), for
  each ``--jobs``: the peak RSS of the main process is what merging costs (with jobs > 1 the pipeline runs in
  the workers).

``--stages`` picks stages (default: all), e.g. ``--stages pipeline extract`` for a long run.
Results and method are in docs/performance.md.
"""

from __future__ import annotations

import argparse
import json
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def _peak_mb() -> tuple[float, float]:
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return round(own, 1), round(children, 1)


_NLP: list = []


def _load_pipeline(model: str) -> None:
    from helsekg.nlp.pipeline import load

    _NLP.append(load(None if model == "blank" else model))


def _pipe(texts: list[str]) -> int:
    return sum(len(doc) for doc in _NLP[0].pipe(texts, batch_size=8))


def stage(args: argparse.Namespace) -> dict:
    from helsekg.text import iter_paths, read_document

    files = [str(p) for p in iter_paths([args.folder])][: args.limit]
    words = sum(len(read_document(p).text.split()) for p in files)
    out: dict = {"stage": args.stage, "documents": len(files), "words": words, "jobs": args.jobs}
    if args.stage == "pipeline":
        from helsekg.nlp.pipeline import load

        texts = [read_document(p).text for p in files]
        if args.jobs == 1:
            nlp = load(None if args.model == "blank" else args.model)
            nlp(texts[0])  # warm-up: the lemma table loads on the first document
            start = time.perf_counter()
            for _ in nlp.pipe(texts, batch_size=8):
                pass
            out["seconds"] = time.perf_counter() - start
        else:  # spaCy's n_process cannot send helsekg's span extensions back, so a pool that returns nothing
            import multiprocessing as mp

            with mp.get_context("spawn").Pool(args.jobs, initializer=_load_pipeline, initargs=(args.model,)) as pool:
                pool.map(_pipe, [texts[:1]] * args.jobs)  # every worker loaded and warm
                start = time.perf_counter()
                pool.map(_pipe, [texts[i : i + 8] for i in range(0, len(texts), 8)])
                out["seconds"] = time.perf_counter() - start
    elif args.stage in ("extract", "novalidate"):
        from helsekg.scale.store import GraphStore

        check = args.stage == "extract"
        start = time.perf_counter()
        with GraphStore(args.store) as store:
            report = store.sync(files, jobs=args.jobs, model=args.model, check=check, link_threshold=None)
            out["documents_seconds"] = round(time.perf_counter() - start, 2)
            linked = time.perf_counter()
            links, links_report = store.relink(check=check)
            out["links_seconds"] = round(time.perf_counter() - linked, 2)
            out["seconds"] = time.perf_counter() - start
            out["triples"] = store.count_triples()
            out["conforms"] = report.report.conforms and links_report.conforms
            out["failures"] = len(report.failures)
            out["links"] = links
    elif args.stage == "queries":
        from helsekg.query.sparql import named_queries, query
        from helsekg.scale.store import GraphStore

        store = GraphStore(args.store, read_only=True)
        out["triples"] = store.count_triples()
        out["latency"] = {}
        for name, path in named_queries().items():
            text = path.read_text(encoding="utf-8")
            runs = []
            for _ in range(3):
                start = time.perf_counter()
                query(store.store, text)
                runs.append(time.perf_counter() - start)
            out["latency"][name] = round(statistics.median(runs), 4)
        out["seconds"] = sum(out["latency"].values())
    elif args.stage == "rdflib":
        out.update(_rdflib_vs_oxigraph(args.store))
    elif args.stage in ("output", "output-rdflib"):
        from helsekg.graph.io import write_graph
        from helsekg.scale.batch import collect, collect_to_file, extract_stream

        target = Path(args.store).with_suffix(".nt")
        stream = extract_stream(files, jobs=args.jobs, model=args.model)
        start = time.perf_counter()
        if args.stage == "output":
            result = collect_to_file(stream, target)
            out["triples"] = result.triples
        else:
            result = collect(stream)
            write_graph(result.graph, target)
            out["triples"] = len(result.graph)
        out["seconds"] = time.perf_counter() - start
        out["conforms"] = result.report.conforms
        out["failures"] = len(result.failures)
    out["peak_mb"], out["peak_worker_mb"] = _peak_mb()
    if out.get("seconds"):
        out["words_per_s"] = round(words / out["seconds"])
        out["seconds"] = round(out["seconds"], 2)
    return out


def _rdflib_vs_oxigraph(folder: str, *, limit: int = 120) -> dict:
    """Turtle writing and one GROUP BY/SUM named query over the store's union, by Oxigraph and by rdflib.

    rdflib's runs stop after ``limit`` seconds (SIGALRM) and are then reported as "> limit".
    """
    import signal

    import pyoxigraph as ox

    from helsekg.graph.build import new_graph
    from helsekg.graph.io import from_oxigraph
    from helsekg.graph.prefixes import PREFIXES
    from helsekg.query.sparql import named_query, query
    from helsekg.scale.store import GraphStore

    def timed(run) -> float | str:
        def stop(*_):
            raise TimeoutError

        signal.signal(signal.SIGALRM, stop)
        signal.alarm(limit)
        start = time.perf_counter()
        try:
            run()
            return round(time.perf_counter() - start, 2)
        except TimeoutError:
            return f"> {limit}"
        finally:
            signal.alarm(0)

    store = GraphStore(folder, read_only=True)
    triples = list(store.triples())
    graph = new_graph()
    out: dict = {"triples": len(triples), "rdflib_load_seconds": timed(lambda: graph.__iadd__(from_oxigraph(triples)))}
    sparql = named_query("funding-by-year")
    out["turtle_oxigraph_seconds"] = timed(lambda: ox.serialize(triples, format=ox.RdfFormat.TURTLE, prefixes=dict(PREFIXES)))
    out["turtle_rdflib_seconds"] = timed(lambda: graph.serialize(format="turtle"))
    out["query_oxigraph_seconds"] = timed(lambda: query(store.store, sparql))
    out["query_rdflib_seconds"] = timed(lambda: list(graph.query(sparql, initNs=dict(PREFIXES))))
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("folder", type=Path)
    ap.add_argument("--model", default="default")
    ap.add_argument("--jobs", type=int, nargs="+", default=[1, 2])
    ap.add_argument("--limit", type=int, nargs="+", default=[None], help="document counts to run extraction at")
    ap.add_argument("--stage", help=argparse.SUPPRESS)
    ap.add_argument("--store", help=argparse.SUPPRESS)
    ap.add_argument("--json", type=Path, help="also write the results here")
    ap.add_argument("--stages", nargs="+", default=["pipeline", "extract", "novalidate", "queries", "rdflib", "output"],
                    help="stages to run (output runs output and output-rdflib)")
    args = ap.parse_args()
    if args.stage:
        args.jobs, args.limit = args.jobs[0], args.limit[0]
        print(json.dumps(stage(args)))
        return

    def run(stage_name: str, jobs: int, limit: int | None, store: Path) -> dict:
        cmd = [sys.executable, __file__, str(args.folder), "--stage", stage_name, "--model", args.model,
               "--jobs", str(jobs), "--store", str(store)] + (["--limit", str(limit)] if limit else [])
        result = json.loads(subprocess.run(cmd, check=True, capture_output=True, text=True).stdout.splitlines()[-1])
        print(json.dumps(result), flush=True)
        return result

    results = []
    stages = set(args.stages)
    with tempfile.TemporaryDirectory() as tmp:
        biggest = max(args.limit, key=lambda n: n or 10**9)
        if "pipeline" in stages:
            for jobs in args.jobs:
                results.append(run("pipeline", jobs, biggest, Path(tmp) / "unused"))
        if "extract" in stages:
            for limit in args.limit:
                for jobs in args.jobs:
                    store = Path(tmp) / f"store-{limit}-{jobs}"
                    results.append(run("extract", jobs, limit, store))
        if "novalidate" in stages:
            results.append(run("novalidate", 1, biggest, Path(tmp) / "store-novalidate"))
        if "queries" in stages:
            results.append(run("queries", 1, biggest, Path(tmp) / f"store-{biggest}-{args.jobs[-1]}"))
        if "rdflib" in stages:
            results.append(run("rdflib", 1, biggest, Path(tmp) / f"store-{biggest}-{args.jobs[-1]}"))
        if "output" in stages:
            for jobs in args.jobs:
                for name in ("output-rdflib", "output"):
                    results.append(run(name, jobs, biggest, Path(tmp) / f"{name}-{jobs}"))
    if args.json:
        args.json.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
