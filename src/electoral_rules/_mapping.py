"""A read-only, ordered, hashable mapping used inside the library's frozen records."""

from __future__ import annotations

from collections.abc import ItemsView, Iterable, Iterator, KeysView, Mapping, ValuesView
from typing import Generic, TypeVar

__all__ = ["FrozenMap"]

_K = TypeVar("_K")
_V = TypeVar("_V")


class FrozenMap(Mapping[_K, _V], Generic[_K, _V]):
    """An immutable mapping that keeps insertion order and can be hashed.

    >>> m = FrozenMap({"A": 4, "B": 1})
    >>> list(m.items()), m["A"], hash(m) == hash(FrozenMap({"A": 4, "B": 1}))
    ([('A', 4), ('B', 1)], 4, True)
    """

    __slots__ = ("_data", "_hash")

    def __init__(self, data: Mapping[_K, _V] | Iterable[tuple[_K, _V]] = ()) -> None:
        self._data: dict[_K, _V] = dict(data)
        self._hash: int | None = None

    @classmethod
    def wrap(cls, data: dict[_K, _V]) -> FrozenMap[_K, _V]:
        """A FrozenMap over ``data`` itself, not a copy: for a dict nobody else holds or
        changes (a fresh one), where copying it would be wasted.

        >>> FrozenMap.wrap({"A": 1})["A"]
        1
        """
        mapping = object.__new__(cls)
        mapping._data = data
        mapping._hash = None
        return mapping

    def __getitem__(self, key: _K) -> _V:
        return self._data[key]

    def __iter__(self) -> Iterator[_K]:
        return iter(self._data)

    def __len__(self) -> int:
        return len(self._data)

    def __contains__(self, key: object) -> bool:
        return key in self._data

    # The dict's own read-only views: much faster than the Mapping mixins on large tallies.
    def keys(self) -> KeysView[_K]:
        return self._data.keys()

    def values(self) -> ValuesView[_V]:
        return self._data.values()

    def items(self) -> ItemsView[_K, _V]:
        return self._data.items()

    def __hash__(self) -> int:
        if self._hash is None:
            self._hash = hash(tuple(self._data.items()))
        return self._hash

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Mapping):
            return self._data == dict(other.items())
        return NotImplemented

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self._data!r})"
