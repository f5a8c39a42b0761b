"""The records every official source is read into: places, rounds, lists and candidates.

The XML reader (:mod:`electoral_rules.io.ministry_xml`) and the open-data CSV reader
(:mod:`electoral_rules.io.ministry_csv`) build the same frozen records, so that one checker
(:mod:`electoral_rules.io.verify`) serves both: a :class:`ResultFile` holds
:class:`Entity` records (a place and its rounds), each :class:`RoundResult` holds the
counts, the :class:`CandidateResult` or :class:`ListResult` records with their votes,
seats and elected flags, and every printed percentage (:class:`PublishedRate`).

Counts are read, bounded and non-negative but *not* checked against each other here: a
faulty official figure must be readable so that :mod:`~electoral_rules.io.verify` can report
it.
"""

from __future__ import annotations

import datetime as _dt
import enum
from dataclasses import dataclass, field
from fractions import Fraction

from .._exact import percent_hundredths
from .._mapping import FrozenMap
from ..errors import InvalidArgumentError, InvalidTallyError, OfficialFileError
from ..tally import Tally
from ._rates import _rate_agrees

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
    SECTOR = "sector"
    """A sector of Paris, Lyon or Marseille in the municipal open-data files (``056SR17``)."""
    CANTON = "canton"
    """A canton (départementales)."""
    LEGISLATIVE = "legislative constituency"
    """A circonscription législative."""


_FRANCE, _REGION, _DEPARTMENT, _SECTION, _COMMUNE, _ARRONDISSEMENT, _CONSTITUENCY, *_ = Level
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
    OPEN_DATA = "open data"
    """An open-data results table (CSV/TXT, one row per place or per candidate): see
    :mod:`electoral_rules.io.ministry_csv`."""


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
    for value in (numerator, denominator):
        if isinstance(value, bool) or not isinstance(value, int) or value < 0:
            raise InvalidArgumentError(f"rounded_percent takes counts (int >= 0), not {value!r}"[:120])
    return tuple(Fraction(hundredths, 100) for hundredths in percent_hundredths(numerator, denominator))


_ELECTED_WORDS = frozenset({"OUI", "ELU", "ÉLU", "ELUE", "ÉLUE", "ELUS", "ÉLUS", "ELU(E)", "ÉLU(E)"})
"""How the files say "elected": ``OUI`` (XML feeds), ``Elu`` (législatives 2022), ``élu``
(législatives 2024), ``Elus`` (départementales 2015)."""


@dataclass(frozen=True, slots=True, kw_only=True)
class CandidateResult:
    """A candidate as a file lists them (with votes in results, without in lists or candidatures).

    :ivar name: the key used in tallies: ``"NOM Prénom"``.
    :ivar number: ``NumPanneauCand`` (presidential board number), when given.
    :ivar order: ``NumOrdCand`` (rank on a list), when given.
    :ivar votes: ``NbVoix``, when given.
    :ivar elected: the ``Elu`` text as published (``"OUI"``, ``"NON"``,
        ``"QUALIFIE(E) AU T2"``, ``"QUALIF T2"``; ``"Elu"``, ``"élu"``, ``"Elus"`` or empty
        in the open-data tables), when given.
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
        return None if self.elected is None else self.elected.strip().upper() in _ELECTED_WORDS

    @property
    def is_qualified(self) -> bool:
        """Whether ``Elu`` says the candidate goes on to the next round."""
        return self.elected is not None and self.elected.strip().upper().startswith("QUALIF")


@dataclass(frozen=True, slots=True, kw_only=True)
class ListResult:
    """A list: in a proportional Senate constituency, or a row's list in an open-data table.

    :ivar name: ``NomListe`` (the key in the tally; may be cut at 100 characters).
    :ivar full_name: ``NomCompListe``.
    :ivar head: the head of list, ``"NOM Prénom"``.
    :ivar seats: ``NbSieges``, the seats the Ministry gives the list (``Sièges / Elu``,
        ``Sièges au CM``, ``Sièges`` in the open-data tables).
    :ivar candidates: in list order, each with its ``Elu`` flag.
    :ivar sector_seats: ``Sièges Secteur``: the arrondissement-council seats of a Paris,
        Lyon or Marseille sector (0 elsewhere), when printed.
    :ivar community_seats: ``Sièges CC`` / ``Sièges au CC``: the community-council seats
        (Code électoral, art. L273-8), when printed.
    :ivar elected: an elected flag printed in the seats column instead of a number
        (``"Oui"`` in the plurinominal municipal files).
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
    sector_seats: int | None = None
    community_seats: int | None = None
    elected: str | None = None


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

    :ivar seats_to_fill: ``NbSap`` (Senate; législatives 2024 feed tables).
    :ivar seats_filled: ``NbSiePourvus`` (Senate; législatives 2024 feed tables).
    :ivar line: the line of an open-data table the place starts on (``None`` in XML).
    """

    path: str
    element: str
    place: Place
    rounds: tuple[RoundResult, ...]
    seats_to_fill: int | None = None
    seats_filled: int | None = None
    line: int | None = None

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
