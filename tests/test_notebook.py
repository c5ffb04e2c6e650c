"""The quickstart notebook runs top to bottom in a fresh python3 kernel (nbclient), as a reader would run it."""

from __future__ import annotations

from pathlib import Path

import pytest

nbformat = pytest.importorskip("nbformat", reason="nbformat is a dev dependency: pip install -e '.[dev]'")
nbclient = pytest.importorskip("nbclient", reason="nbclient is a dev dependency: pip install -e '.[dev]'")

NOTEBOOK = Path(__file__).resolve().parents[1] / "notebooks" / "quickstart.ipynb"


def test_notebook_quickstart_is_committed_without_outputs():
    nb = nbformat.read(NOTEBOOK, as_version=4)
    nbformat.validate(nb)
    assert nb.metadata.kernelspec.name == "python3"
    code = [cell for cell in nb.cells if cell.cell_type == "code"]
    assert code and all(not cell.outputs and cell.execution_count is None for cell in code)


def test_notebook_quickstart_runs(tmp_path, monkeypatch):
    monkeypatch.setenv("HELSEKG_NOTEBOOK_OUT", str(tmp_path))  # the kernel inherits it: nothing written to out/
    monkeypatch.setenv("MPLBACKEND", "Agg")
    nb = nbformat.read(NOTEBOOK, as_version=4)
    client = nbclient.NotebookClient(nb, timeout=600, kernel_name="python3",
                                     resources={"metadata": {"path": str(NOTEBOOK.parent)}})
    client.execute()  # raises CellExecutionError, naming the cell, if any cell fails

    text = "\n".join(output.get("text", "") for cell in nb.cells for output in cell.get("outputs", [])
                     if output.get("output_type") == "stream")
    assert "5 documents" in text
    assert "measure" in text and "recommendation" in text  # the flagship table's header
    assert "most central actors" in text
    images = [output for cell in nb.cells for output in cell.get("outputs", []) if "image/png" in output.get("data", {})]
    assert images, "the network picture was not displayed"
    assert (tmp_path / "network.png").stat().st_size > 10_000
    assert (tmp_path / "links.png").stat().st_size > 10_000  # the measure-recommendation picture
    assert (tmp_path / "funding-by-year.png").stat().st_size > 5_000
    assert any("text/html" in output.get("data", {}) for cell in nb.cells for output in cell.get("outputs", []))
    assert (tmp_path / "corpus.graphml").read_text(encoding="utf-8").startswith("<?xml")
