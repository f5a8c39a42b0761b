"""Check the places of the Ministry's open-data tables against the arithmetic and the law.

Each place (commune, Paris/Lyon/Marseille sector, canton, constituency, department) read by
:mod:`electoral_rules.io.ministry_csv` goes through the arithmetic and percentage checks
shared with the XML files (:mod:`electoral_rules.io.verify`), then through the rule of its
election:

- **municipales**, lists with seats: the council seats per list against Code électoral,
  art. L262 (:func:`electoral_rules.france.municipal.allocate`): in round 1 no seat without
  an absolute majority of expressed votes, otherwise the bonus then the plus forte moyenne
  among lists with 5 % of expressed votes. The council size is the printed seat total when
  it is one of the sizes of CGCT art. L2121-2 (:data:`COUNCIL_SIZES`); any other total is
  *not checked*, with the reason (a commune nouvelle's transitional council, seats left
  vacant by a list short of candidates under loi n° 2025-444...). A Paris, Lyon or
  Marseille sector's seats (``056SR17``) are checked on their own total, and its
  arrondissement-council seats (``Sièges Secteur``) separately on theirs, with the same rule
  (L272-5 before 2026; L261 as amended by loi n° 2025-795 from 2026). Community seats
  (``Sièges CC``) are checked on their total with the same rule (L273-8);
- **législatives**, **départementales**: the elected flags (and the qualified flags where
  the table prints them) against :func:`electoral_rules.france.legislative.elect`
  (L126, L162) and :func:`electoral_rules.france.departmental.elect` (L193, L210-1);
- **européennes**: the ``Sièges N`` columns of the 2024 tables are the national allocation
  repeated on every row and cannot be recomputed from a part of the country: *not
  checked*, once per file.

A table's round comes from its name (``_t1``, ``tour2``...) or from the caller; without it
the seat checks are *not checked*.

The L262 seats of most communes are found by :func:`quick_l262`, an integer transcription
of the same rule that returns ``None`` whenever a tie or an unusual case would need the
rule's own tie-breaks; when it does not reproduce the printed seats, or returns ``None``,
the library's rule itself decides (and gives the expected seats and legal basis of the
finding). The test suite checks that the two agree on random tallies.
"""

from __future__ import annotations

import datetime as _dt
import functools
from collections.abc import Callable, Sequence
from dataclasses import replace

from .._exact import as_count, as_round, as_seats, require
from .._mapping import FrozenMap
from ..errors import ElectoralRulesError, InvalidArgumentError, NoMajorityError, UnresolvedTieError
from ..france import departmental, legislative, municipal, municipal_tables, senate_tables
from ..outcome import Allocation
from ..tally import Tally
from ..tiebreak import IfUnresolved
from ._checker import Finding, Verdict, _Checker, _columns_agree
from ._settle import Figures
from .ministry_csv import Layout
from .records import Entity, ListResult, RoundResult

__all__ = [
    "ARITHMETIC",
    "COUNCIL_SIZES",
    "ELECTION_DAYS",
    "L262",
    "L273_8",
    "PERCENTAGES",
    "PLM_COUNCILS",
    "OpenDataChecker",
    "municipal_tables_sector_known",
    "quick_l262",
]


@functools.cache
def _council_sizes(date: _dt.date) -> frozenset[int]:
    """Every council size of CGCT art. L2121-2 in force on ``date``, from
    :func:`electoral_rules.france.municipal_tables.council_size` (each band of the table starts
    at a multiple of 100 inhabitants).

    >>> sorted(_council_sizes(_dt.date(2026, 3, 15)))[:4], max(_council_sizes(_dt.date(2026, 3, 15)))
    ([7, 11, 15, 19], 69)
    """
    return frozenset(
        municipal_tables.council_size(people, date=date) for people in (1, *range(100, 300_001, 100))
    )


COUNCIL_SIZES = _council_sizes(_dt.date(2014, 3, 23))
"""The council sizes of CGCT art. L2121-2 from the 2014 renewal (loi n° 2013-403: 7 below
100 inhabitants, then 11, 15, 19 ... 69 from 300 000 inhabitants), unchanged by loi
n° 2025-444. Paris, Lyon and Marseille have their own (:data:`PLM_COUNCILS`)."""

PLM_COUNCILS = FrozenMap(
    {
        code: municipal_tables.city_council_seats(city)
        for code, city in (("75056", "Paris"), ("69123", "Lyon"), ("13055", "Marseille"))
    }
)
"""Conseil de Paris and the councils of Lyon and Marseille by their INSEE codes: 163, 73 and
101 members (:func:`electoral_rules.france.municipal_tables.city_council_seats`)."""

_PLM_CITIES = {"75056": "Paris", "69123": "Lyon", "13055": "Marseille"}

ELECTION_DAYS: FrozenMap[tuple[str, int], tuple[_dt.date, ...]] = FrozenMap(
    {
        ("municipales", 2014): (_dt.date(2014, 3, 23), _dt.date(2014, 3, 30)),
        ("municipales", 2020): (_dt.date(2020, 3, 15), _dt.date(2020, 6, 28)),
        ("municipales", 2026): (_dt.date(2026, 3, 15), _dt.date(2026, 3, 22)),
        ("législatives", 2017): (_dt.date(2017, 6, 11), _dt.date(2017, 6, 18)),
        ("législatives", 2022): (_dt.date(2022, 6, 12), _dt.date(2022, 6, 19)),
        ("législatives", 2024): (_dt.date(2024, 6, 30), _dt.date(2024, 7, 7)),
        ("départementales", 2015): (_dt.date(2015, 3, 22), _dt.date(2015, 3, 29)),
        ("départementales", 2021): (_dt.date(2021, 6, 20), _dt.date(2021, 6, 27)),
        ("présidentielle", 2017): (_dt.date(2017, 4, 23), _dt.date(2017, 5, 7)),
        ("présidentielle", 2022): (_dt.date(2022, 4, 10), _dt.date(2022, 4, 24)),
        ("européennes", 2019): (_dt.date(2019, 5, 26),),
        ("européennes", 2024): (_dt.date(2024, 6, 9),),
    }
)
"""Polling days of the elections whose tables the checker knows (the decrees convening
the electors); a table of another year is checked with the first of January of its year,
which selects the same version of the rules for every election here."""

L262 = "Code électoral, art. L262"
L273_8 = "Code électoral, art. L273-8 (community seats shared as in L262)"
ARITHMETIC = (
    "Code électoral, art. L65 and L66 (counting: blank and null ballots apart from the expressed votes)"
)
PERCENTAGES = "the Ministry's publication (percentages rounded to 2 decimals; no article)"

_ARITHMETIC_CHECKS = frozenset(
    {
        "voters = blank + null + expressed",
        "voters <= registered",
        "abstentions = registered - voters",
        "votes add up to expressed",
    }
)


def quick_l262(
    votes: Sequence[int], seats: int, round: int, *, cap: tuple[int, int] | None = None
) -> tuple[int, ...] | None:
    """The seats per list under L262, in integers, or ``None`` where the rule's tie-breaks
    or special cases are needed.

    Round 1: no seat without an absolute majority of the votes (``2 * v > sum``); round 2:
    the bonus to the list with the most votes. The bonus is half the seats, rounded up
    above four seats and down below; the other seats go by plus forte moyenne among the
    lists with at least 5 % of the votes (``20 * v >= sum``), the bonus list's average
    counted on its proportional seats, equal averages to the list with more votes.
    ``None`` for equal leading lists in round 2, equal averages and votes for the last
    seat, no votes at all, or no list reaching 5 %. ``cap=(list index, seats)`` stops a
    list at that many seats and lets the plus forte moyenne go on among the others (what
    some communes did in 2026 when the leading list had fewer candidates than seats; the
    law is silent).

    >>> quick_l262([362, 188], 15, 1)        # Hautefort (CE 2015)
    (13, 2)
    >>> quick_l262([50, 30, 20], 15, 1)      # no absolute majority in round 1
    (0, 0, 0)
    >>> quick_l262([40, 40], 7, 2) is None   # equal leaders: the age of the lists decides
    True

    .. seealso:: :func:`electoral_rules.france.municipal.allocate` (the rule itself), Code
       électoral, art. L262.
    """
    counts = [as_count(count, f"votes[{index}]") for index, count in enumerate(_sequence(votes))]
    house = as_seats(seats)
    number = as_round(round, "L262")
    if cap is not None:
        require(cap, tuple, "cap")
        if len(cap) != 2 or not 0 <= as_count(cap[0], "cap's list") < len(counts):
            raise InvalidArgumentError(f"cap must be (index of a list, seats), got {cap!r}")
        cap = (cap[0], as_count(cap[1], "cap's seats"))
    return _quick_l262(counts, house, number, cap=cap)


def _sequence(votes: object) -> list[object]:
    """``votes`` as a list, or the library's error: a sequence of counts, in list order."""
    if isinstance(votes, (str, bytes)) or not isinstance(votes, Sequence):
        raise InvalidArgumentError(f"votes must be a sequence of counts, got {votes!r}"[:200])
    return list(votes)


def _quick_l262(
    votes: Sequence[int], seats: int, round: int, *, cap: tuple[int, int] | None = None
) -> tuple[int, ...] | None:
    """:func:`quick_l262` without its checks, for the checker's own calls."""
    total = sum(votes)
    count = len(votes)
    if total == 0 or seats < 1:
        return None
    top = max(votes)
    if round == 1:
        if 2 * top <= total:
            return (0,) * count
    elif votes.count(top) > 1:
        return None
    lead = votes.index(top)
    bonus = (seats + 1) // 2 if seats > 4 else seats // 2
    eligible = [index for index, value in enumerate(votes) if 20 * value >= total]
    if not eligible:
        return None
    proportional = [0] * count
    left = seats - bonus
    capped, most = cap if cap is not None else (-1, seats)
    if capped == lead:
        if most < bonus:
            return None
        most -= bonus  # the cap counts the bonus seats too
    while left:
        if proportional[capped] >= most and capped in eligible:
            eligible = [index for index in eligible if index != capped]
            if not eligible:
                return None
        best = eligible[0]
        tied = False
        for index in eligible[1:]:
            # average votes / (seats + 1), compared by cross-multiplication
            mine = votes[index] * (proportional[best] + 1)
            theirs = votes[best] * (proportional[index] + 1)
            if mine > theirs or (mine == theirs and votes[index] > votes[best]):
                best, tied = index, False
            elif mine == theirs and votes[index] == votes[best]:
                tied = True
        if tied and left == 1:
            return None  # the last seat between equal lists: the oldest candidate (L262)
        proportional[best] += 1
        left -= 1
    proportional[lead] += bonus
    return tuple(proportional)


def _quick_seats(votes: Sequence[int], total: int, round_number: int) -> tuple[int, ...] | None:
    """The seats :meth:`OpenDataChecker.seats_check` settles without the rule: the printed
    ``total`` shared by :func:`_quick_l262`, or ``None`` (the rule decides)."""
    if len(votes) == 1 and votes[0] > 0:
        return (total,)  # one list with votes: every seat is its own (L262 al.1)
    if total:
        return _quick_l262(votes, total, round_number)
    if round_number == 1:
        quick = _quick_l262(votes, 1, 1)  # only whether a list has the absolute majority
        if quick is not None and any(quick):
            return None  # a majority but no seat: let the rule give the seats expected
        return quick
    return None


def _seat_text(names: Sequence[str], seats: Sequence[int]) -> str:
    return ", ".join(f"{name} {count}" for name, count in zip(names, seats, strict=True))


class OpenDataChecker:
    """The checks of one open-data table, place by place, into a shared :class:`_Checker`."""

    def __init__(self, checker: _Checker, layout: Layout) -> None:
        self.checker = checker
        self.layout = layout
        year = layout.year or 0
        days = ELECTION_DAYS.get((layout.election, year))
        number = layout.round
        self.date: _dt.date | None
        if days is not None and number is not None and number <= len(days):
            self.date = days[number - 1]
        elif year and number is not None:
            self.date = _dt.date(year, 1, 1)
        else:
            self.date = None
        self.noted_national = False
        self.vacancies_possible = False
        self.memo: dict[tuple[int, int], tuple[int, ...]] = {}
        self.sizes = _council_sizes(self.date) if self.date is not None else COUNCIL_SIZES
        self.tallied = [0, 0, 0, 0, 0]
        """What :meth:`settle` counted and :meth:`flush` has not yet added: rows, rows with
        abstentions, percentages, council seats, community seats."""
        """The council sizes of CGCT L2121-2 on the polling day (or from 2014)."""

    # -- per place --------------------------------------------------------------------
    def entity(self, entity: Entity) -> None:
        checker = self.checker
        first = len(checker.findings)
        if self.layout.election == "sénatoriales":
            self.senators(entity)
        for item in entity.rounds:
            checker.round_arithmetic(item)
            election = self.layout.election
            if election == "municipales" and item.lists:
                self.municipal(entity, item)
            elif election in ("législatives", "départementales") and item.candidates:
                self.majoritarian(entity, item)
            elif election == "européennes" and any(party.seats for party in item.lists):
                self.national_seats(item)
        if len(checker.findings) > first:
            place = entity.place
            line, code, name = entity.line, place.code, place.name
            # the constructor itself: dataclasses.replace inspects the fields on every call
            checker.findings[first:] = [
                Finding(
                    verdict=finding.verdict,
                    check=finding.check,
                    path=finding.path,
                    element=finding.element,
                    message=finding.message,
                    expected=finding.expected,
                    found=finding.found,
                    legal_basis=finding.legal_basis or _basis(finding.check),
                    line=line,
                    place=code,
                    place_name=name,
                )
                for finding in checker.findings[first:]
            ]

    # -- a row in one go ---------------------------------------------------------------
    def settles(self) -> bool:
        """Whether :meth:`settle` can check this table's rows (municipales of a known round
        and date)."""
        return self.layout.election == "municipales" and self.layout.round is not None and self.date is not None

    def settle(self, figures: Figures) -> bool:
        """Every check of a commune's row from its plain figures
        (read by :mod:`~electoral_rules.io.ministry_csv`), counted as
        :meth:`entity` counts them, when every one agrees without the rules' own code:
        ``True``. ``False``, with nothing counted, when any would make a finding or need
        the rule (a disagreement, a tie, an unusual council, a PLM city or sector, New
        Caledonia...): the caller then builds the place's records for :meth:`entity`.

        It makes the same checks in the same order as :meth:`entity` (the arithmetic of
        :meth:`_Checker.round_arithmetic`, the percentages of :meth:`_Checker.round_rates`,
        then :meth:`municipal`: :meth:`council` and the community seats by
        :func:`_quick_seats`), so a row it settles would have given no finding there.
        """
        (
            code,
            registered,
            voters,
            blank,
            null,
            expressed,
            abstentions,
            digits,
            tops,
            bottoms,
            votes,
            seats,
            community,
            sector,
        ) = figures
        if (
            blank + null + expressed != voters
            or voters > registered
            or (abstentions is not None and registered - voters != abstentions)
            or sum(votes) != expressed
            or not _columns_agree(digits, tops, bottoms)
        ):
            return False
        round_number = self.layout.round
        assert round_number is not None and self.date is not None  # settles()
        council = False
        shared = False
        vacancies = self.vacancies_possible
        if votes and any(count is not None for count in seats):
            printed = [count or 0 for count in seats]
            total = sum(printed)
            year = self.layout.year or 0
            if round_number == 1 and total == 0:
                pass  # council(): no seat, right exactly when no list has the majority
            elif year >= 2026 and code in PLM_COUNCILS:
                return False  # the city council's own rule
            else:
                vacancies = year >= 2026 and code not in PLM_COUNCILS
                if year >= 2026 and code.startswith("988") and total <= 15:
                    return False  # New Caledonia
                if not (total in self.sizes or PLM_COUNCILS.get(code) == total):
                    return False  # the council size is not known
            quick = _quick_seats(votes, total, round_number)
            if quick is None or list(quick) != printed:
                return False
            council = True
            if any(sector):
                return False  # arrondissement seats: checked with the records
            if any(community):
                printed = [count or 0 for count in community]
                quick = _quick_seats(votes, sum(printed), round_number)
                if quick is None or list(quick) != printed:
                    return False
                shared = True
        # everything agrees: counted as entity() counts it (added up by flush())
        self.vacancies_possible = vacancies
        tallied = self.tallied
        tallied[0] += 1
        if abstentions is not None:
            tallied[1] += 1
        tallied[2] += len(digits)
        if council:
            tallied[3] += 1
            if shared:
                tallied[4] += 1
        return True

    def flush(self) -> None:
        """Add the agreements of the rows :meth:`settle` checked to the checker's counts
        (the report sorts the checks by name, so when they are added does not show)."""
        rows, abstentions, rates, council, community = self.tallied
        self.tallied = [0, 0, 0, 0, 0]
        agreed = self.checker.agreed
        for check, count in (
            ("voters = blank + null + expressed", rows),
            ("voters <= registered", rows),
            ("abstentions = registered - voters", abstentions),
            ("votes add up to expressed", rows),
            ("percentage rounded to 2 decimals", rates),
            ("council seats (L262)", council),
            ("community seats (L273-8)", community),
        ):
            if count:
                agreed[check] += count

    # -- municipales ------------------------------------------------------------------
    def municipal(self, entity: Entity, item: RoundResult) -> None:
        lists = item.lists
        if any(party.elected is not None for party in lists):
            self.checker.add(
                Verdict.NOT_CHECKED,
                "council seats (L262)",
                item.path,
                item.element,
                "the seats column holds elected flags (a candidate-by-candidate vote): the "
                "candidates' own votes are needed to check them",
            )
            return
        if all(party.seats is None for party in lists):
            return  # no seats printed
        sector = entity.place.level.value == "sector"
        self.council(entity, item, [party.seats or 0 for party in lists], sector=sector)
        if any(party.sector_seats for party in lists):
            self.seats_check(
                item,
                [party.sector_seats or 0 for party in lists],
                "arrondissement-council seats of the sector (L262, L272-5)",
                size_known=True,
            )
        if any(party.community_seats for party in lists):
            self.seats_check(
                item,
                [party.community_seats or 0 for party in lists],
                "community seats (L273-8)",
                size_known=True,
                rule=_community if (self.layout.year or 0) >= 2014 else None,
            )

    def council(self, entity: Entity, item: RoundResult, printed: Sequence[int], *, sector: bool) -> None:
        check = "council seats (L262)"
        total = sum(printed)
        code = entity.place.code
        year = self.layout.year or 0
        if self.layout.round is None:
            self._not_checked(
                item, check, "the round is not known (name the file ..._t1 / _t2 or give the round)"
            )
            return
        if self.layout.round == 1 and total == 0:
            # no seat: right exactly when no list has an absolute majority
            self.seats_check(item, printed, check, size_known=True)
            return
        if year >= 2026 and code in PLM_COUNCILS and not sector:
            city = _PLM_CITIES[code]
            self.seats_check(
                item,
                printed,
                "city council seats (L262, L272-4-1)",
                size_known=True,
                quick_ok=False,
                rule=lambda votes, total, number, day: municipal.allocate_city_council(
                    votes, None, round=number, date=day, city=city, if_unresolved=IfUnresolved.RAISE
                ),
            )
            return
        # lists of under 1 000 inhabitants may be short of candidates from 2026 (loi n° 2025-444)
        self.vacancies_possible = year >= 2026 and not sector and code not in PLM_COUNCILS
        if sector and year >= 2026 and self.sector_2026(entity, item, printed):
            return
        sizes = _council_sizes(self.date) if self.date is not None else COUNCIL_SIZES
        if year >= 2026 and code.startswith("988") and total <= 15:
            self.new_caledonia(item, printed, check)
            return
        size_ok = sector or total in sizes or PLM_COUNCILS.get(code) == total
        if not size_ok and self._nearby_size(item, printed, check, year):
            return
        if not size_ok:
            reason = (
                f"the seat total {total} is not a council size of CGCT art. L2121-2 "
                f"({', '.join(map(str, sorted(sizes)))}), so the council size is not known"
            )
            if year >= 2026:
                reason += (
                    "; the file may leave seats vacant when a list has fewer candidates than seats "
                    "(loi n° 2025-444), or the commune may be a commune nouvelle (CGCT L2113-8)"
                )
            self._not_checked(item, check, reason)
            return
        self.seats_check(item, printed, check, size_known=True)

    def seats_check(
        self,
        item: RoundResult,
        printed: Sequence[int],
        check: str,
        *,
        size_known: bool,
        rule: _Rule | None = None,
        quick_ok: bool = True,
    ) -> None:
        """The printed seats against the rule (``rule``, by default L262 through
        :func:`electoral_rules.france.municipal.allocate`), on the printed total; the integer
        L262 (:func:`quick_l262`) settles the usual agreements first when ``quick_ok``."""
        del size_known
        checker = self.checker
        round_number = self.layout.round
        if round_number is None or self.date is None:
            self._not_checked(item, check, "the round or the election's date is not known")
            return
        lists: Sequence[ListResult] = item.lists
        votes = [party.votes for party in lists]
        total = sum(printed)
        if total == 0 and round_number == 2:
            self._not_checked(item, check, "no seat is printed for a second round")
            return
        quick = _quick_seats(votes, total, round_number) if quick_ok else None
        if quick is not None and list(quick) == list(printed):
            checker.agreed[check] += 1
            return
        names = [party.name for party in lists]
        if total == 0:
            self._no_seat_with_majority(item, check, names, printed)
            return
        call = rule or _l262
        try:
            allocation = call(dict(zip(names, votes, strict=True)), total, round_number, self.date)
        except NoMajorityError as err:
            expected = [0] * len(names)
            basis = f"{L262} al.2"
            message = f"{err}"
        except UnresolvedTieError as err:
            checker.add(
                Verdict.UNDETERMINED,
                check,
                item.path,
                item.element,
                f"the law leaves a tie to the candidates' ages, which the table does not give: {err}",
                found=_seat_text(names, printed),
                legal_basis=err.outcome.legal_basis if getattr(err, "outcome", None) is not None else L262,
            )
            return
        except ElectoralRulesError as err:
            self._not_checked(item, check, f"the rule refused the figures: {err}")
            return
        else:
            expected = [allocation.seats.get(name, 0) for name in names]
            basis = allocation.legal_basis
            message = f"{allocation.house} seats: bonus {dict(allocation.bonus)}"
        if expected == list(printed):
            checker.agreed[check] += 1
            return
        if (
            self.vacancies_possible
            and check.startswith("council")
            and self._passed_on(item, printed, expected)
        ):
            return
        checker.findings.append(
            Finding(
                verdict=Verdict.DISAGREES,
                check=check,
                path=item.path,
                element=item.element,
                message=message,
                expected=_seat_text(names, expected),
                found=_seat_text(names, printed),
                legal_basis=basis if "273-8" not in check else f"{L273_8}; {basis}",
            )
        )

    def sector_2026(self, entity: Entity, item: RoundResult, printed: Sequence[int]) -> bool:
        """A Paris, Lyon or Marseille sector from 2026: its seat total against the sector table
        and its seats by the sector ballot's rule
        (:func:`electoral_rules.france.municipal.allocate_sector_council`); ``False`` when the
        sector is not known (then L262 on the printed total is checked)."""
        code = entity.place.commune or ""
        city = _PLM_CITIES.get(entity.place.code[:5])
        number = code.upper().rpartition("SR")[2]
        if city is None or not number.isdigit():
            return False
        self.sector_size(entity, item, sum(printed))
        sector_number = int(number)
        self.seats_check(
            item,
            printed,
            "sector council seats (L262, L261 al.2)",
            size_known=True,
            quick_ok=False,
            rule=lambda votes, total, number, day: (
                municipal.allocate_sector_council(
                    votes,
                    total,
                    round=number,
                    date=day,
                    city=city,
                    sector=sector_number,
                    if_unresolved=IfUnresolved.RAISE,
                )
                if municipal_tables_sector_known(city, sector_number) is None
                else municipal.allocate_sector_council(
                    votes,
                    None,
                    round=number,
                    date=day,
                    city=city,
                    sector=sector_number,
                    if_unresolved=IfUnresolved.RAISE,
                )
            ),
        )
        return True

    def sector_size(self, entity: Entity, item: RoundResult, total: int) -> None:
        """The seat total of a Paris, Lyon or Marseille sector against the sector table of
        loi n° 2025-795 (:func:`electoral_rules.france.municipal_tables.sector_seats`)."""
        check = "sector council size (L261, loi n° 2025-795)"
        code = entity.place.commune or ""
        city = _PLM_CITIES.get(entity.place.code[:5])
        number = code.upper().rpartition("SR")[2]
        if city is None or not number.isdigit():
            self._not_checked(item, check, f"sector {code!r} of no known city")
            return
        try:
            expected = municipal_tables.sector_seats(city, int(number))
        except ElectoralRulesError as err:
            self._not_checked(item, check, f"{err}")
            return
        self.checker.check(
            expected == total,
            check,
            item.path,
            item.element,
            f"{city}, sector {int(number)}: the table of loi n° 2025-795 gives {expected} seats, the file {total}",
            expected,
            total,
        )
        if expected != total:
            self.checker.findings[-1] = replace(
                self.checker.findings[-1], legal_basis=municipal_tables.SECTOR_TABLE_BASIS
            )

    def new_caledonia(self, item: RoundResult, printed: Sequence[int], check: str) -> None:
        """A New Caledonian commune with a council of 15 or fewer, whose population the table
        does not give: from 1 000 inhabitants L262 applies, under it list PR without a bonus
        (Code électoral, art. L429, L435;
        :func:`electoral_rules.france.municipal.allocate_new_caledonia_small_commune`). The
        seats agree when either rule gives them; the finding names both otherwise."""
        votes = [party.votes for party in item.lists]
        total = sum(printed)
        quick = _quick_l262(votes, total, self.layout.round or 1)
        if quick is not None and list(quick) == list(printed):
            self.checker.agreed[check] += 1
            return
        band = {7: 1, 11: 100, 15: 500}.get(total)
        if band is None:
            self._not_checked(
                item, check, f"the seat total {total} is not a council size of a commune under 1 000"
            )
            return
        self.seats_check(
            item,
            printed,
            "council seats, New Caledonia under 1 000 inhabitants (L429, L435)",
            size_known=True,
            quick_ok=False,
            rule=lambda tally, seats, number, day: municipal.allocate_new_caledonia_small_commune(
                tally, seats, round=number, date=day, population=band, if_unresolved=IfUnresolved.RAISE
            ),
        )

    def _passed_on(self, item: RoundResult, printed: Sequence[int], expected: Sequence[int]) -> bool:
        """Whether the printed seats are L262's but for the leading list stopped short and
        its seats shared on among the others (loi n° 2025-444 lets lists have fewer
        candidates than seats; what becomes of such seats is not written): *undetermined*."""
        votes = [party.votes for party in item.lists]
        lead = votes.index(max(votes))
        if not printed[lead] < expected[lead]:
            return False
        shared = _quick_l262(votes, sum(printed), self.layout.round or 1, cap=(lead, printed[lead]))
        if shared is None or list(shared) != list(printed):
            return False
        names = [party.name for party in item.lists]
        self.checker.add(
            Verdict.UNDETERMINED,
            "council seats (L262)",
            item.path,
            item.element,
            f"L262 gives {names[lead]!r} {expected[lead]} seats; the file gives it {printed[lead]} and shares the "
            "rest among the other lists by plus forte moyenne, as when a list has fewer candidates than seats "
            "(allowed below 1 000 inhabitants by loi n° 2025-444); no text read says what becomes of such "
            "seats (left vacant, or passed on)",
            expected=_seat_text(names, expected),
            found=_seat_text(names, printed),
            legal_basis=f"{L262}; loi n° 2025-444 (CGCT L2121-2-1: council réputé complet)",
        )
        return True

    def _nearby_size(self, item: RoundResult, printed: Sequence[int], check: str, year: int) -> bool:
        """A seat total that is no council size, where L262 on a legal size one or two seats
        away reproduces every list but one. From 2026, that list holding fewer seats than it
        won is the vacancy loi n° 2025-444 allows (*undetermined*). Otherwise the row
        disagrees with the law, and the finding names each such explanation (before 2026
        lists are complete, so the council has a size of CGCT L2121-2)."""
        total = sum(printed)
        votes = [party.votes for party in item.lists]
        round_number = self.layout.round or 1
        names = [party.name for party in item.lists]
        found: list[tuple[int, tuple[int, ...], int]] = []
        sizes = _council_sizes(self.date) if self.date is not None else COUNCIL_SIZES
        for size in sorted(sizes, key=lambda size: (abs(size - total), size)):
            if not 0 < abs(size - total) <= 2:
                continue
            full = _quick_l262(votes, size, round_number)
            if full is None:
                continue
            odd = [index for index in range(len(votes)) if full[index] != printed[index]]
            if len(odd) == 1:
                found.append((size, full, odd[0]))
        if not found:
            return False
        for size, full, index in found:
            if self.vacancies_possible and printed[index] < full[index]:
                self.checker.add(
                    Verdict.UNDETERMINED,
                    check,
                    item.path,
                    item.element,
                    f"the seats are L262's on a council of {size} with {size - total} seat(s) of "
                    f"{names[index]!r} left vacant, as when a list has fewer candidates than seats (allowed "
                    "below 1 000 inhabitants by loi n° 2025-444); the council size is inferred, not printed"
                    + _completeness(size, total),
                    expected=_seat_text(names, full),
                    found=_seat_text(names, printed),
                    legal_basis=f"{L262}; CGCT L2121-2 and L2121-2-1 (loi n° 2025-444)",
                )
                return True
        readings = "; ".join(
            f"on {size} seats, L262 gives every list its printed seats but {names[index]!r} ({full[index]}, "
            f"printed {printed[index]})"
            for size, full, index in found
        )
        size, full, _ = found[0]
        self.checker.findings.append(
            Finding(
                verdict=Verdict.DISAGREES,
                check=check,
                path=item.path,
                element=item.element,
                message=f"the seat total {total} is no council size of CGCT L2121-2: {readings}",
                expected=_seat_text(names, full),
                found=_seat_text(names, printed),
                legal_basis=f"{L262}; CGCT L2121-2",
            )
        )
        return True

    def _no_seat_with_majority(
        self, item: RoundResult, check: str, names: Sequence[str], printed: Sequence[int]
    ) -> None:
        self.checker.findings.append(
            Finding(
                verdict=Verdict.DISAGREES,
                check=check,
                path=item.path,
                element=item.element,
                message="a list has the absolute majority of expressed votes in round 1, yet no seat is printed",
                expected="seats for the lists (council size not printed)",
                found=_seat_text(names, printed),
                legal_basis=f"{L262} al.1",
            )
        )

    def _not_checked(self, item: RoundResult, check: str, reason: str) -> None:
        self.checker.add(Verdict.NOT_CHECKED, check, item.path, item.element, reason)

    # -- majoritarian rounds ----------------------------------------------------------
    def majoritarian(self, entity: Entity, item: RoundResult) -> None:
        people = item.candidates
        if all(person.elected is None for person in people):
            return
        check = "elected flags"
        round_number = self.layout.round
        if round_number is None:
            self._not_checked(
                item, check, "the round is not known (name the file ..._t1 / _t2 or give the round)"
            )
            return
        rules = legislative if self.layout.election == "législatives" else departmental
        votes = {person.name: person.votes or 0 for person in people}
        try:
            if round_number == 1:
                outcome = rules.elect(Tally(votes=votes, registered=item.registered), date=self.date)
            else:
                outcome = rules.elect(votes, round=2, date=self.date, if_unresolved=IfUnresolved.RAISE)
        except UnresolvedTieError as err:
            self.checker.add(
                Verdict.UNDETERMINED, check, item.path, item.element, f"a tie the table cannot settle: {err}"
            )
            return
        except ElectoralRulesError as err:
            self._not_checked(item, check, f"the rule refused the figures: {err}")
            return
        if outcome.undetermined:
            self.checker.add(
                Verdict.UNDETERMINED,
                check,
                item.path,
                item.element,
                "a tie the law leaves to the candidates' ages",
            )
            return
        printed = sorted(person.name for person in people if person.is_elected)
        expected = sorted(outcome.elected)
        self.checker.check(
            printed == expected,
            check,
            item.path,
            item.element,
            f"round {round_number}: {outcome.legal_basis}",
            ", ".join(expected) or "nobody",
            ", ".join(printed) or "nobody",
        )
        if self.checker.findings and self.checker.findings[-1].check == check and printed != expected:
            self.checker.findings[-1] = replace(self.checker.findings[-1], legal_basis=outcome.legal_basis)
        if round_number == 1 and any(person.is_qualified for person in people):
            qualified = sorted(person.name for person in people if person.is_qualified)
            ok = qualified == sorted(outcome.qualified)
            self.checker.check(
                ok,
                "qualified flags",
                item.path,
                item.element,
                f"qualified for round 2: {outcome.legal_basis}",
                ", ".join(sorted(outcome.qualified)) or "nobody",
                ", ".join(qualified) or "nobody",
            )
            if not ok:
                self.checker.findings[-1] = replace(
                    self.checker.findings[-1], legal_basis=outcome.legal_basis
                )
        if entity.seats_filled is not None:
            self.checker.check(
                entity.seats_filled == len(printed),
                "seats filled = elected flags",
                item.path,
                item.element,
                f"NbSiePourvus = {entity.seats_filled} but {len(printed)} candidate(s) flagged elected",
                len(printed),
                entity.seats_filled,
            )

    # -- sénatoriales -----------------------------------------------------------------
    def senators(self, entity: Entity) -> None:
        check = "serving senators = seats of the constituency"
        name = entity.place.name
        try:
            expected = senate_tables.seats(name)
        except ElectoralRulesError as err:
            self.checker.add(Verdict.NOT_CHECKED, check, entity.path, entity.element, f"{err}")
            return
        self.checker.check(
            entity.seats_filled == expected,
            check,
            entity.path,
            entity.element,
            f"{entity.seats_filled} senator(s) marked ACTIF for {name!r}; tableaux n° 5 and 6 give {expected}",
            expected,
            entity.seats_filled,
        )
        if entity.seats_filled != expected:
            self.checker.findings[-1] = replace(
                self.checker.findings[-1],
                legal_basis="Code électoral, art. L279 and LO276, tableaux n° 5 and n° 6",
            )

    # -- européennes ------------------------------------------------------------------
    def national_seats(self, item: RoundResult) -> None:
        if self.noted_national:
            return
        self.noted_national = True
        self._not_checked(
            item,
            "national seats (loi n° 77-729, art. 3)",
            "the 'Sièges' columns are the national allocation repeated on every row; it needs the national "
            "tally (French residents abroad included), not a part of the country",
        )


_Rule = Callable[[dict[str, int], int, int, _dt.date], Allocation]
"""``rule(votes, seats, round, date)``: the allocation a check compares the printed seats with."""


def _l262(votes: dict[str, int], seats: int, number: int, day: _dt.date) -> Allocation:
    return municipal.allocate(votes, seats, round=number, date=day, if_unresolved=IfUnresolved.RAISE)


def _community(votes: dict[str, int], seats: int, number: int, day: _dt.date) -> Allocation:
    return municipal.allocate_community_seats(
        votes, seats, round=number, date=day, if_unresolved=IfUnresolved.RAISE
    )


def municipal_tables_sector_known(city: str, sector: int) -> int | None:
    """The sector's seats from the table of loi n° 2025-795, or ``None`` when not known."""
    try:
        return municipal_tables.sector_seats(city, sector)
    except ElectoralRulesError:
        return None


def _completeness(size: int, filled: int) -> str:
    """Whether a council of ``size`` with ``filled`` members is *réputé complet* (CGCT
    L2121-2-1), said for the sizes of communes under 1 000 inhabitants."""
    bands = {7: 1, 11: 100, 15: 500}  # the first population of each size's band
    if size not in bands:
        return ""
    least = municipal_tables.complete_council_minimum(bands[size])
    if least is None:
        return ""
    verdict = "réputé complet" if filled >= least else "not réputé complet (a complementary election is due)"
    return f"; with {filled} of {size} members the council is {verdict} (CGCT L2121-2-1: at least {least})"


def _basis(check: str) -> str:
    if check in _ARITHMETIC_CHECKS:
        return ARITHMETIC
    if check.startswith("percentage"):
        return PERCENTAGES
    return ""
