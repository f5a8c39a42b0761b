"""French electoral law, one module per election, each citing its articles and rule eras.

* :mod:`~electoral_rules.france.round_engine`: the exact majoritarian tests shared by the elections.
* Majoritarian: :mod:`~electoral_rules.france.legislative`,
  :mod:`~electoral_rules.france.departmental`, :mod:`~electoral_rules.france.presidential`,
  :func:`electoral_rules.france.senate.majoritarian_round`,
  :func:`electoral_rules.france.municipal.small_commune_round`.
* List votes: :func:`electoral_rules.france.municipal.allocate`,
  :mod:`~electoral_rules.france.regional`, :mod:`~electoral_rules.france.european`,
  :func:`electoral_rules.france.senate.proportional`.
* Single assemblies: :mod:`~electoral_rules.france.corsica` (Assemblée de Corse),
  :mod:`~electoral_rules.france.martinique`, :mod:`~electoral_rules.france.guyane`,
  :mod:`~electoral_rules.france.polynesia`, :mod:`~electoral_rules.france.new_caledonia`,
  :mod:`~electoral_rules.france.saint_pierre_et_miquelon`,
  :mod:`~electoral_rules.france.saint_barthelemy`, :mod:`~electoral_rules.france.saint_martin`,
  :mod:`~electoral_rules.france.mayotte` (the future assembly's sections);
  :func:`electoral_rules.france.legislative.proportional` (the législatives of 1986).
* The Senate's tables: :mod:`~electoral_rules.france.senate_tables`.

>>> from electoral_rules import france
>>> france.senate_tables.renewal(2014).total_seats
178
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # for type checkers; at run time each module is imported on first use
    from . import (
        corsica,
        departmental,
        european,
        guyane,
        legislative,
        list_engine,
        martinique,
        mayotte,
        municipal,
        municipal_tables,
        new_caledonia,
        polynesia,
        presidential,
        regional,
        round_engine,
        saint_barthelemy,
        saint_martin,
        saint_pierre_et_miquelon,
        senate,
        senate_tables,
    )

__all__ = [
    "corsica",
    "departmental",
    "european",
    "guyane",
    "legislative",
    "list_engine",
    "martinique",
    "mayotte",
    "municipal",
    "municipal_tables",
    "new_caledonia",
    "polynesia",
    "presidential",
    "regional",
    "round_engine",
    "saint_barthelemy",
    "saint_martin",
    "saint_pierre_et_miquelon",
    "senate",
    "senate_tables",
]


def __getattr__(name: str) -> object:
    """Import a French election module on first use: ``import electoral_rules`` stays cheap."""
    if name in __all__:
        return importlib.import_module(f"{__name__}.{name}")
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})
