"""Lesson 10 data: the capstone, one product strategy drafted with every widget and exported."""

from __future__ import annotations

from ..model import Lesson, MultipleChoice

LESSON = Lesson(
    id="10_capstone",
    title="Capstone: your own product strategy, from vision to backlog",
    summary="Draft a complete strategy for a product of your choice with the course's widgets, "
            "check that each layer follows from the one above, and export it as one document.",
    objectives=(
        "Draft a vision, a mission, a strategy, a North Star with inputs, a Now-Next-Later "
        "roadmap and a first backlog for one product.",
        "Check that each artifact follows from the one above it and that nothing sits at the "
        "wrong level.",
        "Export the whole strategy as one Markdown and HTML document, with what is still "
        "missing listed.",
    ),
    concepts=("capstone-drafts", "coherence-review", "strategy-document"),
    quiz=(
        MultipleChoice(
            id="q1",
            prompt="In which order should the capstone's artifacts be drafted?",
            options={
                "a": "Backlog, roadmap, strategy, vision",
                "b": "Roadmap first, then whatever justifies it",
                "c": "Vision, mission, strategy, North Star and inputs, roadmap, backlog",
                "d": "Any order: they are independent",
            },
            answer="c",
            why_not={
                "a": "Backlog first means work with no outcome or strategy to justify it.",
                "b": "A roadmap with nothing above it is a wish list.",
                "d": "Each layer is derived from the one above, so order matters.",
            },
            explanation="Each layer is derived from the one above: the roadmap comes out of the "
                        "strategy and its goals, and the backlog out of the roadmap's Now "
                        "outcomes.",
            hint="Start from the layer that changes least.",
        ),
        MultipleChoice(
            id="q2",
            prompt="Your roadmap has an outcome that no strategic choice or input metric "
                   "explains. What do you do?",
            options={
                "a": "Find the strategic choice it serves and write it down, or drop it",
                "b": "Keep it: stakeholders asked for it",
                "c": "Move it to the backlog",
                "d": "Give it a date so it gets done",
            },
            answer="a",
            why_not={
                "b": "A request is not a reason; trace it to the strategy or let it go.",
                "c": "Moving it to the backlog hides the question instead of answering it.",
                "d": "A date turns an unexplained item into a promise.",
            },
            explanation="Every roadmap item should trace up to the strategy. An item that does "
                        "not is a sign that either the strategy is incomplete or the item is "
                        "not needed.",
            hint="Trace the item upward: where does the trail stop?",
        ),
        MultipleChoice(
            id="q3",
            prompt="The exported document lists 'North Star: missing'. What does that tell you?",
            options={
                "a": "The export failed",
                "b": "Your strategy has no agreed measure of success yet",
                "c": "North Stars are optional for real products",
                "d": "The roadmap's outcomes can stand in for a North Star",
            },
            answer="b",
            why_not={
                "a": "The export worked; listing gaps is part of its job.",
                "c": "Without a North Star there is no shared scoreboard for the roadmap.",
                "d": "Outcomes are many and change each quarter; the North Star is the one "
                     "lasting measure they are meant to move.",
            },
            explanation="The document lists gaps on purpose: without a North Star there is no "
                        "shared scoreboard to order the roadmap by. Go back to lesson 05's picker.",
            hint="The export reports gaps instead of hiding them.",
        ),
    ),
    practice=(),
    minutes=90,
)
