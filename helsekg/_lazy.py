"""Lazy package exports: ``import helsekg.query`` stays cheap until a name is used.

>>> getattr_, dir_ = lazy_exports("helsekg.text", {"slugify": "helsekg.text.document"})
>>> getattr_("slugify")("Ålesund kommune")
'alesund-kommune'
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Mapping
from typing import Any


def lazy_exports(package: str, names: Mapping[str, str]) -> tuple[Callable[[str], Any], Callable[[], list[str]]]:
    """A module ``__getattr__`` and ``__dir__`` that import ``names[name]`` on first use of ``name``."""

    def __getattr__(name: str) -> Any:
        if name in names:
            return getattr(importlib.import_module(names[name]), name)
        raise AttributeError(f"module {package!r} has no attribute {name!r}")

    def __dir__() -> list[str]:
        return sorted(names)

    return __getattr__, __dir__
