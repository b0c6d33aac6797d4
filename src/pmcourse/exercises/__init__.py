"""The exercise engine: problems as data, one check mechanism for practice and graded work.

A practice notebook does::

    from pmcourse.exercises import practice, ____
    q = practice("feature_split")
    items = q.data()
    q.check(split); q.hint(); q.solution()
"""

from .engine.errors import AnswerError, NotAttempted
from .engine.handle import ProblemHandle
from .engine.placeholder import ____, is_placeholder
from .engine.problem import Grader, Problem
from .engine.registry import get_problem, practice, problem_data, problems
from .engine.result import CheckResult, CriterionResult, Outcome

__all__ = [
    "AnswerError",
    "CheckResult",
    "CriterionResult",
    "Grader",
    "NotAttempted",
    "Outcome",
    "Problem",
    "ProblemHandle",
    "____",
    "get_problem",
    "is_placeholder",
    "practice",
    "problem_data",
    "problems",
]
