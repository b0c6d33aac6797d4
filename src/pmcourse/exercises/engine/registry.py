"""Every problem of the course by id, and `practice()`, which hands a learner a problem's handle."""

from __future__ import annotations

import importlib
import pkgutil
from functools import cache
from typing import Any

from .handle import ProblemHandle
from .problem import Problem

PROBLEM_PACKAGES = ("pmcourse.exercises.catalog.practice", "pmcourse.exercises.catalog.graded")
"""Where problems are declared: every module's ``PROBLEMS`` in these packages is registered."""


@cache
def problems() -> dict[str, Problem]:
    """All problems, from the modules of the packages in `PROBLEM_PACKAGES`."""
    found: dict[str, Problem] = {}
    for package in PROBLEM_PACKAGES:
        pkg = importlib.import_module(package)
        for info in pkgutil.iter_modules(pkg.__path__):
            module = importlib.import_module(f"{pkg.__name__}.{info.name}")
            for problem in getattr(module, "PROBLEMS", ()):
                if problem.id in found:
                    msg = f"two problems share the id {problem.id!r}"
                    raise ValueError(msg)
                found[problem.id] = problem
    return found


def get_problem(problem_id: str) -> Problem:
    """The problem with this id; a LookupError lists the known ids otherwise."""
    try:
        return problems()[problem_id]
    except KeyError:
        known = ", ".join(sorted(problems()))
        msg = f"no problem {problem_id!r}; known problems: {known}"
        raise LookupError(msg) from None


def practice(problem_id: str, *, track: bool = True) -> ProblemHandle:
    """A handle with ``check()``, ``hint()`` and ``solution()`` for a practice problem.

    With `track`, each check is recorded in the learner's local progress file.
    """
    short = problem_id if "." in problem_id else f"practice.{problem_id}"
    problem = get_problem(short)
    on_check: Any = None
    if track:
        from ...progress import record_check

        on_check = record_check
    return ProblemHandle(problem, on_check=on_check)


def problem_data(problem_id: str, name: str | None = None) -> Any:
    """A fresh copy of one public input of a problem (e.g. its item list as a DataFrame)."""
    return ProblemHandle(get_problem(problem_id)).data(name)
