"""What lessons display: header, definitions, disagreements, glossary, syllabus, progress."""

from __future__ import annotations

import json
from pathlib import Path

from pmcourse.content import (
    DEFINITIONS,
    LESSONS,
    definition,
    disagreement,
    glossary_table,
    larder,
    lesson_header,
    progress_view,
    syllabus,
)
from pmcourse.exercises import get_problem
from pmcourse.exercises.engine.result import CheckResult, Outcome
from pmcourse.progress import record_check


def test_header_shows_title_and_objectives_and_records_the_lesson(pmcourse_home: Path) -> None:
    """Opening a lesson shows its title and every objective, and marks it opened."""
    shown = lesson_header("02_product_vision")._repr_markdown_()
    lesson = LESSONS["02_product_vision"]
    assert lesson.title in shown
    assert all(o in shown for o in lesson.objectives)
    stored = json.loads((pmcourse_home / "progress.json").read_text())
    assert "02_product_vision" in stored["lessons"]


def test_header_for_an_unknown_lesson_suggests_the_right_id(pmcourse_home: Path) -> None:
    """A mistyped lesson id gets a suggestion and records nothing."""
    shown = str(lesson_header("02_product_visoin"))
    assert "no lesson" in shown and "'02_product_vision'" in shown
    assert not (pmcourse_home / "progress.json").exists()


def test_header_survives_an_unwritable_home(pmcourse_home: Path) -> None:
    """If progress cannot be saved, the header still shows and says how to fix it."""
    pmcourse_home.parent.mkdir(parents=True, exist_ok=True)
    pmcourse_home.write_text("a file where a folder should be")
    shown = str(lesson_header("01_leverage"))
    assert "Leverage" in shown and "PMCOURSE_HOME" in shown


def test_definition_is_found_by_alias_and_case() -> None:
    """`definition('icp')` finds the ideal customer profile, with what it means."""
    shown = str(definition("icp"))
    assert "Ideal customer profile" in shown
    assert DEFINITIONS["ideal customer profile"].meaning in shown


def test_definition_lists_what_belongs_and_what_does_not() -> None:
    """The vision's definition names its contents, exclusions and horizon."""
    shown = str(definition("Vision"))
    assert "Contains:" in shown and "Leaves out:" in shown and "3 to 10 years" in shown


def test_unknown_term_points_to_the_glossary() -> None:
    """An unknown term gets a close match and a pointer to the glossary, not an error."""
    shown = str(definition("roadmapp"))
    assert "No house definition" in shown and "'roadmap'" in shown
    assert "glossary_table()" in shown


def test_disagreement_shows_both_views_and_the_course_rule() -> None:
    """A disagreement renders as a table of two views, the rule and the reason."""
    shown = str(disagreement("roadmap content"))
    assert "What goes on a roadmap?" in shown
    for label in ("One view", "Another view", "This course's rule", "Why"):
        assert label in shown


def test_unknown_disagreement_lists_the_topics() -> None:
    """An unknown topic lists the topics there are."""
    shown = str(disagreement("pricing"))
    assert "No disagreement" in shown and "roadmap-content" in shown


def test_glossary_table_has_one_row_per_term() -> None:
    """The glossary table includes every defined term with a link to its lesson."""
    shown = str(glossary_table())
    for d in DEFINITIONS.values():
        assert f"**{d.term}**" in shown
    assert "(02_product_vision.ipynb)" in shown


def test_syllabus_lists_every_lesson_with_objectives_and_practice() -> None:
    """The syllabus names each lesson, each objective and links practice notebooks."""
    shown = str(syllabus())
    for lesson in LESSONS.values():
        assert lesson.title in shown
        assert all(o in shown for o in lesson.objectives)
    assert "(../exercises/02_fix_the_vision.ipynb)" in shown


def test_larder_shows_the_requested_facts() -> None:
    """`larder('vision', 'wont_do')` shows exactly those facts of the running case."""
    shown = str(larder("vision", "wont_do"))
    assert "Every household eats well" in shown and "No calorie counting" in shown
    assert "Product mission" not in shown
    assert "no field 'vison'" in str(larder("vison"))


def test_progress_view_counts_lessons_quizzes_and_exercises() -> None:
    """The view shows lessons opened, quiz answers and each exercise's attempts and best."""
    lesson_header("00_start_here")
    record_check("practice.feature_split",
                 CheckResult("practice.feature_split", Outcome.PARTLY_CORRECT, 0.5))
    record_check("quiz.00_start_here.q1", CheckResult("quiz.00_start_here.q1",
                                                      Outcome.CORRECT, 1.0))
    shown = str(progress_view())
    assert f"Lessons opened: 1 of {len(LESSONS)}" in shown
    title = get_problem("practice.feature_split").title
    assert f"| [{title}](../exercises/06_feature_split.ipynb) | 1 | 50% | not yet |" in shown
    assert "| 1 of 3 |" in shown and "quiz questions answered right: 1 of" in shown
    assert "Practice passed: 0 of" in shown and "**Left to do:**" in shown


def test_progress_view_reports_a_corrupt_file_and_carries_on(pmcourse_home: Path) -> None:
    """A corrupt progress file is reported in the view and a fresh one is started."""
    pmcourse_home.mkdir(parents=True)
    (pmcourse_home / "progress.json").write_text("{not json")
    shown = str(progress_view())
    assert "could not be read" in shown
    assert "Lessons opened: 0" in shown
    assert list(pmcourse_home.glob("progress.json.corrupt-*"))


def test_a_check_before_answering_does_not_count_as_an_attempt() -> None:
    """Checking a placeholder answer is not an attempt: the exercise still shows none."""
    record_check("practice.feature_split",
                 CheckResult("practice.feature_split", Outcome.NOT_ATTEMPTED, 0.0))
    shown = str(progress_view())
    title = get_problem("practice.feature_split").title
    assert f"| [{title}](../exercises/06_feature_split.ipynb) | 0 | - | not yet |" in shown


def test_empty_progress_lists_everything_left_with_links() -> None:
    """With nothing done yet, every practice notebook is linked and the view says what is left,
    starting with the first one."""
    shown = str(progress_view())
    assert "Practice passed: 0 of" in shown and "(../exercises/01_which_artifact.ipynb)" in shown
    assert "- open " in shown and "- complete the capstone" in shown


def test_a_lesson_opens_with_a_review_of_earlier_questions_missed() -> None:
    """A question missed in lesson 02 comes back at the top of lesson 04, with its options and
    a link to lesson 02; answered right later, it leaves the review."""
    question = LESSONS["02_product_vision"].quiz[0]
    qid = f"quiz.02_product_vision.{question.id}"
    record_check(qid, CheckResult(qid, Outcome.INCORRECT, 0.0))
    shown = str(lesson_header("04_product_strategy"))
    assert "quick review" in shown and question.prompt in shown
    assert "(02_product_vision.ipynb)" in shown
    assert all(text in shown for text in question.options.values())
    assert "quick review" not in str(lesson_header("02_product_vision"))
    record_check(qid, CheckResult(qid, Outcome.CORRECT, 1.0))
    assert "quick review" not in str(lesson_header("04_product_strategy"))
