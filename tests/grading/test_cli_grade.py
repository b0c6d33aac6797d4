"""`pmcourse grade` as people run it: a progress bar on a terminal, and the unsandboxed mode."""

from __future__ import annotations

import fcntl
import os
import pty
import select
import struct
import subprocess
import sys
import termios
import time
from pathlib import Path

import pytest

from pmcourse.grading.pipeline.course import Course
from pmcourse.grading.pipeline.export import read_grades
from pmcourse.grading.pipeline.run import grade

from .conftest import ASSIGNMENT, answer_notebook, submit

pytestmark = pytest.mark.slow


def _two_submissions(course: Course, reference: str) -> None:
    submit(course, "ada", answer_notebook(course, reference))
    submit(course, "ben", answer_notebook(course, "split = None"))


def test_terminal_shows_a_progress_bar_with_counts(fresh_course: Course,
                                                   reference_code: str) -> None:
    """On a real terminal (a pty) the run draws a progress bar with counts, then the table."""
    _two_submissions(fresh_course, reference_code)
    main_fd, child_fd = pty.openpty()
    fcntl.ioctl(child_fd, termios.TIOCSWINSZ, struct.pack("HHHH", 30, 110, 0, 0))
    process = subprocess.Popen(
        [str(Path(sys.executable).parent / "pmcourse"), "grade", str(fresh_course.root),
         "--assignment", ASSIGNMENT, "--workers", "2"],
        stdin=child_fd, stdout=child_fd, stderr=child_fd, close_fds=True)
    os.close(child_fd)
    screen = b""
    deadline = time.monotonic() + 300
    while time.monotonic() < deadline:
        ready, _, _ = select.select([main_fd], [], [], 1)
        if ready:
            try:
                chunk = os.read(main_fd, 65536)
            except OSError:
                break
            if not chunk:
                break
            screen += chunk
        elif process.poll() is not None:
            break
    process.wait(timeout=30)
    os.close(main_fd)
    text = screen.decode("utf-8", "replace")
    assert process.returncode == 0, text[-2000:]
    assert "2/2" in text and "submission" in text and "%|" in text
    assert "ada" in text and "graded" in text


def test_unsandboxed_mode_grades_the_same(fresh_course: Course, reference_code: str) -> None:
    """`--sandbox none` (for machines without user namespaces) gives the same scores."""
    _two_submissions(fresh_course, reference_code)
    run = grade(fresh_course.root, assignment=ASSIGNMENT, workers=2, sandbox=False)
    rows = {r["student_id"]: (r["status"], r["score"])
            for r in read_grades(fresh_course.root / "grades.csv")}
    assert rows == {"ada": ("graded", "6"), "ben": ("graded", "0")}
    assert run.graded_now == 2


def _finished(course: Course) -> dict[tuple[str, str], float]:
    import sqlalchemy as sa

    engine = sa.create_engine(course.default_db_url())
    with engine.connect() as conn:
        rows = conn.execute(sa.text(
            "select assignment, student, finished_at from pmcourse_results")).all()
    engine.dispose()
    return {(a, s): t for a, s, t in rows}


def test_targeted_regrade_touches_only_what_changed(fresh_course: Course,
                                                    reference_code: str) -> None:
    """`--student` regrades one student; a changed answer key regrades that assignment's
    submissions only, and their feedback says it was updated and why."""
    _two_submissions(fresh_course, reference_code)
    blank = (fresh_course.root / "release" / "a4_backlog" / "backlog.ipynb").read_text()
    submit(fresh_course, "ada", blank, assignment="a4_backlog", name="backlog.ipynb")
    first = grade(fresh_course.root, workers=2)
    assert first.graded_now == 3
    before = _finished(fresh_course)

    code = subprocess.run(
        [str(Path(sys.executable).parent / "pmcourse"), "grade", str(fresh_course.root),
         "--student", "ada", "--assignment", ASSIGNMENT], capture_output=True, text=True,
        check=False)
    assert code.returncode == 0, code.stderr
    assert "Graded now: 1" in code.stdout
    after_student = _finished(fresh_course)
    assert after_student[(ASSIGNMENT, "ada")] > before[(ASSIGNMENT, "ada")]
    assert after_student[(ASSIGNMENT, "ben")] == before[(ASSIGNMENT, "ben")]
    assert after_student[("a4_backlog", "ada")] == before[("a4_backlog", "ada")]

    key = fresh_course.autograders / "keys" / "roadmap.feature_split.json"
    key.write_text(key.read_text() + "\n")  # the instructor touched the key of a3's problem
    rerun = grade(fresh_course.root, workers=2)
    assert rerun.graded_now == 2 and rerun.skipped == 1
    after_key = _finished(fresh_course)
    assert after_key[("a4_backlog", "ada")] == before[("a4_backlog", "ada")]
    messages = {(r.assignment, r.student): r.message for r in rerun.results}
    assert "answer key or tests of this assignment changed" in messages[(ASSIGNMENT, "ada")]
    assert "changed" not in messages[("a4_backlog", "ada")]
    feedback = (fresh_course.root / "feedback" / "ada" / ASSIGNMENT / "roadmap.html").read_text()
    assert "answer key or tests of this assignment changed" in feedback
    assert grade(fresh_course.root, workers=2).graded_now == 0  # nothing changed since
