"""Read the Ministry of the Interior's XML result files into typed, frozen records.

Two families of files share one vocabulary (``Election``, ``Scrutin``, ``Tours/Tour``,
``Mentions``, ``Resultats``) and are read by the same code:

- the **PR2017 format** described in the Ministry's technical guide for the 2017
  presidential election: the communes reference (``referencePR/listeregdptcom.xml``), the
  candidatures (``candidatureT1/CandidatureT1.xml``), the national index (``index.xml``), the
  department index (``075IDX.xml``), commune and arrondissement files (``075056AR01.xml``),
  the file of all of a department's communes, department, Rhône/Lyon metropolis section,
  region and France-entière (``FE.xml``) files, for both rounds;
- the **Senate 2026 result feed** (``EnsembleGeo/Region/Circonscription``): seats to fill
  (``NbSap``) and filled (``NbSiePourvus``), lists with their candidates and ``NbSieges``
  (proportional constituencies), candidates with ``Elu`` (majoritarian constituencies).

Every figure is checked on the way in: a count that is missing, not a whole number, negative
or above :data:`MAX_COUNT`, a percentage that is not a French decimal, two candidates with the
same number (``NumPanneauCand``), rank on a list (``NumOrdCand``) or name, two lists with the
same number (``NumListe``) or name, two rounds with the same number: each raises
:class:`~electoral_rules.errors.OfficialFileError` naming the file, the element and the value.
Nothing is silently skipped. Arithmetic consistency (voters = blank + null + expressed, ...)
is *not* checked here, so that a faulty official figure can be read and then reported by
:mod:`electoral_rules.io.verify`; :attr:`RoundResult.tally` builds the validated
:class:`~electoral_rules.Tally`.

>>> doc = read_bytes(_EXAMPLE, "075056AR01.xml")
>>> entity = doc.entities[0]
>>> entity.place.level, entity.place.department, entity.place.commune
(<Level.ARRONDISSEMENT: 'arrondissement'>, '075', '056AR01')
>>> round1 = entity.rounds[0]
>>> round1.voters - round1.blank - round1.null, round1.tally.expressed
(6384, 6384)
>>> rate = round1.rates[0]
>>> rate.element
'Departement[075]/Commune[056AR01]/Tour[1]/Mentions/Votants/RapportInscrit'
>>> rate.value, rate.numerator, rate.denominator, rate.agrees
(Fraction(597, 10), 6723, 11262, True)
"""

from __future__ import annotations

import datetime as _dt
import enum
import functools
import operator
import os
import re
import xml.etree.ElementTree as ET
from collections.abc import Callable, Container, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from dataclasses import fields as _fields
from fractions import Fraction
from itertools import chain, cycle, repeat
from operator import attrgetter, itemgetter
from typing import TypeVar

from .._mapping import FrozenMap
from ..errors import InvalidTallyError, OfficialFileError
from ..tally import Tally
from ._safexml import check_depth, parse_shallow, read_path

__all__ = [
    "MAX_COUNT",
    "CandidateResult",
    "Candidatures",
    "DepartmentIndex",
    "Entity",
    "FileKind",
    "IndexEntry",
    "Level",
    "ListResult",
    "NationalIndex",
    "OfficialDocument",
    "Place",
    "PublishedRate",
    "Reference",
    "ResultFile",
    "RoundResult",
    "read_bytes",
    "read_official_file",
    "rounded_percent",
]

MAX_COUNT = 999_999_999
"""Largest count accepted in a file (just under a billion): twenty times the electorate of
France (about 49 million registered in 2017). A larger figure, such as ``10**30`` votes, is a
corrupt or hostile file and is refused rather than carried into sums."""


class Level(enum.Enum):
    """The geographic level of a set of results."""

    FRANCE = "france"
    REGION = "region"
    DEPARTMENT = "department"
    SECTION = "section"
    """A sub-department aggregate: the Métropole de Lyon and the Rhône outside it."""
    COMMUNE = "commune"
    ARRONDISSEMENT = "arrondissement"
    """A subdivision of Paris, Lyon or Marseille, published like a commune."""
    CONSTITUENCY = "constituency"
    """A senatorial constituency (a department, or the Français établis hors de France)."""


_FRANCE, _REGION, _DEPARTMENT, _SECTION, _COMMUNE, _ARRONDISSEMENT, _CONSTITUENCY = Level
"""The levels as module constants, for the code run per place: reading ``Level.COMMUNE``
goes through the enum's metaclass (about 0.15 µs each time on CPython 3.11)."""
assert (_COMMUNE, _CONSTITUENCY) == (Level.COMMUNE, Level.CONSTITUENCY), "Level's order"


class FileKind(enum.Enum):
    """Which of the Ministry's files a document is (numbers from the PR2017 guide)."""

    REFERENCE = "reference"
    """1. ``listeregdptcom.xml``: regions, departments and communes."""
    CANDIDATURES = "candidatures"
    """2. ``CandidatureT1.xml``: the candidates of a round."""
    NATIONAL_INDEX = "national index"
    """3. ``index.xml``: departments and regions, with update times and completeness."""
    DEPARTMENT_INDEX = "department index"
    """4. ``<dpt>IDX.xml``: a department's communes, arrived or not."""
    COMMUNE = "commune"
    """5. ``<dpt><commune>.xml``: one commune or arrondissement."""
    DEPARTMENT_COMMUNES = "department communes"
    """6. every complete commune of a department in one file."""
    DEPARTMENT = "department"
    """7. ``<dpt>.xml``: a department's totals."""
    SECTION = "section"
    """8. the Rhône: Métropole de Lyon, and Rhône outside the metropolis."""
    REGION = "region"
    """9. ``<reg>.xml``: a region's totals."""
    FRANCE = "france"
    """10. ``FE.xml``: France entière."""
    SENATE = "senate"
    """The Senate result feed: one or more constituencies."""


@dataclass(frozen=True, slots=True, kw_only=True)
class Place:
    """The geographic identity of a set of results.

    :ivar level: the :class:`Level`.
    :ivar code: the place's own code (``CodReg3Car``, ``CodDpt3Car``, ``CodSubCom``,
        ``CodSec``, ``CodCirElec``; ``"FE"`` for France entière).
    :ivar name: its label (``LibReg``, ``LibDpt``, ``LibSubCom``...).
    :ivar region: the region's three-character code (``CodReg3Car``, or ``CodReg`` padded).
    :ivar department: the department's three-character code (``CodDpt3Car``).
    :ivar commune: the commune or arrondissement code within the department (``CodSubCom``).
    :ivar codes: every code and label element read for the place and its parents, as given.
    """

    level: Level
    code: str
    name: str = ""
    region: str | None = None
    department: str | None = None
    commune: str | None = None
    codes: FrozenMap[str, str] = field(default_factory=FrozenMap)

    @property
    def key(self) -> tuple[str, str]:
        """``(level, path)``: unique within a national tree, e.g. ``("commune", "011/075/056")``.

        The path has fixed slots per level: ``FE``; ``region``; ``region/department``;
        ``region/department/commune`` (communes and arrondissements);
        ``region/department/section``; ``region/constituency``.
        """
        region, department = self.region or "", self.department or ""
        level = self.level
        if level is _FRANCE:
            path = "FE"
        elif level is _REGION:
            path = region
        elif level is _DEPARTMENT:
            path = f"{region}/{department}"
        elif level in (_COMMUNE, _ARRONDISSEMENT):
            path = f"{region}/{department}/{self.commune or self.code}"
        elif level is _SECTION:
            path = f"{region}/{department}/{self.code}"
        else:
            path = f"{region}/{self.code}"
        return (level._value_, path)  # the member's value without the enum property's cost

    def __str__(self) -> str:
        return f"{self.name} ({self.code})" if self.name else self.code


@dataclass(frozen=True, slots=True, kw_only=True)
class PublishedRate:
    """A percentage printed in a file, with the counts it was computed from.

    :ivar element: where it is, e.g. ``"Tour[1]/Candidat[2]/RapportExprime"``.
    :ivar digits, decimals: the printed value as an integer and its number of decimals:
        ``"  39,63"`` is ``digits=3963, decimals=2`` (see :attr:`value`).
    :ivar numerator, denominator: the counts: the published value should be
        ``100 * numerator / denominator`` rounded to two decimals.
    """

    element: str
    digits: int
    decimals: int
    numerator: int
    denominator: int

    @property
    def value(self) -> Fraction:
        """The printed value, exactly: ``"  39,63"`` is ``Fraction(3963, 100)``."""
        return Fraction(self.digits, 10**self.decimals)

    @property
    def exact(self) -> Fraction:
        """``100 * numerator / denominator`` exactly (0 when the denominator is 0)."""
        return Fraction(100 * self.numerator, self.denominator) if self.denominator else Fraction(0)

    @property
    def expected(self) -> tuple[Fraction, ...]:
        """The printed values the Ministry's rounding allows: see :func:`rounded_percent`."""
        return rounded_percent(self.numerator, self.denominator)

    @property
    def agrees(self) -> bool:
        """Whether the printed value is the exact percentage rounded as the Ministry does."""
        return _rate_agrees(self.digits, self.decimals, self.numerator, self.denominator)


def _rate_agrees(digits: int, decimals: int, numerator: int, denominator: int) -> bool:
    """Integer-only form of ``value in rounded_percent(numerator, denominator)``."""
    if denominator == 0:
        return digits == 0
    if decimals > 2:
        scale = 10 ** (decimals - 2)
        if digits % scale:
            return False
        digits //= scale
    elif decimals < 2:
        digits *= 10 ** (2 - decimals)
    hundredths, remainder = divmod(10_000 * numerator, denominator)
    twice = 2 * remainder
    if twice < denominator:
        return digits == hundredths
    if twice > denominator:
        return digits == hundredths + 1
    return digits in (hundredths, hundredths + 1)


def rounded_percent(numerator: int, denominator: int) -> tuple[Fraction, ...]:
    """The percentage ``100 * numerator / denominator`` rounded to two decimals, as printed.

    The Ministry's guide says only that rates are printed as "99,99" and that "en raison des
    arrondis à la deuxième décimale, la somme des % exprimés peut ne pas être égale à 100,00 %".
    The files settle the method: all 308 rates of the PR2017 test set and all 114 of the
    Senate 2026 files equal the exact value **rounded to the nearest hundredth**; truncation
    matches only about half of them. No rate in these files falls exactly half-way
    (``…5`` thousandths with nothing after), so whether halves go up or to even is not known:
    both neighbours are returned then. A zero denominator gives 0.

    >>> rounded_percent(15128, 38171)   # 39.6321... printed "  39,63"
    (Fraction(3963, 100),)
    >>> rounded_percent(1, 8)           # 12.5 exactly: one value
    (Fraction(25, 2),)
    >>> rounded_percent(1, 800)         # 0.125 exactly: a tie, 0,12 or 0,13
    (Fraction(3, 25), Fraction(13, 100))
    """
    if denominator == 0:
        return (Fraction(0),)
    hundredths, remainder = divmod(10_000 * numerator, denominator)
    if 2 * remainder < denominator:
        return (Fraction(hundredths, 100),)
    if 2 * remainder > denominator:
        return (Fraction(hundredths + 1, 100),)
    return (Fraction(hundredths, 100), Fraction(hundredths + 1, 100))


@dataclass(frozen=True, slots=True, kw_only=True)
class CandidateResult:
    """A candidate as a file lists them (with votes in results, without in lists or candidatures).

    :ivar name: the key used in tallies: ``"NOM Prénom"``.
    :ivar number: ``NumPanneauCand`` (presidential board number), when given.
    :ivar order: ``NumOrdCand`` (rank on a list), when given.
    :ivar votes: ``NbVoix``, when given.
    :ivar elected: the ``Elu`` text as published (``"OUI"``, ``"NON"``,
        ``"QUALIFIE(E) AU T2"``), when given.
    """

    name: str
    last_name: str
    first_name: str = ""
    civility: str = ""
    number: int | None = None
    order: int | None = None
    nuance: str | None = None
    nuance_name: str | None = None
    votes: int | None = None
    elected: str | None = None

    @property
    def is_elected(self) -> bool | None:
        """``True`` for ``Elu`` = ``OUI``, ``False`` otherwise, ``None`` when not given."""
        return None if self.elected is None else self.elected.upper() == "OUI"

    @property
    def is_qualified(self) -> bool:
        """Whether ``Elu`` says the candidate goes on to the next round."""
        return self.elected is not None and self.elected.upper().startswith("QUALIFI")


@dataclass(frozen=True, slots=True, kw_only=True)
class ListResult:
    """A list in a proportional Senate constituency.

    :ivar name: ``NomListe`` (the key in the tally; may be cut at 100 characters).
    :ivar full_name: ``NomCompListe``.
    :ivar head: the head of list, ``"NOM Prénom"``.
    :ivar seats: ``NbSieges``, the seats the Ministry gives the list.
    :ivar candidates: in list order, each with its ``Elu`` flag.
    """

    name: str
    number: int | None
    votes: int
    full_name: str = ""
    head: str = ""
    nuance: str | None = None
    nuance_name: str | None = None
    seats: int | None = None
    candidates: tuple[CandidateResult, ...] = ()


@dataclass(frozen=True, slots=True, kw_only=True)
class RoundResult:
    """One round's figures for one place, as published.

    The counts are read, bounded and non-negative but *not* checked against each other:
    see :mod:`electoral_rules.io.verify`. :attr:`tally` builds the validated tally.

    :ivar element: where the round is in the file, for messages.
    :ivar names_per_ballot: 1, or the seats to fill in a majoritarian Senate constituency.
    :ivar rate_data: every percentage the file prints for this round, as plain tuples
        ``(parent element, tag, digits, decimals, numerator, denominator)`` (see :attr:`rates`).
    """

    path: str
    element: str
    round: int
    registered: int
    voters: int
    blank: int
    null: int
    expressed: int
    abstentions: int | None = None
    candidates: tuple[CandidateResult, ...] = ()
    lists: tuple[ListResult, ...] = ()
    rate_data: tuple[tuple[str, str, int, int, int, int], ...] = ()
    names_per_ballot: int = 1

    @property
    def rates(self) -> tuple[PublishedRate, ...]:
        """Every percentage the file prints for this round, with the counts it derives from."""
        return tuple(
            PublishedRate(element=f"{w}/{t}", digits=d, decimals=k, numerator=n, denominator=b)
            for w, t, d, k, n, b in self.rate_data
        )

    @property
    def votes(self) -> dict[str, int]:
        """Votes per candidate (or per list), in file order."""
        if self.lists:
            return {item.name: item.votes for item in self.lists}
        return {item.name: item.votes or 0 for item in self.candidates}

    @property
    def tally(self) -> Tally:
        """The round as a validated :class:`~electoral_rules.Tally`.

        :raises OfficialFileError: when the published counts do not add up, naming the file
            and the round.
        """
        try:
            return Tally(
                votes=self.votes,
                registered=self.registered,
                voters=self.voters,
                blank=self.blank,
                null=self.null,
                expressed=self.expressed,
                names_per_ballot=self.names_per_ballot,
            )
        except InvalidTallyError as err:
            raise OfficialFileError(str(err), path=self.path, element=self.element) from None


@dataclass(frozen=True, slots=True, kw_only=True)
class Entity:
    """The results of one place in a file: its rounds, and for the Senate its seats.

    :ivar seats_to_fill: ``NbSap`` (Senate).
    :ivar seats_filled: ``NbSiePourvus`` (Senate).
    """

    path: str
    element: str
    place: Place
    rounds: tuple[RoundResult, ...]
    seats_to_fill: int | None = None
    seats_filled: int | None = None

    def round(self, number: int) -> RoundResult | None:
        """The round numbered ``number``, if the file has it."""
        for item in self.rounds:
            if item.round == number:
                return item
        return None


@dataclass(frozen=True, slots=True, kw_only=True)
class ResultFile:
    """A results file: commune, department, section, region, France, or Senate constituencies."""

    path: str
    kind: FileKind
    election: str
    year: int
    entities: tuple[Entity, ...]


@dataclass(frozen=True, slots=True, kw_only=True)
class IndexEntry:
    """One line of an index: a place with its update times and completeness flag.

    :ivar complete: ``Complet`` (departments, regions), ``ResultatsParvenus`` (communes) or
        ``ResultatsComplets`` (sections): ``"O"`` is ``True``, ``"N"`` is ``False``.
    """

    place: Place
    updated: _dt.datetime | None = None
    extracted: _dt.datetime | None = None
    complete: bool | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class NationalIndex:
    """``index.xml``: the departments and regions published, with update times."""

    path: str
    election: str
    year: int
    departments: tuple[IndexEntry, ...]
    regions: tuple[IndexEntry, ...]
    kind: FileKind = FileKind.NATIONAL_INDEX


@dataclass(frozen=True, slots=True, kw_only=True)
class DepartmentIndex:
    """``<dpt>IDX.xml``: for one round, which communes (and Rhône sections) have arrived."""

    path: str
    election: str
    year: int
    place: Place
    round: int
    communes: tuple[IndexEntry, ...]
    sections: tuple[IndexEntry, ...] = ()
    kind: FileKind = FileKind.DEPARTMENT_INDEX


@dataclass(frozen=True, slots=True, kw_only=True)
class Reference:
    """``listeregdptcom.xml``: every region, department and commune, parents first."""

    path: str
    election: str
    year: int
    places: tuple[Place, ...]
    kind: FileKind = FileKind.REFERENCE


@dataclass(frozen=True, slots=True, kw_only=True)
class Candidatures:
    """``CandidatureT<n>.xml``: the candidates, by board number."""

    path: str
    election: str
    year: int
    candidates: tuple[CandidateResult, ...]
    kind: FileKind = FileKind.CANDIDATURES


OfficialDocument = ResultFile | NationalIndex | DepartmentIndex | Reference | Candidatures
"""Any document :func:`read_official_file` returns."""


# ---------------------------------------------------------------------------------------
# reading helpers


class _Reader:
    """Reads values out of one file, naming the file in every error."""

    __slots__ = ("path",)

    def __init__(self, path: str) -> None:
        self.path = path

    def fail(self, message: str, element: str) -> OfficialFileError:
        return OfficialFileError(message, path=self.path, element=element)

    def count(self, text: str | None, element: str) -> int:
        if text is None:
            raise self.fail("required count is missing", element)
        stripped = text.strip()
        if 0 < len(stripped) <= 9 and stripped.isascii() and stripped.isdigit():
            return int(stripped)
        if stripped[:1] == "-" and stripped[1:].isascii() and stripped[1:].isdigit():
            raise self.fail(f"count {stripped[:40]!r} is negative", element)
        if stripped.isascii() and stripped.isdigit():
            if int(stripped[:40]) <= MAX_COUNT:  # leading zeros
                return int(stripped[:40])
            raise self.fail(
                f"count {stripped[:40]!r} is above the {MAX_COUNT:,} accepted (an absurd figure for any "
                "French constituency)".replace(",", " "),
                element,
            )
        raise self.fail(f"count {text[:40]!r} is not a whole number", element)

    def child_count(self, parent: ET.Element, tag: str, element: str) -> int:
        node = parent.find(tag)
        if node is None:
            raise self.fail(f"required element <{tag}> is missing", element)
        return self.count(node.text, f"{element}/{tag}")

    def optional_count(self, parent: ET.Element, tag: str, element: str) -> int | None:
        node = parent.find(tag)
        return None if node is None else self.count(node.text, f"{element}/{tag}")

    def decimal(self, text: str | None, element: str) -> tuple[int, int]:
        """A French decimal (``"  39,63"``) as ``(3963, 2)``: digits and number of decimals."""
        whole, comma, fraction = (text or "").strip().partition(",")
        if (
            0 < len(whole) <= 4
            and len(fraction) <= 6
            and (fraction or not comma)
            and (whole + fraction).isascii()
            and (whole + fraction).isdigit()
        ):
            return int(whole + fraction), len(fraction)
        raise self.fail(f"percentage {text!r} is not a French decimal such as '39,63'", element)

    def text(self, parent: ET.Element, tag: str, element: str) -> str:
        node = parent.find(tag)
        if node is None or node.text is None or not node.text.strip():
            raise self.fail(f"required element <{tag}> is missing or empty", f"{element}/{tag}")
        return node.text.strip()

    def when(self, parent: ET.Element, date_tag: str, time_tag: str, element: str) -> _dt.datetime | None:
        day = parent.findtext(date_tag)
        if day is None:
            return None
        clock = parent.findtext(time_tag) or "00:00:00"
        try:
            return _when(f"{day.strip()} {clock.strip()}")
        except ValueError:
            raise self.fail(
                f"date {day!r} {clock!r} is not DD-MM-YYYY HH:MM:SS", f"{element}/{date_tag}"
            ) from None

    def flag(self, parent: ET.Element, tag: str, element: str) -> bool | None:
        value = parent.findtext(tag)
        if value is None:
            return None
        value = value.strip().upper()
        if value not in ("O", "N"):
            raise self.fail(f"flag {value!r} must be 'O' or 'N'", f"{element}/{tag}")
        return value == "O"


@functools.lru_cache(maxsize=4096)
def _when(text: str) -> _dt.datetime:
    """``"23-04-2017 21:00:00"`` as a datetime (remembered: an index repeats a few times)."""
    return _dt.datetime.strptime(text, "%d-%m-%Y %H:%M:%S")


def _scalars(node: ET.Element) -> dict[str, str]:
    return {child.tag: (child.text or "").strip() for child in node if len(child) == 0}


_MENTIONS = (
    ("Inscrits", "registered"),
    ("Abstentions", "abstentions"),
    ("Votants", "voters"),
    ("Blancs", "blank"),
    ("Nuls", "null"),
    ("Exprimes", "expressed"),
)
_ENTITY_TAGS = {
    "Region": Level.REGION,
    "Departement": Level.DEPARTMENT,
    "Commune": Level.COMMUNE,
    "Section": Level.SECTION,
    "Circonscription": Level.CONSTITUENCY,
}
_CONTAINERS = frozenset(
    {"Regions", "Departements", "Communes", "Sections", "Circonscriptions", "EnsembleGeo"}
)
_CODE_TAGS = {
    Level.REGION: ("CodReg3Car", "CodReg", "LibReg"),
    Level.DEPARTMENT: ("CodDpt3Car", "CodDpt", "LibDpt"),
    Level.COMMUNE: ("CodSubCom", "CodSubCom", "LibSubCom"),
    Level.SECTION: ("CodSec", "CodSec", "LibSec"),
    Level.CONSTITUENCY: ("CodCirElec", "CodCirElec", "LibCirElec"),
}


_RATE_BASES = {
    f"Rapport{stem}{plural}": base
    for stem, base in (("Inscrit", "registered"), ("Votant", "voters"), ("Exprime", "expressed"))
    for plural in ("", "s")
}


_new = object.__new__
_CODE_TAGS_BY_VALUE = {level._value_: tags for level, tags in _CODE_TAGS.items()}
_PLACE_FIELDS = ("level", "code", "name", "region", "department", "commune", "codes")
assert tuple(item.name for item in _fields(Place)) == _PLACE_FIELDS, "_place sets every field"
assert not hasattr(Place, "__post_init__"), "_place does not call __init__"
_PLACE_SETTERS: tuple[Callable[[Place, object], None], ...] = tuple(
    Place.__dict__[name].__set__ for name in _PLACE_FIELDS
)


def _place(level: Level, codes: Mapping[str, str], reader: _Reader, element: str) -> Place:
    if level is _FRANCE:
        return Place(level=level, code="FE", name="France entière", codes=FrozenMap(codes))
    primary, fallback, label = _CODE_TAGS_BY_VALUE[level._value_]
    code = codes.get(primary) or codes.get(fallback)
    if not code:
        raise reader.fail(f"required code <{primary}> is missing or empty", element)
    region = codes.get("CodReg3Car") or (codes["CodReg"].zfill(3) if codes.get("CodReg") else None)
    if level is _COMMUNE and "AR" in code[3:]:
        level = _ARRONDISSEMENT
    # Place(level=level, code=code, ...) without the frozen __init__'s field-by-field
    # object.__setattr__ (a national tree has a place per commune in three files)
    return _record(
        Place,
        _PLACE_SETTERS,
        level,
        code,
        codes.get(label, ""),
        region,
        codes.get("CodDpt3Car") or None,
        codes.get("CodSubCom") or None,
        FrozenMap(codes),
    )


# ---------------------------------------------------------------------------------------
# rounds


def _read_round(tour: ET.Element, reader: _Reader, where: str, names_per_ballot: int) -> RoundResult:
    number = reader.child_count(tour, "NumTour", f"{where}/Tour")
    element = f"{where}/Tour[{number}]" if where else f"Tour[{number}]"
    mentions = tour.find("Mentions")
    if mentions is None:
        raise reader.fail("required element <Mentions> is missing", f"{element}/Mentions")
    counts: dict[str, int | None] = {}
    raw_rates: list[tuple[str, str, int, int, str, str]] = []
    for tag, field_name in _MENTIONS:
        node = mentions.find(tag)
        if node is None:
            if field_name == "abstentions":
                counts[field_name] = None
                continue
            raise reader.fail(f"required element <{tag}> is missing", f"{element}/Mentions/{tag}")
        counts[field_name] = reader.child_count(node, "Nombre", f"{element}/Mentions/{tag}")
        _add_rates(node, reader, f"{element}/Mentions/{tag}", field_name, raw_rates)
    resultats = tour.find("Resultats")
    if resultats is None:
        raise reader.fail("required element <Resultats> is missing", f"{element}/Resultats")
    candidates: tuple[CandidateResult, ...] = ()
    lists: tuple[ListResult, ...] = ()
    votes_of: dict[str, int] = {}
    listes = resultats.find("Listes")
    candidats = resultats.find("Candidats")
    if listes is not None:
        lists = _read_lists(listes, reader, element, raw_rates, votes_of)
        per_ballot = 1
    elif candidats is not None:
        candidates = _read_candidates(candidats, reader, element, raw_rates, votes_of, with_votes=True)
        per_ballot = names_per_ballot
    else:
        raise reader.fail("<Resultats> holds neither <Candidats> nor <Listes>", f"{element}/Resultats")
    if not votes_of:
        raise reader.fail("no candidate or list in the results", f"{element}/Resultats")
    rates = []
    for where_, tag, digits, decimals, numerator, base in raw_rates:
        top = votes_of[numerator] if numerator in votes_of else counts[numerator]
        bottom = counts[base]
        if top is None or bottom is None:  # a rate of an absent optional count
            raise reader.fail("percentage of a count that is not given", f"{where_}/{tag}")
        rates.append((where_, tag, digits, decimals, top, bottom))
    return RoundResult(
        path=reader.path,
        element=element,
        round=number,
        registered=counts["registered"] or 0,
        voters=counts["voters"] or 0,
        blank=counts["blank"] or 0,
        null=counts["null"] or 0,
        expressed=counts["expressed"] or 0,
        abstentions=counts["abstentions"],
        candidates=candidates,
        lists=lists,
        rate_data=tuple(rates),
        names_per_ballot=per_ballot,
    )


def _add_rates(
    node: ET.Element,
    reader: _Reader,
    element: str,
    key: str,
    raw_rates: list[tuple[str, str, int, int, str, str]],
) -> None:
    for child in node:
        tag = child.tag
        if tag[:7] == "Rapport":
            base = _RATE_BASES.get(tag)
            if base is None:
                raise reader.fail(f"unknown percentage <{tag}>", f"{element}/{tag}")
            text = child.text
            whole, _comma, fraction = text.strip().partition(",") if text else ("", "", "")
            if (
                len(fraction) == 2
                and 0 < len(whole) <= 4
                and whole.isascii()
                and whole.isdigit()
                and fraction.isascii()
                and fraction.isdigit()
            ):
                digits, decimals = int(whole) * 100 + int(fraction), 2  # the usual "  39,63"
            else:
                digits, decimals = reader.decimal(text, f"{element}/{tag}")
            raw_rates.append((element, tag, digits, decimals, key, base))


def _person(values: Mapping[str, str], reader: _Reader, element: str) -> tuple[str, str, str, str]:
    last = values.get("NomPsn", "")
    if not last:
        raise reader.fail("required element <NomPsn> is missing or empty", f"{element}/NomPsn")
    first = values.get("PrenomPsn", "")
    return (f"{last} {first}".strip(), last, first, values.get("CivilitePsn", ""))


def _read_candidates(
    candidats: ET.Element,
    reader: _Reader,
    element: str,
    raw_rates: list[tuple[str, str, int, int, str, str]],
    votes_of: dict[str, int],
    *,
    with_votes: bool,
) -> tuple[CandidateResult, ...]:
    result: list[CandidateResult] = []
    numbers: set[int] = set()
    orders: set[int] = set()
    for index, node in enumerate(candidats.iterfind("Candidat"), start=1):
        values = {child.tag: (child.text or "").strip() for child in node}
        raw_number = values.get("NumPanneauCand")
        raw_order = values.get("NumOrdCand")
        label = raw_number or raw_order or str(index)
        where = f"{element}/Candidat[{label}]"
        name, last, first, civility = _person(values, reader, where)
        number = None if raw_number is None else reader.count(raw_number, f"{where}/NumPanneauCand")
        order = None if raw_order is None else reader.count(raw_order, f"{where}/NumOrdCand")
        if number is not None:
            if number in numbers:
                raise reader.fail(f"duplicate candidate number {number}", f"{where}/NumPanneauCand")
            numbers.add(number)
        if order is not None:
            if order in orders:
                raise reader.fail(f"duplicate candidate rank {order}", f"{where}/NumOrdCand")
            orders.add(order)
        if name in votes_of:
            raise reader.fail(f"duplicate candidate {name!r}", f"{where}/NomPsn")
        votes = None
        if with_votes:
            text = values.get("NbVoix", "")
            votes = (
                int(text)
                if 0 < len(text) <= 9 and text.isdigit() and text.isascii()
                else reader.count(values.get("NbVoix"), f"{where}/NbVoix")
            )
            votes_of[name] = votes
            _add_rates(node, reader, where, name, raw_rates)
        else:
            votes_of[name] = 0
        result.append(
            CandidateResult(
                name=name,
                last_name=last,
                first_name=first,
                civility=civility,
                number=number,
                order=order,
                nuance=values.get("CodNuaCand"),
                nuance_name=values.get("LibNuaCand"),
                votes=votes,
                elected=values.get("Elu"),
            )
        )
    return tuple(result)


def _read_lists(
    listes: ET.Element,
    reader: _Reader,
    element: str,
    raw_rates: list[tuple[str, str, int, int, str, str]],
    votes_of: dict[str, int],
) -> tuple[ListResult, ...]:
    result: list[ListResult] = []
    numbers: set[int] = set()
    for index, node in enumerate(listes.findall("Liste"), start=1):
        values = _scalars(node)
        label = values.get("NumListe") or str(index)
        where = f"{element}/Liste[{label}]"
        number = None if "NumListe" not in values else reader.count(values["NumListe"], f"{where}/NumListe")
        if number is not None:
            if number in numbers:
                raise reader.fail(f"duplicate list number {number}", f"{where}/NumListe")
            numbers.add(number)
        name = values.get("NomListe") or values.get("NomCompListe") or ""
        if not name:
            raise reader.fail("required element <NomListe> is missing or empty", f"{where}/NomListe")
        if name in votes_of:
            raise reader.fail(f"duplicate list {name!r}", f"{where}/NomListe")
        votes = reader.count(values.get("NbVoix"), f"{where}/NbVoix")
        votes_of[name] = votes
        _add_rates(node, reader, where, name, raw_rates)
        seats_text = values.get("NbSieges")
        people: tuple[CandidateResult, ...] = ()
        candidats = node.find("Candidats")
        if candidats is not None:
            people = _read_candidates(candidats, reader, where, [], {}, with_votes=False)
        head = f"{values.get('NomTeteListe', '')} {values.get('PrenomTeteListe', '')}".strip()
        result.append(
            ListResult(
                name=name,
                number=number,
                votes=votes,
                full_name=values.get("NomCompListe", name),
                head=head,
                nuance=values.get("CodNuaListe"),
                nuance_name=values.get("LibNuaListe"),
                seats=None if seats_text is None else reader.count(seats_text, f"{where}/NbSieges"),
                candidates=people,
            )
        )
    return tuple(result)


# ---------------------------------------------------------------------------------------
# documents


def _entity(node: ET.Element, level: Level, codes: dict[str, str], reader: _Reader, where: str) -> Entity:
    place = _place(level, codes, reader, where)
    seats_to_fill = reader.optional_count(node, "NbSap", where)
    seats_filled = reader.optional_count(node, "NbSiePourvus", where)
    tours = node.find("Tours")
    assert tours is not None
    per_ballot = seats_to_fill if (level is Level.CONSTITUENCY and seats_to_fill) else 1
    rounds: list[RoundResult] = []
    seen: set[int] = set()
    for tour in tours.findall("Tour"):
        item = _read_round(tour, reader, where, per_ballot)
        if item.round in seen:
            raise reader.fail(f"round {item.round} appears twice", item.element)
        seen.add(item.round)
        rounds.append(item)
    if not rounds:
        raise reader.fail("<Tours> holds no <Tour>", f"{where}/Tours")
    return Entity(
        path=reader.path,
        element=where,
        place=place,
        rounds=tuple(rounds),
        seats_to_fill=seats_to_fill,
        seats_filled=seats_filled,
    )


def _label(tag: str, codes: Mapping[str, str], level: Level) -> str:
    primary, fallback, _ = _CODE_TAGS_BY_VALUE[level._value_]
    return f"{tag}[{codes.get(primary) or codes.get(fallback) or '?'}]"


def _read_results(root: ET.Element, reader: _Reader, election: str, year: int) -> ResultFile:
    entities: list[Entity] = []
    if root.find("Tours") is not None:
        entities.append(_entity(root, Level.FRANCE, {}, reader, "FE"))
    stack: list[tuple[ET.Element, dict[str, str], str]] = [(root, {}, "")]
    while stack:
        node, inherited, where = stack.pop()
        children: list[tuple[ET.Element, dict[str, str], str]] = []
        for child in node:
            candidates = (
                [child] if child.tag in _ENTITY_TAGS else list(child) if child.tag in _CONTAINERS else []
            )
            if child.tag == "EnsembleGeo":
                inherited = {**inherited, **_scalars(child)}
            for item in candidates:
                level = _ENTITY_TAGS.get(item.tag)
                if level is None:
                    continue
                codes = {**inherited, **_scalars(item)}
                label = _label(item.tag, codes, level)
                path = f"{where}/{label}" if where else label
                if item.find("Tours") is not None:
                    entities.append(_entity(item, level, codes, reader, path))
                children.append((item, codes, path))
        stack.extend(reversed(children))
    if not entities:
        raise reader.fail("no results (no <Tours>) found in the document", "Election")
    keys: set[tuple[str, str]] = set()
    for entity in entities:
        if entity.place.key in keys:
            raise reader.fail(f"place {entity.place} appears twice", entity.element)
        keys.add(entity.place.key)
    levels = {entity.place.level for entity in entities}
    if Level.CONSTITUENCY in levels:
        kind = FileKind.SENATE
    elif Level.FRANCE in levels:
        kind = FileKind.FRANCE
    elif levels & {Level.COMMUNE, Level.ARRONDISSEMENT}:
        kind = FileKind.COMMUNE if len(entities) == 1 else FileKind.DEPARTMENT_COMMUNES
    elif Level.SECTION in levels:
        kind = FileKind.SECTION
    elif Level.DEPARTMENT in levels:
        kind = FileKind.DEPARTMENT
    else:
        kind = FileKind.REGION
    return ResultFile(path=reader.path, kind=kind, election=election, year=year, entities=tuple(entities))


_FLAG_TAGS = {"Commune": "ResultatsParvenus", "Section": "ResultatsComplets"}
"""The completeness flag of an index line, by its tag (``Complet`` otherwise)."""


def _index_entry(
    node: ET.Element, level: Level, inherited: Mapping[str, str], reader: _Reader, where: str
) -> IndexEntry:
    """One index line. The usual line (leaves only, each tag once, well-formed dates and
    flag) is read from one mapping of its texts; any other goes through
    :func:`_index_entry_general`, which reads it or names the faulty element."""
    own = {child.tag: (child.text or "").strip() for child in node}
    if len(own) == len(node) and not any(map(len, node)):
        flag = own.get(_FLAG_TAGS.get(node.tag, "Complet"))
        complete = None if flag is None else _FLAGS.get(flag.upper())
        try:
            updated = _own_when(own, "DateDerMaj", "HeureDerMaj")
            extracted = _own_when(own, "DateDerExtract", "HeureDerExtract")
        except ValueError:
            pass  # a faulty date: the general reader names it
        else:
            if flag is None or complete is not None:  # no flag, or "O" or "N"
                codes = {**inherited, **own}
                place = _place(level, codes, reader, f"{where}/{_label(node.tag, codes, level)}")
                return _record(IndexEntry, _INDEX_ENTRY_SETTERS, place, updated, extracted, complete)
    return _index_entry_general(node, level, inherited, reader, where)


_FLAGS = {"O": True, "N": False}


def _own_when(texts: Mapping[str, str], date_tag: str, time_tag: str) -> _dt.datetime | None:
    """:meth:`_Reader.when` on a line's stripped texts (``ValueError`` for a faulty date)."""
    day = texts.get(date_tag)
    return None if day is None else _when(f"{day} {texts.get(time_tag) or '00:00:00'}")


def _index_entry_general(
    node: ET.Element, level: Level, inherited: Mapping[str, str], reader: _Reader, where: str
) -> IndexEntry:
    codes = {**inherited, **_scalars(node)}
    path = f"{where}/{_label(node.tag, codes, level)}"
    flag_tag = _FLAG_TAGS.get(node.tag, "Complet")
    return IndexEntry(
        place=_place(level, codes, reader, path),
        updated=reader.when(node, "DateDerMaj", "HeureDerMaj", path),
        extracted=reader.when(node, "DateDerExtract", "HeureDerExtract", path),
        complete=reader.flag(node, flag_tag, path),
    )


def _read_national_index(root: ET.Element, reader: _Reader, election: str, year: int) -> NationalIndex:
    departments = tuple(
        _index_entry(node, Level.DEPARTMENT, {}, reader, "Departements")
        for node in root.findall("Departements/Departement")
    )
    regions = tuple(
        _index_entry(node, Level.REGION, {}, reader, "Regions") for node in root.findall("Regions/Region")
    )
    return NationalIndex(
        path=reader.path, election=election, year=year, departments=departments, regions=regions
    )


def _read_department_index(root: ET.Element, reader: _Reader, election: str, year: int) -> DepartmentIndex:
    department = root.find("Departement")
    assert department is not None
    codes = _scalars(department)
    where = _label("Departement", codes, Level.DEPARTMENT)
    tours = department.findall("Tours/Tour")
    if len(tours) != 1:
        raise reader.fail(f"a department index holds one round, found {len(tours)}", f"{where}/Tours")
    tour = tours[0]
    number = reader.child_count(tour, "NumTour", f"{where}/Tour")
    inner = f"{where}/Tour[{number}]"
    communes = tuple(
        _index_entry(node, _COMMUNE, codes, reader, f"{inner}/Communes")
        for node in tour.findall("Communes/Commune")
    )
    sections = tuple(
        _index_entry(node, _SECTION, codes, reader, f"{inner}/Sections")
        for node in tour.findall("Sections/Section")
    )
    return DepartmentIndex(
        path=reader.path,
        election=election,
        year=year,
        place=_place(_DEPARTMENT, codes, reader, where),
        round=number,
        communes=communes,
        sections=sections,
    )


def _read_reference(root: ET.Element, reader: _Reader, election: str, year: int) -> Reference:
    places: list[Place] = []
    for region in root.findall("Regions/Region"):
        region_codes = _scalars(region)
        region_where = f"Regions/{_label('Region', region_codes, _REGION)}"
        places.append(_place(_REGION, region_codes, reader, region_where))
        for department in region.findall("Departements/Departement"):
            codes = {**region_codes, **_scalars(department)}
            where = f"{region_where}/{_label('Departement', codes, _DEPARTMENT)}"
            places.append(_place(_DEPARTMENT, codes, reader, where))
            for commune in department.findall("Communes/Commune"):
                commune_codes = {**codes, **_scalars(commune)}
                places.append(
                    _place(
                        _COMMUNE,
                        commune_codes,
                        reader,
                        f"{where}/{_label('Commune', commune_codes, _COMMUNE)}",
                    )
                )
    keys: set[tuple[str, str]] = set()
    for place in places:
        key = place.key
        if key in keys:
            raise reader.fail(f"place {place} appears twice", "Regions")
        keys.add(key)
    return Reference(path=reader.path, election=election, year=year, places=tuple(places))


def _read_document(root: ET.Element, path: str) -> OfficialDocument:
    reader = _Reader(path)
    if root.tag != "Election":
        raise reader.fail(f"root element is <{root.tag}>, expected <Election>", root.tag)
    election = reader.text(root, "Scrutin/Type", "Election")
    year = reader.count(root.findtext("Scrutin/Annee"), "Election/Scrutin/Annee")
    if root.find("Candidats") is not None:
        votes: dict[str, int] = {}
        people = _read_candidates(root.find("Candidats"), reader, "Candidats", [], votes, with_votes=False)  # type: ignore[arg-type]
        return Candidatures(path=path, election=election, year=year, candidates=people)
    if root.find("Regions/Region/Departements") is not None:
        return _read_reference(root, reader, election, year)
    if root.find("Departements") is not None or root.find("Regions") is not None:
        return _read_national_index(root, reader, election, year)
    if (
        root.find("Departement/Tours/Tour/Communes") is not None
        and root.find("Departement/Tours/Tour/Mentions") is None
    ):
        return _read_department_index(root, reader, election, year)
    return _read_results(root, reader, election, year)


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
    entity = _record(Entity, _ENTITY_SETTERS, path, where, place, tuple(rounds), None, None)
    return _record(ResultFile, _FILE_SETTERS, path, plan.kind, election, counts[0], (entity,))


_TAG = attrgetter("tag")
_TEXT = attrgetter("text")


_CANDIDATE_FIELDS = (
    "name",
    "last_name",
    "first_name",
    "civility",
    "number",
    "order",
    "nuance",
    "nuance_name",
    "votes",
    "elected",
)
assert tuple(item.name for item in _fields(CandidateResult)) == _CANDIDATE_FIELDS, (
    "the fast path sets every field"
)
assert not hasattr(CandidateResult, "__post_init__"), "the fast path does not call __init__"
_CANDIDATE_SETTERS: tuple[Callable[[CandidateResult, object], None], ...] = tuple(
    CandidateResult.__dict__[name].__set__ for name in _CANDIDATE_FIELDS
)

_R = TypeVar("_R")


def _setters(cls: type[_R], names: Sequence[str]) -> tuple[Callable[[_R, object], None], ...]:
    """The slot setters of a frozen record class, checked to be all its fields in order, for
    :func:`_record`."""
    assert tuple(item.name for item in _fields(cls)) == tuple(names), f"{cls.__name__}: every field, in order"  # type: ignore[arg-type]
    assert not hasattr(cls, "__post_init__"), f"{cls.__name__}: no __init__ is called"
    return tuple(cls.__dict__[name].__set__ for name in names)


def _record(cls: type[_R], setters: Sequence[Callable[[_R, object], None]], *values: object) -> _R:
    """``cls(field=value, ...)`` for every field in order, without the frozen ``__init__``'s
    field-by-field ``object.__setattr__``: the same record, in less time."""
    record = _new(cls)
    if len(values) != len(setters):
        raise TypeError(f"{cls.__name__}: {len(setters)} fields, {len(values)} values")
    any(map(_call, setters, repeat(record), values))  # one C-level loop (a setter returns None)
    return record


_call: Callable[..., object] = getattr(operator, "call", lambda function, *args: function(*args))
"""``operator.call`` (Python 3.11), or its equivalent."""


_ROUND_FIELDS = tuple(item.name for item in _fields(RoundResult))
_ROUND_SETTERS = dict(zip(_ROUND_FIELDS, _setters(RoundResult, _ROUND_FIELDS), strict=True))
_ENTITY_SETTERS = _setters(Entity, ("path", "element", "place", "rounds", "seats_to_fill", "seats_filled"))
_FILE_SETTERS = _setters(ResultFile, ("path", "kind", "election", "year", "entities"))
_INDEX_ENTRY_SETTERS = _setters(IndexEntry, ("place", "updated", "extracted", "complete"))


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
    document = _read_text(data, name)
    if document is not None:
        return document
    root = parse_shallow(data, name)
    document = _read_fast(root, name)
    if document is None:
        check_depth(root, name)
        return _read_document(root, name)
    return document


def read_bytes(data: bytes, name: str = "<bytes>") -> OfficialDocument:
    """Read one official document from its bytes (see :func:`read_official_file`).

    >>> doc = read_bytes(_EXAMPLE, "x.xml")
    >>> doc.kind, doc.entities[0].rounds[0].votes
    (<FileKind.COMMUNE: 'commune'>, {'HORTALA Frédéric': 4000, 'MIREPOIX Achille': 2384})
    """
    return _read_loaded(data, name)


def read_official_file(path: str | os.PathLike[str]) -> OfficialDocument:
    """Read one Ministry file (PR2017 format or Senate feed) safely into typed records.

    :param path: the XML file.
    :returns: a :class:`ResultFile`, :class:`NationalIndex`, :class:`DepartmentIndex`,
        :class:`Reference` or :class:`Candidatures`, according to the file's structure.
    :raises UnsafeDocumentError: for a DTD, entities or external references.
    :raises OfficialFileError: for an unreadable, malformed or incomplete file, naming the
        file, the element and the value.

    >>> import pathlib, tempfile
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     file = pathlib.Path(tmp) / "075056AR01.xml"
    ...     _ = file.write_bytes(_EXAMPLE)
    ...     read_official_file(file).entities[0].place.name
    'Paris 1er arrondissement'
    """
    return _read_loaded(*read_path(path))


_EXAMPLE = """<?xml version="1.0" encoding="UTF-8"?>
<Election><Scrutin><Type>Présidentielle</Type><Annee>2017</Annee></Scrutin>
<Departement><CodReg>11</CodReg><CodReg3Car>011</CodReg3Car><CodDpt>75</CodDpt>
<CodDpt3Car>075</CodDpt3Car><LibDpt>Paris</LibDpt>
<Commune><CodSubCom>056AR01</CodSubCom><LibSubCom>Paris 1er arrondissement</LibSubCom>
<Tours><Tour><NumTour>1</NumTour><Mentions>
<Inscrits><Nombre>11262</Nombre></Inscrits>
<Votants><Nombre>6723</Nombre><RapportInscrit>  59,70</RapportInscrit></Votants>
<Blancs><Nombre>207</Nombre></Blancs><Nuls><Nombre>132</Nombre></Nuls>
<Exprimes><Nombre>6384</Nombre></Exprimes></Mentions>
<Resultats><Candidats>
<Candidat><NumPanneauCand>1</NumPanneauCand><NomPsn>HORTALA</NomPsn><PrenomPsn>Frédéric</PrenomPsn><NbVoix>4000</NbVoix></Candidat>
<Candidat><NumPanneauCand>2</NumPanneauCand><NomPsn>MIREPOIX</NomPsn><PrenomPsn>Achille</PrenomPsn><NbVoix>2384</NbVoix></Candidat>
</Candidats></Resultats></Tour></Tours></Commune></Departement></Election>
""".encode()

_EXAMPLE_INDEX = """<?xml version="1.0" encoding="UTF-8"?>
<Election><Scrutin><Type>Présidentielle</Type><Annee>2017</Annee></Scrutin>
<Departement><CodDpt>75</CodDpt><CodDpt3Car>075</CodDpt3Car><CodReg3Car>011</CodReg3Car>
<Tours><Tour><NumTour>1</NumTour><Communes>
<Commune><CodSubCom>056</CodSubCom><ResultatsParvenus>O</ResultatsParvenus></Commune>
<Commune><CodSubCom>056AR01</CodSubCom><ResultatsParvenus>O</ResultatsParvenus></Commune>
</Communes></Tour></Tours></Departement></Election>
""".encode()
