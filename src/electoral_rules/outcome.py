"""Output records: :class:`Allocation`, :class:`RoundOutcome`, :class:`Tie`, :class:`Threshold`,
:class:`Step`, :class:`Method` and :class:`Note`.

Rules compute these records; the renderers in :mod:`electoral_rules.render` turn
them into French or English explanations and tables. Every outcome carries the
legal basis of the rule applied, the :class:`Method` applied, its :class:`Note` records
(structured: a :class:`NoteKind` and its values, never prose) and a ``trace`` of
:class:`Step` records.

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
from typing import TYPE_CHECKING, Any

from ._exact import reaches, votes_to_exceed, votes_to_reach
from ._mapping import FrozenMap
from .errors import InvalidArgumentError
from .tally import Tally

if TYPE_CHECKING:  # pragma: no cover
    from typing import Literal

    Lang = Literal["fr", "en"]

__all__ = [
    "Allocation",
    "Method",
    "Note",
    "NoteKind",
    "NoteValue",
    "RoundOutcome",
    "Step",
    "StepKind",
    "Threshold",
    "Tie",
    "thresholds_map",
]


class Method(enum.Enum):
    """The method an outcome applied: a generic apportionment method or a French compound rule.

    The value is a stable English name (the string earlier releases stored in ``method``);
    :meth:`label` gives the name to show, in French or English.

    >>> from electoral_rules import dhondt
    >>> dhondt({"A": 1023, "B": 258, "C": 253}, seats=5).method
    <Method.DHONDT: "D'Hondt">
    >>> Method.BONUS_THEN_HIGHEST_AVERAGE.label("fr")
    'prime majoritaire, puis représentation proportionnelle à la plus forte moyenne'
    >>> Method.LR_HARE.is_largest_remainder, Method.DHONDT.is_divisor
    (True, True)
    """

    # -- divisor methods (same names as :class:`~electoral_rules.Divisor`) ----------------
    DHONDT = "D'Hondt"
    """Highest averages, divisors 1, 2, 3... (the French *plus forte moyenne*)."""
    SAINTE_LAGUE = "Sainte-Laguë"
    """Highest averages, divisors 1, 3, 5..."""
    MODIFIED_SAINTE_LAGUE = "modified Sainte-Laguë"
    """Highest averages, divisors 1.4, 3, 5..."""
    SWEDISH_SAINTE_LAGUE = "modified Sainte-Laguë (first divisor 1.2)"
    """Highest averages, divisors 1.2, 3, 5... (Sweden's *jämkade uddatalsmetod* since 2018)."""
    DANISH = "Danish"
    """Highest averages, divisors 1, 4, 7..."""
    IMPERIALI = "Imperiali (divisors)"
    """Highest averages, divisors 2, 3, 4... (not the Imperiali quota)."""
    ADAMS = "Adams"
    """Highest averages, divisors 0, 1, 2..."""
    HUNTINGTON_HILL = "Huntington–Hill"
    """Highest averages, divisors √(s(s+1))."""
    # -- largest remainder (one member per :class:`~electoral_rules.Quota`) ---------------
    LR_HARE = "largest remainder (Hare quota)"
    """Integer parts of votes ÷ the Hare quota, then the largest remainders."""
    LR_DROOP = "largest remainder (Droop quota)"
    """Integer parts of votes ÷ the Droop quota, then the largest remainders."""
    LR_HAGENBACH_BISCHOFF = "largest remainder (Hagenbach-Bischoff quota)"
    """Integer parts of votes ÷ the exact Hagenbach-Bischoff quota, then the largest remainders."""
    LR_HAGENBACH_BISCHOFF_ROUNDED = "largest remainder (Hagenbach-Bischoff (rounded) quota)"
    """The same with the Hagenbach-Bischoff quota rounded to an integer."""
    LR_IMPERIALI = "largest remainder (Imperiali quota)"
    """Integer parts of votes ÷ the Imperiali quota, then the largest remainders."""
    # -- French compound rules ------------------------------------------------------------
    BONUS_THEN_HIGHEST_AVERAGE = "majority bonus, then highest average"
    """A majority bonus to one list, then the other seats by plus forte moyenne (D'Hondt)
    among the lists over the threshold, the bonus list included (municipales, L262;
    régionales, L338)."""
    TWO_ROUND_MAJORITY = "two-round majority vote"
    """A round of a single-seat two-round majority vote (législatives, départementales,
    présidentielle)."""
    PLURINOMINAL_TWO_ROUND_MAJORITY = "plurinominal two-round majority vote"
    """A round of a several-seat two-round majority vote, each ballot carrying up to as many
    names as seats (sénatoriales L294; small communes until 2020, L253)."""
    LIST_QUALIFICATION = "list vote, qualification for the second round"
    """The first round of a list vote read for who may stand or merge in the second round
    (municipales L264, régionales L346)."""

    @property
    def is_divisor(self) -> bool:
        """Whether the method is a pure highest-averages (divisor) method."""
        return self.name in _DIVISOR_NAMES

    @property
    def is_largest_remainder(self) -> bool:
        """Whether the method is a largest-remainder (quota) method."""
        return self.name.startswith("LR_")

    def label(self, lang: Lang = "fr") -> str:
        """The method's name to show, in French (``"fr"``) or English (``"en"``)."""
        from .render.notes import method_label

        return method_label(self, lang)


_DIVISOR_NAMES = frozenset(
    {"DHONDT", "SAINTE_LAGUE", "MODIFIED_SAINTE_LAGUE", "SWEDISH_SAINTE_LAGUE", "DANISH", "IMPERIALI", "ADAMS", "HUNTINGTON_HILL"}
)


NoteValue = int | str | Fraction | tuple[str, ...] | FrozenMap[str, int]
"""What a :class:`Note` value may be: a count, a name or key, an exact ratio, names, or
counts by name (a read-only mapping)."""


class NoteKind(enum.Enum):
    """What a :class:`Note` says. Each kind has a fixed set of values (:attr:`fields`);
    the renderers in :mod:`electoral_rules.render` word every kind in French and English.

    The value is the stable key written in open-data files.
    """

    OVER_ALLOCATION = "over-allocation"
    """The quota's integer parts exceed the house by ``excess``: the smallest remainders
    lose a seat (``quota``: the :class:`~electoral_rules.Quota` value)."""
    TIE_UNSETTLED = "tie-unsettled"
    """A tie for the ``stage`` between ``contenders`` (``seats`` at stake) that
    ``criteria`` did not settle; ``reason`` is ``"no-rule"`` (the law states none),
    ``"criteria-exhausted"`` or ``"missing-data"`` (a birth date, a list of candidates)."""
    SEATS_UNDETERMINED = "seats-undetermined"
    """``seats`` left without a winner by a tie between ``contenders``."""
    MORE_PASS_THAN_SEATS = "more-pass-than-seats"
    """``passed`` candidates met the first-round tests for ``seats`` seats: the seats go
    to those with the most votes."""
    RUNNER_UP_FALLBACK = "runner-up-fallback"
    """Only one candidate reached the qualification threshold: the runner-up may stand too."""
    TOP_TWO_FALLBACK = "top-two-fallback"
    """No candidate reached the qualification threshold: the top two may stand."""
    VACANCY = "vacancy"
    """List ``list`` won ``won`` seats but has ``candidates`` candidates: ``vacant`` seats
    stay vacant (reported, not reassigned)."""
    BONUS_ABSOLUTE_MAJORITY = "bonus-absolute-majority"
    """The ``seats`` bonus seats go to ``list``, which has an absolute majority of
    expressed votes in the first round."""
    BONUS_MOST_VOTES = "bonus-most-votes"
    """The ``seats`` bonus seats go to ``list``, which has the most votes in the second round."""
    BONUS_AVERAGE_AGE = "bonus-average-age"
    """The ``seats`` bonus seats go to ``list``, first with others in the second round and
    separated by the highest average age of its candidates."""
    NO_SECOND_ROUND = "no-second-round"
    """List ``list`` has an absolute majority of expressed votes: the seats are allocated in
    the first round (``basis``) and there is no second round."""
    MAY_MERGE = "may-merge"
    """The ``lists`` that may merge into a second-round list (at least ``share`` of expressed)."""
    FALLBACK_QUALIFIED = "fallback-qualified"
    """List ``list`` may stand in the second round by the top-two fallback (``basis``)."""
    LIST_VOTE_SCOPE = "list-vote-scope"
    """The municipal list vote applies to communes of ``inhabitants`` or more (0: every commune)."""
    PLM_SECTOR = "plm-sector"
    """A sector of ``city`` (Paris, Lyon, Marseille); ``council`` is ``"city"`` or
    ``"arrondissement"``."""
    SMALL_COMMUNE_2026 = "small-commune-2026"
    """A commune under 1 000 inhabitants in 2026 or later: the list vote of loi n° 2025-444
    is applied with L262 unchanged (new L252 read; the law's other articles PARTIAL); ``lists_checked`` is 0 when no
    lists were given to check that no list won more seats than it has candidates."""
    TIE_RULE_UNVERIFIED = "tie-rule-unverified"
    """The 2004–2014 European tie rule (most votes, then the highest average age) follows
    secondary sources only (UNVERIFIED)."""
    DEPARTMENT_MINIMUM_MET = "department-minimum-met"
    """The 2015 minimum of seats per department (L338-1, PARTIAL) is met without change."""
    DEPARTMENT_MINIMUM_MOVED = "department-minimum-moved"
    """``seats`` seats of the leading list moved to reach the 2015 departmental minimum."""
    DEPARTMENT_MINIMUM_APPLIED = "department-minimum-applied"
    """The 2015 departmental minimum was applied to the leading list ``list``."""
    SEAT_MOVED = "seat-moved"
    """A seat moved from department ``donor`` to department ``receiver`` to reach its minimum."""
    BONUS_UNDETERMINED = "bonus-undetermined"
    """A tie for first place between ``contenders`` that the ages given do not settle: the
    ``seats`` bonus seats stay undetermined (``basis`` gives them to the list whose
    candidates have the highest average age)."""
    SECTION_BONUS_UNDETERMINED = "section-bonus-undetermined"
    """The ``seats`` bonus seats of section ``section`` stay undetermined (tie for first place)."""
    SECTION_RESULT = "section-result"
    """Section ``section`` (``seats`` seats) gave the seats in ``won`` (seats by list)."""
    SECTION_TIE_BY_SECTION_VOTES = "section-tie-by-section-votes"
    """A section's last-seat tie was settled by the most votes counted in the section: the
    article says « le plus grand nombre de suffrages » without saying where (the library's
    reading)."""
    SECTIONS_AS_GIVEN = "sections-as-given"
    """The version of ``basis`` in force was not read verbatim (PARTIAL): the sections' seats
    and bonus are those given by the caller."""
    CORSICA_2010_2017_PARTIAL = "corsica-2010-2017-partial"
    """The Assemblée de Corse's 2010–2017 rule (9 bonus seats, 7 % to stand) comes from the
    Ministry's 2015 dossier: the text of that era was not read (PARTIAL)."""
    ZERO_DIVISOR_FIRST_SEAT = "zero-divisor-first-seat"
    """A first seat given at an infinite average (a zero divisor: Adams, Huntington–Hill)."""
    EXCESS_SEATS_LAW_SILENT = "excess-seats-law-silent"
    """A list of a commune under 1 000 inhabitants (2026 or later) won more seats than it has
    candidates: no text read says what becomes of those seats, and the official 2026
    first-round file shows both practices (left vacant, or passed on by the next averages)."""
    COUNCIL_REPUTED_COMPLETE = "council-reputed-complete"
    """The council has ``members`` members, at least the ``minimum`` of CGCT L2121-2-1: it is
    deemed complete, no complementary election is due for the seats left vacant."""
    COMPLEMENTARY_ELECTION_DUE = "complementary-election-due"
    """The council has ``members`` members, under the ``minimum`` of CGCT L2121-2-1: a
    complementary election is due (L258, L258-1)."""
    EXCESS_SEATS_NEXT_AVERAGES = "excess-seats-next-averages"
    """Seats a list won beyond its candidates went to the next averages of the other lists,
    ``moved`` seats to each."""
    PLM_CITY_BALLOT = "plm-city-ballot"
    """The city-wide ballot of ``city`` (loi n° 2025-795): ``bonus`` bonus seats, a quarter of
    the seats rounded up (L272-4-1, final wording PARTIAL)."""
    PLM_SECTOR_BALLOT = "plm-sector-ballot"
    """The separate ballot of sector ``sector`` of ``city`` (loi n° 2025-795), with the usual
    half bonus; ``from_table`` is 1 when the seats come from the sector table (PARTIAL)."""
    NEW_CALEDONIA_SMALL_COMMUNE = "new-caledonia-small-commune"
    """A commune of New Caledonia under 1 000 inhabitants: list PR by plus forte moyenne among
    lists with 5 % of expressed votes, no bonus, one round (L429, L431, L435)."""
    COMMUNITY_SEATS = "community-seats"
    """The commune's seats in its intercommunal council, shared among the lists by the rule of
    L262 (L273-8), given in the order of the community list."""
    RUNNER_UP_TIE_ALL_STAND = "runner-up-tie-all-stand"
    """The ``contenders`` tie for a place given by the top-two fallback, which the text does
    not settle: all may stand, after the official practice (départementales 2015,
    Hautes-Pyrénées, canton d'Aureilhan: one binôme at 12,5 % of registered, the next two
    tied at 1 248 votes, all three admitted to the second round)."""

    @property
    def fields(self) -> Mapping[str, type]:
        """The values a note of this kind holds, and their types."""
        return _NOTE_FIELDS[self]


_TIE_FIELDS: dict[str, type] = {
    "stage": str, "contenders": tuple, "seats": int, "criteria": tuple, "reason": str
}  # fmt: skip
_NOTE_FIELDS: dict[NoteKind, dict[str, type]] = {
    NoteKind.OVER_ALLOCATION: {"quota": str, "excess": int},
    NoteKind.TIE_UNSETTLED: _TIE_FIELDS,
    NoteKind.SEATS_UNDETERMINED: {"seats": int, "contenders": tuple},
    NoteKind.MORE_PASS_THAN_SEATS: {"passed": int, "seats": int},
    NoteKind.RUNNER_UP_FALLBACK: {},
    NoteKind.TOP_TWO_FALLBACK: {},
    NoteKind.VACANCY: {"list": str, "won": int, "candidates": int, "vacant": int},
    NoteKind.BONUS_ABSOLUTE_MAJORITY: {"list": str, "seats": int},
    NoteKind.BONUS_MOST_VOTES: {"list": str, "seats": int},
    NoteKind.BONUS_AVERAGE_AGE: {"list": str, "seats": int},
    NoteKind.NO_SECOND_ROUND: {"list": str, "basis": str},
    NoteKind.MAY_MERGE: {"share": Fraction, "lists": tuple},
    NoteKind.FALLBACK_QUALIFIED: {"list": str, "basis": str},
    NoteKind.LIST_VOTE_SCOPE: {"inhabitants": int},
    NoteKind.PLM_SECTOR: {"city": str, "council": str},
    NoteKind.SMALL_COMMUNE_2026: {"lists_checked": int},
    NoteKind.TIE_RULE_UNVERIFIED: {},
    NoteKind.DEPARTMENT_MINIMUM_MET: {},
    NoteKind.DEPARTMENT_MINIMUM_MOVED: {"seats": int},
    NoteKind.DEPARTMENT_MINIMUM_APPLIED: {"list": str},
    NoteKind.SEAT_MOVED: {"donor": str, "receiver": str},
    NoteKind.BONUS_UNDETERMINED: {"contenders": tuple, "seats": int, "basis": str},
    NoteKind.SECTION_BONUS_UNDETERMINED: {"section": str, "seats": int},
    NoteKind.SECTION_RESULT: {"section": str, "seats": int, "won": FrozenMap},
    NoteKind.SECTION_TIE_BY_SECTION_VOTES: {},
    NoteKind.SECTIONS_AS_GIVEN: {"basis": str},
    NoteKind.CORSICA_2010_2017_PARTIAL: {},
    NoteKind.ZERO_DIVISOR_FIRST_SEAT: {},
    NoteKind.RUNNER_UP_TIE_ALL_STAND: {"contenders": tuple},
    NoteKind.EXCESS_SEATS_LAW_SILENT: {},
    NoteKind.COUNCIL_REPUTED_COMPLETE: {"members": int, "minimum": int},
    NoteKind.COMPLEMENTARY_ELECTION_DUE: {"members": int, "minimum": int},
    NoteKind.EXCESS_SEATS_NEXT_AVERAGES: {"moved": FrozenMap},
    NoteKind.PLM_CITY_BALLOT: {"city": str, "bonus": int},
    NoteKind.PLM_SECTOR_BALLOT: {"city": str, "sector": int, "from_table": int},
    NoteKind.NEW_CALEDONIA_SMALL_COMMUNE: {},
    NoteKind.COMMUNITY_SEATS: {},
}

_TYPE_NAMES: dict[type, str] = {tuple: "a tuple of names", FrozenMap: "a FrozenMap of counts by name"}

_CLOSED_VALUES: dict[tuple[NoteKind, str], frozenset[str]] = {
    (NoteKind.TIE_UNSETTLED, "reason"): frozenset({"no-rule", "criteria-exhausted", "missing-data"}),
    (NoteKind.PLM_SECTOR, "council"): frozenset({"city", "arrondissement"}),
}


@dataclass(frozen=True, slots=True, kw_only=True)
class Note:
    """A remark an outcome carries, as data: a :class:`NoteKind` and its values.

    Rules never write prose in notes: :meth:`text` (and the explanations) word them in
    French or English. A note checks that it holds exactly the values its kind needs.

    >>> note = Note.of(NoteKind.VACANCY, list="A", won=5, candidates=3, vacant=2)
    >>> note["vacant"], note.kind.value
    (2, 'vacancy')
    >>> print(note.text("fr"))
    La liste A obtient 5 sièges mais ne compte que 3 candidats : 2 sièges restent vacants (signalé, non réattribué : les articles appliqués ne disent pas ce qu'il en advient).
    >>> Note.of(NoteKind.VACANCY, list="A")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    electoral_rules.errors.InvalidArgumentError: a 'vacancy' note needs the values candidates, list, vacant, won (missing: ...
    """

    kind: NoteKind
    values: FrozenMap[str, NoteValue] = field(default_factory=FrozenMap)

    def __post_init__(self) -> None:
        if not isinstance(self.kind, NoteKind):
            raise InvalidArgumentError(f"a note's kind must be a NoteKind, got {self.kind!r}")
        values = self.values if isinstance(self.values, FrozenMap) else FrozenMap(self.values)
        object.__setattr__(self, "values", values)
        fields = self.kind.fields
        missing = sorted(set(fields) - set(values))
        unknown = sorted(set(values) - set(fields))
        if missing or unknown:
            raise InvalidArgumentError(
                f"a {self.kind.value!r} note needs the values {', '.join(sorted(fields)) or 'none'}"
                f" (missing: {', '.join(missing) or 'none'}; unknown: {', '.join(unknown) or 'none'})"
            )
        for key, expected in fields.items():
            value = values[key]
            if expected is tuple:
                ok = isinstance(value, tuple) and all(isinstance(item, str) for item in value)
            elif expected is FrozenMap:
                ok = isinstance(value, FrozenMap) and all(
                    isinstance(name, str) and isinstance(count, int) and not isinstance(count, bool)
                    for name, count in value.items()
                )
            elif expected is int:
                ok = isinstance(value, int) and not isinstance(value, bool)
            else:
                ok = type(value) is expected
            if not ok:
                raise InvalidArgumentError(
                    f"value {key!r} of a {self.kind.value!r} note must be "
                    f"{_TYPE_NAMES.get(expected, expected.__name__)}, got {value!r}"
                )
            allowed = _CLOSED_VALUES.get((self.kind, key))
            if allowed is not None and value not in allowed:
                raise InvalidArgumentError(
                    f"value {key!r} of a {self.kind.value!r} note must be one of "
                    f"{', '.join(sorted(allowed))}, got {value!r}"
                )

    @classmethod
    def of(cls, kind: NoteKind, **values: NoteValue) -> Note:
        """A note of ``kind`` with ``values`` given as keywords."""
        return cls(kind=kind, values=FrozenMap(values))

    def __getitem__(self, key: str) -> NoteValue:
        return self.values[key]

    def text(self, lang: Lang = "fr") -> str:
        """The note worded in French (``"fr"``) or English (``"en"``)."""
        from .render.notes import note_text

        return note_text(self, lang)


class StepKind(enum.Enum):
    """What a :class:`Step` of a trace records."""

    THRESHOLD = "threshold"
    """A list or candidate measured against a threshold (``passed`` tells the result)."""
    BONUS = "bonus"
    """Majority bonus seats given to ``subject``."""
    QUOTIENT = "quotient"
    """The quotient électoral (``value``) over ``seats`` seats; noted ``"cut-off"``, the
    starting average of a divisor method (every seat whose average reaches it is given
    before the seats told one by one)."""
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
    """A remark the explanation shows where it occurs: its :class:`Note` is in ``detail``."""


@dataclass(frozen=True, slots=True, kw_only=True)
class Step:
    """One step of a rule's trace, structured so that renderers can speak it in any language.

    :ivar note: a short machine key, never prose (a status such as ``"elected"``, a
        threshold's name, a tie's stage, a quota's name).
    :ivar detail: a :class:`Note` when the step says more than its kind and numbers (why the
        bonus went to a list, a fallback applied, a seat moved).
    """

    kind: StepKind
    subject: str | None = None
    seat: int | None = None
    seats: int | None = None
    value: Fraction | None = None
    values: tuple[tuple[str, Fraction], ...] = ()
    passed: bool | None = None
    note: str = ""
    detail: Note | None = None



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


_NOTHING: FrozenMap[str, Any] = FrozenMap()
"""The empty read-only mapping an allocation's optional fields share (it never changes)."""


@dataclass(frozen=True, slots=True, kw_only=True, eq=False)
class Allocation(Mapping[str, int]):
    """Seats per list, read-only, with everything needed to explain and check them.

    The mapping holds **every** list given, those with no seat and those excluded by the
    threshold included, in the order the votes were given. Seats left undetermined by an
    unresolved tie are counted in :attr:`undetermined`, not given to anyone.

    :ivar votes: the votes per list, as given.
    :ivar house: the number of seats to fill.
    :ivar method: the :class:`Method` applied, e.g. ``Method.DHONDT``, or
        ``Method.BONUS_THEN_HIGHEST_AVERAGE`` for a French election with a majority bonus.
    :ivar quotient: the quotient électoral (expressed votes / seats) where the method has one.
    :ivar threshold: the threshold applied, if any; :attr:`excluded` lists who missed it.
    :ivar bonus: majority-bonus seats per list (empty when there is no bonus).
    :ivar ties: the ties met and how they were settled.
    :ivar legal_basis: the articles applied.
    :ivar elected: the elected candidates per list, in list order, when lists of candidates
        were given.
    :ivar vacancies: per list, the seats won beyond its number of candidates.
    :ivar notes: remarks as :class:`Note` records (a vacancy, an unsettled tie, the scope of
        the rule applied...), worded by the explanations.

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
    method: Method
    quotient: Fraction | None = None
    threshold: Threshold | None = None
    excluded: tuple[str, ...] = ()
    bonus: FrozenMap[str, int] = _NOTHING
    ties: tuple[Tie, ...] = ()
    legal_basis: str = ""
    elected: FrozenMap[str, tuple[str, ...]] = _NOTHING
    vacancies: FrozenMap[str, int] = _NOTHING
    notes: tuple[Note, ...] = ()
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
        return f"Allocation({dict(self.seats)!r}, house={self.house}, method={self.method})"

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


@dataclass(frozen=True, slots=True, kw_only=True, init=False)
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
    :ivar trace: the steps of the calculation, built on first access when the rule gave
        a ``trace_factory`` instead of the steps (cheap to skip: most callers never read it).
    :ivar notes: remarks as :class:`Note` records, worded by the explanation.
    :ivar method: the :class:`Method` applied (a majoritarian round, or the qualification
        of lists for a second round).
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
    notes: tuple[Note, ...] = ()
    method: Method = Method.TWO_ROUND_MAJORITY
    # The trace, or the function that builds it. Not compared (as an Allocation's trace):
    # open data does not store it, and two outcomes that agree on every stored field are
    # the same outcome.
    _steps: tuple[Step, ...] | Callable[[], tuple[Step, ...]] = field(default=(), compare=False, repr=False)

    def __init__(
        self,
        *,
        election: str,
        round: int,
        tally: Tally,
        house: int = 1,
        elected: tuple[str, ...] = (),
        qualified: tuple[str, ...] = (),
        eliminated: tuple[str, ...] = (),
        ties: tuple[Tie, ...] = (),
        thresholds: FrozenMap[str, Threshold] | None = None,
        legal_basis: str = "",
        trace: tuple[Step, ...] = (),
        notes: tuple[Note, ...] = (),
        method: Method = Method.TWO_ROUND_MAJORITY,
        trace_factory: Callable[[], tuple[Step, ...]] | None = None,
        _steps: tuple[Step, ...] | Callable[[], tuple[Step, ...]] | None = None,
    ) -> None:
        set_ = object.__setattr__
        set_(self, "election", election)
        set_(self, "round", round)
        set_(self, "tally", tally)
        set_(self, "house", house)
        set_(self, "elected", elected)
        set_(self, "qualified", qualified)
        set_(self, "eliminated", eliminated)
        set_(self, "ties", ties)
        set_(self, "thresholds", FrozenMap() if thresholds is None else thresholds)
        set_(self, "legal_basis", legal_basis)
        set_(self, "notes", notes)
        set_(self, "method", method)
        if _steps is None:  # (``_steps`` is what dataclasses.replace passes on)
            _steps = trace if trace_factory is None else trace_factory
        set_(self, "_steps", _steps)

    def __getstate__(self) -> list[object]:
        """The fields, the trace built (a pickle cannot hold the function that builds it)."""
        self.trace  # noqa: B018 - builds and keeps the steps
        return [getattr(self, name) for name in self.__dataclass_fields__]

    def __setstate__(self, state: list[object]) -> None:
        for name, value in zip(self.__dataclass_fields__, state, strict=True):
            object.__setattr__(self, name, value)

    @property
    def trace(self) -> tuple[Step, ...]:
        """The steps of the calculation (built once, on first access)."""
        steps = self._steps
        if isinstance(steps, tuple):
            return steps
        built = steps()
        object.__setattr__(self, "_steps", built)
        return built

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

    def with_notes(self, *notes: Note) -> RoundOutcome:
        """A copy with ``notes`` added (the trace kept as it is)."""
        copy = object.__new__(RoundOutcome)
        for name in RoundOutcome.__slots__:
            object.__setattr__(copy, name, getattr(self, name))
        object.__setattr__(copy, "notes", (*self.notes, *notes))
        return copy

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


def _frozen_counts(items: Mapping[str, int]) -> FrozenMap[str, int]:
    """A read-only copy of a mapping of counts."""
    return FrozenMap(items)
