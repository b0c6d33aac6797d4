"""What grading one submission noticed, gathered across nbgrader's preprocessors.

nbgrader runs sanitizing and autograding as separate conversions with separate resources, so the
pmcourse preprocessors write their findings here instead; a grading worker resets it before each
submission (one submission at a time per worker process).
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class SubmissionReport:
    """Findings about one submission: tampering, time-outs, repairs, per-cell feedback."""

    notes: list[str] = field(default_factory=list)
    """Repairs and remarks shown to the student and the instructor (one line each)."""
    tampered: list[str] = field(default_factory=list)
    """Evidence that the submission tried to change how it is graded."""
    timed_out: bool = False
    """The whole submission ran past its wall-clock limit and was stopped."""
    cell_timeouts: list[str] = field(default_factory=list)
    """Cells stopped by the per-cell time limit (the rest of the notebook still ran)."""
    kernel_died: str = ""
    """Why the kernel stopped before the notebook finished, if it did."""
    feedback: dict[str, list[str]] = field(default_factory=dict)
    """Grade-cell id -> per-criterion feedback lines, keyed by notebook-qualified id."""

    def note(self, text: str) -> None:
        if text not in self.notes:
            self.notes.append(text)

    def tamper(self, text: str) -> None:
        if text not in self.tampered:
            self.tampered.append(text)


CURRENT = SubmissionReport()


def reset() -> SubmissionReport:
    """Starts a fresh report for the next submission and returns it."""
    global CURRENT
    CURRENT = SubmissionReport()
    return CURRENT
