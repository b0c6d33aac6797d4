"""Lesson 05 data: measurable goals (North Star metric, input metrics, why not ARR or LTV, OKRs)."""

from __future__ import annotations

from ..model import Lesson, MultipleChoice

LESSON = Lesson(
    id="05_measurable_goals",
    title="Measurable goals: a North Star and the metrics that feed it",
    summary="How a product team measures whether its strategy works: one North Star metric, "
            "three to five input metrics, and quarterly OKRs, with revenue kept out of the "
            "product scoreboard.",
    objectives=(
        "Choose a North Star metric that expresses customer value, with a customer, an action "
        "and a time window, and reject financial and vanity candidates with reasons.",
        "Break a North Star into three to five input metrics along breadth, depth, frequency "
        "and efficiency, and tell an input metric from an initiative.",
        "Explain why ARR and LTV make poor product goals and where they belong instead.",
        "Write an OKR whose key results are measurable outcomes from a baseline to a target, "
        "and score it at the end of a quarter.",
    ),
    concepts=("north-star-metric", "input-metrics", "why-not-arr-ltv", "okrs"),
    quiz=(
        MultipleChoice(
            id="q1",
            prompt="Which of these is the best North Star metric for a meal-planning app "
                   "whose strategy is to cut household food waste?",
            options={
                "a": "Monthly subscription revenue",
                "b": "Total app downloads since launch",
                "c": "Meals cooked from a plan per active household per week",
                "d": "Daily active users",
            },
            answer="c",
            explanation="It names a customer (an active household), a valuable action (cooking "
                        "a planned meal) and a time window (a week), and it only rises when "
                        "households actually get the value the strategy promises.",
            hint="Look for the candidate that can only go up when a household is better off.",
            why_not={
                "a": "Revenue is financial and lagging: prices, discounts and sales move it as "
                     "much as customer value does.",
                "b": "A cumulative count only ever grows, so it cannot show that anything got "
                     "better: a vanity metric.",
                "d": "Opening the app is not value; a confused or annoyed user counts too.",
            },
        ),
        MultipleChoice(
            id="q2",
            prompt="Which item is an **input metric** rather than an initiative?",
            options={
                "a": "Launch barcode scanning on the pantry screen",
                "b": "Share of planned ingredients already in the pantry",
                "c": "Redesign the onboarding flow",
                "d": "Run a referral campaign in spring",
            },
            answer="b",
            explanation="An input metric has a unit and a direction and can be moved by many "
                        "different pieces of work. The other three are pieces of work that "
                        "might move an input.",
            hint="Inputs are numbers that go up or down; the work that moves them sits below.",
            why_not={
                "a": "This is work (an output). It might raise an input, such as pantry "
                     "coverage, but it is not itself measured.",
                "c": "A project, not a metric: ask which number it should move.",
                "d": "A campaign is work; the number of households invited per week would be "
                     "the input.",
            },
        ),
        MultipleChoice(
            id="q3",
            prompt="Why does the course advise against ARR or LTV as a product team's goal? "
                   "Choose **all** that apply.",
            options={
                "a": "They react months after customers start or stop getting value.",
                "b": "Pricing, sales and the market move them as much as product work does.",
                "c": "They cannot be measured reliably.",
                "d": "They tempt teams into short-term tricks that hurt customer value.",
            },
            answer=frozenset({"a", "b", "d"}),
            explanation="Financial metrics lag, have many causes besides the product, and invite "
                        "shortcuts. They are perfectly measurable: they belong at the top of "
                        "the KPI tree, not on the product team's scoreboard.",
            hint="Three of the four are true; one confuses *hard to influence* with *hard to "
                 "measure*.",
            why_not={
                "c": "Finance measures revenue very precisely. The trouble is that product work "
                     "rarely moves it directly or quickly.",
            },
        ),
        MultipleChoice(
            id="q4",
            prompt="Which is a well-formed **key result**?",
            options={
                "a": "Interview 20 new households about their first week",
                "b": "Make onboarding delightful",
                "c": "Ship the starter meal plan by the end of March",
                "d": "Share of new households planning a full week in their first session: "
                     "from 35% to 50%",
            },
            answer="d",
            explanation="A key result measures an outcome, from a baseline to a target. "
                        "Interviews and shipping are activities that can be completed while "
                        "nothing improves, and 'delightful' is an objective, not a measure.",
            hint="Ask of each: could it be achieved while nothing changes for any household?",
            why_not={
                "a": "An activity: useful work, but done even if no household benefits.",
                "b": "Inspiring but not measurable: that is the objective's job.",
                "c": "An output with a date: the feature could ship and change nothing.",
            },
        ),
    ),
    practice=("05_north_star.ipynb",),
    minutes=35,
)
