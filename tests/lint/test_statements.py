"""The linter and the classifier on published and realistic statements.

``tests/data/published_statements.csv`` holds visions and missions that organisations published
(with their source) and roadmap items, strategies and backlog items written the way real teams
write them. Each row says how an expert reads it: the kind it was written as, whether it is a
good statement of that kind, the error rule a bad one must get, and which artifact it reads like.
The rows marked ``fresh`` were written after the classifier's cues were last changed.
"""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from pmcourse.classify import classify
from pmcourse.lint import lint

STATEMENTS = Path(__file__).parents[1] / "data" / "published_statements.csv"
ROWS = list(csv.DictReader(STATEMENTS.open(encoding="utf-8")))
GOOD = [r for r in ROWS if r["verdict"] == "good"]
BAD = [r for r in ROWS if r["verdict"] == "bad"]


def _errors(row: dict[str, str]) -> list[str]:
    return [f.rule for f in lint(row["text"], row["kind"]) if f.severity == "error"]


def test_the_set_covers_every_kind_with_good_and_bad_statements() -> None:
    """At least 30 statements, good and bad ones of every kind; each published statement
    names the organisation and where it published it."""
    assert len(ROWS) >= 30
    kinds = {"vision", "mission", "strategy", "outcome", "task"}
    assert {r["kind"] for r in GOOD} == kinds
    assert {r["kind"] for r in BAD} == kinds
    published = [r for r in ROWS if not r["source"].startswith("course-written")]
    assert len(published) >= 12
    assert all("," in r["source"] for r in published), "a published statement names its source"


@pytest.mark.parametrize("row", GOOD, ids=[r["text"][:50] for r in GOOD])
def test_a_good_statement_gets_no_error(row: dict[str, str]) -> None:
    """A statement an expert accepts as a good one of its kind is not told it is wrong."""
    assert _errors(row) == [], row["source"]


@pytest.mark.parametrize("row", BAD, ids=[r["text"][:50] for r in BAD])
def test_a_bad_statement_gets_the_error_an_expert_names(row: dict[str, str]) -> None:
    """A flawed statement gets the error for its flaw (among any others)."""
    assert row["rule"] in _errors(row), row["source"]


def test_the_classifier_agrees_with_the_expert_on_at_least_80_percent() -> None:
    """Which artifact each statement reads like, over every row an expert could place."""
    placed = [r for r in ROWS if r["reads_as"]]
    wrong = [(r["text"], r["reads_as"], classify(r["text"]).kind) for r in placed
             if classify(r["text"]).kind != r["reads_as"]]
    assert 1 - len(wrong) / len(placed) >= 0.80, wrong


def test_the_classifier_holds_up_on_statements_written_after_tuning() -> None:
    """The fresh rows, never used to set the cues, are classified at least 80% right too."""
    fresh = [r for r in ROWS if r["set"] == "fresh" and r["reads_as"]]
    assert len(fresh) >= 15
    right = sum(classify(r["text"]).kind == r["reads_as"] for r in fresh)
    assert right / len(fresh) >= 0.80
