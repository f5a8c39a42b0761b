"""The European Parliament: its composition and each member state's national rule.

:func:`parliament` and :func:`seats` give the seats per state (European Council
decisions); :func:`allocate` applies a state's national rule where the library can;
:data:`RULES` records every state's rule with its sources and status;
:mod:`~electoral_rules.europe.districts` applies the rules of the states that vote over
constituencies (Belgium, Italy, Poland, the United Kingdom in 2019).

>>> from electoral_rules import europe
>>> sum(europe.parliament(2024).values()), europe.seats("EL", 2019)
(720, 21)
"""

from __future__ import annotations

from . import districts
from .composition import YEARS, deferred_seats, legal_basis, parliament, seats
from .rules import RULES, NationalRule, Status, allocate, rule

__all__ = [
    "RULES",
    "YEARS",
    "NationalRule",
    "Status",
    "allocate",
    "deferred_seats",
    "districts",
    "legal_basis",
    "parliament",
    "rule",
    "seats",
]
