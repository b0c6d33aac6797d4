"""Lesson 01 data: where a product manager's effort has leverage (the pyramid)."""

from __future__ import annotations

from ..model import Lesson, MultipleChoice

LESSON = Lesson(
    id="01_leverage",
    title="Leverage: the vision and strategy pyramid",
    summary="Why vision and strategy come before roadmap scope and backlog, and where a "
            "product manager's time pays off most.",
    minutes=25,
    objectives=(
        "Draw the pyramid and say which layers set direction and which add speed",
        "Explain why speed in the wrong direction costs more than slowness in the right one",
        "Place a piece of work (a vision, a strategy choice, a roadmap outcome, a story) on the "
        "pyramid",
        "Recognise when a product manager is spending effort on the team's implementation "
        "instead of on direction",
    ),
    concepts=("pyramid", "foundations-vs-optimizations", "direction-before-speed",
              "leverage-and-autonomy", "know-the-company", "artifact-chain"),
    practice=("01_which_artifact.ipynb",),
    quiz=(
        MultipleChoice(
            id="q1",
            prompt="Which layers of the pyramid set the **direction** of the team's work?",
            options={"a": "Scope and backlog", "b": "Vision and strategy",
                     "c": "Backlog and sprint plan", "d": "Roadmap dates"},
            answer="b",
            explanation="Vision and strategy are the foundation: they say where to go and why. "
                        "Scope and backlog make the team faster toward a destination already "
                        "chosen.",
            hint="Direction has to exist before anything can speed you toward it.",
            why_not={
                "a": "Scope and backlog add speed; they assume a direction exists.",
                "c": "The sprint plan sits at the very top: it speeds up work whose direction "
                     "is already set.",
                "d": "Dates say when, not where to; on a roadmap they are the exception, not "
                     "the direction.",
            },
        ),
        MultipleChoice(
            id="q2",
            prompt="A team ships twice as many features as last quarter, but users' results "
                   "did not move. In pyramid terms, what most likely went wrong?",
            options={
                "a": "The backlog was not ordered carefully enough",
                "b": "The team needs a faster delivery process",
                "c": "The foundation is weak: the work was not aimed at a clear vision and "
                     "strategy",
            },
            answer="c",
            explanation="More output at the top of the pyramid cannot fix an unclear base. "
                        "Faster in the wrong direction is worse than slower in the right one.",
            hint="Speed was not the problem: they were fast.",
            why_not={
                "a": "Ordering the backlog better would ship the same unaimed work in a "
                     "different order.",
                "b": "They already shipped twice as much: more speed in an unclear direction is "
                     "the problem.",
            },
        ),
        MultipleChoice(
            id="q3",
            prompt="A product manager spends most days specifying button layouts and database "
                   "fields for the engineers and designers. What is the cost?",
            options={
                "a": "None: details are where products succeed",
                "b": "Less leverage for the product manager, and less for a team that knows "
                     "how to build better than the PM",
                "c": "Only that the backlog grows too long",
            },
            answer="b",
            explanation="The team's designers and engineers are the experts on how to build. A "
                        "product manager who takes over those decisions uses their own time "
                        "where it multiplies least and shrinks the team's room to contribute.",
            hint="Whose expertise is being replaced?",
            why_not={
                "a": "Details matter, but the team's designers and engineers are the experts on "
                     "them; the PM's leverage is in direction.",
                "c": "The length of the backlog is a symptom at most; the cost is leverage lost "
                     "for the PM and for the team.",
            },
        ),
        MultipleChoice(
            id="q4",
            prompt="A new head of product inherits a 300-item backlog, a roadmap of dated "
                   "features and no written strategy. Where should she spend her first weeks?",
            options={
                "a": "Grooming the backlog, so the team keeps shipping while she learns",
                "b": "Agreeing the vision and strategy with the company, then deriving the "
                     "roadmap and the backlog from them",
                "c": "Redrawing the roadmap as Now-Next-Later, keeping the same items",
                "d": "Asking each squad to write its own vision",
            },
            answer="b",
            explanation="Each artifact is derived from the one below it: the strategy serves "
                        "the vision, the roadmap is an output of the strategy, the backlog "
                        "items link up to roadmap outcomes. Fixing the upper layers first only "
                        "polishes work whose direction nobody chose.",
            hint="Start from what changes least.",
            why_not={
                "a": "A tidy backlog makes the team faster, but toward a destination nobody "
                     "has chosen.",
                "c": "A new format with the same items keeps the same missing reasons; the "
                     "items should come out of a strategy.",
                "d": "One product has one vision; a vision per squad pulls the product in "
                     "several directions.",
            },
        ),
    ),
)
