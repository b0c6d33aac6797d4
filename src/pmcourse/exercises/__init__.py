"""The exercise engine: problems as data, one check mechanism for practice and graded work.

A practice notebook does::

    from pmcourse.exercises import practice, ____
    q = practice("feature_split")
    items = q.data()
    q.check(split); q.hint(); q.solution()
"""

from .errors import AnswerError, NotAttempted
from .handle import ProblemHandle
from .placeholder import ____, is_placeholder
from .problem import Grader, Problem
from .registry import get_problem, practice, problem_data, problems
from .result import CheckResult, CriterionResult, Outcome

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
