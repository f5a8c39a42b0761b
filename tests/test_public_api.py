"""The curated public API: ``__all__`` is sorted, complete and importable."""

from __future__ import annotations

import ast
import importlib
import pkgutil
import re
import warnings
from collections.abc import Iterator
from pathlib import Path

import pytest

import electoral_rules as er


def _isort_key(name: str) -> tuple[int, list[tuple[int, str]]]:
    """Ruff's RUF022 order: CONSTANTS, then Classes, then functions, each in natural order
    (``L558_2`` before ``L558_19``)."""
    natural = [(int(part), "") if part.isdigit() else (-1, part) for part in re.split(r"(\d+)", name) if part]
    if name.isupper():
        return (0, natural)
    return (1, natural) if name[0].isupper() else (2, natural)


def _modules() -> list[str]:
    names = ["electoral_rules"]
    for info in pkgutil.walk_packages(er.__path__, prefix="electoral_rules."):
        if not info.name.endswith("__main__"):
            names.append(info.name)
    return sorted(names)


@pytest.mark.parametrize("name", _modules())
def test_all_is_sorted_and_resolves(name: str) -> None:
    module = importlib.import_module(name)
    exported = getattr(module, "__all__", None)
    if exported is None:
        return
    public = [item for item in exported if item != "__version__"]
    assert public == sorted(public, key=_isort_key), f"{name}.__all__ is not sorted"
    for item in exported:
        assert hasattr(module, item), f"{name}.__all__ names {item!r}, which does not exist"


def test_every_error_derives_from_the_root() -> None:
    from electoral_rules import errors

    for item in errors.__all__:
        assert issubclass(getattr(errors, item), er.ElectoralRulesError)


def test_public_names_are_in_the_package_namespace() -> None:
    for item in ("dhondt", "Tally", "Allocation", "UnresolvedTieError", "TieBreak", "Divisor"):
        assert item in er.__all__


def test_version_is_a_string() -> None:
    assert isinstance(er.__version__, str) and er.__version__.count(".") == 2


# -- every module's __all__ equals its public names ------------------------------------------


def _top_level(body: list[ast.stmt]) -> Iterator[ast.stmt]:
    """The statements run on import, through ``if``/``try`` blocks but not ``if TYPE_CHECKING:``."""
    for stmt in body:
        if isinstance(stmt, ast.If):
            if not (isinstance(stmt.test, ast.Name) and stmt.test.id == "TYPE_CHECKING"):
                yield from _top_level(stmt.body)
                yield from _top_level(stmt.orelse)
        elif isinstance(stmt, ast.Try):
            for block in (stmt.body, *(h.body for h in stmt.handlers), stmt.orelse, stmt.finalbody):
                yield from _top_level(block)
        else:
            yield stmt


def _targets(node: ast.expr) -> Iterator[str]:
    for item in ast.walk(node):
        if isinstance(item, ast.Name):
            yield item.id


def _served_by_getattr(tree: ast.Module) -> tuple[set[str], bool]:
    """The names a module ``__getattr__`` serves: the strings it compares its argument with
    (``name == "Place"``, ``name in {"a", "b"}``) and the keys of the module-level mapping it
    looks the argument up in (``name in _LAZY``); and whether it serves what ``__all__`` lists
    (``name in __all__``: a lazy package, a deprecated module forwarding its names)."""
    constants: dict[str, ast.expr] = {}
    served: set[str] = set()
    serves_all = False
    for stmt in tree.body:
        if isinstance(stmt, ast.Assign | ast.AnnAssign) and stmt.value is not None:
            for target in stmt.targets if isinstance(stmt, ast.Assign) else [stmt.target]:
                if isinstance(target, ast.Name):
                    constants[target.id] = stmt.value
        if isinstance(stmt, ast.FunctionDef) and stmt.name == "__getattr__":
            argument = stmt.args.args[0].arg
            for node in ast.walk(stmt):
                if not (isinstance(node, ast.Compare) and isinstance(node.left, ast.Name) and node.left.id == argument):
                    continue
                for other in node.comparators:
                    serves_all = serves_all or (isinstance(other, ast.Name) and other.id == "__all__")
                    if isinstance(other, ast.Name) and other.id != "__all__":
                        other = constants.get(other.id, other)
                    keys = other.keys if isinstance(other, ast.Dict) else [other]
                    for item in keys:
                        for leaf in ast.walk(item) if item is not None else ():
                            if isinstance(leaf, ast.Constant) and isinstance(leaf.value, str):
                                served.add(leaf.value)
    return served, serves_all


def _names(module_name: str) -> tuple[set[str], set[str], bool]:
    """The public names a module must list, those it may list, and whether its ``__getattr__``
    serves whatever ``__all__`` lists; read from its source."""
    module = importlib.import_module(module_name)
    assert module.__file__ is not None
    tree = ast.parse(Path(module.__file__).read_text(encoding="utf-8"))
    is_package = Path(module.__file__).name == "__init__.py"
    defined: set[str] = set()
    library_imports: set[str] = set()
    for stmt in _top_level(tree.body):
        if isinstance(stmt, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
            defined.add(stmt.name)
        elif isinstance(stmt, ast.Assign):
            for target in stmt.targets:
                defined.update(_targets(target))
        elif isinstance(stmt, ast.AnnAssign | ast.AugAssign):
            defined.update(_targets(stmt.target))
        elif isinstance(stmt, ast.ImportFrom) and (stmt.level or (stmt.module or "").startswith("electoral_rules")):
            library_imports.update(alias.asname or alias.name for alias in stmt.names)
    public = {name for name in defined if not name.startswith("_")}
    reexports = {name for name in library_imports if not name.startswith("_")}
    served, serves_all = _served_by_getattr(tree)
    required = public | served | (reexports if is_package else set())
    dunders = {name for name in defined if name.startswith("__") and name.endswith("__")} - {"__all__"}
    return required, required | reexports | dunders, serves_all


@pytest.mark.parametrize("name", _modules())  # not __main__: a script, run on import
def test_all_equals_the_public_names(name: str) -> None:
    """A module's ``__all__`` lists exactly its public names, read from its source:

    - every name it binds at top level (``def``, ``class``, assignment, also inside top-level
      ``if``/``try`` blocks, not under ``if TYPE_CHECKING:``) without a leading underscore;
    - every name served by its module ``__getattr__`` (lazy submodules, lazy re-exports and
      deprecated aliases count as public);
    - in a package's ``__init__``, every name it imports from the library without a leading
      underscore (a package re-exports what it imports);
    - a module whose ``__getattr__`` serves ``name in __all__`` (``france``, the deprecated
      ``france.common``) may list any name that resolves;
    - in any other module, a name imported from the library may be listed (a deliberate
      re-export, as ``io.ministry_xml`` does with the records) but need not be; a name imported
      from outside the library never is;
    - dunder names it binds (``__version__``) may be listed.

    A module without public names says so with ``__all__ = []``; private modules (``_x``)
    follow the same rule, their names being public to their package.
    """
    required, allowed, serves_all = _names(name)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        module = importlib.import_module(name)
    exported = getattr(module, "__all__", None)
    assert exported is not None, f"{name} has no __all__ (public names: {sorted(required)})"
    assert len(set(exported)) == len(exported), f"{name}.__all__ repeats a name"
    missing = required - set(exported)
    extra = set() if serves_all else set(exported) - allowed  # test_all_is_sorted_and_resolves resolves each
    assert not missing and not extra, f"{name}.__all__ lacks {sorted(missing)} and lists {sorted(extra)}"
