"""The background frequencies that weigh the linker's terms: how many measures and recommendations use each term.

A shared term weighs its IDF (:func:`helsekg.link.linking.term_idf`). The document frequencies come from a fixed
background corpus, shipped in ``helsekg/data/link_idf.json``, not from the graph being linked:

* a word is generic in Norwegian health policy ("kommune", "tilbod", "prosjekt") whatever the user's corpus holds:
  counted over a few hundred public texts it weighs the same in a five-document corpus as in a store of ten thousand;
* a pair's score depends on the two nodes alone, so adding or removing documents leaves every other pair's score as
  it was, and a store relinks only the measures the change reaches (issue 18, "relink only what changed").

The background is the measures and recommendations helsekg extracts from the real texts of ``gold/real/dev``
(public pages of ministries, directorates, health trusts, counties and municipalities; Bokmål and Nynorsk; see
``gold/real/README.md``). Rebuild it whenever the term analysis (:func:`helsekg.extract.themes.term_stems`) or the
extraction changes much::

    python -m helsekg.evaluation.link_background gold/real/dev/texts -o helsekg/data/link_idf.json

``probe`` keeps the shown form of the most frequent terms: ``tests/test_link_background.py`` checks that the
current term analysis still gives each of them its stem, so a changed stemmer cannot silently leave the table
behind.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections import Counter
from collections.abc import Iterable, Sequence
from pathlib import Path

from rdflib import Graph

from helsekg.extract.themes import ThemeScheme, term_stems

__all__ = ["PROBE_TERMS", "background_counts", "build_background", "main"]

#: How many of the most frequent terms keep a shown form for the staleness check.
PROBE_TERMS = 200


def background_counts(graph: Graph, *, scheme: ThemeScheme | None = None) -> dict:
    """The node count, per-term node counts and probe forms of the measures and recommendations in ``graph``."""
    from helsekg.link.linking import read_nodes

    scheme = scheme or ThemeScheme.load()
    nodes = read_nodes(graph, scheme=scheme)
    df: Counter[str] = Counter(term for node in nodes for term in node.terms)
    shown: dict[str, str] = {}
    for node in nodes:
        for text in node.texts:
            for stem, form in term_stems(text, scheme=scheme):
                # a form that gives its stem on its own (not a suspended part: "frisklivs-, lærings- og ...")
                if stem not in shown and stem in {s for s, _ in term_stems(form, scheme=scheme)}:
                    shown[stem] = form
    frequent = sorted(df, key=lambda t: (-df[t], t))[:PROBE_TERMS]
    return {
        "nodes": len(nodes),
        "measures": sum(1 for n in nodes if n.kind == "measure"),
        "recommendations": sum(1 for n in nodes if n.kind == "recommendation"),
        "df": dict(sorted(df.items())),
        "probe": {shown[t]: t for t in frequent if t in shown},
    }


def build_background(paths: Iterable[str | os.PathLike[str]], *, model: str = "default") -> dict:
    """Extract ``paths`` (files or folders) and count their terms (:func:`background_counts`)."""
    from helsekg.api import extract_paths
    from helsekg.nlp.pipeline import load

    result = extract_paths(list(paths), nlp=load(None if model == "blank" else model), check=False,
                           link_threshold=None)
    if result.failures:
        raise ValueError("; ".join(str(f) for f in result.failures))
    counts = background_counts(result.graph)
    counts["documents"] = len(result.documents)
    return counts


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m helsekg.evaluation.link_background",
                                 description=__doc__.splitlines()[0])
    ap.add_argument("paths", nargs="+", type=Path, help="files or folders of the background corpus")
    ap.add_argument("-o", "--output", type=Path, required=True, help="the JSON file to write")
    ap.add_argument("--model", default="default")
    args = ap.parse_args(argv)
    counts = build_background(args.paths, model=args.model)
    data = {
        "_source": "Document frequencies of the linker's terms over the measures and recommendations helsekg extracts "
                   f"from {', '.join(p.as_posix() for p in args.paths)} (public Norwegian health-policy texts); built "
                   "by python -m helsekg.evaluation.link_background.",
        "_licence": "CC0-1.0 (counts of words)",
        "_doc": "IDF of a term = ln((1 + nodes) / (1 + df[term])) + 1 (a term not in df: df 0). probe: shown form -> "
                "stem of the most frequent terms, checked against the current term analysis by the tests.",
        **counts,
    }
    tmp = args.output.with_name(args.output.name + ".tmp")
    tmp.write_text(json.dumps(data, ensure_ascii=False, indent=0, sort_keys=False) + "\n", encoding="utf-8")
    os.replace(tmp, args.output)
    print(f"{counts['nodes']} nodes ({counts['measures']} measures, {counts['recommendations']} recommendations) "
          f"from {counts['documents']} documents, {len(counts['df'])} terms -> {args.output}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
