"""Départementales (Code électoral, art. L191, L193, L210-1): binômes, eras, the oldest-person tie."""

from __future__ import annotations

import datetime as dt
import json
from fractions import Fraction

import pytest

from electoral_rules import Candidate, PartyList, RunnerUpTie, Tally
from electoral_rules.errors import InvalidArgumentError, NotImplementedRuleError, UnresolvedTieError
from electoral_rules.france import departmental
from electoral_rules.tiebreak import IfUnresolved
from tests.common import DATA


def _binome(name: str, first: dt.date | None, second: dt.date | None) -> tuple[Candidate, Candidate]:
    left, right = name.split("-")
    return (Candidate(name=left, birth_date=first), Candidate(name=right, birth_date=second))


def test_first_round_election_needs_majority_and_quarter() -> None:
    outcome = departmental.elect(Tally(votes={"A-B": 5100, "C-D": 4000}, registered=20000))
    assert outcome.elected == ("A-B",)
    assert outcome.qualified == ()
    assert outcome.legal_basis == "Code électoral, art. L193, L210-1"
    outcome = departmental.elect(Tally(votes={"A-B": 4999, "C-D": 4000}, registered=20000))
    assert outcome.elected == ()


def test_qualification_twelve_and_a_half_percent_since_2011() -> None:
    tally = Tally(votes={"A-B": 5000, "C-D": 3000, "E-F": 2999, "G-H": 2400}, registered=24000)
    assert departmental.elect(tally).qualified == ("A-B", "C-D")
    assert departmental.elect(tally, date=dt.date(2011, 3, 20)).qualified == ("A-B", "C-D")
    # Cantonales 2008: 10 % of registered = 2 400, exactly reached by G-H
    assert departmental.elect(tally, date=dt.date(2008, 3, 9)).qualified == ("A-B", "C-D", "E-F", "G-H")


def test_qualification_share_eras() -> None:
    assert departmental.qualification_share(dt.date(2015, 3, 22)) == Fraction(1, 8)
    assert departmental.qualification_share(dt.date(2004, 3, 21)) == Fraction(1, 10)
    # the 10 % text is in the LEGI history from its version dated 31 January 1970 (PARTIAL)
    assert departmental.qualification_share(dt.date(1998, 3, 15)) == Fraction(1, 10)
    assert departmental.qualification_share(dt.date(1970, 3, 8)) == Fraction(1, 10)
    assert departmental.qualification_share(dt.date(1970, 1, 31)) == Fraction(1, 10)
    with pytest.raises(NotImplementedRuleError, match="31 January 1970"):
        departmental.qualification_share(dt.date(1970, 1, 30))


def test_top_two_fallback() -> None:
    outcome = departmental.elect(Tally(votes={"A-B": 2000, "C-D": 1900, "E-F": 1800}, registered=24000))
    assert outcome.qualified == ("A-B", "C-D")
    assert outcome.eliminated == ("E-F",)


def test_tie_goes_to_the_binome_holding_the_oldest_person_not_the_older_average() -> None:
    binomes = {
        "A-B": _binome("A-B", dt.date(1990, 1, 1), dt.date(1940, 1, 1)),  # average 1965, holds the oldest
        "C-D": _binome("C-D", dt.date(1950, 1, 1), dt.date(1951, 1, 1)),  # older average (1950.5)
    }
    outcome = departmental.elect(Tally(votes={"C-D": 700, "A-B": 700}), round=2, people=binomes)
    assert outcome.elected == ("A-B",)
    assert outcome.eliminated == ("C-D",)


def test_binomes_as_party_lists() -> None:
    lists = [
        PartyList(name="A-B", candidates=_binome("A-B", dt.date(1960, 1, 1), dt.date(1961, 1, 1))),
        PartyList(name="C-D", candidates=_binome("C-D", dt.date(1962, 1, 1), dt.date(1959, 1, 1))),
    ]
    assert departmental.elect(Tally(votes={"A-B": 700, "C-D": 700}), round=2, people=lists).elected == ("C-D",)


def test_a_binome_needs_two_candidates_since_2015() -> None:
    with pytest.raises(InvalidArgumentError, match="binôme of two"):
        departmental.elect(Tally(votes={"A": 1, "B": 2}), round=2, people=[Candidate(name="A")])


def test_one_candidate_per_canton_before_2015() -> None:
    people = [
        Candidate(name="A", birth_date=dt.date(1940, 1, 1)),
        Candidate(name="B", birth_date=dt.date(1945, 1, 1)),
    ]
    outcome = departmental.elect(Tally(votes={"A": 7, "B": 7}), round=2, people=people, date=dt.date(2008, 3, 16))
    assert outcome.elected == ("A",)
    with pytest.raises(InvalidArgumentError, match="one candidate"):
        departmental.elect(
            Tally(votes={"A-B": 1}), round=2, people={"A-B": _binome("A-B", None, None)}, date=dt.date(2008, 3, 16)
        )


def test_missing_birth_date_in_a_tied_binome() -> None:
    binomes = {
        "A-B": _binome("A-B", dt.date(1990, 1, 1), None),
        "C-D": _binome("C-D", dt.date(1950, 1, 1), dt.date(1951, 1, 1)),
    }
    with pytest.raises(UnresolvedTieError, match=r"'A-B', 'C-D'.*'A-B'"):
        departmental.elect(Tally(votes={"A-B": 700, "C-D": 700}), round=2, people=binomes, if_unresolved=IfUnresolved.RAISE)


def _aureilhan() -> tuple[Tally, dict[str, object]]:
    path = DATA / "runner_up_tie" / "aureilhan_2015.json"
    data = json.loads(path.read_text("utf-8"))
    numbers = data["placeholders"]
    return Tally(votes=numbers["votes"], registered=numbers["registered"]), data["sourced"]


def test_aureilhan_2015_three_binomes_stand() -> None:
    tally, sourced = _aureilhan()
    outcome = departmental.elect(tally, date=dt.date(2015, 3, 22))
    assert outcome.qualified == tuple(sourced["admitted_to_round_2"])  # type: ignore[arg-type]
    assert outcome.eliminated == ("Other",)
    (tie,) = outcome.ties
    assert tie.contenders == tuple(sourced["tied_below_the_threshold"])  # type: ignore[arg-type]
    assert tie.value == sourced["tied_votes"]
    assert tie.resolved and "Aureilhan" in tie.resolved_by[0]
    assert "canton d'Aureilhan" in outcome.explain("fr")


def test_aureilhan_2015_undetermined_on_request() -> None:
    tally, _ = _aureilhan()
    outcome = departmental.elect(tally, date=dt.date(2015, 3, 22), runner_up_tie=RunnerUpTie.UNDETERMINED)
    assert outcome.qualified == ("Glavany-Isson",)
    assert outcome.undetermined
    assert outcome.ties[0].unresolved == ("Barrouquère-Theil-Gasquet", "Delasalle-Padioleau")
