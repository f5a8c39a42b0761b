"""Sénatoriales, proportional part (Code électoral, art. L295): 2026 results, ties, eras."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from electoral_rules import (
    IfUnresolved,
    InvalidArgumentError,
    PartyList,
    StepKind,
    UnresolvedTieError,
    UnsupportedEraError,
)
from electoral_rules.france import senate
from electoral_rules.outcome import Note, NoteKind
from tests import common
from tests.common import golden_tally, load_json, party

DATA = common.DATA / "senat2026"
DAY = dt.date(2026, 9, 27)


def _load(name: str) -> dict[str, Any]:
    return load_json(DATA / name)


def _lists(data: dict[str, Any]) -> list[PartyList]:
    return [party(item["name"], *item["candidates"]) for item in data["lists"]]


@pytest.mark.parametrize(("file", "abroad"), [("ain.json", False), ("fehf.json", True)])
def test_2026_results(file: str, abroad: bool) -> None:
    data = _load(file)
    result = senate.allocate(golden_tally(data), data["seats"], date=DAY, people=_lists(data), abroad=abroad)
    assert dict(result) == {item["name"]: item["seats"] for item in data["lists"]}
    official = {item["name"]: tuple(item["elected"]) for item in data["lists"] if item["elected"]}
    assert dict(result.elected) == official
    assert result.excluded == ()
    assert result.threshold is None
    assert result.is_complete
    assert not result.ties
    assert "L295" in result.legal_basis


def test_fehf_sixth_seat_at_56_against_53_5_and_53() -> None:
    data = _load("fehf.json")
    result = senate.allocate(golden_tally(data), 6, abroad=True)
    seats = [step for step in result.trace if step.kind is StepKind.SEAT]
    last = seats[-1]
    assert last.seat == 6
    assert last.value == 56
    others = sorted((value for name, value in last.values if name != last.subject), reverse=True)
    assert others[:2] == [pytest.approx(53.5), 53]
    assert others[0] * 2 == 107


def test_ain_quotient() -> None:
    data = _load("ain.json")
    result = senate.allocate(golden_tally(data), 3, date=DAY)
    assert result.quotient is not None
    assert result.quotient * 3 == 1917


def test_tie_is_reported_by_default_and_raised_on_demand() -> None:
    result = senate.allocate({"A": 450, "B": 150, "C": 150}, 3)
    assert dict(result) == {"A": 2, "B": 0, "C": 0}
    assert result.undetermined == 1
    assert result.ties[0].unresolved == ("A", "B", "C")
    assert not result.ties[0].resolved_by
    assert result.notes == (Note.of(NoteKind.SEATS_UNDETERMINED, seats=1, contenders=("A", "B", "C")),)
    with pytest.raises(UnresolvedTieError, match=r"L\.295 states no tie rule") as info:
        senate.allocate({"A": 450, "B": 150, "C": 150}, 3, if_unresolved=IfUnresolved.RAISE)
    assert info.value.outcome is not None
    assert info.value.outcome.undetermined == 1


def test_no_threshold() -> None:
    result = senate.allocate({"A": 970, "B": 30}, 40)
    assert result["B"] == 1  # 3 %: still a seat (no threshold in L.295)


@pytest.mark.parametrize(
    ("day", "minimum"),
    [(dt.date(1998, 9, 27), 5), (dt.date(2001, 9, 23), 3), (dt.date(2011, 9, 25), 4), (DAY, 3)],
)
def test_eras_of_the_proportional_vote(day: dt.date, minimum: int) -> None:
    assert senate.proportional_minimum(day)[0] == minimum
    senate.allocate({"A": 60, "B": 40}, minimum, date=day)
    with pytest.raises(InvalidArgumentError, match="L294"):
        senate.allocate({"A": 60, "B": 40}, minimum - 1, date=day)
    # the Français établis hors de France always vote by PR
    senate.allocate({"A": 60, "B": 40}, minimum - 1, date=day, abroad=True)


def test_bad_input() -> None:
    with pytest.raises(UnsupportedEraError):
        senate.allocate({"A": 1}, 3, date=dt.date(1948, 11, 7))
    with pytest.raises(InvalidArgumentError, match="seats"):
        senate.allocate({"A": 1}, 0)
    with pytest.raises(InvalidArgumentError, match="if_unresolved"):
        senate.allocate({"A": 1}, 3, if_unresolved=True)  # type: ignore[arg-type]
    with pytest.raises(InvalidArgumentError, match="abroad"):
        senate.allocate({"A": 1}, 3, abroad="yes")  # type: ignore[arg-type]
    lists = [party("A", "a1"), party("B", "b1")]
    result = senate.allocate({"A": 90, "B": 10}, 3, people=lists)
    assert result.vacancies == {"A": 2}
    assert result.elected == {"A": ("a1",)}
