"""Legal thresholds: exact, inclusive boundaries on a stated base."""

from __future__ import annotations

from fractions import Fraction

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from electoral_rules.apportionment import apply_threshold, dhondt, largest_remainder
from electoral_rules.errors import InvalidArgumentError, InvalidTallyError, NoEligibleListError
from tests.strategies import shares, votes_mappings


def test_five_percent_is_twenty_times_votes_at_least_expressed() -> None:
    # E = 1 000: 50 votes reach 5 % exactly, 49 do not
    votes = {"A": 901, "B": 50, "C": 49}
    admitted, excluded, rule = apply_threshold(votes, "5%")
    assert admitted == {"A": 901, "B": 50}
    assert excluded == ("C",)
    assert rule.share == Fraction(1, 20)
    assert rule.base_count == 1000
    assert rule.inclusive
    assert rule.votes == 50
    assert rule.name == "5 % of expressed"


def test_boundary_with_a_base_that_is_not_a_multiple() -> None:
    # 5 % of 1 001 is 50.05: 50 votes miss it, 51 reach it
    admitted, excluded, rule = apply_threshold({"A": 900, "B": 51, "C": 50}, "5%")
    assert (excluded, rule.votes) == (("C",), 51)
    assert admitted == {"A": 900, "B": 51}


def test_stated_base_and_name() -> None:
    admitted, excluded, rule = apply_threshold(
        {"A": 70, "B": 30}, "12.5%", base=240, base_name="registered", legal_basis="art. L210-1"
    )
    assert (admitted, excluded) == ({"A": 70, "B": 30}, ())
    assert (rule.base, rule.base_count, rule.legal_basis) == ("registered", 240, "art. L210-1")
    assert rule.name == "12.5 % of registered"
    _, excluded, _ = apply_threshold({"A": 70, "B": 29}, "12.5%", base=240)
    assert excluded == ("B",)


@pytest.mark.parametrize("share", ["5%", "5 %", "5,0 %", "0.05", "1/20", Fraction(1, 20)])
def test_share_spellings(share: str | Fraction) -> None:
    assert apply_threshold({"A": 1}, share)[2].share == Fraction(1, 20)


def test_order_is_kept() -> None:
    admitted, excluded, _ = apply_threshold({"Z": 1, "Y": 50, "X": 0, "W": 49}, "10%")
    assert list(admitted) == ["Y", "W"]
    assert excluded == ("Z", "X")


def test_zero_threshold_admits_everyone() -> None:
    admitted, excluded, rule = apply_threshold({"A": 3, "B": 0}, "0%")
    assert (admitted, excluded, rule.votes) == ({"A": 3, "B": 0}, (), 0)


@pytest.mark.parametrize(
    ("share", "error", "fragment"),
    [
        (0.05, InvalidArgumentError, "0.05"),
        ("150%", InvalidArgumentError, "'150%'"),
        ("-5%", InvalidArgumentError, "'-5%'"),
        ("five", InvalidArgumentError, "'five'"),
        ("1/0", InvalidArgumentError, "'1/0'"),
        (True, InvalidArgumentError, "True"),
        (None, InvalidArgumentError, "None"),
    ],
)
def test_bad_share(share: object, error: type[Exception], fragment: str) -> None:
    with pytest.raises(error) as info:
        apply_threshold({"A": 1}, share)  # type: ignore[arg-type]
    assert isinstance(info.value, ValueError)
    assert fragment in str(info.value)


@pytest.mark.parametrize("base", [-1, 2.5, True, "100"])
def test_bad_base(base: object) -> None:
    with pytest.raises(InvalidTallyError, match="threshold base"):
        apply_threshold({"A": 1}, "5%", base=base)  # type: ignore[arg-type]


def test_everyone_under_the_threshold() -> None:
    with pytest.raises(NoEligibleListError, match=r"5 % of expressed votes \(50 of 1000\)"):
        apply_threshold({"A": 49, "B": 48}, "5%", base=1000)
    with pytest.raises(NoEligibleListError):
        apply_threshold({"A": 0, "B": 0}, "0%")


def test_methods_pass_the_base_on() -> None:
    votes = {"A": 600, "B": 351, "C": 55}
    assert dhondt(votes, 10, threshold="5%").excluded == ()  # 55 >= 5 % of 1 006
    # a base at least the votes given (registered, say): 55 < 5 % of 2 000
    assert dhondt(votes, 10, threshold="5%", threshold_base=2000).excluded == ("C",)
    result = largest_remainder(votes, 10, threshold="5%", threshold_base=2000)
    assert result.threshold is not None
    assert result.threshold.base_count == 2000


@given(votes_mappings(), shares(), st.integers(0, 10**12) | st.none())
@example({"A": 50, "B": 950}, Fraction(1, 20), None)
@example({"A": 49, "B": 951}, Fraction(1, 20), None)
@example({"A": 1, "B": 7}, Fraction(1, 8), None)
def test_admitted_exactly_when_share_times_base_is_reached(
    votes: dict[str, int], share: Fraction, extra: int | None
) -> None:
    # a base counts at least the votes given, and is not 0 (both refused: test_hardening.py)
    base = None if extra is None else max(1, sum(votes.values()) + extra)
    total = sum(votes.values()) if base is None else base
    reaching = {name: n for name, n in votes.items() if n * share.denominator >= share.numerator * total}
    if not any(reaching.values()):
        with pytest.raises(NoEligibleListError):
            apply_threshold(votes, share, base=base)
        return
    admitted, excluded, rule = apply_threshold(votes, share, base=base)
    assert admitted == reaching
    assert excluded == tuple(name for name in votes if name not in reaching)
    assert rule.met_by(rule.votes)
    assert rule.votes == 0 or not rule.met_by(rule.votes - 1)


@given(st.integers(1, 10**15))
def test_twenty_times_votes_rule(expressed: int) -> None:
    rule = apply_threshold({"A": expressed}, "5%", base=expressed)[2]
    for votes in (rule.votes - 1, rule.votes, rule.votes + 1):
        if votes >= 0:
            assert rule.met_by(votes) == (20 * votes >= expressed)
