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
  :mod:`~electoral_rules.france.martinique`, :mod:`~electoral_rules.france.guyane`;
  :func:`electoral_rules.france.legislative.proportional` (the législatives of 1986).
* The Senate's tables: :mod:`~electoral_rules.france.senate_tables`.

>>> from electoral_rules import france
>>> france.senate_tables.renewal(2014).total_seats
178
"""

from __future__ import annotations

from . import (
    corsica,
    departmental,
    european,
    guyane,
    legislative,
    list_engine,
    martinique,
    municipal,
    municipal_tables,
    presidential,
    regional,
    round_engine,
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
    "municipal",
    "municipal_tables",
    "presidential",
    "regional",
    "round_engine",
    "senate",
    "senate_tables",
]
