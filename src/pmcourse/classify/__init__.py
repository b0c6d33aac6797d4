"""Which artifact does a statement read like: vision, mission, strategy, roadmap outcome or
backlog task? A transparent weighted sum of the linter's own lexicons, with reasons.

    from pmcourse.classify import classify
    classify("As a cook, I want to swap a dinner").kind   # "task"
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any

from ..lint.engine import check_text
from .features import CLASS_KINDS, CUES

__all__ = ["CLASS_KINDS", "Classification", "classify"]

TEMPERATURE = 2.0
"""Softens the scores so that they read as confidence rather than near-certainty [H]."""

WEAK = 0.4
"""Below this top score the result is reported as a weak guess [H]."""

_PRIOR = {"vision": 0.2, "mission": 0.0, "strategy": 0.0, "outcome": 0.0, "task": 0.0}


@dataclass(frozen=True)
class Classification:
    """The kind a statement reads like, a score per kind (summing to 1) and the reasons."""

    text: str
    kind: str
    scores: dict[str, float] = field(hash=False)
    reasons: list[str] = field(hash=False)

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict: ``{"text", "kind", "scores", "reasons"}``."""
        return {"text": self.text, "kind": self.kind, "scores": dict(self.scores),
                "reasons": list(self.reasons)}


def _quote(words: list[str]) -> str:
    return ", ".join(f"'{w}'" for w in dict.fromkeys(w.strip() for w in words))


def classify(text: str) -> Classification:
    """Classifies ``text``; raises ValueError for empty or non-string input."""
    text = check_text(text)
    logits = dict(_PRIOR)
    fired: list[tuple[dict[str, float], str]] = []
    for cue in CUES:
        words = cue.detect(text)
        if not words:
            continue
        for kind, weight in cue.weights.items():
            logits[kind] += weight
        fired.append((cue.weights, cue.reason.format(words=_quote(words))))
    top = max(logits.values())
    exp = {k: math.exp((v - top) / TEMPERATURE) for k, v in logits.items()}
    total = sum(exp.values())
    scores = {k: round(exp[k] / total, 4) for k in CLASS_KINDS}
    kind = max(CLASS_KINDS, key=lambda k: (logits[k], -CLASS_KINDS.index(k)))
    support = sorted((w.get(kind, 0.0), r) for w, r in fired if w.get(kind, 0.0) > 0)
    reasons = [r for _, r in reversed(support)]
    if scores[kind] < WEAK:
        reasons.insert(0, f"no strong cue: {kind} is only slightly ahead ({scores[kind]:.2f}), "
                          "so treat this as a guess")
    return Classification(text, kind, scores, reasons)
