"""The Senate's rules in force on a date: the voting-mode era and the version of tableau n° 5.

Two texts changed over time, independently:

* art. L294 and L295 (the seat threshold from which a constituency votes by list): 5 seats
  from the 1964 codification, 3 under loi n° 2000-641, 4 under loi n° 2003-697, 3 under loi
  n° 2013-702 (:func:`proportional_from`, :func:`voting_mode`, :func:`voting_mode_basis`);
* tableau n° 5 (art. LO276, the series): four versions since 2004, each written in stages "à
  compter du renouvellement partiel de ..." (:func:`tableau5`, :func:`stage_on`).

Every function takes the polling day as ``date=`` under the library's calling contract
(:func:`electoral_rules._dates.as_date`: a :class:`datetime.date` or an ISO string, ``None``
for today, a ``datetime`` refused). Two older spellings still work for one release, with a
:class:`DeprecationWarning`: the keyword ``on=`` (with its old reading: a ``datetime`` cut to
its day, and for the voting-mode functions an int year), and an int year given to the
voting-mode functions as ``date`` (read, as before, as 1 September of that year, since
renewals are held in late September). A renewal is named by its year in
:func:`~electoral_rules.france.senate_tables.renewal`, which needs neither.

>>> proportional_from("2014-09-28"), voting_mode(3, date(2011, 9, 25)).name
(3, 'MAJORITARIAN')
>>> tableau5(date(2008, 9, 21)).id
'2007-02-22'

.. seealso:: Code électoral, art. L294, L295, LO276 and tableau n° 5.
"""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass
from datetime import date

from ..._dates import as_date
from ..._deprecation import deprecated
from ...errors import InvalidArgumentError, UnsupportedEraError
from .data import renewal_records, tableau5_versions
from .records import Kind, Mode, TableStage, TableVersion

__all__ = [
    "polling_day",
    "proportional_from",
    "renewal_day",
    "stage_on",
    "tableau5",
    "voting_mode",
    "voting_mode_basis",
]


# --------------------------------------------------------------------------- the polling day

_CALLER = 4
"""Warnings point at the user's line: deprecated() < polling_day() < the public function < caller."""


def polling_day(value: object, on: object, *, where: str, years: bool = False) -> _dt.date:
    """The day a function of the Senate's tables was asked about, read once for all of them.

    ``value`` is the ``date=`` of the calling contract; ``on`` the deprecated keyword, read the
    old way (a ``datetime`` cut to its day; an int year when ``years``). With ``years``, an int
    given as ``date`` is also accepted for one release, as 1 September of that year.

    :param where: the public function asking, named in warnings and errors.
    :raises InvalidArgumentError: for both keywords at once, or a value neither reading accepts.

    >>> polling_day("2014-09-28", None, where="seats")
    datetime.date(2014, 9, 28)
    """
    if on is not None:
        if value is not None:
            raise InvalidArgumentError(f"{where}: give date= only (on= is its deprecated name)")
        deprecated(f"{where}(on=...)", f"{where}(date=...)", stacklevel=_CALLER)
        return _old_reading(on, where=where, years=years)
    if years and isinstance(value, int) and not isinstance(value, bool):
        day = _year(value, where)
        deprecated(
            f"{where}() with a year ({value})",
            f"a polling day, {where}(date=datetime.date({value}, 9, ...)), or renewal({value})",
            stacklevel=_CALLER,
        )
        return day
    return as_date(value, rule=f"senate_tables.{where}")


def _old_reading(on: object, *, where: str, years: bool) -> _dt.date:
    """What ``on=`` meant: a date (a datetime cut to its day), or a year where ``years``."""
    if isinstance(on, _dt.date):
        return on.date() if isinstance(on, _dt.datetime) else on
    if years and isinstance(on, int) and not isinstance(on, bool):
        return _year(on, where)
    wanted = "a datetime.date or a year (int)" if years else "a datetime.date or None"
    raise InvalidArgumentError(f"{where}: on must be {wanted}, not {on!r}")


def _year(year: int, where: str) -> _dt.date:
    if not 1 <= year <= 9999:
        raise InvalidArgumentError(f"{where}: {year} is not a year")
    return date(year, 9, 1)


# --------------------------------------------------------------------------- voting mode by era


@dataclass(frozen=True, slots=True)
class _Era:
    start: date
    proportional_from: int
    law: str


_L294 = "Code électoral, art. L294 et L295"
_ERAS = (  # cited as the law is, in French, in both languages' explanations
    _Era(date(1964, 10, 27), 5, f"{_L294} (rédaction de la codification de 1964)"),
    _Era(date(2000, 7, 11), 3, f"{_L294} (rédaction de la loi n° 2000-641 du 10 juillet 2000)"),
    _Era(date(2003, 7, 31), 4, f"{_L294} (rédaction de la loi n° 2003-697 du 30 juillet 2003)"),
    _Era(date(2013, 8, 3), 3, f"{_L294} (rédaction de la loi n° 2013-702 du 2 août 2013)"),
)


def _era(when: date) -> _Era:
    if when < _ERAS[0].start:
        raise UnsupportedEraError(
            f"{when}: the Senate voting-mode rule is implemented from the 1964 codification of the "
            "Code électoral (art. L294/L295) onward"
        )
    return next(era for era in reversed(_ERAS) if era.start <= when)


def proportional_from(date: _dt.date | str | None = None, *, on: _dt.date | int | None = None) -> int:
    """The fewest seats for which a constituency votes by proportional representation.

    Eras (art. L294/L295): 5 seats from the 1964 codification, 3 under loi n° 2000-641 (the
    2001 renewal), 4 under loi n° 2003-697 (2004, 2008, 2011), 3 under loi n° 2013-702 (2014
    onward). The first day of each era is the day the law was published in the Journal
    officiel (11 July 2000, 31 July 2003, 3 August 2013; 27 October 1964 for the
    codification): exact to the day UNVERIFIED, but every era starts well before a September
    renewal.

    :param date: the polling day (``None``: today). An int year is deprecated (read as
        1 September of that year for one release).
    :param on: deprecated name of ``date``.
    :raises UnsupportedEraError: before the 1964 codification.
    :raises InvalidArgumentError: for a ``date`` that is not a polling day.

    >>> [proportional_from(f"{y}-09-01") for y in (1998, 2001, 2011, 2014)]
    [5, 3, 4, 3]

    .. seealso:: Code électoral, art. L294 and L295.
    """
    return _era(polling_day(date, on, where="proportional_from", years=True)).proportional_from


def voting_mode_basis(date: _dt.date | str | None = None, *, on: _dt.date | int | None = None) -> str:
    """The legal basis of the voting-mode rule in force on ``date`` (``None``: today).

    The parameters are those of :func:`proportional_from`.

    >>> voting_mode_basis("2011-09-25")
    'Code électoral, art. L294 et L295 (rédaction de la loi n° 2003-697 du 30 juillet 2003)'

    .. seealso:: Code électoral, art. L294 and L295.
    """
    return _era(polling_day(date, on, where="voting_mode_basis", years=True)).law


def voting_mode(
    seats: int,
    date: _dt.date | str | None = None,
    *,
    kind: Kind | None = None,
    on: _dt.date | int | None = None,
) -> Mode:
    """The voting mode of a constituency electing ``seats`` senators at the renewal held on ``date``.

    Proportional from :func:`proportional_from` seats, majoritarian below. The Français établis
    hors de France (``kind=Kind.FRENCH_ABROAD``) always vote by proportional representation in
    the eras covered by the tables (6 or 4 seats per series; the texts that govern their vote,
    loi n° 83-390 and loi organique n° 83-499 as amended, are UNVERIFIED here).

    :param seats: the seats to fill in the constituency (a positive int).
    :param date: the polling day (``None``: today; an int year is deprecated).
    :param kind: the kind of constituency; only ``Kind.FRENCH_ABROAD`` changes the answer.
    :param on: deprecated name of ``date``.
    :raises InvalidArgumentError: for seats that are not a positive int, or a bad ``date``.
    :raises UnsupportedEraError: before the 1964 codification.

    >>> [voting_mode(n, day).name for n, day in ((4, "2011-09-25"), (3, "2011-09-25"), (3, "2014-09-28"))]
    ['PROPORTIONAL', 'MAJORITARIAN', 'PROPORTIONAL']
    >>> voting_mode(4, "1998-09-27").name
    'MAJORITARIAN'

    .. seealso:: Code électoral, art. L294 and L295.
    """
    if isinstance(seats, bool) or not isinstance(seats, int) or seats < 1:
        raise InvalidArgumentError(f"seats ({seats!r}) must be a positive int (art. L294/L295)")
    threshold = _era(polling_day(date, on, where="voting_mode", years=True)).proportional_from
    if kind is Kind.FRENCH_ABROAD:
        return Mode.PROPORTIONAL
    return Mode.PROPORTIONAL if seats >= threshold else Mode.MAJORITARIAN


# --------------------------------------------------------------------------- tableau n° 5 by date


def _first_version_error(when: date) -> UnsupportedEraError:
    return UnsupportedEraError(
        f"{when.isoformat()}: the first version of tableau n° 5 with seat figures (loi n° 2004-404) came "
        "into force on 2004-05-11; the 1986 text has no seat figures and the earlier tableau n° 6 is "
        "not in this package"
    )


def tableau5(date: _dt.date | str | None = None, *, on: _dt.date | None = None) -> TableVersion:
    """The version of tableau n° 5 in force on ``date`` (``None``: today, the current version).

    :param date: the day (a :class:`datetime.date` or an ISO string).
    :param on: deprecated name of ``date``.
    :raises UnsupportedEraError: before 11 May 2004 (first version with seat figures).

    >>> tableau5(date(2008, 9, 21)).law
    'loi n° 2007-224 et loi organique n° 2007-223 du 21 février 2007'

    .. seealso:: Code électoral, art. LO276 and tableau n° 5.
    """
    return _version_on(polling_day(date, on, where="tableau5"))


def _version_on(when: date) -> TableVersion:
    for version in reversed(tableau5_versions()):
        if version.in_force_from <= when:
            return version
    raise _first_version_error(when)


def renewal_day(year: int) -> date | None:
    """The recorded polling day of the renewal of ``year``, ``None`` when not recorded.

    >>> renewal_day(2014), renewal_day(2029)
    (datetime.date(2014, 9, 28), None)
    """
    if isinstance(year, bool) or not isinstance(year, int):
        raise InvalidArgumentError(f"renewal_day: year must be an int, not {year!r}")
    raw = renewal_records().get(year)
    return _dt.date.fromisoformat(raw["date"]) if raw and raw.get("date") else None


def stage_on(when: date | str) -> tuple[TableVersion, TableStage]:
    """The version of tableau n° 5 in force on ``when`` and the latest of its stages held by then.

    A stage applies from the renewal it names (26 September 2004, 21 September 2008, 25
    September 2011: dates UNVERIFIED except as noted in the data).

    :raises UnsupportedEraError: before the renewal of 2004.
    :raises InvalidArgumentError: for ``when`` that is not a day.

    >>> version, stage = stage_on(date(2010, 1, 1))
    >>> version.id, stage.from_renewal
    ('2007-02-22', 2008)
    """
    when = as_date(when, rule="senate_tables.stage_on")
    version = _version_on(when)
    held = [s for s in version.stages if (day := renewal_day(s.from_renewal)) is not None and day <= when]
    if not held:
        raise UnsupportedEraError(
            f"{when.isoformat()}: tableau n° 5 ({version.law}) takes effect at the renewal of 2004 "
            "(26 September 2004); before it the series have no seat figures in this package"
        )
    return version, held[-1]
