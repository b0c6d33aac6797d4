"""The grading CLI's own output: what an instructor reads while and after grading."""

from __future__ import annotations

from pmcourse.grading.cli import _Progress, _table
from pmcourse.grading.pipeline.ledger import SubmissionResult


def partial() -> SubmissionResult:
    return SubmissionResult("a1", "ben", "graded", "10.92 of 19 points", 10.916666, 19.0,
                            seconds=9.94)


def test_progress_lines_round_scores_for_people(capsys) -> None:
    """Off a terminal, one plain line per submission, scores at most two decimals."""
    progress = _Progress()
    progress(None, 0, 2)
    progress(partial(), 1, 2)
    assert capsys.readouterr().err == "[1/2] ben/a1: graded 10.92/19 (9.9 s)\n"


def test_the_summary_table_rounds_scores_and_leaves_errors_blank() -> None:
    failed = SubmissionResult("a1", "ivo", "error", "ps1.ipynb is not valid notebook JSON")
    table = _table([partial(), failed])
    ben = next(line for line in table.splitlines() if line.startswith("ben"))
    assert ben.split()[2] == "10.92/19", table
    ivo = next(line for line in table.splitlines() if "ivo" in line)
    assert "/19" not in ivo and "error" in ivo
