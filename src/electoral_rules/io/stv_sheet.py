"""Published STV count sheets as JSON: read them into :class:`~electoral_rules.stv.CountSheet`.

The format is one JSON object (numbers as JSON integers, or as decimal strings such as
``"74.70"`` for fractional transfers; a JSON float is refused, it is not exact)::

    {"constituency": "Northern Ireland", "source": "where the figures come from",
     "seats": 3, "valid": 100, "quota": 26,
     "candidates": ["A", "B", "C", "D"],
     "stages": [
       {"stage": 1, "kind": "first", "votes": {"A": 40, "B": 30, "C": 20, "D": 10},
        "elected": ["A"]},
       {"stage": 2, "kind": "surplus", "subjects": ["A"],
        "changes": {"A": -14, "C": 10, "D": "3.50"}, "non_transferable": "0.50",
        "totals": {"A": 26, "B": 30, "C": 30, "D": "13.50"}, "elected": ["B", "C"]}],
     "elected": ["A", "B", "C"]}

``votes`` (first stage) and ``changes`` (later stages) are the same field; ``totals`` is
optional (the checker then computes it). Every fault is collected and reported together,
each naming its stage and candidate, in one :class:`~electoral_rules.errors.OfficialFileError`.

>>> sheet = read_count_sheet('{"seats": 1, "valid": 10, "quota": 6, "candidates": ["A", "B"],'
...     ' "stages": [{"stage": 1, "kind": "first", "votes": {"A": 6, "B": 4}, "elected": ["A"]}],'
...     ' "elected": ["A"]}')
>>> sheet.stages[0].changes["A"], sheet.elected
(Fraction(6, 1), ('A',))
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from fractions import Fraction
from pathlib import Path
from typing import Any

from ..errors import ElectoralRulesError, OfficialFileError
from ..stv import CountSheet, SheetStage, StageKind

__all__ = ["read_count_sheet"]

_DECIMAL = re.compile(r"-?\d+(\.\d+)?")
_KINDS = {kind.value: kind for kind in StageKind}


def _amount(value: object, where: str, faults: list[str]) -> Fraction:
    if isinstance(value, int) and not isinstance(value, bool):
        return Fraction(value)
    if isinstance(value, str) and _DECIMAL.fullmatch(value.strip()):
        return Fraction(value.strip())
    faults.append(f"{where}: {value!r} is not a whole number or a decimal string")
    return Fraction(0)


def _amounts(value: object, where: str, faults: list[str]) -> dict[str, Fraction]:
    if not isinstance(value, Mapping):
        faults.append(f"{where}: expected an object of candidates and numbers, got {value!r}")
        return {}
    return {str(name): _amount(amount, f"{where}, candidate {name!r}", faults) for name, amount in value.items()}


def _names(value: object, where: str, faults: list[str]) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(name, str) for name in value):
        faults.append(f"{where}: expected a list of names, got {value!r}")
        return ()
    return tuple(value)


def _whole(data: Mapping[str, Any], key: str, faults: list[str]) -> int:
    value = data.get(key)
    if not isinstance(value, int) or isinstance(value, bool) or value < 0:
        faults.append(f"{key!r} must be a whole number, got {value!r}")
        return 1
    return value


def read_count_sheet(source: str | Path | Mapping[str, Any]) -> CountSheet:
    """Read a count sheet from a JSON file (a :class:`~pathlib.Path`), JSON text, or an
    already-parsed mapping, and check that it is well formed.

    :raises OfficialFileError: every fault found, each naming its stage and candidate.

    >>> read_count_sheet('{"seats": 1, "valid": 10, "quota": 6, "candidates": ["A"], "stages": [], '
    ...                  '"elected": []}')  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    electoral_rules.errors.OfficialFileError: a count sheet is malformed: the sheet has no stage
    """
    path: str | None = None
    if isinstance(source, Path):
        path = str(source)
        try:
            source = source.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as err:
            raise OfficialFileError(f"cannot read the count sheet: {err}", path=path) from None
    if isinstance(source, str):
        try:
            data: object = json.loads(source, parse_float=lambda text: text + "!float")
        except (json.JSONDecodeError, RecursionError) as err:
            raise OfficialFileError(f"not JSON: {err}", path=path) from None
    elif isinstance(source, Mapping):
        data = source
    else:
        raise OfficialFileError(f"a count sheet is a Path, JSON text or a mapping, not {type(source).__name__}")
    if not isinstance(data, Mapping):
        raise OfficialFileError("a count sheet is a JSON object", path=path)
    faults: list[str] = []
    stages: list[SheetStage] = []
    raw_stages = data.get("stages")
    if not isinstance(raw_stages, list):
        faults.append(f"'stages' must be a list, got {raw_stages!r}")
        raw_stages = []
    for index, raw in enumerate(raw_stages, start=1):
        where = f"stage {index}"
        if not isinstance(raw, Mapping):
            faults.append(f"{where}: expected an object, got {raw!r}")
            continue
        kind = _KINDS.get(raw.get("kind"))  # type: ignore[arg-type]
        if kind is None:
            faults.append(f"{where}: kind must be one of {', '.join(_KINDS)}, got {raw.get('kind')!r}")
            continue
        changes = _amounts(raw.get("votes" if kind is StageKind.FIRST else "changes"), f"{where}, changes", faults)
        number = raw.get("stage", index)
        if not isinstance(number, int) or isinstance(number, bool) or number < 1:
            faults.append(f"{where}: 'stage' must be a whole number >= 1, got {number!r}")
            number = index
        try:
            stages.append(
                SheetStage(
                    number=number,
                    kind=kind,
                    changes=changes,
                    subjects=_names(raw.get("subjects", []), f"{where}, subjects", faults),
                    non_transferable=_amount(raw.get("non_transferable", 0), f"{where}, non-transferable", faults),
                    totals=_amounts(raw.get("totals", {}), f"{where}, totals", faults),
                    elected=_names(raw.get("elected", []), f"{where}, elected", faults),
                )
            )
        except ElectoralRulesError as err:
            faults.append(str(err))
    fields = {
        "seats": _whole(data, "seats", faults),
        "valid": _whole(data, "valid", faults),
        "quota": _whole(data, "quota", faults),
        "candidates": _names(data.get("candidates"), "candidates", faults),
        "elected": _names(data.get("elected", []), "elected", faults),
    }
    for key in ("constituency", "source"):
        if not isinstance(data.get(key, ""), str):
            faults.append(f"{key!r} must be a string")
    if faults:
        raise OfficialFileError("; ".join(faults), path=path)
    try:
        return CountSheet(
            stages=tuple(stages),
            constituency=str(data.get("constituency", "")),
            source=str(data.get("source", "")),
            **fields,  # type: ignore[arg-type]
        )
    except ElectoralRulesError as err:
        raise OfficialFileError(str(err), path=path) from None
