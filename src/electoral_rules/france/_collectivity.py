"""Machinery shared by the assemblies of Corse and of the overseas collectivities.

Every one of them elects a single assembly by list vote in one constituency: a majority
bonus to one list, the other seats by plus forte moyenne, sometimes section by section.
The rule modules (:mod:`~electoral_rules.france.corsica`,
:mod:`~electoral_rules.france.martinique`, :mod:`~electoral_rules.france.guyane`,
:mod:`~electoral_rules.france.polynesia`, :mod:`~electoral_rules.france.new_caledonia`,
:mod:`~electoral_rules.france.saint_pierre_et_miquelon`,
:mod:`~electoral_rules.france.saint_barthelemy`, :mod:`~electoral_rules.france.saint_martin`)
state their articles; this module only checks input and composes the list machinery.

>>> when_of("2021-06-27", first=_dt.date(2015, 12, 1), rule="L.558-19")
datetime.date(2021, 6, 27)
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from fractions import Fraction

from .._dates import as_date
from .._exact import as_counts, as_round, as_seats, grouped, needed, percent_text
from .._mapping import FrozenMap
from ..errors import (
    InvalidArgumentError,
    InvalidTallyError,
    NotImplementedRuleError,
    UnknownConstituencyError,
    UnresolvedTieError,
    UnsupportedEraError,
)
from ..outcome import Allocation, Method, Note, NoteKind, RoundOutcome, Step, StepKind, Threshold, Tie
from ..tally import PartyList, Tally, votes_of
from ..tiebreak import IfUnresolved, as_if_unresolved
from .list_engine import (
    FirstPlaceTie,
    LastSeatTie,
    ListRule,
    ThresholdBase,
    allocate,
    bonus_winner,
    check_round_tallies,
    list_qualification,
    party_lists,
)
from .round_engine import RunnerUpTie

__all__ = [
    "SECTION_TIE_NOTE",
    "Lists",
    "SectionedAssembly",
    "TerritorialCouncil",
    "bonus_allocation",
    "check_if_unresolved",
    "check_round",
    "check_section_votes",
    "combined",
    "expressed_share",
    "half_rounded_up",
    "house_of",
    "people_of",
    "proportional_run",
    "sectioned",
    "third_rounded_up",
    "when_of",
    "winner_or_tie",
]

Lists = Mapping[str, PartyList] | Iterable[PartyList]

SECTION_TIE_NOTE = Note(kind=NoteKind.SECTION_TIE_BY_SECTION_VOTES)
"""A section's last-seat tie went first to the list with the most votes counted in the section:
the texts say « le plus grand nombre de suffrages » without saying where (the library's reading)."""


def when_of(date: object, *, first: _dt.date, rule: str, last: _dt.date | None = None) -> _dt.date:
    """The polling day (:func:`~electoral_rules._dates.as_date`), inside ``[first, last]``.

    :raises InvalidArgumentError: for a ``datetime``, a bad ISO string or another type.
    :raises UnsupportedEraError: for a day outside the era whose text was read.
    """
    when = as_date(date, rule=rule)
    if when < first or (last is not None and when > last):
        span = f"from {first.isoformat()}" + (f" to {last.isoformat()}" if last is not None else "")
        raise UnsupportedEraError(
            f"election of {when.isoformat()}: {rule} is implemented only for the era whose text was read ({span})"
        )
    return when


def check_round(round: object) -> int:
    """``1`` or ``2``, else :class:`InvalidArgumentError`."""
    return as_round(round)


def check_if_unresolved(value: object) -> IfUnresolved:
    """An :class:`IfUnresolved` member, else :class:`InvalidArgumentError`."""
    return as_if_unresolved(value)


def house_of(seats: object, expected: int, rule: str) -> int:
    """The house the law sets: ``seats=None`` gives it, another number is an error naming both."""
    if seats is None:
        return expected
    given = as_seats(seats, rule)
    if given != expected:
        raise InvalidArgumentError(f"seats={given} but {rule} sets {expected} seats")
    return given


def _bonus_tie_note(tie: Tie, bonus: int, rule: str) -> Note:
    return Note.of(NoteKind.BONUS_UNDETERMINED, contenders=tie.contenders, seats=bonus, basis=rule)


def winner_or_tie(
    votes: Tally,
    *,
    round: int,
    people: Mapping[str, PartyList] | None,
    rule: str,
    bonus: int,
    if_unresolved: IfUnresolved,
    quarter_basis: str = "",
) -> tuple[str | None, Tie | None, NoteKind | None]:
    """Who takes the bonus, and why (a ``BONUS_*`` :class:`~electoral_rules.NoteKind`);
    ``None`` with the :class:`Tie` when an unsettled tie is reported.

    With ``quarter_basis`` the round-1 winner also needs a quarter of registered voters; a
    list with an absolute majority below it is a case the texts read leave open.
    """
    if round == 1 and quarter_basis and votes.registered is None:
        raise InvalidTallyError(
            f"{quarter_basis} needs the number of registered voters (a quarter of registered): "
            "give Tally(registered=...)"
        )
    try:
        winner, tie, reason = bonus_winner(votes, round=round, lists=people, rule=rule, bonus=bonus)
    except UnresolvedTieError as error:
        if if_unresolved is IfUnresolved.RAISE or error.tie is None:
            raise
        return None, error.tie, None
    if round == 1 and quarter_basis:
        registered = votes.registered or 0
        if 4 * votes.votes[winner] < registered:
            raise NotImplementedRuleError(
                f"list {winner!r} has an absolute majority of expressed votes but {grouped(votes.votes[winner])} "
                f"votes, under a quarter of the {grouped(registered)} registered: {quarter_basis} gives the "
                "bonus only with both, and calls a second round only without a majority; the text read "
                "does not say what happens then"
            )
    return winner, tie, reason


def bonus_allocation(
    tally: Tally | Mapping[str, int],
    seats: int,
    *,
    bonus: int,
    round: int,
    people: Mapping[str, PartyList] | None,
    if_unresolved: IfUnresolved,
    threshold: Fraction | None,
    legal_basis: str,
    bonus_rule: str,
    election: str,
    threshold_basis: str = "",
    tie_basis: str = "",
    quarter_basis: str = "",
    notes: tuple[Note, ...] = (),
) -> Allocation:
    """A bonus of ``bonus`` seats to one list, then plus forte moyenne over the others, by
    the list engine (:class:`~electoral_rules.france.list_engine.ListRule`).

    Equal leaders: the highest average age; last-seat tie: most votes, then the oldest
    candidate who could be elected (``tie_basis``). With ``quarter_basis`` the round-1
    winner also needs a quarter of registered voters (a majority short of it is refused).
    """
    votes = votes_of(tally)
    if round == 1 and quarter_basis:
        winner_or_tie(votes, round=1, people=people, rule=bonus_rule, bonus=bonus, if_unresolved=if_unresolved,
                      quarter_basis=quarter_basis)
    rule = ListRule(
        election=election,
        legal_basis=legal_basis,
        bonus_seats=bonus,
        majority_basis=bonus_rule,
        threshold=threshold,
        threshold_basis=threshold_basis,
        first_place_tie=FirstPlaceTie.HIGHEST_AVERAGE_AGE,
        last_seat_tie=LastSeatTie.MOST_VOTES_THEN_OLDEST,
        last_seat_basis=tie_basis or legal_basis,
    )
    return allocate(votes, seats, rule, round=round, people=people, if_unresolved=if_unresolved, notes=notes)


def proportional_run(
    votes: Tally | Mapping[str, int],
    seats: int,
    *,
    election: str,
    legal_basis: str,
    tie_basis: str,
    people: Mapping[str, PartyList] | None,
    if_unresolved: IfUnresolved,
    threshold: Fraction | None = None,
    threshold_base: ThresholdBase = ThresholdBase.EXPRESSED,
    threshold_basis: str = "",
    unresolved_hint: str = "the law's criteria do not settle it",
) -> Allocation:
    """Plus forte moyenne without a bonus; last-seat tie: most votes, then the oldest
    candidate who could be elected."""
    rule = ListRule(
        election=election,
        legal_basis=legal_basis,
        threshold=threshold,
        threshold_base=threshold_base,
        threshold_basis=threshold_basis,
        last_seat_tie=LastSeatTie.MOST_VOTES_THEN_OLDEST,
        last_seat_basis=tie_basis,
        unresolved_hint=unresolved_hint,
    )
    return allocate(votes, seats, rule, people=people, if_unresolved=if_unresolved)


def check_section_votes(
    section_votes: Mapping[str, Mapping[str, int]],
    sections: Iterable[str],
    tally: Tally,
    rule: str,
) -> dict[str, dict[str, int]]:
    """Check votes per section and per list against the collectivity-wide tally.

    Every section of the collectivity must be given, no other; each list of a section must
    be in the tally; a list's section votes must add up to its votes in the tally.

    :raises UnknownConstituencyError: for a section the collectivity does not have.
    :raises InvalidArgumentError: for a missing section.
    :raises InvalidTallyError: for a list unknown to the tally or votes that do not add up.
    """
    known = tuple(sections)
    if not isinstance(section_votes, Mapping):
        raise InvalidArgumentError(f"section_votes must map each section to its votes per list ({rule})")
    for section in section_votes:
        if section not in known:
            raise UnknownConstituencyError(
                f"section {section!r} is not one of the sections of {rule}: {', '.join(map(repr, known))}"
            )
    checked: dict[str, dict[str, int]] = {}
    for section in known:
        if section not in section_votes:
            raise InvalidArgumentError(f"no votes given for section {section!r} ({rule})")
        counts = as_counts(section_votes[section], f"votes in section {section!r}")
        for name in counts:
            if name not in tally.votes:
                raise InvalidTallyError(f"list {name!r} has votes in section {section!r} but is not in the tally")
        checked[section] = {name: counts.get(name, 0) for name in tally.votes}
    for name, total in tally.votes.items():
        added = sum(checked[section][name] for section in known)
        if added != total:
            raise InvalidTallyError(
                f"the section votes of list {name!r} add up to {grouped(added)} but its votes in the "
                f"whole constituency are {grouped(total)} ({rule})"
            )
    return checked


def sectioned(
    tally: Tally,
    section_votes: Mapping[str, Mapping[str, int]],
    *,
    section_seats: Mapping[str, int],
    section_bonus: Mapping[str, int],
    winner: str | None,
    threshold: Threshold | None,
    legal_basis: str,
    election: str,
    tie_basis: str,
    if_unresolved: IfUnresolved,
    unresolved_hint: str,
    bonus_reason: NoteKind | None = None,
) -> FrozenMap[str, Allocation]:
    """Allocate each section: its bonus seats to ``winner``, its other seats by plus forte
    moyenne on the votes in ``section_votes`` among the lists that meet ``threshold`` in
    the whole constituency (``None``: all lists).

    Lists under the threshold keep their votes and get no seat (they are in ``excluded``).
    When ``winner`` is ``None`` (an unsettled tie for first place), a section's bonus seats
    stay undetermined.
    """
    allowed = tuple(name for name, n in tally.votes.items() if threshold is None or threshold.met_by(n))
    result: dict[str, Allocation] = {}
    for section, seats in section_seats.items():
        counts = section_votes[section]
        bonus = section_bonus.get(section, 0)
        contenders = {name: counts[name] for name in allowed}
        excluded = tuple(name for name in tally.votes if name not in allowed)
        proportional = seats - bonus
        if proportional:
            core = proportional_run(
                contenders, proportional, election=election, legal_basis=legal_basis, tie_basis=tie_basis,
                people=None, if_unresolved=if_unresolved, unresolved_hint=unresolved_hint,
            )
            steps: Callable[[], tuple[Step, ...]] = core.trace_factory
            ties, notes = core.ties, core.notes
        else:
            core = None
            steps, ties, notes = _no_steps, (), ()
        won = {name: (core.seats.get(name, 0) if core is not None else 0) for name in tally.votes}
        given: dict[str, int] = {}
        if bonus and winner is not None:
            won[winner] += bonus
            given[winner] = bonus
        elif bonus:
            notes = (*notes, Note.of(NoteKind.SECTION_BONUS_UNDETERMINED, section=section, seats=bonus))
        lead = tuple(
            Step(kind=StepKind.BONUS, subject=name, seats=n,
                 detail=None if bonus_reason is None else Note.of(bonus_reason, list=name, seats=n))
            for name, n in given.items()
        )
        lead += tuple(Step(kind=StepKind.THRESHOLD, subject=name, passed=False) for name in excluded)
        result[section] = Allocation(
            seats=FrozenMap(won),
            votes=FrozenMap((name, counts[name]) for name in tally.votes),
            house=seats,
            method=Method.DHONDT,
            quotient=core.quotient if core is not None else None,
            threshold=threshold,
            excluded=excluded,
            bonus=FrozenMap(given),
            ties=ties,
            legal_basis=legal_basis,
            notes=notes,
            trace_factory=_prefixed(lead, steps),
        )
    return FrozenMap(result)


def _no_steps() -> tuple[Step, ...]:
    return ()


def _prefixed(first: tuple[Step, ...], then: Callable[[], tuple[Step, ...]]) -> Callable[[], tuple[Step, ...]]:
    def trace() -> tuple[Step, ...]:
        return first + then()

    return trace


def expressed_share(tally: Tally, share: Fraction, legal_basis: str) -> Threshold:
    """The threshold « au moins <share> des suffrages exprimés sur l'ensemble de la circonscription »."""
    return Threshold(
        name=f"{percent_text(share)} of expressed", share=share, base="expressed",
        base_count=tally.expressed, inclusive=True, legal_basis=legal_basis,
    )


def people_of(people: Lists | None, names: Iterable[str]) -> dict[str, PartyList] | None:
    """Normalise ``people`` (list records) and check their names against the tally."""
    return party_lists(people, names)


def combined(
    tally: Tally,
    parts: Mapping[str, Allocation],
    *,
    legal_basis: str,
    notes: tuple[Note, ...] = (),
    lead_ties: tuple[Tie, ...] = (),
) -> Allocation:
    """The collectivity-wide :class:`Allocation` summed from its sections' allocations.

    Seats, bonus and ties add up; the trace holds the threshold, the bonus and one ``NOTE``
    step per section with its result (each section's allocation explains its own averages).
    """
    seats = {name: sum(part.seats.get(name, 0) for part in parts.values()) for name in tally.votes}
    bonus: dict[str, int] = {}
    for part in parts.values():
        for name, extra in part.bonus.items():
            bonus[name] = bonus.get(name, 0) + extra
    ties = lead_ties + tuple(tie for part in parts.values() for tie in part.ties)
    # each section's own notes (a section's undetermined bonus names its section), once each
    section_notes = tuple(dict.fromkeys(note for part in parts.values() for note in part.notes if note not in notes))
    excluded = tuple(name for name in tally.votes if all(name in part.excluded for part in parts.values()))
    first = next(iter(parts.values()))
    threshold = first.threshold
    steps: list[Step] = []
    if threshold is not None:
        steps.extend(
            Step(kind=StepKind.THRESHOLD, subject=name, passed=name not in excluded, value=threshold.share)
            for name in tally.votes
        )
    steps.extend(Step(kind=StepKind.BONUS, subject=name, seats=extra, note="all sections") for name, extra in bonus.items())
    for section, part in parts.items():
        result = Note.of(NoteKind.SECTION_RESULT, section=section, seats=part.house, won=FrozenMap(part.seats))
        steps.append(Step(kind=StepKind.NOTE, subject=section, seats=part.house, detail=result))
    frozen_steps = tuple(steps)

    def trace() -> tuple[Step, ...]:
        return frozen_steps

    return Allocation(
        seats=FrozenMap(seats),
        votes=tally.votes,
        house=sum(part.house for part in parts.values()),
        method=first.method,
        threshold=first.threshold,
        excluded=excluded,
        bonus=FrozenMap(bonus),
        ties=ties,
        legal_basis=legal_basis,
        notes=notes + section_notes,
        trace_factory=trace,
    )


def third_rounded_up(seats: int) -> int:
    """A third of ``seats``, rounded up (« arrondi, le cas échéant, à l'entier supérieur »).

    >>> third_rounded_up(19), third_rounded_up(23), third_rounded_up(21)
    (7, 8, 7)
    """
    return -(-seats // 3)


def half_rounded_up(seats: int) -> int:
    """Half of ``seats``, rounded up.

    >>> half_rounded_up(15), half_rounded_up(4)
    (8, 2)
    """
    return -(-seats // 2)


@dataclass(frozen=True, slots=True, kw_only=True)
class TerritorialCouncil:
    """The conseil territorial of Saint-Barthélemy or of Saint-Martin, whose articles are worded alike.

    One constituency of ``seats`` members. Round 1: the list with an absolute majority of
    expressed votes **and** a quarter of registered voters takes a third of the seats
    rounded up; round 2: the list with the most votes. The other seats go by plus forte
    moyenne among every list, without a threshold. 10 % of expressed votes to stand in
    round 2, with the top-two fallback; 5 % to merge.

    :ivar election: the assembly's name, as the outcome shows it.
    :ivar seats: the members (the article ``members_article``).
    :ivar members_article: the article that sets the members.
    :ivar bonus_article: the article of the bonus and of the proportional part.
    :ivar round_article: the article of the second round.
    :ivar rule: the articles as a whole, for error messages.
    :ivar version: the version of the text read, cited in the legal basis.
    :ivar first_election: the first polling day the rule applies to.

    >>> council = TerritorialCouncil(election="conseil", seats=19, members_article="LO482",
    ...     bonus_article="LO485", round_article="LO486", rule="LO482 to LO486", version="2015",
    ...     first_election=_dt.date(2007, 7, 1))
    >>> council.bonus
    7
    """

    election: str
    seats: int
    members_article: str
    bonus_article: str
    round_article: str
    rule: str
    version: str
    first_election: _dt.date

    @property
    def bonus(self) -> int:
        """A third of the seats, rounded up."""
        return third_rounded_up(self.seats)

    def allocate(
        self,
        tally: Tally | Mapping[str, int],
        seats: int | None,
        *,
        round: int,
        date: object,
        people: Lists | None,
        if_unresolved: IfUnresolved,
        first_round: Tally | Mapping[str, int] | None,
    ) -> Allocation:
        """Seats per list: the bonus, then plus forte moyenne (the modules' ``allocate``)."""
        when_of(date, first=self.first_election, rule=self.rule)
        votes = votes_of(tally)
        house = house_of(seats, self.seats, self.members_article)
        number = check_round(round)
        policy = check_if_unresolved(if_unresolved)
        lists = people_of(people, votes.votes)
        check_round_tallies(
            votes, number, first_round, stand=Fraction(1, 10), rule=self.round_article, top_two_fallback=True
        )
        return bonus_allocation(
            votes,
            house,
            bonus=self.bonus,
            round=number,
            people=lists,
            if_unresolved=policy,
            threshold=None,
            legal_basis=f"{self.bonus_article} ({self.version})",
            bonus_rule=f"{self.bonus_article} al.{number}",
            tie_basis=self.bonus_article,
            election=self.election,
            quarter_basis=self.bonus_article if number == 1 else "",
        )

    def second_round_qualification(
        self, tally: Tally | Mapping[str, int], *, date: object, runner_up_tie: RunnerUpTie
    ) -> RoundOutcome:
        """Who may stand in round 2: 10 % of expressed votes, the top-two fallback, 5 % to merge."""
        when_of(date, first=self.first_election, rule=self.rule)
        return list_qualification(
            tally,
            election=self.election,
            stand=Fraction(1, 10),
            merge=Fraction(1, 20),
            top_two_fallback=True,
            legal_basis=self.round_article,
            majority_rule=self.bonus_article,
            runner_up_tie=runner_up_tie,
        )


@dataclass(frozen=True, slots=True, kw_only=True)
class SectionedAssembly:
    """An assembly elected in one constituency whose seats are filled section by section:
    Guyane (L558-4), Polynésie française (art. 105), Saint-Pierre-et-Miquelon (LO540).

    The list with the bonus gets each section's share of it; each section's other seats go
    by plus forte moyenne on the votes counted in the section (``votes_by_section``; else on
    the votes of the whole constituency, LO540) among the lists that meet the threshold in
    the whole constituency. A section's last-seat tie goes to the most votes, then to the
    oldest candidate who could be elected (:attr:`LastSeatTie.MOST_VOTES_THEN_OLDEST
    <electoral_rules.france.list_engine.LastSeatTie.MOST_VOTES_THEN_OLDEST>`); where the votes
    are the section's, the outcome carries :data:`SECTION_TIE_NOTE` for it.

    :ivar election: the assembly's name, as the outcome shows it.
    :ivar rule: the articles as a whole, for error messages.
    :ivar bonus_articles: the article giving the bonus in round 1 and in round 2.
    :ivar round_article: the article of the second round (who may stand).
    :ivar stand: the share of expressed votes to stand in round 2 (with the top-two fallback).
    :ivar tie_basis: the article of the last-seat tie.
    :ivar threshold_basis: the article of the 5 % threshold; empty for none (every list).
    :ivar votes_by_section: the averages are computed on each section's own votes.
    :ivar quarter_basis: the article by which the round-1 bonus also needs a quarter of
        registered voters (LO540); empty when it does not.
    :ivar section_votes_help: what ``section_votes=`` holds, for the error when it is missing.
    """

    election: str
    rule: str
    bonus_articles: tuple[str, str]
    round_article: str
    stand: Fraction
    tie_basis: str
    threshold_basis: str = ""
    votes_by_section: bool = True
    quarter_basis: str = ""
    section_votes_help: str = ""

    def run(
        self,
        votes: Tally,
        *,
        round: object,
        people: Lists | None,
        if_unresolved: object,
        first_round: Tally | Mapping[str, int] | None,
        section_votes: Mapping[str, Mapping[str, int]] | None,
        section_seats: Mapping[str, int],
        section_bonus: Mapping[str, int],
        legal_basis: str,
        notes: tuple[Note, ...] = (),
    ) -> tuple[Allocation, FrozenMap[str, Allocation]]:
        """The assembly's allocation and each section's, for a tally already read
        (``votes``) and a house already checked (``section_seats``, ``section_bonus``)."""
        number = check_round(round)
        policy = check_if_unresolved(if_unresolved)
        lists = people_of(people, votes.votes)
        check_round_tallies(votes, number, first_round, stand=self.stand, rule=self.round_article,
                            top_two_fallback=True)
        if self.votes_by_section:
            given = needed(section_votes, "section_votes", self.rule, self.section_votes_help)
            counted = check_section_votes(given, section_seats, votes, self.rule)
        else:
            counted = {section: dict(votes.votes) for section in section_seats}
        bonus_article = self.bonus_articles[number - 1]
        winner, tie, reason = winner_or_tie(
            votes, round=number, people=lists, rule=bonus_article, bonus=sum(section_bonus.values()),
            if_unresolved=policy, quarter_basis=self.quarter_basis if number == 1 else "",
        )
        threshold = None
        if self.threshold_basis:
            threshold = expressed_share(
                votes, Fraction(1, 20),
                f"{self.threshold_basis} (au moins 5 % des suffrages exprimés sur l'ensemble de la circonscription)",
            )
        parts = sectioned(
            votes, counted, section_seats=section_seats, section_bonus=section_bonus, winner=winner,
            threshold=threshold, legal_basis=legal_basis, election=self.election, tie_basis=self.tie_basis,
            if_unresolved=policy, unresolved_hint=f"{self.tie_basis} gives the seat to the oldest candidate who "
            "could be elected; give the sections' candidates to apply it", bonus_reason=reason,
        )
        # every section tie is a last-seat tie settled first by the votes (MOST_VOTES_THEN_OLDEST):
        # when those are the section's own votes, say so once
        if self.votes_by_section and any(part.ties for part in parts.values()):
            notes = (*notes, SECTION_TIE_NOTE)
        total = combined(votes, parts, legal_basis=legal_basis, notes=notes, lead_ties=() if tie is None else (tie,))
        return total, parts
