"""The Senate's packaged tables, read on first use, and the lookup of a place by name.

The files under ``electoral_rules/france/data/`` (``senate_tableau6.json``,
``senate_tableau5.json``, ``senate_constituencies.json``, ``senate_renewals.json``) record
their legal source, version and in-force dates next to the figures. They are read once, on
the first call that needs them, from the folder beside this package
(``pathlib.Path(__file__)``: importing the library opens no file).

>>> lookup("Rhin (Bas-)").code, len(tableau6()), len(tableau5_versions())
('67', 100, 4)

.. seealso:: Code électoral, art. L279, LO276 and the annexed tableaux n° 5 and n° 6.
"""

from __future__ import annotations

import difflib
import functools
import json
import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from ..._mapping import FrozenMap
from ...errors import InvalidArgumentError, UnknownConstituencyError, UnsupportedEraError
from .records import Kind, SenatePlace, SeriesTable, TableRow, TableStage, TableVersion

__all__ = [
    "DATA",
    "expand_range",
    "lookup",
    "place_kind",
    "places",
    "renewal_cycle",
    "renewal_records",
    "tableau5_versions",
    "tableau6",
]

DATA = Path(__file__).parent.parent / "data"
"""The folder of the packaged French tables (``electoral_rules/france/data``)."""


def _read(name: str) -> Any:
    return json.loads((DATA / name).read_text(encoding="utf-8"))

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
    known: list[SenatePlace] = []
    for position, row in enumerate(t6["rows"], start=1):
        aliases = tuple(dict.fromkeys((row["printed"], row["name"], *extra_aliases.get(row["printed"], ()))))
        known.append(
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
        known.append(SenatePlace(name=row["name"], printed_name=row["printed"], code=row["code"], aliases=aliases))
    by_key: dict[str, SenatePlace] = {}
    for place in known:
        for text in (*place.aliases, *((place.code,) if place.code else ())):
            previous = by_key.setdefault(_key(text), place)
            if previous is not place:  # pragma: no cover - guards the packaged data
                raise InvalidArgumentError(f"{text!r} names both {previous.name!r} and {place.name!r}")
    data_by_key = FrozenMap(by_key)
    versions = tuple(_version(v, data_by_key, known) for v in t5["versions"])
    renewals = {r["year"]: r for r in ren["renewals"]}
    return _Data(
        tuple(known),
        data_by_key,
        FrozenMap(_place_kinds(t6, others)),
        versions,
        FrozenMap(renewals),
        FrozenMap(ren["cycle"]),
    )


def _row(raw: Any, by_key: Mapping[str, SenatePlace], known: list[SenatePlace]) -> TableRow:
    if "members" in raw:
        members = tuple(by_key[_key(m)] for m in raw["members"])
    else:
        first, last = by_key[_key(raw["first"])], by_key[_key(raw["last"])]
        excluded = {by_key[_key(e)].name for e in raw.get("except", ())}
        members = tuple(p for p in _slice(first, last, known) if p.name not in excluded)
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


def _version(raw: Any, by_key: Mapping[str, SenatePlace], known: list[SenatePlace]) -> TableVersion:
    stages = tuple(
        TableStage(
            from_renewal=stage["from_renewal"],
            series=tuple(
                SeriesTable(
                    series=s["series"],
                    departments=tuple(_row(r, by_key, known) for r in s["departments"]),
                    others=tuple(_row(r, by_key, known) for r in s["others"]),
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


def tableau5_versions() -> tuple[TableVersion, ...]:
    """Every version of tableau n° 5 in the package, oldest first.

    >>> [(v.id, v.in_force_until) for v in tableau5_versions()][-1]
    ('2011-03-31', None)

    .. seealso:: Code électoral, art. LO276 and tableau n° 5.
    """
    return _data().versions


def places() -> tuple[SenatePlace, ...]:
    """Every place the tables know: tableau n° 6 in its order, then the other constituencies.

    >>> [p.name for p in places()][-1]
    'Français établis hors de France'
    """
    return _data().places


def place_kind(place: SenatePlace, day: date) -> Kind:
    """The kind of territory ``place`` was on ``day`` (its history is in the packaged data).

    :raises UnsupportedEraError: before the place existed as a constituency.
    :raises InvalidArgumentError: for a ``place`` or ``day`` of another type.

    >>> place_kind(lookup("Mayotte"), date(2011, 9, 25)).name
    'OVERSEAS_DEPARTMENT'
    """
    if not isinstance(place, SenatePlace) or not isinstance(day, date) or isinstance(day, datetime):
        raise InvalidArgumentError(f"place_kind takes a SenatePlace and a datetime.date, not {place!r}, {day!r}")
    history = _data().kinds[place.name]
    if day < history[0][0]:
        raise UnsupportedEraError(f"{place.name!r} did not exist as a constituency on {day.isoformat()}")
    return next(kind for start, kind in reversed(history) if start <= day)


def renewal_records() -> Mapping[int, Mapping[str, Any]]:
    """The renewals recorded in ``senate_renewals.json``, by year (date, series, notes, seats added).

    >>> renewal_records()[2014]["series"]
    '2'
    """
    return _data().renewals


def renewal_cycle() -> Mapping[str, Any]:
    """The cycle the series follow after the last recorded renewal (``after``, ``every``, ``series``).

    >>> dict(renewal_cycle())
    {'every': 3, 'after': 2026, 'series': ['1', '2']}
    """
    return _data().cycle
