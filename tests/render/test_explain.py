"""Explanations and tables (render/): the AFP worked example in French and English."""

from __future__ import annotations

from fractions import Fraction

import pytest

import electoral_rules as er
from electoral_rules.render.numbers import integer, number, ordinal, percentage, seats_word
from tests.common import AFP

"""AFP, 23 September 2011 (seed 002): 5 seats, lists A, B and C."""


def test_afp_explanation_in_french_follows_the_seed() -> None:
    text = er.dhondt(AFP, seats=5).explain("fr")
    # The quotient is exprimés / seats: the seed's "nombre de listes" is the number of seats.
    assert "1 534 suffrages exprimés ÷ 5 sièges à pourvoir = 306,8" in text
    # The AFP's "5 (le nombre de listes)" is corrected in the tutorial's prose, not in every
    # explanation: the quotient line says "sièges à pourvoir" and stops there.
    assert "non de listes" not in text
    assert "1 534 suffrages exprimés ÷ 5 sièges à pourvoir = 306,8.\n" in text
    assert "A : 1 023 ÷ 306,8 = 3,33… → 3 sièges" in text
    assert "B : 258 ÷ 306,8 = 0,84… → 0 siège" in text
    assert "4e siège : A 1 023 ÷ (3 + 1) = 255,75 ; B 258 ÷ (0 + 1) = 258 ; C 253 ÷ (0 + 1) = 253 → B" in text
    assert "5e siège : A 1 023 ÷ (3 + 1) = 255,75 ; B 258 ÷ (1 + 1) = 129 ; C 253 ÷ (0 + 1) = 253 → A" in text
    assert text.splitlines()[-1] == "Résultat : A 4, B 1, C 0."


def test_afp_explanation_in_english() -> None:
    text = er.dhondt(AFP, seats=5).explain("en")
    assert "Electoral quotient: 1,534 votes cast ÷ 5 seats to fill = 306.8" in text
    assert "4th seat: A 1,023 ÷ (3 + 1) = 255.75; B 258 ÷ (0 + 1) = 258; C 253 ÷ (0 + 1) = 253 → B" in text
    assert text.endswith("Result: A 4, B 1, C 0.")


def test_unknown_language_is_refused() -> None:
    with pytest.raises(er.InvalidArgumentError, match="lang 'de'"):
        er.dhondt(AFP, seats=5).explain("de")  # type: ignore[arg-type]


def test_threshold_and_exclusion_are_told() -> None:
    text = er.dhondt({"A": 95, "B": 5, "C": 4}, 3, threshold="5%").explain("fr")
    assert "Seuil : au moins 5 % des suffrages exprimés (104), soit 6 voix." in text
    assert "C : 4 voix, sous le seuil" in text


def test_ties_are_told_settled_or_not() -> None:
    report = er.TieBreak(if_unresolved=er.IfUnresolved.REPORT)
    text = er.dhondt({"A": 10, "B": 10, "C": 5}, 1, tie_break=report).explain("en")
    assert "Tie at average 10 between A and B for 1 seat." in text
    assert "No rule settles it: 1 seat undetermined between A and B." in text
    assert "Seats not attributed (unsettled tie): 1." in text
    settle = er.TieBreak(criteria=(er.most_votes(), er.given_order(["B", "A"])))
    text = er.dhondt({"A": 10, "B": 10, "C": 5}, 1, tie_break=settle).explain("en")
    assert "Settled by: most votes, given order → B." in text


def test_largest_remainder_is_told_with_its_remainders() -> None:
    text = er.largest_remainder(AFP, 5).explain("fr")
    assert "Quota (Hare) : 306,8 voix par siège." in text
    assert "B : reste 258 → +1 siège" in text
    assert text.endswith("Résultat : A 3, B 1, C 1.")


def test_other_divisors_are_told_seat_by_seat() -> None:
    text = er.sainte_lague(AFP, 5).explain("en")
    assert "1st seat: A 1,023; B 258; C 253 → A" in text
    assert "5th seat: A 204.6; B 86; C 84.33… → A" in text


def test_markdown_and_html_tables() -> None:
    allocation = er.dhondt(AFP, seats=5)
    markdown = allocation.to_markdown("en")
    assert markdown.splitlines()[0] == "| List | Votes | By quotient | 4th seat | 5th seat | Seats |"
    assert "| B | 258 | 0 | **258** | 129 | 1 |" in markdown
    html = allocation._repr_html_()
    assert html.startswith("<table") and "<strong>258</strong>" in html


def test_number_formatting() -> None:
    assert integer(18027198, "fr") == "18 027 198"
    assert number(Fraction(-5, 2), "fr") == "-2,5"
    assert percentage(Fraction(1, 8), "fr") == "12,5 %"
    assert percentage(Fraction(1, 8), "en") == "12.5%"
    assert [ordinal(n, "en") for n in (1, 2, 3, 4, 11, 12, 13, 21, 111)] == [
        "1st", "2nd", "3rd", "4th", "11th", "12th", "13th", "21st", "111th",
    ]
    assert seats_word(1, "fr") == "1 siège" and seats_word(2, "fr") == "2 sièges"
    assert seats_word(0, "en") == "0 seats"


def test_a_bonus_held_back_by_a_tie_is_not_counted_in_the_seats_left() -> None:
    import datetime as dt

    from electoral_rules.france import corsica

    result = corsica.allocate({"A": 4000, "B": 4000, "C": 2000}, round=2, date=dt.date(2017, 12, 10))
    assert result.method is er.Method.BONUS_THEN_HIGHEST_AVERAGE and result.undetermined == 11
    text = result.explain("fr")
    assert "Il reste 2 sièges à attribuer un par un" in text  # 52 shared, 50 by the quotient
    assert "les 11 sièges de prime restent sans attributaire" in text


def test_elected_lists_follow_french_typography() -> None:
    lists = [er.PartyList(name="A", candidates=["a1", "a2"]), er.PartyList(name="B", candidates=["b1"])]
    from electoral_rules.france.list_engine import seat_candidates

    result = seat_candidates(er.dhondt({"A": 70, "B": 30}, 3), lists)
    assert "Élus : A : a1, a2 ; B : b1." in result.explain("fr")
    assert "Elected: A: a1, a2; B: b1." in result.explain("en")


def test_seats_taken_back_are_told_as_such() -> None:
    result = er.largest_remainder({"A": 60, "B": 30, "C": 10}, 2, quota=er.Quota.IMPERIALI)
    text = result.explain("fr")
    assert "Les parties entières dépassent de 1 siège le nombre à pourvoir : reprise aux plus faibles restes :" in text
    assert "-1 siège" in text and "Il reste -" not in text
    assert "taken back from the smallest remainders" in result.explain("en")
