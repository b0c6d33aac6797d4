"""Larder, the course's running case: the same facts in every lesson, kept here as one truth.

Larder is a meal-planning app for busy households. Its feature wish list (for the roadmap and
backlog exercises) lives in ``pmcourse.exercises.practice.roadmap.LARDER_FEATURES``.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Case:
    """A fictional product's artifacts, from vision down to strategic intents."""

    name: str
    pitch: str
    vision: str
    mission: str
    company_vision: str
    business_objectives: tuple[str, ...]
    icp: str
    segments: dict[str, str]
    """Segment -> the course's verdict on it (served first, later, or not at all)."""
    differentiation: str
    alternatives: tuple[str, ...]
    wont_do: tuple[str, ...]
    four_questions: dict[str, str]
    """The four strategy questions -> Larder's answers."""
    north_star: str
    input_metrics: tuple[str, ...]
    strategic_intents: dict[str, str]
    """Intent -> the roadmap outcome that currently leads it."""
    principles: tuple[str, ...]


LARDER = Case(
    name="Larder",
    pitch="A meal-planning app for busy households: plan the week's meals around what is already "
          "in the pantry, shop only for what the plan needs, and throw away less food.",
    vision="Every household eats well from what it already has, and good food stops ending "
           "up in the bin.",
    mission="Larder is the pantry-first meal planner for busy families: it builds the week's "
            "meals from what is already at home, turns the plan into a shopping list of only "
            "what is missing, and warns before anything goes off.",
    company_vision="Home cooking is easy, cheap and wastes nothing.",
    business_objectives=(
        "Reach 40,000 paying households by the end of next year",
        "Keep monthly subscription churn under 4%",
        "Break even on the current funding, with two product squads",
    ),
    icp="Two-adult households with school-age children in UK towns and cities, who cook at "
        "home at least three weeknights, do one big weekly shop, and feel guilty about the food "
        "they throw out.",
    segments={
        "families with school-age children": "served first (the ICP)",
        "couples without children": "next, once planning for two works well",
        "students in shared flats": "not this year: tiny budgets, shared pantries",
        "fitness meal-preppers": "not served: they need macro tracking, not pantry planning",
        "retirees cooking for one": "later, after portion scaling exists",
    },
    differentiation="Pantry-first planning: a Larder plan starts from what is already in the "
                    "cupboard and fridge, whereas recipe apps start from inspiration and "
                    "supermarket apps profit when you buy more.",
    alternatives=("recipe apps and cooking sites", "supermarket apps with basket suggestions",
                  "a paper list on the fridge"),
    wont_do=(
        "No calorie counting or diet tracking",
        "No grocery delivery of our own (we hand the list to shops that deliver)",
        "No recipe marketplace or paid creator content",
        "No students or shared flats this year",
    ),
    four_questions={
        "What are we building, and why?": "A weekly planner that starts from the pantry, "
            "because families waste food they already paid for.",
        "Whom are we building it for, and why?": "Busy families with school-age children: "
            "they shop weekly, cook often and feel the cost of waste most.",
        "How will the product grow, and why?": "Households invite the other adult and share "
            "plans; one plan per household makes the invite natural.",
        "How will we know it is good, and why?": "More meals cooked from the plan each week "
            "and less food thrown out, because that is the value families came for.",
    },
    north_star="Meals cooked from a Larder plan per active household per week",
    input_metrics=(
        "Share of new households that plan a full week in their first session",
        "Share of planned ingredients already in the pantry",
        "Expiry reminders acted on within a day",
        "Shopping lists generated from a plan per household per week",
        "Median minutes a returning household takes to plan its week",
    ),
    strategic_intents={
        "Waste less": "Households throw away less food each week",
        "Plan in minutes": "New users plan their first week of meals within ten minutes of "
                           "signing up",
        "Cook more weeknights": "Families cook at home on more weeknights",
        "Shop for the plan": "Shoppers buy only what their meal plan needs",
    },
    principles=(
        "Use what is there before buying anything",
        "Never shame a household about what it threw away",
        "One tap to change tonight's meal",
    ),
)
