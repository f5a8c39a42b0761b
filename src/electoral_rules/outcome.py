"""Output records: :class:`Allocation`, :class:`RoundOutcome`, :class:`Tie`, :class:`Threshold`, :class:`Step`.

Rules compute these records; the renderers in :mod:`electoral_rules.render` turn
them into French or English explanations and tables. Every outcome carries the
legal basis of the rule applied and a ``trace`` of :class:`Step` records.

The presentation methods (``explain``, ``to_markdown``, ``_repr_html_``) import
:mod:`electoral_rules.render` when called: records never depend on renderers at
import time.
"""

from __future__ import annotations

import enum
import warnings
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from fractions import Fraction
from typing import TYPE_CHECKING

from ._exact import reaches, votes_to_exceed, votes_to_reach
from ._mapping import FrozenMap
from .tally import Tally

if TYPE_CHECKING:  # pragma: no cover
    from typing import Literal

    Lang = Literal["fr", "en"]

__all__ = ["Allocation", "RoundOutcome", "Step", "StepKind", "Threshold", "Tie"]


class StepKind(enum.Enum):
    """What a :class:`Step` of a trace records."""

    THRESHOLD = "threshold"
    """A list or candidate measured against a threshold (``passed`` tells the result)."""
    BONUS = "bonus"
    """Majority bonus seats given to ``subject``."""
    QUOTIENT = "quotient"
    """The quotient électoral (``value``) over ``seats`` seats."""
    INITIAL = "initial"
    """Seats given before seat-by-seat allocation (integer part of the quotient, a quota's
    integer part, or the first seat of every list for divisors that start at zero)."""
    SEAT = "seat"
    """Seat number ``seat`` given to ``subject`` at average ``value``; ``values`` holds
    every contender's average at that moment."""
    REMAINDER = "remainder"
    """A seat given for the largest remainder ``value``."""
    TIE = "tie"
    """A tie met at this point (see :attr:`Allocation.ties`)."""
    TEST = "test"
    """A majoritarian test (``note`` names it) applied to ``subject``."""
    RESULT = "result"
    """A final status: elected, qualified, eliminated (in ``note``)."""
    NOTE = "note"
    """Free text that the explanation should show."""


@dataclass(frozen=True, slots=True, kw_only=True)
class Step:
    """One step of a rule's trace, structured so that renderers can speak it in any language."""

    kind: StepKind
    subject: str | None = None
    seat: int | None = None
    seats: int | None = None
    value: Fraction | None = None
    values: tuple[tuple[str, Fraction], ...] = ()
    passed: bool | None = None
    note: str = ""


@dataclass(frozen=True, slots=True, kw_only=True)
class Threshold:
    """A legal threshold: a share of a base count, inclusive ("au moins") or strict.

    >>> t = Threshold(name="absolute majority", share=Fraction(1, 2), base="expressed",
    ...               base_count=101, inclusive=False, legal_basis="Code électoral, art. L126")
    >>> t.votes, t.met_by(51), t.met_by(50)
    (51, True, False)
    """

    name: str
    share: Fraction
    base: str
    base_count: int
    inclusive: bool
    legal_basis: str = ""

    @property
    def votes(self) -> int:
        """The fewest votes that meet the threshold."""
        if self.inclusive:
            return votes_to_reach(self.base_count, self.share)
        return votes_to_exceed(self.base_count, self.share)

    def met_by(self, votes: int) -> bool:
        """Whether ``votes`` meets the threshold, decided on integers."""
        if self.inclusive:
            return reaches(votes, self.base_count, self.share)
        return votes * self.share.denominator > self.share.numerator * self.base_count


@dataclass(frozen=True, slots=True, kw_only=True)
class Tie:
    """A tie that the votes (or averages) alone do not settle.

    :ivar contenders: everyone tied, in the order the votes were given.
    :ivar seats: how many seats (or places) are at stake among them.
    :ivar value: the tied average or vote count.
    :ivar stage: where the tie happened, e.g. ``"last seat"`` or ``"second place"``.
    :ivar winners: the contenders given the seats, in order; fewer than ``seats`` when the
        tie is (partly) unresolved.
    :ivar resolved_by: the criteria applied, with their legal basis, in order.
    :ivar still_tied: when the tie is (partly) unresolved, the contenders the criteria left
        tied for the undetermined seats; empty means "every contender without a seat".

    >>> tie = Tie(contenders=("A", "B", "C"), seats=2, winners=("B",))
    >>> tie.resolved, tie.undetermined, tie.unresolved
    (False, 1, ('A', 'C'))
    """

    contenders: tuple[str, ...]
    seats: int
    value: Fraction | None = None
    stage: str = "last seat"
    winners: tuple[str, ...] = ()
    resolved_by: tuple[str, ...] = ()
    still_tied: tuple[str, ...] = ()

    @property
    def resolved(self) -> bool:
        """``True`` when every seat at stake has a winner."""
        return len(self.winners) == self.seats

    @property
    def undetermined(self) -> int:
        """Seats at stake that no rule could attribute."""
        return self.seats - len(self.winners)

    @property
    def unresolved(self) -> tuple[str, ...]:
        """The contenders still tied for the undetermined seats."""
        if self.resolved:
            return ()
        if self.still_tied:
            return self.still_tied
        return tuple(name for name in self.contenders if name not in self.winners)


def _no_steps() -> tuple[Step, ...]:
    return ()


@dataclass(frozen=True, slots=True, kw_only=True, eq=False)
class Allocation(Mapping[str, int]):
    """Seats per list, read-only, with everything needed to explain and check them.

    The mapping holds **every** list given, those with no seat and those excluded by the
    threshold included, in the order the votes were given. Seats left undetermined by an
    unresolved tie are counted in :attr:`undetermined`, not given to anyone.

    :ivar votes: the votes per list, as given.
    :ivar house: the number of seats to fill.
    :ivar method: the method's name, e.g. ``"D'Hondt"``.
    :ivar quotient: the quotient électoral (expressed votes / seats) where the method has one.
    :ivar threshold: the threshold applied, if any; :attr:`excluded` lists who missed it.
    :ivar bonus: majority-bonus seats per list (empty when there is no bonus).
    :ivar ties: the ties met and how they were settled.
    :ivar legal_basis: the articles applied.
    :ivar elected: the elected candidates per list, in list order, when lists of candidates
        were given.
    :ivar vacancies: per list, the seats won beyond its number of candidates.

    >>> from electoral_rules import dhondt
    >>> result = dhondt({"A": 1023, "B": 258, "C": 253}, seats=5)
    >>> result["A"], list(result), result.house, result.is_complete
    (4, ['A', 'B', 'C'], 5, True)
    >>> result == {"A": 4, "B": 1, "C": 0}
    True
    """

    seats: FrozenMap[str, int]
    votes: FrozenMap[str, int]
    house: int
    method: str
    quotient: Fraction | None = None
    threshold: Threshold | None = None
    excluded: tuple[str, ...] = ()
    bonus: FrozenMap[str, int] = field(default_factory=FrozenMap)
    ties: tuple[Tie, ...] = ()
    legal_basis: str = ""
    elected: FrozenMap[str, tuple[str, ...]] = field(default_factory=FrozenMap)
    vacancies: FrozenMap[str, int] = field(default_factory=FrozenMap)
    notes: tuple[str, ...] = ()
    trace_factory: Callable[[], tuple[Step, ...]] = field(default=_no_steps, repr=False)

    # -- Mapping interface -------------------------------------------------------------
    def __getitem__(self, name: str) -> int:
        return self.seats[name]

    def __iter__(self) -> Iterator[str]:
        return iter(self.seats)

    def __len__(self) -> int:
        return len(self.seats)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Mapping):
            return dict(self.seats) == dict(other.items())
        return NotImplemented

    def __hash__(self) -> int:
        # Equality is that of the seat mapping (an Allocation equals the dict of its seats),
        # so the hash must depend on the seats alone.
        return hash(self.seats)

    def __repr__(self) -> str:
        return f"Allocation({dict(self.seats)!r}, house={self.house}, method={self.method!r})"

    # -- derived facts -------------------------------------------------------------------
    @property
    def undetermined(self) -> int:
        """Seats that an unresolved tie left without a winner (0 when complete)."""
        return self.house - sum(self.seats.values())

    @property
    def is_complete(self) -> bool:
        """Whether every seat has been attributed."""
        return self.undetermined == 0

    @property
    def proportional_seats(self) -> FrozenMap[str, int]:
        """Seats per list without the majority bonus."""
        return FrozenMap((name, n - self.bonus.get(name, 0)) for name, n in self.seats.items())

    @property
    def trace(self) -> tuple[Step, ...]:
        """The steps of the calculation, built on demand (cheap to skip for large houses)."""
        return self.trace_factory()

    # -- presentation --------------------------------------------------------------------
    def explain(self, lang: Lang = "fr") -> str:
        """The calculation told step by step, in French (``"fr"``) or English (``"en"``)."""
        from .render.explain import explain_allocation

        return explain_allocation(self, lang)

    def to_markdown(self, lang: Lang = "fr") -> str:
        """The table of averages (seat by seat) as Markdown."""
        from .render.tables import allocation_markdown

        return allocation_markdown(self, lang)

    def _repr_html_(self) -> str:
        from .render.tables import allocation_html

        return allocation_html(self, "fr")

    def with_changes(self, **changes: object) -> Allocation:
        """A copy with some fields replaced (used by rules that build on an allocation)."""
        from dataclasses import replace

        return replace(self, **changes)  # type: ignore[arg-type]


@dataclass(frozen=True, slots=True, kw_only=True)
class RoundOutcome:
    """The outcome of one round of a majoritarian election.

    :ivar election: e.g. ``"législatives"``.
    :ivar round: 1 or 2.
    :ivar tally: the tally the rule was applied to.
    :ivar house: seats to fill in this round (named like :attr:`Allocation.house`; the
        former name ``seats`` is a deprecated property).
    :ivar elected: names elected in this round, in order of votes.
    :ivar qualified: names that may stand in the next round, in order of votes.
    :ivar eliminated: the others, in order of votes.
    :ivar ties: ties met at any boundary, settled or not.
    :ivar thresholds: the thresholds applied, by name, with their values in votes.
    :ivar legal_basis: the articles applied.
    :ivar trace: the steps of the calculation.
    """

    election: str
    round: int
    tally: Tally
    house: int = 1
    elected: tuple[str, ...] = ()
    qualified: tuple[str, ...] = ()
    eliminated: tuple[str, ...] = ()
    ties: tuple[Tie, ...] = ()
    thresholds: FrozenMap[str, Threshold] = field(default_factory=FrozenMap)
    legal_basis: str = ""
    # not compared (as an Allocation's trace): open data does not store it, and two
    # outcomes that agree on every stored field are the same outcome
    trace: tuple[Step, ...] = field(default=(), compare=False)
    notes: tuple[str, ...] = ()

    @property
    def undetermined(self) -> int:
        """The places (seats, or places in the next round) a tie left open: 0 when the
        outcome is complete, as :attr:`Allocation.undetermined` (the law gives no rule, or
        the data it needs is missing)."""
        return sum(tie.undetermined for tie in self.ties)

    @property
    def is_complete(self) -> bool:
        """Whether no tie left a place open."""
        return self.undetermined == 0

    @property
    def seats(self) -> int:
        """Deprecated: use :attr:`house` (the seats to fill in this round)."""
        warnings.warn("RoundOutcome.seats is deprecated: use RoundOutcome.house", DeprecationWarning, stacklevel=2)
        return self.house

    def explain(self, lang: Lang = "fr") -> str:
        """The outcome told step by step, in French (``"fr"``) or English (``"en"``)."""
        from .render.rounds import explain_round

        return explain_round(self, lang)


def thresholds_map(*items: Threshold) -> FrozenMap[str, Threshold]:
    """Thresholds keyed by name, in the order given."""
    return FrozenMap((item.name, item) for item in items)


def frozen_counts(items: Mapping[str, int]) -> FrozenMap[str, int]:
    """A read-only copy of a mapping of counts."""
    return FrozenMap(items)
