"""The status table of docs/explanation/european-parliament.md says what RULES says."""

from __future__ import annotations

from pathlib import Path

from electoral_rules.europe import RULES

PAGE = Path(__file__).parents[2] / "docs" / "explanation" / "european-parliament.md"


def _rows() -> dict[tuple[str, int], list[str]]:
    rows = {}
    for line in PAGE.read_text("utf-8").splitlines():
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        if len(cells) == 7 and cells[1].isdigit():
            rows[(cells[0], int(cells[1]))] = cells
    return rows


def test_the_docs_status_table_matches_the_rules() -> None:
    rows = _rows()
    assert set(rows) == set(RULES)
    for key, rule in RULES.items():
        _, _, method, _, status, inferred, applied = rows[key]
        assert method == rule.method.value, key
        assert status == rule.status.value, key
        assert inferred == ("yes" if rule.from_outcome else "no"), key
        if rule.applicable:
            assert applied == "yes", key
        elif key == ("SK", 2019):
            assert applied == "14 seats only", key
        else:  # refused by allocate: "no", or the module that applies it instead
            assert applied == "no" or applied.startswith("`europe."), key
