"""The checker shared by every source: the findings it makes, and the checks of one round's
arithmetic and percentages and of the Senate and presidential rules (see
:mod:`electoral_rules.io.verify`, which drives it over files, and
:mod:`electoral_rules.io.verify_opendata`, which adds the rules of the open-data tables)."""

from __future__ import annotations

import enum
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, fields
from itertools import chain
from operator import attrgetter
from typing import Any

from .._mapping import FrozenMap
from ..apportionment import dhondt
from ..errors import ElectoralRulesError
from ..france import presidential, senate, senate_tables
from ..tiebreak import IfUnresolved, TieBreak
from ._build import _record
from ._rates import _rate_agrees
from ._xml_fast import _rate_columns
from .records import (
    Entity,
    Level,
    OfficialDocument,
    PublishedRate,
    ResultFile,
    RoundResult,
)

_FRANCE, _REGION, _DEPARTMENT, _SECTION, _COMMUNE, _ARRONDISSEMENT, _CONSTITUENCY, *_ = Level
"""The levels as module constants, read per place (see ``records``)."""

__all__ = ["Finding", "ReadError", "Totals", "Verdict"]


class Verdict(enum.Enum):
    """How an official figure compares with the law or the arithmetic."""

    AGREES = "agrees"
    DISAGREES = "disagrees"
    UNDETERMINED = "undetermined"
    """The law does not decide (an unresolved tie): neither agreement nor disagreement."""
    NOT_CHECKED = "not checked"
    """The check could not be made (a rule not yet in the library, children missing)."""
    UNREADABLE = "unreadable"
    """A row of a table that could not be read (truncated, a count that is not a whole
    number...): the rest of the file is still read and checked."""


@dataclass(frozen=True, slots=True, kw_only=True)
class Finding:
    """One check of one official figure.

    :ivar check: what was checked, e.g. ``"voters = blank + null + expressed"``.
    :ivar path: the file; :ivar element: where in it, e.g. ``"Departement[075]/Tour[1]/Mentions"``
        or ``"line 12"``.
    :ivar expected: what the law or the arithmetic gives; :ivar found: what the file says.
    :ivar legal_basis: the article that decides.
    :ivar line: the line of a table the place starts on (``None`` for XML).
    :ivar place, place_name: the place's code (INSEE code of a commune, ``01-02`` for a
        constituency or canton) and name, for the open-data tables.
    """

    verdict: Verdict
    check: str
    path: str
    element: str
    message: str
    expected: str = ""
    found: str = ""
    legal_basis: str = ""
    line: int | None = None
    place: str = ""
    place_name: str = ""

    def to_dict(self) -> dict[str, str | int | None]:
        """The finding as a JSON-able mapping (strings, and the line as an int or null)."""
        return {
            "verdict": self.verdict.value,
            "check": self.check,
            "path": self.path,
            "element": self.element,
            "message": self.message,
            "expected": self.expected,
            "found": self.found,
            "legal_basis": self.legal_basis,
            "line": self.line,
            "place": self.place,
            "place_name": self.place_name,
        }


@dataclass(frozen=True, slots=True, kw_only=True)
class ReadError:
    """A file that could not be read (unsafe, malformed, incomplete)."""

    path: str
    element: str
    message: str

    def to_dict(self) -> dict[str, str]:
        """The error as a JSON-able mapping."""
        return {"path": self.path, "element": self.element, "message": self.message}


@dataclass(frozen=True, slots=True, kw_only=True)
class Totals:
    """One round's counts for one place, published or summed from its children.

    :ivar votes: per candidate (or list), in first-seen order.
    :ivar sources: the files the figures come from.
    """

    registered: int
    voters: int
    blank: int
    null: int
    expressed: int
    votes: FrozenMap[str, int]
    sources: tuple[str, ...] = ()

    @classmethod
    def of(cls, item: RoundResult, votes: dict[str, int] | None = None) -> Totals:
        """The published counts of a round (``votes``: a fresh ``item.votes``, if already at
        hand: it is kept, not copied)."""
        return _totals(
            item.registered,
            item.voters,
            item.blank,
            item.null,
            item.expressed,
            FrozenMap.wrap(item.votes if votes is None else votes),
            (item.path,),
        )

    @classmethod
    def sum(cls, parts: Sequence[Totals]) -> Totals:
        """The sum of several places' counts (candidates absent from a part count 0 there).

        >>> a = Totals(registered=10, voters=8, blank=1, null=1, expressed=6, votes=FrozenMap({"A": 6}))
        >>> b = Totals(registered=5, voters=5, blank=0, null=0, expressed=5, votes=FrozenMap({"B": 5}))
        >>> t = Totals.sum([a, b])
        >>> t.voters, dict(t.votes)
        (13, {'A': 6, 'B': 5})
        >>> dict(Totals.sum([a, a, a]).votes), Totals.sum([]).registered
        ({'A': 18}, 0)
        """
        tables = [part.votes._data for part in parts]  # the plain dicts: much faster to walk
        names = list(tables[0]) if tables else []
        if all(list(table) == names for table in tables):
            # the usual case, the same candidates in the same order: one sum per column
            votes = dict(zip(names, map(sum, zip(*map(dict.values, tables), strict=True)), strict=True))
        else:
            votes = {}
            for table in tables:
                for name, count in table.items():
                    votes[name] = votes.get(name, 0) + count
        return _totals(
            sum(map(_REGISTERED, parts)),
            sum(map(_VOTERS, parts)),
            sum(map(_BLANK, parts)),
            sum(map(_NULL, parts)),
            sum(map(_EXPRESSED, parts)),
            FrozenMap.wrap(votes),
            tuple(chain.from_iterable(map(_SOURCES, parts))),
        )

    def differences(self, other: Totals) -> list[tuple[str, int, int]]:
        """``(element, self, other)`` for each count that differs."""
        result = [
            (element, getattr(self, name), getattr(other, name))
            for element, name in (
                ("Mentions/Inscrits/Nombre", "registered"),
                ("Mentions/Votants/Nombre", "voters"),
                ("Mentions/Blancs/Nombre", "blank"),
                ("Mentions/Nuls/Nombre", "null"),
                ("Mentions/Exprimes/Nombre", "expressed"),
            )
            if getattr(self, name) != getattr(other, name)
        ]
        for name in dict.fromkeys([*self.votes, *other.votes]):
            mine, theirs = self.votes.get(name, 0), other.votes.get(name, 0)
            if mine != theirs:
                result.append((f"Candidat[{name}]/NbVoix", mine, theirs))
        return result


_REGISTERED, _VOTERS, _BLANK, _NULL, _EXPRESSED, _SOURCES = map(
    attrgetter, ("registered", "voters", "blank", "null", "expressed", "sources")
)
_TOTALS_SETTERS = tuple(
    Totals.__dict__[name].__set__
    for name in ("registered", "voters", "blank", "null", "expressed", "votes", "sources")
)
assert tuple(item.name for item in fields(Totals)) == (
    "registered",
    "voters",
    "blank",
    "null",
    "expressed",
    "votes",
    "sources",
), "_totals sets every field"


def _totals(*values: object) -> Totals:
    """``Totals(registered=..., ..., sources=...)`` in field order, without the frozen
    ``__init__``'s field-by-field ``object.__setattr__`` (a national tree makes one per file)."""
    return _record(Totals, _TOTALS_SETTERS, *values)


# ---------------------------------------------------------------------------------------
# the checker


class _Checker:
    def __init__(self) -> None:
        self.findings: list[Finding] = []
        self.agreed: Counter[str] = Counter()

    def check(
        self, ok: bool, check: str, path: str, element: str, message: str, expected: object, found: object
    ) -> None:
        if ok:
            self.agreed[check] += 1
        else:
            self.findings.append(
                Finding(
                    verdict=Verdict.DISAGREES,
                    check=check,
                    path=path,
                    element=element,
                    message=message,
                    expected=str(expected),
                    found=str(found),
                )
            )

    def add(
        self,
        verdict: Verdict,
        check: str,
        path: str,
        element: str,
        message: str,
        *,
        expected: str = "",
        found: str = "",
        legal_basis: str = "",
    ) -> None:
        self.findings.append(
            Finding(
                verdict=verdict,
                check=check,
                path=path,
                element=element,
                message=message,
                expected=expected,
                found=found,
                legal_basis=legal_basis,
            )
        )
        if verdict is Verdict.AGREES:
            self.agreed[check] += 1

    def document(self, document: OfficialDocument) -> list[list[Totals]] | None:
        """Every check of one document on its own (the arithmetic, the rules), in file order.

        :returns: for a results file, each entity's rounds' published totals (made here
            while the votes are at hand, for :meth:`_Collector.add`); ``None`` otherwise.
        """
        if not isinstance(document, ResultFile):
            return None
        totals: list[list[Totals]] = []
        for entity in document.entities:
            rounds: list[Totals] = []
            for item in entity.rounds:
                votes = item.votes
                self.round_arithmetic(item, votes)
                rounds.append(Totals.of(item, votes))
            totals.append(rounds)
            if entity.place.level is _CONSTITUENCY:
                self.senate(entity, document.year)
            else:
                self.presidential(entity)
        return totals

    # -- arithmetic -------------------------------------------------------------------
    def round_arithmetic(self, item: RoundResult, votes: Mapping[str, int] | None = None) -> None:
        if votes is None:
            votes = item.votes
        cast = sum(votes.values())
        registered, voters, expressed, abstentions = (
            item.registered,
            item.voters,
            item.expressed,
            item.abstentions,
        )
        if (
            item.names_per_ballot == 1
            and item.blank + item.null + expressed == voters
            and voters <= registered
            and (abstentions is None or registered - voters == abstentions)
            and cast == expressed
        ):
            # everything agrees (the usual case): count, without composing any message
            agreed = self.agreed
            agreed["voters = blank + null + expressed"] += 1
            agreed["voters <= registered"] += 1
            if abstentions is not None:
                agreed["abstentions = registered - voters"] += 1
            agreed["votes add up to expressed"] += 1
        else:
            self.round_counts(item, votes, cast)
        self.round_rates(item)

    def round_counts(self, item: RoundResult, votes: Mapping[str, int], cast: int) -> None:
        path, element = item.path, item.element
        total = item.blank + item.null + item.expressed
        self.check(
            total == item.voters,
            "voters = blank + null + expressed",
            path,
            f"{element}/Mentions/Votants",
            f"{item.blank} + {item.null} + {item.expressed} = {total} but Votants = {item.voters}",
            total,
            item.voters,
        )
        self.check(
            item.voters <= item.registered,
            "voters <= registered",
            path,
            f"{element}/Mentions/Votants",
            f"Votants = {item.voters} exceeds Inscrits = {item.registered}",
            f"<= {item.registered}",
            item.voters,
        )
        if item.abstentions is not None:
            self.check(
                item.registered - item.voters == item.abstentions,
                "abstentions = registered - voters",
                path,
                f"{element}/Mentions/Abstentions",
                f"{item.registered} - {item.voters} = {item.registered - item.voters} but Abstentions = "
                f"{item.abstentions}",
                item.registered - item.voters,
                item.abstentions,
            )
        if item.names_per_ballot == 1:
            self.check(
                cast == item.expressed,
                "votes add up to expressed",
                path,
                f"{element}/Resultats",
                f"the votes add up to {cast} but Exprimes = {item.expressed}",
                cast,
                item.expressed,
            )
        else:
            top = max(votes.values())
            seats = item.names_per_ballot
            ok = top <= item.expressed and (cast == 0 or item.expressed <= cast <= seats * item.expressed)
            self.check(
                ok,
                "plurinominal votes fit the ballots",
                path,
                f"{element}/Resultats",
                f"max votes {top}, votes {cast}, Exprimes {item.expressed}: expected max <= Exprimes <= "
                f"sum <= {seats} x Exprimes",
                f"{top} <= {item.expressed} <= {cast} <= {seats * item.expressed}",
                "not so",
            )

    def round_rates(self, item: RoundResult) -> None:
        path = item.path
        columns = _rate_columns(item)
        if columns is not None:
            if _columns_agree(*columns):  # without building the round's rate_data
                if columns[0]:
                    self.agreed["percentage rounded to 2 decimals"] += len(columns[0])
                return
        elif _all_rates_agree(item.rate_data):
            if item.rate_data:
                self.agreed["percentage rounded to 2 decimals"] += len(item.rate_data)
            return
        agreed = 0
        for where, tag, digits, decimals, numerator, denominator in item.rate_data:
            if _rate_agrees(digits, decimals, numerator, denominator):
                agreed += 1
                continue
            published = PublishedRate(
                element=f"{where}/{tag}",
                digits=digits,
                decimals=decimals,
                numerator=numerator,
                denominator=denominator,
            )
            expected = " or ".join(_decimal(value) for value in published.expected)
            self.findings.append(
                Finding(
                    verdict=Verdict.DISAGREES,
                    check="percentage rounded to 2 decimals",
                    path=path,
                    element=published.element,
                    message=f"100 x {published.numerator} / {published.denominator} rounds to {expected}",
                    expected=expected,
                    found=_decimal(published.value),
                )
            )
        if agreed:
            self.agreed["percentage rounded to 2 decimals"] += agreed

    # -- Senate ------------------------------------------------------------------------
    def senate(self, entity: Entity, year: int) -> None:
        seats = entity.seats_to_fill
        if seats is None:
            self.add(Verdict.NOT_CHECKED, "seats", entity.path, entity.element, "no <NbSap> (seats to fill)")
            return
        elected_flags = sum(1 for item in entity.rounds for person in _people(item) if person.is_elected)
        if entity.seats_filled is not None:
            self.check(
                entity.seats_filled <= seats,
                "seats filled <= seats to fill",
                entity.path,
                f"{entity.element}/NbSiePourvus",
                f"NbSiePourvus = {entity.seats_filled} but NbSap = {seats}",
                f"<= {seats}",
                entity.seats_filled,
            )
            self.check(
                elected_flags == entity.seats_filled,
                "Elu flags = seats filled",
                entity.path,
                f"{entity.element}/NbSiePourvus",
                f"{elected_flags} candidates marked Elu = OUI but NbSiePourvus = {entity.seats_filled}",
                elected_flags,
                entity.seats_filled,
            )
        for item in entity.rounds:
            if item.lists:
                self.senate_proportional(entity, item, seats)
        if any(item.candidates for item in entity.rounds):
            self.senate_majoritarian(entity, seats, year)

    def senate_proportional(self, entity: Entity, item: RoundResult, seats: int) -> None:
        legal = "Code électoral, art. L295 (plus forte moyenne)"
        try:
            # the lists' published votes, whether or not the round's counts add up: a fault
            # in those is reported by the arithmetic checks, and D'Hondt needs only the votes
            allocation = dhondt(
                item.votes,
                seats,
                tie_break=TieBreak(if_unresolved=IfUnresolved.REPORT),
                legal_basis=legal,
            )
        except ElectoralRulesError as err:
            self.add(Verdict.NOT_CHECKED, "D'Hondt seats", item.path, item.element, f"rule refused: {err}")
            return
        unresolved = {name for tie in allocation.ties for name in tie.unresolved}
        for party in item.lists:
            element = f"{item.element}/Liste[{party.number if party.number is not None else party.name}]"
            if party.seats is None:
                self.add(Verdict.NOT_CHECKED, "D'Hondt seats", item.path, element, "no <NbSieges>")
                continue
            if party.name in unresolved:
                self.add(
                    Verdict.UNDETERMINED,
                    "D'Hondt seats",
                    item.path,
                    f"{element}/NbSieges",
                    f"{party.name!r}: tie for the last seat(s), which the law does not settle; the file "
                    f"gives {party.seats}",
                    legal_basis=legal,
                )
            else:
                self.add(
                    Verdict.AGREES if allocation[party.name] == party.seats else Verdict.DISAGREES,
                    "D'Hondt seats",
                    item.path,
                    f"{element}/NbSieges",
                    f"{party.name!r}: {party.votes} votes, D'Hondt gives {allocation[party.name]} of "
                    f"{seats} seats; the file gives {party.seats}",
                    expected=str(allocation[party.name]),
                    found=str(party.seats),
                    legal_basis=legal,
                )
            ranked = sorted(party.candidates, key=lambda c: c.order if c.order is not None else 0)
            flags = [c.is_elected for c in ranked]
            if ranked and None not in flags:
                expected_flags = [index < party.seats for index in range(len(ranked))]
                self.check(
                    flags == expected_flags,
                    "elected in list order",
                    item.path,
                    f"{element}/Candidats",
                    f"the first {party.seats} candidate(s) of {party.name!r} should be marked Elu = OUI",
                    [c.name for c in ranked[: party.seats]],
                    [c.name for c in ranked if c.is_elected],
                )

    def senate_majoritarian(self, entity: Entity, seats: int, year: int) -> None:
        try:
            date = senate_tables.renewal(year).date
        except ElectoralRulesError:
            date = None
        if date is None:
            self.add(
                Verdict.NOT_CHECKED,
                "majoritarian elected",
                entity.path,
                entity.element,
                f"the date of the {year} senatorial election is not known to the library",
            )
            return
        remaining = seats
        for item in sorted(entity.rounds, key=lambda r: r.round):
            if remaining <= 0:
                break
            flagged = tuple(c.name for c in item.candidates if c.is_elected)
            try:
                outcome = senate.elect(item.tally, remaining, round=item.round, date=date, if_unresolved=IfUnresolved.RAISE)
            except ElectoralRulesError as err:
                self.add(
                    Verdict.NOT_CHECKED,
                    "majoritarian elected",
                    item.path,
                    item.element,
                    f"rule refused: {err}",
                )
                return
            undetermined = outcome.undetermined
            computed = outcome.elected
            if undetermined:
                self.add(
                    Verdict.UNDETERMINED,
                    "majoritarian elected",
                    item.path,
                    item.element,
                    f"the rule leaves the outcome undetermined; the file marks {list(flagged)} elected",
                )
            else:
                self.add(
                    Verdict.AGREES if set(computed) == set(flagged) else Verdict.DISAGREES,
                    "majoritarian elected",
                    item.path,
                    f"{item.element}/Candidats",
                    f"the rule elects {list(computed)}; the file marks {list(flagged)} Elu = OUI",
                    expected=", ".join(computed),
                    found=", ".join(flagged),
                    legal_basis=outcome.legal_basis,
                )
            remaining -= len(flagged) if undetermined else len(computed)

    # -- presidential ------------------------------------------------------------------
    def presidential(self, entity: Entity) -> None:
        first, second = entity.round(1), entity.round(2)
        if first is None or second is None or entity.place.level is not _FRANCE:
            return
        try:
            outcome = presidential.elect(first.tally)
        except ElectoralRulesError as err:
            self.add(
                Verdict.NOT_CHECKED,
                "qualified for round 2",
                entity.path,
                entity.element,
                f"rule refused: {err}",
            )
            return
        qualified = outcome.qualified
        listed = tuple(c.name for c in second.candidates)
        self.add(
            Verdict.AGREES if set(qualified) == set(listed) else Verdict.DISAGREES,
            "qualified for round 2",
            entity.path,
            second.element,
            f"the rule qualifies {list(qualified)}; round 2 lists {list(listed)}",
            expected=", ".join(qualified),
            found=", ".join(listed),
            legal_basis=outcome.legal_basis,
        )


def _all_rates_agree(rate_data: Sequence[tuple[str, str, int, int, int, int]]) -> bool:
    """Whether every percentage printed with two decimals is its exact value rounded to the
    nearest hundredth, in one pass; ``False`` also when some rate has another number of
    decimals or a zero denominator (the caller then checks them one by one).

    The printed hundredths ``d`` of ``100 * n / b`` agree exactly when
    ``|10000 * n / b - d| <= 1/2`` (a tie allows both neighbours), that is, in integers,
    ``|20000 * n - 2 * d * b| <= b``: the same verdict as
    :func:`~electoral_rules.io.records.rounded_percent`, without building a fraction.

    >>> _all_rates_agree([("x", "RapportInscrit", 3963, 2, 15128, 38171)])
    True
    >>> _all_rates_agree([("x", "RapportInscrit", 3962, 2, 15128, 38171)])
    False
    """
    if not rate_data:
        return True
    _, _, digits, decimals, numerators, denominators = zip(*rate_data, strict=True)
    if decimals.count(2) != len(decimals):
        return False
    return _columns_agree(digits, numerators, denominators)


def _columns_agree(digits: Sequence[int], numerators: Sequence[int], denominators: Sequence[int]) -> bool:
    """The check of :func:`_all_rates_agree` on columns of two-decimal rates (see
    :func:`~electoral_rules.io._xml_fast._rate_columns`): ``|20000 * n - 2 * d * b| <= b``
    for every rate, and no zero denominator (a plain loop: faster here than chained maps).

    >>> _columns_agree([3963, 3962], [15128, 15128], [38171, 38171])
    False
    >>> _columns_agree([3963], [15128], [38171]), _columns_agree([0], [0], [0])
    (True, False)
    """
    for digit, numerator, denominator in zip(digits, numerators, denominators, strict=True):
        gap = 20_000 * numerator - 2 * digit * denominator
        if gap > denominator or -gap > denominator or not denominator:
            return False
    return True


def _people(item: RoundResult) -> Iterable[Any]:
    yield from item.candidates
    for party in item.lists:
        yield from party.candidates


def _decimal(value: Any) -> str:
    hundredths = value * 100
    whole, cents = divmod(int(hundredths), 100)
    return f"{whole},{cents:02d}"
