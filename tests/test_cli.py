"""The command line: README command (a), allocation, JSON output, bad input (exit 2)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from electoral_rules.cli import main
from tests.common import DATA


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_explain_prints_the_afp_example(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "explain", "--seats", "5", "A=1023", "B=258", "C=253")
    assert code == 0
    assert "Quotient électoral : 1 534 suffrages exprimés ÷ 5 sièges à pourvoir = 306,8" in out
    assert "Résultat : A 4, B 1, C 0." in out
    assert "| A | 1 023 | 3 | 255,75 | **255,75** | 4 |" in out


def test_allocate_plain_and_json(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "allocate", "--seats", "5", "A=1023", "B=258", "C=253")
    assert code == 0 and out.split() == ["A", "4", "B", "1", "C", "0"]
    code, out, _ = run(capsys, "allocate", "--seats", "5", "--json", "A=1023", "B=258", "C=253")
    data = json.loads(out)
    assert {item["name"]: item["seats"] for item in data["lists"]} == {"A": 4, "B": 1, "C": 0}
    assert data["quotient"] == "1534/5"


def test_methods_threshold_and_language(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(
        capsys, "allocate", "--seats", "5", "--method", "hare", "A=1023", "B=258", "C=253"
    )
    assert out.split() == ["A", "3", "B", "1", "C", "1"]
    code, out, _ = run(capsys, "explain", "--seats", "3", "--threshold", "5%", "--lang", "en",
                       "A=95", "B=5", "C=4")
    assert code == 0 and "C: 4 votes, under the threshold" in out


def test_ties_are_reported_by_default(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "allocate", "--seats", "1", "A=10", "B=10")
    assert code == 0 and "undetermined: 1 (tie between A, B)" in out
    code, _, err = run(capsys, "allocate", "--seats", "1", "--tie-break", "raise", "A=10", "B=10")
    assert code == 2 and "tie for the last seat between 'A' and 'B'" in err


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["allocate", "--seats", "5", "A=1023", "B=-3"], "votes for 'B' ('-3') must be written with the digits 0-9"),
        (["allocate", "--seats", "5", "A=1023", "B=x"], "votes for 'B' ('x') must be written with the digits 0-9"),
        (["allocate", "--seats", "5", "A=1", "A=2"], "list 'A' is given twice"),
        (["allocate", "--seats", "5"], "no votes given"),
        (["allocate", "--seats", "5", "A1023"], "NAME=VOTES"),
        (["allocate", "--seats", "2", "--threshold", "60%", "A=5", "B=5"], "no list reaches the threshold"),
        (["allocate", "--seats", "2", "--threshold", "abc", "A=5"], "threshold 'abc'"),
        (["allocate", "--seats", "2", "A=0", "B=0"], "no list has any vote"),
        (["allocate", "--seats", "2", "--file", "/nonexistent.csv"], "cannot read /nonexistent.csv"),
    ],
)
def test_bad_input_is_one_line_and_exit_2(
    capsys: pytest.CaptureFixture[str], args: list[str], message: str
) -> None:
    code, _, err = run(capsys, *args)
    assert code == 2
    assert message in err
    assert err.count("\n") == 1 and "Traceback" not in err


def test_files_csv_and_json(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    csv_file = tmp_path / "votes.csv"
    csv_file.write_text("name,votes\nA,1023\nB,258\nC,253\n", encoding="utf-8")
    code, out, _ = run(capsys, "allocate", "--seats", "5", "--file", str(csv_file))
    assert out.split() == ["A", "4", "B", "1", "C", "0"]
    json_file = tmp_path / "votes.json"
    json_file.write_text('{"votes": {"A": 1023, "B": 258, "C": 253}, "registered": 2000}', encoding="utf-8")
    code, out, _ = run(capsys, "allocate", "--seats", "5", "--file", str(json_file))
    assert out.split() == ["A", "4", "B", "1", "C", "0"]
    json_file.write_text('{"A": 10.5}', encoding="utf-8")
    code, _, err = run(capsys, "allocate", "--seats", "5", "--file", str(json_file))
    assert code == 2 and "10.5 is not an integer" in err


def test_python_dash_m_runs_the_cli() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "electoral_rules", "allocate", "--seats", "5", "A=1023", "B=258", "C=253"],
        capture_output=True, text=True, check=False,
    )
    assert done.returncode == 0 and done.stdout.split() == ["A", "4", "B", "1", "C", "0"]
    done = subprocess.run(
        [sys.executable, "-m", "electoral_rules", "allocate", "--seats", "5", "A=-1"],
        capture_output=True, text=True, check=False,
    )
    assert done.returncode == 2 and "Traceback" not in done.stderr


def test_senate_renewal_table_and_json(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "senate", "renewal", "2014", "--lang", "en")
    assert code == 0
    assert "Total: 178 seats" in out and "proportional: 119 seats" in out
    code, out, _ = run(capsys, "senate", "renewal", "2011", "--json")
    data = json.loads(out)
    assert data["total_seats"] == 170 and data["seats_by_mode"] == {"proportional": 112, "majoritarian": 58}


def test_senate_errors_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "senate", "renewal", "2012")
    assert code == 2 and "no partial renewal of the Senate in 2012" in err
    code, _, err = run(capsys, "senate", "seats", "Bas Rin")
    assert code == 2 and "did you mean 'Bas-Rhin'" in err
    code, _, err = run(capsys, "senate", "seats", "Ain", "--on", "yesterday")
    assert code == 2 and "--on must be a date" in err


def test_senate_seats(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "senate", "seats", "Rhin (Bas-)", "--on", "2014-09-28")
    assert code == 0 and out.strip() == "Bas-Rhin (67): 5 seats; series 2: 5"


def test_round_legislative_and_json(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "round", "legislative", "--registered", "1600", "--date", "2022-06-12",
                       "--lang", "en", "A=400", "B=300", "C=130", "D=70")
    assert code == 0 and "May stand in the second round: A, B." in out
    code, out, _ = run(capsys, "round", "presidential", "--json", "--withdrawn", "A", "A=10", "B=8", "C=7")
    data = json.loads(out)
    assert data["qualified"] == ["B", "C"] and data["elected"] == []


def test_round_senate_plurinominal(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "round", "senate", "--seats", "2", "--registered", "1000",
                       "--expressed", "900", "--json", "A=600", "B=500", "C=300")
    assert code == 0 and json.loads(out)["elected"] == ["A", "B"]


def test_round_age_tie_needs_birth_dates(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "round", "legislative", "--round", "2", "A=10", "B=10")
    assert code == 2 and "birth date" in err
    code, out, _ = run(capsys, "round", "legislative", "--round", "2", "--json",
                       "--born", "A=1950-01-01", "--born", "B=1960-01-01", "A=10", "B=10")
    assert code == 0 and json.loads(out)["elected"] == ["A"]


def test_round_bad_input(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "round", "municipal", "A=10")
    assert code == 2 and "need --date" in err
    with pytest.raises(SystemExit) as exited:
        main(["allocate", "--seats", "2", "A=1", "--bogus"])
    assert exited.value.code == 2
    assert "unrecognized arguments: --bogus" in capsys.readouterr().err


def test_svg_pictures_are_written(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import xml.etree.ElementTree as ET

    arch, bars = tmp_path / "arch.svg", tmp_path / "bars.svg"
    code, _, _ = run(capsys, "allocate", "--seats", "5", "--svg", str(arch), "--bar-svg", str(bars),
                     "A=1023", "B=258", "C=253")
    assert code == 0
    root = ET.fromstring(arch.read_text(encoding="utf-8"))
    seats = [el for el in root.iter() if el.get("class") == "seat"]
    assert len(seats) == 5
    ET.fromstring(bars.read_text(encoding="utf-8"))
    code, _, err = run(capsys, "allocate", "--seats", "5", "--svg", str(tmp_path / "no" / "x.svg"), "A=1")
    assert code == 2 and "cannot write" in err


def test_lists_municipal_hautefort(capsys: pytest.CaptureFixture[str]) -> None:
    # CE, 30 janvier 2015, Élections municipales de Hautefort: A 13, B 2.
    code, out, _ = run(capsys, "lists", "municipal", "--seats", "15", "--date", "2014-03-23",
                       "--json", "A=362", "B=188")
    data = json.loads(out)
    seats = {item["name"]: (item["seats"], item.get("bonus", 0)) for item in data["lists"]}
    assert code == 0 and seats == {"A": (13, 8), "B": (2, 0)}
    assert "Prime majoritaire : 8 sièges à la liste A, qui a la majorité absolue" in data["explanation"]


def test_lists_errors(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "lists", "municipal", "--seats", "15", "--date", "2014-03-23",
                       "A=262", "B=288", "C=100")
    assert code == 2 and "no list has an absolute majority" in err
    code, _, err = run(capsys, "lists", "european", "--seats", "81", "A=1")
    assert code == 2 and "need --date" in err


def test_lists_senate_tie_is_reported(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "lists", "senate", "--seats", "3", "--lang", "en", "A=10", "B=10", "C=10", "D=10")
    assert code == 0 and "Seats not attributed (unsettled tie): 3." in out




@pytest.mark.parametrize("folder", ["senat2026-xml", "pr2017-test-resultatsT2"])
def test_verify_official_folders_agree(capsys: pytest.CaptureFixture[str], folder: str) -> None:
    code, out, _ = run(capsys, "verify", str(DATA / folder))
    assert code == 0 and "Everything agrees" in out


def test_verify_altered_copy_exits_1_naming_file_and_element(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import shutil

    tree = tmp_path / "senat"
    shutil.copytree(DATA / "senat2026-xml", tree)
    ain = tree / "R101.xml"
    text = ain.read_text(encoding="utf-8")
    marker = "<NbSieges>1</NbSieges>"
    assert marker in text
    ain.write_text(text.replace(marker, "<NbSieges>2</NbSieges>", 1), encoding="utf-8")
    code, out, _ = run(capsys, "verify", str(tree))
    assert code == 1
    assert "R101.xml" in out and "NbSieges" in out
    code, out, _ = run(capsys, "verify", "--json", str(tree))
    assert code == 1 and json.loads(out)["exit_code"] == 1


def test_verify_unreadable_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "bad.xml"
    bad.write_text("<Election><Tours>", encoding="utf-8")
    code, out, _ = run(capsys, "verify", str(bad))
    assert code == 2 and "bad.xml" in out
