"""Regression tests of the hardening issue: each hostile input found by hand gets a library
error (or a correct result), ``verify`` never aborts, no DTD slips through, round trips lose
nothing. One section per item of the issue, each test failing before its fix.

The random properties over every public entry point are in ``tests/test_hostile_inputs.py``.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from electoral_rules.errors import OfficialFileError, UnsafeDocumentError
from electoral_rules.io import read_bytes, read_official_file
from electoral_rules.io.verify import Verdict, official_files, verify_path

DATA = Path(__file__).parent / "data"
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
