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
import importlib
import os
import re
import unicodedata
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from itertools import repeat
from operator import itemgetter
from pathlib import Path
from typing import IO, Any

from .._exact import as_round, require
from .._mapping import FrozenMap
from ..errors import InvalidArgumentError, OfficialFileError
from ._build import _ENTITY_SETTERS, _ROUND_FIELDS, _ROUND_SETTERS, _record, _setters
from ._settle import Entities, Figures, SettleFactory
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
    "SAMPLE_BYTES",
    "SENATORS",
    "XLSX_EXTRA",
    "Layout",
    "OnError",
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
    if not isinstance(code, str) or not isinstance(commune, str):
        raise OfficialFileError(
            f"a department code and a commune code must be text, not {type(code).__name__} and "
            f"{type(commune).__name__} (Ministry open-data files)"
        )
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
    if len(text) >= 5 and text[2:5].isdigit() and text[:2] == department[:2]:
        return text  # already the INSEE code (2026 files: 01004, 2A004), maybe with a sector (75056SR07)
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
    if not isinstance(sample, (bytes, bytearray)):
        raise OfficialFileError(f"a sample of a file must be bytes, not {type(sample).__name__} (Ministry open-data files)")
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
    "code_secteur": "sector",
    "code_du_secteur": "sector",
    "numero_de_secteur": "sector",
    "numero_secteur": "sector",
    "libelle_secteur": "sector_name",
    "libelle_du_secteur": "sector_name",
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
        elif (
            "sexe" in names
            and "voix" in names
            and names.index("sexe") > 0
            and not names[names.index("sexe") - 1]
        ):
            # présidentielle 2022: the group's first column (the board number) is unnamed
            start = names.index("sexe") - 1
            width = len(names) - start
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
    if text.isdigit() and text.isascii() and len(text) <= 12:  # the usual case, no space
        number = int(text)
        if number > MAX_COUNT:
            raise _RowError(f"{column} = {text!r} is above {MAX_COUNT}")
        return number
    value = text.strip()
    if value != text and value:
        return _count(value, column)
    if re.fullmatch(r"-\s*[0-9]+", value):
        raise _RowError(f"{column} = {value!r} is negative")
    if not value:
        raise _RowError(f"{column} is empty")
    raise _RowError(f"{column} = {value!r} is not a whole number")


def _optional_count(text: str, column: str) -> int | None:
    return None if not text or text.isspace() else _count(text, column)


_NOISE_DECIMALS = 6
"""More decimals than this is a spreadsheet's binary float (``1.9500000000000002``): the
value is taken rounded to two decimals, as it was printed before the export."""


def _rate(text: str, column: str) -> tuple[int, int] | None:
    """A printed percentage as ``(digits, decimals)``: ``"61,74%"`` -> ``(6174, 2)``,
    ``"4,3"`` -> ``(43, 1)``, ``"100"`` -> ``(100, 0)``; ``None`` for an empty cell."""
    whole, sep, decimals = text.partition(",")
    if sep and whole.isdigit() and decimals.isdigit() and text.isascii() and len(decimals) <= _NOISE_DECIMALS:
        return int(whole + decimals), len(decimals)  # the usual case: "39,63"
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


_FLAGS = frozenset({"elu", "elue", "elus", "oui", "non", "qualif_t2", "ballottage", "bal"})


def _seats(text: str, column: str) -> tuple[int | None, str | None]:
    """A seats cell: a number of seats, or an elected flag (``Elu``, ``Oui``), or blank."""
    if text.isdigit() and text.isascii():
        return _count(text, column), None
    value = text.strip()
    if not value:
        return None, None
    if value.isascii() and value.isdigit():
        return _count(value, column), None
    if _normal(value) in _FLAGS:
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


def _scan(name: str, encoding: str, digest: hashlib._Hash | None) -> frozenset[int]:
    """One pass over the bytes, a mebibyte at a time: feeds ``digest`` and returns the
    numbers of the lines with bytes of another encoding (invalid UTF-8 in a UTF-8 file,
    UTF-8 sequences in a single-byte one)."""
    utf8 = encoding.startswith("utf-8") or encoding == "ascii"
    flagged: set[int] = set()
    line = 1
    carry = b""
    with open(name, "rb") as handle:
        while True:
            chunk = handle.read(SAMPLE_BYTES)
            if digest is not None and chunk:
                digest.update(chunk)
            data = carry + chunk
            if chunk:
                cut = data.rfind(b"\n") + 1
                part, carry = data[:cut], data[cut:]
            else:
                part, carry = data, b""
            if not part.isascii():
                if utf8:
                    try:
                        part.decode("utf-8")
                    except UnicodeDecodeError:
                        for number, raw in enumerate(part.split(b"\n"), start=line):
                            try:
                                raw.decode("utf-8")
                            except UnicodeDecodeError:
                                flagged.add(number)
                else:
                    for match in _UTF8_IN_SINGLE_BYTE.finditer(part):
                        flagged.add(line + part.count(b"\n", 0, match.start()))
            line += part.count(b"\n")
            if not chunk:
                return frozenset(flagged)


XLSX_EXTRA = "xlsx"
"""The optional extra that reads the Ministry's spreadsheets: ``pip install 'electoral-rules[xlsx]'``
(it installs openpyxl for ``.xlsx`` and xlrd for the older ``.xls``)."""
_WORKBOOK_READERS = {".xlsx": "openpyxl", ".xls": "xlrd"}
"""The package of the optional extra that reads each kind of workbook."""


class _SheetRows:
    """The rows of a workbook's first sheet as lists of text, with ``line_num`` (the sheet's
    row number) as :func:`csv.reader` has it: numbers as digits (a float rounded as
    Python prints it), empty cells as ``""``."""

    def __init__(self, rows: Iterator[tuple[object, ...]]) -> None:
        self.rows = rows
        self.line_num = 0

    def __iter__(self) -> Iterator[list[str]]:
        for row in self.rows:
            self.line_num += 1
            yield [_cell_text(value) for value in row]


def _cell_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return repr(value) if not value.is_integer() else str(int(value))
    return str(value)


def _open_workbook(name: str, display: str) -> Iterator[tuple[object, ...]]:
    suffix = Path(name).suffix.lower()
    package = _WORKBOOK_READERS[suffix]
    try:
        reader = importlib.import_module(package)  # the optional extra, only for a workbook
    except ImportError:
        raise OfficialFileError(
            f"reading a {suffix} table needs the optional extra '{XLSX_EXTRA}': "
            f"pip install 'electoral-rules[{XLSX_EXTRA}]' (or save the sheet as CSV)",
            path=display,
        ) from None
    try:
        if suffix == ".xls":
            sheet = reader.open_workbook(name, on_demand=True).sheet_by_index(0)
            return (tuple(sheet.row_values(row)) for row in range(sheet.nrows))
        book = reader.load_workbook(name, read_only=True, data_only=True)
        return iter(book.worksheets[0].iter_rows(values_only=True))
    except Exception as err:  # a damaged or disguised workbook: zip, XML, BIFF and reader errors
        raise OfficialFileError(
            f"not a readable {suffix} workbook ({type(err).__name__}: {err})", path=display
        ) from None


def _open_xlsx(
    name: str,
    display: str,
    on_error: OnError | None,
    round: int | None,
    year: int | None,
    digest: hashlib._Hash | None,
) -> OpenDataFile:
    if digest is not None:
        with open(name, "rb") as handle:
            for chunk in iter(lambda: handle.read(SAMPLE_BYTES), b""):
                digest.update(chunk)
    rows = _SheetRows(_open_workbook(name, display))
    lines = iter(rows)
    try:
        header = next(lines)
    except StopIteration:
        raise OfficialFileError("empty workbook", path=display) from None
    while header and header[-1] == "":
        header.pop()
    rows.line_num = 0  # as csv.reader after the header: the rows' lines start after it
    try:
        layout = _layout(header, Path(name).name)
    except OfficialFileError as err:
        raise OfficialFileError(str(err), path=display) from None
    if round is not None or year is not None:
        layout = _replace_layout(layout, round=round, year=year)
    entities = _entities(None, _Lines(lines, rows), layout, display, 1, frozenset(), on_error)
    kind = Path(name).suffix.lower()[1:]  # "xlsx" or "xls"
    return OpenDataFile(path=display, encoding=kind, delimiter="", layout=layout, entities=entities)


class _Lines:
    """An iterator of rows with the ``line_num`` of its source (for :class:`_Rows`)."""

    def __init__(self, lines: Iterator[list[str]], source: _SheetRows) -> None:
        self.lines = lines
        self.source = source

    def __iter__(self) -> Iterator[list[str]]:
        return self.lines

    def __next__(self) -> list[str]:
        return next(self.lines)

    @property
    def line_num(self) -> int:
        return self.source.line_num


def _sniff(first: str) -> str:
    counts = {sep: first.count(sep) for sep in (";", "\t", ",")}
    return max(counts, key=lambda sep: (counts[sep], sep == ";"))


def _checked_arguments(path: object, on_error: object, round: object, year: object, digest: object) -> str:
    """The path as a string, once every argument of :func:`open_open_data` is of its kind."""
    require(path, (str, os.PathLike), "path")
    name = os.fspath(path)  # type: ignore[call-overload]  # a str or os.PathLike, checked above
    if not isinstance(name, str) or "\0" in name:
        raise InvalidArgumentError(f"path must name a file as text without NUL characters, got {name!r}")
    if on_error is not None and not callable(on_error):
        raise InvalidArgumentError(f"on_error must be a function taking an OfficialFileError, got {on_error!r}")
    if round is not None:
        as_round(round, "open-data table")
    if year is not None:
        require(year, int, "year")
        if not 1800 <= year <= 9999:  # type: ignore[operator]  # an int, checked above
            raise InvalidArgumentError(f"year must lie between 1800 and 9999, got {year!r}")
    if digest is not None and not callable(getattr(digest, "update", None)):
        raise InvalidArgumentError(f"digest must be a hashlib object, got {digest!r}")
    return name


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
    :param digest: a :mod:`hashlib` object fed every byte of the file.
    :raises OfficialFileError: for a missing, empty or unreadable file, or a header of no
        known layout (naming the columns expected).
    :raises InvalidArgumentError: for a path, callback, round, year or digest of the wrong kind.
    """
    name = _checked_arguments(path, on_error, round, year, digest)
    display = Path(name).as_posix()
    if Path(name).suffix.lower() in _WORKBOOK_READERS:
        try:
            return _open_xlsx(name, display, on_error, round, year, digest)
        except OSError as err:
            raise OfficialFileError(f"cannot be read ({err.strerror or err})", path=display) from None
    try:
        with open(name, "rb") as probe:
            sample = probe.read(SAMPLE_BYTES)
        if not sample.strip():
            raise OfficialFileError("empty file", path=display)
        encoding = detect_encoding(sample)
        flagged = _scan(name, encoding, digest)
        python_encoding = "utf-8-sig" if encoding in ("utf-8", "ascii", "utf-8-sig") else encoding
        handle = open(name, encoding=python_encoding, errors="replace", newline="")  # noqa: SIM115
    except OSError as err:
        raise OfficialFileError(f"cannot be read ({err.strerror or err})", path=display) from None
    try:
        header_line = handle.readline()
        skipped = 1
        while header_line.startswith("%"):  # the Senate tables' SQL preamble
            header_line = handle.readline()
            skipped += 1
        if not header_line.strip():
            raise OfficialFileError("empty file", path=display)
        delimiter = _sniff(header_line)
        header = next(csv.reader([header_line], delimiter=delimiter))
        layout = _layout(header, Path(name).name)
    except OfficialFileError as err:
        handle.close()
        raise OfficialFileError(str(err).removeprefix(f"{display}: "), path=display) from None
    except BaseException:
        handle.close()
        raise
    if round is not None or year is not None:
        layout = _replace_layout(layout, round=round, year=year)
    reader = csv.reader(handle, delimiter=delimiter)
    entities = Entities(
        lambda settle: _entities(handle, reader, layout, display, skipped, flagged, on_error, settle)
    )
    return OpenDataFile(
        path=display, encoding=encoding, delimiter=delimiter, layout=layout, entities=entities
    )


def _replace_layout(layout: Layout, *, round: int | None, year: int | None) -> Layout:
    return dataclasses.replace(
        layout, round=layout.round if round is None else round, year=layout.year if year is None else year
    )


class _Rows:
    """The rows of a table with the number of the line each starts on, rows with bytes of
    another encoding reported (and skipped)."""

    def __init__(
        self,
        reader: Iterator[list[str]],
        path: str,
        skipped: int,
        flagged: frozenset[int],
        on_error: OnError | None,
    ) -> None:
        self.reader = reader
        self.path = path
        self.skipped = skipped
        self.flagged = flagged
        self.on_error = on_error

    def __iter__(self) -> Iterator[tuple[int, list[str]]]:
        reader, flagged, skipped = self.reader, self.flagged, self.skipped
        last_line = skipped
        while True:
            try:
                row = next(reader)
            except StopIteration:
                return
            except csv.Error as err:  # a cell longer than csv.field_size_limit(), a NUL...
                line = last_line + 1
                last_line = skipped + reader.line_num  # type: ignore[attr-defined]
                self.fail(line, f"the row cannot be split into cells ({err})")
                continue
            line = last_line + 1  # a row's first line: one after the previous row's last
            last_line = skipped + reader.line_num  # type: ignore[attr-defined]
            if flagged and any(number in flagged for number in range(line, last_line + 1)):
                self.fail(line, _MIXED)
                continue
            if not row or (len(row) == 1 and not row[0].strip()):
                continue  # a blank line
            yield line, row

    def fail(self, line: int, message: str) -> None:
        _fail(self.on_error, self.path, line, message)


def _entities(
    handle: IO[str] | None,
    reader: Iterator[list[str]],
    layout: Layout,
    path: str,
    skipped: int,
    flagged: frozenset[int],
    on_error: OnError | None,
    settle: SettleFactory | None = None,
) -> Iterator[Entity]:
    rows = _Rows(reader, path, skipped, flagged, on_error)
    try:
        if layout.name == SENATORS:
            yield from _senators(rows, layout, path)
        elif layout.long:
            yield from _long_entities(rows, layout, path)
        else:
            builder = _Builder(layout, path)
            settled = settle(builder.figures) if settle is not None and builder.plain else None
            for line, row in rows:
                if settled is not None and settled(row, line):
                    continue  # every check of the row agreed: no records needed
                try:
                    yield builder.entity(row, line, row)
                except _RowError as err:
                    rows.fail(line, str(err))
    finally:
        if handle is not None:
            handle.close()


def _fail(on_error: OnError | None, path: str, line: int, message: str) -> None:
    error = OfficialFileError(message, path=path, element=f"line {line}")
    if on_error is None:
        raise error
    on_error(error)


_MIXED = "bytes of another encoding than the rest of the file (mixed encoding)"

_NONE = -1
_GROUP_FIELDS = (
    "number",
    "nuance",
    "nuance_name",
    "sex",
    "last_name",
    "head",
    "first_name",
    "list",
    "short_list",
    "binome",
    "seats",
    "elected",
    "sector_seats",
    "community_seats",
    "votes",
)
_LIST_SETTERS = _setters(
    ListResult,
    (
        "name",
        "number",
        "votes",
        "full_name",
        "head",
        "nuance",
        "nuance_name",
        "seats",
        "candidates",
        "sector_seats",
        "community_seats",
        "elected",
    ),
)
_ROUND_SETTER_LIST = tuple(_ROUND_SETTERS[name] for name in _ROUND_FIELDS)
_PLACE_SETTERS = _setters(Place, ("level", "code", "name", "region", "department", "commune", "codes"))


class _Builder:
    """Builds the records of one row of a table of a given layout, with every column's
    position worked out once."""

    def __init__(self, layout: Layout, path: str) -> None:
        self.layout = layout
        self.path = path
        group = layout.group
        self.offsets = {name: group.get(name, _NONE) for name in _GROUP_FIELDS}
        self.pad = max([*group.values(), *(rate[0] for rate in layout.group_rates), 0]) + 2
        """Every group is made this long (with "" cells) before reading, so that the offset
        -1 of an absent column reads the last, always empty, cell."""
        self.votes = self.offsets["votes"]
        self.as_lists = layout.election in ("municipales", "européennes")
        self.flagged_column = "seats" in group or "elected" in group
        self.count_columns = [(name, index) for name, index in layout.fixed.items() if name in _COUNT_FIELDS]
        self.merged = "blank_and_null" in layout.fixed and "blank" not in layout.fixed
        self.place_columns = dict(layout.fixed)
        self.labels: dict[int, dict[str, str]] = {}
        self.round = layout.round or 0
        self.departments: dict[str, str] = {}
        fixed = layout.fixed
        self.commune_columns = (
            (fixed["department"], fixed["commune"], fixed.get("commune_name"))
            if layout.level is Level.COMMUNE
            and "department" in fixed
            and "commune" in fixed
            and "sector" not in fixed
            else None
        )
        self.seats_to_fill = layout.fixed.get("seats_to_fill")
        self.seats_filled = layout.fixed.get("seats_filled")
        self.plain = (
            layout.name in ("wide", "wide, numbered")
            and layout.election == "municipales"
            and self.commune_columns is not None
            and not self.merged
            and self.seats_to_fill is None
            and self.seats_filled is None
            and layout.width > 0
            and self.pad <= layout.width + 1
        )
        """Whether :meth:`figures` reads this layout's rows (a wide table of municipales
        communes, each group's columns within its ``width``)."""
        self.plans: dict[int, _Plan] = {}
        """The plan of :meth:`figures` for rows of each number of lists (made when first met)."""

    def label(self, index: int, field_name: str) -> str:
        """``"'Voix 3' (group 3)"``: a column named in messages."""
        names = self.labels.get(index)
        if names is None:
            layout = self.layout
            base = layout.start + (index - 1) * layout.width if not layout.long else layout.start
            names = {}
            for name, offset in (*layout.group.items(), *((rate[1], rate[0]) for rate in layout.group_rates)):
                column = base + offset
                printed = layout.columns[column].strip() if column < len(layout.columns) else ""
                names[name] = f"{(printed or name)!r} (group {index})"
            self.labels[index] = names
        return names.get(field_name, f"{field_name!r} (group {index})")

    def commune_code(self, values: Sequence[str]) -> tuple[str, str, str, str] | None:
        """``(department as printed, commune as printed, INSEE department, INSEE code)`` of a
        commune's row, the department codes converted once per department; ``None`` for a
        PLM sector, a ``ZX`` department or no department (:func:`_place` reads those)."""
        assert self.commune_columns is not None
        department_at, commune_at, _ = self.commune_columns
        raw = values[department_at].strip()
        commune = values[commune_at].strip()
        if "SR" in commune.upper() or raw in ("ZX", "zx"):
            return None
        department = self.departments.get(raw)
        if department is None:
            department = self.departments[raw] = insee_department(raw) if raw else ""
        if not department:
            return None
        return raw, commune, department, _commune_code(department, commune)

    def commune(self, values: Sequence[str]) -> Place:
        """The place of a commune's (or PLM sector's) row: :func:`_place`, with the
        department codes converted once per department."""
        found = self.commune_code(values)
        if found is None:
            return _place(self.layout, values, self.place_columns)
        raw, commune, department, code = found
        name_at = self.commune_columns[2] if self.commune_columns is not None else None
        name = values[name_at].strip() if name_at is not None else ""
        codes = FrozenMap.wrap({"department": raw, "commune": commune})
        return _record(Place, _PLACE_SETTERS, _COMMUNE_LEVEL, code, name, None, department, commune, codes)

    def counts(self, values: Sequence[str]) -> dict[str, int]:
        counts = {}
        for name, index in self.count_columns:
            text = values[index]
            counts[name] = (
                int(text)
                if text.isdigit() and text.isascii() and len(text) <= 9
                else _count(text, repr(self.layout.columns[index].strip()))
            )
        if self.merged:  # 'Blancs et nuls' (2014): as blank, with null 0
            counts["blank"] = counts["blank_and_null"]
            counts["null"] = 0
        else:
            counts.setdefault("blank", 0)
            counts.setdefault("null", 0)
        return counts

    def fixed_rates(self, values: Sequence[str], counts: dict[str, int], element: str) -> list[_PendingRate]:
        size = len(values)
        return [
            (element, column, values[index], counts[top], counts[bottom])
            for index, column, top, bottom in self.layout.fixed_rates
            if index < size and top in counts and bottom in counts
        ]

    def entity(
        self,
        values: list[str],
        line: int,
        first: Sequence[str],
        groups: Sequence[Sequence[str]] | None = None,
    ) -> Entity:
        layout = self.layout
        start, width = layout.start, layout.width
        if len(first) < start:
            raise _RowError(f"truncated row: {len(first)} fields, the place's columns alone are {start}")
        element = f"line {line}"
        place = (
            self.commune(first)
            if self.commune_columns is not None
            else _place(layout, first, self.place_columns)
        )
        counts = self.counts(first)
        pending = self.fixed_rates(first, counts, element)
        if groups is None:
            found: list[Sequence[str]] = []
            votes_at = self.votes
            size = len(values)
            for offset in range(start, size, width):
                if offset + votes_at < size and values[offset + votes_at]:
                    found.append(values[offset : offset + width])
                    continue
                rest = values[offset:]
                if not "".join(rest).strip():
                    break  # the absent groups (padding)
                cells = values[offset : offset + width]
                if not "".join(cells).strip():
                    continue
                if offset + votes_at >= size:
                    raise _RowError(
                        f"truncated row: group {len(found) + 1} has {len(cells)} of its {width} columns (no votes column)"
                    )
                found.append(cells)
            groups = found
        people, lists = self.groups(groups, counts, element, pending)
        rate_data = _read_rates(pending)
        item = _record(
            RoundResult,
            _ROUND_SETTER_LIST,
            self.path,
            element,
            self.round,
            counts["registered"],
            counts["voters"],
            counts["blank"],
            counts["null"],
            counts["expressed"],
            counts.get("abstentions"),
            people,
            lists,
            rate_data,
            1,
        )
        seats_to_fill, seats_filled = self.seats_to_fill, self.seats_filled
        return _record(
            Entity,
            _ENTITY_SETTERS,
            self.path,
            element,
            place,
            (item,),
            None if seats_to_fill is None else _count(first[seats_to_fill], "'NbSap'"),
            None if seats_filled is None else _count(first[seats_filled], "'NbSiePourvus'"),
            line,
        )

    def title(self, cells: Sequence[str], number: int | None, index: int) -> tuple[str, str, str, str, str]:
        """``(list name, last name, first name, person, title)`` of group ``index``: the
        title is the list's name, else its short name, pair, candidate or head, else
        ``"n° 3"`` (before names already taken are told apart)."""
        at = self.offsets
        full = cells[at["list"]].strip()
        last, first = cells[at["last_name"]].strip(), cells[at["first_name"]].strip()
        person = f"{last} {first}".strip() if last or first else ""
        title = full or cells[at["short_list"]].strip() or cells[at["binome"]].strip() or person or cells[at["head"]].strip()
        if not title:
            title = f"n° {number if number is not None else index}"
        return full, last, first, person, title

    def figures(self, row: list[str]) -> Figures | None:
        """The figures of a row of a :attr:`plain` layout as plain integers, without any record,
        or ``None`` when any cell is not in its usual form (a count or votes of 1 to 9 ASCII
        digits; seats and list numbers the same or ``""``; no elected flag; every percentage
        like ``"39,63"``; full groups, then only ``""`` cells), the place is a PLM sector or
        has no department, or two lists have the same name: the caller then builds the
        records (:meth:`entity`), which read and report such rows. What is read here is
        what :meth:`entity` would read.

        :returns: ``(INSEE code, registered, voters, blank, null, expressed, abstentions,
            percentages' hundredths, their numerators, their denominators, votes, council
            seats, community seats, sector seats)``, the last four per list (``None`` for a
            blank seats cell), the percentages in :meth:`entity`'s order.
        """
        size = len(row)
        layout = self.layout
        start, width = layout.start, layout.width
        lists = 0
        at = start + self.votes
        while at < size and row[at]:
            lists += 1
            at += width
        end = start + lists * width
        if end > size or (end < size and row[end:].count("") != size - end):
            return None  # a short row or group, or cells after the lists: entity() reads them
        place = self.commune_code(row)
        if place is None:
            return None
        plan = self.plans.get(lists) or self.plan(lists)
        joined = ";".join(plan.cells(row))
        if not plan.pattern.fullmatch(joined):
            return None
        parts = joined.replace(",", "").split(";")
        counted = plan.counted
        values = [*map(int, parts[: counted + lists]), 0]  # the counts, the votes, then 0
        votes = values[counted:-1]
        seats: list[int | None] = [None] * lists
        community: list[int | None] = [None] * lists
        sector: list[int | None] = [None] * lists
        numbers: list[int | None] = [None] * lists
        at = counted + lists
        for into, present in zip((seats, community, sector, numbers), plan.optional, strict=True):
            if present:
                into[:] = [int(text) if text else None for text in parts[at : at + lists]]
                at += lists
        if lists > 1:
            names = [name.strip() for name in plan.names(row)]
            if not all(names) or len(set(names)) != lists:
                titles = [
                    self.title([*row[offset : offset + width], ""], numbers[index], index + 1)[4]
                    for index, offset in enumerate(range(start, end, width))
                ]
                if len(set(titles)) != lists:
                    return None  # entity() tells the names apart
        registered, voters, blank, null, expressed = plan.counts(values)
        return (
            place[3],
            registered,
            voters,
            blank,
            null,
            expressed,
            None if plan.abstentions is None else values[plan.abstentions],
            list(map(int, parts[plan.rates :])),
            plan.tops(values),
            plan.bottoms(values),
            votes,
            seats,
            community,
            sector,
        )

    def plan(self, lists: int) -> _Plan:
        """The plan of :meth:`figures` for rows of ``lists`` lists."""
        layout, at = self.layout, self.offsets
        start, width = layout.start, layout.width
        groups = range(start, start + lists * width, width)
        names = [name for name, _ in self.count_columns]
        counted = len(names)
        position = {name: index for index, name in enumerate(names)}
        zero = counted + lists  # the 0 after the counts and the votes: blank, null not printed
        position["blank"] = position.get("blank", zero)
        position["null"] = position.get("null", zero)
        cells = [index for _, index in self.count_columns] + [offset + at["votes"] for offset in groups]
        pieces = [_COUNT_CELL] * len(cells)
        optional = []
        for name in ("seats", "community_seats", "sector_seats", "number"):
            optional.append(at[name] >= 0)
            if at[name] >= 0:
                cells += [offset + at[name] for offset in groups]
                pieces += [_OPTIONAL_CELL] * lists
        if at["elected"] >= 0:
            cells += [offset + at["elected"] for offset in groups]
            pieces += [""] * lists  # no flag
        rates = len(cells)
        tops: list[int] = []
        bottoms: list[int] = []
        for index, _, top, bottom in layout.fixed_rates:
            if top in position and bottom in position:
                cells.append(index)
                tops.append(position[top])
                bottoms.append(position[bottom])
        for number, offset in enumerate(groups):
            for rate_at, _, base in layout.group_rates:
                cells.append(offset + rate_at)
                tops.append(counted + number)
                bottoms.append(position[base])
        pieces += [_RATE_CELL] * (len(cells) - rates)
        plan = self.plans[lists] = _Plan(
            cells=_getter(cells),
            pattern=re.compile(";".join(pieces)),
            counted=counted,
            optional=tuple(optional),
            rates=rates,
            counts=_getter([position[name] for name in ("registered", "voters", "blank", "null", "expressed")]),
            abstentions=position.get("abstentions"),
            tops=_getter(tops),
            bottoms=_getter(bottoms),
            names=_getter([offset + at["list"] for offset in groups] if at["list"] >= 0 else []),
        )
        return plan

    def groups(
        self,
        groups: Sequence[Sequence[str]],
        counts: dict[str, int],
        element: str,
        pending: list[_PendingRate],
    ) -> tuple[tuple[CandidateResult, ...], tuple[ListResult, ...]]:
        at = self.offsets
        votes_at, number_at, seats_at, elected_at = at["votes"], at["number"], at["seats"], at["elected"]
        sector_at, community_at, nuance_at = at["sector_seats"], at["community_seats"], at["nuance"]
        head_at = at["head"]
        rates = self.layout.group_rates
        width = self.pad
        people: list[CandidateResult] = []
        lists: list[ListResult] = []
        names: set[str] = set()
        as_lists = self.as_lists
        for index, cells in enumerate(groups, start=1):
            if len(cells) < width:
                cells = [*cells, *([""] * (width - len(cells)))]  # absent columns (offset -1) read ""
            text = cells[votes_at]
            votes = (
                int(text)
                if text.isdigit() and text.isascii() and len(text) <= 9
                else _count(text, self.label(index, "votes"))
            )
            text = cells[number_at]
            if text.isdigit() and text.isascii() and len(text) <= 9:
                number: int | None = int(text)
            else:
                text = text.strip()
                number = _count(text, self.label(index, "number")) if text else None
            flag: str | None = None
            text = cells[seats_at]
            if text.isdigit() and text.isascii() and len(text) <= 9:
                seats: int | None = int(text)
            else:
                seats, flag = _seats(text, self.label(index, "seats")) if seats_at >= 0 else (None, None)
            if elected_at >= 0:
                text = cells[elected_at].strip()
                if text:
                    flag = text
            full, last, first, person, title = self.title(cells, number, index)
            if title in names:
                title = f"{title} (n° {number if number is not None else index})"
            names.add(title)
            if rates:
                where = f"{element}/group {index}"
                for offset, rate_name, base_name in rates:
                    pending.append((where, rate_name, cells[offset], votes, counts[base_name]))
            nuance = cells[nuance_at].strip() or None
            if as_lists:
                text = cells[community_at]
                community = (
                    int(text)
                    if text.isdigit() and text.isascii() and len(text) <= 9
                    else (
                        _optional_count(text, self.label(index, "community_seats"))
                        if community_at >= 0
                        else None
                    )
                )
                text = cells[sector_at]
                sector = (
                    int(text)
                    if text.isdigit() and text.isascii() and len(text) <= 9
                    else (
                        _optional_count(text, self.label(index, "sector_seats")) if sector_at >= 0 else None
                    )
                )
                lists.append(
                    _record(
                        ListResult,
                        _LIST_SETTERS,
                        title,
                        number,
                        votes,
                        full or title,
                        cells[head_at].strip() or person,
                        nuance,
                        None,
                        seats,
                        (),
                        sector,
                        community,
                        flag,
                    )
                )
            else:
                people.append(
                    CandidateResult(
                        name=title,
                        last_name=last or title,
                        first_name=first,
                        civility=cells[at["sex"]].strip(),
                        number=number,
                        nuance=nuance,
                        nuance_name=cells[at["nuance_name"]].strip() or None,
                        votes=votes,
                        elected=flag if flag is not None else ("" if self.flagged_column else None),
                    )
                )
        return tuple(people), tuple(lists)


def _getter(indices: Sequence[int]) -> Callable[[Sequence[Any]], tuple[Any, ...]]:
    """``itemgetter(*indices)`` that always gives a tuple (of one item, or none)."""
    if len(indices) > 1:
        return itemgetter(*indices)
    if indices:
        index = indices[0]
        return lambda values: (values[index],)
    return lambda values: ()


_COUNT_CELL = "[0-9]{1,9}"
_OPTIONAL_CELL = "[0-9]{0,9}"
_RATE_CELL = "[0-9]{1,3},[0-9]{2}"


@dataclass(frozen=True, slots=True)
class _Plan:
    """Where :meth:`_Builder.figures` reads a row of a given number of lists.

    :ivar cells: the cells read, in order: the counts, the votes, each optional column of
        every list (seats, community seats, sector seats, number), the elected flags, the
        percentages (the place's, then each list's); :ivar pattern: what these cells joined
        by ``;`` must match (counts and votes of 1 to 9 digits, optional cells of 0 to 9,
        elected flags empty, percentages like ``39,63``; no cell can hold a ``;``).
    :ivar counted: how many counts lead; :ivar optional: which optional columns exist;
    :ivar rates: where the percentages start.
    :ivar counts, tops, bottoms: read the registered ... expressed, and each percentage's
        numerator and denominator, from the counts, the 0 and the votes (in that order).
    :ivar abstentions: the abstentions' place in them; :ivar names: the lists' names.
    """

    cells: Callable[[Sequence[str]], tuple[str, ...]]
    pattern: re.Pattern[str]
    counted: int
    optional: tuple[bool, ...]
    rates: int
    counts: Callable[[Sequence[int]], tuple[int, ...]]
    abstentions: int | None
    tops: Callable[[Sequence[int]], tuple[int, ...]]
    bottoms: Callable[[Sequence[int]], tuple[int, ...]]
    names: Callable[[Sequence[str]], tuple[str, ...]]


_PendingRate = tuple[str, str, str, int, int]
"""A printed percentage not yet read: ``(element, column, text, numerator, denominator)``."""
_TWO_DECIMALS = re.compile(r"[0-9]{1,3},[0-9]{2}(?:\n[0-9]{1,3},[0-9]{2})*")


def _read_rates(pending: Sequence[_PendingRate]) -> tuple[tuple[str, str, int, int, int, int], ...]:
    """The ``rate_data`` of a round from its printed percentages: all at once when every one
    is shaped like ``"39,63"`` (one match, one split), else cell by cell (empty cells
    dropped; a malformed one raises naming its column)."""
    if not pending:
        return ()
    wheres, columns, cells, tops, bottoms = zip(*pending, strict=True)
    texts = "\n".join(cells)
    if _TWO_DECIMALS.fullmatch(texts) and texts.count("\n") == len(cells) - 1:  # no cell holds a line end
        digits = map(int, texts.replace(",", "").split("\n"))
        return tuple(zip(wheres, columns, digits, repeat(2), tops, bottoms, strict=False))
    data = []
    for where, column, text, top, bottom in pending:
        label = f"{column!r} ({where.split('/', 1)[1]})" if "/" in where else repr(column)
        printed = _rate(text, label)
        if printed is not None:
            data.append((where, column, printed[0], printed[1], top, bottom))
    return tuple(data)


def _place(layout: Layout, values: Sequence[str], fixed: Mapping[str, int] | None = None) -> Place:
    if fixed is None:
        fixed = dict(layout.fixed)

    def get(name: str) -> str:
        index = fixed.get(name)
        return values[index].strip() if index is not None and index < len(values) else ""

    raw_department = get("department")
    level = layout.level
    codes = {name: get(name) for name in _CODE_FIELDS if name in fixed}
    if level is Level.COMMUNE:
        commune = get("commune")
        sector = get("sector")
        if sector:  # a Paris, Lyon or Marseille sector table (2026): the sector's own code
            digits = sector.upper().removeprefix("SR").lstrip("0") or "0"
            commune = f"{commune}SR{digits.zfill(2)}"
        department = insee_department(raw_department, commune) if raw_department else commune[:2]
        code = _commune_code(department, commune)
        name = get("sector_name") or get("commune_name")
        if "SR" in commune.upper():
            level = Level.SECTOR
        return _record(
            Place, _PLACE_SETTERS, level, code, name, None, department, commune, FrozenMap.wrap(codes)
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
        elif len(constituency) > len(department) + 1 and constituency.startswith(department):
            constituency = constituency[len(department) :]  # 97101 in the 2024 table
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


_COMMUNE_LEVEL = Level.COMMUNE
_CODE_FIELDS = ("department", "commune", "sector", "canton", "constituency", "region", "insee")


def _senators(rows: _Rows, layout: Layout, path: str) -> Iterator[Entity]:
    """One place per constituency with its serving senators (``État`` = ``ACTIF``) counted
    in :attr:`~electoral_rules.io.records.Entity.seats_filled`, in order of first appearance
    (a few hundred constituencies at most are kept while reading)."""
    where = layout.fixed["constituency_name"]
    state = layout.fixed["state"]
    found: dict[str, list[int]] = {}  # name -> [first line, serving senators]
    for line, row in rows:
        if len(row) <= max(where, state):
            rows.fail(line, f"truncated row: {len(row)} fields, 'Circonscription' is field {where + 1}")
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


def _long_entities(rows: _Rows, layout: Layout, path: str) -> Iterator[Entity]:
    """One place per run of consecutive rows with the same place columns."""
    start = layout.start
    builder = _Builder(layout, path)
    pending: list[tuple[int, list[str]]] = []

    def flush() -> Iterator[Entity]:
        if not pending:
            return
        line, first = pending[0]
        groups = [row[start:] for _, row in pending]
        try:
            for row_line, cells in zip((number for number, _ in pending), groups, strict=True):
                if len(cells) <= layout.group["votes"]:
                    raise _RowError(f"truncated row at line {row_line}: no votes column")
            yield builder.entity(first, line, first, groups)
        except _RowError as err:
            rows.fail(line, str(err))

    for line, row in rows:
        if len(row) < start:
            rows.fail(line, f"truncated row: {len(row)} fields, the place's columns alone are {start}")
            continue
        if pending and pending[0][1][:start] != row[:start]:
            yield from flush()
            pending = []
        pending.append((line, row))
    yield from flush()


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
