"""Strict JSON reading shared by every reader of JSON text (open data, the command line).

:func:`loads` is :func:`json.loads` that refuses, with
:class:`~electoral_rules.errors.OfficialFileError`, what would otherwise be read wrongly or
raise a builtin: bytes that are not UTF-8 (a UTF-16/32 document included: open data is
UTF-8), a key given twice in one object (``{"A": 1, "A": 3}`` would silently keep 3), a
float, ``NaN`` or ``Infinity`` (counts are exact), an integer longer than
:data:`MAX_DIGITS` digits, and nesting too deep for the parser.

>>> loads('{"A": 1023, "B": 258}')
{'A': 1023, 'B': 258}
>>> loads('{"A": 1, "A": 3}')
Traceback (most recent call last):
...
electoral_rules.errors.OfficialFileError: key 'A': given twice in one object
"""

from __future__ import annotations

import json
from typing import Any

from .errors import OfficialFileError

__all__ = ["MAX_DIGITS", "loads"]

MAX_DIGITS = 4000
"""Longest integer read, in digits: under Python's own limit on converting text to ``int``
(4 300 digits by default), so a longer one is this library's error, not a ``ValueError``."""


def _no_float(text: str) -> Any:
    raise OfficialFileError(f"{text[:40]} is not an integer (floats are not exact)", element="number")


def _int(text: str) -> int:
    if len(text) > MAX_DIGITS:
        raise OfficialFileError(
            f"an integer of {len(text)} digits is longer than the {MAX_DIGITS} accepted", element="number"
        )
    return int(text)


def _object(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for key, value in pairs:
        if key in result:
            raise OfficialFileError("given twice in one object", element=f"key {key[:60]!r}")
        result[key] = value
    return result


def loads(text: str | bytes) -> Any:
    """Parse JSON text strictly (see the module's docstring).

    :param text: the document, as text or UTF-8 bytes (a UTF-8 byte order mark is allowed).
    :raises OfficialFileError: naming the line and column, or the value, at fault.
    """
    if isinstance(text, (bytes, bytearray)):
        try:
            text = bytes(text).decode("utf-8-sig")
        except UnicodeDecodeError as err:
            raise OfficialFileError(
                f"not UTF-8 text (byte {err.start}: {err.reason})", element="encoding"
            ) from None
    elif not isinstance(text, str):
        raise OfficialFileError(f"JSON must be text or bytes, not {type(text).__name__}", element="document")
    try:
        return json.loads(
            text,
            parse_float=_no_float,
            parse_constant=_no_float,
            parse_int=_int,
            object_pairs_hook=_object,
        )
    except json.JSONDecodeError as err:
        raise OfficialFileError(
            f"not valid JSON ({err.msg})", element=f"line {err.lineno}, column {err.colno}"
        ) from None
    except RecursionError:
        raise OfficialFileError("nested too deep to be read", element="document") from None
