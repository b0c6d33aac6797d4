"""Hostile input costs the linter time in proportion to its length, never more.

Graders, widgets and ``pmcourse lint`` all run the linter on text a learner or a student wrote,
so a pattern that backtracks (quadratic or worse) would let one answer stall a grading run. The
text below repeats, segment by segment, every shape that once made a pattern backtrack: long
runs of digits and separators, 'with' after 'with', dated entries, story openings, 'from ... to'.
"""

from __future__ import annotations

import time

import pytest

from pmcourse.lint import config, lint
from pmcourse.lint.engine import KINDS, run_rules

UNITS = ("1.1.", "with a ", "Q1: a; ", "as a I want ", "from 1 to ", "scans x, ", "become the ",
         "by the ", " ", "a-", "households plan ", "given when ", "so that ", "$1,", "our app ",
         "their income ", "Users can ", "Build a world ")


def adversarial(size: int) -> str:
    """``size`` characters: each hostile shape repeated over an equal segment."""
    seg = size // len(UNITS)
    return "".join((u * (seg // len(u) + 1))[:seg] for u in UNITS)


def _seconds(text: str, check) -> float:
    best = float("inf")
    for _ in range(2):
        start = time.perf_counter()
        for kind in KINDS:
            check(text, kind)
        best = min(best, time.perf_counter() - start)
    return best


@pytest.mark.slow
def test_every_rule_runs_in_time_proportional_to_the_text() -> None:
    """Sixteen times the text costs at most three times sixteen times the time (a quadratic
    pattern would cost 256 times), for every kind's rules on the whole, uncapped text."""
    small, large = adversarial(6_000), adversarial(96_000)
    ratio = _seconds(large, lambda t, k: run_rules(t, k, {})) / _seconds(
        small, lambda t, k: run_rules(t, k, {}))
    assert ratio < 48, f"96k/6k took {ratio:.0f}x as long"


def test_a_megabyte_answer_costs_little_more_than_a_long_statement() -> None:
    """``lint`` reads the first LINT_MAX_CHARS characters and says so: a 1 MB answer costs a
    few times a 1 KB one, not a thousand times."""
    huge = adversarial(1_000_000)
    ratio = _seconds(huge, lint) / _seconds(adversarial(1_000), lint)
    assert ratio < config.LINT_MAX_CHARS / 1_000 * 3
    notes = [f for f in lint(huge, "vision") if f.rule == "too-long-to-check"]
    assert len(notes) == 1 and f"{len(huge):,} characters" in notes[0].message
    assert notes[0].span == (config.LINT_MAX_CHARS, len(huge))


def test_a_statement_within_the_limit_is_read_whole() -> None:
    """Ordinary statements are linted in full, with no note about their length."""
    text = "Every household cooks with what it already has. " * 20
    assert len(text) < config.LINT_MAX_CHARS
    assert "too-long-to-check" not in [f.rule for f in lint(text, "vision")]
