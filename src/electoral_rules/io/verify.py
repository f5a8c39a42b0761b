"""Check official result files: their arithmetic, their aggregation, and the law.

:func:`verify_path` reads a file or a directory tree of Ministry files
(:mod:`electoral_rules.io.ministry_xml`) and returns a :class:`VerificationReport`:

- **arithmetic**, for every round of every place: voters = blank + null + expressed; the
  votes add up to the expressed ballots (one name per ballot; for a plurinominal Senate
  ballot, ``max(votes) <= expressed <= sum(votes) <= seats * expressed``);
  voters <= registered; abstentions = registered - voters; every printed percentage equals
  the exact one rounded to the nearest hundredth (:func:`~electoral_rules.io.records.rounded_percent`);
- **aggregation**: communes -> department -> region -> France entière (arrondissements ->
  commune, Rhône sections -> department). A parent's figures are compared with the sum of its
  children's when the full list of children is known (from ``listeregdptcom.xml`` or the
  department index ``<dpt>IDX.xml``) and every child is present; without such a list, a sum
  that matches is an agreement and one that does not is reported as *not checked* (children
  may be missing). The same place read from two files must agree too;
- **the law**: a proportional Senate constituency's ``NbSieges`` against D'Hondt
  (:func:`~electoral_rules.apportionment.dhondt`, no threshold; Code électoral, art. L295) and
  its ``Elu`` flags against list order; a majoritarian constituency's ``Elu`` flags against
  ``electoral_rules.france.senate.elect`` and the PR2017 qualification for the
  second round against ``electoral_rules.france.presidential.elect``, each through a
  marked hook that reports *not checked* until that rule is in the library.

Agreements of arithmetic and aggregation checks are counted (a national tree has millions);
disagreements, undetermined outcomes and every rule check are listed with their file and
element. :attr:`VerificationReport.exit_code` is what the command line returns: 0 when all
agrees, 1 when an official figure disagrees with the law or the arithmetic, 2 when an input
could not be read.

>>> import pathlib, tempfile
>>> from electoral_rules.io.ministry_xml import _EXAMPLE
>>> with tempfile.TemporaryDirectory() as tmp:
...     _ = (pathlib.Path(tmp) / "075056AR01.xml").write_bytes(_EXAMPLE)
...     report = verify_path(tmp)
>>> report.exit_code, report.disagreements
(0, ())
>>> print(report.to_text().splitlines()[-1])
Everything agrees: 1 file, 4 checks agree.
"""

from __future__ import annotations

import enum
import gc
import os
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, fields
from itertools import chain
from operator import attrgetter, itemgetter
from pathlib import Path
from typing import Any

from .._mapping import FrozenMap
from ..apportionment import dhondt
from ..errors import ElectoralRulesError, OfficialFileError
from ..france import presidential, senate, senate_tables
from ..tiebreak import IfUnresolved, TieBreak
from ._xml_fast import _rate_columns
from .ministry_xml import read_official_file
from .records import (
    _ARRONDISSEMENT,
    _COMMUNE,
    _CONSTITUENCY,
    _FRANCE,
    _REGION,
    _SECTION,
    DepartmentIndex,
    Entity,
    OfficialDocument,
    Place,
    PublishedRate,
    Reference,
    ResultFile,
    RoundResult,
    _rate_agrees,
    _record,
)

__all__ = [
    "Finding",
    "Progress",
    "ReadError",
    "Totals",
    "Verdict",
    "VerificationReport",
    "aggregate",
    "official_files",
    "verify_documents",
    "verify_path",
]

Progress = Callable[[int, int, str], None]
"""``progress(done, total, path)``: called after each file is read (the CLI draws a bar)."""


class Verdict(enum.Enum):
    """How an official figure compares with the law or the arithmetic."""

    AGREES = "agrees"
    DISAGREES = "disagrees"
    UNDETERMINED = "undetermined"
    """The law does not decide (an unresolved tie): neither agreement nor disagreement."""
    NOT_CHECKED = "not checked"
    """The check could not be made (a rule not yet in the library, children missing)."""


@dataclass(frozen=True, slots=True, kw_only=True)
class Finding:
    """One check of one official figure.

    :ivar check: what was checked, e.g. ``"voters = blank + null + expressed"``.
    :ivar path: the file; :ivar element: where in it, e.g. ``"Departement[075]/Tour[1]/Mentions"``.
    :ivar expected: what the law or the arithmetic gives; :ivar found: what the file says.
    """

    verdict: Verdict
    check: str
    path: str
    element: str
    message: str
    expected: str = ""
    found: str = ""
    legal_basis: str = ""

    def to_dict(self) -> dict[str, str]:
        """The finding as a JSON-able mapping (strings only)."""
        return {
            "verdict": self.verdict.value,
            "check": self.check,
            "path": self.path,
            "element": self.element,
            "message": self.message,
            "expected": self.expected,
            "found": self.found,
            "legal_basis": self.legal_basis,
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


@dataclass(frozen=True, slots=True, kw_only=True)
class VerificationReport:
    """What :func:`verify_path` found.

    :ivar files: every file read, in order.
    :ivar findings: every disagreement, undetermined or unchecked item, and every rule check
        (agreements included), in file order.
    :ivar agreed: how many checks agreed, per check name (arithmetic and aggregation
        agreements are counted, not listed).
    :ivar errors: files that could not be read.
    :ivar aggregates: per place key and round, the totals summed from children files.
    """

    files: tuple[str, ...]
    findings: tuple[Finding, ...] = ()
    agreed: FrozenMap[str, int] = field(default_factory=FrozenMap)
    errors: tuple[ReadError, ...] = ()
    aggregates: FrozenMap[tuple[str, str], FrozenMap[int, Totals]] = field(default_factory=FrozenMap)

    @property
    def disagreements(self) -> tuple[Finding, ...]:
        """Official figures that disagree with the law or the arithmetic."""
        return tuple(f for f in self.findings if f.verdict is Verdict.DISAGREES)

    @property
    def agreements(self) -> tuple[Finding, ...]:
        """The listed agreements (rule checks); see :attr:`agreed` for the counts."""
        return tuple(f for f in self.findings if f.verdict is Verdict.AGREES)

    @property
    def undetermined(self) -> tuple[Finding, ...]:
        """Outcomes the law leaves undecided (e.g. a tie for the last seat)."""
        return tuple(f for f in self.findings if f.verdict is Verdict.UNDETERMINED)

    @property
    def not_checked(self) -> tuple[Finding, ...]:
        """Checks that could not be made, with the reason."""
        return tuple(f for f in self.findings if f.verdict is Verdict.NOT_CHECKED)

    @property
    def agreement_count(self) -> int:
        """How many checks agreed in all."""
        return sum(self.agreed.values())

    @property
    def exit_code(self) -> int:
        """2 if a file could not be read, else 1 if a figure disagrees, else 0."""
        if self.errors:
            return 2
        return 1 if self.disagreements else 0

    def to_dict(self) -> dict[str, Any]:
        """The report as JSON-able data (strings, ints, lists and dicts only)."""
        return {
            "exit_code": self.exit_code,
            "files": list(self.files),
            "agreed": dict(self.agreed),
            "agreement_count": self.agreement_count,
            "disagreement_count": len(self.disagreements),
            "findings": [f.to_dict() for f in self.findings],
            "errors": [e.to_dict() for e in self.errors],
        }

    def to_text(self, *, verbose: bool = False) -> str:
        """A readable report: unreadable files, disagreements, undetermined and unchecked items
        (and with ``verbose``, each listed agreement), then a summary line."""
        lines: list[str] = []
        for error in self.errors:
            where = f"{error.path}, {error.element}" if error.element else error.path
            lines.append(f"UNREADABLE {where}: {error.message}")
        shown = (Verdict.DISAGREES, Verdict.UNDETERMINED, Verdict.NOT_CHECKED) + (
            (Verdict.AGREES,) if verbose else ()
        )
        labels = {
            Verdict.DISAGREES: "DISAGREES",
            Verdict.UNDETERMINED: "UNDETERMINED",
            Verdict.NOT_CHECKED: "not checked",
            Verdict.AGREES: "agrees",
        }
        for finding in self.findings:
            if finding.verdict in shown:
                detail = ""
                if finding.verdict is Verdict.DISAGREES and (finding.expected or finding.found):
                    detail = f" (expected {finding.expected}, file says {finding.found})"
                lines.append(
                    f"{labels[finding.verdict]} {finding.path}, {finding.element}: {finding.check}: "
                    f"{finding.message}{detail}"
                )
        files = f"{len(self.files)} file{'s' if len(self.files) != 1 else ''}"
        agreed = f"{self.agreement_count} check{'s' if self.agreement_count != 1 else ''} agree"
        if self.exit_code == 0:
            extra = f", {len(self.not_checked)} not checked" if self.not_checked else ""
            undetermined = f", {len(self.undetermined)} undetermined" if self.undetermined else ""
            lines.append(f"Everything agrees: {files}, {agreed}{undetermined}{extra}.")
        else:
            lines.append(
                f"{len(self.disagreements)} disagreement(s), {len(self.errors)} unreadable file(s); "
                f"{files}, {agreed}."
            )
        return "\n".join(lines)


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

    def add(self, verdict: Verdict, check: str, path: str, element: str, message: str, **extra: str) -> None:
        self.findings.append(
            Finding(verdict=verdict, check=check, path=path, element=element, message=message, **extra)
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
                outcome = senate.elect(item.tally, remaining, round=item.round, date=date)
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
    if any(row[3] != 2 for row in rate_data):
        return False
    return _columns_agree(
        [row[2] for row in rate_data], [row[4] for row in rate_data], [row[5] for row in rate_data]
    )


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


# ---------------------------------------------------------------------------------------
# aggregation


def _parent_key(key: tuple[str, str]) -> tuple[str, str] | None:
    """The key of the place whose figures include this one's."""
    level, path = key
    parts = path.split("/")
    if level == "arrondissement" and len(parts) == 3:
        return ("commune", f"{parts[0]}/{parts[1]}/{parts[2][:3]}")
    if level in ("commune", "section") and len(parts) == 3:
        return ("department", f"{parts[0]}/{parts[1]}")
    if level == "department" and len(parts) == 2:
        return ("region", parts[0])
    if level == "region":
        return ("france", "FE")
    return None


def _expected_children(documents: Sequence[OfficialDocument]) -> dict[tuple[str, str], set[tuple[str, str]]]:
    """Complete lists of children, from the communes reference and department indexes."""
    result: dict[tuple[str, str], set[tuple[str, str]]] = {}
    for document in documents:
        _add_expected_children(result, document)
    return result


def _add_expected_children(
    result: dict[tuple[str, str], set[tuple[str, str]]], document: OfficialDocument
) -> None:
    """Add the children that ``document`` (a communes reference or department index) lists."""
    places: Iterable[Place] = ()
    if isinstance(document, Reference):
        places = document.places
    elif isinstance(document, DepartmentIndex):
        places = [entry.place for entry in document.communes]
    for place in places:
        level = place.level
        if level is _COMMUNE:
            # place.key and _parent_key(place.key) spelled out, for the usual commune
            head = f"{place.region or ''}/{place.department or ''}"
            commune = place.commune or place.code
            if head.count("/") == 1 and "/" not in commune:
                result.setdefault(("department", head), set()).add(("commune", f"{head}/{commune}"))
                continue
        if level is _SECTION:
            continue
        key = place.key
        parent = _parent_key(key)
        if parent is None:
            continue
        result.setdefault(parent, set()).add(key)
        if level is _ARRONDISSEMENT:
            # the commune they divide belongs to its department even when not listed itself
            department = _parent_key(parent)
            if department is not None:
                result.setdefault(department, set()).add(parent)
    if isinstance(document, Reference):
        result.setdefault(("france", "FE"), set()).update(
            p.key for p in document.places if p.level is _REGION
        )


def aggregate(
    documents: Sequence[OfficialDocument], checker: _Checker | None = None
) -> dict[tuple[str, str], dict[int, Totals]]:
    """Sum children into parents level by level: arrondissements -> commune -> department ->
    region -> France; compare with the published parent when there is one.

    :returns: per place key (:attr:`~electoral_rules.io.records.Place.key`) and round,
        the totals summed from children, for every parent whose complete list of children is
        known (communes reference or department index) and present. Parents without a file
        get these sums as their figures for the next level up.

    >>> from electoral_rules.io.ministry_xml import read_bytes, _EXAMPLE, _EXAMPLE_INDEX
    >>> sums = aggregate([read_bytes(_EXAMPLE, "075056AR01.xml"), read_bytes(_EXAMPLE_INDEX, "075IDX.xml")])
    >>> sorted(sums)
    [('commune', '011/075/056'), ('department', '011/075')]
    >>> sums[("department", "011/075")][1].expressed
    6384
    """
    check = checker if checker is not None else _Checker()
    collected = _Collector()
    for document in documents:
        collected.add(document)
    return _sum_up(collected, check)


@dataclass(frozen=True, slots=True)
class _RoundFigures:
    """What the aggregation keeps of a published round: where it is, and its totals."""

    round: int
    path: str
    element: str
    totals: Totals


@dataclass(frozen=True, slots=True)
class _PlaceFigures:
    """What the aggregation keeps of a published place (an :class:`Entity`)."""

    path: str
    element: str
    rounds: tuple[_RoundFigures, ...]

    def round(self, number: int) -> _RoundFigures | None:
        for item in self.rounds:
            if item.round == number:
                return item
        return None


class _Collector:
    """What the aggregation needs of the documents, gathered one document at a time, so that
    :func:`verify_path` need not keep the documents (their records are most of the memory a
    national tree takes)."""

    def __init__(self) -> None:
        self.paths: list[str] = []
        self.published: dict[tuple[str, str], _PlaceFigures] = {}
        """The first place read for each key, in reading order."""
        self.same_place: list[tuple[_PlaceFigures, _PlaceFigures]] = []
        """A place read again, with the first reading, to compare."""
        self.expected: dict[tuple[str, str], set[tuple[str, str]]] = {}

    def add(self, document: OfficialDocument, totals: Sequence[Sequence[Totals]] | None = None) -> None:
        """Keep what the sums need of ``document`` (``totals``: per entity, its rounds'
        published totals, as :meth:`_Checker.document` returns them; made here if not given)."""
        self.paths.append(document.path)
        if not isinstance(document, ResultFile):
            _add_expected_children(self.expected, document)
            return
        for index, entity in enumerate(document.entities):
            made = [Totals.of(item) for item in entity.rounds] if totals is None else totals[index]
            figures = _PlaceFigures(
                path=entity.path,
                element=entity.element,
                rounds=tuple(
                    _RoundFigures(round=item.round, path=item.path, element=item.element, totals=published)
                    for item, published in zip(entity.rounds, made, strict=True)
                ),
            )
            key = entity.place.key
            first = self.published.get(key)
            if first is None:
                self.published[key] = figures
            else:
                self.same_place.append((first, figures))


def _sum_up(collected: _Collector, check: _Checker) -> dict[tuple[str, str], dict[int, Totals]]:
    """:func:`aggregate` on what :class:`_Collector` kept of the documents."""
    for first, again in collected.same_place:
        _compare_same_place(check, first, again)
    published = collected.published
    expected = collected.expected
    observed: dict[tuple[str, str], set[tuple[str, str]]] = {}
    for key in published:
        parent = _parent_key(key)
        if parent is not None:
            observed.setdefault(parent, set()).add(key)
    figures: dict[tuple[str, str], dict[int, Totals]] = {
        key: {item.round: item.totals for item in place.rounds} for key, place in published.items()
    }
    computed: dict[tuple[str, str], dict[int, Totals]] = {}
    order = ("commune", "department", "region", "france")
    for level in order:
        parents = sorted({k for k in (*observed, *expected) if k[0] == level})
        for parent in parents:
            children = sorted(expected.get(parent) or observed.get(parent, set()))
            known = parent in expected
            if level == "department":
                sections = sorted(k for k in observed.get(parent, ()) if k[0] == "section")
                children = [k for k in children if k[0] != "section"]
                if sections and parent in published:
                    _compare_sum(check, published[parent], figures, sections, known=False, what="sections")
            if not all(child in figures for child in children) or not children:
                if parent in published and children and known:
                    missing = [c[1] for c in children if c not in figures]
                    check.add(
                        Verdict.NOT_CHECKED,
                        "sum of children",
                        published[parent].path,
                        published[parent].element,
                        f"{len(missing)} of {len(children)} children have no file (e.g. {missing[0]})",
                    )
                continue
            summed: dict[int, Totals] = {}  # per round, shared with the comparison
            if parent in published:
                _compare_sum(
                    check, published[parent], figures, children, known=known, what="children", sums=summed
                )
            if not known:
                continue  # a sum of the files that happen to be present is no total
            rounds = set.intersection(*(set(figures[child]) for child in children))
            sums = {
                n: summed[n] if n in summed else Totals.sum([figures[child][n] for child in children])
                for n in sorted(rounds)
            }
            computed[parent] = sums
            if parent not in published:
                figures[parent] = sums
                grandparent = _parent_key(parent)
                if grandparent is not None:
                    observed.setdefault(grandparent, set()).add(parent)
    return computed


def _compare_same_place(check: _Checker, first: _PlaceFigures, second: _PlaceFigures) -> None:
    for item in second.rounds:
        other = first.round(item.round)
        if other is None:
            continue
        differences = item.totals.differences(other.totals)
        if not differences:
            check.agreed["same place, same figures"] += 1
        for element, mine, theirs in differences:
            check.add(
                Verdict.DISAGREES,
                "same place, same figures",
                item.path,
                f"{item.element}/{element}",
                f"{mine} here but {theirs} in {other.path}",
                expected=str(theirs),
                found=str(mine),
            )


def _compare_sum(
    check: _Checker,
    parent: _PlaceFigures,
    figures: Mapping[tuple[str, str], Mapping[int, Totals]],
    children: Sequence[tuple[str, str]],
    *,
    known: bool,
    what: str,
    sums: dict[int, Totals] | None = None,
) -> None:
    name = "sum of children" if what == "children" else "sum of sections"
    for item in parent.rounds:
        if not all(item.round in figures[child] for child in children):
            continue
        summed = Totals.sum([figures[child][item.round] for child in children])
        if sums is not None:
            sums[item.round] = summed
        differences = item.totals.differences(summed)
        if not differences:
            check.agreed[name] += 1
            continue
        if not known:
            element, mine, theirs = differences[0]
            check.add(
                Verdict.NOT_CHECKED,
                name,
                item.path,
                f"{item.element}/{element}",
                f"the {len(children)} {what} files present add up to other figures ({theirs} against "
                f"{mine}, {len(differences)} count(s) differ), but the list of {what} is not known to "
                "be complete (add listeregdptcom.xml or the department index)",
            )
            continue
        for element, mine, theirs in differences:
            check.add(
                Verdict.DISAGREES,
                name,
                item.path,
                f"{item.element}/{element}",
                f"the file says {mine} but its {len(children)} {what} add up to {theirs}",
                expected=str(theirs),
                found=str(mine),
            )


# ---------------------------------------------------------------------------------------
# entry points


def verify_documents(
    documents: Sequence[OfficialDocument], *, files: Sequence[str] = (), errors: Sequence[ReadError] = ()
) -> VerificationReport:
    """Check documents already read (see the module docstring for the checks).

    >>> from electoral_rules.io.ministry_xml import read_bytes, _EXAMPLE
    >>> report = verify_documents([read_bytes(_EXAMPLE, "x.xml")])
    >>> report.exit_code, dict(report.agreed)["voters = blank + null + expressed"]
    (0, 1)
    """
    checker = _Checker()
    collected = _Collector()
    for document in documents:
        collected.add(document, checker.document(document))
    return _report(checker, collected, files, errors)


def _report(
    checker: _Checker,
    collected: _Collector,
    files: Sequence[str],
    errors: Sequence[ReadError],
) -> VerificationReport:
    """Aggregate what was collected of the documents (each already through
    :meth:`_Checker.document`) and report."""
    computed = _sum_up(collected, checker)
    return VerificationReport(
        files=tuple(files) or tuple(collected.paths),
        findings=tuple(checker.findings),
        agreed=FrozenMap(sorted(checker.agreed.items())),
        errors=tuple(errors),
        aggregates=FrozenMap((key, FrozenMap(value)) for key, value in sorted(computed.items())),
    )


def official_files(
    path: str | os.PathLike[str], *, on_error: Callable[[OfficialFileError], None] | None = None
) -> list[Path]:
    """The XML files under ``path`` (itself if a file), sorted by path.

    The same list as ``sorted(p for p in Path(path).rglob("*") if p.is_file() and
    p.suffix.lower() == ".xml")``, found with one ``os.scandir`` per folder and without a
    ``stat`` per file: like ``rglob``, it lists files behind symbolic links but does not
    descend into linked folders. Unlike ``rglob``, a folder or entry that cannot be read
    (permissions, a vanished mount) is never skipped silently.

    :param on_error: called with an :class:`~electoral_rules.errors.OfficialFileError`
        naming each folder or entry that cannot be read, and the search goes on (as
        ``os.walk``'s ``onerror``); without it the first such error is raised.
    :raises OfficialFileError: when ``path`` does not exist, or a folder inside it cannot
        be listed and no ``on_error`` is given.
    """
    root = Path(path)
    if root.is_file():
        return [root]
    if not root.is_dir():
        raise OfficialFileError("no such file or directory", path=os.fspath(path))
    found: list[tuple[tuple[str, ...], Path]] = []  # (sort key: Path's order, path)
    folders: list[tuple[Path, tuple[str, ...]]] = [(root, ())]
    while folders:
        folder, key = folders.pop()
        try:
            entries = list(os.scandir(folder))
        except OSError as err:
            _unreadable(folder, err, on_error)
            continue
        for entry in entries:
            name = entry.name
            try:
                if entry.is_dir(follow_symlinks=False):
                    folders.append((folder / name, (*key, os.path.normcase(name))))
                    continue
                dot = name.rfind(".")
                if not (0 < dot < len(name) - 1 and name[dot:].lower() == ".xml") or not entry.is_file():
                    continue
            except OSError as err:
                _unreadable(folder / name, err, on_error)
                continue
            found.append(((*key, os.path.normcase(name)), folder / name))
    found.sort(key=itemgetter(0))
    return [file for _, file in found]


def _unreadable(path: Path, err: OSError, on_error: Callable[[OfficialFileError], None] | None) -> None:
    error = OfficialFileError(f"cannot be listed ({err.strerror or err})", path=path.as_posix())
    if on_error is None:
        raise error
    on_error(error)


def verify_path(path: str | os.PathLike[str], *, progress: Progress | None = None) -> VerificationReport:
    """Read a Ministry file or a directory tree of them and check every figure.

    Unreadable files are listed in :attr:`VerificationReport.errors` (exit code 2) and the
    others are still checked.

    :param path: an XML file, or a directory searched recursively for ``*.xml``.
    :param progress: called as ``progress(done, total, path)`` after each file is read.

    >>> verify_path("/nonexistent/folder").exit_code
    2
    """
    errors: list[ReadError] = []

    def unreadable(err: OfficialFileError) -> None:
        errors.append(ReadError(path=err.path or "", element=err.element or "", message=_bare(err)))

    try:
        paths = official_files(path, on_error=unreadable)
    except OfficialFileError:
        return VerificationReport(
            files=(),
            errors=(ReadError(path=os.fspath(path), element="", message="no such file or directory"),),
        )
    checker = _Checker()
    collected = _Collector()  # what the sums need: each document is dropped once checked
    # The records read and built here form no reference cycles: pausing the cyclic collector
    # spares it from scanning every fresh element tree and every record again and again (it
    # otherwise takes a third of the time on a national tree). It is restored on the way out.
    collecting = gc.isenabled()
    gc.disable()
    try:
        for index, file in enumerate(paths, start=1):
            try:
                document = read_official_file(file)
            except OfficialFileError as err:
                errors.append(
                    ReadError(path=err.path or file.as_posix(), element=err.element or "", message=_bare(err))
                )
            else:
                # checked now, while its records are fresh in memory; then only what the
                # sums need is kept
                collected.add(document, checker.document(document))
                del document
            if progress is not None:
                progress(index, len(paths), file.as_posix())
        if not paths and not errors:
            errors.append(ReadError(path=os.fspath(path), element="", message="no XML file found"))
        return _report(checker, collected, [p.as_posix() for p in paths], errors)
    finally:
        if collecting:
            gc.enable()


def _bare(err: OfficialFileError) -> str:
    text = str(err)
    prefix = ", ".join(part for part in (err.path, err.element) if part)
    return text[len(prefix) + 2 :] if prefix and text.startswith(prefix + ": ") else text
