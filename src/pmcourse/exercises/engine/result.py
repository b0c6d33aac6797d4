"""What a check returns: an outcome, a score and one message per criterion."""

from __future__ import annotations

import enum
import html
import re
from collections.abc import Mapping
from dataclasses import dataclass, field


class Outcome(enum.Enum):
    """How an answer fared overall."""

    NOT_ATTEMPTED = "not attempted"
    INCORRECT = "incorrect"
    PARTLY_CORRECT = "partly correct"
    CORRECT = "correct"


@dataclass(frozen=True)
class CriterionResult:
    """One criterion of a rubric: what it checks, its weight, the share earned and why."""

    name: str
    """Stable id of the criterion, e.g. ``labels``."""
    label: str
    """What the criterion checks, in a learner's words."""
    weight: float
    """Share of the problem's points this criterion carries (weights of a problem sum to 1)."""
    earned: float
    """Share of this criterion earned, in [0, 1]."""
    message: str
    """Why: what was right or what to look at again. Never reveals the key."""
    cap: str | None = None
    """The problem's cap (see `Problem.caps`) this criterion triggers when it is not passed:
    a core decision that, when wrong, limits the whole score whatever the side criteria say."""

    @property
    def passed(self) -> bool:
        return self.earned >= 1.0 - 1e-9


@dataclass(frozen=True)
class CheckResult:
    """The result of checking one answer against one problem."""

    problem_id: str
    outcome: Outcome
    score: float
    """Share of the problem earned, in [0, 1]."""
    criteria: tuple[CriterionResult, ...] = ()
    message: str = ""
    """A summary line, or the reason an answer could not be checked."""
    notes: tuple[str, ...] = field(default=())
    """Extra remarks about the answer's shape (e.g. duplicated rows) the learner should fix."""
    readable: bool = True
    """False when the answer could not be read at all (wrong type or shape): such a check is
    not counted as an attempt in the learner's progress."""

    @classmethod
    def from_criteria(
        cls, problem_id: str, criteria: list[CriterionResult], notes: tuple[str, ...] = (),
        caps: Mapping[str, float] | None = None,
    ) -> CheckResult:
        """Weights the criteria into a score, applies the caps of failed core decisions, and
        names the outcome.

        `caps` maps a cap id to the highest share of the points the problem may score when a
        criterion naming that cap is not passed; a criterion naming an undeclared cap is an
        author's mistake and raises ValueError.
        """
        score = sum(c.weight * c.earned for c in criteria)
        score = min(1.0, max(0.0, round(score, 6)))
        declared = caps or {}
        capping: list[tuple[float, CriterionResult]] = []
        for c in criteria:
            if c.cap is None or c.passed:
                continue
            if c.cap not in declared:
                msg = (f"{problem_id}: criterion {c.name!r} names the cap {c.cap!r}, which the "
                       f"problem does not declare in Problem.caps")
                raise ValueError(msg)
            capping.append((float(declared[c.cap]), c))
        cap_note = ""
        if capping:
            limit, worst = min(capping, key=lambda pair: pair[0])
            if score > limit:
                score = round(limit, 6)
                cap_note = (f" The score is capped at {limit:.0%} because a core decision is "
                            f"not right yet: {worst.label.rstrip('.')}.")
        if score >= 1.0 - 1e-9:
            outcome, summary = Outcome.CORRECT, "Correct: every criterion is met."
        elif score <= 1e-9:
            outcome, summary = Outcome.INCORRECT, "Not yet: no criterion is met."
            if cap_note:
                summary = "Not yet." + cap_note
        else:
            outcome = Outcome.PARTLY_CORRECT
            met = sum(c.passed for c in criteria)
            summary = (f"Partly correct: {met} of {len(criteria)} criteria met ({score:.0%})."
                       + cap_note)
        return cls(problem_id, outcome, score, tuple(criteria), summary, notes)

    def points(self, out_of: float) -> float:
        """The score in points, a plain float in [0, out_of]."""
        return float(min(out_of, max(0.0, round(self.score * out_of, 4))))

    def lines(self) -> list[str]:
        """The result as plain-text lines: summary, one line per criterion, then notes."""
        out = [f"{_ICON[self.outcome]} {self.message}"]
        for c in self.criteria:
            mark = "✔" if c.passed else ("◐" if c.earned > 0 else "✘")
            out.append(f"  {mark} {c.label} ({c.earned * c.weight:.0%} of {c.weight:.0%}): "
                       f"{c.message}")
        out.extend(f"  • {note}" for note in self.notes)
        return out

    def __str__(self) -> str:
        return "\n".join(self.lines())

    def _repr_markdown_(self) -> str:
        """Markdown in which every message's own characters show as written (``<role>`` too)."""
        out = [f"**{_ICON[self.outcome]} {markdown_text(self.message)}**", ""]
        for c in self.criteria:
            mark = "✔" if c.passed else ("◐" if c.earned > 0 else "✘")
            out.append(f"- {mark} **{markdown_text(c.label)}** ({c.earned * c.weight:.0%} of "
                       f"{c.weight:.0%}): {markdown_text(c.message)}")
        out.extend(f"- {markdown_text(note)}" for note in self.notes)
        return "\n".join(out)

    def to_dict(self) -> dict:
        """A JSON-ready view, as stored in gradebooks and progress files."""
        return {
            "problem_id": self.problem_id,
            "outcome": self.outcome.value,
            "score": self.score,
            "message": self.message,
            "criteria": [
                {"name": c.name, "label": c.label, "weight": c.weight, "earned": c.earned,
                 "message": c.message, "cap": c.cap}
                for c in self.criteria
            ],
            "notes": list(self.notes),
        }


_CODE_SPAN = re.compile(r"(`+)(.+?)\1", re.DOTALL)


def markdown_text(text: str) -> str:
    """`text` for a Markdown cell: ``&``, ``<`` and ``>`` escaped outside `code spans`, so a
    placeholder such as ``As a <role>`` shows instead of vanishing as an HTML tag."""
    out, last = [], 0
    for match in _CODE_SPAN.finditer(text):
        out.append(html.escape(text[last:match.start()], quote=False))
        out.append(match.group(0))
        last = match.end()
    out.append(html.escape(text[last:], quote=False))
    return "".join(out)


_ICON = {
    Outcome.NOT_ATTEMPTED: "…",
    Outcome.INCORRECT: "✘",
    Outcome.PARTLY_CORRECT: "◐",
    Outcome.CORRECT: "✔",
}
