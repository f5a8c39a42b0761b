"""Golden test: the published count of Northern Ireland's European election of 2019 (STV, 3
seats), replayed under the Northern Irish rule (source in ``tests/data/README.md`` and the
file's own ``source``)."""

from __future__ import annotations

import json
from fractions import Fraction

from electoral_rules.europe.stv_rules import IRELAND, NORTHERN_IRELAND
from electoral_rules.io.stv_sheet import read_count_sheet
from electoral_rules.stv import StageKind, check_sheet
from tests.common import DATA

SHEET = DATA / "eu-parliament" / "uk-ni_2019_stv_count.json"


def test_the_2019_count_follows_the_northern_irish_rule() -> None:
    sheet = read_count_sheet(SHEET)
    assert sheet.quota == 572447 // 4 + 1 == 143112
    assert sum(sheet.stages[0].changes.values()) == sheet.valid
    # Stage 2 excludes five candidates together (20 915 votes, fewer than Kennedy's 53 052:
    # 1985 Order rule 51(12)); stage 4 moves Dodds's surplus of 12 310 at a value in halves.
    assert len(sheet.stages[1].subjects) == 5 and sheet.stages[3].kind is StageKind.SURPLUS
    assert sheet.stages[3].changes["Martina Anderson"] == Fraction(21, 2)
    check = check_sheet(sheet, NORTHERN_IRELAND)
    assert check.ok, check.findings
    assert set(sheet.elected) == {"Diane Dodds", "Naomi Long", "Martina Anderson"}


def test_under_the_irish_rule_the_same_sheet_disagrees() -> None:
    codes = {finding.code for finding in check_sheet(read_count_sheet(SHEET), IRELAND).findings}
    assert codes == {"exclusion", "whole-votes"}  # no bulk exclusion; half votes


def test_a_tampered_sheet_is_caught_at_every_fault() -> None:
    data = json.loads(SHEET.read_text(encoding="utf-8"))
    data["quota"] = 143111
    data["stages"][2]["totals"]["Naomi Long"] = "122264"  # one vote too many at stage 3
    data["stages"][3]["changes"]["Diane Dodds"] = -12309  # the surplus is 155 422 - 143 112
    check = check_sheet(read_count_sheet(data), NORTHERN_IRELAND)
    found = [(finding.code, finding.stage, finding.candidate) for finding in check.findings]
    assert ("quota", None, None) in found
    assert ("arithmetic", 3, "Naomi Long") in found
    assert ("surplus", 4, "Diane Dodds") in found


def test_a_surplus_no_transfer_value_explains_is_caught() -> None:
    # Dodds's surplus of 12 310 went out in halves (a value of 0.50 on 24 582 papers, 19
    # votes lost to the truncation). Had 2 291 fewer gone to Allister and been called
    # non-transferable, no value of two decimals on at most Dodds's 155 422 papers would give
    # these transfers: the Northern Irish value divides the surplus among transferable papers.
    data = json.loads(SHEET.read_text(encoding="utf-8"))
    data["stages"][3]["changes"]["Jim Allister"] = 8023
    data["stages"][3]["non_transferable"] = 2310
    data["stages"][3]["totals"]["Jim Allister"] = "87563"
    data["stages"][4]["totals"]["Jim Allister"] = "87788"
    codes = [(f.code, f.stage) for f in check_sheet(read_count_sheet(data), NORTHERN_IRELAND).findings]
    assert codes == [("transfer-value", 4)]
