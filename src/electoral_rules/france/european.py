"""Européennes: plus forte moyenne among the lists with at least 5 % of expressed votes.

Loi n° 77-729 du 7 juillet 1977, art. 3 (allocation) and art. 4 (constituencies), by era:

================================  ======================  ====================================
era (election date)               constituency            tie for the last seat
================================  ======================  ====================================
1979 to 11 April 2003             one, national           **no rule** in the 1977 text: the
                                                          tie is reported, seats undetermined
12 April 2003 to 26 June 2018     eight regional ones     most votes, then the list with the
(elections 2004, 2009, 2014)      (loi n° 2003-327)       **highest** average age (UNVERIFIED:
                                                          secondary sources only)
from 27 June 2018                 one, national           most votes, then the list with the
(loi n° 2018-509)                                         **lowest** average age
================================  ======================  ====================================

The threshold is "au moins 5 % des suffrages exprimés" (``20 * v >= E``) in every era.
:func:`allocate` computes one constituency: in 2004–2014, call it once per regional
constituency with its own seats. The number of seats is a parameter, so the same
election can be computed for another house size (France's 2019 seats were computed for
79 and for 74 seats, the 5 extra members sitting only after Brexit).

>>> import datetime
>>> result = allocate({"A": 5000, "B": 3000, "C": 1500, "D": 499}, 10, date=datetime.date(2024, 6, 9))
>>> dict(result), result.excluded
({'A': 6, 'B': 3, 'C': 1, 'D': 0}, ('D',))

.. seealso:: Loi n° 77-729 du 7 juillet 1977, art. 3 and 4.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterable, Mapping
from fractions import Fraction

from .._dates import as_date
from .._deprecation import deprecated, renamed
from ..errors import InvalidArgumentError, UnsupportedEraError
from ..outcome import Allocation, Note, NoteKind
from ..tally import PartyList, Tally
from ..tiebreak import IfUnresolved
from .list_engine import LastSeatTie, ListRule
from .list_engine import allocate as _allocate_lists

__all__ = ["FIRST_ELECTION", "NATIONAL_AGAIN_FROM", "REGIONAL_FROM", "allocate"]

FIRST_ELECTION = _dt.date(1979, 6, 1)
"""The first direct election (10 June 1979); earlier dates are refused."""
REGIONAL_FROM = _dt.date(2003, 4, 12)
"""Loi n° 2003-327 in force: eight regional constituencies (elections of 2004, 2009, 2014)."""
NATIONAL_AGAIN_FROM = _dt.date(2018, 6, 27)
"""Loi n° 2018-509 in force: one national constituency and the youngest-list tie rule."""

ART3 = "loi n° 77-729 du 7 juillet 1977, art. 3"

_LAST_SEAT = {
    "none": LastSeatTie.NO_RULE,
    "highest average age": LastSeatTie.MOST_VOTES_THEN_HIGHEST_AVERAGE_AGE,
    "lowest average age": LastSeatTie.MOST_VOTES_THEN_LOWEST_AVERAGE_AGE,
}


def _era(when: _dt.date) -> tuple[str, str, bool]:
    """Legal basis, tie rule in words, and whether the tie rule is verified."""
    if when < FIRST_ELECTION:
        raise UnsupportedEraError(
            f"European election on {when.isoformat()}: the first direct election was held in June 1979 "
            "(loi n° 77-729)"
        )
    if when < REGIONAL_FROM:
        return f"{ART3} (rédaction de 1977), art. 4 (circonscription nationale unique)", "none", True
    if when < NATIONAL_AGAIN_FROM:
        return (
            f"{ART3} (rédaction de la loi n° 2003-327), art. 4 (huit circonscriptions)",
            "highest average age",
            False,
        )
    basis = f"{ART3} (rédaction de la loi n° 2018-509), art. 4 (circonscription nationale unique)"
    return basis, "lowest average age", True


def allocate(
    tally: Tally | Mapping[str, int],
    seats: int,
    *,
    date: _dt.date | str | None = None,
    people: Mapping[str, PartyList] | Iterable[PartyList] | None = None,
    if_unresolved: IfUnresolved = IfUnresolved.REPORT,
    lists: Mapping[str, PartyList] | Iterable[PartyList] | None = None,
    decide: bool | None = None,
) -> Allocation:
    """Seats of one European-election constituency (plus forte moyenne, 5 % threshold).

    :param tally: the votes per list (expressed = their sum).
    :param seats: the constituency's seats (e.g. 81 for France in 2024; 79 or 74 in 2019).
    :param date: the polling day (``None``: today); selects the tie rule (see the module
        table).
    :param people: candidates per list; needed to seat candidates and to break a tie by
        average age (``lists=`` is its deprecated name).
    :param if_unresolved: a last-seat tie that the law (or the data) leaves open:
        ``REPORT`` leaves its seats undetermined and records the tie
        (:attr:`~electoral_rules.Allocation.ties`); ``RAISE`` raises
        :class:`~electoral_rules.errors.UnresolvedTieError`. The deprecated ``decide=True``
        / ``False`` stand for ``RAISE`` / ``REPORT``.
    :returns: an :class:`~electoral_rules.Allocation`; lists under 5 % are in
        :attr:`~electoral_rules.Allocation.excluded`.
    :raises UnsupportedEraError: for a date before June 1979.
    :raises UnresolvedTieError: with ``RAISE``, when a last-seat tie survives the era's
        criteria (equal votes and no ``people``, or equal average ages); the error's
        ``outcome`` is the partial allocation.

    Before 12 April 2003 a tie is reported (A 300, B 200 and C 100 all average 100 for the
    last two seats):

    >>> import datetime
    >>> tied = allocate({"A": 300, "B": 200, "C": 100}, 5, date=datetime.date(1999, 6, 13))
    >>> dict(tied), tied.undetermined, tied.ties[0].contenders
    ({'A': 2, 'B': 1, 'C': 0}, 2, ('A', 'B', 'C'))

    Since 2018 the same tie goes to the lists with the most votes:

    >>> dict(allocate({"A": 300, "B": 200, "C": 100}, 5, date=datetime.date(2019, 5, 26)))
    {'A': 3, 'B': 2, 'C': 0}

    .. seealso:: Loi n° 77-729 du 7 juillet 1977, art. 3 and 4 (versions of 1977, of loi
       n° 2003-327 and of loi n° 2018-509).
    """
    when = as_date(date, rule="européennes")
    basis, tie_rule, verified = _era(when)
    rule = ListRule(
        election="européennes",
        legal_basis=basis,
        threshold=Fraction(1, 20),
        threshold_basis=f"{ART3} (au moins 5 % des suffrages exprimés)",
        last_seat_tie=_LAST_SEAT[tie_rule],
        last_seat_basis=ART3,
    )
    given: Mapping[str, PartyList] | Iterable[PartyList] | None = renamed(
        people, lists, old="lists", new="people", where="european.allocate"
    )
    result = _allocate_lists(tally, seats, rule, people=given, if_unresolved=_policy(decide, if_unresolved))
    if result.ties and not verified:
        result = result.with_changes(notes=(*result.notes, Note(kind=NoteKind.TIE_RULE_UNVERIFIED)))
    return result


def _policy(decide: bool | None, if_unresolved: IfUnresolved) -> IfUnresolved:
    if decide is None:
        return if_unresolved
    if not isinstance(decide, bool):
        raise InvalidArgumentError(f"decide must be True, False or None, got {decide!r}")
    deprecated("european.allocate(decide=...)", "european.allocate(if_unresolved=IfUnresolved.RAISE or REPORT)")
    return IfUnresolved.RAISE if decide else IfUnresolved.REPORT
