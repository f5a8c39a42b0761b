"""Every outcome kind the library produces is explained in French without English prose, and in
English without French prose (issue 17: "no French explanation contains English prose").

The check is a list of stop words: short function words and the domain's nouns that exist in
one language only. Every :class:`~electoral_rules.NoteKind` and every
:class:`~electoral_rules.Method` is also worded directly, and the outcomes below are checked
to produce every note kind and every method, so that a kind added later without a test (or
without a wording) fails here.

Citations stay as the law writes them in both languages ("Code électoral, art. L262 (loi n°
82-974)", "CE, 30 janvier 2015, Élections municipales de Hautefort", « le plus grand nombre de
suffrages »): the English check ignores the "Legal basis" line, text in brackets and
« quotations », where citations live. Place names stay whole ("Saint-Laurent-du-Maroni").
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterator
from fractions import Fraction
from typing import Literal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from electoral_rules import (
    Allocation,
    Candidate,
    Divisor,
    ElectoralRulesError,
    IfUnresolved,
    Method,
    Note,
    NoteKind,
    PartyList,
    Quota,
    RoundOutcome,
    Tally,
    TieBreak,
    given_order,
    highest_averages,
    largest_remainder,
    most_votes,
)
from electoral_rules._mapping import FrozenMap
from electoral_rules.france import (
    corsica,
    departmental,
    european,
    guyane,
    legislative,
    martinique,
    mayotte,
    municipal,
    new_caledonia,
    polynesia,
    presidential,
    regional,
    saint_barthelemy,
    saint_martin,
    saint_pierre_et_miquelon,
    senate,
)
from electoral_rules.render.notes import method_label, note_text
from tests.common import AFP, REPORT

Lang = Literal["fr", "en"]
Outcome = Allocation | RoundOutcome

ENGLISH = frozenset(
    [
        "the", "of", "and", "or", "every", "each", "with", "by", "to", "is", "are", "not", "from",
        "which", "who", "has", "have", "may", "after", "between", "before", "than", "there",
        "their", "its", "at", "in", "on", "into", "under", "over", "without", "seat", "seats",
        "list", "lists", "round", "rounds", "tie", "ties", "left", "remains", "remain", "given",
        "fill", "elected", "eliminated", "qualified", "stand", "undetermined", "settled",
        "unsettled", "threshold", "majority", "remainder", "remainders", "registered", "expressed",
        "ballot", "ballots", "none", "votes", "vote", "cast", "first", "last", "most", "highest",
        "lowest", "oldest", "average", "commune", "communes", "inhabitants", "department",
        "sector", "council", "applied", "moved", "rounded",
    ]
)
"""English words (function words and the domain's nouns) that must not appear in French text."""

_FRENCH_TOO = frozenset({"vote", "votes", "commune", "communes", "note"})
ENGLISH_ONLY = ENGLISH - _FRENCH_TOO
"""Without the words French shares ("vote", "commune"...): those cannot tell the languages apart."""

FRENCH = frozenset(
    [
        "le", "la", "les", "des", "du", "et", "ou", "pour", "par", "au", "aux", "une", "un", "qui",
        "est", "sont", "chaque", "entre", "avec", "sans", "siège", "sièges", "liste", "listes",
        "voix", "élu", "élue", "élus", "tour", "tours", "égalité", "reste", "restent", "seuil",
        "majorité", "inscrits", "exprimés", "suffrages", "départagée", "tranchée", "attribuer",
        "pourvoir",
    ]
)
"""French words that are not English words."""

WORD = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*", re.UNICODE)  # place names stay whole
BRACKETS = re.compile(r"\([^()]*\)")
QUOTED = re.compile(r"«[^»]*»")


def _words(text: str) -> set[str]:
    return {word.lower() for word in WORD.findall(text)}


def _english_in(text: str) -> set[str]:
    return _words(text) & ENGLISH_ONLY


def _french_in(text: str) -> set[str]:
    """French words outside the legal basis, the brackets and « quotes », where citations live."""
    lines = [line for line in text.splitlines() if not line.startswith("Legal basis:")]
    body = QUOTED.sub("", "\n".join(lines))
    while BRACKETS.search(body):
        body = BRACKETS.sub("", body)
    return _words(body) & FRENCH


DAY_2020 = dt.date(2020, 3, 15)
DAY_2021 = dt.date(2021, 6, 27)


def _born(name: str, year: int) -> Candidate:
    return Candidate(name=name, birth_date=dt.date(year, 1, 1))


def _party(name: str, *years: int) -> PartyList:
    return PartyList(name=name, candidates=[_born(f"{name}{i}", year) for i, year in enumerate(years, 1)])


def _generic() -> Iterator[tuple[str, Outcome]]:
    for divisor in Divisor:
        yield f"divisor {divisor.name}", highest_averages(AFP, 5, divisor=divisor, threshold="5%")
    for quota in Quota:
        yield f"quota {quota.name}", largest_remainder(AFP, 5, quota=quota, threshold="5%")
    yield "over-allocation", largest_remainder({"A": 60, "B": 30, "C": 10}, 2, quota=Quota.IMPERIALI)
    yield "divisor tie unsettled", highest_averages({"A": 10, "B": 10, "C": 5}, 1, tie_break=REPORT)
    yield "divisor tie settled", highest_averages(
        {"A": 10, "B": 10, "C": 5}, 1, tie_break=TieBreak(criteria=(most_votes(),), if_unresolved=IfUnresolved.REPORT)
    )
    yield "remainder tie unsettled", largest_remainder({"A": 5, "B": 5}, 1, tie_break=REPORT)
    yield "zero divisor tie", highest_averages(
        {"A": 900, "B": 50, "C": 1}, 2, divisor=Divisor.ADAMS, tie_break=TieBreak(criteria=(most_votes(),))
    )


def _majoritarian() -> Iterator[tuple[str, Outcome]]:
    yield "législatives T1 qualified", legislative.elect(
        Tally(votes={"A": 240, "B": 125, "C": 100}, registered=1000)
    )
    yield "législatives T1 elected", legislative.elect(Tally(votes={"A": 300, "B": 100}, registered=1000))
    yield "législatives T1 runner-up", legislative.elect(
        Tally(votes={"A": 200, "B": 100, "C": 90}, registered=1000)
    )
    yield "législatives T1 top two", legislative.elect(
        Tally(votes={"A": 110, "B": 100, "C": 90}, registered=1000)
    )
    yield "législatives T1 tie for a place", legislative.elect(
        Tally(votes={"A": 110, "B": 100, "C": 100}, registered=1000)
    )
    yield "législatives T2 age tie", legislative.elect(
        Tally(votes={"A": 500, "B": 500}), round=2, people=[_born("A", 1970), _born("B", 1960)])
    yield "départementales T1", departmental.elect(
        Tally(votes={"A-B": 240, "C-D": 125, "E-F": 100}, registered=1000), date=DAY_2021
    )
    yield "départementales T2", departmental.elect(Tally(votes={"A-B": 240, "C-D": 125}), round=2)
    yield "présidentielle T1 withdrawn", presidential.elect(
        Tally(votes={"A": 40, "B": 35, "C": 25}), withdrawn=["B"]
    )
    yield "présidentielle T2 tie", presidential.elect(Tally(votes={"A": 50, "B": 50}), round=2)
    plural = Tally(votes={"A": 60, "B": 59, "C": 58, "D": 20}, registered=120, expressed=100, names_per_ballot=2)
    yield "sénatoriales T1 more pass than seats", senate.elect(plural, 2)
    yield "sénatoriales T2", senate.elect(
        Tally(votes={"A": 60, "B": 50, "C": 40}, expressed=100, names_per_ballot=2), 2, round=2
    )
    yield "petite commune T1", municipal.elect(plural, 2, date=DAY_2020)
    yield "petite commune T2", municipal.elect(
        Tally(votes={"A": 60, "B": 50, "C": 40}, expressed=100, names_per_ballot=2), 2, round=2, date=DAY_2020
    )


def _lists() -> Iterator[tuple[str, Outcome]]:
    hautefort = {"A": 362, "B": 188}
    for day in (dt.date(1995, 6, 11), dt.date(2008, 3, 9), DAY_2020):
        yield f"municipales {day.year}", municipal.allocate(hautefort, 15, date=day)
    yield "municipales 2026 small commune", municipal.allocate(
        {"A": 55, "B": 45}, 11, date=dt.date(2026, 3, 15), population=300
    )
    yield "municipales T2", municipal.allocate({"A": 413, "B": 350}, 15, round=2, date=DAY_2020)
    yield "municipales T2 bonus by age", municipal.allocate(
        {"A": 400, "B": 400, "C": 200}, 7, round=2, date=DAY_2020,
        people=[_party("A", *[1950] * 7), _party("B", *[1980] * 7), _party("C", *[1970] * 7)],)
    yield "municipales vacancy", municipal.allocate(
        hautefort, 15, date=DAY_2020, people=[_party("A", 1960, 1961, 1962), _party("B", 1970, 1971)]
    )
    lists = [_party("A", *range(1950, 1955)), _party("B", *range(1960, 1965))]
    council = municipal.sector({"A": 600, "B": 400}, 3, city="Lyon", date=DAY_2020, people=lists)
    yield "secteur PLM", council
    yield "conseil d'arrondissement", municipal.arrondissement_council(
        {"A": 600, "B": 400}, 4, council=council, people=lists, city="Lyon", date=DAY_2020
    )
    yield "municipales qualification", municipal.second_round_qualification(
        {"A": 48, "B": 9, "C": 9, "D": 9, "E": 9, "F": 8, "G": 8}, date=DAY_2020
    )
    yield "municipales no second round", municipal.second_round_qualification({"A": 60, "B": 40}, date=DAY_2020)
    short = [PartyList(name="A", candidates=[f"a{i}" for i in range(5)]),
             PartyList(name="B", candidates=[f"b{i}" for i in range(7)])]
    yield "municipales 2026 seats left vacant", municipal.allocate(
        {"A": 39, "B": 25}, 7, date="2026-03-15", people=short, population=80
    )
    yield "municipales 2026 next averages", municipal.allocate(
        {"A": 39, "B": 25}, 7, date="2026-03-15", people=short, population=80,
        excess_seats=municipal.ExcessSeats.NEXT_AVERAGES,)
    too_short = [PartyList(name="A", candidates=["a1", "a2"]), short[1]]
    yield "municipales 2026 complementary election", municipal.allocate(
        {"A": 39, "B": 25}, 7, date="2026-03-15", people=too_short, population=80
    )
    yield "Paris city council 2026", municipal.allocate_city_council(
        {"A": 45_000, "B": 35_000, "C": 20_000}, city="Paris", round=2, date="2026-03-22"
    )
    yield "Paris sector 2026", municipal.allocate_sector_council(
        {"A": 6_000, "B": 3_000, "C": 1_000}, city="Paris", sector=7, date="2026-03-15"
    )
    yield "New Caledonia small commune", municipal.allocate(
        {"A": 343, "B": 31, "C": 46, "D": 191, "E": 87}, 15, date="2026-03-15", new_caledonia=True,
        population=900,)
    yield "community seats", municipal.allocate_community_seats(
        {"A": 1410, "B": 607, "C": 119, "D": 630}, 13, date=DAY_2020
    )
    yield "régionales", regional.allocate({"A": 4000, "B": 3500, "C": 2000, "D": 400}, 20, round=2, date=DAY_2021)
    yield "régionales qualification fallback", regional.second_round_qualification(
        {"A": 49, "B": 9, "C": 8, "D": 7, "E": 6, "F": 6, "G": 5, "H": 5, "I": 5}, date=DAY_2021
    )
    yield "régionales qualification tie", regional.second_round_qualification(
        {"A": 48, "B": 9, "C": 9, "D": 9, "E": 9, "F": 8, "G": 8}, date=DAY_2021
    )
    yield from _sections()
    yield "européennes 1999 tie", european.allocate({"A": 300, "B": 200, "C": 100}, 5, date=dt.date(1999, 6, 13))
    yield "européennes 2009 tie by age", european.allocate(
        {"A": 200, "B": 200}, 3, date=dt.date(2009, 6, 7), people=[_party("A", 1950), _party("B", 1980)]
    )
    yield "européennes 2024", european.allocate({"A": 5000, "B": 3000, "C": 1500, "D": 499}, 10, date=dt.date(2024, 6, 9))
    yield "européennes 2024 tie, no lists", european.allocate({"A": 200, "B": 200}, 3, date=dt.date(2024, 6, 9), if_unresolved=IfUnresolved.REPORT)
    yield "Corse 2017", corsica.allocate({"A": 4500, "B": 2500, "C": 2000, "D": 1000}, round=2, date=dt.date(2017, 12, 10))
    yield "Corse 2015", corsica.allocate({"A": 4500, "B": 2500, "C": 2000, "D": 1000}, round=2, date=dt.date(2015, 12, 13))
    yield "Corse bonus tie", corsica.allocate({"A": 4000, "B": 4000, "C": 2000}, round=2, date=dt.date(2017, 12, 10))
    yield "Corse qualification", corsica.second_round_qualification({"A": 40, "B": 33, "C": 21, "D": 6}, date="2017-12-03")
    yield "législatives 1986", legislative.proportional({"A": 61000, "B": 58000, "C": 14000, "D": 9000, "E": 4000}, 6)
    yield from _overseas()
    yield from _territorial()
    yield "sénatoriales RP", senate.allocate(AFP, 5)
    yield "sénatoriales RP tie", senate.allocate({"A": 450, "B": 150, "C": 150}, 3)
    yield "sénatoriales RP abroad", senate.allocate(AFP, 5, date=dt.date(2023, 9, 24), abroad=True)


def _overseas() -> Iterator[tuple[str, Outcome]]:
    result = martinique.allocate({"A": 40000, "B": 35000, "C": 20000, "D": 5000}, round=2, date=DAY_2021)
    yield "Martinique", result
    split = martinique.sections(result, {
        "A": {"Centre": 12000, "Nord": 9000, "Fort-de-France": 11000, "Sud": 8000},
        "B": {"Centre": 9000, "Nord": 10000, "Fort-de-France": 7000, "Sud": 9000},
        "C": {"Centre": 5000, "Nord": 5000, "Fort-de-France": 5000, "Sud": 5000},
        "D": {"Centre": 2000, "Nord": 1000, "Fort-de-France": 1000, "Sud": 1000},
    }, date=DAY_2021)
    yield "Martinique sections", split["A"]
    yield "Martinique qualification", martinique.second_round_qualification({"A": 48, "B": 9, "C": 9, "D": 34}, date=DAY_2021)
    votes = {"A": 5200, "B": 3000, "C": 1400, "D": 400}
    by_section = {section: {"A": 650, "B": 375, "C": 175, "D": 50} for section in guyane.SECTIONS_2015}
    yield "Guyane 2015", guyane.allocate(votes, section_votes=by_section, date="2015-12-13")
    yield "Guyane 2015 section", guyane.sections(votes, section_votes=by_section, date="2015-12-13")["Cayenne"]
    yield "Guyane 2021 as given", guyane.allocate(
        votes, section_votes=by_section, date=DAY_2021, section_seats=dict(guyane.SECTIONS_2015),
        section_bonus=dict(guyane.BONUS_2015),
    )
    tied = {"A": 4000, "B": 4000, "C": 2000}
    tied_sections = {section: {"A": 500, "B": 500, "C": 250} for section in guyane.SECTIONS_2015}
    yield "Guyane bonus tie", guyane.allocate(tied, round=2, section_votes=tied_sections, date="2015-12-13")
    yield "Guyane qualification", guyane.second_round_qualification(
        {"A": 30, "B": 25, "C": 20, "D": 15, "E": 10}, date=DAY_2021
    )


def _territorial() -> Iterator[tuple[str, Outcome]]:
    day = dt.date(2022, 3, 20)
    tally = Tally(votes={"A": 2600, "B": 1500, "C": 700, "D": 200}, registered=8000)
    yield "Saint-Barthélemy", saint_barthelemy.allocate(tally, date=day)
    yield "Saint-Martin", saint_martin.allocate(tally, date=day)
    yield "Saint-Barthélemy qualification", saint_barthelemy.second_round_qualification(
        {"A": 46, "B": 9, "C": 9, "D": 36}, date=day
    )
    spm = {"A": 1700, "B": 1300, "C": 500}
    yield "Saint-Pierre-et-Miquelon", saint_pierre_et_miquelon.allocate(spm, round=2, date=day)
    yield "Saint-Pierre section", saint_pierre_et_miquelon.sections(spm, round=2, date=day)["Saint-Pierre"]
    caledonia = Tally(votes={"A": 5000, "B": 3000, "C": 2000, "D": 1200, "E": 900}, registered=20000)
    yield "Îles Loyauté", new_caledonia.allocate(caledonia, province="Îles Loyauté", date="2019-05-12")
    runs = new_caledonia.runs(caledonia, province="Îles Loyauté", date="2019-05-12")
    yield "Îles Loyauté, Congrès", runs["congress"]
    yield "Îles Loyauté, province", runs["province_only"]
    votes = {"A": 10400, "B": 6000, "C": 2800, "D": 800}
    by_section = {section: {"A": 1300, "B": 750, "C": 350, "D": 100} for section in polynesia.SECTIONS}
    yield "Polynésie", polynesia.allocate(votes, section_votes=by_section, date="2023-04-16")
    yield "Polynésie section", polynesia.sections(votes, section_votes=by_section, date="2023-04-16")["1"]
    populations = {f"S{index}": 1000 for index in range(1, 14)}
    yield "Mayotte sections", mayotte.section_seats({**populations, "S3": 1001}, 27)
    yield "Mayotte sections, open tie", mayotte.section_seats(populations, 27)
    yield "Mayotte sections, by growth", mayotte.section_seats(
        populations, 27, previous_populations=dict.fromkeys(populations, 900) | {"S7": 800}
    )
    yield "Polynésie qualification", polynesia.second_round_qualification(
        {"A": 45, "B": 30, "C": 13, "D": 12}, date="2023-04-16"
    )


def _sections() -> Iterator[tuple[str, Outcome]]:
    votes = {"A": {"30": 9000, "34": 9500, "48": 500}, "B": {"30": 4000, "34": 4500, "48": 1000}}
    populations = {"30": 750_000, "34": 1_200_000, "48": 76_000}
    for name, split in regional.sections({"A": 12, "B": 6}, votes, date=DAY_2021, populations=populations).items():
        yield f"sections 2021 moved {name}", split
    met = regional.sections(
        {"A": 10, "B": 6}, {"A": {"01": 5000, "03": 3000}, "B": {"01": 3000, "03": 1500}},
        date=DAY_2021, populations={"01": 650_000, "03": 330_000},
    )
    yield "sections 2021 met", met["A"]
    yield "sections 2010", regional.sections({"A": 5, "B": 2}, {"A": {"01": 620, "03": 380}, "B": {"01": 200, "03": 150}},
                                             date=dt.date(2010, 3, 21))["A"]


SOURCES: tuple[Callable[[], Iterator[tuple[str, Outcome]]], ...] = (_generic, _majoritarian, _lists)


def _outcomes() -> dict[str, Outcome]:
    return {label: outcome for source in SOURCES for label, outcome in source()}


OUTCOMES = _outcomes()


def _notes(outcome: Outcome) -> list[Note]:
    found = list(outcome.notes)
    found.extend(step.detail for step in outcome.trace if step.detail is not None)
    return found


def test_the_outcomes_cover_every_note_kind_and_every_method() -> None:
    kinds = {note.kind for outcome in OUTCOMES.values() for note in _notes(outcome)}
    assert set(NoteKind) - kinds == set()
    methods = {outcome.method for outcome in OUTCOMES.values()}
    assert set(Method) - methods == set()


@pytest.mark.parametrize("label", sorted(OUTCOMES))
def test_french_explanation_has_no_english(label: str) -> None:
    text = OUTCOMES[label].explain("fr")
    assert _english_in(text) == set(), text


@pytest.mark.parametrize("label", sorted(OUTCOMES))
def test_english_explanation_has_no_french(label: str) -> None:
    text = OUTCOMES[label].explain("en")
    assert _french_in(text) == set(), text


def _samples() -> Iterator[Note]:
    values: dict[type, object] = {
        int: 2, str: "A", Fraction: Fraction(1, 20), tuple: ("A", "B"), FrozenMap: FrozenMap({"A": 3, "B": 0})
    }
    closed = {"reason": ("no-rule", "criteria-exhausted", "missing-data"), "council": ("city", "arrondissement")}
    for kind in NoteKind:
        keys = list(kind.fields)
        choices = [closed.get(key, (values[kind.fields[key]],)) for key in keys]
        longest = max((len(options) for options in choices), default=1)
        for index in range(longest):
            yield Note(kind=kind, values={key: options[min(index, len(options) - 1)]
                                          for key, options in zip(keys, choices, strict=True)})  # type: ignore[arg-type]
        if "lists_checked" in keys:
            yield Note.of(kind, lists_checked=1)
        if "inhabitants" in keys:
            yield Note.of(kind, inhabitants=0)


@pytest.mark.parametrize("note", list(_samples()), ids=lambda note: note.kind.value)
def test_every_note_kind_is_worded_in_both_languages(note: Note) -> None:
    french, english = note_text(note, "fr"), note_text(note, "en")
    assert french and english and french != english
    assert _english_in(french) == set(), french
    assert _french_in(english) == set(), english
    assert note.text("fr") == french


@pytest.mark.parametrize("method", list(Method), ids=lambda method: method.name)
def test_every_method_is_named_in_both_languages(method: Method) -> None:
    french, english = method_label(method, "fr"), method_label(method, "en")
    assert _english_in(french) == set(), french
    assert _french_in(english) == set(), english
    assert method.label("en") == english


def test_the_2026_small_commune_explanation_ends_in_french() -> None:
    """The defect of issue 17: the French text ended in "every commune (loi n° 2025-444)"."""
    text = OUTCOMES["municipales 2026 small commune"].explain("fr")
    assert "every" not in text
    assert "Scrutin de liste applicable à toutes les communes (loi n° 2025-444)." in text
    assert text.splitlines()[-1].startswith("Base légale : Code électoral, art. L262")


def test_the_stop_words_catch_english() -> None:
    """The check can fail: the old 2026 basis and an English note are caught."""
    assert _english_in("Base légale : Code électoral, art. L262, every commune (loi n° 2025-444).") == {"every"}
    assert _english_in("La liste A a 2 seats") == {"seats"}
    assert _french_in("Result: A 4, B 1 sièges.") == {"sièges"}
    assert _french_in("Legal basis: Code électoral, art. L262; CE, Élections municipales de Hautefort.") == set()


_NEUTRAL = [f"L{index}" for index in range(1, 9)]
"""List names that are words of no language, so that only the library's own words are checked."""


@given(
    st.lists(st.integers(0, 10_000), min_size=1, max_size=8).filter(any),
    st.integers(1, 40),
    st.sampled_from([*Divisor, *Quota]),
    st.sampled_from(["report", "settle"]),
    st.sampled_from([None, "5%"]),
)
def test_generic_explanations_stay_in_their_language(
    counts: list[int], seats: int, method: Divisor | Quota, ties: str, threshold: str | None
) -> None:
    """Any tally, any generic method, ties settled or reported: no English in French, no
    French in English."""
    votes = dict(zip(_NEUTRAL, counts, strict=False))
    policy = REPORT if ties == "report" else TieBreak(
        criteria=(most_votes(), given_order(list(votes))), if_unresolved=IfUnresolved.REPORT
    )
    try:
        if isinstance(method, Divisor):
            result = highest_averages(votes, seats, divisor=method, threshold=threshold, tie_break=policy)
        else:
            result = largest_remainder(votes, seats, quota=method, threshold=threshold, tie_break=policy)
    except ElectoralRulesError:  # a quota of 0 votes, no list over the threshold: nothing to explain
        return
    assert _english_in(result.explain("fr")) == set()
    assert _french_in(result.explain("en")) == set()


_NOT_RULES = {
    "common": "deprecated alias of round_engine",
    "list_vote": "deprecated alias of list_engine",
    "list_engine": "the engine the list rules call (covered through them)",
    "round_engine": "the engine the majoritarian rules call (covered through them)",
    "senate_tables": "tables and records, no outcome",
    "municipal_tables": "tables, no outcome",
    "municipal_2026": "re-exported and called through municipal",
}


def test_every_election_module_is_rendered_here() -> None:
    """A new election module must add its outcomes to this file (or say here why not)."""
    import pkgutil
    import sys

    import electoral_rules.france as france

    modules = {info.name for info in pkgutil.iter_modules(france.__path__) if not info.name.startswith("_")}
    here = sys.modules[__name__]
    imported = {name for name in modules if getattr(here, name, None) is getattr(france, name, object())}
    assert modules - imported - set(_NOT_RULES) == set()
