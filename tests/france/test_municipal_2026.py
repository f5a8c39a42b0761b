"""The 2026 municipales: PLM ballots, small communes' excess seats, New Caledonia, community seats."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping
from fractions import Fraction
from typing import Any

import pytest
from hypothesis import assume, example, given
from hypothesis import strategies as st

from electoral_rules import (
    Divisor,
    ElectoralRulesError,
    InvalidArgumentError,
    InvalidTallyError,
    NoMajorityError,
    Note,
    NoteKind,
    NotImplementedRuleError,
    PartyList,
    Tally,
    UnknownConstituencyError,
    UnresolvedTieError,
    UnsupportedEraError,
)
from electoral_rules._mapping import FrozenMap
from electoral_rules.france import municipal
from electoral_rules.france.municipal import ExcessSeats
from electoral_rules.france.municipal_tables import city_council_seats
from tests.common import DATA
from tests.naive import naive_divisor
from tests.naive_collectivity import admitted_by

DAY = dt.date(2026, 3, 15)
FILE_2026 = json.loads((DATA / "municipales2026" / "municipales2026_t1_small_communes.json").read_text("utf-8"))


def _lists(names: Mapping[str, int], sizes: Mapping[str, int]) -> list[PartyList]:
    return [PartyList(name=name, candidates=[f"{name}-{i}" for i in range(sizes[name])]) for name in names]


def _commune(case: dict[str, Any]) -> tuple[dict[str, int], dict[str, int], int, dict[str, int]]:
    votes = {str(item["number"]): item["votes"] for item in case["lists"]}
    seats = {str(item["number"]): item["seats"] for item in case["lists"]}
    house = case.get("council_seats") or case["inferred_council_seats"]
    leader = max(votes, key=lambda name: votes[name])
    sizes = dict.fromkeys(votes, house)
    if "inferred_leader_candidates" in case:
        sizes[leader] = case["inferred_leader_candidates"]
    return votes, seats, house, sizes


# -- small communes: the official file -------------------------------------------------------


@pytest.mark.parametrize("case", FILE_2026["examples_exact_L262"], ids=lambda case: case["name"])
def test_2026_small_communes_exact_l262(case: dict[str, Any]) -> None:
    votes, seats, house, _ = _commune(case)
    tally = Tally(votes=votes, registered=case["registered"], voters=case["voters"], blank=case["blank"],
                  null=case["null"])
    assert dict(municipal.allocate(tally, house, date=DAY)) == seats


@pytest.mark.parametrize("case", FILE_2026["leader_short_of_candidates_seats_left_vacant"],
                         ids=lambda case: case["name"])
def test_2026_excess_seats_left_vacant(case: dict[str, Any]) -> None:
    votes, seats, house, sizes = _commune(case)
    result = municipal.allocate(votes, house, date=DAY, people=_lists(votes, sizes))
    filled = {name: result[name] - result.vacancies.get(name, 0) for name in votes}
    assert filled == seats
    assert sum(result.vacancies.values()) == house - sum(seats.values()) > 0
    assert Note.of(NoteKind.EXCESS_SEATS_LAW_SILENT) in result.notes
    minimum = {7: 5, 11: 9, 15: 13}[house]
    kind = NoteKind.COUNCIL_REPUTED_COMPLETE if sum(seats.values()) >= minimum else NoteKind.COMPLEMENTARY_ELECTION_DUE
    assert Note.of(kind, members=sum(seats.values()), minimum=minimum) in result.notes


@pytest.mark.parametrize("case", FILE_2026["leader_short_of_candidates_seats_given_to_other_lists"],
                         ids=lambda case: case["name"])
def test_2026_excess_seats_given_to_the_next_averages(case: dict[str, Any]) -> None:
    votes, seats, house, sizes = _commune(case)
    result = municipal.allocate(votes, house, date=DAY, people=_lists(votes, sizes),
                                excess_seats=ExcessSeats.NEXT_AVERAGES)
    assert dict(result) == seats
    assert not result.vacancies
    assert any(step.detail is not None and step.detail.kind is NoteKind.EXCESS_SEATS_NEXT_AVERAGES
               for step in result.trace)
    assert all(len(result.elected[name]) == count for name, count in seats.items() if count)


def test_the_two_practices_on_villecelin() -> None:
    case = next(c for c in FILE_2026["leader_short_of_candidates_seats_given_to_other_lists"]
                if c["name"] == "Villecelin")
    votes, seats, house, sizes = _commune(case)
    lists = _lists(votes, sizes)
    vacant = municipal.allocate(votes, house, date=DAY, people=lists, population=80)
    assert dict(vacant) == {"1": 6, "2": 1} and vacant.vacancies == {"1": 1}
    assert Note.of(NoteKind.COUNCIL_REPUTED_COMPLETE, members=6, minimum=5) in vacant.notes
    passed = municipal.allocate(votes, house, date=DAY, people=lists, population=80,
                                excess_seats=ExcessSeats.NEXT_AVERAGES)
    assert dict(passed) == seats == {"1": 5, "2": 2}
    assert passed.trace[-1].detail == Note.of(NoteKind.EXCESS_SEATS_NEXT_AVERAGES, moved=FrozenMap({"2": 1}))
    fr, en = vacant.explain("fr"), passed.explain("en")
    assert "réputé complet" in fr and "les deux pratiques" in fr
    assert "next averages of the other lists" in en


def test_complementary_election_when_under_the_minimum() -> None:
    # 7 seats, A wins 6 with only 3 candidates (an invalid list, but the arithmetic holds):
    lists = _lists({"A": 0, "B": 0}, {"A": 3, "B": 7})
    result = municipal.allocate({"A": 90, "B": 10}, 7, date=DAY, people=lists, population=60)
    assert result.vacancies == {"A": 4}
    assert Note.of(NoteKind.COMPLEMENTARY_ELECTION_DUE, members=3, minimum=5) in result.notes


def test_seats_none_takes_the_council_size() -> None:
    assert municipal.allocate({"A": 60, "B": 40}, None, date=DAY, population=450).house == 11
    with pytest.raises(InvalidArgumentError, match="population"):
        municipal.allocate({"A": 60, "B": 40}, None, date=DAY)
    for bad in (0, -5):
        with pytest.raises(InvalidArgumentError, match="population"):
            municipal.allocate({"A": 60, "B": 40}, None, date=DAY, population=bad)


def test_next_averages_with_an_unsettled_tie_is_refused() -> None:
    # round 2, 5 seats: A takes 3 + 1 with 3 candidates, B and C tie for the last seat
    lists = _lists({"A": 0, "B": 0, "C": 0}, {"A": 3, "B": 5, "C": 5})
    with pytest.raises((UnresolvedTieError, NotImplementedRuleError)):
        municipal.allocate({"A": 40, "B": 30, "C": 30}, 5, round=2, date=DAY, people=lists,
                           excess_seats=ExcessSeats.NEXT_AVERAGES)


def test_excess_seats_must_be_the_enum() -> None:
    lists = _lists({"A": 0, "B": 0}, {"A": 5, "B": 7})
    with pytest.raises(InvalidArgumentError, match="ExcessSeats"):
        municipal.allocate({"A": 39, "B": 25}, 7, date=DAY, people=lists,
                           excess_seats="vacant")  # type: ignore[arg-type]


def _naive_small_commune(votes: dict[str, int], seats: int, capacity: dict[str, int]) -> dict[str, int] | None:
    """L262 round 1 seat by seat, skipping full lists: the bonus, then each seat to the highest
    average of a list that still has candidates; ``None`` on a tie or without a majority."""
    expressed = sum(votes.values())
    winner = next((name for name, count in votes.items() if 2 * count > expressed), None)
    if winner is None:
        return None
    bonus = (seats + 1) // 2 if seats > 4 else seats // 2
    won = dict.fromkeys(votes, 0)
    won[winner] = min(bonus, capacity[winner])
    proportional = dict.fromkeys(votes, 0)
    admitted = admitted_by(votes, 1, 20)
    for _ in range(seats - bonus + (bonus - won[winner])):
        open_ = [name for name in admitted if won[name] < capacity[name]]
        if not open_:
            break
        averages = {name: Fraction(votes[name], proportional[name] + 1) for name in open_}
        best = max(averages.values())
        leaders = [name for name in open_ if averages[name] == best]
        if len(leaders) > 1:
            return None
        won[leaders[0]] += 1
        proportional[leaders[0]] += 1
    return won


@given(
    st.dictionaries(st.sampled_from("ABCD"), st.integers(0, 400), min_size=2, max_size=4),
    st.sampled_from([7, 11, 15]),
    st.data(),
)
@example({"A": 39, "B": 25}, 7, None)
def test_next_averages_against_a_seat_by_seat_reference(votes: dict[str, int], seats: int, data: Any) -> None:
    assume(sum(votes.values()) > 0)
    capacity = {name: (data.draw(st.integers(seats - 2, seats)) if data else (5 if name == "A" else 7))
                for name in votes}
    expected = _naive_small_commune(votes, seats, capacity)
    assume(expected is not None)
    lists = _lists(votes, capacity)
    try:
        result = municipal.allocate(votes, seats, date=DAY, people=lists, excess_seats=ExcessSeats.NEXT_AVERAGES)
    except NotImplementedRuleError:  # a tie the reference cannot see (in the uncapped run)
        return
    if result.ties:
        return
    assert expected is not None
    filled = {name: result[name] - result.vacancies.get(name, 0) for name in votes}
    assert filled == expected
    vacant = municipal.allocate(votes, seats, date=DAY, people=lists)
    assert sum(vacant.values()) + vacant.undetermined == seats
    assert all(vacant.vacancies.get(name, 0) == max(0, vacant[name] - capacity[name]) for name in votes)


# -- Paris, Lyon, Marseille ---------------------------------------------------------------------


def _naive_bonus(votes: dict[str, int], seats: int, bonus: int, winner: str) -> dict[str, int] | None:
    result = naive_divisor({name: votes[name] for name in admitted_by(votes, 1, 20)}, seats - bonus, _dhondt())
    if result.at_stake:
        return None
    won = {name: result.seats.get(name, 0) for name in votes}
    won[winner] += bonus
    return won


def _dhondt() -> Divisor:
    return Divisor.DHONDT


@pytest.mark.parametrize(("city", "house", "bonus"), [("Paris", 163, 41), ("Lyon", 73, 19), ("Marseille", 101, 26)])
def test_city_council_quarter_bonus(city: str, house: int, bonus: int) -> None:
    result = municipal.allocate_city_council({"A": 45_000, "B": 35_000, "C": 20_000}, city=city, round=2,
                                             date=dt.date(2026, 3, 22))
    assert result.house == house and result.bonus == {"A": bonus}
    assert Note.of(NoteKind.PLM_CITY_BALLOT, city=city, bonus=bonus) in result.notes
    assert "L272-4-1" in result.legal_basis and "PARTIAL" in result.legal_basis
    assert "PARTIAL" in result.explain("fr") and "PARTIAL" in result.explain("en")


@given(st.dictionaries(st.sampled_from("ABCDEF"), st.integers(0, 10**6), min_size=1, max_size=6),
       st.sampled_from(["Paris", "Lyon", "Marseille"]))
def test_city_council_against_a_seat_by_seat_reference(votes: dict[str, int], city: str) -> None:
    assume(sum(votes.values()) > 0)
    top = max(votes.values())
    leaders = [name for name, count in votes.items() if count == top]
    assume(len(leaders) == 1)
    house = municipal_tables_seats(city)
    expected = _naive_bonus(votes, house, -(-house // 4), leaders[0])
    result = municipal.allocate_city_council(votes, city=city, round=2, date=DAY)
    if expected is not None:
        assert dict(result) == expected
    assert sum(result.values()) + result.undetermined == house


def municipal_tables_seats(city: str) -> int:
    return city_council_seats(city)


def test_city_council_round_one_needs_a_majority_and_round_two_is_checked() -> None:
    with pytest.raises(NoMajorityError):
        municipal.allocate_city_council({"A": 45, "B": 35, "C": 20}, city="Paris", date=DAY)
    first = {"A": 45, "B": 46, "C": 9}
    with pytest.raises(InvalidTallyError, match="'C' cannot stand"):
        municipal.allocate_city_council({"A": 50, "C": 50}, city="Paris", round=2, date="2026-03-22",
                                        first_round=first)


def test_plm_bad_input() -> None:
    with pytest.raises(UnknownConstituencyError, match="'Toulouse'"):
        municipal.allocate_city_council({"A": 1}, city="Toulouse", date=DAY)
    with pytest.raises(UnsupportedEraError, match=r"2020-03-15.*March 2026"):
        municipal.allocate_city_council({"A": 1}, city="Paris", date="2020-03-15")
    with pytest.raises(InvalidArgumentError, match="seats=160 disagrees with the 163 seats"):
        municipal.allocate_city_council({"A": 1}, 160, city="Paris", date=DAY)
    with pytest.raises(UnknownConstituencyError, match="no sector 21"):
        municipal.allocate_sector_council({"A": 1}, city="Paris", sector=21, date=DAY)
    with pytest.raises(UnknownConstituencyError, match="'Nice'"):
        municipal.allocate_sector_council({"A": 1}, city="Nice", sector=1, date=DAY)
    with pytest.raises(InvalidArgumentError, match="seats=40 disagrees with the 39 seats of sector 17"):
        municipal.allocate_sector_council({"A": 1}, 40, city="Paris", sector=17, date=DAY)
    with pytest.raises(InvalidArgumentError, match="Marseille's sector 5"):
        municipal.allocate_sector_council({"A": 1}, city="Marseille", sector=5, date=DAY)
    with pytest.raises(UnsupportedEraError, match="2025-795"):
        municipal.allocate_sector_council({"A": 1}, city="Lyon", sector=3, date="2025-12-31")


def test_sector_council_half_bonus_and_the_table() -> None:
    result = municipal.allocate_sector_council({"A": 6_000, "B": 3_000, "C": 1_000}, city="Paris", sector=13,
                                               date=DAY)
    assert result.house == 43 and result.bonus == {"A": 22}
    assert Note.of(NoteKind.PLM_SECTOR_BALLOT, city="Paris", sector=13, from_table=1) in result.notes
    given = municipal.allocate_sector_council({"A": 60, "B": 40}, 30, city="Marseille", sector=5, date=DAY)
    assert given.house == 30 and given.bonus == {"A": 15}
    assert Note.of(NoteKind.PLM_SECTOR_BALLOT, city="Marseille", sector=5, from_table=0) in given.notes
    small = municipal.allocate_sector_council({"A": 60, "B": 40}, city="Paris", sector=8, date=DAY)
    # 8 seats: bonus 4, then 60, 40, 30 and 20 = 20 for the fourth: most votes, A
    assert dict(small) == {"A": 7, "B": 1}


# -- New Caledonia ------------------------------------------------------------------------------


def test_belep_2026() -> None:
    belep = json.loads((DATA / "municipal" / "belep_2026.json").read_text("utf-8"))
    result = municipal.allocate(belep["lists"], belep["council_seats"], date=belep["date"], new_caledonia=True,
                                population=900)
    assert dict(result) == belep["seats"]
    assert result.bonus == {} and result.excluded == ("B",)
    assert Note.of(NoteKind.NEW_CALEDONIA_SMALL_COMMUNE) in result.notes
    by_code = municipal.allocate(belep["lists"], None, date=belep["date"], insee="98801", population=900)
    assert dict(by_code) == belep["seats"]
    with pytest.raises(NoMajorityError):  # the same votes under L262 give no seat in round 1
        municipal.allocate(belep["lists"], 15, date=belep["date"])


def test_new_caledonia_bad_input() -> None:
    with pytest.raises(InvalidArgumentError, match=r"'01004'.*988"):
        municipal.allocate({"A": 60, "B": 40}, 15, date=DAY, new_caledonia=True, insee="01004", population=900)
    with pytest.raises(InvalidArgumentError, match="new_caledonia=False"):
        municipal.allocate({"A": 60, "B": 40}, 15, date=DAY, new_caledonia=False, insee="98801", population=900)
    with pytest.raises(InvalidArgumentError, match="population="):
        municipal.allocate({"A": 60, "B": 40}, 15, date=DAY, new_caledonia=True)
    with pytest.raises(InvalidArgumentError, match="one round"):
        municipal.allocate({"A": 60, "B": 40}, 15, date=DAY, new_caledonia=True, population=900, round=2)
    with pytest.raises(InvalidArgumentError, match="insee"):
        municipal.allocate({"A": 60, "B": 40}, 15, date=DAY, insee="988", population=900)
    with pytest.raises(UnsupportedEraError, match="2014"):
        municipal.allocate({"A": 60, "B": 40}, 15, date="2008-03-09", new_caledonia=True, population=900)
    with pytest.raises(NotImplementedRuleError, match="2032"):
        municipal.allocate({"A": 60, "B": 40}, 15, date="2032-03-14", new_caledonia=True, population=900)


def test_new_caledonia_from_1000_inhabitants_is_l262() -> None:
    result = municipal.allocate({"A": 60, "B": 40}, 19, date=DAY, new_caledonia=True, population=1500)
    assert result.bonus == {"A": 10}


@given(st.dictionaries(st.sampled_from("ABCDE"), st.integers(0, 2000), min_size=1, max_size=5),
       st.sampled_from([7, 11, 15]))
def test_new_caledonia_against_a_seat_by_seat_reference(votes: dict[str, int], seats: int) -> None:
    assume(sum(votes.values()) > 0)
    reference = naive_divisor({name: votes[name] for name in admitted_by(votes, 1, 20)}, seats, _dhondt())
    try:
        result = municipal.allocate(votes, seats, date=DAY, new_caledonia=True, population=500)
    except UnresolvedTieError:  # L435 as read has no tie rule
        assert reference.at_stake
        return
    if not reference.at_stake:
        assert dict(result) == {name: reference.seats.get(name, 0) for name in votes}
    else:
        assert result.undetermined


# -- community seats ----------------------------------------------------------------------------


AMBERIEU = json.loads((DATA / "municipal" / "amberieu_en_bugey.json").read_text("utf-8"))["communes"]


@pytest.mark.parametrize("case", AMBERIEU, ids=lambda case: case["date"])
def test_amberieu_en_bugey_council_and_community_seats(case: dict[str, Any]) -> None:
    votes = {item["label"]: item["votes"] for item in case["lists"]}
    council = {item["label"]: item["council_seats"] for item in case["lists"]}
    community = {item["label"]: item["community_seats"] for item in case["lists"]}
    assert dict(municipal.allocate(votes, sum(council.values()), round=case["round"], date=case["date"])) == council
    result = municipal.allocate_community_seats(votes, sum(community.values()), round=case["round"],
                                                date=case["date"], population=14_000)
    assert dict(result) == community
    assert "L273-8" in result.legal_basis
    assert Note.of(NoteKind.COMMUNITY_SEATS) in result.notes


def test_community_seats_bad_input_and_small_communes() -> None:
    with pytest.raises(InvalidArgumentError, match=r"order of the table.*L273-11"):
        municipal.allocate_community_seats({"A": 60, "B": 40}, 2, date=DAY, population=800)
    with pytest.raises(InvalidArgumentError, match="population"):
        municipal.allocate_community_seats({"A": 60, "B": 40}, 2, date=DAY, population=0)
    with pytest.raises(UnsupportedEraError, match="2014"):
        municipal.allocate_community_seats({"A": 60, "B": 40}, 2, date="2008-03-09")
    with pytest.raises(InvalidArgumentError, match="Métropole de Lyon"):
        municipal.allocate_community_seats({"A": 60, "B": 40}, 2, date=DAY, city="Lyon")
    with pytest.raises(UnknownConstituencyError, match="'Nice'"):
        municipal.allocate_community_seats({"A": 60, "B": 40}, 2, date=DAY, city="Nice")
    with pytest.raises(UnsupportedEraError, match="sector"):
        municipal.allocate_community_seats({"A": 60, "B": 40}, 2, date="2020-03-15", city="Paris")
    with pytest.raises(InvalidArgumentError):
        municipal.allocate_community_seats({"A": 60, "B": 40}, 0, date=DAY)


def test_community_seats_of_paris_and_marseille_take_the_quarter_bonus() -> None:
    result = municipal.allocate_community_seats({"A": 45, "B": 35, "C": 20}, 12, round=2, date=DAY, city="Marseille")
    assert result.bonus == {"A": 3}
    one = municipal.allocate_community_seats({"A": 60, "B": 40}, 1, date=DAY)
    assert dict(one) == {"A": 1, "B": 0} and one.bonus == {}  # L262: no bonus for one seat
    with pytest.raises(NoMajorityError, match=r"L262 al\.2"):  # L273-8 applies L262 al.2: a second round
        municipal.allocate_community_seats({"A": 45, "B": 35, "C": 20}, 1, date=DAY)
    with pytest.raises(NoMajorityError):
        municipal.allocate({"A": 45, "B": 35, "C": 20}, 1, date=DAY)


@given(st.dictionaries(st.sampled_from("ABCDE"), st.integers(0, 5000), min_size=1, max_size=5),
       st.integers(1, 40))
def test_community_seats_against_a_seat_by_seat_reference(votes: dict[str, int], seats: int) -> None:
    assume(sum(votes.values()) > 0)
    top = max(votes.values())
    leaders = [name for name, count in votes.items() if count == top]
    assume(len(leaders) == 1)
    bonus = (seats + 1) // 2 if seats > 4 else seats // 2
    expected = _naive_bonus(votes, seats, bonus, leaders[0])
    result = municipal.allocate_community_seats(votes, seats, round=2, date=DAY)
    if expected is not None:
        assert dict(result) == expected


# -- junk input: a result or the library's own error ---------------------------------------------

junk = st.one_of(st.none(), st.booleans(), st.integers(-3, 1200), st.floats(allow_nan=True), st.text(max_size=6),
                 st.sampled_from(["Paris", "Lyon", "Marseille", "98801", "01004", "2026-03-15", "2020-03-15"]))
junk_votes = st.one_of(st.dictionaries(st.sampled_from("ABC"), st.integers(0, 60), max_size=3),
                       st.dictionaries(st.text(max_size=2), junk, max_size=3), junk)


def _library_error_only(call: Any) -> None:
    try:
        result = call()
    except ElectoralRulesError:
        return
    assert sum(result.values()) + result.undetermined == result.house


@given(junk_votes, junk, junk, junk, junk, junk)
@example({"A": 10}, None, "Marseille", 3, "2026-03-15", 1)
@example({"A": 10}, 0, "Paris", True, "2026-03-15", 2)
def test_plm_junk(votes: Any, seats: Any, city: Any, sector: Any, date: Any, round_: Any) -> None:
    _library_error_only(lambda: municipal.allocate_city_council(votes, seats, city=city, date=date, round=round_))
    _library_error_only(lambda: municipal.allocate_sector_council(votes, seats, city=city, sector=sector, date=date,
                                                                 round=round_))


@given(junk_votes, junk, junk, junk, junk, junk)
@example({"A": 10, "B": 5}, None, 500, True, "98801", "2026-03-15")
@example({"A": 10, "B": 5}, 13, -4, None, None, "2020-03-15")
def test_communes_junk(votes: Any, seats: Any, population: Any, flag: Any, insee: Any, date: Any) -> None:
    _library_error_only(lambda: municipal.allocate(votes, seats, date=date, population=population,
                                                   new_caledonia=flag, insee=insee))
    _library_error_only(lambda: municipal.allocate_community_seats(votes, seats, date=date, population=population,
                                                                  city=insee))
    _library_error_only(lambda: municipal.allocate_new_caledonia_small_commune(votes, seats, date=date,
                                                                              population=population))


@given(st.dictionaries(st.sampled_from("ABCDE"), st.integers(0, 10**5), min_size=1, max_size=5),
       st.sampled_from([("Paris", 1), ("Paris", 8), ("Paris", 15), ("Lyon", 2), ("Lyon", 7), ("Marseille", 1)]))
def test_sector_council_against_a_seat_by_seat_reference(votes: dict[str, int], where: tuple[str, int]) -> None:
    assume(sum(votes.values()) > 0)
    top = max(votes.values())
    leaders = [name for name, count in votes.items() if count == top]
    assume(len(leaders) == 1)
    city, sector = where
    result = municipal.allocate_sector_council(votes, city=city, sector=sector, round=2, date=DAY)
    house = result.house
    expected = _naive_bonus(votes, house, (house + 1) // 2 if house > 4 else house // 2, leaders[0])
    if expected is not None:
        assert dict(result) == expected
    assert sum(result.values()) + result.undetermined == house
