"""The results ledger: one row per (assignment, student), committed as each grade finishes.

It lives in the gradebook's own database (SQLite or PostgreSQL), so a killed run loses nothing:
a re-run skips every submission whose fingerprint already has a row, and grades the rest.
"""

from __future__ import annotations

import json
import time
from dataclasses import asdict, dataclass, field
from enum import StrEnum
from typing import Any

import sqlalchemy as sa


class Status(StrEnum):
    """How a submission ended. The values are what the ledger, grades.csv and the report store;
    the order is the order of the report's columns."""

    GRADED = "graded"
    """Graded in full, on time, nothing suspicious."""
    LATE = "late"
    """Graded, but submitted after the due date (nbgrader's late penalty applies)."""
    ERROR = "error"
    """Not graded: the submission could not be read or run (the message says why)."""
    TIMEOUT = "timeout"
    """Stopped at a time limit: cells past the cell limit earn nothing (the rest is scored);
    a notebook or its scoring past its own limit gets no score."""
    TAMPERED = "tampered"
    """Graded with the instructor's tests restored: the submission tried to change its grading."""
    MISSING = "missing"
    """No submission: a student on the roster handed nothing in."""


SCORED = frozenset({Status.GRADED, Status.LATE, Status.TAMPERED, Status.TIMEOUT})
"""Statuses whose score counts (the others have none)."""
FLAGGED = frozenset({Status.TAMPERED, Status.TIMEOUT})
"""Statuses pmcourse flags in formgrader, with the reason as an automatic comment."""


_metadata = sa.MetaData()
results_table = sa.Table(
    "pmcourse_results",
    _metadata,
    sa.Column("assignment", sa.String(128), primary_key=True),
    sa.Column("student", sa.String(128), primary_key=True),
    sa.Column("fingerprint", sa.String(64), nullable=False),
    sa.Column("status", sa.String(16), nullable=False),
    sa.Column("score", sa.Float, nullable=True),
    sa.Column("max_score", sa.Float, nullable=True),
    sa.Column("message", sa.Text, nullable=False),
    sa.Column("details", sa.Text, nullable=False),
    sa.Column("seconds", sa.Float, nullable=False),
    sa.Column("finished_at", sa.Float, nullable=False),
)


@dataclass
class SubmissionResult:
    """How one submission ended: status, score (None unless it was graded) and why."""

    assignment: str
    student: str
    status: Status
    """Given as a `Status` or its value ("graded", ...); always a `Status` once made."""
    message: str
    score: float | None = None
    max_score: float | None = None
    fingerprint: str = ""
    seconds: float = 0.0
    details: dict[str, Any] = field(default_factory=dict)
    """Per-cell scores, notes, tampering evidence, peak memory."""

    def __post_init__(self) -> None:
        try:
            self.status = Status(self.status)
        except ValueError:
            known = ", ".join(Status)
            msg = f"unknown status {self.status!r}: a submission result is one of {known}"
            raise ValueError(msg) from None

    def to_row(self) -> dict[str, Any]:
        row = asdict(self)
        row["status"] = self.status.value  # a plain string for every database driver
        row["details"] = json.dumps(self.details, default=str)
        row["finished_at"] = time.time()
        return row


class Ledger:
    """Reads and writes the results table of a gradebook database."""

    def __init__(self, db_url: str) -> None:
        self.engine = sa.create_engine(db_url, future=True)
        if self.engine.dialect.name == "sqlite":
            with self.engine.begin() as conn:
                conn.exec_driver_sql("PRAGMA journal_mode=WAL")
        _metadata.create_all(self.engine)

    def close(self) -> None:
        self.engine.dispose()

    def fingerprints(self, assignment: str) -> dict[str, str]:
        """Student -> fingerprint of the submission already recorded."""
        query = sa.select(results_table.c.student, results_table.c.fingerprint).where(
            results_table.c.assignment == assignment
        )
        with self.engine.connect() as conn:
            return {row.student: row.fingerprint for row in conn.execute(query)}

    def record(self, result: SubmissionResult) -> None:
        """Replaces the row of this submission in one committed transaction."""
        row = result.to_row()
        table = results_table
        with self.engine.begin() as conn:
            conn.execute(table.delete().where(
                (table.c.assignment == result.assignment) & (table.c.student == result.student)
            ))
            conn.execute(table.insert().values(**row))

    def results(self, assignments: list[str] | None = None) -> list[SubmissionResult]:
        """Every recorded result, ordered by assignment and student."""
        query = sa.select(results_table).order_by(results_table.c.assignment,
                                                  results_table.c.student)
        if assignments:
            query = query.where(results_table.c.assignment.in_(assignments))
        with self.engine.connect() as conn:
            rows = conn.execute(query).mappings().all()
        return [
            SubmissionResult(
                assignment=r["assignment"], student=r["student"], status=r["status"],
                message=r["message"], score=r["score"], max_score=r["max_score"],
                fingerprint=r["fingerprint"], seconds=r["seconds"],
                details=json.loads(r["details"] or "{}"),
            )
            for r in rows
        ]
