"""The Senate's tables: which constituencies vote at each partial renewal, with how many seats and how.

Half the Senate is renewed every three years, by *series*. Two tables annexed to the Code
électoral fix the composition of each renewal:

* **tableau n° 6** (art. L279) gives the number of senators of each department, in the table's
  own order (the old alphabetical order: "Alpes (Hautes-)", "Belfort (Territoire de)" after
  Aveyron, "Rhin (Bas-)" ..., then the overseas departments, then the Île-de-France departments
  created in 1964). The package holds the version of loi n° 2003-697; earlier versions are
  absent.
* **tableau n° 5** (art. LO276) shares the seats between the series, as *ranges* of tableau
  n° 6 ("Ain à Indre : 103") plus the overseas collectivities and the Français établis hors de
  France (FEHF). Each version is written in stages, "à compter du renouvellement partiel de
  2004 / 2008 / 2011". The package holds the versions of 2004 (loi n° 2004-404), December 2005,
  February 2007 and the current one (loi n° 2010-1487, in force 31 March 2011).

The voting mode of each constituency follows from its seats and the threshold of art. L294 and
L295 in force at the renewal (:func:`voting_mode`).

The package is split by what each part holds, and re-exports every public name here:

* :mod:`~electoral_rules.france.senate_tables.records`: the frozen records (:class:`SenatePlace`,
  :class:`TableRow`, :class:`SeriesTable`, :class:`TableStage`, :class:`TableVersion`,
  :class:`Constituency`, :class:`Renewal`) and the enums :class:`Mode` and :class:`Kind`;
* :mod:`~electoral_rules.france.senate_tables.data`: the packaged files, read on first use, and
  the lookup of a place (:func:`lookup`, :func:`tableau6`, :func:`expand_range`,
  :func:`tableau5_versions`);
* :mod:`~electoral_rules.france.senate_tables.eras`: the rules in force on a date, the
  voting-mode era of art. L294/L295 (:func:`proportional_from`, :func:`voting_mode`,
  :func:`voting_mode_basis`) and the version of tableau n° 5 (:func:`tableau5`);
* :mod:`~electoral_rules.france.senate_tables.renewals`: the series rule, a place's series and
  seats on a date (:func:`series_seats`, :func:`seats`, :func:`series`) and the renewals
  (:func:`renewal`, :func:`renewal_years`).

Every function that depends on the day takes it as ``date=`` under the calling contract (a
:class:`datetime.date` or an ISO string; ``None`` for today). The older keyword ``on=`` and a
year given as an int to the voting-mode functions still work for one release, with a
:class:`DeprecationWarning` (:mod:`~electoral_rules.france.senate_tables.eras` says how they
are read); a renewal is named by its year.

>>> r = renewal(2014)
>>> r.series, r.total_seats, len(r.constituencies)
('2', 178, 64)
>>> r.seats_by_mode[Mode.PROPORTIONAL], r.seats_by_mode[Mode.MAJORITARIAN]
(119, 59)
>>> seats("Rhin (Bas-)", date="2014-09-28"), series("67", date="2014-09-28")
(5, '2')

The data files under ``electoral_rules/france/data/`` (``senate_tableau6.json``,
``senate_tableau5.json``, ``senate_constituencies.json``, ``senate_renewals.json``) record their
legal source, version and in-force dates next to the figures. Dates of the renewals other than
2014, the attribution of the December 2005 text, and the exact day on which each L294/L295
version took effect are UNVERIFIED (see the notes in the data and the docstrings).

.. seealso:: Code électoral, art. L279, LO276, L294, L295 and the annexed tableaux n° 5 and n° 6.
"""

from __future__ import annotations

import warnings
from typing import Any

from .data import expand_range, lookup, tableau5_versions, tableau6
from .eras import proportional_from, tableau5, voting_mode, voting_mode_basis
from .records import (
    Constituency,
    Kind,
    Mode,
    Renewal,
    SenatePlace,
    SeriesTable,
    TableRow,
    TableStage,
    TableVersion,
)
from .renewals import LAST_YEAR, renewal, renewal_years, seats, series, series_seats

__all__ = [
    "LAST_YEAR",
    "Constituency",
    "Kind",
    "Mode",
    "Place",
    "Renewal",
    "SenatePlace",
    "SeriesTable",
    "TableRow",
    "TableStage",
    "TableVersion",
    "expand_range",
    "lookup",
    "proportional_from",
    "renewal",
    "renewal_years",
    "seats",
    "series",
    "series_seats",
    "tableau5",
    "tableau5_versions",
    "tableau6",
    "voting_mode",
    "voting_mode_basis",
]


def __getattr__(name: str) -> Any:
    if name == "Place":
        warnings.warn(
            "senate_tables.Place is deprecated: use senate_tables.SenatePlace", DeprecationWarning, stacklevel=2
        )
        return SenatePlace
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
