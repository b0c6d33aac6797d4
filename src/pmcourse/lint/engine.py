"""The rule engine: a rule is data plus a pure check function; ``lint`` runs the rules of a kind.

Rules register themselves with :func:`rule` when their module is imported; the registry is keyed
``"kind/rule-id"`` because one id (``empty-slogan``) can exist for several kinds.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field

from .finding import SEVERITIES, Finding

KINDS = ("vision", "mission", "strategy", "outcome", "task", "north_star")
"""The statement kinds the linter knows: one rule set each."""

KIND_ALIASES = {"roadmap": "outcome", "backlog": "task", "story": "task", "nsm": "north_star",
                "north-star": "north_star", "northstar": "north_star"}

LESSONS = ("01_leverage", "02_product_vision", "03_vision_vs_mission", "04_product_strategy",
           "05_measurable_goals", "06_roadmaps", "07_discovery_prioritisation", "08_backlogs",
           "09_values_principles_kpis")


@dataclass(frozen=True)
class Hit:
    """Where a check found a problem, with an optional detail put before the rule's message."""

    span: tuple[int, int]
    detail: str = ""


Check = Callable[[str, Mapping[str, str]], Iterable[Hit]]


@dataclass(frozen=True)
class Rule:
    """A lint rule: a stable id, its kind, severity, a message that explains and suggests a fix,
    the course lesson that teaches it, the source it comes from, and the check that finds it."""

    id: str
    kind: str
    severity: str
    message: str
    lesson: str
    source: str
    check: Check = field(repr=False, compare=False)

    @property
    def key(self) -> str:
        """The registry key, ``"kind/rule-id"``."""
        return f"{self.kind}/{self.id}"

    def run(self, text: str, context: Mapping[str, str]) -> list[Finding]:
        """Findings of this rule on ``text`` (one per place it fires)."""
        found = []
        for hit in self.check(text, context):
            message = f"{hit.detail} {self.message}" if hit.detail else self.message
            found.append(Finding(self.id, self.severity, message, self.lesson, hit.span))
        return found


_REGISTRY: dict[str, Rule] = {}


def rule(kind: str, rule_id: str, *, severity: str, lesson: str, source: str,
         message: str) -> Callable[[Check], Check]:
    """Decorator that registers a check function as the rule ``kind/rule_id``."""
    if kind not in KINDS or severity not in SEVERITIES or lesson not in LESSONS:
        raise ValueError(f"bad rule declaration {kind}/{rule_id}: {severity}, {lesson}")

    def register(check: Check) -> Check:
        key = f"{kind}/{rule_id}"
        if key in _REGISTRY:
            raise ValueError(f"rule {key} is declared twice")
        _REGISTRY[key] = Rule(rule_id, kind, severity, message, lesson, source, check)
        return check

    return register


def registry() -> dict[str, Rule]:
    """The registered rules, in declaration order."""
    return _REGISTRY


_RANK = {s: i for i, s in enumerate(SEVERITIES)}


def normalise_kind(kind: object) -> str:
    """The canonical kind for ``kind`` (aliases such as "roadmap" accepted), or ValueError."""
    if not isinstance(kind, str):
        raise ValueError(f"kind must be a string, one of {', '.join(KINDS)}; "
                         f"got {type(kind).__name__}.")
    key = kind.strip().lower().replace(" ", "_")
    key = KIND_ALIASES.get(key, key)
    if key not in KINDS:
        raise ValueError(f"unknown kind {kind!r}: use one of {', '.join(KINDS)}.")
    return key


def check_text(text: object) -> str:
    """``text`` if it is a non-blank string, else ValueError saying what to pass instead."""
    if not isinstance(text, str):
        raise ValueError("text must be a string (the statement to check); "
                         f"got {type(text).__name__}.")
    if not text.strip():
        raise ValueError("text is empty: write the statement first, then lint it.")
    return text


def run_rules(text: str, kind: str, context: Mapping[str, str]) -> list[Finding]:
    """Every finding of the rules of ``kind``, errors first, then by position in the text."""
    findings: list[Finding] = []
    for r in _REGISTRY.values():
        if r.kind == kind:
            findings.extend(r.run(text, context))
    return sorted(findings, key=lambda f: (_RANK[f.severity], f.span[0], f.span[1]))
