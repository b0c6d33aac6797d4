"""`pmcourse release` and `pmcourse grade` end to end, with real nbgrader and sandboxed kernels."""

from __future__ import annotations

import json
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from pmcourse.cli import main
from pmcourse.grading.authoring.assignments import ASSIGNMENTS as DECLARED
from pmcourse.grading.authoring.samples import make_sample_cohort
from pmcourse.grading.pipeline.course import Course
from pmcourse.grading.pipeline.export import read_grades
from pmcourse.grading.pipeline.run import grade

from ..conftest import ASSIGNMENT, read_notebook, submit

pytestmark = pytest.mark.slow
VENV_BIN = Path(sys.executable).parent


@pytest.fixture(scope="module")
def graded_cohort(course_template: Path, tmp_path_factory: pytest.TempPathFactory):
    """The synthetic sample cohort of the roadmap assignment, graded once for this module."""
    target = tmp_path_factory.mktemp("cohort") / "course"
    shutil.copytree(course_template, target)
    course = Course(target)
    make_sample_cohort(course, ASSIGNMENT)
    # limits with room for a loaded machine: the endless loop still meets the cell limit
    run = grade(course.root, assignment=ASSIGNMENT, workers=2, cell_timeout=20,
                notebook_timeout=120)
    rows = {r["student_id"]: r for r in read_grades(course.root / "grades.csv")}
    return course, run, rows


class TestRelease:
    def test_student_version_has_no_solution_and_no_hidden_test(self, course_template: Path) -> None:
        """The released notebook keeps the prompt and stub, and none of the instructor's lines."""
        text = (course_template / "release" / ASSIGNMENT / "roadmap.ipynb").read_text()
        assert 'split = load_answer(\\"drafts/feature_split.json\\"' in text
        assert "YOUR CODE HERE" in text
        for secret in ("BEGIN SOLUTION", "BEGIN HIDDEN TESTS", "grade(", '"kind": "outcome"',
                       "'kind': 'outcome'"):
            assert secret not in text

    def test_planted_key_line_fails_the_release(self, fresh_course: Course,
                                                capsys: pytest.CaptureFixture[str]) -> None:
        """A key fact pasted into the student material fails the release, naming file and line."""
        path = fresh_course.source / ASSIGNMENT / "roadmap.ipynb"
        nb = read_notebook(path)
        nb["cells"][0]["source"] += '\n\nFor example: "K03": "outcome"'
        path.write_text(json.dumps(nb))
        code = main(["release", str(fresh_course.root), "--assignment", ASSIGNMENT])
        err = capsys.readouterr().err
        assert code == 1
        assert "roadmap.ipynb:" in err and "roadmap.feature_split.json" in err


class TestSampleCohort:
    def test_perfect_blank_and_partial_scores(self, graded_cohort) -> None:
        """Full marks for the reference, zero for the blank release, partial in between."""
        _, _, rows = graded_cohort
        full = rows["ada_perfect"]["max_score"]
        assert rows["ada_perfect"]["score"] == full and rows["ada_perfect"]["status"] == "graded"
        assert rows["eli_blank"]["score"] == "0" and rows["eli_blank"]["status"] == "graded"
        assert 0 < float(rows["ben_partial"]["score"]) < float(full)
        assert 0 < float(rows["dev_wrong"]["score"]) < float(rows["ben_partial"]["score"])

    def test_broken_submissions_get_a_status_and_a_message(self, graded_cohort) -> None:
        """Invalid JSON is an error, an endless loop a timeout, a patched checker tampered."""
        _, _, rows = graded_cohort
        assert rows["ivo_invalid_json"]["status"] == "error"
        assert rows["ivo_invalid_json"]["score"] == ""
        assert "not valid notebook JSON" in rows["ivo_invalid_json"]["message"]
        assert rows["lea_endless_loop"]["status"] == "timeout"
        assert "limit" in rows["lea_endless_loop"]["message"]
        assert rows["kai_tampers"]["status"] == "tampered"
        assert rows["kai_tampers"]["score"] == "0"

    def test_wrong_types_and_raising_code_score_zero_with_reasons(self, graded_cohort) -> None:
        """A string where a table belongs, or an answer cell that raises, earns 0 and says why."""
        _, _, rows = graded_cohort
        assert rows["fay_wrong_types"]["score"] == "0"
        assert "should be a pandas DataFrame" in rows["fay_wrong_types"]["message"]
        assert rows["gus_raises"]["score"] == "0"
        assert "`split` is not defined" in rows["gus_raises"]["message"]

    def test_deleted_or_unmarked_cells_are_restored_and_graded(self, graded_cohort) -> None:
        """A deleted test cell comes back from the gradebook; stripped markers are matched again."""
        _, _, rows = graded_cohort
        full = rows["ada_perfect"]["max_score"]
        assert rows["hana_deleted_check"]["score"] == full
        assert rows["jun_stripped_metadata"]["score"] == full
        assert "lost the markers" in rows["jun_stripped_metadata"]["message"]

    def test_feedback_teaches_without_showing_tests(self, graded_cohort) -> None:
        """Feedback shows points and per-criterion messages, never the hidden test code."""
        course, _, _ = graded_cohort
        page = (course.root / "feedback" / "ben_partial" / ASSIGNMENT / "roadmap.html").read_text()
        assert "Each item is labelled outcome or task" in page and "points" in page
        assert "grade(" not in page and "HIDDEN" not in page

    def test_exports_keep_failures_distinct_from_zero(self, graded_cohort) -> None:
        """nbgrader and Canvas exports exist; an ungradable submission has no score in Canvas."""
        course, run, _ = graded_cohort
        canvas = (course.root / "canvas_grades.csv").read_text().splitlines()
        ivo = next(line for line in canvas if line.startswith("ivo_invalid_json"))
        assert ivo.endswith(",")
        assert (course.root / "nbgrader_grades.csv").read_text().startswith("assignment,")
        assert set(run.exports) == {"grades", "canvas", "nbgrader"}

    def test_rerun_grades_nothing_twice(self, graded_cohort) -> None:
        """Grading again with nothing new submitted skips every submission."""
        course, first, _ = graded_cohort
        again = grade(course.root, assignment=ASSIGNMENT, workers=2)
        assert again.graded_now == 0 and again.skipped == len(first.results)


ASSIGNMENTS = [assignment.id for assignment in DECLARED]


@pytest.mark.parametrize("assignment", ASSIGNMENTS)
def test_stock_nbgrader_gives_source_full_marks_and_release_zero(fresh_course: Course,
                                                                 assignment: str) -> None:
    """Real `nbgrader autograde`: every auto-graded cell of the source notebook earns its
    points, every cell of the blank release earns zero, and written answers await a person."""
    from ..conftest import cell_scores

    for name in ("solution", "blank"):
        folder = "source" if name == "solution" else "release"
        for path in (fresh_course.root / folder / assignment).glob("*.ipynb"):
            submit(fresh_course, name, read_notebook(path), assignment=assignment, name=path.name)
    env = {**os.environ, "PATH": f"{VENV_BIN}:{os.environ['PATH']}"}
    env.pop("PMCOURSE_AUTOGRADERS", None)
    subprocess.run([str(VENV_BIN / "nbgrader"), "autograde", assignment, "--force"],
                   cwd=fresh_course.root, env=env, check=True, capture_output=True)
    maxima = _max_points(fresh_course, assignment)
    rows = cell_scores(f"sqlite:///{fresh_course.root / 'gradebook.db'}")
    written = {cell for cell in maxima if cell.endswith("_answer")}
    auto = [(s, cell, score) for s, _nb, cell, score, _manual in rows if cell not in written]
    assert auto, "no auto-graded cell was graded"
    for student, cell, score in auto:
        expected = maxima[cell] if student == "solution" else 0.0
        assert score == expected, f"{student}: {cell} scored {score}, expected {expected}"
    for student, _nb, cell, score, manual in rows:
        if cell in written:  # the model answer awaits a person; the untouched stub scores 0
            assert (manual, score) == ((True, None) if student == "solution" else (False, 0.0))


def _max_points(course: Course, assignment: str) -> dict[str, float]:
    points = {}
    for path in (course.source / assignment).glob("*.ipynb"):
        for cell in read_notebook(path)["cells"]:
            meta = cell["metadata"].get("nbgrader", {})
            if meta.get("grade"):
                points[meta["grade_id"]] = float(meta.get("points", 0))
    return points


def _ledger_count(course: Course) -> int:
    try:
        with sqlite3.connect(course.root / "gradebook.db") as db:
            return db.execute("select count(*) from pmcourse_results").fetchone()[0]
    except sqlite3.OperationalError:
        return 0


def test_killed_run_resumes_with_every_grade_once(fresh_course: Course, reference_code: str) -> None:
    """SIGKILL in the middle of a run, then a re-run: every submission has exactly one row."""
    from ..conftest import answer_notebook

    students = [f"s{n:02d}" for n in range(8)]
    for student in students:
        submit(fresh_course, student, answer_notebook(fresh_course, reference_code))
    command = [str(VENV_BIN / "pmcourse"), "grade", str(fresh_course.root), "--workers", "2"]
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                               start_new_session=True)
    deadline = time.monotonic() + 120
    while _ledger_count(fresh_course) < 2 and time.monotonic() < deadline:
        time.sleep(0.2)
    os.killpg(process.pid, signal.SIGKILL)
    process.wait()
    recorded = _ledger_count(fresh_course)
    assert 2 <= recorded < len(students), "the kill should land part way through the run"

    run = grade(fresh_course.root, assignment=ASSIGNMENT, workers=2)
    assert run.skipped == recorded and run.graded_now == len(students) - recorded
    rows = read_grades(fresh_course.root / "grades.csv")
    assert sorted(r["student_id"] for r in rows) == students
    assert {r["score"] for r in rows} == {"6"}


def test_late_submission_is_graded_and_marked_late(fresh_course: Course,
                                                   reference_code: str) -> None:
    """A submission stamped after the gradebook's due date is graded, with status `late`."""
    from nbgrader.api import Gradebook

    from ..conftest import answer_notebook

    with Gradebook(f"sqlite:///{fresh_course.root / 'gradebook.db'}") as gb:
        gb.update_or_create_assignment(ASSIGNMENT, duedate="2026-03-01 12:00:00 UTC")
    for student, stamp in (("tardy", "2026-03-02 18:00:00 UTC"),
                           ("punctual", "2026-03-01 09:00:00 UTC")):
        path = submit(fresh_course, student, answer_notebook(fresh_course, reference_code))
        (path.parent / "timestamp.txt").write_text(stamp)
    grade(fresh_course.root, assignment=ASSIGNMENT, workers=2)
    rows = {r["student_id"]: r for r in read_grades(fresh_course.root / "grades.csv")}
    assert rows["tardy"]["status"] == "late" and "30.0 h after the due date" in rows["tardy"]["message"]
    assert rows["tardy"]["score"] == "6"
    assert rows["punctual"]["status"] == "graded"


def test_capstone_with_stripped_metadata_scores_as_its_answers_deserve(
    fresh_course: Course,
) -> None:
    """An editor stripped every cell's markers from a capstone submission: its drafting-tool
    cells (plain code between the data and the answer) are not taken for the answer, so it
    scores exactly what the same answers score with their markers, and says it was repaired."""
    make_sample_cohort(fresh_course, "a5_capstone", only=("ada_perfect", "jun_stripped_metadata"))
    grade(fresh_course.root, assignment="a5_capstone", workers=2, notebook_timeout=120)
    rows = {r["student_id"]: r for r in read_grades(fresh_course.root / "grades.csv")}
    perfect, stripped = rows["ada_perfect"], rows["jun_stripped_metadata"]
    assert float(perfect["score"]) > 0
    assert stripped["score"] == perfect["score"] and stripped["status"] == "graded"
    assert "lost the markers" in stripped["message"]
