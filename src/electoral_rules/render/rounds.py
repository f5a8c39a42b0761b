"""Explanations of majoritarian rounds, in French and English, built from the outcome's trace.

>>> from electoral_rules import Tally
>>> from electoral_rules.france import legislative
>>> outcome = legislative.elect(Tally(votes={"A": 4200, "B": 3100, "C": 1500},
...                                         registered=16000))
>>> print(explain_round(outcome, "fr"))
Législatives, premier tour (1 siège à pourvoir)
Inscrits : 16 000 ; exprimés : 8 800.
Majorité absolue : 4 401 voix ; quart des inscrits : 4 000 voix ;
12,5 % des inscrits pour le second tour : 2 000 voix.
- A : 4 200 voix (47,73 % des exprimés) : qualifié(e) pour le second tour
- B : 3 100 voix (35,23 % des exprimés) : qualifié(e) pour le second tour
- C : 1 500 voix (17,05 % des exprimés) : éliminé(e)
Élu(s) : aucun.
Peuvent se présenter au second tour : A, B.
Base légale : Code électoral, art. L126, L162.

(The thresholds line is wrapped here for width; the text has one line per item.)
Numbers follow French typography in French (``18 027 198``, ``12,5 %``) and English
typography in English (``18,027,198``, ``12.5%``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .._exact import percent_hundredths, require
from ..errors import InvalidArgumentError
from ..outcome import Method, RoundOutcome, StepKind, Threshold, Tie
from .notes import criterion_text, note_text, stage_text
from .numbers import integer, percentage

if TYPE_CHECKING:  # pragma: no cover
    from .numbers import Lang

__all__ = ["explain_round", "percent_of"]

_ELECTIONS = {
    "législatives": ("Législatives", "Legislative election"),
    "départementales": ("Départementales", "Departmental election"),
    "présidentielle": ("Présidentielle", "Presidential election"),
    "sénatoriales": ("Sénatoriales", "Senate election"),
    "municipales": ("Municipales", "Municipal election"),
    "régionales": ("Régionales", "Regional election"),
    "européennes": ("Européennes", "European election"),
    "Assemblée de Corse": ("Assemblée de Corse", "Corsican Assembly"),
    "Assemblée de Martinique": ("Assemblée de Martinique", "Assembly of Martinique"),
    "Assemblée de Guyane": ("Assemblée de Guyane", "Assembly of French Guiana"),
    "Assemblée de la Polynésie française": ("Assemblée de la Polynésie française", "Assembly of French Polynesia"),
}

_STATUS = {
    "elected": ("élu(e)", "elected"),
    "qualified": ("qualifié(e) pour le second tour", "may stand in the second round"),
    "eliminated": ("éliminé(e)", "eliminated"),
    "not elected": ("non élu(e)", "not elected"),
    "withdrawn": ("retiré(e)", "withdrawn"),
    "undetermined": ("à départager (égalité non tranchée)", "undetermined (unresolved tie)"),
}

def percent_of(part: int, whole: int, lang: Lang = "fr") -> str:
    """``part / whole`` as a percentage with two decimals, rounded half up, as the Ministry
    prints them (for display only: no decision is taken on it).

    >>> percent_of(8656346, 36054394), percent_of(1, 8, "en"), percent_of(18027198, 36054394)
    ('24,01 %', '12.50%', '50,00 %')
    """
    require(part, int, "part")
    require(whole, int, "whole")
    if whole == 0:
        return "–"
    units, cents = divmod(percent_hundredths(part, whole)[-1], 100)  # a half goes up
    text = f"{integer(units, lang)}{',' if lang == 'fr' else '.'}{cents:02d}"
    return f"{text} %" if lang == "fr" else f"{text}%"


def _threshold_label(threshold: Threshold, lang: Lang) -> str:
    fr = lang == "fr"
    if threshold.name == "absolute majority":
        return "Majorité absolue" if fr else "Absolute majority"
    if threshold.name == "quarter of registered":
        return "quart des inscrits" if fr else "a quarter of registered"
    share = percentage(threshold.share, lang)
    base = {"registered": ("des inscrits", "of registered"), "expressed": ("des exprimés", "of expressed")}
    words = base.get(threshold.base, (threshold.base, threshold.base))[0 if fr else 1]
    if threshold.name == "qualification":
        if fr:
            return f"{share} {words} pour le second tour"
        return f"{share} {words} to stand in the second round"
    return f"{share} {words}"


def _votes_word(count: int, lang: Lang) -> str:
    if lang == "fr":
        return "voix"
    return "vote" if count == 1 else "votes"


def _names(names: tuple[str, ...], lang: Lang) -> str:
    if not names:
        return "aucun" if lang == "fr" else "none"
    return ", ".join(names)


def _tie_text(tie: Tie, lang: Lang) -> str:
    fr = lang == "fr"
    stage = stage_text(tie.stage, lang)
    who = _enumerate(tie.contenders, lang)
    value = "" if tie.value is None else integer(int(tie.value), lang)
    if fr:
        head = f"Égalité pour {stage} entre {who} ({value} voix chacun, {tie.seats} place(s) en jeu)"
    else:
        head = f"Tie for {stage} between {who} ({value} votes each, {tie.seats} place(s) at stake)"
    if tie.resolved and len(tie.winners) == len(tie.contenders) > 1:
        everyone = _enumerate(tie.winners, lang)
        if fr:
            return (f"Égalité pour {stage} entre {who} ({value} voix chacun) : tous peuvent se "
                    f"maintenir ({everyone}), selon la pratique officielle.")
        return (f"Tie for {stage} between {who} ({value} votes each): all may stand ({everyone}), "
                "following the official practice.")
    rule = ", ".join(criterion_text(name, lang) for name in tie.resolved_by)
    if tie.resolved:
        if fr:
            return f"{head} : tranchée au bénéfice de {', '.join(tie.winners)} ({rule})."
        return f"{head}: settled in favour of {', '.join(tie.winners)} ({rule})."
    if tie.resolved_by:
        if fr:
            return f"{head} : non tranchée, même après {rule}."
        return f"{head}: not settled, even after {rule}."
    if fr:
        return f"{head} : non tranchée, le texte ne prévoit aucune règle de départage."
    return f"{head}: not settled, the text provides no tie-break."


def _enumerate(names: tuple[str, ...], lang: Lang) -> str:
    """``A, B et C`` in French, ``A, B and C`` in English."""
    word = " et " if lang == "fr" else " and "
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + word + names[-1]


def explain_round(outcome: RoundOutcome, lang: Lang = "fr") -> str:
    """The outcome of a round told in French (``"fr"``) or English (``"en"``).

    Lists the counts, the thresholds in votes, each candidate's votes and status (with a
    mark when exactly on a threshold), the ties and the legal basis.

    >>> from electoral_rules import Tally
    >>> from electoral_rules.france import presidential
    >>> outcome = presidential.elect(Tally(votes={"A": 60, "B": 40}), round=2)
    >>> print(explain_round(outcome, "en"))
    Presidential election, second round (1 seat to fill)
    Expressed: 100.
    Absolute majority: 51 votes.
    - A: 60 votes (60.00% of expressed): elected
    - B: 40 votes (40.00% of expressed): not elected
    Elected: A.
    Legal basis: Constitution, art. 7.
    """
    require(outcome, RoundOutcome, "explain_round's outcome")
    if lang not in ("fr", "en"):
        raise InvalidArgumentError(f"lang {lang!r} must be 'fr' or 'en'")
    fr = lang == "fr"
    index = 0 if fr else 1
    tally = outcome.tally
    lines: list[str] = []

    election = _ELECTIONS.get(outcome.election, (outcome.election, outcome.election))[index]
    if fr:
        which = "premier tour" if outcome.round == 1 else "second tour"
        seats = f"{outcome.house} siège{'s' if outcome.house > 1 else ''} à pourvoir"
    else:
        which = "first round" if outcome.round == 1 else "second round"
        seats = f"{outcome.house} seat{'s' if outcome.house > 1 else ''} to fill"
    if outcome.method is Method.LIST_QUALIFICATION:  # who may stand, not seats
        seats = "accès au second tour" if fr else "who may stand in the second round"
    lines.append(f"{election}, {which} ({seats})")

    counts = []
    labels = (
        ("registered", "Inscrits", "Registered"),
        ("voters", "votants", "voters"),
        ("blank", "blancs", "blank"),
        ("null", "nuls", "null"),
    )
    for field, fr_label, en_label in labels:
        value = getattr(tally, field)
        if value is not None:
            counts.append((fr_label if fr else en_label, value))
    expressed_label = "exprimés" if fr else "expressed"
    if tally.names_per_ballot > 1:
        expressed_label = "bulletins exprimés" if fr else "valid ballots"
    counts.append((expressed_label, tally.expressed))
    sep = " ; " if fr else "; "
    colon = " : " if fr else ": "
    parts = [f"{label}{colon}{integer(value, lang)}" for label, value in counts]
    first = parts[0]
    parts[0] = first[0].upper() + first[1:]
    lines.append(sep.join(parts) + ".")
    if tally.names_per_ballot > 1:
        lines.append(
            f"Chaque bulletin peut porter jusqu'à {tally.names_per_ballot} noms : la majorité se "
            "calcule sur le nombre de bulletins exprimés, non sur le total des voix."
            if fr
            else f"Each ballot may carry up to {tally.names_per_ballot} names: the majority is "
            "counted on the valid ballots, not on the total of the votes."
        )

    if outcome.thresholds:
        items = [
            f"{_threshold_label(t, lang)}{colon}{integer(t.votes, lang)} {_votes_word(t.votes, lang)}"
            for t in outcome.thresholds.values()
        ]
        text = sep.join(items)
        lines.append(text[0].upper() + text[1:] + ".")

    told = set()
    for step in outcome.trace:
        if step.kind is StepKind.NOTE and step.detail is not None:
            lines.append(note_text(step.detail, lang))
            told.add(step.detail)

    status: dict[str, str] = {}
    for step in outcome.trace:
        if step.kind is StepKind.RESULT and step.subject is not None:
            status[step.subject] = step.note
    decided = {
        **dict.fromkeys(outcome.elected, "elected"),
        **dict.fromkeys(outcome.qualified, "qualified"),
        **dict.fromkeys(outcome.eliminated, "eliminated"),
        **dict.fromkeys((name for tie in outcome.ties for name in tie.unresolved), "undetermined"),
    }
    if any(name not in status for name in decided):  # a list qualification traces only its exceptions
        order = {name: index for index, name in enumerate(tally.votes)}
        merged = {**decided, **status}
        status = {name: merged[name] for name in sorted(merged, key=lambda name: (-tally.votes[name], order[name]))}
    exact: dict[str, list[str]] = {}
    for step in outcome.trace:
        if step.kind is StepKind.TEST and step.subject is not None and step.value is not None:
            threshold = outcome.thresholds.get(step.note)
            if threshold is not None and threshold.inclusive and step.value == threshold.votes:
                exact.setdefault(step.subject, []).append(_threshold_label(threshold, lang))
    for name in status:
        votes = tally.votes[name]
        state = status[name]
        if state == "eliminated" and outcome.round != 1:
            state = "not elected"
        label = _STATUS.get(state, (state, state))[index]
        unit = _votes_word(votes, lang)
        share = percent_of(votes, tally.expressed, lang)
        of = "des exprimés" if fr else "of expressed"
        if tally.names_per_ballot > 1:
            of = "des bulletins exprimés" if fr else "of valid ballots"
        line = f"- {name}{colon}{integer(votes, lang)} {unit} ({share} {of}){colon}{label}"
        if name in exact:
            marks = ", ".join(exact[name])
            line += f" (exactement au seuil : {marks})" if fr else f" (exactly on the threshold: {marks})"
        lines.append(line)

    if fr:
        lines.append(f"Élu(s){colon}{_names(outcome.elected, lang)}.")
    else:
        lines.append(f"Elected{colon}{_names(outcome.elected, lang)}.")
    remaining = outcome.house - len(outcome.elected)
    if outcome.round == 1 and (outcome.qualified or remaining > 0):
        label = "Peuvent se présenter au second tour" if fr else "May stand in the second round"
        lines.append(f"{label}{colon}{_names(outcome.qualified, lang)}.")
    for tie in outcome.ties:
        lines.append(_tie_text(tie, lang))
    lines.extend(note_text(note, lang) for note in outcome.notes if note not in told)
    if outcome.undetermined:
        lines.append(
            "Le résultat reste indéterminé tant que l'égalité n'est pas tranchée."
            if fr
            else "The outcome stays undetermined until the tie is settled."
        )
    if outcome.legal_basis:
        lines.append(f"{'Base légale' if fr else 'Legal basis'}{colon}{outcome.legal_basis}.")
    return "\n".join(lines)
