"""Numbers as French or English readers expect them: ``1 534`` / ``1,534``, ``306,8`` / ``306.8``.

>>> integer(1534, "fr"), integer(1534, "en")
('1 534', '1,534')
>>> number(Fraction(1023, 4), "fr"), number(Fraction(1000, 3), "en")
('255,75', '333.33…')
>>> ordinal(1, "fr"), ordinal(4, "fr"), ordinal(22, "en")
('1er', '4e', '22nd')

Decimals are exact when they terminate within four digits; otherwise they are cut after
two digits and marked ``…``. Display only: no decision is ever taken on these strings.
"""

from __future__ import annotations

from fractions import Fraction
from typing import Literal

from .._exact import decimal_text, require

__all__ = ["Lang", "integer", "number", "ordinal", "percentage", "seats_word"]

Lang = Literal["fr", "en"]


def _check(lang: str) -> None:
    if lang not in ("fr", "en"):
        from ..errors import InvalidArgumentError

        raise InvalidArgumentError(f"lang {lang!r} must be 'fr' or 'en'")


def integer(value: int, lang: Lang) -> str:
    """An integer with thousands grouped (space in French, comma in English)."""
    require(value, int, "value")
    _check(lang)
    text = f"{value:,}"
    return text.replace(",", " ") if lang == "fr" else text


def number(value: Fraction | int, lang: Lang) -> str:
    """An exact number: grouped integer part, decimal comma in French."""
    require(value, (int, Fraction), "value")
    _check(lang)
    value = Fraction(value)
    text = decimal_text(value, point="," if lang == "fr" else ".")
    sep = "," if lang == "fr" else "."
    whole, _, rest = text.partition(sep)
    sign = "-" if whole.startswith("-") else ""
    grouped = integer(int(whole.lstrip("-")), lang)
    return f"{sign}{grouped}{sep}{rest}" if rest else f"{sign}{grouped}"


def percentage(share: Fraction, lang: Lang) -> str:
    """A share as a percentage: ``12,5 %`` or ``12.5%``."""
    require(share, (int, Fraction), "share")
    body = number(share * 100, lang)
    return f"{body} %" if lang == "fr" else f"{body}%"


def ordinal(n: int, lang: Lang) -> str:
    """``1er``, ``2e`` in French; ``1st``, ``2nd``, ``3rd``, ``4th`` in English."""
    require(n, int, "n")
    _check(lang)
    if lang == "fr":
        return "1er" if n == 1 else f"{n}e"
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def seats_word(n: int, lang: Lang) -> str:
    """``3 sièges``, ``1 siège``, ``0 siège`` (French singular below 2); ``1 seat``, ``0 seats``;
    a seat taken back counts as one (``-1 seat``)."""
    require(n, int, "n")
    if lang == "fr":
        return f"{integer(n, lang)} siège" + ("s" if abs(n) >= 2 else "")
    return f"{integer(n, lang)} seat" + ("" if abs(n) == 1 else "s")
