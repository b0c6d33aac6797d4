"""The results ledger and the statuses a submission can end in."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from pmcourse.grading.pipeline.ledger import Ledger, Status, SubmissionResult


def test_the_statuses_are_the_words_written_to_the_ledger_and_grades_csv() -> None:
    """The enum's values are the strings stored and exported; its order is the report's."""
    assert [str(s) for s in Status] == ["graded", "late", "error", "timeout", "tampered",
                                        "missing"]
    assert Status.TAMPERED == "tampered" and f"{Status.LATE}" == "late"


def test_a_status_given_as_its_word_becomes_the_enum() -> None:
    result = SubmissionResult("a1", "ada", "late", "submitted 2.0 h after the due date")
    assert result.status is Status.LATE


def test_an_unknown_status_is_refused_with_the_known_ones() -> None:
    with pytest.raises(ValueError, match="unknown status 'done'") as error:
        SubmissionResult("a1", "ada", "done", "")
    assert "graded, late, error, timeout, tampered, missing" in str(error.value)


def test_a_recorded_status_is_plain_text_in_the_database_and_a_status_when_read(
        tmp_path: Path) -> None:
    path = tmp_path / "gradebook.db"
    ledger = Ledger(f"sqlite:///{path}")
    try:
        ledger.record(SubmissionResult("a1", "ada", Status.TIMEOUT, "stopped", fingerprint="f"))
        [read] = ledger.results()
    finally:
        ledger.close()
    assert read.status is Status.TIMEOUT
    with sqlite3.connect(path) as db:
        assert db.execute("SELECT status, typeof(status) FROM pmcourse_results").fetchall() == [
            ("timeout", "text")]
