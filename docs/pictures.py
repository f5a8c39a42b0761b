"""Write the pictures the documentation and the README show, from the library itself.

Run ``PYTHONPATH=src python docs/pictures.py`` after changing :mod:`electoral_rules.render.svg`;
``tests/test_docs.py`` fails while the files in ``docs/_static/`` differ from what this
script produces. The EU 2024 votes are read from ``tests/data/golden/`` (source in its README).
"""

from __future__ import annotations

import json
from pathlib import Path

import electoral_rules as er
from electoral_rules.render.europe import parliament_svg
from electoral_rules.render.svg import hemicycle_svg

HERE = Path(__file__).resolve().parent
GOLDEN = HERE.parent / "tests" / "data" / "golden" / "europeennes2024_france.json"

# Lists with seats, by panel number, in the usual left-to-right seating order, with a
# short name and a colour close to the one each party uses.
EU2024_SEATED = {
    4: ("La France insoumise", "#cc2443"),
    27: ("Réveiller l'Europe (PS-Place publique)", "#ff8080"),
    6: ("Europe Écologie", "#2e9e3e"),
    11: ("Besoin d'Europe (Ensemble)", "#f5b800"),
    18: ("Les Républicains", "#0066cc"),
    5: ("La France revient (RN)", "#0d378a"),
    3: ("La France fière (Reconquête)", "#404040"),
}


def eu2024_votes() -> tuple[dict[str, int], int]:
    """Votes per list (seated lists first, in seating order, with short names) and the exprimés."""
    data = json.loads(GOLDEN.read_text(encoding="utf-8"))
    by_panel = {item["panel_number"]: item for item in data["lists"]}
    votes = {name: by_panel[panel]["votes"] for panel, (name, _) in EU2024_SEATED.items()}
    for item in data["lists"]:
        if item["panel_number"] not in EU2024_SEATED:
            votes[item["short_name"]] = item["votes"]
    return votes, int(data["expressed"])


def pictures() -> dict[str, str]:
    """File name in ``docs/_static`` -> SVG text."""
    votes, expressed = eu2024_votes()
    eu = er.dhondt(votes, 81, threshold="5%", threshold_base=expressed)
    colors = dict(EU2024_SEATED.values())
    afp = er.dhondt({"A": 1023, "B": 258, "C": 253}, seats=5)
    return {
        "hemicycle-eu2024.svg": hemicycle_svg(
            eu, colors=colors, title="Élections européennes 2024 en France : 81 sièges"
        ),
        "hemicycle-afp.svg": hemicycle_svg(afp, title="Exemple de l'AFP : 5 sièges", width=480),
        "parliament-2024.svg": parliament_svg(2024, lang="en"),
        "parliament-2019.svg": parliament_svg(2019, lang="en"),
    }


if __name__ == "__main__":
    for name, svg in pictures().items():
        (HERE / "_static" / name).write_text(svg, encoding="utf-8")
        print("wrote", HERE / "_static" / name)
