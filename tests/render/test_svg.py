"""Tests for :mod:`electoral_rules.render.svg`: the hemicycle and the bar chart.

Every picture is parsed with :mod:`xml.etree.ElementTree` (so it is well-formed XML) and
its seats are counted per colour and per list.
"""

from __future__ import annotations

import unicodedata
import xml.etree.ElementTree as ET
from collections import Counter
from collections.abc import Mapping
from typing import Any

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

import electoral_rules as er
from electoral_rules.errors import InvalidArgumentError, InvalidTallyError
from electoral_rules.render.svg import (
    PALETTE,
    UNDETERMINED_COLOR,
    BarChart,
    Hemicycle,
    bar_chart_svg,
    hemicycle_rows,
    hemicycle_svg,
)
from tests.common import DATA

SVG = "{http://www.w3.org/2000/svg}"
GOLDEN = DATA / "golden"


def seats_by_color(svg: str) -> Counter[str]:
    root = ET.fromstring(svg)
    return Counter(c.attrib["fill"] for c in root.iter(f"{SVG}circle") if c.attrib.get("class") == "seat")


def seats_by_list(svg: str) -> dict[str, int]:
    root = ET.fromstring(svg)
    return {
        g.attrib["data-list"]: sum(1 for c in g.iter(f"{SVG}circle") if c.attrib.get("class") == "seat")
        for g in root.iter(f"{SVG}g")
        if "data-list" in g.attrib
    }


@pytest.fixture
def eu2024(europeennes2024: dict[str, Any]) -> tuple[dict[str, int], dict[str, int], int]:
    data = europeennes2024
    votes = {f"{item['panel_number']} {item['short_name']}": item["votes"] for item in data["lists"]}
    official = {f"{item['panel_number']} {item['short_name']}": item["seats"] for item in data["lists"]}
    return votes, official, data["expressed"]


def test_eu2024_hemicycle_has_81_seats_coloured_by_count(
    eu2024: tuple[dict[str, int], dict[str, int], int],
) -> None:
    votes, official, expressed = eu2024
    allocation = er.dhondt(votes, 81, threshold="5%", threshold_base=expressed)
    assert dict(allocation) == official
    svg = hemicycle_svg(allocation, title="Européennes 2024")
    by_color = seats_by_color(svg)
    assert sum(by_color.values()) == 81
    assert sorted(by_color.values(), reverse=True) == [30, 13, 13, 9, 6, 5, 5]
    # Each list's colour carries exactly its seats; the lists without a seat have none.
    assert seats_by_list(svg) == {n: s for n, s in official.items() if s}
    assert dict(zip(PALETTE[:7], [30, 13, 13, 9, 6, 5, 5], strict=True)) == dict(by_color)
    root = ET.fromstring(svg)
    assert root.attrib["role"] == "img"
    assert root.find(f"{SVG}title") is not None
    assert root.findtext(f"{SVG}title") == "Européennes 2024"
    desc = root.findtext(f"{SVG}desc") or ""
    assert desc.startswith("Hémicycle de 81 sièges : 5 La FRANCE REVIENT 30 sièges")
    assert "33 GAUCHE UNIE 0 siège" in desc
    assert "31 autres listes sans siège" in svg


def test_eu2024_bar_chart(eu2024: tuple[dict[str, int], dict[str, int], int]) -> None:
    votes, _, expressed = eu2024
    allocation = er.dhondt(votes, 81, threshold="5%", threshold_base=expressed)
    svg = bar_chart_svg(allocation, min_vote_share="1%")
    root = ET.fromstring(svg)
    rows = [g.attrib["data-list"] for g in root.iter(f"{SVG}g")]
    assert rows[-1] == "Autres listes (26)"
    assert len(rows) == 13
    assert "31,3… % des voix · 37,0… % des sièges" in svg


def test_deterministic_and_pure() -> None:
    seats = {"A": 4, "B": 1, "C": 0}
    assert hemicycle_svg(seats) == hemicycle_svg(dict(seats))
    allocation = er.dhondt({"A": 1023, "B": 258, "C": 253}, 5)
    assert bar_chart_svg(allocation) == bar_chart_svg(allocation)


def test_afp_example_in_english() -> None:
    allocation = er.dhondt({"A": 1023, "B": 258, "C": 253}, 5)
    svg = hemicycle_svg(allocation, lang="en")
    root = ET.fromstring(svg)
    assert root.findtext(f"{SVG}title") == "Seat allocation"
    assert root.findtext(f"{SVG}desc") == "Hemicycle of 5 seats: A 4 seats, B 1 seat, C 0 seats."
    assert seats_by_list(svg) == {"A": 4, "B": 1}
    assert "1 other list without a seat" in svg


def test_colors_given_by_mapping_and_sequence() -> None:
    svg = hemicycle_svg({"A": 2, "B": 3}, colors={"B": "navy"})
    assert seats_by_color(svg) == Counter({"navy": 3, PALETTE[0]: 2})
    svg = hemicycle_svg({"A": 2, "B": 3}, colors=["#abc", "#123456"])
    assert seats_by_color(svg) == Counter({"#abc": 2, "#123456": 3})
    # A palette colour taken by hand is not handed out again.
    svg = hemicycle_svg({"A": 2, "B": 3}, colors={"B": PALETTE[0]})
    assert seats_by_color(svg) == Counter({PALETTE[0]: 3, PALETTE[1]: 2})


def test_many_lists_get_distinct_colors() -> None:
    seats = {f"L{i}": 1 for i in range(60)}
    assert set(seats_by_color(hemicycle_svg(seats)).values()) == {1}


def test_undetermined_seats_are_grey() -> None:
    tie_break = er.TieBreak(criteria=(), if_unresolved=er.IfUnresolved.REPORT)
    allocation = er.dhondt({"A": 20, "B": 10, "C": 10}, 2, tie_break=tie_break)
    assert allocation.undetermined == 1
    svg = hemicycle_svg(allocation, lang="en")
    assert seats_by_color(svg)[UNDETERMINED_COLOR] == 1
    assert sum(seats_by_color(svg).values()) == 2
    assert "undetermined (unresolved tie)" in svg


def test_names_are_escaped() -> None:
    svg = hemicycle_svg({'<A & "B">': 2, "C'": 1}, show_empty=True)
    assert seats_by_list(svg) == {'<A & "B">': 2, "C'": 1}


@pytest.mark.parametrize(
    ("seats", "kwargs", "error"),
    [
        ({"A": 0}, {}, InvalidArgumentError),
        ({}, {}, InvalidArgumentError),
        ({"A": -1}, {}, InvalidTallyError),
        ({"A": 1.0}, {}, InvalidTallyError),
        ({"A": 1}, {"colors": {"A": "red;stroke:x"}}, InvalidArgumentError),
        ({"A": 1}, {"colors": "red"}, InvalidArgumentError),
        ({"A": 1}, {"lang": "de"}, InvalidArgumentError),
        ({"A": 1}, {"width": 10}, InvalidArgumentError),
        ([("A", 1)], {}, InvalidArgumentError),
    ],
)
def test_bad_input_raises_library_errors(seats: object, kwargs: dict[str, object], error: type) -> None:
    with pytest.raises(error):
        hemicycle_svg(seats, **kwargs)  # type: ignore[arg-type]


def test_bar_chart_needs_an_allocation() -> None:
    with pytest.raises(InvalidArgumentError, match="needs an Allocation"):
        bar_chart_svg({"A": 1})  # type: ignore[arg-type]


def test_notebook_wrappers() -> None:
    allocation = er.dhondt({"A": 60, "B": 40}, 3)
    picture = Hemicycle(seats=allocation, title="T")
    assert picture._repr_svg_() == hemicycle_svg(allocation, title="T") == str(picture)
    chart = BarChart(allocation=allocation, lang="en")
    assert chart._repr_svg_() == bar_chart_svg(allocation, lang="en") == str(chart)


@pytest.mark.parametrize(
    ("seats", "rows"), [(1, (1,)), (3, (3,)), (4, (4,)), (11, (11,)), (12, (5, 7)), (15, (6, 9)), (16, (6, 10))]
)
def test_rows_small_houses(seats: int, rows: tuple[int, ...]) -> None:
    assert hemicycle_rows(seats) == rows


@given(st.integers(min_value=1, max_value=1200))
@example(1)
@example(577)
@example(1000)
def test_rows_hold_every_seat_outer_rows_larger(seats: int) -> None:
    rows = hemicycle_rows(seats)
    assert sum(rows) == seats
    assert all(n >= 1 for n in rows)
    assert list(rows) == sorted(rows)


names = (
    st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")), min_size=1, max_size=12)
    .map(lambda s: unicodedata.normalize("NFC", s.strip()))
    .filter(lambda s: s != "" and s.strip() == s)
)  # a list's name is never blank nor spaced, and is NFC (Tally refuses the others)


@st.composite
def allocations(draw: st.DrawFn) -> dict[str, int]:
    lists = draw(st.lists(names, min_size=1, max_size=12, unique=True))
    counts = draw(st.lists(st.integers(0, 120), min_size=len(lists), max_size=len(lists)))
    if sum(counts) == 0:
        counts[0] = 1
    return dict(zip(lists, counts, strict=True))


@given(allocations(), st.sampled_from(["fr", "en"]))
@example({"A": 1000}, "fr")
def test_any_allocation_renders_exactly_its_seats(seats: Mapping[str, int], lang: str) -> None:
    svg = hemicycle_svg(seats, lang=lang, show_empty=True)  # type: ignore[arg-type]
    assert seats_by_list(svg) == {name: n for name, n in seats.items() if n}
    by_color = seats_by_color(svg)
    assert sorted(by_color.values()) == sorted(n for n in seats.values() if n)
    root = ET.fromstring(svg)
    assert root.findtext(f"{SVG}title")
    assert len(root.findall(f"{SVG}rect")) == len(seats)  # one legend swatch per list


@given(allocations())
def test_any_allocation_bar_chart_is_valid_xml(seats: dict[str, int]) -> None:
    votes = {name: n * 7 + 1 for name, n in seats.items()}
    report = er.TieBreak(if_unresolved=er.IfUnresolved.REPORT)  # equal votes may tie
    allocation = er.dhondt(votes, sum(seats.values()), tie_break=report)
    root = ET.fromstring(bar_chart_svg(allocation))
    assert len([r for r in root.iter(f"{SVG}rect") if r.attrib["class"] == "bar-seats"]) == len(seats)
