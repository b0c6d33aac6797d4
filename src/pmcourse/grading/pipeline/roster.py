"""The course roster: students imported from a CSV into nbgrader's gradebook.

The CSV has the columns nbgrader's own ``nbgrader db student import`` reads: ``id`` (required:
the student's login name, which nbgrader's exchange matches) and optionally ``first_name``,
``last_name``, ``email`` and ``lms_user_id``. Every row is checked before anything is written.
"""

from __future__ import annotations

import csv
import os
import re
from dataclasses import dataclass, field
from pathlib import Path

from .course import Course, CourseError, ensure_tools_on_path

OPTIONAL_COLUMNS = ("first_name", "last_name", "email", "lms_user_id")
_STUDENT_ID = re.compile(r"^[A-Za-z0-9_][A-Za-z0-9_.@-]{0,127}$")


@dataclass
class RosterImport:
    """What an import added and updated."""

    added: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)


def read_roster(path: str | os.PathLike[str]) -> list[dict[str, str | None]]:
    """The rows of a roster CSV, checked; raises CourseError naming every bad line."""
    source = Path(path)
    try:
        text = source.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        msg = f"cannot read the roster {source}: {exc}; save it as a UTF-8 CSV file"
        raise CourseError(msg) from exc
    reader = csv.DictReader(text.splitlines())
    columns = [c.strip() for c in reader.fieldnames or []]
    if "id" not in columns:
        msg = (f"{source} has no 'id' column (it has: {', '.join(columns) or 'nothing'}); the "
               "first line must name the columns, e.g. id,first_name,last_name,email")
        raise CourseError(msg)
    rows: list[dict[str, str | None]] = []
    problems: list[str] = []
    seen: dict[str, int] = {}
    for line, raw in enumerate(reader, start=2):
        row = {(k or "").strip(): (v or "").strip() for k, v in raw.items() if k}
        student = row.get("id", "")
        if not student:
            problems.append(f"line {line}: empty id")
            continue
        if not _STUDENT_ID.match(student):
            problems.append(f"line {line}: {student!r} is not a login name (letters, digits, "
                            "_ . @ -, not starting with . or -)")
            continue
        if student in seen:
            problems.append(f"line {line}: {student} already on line {seen[student]}")
            continue
        seen[student] = line
        rows.append({"id": student, **{c: (row.get(c) or None) for c in OPTIONAL_COLUMNS}})
    if problems:
        msg = f"{source}: nothing imported, fix these lines first:\n  " + "\n  ".join(problems)
        raise CourseError(msg)
    return rows


def import_roster(course: Course, path: str | os.PathLike[str], *,
                  db_url: str | None = None) -> RosterImport:
    """Adds or updates every student of the CSV in the course's gradebook (nobody is removed)."""
    from nbgrader.api import Gradebook

    from .nbconfig import course_config

    rows = read_roster(path)
    ensure_tools_on_path()  # nbgrader runs alembic to create a new gradebook
    url = str(course_config(course, db_url).CourseDirectory.db_url)
    outcome = RosterImport()
    with Gradebook(url) as gb:
        known = {s.id for s in gb.students}
        for row in rows:
            student = str(row.pop("id"))
            attributes = {k: v for k, v in row.items() if v is not None}
            gb.update_or_create_student(student, **attributes)
            (outcome.updated if student in known else outcome.added).append(student)
    return outcome


def roster(course: Course, *, db_url: str | None = None) -> list[str]:
    """The student ids on the gradebook's roster."""
    from nbgrader.api import Gradebook

    from .nbconfig import course_config

    ensure_tools_on_path()
    with Gradebook(str(course_config(course, db_url).CourseDirectory.db_url)) as gb:
        return sorted(s.id for s in gb.students)
