"""A file of votes per list: the ``list,votes`` CSV the command line's ``europe`` command reads.

The format, in full:

- UTF-8 text (a byte order mark is allowed), at most 64 MiB; lines end with ``\\n`` or ``\\r\\n``;
- the first non-blank line is the header ``list,votes`` (letter case and spaces around the
  cells do not matter);
- then one line per list: its name, a comma, its votes. A name that holds a comma is quoted
  as CSV quotes it (``"Lista, unita",1023``, nothing between the closing quote and the comma);
  spaces around an unquoted cell are layout and are removed;
  a name is written as the library writes every name (:func:`~electoral_rules._exact.as_name`:
  Unicode NFC); votes are written with the digits 0-9 only (no sign, no grouping:
  ``1023``, not ``1 023`` or ``1,023``);
- blank lines are skipped; every list appears once.

For the states that vote over constituencies (:mod:`electoral_rules.europe.districts`), the
header is ``constituency,list,votes`` and each line gives a constituency's name first
(:func:`read_constituency_votes_csv`); a list appears once per constituency.

Every faulty line is reported (up to 20), each with its line number, in one
:class:`~electoral_rules.errors.OfficialFileError` that names the file:

>>> parse_votes_csv("list,votes\\nA,1023\\nB,25x\\nA,3\\n", name="votes.csv")
Traceback (most recent call last):
...
electoral_rules.errors.OfficialFileError: votes.csv: line 3: votes for 'B' ('25x') must be written with the digits 0-9 only (no sign, space, '_' or other grouping); line 4: list 'A' is given twice (first on line 2)
>>> dict(parse_votes_csv("List , Votes\\nA,1023\\n\\n\\"B, C\\",258\\n").votes)
{'A': 1023, 'B, C': 258}
"""

from __future__ import annotations

import csv
import io
import os

from .._exact import as_name, parse_count, require, shown
from ..errors import ElectoralRulesError, OfficialFileError
from ..tally import Tally

__all__ = [
    "CONSTITUENCY_HEADER",
    "HEADER",
    "header_of",
    "parse_constituency_votes_csv",
    "parse_votes_csv",
    "read_constituency_votes_csv",
    "read_votes_csv",
]

HEADER = ("list", "votes")
"""The header line's two cells."""

CONSTITUENCY_HEADER = ("constituency", "list", "votes")
"""The header line of a file of votes per constituency."""

_MAX_BYTES = 64 * 1024 * 1024
_MAX_FAULTS = 20


def read_votes_csv(path: str | os.PathLike[str]) -> Tally:
    """The votes of the ``list,votes`` file at ``path`` (see the module's notes for the format).

    :raises OfficialFileError: for a file that cannot be read, is not UTF-8 text, has no
        ``list,votes`` header or no list, or has faulty lines (each named with its number).
    """
    text, name = _read_text(path)
    return parse_votes_csv(text, name=name)


def read_constituency_votes_csv(path: str | os.PathLike[str]) -> dict[str, dict[str, int]]:
    """The votes per constituency of the ``constituency,list,votes`` file at ``path``, in the
    order of first appearance: ``{constituency: {list: votes}}``.

    :raises OfficialFileError: as :func:`read_votes_csv`.
    """
    text, name = _read_text(path)
    return parse_constituency_votes_csv(text, name=name)


def header_of(path: str | os.PathLike[str]) -> tuple[str, ...]:
    """The cells of the first non-blank line of the file at ``path``, lower-cased and stripped:
    :data:`HEADER` or :data:`CONSTITUENCY_HEADER` tell which reader the file is for.

    :raises OfficialFileError: for a file that cannot be read or is not UTF-8 text.
    """
    text, _ = _read_text(path)
    for line in text.splitlines():
        if line.strip():
            return tuple(cell.strip().lower() for cell in line.split(","))
    return ()


def _read_text(path: str | os.PathLike[str]) -> tuple[str, str]:
    if not isinstance(path, (str, os.PathLike)):
        raise OfficialFileError(f"the path of a votes file must be a str or a path, not {type(path).__name__}")
    name = os.fspath(path)
    try:
        with open(name, "rb") as stream:
            data = stream.read(_MAX_BYTES + 1)
    except OSError as err:
        raise OfficialFileError(f"cannot read the file ({err.strerror or err})", path=str(name)) from None
    if len(data) > _MAX_BYTES:
        raise OfficialFileError(f"larger than the {_MAX_BYTES} bytes accepted", path=str(name))
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        raise OfficialFileError(
            f"not UTF-8 text (byte {err.start}: {err.reason}); save it as UTF-8", path=str(name)
        ) from None
    return text, str(name)


def parse_votes_csv(text: str, *, name: str = "<text>") -> Tally:
    """The votes of a ``list,votes`` text (see the module's notes); ``name`` names it in errors."""
    require(text, str, "the text of a votes file")
    require(name, str, "the name of a votes file")
    if "\x00" in text:
        raise OfficialFileError("holds a NUL character: not a text file (UTF-16/32 are refused)", path=name)
    limit = csv.field_size_limit()
    csv.field_size_limit(max(limit, len(text) + 1))  # a cell as long as the file (a long name)
    try:
        rows = _parse(text, name, HEADER)
    finally:
        csv.field_size_limit(limit)
    try:
        return Tally(votes={list_name: count for _, list_name, count in rows})
    except ElectoralRulesError as err:
        raise OfficialFileError(str(err), path=name) from None


def parse_constituency_votes_csv(text: str, *, name: str = "<text>") -> dict[str, dict[str, int]]:
    """The votes per constituency of a ``constituency,list,votes`` text.

    >>> parse_constituency_votes_csv("constituency,list,votes\\nNorth,A,10\\nSouth,A,7\\nNorth,B,3\\n")
    {'North': {'A': 10, 'B': 3}, 'South': {'A': 7}}
    """
    require(text, str, "the text of a votes file")
    require(name, str, "the name of a votes file")
    if "\x00" in text:
        raise OfficialFileError("holds a NUL character: not a text file (UTF-16/32 are refused)", path=name)
    limit = csv.field_size_limit()
    csv.field_size_limit(max(limit, len(text) + 1))
    try:
        rows = _parse(text, name, CONSTITUENCY_HEADER)
    finally:
        csv.field_size_limit(limit)
    votes: dict[str, dict[str, int]] = {}
    for constituency, list_name, count in rows:
        votes.setdefault(constituency, {})[list_name] = count
    return votes


def _parse(text: str, name: str, header: tuple[str, ...]) -> list[tuple[str, str, int]]:
    width = len(header)
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    header_seen = False
    rows: list[tuple[str, str, int]] = []
    first_seen: dict[tuple[str, str], int] = {}
    faults: list[str] = []
    while True:
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error as err:
            faults.append(f"line {reader.line_num}: not valid CSV ({err})")
            break
        line = reader.line_num
        if not any(cell.strip() for cell in row):
            continue
        cells = [cell.strip() for cell in row]
        if not header_seen:
            if tuple(cell.lower() for cell in cells) != header:
                raise OfficialFileError(
                    f"the first line must be the header {','.join(header)!r}, got {shown(','.join(row))}",
                    path=name, element=f"line {line}",
                )
            header_seen = True
            continue
        if len(cells) != width:
            faults.append(f"line {line}: must have {width} cells ({', '.join(header)}), got {len(cells)}: {shown(row)}")
        else:
            try:
                place = as_name(cells[0], "a constituency's name") if width == 3 else ""
                list_name = as_name(cells[-2], "a list's name")
                count = parse_count(cells[-1], f"votes for {shown(list_name)}")
            except ElectoralRulesError as err:
                faults.append(f"line {line}: {err}")
            else:
                key = (place, list_name)
                if key in first_seen:
                    where = f" in {shown(place)}" if place else ""
                    faults.append(
                        f"line {line}: list {shown(list_name)} is given twice{where} (first on line {first_seen[key]})"
                    )
                else:
                    rows.append((place, list_name, count))
                    first_seen[key] = line
        if len(faults) > _MAX_FAULTS:
            break
    if not header_seen:
        raise OfficialFileError(
            f"is empty: expected the header {','.join(header)!r} and one line per list", path=name
        )
    if faults:
        more = "; and more faulty lines" if len(faults) > _MAX_FAULTS else ""
        raise OfficialFileError("; ".join(faults[:_MAX_FAULTS]) + more, path=name)
    if not rows:
        raise OfficialFileError("has a header but no list", path=name)
    return rows
