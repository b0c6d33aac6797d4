"""`pmcourse release`: nbgrader's generate_assignment, a leak scan of what students get, then
nbgrader's release_assignment into the exchange (only when the scan is clean)."""

from __future__ import annotations

import contextlib
import io
import logging
from dataclasses import dataclass, field
from pathlib import Path

from .course import Course, CourseError, ensure_tools_on_path
from .leaks import Leak, collect_secrets, files_under, scan
from .nbconfig import course_config


@dataclass(frozen=True)
class ReleaseResult:
    """What one release produced and what the leak scan found."""

    assignment: str
    files: list[Path] = field(default_factory=list)
    leaks: list[Leak] = field(default_factory=list)
    published: Path | None = None
    """The assignment's folder in the exchange, or None when it was not published."""

    @property
    def ok(self) -> bool:
        return not self.leaks


class ReleaseError(CourseError):
    """nbgrader could not generate the student version; the message carries its log."""


def generate_assignment(course: Course, assignment: str, *, db_url: str | None = None) -> None:
    """Runs nbgrader's generate_assignment for one assignment (also records it in the gradebook)."""
    from nbgrader.apps import NbGraderAPI
    from nbgrader.coursedir import CourseDirectory

    ensure_tools_on_path()
    config = course_config(course, db_url)
    coursedir = CourseDirectory(config=config)
    log = logging.getLogger(f"pmcourse.release.{assignment}")
    stream = io.StringIO()
    # nbgrader's API logs exchange chatter at CRITICAL level; keep it in the captured log
    log.handlers = [logging.StreamHandler(stream)]
    log.propagate = False
    with contextlib.redirect_stderr(stream):
        api = NbGraderAPI(coursedir=coursedir, config=config, log=log)
        result = api.generate_assignment(assignment, force=True, create=True)
    if not result.get("success"):
        detail = (result.get("error") or result.get("log") or stream.getvalue()).strip()
        lines = [ln for ln in detail.splitlines() if ln.strip()]
        msg = f"nbgrader could not generate {assignment}: " + " | ".join(lines[-6:])
        raise ReleaseError(msg)


def release(course: Course, *, assignment: str, db_url: str | None = None,
            publish: bool = True, due: str | None = None) -> ReleaseResult:
    """Generates the student version of `assignment`, scans it for leaked secrets and, when the
    scan is clean and `publish`, puts it in the exchange for students to fetch.

    `due` (e.g. ``'2026-12-08 17:00:00 UTC'``) sets the due date nbgrader's late penalty uses.
    """
    course.check_assignment(assignment)
    generate_assignment(course, assignment, db_url=db_url)
    if due is not None:
        from .exchange import set_due_date

        set_due_date(course, assignment, due, db_url=db_url)
    released = course.folder("release") / assignment
    files = files_under(released)
    secrets = collect_secrets(course.source / assignment, course.autograders)
    leaks = scan(files, secrets)
    published = None
    if not leaks and publish:
        from .exchange import publish as publish_to_exchange

        published = publish_to_exchange(course, assignment, db_url=db_url)
    return ReleaseResult(assignment, files, leaks, published)
