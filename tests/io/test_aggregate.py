"""Aggregation on a small synthetic national tree (made by the benchmark's generator).

The Ministry's test set has no communes reference and only one complete department, so the
communes -> department -> region -> France chain is exercised here on a generated tree whose
figures are consistent by construction.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from electoral_rules.io.verify import Verdict, verify_path
from tests.common import DATA, bench_reader


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    files = bench_reader().generate(tmp_path, 40, departments=4, regions=2)
    assert files == 40 + 2 * 4 + 2 + 3
    return tmp_path


def test_synthetic_tree_agrees_at_every_level(tree: Path) -> None:
    report = verify_path(tree)
    assert report.exit_code == 0, report.to_text()
    assert report.agreed["sum of children"] == 4 + 2 + 1  # departments, regions, France
    assert report.not_checked == ()
    assert ("france", "FE") in report.aggregates
    france = report.aggregates[("france", "FE")][1]
    assert france.voters == france.blank + france.null + france.expressed
    assert sum(france.votes.values()) == france.expressed


def test_altered_commune_breaks_every_level_above(tree: Path) -> None:
    commune = tree / "001/001/001001.xml"
    data = commune.read_text(encoding="utf-8")
    start = data.index("<NbVoix>") + len("<NbVoix>")
    end = data.index("</NbVoix>")
    commune.write_text(data[:start] + str(int(data[start:end]) + 1) + data[end:], encoding="utf-8")
    report = verify_path(tree)
    assert report.exit_code == 1
    where = {(Path(f.path).name, f.check) for f in report.disagreements}
    assert ("001001.xml", "votes add up to expressed") in where
    assert ("001.xml", "sum of children") in where  # the department file, 001/001/001.xml
    element = next(f.element for f in report.disagreements if f.check == "sum of children")
    assert element == "Departement[001]/Tour[1]/Candidat[HORTALA Frédéric]/NbVoix"


def test_missing_commune_is_not_checked_not_a_disagreement(tree: Path) -> None:
    (tree / "001/001/001001.xml").unlink()
    report = verify_path(tree)
    assert report.exit_code == 0
    (missing,) = [f for f in report.not_checked if f.check == "sum of children"]
    assert missing.verdict is Verdict.NOT_CHECKED
    assert "1 of 10 children have no file" in missing.message
    assert report.agreed["sum of children"] == 3 + 2 + 1


def naive_expected_children(documents: list[object]) -> dict[tuple[str, str], set[tuple[str, str]]]:
    """What ``_expected_children`` computes, with ``Place.key`` and ``_parent_key`` for every place."""
    from electoral_rules.io import ministry_xml, verify
    from electoral_rules.io.ministry_xml import Level

    result: dict[tuple[str, str], set[tuple[str, str]]] = {}
    for document in documents:
        if isinstance(document, ministry_xml.Reference):
            places = list(document.places)
        elif isinstance(document, ministry_xml.DepartmentIndex):
            places = [entry.place for entry in document.communes]
        else:
            continue
        for place in places:
            parent = verify._parent_key(place.key)
            if place.level is Level.SECTION or parent is None:
                continue
            result.setdefault(parent, set()).add(place.key)
            if place.level is Level.ARRONDISSEMENT:
                grandparent = verify._parent_key(parent)
                if grandparent is not None:
                    result.setdefault(grandparent, set()).add(parent)
        if isinstance(document, ministry_xml.Reference):
            regions = {p.key for p in document.places if p.level is Level.REGION}
            result.setdefault(("france", "FE"), set()).update(regions)
    return result


def test_expected_children_are_the_places_keys_under_their_parents_keys(tmp_path: Path) -> None:
    """The commune shortcut of ``_expected_children`` gives ``Place.key`` and its parent's."""
    from electoral_rules.io import ministry_xml, verify
    from electoral_rules.io.ministry_xml import Level, Place, read_official_file

    places = [
        Place(level=Level.REGION, code="084", region="084"),
        Place(level=Level.COMMUNE, code="001", region="084", department="001", commune="001"),
        Place(level=Level.COMMUNE, code="056", region=None, department="075"),
        Place(level=Level.COMMUNE, code="0/1", region="084", department="001"),
        Place(level=Level.COMMUNE, code="002", region="0/84", department="001", commune="002"),
        Place(level=Level.ARRONDISSEMENT, code="056AR01", region="011", department="075", commune="056AR01"),
    ]
    reference = ministry_xml.Reference(path="r.xml", election="x", year=2017, places=tuple(places))
    assert verify._expected_children([reference]) == naive_expected_children([reference])
    assert ("department", "/075") in verify._expected_children([reference])
    bench_reader().generate(tmp_path, 30, departments=3, regions=2)
    data = DATA
    documents: list[object] = [
        read_official_file(path) for path in [*sorted(data.rglob("*.xml")), *sorted(tmp_path.rglob("*.xml"))]
    ]
    found = verify._expected_children(documents)  # type: ignore[arg-type]
    assert found == naive_expected_children(documents)
    assert sum(len(children) for children in found.values()) > 30


def test_streaming_verification_reports_what_the_documents_in_memory_give(tree: Path) -> None:
    """``verify_path`` drops each document once checked; ``verify_documents`` and
    ``aggregate`` keep them all: same findings, in the same order, and the same sums."""
    import shutil

    from electoral_rules.io.ministry_xml import read_official_file
    from electoral_rules.io.verify import aggregate, official_files, verify_documents

    commune = tree / "001/001/001002.xml"
    text = commune.read_text(encoding="utf-8")
    first_votes = text.split("<NbVoix>", 1)[1].split("<", 1)[0]
    commune.write_text(text.replace(f"<NbVoix>{first_votes}<", f"<NbVoix>{int(first_votes) + 1}<", 1), encoding="utf-8")
    shutil.copy(tree / "001/001/001003.xml", tree / "001/001/copy-of-001003.xml")  # the same place twice
    again = tree / "001/001/copy-of-001003.xml"
    again.write_text(again.read_text(encoding="utf-8").replace("<Nombre>", "<Nombre>1", 1), encoding="utf-8")
    streamed = verify_path(tree)
    files = official_files(tree)
    documents = [read_official_file(path) for path in files]
    in_memory = verify_documents(documents, files=[path.as_posix() for path in files])
    assert streamed.exit_code == 1
    checks = {finding.check for finding in streamed.disagreements}
    assert {"votes add up to expressed", "same place, same figures", "sum of children"} <= checks
    # the same report, and the streamed one also records what was read of each file
    assert dataclasses.replace(streamed, sources=()) == in_memory
    assert [source.path for source in streamed.sources] == [path.as_posix() for path in files]
    assert all(len(source.sha256) == 64 for source in streamed.sources)
    assert dict(streamed.aggregates) == aggregate(documents)
