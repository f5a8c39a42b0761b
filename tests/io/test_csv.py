"""The open-data tables (CSV/TXT): reading every sample layout, and verifying them.

Samples in ``tests/data/official-formats/`` (sources in its README.md).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import shutil
from pathlib import Path

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from electoral_rules.errors import ElectoralRulesError, NoMajorityError, OfficialFileError, UnresolvedTieError
from electoral_rules.france import municipal
from electoral_rules.io import Level, Verdict, verify_path
from electoral_rules.io.ministry_csv import detect_encoding, insee_department, open_open_data, read_open_data
from electoral_rules.io.verify_opendata import quick_l262
from tests import common

DATA = common.DATA / "official-formats"
MUN2020 = DATA / "mun2020_t1_2020-05-18-resultats-communes-de-1000-et-plus__TRANSCRIBED_utf8.tsv"
MN2026 = DATA / "mn2026_t1_sample-2026-layout-rendered.csv"
LG2024 = DATA / "lg2024_t1_circo_une_ligne_par_candidat__cp850.csv"
HEADER_2026 = MN2026.read_text(encoding="utf-8").splitlines()[0]

# file -> (layout, election, year, round, encoding, places)
EXPECTED = {
    "dp2015_t2_Departementales_2015_Resultats_Tour2_par_canton__latin1.csv": (
        "wide",
        "départementales",
        2015,
        2,
        "cp1252",
        26,
    ),
    "eu2019_resultats-definitifs-par-departement__resaved_utf8_comma.csv": (
        "wide",
        "européennes",
        2019,
        None,
        "utf-8",
        5,
    ),
    "lg2022_t1_resultats-par-niveau-cirlg-t1-france-entiere__latin1.csv": (
        "wide",
        "législatives",
        2022,
        1,
        "cp1252",
        11,
    ),
    "lg2024_t1_circo_une_ligne_par_candidat__cp850.csv": (
        "one row per candidate",
        "législatives",
        2024,
        1,
        "cp850",
        5,
    ),
    "mn2014_t1_communes_1000plus__opendatasoft_reexport_utf8.csv": (
        "wide, numbered",
        "municipales",
        2014,
        1,
        "utf-8",
        3,
    ),
    "mn2014_t2_muni-2014-resultats-com-1000-et-plus-t2__excerpt_utf8.txt": (
        "wide",
        "municipales",
        2014,
        2,
        "utf-8",
        1,
    ),
    "mn2026_t1_sample-2026-layout-rendered.csv": ("wide, numbered", "municipales", 2026, 1, "utf-8", 83),
    "mun2020_t1_2020-05-18-resultats-communes-de-1000-et-plus__TRANSCRIBED_utf8.tsv": (
        "wide",
        "municipales",
        2020,
        1,
        "utf-8",
        9,
    ),
    "senat_ODSEN_GENERAL__latin1_excerpt.csv": ("senators list", "sénatoriales", None, None, "cp1252", 3),
    "lg2024_t1_resultats-definitifs-par-circonscriptions__official.xlsx": (
        "wide, numbered",
        "législatives",
        2024,
        1,
        "xlsx",
        577,
    ),
    "eu2024_resultats-temporaires-par-region__official.xlsx": (
        "wide, numbered",
        "européennes",
        2024,
        None,
        "xlsx",
        18,
    ),
    "pr2022_t2_resultats-par-niveau-dpt-t2-france-entiere__official.xlsx": (
        "wide",
        "présidentielle",
        2022,
        2,
        "xlsx",
        107,
    ),
    "eu2019_Resultats-definitifs-par-region__official.xls": ("wide", "européennes", 2019, None, "xls", 18),
}
XLSX = sorted(name for name in EXPECTED if name.endswith(".xlsx"))
XLS = DATA / "eu2019_Resultats-definitifs-par-region__official.xls"
LG2024_XLSX = DATA / "lg2024_t1_resultats-definitifs-par-circonscriptions__official.xlsx"


def copy(tmp_path: Path, *names: str) -> Path:
    for name in names:
        shutil.copy(DATA / name, tmp_path / name)
    return tmp_path


# -- reading ---------------------------------------------------------------------------


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_every_sample_is_read_with_its_layout(name: str) -> None:
    table = open_open_data(DATA / name)
    layout = table.layout
    entities = list(table.entities)
    assert (
        layout.name,
        layout.election,
        layout.year,
        layout.round,
        table.encoding,
        len(entities),
    ) == EXPECTED[name]
    assert all(entity.line is not None and entity.line >= 2 for entity in entities)


def test_every_sample_file_is_in_the_table() -> None:
    assert sorted(path.name for path in DATA.iterdir() if path.suffix != ".md") == sorted(EXPECTED)


def test_xlsx_without_the_extra_names_it(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import importlib

    real = importlib.import_module

    def no_openpyxl(name: str, package: str | None = None) -> object:
        if name == "openpyxl":
            raise ImportError("No module named 'openpyxl'")
        return real(name, package)

    monkeypatch.setattr(importlib, "import_module", no_openpyxl)
    (error,) = verify_path(DATA / XLSX[0]).errors
    assert "optional extra 'xlsx'" in error.message and "pip install 'electoral-rules[xlsx]'" in error.message


def test_xls_without_the_extra_names_it(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import importlib

    real = importlib.import_module

    def no_xlrd(name: str, package: str | None = None) -> object:
        if name == "xlrd":
            raise ImportError("No module named 'xlrd'")
        return real(name, package)

    monkeypatch.setattr(importlib, "import_module", no_xlrd)
    (error,) = verify_path(XLS).errors
    assert "reading a .xls table needs the optional extra 'xlsx'" in error.message


def test_a_damaged_xls_is_unreadable_and_the_run_goes_on(tmp_path: Path) -> None:
    copy(tmp_path, XLS.name)
    (tmp_path / "damaged.xls").write_bytes(b"\xd0\xcf\x11\xe0 not a workbook")
    report = verify_path(tmp_path)
    (error,) = report.errors
    assert Path(error.path).name == "damaged.xls" and "not a readable .xls workbook" in error.message
    assert report.agreed["votes add up to expressed"] == 18


def test_the_xls_sample_agrees_with_the_law() -> None:
    report = verify_path(XLS)
    assert report.exit_code == 0 and not report.errors
    assert report.agreed["votes add up to expressed"] == 18


def test_xlsx_tables_read_like_the_csv_ones() -> None:
    table = read_open_data(LG2024_XLSX)
    first = table.entities[0]
    assert (first.place.code, first.place.name, first.line) == ("01-01", "1ère circonscription", 2)
    item = first.rounds[0]
    assert ("line 2", "% Votants", 7120, 2, 61830, 86843) in item.rate_data  # '71,20%' as text
    guadeloupe = next(entity for entity in table.entities if entity.place.department == "971")
    assert guadeloupe.place.code == "971-01"
    elected = [
        person.name
        for entity in table.entities
        for person in entity.rounds[0].candidates
        if person.is_elected
    ]
    assert len(elected) == 76  # the 76 elected in round 1 (official-formats README)


def test_municipales_2020_values_and_seats() -> None:
    table = read_open_data(MUN2020)
    first = table.entities[0]
    assert (first.place.code, first.place.name, first.place.department, first.line) == (
        "01004",
        "Ambérieu-en-Bugey",
        "01",
        2,
    )
    item = first.rounds[0]
    assert (item.registered, item.voters, item.blank, item.null, item.expressed) == (8109, 2856, 32, 58, 2766)
    assert [(party.votes, party.seats, party.community_seats) for party in item.lists] == [
        (1410, 26, 11),
        (607, 3, 1),
        (119, 0, 0),
        (630, 4, 1),
    ]
    # doubled quotes inside a TAB file: "Liste d'Union ""Tous unis pour Ceyzériat"""
    names = [party.name for entity in table.entities for party in entity.rounds[0].lists]
    assert any('"' in name for name in names)


def test_zero_padding_blank_and_null_merged_and_sector_rows() -> None:
    t2 = read_open_data(DATA / "mn2014_t2_muni-2014-resultats-com-1000-et-plus-t2__excerpt_utf8.txt")
    item = t2.entities[0].rounds[0]
    assert (item.registered, item.blank, item.null, item.expressed) == (
        8198,
        211,
        0,
        4368,
    )  # 'Blancs et nuls'
    ods = read_open_data(DATA / "mn2014_t1_communes_1000plus__opendatasoft_reexport_utf8.csv")
    paris = ods.entities[0]
    assert (paris.place.level, paris.place.code) == (Level.SECTOR, "75056SR17")
    assert [party.sector_seats for party in paris.rounds[0].lists][:4] == [0, 0, 3, 1]


def test_cp850_is_detected_not_read_as_latin1() -> None:
    table = read_open_data(LG2024)
    assert table.encoding == "cp850"
    first = table.entities[0]
    assert first.place.name == "1ère circonscription"
    assert first.rounds[0].candidates[0].first_name == "Éric"
    assert detect_encoding(LG2024.read_bytes()[:4096]) == "cp850"


def test_department_codes_are_insee_codes() -> None:
    lg2022 = read_open_data(DATA / "lg2022_t1_resultats-par-niveau-cirlg-t1-france-entiere__latin1.csv")
    codes = [entity.place.code for entity in lg2022.entities]
    assert "2A-01" in codes and "971-01" in codes and "ZZ-01" in codes  # 2A, ZA, ZZ
    lg2024 = read_open_data(LG2024)
    assert [entity.place.code for entity in lg2024.entities] == ["01-01", "01-02", "62-11", "976-01", "ZZ-01"]
    assert insee_department("1") == "01" and insee_department("ZD") == "974"


def test_percentages_as_text_with_percent_sign_and_trailing_zeros(tmp_path: Path) -> None:
    text = HEADER_2026 + "\n" + _row_2026(pct="61,74%") + "\n"
    path = tmp_path / "municipales-2026-t1.csv"
    path.write_text(text, encoding="utf-8")
    item = read_open_data(path).entities[0].rounds[0]
    assert ("line 2/group 1", "% Voix/exprimés 1", 6174, 2, 90, 90) in item.rate_data


# -- verifying the samples ---------------------------------------------------------------


def test_the_samples_agree_with_the_law_but_four_official_constituencies(tmp_path: Path) -> None:
    report = verify_path(DATA)
    assert report.exit_code == 1, report.to_text()
    assert not report.errors and not report.unreadable_rows
    # the Ministry's definitive législatives 2024 table: in four constituencies the candidates'
    # votes do not add up to the expressed votes it prints (by 1 or 2 votes)
    faults = sorted((f.place, f.check, f.expected, f.found) for f in report.disagreements)
    assert faults == [
        ("16-02", "votes add up to expressed", "55103", "55105"),
        ("27-04", "votes add up to expressed", "61699", "61698"),
        ("34-04", "votes add up to expressed", "85355", "85354"),
        ("75-02", "votes add up to expressed", "56416", "56418"),
    ]
    assert all(f.path == LG2024_XLSX.as_posix() for f in report.disagreements)
    agreed = report.agreed
    assert agreed["council seats (L262)"] >= 12
    assert agreed["community seats (L273-8)"] == 9
    assert agreed["arrondissement-council seats of the sector (L262, L272-5)"] == 1
    assert agreed["elected flags"] >= 40 + 577 and agreed["qualified flags"] == 3
    assert agreed["serving senators = seats of the constituency"] == 3
    assert agreed["percentage rounded to 2 decimals"] > 2000
    assert report.skipped == ((DATA / "README.md").as_posix(),)


def test_2026_sample_names_the_communes_where_the_law_is_silent() -> None:
    report = verify_path(MN2026)
    assert report.exit_code == 0
    undetermined = report.undetermined
    passed_on = [f for f in undetermined if "shares the rest" in f.message]
    vacant = [f for f in undetermined if "left vacant, as when" in f.message]
    assert len(passed_on) == 11 and len(passed_on) + len(vacant) == len(undetermined)
    villecelin = next(f for f in passed_on if f.place == "18283")
    assert (villecelin.place_name, villecelin.line) == ("Villecelin", 50)
    assert villecelin.expected.endswith("6, Vivre et Agir Ensemble pour Villecelin 1")
    assert villecelin.found.endswith("5, Vivre et Agir Ensemble pour Villecelin 2")
    bossus = next(f for f in vacant if f.place == "08073")
    assert "council of 7" in bossus.message


def test_changing_one_lists_seats_is_named_and_the_rest_still_checked(tmp_path: Path) -> None:
    copy(tmp_path, MUN2020.name)
    path = tmp_path / MUN2020.name
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    assert lines[1].startswith("1\tAin\t4\tAmbérieu-en-Bugey")
    lines[1] = lines[1].replace("\tUNIS POUR AMBERIEU\t26\t", "\tUNIS POUR AMBERIEU\t27\t", 1)
    path.write_text("".join(lines), encoding="utf-8")
    report = verify_path(path)
    assert report.exit_code == 1
    (finding,) = report.disagreements
    assert (finding.path, finding.line, finding.place, finding.place_name) == (
        path.as_posix(),
        2,
        "01004",
        "Ambérieu-en-Bugey",
    )
    assert finding.check == "council seats (L262)" and "L262" in finding.legal_basis
    assert "UNIS POUR AMBERIEU 26" in finding.expected and "UNIS POUR AMBERIEU 27" in finding.found
    assert finding.message == (
        "the seat total 34 is no council size of CGCT L2121-2: on 33 seats, L262 gives every list its printed "
        "seats but 'UNIS POUR AMBERIEU' (26, printed 27); on 35 seats, L262 gives every list its printed seats "
        "but 'AMBERIEU CITOYENNE' (4, printed 3)"
    )
    assert report.agreed["council seats (L262)"] == 8  # the 8 other communes
    assert report.agreed["community seats (L273-8)"] == 7  # every commune with seats, this one too
    text = report.to_text()
    assert f"{path.as_posix()}, line 2, 01004 Ambérieu-en-Bugey: council seats (L262)" in text


def test_a_seat_moved_between_lists_is_a_disagreement(tmp_path: Path) -> None:
    copy(tmp_path, MUN2020.name)
    path = tmp_path / MUN2020.name
    text = path.read_text(encoding="utf-8")
    text = text.replace("\tUNIS POUR AMBERIEU\t26\t", "\tUNIS POUR AMBERIEU\t27\t", 1)
    text = text.replace("\tAMBERIEU CITOYENNE\t3\t", "\tAMBERIEU CITOYENNE\t2\t", 1)
    path.write_text(text, encoding="utf-8")
    report = verify_path(path)
    (finding,) = report.disagreements
    assert (finding.line, finding.place, finding.message) == (
        2,
        "01004",
        "33 seats: bonus {'UNIS POUR AMBERIEU': 17}",
    )
    assert (
        finding.expected
        == "UNIS POUR AMBERIEU 26, AMBERIEU CITOYENNE 3, LUTTE OUVRIERE - FAIRE ENTENDRE LE CAMP DES TRAVAILLEURS 0, VIVONS NOTRE VILLE 4"
    )


def test_wrong_elected_flag_and_arithmetic_are_findings(tmp_path: Path) -> None:
    name = "lg2022_t1_resultats-par-niveau-cirlg-t1-france-entiere__latin1.csv"
    copy(tmp_path, name)
    path = tmp_path / name
    data = path.read_bytes().replace(b";RN;8971;10,41;21,46;", b";RN;8971;10,41;21,46;Elu", 1)
    data = data.replace(b";Complet;86187;43652;", b";Complet;86187;43650;", 1)
    path.write_bytes(data)
    report = verify_path(path)
    checks = {(f.check, f.line) for f in report.disagreements}
    assert ("elected flags", 2) in checks
    assert ("abstentions = registered - voters", 2) in checks
    arithmetic = next(f for f in report.disagreements if f.check.startswith("abstentions"))
    assert "L65" in arithmetic.legal_basis and arithmetic.place == "01-01"


def test_json_report_has_digests_counts_and_version(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from electoral_rules.cli import main

    code = main(["verify", "--json", str(MUN2020)])
    document = json.loads(capsys.readouterr().out)
    assert code == 0 and document["exit_code"] == 0
    (source,) = document["sources"]
    assert source["sha256"] == hashlib.sha256(MUN2020.read_bytes()).hexdigest()
    assert (source["encoding"], source["election"], source["places"]) == ("utf-8", "municipales", 9)
    assert document["counts"]["places"] == 9 and document["library_version"]


def test_round_from_the_caller(tmp_path: Path) -> None:
    path = tmp_path / "communes.csv"  # a name without the round
    shutil.copy(MN2026, path)
    unknown = verify_path(path)
    assert {f.check for f in unknown.not_checked} == {"council seats (L262)"}
    assert all("round is not known" in f.message for f in unknown.not_checked)
    given_round = verify_path(path, round=1)
    assert not given_round.not_checked and given_round.agreed["council seats (L262)"] > 20


# -- bad input ----------------------------------------------------------------------------


def _row_2026(votes: str = "90", seats: str = "11", pct: str = "100,00", count: str = "107") -> str:
    cells = ["01", "Ain", "01006", "Ambléon", count, "93", "86,92", "14", "13,08", "90", "84,11", "96,77"]
    cells += ["1", "0,93", "1,08", "2", "1,87", "2,15"]
    cells += ["1", "", "", "", "", "TOUS", "TOUS ENSEMBLE", votes, "84,11", pct, "", seats, ""]
    cells += [""] * (len(HEADER_2026.split(";")) - len(cells))
    return ";".join(f'"{cell}"' for cell in cells)


def _table(tmp_path: Path, *rows: str, name: str = "municipales-2026-t1.csv") -> Path:
    path = tmp_path / name
    path.write_text("\n".join((HEADER_2026, *rows)) + "\n", encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("row", "message"),
    [
        (_row_2026(count="10.5"), "'Inscrits' = '10.5' is not a whole number"),
        (_row_2026(count="-3"), "'Inscrits' = '-3' is negative"),
        (_row_2026(votes="beaucoup"), "'Voix 1' (group 1) = 'beaucoup' is not a whole number"),
        (_row_2026(seats="onze"), "'Sièges au CM 1' (group 1) = 'onze' is not a number of seats"),
        (_row_2026(pct="abc"), "'% Voix/exprimés 1' (group 1) = 'abc' is not a percentage"),
        ('"01";"Ain";"01006"', "truncated row"),
        (";".join(_row_2026().split(";")[:25]), "truncated row: group 1 has 7 of its 13 columns"),
    ],
)
def test_a_bad_row_is_a_finding_with_its_line_and_the_rest_is_checked(
    tmp_path: Path, row: str, message: str
) -> None:
    path = _table(tmp_path, _row_2026(), row, _row_2026())
    report = verify_path(path)
    assert report.exit_code == 1
    (bad,) = report.unreadable_rows
    assert (bad.path, bad.line, bad.verdict) == (path.as_posix(), 3, Verdict.UNREADABLE)
    assert message in bad.message
    assert report.agreed["council seats (L262)"] == 2  # lines 2 and 4
    assert "UNREADABLE ROW" in report.to_text()


def test_unknown_layout_names_the_columns_expected(tmp_path: Path) -> None:
    path = tmp_path / "results.csv"
    path.write_text("Commune;Votes\nParis;12\n", encoding="utf-8")
    report = verify_path(path)
    assert report.exit_code == 2
    (error,) = report.errors
    assert error.path == path.as_posix()
    assert "unknown layout: expected" in error.message and "'Inscrits'" in error.message
    assert "found 'Commune', 'Votes'" in error.message


def test_empty_file(tmp_path: Path) -> None:
    path = tmp_path / "empty.csv"
    path.write_bytes(b"")
    (error,) = verify_path(path).errors
    assert (error.path, error.message) == (path.as_posix(), "empty file")


def test_mixed_encoding_is_a_finding(tmp_path: Path) -> None:
    path = _table(tmp_path, _row_2026(), _row_2026())
    data = path.read_bytes().splitlines(keepends=True)
    data[2] = data[2].replace("Ambléon".encode(), "Ambléon".encode("latin-1"))
    path.write_bytes(b"".join(data))
    report = verify_path(path)
    (bad,) = report.unreadable_rows
    assert bad.line == 3 and "mixed encoding" in bad.message
    # and the other way round: UTF-8 bytes in a Latin-1 file
    latin = tmp_path / "lg2022_t1_mixed.csv"
    original = (DATA / "lg2022_t1_resultats-par-niveau-cirlg-t1-france-entiere__latin1.csv").read_bytes()
    lines = original.splitlines(keepends=True)
    lines[3] = lines[3].replace("è".encode("latin-1"), "è".encode())
    latin.write_bytes(b"".join(lines))
    report = verify_path(latin)
    assert [f.line for f in report.unreadable_rows] == [4]
    assert report.agreed["elected flags"] == 10


def test_a_mixed_directory(tmp_path: Path) -> None:
    copy(tmp_path, MUN2020.name, LG2024.name)
    shutil.copy(common.DATA / "senat2026-xml" / "R101.xml", tmp_path / "R101.xml")
    (tmp_path / "notes.md").write_text("# notes\n", encoding="utf-8")
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "sheet.ods").write_bytes(b"PK\x03\x04")
    report = verify_path(tmp_path)
    assert report.exit_code == 2
    assert sorted(Path(error.path).name for error in report.errors) == ["empty.txt", "sheet.ods"]
    assert "save it as CSV" in next(e.message for e in report.errors if e.path.endswith(".ods"))
    assert [Path(path).name for path in report.skipped] == ["notes.md"]
    formats = sorted(source.format for source in report.sources)
    assert formats == ["open data", "open data", "xml"]
    assert report.agreed["council seats (L262)"] == 9 and report.agreed["elected flags"] == 5


# -- the integer L262 against the rule ---------------------------------------------------


def _rule(votes: list[int], seats: int, round: int) -> tuple[int, ...] | None:
    names = [f"L{index}" for index in range(len(votes))]
    try:
        result = municipal.allocate(
            dict(zip(names, votes, strict=True)), seats, round=round, date=dt.date(2020, 3, 15)
        )
    except NoMajorityError:
        return (0,) * len(votes)
    except UnresolvedTieError:
        return None
    return tuple(result.seats.get(name, 0) for name in names)


@given(
    votes=st.lists(st.integers(min_value=0, max_value=400), min_size=1, max_size=6),
    seats=st.integers(min_value=1, max_value=35),
    round=st.sampled_from([1, 2]),
)
@example(votes=[362, 188], seats=15, round=1)
@example(votes=[40, 40, 20], seats=7, round=2)
@example(votes=[30, 30, 40], seats=3, round=1)
@example(votes=[45, 35, 20], seats=1, round=1)
@example(votes=[60, 40], seats=1, round=1)
@example(votes=[50, 2, 2, 46], seats=11, round=2)
def test_quick_l262_is_the_rule(votes: list[int], seats: int, round: int) -> None:
    quick = quick_l262(votes, seats, round)
    if quick is None:
        return
    try:
        expected = _rule(votes, seats, round)
    except ElectoralRulesError:
        return
    if expected is not None:
        assert quick == expected


def test_quick_l262_with_a_cap_shares_the_seats_on() -> None:
    # Villecelin 2026: 7 seats, 39 and 25 votes; the leading list stopped at 5 seats
    assert quick_l262([39, 25], 7, 1) == (6, 1)
    assert quick_l262([39, 25], 7, 1, cap=(0, 5)) == (5, 2)


def test_open_data_errors_raise_without_a_handler(tmp_path: Path) -> None:
    path = _table(tmp_path, _row_2026(count="x"))
    with pytest.raises(OfficialFileError, match=r"line 2: 'Inscrits' = 'x' is not a whole number"):
        read_open_data(path)


def _commune_2026(code: str, name: str, votes: list[int], seats: list[int]) -> str:
    expressed = sum(votes)
    registered, voters = expressed + 100, expressed

    def pct(n: int, d: int) -> str:
        hundredths = (20_000 * n + d) // (2 * d)
        return f"{hundredths // 100},{hundredths % 100:02d}"

    cells = [code[:3] if code.startswith("9") else code[:2], "", code, name, str(registered), str(voters)]
    cells += [
        pct(voters, registered),
        "100",
        pct(100, registered),
        str(expressed),
        pct(expressed, registered),
    ]
    cells += ["100,00", "0", "0,00", "0,00", "0", "0,00", "0,00"]
    for index, (count, won) in enumerate(zip(votes, seats, strict=True), start=1):
        cells += [str(index), "", "", "", "", f"L{index}", f"L{index}", str(count)]
        cells += [pct(count, registered), pct(count, expressed), "", str(won), ""]
    cells += [""] * (len(HEADER_2026.split(";")) - len(cells))
    return ";".join(f'"{cell}"' for cell in cells)


def test_new_caledonia_small_communes_without_bonus(tmp_path: Path) -> None:
    # Belep 2026 (reference §3.13): 15 seats, plus forte moyenne without a bonus (L435)
    belep = _commune_2026("98801", "Belep", [343, 31, 46, 191, 87], [8, 0, 1, 4, 2])
    report = verify_path(_table(tmp_path, belep))
    assert report.exit_code == 0 and not report.disagreements and not report.not_checked
    assert report.agreed["council seats, New Caledonia under 1 000 inhabitants (L429, L435)"] == 1
    wrong = _commune_2026("98801", "Belep", [343, 31, 46, 191, 87], [9, 0, 0, 4, 2])
    (finding,) = verify_path(_table(tmp_path, wrong, name="mn2026_t1_belep.csv")).disagreements
    assert "L435" in finding.legal_basis and finding.expected.startswith("L1 8, L2 0, L3 1")
    # the same figures in a commune of metropolitan France disagree with L262 (no majority)
    elsewhere = _commune_2026("01999", "Ailleurs", [343, 31, 46, 191, 87], [8, 0, 1, 4, 2])
    (disagreement,) = verify_path(_table(tmp_path, elsewhere, name="mn2026_t1_other.csv")).disagreements
    assert disagreement.expected.endswith("0") and "L262" in disagreement.legal_basis


def test_vacancies_say_whether_the_council_is_complete(tmp_path: Path) -> None:
    # 11 seats by L262 give A 10, B 1; A holds 8: two seats left vacant, 9 members remain
    row = _commune_2026("01998", "Vacances", [70, 20], [8, 1])
    (finding,) = verify_path(_table(tmp_path, row)).undetermined
    assert "council of 11 with 2 seat(s)" in finding.message
    assert (
        "with 9 of 11 members the council is réputé complet (CGCT L2121-2-1: at least 9)" in finding.message
    )


def test_the_2026_city_council_of_paris(tmp_path: Path) -> None:
    # loi n° 2025-795: 163 seats, a bonus of a quarter (41) to the list with the majority
    votes = [60_000, 40_000, 30_000]
    right = _commune_2026("75056", "Paris", votes, [98, 37, 28])
    half_bonus = _commune_2026("75056", "Paris", votes, [112, 29, 22])  # as if the bonus were half
    report = verify_path(_table(tmp_path, right, half_bonus, name="mn2026_t2_paris.csv"))
    assert report.agreed["city council seats (L262, L272-4-1)"] == 1
    (finding,) = report.disagreements
    assert (finding.line, finding.place, finding.expected) == (3, "75056", "L1 98, L2 37, L3 28")
    assert "L272-4-1" in finding.legal_basis


def test_a_2026_sector_table(tmp_path: Path) -> None:
    # a sector table in the 2026 layout with the sector's code in its own column (layout not
    # sampled: the Ministry's sector file could not be read); Paris 7e, 11 seats (reference §3.2)
    fixed = HEADER_2026.split(";")
    header = ";".join([*fixed[:4], '"Code secteur"', '"Libellé secteur"', *fixed[4:]])
    row = _commune_2026("75056", "Paris", [6000, 2500, 700], [10, 1, 0]).split(";")
    good = ";".join([*row[:4], '"7"', '"Paris 7e secteur"', *row[4:]])
    bad = ";".join([*row[:4], '"5"', '"Paris 5e secteur"', *row[4:]])  # sector 5 has 13 seats
    path = tmp_path / "mn2026_t1_secteurs.csv"
    path.write_text(f"{header}\n{good}\n{bad}\n", encoding="utf-8")
    report = verify_path(path)
    places = {(f.place, f.place_name) for f in report.disagreements}
    assert places == {("75056SR05", "Paris 5e secteur")}
    (finding,) = [f for f in report.disagreements if "size" in f.check]
    assert finding.check == "sector council size (L261, loi n° 2025-795)"
    assert (finding.expected, finding.found, finding.line) == ("13", "11", 3)
    assert report.agreed["sector council size (L261, loi n° 2025-795)"] == 1
    assert report.agreed["sector council seats (L262, L261 al.2)"] == 1  # sector 7
    (seats,) = [f for f in report.findings if f.check == "sector council seats (L262, L261 al.2)"]
    assert (seats.verdict, seats.line, seats.expected) == (Verdict.DISAGREES, 3, "L1 11, L2 2, L3 0")


def test_progress_within_a_table_and_the_bar_waits_a_second(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from electoral_rules import cli
    from electoral_rules.io.verify import PROGRESS_ROWS

    path = _table(tmp_path, *([_row_2026()] * (PROGRESS_ROWS + 1)))
    calls: list[tuple[int, int, str]] = []
    report = verify_path(path, progress=lambda done, total, where: calls.append((done, total, where)))
    assert report.counts()["places"] == PROGRESS_ROWS + 1
    assert calls[0] == (0, 1, f"{path.as_posix()}:{PROGRESS_ROWS + 1}")  # the place read last so far
    assert calls[-1] == (1, 1, path.as_posix())
    waiting = cli._ProgressBar(delay=3600)
    waiting(1, 2, "a.csv")
    assert not waiting.shown and capsys.readouterr().err == ""
    drawing = cli._ProgressBar(delay=0)
    drawing(1, 2, "a.csv")
    assert drawing.shown and "1/2 a.csv" in capsys.readouterr().err
