"""The command ``electoral-rules stv-check``."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from electoral_rules.cli import main
from tests.common import DATA

SHEET = DATA / "eu-parliament" / "uk-ni_2019_stv_count.json"


def test_the_northern_irish_count_follows_its_rule(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["stv-check", str(SHEET), "--state", "UK-NI", "--year", "2019"]) == 0
    assert "follows the rule in every point checked" in capsys.readouterr().out


def test_under_another_rule_every_disagreement_is_listed(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["stv-check", str(SHEET), "--state", "IE", "--year", "2019", "--json"]) == 1
    report = json.loads(capsys.readouterr().out)
    assert not report["ok"] and {f["code"] for f in report["findings"]} == {"exclusion", "whole-votes"}


def test_a_malformed_sheet_or_state_is_one_line_and_status_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text('{"seats": 1}', encoding="utf-8")
    assert main(["stv-check", str(bad), "--state", "UK-NI", "--year", "2019"]) == 2
    assert main(["stv-check", str(SHEET), "--state", "FR", "--year", "2019"]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 2 and all(line.startswith("electoral-rules: error:") for line in err)
