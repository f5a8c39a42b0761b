"""One reading of the polling day (electoral_rules._dates.as_date)."""

from __future__ import annotations

import datetime as dt

import pytest

from electoral_rules._dates import as_date
from electoral_rules.errors import InvalidArgumentError


def test_a_date_and_an_iso_string() -> None:
    assert as_date(dt.date(2026, 3, 15)) == dt.date(2026, 3, 15)
    assert as_date("2026-03-15") == dt.date(2026, 3, 15)
    assert as_date(None) == dt.date.today()


@pytest.mark.parametrize(
    "bad",
    [dt.datetime(2026, 3, 15), "2026-3-15", "15/03/2026", "2026-02-30", "20260315", 2026, 2026.0, True, b"2026-03-15",
     " 2026-03-15", "2026-03-15T00:00"],
)
def test_everything_else_is_refused(bad: object) -> None:
    with pytest.raises(InvalidArgumentError, match="polling day"):
        as_date(bad, rule="test")
