"""Régionales (Code électoral, art. L338, L338-1, L346): bonus, sections, qualification."""

from __future__ import annotations

import datetime as dt

import pytest

from electoral_rules import (
    Allocation,
    Candidate,
    InvalidArgumentError,
    InvalidTallyError,
    NotImplementedRuleError,
    PartyList,
    StepKind,
    UnknownConstituencyError,
    UnresolvedTieError,
    UnsupportedEraError,
)
from electoral_rules.errors import NoMajorityError
from electoral_rules.france import regional
from electoral_rules.france.round_engine import RunnerUpTie
from electoral_rules.outcome import Note, NoteKind
from electoral_rules.tiebreak import IfUnresolved
from tests.common import party

DAY_2010 = dt.date(2010, 3, 21)
DAY_2021 = dt.date(2021, 6, 27)


@pytest.mark.parametrize(("seats", "bonus"), [(1, 1), (4, 1), (5, 2), (8, 2), (9, 3), (31, 8), (209, 53)])
def test_bonus_is_a_quarter_rounded_up(seats: int, bonus: int) -> None:
    assert regional.bonus_seats(seats) == bonus


def test_round_one_needs_an_absolute_majority() -> None:
    result = regional.allocate({"A": 5100, "B": 3000, "C": 1900}, 40, date=DAY_2021)
    assert result.bonus == {"A": 10}
    assert sum(result.values()) == 40
    assert result.trace[0].kind is StepKind.BONUS
    assert result.trace[0].seats == 10
    assert not result.elected  # candidates are seated by section
    with pytest.raises(NoMajorityError):
        regional.allocate({"A": 5000, "B": 3000, "C": 2000}, 40, date=DAY_2021)


def test_round_two_most_votes_and_tie_by_highest_average_age() -> None:
    result = regional.allocate({"A": 4000, "B": 3500, "C": 2000, "D": 400}, 20, round=2, date=DAY_2021)
    assert dict(result) == {"A": 11, "B": 6, "C": 3, "D": 0}
    assert result.excluded == ("D",)
    old = PartyList(name="A", candidates=(Candidate(name="a", birth_date=dt.date(1940, 1, 1)),))
    young = PartyList(name="B", candidates=(Candidate(name="b", birth_date=dt.date(1990, 1, 1)),))
    tied = regional.allocate({"A": 500, "B": 500}, 8, round=2, date=DAY_2021, people=[old, young])
    assert tied.bonus == {"A": 2}
    with pytest.raises(UnresolvedTieError):
        regional.allocate({"A": 500, "B": 500}, 8, round=2, date=DAY_2021, if_unresolved=IfUnresolved.RAISE)


def test_hautefort_averaging_applies_to_the_bonus_list() -> None:
    # 12 seats: bonus 3; 9 proportional seats on A 362 / B 188 as if no bonus existed
    result = regional.allocate({"A": 362, "B": 188}, 12, date=DAY_2021)
    assert dict(result.proportional_seats) == {"A": 6, "B": 3}
    assert dict(result) == {"A": 9, "B": 3}


def test_second_round_qualification_with_top_two_fallback() -> None:
    lone = regional.second_round_qualification({"A": 46, "B": 9, "C": 8, "D": 37}, date=DAY_2021)
    assert lone.qualified == ("A", "D")
    only_one = regional.second_round_qualification({"A": 49, "B": 9, "C": 8, "D": 7, "E": 27},
                                                   date=DAY_2021)
    assert only_one.qualified == ("A", "E")
    single = regional.second_round_qualification(
        {"A": 49, "B": 9, "C": 8, "D": 7, "E": 6, "F": 6, "G": 5, "H": 5, "I": 5}, date=DAY_2021)
    assert single.qualified == ("A", "B")  # B qualifies by the fallback
    assert Note.of(NoteKind.FALLBACK_QUALIFIED, list="B", basis=single.legal_basis) in single.notes
    assert "L346" in single.legal_basis


def test_second_round_tally_checked_against_the_first_round() -> None:
    first = {"A": 49, "B": 9, "C": 8, "D": 7, "E": 6, "F": 6, "G": 5, "H": 5, "I": 5}
    regional.allocate({"A": 60, "B": 40}, 10, round=2, date=DAY_2021, first_round=first)
    with pytest.raises(InvalidTallyError, match="'C' cannot stand"):
        regional.allocate({"A": 60, "C": 40}, 10, round=2, date=DAY_2021, first_round=first)


def test_sections_dhondt_on_departmental_votes() -> None:
    split = regional.sections(
        {"A": 7, "B": 3},
        {"A": {"01": 5000, "03": 3100, "07": 900}, "B": {"01": 1000, "03": 2000, "07": 2500}},
        date=DAY_2010,
    )
    # A: 5000, 3100, 2500, 1666,7, 1550, 1250, 1033,3 (03) -- next would be 1000 (01)
    assert dict(split["A"]) == {"01": 4, "03": 3, "07": 0}
    assert dict(split["B"]) == {"01": 0, "03": 1, "07": 2}
    assert "L338-1" in split["A"].legal_basis


def test_sections_seat_candidates_and_break_ties_by_age() -> None:
    sections_a = [
        PartyList(name="01", candidates=(Candidate(name="x1", birth_date=dt.date(1980, 1, 1)),
                                         Candidate(name="x2", birth_date=dt.date(1981, 1, 1)))),
        PartyList(name="03", candidates=(Candidate(name="y1", birth_date=dt.date(1950, 1, 1)),)),
    ]
    split = regional.sections({"A": 1}, {"A": {"01": 100, "03": 100}}, date=DAY_2010,
                              candidates={"A": sections_a})
    assert dict(split["A"]) == {"01": 0, "03": 1}
    assert split["A"].elected == {"03": ("y1",)}


def test_sections_bad_input() -> None:
    votes = {"A": {"01": 100, "03": 50}, "B": {"01": 10, "03": 40}}
    with pytest.raises(InvalidArgumentError, match="no section for department '03'"):
        regional.sections({"A": 2, "B": 1}, {"A": {"01": 100, "03": 50}, "B": {"01": 10}}, date=DAY_2010)
    with pytest.raises(UnknownConstituencyError, match="'74'"):
        regional.sections({"A": 2, "B": 1}, {**votes, "B": {"01": 10, "03": 40, "74": 5}}, date=DAY_2010,
                          populations={"01": 600_000, "03": 330_000})
    with pytest.raises(InvalidArgumentError, match="no departmental votes"):
        regional.sections({"A": 2, "B": 1, "C": 0}, votes, date=DAY_2010)
    with pytest.raises(InvalidArgumentError, match="not in the tally"):
        regional.sections({"A": 2, "B": 1}, votes, date=DAY_2010,
                          candidates={"A": [party("74", "z")]})
    allocation = regional.allocate({"A": 151, "B": 50}, 3, date=DAY_2010)
    with pytest.raises(InvalidTallyError, match="add up"):
        regional.sections(allocation, votes, date=DAY_2010)
    with pytest.raises(InvalidArgumentError, match="populations"):
        regional.sections({"A": 2, "B": 1}, votes, date=DAY_2021)


def test_sections_accept_an_allocation() -> None:
    allocation = regional.allocate({"A": 150, "B": 50}, 4, date=DAY_2010)
    assert isinstance(allocation, Allocation)
    split = regional.sections(allocation, {"A": {"01": 100, "03": 50}, "B": {"01": 10, "03": 40}},
                              date=DAY_2010)
    assert sum(split["A"].values()) == allocation["A"]


def test_2015_minimum_met_without_change() -> None:
    split = regional.sections(
        {"A": 10, "B": 6},
        {"A": {"01": 5000, "03": 3000}, "B": {"01": 3000, "03": 1500}},
        date=DAY_2021, populations={"01": 650_000, "03": 330_000},
    )
    assert dict(split["A"]) == {"01": 6, "03": 4}
    assert Note(kind=NoteKind.DEPARTMENT_MINIMUM_MET) in split["A"].notes


def test_2015_minimum_moves_the_leading_lists_last_seat() -> None:
    # department 48 (small) gets only 1 seat from the split; the leading list A gives its last
    # seat (lowest average among its sections) to its section in 48.
    votes = {"A": {"30": 9000, "34": 9500, "48": 500}, "B": {"30": 4000, "34": 4500, "48": 1000}}
    populations = {"30": 750_000, "34": 1_200_000, "48": 76_000}
    before = regional.sections({"A": 12, "B": 6}, votes, date=DAY_2010)
    assert dict(before["A"]) == {"30": 6, "34": 6, "48": 0}
    assert before["B"]["48"] == 0
    split = regional.sections({"A": 12, "B": 6}, votes, date=DAY_2021, populations=populations)
    # A's last seats: 30 (9000 / 6 = 1500), then 34 (9500 / 6 = 1583,3) go to its section in 48
    assert dict(split["A"]) == {"30": 5, "34": 5, "48": 2}
    assert dict(split["B"]) == dict(before["B"])
    assert sum(split["A"].values()) == 12
    assert sum(split["B"].values()) == 6
    assert any(step.kind is StepKind.NOTE for step in split["A"].trace)
    assert Note.of(NoteKind.DEPARTMENT_MINIMUM_MOVED, seats=2) in split["A"].notes
    assert Note.of(NoteKind.DEPARTMENT_MINIMUM_APPLIED, list="A") in split["B"].notes
    assert "PARTIAL" in split["A"].explain("fr")


def test_2015_minimum_unread_clause_is_refused() -> None:
    # the leading list's last seat sits in a section that holds only 2 seats: refused
    votes = {"A": {"01": 300, "02": 290, "03": 10}, "B": {"01": 100, "02": 90, "03": 80}}
    populations = {"01": 90_000, "02": 90_000, "03": 50_000}
    with pytest.raises(NotImplementedRuleError, match=r"holds 2 seat.*L338-1"):
        regional.sections({"A": 4, "B": 2}, votes, date=DAY_2021, populations=populations)


def test_eras() -> None:
    with pytest.raises(UnsupportedEraError):
        regional.allocate({"A": 60, "B": 40}, 10, date=dt.date(1998, 3, 15))
    with pytest.raises(UnsupportedEraError):
        regional.sections({"A": 1}, {"A": {"01": 1}}, date=dt.date(1998, 3, 15))
    with pytest.raises(InvalidArgumentError, match="round"):
        regional.allocate({"A": 60, "B": 40}, 10, round=0, date=DAY_2021)


def test_second_round_tie_for_the_fallback_place() -> None:
    tied = {"A": 48, "B": 9, "C": 9, "D": 9, "E": 9, "F": 8, "G": 8}
    outcome = regional.second_round_qualification(tied, date=DAY_2021)
    assert outcome.qualified == ("A", "B", "C", "D", "E")
    assert outcome.eliminated == ("F", "G")
    assert not outcome.undetermined and "Aureilhan" in outcome.ties[0].resolved_by[0]
    assert Note.of(NoteKind.RUNNER_UP_TIE_ALL_STAND, contenders=("B", "C", "D", "E")) in outcome.notes
    assert "canton d'Aureilhan" in " ".join(note.text("fr") for note in outcome.notes)
    literal = regional.second_round_qualification(tied, date=DAY_2021, runner_up_tie=RunnerUpTie.UNDETERMINED)
    assert literal.qualified == ("A",) and literal.undetermined
    # the second-round check admits each tied list by default
    regional.allocate({"A": 60, "E": 40}, 10, round=2, date=DAY_2021, first_round=tied)
    with pytest.raises(InvalidTallyError, match="'F' cannot stand"):
        regional.allocate({"A": 60, "F": 40}, 10, round=2, date=DAY_2021, first_round=tied)


def test_no_list_at_ten_percent_and_a_tie_for_second() -> None:
    outcome = regional.second_round_qualification({"A": 9, "B": 8, "C": 8, **dict.fromkeys("DEFGHIJKLMNOPQR", 5)},
                                                  date=DAY_2021)
    assert outcome.qualified == ("A", "B", "C")
