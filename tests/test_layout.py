"""The package layout: stages in folders, imports flowing one way, one error table, old paths kept.

The import graph is read from the source (every ``import``, at module level, inside functions and under
``TYPE_CHECKING``), so a lazy import cannot hide a cycle or an upward dependency.
"""

from __future__ import annotations

import ast
import importlib
import re
import warnings
from pathlib import Path

import pytest

import helsekg
from helsekg import _compat, errors

PACKAGE = Path(helsekg.__file__).resolve().parent

#: Stages in the order data flows; a module may import its own stage and earlier ones only.
STAGES = (
    "base",  # helsekg/__init__, errors, resources, _lazy, _compat
    "text",
    "nlp",
    "extract",
    "graph",
    "validate",
    "query",
    "link",
    "api",
    "scale",
    "evaluation",
    "training",
    "cli",
)
BASE = {"helsekg", "helsekg.errors", "helsekg.resources", "helsekg._lazy", "helsekg._compat"}


def _module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {_module_name(p): p for p in sorted(PACKAGE.rglob("*.py")) if "_resources" not in p.parts}


def stage_of(module: str) -> str:
    if module in BASE:
        return "base"
    if module == "helsekg.__main__":  # python -m helsekg: the command line
        return "cli"
    stage = module.split(".")[1]
    assert stage in STAGES, f"{module} is in no stage: put it in a stage package (tests/test_layout.py STAGES)"
    return stage


def imports_of(module: str) -> list[tuple[str, list[str], int]]:
    """(imported helsekg module, names imported from it, line) for every import in ``module``."""
    path = MODULES[module]
    tree = ast.parse(path.read_text(encoding="utf-8"))
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(alias.name, [], node.lineno) for alias in node.names if alias.name.startswith("helsekg")]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                base = ".".join(package.split(".")[: len(package.split(".")) - node.level + 1] + ([base] if base else []))
            if not base.startswith("helsekg"):
                continue
            names = [alias.name for alias in node.names]
            submodules = [n for n in names if f"{base}.{n}" in MODULES]
            if submodules:
                found += [(f"{base}.{n}", [], node.lineno) for n in submodules]
            others = [n for n in names if n not in submodules]
            if others:
                found.append((base, others, node.lineno))
    return found


EDGES = {module: imports_of(module) for module in MODULES}


def test_layout_every_module_is_in_a_stage():
    for module in MODULES:
        stage_of(module)
    top_level = sorted(m for m, p in MODULES.items() if p.parent == PACKAGE and p.name != "__init__.py"
                       and stage_of(m) != "base")
    assert top_level == ["helsekg.__main__", "helsekg.api", "helsekg.cli"], "new modules belong in a stage package"


def test_layout_imports_flow_one_way():
    upward = []
    for module, imports in EDGES.items():
        for target, _, line in imports:
            if target not in MODULES:
                continue  # an old path (checked below) or a typo (the suite would fail)
            if STAGES.index(stage_of(target)) > STAGES.index(stage_of(module)):
                upward.append(f"{MODULES[module].relative_to(PACKAGE.parent)}:{line} imports {target}")
    assert not upward, "imports against the flow:\n" + "\n".join(upward)


def test_layout_import_graph_has_no_cycle():
    graph = {m: {t for t, _, _ in imports if t in MODULES and t != m} for m, imports in EDGES.items()}
    # a package __init__ that re-exports its submodules is not a dependency of those submodules' siblings
    state: dict[str, int] = {}
    cycles = []

    def visit(node: str, trail: list[str]) -> None:
        state[node] = 1
        for nxt in sorted(graph[node]):
            if state.get(nxt) == 1:
                cycles.append(" -> ".join(trail[trail.index(nxt):] + [nxt]))
            elif nxt not in state:
                visit(nxt, trail + [nxt])
        state[node] = 2

    for module in sorted(graph):
        if module not in state:
            visit(module, [module])
    # "helsekg.text" (package) -> "helsekg.text.reading" -> ... is not a cycle unless a submodule imports
    # the package back; importing "helsekg.x.y" executes "helsekg.x" first, so such an edge would be one.
    assert not cycles, "import cycles:\n" + "\n".join(cycles)


def test_layout_no_private_names_across_modules():
    private = [
        f"{MODULES[m].relative_to(PACKAGE.parent)}:{line} imports {name} from {target}"
        for m, imports in EDGES.items()
        for target, names, line in imports
        for name in names
        if name.startswith("_") and name != "__version__" and target != m
    ]
    assert not private, "\n".join(private)


def test_layout_no_internal_use_of_old_paths():
    old = [
        f"{MODULES[m].relative_to(PACKAGE.parent)}:{line} imports the old path {target}"
        for m, imports in EDGES.items()
        for target, _, line in imports
        if target in _compat.MOVED
    ]
    assert not old, "\n".join(old)


@pytest.mark.parametrize("old, new", sorted(_compat.MOVED.items()))
def test_layout_old_paths_import_the_new_modules(old, new):
    assert importlib.import_module(old) is importlib.import_module(new)
    assert importlib.import_module(new).__spec__.name == new


@pytest.mark.parametrize(
    "statement",
    [
        "from helsekg.amounts import find_amounts, parse_number",
        "from helsekg.query import query, named_query, named_queries, QueryResult",
        "from helsekg.network import to_networkx, actor_centrality, write_graphml",
        "from helsekg.corpus import read_document, document_from_text, Document, Region, slugify, BULLET_RE",
        "from helsekg.validate import validate, load_shapes, ValidationReport, Violation, EXTRACTION_ENGINE",
        "from helsekg.extract import extract, find_amounts",
        "from helsekg.evaluation import evaluate, load_gold, load_floors, GoldError",
        "from helsekg.batch import extract_stream, collect",
        "from helsekg.store import GraphStore",
        "from helsekg.records import Actor, Amount, Measure, Extraction",
        "from helsekg import load, extract_paths, extract_text, read_document, write_graph, summarize",
    ],
)
def test_layout_documented_names_still_import(statement):
    exec(statement, {})


def test_layout_parser_amount_is_renamed_with_a_warning():
    from helsekg.extract.records import Amount
    from helsekg.nlp import amounts

    with pytest.warns(DeprecationWarning, match="ParsedAmount"):
        old = amounts.Amount
    assert old is amounts.ParsedAmount and old is not Amount


def test_layout_one_error_table_holds_every_code():
    used = set()
    for module, path in MODULES.items():
        if module == "helsekg.errors":
            continue
        used |= set(re.findall(r"[\"'](E\d{3})[\"']", path.read_text(encoding="utf-8")))
    assert used <= set(errors.ERRORS), f"codes outside helsekg/errors.py: {sorted(used - set(errors.ERRORS))}"
    assert set(errors.INPUT_ERRORS) | set(errors.DISTRIBUTED_ERRORS) <= set(errors.ERRORS)


def test_layout_error_classes_live_in_errors():
    defined = []
    for module, path in MODULES.items():
        if module == "helsekg.errors":
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ClassDef) and any(
                isinstance(b, ast.Name) and b.id.endswith("HelsekgError") or isinstance(b, ast.Name) and b.id == "InputError"
                for b in node.bases
            ):
                defined.append(f"{module}.{node.name}")
    assert not defined, f"HelsekgError subclasses outside helsekg/errors.py: {defined}"


@pytest.mark.parametrize(
    "enum_value, text",
    [
        ("helsekg.text.document:RegionKind.TITLE", "title"),
        ("helsekg.text.document:LanguageCode.NN", "nn"),
        ("helsekg.nlp.actors:ActorKind.PERSON", "person"),
        ("helsekg.nlp.amounts:Qualifier.UP_TO", "UpTo"),
        ("helsekg.nlp.amounts:AmountKind.INCREASE", "Increase"),
        ("helsekg.validate.report:Engine.OXIGRAPH", "oxigraph"),
    ],
)
def test_layout_enums_compare_and_print_as_their_strings(enum_value, text):
    module, _, attribute = enum_value.partition(":")
    member = importlib.import_module(module)
    for part in attribute.split("."):
        member = getattr(member, part)
    assert member == text and str(member) == text and f"{member}" == text


def test_layout_records_coerce_strings_to_enums():
    from decimal import Decimal

    from helsekg.extract.records import Actor, Amount
    from helsekg.nlp.actors import ActorKind
    from helsekg.nlp.amounts import AmountKind, Qualifier

    amount = Amount("d", 0, 12, "2 mill. kr", value=Decimal(2000000), is_money=True, qualifier="UpTo", kind="Total")
    assert amount.qualifier is Qualifier.UP_TO and amount.kind is AmountKind.TOTAL
    assert Actor("d", 0, 3, "KS", label="KS", kind="organisation", key="ks").kind is ActorKind.ORGANISATION
    with pytest.raises(ValueError):
        Amount("d", 0, 1, "x", value=Decimal(1), is_money=True, qualifier="Roughly", kind="Total")


def test_layout_one_line_layout_for_every_stage():
    """The page scanner, the recommendation finder and the measure finder share helsekg.text.layout."""
    for name in ("helsekg/text/header.py", "helsekg/extract/recommendations.py", "helsekg/extract/measures"):
        path = PACKAGE.parent / name
        files = sorted(path.rglob("*.py")) if path.is_dir() else [path]  # a package: its modules together
        source = "\n".join(f.read_text(encoding="utf-8") for f in files)
        assert "helsekg.text.layout import" in source, name
        assert not re.search(r"^_?BULLET\w* = re\.compile", source, re.M), f"{name} defines its own list-item pattern"
        assert 'text.split("\\n")' not in source, f"{name} splits lines itself"


def test_layout_one_cue_loader():
    """Every shipped word list is read through helsekg.resources (load_data / read_json_data)."""
    offenders = []
    for module, path in MODULES.items():
        if module == "helsekg.resources" or ".training." in module:
            continue
        source = path.read_text(encoding="utf-8")
        if re.search(r"json\.loads?\(", source) and "data_path(" in source:
            offenders.append(module)
    assert not offenders, f"modules reading helsekg/data JSON themselves: {offenders}"


def test_layout_deprecation_free_import_of_every_module():
    with warnings.catch_warnings():
        warnings.simplefilter("error", DeprecationWarning)
        for module in MODULES:
            if module.startswith("helsekg.training") or module.endswith("distributed"):
                continue
            importlib.import_module(module)
