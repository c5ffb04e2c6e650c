"""Build helsekg's Ordbank lemma table (``helsekg/data/ordbank_lemmas.json.gz``) from spacy-lookups-data
and NorNE: ``python -m helsekg.training.lemma_table build --exc nb_lemma_exc.json.gz --norne DIR``.

The lookup component that reads the table is :mod:`helsekg.nlp.lemmas`.
"""

from __future__ import annotations

import argparse
import gzip
import json
from collections.abc import Iterable, Sequence
from pathlib import Path

from helsekg.nlp.lemmas import LICENCE, ORDBANK_POS, SOURCE, TABLE_PATH
from helsekg.training.convert import load_norne

# --------------------------------------------------------------------------- building the table


def ordbank_entries(exc: dict) -> dict[str, dict[str, str]]:
    """``{UPOS: {form_lower: lemma}}`` from spacy-lookups-data ``nb_lemma_exc``, unambiguous entries only."""
    out: dict[str, dict[str, str]] = {}
    for upos, pos in ORDBANK_POS.items():
        table: dict[str, str] = {}
        ambiguous: set[str] = set()
        for form, lemmas in exc[pos].items():
            key, lemmas = form.lower(), set(lemmas)
            if len(lemmas) != 1 or (key in table and table[key] not in lemmas):
                ambiguous.add(key)
                continue
            table[key] = next(iter(lemmas))
        for key in ambiguous:
            table.pop(key, None)
        out[upos] = table
    return out


def build_table(exc: dict, train_forms: Iterable[str]) -> dict:
    """The shipped JSON: Ordbank entries split by whether the (lowercased) form is in ``train_forms``."""
    seen_forms = {f.lower() for f in train_forms}
    data: dict = {"_source": SOURCE, "_licence": LICENCE,
                  "_format": "{section: {UPOS: {lowercased form: lemma, '' = same as form}}}; "
                             "'seen' = forms in NorNE's NDT training split (nob or nno), 'unseen' = the rest",
                  "seen": {}, "unseen": {}}
    for upos, table in ordbank_entries(exc).items():
        for key in sorted(table):
            section = "seen" if key in seen_forms else "unseen"
            lemma = table[key]
            data[section].setdefault(upos, {})[key] = "" if lemma == key else lemma
    return data


def norne_train_forms(norne_dir: Path) -> set[str]:
    """Lowercased word forms of NorNE's NDT training split, both varieties (UD dev/test excluded)."""
    return {t.form.lower() for split in load_norne(Path(norne_dir)).values() for s in split.train for t in s.tokens}


def write_table(data: dict, out: Path = TABLE_PATH) -> int:
    """Write ``data`` as compact gzip JSON (deterministic bytes); returns the file size."""
    raw = json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=True).encode("utf-8")
    with open(out, "wb") as fh, gzip.GzipFile(fileobj=fh, mode="wb", compresslevel=9, mtime=0, filename="") as gz:
        gz.write(raw)
    return out.stat().st_size


def main(argv: Sequence[str] | None = None) -> None:
    """``python -m helsekg.training.lemma_table build --exc nb_lemma_exc.json.gz --norne DIR [--out PATH]``."""
    ap = argparse.ArgumentParser(description="Build helsekg's Ordbank lemma table")
    ap.add_argument("command", choices=("build",))
    ap.add_argument("--exc", type=Path, required=True, help="spacy_lookups_data/data/nb_lemma_exc.json.gz")
    ap.add_argument("--norne", type=Path, default=Path("../shared/data/norne"))
    ap.add_argument("--out", type=Path, default=TABLE_PATH)
    args = ap.parse_args(argv)
    with gzip.open(args.exc, "rt", encoding="utf-8") as fh:
        exc = json.load(fh)
    data = build_table(exc, norne_train_forms(args.norne))
    size = write_table(data, args.out)
    counts = {s: {u: len(t) for u, t in data[s].items()} for s in ("seen", "unseen")}
    print(f"{args.out}: {size} bytes, entries {counts}")


if __name__ == "__main__":
    main()
