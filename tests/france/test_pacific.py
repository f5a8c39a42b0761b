"""Polynésie française (LO 2004-192, art. 104, 105) and Nouvelle-Calédonie's provinces and
Congrès (LO 99-209, art. 185, 192): worked examples, errors, references."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from electoral_rules import (
    Candidate,
    InvalidArgumentError,
    InvalidTallyError,
    NoEligibleListError,
    PartyList,
    Tally,
    UnknownConstituencyError,
    UnsupportedEraError,
)
from electoral_rules.errors import NoMajorityError
from electoral_rules.france import new_caledonia, polynesia
from tests.naive_collectivity import admitted_by, bonus_then_averages, sections_then_averages

DAY_PF = dt.date(2023, 4, 30)
DAY_NC = dt.date(2019, 5, 12)
PF_VOTES = {"A": 10400, "B": 6000, "C": 2800, "D": 800}
PF_SECTIONS = {s: {"A": 1300, "B": 750, "C": 350, "D": 100} for s in polynesia.SECTIONS}


def test_polynesia_tables_add_up() -> None:
    assert sum(polynesia.SECTIONS.values()) == 57
    assert sum(polynesia.SECTION_BONUS.values()) == polynesia.BONUS == 19
    assert min(polynesia.SECTIONS.values()) == 3


def test_polynesia_worked_example() -> None:
    parts = polynesia.sections(PF_VOTES, section_votes=PF_SECTIONS, date=DAY_PF)
    # section 1: 4 bonus seats, then 9 by the averages 1 300, 750, 650, 433, 375, 350, 325,
    # 260, 250 (D, 4 % of the whole constituency, is out)
    assert dict(parts["1"]) == {"A": 9, "B": 3, "C": 1, "D": 0}
    assert dict(parts["4"]) == {"A": 6, "B": 2, "C": 0, "D": 0}
    assert dict(parts["8"]) == {"A": 2, "B": 1, "C": 0, "D": 0}
    total = polynesia.allocate(PF_VOTES, section_votes=PF_SECTIONS, date=DAY_PF)
    assert dict(total) == {"A": 40, "B": 14, "C": 3, "D": 0}
    assert total.excluded == ("D",) and total.house == 57
    with pytest.raises(NoMajorityError):
        polynesia.allocate({"A": 5, "B": 5}, section_votes={s: {"A": 0, "B": 0} for s in "2345678"} | {
            "1": {"A": 5, "B": 5}}, date=DAY_PF)


def test_polynesia_second_round_twelve_and_a_half_percent() -> None:
    outcome = polynesia.second_round_qualification({"A": 45, "B": 30, "C": 13, "D": 12}, date=DAY_PF)
    assert outcome.qualified == ("A", "B", "C")
    exact = polynesia.second_round_qualification({"A": 475, "B": 400, "C": 125}, date=DAY_PF)
    assert exact.qualified == ("A", "B", "C")  # 125 / 1 000 is exactly 12,5 %


def test_polynesia_bad_input() -> None:
    with pytest.raises(UnknownConstituencyError, match="'9'"):
        polynesia.allocate(PF_VOTES, section_votes={**PF_SECTIONS, "9": {"A": 0}}, date=DAY_PF)
    with pytest.raises(InvalidTallyError, match="10 401"):
        polynesia.allocate(PF_VOTES, section_votes={**PF_SECTIONS, "1": {"A": 1301, "B": 750, "C": 350, "D": 100}},
                           date=DAY_PF)
    with pytest.raises(InvalidArgumentError, match="seats=49"):
        polynesia.allocate(PF_VOTES, 49, section_votes=PF_SECTIONS, date=DAY_PF)
    with pytest.raises(UnsupportedEraError, match="2008-01-27"):
        polynesia.allocate(PF_VOTES, section_votes=PF_SECTIONS, date=dt.date(2008, 1, 27))


@given(st.lists(st.integers(0, 300), min_size=24, max_size=24))
def test_polynesia_matches_the_section_by_section_reference(counts: list[int]) -> None:
    names = ("A", "B", "C")
    by_section = {section: dict(zip(names, counts[3 * i : 3 * i + 3], strict=True))
                  for i, section in enumerate(polynesia.SECTIONS)}
    totals = {name: sum(by_section[s][name] for s in by_section) for name in names}
    top = max(totals.values())
    leaders = [name for name in names if totals[name] == top]
    if len(leaders) > 1:
        return
    expected = sections_then_averages(by_section, polynesia.SECTIONS, polynesia.SECTION_BONUS,
                                      winner=leaders[0], admitted=admitted_by(totals, 1, 20))
    if expected is None:
        return
    parts = polynesia.sections(totals, round=2, section_votes=by_section, date=DAY_PF)
    assert {section: dict(part) for section, part in parts.items()} == expected


NC_VOTES = Tally(votes={"A": 5000, "B": 3000, "C": 2000, "D": 1200, "E": 900}, registered=20000)


def test_new_caledonia_two_runs_worked_example() -> None:
    runs = new_caledonia.runs(NC_VOTES, province="Îles Loyauté", date=DAY_NC)
    # 7 seats twice: averages 5 000, 3 000, 2 500, 2 000, 1 667, 1 500, 1 250 -> A 4, B 2, C 1;
    # D's 1 200 comes eighth; E (900 < 5 % of 20 000 registered) is out
    assert dict(runs["congress"]) == {"A": 4, "B": 2, "C": 1, "D": 0, "E": 0}
    assert dict(runs["province_only"]) == {"A": 4, "B": 2, "C": 1, "D": 0, "E": 0}
    assert runs["congress"].excluded == ("E",)
    assert runs["congress"].threshold is not None and runs["congress"].threshold.votes == 1000
    total = new_caledonia.allocate(NC_VOTES, province="Îles Loyauté", date=DAY_NC)
    assert dict(total) == {"A": 8, "B": 4, "C": 2, "D": 0, "E": 0}
    assert total.house == 14
    # one run over the 14 seats would have given D a seat: the readings differ
    single = bonus_then_averages(NC_VOTES.votes, 14, winner=None, bonus=0, admitted=["A", "B", "C", "D"])
    assert single == {"A": 7, "B": 4, "C": 2, "D": 1, "E": 0}


def test_new_caledonia_threshold_is_on_registered_and_inclusive() -> None:
    # 1 000 votes of 20 000 registered is exactly 5 %: admitted, although 1 000 / 12 000 expressed
    # would be far above 5 % anyway; 999 is not
    on = Tally(votes={"A": 10000, "B": 1000, "C": 999}, registered=20000)
    runs = new_caledonia.runs(on, province="Sud", date=DAY_NC)
    assert runs["congress"].excluded == ("C",)
    assert runs["congress"]["B"] >= 1
    with pytest.raises(InvalidTallyError, match="registered"):
        new_caledonia.allocate(Tally(votes={"A": 10}), province="Sud", date=DAY_NC)
    with pytest.raises(NoEligibleListError, match="5 %"):
        new_caledonia.allocate(Tally(votes={"A": 10, "B": 10}, registered=1000), province="Nord", date=DAY_NC)
    with pytest.raises(UnknownConstituencyError, match="Ouvéa"):
        new_caledonia.allocate(on, province="Ouvéa", date=DAY_NC)
    with pytest.raises(InvalidArgumentError, match="seats=54"):
        new_caledonia.allocate(on, 54, province="Sud", date=DAY_NC)
    with pytest.raises(UnsupportedEraError):
        new_caledonia.allocate(on, province="Sud", date=dt.date(1995, 7, 9))


def test_new_caledonia_candidates_congress_first() -> None:
    lists = [PartyList(name=name, candidates=[f"{name}{i}" for i in range(1, 25)]) for name in "ABCDE"]
    total = new_caledonia.allocate(NC_VOTES, province="Îles Loyauté", date=DAY_NC, people=lists)
    assert total.elected["A"] == ("A1", "A2", "A3", "A4", "A5", "A6", "A7", "A8")
    runs = new_caledonia.runs(NC_VOTES, province="Îles Loyauté", date=DAY_NC, people=lists)
    assert runs["congress"].elected["B"] == ("B1", "B2")
    assert runs["province_only"].elected["B"] == ("B3", "B4")


def test_new_caledonia_last_seat_tie_oldest_next_candidate() -> None:
    # 7 seats, A and B 600 each: 3 seats each, then a tie at 150 for the 7th with equal votes;
    # the oldest of the next candidates (B's, born 1950) takes it, in both runs
    votes = Tally(votes={"A": 600, "B": 600}, registered=2000)
    people = [PartyList(name="A", candidates=[Candidate(name=f"a{i}", birth_date=dt.date(1960, 1, 1))
                                              for i in range(14)]),
              PartyList(name="B", candidates=[Candidate(name=f"b{i}", birth_date=dt.date(1950, 1, 1))
                                              for i in range(14)])]
    runs = new_caledonia.runs(votes, province="Îles Loyauté", date=DAY_NC, people=people)
    assert dict(runs["congress"]) == {"A": 3, "B": 4}  # B's next candidate is older
    assert dict(runs["province_only"]) == {"A": 3, "B": 4}
    unknown = new_caledonia.runs(votes, province="Îles Loyauté", date=DAY_NC)
    assert unknown["congress"].undetermined == 1


@given(st.dictionaries(st.sampled_from("ABCDEF"), st.integers(0, 20000), min_size=1, max_size=6),
       st.sampled_from(sorted(new_caledonia.PROVINCES)))
def test_new_caledonia_matches_two_reference_runs(votes: dict[str, int], province: str) -> None:
    registered = sum(votes.values()) + 1000
    admitted = admitted_by(votes, 1, 20, base=registered)
    if not any(votes[name] for name in admitted):
        return
    members, congress = new_caledonia.PROVINCES[province]
    first = bonus_then_averages(votes, congress, winner=None, bonus=0, admitted=admitted)
    second = bonus_then_averages(votes, members - congress, winner=None, bonus=0, admitted=admitted)
    total = new_caledonia.allocate(Tally(votes=votes, registered=registered), province=province, date=DAY_NC)
    assert sum(total.values()) + total.undetermined == members
    if first is not None and second is not None:
        assert dict(total) == {name: first[name] + second[name] for name in votes}
