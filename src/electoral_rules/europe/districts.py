"""The member states that elect their MEPs over constituencies: Belgium, Italy, Poland and
the United Kingdom (2019).

Two families of rules:

* **Seats fixed per constituency** (Belgium's three electoral colleges, the eleven regions of
  Great Britain): each constituency allocates its own seats among its own lists by D'Hondt;
  the state's seats per list are the sums.
* **National allocation, then distribution** (Italy, Poland): the seats are allocated among
  the lists on their national totals (Italy: Hare quota and largest remainders among the
  lists with 4 % of the valid votes, a minority-language list counting with the national list
  it is linked to; Poland: D'Hondt among the committees with 5 % of the valid votes), then
  each list's seats are distributed to the constituencies in proportion to its votes there
  (Hare quota of the list, largest remainders). A constituency's number of MEPs is therefore
  not fixed in advance.

The input is a mapping ``constituency -> votes per list`` (each a
:class:`~electoral_rules.Tally` or a mapping of counts); every constituency of the state
must be given, no other, and a list must have votes in at least one of them.
:func:`allocate` returns a :class:`DistrictAllocation`: the national
:class:`~electoral_rules.Allocation` and one per constituency. :func:`national` computes the
national stage alone (Italy and Poland) from national totals.

What was read, rule by rule, is in :data:`DISTRICT_RULES` (``status`` and ``sources``): the
statutes were reached only through excerpts of official or press pages, so no rule here is
VERIFIED as a whole; what comes from the outcome alone says so. No tie rule was read except
Poland's for the national stage (Kodeks wyborczy, art. 356 § 2, first criterion); every other
tie is reported undetermined (or raises with ``if_unresolved=IfUnresolved.RAISE``).

>>> result = allocate("BE", {"Dutch-speaking": {"A": 500, "B": 300, "C": 200},
...                          "French-speaking": {"D": 600, "E": 400},
...                          "German-speaking": {"F": 30, "G": 20}}, year=2019)
>>> dict(result.districts["Dutch-speaking"]), dict(result.districts["French-speaking"])
({'A': 6, 'B': 4, 'C': 2}, {'D': 5, 'E': 3})
>>> result.national.house, result.national["F"]
(21, 1)
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from fractions import Fraction

from .._exact import as_count
from .._mapping import FrozenMap
from ..apportionment import Divisor, Quota, highest_averages, largest_remainder
from ..errors import (
    InvalidArgumentError,
    InvalidTallyError,
    NoEligibleListError,
    NotImplementedRuleError,
    UnknownConstituencyError,
    UnresolvedTieError,
)
from ..outcome import Allocation, Method, Tie
from ..tally import Tally, votes_of
from ..tiebreak import IfUnresolved, TieBreak, as_if_unresolved, most_votes
from .composition import seats

__all__ = [
    "DISTRICT_RULES",
    "MINORITY_PREFERENCES",
    "DistrictAllocation",
    "DistrictRule",
    "allocate",
    "allocate_constituency",
    "constituencies",
    "national",
]


@dataclass(frozen=True, slots=True, kw_only=True)
class DistrictRule:
    """How one state turns votes per constituency into seats, for one election.

    :ivar constituencies: the constituencies, in the law's order, with their seats where the
        law fixes them (``None`` where a constituency's seats follow from the votes).
    :ivar method: the method of the allocation among lists (per constituency where seats
        are fixed, national otherwise).
    :ivar threshold: the national threshold as a share of the valid votes, or ``None``.
    :ivar status: ``"PARTIAL"`` or ``"UNVERIFIED"`` (the marks of :class:`~electoral_rules.europe.Status`).
    :ivar legal_basis: the articles applied.
    :ivar sources: what was read, and how.
    :ivar refused: constituencies of the state that this rule does not count (Northern
        Ireland's single transferable vote), with the reason.
    """

    state: str
    year: int
    constituencies: tuple[tuple[str, int | None], ...]
    method: Method
    threshold: Fraction | None
    status: str
    legal_basis: str
    sources: str
    refused: tuple[tuple[str, str], ...] = ()

    @property
    def names(self) -> tuple[str, ...]:
        """The constituencies the rule counts, in order."""
        return tuple(name for name, _ in self.constituencies)

    @property
    def fixed(self) -> bool:
        """Whether each constituency has its own seats fixed in advance."""
        return all(n is not None for _, n in self.constituencies)


@dataclass(frozen=True, slots=True, kw_only=True)
class DistrictAllocation:
    """A state's seats per list, nationally and per constituency.

    :ivar national: the seats per list for the whole state (the sums over the constituencies
        where seats are fixed per constituency; the national allocation otherwise).
    :ivar districts: one :class:`~electoral_rules.Allocation` per constituency, in the law's
        order; each lists the lists given in that constituency.
    :ivar ties: ties met while distributing a list's seats to constituencies (Italy,
        Poland); their seats are in no constituency. Ties within a constituency or at the
        national stage are on the allocation concerned.
    :ivar legal_basis: the rule applied, its status and sources.
    """

    state: str
    year: int
    national: Allocation
    districts: FrozenMap[str, Allocation]
    ties: tuple[Tie, ...] = ()
    legal_basis: str = ""

    @property
    def undetermined(self) -> int:
        """Seats that a tie left without a list or without a constituency."""
        return self.national.undetermined + sum(tie.undetermined for tie in self.ties)

    @property
    def is_complete(self) -> bool:
        """Whether every seat has a list and a constituency."""
        return self.undetermined == 0

    def seats_by_district(self) -> dict[str, dict[str, int]]:
        """The seats won, per constituency and list (lists without a seat left out).

        >>> r = allocate("BE", {"Dutch-speaking": {"A": 1}, "French-speaking": {"B": 1},
        ...                     "German-speaking": {"C": 1}}, year=2024)
        >>> r.seats_by_district()
        {'Dutch-speaking': {'A': 13}, 'French-speaking': {'B': 8}, 'German-speaking': {'C': 1}}
        """
        return {name: {k: n for k, n in alloc.items() if n} for name, alloc in self.districts.items()}


# -- the rules -------------------------------------------------------------------------------

_BE_BASIS = (
    "loi du 23 mars 1989 relative à l'élection du Parlement européen, art. 10 (seats per electoral "
    "college; § 5: the German-speaking college elects one member); D'Hondt within each college"
)
_BE_SOURCES = (
    "arrêtés royaux of 6 July 2013 (for 2014 and 2019) and 16 October 2023 (for 2024) via "
    "etaamb.openjustice.be (their reports cite art. 10 § 4 and § 5; the seats of the Dutch and French "
    "colleges, 12 and 8 then 13 and 8, from nl.wikipedia and the EP results export, not from the "
    "decrees' articles); D'Hondt from nl.wikipedia and the 2019 outcome (the law's article on the "
    "allocation, and any tie rule, not read)"
)
_IT_BASIS = (
    "legge 24 gennaio 1979, n. 18, art. 21 (national Hare quota and largest remainders, co. 1 n. 2; "
    "distribution to the circoscrizioni, co. 1 n. 3; 4 % of the valid votes, co. 1-bis, legge n. 10 "
    "del 2009) and art. 12, co. 9 (a minority-language list linked to a national list for the "
    "allocation of arts. 21 and 22)"
)
_IT_SOURCES = (
    "normattiva (art. 1: allocation 'con le modalità previste dai successivi articoli 21 e 22'); "
    "art. 12 co. 9 quoted in full by agenziagiornalisticaopinione.it (2019); Corte cost. sent. "
    "271/2010 (on art. 21 co. 1 n. 2 and 3); youtrend.it 2019 ('formula Hare ... soglia ... 4% ... "
    "attribuzione dei seggi a livello nazionale, con successiva distribuzione nelle "
    "macro-circoscrizioni'); dirittifondamentali.it (the link lets the minority list pass the 4 %). "
    "NOT read: the text of art. 21 and art. 22 themselves (remainder ties, the district step's "
    "details, the 50 000 preference votes a minority candidate needs, said by secondary sources). "
    "2019: Italy allocated the 76 seats of the 705-seat composition and proclaimed three members "
    "who waited for Brexit (wired.it, leggo.it: FdI, FI and Lega; latinaoggi.eu: 'dai calcoli "
    "effettuati dal Ministero dell'Interno')"
)
_PL_BASIS = (
    "Kodeks wyborczy (ustawa z dnia 5 stycznia 2011 r.), art. 335 (5 % of the valid votes in the "
    "whole country), art. 356 (D'Hondt among the committees, § 1; ties, § 2), then the distribution "
    "of each committee's seats among its district lists (largest remainders)"
)
_PL_SOURCES = (
    "art. 356 read in full (arslege.pl, Dz.U.2023.2408 t.j.); art. 340 (districts, annex 3) read "
    "(e-prawnik.pl, sip.lex.pl); art. 335's 5 % via rp.pl (2024) and art. 357 § 3 (kodeks.ws); "
    "the distribution to districts in the Kodeks's words as quoted by wprost.pl (2019: each "
    "committee's district votes times its seats, divided by its votes in all districts, the integer "
    "parts) and rp.pl (2024: the seats left go to the lists 'dla których wyliczone ilorazy wykazują "
    "po przecinku kolejno najwyższe wartości'), its article number and any tie rule NOT read; the "
    "13 districts from glosuj.org.pl and natemat.pl; 2019: the PKW allocated 52 seats, the 52nd "
    "waiting for Brexit (wprost.pl)"
)
_UK_BASIS = (
    "European Parliamentary Elections Act 2002, s. 1 (electoral regions) and s. 2(4)-(7) (regional "
    "list system: first seat to the greatest number of votes, then votes divided by seats + 1, "
    "i.e. D'Hondt; an entry with as many seats as candidates, or an individual candidate with a "
    "seat, disregarded); s. 3: Northern Ireland by single transferable vote"
)
_UK_SOURCES = (
    "the Act as enacted (legislation.gov.uk, vlex.co.uk): s. 2(5)-(7) read; the regions' seats for "
    "2019 (73 in all) from north-ayrshire.cmis.uk.com and the 2014 per-region results "
    "(kirkhope.org.uk), the order that set them not read; s. 2(7) (an entry at its number of "
    "candidates, an individual candidate at one seat, is passed over) applied to the caps given, other "
    "lists taken as long enough"
)

_BE_2019 = (("Dutch-speaking", 12), ("French-speaking", 8), ("German-speaking", 1))
_BE_2024 = (("Dutch-speaking", 13), ("French-speaking", 8), ("German-speaking", 1))
_IT = tuple((name, None) for name in ("Nord-Occidentale", "Nord-Orientale", "Centrale", "Meridionale", "Insulare"))
_PL = tuple((str(n), None) for n in range(1, 14))
_UK_GB = (
    ("East Midlands", 5), ("Eastern", 7), ("London", 8), ("North East", 3), ("North West", 8),
    ("South East", 10), ("South West", 6), ("West Midlands", 7), ("Yorkshire and the Humber", 6),
    ("Scotland", 6), ("Wales", 4),
)
_NI = (
    "Northern Ireland",
    (
        "its 3 MEPs are elected by the single transferable vote (European Parliamentary Elections "
        "Act 2002, s. 3): a count of ranked ballots, not a list vote; count them with "
        "electoral_rules.europe.stv_rules.elect('UK-NI', ballots, 3, year=2019)"
    ),
)

_RULES: tuple[DistrictRule, ...] = (
    DistrictRule(state="BE", year=2019, constituencies=_BE_2019, method=Method.DHONDT, threshold=None,
                 status="PARTIAL", legal_basis=_BE_BASIS, sources=_BE_SOURCES),
    DistrictRule(state="BE", year=2024, constituencies=_BE_2024, method=Method.DHONDT, threshold=None,
                 status="PARTIAL", legal_basis=_BE_BASIS, sources=_BE_SOURCES),
    DistrictRule(state="IT", year=2019, constituencies=_IT, method=Method.LR_HARE, threshold=Fraction(4, 100),
                 status="PARTIAL", legal_basis=_IT_BASIS, sources=_IT_SOURCES),
    DistrictRule(state="IT", year=2024, constituencies=_IT, method=Method.LR_HARE, threshold=Fraction(4, 100),
                 status="PARTIAL", legal_basis=_IT_BASIS, sources=_IT_SOURCES),
    DistrictRule(state="PL", year=2019, constituencies=_PL, method=Method.DHONDT, threshold=Fraction(5, 100),
                 status="PARTIAL", legal_basis=_PL_BASIS, sources=_PL_SOURCES),
    DistrictRule(state="PL", year=2024, constituencies=_PL, method=Method.DHONDT, threshold=Fraction(5, 100),
                 status="PARTIAL", legal_basis=_PL_BASIS, sources=_PL_SOURCES),
    DistrictRule(state="UK", year=2019, constituencies=_UK_GB, method=Method.DHONDT, threshold=None,
                 status="PARTIAL", legal_basis=_UK_BASIS, sources=_UK_SOURCES, refused=(_NI,)),
)

DISTRICT_RULES: Mapping[tuple[str, int], DistrictRule] = FrozenMap(((r.state, r.year), r) for r in _RULES)
"""The rule of each state that votes over constituencies, keyed by ``(state, year)``."""

MINORITY_PREFERENCES = 50_000
"""The individual preference votes a minority-language list's best candidate needs for the
list's seat inside its group (Italy, legge n. 18/1979, art. 22: said by secondary sources,
NOT read in the law)."""


_CONSTITUTIVE = {
    "IT": (
        "Italy allocated the 76 seats of the 705-seat composition and proclaimed three members "
        "(FdI, FI and Lega, per the press) who sat only after Brexit; how those three were chosen "
        "was not read, and largest remainder at 73 seats gives other seats: use after_brexit=True"
    ),
    "PL": (
        "the PKW allocated 52 seats, the 52nd waiting for Brexit; nationally D'Hondt nests (the 51 "
        "are the 52 less the last), but which district's seat waited was not read: use "
        "after_brexit=True, or europe.districts.national for the 51 seats per committee"
    ),
}
"""2019 constitutive-session allocations a state did not compute as such (it allocated its
post-Brexit seats and held some back)."""


def _rule(state: object, year: object) -> DistrictRule:
    if not isinstance(state, str):
        raise InvalidArgumentError(f"state must be an EU code such as 'PL', not {state!r}")
    seats(state, year)  # type: ignore[arg-type]  # unknown state or year: the composition's errors
    key = (state, year)
    if key not in DISTRICT_RULES:
        handled = ", ".join(sorted({s for s, _ in DISTRICT_RULES}))
        raise NotImplementedRuleError(
            f"{state} {year}: the state elects its MEPs in one national constituency (use "
            f"electoral_rules.europe.allocate); europe.districts covers {handled}"
        )
    return DISTRICT_RULES[key]  # type: ignore[index]


def constituencies(state: str, year: int) -> tuple[tuple[str, int | None], ...]:
    """The constituencies of ``state`` in ``year``, with their fixed seats (``None`` where the
    seats follow from the votes).

    >>> constituencies("BE", 2024)
    (('Dutch-speaking', 13), ('French-speaking', 8), ('German-speaking', 1))
    >>> len(constituencies("PL", 2019)), constituencies("IT", 2024)[0]
    (13, ('Nord-Occidentale', None))
    """
    return _rule(state, year).constituencies


def allocate_constituency(
    state: str,
    constituency: str,
    tally: Tally | Mapping[str, int],
    *,
    year: int,
    caps: Mapping[str, int] | None = None,
    if_unresolved: IfUnresolved = IfUnresolved.REPORT,
) -> Allocation:
    """One constituency's seats where the law fixes them: a Belgian electoral college or a
    region of Great Britain, by D'Hondt on its own lists (the others do not matter).

    :param caps: the United Kingdom only: the most seats an entry can take, European
        Parliamentary Elections Act 2002, s. 2(7): a party's number of candidates on its list,
        ``1`` for an individual candidate; once there, its votes are disregarded and the seat
        goes to the next highest average. Entries not named are taken as long enough.
    :raises NotImplementedRuleError: for Italy and Poland, whose constituencies' seats follow
        from the national allocation (use :func:`allocate`), and for Northern Ireland.
    :raises UnknownConstituencyError: for a constituency the state does not have.

    >>> dict(allocate_constituency("UK", "North East", {"Brexit": 240, "Lab": 120, "LD": 100}, year=2019))
    {'Brexit': 2, 'Lab': 1, 'LD': 0}
    >>> dict(allocate_constituency("UK", "North East", {"Ind": 240, "Lab": 120, "LD": 100}, year=2019,
    ...                            caps={"Ind": 1}))
    {'Ind': 1, 'Lab': 1, 'LD': 1}
    """
    rule = _rule(state, year)
    policy = as_if_unresolved(if_unresolved)
    if not isinstance(constituency, str):
        raise UnknownConstituencyError(
            f"{_where(rule)}: a constituency is named by a string such as {rule.names[0]!r}, not {constituency!r}"
        )
    refused = dict(rule.refused)
    if constituency in refused:
        raise NotImplementedRuleError(f"{_where(rule)}: {constituency}: {refused[constituency]}")
    fixed = dict(rule.constituencies)
    if constituency not in fixed:
        raise UnknownConstituencyError(
            f"{_where(rule)}: no constituency {constituency!r}; the constituencies are "
            + ", ".join(repr(n) for n in rule.names)
        )
    house = fixed[constituency]
    if house is None:
        raise NotImplementedRuleError(
            f"{_where(rule)}: {constituency!r} has no seats of its own: they follow from the national "
            "allocation; give every constituency to europe.districts.allocate"
        )
    try:
        tallied = votes_of(tally)
    except InvalidTallyError as error:
        raise InvalidTallyError(f"{_where(rule)}, constituency {constituency!r}: {error}") from error
    limits = _caps(rule, constituency, caps, tallied)
    basis = f"{_basis(rule, seats(state, year), False)}; constituency {constituency!r}, {house} seats"
    try:
        result = _capped_dhondt(tallied, house, limits, basis)
    except NoEligibleListError as error:
        raise NoEligibleListError(f"{_where(rule)}, constituency {constituency!r}: {error}") from error
    _raise_if_asked(policy, rule, result.ties, f", constituency {constituency!r}")
    return result


def _caps(rule: DistrictRule, constituency: str, caps: object, tally: Tally) -> dict[str, int]:
    """The United Kingdom's s. 2(7) limits, checked."""
    if caps is None:
        return {}
    if rule.state != "UK":
        raise InvalidArgumentError(
            f"{_where(rule)}: caps apply to the United Kingdom only (European Parliamentary Elections Act "
            "2002, s. 2(7)); no such rule was read for this state"
        )
    if not isinstance(caps, Mapping):
        raise InvalidArgumentError(f"{_where(rule)}: caps must map an entry to its most seats, not {caps!r}")
    limits: dict[str, int] = {}
    for name, value in caps.items():
        if name not in tally.votes:
            raise InvalidArgumentError(
                f"{_where(rule)}, constituency {constituency!r}: a cap for {name!r}, which has no votes there"
            )
        limits[name] = as_count(value, f"cap for {name!r}")
    return limits


def _capped_dhondt(tally: Tally, house: int, limits: Mapping[str, int], basis: str) -> Allocation:
    """D'Hondt where an entry at its cap is passed over (s. 2(7)): the seats of the entries
    that reach their cap are fixed there and D'Hondt runs again among the others, until no
    cap binds (the seat-by-seat procedure gives the others the same seats in the same order)."""
    policy = TieBreak(if_unresolved=IfUnresolved.REPORT)
    fixed: dict[str, int] = {}
    while True:
        rest = {name: n for name, n in tally.votes.items() if name not in fixed}
        left = house - sum(fixed.values())
        result = highest_averages(rest, left, divisor=Divisor.DHONDT, tie_break=policy, legal_basis=basis)
        over = [name for name, n in result.items() if name in limits and n > limits[name]]
        if not over:
            break
        for name in over:
            fixed[name] = limits[name]
    if not fixed:
        return result
    capped = ", ".join(f"{name!r} at {n}" for name, n in fixed.items())
    merged = FrozenMap.wrap({name: fixed.get(name, result.get(name, 0)) for name in tally.votes})
    return result.with_changes(
        seats=merged, votes=tally.votes, house=house,
        legal_basis=f"{basis}; s. 2(7): {capped} (the trace shows the others' allocation)",
    )


# -- input checks ----------------------------------------------------------------------------

def _where(rule: DistrictRule) -> str:
    return f"{rule.state} {rule.year}"


def _district_votes(rule: DistrictRule, votes: object) -> dict[str, Tally]:
    """Each constituency's tally, checked: every one given, no other."""
    if not isinstance(votes, Mapping):
        raise InvalidArgumentError(
            f"{_where(rule)}: give the votes as a mapping constituency -> votes per list, not "
            f"{type(votes).__name__}"
        )
    refused = dict(rule.refused)
    for name in votes:
        if name in refused:
            raise NotImplementedRuleError(
                f"{_where(rule)}: {name}: {refused[name]}; give the other constituencies only "
                f"({len(rule.names)} regions of Great Britain)"
            )
        if name not in rule.names:
            raise UnknownConstituencyError(
                f"{_where(rule)}: no constituency {name!r}; the constituencies are "
                + ", ".join(repr(n) for n in rule.names)
            )
    missing = [name for name in rule.names if name not in votes]
    if missing:
        raise InvalidArgumentError(
            f"{_where(rule)}: no votes given for the constituenc{'y' if len(missing) == 1 else 'ies'} "
            + ", ".join(repr(n) for n in missing)
            + " (every constituency is needed: the seats depend on all of them)"
        )
    tallies: dict[str, Tally] = {}
    for name in rule.names:
        try:
            tallies[name] = votes_of(votes[name])
        except InvalidTallyError as error:
            raise InvalidTallyError(f"{_where(rule)}, constituency {name!r}: {error}") from error
    return tallies


def _national_votes(tallies: Mapping[str, Tally]) -> dict[str, int]:
    """Votes per list summed over the constituencies, lists in order of first appearance."""
    total: dict[str, int] = {}
    for tally in tallies.values():
        for name, n in tally.votes.items():
            total[name] = total.get(name, 0) + n
    return total


def _links(rule: DistrictRule, links: object, preferences: object,
           lists: Mapping[str, int]) -> tuple[dict[str, str], dict[str, int]]:
    """Italy's minority-language links, checked against the lists given."""
    if links is None and preferences is None:
        return {}, {}
    if rule.state != "IT":
        raise InvalidArgumentError(f"{_where(rule)}: links and preferences apply to Italy only (legge n. 18/1979, art. 12)")
    if not isinstance(links, Mapping):
        raise InvalidArgumentError(f"{_where(rule)}: links must map a minority list to a national list, not {links!r}")
    given = dict(preferences) if isinstance(preferences, Mapping) else None
    if given is None:
        raise InvalidArgumentError(
            f"{_where(rule)}: preferences must map each linked minority list to its best candidate's "
            f"preference votes (art. 22), not {preferences!r}"
        )
    checked: dict[str, str] = {}
    for minority, partner in links.items():
        for name in (minority, partner):
            if not isinstance(name, str) or name not in lists:
                raise InvalidArgumentError(
                    f"{_where(rule)}: the linked list {name!r} has no votes in any constituency "
                    "(legge n. 18/1979, art. 12 co. 9 links two lists that stand)"
                )
        if minority == partner or partner in links:
            raise InvalidArgumentError(
                f"{_where(rule)}: {minority!r} can be linked only to a national list that is not itself linked"
            )
        if minority not in given:
            raise InvalidArgumentError(
                f"{_where(rule)}: the minority list {minority!r} is linked to {partner!r}: give its best "
                f"candidate's preference votes (preferences={{{minority!r}: ...}}), which decide its seat (art. 22)"
            )
        checked[minority] = partner
    extra = [name for name in given if name not in checked]
    if extra:
        raise InvalidArgumentError(f"{_where(rule)}: preferences given for {extra[0]!r}, which is not a linked minority list")
    return checked, {name: as_count(given[name], f"preferences for {name!r}") for name in checked}


# -- the national stage ----------------------------------------------------------------------

def _basis(rule: DistrictRule, house: int, after_brexit: bool) -> str:
    brexit = " after Brexit" if after_brexit else ""
    return f"{_where(rule)}{brexit}, {house} seats: {rule.legal_basis} ({rule.status}: {rule.sources})"


def _national_stage(rule: DistrictRule, lists: Mapping[str, int], base: int, house: int,
                    links: Mapping[str, str], preferences: Mapping[str, int],
                    basis: str) -> Allocation:
    """Italy's or Poland's allocation on national totals (the groups' cifre for Italy)."""
    policy_report = IfUnresolved.REPORT
    if rule.state == "PL":
        tie_break = TieBreak(criteria=(most_votes("Kodeks wyborczy, art. 356 § 2"),), if_unresolved=policy_report)
        return highest_averages(lists, house, divisor=Divisor.DHONDT, threshold=rule.threshold,
                                threshold_base=base, tie_break=tie_break, legal_basis=basis)
    groups: dict[str, int] = {}
    for name, n in lists.items():
        owner = links.get(name, name)
        groups[owner] = groups.get(owner, 0) + n
    grouped = largest_remainder(groups, house, quota=Quota.HARE, threshold=rule.threshold, threshold_base=base,
                                tie_break=TieBreak(if_unresolved=policy_report), legal_basis=basis)
    if not links:
        return grouped
    final = {name: grouped[name] for name in groups}
    for minority, partner in links.items():
        won = 1 if grouped[partner] >= 1 and preferences[minority] >= MINORITY_PREFERENCES else 0
        final[minority] = won
        final[partner] -= won
    ordered = FrozenMap.wrap({name: final[name] for name in lists})
    excluded = tuple(name for name in lists if links.get(name, name) in grouped.excluded)
    return grouped.with_changes(seats=ordered, votes=FrozenMap.wrap(dict(lists)), excluded=excluded)


def national(
    state: str,
    tally: Tally | Mapping[str, int],
    *,
    year: int,
    after_brexit: bool = False,
    valid: int | None = None,
    links: Mapping[str, str] | None = None,
    preferences: Mapping[str, int] | None = None,
    if_unresolved: IfUnresolved = IfUnresolved.REPORT,
) -> Allocation:
    """The national stage of Italy's or Poland's rule: seats per list from national totals.

    The seats per list depend on the national totals only; where each is won needs the
    votes per constituency (:func:`allocate`).

    :param tally: the votes per list in the whole state.
    :param valid: the valid votes, the base of the threshold, when ``tally`` leaves lists out.
    :param after_brexit: 2019: the 705-seat composition (Italy 76, Poland 52). Italy 2019
        needs it: Italy allocated 76 seats and held three back until Brexit, so its
        constitutive 73 are refused; Poland's 51 are the 52 less the last (D'Hondt nests).
    :param links: Italy: ``{minority-language list: national list}`` (legge n. 18/1979,
        art. 12 co. 9): the two count as one group; the minority list takes one of the
        group's seats when its best candidate has :data:`MINORITY_PREFERENCES` votes.
    :param preferences: Italy: each linked minority list's best candidate's preference votes.
    :raises NotImplementedRuleError: for Belgium and the United Kingdom, whose seats are
        fixed per constituency (only :func:`allocate` applies), and for the other states.

    >>> r = national("PL", {"A": 5000, "B": 3000, "C": 1500, "D": 400}, year=2024)
    >>> dict(r), r.excluded
    ({'A': 28, 'B': 17, 'C': 8, 'D': 0}, ('D',))
    >>> r = national("IT", {"N": 600, "M": 300, "S": 40, "X": 60}, year=2024,
    ...              links={"S": "M"}, preferences={"S": 60000})
    >>> dict(r)
    {'N': 46, 'M': 25, 'S': 1, 'X': 4}
    """
    rule = _rule(state, year)
    if rule.fixed:
        raise NotImplementedRuleError(
            f"{_where(rule)}: the seats are fixed per constituency ("
            + ", ".join(f"{name} {n}" for name, n in rule.constituencies)
            + "): give the votes per constituency to europe.districts.allocate"
        )
    policy = as_if_unresolved(if_unresolved)
    house = seats(state, year, after_brexit=after_brexit)
    if year == 2019 and not after_brexit and state == "IT":
        raise NotImplementedRuleError(f"{_where(rule)}, {house} seats: {_CONSTITUTIVE[state]}")
    try:
        given = votes_of(tally)
    except InvalidTallyError as error:
        raise InvalidTallyError(f"{_where(rule)}: {error}") from error
    base = given.expressed if valid is None else as_count(valid, "valid")
    if base < given.expressed:
        raise InvalidArgumentError(f"{_where(rule)}: valid={base} is below the {given.expressed} votes of the tally")
    lists = dict(given.votes)
    checked, prefs = _links(rule, links, preferences, lists)
    result = _stage(rule, lists, base, house, checked, prefs, _basis(rule, house, after_brexit))
    _raise_if_asked(policy, rule, result.ties)
    return result


def _stage(rule: DistrictRule, lists: Mapping[str, int], base: int, house: int,
           links: Mapping[str, str], prefs: Mapping[str, int], basis: str) -> Allocation:
    try:
        return _national_stage(rule, lists, base, house, links, prefs, basis)
    except NoEligibleListError as error:
        raise NoEligibleListError(f"{_where(rule)}: {error}") from error
    except InvalidTallyError as error:
        raise InvalidTallyError(f"{_where(rule)}: {error}") from error
    except InvalidArgumentError as error:
        raise InvalidArgumentError(f"{_where(rule)}: {error}") from error


def _raise_if_asked(policy: IfUnresolved, rule: DistrictRule, ties: tuple[Tie, ...], where: str = "") -> None:
    open_ties = [tie for tie in ties if not tie.resolved]
    if open_ties and policy is IfUnresolved.RAISE:
        tie = open_ties[0]
        raise UnresolvedTieError(
            f"{_where(rule)}{where}: tie for the {tie.stage} between "
            + ", ".join(repr(n) for n in tie.unresolved)
            + f" ({tie.undetermined} seat(s) at stake): no tie rule was read for this step",
            tie=tie,
        )


# -- the distribution to constituencies --------------------------------------------------------

def _spread(name: str, won: int, by_district: Mapping[str, int]) -> tuple[dict[str, int], Tie | None]:
    """A list's ``won`` seats over the constituencies: integer parts of its votes there
    divided by its quota (its votes / its seats), then the largest remainders. A tie of
    remainders for the last seat(s) is left undetermined (no tie rule read)."""
    total = sum(by_district.values())
    places = dict.fromkeys(by_district, 0)
    if won == 0 or total == 0:
        return places, None
    rests: dict[str, int] = {}
    for district, n in by_district.items():
        places[district], rests[district] = divmod(n * won, total)
    free = won - sum(places.values())
    if free == 0:
        return places, None
    levels = sorted(set(rests.values()), reverse=True)
    for level in levels:
        group = [d for d in by_district if rests[d] == level]
        if len(group) <= free:
            for district in group:
                places[district] += 1
            free -= len(group)
            if free == 0:
                return places, None
        else:
            tie = TieBreak(if_unresolved=IfUnresolved.REPORT).settle(
                group, free, votes={}, value=Fraction(level, total), stage=f"remainder of {name!r} among constituencies"
            )
            return places, tie
    return places, None  # pragma: no cover - the remainders always place the free seats


def allocate(
    state: str,
    votes: Mapping[str, Tally | Mapping[str, int]],
    *,
    year: int,
    after_brexit: bool = False,
    links: Mapping[str, str] | None = None,
    preferences: Mapping[str, int] | None = None,
    caps: Mapping[str, Mapping[str, int]] | None = None,
    if_unresolved: IfUnresolved = IfUnresolved.REPORT,
) -> DistrictAllocation:
    """The seats of ``state`` at the European election of ``year``, per list and constituency.

    :param state: ``"BE"``, ``"IT"``, ``"PL"`` or ``"UK"`` (2019 only).
    :param votes: ``{constituency: votes per list}`` for every constituency of
        :func:`constituencies` (Belgium: ``"Dutch-speaking"``, ``"French-speaking"``,
        ``"German-speaking"``; Italy: ``"Nord-Occidentale"`` ... ``"Insulare"``; Poland:
        ``"1"`` to ``"13"``; the United Kingdom: the eleven regions of Great Britain —
        Northern Ireland's single transferable vote is refused). The lists of all the
        constituencies must be given, every list with its votes; the threshold base is the
        sum of them all (the valid votes).
    :param after_brexit: 2019: fill the seats of the 705-seat composition (Italy 76, Poland 52):
        both states allocated those and held back the deferred ones until Brexit, so their
        2019 constitutive allocation is refused (:class:`~electoral_rules.errors.NotImplementedRuleError`).
    :param links: Italy's minority-language links, as for :func:`national`.
    :param preferences: Italy: the linked minority lists' best candidates' preference votes.
    :param caps: the United Kingdom: ``{region: {entry: most seats}}``, as for
        :func:`allocate_constituency` (s. 2(7)).
    :param if_unresolved: ``REPORT`` a tie no rule read settles (seats left undetermined),
        or ``RAISE`` :class:`~electoral_rules.errors.UnresolvedTieError`.
    :raises UnknownConstituencyError: for a constituency the state does not have (or an
        unknown state).
    :raises InvalidArgumentError: for a missing constituency, a link to a list that has no
        votes, a linked minority list without its preference votes.
    :raises NotImplementedRuleError: for Northern Ireland, and for a state without constituencies.

    >>> r = allocate("UK", {name: {"Brexit": 30, "LD": 20, "Lab": 14} for name, _ in
    ...                     constituencies("UK", 2019)}, year=2019)
    >>> r.districts["London"]["LD"], r.national.house, dict(r.national)
    (2, 70, {'Brexit': 36, 'LD': 20, 'Lab': 13})
    """
    rule = _rule(state, year)
    policy = as_if_unresolved(if_unresolved)
    house = seats(state, year, after_brexit=after_brexit)
    if year == 2019 and not after_brexit and state in _CONSTITUTIVE:
        raise NotImplementedRuleError(f"{_where(rule)}, {house} seats: {_CONSTITUTIVE[state]}")
    tallies = _district_votes(rule, votes)
    lists = _national_votes(tallies)
    if not lists:
        raise NoEligibleListError(f"{_where(rule)}: no list in any constituency")
    checked, prefs = _links(rule, links, preferences, lists)
    basis = _basis(rule, house, after_brexit)
    if caps is not None and not isinstance(caps, Mapping):
        raise InvalidArgumentError(f"{_where(rule)}: caps must map a constituency to its entries' caps, not {caps!r}")
    if caps and rule.state != "UK":
        raise InvalidArgumentError(
            f"{_where(rule)}: caps apply to the United Kingdom only (European Parliamentary Elections Act "
            "2002, s. 2(7)); no such rule was read for this state"
        )
    for name in caps or {}:
        if name not in tallies:
            raise UnknownConstituencyError(f"{_where(rule)}: caps given for {name!r}, which is not a constituency")
    if rule.fixed:
        result = _per_constituency(rule, tallies, lists, house, basis, caps or {})
    else:
        result = _distributed(rule, tallies, lists, house, checked, prefs, basis)
    _raise_if_asked(policy, rule, result.national.ties)
    for name, alloc in result.districts.items():
        _raise_if_asked(policy, rule, alloc.ties, f", constituency {name!r}")
    _raise_if_asked(policy, rule, result.ties)
    return result


def _per_constituency(rule: DistrictRule, tallies: Mapping[str, Tally], lists: Mapping[str, int],
                      house: int, basis: str, caps: Mapping[str, Mapping[str, int]]) -> DistrictAllocation:
    """Belgium, Great Britain: D'Hondt in each constituency on its own seats."""
    fixed = {name: n for name, n in rule.constituencies if n is not None}
    if sum(fixed.values()) != house and not rule.refused:
        raise InvalidArgumentError(  # pragma: no cover - the table is checked by a test
            f"{_where(rule)}: the constituencies' seats add to {sum(fixed.values())}, not {house}"
        )
    districts = {
        name: allocate_constituency(rule.state, name, tally, year=rule.year, caps=caps.get(name))
        for name, tally in tallies.items()
    }
    total = dict.fromkeys(lists, 0)
    for alloc in districts.values():
        for name, n in alloc.items():
            total[name] += n
    ties = tuple(tie for alloc in districts.values() for tie in alloc.ties)
    counted = sum(fixed.values())
    note = "".join(f"; {name} not counted: {why}" for name, why in rule.refused)
    national_alloc = Allocation(
        seats=FrozenMap.wrap(total), votes=FrozenMap.wrap(dict(lists)), house=counted,
        method=Method.DHONDT, ties=ties, legal_basis=basis + note,
    )
    return DistrictAllocation(state=rule.state, year=rule.year, national=national_alloc,
                              districts=FrozenMap.wrap(districts), legal_basis=basis + note)


def _distributed(rule: DistrictRule, tallies: Mapping[str, Tally], lists: Mapping[str, int], house: int,
                 links: Mapping[str, str], prefs: Mapping[str, int], basis: str) -> DistrictAllocation:
    """Italy, Poland: the national stage, then each list's seats spread over the constituencies."""
    base = sum(lists.values())
    nat = _stage(rule, lists, base, house, links, prefs, basis)
    where: dict[str, dict[str, int]] = {name: {} for name in tallies}
    ties: list[Tie] = []
    for name, won in nat.items():
        by_district = {d: tallies[d].votes.get(name, 0) for d in tallies}
        if name in links and won:
            stood = [d for d, n in by_district.items() if n]
            if len(stood) != 1:
                raise InvalidArgumentError(
                    f"{_where(rule)}: the minority list {name!r} has votes in {len(stood)} circoscrizioni; "
                    "a minority-language list stands in one (legge n. 18/1979, art. 12 co. 9)"
                )
        places, tie = _spread(name, won, by_district)
        if tie is not None:
            ties.append(tie)
        for d, n in places.items():
            if name in tallies[d].votes:
                where[d][name] = n
    districts: dict[str, Allocation] = {}
    for d, tally in tallies.items():
        local = FrozenMap.wrap({name: where[d].get(name, 0) for name in tally.votes})
        districts[d] = Allocation(
            seats=local, votes=tally.votes, house=sum(local.values()), method=Method.LR_HARE,
            excluded=tuple(name for name in tally.votes if name in nat.excluded),
            legal_basis=f"{basis}; constituency {d!r}: each list's national seats distributed by its "
            "votes here (its own Hare quota, largest remainders)",
        )
    return DistrictAllocation(state=rule.state, year=rule.year, national=nat,
                              districts=FrozenMap.wrap(districts), ties=tuple(ties), legal_basis=basis)
