"""Machinery shared by the French list elections: a majority bonus, then plus forte moyenne.

Municipales (L.262), régionales (L.338), européennes (loi n° 77-729, art. 3) and the
proportional sénatoriales (L.295) all end with "représentation proportionnelle suivant la
règle de la plus forte moyenne", which is D'Hondt (see
:func:`electoral_rules.apportionment.dhondt`). Municipales and régionales first give a
majority bonus (*prime majoritaire*) to one list; the other seats are then shared among
**all** lists that reach the threshold, the bonus list included, its average being computed
on its proportional seats only (CE, 30 janvier 2015, *Élections municipales de Hautefort*,
n° 382627). That is exactly D'Hondt over the seats left after the bonus:

>>> from electoral_rules import Tally
>>> result = allocate_with_bonus(
...     Tally(votes={"A": 362, "B": 188}), 15, bonus={"A": 8}, threshold=Fraction(1, 20),
...     legal_basis="Code électoral, art. L262", threshold_basis="Code électoral, art. L262 al.3")
>>> dict(result), dict(result.bonus), dict(result.proportional_seats)
({'A': 13, 'B': 2}, {'A': 8}, {'A': 5, 'B': 2})
>>> [step.kind.value for step in result.trace][:4]
['bonus', 'threshold', 'threshold', 'quotient']

This module also gives seats to candidates in list order (:func:`seat_candidates`) and
holds :class:`NoMajorityError`, raised when a first round gives no list the bonus.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Callable, Iterable, Mapping
from dataclasses import replace
from fractions import Fraction

from .._exact import as_count, grouped, percent_text
from .._mapping import FrozenMap
from ..apportionment import dhondt
from ..errors import InvalidArgumentError, InvalidTallyError, NoMajorityError, UnresolvedTieError
from ..outcome import Allocation, RoundOutcome, Step, StepKind, Threshold, Tie, thresholds_map
from ..tally import PartyList, Tally, votes_of
from ..tiebreak import (
    Criterion,
    IfUnresolved,
    TieBreak,
    highest_list_average_age,
    most_votes,
    oldest_candidate,
)
from .round_engine import AUREILHAN, RunnerUpTie, all_tied_stand

__all__ = [
    "NoMajorityError",
    "absolute_majority_list",
    "allocate_with_bonus",
    "as_election_date",
    "bonus_winner",
    "check_second_round",
    "first_place_steps",
    "list_qualification",
    "most_votes_then_oldest",
    "party_lists",
    "seat_candidates",
]

LastSeatCriteria = Callable[[Mapping[str, int]], tuple[Criterion, ...]]
"""Builds the last-seat tie criteria from the seats each list holds before the tied seat
(bonus included), so that "the next candidate who could be elected" can be found."""



def as_election_date(value: object) -> _dt.date:
    """Check that ``value`` is a :class:`datetime.date` (not a ``datetime``) and return it.

    >>> as_election_date(_dt.date(2020, 3, 15))
    datetime.date(2020, 3, 15)
    """
    if isinstance(value, _dt.datetime) or not isinstance(value, _dt.date):
        raise InvalidArgumentError(
            f"date must be a datetime.date (the day of the election), got {value!r}"
        )
    return value


def absolute_majority_list(tally: Tally) -> str | None:
    """The list with an absolute majority of expressed votes (``2 * v > E``), or ``None``.

    >>> absolute_majority_list(Tally(votes={"A": 51, "B": 50})), absolute_majority_list(
    ...     Tally(votes={"A": 50, "B": 50}))
    ('A', None)

    .. seealso:: Code électoral, art. L262 al.1 (municipales) and L338 al.2 (régionales):
       "la majorité absolue des suffrages exprimés".
    """
    for name, count in tally.votes.items():
        if 2 * count > tally.expressed:
            return name
    return None


def _no_majority(tally: Tally, rule: str) -> NoMajorityError:
    leader = max(tally.votes, key=lambda name: tally.votes[name])
    needed = tally.expressed // 2 + 1
    return NoMajorityError(
        f"no list has an absolute majority of the {grouped(tally.expressed)} expressed votes "
        f"(it takes {grouped(needed)}; the leading list {leader!r} has "
        f"{grouped(tally.votes[leader])}): no seat is allocated in the first round and a second "
        f"round is held ({rule})",
        leader=leader,
        needed=needed,
    )


def bonus_winner(
    tally: Tally,
    *,
    round: int,
    lists: Mapping[str, PartyList] | None,
    rule: str,
    bonus: int,
) -> tuple[str, Tie | None, str]:
    """Who receives the majority bonus, with the tie met on the way and a short reason.

    Round 1: the list with an absolute majority of expressed votes, else
    :class:`NoMajorityError`. Round 2: the list with the most votes; leading lists that
    tie are separated by the highest average age of their candidates (which needs
    ``lists`` with birth dates, else :class:`~electoral_rules.errors.UnresolvedTieError`).

    >>> bonus_winner(Tally(votes={"A": 40, "B": 35, "C": 25}), round=2, lists=None,
    ...              rule="Code électoral, art. L262", bonus=8)
    ('A', None, 'most votes in the second round')
    """
    if round == 1:
        winner = absolute_majority_list(tally)
        if winner is None:
            raise _no_majority(tally, rule)
        return winner, None, "absolute majority of expressed votes in the first round"
    top = max(tally.votes.values())
    leaders = tuple(name for name, count in tally.votes.items() if count == top)
    if len(leaders) == 1:
        return leaders[0], None, "most votes in the second round"
    policy = TieBreak(criteria=(highest_list_average_age(lists or {}, legal_basis=rule),))
    try:
        tie = policy.settle(leaders, 1, votes=tally.votes, value=Fraction(top), stage="majority bonus")
    except UnresolvedTieError as error:
        raise UnresolvedTieError(
            f"tie for the majority bonus between {', '.join(map(repr, leaders))} ({grouped(top)} votes "
            f"each): {rule} gives it to the list whose candidates have the highest average age, but "
            f"{error}",
            tie=error.tie or Tie(contenders=leaders, seats=1, value=Fraction(top), stage="majority bonus"),
        ) from None
    return tie.winners[0], tie, "most votes in the second round, tie settled by the highest average age"


def first_place_steps(votes: Tally, winner: str, bonus: int, tie: Tie | None) -> tuple[Step, ...]:
    """The trace's opening ``TIE`` step when the bonus went to one of several lists tied first.

    >>> first_place_steps(Tally(votes={"A": 5, "B": 5}), "A", 2, None)
    ()
    """
    if tie is None:
        return ()
    return (
        Step(
            kind=StepKind.TIE,
            subject=winner,
            seats=bonus,
            value=tie.value,
            values=tuple((name, Fraction(votes.votes[name])) for name in tie.contenders),
            note="first place: highest average age of the candidates",
        ),
    )


def party_lists(
    lists: Mapping[str, PartyList] | Iterable[PartyList] | None, names: Iterable[str]
) -> dict[str, PartyList] | None:
    """Normalise ``lists`` (a mapping by name or an iterable of :class:`PartyList`) and check
    that every list named is in the tally.

    >>> sorted(party_lists([PartyList(name="A", candidates=["Ana"])], ["A", "B"]) or {})
    ['A']
    """
    if lists is None:
        return None
    if isinstance(lists, Mapping):
        result: dict[str, PartyList] = {}
        for key, party in lists.items():
            if not isinstance(party, PartyList):
                raise InvalidArgumentError(f"lists[{key!r}] must be a PartyList, got {party!r}")
            if party.name != key:
                raise InvalidArgumentError(f"lists[{key!r}] holds the list named {party.name!r}")
            result[key] = party
    else:
        result = {}
        for party in lists:
            if not isinstance(party, PartyList):
                raise InvalidArgumentError(f"lists must hold PartyList records, got {party!r}")
            if party.name in result:
                raise InvalidArgumentError(f"list {party.name!r} is given twice")
            result[party.name] = party
    known = set(names)
    for name in result:
        if name not in known:
            raise InvalidArgumentError(f"candidates are given for list {name!r}, which is not in the tally")
    return result


def seat_candidates(
    allocation: Allocation,
    lists: Mapping[str, PartyList] | Iterable[PartyList],
    *,
    legal_basis: str = "",
) -> Allocation:
    """Give each list's seats to its candidates in the order of presentation.

    Returns a copy of ``allocation`` with :attr:`~electoral_rules.Allocation.elected` (for
    every list that won a seat) and :attr:`~electoral_rules.Allocation.vacancies` (seats won
    beyond the number of candidates). A vacancy is reported with a note, never reassigned:
    the articles applied here do not say what becomes of such a seat.

    :raises InvalidArgumentError: when a list that won a seat has no :class:`PartyList`, or
        a list is unknown to the allocation.

    >>> from electoral_rules import dhondt
    >>> result = seat_candidates(dhondt({"A": 70, "B": 30}, 3),
    ...                          [PartyList(name="A", candidates=["Ana", "Bo"]),
    ...                           PartyList(name="B", candidates=["Cy"])])
    >>> dict(result.elected), dict(result.vacancies)
    ({'A': ('Ana', 'Bo'), 'B': ('Cy',)}, {})

    .. seealso:: Code électoral, art. L262 al.4 and L295: "les sièges sont attribués aux
       candidats dans l'ordre de présentation".
    """
    people = party_lists(lists, allocation.votes) or {}
    elected: dict[str, tuple[str, ...]] = {}
    vacancies: dict[str, int] = {}
    notes = list(allocation.notes)
    for name, won in allocation.items():
        if won == 0:
            continue
        if name not in people:
            raise InvalidArgumentError(
                f"list {name!r} won {won} seat{'s' if won > 1 else ''} but no candidates were given for it"
            )
        candidates = people[name].candidates
        elected[name] = tuple(person.name for person in candidates[:won])
        if won > len(candidates):
            missing = won - len(candidates)
            vacancies[name] = missing
            notes.append(
                f"list {name!r} won {won} seats but has only {len(candidates)} candidates: "
                f"{missing} seat{'s stay' if missing > 1 else ' stays'} vacant (reported, not "
                "reassigned: the law applied here does not say what becomes of it)"
            )
    basis = allocation.legal_basis
    if legal_basis and legal_basis not in basis:
        basis = f"{basis}; {legal_basis}" if basis else legal_basis
    return allocation.with_changes(
        elected=FrozenMap(elected), vacancies=FrozenMap(vacancies), notes=tuple(notes), legal_basis=basis
    )


def most_votes_then_oldest(lists: Mapping[str, PartyList] | None, basis: str) -> LastSeatCriteria:
    """Last-seat tie criteria of L.262 and L.338: most votes, then the oldest of the candidates
    "susceptibles d'être proclamés élus" (on each tied list, the next candidate in list order).

    >>> build = most_votes_then_oldest(None, "Code électoral, art. L262")
    >>> [criterion.name for criterion in build({"A": 2, "B": 1})]
    ['most votes (Code électoral, art. L262)', 'oldest candidate (Code électoral, art. L262)']
    """

    def build(held: Mapping[str, int]) -> tuple[Criterion, ...]:
        return (
            most_votes(basis),
            oldest_candidate(lists or {}, legal_basis=basis, eligible=dict(held)),
        )

    return build


def allocate_with_bonus(
    tally: Tally | Mapping[str, int],
    seats: int,
    *,
    bonus: Mapping[str, int] | None = None,
    threshold: Fraction | None,
    legal_basis: str,
    threshold_basis: str = "",
    last_seat: LastSeatCriteria | None = None,
    if_unresolved: IfUnresolved = IfUnresolved.RAISE,
    lists: Mapping[str, PartyList] | None = None,
    seat_lists: bool = True,
    unresolved_hint: str = "the law's criteria do not settle it",
    bonus_note: str = "",
    lead_steps: tuple[Step, ...] = (),
    ties: tuple[Tie, ...] = (),
    notes: tuple[str, ...] = (),
) -> Allocation:
    """Give the bonus seats, then the others by plus forte moyenne (D'Hondt) among the lists
    that reach ``threshold`` of expressed votes, the bonus list's average counting only its
    proportional seats.

    :param tally: the votes per list.
    :param seats: the whole house, bonus included.
    :param bonus: at most one list and its bonus seats (``None`` or empty: no bonus).
    :param threshold: share of expressed votes a list must reach ("au moins"), or ``None``.
    :param legal_basis: the articles applied, recorded in the outcome.
    :param threshold_basis: the article that sets the threshold.
    :param last_seat: builds the criteria for a tie on the last seat from the seats each
        list holds before it (bonus included); ``None`` means the law states no criterion.
    :param if_unresolved: what to do when the criteria do not settle a tie.
    :param lists: candidates per list, for the age criteria of ties; when given and
        ``seat_lists`` is true, seats also go to them in list order.
    :param seat_lists: whether to seat the candidates of ``lists`` (false for régionales,
        whose candidates are seated by departmental section).
    :param unresolved_hint: the end of the message of an unsettled tie (what the law says).
    :param bonus_note: why the bonus list got the bonus (shown in the trace).
    :param lead_steps: steps to put first in the trace (e.g. a tie for first place).
    :param ties: ties already met (e.g. for the bonus), put before the last-seat tie.
    :param notes: notes to record in the outcome.
    :raises UnresolvedTieError: when a tie cannot be settled and ``if_unresolved`` is
        ``RAISE``; its ``outcome`` is the allocation with the tied seats left undetermined.

    The trace is the ``BONUS`` step, then the core's (``THRESHOLD`` per list, ``QUOTIENT``
    over the seats left after the bonus, ``INITIAL`` integer parts, ``SEAT`` for each
    remaining seat with every average, ``TIE``); ``SEAT`` steps number the proportional
    seats (1 to ``seats - bonus``). The module's doctest shows the Hautefort case.

    .. seealso:: Code électoral, art. L262 and L338 (bonus, then plus forte moyenne among
       the lists with at least 5 %); CE, 30 janvier 2015, Hautefort, n° 382627 (the bonus
       list's average on its proportional seats only).
    """
    votes = votes_of(tally)
    house = as_count(seats, "seats")
    given = dict(bonus or {})
    if len(given) > 1:
        raise InvalidArgumentError(f"the bonus goes to one list, got {sorted(given)}")
    for name, extra in given.items():
        if name not in votes.votes:
            raise InvalidArgumentError(f"bonus list {name!r} is not in the tally")
        if as_count(extra, f"bonus for {name!r}") > house:
            raise InvalidArgumentError(f"bonus for {name!r} ({extra}) exceeds the {house} seats")
    proportional = house - sum(given.values())
    criteria = last_seat or (lambda _held: ())

    def run(policy: TieBreak) -> Allocation:
        return dhondt(votes, proportional, threshold=threshold, tie_break=policy, legal_basis=legal_basis)

    first = run(TieBreak(if_unresolved=IfUnresolved.REPORT))
    result = first
    if first.ties:
        held = {name: first[name] + given.get(name, 0) for name in first.ties[0].contenders}
        try:
            result = run(TieBreak(criteria=criteria(held), if_unresolved=if_unresolved))
        except UnresolvedTieError as error:
            partial = _compose(
                first, votes, house, given, threshold_basis, bonus_note, lead_steps, ties, notes
            )
            if lists is not None and seat_lists:
                partial = seat_candidates(partial, lists)
            if error.tie is None:  # a criterion lacked its data (no candidates, no birth date)
                tie, message = first.ties[0], _tie_message(first.ties[0], str(error))
            else:
                tie, message = error.tie, _tie_message(error.tie, unresolved_hint)
            if if_unresolved is IfUnresolved.REPORT:
                return partial.with_changes(notes=(*partial.notes, message))
            raise UnresolvedTieError(message, tie=tie, outcome=partial) from None
    composed = _compose(result, votes, house, given, threshold_basis, bonus_note, lead_steps, ties, notes)
    if lists is not None and seat_lists:
        composed = seat_candidates(composed, lists)
    return composed


def _tie_message(tie: Tie, hint: str) -> str:
    still = tie.unresolved or tie.contenders
    at_stake = tie.undetermined or tie.seats
    applied = f" after {', '.join(tie.resolved_by)}" if tie.resolved_by else ""
    return (
        f"tie for the {tie.stage} between {', '.join(map(repr, still))} ({at_stake} seat"
        f"{'s' if at_stake > 1 else ''} at stake){applied}: {hint}"
    )


def _compose(
    core: Allocation,
    votes: Tally,
    house: int,
    bonus: Mapping[str, int],
    threshold_basis: str,
    bonus_note: str,
    lead_steps: tuple[Step, ...],
    ties: tuple[Tie, ...],
    notes: tuple[str, ...],
) -> Allocation:
    seats = FrozenMap((name, core[name] + bonus.get(name, 0)) for name in votes.votes)
    bonus_steps = tuple(
        Step(kind=StepKind.BONUS, subject=name, seats=extra, note=bonus_note) for name, extra in bonus.items()
    )
    threshold = core.threshold
    if threshold is not None and threshold_basis:
        threshold = replace(threshold, legal_basis=threshold_basis)
    undetermined = tuple(
        f"{tie.undetermined} seat{'s' if tie.undetermined > 1 else ''} left undetermined: tie "
        f"between {', '.join(map(repr, tie.unresolved))}"
        for tie in core.ties
        if not tie.resolved
    )

    def trace() -> tuple[Step, ...]:
        return lead_steps + bonus_steps + core.trace

    return core.with_changes(
        seats=seats,
        house=house,
        bonus=FrozenMap(bonus),
        threshold=threshold,
        ties=ties + core.ties,
        notes=notes + undetermined,
        trace_factory=trace,
    )


def list_qualification(
    tally: Tally | Mapping[str, int],
    *,
    election: str,
    stand: Fraction,
    merge: Fraction,
    top_two_fallback: bool,
    legal_basis: str,
    majority_rule: str,
    runner_up_tie: RunnerUpTie = RunnerUpTie.ALL_STAND,
) -> RoundOutcome:
    """Which lists of a first round may stand in the second, and which may merge into one.

    Shares are of expressed votes and inclusive ("au moins"). Without ``top_two_fallback``
    only the lists that reach ``stand`` go through (municipales, L.264); with it, the list
    after a lone qualifier, or the two leading lists when none qualifies, may also stand
    (régionales, L.346). The law states no rule for a tie for a fallback place: by default
    every tied list may stand (``runner_up_tie=RunnerUpTie.ALL_STAND``, the practice followed
    for the départementales in the canton d'Aureilhan in 2015); with
    ``RunnerUpTie.UNDETERMINED`` the tied lists are in neither ``qualified`` nor ``eliminated``
    and the :class:`~electoral_rules.Tie` is reported. A first round that gives a list an absolute
    majority has no second round: that list is ``elected`` and nobody qualifies.

    Lists are ordered by votes, most first; equal votes keep the order given.

    >>> outcome = list_qualification(
    ...     {"A": 45, "B": 30, "C": 18, "D": 7}, election="municipales", stand=Fraction(1, 10),
    ...     merge=Fraction(1, 20), top_two_fallback=False, legal_basis="L264", majority_rule="L262")
    >>> outcome.qualified, outcome.eliminated
    (('A', 'B', 'C'), ('D',))
    >>> outcome.notes[0]
    "lists that may merge into a second-round list (at least 5 % of expressed): 'D'"
    """
    votes = votes_of(tally)
    expressed = votes.expressed
    stand_rule = Threshold(
        name=f"{percent_text(stand)} of expressed (to stand)", share=stand, base="expressed",
        base_count=expressed, inclusive=True, legal_basis=legal_basis,
    )
    merge_rule = Threshold(
        name=f"{percent_text(merge)} of expressed (to merge)", share=merge, base="expressed",
        base_count=expressed, inclusive=True, legal_basis=legal_basis,
    )
    ranked = sorted(votes.votes, key=lambda name: -votes.votes[name])
    steps: list[Step] = []
    winner = absolute_majority_list(votes)
    if winner is not None:
        steps.append(Step(kind=StepKind.RESULT, subject=winner, note="absolute majority: no second round"))
        return RoundOutcome(
            election=election, round=1, tally=votes, elected=(winner,),
            eliminated=tuple(name for name in ranked if name != winner),
            thresholds=thresholds_map(stand_rule, merge_rule), legal_basis=majority_rule,
            trace=tuple(steps),
            notes=(
                (
                    f"list {winner!r} has an absolute majority of expressed votes: seats are "
                    f"allocated in the first round ({majority_rule}); there is no second round"
                ),
            ),
        )
    qualified = [name for name in ranked if stand_rule.met_by(votes.votes[name])]
    ties: list[Tie] = []
    notes: list[str] = []
    steps.extend(
        Step(kind=StepKind.THRESHOLD, subject=name, passed=name in qualified, value=stand, note="stand")
        for name in ranked
    )
    undecided: list[str] = []
    if top_two_fallback and len(qualified) < 2:
        places = 2 - len(qualified)
        rest = [name for name in ranked if name not in qualified and votes.votes[name] > 0]
        if len(rest) > places:
            cut = votes.votes[rest[places - 1]]
            sure = [name for name in rest if votes.votes[name] > cut]
            tied = [name for name in rest if votes.votes[name] == cut]
            if len(sure) + len(tied) > places:
                tie = Tie(contenders=tuple(tied), seats=places - len(sure), value=Fraction(cut),
                          stage="second-round place (top-two fallback)")
                if runner_up_tie is RunnerUpTie.ALL_STAND:
                    ties.append(all_tied_stand(tie))
                    places = len(sure) + len(tied)
                    rest = sure + tied
                    notes.append(
                        f"lists {', '.join(map(repr, tied))} tie for a place given by the top-two "
                        f"fallback: all may stand ({AUREILHAN})"
                    )
                else:
                    ties.append(tie)
                    undecided = tied
                    rest = sure
            else:
                rest = sure + tied
        added = rest[:places]
        qualified.extend(added)
        for name in added:
            steps.append(Step(kind=StepKind.RESULT, subject=name, passed=True, note="top-two fallback"))
            notes.append(
                f"list {name!r} may stand in the second round by the top-two fallback ({legal_basis})"
            )
    mergers = [
        name for name in ranked
        if name not in qualified and name not in undecided and merge_rule.met_by(votes.votes[name])
    ]
    steps.extend(
        Step(kind=StepKind.THRESHOLD, subject=name, passed=merge_rule.met_by(votes.votes[name]),
             value=merge, note="merge")
        for name in ranked if name not in qualified
    )
    notes.insert(0, "lists that may merge into a second-round list (at least "
                 f"{percent_text(merge)} of expressed): {', '.join(map(repr, mergers)) or 'none'}")
    return RoundOutcome(
        election=election, round=1, tally=votes, qualified=tuple(qualified),
        eliminated=tuple(name for name in ranked if name not in qualified and name not in undecided),
        ties=tuple(ties), thresholds=thresholds_map(stand_rule, merge_rule), legal_basis=legal_basis,
        trace=tuple(steps), notes=tuple(notes),
    )


def check_second_round(
    tally: Tally, first_round: Tally | Mapping[str, int] | None, *, stand: Fraction, rule: str,
    top_two_fallback: bool, runner_up_tie: RunnerUpTie = RunnerUpTie.ALL_STAND,
) -> None:
    """Refuse a second-round tally that holds a list which could not stand (or follows a
    first round that already had an absolute majority).

    >>> try:
    ...     check_second_round(Tally(votes={"A": 5, "D": 4}), {"A": 45, "B": 30, "C": 18, "D": 7},
    ...                        stand=Fraction(1, 10), rule="L264", top_two_fallback=False)
    ... except InvalidTallyError as error:
    ...     print(error)
    list 'D' cannot stand in the second round: it had 7 of 100 expressed votes in the first round,
    under 10 % (L264)
    """
    if first_round is None:
        return
    first = votes_of(first_round)
    winner = absolute_majority_list(first)
    if winner is not None:
        raise InvalidTallyError(
            f"list {winner!r} had an absolute majority in the first round: there is no second round ({rule})"
        )
    outcome = list_qualification(
        first, election="", stand=stand, merge=Fraction(0), top_two_fallback=top_two_fallback,
        legal_basis=rule, majority_rule=rule, runner_up_tie=runner_up_tie,
    )
    undecided = {name for tie in outcome.ties for name in tie.unresolved}
    for name in tally.votes:
        if name in outcome.qualified or name in undecided:
            continue
        if name not in first.votes:
            raise InvalidTallyError(
                f"list {name!r} was not in the first round, so it cannot stand in the second ({rule})"
            )
        raise InvalidTallyError(
            f"list {name!r} cannot stand in the second round: it had {grouped(first.votes[name])} of "
            f"{grouped(first.expressed)} expressed votes in the first round, under "
            f"{percent_text(stand)} ({rule})"
        )
