"""Seat-by-seat references for the single assemblies (Corse, overseas collectivities, 1986).

Written for clarity: the bonus first, then every other seat one at a time to the highest
average ``votes / (seats won by the averages + 1)`` among the admitted lists, section by
section where the law has sections. A tie at the boundary is returned as such (``None``
seats) so that properties only compare decided cases. Nothing here imports the code under
test except the :class:`Divisor` name used by :mod:`tests.naive`.
"""

from __future__ import annotations

from collections.abc import Mapping

from electoral_rules.apportionment import Divisor
from tests.naive import naive_divisor

__all__ = ["admitted_by", "bonus_then_averages", "sections_then_averages"]


def admitted_by(votes: Mapping[str, int], numerator: int, denominator: int, base: int | None = None) -> list[str]:
    """Names with at least ``numerator/denominator`` of ``base`` (the sum of votes by default)."""
    total = sum(votes.values()) if base is None else base
    return [name for name, count in votes.items() if denominator * count >= numerator * total]


def bonus_then_averages(
    votes: Mapping[str, int], seats: int, *, winner: str | None, bonus: int, admitted: list[str]
) -> dict[str, int] | None:
    """The bonus to ``winner``, then D'Hondt seat by seat among ``admitted``; ``None`` on a tie."""
    among = {name: votes[name] for name in admitted}
    result = naive_divisor(among, seats - bonus, Divisor.DHONDT)
    if result.at_stake:
        return None
    seated = {name: result.seats.get(name, 0) for name in votes}
    if winner is not None:
        seated[winner] += bonus
    return seated


def sections_then_averages(
    section_votes: Mapping[str, Mapping[str, int]],
    section_seats: Mapping[str, int],
    section_bonus: Mapping[str, int],
    *,
    winner: str,
    admitted: list[str],
) -> dict[str, dict[str, int]] | None:
    """Each section on its own: its bonus to ``winner``, then D'Hondt among ``admitted``."""
    result: dict[str, dict[str, int]] = {}
    for section, seats in section_seats.items():
        counts = section_votes[section]
        among = {name: counts[name] for name in admitted}
        if seats - section_bonus.get(section, 0) and not any(among.values()):
            return None
        one = bonus_then_averages(counts, seats, winner=winner, bonus=section_bonus.get(section, 0), admitted=admitted)
        if one is None:
            return None
        result[section] = one
    return result
