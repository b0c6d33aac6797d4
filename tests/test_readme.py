"""The README's promises that code can check: the two commands first, the assignments table."""

from __future__ import annotations

import re

from pmcourse.exercises import get_problem
from pmcourse.grading.authoring.assignments import ASSIGNMENTS, ProblemPart

from .conftest import PROJECT

README = (PROJECT / "README.md").read_text(encoding="utf-8")


def test_starts_with_the_two_commands() -> None:
    """A new user meets `make lab` and `make test` before anything else."""
    first_block = README.split("```")[1]
    assert "make lab" in first_block and "make test" in first_block


def test_assignment_table_matches_the_declared_assignments() -> None:
    """Every assignment appears with its real total, auto-graded and manual points."""
    for assignment in ASSIGNMENTS:
        row = next(line for line in README.splitlines() if line.startswith(f"| {assignment.id} "))
        auto = sum(get_problem(p.problem_id).points for p in assignment.parts
                   if isinstance(p, ProblemPart))
        manual = sum(p.points for p in assignment.parts if not isinstance(p, ProblemPart))
        cells = [c.strip() for c in row.strip("|").split("|")]
        assert float(cells[2]) == auto + manual, row
        assert sum(float(n) for n in re.findall(r"\((\d+)\)", cells[3])) == auto, row
        assert sum(float(n) for n in re.findall(r"\((\d+)\)", cells[4])) == manual, row
