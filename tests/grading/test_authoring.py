"""The nbgrader source notebooks are generated from the declared assignments and never drift."""

from __future__ import annotations

import re

import nbformat
import pytest

from pmcourse.grading.assignments import ASSIGNMENTS
from pmcourse.grading.authoring import build_notebook
from pmcourse.grading.leaks import MIN_LENGTH, Secret, normalize, problem_ids, scan

from .conftest import PROJECT


@pytest.mark.parametrize("assignment", ASSIGNMENTS, ids=lambda a: a.id)
def test_committed_notebook_is_what_the_builder_makes(assignment) -> None:
    """Run `python -m pmcourse.grading.authoring .` after changing a problem or an assignment."""
    path = PROJECT / "course" / "source" / assignment.id / f"{assignment.notebook}.ipynb"
    built = nbformat.writes(build_notebook(assignment, PROJECT / "autograders")) + "\n"
    assert path.read_text(encoding="utf-8") == built


@pytest.mark.parametrize("assignment", ASSIGNMENTS, ids=lambda a: a.id)
def test_every_graded_problem_has_a_key_and_a_reference(assignment) -> None:
    """Each hidden test's problem has its key and reference answer in autograders/."""
    path = PROJECT / "course" / "source" / assignment.id / f"{assignment.notebook}.ipynb"
    for problem_id in problem_ids(path):
        assert (PROJECT / "autograders" / "keys" / f"{problem_id}.json").exists()
        assert (PROJECT / "autograders" / "answers" / f"{problem_id}.py").exists()


ITEM_FACT = re.compile(r'^"[A-Z]+[0-9]+"\s*:')  # e.g. "K01": "task" -- the answer for one item


def test_no_graded_key_fact_inside_the_package() -> None:
    """No per-item answer of a graded key appears in any file of the installed package."""
    secrets = [
        Secret(normalize(line), path.name)
        for path in (PROJECT / "autograders" / "keys").glob("*.json")
        for line in path.read_text(encoding="utf-8").splitlines()
        if ITEM_FACT.match(normalize(line)) and len(normalize(line)) >= MIN_LENGTH
    ]
    files = [p for p in (PROJECT / "src" / "pmcourse").rglob("*") if p.is_file()
             and p.suffix in (".py", ".json", ".md", ".txt", ".csv")]
    assert secrets and files
    assert scan(files, secrets) == []
