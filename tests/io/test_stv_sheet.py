"""Reading STV count sheets from JSON (:mod:`electoral_rules.io.stv_sheet`)."""

from __future__ import annotations

import json
from fractions import Fraction
from pathlib import Path

import pytest

from electoral_rules.errors import OfficialFileError
from electoral_rules.europe.stv_rules import NORTHERN_IRELAND
from electoral_rules.io.stv_sheet import read_count_sheet
from electoral_rules.stv import check_sheet

SHEET = {
    "constituency": "hand-made", "seats": 2, "valid": 100, "quota": 34,
    "candidates": ["A", "B", "C", "D"],
    "stages": [
        {"stage": 1, "kind": "first", "votes": {"A": 50, "B": 20, "C": 18, "D": 12}, "elected": ["A"]},
        {"stage": 2, "kind": "surplus", "subjects": ["A"], "changes": {"A": -16, "B": "11.10", "C": "4.81"},
         "non_transferable": "0.09", "totals": {"A": 34, "B": "31.10", "C": "22.81", "D": 12}},
        {"stage": 3, "kind": "exclusion", "subjects": ["D"], "changes": {"D": -12}, "non_transferable": 12,
         "elected": ["B"]},
    ],
    "elected": ["A", "B"],
}


def test_a_sheet_round_trips_from_a_file(tmp_path: Path) -> None:
    path = tmp_path / "sheet.json"
    path.write_text(json.dumps(SHEET), encoding="utf-8")
    sheet = read_count_sheet(path)
    assert sheet.stages[1].changes["B"] == Fraction(111, 10)
    assert check_sheet(sheet, NORTHERN_IRELAND).ok


def test_every_fault_is_named_with_its_stage_and_candidate() -> None:
    bad = json.loads(json.dumps(SHEET))
    bad["stages"][1]["changes"]["B"] = 11.1
    bad["stages"][2]["kind"] = "elimination"
    bad["quota"] = -1
    with pytest.raises(OfficialFileError) as caught:
        read_count_sheet(bad)
    message = str(caught.value)
    assert "stage 2, changes, candidate 'B'" in message
    assert "stage 3: kind must be one of" in message
    assert "'quota' must be a whole number" in message


def test_unknown_candidates_and_bad_json() -> None:
    bad = json.loads(json.dumps(SHEET))
    bad["stages"][2]["changes"]["Z"] = 1
    with pytest.raises(OfficialFileError, match="stage 3: changes name 'Z', who is not a candidate"):
        read_count_sheet(bad)
    with pytest.raises(OfficialFileError, match="not JSON"):
        read_count_sheet("{")
    with pytest.raises(OfficialFileError):
        read_count_sheet(42)  # type: ignore[arg-type]
