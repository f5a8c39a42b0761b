"""Assemblée de Guyane: an 11-seat bonus fixed section by section, then plus forte moyenne
in each of the eight sections.

Code électoral, art. L558-1 A to L558-4 and L558-19 (livre VI bis, titre I, loi n°
2011-884 du 27 juillet 2011; first election in December 2015).

* **2015 text** (read in the LEGI dump, VERIFIED, state of about 2015): 51 members (L.558-2;
  55 above 249 999 inhabitants and 61 above 299 999, with the sections' seats then revised:
  those revisions were not read and are refused). Eight sections with fixed seats (L.558-3)
  and a fixed share of the bonus (L.558-4):

  ===========================  =====  =====
  section                      seats  bonus
  ===========================  =====  =====
  Cayenne                      12     2
  Petite Couronne              10     2
  Grande Couronne              3      1
  Oyapock                      3      1
  Savanes                      7      1
  Haut-Maroni                  5      1
  Saint-Laurent-du-Maroni      8      2
  Basse-Mana                   3      1
  ===========================  =====  =====

* **Bonus** (L.558-4): the 11 seats to the list with an absolute majority of expressed votes
  in round 1 (without one no seat is allocated), or with the most votes in round 2 (equal
  leading lists: the **highest** average age), placed in the sections as above.
* **Other seats** (L.558-4): « au sein de chaque section, entre toutes les listes ayant
  obtenu au moins 5 % des suffrages exprimés sur l'ensemble de la circonscription, au
  prorata des voix obtenues par chaque liste dans la section », by plus forte moyenne. A
  tie for a section's last seat goes to « la liste qui a obtenu le plus grand nombre de
  suffrages », then to the oldest candidate who could be elected; the text does not say
  where the votes are counted: the library reads them **in the section** (the votes the
  averages are computed on) and says so in the outcome.
* **Since 24 December 2020** (loi du 22 décembre 2020; PARTIAL: the new L.558-3 and L.558-4
  were not read verbatim): the sections' seats are set before each election by a
  prefectoral arrêté (plus forte moyenne on population, at least 3 seats per section), so
  they are an input (``section_seats``); the bonus is still 11 seats, but how it is placed
  in the sections was not read: without ``section_bonus`` the library refuses
  (:class:`~electoral_rules.errors.NotImplementedRuleError`).
* **Second round** (L.558-19): 10 % to stand, the top-two fallback, 5 % to merge.

A worked example (figures made up): round 1, A has 52 % of 10 000 votes and takes the
bonus, two seats of it in Cayenne; Cayenne's 10 other seats go by plus forte moyenne among
A, B and C (D, under 5 % in the whole constituency, takes none):

>>> votes = {"A": 5200, "B": 3000, "C": 1400, "D": 400}
>>> by_section = {s: {"A": 650, "B": 375, "C": 175, "D": 50} for s in SECTIONS_2015}
>>> split = sections(votes, section_votes=by_section, date="2015-12-13")
>>> dict(split["Cayenne"]), dict(split["Cayenne"].bonus)
({'A': 8, 'B': 3, 'C': 1, 'D': 0}, {'A': 2})
>>> dict(allocate(votes, section_votes=by_section, date="2015-12-13"))
{'A': 34, 'B': 13, 'C': 4, 'D': 0}

.. seealso:: Code électoral, art. L558-2, L558-3, L558-4, L558-19.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Mapping
from fractions import Fraction

from .._exact import as_count, as_seats, grouped
from .._mapping import FrozenMap
from ..errors import InvalidArgumentError, NotImplementedRuleError
from ..outcome import Allocation, Note, NoteKind, RoundOutcome
from ..tally import Tally, votes_of
from ..tiebreak import IfUnresolved
from ._collectivity import SECTION_TIE_NOTE, Lists, SectionedAssembly, when_of
from .list_engine import list_qualification
from .round_engine import RunnerUpTie

__all__ = [
    "ASSEMBLY",
    "BONUS",
    "BONUS_2015",
    "FIRST_ELECTION",
    "L558_2",
    "L558_3",
    "L558_4",
    "L558_19",
    "PREFECTORAL_FROM",
    "RULE",
    "SECTIONS_2015",
    "SECTION_TIE_NOTE",
    "allocate",
    "second_round_qualification",
    "sections",
]

FIRST_ELECTION = _dt.date(2015, 12, 1)
"""The first election of the Assemblée de Guyane (6 and 13 December 2015)."""
PREFECTORAL_FROM = _dt.date(2020, 12, 24)
"""Loi du 22 décembre 2020 in force: the sections' seats set by prefectoral arrêté (PARTIAL)."""
BONUS = 11
"""L.558-4: « un nombre de onze sièges »."""
SECTIONS_2015: Mapping[str, int] = FrozenMap({
    "Cayenne": 12,
    "Petite Couronne": 10,
    "Grande Couronne": 3,
    "Oyapock": 3,
    "Savanes": 7,
    "Haut-Maroni": 5,
    "Saint-Laurent-du-Maroni": 8,
    "Basse-Mana": 3,
})
"""Seats per section, L.558-3 (2011 text): 51 in all."""
BONUS_2015: Mapping[str, int] = FrozenMap({
    "Cayenne": 2,
    "Petite Couronne": 2,
    "Grande Couronne": 1,
    "Oyapock": 1,
    "Savanes": 1,
    "Haut-Maroni": 1,
    "Saint-Laurent-du-Maroni": 2,
    "Basse-Mana": 1,
})
"""The bonus seats placed in each section, L.558-4 (2011 text): 11 in all."""

L558_2 = "Code électoral, art. L558-2"
L558_3 = "Code électoral, art. L558-3"
L558_4 = "Code électoral, art. L558-4"
L558_19 = "Code électoral, art. L558-19"
RULE = "the Assemblée de Guyane (Code électoral, art. L558-1 A to L558-4)"


def _layout(
    when: _dt.date, seats: object, section_seats: Mapping[str, int] | None, section_bonus: Mapping[str, int] | None
) -> tuple[dict[str, int], dict[str, int], str]:
    seats = None if seats is None else as_seats(seats, RULE)
    if when < PREFECTORAL_FROM:
        if section_seats is not None or section_bonus is not None:
            raise InvalidArgumentError(
                f"before 24 December 2020 {L558_3} and {L558_4} fix the sections' seats and bonus: do not give "
                "section_seats or section_bonus"
            )
        if seats is not None and seats != 51:
            raise NotImplementedRuleError(
                f"seats={seats}: {L558_2} gives 55 or 61 seats above 249 999 or 299 999 inhabitants, with the "
                f"sections' seats then revised ({L558_3}); that revision was not read, only the 51-seat table is "
                "implemented"
            )
        basis = f"{L558_4} (loi n° 2011-884, rédaction de 2011); {L558_3}"
        return dict(SECTIONS_2015), dict(BONUS_2015), basis
    if section_seats is None:
        raise InvalidArgumentError(
            "since 24 December 2020 the sections' seats are set by a prefectoral arrêté before each election: "
            "give section_seats= (seats per section)"
        )
    if section_bonus is None:
        raise NotImplementedRuleError(
            "since 24 December 2020 how the 11 bonus seats are placed in the sections is set by the new "
            f"{L558_4} (loi du 22 décembre 2020), which was not read: give section_bonus= (bonus seats per "
            "section) from the text or the arrêté"
        )
    layout = {section: as_count(n, f"seats of section {section!r}") for section, n in section_seats.items()}
    bonus = {section: as_count(n, f"bonus seats of section {section!r}") for section, n in section_bonus.items()}
    for section, n in layout.items():
        if n < 3:
            raise InvalidArgumentError(
                f"section {section!r} has {n} seat(s): the loi du 22 décembre 2020 gives every section at least 3"
            )
    for section, n in bonus.items():
        if section not in layout:
            raise InvalidArgumentError(f"section_bonus names section {section!r}, which is not in section_seats")
        if n > layout[section]:
            raise InvalidArgumentError(
                f"section {section!r}: {n} bonus seats but only {layout[section]} seats in the section"
            )
    if sum(bonus.values()) != BONUS:
        raise InvalidArgumentError(
            f"section_bonus adds up to {sum(bonus.values())}, but the bonus is {BONUS} seats ({L558_4})"
        )
    if seats is not None and seats != sum(layout.values()):
        raise InvalidArgumentError(
            f"seats={seats} but section_seats adds up to {grouped(sum(layout.values()))}"
        )
    basis = f"{L558_4} (rédaction de la loi du 22 décembre 2020 : PARTIAL)"
    return layout, bonus, basis


ASSEMBLY = SectionedAssembly(
    election="Assemblée de Guyane",
    rule=RULE,
    bonus_articles=(f"{L558_4} al.2", f"{L558_4} al.5"),
    round_article=L558_19,
    stand=Fraction(1, 10),
    tie_basis=L558_4,
    threshold_basis=L558_4,
    section_votes_help="the votes per list in each section, L558-4",
)
"""The section-by-section rule of L558-4, run by :func:`allocate` and :func:`sections`."""


def _run(
    tally: Tally | Mapping[str, int],
    seats: int | None,
    *,
    round: int,
    date: object,
    people: Lists | None,
    if_unresolved: IfUnresolved,
    section_votes: Mapping[str, Mapping[str, int]] | None,
    section_seats: Mapping[str, int] | None,
    section_bonus: Mapping[str, int] | None,
    first_round: Tally | Mapping[str, int] | None,
) -> tuple[Allocation, FrozenMap[str, Allocation]]:
    when = when_of(date, first=FIRST_ELECTION, rule=RULE)
    votes = votes_of(tally)
    layout, bonus, basis = _layout(when, seats, section_seats, section_bonus)
    given = (Note.of(NoteKind.SECTIONS_AS_GIVEN, basis=L558_4),) if when >= PREFECTORAL_FROM else ()
    return ASSEMBLY.run(
        votes, round=round, people=people, if_unresolved=if_unresolved, first_round=first_round,
        section_votes=section_votes, section_seats=layout, section_bonus=bonus, legal_basis=basis, notes=given,
    )


def allocate(
    tally: Tally | Mapping[str, int],
    seats: int | None = None,
    *,
    round: int = 1,
    date: object = None,
    people: Lists | None = None,
    if_unresolved: IfUnresolved = IfUnresolved.REPORT,
    section_votes: Mapping[str, Mapping[str, int]] | None = None,
    section_seats: Mapping[str, int] | None = None,
    section_bonus: Mapping[str, int] | None = None,
    first_round: Tally | Mapping[str, int] | None = None,
) -> Allocation:
    """Seats per list in the Assemblée de Guyane: the sum of :func:`sections`.

    :param tally: the votes per list in the whole constituency.
    :param seats: ``None`` (51 before 24 December 2020; the sum of ``section_seats`` since);
        another number is an error.
    :param round: 1 or 2.
    :param date: the polling day (from December 2015).
    :param people: the lists' candidates, for a tie for first place (average age).
    :param if_unresolved: what to do with a tie the law's criteria do not settle.
    :param section_votes: for each section, the votes per list there; they must add up to
        ``tally``.
    :param section_seats: since 24 December 2020, the seats per section of the prefectoral arrêté.
    :param section_bonus: since 24 December 2020, the bonus seats per section (the text that
        places them was not read).
    :param first_round: in round 2, the first-round tally, to check that every list could stand.
    :raises NoMajorityError: in round 1 without an absolute majority.
    :raises NotImplementedRuleError: for a house of 55 or 61 seats under the 2011 text, or
        since 2020 without ``section_bonus``.

    .. seealso:: Code électoral, art. L558-4.
    """
    total, _ = _run(
        tally, seats, round=round, date=date, people=people, if_unresolved=if_unresolved,
        section_votes=section_votes, section_seats=section_seats, section_bonus=section_bonus,
        first_round=first_round,
    )
    return total


def sections(
    tally: Tally | Mapping[str, int],
    seats: int | None = None,
    *,
    round: int = 1,
    date: object = None,
    people: Lists | None = None,
    if_unresolved: IfUnresolved = IfUnresolved.REPORT,
    section_votes: Mapping[str, Mapping[str, int]] | None = None,
    section_seats: Mapping[str, int] | None = None,
    section_bonus: Mapping[str, int] | None = None,
    first_round: Tally | Mapping[str, int] | None = None,
) -> FrozenMap[str, Allocation]:
    """Each section's seats per list (L.558-4): its share of the bonus, then plus forte
    moyenne on the votes in the section among the lists with 5 % in the whole constituency.

    Same parameters as :func:`allocate`; returns one :class:`~electoral_rules.Allocation`
    per section, in the order of the law's table (or of ``section_seats``).

    .. seealso:: Code électoral, art. L558-3, L558-4.
    """
    _, parts = _run(
        tally, seats, round=round, date=date, people=people, if_unresolved=if_unresolved,
        section_votes=section_votes, section_seats=section_seats, section_bonus=section_bonus,
        first_round=first_round,
    )
    return parts


def second_round_qualification(
    tally: Tally | Mapping[str, int], *, date: object = None, runner_up_tie: RunnerUpTie = RunnerUpTie.ALL_STAND
) -> RoundOutcome:
    """Which first-round lists may stand in the second round (L.558-19): 10 %, with the
    top-two fallback; 5 % to merge.

    >>> second_round_qualification({"A": 30, "B": 25, "C": 20, "D": 15, "E": 10}, date="2021-06-20").qualified
    ('A', 'B', 'C', 'D', 'E')

    Lists tied for a fallback place all stand by default (the practice of the départementales
    2015 in the canton d'Aureilhan); ``runner_up_tie=RunnerUpTie.UNDETERMINED`` reports the tie.

    .. seealso:: Code électoral, art. L558-19.
    """
    when_of(date, first=FIRST_ELECTION, rule=RULE)
    return list_qualification(
        tally,
        election="Assemblée de Guyane",
        stand=Fraction(1, 10),
        merge=Fraction(1, 20),
        top_two_fallback=True,
        legal_basis=L558_19,
        majority_rule=f"{L558_4} al.2",
        runner_up_tie=runner_up_tie,
    )
