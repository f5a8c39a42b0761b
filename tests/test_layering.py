"""Data flows one way (STYLE.md): a module imports only from modules above it.

Order, top to bottom: errors; _exact, _mapping, _dates, _deprecation; tally; outcome; tiebreak; apportionment; stv;
france; europe; io; render; the package's __init__ (re-exports); cli; __main__. Module-level imports are checked with ``ast``. Imports
inside functions are allowed only from ``outcome`` into ``render`` (the presentation
methods ``explain``/``to_markdown``/``_repr_html_`` load the renderers when called) and
from ``render`` into ``errors``; anything else inside a function is reported too.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).parent.parent / "src" / "electoral_rules"

LAYERS = [
    {"errors"},
    {"_exact", "_mapping", "_dates", "_deprecation"},
    {"tally"},
    {"outcome"},
    {"tiebreak"},
    {"apportionment"},
    {"stv"},
    {"france"},
    {"europe"},
    {"io"},
    {"render"},
    {"__init__"},
    {"cli"},
    {"__main__"},
]
RANK = {name: rank for rank, names in enumerate(LAYERS) for name in names}
DEFERRED_ALLOWED = {("outcome", "render"), ("render", "errors")}


def _top(module: Path) -> str:
    parts = module.relative_to(PACKAGE).with_suffix("").parts
    return parts[0]


def _resolve(module: Path, node: ast.ImportFrom) -> str | None:
    """The top-level package member an import refers to, or None for outside imports."""
    if node.level == 0:
        name = node.module or ""
        if not name.startswith("electoral_rules"):
            return None
        rest = name.split(".")[1:]
        return rest[0] if rest else "__init__"
    parts = list(module.relative_to(PACKAGE).with_suffix("").parts[:-1])
    base = parts[: len(parts) - (node.level - 1)]
    target = [*base, *(node.module.split(".") if node.module else [])]
    if not target:
        return "__init__"
    return target[0]


def _imports(module: Path) -> list[tuple[str, bool]]:
    tree = ast.parse(module.read_text(encoding="utf-8"))
    found: list[tuple[str, bool]] = []
    top_level = set(map(id, tree.body))
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom):
            target = _resolve(module, node)
            if target is not None:
                found.append((target, id(node) not in top_level and not _in_type_checking(tree, node)))
        elif isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.startswith("electoral_rules."):
                    found.append((alias.name.split(".")[1], id(node) not in top_level))
    return found


def _in_type_checking(tree: ast.Module, node: ast.AST) -> bool:
    for stmt in tree.body:
        guarded = isinstance(stmt, ast.If) and isinstance(stmt.test, ast.Name) and stmt.test.id == "TYPE_CHECKING"
        if guarded and any(child is node for child in ast.walk(stmt)):
            return True
    return False


MODULES = sorted(PACKAGE.rglob("*.py"))


@pytest.mark.parametrize("module", MODULES, ids=lambda p: str(p.relative_to(PACKAGE)))
def test_module_imports_only_from_layers_above(module: Path) -> None:
    here = _top(module)
    assert here in RANK, f"{here} is not in the layer list of tests/test_layering.py"
    for target, deferred in _imports(module):
        if target == here:
            continue
        assert target in RANK, f"{module.name} imports unknown part {target}"
        if deferred and (here, target) in DEFERRED_ALLOWED:
            continue
        assert RANK[target] < RANK[here], (
            f"{module.relative_to(PACKAGE)} imports {target}, which is not above it"
        )


def test_the_checker_catches_an_upward_import(tmp_path: Path) -> None:
    fake = PACKAGE / "tally.py"
    tree_imports = _imports(fake)
    assert all(RANK[target] < RANK["tally"] for target, _ in tree_imports if target != "tally")
    # A rule module importing the CLI would be reported:
    bad = ast.parse("from ..cli import main").body[0]
    assert isinstance(bad, ast.ImportFrom)
    assert _resolve(PACKAGE / "apportionment" / "divisors.py", bad) == "cli"
    assert RANK["cli"] > RANK["apportionment"]
