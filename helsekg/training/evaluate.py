"""Score a trained pipeline on the NorNE UD test split, Bokmål and Nynorsk separately.

    python -m helsekg.training.evaluate training/output/model-best --norne ../shared/data/norne [--json]

Gold documents are rebuilt from NorNE with :mod:`helsekg.training.convert` (the same UD test
sentences, 10 per doc, NDT trees), so nothing but the model has to be on disk. By default the
pipeline sees the gold tokens (the usual setting for NorNE/UD tagging and parsing scores);
``--raw`` runs the model's own tokenizer on the text instead and adds token accuracy; ``--sentence-periods`` then
puts ``helsekg_sentence_periods`` first, as :func:`helsekg.nlp.pipeline.load` does (MODEL.md).
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Sequence
from pathlib import Path

METRICS = (
    ("ents_f", "NER F1"), ("ents_p", "NER P"), ("ents_r", "NER R"), ("pos_acc", "UPOS"),
    ("morph_acc", "morph"), ("lemma_acc", "lemma"), ("dep_uas", "UAS"), ("dep_las", "LAS"),
    ("sents_f", "sent F"), ("token_acc", "tokens"),
)


def gold_docs(nlp, norne_dir: Path, split: str = "test") -> dict[str, list]:
    """Gold ``Doc`` objects per variety for the UD ``split`` (``dev`` or ``test``)."""
    from helsekg.training.convert import VARIETIES, group, load_norne, sentences_to_doc

    splits = load_norne(Path(norne_dir))
    return {v: [sentences_to_doc(nlp.vocab, chunk) for chunk in group(getattr(splits[v], split))]
            for v in VARIETIES}


def evaluate_model(model_dir: str | Path, norne_dir: str | Path, *, split: str = "test", raw: bool = False,
                   batch_size: int = 64, sentence_periods: bool = False) -> dict:
    """Evaluate ``model_dir`` on NorNE UD ``split``; returns ``{variety: {metric: value, "ents_per_type": ...}}``.

    Scores are fractions in [0, 1]; ``words`` and ``sentences`` count the gold data, ``words_per_second``
    is the pipeline speed during the evaluation (including scoring).
    """
    import time

    import spacy
    from spacy.tokens import Doc
    from spacy.training import Example

    from helsekg.nlp.fastops import use_numpy_gemm

    use_numpy_gemm()
    nlp = spacy.load(model_dir)
    if sentence_periods:
        import helsekg.nlp.tokens  # noqa: F401  (registers the factory)

        nlp.add_pipe("helsekg_sentence_periods", first=True)
    results = {}
    for variety, docs in gold_docs(nlp, Path(norne_dir), split).items():
        if raw:
            examples = [Example(nlp.make_doc(d.text), d) for d in docs]
        else:
            examples = [Example(Doc(nlp.vocab, words=[t.text for t in d], spaces=[bool(t.whitespace_) for t in d]), d)
                        for d in docs]
        start = time.perf_counter()
        scores = nlp.evaluate(examples, batch_size=batch_size)
        seconds = time.perf_counter() - start
        n_words = sum(len(d) for d in docs)
        row = {key: scores.get(key) for key, _ in METRICS}
        if not raw:
            row["token_acc"] = None  # gold tokens: nothing to score
        row["ents_per_type"] = scores.get("ents_per_type") or {}
        row.update(words=n_words, sentences=sum(len(list(d.sents)) for d in docs),
                   words_per_second=n_words / seconds if seconds else None)
        results[variety] = row
    return results


def format_table(results: dict) -> str:
    """Plain-text table of :func:`evaluate_model`'s output (percentages)."""
    varieties = list(results)
    lines = [f"{'metric':<14}" + "".join(f"{v:>10}" for v in varieties)]
    for key, label in METRICS:
        if all(results[v].get(key) is None for v in varieties):
            continue
        lines.append(f"{label:<14}" + "".join(
            f"{100 * results[v][key]:>10.2f}" if results[v].get(key) is not None else f"{'-':>10}"
            for v in varieties))
    types = sorted({t for v in varieties for t in results[v]["ents_per_type"]})
    for t in types:
        lines.append(f"{'F1 ' + t:<14}" + "".join(
            f"{100 * results[v]['ents_per_type'].get(t, {}).get('f', 0.0):>10.2f}" for v in varieties))
    lines.append(f"{'words':<14}" + "".join(f"{results[v]['words']:>10}" for v in varieties))
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> None:
    """Command line entry point."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("model_dir", type=Path)
    ap.add_argument("--norne", type=Path, default=Path("../shared/data/norne"))
    ap.add_argument("--split", choices=("dev", "test"), default="test")
    ap.add_argument("--raw", action="store_true", help="use the model's tokenizer instead of gold tokens")
    ap.add_argument("--sentence-periods", action="store_true",
                    help="split a sentence-final period off a year or 'kr.' first (with --raw)")
    ap.add_argument("--json", action="store_true", help="print JSON instead of a table")
    args = ap.parse_args(argv)
    results = evaluate_model(args.model_dir, args.norne, split=args.split, raw=args.raw,
                             sentence_periods=args.sentence_periods)
    print(json.dumps(results, indent=2) if args.json else format_table(results))


if __name__ == "__main__":
    main()
