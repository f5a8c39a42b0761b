"""The records of the Senate's tables: places, rows, series, stages, versions, renewals.

Frozen, slotted, keyword-only dataclasses that validate themselves; the packaged data is read
into them by :mod:`~electoral_rules.france.senate_tables.data`, the rule in force on a date
picks among them in :mod:`~electoral_rules.france.senate_tables.eras`, and
:mod:`~electoral_rules.france.senate_tables.renewals` composes a :class:`Renewal`. All are
re-exported by :mod:`electoral_rules.france.senate_tables`.

.. seealso:: Code électoral, art. L279, LO276, L294, L295 and the annexed tableaux n° 5 and n° 6.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from enum import Enum
from typing import Any

from ..._mapping import FrozenMap
from ...errors import InvalidArgumentError, UnknownConstituencyError

__all__ = [
    "Constituency",
    "Kind",
    "Mode",
    "Renewal",
    "SenatePlace",
    "SeriesTable",
    "TableRow",
    "TableStage",
    "TableVersion",
]


class Mode(Enum):
    """How a constituency elects its senators (Code électoral, art. L294 and L295)."""

    PROPORTIONAL = "proportional"
    """List vote, plus forte moyenne, no panachage (art. L295)."""
    MAJORITARIAN = "majoritarian"
    """Two-round vote by name (art. L294)."""


class Kind(Enum):
    """What kind of territory a Senate constituency is, on a given date."""

    METROPOLITAN_DEPARTMENT = "metropolitan_department"
    OVERSEAS_DEPARTMENT = "overseas_department"
    OVERSEAS_COLLECTIVITY = "overseas_collectivity"
    """An overseas collectivity, or Nouvelle-Calédonie (counted with them, as in tableau n° 5)."""
    FRENCH_ABROAD = "french_abroad"
    """The Français établis hors de France (FEHF)."""




@dataclass(frozen=True, slots=True, kw_only=True)
class SenatePlace:
    """A constituency of the Senate, independent of the date: its names and code.

    (Named ``Place`` until this release; that name, which clashed with
    :class:`electoral_rules.io.Place`, is a deprecated alias.)

    :ivar name: the modern name ("Bas-Rhin").
    :ivar printed_name: the name as printed in the tables ("Rhin (Bas-)").
    :ivar code: the INSEE code ("67", "2A", "976"); for the Français établis hors de France,
        "ZZ", the code of the Ministry of the Interior's result feeds (not an INSEE code).
    :ivar tableau6_seats: the seats in tableau n° 6 (loi n° 2003-697), ``None`` for a place the
        table does not list.
    :ivar position: the 1-based position in tableau n° 6, ``None`` when not listed.
    :ivar aliases: other accepted spellings.
    """

    name: str
    printed_name: str
    code: str | None
    tableau6_seats: int | None = None
    position: int | None = None
    aliases: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        if not self.name or not self.printed_name:
            raise InvalidArgumentError(f"a place needs a name and a printed name, got {self.name!r}")
        if self.tableau6_seats is not None and self.tableau6_seats < 1:
            raise InvalidArgumentError(f"seats of {self.name!r} ({self.tableau6_seats}) must be >= 1")


@dataclass(frozen=True, slots=True, kw_only=True)
class TableRow:
    """One printed row of tableau n° 5 ("Ain à Indre : 103"), expanded to its places.

    :ivar printed: the row's wording.
    :ivar seats: the seats printed on the row.
    :ivar places: the places it covers, in the table's order.
    :ivar place_seats: the seats of each place (by name): the row's own figure for a row of one
        place ("La Réunion : 3"); otherwise the seats of tableau n° 6 (and, for a place it does
        not list, the figure the data gives) when they add up to the printed figure; ``None``
        for a transitional range whose figure differs from tableau n° 6 ("Ain à Indre : 95" at
        the 2004 stage).
    """

    printed: str
    seats: int
    places: tuple[SenatePlace, ...]
    place_seats: FrozenMap[str, int] | None

    def __post_init__(self) -> None:
        if self.seats < 1 or not self.places:
            raise InvalidArgumentError(f"row {self.printed!r} needs places and a positive seat count")
        if self.place_seats is not None and sum(self.place_seats.values()) != self.seats:
            raise InvalidArgumentError(f"row {self.printed!r}: place seats do not add up to {self.seats}")

    @property
    def tableau6_seats(self) -> int | None:
        """The row's seats recomputed from tableau n° 6, ``None`` when a place is not in it."""
        listed = [p.tableau6_seats for p in self.places if p.tableau6_seats is not None]
        return sum(listed) if len(listed) == len(self.places) else None


@dataclass(frozen=True, slots=True, kw_only=True)
class SeriesTable:
    """One series of one stage of tableau n° 5.

    :ivar series: the label ("A", "B", "C", "1", "2").
    :ivar departments: the rows of the "Représentation des départements" part.
    :ivar others: the rows of Nouvelle-Calédonie, the overseas collectivities and the FEHF.
    :ivar printed_departments_total: the departments' subtotal as printed.
    :ivar printed_total: the series total as printed.
    :ivar note: what the package notes about this series (transitional figures, misprints).
    """

    series: str
    departments: tuple[TableRow, ...]
    others: tuple[TableRow, ...]
    printed_departments_total: int
    printed_total: int
    note: str = ""

    @property
    def rows(self) -> tuple[TableRow, ...]:
        """All rows, departments first, in printed order."""
        return self.departments + self.others

    @property
    def departments_seats(self) -> int:
        """The sum of the departments' rows."""
        return sum(row.seats for row in self.departments)

    @property
    def total_seats(self) -> int:
        """The sum of every row (which may differ from :attr:`printed_total`: 2008, série A)."""
        return sum(row.seats for row in self.rows)


@dataclass(frozen=True, slots=True, kw_only=True)
class TableStage:
    """The table that applies "à compter du renouvellement partiel de" ``from_renewal``."""

    from_renewal: int
    series: tuple[SeriesTable, ...]

    def __getitem__(self, label: str) -> SeriesTable:
        for table in self.series:
            if table.series == label:
                return table
        names = ", ".join(t.series for t in self.series)
        raise InvalidArgumentError(f"no série {label!r} in the {self.from_renewal} stage (séries: {names})")


@dataclass(frozen=True, slots=True, kw_only=True)
class TableVersion:
    """One version of tableau n° 5, with its source and in-force dates.

    :ivar id: the date the version came into force, as text ("2011-03-31").
    :ivar law: the amending text.
    :ivar in_force_from: first day in force.
    :ivar in_force_until: last day in force, ``None`` for the current version.
    :ivar source: where the text was read.
    :ivar notes: remarks (attribution, differences with other versions).
    :ivar stages: the stages, in order.
    """

    id: str
    law: str
    in_force_from: date
    in_force_until: date | None
    source: str
    notes: tuple[str, ...]
    stages: tuple[TableStage, ...]

    def stage(self, year: int) -> TableStage:
        """The stage named after the renewal of ``year``.

        >>> from electoral_rules.france.senate_tables import tableau5
        >>> tableau5(date(2006, 1, 1)).stage(2008)["A"].printed_total
        112
        """
        for stage in self.stages:
            if stage.from_renewal == year:
                return stage
        years = ", ".join(str(s.from_renewal) for s in self.stages)
        raise InvalidArgumentError(f"tableau n° 5 ({self.law}) has no stage for {year} (stages: {years})")


@dataclass(frozen=True, slots=True, kw_only=True)
class Constituency:
    """A constituency voting at a renewal.

    :ivar name: modern name; :ivar printed_name: name as printed in the tables.
    :ivar code: INSEE code ("ZZ" for the FEHF, as in the Ministry's result feeds).
    :ivar seats: seats filled at this renewal (6 of the FEHF's 12 since 2011).
    :ivar series: the series renewed.
    :ivar mode: the voting mode (art. L294/L295 in force at the renewal).
    :ivar kind: the kind of territory at the renewal.
    :ivar basis: where its seats come from (the row of tableau n° 5, or another text).
    """

    name: str
    printed_name: str
    code: str | None
    seats: int
    series: str
    mode: Mode
    kind: Kind
    basis: str

    def __post_init__(self) -> None:
        if isinstance(self.seats, bool) or not isinstance(self.seats, int) or self.seats < 1:
            raise InvalidArgumentError(f"seats of {self.name!r} ({self.seats!r}) must be a positive int")


@dataclass(frozen=True, slots=True, kw_only=True)
class Renewal:
    """The composition of one partial renewal of the Senate.

    :ivar year: the year of the renewal.
    :ivar date: the polling day when recorded (UNVERIFIED except 2014), else ``None``.
    :ivar series: the series renewed.
    :ivar table: the version of tableau n° 5 in force at the renewal.
    :ivar stage: the stage of that version used (its "renouvellement partiel de" year).
    :ivar constituencies: each constituency voting, in the table's order.
    :ivar printed_total: the series total printed in the table.
    :ivar proportional_from: the seat threshold of art. L295 in force.
    :ivar voting_mode_basis: the version of art. L294/L295 applied.
    :ivar legal_basis: the texts applied.
    :ivar notes: remarks (misprints, seats added by other texts).
    """

    year: int
    date: date | None
    series: str
    table: TableVersion
    stage: int
    constituencies: tuple[Constituency, ...]
    printed_total: int
    proportional_from: int
    voting_mode_basis: str
    legal_basis: str
    notes: tuple[str, ...] = field(default=())

    def __post_init__(self) -> None:
        names = [c.name for c in self.constituencies]
        if not names or len(set(names)) != len(names):
            raise InvalidArgumentError(f"renewal {self.year}: constituencies must be non-empty and distinct")

    @property
    def total_seats(self) -> int:
        """Seats filled at this renewal."""
        return sum(c.seats for c in self.constituencies)

    def _tally(self, key: Any, members: Iterable[Any], count: bool) -> FrozenMap[Any, int]:
        totals: dict[Any, int] = dict.fromkeys(members, 0)
        for c in self.constituencies:
            totals[key(c)] += 1 if count else c.seats
        return FrozenMap(totals)

    @property
    def seats_by_mode(self) -> FrozenMap[Mode, int]:
        """Seats by voting mode (proportional first)."""
        return self._tally(lambda c: c.mode, Mode, count=False)

    @property
    def constituencies_by_mode(self) -> FrozenMap[Mode, int]:
        """Number of constituencies by voting mode."""
        return self._tally(lambda c: c.mode, Mode, count=True)

    @property
    def seats_by_kind(self) -> FrozenMap[Kind, int]:
        """Seats by kind of territory."""
        return self._tally(lambda c: c.kind, Kind, count=False)

    @property
    def constituencies_by_kind(self) -> FrozenMap[Kind, int]:
        """Number of constituencies by kind of territory."""
        return self._tally(lambda c: c.kind, Kind, count=True)

    def __getitem__(self, name_or_code: str) -> Constituency:
        """The constituency named ``name_or_code`` (any accepted spelling or code)."""
        from .data import lookup  # the lookup reads the data these records are built from

        place = lookup(name_or_code)
        for c in self.constituencies:
            if c.name == place.name:
                return c
        raise UnknownConstituencyError(
            f"{place.name!r} does not vote at the {self.year} renewal (série {self.series})"
        )
