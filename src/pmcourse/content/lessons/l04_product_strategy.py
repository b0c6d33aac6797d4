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
                "c": "It is fine once the numbers are split into quarterly OKRs",
            },
            answer="b",
            explanation="A strategy is a set of choices that make a goal reachable. Targets "
                        "alone are goals mistaken for strategy (linter rule "
                        "`strategy/goals-not-choices`).",
            hint="What would a team do differently on Monday after reading it?",
            why_not={
                "a": "Ambition and numbers make a goal; a strategy says how you will reach it "
                     "and what you will give up.",
                "c": "OKRs would measure progress toward the targets; there would still be no "
                     "choice about customers, differentiation or what not to do.",
            },
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
            why_not={
                "a": "Choosing whom to serve first is the heart of the product strategy (where "
                     "to play).",
                "c": "Planning from the pantry is Larder's differentiation: a product choice "
                     "(how to win).",
                "d": "A won't-do item is a product choice about scope, not a budget or business "
                     "metric.",
            },
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
            why_not={
                "a": "That question is about scope: what is being built and why.",
                "b": "That question is about the customers chosen and why them.",
                "c": "That question is about how the product spreads, such as invitations or "
                     "partners.",
            },
        ),
        MultipleChoice(
            id="q4",
            prompt="A strategy document lists 'Q1: barcode scanning, Q2: recipe import, Q3: "
                   "smart-fridge integration'. What is the problem?",
            options={
                "a": "The features are too small to be strategic",
                "b": "It is a dated feature list, a plan, not a strategy; the roadmap should "
                     "come out of the strategy, not replace it",
                "c": "It should list outcomes per quarter instead of features; then it would be "
                     "a strategy",
            },
            answer="b",
            explanation="A strategy is not a roadmap (linter rule `strategy/roadmap-in-strategy`). "
                        "Roadmaps are derived "
                        "from the strategy's choices, and even then they hold outcomes rather "
                        "than dated features.",
            hint="Which artifact is a list of things to build with dates?",
            why_not={
                "a": "Size is not the issue: a strategy makes choices about whom to serve and "
                     "how to win, whatever the size of the features.",
                "c": "Outcomes by quarter would make it a better roadmap, still not a strategy: "
                     "the choices of customer, differentiation and non-goals are missing.",
            },
        ),
        MultipleChoice(
            id="q5",
            prompt="A sales lead asks Larder to add calorie counting for a large gym chain. "
                   "Larder's won't-do list says 'No calorie counting'. What does the list let "
                   "the product manager do?",
            options={
                "a": "Refuse without discussion: the list has settled it for good",
                "b": "Say no with the reason already agreed (it pulls the product toward "
                     "fitness meal-preppers, a segment Larder declined), and bring new "
                     "evidence to the quarterly strategy review",
                "c": "Add it anyway: one large customer outweighs a list",
                "d": "Put it at the bottom of the backlog so nobody feels turned down",
            },
            answer="b",
            explanation="Choosing means saying no. A written won't-do list turns a tense "
                        "one-off argument into a reasoned answer the whole company already "
                        "agreed, while leaving room to change the choice when evidence changes.",
            hint="What does writing a choice down, with its reason, change about the "
                 "conversation?",
            why_not={
                "a": "The list carries reasons and is reviewed; it is not a way to avoid the "
                     "conversation.",
                "c": "Serving one customer's wish pulls the product toward a segment the "
                     "strategy declined, and the next request will do the same.",
                "d": "A backlog item nobody intends to build is a hidden promise; it belongs "
                     "on no list.",
            },
        ),
    ),
)
