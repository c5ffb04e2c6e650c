"""Long documents: run the pipeline section by section and join the Docs (bounded memory, no length limit).

spaCy refuses a text longer than ``nlp.max_length`` (1 000 000 characters), and the trained parser's
memory grows with the text it is given (a 950 KB text peaked at 3.1 GB). :func:`parse` cuts a long
text into sections of at most ``max_chars`` characters at paragraph, line or sentence ends
(:func:`section_bounds`), streams them through the pipeline one at a time and joins the results
with ``Doc.from_docs``, so that the joined Doc has exactly the original text: every character offset
downstream (spans, ``span._.amount``, records, ``hkg:startOffset``) refers to the whole document.
A text of at most ``max_chars`` characters is processed in one piece, exactly as before.

What the join keeps and what this module adds (``Doc.from_docs`` in spaCy 3.8):

* kept by ``from_docs``: tokens and their whitespace, POS/TAG/MORPH/LEMMA/DEP/HEAD, sentence starts,
  entities, the ``doc.spans`` groups (shifted to document offsets), span ``._`` values stored in
  ``doc.user_data`` (their keys shifted);
* fixed here: the *values* of ``span._.amount`` hold section offsets (``ParsedAmount.start``/``end``),
  so they are shifted to document offsets; Doc-level ``._`` values (``helsekg_language``) cannot be
  joined (spaCy warns W101) and are set again on the joined Doc; the tensor is dropped (nothing reads it
  after the pipeline, and it is the bulk of a parsed section's memory).

>>> from helsekg.nlp.pipeline import load
>>> nlp = load(model=None)
>>> text = ("Regjeringen foreslår 30 millioner kroner til Alis-avtaler.\\n\\n"
...         "Helsedirektoratet får 12 millioner kroner til tilskuddsordningen.\\n")
>>> section_bounds(text, max_chars=70)
[(0, 58), (58, 126)]
>>> doc = parse(nlp, text, language="nb", max_chars=70)
>>> doc.text == text, doc._.helsekg_language
(True, 'nb')
>>> [(s.text, s._.amount.start, s._.amount.value) for s in doc.spans["helsekg_amounts"]]
[('30 millioner kroner', 21, Decimal('30000000')), ('12 millioner kroner', 82, Decimal('12000000'))]
>>> [s.text for s in doc.spans["helsekg_actors"]]
['Regjeringen', 'Helsedirektoratet']
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable, Iterator, Sequence

import numpy
from spacy.language import Language
from spacy.tokens import Doc

from helsekg.nlp import extensions

__all__ = ["DEFAULT_SECTION_CHARS", "parse", "parse_many", "section_bounds"]

#: Default longest section run through the pipeline in one piece (characters).
DEFAULT_SECTION_CHARS = 100_000

# Doc-level extensions helsekg sets; from_docs cannot join them, parse sets them on the joined Doc.
_DOC_EXTENSIONS = ("helsekg_language", "helsekg_doc_id")


def section_bounds(text: str, *, max_chars: int = DEFAULT_SECTION_CHARS) -> list[tuple[int, int]]:
    """Cut ``text`` into contiguous pieces of at most ``max_chars`` characters.

    The pieces cover ``text[0:len(text)]`` exactly and in order. Cuts fall only where spaCy's
    tokenizer splits anyway, at the start of a run of whitespace (after its first character when that
    is a space, which the tokenizer gives to the token before it), so the pieces tokenize exactly as
    the whole text does, and the line break or blank line opens the next piece, where spaCy's parser
    and sentencizer put it too (at the start of the next sentence). The cut is the last one at or
    before ``start + max_chars`` of the most preferred kind present: before a blank line (a run
    holding ``"\\n"``, optional spaces, ``"\\n"``: a paragraph boundary), else before a line break, else
    after a sentence end (``". "``, ``"! "``, ``"? "``), else at any whitespace; a window without
    whitespace (one unbreakable run) is cut hard at ``max_chars``.

    Args:
        text: the whole text.
        max_chars: the longest piece, at least 1.

    Returns:
        ``(start, end)`` pairs; ``[]`` for an empty text.

    Raises:
        ValueError: ``max_chars`` is less than 1.

    >>> section_bounds("")
    []
    >>> section_bounds("Første avsnitt.\\n\\nAndre avsnitt.\\nTredje linje.", max_chars=35)
    [(0, 15), (15, 45)]
    >>> section_bounds("Én setning. To setninger. Tre.", max_chars=15)
    [(0, 12), (12, 26), (26, 30)]
    >>> section_bounds("Liste:\\n\\n  • første punkt", max_chars=20)   # the break opens the next piece
    [(0, 6), (6, 24)]
    >>> section_bounds("abcdefghij", max_chars=4)
    [(0, 4), (4, 8), (8, 10)]
    """
    if max_chars < 1:
        raise ValueError(f"max_chars must be at least 1, not {max_chars}")
    bounds: list[tuple[int, int]] = []
    start, n = 0, len(text)
    while start < n:
        limit = start + max_chars
        end = n if limit >= n else _cut(text, start, limit)
        bounds.append((start, end))
        start = end
    return bounds


_WHITESPACE = re.compile(r"\s+")
_WHITESPACE_RUN = re.compile(r"(?<!\s)\s+")
_WHITESPACE_END = re.compile(r"\s+(?=\S)")
_BLANK_LINE = re.compile(r"\n[^\S\n]*\n")


def _cut(text: str, start: int, limit: int) -> int:
    """The preferred cut in ``text[start:limit]`` (``start < cut <= limit < len(text)``)."""
    best = [0, 0, 0, 0]  # the last cut of each kind: paragraph, line, sentence, any whitespace
    for m in _WHITESPACE_RUN.finditer(text, start + 1, limit + 1):
        run_start = m.start()
        cut = run_start + (text[run_start] == " ")  # a leading space belongs to the token before it
        if cut > limit:
            break
        run = m.group()
        if m.end() > limit:  # the run goes on past the window: classify it whole
            whole_run = _WHITESPACE.match(text, run_start)
            run = whole_run.group() if whole_run else run
        if "\n" in run:
            best[0 if _BLANK_LINE.search(run) else 1] = cut
        elif text[run_start - 1] in ".!?" and run[0] == " ":
            best[2] = cut
        else:
            best[3] = cut
    if not any(best) and text[start].isspace():  # the piece opens with whitespace: cut where it ends
        opening = _WHITESPACE_END.match(text, start, limit + 1)
        if opening is not None:
            best[3] = opening.end()
    return next((cut for cut in best if cut), limit)


def parse_many(nlp: Language, texts: Sequence[tuple[str, str | None]], *,
               max_chars: int = DEFAULT_SECTION_CHARS, batch_size: int = 4) -> list[Doc | None]:
    """The Docs of several short texts ``(text, language)`` run through the pipeline together (``nlp.pipe``),
    about 10 % faster than one :func:`parse` each, with the same annotations (issue 18: compared token by token
    on 160 texts). A text longer than one section gets None: :func:`parse` cuts it."""
    extensions.register()
    limit = max(1, min(max_chars, nlp.max_length))
    short = [i for i, (text, _) in enumerate(texts) if len(text) <= limit]

    def docs() -> Iterator[Doc]:
        for i in short:
            doc = nlp.make_doc(texts[i][0])
            doc._.helsekg_language = texts[i][1]
            yield doc

    out: list[Doc | None] = [None] * len(texts)
    for i, doc in zip(short, nlp.pipe(docs(), batch_size=batch_size)):
        out[i] = doc
    return out


def parse(
    nlp: Language,
    text: str,
    *,
    language: str | None = None,
    max_chars: int = DEFAULT_SECTION_CHARS,
    progress: Callable[[int, int], None] | None = None,
) -> Doc:
    """The spaCy Doc of ``text``; a long text runs through the pipeline section by section.

    A text of at most ``max_chars`` characters is one ``nlp(doc)`` call, exactly as
    ``nlp.make_doc`` + ``nlp(doc)``. A longer one is cut by :func:`section_bounds`; the sections are
    streamed through ``nlp.pipe`` one at a time (only one section's activations live at once) and
    joined into one Doc whose text is ``text`` and whose offsets (tokens, sentences, entities, span
    groups, ``span._.amount``) are offsets into ``text``.

    Args:
        nlp: a pipeline from :func:`helsekg.nlp.pipeline.load`.
        text: the document text (``Document.text``).
        language: ``"nb"`` or ``"nn"``, stored in ``doc._.helsekg_language`` before the components run
            (the lemma lookup reads it).
        max_chars: the longest section; never more than ``nlp.max_length``.
        progress: called after each section with ``(characters done, total characters)``; the last
            call is ``(len(text), len(text))``.

    Returns:
        The processed Doc, ``doc.text == text``.
    """
    extensions.register()
    total = len(text)
    limit = max(1, min(max_chars, nlp.max_length))
    if total <= limit:
        doc = nlp.make_doc(text)
        doc._.helsekg_language = language
        doc = nlp(doc)
        if progress is not None:
            progress(total, total)
        return doc
    bounds = section_bounds(text, max_chars=limit)

    def sections() -> Iterator[Doc]:
        for start, end in bounds:
            section = nlp.make_doc(text[start:end])
            section._.helsekg_language = language
            yield section

    docs = []
    for (start, end), section in zip(bounds, nlp.pipe(sections(), batch_size=1), strict=True):
        docs.append(_detach(section, offset=start))
        if progress is not None:
            progress(end, total)
    joined = Doc.from_docs(docs, ensure_whitespace=False, exclude=["tensor"])
    if joined.text != text:  # pragma: no cover - the pieces are contiguous and tokens keep their whitespace
        raise AssertionError("joining the sections changed the text")
    joined._.helsekg_language = language
    return joined


def _detach(section: Doc, *, offset: int) -> Doc:
    """Prepare a processed section for ``Doc.from_docs`` at character ``offset`` of the whole text.

    Shifts the ``span._.amount`` values to document offsets (from_docs shifts the user_data keys, not
    the values), removes the Doc-level extension values (from_docs cannot join them) and frees the tensor.
    """
    if offset and extensions.AMOUNTS_KEY in section.spans:
        for span in section.spans[extensions.AMOUNTS_KEY]:
            amount = span._.amount
            if amount is not None:
                span._.amount = dataclasses.replace(amount, start=amount.start + offset, end=amount.end + offset)
    for name in _DOC_EXTENSIONS:
        section.user_data.pop(("._.", name, None, None), None)
    section.user_data.pop(extensions.TEXT_CACHE_KEY, None)  # doc_text's cache: not joinable, rebuilt on demand
    section.tensor = numpy.zeros((0, 0), dtype="float32")
    return section
