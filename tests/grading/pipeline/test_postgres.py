"""Gradebooks on a real PostgreSQL server grade exactly like the default SQLite gradebook."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from pmcourse.cli import main
from pmcourse.grading.pipeline.course import Course
from pmcourse.grading.pipeline.export import read_grades
from pmcourse.grading.pipeline.run import grade

from ..conftest import ASSIGNMENT, answer_notebook, cell_scores, submit
from ..postgres import postgres_server

pytestmark = [pytest.mark.slow, pytest.mark.postgres]


@pytest.fixture(scope="module")
def postgres_url():
    with postgres_server() as url:
        yield url


def _cohort(course: Course, reference: str) -> None:
    submit(course, "full", answer_notebook(course, reference))
    submit(course, "blank", answer_notebook(course, "split = None"))
    submit(course, "partial", answer_notebook(
        course, reference + "\nsplit.loc[split.item_id == 'K03', 'kind'] = 'task'"))
    submit(course, "broken", "{not json")


def test_postgres_grades_like_sqlite(course_template: Path, tmp_path: Path, postgres_url: str,
                                     reference_code: str) -> None:
    """The same cohort graded on SQLite and on PostgreSQL gets the same cells, totals, statuses."""
    courses = {}
    for name in ("sqlite", "postgres"):
        shutil.copytree(course_template, tmp_path / name)
        courses[name] = Course(tmp_path / name)
        _cohort(courses[name], reference_code)
    db = ["--db", postgres_url]
    assert main(["release", str(courses["postgres"].root), "--assignment", ASSIGNMENT, *db]) == 0
    grade(courses["sqlite"].root, assignment=ASSIGNMENT, workers=2)
    run = grade(courses["postgres"].root, assignment=ASSIGNMENT, workers=2, db_url=postgres_url)
    sqlite_url = f"sqlite:///{courses['sqlite'].root / 'gradebook.db'}"
    assert cell_scores(postgres_url) == cell_scores(sqlite_url)
    rows = {name: [{k: v for k, v in r.items()} for r in read_grades(c.root / "grades.csv")]
            for name, c in courses.items()}
    assert rows["postgres"] == rows["sqlite"]
    assert {r.status for r in run.results} == {"graded", "error"}
    again = grade(courses["postgres"].root, assignment=ASSIGNMENT, db_url=postgres_url)
    assert again.graded_now == 0 and again.skipped == 4
