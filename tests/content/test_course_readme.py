"""course/README.md, the facilitator guide: outcomes match the lesson data, nothing is left out."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from pmcourse.content import LESSONS

ROOT = Path(__file__).resolve().parents[2]
GUIDE = ROOT / "course" / "README.md"
ASSIGNMENTS = ("a1_vision_mission", "a2_strategy_goals", "a3_roadmap", "a4_backlog",
               "a5_capstone")
COMMANDS = ("pmcourse cohort init", "pmcourse release", "pmcourse grade", "pmcourse report")


@pytest.fixture(scope="module")
def guide() -> str:
    return GUIDE.read_text(encoding="utf-8")


@pytest.mark.parametrize("lesson", LESSONS.values(), ids=lambda lesson: lesson.id)
def test_each_lesson_has_its_outcomes_prompts_and_activity(guide: str, lesson) -> None:
    """Each lesson's section lists its learning outcomes verbatim, prompts and an activity."""
    start = guide.index(f"### {lesson.id[:2]} · [{lesson.title}]")
    end = guide.find("\n### ", start + 1)
    section = guide[start:end if end > 0 else None]
    for objective in lesson.objectives:
        assert f"- {objective}" in section
    assert "**Discussion prompts.**" in section and "**In-class activity.**" in section


def test_week_by_week_plan_covers_every_lesson(guide: str) -> None:
    """The weekly plan table names each lesson number once."""
    plan = guide[guide.index("## Week-by-week plan"):guide.index("## Graded assignments")]
    numbers = re.findall(r"\b\d\d\b", " ".join(row.split("|")[2] for row in
                                              plan.splitlines() if row.startswith("| ")
                                              and row[2].isdigit()))
    assert sorted(numbers) == sorted(lesson.id[:2] for lesson in LESSONS.values())


@pytest.mark.parametrize("assignment", ASSIGNMENTS)
def test_each_assignment_says_what_is_auto_graded_and_what_needs_a_person(
        guide: str, assignment: str) -> None:
    """Each graded assignment has a row: lessons, product, auto-graded, manual, release, due."""
    row = next(line for line in guide.splitlines() if line.startswith(f"| `{assignment}` |"))
    cells = [c.strip() for c in row.strip("|").split("|")]
    assert len(cells) == 7 and all(cells)


def test_instructor_commands_are_documented(guide: str) -> None:
    """The four instructor commands appear in the guide."""
    for command in COMMANDS:
        assert command in guide


def test_relative_links_point_at_real_files(guide: str) -> None:
    """Every relative link to a lesson or practice notebook resolves to a file in the repo."""
    targets = re.findall(r"\]\((\.\./[^)]+)\)", guide)
    assert targets
    missing = [t for t in targets if not (GUIDE.parent / t).resolve().exists()]
    assert missing == []
