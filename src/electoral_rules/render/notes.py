"""Notes, methods, tie stages and tie-break criteria worded in French or English.

Rules record what they have to say as data (:class:`~electoral_rules.Note`,
:class:`~electoral_rules.Method`, a :class:`~electoral_rules.Tie`'s ``stage`` and
``resolved_by``); this module holds every sentence that says it, in both languages, so
that a French explanation is French from its first word to its last.

>>> from electoral_rules import Note, NoteKind
>>> note = Note.of(NoteKind.MAY_MERGE, share=Fraction(1, 20), lists=("C", "D"))
>>> note_text(note, "fr")
'Listes pouvant fusionner avec une liste du second tour (au moins 5 % des suffrages exprimés) : C et D.'
>>> note_text(note, "en")
'Lists that may merge into a second-round list (at least 5% of the votes cast): C and D.'
>>> stage_text("last seat", "fr"), criterion_text("most votes (Code électoral, art. L262)", "fr")
('le dernier siège', 'plus grand nombre de voix (Code électoral, art. L262)')
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from fractions import Fraction

from .._exact import require
from .._mapping import FrozenMap
from ..outcome import Method, Note, NoteKind
from .numbers import Lang, integer, percentage, seats_word

__all__ = ["criterion_text", "method_label", "names_text", "note_text", "quota_name", "stage_text"]

_METHODS: dict[Method, tuple[str, str]] = {
    Method.DHONDT: ("plus forte moyenne, D'Hondt", "highest averages, D'Hondt"),
    Method.SAINTE_LAGUE: ("Sainte-Laguë", "Sainte-Laguë"),
    Method.MODIFIED_SAINTE_LAGUE: ("Sainte-Laguë modifiée", "modified Sainte-Laguë"),
    Method.SWEDISH_SAINTE_LAGUE: (
        "Sainte-Laguë modifiée (premier diviseur 1,2)",
        "modified Sainte-Laguë (first divisor 1.2)",
    ),
    Method.DANISH: ("méthode danoise", "Danish method"),
    Method.IMPERIALI: ("Imperiali (diviseurs)", "Imperiali (divisors)"),
    Method.ADAMS: ("Adams", "Adams"),
    Method.HUNTINGTON_HILL: ("Huntington–Hill", "Huntington–Hill"),
    Method.LR_HARE: ("plus forts restes, quota de Hare", "largest remainder, Hare quota"),
    Method.LR_DROOP: ("plus forts restes, quota de Droop", "largest remainder, Droop quota"),
    Method.LR_HAGENBACH_BISCHOFF: (
        "plus forts restes, quota de Hagenbach-Bischoff",
        "largest remainder, Hagenbach-Bischoff quota",
    ),
    Method.LR_HAGENBACH_BISCHOFF_ROUNDED: (
        "plus forts restes, quota de Hagenbach-Bischoff arrondi",
        "largest remainder, rounded Hagenbach-Bischoff quota",
    ),
    Method.LR_IMPERIALI: ("plus forts restes, quota Imperiali", "largest remainder, Imperiali quota"),
    Method.BONUS_THEN_HIGHEST_AVERAGE: (
        "prime majoritaire, puis représentation proportionnelle à la plus forte moyenne",
        "majority bonus, then proportional representation by highest averages",
    ),
    Method.TWO_ROUND_MAJORITY: ("scrutin majoritaire à deux tours", "two-round majority vote"),
    Method.PLURINOMINAL_TWO_ROUND_MAJORITY: (
        "scrutin plurinominal majoritaire à deux tours",
        "plurinominal two-round majority vote",
    ),
    Method.LIST_QUALIFICATION: (
        "scrutin de liste : accès au second tour",
        "list vote: who may stand in the second round",
    ),
}

_STAGES: dict[str, tuple[str, str]] = {
    "last seat": ("le dernier siège", "the last seat"),
    "last seats": ("les derniers sièges", "the last seats"),
    "largest remainder": ("le plus fort reste", "the largest remainder"),
    "smallest remainder": ("le plus faible reste", "the smallest remainder"),
    "majority bonus": ("la prime majoritaire", "the majority bonus"),
    "round-one seats": ("les sièges pourvus au premier tour", "the seats filled in the first round"),
    "second-round places": ("les places au second tour", "the places in the second round"),
    "runner-up place": ("la place de second admis au second tour", "the runner-up place in the second round"),
    "second-round place (top-two fallback)": (
        "une place au second tour (repêchage des deux premières listes)",
        "a place in the second round (top-two fallback)",
    ),
}

_CRITERIA: dict[str, tuple[str, str]] = {
    "most votes": ("plus grand nombre de voix", "most votes"),
    "oldest candidate": ("candidat le plus âgé", "oldest candidate"),
    "highest average age": ("moyenne d'âge la plus élevée", "highest average age"),
    "lowest average age": ("moyenne d'âge la plus basse", "lowest average age"),
    "given order": ("ordre donné", "given order"),
    "largest population": ("population la plus nombreuse", "largest population"),
    "largest growth since the previous census": (
        "plus forte croissance depuis le recensement précédent",
        "largest growth since the previous census",
    ),
}

_REASONS: dict[str, tuple[str, str]] = {
    "no-rule": ("le texte ne prévoit aucune règle de départage", "the text provides no tie-break"),
    "criteria-exhausted": (
        "les critères de la loi ne la tranchent pas",
        "the law's criteria do not settle it",
    ),
    "missing-data": (
        "il manque les données des critères de la loi (candidats, dates de naissance)",
        "the data the law's criteria need is missing (candidates, birth dates)",
    ),
}


def _pick(pair: tuple[str, str], lang: Lang) -> str:
    return pair[0] if lang == "fr" else pair[1]


def method_label(method: Method, lang: Lang = "fr") -> str:
    """The method's name in ``lang``.

    >>> method_label(Method.LR_HARE, "fr"), method_label(Method.LR_HARE, "en")
    ('plus forts restes, quota de Hare', 'largest remainder, Hare quota')
    """
    require(method, Method, "method")
    return _pick(_METHODS[method], _lang(lang))


_QUOTAS: dict[Method, tuple[str, str]] = {
    Method.LR_HARE: ("Hare", "Hare"),
    Method.LR_DROOP: ("Droop", "Droop"),
    Method.LR_HAGENBACH_BISCHOFF: ("Hagenbach-Bischoff", "Hagenbach-Bischoff"),
    Method.LR_HAGENBACH_BISCHOFF_ROUNDED: ("Hagenbach-Bischoff arrondi", "rounded Hagenbach-Bischoff"),
    Method.LR_IMPERIALI: ("Imperiali", "Imperiali"),
}


_QUOTA_VALUES: dict[str, Method] = {
    "Hare": Method.LR_HARE,
    "Droop": Method.LR_DROOP,
    "Hagenbach-Bischoff": Method.LR_HAGENBACH_BISCHOFF,
    "Hagenbach-Bischoff (rounded)": Method.LR_HAGENBACH_BISCHOFF_ROUNDED,
    "Imperiali": Method.LR_IMPERIALI,
}
"""The values of :class:`~electoral_rules.Quota` (as notes record them) to their method."""


def quota_name(method: Method, given: str, lang: Lang) -> str:
    """The quota's name for a largest-remainder ``method`` in ``lang`` (``given`` otherwise).

    >>> quota_name(Method.LR_HAGENBACH_BISCHOFF_ROUNDED, "", "fr")
    'Hagenbach-Bischoff arrondi'
    """
    require(method, Method, "method")
    require(given, str, "given")
    pair = _QUOTAS.get(method)
    return given if pair is None else _pick(pair, _lang(lang))


def stage_text(stage: str, lang: Lang) -> str:
    """Where a tie happened (``Tie.stage``), in ``lang``; an unknown stage is shown as given."""
    require(stage, str, "stage")
    pair = _STAGES.get(stage)
    return stage if pair is None else _pick(pair, _lang(lang))


def criterion_text(name: str, lang: Lang) -> str:
    """A tie-break criterion's name (``Tie.resolved_by``), in ``lang``; its legal basis, in
    brackets, is kept; a name the library did not give (``given_order(name=...)``) is shown
    as given."""
    require(name, str, "name")
    head, sep, basis = name.partition(" (")
    pair = _CRITERIA.get(head)
    if pair is None:
        return name
    return _pick(pair, _lang(lang)) + (sep + basis if sep else "")


def names_text(names: Sequence[str], lang: Lang) -> str:
    """``A, B et C`` / ``A, B and C``; ``aucune`` / ``none`` when empty."""
    require(names, (list, tuple), "names")
    for name in names:
        require(name, str, "a name")
    _lang(lang)
    if not names:
        return "aucune" if lang == "fr" else "none"
    if len(names) == 1:
        return names[0]
    word = " et " if lang == "fr" else " and "
    return ", ".join(names[:-1]) + word + names[-1]


def _lang(lang: str) -> Lang:
    if lang == "fr":
        return "fr"
    if lang == "en":
        return "en"
    from ..errors import InvalidArgumentError

    raise InvalidArgumentError(f"lang {lang!r} must be 'fr' or 'en'")


def _int(note: Note, key: str) -> int:
    value = note[key]
    assert isinstance(value, int)
    return value


def _str(note: Note, key: str) -> str:
    value = note[key]
    assert isinstance(value, str)
    return value


def _names(note: Note, key: str, lang: Lang) -> str:
    value = note[key]
    assert isinstance(value, tuple)
    return names_text(value, lang)


def _plural_fr(n: int, word: str) -> str:
    return f"{integer(n, 'fr')} {word}{'s' if n >= 2 else ''}"


def _plural_en(n: int, word: str) -> str:
    return f"{integer(n, 'en')} {word}{'' if n == 1 else 's'}"


def _over_allocation(note: Note, lang: Lang) -> str:
    given, excess = _str(note, "quota"), _int(note, "excess")
    quota = quota_name(_QUOTA_VALUES.get(given, Method.DHONDT), given, lang)
    if lang == "fr":
        return (
            f"Les parties entières du quota de {quota} dépassent de {seats_word(excess, lang)} le nombre "
            "à pourvoir : les plus faibles restes perdent un siège."
        )
    return (
        f"The {quota} quota's integer parts exceed the house by {seats_word(excess, lang)}: the "
        "smallest remainders lose a seat."
    )


def _tie_unsettled(note: Note, lang: Lang) -> str:
    stage = stage_text(_str(note, "stage"), lang)
    who = _names(note, "contenders", lang)
    seats = seats_word(_int(note, "seats"), lang)
    criteria = note["criteria"]
    assert isinstance(criteria, tuple)
    applied = ", ".join(criterion_text(name, lang) for name in criteria)
    reason = _pick(_REASONS[_str(note, "reason")], lang)
    if lang == "fr":
        after = f" après {applied}" if applied else ""
        return f"Égalité pour {stage} entre {who} ({seats} en jeu){after} : {reason}."
    after = f" after {applied}" if applied else ""
    return f"Tie for {stage} between {who} ({seats} at stake){after}: {reason}."


def _seats_undetermined(note: Note, lang: Lang) -> str:
    seats, n = seats_word(_int(note, "seats"), lang), _int(note, "seats")
    who = _names(note, "contenders", lang)
    if lang == "fr":
        left = "restent" if n >= 2 else "reste"
        return f"{seats[0].upper()}{seats[1:]} {left} sans attributaire : égalité entre {who}."
    return f"{seats[0].upper()}{seats[1:]} left undetermined: tie between {who}."


def _more_pass(note: Note, lang: Lang) -> str:
    passed, seats = _int(note, "passed"), seats_word(_int(note, "seats"), lang)
    if lang == "fr":
        return (
            f"{_plural_fr(passed, 'candidat')} remplissent les conditions du premier tour pour "
            f"{seats} : les sièges vont à ceux qui ont le plus de voix."
        )
    return (
        f"{_plural_en(passed, 'candidate')} meet the first-round conditions for {seats}: the seats go "
        "to those with the most votes."
    )


def _vacancy(note: Note, lang: Lang) -> str:
    name, won = _str(note, "list"), _int(note, "won")
    candidates, vacant = _int(note, "candidates"), _int(note, "vacant")
    if lang == "fr":
        stays = "restent vacants" if vacant >= 2 else "reste vacant"
        return (
            f"La liste {name} obtient {seats_word(won, lang)} mais ne compte que "
            f"{_plural_fr(candidates, 'candidat')} : {seats_word(vacant, lang)} {stays} (signalé, non "
            "réattribué : les articles appliqués ne disent pas ce qu'il en advient)."
        )
    stays = "stay" if vacant != 1 else "stays"
    return (
        f"List {name} won {seats_word(won, lang)} but has only {_plural_en(candidates, 'candidate')}: "
        f"{seats_word(vacant, lang)} {stays} vacant (reported, not reassigned: the articles applied do "
        "not say what becomes of it)."
    )


def _bonus(reason_fr: str, reason_en: str) -> Callable[[Note, Lang], str]:
    def text(note: Note, lang: Lang) -> str:
        name, seats = _str(note, "list"), seats_word(_int(note, "seats"), lang)
        if lang == "fr":
            return f"Prime majoritaire : {seats} à la liste {name}, {reason_fr}."
        return f"Majority bonus: {seats} to list {name}, {reason_en}."

    return text


def _no_second_round(note: Note, lang: Lang) -> str:
    name, basis = _str(note, "list"), _str(note, "basis")
    if lang == "fr":
        return (
            f"La liste {name} a la majorité absolue des suffrages exprimés : les sièges sont répartis "
            f"dès le premier tour ({basis}) ; il n'y a pas de second tour."
        )
    return (
        f"List {name} has an absolute majority of the votes cast: the seats are allocated in the first "
        f"round ({basis}); there is no second round."
    )


def _may_merge(note: Note, lang: Lang) -> str:
    share = note["share"]
    assert isinstance(share, Fraction)
    lists = _names(note, "lists", lang)
    if lang == "fr":
        return (
            "Listes pouvant fusionner avec une liste du second tour (au moins "
            f"{percentage(share, lang)} des suffrages exprimés) : {lists}."
        )
    return f"Lists that may merge into a second-round list (at least {percentage(share, lang)} of the votes cast): {lists}."


def _fallback_qualified(note: Note, lang: Lang) -> str:
    name, basis = _str(note, "list"), _str(note, "basis")
    if lang == "fr":
        return f"La liste {name} peut se maintenir au second tour par repêchage des deux premières ({basis})."
    return f"List {name} may stand in the second round by the top-two fallback ({basis})."


def _scope(note: Note, lang: Lang) -> str:
    inhabitants = _int(note, "inhabitants")
    if lang == "fr":
        if inhabitants == 0:
            return "Scrutin de liste applicable à toutes les communes (loi n° 2025-444)."
        return f"Scrutin de liste applicable aux communes de {integer(inhabitants, lang)} habitants et plus."
    if inhabitants == 0:
        return "List vote in every commune (loi n° 2025-444)."
    return f"List vote in communes of {integer(inhabitants, lang)} inhabitants or more."


def _plm(note: Note, lang: Lang) -> str:
    city, council = _str(note, "city"), _str(note, "council")
    if lang == "fr":
        body = "conseil d'arrondissement" if council == "arrondissement" else "conseil municipal"
        return f"Secteur de {city} : sièges du {body}."
    body = "arrondissement council" if council == "arrondissement" else "city council"
    return f"A sector of {city}: {body} seats."


def _small_commune(note: Note, lang: Lang) -> str:
    checked = _int(note, "lists_checked") != 0
    if lang == "fr":
        text = (
            "Commune de moins de 1 000 habitants en 2026 ou après : le scrutin de liste de la loi "
            "n° 2025-444 est appliqué avec l'article L262 inchangé (nouvel article L252, lu) ; les "
            "autres articles de cette loi (abrogation de L253, renvois de L255-2) ne sont lus qu'en "
            "partie (PARTIAL)"
        )
        if not checked:
            text += (
                " ; faute des listes de candidats, rien ne vérifie qu'aucune liste n'obtient plus de "
                "sièges qu'elle n'a de candidats"
            )
        return text + "."
    text = (
        "Commune under 1,000 inhabitants in 2026 or later: the list vote of loi n° 2025-444 is applied "
        "with article L262 unchanged (new article L252, read); the law's other articles (L253 "
        "abrogated, the references of L255-2) were read only in part (PARTIAL)"
    )
    if not checked:
        text += "; without the lists of candidates it cannot be checked that no list won more seats than it has candidates"
    return text + "."


def _minimum_moved(note: Note, lang: Lang) -> str:
    seats = seats_word(_int(note, "seats"), lang)
    if lang == "fr":
        return (
            f"Minimum de 2 ou 4 sièges par département (art. L338-1, loi n° 2015-29 ; PARTIAL) : "
            f"{seats} de la liste arrivée en tête déplacé(s)."
        )
    return (
        f"Minimum of 2 or 4 seats per department (art. L338-1, loi n° 2015-29; PARTIAL): {seats} of the "
        "leading list moved."
    )


def _minimum_applied(note: Note, lang: Lang) -> str:
    name = _str(note, "list")
    if lang == "fr":
        return (
            "Minimum de 2 ou 4 sièges par département (art. L338-1, loi n° 2015-29 ; PARTIAL) : "
            f"appliqué à la liste {name}."
        )
    return f"Minimum of 2 or 4 seats per department (art. L338-1, loi n° 2015-29; PARTIAL): applied to list {name}."


def _seat_moved(note: Note, lang: Lang) -> str:
    donor, receiver = _str(note, "donor"), _str(note, "receiver")
    if lang == "fr":
        return (
            f"Un siège passe du département {donor} au département {receiver} pour atteindre son "
            "minimum (art. L338-1, 2015)."
        )
    return f"A seat moves from department {donor} to department {receiver} to reach its minimum (art. L338-1, 2015)."


def _bonus_undetermined(note: Note, lang: Lang) -> str:
    who, basis = _names(note, "contenders", lang), _str(note, "basis")
    seats = seats_word(_int(note, "seats"), lang)
    if lang == "fr":
        return (
            f"Égalité pour la première place entre {who} : les {seats} de prime restent sans "
            f"attributaire ({basis} les donne à la liste dont les candidats ont la moyenne d'âge la "
            "plus élevée, et les âges donnés ne la départagent pas)."
        )
    return (
        f"Tie for first place between {who}: the {seats} of the bonus stay undetermined ({basis} gives "
        "them to the list whose candidates have the highest average age, and the ages given do not "
        "settle it)."
    )


def _section_bonus(note: Note, lang: Lang) -> str:
    section, seats = _str(note, "section"), seats_word(_int(note, "seats"), lang)
    if lang == "fr":
        return f"Prime de la section {section} : {seats} sans attributaire (égalité pour la première place)."
    return f"Bonus of section {section}: {seats} undetermined (tie for first place)."


def _section_result(note: Note, lang: Lang) -> str:
    section, seats = _str(note, "section"), seats_word(_int(note, "seats"), lang)
    won = note["won"]
    assert isinstance(won, FrozenMap)
    shares = ", ".join(f"{name} {integer(n, lang)}" for name, n in won.items() if n)
    if lang == "fr":
        return f"Section {section} ({seats}) : {shares or 'aucun siège attribué'}."
    return f"Section {section} ({seats}): {shares or 'no seat given'}."


def _sections_as_given(note: Note, lang: Lang) -> str:
    basis = _str(note, "basis")
    if lang == "fr":
        return (
            f"La rédaction en vigueur de {basis} n'a pas été lue mot à mot (PARTIAL) : les sièges et la "
            "prime des sections sont ceux donnés."
        )
    return f"The version of {basis} in force was not read verbatim (PARTIAL): the sections' seats and bonus are those given."


def _runner_up_tie(note: Note, lang: Lang) -> str:
    who = _names(note, "contenders", lang)
    if lang == "fr":
        return (
            f"{who} sont à égalité de voix pour une place ouverte par le repêchage des deux premiers : "
            "le texte ne tranche pas, et la pratique officielle les admet tous au second tour "
            "(départementales 2015, Hautes-Pyrénées, canton d'Aureilhan : un binôme à 12,5 % des "
            "inscrits, les deux suivants à égalité à 1 248 voix, trois binômes admis)."
        )
    return (
        f"{who} tie for a place given by the top-two fallback: the text does not settle it, and the "
        "official practice admits them all to the second round (départementales 2015, "
        "Hautes-Pyrénées, canton d'Aureilhan: one binôme at 12.5% of registered, the next two tied "
        "at 1,248 votes, three binômes admitted)."
    )


def _council_size(note: Note, lang: Lang, complete: bool) -> str:
    members, minimum = _int(note, "members"), _int(note, "minimum")
    if lang == "fr":
        head = f"Le conseil compte {_plural_fr(members, 'membre')} pour un minimum de {integer(minimum, lang)}"
        if complete:
            return head + " (CGCT, art. L2121-2-1) : il est réputé complet, sans élection complémentaire."
        return head + " (CGCT, art. L2121-2-1) : une élection complémentaire est due (art. L258, L258-1)."
    head = f"The council has {_plural_en(members, 'member')} for a minimum of {integer(minimum, lang)}"
    if complete:
        return head + " (CGCT, art. L2121-2-1): it is deemed complete, with no complementary election."
    return head + " (CGCT, art. L2121-2-1): a complementary election is due (art. L258, L258-1)."


def _moved(note: Note, lang: Lang) -> str:
    moved = note["moved"]
    assert isinstance(moved, FrozenMap)
    parts = [f"{name} {integer(count, lang)}" for name, count in moved.items() if count]
    given = names_text(parts, lang)
    if lang == "fr":
        return (
            "Sièges obtenus au-delà des candidats d'une liste attribués aux moyennes suivantes des autres "
            f"listes (pratique constatée en 2026, non fixée par le texte) : {given}."
        )
    return (
        "Seats won beyond a list's candidates given to the next averages of the other lists (a practice "
        f"found in 2026, not set by the text): {given}."
    )


def _plm_city(note: Note, lang: Lang) -> str:
    city, bonus = _str(note, "city"), _int(note, "bonus")
    if lang == "fr":
        return (
            f"Scrutin à l'échelle de la commune de {city} (loi n° 2025-795) : prime de {seats_word(bonus, lang)}, "
            "le quart des sièges arrondi à l'entier supérieur (art. L272-4-1, rédaction finale non "
            "lue : PARTIAL)."
        )
    return (
        f"City-wide ballot of {city} (loi n° 2025-795): a bonus of {seats_word(bonus, lang)}, a quarter of "
        "the seats rounded up (art. L272-4-1, final wording not read: PARTIAL)."
    )


def _plm_sector(note: Note, lang: Lang) -> str:
    city, sector, table = _str(note, "city"), _int(note, "sector"), _int(note, "from_table")
    if lang == "fr":
        text = (
            f"Scrutin distinct du secteur {sector} de {city} (loi n° 2025-795), avec la prime de la moitié "
            "des sièges (art. L262)"
        )
        if table:
            text += " ; sièges du tableau des secteurs (amendement AN 1247 : PARTIAL)"
        return text + "."
    text = f"Separate ballot of sector {sector} of {city} (loi n° 2025-795), with the half bonus (art. L262)"
    if table:
        text += "; seats from the sector table (AN amendment 1247: PARTIAL)"
    return text + "."


def _fixed(fr: str, en: str) -> Callable[[Note, Lang], str]:
    return lambda _note, lang: fr if lang == "fr" else en


_TEXTS: dict[NoteKind, Callable[[Note, Lang], str]] = {
    NoteKind.OVER_ALLOCATION: _over_allocation,
    NoteKind.TIE_UNSETTLED: _tie_unsettled,
    NoteKind.SEATS_UNDETERMINED: _seats_undetermined,
    NoteKind.MORE_PASS_THAN_SEATS: _more_pass,
    NoteKind.RUNNER_UP_FALLBACK: _fixed(
        "Un seul candidat atteint le seuil : celui qui le suit en voix peut aussi se maintenir.",
        "Only one candidate reaches the threshold: the runner-up may also stand.",
    ),
    NoteKind.TOP_TWO_FALLBACK: _fixed(
        "Aucun candidat n'atteint le seuil : les deux premiers peuvent se maintenir.",
        "No candidate reaches the threshold: the top two may stand.",
    ),
    NoteKind.VACANCY: _vacancy,
    NoteKind.BONUS_ABSOLUTE_MAJORITY: _bonus(
        "qui a la majorité absolue des suffrages exprimés au premier tour",
        "which has an absolute majority of the votes cast in the first round",
    ),
    NoteKind.BONUS_MOST_VOTES: _bonus(
        "qui a le plus de voix au second tour", "which has the most votes in the second round"
    ),
    NoteKind.BONUS_AVERAGE_AGE: _bonus(
        "à égalité de voix en tête au second tour, départagée par la moyenne d'âge la plus élevée "
        "de ses candidats",
        "tied first in the second round and separated by the highest average age of its candidates",
    ),
    NoteKind.NO_SECOND_ROUND: _no_second_round,
    NoteKind.MAY_MERGE: _may_merge,
    NoteKind.FALLBACK_QUALIFIED: _fallback_qualified,
    NoteKind.LIST_VOTE_SCOPE: _scope,
    NoteKind.PLM_SECTOR: _plm,
    NoteKind.SMALL_COMMUNE_2026: _small_commune,
    NoteKind.TIE_RULE_UNVERIFIED: _fixed(
        "La règle d'égalité de 2004 à 2014 (plus grand nombre de voix, puis moyenne d'âge la plus "
        "élevée de la liste) suit des sources secondaires : le texte de l'article 3 en vigueur de "
        "2003 à 2018 n'a pas été vérifié (UNVERIFIED).",
        "The 2004–2014 tie rule (most votes, then the highest average age of the list) follows "
        "secondary sources: the 2003–2018 text of art. 3 is UNVERIFIED.",
    ),
    NoteKind.DEPARTMENT_MINIMUM_MET: _fixed(
        "Minimum de 2 ou 4 sièges par département (art. L338-1, loi n° 2015-29 ; PARTIAL) : atteint "
        "sans changement.",
        "Minimum of 2 or 4 seats per department (art. L338-1, loi n° 2015-29; PARTIAL): met without change.",
    ),
    NoteKind.DEPARTMENT_MINIMUM_MOVED: _minimum_moved,
    NoteKind.DEPARTMENT_MINIMUM_APPLIED: _minimum_applied,
    NoteKind.SEAT_MOVED: _seat_moved,
    NoteKind.BONUS_UNDETERMINED: _bonus_undetermined,
    NoteKind.SECTION_BONUS_UNDETERMINED: _section_bonus,
    NoteKind.SECTION_RESULT: _section_result,
    NoteKind.SECTION_TIE_BY_SECTION_VOTES: _fixed(
        "Une égalité pour le dernier siège d'une section a été tranchée par le plus grand nombre de "
        "suffrages obtenus dans la section : l'article dit « le plus grand nombre de suffrages » sans "
        "préciser où (lecture de la bibliothèque).",
        "A section's last-seat tie was settled by the most votes counted in the section: the article "
        "says « le plus grand nombre de suffrages » without saying where (the library's reading).",
    ),
    NoteKind.SECTIONS_AS_GIVEN: _sections_as_given,
    NoteKind.CORSICA_2010_2017_PARTIAL: _fixed(
        "Règle de 2010 à 2017 (9 sièges de prime, 7 % pour se maintenir) tirée du dossier du ministère "
        "de 2015 : le texte de cette période n'a pas été lu (PARTIAL).",
        "The 2010–2017 rule (9 bonus seats, 7% to stand) comes from the Ministry's 2015 dossier: the "
        "text of that era was not read (PARTIAL).",
    ),
    NoteKind.ZERO_DIVISOR_FIRST_SEAT: _fixed(
        "Premier siège à une moyenne infinie (diviseur nul).",
        "A first seat at an infinite average (zero divisor).",
    ),    NoteKind.RUNNER_UP_TIE_ALL_STAND: _runner_up_tie,
    NoteKind.EXCESS_SEATS_LAW_SILENT: _fixed(
        "Une liste obtient plus de sièges qu'elle n'a de candidats : aucun texte lu ne dit ce que "
        "deviennent ces sièges (art. L252 et L262), et le fichier officiel du premier tour de 2026 "
        "montre les deux pratiques (sièges laissés vacants dans 33 communes, attribués aux moyennes "
        "suivantes des autres listes dans 11).",
        "A list won more seats than it has candidates: no text read says what becomes of those seats "
        "(art. L252 and L262), and the official file of the 2026 first round shows both practices "
        "(seats left vacant in 33 communes, given to the next averages of the other lists in 11).",
    ),
    NoteKind.COUNCIL_REPUTED_COMPLETE: lambda note, lang: _council_size(note, lang, True),
    NoteKind.COMPLEMENTARY_ELECTION_DUE: lambda note, lang: _council_size(note, lang, False),
    NoteKind.EXCESS_SEATS_NEXT_AVERAGES: _moved,
    NoteKind.PLM_CITY_BALLOT: _plm_city,
    NoteKind.PLM_SECTOR_BALLOT: _plm_sector,
    NoteKind.NEW_CALEDONIA_SMALL_COMMUNE: _fixed(
        "Commune de Nouvelle-Calédonie de moins de 1 000 habitants : représentation proportionnelle à "
        "la plus forte moyenne entre les listes ayant au moins 5 % des suffrages exprimés, sans prime "
        "majoritaire, en un seul tour (art. L429, L431, L435).",
        "A commune of New Caledonia under 1,000 inhabitants: proportional representation by highest "
        "averages among the lists with at least 5% of the votes cast, no majority bonus, one round "
        "(art. L429, L431, L435).",
    ),
    NoteKind.COMMUNITY_SEATS: _fixed(
        "Sièges de la commune au conseil communautaire, répartis entre les listes selon les règles de "
        "l'article L262 (art. L273-8) et attribués dans l'ordre de la liste des candidats au conseil "
        "communautaire ; un siège échu à un candidat non élu conseiller municipal revient au premier "
        "conseiller municipal élu de même sexe de la liste qui n'est pas conseiller communautaire.",
        "The commune's seats in the intercommunal council, shared among the lists by the rules of "
        "article L262 (art. L273-8) and given in the order of the community candidates; a seat that "
        "falls to a candidate not elected to the municipal council goes to the first municipal "
        "councillor of the same sex elected on the list who is not yet a community councillor.",
    ),
}


def note_text(note: Note, lang: Lang = "fr") -> str:
    """One sentence saying ``note`` in French (``"fr"``) or English (``"en"``)."""
    require(note, Note, "note")
    return _TEXTS[note.kind](note, _lang(lang))
