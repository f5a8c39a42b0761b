"""Tables of averages, seat by seat, as Markdown (for text) and HTML (for notebooks).

One row per list: its votes, the seats it held before the seat-by-seat step (the integer
part of the quotient for D'Hondt), its average at each seat handed out (the winner in
bold) and its final seats.

>>> from electoral_rules import dhondt
>>> print(allocation_markdown(dhondt({"A": 1023, "B": 258, "C": 253}, seats=5), "fr"))
| Liste | Voix | Au quotient | 4e siège | 5e siège | Sièges |
|---|---:|---:|---:|---:|---:|
| A | 1 023 | 3 | 255,75 | **255,75** | 4 |
| B | 258 | 0 | **258** | 129 | 1 |
| C | 253 | 0 | 253 | 253 | 0 |
"""

from __future__ import annotations

import html
from fractions import Fraction

from .._exact import require
from ..errors import InvalidArgumentError
from ..outcome import Allocation, StepKind
from .numbers import Lang, integer, number, ordinal

__all__ = ["allocation_html", "allocation_markdown", "averages_table"]

_MAX_COLUMNS = 30
"""Seat columns shown at most; a larger table keeps the last ones (where ties happen)."""

_HEAD = {
    "fr": ("Liste", "Voix", "Au quotient", "siège", "Sièges", "Prime"),
    "en": ("List", "Votes", "By quotient", "seat", "Seats", "Bonus"),
}


def averages_table(allocation: Allocation, lang: Lang = "fr") -> tuple[list[str], list[list[str]], list[list[bool]]]:
    """The table as header, rows of cells, and which cells are winning averages."""
    require(allocation, Allocation, "averages_table's allocation")
    steps = allocation.trace
    initial = {s.subject: s.seats or 0 for s in steps if s.kind is StepKind.INITIAL and s.subject}
    seat_steps = [s for s in steps if s.kind is StepKind.SEAT]
    if len(seat_steps) > _MAX_COLUMNS:
        seat_steps = seat_steps[-_MAX_COLUMNS:]
    if not isinstance(lang, str) or lang not in _HEAD:
        raise InvalidArgumentError(f"lang {lang!r} must be 'fr' or 'en'")
    words = _HEAD[lang]
    header = [words[0], words[1]]
    if allocation.bonus:
        header.append(words[5])
    if initial:
        header.append(words[2])
    header.extend(f"{ordinal(s.seat or 0, lang)} {words[3]}" for s in seat_steps)
    header.append(words[4])
    rows: list[list[str]] = []
    marks: list[list[bool]] = []
    for name, seats in allocation.items():
        row = [name, integer(allocation.votes[name], lang)]
        mark = [False, False]
        if allocation.bonus:
            row.append(integer(allocation.bonus.get(name, 0), lang))
            mark.append(False)
        if initial:
            row.append(integer(initial[name], lang) if name in initial else "—")
            mark.append(False)
        for step in seat_steps:
            values = dict(step.values)
            value: Fraction | None = values.get(name)
            row.append("—" if value is None else number(value, lang))
            mark.append(step.subject == name)
        row.append(integer(seats, lang))
        mark.append(False)
        rows.append(row)
        marks.append(mark)
    return header, rows, marks


def allocation_markdown(allocation: Allocation, lang: Lang = "fr") -> str:
    """The table of averages in Markdown, winning averages in bold."""
    require(allocation, Allocation, "allocation_markdown's allocation")
    header, rows, marks = averages_table(allocation, lang)
    lines = ["| " + " | ".join(header) + " |", "|---|" + "---:|" * (len(header) - 1)]
    for row, mark in zip(rows, marks, strict=True):
        cells = [f"**{cell}**" if bold else cell for cell, bold in zip(row, mark, strict=True)]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def allocation_html(allocation: Allocation, lang: Lang = "fr") -> str:
    """The table of averages as an HTML ``<table>`` (for ``_repr_html_`` in notebooks)."""
    require(allocation, Allocation, "allocation_html's allocation")
    header, rows, marks = averages_table(allocation, lang)
    out = ['<table class="electoral-rules-averages">', "<thead><tr>"]
    out.extend(f"<th>{html.escape(cell)}</th>" for cell in header)
    out.append("</tr></thead><tbody>")
    for row, mark in zip(rows, marks, strict=True):
        out.append("<tr>")
        for index, (cell, bold) in enumerate(zip(row, mark, strict=True)):
            text = html.escape(cell)
            text = f"<strong>{text}</strong>" if bold else text
            align = "" if index == 0 else ' style="text-align:right"'
            out.append(f"<td{align}>{text}</td>")
        out.append("</tr>")
    out.append("</tbody></table>")
    return "".join(out)
