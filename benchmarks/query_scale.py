"""Named-query latency on a large store: replicate a real store's documents to N triples and time each query.

    helsekg extract /tmp/scale200 --store /tmp/qbase --model default
    python benchmarks/query_scale.py /tmp/qbase --store /tmp/q10m [--triples 10000000] [--json q10m.json]
    python benchmarks/query_scale.py --store /tmp/q10m --no-load                 # time an existing store again
    python benchmarks/query_scale.py --store /tmp/q10m --no-load --queries DIR   # other .rq files (e.g. old ones)

Building the store. The named graphs of the base store (made by ``helsekg extract --store``, links
included) are serialised once as N-Quads, cut at the places where a copy suffix goes, and written K
times into a new on-disk Oxigraph store, one ``Store.bulk_load`` per copy fed by a stream (no Python
list of quads; the loader's buffer is bounded by one copy). Copy 0 is the base as is; copy k appends
``-ck`` to the IRIs that are local to a document, so each copy is a new set of documents:

* copied (suffixed) under ``https://w3id.org/helsekg/id/``: ``doc/``, ``mention/``, ``measure/``,
  ``amount/``, ``quantity/``, ``recommendation/``, ``quote/``, ``goal/``, ``target-group/``,
  ``link/``, and the document graph names ``graph/doc/``; also the ``dcterms:source`` literal (so
  each copy is a distinct file to :meth:`helsekg.scale.store.GraphStore.documents`);
* shared by all copies, as in a real corpus where the same organisations, people and themes recur:
  ``actor/`` (organisations and persons; roles are literals on them) and ``theme/`` (the concept
  scheme), and the one links graph ``graph/links``, which holds every copy's links as
  :meth:`helsekg.scale.store.GraphStore.relink` would.

Measures (``measure/{key}``) are shared by the documents of one corpus, but a corpus 50 times larger
names many more measures, so they are copied: shared, a few measures would get thousands of amounts
each. Target groups likewise. Like :class:`helsekg.scale.store.GraphStore`, the store also keeps the set
union of the named graphs in its default graph (``--no-union`` leaves it out, the older layout): each
copy adds its local triples, the shared ones are written once. K is the smallest number of copies
whose union has at least ``--triples`` distinct triples, computed from the base (shared + K x local).
The store is compacted with ``Store.optimize()`` at the end (timed apart).

Timing. Each query (``helsekg/queries/*.rq``, or ``--queries DIR``) runs in a fresh Python process
that opens the store read-only and calls :func:`helsekg.query.sparql.query` (Oxigraph; the default graph,
i.e. the union, as a store made by GraphStore is queried; every row converted to Python strings as
the CLI and API do): the first run is "cold" (new process and Oxigraph caches; the OS page cache is
not dropped), then the median of ``--warm`` runs; with the row count and the process's peak RSS
(VmHWM). A query still running after ``--timeout`` seconds is killed and reported as such.
"""

from __future__ import annotations

import argparse
import io
import json
import math
import re
import resource
import shutil
import statistics
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

ID = "https://w3id.org/helsekg/id/"
#: document-local kinds of node under ID; every other IRI (actor/, theme/, graph/links, ontology terms) is shared
COPIED = ("doc", "mention", "measure", "amount", "quantity", "recommendation", "quote", "goal", "target-group",
          "link", "graph/doc")
_SOURCE = "<http://purl.org/dc/terms/source>"
# the places where a copy suffix goes: before the ">" of a copied IRI, before the closing quote of a
# dcterms:source literal
_SPLIT = re.compile(
    r"<" + re.escape(ID) + r"(?:" + "|".join(re.escape(k) for k in COPIED) + r")/[^>]*(?=>)"
    r"|" + re.escape(_SOURCE) + r' "(?:[^"\\]|\\.)*(?=")'
)
_COPIED_IRIS = tuple(f"{ID}{kind}/" for kind in COPIED)


def _peak_mb() -> float:
    """This process's peak RSS (VmHWM: ru_maxrss would carry the parent's peak over fork and exec)."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return round(int(line.split()[1]) / 1024, 1)
    except OSError:
        pass
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)


def _disk_mb(path: Path) -> float:
    return round(sum(f.stat().st_size for f in path.rglob("*") if f.is_file()) / 2**20, 1)


def _split(text: str) -> list[str]:
    """``text`` cut right after each place where a copy suffix goes."""
    parts, last = [], 0
    for match in _SPLIT.finditer(text):
        parts.append(text[last:match.end()])
        last = match.end()
    parts.append(text[last:])
    return parts


@dataclass
class Template:
    """The base store ready for copying: N-Quads text cut at the copy-suffix places.

    Attributes:
        quads: the named graphs' quads, split.
        local: the union's triples that are local to a document (a new one in each copy), split.
        shared: the union's triples every copy shares (written once).
        named_quads, local_triples, shared_triples: their counts.
    """

    quads: list[str]
    local: list[str]
    shared: str
    named_quads: int
    local_triples: int
    shared_triples: int

    def copies_for(self, triples: int) -> int:
        """The fewest copies whose union holds at least ``triples`` distinct triples."""
        return max(1, math.ceil((triples - self.shared_triples) / self.local_triples))

    def chunks(self, k: int, *, union: bool = True) -> Iterator[bytes]:
        """N-Quads of copy ``k``: its named graphs, then (``union``) its part of the default graph."""
        suffix = "" if k == 0 else f"-c{k}"
        yield suffix.join(self.quads).encode("utf-8")
        if union:
            yield suffix.join(self.local).encode("utf-8")
            if k == 0:
                yield self.shared.encode("utf-8")


def template(base: Path) -> Template:
    """Read the base store's named graphs (its default graph, if any, is left out and rebuilt)."""
    import pyoxigraph as ox

    store = ox.Store.read_only(str(base))
    default = ox.DefaultGraph()
    quads = [q for q in store if q.graph_name != default]
    if any(isinstance(t, ox.BlankNode) for q in quads for t in (q.subject, q.object, q.graph_name)):
        raise SystemExit(f"{base}: blank nodes are not supported (helsekg mints an IRI for every node)")

    def copied(term: object) -> bool:
        return isinstance(term, ox.NamedNode) and term.value.startswith(_COPIED_IRIS)

    shared, local = set(), set()
    for quad in quads:
        t = quad.triple
        is_local = copied(t.subject) or copied(t.object) or t.predicate.value == _SOURCE[1:-1]
        (local if is_local else shared).add(t)
    nquads = ox.serialize(quads, format=ox.RdfFormat.N_QUADS).decode("utf-8")
    local_text = ox.serialize(local, format=ox.RdfFormat.N_TRIPLES).decode("utf-8")
    shared_text = ox.serialize(shared, format=ox.RdfFormat.N_TRIPLES).decode("utf-8")
    return Template(_split(nquads), _split(local_text), shared_text, len(quads), len(local), len(shared))


class ChunkStream(io.RawIOBase):
    """A read-only byte stream over an iterator of byte chunks (for ``Store.bulk_load``)."""

    def __init__(self, chunks: Iterator[bytes]) -> None:
        self._chunks = chunks
        self._buffer = memoryview(b"")

    def readable(self) -> bool:
        return True

    def readinto(self, target) -> int:  # type: ignore[override]
        while not self._buffer:
            chunk = next(self._chunks, None)
            if chunk is None:
                return 0
            self._buffer = memoryview(chunk)
        n = min(len(target), len(self._buffer))
        target[:n] = self._buffer[:n]
        self._buffer = self._buffer[n:]
        return n


def build(base: Path, out: Path, triples: int, *, union: bool = True) -> dict:
    """Replicate ``base`` into a new store at ``out`` until it holds at least ``triples`` distinct triples."""
    import pyoxigraph as ox

    start = time.perf_counter()
    base_store = template(base)
    copies = base_store.copies_for(triples)
    if out.exists():
        shutil.rmtree(out)
    store = ox.Store(str(out))
    prepared = time.perf_counter()
    for k in range(copies):  # one bulk load per copy bounds the loader's memory (it buffers a whole call)
        chunks = base_store.chunks(k, union=union)
        store.bulk_load(io.BufferedReader(ChunkStream(chunks), buffer_size=1 << 20), format=ox.RdfFormat.N_QUADS)
    store.flush()
    loaded = time.perf_counter()
    store.optimize()
    optimized = time.perf_counter()
    distinct = base_store.shared_triples + base_store.local_triples * copies
    return {
        "base": str(base), "store": str(out), "copies": copies,
        "documents": sum(1 for g in store.named_graphs() if isinstance(g, ox.NamedNode) and "/graph/doc/" in g.value),
        "triples": distinct, "quads": base_store.named_quads * copies + (distinct if union else 0),
        "union_in_default_graph": union,
        "prepare_s": round(prepared - start, 1), "load_s": round(loaded - prepared, 1),
        "optimize_s": round(optimized - loaded, 1), "disk_mb": _disk_mb(out), "peak_mb": _peak_mb(),
    }


def time_query(store_path: Path, query_file: Path, warm: int) -> dict:
    """Cold and warm latency of one query on a freshly opened store (run in its own process)."""
    import pyoxigraph as ox

    from helsekg.query.sparql import query

    text = query_file.read_text(encoding="utf-8")
    opened = time.perf_counter()
    store = ox.Store.read_only(str(store_path))
    out: dict = {"query": query_file.stem, "open_s": round(time.perf_counter() - opened, 3)}
    start = time.perf_counter()
    result = query(store, text)
    out["cold_s"] = round(time.perf_counter() - start, 3)
    out["rows"] = len(result.rows)
    del result
    runs = []
    for _ in range(warm):
        start = time.perf_counter()
        query(store, text)
        runs.append(time.perf_counter() - start)
    out["warm_s"] = round(statistics.median(runs), 3) if runs else None
    out["peak_mb"] = _peak_mb()
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("base", type=Path, nargs="?", help="a store made by helsekg extract --store (with links)")
    ap.add_argument("--store", type=Path, required=True, help="the store folder to build (replaced) or reuse")
    ap.add_argument("--triples", type=int, default=10_000_000, help="distinct triples to reach [10,000,000]")
    ap.add_argument("--no-union", action="store_true",
                    help="leave the default graph empty (the layout before the store kept the union there)")
    ap.add_argument("--no-load", action="store_true", help="time the queries on --store as it is")
    ap.add_argument("--queries", type=Path, help="a folder of .rq files instead of helsekg's named queries")
    ap.add_argument("--only", nargs="+", metavar="NAME", help="time only these queries")
    ap.add_argument("--warm", type=int, default=3, help="warm runs per query (the median is reported) [3]")
    ap.add_argument("--timeout", type=float, default=600, help="seconds before a query's process is killed [600]")
    ap.add_argument("--json", type=Path, help="also write the results here")
    ap.add_argument("--time-one", type=Path, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.time_one:
        print(json.dumps(time_query(args.store, args.time_one, args.warm)))
        return

    results: dict = {}
    if not args.no_load:
        if args.base is None:
            ap.error("the base store is needed to build --store (or give --no-load)")
        results["build"] = build(args.base, args.store, args.triples, union=not args.no_union)
        print(json.dumps(results["build"]), flush=True)
    else:
        results["build"] = {"store": str(args.store), "disk_mb": _disk_mb(args.store)}
    if args.queries:
        files = sorted(args.queries.glob("*.rq"))
    else:
        from helsekg.query.sparql import named_queries

        files = list(named_queries().values())
    if args.only:
        files = [f for f in files if f.stem in args.only]
    results["queries"] = []
    for path in files:
        cmd = [sys.executable, __file__, "--store", str(args.store), "--time-one", str(path), "--warm", str(args.warm)]
        try:
            done = subprocess.run(cmd, check=True, capture_output=True, text=True, timeout=args.timeout)
            row = json.loads(done.stdout.splitlines()[-1])
        except subprocess.TimeoutExpired:
            row = {"query": path.stem, "timeout_s": args.timeout}
        results["queries"].append(row)
        print(json.dumps(row), flush=True)
    print(table(results["queries"]))
    if args.json:
        args.json.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")


def table(rows: list[dict]) -> str:
    """The latencies as a fixed-width table."""
    lines = [f"{'query':40} {'cold s':>8} {'warm s':>8} {'rows':>9} {'peak MB':>8}"]
    for r in rows:
        if "timeout_s" in r:
            lines.append(f"{r['query']:40} {'> ' + str(int(r['timeout_s'])):>8} {'':>8} {'':>9} {'':>8}")
        else:
            lines.append(f"{r['query']:40} {r['cold_s']:8.3f} {r['warm_s'] or 0:8.3f} {r['rows']:9d} {r['peak_mb']:8.1f}")
    return "\n".join(lines)


if __name__ == "__main__":
    main()
