"""Read the Ministry of the Interior's open-data result tables (CSV/TXT) into typed records.

The tables published on data.gouv.fr hold one row per place (commune, Paris/Lyon/Marseille
sector, canton, constituency, department, region) or one row per candidate, in layouts that
changed over the years. This reader finds the layout from the header and builds the same
records as the XML reader (:mod:`electoral_rules.io.records`): one
:class:`~electoral_rules.io.records.Entity` per place, with its
:class:`~electoral_rules.io.records.RoundResult` (counts, printed percentages) and its
lists (:class:`~electoral_rules.io.records.ListResult`, with council, sector and community
seats) or candidates (:class:`~electoral_rules.io.records.CandidateResult`, with the
elected or qualified flag).

**Layouts** (the names of ``../official-formats/README.md``):

- *wide, old names* (municipales 2014 and 2020, législatives 2017 and 2022, européennes
  2019, départementales 2015, présidentielle 2022): fixed columns, then a group of columns
  per list or candidate that the header names once (or repeats); rows have as many groups
  as the place has lists, so rows differ in length;
- *wide, numbered names* (2024 onwards, municipales 2026: ``Voix 1``, ``Sièges au CM 1``,
  ...; the OpenDataSoft re-exports' ``voix_01``): every group named with its number;
- *one row per candidate* (the législatives 2024 feed table: ``CodCirElec``, ``NbVoix``,
  ``Elu``): consecutive rows of one constituency make one place.

**What the reader copes with**: the separator (``;``, TAB, ``,``) found from the header;
the encoding (UTF-8 with or without a byte-order mark, ISO-8859-1/CP1252, and CP850, which
decodes without error as Latin-1 but gives wrong letters: told apart by which bytes the
accented letters use; :attr:`OpenDataFile.encoding` says which was found); decimal commas,
``"61,74%"`` text percentages, percentages printed with trailing zeros dropped (``"4,3"``),
spreadsheet float noise (``1.9500000000000002``); zero-padded counts (``00008198``); rows of
varying length and rows padded with empty fields; doubled quotes; blank seat cells (``" "``);
department codes (``1`` and ``01``, ``2A``, the Ministry's ``ZA`` ... ``ZZ`` mapped to INSEE
codes, ``971`` ... ``988``).

Faults never stop the reading: a row that cannot be read (truncated, a count that is not a
whole number or is negative, a seats cell that is not a number, bytes of another encoding)
is handed to the caller's ``on_error`` with its file and line, and the next row is read.
A file whose header matches no known layout raises
:class:`~electoral_rules.errors.OfficialFileError` naming the columns expected.

Rows are streamed: :func:`iter_open_data` holds one place at a time.

>>> import pathlib, tempfile
>>> text = (
...     '"Code département";"Libellé département";"Code commune";"Libellé commune";"Inscrits";'
...     '"Votants";"% Votants";"Abstentions";"% Abstentions";"Exprimés";"% Exprimés/inscrits";'
...     '"% Exprimés/votants";"Blancs";"% Blancs/inscrits";"% Blancs/votants";"Nuls";'
...     '"% Nuls/inscrits";"% Nuls/votants";"Numéro de panneau 1";"Libellé de liste 1";"Voix 1";'
...     '"% Voix/exprimés 1";"Sièges au CM 1"\\n'
...     '"01";"Ain";"01006";"Ambléon";"107";"93";"86,92";"14";"13,08";"90";"84,11";"96,77";"1";'
...     '"0,93";"1,08";"2";"1,87";"2,15";"1";"TOUS ENSEMBLE";"90";"100,00";"11"\\n'
... )
>>> with tempfile.TemporaryDirectory() as tmp:
...     path = pathlib.Path(tmp) / "municipales-2026-t1.csv"
...     _ = path.write_text(text, encoding="utf-8")
...     table = read_open_data(path)
>>> table.layout.election, table.layout.year, table.layout.round, table.encoding
('municipales', 2026, 1, 'utf-8')
>>> (entity,) = table.entities
>>> entity.line, entity.place.code, entity.place.name, entity.rounds[0].lists[0].seats
(2, '01006', 'Ambléon', 11)
"""

from __future__ import annotations

import codecs
import csv
import dataclasses
import hashlib
import os
import re
import unicodedata
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from .._mapping import FrozenMap
from ..errors import OfficialFileError
from .records import (
    MAX_COUNT,
    CandidateResult,
    Entity,
    FileKind,
    Level,
    ListResult,
    Place,
    ResultFile,
    RoundResult,
)

__all__ = [
    "Layout",
    "OpenDataFile",
    "OpenDataTable",
    "detect_encoding",
    "insee_department",
    "iter_open_data",
    "open_open_data",
    "read_open_data",
]

OnError = Callable[[OfficialFileError], None]
"""``on_error(error)``: called with each row that cannot be read (the reading goes on)."""

SAMPLE_BYTES = 1 << 20
"""How much of a file the encoding and separator are judged on (the first mebibyte)."""


# ---------------------------------------------------------------------------------------
# department codes


_MINISTRY_OVERSEAS = {
    "ZA": "971",  # Guadeloupe
    "ZB": "972",  # Martinique
    "ZC": "973",  # Guyane
    "ZD": "974",  # La Réunion
    "ZM": "976",  # Mayotte
    "ZN": "988",  # Nouvelle-Calédonie
    "ZP": "987",  # Polynésie française
    "ZS": "975",  # Saint-Pierre-et-Miquelon
    "ZW": "986",  # Wallis-et-Futuna
}
"""The Ministry's letter codes for overseas departments and communities (files of 2014 to
2022) and their INSEE codes (``../official-formats/README.md`` §3). ``ZX`` (Saint-Martin and
Saint-Barthélemy) is 977 or 978 by commune, ``ZZ`` (French residents abroad) has no INSEE
department and stays ``ZZ``."""


def insee_department(code: str, commune: str = "") -> str:
    """The INSEE department code of a department code as the Ministry prints it.

    >>> [insee_department(c) for c in ("1", "01", "2A", "75", "ZA", "ZN", "971", "ZZ")]
    ['01', '01', '2A', '75', '971', '988', '971', 'ZZ']
    >>> insee_department("ZX", "701"), insee_department("ZX", "801")
    ('977', '978')
    """
    text = code.strip().upper()
    if text.isdigit():
        return text.zfill(2) if len(text) < 3 else text
    if text in _MINISTRY_OVERSEAS:
        return _MINISTRY_OVERSEAS[text]
    if text == "ZX":
        digits = commune.strip().lstrip("0")
        if digits.startswith("7") or digits.endswith("701"):
            return "977"
        if digits.startswith("8") or digits.endswith("801"):
            return "978"
    return text


def _commune_code(department: str, commune: str) -> str:
    """The INSEE code of a commune (or a PLM sector's code) from the department's INSEE code
    and the commune code as printed (``4``, ``004``, ``01004``, ``056SR17``)."""
    text = commune.strip().upper()
    if len(text) == 5 and text[:2] == department[:2]:
        return text  # already the INSEE code (2026 files)
    if text.isdigit():
        text = text.zfill(3)
        if len(department) == 3:  # overseas: 97 + the commune's three digits (97101)
            return department[:2] + text
        return department + text
    return department + text  # a sector code such as 056SR17


# ---------------------------------------------------------------------------------------
# encodings


_FRENCH_LETTERS = frozenset("éèêëàâäçôöûùüîïÉÈÊËÀÂÇÔÛÙÎÏœŒ")
_UTF8_IN_SINGLE_BYTE = re.compile(rb"[\xc2-\xc3][\x80-\xbf]")
_UTF8_SEQUENCE = re.compile(rb"[\xc2-\xf4][\x80-\xbf]+")


def detect_encoding(sample: bytes) -> str:
    """The encoding of a file judged from its first bytes: ``"utf-8-sig"``, ``"utf-8"``,
    ``"ascii"``, ``"cp1252"`` (which reads ISO-8859-1 text the same) or ``"cp850"``.

    UTF-8 is recognised by its byte sequences. A single-byte file is CP1252 or CP850: both
    decode almost any bytes, so the choice is made by which gives French letters: CP850
    puts ``é è à ç ê É`` on bytes ``0x82 0x8A 0x85 0x87 0x88 0x90``, where CP1252 has
    punctuation or nothing, and CP1252 puts them on ``0xE9 0xE8 0xE0 0xE7 0xEA 0xC9``, where
    CP850 has box-drawing signs.

    >>> detect_encoding("1ère circonscription".encode("cp850"))
    'cp850'
    >>> detect_encoding("1ère circonscription".encode("latin-1"))
    'cp1252'
    >>> detect_encoding("1ère".encode()), detect_encoding(b"plain")
    ('utf-8', 'ascii')
    """
    if sample.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    if sample.isascii():
        return "ascii"
    try:
        codecs.getincrementaldecoder("utf-8")().decode(sample, final=False)
    except UnicodeDecodeError:
        # mostly UTF-8 with a few stray bytes is a UTF-8 file with lines of another encoding
        # (reported line by line), not a single-byte file
        text = sample.decode("utf-8", errors="replace")
        if len(_UTF8_SEQUENCE.findall(sample)) > 2 * text.count("\ufffd"):
            return "utf-8"
    else:
        return "utf-8"
    scores = {}
    for encoding in ("cp1252", "cp850"):
        text = sample.decode(encoding, errors="replace")
        scores[encoding] = sum(1 for char in text if char in _FRENCH_LETTERS) - 4 * text.count("\ufffd")
    return "cp850" if scores["cp850"] > scores["cp1252"] else "cp1252"


# ---------------------------------------------------------------------------------------
# column names


def _normal(name: str) -> str:
    """A column name reduced to lower-case ASCII words joined by ``_`` (``%`` kept as
    ``pct``): ``"% Voix/Exp"`` -> ``"pct_voix_exp"``, ``"Sièges / Elu"`` -> ``"sieges_elu"``,
    ``"N°Panneau"`` -> ``"n_panneau"``."""
    text = unicodedata.normalize("NFKD", name.strip().replace("%", " pct ").replace("°", " "))
    text = text.encode("ascii", "ignore").decode().lower()
    return "_".join(re.findall(r"[a-z0-9]+", text))


# what each column means, by normalised name: fixed (place) columns
_FIXED = {
    "code_du_departement": "department",
    "code_departement": "department",
    "departement": "department",
    "libelle_du_departement": "department_name",
    "libelle_departement": "department_name",
    "code_de_la_commune": "commune",
    "code_commune": "commune",
    "libelle_de_la_commune": "commune_name",
    "libelle_commune": "commune_name",
    "code_du_canton": "canton",
    "libelle_du_canton": "canton_name",
    "code_de_la_circonscription": "constituency",
    "code_circonscription_legislative": "constituency",
    "codcirelec": "constituency",
    "libelle_de_la_circonscription": "constituency_name",
    "libelle_circonscription_legislative": "constituency_name",
    "libcirelec": "constituency_name",
    "code_region": "region",
    "code_de_la_region": "region",
    "libelle_region": "region_name",
    "libelle_de_la_region": "region_name",
    "inscrits": "registered",
    "abstentions": "abstentions",
    "votants": "voters",
    "blancs": "blank",
    "nuls": "null",
    "blancs_et_nuls": "blank_and_null",
    "exprimes": "expressed",
    "nbsap": "seats_to_fill",
    "nbsiepourvus": "seats_filled",
    "date_de_l_export": "exported",
    "type_de_scrutin": "ballot",
    "etat_saisie": "state",
    "code_insee": "insee",
}
# fixed percentage columns: normalised name -> (numerator field, denominator field)
_FIXED_RATES = {
    "pct_abs_ins": ("abstentions", "registered"),
    "abs_ins": ("abstentions", "registered"),
    "pct_abstentions": ("abstentions", "registered"),
    "abstentions_rapportinscrits": ("abstentions", "registered"),
    "pct_vot_ins": ("voters", "registered"),
    "vot_ins": ("voters", "registered"),
    "pct_votants": ("voters", "registered"),
    "votants_rapportinscrits": ("voters", "registered"),
    "pct_blancs_ins": ("blank", "registered"),
    "pct_blancs_inscrits": ("blank", "registered"),
    "blancs_rapportinscrits": ("blank", "registered"),
    "pct_blancs_vot": ("blank", "voters"),
    "pct_blancs_votants": ("blank", "voters"),
    "blancs_rapportvotants": ("blank", "voters"),
    "pct_nuls_ins": ("null", "registered"),
    "pct_nuls_inscrits": ("null", "registered"),
    "nuls_rapportinscrits": ("null", "registered"),
    "pct_nuls_vot": ("null", "voters"),
    "pct_nuls_votants": ("null", "voters"),
    "nuls_rapportvotants": ("null", "voters"),
    "pct_blnuls_ins": ("blank_and_null", "registered"),
    "blnuls_ins": ("blank_and_null", "registered"),
    "pct_blnuls_vot": ("blank_and_null", "voters"),
    "blnuls_vot": ("blank_and_null", "voters"),
    "pct_exp_ins": ("expressed", "registered"),
    "exp_ins": ("expressed", "registered"),
    "pct_exprimes_inscrits": ("expressed", "registered"),
    "exprimes_rapportinscrits": ("expressed", "registered"),
    "pct_exp_vot": ("expressed", "voters"),
    "exp_vot": ("expressed", "voters"),
    "pct_exprimes_votants": ("expressed", "voters"),
    "exprimes_rapportvotants": ("expressed", "voters"),
}
# columns of a list's or candidate's group
_GROUP = {
    "n_pan": "number",
    "n_panneau": "number",
    "numero_de_panneau": "number",
    "numpanneaucand": "number",
    "n_liste": "number",
    "code_nuance": "nuance",
    "nuance": "nuance",
    "nuance_liste": "nuance",
    "nuance_candidat": "nuance",
    "codnuacand": "nuance",
    "libnuacand": "nuance_name",
    "sexe": "sex",
    "sexe_candidat": "sex",
    "civilitepsn": "sex",
    "nom": "last_name",
    "nom_candidat": "last_name",
    "nompsn": "last_name",
    "nom_tete_de_liste": "head",
    "prenom": "first_name",
    "prenom_candidat": "first_name",
    "prenompsn": "first_name",
    "liste": "list",
    "libelle_de_liste": "list",
    "libelle_etendu_liste": "list",
    "libelle_abrege_de_liste": "short_list",
    "libelle_abrege_liste": "short_list",
    "binome": "binome",
    "sieges_elu": "seats",
    "sieges_au_cm": "seats",
    "sieges": "seats",
    "elu": "elected",
    "sieges_secteur": "sector_seats",
    "sieges_cc": "community_seats",
    "sieges_au_cc": "community_seats",
    "voix": "votes",
    "nbvoix": "votes",
}
_GROUP_RATES = {
    "pct_voix_ins": "registered",
    "voix_ins": "registered",
    "pct_voix_inscrits": "registered",
    "rapportinscrits": "registered",
    "pct_voix_exp": "expressed",
    "voix_exp": "expressed",
    "pct_voix_exprimes": "expressed",
    "rapportexprimes": "expressed",
}
_FIRST_OF_GROUP = frozenset({"n_pan", "n_panneau", "numero_de_panneau", "n_liste", "code_nuance"})
"""The column that opens a group in the wide layout with old names (the header names the
first group only, or repeats it)."""
_COUNT_FIELDS = ("registered", "abstentions", "voters", "blank", "null", "blank_and_null", "expressed")


@dataclass(frozen=True, slots=True, kw_only=True)
class Layout:
    """What a table's header says: the election, the level of its rows and where each
    value is.

    :ivar name: ``"wide"``, ``"wide, numbered"`` or ``"one row per candidate"``.
    :ivar election: ``"municipales"``, ``"législatives"``, ``"départementales"``,
        ``"européennes"`` or ``"présidentielle"``.
    :ivar year: the election's year, from the file's name or layout (``None`` if unknown).
    :ivar round: 1 or 2, from the file's name (``None`` if unknown).
    :ivar level: the level of the places (commune, canton, constituency...).
    :ivar fixed: the place's columns: field -> column index.
    :ivar fixed_rates: ``(column index, column name, numerator field, denominator field)``.
    :ivar start, width: where the first group starts and how many columns each has.
    :ivar group: field -> offset in a group; :ivar group_rates: ``(offset, name, base)``.
    :ivar columns: the header's column names, as printed.
    """

    name: str
    election: str
    year: int | None
    round: int | None
    level: Level
    fixed: FrozenMap[str, int]
    fixed_rates: tuple[tuple[int, str, str, str], ...]
    start: int
    width: int
    group: FrozenMap[str, int]
    group_rates: tuple[tuple[int, str, str], ...]
    columns: tuple[str, ...] = field(repr=False)

    @property
    def long(self) -> bool:
        """Whether the table has one row per candidate (a place spans several rows)."""
        return self.name == "one row per candidate"


_EXPECTED = (
    "a place's code (e.g. 'Code du département' with 'Code de la commune', 'Code du canton' "
    "or 'Code de la circonscription'; 'Code commune'; 'CodCirElec'), 'Inscrits', 'Votants', "
    "'Exprimés', and per list or candidate a votes column ('Voix', 'Voix 1', 'NbVoix')"
)


def _year_and_round(name: str) -> tuple[int | None, int | None]:
    """The year and round a file's name states (``lg2022_t1_...``, ``...-t2-...``,
    ``...Tour2...``, ``municipales-2026-...``, ``2nd-tour``)."""
    lower = name.lower()
    year = None
    found = re.search(r"(?<![0-9])(20[0-9]{2}|19[0-9]{2})(?![0-9])", lower) or re.search(
        r"(?:mn|mun|lg|eu|dp|pr|rg)(20[0-9]{2}|[0-9]{2})(?![0-9])", lower
    )
    if found:
        digits = found.group(1)
        year = int(digits) if len(digits) == 4 else 2000 + int(digits)
    number = None
    turn = re.search(r"(?:^|[^a-z])(?:t|tour[-_ ]?)([12])(?![0-9])", lower) or re.search(
        r"([12])(?:er|nd|e|eme)?[-_ ]tour", lower
    )
    if turn:
        number = int(turn.group(1))
    return year, number


SENATORS = "senators list"


def _senators_layout(header: Sequence[str], names: Sequence[str]) -> Layout:
    """The Senate's list of senators (``ODSEN_GENERAL.csv``): one row per senator, past or
    present, with ``Circonscription`` and ``État`` (``ACTIF`` / ``ANCIEN``)."""
    return Layout(
        name=SENATORS,
        election="sénatoriales",
        year=None,
        round=None,
        level=Level.CONSTITUENCY,
        fixed=FrozenMap({"constituency_name": names.index("circonscription"), "state": names.index("etat")}),
        fixed_rates=(),
        start=len(header),
        width=0,
        group=FrozenMap(),
        group_rates=(),
        columns=tuple(header),
    )


def _layout(header: Sequence[str], file_name: str) -> Layout:
    names = [_normal(column) for column in header]
    while names and not names[-1]:
        names.pop()  # trailing empty columns (spreadsheet padding)
    if {"matricule", "circonscription", "etat"} <= set(names):
        return _senators_layout(header, names)
    year, number = _year_and_round(file_name)
    fixed: dict[str, int] = {}
    fixed_rates: list[tuple[int, str, str, str]] = []
    numbered: dict[int, dict[str, int]] = {}
    for index, name in enumerate(names):
        suffix = re.fullmatch(r"(.+?)_?([0-9]{1,3})", name)
        base = suffix.group(1) if suffix else name
        if suffix and (base in _GROUP or base in _GROUP_RATES):
            numbered.setdefault(int(suffix.group(2)), {}).setdefault(base, index)
    long = "nbvoix" in names and "numpanneaucand" in names
    if numbered and not long:
        first = min(numbered)
        start = min(numbered[first].values())
        width = (min(numbered[first + 1].values()) - start) if first + 1 in numbered else len(numbered[first])
        group_names = {base: index - start for base, index in numbered[first].items()}
        fixed_names = names[:start]
        kind = "wide, numbered"
    else:
        starts = [index for index, name in enumerate(names) if name in _FIRST_OF_GROUP]
        if long:
            start = names.index("numpanneaucand")
            width = len(names) - start
        elif starts:
            start = starts[0]
            later = [index for index in starts if index > start and names[index] == names[start]]
            width = (later[0] - start) if later else len(names) - start
        else:
            raise OfficialFileError(
                f"unknown layout: expected {_EXPECTED}; found {', '.join(map(repr, header))}"
            )
        group_names = {}
        for offset, name in enumerate(names[start : start + width]):
            group_names.setdefault(name, offset)
        fixed_names = names[:start]
        kind = "one row per candidate" if long else "wide"
    for index, name in enumerate(fixed_names):
        if name in _FIXED:
            fixed.setdefault(_FIXED[name], index)
        elif name in _FIXED_RATES:
            top, bottom = _FIXED_RATES[name]
            fixed_rates.append((index, header[index].strip(), top, bottom))
    group: dict[str, int] = {}
    group_rates: list[tuple[int, str, str]] = []
    for name, offset in group_names.items():
        if name in _GROUP:
            group.setdefault(_GROUP[name], offset)
        elif name in _GROUP_RATES:
            group_rates.append((offset, header[start + offset].strip() or name, _GROUP_RATES[name]))
    missing = [need for need in ("registered", "voters", "expressed") if need not in fixed]
    if missing or "votes" not in group:
        raise OfficialFileError(
            f"unknown layout: expected {_EXPECTED}; found {', '.join(map(repr, header))}"
            + (
                f" (no column for {', '.join(missing)})"
                if missing
                else " (no votes column per list or candidate)"
            )
        )
    if "commune" in fixed:
        level = Level.COMMUNE
    elif "canton" in fixed:
        level = Level.CANTON
    elif "constituency" in fixed:
        level = Level.LEGISLATIVE
    elif "department" in fixed:
        level = Level.DEPARTMENT
    elif "region" in fixed:
        level = Level.REGION
    else:
        raise OfficialFileError(f"unknown layout: no place code; expected {_EXPECTED}")
    if "community_seats" in group or "sector_seats" in group or (level is Level.COMMUNE and "seats" in group):
        election = "municipales"
    elif "binome" in group or level is Level.CANTON:
        election = "départementales"
    elif level is Level.LEGISLATIVE:
        election = "législatives"
    elif "list" in group or "short_list" in group or "head" in group:
        election = "européennes"
    else:
        election = "présidentielle"
    if year is None and kind == "wide, numbered" and election == "municipales":
        year = 2026  # the numbered layout with 'Sièges au CM' is that of 2026
    return Layout(
        name=kind,
        election=election,
        year=year,
        round=number,
        level=level,
        fixed=FrozenMap(fixed),
        fixed_rates=tuple(fixed_rates),
        start=start,
        width=width,
        group=FrozenMap(group),
        group_rates=tuple(sorted(group_rates)),
        columns=tuple(header),
    )


# ---------------------------------------------------------------------------------------
# cells


class _RowError(Exception):
    """A cell that cannot be read: the message names the column and the value."""


def _count(text: str, column: str) -> int:
    value = text.strip()
    if value.isascii() and value.isdigit() and len(value) <= 12:
        number = int(value)
        if number > MAX_COUNT:
            raise _RowError(f"{column} = {value!r} is above {MAX_COUNT}")
        return number
    if re.fullmatch(r"-\s*[0-9]+", value):
        raise _RowError(f"{column} = {value!r} is negative")
    if not value:
        raise _RowError(f"{column} is empty")
    raise _RowError(f"{column} = {value!r} is not a whole number")


def _optional_count(text: str, column: str) -> int | None:
    return None if not text.strip() else _count(text, column)


_NOISE_DECIMALS = 6
"""More decimals than this is a spreadsheet's binary float (``1.9500000000000002``): the
value is taken rounded to two decimals, as it was printed before the export."""


def _rate(text: str, column: str) -> tuple[int, int] | None:
    """A printed percentage as ``(digits, decimals)``: ``"61,74%"`` -> ``(6174, 2)``,
    ``"4,3"`` -> ``(43, 1)``, ``"100"`` -> ``(100, 0)``; ``None`` for an empty cell."""
    value = text.strip().rstrip("%").strip()
    if not value:
        return None
    whole, sep, decimals = value.replace(",", ".").partition(".")
    if not (whole.isascii() and whole.isdigit() and (not sep or (decimals.isascii() and decimals.isdigit()))):
        raise _RowError(f"{column} = {text.strip()!r} is not a percentage")
    if len(decimals) > _NOISE_DECIMALS:
        scaled = int(whole + decimals[:3])
        return (scaled + 5) // 10, 2
    return int(whole + decimals), len(decimals)


def _seats(text: str, column: str) -> tuple[int | None, str | None]:
    """A seats cell: a number of seats, or an elected flag (``Elu``, ``Oui``), or blank."""
    value = text.strip()
    if not value:
        return None, None
    if value.isascii() and value.isdigit():
        return _count(value, column), None
    if _normal(value) in {"elu", "elue", "elus", "oui", "non", "qualif_t2", "ballottage", "bal"}:
        return None, value
    raise _RowError(f"{column} = {value!r} is not a number of seats")


# ---------------------------------------------------------------------------------------
# rows to records


@dataclass(frozen=True, slots=True, kw_only=True)
class OpenDataFile:
    """An open-data table being read: what was found of it, and its places as they come.

    :ivar path: the file; :ivar encoding: the encoding found (see :func:`detect_encoding`);
    :ivar delimiter: the separator; :ivar layout: the :class:`Layout`.
    :ivar entities: the places, read row by row as the iterator is consumed.
    """

    path: str
    encoding: str
    delimiter: str
    layout: Layout
    entities: Iterator[Entity]


def _lines(handle: Iterator[bytes], encoding: str, flagged: list[int]) -> Iterator[str]:
    """The file's lines decoded; the numbers of lines with bytes of another encoding are
    put in ``flagged`` (UTF-8 bytes in a single-byte file, invalid UTF-8 in a UTF-8 one)."""
    utf8 = encoding.startswith("utf-8") or encoding == "ascii"
    decoding = "utf-8" if utf8 else encoding
    for number, raw in enumerate(handle, start=1):
        if raw.isascii():
            yield raw.decode("ascii")
            continue
        if utf8:
            try:
                yield raw.decode(decoding)
                continue
            except UnicodeDecodeError:
                flagged.append(number)
                yield raw.decode(decoding, errors="replace")
                continue
        if _UTF8_IN_SINGLE_BYTE.search(raw):
            flagged.append(number)
        yield raw.decode(decoding, errors="replace")


def _sniff(first: str) -> str:
    counts = {sep: first.count(sep) for sep in (";", "\t", ",")}
    return max(counts, key=lambda sep: (counts[sep], sep == ";"))


def open_open_data(
    path: str | os.PathLike[str],
    *,
    on_error: OnError | None = None,
    round: int | None = None,
    year: int | None = None,
    digest: hashlib._Hash | None = None,
) -> OpenDataFile:
    """Open an open-data table: find its encoding, separator and layout, and read its places
    lazily (:attr:`OpenDataFile.entities`).

    :param on_error: called with an :class:`~electoral_rules.errors.OfficialFileError`
        naming the file and line of each row that cannot be read; the reading goes on.
        Without it the first such row raises.
    :param round, year: the round and year when the file's name does not say them.
    :param digest: a :mod:`hashlib` object fed every byte of the file as it is read.
    :raises OfficialFileError: for a missing, empty or unreadable file, or a header of no
        known layout (naming the columns expected).
    """
    name = os.fspath(path)
    display = Path(name).as_posix()
    try:
        handle = open(name, "rb")  # noqa: SIM115 (closed by the generator)
    except OSError as err:
        raise OfficialFileError(f"cannot be read ({err.strerror or err})", path=display) from None
    try:
        sample = handle.read(SAMPLE_BYTES)
        if not sample.strip():
            raise OfficialFileError("empty file", path=display)
        encoding = detect_encoding(sample)
        handle.seek(0)
        flagged: list[int] = []
        raw_lines: Iterator[bytes] = handle if digest is None else _digesting(handle, digest)
        lines = _lines(raw_lines, encoding, flagged)
        header_line = next(lines).lstrip("\ufeff")
        skipped = 1
        while header_line.startswith("%"):  # the Senate tables' SQL preamble
            header_line = next(lines)
            skipped += 1
        delimiter = _sniff(header_line)
        header = next(csv.reader([header_line], delimiter=delimiter))
        layout = _layout(header, Path(name).name)
    except OfficialFileError as err:
        handle.close()
        raise OfficialFileError(str(err).removeprefix(f"{display}: "), path=display) from None
    except StopIteration:
        handle.close()
        raise OfficialFileError("empty file", path=display) from None
    except BaseException:
        handle.close()
        raise
    if round is not None or year is not None:
        layout = _replace_layout(layout, round=round, year=year)
    reader = csv.reader(lines, delimiter=delimiter)
    entities = _entities(handle, reader, layout, display, skipped, flagged, on_error)
    return OpenDataFile(
        path=display, encoding=encoding, delimiter=delimiter, layout=layout, entities=entities
    )


def _replace_layout(layout: Layout, *, round: int | None, year: int | None) -> Layout:
    return dataclasses.replace(
        layout, round=layout.round if round is None else round, year=layout.year if year is None else year
    )


def _digesting(handle: Iterator[bytes], digest: hashlib._Hash) -> Iterator[bytes]:
    for raw in handle:
        digest.update(raw)
        yield raw


def _entities(
    handle: object,
    reader: Iterator[list[str]],
    layout: Layout,
    path: str,
    skipped: int,
    flagged: list[int],
    on_error: OnError | None,
) -> Iterator[Entity]:
    build = _senators if layout.name == SENATORS else _long_entities if layout.long else _wide_entities
    try:
        yield from build(reader, layout, path, skipped, flagged, on_error)
    finally:
        handle.close()  # type: ignore[attr-defined]


def _fail(on_error: OnError | None, path: str, line: int, message: str) -> None:
    error = OfficialFileError(message, path=path, element=f"line {line}")
    if on_error is None:
        raise error
    on_error(error)


def _wide_entities(
    reader: Iterator[list[str]],
    layout: Layout,
    path: str,
    skipped: int,
    flagged: list[int],
    on_error: OnError | None,
) -> Iterator[Entity]:
    last_line = skipped
    for row in reader:
        line = last_line + 1  # a row's first line: one after the previous row's last
        last_line = skipped + reader.line_num  # type: ignore[attr-defined]
        if flagged and flagged[-1] >= line:
            _fail(on_error, path, line, _MIXED)
            continue
        if not any(cell.strip() for cell in row):
            continue  # a blank line
        try:
            yield _wide_entity(row, layout, path, line)
        except _RowError as err:
            _fail(on_error, path, line, str(err))


_MIXED = "bytes of another encoding than the rest of the file (mixed encoding)"


def _place(layout: Layout, values: Sequence[str]) -> Place:
    fixed = layout.fixed

    def get(name: str) -> str:
        index = fixed.get(name)
        return values[index].strip() if index is not None and index < len(values) else ""

    raw_department = get("department")
    level = layout.level
    codes = {name: get(name) for name in fixed if name not in _COUNT_FIELDS and not name.startswith("seats")}
    if level is Level.COMMUNE:
        commune = get("commune")
        department = insee_department(raw_department, commune) if raw_department else commune[:2]
        code = _commune_code(department, commune)
        name = get("commune_name")
        if "SR" in commune.upper():
            level = Level.SECTOR
        return Place(
            level=level,
            code=code,
            name=name,
            department=department,
            commune=commune,
            codes=FrozenMap(codes),
        )
    if level is Level.CANTON:
        department = insee_department(raw_department)
        canton = get("canton")
        return Place(
            level=level,
            code=f"{department}-{canton.zfill(2)}",
            name=get("canton_name"),
            department=department,
            codes=FrozenMap(codes),
        )
    if level is Level.LEGISLATIVE:
        constituency = get("constituency")
        if raw_department in ("97", "98") and len(constituency) == 5:  # truncated, 97601
            department = constituency[:3]
            constituency = constituency[3:]
        elif len(constituency) == 4 and raw_department.strip("0") != "":
            department = insee_department(raw_department)
            if constituency[:2].upper() == raw_department.zfill(2).upper()[:2]:
                constituency = constituency[2:]  # 0101 is department 01, constituency 01
        else:
            department = insee_department(raw_department)
        if constituency.isdigit() and len(constituency) == 3 and len(department) == 2:
            constituency = constituency[-2:]  # 101 as a number in the 2024 table
        return Place(
            level=level,
            code=f"{department}-{constituency.zfill(2)}",
            name=get("constituency_name"),
            department=department,
            codes=FrozenMap(codes),
        )
    if level is Level.DEPARTMENT:
        department = insee_department(raw_department)
        return Place(
            level=level,
            code=department,
            name=get("department_name"),
            department=department,
            codes=FrozenMap(codes),
        )
    region = get("region")
    return Place(level=level, code=region, name=get("region_name"), region=region, codes=FrozenMap(codes))


def _counts(layout: Layout, values: Sequence[str]) -> dict[str, int]:
    counts: dict[str, int] = {}
    header = layout.columns
    for name in _COUNT_FIELDS:
        index = layout.fixed.get(name)
        if index is not None:
            counts[name] = _count(values[index], repr(header[index].strip()))
    if "blank_and_null" in counts:
        counts.setdefault("blank", counts["blank_and_null"])
        counts.setdefault("null", 0)
    counts.setdefault("blank", 0)
    counts.setdefault("null", 0)
    return counts


def _fixed_rates(
    layout: Layout, values: Sequence[str], counts: dict[str, int], element: str
) -> list[tuple[str, str, int, int, int, int]]:
    data = []
    for index, column, top, bottom in layout.fixed_rates:
        if index >= len(values) or top not in counts or bottom not in counts:
            continue
        printed = _rate(values[index], repr(column))
        if printed is not None:
            data.append((element, column, printed[0], printed[1], counts[top], counts[bottom]))
    return data


def _wide_entity(values: list[str], layout: Layout, path: str, line: int) -> Entity:
    start, width = layout.start, layout.width
    if len(values) < start:
        raise _RowError(f"truncated row: {len(values)} fields, the place's columns alone are {start}")
    element = f"line {line}"
    place = _place(layout, values)
    counts = _counts(layout, values)
    rate_data = _fixed_rates(layout, values, counts, element)
    groups: list[list[str]] = []
    for offset in range(start, len(values), width):
        cells = values[offset : offset + width]
        if not any(cell.strip() for cell in cells):
            continue  # an absent group (padding)
        if len(cells) < width and len(cells) <= layout.group["votes"]:
            raise _RowError(
                f"truncated row: group {len(groups) + 1} has {len(cells)} of its {width} columns (no votes column)"
            )
        groups.append(cells)
    people, lists = _groups(groups, layout, counts, element, rate_data)
    item = RoundResult(
        path=path,
        element=element,
        round=layout.round or 0,
        registered=counts["registered"],
        voters=counts["voters"],
        blank=counts["blank"],
        null=counts["null"],
        expressed=counts["expressed"],
        abstentions=counts.get("abstentions"),
        candidates=people,
        lists=lists,
        rate_data=tuple(rate_data),
    )
    return Entity(
        path=path,
        element=element,
        place=place,
        rounds=(item,),
        seats_to_fill=None,
        seats_filled=None,
        line=line,
    )


def _cell(cells: Sequence[str], group: FrozenMap[str, int], name: str) -> str:
    offset = group.get(name)
    return cells[offset].strip() if offset is not None and offset < len(cells) else ""


def _groups(
    groups: Sequence[Sequence[str]],
    layout: Layout,
    counts: dict[str, int],
    element: str,
    rate_data: list[tuple[str, str, int, int, int, int]],
) -> tuple[tuple[CandidateResult, ...], tuple[ListResult, ...]]:
    group = layout.group
    as_lists = layout.election in ("municipales", "européennes")
    people: list[CandidateResult] = []
    lists: list[ListResult] = []
    names: set[str] = set()
    header = layout.columns
    for index, cells in enumerate(groups, start=1):
        column = f"group {index}"
        base = layout.start + (index - 1) * layout.width if not layout.long else layout.start

        def label(field_name: str, base: int = base) -> str:
            offset = group.get(field_name)
            return (
                repr(header[base + offset].strip())
                if offset is not None and base + offset < len(header)
                else field_name
            )

        votes = _count(cells[group["votes"]], f"{label('votes')} ({column})")
        number_text = _cell(cells, group, "number")
        number = _count(number_text, f"{label('number')} ({column})") if number_text else None
        seats, flag = _seats(_cell(cells, group, "seats"), f"{label('seats')} ({column})")
        elected_text = _cell(cells, group, "elected")
        if elected_text:
            flag = elected_text
        last, first = _cell(cells, group, "last_name"), _cell(cells, group, "first_name")
        person = " ".join(part for part in (last, first) if part)
        title = (
            _cell(cells, group, "list")
            or _cell(cells, group, "short_list")
            or _cell(cells, group, "binome")
            or person
            or _cell(cells, group, "head")
            or f"n° {number if number is not None else index}"
        )
        name = title if title not in names else f"{title} (n° {number if number is not None else index})"
        names.add(name)
        where = f"{element}/{column}"
        for offset, rate_name, base_name in layout.group_rates:
            if offset < len(cells):
                printed = _rate(cells[offset], f"{rate_name!r} ({column})")
                if printed is not None:
                    rate_data.append((where, rate_name, printed[0], printed[1], votes, counts[base_name]))
        nuance = _cell(cells, group, "nuance") or None
        if as_lists:
            lists.append(
                ListResult(
                    name=name,
                    number=number,
                    votes=votes,
                    full_name=_cell(cells, group, "list") or name,
                    head=_cell(cells, group, "head") or person,
                    nuance=nuance,
                    seats=seats,
                    sector_seats=_optional_count(
                        _cell(cells, group, "sector_seats"), f"{label('sector_seats')} ({column})"
                    ),
                    community_seats=_optional_count(
                        _cell(cells, group, "community_seats"), f"{label('community_seats')} ({column})"
                    ),
                    elected=flag,
                )
            )
        else:
            people.append(
                CandidateResult(
                    name=name,
                    last_name=last or title,
                    first_name=first,
                    civility=_cell(cells, group, "sex"),
                    number=number,
                    nuance=nuance,
                    nuance_name=_cell(cells, group, "nuance_name") or None,
                    votes=votes,
                    elected=flag
                    if flag is not None
                    else ("" if "seats" in group or "elected" in group else None),
                )
            )
    return tuple(people), tuple(lists)


def _senators(
    reader: Iterator[list[str]],
    layout: Layout,
    path: str,
    skipped: int,
    flagged: list[int],
    on_error: OnError | None,
) -> Iterator[Entity]:
    """One place per constituency with its serving senators (``État`` = ``ACTIF``) counted
    in :attr:`~electoral_rules.io.records.Entity.seats_filled`, in order of first appearance
    (a few hundred constituencies at most are kept while reading)."""
    where = layout.fixed["constituency_name"]
    state = layout.fixed["state"]
    found: dict[str, list[int]] = {}  # name -> [first line, serving senators]
    last_line = skipped
    for row in reader:
        line = last_line + 1
        last_line = skipped + reader.line_num  # type: ignore[attr-defined]
        if flagged and flagged[-1] >= line:
            _fail(on_error, path, line, _MIXED)
            continue
        if not any(cell.strip() for cell in row):
            continue
        if len(row) <= max(where, state):
            _fail(
                on_error,
                path,
                line,
                f"truncated row: {len(row)} fields, 'Circonscription' is field {where + 1}",
            )
            continue
        if row[state].strip().upper() != "ACTIF":
            continue
        entry = found.setdefault(row[where].strip(), [line, 0])
        entry[1] += 1
    for name, (line, serving) in found.items():
        yield Entity(
            path=path,
            element=f"line {line}",
            place=Place(level=Level.CONSTITUENCY, code=name, name=name),
            rounds=(),
            seats_filled=serving,
            line=line,
        )


def _long_entities(
    reader: Iterator[list[str]],
    layout: Layout,
    path: str,
    skipped: int,
    flagged: list[int],
    on_error: OnError | None,
) -> Iterator[Entity]:
    """One place per run of consecutive rows with the same place columns."""
    start = layout.start
    pending: list[tuple[int, list[str]]] = []
    last_line = skipped

    def flush() -> Iterator[Entity]:
        if not pending:
            return
        first_line, first = pending[0]
        try:
            yield _long_entity(pending, layout, path)
        except _RowError as err:
            _fail(on_error, path, first_line, str(err))
        del first

    for row in reader:
        line = last_line + 1
        last_line = skipped + reader.line_num  # type: ignore[attr-defined]
        if flagged and flagged[-1] >= line:
            _fail(on_error, path, line, _MIXED)
            continue
        if not any(cell.strip() for cell in row):
            continue
        if len(row) < start:
            _fail(
                on_error,
                path,
                line,
                f"truncated row: {len(row)} fields, the place's columns alone are {start}",
            )
            continue
        if pending and pending[0][1][:start] != row[:start]:
            yield from flush()
            pending = []
        pending.append((line, row))
    yield from flush()


def _long_entity(rows: Sequence[tuple[int, list[str]]], layout: Layout, path: str) -> Entity:
    line, first = rows[0]
    element = f"line {line}"
    place = _place(layout, first)
    counts = _counts(layout, first)
    rate_data = _fixed_rates(layout, first, counts, element)
    groups = []
    for row_line, row in rows:
        cells = row[layout.start :]
        if len(cells) <= layout.group["votes"]:
            raise _RowError(f"truncated row at line {row_line}: no votes column")
        groups.append(cells)
    people, lists = _groups(groups, layout, counts, element, rate_data)
    seats_to_fill = layout.fixed.get("seats_to_fill")
    seats_filled = layout.fixed.get("seats_filled")
    item = RoundResult(
        path=path,
        element=element,
        round=layout.round or 0,
        registered=counts["registered"],
        voters=counts["voters"],
        blank=counts["blank"],
        null=counts["null"],
        expressed=counts["expressed"],
        abstentions=counts.get("abstentions"),
        candidates=people,
        lists=lists,
        rate_data=tuple(rate_data),
    )
    return Entity(
        path=path,
        element=element,
        place=place,
        rounds=(item,),
        seats_to_fill=None if seats_to_fill is None else _count(first[seats_to_fill], "'NbSap'"),
        seats_filled=None if seats_filled is None else _count(first[seats_filled], "'NbSiePourvus'"),
        line=line,
    )


def iter_open_data(
    path: str | os.PathLike[str],
    *,
    on_error: OnError | None = None,
    round: int | None = None,
    year: int | None = None,
) -> Iterator[Entity]:
    """The places of an open-data table, one at a time (see :func:`open_open_data`)."""
    return open_open_data(path, on_error=on_error, round=round, year=year).entities


def read_open_data(
    path: str | os.PathLike[str], *, round: int | None = None, year: int | None = None
) -> OpenDataTable:
    """Read a whole open-data table into a :class:`~electoral_rules.io.records.ResultFile`
    (``kind`` is :attr:`~electoral_rules.io.records.FileKind.OPEN_DATA`); the first row that
    cannot be read raises :class:`~electoral_rules.errors.OfficialFileError` naming its line.

    Use :func:`iter_open_data` to read a national table place by place (bounded memory).
    """
    table = open_open_data(path, round=round, year=year)
    entities = tuple(table.entities)
    return OpenDataTable(
        path=table.path,
        kind=FileKind.OPEN_DATA,
        election=table.layout.election,
        year=table.layout.year or 0,
        entities=entities,
        layout=table.layout,
        encoding=table.encoding,
    )


@dataclass(frozen=True, slots=True, kw_only=True)
class OpenDataTable(ResultFile):
    """A whole open-data table read by :func:`read_open_data`: a
    :class:`~electoral_rules.io.records.ResultFile` with the :class:`Layout` and encoding
    found."""

    layout: Layout
    encoding: str
