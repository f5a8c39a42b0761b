"""The single transferable vote (STV): a counting engine for ranked ballots, and a checker
that replays a published count sheet.

The engine (:func:`count`) applies an :class:`StvRule`: the Droop quota
(``valid // (seats + 1) + 1``), then surpluses and exclusions stage by stage, in one of two
transfer families the European elections use:

- :attr:`TransferMethod.WHOLE_VOTES` (Ireland, Malta): a surplus is taken from the parcel
  (or sub-parcel) the elected candidate received last; it moves in whole papers, shared in
  proportion to the next available preferences, the votes left by the fractions going to
  the largest fractional remainders;
- :attr:`TransferMethod.FRACTIONAL` (Northern Ireland): every transferable paper of the
  parcel moves at a transfer value, the surplus divided by the number of transferable
  papers, truncated to two decimal places.

Every figure is an ``int`` or a :class:`~fractions.Fraction`. Ties follow the rule: the
earliest stage at which the tied candidates had unequal votes decides, then the law draws
lots. The library never draws a lot: the count stops there, the outcome records the
:class:`~electoral_rules.Tie` and leaves the seats undetermined (``if_unresolved=REPORT``,
the default) or raises :class:`~electoral_rules.errors.UnresolvedTieError` (``RAISE``).

The rules of each state, with their legal sources and what could not be read, are in
:mod:`electoral_rules.europe.stv_rules`; :data:`GENERIC_DROOP` is a rule tied to no law.

>>> ballots = [Ballot(ranking=("A", "B"), papers=60), Ballot(ranking=("B",), papers=25),
...            Ballot(ranking=("C", "B"), papers=15)]
>>> result = count(ballots, 2, GENERIC_DROOP)
>>> result.quota, result.elected, [stage.kind.value for stage in result.stages]
(34, ('A', 'B'), ['first', 'surplus'])

:func:`check_sheet` replays a published :class:`CountSheet` stage by stage (quota,
arithmetic, surpluses, exclusions, elections) and reports every disagreement with the rule
as a :class:`Finding`, never stopping at the first:

>>> check_sheet(CountSheet.from_outcome(result), GENERIC_DROOP).ok
True
"""

from __future__ import annotations

import enum
import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from fractions import Fraction

from ._exact import as_name
from ._mapping import FrozenMap
from .errors import InvalidArgumentError, InvalidTallyError, UnresolvedTieError
from .outcome import Tie
from .tiebreak import IfUnresolved, as_if_unresolved

__all__ = [
    "GENERIC_DROOP",
    "MAX_PAPERS",
    "Ballot",
    "CountSheet",
    "Finding",
    "SheetCheck",
    "SheetStage",
    "StageKind",
    "StvOutcome",
    "StvRule",
    "StvStage",
    "SurplusOrder",
    "TransferMethod",
    "check_sheet",
    "count",
    "droop_quota",
]

_STATUSES = ("VERIFIED", "PARTIAL", "UNVERIFIED")

MAX_PAPERS = 5_000_000
"""The most ballot papers :func:`count` takes: it follows every paper (whole-vote rules move
particular papers), and a European constituency has fewer than a million (Ireland South,
2019: a quota of 119 866, so about 719 000 valid papers); a count of 570 000 papers takes a
few seconds."""


class TransferMethod(enum.Enum):
    """How a surplus moves."""

    WHOLE_VOTES = "whole-votes"
    """Whole papers from the parcel last received; votes left by the fractions go to the
    largest fractional remainders (Ireland, Malta)."""
    FRACTIONAL = "fractional"
    """Every transferable paper of the parcel at a transfer value truncated to
    :attr:`StvRule.decimals` places (Northern Ireland)."""


class SurplusOrder(enum.Enum):
    """Which of several surpluses is transferred first."""

    LARGEST_FIRST = "largest-first"
    """The largest surplus, whatever count it arose at."""
    EARLIEST_COUNT_FIRST = "earliest-count-first"
    """A surplus arising at an earlier count first, then the largest among those of the same
    count."""


class StageKind(enum.Enum):
    """What a stage (an Irish or Maltese *count*) of an STV count does."""

    FIRST = "first"
    """The first preferences counted."""
    SURPLUS = "surplus"
    """The surplus of one elected candidate transferred."""
    EXCLUSION = "exclusion"
    """The papers of one (or several) excluded candidates transferred."""


@dataclass(frozen=True, slots=True, kw_only=True)
class StvRule:
    """A counting rule: quota, transfers, order of surpluses, ties, and how sure the library
    is of each point.

    :ivar transfer: the :class:`TransferMethod`.
    :ivar surplus_order: the :class:`SurplusOrder`.
    :ivar decimals: places of the transfer value (``FRACTIONAL`` only; ``None`` otherwise).
    :ivar defer_small_surplus: a surplus smaller than the gap between the two lowest
        continuing candidates is not transferred before an exclusion.
    :ivar bulk_exclusion: the lowest candidates whose votes, with the surpluses not
        transferred, are fewer than the next lowest's are excluded together.
    :ivar last_vacancy_reaches: the last vacancy goes to a continuing candidate whose votes
        *reach* (``True``) or *exceed* (``False``) all the others' together with the
        surpluses not transferred.
    :ivar status: ``"VERIFIED"``, ``"PARTIAL"`` or ``"UNVERIFIED"``: how much of the law
        was read.
    :ivar unverified: the points of the rule that no text read confirms (short keys,
        explained in the rule's documentation).

    >>> GENERIC_DROOP.transfer, GENERIC_DROOP.status
    (<TransferMethod.FRACTIONAL: 'fractional'>, 'VERIFIED')
    """

    name: str
    transfer: TransferMethod
    surplus_order: SurplusOrder = SurplusOrder.LARGEST_FIRST
    decimals: int | None = None
    defer_small_surplus: bool = False
    bulk_exclusion: bool = False
    last_vacancy_reaches: bool = False
    legal_basis: str = ""
    status: str = "VERIFIED"
    unverified: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        as_name(self.name, "an STV rule's name")
        if not isinstance(self.transfer, TransferMethod):
            raise InvalidArgumentError(f"transfer must be a TransferMethod, got {self.transfer!r}")
        if not isinstance(self.surplus_order, SurplusOrder):
            raise InvalidArgumentError(f"surplus_order must be a SurplusOrder, got {self.surplus_order!r}")
        if self.transfer is TransferMethod.FRACTIONAL:
            if not isinstance(self.decimals, int) or isinstance(self.decimals, bool) or not 0 <= self.decimals <= 9:
                raise InvalidArgumentError(f"a fractional transfer needs decimals from 0 to 9, got {self.decimals!r}")
        elif self.decimals is not None:
            raise InvalidArgumentError("decimals applies to a fractional transfer only")
        for flag in ("defer_small_surplus", "bulk_exclusion", "last_vacancy_reaches"):
            if not isinstance(getattr(self, flag), bool):
                raise InvalidArgumentError(f"{flag} must be True or False, got {getattr(self, flag)!r}")
        if not isinstance(self.legal_basis, str):
            raise InvalidArgumentError(f"legal_basis must be a string, got {self.legal_basis!r}")
        if self.status not in _STATUSES:
            raise InvalidArgumentError(f"status must be one of {', '.join(_STATUSES)}, got {self.status!r}")
        if not isinstance(self.unverified, tuple) or not all(isinstance(key, str) for key in self.unverified):
            raise InvalidArgumentError(f"unverified must be a tuple of strings, got {self.unverified!r}")


GENERIC_DROOP = StvRule(
    name="STV, Droop quota, fractional transfers (2 decimals)",
    transfer=TransferMethod.FRACTIONAL,
    decimals=2,
    legal_basis="no law: a generic rule (Droop quota, transfer values truncated to 2 decimals)",
)
"""A rule tied to no law: the Droop quota, every transferable paper of the last parcel at a
transfer value truncated to two decimals, the largest surplus first."""


@dataclass(frozen=True, slots=True, kw_only=True)
class Ballot:
    """Identical ranked ballot papers: the candidates in the order of preference, and how
    many papers carry that ranking.

    >>> Ballot(ranking=("A", "B"), papers=3).papers
    3
    >>> Ballot(ranking=("A", "A"))  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    electoral_rules.errors.InvalidTallyError: a ballot ranks 'A' twice: ('A', 'A')
    """

    ranking: tuple[str, ...]
    papers: int = 1

    def __post_init__(self) -> None:
        ranking: object = self.ranking
        if not isinstance(ranking, (tuple, list)):
            raise InvalidTallyError(f"a ballot's ranking must be a tuple of names, got {ranking!r}")
        if not ranking:
            raise InvalidTallyError("a ballot's ranking is empty: it names no candidate")
        seen: set[str] = set()
        for name in ranking:
            if not isinstance(name, str) or not name.strip():
                raise InvalidTallyError(f"a ballot's ranking must hold non-empty names, got {name!r}")
            if name in seen:
                raise InvalidTallyError(f"a ballot ranks {name!r} twice: {tuple(ranking)!r}")
            seen.add(name)
        object.__setattr__(self, "ranking", tuple(ranking))
        if not isinstance(self.papers, int) or isinstance(self.papers, bool) or self.papers < 1:
            raise InvalidTallyError(f"a ballot's papers must be an int >= 1, got {self.papers!r}")


@dataclass(frozen=True, slots=True, kw_only=True)
class StvStage:
    """One stage of a count, as the engine computed it.

    :ivar changes: each candidate's gain (or, for the candidate whose papers move, loss) at
        this stage; at the first stage, the first preferences.
    :ivar non_transferable: votes set aside at this stage (papers with no next available
        preference, and in fractional counts the value lost by truncation).
    :ivar totals: each candidate's votes at the end of the stage.
    :ivar transfer_value: the transfer value of a fractional surplus transfer.
    """

    number: int
    kind: StageKind
    subjects: tuple[str, ...]
    changes: FrozenMap[str, Fraction]
    non_transferable: Fraction
    totals: FrozenMap[str, Fraction]
    elected: tuple[str, ...] = ()
    transfer_value: Fraction | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class StvOutcome:
    """The result of an STV count: who is elected, in order, and every stage.

    :ivar elected: the candidates elected, in the order they were deemed elected.
    :ivar excluded: the candidates excluded, in order.
    :ivar ties: ties the rule left to lot (the count stopped at the first).
    :ivar unverified: the points of the rule applied that no text read confirms.
    """

    candidates: tuple[str, ...]
    seats: int
    valid: int
    quota: int
    elected: tuple[str, ...]
    excluded: tuple[str, ...]
    stages: tuple[StvStage, ...]
    rule: str
    legal_basis: str
    status: str
    unverified: tuple[str, ...] = ()
    ties: tuple[Tie, ...] = ()

    @property
    def undetermined(self) -> int:
        """Seats a tie (to be settled by lot) left without a winner."""
        return self.seats - len(self.elected)

    @property
    def is_complete(self) -> bool:
        """Whether every seat has a winner."""
        return self.undetermined == 0


def droop_quota(valid: int, seats: int) -> int:
    """The Droop quota: ``valid`` divided by ``seats + 1``, the fraction disregarded, plus one.

    >>> droop_quota(40000, 4), droop_quota(1000, 4)
    (8001, 201)
    """
    if not isinstance(valid, int) or isinstance(valid, bool) or valid < 0:
        raise InvalidArgumentError(f"valid papers must be an int >= 0, got {valid!r}")
    if not isinstance(seats, int) or isinstance(seats, bool) or seats < 1:
        raise InvalidArgumentError(f"seats must be an int >= 1, got {seats!r}")
    return valid // (seats + 1) + 1


# -- the engine --------------------------------------------------------------------------------


class _Paper:
    """One ballot paper: its ranking and its current value."""

    __slots__ = ("ranking", "value")

    def __init__(self, ranking: tuple[str, ...], value: Fraction) -> None:
        self.ranking = ranking
        self.value = value

    def next_for(self, continuing: Mapping[str, object]) -> str | None:
        for name in self.ranking:
            if name in continuing:
                return name
        return None


class _StopForLot(Exception):
    def __init__(self, tie: Tie) -> None:
        super().__init__(tie.stage)
        self.tie = tie


def _check_arguments(
    ballots: object, seats: object, rule: object, candidates: object
) -> tuple[list[Ballot], int, StvRule, tuple[str, ...]]:
    if not isinstance(rule, StvRule):
        raise InvalidArgumentError(f"rule must be an StvRule, got {rule!r}")
    if isinstance(ballots, (str, bytes, Mapping)) or not isinstance(ballots, Iterable):
        raise InvalidTallyError(f"ballots must be an iterable of Ballot records, got {ballots!r}")
    given = list(ballots)
    for ballot in given:
        if not isinstance(ballot, Ballot):
            raise InvalidTallyError(f"ballots must be Ballot records, got {ballot!r}")
    if not given:
        raise InvalidTallyError("no ballots: an STV count needs at least one valid paper")
    total = sum(ballot.papers for ballot in given)
    if total > MAX_PAPERS:
        raise InvalidTallyError(f"{total} ballot papers: the count follows each paper and takes at most {MAX_PAPERS}")
    if candidates is None:
        names: list[str] = []
        for ballot in given:
            names.extend(name for name in ballot.ranking if name not in names)
        standing = tuple(names)
    else:
        if isinstance(candidates, (str, bytes, Mapping)) or not isinstance(candidates, Iterable):
            raise InvalidArgumentError(f"candidates must be a sequence of names, got {candidates!r}")
        standing = tuple(candidates)
        for name in standing:
            as_name(name, "a candidate's name")
        if len(set(standing)) != len(standing):
            raise InvalidArgumentError(f"candidates name someone twice: {standing!r}")
        known = set(standing)
        for ballot in given:
            for name in ballot.ranking:
                if name not in known:
                    raise InvalidTallyError(f"a ballot ranks {name!r}, who is not a candidate ({', '.join(standing)})")
    if not isinstance(seats, int) or isinstance(seats, bool) or seats < 1:
        raise InvalidArgumentError(f"seats must be an int >= 1, got {seats!r}")
    if seats >= len(standing):
        raise InvalidArgumentError(
            f"seats ({seats}) must be fewer than the candidates ({len(standing)}): with as many seats as "
            "candidates there is nothing to count"
        )
    return given, seats, rule, standing


def count(
    ballots: Iterable[Ballot],
    seats: int,
    rule: StvRule,
    *,
    candidates: Sequence[str] | None = None,
    if_unresolved: IfUnresolved = IfUnresolved.REPORT,
) -> StvOutcome:
    """Count ranked ballots under ``rule`` and return every stage.

    :param ballots: :class:`Ballot` records, in the order the papers are filed: where the
        rule moves whole papers from a sub-parcel, the papers moved are the last filed.
    :param seats: the seats to fill, fewer than the candidates.
    :param rule: the :class:`StvRule` (see :mod:`electoral_rules.europe.stv_rules`).
    :param candidates: the candidates standing, in ballot-paper order (default: in the order
        the ballots first name them). A ballot naming anyone else is an error.
    :param if_unresolved: a tie the rule leaves to lot stops the count; ``REPORT`` returns
        the outcome so far with the :class:`~electoral_rules.Tie`, ``RAISE`` raises
        :class:`~electoral_rules.errors.UnresolvedTieError`.
    :raises InvalidTallyError: no ballots, a ballot naming an unknown candidate.
    :raises InvalidArgumentError: ``seats`` not an int from 1 to the candidates less one.

    >>> ballots = [Ballot(ranking=("A", "C"), papers=5), Ballot(ranking=("B",), papers=4),
    ...            Ballot(ranking=("C", "B"), papers=2)]
    >>> result = count(ballots, 1, GENERIC_DROOP)
    >>> result.quota, result.excluded, result.elected
    (6, ('C',), ('B',))
    """
    given, seats, rule, standing = _check_arguments(ballots, seats, rule, candidates)
    policy = as_if_unresolved(if_unresolved)
    counter = _Count(given, seats, rule, standing)
    try:
        counter.run()
    except _StopForLot as stop:
        counter.ties.append(stop.tie)
    outcome = counter.outcome()
    if outcome.ties and policy is IfUnresolved.RAISE:
        tie = outcome.ties[0]
        raise UnresolvedTieError(
            f"the STV count stops at {tie.stage}: the rule draws lots between "
            f"{', '.join(map(repr, tie.contenders))}, which the library never does",
            tie=tie,
            outcome=outcome,
        )
    return outcome


class _Count:
    """The state of one count (mutable, private to :func:`count`)."""

    def __init__(self, ballots: list[Ballot], seats: int, rule: StvRule, candidates: tuple[str, ...]) -> None:
        self.rule = rule
        self.seats = seats
        self.candidates = candidates
        self.valid = sum(ballot.papers for ballot in ballots)
        self.quota = droop_quota(self.valid, seats)
        self.parcels: dict[str, list[list[_Paper]]] = {name: [] for name in candidates}
        self.votes: dict[str, Fraction] = {name: Fraction(0) for name in candidates}
        self.continuing: dict[str, None] = dict.fromkeys(candidates)
        self.elected: list[str] = []
        self.excluded: list[str] = []
        self.pending: list[tuple[str, int]] = []  # (candidate, stage at which the surplus arose)
        self.history: list[dict[str, Fraction]] = []
        self.stages: list[StvStage] = []
        self.ties: list[Tie] = []
        first: dict[str, list[_Paper]] = {name: [] for name in candidates}
        one = Fraction(1)
        for ballot in ballots:
            pile = first[ballot.ranking[0]]
            pile.extend(_Paper(ballot.ranking, one) for _ in range(ballot.papers))
        for name in candidates:
            if first[name]:
                self.parcels[name].append(first[name])
            self.votes[name] = Fraction(len(first[name]))

    # -- bookkeeping ---------------------------------------------------------------------
    def _record(
        self,
        kind: StageKind,
        subjects: tuple[str, ...],
        changes: dict[str, Fraction],
        non_transferable: Fraction,
        transfer_value: Fraction | None = None,
    ) -> None:
        number = len(self.stages) + 1
        self.history.append(dict(self.votes))
        newly = self._elect_reaching_quota(number)
        self.stages.append(
            StvStage(
                number=number,
                kind=kind,
                subjects=subjects,
                changes=FrozenMap({name: changes.get(name, Fraction(0)) for name in self.candidates}),
                non_transferable=non_transferable,
                totals=FrozenMap(self.votes),
                elected=newly,
                transfer_value=transfer_value,
            )
        )

    def _elect_reaching_quota(self, stage: int) -> tuple[str, ...]:
        reaching = [name for name in self.continuing if self.votes[name] >= self.quota]
        # Several reach the quota together: the order of election is by votes (documented;
        # it decides nothing, the order of surpluses has its own rule).
        reaching.sort(key=lambda name: (-self.votes[name], self.candidates.index(name)))
        vacancies = self.seats - len(self.elected)
        for name in reaching[:vacancies]:
            del self.continuing[name]
            self.elected.append(name)
            if self.votes[name] > self.quota:
                self.pending.append((name, stage))
        return tuple(reaching[:vacancies])

    def _earlier_stage_order(self, tied: list[str], *, highest: bool, stage: str) -> str:
        """The one of ``tied`` the law picks by the earliest stage at which their votes
        differ (the highest, or the lowest); when they were equal at every stage, the law
        draws lots: stop."""
        remaining = list(tied)
        for totals in self.history:
            values = {totals[name] for name in remaining}
            if len(values) > 1:
                best = max(values) if highest else min(values)
                remaining = [name for name in remaining if totals[name] == best]
                if len(remaining) == 1:
                    return remaining[0]
        raise _StopForLot(
            Tie(
                contenders=tuple(remaining),
                seats=1,
                stage=stage,
                resolved_by=("earliest stage at which the votes differ",),
            )
        )

    # -- the count -----------------------------------------------------------------------
    def run(self) -> None:
        self._record(StageKind.FIRST, (), {name: self.votes[name] for name in self.candidates}, Fraction(0))
        while len(self.elected) < self.seats:
            vacancies = self.seats - len(self.elected)
            if len(self.continuing) <= vacancies:
                self._elect_all_continuing()
                return
            if vacancies == 1 and self._last_vacancy():
                return
            surplus = self._next_surplus()
            if surplus is not None:
                self._transfer_surplus(surplus)
            else:
                self._exclude()

    def _elect_all_continuing(self) -> None:
        names = sorted(self.continuing, key=lambda name: (-self.votes[name], self.candidates.index(name)))
        self.elected.extend(names)
        self.continuing.clear()
        self._amend_last_stage(tuple(names))

    def _amend_last_stage(self, names: tuple[str, ...]) -> None:
        last = self.stages[-1]
        self.stages[-1] = StvStage(
            number=last.number,
            kind=last.kind,
            subjects=last.subjects,
            changes=last.changes,
            non_transferable=last.non_transferable,
            totals=last.totals,
            elected=last.elected + names,
            transfer_value=last.transfer_value,
        )

    def _pending_total(self) -> Fraction:
        return sum((self.votes[name] - self.quota for name, _ in self.pending), Fraction(0))

    def _last_vacancy(self) -> bool:
        ranked = sorted(self.continuing, key=lambda name: -self.votes[name])
        leader = ranked[0]
        others = sum((self.votes[name] for name in ranked[1:]), Fraction(0)) + self._pending_total()
        wins = self.votes[leader] >= others if self.rule.last_vacancy_reaches else self.votes[leader] > others
        if wins and self.votes[leader] != self.votes[ranked[1]]:
            self.continuing.pop(leader)
            self.elected.append(leader)
            self._amend_last_stage((leader,))
            return True
        return False

    def _next_surplus(self) -> str | None:
        if not self.pending:
            return None
        if self.rule.defer_small_surplus and len(self.continuing) >= 2:
            low = sorted(self.votes[name] for name in self.continuing)
            if self._pending_total() < low[1] - low[0]:
                return None
        candidates = self.pending
        if self.rule.surplus_order is SurplusOrder.EARLIEST_COUNT_FIRST:
            earliest = min(stage for _, stage in candidates)
            candidates = [item for item in candidates if item[1] == earliest]
        largest = max(self.votes[name] for name, _ in candidates)
        tied = [name for name, _ in candidates if self.votes[name] == largest]
        name = tied[0]
        if len(tied) > 1:
            name = self._earlier_stage_order(tied, highest=True, stage=f"stage {len(self.stages) + 1} (order of surpluses)")
        self.pending = [item for item in self.pending if item[0] != name]
        return name

    def _sort_transferable(self, papers: list[_Paper]) -> tuple[dict[str, list[_Paper]], list[_Paper]]:
        sub: dict[str, list[_Paper]] = {name: [] for name in self.candidates if name in self.continuing}
        dead: list[_Paper] = []
        for paper in papers:
            target = paper.next_for(self.continuing)
            (dead if target is None else sub[target]).append(paper)
        return sub, dead

    def _transfer_surplus(self, name: str) -> None:
        surplus = self.votes[name] - self.quota
        parcel = self.parcels[name][-1]
        sub, _dead = self._sort_transferable(parcel)
        transferable = sum(len(papers) for papers in sub.values())
        changes: dict[str, Fraction] = {}
        value: Fraction | None = None
        stage_label = f"stage {len(self.stages) + 1} (surplus of {name!r})"
        if self.rule.transfer is TransferMethod.WHOLE_VOTES:
            moved = self._whole_vote_shares(sub, transferable, surplus, stage_label)
            kept: set[int] = set()
            for target, papers in sub.items():
                k = moved[target]
                if k:
                    chosen = papers[len(papers) - k:]
                    kept.update(map(id, chosen))
                    self.parcels[target].append(chosen)
                    self.votes[target] += k
                    changes[target] = Fraction(k)
            self.parcels[name][-1] = [paper for paper in parcel if id(paper) not in kept]
            sent = Fraction(sum(moved.values(), 0))
        else:
            decimals = self.rule.decimals or 0
            scale = 10**decimals
            if transferable:
                value = min(Fraction(int(surplus * scale / transferable), scale), Fraction(1))
            sent_value = Fraction(0)
            for target, papers in sub.items():
                if not papers or value is None:
                    continue
                moving = [_Paper(paper.ranking, min(value, paper.value)) for paper in papers]
                gain = sum((paper.value for paper in moving), Fraction(0))
                self.parcels[target].append(moving)
                self.votes[target] += gain
                changes[target] = gain
                sent_value += gain
            sent = sent_value
        changes[name] = -surplus
        self.votes[name] = Fraction(self.quota)
        self._record(StageKind.SURPLUS, (name,), changes, surplus - sent, value)

    def _whole_vote_shares(
        self, sub: dict[str, list[_Paper]], transferable: int, surplus: Fraction, stage: str
    ) -> dict[str, int]:
        if transferable <= surplus:
            return {target: len(papers) for target, papers in sub.items()}
        whole = int(surplus)
        shares = {target: len(papers) * whole // transferable for target, papers in sub.items()}
        left = whole - sum(shares.values())
        if left:
            remainders = {target: len(papers) * whole % transferable for target, papers in sub.items() if papers}
            ranked = sorted(remainders, key=lambda target: -remainders[target])
            cut = remainders[ranked[left - 1]]
            above = [target for target in ranked if remainders[target] > cut]
            at_cut = [target for target in ranked if remainders[target] == cut]
            if len(above) + len(at_cut) > left:
                raise _StopForLot(
                    Tie(
                        contenders=tuple(at_cut),
                        seats=left - len(above),
                        value=Fraction(cut, transferable),
                        stage=stage + ", equal fractional remainders",
                        resolved_by=(),
                    )
                )
            for target in above + at_cut:
                shares[target] += 1
        return shares

    def _exclude(self) -> None:
        names = self._lowest()
        changes: dict[str, Fraction] = {}
        lost = Fraction(0)
        for name in names:
            del self.continuing[name]
            self.excluded.append(name)
        received: dict[str, list[_Paper]] = {}
        for name in names:
            for parcel in self.parcels[name]:
                for paper in parcel:
                    target = paper.next_for(self.continuing)
                    if target is None:
                        lost += paper.value
                    else:
                        received.setdefault(target, []).append(paper)
            changes[name] = -self.votes[name]
            self.votes[name] = Fraction(0)
            self.parcels[name] = []
        for target in self.candidates:
            papers = received.get(target)
            if papers:
                gain = sum((paper.value for paper in papers), Fraction(0))
                self.parcels[target].append(papers)
                self.votes[target] += gain
                changes[target] = gain
        self._record(StageKind.EXCLUSION, tuple(names), changes, lost)

    def _lowest(self) -> list[str]:
        ranked = sorted(self.continuing, key=lambda name: self.votes[name])
        if self.rule.bulk_exclusion:
            pending = self._pending_total()
            chosen: list[str] = []
            running = Fraction(0)
            vacancies = self.seats - len(self.elected)
            for index in range(len(ranked) - 1):
                running += self.votes[ranked[index]]
                if len(ranked) - (index + 1) < vacancies:
                    break
                if running + pending < self.votes[ranked[index + 1]]:
                    chosen = ranked[: index + 1]
            if len(chosen) > 1:
                return chosen
        lowest = self.votes[ranked[0]]
        tied = [name for name in ranked if self.votes[name] == lowest]
        if len(tied) > 1:
            return [self._earlier_stage_order(tied, highest=False, stage=f"stage {len(self.stages) + 1} (exclusion)")]
        return tied

    def outcome(self) -> StvOutcome:
        return StvOutcome(
            candidates=self.candidates,
            seats=self.seats,
            valid=self.valid,
            quota=self.quota,
            elected=tuple(self.elected),
            excluded=tuple(self.excluded),
            stages=tuple(self.stages),
            rule=self.rule.name,
            legal_basis=self.rule.legal_basis,
            status=self.rule.status,
            unverified=self.rule.unverified,
            ties=tuple(self.ties),
        )


# -- the checker of published count sheets -------------------------------------------------


def _as_amount(value: object, what: str) -> Fraction:
    if isinstance(value, bool) or not isinstance(value, (int, Fraction)):
        raise InvalidArgumentError(f"{what} must be an int or a Fraction, got {value!r}")
    return Fraction(value)


def _as_names(value: object, what: str) -> tuple[str, ...]:
    if isinstance(value, (str, bytes)) or not isinstance(value, (tuple, list)):
        raise InvalidArgumentError(f"{what} must be a tuple of names, got {value!r}")
    return tuple(as_name(name, what) for name in value)


def _as_amounts(value: object, what: str) -> FrozenMap[str, Fraction]:
    if not isinstance(value, Mapping):
        raise InvalidArgumentError(f"{what} must be a mapping of names to amounts, got {value!r}")
    return FrozenMap({as_name(name, what): _as_amount(amount, f"{what} of {name!r}") for name, amount in value.items()})


@dataclass(frozen=True, slots=True, kw_only=True)
class SheetStage:
    """One stage (count) of a published count sheet.

    :ivar changes: each candidate's gain (negative for the candidate whose papers move) as
        published; at the first stage, the first preferences. A candidate left out had no
        change.
    :ivar totals: each candidate's votes at the end of the stage, as published (empty when
        the sheet gives none: they are then computed from the changes).
    :ivar elected: the candidates the sheet declares elected at this stage.

    >>> SheetStage(number=1, kind=StageKind.FIRST, changes={"A": 60, "B": 40}).changes["A"]
    Fraction(60, 1)
    """

    number: int
    kind: StageKind
    changes: Mapping[str, Fraction | int]
    subjects: tuple[str, ...] = ()
    non_transferable: Fraction | int = 0
    totals: Mapping[str, Fraction | int] = field(default_factory=FrozenMap)
    elected: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        if not isinstance(self.number, int) or isinstance(self.number, bool) or self.number < 1:
            raise InvalidArgumentError(f"a stage's number must be an int >= 1, got {self.number!r}")
        where = f"stage {self.number}"
        if not isinstance(self.kind, StageKind):
            raise InvalidArgumentError(f"{where}: kind must be a StageKind, got {self.kind!r}")
        object.__setattr__(self, "changes", _as_amounts(self.changes, f"{where}: changes"))
        object.__setattr__(self, "subjects", _as_names(self.subjects, f"{where}: subjects"))
        object.__setattr__(self, "non_transferable", _as_amount(self.non_transferable, f"{where}: non-transferable"))
        object.__setattr__(self, "totals", _as_amounts(self.totals, f"{where}: totals"))
        object.__setattr__(self, "elected", _as_names(self.elected, f"{where}: elected"))
        if (self.kind is StageKind.FIRST) != (not self.subjects):
            raise InvalidArgumentError(
                f"{where}: a {self.kind.value} stage "
                + ("names no subject" if self.kind is StageKind.FIRST else "must name whose papers move")
            )


@dataclass(frozen=True, slots=True, kw_only=True)
class CountSheet:
    """A published STV count sheet: the quota and every stage.

    Build it from a JSON file with :func:`electoral_rules.io.stv_sheet.read_count_sheet`, or
    from an engine's outcome with :meth:`from_outcome`. The record checks that it is well
    formed (names known, stages numbered 1, 2, 3...) and names the stage and candidate of
    each fault; :func:`check_sheet` then checks it against a rule.

    >>> sheet = CountSheet(candidates=("A", "B", "C"), seats=1, valid=100, quota=51,
    ...     stages=(SheetStage(number=1, kind=StageKind.FIRST, changes={"A": 45, "B": 35, "C": 20}),
    ...             SheetStage(number=2, kind=StageKind.EXCLUSION, subjects=("C",),
    ...                        changes={"C": -20, "A": 10, "B": 8}, non_transferable=2, elected=("A",))),
    ...     elected=("A",))
    >>> check_sheet(sheet, GENERIC_DROOP).ok
    True
    """

    candidates: tuple[str, ...]
    seats: int
    valid: int
    quota: int
    stages: tuple[SheetStage, ...]
    elected: tuple[str, ...]
    constituency: str = ""
    source: str = ""

    def __post_init__(self) -> None:
        candidates = _as_names(self.candidates, "a count sheet's candidates")
        object.__setattr__(self, "candidates", candidates)
        for what in ("seats", "valid", "quota"):
            value = getattr(self, what)
            if not isinstance(value, int) or isinstance(value, bool) or value < (1 if what == "seats" else 0):
                raise InvalidArgumentError(f"a count sheet's {what} must be a whole number, got {value!r}")
        if not isinstance(self.stages, (tuple, list)) or not all(isinstance(s, SheetStage) for s in self.stages):
            raise InvalidArgumentError(f"a count sheet's stages must be SheetStage records, got {self.stages!r}")
        object.__setattr__(self, "stages", tuple(self.stages))
        object.__setattr__(self, "elected", _as_names(self.elected, "a count sheet's elected"))
        for what in ("constituency", "source"):
            if not isinstance(getattr(self, what), str):
                raise InvalidArgumentError(f"a count sheet's {what} must be a string")
        faults: list[str] = []
        known = set(candidates)
        if len(known) != len(candidates):
            faults.append(f"candidates name someone twice: {candidates!r}")
        if not self.stages:
            faults.append("the sheet has no stage")
        elif self.stages[0].kind is not StageKind.FIRST:
            faults.append("stage 1 must be the first count (kind 'first')")
        for index, stage in enumerate(self.stages, start=1):
            if stage.number != index:
                faults.append(f"stage {stage.number} is in place {index}: stages must be numbered 1, 2, 3...")
            if index > 1 and stage.kind is StageKind.FIRST:
                faults.append(f"stage {stage.number}: only stage 1 is a first count")
            for what, names in (
                ("changes", stage.changes), ("totals", stage.totals), ("subjects", stage.subjects),
                ("elected", stage.elected),
            ):
                for name in names:
                    if name not in known:
                        faults.append(f"stage {stage.number}: {what} name {name!r}, who is not a candidate")
            if stage.non_transferable < 0:
                faults.append(f"stage {stage.number}: non-transferable ({stage.non_transferable}) must be >= 0")
            for name, total in stage.totals.items():
                if total < 0:
                    faults.append(f"stage {stage.number}: the total of {name!r} ({total}) must be >= 0")
        for name in self.elected:
            if name not in known:
                faults.append(f"elected names {name!r}, who is not a candidate")
        if faults:
            raise InvalidArgumentError("a count sheet is malformed: " + "; ".join(faults))

    @classmethod
    def from_outcome(cls, outcome: StvOutcome) -> CountSheet:
        """The sheet an engine's :class:`StvOutcome` would publish.

        >>> result = count([Ballot(ranking=("A",), papers=3), Ballot(ranking=("B",))], 1, GENERIC_DROOP)
        >>> CountSheet.from_outcome(result).quota
        3
        """
        if not isinstance(outcome, StvOutcome):
            raise InvalidArgumentError(f"from_outcome needs an StvOutcome, got {outcome!r}")
        return cls(
            candidates=outcome.candidates,
            seats=outcome.seats,
            valid=outcome.valid,
            quota=outcome.quota,
            stages=tuple(
                SheetStage(
                    number=stage.number,
                    kind=stage.kind,
                    subjects=stage.subjects,
                    changes=FrozenMap({name: value for name, value in stage.changes.items() if value}),
                    non_transferable=stage.non_transferable,
                    totals=stage.totals,
                    elected=stage.elected,
                )
                for stage in outcome.stages
            ),
            elected=outcome.elected,
        )


@dataclass(frozen=True, slots=True, kw_only=True)
class Finding:
    """One disagreement between a count sheet and the rule.

    :ivar code: a stable key: ``quota``, ``first-count``, ``arithmetic``, ``conservation``,
        ``whole-votes``, ``decimals``, ``surplus``, ``transfer-value``, ``surplus-order``, ``exclusion``,
        ``transfer-to-non-continuing``, ``election``, ``result``, ``extra-stage``.
    :ivar stage: the stage at fault (``None`` for the sheet as a whole).
    :ivar candidate: the candidate concerned, if any.
    :ivar message: what the rule says and what the sheet shows.
    """

    code: str
    message: str
    stage: int | None = None
    candidate: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class SheetCheck:
    """Every :class:`Finding` of :func:`check_sheet`, in stage order."""

    findings: tuple[Finding, ...]
    stages: int
    rule: str
    legal_basis: str
    unverified: tuple[str, ...] = ()

    @property
    def ok(self) -> bool:
        """Whether the sheet follows the rule in every point checked."""
        return not self.findings


def _lowest_by_history(
    tied: list[str], history: list[dict[str, Fraction]], *, highest: bool
) -> str | None:
    remaining = list(tied)
    for totals in history:
        values = {totals[name] for name in remaining}
        if len(values) > 1:
            best = max(values) if highest else min(values)
            remaining = [name for name in remaining if totals[name] == best]
            if len(remaining) == 1:
                return remaining[0]
    return None


def check_sheet(sheet: CountSheet, rule: StvRule) -> SheetCheck:
    """Replay a published count sheet under ``rule`` and report every disagreement.

    Without the ballot papers (which are not published), the checker verifies what the
    sheet itself shows: the quota; that every stage's changes add up to its totals and that
    the votes are conserved (candidates plus non-transferable equal the valid papers); that
    transfers are whole votes (or truncated to the rule's decimals); that the surplus moved
    is the total less the quota, from the candidate the rule's order designates (and, for a
    fractional rule, while every paper is still worth one vote, that one transfer value on
    no more papers than the candidate held gives every transfer); that the
    candidate excluded is the lowest (ties by the earliest stage at which the votes differ;
    a tie the law leaves to lot is accepted either way); that nobody gains after being
    elected or excluded; that every candidate reaching the quota is deemed elected and no
    one else, but by the rule for the last vacancies; and that the seats are filled.

    >>> sheet = CountSheet(candidates=("A", "B", "C"), seats=1, valid=100, quota=50,
    ...     stages=(SheetStage(number=1, kind=StageKind.FIRST, changes={"A": 45, "B": 35, "C": 20}),
    ...             SheetStage(number=2, kind=StageKind.EXCLUSION, subjects=("B",),
    ...                        changes={"B": -35, "A": 10}, elected=("A",))),
    ...     elected=("A",))
    >>> [finding.code for finding in check_sheet(sheet, GENERIC_DROOP).findings]
    ['quota', 'exclusion', 'conservation']
    """
    if not isinstance(sheet, CountSheet):
        raise InvalidArgumentError(f"check_sheet needs a CountSheet, got {sheet!r}")
    if not isinstance(rule, StvRule):
        raise InvalidArgumentError(f"rule must be an StvRule, got {rule!r}")
    return _SheetChecker(sheet, rule).run()


class _SheetChecker:
    def __init__(self, sheet: CountSheet, rule: StvRule) -> None:
        self.sheet = sheet
        self.rule = rule
        self.findings: list[Finding] = []
        self.quota = droop_quota(sheet.valid, sheet.seats)
        self.totals: dict[str, Fraction] = {name: Fraction(0) for name in sheet.candidates}
        self.continuing: dict[str, None] = dict.fromkeys(sheet.candidates)
        self.elected: list[str] = []
        self.pending: list[tuple[str, int]] = []
        self.history: list[dict[str, Fraction]] = []
        self.lost = Fraction(0)
        self.values_reduced = False

    def add(self, code: str, message: str, stage: int | None = None, candidate: str | None = None) -> None:
        self.findings.append(Finding(code=code, message=message, stage=stage, candidate=candidate))

    def run(self) -> SheetCheck:
        sheet = self.sheet
        if sheet.quota != self.quota:
            self.add("quota", f"the quota is {sheet.valid} // ({sheet.seats} + 1) + 1 = {self.quota}, "
                     f"the sheet says {sheet.quota}")
        for stage in sheet.stages:
            if len(self.elected) >= sheet.seats:
                self.add("extra-stage", "every seat was already filled", stage.number)
            self._stage(stage)
        if len(self.elected) != sheet.seats:
            self.add("result", f"{len(self.elected)} candidates deemed elected for {sheet.seats} seats")
        if set(sheet.elected) != set(self.elected):
            self.add("result", f"the sheet's elected {sheet.elected!r} differ from those deemed elected "
                     f"stage by stage {tuple(self.elected)!r}")
        return SheetCheck(
            findings=tuple(self.findings),
            stages=len(sheet.stages),
            rule=self.rule.name,
            legal_basis=self.rule.legal_basis,
            unverified=self.rule.unverified,
        )

    def _pending_total(self) -> Fraction:
        return sum((self.totals[name] - self.quota for name, _ in self.pending), Fraction(0))

    def _stage(self, stage: SheetStage) -> None:
        number = stage.number
        before = dict(self.totals)
        if stage.kind is StageKind.FIRST:
            first = sum(stage.changes.values(), Fraction(0))
            if first != self.sheet.valid:
                self.add("first-count", f"the first preferences add up to {first}, the valid papers are "
                         f"{self.sheet.valid}", number)
        elif stage.kind is StageKind.SURPLUS:
            self._check_surplus(stage, before)
        else:
            self._check_exclusion(stage, before)
        self._check_amounts(stage)
        for name in self.sheet.candidates:
            self.totals[name] = before[name] + stage.changes.get(name, Fraction(0))
            published = stage.totals.get(name)
            if published is not None and published != self.totals[name]:
                self.add("arithmetic", f"{before[name]} + {stage.changes.get(name, 0)} = {self.totals[name]}, "
                         f"the sheet says {published}", number, name)
                self.totals[name] = Fraction(published)
        self.lost += stage.non_transferable
        balance = sum(self.totals.values(), Fraction(0)) + self.lost
        if balance != self.sheet.valid:
            self.add("conservation", f"the candidates' votes and the non-transferable add up to {balance}, "
                     f"not the {self.sheet.valid} valid papers", number)
        self.history.append(dict(self.totals))
        self._check_elections(stage)

    def _check_amounts(self, stage: SheetStage) -> None:
        amounts = [*((name, Fraction(value)) for name, value in stage.changes.items()),
                   ("non-transferable", Fraction(stage.non_transferable))]
        for name, amount in amounts:
            candidate = None if name == "non-transferable" else name
            if self.rule.transfer is TransferMethod.WHOLE_VOTES and amount.denominator != 1:
                self.add("whole-votes", f"{name}: {amount} is not a whole number of votes", stage.number, candidate)
            elif self.rule.transfer is TransferMethod.FRACTIONAL:
                scale = 10 ** (self.rule.decimals or 0)
                if (amount * scale).denominator != 1:
                    self.add("decimals", f"{name}: {amount} has more than {self.rule.decimals} decimals",
                             stage.number, candidate)
        for name, change in stage.changes.items():
            if stage.kind is not StageKind.FIRST and change > 0 and name not in self.continuing:
                self.add("transfer-to-non-continuing", f"{name!r} gains {change} but is no longer continuing",
                         stage.number, name)
            if change < 0 and name not in stage.subjects:
                self.add("arithmetic", f"{name!r} loses {-change} without being the subject of the stage",
                         stage.number, name)

    def _check_surplus(self, stage: SheetStage, before: dict[str, Fraction]) -> None:
        number = stage.number
        if len(stage.subjects) != 1:
            self.add("surplus", f"a surplus stage transfers one candidate's surplus, not {stage.subjects!r}", number)
            return
        name = stage.subjects[0]
        pending = dict(self.pending)
        if name not in pending:
            self.add("surplus", f"{name!r} has no surplus to transfer", number, name)
        surplus = before[name] - self.quota
        moved = -stage.changes.get(name, Fraction(0))
        if moved != surplus:
            self.add("surplus", f"the surplus of {name!r} is {before[name]} - {self.quota} = {surplus}, the sheet "
                     f"moves {moved}", number, name)
        gained = sum((value for other, value in stage.changes.items() if other != name), Fraction(0))
        if gained > surplus:
            self.add("surplus", f"the transfers ({gained}) exceed the surplus of {name!r} ({surplus})", number, name)
        if self.rule.transfer is TransferMethod.FRACTIONAL and not self.values_reduced:
            gains = [Fraction(value) for other, value in stage.changes.items() if other != name and value > 0]
            if gains and not self._one_transfer_value(gains, surplus, before[name]):
                self.add("transfer-value", f"no transfer value of {self.rule.decimals} decimals, the surplus "
                         f"({surplus}) divided by the papers moved, gives these transfers", number, name)
        self.values_reduced = True
        if name in pending:
            expected = self._surplus_due()
            if expected is not None and expected != name:
                self.add("surplus-order", f"the rule transfers the surplus of {expected!r} first "
                         f"({self.rule.surplus_order.value})", number, name)
            self.pending = [item for item in self.pending if item[0] != name]

    def _one_transfer_value(self, gains: list[Fraction], surplus: Fraction, held: Fraction) -> bool:
        """Whether one transfer value ``d / 10**decimals`` (the surplus divided by the number of
        papers moved, truncated) gives every gain as a whole number of papers, no more papers
        than the candidate ``held``: checked while every paper is still worth one vote (before
        any surplus transfer)."""
        scale = 10 ** (self.rule.decimals or 0)
        units = [gain * scale for gain in gains]
        if any(unit.denominator != 1 for unit in units):
            return True  # reported as 'decimals'
        common = 0
        for unit in units:
            common = math.gcd(common, int(unit))
        total = sum(int(unit) for unit in units)
        for step in range(1, min(common, scale) + 1):
            if common % step:
                continue
            papers = total // step
            if papers <= held and min(int(surplus * scale / papers), scale) == step:
                return True
        return False

    def _surplus_due(self) -> str | None:
        items = self.pending
        if self.rule.surplus_order is SurplusOrder.EARLIEST_COUNT_FIRST:
            earliest = min(stage for _, stage in items)
            items = [item for item in items if item[1] == earliest]
        largest = max(self.totals[name] for name, _ in items)
        tied = [name for name, _ in items if self.totals[name] == largest]
        if len(tied) == 1:
            return tied[0]
        return _lowest_by_history(tied, self.history, highest=True)

    def _check_exclusion(self, stage: SheetStage, before: dict[str, Fraction]) -> None:
        number = stage.number
        continuing = [name for name in self.sheet.candidates if name in self.continuing]
        for name in stage.subjects:
            if name not in self.continuing:
                self.add("exclusion", f"{name!r} is not a continuing candidate", number, name)
                return
            if stage.changes.get(name, Fraction(0)) != -before[name]:
                self.add("exclusion", f"all the votes of {name!r} ({before[name]}) move when excluded, the sheet "
                         f"moves {-stage.changes.get(name, Fraction(0))}", number, name)
        if self.pending and self.rule.defer_small_surplus:
            low = sorted(before[name] for name in continuing)
            if len(low) >= 2 and self._pending_total() >= low[1] - low[0]:
                self.add("surplus-order", f"a surplus of {self._pending_total()} is pending and not smaller than "
                         "the gap between the two lowest: it is transferred before an exclusion", number)
        excluded = set(stage.subjects)
        others = [name for name in continuing if name not in excluded]
        if not others:
            return
        highest_excluded = max(before[name] for name in stage.subjects)
        next_lowest = min(before[name] for name in others)
        if len(stage.subjects) > 1:
            together = sum((before[name] for name in stage.subjects), Fraction(0)) + self._pending_total()
            if not self.rule.bulk_exclusion:
                self.add("exclusion", "the rule excludes one candidate at a time", number)
            elif together >= next_lowest:
                self.add("exclusion", f"the candidates excluded together have {together} votes with the surpluses "
                         f"not transferred, not fewer than the next lowest ({next_lowest})", number)
        if highest_excluded > next_lowest:
            name = max(stage.subjects, key=lambda subject: before[subject])
            self.add("exclusion", f"{name!r} ({highest_excluded}) is excluded before a candidate with "
                     f"{next_lowest}", number, name)
        elif highest_excluded == next_lowest and len(stage.subjects) == 1:
            tied = [name for name in continuing if before[name] == next_lowest]
            loser = _lowest_by_history(tied, self.history, highest=False)
            if loser is not None and loser != stage.subjects[0]:
                self.add("exclusion", f"{loser!r} had fewer votes at the earliest stage where the tied candidates "
                         "differed: it is excluded first", number, stage.subjects[0])
        for name in stage.subjects:
            del self.continuing[name]

    def _check_elections(self, stage: SheetStage) -> None:
        number = stage.number
        declared = list(stage.elected)
        vacancies = self.sheet.seats - len(self.elected)
        reaching = [name for name in self.continuing if self.totals[name] >= self.quota]
        for name in declared:
            if name not in self.continuing:
                self.add("election", f"{name!r} is declared elected but is not continuing", number, name)
                continue
            if name in reaching:
                continue
            if not self._last_vacancies_allow(name, vacancies, reaching):
                self.add("election", f"{name!r} is declared elected with {self.totals[name]} votes, under the quota "
                         f"({self.quota}), and the rule for the last vacancies does not apply", number, name)
        for name in reaching:
            if name not in declared and len(reaching) <= vacancies:
                self.add("election", f"{name!r} reaches the quota ({self.totals[name]} >= {self.quota}) but is not "
                         "declared elected", number, name)
        for name in declared:
            if name in self.continuing:
                del self.continuing[name]
                self.elected.append(name)
                if self.totals[name] > self.quota:
                    self.pending.append((name, number))

    def _last_vacancies_allow(self, name: str, vacancies: int, reaching: list[str]) -> bool:
        open_seats = vacancies - len(reaching)
        others = [other for other in self.continuing if other not in reaching]
        if len(others) <= open_seats:
            return True
        if open_seats == 1:
            rest = sum((self.totals[other] for other in others if other != name), Fraction(0))
            rest += self._pending_total()
            return self.totals[name] >= rest if self.rule.last_vacancy_reaches else self.totals[name] > rest
        return False
