"""The Ministry's printed percentages checked with integers only, shared by
:class:`~electoral_rules.io.records.PublishedRate` and the checker's fast path."""

from __future__ import annotations

from .._exact import percent_hundredths

__all__: list[str] = []


def _rate_agrees(digits: int, decimals: int, numerator: int, denominator: int) -> bool:
    """Integer-only form of ``value in rounded_percent(numerator, denominator)``."""
    if denominator == 0:
        return digits == 0
    if decimals > 2:
        scale = 10 ** (decimals - 2)
        if digits % scale:
            return False
        digits //= scale
    elif decimals < 2:
        digits *= 10 ** (2 - decimals)
    return digits in percent_hundredths(numerator, denominator)
