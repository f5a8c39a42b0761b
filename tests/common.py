"""Fixtures shared by several test modules, in every folder of ``tests/``: the test data
folder, the AFP example, tie-break policies, and the benchmark's generator of synthetic
PR2017 trees."""

from __future__ import annotations

import importlib.util
from collections.abc import Mapping
from pathlib import Path
from types import ModuleType

from electoral_rules.tiebreak import IfUnresolved, TieBreak, given_order, most_votes

__all__ = ["AFP", "DATA", "REPORT", "bench_reader", "decisive"]

DATA = Path(__file__).parent / "data"
"""``tests/data/``: test data copied into the project, each file with its source in its README."""

AFP = {"A": 1023, "B": 258, "C": 253}
"""The AFP dispatch's Senate example (5 seats): A 4, B 1, C 0."""

REPORT = TieBreak(if_unresolved=IfUnresolved.REPORT)
"""Report an unresolved tie in the outcome instead of raising."""

BENCH_READER = Path(__file__).parent.parent / "bench" / "bench_reader.py"


def decisive(names: Mapping[str, int]) -> TieBreak:
    """A tie-break that always settles: most votes, then the order of ``names``."""
    return TieBreak(criteria=(most_votes(), given_order(list(names))))


def bench_reader() -> ModuleType:
    """``bench/bench_reader.py`` as a module (bench/ is not a package): its ``generate``
    writes a synthetic national tree in the Ministry's PR2017 layout."""
    spec = importlib.util.spec_from_file_location("bench_reader", BENCH_READER)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module
