"""Nouvelle-Calédonie: the provincial assemblies and the Congrès, two runs of plus forte
moyenne per province among the lists with 5 % of **registered** voters.

Loi organique n° 99-209 du 19 mars 1999, art. 185 and 190 to 192 (elections since May 1999),
read in the LEGI dump of non-codified laws (VERIFIED; the electoral roll is out of scope).

* **Seats** (art. 185): each province elects its assembly, some of whose members also sit in
  the Congrès:

  ==============  ========  =================
  province        members   of them, Congrès
  ==============  ========  =================
  Îles Loyauté    14        7
  Nord            22        15
  Sud             40        32
  ==============  ========  =================

* **Vote** (art. 190, 191): each province is one constituency; one round, closed lists,
  « représentation proportionnelle à la plus forte moyenne ».
* **Allocation** (art. 192): the Congrès seats are allocated first and go to the lists'
  first candidates; the other seats of the provincial assembly « sont répartis dans les
  mêmes conditions » and go to the next candidates, from the first one not elected to the
  Congrès. « Les listes qui n'ont pas obtenu au moins 5 % du nombre des électeurs inscrits
  ne sont pas admises » (``20 * v >= registered``, not expressed votes). Last-seat tie: most
  votes, then the oldest candidate who could be elected.
* **Two runs.** Of the readings of « dans les mêmes conditions », two independent runs on the
  same votes (the Congrès seats, then the assembly-only seats) reproduce the provincial
  results; one run over all of a province's seats does not. :func:`allocate` returns the
  province's total, :func:`runs` the two runs.

A worked example (figures made up): the Îles Loyauté, 20 000 registered, so a list needs
1 000 votes; E has 900 and is out. The 7 Congrès seats and the 7 others are two D'Hondt runs
on the same votes, each A 4, B 2, C 1 (the seventh average is A's 5 000 ÷ 4 = 1 250, ahead
of D's 1 200):

>>> votes = Tally(votes={"A": 5000, "B": 3000, "C": 2000, "D": 1200, "E": 900}, registered=20000)
>>> split = runs(votes, province="Îles Loyauté", date="2019-05-12")
>>> dict(split["congress"]), dict(split["province_only"])
({'A': 4, 'B': 2, 'C': 1, 'D': 0, 'E': 0}, {'A': 4, 'B': 2, 'C': 1, 'D': 0, 'E': 0})
>>> dict(allocate(votes, province="Îles Loyauté", date="2019-05-12"))
{'A': 8, 'B': 4, 'C': 2, 'D': 0, 'E': 0}

One run over the 14 seats would give D a seat (its 1 200 is the eighth average): A 7, B 4, C 2,
D 1. The two readings differ; only the two runs are implemented.

.. seealso:: Loi organique n° 99-209, art. 185, 190, 191, 192.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Mapping
from fractions import Fraction

from .._exact import grouped, needed
from .._mapping import FrozenMap
from ..errors import InvalidTallyError, NoEligibleListError, UnknownConstituencyError
from ..outcome import Allocation, Note, NoteKind, Step, StepKind
from ..tally import PartyList, Tally, votes_of
from ..tiebreak import IfUnresolved
from ._collectivity import Lists, check_if_unresolved, house_of, people_of, proportional_run, when_of
from .list_engine import ThresholdBase

__all__ = ["ART185", "ART192", "FIRST_ELECTION", "PROVINCES", "RULE", "allocate", "runs"]

FIRST_ELECTION = _dt.date(1999, 5, 1)
"""The first provincial elections under loi organique n° 99-209 (9 May 1999)."""
PROVINCES: Mapping[str, tuple[int, int]] = FrozenMap({
    "Îles Loyauté": (14, 7),
    "Nord": (22, 15),
    "Sud": (40, 32),
})
"""Art. 185: members of each provincial assembly, and how many of them sit in the Congrès."""

ART185 = "loi organique n° 99-209, art. 185"
ART192 = "loi organique n° 99-209, art. 192"
RULE = "the provincial assemblies of Nouvelle-Calédonie (loi organique n° 99-209, art. 185 to 192)"


def _province(province: object) -> tuple[str, int, int]:
    needed(province, "province", RULE, ", ".join(PROVINCES))
    if not isinstance(province, str) or province not in PROVINCES:
        raise UnknownConstituencyError(
            f"province {province!r} is not one of the three provinces of {ART185}: "
            f"{', '.join(map(repr, PROVINCES))}"
        )
    members, congress = PROVINCES[province]
    return province, members, congress


def _run(
    votes: Tally,
    seats: int,
    *,
    lists: Mapping[str, PartyList] | None,
    offset: Mapping[str, int],
    policy: IfUnresolved,
    stage: str,
) -> Allocation:
    """One run: plus forte moyenne among the lists with 5 % of registered, the candidates
    from each list's ``offset`` (the Congrès members are skipped in the second run).
    ``stage`` names the seats of the run, in French: it is cited in the legal basis."""
    shifted = None
    if lists is not None:
        shifted = {
            name: PartyList(name=name, candidates=party.candidates[offset.get(name, 0):])
            for name, party in lists.items()
        }
    return proportional_run(
        votes, seats, election=f"provincial assembly ({stage})", legal_basis=f"{ART192} ({stage})",
        tie_basis=ART192, people=shifted, if_unresolved=policy, threshold=Fraction(1, 20),
        threshold_base=ThresholdBase.REGISTERED,
        threshold_basis=f"{ART192} (au moins 5 % du nombre des électeurs inscrits)",
        unresolved_hint=f"{ART192}: most votes, then the oldest candidate who could be elected",
    )


def runs(
    tally: Tally | Mapping[str, int],
    seats: int | None = None,
    *,
    date: object = None,
    people: Lists | None = None,
    if_unresolved: IfUnresolved = IfUnresolved.REPORT,
    province: str | None = None,
) -> FrozenMap[str, Allocation]:
    """The two runs of a province (art. 192): ``"congress"`` (its Congrès seats) and
    ``"province_only"`` (its other assembly seats), each by plus forte moyenne on the same
    votes among the lists with 5 % of registered voters.

    :param tally: the province's votes per list; ``registered`` is required (a plain mapping
        is refused with :class:`~electoral_rules.errors.InvalidTallyError` naming it).
    :param seats: the province's members (art. 185); ``None`` takes them.
    :param date: the polling day (from May 1999).
    :param people: the lists' candidates in order: the Congrès seats go to the first ones,
        the other seats to the next ones; also for ties by age.
    :param if_unresolved: what to do with a tie the law's criteria do not settle.
    :param province: ``"Îles Loyauté"``, ``"Nord"`` or ``"Sud"``.
    :raises InvalidTallyError: without ``registered``.
    :raises InvalidArgumentError: without ``province``.
    :raises UnknownConstituencyError: for another province.
    :raises NoEligibleListError: when no list reaches 5 % of registered voters.

    .. seealso:: Loi organique n° 99-209, art. 192.
    """
    when_of(date, first=FIRST_ELECTION, rule=RULE)
    name, members, congress = _province(province)
    house_of(seats, members, f"{ART185} ({name})")
    votes = votes_of(tally)
    if votes.registered is None:
        raise InvalidTallyError(
            f"{ART192} admits only lists with 5 % of registered voters: give Tally(registered=...)"
        )
    policy = check_if_unresolved(if_unresolved)
    lists = people_of(people, votes.votes)
    if not any(n and 20 * n >= votes.registered for n in votes.votes.values()):
        raise NoEligibleListError(
            f"no list has 5 % of the {grouped(votes.registered)} registered voters: {ART192} admits none to "
            "the allocation"
        )
    first = _run(votes, congress, lists=lists, offset={}, policy=policy,
                 stage=f"les {congress} sièges du Congrès, province {name}")
    second = _run(votes, members - congress, lists=lists, offset=dict(first.seats), policy=policy,
                  stage=f"les {members - congress} autres sièges de l'assemblée de la province {name}")
    return FrozenMap({"congress": first, "province_only": second})


def allocate(
    tally: Tally | Mapping[str, int],
    seats: int | None = None,
    *,
    date: object = None,
    people: Lists | None = None,
    if_unresolved: IfUnresolved = IfUnresolved.REPORT,
    province: str | None = None,
) -> Allocation:
    """A provincial assembly's seats per list: the sum of the two :func:`runs` (art. 192).

    Same parameters as :func:`runs`. The result's ``elected`` lists each list's elected
    candidates in list order (the Congrès members first); its trace gives the threshold and
    each run's result (each of :func:`runs` explains its own averages).

    .. seealso:: Loi organique n° 99-209, art. 185, 192.
    """
    parts = runs(tally, seats, date=date, people=people, if_unresolved=if_unresolved, province=province)
    first, second = parts["congress"], parts["province_only"]
    votes = votes_of(tally)
    seats_of = {name: first.seats[name] + second.seats[name] for name in votes.votes}
    elected = {
        name: first.elected.get(name, ()) + second.elected.get(name, ())
        for name in votes.votes
        if name in first.elected or name in second.elected
    }
    congress = Note.of(NoteKind.SECTION_RESULT, section="Congrès", seats=first.house, won=FrozenMap(first.seats))
    others = Note.of(
        NoteKind.SECTION_RESULT, section=f"province {province}", seats=second.house,
        won=FrozenMap(second.seats),
    )
    steps = (
        *(step for step in first.trace if step.kind is StepKind.THRESHOLD),
        Step(kind=StepKind.NOTE, subject="Congrès", seats=first.house, detail=congress),
        Step(kind=StepKind.NOTE, subject=province, seats=second.house, detail=others),
    )
    return first.with_changes(
        seats=FrozenMap(seats_of),
        house=first.house + second.house,
        ties=first.ties + second.ties,
        elected=FrozenMap(elected),
        legal_basis=f"{ART192}; {ART185}",
        notes=(*first.notes, *second.notes),
        trace_factory=lambda: steps,
    )
