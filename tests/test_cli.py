"""The click CLI: extract, validate, query, summary; exit codes 0/1/2."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from click.testing import CliRunner

from helsekg.cli import main

NYNORSK = (
    "Regjeringa aukar løyvinga til rusfeltet\n\n"
    "Regjeringa foreslår 25 millionar kroner meir til lågterskeltilbod i kommunane i 2025.\n"
)


@pytest.fixture()
def runner():
    return CliRunner()


@pytest.fixture(scope="module")
def corpus_ttl(tmp_path_factory, corpus_dir):
    out = tmp_path_factory.mktemp("cli") / "corpus.ttl"
    result = CliRunner().invoke(main, ["extract", str(corpus_dir), "-o", str(out), "--model", "blank"])
    assert result.exit_code == 0, result.output
    return out


def test_cli_version(runner):
    result = runner.invoke(main, ["--version"])
    assert result.exit_code == 0 and "helsekg" in result.output


def test_cli_help_does_not_import_spacy():
    code = "import sys; from helsekg.cli import main; print('spacy' in sys.modules, 'pyshacl' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "False False"


def test_cli_extract_writes_turtle(corpus_ttl):
    text = corpus_ttl.read_text(encoding="utf-8")
    assert "hkg:PolicyDocument" in text and "hkg:MonetaryAmount" in text


def test_cli_extract_bad_file_reported_batch_continues(runner, tmp_path, write_text):
    good = write_text("god.txt", NYNORSK)
    empty = write_text("tom.txt", "")
    binary = tmp_path / "bilde.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 20)
    out = tmp_path / "out.nt"
    result = runner.invoke(main, ["extract", str(good), str(empty), str(binary), str(tmp_path / "mangler.txt"),
                                  "-o", str(out), "--model", "blank"])
    assert result.exit_code == 1
    assert "4 input(s) failed" not in result.output
    assert "3 input(s) failed" in result.output
    for name in ("tom.txt", "bilde.txt", "mangler.txt"):
        assert name in result.output
    assert "25 millionar kroner" in out.read_text(encoding="utf-8")


def test_cli_extract_usage_error_exit_2(runner, tmp_path):
    result = runner.invoke(main, ["extract", "-o", str(tmp_path / "x.ttl")])
    assert result.exit_code == 2


def test_cli_extract_jsonld(runner, write_text, tmp_path):
    out = tmp_path / "g.jsonld"
    result = runner.invoke(main, ["extract", str(write_text("a.txt", NYNORSK)), "-o", str(out), "--model", "blank"])
    assert result.exit_code == 0, result.output
    assert isinstance(json.loads(out.read_text(encoding="utf-8")), (list, dict))


def test_cli_validate_conforms(runner, corpus_ttl):
    result = runner.invoke(main, ["validate", str(corpus_ttl)])
    assert result.exit_code == 0, result.output
    assert result.output.startswith("Conforms")


@pytest.mark.parametrize("engine", ["pyshacl", "oxigraph"])
def test_cli_validate_violation_exit_1(runner, corpus_ttl, tmp_path, engine):
    broken = tmp_path / "broken.ttl"
    broken.write_text(corpus_ttl.read_text(encoding="utf-8").replace('schema:currency "NOK"', 'schema:currency "SEK"', 1),
                      encoding="utf-8")
    result = runner.invoke(main, ["validate", str(broken), "--engine", engine])
    assert result.exit_code == 1
    assert "currency" in result.output.lower()


def test_cli_validate_unparsable_exit_2(runner, tmp_path):
    bad = tmp_path / "bad.ttl"
    bad.write_text("this is not turtle <<<", encoding="utf-8")
    result = runner.invoke(main, ["validate", str(bad)])
    assert result.exit_code == 2
    assert "bad.ttl" in result.output


@pytest.mark.parametrize("fmt, check", [("table", "rows)"), ("csv", "title"), ("json", '"rows"')])
def test_cli_query_formats(runner, corpus_ttl, fmt, check):
    result = runner.invoke(main, ["query", str(corpus_ttl), "SELECT ?title WHERE { ?d dcterms:title ?title }",
                                  "--format", fmt])
    assert result.exit_code == 0, result.output
    assert check in result.output


def test_cli_query_named(runner, corpus_ttl):
    result = runner.invoke(main, ["query", str(corpus_ttl), "--name", "amounts", "-f", "csv"])
    assert result.exit_code == 0, result.output
    assert "2200000000" in result.output


def test_cli_query_bad_sparql_exit_2(runner, corpus_ttl):
    result = runner.invoke(main, ["query", str(corpus_ttl), "SELECT nonsense {"])
    assert result.exit_code == 2


def test_cli_summary(runner, corpus_ttl):
    result = runner.invoke(main, ["summary", str(corpus_ttl)])
    assert result.exit_code == 0, result.output
    assert "documents:     5" in result.output
    assert "2 200 000 000 kr" in result.output
