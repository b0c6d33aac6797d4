"""Lesson 09 data: company values, product principles and the KPI tree."""

from __future__ import annotations

from ..model import Lesson, MultipleChoice

LESSON = Lesson(
    id="09_values_principles_kpis",
    title="Values, principles and the KPI tree",
    summary="The guardrails under a strategy (company values and opinionated product "
            "principles) and the KPI tree that shows, schematically, how product work feeds "
            "the business's financial goals.",
    objectives=(
        "Tell company values (how we work together) from product principles (how we decide "
        "about the product), and spot a value the company cannot keep.",
        "Write product principles as trade-offs that would settle a real disagreement.",
        "Build a KPI tree from a business metric down to levers a team can move, and map "
        "initiatives to its leaves.",
        "Keep the mapping schematic: explain why precise formulas on the links mislead.",
    ),
    concepts=("company-values", "product-principles", "kpi-tree", "schematic-mapping"),
    quiz=(
        MultipleChoice(
            id="q1",
            prompt="Which is the most useful **product principle**?",
            options={
                "a": "We build quality products",
                "b": "Always show a dark-mode toggle",
                "c": "Pantry before shop, even when a partner shop would pay us a fee",
                "d": "Customer value is our top priority",
            },
            answer="c",
            explanation="A good principle takes a side in a trade-off that will really come "
                        "up, so it settles decisions without a meeting. The others either "
                        "nobody would disagree with, or they are features.",
            hint="A principle earns its place when a sensible team could choose the opposite.",
            why_not={
                "a": "A platitude: no team argues for low quality, so it settles nothing.",
                "b": "A feature, not a principle: principles stay true whatever gets built.",
                "d": "Everyone says this; it decides no trade-off.",
            },
        ),
        MultipleChoice(
            id="q2",
            prompt="Which statement is a **company value** rather than a product principle?",
            options={
                "a": "We share bad news early, with what we plan to do about it",
                "b": "One tap to change tonight's meal",
                "c": "Suggest recipes from the pantry before recipes that need shopping",
                "d": "Meals cooked from a plan per household per week",
            },
            answer="a",
            explanation="Values describe how people work together (trust, transparency, "
                        "autonomy). Principles guide decisions about the product itself.",
            hint="Is it about the people building the product, or about the product?",
            why_not={
                "b": "About the product's behaviour: a principle at best, and close to a "
                     "feature.",
                "c": "A product principle: it ranks choices the product makes.",
                "d": "A metric (Larder's North Star), not a value.",
            },
        ),
        MultipleChoice(
            id="q3",
            prompt="In a KPI tree, where should the initiative 'expiry reminders' be attached?",
            options={
                "a": "Directly to monthly revenue, the root",
                "b": "To a leaf it can move, such as 'reminders acted on within a day'",
                "c": "Nowhere: initiatives do not belong near financial metrics",
                "d": "To every node, to be safe",
            },
            answer="b",
            explanation="Initiatives map to the leaves they can actually move; the tree then "
                        "shows how that leaf feeds the business metrics above it.",
            hint="Attach work where a team could see the effect within weeks.",
            why_not={
                "d": "Attaching it everywhere claims it moves everything, which tells nobody "
                     "what it is for.",
                "a": "Mapping to the root claims a direct effect no single initiative has.",
                "c": "The point of the tree is to show how product work feeds the business.",
            },
        ),
        MultipleChoice(
            id="q4",
            prompt="A slide says 'expiry reminders → +3.7% ARR'. What is the course's advice?",
            options={
                "a": "Good: precise numbers build trust",
                "b": "Replace ARR with downloads",
                "c": "Keep the link, drop the coefficient: the precision is invented",
                "d": "Show a range instead, such as +2% to +5% ARR",
            },
            answer="c",
            why_not={
                "a": "Nobody measured that 3.7% before the work; the precision is invented.",
                "b": "Downloads are a vanity count; the root should stay a real business metric.",
                "d": "A range is still a guess dressed as a measurement: nobody measured the "
                     "link before the work.",
            },
            explanation="The KPI tree shows which levers feed which business metrics. Exact "
                        "coefficients on those links claim knowledge nobody has and invite "
                        "arguments about the number instead of the bet.",
            hint="How would anyone have measured that 3.7% before building the feature?",
        ),
    ),
    practice=("10_kpi_tree.ipynb",),
    minutes=35,
)
