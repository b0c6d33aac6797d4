"""Practice on roadmaps, using Larder, the course's running case (a meal-planning app)."""

from __future__ import annotations

from ...engine.problem import Problem
from ...graders.labels import ONE_LABEL_CAP
from ...graders.split import FeatureSplit

LARDER_FEATURES = (
    {"item_id": "L01", "text": "Households throw away less food each week"},
    {"item_id": "L02", "text": "Add barcode scanning to the pantry screen"},
    {"item_id": "L03", "text": "Send a reminder the day before an ingredient expires"},
    {"item_id": "L04", "text": "New users plan their first week of meals within ten minutes of signing up"},
    {"item_id": "L05", "text": "Build a 'use it up' filter that ranks recipes by what expires soonest"},
    {"item_id": "L06", "text": "Shorten the sign-up form to three fields"},
    {"item_id": "L07", "text": "Pre-fill a starter meal plan from the household's dietary answers"},
    {"item_id": "L08", "text": "Write the tooltip copy for the planner's first screen"},
    {"item_id": "L09", "text": "Families cook at home on more weeknights"},
    {"item_id": "L10", "text": "Add a 'ready in 20 minutes' tag and filter to recipes"},
    {"item_id": "L11", "text": "Let a family member swap tonight's meal with one tap"},
    {"item_id": "L12", "text": "Show a weekly count of meals cooked at home"},
    {"item_id": "L13", "text": "Shoppers buy only what their meal plan needs"},
    {"item_id": "L14", "text": "Generate a shopping list from the week's plan, minus what is in the pantry"},
    {"item_id": "L15", "text": "Integrate with the GrocerHub API to send the list to an online basket"},
    {"item_id": "L16", "text": "Group the shopping list by supermarket aisle"},
)

FEATURE_SPLIT = Problem(
    id="practice.feature_split",
    title="Split Larder's wish list into roadmap outcomes and backlog tasks",
    prompt=(
        "Larder's stakeholders handed you one long list. Some items say how people's lives "
        "should change (roadmap **outcomes**); most say what the team would build or do "
        "(backlog **tasks**). Build a DataFrame `split` with one row per item and the columns "
        "`item_id`, `kind` (`'outcome'` or `'task'`) and `outcome_id` (for a task, the id of the "
        "outcome it serves; empty for an outcome). Then run `q.check(split)`."
    ),
    vars=("split",),
    grader=FeatureSplit(),
    caps={ONE_LABEL_CAP: 0.1},
    data={"items": LARDER_FEATURES},
    points=4.0,
    hints=(
        "An outcome is a change you could observe in users' behaviour or results, whatever the "
        "team ships. A task names a thing to build, fix, write or integrate.",
        "Read each item and ask: could the team finish it in a sprint and tick it off? If yes, it "
        "is a task. If it only comes true when users behave differently, it is an outcome.",
        "Four of the sixteen items are outcomes. Each of them has three tasks that serve it; link "
        "each task to the outcome that moves when the task ships.",
    ),
    key={
        "kind": {
            "L01": "outcome", "L04": "outcome", "L09": "outcome", "L13": "outcome",
            **{i: "task" for i in ("L02", "L03", "L05", "L06", "L07", "L08", "L10", "L11",
                                   "L12", "L14", "L15", "L16")},
        },
        "parents": {
            "L02": ["L01", "L13"], "L03": ["L01"], "L05": ["L01"],
            "L06": ["L04"], "L07": ["L04"], "L08": ["L04"],
            "L10": ["L09"], "L11": ["L09"], "L12": ["L09"],
            "L14": ["L13", "L01"], "L15": ["L13"], "L16": ["L13"],
        },
    },
    explanation=(
        "The four outcomes describe a change for households (less waste, a quick first plan, more "
        "home cooking, leaner shopping) and say nothing about how the team gets there. Every "
        "other item is a piece of work the team could finish and tick off: it belongs in the "
        "backlog, linked up to the outcome it is meant to move. Barcode scanning (L02) and the "
        "pantry-aware shopping list (L14) serve two outcomes, so either link is accepted."
    ),
)

PROBLEMS = (FEATURE_SPLIT,)
