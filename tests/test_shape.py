"""The layout keeps its shape: no import cycles, SQL only in the store, modules a person can read in one sitting,
card states only by name."""

from __future__ import annotations

import ast
import functools
import re
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "mlwiki"
MAX_LINES = 500
SQL = re.compile(r"\b(SELECT|INSERT\s+(OR\s+\w+\s+)?INTO|UPDATE\s+\w+\s+SET|DELETE\s+FROM|CREATE\s+(TEMP\s+)?"
                 r"(TABLE|INDEX)|DROP\s+(TABLE|INDEX)|ALTER\s+TABLE|PRAGMA)\b")
# Layers, lowest first: a package may import only from its own layer or lower ones.
LAYERS = [
    {"errors", "textsafe", "ids", "config", "models", "studyday", "__init__"},
    {"render"}, {"sources"}, {"extract"}, {"store"}, {"scan"}, {"review"}, {"export"}, {"stats"},
    {"anki", "optimize"}, {"cli", "commands", "__main__"},
]


@functools.cache
def modules() -> dict[str, Path]:
    found = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
        name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        found[name] = path
    return found


def imports_of(name: str, path: Path, known: dict[str, Path]) -> set[str]:
    """Every mlwiki module `name` imports, at the top or inside functions."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    out = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            targets = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                base = ".".join(package.split(".")[: len(package.split(".")) - node.level + 1] + ([base] if base else []))
            targets = [f"{base}.{a.name}" if f"{base}.{a.name}" in known else base for a in node.names]
        else:
            continue
        out |= {t for t in targets if t in known and t != name}
    return out


@functools.cache
def graph() -> dict[str, set[str]]:
    known = modules()
    return {name: imports_of(name, path, known) for name, path in known.items()}


def cycles(edges: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components with more than one node (Tarjan)."""
    index, low, stack, on_stack, found = {}, {}, [], set(), []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for nxt in edges.get(node, ()):
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in on_stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            component = []
            while True:
                item = stack.pop()
                on_stack.discard(item)
                component.append(item)
                if item == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for node in sorted(edges):
        if node not in index:
            visit(node)
    return found


def layer_of(module: str) -> int:
    top = module.split(".")[1] if "." in module else "__init__"  # mlwiki/__init__.py is the package itself
    return next(i for i, names in enumerate(LAYERS) if top in names)


def test_no_import_cycles_between_modules():
    assert cycles(graph()) == []


def test_each_package_imports_only_lower_layers():
    wrong = [f"{a} imports {b}" for a, targets in graph().items() for b in targets if layer_of(b) > layer_of(a)]
    assert wrong == []


def test_the_cycle_finder_finds_a_cycle():
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]


def _strings(tree: ast.AST):
    """String literals and f-string parts, docstrings left out."""
    docstrings = {id(node.body[0].value) for node in ast.walk(tree)
                  if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef))
                  and node.body and isinstance(node.body[0], ast.Expr) and isinstance(node.body[0].value, ast.Constant)}
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings:
            yield node


def test_sql_only_in_the_store():
    found = []
    for name, path in modules().items():
        if name.startswith("mlwiki.store"):
            continue
        for node in _strings(ast.parse(path.read_text(encoding="utf-8"))):
            if SQL.search(node.value):
                found.append(f"{path.relative_to(PACKAGE.parent)}:{node.lineno}: {node.value[:60]!r}")
    assert found == []


def test_the_sql_detector_sees_sql():
    tree = ast.parse('x = "SELECT id FROM cards"\ny = f"UPDATE cards SET a = {1}"\nz = "Select a deck"\n')
    assert {n.value: bool(SQL.search(n.value)) for n in _strings(tree)} == {
        "SELECT id FROM cards": True, "UPDATE cards SET a = ": True, "Select a deck": False}


# Splits still in flight on other branches of this batch: strict, so each must come off once its split lands.
AWAITING_SPLIT: set[str] = set()


@pytest.mark.parametrize("name", [pytest.param(n, marks=pytest.mark.xfail(strict=True, reason="split in flight"))
                                  if n in AWAITING_SPLIT else n for n in sorted(modules())])
def test_modules_stay_readable(name):
    lines = len(modules()[name].read_text(encoding="utf-8").splitlines())
    assert lines <= MAX_LINES, f"{name} has {lines} lines; split it by job"


def test_card_states_only_by_name_outside_the_store():
    """`state = 2` and friends in SQL or comparisons: only the store spells states as numbers."""
    literal_state = re.compile(r"\bstate(_before)?\s*(=|==|!=|<>|IN|>|<|>=|<=)\s*\(?\s*[0-3]\b", re.I)
    found = []
    for name, path in modules().items():
        if name.startswith("mlwiki.store") or name == "mlwiki.models":
            continue
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            if literal_state.search(line):
                found.append(f"{path.relative_to(PACKAGE.parent)}:{n}: {line.strip()}")
    assert found == []
