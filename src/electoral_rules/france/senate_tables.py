"""The Senate's tables: which constituencies vote at each partial renewal, with how many seats and how.

Half the Senate is renewed every three years, by *series*. Two tables annexed to the Code
électoral fix the composition of each renewal:

* **tableau n° 6** (art. L279) gives the number of senators of each department, in the table's
  own order (the old alphabetical order: "Alpes (Hautes-)", "Belfort (Territoire de)" after
  Aveyron, "Rhin (Bas-)" ..., then the overseas departments, then the Île-de-France departments
  created in 1964). The package holds the version of loi n° 2003-697; earlier versions are
  absent.
* **tableau n° 5** (art. LO276) shares the seats between the series, as *ranges* of tableau
  n° 6 ("Ain à Indre : 103") plus the overseas collectivities and the Français établis hors de
  France (FEHF). Each version is written in stages, "à compter du renouvellement partiel de
  2004 / 2008 / 2011". The package holds the versions of 2004 (loi n° 2004-404), December 2005,
  February 2007 and the current one (loi n° 2010-1487, in force 31 March 2011).

The voting mode of each constituency follows from its seats and the threshold of art. L294 and
L295 in force at the renewal (:func:`voting_mode`).

>>> r = renewal(2014)
>>> r.series, r.total_seats, len(r.constituencies)
('2', 178, 64)
>>> r.seats_by_mode[Mode.PROPORTIONAL], r.seats_by_mode[Mode.MAJORITARIAN]
(119, 59)
>>> seats("Rhin (Bas-)", on=date(2014, 9, 28)), series("67", on=date(2014, 9, 28))
(5, '2')

The data files under ``electoral_rules/france/data/`` (``senate_tableau6.json``,
``senate_tableau5.json``, ``senate_constituencies.json``, ``senate_renewals.json``) record their
legal source, version and in-force dates next to the figures. Dates of the renewals other than
2014, the attribution of the December 2005 text, and the exact day on which each L294/L295
version took effect are UNVERIFIED (see the notes in the data and the docstrings).

.. seealso:: Code électoral, art. L279, LO276, L294, L295 and the annexed tableaux n° 5 and n° 6.
"""

from __future__ import annotations

import difflib
import functools
import json
import re
import unicodedata
import warnings
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from enum import Enum
from importlib import resources
from typing import Any

from .._mapping import FrozenMap
from ..errors import InvalidArgumentError, UnknownConstituencyError, UnsupportedEraError

__all__ = [
    "LAST_YEAR",
    "Constituency",
    "Kind",
    "Mode",
    "Renewal",
    "SenatePlace",
    "SeriesTable",
    "TableRow",
    "TableStage",
    "TableVersion",
    "expand_range",
    "lookup",
    "proportional_from",
    "renewal",
    "renewal_years",
    "seats",
    "series",
    "series_seats",
    "tableau5",
    "tableau5_versions",
    "tableau6",
    "voting_mode",
    "voting_mode_basis",
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


def _as_date(on: date | int, what: str = "on") -> date:
    """A date, or 1 September of a year: renewals are held in late September."""
    if isinstance(on, bool) or not isinstance(on, (date, int)):
        raise InvalidArgumentError(f"{what} must be a datetime.date or a year (int), not {on!r}")
    if isinstance(on, int):
        if not 1 <= on <= 9999:
            raise InvalidArgumentError(f"{what} = {on} is not a year")
        return date(on, 9, 1)
    if isinstance(on, datetime):
        return on.date()
    return on


def _as_day(on: date | None) -> date | None:
    """A date (a datetime is cut to its day); a year is refused, since the stages change mid-year."""
    if on is None:
        return None
    if not isinstance(on, date):
        raise InvalidArgumentError(f"on must be a datetime.date or None, not {on!r}")
    return _as_date(on)


def _era(on: date | int) -> _Era:
    when = _as_date(on)
    if when < _ERAS[0].start:
        raise UnsupportedEraError(
            f"{on}: the Senate voting-mode rule is implemented from the 1964 codification of the "
            "Code électoral (art. L294/L295) onward"
        )
    return next(era for era in reversed(_ERAS) if era.start <= when)


def proportional_from(on: date | int) -> int:
    """The fewest seats for which a constituency votes by proportional representation.

    A year stands for that year's September renewal. Eras (art. L294/L295): 5 seats from the
    1964 codification, 3 under loi n° 2000-641 (the 2001 renewal), 4 under loi n° 2003-697
    (2004, 2008, 2011), 3 under loi n° 2013-702 (2014 onward). The first day of each era is the
    day the law was published in the Journal officiel (11 July 2000, 31 July 2003, 3 August
    2013; 27 October 1964 for the codification): exact to the day UNVERIFIED, but every era
    starts well before a September renewal.

    :param on: the date of the election, or its year.
    :raises UnsupportedEraError: before the 1964 codification.
    :raises InvalidArgumentError: when ``on`` is neither a date nor an int.

    >>> [proportional_from(y) for y in (1998, 2001, 2011, 2014)]
    [5, 3, 4, 3]

    .. seealso:: Code électoral, art. L294 and L295.
    """
    return _era(on).proportional_from


def voting_mode_basis(on: date | int) -> str:
    """The legal basis of the voting-mode rule in force on ``on`` (a date or a year).

    >>> voting_mode_basis(2011)
    'Code électoral, art. L294 et L295 (rédaction de la loi n° 2003-697 du 30 juillet 2003)'

    .. seealso:: Code électoral, art. L294 and L295.
    """
    return _era(on).law


def voting_mode(seats: int, on: date | int, *, kind: Kind | None = None) -> Mode:
    """The voting mode of a constituency electing ``seats`` senators at the renewal held on ``on``.

    Proportional from :func:`proportional_from` seats, majoritarian below. The Français établis
    hors de France (``kind=Kind.FRENCH_ABROAD``) always vote by proportional representation in
    the eras covered by the tables (6 or 4 seats per series; the texts that govern their vote,
    loi n° 83-390 and loi organique n° 83-499 as amended, are UNVERIFIED here).

    :param seats: the seats to fill in the constituency (a positive int).
    :param on: the date of the renewal, or its year.
    :param kind: the kind of constituency; only ``Kind.FRENCH_ABROAD`` changes the answer.
    :raises InvalidArgumentError: for seats that are not a positive int.
    :raises UnsupportedEraError: before the 1964 codification.

    >>> [voting_mode(n, year).name for n, year in ((4, 2011), (3, 2011), (3, 2014))]
    ['PROPORTIONAL', 'MAJORITARIAN', 'PROPORTIONAL']
    >>> voting_mode(4, 1998).name
    'MAJORITARIAN'

    .. seealso:: Code électoral, art. L294 and L295.
    """
    if isinstance(seats, bool) or not isinstance(seats, int) or seats < 1:
        raise InvalidArgumentError(f"seats ({seats!r}) must be a positive int (art. L294/L295)")
    threshold = proportional_from(on)
    if kind is Kind.FRENCH_ABROAD:
        return Mode.PROPORTIONAL
    return Mode.PROPORTIONAL if seats >= threshold else Mode.MAJORITARIAN


# --------------------------------------------------------------------------- records


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
        place = lookup(name_or_code)
        for c in self.constituencies:
            if c.name == place.name:
                return c
        raise UnknownConstituencyError(
            f"{place.name!r} does not vote at the {self.year} renewal (série {self.series})"
        )


# --------------------------------------------------------------------------- data loading


def _read(name: str) -> Any:
    folder = resources.files("electoral_rules.france").joinpath("data")
    return json.loads(folder.joinpath(name).read_text(encoding="utf-8"))


def _key(text: str) -> str:
    """Case-, accent- and punctuation-insensitive key: "Côte d'Or" -> "cotedor"."""
    folded = unicodedata.normalize("NFKD", text.casefold())
    key = "".join(ch for ch in folded if ch.isalnum() and not unicodedata.combining(ch))
    return "0" + key if len(key) == 1 and key.isdigit() else key


@dataclass(frozen=True, slots=True)
class _Data:
    places: tuple[SenatePlace, ...]
    by_key: Mapping[str, SenatePlace]
    kinds: Mapping[str, tuple[tuple[date, Kind], ...]]
    versions: tuple[TableVersion, ...]
    renewals: Mapping[int, Mapping[str, Any]]
    cycle: Mapping[str, Any]


def _place_kinds(t6: Any, others: Any) -> dict[str, tuple[tuple[date, Kind], ...]]:
    kinds: dict[str, tuple[tuple[date, Kind], ...]] = {
        row["name"]: ((date(1, 1, 1), Kind(row["kind"])),) for row in t6["rows"]
    }
    for row in others["rows"]:
        kinds[row["name"]] = tuple((date.fromisoformat(d), Kind(k)) for d, k in row["kinds"])
    return kinds


@functools.cache
def _data() -> _Data:
    t6, others, t5, ren = (
        _read(f"senate_{n}.json") for n in ("tableau6", "constituencies", "tableau5", "renewals")
    )
    extra_aliases: dict[str, list[str]] = others.get("aliases", {})
    places: list[SenatePlace] = []
    for position, row in enumerate(t6["rows"], start=1):
        aliases = tuple(dict.fromkeys((row["printed"], row["name"], *extra_aliases.get(row["printed"], ()))))
        places.append(
            SenatePlace(
                name=row["name"],
                printed_name=row["printed"],
                code=row["code"],
                tableau6_seats=row["seats"],
                position=position,
                aliases=aliases,
            )
        )
    for row in others["rows"]:
        aliases = tuple(dict.fromkeys((row["printed"], row["name"], *row.get("aliases", ()))))
        places.append(SenatePlace(name=row["name"], printed_name=row["printed"], code=row["code"], aliases=aliases))
    by_key: dict[str, SenatePlace] = {}
    for place in places:
        for text in (*place.aliases, *((place.code,) if place.code else ())):
            previous = by_key.setdefault(_key(text), place)
            if previous is not place:  # pragma: no cover - guards the packaged data
                raise InvalidArgumentError(f"{text!r} names both {previous.name!r} and {place.name!r}")
    data_by_key = FrozenMap(by_key)
    versions = tuple(_version(v, data_by_key, places) for v in t5["versions"])
    renewals = {r["year"]: r for r in ren["renewals"]}
    return _Data(
        tuple(places),
        data_by_key,
        FrozenMap(_place_kinds(t6, others)),
        versions,
        FrozenMap(renewals),
        FrozenMap(ren["cycle"]),
    )


def _row(raw: Any, by_key: Mapping[str, SenatePlace], places: list[SenatePlace]) -> TableRow:
    if "members" in raw:
        members = tuple(by_key[_key(m)] for m in raw["members"])
    else:
        first, last = by_key[_key(raw["first"])], by_key[_key(raw["last"])]
        excluded = {by_key[_key(e)].name for e in raw.get("except", ())}
        members = tuple(p for p in _slice(first, last, places) if p.name not in excluded)
    outside: Mapping[str, int] = raw.get("seats_outside_tableau_6", {})
    seats: dict[str, int] = {}
    for place in members:
        if len(members) == 1:
            seats[place.name] = raw["seats"]
        elif place.tableau6_seats is not None:
            seats[place.name] = place.tableau6_seats
        elif place.printed_name in outside:
            seats[place.name] = outside[place.printed_name]
    consistent = len(seats) == len(members) and sum(seats.values()) == raw["seats"]
    return TableRow(
        printed=raw["printed"],
        seats=raw["seats"],
        places=members,
        place_seats=FrozenMap(seats) if consistent else None,
    )


def _slice(first: SenatePlace, last: SenatePlace, places: Iterable[SenatePlace]) -> tuple[SenatePlace, ...]:
    if first.position is None or last.position is None or first.position > last.position:
        raise InvalidArgumentError(
            f"{first.printed_name!r} à {last.printed_name!r} is not a range of tableau n° 6"
        )
    low, high = first.position, last.position
    return tuple(p for p in places if p.position is not None and low <= p.position <= high)


def _version(raw: Any, by_key: Mapping[str, SenatePlace], places: list[SenatePlace]) -> TableVersion:
    stages = tuple(
        TableStage(
            from_renewal=stage["from_renewal"],
            series=tuple(
                SeriesTable(
                    series=s["series"],
                    departments=tuple(_row(r, by_key, places) for r in s["departments"]),
                    others=tuple(_row(r, by_key, places) for r in s["others"]),
                    printed_departments_total=s["departments_printed_total"],
                    printed_total=s["printed_total"],
                    note=s.get("note", ""),
                )
                for s in stage["series"]
            ),
        )
        for stage in raw["stages"]
    )
    until = raw["in_force_until"]
    return TableVersion(
        id=raw["id"],
        law=raw["law"],
        in_force_from=date.fromisoformat(raw["in_force_from"]),
        in_force_until=date.fromisoformat(until) if until else None,
        source=raw["source"],
        notes=tuple(raw["notes"]),
        stages=stages,
    )


# --------------------------------------------------------------------------- lookup


def lookup(name_or_code: str) -> SenatePlace:
    """Find a constituency by printed name, modern name or INSEE code.

    Case, accents, spaces and punctuation are ignored; a one-digit code is read with its
    leading zero ("1" is "01").

    :raises UnknownConstituencyError: when nothing matches; the message lists close names.
    :raises InvalidArgumentError: when ``name_or_code`` is not a string.

    >>> lookup("Rhin (Bas-)").name, lookup("bas rhin").code, lookup("2a").printed_name
    ('Bas-Rhin', '67', 'Corse-du-Sud')
    >>> try:
    ...     lookup("Bas-Rhinn")
    ... except UnknownConstituencyError as err:
    ...     print(err)
    unknown Senate constituency 'Bas-Rhinn'; did you mean 'Bas-Rhin', 'Haut-Rhin'?
    """
    if not isinstance(name_or_code, str):
        raise InvalidArgumentError(
            f"a constituency is named by a str (name or INSEE code), not {name_or_code!r}"
        )
    data = _data()
    key = _key(name_or_code)
    if key in data.by_key:
        return data.by_key[key]
    keys = list(data.by_key)
    close = [k for k in keys if key and key in k] + difflib.get_close_matches(key, keys, n=6, cutoff=0.6)
    names = list(dict.fromkeys(data.by_key[k].name for k in close))[:3]
    hint = "; did you mean " + ", ".join(repr(n) for n in names) + "?" if names else ""
    raise UnknownConstituencyError(f"unknown Senate constituency {name_or_code!r}{hint}")


def _kind(place: SenatePlace, on: date) -> Kind:
    history = _data().kinds[place.name]
    if on < history[0][0]:
        raise UnsupportedEraError(f"{place.name!r} did not exist as a constituency on {on.isoformat()}")
    return next(kind for start, kind in reversed(history) if start <= on)


def tableau6() -> tuple[SenatePlace, ...]:
    """The departments of tableau n° 6 (loi n° 2003-697) in the table's own order.

    >>> t6 = tableau6()
    >>> len(t6), sum(p.tableau6_seats or 0 for p in t6)
    (100, 326)
    >>> [p.printed_name for p in t6[11:14]]
    ['Aveyron', 'Belfort (Territoire de)', 'Bouches-du-Rhône']

    .. seealso:: Code électoral, art. L279 and tableau n° 6.
    """
    return tuple(p for p in _data().places if p.position is not None)


_RANGE = re.compile(
    r"^(?P<first>.+?) à (?P<last>.+?)\s*(?:\(?\s*à l'exception de (?:la |le |l')?(?P<except>[^)]+?)\)?)?$"
)


def expand_range(text: str) -> tuple[SenatePlace, ...]:
    """Expand a row of tableau n° 5 to its places, in the order of tableau n° 6.

    Accepts a range ("Ain à Indre"), a range with an exception ("Bas-Rhin à Yonne (à
    l'exception de la Seine-et-Marne)") or a list ("Guadeloupe, Martinique, La Réunion").

    :raises UnknownConstituencyError: for a name that matches nothing.
    :raises InvalidArgumentError: when the ends are not in that order in tableau n° 6.

    >>> ain_indre = expand_range("Ain à Indre")
    >>> len(ain_indre), sum(p.tableau6_seats or 0 for p in ain_indre)
    (38, 103)
    >>> [p.name for p in expand_range("Essonne à Yvelines")][:3]
    ['Essonne', 'Paris', 'Hauts-de-Seine']

    .. seealso:: Code électoral, tableaux n° 5 and n° 6.
    """
    if not isinstance(text, str):
        raise InvalidArgumentError(f"a row of tableau n° 5 is a str, not {text!r}")
    match = _RANGE.match(text.strip())
    if match is None:
        return tuple(lookup(part) for part in text.split(",") if part.strip())
    excluded = {lookup(e).name for e in (match["except"],) if e}
    span = _slice(lookup(match["first"]), lookup(match["last"]), _data().places)
    return tuple(p for p in span if p.name not in excluded)


# --------------------------------------------------------------------------- tableau n° 5 by date


def tableau5_versions() -> tuple[TableVersion, ...]:
    """Every version of tableau n° 5 in the package, oldest first.

    >>> [(v.id, v.in_force_until) for v in tableau5_versions()][-1]
    ('2011-03-31', None)

    .. seealso:: Code électoral, art. LO276 and tableau n° 5.
    """
    return _data().versions


def _first_version_error(on: date) -> UnsupportedEraError:
    return UnsupportedEraError(
        f"{on.isoformat()}: the first version of tableau n° 5 with seat figures (loi n° 2004-404) came "
        "into force on 2004-05-11; the 1986 text has no seat figures and the earlier tableau n° 6 is "
        "not in this package"
    )


def tableau5(on: date | None = None) -> TableVersion:
    """The version of tableau n° 5 in force on ``on`` (the current one when ``on`` is None).

    :raises UnsupportedEraError: before 11 May 2004 (first version with seat figures).

    >>> tableau5(date(2008, 9, 21)).law
    'loi n° 2007-224 et loi organique n° 2007-223 du 21 février 2007'

    .. seealso:: Code électoral, art. LO276 and tableau n° 5.
    """
    versions = _data().versions
    when = _as_day(on)
    if when is None:
        return versions[-1]
    for version in reversed(versions):
        if version.in_force_from <= when:
            return version
    raise _first_version_error(when)


def _renewal_day(year: int) -> date | None:
    raw = _data().renewals.get(year)
    return date.fromisoformat(raw["date"]) if raw and raw.get("date") else None


def _stage_on(on: date | None) -> tuple[TableVersion, TableStage]:
    """The version in force and the latest of its stages whose renewal was held by ``on``."""
    version = tableau5(on)
    if on is None:
        return version, version.stages[-1]
    held = [s for s in version.stages if (day := _renewal_day(s.from_renewal)) is not None and day <= on]
    if not held:
        raise UnsupportedEraError(
            f"{on.isoformat()}: tableau n° 5 ({version.law}) takes effect at the renewal of 2004 "
            "(26 September 2004); before it the series have no seat figures in this package"
        )
    return version, held[-1]


def series_seats(name_or_code: str, *, on: date | None = None) -> FrozenMap[str, int]:
    """The seats of a constituency in each series, per tableaux n° 5 and n° 6 on ``on``.

    ``on=None`` reads the current table. A stage of tableau n° 5 applies from the renewal it
    names (26 September 2004, 21 September 2008, 25 September 2011: dates UNVERIFIED except as
    noted in the data).

    :raises UnknownConstituencyError: for an unknown name, or one not in the table on ``on``.
    :raises UnsupportedEraError: before the 2004 renewal, or where the table's transitional
        figure (2004 stage of séries A and B) cannot be split between departments because the
        earlier tableau n° 6 is absent.

    >>> dict(series_seats("FEHF"))
    {'1': 6, '2': 6}
    >>> dict(series_seats("Paris", on=date(2010, 1, 1)))
    {'C': 12}

    .. seealso:: Code électoral, art. LO276, L279, tableaux n° 5 and n° 6.
    """
    place, rows, version, stage, when = _rows_of(name_or_code, on)
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
    name_or_code: str, on: date | None
) -> tuple[SenatePlace, list[tuple[str, TableRow]], TableVersion, TableStage, date | None]:
    """The place, its rows (with their series) in the stage in force on ``on``, and that stage."""
    place = lookup(name_or_code)
    when = _as_day(on)
    version, stage = _stage_on(when)
    rows = [(table.series, row) for table in stage.series for row in table.rows if place in row.places]
    if not rows:
        raise UnknownConstituencyError(
            f"{place.name!r} is not listed in tableau n° 5 ({version.law}, stage from the "
            f"{stage.from_renewal} renewal) in force on {when or 'the current date of the table'}"
        )
    return place, rows, version, stage, when


def seats(name_or_code: str, *, on: date | None = None) -> int:
    """The number of senators of a constituency, per tableaux n° 5 and n° 6 on ``on``.

    For the Français établis hors de France this is the total over the series (12).
    See :func:`series_seats` for the errors.

    >>> seats("Nord"), seats("Mayotte"), seats("Français établis hors de France")
    (11, 2, 12)
    >>> seats("Polynésie française", on=date(2005, 1, 1))
    1

    .. seealso:: Code électoral, art. L279, LO276, tableaux n° 5 and n° 6.
    """
    return sum(series_seats(name_or_code, on=on).values())


def series(name_or_code: str, *, on: date | None = None) -> str:
    """The series of a constituency on ``on`` (the current table when ``on`` is None).

    :raises InvalidArgumentError: for the Français établis hors de France, who elect senators
        in every series (use :func:`series_seats`).

    >>> series("Territoire de Belfort"), series("Seine-et-Marne"), series("Bas-Rhin")
    ('2', '1', '2')
    >>> series("Ain", on=date(2009, 1, 1))
    'A'

    .. seealso:: Code électoral, art. LO276 and tableau n° 5.
    """
    place, rows, _, _, _ = _rows_of(name_or_code, on)
    labels = list(dict.fromkeys(label for label, _ in rows))
    if len(labels) != 1:
        raise InvalidArgumentError(
            f"{place.name!r} elects senators in several series ({', '.join(labels)}); use series_seats()"
        )
    return labels[0]


# --------------------------------------------------------------------------- renewals


def _renewal_entry(year: int) -> Mapping[str, Any]:
    data = _data()
    if year in data.renewals:
        return data.renewals[year]
    cycle = data.cycle
    after, every = cycle["after"], cycle["every"]
    if year > after and (year - after) % every == 0:
        labels = cycle["series"]
        return {"year": year, "date": None, "series": labels[((year - after) // every - 1) % len(labels)]}
    held = ", ".join(str(y) for y in sorted(data.renewals))
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
    day = date.fromisoformat(entry["date"]) if entry.get("date") else None
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
    kind = _kind(place, when)
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


def __getattr__(name: str) -> Any:
    if name == "Place":
        warnings.warn(
            "senate_tables.Place is deprecated: use senate_tables.SenatePlace", DeprecationWarning, stacklevel=2
        )
        return SenatePlace
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
