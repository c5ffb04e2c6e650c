"""Graph files: formats, round trips through Oxigraph, atomic writes."""

from __future__ import annotations

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
    with pytest.raises(OSError, match="disk full"):
        atomic_write(target, b"new")
    assert target.read_text(encoding="utf-8") == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["out.ttl"]
