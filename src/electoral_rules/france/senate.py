"""Sénatoriales, proportional part: plus forte moyenne, no threshold, no panachage (L.295).

In departments that elect enough senators, and for the Français établis hors de France,
"l'élection a lieu à la représentation proportionnelle suivant la règle de la plus forte
moyenne, sans panachage ni vote préférentiel. Sur chaque liste, les sièges sont attribués
aux candidats d'après l'ordre de présentation" (Code électoral, art. L295).

* **No threshold**: every list with a vote takes part.
* **No tie rule**: no version of L.295 read for this library (2000, 2003, 2013, current)
  has a "même moyenne" clause; the common "most votes, then the oldest" is not in it. A tie
  for the last seat is therefore **reported** (the seat stays undetermined, the
  :class:`~electoral_rules.Tie` is in :attr:`~electoral_rules.Allocation.ties`), or raised
  as :class:`~electoral_rules.errors.UnresolvedTieError` with ``decide=True``.
* Which departments vote this way depends on the number of seats and the era (L.294,
  L.295): 5 or more until 2000, 3 or more from loi n° 2000-641, 4 or more from loi n°
  2003-697, 3 or more from loi n° 2013-702. With a ``date``, :func:`proportional` checks
  that a constituency of that size voted proportionally.

The AFP's 2011 example: 5 seats, A 1 023, B 258, C 253. The AFP wrote "1.532
suffrages" and a quotient of 306,4, but the three lists add up to 1 534 (quotient 306,8);
the seats are the same, A 4, B 1, C 0 (and the AFP's "5 (le nombre de listes)" is the
number of seats: there are three lists).

>>> result = proportional({"A": 1023, "B": 258, "C": 253}, 5)
>>> dict(result), result.quotient
({'A': 4, 'B': 1, 'C': 0}, Fraction(1534, 5))

.. seealso:: Code électoral, art. L294 and L295.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterable, Mapping

from .._exact import as_count
from ..errors import InvalidArgumentError, UnsupportedEraError
from ..outcome import Allocation
from ..tally import PartyList, Tally, votes_of
from ..tiebreak import IfUnresolved
from .list_vote import allocate_with_bonus, as_election_date, party_lists

__all__ = ["proportional", "proportional_minimum"]

L295 = "Code électoral, art. L295"

_ERAS: tuple[tuple[_dt.date, int, str], ...] = (
    (_dt.date(1959, 1, 1), 5, "L295 (as codified: PR from five senators)"),
    (_dt.date(2000, 7, 11), 3, "L295 (version of loi n° 2000-641 du 10 juillet 2000)"),
    (_dt.date(2003, 7, 31), 4, "L295 (version of loi n° 2003-697 du 30 juillet 2003)"),
    (_dt.date(2013, 8, 3), 3, "L295 (version of loi n° 2013-702 du 2 août 2013)"),
)
"""(first day, fewest seats voting by PR, version). The first days follow the laws' dates;
no renewal was held within weeks of them, so no result depends on the exact day."""


def proportional_minimum(date: _dt.date) -> tuple[int, str]:
    """The fewest seats a department must elect to vote by PR on ``date``, and the version.

    >>> proportional_minimum(_dt.date(2026, 9, 27))[0], proportional_minimum(_dt.date(2011, 9, 25))[0]
    (3, 4)
    >>> proportional_minimum(_dt.date(1998, 9, 27))[0], proportional_minimum(_dt.date(2001, 9, 23))[0]
    (5, 3)

    .. seealso:: Code électoral, art. L294 and L295 (versions of 1964, of loi n° 2000-641,
       loi n° 2003-697 and loi n° 2013-702).
    """
    when = as_election_date(date)
    found: tuple[int, str] | None = None
    for start, minimum, version in _ERAS:
        if when >= start:
            found = (minimum, version)
    if found is None:
        raise UnsupportedEraError(
            f"senatorial election on {when.isoformat()}: only the Fifth Republic's Senate (from 1959) "
            "is implemented"
        )
    return found


def proportional(
    tally: Tally | Mapping[str, int],
    seats: int,
    *,
    date: _dt.date | None = None,
    lists: Mapping[str, PartyList] | Iterable[PartyList] | None = None,
    abroad: bool = False,
    decide: bool = False,
) -> Allocation:
    """Seats of a department (or of the Français établis hors de France) that votes by PR.

    :param tally: the votes per list (expressed = their sum).
    :param seats: the senators to elect.
    :param date: the day of the election, if known: the department must then be large
        enough to vote by PR in that era (not checked for ``abroad``).
    :param lists: candidates per list in the order of presentation; seats go to them in
        that order (:attr:`~electoral_rules.Allocation.elected`).
    :param abroad: ``True`` for the Français établis hors de France (six senators per
        series, always by PR; the provisions of loi n° 83-390 are UNVERIFIED here).
    :param decide: ``False`` (default): a tie for the last seat is reported, its seat left
        undetermined. ``True``: such a tie raises
        :class:`~electoral_rules.errors.UnresolvedTieError` (its ``outcome`` is the
        partial allocation), since L.295 gives no rule to decide it.
    :raises InvalidArgumentError: when ``date`` is given and the department is too small
        to vote by PR then (it votes by majority, L.294).
    :raises UnsupportedEraError: for a date before 1959.

    A tie for the last seat (A 200, B 100 and C 100 with 2 seats: B and C both average 100):

    >>> tied = proportional({"A": 200, "B": 100, "C": 100}, 3)
    >>> dict(tied), tied.undetermined, tied.ties[0].unresolved
    ({'A': 1, 'B': 0, 'C': 0}, 2, ('A', 'B', 'C'))
    >>> proportional({"A": 200, "B": 100, "C": 100}, 3, decide=True)  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    electoral_rules.errors.UnresolvedTieError: tie for the last seats between 'A', 'B', 'C' ...

    .. seealso:: Code électoral, art. L295 (no threshold, no tie rule).
    """
    basis = L295
    if date is not None:
        minimum, version = proportional_minimum(date)
        basis = f"Code électoral, art. {version}"
        if not abroad and as_count(seats, "seats") < minimum:
            raise InvalidArgumentError(
                f"a department electing {seats} senator{'s' if seats != 1 else ''} voted by majority on "
                f"{date.isoformat()}: proportional representation applied from {minimum} seats "
                f"({version}; Code électoral, art. L294)"
            )
    if abroad:
        basis = f"{basis}; Français établis hors de France (loi n° 83-390, UNVERIFIED)"
    if not isinstance(decide, bool):
        raise InvalidArgumentError(f"decide must be True or False, got {decide!r}")
    votes = votes_of(tally)
    house = as_count(seats, "seats")
    if house == 0:
        raise InvalidArgumentError("a senatorial constituency elects at least one senator (seats = 0)")
    return allocate_with_bonus(
        votes,
        house,
        threshold=None,
        legal_basis=basis,
        last_seat=None,
        if_unresolved=IfUnresolved.RAISE if decide else IfUnresolved.REPORT,
        unresolved_hint=(
            "L.295 states no tie rule for the last seat (call with decide=False to have the tie "
            "reported and the seat left undetermined)"
        ),
        lists=party_lists(lists, votes.votes),
        notes=(),
    )
