"""The municipal rules added for the March 2026 renewal, used through :mod:`.municipal`.

* **Paris, Lyon, Marseille** (loi n° 2025-795): two distinct ballots on the same day.
  :func:`allocate_city_council`: one city-wide list ballot for the Conseil de Paris or the
  municipal council of Lyon or Marseille, under L262 but with a bonus of **a quarter of the
  seats rounded up** (L272-4-1; the final wording of the article was not read: PARTIAL).
  :func:`allocate_sector_council`: a separate ballot in each sector for its own council, under
  L262 with the usual half bonus, no longer nested in the city list.
* **Small communes by list** (loi n° 2025-444): when a list wins more seats than it has
  candidates (lists there may be two candidates short), :func:`excess_seats` either leaves
  the seats vacant and says whether the council is still *réputé complet* (CGCT, art.
  L2121-2-1) or a complementary election is due (L258, L258-1), or continues the plus forte
  moyenne among the other lists (:class:`ExcessSeats`). No text read settles it; the
  official 2026 first-round file shows both practices.
* **New Caledonia** (:func:`allocate_new_caledonia_small_commune`): communes under 1 000
  inhabitants elect by list PR, plus forte moyenne among the lists with 5 % of expressed
  votes, **no bonus**, one round (Code électoral, art. L429, L431, L435; VERIFIED).
* **Conseillers communautaires** (:func:`allocate_community_seats`): in communes of 1 000
  inhabitants or more, the commune's seats in its intercommunal council are shared among the
  lists by the rule of L262 (L273-8, since the March 2014 renewal); in smaller communes the
  councillors are taken in the order of the council's table (L273-11): no list allocation.

.. seealso:: Code électoral, art. L252, L258, L258-1, L261, L262, L271, L272-4-1, L273-6 to
   L273-11, L429 to L436; CGCT, art. L2121-2, L2121-2-1.
"""

from __future__ import annotations

import datetime as _dt
import enum
from collections.abc import Iterable, Mapping
from dataclasses import replace
from fractions import Fraction

from .._dates import as_date
from .._exact import as_count, as_round, as_seats, needed
from .._mapping import FrozenMap
from ..errors import (
    InvalidArgumentError,
    NotImplementedRuleError,
    UnknownConstituencyError,
    UnsupportedEraError,
)
from ..outcome import Allocation, Note, NoteKind, Step, StepKind, Tie
from ..tally import PartyList, Tally, votes_of
from ..tiebreak import IfUnresolved, as_if_unresolved
from .list_engine import (
    BonusRounding,
    LastSeatTie,
    ListRule,
    check_round_tallies,
    party_lists,
    seat_candidates,
)
from .list_engine import allocate as _allocate_lists
from .municipal_tables import (
    PLM_FROM,
    SECTOR_TABLE_BASIS,
    city_council_seats,
    complete_council_minimum,
    council_size,
    sector_seats,
)

__all__ = [
    "COMMUNITY_FROM",
    "HAUTEFORT",
    "L262",
    "L264",
    "L272_4_1",
    "L273_8",
    "NC_BASIS",
    "NEW_CALEDONIA",
    "NEW_CALEDONIA_FROM",
    "NEW_CALEDONIA_UNTIL",
    "THRESHOLD_BASIS",
    "ExcessSeats",
    "Lists",
    "allocate_city_council",
    "allocate_community_seats",
    "allocate_new_caledonia_small_commune",
    "allocate_sector_council",
    "excess_seats",
    "is_new_caledonia",
]

Lists = Mapping[str, PartyList] | Iterable[PartyList]

L262 = "Code électoral, art. L262 (loi n° 82-974)"
L264 = "Code électoral, art. L264 al.2"
HAUTEFORT = "CE, 30 janvier 2015, Élections municipales de Hautefort, n° 382627"
THRESHOLD_BASIS = "Code électoral, art. L262 al.3 (au moins 5 % des suffrages exprimés)"
L272_4_1 = "Code électoral, art. L272-4-1 (loi n° 2025-795, PARTIAL)"
L273_8 = "Code électoral, art. L273-8 (loi n° 2013-403)"
NC_BASIS = "Code électoral, art. L429, L431, L435"

COMMUNITY_FROM = _dt.date(2014, 3, 23)
"""L273-8 in force (loi n° 2013-403): community councillors elected with the municipal council."""
NEW_CALEDONIA_FROM = _dt.date(2014, 3, 1)
"""The March 2014 renewal, from which L429 covers the New Caledonian communes under 1 000
inhabitants (the small-commune limit of loi n° 2013-403)."""
NEW_CALEDONIA_UNTIL = _dt.date(2032, 1, 1)
"""Ordonnance n° 2025-1095 applies loi n° 2025-444 in New Caledonia from 2032 (secondary
reading): later dates are refused."""


def _half_bonus_rule(legal_basis: str) -> ListRule:
    return ListRule(
        election="municipales",
        legal_basis=legal_basis,
        bonus_share=Fraction(1, 2),
        bonus_rounding=BonusRounding.UP_ABOVE_FOUR_SEATS,
        majority_basis="Code électoral, art. L262 al.2",
        threshold=Fraction(1, 20),
        threshold_basis=THRESHOLD_BASIS,
        last_seat_tie=LastSeatTie.MOST_VOTES_THEN_OLDEST,
        last_seat_basis="Code électoral, art. L262 al.5",
    )


def _quarter_bonus_rule(legal_basis: str) -> ListRule:
    return ListRule(
        election="municipales",
        legal_basis=legal_basis,
        bonus_share=Fraction(1, 4),
        bonus_rounding=BonusRounding.UP,
        majority_basis=L272_4_1,
        threshold=Fraction(1, 20),
        threshold_basis=THRESHOLD_BASIS,
        last_seat_tie=LastSeatTie.MOST_VOTES_THEN_OLDEST,
        last_seat_basis="Code électoral, art. L262 al.5",
    )


NEW_CALEDONIA = ListRule(
    election="municipales",
    legal_basis=NC_BASIS,
    threshold=Fraction(1, 20),
    threshold_basis="Code électoral, art. L435 (au moins 5 % des suffrages exprimés)",
    last_seat_tie=LastSeatTie.NO_RULE,
    unresolved_hint="the text of L435 read states no rule for equal averages",
)
"""L435: plus forte moyenne among lists with 5 % of expressed votes, no bonus. The excerpt of
L435 read has no last-seat tie rule: such a tie is reported (or raised)."""


# -- Paris, Lyon, Marseille from 2026 ------------------------------------------------------


def _city(city: object) -> str:
    needed(city, "city", "the ballots of Paris, Lyon and Marseille (loi n° 2025-795)", "Paris, Lyon or Marseille")
    if not isinstance(city, str) or city not in ("Paris", "Lyon", "Marseille"):
        raise UnknownConstituencyError(
            f"city {city!r} is not Paris, Lyon or Marseille: the two ballots of loi n° 2025-795 "
            "(Code électoral, art. L261 al.2, L271) exist only there"
        )
    return city


def _from_2026(date: object, what: str) -> _dt.date:
    when = as_date(date, rule="municipales")
    if when < PLM_FROM:
        raise UnsupportedEraError(
            f"{what} on {when.isoformat()}: the separate ballots of loi n° 2025-795 start with the March "
            "2026 renewal; before it, each sector elected the city councillors and then the "
            "arrondissement councillors (use municipal.sector and municipal.arrondissement_council, "
            "Code électoral, art. L272-5)"
        )
    return when


def _second_round(votes: Tally, number: int, first_round: Tally | Mapping[str, int] | None) -> None:
    check_round_tallies(votes, number, first_round, stand=Fraction(1, 10), rule=L264, top_two_fallback=False)


def _house(seats: object, expected: int, what: str, basis: str) -> int:
    if seats is None:
        return expected
    house = as_seats(seats, "municipales")
    if house != expected:
        raise InvalidArgumentError(
            f"seats={house} disagrees with the {expected} seats of {what} ({basis}); leave seats=None "
            "to take the law's number"
        )
    return house


def allocate_city_council(
    tally: Tally | Mapping[str, int],
    seats: int | None = None,
    *,
    round: int = 1,
    date: _dt.date | str | None = None,
    people: Lists | None = None,
    if_unresolved: IfUnresolved = IfUnresolved.REPORT,
    city: str | None = None,
    first_round: Tally | Mapping[str, int] | None = None,
) -> Allocation:
    """Seats of the Conseil de Paris or of the municipal council of Lyon or Marseille (from 2026).

    The city-wide ballot of loi n° 2025-795: L262 except that the list with an absolute
    majority of expressed votes in round 1, or the most votes in round 2, receives **a quarter
    of the seats, rounded up** (L272-4-1: Paris 41 of 163, Lyon 19 of 73, Marseille 26 of 101);
    the other seats go by plus forte moyenne among the lists with 5 % of expressed votes, the
    bonus list included (its average on its proportional seats only). Round 2: 10 % to stand,
    5 % to merge, no top-two fallback (L264).

    **PARTIAL.** L272-4-1 was read at the bill stage and the amendment that gives the quarter
    in both rounds in its exposé; whether its final wording keeps "par dérogation à la
    première phrase du premier alinéa de l'article L262" (which, read literally, would leave
    the round-2 bonus at one half) was not read. The outcome carries a note saying so.

    :param tally: the city-wide votes per list.
    :param seats: ``None`` (the law's number: 163, 73, 101) or that same number.
    :param round: 1 or 2.
    :param date: the polling day, from March 2026 (``None``: today).
    :param people: the lists' candidates, to seat them and settle ties by age.
    :param if_unresolved: a tie the age criteria cannot settle: ``REPORT`` or ``RAISE``.
    :param city: ``"Paris"``, ``"Lyon"`` or ``"Marseille"``.
    :param first_round: in round 2, the first-round tally, to check who could stand.
    :raises UnknownConstituencyError: for another city.
    :raises UnsupportedEraError: before the March 2026 renewal.
    :raises InvalidArgumentError: for seats that disagree with the law's number.
    :raises NoMajorityError: in round 1 without an absolute majority (no seat allocated).

    >>> result = allocate_city_council({"A": 52_000, "B": 30_000, "C": 18_000}, city="Lyon",
    ...                                date="2026-03-15")
    >>> dict(result), dict(result.bonus)
    ({'A': 47, 'B': 16, 'C': 10}, {'A': 19})

    .. seealso:: Code électoral, art. L261, L262, L271, L272-4-1 (loi n° 2025-795).
    """
    name = _city(city)
    _from_2026(date, f"the city council of {name}")
    votes = votes_of(tally)
    house = _house(seats, city_council_seats(name), f"the council of {name}", "Code électoral, art. L261")
    number = as_round(round, "municipales")
    rule = _quarter_bonus_rule(f"{L262}, {L272_4_1}, L261, L271 (loi n° 2025-795); {HAUTEFORT}")
    _second_round(votes, number, first_round)
    note = Note.of(NoteKind.PLM_CITY_BALLOT, city=name, bonus=rule.bonus_for(house))
    return _allocate_lists(votes, house, rule, round=number, people=people, if_unresolved=if_unresolved, notes=(note,))


def allocate_sector_council(
    tally: Tally | Mapping[str, int],
    seats: int | None = None,
    *,
    round: int = 1,
    date: _dt.date | str | None = None,
    people: Lists | None = None,
    if_unresolved: IfUnresolved = IfUnresolved.REPORT,
    city: str | None = None,
    sector: int | None = None,
    first_round: Tally | Mapping[str, int] | None = None,
) -> Allocation:
    """Seats of the council of one sector of Paris, Lyon or Marseille, by its own ballot (from 2026).

    Loi n° 2025-795 elects each sector's (arrondissement) council by a separate list ballot
    under L262, with the usual bonus of half the seats; it is no longer nested in the city
    list. The seats come from the sector table (Paris 17 sectors, 503 seats; Lyon 9 sectors,
    221 seats; see :func:`~electoral_rules.france.municipal_tables.sector_seats`: PARTIAL).
    The rule reproduces the five sectors decided in the first round of 15 March 2026.

    :param seats: ``None`` (the table's number) or that number; required for Marseille's
        3rd to 8th sectors, whose seats the reference did not give.
    :param city: ``"Paris"``, ``"Lyon"`` or ``"Marseille"``.
    :param sector: the sector number (Paris: 1 for the 1st to 4th arrondissements, then 5 to
        20; Lyon 1 to 9; Marseille 1 to 8).
    :raises UnknownConstituencyError: for another city or a sector not in the city's table.
    :raises InvalidArgumentError: for seats that disagree with the table, or a Marseille
        sector without ``seats``.
    :raises UnsupportedEraError: before the March 2026 renewal.

    The other parameters are those of :func:`allocate_city_council`.

    >>> dict(allocate_sector_council({"A": 6_000, "B": 3_000, "C": 1_000}, city="Paris", sector=7,
    ...                              date="2026-03-15"))
    {'A': 10, 'B': 1, 'C': 0}

    .. seealso:: Code électoral, art. L261 al.2, L262, L271 (loi n° 2025-795).
    """
    name = _city(city)
    sector = needed(sector, "sector", f"the councils of the sectors of {name} (loi n° 2025-795)", "the sector's number")
    _from_2026(date, f"the council of sector {sector!r} of {name}")
    votes = votes_of(tally)
    try:
        expected: int | None = sector_seats(name, sector)
    except InvalidArgumentError:  # a sector of Marseille whose seats the reference did not give
        if seats is None:
            raise
        expected = None
    house = as_seats(seats, "municipales") if expected is None else _house(
        seats, expected, f"sector {sector} of {name}", SECTOR_TABLE_BASIS
    )
    number = as_round(round, "municipales")
    _second_round(votes, number, first_round)
    rule = _half_bonus_rule(f"{L262}, L261 al.2, L271 (loi n° 2025-795); {HAUTEFORT}")
    note = Note.of(NoteKind.PLM_SECTOR_BALLOT, city=name, sector=sector, from_table=int(expected is not None))
    return _allocate_lists(votes, house, rule, round=number, people=people, if_unresolved=if_unresolved, notes=(note,))


# -- small communes from 2026: seats beyond a list's candidates ------------------------------


class ExcessSeats(enum.Enum):
    """What becomes of seats a list wins beyond its candidates in a commune under 1 000
    inhabitants from 2026 (its list may be two candidates short, L252).

    No text read says: L262 is unchanged and the official 2026 first-round file shows both
    practices (33 communes left such seats vacant, 11 gave them to the other lists).
    """

    LEAVE_VACANT = "leave vacant"
    """The default: the seats stay vacant and are reported in
    :attr:`~electoral_rules.Allocation.vacancies`; the outcome says whether the council is
    still *réputé complet* (CGCT, art. L2121-2-1: 5, 9 or 13 members) or a complementary
    election is due (L258, L258-1)."""
    NEXT_AVERAGES = "continue the plus forte moyenne among the other lists"
    """The plus forte moyenne goes on among the lists that still have candidates (the practice
    of 11 communes in the 2026 file, e.g. Villecelin)."""


def excess_seats(
    result: Allocation,
    votes: Tally,
    *,
    people: Mapping[str, PartyList] | None,
    population: int | None,
    policy: ExcessSeats,
    rule: ListRule,
    round: int,
    if_unresolved: IfUnresolved,
) -> Allocation:
    """Apply ``policy`` to the vacancies of a 2026 small-commune allocation made under ``rule``.

    Without vacancies ``result`` is returned unchanged. With :attr:`ExcessSeats.LEAVE_VACANT`
    the vacancies stay, with a note saying the law is silent and one saying whether the
    council is *réputé complet*: the minimum of CGCT L2121-2-1 for ``population``, or, when
    the population is not given, for the band whose council size of L2121-2 is ``house`` (7,
    11 or 15 seats: 5, 9 or 13 members). With :attr:`ExcessSeats.NEXT_AVERAGES` the seats go
    to the next averages of the lists that still have candidates: the full lists keep as many
    seats as they have candidates and the others share the rest by the same rule (which is
    the plus forte moyenne continued, since the averages of a list do not depend on the
    others), repeated until no list is over its candidates.
    """
    if not isinstance(result, Allocation):
        raise InvalidArgumentError(f"result must be an Allocation, got {result!r}")
    if not isinstance(policy, ExcessSeats):
        raise InvalidArgumentError(f"excess_seats must be an ExcessSeats member, got {policy!r}")
    if not isinstance(rule, ListRule):
        raise InvalidArgumentError(f"rule must be a ListRule, got {rule!r}")
    votes = votes_of(votes)
    if set(votes.votes) != set(result):
        raise InvalidArgumentError("votes and result do not name the same lists")
    people = party_lists(people, votes.votes)
    round = as_round(round, "municipales")
    if_unresolved = as_if_unresolved(if_unresolved)
    if population is not None:
        population = as_count(population, "population")
        if population == 0:
            raise InvalidArgumentError("population (0) must be >= 1 (CGCT, art. L2121-2)")
    if not result.vacancies:
        return result
    silent = Note.of(NoteKind.EXCESS_SEATS_LAW_SILENT)
    if policy is ExcessSeats.LEAVE_VACANT or people is None:
        return _with_completeness(result.with_changes(notes=(*result.notes, silent)), population)
    if result.undetermined:
        raise NotImplementedRuleError(
            f"{result.undetermined} seat(s) are left undetermined by a tie: the plus forte moyenne cannot "
            "be continued past seats a list cannot fill before the tie is settled (give birth dates, or "
            "use ExcessSeats.LEAVE_VACANT)"
        )
    capacity = {name: len(party.candidates) for name, party in people.items()}
    full: dict[str, int] = {}
    won = dict(result)
    extra_ties: tuple[Tie, ...] = ()
    while True:
        over = [name for name in votes.votes if name not in full and won[name] > capacity.get(name, won[name])]
        if not over:
            break
        for name in over:
            full[name] = capacity[name]
        left = result.house - sum(full.values())
        admitted = [name for name in votes.votes if name not in full and name not in result.excluded]
        if left <= 0 or not admitted:
            won = {name: full.get(name, 0) for name in votes.votes}
            break
        bonus_list = next(iter(result.bonus), None)
        sub_rule = replace(rule, bonus_share=None, bonus_seats=None, threshold=None, seat_candidates=False)
        bonus_to = None
        if bonus_list is not None and bonus_list in admitted and result.bonus[bonus_list] < left:
            sub_rule = replace(sub_rule, bonus_seats=result.bonus[bonus_list])
            bonus_to = bonus_list
        sub = _allocate_lists(
            {name: votes.votes[name] for name in admitted},
            left,
            sub_rule,
            round=round,
            people={name: people[name] for name in admitted if name in people},
            if_unresolved=if_unresolved,
            bonus_to=bonus_to,
        )
        extra_ties += sub.ties
        won = {name: full.get(name, sub.get(name, 0)) for name in votes.votes}
    moved = FrozenMap((name, won[name] - result[name]) for name in votes.votes if won[name] > result[name])
    stripped = tuple(note for note in result.notes if note.kind is not NoteKind.VACANCY)
    passed_on = Step(kind=StepKind.NOTE, note="excess-seats-next-averages",
                     detail=Note.of(NoteKind.EXCESS_SEATS_NEXT_AVERAGES, moved=moved))
    first_trace = result.trace_factory

    def trace() -> tuple[Step, ...]:
        return (*first_trace(), passed_on)

    changed = result.with_changes(
        seats=FrozenMap(won), ties=result.ties + extra_ties, notes=(*stripped, silent),
        vacancies=FrozenMap(), elected=FrozenMap(), trace_factory=trace,
    )
    seated = seat_candidates(changed, people)
    if seated.vacancies:  # every list ran out of candidates
        return _with_completeness(seated, population)
    return seated


def _with_completeness(result: Allocation, population: int | None) -> Allocation:
    members = result.house - sum(result.vacancies.values()) - result.undetermined
    minimum: int | None
    if population is not None:
        minimum = complete_council_minimum(population)
    else:
        minimum = {7: 5, 11: 9, 15: 13}.get(result.house)
    if minimum is None:
        return result
    kind = NoteKind.COUNCIL_REPUTED_COMPLETE if members >= minimum else NoteKind.COMPLEMENTARY_ELECTION_DUE
    return result.with_changes(notes=(*result.notes, Note.of(kind, members=members, minimum=minimum)))


# -- New Caledonia ---------------------------------------------------------------------------


def is_new_caledonia(new_caledonia: bool | None, insee: str | None) -> bool:
    """Whether the caller said the commune is in New Caledonia (never guessed from a name).

    ``new_caledonia`` is the explicit flag; ``insee`` the commune's INSEE code (988xx in New
    Caledonia). Both may be given, and must then agree.

    >>> is_new_caledonia(None, "98803"), is_new_caledonia(None, "01004"), is_new_caledonia(True, None)
    (True, False, True)

    :raises InvalidArgumentError: for a code that is not 5 characters, or a flag that
        contradicts the code.
    """
    if new_caledonia is not None and not isinstance(new_caledonia, bool):
        raise InvalidArgumentError(f"new_caledonia must be True, False or None, got {new_caledonia!r}")
    if insee is None:
        return bool(new_caledonia)
    if not isinstance(insee, str) or len(insee) != 5 or not insee.isalnum():
        raise InvalidArgumentError(f"insee {insee!r} must be a commune's 5-character INSEE code, e.g. '98803'")
    coded = insee.startswith("988")
    if new_caledonia is not None and new_caledonia != coded:
        where = "a New Caledonian" if new_caledonia else "not a New Caledonian"
        raise InvalidArgumentError(
            f"new_caledonia={new_caledonia} says {where} commune but INSEE code {insee!r} "
            f"{'is not' if new_caledonia else 'is'} a 988xx code of New Caledonia (Code électoral, art. L429)"
        )
    return coded


def allocate_new_caledonia_small_commune(
    tally: Tally | Mapping[str, int],
    seats: int | None = None,
    *,
    round: int = 1,
    date: _dt.date | str | None = None,
    people: Lists | None = None,
    if_unresolved: IfUnresolved = IfUnresolved.REPORT,
    population: int | None = None,
) -> Allocation:
    """Seats of the council of a New Caledonian commune under 1 000 inhabitants.

    L429: "scrutin de liste avec représentation proportionnelle, sans panachage ni vote
    préférentiel"; L435: "Les sièges sont attribués entre les diverses listes suivant la règle
    de la plus forte moyenne ... Les listes qui n'ont pas obtenu au moins 5 % des suffrages
    exprimés ne sont pas admises à répartition de sièges": **no bonus**, one round (VERIFIED;
    the single round from the press, 2020). Lists are complete (L431). The excerpt of L435 read
    has no rule for equal averages: such a tie is reported (or raised).

    Belep, 15 March 2026 (15 seats):

    >>> dict(allocate_new_caledonia_small_commune(
    ...     {"A": 343, "B": 31, "C": 46, "D": 191, "E": 87}, population=900, date="2026-03-15"))
    {'A': 8, 'B': 0, 'C': 1, 'D': 4, 'E': 2}

    :param seats: ``None`` (the council size of CGCT L2121-2 for ``population``) or a number.
    :param round: 1 only (one round).
    :param population: the commune's population (under 1 000).
    :raises InvalidArgumentError: for round 2 or a population of 1 000 or more (L262 applies).
    :raises UnsupportedEraError: before March 2014 (the 3 500 limit of earlier eras was not
        read for New Caledonia).
    :raises NotImplementedRuleError: from 2032 (loi n° 2025-444 applies there from then).

    .. seealso:: Code électoral, art. L429, L431, L435.
    """
    when = as_date(date, rule="municipales")
    inhabitants = as_count(
        needed(population, "population", "the New Caledonian communes under 1 000 inhabitants (L429)"), "population"
    )
    if inhabitants == 0:
        raise InvalidArgumentError("population (0) must be >= 1 (CGCT, art. L2121-2)")
    if inhabitants >= 1000:
        raise InvalidArgumentError(
            f"a New Caledonian commune of {inhabitants} inhabitants elects its council under L262 (bonus, "
            "then plus forte moyenne), like the rest of France: L429 covers communes under 1 000"
        )
    if when < NEW_CALEDONIA_FROM:
        raise UnsupportedEraError(
            f"New Caledonian commune on {when.isoformat()}: only the elections from the March 2014 renewal "
            "(L429 for communes under 1 000 inhabitants) are implemented"
        )
    if when >= NEW_CALEDONIA_UNTIL:
        raise NotImplementedRuleError(
            f"New Caledonian commune on {when.isoformat()}: ordonnance n° 2025-1095 applies loi n° 2025-444 "
            "there from 2032, a text this library has not read"
        )
    if isinstance(round, bool) or round != 1:
        raise InvalidArgumentError(
            f"round={round!r}: the New Caledonian communes under 1 000 inhabitants elect in one round "
            "(Code électoral, art. L429 to L436)"
        )
    house = council_size(inhabitants, date=when) if seats is None else as_seats(seats, "municipales")
    note = Note.of(NoteKind.NEW_CALEDONIA_SMALL_COMMUNE)
    return _allocate_lists(tally, house, NEW_CALEDONIA, people=people, if_unresolved=if_unresolved, notes=(note,))


# -- conseillers communautaires --------------------------------------------------------------


def allocate_community_seats(
    tally: Tally | Mapping[str, int],
    seats: int,
    *,
    round: int = 1,
    date: _dt.date | str | None = None,
    people: Lists | None = None,
    if_unresolved: IfUnresolved = IfUnresolved.REPORT,
    population: int | None = None,
    city: str | None = None,
) -> Allocation:
    """The commune's seats in its intercommunal council, shared among its lists (L273-8).

    "Les sièges de conseiller communautaire sont répartis entre les listes par application aux
    suffrages exprimés lors de cette élection des règles prévues à l'article L. 262" (L273-8,
    VERIFIED, in force since 23 March 2014): the same bonus (half the seats, rounded up above
    four, down below) and plus forte moyenne among lists with 5 %, on the municipal votes, for
    the number of seats the prefect's order gives the commune (``seats``). The seats go to
    the candidates of each community list in order (``people``: the community lists); a seat
    that falls to a candidate not elected to the municipal council goes to the first
    councillor of the same sex elected on the list who is not yet a community councillor
    (L273-8 al.2, not applied here). From 2026 the version of L273-8 read adds "sous réserve,
    à Paris et à Marseille, de l'application de l'article L. 272-4-1": there the bonus is a
    quarter of the seats, rounded up (``city=``; PARTIAL). Lyon's councillors sit in the
    Métropole de Lyon, elected by its own ballot.

    Ambérieu-en-Bugey, 15 March 2020 (13 community seats):

    >>> dict(allocate_community_seats({"A": 1410, "B": 607, "C": 119, "D": 630}, 13, date="2020-03-15",
    ...                               population=14_000))
    {'A': 11, 'B': 1, 'C': 0, 'D': 1}

    :param seats: the commune's community seats (an input: set by the prefect's order under
        CGCT L5211-6-1).
    :param population: the commune's population, if known; under 1 000 inhabitants the
        councillors are the first members of the council in the order of the table (L273-11):
        there is nothing to allocate and :class:`~electoral_rules.errors.InvalidArgumentError`
        says so.
    :param city: ``"Paris"`` or ``"Marseille"`` from 2026 (quarter bonus, on the city-wide
        votes); ``None`` for any other commune.
    :raises NoMajorityError: in round 1 without an absolute majority (no seat allocated).
    :raises UnsupportedEraError: before 23 March 2014 (community delegates were then chosen by
        the municipal council).

    .. seealso:: Code électoral, art. L273-6, L273-8, L273-9, L273-11, L272-4-1; CGCT, art.
       L5211-6-1.
    """
    when = as_date(date, rule="municipales")
    if when < COMMUNITY_FROM:
        raise UnsupportedEraError(
            f"community councillors on {when.isoformat()}: they are elected with the municipal council "
            "from the March 2014 renewal (L273-6 to L273-9, loi n° 2013-403); before, the municipal "
            "council chose its delegates"
        )
    if population is not None:
        inhabitants = as_count(population, "population")
        if inhabitants == 0:
            raise InvalidArgumentError("population (0) must be >= 1 (CGCT, art. L2121-2)")
        if inhabitants < 1000:
            raise InvalidArgumentError(
                f"a commune of {inhabitants} inhabitants does not share its community seats among lists: its "
                "community councillors are the members of the municipal council taken in the order of the "
                "table (Code électoral, art. L273-11; CGCT, art. L2121-1)"
            )
    house = as_seats(seats, "municipales")
    votes = votes_of(tally)
    if city is None:
        rule = _half_bonus_rule(f"{L273_8}, {L262}; {HAUTEFORT}")
    else:
        if city == "Lyon":
            raise InvalidArgumentError(
                "Lyon has no community seats under L273-8: its members of the Métropole de Lyon are elected "
                "by a separate ballot"
            )
        if city not in ("Paris", "Marseille"):
            raise UnknownConstituencyError(
                f"city {city!r}: city= is only for Paris and Marseille, whose community seats follow "
                "L272-4-1 from 2026 (L273-8); leave it out for any other commune"
            )
        if when < PLM_FROM:
            raise UnsupportedEraError(
                f"community seats of {city} on {when.isoformat()}: before 2026 they were allocated in each "
                "sector under L262; call this function on the sector's tally without city="
            )
        rule = _quarter_bonus_rule(f"{L273_8}, {L272_4_1}; {HAUTEFORT}")
    rule = replace(rule, election="municipales (conseil communautaire)")
    note = Note.of(NoteKind.COMMUNITY_SEATS)
    people_given = party_lists(people, votes.votes)
    return _allocate_lists(
        votes, house, rule, round=round, people=people_given, if_unresolved=as_if_unresolved(if_unresolved),
        notes=(note,),
    )
