"""Building the readers' frozen records without their ``__init__`` (the hot paths of
:mod:`~electoral_rules.io.ministry_xml` and :mod:`~electoral_rules.io.ministry_csv`): the
same records as the constructors give, in less time."""

from __future__ import annotations

import operator
from collections.abc import Callable, Sequence
from dataclasses import fields as _fields
from itertools import repeat
from typing import TypeVar

from .records import CandidateResult, Entity, IndexEntry, ResultFile, RoundResult

__all__: list[str] = []


_new = object.__new__

_CANDIDATE_FIELDS = (
    "name",
    "last_name",
    "first_name",
    "civility",
    "number",
    "order",
    "nuance",
    "nuance_name",
    "votes",
    "elected",
)
assert tuple(item.name for item in _fields(CandidateResult)) == _CANDIDATE_FIELDS, (
    "the fast path sets every field"
)
assert not hasattr(CandidateResult, "__post_init__"), "the fast path does not call __init__"
_CANDIDATE_SETTERS: tuple[Callable[[CandidateResult, object], None], ...] = tuple(
    CandidateResult.__dict__[name].__set__ for name in _CANDIDATE_FIELDS
)

_R = TypeVar("_R")


def _setters(cls: type[_R], names: Sequence[str]) -> tuple[Callable[[_R, object], None], ...]:
    """The slot setters of a frozen record class, checked to be all its fields in order, for
    :func:`_record`."""
    assert tuple(item.name for item in _fields(cls)) == tuple(names), f"{cls.__name__}: every field, in order"  # type: ignore[arg-type]
    assert not hasattr(cls, "__post_init__"), f"{cls.__name__}: no __init__ is called"
    return tuple(cls.__dict__[name].__set__ for name in names)


def _record(cls: type[_R], setters: Sequence[Callable[[_R, object], None]], *values: object) -> _R:
    """``cls(field=value, ...)`` for every field in order, without the frozen ``__init__``'s
    field-by-field ``object.__setattr__``: the same record, in less time."""
    record = _new(cls)
    if len(values) != len(setters):
        raise TypeError(f"{cls.__name__}: {len(setters)} fields, {len(values)} values")
    any(map(_call, setters, repeat(record), values))  # one C-level loop (a setter returns None)
    return record


_call: Callable[..., object] = getattr(operator, "call", lambda function, *args: function(*args))
"""``operator.call`` (Python 3.11), or its equivalent."""


_ROUND_FIELDS = tuple(item.name for item in _fields(RoundResult))
_ROUND_SETTERS = dict(zip(_ROUND_FIELDS, _setters(RoundResult, _ROUND_FIELDS), strict=True))
_ENTITY_SETTERS = _setters(
    Entity, ("path", "element", "place", "rounds", "seats_to_fill", "seats_filled", "line")
)
_FILE_SETTERS = _setters(ResultFile, ("path", "kind", "election", "year", "entities"))
_INDEX_ENTRY_SETTERS = _setters(IndexEntry, ("place", "updated", "extracted", "complete"))
