"""Data flows one way (STYLE.md) and private names stay private: an ``ast`` checker of every
module of the package, and a self-test that runs it on a deliberately bad package.

Order of the parts, top to bottom (see ``LAYERS``): errors; _exact, _mapping, _dates,
_deprecation, _json; tally; outcome; tiebreak; apportionment; stv; france; europe; io; render; the
package's ``__init__`` (re-exports); cli; ``__main__``.

Every import of the library is checked wherever it is written: at module level, inside a
function or a class, under ``if TYPE_CHECKING:``. The checker reports every violation it finds
(module, line, kind) and goes on. The kinds:

``upward``
    A module imports a part that is not above it. A *deferred* import (inside a function) is
    accepted only for the pairs of ``DEFERRED_ALLOWED``, each with its reason.
``cycle``
    Inside one package (``france``, ``io``, ``render``, ...), the modules' imports of each
    other form a cycle. Module-level and deferred imports both count (a deferred import that
    closes a cycle hides the cycle, it does not remove it); ``TYPE_CHECKING`` imports do not,
    since they never run. A package's ``__init__`` is a node like the others. Known cycles
    are listed in ``ALLOWED_CYCLES`` with their reason.
``private-name``
    A module imports another module's underscore name (``from .x import _y``) or reads one
    through a module it imported (``x._y``). Dunder names (``__version__``) are not private.
    One rule of exception: the underscore names of a *private module* may be used by the
    modules of the package that owns it (``io._xml_tree._read_document`` by
    ``io.ministry_xml``): a private module holds its package's shared internals, and its names
    keep the underscore that says they are not for users. Any other exception goes in
    ``ALLOWED_PRIVATE`` with its reason (none today).
``private-module``
    A module imports a private module (a ``_x`` component in the dotted name) of a package it
    is not inside. A private module is open to its own package and that package's
    subpackages: ``electoral_rules._exact`` to the whole library, ``electoral_rules.io._checker``
    to ``electoral_rules.io`` only.

Not checked: imports through ``importlib.import_module`` (the lazy ``__getattr__`` of the
package and of ``france``, whose targets are their own submodules, and the optional
spreadsheet readers, which are outside the library).
"""

from __future__ import annotations

import ast
import functools
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import NamedTuple

import pytest

PACKAGE = Path(__file__).parent.parent / "src" / "electoral_rules"
NAME = "electoral_rules"

LAYERS = [
    {"errors"},
    {"_exact", "_mapping", "_dates", "_deprecation", "_json"},
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

DEFERRED_ALLOWED = {
    # Outcome.explain / to_markdown / _repr_html_ present the record: they load the
    # renderers when called, so that the rules never import the presentation layer.
    ("outcome", "render"): "presentation methods of the outcome records",
}

ALLOWED_PRIVATE: dict[tuple[str, str, str], str] = {}
"""(importing module, imported module, name) -> why this underscore name may cross."""

ALLOWED_CYCLES: dict[frozenset[str], str] = {
    frozenset({"electoral_rules.france.senate_tables.data", "electoral_rules.france.senate_tables.records"}): (
        "Renewal.__getitem__ (records) resolves a spelling through data.lookup, inside the method;"
        " data builds the records. To remove: move Renewal's lookup next to the data."
    ),
}
"""The modules of a known import cycle inside a package -> why it stays (for now)."""


class Violation(NamedTuple):
    kind: str
    module: str
    line: int
    detail: str

    def __str__(self) -> str:
        return f"{self.module}:{self.line}: {self.kind}: {self.detail}"


class _Import(NamedTuple):
    target: str  # dotted module imported (or imported from)
    name: str | None  # the name taken from ``target``; None when ``target`` itself is bound
    line: int
    deferred: bool  # inside a function (runs when called)
    typing_only: bool  # under ``if TYPE_CHECKING:``
    bound: str | None  # the local name bound to ``target`` when it is a module of the library


def _modules(root: Path) -> dict[str, Path]:
    """Dotted name -> file, for every module under ``root`` (a package called ``NAME``)."""
    found: dict[str, Path] = {}
    for path in sorted(root.rglob("*.py")):
        parts = path.relative_to(root).with_suffix("").parts
        if parts[-1] == "__init__":
            parts = parts[:-1]
        found[".".join((NAME, *parts))] = path
    return found


def _part(module: str) -> str:
    """The top-level part a dotted module belongs to (``__init__`` for the package itself)."""
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else "__init__"


def _package_of(module: str, path: Path) -> str:
    return module if path.name == "__init__.py" else module.rpartition(".")[0]


def _is_typing_guard(node: ast.AST) -> bool:
    return isinstance(node, ast.If) and (
        (isinstance(node.test, ast.Name) and node.test.id == "TYPE_CHECKING")
        or (isinstance(node.test, ast.Attribute) and node.test.attr == "TYPE_CHECKING")
    )


_FUNCTIONS = (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)


@functools.cache
def _scan(text: str) -> tuple[list[tuple[ast.Import | ast.ImportFrom, bool, bool]], list[ast.Attribute]]:
    """The import statements of a module's source, each with whether it sits inside a
    function and under ``if TYPE_CHECKING:``, and the attribute reads ``name._x`` of
    underscore names (cached by text: the self-tests check copies of the package)."""
    tree = ast.parse(text)
    imports: list[tuple[ast.Import | ast.ImportFrom, bool, bool]] = []
    attributes: list[ast.Attribute] = []
    stack: list[tuple[ast.AST, bool, bool]] = [(tree, False, False)]
    while stack:
        node, deferred, typing_only = stack.pop()
        if isinstance(node, ast.Import | ast.ImportFrom):
            imports.append((node, deferred, typing_only))
            continue
        if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) and _private(node.attr):
            attributes.append(node)
        inner = deferred or isinstance(node, _FUNCTIONS)
        guard = _is_typing_guard(node)
        for field, value in ast.iter_fields(node):
            guarded = typing_only or (guard and field == "body")
            for child in value if isinstance(value, list) else (value,):
                if isinstance(child, ast.AST):
                    stack.append((child, inner, guarded))
    return imports, attributes


def _imports(
    module: str, path: Path, found: list[tuple[ast.Import | ast.ImportFrom, bool, bool]], known: set[str]
) -> Iterator[_Import]:
    package = _package_of(module, path)
    for node, deferred, typing_only in found:
        if isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name == NAME or alias.name.startswith(NAME + "."):
                    bound = alias.asname if alias.asname and alias.name in known else None
                    yield _Import(alias.name, None, node.lineno, deferred, typing_only, bound)
            continue
        if node.level:
            base_parts = package.split(".")[: len(package.split(".")) - (node.level - 1)]
            base = ".".join([*base_parts, *([node.module] if node.module else [])])
        else:
            base = node.module or ""
        if base != NAME and not base.startswith(NAME + "."):
            continue
        for alias in node.names:
            submodule = f"{base}.{alias.name}"
            if submodule in known:
                yield _Import(submodule, None, node.lineno, deferred, typing_only, alias.asname or alias.name)
            else:
                yield _Import(base, alias.name, node.lineno, deferred, typing_only, None)


def _private(name: str) -> bool:
    return name.startswith("_") and not (name.startswith("__") and name.endswith("__"))


def _inside(module: str, package: str) -> bool:
    return module == package or module.startswith(package + ".")


def _shared_internal(module: str, target: str, name: str) -> bool:
    """Whether ``module`` may use the underscore ``name`` of ``target``: ``target`` is a private
    module of a package ``module`` is inside, or the use is listed in ``ALLOWED_PRIVATE``."""
    owner, _, last = target.rpartition(".")
    return (_private(last) and _inside(module, owner)) or (module, target, name) in ALLOWED_PRIVATE


def _cycles(edges: dict[str, set[str]]) -> list[list[str]]:
    """One representative cycle per strongly connected component of more than one module."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for nxt in sorted(edges.get(node, ())):
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in on_stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            component = []
            while True:
                top = stack.pop()
                on_stack.discard(top)
                component.append(top)
                if top == node:
                    break
            if len(component) > 1 or node in edges.get(node, ()):
                found.append(sorted(component))

    for node in sorted(edges):
        if node not in index:
            visit(node)
    return found


def check(root: Path) -> list[Violation]:
    """Every violation of the rules above in the package at ``root``."""
    modules = _modules(root)
    known = set(modules)
    violations: list[Violation] = []
    edges: dict[str, set[str]] = {}
    first_line: dict[tuple[str, str], int] = {}
    for module, path in modules.items():
        here = _part(module)
        if here not in RANK:
            violations.append(Violation("upward", module, 1, f"{here} is not in LAYERS of tests/test_layering.py"))
            continue
        found, attributes = _scan(path.read_text(encoding="utf-8"))
        aliases: dict[str, str] = {}
        for imp in _imports(module, path, found, known):
            if imp.bound:
                aliases[imp.bound] = imp.target
            there = _part(imp.target)
            where = f"{imp.target}" + (f".{imp.name}" if imp.name else "")
            if there not in RANK:
                violations.append(Violation("upward", module, imp.line, f"imports unknown part {there}"))
            elif there != here and RANK[there] >= RANK[here] and not (imp.deferred and (here, there) in DEFERRED_ALLOWED):
                how = "inside a function" if imp.deferred else "at module level"
                violations.append(Violation("upward", module, imp.line, f"imports {where} {how}, which is not above {here}"))
            if there == here and imp.target != module and not imp.typing_only:
                edges.setdefault(module, set()).add(imp.target)
                first_line.setdefault((module, imp.target), imp.line)
            for i, part in enumerate(imp.target.split(".")):
                owner = ".".join(imp.target.split(".")[:i])
                if _private(part) and not _inside(module, owner):
                    violations.append(Violation("private-module", module, imp.line, f"imports {where}: private to {owner}"))
            if imp.name and _private(imp.name) and not _shared_internal(module, imp.target, imp.name):
                violations.append(Violation("private-name", module, imp.line, f"imports {imp.name} from {imp.target}"))
        for node in attributes:
            assert isinstance(node.value, ast.Name)
            target = aliases.get(node.value.id)
            if target is not None and not _shared_internal(module, target, node.attr):
                violations.append(Violation("private-name", module, node.lineno, f"reads {node.attr} of {target}"))
    for cycle in _cycles(edges):
        if frozenset(cycle) in ALLOWED_CYCLES:
            continue
        start = cycle[0]
        line = min((first_line[(start, nxt)] for nxt in edges[start] if nxt in cycle), default=1)
        violations.append(Violation("cycle", start, line, " <-> ".join(cycle)))
    return violations


def test_the_package_has_no_layering_violation() -> None:
    violations = check(PACKAGE)
    assert not violations, "\n".join(map(str, violations))


def test_the_checker_sees_every_module() -> None:
    modules = _modules(PACKAGE)
    assert {"electoral_rules", "electoral_rules.france.senate", "electoral_rules.io._checker"} <= set(modules)
    assert {_part(m) for m in modules} == set(RANK)


BAD_PACKAGE = {
    "__init__.py": "",
    "errors.py": "",
    "_exact.py": "def helper() -> None: ...\n",
    "cli.py": "def main() -> None: ...\n",
    # upward at module level, in both spellings
    "tally.py": "from .cli import main\nimport electoral_rules.cli\n_hidden = 1\n",
    # upward inside a function (outcome -> io is not an allowed pair); outcome -> render is
    "outcome.py": (
        "def f() -> None:\n    from .io import reader\n"
        "def g() -> None:\n    from .render import view\n"
    ),
    "io/__init__.py": "",
    "io/reader.py": "",
    "render/__init__.py": "",
    "render/view.py": (
        "from ..france._private import VALUE\n"  # private module of another package
        "from .._exact import helper\n"  # private module of the whole package: open to all
    ),
    "france/__init__.py": "",
    "france/_private.py": "VALUE = 1\n_shared = 2\n",
    "france/engine.py": "from . import rule\n",
    "france/rule.py": "def f() -> None:\n    from .engine import x\n",  # a cycle closed inside a function
    "france/user.py": (
        "from ..tally import _hidden\n"  # another module's underscore name
        "from .. import tally\n"
        "value = tally._hidden\n"  # the same, read through the module
        "from . import _private\n"  # the package's own private module: fine
        "from typing import TYPE_CHECKING\n"
        "if TYPE_CHECKING:\n    from ..cli import main\n"  # upward, even for type checkers
        "from ._private import _shared\n"  # a private module's internals, in its own package: fine
        "if TYPE_CHECKING:\n    from . import user\n"  # a cycle for type checkers only: fine
    ),
}


def test_the_checker_reports_each_kind_on_a_bad_package(tmp_path: Path) -> None:
    root = tmp_path / NAME
    for name, text in BAD_PACKAGE.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text, encoding="utf-8")
    found = {(v.kind, v.module, v.line) for v in check(root)}
    assert found == {
        ("upward", "electoral_rules.tally", 1),
        ("upward", "electoral_rules.tally", 2),
        ("upward", "electoral_rules.outcome", 2),
        ("upward", "electoral_rules.france.user", 7),
        ("private-module", "electoral_rules.render.view", 1),
        ("cycle", "electoral_rules.france.engine", 1),
        ("private-name", "electoral_rules.france.user", 1),
        ("private-name", "electoral_rules.france.user", 3),
    }, "\n".join(map(str, check(root)))


@pytest.mark.parametrize(
    ("where", "kind", "text"),
    [
        ("apportionment/divisors.py", "upward", "from ..cli import main\n"),
        ("apportionment/divisors.py", "upward", "def f() -> None:\n    import electoral_rules.cli\n"),
        ("apportionment/divisors.py", "private-name", "from .quotas import _anything\n"),
        ("render/tables.py", "private-module", "from ..france._collectivity import anything\n"),
    ],
)
def test_one_bad_line_in_a_real_module_is_reported(tmp_path: Path, where: str, kind: str, text: str) -> None:
    """The checker on a copy of the package with one bad line added to one module."""
    root = tmp_path / NAME
    for path in PACKAGE.rglob("*.py"):
        target = root / path.relative_to(PACKAGE)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(path.read_text(encoding="utf-8"), encoding="utf-8")
    bad = root / where
    bad.write_text(bad.read_text(encoding="utf-8") + "\n" + text, encoding="utf-8")
    before = {(v.kind, v.module, v.detail) for v in check(PACKAGE)}  # the test above reports these
    found = [v for v in check(root) if (v.kind, v.module, v.detail) not in before]
    assert [v.kind for v in found] == [kind], "\n".join(map(str, found))
    assert found[0].module == "electoral_rules." + where.removesuffix(".py").replace("/", ".")


def test_every_allowed_exception_is_still_needed(monkeypatch: pytest.MonkeyPatch) -> None:
    """An entry of ALLOWED_CYCLES or ALLOWED_PRIVATE that no longer matches is removed."""
    allowed_cycles, allowed_private = dict(ALLOWED_CYCLES), dict(ALLOWED_PRIVATE)
    monkeypatch.setattr(sys.modules[__name__], "ALLOWED_CYCLES", {})
    monkeypatch.setattr(sys.modules[__name__], "ALLOWED_PRIVATE", {})
    found = check(PACKAGE)
    cycles = {frozenset(v.detail.split(" <-> ")) for v in found if v.kind == "cycle"}
    assert set(allowed_cycles) <= cycles
    private = {(v.module, v.detail) for v in found if v.kind == "private-name"}
    for module, target, name in allowed_private:
        assert (module, f"imports {name} from {target}") in private or (module, f"reads {name} of {target}") in private
