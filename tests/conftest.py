"""Session fixtures shared by the suite: pipelines and the corpus graph are built once."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "corpus"
NORNE = ROOT.parent / "shared" / "data" / "norne"


@pytest.fixture(scope="session")
def corpus_dir() -> Path:
    return CORPUS


@pytest.fixture(scope="session")
def nlp():
    """helsekg's default pipeline (the shipped model when present)."""
    from helsekg.nlp.pipeline import load

    return load()


@pytest.fixture(scope="session")
def blank_nlp():
    """Rule components on a blank Norwegian pipeline (no trained model)."""
    from helsekg.nlp.pipeline import load

    return load(model=None)


@pytest.fixture(scope="session")
def actor_nlp():
    """A blank Norwegian pipeline with only the sentencizer and helsekg_actors: the rule layer, no model, no parse."""
    import spacy

    import helsekg.nlp.actors  # noqa: F401 - registers the helsekg_actors factory

    nlp = spacy.blank("nb")
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("helsekg_actors")
    return nlp


@pytest.fixture(scope="session")
def corpus_result(nlp):
    """The whole corpus extracted and validated once."""
    from helsekg.api import extract_paths

    return extract_paths([CORPUS], nlp=nlp)


@pytest.fixture(scope="session")
def corpus_graph(corpus_result):
    return corpus_result.graph


@pytest.fixture()
def write_text(tmp_path):
    """Write a UTF-8 text file into tmp_path and return its path."""

    def write(name: str, text: str) -> Path:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        return path

    return write
