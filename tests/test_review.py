"""The review page (helsekg.query.review, helsekg review): facts highlighted by type, relations, links."""

from __future__ import annotations

import shutil
import subprocess

import pytest
from click.testing import CliRunner

from helsekg.api import extract_paths
from helsekg.cli import main
from helsekg.graph.io import write_graph
from helsekg.nlp.pipeline import load
from helsekg.query.review import COLOURS, render_review

TEXT = """Tilskudd til <script>alert(1)</script> kompetanse

Regjeringen foreslår 53 millioner kroner til Kompetanseløftet 2025 i 2021 for å styrke kompetansen i tjenestene.
"""


@pytest.fixture(scope="module")
def graph_file(tmp_path_factory):
    folder = tmp_path_factory.mktemp("review")
    source = folder / "notat.txt"
    source.write_text(TEXT, encoding="utf-8")
    result = extract_paths([source], nlp=load(None), check=False)
    path = folder / "graph.ttl"
    write_graph(result.graph, path)
    return path, result.graph, source


def test_review_highlights_every_fact_by_type(graph_file):
    _, graph, _ = graph_file
    page = render_review(graph)
    assert '<mark class="t-AMOUNT"' in page and '<mark class="t-ORG"' in page
    assert "53 millioner kroner" in page and "Measure → recommendation links" in page
    assert all(f".t-{label}" in page for label in COLOURS)
    assert "<script>alert(1)" not in page and "&lt;script&gt;alert(1)" in page  # escaped
    assert "http://" not in page.replace("http-equiv", "") and "https://" not in page  # no external assets


def test_review_lists_the_anchors_when_the_source_is_gone(graph_file, tmp_path):
    path, graph, source = graph_file
    moved = tmp_path / "elsewhere.txt"
    shutil.copy(source, moved)
    source.write_text(TEXT + "changed\n", encoding="utf-8")
    try:
        page = render_review(graph)
    finally:
        shutil.copy(moved, source)
    assert "the anchors only" in page and "<td>AMOUNT</td>" in page


def test_review_cli_writes_the_page(graph_file, tmp_path):
    path, _, _ = graph_file
    output = tmp_path / "review.html"
    result = CliRunner().invoke(main, ["review", str(path), "-o", str(output)])
    assert result.exit_code == 0, result.output
    assert output.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


def _chromium() -> str | None:
    return next((shutil.which(name) for name in ("chromium", "chromium-browser", "google-chrome")
                 if shutil.which(name)), None)


@pytest.mark.skipif(_chromium() is None, reason="no chromium binary (make browser installs Debian's chromium)")
def test_review_renders_in_a_headless_browser(graph_file, tmp_path):
    from PIL import Image

    path, graph, _ = graph_file
    page = tmp_path / "review.html"
    page.write_text(render_review(graph), encoding="utf-8")
    png = tmp_path / "review.png"
    subprocess.run([_chromium(), "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    f"--user-data-dir={tmp_path / 'profile'}", f"--screenshot={png}", "--window-size=1280,900",
                    page.as_uri()], capture_output=True, timeout=120, check=False)
    assert png.is_file(), "chromium wrote no screenshot"
    with Image.open(png) as image:
        assert image.size == (1280, 900)
        colours = image.convert("RGB").getcolors(maxcolors=1 << 20)
    assert colours is not None and len(colours) > 50  # text, highlights and the header: not a blank page
    rgb = {colour for _, colour in colours}
    expected = {tuple(int(COLOURS[label][i:i + 2], 16) for i in (1, 3, 5)) for label in ("AMOUNT", "ORG")}
    assert expected <= rgb  # the highlight colours are drawn
