"""Open data: tallies, allocations and round outcomes round-trip exactly through JSON and CSV."""

from __future__ import annotations

import dataclasses
import json
import unicodedata
from fractions import Fraction
from pathlib import Path
from typing import Any

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from electoral_rules import Tally
from electoral_rules._mapping import FrozenMap
from electoral_rules.apportionment import Quota, dhondt, largest_remainder
from electoral_rules.errors import InvalidArgumentError, OfficialFileError
from electoral_rules.io.opendata import from_csv, from_dict, from_json, load, save, to_csv, to_dict, to_json
from electoral_rules.outcome import Allocation, Method, Note, NoteKind, RoundOutcome, Threshold, Tie
from electoral_rules.tiebreak import IfUnresolved, TieBreak

names = (
    st.text(st.characters(codec="utf-8"), min_size=1, max_size=12)
    .map(lambda s: unicodedata.normalize("NFC", s.strip()))
    .filter(lambda s: s != "" and s.strip() == s)
)  # the library's rule for names: see electoral_rules._exact.as_name
counts = st.integers(min_value=0, max_value=10**12)


@st.composite
def tallies(draw: st.DrawFn) -> Tally:
    votes = draw(st.dictionaries(names, counts, min_size=1, max_size=6))
    plurinominal = draw(st.booleans()) and sum(votes.values()) > 0
    if plurinominal:
        per_ballot = draw(st.integers(2, 4))
        total = sum(votes.values())
        low = max(max(votes.values()), -(-total // per_ballot))
        expressed = draw(st.integers(low, max(low, total)))
    else:
        per_ballot, expressed = 1, sum(votes.values())
    blank, null = draw(counts), draw(counts)
    voters = expressed + blank + null
    registered = voters + draw(counts)
    known = draw(st.sampled_from(["all", "none", "registered"]))
    if known == "none":
        return Tally(votes=votes, expressed=expressed, names_per_ballot=per_ballot)
    if known == "registered":
        return Tally(votes=votes, registered=registered, expressed=expressed, names_per_ballot=per_ballot)
    return Tally(
        votes=votes,
        registered=registered,
        voters=voters,
        blank=blank,
        null=null,
        expressed=expressed,
        names_per_ballot=per_ballot,
    )


fractions = st.fractions(min_value=0, max_value=10**6)
thresholds = st.builds(
    Threshold,
    name=names,
    share=st.fractions(min_value=0, max_value=1),
    base=st.sampled_from(["expressed", "registered"]),
    base_count=counts,
    inclusive=st.booleans(),
    legal_basis=st.text(max_size=20),
)


@st.composite
def ties(draw: st.DrawFn) -> Tie:
    contenders = draw(st.lists(names, min_size=2, max_size=4, unique=True))
    seats = draw(st.integers(1, len(contenders) - 1))
    winners = draw(st.lists(st.sampled_from(contenders), max_size=seats, unique=True))
    return Tie(
        contenders=tuple(contenders),
        seats=seats,
        value=draw(st.none() | fractions),
        stage=draw(st.sampled_from(["last seat", "second place"])),
        winners=tuple(winners),
        resolved_by=tuple(draw(st.lists(st.text(max_size=10), max_size=2))),
    )


_VALUES: dict[type, st.SearchStrategy[Any]] = {
    int: counts,
    str: st.text(max_size=12),
    Fraction: fractions,
    tuple: st.lists(names, max_size=3).map(tuple),
    FrozenMap: st.dictionaries(names, counts, max_size=3).map(FrozenMap),
}
_CLOSED = {
    (NoteKind.TIE_UNSETTLED, "reason"): ["no-rule", "criteria-exhausted", "missing-data"],
    (NoteKind.PLM_SECTOR, "council"): ["city", "arrondissement"],
}


@st.composite
def notes(draw: st.DrawFn) -> Note:
    """A note of any kind, with values of the types its kind declares."""
    kind = draw(st.sampled_from(list(NoteKind)))
    values = {
        key: draw(st.sampled_from(_CLOSED[kind, key]) if (kind, key) in _CLOSED else _VALUES[expected])
        for key, expected in kind.fields.items()
    }
    return Note(kind=kind, values=FrozenMap(values))


@st.composite
def allocations(draw: st.DrawFn) -> Allocation:
    votes = draw(st.dictionaries(names, counts, min_size=1, max_size=5))
    seats = {name: draw(st.integers(0, 20)) for name in votes}
    order = list(votes)

    def subset(most: int) -> list[str]:
        """Some lists, in list order (as the rules give excluded, bonus, elected, vacancies)."""
        chosen = set(draw(st.lists(st.sampled_from(order), unique=True, max_size=most)))
        return [name for name in order if name in chosen]

    return Allocation(
        seats=FrozenMap(seats),
        votes=FrozenMap(votes),
        house=sum(seats.values()) + draw(st.integers(0, 2)),
        method=draw(st.sampled_from(list(Method))),
        quotient=draw(st.none() | fractions),
        threshold=draw(st.none() | thresholds),
        excluded=tuple(subset(2)),
        bonus=FrozenMap({name: draw(st.integers(0, seats[name])) for name in subset(1)}),
        ties=tuple(draw(st.lists(ties(), max_size=2))),
        legal_basis=draw(st.text(max_size=30)),
        # a list elects, or leaves vacant, no more than its seats (from_dict checks it)
        elected=FrozenMap(
            {
                name: tuple(draw(st.lists(names, max_size=min(3, seats[name]), unique=True)))
                for name in subset(3)
            }
        ),
        vacancies=FrozenMap(
            {name: draw(st.integers(1, seats[name])) for name in subset(1) if seats[name] >= 1}
        ),
        notes=tuple(draw(st.lists(notes(), max_size=2))),
    )


@st.composite
def outcomes(draw: st.DrawFn) -> RoundOutcome:
    tally = draw(tallies())
    people = draw(st.permutations(list(tally.votes)))
    items = draw(st.lists(thresholds, max_size=3, unique_by=lambda t: t.name))
    seats = draw(st.integers(1, 3))
    # elected, qualified and eliminated are disjoint names of the tally (from_dict checks it)
    cut1 = draw(st.integers(0, min(seats, len(people))))
    cut2 = draw(st.integers(cut1, len(people)))
    return RoundOutcome(
        election=draw(st.sampled_from(["législatives", "sénatoriales", "présidentielle"])),
        round=draw(st.integers(1, 2)),
        tally=tally,
        house=seats,
        elected=tuple(people[:cut1]),
        qualified=tuple(people[cut1:cut2]),
        eliminated=tuple(people[cut2:]),
        ties=tuple(draw(st.lists(ties(), max_size=1))),
        thresholds=FrozenMap((item.name, item) for item in items),
        legal_basis=draw(st.text(max_size=20)),
        notes=tuple(draw(st.lists(notes(), max_size=2))),
        method=draw(st.sampled_from(list(Method))),
    )


def fields(record: Any) -> dict[str, Any]:
    return {
        f.name: getattr(record, f.name)
        for f in dataclasses.fields(record)
        if f.name not in ("trace_factory", "trace")
    }


def no_floats(value: Any) -> None:
    assert not isinstance(value, float)
    if isinstance(value, dict):
        for key, item in value.items():
            assert isinstance(key, str)
            no_floats(item)
    elif isinstance(value, list):
        for item in value:
            no_floats(item)
    else:
        assert isinstance(value, (str, int))


@given(tallies())
@example(Tally(votes={'a,"b"\nc': 1, "x\r\ny": 2}))
def test_tally_round_trip(tally: Tally) -> None:
    assert from_json(to_json(tally)) == tally
    for back in through_csv(tally):
        assert back == tally
    no_floats(json.loads(to_json(tally)))


def through_csv(record: Any) -> list[Any]:
    """``[from_csv(to_csv(record))]``, or ``[]`` when ``to_csv`` refuses a NUL character,
    which only a record holding one may cause (a NUL inside a tie's JSON cell is escaped
    there, so it travels)."""
    try:
        text = to_csv(record)
    except InvalidArgumentError as err:
        message = str(err)
    else:
        return [from_csv(text)]
    assert "CSV cannot carry the NUL character" in message
    assert "\\u0000" in to_json(record)
    return []


def test_a_nul_character_is_refused_in_csv_and_kept_in_json() -> None:
    tally = Tally(votes={"A\x00B": 3, "C": 1})
    with pytest.raises(InvalidArgumentError, match=r"field 'votes', name 'A\\x00B'\); use JSON"):
        to_csv(tally)
    assert from_json(to_json(tally)) == tally


@given(allocations())
def test_allocation_round_trip(allocation: Allocation) -> None:
    for back in (from_json(to_json(allocation)), *through_csv(allocation)):
        assert isinstance(back, Allocation)
        assert fields(back) == fields(allocation)
    no_floats(to_dict(allocation))


@given(outcomes())
def test_round_outcome_round_trip(outcome: RoundOutcome) -> None:
    for back in (from_json(to_json(outcome)), *through_csv(outcome)):
        assert isinstance(back, RoundOutcome)
        assert fields(back) == fields(outcome)
    no_floats(to_dict(outcome))


def test_computed_allocations_round_trip(tmp_path: Path) -> None:
    tie = dhondt({"A": 100, "B": 100, "C": 10}, 1, tie_break=TieBreak(if_unresolved=IfUnresolved.REPORT))
    hare = largest_remainder({"A": 1023, "B": 258, "C": 253}, 5, threshold="5%")
    for record in (tie, hare):
        for name in ("out.json", "out.csv"):
            save(record, tmp_path / name)
            back = load(tmp_path / name)
            assert isinstance(back, Allocation)
            assert fields(back) == fields(record)
    assert tie.undetermined == 1
    assert to_dict(tie)["ties"][0]["contenders"] == ["A", "B"]


def test_field_names_are_stable() -> None:
    t = Tally(votes={"A": 3}, registered=5, voters=4, blank=1, null=0)
    assert list(to_dict(t)) == [
        "kind", "version", "options", "registered", "voters", "blank", "null", "expressed",
        "names_per_ballot",
    ]  # fmt: skip
    allocation = dhondt({"A": 1023, "B": 258, "C": 253}, 5, threshold="5%")
    data = to_dict(allocation)
    assert list(data) == [
        "kind",
        "version",
        "method",
        "house",
        "legal_basis",
        "lists",
        "quotient",
        "threshold",
        "ties",
        "notes",
    ]
    assert data["quotient"] == "1534/5"
    assert data["threshold"]["share"] == "1/20"
    assert data["threshold"]["inclusive"] == 1


@pytest.mark.parametrize(
    ("text", "element"),
    [
        ('{"kind": "tally", "version": 2, "options": [{"name": "A", "votes": 1.5}]}', "number"),
        ('{"kind": "tally", "version": 2, "options": [{"name": "A", "votes": NaN}]}', "number"),
        ('{"kind": "tally", "version": 1, "options": []}', "version"),  # version 1: notes as text
        ('{"kind": "seats", "version": 2}', "kind"),
        ('{"kind": "tally", "version": 2, "options": [{"name": "A", "votes": -1}]}', "tally/options[0]/votes"),
        (
            '{"kind": "tally", "version": 2, "options": [{"name": "A", "votes": true}]}',
            "tally/options[0]/votes",
        ),
        ('{"kind": "tally", "version": 2, "options": [], "colour": "red"}', "tally"),
        ('{"kind": "tally", "version": 2, "options": [{"name": "A", "votes": 3}], "expressed": 4}', "tally"),
        (
            (
                '{"kind": "tally", "version": 2, "options": '
                '[{"name": "A", "votes": 1}, {"name": "A", "votes": 2}]}'
            ),
            "tally/options[1]/name",
        ),
        (
            '{"kind": "allocation", "version": 2, "method": "Adams", "house": 1, "lists": [], "quotient": "0.5"}',
            "allocation/quotient",
        ),
        ("{not json", "line 1, column 2"),
    ],
)
def test_bad_json_is_refused_naming_the_field(text: str, element: str) -> None:
    with pytest.raises(OfficialFileError) as info:
        from_json(text)
    assert info.value.element == element


def test_bad_csv_is_refused() -> None:
    with pytest.raises(OfficialFileError, match="header"):
        from_csv("a,b,c\n")
    with pytest.raises(OfficialFileError, match="not an integer") as info:
        from_csv("field,name,value\nkind,,tally\nversion,,2\nvotes,A,1.0\n")
    assert info.value.element == "line 4, votes"
    with pytest.raises(OfficialFileError, match="3 cells"):
        from_csv("field,name,value\nkind,tally\n")


def test_load_names_the_file(tmp_path: Path) -> None:
    bad = tmp_path / "t.json"
    bad.write_text(
        '{"kind": "tally", "version": 2, "options": [{"name": "A", "votes": 0.5}]}', encoding="utf-8"
    )
    with pytest.raises(OfficialFileError) as info:
        load(bad)
    assert info.value.path == bad.as_posix()
    with pytest.raises(OfficialFileError, match=r"json or \.csv"):
        load(tmp_path / "t.txt")


def test_from_dict_rejects_non_mapping() -> None:
    with pytest.raises(OfficialFileError):
        from_dict([])  # type: ignore[arg-type]


def test_exact_ratios_are_strings() -> None:
    allocation = dhondt({"A": 1, "B": 1, "C": 1}, 2, tie_break=TieBreak(if_unresolved=IfUnresolved.REPORT))
    (tie,) = to_dict(allocation)["ties"]
    assert tie["value"] == "1"
    assert Fraction(tie["value"]) == 1


def test_notes_and_method_are_written_as_data() -> None:
    allocation = largest_remainder({"A": 60, "B": 30, "C": 10}, 2, quota=Quota.IMPERIALI)
    data = to_dict(allocation)
    assert data["method"] == "largest remainder (Imperiali quota)"
    assert data["notes"] == [{"kind": "over-allocation", "values": {"quota": "Imperiali", "excess": 1}}]
    assert "note,0,\"{\"\"kind\"\": \"\"over-allocation\"\"" in to_csv(allocation)
    back = from_csv(to_csv(allocation))
    assert isinstance(back, Allocation)
    assert back.method is Method.LR_IMPERIALI
    assert back.notes == allocation.notes


@pytest.mark.parametrize(
    ("note", "element"),
    [
        ('"a note"', "allocation/notes[0]"),
        ('{"kind": "gossip", "values": {}}', "allocation/notes[0]/kind"),
        ('{"kind": "over-allocation", "values": {"quota": "Hare"}}', "allocation/notes[0]/values"),
        ('{"kind": "over-allocation", "values": {"quota": "Hare", "excess": "1"}}',
         "allocation/notes[0]/values/excess"),
        ('{"kind": "may-merge", "values": {"share": "0.05", "lists": []}}', "allocation/notes[0]/values/share"),
        ('{"kind": "plm-sector", "values": {"city": "Lyon", "council": "région"}}', "allocation/notes[0]"),
    ],
)
def test_bad_notes_are_refused_naming_the_field(note: str, element: str) -> None:
    text = (
        '{"kind": "allocation", "version": 2, "method": "Adams", "house": 1, "lists": [], '
        f'"notes": [{note}]}}'
    )
    with pytest.raises(OfficialFileError) as info:
        from_json(text)
    assert info.value.element == element


def test_an_unknown_method_is_refused() -> None:
    with pytest.raises(OfficialFileError, match="not a method") as info:
        from_json('{"kind": "allocation", "version": 2, "method": "x", "house": 1, "lists": []}')
    assert info.value.element == "allocation/method"
