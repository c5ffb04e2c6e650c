"""Graph files: formats, round trips through Oxigraph, atomic writes."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib.compare import isomorphic

from helsekg.graph.io import atomic_write, format_for, read_graph, write_graph


@pytest.mark.parametrize("suffix", ["ttl", "nt", "jsonld", "nq"])
def test_io_round_trip_each_format(corpus_graph, tmp_path, suffix):
    path = write_graph(corpus_graph, tmp_path / f"graph.{suffix}")
    assert isomorphic(read_graph(path), corpus_graph)


def test_io_turtle_uses_prefixes(corpus_graph, tmp_path):
    text = write_graph(corpus_graph, tmp_path / "g.ttl").read_text(encoding="utf-8")
    assert "@prefix hkg: <https://w3id.org/helsekg/ontology#>" in text


def test_io_unknown_format_is_clear():
    with pytest.raises(ValueError, match="unknown RDF format 'docx'"):
        format_for("graph.docx")


def test_io_atomic_write_leaves_old_file_on_failure(tmp_path, monkeypatch):
    target = tmp_path / "out.ttl"
    target.write_text("old", encoding="utf-8")

    def boom(*args, **kwargs):
        raise OSError("disk full")

    monkeypatch.setattr("os.replace", boom)
    with pytest.raises(OSError, match="disk full") as caught:
        atomic_write(target, b"new")
    assert target.read_text(encoding="utf-8") == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["out.ttl"]
    kept = Path(caught.value.fallback)  # the data is kept outside the folder that failed, and named
    try:
        assert kept.read_bytes() == b"new" and kept.parent != tmp_path
    finally:
        kept.unlink()


@pytest.mark.parametrize(("umask", "mode"), [(0o022, 0o644), (0o077, 0o600), (0o002, 0o664)])
def test_io_atomic_write_honours_the_umask(tmp_path, umask, mode):
    import os
    import stat

    from helsekg.graph.io import atomic_write

    old = os.umask(umask)
    try:
        atomic_write(tmp_path / "graph.ttl", b"")
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "graph.ttl").stat().st_mode) == mode


def test_io_atomic_write_keeps_the_mode_of_the_file_it_replaces(tmp_path):
    import os
    import stat

    from helsekg.graph.io import atomic_write

    target = tmp_path / "graph.ttl"
    target.write_bytes(b"old")
    os.chmod(target, 0o640)
    atomic_write(target, b"new")
    assert target.read_bytes() == b"new" and stat.S_IMODE(target.stat().st_mode) == 0o640


def test_io_jsonld_is_compacted_with_the_shipped_context(tmp_path, corpus_graph):
    import json

    from rdflib import Graph

    from helsekg.graph.jsonld import build_context, load_context

    assert load_context() == build_context(), "helsekg/data/context.jsonld is stale: run make docs"
    path = write_graph(corpus_graph, tmp_path / "corpus.jsonld")
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["@context"]["hkg"] == "https://w3id.org/helsekg/ontology#"
    assert any("startOffset" in node for node in data["@graph"])  # properties by their context names
    assert isomorphic(Graph().parse(path, format="json-ld"), corpus_graph)
    assert isomorphic(read_graph(path), corpus_graph)
