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


_HOW = (
    "Answer each question in the cell marked for it, run the notebook from the top, and submit. "
    "Hidden checks grade each answer with partial credit and explain what earned or lost points."
)

ASSIGNMENTS = (
    Assignment(
        id="a1_vision_mission",
        notebook="vision_mission",
        title="Assignment 1: vision and mission",
        intro=(
            "This assignment is about **Waypoint**, a home-exercise app for people recovering "
            "from an injury or an operation with a physiotherapist's plan. " + _HOW
        ),
        parts=(
            ProblemPart("vision_mission.classify_statements"),
            ProblemPart("vision_mission.fix_vision"),
            ProblemPart("vision_mission.vision_mission_pair"),
            WrittenPart(
                slug="reflection",
                title="Reflection: why the vision leaves the product out",
                prompt=(
                    "In 80 to 150 words: why does the course keep the product category out of a "
                    "vision and put it in the mission? Use one of your Waypoint statements as an "
                    "example, and name one source that disagrees."
                ),
                points=3.0,
                rubric=(
                    "1 point: explains that a vision describes a change for people that should "
                    "outlast any one solution.",
                    "1 point: uses a concrete Waypoint statement to show the difference.",
                    "1 point: names a disagreeing source or framework and what it says instead.",
                ),
            ),
        ),
    ),
    Assignment(
        id="a2_strategy_goals",
        notebook="strategy_goals",
        title="Assignment 2: strategy and measurable goals",
        intro=(
            "This assignment is about **Spokes**, software that independent bike shops use to run "
            "repairs and order parts. Every answer should follow from the data you are given. "
            + _HOW
        ),
        parts=(
            ProblemPart("strategy_goals.icp_and_wont_do"),
            ProblemPart("strategy_goals.four_questions"),
            ProblemPart("strategy_goals.north_star"),
        ),
    ),
    Assignment(
        id="a3_roadmap",
        notebook="roadmap",
        title="Assignment 3: roadmaps",
        intro=(
            "This assignment is about **Kindling**, a scheduling service for home-care agencies: "
            "coordinators plan visits, carers see their day, families follow their relative's "
            "care. " + _HOW
        ),
        parts=(
            ProblemPart("roadmap.feature_split"),
            ProblemPart("roadmap.now_next_later"),
            ProblemPart("roadmap.timeline_to_outcomes"),
        ),
    ),
    Assignment(
        id="a4_backlog",
        notebook="backlog",
        title="Assignment 4: backlogs",
        intro=(
            "This assignment is about **Courtside**, court booking and coaching for community "
            "tennis clubs. " + _HOW
        ),
        parts=(
            ProblemPart("backlog.repair_stories"),
            ProblemPart("backlog.split_epic"),
            ProblemPart("backlog.link_items"),
            ProblemPart("backlog.spot_outcome"),
        ),
    ),
)
