"""Présidentielle (Constitution, art. 7): golden 2017 first round, withdrawals, undetermined ties."""

from __future__ import annotations

from typing import Any

import pytest

from electoral_rules import Tally
from electoral_rules.errors import InvalidArgumentError
from electoral_rules.france import presidential
from tests.common import DATA, golden_tally, load_json

GOLDEN = DATA / "golden" / "presidentielle2017_t1.json"


def _golden() -> dict[str, Any]:
    return load_json(GOLDEN)


def _tally(data: dict[str, Any]) -> Tally:
    return golden_tally(data, "candidates")


def test_golden_2017_first_round() -> None:
    data = _golden()
    outcome = presidential.elect(_tally(data))
    official_qualified = tuple(c["name"] for c in data["candidates"] if c["qualified_second_round"])
    official_elected = tuple(c["name"] for c in data["candidates"] if c["elected"])
    assert outcome.qualified == official_qualified == ("Emmanuel MACRON", "Marine LE PEN")
    assert outcome.elected == official_elected == ()
    assert len(outcome.eliminated) == 9
    assert outcome.thresholds["absolute majority"].votes == 18027198
    assert "quarter of registered" not in outcome.thresholds
    assert outcome.legal_basis == "Constitution, art. 7"
    assert not outcome.undetermined


def test_golden_2017_explained_in_french_and_english() -> None:
    outcome = presidential.elect(_tally(_golden()))
    fr = outcome.explain("fr")
    assert "Majorité absolue : 18 027 198 voix." in fr
    assert "Inscrits : 47 582 183 ; votants : 37 003 728 ; blancs : 659 997 ; nuls : 289 337" in fr
    assert "- Emmanuel MACRON : 8 656 346 voix (24,01 % des exprimés) : qualifié(e) pour le second tour" in fr
    assert "Peuvent se présenter au second tour : Emmanuel MACRON, Marine LE PEN." in fr
    en = outcome.explain("en")
    assert "Absolute majority: 18,027,198 votes." in en
    assert "Legal basis: Constitution, art. 7." in en


def test_golden_2017_with_a_withdrawal_promotes_fillon() -> None:
    outcome = presidential.elect(_tally(_golden()), withdrawn=["Marine LE PEN"])
    assert outcome.qualified == ("Emmanuel MACRON", "François FILLON")
    assert "Marine LE PEN" in outcome.eliminated
    assert "retiré(e)" in outcome.explain("fr")


def test_blank_votes_are_not_expressed() -> None:
    # 50 of 99 expressed is a majority even with 20 blank ballots
    outcome = presidential.elect(Tally(votes={"A": 50, "B": 49}, voters=119, blank=20, null=0))
    assert outcome.elected == ("A",)
    assert outcome.qualified == ()


def test_no_quarter_condition() -> None:
    outcome = presidential.elect(Tally(votes={"A": 60, "B": 40}, registered=1000))
    assert outcome.elected == ("A",)


def test_tie_for_second_place_is_undetermined_never_age() -> None:
    outcome = presidential.elect(Tally(votes={"A": 40, "B": 30, "C": 30}))
    assert outcome.qualified == ("A",)
    assert outcome.eliminated == ()
    assert outcome.undetermined
    (tie,) = outcome.ties
    assert tie.contenders == ("B", "C")
    assert tie.seats == 1
    assert tie.resolved_by == ()


def test_withdrawal_of_the_leader_promotes_the_third() -> None:
    outcome = presidential.elect(Tally(votes={"A": 40, "B": 35, "C": 25}), withdrawn=("A",))
    assert outcome.qualified == ("B", "C")


def test_unknown_withdrawal_is_refused() -> None:
    with pytest.raises(InvalidArgumentError, match="'Z'"):
        presidential.elect(Tally(votes={"A": 40, "B": 35}), withdrawn=["Z"])
    with pytest.raises(InvalidArgumentError, match="sequence of candidates' names"):
        presidential.elect(Tally(votes={"A": 40, "B": 35}), withdrawn="A")


def test_second_round() -> None:
    outcome = presidential.elect(Tally(votes={"Emmanuel MACRON": 20743128, "Marine LE PEN": 10638475}), round=2)
    assert outcome.elected == ("Emmanuel MACRON",)
    assert outcome.eliminated == ("Marine LE PEN",)


def test_second_round_tie_is_undetermined() -> None:
    outcome = presidential.elect(Tally(votes={"A": 100, "B": 100}), round=2)
    assert outcome.elected == ()
    assert outcome.eliminated == ()
    assert outcome.undetermined
    assert outcome.ties[0].unresolved == ("A", "B")
    assert "aucune règle" in outcome.explain("fr")
    assert "no tie-break" in outcome.explain("en")


def test_second_round_needs_two_candidates() -> None:
    with pytest.raises(InvalidArgumentError, match="exactly two"):
        presidential.elect(Tally(votes={"A": 1, "B": 2, "C": 3}), round=2)
