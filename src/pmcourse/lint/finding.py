"""The result of one rule firing on one place in a statement."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

SEVERITIES = ("error", "warning", "info")


@dataclass(frozen=True)
class Finding:
    """One problem found in a statement: which rule, how serious, what to do, where.

    ``span`` holds character offsets ``(start, end)`` into the linted text, so
    ``text[start:end]`` is the offending words (the whole text for "something is missing").
    """

    rule: str
    severity: str
    message: str
    lesson: str
    span: tuple[int, int]

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict: ``{"rule", "severity", "message", "lesson", "span": [s, e]}``."""
        return {
            "rule": self.rule,
            "severity": self.severity,
            "message": self.message,
            "lesson": self.lesson,
            "span": [self.span[0], self.span[1]],
        }


def has_errors(findings: Iterable[Finding]) -> bool:
    """True when at least one finding has severity ``"error"``."""
    return any(f.severity == "error" for f in findings)
