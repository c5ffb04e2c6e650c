"""Shipped files resolve both from a source checkout/editable install and from a wheel."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from helsekg import resources


def test_resources_source_checkout_paths_exist():
    assert resources.ontology_path().is_file()
    assert resources.shapes_path().is_file()
    assert resources.data_path("amount_lexicon.json").is_file()
    assert any(resources.queries_dir().glob("*.rq"))


def test_resources_wheel_layout_wins(tmp_path, monkeypatch):
    package = tmp_path / "helsekg"
    for name in ("ontology", "shapes"):
        (package / "_resources" / name).mkdir(parents=True)
    (package / "_resources" / "ontology" / "helsekg.ttl").write_text("", encoding="utf-8")
    monkeypatch.setattr(resources, "PACKAGE_DIR", package)
    assert resources.ontology_path() == package / "_resources" / "ontology" / "helsekg.ttl"


def test_resources_missing_folder_is_a_clear_error(tmp_path, monkeypatch):
    monkeypatch.setattr(resources, "PACKAGE_DIR", tmp_path / "helsekg")
    with pytest.raises(FileNotFoundError, match="resource folder 'shapes' not found"):
        resources.shapes_dir()


def test_resources_wheel_contains_ontology_shapes_and_data(tmp_path):
    root = Path(__file__).resolve().parents[1]
    result = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q", "-w", str(tmp_path), str(root)],
        capture_output=True, text=True,
    )
    assert result.returncode == 0, result.stderr
    (wheel,) = tmp_path.glob("helsekg-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    for required in (
        "helsekg/_resources/ontology/helsekg.ttl",
        "helsekg/_resources/shapes/helsekg-shapes.ttl",
        "helsekg/data/amount_lexicon.json",
        "helsekg/query/queries/amounts.rq",
    ):
        assert required in names


@pytest.mark.parametrize(("content", "message"), [
    ("{not json", "cannot read the word lists"),
    ("[1, 2]", "must be a JSON object, not list"),
    ('{"a": []}', "lacks b, c; add them"),
])
def test_resources_read_json_data_names_the_file_and_the_problem(tmp_path, content, message):
    from helsekg.resources import read_json_data

    path = tmp_path / "cues.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ValueError, match=message) as err:
        read_json_data(path, what="word lists", fields=("a", "b", "c"))
    assert str(path) in str(err.value)


def test_resources_shipped_cue_files_load_through_one_reader():
    from helsekg.extract.measures import MeasureCues
    from helsekg.extract.recommendations import RecommendationCues
    from helsekg.nlp.actors import ActorPatterns, Gazetteer
    from helsekg.resources import data_path

    assert len(Gazetteer.from_file(data_path("actors_gazetteer.json")).entries) > 600
    assert ActorPatterns.from_file(data_path("actor_patterns.json")).speech_verbs
    assert MeasureCues.load().speech_verbs
    assert RecommendationCues.load().openers
