"""Pictures without dependencies: a hemicycle (parliament arch) and a votes-against-seats bar chart.

Both functions return SVG text: pure, deterministic (the same input gives the same bytes),
valid XML, accessible (``role="img"`` with a ``<title>`` and a ``<desc>`` that states every
seat count in words). Nothing is read or written; save the text wherever you like.

>>> import electoral_rules as er
>>> svg = hemicycle_svg(er.dhondt({"A": 1023, "B": 258, "C": 253}, seats=5))
>>> svg.startswith("<svg") and svg.count('class="seat"')
5
>>> print(svg.split('<desc id="er-desc">')[1].split("</desc>")[0])
Hémicycle de 5 sièges : A 4 sièges, B 1 siège, C 0 siège.

**How the arch is drawn.** The rows follow the layout of David Richfield's parliament
diagram tool (the one behind most Wikipedia hemicycles): with ``k`` rows, row ``i``
(``i = 1..k``, inside out) has radius ``(3k + 4i - 2) / 4k`` and room for
``floor(π (3k + 4i - 2) / 4)`` seats; the number of rows is the smallest ``k`` whose rows
hold every seat. The seats are shared among the rows in proportion to their room
(largest remainder, exact integers, outer rows first on equal remainders), so that rows
are evenly spaced. Seats are then filled from left to right, sweeping the arch by angle,
list after list in the order given; seats left undetermined by an unresolved tie are
drawn last, in grey. Floating point is used only for coordinates (rounded to 0.01 px),
never for a count.

**Colours.** ``colors`` may map list names to CSS colours (``"#e4003b"``, ``"#abc"`` or a
named colour such as ``"navy"``) or give a sequence used in list order; lists without a
colour take the next one from :data:`PALETTE`, then generated hues that never repeat.

For notebooks, :class:`Hemicycle` and :class:`BarChart` wrap the same calls and show
themselves inline (``_repr_svg_``).
"""

from __future__ import annotations

import itertools
import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from fractions import Fraction
from xml.sax.saxutils import escape, quoteattr

from .._exact import Share, as_count, as_share
from ..errors import InvalidArgumentError
from ..outcome import Allocation
from .numbers import Lang

__all__ = [
    "PALETTE",
    "UNDETERMINED_COLOR",
    "BarChart",
    "Hemicycle",
    "bar_chart_svg",
    "hemicycle_rows",
    "hemicycle_svg",
]


PALETTE: tuple[str, ...] = (
    "#0072b2",  # blue
    "#e69f00",  # orange
    "#009e73",  # bluish green
    "#cc79a7",  # reddish purple
    "#56b4e9",  # sky blue
    "#d55e00",  # vermilion
    "#f0e442",  # yellow
    "#332288",  # indigo
    "#88ccee",  # cyan
    "#117733",  # green
    "#aa4499",  # purple
    "#882255",  # wine
    "#999933",  # olive
    "#44aa99",  # teal
    "#ddcc77",  # sand
)
"""The default colours, in the order lists take them: the Okabe–Ito colour-blind-safe
palette, then Paul Tol's muted palette. Beyond these, hues are generated."""

UNDETERMINED_COLOR = "#bbbbbb"
"""Grey, for seats an unresolved tie left without a winner."""

_COLOR = re.compile(r"^(#[0-9a-fA-F]{3}|#[0-9a-fA-F]{6}|[a-zA-Z]{3,20})$")

_WORDS: dict[str, dict[str, str]] = {
    "fr": {
        "seat": "siège",
        "seats": "sièges",
        "title": "Répartition des sièges",
        "hemicycle": "Hémicycle de {n} {seats}",
        "undetermined": "non attribués (égalité non tranchée)",
        "votes": "des voix",
        "of_seats": "des sièges",
        "chart": "Part des voix et part des sièges",
        "chart_desc": "Pour chaque liste, part des suffrages et part des sièges",
        "others": "Autres listes ({n})",
        "no_seat": "{n} autres listes sans siège",
        "no_seat_1": "1 autre liste sans siège",
        "point": ",",
    },
    "en": {
        "seat": "seat",
        "seats": "seats",
        "title": "Seat allocation",
        "hemicycle": "Hemicycle of {n} {seats}",
        "undetermined": "undetermined (unresolved tie)",
        "votes": "of votes",
        "of_seats": "of seats",
        "chart": "Share of votes and share of seats",
        "chart_desc": "For each list, share of the votes and share of the seats",
        "others": "Other lists ({n})",
        "no_seat": "{n} other lists without a seat",
        "no_seat_1": "1 other list without a seat",
        "point": ".",
    },
}


def _words(lang: str) -> dict[str, str]:
    try:
        return _WORDS[lang]
    except (KeyError, TypeError):
        raise InvalidArgumentError(f"lang {lang!r} is not one of 'fr', 'en'") from None


def _seats_word(n: int, lang: str) -> str:
    """French keeps the singular for 0 and 1 ("0 siège"); English only for 1."""
    words = _words(lang)
    singular = n <= 1 if lang == "fr" else n == 1
    return f"{n} {words['seat'] if singular else words['seats']}"


# -- geometry ------------------------------------------------------------------------------


def _row_room(rows: int) -> list[int]:
    """How many seats each row (inside out) can hold when there are ``rows`` rows."""
    return [math.floor(math.pi * (3 * rows + 4 * i - 2) / 4) for i in range(1, rows + 1)]


def hemicycle_rows(seats: int) -> tuple[int, ...]:
    """How many seats each row of the arch holds, from the innermost row outwards.

    :param seats: the size of the house (at least 1).
    :raises InvalidArgumentError: when ``seats`` is 0.

    A house filling less than three quarters of the room of its rows takes one row fewer (its
    seats are then drawn smaller to fit): 5 seats in two rows of room 6 and 9 would leave
    four seats on the floor line and one at the top, with wide gaps between them.

    >>> hemicycle_rows(5), hemicycle_rows(81), sum(hemicycle_rows(577))
    ((5,), (11, 14, 16, 19, 21), 577)
    """
    total = as_count(seats, "seats")
    if total == 0:
        raise InvalidArgumentError("a hemicycle needs at least 1 seat, got 0")
    rows = 1
    while sum(_row_room(rows)) < total:
        rows += 1
    while rows > 1 and 4 * total < 3 * sum(_row_room(rows)):
        rows -= 1
    room = _row_room(rows)
    capacity = sum(room)
    shares = [total * r // capacity for r in room]
    # Largest remainders first; on equal remainders the outer row (more room) wins.
    order = sorted(range(rows), key=lambda i: (-(total * room[i] % capacity), -i))
    for i in order[: total - sum(shares)]:
        shares[i] += 1
    return tuple(shares)


def _too_close(count: int, r: float, radius: float) -> bool:
    """Whether ``count`` seats of ``radius`` spread on an arc of radius ``r`` overlap."""
    if count < 2:
        return False
    margin = math.asin(min(1.0, radius / r))
    step = (math.pi - 2 * margin) / (count - 1)
    return 2 * r * math.sin(step / 2) < 2.2 * radius


@dataclass(frozen=True, slots=True)
class _Seat:
    x: float
    y: float
    angle: float
    row: int


def _seat_positions(seats: int) -> tuple[list[_Seat], float]:
    """Seat centres in unit coordinates (centre of the arch at the origin, y up), sorted
    left to right; and the seat radius."""
    per_row = hemicycle_rows(seats)
    rows = len(per_row)
    radius = 0.4 / rows
    # A row holding more than its room (a sparse house took one row fewer): smaller seats,
    # so that neighbours keep a gap of a tenth of a seat at least.
    while any(_too_close(count, (3 * rows + 4 * i - 2) / (4 * rows), radius) for i, count in enumerate(per_row, 1)):
        radius *= 0.95
    positions: list[_Seat] = []
    for i, count in enumerate(per_row, start=1):
        r = (3 * rows + 4 * i - 2) / (4 * rows)
        if count == 1:
            angles = [math.pi / 2]
        else:
            margin = math.asin(min(1.0, radius / r))
            step = (math.pi - 2 * margin) / (count - 1)
            angles = [math.pi - margin - j * step for j in range(count)]
        positions.extend(_Seat(r * math.cos(a), r * math.sin(a), a, i) for a in angles)
    # Left to right: decreasing angle; at equal angles (rounded), inner rows first.
    positions.sort(key=lambda s: (-round(s.angle, 9), s.row))
    return positions, radius


# -- colours and input ---------------------------------------------------------------------


def _generated_color(index: int) -> str:
    """A distinct colour for lists beyond the palette: hues spaced by the golden angle."""
    hue = (index * 137.508) % 360
    lightness = (0.45, 0.6, 0.35)[index % 3]
    sat = 0.65
    c = (1 - abs(2 * lightness - 1)) * sat
    x = c * (1 - abs((hue / 60) % 2 - 1))
    m = lightness - c / 2
    sector = int(hue // 60)
    rgb = [(c, x, 0.0), (x, c, 0.0), (0.0, c, x), (0.0, x, c), (x, 0.0, c), (c, 0.0, x)][sector]
    return "#" + "".join(f"{round((v + m) * 255):02x}" for v in rgb)


def _colors_for(
    names: Sequence[str], colors: Mapping[str, str] | Sequence[str] | None
) -> dict[str, str]:
    """A colour per name: the ones given, then the palette, then generated hues."""
    given: dict[str, str] = {}
    if isinstance(colors, Mapping):
        given = {name: colors[name] for name in names if name in colors}
    elif colors is not None:
        if isinstance(colors, str):
            raise InvalidArgumentError(
                f"colors {colors!r} must be a mapping of list names to colours or a sequence of colours"
            )
        given = dict(zip(names, colors, strict=False))  # extra names take the palette
    for name, color in given.items():
        if not isinstance(color, str) or not _COLOR.match(color):
            raise InvalidArgumentError(
                f"colour {color!r} for {name!r} must be '#rgb', '#rrggbb' or a CSS colour name"
            )
    used = {c.lower() for c in given.values()}
    candidates = itertools.chain(PALETTE, (_generated_color(i) for i in itertools.count()))
    spare = (c for c in candidates if c not in used)
    result: dict[str, str] = {}
    for name in names:
        if name in given:
            result[name] = given[name]
        else:
            color = next(spare)
            used.add(color)
            result[name] = color
    return result


def _counts(allocation: Mapping[str, int]) -> tuple[dict[str, int], int]:
    """Seats per list (validated) and the size of the house."""
    if not isinstance(allocation, Mapping):
        raise InvalidArgumentError(
            f"expected an Allocation or a mapping of list names to seats, not {type(allocation).__name__}"
        )
    counts = {}
    for name, n in allocation.items():
        if not isinstance(name, str):
            raise InvalidArgumentError(f"list name {name!r} must be a string")
        counts[name] = as_count(n, f"seats for {name!r}")
    given = sum(counts.values())
    house = allocation.house if isinstance(allocation, Allocation) else given
    if house < given:
        raise InvalidArgumentError(f"{given} seats given but the house has only {house}")
    return counts, house


def _num(value: float) -> str:
    """A coordinate with at most two decimals and no ``-0``."""
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


# -- hemicycle -------------------------------------------------------------------------------


def hemicycle_svg(
    allocation_or_mapping: Mapping[str, int],
    *,
    colors: Mapping[str, str] | Sequence[str] | None = None,
    title: str | None = None,
    lang: Lang = "fr",
    show_empty: bool = False,
    width: int = 720,
) -> str:
    """Draw the seats as a parliament arch, coloured by list, with a legend.

    :param allocation_or_mapping: an :class:`~electoral_rules.Allocation` (its ``house``
        sets the number of seats; undetermined seats are drawn in grey) or any mapping of
        list names to seat counts, in the order the lists should appear from left to right.
    :param colors: colours by list name, or a sequence in list order; see the module notes.
    :param title: the picture's title (default: "Répartition des sièges" / "Seat allocation").
    :param lang: ``"fr"`` or ``"en"``, for the legend and the accessible description.
    :param show_empty: also list the lists without a seat in the legend (by default they are
        summed up in one line).
    :param width: the width in pixels (the arch is scaled to it).
    :returns: the SVG document as text.
    :raises InvalidArgumentError: for a house of 0 seats, a bad colour or an unknown ``lang``.

    >>> svg = hemicycle_svg({"A": 2, "B": 1}, colors={"A": "#ff0000"}, lang="en", title="Demo")
    >>> svg.count('fill="#ff0000" class="seat"'), svg.count(">Demo</title>")
    (2, 1)
    """
    words = _words(lang)
    counts, house = _counts(allocation_or_mapping)
    if house == 0:
        raise InvalidArgumentError("a hemicycle needs at least 1 seat, got a house of 0")
    if not isinstance(width, int) or isinstance(width, bool) or width < 200:
        raise InvalidArgumentError(f"width {width!r} must be an int of at least 200 pixels")
    palette = _colors_for(list(counts), colors)
    undetermined = house - sum(counts.values())
    heading = title if title is not None else words["title"]

    positions, radius = _seat_positions(house)
    rows = len({s.row for s in positions})
    outer = (7 * rows - 2) / (4 * rows) + radius
    margin = 10.0
    # Small houses: seats no larger than 16 px in radius, the arch centred.
    scale = min((width - 2 * margin) / (2 * outer), 16 / radius)
    cx = width / 2
    top = 48.0  # room for the title (baseline 24, 18 px) and a clear gap above the top seat
    cy = top + outer * scale

    shown = [n for n, c in counts.items() if c > 0 or show_empty]
    hidden = [n for n, c in counts.items() if c == 0 and not show_empty]
    legend_lines = len(shown) + (1 if undetermined else 0) + (1 if hidden else 0)
    line = 20.0
    legend_top = cy + 24.0
    height = legend_top + legend_lines * line + margin

    parts = ", ".join(f"{name} {_seats_word(n, lang)}" for name, n in counts.items())
    if undetermined:
        parts += f", {_seats_word(undetermined, lang)} {words['undetermined']}"
    desc = words["hemicycle"].format(n=house, seats=words["seats"] if house > 1 else words["seat"])
    desc = f"{desc} : {parts}." if lang == "fr" else f"{desc}: {parts}."

    out: list[str] = [
        (
            f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{_num(height)}" '
            f'viewBox="0 0 {width} {_num(height)}" role="img" aria-labelledby="er-title er-desc" '
            f'font-family="sans-serif">'
        ),
        f'<title id="er-title">{escape(heading)}</title>',
        f'<desc id="er-desc">{escape(desc)}</desc>',
        f'<text x="{_num(cx)}" y="24" text-anchor="middle" font-size="18">{escape(heading)}</text>',
        (
            f'<text x="{_num(cx)}" y="{_num(cy - 4)}" text-anchor="middle" font-size="32" '
            f'font-weight="bold">{house}</text>'
        ),
    ]
    seat_r = _num(radius * scale)
    owners = [name for name, n in counts.items() for _ in range(n)]
    owners += [""] * undetermined
    index = 0
    groups = [*((name, n) for name, n in counts.items() if n > 0)]
    if undetermined:
        groups.append(("", undetermined))
    for name, n in groups:
        color = palette[name] if name else UNDETERMINED_COLOR
        label = name if name else words["undetermined"]
        out.append(f"<g data-list={quoteattr(label)}>")
        out.append(f"<title>{escape(label)} : {_seats_word(n, lang)}</title>" if lang == "fr"
                   else f"<title>{escape(label)}: {_seats_word(n, lang)}</title>")
        for seat in positions[index : index + n]:
            out.append(
                f'<circle cx="{_num(cx + seat.x * scale)}" cy="{_num(cy - seat.y * scale)}" '
                f'r="{seat_r}" fill="{color}" class="seat"/>'
            )
        index += n
        out.append("</g>")

    y = legend_top
    legend_x = margin + 8
    entries = [(name, palette[name], _seats_word(counts[name], lang)) for name in shown]
    if undetermined:
        entries.append((words["undetermined"], UNDETERMINED_COLOR, _seats_word(undetermined, lang)))
    for label, color, count_text in entries:
        out.append(
            f'<rect x="{_num(legend_x)}" y="{_num(y)}" width="14" height="14" fill="{color}" '
            f'class="legend-swatch"/>'
        )
        out.append(
            f'<text x="{_num(legend_x + 22)}" y="{_num(y + 12)}" font-size="14" class="legend">'
            f"{escape(label)} — {count_text}</text>"
        )
        y += line
    if hidden:
        no_seat = words["no_seat"].format(n=len(hidden)) if len(hidden) > 1 else words["no_seat_1"]
        out.append(
            f'<text x="{_num(legend_x + 22)}" y="{_num(y + 12)}" font-size="14" fill="#555555" '
            f'class="legend">{escape(no_seat)}</text>'
        )
    out.append("</svg>")
    return "\n".join(out) + "\n"


# -- bar chart -------------------------------------------------------------------------------


def _pct(share: Fraction, lang: str) -> str:
    """A share as a percentage with one decimal, cut (not rounded) and marked ``…`` when it
    has more, as every number printed for a reader (it never claims more than it has).

    >>> _pct(Fraction(1023, 1534), "en"), _pct(Fraction(4, 5), "fr")
    ('66.6… %', '80,0 %')
    """
    tenths = share * 1000
    whole, frac = divmod(tenths.numerator // tenths.denominator, 10)
    more = "" if tenths.denominator == 1 else "…"
    return f"{whole}{_words(lang)['point']}{frac}{more} %"


def bar_chart_svg(
    allocation: Allocation,
    *,
    colors: Mapping[str, str] | Sequence[str] | None = None,
    title: str | None = None,
    lang: Lang = "fr",
    min_vote_share: Share | None = None,
    width: int = 720,
) -> str:
    """Draw, for each list, its share of the votes against its share of the seats.

    Each list gets two bars on a common 0–100 % scale: a pale one for its share of the
    votes (of the votes in ``allocation.votes``, all lists included) and a solid one for
    its share of the house's seats.

    :param allocation: an :class:`~electoral_rules.Allocation` (it holds votes and seats).
    :param colors: as for :func:`hemicycle_svg`.
    :param title: default "Part des voix et part des sièges" / "Share of votes and share of seats".
    :param min_vote_share: lists with a smaller share of the votes and no seat are summed
        into one "other lists" row (e.g. ``"1%"``); by default every list has its row.
    :param width: the width in pixels.
    :raises InvalidArgumentError: when ``allocation`` is not an Allocation or has no votes.

    >>> import electoral_rules as er
    >>> svg = bar_chart_svg(er.dhondt({"A": 1023, "B": 258, "C": 253}, seats=5), lang="en")
    >>> svg.count('class="bar-votes"'), svg.count('class="bar-seats"'), "66.6… % of votes" in svg
    (3, 3, True)
    """
    words = _words(lang)
    if not isinstance(allocation, Allocation):
        raise InvalidArgumentError(
            f"bar_chart_svg needs an Allocation (votes and seats), not {type(allocation).__name__}"
        )
    if not isinstance(width, int) or isinstance(width, bool) or width < 300:
        raise InvalidArgumentError(f"width {width!r} must be an int of at least 300 pixels")
    total_votes = sum(allocation.votes.values())
    if total_votes == 0 or allocation.house == 0:
        raise InvalidArgumentError("bar_chart_svg needs some votes and at least one seat")
    names = list(allocation)
    palette = _colors_for(names, colors)
    cut = None if min_vote_share is None else as_share(min_vote_share, what="min_vote_share")

    rows: list[tuple[str, str, int, int]] = []  # label, colour, votes, seats
    others_votes, others_count = 0, 0
    for name in names:
        v, s = allocation.votes.get(name, 0), allocation[name]
        if cut is not None and s == 0 and v * cut.denominator < cut.numerator * total_votes:
            others_votes += v
            others_count += 1
        else:
            rows.append((name, palette[name], v, s))
    if others_count:
        rows.append((words["others"].format(n=others_count), "#999999", others_votes, 0))

    heading = title if title is not None else words["chart"]
    margin, label_w, row_h = 10, 230, 34
    bar_x = margin + label_w
    bar_w = width - bar_x - margin - 150
    top = 40
    height = top + row_h * len(rows) + 16
    desc_items = "; ".join(
        f"{label}: {_pct(Fraction(v, total_votes), lang)} {words['votes']}, "
        f"{_pct(Fraction(s, allocation.house), lang)} {words['of_seats']}"
        for label, _c, v, s in rows
    )
    out = [
        (
            f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
            f'viewBox="0 0 {width} {height}" role="img" aria-labelledby="er-title er-desc" '
            f'font-family="sans-serif">'
        ),
        f'<title id="er-title">{escape(heading)}</title>',
        (
            f'<desc id="er-desc">{escape(words["chart_desc"])} ({allocation.house} {words["seats"]}) '
            f"— {escape(desc_items)}.</desc>"
        ),
        f'<text x="{width // 2}" y="24" text-anchor="middle" font-size="18">{escape(heading)}</text>',
    ]
    y = top
    for label, color, v, s in rows:
        vote_share, seat_share = Fraction(v, total_votes), Fraction(s, allocation.house)
        short = label if len(label) <= 32 else label[:31] + "…"
        out.append(f"<g data-list={quoteattr(label)}>")
        out.append(f"<title>{escape(label)}</title>")
        out.append(
            f'<text x="{bar_x - 6}" y="{y + 19}" text-anchor="end" font-size="12">{escape(short)}</text>'
        )
        out.append(
            f'<rect x="{bar_x}" y="{y + 2}" width="{_num(float(vote_share) * bar_w)}" height="12" '
            f'fill="{color}" fill-opacity="0.35" class="bar-votes"/>'
        )
        out.append(
            f'<rect x="{bar_x}" y="{y + 16}" width="{_num(float(seat_share) * bar_w)}" height="12" '
            f'fill="{color}" class="bar-seats"/>'
        )
        out.append(
            f'<text x="{_num(bar_x + float(max(vote_share, seat_share)) * bar_w + 6)}" y="{y + 19}" '
            f'font-size="11" fill="#333333">{_pct(vote_share, lang)} {words["votes"]} · '
            f"{_pct(seat_share, lang)} {words['of_seats']}</text>"
        )
        out.append("</g>")
        y += row_h
    out.append("</svg>")
    return "\n".join(out) + "\n"


# -- notebook wrappers -----------------------------------------------------------------------


@dataclass(frozen=True, slots=True, kw_only=True)
class Hemicycle:
    """A hemicycle that Jupyter shows inline; ``str()`` or :attr:`svg` gives the SVG text.

    >>> picture = Hemicycle(seats={"A": 4, "B": 1, "C": 0}, lang="en")
    >>> picture.svg == picture._repr_svg_() == str(picture)
    True
    """

    seats: Mapping[str, int]
    colors: Mapping[str, str] | Sequence[str] | None = None
    title: str | None = None
    lang: Lang = "fr"
    show_empty: bool = False
    width: int = 720

    @property
    def svg(self) -> str:
        """The SVG document (see :func:`hemicycle_svg`)."""
        return hemicycle_svg(
            self.seats,
            colors=self.colors,
            title=self.title,
            lang=self.lang,
            show_empty=self.show_empty,
            width=self.width,
        )

    def _repr_svg_(self) -> str:
        return self.svg

    def __str__(self) -> str:
        return self.svg


@dataclass(frozen=True, slots=True, kw_only=True)
class BarChart:
    """A votes-against-seats bar chart that Jupyter shows inline (see :func:`bar_chart_svg`).

    >>> import electoral_rules as er
    >>> chart = BarChart(allocation=er.dhondt({"A": 60, "B": 40}, seats=3))
    >>> chart.svg.count('class="bar-seats"')
    2
    """

    allocation: Allocation
    colors: Mapping[str, str] | Sequence[str] | None = None
    title: str | None = None
    lang: Lang = "fr"
    min_vote_share: Share | None = None
    width: int = 720

    @property
    def svg(self) -> str:
        """The SVG document (see :func:`bar_chart_svg`)."""
        return bar_chart_svg(
            self.allocation,
            colors=self.colors,
            title=self.title,
            lang=self.lang,
            min_vote_share=self.min_vote_share,
            width=self.width,
        )

    def _repr_svg_(self) -> str:
        return self.svg

    def __str__(self) -> str:
        return self.svg
