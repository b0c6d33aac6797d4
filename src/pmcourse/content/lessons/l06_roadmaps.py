"""Lesson 06 data: roadmaps as sequenced outcomes (Now-Next-Later, intents, hypotheses)."""

from __future__ import annotations

from ..model import Lesson, MultipleChoice

LESSON = Lesson(
    id="06_roadmaps",
    title="Roadmaps: outcomes in Now, Next and Later",
    summary="A roadmap as a statement of intent derived from the strategy: outcomes under "
            "strategic intents, sequenced Now / Next / Later, with initiatives as hypotheses "
            "and dates left to the delivery plan.",
    objectives=(
        "Explain why a roadmap states intent rather than commitment, and why it is a "
        "prototype of the strategy.",
        "Rewrite an output (a feature) as an outcome with a metric, keeping the feature as a "
        "candidate beneath it.",
        "Sequence outcomes into Now, Next and Later under strategic intents, respecting "
        "dependencies and capacity, with dates only for hard outside constraints.",
        "Write an initiative as a hypothesis with a measurable signal.",
        "Tell a roadmap from a delivery plan, and explain the sources' disagreement about "
        "'what and when' roadmaps.",
    ),
    concepts=("intent-not-commitment", "prototype-of-strategy", "outcomes-vs-outputs",
              "now-next-later", "strategic-intents", "initiatives-as-hypotheses",
              "roadmap-vs-delivery-plan", "living-document", "roadmap-disagreement"),
    quiz=(
        MultipleChoice(
            id="q1",
            prompt="Which of these is a roadmap **outcome** rather than an output?",
            options={
                "a": "Add barcode scanning to the pantry screen",
                "b": "Households throw away less food each week",
                "c": "Integrate with a grocery partner's API",
                "d": "Redesign the recipe page",
            },
            answer="b",
            explanation="An outcome is a change in what people do or get, which you can observe "
                        "whatever the team ships. The other three are things the team could "
                        "build and tick off.",
            hint="Could the team finish it in a sprint and tick it off? Then it is an output.",
            why_not={
                "a": "A feature: it may help households waste less, which would be the outcome.",
                "c": "An integration is work; ask what it should change for households.",
                "d": "A redesign is an output; the outcome is what people then do differently.",
            },
        ),
        MultipleChoice(
            id="q2",
            prompt="When may an item on a Now-Next-Later roadmap carry a date?",
            options={
                "a": "Whenever the team has estimated the work",
                "b": "When a sales deal would be easier with a promised date",
                "c": "When an outside constraint fixes it, such as a law or a partner "
                     "retiring an API",
                "d": "Never, under any circumstances",
            },
            answer="c",
            explanation="Dates belong in the delivery plan. The roadmap keeps a date only where "
                        "the world imposes it, and says why.",
            hint="Think about who sets the date: the team, or the outside world?",
            why_not={
                "a": "Estimates change; turning them into roadmap dates creates promises.",
                "b": "That is exactly the commitment a roadmap should not make.",
                "d": "Hard external constraints are the exception: a regulation's deadline "
                     "does not move because the roadmap has no column for it.",
            },
        ),
        MultipleChoice(
            id="q3",
            prompt="A team of two squads puts five strategic intents into Now. What is the "
                   "main problem?",
            options={
                "a": "Five swimlanes do not fit on one slide",
                "b": "More work streams than capacity: effort spreads thin and little finishes",
                "c": "Intents should be listed in the backlog instead",
                "d": "Nothing: more intents show more ambition",
            },
            answer="b",
            why_not={
                "a": "Layout is the least of it: the lanes compete for the same two squads.",
                "c": "Intents are strategic work streams; the backlog holds the work beneath "
                     "them.",
                "d": "Ambition without capacity leaves five efforts half-finished.",
            },
            explanation="Intents should not outnumber the capacity to pursue them. With two "
                        "squads, two intents in Now is the honest limit; the rest wait in Next "
                        "or Later.",
            hint="Count the people, then the lanes.",
        ),
        MultipleChoice(
            id="q4",
            prompt="One of the course's sources calls the roadmap the 'what and when'. How "
                   "does the course treat that view?",
            options={
                "a": "As correct: a roadmap is a dated feature list",
                "b": "As wrong and useless",
                "c": "As a description of the delivery plan, not of the roadmap",
                "d": "As a matter of taste with no consequences",
            },
            answer="c",
            why_not={
                "a": "That is the delivery plan's job; as a roadmap it turns intent into "
                     "promises.",
                "b": "Dated plans help coordinate delivery; they are just not the roadmap.",
                "d": "The name matters: a dated list called the roadmap is read as a promise.",
            },
            explanation="Dated feature lists are real and useful for coordinating delivery, but "
                        "they are the delivery plan. Calling them the roadmap hides the reasons "
                        "and turns intent into promises.",
            hint="Both tools exist; the question is which name belongs to which.",
        ),
        MultipleChoice(
            id="q5",
            prompt="Which initiative is written as a **hypothesis**?",
            options={
                "a": "Build a starter meal plan in Q2",
                "b": "We believe starter plans help new households; we'll know when week-1 "
                     "planning hits 50%",
                "c": "Starter meal plan: high priority",
                "d": "We will deliver a starter meal plan that users will love",
            },
            answer="b",
            explanation="A hypothesis names the bet, who it is for, the outcome expected and a "
                        "measurable signal, so the team knows when to keep or drop it.",
            hint="Look for the one that says how the team would know it was wrong.",
            why_not={
                "a": "A plan with a date: it names the work, but not the outcome expected or how "
                     "the team would know it failed.",
                "c": "A priority label says how much the team wants it, not what it should "
                     "change or how to tell.",
                "d": "A promise with no signal: there is no way to learn from it.",
            },
        ),
    ),
    practice=("06_feature_split.ipynb", "07_now_next_later.ipynb",
              "08_timeline_to_outcomes.ipynb"),
    minutes=45,
)
