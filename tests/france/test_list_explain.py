"""The list elections' traces use the step kinds the explanations tell (THRESHOLD, BONUS, QUOTIENT,
INITIAL, SEAT, TIE), and the explanations work in French and English once the renderer is present."""

from __future__ import annotations

import datetime as dt
from typing import Literal

import pytest

from electoral_rules import Allocation, StepKind
from electoral_rules.france import european, municipal, regional, senate

TOLD = {StepKind.THRESHOLD, StepKind.BONUS, StepKind.QUOTIENT, StepKind.INITIAL, StepKind.SEAT, StepKind.TIE}


def _examples() -> dict[str, Allocation]:
    return {
        "municipal": municipal.allocate({"A": 362, "B": 188}, 15, date=dt.date(2014, 3, 23)),
        "regional": regional.allocate({"A": 4000, "B": 3500, "C": 2000, "D": 400}, 20, round=2,
                                      date=dt.date(2021, 6, 27)),
        "european": european.allocate({"A": 5000, "B": 3000, "C": 1500, "D": 499}, 10,
                                      date=dt.date(2024, 6, 9)),
        "senate": senate.allocate({"A": 1023, "B": 258, "C": 253}, 5),
        "senate tie": senate.allocate({"A": 450, "B": 150, "C": 150}, 3),
    }


@pytest.mark.parametrize("name", sorted(_examples()))
def test_trace_kinds_are_the_told_ones(name: str) -> None:
    result = _examples()[name]
    kinds = [step.kind for step in result.trace]
    assert set(kinds) <= TOLD
    assert StepKind.QUOTIENT in kinds
    assert (StepKind.BONUS in kinds) == bool(result.bonus)
    assert (StepKind.THRESHOLD in kinds) == (result.threshold is not None)
    if result.bonus:
        assert kinds[0] is StepKind.BONUS
    seats = [step for step in result.trace if step.kind is StepKind.SEAT]
    initial = sum(step.seats or 0 for step in result.trace if step.kind is StepKind.INITIAL)
    proportional = sum(result.proportional_seats.values())
    assert initial + len(seats) == proportional
    if result.undetermined:
        assert kinds[-1] is StepKind.TIE


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_explanations(lang: Literal["fr", "en"]) -> None:
    for result in _examples().values():
        text = result.explain(lang)
        assert isinstance(text, str)
        for name, seats in result.items():
            if seats:
                assert name in text
