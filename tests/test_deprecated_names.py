"""The names of the previous release still work for one release, each with a DeprecationWarning
and the same result as its replacement (the CHANGELOG lists them)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import pytest

from electoral_rules import Candidate, IfUnresolved, PartyList, Tally
from electoral_rules.errors import UnresolvedTieError
from electoral_rules.france import (
    departmental,
    european,
    legislative,
    municipal,
    presidential,
    regional,
    senate,
    senate_tables,
)

AGED = [Candidate(name="A", birth_date=dt.date(1970, 1, 1)), Candidate(name="B", birth_date=dt.date(1960, 1, 1))]
PLURI = Tally(votes={"A": 60, "B": 55, "C": 45}, registered=120, expressed=100, names_per_ballot=2)
LISTS = [PartyList(name="A", candidates=["a1", "a2", "a3"]), PartyList(name="B", candidates=["b1", "b2"])]
DAY_2020 = dt.date(2020, 3, 15)

CASES: dict[str, tuple[Callable[[], Any], Callable[[], Any]]] = {
    "legislative.first_round": (
        lambda: legislative.first_round(Tally(votes={"A": 40, "B": 30, "C": 30}, registered=100)),
        lambda: legislative.elect(Tally(votes={"A": 40, "B": 30, "C": 30}, registered=100)),
    ),
    "legislative.second_round": (
        lambda: legislative.second_round(Tally(votes={"A": 5, "B": 5}), AGED),
        lambda: legislative.elect({"A": 5, "B": 5}, round=2, people=AGED),
    ),
    "departmental.first_round": (
        lambda: departmental.first_round(Tally(votes={"A-B": 40, "C-D": 30}, registered=100)),
        lambda: departmental.elect(Tally(votes={"A-B": 40, "C-D": 30}, registered=100)),
    ),
    "departmental.second_round": (
        lambda: departmental.second_round(Tally(votes={"A-B": 40, "C-D": 30})),
        lambda: departmental.elect({"A-B": 40, "C-D": 30}, round=2),
    ),
    "presidential.first_round": (
        lambda: presidential.first_round(Tally(votes={"A": 40, "B": 35, "C": 25}), withdrawn=["B"]),
        lambda: presidential.elect({"A": 40, "B": 35, "C": 25}, withdrawn=["B"]),
    ),
    "presidential.second_round": (
        lambda: presidential.second_round(Tally(votes={"A": 40, "B": 35})),
        lambda: presidential.elect({"A": 40, "B": 35}, round=2),
    ),
    "senate.majoritarian_round": (
        lambda: senate.majoritarian_round(PLURI, 2, candidates=AGED),
        lambda: senate.elect(PLURI, 2, people=AGED),
    ),
    "senate.proportional": (
        lambda: senate.proportional({"A": 1023, "B": 258, "C": 253}, 5, date="2026-09-27", decide=True),
        lambda: senate.allocate({"A": 1023, "B": 258, "C": 253}, 5, date="2026-09-27", if_unresolved=IfUnresolved.RAISE),
    ),
    "municipal.small_commune_round": (
        lambda: municipal.small_commune_round(PLURI, 2, date=DAY_2020, candidates=AGED, inhabitants=500),
        lambda: municipal.elect(PLURI, 2, date=DAY_2020, people=AGED, population=500),
    ),
    "municipal.allocate(lists=)": (
        lambda: municipal.allocate({"A": 600, "B": 400}, 3, date=DAY_2020, lists=LISTS),
        lambda: municipal.allocate({"A": 600, "B": 400}, 3, date=DAY_2020, people=LISTS),
    ),
    "municipal.sector(lists=)": (
        lambda: municipal.sector({"A": 600, "B": 400}, 3, city="Lyon", date=DAY_2020, lists=LISTS),
        lambda: municipal.sector({"A": 600, "B": 400}, 3, city="Lyon", date=DAY_2020, people=LISTS),
    ),
    "regional.allocate(lists=)": (
        lambda: regional.allocate({"A": 500, "B": 500}, 8, round=2, date="2021-06-27", lists=LISTS),
        lambda: regional.allocate({"A": 500, "B": 500}, 8, round=2, date="2021-06-27", people=LISTS),
    ),
    "european.allocate(lists=, decide=)": (
        lambda: european.allocate({"A": 600, "B": 400}, 3, date="2024-06-09", lists=LISTS, decide=False),
        lambda: european.allocate({"A": 600, "B": 400}, 3, date="2024-06-09", people=LISTS),
    ),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_old_name_warns_and_gives_the_same_result(name: str) -> None:
    old, new = CASES[name]
    with pytest.warns(DeprecationWarning, match="deprecated"):
        before = old()
    after = new()
    assert before == after
    assert before.legal_basis == after.legal_basis


SENATE_TABLES: dict[str, tuple[Callable[[], Any], Callable[[], Any]]] = {
    "seats(on=)": (
        lambda: senate_tables.seats("Guyane", on=dt.date(2008, 9, 21)),
        lambda: senate_tables.seats("Guyane", date=dt.date(2008, 9, 21)),
    ),
    "series(on=)": (
        lambda: senate_tables.series("Ain", on=dt.date(2009, 1, 1)),
        lambda: senate_tables.series("Ain", date="2009-01-01"),
    ),
    "series_seats(on=datetime)": (  # on= kept its reading: a datetime cut to its day
        lambda: senate_tables.series_seats("Mayotte", on=dt.datetime(2011, 10, 1, 12, 0)),
        lambda: senate_tables.series_seats("Mayotte", date=dt.date(2011, 10, 1)),
    ),
    "tableau5(on=)": (
        lambda: senate_tables.tableau5(on=dt.date(2008, 9, 21)),
        lambda: senate_tables.tableau5(dt.date(2008, 9, 21)),
    ),
    "proportional_from(year)": (
        lambda: [senate_tables.proportional_from(year) for year in (1998, 2001, 2011, 2014)],  # type: ignore[arg-type]
        lambda: [senate_tables.proportional_from(dt.date(year, 9, 1)) for year in (1998, 2001, 2011, 2014)],
    ),
    "proportional_from(on=year)": (
        lambda: senate_tables.proportional_from(on=2011),
        lambda: senate_tables.proportional_from(date="2011-09-01"),
    ),
    "voting_mode(seats, year)": (
        lambda: senate_tables.voting_mode(3, 2011, kind=senate_tables.Kind.METROPOLITAN_DEPARTMENT),  # type: ignore[arg-type]
        lambda: senate_tables.voting_mode(3, "2011-09-01", kind=senate_tables.Kind.METROPOLITAN_DEPARTMENT),
    ),
    "voting_mode_basis(on=)": (
        lambda: senate_tables.voting_mode_basis(on=dt.datetime(2013, 8, 3, 9, 0)),
        lambda: senate_tables.voting_mode_basis(dt.date(2013, 8, 3)),
    ),
}


@pytest.mark.parametrize("name", sorted(SENATE_TABLES))
def test_senate_tables_old_date_spellings_warn_and_agree(name: str) -> None:
    old, new = SENATE_TABLES[name]
    with pytest.warns(DeprecationWarning, match="deprecated") as caught:
        before = old()
    assert all(w.filename == __file__ for w in caught)  # the warning points at the caller's line
    assert before == new()


def test_old_second_rounds_keep_raising_on_a_tie_without_birth_dates() -> None:
    with pytest.warns(DeprecationWarning, match="second_round"), pytest.raises(UnresolvedTieError):
        legislative.second_round(Tally(votes={"A": 5, "B": 5}))
    assert legislative.elect({"A": 5, "B": 5}, round=2).undetermined == 1


def test_a_keyword_and_its_old_name_together_are_refused() -> None:
    with pytest.raises(ValueError, match="people= only"):
        municipal.allocate({"A": 600, "B": 400}, 3, date=DAY_2020, lists=LISTS, people=LISTS)


def test_round_outcome_seats_is_house() -> None:
    outcome = presidential.elect({"A": 40, "B": 35}, round=2)
    with pytest.warns(DeprecationWarning, match="house"):
        assert outcome.seats == outcome.house == 1
