"""Every public function carries a docstring with an example that runs (as a doctest).

The doctests themselves are run by pytest's ``--doctest-modules``; this test makes sure
that no public function is left without one.
"""

from __future__ import annotations

import inspect

import pytest

import electoral_rules as er

FUNCTIONS = sorted(
    name for name in er.__all__ if inspect.isfunction(getattr(er, name))
)
CLASSES_WITH_EXAMPLES = ["Allocation", "Divisor", "Quota", "Tally", "Threshold", "TieBreak", "Tie"]


@pytest.mark.parametrize("name", FUNCTIONS)
def test_public_function_has_an_example(name: str) -> None:
    doc = inspect.getdoc(getattr(er, name)) or ""
    assert ">>>" in doc, f"electoral_rules.{name} has no example in its docstring"


@pytest.mark.parametrize("name", CLASSES_WITH_EXAMPLES)
def test_main_records_have_an_example(name: str) -> None:
    obj = getattr(er, name)
    doc = (inspect.getdoc(obj) or "") + (inspect.getdoc(inspect.getmodule(obj)) or "")
    assert ">>>" in doc, f"electoral_rules.{name} has no example in its docstring or module"
