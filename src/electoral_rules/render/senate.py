"""Presentation of a Senate renewal: a plain-text table (fr/en) and a JSON-ready dict.

>>> from electoral_rules.france.senate_tables import renewal
>>> text = renewal_table(renewal(2014), "en")
>>> print(text.splitlines()[0])
Partial renewal of 2014: série 2, 178 seats in 64 constituencies
>>> renewal_json(renewal(2014))["seats_by_mode"]
{'proportional': 119, 'majoritarian': 59}
"""

from __future__ import annotations

from typing import Any

from .._exact import require
from ..errors import InvalidArgumentError
from ..france.senate_tables import Kind, Mode, Renewal
from .numbers import Lang

__all__ = ["renewal_json", "renewal_table"]


_WORDS: dict[str, dict[str, str]] = {
    "fr": {
        "title": "Renouvellement partiel de {year} : série {series}, {seats} sièges dans {n} "
        "circonscriptions",
        "date": "Scrutin du {date}",
        "table": "Tableau n° 5 : {law} (en vigueur du {start}{end}), étape « à compter du renouvellement "
        "partiel de {stage} »",
        "until": " au {until}",
        "rule": "Représentation proportionnelle à partir de {n} sièges ({basis})",
        "head": "Circonscription|Code|Sièges|Mode de scrutin|Catégorie",
        "totals": "Totaux",
        "line": "{label} : {seats} sièges, {n} {circ}",
        "one": "circonscription",
        "many": "circonscriptions",
        "kinds": "départements métropolitains|départements d'outre-mer|collectivités d'outre-mer|"
        "Français établis hors de France",
        "total": "Total : {seats} sièges (total imprimé au tableau : {printed})",
        # the notes are the packaged tables' own remarks, written in English with their sources
        "notes": "Notes des tables (en anglais, avec leurs sources)",
        Mode.PROPORTIONAL.value: "proportionnel",
        Mode.MAJORITARIAN.value: "majoritaire",
        Kind.METROPOLITAN_DEPARTMENT.value: "département métropolitain",
        Kind.OVERSEAS_DEPARTMENT.value: "département d'outre-mer",
        Kind.OVERSEAS_COLLECTIVITY.value: "collectivité d'outre-mer",
        Kind.FRENCH_ABROAD.value: "Français établis hors de France",
    },
    "en": {
        "title": "Partial renewal of {year}: série {series}, {seats} seats in {n} constituencies",
        "date": "Polling day {date}",
        "table": "Tableau n° 5: {law} (in force from {start}{end}), stage 'à compter du renouvellement "
        "partiel de {stage}'",
        "until": " to {until}",
        "rule": "Proportional representation from {n} seats ({basis})",
        "head": "Constituency|Code|Seats|Voting mode|Kind",
        "totals": "Totals",
        "line": "{label}: {seats} seats, {n} {circ}",
        "one": "constituency",
        "many": "constituencies",
        "kinds": "metropolitan departments|overseas departments|overseas collectivities|"
        "French citizens abroad",
        "total": "Total: {seats} seats (printed total in the table: {printed})",
        "notes": "Notes",
        Mode.PROPORTIONAL.value: "proportional",
        Mode.MAJORITARIAN.value: "majoritarian",
        Kind.METROPOLITAN_DEPARTMENT.value: "metropolitan department",
        Kind.OVERSEAS_DEPARTMENT.value: "overseas department",
        Kind.OVERSEAS_COLLECTIVITY.value: "overseas collectivity",
        Kind.FRENCH_ABROAD.value: "French citizens abroad",
    },
}


def _words(lang: str) -> dict[str, str]:
    if lang not in _WORDS:
        raise InvalidArgumentError(f"lang must be 'fr' or 'en', not {lang!r}")
    return _WORDS[lang]


def _line(words: dict[str, str], label: str, seats: int, n: int) -> str:
    return words["line"].format(label=label, seats=seats, n=n, circ=words["one" if n == 1 else "many"])


def renewal_table(renewal: Renewal, lang: Lang = "fr") -> str:
    """The composition of ``renewal`` as a plain-text table, in French or English.

    One line per constituency in the table's order (name, INSEE code, seats, voting mode,
    kind), then the totals by mode and by kind, the printed total and the notes.

    :raises InvalidArgumentError: for a language other than "fr" or "en".

    >>> from electoral_rules.france.senate_tables import renewal
    >>> lines = renewal_table(renewal(2011)).splitlines()
    >>> lines[0]
    'Renouvellement partiel de 2011 : série 1, 170 sièges dans 45 circonscriptions'
    >>> [line for line in lines if line.startswith("Nord ")]
    ['Nord                              59       11  proportionnel    département métropolitain']
    """
    require(renewal, Renewal, "renewal_table's renewal")
    words = _words(lang)
    t = renewal.table
    lines = [
        words["title"].format(
            year=renewal.year, series=renewal.series, seats=renewal.total_seats, n=len(renewal.constituencies)
        )
    ]
    if renewal.date is not None:
        lines.append(words["date"].format(date=renewal.date.isoformat()))
    end = words["until"].format(until=t.in_force_until.isoformat()) if t.in_force_until else ""
    start = t.in_force_from.isoformat()
    lines.append(words["table"].format(law=t.law, start=start, end=end, stage=renewal.stage))
    lines.append(words["rule"].format(n=renewal.proportional_from, basis=renewal.voting_mode_basis))
    lines.append("")
    rows = [tuple(words["head"].split("|"))] + [
        (c.name, c.code or "", str(c.seats), words[c.mode.value], words[c.kind.value])
        for c in renewal.constituencies
    ]
    widths = [max(len(row[i]) for row in rows) for i in range(4)]
    for name, code, seats, mode_word, kind_word in rows:
        cells = (
            name.ljust(widths[0]),
            code.ljust(widths[1]),
            seats.rjust(widths[2]),
            mode_word.ljust(widths[3]),
        )
        lines.append("  ".join((*cells, kind_word)).rstrip())
    lines += ["", words["totals"]]
    by_mode, n_mode = renewal.seats_by_mode, renewal.constituencies_by_mode
    by_kind, n_kind = renewal.seats_by_kind, renewal.constituencies_by_kind
    for mode in Mode:
        lines.append("  " + _line(words, words[mode.value], by_mode[mode], n_mode[mode]))
    for kind, label in zip(Kind, words["kinds"].split("|"), strict=True):
        if n_kind[kind]:
            lines.append("  " + _line(words, label, by_kind[kind], n_kind[kind]))
    lines.append(words["total"].format(seats=renewal.total_seats, printed=renewal.printed_total))
    if renewal.notes:
        lines += ["", words["notes"]]
        lines += [f"- {note}" for note in renewal.notes]
    return "\n".join(lines)


def renewal_json(renewal: Renewal) -> dict[str, Any]:
    """``renewal`` as a dict of JSON types (str, int, list, dict, None), keys in a stable order.

    >>> from electoral_rules.france.senate_tables import renewal
    >>> data = renewal_json(renewal(2014))
    >>> data["total_seats"], data["constituencies_by_kind"]["metropolitan_department"]
    (178, 58)
    >>> belfort = data["constituencies"][12]
    >>> belfort["name"], belfort["code"], belfort["seats"], belfort["mode"], belfort["basis"]
    ('Territoire de Belfort', '90', 1, 'majoritarian', 'Ain à Indre')
    """
    require(renewal, Renewal, "renewal_json's renewal")
    t = renewal.table
    return {
        "year": renewal.year,
        "date": renewal.date.isoformat() if renewal.date else None,
        "series": renewal.series,
        "table": {
            "id": t.id,
            "law": t.law,
            "in_force_from": t.in_force_from.isoformat(),
            "in_force_until": t.in_force_until.isoformat() if t.in_force_until else None,
            "stage": renewal.stage,
            "source": t.source,
        },
        "proportional_from": renewal.proportional_from,
        "legal_basis": renewal.legal_basis,
        "voting_mode_basis": renewal.voting_mode_basis,
        "total_seats": renewal.total_seats,
        "printed_total": renewal.printed_total,
        "seats_by_mode": {m.value: n for m, n in renewal.seats_by_mode.items()},
        "constituencies_by_mode": {m.value: n for m, n in renewal.constituencies_by_mode.items()},
        "seats_by_kind": {k.value: n for k, n in renewal.seats_by_kind.items()},
        "constituencies_by_kind": {k.value: n for k, n in renewal.constituencies_by_kind.items()},
        "constituencies": [
            {
                "name": c.name,
                "printed_name": c.printed_name,
                "code": c.code,
                "seats": c.seats,
                "series": c.series,
                "mode": c.mode.value,
                "kind": c.kind.value,
                "basis": c.basis,
            }
            for c in renewal.constituencies
        ],
        "notes": list(renewal.notes),
    }
