"""Locate the files helsekg ships beside its code: ontology, shapes, data files, queries and model.

The top-level ``ontology/`` and ``shapes/`` folders are the single source. A wheel carries copies
under ``helsekg/_resources/`` (hatchling ``force-include``); an editable install or a source checkout
sees the top-level folders. Every other module asks this one, so both layouts work.

>>> ontology_path().name
'helsekg.ttl'
>>> shapes_path().name
'helsekg-shapes.ttl'
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any

PACKAGE_DIR = Path(__file__).resolve().parent


def _top_level(name: str) -> Path:
    """Return the folder ``name`` from the wheel copy or, failing that, the source checkout."""
    for candidate in (PACKAGE_DIR / "_resources" / name, PACKAGE_DIR.parent / name):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(
        f"helsekg resource folder {name!r} not found next to {PACKAGE_DIR}; "
        "reinstall helsekg (pip install helsekg) or run from a source checkout."
    )


def ontology_dir() -> Path:
    """Folder holding ``helsekg.ttl`` and the other ontology files."""
    return _top_level("ontology")


def ontology_path() -> Path:
    """The OWL ontology in Turtle."""
    return ontology_dir() / "helsekg.ttl"


def shapes_dir() -> Path:
    """Folder holding the SHACL shapes."""
    return _top_level("shapes")


def shapes_path() -> Path:
    """The SHACL shapes graph in Turtle."""
    return shapes_dir() / "helsekg-shapes.ttl"


def data_path(name: str) -> Path:
    """A data file (patterns, lexicons, gazetteers) shipped in ``helsekg/data/``."""
    return PACKAGE_DIR / "data" / name


def queries_dir() -> Path:
    """Named SPARQL queries shipped in ``helsekg/queries/``."""
    return PACKAGE_DIR / "queries"


def model_dir() -> Path:
    """The trained Norwegian spaCy pipeline shipped in ``helsekg/models/nor_helsekg``."""
    return PACKAGE_DIR / "models" / "nor_helsekg"


def read_json_data(path: str | Path, *, what: str, fields: Iterable[str] = ()) -> dict[str, Any]:
    """A JSON data file (word lists, gazetteer) as a dict, with ``fields`` required.

    Raises:
        ValueError: naming the file and ``what`` it holds, when it cannot be read, is not a JSON
            object, or lacks some of ``fields``.
    """
    path = Path(path)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise ValueError(f"{path}: cannot read the {what} ({exc}); check the file is valid JSON") from None
    if not isinstance(data, dict):
        raise ValueError(f"{path}: the {what} must be a JSON object, not {type(data).__name__}")
    missing = [name for name in fields if name not in data]
    if missing:
        raise ValueError(f"{path}: the {what} lacks {', '.join(missing)}; add them to the file")
    return data
