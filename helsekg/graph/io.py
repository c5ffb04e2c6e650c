"""Reading and writing graphs, through Oxigraph for speed, with atomic writes.

rdflib's own Turtle writer needs ~35 s for 100k triples here, Oxigraph 0.45 s, so graphs are
serialised by pyoxigraph; the Python API stays rdflib.

>>> from rdflib import Graph, URIRef, Literal
>>> g = Graph(); _ = g.add((URIRef("https://w3id.org/helsekg/id/x"), URIRef("http://www.w3.org/2000/01/rdf-schema#label"), Literal("Husbanken", lang="nb")))
>>> from_oxigraph(to_oxigraph(g)) == set(g)
True
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import BinaryIO

import pyoxigraph as ox
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.term import Node

#: Output formats by name and by file suffix.
FORMATS: dict[str, ox.RdfFormat] = {
    "turtle": ox.RdfFormat.TURTLE,
    "ttl": ox.RdfFormat.TURTLE,
    "nt": ox.RdfFormat.N_TRIPLES,
    "ntriples": ox.RdfFormat.N_TRIPLES,
    "n-triples": ox.RdfFormat.N_TRIPLES,
    "nq": ox.RdfFormat.N_QUADS,
    "nquads": ox.RdfFormat.N_QUADS,
    "jsonld": ox.RdfFormat.JSON_LD,
    "json-ld": ox.RdfFormat.JSON_LD,
    "json": ox.RdfFormat.JSON_LD,
    "trig": ox.RdfFormat.TRIG,
    "rdf": ox.RdfFormat.RDF_XML,
    "xml": ox.RdfFormat.RDF_XML,
}


def format_for(path: str | os.PathLike[str], name: str | None = None) -> ox.RdfFormat:
    """The RDF format named ``name`` or implied by the file suffix (Turtle by default)."""
    key = (name or Path(path).suffix.lstrip(".") or "ttl").lower()
    try:
        return FORMATS[key]
    except KeyError:
        raise ValueError(f"unknown RDF format {key!r}; use one of {', '.join(sorted(set(FORMATS)))}") from None


def _to_ox(term: Node) -> ox.NamedNode | ox.BlankNode | ox.Literal:
    if isinstance(term, URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, BNode):
        return ox.BlankNode(str(term))
    if isinstance(term, Literal):
        if term.language:
            return ox.Literal(str(term), language=term.language)
        if term.datatype:
            return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)))
        return ox.Literal(str(term))
    raise TypeError(f"cannot convert {term!r} to Oxigraph")


def term_from_oxigraph(term: ox.NamedNode | ox.BlankNode | ox.Literal) -> Node:
    """One Oxigraph term as an rdflib term (an xsd:string literal as a plain literal)."""
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if term.language:
        return Literal(term.value, lang=term.language)
    datatype = term.datatype.value
    if datatype == "http://www.w3.org/2001/XMLSchema#string":
        return Literal(term.value)
    return Literal(term.value, datatype=URIRef(datatype))


def to_oxigraph(graph: Iterable[tuple[Node, Node, Node]]) -> list[ox.Triple]:
    """rdflib triples as Oxigraph triples."""
    named: dict[str, ox.NamedNode] = {}  # IRIs recur (predicates, classes, the document): converted once

    def convert(term: Node) -> ox.NamedNode | ox.BlankNode | ox.Literal:
        if type(term) is URIRef:
            node = named.get(term)
            if node is None:
                node = named[term] = ox.NamedNode(str(term))
            return node
        return _to_ox(term)

    return [ox.Triple(convert(s), convert(p), convert(o)) for s, p, o in graph]


def from_oxigraph(triples: Iterable[ox.Triple | ox.Quad]) -> set[tuple[Node, Node, Node]]:
    """Oxigraph triples (or quads, graph name dropped) as rdflib triples."""
    convert = term_from_oxigraph
    return {(convert(t.subject), convert(t.predicate), convert(t.object)) for t in triples}


def _umask() -> int:
    """The process umask (read by setting it and back: there is no getter before Python 3.13 on Linux)."""
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def _set_mode(tmp: str | os.PathLike[str], target: Path) -> None:
    """Give the temporary file (made 0600 by mkstemp) the mode of the file it replaces, or for a new file
    0666 minus the umask, like ``open()`` would."""
    try:
        mode = target.stat().st_mode & 0o7777
    except FileNotFoundError:
        mode = 0o666 & ~_umask()
    os.chmod(tmp, mode)


def _replace(target: Path, fill: Callable[[BinaryIO], object]) -> None:
    """Write ``target`` through a temporary file beside it: ``fill`` writes it, then fsync, the umask's mode
    and one ``os.replace``; the temporary file is removed on any failure (the caller maps OSError to E401)."""
    tmp: str | None = None
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
        with os.fdopen(fd, "wb") as handle:
            fill(handle)
            handle.flush()
            os.fsync(handle.fileno())
        _set_mode(tmp, target)
        os.replace(tmp, target)
    except BaseException:
        if tmp is not None:
            Path(tmp).unlink(missing_ok=True)
        raise


def atomic_write(path: str | os.PathLike[str], data: bytes) -> None:
    """Write ``data`` to ``path`` through a temporary file in the same folder and an atomic rename.

    The file gets the mode of the file it replaces, or ``0666 & ~umask`` when new (not mkstemp's 0600).

    ``path`` then holds all of ``data`` or, whatever fails (a full disk, a kill), what it held before:
    never a partial file. When the write fails with an OS error, ``data`` is kept in a file in the system
    temp folder and :class:`~helsekg.errors.OutputError` (E401) names ``path``, the reason and that copy
    (``err.fallback``), so the work that made ``data`` is not lost (issue 17).
    """
    from helsekg.errors import OutputError

    target = Path(path)
    try:
        _replace(target, lambda handle: handle.write(data))
    except OSError as err:
        fallback = None
        try:
            fd, fallback = tempfile.mkstemp(prefix=f"helsekg-{target.stem}-", suffix=target.suffix)
            with os.fdopen(fd, "wb") as handle:
                handle.write(data)
            kept = f"the data was kept in {fallback}: copy it from there."
        except OSError:
            if fallback is not None:
                Path(fallback).unlink(missing_ok=True)
            fallback, kept = None, "the data could not be kept elsewhere either."
        raise OutputError(target, detail=err.strerror or str(err), kept=kept, fallback=fallback) from err


def atomic_write_from(path: str | os.PathLike[str], source: str | os.PathLike[str]) -> None:
    """:func:`atomic_write` of the contents of the file ``source``, copied in blocks (memory stays flat).

    When the write fails with an OS error, ``source`` is left where it is: :class:`~helsekg.errors.OutputError`
    (E401) names it as the copy of the data (``err.fallback``).
    """
    import shutil

    from helsekg.errors import OutputError

    target = Path(path)

    def copy(handle) -> None:  # noqa: ANN001
        with open(source, "rb") as data:
            shutil.copyfileobj(data, handle, 1 << 20)

    try:
        _replace(target, copy)
    except OSError as err:
        raise OutputError(target, detail=err.strerror or str(err),
                          kept=f"the data was kept in {source}: copy it from there.", fallback=str(source)) from err


def serialize(graph: Graph, fmt: ox.RdfFormat = ox.RdfFormat.TURTLE) -> bytes:
    """Serialise an rdflib graph with Oxigraph, using the graph's bound prefixes, sorted for stable output.

    JSON-LD is written compacted with helsekg's shipped ``@context`` (:func:`helsekg.graph.jsonld.to_jsonld`).
    """
    if fmt == ox.RdfFormat.JSON_LD:
        from helsekg.graph.jsonld import to_jsonld

        return to_jsonld(graph)
    triples = sorted(to_oxigraph(graph), key=str)
    prefixes = {p: str(ns) for p, ns in graph.namespaces() if p} if fmt in (ox.RdfFormat.TURTLE, ox.RdfFormat.TRIG) else None
    if fmt == ox.RdfFormat.N_QUADS:
        triples = [ox.Quad(t.subject, t.predicate, t.object) for t in triples]
    return ox.serialize(triples, format=fmt, prefixes=prefixes) if prefixes else ox.serialize(triples, format=fmt)


def write_graph(graph: Graph, path: str | os.PathLike[str], *, format: str | None = None) -> Path:
    """Write ``graph`` to ``path`` atomically in the format named or implied by the suffix."""
    atomic_write(path, serialize(graph, format_for(path, format)))
    return Path(path)


def read_triples(path: str | os.PathLike[str], *, format: str | None = None) -> Iterator[ox.Triple | ox.Quad]:
    """Parse an RDF file with Oxigraph."""
    return ox.parse(path=str(path), format=format_for(path, format))


def read_graph(path: str | os.PathLike[str], *, format: str | None = None) -> Graph:
    """Read an RDF file into an rdflib Graph (parsed by Oxigraph), with helsekg's prefixes bound."""
    from helsekg.graph.prefixes import PREFIXES

    graph = Graph(bind_namespaces="core")  # as helsekg.graph.build.new_graph, which imports this module
    for prefix, namespace in PREFIXES.items():
        graph.bind(prefix, namespace, override=True)
    for triple in from_oxigraph(read_triples(path, format=format)):
        graph.add(triple)
    return graph
