"""``electoral-rules europe STATE --year Y --file votes.csv``: a member state's European seats
explained, the Parliament's composition and hemicycle, and every refusal in one line with
exit status 2."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from electoral_rules import europe
from electoral_rules.cli import main
from tests import common

DATA = common.DATA / "eu-parliament"


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def austria(tmp_path: Path) -> Path:
    """Austria 2019 (tests/data/eu-parliament/at_2019.json) as a list,votes file."""
    data = json.loads((DATA / "at_2019.json").read_text("utf-8"))
    path = tmp_path / "at_2019.csv"
    path.write_text("list,votes\n" + "".join(f"{name},{n}\n" for name, n in data["votes"].items()), "utf-8")
    return path


def test_a_state_s_seats_explained_in_french_and_english(capsys: pytest.CaptureFixture[str], austria: Path) -> None:
    code, out, err = run(capsys, "europe", "AT", "--year", "2019", "--file", str(austria))
    assert (code, err) == (0, "")
    assert out.startswith("Élection européenne de 2019 — Autriche (AT) : 18 sièges.\n")
    assert "Résultat : ÖVP 7, SPÖ 5, FPÖ 3, GRÜNE 2, NEOS 1, EUROPA JETZT 0, KPÖ 0." in out
    code, out, _ = run(capsys, "europe", "AT", "--year", "2019", "--after-brexit", "--file", str(austria),
                       "--lang", "en")
    assert code == 0
    assert "Result: ÖVP 7, SPÖ 5, FPÖ 3, GRÜNE 3, NEOS 1, EUROPA JETZT 0, KPÖ 0." in out
    assert "1 of them deferred" in out


def test_json_and_svg(capsys: pytest.CaptureFixture[str], austria: Path, tmp_path: Path) -> None:
    picture = tmp_path / "at.svg"
    code, out, _ = run(capsys, "europe", "AT", "--year", "2019", "--file", str(austria), "--json", "--svg", str(picture))
    assert code == 0
    data = json.loads(out)
    assert (data["state"], data["year"], data["after_brexit"], data["house"]) == ("AT", 2019, False, 18)
    assert data["explanation"].startswith("Élection européenne de 2019")
    root = ET.fromstring(picture.read_text("utf-8"))
    assert sum(1 for c in root.iter("{http://www.w3.org/2000/svg}circle") if c.attrib.get("class") == "seat") == 18


def test_votes_as_arguments_and_the_valid_votes(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "europe", "AT", "--year", "2024", "A=500", "B=300", "C=79", "--valid", "2000",
                       "--lang", "en")
    assert code == 0
    assert "Threshold: at least 4% of expressed votes (2,000), i.e. 80 votes." in out
    assert "Result: A 13, B 7, C 0." in out
    code, out, _ = run(capsys, "europe", "AT", "--year", "2024", "A=500", "B=300", "C=79", "--lang", "en")
    assert "C: 79 votes, under the threshold" not in out


def test_the_parliament(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    picture = tmp_path / "ep.svg"
    code, out, _ = run(capsys, "europe", "parliament", "--year", "2024", "--lang", "en", "--svg", str(picture))
    assert code == 0
    lines = out.splitlines()
    assert len(lines) == 28 and lines[4].split() == ["DE", "Germany", "96"] and lines[-1].split() == ["Total", "720"]
    assert picture.read_text("utf-8").count('class="seat"') == 720
    code, out, _ = run(capsys, "europe", "parliament", "--year", "2019", "--after-brexit", "--json")
    data = json.loads(out)
    assert data["total"] == 705 and data["seats"] == dict(europe.parliament(2019, after_brexit=True))


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (["europe", "DK", "--year", "2019", "A=1"], ["DK 2019", "electoral alliances"]),
        (["europe", "MT", "--year", "2024", "A=1"], ["MT 2024", "single transferable vote"]),
        (["europe", "GR", "--year", "2024", "A=1"], ["'GR'", "'EL'"]),
        (["europe", "UK", "--year", "2024", "A=1"], ["'UK'", "2024"]),
        (["europe", "AT", "--year", "2014", "A=1"], ["2014", "2019 and 2024"]),
        (["europe", "AT", "--year", "2024", "--after-brexit", "A=1"], ["--after-brexit", "2019"]),
        (["europe", "AT", "--year", "2024"], ["no votes given"]),
        (["europe", "AT", "--year", "2024", "--file", "missing.csv"], ["missing.csv", "cannot read"]),
        (["europe", "parliament", "--year", "2024", "A=1"], ["takes no votes"]),
        (["europe", "AT", "--year", "2024", "A=10", "--valid", "5"], ["valid=5"]),
    ],
)
def test_refusals_are_one_line_with_status_2(
    capsys: pytest.CaptureFixture[str], args: list[str], words: list[str]
) -> None:
    code, out, err = run(capsys, *args)
    assert (code, out) == (2, "")
    assert err.count("\n") == 1 and err.startswith("electoral-rules: error: ")
    assert all(word in err for word in words), err


def test_a_bad_line_of_the_file_names_the_file_and_the_line(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = tmp_path / "votes.csv"
    path.write_text("list,votes\nA,100\nB,1 000\n", "utf-8")
    code, _, err = run(capsys, "europe", "AT", "--year", "2024", "--file", str(path))
    assert code == 2
    assert f"{path}: line 3: votes for 'B' ('1 000')" in err


def _district_file(tmp_path: Path, state: str, year: int) -> Path:
    from electoral_rules.europe import districts

    lines = ["constituency,list,votes"]
    for index, (name, _) in enumerate(districts.constituencies(state, year)):
        lines += [f"{name},A,{1000 + 7 * index}", f"{name},B,{600 + 3 * index}", f"{name},C,{300 + index}",
                  f"{name},D,40"]
    path = tmp_path / f"{state}.csv"
    path.write_text("\n".join(lines) + "\n", "utf-8")
    return path


def test_a_state_with_constituencies_reads_votes_per_constituency(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    from electoral_rules.europe import districts

    path = _district_file(tmp_path, "PL", 2024)
    code, out, err = run(capsys, "europe", "PL", "--year", "2024", "--file", str(path), "--lang", "en")
    assert (code, err) == (0, "")
    expected = districts.allocate("PL", _read(path), year=2024)
    assert f"Result: {', '.join(f'{k} {v}' for k, v in expected.national.items())}." in out
    for name, allocation in expected.districts.items():
        assert f"  {name} ({allocation.house} seats): " in out
    code, out, _ = run(capsys, "europe", "PL", "--year", "2024", "--file", str(path), "--json")
    data = json.loads(out)
    assert data["house"] == 53 and list(data["constituencies"]) == [n for n, _ in districts.constituencies("PL", 2024)]


def _read(path: Path) -> dict[str, dict[str, int]]:
    from electoral_rules.io.votes_csv import read_constituency_votes_csv

    return read_constituency_votes_csv(path)


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (["europe", "BE", "--year", "2024", "A=1"], ["BE 2024", "'constituency,list,votes'"]),
        (["europe", "PL", "--year", "2019"], ["PL 2019", "--after-brexit"]),
        (["europe", "AT", "--year", "2024"], ["one national constituency"]),
    ],
)
def test_constituency_refusals_are_one_line(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, args: list[str], words: list[str]
) -> None:
    if args[1] != "BE":
        args = [*args, "--file", str(_district_file(tmp_path, "PL", 2024))]
    code, out, err = run(capsys, *args)
    assert (code, out) == (2, "")
    assert err.count("\n") == 1 and all(word in err for word in words), err
