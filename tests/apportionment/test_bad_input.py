"""Whatever the input, the apportionment functions give a result or a library ``ValueError``.

Never a bare ``ZeroDivisionError``, ``KeyError``, ``TypeError`` or a wrong allocation: junk
votes, names, seats and thresholds are generated at random.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from fractions import Fraction

from hypothesis import example, given
from hypothesis import strategies as st

from electoral_rules.apportionment import Divisor, Quota, highest_averages, largest_remainder
from electoral_rules.errors import ElectoralRulesError
from electoral_rules.outcome import Allocation
from tests.common import REPORT

junk_numbers = st.one_of(
    st.integers(-3, 50),
    st.integers(10**14, 10**15),
    st.booleans(),
    st.floats(allow_nan=True, allow_infinity=True),
    st.fractions(max_denominator=5),
    st.decimals(allow_nan=False, places=1, min_value=-5, max_value=5),
    st.text(max_size=3),
    st.none(),
)
junk_names = st.one_of(st.text(max_size=3), st.integers(0, 3), st.none())
junk_votes = st.one_of(
    st.dictionaries(junk_names, junk_numbers, max_size=5),
    st.dictionaries(st.sampled_from(["A", "B", "C", "D"]), st.integers(0, 30), max_size=4),
    st.lists(st.integers(0, 3), max_size=3),
    st.text(max_size=3),
)
junk_seats = st.one_of(st.integers(-2, 40), junk_numbers)
junk_thresholds = st.one_of(
    st.none(),
    st.sampled_from(["5%", "0%", "100%", "150%", "-5%", "1/0", "1/3", "0.5", "abc", "%", ""]),
    st.fractions(min_value=-1, max_value=2, max_denominator=10),
    st.integers(-1, 2),
    st.floats(0, 1),
)
junk_bases = st.one_of(st.none(), st.integers(-5, 200), st.floats(0, 10), st.booleans())


def _result_or_library_error(call: Callable[[], Allocation]) -> Allocation | None:
    """The allocation, or ``None`` when the library refused the input with its own
    ``ValueError`` subclass; any other exception fails the test."""
    try:
        return call()
    except ElectoralRulesError as err:
        refused = err
    assert isinstance(refused, ValueError), repr(refused)
    return None


def _check_accepted(result: Allocation | None, votes: object, seats: object) -> None:
    """What an accepted junk input must still give: every seat given or left undetermined,
    none to a list without votes or excluded."""
    if result is None:
        return
    assert isinstance(seats, int)
    assert isinstance(votes, dict)
    assert sum(result.values()) + result.undetermined == seats
    assert result.undetermined >= 0
    assert all(result[name] == 0 for name, count in votes.items() if count == 0)
    assert all(result[name] == 0 for name in result.excluded)


@given(junk_votes, junk_seats, st.sampled_from(list(Divisor)), junk_thresholds, junk_bases)
@example({"A": 3, "B": 0}, 2, Divisor.DHONDT, "100%", None)
@example({"A": 0}, 0, Divisor.ADAMS, None, None)
@example({"A": 1}, 10**6, Divisor.HUNTINGTON_HILL, None, None)
@example({"A": 1, "B": 1}, 1, Divisor.DHONDT, "50%", 0)
def test_highest_averages_junk(
    votes: object, seats: object, divisor: Divisor, threshold: object, base: object
) -> None:
    result = _result_or_library_error(
        lambda: highest_averages(
            votes, seats, divisor=divisor, threshold=threshold,  # type: ignore[arg-type]
            threshold_base=base, tie_break=REPORT,  # type: ignore[arg-type]
        )
    )
    _check_accepted(result, votes, seats)


@given(junk_votes, junk_seats, st.sampled_from(list(Quota)), junk_thresholds, junk_bases)
@example({"A": 1}, 5, Quota.HAGENBACH_BISCHOFF_ROUNDED, None, None)
@example({"A": 100}, 3, Quota.IMPERIALI, None, None)
@example({"A": Decimal(3)}, 1, Quota.HARE, None, None)
@example({"A": Fraction(3)}, 1, Quota.HARE, None, None)
def test_largest_remainder_junk(
    votes: object, seats: object, quota: Quota, threshold: object, base: object
) -> None:
    result = _result_or_library_error(
        lambda: largest_remainder(
            votes, seats, quota=quota, threshold=threshold,  # type: ignore[arg-type]
            threshold_base=base, tie_break=REPORT,  # type: ignore[arg-type]
        )
    )
    _check_accepted(result, votes, seats)
