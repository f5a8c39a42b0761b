"""The Ministry's PR2017 test set and the Senate 2026 feed read into typed records.

Sources: ``tests/data/pr2017-test-resultatsT2/README.md`` and ``tests/data/senat2026-xml/README.md``.
"""

from __future__ import annotations

import datetime as dt
from fractions import Fraction
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from electoral_rules.errors import OfficialFileError
from electoral_rules.io.ministry_xml import (
    MAX_COUNT,
    Candidatures,
    DepartmentIndex,
    FileKind,
    Level,
    NationalIndex,
    Reference,
    ResultFile,
    read_bytes,
    read_official_file,
    rounded_percent,
)
from tests.common import DATA

PR2017 = DATA / "pr2017-test-resultatsT2"
SENATE = DATA / "senat2026-xml"
PR2017_FILES = sorted(PR2017.rglob("*.xml"))
SENATE_FILES = sorted(SENATE.glob("*.xml"))


def results(path: Path) -> ResultFile:
    doc = read_official_file(path)
    assert isinstance(doc, ResultFile)
    return doc


def test_the_test_sets_are_all_there() -> None:
    assert len(PR2017_FILES) == 10
    assert [p.name for p in SENATE_FILES] == ["R101.xml", "R103.xml", "R208.xml", "ZZ.xml"]


@pytest.mark.parametrize("path", PR2017_FILES + SENATE_FILES, ids=lambda p: p.name)
def test_every_file_reads(path: Path) -> None:
    doc = read_official_file(path)
    assert doc.path.endswith(path.name)
    if isinstance(doc, ResultFile):
        for entity in doc.entities:
            for item in entity.rounds:
                assert item.tally.voters == item.voters  # the published counts add up


EXPECTED_KINDS = {
    "index.xml": FileKind.NATIONAL_INDEX,
    "075IDX.xml": FileKind.DEPARTMENT_INDEX,
    "069IDX.xml": FileKind.DEPARTMENT_INDEX,
    "075.xml": FileKind.DEPARTMENT,
    "075056.xml": FileKind.COMMUNE,
    "075056AR01.xml": FileKind.COMMUNE,
    "069123AR01.xml": FileKind.COMMUNE,
    "971101.xml": FileKind.COMMUNE,
    "011.xml": FileKind.REGION,
    "093.xml": FileKind.REGION,
}


@pytest.mark.parametrize("path", PR2017_FILES, ids=lambda p: p.name)
def test_file_kinds(path: Path) -> None:
    assert read_official_file(path).kind is EXPECTED_KINDS[path.name]


def test_paris_department_checks_out() -> None:
    doc = results(PR2017 / "011/075/075.xml")
    assert doc.election == "Présidentielle"
    assert doc.year == 2017
    (paris,) = doc.entities
    assert paris.place.level is Level.DEPARTMENT
    assert (paris.place.code, paris.place.region, paris.place.name) == ("075", "011", "Paris")
    assert paris.place.codes["CodMinDpt"] == "75"
    first = paris.round(1)
    assert first is not None
    assert (first.registered, first.voters, first.blank, first.null, first.expressed) == (
        1347639,
        807026,
        24558,
        16048,
        766420,
    )
    assert first.voters - first.blank - first.null == 766420
    assert first.abstentions == 1347639 - 807026
    tally = first.tally
    assert tally.expressed == 766420
    assert sum(tally.votes.values()) == 766420
    assert len(tally.votes) == 11 + 1
    assert tally.votes["MIREPOIX Achille"] == 245840
    second = paris.round(2)
    assert second is not None
    assert dict(second.tally.votes) == {"MIREPOIX Achille": 631193, "POMPANON Patrick": 137125}
    assert [c.number for c in second.candidates] == [2, 9]


def test_arrondissement_and_commune_identity() -> None:
    (ar01,) = results(PR2017 / "011/075/075056AR01.xml").entities
    assert ar01.place.level is Level.ARRONDISSEMENT
    assert (ar01.place.department, ar01.place.commune) == ("075", "056AR01")
    (abymes,) = results(PR2017 / "001/971/971101.xml").entities
    assert abymes.place.level is Level.COMMUNE
    assert (abymes.place.region, abymes.place.department, abymes.place.commune) == ("001", "971", "101")
    assert abymes.place.codes["CodDpt"] == "ZA"
    first = abymes.round(1)
    assert first is not None
    rate = next(r for r in first.rates if r.element.endswith("Abstentions/RapportInscrit"))
    assert rate.value == Fraction(3963, 100)  # "  39,63" read exactly
    assert (rate.numerator, rate.denominator) == (15128, 38171)


RESULT_FILES = [p for p in PR2017_FILES + SENATE_FILES if not p.name.endswith(("index.xml", "IDX.xml"))]


@pytest.mark.parametrize("path", RESULT_FILES, ids=lambda p: p.name)
def test_recomputed_percentages_agree_with_published(path: Path) -> None:
    doc = read_official_file(path)
    assert isinstance(doc, ResultFile)
    rates = [rate for e in doc.entities for r in e.rounds for rate in r.rates]
    assert rates
    disagreeing = [rate for rate in rates if not rate.agrees]
    assert disagreeing == []


def test_truncation_would_not_match_the_files() -> None:
    rates = [
        rate
        for path in PR2017_FILES
        if isinstance(doc := read_official_file(path), ResultFile)
        for e in doc.entities
        for r in e.rounds
        for rate in r.rates
    ]
    truncated = [r for r in rates if Fraction(10_000 * r.numerator // r.denominator, 100) == r.value]
    assert len(rates) == 308
    assert len(truncated) < len(rates) * 2 // 3  # so the Ministry rounds to nearest


@given(st.integers(0, 10**7), st.integers(1, 10**7))
def test_rounded_percent_is_within_half_a_hundredth(numerator: int, denominator: int) -> None:
    exact = Fraction(100 * numerator, denominator)
    for value in rounded_percent(numerator, denominator):
        assert abs(value - exact) <= Fraction(1, 200)
        assert (value * 100).denominator == 1


def test_national_index() -> None:
    doc = read_official_file(PR2017 / "index.xml")
    assert isinstance(doc, NationalIndex)
    assert [d.place.code for d in doc.departments] == ["971", "075", "069", "013"]
    assert [r.place.code for r in doc.regions] == ["001", "084", "093"]
    paris = doc.departments[1]
    assert paris.complete is True
    assert paris.updated == dt.datetime(2017, 3, 17, 15, 25, 15)
    assert paris.extracted == dt.datetime(2017, 3, 17, 15, 29, 48)
    assert doc.regions[2].place.name == "Provence-Alpes-Côte d'Azur"


def test_department_index_with_rhone_sections() -> None:
    doc = read_official_file(PR2017 / "084/069/069IDX.xml")
    assert isinstance(doc, DepartmentIndex)
    assert doc.round == 2
    assert doc.place.code == "069"
    assert [c.place.commune for c in doc.communes] == ["123"] + [f"123AR0{i}" for i in range(1, 6)]
    assert all(c.complete for c in doc.communes)
    assert [(s.place.code, s.place.level) for s in doc.sections] == [
        ("8469D", Level.SECTION),
        ("8469M", Level.SECTION),
    ]
    assert doc.sections[1].place.name == "Métropole de Lyon"


def test_senate_proportional_ain() -> None:
    (ain,) = results(SENATE / "R101.xml").entities
    assert (ain.place.level, ain.place.code, ain.place.name, ain.place.region) == (
        Level.CONSTITUENCY,
        "01",
        "Ain",
        "084",
    )
    assert (ain.seats_to_fill, ain.seats_filled) == (3, 3)
    (first,) = ain.rounds
    assert (first.registered, first.voters, first.blank, first.null, first.expressed) == (
        1956,
        1931,
        8,
        6,
        1917,
    )
    assert len(first.lists) == 7
    assert sum(item.votes for item in first.lists) == 1917
    winners = {item.head: item.seats for item in first.lists if item.seats}
    assert winners == {"BAUDE Véronique": 1, "BLATRIX CONTAT Florence": 1, "GOY-CHAVENT Sylvie": 1}
    assert sum(item.seats or 0 for item in first.lists) == 3
    dumas = first.lists[0]
    assert (dumas.number, dumas.votes, dumas.seats, dumas.head) == (7, 84, 0, "DUMAS Thibault")
    assert [c.order for c in dumas.candidates] == [1, 2, 3, 4, 5]
    assert first.tally.expressed == 1917


def test_senate_proportional_fehf() -> None:
    (zz,) = results(SENATE / "ZZ.xml").entities
    assert (zz.place.code, zz.place.region, zz.seats_to_fill) == ("ZZ", "000", 6)
    (first,) = zz.rounds
    assert len(first.lists) == 12
    assert sum(item.seats or 0 for item in first.lists) == 6
    assert first.expressed == sum(item.votes for item in first.lists) == 524
    elected = [c for item in first.lists for c in item.candidates if c.is_elected]
    assert len(elected) == 6
    cut = next(item for item in first.lists if item.name.endswith("Français de l'é"))
    assert len(cut.name) == 100
    assert cut.full_name.endswith("Français de l'étranger")


def test_senate_majoritarian_allier() -> None:
    (allier,) = results(SENATE / "R103.xml").entities
    assert (allier.place.name, allier.seats_to_fill, allier.seats_filled) == ("Allier", 2, 2)
    (first,) = allier.rounds
    assert first.names_per_ballot == 2
    assert first.expressed == 950
    assert sum(first.votes.values()) > 950
    tally = first.tally
    assert tally.names_per_ballot == 2
    assert tally.expressed == 950
    elected = {c.name: c.votes for c in first.candidates if c.is_elected}
    assert elected == {"ROJOUAN Bruno": 643, "MALHURET Claude": 636}
    assert first.candidates[0].nuance == "FI"


def test_senate_majoritarian_ardennes_two_rounds() -> None:
    (ardennes,) = results(SENATE / "R208.xml").entities
    first, second = ardennes.rounds
    assert (first.round, second.round) == (1, 2)
    assert [(c.name, c.votes) for c in first.candidates if c.is_elected] == [("JOSEPH Else", 477)]
    assert sum(c.is_qualified for c in first.candidates) == 6
    assert [(c.name, c.votes) for c in second.candidates if c.is_elected] == [("LAMÉNIE Marc", 466)]
    assert second.expressed == 894
    assert len(second.candidates) == 4


# ---- errors naming file, element and value ---------------------------------------------------------

PARIS = (PR2017 / "011/075/075.xml").read_bytes()


def test_missing_exprimes_is_named() -> None:
    start = PARIS.index(b"<Exprimes>")
    end = PARIS.index(b"</Exprimes>") + len(b"</Exprimes>")
    broken = PARIS[:start] + PARIS[end:]
    with pytest.raises(OfficialFileError) as info:
        read_bytes(broken, "075.xml")
    assert info.value.path == "075.xml"
    assert info.value.element == "Departement[075]/Tour[1]/Mentions/Exprimes"
    assert "missing" in str(info.value)


def test_absurd_vote_count_is_refused_not_carried() -> None:
    broken = PARIS.replace(b"<NbVoix>33695</NbVoix>", b"<NbVoix>" + str(10**30).encode() + b"</NbVoix>", 1)
    with pytest.raises(OfficialFileError) as info:
        read_bytes(broken, "075.xml")
    assert info.value.element == "Departement[075]/Tour[1]/Candidat[1]/NbVoix"
    assert "1000000000000000000000000000000" in str(info.value)
    assert "above" in str(info.value)
    assert MAX_COUNT < 10**9


@pytest.mark.parametrize(
    ("replacement", "words"),
    [
        (b"<NbVoix>-5</NbVoix>", "negative"),
        (b"<NbVoix>12,5</NbVoix>", "not a whole number"),
        (b"<NbVoix>abc</NbVoix>", "not a whole number"),
        (b"<NbVoix></NbVoix>", "not a whole number"),
    ],
)
def test_bad_counts_are_named(replacement: bytes, words: str) -> None:
    broken = PARIS.replace(b"<NbVoix>245840</NbVoix>", replacement, 1)
    with pytest.raises(OfficialFileError, match=words) as info:
        read_bytes(broken, "075.xml")
    assert info.value.element == "Departement[075]/Tour[1]/Candidat[2]/NbVoix"


def test_duplicate_candidate_is_refused() -> None:
    broken = PARIS.replace(b"<NumPanneauCand>3</NumPanneauCand>", b"<NumPanneauCand>2</NumPanneauCand>", 1)
    with pytest.raises(OfficialFileError, match="duplicate candidate number 2"):
        read_bytes(broken, "075.xml")


def test_duplicate_candidate_name_is_refused() -> None:
    broken = PARIS.replace(b"<NomPsn>ARBOCOL</NomPsn>", b"<NomPsn>MIREPOIX</NomPsn>", 1).replace(
        b"<PrenomPsn>Nadine</PrenomPsn>", b"<PrenomPsn>Achille</PrenomPsn>", 1
    )
    with pytest.raises(OfficialFileError, match="duplicate candidate 'MIREPOIX Achille'"):
        read_bytes(broken, "075.xml")


def test_bad_percentage_is_named() -> None:
    broken = PARIS.replace(
        b"<RapportExprime>   4,40</RapportExprime>", b"<RapportExprime>4.40</RapportExprime>"
    )
    with pytest.raises(OfficialFileError, match="French decimal") as info:
        read_bytes(broken, "075.xml")
    assert info.value.element == "Departement[075]/Tour[1]/Candidat[1]/RapportExprime"


def test_duplicate_round_is_refused() -> None:
    broken = PARIS.replace(b"<NumTour>2</NumTour>", b"<NumTour>1</NumTour>")
    with pytest.raises(OfficialFileError, match="round 1 appears twice"):
        read_bytes(broken, "075.xml")


def test_inconsistent_counts_read_but_tally_refuses() -> None:
    broken = PARIS.replace(b"<Nombre>766420</Nombre>", b"<Nombre>766421</Nombre>", 1)
    doc = read_bytes(broken, "075.xml")
    assert isinstance(doc, ResultFile)
    first = doc.entities[0].rounds[0]
    assert first.expressed == 766421
    with pytest.raises(OfficialFileError, match=r"075\.xml, Departement\[075\]/Tour\[1\]"):
        _ = first.tally


def test_not_an_election_file() -> None:
    with pytest.raises(OfficialFileError, match="root element"):
        read_bytes(b"<html/>", "page.xml")


def test_reference_and_candidatures_files() -> None:
    reference = read_bytes(
        """<Election><Scrutin><Type>Présidentielle</Type><Annee>2017</Annee></Scrutin><Regions>
        <Region><CodReg>11</CodReg><CodReg3Car>011</CodReg3Car><LibReg>Île-de-France</LibReg><Departements>
        <Departement><CodDpt>75</CodDpt><CodMinDpt>75</CodMinDpt><CodDpt3Car>075</CodDpt3Car><LibDpt>Paris</LibDpt>
        <Communes><Commune><CodSubCom>056</CodSubCom><LibSubCom>Paris</LibSubCom></Commune>
        <Commune><CodSubCom>056AR01</CodSubCom><LibSubCom>Paris 1er</LibSubCom></Commune></Communes>
        </Departement></Departements></Region></Regions></Election>""".encode(),
        "listeregdptcom.xml",
    )
    assert isinstance(reference, Reference)
    assert [p.key for p in reference.places] == [
        ("region", "011"),
        ("department", "011/075"),
        ("commune", "011/075/056"),
        ("arrondissement", "011/075/056AR01"),
    ]
    candidatures = read_bytes(
        """<Election><Scrutin><Type>Présidentielle</Type><Annee>2017</Annee></Scrutin><Candidats>
        <Candidat><NumPanneauCand>1</NumPanneauCand><NomPsn>HORTALA</NomPsn><PrenomPsn>Frédéric</PrenomPsn>
        <CivilitePsn>M.</CivilitePsn></Candidat></Candidats></Election>""".encode(),
        "CandidatureT1.xml",
    )
    assert isinstance(candidatures, Candidatures)
    assert [(c.number, c.name, c.civility) for c in candidatures.candidates] == [
        (1, "HORTALA Frédéric", "M.")
    ]


def test_france_entiere_and_department_communes_files() -> None:
    commune_block = PARIS.split(b"<Tours>")[1].split(b"</Tours>")[0]
    fe = (
        b"<Election><Scrutin><Type>P</Type><Annee>2017</Annee></Scrutin><Tours>"
        + commune_block
        + b"</Tours></Election>"
    )
    doc = read_bytes(fe, "FE.xml")
    assert isinstance(doc, ResultFile)
    assert doc.kind is FileKind.FRANCE
    assert doc.entities[0].place.key == ("france", "FE")
    many = (
        b"<Election><Scrutin><Type>P</Type><Annee>2017</Annee></Scrutin><Departement><CodDpt3Car>075</CodDpt3Car>"
        b"<Communes><Commune><CodSubCom>001</CodSubCom><Tours>" + commune_block + b"</Tours></Commune>"
        b"<Commune><CodSubCom>002</CodSubCom><Tours>" + commune_block + b"</Tours></Commune></Communes>"
        b"</Departement></Election>"
    )
    doc = read_bytes(many, "075com.xml")
    assert isinstance(doc, ResultFile)
    assert doc.kind is FileKind.DEPARTMENT_COMMUNES
    assert [e.place.commune for e in doc.entities] == ["001", "002"]
    dup = many.replace(b"<CodSubCom>002</CodSubCom>", b"<CodSubCom>001</CodSubCom>")
    with pytest.raises(OfficialFileError, match="appears twice"):
        read_bytes(dup, "075com.xml")


def test_rhone_section_file() -> None:
    tours = PARIS.split(b"<Tours>")[1].split(b"</Tours>")[0]
    data = (
        b"<Election><Scrutin><Type>P</Type><Annee>2017</Annee></Scrutin><Departement>"
        b"<CodReg>84</CodReg><CodReg3Car>084</CodReg3Car><CodDpt>69</CodDpt><CodDpt3Car>069</CodDpt3Car>"
        b"<Sections><Section><CodSec>8469M</CodSec><LibSec>M\xc3\xa9tropole de Lyon</LibSec><Tours>"
        + tours
        + b"</Tours></Section></Sections></Departement></Election>"
    )
    doc = read_bytes(data, "069M.xml")
    assert isinstance(doc, ResultFile)
    assert doc.kind is FileKind.SECTION
    (section,) = doc.entities
    assert section.place.key == ("section", "084/069/8469M")
    assert section.place.name == "Métropole de Lyon"
    assert section.element == "Departement[069]/Section[8469M]"


def test_io_package_exports_exist() -> None:
    import electoral_rules.io as io_package

    for name in io_package.__all__:
        assert hasattr(io_package, name), name
