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

import gzip
import json
from collections.abc import Iterable, Mapping
from functools import lru_cache
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
    """Named SPARQL queries shipped in ``helsekg/query/queries/``."""
    return PACKAGE_DIR / "query" / "queries"


def model_dir() -> Path:
    """The trained Norwegian spaCy pipeline shipped in ``helsekg/models/nor_helsekg``."""
    return PACKAGE_DIR / "models" / "nor_helsekg"


def read_json_data(path: str | Path, *, what: str, fields: Iterable[str] = ()) -> dict[str, Any]:
    """A JSON data file (word lists, gazetteer; gzip-compressed when it ends in ``.gz``) as a dict.

    ``fields`` are required.

    Raises:
        ValueError: naming the file and ``what`` it holds, when it cannot be read, is not a JSON
            object, or lacks some of ``fields``.
    """
    path = Path(path)
    try:
        raw = gzip.decompress(path.read_bytes()) if path.suffix == ".gz" else path.read_bytes()
        data = json.loads(raw.decode("utf-8"))
    except (OSError, ValueError) as exc:
        raise ValueError(f"{path}: cannot read the {what} ({exc}); check the file is valid JSON") from None
    if not isinstance(data, dict):
        raise ValueError(f"{path}: the {what} must be a JSON object, not {type(data).__name__}")
    require_fields(data, fields, source=path, what=what)
    return data


def require_fields(data: Mapping[str, Any], fields: Iterable[str], *, source: str | Path, what: str) -> None:
    """Raise a ValueError naming ``source`` and ``what`` it holds when ``data`` lacks some of ``fields``."""
    missing = [name for name in fields if name not in data]
    if missing:
        raise ValueError(f"{source}: the {what} lacks {', '.join(missing)}; add them to the file")


@lru_cache(maxsize=None)
def load_data(name: str) -> dict[str, Any]:
    """The shipped JSON data file ``helsekg/data/<name>`` (word lists, patterns, lexicon, gazetteer), read once.

    This is the one loader every stage uses for its cue words; callers build their own frozen views
    (see :func:`cue_tuples`) and never mutate the returned dict, which is shared.

    >>> load_data("extraction_cues.json") is load_data("extraction_cues.json")
    True
    >>> sorted(load_data("extraction_cues.json"))[:2]
    ['_licence', '_source']
    """
    return read_json_data(data_path(name), what=f"helsekg data file {name}")


def cue_tuples(data: Mapping[str, Any], fields: Iterable[str], *, source: str | Path,
               what: str = "cue file") -> dict[str, tuple]:
    """``fields`` of a cue file as immutable tuples, for a frozen dataclass of word lists.

    A list becomes a tuple, a list of lists a tuple of tuples, an object its sorted ``(key, value)`` pairs.

    >>> cue_tuples({"verbs": ["gi", "få"], "pairs": [["a", "b"]], "map": {"y": 1, "x": 2}},
    ...            ["verbs", "pairs", "map"], source="cues.json")
    {'verbs': ('gi', 'få'), 'pairs': (('a', 'b'),), 'map': (('x', 2), ('y', 1))}

    Raises:
        ValueError: naming ``source`` when some of ``fields`` are missing.
    """
    fields = list(fields)
    require_fields(data, fields, source=source, what=what)
    values: dict[str, tuple] = {}
    for name in fields:
        raw = data[name]
        if isinstance(raw, dict):
            values[name] = tuple(sorted(raw.items()))
        elif raw and isinstance(raw[0], list):
            values[name] = tuple(tuple(item) for item in raw)
        else:
            values[name] = tuple(raw)
    return values
