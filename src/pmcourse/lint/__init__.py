"""The statement linter: says what is wrong with a vision, mission, strategy, roadmap outcome,
backlog item or North Star, why, and how to fix it.

    from pmcourse.lint import lint, Finding, RULES, KINDS, has_errors
    findings = lint("Become the number one meal app", "vision")

``RULES`` maps ``"kind/rule-id"`` (e.g. ``"vision/internal-goal"``) to a :class:`Rule`, in
declaration order. Deterministic: lexicons, regular expressions and a little structure; no model,
no network. The thresholds are in :mod:`pmcourse.lint.config`.

The names are loaded on first use, so ``pmcourse`` commands that never lint do not pay for
compiling the rules.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .api import KINDS, RULES, SEVERITIES, Finding, Rule, has_errors, lint, rules_for

__all__ = ["KINDS", "RULES", "SEVERITIES", "Finding", "Rule", "has_errors", "lint", "rules_for"]


def __getattr__(name: str) -> Any:
    """Loads the public API from :mod:`pmcourse.lint.api` the first time a name is used."""
    if name in __all__:
        value = getattr(importlib.import_module(".api", __name__), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted([*globals(), *__all__])
