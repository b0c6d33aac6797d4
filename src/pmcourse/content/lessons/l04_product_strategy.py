"""Lesson 04 data: product strategy as choices (four questions, ICP, won't-do)."""

from __future__ import annotations

from ..model import Lesson, MultipleChoice

LESSON = Lesson(
    id="04_product_strategy",
    title="Product strategy",
    summary="Strategy is choosing: whom to serve first, how to win, what not to do and how to "
            "tell it is working, inside the business strategy's budget and targets.",
    minutes=45,
    objectives=(
        "Tell a strategy from a vision by its length, tone and contents",
        "Start a strategy from a diagnosis of the challenge, then a guiding policy and coherent "
        "actions (Rumelt's kernel)",
        "Check a strategy for completeness with the four questions",
        "Tell the strategy's why, what and how apart",
        "Choose an ideal customer profile and segments from evidence, and write a won't-do list",
        "State a differentiation against the customer's real alternatives",
        "Separate product strategy from business strategy, and strategy from roadmap",
    ),
    concepts=("strategy-choices", "strategy-kernel", "vision-vs-strategy", "four-questions",
              "why-what-how", "icp", "segments", "differentiation", "wont-do", "business-vs-product-strategy",
              "strategy-not-roadmap"),
    practice=("04_icp_and_wont_do.ipynb",),
    quiz=(
        MultipleChoice(
            id="q1",
            prompt="\"Grow revenue 40% and become number one in our market.\" What is wrong "
                   "with this as a product strategy?",
            options={
                "a": "Nothing: it is ambitious and measurable",
                "b": "It states goals but makes no choices: no customer, no way to win, "
                     "nothing left out",
                "c": "It should name the delivery dates",
            },
            answer="b",
            explanation="A strategy is a set of choices that make a goal reachable. Targets "
                        "alone are goals mistaken for strategy (linter rule "
                        "`strategy/goals-not-choices`).",
            hint="What would a team do differently on Monday after reading it?",
        ),
        MultipleChoice(
            id="q2",
            prompt="Which of these belongs to the **business** strategy rather than the "
                   "product strategy?",
            options={
                "a": "Serve families with school-age children first",
                "b": "A budget for two squads and a target of 40,000 paying households",
                "c": "Plan from the pantry, not from a recipe catalogue",
                "d": "No calorie counting",
            },
            answer="b",
            explanation="The business strategy sets objectives, budget and business metrics. "
                        "The product strategy decides how the product delivers on them: the "
                        "ICP, the differentiation and the won't-do list are product choices.",
            hint="Which option is about money and headcount?",
        ),
        MultipleChoice(
            id="q3",
            prompt="Which of the four strategy questions does Larder's answer \"more meals "
                   "cooked from the plan each week, and less food thrown out\" address?",
            options={
                "a": "What are we building, and why?",
                "b": "Whom are we building it for, and why?",
                "c": "How will the product grow, and why?",
                "d": "How will we know it is good, and why?",
            },
            answer="d",
            explanation="It is a signal of value for customers: the start of a North Star "
                        "metric. The other questions ask about scope, customers and growth.",
            hint="It describes a signal you would watch.",
        ),
        MultipleChoice(
            id="q4",
            prompt="A strategy document lists 'Q1: barcode scanning, Q2: recipe import, Q3: "
                   "smart-fridge integration'. What is the problem?",
            options={
                "a": "The quarters are too short",
                "b": "It is a dated feature list, a plan, not a strategy; the roadmap should "
                     "come out of the strategy, not replace it",
                "c": "It lacks story points",
            },
            answer="b",
            explanation="A strategy is not a roadmap (linter rule `strategy/roadmap-in-strategy`). "
                        "Roadmaps are derived "
                        "from the strategy's choices, and even then they hold outcomes rather "
                        "than dated features.",
            hint="Which artifact is a list of things to build with dates?",
        ),
        MultipleChoice(
            id="q5",
            prompt="Why does a strategy need an explicit won't-do list?",
            options={
                "a": "To make the document longer and look thorough",
                "b": "Because choosing means saying no: the list stops the team drifting "
                     "back into serving everybody",
                "c": "Legal teams require it",
            },
            answer="b",
            explanation="A strategy that never says no has not chosen, and a team that tries "
                        "to please everybody serves nobody well.",
            hint="What happens to focus when every request is possible?",
        ),
    ),
)
