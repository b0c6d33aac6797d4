"""Scores a validity case the way a learner's notebook or a grade cell would (no CASES here)."""

from __future__ import annotations

from pathlib import Path

from tests.exercises.validity import Case

AUTOGRADERS = Path(__file__).resolve().parents[3] / "autograders"
"""The repository's instructor folder, holding the keys of graded problems."""


def score(case: Case) -> float:
    """The automatic score of `case`: its problem's check, with the instructor's key if graded."""
    from pmcourse.exercises import get_problem
    from pmcourse.grading.kernel.keys import load_key

    problem = get_problem(case.problem_id)
    key = load_key(case.problem_id, AUTOGRADERS) if problem.graded else None
    return problem.check(case.answers, key=key).score
