"""Graded problems of assignment a2_strategy_goals, on Spokes (repairs and parts for bike shops).

A different product from the practice set (Larder), so practice keys do not answer these. The
keys are in ``autograders/keys/strategy_goals.<name>.json``, never in this package.
"""

from __future__ import annotations

from ...engine.problem import Problem
from ...graders.choice import (
    NO_BEACHHEAD_CAP,
    NO_FOCUS_CAP,
    WEAK_BEACHHEAD_CAP,
    SegmentChoice,
)
from ...graders.north_star import CHECKLIST, FAILING_CAP, FINANCIAL_CAP, NorthStarPick
from ...graders.questions import CONTRADICTED_CAP, FourQuestions

SPOKES_SEGMENTS = (
    {"segment_id": "T1", "segment": "Urban commuter repair shops",
     "shops": 2400, "pain": 5, "fit": 4, "channel": True, "weeks_to_value": 3},
    {"segment_id": "T2", "segment": "E-bike specialists",
     "shops": 900, "pain": 5, "fit": 5, "channel": True, "weeks_to_value": 4},
    {"segment_id": "T3", "segment": "Chain franchise stores",
     "shops": 3000, "pain": 2, "fit": 2, "channel": False, "weeks_to_value": 16},
    {"segment_id": "T4", "segment": "Mobile mechanics working from vans",
     "shops": 1200, "pain": 4, "fit": 3, "channel": True, "weeks_to_value": 2},
    {"segment_id": "T5", "segment": "Rural shops",
     "shops": 1500, "pain": 3, "fit": 3, "channel": True, "weeks_to_value": 5},
    {"segment_id": "T6", "segment": "Bike-sharing fleet operators",
     "shops": 60, "pain": 4, "fit": 2, "channel": False, "weeks_to_value": 20},
    {"segment_id": "T7", "segment": "Second-hand bike refurbishers",
     "shops": 700, "pain": 3, "fit": 4, "channel": True, "weeks_to_value": 4},
    {"segment_id": "T8", "segment": "Racing and sport pro shops",
     "shops": 1100, "pain": 2, "fit": 3, "channel": False, "weeks_to_value": 3},
)
"""Spokes's segments: number of shops, pain and fit from 1 (low) to 5 (high), whether the parts
distributor's reseller network reaches them, and weeks until a shop sees value."""

ICP_AND_WONT_DO = Problem(
    id="strategy_goals.icp_and_wont_do",
    title="Choose Spokes's ideal customer profile and its won't-do list",
    prompt=(
        "Spokes sells booking and parts ordering to independent bike repair shops. `segments` "
        "lists eight segments. Two hard constraints hold this year: Spokes sells only through "
        "its parts distributor's reseller network (`channel` must be True), and onboarding "
        "budget covers at most six weeks (`weeks_to_value` at most 6). Among the rest, more "
        "`shops`, higher `pain` and `fit`, and fewer `weeks_to_value` are better; for a first "
        "segment (a beachhead) `pain` and `fit` count most, size and speed less. Store a dict "
        "`choice = {'icp': [...], 'wont_do': [...]}` with one or two segment ids for the ICP "
        "and at least two segments Spokes will not serve."
    ),
    vars=("choice",),
    grader=SegmentChoice(),
    caps={NO_BEACHHEAD_CAP: 0.2, WEAK_BEACHHEAD_CAP: 0.6, NO_FOCUS_CAP: 0.1},
    data={"segments": SPOKES_SEGMENTS},
    points=5.0,
    hints=(
        "Rule out what breaks a constraint, then drop what another segment beats on every "
        "column.",
    ),
)

SPOKES_FINDINGS = (
    {"finding_id": "P1", "finding": "Mechanics in urban commuter shops lose about five hours a "
                                    "week to phone calls about bookings and repair status."},
    {"finding_id": "P2", "finding": "Half of the repairs in pilot shops waited on a part that "
                                    "was ordered too late."},
    {"finding_id": "P3", "finding": "Most pilot shops signed up after the distributor Velotrade "
                                    "showed Spokes at its spring roadshow."},
    {"finding_id": "P4", "finding": "Pilot shops that sent status updates for most repairs in a "
                                    "week kept using Spokes after the trial."},
)

FOUR_QUESTIONS = Problem(
    id="strategy_goals.four_questions",
    title="Answer the four strategy questions for Spokes",
    prompt=(
        "Using `segments` and the research findings in `findings`, answer the four questions a "
        "product strategy must answer, each with its reason: what Spokes builds (`what`), whom "
        "it targets first (`who`), how it will grow (`grow`) and how the team will know the "
        "product is good (`good`). Store them in a dict `strategy` with those four keys, 12 to "
        "80 words each, naming the segments, findings or metrics each answer rests on."
    ),
    vars=("strategy",),
    grader=FourQuestions(),
    caps={CONTRADICTED_CAP: 0.7},
    data={"segments": SPOKES_SEGMENTS, "findings": SPOKES_FINDINGS},
    points=6.0,
    hints=(
        "Each answer makes a choice, points at a row of the data and says why.",
    ),
)

SPOKES_CANDIDATES = (
    {"metric_id": "M1", "metric": "Repairs handed back on the promised day, per week",
     "definition": "Repairs that shops using Spokes returned to the cyclist on the day they "
                   "promised, counted each week"},
    {"metric_id": "M2", "metric": "Annual contract value",
     "definition": "Yearly subscription revenue from all shops"},
    {"metric_id": "M3", "metric": "Total shops signed up",
     "definition": "Every shop that ever created an account"},
    {"metric_id": "M4", "metric": "Weekly logins by shop staff",
     "definition": "How many times staff signed in during the week"},
    {"metric_id": "M5", "metric": "Cyclist happiness index",
     "definition": "How happy cyclists feel about their bike, however we can estimate it"},
    {"metric_id": "M6", "metric": "Bookings made per week",
     "definition": "Repair bookings created in the last seven days, whether finished or not"},
    {"metric_id": "M7", "metric": "Star rating in the app stores",
     "definition": "Average rating given by anyone who reviews the app"},
)

SPOKES_INPUTS = (
    {"metric_id": "J1", "metric": "Share of repairs booked online instead of by phone"},
    {"metric_id": "J2", "metric": "Share of parts ordered before the bike arrives"},
    {"metric_id": "J3", "metric": "New shops that log their first repair within 5 days"},
    {"metric_id": "J4", "metric": "Status messages sent per repair"},
    {"metric_id": "J5", "metric": "Build a parts catalogue integration"},
    {"metric_id": "J6", "metric": "Quarterly gross margin"},
    {"metric_id": "J7", "metric": "Newsletter subscribers"},
)

NORTH_STAR = Problem(
    id="strategy_goals.north_star",
    title="Pick Spokes's North Star and its inputs",
    prompt=(
        "Choose Spokes's North Star from `candidates`, three to five input metrics that drive it "
        "from `inputs`, and for every candidate you reject the checklist criterion (`checklist`) "
        "it fails. Store a dict `north_star = {'metric': 'M?', 'inputs': [...], 'rejected': "
        "{'M?': 'criterion', ...}}`."
    ),
    vars=("north_star",),
    grader=NorthStarPick(),
    caps={FINANCIAL_CAP: 0.1, FAILING_CAP: 0.4},
    data={"candidates": SPOKES_CANDIDATES, "inputs": SPOKES_INPUTS, "checklist": CHECKLIST},
    points=6.0,
    hints=(
        "A North Star counts customers getting the product's value within a time window.",
    ),
)

PROBLEMS = (ICP_AND_WONT_DO, FOUR_QUESTIONS, NORTH_STAR)
