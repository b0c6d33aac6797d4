"""Grade exports read from nbgrader's gradebook: grades.csv, nbgrader's own CSV, a Canvas import.

The gradebook is the truth: scores (manual grades from formgrader included), late penalties and
the roster are read afresh on every export, for every assignment that has a submission or a
pmcourse record, and every student on the roster. pmcourse's own facts about a submission (its
status, message and timings, from the ledger) sit beside those scores. A submission that could
not be graded has an empty score and a status saying why, never a 0.0 that looks like a real grade
(nbgrader's own export writes 0.0 for those).

Every text cell is control-free and formula-safe (`textsafe.csv_cell`); numbers are written as
numbers.
"""

from __future__ import annotations

import csv
import io
import os
import re
from collections.abc import Collection
from dataclasses import dataclass, field
from pathlib import Path

from ..._io import atomic_write_text
from .course import Course, CourseError
from .feedback import FEEDBACK_FAILED, points
from .gradebook import GradebookSnapshot, SubmissionGrades, read_gradebook
from .ledger import FLAGGED, SCORED, Status, SubmissionResult
from .textsafe import csv_cell

GRADES_COLUMNS = ("student_id", "assignment", "score", "max_score", "status", "message",
                  "raw_score", "late_penalty", "awaiting_manual")
"""grades.csv: the first six are the contract; raw score and penalty show nbgrader's late rule."""
CANVAS_IDENTITY = ("Student", "ID", "SIS User ID", "SIS Login ID", "Section")
"""The leading columns of Canvas's gradebook CSV, in Canvas's order."""
_STALE = re.compile(r"^(?:[\d.]+ of [\d.]+ points|\d+ answer\(s\) await manual grading)$")
"""Parts of a ledger message the gradebook now states afresh."""


@dataclass(frozen=True)
class ExportRow:
    """One student's result on one assignment: the gradebook's scores and pmcourse's status."""

    student: str
    assignment: str
    score: float | None
    max_score: float | None
    status: str
    message: str
    raw_score: float | None = None
    late_penalty: float | None = None
    awaiting_manual: int = 0


@dataclass
class ExportRun:
    """What one export wrote."""

    paths: dict[str, Path] = field(default_factory=dict)
    rows: list[ExportRow] = field(default_factory=list)
    feedback: list[Path] = field(default_factory=list)
    kept_feedback: list[Path] = field(default_factory=list)
    """Feedback pages pmcourse did not write (nbgrader generate_feedback in a course without
    pmcourse's exporter configured), left untouched."""
    blocked: dict[tuple[str, str], list[str]] = field(default_factory=dict)
    """(student, assignment) -> instructor-only lines that blocked that student's feedback."""
    feedback_errors: dict[tuple[str, str], str] = field(default_factory=dict)
    flagged: int = 0


def _num(value: float | None) -> str:
    return "" if value is None else f"{value:g}"


def _message(grades: SubmissionGrades | None, result: SubmissionResult | None,
             status: str) -> str:
    parts: list[str] = []
    if grades is not None and status in SCORED:  # rounded for people; the columns are exact
        parts.append(f"{points(grades.raw_score)} of {points(grades.max_score)} points")
        if grades.late_penalty:
            parts.append(f"late penalty {points(grades.late_penalty)} (nbgrader's "
                         f"late-submission rule), final score {points(grades.score)}")
        if grades.awaiting_manual:
            parts.append(f"{grades.awaiting_manual} answer(s) await manual grading in formgrader")
    if result is not None:
        parts += [p for p in result.message.split("; ") if p and not _STALE.match(p.strip())]
        parts += [str(n) for n in (result.details or {}).get("notes", [])
                  if str(n).startswith(FEEDBACK_FAILED)]
    elif grades is not None:
        parts.append("graded by nbgrader (no pmcourse record)")
    else:
        parts.append("no submission in the gradebook")
    return "; ".join(parts)


def merge(snapshot: GradebookSnapshot, results: list[SubmissionResult], *,
          excluded: Collection[str] = ()) -> list[ExportRow]:
    """One row per (assignment, student): the gradebook's scores, the ledger's status.

    Assignments are those with a submission in the gradebook or a result in the ledger;
    students are the roster plus anyone with a submission or a result, except those the course
    excludes from grading (``CourseDirectory.student_id_exclude``: a test account, a TA).
    """
    ledger = {(r.assignment, r.student): r for r in results}
    assignments = sorted({a for a, _ in snapshot.submissions} | {a for a, _ in ledger})
    rows = []
    for assignment in assignments:
        students = (set(snapshot.students) | {s for a, s in snapshot.submissions if a == assignment}
                    | {s for a, s in ledger if a == assignment})
        info = snapshot.assignments.get(assignment)
        for student in sorted(students - set(excluded)):
            grades = snapshot.submission(assignment, student)
            result = ledger.get((assignment, student))
            if result is not None:
                status = result.status
            elif grades is not None:
                status = Status.LATE if grades.seconds_late > 0 else Status.GRADED
            else:
                status = Status.MISSING
            score = None
            if status in SCORED:
                score = grades.score if grades is not None else (
                    result.score if result is not None else None)
            max_score = (grades.max_score if grades is not None else
                         result.max_score if result is not None and result.max_score is not None
                         else info.max_score if info is not None else None)
            rows.append(ExportRow(
                student, assignment, score, max_score, status, _message(grades, result, status),
                raw_score=grades.raw_score if grades is not None and score is not None else None,
                late_penalty=grades.late_penalty if grades is not None and score is not None
                else None,
                awaiting_manual=grades.awaiting_manual if grades is not None else 0))
    return rows


def _csv(rows: list[list[str]]) -> str:
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerows(rows)
    return buffer.getvalue()


def grades_csv(rows: list[ExportRow]) -> str:
    """The ``grades.csv`` text: one row per (assignment, student), in `GRADES_COLUMNS`."""
    table = [list(GRADES_COLUMNS)]
    for r in sorted(rows, key=lambda r: (r.assignment, r.student)):
        table.append([csv_cell(r.student), csv_cell(r.assignment), _num(r.score),
                      _num(r.max_score), csv_cell(r.status), csv_cell(r.message),
                      _num(r.raw_score), _num(r.late_penalty), str(r.awaiting_manual)])
    return _csv(table)


def canvas_csv(rows: list[ExportRow], snapshot: GradebookSnapshot | None = None, *,
               canvas_ids: dict[str, str] | None = None) -> str:
    """A CSV in the layout of Canvas's gradebook import (checked against Canvas's guide).

    Columns: Student, ID, SIS User ID, SIS Login ID, Section, then one column per assignment,
    headed ``Name (Canvas assignment id)`` when `canvas_ids` maps it to an existing Canvas
    assignment, else ``Name`` alone (Canvas then creates the assignment). The second row is
    "Points Possible". ID is the roster's LMS user id when nbgrader has one; SIS User ID and SIS
    Login ID are the nbgrader student id. Ungraded submissions are blank, never 0.
    """
    snapshot = snapshot or GradebookSnapshot()
    canvas_ids = canvas_ids or {}
    assignments = sorted({r.assignment for r in rows})
    maxima: dict[str, float] = {}
    for a in assignments:
        info = snapshot.assignments.get(a)
        maxima[a] = info.max_score if info is not None and info.max_score else max(
            (r.max_score or 0.0) for r in rows if r.assignment == a)
    header = [*CANVAS_IDENTITY, *[csv_cell(f"{a} ({canvas_ids[a]})" if a in canvas_ids else a)
                                  for a in assignments]]
    table = [header, ["Points Possible", "", "", "", "", *[_num(maxima[a]) for a in assignments]]]
    by_key = {(r.student, r.assignment): r for r in rows}
    for student in sorted({r.student for r in rows}):
        who = snapshot.students.get(student)
        name = who.display_name if who is not None else student
        lms_id = who.lms_user_id if who is not None else ""
        scores = [_num(by_key[(student, a)].score) if (student, a) in by_key else ""
                  for a in assignments]
        table.append([csv_cell(name), csv_cell(lms_id), csv_cell(student), csv_cell(student), "",
                      *scores])
    return _csv(table)


def _nbgrader_export(course: Course, db_url: str) -> Path:
    """nbgrader's own CSV export (totals per assignment), as `nbgrader export` writes it."""
    import logging

    from nbgrader.api import Gradebook
    from nbgrader.plugins import CsvExportPlugin

    target = course.root / "nbgrader_grades.csv"
    tmp = target.with_name(f".nbgrader_grades.csv.{os.getpid()}.tmp")
    plugin = CsvExportPlugin(log=logging.getLogger("pmcourse.export"))
    plugin.to = str(tmp)
    try:
        with Gradebook(db_url) as gb:
            plugin.export(gb)
        text = tmp.read_text(encoding="utf-8")
    finally:
        tmp.unlink(missing_ok=True)
    lines = list(csv.reader(io.StringIO(text)))
    safe = [lines[0], *[[c if _is_number(c) else csv_cell(c) for c in row] for row in lines[1:]]]
    return atomic_write_text(target, _csv(safe))


def _is_number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True


def _load_ledger(db_url: str) -> list[SubmissionResult]:
    from ..report.page import load_results

    return load_results(db_url)


def _configured_db_url(course: Course) -> str:
    from .nbconfig import course_config

    return str(course_config(course).CourseDirectory.db_url)


def export_course(course_dir: str | os.PathLike[str] | Course, *, db_url: str | None = None,
                  feedback: bool = True, canvas_ids: dict[str, str] | None = None) -> ExportRun:
    """Rewrites every export (and, with `feedback`, every feedback page) from the gradebook.

    Grades nothing: it reads nbgrader's gradebook and pmcourse's ledger as they are now, so a
    manual grade, a comment or a late penalty entered since the last run shows everywhere.
    Tampered and timed-out submissions are flagged in formgrader.
    """
    course = course_dir if isinstance(course_dir, Course) else Course.open(course_dir)
    db_url = db_url or _configured_db_url(course)
    if db_url.startswith("sqlite:///") and not Path(db_url.removeprefix("sqlite:///")).is_file():
        msg = (f"{course.root} has no gradebook yet ({db_url.removeprefix('sqlite:///')}): "
               "grade first with `pmcourse grade DIR` (or nbgrader autograde)")
        raise CourseError(msg)
    try:
        snapshot = read_gradebook(db_url)
    except Exception as exc:  # a damaged or unreachable gradebook gets one clear message
        from ..report.page import _safe_url

        msg = (f"cannot read the gradebook at {_safe_url(db_url)}: {type(exc).__name__}: "
               f"{str(exc).splitlines()[0] if str(exc) else ''} (check --db)")
        raise CourseError(msg) from exc
    results = _load_ledger(db_url)
    run = ExportRun(rows=merge(snapshot, results, excluded=course.excluded_students))
    run.paths["grades"] = atomic_write_text(course.root / "grades.csv", grades_csv(run.rows))
    run.paths["canvas"] = atomic_write_text(course.root / "canvas_grades.csv",
                                            canvas_csv(run.rows, snapshot, canvas_ids=canvas_ids))
    run.paths["nbgrader"] = _nbgrader_export(course, db_url)
    from .gradebook import flag_submissions

    run.flagged = flag_submissions(db_url, {
        (r.assignment, r.student): (r.status, r.message, r.fingerprint)
        for r in results if r.status in FLAGGED})
    if feedback:
        _regenerate_feedback(course, snapshot, results, run)
    return run


def _regenerate_feedback(course: Course, snapshot: GradebookSnapshot,
                         results: list[SubmissionResult], run: ExportRun) -> None:
    from . import leaks
    from .feedback import FeedbackLeak, write_feedback

    secrets = leaks.course_secrets(course.root)
    ledger = {(r.assignment, r.student): r for r in results}
    identities = {s: (s,) for _, s in snapshot.submissions}
    identities.update({s.id: tuple(x for x in (s.id, s.email) if x)
                       for s in snapshot.students.values()})
    excluded = course.excluded_students  # nbgrader generate_feedback skips them too
    for (assignment, student), grades in sorted(snapshot.submissions.items()):
        result = ledger.get((assignment, student))
        if student in excluded or (result is not None and result.status not in SCORED):
            continue
        others = tuple(x for who, names in sorted(identities.items()) if who != student
                       for x in names)
        try:
            outcome = write_feedback(course, assignment, student, result, grades=grades,
                                     secrets=secrets, others=others)
        except FeedbackLeak as leak:
            run.blocked[(student, assignment)] = leak.leaks
            continue
        except Exception as exc:  # one bad notebook never stops the batch
            run.feedback_errors[(student, assignment)] = f"{type(exc).__name__}: {exc}"
            continue
        run.feedback += outcome.written
        run.kept_feedback += outcome.kept


def has_gradebook(db_url: str) -> bool:
    """Whether nbgrader's tables exist at `db_url` (without creating a database or tables)."""
    import sqlalchemy as sa

    if db_url.startswith("sqlite:///") and not Path(db_url.removeprefix("sqlite:///")).is_file():
        return False
    engine = sa.create_engine(db_url, future=True)
    try:
        return sa.inspect(engine).has_table("submitted_assignment")
    except sa.exc.SQLAlchemyError:
        return False
    finally:
        engine.dispose()


def fresh_results(snapshot: GradebookSnapshot, results: list[SubmissionResult], *,
                  excluded: Collection[str] = ()) -> list[SubmissionResult]:
    """Ledger results with today's gradebook scores, per-cell grades and messages.

    What the report shows then matches the exports: a manual grade entered in formgrader
    counts, a cell still awaiting a person is marked so, and a submission nbgrader graded
    without pmcourse is included.
    """
    ledger = {(r.assignment, r.student): r for r in results}
    fresh = []
    for row in merge(snapshot, results, excluded=excluded):
        old = ledger.get((row.assignment, row.student))
        grades = snapshot.submission(row.assignment, row.student)
        details = dict(old.details) if old is not None else {}
        if grades is not None:
            details["cells"] = [
                {"notebook": c.notebook, "cell": c.cell, "score": c.score,
                 "max_score": c.max_score, "auto_score": c.auto_score,
                 "needs_manual_grade": c.needs_manual_grade} for c in grades.cells]
        fresh.append(SubmissionResult(
            row.assignment, row.student, row.status, row.message, row.score, row.max_score,
            fingerprint=old.fingerprint if old is not None else "",
            seconds=old.seconds if old is not None else 0.0, details=details))
    return fresh


def write_exports(course: Course, results: list[SubmissionResult] | None, db_url: str
                  ) -> dict[str, Path]:
    """grades.csv, canvas_grades.csv and nbgrader_grades.csv after a grading run.

    `results` is accepted for the grading pipeline's call; the exports read the whole ledger
    and gradebook, so grading one assignment never drops the others' rows.
    """
    return export_course(course, db_url=db_url, feedback=False).paths


def read_grades(path: Path) -> list[dict[str, str]]:
    """Rows of a grades.csv written by `grades_csv`."""
    with Path(path).open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))
