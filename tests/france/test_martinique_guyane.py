"""Assemblées de Martinique and de Guyane (Code électoral, art. L558-1 A to L558-9, L558-19)."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from electoral_rules import (
    InvalidArgumentError,
    InvalidTallyError,
    NotImplementedRuleError,
    RunnerUpTie,
    UnknownConstituencyError,
    UnsupportedEraError,
)
from electoral_rules.errors import NoMajorityError
from electoral_rules.france import guyane, martinique
from tests.naive_collectivity import admitted_by, bonus_then_averages, sections_then_averages

DAY = dt.date(2021, 6, 27)
DAY_2015 = dt.date(2015, 12, 13)
MARTINIQUE_VOTES = {"A": 40000, "B": 35000, "C": 20000, "D": 5000}
BY_SECTION = {
    "A": {"Centre": 12000, "Nord": 9000, "Fort-de-France": 11000, "Sud": 8000},
    "B": {"Centre": 9000, "Nord": 10000, "Fort-de-France": 7000, "Sud": 9000},
    "C": {"Centre": 5000, "Nord": 5000, "Fort-de-France": 5000, "Sud": 5000},
    "D": {"Centre": 2000, "Nord": 1000, "Fort-de-France": 1000, "Sud": 1000},
}


def test_martinique_worked_example() -> None:
    # 40 proportional seats, divisor 2 500: 16 + 14 + 8 + 2; D has exactly 5 % and is admitted
    result = martinique.allocate(MARTINIQUE_VOTES, round=2, date=DAY)
    assert dict(result) == {"A": 27, "B": 14, "C": 8, "D": 2}
    assert result.bonus == {"A": 11} and result.house == 51
    assert "L558-8" in result.legal_basis
    # A's 27 seats by its section votes: quotient 40 000 / 27; integer parts 8, 6, 7, 5; the
    # last seat to Fort-de-France (11 000 / 8 = 1 375 beats 12 000 / 9 and 8 000 / 6 = 1 333)
    split = martinique.sections(result, BY_SECTION, date=DAY)
    assert dict(split["A"]) == {"Centre": 8, "Nord": 6, "Fort-de-France": 8, "Sud": 5}
    assert dict(split["D"]) == {"Centre": 2, "Nord": 0, "Fort-de-France": 0, "Sud": 0}
    for name, part in split.items():
        assert sum(part.values()) + part.undetermined == result[name]
    # B's 14 seats: 3 + 4 + 2 + 3 by the quotient 2 500, Fort-de-France 7 000 / 3 next, then
    # Centre and Sud tie at 9 000 / 4 with equal votes: the oldest candidate decides (L558-9),
    # and without candidates the seat stays undetermined
    assert dict(split["B"]) == {"Centre": 3, "Nord": 4, "Fort-de-France": 3, "Sud": 3}
    assert split["B"].undetermined == 1
    assert split["B"].ties[0].unresolved == ("Centre", "Sud")


def test_martinique_round_one_and_errors() -> None:
    with pytest.raises(NoMajorityError):
        martinique.allocate(MARTINIQUE_VOTES, date=DAY)
    with pytest.raises(InvalidArgumentError, match="seats=41"):
        martinique.allocate(MARTINIQUE_VOTES, 41, round=2, date=DAY)
    with pytest.raises(UnsupportedEraError, match="2010-03-21"):
        martinique.allocate(MARTINIQUE_VOTES, round=2, date=dt.date(2010, 3, 21))
    result = martinique.allocate(MARTINIQUE_VOTES, round=2, date=DAY)
    wrong = {**BY_SECTION, "A": {"Centre": 12000, "Nord": 9000, "Fort-de-France": 11000, "Sud": 7999}}
    with pytest.raises(InvalidTallyError, match="39 999"):
        martinique.sections(result, wrong, date=DAY)
    unknown = {**BY_SECTION, "A": {**BY_SECTION["A"], "Lamentin": 0}}
    with pytest.raises(UnknownConstituencyError, match="Lamentin"):
        martinique.sections(result, unknown, date=DAY)


def test_martinique_second_round_top_two_fallback() -> None:
    tied = {"A": 46, "B": 9, "C": 9, "D": 9, "E": 9, "F": 9, "G": 9}
    outcome = martinique.second_round_qualification(tied, date=DAY)
    assert outcome.qualified == ("A", "B", "C", "D", "E", "F", "G")  # all tied for the fallback place stand
    literal = martinique.second_round_qualification(tied, date=DAY, runner_up_tie=RunnerUpTie.UNDETERMINED)
    assert literal.qualified == ("A",) and literal.undetermined
    assert martinique.second_round_qualification({"A": 50, "B": 40, "C": 10}, date=DAY).elected == ()
    assert martinique.second_round_qualification({"A": 51, "B": 39, "C": 10}, date=DAY).elected == ("A",)


GUYANE_VOTES = {"A": 5200, "B": 3000, "C": 1400, "D": 400}
GUYANE_SECTIONS = {section: {"A": 650, "B": 375, "C": 175, "D": 50} for section in guyane.SECTIONS_2015}


def test_guyane_2015_tables_add_up() -> None:
    assert sum(guyane.SECTIONS_2015.values()) == 51
    assert sum(guyane.BONUS_2015.values()) == guyane.BONUS == 11


def test_guyane_worked_example() -> None:
    parts = guyane.sections(GUYANE_VOTES, section_votes=GUYANE_SECTIONS, date=DAY_2015)
    # Cayenne: 2 bonus seats, then 10 by plus forte moyenne on 650 / 375 / 175 (D under 5 %)
    assert dict(parts["Cayenne"]) == {"A": 8, "B": 3, "C": 1, "D": 0}
    assert parts["Cayenne"].excluded == ("D",)
    assert dict(parts["Basse-Mana"]) == {"A": 2, "B": 1, "C": 0, "D": 0}
    total = guyane.allocate(GUYANE_VOTES, section_votes=GUYANE_SECTIONS, date=DAY_2015)
    assert dict(total) == {"A": 34, "B": 13, "C": 4, "D": 0}
    assert total.bonus == {"A": 11} and total.house == 51
    assert "Section Cayenne (12 sièges) : " in total.explain("fr")


def test_guyane_bad_sections() -> None:
    missing = {section: votes for section, votes in GUYANE_SECTIONS.items() if section != "Oyapock"}
    with pytest.raises(InvalidArgumentError, match="Oyapock"):
        guyane.allocate(GUYANE_VOTES, section_votes=missing, date=DAY_2015)
    unknown = {**GUYANE_SECTIONS, "Kourou": {"A": 0}}
    with pytest.raises(UnknownConstituencyError, match="Kourou"):
        guyane.allocate(GUYANE_VOTES, section_votes=unknown, date=DAY_2015)
    off = {**GUYANE_SECTIONS, "Cayenne": {"A": 651, "B": 375, "C": 175, "D": 50}}
    with pytest.raises(InvalidTallyError, match="5 201"):
        guyane.allocate(GUYANE_VOTES, section_votes=off, date=DAY_2015)
    with pytest.raises(NotImplementedRuleError, match="55 or 61"):
        guyane.allocate(GUYANE_VOTES, 55, section_votes=GUYANE_SECTIONS, date=DAY_2015)
    with pytest.raises(InvalidArgumentError, match="fix the sections"):
        guyane.allocate(GUYANE_VOTES, section_votes=GUYANE_SECTIONS, date=DAY_2015,
                        section_seats=dict(guyane.SECTIONS_2015))


def test_guyane_since_2021_needs_the_arrete_and_the_unread_bonus_split() -> None:
    layout = {"Cayenne": 14, "Petite Couronne": 12, "Grande Couronne": 3, "Oyapock": 3, "Savanes": 7,
              "Haut-Maroni": 5, "Saint-Laurent-du-Maroni": 8, "Basse-Mana": 3}
    with pytest.raises(InvalidArgumentError, match="arrêté"):
        guyane.allocate(GUYANE_VOTES, section_votes=GUYANE_SECTIONS, date=DAY)
    with pytest.raises(NotImplementedRuleError, match="22 décembre 2020"):
        guyane.allocate(GUYANE_VOTES, section_votes=GUYANE_SECTIONS, date=DAY, section_seats=layout)
    result = guyane.allocate(GUYANE_VOTES, section_votes=GUYANE_SECTIONS, date=DAY, section_seats=layout,
                             section_bonus=dict(guyane.BONUS_2015))
    assert result.house == 55 and sum(result.values()) == 55
    assert "PARTIAL" in result.legal_basis
    with pytest.raises(InvalidArgumentError, match="adds up to 10"):
        guyane.allocate(GUYANE_VOTES, section_votes=GUYANE_SECTIONS, date=DAY, section_seats=layout,
                        section_bonus={**guyane.BONUS_2015, "Cayenne": 1})
    with pytest.raises(InvalidArgumentError, match="at least 3"):
        guyane.allocate(GUYANE_VOTES, section_votes=GUYANE_SECTIONS, date=DAY,
                        section_seats={**layout, "Oyapock": 2}, section_bonus=dict(guyane.BONUS_2015))


@given(st.lists(st.integers(0, 400), min_size=24, max_size=24), st.integers(1, 2))
def test_guyane_matches_the_section_by_section_reference(counts: list[int], round: int) -> None:
    names = ("A", "B", "C")
    by_section = {section: dict(zip(names, counts[3 * i : 3 * i + 3], strict=True))
                  for i, section in enumerate(guyane.SECTIONS_2015)}
    totals = {name: sum(by_section[s][name] for s in by_section) for name in names}
    top = max(totals.values())
    leaders = [name for name in names if totals[name] == top]
    if len(leaders) > 1 or (round == 1 and 2 * top <= sum(totals.values())):
        return
    admitted = admitted_by(totals, 1, 20)
    expected = sections_then_averages(by_section, guyane.SECTIONS_2015, guyane.BONUS_2015,
                                      winner=leaders[0], admitted=admitted)
    if expected is None:
        return
    parts = guyane.sections(totals, round=round, section_votes=by_section, date=DAY_2015)
    assert {section: dict(part) for section, part in parts.items()} == expected


@given(st.dictionaries(st.sampled_from("ABCDEF"), st.integers(0, 10**5), min_size=2, max_size=6))
def test_martinique_matches_the_seat_by_seat_reference(votes: dict[str, int]) -> None:
    top = max(votes.values())
    leaders = [name for name in votes if votes[name] == top]
    if top == 0 or len(leaders) > 1:
        return
    expected = bonus_then_averages(votes, 51, winner=leaders[0], bonus=11, admitted=admitted_by(votes, 1, 20))
    result = martinique.allocate(votes, round=2, date=DAY)
    assert sum(result.values()) + result.undetermined == 51
    if expected is not None:
        assert dict(result) == expected


def _guyane_sections(grande_couronne: dict[str, int]) -> dict[str, dict[str, int]]:
    """600 votes for A and 400 for B, with ``grande_couronne`` in that section (3 seats, 1 bonus)."""
    others = [s for s in guyane.SECTIONS_2015 if s != "Grande Couronne"]
    rest_a, rest_b = 600 - grande_couronne["A"], 400 - grande_couronne["B"]
    split = {s: {"A": rest_a // len(others), "B": rest_b // len(others)} for s in others}
    split[others[0]]["A"] += rest_a % len(others)
    split[others[0]]["B"] += rest_b % len(others)
    return {**split, "Grande Couronne": dict(grande_couronne)}


def test_a_section_tie_settled_by_the_section_votes_is_noted_once() -> None:
    # Grande Couronne: A 100, B 50; after the bonus, A's 100/2 ties B's 50 for the last seat
    tied = guyane.sections({"A": 600, "B": 400}, section_votes=_guyane_sections({"A": 100, "B": 50}),
                           date="2015-12-13")
    tie = tied["Grande Couronne"].ties[0]
    assert tie.contenders == ("A", "B") and tie.winners == ("A",)  # the most votes in the section
    result = guyane.allocate({"A": 600, "B": 400}, section_votes=_guyane_sections({"A": 100, "B": 50}),
                             date="2015-12-13")
    assert result.notes.count(guyane.SECTION_TIE_NOTE) == 1
    untied = guyane.allocate({"A": 600, "B": 400}, section_votes=_guyane_sections({"A": 110, "B": 50}),
                             date="2015-12-13")
    assert not any(part.ties for part in guyane.sections(
        {"A": 600, "B": 400}, section_votes=_guyane_sections({"A": 110, "B": 50}), date="2015-12-13").values())
    assert guyane.SECTION_TIE_NOTE not in untied.notes
