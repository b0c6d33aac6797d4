"""Lesson 00 data: how the course works, where your work is saved, and what you will learn."""

from __future__ import annotations

from ..model import Lesson, MultipleChoice

LESSON = Lesson(
    id="00_start_here",
    title="Start here: how this course works",
    summary="A tour of the course: lessons, drafting widgets, practice checks, graded "
            "assignments, where your work is kept, and the outcomes of every lesson.",
    minutes=15,
    objectives=(
        "Find your way through the eleven lessons and the eleven practice notebooks",
        "Use a practice exercise: read its data, check an answer, ask for hints, see the solution",
        "Say where drafts and progress are saved and how to move or reset them",
        "Read your progress view and pick the next lesson",
    ),
    concepts=("course-map", "practice-checks", "graded-assignments", "saved-work",
              "progress-view", "syllabus"),
    quiz=(
        MultipleChoice(
            id="q1",
            prompt="You ran `q.check(answer)` and got _Partly correct_. What is the most useful "
                   "next step?",
            options={
                "a": "Call `q.solution()` straight away and copy it",
                "b": "Read the criterion lines that are not ticked, then call `q.hint()` if "
                     "you are stuck",
                "c": "Restart the kernel; partial results are a glitch",
            },
            answer="b",
            explanation="Each criterion line says what is still missing without giving the "
                        "answer away; hints come one at a time, gentlest first. The solution "
                        "is there for when you have tried.",
            hint="The result lists one line per criterion. Which part helps you learn?",
            why_not={"a": "Copying the solution skips the practice the exercise exists for.",
                     "c": "Partial credit is deliberate: some criteria are met, others not."},
        ),
        MultipleChoice(
            id="q2",
            prompt="Where does the course keep your progress (lessons opened, checks passed)?",
            options={
                "a": "In the notebook file itself",
                "b": "On the course's web server",
                "c": "In one small JSON file under `$PMCOURSE_HOME` (by default `~/.pmcourse`)",
            },
            answer="c",
            explanation="Progress is a local file, `progress.json`, written atomically so a "
                        "killed kernel cannot corrupt it. Set `PMCOURSE_HOME` to keep it "
                        "somewhere else.",
            hint="Nothing in this course needs a network connection.",
            why_not={
                "a": "Notebooks hold your answers and drafts' cells, not a record of what you "
                     "opened or passed; that lives outside them so a fresh copy of a notebook "
                     "loses nothing.",
                "b": "The course runs entirely on your machine; nothing is sent anywhere.",
            },
        ),
        MultipleChoice(
            id="q3",
            prompt="Which statements about graded assignments are true? Pick all that apply.",
            options={
                "a": "They use other products than Larder, so practice answers do not carry over",
                "b": "Their answer keys ship inside the pmcourse package",
                "c": "Most parts are auto-graded; reflections are read by a person",
                "d": "Graded answers are what is saved (a draft file or plain Python values), not "
                     "live widget state",
            },
            answer=frozenset({"a", "c", "d"}),
            explanation="Graded work uses products such as Kindling; its keys stay with the "
                        "instructor, never in the package. Auto-grading re-runs your notebook, "
                        "where a widget would hold its default, so answers are what is saved: "
                        "draft files or plain values. Written reflections get a human reader.",
            hint="Think about what would let a student cheat, and what a grading run can see.",
            why_not={
                "b": "Keys stay with the instructor, in the course's autograders folder; "
                     "shipping them in the package would hand every student the answers.",
            },
        ),
    ),
)
