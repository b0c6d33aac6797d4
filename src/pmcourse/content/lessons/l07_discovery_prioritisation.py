"""Lesson 07 data: discovery and prioritisation, the bridge from roadmap outcomes to backlog items."""

from __future__ import annotations

from ..model import Lesson, MultipleChoice

LESSON = Lesson(
    id="07_discovery_prioritisation",
    title="Discovery and prioritisation: from outcomes to the work worth doing",
    summary="How a team gets from a roadmap outcome to backlog items worth building: map the "
            "customer's opportunities in an opportunity solution tree, test assumptions "
            "cheaply, and order the bets with RICE or cost of delay, knowing their limits.",
    minutes=40,
    objectives=(
        "Build an opportunity solution tree under one outcome: opportunities in the "
        "customer's words, candidate solutions, and the assumption tests beneath them.",
        "Tell an opportunity from a solution in disguise, and say which opportunity an "
        "experiment tests.",
        "Score and order candidate bets with RICE, and say when cost of delay divided by "
        "duration (WSJF) orders them better.",
        "Name the limits of any scoring method: invented precision, hidden assumptions, and "
        "the strategy it cannot replace.",
    ),
    concepts=("discovery", "opportunity-solution-tree", "opportunities-not-solutions",
              "assumption-tests", "rice", "cost-of-delay", "scoring-limits"),
    practice=("11_discovery_priorities.ipynb",),
    quiz=(
        MultipleChoice(
            id="q1",
            prompt="Larder's Now outcome is *new users plan their first week within ten "
                   "minutes*. In interviews, parents say: \"When I sit down to plan, I can never "
                   "remember what is already in the cupboard.\" Where does that go on the "
                   "opportunity solution tree?",
            options={
                "a": "At the root, replacing the outcome",
                "b": "As an opportunity under the outcome, in the parent's own framing",
                "c": "As a solution: 'add a pantry scanner'",
                "d": "Nowhere until the team has a feature for it",
            },
            answer="b",
            explanation="A need, pain or wish heard from customers is an opportunity. It sits "
                        "under the outcome it could move, and solutions hang beneath it later.",
            hint="Is this a result the business wants, a customer's problem, or something "
                 "to build?",
            why_not={
                "a": "The root is the outcome the team was asked to move; one customer's "
                     "problem is one way to move it, not the goal itself.",
                "c": "A scanner is one possible answer; writing the problem as a feature rules "
                     "out the others before anyone compares them.",
                "d": "Opportunities come before features: mapping them is how the team finds "
                     "which features are worth building.",
            },
        ),
        MultipleChoice(
            id="q2",
            prompt="Which of these is a solution in disguise rather than an opportunity?",
            options={
                "a": "\"I throw food away because I forget it is there.\"",
                "b": "\"Our family never agrees on what to cook.\"",
                "c": "\"I need a barcode scanner for my pantry.\"",
                "d": "\"Planning a week from scratch feels like homework.\"",
            },
            answer="c",
            explanation="It names one product feature. The need behind it (keeping the pantry "
                        "list up to date without effort) could be met in several ways, and the "
                        "tree should keep that open.",
            hint="Which one could only be met in a single way?",
            why_not={
                "a": "A pain in the customer's words, open to many solutions: an opportunity.",
                "b": "A real tension in households that many ideas could ease: an opportunity.",
                "d": "A feeling about the task, not a feature: an opportunity.",
            },
        ),
        MultipleChoice(
            id="q3",
            prompt="Two bets for the same outcome. A: reach 2,000 households a quarter, impact "
                   "1, confidence 100%, effort 2 person-months. B: reach 8,000, impact 2, "
                   "confidence 50%, effort 8. Which has the higher RICE score?",
            options={
                "a": "B, because it reaches four times as many households",
                "b": "A, because it costs a quarter of the effort",
                "c": "They tie at 1,000 each, so RICE alone cannot decide",
                "d": "B, because its impact is twice as high",
            },
            answer="c",
            explanation="RICE is reach × impact × confidence ÷ effort. A: 2,000 × 1 × 1.0 ÷ 2 = "
                        "1,000. B: 8,000 × 2 × 0.5 ÷ 8 = 1,000. A tie is a cue to talk about "
                        "what the numbers leave out, such as which bet teaches the team more.",
            hint="Multiply reach, impact and confidence, then divide by effort, for each.",
            why_not={
                "a": "Reach is one factor; B's low confidence and large effort pull it back.",
                "b": "Effort is one factor; B's reach and impact make up for it. Work out "
                     "both scores.",
                "d": "Impact is one factor; B also costs four times the effort.",
            },
        ),
        MultipleChoice(
            id="q4",
            prompt="A partner will switch off the API Larder uses to send lists to online "
                   "baskets in three months. The fix scores low on RICE because its impact "
                   "looks small. What should the team do?",
            options={
                "a": "Trust the RICE score and leave it at the bottom",
                "b": "Weigh the cost of delay: every week after the switch-off, lists stop "
                     "reaching baskets, so waiting is expensive",
                "c": "Drop RICE altogether and go by gut feeling",
                "d": "Raise its impact score until it comes first",
            },
            answer="b",
            explanation="RICE ignores time. Cost of delay asks what each week of waiting costs; "
                        "here it jumps at a known date, which is why it earns a hard date on "
                        "the roadmap.",
            hint="What does a score without a clock miss?",
            why_not={
                "a": "The score cannot see the deadline; following it blindly breaks a working "
                     "feature for everyone who uses it.",
                "c": "One blind spot is a reason to add the missing question, not to stop "
                     "reasoning with numbers.",
                "d": "Bending an input to get the answer you want is the invented precision "
                     "that makes scores worthless.",
            },
        ),
        MultipleChoice(
            id="q5",
            prompt="A stakeholder wants every idea scored to two decimals so the backlog "
                   "\"orders itself\". What is the best reply?",
            options={
                "a": "Agree: more precision means better decisions",
                "b": "Refuse to score anything",
                "c": "Score roughly to compare like with like, then decide in conversation; "
                     "the strategy, not the score, says which outcome matters",
                "d": "Let the loudest customer decide instead",
            },
            answer="c",
            explanation="Scores are estimates multiplied together: their errors multiply too. "
                        "Use them to expose assumptions and compare bets for the same outcome, "
                        "never to replace the choices the strategy makes.",
            hint="Where do the numbers going into the score come from?",
            why_not={
                "a": "Two decimals on guessed inputs is invented precision.",
                "b": "A rough score is a useful check on bias; the problem is treating it as "
                     "the decision.",
                "d": "Loudness is not evidence; this brings back the bias scoring helps avoid.",
            },
        ),
    ),
)
