"""Conformance: real elections from other libraries' test suites (``tests/data/peer-fixtures``).

Every case marked ``verified`` must reproduce the official seats exactly; the others are
reported as skipped with the reason they need more than one district and one threshold.
How the fixture's fields are read is documented in ``tests/data/peer-fixtures/README.md``.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from fractions import Fraction
from typing import Any

import pytest

from electoral_rules._exact import percent
from electoral_rules.apportionment import (
    Divisor,
    Quota,
    apply_threshold,
    highest_averages,
    largest_remainder,
)
from electoral_rules.errors import NoEligibleListError
from electoral_rules.outcome import Allocation
from tests import common

CASES_FILE = common.DATA / "peer-fixtures" / "cases.json"
CASES: list[dict[str, Any]] = json.loads(CASES_FILE.read_text(encoding="utf-8"))

DIVISORS = {
    "dhondt": Divisor.DHONDT,
    "sainte_lague": Divisor.SAINTE_LAGUE,
    "sainte_lague_1.4": Divisor.MODIFIED_SAINTE_LAGUE,
    "imperiali": Divisor.IMPERIALI,  # Belgian communes: Imperiali divisors 2, 3, 4, ...
    "huntington_hill (1 initial seat each)": Divisor.HUNTINGTON_HILL,
}

SLOVAK_COALITIONS = {"Progresívne Slovensko-SPOLU": 2}
"""Coalitions (and their member counts) in votelib's ``sk_nr_2020.csv``; all others are parties."""

_EXCLUDE = re.compile(r"^votes < ([0-9.]+)%$")


def _lists(votes: Mapping[str, int]) -> dict[str, int]:
    """The lists only: ``! void`` / ``? blank`` entries are ballots, not lists."""
    return {name: count for name, count in votes.items() if not name.startswith(("!", "?"))}


def _threshold(case: Mapping[str, Any], lists: Mapping[str, int]) -> tuple[Fraction | None, int | None]:
    """The case's inclusive threshold share and its base (``None`` when there is none)."""
    rule = case.get("threshold")
    if rule:
        assert rule["rule"] == "exclude if votes*100 < pct*base", rule
        return percent(rule["percent"]), int(rule["base_votes"])
    exclude = case.get("exclude")
    if exclude is None or "(already applied)" in exclude:
        return None, None
    match = _EXCLUDE.match(exclude)
    assert match is not None, f"unknown exclusion rule {exclude!r}"
    return percent(match.group(1)), sum(lists.values())


def _slovak_threshold(lists: Mapping[str, int]) -> dict[str, int]:
    """5 % of the party votes for a party, 7 % for a coalition of 2–3 parties, 10 % for 4+."""
    base = sum(lists.values())
    admitted: set[str] = set()
    for share, members in (("5%", range(1, 2)), ("7%", range(2, 4)), ("10%", range(4, 100))):
        group = {name: n for name, n in lists.items() if SLOVAK_COALITIONS.get(name, 1) in members}
        if group:
            try:
                kept, _, _ = apply_threshold(group, share, base=base)
            except NoEligibleListError:
                continue
            admitted.update(kept)
    return {name: n for name, n in lists.items() if name in admitted}


def allocate(case: Mapping[str, Any]) -> Allocation:
    """The allocation the case's method, threshold and house give."""
    lists = _lists(case["votes"])
    method = case["method"]
    assert not case.get("initial_seats"), "initial seats are not part of any verified case"
    if method == "lr_hagenbach_bischoff_rounded":
        admitted = _slovak_threshold(lists)
        return largest_remainder(admitted, case["seats"], quota=Quota.HAGENBACH_BISCHOFF_ROUNDED)
    share, base = _threshold(case, lists)
    return highest_averages(
        lists, case["seats"], divisor=DIVISORS[method], threshold=share, threshold_base=base
    )


def _skip_reason(case: Mapping[str, Any]) -> str:
    file = case["file"]
    if "canarias" in file:
        why = "Canarias' double threshold (30 % of the island or 6 % of the region)"
    elif "extremadura" in file:
        why = "Extremadura's 5 % threshold, which a list may also meet across the whole region"
    elif "distribucion" in file:
        why = "the provincial distribution of Congress seats (2 initial seats per province first)"
    else:  # pragma: no cover - every unverified case is named above
        why = "rules beyond one district with one threshold"
    return f"unverified in the fixture: needs {why}"


def _case_id(index: int, case: Mapping[str, Any]) -> str:
    slug = re.sub(r"[^0-9A-Za-z]+", "-", case["district"]).strip("-")[:60]
    return f"{index:03d}-{case['method'].split(' ')[0]}-{slug}"


PARAMS = [
    pytest.param(
        case,
        id=_case_id(index, case),
        marks=() if case["verified"] else pytest.mark.skip(reason=_skip_reason(case)),
    )
    for index, case in enumerate(CASES)
]


def test_the_fixture_has_913_verified_cases() -> None:
    assert len(CASES) == 928
    assert sum(case["verified"] for case in CASES) == 913


@pytest.mark.parametrize("case", PARAMS)
def test_official_seats(case: dict[str, Any]) -> None:
    result = allocate(case)
    official = {name: case["official_seats"].get(name, 0) for name in result}
    assert set(case["official_seats"]) <= set(result)
    assert result.is_complete
    assert result.ties == ()
    assert dict(result) == official
