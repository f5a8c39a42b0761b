"""Allocations told step by step, in French or English, in the style of the AFP's explanation.

The text is built from the allocation's trace only (rules compute, renderers speak):

>>> from electoral_rules import dhondt
>>> print(explain_allocation(dhondt({"A": 1023, "B": 258, "C": 253}, seats=5), "en"))
Allocation of 5 seats by highest averages (D'Hondt).
Electoral quotient: 1,534 votes cast ÷ 5 seats to fill = 306.8.
Seats by the quotient (integer part of votes ÷ quotient):
  A: 1,023 ÷ 306.8 = 3.33… → 3 seats
  B: 258 ÷ 306.8 = 0.84… → 0 seats
  C: 253 ÷ 306.8 = 0.82… → 0 seats
2 seats remain, given one by one to the highest average (votes ÷ (seats won + 1)):
  4th seat: A 1,023 ÷ (3 + 1) = 255.75; B 258 ÷ (0 + 1) = 258; C 253 ÷ (0 + 1) = 253 → B
  5th seat: A 1,023 ÷ (3 + 1) = 255.75; B 258 ÷ (1 + 1) = 129; C 253 ÷ (0 + 1) = 253 → A
Result: A 4, B 1, C 0.
"""

from __future__ import annotations

from fractions import Fraction

from .._exact import require
from ..outcome import Allocation, Method, Step, StepKind, Tie
from .notes import criterion_text, method_label, note_text, quota_name
from .numbers import Lang, integer, number, ordinal, percentage, seats_word

__all__ = ["explain_allocation"]

_MAX_SHOWN = 8
"""Averages shown per seat line; beyond that, the best ones and an ellipsis."""

_WORDS = {
    "fr": {
        "title": "Répartition de {seats} à la plus forte moyenne ({method}).",
        "title_dhondt": (
            "Répartition de {seats} à la représentation proportionnelle suivant la règle "
            "de la plus forte moyenne (D'Hondt)."
        ),
        "title_lr": "Répartition de {seats} : {method}.",
        "title_bonus": (
            "Répartition de {seats} : prime majoritaire, puis représentation proportionnelle suivant "
            "la règle de la plus forte moyenne (D'Hondt) entre toutes les listes admises."
        ),
        "threshold": "Seuil : au moins {share} des suffrages {base} ({count}), soit {votes} voix.",
        "excluded": "  {name} : {votes} voix, sous le seuil : écartée de la répartition.",
        "bonus": "Prime majoritaire : {seats} à la liste {name}.",
        "quotient": (
            "Quotient électoral : {expressed} suffrages exprimés ÷ {seats} à pourvoir = {q}."
        ),
        "quota": "Quota ({name}) : {q} voix par siège.",
        "by_quotient": "Attribution au quotient (partie entière de voix ÷ quotient) :",
        "by_quota": "Attribution au quota (partie entière de voix ÷ quota) :",
        "initial_line": "  {name} : {votes} ÷ {q} = {ratio} → {seats}",
        "first_seats": "Chaque liste ayant des voix reçoit d'abord un siège : {names}.",
        "cutoff": (
            "Moyenne de départ : {q} (voix des listes ÷ un nombre de sièges qui ne peut en donner "
            "trop). Chaque liste reçoit d'abord tous les sièges dont la moyenne l'atteint :"
        ),
        "cutoff_line": "  {name} : {votes} voix → {seats}",
        "remaining": (
            "Il reste {seats} à attribuer un par un à la plus forte moyenne "
            "(voix ÷ (sièges obtenus + 1)) :"
        ),
        "remaining_generic": "Il reste {seats} à attribuer un par un à la plus forte moyenne ({method}) :",
        "remainders": "Il reste {seats} à attribuer aux plus forts restes :",
        "taken_back": "Les parties entières dépassent de {seats} le nombre à pourvoir : reprise aux plus faibles restes :",
        "remainder_line": "  {name} : reste {value} → {change}",
        "seat_line": "  {nth} siège : {averages} → {winner}",
        "avg_sep": " ; ",
        "tie": "  Égalité de moyennes ({value}) entre {names} pour {seats}.",
        "tie_settled": "  Départagée par : {how} → {winners}.",
        "tie_open": "  Aucune règle ne départage : {seats} sans attributaire entre {names}.",
        "result": "Résultat : {seats}.",
        "with_bonus": " (dont prime : {bonus})",
        "undetermined": "Sièges non attribués (égalité non tranchée) : {n}.",
        "elected": "Élus : {lists}.",
        "vacancies": "Sièges sans candidat (liste épuisée) : {lists}.",
        "basis": "Base légale : {basis}.",
        "and": " et ",
    },
    "en": {
        "title": "Allocation of {seats} by highest averages ({method}).",
        "title_dhondt": "Allocation of {seats} by highest averages (D'Hondt).",
        "title_lr": "Allocation of {seats}: {method}.",
        "title_bonus": (
            "Allocation of {seats}: a majority bonus, then proportional representation by highest "
            "averages (D'Hondt) among all the lists admitted."
        ),
        "threshold": "Threshold: at least {share} of {base} votes ({count}), i.e. {votes} votes.",
        "excluded": "  {name}: {votes} votes, under the threshold: takes no part in the allocation.",
        "bonus": "Majority bonus: {seats} to list {name}.",
        "quotient": (
            "Electoral quotient: {expressed} votes cast ÷ {seats} to fill = {q}."
        ),
        "quota": "Quota ({name}): {q} votes per seat.",
        "by_quotient": "Seats by the quotient (integer part of votes ÷ quotient):",
        "by_quota": "Seats by the quota (integer part of votes ÷ quota):",
        "initial_line": "  {name}: {votes} ÷ {q} = {ratio} → {seats}",
        "first_seats": "Every list with votes first gets one seat: {names}.",
        "cutoff": (
            "Starting average: {q} (the lists' votes ÷ a number of seats that cannot give too many). "
            "Every list first gets all the seats whose average reaches it:"
        ),
        "cutoff_line": "  {name}: {votes} votes → {seats}",
        "remaining": "{seats} {remain}, given one by one to the highest average (votes ÷ (seats won + 1)):",
        "remaining_generic": "{seats} {remain}, given one by one to the highest average ({method}):",
        "remainders": "{seats} {remain}, given to the largest remainders:",
        "taken_back": "The integer parts exceed the house by {seats}: taken back from the smallest remainders:",
        "remainder_line": "  {name}: remainder {value} → {change}",
        "seat_line": "  {nth} seat: {averages} → {winner}",
        "avg_sep": "; ",
        "tie": "  Tie at average {value} between {names} for {seats}.",
        "tie_settled": "  Settled by: {how} → {winners}.",
        "tie_open": "  No rule settles it: {seats} undetermined between {names}.",
        "result": "Result: {seats}.",
        "with_bonus": " (bonus included: {bonus})",
        "undetermined": "Seats not attributed (unsettled tie): {n}.",
        "elected": "Elected: {lists}.",
        "vacancies": "Seats without a candidate (list exhausted): {lists}.",
        "basis": "Legal basis: {basis}.",
        "and": " and ",
    },
}


def explain_allocation(allocation: Allocation, lang: Lang = "fr") -> str:
    """Tell how ``allocation`` was computed, from its trace, in ``lang`` ("fr" or "en")."""
    require(allocation, Allocation, "explain_allocation's allocation")
    words = _WORDS[lang] if isinstance(lang, str) and lang in _WORDS else _WORDS[_checked(lang)]
    steps = allocation.trace
    lines: list[str] = []
    method = allocation.method
    is_quota = method.is_largest_remainder or any(step.kind is StepKind.REMAINDER for step in steps)
    is_dhondt = method in _DHONDT_FAMILY
    if is_quota:
        title = words["title_lr"]
    elif method is Method.BONUS_THEN_HIGHEST_AVERAGE:
        title = words["title_bonus"]
    else:
        title = words["title_dhondt" if is_dhondt else "title"]
    lines.append(title.format(seats=seats_word(allocation.house, lang), method=_method(method, lang)))
    held: dict[str, int] = {}
    initial_done = False
    remaining_announced = False
    seats_before_pr = 0
    to_share: int | None = None
    for step in steps:
        kind = step.kind
        if kind is StepKind.THRESHOLD:
            if step is _first(steps, StepKind.THRESHOLD) and allocation.threshold is not None:
                rule = allocation.threshold
                lines.append(
                    words["threshold"].format(
                        share=percentage(rule.share, lang),
                        base=_base(rule.base, lang),
                        count=integer(rule.base_count, lang),
                        votes=integer(rule.votes, lang),
                    )
                )
            if step.passed is False and step.subject is not None:
                lines.append(
                    words["excluded"].format(
                        name=step.subject, votes=integer(allocation.votes[step.subject], lang)
                    )
                )
        elif kind is StepKind.BONUS and step.subject is not None:
            seats_before_pr += step.seats or 0
            if step.detail is not None:
                lines.append(note_text(step.detail, lang))
            else:
                lines.append(words["bonus"].format(seats=seats_word(step.seats or 0, lang), name=step.subject))
        elif kind is StepKind.QUOTIENT and step.value is not None and step.note == "cut-off":
            lines.append(words["cutoff"].format(q=number(step.value, lang)))
            for sub in steps:
                if sub.kind is StepKind.INITIAL and sub.subject is not None:
                    held[sub.subject] = sub.seats or 0
                    lines.append(
                        words["cutoff_line"].format(
                            name=sub.subject,
                            votes=integer(allocation.votes[sub.subject], lang),
                            seats=seats_word(sub.seats or 0, lang),
                        )
                    )
            initial_done = True
        elif kind is StepKind.QUOTIENT and step.value is not None:
            to_fill = step.seats or 0
            to_share = to_fill  # the seats shared by this calculation (a bonus held back by a tie is not)
            if is_quota:
                lines.append(words["quota"].format(name=quota_name(method, step.note, lang), q=number(step.value, lang)))
            else:
                text = words["quotient"].format(
                    expressed=integer(int(step.value * to_fill), lang),
                    seats=seats_word(to_fill, lang),
                    q=number(step.value, lang),
                )
                lines.append(text[:-1] if text.endswith("….") else text)
            lines.append(words["by_quota" if is_quota else "by_quotient"])
            quotient = step.value
            for sub in steps:
                if sub.kind is StepKind.INITIAL and sub.subject is not None:
                    held[sub.subject] = sub.seats or 0
                    lines.append(
                        words["initial_line"].format(
                            name=sub.subject,
                            votes=integer(allocation.votes[sub.subject], lang),
                            q=number(quotient, lang),
                            ratio=number(sub.value if sub.value is not None else Fraction(0), lang),
                            seats=seats_word(sub.seats or 0, lang),
                        )
                    )
            initial_done = True
        elif kind is StepKind.INITIAL and not initial_done:
            if step.subject is not None:
                held[step.subject] = step.seats or 0
            if step is _first(steps, StepKind.INITIAL):
                names = [s.subject for s in steps if s.kind is StepKind.INITIAL and s.subject]
                lines.append(words["first_seats"].format(names=", ".join(names)))
        elif kind is StepKind.REMAINDER and step.subject is not None:
            if not remaining_announced:
                left = (allocation.house - seats_before_pr if to_share is None else to_share) - sum(held.values())
                if left >= 0:
                    lines.append(words["remainders"].format(seats=seats_word(left, lang), remain=_remain(left)))
                else:
                    lines.append(words["taken_back"].format(seats=seats_word(-left, lang)))
                remaining_announced = True
            change = step.seats or 0
            lines.append(
                words["remainder_line"].format(
                    name=step.subject,
                    value=number(step.value or Fraction(0), lang),
                    change=("+" if change > 0 else "") + seats_word(change, lang),
                )
            )
        elif (kind is StepKind.SEAT and step.subject is not None) or kind is StepKind.TIE:
            if not remaining_announced and not is_quota:
                left = (allocation.house - seats_before_pr if to_share is None else to_share) - sum(held.values())
                key = "remaining" if is_dhondt else "remaining_generic"
                lines.append(
                    words[key].format(
                        seats=seats_word(left, lang),
                        method=_method(method, lang),
                        remain=_remain(left),
                    )
                )
                remaining_announced = True
            if kind is StepKind.TIE:
                lines.extend(_tie_lines(step, allocation.ties, words, lang))
                continue
            assert step.subject is not None
            lines.append(_seat_line(step, allocation, held, is_dhondt, words, lang))
            held[step.subject] = held.get(step.subject, 0) + 1
        elif kind is StepKind.NOTE and step.detail is not None:
            lines.append(note_text(step.detail, lang))
    lines.extend(_result_lines(allocation, words, lang))
    return "\n".join(lines)


def _checked(lang: str) -> str:
    from ..errors import InvalidArgumentError

    raise InvalidArgumentError(f"lang {lang!r} must be 'fr' or 'en'")


def _remain(count: int) -> str:
    return "remains" if count == 1 else "remain"


_DHONDT_FAMILY = frozenset({Method.DHONDT, Method.BONUS_THEN_HIGHEST_AVERAGE})
"""Methods told the French way: the quotient's integer parts, then votes ÷ (seats + 1)."""


def _method(method: Method, lang: Lang) -> str:
    return method_label(method, lang)


def _first(steps: tuple[Step, ...], kind: StepKind) -> Step | None:
    return next((step for step in steps if step.kind is kind), None)


def _base(base: str, lang: Lang) -> str:
    if lang == "fr":
        return {"expressed": "exprimés", "registered": "des inscrits"}.get(base, base)
    return {"expressed": "expressed", "registered": "registered"}.get(base, base)


def _seat_line(
    step: Step,
    allocation: Allocation,
    held: dict[str, int],
    is_dhondt: bool,
    words: dict[str, str],
    lang: Lang,
) -> str:
    shown = list(step.values)
    if len(shown) > _MAX_SHOWN:
        shown = sorted(shown, key=lambda item: -item[1])[:_MAX_SHOWN]
    parts = []
    for name, value in shown:
        if is_dhondt:
            parts.append(
                f"{name} {integer(allocation.votes[name], lang)} ÷ ({held.get(name, 0)} + 1) = "
                f"{number(value, lang)}"
            )
        else:
            parts.append(f"{name} {number(value, lang)}")
    text = words["avg_sep"].join(parts)
    if len(step.values) > _MAX_SHOWN:
        text += words["avg_sep"] + "…"
    return words["seat_line"].format(
        nth=ordinal(step.seat or 0, lang), averages=text, winner=step.subject
    )


def _names(names: tuple[str, ...] | list[str], words: dict[str, str]) -> str:
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + words["and"] + names[-1]


def _tie_lines(step: Step, ties: tuple[Tie, ...], words: dict[str, str], lang: Lang) -> list[str]:
    lines: list[str] = []
    for tie in ties:
        if step.note == "undetermined" and tie.resolved:
            continue
        lines.append(
            words["tie"].format(
                value=number(tie.value, lang) if tie.value is not None else "—",
                names=_names(list(tie.contenders), words),
                seats=seats_word(tie.seats, lang),
            )
        )
        if tie.resolved:
            lines.append(
                words["tie_settled"].format(
                    how=", ".join(criterion_text(name, lang) for name in tie.resolved_by),
                    winners=_names(list(tie.winners), words),
                )
            )
        else:
            lines.append(
                words["tie_open"].format(
                    seats=seats_word(tie.undetermined, lang), names=_names(list(tie.unresolved), words)
                )
            )
    return lines


def _result_lines(allocation: Allocation, words: dict[str, str], lang: Lang) -> list[str]:
    lines = []
    seats = ", ".join(f"{name} {integer(n, lang)}" for name, n in allocation.items())
    text = words["result"].format(seats=seats)
    if allocation.bonus:
        bonus = ", ".join(f"{name} {integer(n, lang)}" for name, n in allocation.bonus.items())
        text = text[:-1] + words["with_bonus"].format(bonus=bonus) + "."
    lines.append(text)
    if allocation.undetermined:
        lines.append(words["undetermined"].format(n=integer(allocation.undetermined, lang)))
    if allocation.elected:
        lists = (" ; " if lang == "fr" else "; ").join(
            f"{name} : {', '.join(people)}" if lang == "fr" else f"{name}: {', '.join(people)}"
            for name, people in allocation.elected.items()
            if people
        )
        if lists:
            lines.append(words["elected"].format(lists=lists))
    if any(allocation.vacancies.values()):
        lists = ", ".join(f"{name} {n}" for name, n in allocation.vacancies.items() if n)
        lines.append(words["vacancies"].format(lists=lists))
    lines.extend(note_text(note, lang) for note in allocation.notes)
    if allocation.legal_basis:
        lines.append(words["basis"].format(basis=allocation.legal_basis))
    return lines
