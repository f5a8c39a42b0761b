"""Exact arithmetic helpers: counts are ``int``, ratios are ``Fraction``, never ``float``.

Thresholds in French law are shares of a base ("au moins 5 % des suffrages
exprimés", "12,5 % des électeurs inscrits"). They are compared here by
cross-multiplication on integers, so a boundary case is decided exactly:

>>> share = percent("12.5")
>>> share
Fraction(1, 8)
>>> reaches(125, 1000, share), reaches(124, 1000, share)
(True, False)
>>> exceeds(51, 101, Fraction(1, 2)), exceeds(50, 101, Fraction(1, 2))
(True, False)
>>> votes_to_reach(1001, Fraction(1, 4)), votes_to_exceed(101, Fraction(1, 2))
(251, 51)

The words follow the house style: *reaches* is ``>=`` (the law's "au moins"),
*exceeds* is ``>`` (the law's "majorité absolue").
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from fractions import Fraction
from numbers import Integral
from typing import TypeAlias

from .errors import InvalidArgumentError, InvalidTallyError

__all__ = [
    "Share",
    "as_count",
    "as_counts",
    "as_share",
    "decimal_text",
    "exceeds",
    "grouped",
    "percent",
    "percent_text",
    "reaches",
    "votes_to_exceed",
    "votes_to_reach",
]

Share: TypeAlias = "Fraction | int | str"
"""What a share may be given as: a ``Fraction``, an ``int`` (0 or 1) or a string
such as ``"5%"``, ``"12,5 %"``, ``"0.05"`` or ``"1/8"``."""

_PERCENT = re.compile(r"^\s*([0-9]+(?:[.,][0-9]+)?)\s*%?\s*$")


def percent(value: str | int | Fraction) -> Fraction:
    """Return the exact share written as a percentage: ``percent("12.5") == Fraction(1, 8)``.

    A French decimal comma is accepted and so is a trailing ``%``.

    :param value: the percentage, e.g. ``"5"``, ``"12,5 %"`` or ``Fraction(25, 2)``.
    :raises InvalidArgumentError: for a float, a negative number or text that is not a number.

    >>> percent("5"), percent("12,5 %"), percent(3)
    (Fraction(1, 20), Fraction(1, 8), Fraction(3, 100))
    """
    if isinstance(value, (bool, float)):
        raise InvalidArgumentError(
            f"percentage {value!r} must be given as a string, int or Fraction, not "
            f"{type(value).__name__} (floats are not exact)"
        )
    if isinstance(value, (int, Fraction)):
        if value < 0:
            raise InvalidArgumentError(f"percentage {value!r} must be >= 0")
        return Fraction(value) / 100
    if isinstance(value, str):
        match = _PERCENT.match(value)
        if match is None:
            raise InvalidArgumentError(f"percentage {value!r} is not a number such as '5' or '12.5%'")
        return Fraction(match.group(1).replace(",", ".")) / 100
    raise InvalidArgumentError(f"percentage {value!r} must be a string, int or Fraction")


def as_share(value: Share, *, what: str = "share") -> Fraction:
    """Return a share in ``[0, 1]`` as a ``Fraction``.

    Strings ending in ``%`` are percentages; other strings are decimals or fractions
    (``"0.05"``, ``"1/20"``).

    >>> as_share("5%"), as_share("1/8"), as_share(Fraction(1, 4))
    (Fraction(1, 20), Fraction(1, 8), Fraction(1, 4))
    """
    if isinstance(value, (bool, float)):
        raise InvalidArgumentError(
            f"{what} {value!r} must be a Fraction, int or string, not {type(value).__name__} "
            "(floats are not exact)"
        )
    if isinstance(value, str):
        if "%" in value:
            share = percent(value)
        else:
            try:
                share = Fraction(value.strip().replace(",", "."))
            except (ValueError, ZeroDivisionError):
                raise InvalidArgumentError(
                    f"{what} {value!r} is not a number such as '5%', '0.05' or '1/20'"
                ) from None
    elif isinstance(value, (int, Fraction)):
        share = Fraction(value)
    else:
        raise InvalidArgumentError(f"{what} {value!r} must be a Fraction, int or string")
    if not 0 <= share <= 1:
        raise InvalidArgumentError(f"{what} {value!r} must lie between 0 and 100 %")
    return share


def as_count(value: object, what: str) -> int:
    """Return ``value`` as a non-negative ``int``, or raise naming ``what``.

    ``bool`` and ``float`` are refused even when integral: a count that arrives as a
    float has already been through inexact arithmetic somewhere.

    >>> as_count(3, "seats")
    3
    >>> as_count(-3, "votes for 'B'")
    Traceback (most recent call last):
    ...
    electoral_rules.errors.InvalidTallyError: votes for 'B' (-3) must be >= 0
    """
    if type(value) is int and value >= 0:  # the common case, checked first for speed
        return value
    if isinstance(value, bool) or not isinstance(value, Integral):
        raise InvalidTallyError(
            f"{what} ({value!r}) must be an int, not {type(value).__name__}"
        )
    number = int(value)
    if number < 0:
        raise InvalidTallyError(f"{what} ({number}) must be >= 0")
    return number


_STR = frozenset({str})
_INT = frozenset({int})


def as_counts(votes: Mapping[str, object], what: str = "votes") -> dict[str, int]:
    """Validate a mapping of names to counts; return a plain ``dict`` in the same order.

    >>> as_counts({"A": 3, "B": 0})
    {'A': 3, 'B': 0}
    """
    if not isinstance(votes, Mapping):
        raise InvalidTallyError(f"{what} must be a mapping of names to counts, not {type(votes).__name__}")
    # One pass of C-level checks for the common case (str names, int counts); any fault
    # goes through the loop below, which names the first one.
    copy: dict[str, int] = dict(votes) if type(votes) is dict else dict(votes.items())  # type: ignore[arg-type]
    counts = copy.values()
    if (
        set(map(type, counts)) <= _INT
        and (not copy or min(counts) >= 0)
        and set(map(type, copy)) <= _STR
        and "" not in copy
        and not any(map(str.isspace, copy))
    ):
        return copy
    result: dict[str, int] = {}
    for name, count in votes.items():
        if not isinstance(name, str) or not name.strip():
            raise InvalidTallyError(f"{what}: every name must be a non-empty string, got {name!r}")
        if type(count) is int and count >= 0:  # fast path; as_count explains any other value
            result[name] = count
        else:
            result[name] = as_count(count, f"{what} for {name!r}")
    return result


def reaches(votes: int, base: int, share: Fraction) -> bool:
    """``votes >= share * base``, exactly: the law's "au moins".

    >>> reaches(20, 400, Fraction(1, 20))
    True
    """
    return votes * share.denominator >= share.numerator * base


def exceeds(votes: int, base: int, share: Fraction) -> bool:
    """``votes > share * base``, exactly: "majorité absolue" is ``exceeds(v, E, 1/2)``.

    >>> exceeds(51, 101, Fraction(1, 2)), exceeds(50, 100, Fraction(1, 2))
    (True, False)
    """
    return votes * share.denominator > share.numerator * base


def votes_to_reach(base: int, share: Fraction) -> int:
    """The fewest votes that reach ``share * base``: ``ceil(share * base)``.

    >>> votes_to_reach(1001, Fraction(1, 4)), votes_to_reach(1000, Fraction(1, 20))
    (251, 50)
    """
    return -((-share.numerator * base) // share.denominator)


def votes_to_exceed(base: int, share: Fraction) -> int:
    """The fewest votes that exceed ``share * base``: ``floor(share * base) + 1``.

    >>> votes_to_exceed(101, Fraction(1, 2)), votes_to_exceed(100, Fraction(1, 2))
    (51, 51)
    """
    return (share.numerator * base) // share.denominator + 1


def decimal_text(value: Fraction | int, *, places: int = 4, point: str = ".") -> str:
    """Write ``value`` in decimal, exactly when it terminates within ``places`` digits.

    Otherwise it is cut (not rounded) after two digits and marked with ``…``, so that
    what is printed never claims more precision than it has.

    >>> decimal_text(Fraction(1532, 5)), decimal_text(Fraction(1023, 4), point=",")
    ('306.4', '255,75')
    >>> decimal_text(Fraction(1000, 3))
    '333.33…'
    """
    value = Fraction(value)
    sign = "-" if value < 0 else ""
    value = abs(value)
    scaled = value * 10**places
    if scaled.denominator == 1:
        whole, frac = divmod(scaled.numerator, 10**places)
        digits = f"{frac:0{places}d}".rstrip("0")
        return f"{sign}{whole}{point}{digits}" if digits else f"{sign}{whole}"
    cut = value.numerator * 100 // value.denominator
    whole, frac = divmod(cut, 100)
    return f"{sign}{whole}{point}{frac:02d}…"


def grouped(number: int) -> str:
    """Thousands separated by spaces, as French texts print them (for error messages).

    >>> grouped(1534)
    '1 534'
    """
    return f"{number:,}".replace(",", " ")


def percent_text(share: Fraction, *, point: str = ".") -> str:
    """A share written as a percentage.

    >>> percent_text(Fraction(1, 8)), percent_text(Fraction(1, 8), point=",")
    ('12.5 %', '12,5 %')
    """
    return f"{decimal_text(share * 100, point=point)} %"
