"""Deprecated: renamed :mod:`electoral_rules.france.list_engine` (the list-vote engine).

Importing this module warns; every name resolves to the one in :mod:`.list_engine`. It will be
removed in the next release.
"""

from __future__ import annotations

import warnings
from typing import Any

from . import list_engine as _engine

__all__ = list(_engine.__all__)

warnings.warn(
    "electoral_rules.france.list_vote is deprecated: import electoral_rules.france.list_engine",
    DeprecationWarning,
    stacklevel=2,
)


def __getattr__(name: str) -> Any:
    if name in __all__:
        return getattr(_engine, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
