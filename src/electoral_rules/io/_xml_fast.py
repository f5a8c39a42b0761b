"""The fast path for PR2017 results files of a usual shape: plans, text templates, and the
lazily built rounds (see :mod:`~electoral_rules.io.ministry_xml`). It builds exactly the records
the tree reader (:mod:`~electoral_rules.io._xml_tree`) builds, or gives way to it."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Callable, Container, Iterable, Mapping, Sequence
from dataclasses import dataclass
from itertools import chain, cycle, repeat
from operator import attrgetter, itemgetter

from ..errors import OfficialFileError
from ._build import (
    _CANDIDATE_SETTERS,
    _ENTITY_SETTERS,
    _FILE_SETTERS,
    _ROUND_FIELDS,
    _ROUND_SETTERS,
    _new,
    _record,
)
from ._safexml import check_depth, parse_shallow
from ._xml_tree import _RATE_BASES, _label, _place, _read_document, _Reader
from .records import (
    CandidateResult,
    Entity,
    FileKind,
    Level,
    OfficialDocument,
    ResultFile,
    RoundResult,
)

__all__: list[str] = []

_FRANCE, _REGION, _DEPARTMENT, _SECTION, _COMMUNE, _ARRONDISSEMENT, _CONSTITUENCY, *_ = Level
"""The levels as module constants, read per place (see ``records``)."""

# ---------------------------------------------------------------------------------------
# the fast path for PR2017 results files


_FAST_MENTIONS = {
    ("Inscrits", "Abstentions", "Votants", "Blancs", "Nuls", "Exprimes"): (
        "registered",
        "abstentions",
        "voters",
        "blank",
        "null",
        "expressed",
    ),
    ("Inscrits", "Votants", "Blancs", "Nuls", "Exprimes"): (
        "registered",
        "voters",
        "blank",
        "null",
        "expressed",
    ),
}
_FAST_PERSON = ["NumPanneauCand", "NomPsn", "PrenomPsn", "CivilitePsn", "NbVoix"]
_FAST_TOUR = ["NumTour", "Mentions", "Resultats"]
_FAST_NUMBERS = re.compile(
    r"[0-9]{1,9}(?:\n[0-9]{1,9})*\n\n(?:[0-9]{1,4},[0-9]{2}(?:\n[0-9]{1,4},[0-9]{2})*)?"
)


def _fast_numbers(counts: Sequence[str], rates: Sequence[str]) -> list[int] | None:
    """The counts then the percentages (as hundredths), when every count is 1 to 9 ASCII digits
    (which :meth:`_Reader.count` reads the same way) and every percentage is shaped like
    ``"39,63"``; otherwise ``None``. One pattern match and one conversion for all of them."""
    text = "\n".join(counts) + "\n\n" + "\n".join(rates)
    if _FAST_NUMBERS.fullmatch(text) is None:
        return None
    return list(map(int, text.replace(",", "").split()))


_MAX_FAST_ELEMENTS = 4_000
"""Larger documents (indexes, the communes reference, all of a department's communes) go
straight to the general reader: their shapes rarely repeat."""

_MAX_PLANS = 256
_FAST_OUTER = frozenset({"Tours", "Region", "Departement"})
"""What follows ``Scrutin`` in the results files of the usual shapes."""


def _pick(indices: Sequence[int]) -> Callable[[Sequence[str]], tuple[str, ...]]:
    """A function taking ``indices`` out of a sequence, as a tuple (even of one or none)."""
    if len(indices) > 1:
        return itemgetter(*indices)
    if indices:
        only = indices[0]
        return lambda values: (values[only],)
    return lambda values: ()


@dataclass(frozen=True, slots=True)
class _RoundPlan:
    """Where one round's values are among a document's leaves (see :class:`_Plan`)."""

    fields: tuple[str, ...]
    """The mentions' counts, in order (``"registered"``, ``"voters"``...)."""
    mention_rates: tuple[tuple[str, str, str, str], ...]
    """``(mention tag, rate tag, numerator field, denominator field)`` per mention percentage."""
    candidates: int
    rate_tags: tuple[str, ...]
    """The percentages of each candidate, in order."""
    boards: Callable[[Sequence[str]], tuple[str, ...]]
    last_names: Callable[[Sequence[str]], tuple[str, ...]]
    first_names: Callable[[Sequence[str]], tuple[str, ...]]
    civilities: Callable[[Sequence[str]], tuple[str, ...]]
    mention_tops: tuple[str, ...] = ()
    mention_bases: tuple[str, ...] = ()
    """The numerator and denominator fields of each mention percentage (see :attr:`mention_rates`)."""
    candidate_bases: tuple[str, ...] = ()
    """The denominator field of each of a candidate's percentages (see :attr:`rate_tags`)."""


@dataclass(frozen=True, slots=True)
class _Plan:
    """How to read a PR2017 results document of one shape: which leaf holds which value.

    A shape is the document's elements in document order, each as its tag and number of
    children: it fixes the whole tree. :func:`_make_plan` accepts only the usual shapes (see
    :func:`_read_fast`) and refuses every other.
    """

    level: Level
    kind: FileKind
    outer: str
    """``""`` (France), ``"Region"`` or ``"Departement"``."""
    outer_codes: tuple[str, ...]
    commune_codes: tuple[str, ...] | None
    leaves: Callable[[Sequence[ET.Element]], tuple[ET.Element, ...]]
    """The leaf elements (in document order) out of every element."""
    code_values: Callable[[Sequence[str]], tuple[str, ...]]
    counts: Callable[[Sequence[str]], tuple[str, ...]]
    """``Annee``, then per round ``NumTour``, the mentions' ``Nombre``, the candidates'
    ``NumPanneauCand``, their ``NbVoix``."""
    rates: Callable[[Sequence[str]], tuple[str, ...]]
    """Per round: the mentions' percentages, then the candidates' (candidate by candidate)."""
    count_number: int
    rounds: tuple[_RoundPlan, ...]
    template: re.Pattern[str]
    """The document's text as a pattern (see :func:`_template`): its leaves' texts are its
    groups, in document order."""


def _children(sizes: Sequence[int]) -> list[list[int]]:
    """Each element's children (as positions in document order), from the number of
    children of each element in document order."""
    children: list[list[int]] = [[] for _ in sizes]
    open_: list[int] = []
    left: list[int] = []
    for index, size in enumerate(sizes):
        if open_:
            parent = open_[-1]
            children[parent].append(index)
            left[-1] -= 1
            if not left[-1]:
                open_.pop()
                left.pop()
        if size:
            open_.append(index)
            left.append(size)
    return children


_XML_DECLARATION = (
    r"""\ufeff?(?:<\?xml version=(?:"1\.0"|'1\.0') encoding=(?:"(?:UTF-8|utf-8)"|'(?:UTF-8|utf-8)')\?>)?"""
)
"""An optional byte order mark and UTF-8 declaration (any other declaration: the tree path)."""
_SPACE = r"[ \t\r\n]*"
"""Whitespace between elements and around counts and percentages: XML's four whitespace
characters. XML turns ``\\r\\n`` and a lone ``\\r`` into ``\\n``, which such whitespace
never shows (between elements it is dropped, around a value stripped): files with Windows
line ends take the text path too."""
_COUNT_TEXT = rf"{_SPACE}([0-9]{{1,9}}){_SPACE}"
_RATE_TEXT = rf"{_SPACE}([0-9]{{1,4}},[0-9]{{2}}){_SPACE}"
_LEAF_TEXT = r"([^<&\]\r\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]+)"
"""A leaf's text: characters that XML allows as they are and that no markup can start
(no ``<`` nor ``&``, so no element, comment, CDATA section, entity or character reference;
no ``]`` so no ``]]>``; no ``\\r``, which XML rewrites; none of the characters XML forbids).
Surrogates cannot occur: the text comes from a strict UTF-8 decoding."""


def _template(
    tags: Sequence[str],
    sizes: Sequence[int],
    kids: Sequence[Sequence[int]],
    *,
    numbers: Container[int],
    rates: Container[int],
) -> re.Pattern[str]:
    """The text of every document of one shape, as a pattern whose groups are the leaves' texts.

    It accepts a strict subset of XML: an optional UTF-8 declaration, then the shape's
    elements written ``<Tag>`` and ``</Tag>`` (no attribute, no empty-element tag), only
    whitespace between elements, and leaves holding plain text (:data:`_LEAF_TEXT`). Such a
    text is well formed, and an XML parser makes of it exactly the shape's tree with these
    leaf texts (nothing is decoded or rewritten in it); it holds no document type
    declaration, entity, comment or processing instruction, and it is as deep as the shape.
    Any other text does not match and is read through the tree.

    The leaves at ``numbers`` (counts) and ``rates`` (percentages) must moreover hold the
    strict forms :func:`_fast_numbers` checks, with only ``[ \\t\\n]`` around them: their
    groups are then the stripped texts, already checked.
    """

    def element(index: int) -> str:
        tag = re.escape(tags[index])
        if not sizes[index]:
            text = _COUNT_TEXT if index in numbers else _RATE_TEXT if index in rates else _LEAF_TEXT
            return f"<{tag}>{text}</{tag}>"
        inner = _SPACE.join(element(child) for child in kids[index])
        return f"<{tag}>{_SPACE}{inner}{_SPACE}</{tag}>"

    return re.compile(f"{_XML_DECLARATION}{_SPACE}{element(0)}{_SPACE}")


def _make_plan(tags: Sequence[str], sizes: Sequence[int]) -> _Plan | None:
    """The :class:`_Plan` of a document shape, or ``None`` if it is not a usual one."""
    kids = _children(sizes)
    rank = {index: position for position, index in enumerate(i for i, size in enumerate(sizes) if not size)}

    def leaves(indices: Sequence[int], names: Sequence[str] | None = None) -> bool:
        return all(not sizes[i] for i in indices) and (
            names is None or [tags[i] for i in indices] == list(names)
        )

    if tags[0] != "Election" or len(kids[0]) != 2:
        return None
    scrutin, node = kids[0]
    if tags[scrutin] != "Scrutin" or not leaves(kids[scrutin], ("Type", "Annee")):
        return None
    counts: list[int] = [rank[kids[scrutin][1]]]
    outer = ""
    outer_codes: list[int] = []
    commune_codes: list[int] | None = None
    level, kind, tours = Level.FRANCE, FileKind.FRANCE, node
    if tags[node] != "Tours":
        if tags[node] == "Region":
            level, kind = Level.REGION, FileKind.REGION
        elif tags[node] == "Departement":
            level, kind = Level.DEPARTMENT, FileKind.DEPARTMENT
        else:
            return None
        outer = tags[node]
        if not kids[node]:
            return None
        *outer_codes, tours = kids[node]
        if tags[tours] == "Commune" and level is Level.DEPARTMENT and kids[tours]:
            *commune_codes, tours = kids[tours]
            level, kind = Level.COMMUNE, FileKind.COMMUNE
        for index in (*outer_codes, *(commune_codes or ())):
            if sizes[index] or tags[index][:3] not in ("Cod", "Lib"):
                return None
    if tags[tours] != "Tours" or not kids[tours]:
        return None
    rates: list[int] = []
    rounds: list[_RoundPlan] = []
    for tour in kids[tours]:
        parts = kids[tour]
        if tags[tour] != "Tour" or [tags[i] for i in parts] != _FAST_TOUR or sizes[parts[0]]:
            return None
        counts.append(rank[parts[0]])
        mentions = kids[parts[1]]
        fields = _FAST_MENTIONS.get(tuple(tags[i] for i in mentions))
        results = kids[parts[2]]
        if fields is None or len(results) != 1 or tags[results[0]] != "Candidats":
            return None
        mention_rates: list[tuple[str, str, str, str]] = []
        rate_cells: list[int] = []
        for field_name, mention in zip(fields, mentions, strict=True):
            cells = kids[mention]
            if not cells or tags[cells[0]] != "Nombre" or not leaves(cells):
                return None
            counts.append(rank[cells[0]])
            for cell in cells[1:]:
                base = _RATE_BASES.get(tags[cell])
                if base is None:
                    return None
                mention_rates.append((tags[mention], tags[cell], field_name, base))
                rate_cells.append(rank[cell])
        people = kids[results[0]]
        if not people or any(tags[person] != "Candidat" for person in people):
            return None
        layout = [tags[i] for i in kids[people[0]]]
        if layout[:5] != _FAST_PERSON or not all(tag in _RATE_BASES for tag in layout[5:]):
            return None
        columns: list[list[int]] = [[] for _ in layout]
        for person in people:
            if not leaves(kids[person], layout):
                return None
            for column, cell in zip(columns, kids[person], strict=True):
                column.append(rank[cell])
        counts.extend(columns[0])
        counts.extend(columns[4])
        rates.extend(rate_cells)
        rates.extend(cell for person in zip(*columns[5:], strict=True) for cell in person)
        rounds.append(
            _RoundPlan(
                fields=fields,
                mention_rates=tuple(mention_rates),
                candidates=len(people),
                rate_tags=tuple(layout[5:]),
                boards=_pick(columns[0]),
                last_names=_pick(columns[1]),
                first_names=_pick(columns[2]),
                civilities=_pick(columns[3]),
                mention_tops=tuple(top for _, _, top, _ in mention_rates),
                mention_bases=tuple(base for _, _, _, base in mention_rates),
                candidate_bases=tuple(_RATE_BASES[tag] for tag in layout[5:]),
            )
        )
    leaf_index = [i for i, size in enumerate(sizes) if not size]
    return _Plan(
        level=level,
        kind=kind,
        outer=outer,
        leaves=_pick([i for i, size in enumerate(sizes) if not size]),  # type: ignore[arg-type]
        outer_codes=tuple(tags[i] for i in outer_codes),
        commune_codes=None if commune_codes is None else tuple(tags[i] for i in commune_codes),
        code_values=_pick([rank[i] for i in (*outer_codes, *(commune_codes or ()))]),
        counts=_pick(counts),
        rates=_pick(rates),
        count_number=len(counts),
        rounds=tuple(rounds),
        template=_template(
            tags, sizes, kids, numbers={leaf_index[r] for r in counts}, rates={leaf_index[r] for r in rates}
        ),
    )


_PLANS: dict[tuple[int, ...], list[tuple[list[str], _Plan | None]]] = {}
"""Plans by document shape (looked up by the numbers of children, then compared tag by
tag): a national tree has a handful of shapes (one per number of candidates and level). A
cache of a pure function, bounded by :data:`_MAX_PLANS`."""
_MISSING = object()


def _read_fast(root: ET.Element, path: str) -> ResultFile | None:
    """Read a PR2017 results file of the usual shape (France, region, department, commune)
    quickly, or return ``None`` for :func:`_read_document` to read it (and report any error).

    The fast path accepts only a subset of what :func:`_read_document` accepts, and builds
    exactly the same records from it: the document's shape must be a usual one (known element
    names in the usual order: ``Election/Scrutin/{Type, Annee}``, then ``Tours``, or
    ``Region``, ``Departement`` or ``Departement/Commune`` with ``Cod*``/``Lib*`` codes and
    ``Tours``; each ``Tour`` made of ``NumTour``, the mentions and the candidates with the
    same percentages each), and every value is validated in bulk against a stricter form
    (counts of 1 to 9 ASCII digits, percentages such as ``"39,63"``, no duplicate candidate
    or round). Anything else is left to the general reader, which reports the error. The
    usual shapes are at most 9 elements deep, so no further depth check is needed.
    """
    if (
        root.tag != "Election"
        or len(root) != 2
        or root[1].tag not in _FAST_OUTER
        or root.find("Departement/Tours/Tour/Communes") is not None  # a department index
    ):
        return None  # not a results file: no shape to look up (an index's differs per department)
    elements = list(root.iter())
    if len(elements) > _MAX_FAST_ELEMENTS:
        return None
    sizes = tuple(map(len, elements))
    tags = list(map(_TAG, elements))
    plan: _Plan | object | None = _MISSING
    for known, planned in _PLANS.get(sizes, ()):
        if known == tags:
            plan = planned
            break
    else:
        if len(_PLANS) >= _MAX_PLANS:
            _PLANS.clear()
        plan = _make_plan(tags, sizes)
        same_sizes = _PLANS.setdefault(sizes, [])
        if len(same_sizes) < _MAX_PLANS:
            same_sizes.append((tags, plan))
    if plan is None:
        return None
    assert isinstance(plan, _Plan)
    if not _TEMPLATES or plan is not _TEMPLATES[0]:
        _remember(plan)
    texts = list(map(_TEXT, plan.leaves(elements)))
    if None in texts:
        return None
    return _build(plan, list(map(str.strip, texts)), path)


def _remember(plan: _Plan) -> None:
    """Put ``plan`` first among the templates :func:`_read_text` tries."""
    for index, known in enumerate(_TEMPLATES):
        if known is plan:
            del _TEMPLATES[index]
            break
    else:
        if len(_TEMPLATES) >= _MAX_TEMPLATES:
            _TEMPLATES.pop()
    _TEMPLATES.insert(0, plan)


_TEMPLATES: list[_Plan] = []
"""The plans whose templates :func:`_read_text` tries, the most recently used first."""
_MAX_TEMPLATES = 16
_MAX_TEXT_BYTES = 256 * 1024
"""Larger documents are read through the tree (a commune's file is a few kilobytes)."""


def _read_text(data: bytes, path: str) -> ResultFile | None:
    """Read a PR2017 results file of a shape already planned straight from its text, or
    return ``None`` for the tree path (:func:`_read_fast`, then :func:`_read_document`).

    The text must match a planned shape's :func:`_template` in full: a strict subset of XML
    that is well formed and means exactly the shape's tree, with the leaves' texts as the
    pattern's groups. So the records are the ones :func:`_read_fast` builds from the tree,
    and the safety of the tree path holds: a matching text has no document type declaration
    and no entity, is at most as deep as the shape and is under :data:`_MAX_TEXT_BYTES`.
    """
    if len(data) > _MAX_TEXT_BYTES or not _TEMPLATES:
        return None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        return None
    for plan in _TEMPLATES:
        match = plan.template.fullmatch(text)
        if match is not None:
            if plan is not _TEMPLATES[0]:
                _remember(plan)
            return _build(plan, match.groups(), path, checked=True)
    return None


def _build(plan: _Plan, values: Sequence[str], path: str, *, checked: bool = False) -> ResultFile | None:
    """The records of a document of ``plan``'s shape from its leaves' texts (in document
    order), or ``None`` when a value is not of the strict usual form (``checked``: the counts
    and percentages are known to have it and no surrounding space, see :func:`_template`;
    otherwise all texts come stripped). The text leaves used are stripped here."""
    election = values[0].strip()
    if checked:
        numbers: list[int] | None = list(map(int, plan.counts(values)))
        numbers.extend(map(int, " ".join(plan.rates(values)).replace(",", "").split()))  # type: ignore[union-attr]
    else:
        numbers = _fast_numbers(plan.counts(values), plan.rates(values))
    if not election or numbers is None:
        return None
    counts, rates = numbers[: plan.count_number], numbers[plan.count_number :]
    codes: dict[str, str] = {}
    where = "FE"
    level = plan.level
    if plan.outer:
        code_values = tuple(map(str.strip, plan.code_values(values)))
        split = len(plan.outer_codes)
        codes = dict(zip(plan.outer_codes, code_values[:split], strict=True))
        where = _label(plan.outer, codes, _REGION if plan.outer == "Region" else _DEPARTMENT)
        if plan.commune_codes is not None:
            codes.update(zip(plan.commune_codes, code_values[split:], strict=True))
            where = f"{where}/{_label('Commune', codes, _COMMUNE)}"
    rounds: list[RoundResult] = []
    seen: set[int] = set()
    at, rated = 1, 0
    for step in plan.rounds:
        number = counts[at]
        mentions = len(step.fields)
        size = step.candidates
        of = dict(zip(step.fields, counts[at + 1 : at + 1 + mentions], strict=True))
        boards = counts[at + 1 + mentions : at + 1 + mentions + size]
        votes = counts[at + 1 + mentions + size : at + 1 + mentions + 2 * size]
        at += 1 + mentions + 2 * size
        lasts = tuple(map(str.strip, step.last_names(values)))
        firsts = tuple(map(str.strip, step.first_names(values)))
        if all(firsts):
            names = list(map(" ".join, zip(lasts, firsts, strict=True)))
        else:
            names = [f"{last} {first}".strip() for last, first in zip(lasts, firsts, strict=True)]
        if (
            number in seen
            or not all(lasts)
            or len(set(names)) != size
            or len(set(boards)) != size
            or not set(names).isdisjoint(step.fields)
        ):
            return None  # errors, or a candidate named like a count: left to the general reader
        seen.add(number)
        element = f"{where}/Tour[{number}]"
        rates_end = rated + len(step.mention_rates) + size * len(step.rate_tags)
        # the candidates' records and the percentages' tuples are built on first use (see
        # _PlannedRound): checking and summing a national tree needs neither
        rounds.append(
            _record(
                _PlannedRound,
                _PLANNED_SETTERS,
                path,
                element,
                number,
                of["registered"],
                of["voters"],
                of["blank"],
                of["null"],
                of["expressed"],
                of.get("abstentions"),
                (),
                1,
                (
                    step,
                    names,
                    lasts,
                    firsts,
                    tuple(map(str.strip, step.civilities(values))),
                    boards,
                    votes,
                    step.boards(values),
                ),
                (of, rates[rated:rates_end]),
            )
        )
        rated = rates_end
    try:
        place = _place(level, codes, _Reader(path), where)
    except OfficialFileError:
        return None
    entity = _record(Entity, _ENTITY_SETTERS, path, where, place, tuple(rounds), None, None, None)
    return _record(ResultFile, _FILE_SETTERS, path, plan.kind, election, counts[0], (entity,))


_TAG = attrgetter("tag")
_TEXT = attrgetter("text")


_ROUND_CANDIDATES = RoundResult.__dict__["candidates"]
_ROUND_RATE_DATA = RoundResult.__dict__["rate_data"]
_People = tuple[
    "_RoundPlan",
    list[str],
    tuple[str, ...],
    tuple[str, ...],
    tuple[str, ...],
    list[int],
    list[int],
    tuple[str, ...],
]
"""A planned round's candidates as read: the round's plan, names, last names, first names,
civilities, board numbers, votes, board numbers as printed."""


class _PlannedRound(RoundResult):
    """A :class:`RoundResult` read through a shape's plan (:func:`_build`): the same record,
    but its :attr:`candidates` and :attr:`rate_data` are built from the values read on first
    use, then kept (verifying and summing a national tree needs neither: see
    :func:`_rate_columns`). It compares, hashes, prints, copies and pickles as the
    :class:`RoundResult` it stands for (:func:`dataclasses.replace` gives one with every field
    set, as ``__init__`` sets them).
    """

    __slots__ = ("_people", "_percentages")
    _people: _People
    _percentages: tuple[Mapping[str, int], list[int]]
    """The mentions' counts by field, and the percentages' digits in document order."""

    @property
    def candidates(self) -> tuple[CandidateResult, ...]:
        try:
            return _ROUND_CANDIDATES.__get__(self, RoundResult)  # type: ignore[no-any-return]
        except AttributeError:
            value = _planned_candidates(self._people)
            _ROUND_CANDIDATES.__set__(self, value)
            return value

    @candidates.setter
    def candidates(self, value: tuple[CandidateResult, ...]) -> None:
        _ROUND_CANDIDATES.__set__(self, value)  # for __init__ (dataclasses.replace) only: frozen

    @property
    def rate_data(self) -> tuple[tuple[str, str, int, int, int, int], ...]:
        try:
            return _ROUND_RATE_DATA.__get__(self, RoundResult)  # type: ignore[no-any-return]
        except AttributeError:
            value = _planned_rate_data(self.element, self._people, *self._percentages)
            _ROUND_RATE_DATA.__set__(self, value)
            return value

    @rate_data.setter
    def rate_data(self, value: tuple[tuple[str, str, int, int, int, int], ...]) -> None:
        _ROUND_RATE_DATA.__set__(self, value)

    @property
    def votes(self) -> dict[str, int]:
        try:
            people = self._people
        except AttributeError:  # made by __init__
            return RoundResult.votes.fget(self)  # type: ignore[attr-defined,no-any-return]
        return dict(zip(people[1], people[6], strict=True))

    def _fields(self) -> tuple[object, ...]:
        return tuple(getattr(self, name) for name in _ROUND_FIELDS)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, RoundResult):
            return self._fields() == tuple(getattr(other, name) for name in _ROUND_FIELDS)
        return NotImplemented

    def __hash__(self) -> int:
        return hash(self._fields())  # as the dataclass's: the fields' tuple

    def __repr__(self) -> str:
        return f"RoundResult({', '.join(f'{n}={v!r}' for n, v in zip(_ROUND_FIELDS, self._fields(), strict=True))})"

    def __reduce__(self) -> tuple[Callable[..., RoundResult], tuple[object, ...]]:
        return (_round_result, self._fields())


def _round_result(*values: object) -> RoundResult:
    """An ordinary :class:`RoundResult` of these field values (unpickling a planned round)."""
    return RoundResult(**dict(zip(_ROUND_FIELDS, values, strict=True)))  # type: ignore[arg-type]


_PLANNED_SETTERS: tuple[Callable[[_PlannedRound, object], None], ...] = (
    *(
        _ROUND_SETTERS[name]
        for name in (
            "path",
            "element",
            "round",
            "registered",
            "voters",
            "blank",
            "null",
            "expressed",
            "abstentions",
            "lists",
            "names_per_ballot",
        )
    ),
    _PlannedRound.__dict__["_people"].__set__,
    _PlannedRound.__dict__["_percentages"].__set__,
)
"""The setters :func:`_build` calls, in its order: every field of :class:`RoundResult` but
``candidates`` and ``rate_data``, then the values those are built from."""
assert len(_PLANNED_SETTERS) == len(_ROUND_FIELDS), "every field but two, and two sources"


def _planned_candidates(people: _People) -> tuple[CandidateResult, ...]:
    """The candidates' records of a planned round: ``CandidateResult(name=..., ...)`` for
    each, without the frozen ``__init__``'s field-by-field ``object.__setattr__``: each field
    is set for all candidates by one C-level loop (``any()`` runs the map to its end: a
    setter returns ``None``)."""
    _, names, lasts, firsts, civilities, boards, votes, _ = people
    candidates = tuple(map(_new, repeat(CandidateResult, len(names))))
    by_field: tuple[Sequence[object], ...] = (
        *(names, lasts, firsts, civilities, boards),
        *((), (), (), votes, ()),  # order, nuance, nuance name, votes, elected
    )
    for set_field, column in zip(_CANDIDATE_SETTERS, by_field, strict=True):
        source: Iterable[object] = column or repeat(None)
        any(map(set_field, candidates, source))
    return candidates


def _planned_rate_data(
    element: str, people: _People, of: Mapping[str, int], digits: Sequence[int]
) -> tuple[tuple[str, str, int, int, int, int], ...]:
    """The ``rate_data`` of a planned round (see :attr:`RoundResult.rate_data`)."""
    step, _, _, _, _, _, votes, board_texts = people
    mentions = len(step.mention_rates)
    rate_data = [
        (f"{element}/Mentions/{mention}", tag, value, 2, of[top], of[base])
        for (mention, tag, top, base), value in zip(step.mention_rates, digits[:mentions], strict=True)
    ]
    if step.rate_tags:
        columns = len(step.rate_tags)
        prefix = f"{element}/Candidat["
        heres = [f"{prefix}{board}]" for board in board_texts]
        rate_data.extend(
            zip(
                chain.from_iterable(zip(*[heres] * columns, strict=True)),
                cycle(step.rate_tags),
                digits[mentions:],
                repeat(2),
                chain.from_iterable(zip(*[votes] * columns, strict=True)),
                cycle([of[_RATE_BASES[tag]] for tag in step.rate_tags]),
                strict=False,  # the cycles and repeat are endless
            )
        )
    return tuple(rate_data)


def _rate_columns(item: RoundResult) -> tuple[Sequence[int], Sequence[int], Sequence[int]] | None:
    """``(digits, numerators, denominators)`` of every percentage of a round read through a
    shape's plan, all with two decimals and in the order of :attr:`RoundResult.rate_data`,
    without building that; ``None`` for any other round (use ``rate_data``).

    >>> from electoral_rules.io.ministry_xml import _EXAMPLE, read_bytes
    >>> _rate_columns(read_bytes(_EXAMPLE, "x.xml").entities[0].rounds[0]) is None  # not a usual shape
    True
    """
    if type(item) is not _PlannedRound:
        return None
    try:
        people, (of, digits) = item._people, item._percentages
    except AttributeError:  # made by __init__
        return None
    step, votes = people[0], people[6]
    count = of.__getitem__
    numerators = list(map(count, step.mention_tops))
    denominators = list(map(count, step.mention_bases))
    if step.candidate_bases:
        numerators.extend(chain.from_iterable(zip(*[votes] * len(step.candidate_bases), strict=True)))
        denominators.extend(list(map(count, step.candidate_bases)) * len(votes))
    return digits, numerators, denominators


def _read_loaded(data: bytes, name: str) -> OfficialDocument:
    """One official document from its bytes: the planned text path, the fast tree path,
    then the general reader (which reports any error)."""
    document = _read_text(data, name)
    if document is not None:
        return document
    root = parse_shallow(data, name)
    document = _read_fast(root, name)
    if document is None:
        check_depth(root, name)
        return _read_document(root, name)
    return document
