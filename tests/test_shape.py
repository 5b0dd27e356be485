"""The layout keeps its shape: no import cycles, each package importing only what its docstring declares,
mlwiki's SQL only in the store and Anki's only in ankiformat, modules a person can read in one sitting,
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
# The modules at the bottom: they may import one another (no cycles), and nothing else of mlwiki.
BASE = {"errors", "textsafe", "ids", "config", "states", "problems", "models", "studyday", "__init__"}
# The modules at the top, which put the commands together: they may import anything.
TOP = {"cli", "__main__"}
# Anki's tables: SQL naming one of them belongs in mlwiki/ankiformat/ only.
# (mlwiki has a `cards` table of its own, so Anki's is told apart by the tables only Anki has.)
ANKI_TABLES = re.compile(r"\b(FROM|JOIN|INTO|UPDATE|TABLE)\s+(revlog|notes|col|graves|deck_config|notetypes|decks)\b",
                         re.I)


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


def top(module: str) -> str:
    """The package (or base module) a module belongs to: mlwiki.review.queue → review."""
    return module.split(".")[1] if "." in module else "__init__"


def declared_imports(package: str) -> set[str] | None:
    """What a package's `__init__.py` says it may import, from its `imports:` line (None: `imports: *`)."""
    doc = ast.get_docstring(ast.parse((PACKAGE / package / "__init__.py").read_text(encoding="utf-8"))) or ""
    lines = [line for line in doc.splitlines() if line.startswith("imports:")]
    assert len(lines) == 1, f"mlwiki/{package}/__init__.py: its docstring needs one 'imports: …' line"
    names = {n.strip() for n in lines[0].removeprefix("imports:").split(",") if n.strip()}
    return None if names == {"*"} else {"__init__" if n == "mlwiki" else n for n in names}


def packages() -> list[str]:
    return sorted(p.parent.name for p in PACKAGE.glob("*/__init__.py"))


def undeclared(edges: dict[str, set[str]], allowed) -> list[str]:
    """Imports between packages that the importing package does not declare."""
    wrong = []
    for a, targets in edges.items():
        for b in targets:
            if top(a) == top(b) or top(a) in TOP:
                continue
            if top(a) in BASE:
                ok = top(b) in BASE
            else:
                ok = allowed[top(a)] is None or top(b) in allowed[top(a)]
            if not ok:
                wrong.append(f"{a} imports {b}")
    return sorted(wrong)


def test_no_import_cycles_between_modules():
    assert cycles(graph()) == []


def test_each_package_imports_only_what_its_docstring_declares():
    allowed = {name: declared_imports(name) for name in packages()}
    assert undeclared(graph(), allowed) == []


def test_declared_imports_name_real_packages_and_form_no_cycle():
    allowed = {name: declared_imports(name) for name in packages()}
    known = set(packages()) | BASE
    assert {n for names in allowed.values() if names for n in names} <= known
    assert cycles({name: names or set() for name, names in allowed.items() if names is not None}) == []


def test_the_declaration_check_sees_an_undeclared_import():
    edges = {"mlwiki.store.cards": {"mlwiki.review.queue", "mlwiki.models"}, "mlwiki.models": {"mlwiki.store.db"}}
    assert undeclared(edges, {"store": {"models"}, "review": set()}) == [
        "mlwiki.models imports mlwiki.store.db", "mlwiki.store.cards imports mlwiki.review.queue"]


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


def sql_strings(outside: str) -> list[tuple[str, ast.Constant]]:
    """(module, string literal) of every SQL string in modules outside the package `outside`."""
    found = []
    for name, path in modules().items():
        if name.startswith(f"mlwiki.{outside}"):
            continue
        found += [(name, node) for node in _strings(ast.parse(path.read_text(encoding="utf-8")))
                  if SQL.search(node.value)]
    return found


def test_mlwikis_sql_only_in_the_store_and_ankis_only_in_ankiformat():
    wrong = [f"{modules()[name].relative_to(PACKAGE.parent)}:{node.lineno}: {node.value[:60]!r}"
             for name, node in sql_strings("store") if not name.startswith("mlwiki.ankiformat")]
    assert wrong == []
    in_store = [f"{modules()[name].relative_to(PACKAGE.parent)}:{node.lineno}: {node.value[:60]!r}"
                for name, node in sql_strings("ankiformat") if ANKI_TABLES.search(node.value)]
    assert in_store == []


def test_the_anki_table_detector_tells_the_two_apart():
    assert ANKI_TABLES.search("SELECT id, cid FROM revlog") and ANKI_TABLES.search("SELECT crt FROM col")
    assert not ANKI_TABLES.search("SELECT * FROM reviews ORDER BY card_id")
    assert not ANKI_TABLES.search("UPDATE cards SET suspended = ? WHERE id = ?")


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
        if name.startswith("mlwiki.store") or name in ("mlwiki.models", "mlwiki.states"):
            continue
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            if literal_state.search(line):
                found.append(f"{path.relative_to(PACKAGE.parent)}:{n}: {line.strip()}")
    assert found == []
