"""The graded assignments of the course, declared as data; `authoring` builds their notebooks.

Each part is either a graded problem (its public half in ``pmcourse.exercises.graded``, its key
and reference answer in ``autograders/``) or a written answer graded by a person with a rubric.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ProblemPart:
    """An auto-graded part: the problem's inputs, an answer cell and a hidden-test cell."""

    problem_id: str


@dataclass(frozen=True)
class WrittenPart:
    """A manually graded written answer; the rubric is shown to students and graders alike."""

    slug: str
    title: str
    prompt: str
    points: float
    rubric: tuple[str, ...]


@dataclass(frozen=True)
class Assignment:
    """One nbgrader assignment: ``course/source/<id>/<notebook>.ipynb``."""

    id: str
    notebook: str
    title: str
    intro: str
    parts: tuple[ProblemPart | WrittenPart, ...]


ASSIGNMENTS = (
    Assignment(
        id="a3_roadmap",
        notebook="roadmap",
        title="Assignment 3: roadmaps",
        intro=(
            "This assignment is about **Kindling**, a scheduling service for home-care agencies: "
            "coordinators plan visits, carers see their day, families follow their relative's "
            "care. Answer each question in the cell marked for it, run the notebook from the top, "
            "and submit. Hidden checks grade each answer and explain what earned or lost points."
        ),
        parts=(ProblemPart("roadmap.feature_split"),),
    ),
)
