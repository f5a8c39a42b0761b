"""Conseils territoriaux of Saint-Pierre-et-Miquelon (LO537-LO541), Saint-Barthélemy
(LO482-LO486) and Saint-Martin (LO509-LO513): bonus, quarter of registered, sections."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from electoral_rules import (
    InvalidArgumentError,
    InvalidTallyError,
    NotImplementedRuleError,
    Tally,
    UnsupportedEraError,
)
from electoral_rules.errors import NoMajorityError
from electoral_rules.france import saint_barthelemy, saint_martin, saint_pierre_et_miquelon
from tests.naive_collectivity import bonus_then_averages, sections_then_averages

DAY = dt.date(2022, 3, 20)


def test_bonus_is_a_third_rounded_up() -> None:
    assert saint_barthelemy.BONUS == 7 and saint_barthelemy.SEATS == 19
    assert saint_martin.BONUS == 8 and saint_martin.SEATS == 23
    assert dict(saint_pierre_et_miquelon.SECTION_BONUS) == {"Saint-Pierre": 8, "Miquelon-Langlade": 2}


def test_saint_barthelemy_worked_example_no_threshold() -> None:
    # 12 proportional seats among all lists: averages 2 600, 1 500, 1 300, 867, 750, 700, 650,
    # 520, 500, 433, 375, 371 -> A 7, B 4, C 1; D (4 %) is not excluded, it just falls short
    tally = Tally(votes={"A": 2600, "B": 1500, "C": 700, "D": 200}, registered=8000)
    result = saint_barthelemy.allocate(tally, date=DAY)
    assert dict(result) == {"A": 14, "B": 4, "C": 1, "D": 0}
    assert result.bonus == {"A": 7} and result.excluded == ()
    assert "LO485" in result.legal_basis
    assert dict(saint_martin.allocate(tally, date=DAY)) == {"A": 16, "B": 5, "C": 2, "D": 0}


def test_round_one_needs_majority_and_a_quarter_of_registered() -> None:
    with pytest.raises(InvalidTallyError, match="registered"):
        saint_martin.allocate({"A": 60, "B": 40}, date=DAY)
    with pytest.raises(NoMajorityError):
        saint_martin.allocate(Tally(votes={"A": 50, "B": 50}, registered=200), date=DAY)
    with pytest.raises(NotImplementedRuleError, match="quarter"):
        saint_martin.allocate(Tally(votes={"A": 60, "B": 40}, registered=241), date=DAY)
    exactly = saint_martin.allocate(Tally(votes={"A": 60, "B": 40}, registered=240), date=DAY)
    assert exactly.bonus == {"A": 8}  # 60 is exactly a quarter of 240 ("au moins")
    with pytest.raises(NotImplementedRuleError, match="quarter"):
        saint_pierre_et_miquelon.allocate(Tally(votes={"A": 60, "B": 40}, registered=241), date=DAY)


def test_round_two_and_qualification() -> None:
    result = saint_barthelemy.allocate({"A": 40, "B": 35, "C": 25}, round=2, date=DAY)
    assert result.bonus == {"A": 7} and sum(result.values()) == 19
    outcome = saint_barthelemy.second_round_qualification({"A": 46, "B": 9, "C": 9, "D": 36}, date=DAY)
    assert outcome.qualified == ("A", "D")
    with pytest.raises(InvalidTallyError, match="10 %"):
        saint_martin.allocate({"A": 50, "C": 9}, round=2, date=DAY, first_round={"A": 46, "B": 45, "C": 9})


def test_spm_worked_example_sections_on_collectivity_votes() -> None:
    parts = saint_pierre_et_miquelon.sections({"A": 1700, "B": 1300, "C": 500}, round=2, date=DAY)
    # Saint-Pierre: 8 bonus seats, then 7 by the averages 1 700, 1 300, 850, 650, 567, 500, 433
    assert dict(parts["Saint-Pierre"]) == {"A": 11, "B": 3, "C": 1}
    assert dict(parts["Miquelon-Langlade"]) == {"A": 3, "B": 1, "C": 0}
    total = saint_pierre_et_miquelon.allocate({"A": 1700, "B": 1300, "C": 500}, round=2, date=DAY)
    assert dict(total) == {"A": 14, "B": 4, "C": 1} and total.house == 19
    assert total.bonus == {"A": 10}


def test_dates_and_seats() -> None:
    with pytest.raises(UnsupportedEraError):
        saint_barthelemy.allocate({"A": 60, "B": 40}, round=2, date=dt.date(2000, 3, 12))
    with pytest.raises(InvalidArgumentError, match="seats=20"):
        saint_barthelemy.allocate({"A": 60, "B": 40}, 20, round=2, date=DAY)
    with pytest.raises(InvalidArgumentError, match="seats=20"):
        saint_pierre_et_miquelon.allocate({"A": 60, "B": 40}, 20, round=2, date=DAY)


@given(st.dictionaries(st.sampled_from("ABCDEF"), st.integers(0, 3000), min_size=2, max_size=6))
def test_territorial_councils_match_the_references(votes: dict[str, int]) -> None:
    top = max(votes.values())
    leaders = [name for name in votes if votes[name] == top]
    if top == 0 or len(leaders) > 1:
        return
    for module in (saint_barthelemy, saint_martin):
        expected = bonus_then_averages(votes, module.SEATS, winner=leaders[0], bonus=module.BONUS,
                                       admitted=list(votes))
        result = module.allocate(votes, round=2, date=DAY)
        assert sum(result.values()) + result.undetermined == module.SEATS
        if expected is not None:
            assert dict(result) == expected
    spm = sections_then_averages(dict.fromkeys(saint_pierre_et_miquelon.SECTIONS, votes),
                                 saint_pierre_et_miquelon.SECTIONS, saint_pierre_et_miquelon.SECTION_BONUS,
                                 winner=leaders[0], admitted=list(votes))
    if spm is not None:
        parts = saint_pierre_et_miquelon.sections(votes, round=2, date=DAY)
        assert {section: dict(part) for section, part in parts.items()} == spm
