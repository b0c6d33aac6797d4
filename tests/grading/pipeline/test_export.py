"""Exports read nbgrader's gradebook: manual grades, comments, late penalties, the whole roster.

Every test builds a real gradebook (nbgrader.api on SQLite) and changes it through nbgrader's API
as formgrader and nbgrader's late-penalty preprocessor do, then checks what an instructor would
open: grades.csv, the Canvas CSV, nbgrader's CSV and the formgrader flags.
"""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

import pytest

from pmcourse.cli import main
from pmcourse.grading.pipeline.export import (
    CANVAS_IDENTITY,
    GRADES_COLUMNS,
    export_course,
    read_grades,
    write_exports,
)
from pmcourse.grading.pipeline.gradebook import read_gradebook
from pmcourse.grading.pipeline.ledger import Ledger, SubmissionResult

from ..gradebook_course import build, grade_by_hand


def _rows(course) -> dict[str, dict[str, str]]:
    return {r["student_id"]: r for r in read_grades(course.root / "grades.csv")}


def _canvas(course) -> list[list[str]]:
    return list(csv.reader(io.StringIO((course.root / "canvas_grades.csv").read_text())))


def _nbgrader(course) -> dict[str, dict[str, str]]:
    text = (course.root / "nbgrader_grades.csv").read_text()
    return {r["student_id"]: r for r in csv.DictReader(io.StringIO(text))}


@pytest.fixture
def graded(tmp_path: Path):
    return build(tmp_path / "course")


def test_a_manual_grade_from_formgrader_reaches_every_export(graded) -> None:
    course, db_url = graded
    export_course(course, db_url=db_url)
    assert _rows(course)["ann"]["score"] == "2"
    assert "3 answer(s) await manual grading" in _rows(course)["ann"]["message"]

    grade_by_hand(db_url, "ann", "reflect", 2.5, "Clear and specific.")
    grade_by_hand(db_url, "ann", "code_ans", 2)
    grade_by_hand(db_url, "ann", "task1", 1)
    export_course(course, db_url=db_url)

    row = _rows(course)["ann"]
    assert (row["score"], row["raw_score"], row["awaiting_manual"]) == ("7.5", "7.5", "0")
    assert "await" not in row["message"]
    canvas = {line[2]: line for line in _canvas(course)[2:]}
    assert canvas["ann"][-1] == "7.5"
    assert _nbgrader(course)["ann"]["score"] == "7.5"


def test_late_penalty_zero_gives_what_nbgrader_export_gives(tmp_path: Path) -> None:
    course, db_url = build(tmp_path / "course", late_penalty="zero")
    export_course(course, db_url=db_url, feedback=False)
    ben = _rows(course)["ben"]
    assert (ben["status"], ben["raw_score"], ben["late_penalty"], ben["score"]) == (
        "late", "2", "2", "0")
    assert "late penalty 2" in ben["message"] and "30.0 h after the due date" in ben["message"]
    assert float(_nbgrader(course)["ben"]["score"]) == float(ben["score"])
    assert {line[2]: line for line in _canvas(course)[2:]}["ben"][-1] == "0"


def _half_off_plugin() -> type:
    """A course's own late-submission plugin: half the points off, whatever the delay."""
    from nbgrader.plugins import LateSubmissionPlugin

    class HalfOff(LateSubmissionPlugin):
        def late_submission_penalty(self, student_id, score, total_seconds_late):
            return score / 2

    return HalfOff


def test_a_custom_late_plugin_penalty_is_applied_and_visible(tmp_path: Path) -> None:
    course, db_url = build(tmp_path / "course", plugin=_half_off_plugin())
    export_course(course, db_url=db_url, feedback=False)
    ben = _rows(course)["ben"]
    assert (ben["raw_score"], ben["late_penalty"], ben["score"]) == ("2", "1", "1")
    assert _nbgrader(course)["ben"]["score"] == "1.0"
    assert _rows(course)["ann"]["late_penalty"] == "0"


def test_grading_one_assignment_keeps_every_other_assignments_rows(graded) -> None:
    course, db_url = graded
    ledger = Ledger(db_url)
    ledger.record(SubmissionResult("a0_intro", "ann", "graded", "3 of 3 points", 3.0, 3.0))
    ledger.close()
    write_exports(course, [], db_url)  # the end of `pmcourse grade --assignment a1`
    rows = read_grades(course.root / "grades.csv")
    assert {(r["assignment"], r["student_id"]) for r in rows} >= {("a0_intro", "ann"),
                                                                  ("a1", "ann"), ("a1", "ben")}
    assert [c for c in _canvas(course)[0] if c.startswith("a")] == ["a0_intro", "a1"]


def test_every_student_on_the_roster_has_a_row_and_no_submission_is_blank(graded) -> None:
    course, db_url = graded
    export_course(course, db_url=db_url, feedback=False)
    rows = _rows(course)
    assert set(rows) == {"ann", "ben", "cat", "dan"}
    assert (rows["cat"]["status"], rows["cat"]["score"]) == ("missing", "")
    assert {line[2]: line for line in _canvas(course)[2:]}["cat"][-1] == ""
    assert _nbgrader(course)["cat"]["score"] == "0.0"  # nbgrader's own export says 0.0


def test_grades_csv_columns_keep_the_contract_first(graded) -> None:
    course, db_url = graded
    export_course(course, db_url=db_url, feedback=False)
    header = (course.root / "grades.csv").read_text().splitlines()[0].split(",")
    assert tuple(header) == GRADES_COLUMNS
    assert header[:6] == ["student_id", "assignment", "score", "max_score", "status", "message"]


def test_canvas_csv_has_canvas_identity_columns_and_points_possible(graded) -> None:
    course, db_url = graded
    export_course(course, db_url=db_url, feedback=False)
    table = _canvas(course)
    assert tuple(table[0][:5]) == CANVAS_IDENTITY == (
        "Student", "ID", "SIS User ID", "SIS Login ID", "Section")
    assert table[1][0] == "Points Possible" and table[1][-1] == "8"
    assert table[2][:5] == ["Archer, Ann", "", "ann", "ann", ""]


def test_canvas_columns_name_an_existing_canvas_assignment_by_its_id(graded) -> None:
    from pmcourse.grading.pipeline.export import canvas_csv, merge

    _, db_url = graded
    snapshot = read_gradebook(db_url)
    text = canvas_csv(merge(snapshot, []), snapshot, canvas_ids={"a1": "48213"})
    assert next(csv.reader(io.StringIO(text)))[5] == "a1 (48213)"


def test_tampered_submissions_are_flagged_in_formgrader_once(graded) -> None:
    from nbgrader.api import Gradebook

    course, db_url = graded
    run = export_course(course, db_url=db_url, feedback=False)
    assert run.flagged == 1
    with Gradebook(db_url) as gb:
        notebook = gb.find_submission_notebook("nb", "a1", "dan")
        assert notebook.flagged
        notes = [c.auto_comment or "" for c in notebook.comments]
        assert any("tampered" in n and "'q1' was edited" in n for n in notes)
        assert not gb.find_submission_notebook("nb", "a1", "ann").flagged
        notebook.flagged = False  # a person reviewed it and cleared the flag
        gb.db.commit()
    assert export_course(course, db_url=db_url, feedback=False).flagged == 0
    with Gradebook(db_url) as gb:
        assert not gb.find_submission_notebook("nb", "a1", "dan").flagged


def test_formula_and_escape_codes_from_students_are_neutralised_in_every_csv(graded) -> None:
    course, db_url = graded
    ledger = Ledger(db_url)
    ledger.record(SubmissionResult(
        "a1", "=HYPERLINK(\"http://x\")", "error",
        "nb.ipynb: \x1b]52;c;ZXZpbA==\x07bad \x1b[31mred\x1b[0m @SUM(A1)"))
    ledger.close()
    export_course(course, db_url=db_url, feedback=False)
    for name in ("grades.csv", "canvas_grades.csv", "nbgrader_grades.csv"):
        text = (course.root / name).read_text()
        assert "\x1b" not in text and "\x07" not in text
        for row in csv.reader(io.StringIO(text)):
            for cell in row:
                assert not cell.startswith(("=", "+", "@", "\t", "\r")), (name, cell)
                assert not cell.startswith("-") or _is_number(cell), (name, cell)
    rows = read_grades(course.root / "grades.csv")
    forged = next(r for r in rows if "HYPERLINK" in r["student_id"])
    assert forged["student_id"].startswith("'=") and forged["message"].endswith("@SUM(A1)")
    assert "bad red" in forged["message"]


def _is_number(text: str) -> bool:
    """A plain decimal number as the exports write scores (never a formula)."""
    return re.fullmatch(r"-?\d+(\.\d+)?", text) is not None


def test_export_without_a_gradebook_says_what_to_do(tmp_path: Path) -> None:
    from pmcourse.grading.pipeline.course import Course, CourseError

    (tmp_path / "c" / "source").mkdir(parents=True)
    with pytest.raises(CourseError, match="grade first"):
        export_course(Course(tmp_path / "c"), db_url=f"sqlite:///{tmp_path / 'c' / 'none.db'}")
    assert not (tmp_path / "c" / "none.db").exists()


def test_the_cli_rewrites_the_exports_and_grades_nothing(graded, capsys) -> None:
    course, db_url = graded
    grade_by_hand(db_url, "ben", "reflect", 3)
    assert main(["export", str(course.root), "--db", db_url]) == 0
    out = capsys.readouterr().out
    assert "grades export" in out and "canvas export" in out and "feedback pages written: 3" in out
    assert _rows(course)["ben"]["score"] == "5"


def test_a_feedback_failure_reaches_the_instructor_but_not_the_student(graded) -> None:
    course, db_url = graded
    note = ("feedback could not be written: feedback blocked: 1 instructor-only line(s) or other "
            "students' data on the page; `pmcourse export DIR` shows where")
    ledger = Ledger(db_url)
    ledger.record(SubmissionResult("a1", "ann", "graded", "2 of 8 points", 2.0, 8.0,
                                   fingerprint="f-ann", details={"notes": [note]}))
    ledger.close()
    export_course(course, db_url=db_url)
    assert note in _rows(course)["ann"]["message"]
    page = (course.root / "feedback" / "ann" / "a1" / "nb.html").read_text()
    assert "could not be written" not in page
