"""Signals raised inside a grader and turned into a `CheckResult` in exactly one place."""

from __future__ import annotations


class NotAttempted(Exception):
    """The learner has not answered yet (a placeholder, an empty table)."""


class AnswerError(Exception):
    """The answer has the wrong shape; the message says what is wrong and how to fix it."""
