"""Graded roadmap problems on Kindling (scheduling for home-care agencies): Now-Next-Later and
timeline to outcomes. Their keys (optimum, families) are in ``autograders/keys/roadmap.*.json``.
"""

from __future__ import annotations

from ...engine.problem import Problem
from ...graders.roadmap_plan import NO_PLAN_CAP, NowNextLater
from ...graders.timeline import LUMPED_CAP, NO_OUTCOME_CAP, TimelineToOutcomes


def _item(item_id: str, initiative: str, intent: str, effort: int, value: int,
          depends_on: str = "", deadline: str = "") -> dict[str, object]:
    return {"item_id": item_id, "initiative": initiative, "intent": intent, "effort": effort,
            "value": value, "depends_on": depends_on, "deadline": deadline}


KINDLING_INITIATIVES = (
    _item("G01", "Carers check in on arrival without phoning the office", "Visits on time", 5, 7),
    _item("G02", "Coordinators see late visits as they happen", "Visits on time", 3, 8, "G01"),
    _item("G03", "Carers are reminded before each visit", "Visits on time", 2, 4),
    _item("G04", "Carers finish visit notes in half the time", "Less paperwork", 8, 9),
    _item("G05", "Every visit has a complete medication record", "Less paperwork", 3, 6, "",
          "The care regulator requires a medication record for every visit from 1 March"),
    _item("G06", "Carers write visit notes where there is no signal", "Less paperwork", 5, 5,
          "G04"),
    _item("G07", "Families see the week's visits for their relative", "Informed families", 5, 6),
    _item("G08", "Families hear from the carer after each visit", "Informed families", 3, 4,
          "G07"),
    _item("G09", "Families reach the coordinator without phoning", "Informed families", 5, 3,
          "G07"),
    _item("G10", "Open shifts are filled within the hour", "Shifts filled", 8, 8, "G11"),
    _item("G11", "Coordinators see which carers are free and qualified", "Shifts filled", 3, 6),
    _item("G12", "Carers take an open shift with one tap", "Shifts filled", 3, 5, "G11"),
)
KINDLING_LIMITS = {"now_capacity": 14, "next_capacity": 21}

NOW_NEXT_LATER = Problem(
    id="roadmap.now_next_later",
    title="Plan Kindling's Now / Next / Later under dependencies and capacity",
    prompt=(
        "Kindling's team can take on **14 effort points** in Now and **21** in Next; Later has "
        "no limit. Place each of the `initiatives` in `'now'`, `'next'` or `'later'`: every item "
        "once, nothing before an item it `depends_on`, Now and Next within capacity, and any "
        "item with a hard `deadline` in Now. Among such plans, aim for value (Now earns an "
        "item's full `value`, Next half, Later nothing). Store a DataFrame `plan` with the "
        "columns `item_id` and `horizon`."
    ),
    vars=("plan",),
    grader=NowNextLater(),
    caps={NO_PLAN_CAP: 0.1},
    data={"initiatives": KINDLING_INITIATIVES, "limits": KINDLING_LIMITS},
    points=5.0,
    hints=(
        "Place the item with an outside deadline first, then follow the dependency arrows; "
        "compare value per effort point for the rest.",
    ),
)

KINDLING_TIMELINE = (
    {"feature_id": "F01", "date": "2027-02-01", "feature": "GPS check-in when a carer arrives",
     "constraint": ""},
    {"feature_id": "F02", "date": "2027-02-15", "feature": "Push alert 30 minutes before each "
     "visit", "constraint": ""},
    {"feature_id": "F03", "date": "2027-03-01", "feature": "Late visits shown in red on the "
     "coordinator dashboard", "constraint": ""},
    {"feature_id": "F04", "date": "2027-03-01", "feature": "Medication checklist pre-filled "
     "from the care plan", "constraint": "The care regulator requires a medication record for "
     "every visit from 1 March 2027"},
    {"feature_id": "F05", "date": "2027-04-01", "feature": "Voice dictation for visit notes",
     "constraint": ""},
    {"feature_id": "F06", "date": "2027-04-15", "feature": "Visit notes recorded offline",
     "constraint": ""},
    {"feature_id": "F07", "date": "2027-05-01", "feature": "Family portal with the week's visit "
     "log", "constraint": ""},
    {"feature_id": "F08", "date": "2027-05-20", "feature": "Email summary to the family after "
     "each visit", "constraint": ""},
    {"feature_id": "F09", "date": "2027-06-10", "feature": "Families message the coordinator in "
     "the app", "constraint": ""},
    {"feature_id": "F10", "date": "2027-07-01", "feature": "List of free, qualified carers for "
     "an open shift", "constraint": ""},
    {"feature_id": "F11", "date": "2027-08-01", "feature": "One-tap shift acceptance",
     "constraint": ""},
    {"feature_id": "F12", "date": "2027-09-01", "feature": "SMS broadcast of open shifts",
     "constraint": "The county contract requires open shifts to be offered to carers within "
     "30 minutes from 1 September 2027"},
)

TIMELINE_TO_OUTCOMES = Problem(
    id="roadmap.timeline_to_outcomes",
    title="Turn Kindling's dated feature timeline into an outcome roadmap",
    prompt=(
        "Rebuild Kindling's dated feature list (`timeline`) as an outcome roadmap. Store a "
        "DataFrame `outcomes` with 2 to 5 rows and the columns `outcome_id`, `horizon` "
        "(`'now'`, `'next'` or `'later'`), `outcome` (a change for carers, coordinators, clients "
        "or families), `metric` and `date` (only where a hard external constraint sets one, "
        "else `None`), and a DataFrame `placement` with one row per feature and the columns "
        "`feature_id` and `outcome_id`."
    ),
    vars=("outcomes", "placement"),
    grader=TimelineToOutcomes(),
    caps={NO_OUTCOME_CAP: 0.2, LUMPED_CAP: 0.3},
    data={"timeline": KINDLING_TIMELINE},
    points=6.0,
    hints=(
        "Group features by the change each is meant to cause, word each group as that change, "
        "and keep dates only where the `constraint` column gives a reason.",
    ),
)

PROBLEMS = (NOW_NEXT_LATER, TIMELINE_TO_OUTCOMES)
