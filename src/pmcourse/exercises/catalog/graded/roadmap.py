"""Graded problems of the roadmap assignment, on Kindling (scheduling for home-care agencies).

A different product from the practice set, so the practice key does not answer it. The key is in
``autograders/keys/roadmap.feature_split.json``.
"""

from __future__ import annotations

from ...engine.problem import Problem
from ...graders.labels import ONE_LABEL_CAP
from ...graders.split import FeatureSplit

KINDLING_FEATURES = (
    {"item_id": "K01", "text": "Add GPS check-in when a carer arrives at a client's home"},
    {"item_id": "K02", "text": "Send the carer a push alert 30 minutes before each visit"},
    {"item_id": "K03", "text": "Fewer client visits are missed or start late"},
    {"item_id": "K04", "text": "Show late visits in red on the coordinator dashboard"},
    {"item_id": "K05", "text": "Add voice dictation to the visit notes form"},
    {"item_id": "K06", "text": "Pre-fill the medication checklist from the care plan"},
    {"item_id": "K07", "text": "Carers spend less of their day on paperwork after visits"},
    {"item_id": "K08", "text": "Migrate visit notes to the new database schema"},
    {"item_id": "K09", "text": "Build a family portal page with the week's visit log"},
    {"item_id": "K10", "text": "Email families a short summary after each visit"},
    {"item_id": "K11", "text": "Families feel informed about their relative's care"},
    {"item_id": "K12", "text": "Let families message the care coordinator from the app"},
    {"item_id": "K13", "text": "List the carers who are free and qualified for an open shift"},
    {"item_id": "K14", "text": "Let carers accept an open shift with one tap"},
    {"item_id": "K15", "text": "Coordinators fill an open shift within an hour"},
    {"item_id": "K16", "text": "Broadcast open shifts to nearby carers by SMS"},
    {"item_id": "K17", "text": "Fix the bug that moves visits by an hour after a daylight-saving change"},
    {"item_id": "K18", "text": "Record visit notes offline when there is no signal"},
)

FEATURE_SPLIT = Problem(
    id="roadmap.feature_split",
    title="Split Kindling's feature list into roadmap outcomes and backlog tasks",
    prompt=(
        "Kindling schedules carers for home-care agencies. Label every item of `items` as a "
        "roadmap `'outcome'` or a backlog `'task'`, and give every task the `outcome_id` of the "
        "outcome it serves. Store the result in a DataFrame `split` with the columns `item_id`, "
        "`kind` and `outcome_id`."
    ),
    vars=("split",),
    grader=FeatureSplit(),
    caps={ONE_LABEL_CAP: 0.1},
    data={"items": KINDLING_FEATURES},
    points=6.0,
    hints=(
        "Outcomes describe a change for carers, coordinators, clients or families; tasks are work "
        "the team can finish and tick off.",
    ),
)

PROBLEMS = (FEATURE_SPLIT,)
