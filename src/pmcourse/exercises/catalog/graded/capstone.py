"""The capstone's graded problem: the learner's own strategy document, read from saved drafts.

Its key (weights and thresholds only) is ``autograders/keys/capstone.strategy_document.json``.
"""

from __future__ import annotations

from ...engine.problem import Problem
from ...graders.capstone import FINANCIAL_CAP, HOLLOW_CAP, StrategyDocumentCheck

PROMPT = (
    "Draft a strategy for a product of your choice with the course's drafting tools: "
    "`VisionDrafter`, `MissionDrafter`, `StrategyCanvas`, `NorthStarPicker`, `RoadmapBoard` and "
    "`BacklogBuilder`, each saving to the `drafts/` folder next to this notebook. Then read "
    "them all with `strategy = load_strategy(\"drafts\")` (from `pmcourse.widgets`). The "
    "checks grade that plain `strategy` value: every part complete, vision and mission free of "
    "the linter's errors and distinct, a North Star that is no money metric with three to five "
    "inputs, roadmap cards that are outcomes on a feasible board, and every backlog item "
    "linked to a roadmap outcome. Submit the `drafts/` folder with the notebook."
)

HINTS = (
    "Work top-down: each widget lists what its part still misses; when every list is empty, "
    "completeness is full.",
    "Run `lint(text, kind)` from `pmcourse.lint` on your vision, mission, North Star and each "
    "roadmap outcome: every error it shows costs points here too, and its message says how to "
    "fix it.",
    "In the BacklogBuilder, pick a roadmap outcome for every item; an item whose outcome you "
    "deleted from the board must be linked again.",
)

STRATEGY_DOCUMENT = Problem(
    id="capstone.strategy_document",
    title="Your strategy document",
    prompt=PROMPT,
    vars=("strategy",),
    grader=StrategyDocumentCheck(),
    caps={FINANCIAL_CAP: 0.7, HOLLOW_CAP: 0.7},
    points=10.0,
    hints=HINTS,
)

PROBLEMS = (STRATEGY_DOCUMENT,)
