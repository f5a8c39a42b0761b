"""Composite Hypothesis strategies for votes, seats, thresholds and tallies.

The votes strategies deliberately produce ties: equal counts, counts proportional to each
other (so that averages meet at a seat boundary), zeros, and counts from tiny to huge, so
that the exact tie handling is exercised as often as the common case.
"""

from __future__ import annotations

from fractions import Fraction

from hypothesis import strategies as st

from electoral_rules.tally import Tally

__all__ = [
    "house_sizes",
    "list_names",
    "shares",
    "tallies",
    "votes_mappings",
]

_LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZéèçàüß"


def list_names(min_size: int = 1, max_size: int = 8) -> st.SearchStrategy[list[str]]:
    """Distinct non-empty list names, short so that failures read well."""
    name = st.text(alphabet=_LETTERS + " -'", min_size=1, max_size=4).filter(lambda s: s.strip() == s != "")
    return st.lists(name, min_size=min_size, max_size=max_size, unique=True)


_counts = st.one_of(
    st.integers(0, 12),  # small: many equal counts and averages
    st.integers(0, 10**4),
    st.integers(1, 10**7),
    st.integers(10**14, 10**15),  # huge: exactness beyond float precision
)


@st.composite
def votes_mappings(
    draw: st.DrawFn,
    *,
    min_lists: int = 1,
    max_lists: int = 8,
    allow_zero: bool = True,
    positive: bool = True,
) -> dict[str, int]:
    """A mapping of list names to votes, in a random order, often with ties.

    :param allow_zero: whether some lists may have 0 votes.
    :param positive: whether at least one list must have votes.
    """
    names = draw(list_names(min_lists, max_lists))
    shape = draw(st.sampled_from(["free", "equal", "proportional", "free"]))
    if shape == "proportional":
        # votes = unit * small multiplier: averages such as 6u/3 and 4u/2 meet exactly
        unit = draw(st.integers(1, 10**6))
        counts = [unit * draw(st.integers(0 if allow_zero else 1, 12)) for _ in names]
    else:
        counts = [draw(_counts) for _ in names]
        if not allow_zero:
            counts = [max(count, 1) for count in counts]
        if shape == "equal" and len(names) > 1:
            value = counts[0]
            for index in draw(st.sets(st.integers(1, len(names) - 1), min_size=1)):
                counts[index] = value
    if positive and not any(counts):
        counts[draw(st.integers(0, len(names) - 1))] = draw(st.integers(1, 10**6))
    return dict(zip(names, counts, strict=False))


def house_sizes(max_seats: int = 40) -> st.SearchStrategy[int]:
    """Seats to fill, 0 included, small enough for the naive references."""
    return st.integers(0, max_seats)


def shares(max_share: Fraction = Fraction(1, 2)) -> st.SearchStrategy[Fraction]:
    """Exact threshold shares between 0 and ``max_share``, often round percentages."""
    percents = st.integers(0, int(max_share * 100)).map(lambda p: Fraction(p, 100))
    fractions = st.fractions(min_value=0, max_value=max_share, max_denominator=1000)
    return st.one_of(percents, fractions)


@st.composite
def tallies(draw: st.DrawFn, *, max_lists: int = 8) -> Tally:
    """A consistent :class:`Tally`, with or without registered, voters, blank and null."""
    votes = draw(votes_mappings(max_lists=max_lists))
    expressed = sum(votes.values())
    blank = draw(st.none() | st.integers(0, 10**5))
    null = draw(st.none() | st.integers(0, 10**5))
    if blank is not None and null is not None and draw(st.booleans()):
        voters: int | None = blank + null + expressed
    else:
        voters = None
    registered = None
    if draw(st.booleans()):
        registered = (voters if voters is not None else expressed) + draw(st.integers(0, 10**6))
    return Tally(votes=votes, registered=registered, voters=voters, blank=blank, null=null)
