"""Grading one submission, in a worker process: ingest, checks, nbgrader autograde, feedback.

A worker handles one submission at a time: `grade_submission` enters a fresh
`SubmissionContext` (settings, findings, kernel inputs, a kernel started ahead) for it and leaves
it when done, so nothing of one submission reaches the next (see `pmcourse.grading.context`).
The submission is first copied into a private scratch folder (see `ingest`); nbgrader and the
kernel see only that copy, never the student's folder itself.
"""

from __future__ import annotations

import contextlib
import ctypes
import io
import logging
import resource
import shutil
import signal
import tempfile
import time
import warnings
from pathlib import Path
from typing import Any

from ..context import (
    KernelInputs,
    SubmissionContext,
    SubmissionReport,
    active_submission,
    grading_submission,
)
from .course import Course
from .ledger import Status, SubmissionResult
from .nbconfig import GradingSettings, pipeline_config
from .notebook_check import check_submission, explain_failure


def init_worker() -> None:
    """Per-process setup: die with the parent, ignore Ctrl-C, import nbgrader once.

    Nothing about a run or a submission is kept here: each job brings its own settings.
    """
    # PR_SET_PDEATHSIG: a killed grading run takes its workers (and their kernels) with it
    with contextlib.suppress(OSError, AttributeError):
        ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, signal.SIGKILL)
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    warnings.filterwarnings("ignore")  # nbgrader's SQLAlchemy warnings are not the user's concern
    import nbgrader.converters  # noqa: F401 - pay the import once per worker


def expected_notebooks(assignment: str) -> list[str]:
    """The assignment's notebook names (without .ipynb), from the gradebook; [] if unknown."""
    from nbgrader.api import Gradebook, MissingEntry

    try:
        with Gradebook(active_submission().settings.db_url) as gb:
            return [nb.name for nb in gb.find_assignment(assignment).notebooks]
    except MissingEntry:
        return []


def grade_submission(course_root: str, assignment: str, student: str, fingerprint: str,
                     settings: GradingSettings) -> SubmissionResult:
    """Grades one submission with `settings` and writes its feedback; never raises for a
    student's notebook."""
    started = time.monotonic()
    course = Course(Path(course_root))
    from .regrade import previous_fingerprint, regrade_note

    submission = SubmissionContext(assignment, student, settings)
    note = regrade_note(previous_fingerprint(settings.db_url, assignment, student), fingerprint)
    if note:
        submission.report.notes.append(note)
    scratch = Path(tempfile.mkdtemp(prefix="pmcourse-ingest-"))
    try:
        with grading_submission(submission):
            result = _grade(course, submission, scratch)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    result.fingerprint = _with_files_digest(fingerprint, result.fingerprint)
    result.seconds = round(time.monotonic() - started, 3)
    result.details["peak_kernel_rss_mb"] = round(
        resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024, 1
    )
    return result


def _with_files_digest(planned: str, files: str) -> str:
    """The fingerprint to record: the one planned, with the digest of the files actually
    copied (they may have changed since the run was planned)."""
    from .regrade import SEPARATOR, join_fingerprint

    if not files or SEPARATOR not in planned:
        return files or planned
    return join_fingerprint(files, planned.split(SEPARATOR, 1)[1])


def _grade(course: Course, submission: SubmissionContext, scratch: Path) -> SubmissionResult:
    from .ingest import ingest

    assignment, student, state = submission.assignment, submission.student, submission.report
    submitted = scratch / "submitted"
    copy = submitted / student / assignment
    copy.parent.mkdir(parents=True)
    taken = ingest(course.root, course.submission_parts(student, assignment), copy)
    if taken.problem:
        return SubmissionResult(assignment, student, Status.ERROR,
                                f"not graded: {taken.problem}", fingerprint=taken.fingerprint)
    checked = check_submission(copy, expected_notebooks(assignment))
    if checked.problem:
        return SubmissionResult(assignment, student, Status.ERROR, checked.problem,
                                fingerprint=taken.fingerprint)
    state.notes.extend(checked.notes)
    _add_course_files(course, assignment, copy)
    parent = course.folder("autograded") / student
    parent.mkdir(parents=True, exist_ok=True)
    submission.kernel_inputs = KernelInputs(str(copy), str(parent), assignment)
    log_text = io.StringIO()
    try:
        if submission.settings.prestart:
            from ..kernel.sandbox import prestart_kernel

            prestart_kernel()
        _run_autograde(course, submission, log_text, submitted)
    except Exception as exc:  # nbgrader reports every failure as an exception
        failed = _failure(assignment, student, state, exc, log_text.getvalue())
        failed.fingerprint = taken.fingerprint
        return failed
    finally:
        from ..kernel.sandbox import discard_prestarted

        discard_prestarted()  # free its memory now, not after the feedback is written
    result = _collect(submission)
    result.fingerprint = taken.fingerprint
    try:
        from .feedback import write_feedback

        write_feedback(course, assignment, student, result, state,
                       db_url=submission.settings.db_url)
    except Exception as exc:  # feedback must never cost a student their grade
        result.details.setdefault("notes", []).append(f"feedback could not be written: {exc}")
    return result


def _add_course_files(course: Course, assignment: str, copy: Path) -> None:
    """The assignment's own data files, over the student's copy (as nbgrader does)."""
    source = course.source / assignment
    for path in sorted(source.rglob("*")):
        relative = path.relative_to(source)
        if (not path.is_file() or path.suffix == ".ipynb"
                or any(part.startswith(".") or part == "__pycache__" for part in relative.parts)):
            continue
        target = copy / relative
        target.parent.mkdir(mode=0o755, parents=True, exist_ok=True)
        if target.exists():
            target.unlink()
        shutil.copyfile(path, target)
        target.chmod(0o644)


def _run_autograde(course: Course, submission: SubmissionContext, sink: io.StringIO,
                   submitted: Path) -> None:
    from nbgrader.converters import Autograde
    from nbgrader.coursedir import CourseDirectory

    assignment, student = submission.assignment, submission.student
    config = pipeline_config(course, submission.settings)
    # nbgrader reads the ingested copy, never the student's folder (which may hold links)
    config.CourseDirectory.submitted_directory = str(submitted)
    coursedir = CourseDirectory(config=config)
    coursedir.assignment_id = assignment
    coursedir.student_id = student
    log = logging.getLogger(f"pmcourse.autograde.{student}")
    log.handlers = [logging.StreamHandler(sink)]
    log.propagate = False
    log.setLevel(logging.WARNING)
    converter = Autograde(coursedir=coursedir, config=config, log=log)
    converter.force = True
    converter.start()


def _failure(assignment: str, student: str, state: SubmissionReport,
             exc: Exception, log: str) -> SubmissionResult:
    if state.timed_out:
        limit = active_submission().settings.notebook_timeout
        return SubmissionResult(
            assignment, student, Status.TIMEOUT,
            f"stopped after {limit} s (the notebook kept running, e.g. an endless loop); "
            "its kernel and every process it started were killed",
        )
    if state.kernel_died:
        return SubmissionResult(assignment, student, Status.ERROR, state.kernel_died)
    return SubmissionResult(assignment, student, Status.ERROR, explain_failure(exc, log),
                            details={"log": log[-4000:]})


def _collect(submission: SubmissionContext) -> SubmissionResult:
    """The submission's result as nbgrader scored it, with what the preprocessors noticed."""
    from nbgrader.api import Gradebook

    assignment, student, state = submission.assignment, submission.student, submission.report
    settings = submission.settings
    cells: list[dict[str, Any]] = []
    with Gradebook(settings.db_url) as gb:
        submission = gb.find_submission(assignment, student)
        score, max_score = float(submission.score), float(submission.max_score)
        late = float(submission.total_seconds_late or 0)
        manual = bool(submission.needs_manual_grade)
        for notebook in submission.notebooks:
            for grade in notebook.grades:
                cells.append({
                    "notebook": notebook.name, "cell": grade.name,
                    "score": grade.score, "max_score": grade.max_score,
                    "auto_score": grade.auto_score,
                    "needs_manual_grade": grade.needs_manual_grade,
                })
    details: dict[str, Any] = {"cells": cells, "notes": list(state.notes),
                               "tampered": list(state.tampered), "late_seconds": late,
                               "needs_manual_grade": manual}
    from .feedback import points

    parts = [f"{points(score)} of {points(max_score)} points"]  # for people; the columns are exact
    if manual:
        pending = sum(1 for c in cells if c["needs_manual_grade"])
        parts.append(f"{pending} answer(s) await manual grading")
    for grade_id, lines in state.feedback.items():
        if len(lines) > 1:
            parts.append(f"{grade_id.removesuffix('_check')}: {lines[1].lstrip('…✘◐✔ ').strip()}")
    parts.extend(state.notes)
    if state.tampered:
        status = Status.TAMPERED
        parts.insert(0, "tampering detected: " + "; ".join(state.tampered))
    elif state.cell_timeouts:
        status = Status.TIMEOUT
        parts.insert(0, f"cells {', '.join(state.cell_timeouts)} ran past the {settings.cell_timeout}"
                        " s limit and were stopped (they earn no points)")
    elif late > 0:
        status = Status.LATE
        parts.insert(0, f"submitted {late / 3600:.1f} h after the due date")
    else:
        status = Status.GRADED
    return SubmissionResult(assignment, student, status, "; ".join(parts), score, max_score,
                            details=details)
