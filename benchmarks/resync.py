"""Re-run cost of ``GraphStore.sync`` after a few documents changed (issue 18: "1 % changed: near free").

    python benchmarks/generate_corpus.py /tmp/scale200 --documents 200
    OMP_NUM_THREADS=1 python benchmarks/resync.py /tmp/scale200 --documents 200 --changed 0.01 [--json out.json]

Copies the first ``--documents`` files to a temporary folder, syncs them into a new store (timed: the
first run), syncs again with nothing changed, then edits ``--changed`` of the files (a sentence appended:
the nodes stay, the edited documents' recommendations get new IRIs) and syncs again, then adds that many
new files (copies of others with a sentence appended: new nodes; the term weights come from the shipped
background, ``helsekg/data/link_idf.json``, so only the measures the new documents reach are rescored) and syncs
again. After each re-run the links graph is compared with a full
:meth:`~helsekg.scale.store.GraphStore.relink` (``links_equal_full``; the relink is not timed in the run).
Each row gives the sync's seconds, how many documents it extracted, and whether it relinked in full.
"""

from __future__ import annotations

import argparse
import json
import shutil
import tempfile
import time
from pathlib import Path

SENTENCE = "\nDette avsnittet er lagt til i en ny versjon av dokumentet.\n"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("folder", type=Path)
    ap.add_argument("--documents", type=int, default=200)
    ap.add_argument("--changed", type=float, default=0.01, help="share of the documents edited, then added")
    ap.add_argument("--model", default="default")
    ap.add_argument("--json", type=Path)
    args = ap.parse_args()

    import pyoxigraph as ox

    from helsekg.scale.store import LINKS_GRAPH, GraphStore

    full_relinks: list[int] = []
    relink = GraphStore.relink

    def counting_relink(self, **options):
        full_relinks.append(1)
        return relink(self, **options)

    GraphStore.relink = counting_relink  # type: ignore[method-assign]
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus"
        corpus.mkdir()
        files = sorted(p for p in args.folder.iterdir() if p.suffix == ".txt")[: args.documents]
        for path in files:
            shutil.copy(path, corpus / path.name)
        k = max(1, round(len(files) * args.changed))
        step = max(1, len(files) // k)
        with GraphStore(Path(tmp) / "store") as store:

            def run(name: str) -> None:
                full_relinks.clear()
                start = time.perf_counter()
                report = store.sync([corpus], model=args.model)
                seconds = time.perf_counter() - start
                row = {"run": name, "seconds": round(seconds, 2), "extracted": len(report.extracted),
                       "unchanged": len(report.unchanged), "links": report.links, "full_relink": bool(full_relinks),
                       "conforms": report.report.conforms and not report.failures}
                links = set(store.store.quads_for_pattern(None, None, None, LINKS_GRAPH))
                union = set(store.store.quads_for_pattern(None, None, None, ox.DefaultGraph()))
                relink(store)
                row["links_equal_full"] = (links == set(store.store.quads_for_pattern(None, None, None, LINKS_GRAPH))
                                           and union == set(store.store.quads_for_pattern(None, None, None,
                                                                                           ox.DefaultGraph())))
                print(json.dumps(row), flush=True)
                rows.append(row)

            run("first sync")
            run("nothing changed")
            for path in sorted(corpus.iterdir())[::step][:k]:
                path.write_text(path.read_text(encoding="utf-8") + SENTENCE, encoding="utf-8")
            run(f"{k} edited")
            for i, path in enumerate(sorted(corpus.iterdir())[1::step][:k]):
                (corpus / f"new-{i:03}.txt").write_text(path.read_text(encoding="utf-8") + SENTENCE * 2,
                                                         encoding="utf-8")
            run(f"{k} added")
    if args.json:
        args.json.write_text(json.dumps(rows, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
