"""Answers reported by the kernel are untrusted: sizes are capped before any scoring work."""

from __future__ import annotations

import time

from pmcourse.grading.kernel.capture import (
    MAX_ANSWER_CHARS,
    MAX_ITEMS,
    Unsupported,
    decode_answers,
    encode_answers,
)


def test_answers_within_the_caps_decode_unchanged() -> None:
    encoded = encode_answers("p", {"labels": {"W01": "vision"}, "ids": ["B01", "B02"]})
    answers, problems = decode_answers(encoded["answers"])
    assert answers == {"labels": {"W01": "vision"}, "ids": ["B01", "B02"]} and problems == []


def test_an_answer_over_the_character_cap_is_not_scored_and_says_why() -> None:
    encoded = encode_answers("p", {"short": "ok", "essay": ["x" * MAX_ANSWER_CHARS, "y"]})
    answers, problems = decode_answers(encoded["answers"])
    assert answers["short"] == "ok" and isinstance(answers["essay"], Unsupported)
    assert problems == ["`essay` holds more than 100,000 characters, too long to grade: shorten "
                        "it to what the question asks"]


def test_too_many_values_or_too_deep_nesting_is_refused() -> None:
    nested: list = []
    for _ in range(40):
        nested = [nested]
    _, problems = decode_answers({"many": ["a"] * (MAX_ITEMS + 1), "deep": nested})
    assert problems == [f"`many` holds more than {MAX_ITEMS:,} values, too many to grade: keep "
                        "the answer to what the question asks",
                        "`deep` is nested more than 25 levels deep, too deep to grade"]


def test_checking_a_huge_answer_costs_no_more_than_a_small_one() -> None:
    """The cap is checked without walking past it: ten million values cost what a few do."""
    huge = {"many": ["a"] * 10_000_000}
    small = {"many": ["a"] * (MAX_ITEMS + 1)}
    started = time.perf_counter()
    decode_answers(huge)
    huge_seconds = time.perf_counter() - started
    started = time.perf_counter()
    decode_answers(small)
    assert huge_seconds < max(0.05, 20 * (time.perf_counter() - started))


def test_a_malformed_or_forged_report_scores_nothing_instead_of_failing() -> None:
    answers, problems = decode_answers({"table": {"__dict__": [[1]]}})
    assert isinstance(answers["table"], Unsupported) and "cannot be read" in problems[0]
    assert decode_answers(["not", "a", "dict"]) == (
        {}, ["the answers were not reported as named values, so none was scored"])
