"""Regression tests of the hardening issue: each hostile input found by hand gets a library
error (or a correct result), ``verify`` never aborts, no DTD slips through, round trips lose
nothing. One section per item of the issue, each test failing before its fix.

The random properties over every public entry point are in ``tests/test_hostile_inputs.py``.
"""

from __future__ import annotations

import math
import os
import shutil
import unicodedata
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import pytest

from electoral_rules import Candidate, PartyList, Tally
from electoral_rules._exact import MAX_COUNT, percent
from electoral_rules.apportionment import dhondt, highest_averages, largest_remainder
from electoral_rules.cli import main
from electoral_rules.errors import (
    InvalidArgumentError,
    InvalidTallyError,
    OfficialFileError,
    UnsafeDocumentError,
)
from electoral_rules.france import senate
from electoral_rules.io import MAX_COUNT as io_MAX_COUNT
from electoral_rules.io import read_bytes, read_official_file
from electoral_rules.io.opendata import from_csv, from_dict, from_json, save, to_csv, to_dict, to_json
from electoral_rules.io.verify import Verdict, official_files, verify_path
from electoral_rules.outcome import RoundOutcome, Step, StepKind
from electoral_rules.render.svg import hemicycle_svg
from electoral_rules.tiebreak import IfUnresolved
from tests.common import DATA

SENATE = DATA / "senat2026-xml"
PR2017 = DATA / "pr2017-test-resultatsT2"


def _senate_file(tmp_path: Path, name: str, *edits: tuple[bytes, bytes]) -> Path:
    """A copy of one Senate file in ``tmp_path`` with each ``old -> new`` edit made once."""
    data = (SENATE / name).read_bytes()
    for old, new in edits:
        assert old in data
        data = data.replace(old, new, 1)
    target = tmp_path / name
    target.write_bytes(data)
    return target


# -- 1. verify never aborts on an inconsistent Senate list-vote file ---------------------


@pytest.mark.parametrize(
    ("edits", "check"),
    [
        # a list's votes no longer add up to Exprimes
        (((b"<NbVoix>84</NbVoix>", b"<NbVoix>85</NbVoix>"),), "votes add up to expressed"),
        # Votants != Blancs + Nuls + Exprimes
        (((b"<Nombre>1931</Nombre>", b"<Nombre>1932</Nombre>"),), "voters = blank + null + expressed"),
        # Votants > Inscrits
        (((b"<Nombre>1956</Nombre>", b"<Nombre>1900</Nombre>"),), "voters <= registered"),
        # Exprimes changed (so neither the votes nor Votants add up)
        (((b"<Nombre>1917</Nombre>", b"<Nombre>1918</Nombre>"),), "votes add up to expressed"),
    ],
    ids=["votes", "voters", "registered", "expressed"],
)
def test_inconsistent_senate_list_file_is_reported_not_fatal(
    tmp_path: Path, edits: tuple[tuple[bytes, bytes], ...], check: str
) -> None:
    _senate_file(tmp_path, "R101.xml", *edits)
    shutil.copy(SENATE / "ZZ.xml", tmp_path / "ZZ.xml")
    report = verify_path(tmp_path)
    assert report.exit_code == 1, report.to_text()
    assert report.errors == ()
    assert check in {f.check for f in report.disagreements if f.path.endswith("R101.xml")}
    # the other file is still checked: its D'Hondt seats agree
    assert any(
        f.check == "D'Hondt seats" and f.verdict is Verdict.AGREES and f.path.endswith("ZZ.xml")
        for f in report.findings
    )
    # and the D'Hondt seats of the faulty file are checked on the lists' published votes
    assert any(f.check == "D'Hondt seats" and f.path.endswith("R101.xml") for f in report.findings)


# -- 2. no DTD or entity hides in another encoding ----------------------------------------

_ATTACKS = {
    "internal entity": '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "INJECTED">]><Election>&a;</Election>',
    "external entity": (
        '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a SYSTEM "file:///etc/passwd">]><Election>&a;</Election>'
    ),
    "billion laughs": (
        '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "lol"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">'
        '<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;">]><Election>&c;</Election>'
    ),
    "quadratic blow-up": (
        '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "' + "x" * 5000 + '">]><Election>'
        + "&a;" * 200
        + "</Election>"
    ),
    "no declaration": '<!DOCTYPE x [<!ENTITY a "INJECTED">]><Election>&a;</Election>',
}
_ENCODINGS = ["utf-16-be", "utf-16-le", "utf-32-be", "utf-32-le", "utf-16", "utf-32"]


@pytest.mark.parametrize("encoding", _ENCODINGS)
@pytest.mark.parametrize("attack", sorted(_ATTACKS))
def test_wide_encodings_never_pass_the_dtd_scan(encoding: str, attack: str) -> None:
    data = _ATTACKS[attack].encode(encoding)  # "utf-16"/"utf-32" write a BOM, the others none
    with pytest.raises(UnsafeDocumentError):
        read_bytes(data, "evil.xml")


@pytest.mark.parametrize("encoding", _ENCODINGS)
def test_a_wide_encoding_is_refused_even_without_a_dtd(encoding: str) -> None:
    data = (PR2017 / "011" / "075" / "075.xml").read_text(encoding="utf-8")
    data = data.replace("UTF-8", encoding.upper())
    with pytest.raises(UnsafeDocumentError):
        read_bytes(data.encode(encoding), "075.xml")


def test_a_nul_byte_in_an_utf8_document_is_refused() -> None:
    with pytest.raises(UnsafeDocumentError):
        read_bytes(b"<Election>\x00</Election>", "nul.xml")


# -- 8. a folder that cannot be listed is reported, not skipped ---------------------------


def test_unlistable_folder_is_unreadable_not_skipped(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    tree = tmp_path / "tree"
    shutil.copytree(SENATE, tree / "ok")
    (tree / "locked").mkdir()
    shutil.copy(SENATE / "R101.xml", tree / "locked" / "R101.xml")
    scandir = os.scandir

    def guarded(path: str | os.PathLike[str]) -> object:
        if Path(path).name == "locked":
            raise PermissionError(13, "Permission denied", os.fspath(path))
        return scandir(path)

    monkeypatch.setattr(os, "scandir", guarded)
    report = verify_path(tree)
    assert report.exit_code == 2
    (error,) = report.errors
    assert error.path.endswith("locked")
    assert "Permission denied" in error.message
    assert "UNREADABLE" in report.to_text()
    assert report.agreement_count > 100  # the rest is checked
    with pytest.raises(OfficialFileError, match="Permission denied"):
        official_files(tree)


# -- 12. two lists with one NumListe, two candidates with one NumOrdCand ------------------


def test_duplicate_list_number_is_refused(tmp_path: Path) -> None:
    path = _senate_file(tmp_path, "R101.xml")
    data = path.read_bytes()
    numbers = data.split(b"<NumListe>")[2].split(b"</NumListe>")[0]
    path.write_bytes(data.replace(b"<NumListe>" + numbers + b"</NumListe>", b"<NumListe>7</NumListe>", 1))
    with pytest.raises(OfficialFileError, match="duplicate list number 7") as info:
        read_official_file(path)
    assert info.value.element is not None and info.value.element.endswith("NumListe")


def test_duplicate_candidate_rank_is_refused(tmp_path: Path) -> None:
    path = _senate_file(tmp_path, "R101.xml", (b"<NumOrdCand>2</NumOrdCand>", b"<NumOrdCand>1</NumOrdCand>"))
    with pytest.raises(OfficialFileError, match="duplicate candidate rank 1") as info:
        read_official_file(path)
    assert info.value.element is not None and info.value.element.endswith("NumOrdCand")


# -- 7. open data: hostile JSON and CSV, bounded counts, unwritable names ----------------


@pytest.mark.parametrize(
    "text",
    [
        "[" * 100_000 + "]" * 100_000,
        '{"kind": "tally", "version": 2, "options": [{"name": "A", "votes": ' + "9" * 5000 + "}]}",
        b'{"kind": "tally", "version": 2, "options": [{"name": "\xff", "votes": 1}]}',
        '{"kind": "tally", "version": 2, "options": [{"name": "A", "votes": 1}]}'.encode("utf-16"),
    ],
    ids=["deep", "5000 digits", "invalid UTF-8", "UTF-16"],
)
def test_from_json_refuses_hostile_documents(text: str | bytes) -> None:
    with pytest.raises(OfficialFileError):
        from_json(text)


def test_a_huge_name_reads_back_from_csv() -> None:
    tally = Tally(votes={"x" * 200_000: 1, "B": 2})
    assert from_csv(to_csv(tally)) == tally
    assert from_json(to_json(tally)) == tally


@pytest.mark.parametrize("count", [10**18, 10**4500], ids=["19 digits", "4501 digits"])
def test_tally_counts_are_bounded(count: int) -> None:
    with pytest.raises(InvalidTallyError, match="largest count accepted"):
        Tally(votes={"A": count})
    with pytest.raises(InvalidTallyError, match="largest count accepted"):
        Tally(votes={"A": 1}, registered=count)
    assert Tally(votes={"A": MAX_COUNT}).expressed == MAX_COUNT
    assert io_MAX_COUNT <= MAX_COUNT  # whatever the XML reader accepts makes a tally


def test_the_largest_tally_round_trips() -> None:
    tally = Tally(votes={"A": MAX_COUNT}, registered=MAX_COUNT)
    assert from_json(to_json(tally)) == tally
    assert from_csv(to_csv(tally)) == tally


def test_save_of_an_unwritable_text_is_a_library_error(tmp_path: Path) -> None:
    allocation = dhondt({"A": 3}, 1, legal_basis="art. \ud800")
    with pytest.raises(InvalidArgumentError, match="lone surrogate"):
        save(allocation, tmp_path / "a.json")
    with pytest.raises(InvalidArgumentError):
        save(allocation, tmp_path / "a.csv")


def test_save_into_a_missing_folder_is_a_library_error(tmp_path: Path) -> None:
    with pytest.raises(OfficialFileError, match="cannot be written"):
        save(Tally(votes={"A": 1}), tmp_path / "no" / "a.json")


def test_to_json_of_a_huge_house_is_a_library_error() -> None:
    allocation = dhondt({"A": 3}, 10**5000)
    with pytest.raises(InvalidArgumentError):
        to_json(allocation)


# -- 9. a round outcome reads back equal ------------------------------------------------


def test_round_outcome_round_trip_is_equal_despite_the_trace() -> None:
    outcome = RoundOutcome(
        election="législatives",
        round=1,
        tally=Tally(votes={"A": 60, "B": 40}, registered=200),
        elected=("A",),
        eliminated=("B",),
        legal_basis="Code électoral, art. L126",
        trace=(Step(kind=StepKind.RESULT, subject="A", note="elected"),),
    )
    assert from_json(to_json(outcome)) == outcome
    assert from_csv(to_csv(outcome)) == outcome
    assert hash(from_json(to_json(outcome))) == hash(outcome)


# -- 10. duplicates are refused -------------------------------------------------------------


def test_from_csv_refuses_a_repeated_row() -> None:
    text = to_csv(Tally(votes={"A": 1, "B": 2}, registered=10))
    repeated = text.replace("registered,,10\r\n", "registered,,10\r\nregistered,,12\r\n")
    with pytest.raises(OfficialFileError, match="registered"):
        from_csv(repeated)
    allocation = to_csv(dhondt({"A": 3, "B": 1}, 2))
    with pytest.raises(OfficialFileError, match="seats"):
        from_csv(allocation.replace("list.seats,A,2\r\n", "list.seats,A,2\r\nlist.seats,A,0\r\n"))


def test_from_json_refuses_a_repeated_key() -> None:
    with pytest.raises(OfficialFileError, match="'votes'"):
        from_json('{"kind": "tally", "version": 2, "options": [{"name": "A", "votes": 1, "votes": 3}]}')


def test_from_json_refuses_more_seats_than_the_house() -> None:
    data = to_dict(dhondt({"A": 3}, 1))
    data["lists"][0]["seats"] = 7
    with pytest.raises(OfficialFileError, match="house"):
        from_dict(data)
    data["lists"][0]["seats"] = -1
    with pytest.raises(OfficialFileError):
        from_dict(data)


def test_from_json_refuses_an_outcome_electing_a_stranger() -> None:
    data = {
        "kind": "round", "version": 2, "election": "x", "method": "two-round majority vote", "round": 1,
        "tally": {"kind": "tally", "version": 2, "options": [{"name": "A", "votes": 1}]},
        "elected": ["Z"],
    }  # fmt: skip
    with pytest.raises(OfficialFileError, match="'Z'"):
        from_dict(data)
    data["elected"] = ["A"]
    data["qualified"] = ["A"]
    with pytest.raises(OfficialFileError, match="'A'"):
        from_dict(data)


# -- 14. one rule for names -------------------------------------------------------------


@pytest.mark.parametrize(
    "name",
    [" A", "A ", "A\n", "e\u0301", "\ud800", "", "   "],
    ids=["leading space", "trailing space", "newline", "NFD", "surrogate", "empty", "blank"],
)
def test_names_that_print_like_another_are_refused(name: str) -> None:
    with pytest.raises(InvalidTallyError):
        Tally(votes={name: 1})
    with pytest.raises(InvalidTallyError):
        Candidate(name=name)
    with pytest.raises(InvalidTallyError):
        PartyList(name=name)
    with pytest.raises(InvalidTallyError):
        PartyList(name="L", candidates=[name])


def test_nfc_and_nfd_are_never_two_lists() -> None:
    composed = unicodedata.normalize("NFC", "Liste é")
    decomposed = unicodedata.normalize("NFD", "Liste é")
    assert composed != decomposed
    with pytest.raises(InvalidTallyError, match="NFC"):
        Tally(votes={composed: 1, decomposed: 2})
    assert Tally(votes={composed: 1}).names == (composed,)


# -- 3, 10, 13, 14, 15: the command line ----------------------------------------------------

_HOSTILE_FILES: dict[str, bytes] = {
    "binary.json": bytes(range(256)) * 4,
    "binary.csv": bytes(range(256)) * 4,
    "utf16.json": '{"A": 1023, "B": 258}'.encode("utf-16"),
    "utf16be.csv": "A,1023\nB,258\n".encode("utf-16-be"),
    "utf32.json": '{"A": 1023, "B": 258}'.encode("utf-32"),
    "latin1.csv": "Liste é,1023\nB,258\n".encode("latin-1"),
    "deep.json": b"[" * 100_000 + b"]" * 100_000,
    "deepobj.json": b'{"a":' * 100_000 + b"1" + b"}" * 100_000,
    "bigint.json": b'{"A": ' + b"9" * 5000 + b"}",
    "bigfield.csv": b"A," + b"1" * (200 * 1024) + b"\n",
    "bigname.csv": b'"' + b"x" * (200 * 1024) + b'",3\n',
    "nul.csv": b"A,1\x00\nB,2\n",
    "duplicate.json": b'{"A": 1, "A": 3}',
    "float.json": b'{"A": 1.5}',
    "nan.json": b'{"A": NaN}',
    "list.json": b"[1, 2, 3]",
    "null.json": b"null",
    "tallynull.json": b'{"votes": null}',
    "tallyfloat.json": b'{"votes": {"A": 1}, "registered": 1e3}',
    "empty.csv": b"",
    "empty.json": b"",
}


@pytest.mark.parametrize("name", sorted(_HOSTILE_FILES))
@pytest.mark.parametrize("command", [["allocate", "--seats", "3"], ["round", "legislative"]])
def test_cli_hostile_file_exits_2_with_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str, command: list[str]
) -> None:
    path = tmp_path / name
    path.write_bytes(_HOSTILE_FILES[name])
    code = main([*command, "--file", str(path)])
    out, err = capsys.readouterr()
    if name == "bigname.csv" and command[0] == "allocate":  # a long name is still a name
        assert code == 0 and out.endswith("  3\n") and err == ""
        return
    assert code == 2, (out, err)
    assert err.startswith("electoral-rules: error: ") and err.count("\n") == 1, err
    assert "Traceback" not in err and len(err) < 1000


def test_cli_json_file_with_a_repeated_name_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "votes.json"
    path.write_text('{"A": 1, "B": 2, "A": 3}', encoding="utf-8")
    code = main(["allocate", "--seats", "1", "--file", str(path)])
    assert code == 2 and "'A'" in capsys.readouterr().err


@pytest.mark.parametrize("year", ["1000000", str(10**30), "-5", "0", "3000"])
def test_cli_senate_renewal_of_an_absurd_year(capsys: pytest.CaptureFixture[str], year: str) -> None:
    code = main(["senate", "renewal", year])
    err = capsys.readouterr().err
    assert code == 2 and "Traceback" not in err and len(err.strip().splitlines()) == 1, err
    assert "renewal of" in err


@pytest.mark.parametrize("year", ["9" * 5000, "MMXIV"])
def test_cli_senate_renewal_of_no_number(capsys: pytest.CaptureFixture[str], year: str) -> None:
    with pytest.raises(SystemExit) as exited:  # argparse's own refusal of what is no year
        main(["senate", "renewal", year])
    err = capsys.readouterr().err
    assert exited.value.code == 2 and "Traceback" not in err and "year must be a whole number" in err


@pytest.mark.parametrize(
    "pair",
    ["A=1_000", "A= 10", "A=10 ", "A=\u0661\u0660", "A=+5", "A=-5", "A=1 000", "A=", "A=\uff11"],
    ids=["underscore", "leading space", "trailing space", "Arabic-Indic", "plus", "minus", "grouping",
         "empty", "fullwidth"],
)
def test_cli_counts_follow_the_xml_reader_rule(capsys: pytest.CaptureFixture[str], pair: str) -> None:
    code = main(["allocate", "--seats", "1", pair, "B=3"])
    err = capsys.readouterr().err
    assert code == 2 and "digits 0-9" in err, err


@pytest.mark.parametrize("pair", [" A=10", "A =10", "e\u0301=10"], ids=["leading", "trailing", "NFD"])
def test_cli_names_follow_the_one_rule(capsys: pytest.CaptureFixture[str], pair: str) -> None:
    code = main(["allocate", "--seats", "1", pair, "B=3"])
    assert code == 2 and "names that print the same" in capsys.readouterr().err


def test_cli_csv_counts_follow_the_rule(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "votes.csv"
    path.write_text("name,votes\nA,1_000\nB,3\n", encoding="utf-8")
    assert main(["allocate", "--seats", "1", "--file", str(path)]) == 2
    assert "digits 0-9" in capsys.readouterr().err


def test_cli_speaks_in_cli_terms(capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["round", "legislative", "--date", "2022-06-12", "A=400", "B=300"])
    err = capsys.readouterr().err
    assert code == 2 and "--registered" in err and "Tally(" not in err, err
    code = main(["round", "legislative", "--round", "2", "A=10", "B=10"])
    err = capsys.readouterr().err
    assert code == 2 and "--born" in err and "candidates=" not in err and "people=" not in err, err


def test_cli_unknown_born_name_is_an_error(capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["round", "legislative", "--round", "2", "--born", "Z=1950-01-01", "A=10", "B=9"])
    err = capsys.readouterr().err
    assert code == 2 and "'Z'" in err and "--born" in err, err


def test_cli_allocate_right_aligns_numbers(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["allocate", "--seats", "120", "Alpha=1023", "B=258", "C=25"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines == ["Alpha   98", "B       25", "C        2"] or [len(line) for line in lines] == [
        len(lines[0])
    ] * 3, lines
    assert all(line[-1].isdigit() for line in lines)
    assert len({len(line) for line in lines}) == 1  # numbers end in one column


def test_cli_help_texts(capsys: pytest.CaptureFixture[str]) -> None:
    texts = {}
    for command in ("allocate", "explain", "verify"):
        with pytest.raises(SystemExit):
            main([command, "--help"])
        texts[command] = capsys.readouterr().out
    assert "exit status" in texts["verify"].lower() or "exit code" in texts["verify"].lower()
    assert all(str(code) in texts["verify"] for code in (0, 1, 2))
    first = [text.split("\n\n")[1] for text in (texts["allocate"], texts["explain"])]
    assert first[0] != first[1], first


# -- 5. policy arguments are validated on entry --------------------------------------------


@pytest.mark.parametrize("method", ["highest_averages", "largest_remainder"])
@pytest.mark.parametrize(
    ("keyword", "value", "words"),
    [
        ("tie_break", "most-votes", "tie_break"),
        ("tie_break", IfUnresolved.REPORT, "tie_break"),
        ("legal_basis", None, "legal_basis"),
        ("legal_basis", 5, "legal_basis"),
    ],
)
def test_policy_arguments_are_checked_even_without_a_tie(
    method: str, keyword: str, value: object, words: str
) -> None:
    allocate = highest_averages if method == "highest_averages" else largest_remainder
    with pytest.raises(InvalidArgumentError, match=words):
        allocate({"A": 3, "B": 1}, 2, **{keyword: value})  # type: ignore[arg-type]
    with pytest.raises(InvalidArgumentError, match=words):  # and with a tie to settle
        allocate({"A": 3, "B": 3}, 1, **{keyword: value})  # type: ignore[arg-type]


@pytest.mark.parametrize("value", ["x", None, 1, "smallest remainders lose"])
def test_over_allocation_must_be_a_member(value: object) -> None:
    with pytest.raises(InvalidArgumentError, match="over_allocation"):
        largest_remainder({"A": 3, "B": 1}, 2, over_allocation=value)  # type: ignore[arg-type]


# -- 6. threshold_base ------------------------------------------------------------------------


@pytest.mark.parametrize("method", [highest_averages, largest_remainder])
@pytest.mark.parametrize(
    ("base", "threshold", "words"),
    [(0, "5%", "threshold base"), (100, "5%", "threshold base"), (1000, None, "threshold_base")],
    ids=["zero", "below the votes", "without threshold"],
)
def test_threshold_base_is_checked(method: Any, base: int, threshold: str | None, words: str) -> None:
    with pytest.raises(InvalidArgumentError, match=words):
        method({"A": 300, "B": 10}, 3, threshold=threshold, threshold_base=base)


def test_threshold_base_above_the_votes_is_accepted() -> None:
    result = highest_averages({"A": 300, "B": 10}, 3, threshold="5%", threshold_base=1000)
    assert result.excluded == ("B",) and result.threshold is not None
    assert result.threshold.base_count == 1000


# -- 13. messages -------------------------------------------------------------------------------


def test_threshold_given_as_a_whole_percentage_is_explained() -> None:
    with pytest.raises(InvalidArgumentError) as info:
        highest_averages({"A": 3, "B": 1}, 2, threshold=5)
    message = str(info.value)
    assert "5 %" not in message.split("must")[0] or "'5%'" in message
    assert "'5%'" in message and "Fraction(1, 20)" in message


@pytest.mark.parametrize("text", ["-5%", "-5", "- 5 %", "-0,5%"])
def test_a_negative_percentage_is_called_negative(text: str) -> None:
    with pytest.raises(InvalidArgumentError, match="negative"):
        percent(text)
    with pytest.raises(InvalidArgumentError, match="negative"):
        highest_averages({"A": 3, "B": 1}, 2, threshold=text)


# -- 15. smaller ones ---------------------------------------------------------------------------


@pytest.mark.parametrize("value", ["yes", 1, None, "False"])
def test_senate_abroad_must_be_a_bool(value: object) -> None:
    with pytest.raises(InvalidArgumentError, match="abroad"):
        senate.allocate({"A": 3, "B": 1}, 6, abroad=value)  # type: ignore[arg-type]


@pytest.mark.parametrize("seats", [4, 5, 7, 8, 10, 11, 12, 16, 24, 25, 30])
def test_small_hemicycles_have_even_gaps_and_clear_the_title(seats: int) -> None:
    svg = hemicycle_svg(dhondt({"A": 1023, "B": 258, "C": 253}, seats))
    root = ET.fromstring(svg)
    circles = [
        (float(c.attrib["cx"]), float(c.attrib["cy"]), float(c.attrib["r"]))
        for c in root.iter("{http://www.w3.org/2000/svg}circle")
    ]
    assert len(circles) == seats
    radius = circles[0][2]
    # each seat's nearest neighbour is close (no seat stranded), and none overlaps
    nearest = [
        min(math.dist((x, y), (u, v)) for u, v, _ in circles if (u, v) != (x, y)) for x, y, _ in circles
    ]
    assert min(nearest) >= 2 * radius
    assert max(nearest) <= 3.5 * radius, (seats, nearest, radius)  # 5 seats: 8 radii before
    # the title's baseline (y=24, 18 px) is well above the highest seat
    assert min(y - r for _, y, r in circles) >= 24 + 16
