"""Verification of official files: arithmetic, aggregation, D'Hondt seats, report and exit codes."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from electoral_rules.io.ministry_xml import ResultFile, read_official_file
from electoral_rules.io.verify import Verdict, VerificationReport, verify_path
from tests.common import DATA

PR2017 = DATA / "pr2017-test-resultatsT2"
SENATE = DATA / "senat2026-xml"


def copy(tree: Path, tmp_path: Path) -> Path:
    target = tmp_path / tree.name
    shutil.copytree(tree, target)
    for path in target.rglob("*"):
        path.chmod(0o644 if path.is_file() else 0o755)
    return target


def replace_once(path: Path, old: bytes, new: bytes) -> None:
    data = path.read_bytes()
    assert data.count(old) >= 1
    path.write_bytes(data.replace(old, new, 1))


@pytest.mark.parametrize("tree", [PR2017, SENATE], ids=lambda p: p.name)
def test_shared_folders_agree(tree: Path) -> None:
    report = verify_path(tree)
    assert report.exit_code == 0, report.to_text()
    assert report.disagreements == ()
    assert report.errors == ()
    assert report.agreement_count > 100


def test_pr2017_checks_counted() -> None:
    report = verify_path(PR2017)
    assert len(report.files) == 10
    assert report.agreed["percentage rounded to 2 decimals"] == 308
    assert report.agreed["voters = blank + null + expressed"] == 14  # 7 result files x 2 rounds
    # 075.xml equals its single commune (Paris), which the department index lists
    assert report.agreed["sum of children"] == 2
    assert ("department", "011/075") in report.aggregates
    assert report.aggregates[("department", "011/075")][1].expressed == 766420
    # Paris's arrondissements are listed but only one is in the set: not checked, not a disagreement
    (missing,) = [f for f in report.not_checked if f.path.endswith("075056.xml")]
    assert "4 of 5 children have no file" in missing.message


def test_ain_and_fehf_official_seats_confirmed() -> None:
    report = verify_path(SENATE)
    seats = [f for f in report.findings if f.check == "D'Hondt seats"]
    assert all(f.verdict is Verdict.AGREES for f in seats)
    ain = [f for f in seats if f.path.endswith("R101.xml")]
    fehf = [f for f in seats if f.path.endswith("ZZ.xml")]
    assert (len(ain), len(fehf)) == (7, 12)
    assert sum(int(f.expected) for f in ain) == 3
    assert sum(int(f.expected) for f in fehf) == 6
    assert all("L295" in f.legal_basis for f in seats)
    assert report.agreed["elected in list order"] == 19


def test_majoritarian_files_are_checked_for_arithmetic_too() -> None:
    report = verify_path(SENATE)
    assert report.agreed["plurinominal votes fit the ballots"] == 3
    assert not report.not_checked


def test_altered_vote_count_is_a_disagreement_naming_file_and_element(tmp_path: Path) -> None:
    tree = copy(PR2017, tmp_path)
    target = tree / "011/075/075056.xml"
    replace_once(target, b"<NbVoix>245840</NbVoix>", b"<NbVoix>245841</NbVoix>")
    report = verify_path(tree)
    assert report.exit_code == 1
    found = {(Path(f.path).name, f.element, f.check) for f in report.disagreements}
    assert (
        "075056.xml",
        "Departement[075]/Commune[056]/Tour[1]/Resultats",
        "votes add up to expressed",
    ) in found
    # the department file no longer equals the sum of its communes
    assert (
        "075.xml",
        "Departement[075]/Tour[1]/Candidat[MIREPOIX Achille]/NbVoix",
        "sum of children",
    ) in found
    text = report.to_text()
    assert "DISAGREES" in text
    assert "075056.xml" in text
    assert "Commune[056]/Tour[1]/Resultats" in text
    assert "expected 766421, file says 766420" in text


def test_altered_percentage_is_a_disagreement(tmp_path: Path) -> None:
    tree = copy(PR2017, tmp_path)
    replace_once(
        tree / "093/093.xml",
        b"<RapportInscrit>  39,93</RapportInscrit>",
        b"<RapportInscrit>  39,94</RapportInscrit>",
    )
    report = verify_path(tree)
    assert report.exit_code == 1
    (finding,) = report.disagreements
    assert finding.element == "Region[093]/Tour[1]/Mentions/Abstentions/RapportInscrit"
    assert (finding.expected, finding.found) == ("39,93", "39,94")


def test_altered_seats_disagree_with_dhondt(tmp_path: Path) -> None:
    tree = copy(SENATE, tmp_path)
    zz = tree / "ZZ.xml"
    data = zz.read_bytes()
    cut = data.index(b"FRANCE SOUVERAINE")
    head, tail = data[:cut], data[cut:]
    zz.write_bytes(head + tail.replace(b"<NbSieges>0</NbSieges>", b"<NbSieges>1</NbSieges>", 1))
    report = verify_path(tree)
    assert report.exit_code == 1
    seats = [f for f in report.disagreements if f.check == "D'Hondt seats"]
    assert [(f.element, f.expected, f.found) for f in seats] == [
        ("Region[00]/Circonscription[ZZ]/Tour[1]/Liste[11]/NbSieges", "0", "1")
    ]
    assert any(
        f.check == "seats filled <= seats to fill" or f.check == "elected in list order"
        for f in report.disagreements
    )


def test_tie_for_the_last_seat_is_undetermined(tmp_path: Path) -> None:
    data = (SENATE / "R101.xml").read_bytes()
    # List 5 (419 -> 369) ties with list 1's second average (738 / 2 = 369) for the third seat;
    # list 3 takes the 50 votes (136 -> 186) so that the votes still add up to Exprimes.
    data = data.replace(b"<NbVoix>419</NbVoix>", b"<NbVoix>369</NbVoix>", 1)
    data = data.replace(b"<NbVoix>136</NbVoix>", b"<NbVoix>186</NbVoix>", 1)
    (tmp_path / "R101.xml").write_bytes(data)
    report = verify_path(tmp_path / "R101.xml")
    undetermined = [f for f in report.undetermined if f.check == "D'Hondt seats"]
    assert sorted(f.element.split("/")[-2] for f in undetermined) == ["Liste[1]", "Liste[5]"]
    assert all("tie" in f.message for f in undetermined)
    assert report.agreed["voters = blank + null + expressed"] == 1
    assert not [f for f in report.disagreements if f.check == "D'Hondt seats"]


def test_unreadable_file_exits_2_and_the_rest_is_checked(tmp_path: Path) -> None:
    tree = copy(SENATE, tmp_path)
    (tree / "evil.xml").write_bytes(b'<!DOCTYPE x [<!ENTITY a "b">]><Election/>')
    report = verify_path(tree)
    assert report.exit_code == 2
    (error,) = report.errors
    assert error.path.endswith("evil.xml")
    assert error.element == "<!DOCTYPE>"
    assert report.agreement_count > 100
    assert "UNREADABLE" in report.to_text()


def test_missing_path_and_empty_folder(tmp_path: Path) -> None:
    assert verify_path(tmp_path / "absent").exit_code == 2
    assert verify_path(tmp_path).exit_code == 2


def test_progress_is_reported_per_file() -> None:
    calls: list[tuple[int, int, str]] = []
    verify_path(SENATE, progress=lambda done, total, path: calls.append((done, total, path)))
    assert [c[:2] for c in calls] == [(1, 4), (2, 4), (3, 4), (4, 4)]
    assert calls[-1][2].endswith("ZZ.xml")


def test_report_dict_is_json_and_plain() -> None:
    report = verify_path(SENATE)
    data = report.to_dict()
    assert json.loads(json.dumps(data)) == data
    assert data["exit_code"] == 0
    assert data["disagreement_count"] == 0
    assert {f["verdict"] for f in data["findings"]} == {"agrees"}


def test_single_file() -> None:
    report = verify_path(SENATE / "R101.xml")
    assert report.files == ((SENATE / "R101.xml").as_posix(),)
    assert report.exit_code == 0


def test_majoritarian_files_apply_the_rule() -> None:
    # Allier (2 elected in round 1) and Ardennes (1 in round 1, 1 in round 2), 2026:
    # the date comes from the Senate tables' renewal record (the files give only the year).
    report = verify_path(SENATE)
    elected = [f for f in report.findings if f.check == "majoritarian elected"]
    assert [f.verdict for f in elected] == [Verdict.AGREES] * 3
    assert all(f.legal_basis == "Code électoral, art. L294" for f in elected)


def test_a_wrong_elu_flag_is_a_disagreement(tmp_path: Path) -> None:
    tree = copy(SENATE, tmp_path)
    allier = tree / "R103.xml"
    text = allier.read_text(encoding="utf-8")
    assert text.count("<Elu>OUI</Elu>") == 2
    allier.write_text(text.replace("<Elu>OUI</Elu>", "<Elu>NON</Elu>", 1), encoding="utf-8")
    report = verify_path(allier)
    assert report.exit_code == 1
    (finding,) = [f for f in report.findings if f.check == "majoritarian elected"]
    assert finding.verdict is Verdict.DISAGREES


def test_presidential_rule_on_a_france_file(tmp_path: Path) -> None:
    paris = (PR2017 / "011/075/075.xml").read_bytes()
    tours = paris.split(b"<Tours>")[1].split(b"</Tours>")[0]
    fe = tmp_path / "FE.xml"
    fe.write_bytes(
        b"<Election><Scrutin><Type>Pr\xc3\xa9sidentielle</Type><Annee>2017</Annee></Scrutin><Tours>"
        + tours
        + b"</Tours></Election>"
    )
    assert read_official_file(fe).kind.value == "france"
    report = verify_path(fe)
    (finding,) = [f for f in report.findings if f.check == "qualified for round 2"]
    # The Ministry's test set is fictitious: Paris's round 2 does not list Paris's top two.
    assert finding.verdict is Verdict.DISAGREES
    assert finding.legal_basis == "Constitution, art. 7"
    assert report.exit_code == 1


def test_reference_file_makes_region_sums_checked(tmp_path: Path) -> None:
    tree = copy(PR2017, tmp_path)
    (tree / "listeregdptcom.xml").write_text(
        "<Election><Scrutin><Type>Présidentielle</Type><Annee>2017</Annee></Scrutin><Regions>"
        "<Region><CodReg>11</CodReg><CodReg3Car>011</CodReg3Car><LibReg>Île-de-France</LibReg><Departements>"
        "<Departement><CodDpt>75</CodDpt><CodDpt3Car>075</CodDpt3Car><LibDpt>Paris</LibDpt><Communes>"
        "<Commune><CodSubCom>056</CodSubCom><LibSubCom>Paris</LibSubCom></Commune></Communes></Departement>"
        "</Departements></Region></Regions></Election>",
        encoding="utf-8",
    )
    report = verify_path(tree)
    # the reference says Île-de-France is Paris alone: the mock 011.xml disagrees, and it is reported
    assert report.exit_code == 1
    assert {Path(f.path).name for f in report.disagreements} == {"011.xml"}
    assert isinstance(read_official_file(tree / "011/011.xml"), ResultFile)
    assert isinstance(report, VerificationReport)


def test_reference_listing_only_arrondissements_still_counts_the_commune(tmp_path: Path) -> None:
    tree = copy(PR2017, tmp_path)
    (tree / "011/075/075IDX.xml").unlink()
    (tree / "listeregdptcom.xml").write_text(
        "<Election><Scrutin><Type>Présidentielle</Type><Annee>2017</Annee></Scrutin><Regions>"
        "<Region><CodReg>11</CodReg><CodReg3Car>011</CodReg3Car><LibReg>Île-de-France</LibReg><Departements>"
        "<Departement><CodDpt>75</CodDpt><CodDpt3Car>075</CodDpt3Car><LibDpt>Paris</LibDpt><Communes>"
        "<Commune><CodSubCom>056AR01</CodSubCom><LibSubCom>Paris 1er</LibSubCom></Commune></Communes>"
        "</Departement></Departements></Region></Regions></Election>",
        encoding="utf-8",
    )
    # One vote moves from HORTALA to MIREPOIX in the commune file: its own sums still hold.
    paris = tree / "011/075/075056.xml"
    replace_once(paris, b"<NbVoix>245840</NbVoix>", b"<NbVoix>245841</NbVoix>")
    replace_once(paris, b"<NbVoix>33695</NbVoix>", b"<NbVoix>33694</NbVoix>")
    report = verify_path(tree)
    # The reference lists only an arrondissement, but the commune it divides (056) is then a
    # child of the department: the list is known, so 075.xml against 056 is a disagreement.
    sums = {(f.element, f.verdict) for f in report.findings if Path(f.path).name == "075.xml"}
    assert ("Departement[075]/Tour[1]/Candidat[MIREPOIX Achille]/NbVoix", Verdict.DISAGREES) in sums
    assert report.exit_code == 1


def test_official_files_are_rglob_s_xml_files_in_path_order(tmp_path: Path) -> None:
    import os

    from electoral_rules.io.verify import official_files

    for name in ("a/b/z.xml", "a-b/c.xml", "a/B.XML", "a/.xml", "a/x.xml.", "a/y.txt", "A/1.xml", "a b/2.xml"):
        file = tmp_path / name
        file.parent.mkdir(parents=True, exist_ok=True)
        file.write_text("<Election/>")
    (tmp_path / "a/dir.xml").mkdir()
    if hasattr(os, "symlink"):
        try:
            (tmp_path / "linked").symlink_to(tmp_path / "a", target_is_directory=True)
            (tmp_path / "a/link.xml").symlink_to(tmp_path / "a/b/z.xml")
            (tmp_path / "a/broken.xml").symlink_to(tmp_path / "absent.xml")
        except OSError:  # no right to make links here
            pass
    expected = sorted(p for p in tmp_path.rglob("*") if p.is_file() and p.suffix.lower() == ".xml")
    assert official_files(tmp_path) == expected
    # part by part, as Path sorts: "a/..." before "a b/...", although " " < "/" in a string
    assert [p.relative_to(tmp_path).as_posix() for p in expected][:3] == ["A/1.xml", "a/B.XML", "a/b/z.xml"]
    assert official_files(tmp_path / "a-b/c.xml") == [tmp_path / "a-b/c.xml"]
