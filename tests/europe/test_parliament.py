"""The European Parliament (electoral_rules.europe): composition, the table of national
rules, golden reproductions of 2019 state results and the refusals left open."""

from __future__ import annotations

from fractions import Fraction
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from electoral_rules import (
    Divisor,
    ElectoralRulesError,
    IfUnresolved,
    InvalidArgumentError,
    Method,
    NotImplementedRuleError,
    Quota,
    TieBreak,
    UnknownConstituencyError,
    UnresolvedTieError,
    UnsupportedEraError,
    europe,
    highest_averages,
    largest_remainder,
)
from electoral_rules.europe import RULES, Status
from tests import common
from tests.common import load_json
from tests.strategies import votes_mappings

DATA = common.DATA / "eu-parliament"


def _load(name: str) -> dict[str, Any]:
    return load_json(DATA / f"{name}.json")


# -- composition -----------------------------------------------------------------------------

DECISION_2023_2061 = {
    "BE": 22, "BG": 17, "CZ": 21, "DK": 15, "DE": 96, "EE": 7, "IE": 14, "EL": 21, "ES": 61,
    "FR": 81, "HR": 12, "IT": 76, "CY": 6, "LV": 9, "LT": 11, "LU": 6, "HU": 21, "MT": 6,
    "NL": 31, "AT": 20, "PL": 53, "PT": 21, "RO": 33, "SI": 9, "SK": 15, "FI": 15, "SE": 21,
}
"""Decision (EU) 2023/2061, typed again from the coordinator's reading of it (not from
the package data), so the test checks the packaged file."""


def test_2024_has_720_seats_as_decided() -> None:
    house = europe.parliament(2024)
    assert sum(house.values()) == 720
    assert dict(house) == DECISION_2023_2061
    assert "2023/2061" in europe.legal_basis(2024)


def test_2019_has_751_then_705_seats() -> None:
    before, after = europe.parliament(2019), europe.parliament(2019, after_brexit=True)
    assert sum(before.values()) == 751 and before["UK"] == 73 and "2013/312" in europe.legal_basis(2019)
    assert sum(after.values()) == 705 and "UK" not in after
    assert "2018/937" in europe.legal_basis(2019, after_brexit=True)
    deferred = europe.deferred_seats(2019)
    assert sum(deferred.values()) == 27
    assert {s: before[s] + deferred.get(s, 0) for s in after} == dict(after)
    assert deferred["FR"] == 5 and deferred["AT"] == 1 and deferred["SK"] == 1 and "DE" not in deferred


def test_treaty_bounds() -> None:
    for year in europe.YEARS:
        house = europe.parliament(year)
        assert min(house.values()) == 6 and max(house.values()) == 96


@pytest.mark.parametrize(
    ("call", "error", "words"),
    [
        (lambda: europe.seats("GR", 2024), UnknownConstituencyError, ["'GR'", "2024", "'EL'"]),
        (lambda: europe.seats("UK", 2024), UnknownConstituencyError, ["'UK'", "2024"]),
        (lambda: europe.seats("UK", 2019, after_brexit=True), UnknownConstituencyError, ["'UK'", "Brexit"]),
        (lambda: europe.seats("FR", 2014), UnsupportedEraError, ["2014"]),
        (lambda: europe.parliament(2029), UnsupportedEraError, ["2029"]),
        (lambda: europe.seats("FR", 2024, after_brexit=True), InvalidArgumentError, ["2024"]),
        (lambda: europe.seats("FR", "2024"), InvalidArgumentError, ["'2024'"]),  # type: ignore[arg-type]
        (lambda: europe.allocate("XX", {"A": 1}, year=2019), UnknownConstituencyError, ["'XX'", "2019"]),
        (lambda: europe.allocate("AT", {"A": 1}, year=2009), UnsupportedEraError, ["2009"]),
        (lambda: europe.allocate("AT", {"A": 5}, year=2019, valid=4), InvalidArgumentError, ["AT 2019", "4"]),
        (lambda: europe.deferred_seats(2024), InvalidArgumentError, ["2024"]),
    ],
)
def test_bad_input_names_state_and_year(call: Any, error: type[Exception], words: list[str]) -> None:
    with pytest.raises(error) as caught:
        call()
    assert isinstance(caught.value, ElectoralRulesError)
    for word in words:
        assert word in str(caught.value)


# -- the table -------------------------------------------------------------------------------

def test_every_member_state_has_a_rule_each_year() -> None:
    for year in europe.YEARS:
        assert {state for state, y in RULES if y == year} == set(europe.parliament(year))


def test_only_france_is_verified_and_every_rule_names_its_sources() -> None:
    for (state, _), rule in RULES.items():
        assert (rule.status is Status.VERIFIED) == (state == "FR")
        assert rule.sources
        assert rule.threshold is None or 0 < rule.threshold < 1
        assert not (rule.quota_threshold and rule.threshold is not None)


APPLIED = sorted(key for key, rule in RULES.items() if rule.applicable and key[0] != "FR")
REFUSED = {
    ("BE", 2019): "electoral colleges", ("BE", 2024): "electoral colleges",
    ("DK", 2019): "alliances", ("DK", 2024): "alliances",
    ("EL", 2019): "Greek remainder", ("EL", 2024): "Greek remainder",
    ("IE", 2019): "single transferable vote", ("IE", 2024): "single transferable vote",
    ("IT", 2019): "minority-language", ("IT", 2024): "minority-language",
    ("LT", 2019): "base of the 5 %", ("LT", 2024): "base of the 5 %",
    ("MT", 2019): "single transferable vote", ("MT", 2024): "single transferable vote",
    ("PL", 2019): "13 districts", ("PL", 2024): "13 districts",
    ("SK", 2019): "deferred",
    ("UK", 2019): "twelve regions",
}


@pytest.mark.parametrize(("state", "year"), sorted(REFUSED))
def test_refused_rules_name_state_year_and_missing_piece(state: str, year: int) -> None:
    with pytest.raises(NotImplementedRuleError) as caught:
        europe.allocate(state, {"A": 600, "B": 300, "C": 100}, year=year)
    assert str(caught.value).startswith(f"{state} {year}: ")
    assert REFUSED[(state, year)] in str(caught.value)


def test_the_refused_set_is_exactly_the_table_s() -> None:
    assert {key for key, rule in RULES.items() if not rule.applicable} == set(REFUSED)


# -- golden reproductions (exact counts) -----------------------------------------------------

def _seated(result: Any) -> dict[str, int]:
    return {name: n for name, n in result.items() if n}


@pytest.mark.parametrize(("name", "state"), [("at_2019", "AT"), ("cz_2019", "CZ"), ("ee_2019", "EE")])
def test_counts_2019_constitutive_and_after_brexit(name: str, state: str) -> None:
    data = _load(name)
    result = europe.allocate(state, data["votes"], year=2019, valid=data.get("valid_total"))
    assert _seated(result) == data["seats"]
    assert result.house == data["seats_total"] == europe.seats(state, 2019)
    assert result.ties == () and f"{state} 2019" in result.legal_basis
    if "seats_total_after_brexit" in data:
        later = europe.allocate(state, data["votes"], year=2019, after_brexit=True)
        extra = {k: later[k] - result[k] for k in later if later[k] != result[k]}
        assert extra == data["seats_after_brexit_extra"]
        assert later.house == data["seats_total_after_brexit"] == europe.seats(state, 2019, after_brexit=True)


def test_austria_4_percent_of_valid_votes() -> None:
    result = europe.allocate("AT", _load("at_2019")["votes"], year=2019)
    assert result.method is Method.DHONDT and result.excluded == ("EUROPA JETZT", "KPÖ")
    assert result.threshold is not None and result.threshold.share == Fraction(4, 100)


def test_germany_2019_sainte_lague_without_threshold() -> None:
    data = _load("de_2019")
    result = europe.allocate("DE", data["votes"], year=2019)
    assert result.method is Method.SAINTE_LAGUE and result.threshold is None
    seated = _seated(result)
    union = "Christlich Demokratische Union Deutschlands"
    csu = "Christlich-Soziale Union in Bayern e.V."
    seated[f"{union}+{csu}"] = seated.pop(union) + seated.pop(csu)  # the EP export joins them
    assert seated == data["seats"]
    assert sum(result.values()) == 96


def test_france_2019_through_the_french_rule() -> None:
    data = _load("fr_2019")
    assert sum(data["votes"].values()) == data["valid_total"]
    assert _seated(europe.allocate("FR", data["votes"], year=2019)) == data["seats"]
    assert _seated(europe.allocate("FR", data["votes"], year=2019, after_brexit=True)) == data["seats_79"]
    assert "77-729" in europe.allocate("FR", data["votes"], year=2019).legal_basis


def test_france_2024_golden_file(europeennes2024: dict[str, Any]) -> None:
    data = europeennes2024
    votes = {item["name"]: item["votes"] for item in data["lists"]}
    expected = {item["name"]: item["seats"] for item in data["lists"] if item["seats"]}
    assert _seated(europe.allocate("FR", votes, year=2024)) == expected


def test_france_refuses_a_partial_tally() -> None:
    with pytest.raises(InvalidArgumentError, match="FR 2019"):
        europe.allocate("FR", {"A": 10, "B": 5}, year=2019, valid=20)


def test_slovakia_2019_at_14_seats_hagenbach_bischoff() -> None:
    data = _load("sk_2019")
    result = europe.allocate("SK", data["votes"], year=2019, after_brexit=True, valid=data["valid_total"])
    assert result.method is Method.LR_HAGENBACH_BISCHOFF
    assert _seated(result) == data["seats_after_brexit"]


def test_croatia_2019_among_the_six_lists_with_counts() -> None:
    """Seat-relevant counts only (the six lists over 5 %, the valid total not given): D'Hondt
    among them, 11 seats at the constitutive session and 12 after Brexit."""
    data = _load("hr_2019")
    assert _seated(europe.allocate("HR", data["votes"], year=2019)) == data["seats"]
    later = europe.allocate("HR", data["votes"], year=2019, after_brexit=True)
    assert {k: later[k] - data["seats"][k] for k in later if later[k] != data["seats"][k]} == (
        data["seats_after_brexit_extra"]
    )


def test_bulgaria_2019_hare_among_lists_reaching_a_quota() -> None:
    """Seat-relevant counts (top six lists); the base of the quota threshold is the six
    lists' votes here, and Volya (3.62 % of all valid votes) misses it either way."""
    data = _load("bg_2019")
    result = europe.allocate("BG", data["votes"], year=2019)
    assert result.method is Method.LR_HARE and result.excluded == ("Volya",)
    assert _seated(result) == data["seats"]


# -- ties: no tie rule was read, so a tie is explicit and undetermined ---------------------------

def test_tie_is_reported_or_raised() -> None:
    result = europe.allocate("PT", {"A": 100, "B": 100}, year=2024)
    assert dict(result) == {"A": 10, "B": 10} and result.undetermined == 1
    assert result.ties[0].contenders == ("A", "B") and result.ties[0].resolved_by == ()
    with pytest.raises(UnresolvedTieError):
        europe.allocate("PT", {"A": 100, "B": 100}, year=2024, if_unresolved=IfUnresolved.RAISE)


# -- property: the table's parameters fed to the generic methods --------------------------------

def _generic(state: str, year: int, votes: dict[str, int], after_brexit: bool) -> Any:
    rule = RULES[(state, year)]
    house = europe.seats(state, year, after_brexit=after_brexit)
    threshold = Fraction(1, house) if rule.quota_threshold else rule.threshold
    policy = TieBreak(if_unresolved=IfUnresolved.REPORT)
    if rule.method.is_divisor:
        divisor = Divisor[rule.method.name]
        return highest_averages(votes, house, divisor=divisor, threshold=threshold, tie_break=policy)
    quota = {Method.LR_HARE: Quota.HARE, Method.LR_HAGENBACH_BISCHOFF: Quota.HAGENBACH_BISCHOFF}[rule.method]
    return largest_remainder(votes, house, quota=quota, threshold=threshold, tie_break=policy)


def _outcome(call: Any) -> Any:
    try:
        result = call()
    except ElectoralRulesError as error:
        return type(error)
    return dict(result), result.undetermined, result.excluded


@given(key=st.sampled_from(APPLIED), votes=votes_mappings(min_lists=1, max_lists=8))
def test_allocate_is_the_generic_method_with_the_table_s_parameters(
    key: tuple[str, int], votes: dict[str, int]
) -> None:
    state, year = key
    after = state == "SK" and year == 2019
    assert _outcome(lambda: europe.allocate(state, votes, year=year, after_brexit=after)) == _outcome(
        lambda: _generic(state, year, votes, after)
    )
