"""Practice: which artifact is this? Fifteen statements about Larder, the course's running case."""

from __future__ import annotations

from ...engine.problem import Problem
from ...graders.labels import FEW_LABELS_CAP, ONE_LABEL_CAP, ArtifactLabels

LARDER_STATEMENTS = (
    {"statement_id": "A01", "text": "Nobody has to scrape food they paid for into the bin."},
    {"statement_id": "A02", "text": "As a parent, I want to mark an ingredient as used up so that "
                                    "the pantry list stays accurate."},
    {"statement_id": "A03", "text": "Larder is a meal-planning app for busy households that builds "
                                    "the week's menu from what is already in the cupboard."},
    {"statement_id": "A04", "text": "This year we win working families with school-age "
                                    "children; students in shared flats are not our focus."},
    {"statement_id": "A05", "text": "New households finish planning their first full week in their "
                                    "first session."},
    {"statement_id": "A06", "text": "Every family can sit down to a home-cooked dinner without a "
                                    "daily scramble over what to cook."},
    {"statement_id": "A07", "text": "Fix the crash when a saved recipe has no photo."},
    {"statement_id": "A08", "text": "We will not run our own grocery delivery; we hand the list to "
                                    "the supermarkets people already use."},
    {"statement_id": "A09", "text": "Shoppers come home without items that were already in "
                                    "their fridge."},
    {"statement_id": "A10", "text": "A pantry-aware planner for households of two to six that "
                                    "turns tonight's leftovers into tomorrow's lunch."},
    {"statement_id": "A11", "text": "Add a servings field to the recipe import form."},
    {"statement_id": "A12", "text": "Cooking at home feels easy for people who are short of "
                                    "time."},
    {"statement_id": "A13", "text": "We beat recipe sites by knowing what is in the pantry; they "
                                    "suggest dishes, we plan around food people already own."},
    {"statement_id": "A14", "text": "Households cook more of the meals they planned instead of "
                                    "ordering takeaway."},
    {"statement_id": "A15", "text": "Help households waste less food by planning meals around "
                                    "what they already have."},
)

WHICH_ARTIFACT = Problem(
    id="practice.which_artifact",
    title="Which artifact is this? Fifteen statements about Larder",
    prompt=(
        "Larder's team pasted fifteen statements into one document. Label each one with the "
        "artifact it belongs in: `'vision'`, `'mission'`, `'strategy'`, `'outcome'` (a roadmap "
        "outcome) or `'backlog'` (a backlog item). Build a dict `labels` mapping each "
        "`statement_id` to its label, e.g. `{'A01': 'vision', ...}`, then run `q.check(labels)`. "
        "A few statements could be argued two ways: the best fit earns full credit, a defensible "
        "second choice earns half."
    ),
    vars=("labels",),
    grader=ArtifactLabels(),
    caps={ONE_LABEL_CAP: 0.1, FEW_LABELS_CAP: 0.35},
    data={"statements": LARDER_STATEMENTS},
    points=3.0,
    hints=(
        "Sort first by level. Vision, mission and strategy set direction for years; roadmap "
        "outcomes and backlog items are about delivering it in the coming months and weeks.",
        "Among the long-lived ones: a vision names no product at all; a mission says what kind of "
        "product this is and for whom; a strategy statement makes a choice (whom to serve, how to "
        "win, what to leave out).",
        "Among the short-lived ones: if the team could finish it and tick it off, it is a backlog "
        "item; if it only comes true when users behave differently, it is a roadmap outcome. "
        "There are three of each of the five artifacts.",
    ),
    key={
        "labels": {
            "A01": ["vision"], "A02": ["backlog"], "A03": ["mission"], "A04": ["strategy"],
            "A05": ["outcome"], "A06": ["vision"], "A07": ["backlog"], "A08": ["strategy"],
            "A09": ["outcome"], "A10": ["mission"], "A11": ["backlog"], "A12": ["vision"],
            "A13": ["strategy"], "A14": ["outcome"], "A15": ["mission", "vision"],
        },
    },
    explanation=(
        "The visions (A01, A06, A12) talk only about people's lives: no app, no category, no "
        "date. The missions (A03, A10, A15) say what Larder contributes: a planner for households "
        "that works from the pantry. A15 names no category, so calling it a vision earns half "
        "credit, but it describes how the product helps, which is mission territory. The strategy "
        "statements (A04, A08, A13) each make a choice: a target segment, something Larder will "
        "not do, and why it wins. The roadmap outcomes (A05, A09, A14) describe a change in what "
        "households do; the backlog items (A02, A07, A11) are work the team can finish."
    ),
)

PROBLEMS = (WHICH_ARTIFACT,)
