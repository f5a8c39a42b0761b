"""The ``list,votes`` file (:mod:`electoral_rules.io.votes_csv`): read exactly, every faulty
line reported with its number and the file's name."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from electoral_rules.errors import OfficialFileError
from electoral_rules.io.votes_csv import parse_votes_csv, read_votes_csv


def test_a_file_is_read_with_its_names_as_written(tmp_path: Path) -> None:
    path = tmp_path / "votes.csv"
    path.write_bytes("\ufeffList,Votes\r\nÖVP,1305956\r\n\r\n\"Lista, unita\",7\r\n".encode())
    tally = read_votes_csv(path)
    assert dict(tally.votes) == {"ÖVP": 1305956, "Lista, unita": 7}


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "votes.csv: is empty"),
        ("name,count\nA,1\n", "votes.csv, line 1: the first line must be the header 'list,votes'"),
        ("A,1\nB,2\n", "votes.csv, line 1: the first line must be the header"),
        ("list,votes\n", "votes.csv: has a header but no list"),
        ("list,votes\nA,1,2\n", "votes.csv: line 2: must have 2 cells (list, votes), got 3"),
        ("list,votes\nA,1 000\n", "votes.csv: line 2: votes for 'A' ('1 000') must be written with the digits 0-9"),
        ("list,votes\nA,-1\n", "line 2: votes for 'A' ('-1')"),
        ("list,votes\n,12\n", "line 2: a list's name"),
        ("list,votes\nA,1\n\nB,x\nA,2\n", "line 4: votes for 'B' ('x') must be written with the digits 0-9 only (no sign, space, '_' or other grouping); line 5: list 'A' is given twice (first on line 2)"),
        ("list,votes\n\"A,1\n", "not valid CSV"),
        ("list,votes\nA\x00,1\n", "NUL character"),
    ],
)
def test_every_fault_names_the_file_and_the_line(text: str, message: str) -> None:
    with pytest.raises(OfficialFileError) as caught:
        parse_votes_csv(text, name="votes.csv")
    assert message in str(caught.value)
    assert "\n" not in str(caught.value)


def test_many_faults_are_cut_after_twenty(tmp_path: Path) -> None:
    text = "list,votes\n" + "".join(f"L{i},x\n" for i in range(40))
    with pytest.raises(OfficialFileError) as caught:
        parse_votes_csv(text)
    message = str(caught.value)
    assert message.count("line ") == 20 and message.endswith("and more faulty lines")


def test_unreadable_and_non_utf8_files(tmp_path: Path) -> None:
    with pytest.raises(OfficialFileError, match="cannot read the file"):
        read_votes_csv(tmp_path / "missing.csv")
    latin = tmp_path / "latin.csv"
    latin.write_bytes("list,votes\nPopular,1\nÉ,2\n".encode("latin-1"))
    with pytest.raises(OfficialFileError, match=r"latin.csv: not UTF-8 text \(byte 21"):
        read_votes_csv(latin)
    with pytest.raises(OfficialFileError, match="must be a str or a path"):
        read_votes_csv(3)  # type: ignore[arg-type]


@given(st.dictionaries(st.text(st.characters(codec="utf-8", exclude_categories=("Cc", "Cs", "Zs", "Zl", "Zp")),
                               min_size=1, max_size=8).filter(lambda s: s == s.strip()),
                       st.integers(0, 10**12), min_size=1, max_size=6))
def test_what_is_written_is_read_back(votes: dict[str, int]) -> None:
    """Round trip against a naive writer (the csv module's quoting)."""
    import csv
    import io
    import unicodedata

    votes = {unicodedata.normalize("NFC", k): v for k, v in votes.items()}
    if any(k != k.strip() or not k for k in votes):
        return
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["list", "votes"])
    writer.writerows(votes.items())
    assert dict(parse_votes_csv(out.getvalue()).votes) == votes


def test_votes_per_constituency() -> None:
    from electoral_rules.io.votes_csv import parse_constituency_votes_csv

    text = "Constituency,List,Votes\nNorth,A,10\nSouth,A,7\nNorth,B,3\n"
    assert parse_constituency_votes_csv(text) == {"North": {"A": 10, "B": 3}, "South": {"A": 7}}
    with pytest.raises(OfficialFileError) as caught:
        parse_constituency_votes_csv("constituency,list,votes\nN,A,1\nN,A,2\nS,A\n", name="v.csv")
    assert str(caught.value) == (
        "v.csv: line 3: list 'A' is given twice in 'N' (first on line 2); line 4: must have 3 cells "
        "(constituency, list, votes), got 2: ['S', 'A']"
    )
    with pytest.raises(OfficialFileError, match="header 'constituency,list,votes'"):
        parse_constituency_votes_csv("list,votes\nA,1\n")
