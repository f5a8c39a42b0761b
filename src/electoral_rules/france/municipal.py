"""Municipales: the list vote (bonus, then plus forte moyenne) and the small-commune vote.

Code électoral, art. L260 to L262 and L264 (loi n° 82-974 du 19 novembre 1982, first
applied at the March 1983 renewal). The list vote applies to communes of 3 500
inhabitants or more until 2014, 1 000 or more from the March 2014 renewal (loi n°
2013-403), and to every commune from the March 2026 renewal (loi n° 2025-444, see
below for what is implemented of it).

* **Bonus** (*prime majoritaire*, L.262): half the seats, rounded up when there are more
  than four seats, down when fewer than four, exactly 2 for four seats
  (:func:`bonus_seats`). Round 1: to a list with an absolute majority of expressed
  votes (``2 * v > E``; no quarter-of-registered condition); without one **no seat is
  allocated** and :func:`allocate` raises :class:`~electoral_rules.errors.NoMajorityError` (a second round is
  held). Round 2: to the list with the most votes; equal leading lists are separated by
  the highest average age of their candidates.
* **Other seats**: plus forte moyenne (D'Hondt) among all lists with at least 5 % of
  expressed votes, the bonus list included, its average computed on its proportional
  seats only (CE, 30 janvier 2015, *Élections municipales de Hautefort*, n° 382627).
  Last-seat tie: most votes, then the oldest of the candidates who could be elected.
* **Candidates**: seats go to them in list order; a list that wins more seats than it has
  candidates gets a reported vacancy.
* **Second round** (L.264 al.2): 10 % of expressed votes to stand, 5 % to merge, and no
  top-two fallback (:func:`second_round_qualification`).

The Hautefort case (CE 2015): 15 seats, A 362, B 188 in round 1.

>>> from electoral_rules import Tally
>>> import datetime
>>> result = allocate(Tally(votes={"A": 362, "B": 188}), 15, date=datetime.date(2014, 3, 23))
>>> dict(result), dict(result.bonus), result.quotient
({'A': 13, 'B': 2}, {'A': 8}, Fraction(550, 7))

**Small communes until 2020** (L252, L253, L255-3; :func:`elect`): below
1 000 inhabitants (below 3 500 until the 2014 elections), councillors were elected
candidate by candidate, with panachage: a ballot could carry as many names as seats.
First round (L253): elected with an absolute majority of **valid ballots** and a number
of votes at least a quarter of registered; second round: relative majority, "quel que
soit le nombre des votants"; equal votes elect the oldest. Counting the majority on valid
ballots rather than on the sum of the votes is the usual practice (UNVERIFIED as law).
L255-3 (only first-round candidates may stand again, 2013-2025) was read in a secondary
copy only (PARTIAL). From 2026 every commune votes by list (loi n° 2025-444 du 21 mai
2025, which abrogates L253).

.. seealso:: Code électoral, art. L252, L253, L255-3, L260, L261, L262, L264, L272-5.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterable, Mapping
from dataclasses import replace
from fractions import Fraction

from .._dates import as_date
from .._deprecation import deprecated, renamed
from .._exact import as_count, as_round, as_seats, needed
from ..errors import (
    InvalidArgumentError,
    UnknownConstituencyError,
    UnsupportedEraError,
)
from ..outcome import Allocation, Note, NoteKind, RoundOutcome
from ..tally import Candidate, PartyList, Tally, votes_of
from ..tiebreak import IfUnresolved
from .list_engine import (
    BonusRounding,
    LastSeatTie,
    ListRule,
    check_round_tallies,
    list_qualification,
    party_lists,
)
from .list_engine import allocate as _allocate_lists
from .municipal_2026 import (
    ExcessSeats,
    allocate_city_council,
    allocate_community_seats,
    allocate_new_caledonia_small_commune,
    allocate_sector_council,
    is_new_caledonia,
)
from .municipal_2026 import excess_seats as _excess_seats
from .municipal_tables import complete_council_minimum, council_size, sector_seats
from .round_engine import plurinominal_round

__all__ = [
    "ALL_COMMUNES_FROM",
    "FIRST_LIST_ELECTION",
    "HAUTEFORT",
    "L252",
    "L253",
    "L255_3",
    "L262",
    "L264",
    "LIMIT_1000_FROM",
    "PLM_CITIES",
    "RULE",
    "THRESHOLD_BASIS",
    "ExcessSeats",
    "Lists",
    "allocate",
    "allocate_city_council",
    "allocate_community_seats",
    "allocate_new_caledonia_small_commune",
    "allocate_sector_council",
    "arrondissement_council",
    "bonus_seats",
    "complete_council_minimum",
    "council_size",
    "elect",
    "second_round_qualification",
    "sector",
    "sector_seats",
    "small_commune_limit",
    "small_commune_round",
]

FIRST_LIST_ELECTION = _dt.date(1983, 3, 1)
"""The March 1983 renewal, the first held under loi n° 82-974 (L.260 to L.262)."""
LIMIT_1000_FROM = _dt.date(2014, 3, 1)
"""The March 2014 renewal, the first with the list vote from 1 000 inhabitants (loi n° 2013-403)."""
ALL_COMMUNES_FROM = _dt.date(2026, 3, 1)
"""The March 2026 renewal, the first with the list vote in every commune (loi n° 2025-444)."""

L262 = "Code électoral, art. L262 (loi n° 82-974)"
HAUTEFORT = "CE, 30 janvier 2015, Élections municipales de Hautefort, n° 382627"
THRESHOLD_BASIS = "Code électoral, art. L262 al.3 (au moins 5 % des suffrages exprimés)"
L264 = "Code électoral, art. L264 al.2"
PLM_CITIES = ("Paris", "Lyon", "Marseille")

Lists = Mapping[str, PartyList] | Iterable[PartyList]

RULE = ListRule(
    election="municipales",
    legal_basis=L262,
    bonus_share=Fraction(1, 2),
    bonus_rounding=BonusRounding.UP_ABOVE_FOUR_SEATS,
    majority_basis="Code électoral, art. L262 al.2",
    threshold=Fraction(1, 20),
    threshold_basis=THRESHOLD_BASIS,
    last_seat_tie=LastSeatTie.MOST_VOTES_THEN_OLDEST,
    last_seat_basis="Code électoral, art. L262 al.5",
)
"""The list vote of L.262 (bonus of half the seats, 5 % threshold, ties by age); each era
and place adds the article setting its scope to :attr:`ListRule.legal_basis`, and the scope
itself as a note."""


def bonus_seats(seats: int) -> int:
    """The majority bonus of L.262: half the seats, rounded up above four seats, down below.

    >>> [bonus_seats(s) for s in (1, 2, 3, 4, 5, 7, 11, 15, 19)]
    [0, 1, 1, 2, 3, 4, 6, 8, 10]

    .. seealso:: Code électoral, art. L262 al.1 ("arrondi, le cas échéant, à l'entier
       supérieur lorsqu'il y a plus de quatre sièges à pourvoir et à l'entier inférieur
       lorsqu'il y a moins de quatre sièges à pourvoir").
    """
    house = as_count(seats, "seats")
    return (house + 1) // 2 if house > 4 else house // 2


def _scope(when: _dt.date, population: int | None) -> tuple[Note, str, bool]:
    """The era's scope as a note, the article and law that set it, and whether the 2026
    small-commune extension applies."""
    if when < FIRST_LIST_ELECTION:
        raise UnsupportedEraError(
            f"municipal list vote on {when.isoformat()}: only elections from the March 1983 renewal "
            "(loi n° 82-974, Code électoral art. L260 to L262) are implemented"
        )
    people = None if population is None else as_count(population, "population")
    if when < LIMIT_1000_FROM:
        limit, law, scope = 3500, "loi n° 82-974", "communes of 3 500 inhabitants or more (L.252, loi n° 82-974)"
    elif when < ALL_COMMUNES_FROM:
        limit, law, scope = 1000, "loi n° 2013-403", "communes of 1 000 inhabitants or more (L.252, loi n° 2013-403)"
    else:
        small = people is not None and people < 1000
        return Note.of(NoteKind.LIST_VOTE_SCOPE, inhabitants=0), "L252 (loi n° 2025-444)", small
    if people is not None and people < limit:
        raise InvalidArgumentError(
            f"a commune of {people} inhabitants did not vote by list on {when.isoformat()}: the list "
            f"vote applied to {scope}; smaller communes voted candidate by candidate (Code électoral, "
            "art. L252 and L253)"
        )
    return Note.of(NoteKind.LIST_VOTE_SCOPE, inhabitants=limit), f"L252 ({law})", False


def allocate(
    tally: Tally | Mapping[str, int],
    seats: int | None,
    *,
    round: int = 1,
    date: _dt.date | str | None = None,
    people: Lists | None = None,
    if_unresolved: IfUnresolved = IfUnresolved.REPORT,
    population: int | None = None,
    first_round: Tally | Mapping[str, int] | None = None,
    excess_seats: ExcessSeats = ExcessSeats.LEAVE_VACANT,
    new_caledonia: bool | None = None,
    insee: str | None = None,
    lists: Lists | None = None,
) -> Allocation:
    """Seats of a municipal council elected by list (L.262), bonus and proportional part.

    :param tally: the votes per list in this round.
    :param seats: the number of councillors to elect (``>= 1``).
    :param round: 1 or 2.
    :param date: the polling day (``datetime.date`` or ISO string; ``None``: today); selects
        the version of the law.
    :param people: the candidates of each list in the order of presentation
        (:class:`~electoral_rules.PartyList`, by name or as a sequence). Needed to seat
        candidates and to settle ties by age. (``lists=`` is its deprecated name.)
    :param if_unresolved: a tie for first place (round 2) or for the last seat that the
        age criteria cannot settle (no ``people`` or birth dates, or equal ages):
        ``REPORT`` leaves its seats undetermined and records the tie, ``RAISE`` raises
        :class:`~electoral_rules.errors.UnresolvedTieError`.
    :param population: the commune's population, if known: checked against the era's
        scope (3 500, then 1 000 inhabitants), and below 1 000 from 2026 it marks the
        partly verified small-commune rules (see *2026* below).
    :param first_round: in round 2, the first-round tally: the second-round lists are
        then checked to have been able to stand (L.264).
    :param excess_seats: from 2026, in a commune under 1 000 inhabitants (or of unknown
        population), what becomes of seats a list wins beyond its candidates
        (:class:`ExcessSeats`): left vacant (the default) or given to the next averages.
    :param new_caledonia: ``True`` for a commune of New Caledonia (or give its 988xx
        ``insee`` code): under 1 000 inhabitants its council is elected by list PR without
        bonus (:func:`allocate_new_caledonia_small_commune`; ``population`` is then required).
        Never guessed from a name.
    :param insee: the commune's INSEE code, if known (only its 988 prefix is used).
    :returns: an :class:`~electoral_rules.Allocation` whose :attr:`~electoral_rules.Allocation.bonus`
        holds the bonus seats apart; its trace starts with the ``BONUS`` step.
    :raises NoMajorityError: in round 1 when no list has an absolute majority of expressed
        votes: **no seat is allocated** (L.262 al.2 calls a second round).
    :raises UnresolvedTieError: with ``if_unresolved=RAISE``, when a tie for first place
        (round 2) or for the last seat cannot be settled. The exception's ``outcome`` holds
        the allocation with the seat undetermined.
    :raises UnsupportedEraError: for a date before the March 1983 renewal.
    :raises InvalidArgumentError: for a population outside the list vote's scope; an
        :class:`~electoral_rules.errors.InvalidTallyError` for a second-round list that
        could not stand.

    ``seats=None`` takes the council size of CGCT L2121-2 for ``population``
    (:func:`council_size`).

    **2026.** Loi n° 2025-444 brings every commune to the list vote from March 2026 (new
    L252: "selon les modalités prévues aux articles L. 260 et L. 262", VERIFIED) and lets a
    list under 1 000 inhabitants be up to two candidates short. L262 is unchanged, and no
    text read says what becomes of seats a list wins beyond its candidates; the official 2026
    first-round file shows both practices. By default they stay vacant
    (:attr:`~electoral_rules.Allocation.vacancies`), with a note saying whether the council
    is still *réputé complet* (CGCT L2121-2-1: 5, 9 or 13 members) or a complementary
    election is due (L258, L258-1); ``excess_seats=ExcessSeats.NEXT_AVERAGES`` gives them to
    the next averages of the other lists instead.

    Villecelin (Cher), 15 March 2026: 7 seats, A 39 votes with 5 candidates, B 25.

    >>> lists = [PartyList(name="A", candidates=[f"a{i}" for i in range(5)]),
    ...          PartyList(name="B", candidates=[f"b{i}" for i in range(7)])]
    >>> vacant = allocate({"A": 39, "B": 25}, 7, date="2026-03-15", people=lists, population=90)
    >>> dict(vacant), dict(vacant.vacancies)
    ({'A': 6, 'B': 1}, {'A': 1})
    >>> dict(allocate({"A": 39, "B": 25}, 7, date="2026-03-15", people=lists, population=90,
    ...               excess_seats=ExcessSeats.NEXT_AVERAGES))
    {'A': 5, 'B': 2}

    Round 2, Peyrat-de-Bellac (2014): 15 seats, A 413, B 350.

    >>> r = allocate({"A": 413, "B": 350}, 15, round=2, date=_dt.date(2014, 3, 30))
    >>> dict(r), dict(r.proportional_seats)
    ({'A': 12, 'B': 3}, {'A': 4, 'B': 3})

    A first round without an absolute majority allocates nothing:

    >>> from electoral_rules.errors import NoMajorityError
    >>> try:
    ...     allocate({"A": 50, "B": 30, "C": 20}, 15, date=_dt.date(2020, 3, 15))
    ... except NoMajorityError as error:
    ...     print(error)
    no list has an absolute majority of the 100 expressed votes (it takes 51; the leading list 'A'
    has 50): no seat is allocated in the first round and a second round is held (Code électoral,
    art. L262 al.2)

    .. seealso:: Code électoral, art. L260, L262, L264; CE, 30 janvier 2015, n° 382627.
    """
    when = as_date(date, rule="municipales")
    chosen: Lists | None = renamed(people, lists, old="lists", new="people", where="municipal.allocate")
    if is_new_caledonia(new_caledonia, insee):
        if population is None:
            raise InvalidArgumentError(
                "a New Caledonian commune needs population=: under 1 000 inhabitants its council is elected "
                "by list PR without bonus (Code électoral, art. L429), from 1 000 under L262"
            )
        if as_count(population, "population") < 1000:
            if first_round is not None:
                raise InvalidArgumentError("first_round= does not apply: one round only (Code électoral, art. L429)")
            return allocate_new_caledonia_small_commune(
                tally, seats, round=round, date=when, people=chosen, if_unresolved=if_unresolved,
                population=population,
            )
    scope, citation, small_2026 = _scope(when, population)
    if seats is None:
        if population is None:
            raise InvalidArgumentError(
                "seats=None needs population= to take the council size of CGCT, art. L2121-2"
            )
        seats = council_size(population, date=when)
    house = as_seats(seats, "municipales")
    votes = votes_of(tally)
    number = as_round(round, "municipales")
    given = party_lists(chosen, votes.votes)
    check_round_tallies(votes, number, first_round, stand=Fraction(1, 10), rule=L264, top_two_fallback=False)
    result = _allocate(votes, house, number, given, if_unresolved, scope=scope, citation=citation)
    if result.vacancies and when >= ALL_COMMUNES_FROM and (population is None or small_2026):
        result = _excess_seats(
            result, votes, people=given, population=population, policy=excess_seats,
            rule=replace(RULE, legal_basis=result.legal_basis), round=number, if_unresolved=if_unresolved,
        )
    if small_2026:
        checked = Note.of(NoteKind.SMALL_COMMUNE_2026, lists_checked=int(given is not None))
        result = result.with_changes(notes=(*result.notes, checked))
    return result


def _allocate(
    votes: Tally,
    house: int,
    round: int,
    people: Mapping[str, PartyList] | None,
    if_unresolved: IfUnresolved,
    *,
    scope: Note,
    citation: str,
) -> Allocation:
    """L.262 on one tally: bonus, then plus forte moyenne (shared by communes and PLM sectors).

    ``scope`` says where the rule applies (a note on the outcome); ``citation`` is the article
    of the Code électoral that sets that scope, cited in the legal basis."""
    rule = replace(RULE, legal_basis=f"{L262}, {citation}; {HAUTEFORT}")
    return _allocate_lists(
        votes, house, rule, round=round, people=people, if_unresolved=if_unresolved, notes=(scope,)
    )


def second_round_qualification(tally: Tally | Mapping[str, int], *, date: _dt.date | str | None = None) -> RoundOutcome:
    """Which first-round lists may stand in the second round (10 %) or merge (5 %), L.264.

    There is **no** top-two fallback for municipales: if a single list reaches 10 % it alone
    may stand. Lists that may merge are named in the outcome's first note. A first round
    with an absolute majority has no second round (the list is in ``elected``).

    >>> outcome = second_round_qualification({"A": 46, "B": 45, "C": 9}, date=_dt.date(2020, 3, 15))
    >>> outcome.qualified, outcome.eliminated
    (('A', 'B'), ('C',))
    >>> second_round_qualification({"A": 48, "B": 47, "C": 5}, date=_dt.date(2020, 3, 15)).qualified
    ('A', 'B')
    >>> second_round_qualification({"A": 49, "B": 9, "C": 9, "D": 8, "E": 8, "F": 8, "G": 9},
    ...                            date=_dt.date(2020, 3, 15)).qualified
    ('A',)

    .. seealso:: Code électoral, art. L264 al.2 ("au moins égal à 10 % du total des
       suffrages exprimés"; mergers from lists with "au moins 5 %").
    """
    _scope(as_date(date, rule="municipales"), None)
    return list_qualification(
        tally,
        election="municipales",
        stand=Fraction(1, 10),
        merge=Fraction(1, 20),
        top_two_fallback=False,
        legal_basis=L264,
        majority_rule="Code électoral, art. L262 al.1",
    )


def _plm(city: str | None, when: _dt.date) -> tuple[str, str]:
    """``city`` and the article applying L262 to its sectors on ``when`` (or the error saying why not)."""
    city = needed(city, "city", "the sectors of Paris, Lyon and Marseille (L261 al.2)", ", ".join(PLM_CITIES))
    if city not in PLM_CITIES:
        raise UnknownConstituencyError(
            f"city {city!r} is not elected by sectors; expected one of {', '.join(PLM_CITIES)} "
            "(Code électoral, art. L261 al.2)"
        )
    if when >= ALL_COMMUNES_FROM:
        raise UnsupportedEraError(
            f"{city} on {when.isoformat()}: from March 2026 loi n° 2025-795 elects the city council and "
            "each sector's council by two distinct ballots; use municipal.allocate_city_council and "
            "municipal.allocate_sector_council (this function is the 1983–2020 regime of L272-5)"
        )
    if when < FIRST_LIST_ELECTION:
        raise UnsupportedEraError(
            f"{city} on {when.isoformat()}: only elections from the March 1983 renewal are implemented"
        )
    return city, "L261 al.2, L272-5"


def sector(
    tally: Tally | Mapping[str, int],
    seats: int,
    *,
    round: int = 1,
    date: _dt.date | str | None = None,
    people: Lists | None = None,
    if_unresolved: IfUnresolved = IfUnresolved.REPORT,
    city: str | None = None,
    first_round: Tally | Mapping[str, int] | None = None,
    lists: Lists | None = None,
) -> Allocation:
    """The city-council seats of one sector of Paris, Lyon or Marseille (1983–2020 regime).

    L.272-5 applies L.262 in each sector: the same bonus, including the round-down below
    four seats (a 3-seat sector gives a bonus of 1, a 1-seat sector none), then plus forte
    moyenne. ``seats`` is the sector's number of seats in the city council (tableaux n° 2,
    3 and 4, not bundled here).

    :raises UnsupportedEraError: for 2026 and later: loi n° 2025-795 replaced this regime by
        :func:`allocate_city_council` and :func:`allocate_sector_council`.
    :raises UnknownConstituencyError: for a city other than Paris, Lyon or Marseille.

    >>> dict(sector({"A": 600, "B": 400}, 3, city="Lyon", date=_dt.date(2020, 3, 15)))
    {'A': 2, 'B': 1}
    >>> sector({"A": 600, "B": 400}, 3, city="Lyon", date=_dt.date(2026, 3, 15))  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    electoral_rules.errors.UnsupportedEraError: Lyon on 2026-03-15: from March 2026 loi n° 2025-795 ...

    .. seealso:: Code électoral, art. L261 al.2, L262, L272-5.
    """
    when = as_date(date, rule="municipales")
    city, citation = _plm(city, when)
    scope = Note.of(NoteKind.PLM_SECTOR, city=city, council="city")
    house = as_seats(seats, "municipales, PLM sector")
    votes = votes_of(tally)
    number = as_round(round, "municipales")
    check_round_tallies(votes, number, first_round, stand=Fraction(1, 10), rule=L264, top_two_fallback=False)
    chosen: Lists | None = renamed(people, lists, old="lists", new="people", where="municipal.sector")
    given = party_lists(chosen, votes.votes)
    return _allocate(votes, house, number, given, if_unresolved, scope=scope, citation=citation)


def arrondissement_council(
    tally: Tally | Mapping[str, int],
    seats: int,
    *,
    round: int = 1,
    date: _dt.date | str | None = None,
    people: Lists | None = None,
    if_unresolved: IfUnresolved = IfUnresolved.REPORT,
    council: Allocation | None = None,
    city: str | None = None,
    lists: Lists | None = None,
) -> Allocation:
    """The arrondissement (or sector) council seats of a PLM sector, after the city council's.

    L.272-5: "les sièges de conseiller d'arrondissement sont répartis dans les mêmes
    conditions entre les listes", and go to the candidates in list order starting with the
    first one not elected to the city council. ``council`` is the sector's
    :func:`sector` allocation with its elected candidates.

    >>> lists = [PartyList(name="A", candidates=["a1", "a2", "a3", "a4", "a5"]),
    ...          PartyList(name="B", candidates=["b1", "b2", "b3", "b4", "b5"])]
    >>> day = _dt.date(2020, 3, 15)
    >>> council = sector({"A": 600, "B": 400}, 3, city="Lyon", date=day, people=lists)
    >>> dict(council.elected)
    {'A': ('a1', 'a2'), 'B': ('b1',)}
    >>> local = arrondissement_council({"A": 600, "B": 400}, 4, council=council, people=lists,
    ...                                city="Lyon", date=day)
    >>> dict(local.elected)
    {'A': ('a3', 'a4', 'a5'), 'B': ('b2',)}

    .. seealso:: Code électoral, art. L272-5.
    """
    when = as_date(date, rule="municipales")
    city, citation = _plm(city, when)
    scope = Note.of(NoteKind.PLM_SECTOR, city=city, council="arrondissement")
    votes = votes_of(tally)
    given: Lists | None = renamed(people, lists, old="lists", new="people", where="municipal.arrondissement_council")
    if given is None:
        raise InvalidArgumentError("arrondissement_council needs people= (the lists' candidates, L272-5)")
    candidates = party_lists(given, votes.votes) or {}
    council = needed(council, "council", "arrondissement_council", "the sector's city-council allocation, L272-5")
    if not council.elected and any(council.values()):
        raise InvalidArgumentError(
            "council must be the sector's allocation with its elected candidates (people=)"
        )
    if dict(council.votes) != dict(votes.votes):
        raise InvalidArgumentError("council was computed on a different tally than this one")
    remaining = {
        name: PartyList(name=name, candidates=party.candidates[len(council.elected.get(name, ())):])
        for name, party in candidates.items()
    }
    house = as_seats(seats, "municipales, arrondissement council")
    return _allocate(
        votes, house, as_round(round, "municipales"), remaining, if_unresolved, scope=scope,
        citation=citation,
    )


# ---------------------------------------------------------------------------------------------
# Small communes, plurinominal majoritarian vote (L252, L253, L255-3), 1983-2020
# ---------------------------------------------------------------------------------------------

L252 = "Code électoral, art. L252"
L253 = "Code électoral, art. L253"
L255_3 = "Code électoral, art. L255-3"

def small_commune_limit(date: _dt.date) -> int:
    """Communes with fewer inhabitants than this vote by the plurinominal ballot on ``date``.

    >>> import datetime as dt
    >>> small_commune_limit(dt.date(2008, 3, 9)), small_commune_limit(dt.date(2020, 3, 15))
    (3500, 1000)

    :raises UnsupportedEraError: before 1983, or from 2026 (every commune votes by list).

    .. seealso:: Code électoral, art. L252 (loi 82-974, loi 2013-403; abrogated for 2026 by
       loi 2025-444).
    """
    date = as_date(date, rule="municipales")
    if date >= ALL_COMMUNES_FROM:
        raise UnsupportedEraError(
            f"municipales of {date.isoformat()}: from 2026 every commune votes by list (loi "
            "n° 2025-444 du 21 mai 2025 abrogates the plurinominal vote of L253); use "
            "electoral_rules.france.municipal.allocate"
        )
    if date < FIRST_LIST_ELECTION:
        raise UnsupportedEraError(
            f"municipales of {date.isoformat()}: only elections from 1983 (loi 82-974) are implemented"
        )
    return 1000 if date >= LIMIT_1000_FROM else 3500


def elect(
    tally: Tally | Mapping[str, int],
    seats: int,
    *,
    round: int = 1,
    date: _dt.date | str | None = None,
    people: Mapping[str, Candidate] | Iterable[Candidate] | None = None,
    if_unresolved: IfUnresolved = IfUnresolved.REPORT,
    population: int | None = None,
) -> RoundOutcome:
    """One round of a municipal election in a small commune, candidate by candidate (1983-2020).

    :param tally: votes per candidate. Round 1 needs ``registered`` (a quarter of registered
        to be elected), so it takes a :class:`~electoral_rules.Tally`; a ballot may carry as
        many names as seats, so with several seats the tally needs ``names_per_ballot`` of
        at least ``seats`` and ``expressed`` = the number of valid ballots.
    :param seats: seats to fill in this round (in round 2, those left after round 1).
    :param round: 1 or 2.
    :param date: the polling day (``None``: today, when the rule is gone: every commune
        votes by list from March 2026).
    :param people: :class:`~electoral_rules.Candidate` records with birth dates, needed
        only for a tie ("l'élection est acquise au plus âgé").
    :param if_unresolved: a tie whose birth dates are missing: ``REPORT`` leaves the seat
        undetermined, ``RAISE`` raises :class:`~electoral_rules.errors.UnresolvedTieError`.
    :param population: the commune's inhabitants, if given checked against the era's limit.
    :returns: round 1: elected (absolute majority of valid ballots and a quarter of
        registered; the highest if more pass than seats); the others may stand in round 2
        (L255-3). Round 2: the ``seats`` highest.
    :raises UnsupportedEraError: for a date from 2026 (list vote everywhere) or before 1983.

    >>> import datetime as dt
    >>> from electoral_rules import Tally
    >>> t = Tally(votes={"A": 60, "B": 55, "C": 45, "D": 40}, registered=120, expressed=100,
    ...           names_per_ballot=3)
    >>> outcome = elect(t, 3, date=dt.date(2020, 3, 15))
    >>> outcome.elected, outcome.qualified
    (('A', 'B'), ('C', 'D'))

    .. seealso:: Code électoral, art. L252, L253, L255-3.
    """
    when = as_date(date, rule="municipales")
    limit = small_commune_limit(when)
    if population is not None and (
        isinstance(population, bool) or not isinstance(population, int) or population >= limit
    ):
        raise InvalidArgumentError(
            f"a commune of {population!r} inhabitants votes by list on {when.isoformat()} (the "
            f"plurinominal vote is for communes under {limit} inhabitants, {L252}): use municipal.allocate"
        )
    return plurinominal_round(
        tally,
        as_seats(seats, "municipales"),
        round=as_round(round, "municipales"),
        election="municipales",
        legal_basis=L253,
        people=people,
        qualification_basis=L255_3 if when >= LIMIT_1000_FROM else "",
        if_unresolved=if_unresolved,
    )


def small_commune_round(
    tally: Tally | Mapping[str, int],
    seats: int,
    *,
    round: int = 1,
    date: _dt.date | str | None = None,
    candidates: Mapping[str, Candidate] | Iterable[Candidate] | None = None,
    inhabitants: int | None = None,
) -> RoundOutcome:
    """Deprecated: use :func:`elect` (``people=`` for ``candidates=``, ``population=`` for
    ``inhabitants=``; a tie without birth dates is then reported unless
    ``if_unresolved=IfUnresolved.RAISE``)."""
    deprecated(
        "municipal.small_commune_round(candidates=..., inhabitants=...)",
        "municipal.elect(tally, seats, people=..., population=...)",
    )
    return elect(
        tally, seats, round=round, date=date, people=candidates, if_unresolved=IfUnresolved.RAISE,
        population=inhabitants,
    )
