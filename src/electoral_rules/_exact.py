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
import unicodedata
from collections.abc import Iterable, Mapping
from fractions import Fraction
from numbers import Integral
from typing import TypeAlias, TypeVar

from .errors import InvalidArgumentError, InvalidTallyError

__all__ = [
    "MAX_COUNT",
    "Share",
    "absolute_majority",
    "as_bounded_count",
    "as_count",
    "as_counts",
    "as_name",
    "as_round",
    "as_seats",
    "as_share",
    "decimal_text",
    "exceeds",
    "grouped",
    "majority_votes",
    "needed",
    "parse_count",
    "percent",
    "percent_hundredths",
    "percent_text",
    "reaches",
    "require",
    "shown",
    "votes_to_exceed",
    "votes_to_reach",
]

Share: TypeAlias = "Fraction | int | str"
"""What a share may be given as: a ``Fraction``, an ``int`` (0 or 1) or a string
such as ``"5%"``, ``"12,5 %"``, ``"0.05"`` or ``"1/8"``."""

_PERCENT = re.compile(r"^\s*(-?)\s*([0-9]+(?:[.,][0-9]+)?)\s*%?\s*$")


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
            raise InvalidArgumentError(f"percentage {shown(value)} is negative; it must be >= 0")
        return Fraction(value) / 100
    if isinstance(value, str):
        match = _PERCENT.match(value)
        if match is None:
            raise InvalidArgumentError(f"percentage {shown(value)} is not a number such as '5' or '12.5%'")
        if match.group(1):
            raise InvalidArgumentError(f"percentage {value!r} is negative; it must be >= 0")
        return Fraction(match.group(2).replace(",", ".")) / 100
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
            if len(value) > 100:
                raise InvalidArgumentError(f"{what} {shown(value)} is not a number such as '5%'")
            try:
                share = Fraction(value.strip().replace(",", "."))
            except (ValueError, ZeroDivisionError):
                raise InvalidArgumentError(
                    f"{what} {value!r} is not a number such as '5%', '0.05' or '1/20'"
                ) from None
    elif isinstance(value, (int, Fraction)):
        share = Fraction(value)
    else:
        raise InvalidArgumentError(f"{what} {shown(value)} must be a Fraction, int or string")
    if share < 0:
        raise InvalidArgumentError(f"{what} {shown(value)} is negative; a share lies between 0 and 1")
    if share > 1:
        hundredth = share / 100
        raise InvalidArgumentError(
            f"{what} {shown(value)} is more than 1 (100 %): a share lies between 0 and 1. "
            f"To mean {decimal_text(share)} %, write '{decimal_text(share)}%' or "
            f"Fraction({hundredth.numerator}, {hundredth.denominator})"
            if share.denominator < 10**6 and share < 10**6 and not (isinstance(value, str) and "%" in value)
            else f"{what} {shown(value)} is more than 1 (100 %): a share lies between 0 and 1"
        )
    return share


MAX_COUNT = 10**18 - 1
"""The largest count a :class:`~electoral_rules.Tally` holds (votes, registered, voters,
blank, null, expressed): eighteen digits, which every JSON or CSV reader that stores
integers in 64 bits reads exactly. The Ministry files' reader refuses far less
(:data:`electoral_rules.io.MAX_COUNT`, 999 999 999), so every file it accepts makes a tally,
and every tally can be written and read back (:mod:`electoral_rules.io.opendata`)."""

_DIGITS = re.compile(r"[0-9]+\Z")


def parse_count(text: str, what: str) -> int:
    """A count written in text: ASCII digits only, as the Ministry's files write them.

    One rule for every reader of typed or file text (the command line's ``NAME=VOTES``, its
    CSV and the XML reader): no sign, no ``_``, no space or other grouping, no digits of
    another script, at most 18 digits (:data:`MAX_COUNT`).

    >>> parse_count("1023", "votes for 'A'")
    1023
    >>> parse_count("1_000", "votes for 'A'")
    Traceback (most recent call last):
    ...
    electoral_rules.errors.InvalidTallyError: votes for 'A' ('1_000') must be written with the digits 0-9 only (no sign, space, '_' or other grouping)
    """
    if not isinstance(text, str) or _DIGITS.match(text) is None:
        raise InvalidTallyError(
            f"{what} ({text[:40]!r}) must be written with the digits 0-9 only "
            "(no sign, space, '_' or other grouping)"
            if isinstance(text, str)
            else f"{what} ({text!r}) must be text"
        )
    if len(text.lstrip("0")) > len(str(MAX_COUNT)):
        raise InvalidTallyError(
            f"{what} ({text[:40]}{'...' if len(text) > 40 else ''}, {len(text)} digits) is above "
            f"the largest count accepted ({grouped(MAX_COUNT)})"
        )
    return int(text)


def as_name(value: object, what: str = "name") -> str:
    """Return ``value`` if it is a valid name of a list or candidate, or raise naming it.

    One rule for every name: a non-empty ``str`` without spaces around it, in Unicode
    normal form NFC, that UTF-8 can write (no lone surrogate). So two names that print
    the same are the same string: ``" A"`` and ``"A"``, or ``"é"`` composed (NFC) and
    decomposed (NFD), are never two lists; the one not written canonically is refused
    (normalise it with ``unicodedata.normalize("NFC", name.strip())``).

    >>> as_name("Liste d'union")
    "Liste d'union"
    >>> as_name(" A")
    Traceback (most recent call last):
    ...
    electoral_rules.errors.InvalidTallyError: name ' A' has spaces around it: write 'A' (names that print the same must be the same)
    """
    if not isinstance(value, str) or not value.strip():
        raise InvalidTallyError(f"{what}: every name must be a non-empty string, got {value!r}")
    if value.isascii():  # the common case: only the spaces to check
        if value.strip() != value:
            raise _spaced(value, what)
        return value
    if value.strip() != value:
        raise _spaced(value, what)
    if _SURROGATE.search(value):
        raise InvalidTallyError(f"{what} {value!r} holds a lone surrogate, which UTF-8 cannot write")
    if not unicodedata.is_normalized("NFC", value):
        raise InvalidTallyError(
            f"{what} {value!r} is not in Unicode normal form NFC: write "
            f"{unicodedata.normalize('NFC', value)!r} (names that print the same must be the same)"
        )
    return value


_SURROGATE = re.compile("[\ud800-\udfff]")


def _spaced(value: str, what: str) -> InvalidTallyError:
    label = "name" if what == "name" else f"{what}: name"
    return InvalidTallyError(
        f"{label} {value!r} has spaces around it: write {value.strip()!r} "
        "(names that print the same must be the same)"
    )


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
            f"{what} ({shown(value)}) must be an int, not {type(value).__name__}"
        )
    number = int(value)
    if number < 0:
        raise InvalidTallyError(f"{what} ({shown(number)}) must be >= 0")
    return number


def as_seats(value: object, what: str = "") -> int:
    """The number of seats a rule fills, an ``int >= 1``, or
    :class:`~electoral_rules.errors.InvalidArgumentError` naming the rule ``what``.

    Every rule refuses 0, negatives, ``bool`` and ``float`` the same way.

    >>> as_seats(5, "municipales")
    5
    >>> as_seats(0, "municipales")
    Traceback (most recent call last):
    ...
    electoral_rules.errors.InvalidArgumentError: seats (0) must be an int >= 1 (municipales)
    """
    if isinstance(value, bool) or not isinstance(value, Integral) or int(value) < 1:
        where = f" ({what})" if what else ""
        raise InvalidArgumentError(f"seats ({value!r}) must be an int >= 1{where}")
    return int(value)


def as_round(value: object, what: str = "") -> int:
    """The round, 1 or 2, or :class:`~electoral_rules.errors.InvalidArgumentError`.

    >>> as_round(2)
    2
    >>> as_round(3, "législatives")
    Traceback (most recent call last):
    ...
    electoral_rules.errors.InvalidArgumentError: round must be 1 or 2, got 3 (législatives)
    """
    if isinstance(value, bool) or not isinstance(value, int) or value not in (1, 2):
        where = f" ({what})" if what else ""
        raise InvalidArgumentError(f"round must be 1 or 2, got {value!r}{where}")
    return value


def _ascii_names(names: Iterable[object]) -> bool:
    """Whether every name is an ASCII ``str`` without whitespace at either end (a name
    holding a NUL may answer no: the slow loop then decides). C-level passes only."""
    try:
        joined = "\x00".join(names)  # type: ignore[arg-type]  # a TypeError names a non-str
    except TypeError:
        return False
    return joined.isascii() and not _space_around(joined)
_ASCII_SPACES = bytes.maketrans(b"\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f", b" " * 9)
"""Every ASCII character ``str.strip()`` removes, mapped to a space."""


def _space_around(joined: str) -> bool:
    r"""Whether a name has whitespace at either end, in ASCII names joined by NUL (a NUL
    inside a name may answer yes too: the slow loop then decides). C-level passes only.

    >>> _space_around("A\x00B"), _space_around("A\x00 B"), _space_around("A\t"), _space_around("A B")
    (False, True, True, False)
    """
    spaced = joined.encode("ascii").translate(_ASCII_SPACES)
    return spaced[:1] == b" " or spaced[-1:] == b" " or b"\x00 " in spaced or b" \x00" in spaced


def as_counts(votes: Mapping[str, object], what: str = "votes") -> dict[str, int]:
    """Validate a mapping of names to counts; return a plain ``dict`` in the same order.

    >>> as_counts({"A": 3, "B": 0})
    {'A': 3, 'B': 0}
    """
    if not isinstance(votes, Mapping):
        raise InvalidTallyError(f"{what} must be a mapping of names to counts, not {type(votes).__name__}")
    # C-level passes for the common case (ASCII names without spaces around them, int
    # counts in range); anything else goes through the loop below, which accepts it or
    # names the first fault.
    # (No count is above MAX_COUNT when none is negative and their sum is not.)
    copy: dict[str, int] = dict(votes) if type(votes) is dict else dict(votes.items())  # type: ignore[arg-type]
    counts = copy.values()
    if (
        list(map(type, counts)).count(int) == len(copy)
        and (not copy or (min(counts) >= 0 and sum(counts) <= MAX_COUNT))
        and "" not in copy
        and _ascii_names(copy)
    ):
        return copy
    result: dict[str, int] = {}
    for name, count in votes.items():
        if not (type(name) is str and name.isascii() and name and name.strip() == name):
            as_name(name, what)  # explains what is wrong, or accepts a non-ASCII name
        if type(count) is int and 0 <= count <= MAX_COUNT:  # fast path
            result[name] = count
        else:
            result[name] = as_bounded_count(count, f"{what} for {name!r}")
    return result


def as_bounded_count(value: object, what: str) -> int:
    """:func:`as_count`, refusing counts above :data:`MAX_COUNT` too.

    >>> as_bounded_count(10**30, "votes for 'A'")
    Traceback (most recent call last):
    ...
    electoral_rules.errors.InvalidTallyError: votes for 'A' (31 digits) is above the largest count accepted (999 999 999 999 999 999)
    """
    number = as_count(value, what)
    if number > MAX_COUNT:
        raise InvalidTallyError(
            f"{what} ({_size(number)}) is above the largest count accepted ({grouped(MAX_COUNT)})"
        )
    return number


def _size(number: int) -> str:
    """A huge number described by its length (Python refuses to print 4 300+ digits)."""
    if number.bit_length() <= 14_000:  # about 4 200 digits
        return f"{len(str(abs(number)))} digits"
    return "more than 4 200 digits"


def require(value: object, kind: type | tuple[type, ...], what: str) -> None:
    """Raise :class:`~electoral_rules.errors.InvalidArgumentError` unless ``value`` is a
    ``kind``: the entry points' check of what they were given, naming it.

    >>> require("fr", str, "lang")
    >>> require(["fr"], str, "lang")
    Traceback (most recent call last):
    ...
    electoral_rules.errors.InvalidArgumentError: lang must be a str, not list (['fr'])
    """
    if not isinstance(value, kind) or (isinstance(value, bool) and kind in (int, (int, Fraction))):
        names = " or ".join(k.__name__ for k in (kind if isinstance(kind, tuple) else (kind,)))
        raise InvalidArgumentError(f"{what} must be a {names}, not {type(value).__name__} ({shown(value)})")


_T = TypeVar("_T")


def needed(value: _T | None, keyword: str, rule: str, what: str = "") -> _T:
    """``value``, or :class:`~electoral_rules.errors.InvalidArgumentError` naming the keyword
    ``rule`` needs and was not given: every entry point refuses a missing piece the same way
    (its keyword defaults to ``None``, so the mistake is never a bare ``TypeError``).

    >>> needed("Sud", "province", "new_caledonia.allocate")
    'Sud'
    >>> needed(None, "province", "new_caledonia.allocate", "Îles Loyauté, Nord or Sud")
    Traceback (most recent call last):
    ...
    electoral_rules.errors.InvalidArgumentError: new_caledonia.allocate needs province= (Îles Loyauté, Nord or Sud)
    """
    if value is None:
        raise InvalidArgumentError(f"{rule} needs {keyword}=" + (f" ({what})" if what else ""))
    return value


def shown(value: object, limit: int = 60) -> str:
    """``repr(value)`` for a message, cut to ``limit`` characters; a number too long to
    print (Python refuses 4 300+ digits) is described by its length.

    >>> print(shown("x" * 100, 10))
    'xxxxxxxx…
    >>> print(shown(-10**5000))
    int of more than 4 200 digits
    """
    try:
        text = repr(value)
    except ValueError:
        number = value.numerator if hasattr(value, "numerator") else 0
        return f"{type(value).__name__} of {_size(int(number))}"
    return text if len(text) <= limit else text[: limit - 1] + "…"


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


def absolute_majority(votes: int, expressed: int) -> bool:
    """Whether ``votes`` is an absolute majority of ``expressed``: ``2 * votes > expressed``.

    The one test behind every "majorité absolue des suffrages exprimés" of the library.
    "50 % + 1 voix" is wrong for an odd number of exprimés: with 101 the majority is 51.

    >>> absolute_majority(51, 101), absolute_majority(50, 100), absolute_majority(51, 100)
    (True, False, True)
    """
    return 2 * votes > expressed


def majority_votes(expressed: int) -> int:
    """The fewest votes that make an absolute majority of ``expressed``: ``expressed // 2 + 1``.

    >>> majority_votes(101), majority_votes(100)
    (51, 51)
    """
    return expressed // 2 + 1


def percent_hundredths(numerator: int, denominator: int) -> tuple[int, ...]:
    """``100 * numerator / denominator`` rounded to the nearest hundredth, in hundredths.

    An exact half has two neighbours and both are returned (the printed files do not say
    which way halves go); a zero denominator gives 0.

    >>> percent_hundredths(15128, 38171), percent_hundredths(1, 800), percent_hundredths(3, 0)
    ((3963,), (12, 13), (0,))
    """
    if denominator == 0:
        return (0,)
    hundredths, remainder = divmod(10_000 * numerator, denominator)
    if 2 * remainder < denominator:
        return (hundredths,)
    if 2 * remainder > denominator:
        return (hundredths + 1,)
    return (hundredths, hundredths + 1)


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
