"""The calling contract (docs/explanation/calling-contract.md), checked on every entry point.

Every French rule is found by name (``elect``, ``allocate*``, ``proportional``, ``sector``,
``arrondissement_council`` in each public module of ``electoral_rules.france``), so a new rule
is checked as soon as it is added: parameter names, order and kinds. The rules with a
sample call below are also checked for their behaviour: a plain mapping is accepted (or
refused with the InvalidTallyError naming what is missing), and the same mistake gives the
same error class everywhere; a Hypothesis property feeds them junk and accepts only a
result or the library's own error.
"""

from __future__ import annotations

import datetime as dt
import importlib
import inspect
import pkgutil
from collections.abc import Callable, Mapping
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import electoral_rules.france as france
from electoral_rules import Candidate, IfUnresolved, PartyList, Tally, dhondt, largest_remainder
from electoral_rules.errors import (
    ElectoralRulesError,
    InvalidArgumentError,
    InvalidTallyError,
    NoMajorityError,
)
from electoral_rules.france import guyane, polynesia
from electoral_rules.outcome import Allocation, RoundOutcome

ENTRY_NAMES = {"elect", "proportional", "sector", "arrondissement_council"}
DEPRECATED = {"first_round", "second_round", "majoritarian_round", "small_commune_round", "senate.proportional"}
ENGINES = {"list_engine", "round_engine", "common", "list_vote"}  # engines (and their old names)
SINGLE_ROUND = {"european.allocate", "senate.allocate", "legislative.proportional", "new_caledonia.allocate"}
SINGLE_SEAT = {"legislative.elect", "departmental.elect", "presidential.elect"}
CONTRACT = ("round", "date", "people", "if_unresolved")
OLD_KEYWORDS = {"lists", "decide"}


def _entry_points() -> dict[str, Callable[..., Any]]:
    found: dict[str, Callable[..., Any]] = {}
    for info in pkgutil.iter_modules(france.__path__):
        if info.name.startswith("_") or info.name in ENGINES:
            continue
        module = importlib.import_module(f"electoral_rules.france.{info.name}")
        for name in getattr(module, "__all__", ()):
            value = getattr(module, name)
            key = f"{info.name}.{name}"
            if not inspect.isfunction(value) or value.__module__ != module.__name__:
                continue
            if name in DEPRECATED or key in DEPRECATED:
                continue
            if name in ENTRY_NAMES or name.startswith("allocate"):
                found[key] = value
    return found


ENTRIES = _entry_points()


def test_every_election_has_entry_points() -> None:
    modules = {key.split(".")[0] for key in ENTRIES}
    assert {"legislative", "departmental", "presidential", "senate", "municipal", "regional", "european"} <= modules


@pytest.mark.parametrize("key", sorted(ENTRIES))
def test_signature(key: str) -> None:
    parameters = list(inspect.signature(ENTRIES[key]).parameters.values())
    first = parameters[0]
    assert first.name == "tally" and first.kind is inspect.Parameter.POSITIONAL_OR_KEYWORD
    positional = [p for p in parameters if p.kind is inspect.Parameter.POSITIONAL_OR_KEYWORD]
    if key in SINGLE_SEAT:
        assert [p.name for p in positional] == ["tally"]
    else:
        assert [p.name for p in positional] == ["tally", "seats"]
    keywords = [p for p in parameters if p.kind is inspect.Parameter.KEYWORD_ONLY]
    names = [p.name for p in keywords]
    expected = [name for name in CONTRACT if not (name == "round" and key in SINGLE_ROUND)]
    assert names[: len(expected)] == expected, names
    by_name = {p.name: p for p in keywords}
    assert by_name["date"].default is None
    assert by_name["people"].default is None
    assert by_name["if_unresolved"].default is IfUnresolved.REPORT
    if "round" in by_name:
        assert by_name["round"].default == 1
    old = [name for name in names if name in OLD_KEYWORDS]
    assert names[len(names) - len(old):] == old, "deprecated keywords come last"


# -- behaviour, on a sample call of each rule ---------------------------------------------------

PEOPLE = [Candidate(name="A", birth_date=dt.date(1950, 1, 1)), Candidate(name="B", birth_date=dt.date(1960, 1, 1))]
LISTS = [PartyList(name="A", candidates=["a1", "a2", "a3", "a4", "a5"]),
         PartyList(name="B", candidates=["b1", "b2", "b3", "b4", "b5"])]
VOTES = {"A": 600, "B": 400}
MAJORITY_T1 = Tally(votes=VOTES, registered=1500)
PLURI = Tally(votes=VOTES, registered=1200, expressed=1000, names_per_ballot=2)
CONFIRM = ["A", "B"]
REGISTERED = Tally(votes=VOTES, registered=1500)
GUYANE_SECTIONS = {section: {"A": 75, "B": 50} for section in guyane.SECTIONS_2015}
POLYNESIA_SECTIONS = {section: {"A": 75, "B": 50} for section in polynesia.SECTIONS}

# key -> (tally for a working call, seats or None, extra keywords, people)
SAMPLES: dict[str, tuple[Any, int | None, dict[str, Any], Any]] = {
    "legislative.elect": (MAJORITY_T1, None, {}, PEOPLE),
    "departmental.elect": (Tally(votes={"A": 600, "B": 400}, registered=1500), None, {},
                           {"A": (PEOPLE[0], PEOPLE[1]), "B": (PEOPLE[1], PEOPLE[0])}),
    "presidential.elect": (MAJORITY_T1, None, {}, PEOPLE),
    "senate.elect": (PLURI, 2, {"date": "2026-09-27"}, PEOPLE),
    "senate.allocate": (VOTES, 5, {"date": "2026-09-27"}, LISTS),
    "municipal.elect": (PLURI, 2, {"date": "2020-03-15"}, PEOPLE),
    "municipal.allocate": (VOTES, 5, {"date": "2020-03-15"}, LISTS),
    "municipal.sector": (VOTES, 3, {"date": "2020-03-15", "city": "Lyon"}, LISTS),
    "regional.allocate": (VOTES, 5, {"date": "2021-06-20"}, LISTS),
    "european.allocate": (VOTES, 5, {"date": "2024-06-09"}, LISTS),
    "legislative.proportional": (VOTES, 5, {"date": "1986-03-16"}, LISTS),
    "corsica.allocate": ({"A": 5100, "B": 3000, "C": 1600}, 63, {"date": "2021-06-20"}, None),
    "martinique.allocate": (VOTES, None, {"date": "2021-06-20"}, LISTS),
    "guyane.allocate": (VOTES, None, {"date": "2015-12-06", "section_votes": GUYANE_SECTIONS}, LISTS),
    "polynesia.allocate": (VOTES, None, {"date": "2023-04-16", "section_votes": POLYNESIA_SECTIONS}, LISTS),
    "saint_pierre_et_miquelon.allocate": (REGISTERED, None, {"date": "2022-03-20"}, LISTS),
    "saint_barthelemy.allocate": (REGISTERED, None, {"date": "2022-03-20"}, LISTS),
    "saint_martin.allocate": (REGISTERED, None, {"date": "2022-03-20"}, LISTS),
    "new_caledonia.allocate": (REGISTERED, None, {"date": "2019-05-12", "province": "Sud"}, LISTS),
    "municipal_2026.allocate_city_council": (VOTES, None, {"date": "2026-03-15", "city": "Lyon"}, LISTS),
    "municipal_2026.allocate_sector_council": (VOTES, None, {"date": "2026-03-15", "city": "Paris", "sector": 7},
                                               LISTS),
    "municipal_2026.allocate_new_caledonia_small_commune": (VOTES, None, {"date": "2026-03-15", "population": 900},
                                                            LISTS),
}
ROUND_ONE_NEEDS_REGISTERED = {
    "legislative.elect", "departmental.elect", "senate.elect", "municipal.elect", "saint_pierre_et_miquelon.allocate",
    "saint_barthelemy.allocate", "saint_martin.allocate", "new_caledonia.allocate",
}
ONE_ROUND_ONLY = {"municipal_2026.allocate_new_caledonia_small_commune"}  # a round parameter that must be 1
# the pieces a rule cannot do without, beyond the tally: each defaults to None and its absence is
# the library's InvalidArgumentError naming it, never a TypeError
PIECES: dict[str, tuple[str, ...]] = {
    "guyane.allocate": ("section_votes",),
    "polynesia.allocate": ("section_votes",),
    "new_caledonia.allocate": ("province",),
    "municipal.sector": ("city",),
    "municipal_2026.allocate_city_council": ("city",),
    "municipal_2026.allocate_sector_council": ("city", "sector"),
    "municipal_2026.allocate_new_caledonia_small_commune": ("population",),
}


def _call(key: str, **changes: Any) -> Any:
    tally, seats, extra, _ = SAMPLES[key]
    arguments = {"tally": tally, **extra, **changes}
    rule = ENTRIES[key]
    tally_arg = arguments.pop("tally")
    if key in SINGLE_SEAT:
        return rule(tally_arg, **arguments)
    seats_arg = arguments.pop("seats", seats)
    return rule(tally_arg, seats_arg, **arguments)


def test_every_sample_is_an_entry_point() -> None:
    assert set(SAMPLES) <= set(ENTRIES)


@pytest.mark.parametrize("key", sorted(SAMPLES))
def test_the_sample_works_and_takes_people(key: str) -> None:
    outcome = _call(key)
    assert isinstance(outcome, (Allocation, RoundOutcome))
    assert outcome.legal_basis
    people = SAMPLES[key][3]
    if people is not None:
        assert type(_call(key, people=people)) is type(outcome)


@pytest.mark.parametrize("key", sorted(SAMPLES))
def test_a_plain_mapping(key: str) -> None:
    tally = SAMPLES[key][0]
    votes = dict(tally.votes) if isinstance(tally, Tally) else dict(tally)
    if key in ROUND_ONE_NEEDS_REGISTERED:
        with pytest.raises(InvalidTallyError, match=r"registered|names_per_ballot"):
            _call(key, tally=votes)
        if key in SINGLE_SEAT:
            assert _call(key, tally=votes, round=2).elected == ("A",)
        return
    try:
        outcome = _call(key, tally=votes)
    except NoMajorityError:
        return
    assert isinstance(outcome, (Allocation, RoundOutcome))


@pytest.mark.parametrize("seats", [0, -1, True, 2.0, "3"])
@pytest.mark.parametrize("key", sorted(set(SAMPLES) - SINGLE_SEAT))
def test_bad_seats_are_one_error(key: str, seats: object) -> None:
    with pytest.raises(InvalidArgumentError) as caught:
        _call(key, seats=seats)
    assert type(caught.value) is InvalidArgumentError, repr(caught.value)


@pytest.mark.parametrize("key", sorted(ENTRIES))
def test_no_keyword_is_required(key: str) -> None:
    """A rule-specific keyword the rule needs defaults to None: forgetting it is the library's error."""
    required = [
        p.name for p in inspect.signature(ENTRIES[key]).parameters.values()
        if p.kind is inspect.Parameter.KEYWORD_ONLY and p.default is inspect.Parameter.empty
    ]
    assert not required, f"{key}: {required} have no default; a missing one would be a bare TypeError"


@pytest.mark.parametrize(("key", "piece"), sorted((key, piece) for key, pieces in PIECES.items() for piece in pieces))
def test_a_missing_piece_is_one_error_naming_it(key: str, piece: str) -> None:
    tally, seats, extra, _ = SAMPLES.get(key, (VOTES, 3, {"date": "2020-03-15", "city": "Lyon"}, None))
    given = {name: value for name, value in extra.items() if name != piece}
    with pytest.raises(InvalidArgumentError, match=f"needs {piece}=") as caught:
        ENTRIES[key](tally, seats, **given)
    assert type(caught.value) is InvalidArgumentError, repr(caught.value)


def test_every_piece_is_a_parameter_of_its_rule() -> None:
    for key, pieces in PIECES.items():
        assert set(pieces) <= set(inspect.signature(ENTRIES[key]).parameters), key


@pytest.mark.parametrize("key", sorted(set(SAMPLES) - {f"{k}" for k in SINGLE_ROUND} - ONE_ROUND_ONLY))
@pytest.mark.parametrize("bad", [3, 0, True, "1"])
def test_bad_round_is_one_error(key: str, bad: object) -> None:
    with pytest.raises(InvalidArgumentError) as caught:
        _call(key, round=bad)
    assert type(caught.value) is InvalidArgumentError, repr(caught.value)


@pytest.mark.parametrize("key", sorted(SAMPLES))
@pytest.mark.parametrize("bad", ["15/03/2020", dt.datetime(2020, 3, 15), 2020, "2020-02-30"])
def test_bad_date_is_one_error(key: str, bad: object) -> None:
    with pytest.raises(InvalidArgumentError) as caught:
        _call(key, date=bad)
    assert type(caught.value) is InvalidArgumentError, repr(caught.value)


@pytest.mark.parametrize("key", sorted(SAMPLES))
def test_bad_tie_knob_and_unknown_people_are_one_error(key: str) -> None:
    with pytest.raises(InvalidArgumentError):
        _call(key, if_unresolved="raise")
    stranger = Candidate(name="Z") if key.endswith("elect") else PartyList(name="Z", candidates=["z"])
    with pytest.raises(InvalidArgumentError) as caught:
        _call(key, people=[stranger])
    assert type(caught.value) is InvalidArgumentError, repr(caught.value)


# -- junk, on every sampled rule --------------------------------------------------------------

junk = st.one_of(
    st.none(), st.booleans(), st.integers(-3, 10), st.integers(10**20, 10**21),
    st.floats(allow_nan=True), st.text(max_size=4), st.lists(st.integers(0, 3), max_size=2),
    st.dictionaries(st.text(max_size=2), st.one_of(st.integers(-2, 20), st.none(), st.floats()), max_size=3),
    st.dictionaries(st.sampled_from(["A", "B", "C"]), st.integers(0, 50), max_size=3),
)


@given(key=st.sampled_from(sorted(SAMPLES)), field=st.sampled_from(["tally", "seats", "round", "date", "people"]),
       value=junk)
def test_junk_gives_a_result_or_a_library_error(key: str, field: str, value: object) -> None:
    if field == "seats" and key in SINGLE_SEAT:
        field = "round"
    if field == "round" and key in SINGLE_ROUND:
        field = "date"
    try:
        outcome = _call(key, **{field: value})
    except ElectoralRulesError:
        return
    assert isinstance(outcome, (Allocation, RoundOutcome))


# -- the generic methods: votes and seats, a mapping, the same seat errors ----------------------


@pytest.mark.parametrize("method", [dhondt, largest_remainder])
def test_generic_methods(method: Callable[..., Allocation]) -> None:
    parameters = list(inspect.signature(method).parameters.values())
    assert [p.name for p in parameters[:2]] == ["votes", "seats"]
    assert method(VOTES, 5) == method(Tally(votes=VOTES), 5)
    for seats in (-1, True, 2.0):
        with pytest.raises(InvalidArgumentError):
            method(VOTES, seats)
    assert isinstance(method(VOTES, 0), Mapping)  # a house of 0 seats is allowed here
