"""Sénatoriales: the majoritarian vote (L294) and the proportional vote (L295).

Which constituencies vote which way depends on their number of seats and on the era
(:func:`electoral_rules.france.senate_tables.proportional_from`): proportional from 5 seats
until 2000, from 3 under loi n° 2000-641, from 4 under loi n° 2003-697, from 3 under loi n°
2013-702; the Français établis hors de France always by list.

**Majoritarian (L294).** The electors are the grands électeurs of the department (the
"électeurs inscrits" of L294). With two seats a ballot may carry two names (panachage), so
the candidates' votes add up to more than the valid ballots; the absolute majority is
counted on the **valid ballots** (``tally.expressed``), not on the sum of the votes. That is
the usual practice and the Ministry's results follow it; no article states it in those
words (UNVERIFIED as law). Who may stand in the second round: the Code sets no threshold,
and the outcome lists every candidate not elected, as the Ministry's results do
("QUALIFIE(E) AU T2"); whether new candidates may enter the second round is outside this
calculation.

**Proportional (L295).** "L'élection a lieu à la représentation proportionnelle suivant la
règle de la plus forte moyenne, sans panachage ni vote préférentiel. Sur chaque liste, les
sièges sont attribués aux candidats d'après l'ordre de présentation."

* **No threshold**: every list with a vote takes part.
* **No tie rule**: no version of L.295 read for this library (2000, 2003, 2013, current)
  has a "même moyenne" clause; the common "most votes, then the oldest" is not in it. A tie
  for the last seat is therefore **reported** (the seat stays undetermined, the
  :class:`~electoral_rules.Tie` is in :attr:`~electoral_rules.Allocation.ties`), or raised
  as :class:`~electoral_rules.errors.UnresolvedTieError` with ``decide=True``.

The AFP's 2011 example: 5 seats, A 1 023, B 258, C 253. The AFP wrote "1.532
suffrages" and a quotient of 306,4, but the three lists add up to 1 534 (quotient 306,8);
the seats are the same, A 4, B 1, C 0 (and the AFP's "5 (le nombre de listes)" is the
number of seats: there are three lists).

>>> result = proportional({"A": 1023, "B": 258, "C": 253}, 5)
>>> dict(result), result.quotient
({'A': 4, 'B': 1, 'C': 0}, Fraction(1534, 5))

.. seealso:: Code électoral, art. L294 (majoritarian), L295 (proportional).
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterable, Mapping

from .._dates import as_date
from .._exact import as_seats
from ..errors import InvalidArgumentError
from ..outcome import Allocation, RoundOutcome
from ..tally import Candidate, PartyList, Tally
from ..tiebreak import IfUnresolved
from . import senate_tables
from .list_engine import ListRule
from .list_engine import allocate as _allocate_lists
from .round_engine import plurinominal_round

__all__ = ["majoritarian_round", "majoritarian_seat_limit", "proportional", "proportional_minimum"]

L294 = "Code électoral, art. L294"
L295 = "Code électoral, art. L295"

# ---------------------------------------------------------------------------------------------
# Majoritarian departments (L294)
# ---------------------------------------------------------------------------------------------

def majoritarian_seat_limit(date: _dt.date | None = None) -> int:
    """The most seats a department may elect and still vote by the majoritarian ballot.

    >>> import datetime as dt
    >>> majoritarian_seat_limit(), majoritarian_seat_limit(dt.date(2011, 9, 25))
    (2, 3)

    :raises UnsupportedEraError: before the 1964 codification of the Code électoral.

    The eras are those of :func:`~electoral_rules.france.senate_tables.proportional_from`.

    .. seealso:: Code électoral, art. L294 (versions of 1964, loi 2000-641, loi 2003-697,
       loi 2013-702).
    """
    return senate_tables.proportional_from(as_date(date, rule="sénatoriales")) - 1


def majoritarian_round(
    tally: Tally,
    seats: int,
    *,
    round: int = 1,
    date: _dt.date | None = None,
    candidates: Mapping[str, Candidate] | Iterable[Candidate] | None = None,
) -> RoundOutcome:
    """One round of the majoritarian senatorial vote in a department.

    :param tally: the count, one entry per candidate; ``names_per_ballot`` must be at least
        ``seats`` and ``expressed`` is the number of valid ballots. ``registered`` (the
        grands électeurs) is required in round 1.
    :param seats: seats to fill in this round (in round 2, those left after round 1).
    :param round: 1 or 2.
    :param date: the election date: the seats may not exceed the majoritarian limit of its
        era (:func:`majoritarian_seat_limit`).
    :param candidates: :class:`~electoral_rules.Candidate` records with birth dates, needed
        only for a tie ("le plus âgé des candidats est élu").
    :returns: round 1: elected are those with an absolute majority of valid ballots and at
        least a quarter of the electors, the highest first if more pass than there are
        seats; every other candidate may stand in round 2. Round 2: the ``seats`` highest.
    :raises InvalidTallyError: without ``registered`` in round 1, or if ``names_per_ballot``
        is below ``seats``.
    :raises UnresolvedTieError: on an age tie with a birth date missing.

    Allier, 27 September 2026 (two seats, 970 electors, 950 valid ballots):

    >>> from electoral_rules import Tally
    >>> allier = Tally(votes={"BONAUD": 33, "DE NICOLAY": 91, "GENESTE": 190, "LEFEBRE": 176,
    ...     "MALHURET": 636, "PICARD": 14, "ROJOUAN": 643}, registered=970, voters=963,
    ...     blank=7, null=6, expressed=950, names_per_ballot=2)
    >>> majoritarian_round(allier, 2).elected
    ('ROJOUAN', 'MALHURET')

    .. seealso:: Code électoral, art. L294.
    """
    limit = majoritarian_seat_limit(date)
    if isinstance(seats, bool) or not isinstance(seats, int) or not 1 <= seats <= limit:
        raise InvalidArgumentError(
            f"seats ({seats!r}) must be between 1 and {limit}: departments electing more senators "
            f"vote by list (Code électoral, art. L295; use france.senate.proportional)"
        )
    return plurinominal_round(
        tally, seats, round=round, election="sénatoriales", legal_basis=L294, candidates=candidates
    )


# ---------------------------------------------------------------------------------------------
# Proportional departments and the Français établis hors de France (L295)
# ---------------------------------------------------------------------------------------------


def proportional_minimum(date: _dt.date) -> tuple[int, str]:
    """The fewest seats a department must elect to vote by PR on ``date``, and the version.

    >>> proportional_minimum(_dt.date(2026, 9, 27))[0], proportional_minimum(_dt.date(2011, 9, 25))[0]
    (3, 4)
    >>> proportional_minimum(_dt.date(1998, 9, 27))[0], proportional_minimum(_dt.date(2001, 9, 23))[0]
    (5, 3)

    The eras are those of :func:`~electoral_rules.france.senate_tables.proportional_from`.

    .. seealso:: Code électoral, art. L294 and L295 (versions of 1964, of loi n° 2000-641,
       loi n° 2003-697 and loi n° 2013-702).
    """
    when = as_date(date, rule="sénatoriales")
    return senate_tables.proportional_from(when), senate_tables.voting_mode_basis(when)


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
    :raises UnsupportedEraError: for a date before the 1964 codification.

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
    if not isinstance(abroad, bool):
        raise InvalidArgumentError(f"abroad must be True or False, got {abroad!r}")
    basis = L295
    if date is not None:
        date = as_date(date, rule="sénatoriales")
        minimum, version = proportional_minimum(date)
        basis = version
        if not abroad and as_seats(seats, "sénatoriales") < minimum:
            raise InvalidArgumentError(
                f"a department electing {seats} senator{'s' if seats != 1 else ''} voted by majority on "
                f"{date.isoformat()}: proportional representation applied from {minimum} seats "
                f"({version})"
            )
    if abroad:
        basis = f"{basis}; Français établis hors de France (loi n° 83-390, UNVERIFIED)"
    if not isinstance(decide, bool):
        raise InvalidArgumentError(f"decide must be True or False, got {decide!r}")
    rule = ListRule(
        election="sénatoriales",
        legal_basis=basis,
        unresolved_hint=(
            "L.295 states no tie rule for the last seat (call with decide=False to have the tie "
            "reported and the seat left undetermined)"
        ),
    )
    return _allocate_lists(
        tally, seats, rule, people=lists, if_unresolved=IfUnresolved.RAISE if decide else IfUnresolved.REPORT
    )
