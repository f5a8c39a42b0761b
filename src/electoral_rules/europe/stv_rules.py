"""The single transferable vote in the European elections: Ireland, Malta, Northern Ireland.

Three member-state rules for :func:`electoral_rules.stv.count`, each with the texts read and
the points no text read confirms (:attr:`~electoral_rules.stv.StvRule.unverified`):

:data:`IRELAND` (2019, 2024), European Parliament Elections Act 1997, Second Schedule, Part XI
    Read: rule 82 (definitions: a *count*, *continuing candidate*, *non-transferable paper*,
    and *determine by lot*, which also settles "equality of fractions"), rule 84 (the quota,
    ``valid // (seats + 1) + 1``; deemed elected on reaching it) and rule 88 as amended by
    the Electoral (Amendment) Act 2009, s. 13 (the last vacancies; its paragraph (2) read in
    the identical Electoral Act 1992, s. 124: the last vacancy goes to a continuing
    candidate whose votes *exceed* the others' together with the surpluses not
    transferred). Not read: rules 85 to 87 (the transfer of a surplus, the exclusion and
    their ties). Applied as the Maltese text read below and the Electoral Act 1923, Third
    Schedule, rule 6 (the ancestor of both) state it: the surplus from the parcel or
    sub-parcel last received, in whole papers shared in proportion to the sub-parcels of
    transferable papers, the votes left by the fractions to the largest fractional
    remainders, the largest surplus first (Electoral Act 1992, s. 121(9), quoted in a
    secondary source), ties by the earliest count at which the candidates' votes differed,
    then lot. In 2019 the order in which the last candidates of Dublin and South were deemed
    elected decided who waited for Brexit (rule 92(4), read); the press reports that the
    European Parliament Elections (Amendment) Act 2019 required further transfers to settle
    that order, which was not read: the library orders the candidates elected together by
    rule 88 by their votes at that stage. **PARTIAL.**
:data:`MALTA` (2019, 2024), General Elections Act (Cap. 354), Thirteenth Schedule, as applied
    by the European Parliament Elections Act (Cap. 467)
    Read: regulation 10(1) to (5) of the Schedule (a surplus from the parcel or sub-parcel
    received at the count that elected the candidate; a surplus of an earlier count first,
    then the largest; equal surpluses by the first count at which the candidates had unequal
    votes, then lot; the papers examined and sorted). Not read: the quota, the proportional
    shares and fractions (regulation 10(6) onwards), the exclusions, the last vacancies, and
    how Cap. 467 applies the Schedule to the European election. **UNVERIFIED** beyond
    regulation 10(1)-(5): the library applies the Irish mechanism above.
:data:`NORTHERN_IRELAND` (2019), European Parliamentary Elections (Northern Ireland)
    Regulations 2004 (S.I. 2004/1267), Schedule 1, rules 52 to 63 (as substituted in 2009 and
    amended in 2013)
    Read: rule 18 (the count follows rules 52 to 63) and the 2013 amendment of rule 55 (the
    first stage). The counting rules themselves were read in the Local Elections (Northern
    Ireland) Order 1985, Schedule, rules 41 and 46 to 52, which the 2004 rules follow: the
    quota (rule 48), all the papers of a first-stage surplus (the last sub-parcel received
    later) at a transfer value, the surplus divided by the transferable papers, truncated
    to two decimals, never more than the value received (rule 49(4), (7)); a surplus smaller
    than the gap between the two lowest not transferred (49(10)(a)); the largest surplus
    first, ties by the earliest unequal stage, then lot (rule 50); the lowest candidates
    excluded together when their votes and the surpluses not transferred are fewer than the
    next lowest's (51(12)); exclusion ties by the earliest unequal stage, then lot (51(13));
    the last vacancy to a candidate whose votes *equal or exceed* the others' (52(2)). The
    library moves an excluded candidate's papers in one stage, where rule 51(5)-(9) moves
    them by transfer value, highest first. **PARTIAL.**

>>> from electoral_rules.stv import Ballot
>>> ballots = [Ballot(ranking=("Ann", "Bea"), papers=40), Ballot(ranking=("Bea",), papers=25),
...            Ballot(ranking=("Cal", "Bea"), papers=20), Ballot(ranking=("Dan", "Cal"), papers=15)]
>>> result = elect("IE", ballots, 2, year=2019)
>>> result.quota, result.elected, result.status
(34, ('Ann', 'Cal'), 'PARTIAL')
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from ..errors import InvalidArgumentError, UnknownConstituencyError, UnsupportedEraError
from ..stv import Ballot, StvOutcome, StvRule, SurplusOrder, TransferMethod, count
from ..tiebreak import IfUnresolved

__all__ = ["IRELAND", "MALTA", "NORTHERN_IRELAND", "STV_STATES", "elect", "stv_rule"]

IRELAND = StvRule(
    name="Ireland: PR-STV, whole-vote transfers from the last parcel",
    transfer=TransferMethod.WHOLE_VOTES,
    surplus_order=SurplusOrder.LARGEST_FIRST,
    last_vacancy_reaches=False,
    legal_basis=(
        "European Parliament Elections Act 1997, Second Schedule, rules 82, 84 and 88 (read); "
        "rules 85-87 (surplus, exclusion) not read: applied as the Electoral Act 1923, Third Schedule, "
        "rule 6, and the Maltese Thirteenth Schedule, regulation 10, state them (PARTIAL)"
    ),
    status="PARTIAL",
    unverified=(
        "surplus-transfer-rule-85",
        "papers-moved-are-last-filed",
        "equal-fractional-remainders-by-lot",
        "exclusion-rule-86-87",
        "surplus-deferral-not-applied",
        "one-exclusion-per-count",
        "order-of-the-last-seats-2019",
    ),
)
"""Ireland, 2019 and 2024 (PARTIAL: see the module's documentation)."""

MALTA = StvRule(
    name="Malta: STV, whole-vote transfers from the last parcel",
    transfer=TransferMethod.WHOLE_VOTES,
    surplus_order=SurplusOrder.EARLIEST_COUNT_FIRST,
    last_vacancy_reaches=False,
    legal_basis=(
        "General Elections Act (Cap. 354), Thirteenth Schedule, regulation 10(1)-(5) (read), applied to the "
        "European election by the European Parliament Elections Act (Cap. 467) (not read); quota, shares and "
        "exclusions as the Irish rule (UNVERIFIED)"
    ),
    status="UNVERIFIED",
    unverified=(
        "quota",
        "cap-467-application",
        "surplus-shares-regulation-10-6",
        "papers-moved-are-last-filed",
        "equal-fractional-remainders-by-lot",
        "exclusion",
        "last-vacancies",
    ),
)
"""Malta, 2019 and 2024 (UNVERIFIED beyond the order of surpluses)."""

NORTHERN_IRELAND = StvRule(
    name="Northern Ireland: STV, transfer values truncated to 2 decimals",
    transfer=TransferMethod.FRACTIONAL,
    decimals=2,
    surplus_order=SurplusOrder.LARGEST_FIRST,
    defer_small_surplus=True,
    bulk_exclusion=True,
    last_vacancy_reaches=True,
    legal_basis=(
        "European Parliamentary Elections (Northern Ireland) Regulations 2004 (S.I. 2004/1267), Schedule 1, "
        "rules 52-63 (not read verbatim); read in the Local Elections (Northern Ireland) Order 1985, rules 46-52, "
        "which they follow (PARTIAL)"
    ),
    status="PARTIAL",
    unverified=("rules-52-63-text", "exclusion-in-one-stage"),
)
"""Northern Ireland (United Kingdom), 2019 (PARTIAL: see the module's documentation)."""

STV_STATES: dict[str, tuple[StvRule, tuple[int, ...]]] = {
    "IE": (IRELAND, (2019, 2024)),
    "MT": (MALTA, (2019, 2024)),
    "UK-NI": (NORTHERN_IRELAND, (2019,)),
}
"""The states (and the United Kingdom's Northern Ireland region) that elect their members of
the European Parliament by STV, with their rule and the years the library covers."""


def stv_rule(state: str, year: int) -> StvRule:
    """The STV rule of ``state`` (``"IE"``, ``"MT"`` or ``"UK-NI"``) in ``year``.

    >>> stv_rule("UK-NI", 2019).decimals
    2
    """
    if not isinstance(state, str) or state not in STV_STATES:
        raise UnknownConstituencyError(
            f"{state!r} does not elect by STV in the library: use one of {', '.join(STV_STATES)}"
        )
    if not isinstance(year, int) or isinstance(year, bool):
        raise InvalidArgumentError(f"year must be an int, got {year!r}")
    rule, years = STV_STATES[state]
    if year not in years:
        raise UnsupportedEraError(
            f"the STV rule of {state} is covered for {', '.join(map(str, years))}, not {year}"
        )
    return rule


def elect(
    state: str,
    ballots: Iterable[Ballot],
    seats: int,
    *,
    year: int,
    candidates: Sequence[str] | None = None,
    if_unresolved: IfUnresolved = IfUnresolved.REPORT,
) -> StvOutcome:
    """Count one constituency's ballots under ``state``'s STV rule in ``year``.

    The seats are those of the constituency (Ireland has three; Malta and Northern Ireland
    one each). See :func:`electoral_rules.stv.count` for the ballots' order and the ties.

    >>> from electoral_rules.stv import Ballot
    >>> elect("MT", [Ballot(ranking=("A",), papers=7), Ballot(ranking=("B", "C"), papers=2),
    ...              Ballot(ranking=("C",), papers=3)], 1, year=2024).elected
    ('A',)
    """
    return count(ballots, seats, stv_rule(state, year), candidates=candidates, if_unresolved=if_unresolved)
