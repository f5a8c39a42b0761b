"""The member states' STV rules (:mod:`electoral_rules.europe.stv_rules`)."""

from __future__ import annotations

import pytest

from electoral_rules.errors import UnknownConstituencyError, UnsupportedEraError
from electoral_rules.europe import stv_rules
from electoral_rules.stv import Ballot, SurplusOrder, TransferMethod


def test_each_rule_says_how_sure_it_is() -> None:
    assert stv_rules.IRELAND.status == "PARTIAL" and "rules 82, 84 and 88" in stv_rules.IRELAND.legal_basis
    assert stv_rules.MALTA.status == "UNVERIFIED" and "quota" in stv_rules.MALTA.unverified
    assert stv_rules.NORTHERN_IRELAND.transfer is TransferMethod.FRACTIONAL
    assert stv_rules.MALTA.surplus_order is SurplusOrder.EARLIEST_COUNT_FIRST


def test_the_outcome_carries_the_status_and_the_unverified_points() -> None:
    ballots = [Ballot(ranking=("A", "B"), papers=6), Ballot(ranking=("B",), papers=3), Ballot(ranking=("C",), papers=2)]
    result = stv_rules.elect("MT", ballots, 1, year=2019)
    assert result.status == "UNVERIFIED" and "cap-467-application" in result.unverified
    assert result.elected == ("A",)


def test_unknown_state_or_year() -> None:
    ballots = [Ballot(ranking=("A",))]
    with pytest.raises(UnknownConstituencyError, match="'FR' does not elect by STV"):
        stv_rules.elect("FR", ballots, 1, year=2019)
    with pytest.raises(UnsupportedEraError, match="UK-NI is covered for 2019, not 2024"):
        stv_rules.elect("UK-NI", ballots, 1, year=2024)
