"""Validity: answers written fresh for every problem are scored within 0.2 of an expert's score.

The cases live in ``tests/exercises/validity/`` (two valid answers in other words, one plausible
but wrong and one that games the checker, per problem); `bench/bench_validity.py` prints the
false-negative and false-positive rates over the same cases.
"""

from __future__ import annotations

from collections import Counter

import pytest

from pmcourse.exercises import problems
from tests.exercises.validity import Case, all_cases
from tests.exercises.validity.scoring import score

TOLERANCE = 0.2
"""How far the automatic score may sit from the expert's (issue 9)."""

CASES = all_cases()


@pytest.mark.parametrize("case", CASES, ids=[c.label for c in CASES])
def test_case_is_scored_like_the_expert(case: Case) -> None:
    """The automatic score is within 0.2 of the expert's, and nothing wrong gets full marks."""
    got = score(case)
    assert abs(got - case.expert) <= TOLERANCE, (
        f"{case.problem_id} {case.kind} ({case.why}): scored {got:.2f}, expert {case.expert:.2f}"
    )
    if case.kind in ("wrong", "gaming"):
        assert got < 1.0, f"{case.label} gets full marks"


def test_every_problem_has_the_four_kinds_of_case() -> None:
    """Each registered problem has >= 2 valid, >= 1 wrong and >= 1 gaming case."""
    kinds: dict[str, Counter[str]] = {pid: Counter() for pid in problems()}
    for case in CASES:
        assert case.problem_id in kinds, f"{case.problem_id}: no such problem"
        kinds[case.problem_id][case.kind] += 1
    short = sorted(pid for pid, c in kinds.items()
                   if c["valid"] < 2 or c["wrong"] < 1 or c["gaming"] < 1)
    assert not short, f"problems without the four kinds of case: {short}"
