"""Self-check for the capstone (lesson 10): the same checks as the graded capstone, key shipped.

The key holds only weights and thresholds, so shipping it gives nothing away:
``practice("capstone").check(load_strategy("drafts"))``.
"""

from __future__ import annotations

from typing import Any

from ...engine.problem import Problem
from ...graders.capstone import FINANCIAL_CAP, HOLLOW_CAP, StrategyDocumentCheck
from ..graded.capstone import HINTS, PROMPT

KEY: dict[str, Any] = {
    "weights": {
        "complete": 0.3,
        "vision_lint": 0.1,
        "mission_lint": 0.1,
        "consistent": 0.05,
        "north_star": 0.15,
        "roadmap_outcomes": 0.1,
        "roadmap_plan": 0.05,
        "backlog_links": 0.15,
    },
    "part_weights": {"vision": 1, "mission": 1, "strategy_canvas": 2, "north_star": 1,
                     "roadmap": 2, "backlog": 1},
    "min_inputs": 3,
    "max_inputs": 5,
    "north_star_rules": ["financial-metric", "vanity-metric", "initiative-not-metric"],
    "outcome_rules": ["output-not-outcome", "story-on-roadmap"],
}
"""Criterion weights (summing to 1), part weights for completeness, and the rule thresholds."""

CAPSTONE = Problem(
    id="practice.capstone",
    title="Self-check: your strategy document",
    prompt=PROMPT,
    vars=("strategy",),
    grader=StrategyDocumentCheck(),
    caps={FINANCIAL_CAP: 0.7, HOLLOW_CAP: 0.7},
    points=10.0,
    hints=HINTS,
    key=KEY,
    explanation=("The checks cannot judge whether your choices are wise; they check that the "
                 "document is complete and that its parts follow the course's rules. Use the "
                 "review table in lesson 10 for the rest."),
)

PROBLEMS = (CAPSTONE,)
