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
  as :class:`~electoral_rules.errors.UnresolvedTieError` with ``if_unresolved=IfUnresolved.RAISE``.

The AFP's 2011 example: 5 seats, A 1 023, B 258, C 253. The AFP wrote "1.532
suffrages" and a quotient of 306,4, but the three lists add up to 1 534 (quotient 306,8);
the seats are the same, A 4, B 1, C 0 (and the AFP's "5 (le nombre de listes)" is the
number of seats: there are three lists).

>>> result = allocate({"A": 1023, "B": 258, "C": 253}, 5)
>>> dict(result), result.quotient
({'A': 4, 'B': 1, 'C': 0}, Fraction(1534, 5))

.. seealso:: Code électoral, art. L294 (majoritarian), L295 (proportional).
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterable, Mapping

from .._dates import as_date
from .._deprecation import deprecated
from .._exact import as_round, as_seats
from ..errors import InvalidArgumentError
from ..outcome import Allocation, RoundOutcome
from ..tally import Candidate, PartyList, Tally
from ..tiebreak import IfUnresolved
from . import senate_tables
from .list_engine import ListRule
from .list_engine import allocate as _allocate_lists
from .round_engine import plurinominal_round

__all__ = [
    "L294",
    "L295",
    "allocate",
    "elect",
    "majoritarian_round",
    "majoritarian_seat_limit",
    "proportional",
    "proportional_minimum",
]

L294 = "Code électoral, art. L294"
L295 = "Code électoral, art. L295"

# ---------------------------------------------------------------------------------------------
# Majoritarian departments (L294)
# ---------------------------------------------------------------------------------------------

def majoritarian_seat_limit(date: _dt.date | str | None = None) -> int:
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


def elect(
    tally: Tally | Mapping[str, int],
    seats: int,
    *,
    round: int = 1,
    date: _dt.date | str | None = None,
    people: Mapping[str, Candidate] | Iterable[Candidate] | None = None,
    if_unresolved: IfUnresolved = IfUnresolved.REPORT,
) -> RoundOutcome:
    """One round of the majoritarian senatorial vote in a department (L294).

    :param tally: the count, one entry per candidate. Round 1 needs ``registered`` (the
        grands électeurs: a quarter of them to be elected), so it takes a
        :class:`~electoral_rules.Tally`; with two seats a ballot may carry two names, so the
        tally also needs ``names_per_ballot`` of at least ``seats`` and ``expressed`` = the
        number of valid ballots. A one-seat round 2 accepts a mapping.
    :param seats: seats to fill in this round (in round 2, those left after round 1); at
        most the majoritarian limit of the era (:func:`majoritarian_seat_limit`).
    :param round: 1 or 2.
    :param date: the polling day (``None``: today's rule).
    :param people: :class:`~electoral_rules.Candidate` records with birth dates, used only
        for a tie ("le plus âgé des candidats est élu").
    :param if_unresolved: a tie whose birth dates are missing: ``REPORT`` leaves the seat
        undetermined, ``RAISE`` raises :class:`~electoral_rules.errors.UnresolvedTieError`.
    :returns: round 1: elected are those with an absolute majority of valid ballots and at
        least a quarter of the electors, the highest first if more pass than there are
        seats; every other candidate may stand in round 2. Round 2: the ``seats`` highest.
    :raises InvalidTallyError: without ``registered`` in round 1, or if ``names_per_ballot``
        is below ``seats``.

    Allier, 27 September 2026 (two seats, 970 electors, 950 valid ballots):

    >>> from electoral_rules import Tally
    >>> allier = Tally(votes={"BONAUD": 33, "DE NICOLAY": 91, "GENESTE": 190, "LEFEBRE": 176,
    ...     "MALHURET": 636, "PICARD": 14, "ROJOUAN": 643}, registered=970, voters=963,
    ...     blank=7, null=6, expressed=950, names_per_ballot=2)
    >>> elect(allier, 2, date="2026-09-27").elected
    ('ROJOUAN', 'MALHURET')

    .. seealso:: Code électoral, art. L294.
    """
    limit = majoritarian_seat_limit(date)
    house = as_seats(seats, "sénatoriales")
    if house > limit:
        raise InvalidArgumentError(
            f"seats ({seats!r}) must be between 1 and {limit}: departments electing more senators "
            f"vote by list (Code électoral, art. L295; use france.senate.allocate)"
        )
    return plurinominal_round(
        tally, house, round=as_round(round, "sénatoriales"), election="sénatoriales", legal_basis=L294,
        people=people, if_unresolved=if_unresolved,
    )


def majoritarian_round(
    tally: Tally | Mapping[str, int],
    seats: int,
    *,
    round: int = 1,
    date: _dt.date | str | None = None,
    candidates: Mapping[str, Candidate] | Iterable[Candidate] | None = None,
) -> RoundOutcome:
    """Deprecated: use :func:`elect` (``people=``; a tie without birth dates is then
    reported unless ``if_unresolved=IfUnresolved.RAISE``)."""
    deprecated("senate.majoritarian_round(candidates=...)", "senate.elect(tally, seats, people=...)")
    return elect(tally, seats, round=round, date=date, people=candidates, if_unresolved=IfUnresolved.RAISE)


# ---------------------------------------------------------------------------------------------
# Proportional departments and the Français établis hors de France (L295)
# ---------------------------------------------------------------------------------------------


def proportional_minimum(date: _dt.date | str | None = None) -> tuple[int, str]:
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


def allocate(
    tally: Tally | Mapping[str, int],
    seats: int,
    *,
    date: _dt.date | str | None = None,
    people: Mapping[str, PartyList] | Iterable[PartyList] | None = None,
    if_unresolved: IfUnresolved = IfUnresolved.REPORT,
    abroad: bool = False,
) -> Allocation:
    """Seats of a department (or of the Français établis hors de France) that votes by PR (L295).

    :param tally: the votes per list (expressed = their sum), a
        :class:`~electoral_rules.Tally` or a mapping.
    :param seats: the senators to elect.
    :param date: the polling day (``None``: today's rule): the department must be large
        enough to vote by PR in that era (not checked for ``abroad``).
    :param people: candidates per list in the order of presentation
        (:class:`~electoral_rules.PartyList`); seats go to them in that order
        (:attr:`~electoral_rules.Allocation.elected`).
    :param if_unresolved: L.295 has no tie rule: a tie for the last seat is reported, its
        seat left undetermined (``REPORT``), or raised as
        :class:`~electoral_rules.errors.UnresolvedTieError` whose ``outcome`` is the partial
        allocation (``RAISE``).
    :param abroad: ``True`` for the Français établis hors de France (six senators per
        series, always by PR; the provisions of loi n° 83-390 are UNVERIFIED here).
    :raises InvalidArgumentError: when the department is too small to vote by PR on
        ``date`` (it votes by majority, L.294: :func:`elect`).
    :raises UnsupportedEraError: for a date before the 1964 codification.

    A tie for the last seat (A 200, B 100 and C 100 with 2 seats: B and C both average 100):

    >>> tied = allocate({"A": 200, "B": 100, "C": 100}, 3)
    >>> dict(tied), tied.undetermined, tied.ties[0].unresolved
    ({'A': 1, 'B': 0, 'C': 0}, 2, ('A', 'B', 'C'))
    >>> allocate({"A": 200, "B": 100, "C": 100}, 3, if_unresolved=IfUnresolved.RAISE)  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    electoral_rules.errors.UnresolvedTieError: tie for the last seats between 'A', 'B', 'C' ...

    .. seealso:: Code électoral, art. L295 (no threshold, no tie rule).
    """
    return _proportional(tally, seats, as_date(date, rule="sénatoriales"), people, if_unresolved, abroad)


def _proportional(
    tally: Tally | Mapping[str, int],
    seats: int,
    date: _dt.date | None,
    people: Mapping[str, PartyList] | Iterable[PartyList] | None,
    if_unresolved: IfUnresolved,
    abroad: bool,
) -> Allocation:
    if not isinstance(abroad, bool):
        raise InvalidArgumentError(f"abroad must be True or False, got {abroad!r}")
    basis = L295
    if date is not None:
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
    rule = ListRule(
        election="sénatoriales",
        legal_basis=basis,
        unresolved_hint=(
            "L.295 states no tie rule for the last seat (call with if_unresolved=IfUnresolved.REPORT to "
            "have the tie reported and the seat left undetermined)"
        ),
    )
    return _allocate_lists(tally, seats, rule, people=people, if_unresolved=if_unresolved)


def proportional(
    tally: Tally | Mapping[str, int],
    seats: int,
    *,
    date: _dt.date | str | None = None,
    lists: Mapping[str, PartyList] | Iterable[PartyList] | None = None,
    abroad: bool = False,
    decide: bool = False,
) -> Allocation:
    """Deprecated: use :func:`allocate` (``people=`` for ``lists=``, ``if_unresolved=`` for
    ``decide=``; without ``date`` it checks today's minimum of seats, which this did not)."""
    deprecated("senate.proportional(lists=..., decide=...)", "senate.allocate(tally, seats, people=..., if_unresolved=...)")
    if not isinstance(decide, bool):
        raise InvalidArgumentError(f"decide must be True or False, got {decide!r}")
    when = None if date is None else as_date(date, rule="sénatoriales")
    policy = IfUnresolved.RAISE if decide else IfUnresolved.REPORT
    return _proportional(tally, seats, when, lists, policy, abroad)
