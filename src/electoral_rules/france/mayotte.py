"""Assemblée de Mayotte (the future single assembly): the seats of its 13 sections by
population.

Code électoral, art. L558-9-1 and following, created by the loi de programmation pour la
refondation de Mayotte (2025), with deferred entry into force (the next general renewal;
its date was not read). **PARTIAL**: only L.558-9-3 was read, and cut.

* **Sections** (L.558-9-3): one constituency of 13 sections. « Le nombre de sièges prévu à
  l'article L. 558-9-2 est réparti entre les sections en fonction de leur population
  respective, à la représentation proportionnelle à la plus forte moyenne. En cas d'égalité
  de moyenne, le dernier siège est attribué à la section dont la population est la plus
  importante ; en cas de nouvelle égalité, [...] la section dont la population a le plus
  augmenté en valeur absolue depuis le recensement précédent. » :func:`section_seats`
  implements this sentence.
* **Not read**: the number of seats of L.558-9-2 (52 in the Senate commission's text: an
  input here), the end of the article (« Chaque section se voit attribuer au moins [...] »:
  the commission's text says 2 seats; the library refuses any apportionment that leaves a
  section with fewer than 2 and notes that the final minimum was not read), and the bonus
  of L.558-9-4 (a quarter of the seats, « un siège dans chacune des 13 sections », in the
  commission's text; 10 seats by population in amendments): :func:`allocate` refuses
  (:class:`~electoral_rules.errors.NotImplementedRuleError`).

Thirteen sections (populations made up) and 52 seats:

>>> populations = {f"S{i}": p for i, p in enumerate(
...     [40000, 30000, 25000, 22000, 20000, 18000, 16000, 15000, 14000, 13000, 12000, 12000, 11000], 1)}
>>> list(section_seats(populations, 52).values())
[9, 7, 5, 5, 4, 4, 3, 3, 3, 3, 2, 2, 2]

With a smaller last section, plus forte moyenne would give it one seat; the unread minimum
clause then governs, and the library refuses:

>>> smaller = {**populations, "S13": 4000}
>>> section_seats(smaller, 52)  # doctest: +ELLIPSIS
Traceback (most recent call last):
...
electoral_rules.errors.NotImplementedRuleError: section(s) 'S13' would get fewer than 2 seats: ...

.. seealso:: Code électoral, art. L558-9-3 (loi de programmation pour la refondation de
   Mayotte, 2025; deferred entry into force).
"""

from __future__ import annotations

from collections.abc import Mapping

from .._exact import as_count, as_counts, as_seats
from ..apportionment import dhondt
from ..errors import InvalidArgumentError, NotImplementedRuleError, UnresolvedTieError
from ..outcome import Allocation
from ..tally import Tally
from ..tiebreak import Criterion, IfUnresolved, TieBreak, as_if_unresolved

__all__ = ["L558_9_3", "MINIMUM_IN_COMMISSION_TEXT", "SECTIONS", "allocate", "section_seats"]

SECTIONS = 13
"""L.558-9-3: the constituency has thirteen sections (their names are in the article)."""
MINIMUM_IN_COMMISSION_TEXT = 2
"""The fewest seats per section in the Senate commission's text (report l24-612); the final
wording of L.558-9-3 was read only up to « Chaque section se voit attribuer a[u moins] »."""

L558_9_3 = "Code électoral, art. L558-9-3 (loi de programmation pour la refondation de Mayotte, 2025; PARTIAL)"


def section_seats(
    populations: Mapping[str, int],
    seats: int,
    *,
    previous_populations: Mapping[str, int] | None = None,
    if_unresolved: IfUnresolved = IfUnresolved.REPORT,
) -> Allocation:
    """Share the assembly's seats between the 13 sections by population (L.558-9-3).

    :param populations: the population of each of the 13 sections.
    :param seats: the assembly's seats (L.558-9-2, not read: 52 in the Senate commission's text).
    :param previous_populations: each section's population at the previous census, used only
        when equal averages and equal populations tie for the last seat.
    :param if_unresolved: what to do with a tie the two criteria do not settle.
    :returns: an :class:`~electoral_rules.Allocation` of seats per section (plus forte
        moyenne, D'Hondt); its legal basis is marked PARTIAL.
    :raises InvalidArgumentError: for other than 13 sections or a bad population.
    :raises NotImplementedRuleError: when a section gets fewer than 2 seats: the minimum
        clause of the article was not read.

    >>> pops = {f"S{i}": 10000 for i in range(1, 14)}
    >>> dict(section_seats(pops, 52))["S1"]
    4

    .. seealso:: Code électoral, art. L558-9-3.
    """
    counts = as_counts(populations, "populations")
    if len(counts) != SECTIONS:
        raise InvalidArgumentError(
            f"{len(counts)} sections given, but the constituency of Mayotte has {SECTIONS} ({L558_9_3})"
        )
    house = as_seats(seats, "Assemblée de Mayotte")
    policy = as_if_unresolved(if_unresolved)
    before = None if previous_populations is None else as_counts(previous_populations, "previous_populations")
    if before is not None:
        for name in before:
            if name not in counts:
                raise InvalidArgumentError(f"previous_populations names section {name!r}, which has no population")

    def growth(section: str, _votes: Mapping[str, int]) -> int:
        if before is None or section not in before:
            raise UnresolvedTieError(
                f"the tie involving section {section!r} is decided by the growth of its population since the "
                "previous census, which was not given (previous_populations=)"
            )
        return counts[section] - as_count(before[section], f"previous population of {section!r}")

    policy_break = TieBreak(
        criteria=(
            Criterion(f"largest population ({L558_9_3})", lambda section, votes: votes[section]),
            Criterion(f"largest growth since the previous census ({L558_9_3})", growth),
        ),
        if_unresolved=policy,
    )
    try:
        result = dhondt(Tally(votes=counts), house, tie_break=policy_break, legal_basis=L558_9_3)
    except UnresolvedTieError as error:
        if policy is IfUnresolved.RAISE or error.tie is not None:
            raise
        result = dhondt(Tally(votes=counts), house, tie_break=TieBreak(if_unresolved=IfUnresolved.REPORT),
                        legal_basis=L558_9_3)
    short = [section for section, n in result.seats.items() if n < MINIMUM_IN_COMMISSION_TEXT]
    if short:
        raise NotImplementedRuleError(
            f"section(s) {', '.join(map(repr, short))} would get fewer than {MINIMUM_IN_COMMISSION_TEXT} seats: "
            "the minimum per section of L558-9-3 (« Chaque section se voit attribuer au moins ... ») was not read "
            "in its final wording, so how seats are then moved is not implemented"
        )
    return result


def allocate(
    tally: Tally | Mapping[str, int],
    seats: int | None = None,
    *,
    round: int = 1,
    date: object = None,
    people: object = None,
    if_unresolved: IfUnresolved = IfUnresolved.REPORT,
) -> Allocation:
    """The seats per list of the Assemblée de Mayotte: **refused**.

    The bonus and the allocation between lists are set by L.558-9-4 and the following
    articles, whose final text was not read (the Senate commission's text gave a bonus of a
    quarter of the seats, one in each section; amendments proposed 10 seats shared by
    population).

    :raises NotImplementedRuleError: always, naming the missing text.

    .. seealso:: Code électoral, art. L558-9-4 (not read).
    """
    raise NotImplementedRuleError(
        "the Assemblée de Mayotte's bonus and list allocation (Code électoral, art. L558-9-4 and following, "
        "loi de programmation pour la refondation de Mayotte, 2025) were not read in their final wording: "
        "only the apportionment of seats between sections (mayotte.section_seats) is implemented"
    )
