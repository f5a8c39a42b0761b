"""Exact helpers: shares, counts, cross-multiplied comparisons and decimal text."""

from __future__ import annotations

from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from electoral_rules._exact import (
    as_count,
    as_counts,
    as_share,
    decimal_text,
    exceeds,
    percent,
    percent_text,
    reaches,
    votes_to_exceed,
    votes_to_reach,
)
from electoral_rules.errors import ElectoralRulesError, InvalidArgumentError, InvalidTallyError

counts = st.integers(0, 10**15)
unit_shares = st.fractions(min_value=0, max_value=1, max_denominator=10**4)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("5", Fraction(1, 20)),
        ("12.5", Fraction(1, 8)),
        ("12,5 %", Fraction(1, 8)),
        (" 3% ", Fraction(3, 100)),
        (3, Fraction(3, 100)),
        (Fraction(25, 2), Fraction(1, 8)),
        ("0", Fraction(0)),
        ("100", Fraction(1)),
    ],
)
def test_percent(text: str | int | Fraction, expected: Fraction) -> None:
    assert percent(text) == expected


@pytest.mark.parametrize("bad", [5.0, True, "-5", "5%%", "five", "", -1, Fraction(-1, 2), None, [5]])
def test_percent_refuses(bad: object) -> None:
    with pytest.raises(InvalidArgumentError) as info:
        percent(bad)  # type: ignore[arg-type]
    assert repr(bad) in str(info.value)
    assert isinstance(info.value, ValueError)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("5%", Fraction(1, 20)),
        ("0.05", Fraction(1, 20)),
        ("0,05", Fraction(1, 20)),
        ("1/8", Fraction(1, 8)),
        (Fraction(1, 4), Fraction(1, 4)),
        (0, Fraction(0)),
        (1, Fraction(1)),
    ],
)
def test_as_share(value: str | int | Fraction, expected: Fraction) -> None:
    assert as_share(value) == expected


@pytest.mark.parametrize("bad", [0.5, False, "2", "101%", "1/0", "x", -1, Fraction(3, 2), None])
def test_as_share_refuses(bad: object) -> None:
    with pytest.raises(InvalidArgumentError) as info:
        as_share(bad, what="threshold")  # type: ignore[arg-type]
    message = str(info.value)
    assert message.startswith("threshold") or "percentage" in message
    assert repr(bad) in message


def test_as_count() -> None:
    assert as_count(0, "seats") == 0
    assert as_count(10**30, "votes") == 10**30


@pytest.mark.parametrize(
    ("bad", "fragment"),
    [
        (-3, "votes for 'B' (-3) must be >= 0"),
        (True, "votes for 'B' (True) must be an int, not bool"),
        (3.0, "votes for 'B' (3.0) must be an int, not float"),
        ("3", "votes for 'B' ('3') must be an int, not str"),
        (Fraction(3), "not Fraction"),
        (None, "not NoneType"),
    ],
)
def test_as_count_refuses(bad: object, fragment: str) -> None:
    with pytest.raises(InvalidTallyError) as info:
        as_count(bad, "votes for 'B'")
    assert fragment in str(info.value)
    assert isinstance(info.value, ElectoralRulesError)
    assert isinstance(info.value, ValueError)


def test_as_count_accepts_other_integral_types() -> None:
    class Count(int):
        pass

    value = as_count(Count(4), "votes")
    assert value == 4
    assert type(value) is int


def test_as_counts() -> None:
    assert as_counts({"A": 1, "B": 0}) == {"A": 1, "B": 0}
    with pytest.raises(InvalidTallyError, match="votes for 'B' \\(-1\\)"):
        as_counts({"A": 1, "B": -1})
    with pytest.raises(InvalidTallyError, match="got ''"):
        as_counts({"": 1})
    with pytest.raises(InvalidTallyError, match="not list"):
        as_counts([("A", 1)])  # type: ignore[arg-type]


@given(counts, counts, unit_shares)
def test_reaches_and_exceeds_are_exact(votes: int, base: int, share: Fraction) -> None:
    assert reaches(votes, base, share) == (votes >= share * base)
    assert exceeds(votes, base, share) == (votes > share * base)


@given(counts, unit_shares)
def test_votes_to_reach_and_exceed_are_the_fewest(base: int, share: Fraction) -> None:
    need = votes_to_reach(base, share)
    assert reaches(need, base, share)
    assert need == 0 or not reaches(need - 1, base, share)
    more = votes_to_exceed(base, share)
    assert exceeds(more, base, share)
    assert not exceeds(more - 1, base, share)


def test_majority_and_quarter_examples() -> None:
    assert votes_to_exceed(101, Fraction(1, 2)) == 51
    assert votes_to_exceed(100, Fraction(1, 2)) == 51
    assert votes_to_reach(1001, Fraction(1, 4)) == 251
    assert votes_to_reach(1000, Fraction(1, 8)) == 125


@pytest.mark.parametrize(
    ("value", "kwargs", "expected"),
    [
        (Fraction(1532, 5), {}, "306.4"),
        (Fraction(1534, 5), {"point": ","}, "306,8"),
        (Fraction(1023, 4), {"point": ","}, "255,75"),
        (Fraction(1000, 3), {}, "333.33…"),
        (Fraction(-1, 3), {}, "-0.33…"),
        (Fraction(-5, 2), {}, "-2.5"),
        (7, {}, "7"),
        (Fraction(1, 3), {"places": 10}, "0.33…"),
        (Fraction(1, 16), {}, "0.0625"),
        (Fraction(1, 32), {}, "0.03…"),
    ],
)
def test_decimal_text(value: Fraction | int, kwargs: dict[str, object], expected: str) -> None:
    assert decimal_text(value, **kwargs) == expected  # type: ignore[arg-type]


def test_percent_text() -> None:
    assert percent_text(Fraction(1, 8)) == "12.5 %"
    assert percent_text(Fraction(1, 20), point=",") == "5 %"
    assert percent_text(Fraction(1, 3)) == "33.33… %"


@given(st.fractions(min_value=-(10**9), max_value=10**9))
def test_decimal_text_never_claims_more_than_it_knows(value: Fraction) -> None:
    text = decimal_text(value)
    if text.endswith("…"):
        shown = Fraction(text[:-1])
        assert abs(value - shown) < Fraction(1, 100)
        assert abs(shown) <= abs(value)
    else:
        assert Fraction(text) == value
