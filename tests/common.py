"""Fixtures shared by several test modules, in every folder of ``tests/``: the test data
folder, the AFP example, tie-break policies, and the benchmark's generator of synthetic
PR2017 trees."""

from __future__ import annotations

import importlib.util
import json
from collections.abc import Mapping
from pathlib import Path
from types import ModuleType
from typing import Any

from electoral_rules import Candidate, PartyList, Tally
from electoral_rules.tiebreak import IfUnresolved, TieBreak, given_order, most_votes

__all__ = ["AFP", "DATA", "REPORT", "bench_reader", "decisive", "golden_tally", "load_json", "party"]

DATA = Path(__file__).parent / "data"
"""``tests/data/``: test data copied into the project, each file with its source in its README."""

AFP = {"A": 1023, "B": 258, "C": 253}
"""The AFP dispatch's Senate example (5 seats): A 4, B 1, C 0."""

REPORT = TieBreak(if_unresolved=IfUnresolved.REPORT)
"""Report an unresolved tie in the outcome instead of raising."""

BENCH_READER = Path(__file__).parent.parent / "bench" / "bench_reader.py"


def load_json(path: Path) -> dict[str, Any]:
    """A JSON object of the test data (a golden result, a transcribed election)."""
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


def golden_tally(data: Mapping[str, Any], key: str = "lists", **extra: Any) -> Tally:
    """The :class:`Tally` of a golden result: ``data[key]`` items give ``name`` and ``votes``,
    ``data`` the totals (registered, voters, blank, null, expressed)."""
    return Tally(
        votes={item["name"]: item["votes"] for item in data[key]},
        registered=data["registered"], voters=data["voters"], blank=data["blank"], null=data["null"],
        expressed=data["expressed"], **extra,
    )


def party(name: str, *people: str) -> PartyList:
    """A list called ``name`` whose candidates are ``people``, in order."""
    return PartyList(name=name, candidates=tuple(Candidate(name=person) for person in people))


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
