"""Concept table for lessons 00-04: every concept the course promises maps to the cell teaching it.

Each row names a concept, the lesson notebook that teaches it and the key terms that the cell(s)
tagged ``concept:<slug>`` (nbformat ``metadata.tags``) must all contain. The tests read the
notebook JSON, so a renamed, untagged or emptied cell fails here instead of silently dropping a
topic. ``cells_tagged`` and ``missing_terms`` are the helpers other concept tables can reuse.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

import pytest

from pmcourse.content import LESSONS

NOTEBOOKS = Path(__file__).resolve().parents[2] / "notebooks"

CONCEPTS: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    # 00 start here
    ("course-map", "00_start_here", ("notebooks/", "exercises/", "self-quiz", "larder")),
    ("practice-checks", "00_start_here", ("q.answer()", "q.check()", "q.check(answer)",
                                          "q.hint()", "q.solution()", "partly correct",
                                          "no code needed")),
    ("graded-assignments", "00_start_here", ("nbgrader", "validate", "submit",
                                             "read by a person", "plain python values")),
    ("saved-work", "00_start_here", ("drafts/vision.json", "pmcourse_home", "~/.pmcourse",
                                     "atomically")),
    ("progress-view", "00_start_here", ("progress", "lessons you have opened", "attempts",
                                        "passed", "pmcourse progress")),
    ("syllabus", "00_start_here", ("syllabus", "outcomes", "on their own", "in a cohort")),
    # 01 leverage: the vision and strategy pyramid
    ("know-the-company", "01_leverage", ("company", "good at", "weak")),
    ("pyramid", "01_leverage", ("vision", "strategy", "roadmap scope", "backlog",
                                "optimizations", "foundations")),
    ("foundations-vs-optimizations", "01_leverage", ("foundations", "optimizations",
                                                     "destination", "faster")),
    ("direction-before-speed", "01_leverage", ("wrong", "direction", "output")),
    ("leverage-and-autonomy", "01_leverage", ("leverage", "designers and engineers", "how")),
    ("artifact-chain", "01_leverage", ("vision → mission → strategy", "roadmap → backlog",
                                       "company's vision")),
    # 02 product vision
    ("vision-definition", "02_product_vision", ("product vision", "destination", "people")),
    ("vision-jobs", "02_product_vision", ("direction", "inspiration", "decisions",
                                          "communication", "micro-decisions")),
    ("vision-criteria", "02_product_vision", ("vision/feature-list", "vision/names-solution",
                                              "vision/internal-goal", "pivot test")),
    ("vision-stability", "02_product_vision", ("three to ten", "stubborn", "strategy")),
    ("company-vision-bounds", "02_product_vision", ("company vision", "why does the company exist",
                                                    "part of it")),
    ("vision-drafting", "02_product_vision", ("VisionDrafter", "drafts/vision.json")),
    # 03 vision vs mission
    ("mission-definition", "03_vision_vs_mission", ("product mission", "whom", "which category",
                                                    "one to three aspects")),
    ("vision-vs-mission", "03_vision_vs_mission", ("vision", "product mission", "category",
                                                   "pivots")),
    ("mission-criteria", "03_vision_vs_mission", ("mission/empty-slogan", "mission/no-category",
                                                  "mission/same-as-vision")),
    ("swapped-pair", "03_vision_vs_mission", ("learning management system", "it is a mission",
                                              "lint_report(")),
    ("positioning", "03_vision_vs_mission", ("positioning statement", "geoffrey moore",
                                             "unlike", "strategy")),
    ("mission-disagreement", "03_vision_vs_mission", ("definitions", "mission",
                                                      "can be checked")),
    ("mission-drafting", "03_vision_vs_mission", ("MissionDrafter", "drafts/mission.json")),
    # 04 product strategy
    ("strategy-choices", "04_product_strategy", ("where to play", "how to win", "playing to win",
                                                 "what not to do", "how success is measured")),
    ("strategy-kernel", "04_product_strategy", ("diagnosis", "guiding policy",
                                                "coherent actions", "rumelt")),
    ("vision-vs-strategy", "04_product_strategy", ("vision", "strategy", "aspirational",
                                                   "stand out", "principles")),
    ("four-questions", "04_product_strategy", ("four questions", "**what**", "**whom**",
                                               "will the product grow", "how will we know")),
    ("why-what-how", "04_product_strategy", ("why the product matters", "what it aims for",
                                             "how it will get there", "product principles")),
    ("icp", "04_product_strategy", ("ideal customer profile", "icp", "segment")),
    ("segments", "04_product_strategy", ("segment", "families with school-age children",
                                         "declined")),
    ("differentiation", "04_product_strategy", ("differentiation", "real alternatives")),
    ("wont-do", "04_product_strategy", ("won't-do list", "say", "no")),
    ("business-vs-product-strategy", "04_product_strategy", ("business strategy",
                                                             "product strategy", "budget",
                                                             "business metrics")),
    ("strategy-not-roadmap", "04_product_strategy", ("not a roadmap", "outputs",
                                                     "strategy/roadmap-in-strategy")),
)
OURS = tuple(sorted({lesson for _, lesson, _ in CONCEPTS}))


@cache
def load_cells(lesson_id: str) -> tuple[dict, ...]:
    """The cells of a lesson notebook, read as JSON."""
    path = NOTEBOOKS / f"{lesson_id}.ipynb"
    return tuple(json.loads(path.read_text(encoding="utf-8"))["cells"])


def cells_tagged(lesson_id: str, slug: str) -> list[str]:
    """The source text of every cell in the lesson tagged ``concept:<slug>``."""
    return ["".join(cell.get("source", "")) for cell in load_cells(lesson_id)
            if f"concept:{slug}" in cell.get("metadata", {}).get("tags", [])]


def missing_terms(text: str, terms: tuple[str, ...]) -> list[str]:
    """The key terms that `text` does not contain (compared case-insensitively)."""
    folded = text.casefold()
    return [term for term in terms if term.casefold() not in folded]


@pytest.mark.parametrize(("slug", "lesson_id", "terms"), CONCEPTS,
                         ids=[f"{lesson}:{slug}" for slug, lesson, _ in CONCEPTS])
def test_concept_is_taught_in_its_tagged_cell(slug: str, lesson_id: str,
                                              terms: tuple[str, ...]) -> None:
    """A cell tagged with the concept exists in its lesson and contains every key term."""
    cells = cells_tagged(lesson_id, slug)
    assert cells, f"no cell tagged concept:{slug} in notebooks/{lesson_id}.ipynb"
    assert missing_terms("\n".join(cells), terms) == []


@pytest.mark.parametrize("lesson_id", OURS)
def test_table_matches_the_lesson_data(lesson_id: str) -> None:
    """The table lists exactly the concepts the lesson's data module promises."""
    in_table = {slug for slug, lesson, _ in CONCEPTS if lesson == lesson_id}
    assert in_table == set(LESSONS[lesson_id].concepts)


@pytest.mark.parametrize("lesson_id", OURS)
def test_every_concept_tag_in_the_notebook_is_in_the_table(lesson_id: str) -> None:
    """No cell carries a concept tag that the table does not check."""
    in_table = {slug for slug, lesson, _ in CONCEPTS if lesson == lesson_id}
    tags = {tag.removeprefix("concept:") for cell in load_cells(lesson_id)
            for tag in cell.get("metadata", {}).get("tags", []) if tag.startswith("concept:")}
    assert tags <= in_table


@pytest.mark.parametrize("lesson_id", OURS)
def test_lesson_follows_the_course_shape(lesson_id: str) -> None:
    """Setup cell first among code cells, then a self-quiz, practice links and a recap."""
    cells = load_cells(lesson_id)
    sources = ["".join(c.get("source", "")) for c in cells]
    first_code = next(s for c, s in zip(cells, sources, strict=True) if c["cell_type"] == "code")
    assert f"lesson_header({lesson_id!r})" in first_code
    assert any(f"Quiz.for_lesson({lesson_id!r})" in s for s in sources)
    assert sources[-1].startswith("## Recap")
    for practice in LESSONS[lesson_id].practice:
        assert any(f"(../exercises/{practice})" in s for s in sources), practice


@pytest.mark.parametrize("lesson_id", OURS)
def test_widget_cells_ignore_their_output_and_outputs_are_cleared(lesson_id: str) -> None:
    """Widget and quiz cells carry nbval's ``nbval-ignore-output`` tag (metadata, not a visible
    comment); committed notebooks hold no output."""
    for cell in load_cells(lesson_id):
        if cell["cell_type"] != "code":
            continue
        source = "".join(cell["source"])
        assert not cell.get("outputs") and cell.get("execution_count") is None
        assert "NBVAL" not in source
        if "Drafter(" in source or "Quiz.for_lesson" in source:
            assert "nbval-ignore-output" in cell["metadata"].get("tags", [])
