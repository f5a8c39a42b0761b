"""The numbers the municipal rules read from the law: council sizes and PLM seat tables.

* **Council size by population** (CGCT, art. L2121-2): :func:`council_size`. Two versions
  were read, on Légifrance copies (VERIFIED): the 1996 codification (9 councillors below 100
  inhabitants) and the version in force from 23 March 2014 (loi n° 2013-403: 7 below 100).
  The other bands are the same in both.
* **Réputé complet** (CGCT, art. L2121-2-1 as rewritten by loi n° 2025-444, art. 5, read in
  the JORF text, VERIFIED): a council of a commune under 1 000 inhabitants is deemed complete
  with at least 5, 9 or 13 members after a general renewal or a complementary election:
  :func:`complete_council_minimum`.
* **Paris, Lyon, Marseille from March 2026** (loi n° 2025-795): the size of the city council
  (:func:`city_council_seats`: 163, 73, 101, the totals of the Code électoral's tableaux
  n° 2 to 4, not re-read for 2026: PARTIAL) and the seats of each sector's own council
  (:func:`sector_seats`: Paris 17 sectors, 503 seats; Lyon 9 sectors, 221 seats; Marseille
  only its 1st and 2nd sectors). The sector tables come from AN amendment 1247/AN/92 (first
  reading; whether it was adopted unchanged was not read) and agree with every sector decided
  in the first round of 15 March 2026 (Paris 7e 11, 13e 43, 16e 38; Lyon 5e 20, 6e 22):
  PARTIAL.

>>> import datetime as dt
>>> council_size(57, date=dt.date(2026, 3, 15)), council_size(57, date=dt.date(2008, 3, 9))
(7, 9)
>>> complete_council_minimum(450)
9
>>> sector_seats("Paris", 17), sum(sector_seats("Lyon", n) for n in range(1, 10))
(39, 221)

.. seealso:: CGCT, art. L2121-2, L2121-2-1; Code électoral, art. L261, L272-4-1 (loi
   n° 2025-795).
"""

from __future__ import annotations

import datetime as _dt

from .._exact import as_count
from ..errors import InvalidArgumentError, UnknownConstituencyError, UnsupportedEraError

__all__ = [
    "CGCT_1996",
    "CGCT_2014",
    "L2121_2",
    "L2121_2_1",
    "PLM_FROM",
    "SECTOR_TABLE_BASIS",
    "city_council_seats",
    "complete_council_minimum",
    "council_size",
    "paris_sector_of",
    "sector_numbers",
    "sector_seats",
]

CGCT_1996 = _dt.date(1996, 2, 24)
"""Entry into force of the CGCT (loi n° 96-142), the first version of L2121-2 read."""
CGCT_2014 = _dt.date(2014, 3, 23)
"""Entry into force of L2121-2 as amended by loi n° 2013-403 (7 councillors below 100)."""
PLM_FROM = _dt.date(2026, 3, 1)
"""The March 2026 renewal, the first under loi n° 2025-795 (two ballots in Paris, Lyon, Marseille)."""

L2121_2 = "CGCT, art. L2121-2"
L2121_2_1 = "CGCT, art. L2121-2-1 (loi n° 2025-444, art. 5)"

_BANDS: tuple[tuple[int, int], ...] = (
    # (upper bound, exclusive; councillors): the table of L2121-2 from 100 inhabitants up.
    (500, 11),
    (1_500, 15),
    (2_500, 19),
    (3_500, 23),
    (5_000, 27),
    (10_000, 29),
    (20_000, 33),
    (30_000, 35),
    (40_000, 39),
    (50_000, 43),
    (60_000, 45),
    (80_000, 49),
    (100_000, 53),
    (150_000, 55),
    (200_000, 59),
    (250_000, 61),
    (300_000, 65),
)
_LARGEST = 69
"""300 000 inhabitants and more."""


def _as_day(date: object) -> _dt.date:
    if date is None:
        return _dt.date.today()
    if isinstance(date, str):
        try:
            return _dt.date.fromisoformat(date)
        except ValueError:
            raise InvalidArgumentError(f"date {date!r} is not an ISO date such as '2026-03-15'") from None
    if isinstance(date, _dt.datetime) or not isinstance(date, _dt.date):
        raise InvalidArgumentError(f"date must be a datetime.date or an ISO string, got {date!r}")
    return date


def _population(population: object) -> int:
    count = as_count(population, "population")
    if count == 0:
        raise InvalidArgumentError(
            f"population ({count}) must be >= 1: a commune's council size follows its population "
            f"({L2121_2})"
        )
    return count


def council_size(population: int, *, date: _dt.date | str | None = None) -> int:
    """The number of municipal councillors of a commune of ``population`` inhabitants.

    :param population: the commune's *population municipale* (an ``int >= 1``).
    :param date: the day of the election (``None``: today); selects the version of L2121-2.
    :raises InvalidArgumentError: for a population of 0, a negative one, or not an ``int``.
    :raises UnsupportedEraError: before 24 February 1996 (the Code des communes' art. L121-2,
        in force before the CGCT, was not read).

    Paris, Lyon and Marseille are outside this table: their city councils have the sizes of
    the Code électoral (:func:`city_council_seats`). Communes nouvelles keep transitional
    sizes until their second renewal (CGCT, art. L2113-8; not implemented): give ``seats``.

    >>> [council_size(p, date="2026-03-15") for p in (1, 99, 100, 499, 500, 1_499, 1_500)]
    [7, 7, 11, 11, 15, 15, 19]
    >>> council_size(99, date="2026-03-15"), council_size(99, date="2014-03-22")
    (7, 9)
    >>> council_size(2_165_423)
    69

    .. seealso:: CGCT, art. L2121-2 (versions of 24 February 1996 and 23 March 2014).
    """
    people = _population(population)
    day = _as_day(date)
    if day < CGCT_1996:
        raise UnsupportedEraError(
            f"council size on {day.isoformat()}: only the CGCT's art. L2121-2 (from 24 February 1996) "
            "was read; before it, the Code des communes' art. L121-2 applied (give seats=)"
        )
    if people < 100:
        return 7 if day >= CGCT_2014 else 9
    for bound, size in _BANDS:
        if people < bound:
            return size
    return _LARGEST


def complete_council_minimum(population: int) -> int | None:
    """The members a council must have to be *réputé complet* (communes under 1 000), else ``None``.

    CGCT, art. L2121-2-1 (loi n° 2025-444): "le conseil municipal est réputé complet dès lors
    qu'il compte, à l'issue du renouvellement général du conseil municipal ou d'une élection
    complémentaire, au moins" 5 members below 100 inhabitants, 9 from 100 to 499, 13 from 500
    to 999. From 1 000 inhabitants the council is complete only with all its seats filled.

    >>> [complete_council_minimum(p) for p in (99, 100, 499, 500, 999, 1_000)]
    [5, 9, 9, 13, 13, None]

    .. seealso:: CGCT, art. L2121-2-1 (version of loi n° 2025-444 du 21 mai 2025, art. 5).
    """
    people = _population(population)
    if people < 100:
        return 5
    if people < 500:
        return 9
    if people < 1_000:
        return 13
    return None


_CITY_COUNCIL = {"Paris": 163, "Lyon": 73, "Marseille": 101}

# Seats of each sector's council from 2026 (AN amendment 1247/AN/92; PARTIAL). Paris: the
# 1st sector is the 1st to 4th arrondissements ("Paris Centre"); sectors are numbered by their
# first arrondissement. Marseille: 8 sectors of two arrondissements each, only two read.
_SECTORS: dict[str, dict[int, int | None]] = {
    "Paris": {
        1: 23, 5: 13, 6: 9, 7: 11, 8: 8, 9: 14, 10: 19, 11: 33, 12: 33, 13: 43, 14: 33, 15: 55,
        16: 38, 17: 39, 18: 44, 19: 43, 20: 45,
    },
    "Lyon": {1: 12, 2: 12, 3: 44, 4: 15, 5: 20, 6: 22, 7: 37, 8: 36, 9: 23},
    "Marseille": {1: 25, 2: 27, 3: None, 4: None, 5: None, 6: None, 7: None, 8: None},
}
_MARSEILLE_ARRONDISSEMENTS = {
    1: (1, 7), 2: (2, 3), 3: (4, 5), 4: (6, 8), 5: (9, 10), 6: (11, 12), 7: (13, 14), 8: (15, 16),
}
SECTOR_TABLE_BASIS = (
    "Code électoral, art. L261 al.2 and L271 (loi n° 2025-795); sector seats from AN amendment "
    "1247/AN/92 (first reading, adoption not read): PARTIAL"
)


def _city(city: object) -> str:
    if not isinstance(city, str) or city not in _CITY_COUNCIL:
        raise UnknownConstituencyError(
            f"city {city!r} is not Paris, Lyon or Marseille, the only communes whose councils are "
            "elected by sectors (Code électoral, art. L261 al.2, L271)"
        )
    return city


def city_council_seats(city: str) -> int:
    """Seats of the Conseil de Paris or of the municipal council of Lyon or Marseille.

    >>> [city_council_seats(city) for city in ("Paris", "Lyon", "Marseille")]
    [163, 73, 101]

    These are the totals of the Code électoral's tableaux n° 2 to 4 before 2026, which loi
    n° 2025-795 is not known to have changed (not re-read: PARTIAL).

    .. seealso:: Code électoral, art. L261, tableaux n° 2, 3 and 4.
    """
    return _CITY_COUNCIL[_city(city)]


def sector_numbers(city: str) -> tuple[int, ...]:
    """The sector numbers of ``city`` from 2026, in order.

    >>> sector_numbers("Paris")[:3], len(sector_numbers("Paris")), sector_numbers("Marseille")[-1]
    ((1, 5, 6), 17, 8)
    """
    return tuple(_SECTORS[_city(city)])


def paris_sector_of(arrondissement: int) -> int:
    """The Paris sector an arrondissement votes in from 2026 (the 1st to 4th form sector 1).

    >>> paris_sector_of(3), paris_sector_of(17)
    (1, 17)
    """
    number = as_count(arrondissement, "arrondissement")
    if not 1 <= number <= 20:
        raise UnknownConstituencyError(f"Paris has arrondissements 1 to 20, got {number}")
    return 1 if number <= 4 else number


def sector_seats(city: str, sector: int) -> int:
    """Seats of the council of ``sector`` of ``city``, elected by its own ballot from 2026.

    :raises UnknownConstituencyError: for a city other than Paris, Lyon or Marseille, or a
        sector not in the city's table (Paris numbers its sectors 1, 5, 6, ..., 20).
    :raises InvalidArgumentError: for a Marseille sector whose seats the reference did not
        give (3rd to 8th): pass ``seats=`` to the allocation instead.

    >>> sector_seats("Paris", 1), sector_seats("Lyon", 3), sector_seats("Marseille", 2)
    (23, 44, 27)

    .. seealso:: Code électoral, art. L261 al.2, L271 (loi n° 2025-795); AN amendment
       1247/AN/92 (PARTIAL).
    """
    name = _city(city)
    if isinstance(sector, bool) or not isinstance(sector, int):
        raise UnknownConstituencyError(f"sector must be an int (a sector number of {name}), got {sector!r}")
    table = _SECTORS[name]
    if sector not in table:
        hint = ""
        if name == "Paris" and 2 <= sector <= 4:
            hint = f" (the {sector}e arrondissement votes in sector 1, Paris Centre)"
        raise UnknownConstituencyError(
            f"{name} has no sector {sector}{hint}; its sectors from 2026 are "
            f"{', '.join(map(str, table))} ({SECTOR_TABLE_BASIS})"
        )
    seats = table[sector]
    if seats is None:
        first, second = _MARSEILLE_ARRONDISSEMENTS[sector]
        raise InvalidArgumentError(
            f"the seats of Marseille's sector {sector} ({first}e and {second}e arrondissements) from "
            "2026 are not in this library's reference (only sectors 1 and 2 were read): give seats= "
            f"({SECTOR_TABLE_BASIS})"
        )
    return seats
