"""The curated public API: ``__all__`` is sorted, complete and importable."""

from __future__ import annotations

import importlib
import pkgutil

import pytest

import electoral_rules as er


def _isort_key(name: str) -> tuple[int, str]:
    """Ruff's RUF022 order: CONSTANTS, then Classes, then functions, each alphabetical."""
    if name.isupper():
        return (0, name)
    return (1, name) if name[0].isupper() else (2, name)


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
