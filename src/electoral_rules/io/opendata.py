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

from .._mapping import FrozenMap
from ..errors import ElectoralRulesError, InvalidArgumentError, OfficialFileError
from ..outcome import Allocation, Method, Note, NoteKind, NoteValue, RoundOutcome, Threshold, Tie
from ..tally import Tally

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
    if not isinstance(value, str) or not _FRACTION.match(value) or value.endswith("/0"):
        raise _fail(f"{value!r} is not an exact ratio such as '1917/3'", element)
    return Fraction(value)


def _int(value: object, element: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise _fail(f"{value!r} is not an integer", element)
    return value


def _str(value: object, element: str) -> str:
    if not isinstance(value, str):
        raise _fail(f"{value!r} is not a string", element)
    return value


def _strs(value: object, element: str) -> tuple[str, ...]:
    if not isinstance(value, list):
        raise _fail(f"{value!r} is not a list of strings", element)
    return tuple(_str(item, element) for item in value)


def _flag(value: object, element: str) -> bool:
    if value not in (0, 1) or isinstance(value, bool):
        raise _fail(f"{value!r} must be 0 or 1", element)
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
        "seats": outcome.seats,
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
    if isinstance(record, Tally):
        return _tally_dict(record)
    if isinstance(record, Allocation):
        return _allocation_dict(record)
    if isinstance(record, RoundOutcome):
        return _outcome_dict(record)
    raise TypeError(f"cannot write {type(record).__name__}; expected a Tally, Allocation or RoundOutcome")


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
    return Allocation(
        seats=FrozenMap(seats),
        votes=FrozenMap(votes),
        house=_int(data["house"], f"{element}/house"),
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
    return RoundOutcome(
        election=_str(data["election"], f"{element}/election"),
        round=_int(data["round"], f"{element}/round"),
        tally=_read_tally(data["tally"], f"{element}/tally"),
        seats=_int(data.get("seats", 1), f"{element}/seats"),
        elected=_strs(data.get("elected", []), f"{element}/elected"),
        qualified=_strs(data.get("qualified", []), f"{element}/qualified"),
        eliminated=_strs(data.get("eliminated", []), f"{element}/eliminated"),
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


def _no_float(text: str) -> Any:
    raise _fail(f"{text} is not an integer (floats are not exact)", "number")


def to_json(record: Record) -> str:
    """The record as a JSON document (see :func:`to_dict`); UTF-8 text, names unescaped."""
    return json.dumps(to_dict(record), ensure_ascii=False)


def from_json(text: str | bytes) -> Record:
    """Read a JSON document written by :func:`to_json`; floats, NaN and Infinity are refused.

    >>> from_json('{"kind": "tally", "version": 2, "options": [{"name": "A", "votes": 1e3}]}')
    Traceback (most recent call last):
    ...
    electoral_rules.errors.OfficialFileError: number: 1e3 is not an integer (floats are not exact)
    """
    try:
        data = json.loads(text, parse_float=_no_float, parse_constant=_no_float)
    except json.JSONDecodeError as err:
        raise _fail(f"not valid JSON ({err.msg})", f"line {err.lineno}, column {err.colno}") from None
    return from_dict(data)


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
                [key[:-1], str(index), json.dumps(item, ensure_ascii=False)] for index, item in enumerate(value)
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
    rows = _rows(to_dict(record))
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
        if not _INT.match(value):
            raise _fail(f"{value!r} is not an integer", f"line {line}, {field}")
        return int(value)
    return value


def from_csv(text: str) -> Record:
    """Read back CSV written by :func:`to_csv`.

    :raises OfficialFileError: naming the line and field at fault.
    """
    reader = csv.reader(io.StringIO(text, newline=""))
    header = next(reader, None)
    if header != _HEADER:
        raise _fail(f"the header must be {','.join(_HEADER)}, not {header!r}", "line 1")
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
    for line, row in enumerate(reader, start=2):
        if len(row) != 3:
            raise _fail(f"expected 3 cells, found {len(row)}", f"line {line}")
        field, name, raw = row
        if field in ("tie", "note"):
            try:
                item = json.loads(raw, parse_float=_no_float, parse_constant=_no_float)
            except json.JSONDecodeError:
                raise _fail(f"{raw!r} is not a JSON {field}", f"line {line}, {field}") from None
            (ties if field == "tie" else notes).append(item)
            continue
        value = _cell(field, raw, line)
        if field == "votes":
            options.append({"name": name, "votes": value})
        elif field == "tally.votes":
            tally_options.append({"name": name, "votes": value})
        elif field.startswith("tally."):
            tally[field[len("tally.") :]] = value
        elif field.startswith("list."):
            entry = lists.setdefault(name, {"name": name})
            sub = field[len("list.") :]
            if sub == "elected":
                people = entry.setdefault("elected", [])
                if value != "":
                    people.append(value)
            else:
                entry[sub] = value
        elif field.startswith("threshold."):
            target = thresholds.setdefault(name, {"name": name}) if name else threshold
            target[field[len("threshold.") :]] = value
        elif field in repeated:
            data.setdefault(field, []).append(value)
        else:
            data[field] = value
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
    """Write a record to ``path``: JSON for ``.json``, CSV for ``.csv`` (UTF-8)."""
    target = Path(path)
    suffix = target.suffix.lower()
    if suffix not in (".json", ".csv"):
        raise _fail("the file name must end in .json or .csv", target.as_posix())
    text = to_json(record) if suffix == ".json" else to_csv(record)
    target.write_text(text, encoding="utf-8", newline="")


def load(path: str | os.PathLike[str]) -> Record:
    """Read a record written by :func:`save` (by extension: ``.json`` or ``.csv``)."""
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
