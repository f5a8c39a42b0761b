"""Tests of the Senate's tables (Code électoral, tableaux n° 5 and n° 6) and renewals.

Figures come from the law (tableaux n° 5 and n° 6 as read in the LEGI export, copies in
``tests/data/senate/``), the Sénat press release on the 2014 renewal (seed 000), the AFP dispatch
of 23 September 2011 (seed 002) and the Ministry's 2026 result feed (``tests/data/senat2026-xml/``).
"""

from __future__ import annotations

import json
import re
import unicodedata
import xml.etree.ElementTree as ET
from datetime import date, datetime, timedelta
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from electoral_rules.errors import (
    ElectoralRulesError,
    InvalidArgumentError,
    UnknownConstituencyError,
    UnsupportedEraError,
)
from electoral_rules.france import senate_tables as st5
from electoral_rules.france.senate_tables import (
    Kind,
    Mode,
    Renewal,
    SenatePlace,
    TableVersion,
    expand_range,
    lookup,
    proportional_from,
    renewal,
    renewal_years,
    seats,
    series,
    series_seats,
    tableau5,
    tableau5_versions,
    tableau6,
    voting_mode,
    voting_mode_basis,
)
from electoral_rules.render.senate import renewal_json, renewal_table
from tests import common

DATA = common.DATA / "senate"
ALL_PLACES: tuple[SenatePlace, ...] = tuple(lookup(p.name) for p in st5.data.places())


def version(version_id: str) -> TableVersion:
    return next(v for v in tableau5_versions() if v.id == version_id)


# --------------------------------------------------------------------------- acceptance: renewals


def test_renewal_2014_matches_the_senat_press_release() -> None:
    """Seed 000: 178 seats of série 2, 119 PR and 59 majoritarian, 64 constituencies."""
    r = renewal(2014)
    assert (r.series, r.total_seats, r.printed_total, len(r.constituencies)) == ("2", 178, 178, 64)
    assert dict(r.constituencies_by_kind) == {
        Kind.METROPOLITAN_DEPARTMENT: 58,
        Kind.OVERSEAS_DEPARTMENT: 1,
        Kind.OVERSEAS_COLLECTIVITY: 4,
        Kind.FRENCH_ABROAD: 1,
    }
    assert r["FEHF"].seats == 6
    assert seats("FEHF", date=date(2014, 9, 28)) == 12
    assert dict(r.seats_by_mode) == {Mode.PROPORTIONAL: 119, Mode.MAJORITARIAN: 59}
    assert r.proportional_from == 3
    assert r.date == date(2014, 9, 28)
    assert r.table.law.startswith("loi n° 2010-1487")
    assert r.stage == 2011
    assert [c.name for c in r.constituencies if c.kind is Kind.OVERSEAS_COLLECTIVITY] == [
        "Polynésie française",
        "Saint-Barthélemy",
        "Saint-Martin",
        "Wallis-et-Futuna",
    ]


def test_renewal_2011_matches_the_afp_dispatch() -> None:
    """Seed 002: 112 PR seats (18 departments + FEHF), 58 majoritarian in 26 constituencies."""
    r = renewal(2011)
    assert (r.series, r.total_seats, r.proportional_from) == ("1", 170, 4)
    assert r.seats_by_mode[Mode.PROPORTIONAL] == 112
    pr = [c for c in r.constituencies if c.mode is Mode.PROPORTIONAL]
    assert len([c for c in pr if c.kind is not Kind.FRENCH_ABROAD]) == 18
    assert sum(c.seats for c in pr if c.kind is not Kind.FRENCH_ABROAD) == 106
    assert [c.name for c in pr if c.kind is Kind.FRENCH_ABROAD] == ["Français établis hors de France"]
    assert (r.seats_by_mode[Mode.MAJORITARIAN], r.constituencies_by_mode[Mode.MAJORITARIAN]) == (58, 26)
    assert r["Mayotte"].kind is Kind.OVERSEAS_DEPARTMENT  # a department since 31 March 2011
    assert r["Seine-et-Marne"].seats == 6
    assert r["Paris"].mode is Mode.PROPORTIONAL
    with pytest.raises(UnknownConstituencyError, match="Aube"):
        r["Aube"]


def test_renewal_2008_has_the_printed_114_with_saint_barthelemy_and_saint_martin() -> None:
    r = renewal(2008)
    assert (r.series, r.table.id, r.stage, r.proportional_from) == ("A", "2007-02-22", 2008, 4)
    table_rows = [c for c in r.constituencies if not c.basis.startswith("loi organique")]
    assert sum(c.seats for c in table_rows) == 112
    assert (r.total_seats, r.printed_total) == (114, 114)
    extra = [c for c in r.constituencies if c.basis.startswith("loi organique n° 2007-223")]
    assert [(c.name, c.seats, c.mode) for c in extra] == [
        ("Saint-Barthélemy", 1, Mode.MAJORITARIAN),
        ("Saint-Martin", 1, Mode.MAJORITARIAN),
    ]
    assert any("UNVERIFIED" in note and "114" in note for note in r.notes)
    assert r.legal_basis.endswith("loi organique n° 2007-223 du 21 février 2007, art. 18-IV")


def test_renewal_2004_is_serie_c_of_the_2004_text() -> None:
    r = renewal(2004)
    assert (r.series, r.table.id, r.total_seats, r.printed_total) == ("C", "2004-05-11", 127, 127)
    assert r["Mayotte"].kind is Kind.OVERSEAS_COLLECTIVITY
    assert r["Seine-et-Marne"].seats == 6
    assert r["Paris"].seats == 12
    assert r["FEHF"].seats == 4


def test_renewal_2026_matches_the_ministry_feed() -> None:
    """The 2026 XML: Ain 3 seats by lists, Allier and Ardennes 2 by name, ZZ 6 by lists."""
    r = renewal(2026)
    assert (r.series, r.date) == ("2", date(2026, 9, 27))
    paths = sorted((common.DATA / "senat2026-xml").glob("*.xml"))
    assert [p.name for p in paths] == ["R101.xml", "R103.xml", "R208.xml", "ZZ.xml"]
    for path in paths:
        root = ET.parse(path).getroot()
        circ = root.find(".//Circonscription")
        assert circ is not None
        code, n = circ.findtext("CodCirElec"), int(circ.findtext("NbSap") or "0")
        assert code is not None
        by_lists = circ.find(".//Listes") is not None
        c = r[code]
        assert c.name == lookup(circ.findtext("LibCirElec") or "").name
        assert c.seats == n
        assert c.mode is (Mode.PROPORTIONAL if by_lists else Mode.MAJORITARIAN)


# --------------------------------------------------------------------------- acceptance: tableau n° 5 totals

SERIES_TOTALS = [
    # version, stage, série, departments printed, total recomputed, total printed
    ("2004-05-11", 2004, "A", 96, 102, 102),
    ("2004-05-11", 2004, "B", 97, 102, 102),
    ("2004-05-11", 2004, "C", 120, 127, 127),
    ("2004-05-11", 2007, "A", 105, 112, 112),
    ("2004-05-11", 2007, "B", 97, 102, 102),
    ("2004-05-11", 2007, "C", 120, 127, 127),
    ("2004-05-11", 2010, "1", 159, 170, 170),
    ("2004-05-11", 2010, "2", 167, 176, 176),
    ("2005-12-16", 2004, "A", 96, 102, 102),
    ("2005-12-16", 2008, "A", 105, 112, 112),
    ("2005-12-16", 2008, "B", 97, 102, 102),
    ("2005-12-16", 2008, "C", 120, 127, 127),
    ("2005-12-16", 2011, "1", 159, 170, 170),
    ("2005-12-16", 2011, "2", 167, 176, 176),
    ("2007-02-22", 2008, "A", 105, 112, 114),
    ("2007-02-22", 2008, "B", 97, 102, 102),
    ("2007-02-22", 2008, "C", 120, 127, 127),
    ("2007-02-22", 2011, "1", 159, 170, 170),
    ("2007-02-22", 2011, "2", 167, 178, 178),
    ("2011-03-31", 2004, "C", 120, 127, 127),
    ("2011-03-31", 2008, "A", 105, 112, 114),
    ("2011-03-31", 2011, "1", 161, 170, 170),
    ("2011-03-31", 2011, "2", 167, 178, 178),
]


@pytest.mark.parametrize(("vid", "stage", "label", "departments", "total", "printed"), SERIES_TOTALS)
def test_series_totals(vid: str, stage: int, label: str, departments: int, total: int, printed: int) -> None:
    table = version(vid).stage(stage)[label]
    assert (table.departments_seats, table.printed_departments_total) == (departments, departments)
    assert table.total_seats == total
    assert table.printed_total == printed


def test_every_printed_total_is_recomputed_except_the_2008_serie_a_misprint() -> None:
    mismatches = set()
    for v in tableau5_versions():
        for stage in v.stages:
            for table in stage.series:
                assert table.departments_seats == table.printed_departments_total
                if table.total_seats != table.printed_total:
                    mismatches.add(
                        (v.id, stage.from_renewal, table.series, table.total_seats, table.printed_total)
                    )
    assert mismatches == {("2007-02-22", 2008, "A", 112, 114), ("2011-03-31", 2008, "A", 112, 114)}


def test_rows_are_recomputed_from_tableau_6_except_the_transitional_2004_figures() -> None:
    """Every row agrees with tableau n° 6, but the rows of séries A and B written in 2004."""
    transitional, unsplittable = set(), set()
    for v in tableau5_versions():
        for stage in v.stages:
            for table in stage.series:
                for row in table.rows:
                    if row.place_seats is None:
                        unsplittable.add((row.printed, row.seats))
                    if row.tableau6_seats is not None and row.tableau6_seats != row.seats:
                        transitional.add((row.printed, row.seats, row.tableau6_seats))
                        assert table.series in ("A", "B")
                        assert stage.from_renewal <= 2008
    assert transitional == {
        ("Ain à Indre", 95, 103),
        ("Guyane", 1, 2),
        ("Indre-et-Loire à Pyrénées-Orientales", 94, 97),
        ("La Réunion", 3, 4),
    }
    assert unsplittable == {("Ain à Indre", 95), ("Indre-et-Loire à Pyrénées-Orientales", 94)}


def test_the_transitional_range_cannot_be_split_between_departments() -> None:
    stage = version("2004-05-11").stage(2004)
    assert stage["A"].departments[0].place_seats is None
    with pytest.raises(UnsupportedEraError, match="transitional"):
        seats("Ain", date=date(2005, 1, 1))
    assert seats("La Réunion", date=date(2005, 1, 1)) == 3  # a row of one place states its seats
    assert seats("La Réunion", date=date(2011, 9, 25)) == 4


def test_whole_senate_totals() -> None:
    stage_2004 = version("2004-05-11").stage(2004)
    assert sum(t.total_seats for t in stage_2004.series) == 331
    current = tableau5().stage(2011)
    assert sum(t.total_seats for t in current.series) == 348
    assert sum(p.tableau6_seats or 0 for p in tableau6()) == 326


def test_range_rows_parse_to_the_places_the_data_names() -> None:
    for v in tableau5_versions():
        for stage in v.stages:
            for row in (r for t in stage.series for r in t.rows):
                assert expand_range(row.printed) == row.places


# --------------------------------------------------------------------------- acceptance: ranges


@pytest.mark.parametrize(
    ("text", "count", "total"),
    [
        ("Ain à Indre", 38, 103),
        ("Indre-et-Loire à Pyrénées-Orientales", 30, 97),
        ("Bas-Rhin à Yonne", 21, 68),
        ("Bas-Rhin à Yonne (à l'exception de la Seine-et-Marne)", 20, 62),
        ("Bas-Rhin à Yonne à l'exception de la Seine-et-Marne", 20, 62),
        ("Essonne à Yvelines", 7, 47),
        ("Guadeloupe, Martinique, La Réunion", 3, 9),
    ],
)
def test_range_sums(text: str, count: int, total: int) -> None:
    places = expand_range(text)
    assert len(places) == count
    assert sum(p.tableau6_seats or 0 for p in places) == total


def test_range_traps() -> None:
    ain_indre = [p.name for p in expand_range("Ain à Indre")]
    assert ain_indre.index("Territoire de Belfort") == ain_indre.index("Aveyron") + 1
    assert ain_indre[20:22] == ["Corse-du-Sud", "Haute-Corse"]
    assert [p.name for p in expand_range("Essonne à Yvelines")] == [
        "Essonne",
        "Paris",
        "Hauts-de-Seine",
        "Seine-Saint-Denis",
        "Val-de-Marne",
        "Val-d'Oise",
        "Yvelines",
    ]
    bas_rhin_yonne = [p.name for p in expand_range("Bas-Rhin à Yonne")]
    assert "Seine-et-Marne" in bas_rhin_yonne
    assert "Paris" not in bas_rhin_yonne
    assert "Yvelines" not in bas_rhin_yonne
    # A naive reading by INSEE code gives wrong sums: 01 to 36 (with 2A, 2B) leaves out Belfort (90).
    by_code = [p for p in tableau6() if p.code and ("01" <= p.code <= "36" or p.code in ("2A", "2B"))]
    assert (len(by_code), sum(p.tableau6_seats or 0 for p in by_code)) == (37, 102)


def test_range_errors() -> None:
    with pytest.raises(InvalidArgumentError, match="not a range"):
        expand_range("Indre à Ain")
    with pytest.raises(UnknownConstituencyError):
        expand_range("Ain à Atlantis")
    with pytest.raises(InvalidArgumentError):
        expand_range(3)  # type: ignore[arg-type]


# --------------------------------------------------------------------------- voting mode by era


@pytest.mark.parametrize(
    ("on", "threshold"),
    [
        (1965, 5),
        (1998, 5),
        (date(2000, 7, 10), 5),
        (date(2000, 7, 11), 3),
        (2001, 3),
        (2004, 4),
        (2008, 4),
        (2011, 4),
        (date(2013, 8, 2), 4),
        (date(2013, 8, 3), 3),
        (2014, 3),
        (2026, 3),
    ],
)
def test_proportional_threshold_by_era(on: date | int, threshold: int) -> None:
    day = date(on, 9, 1) if isinstance(on, int) else on  # a year stands for its September renewal
    assert proportional_from(day) == proportional_from(date=day.isoformat()) == threshold
    assert voting_mode(threshold, day) is Mode.PROPORTIONAL
    assert voting_mode(threshold - 1, date=day) is Mode.MAJORITARIAN


def test_fehf_always_proportional() -> None:
    for year in (1998, 2004, 2011, 2014):
        assert voting_mode(1, date(year, 9, 1), kind=Kind.FRENCH_ABROAD) is Mode.PROPORTIONAL


@pytest.mark.parametrize("bad", [0, -1, True, 2.0, "3"])
def test_voting_mode_rejects_bad_seats(bad: Any) -> None:
    with pytest.raises(InvalidArgumentError, match="seats"):
        voting_mode(bad, "2014-09-28")


def test_voting_mode_errors() -> None:
    with pytest.raises(UnsupportedEraError):
        voting_mode(3, "1959-09-01")
    with pytest.raises(InvalidArgumentError):
        voting_mode(3, "2014")
    with pytest.raises(InvalidArgumentError, match="time of day"):
        voting_mode(3, datetime(2014, 9, 28, 8, 0))
    with pytest.raises(InvalidArgumentError):
        voting_mode(3, 0)  # type: ignore[arg-type]
    with pytest.raises(InvalidArgumentError, match="date= only"):
        proportional_from("2014-09-28", on=date(2014, 9, 28))


def test_none_is_the_rule_in_force_today() -> None:
    today = date.today()
    assert proportional_from() == proportional_from(today)
    assert voting_mode_basis() == voting_mode_basis(today)
    assert tableau5() == tableau5(today) == tableau5_versions()[-1]
    assert dict(series_seats("FEHF")) == dict(series_seats("FEHF", date=today))


# --------------------------------------------------------------------------- lookup


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Rhin (Bas-)", "Bas-Rhin"),
        ("Bas-Rhin", "Bas-Rhin"),
        ("BAS RHIN", "Bas-Rhin"),
        ("67", "Bas-Rhin"),
        ("2A", "Corse-du-Sud"),
        ("2b", "Haute-Corse"),
        ("1", "Ain"),
        ("01", "Ain"),
        ("cote d'or", "Côte-d'Or"),
        ("Côte-d’Or", "Côte-d'Or"),
        ("Belfort (Territoire de)", "Territoire de Belfort"),
        ("Sèvres (Deux-)", "Deux-Sèvres"),
        ("Réunion", "La Réunion"),
        ("la reunion", "La Réunion"),
        ("974", "La Réunion"),
        ("976", "Mayotte"),
        ("Iles Wallis et Futuna", "Wallis-et-Futuna"),
        ("Îles Wallis-et-Futuna", "Wallis-et-Futuna"),
        ("FEHF", "Français établis hors de France"),
        ("ZZ", "Français établis hors de France"),
        ("saint barthelemy", "Saint-Barthélemy"),
    ],
)
def test_lookup_accepts_printed_modern_names_and_codes(text: str, name: str) -> None:
    assert lookup(text).name == name


def test_lookup_suggests_close_names() -> None:
    with pytest.raises(UnknownConstituencyError, match="did you mean 'Bas-Rhin'") as err:
        lookup("Bas-Rhinn")
    assert isinstance(err.value, LookupError)
    assert isinstance(err.value, ElectoralRulesError)
    with pytest.raises(UnknownConstituencyError, match="'Corse-du-Sud', 'Haute-Corse'"):
        lookup("Corse")
    with pytest.raises(UnknownConstituencyError, match=r"^unknown Senate constituency 'qqqq'$"):
        lookup("qqqq")
    with pytest.raises(InvalidArgumentError):
        lookup(67)  # type: ignore[arg-type]


# --------------------------------------------------------------------------- seats and series on a date


def test_seats_and_series_on_dates() -> None:
    assert seats("Nord") == 11
    assert series("Nord") == "1"
    assert series("Territoire de Belfort") == "2"
    assert series("Seine-et-Marne") == "1"
    assert series("Seine-Maritime") == "2"
    assert series("Paris", date=date(2008, 1, 1)) == "C"
    assert series("Paris") == "1"
    assert series("Ain", date=date(2008, 9, 20)) == "A"  # stage of 2004, but Ain's row cannot be split
    assert seats("Guyane", date=date(2008, 9, 20)) == 1
    assert seats("Guyane", date=date(2008, 9, 21)) == 2
    assert seats("Polynésie française", date=date(2008, 9, 21)) == 2
    assert seats("Nouvelle-Calédonie", date=date(2011, 9, 24)) == 1
    assert seats("Nouvelle-Calédonie", date=date(2011, 9, 25)) == 2
    assert dict(series_seats("FEHF", date=date(2005, 1, 1))) == {"A": 4, "B": 4, "C": 4}
    assert seats("Mayotte", date="2011-10-01") == 2


def test_seats_and_series_errors() -> None:
    with pytest.raises(UnsupportedEraError, match="2004"):
        seats("Paris", date=date(2004, 9, 25))
    with pytest.raises(UnsupportedEraError):
        series("Paris", date=date(1990, 1, 1))
    with pytest.raises(InvalidArgumentError, match="several series"):
        series("Français établis hors de France")
    with pytest.raises(UnknownConstituencyError, match="not listed"):
        seats("Saint-Martin", date=date(2009, 1, 1))
    with pytest.raises(InvalidArgumentError, match="datetime"):
        seats("Paris", date=2014)  # type: ignore[arg-type]
    with pytest.raises(InvalidArgumentError, match="time of day"):
        series("Paris", date=datetime(2014, 9, 28, 12, 0))
    with pytest.raises(InvalidArgumentError, match="date"):
        series_seats("Paris", date="28/09/2014")
    with pytest.raises(UnknownConstituencyError):
        seats("Atlantis")


# --------------------------------------------------------------------------- renewal errors


@pytest.mark.parametrize("year", [2005, 2006, 2007, 2009, 2010, 2012, 2013, 2015, 2024, 2025, 2027])
def test_years_without_renewal(year: int) -> None:
    with pytest.raises(InvalidArgumentError, match=f"no partial renewal of the Senate in {year}"):
        renewal(year)


def test_postponed_renewals_say_why() -> None:
    with pytest.raises(InvalidArgumentError, match="from 2007 to 2008"):
        renewal(2007)


@pytest.mark.parametrize("year", [1959, 1998, 2001, 2003])
def test_years_before_the_tables(year: int) -> None:
    with pytest.raises(UnsupportedEraError, match="2004"):
        renewal(year)


@pytest.mark.parametrize("bad", ["2014", 2014.0, True, None])
def test_renewal_rejects_non_int_years(bad: Any) -> None:
    with pytest.raises(InvalidArgumentError, match="year"):
        renewal(bad)


def test_renewal_years() -> None:
    assert renewal_years(2030) == (2004, 2008, 2011, 2014, 2017, 2020, 2023, 2026, 2029)
    assert renewal_years(2003) == ()
    with pytest.raises(InvalidArgumentError):
        renewal_years("2030")  # type: ignore[arg-type]


def test_records_validate() -> None:
    r = renewal(2014)
    with pytest.raises(InvalidArgumentError, match="distinct"):
        Renewal(
            year=2014,
            date=None,
            series="2",
            table=r.table,
            stage=2011,
            constituencies=r.constituencies[:1] * 2,
            printed_total=178,
            proportional_from=3,
            voting_mode_basis="",
            legal_basis="",
        )
    with pytest.raises(InvalidArgumentError, match="positive"):
        st5.Constituency(
            name="X",
            printed_name="X",
            code=None,
            seats=0,
            series="1",
            mode=Mode.MAJORITARIAN,
            kind=Kind.METROPOLITAN_DEPARTMENT,
            basis="",
        )
    with pytest.raises(InvalidArgumentError, match="no série"):
        tableau5().stage(2011)["A"]
    with pytest.raises(InvalidArgumentError, match="no stage"):
        tableau5().stage(2014)


# --------------------------------------------------------------------------- data against reference copies


def test_tableau6_matches_the_reference_copy() -> None:
    ref = json.loads((DATA / "senate-tableau6.json").read_text(encoding="utf-8"))
    assert [(p.printed_name, p.tableau6_seats) for p in tableau6()] == [
        (row["departement"], row["senateurs"]) for row in ref["rows"]
    ]
    assert [p.position for p in tableau6()] == list(range(1, 101))


def _flat_figures(text: str) -> list[int]:
    """The numbers of a flattened tableau n° 5 text, after its section headings."""
    body = text.split("ainsi rédigé", 1)[1]
    body = re.sub(r"renouvellement partiel de \d{4}|SÉRIE [ABC12]|n° 5", " ", body)
    return [int(n) for n in re.findall(r"\d+", body)]


def test_tableau5_matches_the_reference_text() -> None:
    """Every figure of each stored version appears in the LEGI text, in printed order."""
    ref = json.loads((DATA / "senate-tableau5-versions.json").read_text(encoding="utf-8"))
    texts = {v["date_in_repo"][:10]: v["text_flattened"] for v in ref["versions"]}
    for v in tableau5_versions():
        figures = _flat_figures(texts[v.id])
        ours: list[int] = []
        for stage in v.stages:
            for table in stage.series:
                ours += [row.seats for row in table.rows] + [
                    table.printed_departments_total,
                    table.printed_total,
                ]
        assert sorted(ours) == sorted(figures), v.id
        assert v.source.endswith(")")
        assert next(x["commit"] for x in ref["versions"] if x["date_in_repo"][:10] == v.id) in v.source
    assert [v.in_force_from.isoformat() for v in tableau5_versions()] == [
        "2004-05-11",
        "2005-12-16",
        "2007-02-22",
        "2011-03-31",
    ]
    for older, newer in zip(tableau5_versions(), tableau5_versions()[1:], strict=False):
        assert older.in_force_until == newer.in_force_from - timedelta(days=1)


def test_the_package_data_records_sources_and_absent_versions() -> None:
    text = (st5.data.DATA / "senate_tableau6.json").read_text(encoding="utf-8")
    data = json.loads(text)
    assert data["in_force_from"] == "2003-07-31"
    assert "2003-697" in data["version"]
    assert any("ABSENT" in note for note in data["notes"])


# --------------------------------------------------------------------------- rendering


def test_renewal_table_fr_and_en() -> None:
    fr = renewal_table(renewal(2014))
    assert (
        fr.splitlines()[0] == "Renouvellement partiel de 2014 : série 2, 178 sièges dans 64 circonscriptions"
    )
    assert "  proportionnel : 119 sièges, 30 circonscriptions" in fr
    assert "  majoritaire : 59 sièges, 34 circonscriptions" in fr
    assert "  départements d'outre-mer : 2 sièges, 1 circonscription" in fr
    assert "Total : 178 sièges (total imprimé au tableau : 178)" in fr
    en = renewal_table(renewal(2008), "en")
    assert "Total: 114 seats (printed total in the table: 114)" in en
    assert "Notes" in en
    # the tables' remarks are English data: the French table says so
    assert "Notes des tables (en anglais, avec leurs sources)" in renewal_table(renewal(2008), "fr")
    assert "18-IV" in en
    with pytest.raises(InvalidArgumentError, match="lang"):
        renewal_table(renewal(2014), "de")  # type: ignore[arg-type]


def test_renewal_json_is_json() -> None:
    data = renewal_json(renewal(2011))
    again = json.loads(json.dumps(data, ensure_ascii=False))
    assert again == data
    assert again["seats_by_mode"] == {"proportional": 112, "majoritarian": 58}
    assert again["constituencies_by_kind"]["overseas_department"] == 4
    assert len(again["constituencies"]) == 45
    assert again["table"]["in_force_until"] is None
    assert again["date"] == "2011-09-25"


# --------------------------------------------------------------------------- properties

YEARS = renewal_years(2050)


@given(st.sampled_from(YEARS))
def test_renewal_is_consistent(year: int) -> None:
    r = renewal(year)
    names = [c.name for c in r.constituencies]
    assert len(names) == len(set(names))
    assert sum(c.seats for c in r.constituencies) == r.total_seats == r.printed_total
    assert sum(r.seats_by_mode.values()) == sum(r.seats_by_kind.values()) == r.total_seats
    assert sum(r.constituencies_by_mode.values()) == len(r.constituencies)
    for c in r.constituencies:
        assert c.series == r.series
        assert c.mode is voting_mode(c.seats, r.date or date(year, 9, 1), kind=c.kind)
        if r.date is not None and not c.basis.startswith("loi organique"):
            assert series_seats(c.name, date=r.date)[r.series] == c.seats


@given(
    st.sampled_from(ALL_PLACES), st.sampled_from([str.upper, str.lower, str.title, str.strip]), st.booleans()
)
def test_lookup_by_code_and_by_name_agree(place: SenatePlace, case: Any, strip_accents: bool) -> None:
    def fold(text: str) -> str:
        text = case(text)
        if strip_accents:
            text = "".join(ch for ch in unicodedata.normalize("NFKD", text) if not unicodedata.combining(ch))
        return text

    assert lookup(fold(place.name)) == place
    assert lookup(fold(place.printed_name)) == place
    if place.code is not None:
        assert lookup(fold(place.code)) == place


@given(st.dates(min_value=date(2011, 9, 25), max_value=date(2100, 12, 31)))
def test_current_senate_has_348_seats(on: date) -> None:
    assert sum(sum(series_seats(p.name, date=on).values()) for p in ALL_PLACES) == 348


@given(st.integers(min_value=1, max_value=20), st.integers(min_value=1965, max_value=2100))
def test_voting_mode_is_monotone_in_seats(n: int, year: int) -> None:
    if voting_mode(n, date(year, 9, 1)) is Mode.PROPORTIONAL:
        assert voting_mode(n + 1, date(year, 9, 1)) is Mode.PROPORTIONAL


def test_2020_renewal_notes_the_fehf_seats_elected_in_2021() -> None:
    """Série 2's FEHF senators were elected in September 2021 (LO 2020-976; UNVERIFIED)."""
    r = renewal(2020)
    assert r.total_seats == 178
    assert any("2021" in note and "2020-976" in note and "172" in note for note in r.notes)
    assert not any("2021" in note for note in renewal(2014).notes + renewal(2026).notes)


@pytest.mark.parametrize("year", [10**4, 10**6, 10**30])
def test_renewal_years_are_bounded(year: int) -> None:
    with pytest.raises(UnsupportedEraError, match="2004 to 9999"):
        renewal(year)
    with pytest.raises(UnsupportedEraError, match="2004 to 9999"):
        renewal_years(year)


def test_renewal_years_up_to_the_last_year_are_quick() -> None:
    years = renewal_years(9999)
    assert years[:3] == (2004, 2008, 2011) and years[-1] <= 9999


def test_place_is_a_deprecated_name_of_senate_place() -> None:
    import electoral_rules.france.senate_tables as tables

    with pytest.warns(DeprecationWarning, match="SenatePlace"):
        assert tables.Place is SenatePlace
