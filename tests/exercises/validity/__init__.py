"""Answers written fresh for every problem, each with the score an expert would give it.

Each module in this package holds ``CASES``: for every practice and graded problem at least two
valid answers in other words, one plausible but wrong answer and one that games the checker. The
texts are written for this fixture, never copied from ``autograders/answers/``. One test
(``tests/exercises/catalog/test_validity.py``) scores every case and `bench/bench_validity.py` prints the
false-negative and false-positive rates over all of them.
"""

from __future__ import annotations

import importlib
import pkgutil
from dataclasses import dataclass, field
from typing import Any, Literal

Kind = Literal["valid", "wrong", "gaming"]


@dataclass(frozen=True)
class Case:
    """One answer to one problem, with the share of the points an expert gives it."""

    problem_id: str
    """The problem's id, e.g. ``practice.feature_split`` or ``roadmap.feature_split``."""
    kind: Kind
    expert: float
    """The expert's score as a share of the problem's points, 0.0 to 1.0."""
    answers: dict[str, Any] = field(hash=False)
    """Variable name -> value, as the learner's notebook would set them."""
    why: str = ""
    """What the answer does and why the expert scores it so."""

    @property
    def label(self) -> str:
        """A short test id: problem, kind and the start of the reason."""
        return f"{self.problem_id}:{self.kind}:{self.why[:40]}"


def all_cases() -> list[Case]:
    """Every case of every module in this package, in module order."""
    cases: list[Case] = []
    for info in sorted(pkgutil.iter_modules(__path__), key=lambda i: i.name):
        module = importlib.import_module(f"{__name__}.{info.name}")
        cases.extend(getattr(module, "CASES", ()))
    return cases
