"""A `Problem` is data: what the learner answers, how it is graded, hints, and (for practice) its key.

The same Problem drives a practice `check()` in a notebook and the hidden test of a graded
assignment; only where the key comes from differs (shipped with practice problems, read from the
instructor's ``autograders/`` directory for graded ones).
"""

from __future__ import annotations

import warnings
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Protocol

from .errors import AnswerError, NotAttempted
from .result import CheckResult, CriterionResult, Outcome


class Grader(Protocol):
    """Scores an answer against a key, criterion by criterion.

    A grader whose criteria can name caps (`CriterionResult.cap`) lists those ids in a
    ``cap_ids`` attribute; the Problem must declare each of them in `Problem.caps`.
    """

    def grade(
        self, problem: Problem, answers: Mapping[str, Any], key: Any
    ) -> tuple[list[CriterionResult], tuple[str, ...]]:
        """Returns the criterion results and notes; raises NotAttempted or AnswerError."""
        ...

    def describe(self, problem: Problem, key: Any) -> str:
        """The worked solution as Markdown (shown by ``solution()`` only)."""
        ...


@dataclass(frozen=True)
class Problem:
    """One exercise, declared as data."""

    id: str
    """Stable id, e.g. ``practice.feature_split``; graded keys are stored under it."""
    title: str
    prompt: str
    """What to do, in Markdown."""
    vars: tuple[str, ...]
    """Names of the variables the learner's answer lives in."""
    grader: Grader
    data: Mapping[str, Any] = field(default_factory=dict)
    """Public inputs handed to the learner (an item list, a segment table)."""
    points: float = 1.0
    """Points in a graded assignment; the grade cell's nbgrader points must match."""
    hints: tuple[str, ...] = ()
    """Progressive hints, gentlest first."""
    key: Any = None
    """The answer key: present for practice problems, None for graded ones (see autograders/)."""
    explanation: str = ""
    """Why the solution is what it is, shown after the worked solution."""
    caps: Mapping[str, float] = field(default_factory=dict)
    """Cap id -> the highest share of the points (0 to 1) the problem may score when a criterion
    naming that cap (`CriterionResult.cap`) is not passed: a wrong core decision (a financial
    North Star, an empty plan, one label for every item) limits the score whatever else is right."""

    def __post_init__(self) -> None:
        for cap, limit in self.caps.items():
            if not 0.0 <= float(limit) < 1.0:
                msg = f"{self.id}: cap {cap!r} is {limit!r}; a cap is a share in [0, 1)"
                raise ValueError(msg)
        undeclared = sorted(set(getattr(self.grader, "cap_ids", ())) - set(self.caps))
        if undeclared:
            msg = (f"{self.id}: its grader can name the caps {undeclared}, which the problem "
                   "does not declare in caps")
            raise ValueError(msg)

    @property
    def graded(self) -> bool:
        """True when the key is held by the instructor, not shipped in the package."""
        return self.key is None

    def check(self, answers: Mapping[str, Any], key: Any = None) -> CheckResult:
        """Checks `answers` (variable name -> value) against `key` (default: the shipped key).

        Never raises for a learner's answer: a missing or malformed answer becomes a result
        whose message says what is wrong and how to fix it.
        """
        key = self.key if key is None else key
        if key is None:
            msg = f"no answer key for {self.id}: graded keys live in the course's autograders/"
            raise LookupError(msg)
        missing = [name for name in self.vars if name not in answers]
        if missing:
            names = ", ".join(f"`{n}`" for n in missing)
            return CheckResult(
                self.id, Outcome.NOT_ATTEMPTED, 0.0,
                message=f"Not attempted: {names} is not defined yet. Run the cell that sets it.",
            )
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")  # nothing may reach stderr in a grade cell
                criteria, notes = self.grader.grade(self, answers, key)
        except NotAttempted as exc:
            return CheckResult(self.id, Outcome.NOT_ATTEMPTED, 0.0, message=f"Not attempted: {exc}")
        except AnswerError as exc:
            return CheckResult(
                self.id, Outcome.INCORRECT, 0.0, message=f"Your answer could not be checked: {exc}",
                readable=False,
            )
        return CheckResult.from_criteria(self.id, criteria, notes, caps=self.caps)

    def solution_markdown(self, key: Any = None) -> str:
        """The worked solution, as Markdown."""
        key = self.key if key is None else key
        if key is None:
            return ("This is a graded problem: its solution is not part of the course package. "
                    "Your instructor shares it after grading.")
        text = self.grader.describe(self, key)
        return f"{text}\n\n{self.explanation}".strip()
