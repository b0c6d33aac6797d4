"""Grade exports: pmcourse's grades.csv, nbgrader's own CSV, and a Canvas gradebook CSV.

A submission that could not be graded has an empty score and a status saying why, never a 0.0
that looks like a real grade (nbgrader's export writes 0.0 for those).
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

from .._io import atomic_write_text
from .course import Course
from .ledger import SubmissionResult

GRADES_COLUMNS = ("student_id", "assignment", "score", "max_score", "status", "message")
SCORED = ("graded", "late", "tampered", "timeout")


def _csv(rows: list[list[object]]) -> str:
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerows(rows)
    return buffer.getvalue()


def _score(result: SubmissionResult) -> str:
    if result.score is None or result.status not in SCORED:
        return ""
    return f"{result.score:g}"


def grades_csv(results: list[SubmissionResult]) -> str:
    """The ``grades.csv`` text: one row per submission, in the contract's columns."""
    rows: list[list[object]] = [list(GRADES_COLUMNS)]
    for r in sorted(results, key=lambda r: (r.assignment, r.student)):
        rows.append([r.student, r.assignment, _score(r),
                     "" if r.max_score is None else f"{r.max_score:g}", r.status,
                     " ".join(r.message.split())])
    return _csv(rows)


def canvas_csv(results: list[SubmissionResult]) -> str:
    """A CSV Canvas imports into its gradebook: one column per assignment, points as values."""
    assignments = sorted({r.assignment for r in results})
    maxima = {a: max((r.max_score or 0) for r in results if r.assignment == a)
              for a in assignments}
    students = sorted({r.student for r in results})
    by_key = {(r.student, r.assignment): r for r in results}
    header = ["Student", "ID", "SIS User ID", "SIS Login ID", "Section",
              *[f"{a} ({maxima[a]:g})" for a in assignments]]
    rows: list[list[object]] = [header, ["Points Possible", "", "", "", "",
                                         *[f"{maxima[a]:g}" for a in assignments]]]
    for student in students:
        scores = [_score(by_key[(student, a)]) if (student, a) in by_key else ""
                  for a in assignments]
        rows.append([student, "", student, student, "", *scores])
    return _csv(rows)


def write_exports(course: Course, results: list[SubmissionResult], db_url: str) -> dict[str, Path]:
    """Writes grades.csv, canvas_grades.csv and nbgrader_grades.csv into the course directory."""
    paths = {
        "grades": atomic_write_text(course.root / "grades.csv", grades_csv(results)),
        "canvas": atomic_write_text(course.root / "canvas_grades.csv", canvas_csv(results)),
    }
    paths["nbgrader"] = _nbgrader_export(course, db_url)
    return paths


def _nbgrader_export(course: Course, db_url: str) -> Path:
    """nbgrader's own CSV export (totals per assignment), as `nbgrader export` writes it."""
    import logging

    from nbgrader.api import Gradebook
    from nbgrader.plugins import CsvExportPlugin

    target = course.root / "nbgrader_grades.csv"
    tmp = target.with_name(".nbgrader_grades.csv.tmp")
    plugin = CsvExportPlugin(log=logging.getLogger("pmcourse.export"))
    plugin.to = str(tmp)
    with Gradebook(db_url) as gb:
        plugin.export(gb)
    tmp.replace(target)
    return target


def read_grades(path: Path) -> list[dict[str, str]]:
    """Rows of a grades.csv written by `grades_csv`."""
    with Path(path).open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))
