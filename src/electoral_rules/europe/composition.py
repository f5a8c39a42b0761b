"""The composition of the European Parliament: seats per member state, by term.

The seats come from the European Council decisions, packaged in ``data/composition.json``
with their sources and read on first use:

=========================  =====  ==========================================================
term                       total  legal source
=========================  =====  ==========================================================
2019 (constitutive)        751    Decision 2013/312/EU, art. 3, kept by Decision (EU)
                                  2018/937, art. 3(2) while the United Kingdom was a member
2019 after Brexit          705    Decision (EU) 2018/937, art. 3(1), from 1 February 2020;
                                  the seats added then were *deferred* seats
2024                       720    Decision (EU) 2023/2061
=========================  =====  ==========================================================

State codes are the EU's (``EL`` for Greece, ``UK`` for the United Kingdom in 2019).

>>> sum(parliament(2024).values()), seats("EL", 2024)
(720, 21)
>>> seats("FR", 2019), seats("FR", 2019, after_brexit=True), deferred_seats(2019)["FR"]
(74, 79, 5)

.. seealso:: Treaty on European Union, art. 14(2); European Council Decisions 2013/312/EU,
   (EU) 2018/937 and (EU) 2023/2061.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

from .._mapping import FrozenMap
from ..errors import InvalidArgumentError, UnknownConstituencyError, UnsupportedEraError

__all__ = ["YEARS", "deferred_seats", "legal_basis", "parliament", "seats"]

YEARS = (2019, 2024)
"""The elections covered."""


@cache
def _terms() -> dict[str, dict[str, object]]:
    text = (Path(__file__).parent / "data" / "composition.json").read_text(encoding="utf-8")
    terms: dict[str, dict[str, object]] = json.loads(text)["terms"]
    return terms


def _key(year: object, after_brexit: object) -> str:
    if not isinstance(after_brexit, bool):
        raise InvalidArgumentError(f"after_brexit must be True or False, not {after_brexit!r}")
    if isinstance(year, bool) or not isinstance(year, int):
        raise InvalidArgumentError(f"year must be an int (2019 or 2024), not {year!r}")
    if year not in YEARS:
        raise UnsupportedEraError(
            f"European Parliament election of {year}: the library covers {' and '.join(map(str, YEARS))}"
        )
    if after_brexit and year != 2019:
        raise InvalidArgumentError(
            f"after_brexit=True applies to the 2019 election only (Decision (EU) 2018/937), not {year}"
        )
    return "2019-after-brexit" if after_brexit else str(year)


def parliament(year: int, *, after_brexit: bool = False) -> FrozenMap[str, int]:
    """The seats of every member state for the election of ``year``, in the decision's order.

    :param year: 2019 or 2024.
    :param after_brexit: for 2019, the 705-seat composition in force from the United
        Kingdom's withdrawal (Decision (EU) 2018/937, art. 3(1)) instead of the 751 seats
        of the constitutive session.
    :raises UnsupportedEraError: for another year.

    >>> house = parliament(2019)
    >>> sum(house.values()), house["UK"], sum(parliament(2019, after_brexit=True).values())
    (751, 73, 705)

    .. seealso:: Decisions 2013/312/EU (art. 3), (EU) 2018/937 (art. 3) and (EU) 2023/2061.
    """
    term = _terms()[_key(year, after_brexit)]
    table = term["seats"]
    assert isinstance(table, dict)
    return FrozenMap.wrap({str(state): int(n) for state, n in table.items()})


def legal_basis(year: int, *, after_brexit: bool = False) -> str:
    """The European Council decision that sets the composition used for ``year``.

    >>> legal_basis(2019, after_brexit=True)[:45]
    'European Council Decision (EU) 2018/937 of 28'
    """
    return str(_terms()[_key(year, after_brexit)]["legal_basis"])


def seats(state: str, year: int, *, after_brexit: bool = False) -> int:
    """The seats of ``state`` (an EU code such as ``"DE"``, ``"EL"``) at the election of ``year``.

    :raises UnknownConstituencyError: for a code that is not a member state that year
        (``"GR"`` instead of ``"EL"``, ``"UK"`` in 2024).
    :raises UnsupportedEraError: for a year other than 2019 and 2024.

    >>> seats("DE", 2024), seats("EE", 2019), seats("EE", 2019, after_brexit=True)
    (96, 6, 7)
    >>> seats("GR", 2024)
    Traceback (most recent call last):
    ...
    electoral_rules.errors.UnknownConstituencyError: 'GR' is not a member state's code in the European Parliament election of 2024 (the EU writes Greece 'EL')
    """
    house = parliament(year, after_brexit=after_brexit)
    if not isinstance(state, str) or state not in house:
        hint = " (the EU writes Greece 'EL')" if state == "GR" else (
            " (the EU writes the United Kingdom 'UK')" if state == "GB" else ""
        )
        when = f"{year} after Brexit" if after_brexit else str(year)
        raise UnknownConstituencyError(
            f"{state!r} is not a member state's code in the European Parliament election of {when}{hint}"
        )
    return house[state]


def deferred_seats(year: int) -> FrozenMap[str, int]:
    """For 2019, the seats each state gained when the United Kingdom left (the *deferred*
    seats, filled from 1 February 2020): the 705-seat composition minus the 751-seat one,
    for the states that gained seats.

    >>> dict(deferred_seats(2019))["ES"], sum(deferred_seats(2019).values())
    (5, 27)
    """
    if year != 2019:
        _key(year, False)
        raise InvalidArgumentError(f"deferred seats exist only for the 2019 election, not {year}")
    before, after = parliament(2019), parliament(2019, after_brexit=True)
    return FrozenMap.wrap({s: after[s] - before[s] for s in after if after[s] > before[s]})
