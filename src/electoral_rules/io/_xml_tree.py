"""The XML tree reader: every document of the PR2017 format and the Senate feed, element by
element, naming the file and the element in every error (see :mod:`~electoral_rules.io.ministry_xml`)."""

from __future__ import annotations

import datetime as _dt
import functools
import xml.etree.ElementTree as ET
from collections.abc import Callable, Mapping
from dataclasses import fields as _fields

from .._mapping import FrozenMap
from ..errors import OfficialFileError
from ._build import _INDEX_ENTRY_SETTERS, _record
from .records import (
    MAX_COUNT,
    CandidateResult,
    Candidatures,
    DepartmentIndex,
    Entity,
    FileKind,
    IndexEntry,
    Level,
    ListResult,
    NationalIndex,
    OfficialDocument,
    Place,
    Reference,
    ResultFile,
    RoundResult,
)

__all__: list[str] = []

_FRANCE, _REGION, _DEPARTMENT, _SECTION, _COMMUNE, _ARRONDISSEMENT, _CONSTITUENCY, *_ = Level
"""The levels as module constants, read per place (see ``records``)."""

# ---------------------------------------------------------------------------------------
# reading helpers


class _Reader:
    """Reads values out of one file, naming the file in every error."""

    __slots__ = ("path",)

    def __init__(self, path: str) -> None:
        self.path = path

    def fail(self, message: str, element: str) -> OfficialFileError:
        return OfficialFileError(message, path=self.path, element=element)

    def count(self, text: str | None, element: str) -> int:
        if text is None:
            raise self.fail("required count is missing", element)
        stripped = text.strip()
        if 0 < len(stripped) <= 9 and stripped.isascii() and stripped.isdigit():
            return int(stripped)
        if stripped[:1] == "-" and stripped[1:].isascii() and stripped[1:].isdigit():
            raise self.fail(f"count {stripped[:40]!r} is negative", element)
        if stripped.isascii() and stripped.isdigit():
            if int(stripped[:40]) <= MAX_COUNT:  # leading zeros
                return int(stripped[:40])
            raise self.fail(
                f"count {stripped[:40]!r} is above the {MAX_COUNT:,} accepted (an absurd figure for any "
                "French constituency)".replace(",", " "),
                element,
            )
        raise self.fail(f"count {text[:40]!r} is not a whole number", element)

    def child_count(self, parent: ET.Element, tag: str, element: str) -> int:
        node = parent.find(tag)
        if node is None:
            raise self.fail(f"required element <{tag}> is missing", element)
        return self.count(node.text, f"{element}/{tag}")

    def optional_count(self, parent: ET.Element, tag: str, element: str) -> int | None:
        node = parent.find(tag)
        return None if node is None else self.count(node.text, f"{element}/{tag}")

    def decimal(self, text: str | None, element: str) -> tuple[int, int]:
        """A French decimal (``"  39,63"``) as ``(3963, 2)``: digits and number of decimals."""
        whole, comma, fraction = (text or "").strip().partition(",")
        if (
            0 < len(whole) <= 4
            and len(fraction) <= 6
            and (fraction or not comma)
            and (whole + fraction).isascii()
            and (whole + fraction).isdigit()
        ):
            return int(whole + fraction), len(fraction)
        raise self.fail(f"percentage {text!r} is not a French decimal such as '39,63'", element)

    def text(self, parent: ET.Element, tag: str, element: str) -> str:
        node = parent.find(tag)
        if node is None or node.text is None or not node.text.strip():
            raise self.fail(f"required element <{tag}> is missing or empty", f"{element}/{tag}")
        return node.text.strip()

    def when(self, parent: ET.Element, date_tag: str, time_tag: str, element: str) -> _dt.datetime | None:
        day = parent.findtext(date_tag)
        if day is None:
            return None
        clock = parent.findtext(time_tag) or "00:00:00"
        try:
            return _when(f"{day.strip()} {clock.strip()}")
        except ValueError:
            raise self.fail(
                f"date {day!r} {clock!r} is not DD-MM-YYYY HH:MM:SS", f"{element}/{date_tag}"
            ) from None

    def flag(self, parent: ET.Element, tag: str, element: str) -> bool | None:
        value = parent.findtext(tag)
        if value is None:
            return None
        value = value.strip().upper()
        if value not in ("O", "N"):
            raise self.fail(f"flag {value!r} must be 'O' or 'N'", f"{element}/{tag}")
        return value == "O"


@functools.lru_cache(maxsize=4096)
def _when(text: str) -> _dt.datetime:
    """``"23-04-2017 21:00:00"`` as a datetime (remembered: an index repeats a few times)."""
    return _dt.datetime.strptime(text, "%d-%m-%Y %H:%M:%S")


def _scalars(node: ET.Element) -> dict[str, str]:
    return {child.tag: (child.text or "").strip() for child in node if len(child) == 0}


_MENTIONS = (
    ("Inscrits", "registered"),
    ("Abstentions", "abstentions"),
    ("Votants", "voters"),
    ("Blancs", "blank"),
    ("Nuls", "null"),
    ("Exprimes", "expressed"),
)
_ENTITY_TAGS = {
    "Region": Level.REGION,
    "Departement": Level.DEPARTMENT,
    "Commune": Level.COMMUNE,
    "Section": Level.SECTION,
    "Circonscription": Level.CONSTITUENCY,
}
_CONTAINERS = frozenset(
    {"Regions", "Departements", "Communes", "Sections", "Circonscriptions", "EnsembleGeo"}
)
_CODE_TAGS = {
    Level.REGION: ("CodReg3Car", "CodReg", "LibReg"),
    Level.DEPARTMENT: ("CodDpt3Car", "CodDpt", "LibDpt"),
    Level.COMMUNE: ("CodSubCom", "CodSubCom", "LibSubCom"),
    Level.SECTION: ("CodSec", "CodSec", "LibSec"),
    Level.CONSTITUENCY: ("CodCirElec", "CodCirElec", "LibCirElec"),
}


_RATE_BASES = {
    f"Rapport{stem}{plural}": base
    for stem, base in (("Inscrit", "registered"), ("Votant", "voters"), ("Exprime", "expressed"))
    for plural in ("", "s")
}


_CODE_TAGS_BY_VALUE = {level._value_: tags for level, tags in _CODE_TAGS.items()}
_PLACE_FIELDS = ("level", "code", "name", "region", "department", "commune", "codes")
assert tuple(item.name for item in _fields(Place)) == _PLACE_FIELDS, "_place sets every field"
assert not hasattr(Place, "__post_init__"), "_place does not call __init__"
_PLACE_SETTERS: tuple[Callable[[Place, object], None], ...] = tuple(
    Place.__dict__[name].__set__ for name in _PLACE_FIELDS
)


def _place(level: Level, codes: Mapping[str, str], reader: _Reader, element: str) -> Place:
    if level is _FRANCE:
        return Place(level=level, code="FE", name="France entière", codes=FrozenMap(codes))
    primary, fallback, label = _CODE_TAGS_BY_VALUE[level._value_]
    code = codes.get(primary) or codes.get(fallback)
    if not code:
        raise reader.fail(f"required code <{primary}> is missing or empty", element)
    region = codes.get("CodReg3Car") or (codes["CodReg"].zfill(3) if codes.get("CodReg") else None)
    if level is _COMMUNE and "AR" in code[3:]:
        level = _ARRONDISSEMENT
    # Place(level=level, code=code, ...) without the frozen __init__'s field-by-field
    # object.__setattr__ (a national tree has a place per commune in three files)
    return _record(
        Place,
        _PLACE_SETTERS,
        level,
        code,
        codes.get(label, ""),
        region,
        codes.get("CodDpt3Car") or None,
        codes.get("CodSubCom") or None,
        FrozenMap(codes),
    )


# ---------------------------------------------------------------------------------------
# rounds


def _read_round(tour: ET.Element, reader: _Reader, where: str, names_per_ballot: int) -> RoundResult:
    number = reader.child_count(tour, "NumTour", f"{where}/Tour")
    element = f"{where}/Tour[{number}]" if where else f"Tour[{number}]"
    mentions = tour.find("Mentions")
    if mentions is None:
        raise reader.fail("required element <Mentions> is missing", f"{element}/Mentions")
    counts: dict[str, int | None] = {}
    raw_rates: list[tuple[str, str, int, int, str, str]] = []
    for tag, field_name in _MENTIONS:
        node = mentions.find(tag)
        if node is None:
            if field_name == "abstentions":
                counts[field_name] = None
                continue
            raise reader.fail(f"required element <{tag}> is missing", f"{element}/Mentions/{tag}")
        counts[field_name] = reader.child_count(node, "Nombre", f"{element}/Mentions/{tag}")
        _add_rates(node, reader, f"{element}/Mentions/{tag}", field_name, raw_rates)
    resultats = tour.find("Resultats")
    if resultats is None:
        raise reader.fail("required element <Resultats> is missing", f"{element}/Resultats")
    candidates: tuple[CandidateResult, ...] = ()
    lists: tuple[ListResult, ...] = ()
    votes_of: dict[str, int] = {}
    listes = resultats.find("Listes")
    candidats = resultats.find("Candidats")
    if listes is not None:
        lists = _read_lists(listes, reader, element, raw_rates, votes_of)
        per_ballot = 1
    elif candidats is not None:
        candidates = _read_candidates(candidats, reader, element, raw_rates, votes_of, with_votes=True)
        per_ballot = names_per_ballot
    else:
        raise reader.fail("<Resultats> holds neither <Candidats> nor <Listes>", f"{element}/Resultats")
    if not votes_of:
        raise reader.fail("no candidate or list in the results", f"{element}/Resultats")
    rates = []
    for where_, tag, digits, decimals, numerator, base in raw_rates:
        top = votes_of[numerator] if numerator in votes_of else counts[numerator]
        bottom = counts[base]
        if top is None or bottom is None:  # a rate of an absent optional count
            raise reader.fail("percentage of a count that is not given", f"{where_}/{tag}")
        rates.append((where_, tag, digits, decimals, top, bottom))
    return RoundResult(
        path=reader.path,
        element=element,
        round=number,
        registered=counts["registered"] or 0,
        voters=counts["voters"] or 0,
        blank=counts["blank"] or 0,
        null=counts["null"] or 0,
        expressed=counts["expressed"] or 0,
        abstentions=counts["abstentions"],
        candidates=candidates,
        lists=lists,
        rate_data=tuple(rates),
        names_per_ballot=per_ballot,
    )


def _add_rates(
    node: ET.Element,
    reader: _Reader,
    element: str,
    key: str,
    raw_rates: list[tuple[str, str, int, int, str, str]],
) -> None:
    for child in node:
        tag = child.tag
        if tag[:7] == "Rapport":
            base = _RATE_BASES.get(tag)
            if base is None:
                raise reader.fail(f"unknown percentage <{tag}>", f"{element}/{tag}")
            text = child.text
            whole, _comma, fraction = text.strip().partition(",") if text else ("", "", "")
            if (
                len(fraction) == 2
                and 0 < len(whole) <= 4
                and whole.isascii()
                and whole.isdigit()
                and fraction.isascii()
                and fraction.isdigit()
            ):
                digits, decimals = int(whole) * 100 + int(fraction), 2  # the usual "  39,63"
            else:
                digits, decimals = reader.decimal(text, f"{element}/{tag}")
            raw_rates.append((element, tag, digits, decimals, key, base))


def _person(values: Mapping[str, str], reader: _Reader, element: str) -> tuple[str, str, str, str]:
    last = values.get("NomPsn", "")
    if not last:
        raise reader.fail("required element <NomPsn> is missing or empty", f"{element}/NomPsn")
    first = values.get("PrenomPsn", "")
    return (f"{last} {first}".strip(), last, first, values.get("CivilitePsn", ""))


def _read_candidates(
    candidats: ET.Element,
    reader: _Reader,
    element: str,
    raw_rates: list[tuple[str, str, int, int, str, str]],
    votes_of: dict[str, int],
    *,
    with_votes: bool,
) -> tuple[CandidateResult, ...]:
    result: list[CandidateResult] = []
    numbers: set[int] = set()
    orders: set[int] = set()
    for index, node in enumerate(candidats.iterfind("Candidat"), start=1):
        values = {child.tag: (child.text or "").strip() for child in node}
        raw_number = values.get("NumPanneauCand")
        raw_order = values.get("NumOrdCand")
        label = raw_number or raw_order or str(index)
        where = f"{element}/Candidat[{label}]"
        name, last, first, civility = _person(values, reader, where)
        number = None if raw_number is None else reader.count(raw_number, f"{where}/NumPanneauCand")
        order = None if raw_order is None else reader.count(raw_order, f"{where}/NumOrdCand")
        if number is not None:
            if number in numbers:
                raise reader.fail(f"duplicate candidate number {number}", f"{where}/NumPanneauCand")
            numbers.add(number)
        if order is not None:
            if order in orders:
                raise reader.fail(f"duplicate candidate rank {order}", f"{where}/NumOrdCand")
            orders.add(order)
        if name in votes_of:
            raise reader.fail(f"duplicate candidate {name!r}", f"{where}/NomPsn")
        votes = None
        if with_votes:
            text = values.get("NbVoix", "")
            votes = (
                int(text)
                if 0 < len(text) <= 9 and text.isdigit() and text.isascii()
                else reader.count(values.get("NbVoix"), f"{where}/NbVoix")
            )
            votes_of[name] = votes
            _add_rates(node, reader, where, name, raw_rates)
        else:
            votes_of[name] = 0
        result.append(
            CandidateResult(
                name=name,
                last_name=last,
                first_name=first,
                civility=civility,
                number=number,
                order=order,
                nuance=values.get("CodNuaCand"),
                nuance_name=values.get("LibNuaCand"),
                votes=votes,
                elected=values.get("Elu"),
            )
        )
    return tuple(result)


def _read_lists(
    listes: ET.Element,
    reader: _Reader,
    element: str,
    raw_rates: list[tuple[str, str, int, int, str, str]],
    votes_of: dict[str, int],
) -> tuple[ListResult, ...]:
    result: list[ListResult] = []
    numbers: set[int] = set()
    for index, node in enumerate(listes.findall("Liste"), start=1):
        values = _scalars(node)
        label = values.get("NumListe") or str(index)
        where = f"{element}/Liste[{label}]"
        number = None if "NumListe" not in values else reader.count(values["NumListe"], f"{where}/NumListe")
        if number is not None:
            if number in numbers:
                raise reader.fail(f"duplicate list number {number}", f"{where}/NumListe")
            numbers.add(number)
        name = values.get("NomListe") or values.get("NomCompListe") or ""
        if not name:
            raise reader.fail("required element <NomListe> is missing or empty", f"{where}/NomListe")
        if name in votes_of:
            raise reader.fail(f"duplicate list {name!r}", f"{where}/NomListe")
        votes = reader.count(values.get("NbVoix"), f"{where}/NbVoix")
        votes_of[name] = votes
        _add_rates(node, reader, where, name, raw_rates)
        seats_text = values.get("NbSieges")
        people: tuple[CandidateResult, ...] = ()
        candidats = node.find("Candidats")
        if candidats is not None:
            people = _read_candidates(candidats, reader, where, [], {}, with_votes=False)
        head = f"{values.get('NomTeteListe', '')} {values.get('PrenomTeteListe', '')}".strip()
        result.append(
            ListResult(
                name=name,
                number=number,
                votes=votes,
                full_name=values.get("NomCompListe", name),
                head=head,
                nuance=values.get("CodNuaListe"),
                nuance_name=values.get("LibNuaListe"),
                seats=None if seats_text is None else reader.count(seats_text, f"{where}/NbSieges"),
                candidates=people,
            )
        )
    return tuple(result)


# ---------------------------------------------------------------------------------------
# documents


def _entity(node: ET.Element, level: Level, codes: dict[str, str], reader: _Reader, where: str) -> Entity:
    place = _place(level, codes, reader, where)
    seats_to_fill = reader.optional_count(node, "NbSap", where)
    seats_filled = reader.optional_count(node, "NbSiePourvus", where)
    tours = node.find("Tours")
    assert tours is not None
    per_ballot = seats_to_fill if (level is Level.CONSTITUENCY and seats_to_fill) else 1
    rounds: list[RoundResult] = []
    seen: set[int] = set()
    for tour in tours.findall("Tour"):
        item = _read_round(tour, reader, where, per_ballot)
        if item.round in seen:
            raise reader.fail(f"round {item.round} appears twice", item.element)
        seen.add(item.round)
        rounds.append(item)
    if not rounds:
        raise reader.fail("<Tours> holds no <Tour>", f"{where}/Tours")
    return Entity(
        path=reader.path,
        element=where,
        place=place,
        rounds=tuple(rounds),
        seats_to_fill=seats_to_fill,
        seats_filled=seats_filled,
    )


def _label(tag: str, codes: Mapping[str, str], level: Level) -> str:
    primary, fallback, _ = _CODE_TAGS_BY_VALUE[level._value_]
    return f"{tag}[{codes.get(primary) or codes.get(fallback) or '?'}]"


def _read_results(root: ET.Element, reader: _Reader, election: str, year: int) -> ResultFile:
    entities: list[Entity] = []
    if root.find("Tours") is not None:
        entities.append(_entity(root, Level.FRANCE, {}, reader, "FE"))
    stack: list[tuple[ET.Element, dict[str, str], str]] = [(root, {}, "")]
    while stack:
        node, inherited, where = stack.pop()
        children: list[tuple[ET.Element, dict[str, str], str]] = []
        for child in node:
            candidates = (
                [child] if child.tag in _ENTITY_TAGS else list(child) if child.tag in _CONTAINERS else []
            )
            if child.tag == "EnsembleGeo":
                inherited = {**inherited, **_scalars(child)}
            for item in candidates:
                level = _ENTITY_TAGS.get(item.tag)
                if level is None:
                    continue
                codes = {**inherited, **_scalars(item)}
                label = _label(item.tag, codes, level)
                path = f"{where}/{label}" if where else label
                if item.find("Tours") is not None:
                    entities.append(_entity(item, level, codes, reader, path))
                children.append((item, codes, path))
        stack.extend(reversed(children))
    if not entities:
        raise reader.fail("no results (no <Tours>) found in the document", "Election")
    keys: set[tuple[str, str]] = set()
    for entity in entities:
        if entity.place.key in keys:
            raise reader.fail(f"place {entity.place} appears twice", entity.element)
        keys.add(entity.place.key)
    levels = {entity.place.level for entity in entities}
    if Level.CONSTITUENCY in levels:
        kind = FileKind.SENATE
    elif Level.FRANCE in levels:
        kind = FileKind.FRANCE
    elif levels & {Level.COMMUNE, Level.ARRONDISSEMENT}:
        kind = FileKind.COMMUNE if len(entities) == 1 else FileKind.DEPARTMENT_COMMUNES
    elif Level.SECTION in levels:
        kind = FileKind.SECTION
    elif Level.DEPARTMENT in levels:
        kind = FileKind.DEPARTMENT
    else:
        kind = FileKind.REGION
    return ResultFile(path=reader.path, kind=kind, election=election, year=year, entities=tuple(entities))


_FLAG_TAGS = {"Commune": "ResultatsParvenus", "Section": "ResultatsComplets"}
"""The completeness flag of an index line, by its tag (``Complet`` otherwise)."""


def _index_entry(
    node: ET.Element, level: Level, inherited: Mapping[str, str], reader: _Reader, where: str
) -> IndexEntry:
    """One index line. The usual line (leaves only, each tag once, well-formed dates and
    flag) is read from one mapping of its texts; any other goes through
    :func:`_index_entry_general`, which reads it or names the faulty element."""
    own = {child.tag: (child.text or "").strip() for child in node}
    if len(own) == len(node) and not any(map(len, node)):
        flag = own.get(_FLAG_TAGS.get(node.tag, "Complet"))
        complete = None if flag is None else _FLAGS.get(flag.upper())
        try:
            updated = _own_when(own, "DateDerMaj", "HeureDerMaj")
            extracted = _own_when(own, "DateDerExtract", "HeureDerExtract")
        except ValueError:
            pass  # a faulty date: the general reader names it
        else:
            if flag is None or complete is not None:  # no flag, or "O" or "N"
                codes = {**inherited, **own}
                place = _place(level, codes, reader, f"{where}/{_label(node.tag, codes, level)}")
                return _record(IndexEntry, _INDEX_ENTRY_SETTERS, place, updated, extracted, complete)
    return _index_entry_general(node, level, inherited, reader, where)


_FLAGS = {"O": True, "N": False}


def _own_when(texts: Mapping[str, str], date_tag: str, time_tag: str) -> _dt.datetime | None:
    """:meth:`_Reader.when` on a line's stripped texts (``ValueError`` for a faulty date)."""
    day = texts.get(date_tag)
    return None if day is None else _when(f"{day} {texts.get(time_tag) or '00:00:00'}")


def _index_entry_general(
    node: ET.Element, level: Level, inherited: Mapping[str, str], reader: _Reader, where: str
) -> IndexEntry:
    codes = {**inherited, **_scalars(node)}
    path = f"{where}/{_label(node.tag, codes, level)}"
    flag_tag = _FLAG_TAGS.get(node.tag, "Complet")
    return IndexEntry(
        place=_place(level, codes, reader, path),
        updated=reader.when(node, "DateDerMaj", "HeureDerMaj", path),
        extracted=reader.when(node, "DateDerExtract", "HeureDerExtract", path),
        complete=reader.flag(node, flag_tag, path),
    )


def _read_national_index(root: ET.Element, reader: _Reader, election: str, year: int) -> NationalIndex:
    departments = tuple(
        _index_entry(node, Level.DEPARTMENT, {}, reader, "Departements")
        for node in root.findall("Departements/Departement")
    )
    regions = tuple(
        _index_entry(node, Level.REGION, {}, reader, "Regions") for node in root.findall("Regions/Region")
    )
    return NationalIndex(
        path=reader.path, election=election, year=year, departments=departments, regions=regions
    )


def _read_department_index(root: ET.Element, reader: _Reader, election: str, year: int) -> DepartmentIndex:
    department = root.find("Departement")
    assert department is not None
    codes = _scalars(department)
    where = _label("Departement", codes, Level.DEPARTMENT)
    tours = department.findall("Tours/Tour")
    if len(tours) != 1:
        raise reader.fail(f"a department index holds one round, found {len(tours)}", f"{where}/Tours")
    tour = tours[0]
    number = reader.child_count(tour, "NumTour", f"{where}/Tour")
    inner = f"{where}/Tour[{number}]"
    communes = tuple(
        _index_entry(node, _COMMUNE, codes, reader, f"{inner}/Communes")
        for node in tour.findall("Communes/Commune")
    )
    sections = tuple(
        _index_entry(node, _SECTION, codes, reader, f"{inner}/Sections")
        for node in tour.findall("Sections/Section")
    )
    return DepartmentIndex(
        path=reader.path,
        election=election,
        year=year,
        place=_place(_DEPARTMENT, codes, reader, where),
        round=number,
        communes=communes,
        sections=sections,
    )


def _read_reference(root: ET.Element, reader: _Reader, election: str, year: int) -> Reference:
    places: list[Place] = []
    for region in root.findall("Regions/Region"):
        region_codes = _scalars(region)
        region_where = f"Regions/{_label('Region', region_codes, _REGION)}"
        places.append(_place(_REGION, region_codes, reader, region_where))
        for department in region.findall("Departements/Departement"):
            codes = {**region_codes, **_scalars(department)}
            where = f"{region_where}/{_label('Departement', codes, _DEPARTMENT)}"
            places.append(_place(_DEPARTMENT, codes, reader, where))
            for commune in department.findall("Communes/Commune"):
                commune_codes = {**codes, **_scalars(commune)}
                places.append(
                    _place(
                        _COMMUNE,
                        commune_codes,
                        reader,
                        f"{where}/{_label('Commune', commune_codes, _COMMUNE)}",
                    )
                )
    keys: set[tuple[str, str]] = set()
    for place in places:
        key = place.key
        if key in keys:
            raise reader.fail(f"place {place} appears twice", "Regions")
        keys.add(key)
    return Reference(path=reader.path, election=election, year=year, places=tuple(places))


def _read_document(root: ET.Element, path: str) -> OfficialDocument:
    reader = _Reader(path)
    if root.tag != "Election":
        raise reader.fail(f"root element is <{root.tag}>, expected <Election>", root.tag)
    election = reader.text(root, "Scrutin/Type", "Election")
    year = reader.count(root.findtext("Scrutin/Annee"), "Election/Scrutin/Annee")
    if root.find("Candidats") is not None:
        votes: dict[str, int] = {}
        people = _read_candidates(root.find("Candidats"), reader, "Candidats", [], votes, with_votes=False)  # type: ignore[arg-type]
        return Candidatures(path=path, election=election, year=year, candidates=people)
    if root.find("Regions/Region/Departements") is not None:
        return _read_reference(root, reader, election, year)
    if root.find("Departements") is not None or root.find("Regions") is not None:
        return _read_national_index(root, reader, election, year)
    if (
        root.find("Departement/Tours/Tour/Communes") is not None
        and root.find("Departement/Tours/Tour/Mentions") is None
    ):
        return _read_department_index(root, reader, election, year)
    return _read_results(root, reader, election, year)
