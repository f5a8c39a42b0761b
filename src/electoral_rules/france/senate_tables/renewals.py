"""The series rule: which series a constituency belongs to, and who votes at each renewal.

A constituency's series and seats on a date come from the stage of tableau n° 5 in force
(:func:`~electoral_rules.france.senate_tables.eras.stage_on`) and the seats of tableau n° 6
(:func:`series_seats`, :func:`seats`, :func:`series`); a renewal, named by its year, gathers the
constituencies of the series renewed with their voting mode (:func:`renewal`).

>>> seats("Rhin (Bas-)", date="2014-09-28"), series("67", date="2014-09-28")
(5, '2')
>>> renewal(2014).total_seats
178

.. seealso:: Code électoral, art. LO276, L279, L294, L295, tableaux n° 5 and n° 6.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Mapping
from datetime import date
from typing import Any

from ..._mapping import FrozenMap
from ...errors import InvalidArgumentError, UnknownConstituencyError, UnsupportedEraError
from .data import lookup, place_kind, renewal_cycle, renewal_records
from .eras import polling_day, proportional_from, stage_on, tableau5, voting_mode, voting_mode_basis
from .records import Constituency, Renewal, SenatePlace, TableRow, TableStage, TableVersion

__all__ = [
    "LAST_YEAR",
    "renewal",
    "renewal_years",
    "seats",
    "series",
    "series_seats",
]


# --------------------------------------------------------------------------- a place on a date


def series_seats(
    name_or_code: str, *, date: _dt.date | str | None = None, on: _dt.date | None = None
) -> FrozenMap[str, int]:
    """The seats of a constituency in each series, per tableaux n° 5 and n° 6 on ``date``.

    ``date=None`` reads the table in force today. A stage of tableau n° 5 applies from the
    renewal it names (26 September 2004, 21 September 2008, 25 September 2011: dates UNVERIFIED
    except as noted in the data).

    :param name_or_code: any spelling :func:`~electoral_rules.france.senate_tables.lookup` accepts.
    :param date: the day (a :class:`datetime.date` or an ISO string; ``None``: today).
    :param on: deprecated name of ``date`` (which also took a ``datetime``, cut to its day).
    :raises UnknownConstituencyError: for an unknown name, or one not in the table on ``date``.
    :raises UnsupportedEraError: before the 2004 renewal, or where the table's transitional
        figure (2004 stage of séries A and B) cannot be split between departments because the
        earlier tableau n° 6 is absent.
    :raises InvalidArgumentError: for a ``date`` that is not a day.

    >>> dict(series_seats("FEHF"))
    {'1': 6, '2': 6}
    >>> dict(series_seats("Paris", date="2010-01-01"))
    {'C': 12}

    .. seealso:: Code électoral, art. LO276, L279, tableaux n° 5 and n° 6.
    """
    return _series_seats(name_or_code, polling_day(date, on, where="series_seats"))


def _series_seats(name_or_code: str, when: _dt.date) -> FrozenMap[str, int]:
    place, rows, version, stage = _rows_of(name_or_code, when)
    found: dict[str, int] = {}
    for label, row in rows:
        if row.place_seats is None:
            raise UnsupportedEraError(
                f"{place.name!r}: on {when}, tableau n° 5 ({version.law}, stage {stage.from_renewal}) "
                f"gives {row.seats} seats for {row.printed!r}, a transitional figure that tableau n° 6 "
                f"(loi n° 2003-697, {row.tableau6_seats} seats) does not split; the earlier tableau "
                "n° 6 is not in this package"
            )
        found[label] = found.get(label, 0) + row.place_seats[place.name]
    return FrozenMap(found)


def _rows_of(
    name_or_code: str, when: _dt.date
) -> tuple[SenatePlace, list[tuple[str, TableRow]], TableVersion, TableStage]:
    """The place, its rows (with their series) in the stage in force on ``when``, and that stage."""
    place = lookup(name_or_code)
    version, stage = stage_on(when)
    rows = [(table.series, row) for table in stage.series for row in table.rows if place in row.places]
    if not rows:
        raise UnknownConstituencyError(
            f"{place.name!r} is not listed in tableau n° 5 ({version.law}, stage from the "
            f"{stage.from_renewal} renewal) in force on {when.isoformat()}"
        )
    return place, rows, version, stage


def seats(name_or_code: str, *, date: _dt.date | str | None = None, on: _dt.date | None = None) -> int:
    """The number of senators of a constituency, per tableaux n° 5 and n° 6 on ``date``.

    For the Français établis hors de France this is the total over the series (12).
    The parameters and errors are those of :func:`series_seats`.

    >>> seats("Nord"), seats("Mayotte"), seats("Français établis hors de France")
    (11, 2, 12)
    >>> seats("Polynésie française", date=date(2005, 1, 1))
    1

    .. seealso:: Code électoral, art. L279, LO276, tableaux n° 5 and n° 6.
    """
    return sum(_series_seats(name_or_code, polling_day(date, on, where="seats")).values())


def series(name_or_code: str, *, date: _dt.date | str | None = None, on: _dt.date | None = None) -> str:
    """The series of a constituency on ``date`` (``None``: the table in force today).

    The parameters are those of :func:`series_seats`.

    :raises InvalidArgumentError: for the Français établis hors de France, who elect senators
        in every series (use :func:`series_seats`).

    >>> series("Territoire de Belfort"), series("Seine-et-Marne"), series("Bas-Rhin")
    ('2', '1', '2')
    >>> series("Ain", date="2009-01-01")
    'A'

    .. seealso:: Code électoral, art. LO276 and tableau n° 5.
    """
    place, rows, _, _ = _rows_of(name_or_code, polling_day(date, on, where="series"))
    labels = list(dict.fromkeys(label for label, _ in rows))
    if len(labels) != 1:
        raise InvalidArgumentError(
            f"{place.name!r} elects senators in several series ({', '.join(labels)}); use series_seats()"
        )
    return labels[0]


# --------------------------------------------------------------------------- renewals


def _renewal_entry(year: int) -> Mapping[str, Any]:
    recorded = renewal_records()
    if year in recorded:
        return recorded[year]
    cycle = renewal_cycle()
    after, every = cycle["after"], cycle["every"]
    if year > after and (year - after) % every == 0:
        labels = cycle["series"]
        return {"year": year, "date": None, "series": labels[((year - after) // every - 1) % len(labels)]}
    held = ", ".join(str(y) for y in sorted(recorded))
    why = {
        2007: " (the December 2005 text moved the renewal of série A from 2007 to 2008)",
        2010: " (the December 2005 text moved the 2010 stage to the renewal of 2011)",
    }.get(year, "")
    raise InvalidArgumentError(
        f"no partial renewal of the Senate in {year}{why}; renewals covered: {held}, then every {every} years"
    )


LAST_YEAR = 9999
"""The last year a renewal is computed for (the calendar's last year): later years are
refused rather than turned into an overflow or an endless loop."""


def _year_in_range(year: int, what: str) -> None:
    if year > LAST_YEAR:
        raise UnsupportedEraError(
            f"{what} {year}: the Senate's renewals are computed for the years 2004 to {LAST_YEAR} "
            "(the series then follow the current cycle, Code électoral, art. LO276)"
        )


def renewal_years(until: int) -> tuple[int, ...]:
    """The renewal years covered, from 2004 up to ``until`` included.

    >>> renewal_years(2020)
    (2004, 2008, 2011, 2014, 2017, 2020)

    :raises UnsupportedEraError: for ``until`` after :data:`LAST_YEAR`.

    .. seealso:: Code électoral, art. LO276 and tableau n° 5.
    """
    if isinstance(until, bool) or not isinstance(until, int):
        raise InvalidArgumentError(f"until must be a year (int), not {until!r}")
    _year_in_range(until, "renewal years until")
    years: list[int] = []
    for year in range(2004, until + 1):
        try:
            _renewal_entry(year)
        except InvalidArgumentError:
            continue
        years.append(year)
    return tuple(years)


def renewal(year: int) -> Renewal:
    """The constituencies, seats and voting modes of the partial renewal held in ``year``.

    The table used is the version of tableau n° 5 in force at the renewal, at the stage it
    names for that renewal (or the last stage, from 2014 on); seats come from tableau n° 6;
    modes from art. L294/L295 in force (:func:`voting_mode`). In 2008 the senators of
    Saint-Barthélemy and Saint-Martin, not listed in the table's rows, are added under loi
    organique n° 2007-223, art. 18-IV; the table prints "Total 114" for série A.

    :raises UnsupportedEraError: for a year before 2004 (the tables in force then are absent).
    :raises InvalidArgumentError: for a year with no renewal (2005, 2007, 2012 ...) or a
        ``year`` that is not an int.

    >>> from electoral_rules.france.senate_tables import Mode
    >>> r = renewal(2011)
    >>> r.total_seats, r.seats_by_mode[Mode.PROPORTIONAL], r.constituencies_by_mode[Mode.MAJORITARIAN]
    (170, 112, 26)
    >>> r["Mayotte"].kind.name, r["Nord"].mode.name
    ('OVERSEAS_DEPARTMENT', 'PROPORTIONAL')
    >>> renewal(2012)  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    electoral_rules.errors.InvalidArgumentError: no partial renewal of the Senate in 2012; ...

    .. seealso:: Code électoral, art. LO276, L279, L294, L295, tableaux n° 5 and n° 6.
    """
    if isinstance(year, bool) or not isinstance(year, int):
        raise InvalidArgumentError(f"year must be an int, not {year!r}")
    _year_in_range(year, "renewal of")
    if year < 2004:
        raise UnsupportedEraError(
            f"renewal of {year}: the first version of tableau n° 5 with seat figures applies from "
            "the 2004 renewal; the tables in force before it are not in this package"
        )
    entry = _renewal_entry(year)
    day = _dt.date.fromisoformat(entry["date"]) if entry.get("date") else None
    when = day or date(year, 9, 1)
    version = tableau5(when)
    stage = max((s for s in version.stages if s.from_renewal <= year), key=lambda s: s.from_renewal)
    table = stage[entry["series"]]
    threshold = proportional_from(when)
    members: list[Constituency] = []
    for row in table.rows:
        if row.place_seats is None:  # pragma: no cover - guards the packaged data
            raise InvalidArgumentError(f"row {row.printed!r} cannot be split between its places")
        for place in row.places:
            members.append(_constituency(place, row.place_seats[place.name], table.series, when, row.printed))
    notes = [n for n in (table.note, entry.get("note")) if n]
    for extra in entry.get("extra", ()):
        place = lookup(extra["place"])
        members.append(_constituency(place, extra["seats"], table.series, when, extra["basis"]))
        notes.append(
            f"{place.name}: {extra['seats']} seat(s) added under {extra['basis']}, not in the table's rows"
        )
    basis = (
        f"Code électoral, tableau n° 5 ({version.law}, stage 'à compter du renouvellement partiel de "
        f"{stage.from_renewal}'), tableau n° 6 (loi n° 2003-697); {voting_mode_basis(when)}: "
        f"proportional from {threshold} seats"
    )
    for extra_basis in dict.fromkeys(extra["basis"] for extra in entry.get("extra", ())):
        basis += f"; {extra_basis}"
    return Renewal(
        year=year,
        date=day,
        series=table.series,
        table=version,
        stage=stage.from_renewal,
        constituencies=tuple(members),
        printed_total=table.printed_total,
        proportional_from=threshold,
        voting_mode_basis=voting_mode_basis(when),
        legal_basis=basis,
        notes=tuple(notes),
    )


def _constituency(place: SenatePlace, n: int, label: str, when: date, basis: str) -> Constituency:
    kind = place_kind(place, when)
    return Constituency(
        name=place.name,
        printed_name=place.printed_name,
        code=place.code,
        seats=n,
        series=label,
        mode=voting_mode(n, when, kind=kind),
        kind=kind,
        basis=basis,
    )
