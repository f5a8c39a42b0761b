"""The checker's fast path through the open-data reader, shared by
:mod:`~electoral_rules.io.ministry_csv` (which reads a row's figures) and
:mod:`~electoral_rules.io.verify` (which checks them with
:meth:`~electoral_rules.io.verify_opendata.OpenDataChecker.settle`).

A row whose figures are all in their usual form, and whose every check agrees, is *settled*:
checked from its plain integers, without the place's records, and not yielded as an entity.
Any other row is read and checked as before (the report is the same).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence

from .records import Entity

__all__ = ["Entities", "Figures", "ReadFigures", "Settle", "SettleFactory"]

Figures = tuple[
    str,
    int,
    int,
    int,
    int,
    int,
    int | None,
    Sequence[int],
    Sequence[int],
    Sequence[int],
    list[int],
    list[int | None],
    list[int | None],
    list[int | None],
]
"""What the reader gives of a row: ``(INSEE code, registered, voters, blank, null,
expressed, abstentions, percentages' hundredths, their numerators, their denominators,
votes, council seats, community seats, sector seats)``, the last four per list (``None``
for a blank seats cell), the percentages in the order of the general path."""

ReadFigures = Callable[[list[str]], "Figures | None"]
"""``figures(row)``: a row's :data:`Figures`, or ``None`` when some cell is not in its usual
form (the row is then read as usual)."""

Settle = Callable[[list[str], int], bool]
"""``settled(row, line)``: whether the row was checked in full from its figures and every
check agreed (then it is not yielded)."""

SettleFactory = Callable[[ReadFigures], "Settle | None"]
"""``settle(figures)``: the :data:`Settle` function of a table whose rows ``figures``
reads, or ``None`` (no row is settled)."""


class Entities:
    """The places of a table, read as the iterator is consumed (an iterator of
    :class:`~electoral_rules.io.records.Entity`); :attr:`settle` may be set before the first
    row is read."""

    def __init__(self, start: Callable[[SettleFactory | None], Iterator[Entity]]) -> None:
        self.start = start
        self.settle: SettleFactory | None = None
        self.rows: Iterator[Entity] | None = None

    def __iter__(self) -> Entities:
        return self

    def __next__(self) -> Entity:
        if self.rows is None:
            self.rows = self.start(self.settle)
        return next(self.rows)

    def close(self) -> None:
        """Stop reading (the file is closed)."""
        if self.rows is None:
            self.rows = iter(())
        close = getattr(self.rows, "close", None)
        if close is not None:
            close()
