"""Lesson 02 data: what a product vision is, what it is for, and how to test one."""

from __future__ import annotations

from ..model import Lesson, MultipleChoice

LESSON = Lesson(
    id="02_product_vision",
    title="Product vision",
    summary="The change your product should make in people's lives: what a vision is for, "
            "what it leaves out, and how to test a draft.",
    minutes=35,
    objectives=(
        "Define a product vision in the course's terms and name the four jobs it does",
        "Test a vision draft against the criteria: people and change in, category, features, "
        "money, dates and metrics out",
        "Rewrite a flawed vision so it survives a change of solution",
        "Explain why a vision stays stable for years and how it fits inside the company vision",
    ),
    concepts=("vision-definition", "vision-jobs", "vision-criteria", "vision-stability",
              "company-vision-bounds", "vision-drafting"),
    practice=("02_fix_the_vision.ipynb",),
    quiz=(
        MultipleChoice(
            id="q1",
            prompt="Which of these is the strongest **vision** for a budgeting product?",
            options={
                "a": "A budgeting app with bank sync, spending charts and shared wallets",
                "b": "Reach 1 million paying users by 2028",
                "c": "Couples stop arguing about money and plan their future together",
                "d": "Become the leading personal-finance platform in Europe",
            },
            answer="c",
            explanation="It names people and the change in their lives, and says nothing about "
                        "the category, features, money or dates. Those belong to the mission, "
                        "the backlog and the goals.",
            hint="Look for the one that would still be true if the product became something "
                 "other than an app.",
            why_not={"a": "That is a feature list (linter rule `vision/feature-list`).",
                     "b": "A revenue or user target with a date is a goal, not a vision "
                          "(rules `vision/internal-goal` and `vision/dates-or-metrics`).",
                     "d": "Market leadership is about the company, not its customers "
                          "(rule `vision/internal-goal`)."},
        ),
        MultipleChoice(
            id="q2",
            prompt="Which jobs does a good vision do? Pick all that apply.",
            options={
                "a": "Gives everyone the same direction",
                "b": "Inspires people to do their best work",
                "c": "Settles everyday decisions (does this help the change we want?)",
                "d": "Tells customers when each feature ships",
                "e": "Explains the product's purpose to stakeholders",
            },
            answer=frozenset({"a", "b", "c", "e"}),
            explanation="Direction, inspiration, decisions and communication. Delivery dates "
                        "are not a vision's business; they live in a delivery plan.",
            hint="One option is about timing.",
            why_not={
                "d": "Ship dates belong in a delivery plan; a vision that promises dates would "
                     "go stale in weeks.",
            },
        ),
        MultipleChoice(
            id="q3",
            prompt="The team has changed its vision three times this year. What does that "
                   "most likely tell you?",
            options={
                "a": "The team is healthily agile",
                "b": "The 'vision' holds strategy or plans (segments, features, dates) that "
                     "should sit lower down",
                "c": "Visions should be rewritten every quarter",
            },
            answer="b",
            explanation="A vision describes a change that takes years to reach. If it keeps "
                        "moving, it contains things that are meant to move: strategy, roadmap "
                        "items or targets.",
            hint="Which layers of the pyramid are meant to change often?",
            why_not={
                "a": "Agility belongs in strategy and roadmap; a vision that moves every few "
                     "months cannot align anyone.",
                "c": "The course's rule is the opposite: the vision is the part that stays put "
                     "for years.",
            },
        ),
        MultipleChoice(
            id="q4",
            prompt="Larder's company wants home cooking to be easy, cheap and waste-free. "
                   "Which product vision fits inside that?",
            options={
                "a": "Every household eats well from what it already has",
                "b": "Larder becomes the top-rated app in the food category",
                "c": "Restaurants fill every empty table on weeknights",
            },
            answer="a",
            explanation="A product vision must fit within the company's vision. Option (a) is a "
                        "part of the company's change, seen from the households' side.",
            hint="Two options are about someone other than households cooking at home, or about "
                 "the company itself.",
            why_not={
                "b": "A ranking is about the company, not the households' lives (rule "
                     "`vision/internal-goal`).",
                "c": "Restaurants are outside the company's vision of cooking at home; a product "
                     "vision must fit inside it.",
            },
        ),
    ),
)
