"""Every graded problem against the instructor's answers in ``autograders/answers/<id>.py``.

One parametrized test per kind of answer, with the thresholds declared once: REFERENCE (and each
ALSO_FULL) earns full marks, each PARTIAL earns part of the points, each WRONG at most
`WRONG_AT_MOST`. The answers are instructor files, never released; the keys come from
``autograders/keys`` as the grade cells read them.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from pmcourse.exercises import Outcome, Problem, problems
from pmcourse.grading.kernel.keys import load_key

from ..helpers import ROOT, instructor_answers

FULL = 1.0
"""What REFERENCE and ALSO_FULL answers score."""
PARTIAL_BETWEEN = (0.0, 1.0)
"""A PARTIAL answer scores strictly between these."""
WRONG_AT_MOST = 0.3
"""The most a WRONG answer may score."""

AUTOGRADERS = ROOT / "autograders"
GRADED = sorted(pid for pid, p in problems().items() if p.graded)


def _answers(kind: str) -> list[tuple[str, int, Any]]:
    out = []
    for pid in GRADED:
        if not (AUTOGRADERS / "answers" / f"{pid}.py").exists():
            continue
        found = instructor_answers(pid).get(kind)
        if found is None:
            continue
        listed = [found] if kind == "REFERENCE" else list(found)
        out += [(pid, n, answer) for n, answer in enumerate(listed)]
    return out


def _score(problem_id: str, answer: Any) -> Any:
    problem: Problem = problems()[problem_id]
    key = load_key(problem_id, AUTOGRADERS)
    var = problem.vars[0]
    answers = answer if len(problem.vars) > 1 else {var: answer}
    return problem.check(answers, key=key)


def test_every_graded_problem_has_a_key_and_the_triad_of_answers() -> None:
    """Each graded problem has a key, a REFERENCE, at least one PARTIAL and one WRONG."""
    for pid in GRADED:
        assert Path(AUTOGRADERS / "keys" / f"{pid}.json").exists(), pid
        answers = instructor_answers(pid)
        assert "REFERENCE" in answers and answers.get("PARTIAL") and answers.get("WRONG"), pid


@pytest.mark.parametrize(("problem_id", "n", "answer"),
                         _answers("REFERENCE") + _answers("ALSO_FULL"),
                         ids=lambda v: v if isinstance(v, str) else None)
def test_reference_answers_earn_full_marks(problem_id: str, n: int, answer: Any) -> None:
    result = _score(problem_id, answer)
    assert result.score == FULL and result.outcome is Outcome.CORRECT, str(result)


@pytest.mark.parametrize(("problem_id", "n", "answer"), _answers("PARTIAL"),
                         ids=lambda v: v if isinstance(v, str) else None)
def test_partial_answers_earn_part_of_the_points(problem_id: str, n: int, answer: Any) -> None:
    result = _score(problem_id, answer)
    low, high = PARTIAL_BETWEEN
    assert low < result.score < high and result.outcome is Outcome.PARTLY_CORRECT, str(result)


@pytest.mark.parametrize(("problem_id", "n", "answer"), _answers("WRONG"),
                         ids=lambda v: v if isinstance(v, str) else None)
def test_wrong_answers_earn_little(problem_id: str, n: int, answer: Any) -> None:
    result = _score(problem_id, answer)
    assert result.score <= WRONG_AT_MOST, str(result)
