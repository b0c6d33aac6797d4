"""The linter's public functions; :mod:`pmcourse.lint` re-exports them on first use."""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

from . import config
from . import rules as _rules  # noqa: F401  (registers every rule)
from .engine import KINDS, Rule, check_text, normalise_kind, registry, run_rules
from .finding import SEVERITIES, Finding, has_errors

__all__ = ["KINDS", "RULES", "SEVERITIES", "Finding", "Rule", "has_errors", "lint", "rules_for"]

RULES: Mapping[str, Rule] = MappingProxyType(registry())
"""Every rule, keyed ``"kind/rule-id"``; read-only."""


def lint(text: str, kind: str, *, context: Mapping[str, str] | None = None) -> list[Finding]:
    """The findings for ``text`` read as a ``kind`` statement: errors first, then by position.

    ``context`` carries related drafts, e.g. ``{"vision": "..."}`` for the mission's
    ``same-as-vision``. Only the first ``config.LINT_MAX_CHARS`` characters are read; a longer
    text gets a ``too-long-to-check`` warning. Raises ValueError with a clear message for an
    unknown kind or empty text.
    """
    text = check_text(text)
    kind = normalise_kind(kind)
    ctx: dict[str, str] = {}
    if context is not None:
        if not isinstance(context, Mapping):
            raise ValueError("context must be a mapping such as {'vision': '...'}.")
        ctx = {str(k): v for k, v in context.items() if isinstance(v, str)}
    if len(text) <= config.LINT_MAX_CHARS:
        return run_rules(text, kind, ctx)
    read = text[: config.LINT_MAX_CHARS]
    note = Finding(
        "too-long-to-check", "warning",
        f"Only the first {config.LINT_MAX_CHARS:,} of {len(text):,} characters were checked. "
        "A statement this long is several statements: split it, or cut it to what matters.",
        rules_for(kind)[0].lesson, (config.LINT_MAX_CHARS, len(text)))
    return [*run_rules(read, kind, ctx), note]


def rules_for(kind: str) -> list[Rule]:
    """The rules that apply to ``kind``, in declaration order."""
    kind = normalise_kind(kind)
    return [r for r in RULES.values() if r.kind == kind]
