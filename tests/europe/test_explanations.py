"""Each member state's allocation explained in French and English
(:func:`electoral_rules.render.europe.explain_national`): every rule the library applies is
told in both languages, the French text without English prose and the English without
French, with the rule, its status, its sources and the calculation."""

from __future__ import annotations

import pytest

from electoral_rules import europe
from electoral_rules.errors import InvalidArgumentError
from electoral_rules.europe import RULES, NationalRule
from electoral_rules.europe.districts import DISTRICT_RULES
from electoral_rules.render.europe import FAMILIES, _untranslated, explain_national, family, summary
from tests.render.test_languages import _english_in, _french_in

NEUTRAL = {"L1": 412_000, "L2": 301_000, "L3": 154_000, "L4": 90_000, "L5": 21_000, "L6": 9_000}
"""List names that are words of no language: only the library's words are checked."""


def _applied() -> list[tuple[str, int, bool]]:
    cases = [(r.state, r.year, False) for r in RULES.values() if r.applicable]
    cases += [(r.state, r.year, True) for r in RULES.values() if r.year == 2019 and (r.applicable or r.state == "SK")]
    return cases


CASES = _applied()


def _id(case: tuple[str, int, bool]) -> str:
    state, year, brexit = case
    return f"{state}-{year}" + ("-after-brexit" if brexit else "")


@pytest.mark.parametrize("case", CASES, ids=[_id(c) for c in CASES])
def test_each_applied_rule_is_explained_in_both_languages(case: tuple[str, int, bool]) -> None:
    state, year, after_brexit = case
    result = europe.allocate(state, NEUTRAL, year=year, after_brexit=after_brexit)
    french = explain_national(result, state=state, year=year, after_brexit=after_brexit, lang="fr")
    english = explain_national(result, state=state, year=year, after_brexit=after_brexit, lang="en")
    # the state's code is a name, as the lists' are ("AT" is not the English "at")
    assert _english_in(french.replace(f"({state})", "")) == set(), french
    assert _french_in(english.replace(f"({state})", "")) == set(), english
    national = RULES[(state, year)]
    for text, status in ((french, "Degré de certitude : "), (english, "How sure: ")):
        assert f"({state})" in text.splitlines()[0]
        assert status + national.status.value in text
        assert text.splitlines()[-1].startswith(("Base légale : ", "Legal basis: "))
    seats = sum(result.values())
    assert f"{europe.seats(state, year, after_brexit=after_brexit)} sièges" in french.splitlines()[0]
    assert seats + result.undetermined == result.house
    result_line = next(line for line in english.splitlines() if line.startswith("Result: "))
    assert all(f"{name} {n}" in result_line for name, n in result.items())
    assert ("inferred from the official seats" in english) is national.from_outcome
    assert ("No national tie rule was read" in english) is (state != "FR")


@pytest.mark.parametrize("key", sorted(RULES), ids=lambda key: f"{key[0]}-{key[1]}")
def test_every_rule_s_remark_and_threshold_base_have_a_french_wording(key: tuple[str, int]) -> None:
    """A remark or base added to the table needs its French wording in render/europe.py."""
    assert _untranslated(RULES[key]) == []


def test_an_untranslated_remark_is_quoted_not_silently_dropped() -> None:
    national = RULES[("AT", 2019)]
    odd = NationalRule(state="AT", year=2019, method=national.method, threshold=national.threshold,
                       threshold_base="valid votes", status=national.status, from_outcome=False,
                       sources="val.se", remark="a remark nobody translated")
    assert _untranslated(odd) == ["a remark nobody translated"]


def test_the_french_rule_keeps_its_own_legal_basis_and_tie_rule() -> None:
    result = europe.allocate("FR", {"A": 200, "B": 200, "C": 100}, year=2024)
    text = explain_national(result, state="FR", year=2024)
    assert "VERIFIED — lue dans la loi elle-même" in text
    assert "Aucune règle nationale de départage" not in text
    assert text.splitlines()[-1].startswith("Base légale : loi n° 77-729")


def test_threshold_base_and_quota_threshold_are_stated() -> None:
    at = explain_national(europe.allocate("AT", NEUTRAL, year=2024), state="AT", year=2024, lang="en")
    assert "National rule: highest averages, D'Hondt, threshold of 4 % of the valid votes." in at
    nl = explain_national(europe.allocate("NL", NEUTRAL, year=2019), state="NL", year=2019)
    assert "une liste doit atteindre un quotient électoral (suffrages valables ÷ sièges)" in nl
    assert "aucun à une liste sous le quotient (P 7)" in nl
    de = explain_national(europe.allocate("DE", NEUTRAL, year=2019), state="DE", year=2019)
    assert "Règle nationale : Sainte-Laguë, sans seuil légal." in de


def test_deferred_seats_are_told() -> None:
    result = europe.allocate("EE", NEUTRAL, year=2019, after_brexit=True)
    english = explain_national(result, state="EE", year=2019, after_brexit=True, lang="en")
    assert english.splitlines()[0] == (
        "European Parliament election of 2019 — Estonia (EE): 7 seats in the composition after Brexit, "
        "1 of them deferred until the United Kingdom left."
    )
    assert "Decision (EU) 2018/937, art. 3(1)" in english


def test_an_allocation_of_another_state_is_refused() -> None:
    result = europe.allocate("EE", NEUTRAL, year=2019)
    with pytest.raises(InvalidArgumentError, match="AT 2019 has 18 seats"):
        explain_national(result, state="AT", year=2019)
    with pytest.raises(InvalidArgumentError, match="'de'"):
        explain_national(result, state="EE", year=2019, lang="de")  # type: ignore[arg-type]


def test_every_state_has_one_family() -> None:
    found = {key: family(*key) for key in RULES}
    assert set(found.values()) == set(FAMILIES)
    assert {s for (s, _), f in found.items() if f == "stv"} == {"IE", "MT"}
    assert {s for (s, _), f in found.items() if f == "constituencies"} == {"BE", "IT", "PL", "UK"}


@pytest.mark.parametrize("key", sorted(RULES), ids=lambda key: f"{key[0]}-{key[1]}")
def test_each_rule_s_summary_stays_in_its_language(key: tuple[str, int]) -> None:
    state, year = key
    french, english = summary(state, year, "fr"), summary(state, year, "en")
    assert french.startswith(f"{state} {year} : ") and english.startswith(f"{state} {year}: ")
    assert _english_in(french.replace(state, "")) == set(), french
    assert _french_in(english.replace(state, "")) == set(), english
    assert ("applied" in english) is (RULES[key].applicable or key == ("SK", 2019) or key in DISTRICT_RULES)


@pytest.mark.parametrize("key", [("BE", 2019), ("BE", 2024), ("IT", 2024), ("PL", 2024), ("UK", 2019)],
                         ids=lambda key: f"{key[0]}-{key[1]}")
def test_district_allocations_are_explained_in_both_languages(key: tuple[str, int]) -> None:
    from electoral_rules.europe import districts
    from electoral_rules.render.europe import explain_districts

    state, year = key
    names = [name for name, _ in districts.constituencies(state, year)]
    votes = {name: {f"L{i}": (i + 2) * 1000 + 37 * number for i in range(4)} for number, name in enumerate(names)}
    result = districts.allocate(state, votes, year=year, after_brexit=state in ("IT", "PL") and year == 2019)
    french, english = explain_districts(result, lang="fr"), explain_districts(result, lang="en")
    # constituency names are names ("Yorkshire and the Humber"), and so is the state's code
    for name in [*names, f"({state})"]:
        french, english = french.replace(name, ""), english.replace(name, "")
    assert _english_in(french) == set(), french
    assert _french_in(english) == set(), english
    assert french.splitlines()[-1].startswith("Base légale : ") and english.splitlines()[-1].startswith("Legal basis: ")
    per_constituency = [line for line in english.splitlines() if line.startswith("  ") and "seat" in line and "): " in line]
    assert len(per_constituency) >= len(names)
