"""The hemicycle of the whole European Parliament (:func:`electoral_rules.render.europe.parliament_svg`):
every seat drawn once, each state's seats in its own colour and group, the same bytes each time."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections import Counter

import pytest

from electoral_rules import europe
from electoral_rules.errors import InvalidArgumentError, UnsupportedEraError
from electoral_rules.render.europe import (
    STATE_COLORS,
    STATE_NAMES,
    ParliamentHemicycle,
    parliament_svg,
    state_name,
)

SVG = "{http://www.w3.org/2000/svg}"
TERMS = [(2019, False, 751), (2019, True, 705), (2024, False, 720)]
LABEL = re.compile(r"^.+ \(([A-Z]{2})\)$")


def _seats_by_state(svg: str) -> dict[str, int]:
    root = ET.fromstring(svg)
    found: dict[str, int] = {}
    for group in root.iter(f"{SVG}g"):
        match = LABEL.match(group.attrib.get("data-list", ""))
        if match:
            found[match.group(1)] = sum(1 for c in group.iter(f"{SVG}circle") if c.attrib.get("class") == "seat")
    return found


@pytest.mark.parametrize(("year", "after_brexit", "total"), TERMS)
@pytest.mark.parametrize("lang", ["fr", "en"])
def test_every_seat_of_the_decision_is_drawn_in_its_state_s_group(
    year: int, after_brexit: bool, total: int, lang: str
) -> None:
    svg = parliament_svg(year, after_brexit=after_brexit, lang=lang)  # type: ignore[arg-type]
    root = ET.fromstring(svg)
    seats = [c for c in root.iter(f"{SVG}circle") if c.attrib.get("class") == "seat"]
    decision = europe.parliament(year, after_brexit=after_brexit)
    assert len(seats) == sum(decision.values()) == total
    assert _seats_by_state(svg) == dict(decision)
    by_colour = Counter(c.attrib["fill"] for c in seats)
    assert by_colour == Counter({STATE_COLORS[state]: n for state, n in decision.items()})


def test_the_legend_names_each_state_with_its_seats() -> None:
    svg = parliament_svg(2024, lang="en")
    legend = [t.text for t in ET.fromstring(svg).iter(f"{SVG}text") if t.attrib.get("class") == "legend"]
    assert len(legend) == 27
    assert "Germany (DE) — 96 seats" in legend and "Malta (MT) — 6 seats" in legend
    french = parliament_svg(2024)
    assert "Allemagne (DE) — 96 sièges" in french and "Grèce (EL) — 21 sièges" in french
    assert "Parlement européen, élection de 2024 : 720 sièges par État membre" in french
    assert "composition after Brexit" in parliament_svg(2019, after_brexit=True, lang="en")


def test_output_is_deterministic_and_colours_are_stable_across_years() -> None:
    assert parliament_svg(2019) == parliament_svg(2019)
    assert ParliamentHemicycle(year=2024).svg == parliament_svg(2024)
    assert len(set(STATE_COLORS.values())) == len(STATE_COLORS) == 28
    fill_2019 = _fills(parliament_svg(2019))
    fill_2024 = _fills(parliament_svg(2024))
    assert all(fill_2019[s] == fill_2024[s] for s in fill_2024)


def _fills(svg: str) -> dict[str, str]:
    out = {}
    for group in ET.fromstring(svg).iter(f"{SVG}g"):
        match = LABEL.match(group.attrib.get("data-list", ""))
        if match:
            out[match.group(1)] = next(c.attrib["fill"] for c in group.iter(f"{SVG}circle"))
    return out


def test_states_in_the_decision_s_order_and_named_in_both_languages() -> None:
    assert list(STATE_NAMES)[:27] == list(europe.parliament(2024))
    assert list(STATE_NAMES) == list(europe.parliament(2019))
    assert state_name("UK", "fr") == "Royaume-Uni"


def test_bad_input_is_a_library_error() -> None:
    with pytest.raises(UnsupportedEraError, match="2014"):
        parliament_svg(2014)
    with pytest.raises(InvalidArgumentError, match="'de'"):
        parliament_svg(2024, lang="de")  # type: ignore[arg-type]
    with pytest.raises(InvalidArgumentError, match="'GR'"):
        state_name("GR")
    with pytest.raises(InvalidArgumentError, match="2024"):
        parliament_svg(2024, after_brexit=True)
