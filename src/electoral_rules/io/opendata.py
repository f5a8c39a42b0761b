"""Open data out and in: tallies, allocations and round outcomes as JSON and CSV.

Both formats carry **integers and strings only** (no floats): counts are integers, exact
ratios (a quotient, a threshold's share, a tied average) are strings such as ``"1917/3"``,
flags are the integers 0 and 1. Reading back gives records equal to the ones written, field
for field; only the calculation's ``trace`` is not stored (recompute to explain). The field
names are stable and documented in ``docs/howto/open-data.md``; every document starts with
``kind`` (``"tally"``, ``"allocation"`` or ``"round"``) and ``version`` (2: the method is a
:class:`~electoral_rules.Method` value and notes are structured
:class:`~electoral_rules.Note` records; version 1 stored them as English text and is refused).

>>> from electoral_rules import Tally
>>> t = Tally(votes={"A": 1023, "B": 258}, registered=1700, voters=1300, blank=10, null=9)
>>> text = to_json(t)
>>> print(text)
{"kind": "tally", "version": 2, "options": [{"name": "A", "votes": 1023}, {"name": "B", "votes": 258}],
 "registered": 1700, "voters": 1300, "blank": 10, "null": 9, "expressed": 1281, "names_per_ballot": 1}
>>> from_json(text) == t
True
>>> for line in to_csv(t).splitlines():  # lines end in CRLF (RFC 4180)
...     print(line)
field,name,value
kind,,tally
version,,2
votes,A,1023
votes,B,258
registered,,1700
voters,,1300
blank,,10
null,,9
expressed,,1281
names_per_ballot,,1
>>> from_csv(to_csv(t)) == t
True
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
from collections.abc import Mapping
from fractions import Fraction
from pathlib import Path
from typing import Any

from .._exact import shown
from .._json import MAX_DIGITS, loads
from .._mapping import FrozenMap
from ..errors import ElectoralRulesError, InvalidArgumentError, OfficialFileError
from ..outcome import Allocation, Method, Note, NoteKind, NoteValue, RoundOutcome, Threshold, Tie
from ..tally import Tally
from ._safexml import check_path

__all__ = [
    "FORMAT_VERSION",
    "Record",
    "from_csv",
    "from_dict",
    "from_json",
    "load",
    "save",
    "to_csv",
    "to_dict",
    "to_json",
]

FORMAT_VERSION = 2
"""The version written in every document; readers refuse other versions."""

Record = Tally | Allocation | RoundOutcome
"""What can be written and read back."""

_COUNTS = ("registered", "voters", "blank", "null", "expressed")
_INT = re.compile(r"-?[0-9]+\Z")
_FRACTION = re.compile(r"-?[0-9]+(?:/[0-9]+)?\Z")


def _fail(message: str, element: str) -> OfficialFileError:
    return OfficialFileError(message, element=element)


def _ratio(value: Fraction | None) -> str | None:
    return None if value is None else str(value)


def _read_ratio(value: object, element: str) -> Fraction:
    if (
        not isinstance(value, str)
        or len(value) > 2 * MAX_DIGITS
        or not _FRACTION.match(value)
        or value.endswith("/0")
    ):
        raise _fail(f"{shown(value)} is not an exact ratio such as '1917/3'", element)
    return Fraction(value)


def _int(value: object, element: str) -> int:
    """A count (never negative) read from a document."""
    if isinstance(value, bool) or not isinstance(value, int):
        raise _fail(f"{shown(value)} is not an integer", element)
    if value < 0:
        raise _fail(f"{shown(value)} is negative", element)
    return value


def _str(value: object, element: str) -> str:
    if not isinstance(value, str):
        raise _fail(f"{shown(value)} is not a string", element)
    return value


def _strs(value: object, element: str) -> tuple[str, ...]:
    if not isinstance(value, list):
        raise _fail(f"{shown(value)} is not a list of strings", element)
    return tuple(_str(item, element) for item in value)


def _names(value: object, element: str, known: Mapping[str, object], seen: set[str]) -> tuple[str, ...]:
    """Names of the tally, each given once across the lists sharing ``seen``."""
    result = _strs(value, element)
    for name in result:
        if name not in known:
            raise _fail(f"{name[:60]!r} is not an option of the tally", element)
        if name in seen:
            raise _fail(f"{name[:60]!r} is given twice", element)
        seen.add(name)
    return result


def _flag(value: object, element: str) -> bool:
    if isinstance(value, bool) or value not in (0, 1):
        raise _fail(f"{shown(value)} must be 0 or 1", element)
    return value == 1


# ---------------------------------------------------------------------------------------
# records <-> plain dicts


def _tally_dict(tally: Tally) -> dict[str, Any]:
    data: dict[str, Any] = {
        "kind": "tally",
        "version": FORMAT_VERSION,
        "options": [{"name": name, "votes": votes} for name, votes in tally.votes.items()],
    }
    for key in _COUNTS:
        value = getattr(tally, key)
        if value is not None:
            data[key] = value
    data["names_per_ballot"] = tally.names_per_ballot
    return data


def _threshold_dict(item: Threshold) -> dict[str, Any]:
    return {
        "name": item.name,
        "share": str(item.share),
        "base": item.base,
        "base_count": item.base_count,
        "inclusive": int(item.inclusive),
        "legal_basis": item.legal_basis,
    }


def _tie_dict(tie: Tie) -> dict[str, Any]:
    data: dict[str, Any] = {
        "contenders": list(tie.contenders),
        "seats": tie.seats,
        "stage": tie.stage,
        "winners": list(tie.winners),
        "resolved_by": list(tie.resolved_by),
    }
    if tie.still_tied:
        data["still_tied"] = list(tie.still_tied)
    if tie.value is not None:
        data["value"] = str(tie.value)
    return data


def _note_dict(note: Note) -> dict[str, Any]:
    values: dict[str, Any] = {}
    for key, value in note.values.items():
        if isinstance(value, tuple):
            values[key] = list(value)
        elif isinstance(value, FrozenMap):
            values[key] = dict(value)
        elif isinstance(value, Fraction):
            values[key] = str(value)
        else:
            values[key] = value
    return {"kind": note.kind.value, "values": values}


def _allocation_dict(allocation: Allocation) -> dict[str, Any]:
    lists: list[dict[str, Any]] = []
    for name, seats in allocation.seats.items():
        item: dict[str, Any] = {"name": name, "votes": allocation.votes.get(name, 0), "seats": seats}
        if name in allocation.bonus:
            item["bonus"] = allocation.bonus[name]
        item["excluded"] = int(name in allocation.excluded)
        if name in allocation.elected:
            item["elected"] = list(allocation.elected[name])
        if name in allocation.vacancies:
            item["vacancies"] = allocation.vacancies[name]
        lists.append(item)
    data: dict[str, Any] = {
        "kind": "allocation",
        "version": FORMAT_VERSION,
        "method": allocation.method.value,
        "house": allocation.house,
        "legal_basis": allocation.legal_basis,
        "lists": lists,
    }
    if allocation.quotient is not None:
        data["quotient"] = str(allocation.quotient)
    if allocation.threshold is not None:
        data["threshold"] = _threshold_dict(allocation.threshold)
    data["ties"] = [_tie_dict(tie) for tie in allocation.ties]
    data["notes"] = [_note_dict(note) for note in allocation.notes]
    return data


def _outcome_dict(outcome: RoundOutcome) -> dict[str, Any]:
    return {
        "kind": "round",
        "version": FORMAT_VERSION,
        "election": outcome.election,
        "method": outcome.method.value,
        "round": outcome.round,
        "seats": outcome.house,
        "legal_basis": outcome.legal_basis,
        "tally": _tally_dict(outcome.tally),
        "elected": list(outcome.elected),
        "qualified": list(outcome.qualified),
        "eliminated": list(outcome.eliminated),
        "thresholds": [_threshold_dict(item) for item in outcome.thresholds.values()],
        "ties": [_tie_dict(tie) for tie in outcome.ties],
        "notes": [_note_dict(note) for note in outcome.notes],
    }


def to_dict(record: Record) -> dict[str, Any]:
    """A record as plain JSON-able data (``dict``, ``list``, ``str``, ``int`` only).

    >>> from electoral_rules.apportionment import dhondt
    >>> to_dict(dhondt({"A": 1023, "B": 258, "C": 253}, 5))["lists"][0]
    {'name': 'A', 'votes': 1023, 'seats': 4, 'excluded': 0}
    """
    try:
        if isinstance(record, Tally):
            return _tally_dict(record)
        if isinstance(record, Allocation):
            return _allocation_dict(record)
        if isinstance(record, RoundOutcome):
            return _outcome_dict(record)
    except ValueError as err:
        if isinstance(err, ElectoralRulesError):
            raise
        # str() of a ratio of 4 300+ digits (Python's limit on writing an int)
        raise InvalidArgumentError(f"cannot write this {type(record).__name__}: {err}") from None
    raise InvalidArgumentError(
        f"cannot write {type(record).__name__}; expected a Tally, Allocation or RoundOutcome"
    )


def _check_keys(data: Mapping[str, Any], allowed: set[str], required: set[str], element: str) -> None:
    unknown = sorted(set(data) - allowed)
    if unknown:
        raise _fail(f"unknown field(s) {', '.join(map(repr, unknown))}", element)
    missing = sorted(required - set(data))
    if missing:
        raise _fail(f"missing field(s) {', '.join(map(repr, missing))}", element)


def _read_tally(data: object, element: str = "tally") -> Tally:
    if not isinstance(data, Mapping):
        raise _fail("a tally must be an object", element)
    _check_keys(data, {"kind", "version", "options", *_COUNTS, "names_per_ballot"}, {"options"}, element)
    options = data["options"]
    if not isinstance(options, list):
        raise _fail("'options' must be a list", f"{element}/options")
    votes: dict[str, int] = {}
    for index, option in enumerate(options):
        where = f"{element}/options[{index}]"
        if not isinstance(option, Mapping):
            raise _fail("an option must be an object with 'name' and 'votes'", where)
        _check_keys(option, {"name", "votes"}, {"name", "votes"}, where)
        name = _str(option["name"], f"{where}/name")
        if name in votes:
            raise _fail(f"duplicate option {name!r}", f"{where}/name")
        votes[name] = _int(option["votes"], f"{where}/votes")
    counts = {key: _int(data[key], f"{element}/{key}") for key in _COUNTS if key in data}
    per_ballot = _int(data.get("names_per_ballot", 1), f"{element}/names_per_ballot")
    try:
        return Tally(votes=votes, names_per_ballot=per_ballot, **counts)
    except ElectoralRulesError as err:
        raise _fail(str(err), element) from None


def _read_threshold(data: object, element: str) -> Threshold:
    if not isinstance(data, Mapping):
        raise _fail("a threshold must be an object", element)
    fields = {"name", "share", "base", "base_count", "inclusive", "legal_basis"}
    _check_keys(data, fields, fields - {"legal_basis"}, element)
    return Threshold(
        name=_str(data["name"], f"{element}/name"),
        share=_read_ratio(data["share"], f"{element}/share"),
        base=_str(data["base"], f"{element}/base"),
        base_count=_int(data["base_count"], f"{element}/base_count"),
        inclusive=_flag(data["inclusive"], f"{element}/inclusive"),
        legal_basis=_str(data.get("legal_basis", ""), f"{element}/legal_basis"),
    )


def _read_tie(data: object, element: str) -> Tie:
    if not isinstance(data, Mapping):
        raise _fail("a tie must be an object", element)
    fields = {"contenders", "seats", "stage", "winners", "resolved_by", "still_tied", "value"}
    _check_keys(data, fields, {"contenders", "seats"}, element)
    return Tie(
        contenders=_strs(data["contenders"], f"{element}/contenders"),
        seats=_int(data["seats"], f"{element}/seats"),
        value=_read_ratio(data["value"], f"{element}/value") if "value" in data else None,
        stage=_str(data.get("stage", "last seat"), f"{element}/stage"),
        winners=_strs(data.get("winners", []), f"{element}/winners"),
        resolved_by=_strs(data.get("resolved_by", []), f"{element}/resolved_by"),
        still_tied=_strs(data.get("still_tied", []), f"{element}/still_tied"),
    )


def _read_method(value: object, element: str) -> Method:
    text = _str(value, element)
    try:
        return Method(text)
    except ValueError:
        raise _fail(f"{text!r} is not a method of electoral_rules.Method", element) from None


def _read_note(data: object, element: str) -> Note:
    if not isinstance(data, Mapping):
        raise _fail("a note must be an object with 'kind' and 'values'", element)
    _check_keys(data, {"kind", "values"}, {"kind", "values"}, element)
    name = _str(data["kind"], f"{element}/kind")
    try:
        kind = NoteKind(name)
    except ValueError:
        raise _fail(f"{name!r} is not a note kind of electoral_rules.NoteKind", f"{element}/kind") from None
    raw = data["values"]
    if not isinstance(raw, Mapping):
        raise _fail("'values' must be an object", f"{element}/values")
    _check_keys(raw, set(kind.fields), set(kind.fields), f"{element}/values")
    values: dict[str, NoteValue] = {}
    for key, expected in kind.fields.items():
        where = f"{element}/values/{key}"
        if expected is tuple:
            values[key] = _strs(raw[key], where)
        elif expected is FrozenMap:
            counts = raw[key]
            if not isinstance(counts, Mapping):
                raise _fail(f"{shown(counts)} is not an object of counts by name", where)
            values[key] = FrozenMap((name, _int(count, f"{where}/{name}")) for name, count in counts.items())
        elif expected is Fraction:
            values[key] = _read_ratio(raw[key], where)
        elif expected is int:
            values[key] = _int(raw[key], where)
        else:
            values[key] = _str(raw[key], where)
    try:
        return Note(kind=kind, values=FrozenMap(values))
    except ElectoralRulesError as err:
        raise _fail(str(err), element) from None


def _read_notes(data: Mapping[str, Any], element: str) -> tuple[Note, ...]:
    return tuple(
        _read_note(note, f"{element}/notes[{i}]") for i, note in enumerate(_list_of(data, "notes", element))
    )


def _list_of(data: Mapping[str, Any], key: str, element: str) -> list[Any]:
    value = data.get(key, [])
    if not isinstance(value, list):
        raise _fail(f"'{key}' must be a list", f"{element}/{key}")
    return value


def _read_allocation(data: Mapping[str, Any]) -> Allocation:
    element = "allocation"
    fields = {
        "kind",
        "version",
        "method",
        "house",
        "legal_basis",
        "lists",
        "quotient",
        "threshold",
        "ties",
        "notes",
    }
    _check_keys(data, fields, {"method", "house", "lists"}, element)
    seats: dict[str, int] = {}
    votes: dict[str, int] = {}
    bonus: dict[str, int] = {}
    excluded: list[str] = []
    elected: dict[str, tuple[str, ...]] = {}
    vacancies: dict[str, int] = {}
    for index, item in enumerate(_list_of(data, "lists", element)):
        where = f"{element}/lists[{index}]"
        if not isinstance(item, Mapping):
            raise _fail("a list entry must be an object", where)
        _check_keys(
            item,
            {"name", "votes", "seats", "bonus", "excluded", "elected", "vacancies"},
            {"name", "seats"},
            where,
        )
        name = _str(item["name"], f"{where}/name")
        if name in seats:
            raise _fail(f"duplicate list {name!r}", f"{where}/name")
        seats[name] = _int(item["seats"], f"{where}/seats")
        votes[name] = _int(item.get("votes", 0), f"{where}/votes")
        if "bonus" in item:
            bonus[name] = _int(item["bonus"], f"{where}/bonus")
        if _flag(item.get("excluded", 0), f"{where}/excluded"):
            excluded.append(name)
        if "elected" in item:
            elected[name] = _strs(item["elected"], f"{where}/elected")
        if "vacancies" in item:
            vacancies[name] = _int(item["vacancies"], f"{where}/vacancies")
        for what, extra in (
            ("bonus", bonus.get(name, 0)),
            ("vacancies", vacancies.get(name, 0)),
            ("elected", len(elected.get(name, ()))),
        ):
            if extra > seats[name]:
                raise _fail(f"{what} ({extra}) exceed the list's {seats[name]} seats", f"{where}/{what}")
    house = _int(data["house"], f"{element}/house")
    if sum(seats.values()) > house:
        raise _fail(f"the lists hold {sum(seats.values())} seats, more than the house of {house}", element)
    return Allocation(
        seats=FrozenMap(seats),
        votes=FrozenMap(votes),
        house=house,
        method=_read_method(data["method"], f"{element}/method"),
        quotient=_read_ratio(data["quotient"], f"{element}/quotient") if "quotient" in data else None,
        threshold=_read_threshold(data["threshold"], f"{element}/threshold") if "threshold" in data else None,
        excluded=tuple(excluded),
        bonus=FrozenMap(bonus),
        ties=tuple(
            _read_tie(tie, f"{element}/ties[{i}]") for i, tie in enumerate(_list_of(data, "ties", element))
        ),
        legal_basis=_str(data.get("legal_basis", ""), f"{element}/legal_basis"),
        elected=FrozenMap(elected),
        vacancies=FrozenMap(vacancies),
        notes=_read_notes(data, element),
    )


def _read_outcome(data: Mapping[str, Any]) -> RoundOutcome:
    element = "round"
    fields = {
        "kind", "version", "election", "method", "round", "seats", "legal_basis", "tally", "elected",
        "qualified", "eliminated", "thresholds", "ties", "notes",
    }  # fmt: skip
    _check_keys(data, fields, {"election", "method", "round", "tally"}, element)
    thresholds = [
        _read_threshold(item, f"{element}/thresholds[{i}]")
        for i, item in enumerate(_list_of(data, "thresholds", element))
    ]
    if len({item.name for item in thresholds}) != len(thresholds):
        raise _fail("two thresholds have the same name", f"{element}/thresholds")
    tally = _read_tally(data["tally"], f"{element}/tally")
    seats = _int(data.get("seats", 1), f"{element}/seats")
    seen: set[str] = set()
    elected = _names(data.get("elected", []), f"{element}/elected", tally.votes, seen)
    if len(elected) > seats:
        raise _fail(f"{len(elected)} elected for {seats} seat(s)", f"{element}/elected")
    return RoundOutcome(
        election=_str(data["election"], f"{element}/election"),
        round=_int(data["round"], f"{element}/round"),
        tally=tally,
        house=seats,
        elected=elected,
        qualified=_names(data.get("qualified", []), f"{element}/qualified", tally.votes, seen),
        eliminated=_names(data.get("eliminated", []), f"{element}/eliminated", tally.votes, seen),
        ties=tuple(
            _read_tie(tie, f"{element}/ties[{i}]") for i, tie in enumerate(_list_of(data, "ties", element))
        ),
        thresholds=FrozenMap((item.name, item) for item in thresholds),
        legal_basis=_str(data.get("legal_basis", ""), f"{element}/legal_basis"),
        notes=_read_notes(data, element),
        method=_read_method(data["method"], f"{element}/method"),
    )


def from_dict(data: Mapping[str, Any]) -> Record:
    """Read back what :func:`to_dict` wrote, validating every field.

    :raises OfficialFileError: naming the field at fault (a float, an unknown field, a count
        that does not add up, another format version...).

    >>> from_dict({"kind": "tally", "version": 2, "options": [{"name": "A", "votes": 2.0}]})
    Traceback (most recent call last):
    ...
    electoral_rules.errors.OfficialFileError: tally/options[0]/votes: 2.0 is not an integer
    """
    if not isinstance(data, Mapping):
        raise _fail("the document must be an object", "document")
    kind = data.get("kind")
    if data.get("version") != FORMAT_VERSION:
        raise _fail(f"version {data.get('version')!r} is not {FORMAT_VERSION}", "version")
    if kind == "tally":
        return _read_tally(data)
    if kind == "allocation":
        return _read_allocation(data)
    if kind == "round":
        return _read_outcome(data)
    raise _fail(f"kind {kind!r} is not 'tally', 'allocation' or 'round'", "kind")


# ---------------------------------------------------------------------------------------
# JSON


def to_json(record: Record) -> str:
    """The record as a JSON document (see :func:`to_dict`); UTF-8 text, names unescaped.

    :raises InvalidArgumentError: for a number too long to write (over 4 000 digits, e.g.
        an allocation of ``10**5000`` seats), which :func:`from_json` could not read back.
    """
    return json.dumps(_writable(to_dict(record)), ensure_ascii=False)


def _writable(data: Any) -> Any:
    """``data`` unchanged, once every number in it is known to be short enough to read back."""
    stack = [data]
    while stack:
        item = stack.pop()
        if isinstance(item, dict):
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)
        elif (type(item) is int and abs(item) >= _TOO_LONG) or (
            isinstance(item, str) and len(item) > MAX_DIGITS and _FRACTION.match(item)
        ):
            raise InvalidArgumentError(
                f"a number of more than {MAX_DIGITS} digits cannot be written (nor read back)"
            )
    return data


_TOO_LONG = 10**MAX_DIGITS


def from_json(text: str | bytes) -> Record:
    """Read a JSON document written by :func:`to_json`; floats, NaN and Infinity are refused,
    and so are bytes that are not UTF-8, a key given twice in one object, an integer over
    4 000 digits and nesting too deep to read.

    >>> from_json('{"kind": "tally", "version": 2, "options": [{"name": "A", "votes": 1e3}]}')
    Traceback (most recent call last):
    ...
    electoral_rules.errors.OfficialFileError: number: 1e3 is not an integer (floats are not exact)
    """
    return from_dict(loads(text))


# ---------------------------------------------------------------------------------------
# CSV: three columns, field / name / value, one row per fact


_HEADER = ["field", "name", "value"]
_INT_FIELDS = frozenset(
    {
        "version",
        "house",
        "round",
        "seats",
        *_COUNTS,
        "names_per_ballot",
        "votes",
        "bonus",
        "vacancies",
        "excluded",
    }
)


def _rows(data: Mapping[str, Any], prefix: str = "") -> list[list[str]]:
    rows: list[list[str]] = []
    for key, value in data.items():
        field = prefix + key
        if key == "options":
            rows.extend([f"{prefix}votes", item["name"], str(item["votes"])] for item in value)
        elif key == "lists":
            for item in value:
                for sub, sub_value in item.items():
                    if sub == "name":
                        continue
                    if isinstance(sub_value, list):  # an empty cell stands for an empty list
                        rows.extend([f"list.{sub}", item["name"], str(v)] for v in sub_value or [""])
                    else:
                        rows.append([f"list.{sub}", item["name"], str(sub_value)])
        elif key == "tally":
            rows.extend(
                row for row in _rows(value, "tally.") if row[0] not in ("tally.kind", "tally.version")
            )
        elif key == "threshold":
            rows.extend([f"threshold.{sub}", "", str(v)] for sub, v in value.items())
        elif key == "thresholds":
            for item in value:
                rows.extend(
                    [f"threshold.{sub}", item["name"], str(v)] for sub, v in item.items() if sub != "name"
                )
        elif key in ("ties", "notes"):
            rows.extend(
                [key[:-1], str(index), json.dumps(item, ensure_ascii=False)]
                for index, item in enumerate(value)
            )
        elif isinstance(value, list):
            rows.extend([field, "", str(item)] for item in value)
        else:
            rows.append([field, "", str(value)])
    return rows


def to_csv(record: Record) -> str:
    """The record as CSV with the columns ``field,name,value`` (one row per fact, in order).

    Per-option rows name the option (``votes,A,1023``); lists repeat a row per elected
    candidate (``list.elected,A,Ana``); ties and notes are JSON objects in the ``value``
    cell (``tie,0,{...}``, ``note,0,{...}``).

    :raises InvalidArgumentError: when a name or text holds the NUL character, which CSV
        cannot carry portably (Python 3.10's writer refuses it): use :func:`to_json`.

    >>> from electoral_rules.apportionment import dhondt
    >>> for line in to_csv(dhondt({"A": 1023, "B": 258}, 2)).splitlines():
    ...     print(line)
    field,name,value
    kind,,allocation
    version,,2
    method,,D'Hondt
    house,,2
    legal_basis,,
    list.votes,A,1023
    list.seats,A,2
    list.excluded,A,0
    list.votes,B,258
    list.seats,B,0
    list.excluded,B,0
    quotient,,1281/2
    """
    rows = _rows(_writable(to_dict(record)))
    for row in rows:
        if any("\x00" in cell for cell in row):
            # Python 3.10's csv cannot write it and readers commonly refuse it: use JSON
            raise InvalidArgumentError(
                f"CSV cannot carry the NUL character (field {row[0]!r}, name {row[1]!r}); use JSON"
            )
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")  # RFC 4180; a lone CR or LF in a name is quoted
    writer.writerow(_HEADER)
    writer.writerows(rows)
    return buffer.getvalue()


def _cell(field: str, value: str, line: int) -> Any:
    base = field.rsplit(".", 1)[-1]
    if base in _INT_FIELDS or field in ("threshold.base_count", "threshold.inclusive"):
        if len(value) > MAX_DIGITS or not _INT.match(value):
            raise _fail(f"{shown(value)} is not an integer", f"line {line}, {field}")
        return int(value)
    return value


def _put(target: dict[str, Any], key: str, value: Any, where: str) -> None:
    """``target[key] = value``, refusing a fact given twice (never keep the last silently)."""
    if key in target:
        raise _fail(f"given twice ({shown(target[key])} and {shown(value)})", where)
    target[key] = value


def _csv_rows(text: str) -> list[list[str]]:
    """Every row of ``text``. A cell may be as long as the text itself (a name of 200 000
    characters that :func:`to_csv` wrote must read back), so the csv module's limit on a
    field's size (128 KiB by default, module-wide) is raised while reading and restored."""
    limit = csv.field_size_limit()
    csv.field_size_limit(max(limit, len(text) + 1))
    try:
        return list(csv.reader(io.StringIO(text, newline="")))
    except csv.Error as err:
        raise _fail(f"not valid CSV ({err})", "document") from None
    finally:
        csv.field_size_limit(limit)


def from_csv(text: str) -> Record:
    """Read back CSV written by :func:`to_csv`.

    :raises OfficialFileError: naming the line and field at fault, or a fact given twice.
    """
    if not isinstance(text, str):
        raise _fail(f"CSV must be text, not {type(text).__name__}", "document")
    rows = _csv_rows(text)
    header = rows[0] if rows else None
    if header != _HEADER:
        raise _fail(f"the header must be {','.join(_HEADER)}, not {shown(header)}", "line 1")
    data: dict[str, Any] = {}
    lists: dict[str, dict[str, Any]] = {}
    tally: dict[str, Any] = {}
    options: list[dict[str, Any]] = []
    tally_options: list[dict[str, Any]] = []
    threshold: dict[str, Any] = {}
    thresholds: dict[str, dict[str, Any]] = {}
    ties: list[Any] = []
    notes: list[Any] = []
    repeated = {"elected", "qualified", "eliminated"}
    for line, row in enumerate(rows[1:], start=2):
        if len(row) != 3:
            raise _fail(f"expected 3 cells, found {len(row)}", f"line {line}")
        field, name, raw = row
        where = f"line {line}, {field}"
        if field in ("tie", "note"):
            try:
                (ties if field == "tie" else notes).append(loads(raw))
            except OfficialFileError as err:
                raise _fail(f"{shown(raw)} is not a JSON {field} ({err})", f"line {line}, {field}") from None
            continue
        value = _cell(field, raw, line)
        if field == "votes":
            options.append({"name": name, "votes": value})
        elif field == "tally.votes":
            tally_options.append({"name": name, "votes": value})
        elif field.startswith("tally."):
            _put(tally, field[len("tally.") :], value, where)
        elif field.startswith("list."):
            entry = lists.setdefault(name, {"name": name})
            sub = field[len("list.") :]
            if sub == "elected":
                people = entry.setdefault("elected", [])
                if value != "":
                    people.append(value)
            else:
                _put(entry, sub, value, f"{where} of {shown(name)}")
        elif field.startswith("threshold."):
            target = thresholds.setdefault(name, {"name": name}) if name else threshold
            _put(target, field[len("threshold.") :], value, where)
        elif field in repeated:
            data.setdefault(field, []).append(value)
        else:
            _put(data, field, value, where)
    if options or data.get("kind") == "tally":
        data["options"] = options
    if lists or data.get("kind") == "allocation":
        data["lists"] = list(lists.values())
    if tally or tally_options:
        data["tally"] = {"kind": "tally", "version": FORMAT_VERSION, **tally, "options": tally_options}
    if threshold:
        data["threshold"] = threshold
    if data.get("kind") == "round":
        data["thresholds"] = list(thresholds.values())
        for key in repeated:
            data.setdefault(key, [])
    if data.get("kind") in ("allocation", "round"):
        data["ties"] = ties
        data["notes"] = notes
    return from_dict(data)


# ---------------------------------------------------------------------------------------
# files


def save(record: Record, path: str | os.PathLike[str]) -> None:
    """Write a record to ``path``: JSON for ``.json``, CSV for ``.csv`` (UTF-8).

    :raises InvalidArgumentError: for a text UTF-8 cannot write (a lone surrogate) or a
        number too long to read back.
    :raises OfficialFileError: when the file cannot be written.
    """
    check_path(path)
    target = Path(path)
    suffix = target.suffix.lower()
    if suffix not in (".json", ".csv"):
        raise _fail("the file name must end in .json or .csv", target.as_posix())
    text = to_json(record) if suffix == ".json" else to_csv(record)
    try:
        data = text.encode("utf-8")
    except UnicodeEncodeError as err:
        raise InvalidArgumentError(
            f"{shown(err.object[max(0, err.start - 20) : err.end + 20])} holds a lone surrogate "
            f"({err.object[err.start]!r}), which UTF-8 cannot write"
        ) from None
    try:
        target.write_bytes(data)
    except OSError as err:
        raise OfficialFileError(
            f"cannot be written ({err.strerror or err})", path=target.as_posix()
        ) from None


def load(path: str | os.PathLike[str]) -> Record:
    """Read a record written by :func:`save` (by extension: ``.json`` or ``.csv``)."""
    check_path(path)
    source = Path(path)
    suffix = source.suffix.lower()
    if suffix not in (".json", ".csv"):
        raise _fail("the file name must end in .json or .csv", source.as_posix())
    try:
        text = source.read_bytes().decode("utf-8")  # no newline translation inside cells
    except (OSError, UnicodeDecodeError) as err:
        raise OfficialFileError(f"cannot be read ({err})", path=source.as_posix()) from None
    try:
        return from_json(text) if suffix == ".json" else from_csv(text)
    except OfficialFileError as err:
        located = OfficialFileError(str(err), path=source.as_posix())
        located.element = err.element
        raise located from None
