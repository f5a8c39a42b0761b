"""Old names kept for one release: each use warns with :class:`DeprecationWarning`.

The CHANGELOG lists every old name with its replacement.
"""

from __future__ import annotations

import warnings
from typing import TypeVar

from .errors import InvalidArgumentError

__all__ = ["deprecated", "renamed"]

_T = TypeVar("_T")


def deprecated(old: str, new: str, *, stacklevel: int = 3) -> None:
    """Warn that ``old`` is deprecated in favour of ``new`` (pointing at the caller's caller)."""
    warnings.warn(
        f"{old} is deprecated and will be removed in the next release: use {new}",
        DeprecationWarning,
        stacklevel=stacklevel,
    )


def renamed(new_value: _T, old_value: _T, *, old: str, new: str, where: str) -> _T:
    """The value of a keyword given under its deprecated name ``old`` or its name ``new``.

    >>> renamed(1, None, old="lists", new="people", where="f")
    1
    """
    if old_value is None:
        return new_value
    if new_value is not None:
        raise InvalidArgumentError(f"{where}: give {new}= only ({old}= is its deprecated name)")
    deprecated(f"{where}({old}=...)", f"{where}({new}=...)", stacklevel=4)
    return old_value
