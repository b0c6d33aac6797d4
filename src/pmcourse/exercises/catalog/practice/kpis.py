"""Practice on Larder's KPI tree: map initiatives to the input metric each one moves."""

from __future__ import annotations

from ...engine.problem import Problem
from ...graders.kpi_tree import KpiTreeMapping
from ...graders.labels import ONE_LABEL_CAP

LARDER_TREE = (
    {"metric_id": "M0", "metric": "Meals cooked from a Larder plan per week", "parent_id": ""},
    {"metric_id": "M1", "metric": "Households that plan with Larder each week", "parent_id": "M0"},
    {"metric_id": "M2", "metric": "Meals planned per household per week", "parent_id": "M0"},
    {"metric_id": "M3", "metric": "Share of planned meals that get cooked", "parent_id": "M0"},
    {"metric_id": "M11", "metric": "New households that save a first plan", "parent_id": "M1"},
    {"metric_id": "M12", "metric": "Households that plan again the following week",
     "parent_id": "M1"},
    {"metric_id": "M21", "metric": "Weeknight dinners planned per household", "parent_id": "M2"},
    {"metric_id": "M22", "metric": "Weekend meals planned per household", "parent_id": "M2"},
    {"metric_id": "M31", "metric": "Planned meals with every ingredient at home on the day",
     "parent_id": "M3"},
    {"metric_id": "M32", "metric": "Planned meals swapped rather than skipped", "parent_id": "M3"},
)

LARDER_INITIATIVES = (
    {"item_id": "K1", "text": "Starter meal plan built from the household's dietary answers"},
    {"item_id": "K2", "text": "Sign-up form cut to three fields"},
    {"item_id": "K3", "text": "Sunday evening nudge to plan the coming week"},
    {"item_id": "K4", "text": "'Ready in 20 minutes' filter for busy evenings"},
    {"item_id": "K5", "text": "Shopping list that sends what the plan needs to an online basket"},
    {"item_id": "K6", "text": "Swap tonight's meal with one tap"},
    {"item_id": "K7", "text": "Brunch and batch-cooking ideas for Saturdays and Sundays"},
    {"item_id": "K8", "text": "Weekly recap of the meals the household cooked at home"},
)

KPI_TREE = Problem(
    id="practice.kpi_tree",
    title="Map Larder's initiatives onto its KPI tree",
    prompt=(
        "Larder's KPI tree (`tree`) breaks its top metric into input metrics: each row names "
        "its `parent_id`, and the root has none. For each initiative in `initiatives`, choose "
        "the metric in the tree that it moves most directly. Build a DataFrame `mapping` with "
        "the columns `item_id` and `metric_id`, then run `q.check(mapping)`."
    ),
    vars=("mapping",),
    grader=KpiTreeMapping(),
    caps={ONE_LABEL_CAP: 0.1},
    data={"tree": LARDER_TREE, "initiatives": LARDER_INITIATIVES},
    points=3.0,
    hints=(
        "Sketch the tree first: the root, its three children, and two leaves under each. "
        "Initiatives attach to leaves, the metrics a team can move this quarter.",
        "Every initiative moves the root in the end, so the root is never the answer. Ask which "
        "leaf would change first, within days of the initiative shipping.",
        "Sort the initiatives by who they act on: people who have not planned yet, people "
        "deciding whether to plan again, or people about to cook what they planned.",
    ),
    key={
        "parents": {
            "K1": ["M11"], "K2": ["M11"], "K3": ["M12"], "K4": ["M21", "M32"], "K5": ["M31"],
            "K6": ["M32"], "K7": ["M22"], "K8": ["M12"],
        },
    },
    explanation=(
        "The 'ready in 20 minutes' filter (K4) fits two leaves: it helps households plan "
        "weeknight dinners, and it gives a busy evening a quick swap instead of a skipped meal, "
        "so either link is right. "
        "A KPI tree is a map of cause and effect, not a formula: its value is in showing which "
        "lever each initiative pulls. Keep the links schematic (no '+3.7% on the root') and "
        "check after shipping whether the leaf moved."
    ),
)

PROBLEMS = (KPI_TREE,)
