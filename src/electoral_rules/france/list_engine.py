"""The list-vote engine: a majority bonus, then plus forte moyenne, described by a :class:`ListRule`.

Municipales (L.262), régionales (L.338), européennes (loi n° 77-729, art. 3) and the
proportional sénatoriales (L.295) all end with "représentation proportionnelle suivant la
règle de la plus forte moyenne", which is D'Hondt (see
:func:`electoral_rules.apportionment.dhondt`). Municipales and régionales first give a
majority bonus (*prime majoritaire*) to one list; the other seats are then shared among
**all** lists that reach the threshold, the bonus list included, its average being computed
on its proportional seats only (CE, 30 janvier 2015, *Élections municipales de Hautefort*,
n° 382627). That is exactly D'Hondt over the seats left after the bonus.

Each election describes its rule once as a :class:`ListRule` (bonus, threshold, tie rules,
articles) and calls :func:`allocate`:

>>> from electoral_rules import Tally
>>> HALF = ListRule(election="municipales", legal_basis="Code électoral, art. L262",
...     bonus_share=Fraction(1, 2), bonus_rounding=BonusRounding.UP_ABOVE_FOUR_SEATS,
...     majority_basis="Code électoral, art. L262 al.2", threshold=Fraction(1, 20),
...     threshold_basis="Code électoral, art. L262 al.3")
>>> result = allocate(Tally(votes={"A": 362, "B": 188}), 15, HALF)
>>> dict(result), dict(result.bonus), dict(result.proportional_seats)
({'A': 13, 'B': 2}, {'A': 8}, {'A': 5, 'B': 2})
>>> [step.kind.value for step in result.trace][:4]
['bonus', 'threshold', 'threshold', 'quotient']

This module also gives seats to candidates in list order (:func:`seat_candidates`) and
decides which lists of a first round may stand in the second (:func:`list_qualification`).
"""

from __future__ import annotations

import enum
import warnings
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, replace
from fractions import Fraction

from .._exact import (
    absolute_majority,
    as_count,
    as_name,
    as_round,
    as_seats,
    as_share,
    grouped,
    majority_votes,
    percent_text,
    require,
    shown,
)
from .._mapping import FrozenMap
from ..apportionment import dhondt
from ..errors import InvalidArgumentError, InvalidTallyError, NoMajorityError, UnresolvedTieError
from ..outcome import (
    Allocation,
    Method,
    Note,
    NoteKind,
    RoundOutcome,
    Step,
    StepKind,
    Threshold,
    Tie,
    thresholds_map,
)
from ..tally import PartyList, Tally, votes_of
from ..tiebreak import (
    Criterion,
    IfUnresolved,
    TieBreak,
    as_if_unresolved,
    highest_list_average_age,
    lowest_list_average_age,
    most_votes,
    oldest_candidate,
)
from .round_engine import RunnerUpTie
from .round_engine import top_two_fallback as _fill_to_two

__all__ = [
    "BonusRounding",
    "FirstPlaceTie",
    "LastSeatCriteria",
    "LastSeatTie",
    "ListRule",
    "ThresholdBase",
    "absolute_majority_list",
    "allocate",
    "allocate_with_bonus",
    "bonus_winner",
    "check_round_tallies",
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


# -- the rule as a record ------------------------------------------------------------------


class BonusRounding(enum.Enum):
    """How a bonus given as a share of the seats is rounded to whole seats."""

    UP = "up"
    """Always up: "le quart du nombre des sièges à pourvoir, arrondi à l'entier supérieur"
    (Code électoral, art. L338)."""
    DOWN = "down"
    """Always down."""
    UP_ABOVE_FOUR_SEATS = "up above four seats, down below"
    """"arrondi, le cas échéant, à l'entier supérieur lorsqu'il y a plus de quatre sièges à
    pourvoir et à l'entier inférieur lorsqu'il y a moins de quatre sièges à pourvoir"
    (Code électoral, art. L262 al.1)."""


class ThresholdBase(enum.Enum):
    """What the threshold is a share of."""

    EXPRESSED = "expressed"
    """The suffrages exprimés (L262, L338, loi n° 77-729 art. 3)."""
    REGISTERED = "registered"
    """The électeurs inscrits (the tally must then give ``registered``)."""


class FirstPlaceTie(enum.Enum):
    """Who takes the bonus when leading lists have equal votes in the decisive round."""

    HIGHEST_AVERAGE_AGE = "highest average age"
    """"la liste dont les candidats ont la moyenne d'âge la plus élevée" (L262 al.2, L338)."""
    NO_RULE = "no rule"
    """The text states none: the tie is reported (or raised), the bonus left undetermined."""


class LastSeatTie(enum.Enum):
    """How equal averages for the last seat are settled."""

    NO_RULE = "no rule"
    """The text states none (L295, loi n° 77-729 of 1977): the tie is reported or raised."""
    MOST_VOTES_THEN_OLDEST = "most votes, then the oldest candidate who could be elected"
    """L262 al.5, L338: the list with the most votes, then the oldest of the candidates
    "susceptibles d'être proclamés élus" (on each tied list, the next in list order)."""
    MOST_VOTES_THEN_HIGHEST_AVERAGE_AGE = "most votes, then the highest average age"
    """Européennes 2003-2018 (loi n° 77-729 art. 3 as amended by loi n° 2003-327)."""
    MOST_VOTES_THEN_LOWEST_AVERAGE_AGE = "most votes, then the lowest average age"
    """Européennes since loi n° 2018-509."""


@dataclass(frozen=True, slots=True, kw_only=True)
class ListRule:
    """A list vote described once: its bonus, its threshold, its tie rules and their articles.

    :ivar election: the election's name as shown, e.g. ``"municipales"``.
    :ivar legal_basis: the articles applied, recorded in the outcome.
    :ivar bonus_share: the bonus as a share of the seats (``Fraction(1, 2)`` for L262), or
        ``None``.
    :ivar bonus_rounding: how :attr:`bonus_share` becomes whole seats.
    :ivar bonus_seats: a bonus given as a number of seats instead of a share.
    :ivar majority_basis: the article under which a first round gives the bonus only to a
        list with an absolute majority of expressed votes (without one, no seat is
        allocated: :class:`~electoral_rules.errors.NoMajorityError`).
    :ivar first_place_basis: the article giving the bonus to the list with the most votes in
        the second round, and settling equal leaders (default: :attr:`majority_basis`).
    :ivar bonus_list_shares: whether the bonus list also takes part in the other seats (it
        does in every French rule read: CE, 30 janvier 2015, Hautefort, n° 382627).
    :ivar threshold: the share of :attr:`threshold_base` a list must reach ("au moins") to
        take part in the proportional seats, or ``None``.
    :ivar threshold_base: what the threshold is a share of.
    :ivar threshold_basis: the article setting the threshold.
    :ivar first_place_tie: the rule for leaders with equal votes (the bonus).
    :ivar last_seat_tie: the rule for equal averages on the last seat.
    :ivar last_seat_basis: the article for the last-seat rule (default: :attr:`legal_basis`).
    :ivar seat_candidates: whether the seats go to the candidates of ``people`` in list
        order (false for régionales, seated by departmental section).
    :ivar unresolved_hint: what the law says when a tie is left open, ending the message.

    >>> ListRule(election="régionales", legal_basis="L338", bonus_share=Fraction(1, 4),
    ...          majority_basis="L338 al.2").bonus_for(41)
    11
    """

    election: str
    legal_basis: str
    bonus_share: Fraction | None = None
    bonus_rounding: BonusRounding = BonusRounding.UP
    bonus_seats: int | None = None
    majority_basis: str = ""
    first_place_basis: str = ""
    bonus_list_shares: bool = True
    threshold: Fraction | None = None
    threshold_base: ThresholdBase = ThresholdBase.EXPRESSED
    threshold_basis: str = ""
    first_place_tie: FirstPlaceTie = FirstPlaceTie.HIGHEST_AVERAGE_AGE
    last_seat_tie: LastSeatTie = LastSeatTie.NO_RULE
    last_seat_basis: str = ""
    seat_candidates: bool = True
    unresolved_hint: str = "the law's criteria do not settle it"

    def __post_init__(self) -> None:
        for name in ("election", "legal_basis"):
            if not isinstance(getattr(self, name), str) or not getattr(self, name):
                raise InvalidArgumentError(f"ListRule.{name} must be a non-empty string")
        if self.bonus_share is not None and self.bonus_seats is not None:
            raise InvalidArgumentError("ListRule takes bonus_share or bonus_seats, not both")
        if self.bonus_share is not None and (
            not isinstance(self.bonus_share, Fraction) or not 0 < self.bonus_share < 1
        ):
            raise InvalidArgumentError(f"bonus_share {self.bonus_share!r} must be a Fraction between 0 and 1")
        if self.bonus_seats is not None and as_count(self.bonus_seats, "bonus_seats") < 1:
            raise InvalidArgumentError("bonus_seats must be >= 1 (None for no bonus)")
        if self.has_bonus and not self.majority_basis:
            raise InvalidArgumentError("a ListRule with a bonus needs majority_basis (the article giving it)")
        if self.threshold is not None and (not isinstance(self.threshold, Fraction) or not 0 < self.threshold < 1):
            raise InvalidArgumentError(f"threshold {self.threshold!r} must be a Fraction between 0 and 1")
        for name, kind in (
            ("bonus_rounding", BonusRounding),
            ("threshold_base", ThresholdBase),
            ("first_place_tie", FirstPlaceTie),
            ("last_seat_tie", LastSeatTie),
        ):
            if not isinstance(getattr(self, name), kind):
                raise InvalidArgumentError(f"ListRule.{name} must be a {kind.__name__} member")

    @property
    def has_bonus(self) -> bool:
        """Whether the rule gives a majority bonus."""
        return self.bonus_share is not None or self.bonus_seats is not None

    def bonus_for(self, seats: int) -> int:
        """The bonus seats of a house of ``seats`` (0 without a bonus).

        :raises InvalidArgumentError: when a fixed bonus exceeds the house.
        """
        if self.bonus_seats is not None:
            if self.bonus_seats > seats:
                raise InvalidArgumentError(
                    f"the bonus of {self.bonus_seats} seats exceeds the {seats} seats ({self.majority_basis})"
                )
            return self.bonus_seats
        if self.bonus_share is None:
            return 0
        whole, part = divmod(self.bonus_share.numerator * seats, self.bonus_share.denominator)
        rounding = self.bonus_rounding
        if rounding is BonusRounding.UP_ABOVE_FOUR_SEATS:
            rounding = BonusRounding.UP if seats > 4 else BonusRounding.DOWN
        return whole + 1 if part and rounding is BonusRounding.UP else whole


# -- the engine ----------------------------------------------------------------------------


def allocate(
    tally: Tally | Mapping[str, int],
    seats: int,
    rule: ListRule,
    *,
    round: int = 1,
    people: Mapping[str, PartyList] | Iterable[PartyList] | None = None,
    if_unresolved: IfUnresolved = IfUnresolved.REPORT,
    notes: tuple[Note, ...] = (),
    bonus_to: str | None = None,
) -> Allocation:
    """Apply a list rule: the bonus (if any), then plus forte moyenne (D'Hondt) among the
    lists that reach the threshold, the bonus list's average counting only its proportional
    seats.

    :param tally: the votes per list (a :class:`~electoral_rules.Tally` or a mapping).
    :param seats: the whole house, bonus included (an ``int >= 1``).
    :param rule: the :class:`ListRule` applied.
    :param round: 1 or 2: in round 1 the bonus goes only to a list with an absolute majority
        of expressed votes (else :class:`~electoral_rules.errors.NoMajorityError`: no seat
        is allocated, even where the bonus rounds to no seat, as for one seat under L262
        al.2); in round 2 to the list with the most votes. Rules without a bonus ignore it.
    :param people: the candidates of each list (:class:`~electoral_rules.PartyList`), for
        the age criteria of ties and, with :attr:`ListRule.seat_candidates`, to seat them.
    :param if_unresolved: when a tie survives the rule's criteria (or their data is
        missing): ``REPORT`` leaves its seats undetermined and records the
        :class:`~electoral_rules.Tie`; ``RAISE`` raises
        :class:`~electoral_rules.errors.UnresolvedTieError` whose ``outcome`` is that
        partial allocation.
    :param notes: :class:`~electoral_rules.Note` records to carry on the outcome.
    :param bonus_to: the list that takes the bonus when the law decides it on other votes
        than ``tally`` (a section of an assembly whose bonus is won on the whole
        constituency); ``round`` then decides nothing.

    The trace is the ``BONUS`` step, then the core's (``THRESHOLD`` per list, ``QUOTIENT``
    over the seats left after the bonus, ``INITIAL`` integer parts, ``SEAT`` for each
    remaining seat with every average, ``TIE``); ``SEAT`` steps number the proportional
    seats (1 to ``seats - bonus``). D'Hondt is run once: a tie's criteria are built from the
    seats each list holds before the tied seat (bonus included).

    .. seealso:: Code électoral, art. L262 and L338 (bonus, then plus forte moyenne among
       the lists with at least 5 %); CE, 30 janvier 2015, Hautefort, n° 382627 (the bonus
       list's average on its proportional seats only).
    """
    if not isinstance(rule, ListRule):
        raise InvalidArgumentError(f"rule must be a ListRule, got {rule!r}")
    votes = votes_of(tally)
    house = as_seats(seats, rule.election)
    number = as_round(round, rule.election)
    policy = as_if_unresolved(if_unresolved)
    lists = party_lists(people, votes.votes)
    prime = rule.bonus_for(house)
    if number == 1 and rule.has_bonus and not prime and bonus_to is None and absolute_majority_list(votes) is None:
        # the majority condition of round 1 holds whatever the bonus: a bonus rounded to no
        # seat (one seat under L262) still needs it, or a second round is held
        raise _no_majority(votes, rule.majority_basis)
    given: dict[str, int] = {}
    lead_steps: tuple[Step, ...] = ()
    ties: tuple[Tie, ...] = ()
    reason: NoteKind | None = None
    first_place_message = ""
    first_place_note: Note | None = None
    if prime and bonus_to is not None:
        if bonus_to not in votes.votes:
            raise InvalidArgumentError(f"bonus_to={bonus_to!r} is not a list of the tally ({rule.election})")
        given = {bonus_to: prime}
    elif bonus_to is not None:
        raise InvalidArgumentError(f"bonus_to={bonus_to!r} is given but the rule of the {rule.election} has no bonus")
    elif prime:
        winner, tie, reason, first_place_message, first_place_note = _first_place(
            votes, number, lists, rule, prime
        )
        if winner is not None:
            given = {winner: prime}
            lead_steps = first_place_steps(votes, winner, prime, tie)
        ties = () if tie is None else (tie,)
    base = None
    if rule.threshold is not None and rule.threshold_base is ThresholdBase.REGISTERED:
        if votes.registered is None:
            raise InvalidTallyError(
                f"the {percent_text(rule.threshold)} threshold of the {rule.election} is a share of the "
                f"registered voters ({rule.threshold_basis or rule.legal_basis}): give the number of "
                "registered voters (Tally(registered=...), --registered on the command line)"
            )
        base = votes.registered
    result = _run(
        votes,
        house,
        given,
        threshold=rule.threshold,
        threshold_base=base,
        base_name=rule.threshold_base.value,
        legal_basis=rule.legal_basis,
        threshold_basis=rule.threshold_basis,
        last_seat=_last_seat_criteria(rule, lists),
        if_unresolved=IfUnresolved.REPORT if first_place_message else policy,
        lists=lists if rule.seat_candidates else None,
        unresolved_hint=rule.unresolved_hint,
        bonus_note=reason,
        lead_steps=lead_steps,
        ties=ties,
        notes=notes,
        shares=rule.bonus_list_shares,
        held_back=prime if prime and not given else 0,
        method=Method.BONUS_THEN_HIGHEST_AVERAGE if rule.has_bonus else Method.DHONDT,
    )
    if first_place_message:
        if policy is IfUnresolved.RAISE:
            raise UnresolvedTieError(first_place_message, tie=ties[0], outcome=result)
        assert first_place_note is not None
        result = result.with_changes(notes=(*result.notes, first_place_note))
    return result


def _first_place(
    votes: Tally, round: int, lists: Mapping[str, PartyList] | None, rule: ListRule, prime: int
) -> tuple[str | None, Tie | None, NoteKind | None, str, Note | None]:
    """Who takes the bonus: the winner (``None`` when a tie is left open), the tie met, the
    reason the trace's ``BONUS`` step carries, and the message and note of an open tie."""
    if round == 1:
        winner = absolute_majority_list(votes)
        if winner is None:
            raise _no_majority(votes, rule.majority_basis)
        return winner, None, NoteKind.BONUS_ABSOLUTE_MAJORITY, "", None
    basis = rule.first_place_basis or rule.majority_basis
    top = max(votes.votes.values())
    leaders = tuple(name for name, count in votes.votes.items() if count == top)
    if len(leaders) == 1:
        return leaders[0], None, NoteKind.BONUS_MOST_VOTES, "", None
    stage = "majority bonus"
    open_tie = Tie(contenders=leaders, seats=1, value=Fraction(top), stage=stage)
    listed = ", ".join(map(repr, leaders))
    by_age = Note.of(NoteKind.BONUS_UNDETERMINED, contenders=leaders, seats=prime, basis=basis)
    if rule.first_place_tie is FirstPlaceTie.NO_RULE:
        no_rule = Note.of(
            NoteKind.TIE_UNSETTLED, stage=stage, contenders=leaders, seats=1, criteria=(), reason="no-rule"
        )
        return None, open_tie, None, (
            f"tie for the {stage} between {listed} ({grouped(top)} votes each): {basis} states no "
            f"rule for it, so its {prime} seat{'s' if prime > 1 else ''} stay undetermined"
        ), no_rule
    policy = TieBreak(
        criteria=(highest_list_average_age(lists or {}, legal_basis=basis),), if_unresolved=IfUnresolved.REPORT
    )
    try:
        tie = policy.settle(leaders, 1, votes=votes.votes, value=Fraction(top), stage=stage)
    except UnresolvedTieError as error:
        return None, open_tie, None, (
            f"tie for the {stage} between {listed} ({grouped(top)} votes each): {basis} gives it to "
            f"the list whose candidates have the highest average age, but {error}"
        ), by_age
    if not tie.resolved:
        return None, tie, None, (
            f"tie for the {stage} between {listed} ({grouped(top)} votes each): {basis} gives it to "
            "the list whose candidates have the highest average age, and those averages are equal"
        ), by_age
    return tie.winners[0], tie, NoteKind.BONUS_AVERAGE_AGE, "", None


def _last_seat_criteria(rule: ListRule, lists: Mapping[str, PartyList] | None) -> LastSeatCriteria | None:
    basis = rule.last_seat_basis or rule.legal_basis
    if rule.last_seat_tie is LastSeatTie.NO_RULE:
        return None
    if rule.last_seat_tie is LastSeatTie.MOST_VOTES_THEN_OLDEST:
        return most_votes_then_oldest(lists, basis)
    age = (
        highest_list_average_age
        if rule.last_seat_tie is LastSeatTie.MOST_VOTES_THEN_HIGHEST_AVERAGE_AGE
        else lowest_list_average_age
    )

    def build(_held: Mapping[str, int]) -> tuple[Criterion, ...]:
        return (most_votes(basis), age(lists or {}, legal_basis=basis))

    return build


def _run(
    votes: Tally,
    house: int,
    given: Mapping[str, int],
    *,
    threshold: Fraction | None,
    threshold_base: int | None = None,
    base_name: str = "expressed",
    legal_basis: str,
    threshold_basis: str = "",
    last_seat: LastSeatCriteria | None = None,
    if_unresolved: IfUnresolved,
    lists: Mapping[str, PartyList] | None = None,
    unresolved_hint: str = "the law's criteria do not settle it",
    bonus_note: NoteKind | None = None,
    lead_steps: tuple[Step, ...] = (),
    ties: tuple[Tie, ...] = (),
    notes: tuple[Note, ...] = (),
    shares: bool = True,
    held_back: int = 0,
    method: Method | None = None,
) -> Allocation:
    """The bonus seats ``given``, then D'Hondt (run once) over the rest; see :func:`allocate`.
    ``held_back`` seats (a bonus whose list a tie left open) are left undetermined. ``method``
    is the outcome's (default: with a bonus given, ``BONUS_THEN_HIGHEST_AVERAGE``)."""
    proportional = house - sum(given.values()) - held_back
    sharing: Tally | dict[str, int] = votes
    if not shares and given:
        sharing = {name: count for name, count in votes.votes.items() if name not in given}
    base = threshold_base
    if base is None and threshold is not None and sharing is not votes:
        base = votes.expressed

    def criteria(held: Mapping[str, int]) -> tuple[Criterion, ...]:
        if last_seat is None:
            return ()
        return last_seat({name: seats + given.get(name, 0) for name, seats in held.items()})

    def run(policy: TieBreak) -> Allocation:
        return dhondt(
            sharing, proportional, threshold=threshold, threshold_base=base, tie_break=policy,
            legal_basis=legal_basis,
        )

    message = ""
    try:
        core = run(TieBreak(criteria_from_seats=criteria, if_unresolved=IfUnresolved.REPORT))
    except UnresolvedTieError as error:  # a criterion lacked its data (no candidates, no birth date)
        core = run(TieBreak(if_unresolved=IfUnresolved.REPORT))
        message = _tie_message(core.ties[0], str(error))
    composed = _compose(
        core, votes, house, given, threshold_basis, base_name, bonus_note, lead_steps, ties, notes
    )
    if method is not None:
        composed = composed.with_changes(method=method)
    if lists is not None:
        composed = seat_candidates(composed, lists)
    open_ties = [tie for tie in core.ties if not tie.resolved]
    if open_ties and not message:
        message = _tie_message(open_ties[0], unresolved_hint)
        if if_unresolved is IfUnresolved.REPORT:
            return composed
    if message:
        if if_unresolved is IfUnresolved.RAISE:
            raise UnresolvedTieError(message, tie=core.ties[0], outcome=composed)
        composed = composed.with_changes(notes=(*composed.notes, _tie_note(core.ties[0], "missing-data")))
    return composed


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
    bonus_note: NoteKind | None = None,
    lead_steps: tuple[Step, ...] = (),
    ties: tuple[Tie, ...] = (),
    notes: tuple[Note, ...] = (),
) -> Allocation:
    """Deprecated: describe the rule with a :class:`ListRule` and call :func:`allocate`.

    Gives the ``bonus`` seats to the list named, then the others by plus forte moyenne
    among the lists that reach ``threshold`` of expressed votes.
    """
    warnings.warn(
        "allocate_with_bonus is deprecated: describe the rule with ListRule and call "
        "electoral_rules.france.list_engine.allocate",
        DeprecationWarning,
        stacklevel=2,
    )
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
    return _run(
        votes, house, given, threshold=threshold, legal_basis=legal_basis,
        threshold_basis=threshold_basis, last_seat=last_seat, if_unresolved=if_unresolved,
        lists=party_lists(lists, votes.votes) if seat_lists else None,
        unresolved_hint=unresolved_hint, bonus_note=bonus_note, lead_steps=lead_steps, ties=ties,
        notes=notes,
    )


def absolute_majority_list(tally: Tally) -> str | None:
    """The list with an absolute majority of expressed votes (``2 * v > E``), or ``None``.

    >>> absolute_majority_list(Tally(votes={"A": 51, "B": 50})), absolute_majority_list(
    ...     Tally(votes={"A": 50, "B": 50}))
    ('A', None)

    .. seealso:: Code électoral, art. L262 al.1 (municipales) and L338 al.2 (régionales):
       "la majorité absolue des suffrages exprimés".
    """
    tally = votes_of(tally)
    for name, count in tally.votes.items():
        if absolute_majority(count, tally.expressed):
            return name
    return None


def _no_majority(tally: Tally, rule: str) -> NoMajorityError:
    leader = max(tally.votes, key=lambda name: tally.votes[name])
    needed = majority_votes(tally.expressed)
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
) -> tuple[str, Tie | None, NoteKind]:
    """Who receives the majority bonus, with the tie met on the way and the reason, as the
    :class:`~electoral_rules.NoteKind` the trace's ``BONUS`` step will carry.

    Round 1: the list with an absolute majority of expressed votes, else
    :class:`NoMajorityError`. Round 2: the list with the most votes; leading lists that
    tie are separated by the highest average age of their candidates (which needs
    ``lists`` with birth dates, else :class:`~electoral_rules.errors.UnresolvedTieError`).

    >>> bonus_winner(Tally(votes={"A": 40, "B": 35, "C": 25}), round=2, lists=None,
    ...              rule="Code électoral, art. L262", bonus=8)
    ('A', None, <NoteKind.BONUS_MOST_VOTES: 'bonus-most-votes'>)
    """
    tally = votes_of(tally)
    require(rule, str, "rule (the article applied)")
    round = as_round(round, rule)
    bonus = as_count(bonus, f"bonus seats ({rule})")
    require(lists, (Mapping, type(None)), f"lists (PartyList records by name, {rule})")
    if lists is not None:
        lists = party_lists(lists, lists)
    spec = ListRule(election="list vote", legal_basis=rule, bonus_seats=max(bonus, 1), majority_basis=rule)
    winner, tie, reason, message, _ = _first_place(tally, round, lists, spec, bonus)
    if winner is None or reason is None:
        raise UnresolvedTieError(message, tie=tie)
    return winner, tie, reason


def first_place_steps(votes: Tally, winner: str, bonus: int, tie: Tie | None) -> tuple[Step, ...]:
    """The trace's opening ``TIE`` step when the bonus went to one of several lists tied first.

    >>> first_place_steps(Tally(votes={"A": 5, "B": 5}), "A", 2, None)
    ()
    """
    votes = votes_of(votes)
    winner = as_name(winner, "bonus winner")
    bonus = as_count(bonus, "bonus seats")
    require(tie, (Tie, type(None)), "tie (for the majority bonus)")
    if tie is None:
        return ()
    for name in tie.contenders:
        if name not in votes.votes:
            raise InvalidArgumentError(f"tied list {name!r} is not in the tally (majority bonus)")
    return (
        Step(
            kind=StepKind.TIE,
            subject=winner,
            seats=bonus,
            value=tie.value,
            values=tuple((name, Fraction(votes.votes[name])) for name in tie.contenders),
            note=tie.stage,
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
    if not isinstance(names, Iterable) or isinstance(names, (str, bytes)):
        raise InvalidArgumentError(f"names must be the tally's list names, not {type(names).__name__} ({shown(names)})")
    if isinstance(lists, Mapping):
        result: dict[str, PartyList] = {}
        for key, party in lists.items():
            if not isinstance(party, PartyList):
                raise InvalidArgumentError(f"lists[{key!r}] must be a PartyList, got {party!r}")
            if party.name != key:
                raise InvalidArgumentError(f"lists[{key!r}] holds the list named {party.name!r}")
            result[key] = party
    else:
        given: object = lists
        if not isinstance(given, Iterable) or isinstance(given, (str, bytes)):
            raise InvalidArgumentError(
                f"people must be PartyList records or a mapping from the tally's names to them, got {lists!r}"
            )
        result = {}
        for party in given:
            if not isinstance(party, PartyList):
                raise InvalidArgumentError(f"lists must hold PartyList records, got {party!r}")
            if party.name in result:
                raise InvalidArgumentError(f"list {party.name!r} is given twice")
            result[party.name] = party
    known = {name for name in names if isinstance(name, str)}  # a name of another kind names no list
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
    require(allocation, Allocation, "allocation (seats per list)")
    require(legal_basis, str, "legal_basis (the articles applied)")
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
                Note.of(NoteKind.VACANCY, list=name, won=won, candidates=len(candidates), vacant=missing)
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


def _tie_message(tie: Tie, hint: str) -> str:
    still = tie.unresolved or tie.contenders
    at_stake = tie.undetermined or tie.seats
    applied = f" after {', '.join(tie.resolved_by)}" if tie.resolved_by else ""
    return (
        f"tie for the {tie.stage} between {', '.join(map(repr, still))} ({at_stake} seat"
        f"{'s' if at_stake > 1 else ''} at stake){applied}: {hint}"
    )


def _tie_note(tie: Tie, reason: str) -> Note:
    return Note.of(
        NoteKind.TIE_UNSETTLED,
        stage=tie.stage,
        contenders=tie.unresolved or tie.contenders,
        seats=tie.undetermined or tie.seats,
        criteria=tie.resolved_by,
        reason=reason,
    )


def _compose(
    core: Allocation,
    votes: Tally,
    house: int,
    bonus: Mapping[str, int],
    threshold_basis: str,
    base_name: str,
    bonus_note: NoteKind | None,
    lead_steps: tuple[Step, ...],
    ties: tuple[Tie, ...],
    notes: tuple[Note, ...],
) -> Allocation:
    seats = FrozenMap((name, core.get(name, 0) + bonus.get(name, 0)) for name in votes.votes)
    bonus_steps = tuple(
        Step(
            kind=StepKind.BONUS,
            subject=name,
            seats=extra,
            detail=None if bonus_note is None else Note.of(bonus_note, list=name, seats=extra),
        )
        for name, extra in bonus.items()
    )
    threshold = core.threshold
    if threshold is not None and threshold_basis:
        threshold = replace(threshold, legal_basis=threshold_basis)
    if threshold is not None and threshold.base != base_name:
        threshold = replace(threshold, base=base_name)
    undetermined = tuple(
        Note.of(NoteKind.SEATS_UNDETERMINED, seats=tie.undetermined, contenders=tie.unresolved)
        for tie in core.ties
        if not tie.resolved
    )

    def trace() -> tuple[Step, ...]:
        return lead_steps + bonus_steps + core.trace

    return core.with_changes(
        seats=seats,
        votes=votes.votes,
        house=house,
        bonus=FrozenMap(bonus),
        threshold=threshold,
        ties=ties + core.ties,
        notes=notes + undetermined,
        method=Method.BONUS_THEN_HIGHEST_AVERAGE if bonus else core.method,
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
    >>> outcome.notes[0].kind, outcome.notes[0]["lists"]
    (<NoteKind.MAY_MERGE: 'may-merge'>, ('D',))
    """
    votes = votes_of(tally)
    for text, what in ((election, "election"), (legal_basis, "legal_basis"), (majority_rule, "majority_rule")):
        require(text, str, f"{what} (list qualification)")
    stand = as_share(stand, what=f"stand share ({legal_basis})")
    merge = as_share(merge, what=f"merge share ({legal_basis})")
    require(top_two_fallback, bool, f"top_two_fallback ({legal_basis})")
    require(runner_up_tie, RunnerUpTie, f"runner_up_tie ({legal_basis})")
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
        steps.append(Step(kind=StepKind.RESULT, subject=winner, note="elected"))
        return RoundOutcome(
            election=election, round=1, tally=votes, elected=(winner,),
            eliminated=tuple(name for name in ranked if name != winner),
            thresholds=thresholds_map(stand_rule, merge_rule), legal_basis=majority_rule,
            trace=tuple(steps),
            notes=(Note.of(NoteKind.NO_SECOND_ROUND, list=winner, basis=majority_rule),),
            method=Method.LIST_QUALIFICATION,
        )
    qualified = [name for name in ranked if stand_rule.met_by(votes.votes[name])]
    ties: list[Tie] = []
    notes: list[Note] = []
    steps.extend(
        Step(kind=StepKind.THRESHOLD, subject=name, passed=name in qualified, value=stand, note="stand")
        for name in ranked
    )
    undecided: list[str] = []
    if top_two_fallback and len(qualified) < 2:
        rest = [name for name in ranked if name not in qualified and votes.votes[name] > 0]
        added, tie = _fill_to_two(
            votes.votes, qualified, rest, stage="second-round place (top-two fallback)",
            runner_up_tie=runner_up_tie,
        )
        if tie is not None:
            ties.append(tie)
            if tie.resolved:
                notes.append(Note.of(NoteKind.RUNNER_UP_TIE_ALL_STAND, contenders=tie.contenders))
            else:
                undecided = list(tie.contenders)
        qualified.extend(added)
        for name in added:
            steps.append(Step(kind=StepKind.RESULT, subject=name, passed=True, note="qualified"))
            notes.append(Note.of(NoteKind.FALLBACK_QUALIFIED, list=name, basis=legal_basis))
    mergers = [
        name for name in ranked
        if name not in qualified and name not in undecided and merge_rule.met_by(votes.votes[name])
    ]
    steps.extend(
        Step(kind=StepKind.THRESHOLD, subject=name, passed=merge_rule.met_by(votes.votes[name]),
             value=merge, note="merge")
        for name in ranked if name not in qualified
    )
    notes.insert(0, Note.of(NoteKind.MAY_MERGE, share=merge, lists=tuple(mergers)))
    return RoundOutcome(
        election=election, round=1, tally=votes, qualified=tuple(qualified),
        eliminated=tuple(name for name in ranked if name not in qualified and name not in undecided),
        ties=tuple(ties), thresholds=thresholds_map(stand_rule, merge_rule), legal_basis=legal_basis,
        trace=tuple(steps), notes=tuple(notes), method=Method.LIST_QUALIFICATION,
    )


def check_round_tallies(
    votes: Tally,
    number: int,
    first_round: Tally | Mapping[str, int] | None,
    *,
    stand: Fraction,
    rule: str,
    top_two_fallback: bool,
    runner_up_tie: RunnerUpTie = RunnerUpTie.ALL_STAND,
) -> None:
    """The check every list election makes of its rounds: in round 2, that every list could
    stand (:func:`check_second_round`); in round 1, that no first-round tally was given.

    >>> check_round_tallies(Tally(votes={"A": 5}), 1, {"A": 5}, stand=Fraction(1, 10),
    ...                     rule="Code électoral, art. L264", top_two_fallback=False)
    Traceback (most recent call last):
    ...
    electoral_rules.errors.InvalidArgumentError: first_round= is only for a second-round tally (round=2)
    """
    if number == 2:
        check_second_round(
            votes, first_round, stand=stand, rule=rule, top_two_fallback=top_two_fallback, runner_up_tie=runner_up_tie
        )
    elif first_round is not None:
        raise InvalidArgumentError("first_round= is only for a second-round tally (round=2)")


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
