"""A snapshot of nbgrader's gradebook, the one source of truth for every score pmcourse shows.

Exports, feedback and the report read the gradebook afresh each time, so a manual grade or a
comment entered in formgrader, or a late penalty, appears everywhere on the next
``pmcourse export``. Scores follow nbgrader's own rules: a cell's score is its manual score if a
person gave one, else its automatic score, plus extra credit; a submission's final score is
``max(0, raw score - late penalty)``, as ``nbgrader export`` writes it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any


@dataclass(frozen=True)
class CellGrade:
    """One graded cell of a submitted notebook, as nbgrader records it."""

    notebook: str
    cell: str
    cell_type: str
    """``code`` (autograder tests or a hand-graded code answer) or ``markdown`` (answer, task)."""
    score: float
    max_score: float
    auto_score: float | None
    manual_score: float | None
    needs_manual_grade: bool
    """nbgrader's flag: a person still has to grade this cell."""
    comment: str = ""
    """The formgrader comment on this cell (a person's, else nbgrader's automatic one)."""


@dataclass(frozen=True)
class SubmissionGrades:
    """One student's submitted assignment in the gradebook."""

    assignment: str
    student: str
    raw_score: float
    late_penalty: float
    max_score: float
    seconds_late: float
    timestamp: datetime | None
    cells: tuple[CellGrade, ...] = ()
    comments: dict[tuple[str, str], str] = field(default_factory=dict)
    """(notebook, cell) -> comment, for every commented cell, graded or not."""

    @property
    def score(self) -> float:
        """The final score as nbgrader's export computes it."""
        return max(0.0, self.raw_score - self.late_penalty)

    @property
    def awaiting_manual(self) -> int:
        """How many cells still await a person."""
        return sum(1 for c in self.cells if c.needs_manual_grade)


@dataclass(frozen=True)
class RosterStudent:
    """A student on the gradebook's roster."""

    id: str
    first_name: str = ""
    last_name: str = ""
    email: str = ""
    lms_user_id: str = ""

    @property
    def display_name(self) -> str:
        """``Last, First`` when the roster has names (as LMS gradebooks sort), else the id."""
        if self.last_name and self.first_name:
            return f"{self.last_name}, {self.first_name}"
        return self.last_name or self.first_name or self.id


@dataclass(frozen=True)
class AssignmentInfo:
    """An assignment of the gradebook: its notebooks, points and due date."""

    name: str
    max_score: float
    duedate: datetime | None
    notebooks: tuple[str, ...] = ()


@dataclass
class GradebookSnapshot:
    """Every assignment, student and submission of a gradebook at one moment."""

    assignments: dict[str, AssignmentInfo] = field(default_factory=dict)
    students: dict[str, RosterStudent] = field(default_factory=dict)
    submissions: dict[tuple[str, str], SubmissionGrades] = field(default_factory=dict)
    """(assignment, student) -> grades."""

    def submission(self, assignment: str, student: str) -> SubmissionGrades | None:
        return self.submissions.get((assignment, student))


def _float(value: object) -> float | None:
    return None if value is None else float(value)  # type: ignore[arg-type]


def read_gradebook(db_url: str) -> GradebookSnapshot:
    """Reads assignments, roster, scores, comments and late penalties from nbgrader's gradebook."""
    from nbgrader.api import Gradebook

    from .course import ensure_tools_on_path

    ensure_tools_on_path()  # nbgrader runs alembic from PATH when it opens a gradebook
    snapshot = GradebookSnapshot()
    with Gradebook(db_url) as gb:
        for student in gb.students:
            snapshot.students[student.id] = RosterStudent(
                student.id, student.first_name or "", student.last_name or "",
                student.email or "", getattr(student, "lms_user_id", None) or "")
        for assignment in gb.assignments:
            snapshot.assignments[assignment.name] = AssignmentInfo(
                assignment.name, float(assignment.max_score or 0.0), assignment.duedate,
                tuple(nb.name for nb in assignment.notebooks))
            for sub in assignment.submissions:
                snapshot.submissions[(assignment.name, sub.student.id)] = _submission(sub)
    return snapshot


def read_submission(db_url: str, assignment: str, student: str) -> SubmissionGrades | None:
    """One submission's grades, comments and late penalty, or None when it is not there."""
    from nbgrader.api import Gradebook, MissingEntry

    from .course import ensure_tools_on_path

    ensure_tools_on_path()
    with Gradebook(db_url) as gb:
        try:
            return _submission(gb.find_submission(assignment, student))
        except MissingEntry:
            return None


def roster_identities(db_url: str) -> dict[str, tuple[str, ...]]:
    """Student id -> the strings that identify them (id, email), from the gradebook's roster."""
    from nbgrader.api import Gradebook

    from .course import ensure_tools_on_path

    ensure_tools_on_path()
    with Gradebook(db_url) as gb:
        return {s.id: tuple(x for x in (s.id, s.email) if x) for s in gb.students}


def from_ledger_cells(assignment: str, student: str, score: float | None,
                      max_score: float | None, cells: list[dict]) -> SubmissionGrades:
    """Grades rebuilt from a ledger row's per-cell details (when the gradebook has none)."""
    return SubmissionGrades(
        assignment, student, raw_score=float(score or 0.0), late_penalty=0.0,
        max_score=float(max_score or 0.0), seconds_late=0.0, timestamp=None,
        cells=tuple(CellGrade(
            notebook=str(c.get("notebook", "")), cell=str(c.get("cell", "")), cell_type="",
            score=float(c.get("score") or 0.0), max_score=float(c.get("max_score") or 0.0),
            auto_score=c.get("auto_score"), manual_score=None,
            needs_manual_grade=bool(c.get("needs_manual_grade")))
            for c in cells if isinstance(c, dict)))


def _submission(sub: object) -> SubmissionGrades:
    cells: list[CellGrade] = []
    comments: dict[tuple[str, str], str] = {}
    penalty = 0.0
    for notebook in sub.notebooks:  # type: ignore[attr-defined]
        penalty += float(notebook.late_submission_penalty or 0.0)
        for comment in notebook.comments:
            auto = comment.auto_comment or ""
            text = comment.manual_comment or ("" if auto.startswith(FLAG_PREFIX) else auto)
            if text.strip():
                comments[(notebook.name, comment.name)] = text
        for grade in notebook.grades:
            cells.append(CellGrade(
                notebook=notebook.name, cell=grade.name, cell_type=str(grade.cell_type or ""),
                score=float(grade.score or 0.0), max_score=float(grade.max_score or 0.0),
                auto_score=_float(grade.auto_score), manual_score=_float(grade.manual_score),
                needs_manual_grade=bool(grade.needs_manual_grade),
                comment=comments.get((notebook.name, grade.name), "")))
    return SubmissionGrades(
        assignment=sub.assignment.name, student=sub.student.id,  # type: ignore[attr-defined]
        raw_score=float(sub.score or 0.0), late_penalty=penalty,  # type: ignore[attr-defined]
        max_score=float(sub.max_score or 0.0),  # type: ignore[attr-defined]
        seconds_late=float(sub.total_seconds_late or 0.0),  # type: ignore[attr-defined]
        timestamp=sub.timestamp, cells=tuple(cells), comments=comments)  # type: ignore[attr-defined]


FLAG_PREFIX = "pmcourse flagged this submission: "
FLAG_NOTE = FLAG_PREFIX + "{status}. {message}"
"""The automatic comment pmcourse leaves in formgrader on a flagged submission."""


def flag_submissions(db_url: str, flags: dict[tuple[str, str], tuple[str, str, str]]) -> int:
    """Flags submissions in formgrader and explains why in an automatic comment.

    `flags` maps (assignment, student) to (status, message, fingerprint). Each submitted notebook
    is flagged (formgrader's flag icon) once per fingerprint, so a person who reviewed and
    unflagged it is not overruled on the next export; the explanation goes in the automatic
    comment of the notebook's first commentable cell, where a person's comment still wins.
    Returns how many notebooks were newly flagged.
    """
    from nbgrader.api import Gradebook, MissingEntry

    if not flags:
        return 0
    done = _flagged_fingerprints(db_url)
    newly = 0
    with Gradebook(db_url) as gb:
        for (assignment, student), (status, message, fingerprint) in sorted(flags.items()):
            if done.get((assignment, student)) == fingerprint:
                continue
            try:
                submission = gb.find_submission(assignment, student)
            except MissingEntry:
                continue
            note = FLAG_NOTE.format(status=status, message=message)[:2000]
            for notebook in submission.notebooks:
                notebook.flagged = True
                newly += 1
                if notebook.comments:
                    first = sorted(notebook.comments, key=lambda c: c.name)[0]
                    first.auto_comment = note
            gb.db.commit()
            done[(assignment, student)] = fingerprint
    _save_flagged(db_url, done)
    return newly


def _flag_table() -> Any:
    """pmcourse's record of what it flagged (a table beside nbgrader's, never inside them)."""
    import sqlalchemy as sa

    return sa.Table(
        "pmcourse_flags", sa.MetaData(),
        sa.Column("assignment", sa.String(128), primary_key=True),
        sa.Column("student", sa.String(128), primary_key=True),
        sa.Column("fingerprint", sa.String(64), nullable=False))


def _flagged_fingerprints(db_url: str) -> dict[tuple[str, str], str]:
    import sqlalchemy as sa

    table = _flag_table()
    engine = sa.create_engine(db_url, future=True)
    try:
        table.metadata.create_all(engine)
        with engine.connect() as conn:
            return {(r.assignment, r.student): r.fingerprint
                    for r in conn.execute(sa.select(table))}
    finally:
        engine.dispose()


def _save_flagged(db_url: str, done: dict[tuple[str, str], str]) -> None:
    import sqlalchemy as sa

    table = _flag_table()
    engine = sa.create_engine(db_url, future=True)
    try:
        with engine.begin() as conn:
            conn.execute(table.delete())
            if done:
                conn.execute(table.insert(), [
                    {"assignment": a, "student": s, "fingerprint": f}
                    for (a, s), f in done.items()])
    finally:
        engine.dispose()
