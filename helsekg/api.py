"""The Python API: the thin composer of corpus -> nlp -> extract -> rdf -> validate.

>>> from helsekg.api import extract_paths          # doctest: +SKIP
>>> result = extract_paths(["corpus/"])            # doctest: +SKIP
>>> result.report.conforms, len(result.graph)      # doctest: +SKIP
(True, 1234)
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from bisect import bisect_left
from dataclasses import dataclass, field, replace

import pyoxigraph as ox
from rdflib import Graph
from spacy.language import Language
from spacy.tokens import Doc

from helsekg.errors import HelsekgError
from helsekg.extract.extractor import extract
from helsekg.extract.records import Extraction, Span, map_spans
from helsekg.graph.build import add_extraction, document_iri, document_triples, new_graph
from helsekg.graph.labels import canonical_labels
from helsekg.nlp.extensions import doc_text
from helsekg.nlp.sections import parse
from helsekg.text.document import Document, Heading, Region
from helsekg.text.normalize import has_invisible, visible_text
from helsekg.text.reading import Skipped, iter_paths, read_document
from helsekg.validate.core import EXTRACTION_ENGINE, ValidationReport, validate
from helsekg.validate.report import Engine


@dataclass(frozen=True)
class Failure:
    """An input that could not be processed, and why."""

    source: str
    message: str
    code: str | None = None

    def __str__(self) -> str:
        return self.message if self.message.startswith(self.source) else f"{self.source}: {self.message}"


@dataclass
class BatchResult:
    """The graph of every document that could be read, the failures, and the validation report."""

    graph: Graph
    documents: list[str] = field(default_factory=list)
    failures: list[Failure] = field(default_factory=list)
    report: ValidationReport = field(default_factory=lambda: ValidationReport(conforms=True))
    #: files found in folders and left out by design (a folder's README or licence, hidden files)
    ignored: list[Skipped] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        """True when every input was read, at least one document was extracted and the graph conforms."""
        return not self.failures and self.report.conforms and bool(self.documents)


def parse_document(document: Document, nlp: Language, *,
                   progress: Callable[[int, int], None] | None = None) -> Doc:
    """The spaCy Doc of one document: long texts run through the pipeline section by section
    (:func:`helsekg.nlp.sections.parse`: bounded memory, no 1 M-character limit), ``progress(done, total)``
    in characters after each section.

    The Doc carries the document's language (``doc._.helsekg_language``) before any component runs.
    """
    return parse(nlp, document.text, language=document.metadata.language, progress=progress)


def process(document: Document, nlp: Language, *,
            progress: Callable[[int, int], None] | None = None, parsed: Doc | None = None) -> Extraction:
    """Run the pipeline on one document (:func:`parse_document`) and extract its records.

    Invisible characters (a soft hyphen, a zero-width space, a stray U+FEFF: :mod:`helsekg.text.normalize`)
    are hidden from the pipeline and the finders, which see the text without them, and every record is
    moved back to the offsets of the text as read: anchors keep them, labels and keys do not.

    ``parsed``: the document's Doc when it was already run through the pipeline together with others
    (:func:`helsekg.nlp.sections.parse_many`); used only for a text without invisible characters, whose Doc is
    the one :func:`parse_document` would make.

    >>> from helsekg.nlp.pipeline import load
    >>> from helsekg.text import document_from_text
    >>> document = document_from_text("Helse\u00adtjenesten får 2\u200b millioner kroner.", source="x.txt")
    >>> [(a.start, a.end, a.text == document.text[a.start:a.end]) for a in process(document, load(None)).amounts]
    [(20, 39, True)]
    """
    if not has_invisible(document.text):
        if parsed is not None and doc_text(parsed) == document.text:
            if progress is not None:
                progress(len(document.text), len(document.text))
            return extract(parsed, document)  # parsed together with other documents (parse_many)
        return extract(parse_document(document, nlp, progress=progress), document)
    clean, back = visible_text(document.text)
    visible = _without_invisible(document, clean, back)
    extraction = extract(parse_document(visible, nlp, progress=progress), visible)
    original = document.text

    def restore(span: Span) -> Span:
        start, end = back[span.start], back[span.end - 1] + 1 if span.end > span.start else back[span.start]
        return replace(span, start=start, end=end, text=original[start:end])

    moved = map_spans(extraction, restore)
    info = replace(moved.document, headings=document.headings, page_starts=document.page_starts)
    return replace(moved, document=info, text=original)


def _without_invisible(document: Document, clean: str, back: list[int]) -> Document:
    """``document`` with its text ``clean`` (invisible characters removed) and its offsets moved to it."""
    kept = back[:-1]

    def forward(offset: int) -> int:  # the clean offset of an original offset
        return bisect_left(kept, offset)

    regions = tuple(Region(forward(r.start), forward(r.end), r.kind) for r in document.regions)
    headings = tuple(Heading(forward(h.start), forward(h.end), h.level, clean[forward(h.start):forward(h.end)])
                     for h in document.headings)
    return replace(document, text=clean, regions=regions, headings=headings,
                   page_starts=tuple(forward(p) for p in document.page_starts))


def document_graph(extraction: Extraction) -> Graph:
    """The graph of one document's facts."""
    return add_extraction(new_graph(), extraction)


def extract_document(document: Document, nlp: Language, *, check: bool = True,
                     progress: Callable[[int, int], None] | None = None
                     ) -> tuple[Graph, ValidationReport | None] | Failure:
    """One document's graph and, with ``check``, its validation report (SHACL + anchors).

    ``progress(done, total)`` is called in characters as the pipeline gets through a long document.

    An internal error while extracting is returned as a :class:`Failure` naming the document, so a
    batch (in this process or a worker) goes on with the others. The shapes run on the
    :data:`~helsekg.validate.core.EXTRACTION_ENGINE`.
    """
    source = document.metadata.source
    try:
        graph = document_graph(process(document, nlp, progress=progress))
    except Exception as err:  # noqa: BLE001 - one bad document must not stop the batch; it is reported
        return Failure(source, f"internal error while extracting: {err!r}")
    report = (validate(graph, texts={str(document_iri(document.id)): document.text}, engine=EXTRACTION_ENGINE)
              if check else None)
    return graph, report


def extract_document_triples(document: Document, nlp: Language, *, check: bool = True,
                              progress: Callable[[int, int], None] | None = None, parsed: Doc | None = None
                              ) -> tuple[list[ox.Triple], ValidationReport | None] | Failure:
    """:func:`extract_document` as Oxigraph triples (:func:`helsekg.graph.build.document_triples`), the
    graph of the extraction workers: the same triples and verdict, without an rdflib Graph (issue 18).

    The compiled shapes run on the triples; the :data:`~helsekg.validate.core.EXTRACTION_ENGINE` is
    ``"oxigraph"``, so the report is the one :func:`extract_document` gives.
    """
    source = document.metadata.source
    try:
        triples = document_triples(process(document, nlp, progress=progress, parsed=parsed))
    except Exception as err:  # noqa: BLE001 - one bad document must not stop the batch; it is reported
        return Failure(source, f"internal error while extracting: {err!r}")
    report = (validate(triples, texts={str(document_iri(document.id)): document.text}, engine=Engine.OXIGRAPH)
              if check else None)
    return triples, report


def skip_handler(on_error: Callable[[Failure], None],
                 on_ignored: Callable[[Skipped], None] | None = None) -> Callable[[Skipped], None]:
    """The ``on_skip`` for :func:`helsekg.text.reading.iter_paths`: a file of a type helsekg does not read is
    a failure (E003) for ``on_error``; a file left out by design goes to ``on_ignored``."""

    def skipped(item: Skipped) -> None:
        if item.expected:
            if on_ignored is not None:
                on_ignored(item)
        else:
            on_error(Failure(item.path, str(item), "E003"))

    return skipped


def iter_documents(paths: Iterable[str | os.PathLike[str]], *, on_error: Callable[[Failure], None],
                   max_bytes: int | None = None, language: str | None = None,
                   on_ignored: Callable[[Skipped], None] | None = None) -> Iterator[Document]:
    """Read every file under ``paths``; unreadable inputs go to ``on_error`` and the batch goes on.

    Files in folders of a type helsekg does not read go to ``on_error`` too (E003); files left out by
    design (a folder's README or licence, hidden files) to ``on_ignored``.
    """
    skipped = skip_handler(on_error, on_ignored)

    options = {} if max_bytes is None else {"max_bytes": max_bytes}
    for given in paths:
        try:
            files = list(iter_paths([given], on_skip=skipped))
        except HelsekgError as err:
            on_error(Failure(os.fspath(given), str(err), err.code))
            continue
        for path in files:
            try:
                yield read_document(path, language=language, **options)
            except HelsekgError as err:
                on_error(Failure(str(path), str(err), err.code))


def extract_paths(paths: Iterable[str | os.PathLike[str]], *, nlp: Language | None = None, check: bool = True,
                  progress: Callable[[Iterable[Document]], Iterable[Document]] | None = None,
                  max_bytes: int | None = None, link_threshold: float | None = 0.25,
                  language: str | None = None) -> BatchResult:
    """Extract every document under ``paths`` (files or folders) into one graph.

    Each document is validated on its own graph (fast: SHACL cost grows with graph size), then
    merged. A file that cannot be read or processed is reported in ``failures``; the others go on.

    Args:
        paths: files and folders.
        nlp: a pipeline from :func:`helsekg.load`; loaded when not given.
        check: validate each document's graph.
        progress: wraps the document iterator (e.g. ``tqdm``).
        max_bytes: size limit per file (the reader's default when None).
        link_threshold: after all documents, link measures to the recommendations they address
            (``hkg:addresses`` with score and evidence) when the score reaches this; None: no links.
        language: "nb" or "nn" for every document (no language detection); None detects it per document.
    """
    if nlp is None:
        from helsekg.nlp.pipeline import load

        nlp = load()
    result = BatchResult(graph=new_graph())
    documents: Iterable[Document] = iter_documents(paths, on_error=result.failures.append, max_bytes=max_bytes,
                                                   language=language, on_ignored=result.ignored.append)
    if progress is not None:
        documents = progress(documents)
    for document in documents:
        outcome = extract_document(document, nlp, check=check)
        if isinstance(outcome, Failure):
            result.failures.append(outcome)
            continue
        graph, report = outcome
        if report is not None:
            result.report = result.report.merge(report)
        result.graph += graph
        result.documents.append(document.metadata.source)
    if link_threshold is not None:
        link_graph(result, threshold=link_threshold, check=check)
    canonical_labels(result.graph)
    if not check:
        result.report = ValidationReport(conforms=True, triples=len(result.graph))
    return result


def link_graph(result: BatchResult, *, threshold: float = 0.25, check: bool = True) -> None:
    """Add measure -> recommendation links across all documents of ``result`` (and validate the link nodes).

    The link nodes are validated batch by batch on a small graph of their own triples plus the types of
    the nodes they point to (what the shapes check), not on the whole corpus graph again.
    """
    from rdflib.namespace import RDF

    from helsekg.link.linking import link_measures, write_links

    graph = result.graph
    links = link_measures(graph, threshold=threshold)
    _, report = write_links(links, lambda batch: graph.addN((s, p, o, graph) for s, p, o in batch), check=check,
                            types=lambda node: graph.objects(node, RDF.type))
    result.report = result.report.merge(report)


def extract_text(text: str, *, source: str = "text.txt", language: str | None = None,
                 nlp: Language | None = None) -> Extraction:
    """Extract records from a string (handy in notebooks and tests).

    >>> from helsekg.nlp.pipeline import load
    >>> result = extract_text("Kommunen får 2 millioner kroner i 2025.", nlp=load(model=None))
    >>> [(a.text, a.fiscal_year) for a in result.amounts]
    [('2 millioner kroner', 2025)]
    """
    from helsekg.text.reading import document_from_text

    if nlp is None:
        from helsekg.nlp.pipeline import load

        nlp = load()
    return process(document_from_text(text, source=source, language=language), nlp)


def annotate(text: str, *, source: str = "text.txt", language: str | None = None,
             nlp: Language | None = None) -> Doc:
    """The spaCy Doc of ``text`` with every extracted fact as a labelled span in ``doc.spans["helsekg"]``.

    Render it with displaCy: ``spacy.displacy.render(doc, style="span", options={"spans_key": "helsekg"})``.
    Span labels: :data:`helsekg.extract.spans.LABELS`.

    >>> from helsekg.nlp.pipeline import load
    >>> doc = annotate("Regjeringen gir 2 millioner kroner til rekrutteringsprosjektet Menn i helse.", nlp=load(model=None))
    >>> [(s.text, s.label_) for s in doc.spans["helsekg"]]
    [('Regjeringen', 'ORG'), ('2 millioner kroner', 'AMOUNT'), ('Menn i helse', 'MEASURE')]
    """
    from helsekg.extract.spans import add_spans
    from helsekg.text.reading import document_from_text

    if nlp is None:
        from helsekg.nlp.pipeline import load

        nlp = load()
    document = document_from_text(text, source=source, language=language)
    doc = parse_document(document, nlp)
    return add_spans(doc, extract(doc, document))
