"""Which seats published rounded shares prove, whatever the exact votes behind them.

A results site gives each list's share of the valid votes rounded to two decimals (``34.60``):
the true share lies in ``[p - 0.005, p + 0.005]``. A rule's seats are *proven* from the
rounded shares when every vote vector inside those bounds gives the same seats. This module
checks that with exact fractions, independently of the library's code:

* the threshold: a list is surely admitted when its lowest possible share reaches the
  threshold, surely excluded when its highest is below it, and otherwise nothing is proven;
* a divisor method (shares are votes: the seats depend only on the ratios): the central
  allocation is computed seat by seat, then every list's *lowest* possible last average given
  must beat every list's *highest* possible next average; each list's bounds are independent
  of the others', so this is exactly the condition (ignoring that true shares add up to 100,
  which can only make it harder to meet: the check is sound);
* a largest-remainder method: the quota is the admitted lists' total over the seats (or seats
  + 1), which moves with every share; interval arithmetic bounds each list's quotient, and the
  integer parts must be fixed and every remainder that won a seat must stay above every one
  that did not. Sound, not exact: it can fail to prove a result that holds.

An "others" line adds up lists that are not itemised: any one of them may hold up to the
whole line (plus its rounding), so such a list must be surely under the threshold, or, without
a threshold, surely below the last average given.

Each check returns the proven seats, or a sentence saying why nothing is proven.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from fractions import Fraction
from math import floor

__all__ = ["Published", "dhondt", "prove_divisor", "prove_largest_remainder", "sainte_lague", "swedish"]

Divisors = Callable[[int], Fraction]


def dhondt(s: int) -> Fraction:
    return Fraction(s + 1)


def sainte_lague(s: int) -> Fraction:
    return Fraction(2 * s + 1)


def swedish(s: int) -> Fraction:
    return Fraction(6, 5) if s == 0 else Fraction(2 * s + 1)


@dataclass(frozen=True)
class Published:
    """Rounded shares in percent of the valid votes, their half-width, and the largest share an
    unlisted list may have (0 when every list is itemised)."""

    shares: Mapping[str, Fraction]
    half_width: Fraction = Fraction(1, 200)
    hidden: Fraction = Fraction(0)
    coarser: Mapping[str, Fraction] | None = None
    """Half-widths of the shares published with fewer decimals, by name."""

    @classmethod
    def from_export(cls, shares_pct: Mapping[str, float | int | str], others: str | None = None,
                    decimals: int = 2) -> Published:
        """From an export's ``shares_pct``; ``others`` names its "other parties" line, if any.

        Shares are read from their decimal text (never through a binary float).
        """
        half = Fraction(1, 2 * 10**decimals)
        exact = {name: Fraction(str(value)) for name, value in shares_pct.items()}
        hidden = Fraction(0)
        if others is not None:
            line = exact.pop(others)
            hidden = line + half if line else Fraction(0)
        return cls(exact, half, hidden)

    def half(self, name: str) -> Fraction:
        return self.coarser[name] if self.coarser and name in self.coarser else self.half_width

    def low(self, name: str) -> Fraction:
        return max(Fraction(0), self.shares[name] - self.half(name))

    def high(self, name: str) -> Fraction:
        return self.shares[name] + self.half(name)


def _admitted(published: Published, threshold: Fraction | None) -> tuple[list[str], str]:
    if threshold is None:
        return list(published.shares), ""
    admitted = []
    for name in published.shares:
        if published.low(name) >= threshold:
            admitted.append(name)
        elif published.high(name) >= threshold:
            return [], f"{name} ({published.shares[name]} %) may be on either side of the threshold"
    if published.hidden >= threshold:
        return [], f"an unlisted list may hold up to {published.hidden} % and reach the threshold"
    return admitted, ""


def prove_divisor(
    published: Published, seats: int, divisor: Divisors, threshold: Fraction | None
) -> dict[str, int] | str:
    """The seats every vote vector within the bounds gives, or why they are not proven."""
    admitted, why = _admitted(published, threshold)
    if why:
        return why
    held = dict.fromkeys(admitted, 0)
    for _ in range(seats):
        averages = {name: published.shares[name] / divisor(held[name]) for name in admitted}
        best = max(averages.values())
        top = [name for name, value in averages.items() if value == best]
        if len(top) > 1:
            return f"{' and '.join(top)} tie at the central shares"
        held[top[0]] += 1
    lowest_given = min(
        (published.low(name) / divisor(n - 1), name) for name, n in held.items() if n
    )
    highest_next = max((published.high(name) / divisor(n), name) for name, n in held.items())
    if threshold is None and published.hidden:
        highest_next = max(highest_next, (published.hidden / divisor(0), "an unlisted list"))
    if lowest_given[0] <= highest_next[0]:
        return (f"{highest_next[1]}'s next average may reach {lowest_given[1]}'s last "
                f"({float(highest_next[0]):.4f} >= {float(lowest_given[0]):.4f})")
    return {name: n for name, n in held.items() if n}


def prove_largest_remainder(
    published: Published, seats: int, *, plus_one: bool, threshold: Fraction | None
) -> dict[str, int] | str:
    """Largest remainder with the Hare quota (``plus_one=False``: admitted total / seats) or
    the exact Hagenbach-Bischoff quota (``plus_one=True``: admitted total / (seats + 1))."""
    admitted, why = _admitted(published, threshold)
    if why:
        return why
    if threshold is None and published.hidden:
        return "an unlisted list would share the quota"
    parts = seats + 1 if plus_one else seats
    total_low = sum(published.low(name) for name in admitted)
    total_high = sum(published.high(name) for name in admitted)
    quota = sum(published.shares[name] for name in admitted) / parts
    held: dict[str, int] = {}
    bounds: dict[str, tuple[Fraction, Fraction]] = {}
    for name in admitted:
        low = published.low(name) * parts / total_high
        high = published.high(name) * parts / total_low
        whole = floor(published.shares[name] / quota)
        if floor(low) != whole or high >= whole + 1:
            return f"{name}'s integer part may change"
        held[name] = whole
        bounds[name] = (low - whole, high - whole)
    left = seats - sum(held.values())
    if left < 0:
        return "the integer parts exceed the seats"
    order = sorted(admitted, key=lambda name: published.shares[name] / quota - held[name], reverse=True)
    winners, losers = order[:left], order[left:]
    if winners and losers and (
        min(bounds[name][0] for name in winners) <= max(bounds[name][1] for name in losers)
    ):
        return "a remainder that won a seat may fall below one that did not"
    for name in winners:
        held[name] += 1
    return {name: n for name, n in held.items() if n}
