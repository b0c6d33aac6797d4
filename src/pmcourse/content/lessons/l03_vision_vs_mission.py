"""Lesson 03 data: how the product mission differs from the vision, and how the two fit."""

from __future__ import annotations

from ..model import Lesson, MultipleChoice

LESSON = Lesson(
    id="03_vision_vs_mission",
    title="Vision vs mission",
    summary="The vision names the change; the mission names the product's part in it: who it "
            "serves, what kind of product it is, and what makes it matter.",
    minutes=30,
    objectives=(
        "Tell a vision from a product mission by what each contains",
        "Write a mission with a who, a category and one to three key aspects, and no slogans",
        "Repair a 'vision' that is really a mission, producing a matching pair",
        "Explain the sources' disagreement about missions and state the course's rule",
    ),
    concepts=("mission-definition", "vision-vs-mission", "mission-criteria",
              "swapped-pair", "positioning", "mission-disagreement", "mission-drafting"),
    practice=("03_vision_mission_pair.ipynb",),
    quiz=(
        MultipleChoice(
            id="q1",
            prompt="\"A cloud point-of-sale system for independent cafés that closes the till "
                   "in one tap.\" What is this?",
            options={"a": "A vision", "b": "A product mission", "c": "A roadmap outcome",
                     "d": "A user story"},
            answer="b",
            explanation="It names who (independent cafés), a category (a point-of-sale system) "
                        "and a key aspect (closing the till in one tap). That is the product's "
                        "contribution: a mission.",
            hint="Does it describe a change in people's lives, or what the product is and for "
                 "whom?",
            why_not={
                "a": "A vision would describe the cafés' lives, not the product's category.",
                "c": "An outcome describes a change in what people do; this describes what the "
                     "product is.",
                "d": "A story has a user, an action and a reason; this names a product "
                     "category and who it serves.",
            },
        ),
        MultipleChoice(
            id="q2",
            prompt="Which mission draft breaks the course's rules?",
            options={
                "a": "Larder is the best tool with great UX for everyone",
                "b": "Larder is the pantry-first meal planner for busy families",
                "c": "A shift-scheduling service for home-care agencies that fills cancelled "
                     "visits automatically",
            },
            answer="a",
            explanation="Slogans such as 'best tool' and 'great UX' say nothing checkable "
                        "(linter rule `mission/empty-slogan`), and 'everyone' is no segment.",
            hint="Which one could be said of any product at all?",
            why_not={
                "b": "It names who (busy families), a category (a meal planner) and what makes "
                     "it different (pantry-first): within the rules.",
                "c": "It names who (home-care agencies), a category (a scheduling service) and a "
                     "key aspect: within the rules.",
            },
        ),
        MultipleChoice(
            id="q3",
            prompt="An article offers this vision: \"To provide a learning management system "
                   "for schools so students can reach course material anywhere.\" Under the "
                   "course's rules, what is it?",
            options={
                "a": "A fine vision: it is short and clear",
                "b": "Mostly a mission: it names a category and users; the vision would "
                     "describe the change for students",
                "c": "A strategy, because it names a segment",
            },
            answer="b",
            explanation="It names a solution category (an LMS) and the users, which is a "
                        "mission's job. A matching vision might be: every student can keep "
                        "learning wherever they are.",
            hint="Which house definition asks for a category noun?",
            why_not={
                "a": "Short and clear is not enough: it names a solution category and its users, "
                     "which the vision leaves to the mission.",
                "c": "Naming users is not yet a strategy: there is no choice of whom to serve "
                     "first, no way to win and nothing left out.",
            },
        ),
        MultipleChoice(
            id="q4",
            prompt="Interviews show that families want help with the weekly shop far more than "
                   "with planning meals, so Larder pivots from a meal planner to a smart "
                   "shopping list. Which of its statements should change?",
            options={
                "a": "Neither: vision and mission are both long-term",
                "b": "The mission (its category and key aspects); the vision of households "
                     "eating well from what they have can stay",
                "c": "The vision; the mission stays because it describes the product",
                "d": "Only the backlog; statements are for investors",
            },
            answer="b",
            explanation="The vision is the lasting why; the mission says what this product "
                        "contributes, including its category, and changes with a pivot.",
            hint="Which of the two names a product category, and which category just changed?",
            why_not={
                "a": "The mission names the category ('meal planner'), which is exactly what "
                     "the pivot changes.",
                "c": "The vision names no product, so a change of product leaves it standing; "
                     "that is why it stays stable.",
                "d": "The pivot changes the product's contribution, which the mission states; "
                     "the backlog follows from it.",
            },
        ),
    ),
)
