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
from .._exact import as_count, as_counts
from ..errors import (
    InvalidArgumentError,
    InvalidTallyError,
    NotImplementedRuleError,
    UnknownConstituencyError,
    UnresolvedTieError,
    UnsupportedEraError,
)
from ..outcome import Allocation, Note, NoteKind
from ..tally import PartyList, Tally
from ..tiebreak import IfUnresolved, TieBreak, as_if_unresolved, highest_list_average_age
from .list_engine import LastSeatTie, ListRule, party_lists
from .list_engine import allocate as _allocate_lists

__all__ = [
    "ART3",
    "ART3_1",
    "FIRST_ELECTION",
    "NATIONAL_AGAIN_FROM",
    "OVERSEAS_SECTIONS",
    "OVERSEAS_SECTIONS_FROM",
    "REGIONAL_FROM",
    "allocate",
    "overseas_sections",
]

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


OVERSEAS_SECTIONS = ("Atlantique", "océan Indien", "Pacifique")
"""The three sections of the outre-mer constituency (loi n° 77-729, art. 3-1, loi n° 2007-224):
Atlantique (Guadeloupe, Guyane, Martinique, Saint-Barthélemy, Saint-Martin,
Saint-Pierre-et-Miquelon), océan Indien (Mayotte, La Réunion), Pacifique (Nouvelle-Calédonie,
Polynésie française, Wallis-et-Futuna)."""
OVERSEAS_SECTIONS_FROM = _dt.date(2009, 1, 1)
"""The first election with the outre-mer sections (7 June 2009; the in-force day of loi n°
2007-224 was not read, so earlier days are refused)."""
ART3_1 = "loi n° 77-729 du 7 juillet 1977, art. 3-1 (loi n° 2007-224; PARTIAL: the article read is cut)"


def overseas_sections(
    seats: Mapping[str, int],
    section_votes: Mapping[str, Mapping[str, int]],
    *,
    date: object = None,
    people: Mapping[str, PartyList] | Iterable[PartyList] | None = None,
    if_unresolved: IfUnresolved = IfUnresolved.REPORT,
    section_seats: Mapping[str, int] | None = None,
) -> dict[str, dict[str, int]]:
    """Place the seats won in the outre-mer constituency in its three sections (2009, 2014).

    Loi n° 77-729, art. 3-1 (created by loi n° 2007-224), read up to a cut (**PARTIAL**):
    the seats each list won in the constituency « sont ensuite répartis entre sections, dans
    l'ordre décroissant des voix obtenues par chacune des listes » (equal votes: the list
    whose candidates have the highest average age comes first); the leading list's seats go
    to the sections « au prorata du pourcentage des suffrages exprimés obtenus par la liste
    dans chaque section », and « les sièges restant à attribuer sont répartis entre les
    sections selon la règle de … » (cut). The practice described in 2014 (one seat per
    section): each list in turn takes its seats in the sections left where its percentage of
    expressed votes is highest. That is what this function does, and only with one seat per
    section; anything else is refused.

    :param seats: seats per list in the outre-mer constituency (e.g. :func:`allocate`'s result).
    :param section_votes: for each section, the votes of every list there (the section's
        expressed votes are their sum).
    :param date: the polling day (2009 to 26 June 2018).
    :param section_seats: seats per section, set by decree (not read); default one each, the
        2009 and 2014 figure from secondary sources.
    :param people: the lists' candidates, for lists with equal votes (highest average age).
    :param if_unresolved: lists with seats and equal votes that the average age does not
        order (no ``people``, or no birth dates): ``REPORT`` (the default) places the lists
        ahead of them and leaves the other sections empty (``{}``), since which sections the
        tied lists take decides what is left for the next ones; ``RAISE`` raises.
    :returns: for each section, the seats per list placed there (``{}``: left undetermined
        by a tie).
    :raises NotImplementedRuleError: for a section with more than one seat, or equal
        percentages for the last section a list may take (the end of the article was not read).
    :raises UnresolvedTieError: with ``if_unresolved=IfUnresolved.RAISE``, for lists with
        equal votes that the average age does not order.

    Three seats (figures made up): A (2 seats) takes the Atlantique and Pacifique sections,
    where its shares are highest, and B the océan Indien:

    >>> overseas_sections({"A": 2, "B": 1, "C": 0}, {
    ...     "Atlantique": {"A": 400, "B": 300, "C": 300},
    ...     "océan Indien": {"A": 300, "B": 500, "C": 200},
    ...     "Pacifique": {"A": 250, "B": 100, "C": 150}}, date="2014-05-25")
    {'Atlantique': {'A': 1}, 'océan Indien': {'B': 1}, 'Pacifique': {'A': 1}}

    .. seealso:: Loi n° 77-729 du 7 juillet 1977, art. 3-1 (loi n° 2007-224).
    """
    when = as_date(date, rule="européennes, outre-mer sections")
    policy = as_if_unresolved(if_unresolved)
    if not OVERSEAS_SECTIONS_FROM <= when < NATIONAL_AGAIN_FROM:
        raise UnsupportedEraError(
            f"European election on {when.isoformat()}: the outre-mer sections ({ART3_1}) were used in 2009 and "
            f"2014 only (implemented from {OVERSEAS_SECTIONS_FROM.isoformat()} to 26 June 2018)"
        )
    places = dict.fromkeys(OVERSEAS_SECTIONS, 1) if section_seats is None else {
        section: as_count(n, f"seats of section {section!r}") for section, n in section_seats.items()
    }
    for section in list(places) + list(section_votes):
        if section not in OVERSEAS_SECTIONS:
            raise UnknownConstituencyError(
                f"section {section!r} is not one of the outre-mer sections ({', '.join(OVERSEAS_SECTIONS)}; {ART3_1})"
            )
    for section in OVERSEAS_SECTIONS:
        if section not in section_votes or section not in places:
            raise InvalidArgumentError(f"section {section!r} needs its votes and seats ({ART3_1})")
        if places[section] != 1:
            raise NotImplementedRuleError(
                f"section {section!r} has {places[section]} seats: the article read places the seats only up to "
                f"its cut, and the practice read covers one seat per section ({ART3_1})"
            )
    won = {name: as_count(n, f"seats of {name!r}") for name, n in seats.items()}
    if sum(won.values()) != sum(places.values()):
        raise InvalidArgumentError(
            f"the lists won {sum(won.values())} seats but the sections have {sum(places.values())} ({ART3_1})"
        )
    counts = {section: as_counts(section_votes[section], f"votes in section {section!r}") for section in OVERSEAS_SECTIONS}
    for section, votes in counts.items():
        for name in won:
            if name not in votes:
                raise InvalidArgumentError(f"list {name!r} has no votes given in section {section!r}")
        if not sum(votes.values()):
            raise InvalidTallyError(f"section {section!r} has no expressed votes")
    totals = {name: sum(counts[section][name] for section in OVERSEAS_SECTIONS) for name in won}
    order = _overseas_order(totals, people, policy, placed=[name for name, n in won.items() if n])
    share = {
        section: {name: Fraction(votes[name], sum(votes.values())) for name in won}
        for section, votes in counts.items()
    }
    left = list(OVERSEAS_SECTIONS)
    result: dict[str, dict[str, int]] = {section: {} for section in OVERSEAS_SECTIONS}
    for name in order:
        for _ in range(won[name]):
            best = max(share[section][name] for section in left)
            tied = [section for section in left if share[section][name] == best]
            if len(tied) > 1 and won[name] - sum(result[s].get(name, 0) for s in result) < len(tied):
                raise NotImplementedRuleError(
                    f"list {name!r} has the same percentage ({float(best):.4%}) in sections "
                    f"{', '.join(map(repr, tied))}: which one it takes is not in the part of {ART3_1} read"
                )
            result[tied[0]][name] = 1
            left.remove(tied[0])
    return result


def _overseas_order(
    totals: Mapping[str, int],
    people: Mapping[str, PartyList] | Iterable[PartyList] | None,
    policy: IfUnresolved,
    *,
    placed: list[str],
) -> list[str]:
    """The lists that win seats (``placed``) by decreasing votes; equal votes: the highest
    average age first (art. 3-1). With ``REPORT``, an order the ages do not settle stops the
    list before the tied lists: the sections left for them and those after are undetermined.
    Lists without a seat place nothing, so their order is not asked for."""
    lists = party_lists(people, totals)
    order: list[str] = []
    rule = TieBreak(criteria=(highest_list_average_age(lists or {}, legal_basis=ART3_1),))
    for count in sorted({totals[name] for name in placed}, reverse=True):
        group = [name for name in placed if totals[name] == count]
        ranked: list[str] = []
        while len(group) > 1:
            try:
                tie = rule.settle(tuple(group), 1, votes=totals, value=Fraction(count), stage="order of the lists")
            except UnresolvedTieError:
                if policy is IfUnresolved.RAISE:
                    raise
                return order + ranked
            ranked.append(tie.winners[0])
            group.remove(tie.winners[0])
        order.extend(ranked + group)
    return order
