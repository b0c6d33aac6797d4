"""`pmcourse grade`: every submission of a course, graded in parallel, resumably, with exports.

Each submission is graded by a worker process (one fresh, sandboxed kernel per submission);
the parent commits each result to the ledger as it arrives, so a run killed at any moment can
be re-run and grades only what is left. The run ends by writing ``grades.csv`` and the exports.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import sys
import time
from collections.abc import Callable, Iterable
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from pathlib import Path

from .course import Course, ensure_tools_on_path
from .ledger import Ledger, SubmissionResult
from .nbconfig import (
    MEMORY_MB,
    NOTEBOOK_TIMEOUT,
    SCORING_SECONDS,
    GradingSettings,
    course_cell_timeout,
)
from .orphans import adopting_orphans, reap_orphaned_kernels

Job = tuple[str, str, str]
"""(assignment, student, fingerprint)."""


@dataclass
class GradeRun:
    """What one `grade` call did."""

    results: list[SubmissionResult] = field(default_factory=list)
    """Every result of the graded assignments (also those recorded by earlier runs)."""
    graded_now: int = 0
    skipped: int = 0
    seconds: float = 0.0
    exports: dict[str, Path] = field(default_factory=dict)


def grade(
    course_dir: str | os.PathLike[str],
    *,
    assignment: str | None = None,
    workers: int | None = None,
    cell_timeout: int | None = None,
    notebook_timeout: int = NOTEBOOK_TIMEOUT,
    memory_mb: int = MEMORY_MB,
    db_url: str | None = None,
    sandbox: bool = True,
    regrade: bool = False,
    students: list[str] | None = None,
    scoring_timeout: int = SCORING_SECONDS,
    progress: Callable[[SubmissionResult | None, int, int], None] | None = None,
) -> GradeRun:
    """Grades every submission of `assignment` (default: all assignments) of a course.

    Args:
        course_dir: the nbgrader course directory.
        assignment: one assignment id, or None for every assignment with submissions.
        workers: parallel grading processes (default: the number of cores).
        cell_timeout: seconds a cell may run (default: the course's Execute.timeout);
            notebook_timeout: seconds a notebook may run.
        memory_mb: address-space limit of each kernel.
        db_url: gradebook URL (default: SQLite in the course directory).
        sandbox: run kernels under bubblewrap (see `sandbox`).
        regrade: grade again even submissions already in the ledger with the same files.
        students: grade again only these students' submissions (a targeted regrade).
        scoring_timeout: seconds a submission's grading may take beyond notebook_timeout
            before its worker is killed and it is marked timeout.
        progress: called with (None, 0, total) before the first submission, then after each
            result with (result, done, total).
    """
    from .ingest import fingerprint as ingest_fingerprint
    from .regrade import grading_inputs_digest, join_fingerprint
    from .release import generate_assignment

    started = time.monotonic()
    ensure_tools_on_path()
    course = Course.open(course_dir)
    if sandbox:
        from ..kernel.sandbox import sandbox_problem

        problem = sandbox_problem()
        if problem:
            from .course import CourseError

            raise CourseError(problem)
    assignments = [assignment] if assignment else [
        a for a in course.assignments() if course.submissions(a)
    ]
    for name in assignments:
        course.check_assignment(name)
    settings = GradingSettings(
        db_url=db_url or _configured_db_url(course),
        cell_timeout=course_cell_timeout(course) if cell_timeout is None else cell_timeout,
        notebook_timeout=notebook_timeout, memory_mb=memory_mb, sandbox=sandbox,
    )
    ledger = Ledger(settings.db_url)
    run = GradeRun()
    try:
        jobs: list[tuple[str, str, str]] = []
        for name in assignments:
            if not _in_gradebook(settings.db_url, name):
                generate_assignment(course, name, db_url=settings.db_url)
            done = {} if regrade or students else ledger.fingerprints(name)
            # read safely (no link, FIFO or device followed); plus what grades it (regrade)
            inputs = grading_inputs_digest(course.source / name, course.autograders)
            for student in course.submissions(name):
                if students and student not in students:
                    continue
                fingerprint = join_fingerprint(
                    ingest_fingerprint(course.root, course.submission_parts(student, name)), inputs)
                if done.get(student) == fingerprint:
                    run.skipped += 1
                    continue
                jobs.append((name, student, fingerprint))
            for missing in _missing_students(settings.db_url, course, name, done):
                if students and missing.student not in students:
                    continue
                ledger.record(missing)
        run.graded_now = _run_jobs(course, settings, jobs, ledger, workers, progress,
                                   scoring_timeout)
        run.results = ledger.results(assignments)
        from .export import write_exports

        run.exports = write_exports(course, run.results, settings.db_url)
    finally:
        ledger.close()
    run.seconds = round(time.monotonic() - started, 2)
    return run


def _configured_db_url(course: Course) -> str:
    from .nbconfig import course_config

    return str(course_config(course).CourseDirectory.db_url)


def _in_gradebook(db_url: str, assignment: str) -> bool:
    from nbgrader.api import Gradebook, MissingEntry

    with Gradebook(db_url) as gb:
        try:
            return bool(gb.find_assignment(assignment).notebooks)
        except MissingEntry:
            return False


def _missing_students(db_url: str, course: Course, assignment: str,
                      done: dict[str, str]) -> Iterable[SubmissionResult]:
    """Students on the gradebook's roster with no submission folder for `assignment` (those
    the course excludes from grading are not expected to submit)."""
    from nbgrader.api import Gradebook

    with Gradebook(db_url) as gb:
        roster = [s.id for s in gb.students if s.id not in course.excluded_students]
    submitted = set(course.submissions(assignment))
    for student in roster:
        if student not in submitted and done.get(student) != "missing":
            yield SubmissionResult(assignment, student, "missing",
                                   "no submission found in submitted/", fingerprint="missing")


def _run_jobs(course: Course, settings: GradingSettings, jobs: list[Job], ledger: Ledger,
              workers: int | None,
              progress: Callable[[SubmissionResult | None, int, int], None] | None,
              scoring_seconds: int) -> int:
    """Runs the jobs on a process pool, recording each result the moment it arrives.

    A crash costs only the submission that caused it: when a worker dies, the submissions it
    and its siblings had in flight are graded again later, each alone in a fresh worker; one
    that kills that worker too is recorded as `error` ("this submission crashed the grader").
    """
    if not jobs:
        return 0
    if progress:
        progress(None, 0, len(jobs))  # the bar appears before the first result
    done: list[SubmissionResult] = []

    def record(result: SubmissionResult) -> None:
        ledger.record(result)
        done.append(result)
        if progress:
            progress(result, len(done), len(jobs))

    limit = settings.notebook_timeout + scoring_seconds
    pool_size = max(1, min(workers or os.cpu_count() or 1, len(jobs)))
    pending = list(jobs)
    suspects: list[Job] = []
    with adopting_orphans():  # a dead worker's kernel comes to us, never to init
        while pending:
            suspects += _run_pool(course, settings, pending, pool_size, record, limit)
        for job in suspects:
            if _run_pool(course, settings, [job], 1, record, limit):
                record(SubmissionResult(
                    job[0], job[1], "error",
                    "this submission crashed the grader: its grading process died twice (out "
                    "of memory, or a crash), the second time while grading it alone; it earns "
                    "no grade until it is graded again (pmcourse grade --regrade or --student)",
                    fingerprint=job[2]))
    return len(done)


def _run_pool(course: Course, settings: GradingSettings, pending: list[Job], size: int,
              record: Callable[[SubmissionResult], None], limit: float) -> list[Job]:
    """Grades `pending` (removing each job as it ends) until done or a worker dies.

    Returns the jobs that were in flight when a worker died (graded by nobody yet).
    """
    from .worker import grade_submission, init_worker

    context = multiprocessing.get_context("forkserver" if sys.platform != "darwin" else "spawn")
    crashed: list[Job] = []
    pool = ProcessPoolExecutor(size, mp_context=context, initializer=init_worker)
    futures: dict[Future[SubmissionResult], tuple[Job, float]] = {}
    queue = list(pending)
    stopped = broken = False
    try:
        while queue or futures:
            while queue and len(futures) < size and not broken:
                job = queue.pop(0)
                try:
                    future = pool.submit(grade_submission, str(course.root), *job, settings)
                except BrokenProcessPool:  # a worker died since the last wait: job not started
                    queue.insert(0, job)
                    broken = True
                    break
                futures[future] = (job, time.monotonic())
            if not futures:  # broken before anything else ran: a fresh pool takes the rest
                stopped = True
                break
            finished, _ = wait(futures, timeout=5, return_when=FIRST_COMPLETED)
            for future in finished:
                job, _started = futures.pop(future)
                pending.remove(job)
                try:
                    record(future.result())
                except BrokenProcessPool:
                    crashed.append(job)
                except Exception as exc:  # a bug of ours must not stop the batch
                    record(SubmissionResult(job[0], job[1], "error",
                                            f"internal grading error: {exc!r}",
                                            fingerprint=job[2]))
            overdue = [f for f, (_, started) in futures.items()
                       if time.monotonic() - started > limit]
            if overdue or crashed:
                for future in overdue:
                    job, _ = futures.pop(future)
                    pending.remove(job)
                    record(SubmissionResult(
                        job[0], job[1], "timeout",
                        f"grading this submission took over {limit:g} s in all (the notebook "
                        "and the scoring of its answers), so it was stopped",
                        fingerprint=job[2]))
                for job, _ in futures.values():  # innocent bystanders: graded again later
                    pending.remove(job)
                    crashed.append(job)
                futures.clear()
                stopped = True
                break
    finally:
        if stopped or futures:
            _kill_workers(pool)
        pool.shutdown(wait=True, cancel_futures=True)
        reap_orphaned_kernels()  # the kernels of workers that died, adopted meanwhile
    return crashed


def _kill_workers(pool: ProcessPoolExecutor) -> None:
    """Kills a pool's workers at once (their kernels die with them, or are adopted by this
    process and killed by `reap_orphaned_kernels`)."""
    for process in list((getattr(pool, "_processes", None) or {}).values()):
        with contextlib.suppress(Exception):
            process.kill()
