"""The exact tests shared by French majoritarian elections, and the two round engines.

Every French two-round election turns on the same few tests, decided here on
integers, named for their boundary:

>>> absolute_majority(51, 101), absolute_majority(50, 101)
(True, False)
>>> quarter_of_registered(251, 1001), quarter_of_registered(250, 1001)
(True, False)
>>> from fractions import Fraction
>>> eighth = Fraction(1, 8)  # 12,5 %
>>> share_of_registered_reached(125, 1000, eighth), share_of_registered_reached(124, 1000, eighth)
(True, False)

The election modules (:mod:`.legislative`, :mod:`.departmental`, :mod:`.senate`,
:mod:`.municipal`, :mod:`.presidential`) describe their rule with a
:class:`FirstRoundRule` and call :func:`first_round_outcome`, or call
:func:`relative_majority_outcome` for a decisive round. Both return a
:class:`~electoral_rules.outcome.RoundOutcome`.

Order. Names are ranked by votes, most first; equal votes keep the order of the tally
(the order the caller gave, never dict or set order). Equal votes at a boundary that
decides something (the last seat, the last place in the second round) are a
:class:`~electoral_rules.outcome.Tie`: settled by age where the law says "le plus
âgé", reported as undetermined where it is silent.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from fractions import Fraction

from .._exact import absolute_majority as _exceeds_half
from .._exact import as_count, as_counts, as_name, as_round, as_seats, reaches, require, shown
from .._mapping import FrozenMap
from ..errors import InvalidArgumentError, InvalidTallyError, UnresolvedTieError
from ..outcome import Method, Note, NoteKind, RoundOutcome, Step, StepKind, Threshold, Tie, thresholds_map
from ..tally import Candidate, PartyList, Tally, as_tally
from ..tiebreak import IfUnresolved, TieBreak, as_if_unresolved, oldest_candidate

__all__ = [
    "AUREILHAN",
    "MAJORITY",
    "QUALIFICATION",
    "QUARTER",
    "AgeRule",
    "FirstRoundRule",
    "People",
    "Qualification",
    "RunnerUpTie",
    "absolute_majority",
    "absolute_majority_threshold",
    "all_tied_stand",
    "check_plurinominal",
    "first_round_outcome",
    "people_of",
    "plurinominal_round",
    "quarter_of_registered",
    "quarter_threshold",
    "relative_majority_outcome",
    "share_of_expressed_reached",
    "share_of_registered_reached",
    "share_of_registered_threshold",
    "top_two_fallback",
]

People = Mapping[str, tuple[Candidate, ...]]
"""Who stands under each name of a tally: one candidate, or the two of a binôme."""

AUREILHAN = (
    "official practice: départementales 2015, Hautes-Pyrénées, canton d'Aureilhan (one binôme at "
    "12,5 % of registered, the next two tied at 1 248 votes: all three were admitted to the second round)"
)
"""The precedent for letting every candidate tied for a fallback place stand."""


class RunnerUpTie(enum.Enum):
    """What happens when candidates tie for a place given by the top-two fallback.

    L162 and L210-1 (and L346 for lists) let "le candidat ayant obtenu après celui-ci le plus
    grand nombre de suffrages" stand, or "les deux candidats ayant obtenu le plus grand nombre
    de suffrages"; they say nothing of a tie for that place.
    """

    ALL_STAND = "all tied candidates may stand"
    """The default: every candidate tied for the place may stand. Official practice:
    départementales 2015, Hautes-Pyrénées, canton d'Aureilhan (one binôme reached 12,5 % of
    registered, the next two tied at 1 248 votes, all three were admitted to the second round)."""
    UNDETERMINED = "report the place as undetermined"
    """The literal reading: the text names one candidate (or two), so the tie is reported as a
    :class:`~electoral_rules.Tie` and the tied candidates are neither qualified nor eliminated."""


MAJORITY = "absolute majority"
QUARTER = "quarter of registered"
QUALIFICATION = "qualification"


# -- exact predicates ----------------------------------------------------------------------


def absolute_majority(votes: int, expressed: int) -> bool:
    """Whether ``votes`` is an absolute majority of ``expressed``: ``2 * votes > expressed``.

    "50 % + 1 voix" is wrong for an odd number of exprimés: with 101 exprimés the majority
    is 51 votes, not 51,5.

    >>> absolute_majority(51, 101), absolute_majority(50, 100), absolute_majority(51, 100)
    (True, False, True)

    .. seealso:: Code électoral, art. L126 1°, L193 1°, L253 1°, L294 1°; Constitution, art. 7.
    """
    return _exceeds_half(as_count(votes, "votes"), as_count(expressed, "expressed"))


def quarter_of_registered(votes: int, registered: int) -> bool:
    """Whether ``votes`` is at least a quarter of ``registered``: ``4 * votes >= registered``.

    The law says "un nombre de suffrages égal au quart des électeurs inscrits", read as "at
    least"; no rounding is applied, so 1 001 inscrits need 251 votes. (No text sets a rounding
    rule; case law on an odd number of registered voters is UNVERIFIED.)

    >>> quarter_of_registered(251, 1001), quarter_of_registered(250, 1001), quarter_of_registered(250, 1000)
    (True, False, True)

    .. seealso:: Code électoral, art. L126 2°, L193 2°, L253 2°, L294 2°.
    """
    return 4 * as_count(votes, "votes") >= as_count(registered, "registered")


def share_of_registered_reached(votes: int, registered: int, share: Fraction) -> bool:
    """Whether ``votes >= share * registered`` ("au moins égal à 12,5 % des inscrits").

    >>> share_of_registered_reached(125, 1000, Fraction(1, 8))  # 8 * 125 >= 1000
    True
    >>> share_of_registered_reached(100, 1001, Fraction(1, 10))
    False

    .. seealso:: Code électoral, art. L162 (12,5 %) and L210-1 (12,5 %, 10 % before 2011).
    """
    return _reaches(votes, registered, share, "registered")


def share_of_expressed_reached(votes: int, expressed: int, share: Fraction) -> bool:
    """Whether ``votes >= share * expressed`` ("au moins 10 % des suffrages exprimés").

    >>> tenth = Fraction(1, 10)
    >>> share_of_expressed_reached(10, 100, tenth), share_of_expressed_reached(9, 100, tenth)
    (True, False)

    .. seealso:: Code électoral, art. L264 and L346 (10 % to stand, 5 % to merge), L262 and
       L338 (5 % for seats): each says "au moins", so the boundary is included.
    """
    return _reaches(votes, expressed, share, "expressed")


def _reaches(votes: int, base: int, share: Fraction, base_name: str) -> bool:
    if not isinstance(share, Fraction) or not 0 <= share <= 1:
        raise InvalidArgumentError(f"share {share!r} must be a Fraction between 0 and 1")
    return reaches(as_count(votes, "votes"), as_count(base, base_name), share)


# -- thresholds as records -----------------------------------------------------------------


def absolute_majority_threshold(expressed: int, legal_basis: str) -> Threshold:
    """The absolute majority of ``expressed`` as a :class:`~electoral_rules.Threshold`.

    >>> absolute_majority_threshold(36054394, "Constitution, art. 7").votes
    18027198
    """
    return Threshold(
        name=MAJORITY,
        share=Fraction(1, 2),
        base="expressed",
        base_count=as_count(expressed, "expressed"),
        inclusive=False,
        legal_basis=legal_basis,
    )


def quarter_threshold(registered: int, legal_basis: str) -> Threshold:
    """A quarter of ``registered`` as a :class:`~electoral_rules.Threshold` (inclusive).

    >>> quarter_threshold(47582183, "Code électoral, art. L126").votes
    11895546
    """
    return Threshold(
        name=QUARTER,
        share=Fraction(1, 4),
        base="registered",
        base_count=as_count(registered, "registered"),
        inclusive=True,
        legal_basis=legal_basis,
    )


def share_of_registered_threshold(share: Fraction, registered: int, legal_basis: str) -> Threshold:
    """The share of registered needed to stand in the second round (inclusive).

    >>> share_of_registered_threshold(Fraction(1, 8), 1000, "Code électoral, art. L162").votes
    125
    """
    return Threshold(
        name=QUALIFICATION,
        share=share,
        base="registered",
        base_count=as_count(registered, "registered"),
        inclusive=True,
        legal_basis=legal_basis,
    )


# -- candidates ----------------------------------------------------------------------------


def people_of(
    people: Mapping[str, Candidate | PartyList | Sequence[Candidate]] | Iterable[Candidate | PartyList] | None,
    names: Iterable[str] | None = None,
) -> dict[str, tuple[Candidate, ...]]:
    """Normalise the ways people may be given into ``{name in the tally: (persons...)}``.

    Accepted: an iterable of :class:`~electoral_rules.Candidate` (keyed by their name) or
    of :class:`~electoral_rules.PartyList` (a binôme keyed by its name), or a mapping from
    the tally's names to a candidate, a ``PartyList`` or a sequence of candidates. With
    ``names`` (the tally's), a name of ``people`` that is not among them is an error.

    >>> people_of([Candidate(name="A")])["A"][0].name
    'A'
    >>> [p.name for p in people_of({"X-Y": (Candidate(name="X"), Candidate(name="Y"))})["X-Y"]]
    ['X', 'Y']
    >>> people_of([Candidate(name="Z")], ["A", "B"])  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    electoral_rules.errors.InvalidArgumentError: people: 'Z' is not in the tally ...
    """
    if people is None:
        return {}
    result: dict[str, tuple[Candidate, ...]] = {}
    if isinstance(people, Mapping):
        for name, held in people.items():
            if not isinstance(name, str):
                raise InvalidArgumentError(f"people: every key must be a name of the tally, got {name!r}")
            result[name] = _persons(held, name)
    else:
        given: object = people
        if not isinstance(given, Iterable) or isinstance(given, (str, bytes)):
            raise InvalidArgumentError(
                f"people must be Candidate records, PartyList records or a mapping, got {people!r}"
            )
        for item in given:
            if not isinstance(item, (Candidate, PartyList)):
                raise InvalidArgumentError(f"people: expected Candidate or PartyList records, got {item!r}")
            if item.name in result:
                raise InvalidArgumentError(f"people: {item.name!r} is given twice")
            result[item.name] = _persons(item, item.name)
    if names is not None:
        if not isinstance(names, Iterable) or isinstance(names, (str, bytes)):
            raise InvalidArgumentError(f"names must be the tally's names, not {type(names).__name__} ({shown(names)})")
        known = list(names)
        for name in result:
            if name not in known:
                raise InvalidArgumentError(
                    f"people: {name!r} is not in the tally ({', '.join(map(repr, known))})"
                )
    return result


def _persons(held: object, name: str) -> tuple[Candidate, ...]:
    if isinstance(held, Candidate):
        return (held,)
    if isinstance(held, PartyList):
        return held.candidates
    if isinstance(held, Sequence) and not isinstance(held, (str, bytes)):
        persons = tuple(held)
        if all(isinstance(person, Candidate) for person in persons):
            return persons
    raise InvalidArgumentError(
        f"people for {name!r} must be a Candidate, a PartyList or a sequence of Candidate, got {held!r}"
    )


def check_plurinominal(tally: Tally, seats: int, legal_basis: str) -> None:
    """Check that a plurinominal tally counts ballots, not names, for ``seats`` seats.

    A ballot may carry as many names as there are seats to fill, so the majority is counted
    on the valid ballots (``tally.expressed``), which the tally knows only when it was built
    with ``names_per_ballot`` of at least ``seats`` (a round-2 tally may keep the first
    round's ``names_per_ballot``).

    >>> check_plurinominal(Tally(votes={"A": 60, "B": 50}, expressed=100, names_per_ballot=2), 2, "L294")
    >>> check_plurinominal(Tally(votes={"A": 60, "B": 50}), 2, "L294")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    electoral_rules.errors.InvalidTallyError: a ballot may carry ... names_per_ballot >= 2 (got 1) ...
    """
    require(tally, Tally, "tally (a plurinominal vote)")
    require(legal_basis, str, "legal_basis (the articles applied)")
    seats = as_seats(seats, legal_basis)
    if tally.names_per_ballot < seats:
        raise InvalidTallyError(
            f"a ballot may carry up to as many names as seats to fill ({seats}, {legal_basis}), so "
            f"the tally needs names_per_ballot >= {seats} (got {tally.names_per_ballot}) and "
            "expressed = the number of valid ballots, not the sum of the votes"
        )


# -- ranking and ties ------------------------------------------------------------------------


@dataclass(frozen=True, slots=True, kw_only=True)
class AgeRule:
    """"En cas d'égalité de suffrages, le plus âgé des candidats est élu" and its variants.

    :ivar people: who stands under each name (a binôme holds two: the one holding the oldest
        person wins, L193).
    :ivar legal_basis: the article that states the rule.
    """

    people: People
    legal_basis: str


def _ranked(tally: Tally, names: Iterable[str]) -> list[str]:
    """``names`` by votes, most first; equal votes keep the tally's order."""
    votes = dict(tally.votes.items())
    if names is tally.votes:  # a stable sort keeps the tally's order among equal votes
        return sorted(votes, key=votes.__getitem__, reverse=True)
    order = {name: index for index, name in enumerate(votes)}
    return sorted(names, key=lambda name: (-votes[name], order[name]))


def _take_top(
    votes: Mapping[str, int],
    ranked: Sequence[str],
    places: int,
    *,
    stage: str,
    age: AgeRule | None,
) -> tuple[list[str], Tie | None, str]:
    """The first ``places`` of ``ranked``; equal votes across the boundary make a :class:`Tie`.

    With ``age`` the tie goes to the oldest; without, it is left undetermined. Returns the
    winners (those above the boundary and those who won the tie), the tie if any, and why
    it stays open when the age rule lacks a birth date (``""`` otherwise).
    """
    if places <= 0:
        return [], None, ""
    if len(ranked) <= places or votes[ranked[places - 1]] != votes[ranked[places]]:
        return list(ranked[:places]), None, ""
    level = votes[ranked[places - 1]]
    sure = [name for name in ranked if votes[name] > level]
    group = tuple(name for name in ranked if votes[name] == level)
    need = places - len(sure)
    open_tie = Tie(contenders=group, seats=need, value=Fraction(level), stage=stage)
    if age is None:
        return sure, open_tie, ""
    missing = _missing_ages(group, need, level, stage, age)
    if missing:
        return sure, open_tie, missing
    tie = TieBreak(
        criteria=(oldest_candidate(age.people, legal_basis=age.legal_basis),),
        if_unresolved=IfUnresolved.REPORT,
    ).settle(group, need, votes=dict(votes), value=Fraction(level), stage=stage)
    return sure + list(tie.winners), tie, ""


def top_two_fallback(
    votes: Mapping[str, int],
    reached: Sequence[str],
    others: Sequence[str],
    *,
    stage: str,
    runner_up_tie: RunnerUpTie = RunnerUpTie.ALL_STAND,
) -> tuple[list[str], Tie | None]:
    """The top-two fallback: when fewer than two names ``reached`` the share to stand, the
    best of ``others`` (ranked, most votes first) complete them to two.

    "Si un seul candidat remplit ces conditions, le candidat ayant obtenu après celui-ci le
    plus grand nombre de suffrages peut se maintenir au second tour; si aucun candidat ne
    remplit ces conditions, les deux candidats ayant obtenu le plus grand nombre de
    suffrages au premier tour peuvent se maintenir" (L162, L210-1; L346 for lists). No text
    settles equal votes across that boundary. With ``RunnerUpTie.ALL_STAND`` (the default,
    after the practice :data:`AUREILHAN`) every tied name is added and the tie is returned
    settled (:func:`all_tied_stand`); with ``RunnerUpTie.UNDETERMINED`` the
    :class:`~electoral_rules.Tie` is returned unsettled with the names sure of a place.

    >>> top_two_fallback({"A": 40, "B": 9, "C": 8}, ["A"], ["B", "C"], stage="runner-up place")
    (['B'], None)
    >>> added, tie = top_two_fallback({"A": 40, "B": 9, "C": 9}, ["A"], ["B", "C"], stage="runner-up place")
    >>> added, tie.resolved
    (['B', 'C'], True)
    >>> added, tie = top_two_fallback({"A": 40, "B": 9, "C": 9}, ["A"], ["B", "C"], stage="runner-up place",
    ...                               runner_up_tie=RunnerUpTie.UNDETERMINED)
    >>> added, tie.contenders, tie.undetermined
    ([], ('B', 'C'), 1)
    """
    if not isinstance(runner_up_tie, RunnerUpTie):
        raise InvalidArgumentError(
            f"runner_up_tie must be a RunnerUpTie (ALL_STAND or UNDETERMINED), got {runner_up_tie!r}"
        )
    require(stage, str, "stage (the place at stake)")
    votes = as_counts(votes, f"votes ({stage})")
    for names, what in ((reached, "reached"), (others, "others")):
        if not isinstance(names, Sequence) or isinstance(names, (str, bytes)):
            raise InvalidArgumentError(
                f"{what} must be a sequence of the tally's names, not {type(names).__name__} ({shown(names)})"
            )
        for name in names:
            if as_name(name, what) not in votes:
                raise InvalidArgumentError(f"{what} names {name!r}, which is not in the votes ({stage})")
    added, tie, _ = _take_top(votes, others, 2 - len(reached), stage=stage, age=None)
    if tie is not None and runner_up_tie is RunnerUpTie.ALL_STAND:
        tie = all_tied_stand(tie)
        added = added + list(tie.winners)
    return added, tie


def _missing_ages(group: tuple[str, ...], need: int, level: int, stage: str, age: AgeRule) -> str:
    """Why the age rule cannot settle the tie (a birth date is missing), or ``""``."""
    missing = [
        name
        for name in group
        if name not in age.people
        or not age.people[name]
        or any(person.birth_date is None for person in age.people[name])
    ]
    if not missing:
        return ""
    listed = ", ".join(repr(name) for name in group)
    lacking = ", ".join(repr(name) for name in missing)
    return (
        f"tie for the {stage} between {listed} ({level} votes each, {need} place(s) at "
        f"stake): {age.legal_basis} gives it to the oldest candidate, but no birth date is "
        f"known for {lacking}; pass people= with birth dates"
    )


def _settle_open_ties(
    outcome: RoundOutcome, problems: Sequence[tuple[Tie, str]], if_unresolved: IfUnresolved
) -> RoundOutcome:
    """Report the ties left open (``REPORT``: the outcome, a note for each tie whose data was
    missing) or raise :class:`~electoral_rules.errors.UnresolvedTieError` holding the outcome
    (``RAISE``)."""
    open_ties = [tie for tie in outcome.ties if not tie.resolved]
    if not open_ties:
        return outcome
    if if_unresolved is IfUnresolved.RAISE:
        tie = open_ties[0]
        message = problems[0][1] if problems else (
            f"tie for the {tie.stage} between {', '.join(map(repr, tie.unresolved))} "
            f"({tie.undetermined} place(s) at stake): {outcome.legal_basis} states no rule that settles it"
        )
        raise UnresolvedTieError(message, tie=tie, outcome=outcome)
    if not problems:
        return outcome
    missing = tuple(
        Note.of(
            NoteKind.TIE_UNSETTLED, stage=tie.stage, contenders=tie.contenders, seats=tie.seats, criteria=(),
            reason="missing-data",
        )
        for tie, _ in problems
    )
    return outcome.with_notes(*missing)


# -- the first-round engine -------------------------------------------------------------------


class Qualification(enum.Enum):
    """Who may stand in the second round when seats remain after the first."""

    SHARE_OR_TOP_TWO = "share of registered, else the top two"
    """Those reaching a share of registered; if only one does, the runner-up too; if none,
    the top two (Code électoral, art. L162, L210-1)."""
    TOP_TWO = "the top two after withdrawals"
    """The two with the most votes among those who did not withdraw (Constitution, art. 7)."""
    ALL_NOT_ELECTED = "every candidate not elected"
    """No threshold: every first-round candidate not elected may stand again (plurinominal
    votes: Code électoral, art. L255-3 for municipales, L294 for sénatoriales)."""


@dataclass(frozen=True, slots=True, kw_only=True)
class FirstRoundRule:
    """What an election's first round tests, for :func:`first_round_outcome`.

    :ivar election: the election's name as shown, e.g. ``"législatives"``.
    :ivar seats: seats to fill.
    :ivar majority_basis: the article requiring the absolute majority.
    :ivar quarter_basis: the article requiring a quarter of registered, or ``None`` when there
        is no such condition (présidentielle).
    :ivar qualification: who may stand in the second round.
    :ivar qualification_share: the share of registered for :attr:`Qualification.SHARE_OR_TOP_TWO`.
    :ivar qualification_basis: the article for the qualification rule.
    :ivar age: the age rule for ties among those elected in round 1 (``None``: ties reported).
    :ivar withdrawn: names that withdrew before the second round (présidentielle only).
    :ivar notes: notes to carry on the outcome (e.g. the era applied), as :class:`~electoral_rules.Note`
        records; each is also the trace's first ``NOTE`` steps.
    :ivar method: the outcome's :class:`~electoral_rules.Method` (single-seat or plurinominal).
    :ivar runner_up_tie: what a tie for a top-two fallback place does (:class:`RunnerUpTie`).
    """

    election: str
    seats: int
    majority_basis: str
    quarter_basis: str | None
    qualification: Qualification
    qualification_share: Fraction | None = None
    qualification_basis: str = ""
    age: AgeRule | None = None
    withdrawn: tuple[str, ...] = ()
    notes: tuple[Note, ...] = ()
    method: Method = Method.TWO_ROUND_MAJORITY
    runner_up_tie: RunnerUpTie = RunnerUpTie.ALL_STAND

    legal_basis: str = field(init=False, default="")
    """The articles applied, joined once (:func:`_legal_basis`)."""

    def __post_init__(self) -> None:
        if not isinstance(self.runner_up_tie, RunnerUpTie):
            raise InvalidArgumentError(
                f"runner_up_tie must be a RunnerUpTie (ALL_STAND or UNDETERMINED), got {self.runner_up_tie!r}"
            )
        seats = as_count(self.seats, "seats")
        if seats < 1:
            raise InvalidArgumentError("seats (0) must be >= 1")
        if (self.qualification is Qualification.SHARE_OR_TOP_TWO) != (self.qualification_share is not None):
            raise InvalidArgumentError("qualification_share goes with Qualification.SHARE_OR_TOP_TWO only")
        basis = _legal_basis(self.majority_basis, self.quarter_basis, self.qualification_basis)
        object.__setattr__(self, "legal_basis", basis)


def _needs_registered(tally: Tally, what: str, basis: str) -> int:
    if tally.registered is None:
        raise InvalidTallyError(
            f"registered (électeurs inscrits) is needed for {what} ({basis}); give Tally(registered=...)"
        )
    return tally.registered


def _legal_basis(*parts: str | None) -> str:
    """Join citations, merging articles of one text: ``"Code électoral, art. L126, L162"``."""
    texts: dict[str, list[str]] = {}
    for part in parts:
        if not part:
            continue
        text, sep, article = part.partition(", art. ")
        key = text if sep else part
        articles = texts.setdefault(key, [])
        if sep and article not in articles:
            articles.append(article)
    return "; ".join(f"{text}, art. {', '.join(arts)}" if arts else text for text, arts in texts.items())


def first_round_outcome(
    tally: Tally | Mapping[str, int], rule: FirstRoundRule, *, if_unresolved: IfUnresolved = IfUnresolved.REPORT
) -> RoundOutcome:
    """Apply a first round: elected with an absolute majority (and a quarter of registered
    where required), then who may stand in the second round.

    If more names pass the tests than there are seats, the seats go to those with the most
    votes; equal votes across that boundary are settled by ``rule.age`` or reported.

    >>> rule = FirstRoundRule(election="législatives", seats=1,
    ...     majority_basis="Code électoral, art. L126", quarter_basis="Code électoral, art. L126",
    ...     qualification=Qualification.SHARE_OR_TOP_TWO, qualification_share=Fraction(1, 8),
    ...     qualification_basis="Code électoral, art. L162")
    >>> outcome = first_round_outcome(Tally(votes={"A": 45, "B": 30, "C": 26}, registered=200), rule)
    >>> outcome.elected, outcome.qualified, outcome.eliminated
    ((), ('A', 'B', 'C'), ())

    A tie the law leaves open (or whose birth dates are missing) is reported in the outcome
    with ``if_unresolved=REPORT`` and raised as
    :class:`~electoral_rules.errors.UnresolvedTieError` (holding the outcome) with ``RAISE``.
    """
    tally = as_tally(tally)
    policy = as_if_unresolved(if_unresolved)
    require(rule, FirstRoundRule, "rule (the first round's rule)")
    seats = rule.seats
    majority = absolute_majority_threshold(tally.expressed, rule.majority_basis)
    thresholds = [majority]
    quarter: Threshold | None = None
    if rule.quarter_basis is not None:
        registered = _needs_registered(tally, "the quarter-of-registered test", rule.quarter_basis)
        quarter = quarter_threshold(registered, rule.quarter_basis)
        thresholds.append(quarter)
    share: Threshold | None = None
    if rule.qualification_share is not None:
        registered = _needs_registered(tally, "the second-round qualification", rule.qualification_basis)
        share = share_of_registered_threshold(rule.qualification_share, registered, rule.qualification_basis)
    unknown = [name for name in rule.withdrawn if name not in tally.votes]
    if unknown:
        raise InvalidArgumentError(
            f"withdrawn names {', '.join(map(repr, unknown))} are not candidates in the tally "
            f"(candidates: {', '.join(map(repr, tally.votes))})"
        )

    votes = dict(tally.votes.items())  # a plain dict: the lookups below are the hot path
    ranked = _ranked(tally, tally.votes)
    # The tests on integers: the fewest votes that meet each threshold, compared once per name.
    tests = [test for test in (majority, quarter) if test is not None]
    least = max(test.votes for test in tests)
    passing = [name for name in ranked if votes[name] >= least]

    ties: list[Tie] = []
    elected, tie, problem = _take_top(votes, passing, min(seats, len(passing)), stage="round-one seats", age=rule.age)
    problems = [(tie, problem)] if tie is not None and problem else []
    notes = list(rule.notes)
    crowded: Note | None = None
    if len(passing) > seats:
        crowded = Note.of(NoteKind.MORE_PASS_THAN_SEATS, passed=len(passing), seats=seats)
        notes.append(crowded)
    if tie is not None:
        ties.append(tie)
    remaining = seats - len(elected) - (tie.undetermined if tie is not None else 0)
    undecided = set(tie.unresolved) if tie is not None else set()
    rest = [name for name in ranked if name not in elected and name not in undecided]

    qualified: list[str] = []
    fallback: Note | None = None
    more_ties: list[Tie] = []
    if remaining > 0:
        qualified, more_ties, fallback = _qualify(votes, rest, rule, share)
        ties.extend(more_ties)
        for more in more_ties:
            undecided.update(more.unresolved)
    if share is not None:
        thresholds.append(share)
    eliminated = [name for name in rest if name not in qualified and name not in undecided]

    def trace() -> tuple[Step, ...]:
        steps = [Step(kind=StepKind.NOTE, detail=note) for note in rule.notes]
        for name in ranked:
            count = votes[name]
            steps.extend(
                Step(kind=StepKind.TEST, subject=name, value=Fraction(count), passed=count >= test.votes,
                     note=test.name)
                for test in tests
            )
        if crowded is not None:
            steps.append(Step(kind=StepKind.NOTE, seats=seats, note="more-pass-than-seats", detail=crowded))
        if remaining > 0 and share is not None and rule.qualification is Qualification.SHARE_OR_TOP_TWO:
            need = share.votes
            steps.extend(
                Step(kind=StepKind.TEST, subject=name, value=Fraction(votes[name]),
                     passed=votes[name] >= need, note=share.name)
                for name in rest
            )
            if fallback is not None:
                key = "fallback-runner-up" if fallback.kind is NoteKind.RUNNER_UP_FALLBACK else "fallback-top-two"
                steps.append(Step(kind=StepKind.NOTE, note=key, detail=fallback))
                settled = more_ties[0] if more_ties else None
                if settled is not None and settled.resolved:
                    steps.append(Step(kind=StepKind.NOTE, seats=len(settled.contenders), note="fallback-tied-all-stand",
                                      detail=Note.of(NoteKind.RUNNER_UP_TIE_ALL_STAND, contenders=settled.contenders)))
        steps.extend(Step(kind=StepKind.TIE, seats=t.seats, value=t.value, note=t.stage) for t in ties)
        steps.extend(_results(elected, qualified, eliminated, undecided, ranked, rule.withdrawn))
        return tuple(steps)

    outcome = RoundOutcome(
        election=rule.election,
        round=1,
        tally=tally,
        house=seats,
        elected=tuple(elected),
        qualified=tuple(qualified),
        eliminated=tuple(eliminated),
        ties=tuple(ties),
        thresholds=thresholds_map(*thresholds),
        legal_basis=rule.legal_basis,
        trace_factory=trace,
        notes=tuple(notes),
        method=rule.method,
    )
    return _settle_open_ties(outcome, problems, policy)


def _qualify(
    votes: Mapping[str, int], rest: list[str], rule: FirstRoundRule, share: Threshold | None
) -> tuple[list[str], list[Tie], Note | None]:
    """Who may stand in the second round, among ``rest`` (ranked, not elected); the
    fallback applied, if any."""
    if rule.qualification is Qualification.ALL_NOT_ELECTED:
        return list(rest), [], None
    if rule.qualification is Qualification.TOP_TWO:
        pool = [name for name in rest if name not in rule.withdrawn]
        top, tie, _ = _take_top(votes, pool, 2, stage="second-round places", age=None)
        return top, [tie] if tie is not None else [], None
    assert share is not None
    need = share.votes
    reached = [name for name in rest if votes[name] >= need]
    if len(reached) >= 2:
        return reached, [], None
    others = [name for name in rest if votes[name] < need]
    stage = "runner-up place" if reached else "second-round places"
    fallback = _RUNNER_UP if reached else _TOP_TWO
    top, tie = top_two_fallback(votes, reached, others, stage=stage, runner_up_tie=rule.runner_up_tie)
    return reached + top, [tie] if tie is not None else [], fallback


_RUNNER_UP = Note(kind=NoteKind.RUNNER_UP_FALLBACK)
_TOP_TWO = Note(kind=NoteKind.TOP_TWO_FALLBACK)


def all_tied_stand(tie: Tie) -> Tie:
    """The record of a fallback tie settled by letting every tied candidate stand.

    The places at stake become as many as the tied candidates, all of them winners, settled by
    the practice :data:`AUREILHAN`.

    >>> settled = all_tied_stand(Tie(contenders=("B", "C"), seats=1, value=Fraction(1248),
    ...                              stage="runner-up place"))
    >>> settled.winners, settled.resolved, settled.stage
    (('B', 'C'), True, 'runner-up place')
    """
    require(tie, Tie, f"tie (a fallback tie, settled by {AUREILHAN})")
    return Tie(
        contenders=tie.contenders,
        seats=len(tie.contenders),
        value=tie.value,
        stage=tie.stage,
        winners=tie.contenders,
        resolved_by=(f"all tied may stand ({AUREILHAN})",),
    )


def _results(
    elected: Sequence[str],
    qualified: Sequence[str],
    eliminated: Sequence[str],
    undecided: set[str],
    ranked: Sequence[str],
    withdrawn: Sequence[str] = (),
) -> list[Step]:
    status = dict.fromkeys(elected, "elected")
    status.update(dict.fromkeys(qualified, "qualified"))
    status.update(dict.fromkeys(eliminated, "eliminated"))
    status.update(dict.fromkeys(undecided, "undetermined"))
    status.update({name: "withdrawn" for name in withdrawn if name in eliminated})
    return [Step(kind=StepKind.RESULT, subject=name, note=status[name]) for name in ranked if name in status]


# -- the decisive-round engine -----------------------------------------------------------------


def relative_majority_outcome(
    tally: Tally | Mapping[str, int],
    *,
    election: str,
    seats: int,
    round: int = 2,
    legal_basis: str,
    age: AgeRule | None,
    majority_required: bool = False,
    notes: tuple[Note, ...] = (),
    method: Method = Method.TWO_ROUND_MAJORITY,
    if_unresolved: IfUnresolved = IfUnresolved.REPORT,
) -> RoundOutcome:
    """A decisive round: the ``seats`` names with the most votes are elected.

    Equal votes for the last seat go to the oldest (``age``) or, without an age rule, leave
    the seat undetermined. With ``majority_required`` (présidentielle) a winner must also have
    an absolute majority of expressed votes.

    >>> outcome = relative_majority_outcome(Tally(votes={"A": 40, "B": 35, "C": 25}),
    ...     election="législatives", seats=1, legal_basis="Code électoral, art. L126", age=None)
    >>> outcome.elected, outcome.eliminated
    (('A',), ('B', 'C'))
    """
    tally = as_tally(tally)
    seats = as_seats(seats, election)
    policy = as_if_unresolved(if_unresolved)
    votes = dict(tally.votes.items())
    ranked = _ranked(tally, tally.votes)
    thresholds: list[Threshold] = []
    elected, tie, problem = _take_top(votes, ranked, min(seats, len(ranked)), stage="last seat", age=age)
    majority: Threshold | None = None
    if majority_required:
        majority = absolute_majority_threshold(tally.expressed, legal_basis)
        thresholds.append(majority)
        need = majority.votes
        elected = [name for name in elected if votes[name] >= need]
    ties = [tie] if tie is not None else []
    undecided = set(tie.unresolved) if tie is not None else set()
    eliminated = [name for name in ranked if name not in elected and name not in undecided]

    def trace() -> tuple[Step, ...]:
        steps = [Step(kind=StepKind.NOTE, detail=note) for note in notes]
        if majority is not None:
            need = majority.votes
            steps.extend(
                Step(kind=StepKind.TEST, subject=name, value=Fraction(votes[name]),
                     passed=votes[name] >= need, note=majority.name)
                for name in ranked
            )
        steps.extend(Step(kind=StepKind.TIE, seats=t.seats, value=t.value, note=t.stage) for t in ties)
        steps.extend(_results(elected, (), eliminated, undecided, ranked))
        return tuple(steps)

    outcome = RoundOutcome(
        election=election,
        round=round,
        tally=tally,
        house=seats,
        elected=tuple(elected),
        eliminated=tuple(eliminated),
        ties=tuple(ties),
        thresholds=thresholds_map(*thresholds) if thresholds else FrozenMap(),
        legal_basis=legal_basis,
        trace_factory=trace,
        notes=notes,
        method=method,
    )
    return _settle_open_ties(outcome, [(tie, problem)] if tie is not None and problem else [], policy)


def plurinominal_round(
    tally: Tally | Mapping[str, int],
    seats: int,
    *,
    round: int,
    election: str,
    legal_basis: str,
    people: Mapping[str, Candidate] | Iterable[Candidate] | None = None,
    qualification_basis: str = "",
    if_unresolved: IfUnresolved = IfUnresolved.REPORT,
) -> RoundOutcome:
    """One round of a plurinominal two-round vote: majoritarian sénatoriales (L294) and
    small-commune municipales (L253) share this text word for word.

    Round 1: elected with an absolute majority of the valid ballots and a quarter of the
    registered, the highest first if more pass than there are seats; every other candidate
    may stand again. Round 2: the ``seats`` highest; equal votes elect the oldest.

    >>> t = Tally(votes={"A": 60, "B": 55, "C": 45}, registered=120, expressed=100, names_per_ballot=2)
    >>> plurinominal_round(t, 2, round=1, election="sénatoriales",
    ...                    legal_basis="Code électoral, art. L294").elected
    ('A', 'B')
    """
    tally = as_tally(tally)
    for text, what in ((election, "election"), (legal_basis, "legal_basis"),
                       (qualification_basis, "qualification_basis")):
        require(text, str, f"{what} (plurinominal round)")
    seats = as_seats(seats, legal_basis)
    round = as_round(round, legal_basis)
    if_unresolved = as_if_unresolved(if_unresolved)
    check_plurinominal(tally, seats, legal_basis)
    age = AgeRule(people=people_of(people, tally.votes), legal_basis=legal_basis)
    if round == 1:
        rule = FirstRoundRule(
            election=election,
            seats=seats,
            majority_basis=legal_basis,
            quarter_basis=legal_basis,
            qualification=Qualification.ALL_NOT_ELECTED,
            qualification_basis=qualification_basis,
            age=age,
            method=Method.PLURINOMINAL_TWO_ROUND_MAJORITY,
        )
        return first_round_outcome(tally, rule, if_unresolved=if_unresolved)
    if round == 2:
        return relative_majority_outcome(
            tally, election=election, seats=seats, legal_basis=legal_basis, age=age,
            method=Method.PLURINOMINAL_TWO_ROUND_MAJORITY, if_unresolved=if_unresolved,
        )
    raise InvalidArgumentError(f"round ({round!r}) must be 1 or 2 ({legal_basis})")
