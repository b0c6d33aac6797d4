"""A small course on a real nbgrader gradebook (SQLite), set up through nbgrader's own API.

Assignment a1 has one notebook ``nb`` with an autograder test cell (q1, 2 points), a written
answer graded by a person (reflect, 3), a hand-graded code answer (code_ans, 2) and a task (task1,
1). ann answered on time, ben late, cat not at all; dan's submission was tampered with.
Manual grades, comments and late penalties are entered as formgrader and nbgrader would.
"""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

from pmcourse.grading.pipeline.course import Course, ensure_tools_on_path
from pmcourse.grading.pipeline.ledger import Ledger, SubmissionResult

DUE = datetime(2026, 3, 1, 12, 0)
STUDENTS = {"ann": ("Ann", "Archer"), "ben": ("Ben", "Baker"), "cat": ("Cat", "Cole"),
            "dan": ("Dan", "Dorsey")}


def _cell(kind: str, source: str, meta: dict | None = None, outputs: list | None = None) -> dict:
    cell = {"cell_type": kind, "metadata": {"nbgrader": meta} if meta else {}, "source": source}
    if kind == "code":
        cell.update(execution_count=1, outputs=outputs or [])
    return cell


def autograded_notebook(*, reflection: str = "The vision names a change for people.",
                        extra: list[dict] | None = None, output: str = "[1, 4, 9]\n") -> dict:
    """The autograded notebook of one student, as nbgrader leaves it."""
    base = {"schema_version": 3, "locked": False, "solution": False, "grade": False}
    cells = [
        _cell("markdown", "# Assignment 1\n\nThe score is $\\frac{a}{b}$ of the points.",
              {**base, "grade_id": "intro", "locked": True}),
        _cell("code", "def squares(n):\n    return [i * i for i in range(1, n + 1)]",
              {**base, "grade_id": "code_ans", "solution": True, "grade": True, "points": 2},
              [{"output_type": "stream", "name": "stdout", "text": output}]),
        _cell("code", "assert squares(3) == [1, 4, 9]",
              {**base, "grade_id": "q1", "grade": True, "points": 2, "locked": True},
              [{"output_type": "error", "ename": "AssertionError", "evalue": "",
                "traceback": ["secret traceback line"]}]),
        _cell("markdown", reflection,
              {**base, "grade_id": "reflect", "solution": True, "grade": True, "points": 3}),
        _cell("markdown", "Draw the KPI tree on paper and explain it to a peer.",
              {**base, "grade_id": "task1", "task": True, "points": 1, "locked": True}),
        *(extra or []),
    ]
    return {"cells": cells, "metadata": {"kernelspec": {"name": "python3"}}, "nbformat": 4,
            "nbformat_minor": 5}


def build(root: Path, *, late_penalty: str = "none", plugin: type | None = None) -> tuple[
        Course, str]:
    """The course directory and its gradebook URL, autograded and partly hand-graded."""
    from nbgrader.api import Gradebook

    ensure_tools_on_path()
    for name in ("source/a1", "autograded", "feedback", "submitted"):
        (root / name).mkdir(parents=True, exist_ok=True)
    db_url = f"sqlite:///{root / 'gradebook.db'}"
    with Gradebook(db_url) as gb:
        gb.add_assignment("a1", duedate=DUE)
        gb.add_notebook("nb", "a1")
        gb.add_grade_cell("q1", "nb", "a1", max_score=2, cell_type="code")
        gb.add_grade_cell("code_ans", "nb", "a1", max_score=2, cell_type="code")
        gb.add_solution_cell("code_ans", "nb", "a1")
        gb.add_grade_cell("reflect", "nb", "a1", max_score=3, cell_type="markdown")
        gb.add_solution_cell("reflect", "nb", "a1")
        gb.add_task_cell("task1", "nb", "a1", max_score=1, cell_type="markdown")
        for student, (first, last) in STUDENTS.items():
            gb.add_student(student, first_name=first, last_name=last)
        stamps = {"ann": datetime(2026, 3, 1, 9), "ben": datetime(2026, 3, 2, 18),
                  "dan": datetime(2026, 3, 1, 10)}
        for student, stamp in stamps.items():
            gb.add_submission("a1", student, timestamp=stamp)
            for cell, auto, manual in (("q1", 2.0, False), ("code_ans", None, True),
                                       ("reflect", None, True), ("task1", None, True)):
                grade = gb.find_grade(cell, "nb", "a1", student)
                grade.auto_score = auto
                grade.needs_manual_grade = manual
            gb.db.commit()
    for student in ("ann", "ben", "dan"):
        folder = root / "autograded" / student / "a1"
        folder.mkdir(parents=True)
        (folder / "nb.ipynb").write_text(json.dumps(autograded_notebook()), encoding="utf-8")
        (folder / "timestamp.txt").write_text("2026-03-01 09:00:00")
        (folder / "submission_secret.txt").write_text("s3cr3t")
    _assign_late_penalties(db_url, "ben", late_penalty, plugin)
    ledger = Ledger(db_url)
    ledger.record(SubmissionResult("a1", "ann", "graded", "2 of 8 points; 3 answer(s) await "
                                   "manual grading", 2.0, 8.0, fingerprint="f-ann"))
    ledger.record(SubmissionResult("a1", "ben", "late", "submitted 30.0 h after the due date; "
                                   "2 of 8 points", 2.0, 8.0, fingerprint="f-ben"))
    ledger.record(SubmissionResult("a1", "dan", "tampered", "tampering detected: the test in "
                                   "'q1' was edited; 2 of 8 points", 2.0, 8.0, fingerprint="f-dan"))
    ledger.record(SubmissionResult("a1", "cat", "missing", "no submission found in submitted/",
                                   fingerprint="missing"))
    ledger.close()
    return Course(root), db_url


def _assign_late_penalties(db_url: str, student: str, method: str, plugin: type | None) -> None:
    """nbgrader's own AssignLatePenalties preprocessor, configured as a course would."""
    from nbformat import from_dict
    from nbgrader.preprocessors import AssignLatePenalties
    from traitlets.config import Config

    config = Config()
    config.LateSubmissionPlugin.penalty_method = method
    if plugin is not None:
        config.AssignLatePenalties.plugin_class = plugin
    preprocessor = AssignLatePenalties(config=config)
    resources = {"nbgrader": {"notebook": "nb", "assignment": "a1", "student": student,
                              "db_url": db_url}}
    preprocessor.preprocess(from_dict(autograded_notebook()), resources)


def grade_by_hand(db_url: str, student: str, cell: str, score: float,
                  comment: str | None = None) -> None:
    """What formgrader does when a person saves a score (and a comment) for a cell."""
    from nbgrader.api import Gradebook

    with Gradebook(db_url) as gb:
        grade = gb.find_grade(cell, "nb", "a1", student)
        grade.manual_score = score
        grade.needs_manual_grade = False
        if comment is not None:
            gb.find_comment(cell, "nb", "a1", student).manual_comment = comment
        gb.db.commit()
