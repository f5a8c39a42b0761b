"""European elections in the states with one national constituency: golden reproductions from
exact counts (``tests/data/eu-parliament/``, sources in ``tests/data/README.md``), the rule
table's applied and refused states, and bad input."""

from __future__ import annotations

import json
from fractions import Fraction
from typing import Any

from electoral_rules import Divisor, Method, europe, highest_averages
from tests import common

DATA = common.DATA / "eu-parliament"


def load(name: str) -> dict[str, Any]:
    """One data file of ``tests/data/eu-parliament``."""
    data: dict[str, Any] = json.loads((DATA / f"{name}.json").read_text("utf-8"))
    return data


def seated(result: Any) -> dict[str, int]:
    return {name: n for name, n in result.items() if n}


# -- Sweden: jämkade uddatalsmetod, first divisor 1.2 ------------------------------------------

def test_sweden_2019_first_divisor_1_2() -> None:
    """The eight lists over 4 % (counts_partial, electionseuropeennes.eu): the others are under
    4 % of the valid votes (EP export: FI 0.77 %, others 1.73 %), so they take no part."""
    data = load("se_2019")
    result = europe.allocate("SE", data["votes"], year=2019)
    assert result.method is Method.SWEDISH_SAINTE_LAGUE and result.excluded == ()
    assert seated(result) == data["seats"] and result.house == data["seats_total"] == 20
    assert "SE 2019" in result.legal_basis and "1.2" in result.legal_basis
    # 1.4 and plain Sainte-Laguë give the same seats in 2019 (so 2019 cannot tell them apart)
    for other in (Divisor.MODIFIED_SAINTE_LAGUE, Divisor.SAINTE_LAGUE):
        assert seated(highest_averages(data["votes"], 20, divisor=other)) == data["seats"]


def test_sweden_threshold_is_4_percent_of_the_valid_votes() -> None:
    result = europe.allocate("SE", {"A": 9_600, "B": 399}, year=2024, valid=10_000)
    assert result.excluded == ("B",) and result["A"] == 21
    assert result.threshold is not None and result.threshold.share == Fraction(4, 100)
    # on exactly 4 % a list is admitted (the boundary wording of the law was not read)
    assert europe.allocate("SE", {"A": 9_600, "B": 400}, year=2024).excluded == ()


def test_sweden_is_the_generic_1_2_divisor_with_4_percent() -> None:
    votes = {"A": 5_000, "B": 3_000, "C": 1_500, "D": 420, "E": 80}
    result = europe.allocate("SE", votes, year=2024)
    generic = highest_averages(votes, 21, divisor=Divisor.SWEDISH_SAINTE_LAGUE, threshold="4%")
    assert dict(result) == dict(generic) and result.excluded == ("E",)
