"""Each member state's national rule for the European elections of 2019 and 2024.

:data:`RULES` holds one :class:`NationalRule` per state and year: the method, the legal
threshold and its base, and how sure the library is of them (:class:`Status`). No national
electoral law was read for this table except the French one: its statuses say which
secondary source states the rule, and ``from_outcome`` marks what was inferred only from
the official seats (a rule that reproduces an outcome is a hypothesis, not the law).

:func:`allocate` applies the rule of the states with a single national allocation, through
the generic methods (:func:`~electoral_rules.dhondt`, :func:`~electoral_rules.sainte_lague`,
:func:`~electoral_rules.largest_remainder`) and, for France, through
:func:`electoral_rules.france.european.allocate`. Where the library cannot apply the
state's rule (electoral alliances, districts, electoral colleges, special remainder rules,
an unknown threshold base, the single transferable vote), it raises
:class:`~electoral_rules.errors.NotImplementedRuleError` naming the state, the year and the
missing piece. No tie rule was read for any state but France: a tie for the last seat is
an explicit, undetermined :class:`~electoral_rules.Tie`.

>>> result = allocate("AT", {"ÖVP": 1305956, "SPÖ": 903151, "FPÖ": 650114, "GRÜNE": 532193,
...                          "NEOS": 319024, "EUROPA JETZT": 39239, "KPÖ": 30087}, year=2019)
>>> dict(result), result.excluded
({'ÖVP': 7, 'SPÖ': 5, 'FPÖ': 3, 'GRÜNE': 2, 'NEOS': 1, 'EUROPA JETZT': 0, 'KPÖ': 0}, ('EUROPA JETZT', 'KPÖ'))
"""

from __future__ import annotations

import datetime as _dt
import enum
from collections.abc import Mapping
from dataclasses import dataclass
from fractions import Fraction
from typing import Any

from .._exact import as_count, percent_text
from ..apportionment import Divisor, Quota, highest_averages, largest_remainder
from ..errors import InvalidArgumentError, NotImplementedRuleError
from ..france import european as _france
from ..outcome import Allocation, Method
from ..tally import Tally, votes_of
from ..tiebreak import IfUnresolved, TieBreak, as_if_unresolved
from .composition import YEARS, seats

__all__ = ["RULES", "NationalRule", "Status", "allocate", "rule"]


class Status(enum.Enum):
    """How sure the library is of a state's rule (the marks of the French reference)."""

    VERIFIED = "VERIFIED"
    """Read in the law itself."""
    PARTIAL = "PARTIAL"
    """Stated by secondary sources read (press, encyclopaedias, official summaries), the
    law itself not read; some detail (base, boundary, tie) unconfirmed."""
    UNVERIFIED = "UNVERIFIED"
    """From a third-party model or the outcome only, or common knowledge no source confirms."""


@dataclass(frozen=True, slots=True, kw_only=True)
class NationalRule:
    """One state's rule for one election.

    :ivar method: :attr:`Method.DHONDT`, :attr:`Method.SAINTE_LAGUE`,
        :attr:`Method.SWEDISH_SAINTE_LAGUE`, :attr:`Method.LR_HARE` or
        :attr:`Method.LR_HAGENBACH_BISCHOFF`; for a refused
        rule, the method the national allocation is said to use.
    :ivar threshold: the legal threshold as a share of :attr:`threshold_base`, or ``None``.
    :ivar quota_threshold: a list must reach one electoral quota (valid votes ÷ seats).
    :ivar threshold_base: what the threshold is a share of, in words.
    :ivar status: how sure the rule is.
    :ivar from_outcome: the rule (or part of it) is inferred from the official seats only.
    :ivar sources: what was read.
    :ivar missing: for a rule the library refuses, the piece it lacks; empty otherwise.
    :ivar remark: what the allocation does not do (independent candidates, alliances...).
    """

    state: str
    year: int
    method: Method
    threshold: Fraction | None
    quota_threshold: bool = False
    threshold_base: str = ""
    status: Status
    from_outcome: bool
    sources: str
    missing: str = ""
    remark: str = ""

    @property
    def applicable(self) -> bool:
        """Whether :func:`allocate` applies this rule (``missing`` is empty)."""
        return not self.missing


_VALID = "valid votes"
_EXPRESSED = "suffrages exprimés"
_D, _SL, _HARE, _HB = Method.DHONDT, Method.SAINTE_LAGUE, Method.LR_HARE, Method.LR_HAGENBACH_BISCHOFF
_P, _U, _V = Status.PARTIAL, Status.UNVERIFIED, Status.VERIFIED
_EP = "EP results-site export of 2019 (2-decimal shares)"


def _both(state: str, method: Method, threshold: Fraction | None, status: Status, sources: str,
          **extra: Any) -> tuple[NationalRule, NationalRule]:
    """The same rule for 2019 and 2024."""
    first, second = YEARS
    common: dict[str, Any] = {"state": state, "method": method, "threshold": threshold, "status": status, "sources": sources}
    return (NationalRule(year=first, **common, **extra), NationalRule(year=second, **common, **extra))


_TABLE: tuple[NationalRule, ...] = (
    *_both("AT", _D, Fraction(4, 100), _P, "pl/it Wikipedia mirrors; oe24 ('Vier-Prozent-Hürde'); "
           "en.wikipedia mirror ('D'Hondt')", threshold_base=_VALID, from_outcome=False),
    *_both("BE", _D, None, _P, "loi du 23 mars 1989, art. 10 (via the royal decrees of 2013 and 2023); "
           "nl.wikipedia (colleges 12/8/1 in 2019); press; see europe.districts.DISTRICT_RULES", from_outcome=False,
           missing="three electoral colleges (Dutch-speaking, French-speaking, German-speaking), each "
           "allocating its own seats: give the votes per college to electoral_rules.europe.districts.allocate"),
    *_both("BG", _HARE, None, _P, "election-politique.com ('plus grand reste'); tpi.it ('soglia ... "
           "5,88 per cento')", quota_threshold=True, threshold_base=_VALID, from_outcome=False,
           remark="Hare largest remainder among the lists that reach one Hare quota (valid votes / 17); "
           "whether a list exactly on the quota is admitted was not read"),
    *_both("HR", _D, Fraction(5, 100), _P, "electionseuropeennes.eu/en/croatia ('D'Hondt Method'); "
           "mediapool.bg EP mirror; the base of the 5 % from the outcome", threshold_base=_VALID,
           from_outcome=True,
           remark="in 2024 the IDS coalition (5.61 % of valid votes) passes the 5 % and still wins no "
           "seat (its average is below HDZ's sixth), so the outcome does not contradict the valid "
           "votes as the base; the law's base was not read"),
    *_both("CY", _HARE, Fraction(18, 1000), _U, f"{_EP}; a third-party model (threshold 1.8 %)",
           threshold_base=_VALID, from_outcome=True,
           remark="plain Hare largest remainder: the Cypriot two-stage rule was not read (it happens "
           "to give the same seats in 2019)"),
    *_both("CZ", _D, Fraction(5, 100), _U, "votelib's CZ EP 2019 test (D'Hondt, 5 %); CZSO release 2024",
           threshold_base=_VALID, from_outcome=True,
           remark="a flat 5 % for every list, coalitions included (inferred from the outcome)"),
    *_both("DK", _D, None, _U, _EP, from_outcome=False,
           missing="electoral alliances (valgforbund): their composition and the split inside an "
           "alliance (plain D'Hondt gives V 4 and RV 1 in 2019 against 3 and 2)"),
    *_both("DE", _SL, None, _P, "Bundeswahlleiterin results (via PaulKeydel/EU_elect_2024_ger_map); "
           "weltwoche, berlin247 ('fehlende 5-Prozent-Hürde'); interregnum's de_euro_2014 example",
           from_outcome=False,
           remark="one allocation among the national lists (the CDU's Land lists and the CSU's "
           "Bavarian list count as one list each); the split to Land lists is not done"),
    *_both("EE", _D, None, _P, "ERR ('d'Hondt system'); it.wikipedia", from_outcome=False,
           remark="independent candidates are entries of the tally like lists"),
    *_both("EL", _HARE, Fraction(3, 100), _U, f"{_EP}; a third-party model (3 %)", from_outcome=False,
           missing="the Greek remainder rules: plain Hare largest remainder at 3 % gives ND 9 and "
           "XA 1 in 2019 against 8 and 2 (the law was not read)"),
    *_both("ES", _D, None, _U, f"{_EP}; mediapool.bg mirror; Interior ministry counts (partial)",
           from_outcome=True),
    *_both("FI", _D, None, _U, f"{_EP}; a third-party model", from_outcome=True,
           remark="each entry is taken as a list or an electoral alliance; the alliances' composition "
           "and the split inside an alliance (candidates' comparison figures) are not applied"),
    *_both("FR", _D, Fraction(5, 100), _V, "loi n° 77-729 du 7 juillet 1977, art. 3 (the project's "
           "French reference)", threshold_base=_EXPRESSED, from_outcome=False,
           remark="applied by electoral_rules.france.european, with its tie rule (most votes, then "
           "the lowest average age)"),
    *_both("HU", _D, Fraction(5, 100), _P, "civilek.info ('5 percent threshold'); NVI table via "
           "dailynewshungary", threshold_base=_VALID, from_outcome=False),
    *_both("IE", Method.DHONDT, None, _U, "a third-party model (three constituencies)", from_outcome=False,
           missing="the single transferable vote in three constituencies: ranked ballots and the "
           "count sheets"),
    *_both("IT", _HARE, Fraction(4, 100), _P, "open.online ('soglia di sbarramento del 4%'); " + _EP,
           threshold_base=_VALID, from_outcome=False,
           missing="five districts with a national allocation, and the link of minority-language "
           "lists (SVP): without it FI gets 7 in 2019 against FI 6 and SVP 1; use "
           "electoral_rules.europe.districts.national (national totals, links=) or .allocate (per district)"),
    *_both("LV", _SL, Fraction(5, 100), _U, "a third-party model; balticnews (CVK shares)",
           threshold_base=_VALID, from_outcome=True),
    *_both("LT", _HARE, Fraction(5, 100), _U, f"{_EP}; a third-party model", from_outcome=True,
           missing="the base of the 5 % threshold: LCP had 5.13 % of valid votes in 2019 and won no "
           "seat, and TS-LKD won 3 where plain Hare gives 2 (the law was not read)"),
    *_both("LU", _D, None, _U, _EP, from_outcome=True,
           remark="Hagenbach-Bischoff as in Luxembourg's law is said to equal D'Hondt (not read); "
           "with panachage, a list's votes are the sum of its candidates' votes"),
    *_both("MT", _D, None, _U, "none", from_outcome=False,
           missing="the single transferable vote: ranked ballots and the count sheets"),
    *_both("NL", _D, None, _P, "Kieswet art. P 5 to P 7 as summarised by compendiumpolitiek.nl; "
           "Kieswet art. P 8 read on mijnwetten.nl; bill 34 377 abolishing list combinations "
           "(lijstencombinaties), adopted by the Tweede Kamer on 7 February 2017 (parlement.com); " + _EP,
           quota_threshold=True, threshold_base=_VALID, from_outcome=False,
           remark="the electoral quota (kiesdeler) is the valid votes divided by the seats (P 5); a list "
           "gets a full seat per quota (P 6) and the remainder seats go by greatest averages, none to "
           "a list under the quota (P 7): D'Hondt among the lists that reach one quota; largest "
           "remainders apply below 19 seats only (P 8); the articles applying these to the European "
           "election and the final enactment of the abolition of list combinations were not read"),
    *_both("PL", _D, Fraction(5, 100), _P, "Kodeks wyborczy, art. 356 (read) and art. 335 (via rp.pl: 5 % of "
           f"the valid votes in the whole country); kolniak24 ('53 mandaty ... w 13 okręgach'); polityka.pl/PKW; {_EP}",
           threshold_base=_VALID, from_outcome=False,
           missing="the split of the national D'Hondt seats to the 13 districts: use "
           "electoral_rules.europe.districts.allocate (votes per district) or .national (national totals)"),
    *_both("PT", _D, None, _U, f"CAP/MAI table 2024; {_EP}", from_outcome=True),
    *_both("RO", _D, Fraction(5, 100), _U, f"{_EP}; a third-party model", threshold_base=_VALID,
           from_outcome=True,
           remark="independent candidates elected at the Hare quota and coalition thresholds are not "
           "applied (not read)"),
    NationalRule(state="SK", year=2019, method=_HB, threshold=Fraction(5, 100), threshold_base=_VALID,
                 status=_U, from_outcome=True, sources="interez.sk; simple.wikipedia; " + _EP,
                 missing="which of the 14 seats was deferred until Brexit (largest remainder does not "
                 "nest: 13 seats give KDH 2 and SaS 1 against KDH 1 and SaS 2)",
                 remark="the 14-seat allocation (after_brexit=True) is applied"),
    NationalRule(state="SK", year=2024, method=_HB, threshold=Fraction(5, 100), threshold_base=_VALID,
                 status=_U, from_outcome=True, sources="interez.sk; simple.wikipedia",
                 remark="Hagenbach-Bischoff or Droop quota both reproduce 2024, Hare does not"),
    *_both("SI", _D, None, _U, f"{_EP}; a third-party model (no threshold)", from_outcome=True,
           remark="no source read states a threshold"),
    *_both("SE", Method.SWEDISH_SAINTE_LAGUE, Fraction(4, 100), _U, "vallag (2005:837), 14 kap. (text "
           "not read); earthpressnews ('four percent barrier'); val.se; Linköping University's "
           "result pages (users.mai.liu.se) for 1999 and 2004 quote the earlier first divisor, 1,4",
           threshold_base=_VALID, from_outcome=False,
           remark="jämkade uddatalsmetod with a first divisor of 1.2 (said by secondary sources, "
           "not read in the law); 1.2, 1.4 and plain Sainte-Laguë give the same seats in 2019"),
    NationalRule(state="UK", year=2019, method=_D, threshold=None, status=_P, from_outcome=False,
                 sources="European Parliamentary Elections Act 2002, s. 2(5)-(7) (read on legislation.gov.uk); "
                 "tickerdossier (Wikipedia mirror); see europe.districts.DISTRICT_RULES",
                 missing="twelve regions: D'Hondt in eleven regions of Great Britain (give the votes per "
                 "region to electoral_rules.europe.districts.allocate) and the single transferable vote in "
                 "Northern Ireland"),
)

RULES: Mapping[tuple[str, int], NationalRule] = {(r.state, r.year): r for r in _TABLE}
"""Every state's rule, keyed by ``(state, year)``, in the order of the EU's state codes."""

_DATES = {2019: _dt.date(2019, 5, 26), 2024: _dt.date(2024, 6, 9)}
"""France's polling days (the French rule selects its version by date)."""


def rule(state: str, year: int) -> NationalRule:
    """The :class:`NationalRule` of ``state`` for ``year``.

    >>> r = rule("NL", 2019)
    >>> r.method.value, r.quota_threshold, r.status.value, r.from_outcome
    ("D'Hondt", True, 'PARTIAL', False)

    :raises UnknownConstituencyError: for a state that was not a member that year.
    :raises UnsupportedEraError: for a year other than 2019 and 2024.
    """
    seats(state, year)
    return RULES[(state, year)]


def allocate(
    state: str,
    tally: Tally | Mapping[str, int],
    *,
    year: int,
    after_brexit: bool = False,
    valid: int | None = None,
    if_unresolved: IfUnresolved = IfUnresolved.REPORT,
) -> Allocation:
    """The national allocation of ``state``'s seats at the European election of ``year``.

    :param state: the EU code (``"AT"``, ``"EL"``...).
    :param tally: the votes per list (a :class:`~electoral_rules.Tally` or a mapping).
    :param year: 2019 or 2024; sets the state's seats (:func:`seats`) and rule (:data:`RULES`).
    :param after_brexit: for 2019, fill the seats of the 705-seat composition (the deferred
        seats included) instead of the constitutive session's.
    :param valid: the valid votes, when the tally leaves some lists out; the base of the
        threshold (and of a quota threshold). By default the sum of the tally.
    :param if_unresolved: a tie the law (as read) does not settle is ``REPORT``-ed (seats
        left undetermined) or ``RAISE``-s :class:`~electoral_rules.errors.UnresolvedTieError`.
    :returns: an :class:`~electoral_rules.Allocation` whose ``legal_basis`` names the rule,
        its status and sources.
    :raises NotImplementedRuleError: for a state whose rule the library cannot apply (see
        :attr:`NationalRule.missing`).

    >>> dict(allocate("DE", {"A": 5000, "B": 3000, "C": 2000}, year=2024))["C"]
    19
    >>> allocate("DK", {"A": 1}, year=2019)
    Traceback (most recent call last):
    ...
    electoral_rules.errors.NotImplementedRuleError: DK 2019: electoral alliances (valgforbund): their composition and the split inside an alliance (plain D'Hondt gives V 4 and RV 1 in 2019 against 3 and 2)

    .. seealso:: :data:`RULES` for each state's sources; loi n° 77-729, art. 3 for France.
    """
    national = rule(state, year)
    house = seats(state, year, after_brexit=after_brexit)
    policy = as_if_unresolved(if_unresolved)
    if national.missing and not (state == "SK" and year == 2019 and after_brexit):
        raise NotImplementedRuleError(f"{state} {year}: {national.missing}")
    given = votes_of(tally)
    base = given.expressed if valid is None else as_count(valid, "valid")
    if base < given.expressed:
        raise InvalidArgumentError(
            f"{state} {year}: valid={base} is below the {given.expressed} votes of the tally"
        )
    if state == "FR":
        if base != given.expressed:
            raise InvalidArgumentError(
                f"FR {year}: give every list (the 5 % is of the suffrages exprimés), not valid={base}"
            )
        return _france.allocate(given, house, date=_DATES[year], if_unresolved=policy)
    threshold = Fraction(1, house) if national.quota_threshold else national.threshold
    threshold_base = None if threshold is None else base
    tie_break = TieBreak(if_unresolved=policy)
    basis = _basis(national, house, parliament_basis=after_brexit)
    if national.method.is_largest_remainder:
        quota = Quota.HARE if national.method is Method.LR_HARE else Quota.HAGENBACH_BISCHOFF
        return largest_remainder(given, house, quota=quota, threshold=threshold, threshold_base=threshold_base,
                                 tie_break=tie_break, legal_basis=basis)
    divisor = Divisor[national.method.name]
    return highest_averages(given, house, divisor=divisor, threshold=threshold, threshold_base=threshold_base,
                            tie_break=tie_break, legal_basis=basis)


def _basis(national: NationalRule, house: int, *, parliament_basis: bool) -> str:
    threshold = (
        "one electoral quota" if national.quota_threshold
        else f"{percent_text(national.threshold)} of {national.threshold_base}" if national.threshold is not None
        else "no threshold"
    )
    inferred = ", inferred from the outcome" if national.from_outcome else ""
    brexit = " after Brexit" if parliament_basis else ""
    return (
        f"{national.state} {national.year}{brexit}: {national.method.value}, {threshold}, {house} seats; "
        f"national law not read{inferred} ({national.status.value}: {national.sources})"
        + (f"; {national.remark}" if national.remark else "")
    )
