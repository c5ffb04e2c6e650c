"""Norsk Ordbank lemma lookup on top of the trained lemmatizer (``helsekg_lemma_lookup``).

The trained ``trainable_lemmatizer`` (edit trees, learnt from NorNE) is good on word forms it saw in
training but weak on unseen ones, and, being one model for Bokmål and Nynorsk, it often gives a
Bokmål word its Nynorsk lemma (*er* → *vere*, *sa* → *seie*). This component corrects both with the
Norsk Ordbank bokmål 2005 full-form table (via spacy-lookups-data 1.0.5, CC-BY 4.0, see
``data/ordbank_LICENSE.txt``), shipped as ``data/ordbank_lemmas.json.gz``:

``unseen``  ``{UPOS: {form: lemma}}`` for forms that do **not** occur in NorNE's NDT training split
            (either variety). Rule 1, every document: a NOUN/VERB/ADJ whose lowercased form is here
            gets the table lemma. Measured to help Bokmål and Nynorsk (``benchmarks/lemma_lookup.py``).
``seen``    the same for forms that do occur in training. Rule 2, Bokmål documents only: a
            NOUN/VERB/ADJ/AUX (AUX uses the VERB table) whose trained lemma is not an Ordbank lemma of
            that part of speech, and whose form has an entry here or in ``unseen``, gets the table
            lemma. It helps Bokmål a lot and hurts Nynorsk badly (the Nynorsk lemma is right there),
            so it needs the document language: ``doc._.helsekg_language`` (``"nb"``/``"nn"``) when
            that extension is registered and set, otherwise the ``language`` setting; unknown → off.

Only unambiguous entries are kept (one lemma per UPOS and lowercased form). Table lemmas are
stored as ``""`` when equal to the form. Rebuild with::

    python -m helsekg.lemmas build --exc nb_lemma_exc.json.gz --norne ../shared/data/norne

Pipeline: ``nlp.add_pipe("helsekg_lemma_lookup", after="trainable_lemmatizer")``.
"""

from __future__ import annotations

import argparse
import gzip
import json
from collections.abc import Iterable, Sequence
from functools import lru_cache
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc

TABLE_PATH = Path(__file__).parent / "data" / "ordbank_lemmas.json.gz"
SOURCE = ("Norsk Ordbank i norsk bokmål 2005 (updated 2018-06-27), Språkbanken, Nasjonalbiblioteket, "
          "via spacy-lookups-data 1.0.5 (nb_lemma_exc); filtered and reshaped by helsekg")
LICENCE = "CC-BY 4.0 (https://creativecommons.org/licenses/by/4.0/); see ordbank_LICENSE.txt"
ORDBANK_POS = {"NOUN": "noun", "VERB": "verb", "ADJ": "adj"}
"""UPOS → spacy-lookups-data table. ADV (1 169 entries) was measured useless; PROPN has no table."""
UNSEEN_POS = frozenset({"NOUN", "VERB", "ADJ"})
BOKMAL_POS = {"NOUN": "NOUN", "VERB": "VERB", "ADJ": "ADJ", "AUX": "VERB"}
"""Part of speech → table section used by the Bokmål rule (auxiliaries are verbs in Ordbank)."""
LANGUAGE_EXTENSION = "helsekg_language"


class LemmaTable:
    """The shipped table: ``lookup(section, upos, form_lower)`` and Ordbank lemma sets per UPOS."""

    def __init__(self, data: dict) -> None:
        self.source = data.get("_source", "")
        self.licence = data.get("_licence", "")
        self.unseen: dict[str, dict[str, str]] = data.get("unseen", {})
        self.seen: dict[str, dict[str, str]] = data.get("seen", {})
        self._lemmas: dict[str, frozenset[str]] = {}

    def lookup(self, upos: str, form: str, *, seen: bool = False) -> str | None:
        """Table lemma of ``form`` (lowercased) as ``upos``; ``seen`` also searches the training-form section."""
        key = form.lower()
        value = self.unseen.get(upos, {}).get(key)
        if value is None and seen:
            value = self.seen.get(upos, {}).get(key)
        if value is None:
            return None
        return value or key

    def lemmas(self, upos: str) -> frozenset[str]:
        """Every Ordbank lemma of ``upos`` (built on first use)."""
        if upos not in self._lemmas:
            out = set()
            for section in (self.unseen, self.seen):
                out.update(v or k for k, v in section.get(upos, {}).items())
            self._lemmas[upos] = frozenset(out)
        return self._lemmas[upos]


@lru_cache(maxsize=4)
def load_table(path: str | Path = TABLE_PATH) -> LemmaTable:
    """Read (once per path) a table written by :func:`build_table`."""
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        return LemmaTable(json.load(fh))


@Language.factory(
    "helsekg_lemma_lookup",
    assigns=["token.lemma"],
    requires=["token.pos"],
    default_config={"table": "", "unseen_rule": True, "bokmal_rule_languages": ["nb"], "language": ""},
)
def make_lemma_lookup(nlp: Language, name: str, table: str, unseen_rule: bool,
                      bokmal_rule_languages: list[str], language: str) -> "LemmaLookup":
    """spaCy factory for :class:`LemmaLookup` (``table=""`` is the shipped table)."""
    return LemmaLookup(table=table or TABLE_PATH, unseen_rule=unseen_rule,
                       bokmal_rule_languages=bokmal_rule_languages, language=language)


class LemmaLookup:
    """Override trained lemmas with Norsk Ordbank where measured to help (see module docstring)."""

    def __init__(self, *, table: str | Path = TABLE_PATH, unseen_rule: bool = True,
                 bokmal_rule_languages: Iterable[str] = ("nb",), language: str = "") -> None:
        self.table_path = Path(table)
        self.unseen_rule = unseen_rule
        self.bokmal_rule_languages = frozenset(bokmal_rule_languages)
        self.language = language
        self._table: LemmaTable | None = None

    @property
    def table(self) -> LemmaTable:
        """The lookup table, read on first use."""
        if self._table is None:
            self._table = load_table(self.table_path)
        return self._table

    def initialize(self, get_examples=None, *, nlp: Language | None = None) -> None:
        """Load the table now instead of on the first document."""
        _ = self.table

    def doc_language(self, doc: Doc) -> str:
        """``doc._.helsekg_language`` when registered and set, else the configured ``language``."""
        if Doc.has_extension(LANGUAGE_EXTENSION):
            value = getattr(doc._, LANGUAGE_EXTENSION)
            if value:
                return value
        return self.language

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            return doc
        bokmal = self.doc_language(doc) in self.bokmal_rule_languages
        if not (bokmal or self.unseen_rule):
            return doc
        table = self.table
        for token in doc:
            upos = token.pos_
            if self.unseen_rule and upos in UNSEEN_POS:
                lemma = table.lookup(upos, token.text)
                if lemma is not None:
                    token.lemma_ = lemma
                    continue
            if bokmal and upos in BOKMAL_POS:
                section = BOKMAL_POS[upos]
                if token.lemma_ not in table.lemmas(section):
                    lemma = table.lookup(section, token.text, seen=True)
                    if lemma is not None:
                        token.lemma_ = lemma
        return doc

    def to_disk(self, path, *, exclude=()) -> None:  # the table ships with helsekg, not with the model
        pass

    def from_disk(self, path, *, exclude=()) -> "LemmaLookup":
        return self


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
    from helsekg.training.convert import load_norne

    return {t.form.lower() for split in load_norne(Path(norne_dir)).values() for s in split.train for t in s.tokens}


def write_table(data: dict, out: Path = TABLE_PATH) -> int:
    """Write ``data`` as compact gzip JSON (deterministic bytes); returns the file size."""
    raw = json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=True).encode("utf-8")
    with open(out, "wb") as fh, gzip.GzipFile(fileobj=fh, mode="wb", compresslevel=9, mtime=0, filename="") as gz:
        gz.write(raw)
    return out.stat().st_size


def main(argv: Sequence[str] | None = None) -> None:
    """``python -m helsekg.lemmas build --exc nb_lemma_exc.json.gz --norne DIR [--out PATH]``."""
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
