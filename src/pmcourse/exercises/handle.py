"""`ProblemHandle`: what a practice notebook calls as ``q.check(answer)``, ``q.hint()``, ``q.solution()``."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .problem import Problem
from .result import CheckResult


@dataclass(frozen=True)
class Markdown:
    """Text shown as Markdown in a notebook and as plain text elsewhere."""

    text: str

    def _repr_markdown_(self) -> str:
        return self.text

    def __str__(self) -> str:
        return self.text

    __repr__ = __str__


class ProblemHandle:
    """A learner's handle on one practice problem: check, progressive hints, solution."""

    def __init__(self, problem: Problem, *, on_check: Any = None) -> None:
        self.problem = problem
        self._hints_shown = 0
        self._on_check = on_check

    def __repr__(self) -> str:
        return f"<{self.problem.title}: q.check(...), q.hint(), q.solution()>"

    def _repr_markdown_(self) -> str:
        return f"### {self.problem.title}\n\n{self.problem.prompt}"

    def data(self, name: str | None = None) -> Any:
        """The public inputs of the problem (a copy), e.g. the feature list as a DataFrame."""
        from .data import materialize

        if name is None:
            if len(self.problem.data) != 1:
                msg = f"this problem has several inputs: {', '.join(self.problem.data)}"
                raise TypeError(msg)
            (name,) = self.problem.data
        return materialize(self.problem.data[name])

    def check(self, *args: Any, **kwargs: Any) -> CheckResult:
        """Checks the answer; positional arguments follow the problem's variables in order."""
        if len(args) > len(self.problem.vars):
            expected = ", ".join(self.problem.vars)
            msg = f"check() takes {len(self.problem.vars)} answer(s): {expected}"
            raise TypeError(msg)
        answers = dict(zip(self.problem.vars, args, strict=False))
        answers.update(kwargs)
        result = self.problem.check(answers)
        if self._on_check is not None:
            self._on_check(self.problem.id, result)
        return result

    def hint(self) -> Markdown:
        """The next hint: each call reveals one more, gentlest first."""
        hints = self.problem.hints
        if not hints:
            return Markdown("There is no hint for this problem. Re-read the prompt, then try `q.check()`.")
        n = min(self._hints_shown, len(hints) - 1)
        self._hints_shown = n + 1
        more = (
            f" Call `hint()` again for hint {n + 2}."
            if n + 1 < len(hints)
            else " That was the last hint; `solution()` shows the answer."
        )
        return Markdown(f"**Hint {n + 1} of {len(hints)}:** {hints[n]}\n\n_{more.strip()}_")

    def solution(self) -> Markdown:
        """The worked solution and why it is right."""
        return Markdown(f"**Solution: {self.problem.title}**\n\n{self.problem.solution_markdown()}")
