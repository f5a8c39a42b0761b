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
from dataclasses import replace
from fractions import Fraction

from .._exact import as_count, as_counts, grouped, percent_text
from .._mapping import FrozenMap
from ..errors import (
    InvalidArgumentError,
    InvalidTallyError,
    NotImplementedRuleError,
    UnknownConstituencyError,
    UnresolvedTieError,
    UnsupportedEraError,
)
from ..outcome import Allocation, Method, Note, NoteKind, Step, StepKind, Threshold, Tie
from ..tally import PartyList, Tally, votes_of
from ..tiebreak import IfUnresolved
from .list_engine import (
    LastSeatTie,
    ListRule,
    bonus_winner,
    first_place_steps,
    party_lists,
)
from .list_engine import allocate as _allocate_lists

__all__ = [
    "Lists",
    "bonus_allocation",
    "check_if_unresolved",
    "check_round",
    "check_section_votes",
    "combined",
    "expressed_share",
    "house_of",
    "sectioned",
    "when_of",
]

Lists = Mapping[str, PartyList] | Iterable[PartyList]


def when_of(date: object, *, first: _dt.date, rule: str, last: _dt.date | None = None) -> _dt.date:
    """The polling day as a :class:`datetime.date` (``None``: today), inside ``[first, last]``.

    :raises InvalidArgumentError: for a ``datetime``, a bad ISO string or another type.
    :raises UnsupportedEraError: for a day outside the era whose text was read.
    """
    if date is None:
        when = _dt.date.today()
    elif isinstance(date, str):
        try:
            when = _dt.date.fromisoformat(date)
        except ValueError:
            raise InvalidArgumentError(f"date {date!r} is not an ISO date such as '2021-06-27'") from None
    elif isinstance(date, _dt.datetime) or not isinstance(date, _dt.date):
        raise InvalidArgumentError(f"date must be a datetime.date or an ISO string (the polling day), got {date!r}")
    else:
        when = date
    if when < first or (last is not None and when > last):
        span = f"from {first.isoformat()}" + (f" to {last.isoformat()}" if last is not None else "")
        raise UnsupportedEraError(
            f"election of {when.isoformat()}: {rule} is implemented only for the era whose text was read ({span})"
        )
    return when


def check_round(round: object) -> int:
    """``1`` or ``2``, else :class:`InvalidArgumentError`."""
    if isinstance(round, bool) or round not in (1, 2):
        raise InvalidArgumentError(f"round must be 1 or 2, got {round!r}")
    return 1 if round == 1 else 2


def check_if_unresolved(value: object) -> IfUnresolved:
    """An :class:`IfUnresolved` member, else :class:`InvalidArgumentError`."""
    if not isinstance(value, IfUnresolved):
        raise InvalidArgumentError(f"if_unresolved must be an IfUnresolved member, got {value!r}")
    return value


def house_of(seats: object, expected: int, rule: str) -> int:
    """The house the law sets: ``seats=None`` gives it, another number is an error naming both."""
    if seats is None:
        return expected
    given = as_count(seats, "seats")
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
    threshold_basis: str = "",
    tie_basis: str = "",
    quarter_basis: str = "",
    notes: tuple[Note, ...] = (),
) -> Allocation:
    """A bonus of ``bonus`` seats to one list, then plus forte moyenne over the others.

    Last-seat tie: most votes, then the oldest candidate who could be elected
    (``tie_basis``). An unsettled tie for first place under ``REPORT`` leaves the bonus
    undetermined (no list gets it) and reports the :class:`Tie`.
    """
    votes = votes_of(tally)
    winner, tie, reason = winner_or_tie(
        votes, round=round, people=people, rule=bonus_rule, bonus=bonus, if_unresolved=if_unresolved,
        quarter_basis=quarter_basis,
    )
    rule = ListRule(
        election=bonus_rule,
        legal_basis=legal_basis,
        bonus_seats=bonus,
        majority_basis=bonus_rule,
        threshold=threshold,
        threshold_basis=threshold_basis,
        last_seat_tie=LastSeatTie.MOST_VOTES_THEN_OLDEST,
        last_seat_basis=tie_basis or legal_basis,
    )
    if winner is None:
        assert tie is not None
        partial = _allocate_lists(
            votes, seats - bonus, replace(rule, bonus_seats=None), people=people, if_unresolved=if_unresolved,
            notes=notes,
        )
        return partial.with_changes(
            house=seats, ties=(tie, *partial.ties), notes=(*partial.notes, _bonus_tie_note(tie, bonus, bonus_rule)),
            method=Method.BONUS_THEN_HIGHEST_AVERAGE,
        )
    result = _allocate_lists(
        votes, seats, rule, people=people, if_unresolved=if_unresolved, notes=notes, bonus_to=winner
    )
    trace = _noted_bonus(result.trace_factory, reason)
    if tie is None:
        return result.with_changes(trace_factory=trace)
    lead = first_place_steps(votes, winner, bonus, tie)
    return result.with_changes(ties=(tie, *result.ties), trace_factory=_prefixed(lead, trace))


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
    last_seat: LastSeatTie,
    last_seat_basis: str,
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
        runners = {name: (counts[name] if name in allowed else 0) for name in tally.votes}
        contenders = {
            name: n for name, n in runners.items() if name in allowed or (name == winner and bonus)
        }
        excluded = tuple(name for name in tally.votes if name not in allowed)
        rule = ListRule(
            election=legal_basis,
            legal_basis=legal_basis,
            bonus_seats=bonus if winner is not None and bonus else None,
            majority_basis=legal_basis,
            last_seat_tie=last_seat,
            last_seat_basis=last_seat_basis,
            unresolved_hint=unresolved_hint,
        )
        if winner is not None and bonus:
            core = _allocate_lists(contenders, seats, rule, if_unresolved=if_unresolved, bonus_to=winner)
            if bonus_reason:
                core = core.with_changes(trace_factory=_noted_bonus(core.trace_factory, bonus_reason))
        else:
            core = _allocate_lists(contenders, seats - bonus, rule, if_unresolved=if_unresolved)
            if bonus:
                core = core.with_changes(
                    house=seats,
                    notes=(*core.notes, Note.of(NoteKind.SECTION_BONUS_UNDETERMINED, section=section, seats=bonus)),
                )
        full = FrozenMap((name, core.seats.get(name, 0)) for name in tally.votes)
        dropped = tuple(Step(kind=StepKind.THRESHOLD, subject=name, passed=False) for name in excluded)
        trace = _prefixed(dropped, core.trace_factory)

        result[section] = core.with_changes(
            seats=full,
            votes=FrozenMap((name, counts[name]) for name in tally.votes),
            excluded=excluded,
            threshold=threshold,
            trace_factory=trace,
        )
    return FrozenMap(result)


def _noted_bonus(then: Callable[[], tuple[Step, ...]], reason: NoteKind | None) -> Callable[[], tuple[Step, ...]]:
    """The trace of ``then`` with each ``BONUS`` step saying why its list got the bonus."""

    def trace() -> tuple[Step, ...]:
        return tuple(
            replace(step, detail=Note.of(reason, list=step.subject or "", seats=step.seats or 0))
            if reason is not None and step.kind is StepKind.BONUS
            else step
            for step in then()
        )

    return trace


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
