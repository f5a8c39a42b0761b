"""Municipales, list vote (Code électoral, art. L262, L264, L272-5): public cases and bad input."""

from __future__ import annotations

import datetime as dt
import json
from fractions import Fraction
from typing import Any

import pytest

from electoral_rules import (
    Candidate,
    InvalidArgumentError,
    InvalidTallyError,
    PartyList,
    StepKind,
    Tally,
    UnknownConstituencyError,
    UnresolvedTieError,
    UnsupportedEraError,
)
from electoral_rules.errors import NoMajorityError
from electoral_rules.france import municipal
from electoral_rules.outcome import Note, NoteKind
from electoral_rules.tiebreak import IfUnresolved
from tests import common
from tests.common import party

DATA = common.DATA / "municipal"
DAY_2014 = dt.date(2014, 3, 23)
DAY_2020 = dt.date(2020, 3, 15)
DAY_2026 = dt.date(2026, 3, 15)


def born(name: str, year: int, count: int) -> PartyList:
    """A list of ``count`` candidates named a0, a1, ... (lower-case list name), all born in ``year``."""
    return PartyList(
        name=name,
        candidates=tuple(
            Candidate(name=f"{name.lower()}{i}", birth_date=dt.date(year, 1, 1)) for i in range(count)
        ),
    )


def _cases() -> list[dict[str, Any]]:
    cases: list[dict[str, Any]] = json.loads((DATA / "public_cases.json").read_text("utf-8"))["cases"]
    return cases


@pytest.mark.parametrize("case", _cases(), ids=lambda case: str(case["name"]))
def test_public_cases(case: dict[str, Any]) -> None:
    result = municipal.allocate(
        case["votes"], case["seats"], round=case["round"], date=dt.date.fromisoformat(case["date"])
    )
    assert dict(result) == case["expected"]
    assert dict(result.bonus) == case["expected_bonus"]
    assert sum(result.values()) == case["seats"]
    assert "L262" in result.legal_basis


def test_hautefort_quotient_and_averages_follow_the_conseil_detat() -> None:
    result = municipal.allocate({"A": 362, "B": 188}, 15, date=DAY_2014)
    assert result.quotient == pytest.approx(550 / 7)
    assert result.quotient.denominator == 7
    seats = [step for step in result.trace if step.kind is StepKind.SEAT]
    # the last seat: A's average on its 4 proportional seats (362 / 5 = 72,4) beats B's 188 / 3
    assert len(seats) == 1
    assert seats[0].subject == "A"
    assert dict(seats[0].values)["A"] * 5 == 362
    assert "Hautefort" in result.legal_basis


def test_trace_starts_with_the_bonus_then_thresholds_quotient_and_seats() -> None:
    result = municipal.allocate({"A": 884, "B": 544}, 19, date=DAY_2014)
    kinds = [step.kind for step in result.trace]
    assert kinds[0] is StepKind.BONUS
    assert result.trace[0].subject == "A"
    assert result.trace[0].seats == 10
    assert kinds[1:3] == [StepKind.THRESHOLD, StepKind.THRESHOLD]
    assert kinds[3] is StepKind.QUOTIENT
    assert result.trace[3].seats == 9
    assert set(kinds[4:]) <= {StepKind.INITIAL, StepKind.SEAT}


@pytest.mark.parametrize(
    ("seats", "bonus"), [(1, 0), (2, 1), (3, 1), (4, 2), (5, 3), (7, 4), (11, 6), (15, 8), (19, 10), (69, 35)]
)
def test_bonus_rounding(seats: int, bonus: int) -> None:
    assert municipal.bonus_seats(seats) == bonus


def test_round_one_without_majority_allocates_nothing() -> None:
    with pytest.raises(NoMajorityError, match="no seat is allocated") as info:
        municipal.allocate({"A": 500, "B": 500}, 15, date=DAY_2020)
    assert info.value.needed == 501
    assert isinstance(info.value, ValueError)


def test_majority_is_strict_and_needs_no_quarter_of_registered() -> None:
    # 51 of 101 is a majority; registered so large that 51 is far below a quarter of them
    result = municipal.allocate(Tally(votes={"A": 51, "B": 50}, registered=10_000), 7, date=DAY_2020)
    assert result.bonus == {"A": 4}
    with pytest.raises(NoMajorityError):
        municipal.allocate({"A": 50, "B": 50, "C": 1}, 7, date=DAY_2020)


def test_threshold_five_percent_is_inclusive_and_bonus_list_keeps_its_bonus() -> None:
    # C has exactly 5 % of 100 expressed ("au moins 5 %"): admitted; D (4 %) is not
    result = municipal.allocate({"A": 71, "B": 20, "C": 5, "D": 4}, 49, date=DAY_2020)
    assert result.excluded == ("D",)
    assert result["D"] == 0
    assert result["C"] == 1
    assert result.threshold is not None
    assert result.threshold.votes == 5
    assert "L262" in result.threshold.legal_basis
    assert result.bonus == {"A": 25}
    assert result["A"] >= 25


def test_round_two_tie_for_first_place_goes_to_the_oldest_list() -> None:
    older = born("A", 1950, 7)
    younger = born("B", 1980, 7)
    result = municipal.allocate({"A": 300, "B": 300}, 7, round=2, date=DAY_2020, people=[younger, older])
    assert result.bonus == {"A": 4}
    assert result.ties[0].stage == "majority bonus"
    assert result.ties[0].winners == ("A",)
    assert result.trace[0].kind is StepKind.TIE
    assert dict(result.elected)["A"] == tuple(f"a{i}" for i in range(result["A"]))
    with pytest.raises(UnresolvedTieError, match=r"majority bonus between 'A', 'B' \(300 votes each\)"):
        municipal.allocate({"A": 300, "B": 300}, 7, round=2, date=DAY_2020, if_unresolved=IfUnresolved.RAISE)


def test_last_seat_tie_most_votes_then_oldest_next_candidate() -> None:
    # 5 seats, bonus 3; 2 proportional seats: A 200 (avg 200, 100), B 100, C 100
    # A gets 1 sure seat; B (100) and C (100) and A (100) tie for the last: most votes -> A
    result = municipal.allocate({"A": 200, "B": 100, "C": 100}, 5, round=2, date=DAY_2020)
    assert dict(result) == {"A": 5, "B": 0, "C": 0}
    assert result.ties[-1].resolved_by[0].startswith("most votes")
    # equal votes: the oldest of the next candidates (B's first candidate vs C's first)
    lists = [
        born("A", 1930, 7),
        born("B", 1960, 1),
        born("C", 1940, 1),
    ]
    # bonus 4; 3 proportional seats: A 500, 250, 166,7; B 200; C 200 -> A 2, then B and C tie
    result = municipal.allocate({"A": 500, "B": 200, "C": 200}, 7, round=2, date=DAY_2020, people=lists)
    assert result.ties[-1].contenders == ("B", "C")
    # C's next candidate (born 1940) is older than B's (born 1960); A's old candidates do not count
    assert dict(result) == {"A": 6, "B": 0, "C": 1}
    assert result.elected["C"] == ("c0",)
    assert result.ties[-1].resolved_by[-1].startswith("oldest candidate")


def test_last_seat_tie_by_age_without_lists_raises_with_partial_outcome() -> None:
    with pytest.raises(UnresolvedTieError, match=r"last seat between 'B', 'C'.*by age") as info:
        municipal.allocate({"A": 500, "B": 200, "C": 200}, 7, round=2, date=DAY_2020, if_unresolved=IfUnresolved.RAISE)
    partial = info.value.outcome
    assert partial is not None
    assert partial.undetermined == 1
    assert dict(partial.bonus) == {"A": 4}


def test_candidates_are_seated_in_list_order_and_vacancies_reported() -> None:
    lists = [party("A", "a1", "a2", "a3"), party("B", "b1", "b2")]
    result = municipal.allocate({"A": 362, "B": 188}, 15, date=DAY_2020, people=lists)
    assert result.elected == {"A": ("a1", "a2", "a3"), "B": ("b1", "b2")}
    assert result.vacancies == {"A": 10}
    assert Note.of(NoteKind.VACANCY, list="A", won=13, candidates=3, vacant=10) in result.notes


def test_2026_small_commune_vacancy_is_reported_not_refused() -> None:
    lists = [party("A", "a1", "a2", "a3", "a4", "a5", "a6", "a7", "a8", "a9"),
             party("B", "b1", "b2", "b3", "b4", "b5", "b6", "b7", "b8", "b9")]
    result = municipal.allocate({"A": 90, "B": 10}, 11, date=DAY_2026, people=lists, population=300)
    assert dict(result) == {"A": 11, "B": 0} and result.vacancies == {"A": 2}
    assert Note.of(NoteKind.EXCESS_SEATS_LAW_SILENT) in result.notes
    assert Note.of(NoteKind.COUNCIL_REPUTED_COMPLETE, members=9, minimum=9) in result.notes
    unknown = municipal.allocate({"A": 90, "B": 10}, 11, date=DAY_2026, people=lists)
    assert unknown.vacancies == {"A": 2}  # 11 seats: the 100-499 band, réputé complet at 9
    assert Note.of(NoteKind.COUNCIL_REPUTED_COMPLETE, members=9, minimum=9) in unknown.notes
    # a commune of 1 000 or more has complete lists: the vacancy is only reported
    result = municipal.allocate({"A": 90, "B": 10}, 11, date=DAY_2026, people=lists, population=5000)
    assert result.vacancies == {"A": 2}  # A wins 6 + 5 = 11 seats with 9 candidates
    assert Note.of(NoteKind.EXCESS_SEATS_LAW_SILENT) not in result.notes


def test_2026_small_commune_without_vacancy_is_computed_with_a_note() -> None:
    result = municipal.allocate({"A": 55, "B": 45}, 11, date=DAY_2026, population=300)
    assert dict(result) == {"A": 9, "B": 2}  # vie-publique: 11 seats -> bonus 6, 5 by PR
    assert result.bonus == {"A": 6}
    assert Note.of(NoteKind.SMALL_COMMUNE_2026, lists_checked=0) in result.notes
    assert Note.of(NoteKind.LIST_VOTE_SCOPE, inhabitants=0) in result.notes
    assert "PARTIAL" in result.explain("fr")


@pytest.mark.parametrize(
    ("day", "population"), [(dt.date(2008, 3, 9), 2000), (dt.date(2020, 3, 15), 999)]
)
def test_population_outside_the_list_vote(day: dt.date, population: int) -> None:
    with pytest.raises(InvalidArgumentError, match="L252"):
        municipal.allocate({"A": 60, "B": 40}, 15, date=day, population=population)


def test_population_inside_the_list_vote() -> None:
    assert municipal.allocate({"A": 60, "B": 40}, 15, date=dt.date(2008, 3, 9), population=3500)["A"] == 12
    result = municipal.allocate({"A": 60, "B": 40}, 15, date=dt.date(2008, 3, 9))
    assert "L252 (loi n° 82-974)" in result.legal_basis
    assert Note.of(NoteKind.LIST_VOTE_SCOPE, inhabitants=3500) in result.notes
    assert "communes de 3 500 habitants et plus" in result.explain("fr")


def test_dates_and_arguments() -> None:
    with pytest.raises(UnsupportedEraError):
        municipal.allocate({"A": 60, "B": 40}, 15, date=dt.date(1977, 3, 13))
    with pytest.raises(InvalidArgumentError, match=r"datetime\.date"):
        municipal.allocate({"A": 60, "B": 40}, 15, date=dt.datetime(2020, 3, 15))
    with pytest.raises(InvalidArgumentError, match=r"datetime\.date"):
        municipal.allocate({"A": 60, "B": 40}, 15, date="15/03/2020")
    assert municipal.allocate({"A": 60, "B": 40}, 15, date="2020-03-15") == {"A": 12, "B": 3}
    with pytest.raises(InvalidArgumentError, match="round"):
        municipal.allocate({"A": 60, "B": 40}, 15, round=3, date=DAY_2020)
    with pytest.raises(InvalidArgumentError, match="seats"):
        municipal.allocate({"A": 60, "B": 40}, 0, date=DAY_2020)
    with pytest.raises(InvalidTallyError):
        municipal.allocate({"A": -1, "B": 40}, 15, date=DAY_2020)
    with pytest.raises(InvalidArgumentError, match="not in the tally"):
        municipal.allocate({"A": 60, "B": 40}, 15, date=DAY_2020, people=[PartyList(name="Z")])
    with pytest.raises(InvalidArgumentError, match="no candidates were given"):
        municipal.allocate({"A": 60, "B": 40}, 15, date=DAY_2020, people=[PartyList(name="A")])


def test_second_round_qualification_has_no_top_two_fallback() -> None:
    outcome = municipal.second_round_qualification({"A": 48, "B": 9, "C": 9, "D": 9, "E": 9, "F": 8, "G": 8},
                                                   date=DAY_2020)
    assert outcome.qualified == ("A",)
    assert outcome.eliminated == ("B", "C", "D", "E", "F", "G")
    # all >= 5 %: they may merge
    assert outcome.notes[0] == Note.of(NoteKind.MAY_MERGE, share=Fraction(1, 20), lists=("B", "C", "D", "E", "F", "G"))
    assert "L264" in outcome.legal_basis
    # exactly 10 % stands ("au moins égal à 10 %")
    assert "C" in municipal.second_round_qualification({"A": 45, "B": 45, "C": 10}, date=DAY_2020).qualified
    # a first-round majority means no second round
    done = municipal.second_round_qualification({"A": 51, "B": 49}, date=DAY_2020)
    assert done.elected == ("A",)
    assert done.qualified == ()


def test_second_round_tally_with_a_list_that_could_not_stand_is_refused() -> None:
    first = {"A": 45, "B": 40, "C": 9, "D": 6}
    result = municipal.allocate({"A": 55, "B": 45}, 15, round=2, date=DAY_2020, first_round=first)
    assert result.bonus == {"A": 8}
    with pytest.raises(InvalidTallyError, match="'C' cannot stand"):
        municipal.allocate({"A": 50, "B": 40, "C": 10}, 15, round=2, date=DAY_2020, first_round=first)
    with pytest.raises(InvalidTallyError, match="not in the first round"):
        municipal.allocate({"A": 50, "Z": 50}, 15, round=2, date=DAY_2020, first_round=first)
    with pytest.raises(InvalidTallyError, match="no second round"):
        municipal.allocate({"A": 50, "B": 50}, 15, round=2, date=DAY_2020, first_round={"A": 60, "B": 40})
    with pytest.raises(InvalidArgumentError, match="round=2"):
        municipal.allocate({"A": 60, "B": 40}, 15, date=DAY_2020, first_round=first)


def test_plm_sector_rounds_down_below_four_seats() -> None:
    result = municipal.sector({"A": 600, "B": 400}, 3, city="Marseille", date=DAY_2020)
    assert result.bonus == {"A": 1}
    assert dict(result) == {"A": 2, "B": 1}
    one = municipal.sector({"A": 600, "B": 400}, 1, city="Paris", date=DAY_2020)
    assert dict(one.bonus) == {}
    assert dict(one) == {"A": 1, "B": 0}
    assert "L272-5" in one.legal_basis


def test_plm_errors() -> None:
    with pytest.raises(UnknownConstituencyError, match="Toulouse"):
        municipal.sector({"A": 600, "B": 400}, 3, city="Toulouse", date=DAY_2020)
    with pytest.raises(UnsupportedEraError, match="allocate_city_council"):
        municipal.sector({"A": 600, "B": 400}, 3, city="Paris", date=DAY_2026)
    with pytest.raises(UnsupportedEraError):
        municipal.sector({"A": 600, "B": 400}, 3, city="Paris", date=dt.date(1977, 3, 13))


def test_arrondissement_council_starts_after_the_city_councillors() -> None:
    lists = [party("A", *(f"a{i}" for i in range(1, 12))),
             party("B", *(f"b{i}" for i in range(1, 12)))]
    council = municipal.sector({"A": 550, "B": 450}, 5, city="Paris", date=DAY_2020, people=lists)
    assert council.elected == {"A": ("a1", "a2", "a3", "a4"), "B": ("b1",)}
    local = municipal.arrondissement_council({"A": 550, "B": 450}, 10, council=council, people=lists,
                                             city="Paris", date=DAY_2020)
    assert local.elected["A"][0] == "a5"
    assert local.elected["B"][0] == "b2"
    with pytest.raises(InvalidArgumentError, match="different tally"):
        municipal.arrondissement_council({"A": 551, "B": 450}, 10, council=council, people=lists,
                                         city="Paris", date=DAY_2020)


def test_a_sector_round_one_refuses_a_first_round_tally() -> None:
    # the 1983-2020 sector ballot used to ignore first_round= in round 1 (the other list
    # elections refused it): one check of the rounds now serves them all
    with pytest.raises(InvalidArgumentError, match="only for a second-round tally"):
        municipal.sector({"A": 60, "B": 40}, 11, city="Paris", date=DAY_2020, first_round={"A": 60, "B": 40})
