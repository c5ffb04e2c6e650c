"""A sentence's final period kept apart from the number or abbreviation it follows.

spaCy's Norwegian tokenizer keeps a period on a number ("15. mai": an ordinal) and on the abbreviations of its
exceptions ("kr.", "mill."), also where the period ends the sentence: "... til 50 mill. kr. Det vil ..." and "...
kroner i 2022." give the parser no sentence-final punctuation, so it breaks the sentence before the amount ("økes
til" | "50 mill. kr.") or makes the year a sentence of its own. The treebank the model was trained on writes that
period as a token of its own. ``helsekg_sentence_periods`` (first in the trained pipeline) splits it off where the
text shows a sentence end: the token is a number or one of the abbreviations, and a capital, a line break or the
end of the text follows. A number of one or two digits ("St.prp. nr. 1. Tillegg nr. 4") and a number first on its line
("1. Innledning", "2019. Tiltak") keep their period.

>>> import spacy
>>> nlp = spacy.blank("nb")
>>> _ = nlp.add_pipe("helsekg_sentence_periods")
>>> [t.text for t in nlp("Rammen økes til 50 mill. kr. Det gjelder fra 1. mai i 2022.")]
['Rammen', 'økes', 'til', '50', 'mill.', 'kr', '.', 'Det', 'gjelder', 'fra', '1.', 'mai', 'i', '2022', '.']
>>> [t.text for t in nlp("Rammen økte med 2,5. Tilskuddet er nytt.")][:5]
['Rammen', 'økte', 'med', '2,5', '.']
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc, Token

#: abbreviations of money and units that often end a sentence ("50 mill. kr.", "2,5 mrd."), lower-cased
FINAL_ABBREVIATIONS = frozenset({"kr.", "mill.", "mrd.", "mnd.", "pst.", "stk.", "osv.", "mv.", "m.m.", "o.l."})


_NUMBER = re.compile(r"\d+(?:,\d+)?")


@Language.factory("helsekg_sentence_periods", assigns=["token.text"], requires=[], default_config={})
def make_sentence_periods(nlp: Language, name: str) -> SentencePeriods:
    """spaCy factory for :class:`SentencePeriods`."""
    return SentencePeriods()


class SentencePeriods:
    """Split a sentence-final period off a number or a money abbreviation (see the module docstring)."""

    def __call__(self, doc: Doc) -> Doc:
        ends = [token for token in doc if _ends_sentence(token)]
        if ends:
            with doc.retokenize() as retokenizer:
                for token in ends:
                    # each part its own head, no arc: the parser attaches both. An arc from the number to the period
                    # survived the parser where it left the number a root, a cycle that made Span.root raise E039
                    retokenizer.split(token, [token.text[:-1], "."], heads=[(token, 0), (token, 1)])
        return doc


def _ends_sentence(token: Token) -> bool:
    text = token.text
    if len(text) < 2 or text[-1] != "." or text[-2] == ".":
        return False
    # a year, a count or a decimal ("2,5."); "nr. 1. Tillegg" is a document's number
    number = _NUMBER.fullmatch(text[:-1]) is not None and len(text) > 3
    if not (number or text.lower() in FINAL_ABBREVIATIONS):
        return False
    doc = token.doc
    if number:
        before = doc[token.i - 1] if token.i else None
        if before is None or (before.is_space and "\n" in before.text) or "\n" in before.whitespace_:
            return False  # "1. Innledning": the numbering of a list or a heading
    if "\n" in token.whitespace_ or token.i + 1 == len(doc):
        return True
    after = doc[token.i + 1]
    return (after.is_space and "\n" in after.text) or after.text[:1].isupper()
