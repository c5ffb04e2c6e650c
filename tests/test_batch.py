"""Streaming and parallel extraction (helsekg.scale.batch): same graph with 1 and 2 worker processes."""

from __future__ import annotations

import pytest

from helsekg.scale.batch import collect, extract_stream, graph_of


@pytest.fixture(scope="module")
def serial(corpus_dir):
    return list(extract_stream([corpus_dir], jobs=1, model="blank"))


def test_batch_streams_one_result_per_file_in_order(serial, corpus_dir):
    from helsekg.text import iter_paths

    assert [r.source for r in serial] == [str(p) for p in iter_paths([corpus_dir])]
    assert all(r.ok and r.triples > 0 and r.words > 0 and r.report.conforms for r in serial)


def test_batch_two_jobs_give_the_same_graph_as_one(serial, corpus_dir):
    parallel = list(extract_stream([corpus_dir], jobs=2, model="blank", chunk_size=1))
    assert [r.source for r in parallel] == [r.source for r in serial]
    assert set(graph_of(parallel)) == set(graph_of(serial))


def test_batch_collect_matches_extract_paths(serial, corpus_dir, blank_nlp):
    from helsekg.api import extract_paths

    expected = extract_paths([corpus_dir], nlp=blank_nlp)
    result = collect(serial)
    assert set(result.graph) == set(expected.graph)
    assert result.documents == expected.documents and result.report.conforms


def test_batch_reports_bad_inputs_and_goes_on(tmp_path, write_text):
    write_text("ok.txt", "Kommunen får 2 millioner kroner i 2025 til helsestasjoner og skolehelsetjenesten.")
    (tmp_path / "empty.txt").write_bytes(b"")
    results = list(extract_stream([tmp_path, tmp_path / "missing.txt"], model="blank", check=False))
    failed = {r.source.rsplit("/", 1)[-1] for r in results if not r.ok}
    assert failed == {"empty.txt", "missing.txt"}
    assert [r.ok for r in results].count(True) == 1


def test_batch_rejects_zero_jobs():
    with pytest.raises(ValueError):
        list(extract_stream([], jobs=0))
