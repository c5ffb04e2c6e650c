"""Extraction on a Dask cluster (helsekg.scale.distributed): the same output as a single-process run.

One loopback LocalCluster (2 worker processes, 1 thread each) serves the whole module.
"""

from __future__ import annotations

import pickle
import socket
import sys
import time

import pytest
from click.testing import CliRunner

pytest.importorskip("distributed")

from helsekg.cli import main  # noqa: E402
from helsekg.errors import DistributedError  # noqa: E402
from helsekg.scale.batch import collect, extract_stream  # noqa: E402
from helsekg.scale.distributed import extract_dask  # noqa: E402


@pytest.fixture(scope="module")
def client():
    import psutil
    from distributed import Client, LocalCluster

    before = {p.pid for p in psutil.Process().children(recursive=True)}
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
                      dashboard_address=":0") as cluster, Client(cluster, set_as_default=False) as dask_client:
        yield dask_client
    # multiprocessing's resource tracker stays for the life of this process (as after a spawn Pool)
    left = _wait_until(lambda: [p.cmdline() for p in psutil.Process().children(recursive=True)
                                if p.pid not in before and "resource_tracker" not in " ".join(p.cmdline())])
    assert not left, f"worker processes left running: {left}"


def _wait_until(condition, seconds: float = 10):
    """Poll ``condition`` until it returns something false (what is left is returned)."""
    deadline = time.monotonic() + seconds
    while (left := condition()) and time.monotonic() < deadline:
        time.sleep(0.05)
    return left


@pytest.fixture(scope="module")
def inputs(tmp_path_factory, corpus_dir):
    """The corpus with bad files between its documents: two the client refuses (E003), one a worker does (E004)."""
    from helsekg.text import iter_paths

    bad = tmp_path_factory.mktemp("bad")
    (bad / "notat.xlsx").write_bytes(b"PK\x03\x04")
    (bad / "notat.odt").write_bytes(b"PK\x03\x04")
    (bad / "tom.txt").write_bytes(b"")
    files = [str(p) for p in iter_paths([corpus_dir])]
    # chunk_size=2: [doc, doc], [xlsx, odt] (nothing to submit), [doc, empty], [doc, doc]
    return files[:2] + [str(bad / "notat.xlsx"), str(bad / "notat.odt"), files[2], str(bad / "tom.txt")] + files[3:]


@pytest.fixture(scope="module")
def serial(inputs):
    return list(extract_stream(inputs, jobs=1))


def _ntriples(graph) -> bytes:
    import pyoxigraph as ox

    from helsekg.graph.io import serialize

    return serialize(graph, ox.RdfFormat.N_TRIPLES)


def test_distributed_results_equal_single_process(client, inputs, serial):
    results = list(extract_stream(inputs, client=client, chunk_size=2))
    assert [r.source for r in results] == [r.source for r in serial] == inputs
    assert [r.failure.code for r in results if not r.ok] == ["E003", "E003", "E004"]
    for got, expected in zip(results, serial):
        assert got.ntriples == expected.ntriples, got.source
        assert got == expected  # ids, hashes, counts, reports and failure messages too
    assert _ntriples(collect(results).graph) == _ntriples(collect(serial).graph)  # with the cross-document links


def test_distributed_extract_dask_with_a_client_streams_and_releases(client, inputs, serial):
    results = list(extract_dask(inputs, client=client, chunk_size=1, max_in_flight=1))
    assert results == serial
    assert not _wait_until(lambda: dict(client.futures), 5)  # every result fetched and released on the cluster


def test_distributed_stopping_early_cancels_the_rest(client, inputs):
    stream = extract_dask(inputs, client=client, chunk_size=1, max_in_flight=3)
    first = next(stream)
    stream.close()
    assert first.source == inputs[0]
    assert not _wait_until(lambda: dict(client.futures), 5)


def test_distributed_cli_scheduler_writes_the_same_file(client, corpus_dir, tmp_path):
    runner = CliRunner()
    address = client.scheduler.address
    local = runner.invoke(main, ["extract", str(corpus_dir), "-o", str(tmp_path / "local.nt")])
    dask = runner.invoke(main, ["extract", str(corpus_dir), "-o", str(tmp_path / "dask.nt"), "--scheduler", address])
    assert local.exit_code == dask.exit_code == 0, dask.output
    assert (tmp_path / "dask.nt").read_bytes() == (tmp_path / "local.nt").read_bytes()


def test_distributed_cli_scheduler_with_store(client, corpus_dir, tmp_path):
    runner = CliRunner()
    out = tmp_path / "store.nt"
    result = runner.invoke(main, ["extract", str(corpus_dir), "--store", str(tmp_path / "store"), "-o", str(out),
                                  "--scheduler", client.scheduler.address])
    assert result.exit_code == 0, result.output
    assert "5 added" in result.output and out.stat().st_size > 0


def test_distributed_store_sync_with_a_client(client, corpus_dir, tmp_path):
    from helsekg.scale.store import GraphStore

    exported = {}
    for name, options in (("local", {}), ("dask", {"client": client})):
        with GraphStore(tmp_path / name) as store:
            report = store.sync([corpus_dir], **options)
            assert report.ok and len(report.added) == 5 and report.links > 0
            exported[name] = store.export(tmp_path / f"{name}.nq").read_bytes()
    assert exported["dask"] == exported["local"]


def test_distributed_cli_rejects_jobs_with_scheduler(corpus_dir, tmp_path):
    result = CliRunner().invoke(main, ["extract", str(corpus_dir), "-o", str(tmp_path / "x.nt"), "-j", "2",
                                       "--scheduler", "tcp://127.0.0.1:8786"])
    assert result.exit_code == 2 and "--jobs or --scheduler" in result.output


def _closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_distributed_unreachable_scheduler_is_a_clear_error(corpus_dir):
    address = f"tcp://127.0.0.1:{_closed_port()}"
    start = time.monotonic()
    with pytest.raises(DistributedError) as caught:
        list(extract_dask([str(p) for p in corpus_dir.glob("*.txt")], scheduler=address, timeout=0.5))
    assert time.monotonic() - start < 10
    assert caught.value.code == "E102" and address in str(caught.value)


def test_distributed_cli_unreachable_scheduler_exits_2(corpus_dir, tmp_path, monkeypatch):
    monkeypatch.setattr("helsekg.scale.distributed.CONNECT_TIMEOUT", 0.5)
    address = f"tcp://127.0.0.1:{_closed_port()}"
    result = CliRunner().invoke(main, ["extract", str(corpus_dir), "-o", str(tmp_path / "x.nt"),
                                       "--scheduler", address])
    assert result.exit_code == 2
    assert f"cannot reach the Dask scheduler at {address}" in result.output and "(E102)" in result.output
    assert not (tmp_path / "x.nt").exists()


def test_distributed_missing_dask_names_the_extra(corpus_dir, tmp_path, monkeypatch):
    monkeypatch.setitem(sys.modules, "distributed", None)  # import distributed -> ImportError
    with pytest.raises(DistributedError, match=r"pip install 'helsekg\[dask\]'") as caught:
        next(extract_stream([corpus_dir], scheduler="tcp://127.0.0.1:8786"))
    assert caught.value.code == "E101"
    result = CliRunner().invoke(main, ["extract", str(corpus_dir), "-o", str(tmp_path / "x.nt"),
                                       "--scheduler", "tcp://127.0.0.1:8786"])
    assert result.exit_code == 2 and "(E101)" in result.output


def test_distributed_worker_refuses_another_helsekg_version():
    from helsekg.scale.distributed import _extract_chunk

    with pytest.raises(DistributedError) as caught:
        _extract_chunk([("a.txt", b"Tekst")], model="blank", check=False, version="0.0.0-other")
    assert caught.value.code == "E103" and "0.0.0-other" in str(caught.value)
    again = pickle.loads(pickle.dumps(caught.value))  # travels from the worker to the client
    assert (again.code, str(again)) == (caught.value.code, str(caught.value))


@pytest.mark.parametrize("options", [{}, {"client": object(), "scheduler": "tcp://127.0.0.1:8786"}])
def test_distributed_needs_exactly_one_of_client_and_scheduler(options):
    with pytest.raises(ValueError, match="either client"):
        next(extract_dask(["a.txt"], **options))


def test_distributed_extract_stream_rejects_jobs_with_a_client():
    with pytest.raises(ValueError, match="jobs"):
        next(extract_stream(["a.txt"], jobs=2, scheduler="tcp://127.0.0.1:8786"))
