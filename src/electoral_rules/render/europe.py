"""The European Parliament in pictures and words: the hemicycle of the whole house by member
state, and each state's national allocation explained in French or English.

The hemicycle draws the seats of every member state from the packaged composition
(:func:`electoral_rules.europe.parliament`): one colour per state (:data:`STATE_COLORS`, the
same for every year), the states in the decision's order, a legend naming each state and its
seats. The output is deterministic (the same call gives the same bytes).

>>> svg = parliament_svg(2024, lang="en")
>>> svg.count('class="seat"'), "Germany (DE) — 96 seats" in svg
(720, True)

:func:`explain_national` tells how a state's seats were allocated: the state and its seats
(with the European Council decision), the national rule (method, threshold and its base) and
how sure the library is of it (its status, whether it was inferred from the outcome), the
calculation step by step (:func:`~electoral_rules.render.explain.explain_allocation`), the
rule's remark and the sources read. The French text is French throughout: the remarks and
sources of :data:`electoral_rules.europe.rules.RULES` are translated here.

>>> from electoral_rules import europe
>>> result = europe.allocate("LU", {"CSV": 500, "DP": 400, "LSAP": 300, "déi gréng": 200}, year=2024)
>>> print(explain_national(result, state="LU", year=2024, lang="en").splitlines()[0])
European Parliament election of 2024 — Luxembourg (LU): 6 seats.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from .._exact import percent_text, require
from ..errors import InvalidArgumentError
from ..europe import NationalRule, Status, parliament, rule, seats
from ..europe.districts import DISTRICT_RULES, DistrictAllocation
from ..outcome import Allocation
from .explain import explain_allocation
from .notes import method_label
from .numbers import Lang, integer, seats_word
from .svg import PALETTE, hemicycle_svg

__all__ = [
    "FAMILIES",
    "STATE_COLORS",
    "STATE_NAMES",
    "ParliamentHemicycle",
    "explain_districts",
    "explain_national",
    "family",
    "parliament_svg",
    "state_name",
    "summary",
]

STATE_NAMES: Mapping[str, tuple[str, str]] = {
    "BE": ("Belgique", "Belgium"),
    "BG": ("Bulgarie", "Bulgaria"),
    "CZ": ("Tchéquie", "Czechia"),
    "DK": ("Danemark", "Denmark"),
    "DE": ("Allemagne", "Germany"),
    "EE": ("Estonie", "Estonia"),
    "IE": ("Irlande", "Ireland"),
    "EL": ("Grèce", "Greece"),
    "ES": ("Espagne", "Spain"),
    "FR": ("France", "France"),
    "HR": ("Croatie", "Croatia"),
    "IT": ("Italie", "Italy"),
    "CY": ("Chypre", "Cyprus"),
    "LV": ("Lettonie", "Latvia"),
    "LT": ("Lituanie", "Lithuania"),
    "LU": ("Luxembourg", "Luxembourg"),
    "HU": ("Hongrie", "Hungary"),
    "MT": ("Malte", "Malta"),
    "NL": ("Pays-Bas", "Netherlands"),
    "AT": ("Autriche", "Austria"),
    "PL": ("Pologne", "Poland"),
    "PT": ("Portugal", "Portugal"),
    "RO": ("Roumanie", "Romania"),
    "SI": ("Slovénie", "Slovenia"),
    "SK": ("Slovaquie", "Slovakia"),
    "FI": ("Finlande", "Finland"),
    "SE": ("Suède", "Sweden"),
    "UK": ("Royaume-Uni", "United Kingdom"),
}
"""Each member state's name in French and English, by EU code, in the decisions' order."""

_MORE_COLORS = (
    "#1b9e77", "#d95f02", "#7570b3", "#e7298a", "#66a61e", "#e6ab02", "#a6761d",
    "#1f78b4", "#b2df8a", "#fb9a99", "#fdbf6f", "#cab2d6", "#a6cee3",
)

STATE_COLORS: Mapping[str, str] = dict(zip(STATE_NAMES, (*PALETTE, *_MORE_COLORS), strict=True))
"""One colour per state, the same in every year: the library's :data:`~electoral_rules.render.svg.PALETTE`
then ColorBrewer's Dark2 and Paired colours, in the decisions' order of the states."""


def state_name(state: str, lang: Lang = "fr") -> str:
    """The state's name in ``lang``.

    >>> state_name("EL", "fr"), state_name("EL", "en")
    ('Grèce', 'Greece')
    """
    names = STATE_NAMES.get(state) if isinstance(state, str) else None
    if names is None:
        raise InvalidArgumentError(f"{state!r} is not a member state's code (the EU's: 'DE', 'EL', 'UK'...)")
    return names[0] if _lang(lang) == "fr" else names[1]


def _lang(lang: object) -> Lang:
    if lang == "fr":
        return "fr"
    if lang == "en":
        return "en"
    raise InvalidArgumentError(f"lang {lang!r} must be 'fr' or 'en'")


# -- the hemicycle -------------------------------------------------------------------------


def _labelled(year: int, after_brexit: bool, lang: Lang) -> tuple[dict[str, int], dict[str, str]]:
    """The seats per state keyed by the legend's label (``"Germany (DE)"``), and their colours."""
    house = parliament(year, after_brexit=after_brexit)
    labels = {state: f"{state_name(state, lang)} ({state})" for state in house}
    return (
        {labels[state]: n for state, n in house.items()},
        {labels[state]: STATE_COLORS[state] for state in house},
    )


def _default_title(year: int, after_brexit: bool, total: int, lang: Lang) -> str:
    if lang == "fr":
        when = f"élection de {year}" + (", composition après le Brexit" if after_brexit else "")
        return f"Parlement européen, {when} : {total} sièges par État membre"
    when = f"{year} election" + (", composition after Brexit" if after_brexit else "")
    return f"European Parliament, {when}: {total} seats by member state"


def parliament_svg(
    year: int,
    *,
    after_brexit: bool = False,
    lang: Lang = "fr",
    title: str | None = None,
    width: int = 720,
) -> str:
    """The hemicycle of the whole European Parliament by member state, as SVG text.

    :param year: 2019 or 2024 (:func:`electoral_rules.europe.parliament`).
    :param after_brexit: for 2019, the 705 seats in force from 1 February 2020 instead of
        the 751 of the constitutive session.
    :param lang: ``"fr"`` or ``"en"`` (states' names, legend, title and description).
    :param title: the picture's title (by default it names the election and the seats).
    :param width: the width in pixels.
    :raises UnsupportedEraError: for a year the library does not cover.

    Each state's seats are one group (``data-list`` is the legend's label, such as
    ``"Allemagne (DE)"``), coloured by :data:`STATE_COLORS`.

    >>> svg = parliament_svg(2019)
    >>> svg.count('class="seat"'), "Royaume-Uni (UK) — 73 sièges" in svg
    (751, True)
    >>> parliament_svg(2019, after_brexit=True).count('class="seat"')
    705
    """
    lang = _lang(lang)
    counts, colors = _labelled(year, after_brexit, lang)
    heading = title if title is not None else _default_title(year, after_brexit, sum(counts.values()), lang)
    return hemicycle_svg(counts, colors=colors, title=heading, lang=lang, width=width)


@dataclass(frozen=True, slots=True, kw_only=True)
class ParliamentHemicycle:
    """The hemicycle of the European Parliament that Jupyter shows inline (see
    :func:`parliament_svg`).

    >>> picture = ParliamentHemicycle(year=2024, lang="en")
    >>> picture.svg == picture._repr_svg_() == str(picture)
    True
    """

    year: int
    after_brexit: bool = False
    lang: Lang = "fr"
    title: str | None = None
    width: int = 720

    @property
    def svg(self) -> str:
        """The SVG document."""
        return parliament_svg(self.year, after_brexit=self.after_brexit, lang=self.lang, title=self.title,
                              width=self.width)

    def _repr_svg_(self) -> str:
        return self.svg

    def __str__(self) -> str:
        return self.svg


# -- families of rules -----------------------------------------------------------------------

FAMILIES: tuple[str, ...] = ("divisor", "quota", "constituencies", "stv")
"""The families of national rules, one page each in the docs' "European Parliament" section:
one national allocation by a divisor method; by largest remainder (a quota); several
constituencies or electoral colleges; the single transferable vote."""

_CONSTITUENCIES = frozenset({"BE", "IT", "PL", "UK"})
"""Belgium's three electoral colleges, Italy's five districts, Poland's thirteen districts, the
United Kingdom's twelve regions (2019; Northern Ireland by single transferable vote)."""

_STV = frozenset({"IE", "MT"})
"""Ireland (three constituencies in 2019 and 2024) and Malta: the single transferable vote."""


def family(state: str, year: int) -> str:
    """The family of ``state``'s rule in ``year`` (one of :data:`FAMILIES`).

    >>> family("AT", 2024), family("SK", 2024), family("PL", 2019), family("MT", 2019)
    ('divisor', 'quota', 'constituencies', 'stv')
    """
    national = rule(state, year)
    if state in _STV:
        return "stv"
    if state in _CONSTITUENCIES:
        return "constituencies"
    return "quota" if national.method.is_largest_remainder else "divisor"


# -- explanations ---------------------------------------------------------------------------

_COMPOSITION: Mapping[tuple[int, bool], tuple[str, str]] = {
    (2019, False): (
        ("décision 2013/312/UE du Conseil européen, art. 3, maintenue par la décision (UE) 2018/937, "
        "art. 3, paragraphe 2"),
        "European Council Decision 2013/312/EU, art. 3, kept in force by Decision (EU) 2018/937, art. 3(2)",
    ),
    (2019, True): (
        "décision (UE) 2018/937 du Conseil européen, art. 3, paragraphe 1, à compter du 1er février 2020",
        "European Council Decision (EU) 2018/937, art. 3(1), from 1 February 2020",
    ),
    (2024, False): ("décision (UE) 2023/2061 du Conseil européen", "European Council Decision (EU) 2023/2061"),
}
"""The decision that sets a state's seats, cited in each language."""

_STATUS: Mapping[Status, tuple[str, str]] = {
    Status.VERIFIED: ("lue dans la loi elle-même", "read in the law itself"),
    Status.PARTIAL: (
        ("énoncée par des sources secondaires lues (presse, encyclopédies, résumés officiels) ; la loi "
        "nationale elle-même n'a pas été lue et un détail peut rester à confirmer"),
        ("stated by secondary sources read (press, encyclopaedias, official summaries); the national law "
        "itself was not read and a detail may be unconfirmed"),
    ),
    Status.UNVERIFIED: (
        "tirée d'un modèle tiers ou du seul résultat ; la loi nationale n'a pas été lue",
        "from a third-party model or from the outcome alone; the national law was not read",
    ),
}

_BASES: Mapping[str, tuple[str, str]] = {
    "valid votes": ("des suffrages valables", "of the valid votes"),
    "suffrages exprimés": ("des suffrages exprimés", "of the votes cast (suffrages exprimés)"),
    "": ("des suffrages (base non lue)", "of the votes (base not read)"),
}

_SOURCE_ITEMS: Mapping[str, str] = {
    "pl/it Wikipedia mirrors": "miroirs de Wikipédia en polonais et en italien",
    "en.wikipedia mirror ('D'Hondt')": "miroir de Wikipédia en anglais (« D'Hondt »)",
    "nl.wikipedia (colleges 12/8/1 in 2019)": "nl.wikipedia (collèges 12/8/1 en 2019)",
    "press": "presse",
    "the base of the 5 % from the 2019 outcome": "la base des 5 % déduite du résultat de 2019",
    "mediapool.bg EP mirror": "miroir du site du Parlement européen sur mediapool.bg",
    "EP results-site export of 2019 (2-decimal shares)":
        "export du site des résultats du Parlement européen, 2019 (parts à 2 décimales)",
    "a third-party model (threshold 1.8 %)": "un modèle tiers (seuil de 1,8 %)",
    "votelib's CZ EP 2019 test (D'Hondt, 5 %)": "test CZ EP 2019 de votelib (D'Hondt, 5 %)",
    "CZSO release 2024": "communiqué du CZSO, 2024",
    "Bundeswahlleiterin results (via PaulKeydel/EU_elect_2024_ger_map)":
        "résultats de la Bundeswahlleiterin (via PaulKeydel/EU_elect_2024_ger_map)",
    "interregnum's de_euro_2014 example": "exemple de_euro_2014 d'interregnum",
    "a third-party model (3 %)": "un modèle tiers (3 %)",
    "mediapool.bg mirror": "miroir sur mediapool.bg",
    "Interior ministry counts (partial)": "décomptes du ministère de l'Intérieur (partiels)",
    "a third-party model": "un modèle tiers",
    "loi n° 77-729 du 7 juillet 1977, art. 3 (the project's French reference)":
        "loi n° 77-729 du 7 juillet 1977, art. 3 (la référence française du projet)",
    "civilek.info ('5 percent threshold')": "civilek.info (« seuil de 5 % »)",
    "NVI table via dailynewshungary": "tableau du NVI via dailynewshungary",
    "a third-party model (three constituencies)": "un modèle tiers (trois circonscriptions)",
    "balticnews (CVK shares)": "balticnews (parts de la CVK)",
    "none": "aucune",
    "CAP/MAI table 2024": "tableau CAP/MAI de 2024",
    "a third-party model (no threshold)": "un modèle tiers (sans seuil)",
    "earthpressnews ('four percent barrier')": "earthpressnews (« barrière de quatre pour cent »)",
    "tickerdossier (Wikipedia mirror)": "tickerdossier (miroir de Wikipédia)",
    "the base of the 5 % from the outcome": "la base des 5 % déduite du résultat",
    "Kieswet art. P 5 to P 7 as summarised by compendiumpolitiek.nl":
        "Kieswet, art. P 5 à P 7, résumés par compendiumpolitiek.nl",
    "Kieswet art. P 8 read on mijnwetten.nl": "Kieswet, art. P 8, lu sur mijnwetten.nl",
    "bill 34 377 abolishing list combinations (lijstencombinaties), adopted by the Tweede Kamer on 7 "
    "February 2017 (parlement.com)":
        "proposition de loi 34 377 supprimant les apparentements de listes (lijstencombinaties), adoptée "
        "par la Tweede Kamer le 7 février 2017 (parlement.com)",
    "vallag (2005:837), 14 kap. (text not read)": "vallag (2005:837), 14 kap. (texte non lu)",
    "Linköping University's result pages (users.mai.liu.se) for 1999 and 2004 quote the earlier first "
    "divisor, 1,4":
        "les pages de résultats de l'université de Linköping (users.mai.liu.se) pour 1999 et 2004 citent "
        "l'ancien premier diviseur, 1,4",
}
"""French wordings of the items of :attr:`NationalRule.sources` (``"; "``-separated) that are
not bare citations; the others (``"val.se"``, ``"oe24 ('Vier-Prozent-Hürde')"``) stay as written."""

_REMARKS: Mapping[str, str] = {
    "Hare largest remainder among the lists that reach one Hare quota (valid votes / 17); whether a list "
    "exactly on the quota is admitted was not read":
        "plus forts restes au quota de Hare entre les listes qui atteignent un quota de Hare (suffrages "
        "valables / 17) ; l'admission d'une liste qui a exactement le quota n'a pas été lue",
    "plain Hare largest remainder: the Cypriot two-stage rule was not read (it happens to give the same "
    "seats in 2019)":
        "plus forts restes au quota de Hare, simplement : la règle chypriote en deux étapes n'a pas été lue "
        "(elle se trouve donner les mêmes sièges en 2019)",
    "a flat 5 % for every list, coalitions included (inferred from the outcome)":
        "un seuil uniforme de 5 % pour toute liste, coalitions comprises (déduit du résultat)",
    "one allocation among the national lists (the CDU's Land lists and the CSU's Bavarian list count as "
    "one list each); the split to Land lists is not done":
        "une seule répartition entre les listes nationales (les listes de Land de la CDU et la liste "
        "bavaroise de la CSU comptent chacune pour une liste) ; la ventilation entre les listes de Land "
        "n'est pas faite",
    "independent candidates are entries of the tally like lists":
        "les candidats indépendants sont des entrées du décompte, comme les listes",
    "each entry is taken as a list or an electoral alliance; the alliances' composition and the split "
    "inside an alliance (candidates' comparison figures) are not applied":
        "chaque entrée est prise pour une liste ou une alliance électorale ; la composition des alliances "
        "et la répartition à l'intérieur d'une alliance (nombres de comparaison des candidats) ne sont pas "
        "appliquées",
    "applied by electoral_rules.france.european, with its tie rule (most votes, then the lowest average "
    "age)":
        "appliquée par electoral_rules.france.european, avec sa règle de départage (le plus grand nombre "
        "de voix, puis la moyenne d'âge la plus basse)",
    "Hagenbach-Bischoff as in Luxembourg's law is said to equal D'Hondt (not read); with panachage, a "
    "list's votes are the sum of its candidates' votes":
        "la méthode Hagenbach-Bischoff de la loi luxembourgeoise équivaudrait à D'Hondt (non lu) ; avec "
        "le panachage, les voix d'une liste sont la somme des voix de ses candidats",
    "independent candidates elected at the Hare quota and coalition thresholds are not applied (not read)":
        "l'élection de candidats indépendants au quota de Hare et les seuils des coalitions ne sont pas "
        "appliqués (non lus)",
    "the 14-seat allocation (after_brexit=True) is applied":
        "la répartition des 14 sièges (composition d'après le Brexit) est appliquée",
    "Hagenbach-Bischoff or Droop quota both reproduce 2024, Hare does not":
        "les quotas de Hagenbach-Bischoff et de Droop reproduisent tous deux 2024, celui de Hare non",
    "no source read states a threshold": "aucune source lue n'énonce de seuil",
    "in 2024 the IDS coalition (5.61 % of valid votes) passes the 5 % and still wins no seat (its average "
    "is below HDZ's sixth), so the outcome does not contradict the valid votes as the base; the law's "
    "base was not read":
        "en 2024, la coalition IDS (5,61 % des suffrages valables) franchit les 5 % et n'obtient pourtant "
        "aucun siège (sa moyenne est inférieure à la sixième du HDZ) : le résultat ne contredit pas les "
        "suffrages valables comme base ; la base fixée par la loi n'a pas été lue",
    "the electoral quota (kiesdeler) is the valid votes divided by the seats (P 5); a list gets a full "
    "seat per quota (P 6) and the remainder seats go by greatest averages, none to a list under the quota "
    "(P 7): D'Hondt among the lists that reach one quota; largest remainders apply below 19 seats only "
    "(P 8); the articles applying these to the European election and the final enactment of the abolition "
    "of list combinations were not read":
        "le quotient électoral (kiesdeler) est le nombre de suffrages valables divisé par le nombre de "
        "sièges (P 5) ; une liste obtient un siège par quotient (P 6) et les sièges restants vont à la plus "
        "forte moyenne, aucun à une liste sous le quotient (P 7) : D'Hondt entre les listes qui atteignent "
        "un quotient ; les plus forts restes ne s'appliquent qu'en dessous de 19 sièges (P 8) ; les articles "
        "qui les appliquent à l'élection européenne et l'adoption définitive de la suppression des "
        "apparentements n'ont pas été lus",
    "jämkade uddatalsmetod with a first divisor of 1.2 (said by secondary sources, not read in the law); "
    "1.2, 1.4 and plain Sainte-Laguë give the same seats in 2019":
        "jämkade uddatalsmetod avec un premier diviseur de 1,2 (selon des sources secondaires, non lu dans "
        "la loi) ; les premiers diviseurs 1,2 et 1,4 et Sainte-Laguë simple donnent les mêmes sièges en 2019",
}
"""French wordings of :attr:`NationalRule.remark`, keyed by the English text."""

_WORDS: Mapping[str, Mapping[str, str]] = {
    "fr": {
        "head": "Élection européenne de {year} — {name} ({state}) : {seats}.",
        "head_brexit": (
            "Élection européenne de {year} — {name} ({state}) : {seats} dans la composition d'après le "
            "Brexit, dont {deferred} jusqu'au départ du Royaume-Uni."
        ),
        "deferred_1": "1 différé",
        "deferred": "{n} différés",
        "composition": "Sièges de l'État : {citation}.",
        "rule": "Règle nationale : {method}, {threshold}.",
        "no_threshold": "sans seuil légal",
        "quota_threshold": "une liste doit atteindre un quotient électoral (suffrages valables ÷ sièges)",
        "threshold": "seuil de {share} {base}",
        "status": "Degré de certitude : {status} — {text}.",
        "from_outcome": (
            "La règle (ou une partie) a été déduite des seuls sièges officiels : c'est une hypothèse, non "
            "la loi."
        ),
        "ties": (
            "Aucune règle nationale de départage n'a été lue : une égalité pour le dernier siège resterait "
            "sans attributaire."
        ),
        "remark": "Remarque : {text}.",
        "remark_untranslated": "Remarque (texte anglais non traduit) : « {text} ».",
        "sources": "Sources lues : {text}.",
        "basis": "Base légale : {citation} ; loi électorale de l'État, non lue ({status}).",
        "calculation": "Le calcul :",
    },
    "en": {
        "head": "European Parliament election of {year} — {name} ({state}): {seats}.",
        "head_brexit": (
            "European Parliament election of {year} — {name} ({state}): {seats} in the composition after "
            "Brexit, {deferred} until the United Kingdom left."
        ),
        "deferred_1": "1 of them deferred",
        "deferred": "{n} of them deferred",
        "composition": "The state's seats: {citation}.",
        "rule": "National rule: {method}, {threshold}.",
        "no_threshold": "no legal threshold",
        "quota_threshold": "a list must reach one electoral quota (valid votes ÷ seats)",
        "threshold": "threshold of {share} {base}",
        "status": "How sure: {status} — {text}.",
        "from_outcome": (
            "The rule (or a part of it) was inferred from the official seats alone: a hypothesis, not the law."
        ),
        "ties": "No national tie rule was read: a tie for the last seat would be left undetermined.",
        "remark": "Note: {text}.",
        "remark_untranslated": "Note: {text}.",
        "sources": "Sources read: {text}.",
        "basis": "Legal basis: {citation}; the state's electoral law, not read ({status}).",
        "calculation": "The calculation:",
    },
}


_SOURCE_ITEMS_EN: Mapping[str, str] = {
    "loi n° 77-729 du 7 juillet 1977, art. 3 (the project's French reference)":
        "« loi n° 77-729 du 7 juillet 1977 », art. 3 (the project's French reference)",
}
"""English wordings of the items that cite a French text (quoted, as citations are)."""


def _sources_text(sources: str, lang: Lang) -> str:
    items = [item.strip() for item in sources.split(";") if item.strip()]
    table = _SOURCE_ITEMS if lang == "fr" else _SOURCE_ITEMS_EN
    items = [table.get(item, item) for item in items]
    return " ; ".join(items) if lang == "fr" else "; ".join(items)


def _threshold_text(national: NationalRule, lang: Lang) -> str:
    words = _WORDS[lang]
    if national.quota_threshold:
        return words["quota_threshold"]
    if national.threshold is None:
        return words["no_threshold"]
    base = _BASES.get(national.threshold_base)
    shown = base[0 if lang == "fr" else 1] if base is not None else f"({national.threshold_base})"
    share = percent_text(national.threshold, point="," if lang == "fr" else ".")
    return words["threshold"].format(share=share, base=shown)


def explain_national(
    allocation: Allocation,
    *,
    state: str,
    year: int,
    after_brexit: bool = False,
    lang: Lang = "fr",
) -> str:
    """Tell how ``state``'s seats were allocated at the European election of ``year``.

    :param allocation: what :func:`electoral_rules.europe.allocate` returned for ``state``,
        ``year`` and ``after_brexit``.
    :param lang: ``"fr"`` or ``"en"``.
    :raises InvalidArgumentError: when the allocation's seats are not the state's seats that
        year (an allocation of another state or year).

    The text gives, in order: the state and its seats with the European Council decision; the
    national rule (method, threshold and its base); how sure the library is of it (the status
    of :class:`~electoral_rules.europe.NationalRule`, and whether the rule was inferred from the
    outcome); the tie rule where none was read; the calculation step by step; the rule's
    remark, the sources read and the legal basis.

    >>> from electoral_rules import europe
    >>> result = europe.allocate("EE", {"RE": 87158, "SDE": 77375, "KE": 50339, "EKRE": 42265}, year=2019)
    >>> text = explain_national(result, state="EE", year=2019, lang="fr")
    >>> print("\\n".join(text.splitlines()[:4]))
    Élection européenne de 2019 — Estonie (EE) : 6 sièges.
    Sièges de l'État : décision 2013/312/UE du Conseil européen, art. 3, maintenue par la décision (UE) 2018/937, art. 3, paragraphe 2.
    Règle nationale : plus forte moyenne, D'Hondt, sans seuil légal.
    Degré de certitude : PARTIAL — énoncée par des sources secondaires lues (presse, encyclopédies, résumés officiels) ; la loi nationale elle-même n'a pas été lue et un détail peut rester à confirmer.
    """
    require(allocation, Allocation, "explain_national's allocation")
    lang = _lang(lang)
    national = rule(state, year)
    house = seats(state, year, after_brexit=after_brexit)
    if allocation.house != house:
        when = f"{year} after Brexit" if after_brexit else str(year)
        raise InvalidArgumentError(
            f"{state} {when} has {house} seats, but the allocation given fills {allocation.house}: "
            "explain the allocation europe.allocate returned for that state and year"
        )
    words = _WORDS[lang]
    fr = lang == "fr"
    name = state_name(state, lang)
    if after_brexit and year == 2019:
        deferred = house - seats(state, year)
        if deferred:
            label = words["deferred_1"] if deferred == 1 else words["deferred"].format(n=integer(deferred, lang))
            lines = [words["head_brexit"].format(year=year, name=name, state=state, seats=seats_word(house, lang),
                                                 deferred=label)]
        else:
            lines = [words["head"].format(year=year, name=name, state=state, seats=seats_word(house, lang))]
    else:
        lines = [words["head"].format(year=year, name=name, state=state, seats=seats_word(house, lang))]
    citation = _COMPOSITION[(year, after_brexit and year == 2019)][0 if fr else 1]
    lines.append(words["composition"].format(citation=citation))
    method = method_label(national.method, lang)
    lines.append(words["rule"].format(method=method, threshold=_threshold_text(national, lang)))
    status_text = _STATUS[national.status][0 if fr else 1]
    lines.append(words["status"].format(status=national.status.value, text=status_text))
    if national.from_outcome:
        lines.append(words["from_outcome"])
    is_france = national.state == "FR"
    if not is_france:
        lines.append(words["ties"])
    lines.append(words["calculation"])
    body = explain_allocation(allocation, lang).splitlines()
    basis_prefix = "Base légale : " if fr else "Legal basis: "
    basis_line = None
    if body and body[-1].startswith(basis_prefix):
        basis_line = body.pop()
    lines.extend(body)
    if national.remark:
        translated = _REMARKS.get(national.remark) if fr else national.remark
        if translated is None:
            lines.append(words["remark_untranslated"].format(text=national.remark))
        else:
            lines.append(words["remark"].format(text=translated))
    lines.append(words["sources"].format(text=_sources_text(national.sources, lang)))
    if is_france and basis_line is not None:
        lines.append(basis_line)
    else:
        lines.append(words["basis"].format(citation=citation, status=national.status.value))
    return "\n".join(lines)


def summary(state: str, year: int, lang: Lang = "en") -> str:
    """One line on ``state``'s rule in ``year``: method, threshold and its base, status, and
    whether :func:`electoral_rules.europe.allocate` applies it.

    >>> print(summary("NL", 2024))
    NL 2024: highest averages, D'Hondt; a list must reach one electoral quota (valid votes ÷ seats); PARTIAL; applied
    >>> print(summary("DK", 2019, "fr"))
    DK 2019 : plus forte moyenne, D'Hondt ; sans seuil légal ; UNVERIFIED ; refusée (pièce manquante)
    """
    lang = _lang(lang)
    national = rule(state, year)
    fr = lang == "fr"
    status = national.status.value
    if national.from_outcome:
        status += ", déduite du résultat" if fr else ", inferred from the outcome"
    if national.applicable:
        applied = "appliquée" if fr else "applied"
    elif (state, year) in DISTRICT_RULES:  # votes per constituency, europe.districts
        applied = (
            "appliquée par europe.districts (voix par circonscription)" if fr
            else "applied by europe.districts (votes per constituency)"
        )
    elif (state, year) == ("SK", 2019):  # europe.allocate applies the 14 seats after Brexit only
        applied = "appliquée aux 14 sièges d'après le Brexit seulement" if fr else "applied to the 14 seats after Brexit only"
    else:
        applied = "refusée (pièce manquante)" if fr else "refused (a piece is missing)"
    method = method_label(national.method, lang)
    if family(state, year) == "stv":
        method = "vote unique transférable" if fr else "single transferable vote"
    parts = [method, _threshold_text(national, lang), status, applied]
    return f"{state} {year} : " + " ; ".join(parts) if fr else f"{state} {year}: " + "; ".join(parts)


def _untranslated(national: NationalRule) -> list[str]:
    """Not public: the pieces of ``national`` that have no French wording (for the tests)."""
    missing = []
    if national.remark and national.remark not in _REMARKS:
        missing.append(national.remark)
    if national.threshold_base not in _BASES:
        missing.append(national.threshold_base)
    return missing


_DISTRICT_STATUS: Mapping[Status, tuple[str, str]] = {
    Status.VERIFIED: _STATUS[Status.VERIFIED],
    Status.PARTIAL: (
        "la loi n'a été lue qu'en partie, par des extraits ou des sources secondaires (voir la base légale)",
        "the law was read only in part, through excerpts or secondary sources (see the legal basis)",
    ),
    Status.UNVERIFIED: _STATUS[Status.UNVERIFIED],
}

_DISTRICT_WORDS: Mapping[str, Mapping[str, str]] = {
    "fr": {
        "fixed": "chaque circonscription répartit ses propres sièges entre ses listes",
        "distributed": (
            "répartition nationale, puis les sièges de chaque liste distribués entre les circonscriptions "
            "au prorata de ses voix (quota de la liste, plus forts restes)"
        ),
        "national": "La répartition nationale :",
        "by_district": "Sièges par circonscription :",
        "district": "  {name} ({seats}) : {won}",
        "none": "aucun siège",
        "undetermined": "Sièges sans liste ou sans circonscription (égalité non tranchée) : {n}.",
        "result": "Résultat : {won}.",
        "basis": (
            "Base légale : {citation} ; règle de l'État : electoral_rules.europe.districts.DISTRICT_RULES "
            "({status}), ses articles et sources y sont cités."
        ),
    },
    "en": {
        "fixed": "each constituency allocates its own seats among its own lists",
        "distributed": (
            "a national allocation, then each list's seats distributed to the constituencies in proportion "
            "to its votes there (the list's quota, largest remainders)"
        ),
        "national": "The national allocation:",
        "by_district": "Seats per constituency:",
        "district": "  {name} ({seats}): {won}",
        "none": "no seat",
        "undetermined": "Seats without a list or a constituency (unsettled tie): {n}.",
        "result": "Result: {won}.",
        "basis": "Legal basis: {citation}; the state's rule: {basis}.",
    },
}


def explain_districts(result: DistrictAllocation, *, after_brexit: bool = False, lang: Lang = "fr") -> str:
    """Tell how a state that votes over constituencies (:mod:`electoral_rules.europe.districts`)
    filled its seats: the state, its seats and the decision, the rule and its status, the
    national allocation step by step where there is one (Italy, Poland), the seats per
    constituency and the result.

    >>> from electoral_rules.europe import districts
    >>> result = districts.allocate("BE", {"Dutch-speaking": {"A": 500, "B": 300, "C": 200},
    ...                                    "French-speaking": {"D": 600, "E": 400},
    ...                                    "German-speaking": {"F": 30, "G": 20}}, year=2024)
    >>> print("\\n".join(explain_districts(result, lang="en").splitlines()[:3]))
    European Parliament election of 2024 — Belgium (BE): 22 seats.
    The state's seats: European Council Decision (EU) 2023/2061.
    National rule: highest averages, D'Hondt, no legal threshold; each constituency allocates its own seats among its own lists.
    """
    require(result, DistrictAllocation, "explain_districts' result")
    lang = _lang(lang)
    fr = lang == "fr"
    words, more = _WORDS[lang], _DISTRICT_WORDS[lang]
    state, year = result.state, result.year
    rule_of = DISTRICT_RULES[(state, year)]
    house = result.national.house
    lines = [words["head"].format(year=year, name=state_name(state, lang), state=state, seats=seats_word(house, lang))]
    citation = _COMPOSITION[(year, after_brexit and year == 2019)][0 if fr else 1]
    lines.append(words["composition"].format(citation=citation))
    threshold = (
        words["no_threshold"] if rule_of.threshold is None
        else words["threshold"].format(share=percent_text(rule_of.threshold, point="," if fr else "."),
                                       base=_BASES["valid votes"][0 if fr else 1])
    )
    layout = more["fixed"] if rule_of.fixed else more["distributed"]
    lines.append(words["rule"].format(method=method_label(rule_of.method, lang), threshold=threshold)[:-1]
                 + (" ; " if fr else "; ") + layout + ".")
    status = Status(rule_of.status)
    lines.append(words["status"].format(status=status.value, text=_DISTRICT_STATUS[status][0 if fr else 1]))
    if not rule_of.fixed:
        lines.append(more["national"])
        body = explain_allocation(result.national, lang).splitlines()
        if body and body[-1].startswith(("Base légale : ", "Legal basis: ")):
            body.pop()
        lines.extend(body)
    lines.append(more["by_district"])
    for name, allocation in result.districts.items():
        won = ", ".join(f"{party} {integer(n, lang)}" for party, n in allocation.items() if n) or more["none"]
        lines.append(more["district"].format(name=name, seats=seats_word(allocation.house, lang), won=won))
    if result.undetermined:
        lines.append(more["undetermined"].format(n=integer(result.undetermined, lang)))
    if rule_of.fixed:
        won = ", ".join(f"{party} {integer(n, lang)}" for party, n in result.national.items())
        lines.append(more["result"].format(won=won))
    lines.append(more["basis"].format(citation=citation, status=status.value, basis=result.legal_basis))
    return "\n".join(lines)
