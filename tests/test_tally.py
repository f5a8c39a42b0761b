"""Tally, Candidate and PartyList: construction, validation and the mapping round trip."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest
from hypothesis import given

from electoral_rules.errors import ElectoralRulesError, InvalidTallyError
from electoral_rules.tally import Candidate, PartyList, Tally, votes_of
from tests.common import AFP
from tests.strategies import tallies


def test_expressed_is_derived_and_counts_kept_in_order() -> None:
    tally = Tally(votes={"Z": 3, "A": 0, "M": 5}, registered=20, voters=10, blank=1, null=1)
    assert tally.expressed == 8
    assert tally.names == ("Z", "A", "M")
    assert list(tally.votes.items()) == [("Z", 3), ("A", 0), ("M", 5)]
    assert tally.abstentions == 10


def test_optional_counts() -> None:
    tally = Tally(votes=AFP)
    assert (tally.registered, tally.voters, tally.blank, tally.null) == (None, None, None, None)
    assert tally.abstentions is None
    assert tally.expressed == 1534


def test_expressed_given_is_checked() -> None:
    assert Tally(votes=AFP, expressed=1534).expressed == 1534
    with pytest.raises(InvalidTallyError, match="expressed = 1 532 but the votes add up to 1 534"):
        Tally(votes=AFP, expressed=1532)


def test_records_are_frozen_and_hashable() -> None:
    tally = Tally(votes=AFP)
    with pytest.raises(dataclasses.FrozenInstanceError):
        tally.expressed = 3  # type: ignore[misc]
    with pytest.raises(TypeError):
        tally.votes["A"] = 3  # type: ignore[index]
    assert hash(tally) == hash(Tally(votes=dict(AFP)))
    assert tally == Tally(votes=dict(AFP))


def test_caller_mapping_is_copied() -> None:
    votes = dict(AFP)
    tally = Tally(votes=votes)
    votes["A"] = 0
    assert tally.votes["A"] == 1023


def test_repr_names_the_counts() -> None:
    assert "'A': 1023" in repr(Tally(votes=AFP))
    assert "names_per_ballot=3" in repr(Tally(votes={"A": 5, "B": 4}, expressed=6, names_per_ballot=3))


@pytest.mark.parametrize(
    ("kwargs", "fragment"),
    [
        ({"votes": {"A": -3}}, "votes for 'A' (-3) must be >= 0"),
        ({"votes": {"A": True}}, "votes for 'A' (True) must be an int, not bool"),
        ({"votes": {"A": 3.0}}, "votes for 'A' (3.0) must be an int, not float"),
        ({"votes": {"A": "3"}}, "votes for 'A' ('3') must be an int, not str"),
        ({"votes": {"A": None}}, "votes for 'A' (None)"),
        ({"votes": {"": 3}}, "got ''"),
        ({"votes": {" ": 3}}, "got ' '"),
        ({"votes": {3: 3}}, "got 3"),
        ({"votes": {}}, "at least one option"),
        ({"votes": [("A", 3)]}, "must be a mapping"),
        ({"votes": AFP, "registered": -1}, "registered (-1) must be >= 0"),
        ({"votes": AFP, "voters": 1.5}, "voters (1.5)"),
        ({"votes": AFP, "blank": False}, "blank (False)"),
        ({"votes": AFP, "null": "2"}, "null ('2')"),
        ({"votes": AFP, "voters": 1600, "registered": 1599}, "voters = 1 600 exceeds registered = 1 599"),
        ({"votes": AFP, "registered": 1533}, "expressed = 1 534 exceeds registered = 1 533"),
        ({"votes": AFP, "voters": 1560, "blank": 12, "null": 16}, "blank + null + expressed = 12 + 16"),
        ({"votes": AFP, "voters": 1540, "blank": 12}, "expressed = 1 546 exceeds voters = 1 540"),
        ({"votes": AFP, "voters": 1500}, "exceeds voters = 1 500"),
        ({"votes": AFP, "names_per_ballot": 0}, "names_per_ballot (0) must be >= 1"),
        ({"votes": AFP, "names_per_ballot": True}, "names_per_ballot (True)"),
    ],
)
def test_bad_tally(kwargs: dict[str, object], fragment: str) -> None:
    with pytest.raises(InvalidTallyError) as info:
        Tally(**kwargs)  # type: ignore[arg-type]
    assert isinstance(info.value, ValueError)
    assert isinstance(info.value, ElectoralRulesError)
    assert fragment in str(info.value)


def test_voters_equal_blank_null_expressed_is_accepted() -> None:
    tally = Tally(votes=AFP, voters=1560, blank=12, null=14, registered=1560)
    assert tally.abstentions == 0


class TestPlurinominal:
    """Ballots with several names: expressed is the number of valid ballots."""

    def test_valid(self) -> None:
        tally = Tally(votes={"A": 60, "B": 55, "C": 40}, expressed=80, names_per_ballot=2)
        assert tally.expressed == 80
        assert tally.names_per_ballot == 2

    def test_expressed_required(self) -> None:
        with pytest.raises(InvalidTallyError, match="must be given when a ballot may carry 2 names"):
            Tally(votes={"A": 60, "B": 55}, names_per_ballot=2)

    def test_one_name_above_the_ballots(self) -> None:
        with pytest.raises(InvalidTallyError, match=r"votes for 'A' \(81\) exceed the 80 valid ballots"):
            Tally(votes={"A": 81, "B": 55}, expressed=80, names_per_ballot=2)

    def test_more_ballots_than_names(self) -> None:
        with pytest.raises(InvalidTallyError, match="expressed = 100 valid ballots but only 90 names"):
            Tally(votes={"A": 50, "B": 40}, expressed=100, names_per_ballot=2)

    def test_more_names_than_ballots_allow(self) -> None:
        with pytest.raises(InvalidTallyError, match="more than 2 names on each of the 50 valid ballots"):
            Tally(votes={"A": 50, "B": 40, "C": 30}, expressed=50, names_per_ballot=2)

    def test_no_names_voted(self) -> None:
        assert Tally(votes={"A": 0}, expressed=3, names_per_ballot=2).expressed == 3


class TestMapping:
    def test_round_trip(self) -> None:
        tally = Tally(votes=AFP, registered=2000, voters=1560, blank=12, null=14)
        data = tally.to_mapping()
        assert data == {
            "votes": AFP, "registered": 2000, "voters": 1560, "blank": 12, "null": 14, "expressed": 1534
        }
        assert Tally.from_mapping(data) == tally

    def test_plurinominal_round_trip(self) -> None:
        tally = Tally(votes={"A": 5, "B": 4}, expressed=6, names_per_ballot=2)
        assert tally.to_mapping()["names_per_ballot"] == 2
        assert Tally.from_mapping(tally.to_mapping()) == tally

    def test_none_fields_left_out(self) -> None:
        assert Tally(votes=AFP).to_mapping() == {"votes": AFP, "expressed": 1534}

    def test_unknown_field(self) -> None:
        with pytest.raises(InvalidTallyError, match=r"unknown tally field.*'inscrits'"):
            Tally.from_mapping({"votes": AFP, "inscrits": 3})

    def test_unknown_fields_of_mixed_types(self) -> None:
        with pytest.raises(InvalidTallyError, match="unknown tally field"):
            Tally.from_mapping({"votes": AFP, "x": 1, 2: 3})  # type: ignore[dict-item]

    def test_missing_votes(self) -> None:
        with pytest.raises(InvalidTallyError, match="needs a 'votes' field"):
            Tally.from_mapping({"registered": 3})

    def test_not_a_mapping(self) -> None:
        with pytest.raises(InvalidTallyError, match="must be a mapping, not list"):
            Tally.from_mapping([("votes", AFP)])  # type: ignore[arg-type]

    def test_bad_values_still_checked(self) -> None:
        with pytest.raises(InvalidTallyError, match="-1"):
            Tally.from_mapping({"votes": {"A": -1}})


@given(tallies())
def test_round_trip_property(tally: Tally) -> None:
    again = Tally.from_mapping(tally.to_mapping())
    assert again == tally
    assert list(again.votes) == list(tally.votes)
    assert tally.expressed == sum(tally.votes.values())


def test_votes_of() -> None:
    tally = Tally(votes=AFP)
    assert votes_of(tally) is tally
    assert votes_of(AFP) == tally
    with pytest.raises(InvalidTallyError):
        votes_of({"A": -1})


class TestCandidates:
    def test_candidate(self) -> None:
        person = Candidate(name="Jeanne", birth_date=dt.date(1950, 3, 1))
        assert person.birth_date == dt.date(1950, 3, 1)
        assert Candidate(name="X").birth_date is None

    @pytest.mark.parametrize("name", ["", "  ", None, 3])
    def test_candidate_name(self, name: object) -> None:
        with pytest.raises(InvalidTallyError, match="non-empty string"):
            Candidate(name=name)  # type: ignore[arg-type]

    @pytest.mark.parametrize("born", [dt.datetime(1950, 3, 1), "1950-03-01", 1950])
    def test_birth_date_must_be_a_date(self, born: object) -> None:
        with pytest.raises(InvalidTallyError, match=r"must be a datetime\.date"):
            Candidate(name="X", birth_date=born)  # type: ignore[arg-type]

    def test_keyword_only(self) -> None:
        with pytest.raises(TypeError):
            Candidate("X")  # type: ignore[call-arg]

    def test_party_list(self) -> None:
        party = PartyList(name="A", candidates=["Ana", Candidate(name="Bo"), "Cy"])
        assert [person.name for person in party.candidates] == ["Ana", "Bo", "Cy"]
        assert isinstance(party.candidates, tuple)
        assert PartyList(name="Empty").candidates == ()

    def test_party_list_from_a_generator(self) -> None:
        party = PartyList(name="A", candidates=(name for name in ["Ana", "Bo"]))
        assert len(party.candidates) == 2

    @pytest.mark.parametrize(
        ("candidates", "fragment"),
        [
            (["Ana", "Ana"], "names candidate 'Ana' twice"),
            ("Ana", "must be a sequence"),
            (3, "must be a sequence"),
            ([3], "a candidate must be a Candidate or a name, got 3"),
            ([""], "non-empty string"),
        ],
    )
    def test_bad_party_list(self, candidates: object, fragment: str) -> None:
        with pytest.raises(InvalidTallyError) as info:
            PartyList(name="A", candidates=candidates)  # type: ignore[arg-type]
        assert fragment in str(info.value)

    def test_party_list_name(self) -> None:
        with pytest.raises(InvalidTallyError, match="list's name"):
            PartyList(name=" ")

    def test_party_list_is_a_frozen_keyword_only_record(self) -> None:
        party = PartyList(name="A", candidates=["Ana"])
        assert party == PartyList(name="A", candidates=[Candidate(name="Ana")])
        assert hash(party) == hash(PartyList(name="A", candidates=("Ana",)))
        with pytest.raises(dataclasses.FrozenInstanceError):
            party.name = "B"  # type: ignore[misc]
        with pytest.raises(TypeError):
            PartyList("A")  # type: ignore[call-arg]
