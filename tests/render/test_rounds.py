"""Explanations of majoritarian rounds (electoral_rules.render.rounds), in French and English."""

from __future__ import annotations

import datetime as dt

import pytest

from electoral_rules import Candidate, RunnerUpTie, Tally
from electoral_rules.errors import InvalidArgumentError
from electoral_rules.france import legislative, municipal, senate
from electoral_rules.render.rounds import explain_round, percent_of


def test_number_formatting() -> None:
    assert percent_of(1, 3) == "33,33 %"
    assert percent_of(2, 3, "en") == "66.67%"
    assert percent_of(0, 0) == "–"


def test_legislative_explanation_french() -> None:
    tally = Tally(votes={"A": 18027198, "B": 18027196}, registered=47582183)
    text = legislative.elect(tally).explain("fr")
    assert text.splitlines()[0] == "Législatives, premier tour (1 siège à pourvoir)"
    assert "Majorité absolue : 18 027 198 voix ; quart des inscrits : 11 895 546 voix" in text
    assert "12,5 % des inscrits pour le second tour : 5 947 773 voix" in text
    assert "- A : 18 027 198 voix (50,00 % des exprimés) : élu(e)" in text
    assert "Élu(s) : A." in text
    assert "Base légale : Code électoral, art. L126, L162." in text


def test_legislative_explanation_english() -> None:
    tally = Tally(votes={"A": 200, "B": 125, "C": 100}, registered=1000)
    text = legislative.elect(tally).explain("en")
    assert "Legislative election, first round (1 seat to fill)" in text
    assert "Absolute majority: 213 votes; a quarter of registered: 250 votes" in text
    line = "- B: 125 votes (29.41% of expressed): may stand in the second round (exactly on the threshold"
    assert line in text
    assert "May stand in the second round: A, B." in text
    assert "Legal basis: Code électoral, art. L126, L162." in text


def test_exact_threshold_is_marked_in_french() -> None:
    text = legislative.elect(Tally(votes={"A": 200, "B": 125, "C": 100}, registered=1000)).explain()
    assert "(exactement au seuil : 12,5 % des inscrits pour le second tour)" in text


def test_runner_up_tie_all_stand_is_explained() -> None:
    outcome = legislative.elect(Tally(votes={"A": 200, "B": 90, "C": 90}, registered=1000))
    fr, en = outcome.explain("fr"), outcome.explain("en")
    assert "la pratique officielle les admet tous au second tour" in fr
    assert "canton d'Aureilhan" in fr
    assert ("Égalité pour la place de second admis au second tour entre B et C (90 voix chacun) : tous "
            "peuvent se maintenir (B et C), selon la pratique officielle.") in fr
    assert "Peuvent se présenter au second tour : A, B, C." in fr
    assert "the official practice admits them all to the second round" in en
    assert "all may stand (B and C), following the official practice" in en
    assert "indéterminé" not in fr


def test_fallback_and_tie_are_explained() -> None:
    outcome = legislative.elect(Tally(votes={"A": 200, "B": 90, "C": 90}, registered=1000),
                                      runner_up_tie=RunnerUpTie.UNDETERMINED)
    fr, en = outcome.explain("fr"), outcome.explain("en")
    assert "Un seul candidat atteint le seuil" in fr
    assert "Égalité pour la place de second admis au second tour entre B et C (90 voix chacun" in fr
    assert "le texte ne prévoit aucune règle de départage" in fr
    assert "Le résultat reste indéterminé" in fr
    assert "Only one candidate reaches the threshold" in en
    assert "Tie for the runner-up place in the second round between B and C (90 votes each" in en


def test_age_tie_explained() -> None:
    people = [
        Candidate(name="A", birth_date=dt.date(1970, 1, 1)),
        Candidate(name="B", birth_date=dt.date(1960, 1, 1)),
    ]
    outcome = legislative.elect(Tally(votes={"A": 10, "B": 10}), round=2, people=people)
    french = outcome.explain("fr")
    assert "tranchée au bénéfice de B (candidat le plus âgé (Code électoral, art. L126))" in french
    assert "settled in favour of B (oldest candidate (Code électoral, art. L126))" in outcome.explain("en")
    assert "- A : 10 voix (50,00 % des exprimés) : non élu(e)" in outcome.explain("fr")


def test_plurinominal_explanation_mentions_valid_ballots() -> None:
    tally = Tally(votes={"A": 60, "B": 55, "C": 45}, registered=120, expressed=100, names_per_ballot=2)
    outcome = senate.elect(tally, 2)
    fr = outcome.explain("fr")
    assert "Sénatoriales, premier tour (2 sièges à pourvoir)" in fr
    assert "bulletins exprimés : 100" in fr
    assert "la majorité se calcule sur le nombre de bulletins exprimés" in fr
    assert "Each ballot may carry up to 2 names" in outcome.explain("en")
    small = municipal.elect(
        Tally(votes={"A": 60, "B": 59, "C": 58}, registered=120, expressed=100, names_per_ballot=2),
        2,
        date=dt.date(2020, 3, 15),
        people=[Candidate(name=n, birth_date=dt.date(1950 + i, 1, 1)) for i, n in enumerate("ABC")],
    )
    assert "3 candidats remplissent les conditions du premier tour pour 2 sièges" in small.explain("fr")
    assert "3 candidates meet the first-round conditions for 2 seats" in small.explain("en")


def test_unknown_language() -> None:
    outcome = legislative.elect(Tally(votes={"A": 10, "B": 9}), round=2)
    with pytest.raises(InvalidArgumentError, match="'de'"):
        explain_round(outcome, "de")  # type: ignore[arg-type]


def test_three_way_tie_and_singular_vote_in_english() -> None:
    text = legislative.elect(Tally(votes={"A": 0, "B": 0, "C": 0}, registered=10),
                                   runner_up_tie=RunnerUpTie.UNDETERMINED).explain("en")
    assert "Absolute majority: 1 vote; a quarter of registered: 3 votes" in text
    tie = "Tie for the places in the second round between A, B and C (0 votes each, 2 place(s) at stake)"
    assert tie in text
    assert "May stand in the second round: none." in text


def test_a_list_qualification_tells_every_list_and_no_seats() -> None:
    import datetime as dt

    from electoral_rules.france import regional

    outcome = regional.second_round_qualification(
        {"A": 48, "B": 9, "C": 9, "D": 9, "E": 9, "F": 8, "G": 8}, date=dt.date(2021, 6, 20)
    )
    text = outcome.explain("fr")
    assert text.splitlines()[0] == "Régionales, premier tour (accès au second tour)"
    assert "- A : 48 voix (48,00 % des exprimés) : qualifié(e) pour le second tour" in text
    assert "- B : 9 voix (9,00 % des exprimés) : qualifié(e) pour le second tour" in text  # the fallback tie
    assert "- G : 8 voix (8,00 % des exprimés) : éliminé(e)" in text
    assert "Listes pouvant fusionner avec une liste du second tour" in text
    assert outcome.explain("en").splitlines()[0] == "Regional election, first round (who may stand in the second round)"
