"""A graded notebook answered only through the answer widget's draft file is autograded with the
same score as the same answer written in code (real nbgrader, sandboxed kernels): the released
notebook's own answer cell reads the draft, and a missing draft scores nothing without breaking
the batch."""

from __future__ import annotations

import pytest

from pmcourse.grading.pipeline.course import Course
from pmcourse.grading.pipeline.export import read_grades
from pmcourse.grading.pipeline.run import grade

from ..conftest import ASSIGNMENT, PROJECT, answer_notebook, read_notebook, submit

pytestmark = pytest.mark.slow

WIDGET_CELL = ('from pmcourse.widgets import load_answer\n'
               'split = load_answer("drafts/feature_split.json", "roadmap.feature_split")')


def _save_widget_draft(course: Course, student: str) -> None:
    """What the answer widget saves when the reference answer is chosen row by row."""
    from pmcourse.exercises import get_problem
    from pmcourse.grading.authoring.build import reference_answer
    from pmcourse.widgets.answers import AnswerForm, answer_draft_type, form_spec
    from pmcourse.widgets.store import DraftStore

    form = AnswerForm(form_spec(get_problem("roadmap.feature_split")))
    rows = reference_answer("roadmap.feature_split", PROJECT / "autograders")
    for row in rows:
        form.set("items", row["item_id"], "kind", row["kind"])
    for row in rows:
        if row["outcome_id"]:
            form.set("items", row["item_id"], "outcome_id", row["outcome_id"])
    draft_type = answer_draft_type("roadmap.feature_split")
    path = course.submission_dir(student, ASSIGNMENT) / "drafts" / "feature_split.json"
    DraftStore(path, draft_type, delay=0).save(draft_type(form))


def test_a_widget_answer_scores_the_same_as_the_code_answer(fresh_course: Course,
                                                            reference_code: str) -> None:
    released = read_notebook(fresh_course.root / "release" / ASSIGNMENT / "roadmap.ipynb")
    submit(fresh_course, "by_code", answer_notebook(fresh_course, reference_code))
    submit(fresh_course, "by_widget", released)  # the student version as released, untouched
    _save_widget_draft(fresh_course, "by_widget")
    submit(fresh_course, "by_own_cell", answer_notebook(fresh_course, WIDGET_CELL))
    _save_widget_draft(fresh_course, "by_own_cell")
    submit(fresh_course, "no_draft", released)

    grade(fresh_course.root, assignment=ASSIGNMENT, workers=2)
    rows = {r["student_id"]: r for r in read_grades(fresh_course.root / "grades.csv")}
    assert float(rows["by_code"]["score"]) > 0
    for student in ("by_widget", "by_own_cell"):
        assert (rows[student]["score"], rows[student]["status"]) == (
            rows["by_code"]["score"], rows["by_code"]["status"]), student
    assert rows["no_draft"]["status"] == "graded"
    assert float(rows["no_draft"]["score"]) < float(rows["by_code"]["score"])
