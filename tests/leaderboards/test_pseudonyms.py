"""Pseudonyms come from curated Dutch word lists, each once; a number only as a last resort."""

import pytest

from borg_learning.leaderboards import membership, pseudonyms
from tests.helpers.leaderboards import member


def test_the_lists_give_at_least_40_by_40_pseudonyms_of_two_words():
    assert len(pseudonyms.ADJECTIVES) >= 40 and len(pseudonyms.NAMES) >= 40
    assert len(set(pseudonyms.ADJECTIVES)) == len(pseudonyms.ADJECTIVES)
    assert len(set(pseudonyms.NAMES)) == len(pseudonyms.NAMES)
    for word in pseudonyms.ADJECTIVES + pseudonyms.NAMES:
        assert word.isalpha() and word[0].isupper() and word[1:].islower(), word
    # Without an article a de-word's adjective takes its -e: "Rustige Reiger".
    assert all(word.endswith("e") for word in pseudonyms.ADJECTIVES)


def test_candidates_are_different_and_listed():
    drawn = pseudonyms.candidates(pseudonyms.ATTEMPTS)
    assert len(set(drawn)) == pseudonyms.ATTEMPTS
    assert all(pseudonyms.is_listed(name) for name in drawn)
    assert not pseudonyms.is_listed("Jan de Vries")
    assert pseudonyms.is_listed(pseudonyms.with_number("Rustige Reiger"))


@pytest.mark.django_db
def test_a_taken_pseudonym_is_not_drawn_and_a_number_is_the_last_resort(monkeypatch):
    member("Rustige Reiger")
    monkeypatch.setattr(pseudonyms, "candidates", lambda count: ["Rustige Reiger", "Kalme Otter"])
    assert membership.free_pseudonym() == "Kalme Otter"
    member("Kalme Otter")
    last_resort = membership.free_pseudonym()
    assert last_resort.startswith("Rustige Reiger ") and last_resort.split(" ")[2].isdigit()
