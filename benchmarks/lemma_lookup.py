"""Lemma accuracy of the trained lemmatizer with and without the Ordbank lookup (``helsekg_lemma_lookup``).

    OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 .venv/bin/python benchmarks/lemma_lookup.py MODEL_DIR \
        [--norne ../shared/data/norne] [--json]

For NorNE UD dev and test, Bokmål (nob) and Nynorsk (nno) separately, gold tokens, the model's own
POS: exact-match lemma accuracy (as spaCy's lemma scorer) over all tokens, and split into tokens
whose lowercased form occurs in the NDT training split ("seen") or not ("unseen"). Variants:

    trained        the model alone
    all            table lemma for every NOUN/VERB/ADJ with an entry (no filter; reference only)
    unseen         rule 1 only (table lemma for forms unseen in training) = component, language unknown
    unseen+nb      rules 1 + 2 on every document (as if all were Bokmål)
    shipped        the component with the document's real language (nob → "nb", nno → "nn")

Copy a checkpoint that is still being written before measuring it.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

LANG = {"nob": "nb", "nno": "nn"}


def predictions(model_dir: Path, norne: Path) -> tuple[dict, set[str]]:
    """``{(variety, split): [(gold_doc, predicted_doc, trained_lemmas)]}`` and the training forms."""
    import spacy
    from spacy.tokens import Doc

    from helsekg.nlp.fastops import use_numpy_gemm
    from helsekg.training.convert import group, load_norne, sentences_to_doc

    use_numpy_gemm()
    nlp = spacy.load(model_dir, exclude=["parser", "ner"])
    splits = load_norne(norne)
    train_forms = {t.form.lower() for sp in splits.values() for s in sp.train for t in s.tokens}
    out = {}
    for variety, sp in splits.items():
        for split in ("dev", "test"):
            gold = [sentences_to_doc(nlp.vocab, c) for c in group(getattr(sp, split))]
            blank = [Doc(nlp.vocab, words=[t.text for t in d], spaces=[bool(t.whitespace_) for t in d]) for d in gold]
            pred = list(nlp.pipe(blank, batch_size=64))
            out[(variety, split)] = [(g, p, [t.lemma_ for t in p]) for g, p in zip(gold, pred)]
    return out, train_forms


def score(rows, train_forms: set[str], apply) -> dict:
    """Accuracy overall / seen / unseen after ``apply(doc)`` (which edits lemmas in place)."""
    n = {"all": [0, 0], "seen": [0, 0], "unseen": [0, 0]}
    for gold, pred, trained in rows:
        for tok, lemma in zip(pred, trained):
            tok.lemma_ = lemma
        apply(pred)
        for g, p in zip(gold, pred):
            ok = int(g.lemma_ == p.lemma_)
            part = "seen" if g.text.lower() in train_forms else "unseen"
            for key in ("all", part):
                n[key][0] += ok
                n[key][1] += 1
    return {k: (c / t if t else None) for k, (c, t) in n.items()} | {"n_unseen": n["unseen"][1], "n": n["all"][1]}


def run(model_dir: Path, norne: Path) -> dict:
    """Every variant's scores: ``{variant: {"nob dev": {...}, ...}}``."""
    from helsekg.nlp.lemmas import UNSEEN_POS, LemmaLookup, load_table

    preds, train_forms = predictions(model_dir, norne)
    table = load_table()

    def all_entries(doc):
        for t in doc:
            if t.pos_ in UNSEEN_POS and (lemma := table.lookup(t.pos_, t.text, seen=True)) is not None:
                t.lemma_ = lemma

    results: dict = {}
    for (variety, split), rows in preds.items():
        variants = {
            "trained": lambda doc: doc,
            "all": all_entries,
            "unseen": LemmaLookup(language=""),
            "unseen+nb": LemmaLookup(language="nb"),
            "shipped": LemmaLookup(language=LANG[variety]),
        }
        for name, apply in variants.items():
            results.setdefault(name, {})[f"{variety} {split}"] = score(rows, train_forms, apply)
    return results


def format_table(results: dict) -> str:
    cols = list(next(iter(results.values())))
    lines = [f"{'variant':<12}" + "".join(f"{c:>26}" for c in cols),
             f"{'':<12}" + "".join(f"{'all / seen / unseen':>26}" for _ in cols)]
    for name, row in results.items():
        lines.append(f"{name:<12}" + "".join(
            f"{100 * row[c]['all']:>12.2f} /{100 * row[c]['seen']:>6.2f} /{100 * row[c]['unseen']:>6.2f}" for c in cols))
    first = next(iter(results.values()))
    lines.append(f"{'tokens':<12}" + "".join(f"{first[c]['n']:>12} / unseen {first[c]['n_unseen']:>5}" for c in cols))
    return "\n".join(lines)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("model_dir", type=Path)
    ap.add_argument("--norne", type=Path, default=Path("../shared/data/norne"))
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    results = run(args.model_dir, args.norne)
    print(json.dumps(results, indent=2) if args.json else format_table(results))


if __name__ == "__main__":
    main()
