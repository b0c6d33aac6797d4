"""Practice: Larder's opportunity solution tree and its bets, for lesson 07 (discovery)."""

from __future__ import annotations

from ...engine.problem import Problem
from ...graders.prioritise import NONE, DiscoveryPriorities

OUTCOME = "New users plan their first week of meals within ten minutes of signing up"

OPPORTUNITIES = (
    {"opportunity_id": "O1", "opportunity": "\"Typing in everything in our pantry takes too "
                                            "long.\""},
    {"opportunity_id": "O2", "opportunity": "\"Starting from an empty week feels like "
                                            "homework.\""},
    {"opportunity_id": "O3", "opportunity": "\"Our family never agrees on what to cook.\""},
)

EXPERIMENTS = (
    {"experiment_id": "X1", "experiment": "Show five new households a paper prototype of a week "
                                          "already filled in from three questions, and count "
                                          "how many keep it as their plan"},
    {"experiment_id": "X2", "experiment": "Ask ten parents to photograph one fridge shelf and "
                                          "check how many items a photo reader names "
                                          "correctly"},
    {"experiment_id": "X3", "experiment": "In a test group, let everyone at home vote on three "
                                          "suggested dinners, and count the households where "
                                          "at least two people vote"},
    {"experiment_id": "X4", "experiment": "Time twenty households entering their pantry by "
                                          "voice, against the same households typing it"},
    {"experiment_id": "X5", "experiment": "Ask current customers which colour theme they like "
                                          "best for the app"},
    {"experiment_id": "X6", "experiment": "Add a button 'copy the plan of a household like "
                                          "yours' that leads to a 'coming soon' page, and count "
                                          "the taps"},
    {"experiment_id": "X7", "experiment": "Let the children in three families each pick one "
                                          "dinner of the week, and see whether the family cooks "
                                          "the whole plan"},
)

BETS = (
    {"bet_id": "B1", "bet": "A chat assistant that plans the week in conversation",
     "reach": 3000, "impact": 3.0, "confidence": 0.5, "effort": 6.0},
    {"bet_id": "B2", "bet": "Next week built from last week's favourite meals",
     "reach": 6000, "impact": 1.0, "confidence": 0.8, "effort": 4.0},
    {"bet_id": "B3", "bet": "A printable blank weekly planner",
     "reach": 3000, "impact": 0.25, "confidence": 1.0, "effort": 0.75},
    {"bet_id": "B4", "bet": "Starter plan filled in from three questions about the household",
     "reach": 3000, "impact": 2.0, "confidence": 0.8, "effort": 2.0},
    {"bet_id": "B5", "bet": "Copy the plan of a similar household",
     "reach": 3000, "impact": 1.0, "confidence": 0.5, "effort": 1.0},
)

DISCOVERY_PRIORITIES = Problem(
    id="practice.discovery_priorities",
    title="From an outcome to the bets worth building",
    prompt=(
        f"Larder's Now outcome is *{OUTCOME.lower()}*. Interviews turned up three "
        "opportunities (`q.show('opportunities')`), and the team has seven experiments in mind "
        "(`q.show('experiments')`). **First**, for each experiment choose the opportunity its "
        f"result would teach the team about, or `'{NONE}'` if it tests nothing on this tree. "
        "**Then** the team picked the opportunity *\"Starting from an empty week feels like "
        "homework\"* and listed five bets with their RICE estimates (`q.show('bets')`: reach "
        "in new households a quarter, impact on the 0.25 to 3 scale, confidence as a share, "
        "effort in person-months). Put the bets in order of RICE score, highest first. Answer "
        "with the form from `q.answer()`, or in code: `tests = {'X1': 'O2', ...}` and "
        "`ranking = ['B?', ...]`, then `q.check(tests, ranking)`."
    ),
    vars=("tests", "ranking"),
    grader=DiscoveryPriorities(),
    data={"opportunities": OPPORTUNITIES, "experiments": EXPERIMENTS, "bets": BETS},
    points=3.0,
    hints=(
        "For each experiment ask: when the result comes in, which customer problem do we know "
        "more about? The feature an experiment mentions matters less than what it measures.",
        "One experiment would not tell the team anything about planning a first week at all. "
        "For the bets, RICE is reach × impact × confidence ÷ effort: compute all five before "
        "you sort.",
        "Two bets are easy to over-rate: the one that reaches the most households and the one "
        "with the largest impact. Check what their confidence and effort do to the score.",
    ),
    key={
        "tests": {"X1": "O2", "X2": "O1", "X3": "O3", "X4": "O1", "X5": NONE, "X6": "O2",
                  "X7": "O3"},
        "order": ["B4", "B5", "B2", "B3", "B1"],
    },
    explanation=(
        "Experiments belong to the opportunity their result speaks to: a pre-filled paper week "
        "and a fake-door 'copy a plan' button both test whether an empty week is the obstacle; "
        "the photo reader and voice entry test the chore of typing in the pantry; votes and "
        "children's picks test whether families can agree. A colour survey tests nothing on "
        "this tree. RICE puts the starter plan first (2,400): a large impact, fairly sure, "
        "cheap enough. The chat assistant has the largest impact but the lowest confidence "
        "and the largest effort, so it comes last (750). The score is a conversation starter: "
        "the team may still run the cheap fake-door test for B5 first to raise its confidence."
    ),
)

PROBLEMS = (DISCOVERY_PRIORITIES,)
