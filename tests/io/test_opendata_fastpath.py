"""The fast path of ``verify`` on open-data tables against the general path.

A municipales row whose every check agrees is checked from its plain figures, without the
place's records (``OpenDataChecker.settle``); any other row goes through the records and the
checks. These tests run ``verify_path`` both ways (``verify._SETTLE_ROWS``) and ask for the
same report, finding for finding: on every sample, and on 2026 tables with faults of every
kind (bad counts, truncated rows, ties, undetermined communes, wrong seats or percentages,
odd cells...), fixed and drawn at random. They also check that the fast path does settle
the usual rows, so that the comparison cannot pass by never taking it.

Samples in ``tests/data/official-formats/`` (sources in its README.md).
"""

from __future__ import annotations

import csv
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from electoral_rules.io import verify as verify_module
from electoral_rules.io import verify_path
from electoral_rules.io.verify import VerificationReport
from electoral_rules.io.verify_opendata import OpenDataChecker, quick_l262
from tests.common import DATA

SAMPLES = DATA / "official-formats"
MN2026 = SAMPLES / "mn2026_t1_sample-2026-layout-rendered.csv"
HEADER = next(csv.reader(MN2026.open(encoding="utf-8"), delimiter=";"))
FIXED, WIDTH = 18, 13
GROUPS = (len(HEADER) - FIXED) // WIDTH


def both_ways(path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[VerificationReport, VerificationReport, int]:
    """``verify_path(path)`` with and without the fast path, and how many rows it settled."""
    settled = 0
    settle = OpenDataChecker.settle

    def counting(self: OpenDataChecker, figures: object) -> bool:
        nonlocal settled
        done = settle(self, figures)  # type: ignore[arg-type]
        settled += done
        return done

    monkeypatch.setattr(OpenDataChecker, "settle", counting)
    monkeypatch.setattr(verify_module, "_SETTLE_ROWS", True)
    fast = verify_path(path)
    monkeypatch.setattr(verify_module, "_SETTLE_ROWS", False)
    general = verify_path(path)
    monkeypatch.setattr(verify_module, "_SETTLE_ROWS", True)
    return fast, general, settled


def assert_same(fast: VerificationReport, general: VerificationReport) -> None:
    assert fast.findings == general.findings  # the same findings, in the same order
    assert dict(fast.agreed) == dict(general.agreed)
    assert fast.to_dict() == general.to_dict()
    assert fast.exit_code == general.exit_code


# -- a 2026 table ------------------------------------------------------------------------


def percent(numerator: int, denominator: int) -> str:
    """``100 * numerator / denominator`` rounded half up to two decimals, ``"39,63"``."""
    if denominator == 0:
        return "0,00"
    hundredths = (20_000 * numerator + denominator) // (2 * denominator)
    return f"{hundredths // 100},{hundredths % 100:02d}"


def commune(
    code: str,
    votes: list[int],
    seats: list[int | None],
    community: list[int | None] | None = None,
    *,
    blank: int = 3,
    null: int = 2,
    abstentions: int = 40,
    voters: int | None = None,
    names: list[str] | None = None,
) -> list[str]:
    """A row of the 2026 layout, its percentages those of the counts printed (which agree
    unless ``voters`` or a negative ``abstentions`` is given)."""
    expressed = sum(votes)
    voters = expressed + blank + null if voters is None else voters
    registered = voters + abstentions
    row = [
        code[:2],
        "",
        code,
        f"Commune {code}",
        str(registered),
        str(voters),
        percent(voters, registered),
        str(abstentions),
        percent(abstentions, registered),
        str(expressed),
        percent(expressed, registered),
        percent(expressed, voters),
        str(blank),
        percent(blank, registered),
        percent(blank, voters),
        str(null),
        percent(null, registered),
        percent(null, voters),
    ]
    community = community or [None] * len(votes)
    for index in range(GROUPS):
        if index >= len(votes):
            row += [""] * WIDTH
            continue
        name = names[index] if names else f"LISTE {index + 1}"
        row += [
            str(index + 1),
            "",
            "",
            "",
            "LDIV",
            name,
            name,
            str(votes[index]),
            percent(votes[index], registered),
            percent(votes[index], expressed),
            "",
            "" if seats[index] is None else str(seats[index]),
            "" if community[index] is None else str(community[index]),
        ]
    return row


def l262(votes: list[int], seats: int) -> list[int | None]:
    found = quick_l262(votes, seats, 1)
    assert found is not None
    return list(found)


def set_cell(row: list[str], index: int, value: str) -> list[str]:
    row = list(row)
    row[index] = value
    return row


def move_group(row: list[str], source: int, target: int) -> list[str]:
    """Group ``source`` (0-based) moved to ``target``, leaving it blank."""
    row = list(row)
    first, second = FIXED + source * WIDTH, FIXED + target * WIDTH
    row[second : second + WIDTH] = row[first : first + WIDTH]
    row[first : first + WIDTH] = [""] * WIDTH
    return row


# communes whose every check agrees (seats by L262 on a council size of CGCT L2121-2)
GOOD = [
    commune("01001", [120], [11]),
    commune("01002", [362, 188], [13, 2]),  # Hautefort (CE 2015)
    commune("01003", [1100, 500, 400], l262([1100, 500, 400], 29), l262([1100, 500, 400], 6)),
    commune("01004", [50, 30, 20], [0, 0, 0]),  # no absolute majority in round 1
    commune("02005", [3000, 1500, 500, 40], l262([3000, 1500, 500, 40], 29), l262([3000, 1500, 500, 40], 10)),
    commune("2A006", [200, 100], l262([200, 100], 15)),
    commune("97107", [500, 400], l262([500, 400], 19)),
    commune("01008", [120], [None]),  # no seats printed
]

FAULTS: dict[str, Callable[[], list[str]]] = {
    "seat moved": lambda: commune("03001", [362, 188], [12, 3]),
    "every seat to the winner": lambda: commune("03002", [362, 188], [15, 0]),
    "seats in round 1 without a majority": lambda: commune("03003", [50, 30, 20], [8, 4, 3]),
    "no seat despite a majority": lambda: commune("03004", [60, 40], [0, 0]),
    "equal votes for the last seat": lambda: commune("03005", [600, 200, 200], [12, 1, 2]),
    "equal leaders": lambda: commune("03006", [400, 400], [8, 7]),
    "seat total no council size": lambda: commune("03007", [362, 188], [12, 2]),
    "single list short of candidates": lambda: commune("03008", [120], [10]),
    "leader short, seats passed on": lambda: commune("03009", [700, 300], [10, 5]),
    "community seats wrong": lambda: commune(
        "03010", [1100, 500, 400], l262([1100, 500, 400], 29), [4, 2, 0]
    ),
    "voters not blank + null + expressed": lambda: commune("03051", [120], [11], voters=126),
    "abstentions not registered - voters": lambda: set_cell(
        commune("03052", [120], [11], abstentions=41), 7, "40"
    ),
    "bad count": lambda: set_cell(commune("03011", [120], [11]), 4, "12a"),
    "negative count": lambda: set_cell(commune("03012", [120], [11]), 5, "-3"),
    "empty count": lambda: set_cell(commune("03013", [120], [11]), 9, ""),
    "count with spaces": lambda: set_cell(commune("03014", [120], [11]), 12, " 3 "),
    "zero-padded count": lambda: set_cell(commune("03015", [120], [11]), 12, "003"),
    "ten-digit count": lambda: set_cell(commune("03016", [120], [11]), 4, "0000000165"),
    "huge count": lambda: set_cell(commune("03017", [120], [11]), 4, "10000000000"),
    "votes do not add up": lambda: set_cell(commune("03018", [120, 80], [9, 2]), FIXED + 7, "121"),
    "voters above registered": lambda: set_cell(commune("03019", [120], [11]), 4, "100"),
    "abstentions wrong": lambda: set_cell(commune("03020", [120], [11]), 7, "41"),
    "abstentions wrong, percentage of them too": lambda: set_cell(
        set_cell(commune("03053", [120], [11]), 7, "41"), 8, percent(41, 165)
    ),
    "percentage wrong": lambda: set_cell(commune("03021", [120], [11]), 6, "12,34"),
    "percentage with one decimal": lambda: set_cell(commune("03022", [120], [11]), FIXED + 9, "100,0"),
    "percentage with a sign": lambda: set_cell(commune("03023", [120], [11]), FIXED + 9, "100,00%"),
    "percentage empty": lambda: set_cell(commune("03024", [120], [11]), 6, ""),
    "percentage not a number": lambda: set_cell(commune("03025", [120], [11]), 6, "n/a"),
    "seats not a number": lambda: set_cell(commune("03026", [120], [11]), FIXED + 11, "x"),
    "seats blank with a space": lambda: set_cell(commune("03027", [120], [11]), FIXED + 11, " "),
    "elected flag": lambda: set_cell(commune("03028", [120], [11]), FIXED + 10, "Elu"),
    "seats as a flag": lambda: set_cell(commune("03029", [120], [11]), FIXED + 11, "OUI"),
    "truncated row": lambda: commune("03030", [362, 188], [13, 2])[: FIXED + WIDTH + 5],
    "truncated in the fixed columns": lambda: commune("03031", [120], [11])[:10],
    "row without lists": lambda: commune("03032", [120], [11])[:FIXED],
    "row longer than the header": lambda: [*commune("03033", [120], [11]), "", ""],
    "cells after the lists": lambda: [*commune("03034", [120], [11]), "", "x"],
    "a blank group between lists": lambda: move_group(commune("03035", [362, 188], [13, 2]), 1, 2),
    "votes empty, group not": lambda: set_cell(commune("03036", [362, 188], [13, 2]), FIXED + WIDTH + 7, ""),
    "same list names": lambda: commune("03037", [362, 188], [13, 2], names=["A", "A"]),
    "names told apart that collide": lambda: commune(
        "03038", [600, 300, 100], l262([600, 300, 100], 15), names=["A (n° 3)", "A", "A"]
    ),
    "empty list names": lambda: commune("03039", [362, 188], [13, 2], names=["", ""]),
    "a list number not a number": lambda: set_cell(commune("03040", [120], [11]), FIXED, "n1"),
    "community seats not a number": lambda: set_cell(commune("03041", [120], [11]), FIXED + 12, "?"),
    "Paris": lambda: commune("75056", [600_000, 300_000], l262([600_000, 300_000], 163)),
    "Paris, seats wrong": lambda: commune("75056", [600_000, 300_000], [110, 53]),
    "a Paris sector": lambda: commune("75056SR01", [6000, 3000], l262([6000, 3000], 13)),
    "a Lyon sector": lambda: commune("69123SR01", [6000, 3000], l262([6000, 3000], 15)),
    "New Caledonia": lambda: commune("98801", [200, 100], l262([200, 100], 15)),
    "New Caledonia, no council size": lambda: commune("98802", [200, 100], l262([200, 100], 10)),
    "New Caledonia, seats wrong": lambda: commune("98803", [200, 100], [10, 5]),
    "department ZX": lambda: set_cell(commune("97701", [120], [11]), 0, "ZX"),
    "no department": lambda: set_cell(commune("03042", [120], [11]), 0, ""),
    "overseas letters": lambda: set_cell(commune("97101", [120], [11]), 0, "ZA"),
    "no votes at all": lambda: commune("03043", [0, 0], [0, 0]),
    "a list without votes": lambda: commune("03044", [120, 0], [11, 0]),
    "a semicolon in a cell": lambda: set_cell(commune("03045", [120], [11]), FIXED + 11, "1;1"),
    "a line end in a cell": lambda: set_cell(commune("03046", [120], [11]), FIXED + 11, "1\n1"),
    "a line end in a percentage": lambda: set_cell(commune("03047", [120], [11]), 6, "12,34\n56,78"),
    "non-ASCII digits": lambda: set_cell(commune("03048", [120], [11]), FIXED + 11, "١١"),
    "a quote in a name": lambda: set_cell(commune("03049", [120], [11]), FIXED + 5, 'LA "VRAIE" LISTE'),
    "an empty row": list,
    "a blank row": lambda: [" "],
}


def write(path: Path, rows: list[list[str]], *, quoting: int = csv.QUOTE_ALL, ending: str = "\n") -> Path:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, delimiter=";", quoting=quoting, lineterminator=ending)  # type: ignore[arg-type]
        writer.writerow(HEADER)
        writer.writerows(rows)
    return path


def table(
    tmp_path: Path,
    rows: list[list[str]],
    name: str = "municipales-2026-t1.csv",
    *,
    quoting: int = csv.QUOTE_ALL,
    ending: str = "\n",
) -> Path:
    return write(tmp_path / name, rows, quoting=quoting, ending=ending)


# -- the tests ---------------------------------------------------------------------------


def sample_paths() -> Iterator[Path]:
    for path in sorted(SAMPLES.iterdir()):
        if path.suffix.lower() in (".csv", ".txt", ".tsv"):
            yield path


@pytest.mark.parametrize("path", list(sample_paths()), ids=lambda path: path.name[:30])
def test_every_sample_gives_the_same_report(path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    fast, general, _ = both_ways(path, monkeypatch)
    assert_same(fast, general)


def test_the_2026_sample_is_settled_where_everything_agrees(monkeypatch: pytest.MonkeyPatch) -> None:
    fast, general, settled = both_ways(MN2026, monkeypatch)
    assert_same(fast, general)
    # 83 communes, 59 undetermined (seats left vacant or passed on): the other 24 agree
    assert fast.counts()["places"] == 83
    assert settled == 83 - len(fast.undetermined)


def test_good_rows_are_all_settled(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    fast, general, settled = both_ways(table(tmp_path, GOOD), monkeypatch)
    assert_same(fast, general)
    assert fast.exit_code == 0 and not fast.findings
    assert settled == len(GOOD)


@pytest.mark.parametrize("fault", sorted(FAULTS))
@pytest.mark.parametrize("name", ["municipales-2026-t1.csv", "municipales-2026-t2.csv", "municipales-2020-t1.csv"])
def test_a_fault_gives_the_same_report(
    fault: str, name: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    rows = [GOOD[1], FAULTS[fault](), GOOD[2]]
    fast, general, settled = both_ways(table(tmp_path, rows, name), monkeypatch)
    assert_same(fast, general)
    if name.endswith("2026-t1.csv"):
        assert settled >= 2  # the good rows around it


@pytest.mark.parametrize(
    "style",
    [
        {"quoting": csv.QUOTE_MINIMAL},
        {"quoting": csv.QUOTE_NONNUMERIC},
        {"ending": "\r\n"},
        {"quoting": csv.QUOTE_MINIMAL, "ending": "\r\n"},
    ],
    ids=["minimal quotes", "text quoted", "CRLF", "minimal quotes, CRLF"],
)
def test_other_quoting_and_line_ends(style: dict[str, Any], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    rows = [*GOOD, *(fault() for fault in FAULTS.values())]
    fast, general, settled = both_ways(table(tmp_path, rows, **style), monkeypatch)
    assert_same(fast, general)
    assert settled >= len(GOOD)


def test_no_round_or_other_elections_take_the_general_path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    fast, general, settled = both_ways(table(tmp_path, GOOD, "municipales-2026.csv"), monkeypatch)
    assert_same(fast, general)
    assert settled == 0  # the round is not known: every seat check says so
    assert fast.not_checked


def test_mixed_encoding_lines_are_reported_either_way(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = table(tmp_path, GOOD)
    lines = path.read_bytes().split(b"\n")
    lines[3] = lines[3].replace(b"Commune", "Communé".encode("latin-1"))
    path.write_bytes(b"\n".join(lines))
    fast, general, _ = both_ways(path, monkeypatch)
    assert_same(fast, general)
    assert [finding.line for finding in fast.unreadable_rows] == [4]


CELLS = st.sampled_from(
    [
        "",
        " ",
        "0",
        "1",
        "7",
        "11",
        "120",
        "-3",
        "1a",
        "0,00",
        "12,34",
        "100,00",
        "4,3",
        "12,345",
        "1.9500000000000002",
        "61,74%",
        "Elu",
        "OUI",
        " 11",
        "999999999",
        "1000000000",
        "75056",
        "98801",
        "75056SR03",
        "ZX",
        "2A",
        "A",
        "LISTE 1",
        "x;y",
        'a"b',
        "١",
    ]
)


@given(data=st.data())
def test_random_cells_give_the_same_report(
    data: st.DataObject, tmp_path_factory: pytest.TempPathFactory
) -> None:
    rows = [list(row) for row in data.draw(st.lists(st.sampled_from([*GOOD, FAULTS["seat moved"]()]), min_size=1, max_size=4))]
    for _ in range(data.draw(st.integers(1, 4))):
        row = data.draw(st.sampled_from(rows))
        if not row:
            continue
        index = data.draw(st.integers(0, len(row) - 1))
        row[index] = data.draw(CELLS)
    if data.draw(st.booleans()):
        row = data.draw(st.sampled_from(rows))
        del row[data.draw(st.integers(0, len(row))) :]
    name = data.draw(st.sampled_from(["municipales-2026-t1.csv", "municipales-2026-t2.csv"]))
    quoting = data.draw(st.sampled_from([csv.QUOTE_ALL, csv.QUOTE_MINIMAL]))
    path = write(tmp_path_factory.mktemp("random") / name, rows, quoting=quoting)
    with pytest.MonkeyPatch.context() as monkeypatch:
        fast, general, _ = both_ways(path, monkeypatch)
    assert_same(fast, general)


def test_the_copied_sample_is_the_same_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # a table in a folder with other files: each file's report is the same both ways
    shutil.copy(MN2026, tmp_path / MN2026.name)
    table(tmp_path, [*GOOD, FAULTS["seat moved"]()], "municipales-2026-t2.csv")
    fast, general, settled = both_ways(tmp_path, monkeypatch)
    assert_same(fast, general)
    assert settled > len(GOOD)


def test_a_table_without_abstentions(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # without the Abstentions column only 'voters <= registered' bounds the voters
    rows = [*GOOD, commune("03050", [120], [11], abstentions=-25), FAULTS["seat moved"]()]
    path = tmp_path / "municipales-2026-t1.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, delimiter=";", quoting=csv.QUOTE_ALL, lineterminator="\n")
        for row in [HEADER, *rows]:
            writer.writerow(row[:7] + row[9:])
    fast, general, settled = both_ways(path, monkeypatch)
    assert_same(fast, general)
    assert settled == len(GOOD)
    assert [finding.check for finding in fast.disagreements] == ["voters <= registered"]


def test_a_table_with_sector_seats(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # the arrondissement-council seats ('Sièges Secteur') are checked with the records
    header = [name.replace("Sièges au CC", "Sièges Secteur") for name in HEADER]
    rows = [*GOOD, FAULTS["seat moved"](), commune("03054", [362, 188], [13, 2], [5, 1])]
    path = tmp_path / "municipales-2026-t1.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, delimiter=";", quoting=csv.QUOTE_ALL, lineterminator="\n")
        writer.writerows([header, *rows])
    fast, general, settled = both_ways(path, monkeypatch)
    assert_same(fast, general)
    assert "arrondissement-council seats of the sector (L262, L272-5)" in dict(fast.agreed)
    assert settled == len(GOOD) - 2  # the two good rows with seats in that column are not settled


def test_a_corsican_code_printed_whole_is_kept(tmp_path: Path) -> None:
    report = verify_path(table(tmp_path, [commune("2A004", [362, 188], [15, 0])]))
    assert [(finding.place, finding.check) for finding in report.disagreements] == [
        ("2A004", "council seats (L262)")
    ]


def test_a_line_end_in_a_percentage_does_not_shift_the_others(tmp_path: Path) -> None:
    report = verify_path(table(tmp_path, [FAULTS["a line end in a percentage"](), GOOD[0]]))
    (finding,) = report.findings
    assert finding.verdict.value == "unreadable" and "'% Votants'" in finding.message
    assert report.counts()["places"] == 1


def test_a_cell_longer_than_the_csv_limit_is_an_unreadable_row(tmp_path: Path) -> None:
    long = set_cell(commune("03055", [120], [11]), 3, "x" * (csv.field_size_limit() + 1))
    report = verify_path(table(tmp_path, [GOOD[0], long, GOOD[1]]))
    (finding,) = report.findings
    assert finding.verdict.value == "unreadable" and finding.line == 3
    assert "cannot be split into cells" in finding.message
    assert report.counts()["places"] == 2 and report.exit_code == 1
