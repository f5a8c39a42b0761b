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

import gc
import hashlib
import importlib.metadata
import os
from collections import Counter
from collections.abc import Callable, Container, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from operator import itemgetter
from pathlib import Path
from typing import Any, get_args

from .._mapping import FrozenMap
from ..errors import OfficialFileError
from ._checker import (
    Finding,
    ReadError,
    Totals,
    Verdict,
    _Checker,
)
from ._safexml import check_path, read_path
from ._settle import Entities, ReadFigures, Settle
from ._xml_fast import _read_loaded
from .ministry_csv import open_open_data
from .records import (
    DepartmentIndex,
    Level,
    OfficialDocument,
    Place,
    Reference,
    ResultFile,
)
from .verify_opendata import OpenDataChecker

_FRANCE, _REGION, _DEPARTMENT, _SECTION, _COMMUNE, _ARRONDISSEMENT, _CONSTITUENCY, *_ = Level
"""The levels as module constants, read per place (see ``records``)."""

__all__ = [
    "PROGRESS_ROWS",
    "SPREADSHEET_SUFFIXES",
    "TABLE_SUFFIXES",
    "Finding",
    "Progress",
    "ReadError",
    "SourceFile",
    "Totals",
    "Verdict",
    "VerificationReport",
    "aggregate",
    "official_files",
    "verify_documents",
    "verify_path",
]

Progress = Callable[[int, int, str], None]
"""``progress(done, total, path)``: called after each file is read, and every
:data:`PROGRESS_ROWS` places within a table (the CLI draws a bar)."""

PROGRESS_ROWS = 2000
_SETTLE_ROWS = True
"""Whether the rows of a municipales table whose every check agrees are checked from their
figures without records (:meth:`~electoral_rules.io.verify_opendata.OpenDataChecker.settle`);
the tests turn it off to compare the report with the general path's."""

_FAULTS = frozenset({Verdict.DISAGREES, Verdict.UNREADABLE})

TABLE_SUFFIXES = frozenset({".csv", ".txt", ".tsv", ".xlsx", ".xls"})
"""The extensions of the open-data tables (:mod:`electoral_rules.io.ministry_csv`)."""
SPREADSHEET_SUFFIXES = frozenset({".ods"})
"""Spreadsheets that are not read (``.xlsx`` and ``.xls`` are, with the optional extra ``xlsx``)."""


def _library_version() -> str:
    try:
        return importlib.metadata.version("electoral-rules")
    except importlib.metadata.PackageNotFoundError:  # pragma: no cover - run from a source tree
        return "unknown"


@dataclass(frozen=True, slots=True, kw_only=True)
class SourceFile:
    """A file read by :func:`verify_path`, for the audit trail of a report.

    :ivar sha256: the SHA-256 of the bytes read (hexadecimal).
    :ivar format: ``"xml"`` or ``"open data"``.
    :ivar encoding, layout, election, year, round: what was found of an open-data table.
    :ivar places: how many places (rows, or runs of rows) of a table were read.
    """

    path: str
    sha256: str
    format: str
    encoding: str = ""
    layout: str = ""
    election: str = ""
    year: int | None = None
    round: int | None = None
    places: int = 0

    def to_dict(self) -> dict[str, str | int | None]:
        """The file's entry as JSON-able data."""
        return {
            "path": self.path,
            "sha256": self.sha256,
            "format": self.format,
            "encoding": self.encoding,
            "layout": self.layout,
            "election": self.election,
            "year": self.year,
            "round": self.round,
            "places": self.places,
        }


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
    :ivar sources: what was read of each file: its SHA-256, format, encoding, layout,
        places (see :class:`SourceFile`).
    :ivar skipped: files in the folder that are not result files (by their extension).
    """

    files: tuple[str, ...]
    findings: tuple[Finding, ...] = ()
    agreed: FrozenMap[str, int] = field(default_factory=FrozenMap)
    errors: tuple[ReadError, ...] = ()
    aggregates: FrozenMap[tuple[str, str], FrozenMap[int, Totals]] = field(default_factory=FrozenMap)
    sources: tuple[SourceFile, ...] = ()
    skipped: tuple[str, ...] = ()

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
    def unreadable_rows(self) -> tuple[Finding, ...]:
        """Rows of tables that could not be read (each a finding with its file and line)."""
        return tuple(f for f in self.findings if f.verdict is Verdict.UNREADABLE)

    @property
    def exit_code(self) -> int:
        """2 if a file could not be read (or nothing was found), else 1 if a figure
        disagrees or a row of a table could not be read, else 0."""
        if self.errors:
            return 2
        return 1 if any(f.verdict in _FAULTS for f in self.findings) else 0

    def counts(self) -> dict[str, int]:
        """How many files, places and checks of each verdict."""
        by_verdict = Counter(f.verdict for f in self.findings)
        return {
            "files": len(self.files),
            "unreadable_files": len(self.errors),
            "skipped_files": len(self.skipped),
            "places": sum(source.places for source in self.sources),
            "agreements": self.agreement_count,
            "disagreements": by_verdict[Verdict.DISAGREES],
            "undetermined": by_verdict[Verdict.UNDETERMINED],
            "not_checked": by_verdict[Verdict.NOT_CHECKED],
            "unreadable_rows": by_verdict[Verdict.UNREADABLE],
        }

    def to_dict(self) -> dict[str, Any]:
        """The report as JSON-able data (strings, ints, lists and dicts only)."""
        return {
            "library_version": _library_version(),
            "exit_code": self.exit_code,
            "counts": self.counts(),
            "files": list(self.files),
            "sources": [source.to_dict() for source in self.sources],
            "skipped": list(self.skipped),
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
        shown = (Verdict.UNREADABLE, Verdict.DISAGREES, Verdict.UNDETERMINED, Verdict.NOT_CHECKED) + (
            (Verdict.AGREES,) if verbose else ()
        )
        labels = {
            Verdict.DISAGREES: "DISAGREES",
            Verdict.UNDETERMINED: "UNDETERMINED",
            Verdict.NOT_CHECKED: "not checked",
            Verdict.AGREES: "agrees",
            Verdict.UNREADABLE: "UNREADABLE ROW",
        }
        for finding in self.findings:
            if finding.verdict in shown:
                detail = ""
                if finding.verdict is Verdict.DISAGREES and (finding.expected or finding.found):
                    detail = f" (expected {finding.expected}, file says {finding.found})"
                if finding.verdict is Verdict.DISAGREES and finding.legal_basis:
                    detail += f" [{finding.legal_basis}]"
                where = finding.element
                if finding.line is not None:
                    where = f"line {finding.line}"
                    if finding.place:
                        where += f", {finding.place} {finding.place_name}".rstrip()
                lines.append(
                    f"{labels[finding.verdict]} {finding.path}, {where}: {finding.check}: {finding.message}{detail}"
                )
        files = f"{len(self.files)} file{'s' if len(self.files) != 1 else ''}"
        agreed = f"{self.agreement_count} check{'s' if self.agreement_count != 1 else ''} agree"
        places = sum(source.places for source in self.sources)
        if places:
            files += f" ({places} place{'s' if places != 1 else ''} in tables)"
        if self.exit_code == 0:
            extra = f", {len(self.not_checked)} not checked" if self.not_checked else ""
            undetermined = f", {len(self.undetermined)} undetermined" if self.undetermined else ""
            lines.append(f"Everything agrees: {files}, {agreed}{undetermined}{extra}.")
        else:
            rows = len(self.unreadable_rows)
            lines.append(
                f"{len(self.disagreements)} disagreement(s), {len(self.errors)} unreadable file(s)"
                + (f", {rows} unreadable row(s)" if rows else "")
                + f"; {files}, {agreed}"
                + (f", {len(self.not_checked)} not checked" if self.not_checked else "")
                + "."
            )
        return "\n".join(lines)


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
    for document in _documents(documents):
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
    for document in _documents(documents):
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


def _documents(documents: object) -> list[OfficialDocument]:
    """``documents`` as a list, each one a document the reader returns, or the library's error."""
    kinds = get_args(OfficialDocument)
    if isinstance(documents, (str, bytes)) or not isinstance(documents, Iterable):
        raise OfficialFileError(f"documents must be a sequence of read documents, not {type(documents).__name__}")
    items = list(documents)
    for item in items:
        if not isinstance(item, kinds):
            raise OfficialFileError(
                f"{type(item).__name__} is not a document read by read_official_file or read_bytes"
            )
    return items


def official_files(
    path: str | os.PathLike[str],
    *,
    on_error: Callable[[OfficialFileError], None] | None = None,
    suffixes: Container[str] | None = (".xml",),
) -> list[Path]:
    """The XML files under ``path`` (itself if a file), sorted by path.

    The same list as ``sorted(p for p in Path(path).rglob("*") if p.is_file() and
    p.suffix.lower() == ".xml")``, found with one ``os.scandir`` per folder and without a
    ``stat`` per file: like ``rglob``, it lists files behind symbolic links but does not
    descend into linked folders. Unlike ``rglob``, a folder or entry that cannot be read
    (permissions, a vanished mount) is never skipped silently.

    :param suffixes: the extensions listed (lower case, with the dot); ``None`` lists every
        file.
    :param on_error: called with an :class:`~electoral_rules.errors.OfficialFileError`
        naming each folder or entry that cannot be read, and the search goes on (as
        ``os.walk``'s ``onerror``); without it the first such error is raised.
    :raises OfficialFileError: when ``path`` does not exist, or a folder inside it cannot
        be listed and no ``on_error`` is given.
    """
    check_path(path)
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
                if suffixes is not None and not (0 < dot < len(name) - 1 and name[dot:].lower() in suffixes):
                    continue
                if not entry.is_file():
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


def verify_path(
    path: str | os.PathLike[str],
    *,
    progress: Progress | None = None,
    round: int | None = None,
    year: int | None = None,
) -> VerificationReport:
    """Read Ministry files (a file or a folder tree of them) and check every figure.

    XML files are read by :mod:`electoral_rules.io.ministry_xml` and checked as described
    above; open-data tables (``.csv``, ``.txt``, ``.tsv``) are read row by row by
    :mod:`electoral_rules.io.ministry_csv` and each place is checked as soon as it is read
    (:mod:`electoral_rules.io.verify_opendata`), so memory stays bounded. Unreadable files
    are listed in :attr:`VerificationReport.errors` (exit code 2), unreadable rows are
    findings (exit code 1), and everything else is still checked. Other files of a folder
    are listed in :attr:`VerificationReport.skipped`.

    :param path: a file, or a directory searched recursively.
    :param progress: called as ``progress(done, total, path)`` after each file is read and
        every :data:`PROGRESS_ROWS` places of a table.
    :param round, year: the round and year of tables whose names do not say them
        (``..._t1...``, ``...2026...``).

    >>> verify_path("/nonexistent/folder").exit_code
    2
    """
    check_path(path)
    errors: list[ReadError] = []

    def unreadable(err: OfficialFileError) -> None:
        errors.append(ReadError(path=err.path or "", element=err.element or "", message=_bare(err)))

    try:
        found = official_files(path, on_error=unreadable, suffixes=None)
    except OfficialFileError:
        return VerificationReport(
            files=(),
            errors=(ReadError(path=os.fspath(path), element="", message="no such file or directory"),),
        )
    paths: list[Path] = []
    skipped: list[str] = []
    for file in found:
        suffix = file.suffix.lower()
        if suffix == ".xml" or suffix in TABLE_SUFFIXES or suffix in SPREADSHEET_SUFFIXES:
            paths.append(file)
        else:
            skipped.append(file.as_posix())
    checker = _Checker()
    collected = _Collector()  # what the sums need: each document is dropped once checked
    sources: list[SourceFile] = []
    read: list[str] = []
    # The records read and built here form no reference cycles: pausing the cyclic collector
    # spares it from scanning every fresh element tree and every record again and again (it
    # otherwise takes a third of the time on a national tree). It is restored on the way out.
    collecting = gc.isenabled()
    gc.disable()
    try:
        for index, file in enumerate(paths, start=1):
            suffix = file.suffix.lower()
            try:
                if suffix == ".xml":
                    data, name = read_path(file)
                    digest = hashlib.sha256(data).hexdigest()
                    document = _read_loaded(data, name)
                    del data
                    sources.append(SourceFile(path=file.as_posix(), sha256=digest, format="xml"))
                    # checked now, while its records are fresh in memory; then only what the
                    # sums need is kept
                    collected.add(document, checker.document(document))
                    del document
                elif suffix in TABLE_SUFFIXES:
                    sources.append(_verify_table(file, checker, progress, index, len(paths), round, year))
                else:
                    raise OfficialFileError(
                        f"a spreadsheet ({suffix}) is not read: save it as CSV (UTF-8, ';') from the "
                        "spreadsheet, or use the Ministry's CSV/TXT file of the same results",
                        path=file.as_posix(),
                    )
                read.append(file.as_posix())
            except OfficialFileError as err:
                errors.append(
                    ReadError(path=err.path or file.as_posix(), element=err.element or "", message=_bare(err))
                )
            if progress is not None:
                progress(index, len(paths), file.as_posix())
        if not paths and not errors:
            errors.append(ReadError(path=os.fspath(path), element="", message="no result file found"))
        report = _report(checker, collected, [p.as_posix() for p in paths], errors)
        return replace(report, sources=tuple(sources), skipped=tuple(skipped))
    finally:
        if collecting:
            gc.enable()


def _verify_table(
    file: Path,
    checker: _Checker,
    progress: Progress | None,
    index: int,
    total: int,
    round: int | None,
    year: int | None,
) -> SourceFile:
    """Read and check an open-data table place by place; return its audit entry."""
    display = file.as_posix()

    def row_error(err: OfficialFileError) -> None:
        element = err.element or ""
        line = int(element[5:]) if element.startswith("line ") and element[5:].isdigit() else None
        checker.findings.append(
            Finding(
                verdict=Verdict.UNREADABLE,
                check="row can be read",
                path=display,
                element=element,
                message=_bare(err),
                line=line,
            )
        )

    places = 0

    def settle(figures: ReadFigures) -> Settle | None:
        # a row whose every check agrees is checked from its figures, without records
        if not rules.settles():
            return None
        settled = rules.settle

        def row(values: list[str], line: int) -> bool:
            nonlocal places
            found = figures(values)
            if found is None or not settled(found):
                return False
            places += 1
            if progress is not None and places % PROGRESS_ROWS == 0:
                progress(index - 1, total, f"{display}:{line}")
            return True

        return row

    digest = hashlib.sha256()
    table = open_open_data(file, on_error=row_error, round=round, year=year, digest=digest)
    rules = OpenDataChecker(checker, table.layout)
    if _SETTLE_ROWS and isinstance(table.entities, Entities):
        table.entities.settle = settle  # before the first row is read
    try:
        for entity in table.entities:
            rules.entity(entity)
            places += 1
            if progress is not None and places % PROGRESS_ROWS == 0:
                progress(index - 1, total, f"{display}:{entity.line}")
    finally:
        rules.flush()  # the agreements of the settled rows
    layout = table.layout
    return SourceFile(
        path=display,
        sha256=digest.hexdigest(),
        format="open data",
        encoding=table.encoding,
        layout=layout.name,
        election=layout.election,
        year=layout.year,
        round=layout.round,
        places=places,
    )


def _bare(err: OfficialFileError) -> str:
    text = str(err)
    prefix = ", ".join(part for part in (err.path, err.element) if part)
    return text[len(prefix) + 2 :] if prefix and text.startswith(prefix + ": ") else text
