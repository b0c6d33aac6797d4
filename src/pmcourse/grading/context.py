"""The submission a grading worker is grading now: one context object in one slot.

nbgrader builds the preprocessors and nbclient builds the kernel manager themselves, so neither can
be handed the submission; they read it with `active_submission()`. `grading_submission()` fills the
slot for exactly one submission and empties it afterwards, so nothing of one submission (findings,
kernel inputs, a kernel started ahead) survives into the next.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .kernel.sandbox import GradingKernelManager
    from .pipeline.nbconfig import GradingSettings


@dataclass
class SubmissionReport:
    """Findings about one submission: tampering, time-outs, repairs, per-cell feedback.

    nbgrader runs sanitizing and autograding as separate conversions with separate resources, so
    pmcourse's preprocessors write their findings here and the worker reads them afterwards.
    """

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
        """Adds a remark once (a repair seen in two passes is one note)."""
        if text not in self.notes:
            self.notes.append(text)

    def tamper(self, text: str) -> None:
        """Adds evidence of tampering once."""
        if text not in self.tampered:
            self.tampered.append(text)


@dataclass(frozen=True)
class KernelInputs:
    """What the kernels of a submission see, and where."""

    copy: str
    """The ingested copy of the submission, copied into each kernel's tmpfs."""
    mount: str
    """Where the kernel's tmpfs goes: the student's ``autograded/<student>`` path, which the
    kernel sees but which is not the real folder (nothing it writes there reaches the grader)."""
    inputs_to: str = ""
    """The folder under `mount` that receives the copy: the assignment id."""


@dataclass
class SubmissionContext:
    """Everything about the submission a worker is grading now."""

    assignment: str
    student: str
    settings: GradingSettings
    """How this run grades (gradebook, time and memory limits, sandbox)."""
    report: SubmissionReport = field(default_factory=SubmissionReport)
    """What the preprocessors noticed while grading it."""
    kernel_inputs: KernelInputs | None = None
    """Set once the submission is ingested; until then kernels get no submission files."""
    prestarted: GradingKernelManager | None = None
    """A Python kernel started ahead for this submission, until the executor takes it."""


class NoActiveSubmission(RuntimeError):
    """Grading code that needs the current submission ran outside `grading_submission()`."""


_active: SubmissionContext | None = None
"""The one slot: the submission being graded in this process, if any."""


@contextmanager
def grading_submission(context: SubmissionContext) -> Iterator[SubmissionContext]:
    """Makes `context` the active submission for the block, and none after it.

    A kernel started ahead and never used is shut down on the way out.
    """
    global _active
    if _active is not None:
        msg = (f"already grading {_active.student}/{_active.assignment}; a worker grades one "
               f"submission at a time, so {context.student}/{context.assignment} must wait until "
               "that `with grading_submission(...)` block ends")
        raise RuntimeError(msg)
    _active = context
    try:
        yield context
    finally:
        try:
            if context.prestarted is not None:
                from .kernel.sandbox import discard_prestarted

                discard_prestarted()
        finally:
            _active = None


def active_submission() -> SubmissionContext:
    """The submission being graded now; `NoActiveSubmission` outside `grading_submission()`."""
    if _active is None:
        msg = ("no submission is being graded: pmcourse's preprocessors and grading kernels run "
               "only inside `with grading_submission(SubmissionContext(...)):` (the grading worker "
               "enters it for each submission; a test must enter it too)")
        raise NoActiveSubmission(msg)
    return _active
