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

    python -m helsekg.training.lemma_table build --exc nb_lemma_exc.json.gz --norne ../shared/data/norne

Pipeline: ``nlp.add_pipe("helsekg_lemma_lookup", after="trainable_lemmatizer")``.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc

from helsekg import resources

TABLE_PATH = resources.data_path("ordbank_lemmas.json.gz")
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

    def only_as(self, upos: str, form: str, *, not_as: str) -> bool:
        """``form`` is a form of ``upos`` and not of ``not_as`` in the table, training forms included ("familievernet"
        only a noun, "prioritere" only a verb; "arbeidet" is both)."""
        return self.lookup(upos, form, seen=True) is not None and self.lookup(not_as, form, seen=True) is None

    def ends_in_noun(self, word: str, *, shortest: int = 6) -> bool:
        """``word`` is a noun of the table, or ends in one of at least ``shortest`` letters: a compound the table does
        not list ("trygdebustader" ends in "bustader"; "gjennomfører" only in the five letters of "fører")."""
        return any(self.lookup("NOUN", word[i:], seen=True) for i in range(0, max(1, len(word) - shortest + 1)))

    def lemmas(self, upos: str) -> frozenset[str]:
        """Every Ordbank lemma of ``upos`` (built on first use)."""
        if upos not in self._lemmas:
            out = set()
            for section in (self.unseen, self.seen):
                out.update(v or k for k, v in section.get(upos, {}).items())
            self._lemmas[upos] = frozenset(out)
        return self._lemmas[upos]


def load_table(path: str | Path = TABLE_PATH) -> LemmaTable:
    """Read (once per path) a table written by :func:`helsekg.training.lemma_table.build_table`.

    ``load_table()``, ``load_table(TABLE_PATH)`` and ``load_table(str(TABLE_PATH))`` are one table: the path is
    resolved before the cache (the table is ~150 MB in memory and takes ~0.6 s to read).
    """
    return _read_table(Path(path).resolve())


@lru_cache(maxsize=4)
def _read_table(path: Path) -> LemmaTable:
    return LemmaTable(resources.read_json_data(path, what="lemma table", fields=("seen", "unseen")))


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
