"""A crash costs only the submission that caused it; grading that never ends is stopped.

A watcher kills the grading worker (SIGKILL, as the kernel's OOM killer would) every time it
starts a kernel for one student, while honest submissions are in flight in the same pool. It
strikes within milliseconds of the sandbox appearing, before bwrap has armed its own
``--die-with-parent``: the kernel must not outlive the run all the same.
"""

from __future__ import annotations

import os
import shutil
import signal
import threading
import time
from pathlib import Path

import pytest

from pmcourse.grading.pipeline.course import Course
from pmcourse.grading.pipeline.export import read_grades
from pmcourse.grading.pipeline.run import grade

from ..conftest import ASSIGNMENT, answer_notebook, submit

pytestmark = pytest.mark.slow

HONEST = ("honest_1", "honest_2", "honest_3")


class WorkerKiller:
    """Kills the parent of any sandbox whose command line names `student`'s folder."""

    def __init__(self, student: str) -> None:
        self.marker = f"/autograded/{student}".encode()
        self.kills: list[dict[str, object]] = []
        self.stop = threading.Event()
        self.thread = threading.Thread(target=self._watch, daemon=True)

    def __enter__(self) -> WorkerKiller:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop.set()
        self.thread.join(10)

    def _watch(self) -> None:
        killed: set[int] = set()
        while not self.stop.is_set():
            for pid, cmdline in _commands():
                if b"bwrap" not in cmdline.split(b"\0")[0] or self.marker not in cmdline:
                    continue
                worker = _parent(pid)
                # only a pool worker of this test: its parent is the forkserver we started
                if worker is None or worker in killed or _parent(_parent(worker) or 0) != (
                        os.getpid()):
                    continue
                in_flight = sorted({c.split(b"/autograded/")[1].split(b"\0")[0].decode()
                                    for _, c in _commands() if b"/autograded/" in c
                                    and b"bwrap" in c.split(b"\0")[0]})
                os.kill(worker, signal.SIGKILL)
                killed.add(worker)
                self.kills.append({"worker": worker, "sandboxes": in_flight})
            time.sleep(0.005)  # early enough to hit bwrap before it arms --die-with-parent


def _commands() -> list[tuple[int, bytes]]:
    found = []
    for proc in Path("/proc").iterdir():
        if proc.name.isdigit():
            try:
                found.append((int(proc.name), (proc / "cmdline").read_bytes()))
            except OSError:
                continue
    return found


def _course_processes(root: Path) -> list[tuple[int, bytes]]:
    """Living processes whose command line names the course: its sandboxes and kernels."""
    return [(pid, cmdline) for pid, cmdline in _commands() if str(root).encode() in cmdline]


def _settled(root: Path) -> list[tuple[int, bytes]]:
    """The course's processes still alive after up to five seconds (a kill takes a moment)."""
    for _ in range(50):
        found = _course_processes(root)
        if not found:
            return []
        time.sleep(0.1)
    return found


def _parent(pid: int) -> int | None:
    try:
        stat = (Path("/proc") / str(pid) / "stat").read_text()
    except OSError:
        return None
    return int(stat.rsplit(")", 1)[1].split()[1])


@pytest.fixture(scope="module")
def crashed_run(course_template: Path, tmp_path_factory: pytest.TempPathFactory,
                reference_code: str):
    course = Course(tmp_path_factory.mktemp("crash") / "course")
    shutil.copytree(course_template, course.root)
    notebook = answer_notebook(course, reference_code)
    for student in ("a_crasher", *HONEST):
        submit(course, student, notebook)
    with WorkerKiller("a_crasher") as killer:
        first = grade(course.root, assignment=ASSIGNMENT, workers=2)
    return course, killer.kills, first, _settled(course.root)


def test_no_sandbox_or_kernel_outlives_the_run_that_lost_its_worker(crashed_run) -> None:
    """A sandbox whose worker was killed while it started is killed with the run's other
    leftovers, not left to init holding an idle kernel."""
    _, kills, _, lingering = crashed_run
    assert kills, "the watcher never struck"
    assert lingering == [], [(pid, cmd.replace(b"\0", b" ")[:300]) for pid, cmd in lingering]


def test_honest_submissions_in_flight_are_graded_again_not_failed(crashed_run) -> None:
    course, kills, _, _ = crashed_run
    rows = {r["student_id"]: r for r in read_grades(course.root / "grades.csv")}
    for student in HONEST:
        assert (rows[student]["status"], rows[student]["score"]) == ("graded", "6"), rows[student]
    # the first kill hit a pool with another submission in flight, the second a worker alone
    assert len(kills) == 2, kills


def test_a_submission_that_crashes_its_worker_twice_is_an_error_that_can_be_regraded(
        crashed_run) -> None:
    course, _, first, _ = crashed_run
    rows = {r["student_id"]: r for r in read_grades(course.root / "grades.csv")}
    assert rows["a_crasher"]["status"] == "error"
    assert "this submission crashed the grader" in rows["a_crasher"]["message"]
    assert first.graded_now == 4
    again = grade(course.root, assignment=ASSIGNMENT, workers=1)
    assert (again.graded_now, again.skipped) == (0, 4)  # a re-run does not crash again
    regraded = grade(course.root, assignment=ASSIGNMENT, workers=1, students=["a_crasher"])
    row = next(r for r in regraded.results if r.student == "a_crasher")
    assert (row.status, row.score) == ("graded", 6.0), row.message


def test_grading_that_outlasts_its_limit_is_stopped_and_marked_timeout(
        course_template: Path, tmp_path: Path, reference_code: str) -> None:
    """The grader's own limit (notebook time plus scoring time) ends the worker, not the run."""
    course = Course(tmp_path / "course")
    shutil.copytree(course_template, course.root)
    submit(course, "slow", answer_notebook(course, reference_code))
    started = time.monotonic()
    run = grade(course.root, assignment=ASSIGNMENT, workers=1, notebook_timeout=1,
                scoring_timeout=0)
    assert time.monotonic() - started < 120
    row = run.results[0]
    assert row.status == "timeout" and "took over 1 s in all" in row.message, row.message
