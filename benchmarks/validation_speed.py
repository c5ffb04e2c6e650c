"""Milliseconds per document of SHACL validation: pySHACL against the oxigraph engine (helsekg.validate.shacl_sparql).

    OMP_NUM_THREADS=1 python benchmarks/validation_speed.py [FOLDER] [--documents 200] [--model blank|default]

A generated corpus (benchmarks/generate_corpus.py) makes a good FOLDER. The documents are extracted
first (``check=False``); then only the SHACL part of validation is timed, one document graph at a time,
run as ``helsekg.validate.core.validate(graph, engine=...)`` runs it (the Python anchor check, the same for
both engines, is left out). Last, the link nodes of all the documents are validated as focus nodes, as
``helsekg.link.linking.write_links`` does, on the link graph alone and on the whole merged graph. Both
engines must report the same violations; a mismatch is printed. Wall and CPU time are shown, as the
machine may be shared.
"""

from __future__ import annotations

import argparse
import time
from collections import Counter


def _key(violations) -> Counter:
    return Counter((v.focus, v.path, v.value, v.severity, v.shape, v.message) for v in violations)


def timed(func, graphs, **options) -> tuple[float, float, list]:
    """Wall and CPU seconds for validating every graph, and the reports."""
    wall, cpu = time.perf_counter(), time.process_time()
    reports = [func(graph, **options) for graph in graphs]
    return time.perf_counter() - wall, time.process_time() - cpu, reports


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("folder", nargs="?", default="/tmp/scale200")
    ap.add_argument("--documents", type=int, default=200, help="validate at most this many documents")
    ap.add_argument("--model", default="blank", help="'blank' (rule components only) or 'default' (shipped model)")
    args = ap.parse_args()

    import pyshacl
    from rdflib.namespace import RDF

    from helsekg.api import extract_document
    from helsekg.graph.build import new_graph
    from helsekg.link.linking import add_links, link_iri, link_measures
    from helsekg.nlp.pipeline import load
    from helsekg.text import iter_paths, read_document
    from helsekg.validate.core import _violations, load_shapes
    from helsekg.validate.shacl_sparql import compile_shapes

    nlp = load(None if args.model == "blank" else "default")
    paths = list(iter_paths([args.folder]))[: args.documents]
    start = time.perf_counter()
    graphs = [extract_document(read_document(path), nlp, check=False)[0] for path in paths]
    print(f"{len(graphs)} documents from {args.folder} extracted in {time.perf_counter() - start:.1f} s "
          f"({args.model} pipeline: {', '.join(nlp.pipe_names)})")

    start = time.perf_counter()
    compile_shapes(load_shapes())
    print(f"shapes parsed and compiled in {(time.perf_counter() - start) * 1000:.0f} ms (once per process)")

    shapes = load_shapes()
    compiled = compile_shapes(shapes)

    def shacl(graph, engine, focus_nodes=None):
        """The violations, as helsekg.validate.core.validate gets them from each engine."""
        if engine == "oxigraph":
            return compiled.validate(graph, focus_nodes=focus_nodes)
        options = {"focus_nodes": focus_nodes} if focus_nodes is not None else {}
        _, results, _ = pyshacl.validate(graph, shacl_graph=shapes, inference="none", abort_on_first=False,
                                         allow_warnings=True, advanced=False, meta_shacl=False, debug=False,
                                         **options)
        return _violations(results)

    for engine in ("pyshacl", "oxigraph"):  # warm up (imports, caches)
        shacl(graphs[0], engine)
    triples = sum(len(g) for g in graphs)
    rows = {}
    for engine in ("pyshacl", "oxigraph"):
        rows[engine] = timed(shacl, graphs, engine=engine)
    mismatches = sum(_key(a) != _key(b) for a, b in zip(rows["pyshacl"][2], rows["oxigraph"][2]))

    print(f"\nper document graph ({triples / len(graphs):.0f} triples on average, {triples} in all)")
    print(f"{'engine':<10}{'ms/doc':>10}{'CPU ms/doc':>12}{'triples/s':>12}{'violations':>12}")
    for engine, (wall, cpu, reports) in rows.items():
        print(f"{engine:<10}{wall / len(graphs) * 1000:>10.1f}{cpu / len(graphs) * 1000:>12.1f}"
              f"{triples / wall:>12.0f}{sum(map(len, reports)):>12}")
    print(f"speed-up: {rows['pyshacl'][0] / rows['oxigraph'][0]:.1f}x wall, "
          f"{rows['pyshacl'][1] / rows['oxigraph'][1]:.1f}x CPU; documents where the engines differ: {mismatches}")

    merged = new_graph()
    for graph in graphs:
        merged += graph
    links = link_measures(merged)
    link_graph = add_links(new_graph(), links)
    for endpoint in {iri for link in links for iri in (link.measure, link.recommendation)}:
        for kind in merged.objects(endpoint, RDF.type):
            link_graph.add((endpoint, RDF.type, kind))
    focus = [link_iri(link.measure, link.recommendation) for link in links]
    if not focus:
        return
    whole = merged + link_graph
    print(f"\nlink nodes as focus nodes ({len(focus)} links)")
    print(f"{'graph':<26}{'triples':>9}{'pyshacl ms':>12}{'oxigraph ms':>13}{'speed-up':>10}")
    for name, graph in (("link graph (write_links)", link_graph), ("whole merged graph", whole)):
        results = {engine: timed(shacl, [graph], engine=engine, focus_nodes=focus) for engine in ("pyshacl", "oxigraph")}
        same = _key(results["pyshacl"][2][0]) == _key(results["oxigraph"][2][0])
        print(f"{name:<26}{len(graph):>9}{results['pyshacl'][0] * 1000:>12.1f}{results['oxigraph'][0] * 1000:>13.1f}"
              f"{results['pyshacl'][0] / results['oxigraph'][0]:>9.1f}x{'' if same else '  (results differ!)'}")


if __name__ == "__main__":
    main()
