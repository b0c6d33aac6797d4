"""The helpers a graded notebook's test cell calls: `check_form` (public) and `grade` (hidden).

``check_form("roadmap.feature_split", globals())`` is the visible part of a test cell: it checks
only the form of the answer, with no key, so that ``nbgrader validate`` and the Validate button
fail on an untouched or malformed answer and say what to fix. The hidden part,
``float(grade("roadmap.feature_split", globals()))``, grades it.

It runs inside the grading kernel in one of two modes:

- **capture** (the pmcourse pipeline sets ``PMCOURSE_GRADING_MODE=capture``): the answers are
  encoded as plain data into a display output and the cell returns 0.0; the pipeline scores them
  outside the kernel, with a key the kernel cannot read, and writes the real score in.
- **local** (stock ``nbgrader autograde`` or ``validate``, an instructor's own run): the key is
  read from the course's ``autograders/`` folder, the answers are scored here, the per-criterion
  feedback is printed to stdout and the points are returned.

Either way the same `Problem.check` decides, the value is a plain float in [0, points], and
nothing is written to stderr (nbgrader scores any stderr output as zero).
"""

from __future__ import annotations

import os
import sys
import textwrap
import warnings
from typing import Any

MODE_ENV = "PMCOURSE_GRADING_MODE"

# Objects a submission might replace to fake a pass; each must still come from its own module.
_GUARDED = (
    ("builtins", ("float", "int", "str", "len", "isinstance", "type", "sum", "round", "min", "max",
                  "print", "abs", "all", "any", "sorted", "set", "dict", "list", "getattr")),
    ("json", ("dumps", "loads")),
    ("pandas", ("DataFrame",)),
    ("pandas.testing", ("assert_frame_equal",)),
    ("pmcourse.exercises.engine.problem", ("Problem",)),
    ("pmcourse.grading.kernel.capture", ("encode_answers",)),
)


def integrity_problems() -> list[str]:
    """Names of guarded functions or classes that no longer come from their own module."""
    found = []
    for module_name, names in _GUARDED:
        module = sys.modules.get(module_name)
        if module is None:
            continue
        for name in names:
            obj = getattr(module, name, None)
            origin = getattr(obj, "__module__", None) or ""
            home = module_name.split(".")[0]
            if obj is None or not (origin.startswith(home) or origin == "builtins"):
                found.append(f"{module_name}.{name} was replaced")
    frame = sys.modules.get("pandas")
    if frame is not None:
        eq = getattr(frame.DataFrame, "__eq__", None)
        if not (getattr(eq, "__module__", "") or "").startswith("pandas"):
            found.append("pandas.DataFrame.__eq__ was replaced")
    return found


def grade(problem_id: str, namespace: dict[str, Any]) -> float:
    """Grades the problem's variables found in `namespace`; returns points (local mode) or 0.0."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from pmcourse.exercises.engine.registry import get_problem

        problem = get_problem(problem_id)
        answers = {name: namespace[name] for name in problem.vars if name in namespace}
        if os.environ.get(MODE_ENV) == "capture":
            return _capture(problem_id, answers)
        from .keys import load_key

        result = problem.check(answers, load_key(problem_id))
        print(f"[{problem.title}]")
        print(result)
        return result.points(problem.points)


def _capture(problem_id: str, answers: dict[str, Any]) -> float:
    from IPython.display import display

    from .capture import MIME, encode_answers

    payload = encode_answers(problem_id, answers)
    payload["anomalies"].extend(integrity_problems())
    display({MIME: payload, "text/plain": f"answers to {problem_id} captured for grading"},
            raw=True)
    return 0.0


class _KeyNeeded(BaseException):
    """Raised when a grader reaches for the key: the answer's form was read without complaint.
    A BaseException, so a grader's own ``except Exception`` cannot swallow it."""


class _NoKey:
    """Stands in for the key in a form check; any use of it ends the check (see _KeyNeeded)."""

    def _stop(self, *args: Any, **kwargs: Any) -> Any:
        raise _KeyNeeded

    __getattr__ = __getitem__ = __iter__ = __contains__ = __len__ = __bool__ = _stop
    __eq__ = __ne__ = __hash__ = __lt__ = __gt__ = __call__ = __index__ = __float__ = _stop


def form_problem(problem_id: str, namespace: dict[str, Any]) -> str | None:
    """What is wrong with the form of the answers to `problem_id`, or None when it looks right.

    Key-free: the problem's own grader reads the answers until it first needs the key, so the
    check says exactly what that grader would say about an unanswered or malformed answer, and
    never whether the answer is right.
    """
    from pmcourse.exercises.engine.errors import AnswerError, NotAttempted
    from pmcourse.exercises.engine.placeholder import is_placeholder
    from pmcourse.exercises.engine.registry import get_problem

    problem = get_problem(problem_id)
    for name in problem.vars:
        if name not in namespace:
            return f"`{name}` is not defined yet: run the cell that sets it, then this one."
        if is_placeholder(namespace[name]):
            return f"`{name}` still holds the placeholder `____`: replace it with your answer."
    answers = {name: namespace[name] for name in problem.vars}
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            problem.grader.grade(problem, answers, _NoKey())
        except NotAttempted as exc:
            return f"not answered yet: {exc}"
        except AnswerError as exc:
            return str(exc)
        except _KeyNeeded:
            return None
        except Exception:  # a form check never blocks on trouble inside our own grader
            return None
    return None


def check_form(problem_id: str, namespace: dict[str, Any]) -> None:
    """Fails (AssertionError with what to fix) when an answer is missing or malformed.

    During autograding it does nothing: the hidden check grades every answer, malformed ones
    included, with the same partial credit stock nbgrader would give.
    """
    if os.environ.get("NBGRADER_EXECUTION") == "autograde":
        return
    problem = form_problem(problem_id, namespace)
    if problem:
        # short lines: nbgrader validate cuts each line of an error at about 90 characters
        raise AssertionError("\n".join(textwrap.wrap(f"Not ready to submit: {problem}", 70)))
    print("The form of your answer looks right (the hidden checks decide whether it is right).")
