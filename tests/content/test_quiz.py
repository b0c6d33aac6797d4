"""The self-quiz: feedback that explains, hints before answers, clear messages for bad input."""

from __future__ import annotations

import json
from pathlib import Path

from pmcourse.content import MultipleChoice, Quiz
from pmcourse.content.quiz import MAX_TRIES

SINGLE = MultipleChoice(
    id="q1", prompt="Which is a vision?",
    options={"a": "A meal-planning app", "b": "Families waste less food", "c": "Ship by May"},
    answer="b", explanation="It describes a change for people.",
    hint="Look for people.", why_not={"a": "That names a category."},
)
MULTI = MultipleChoice(
    id="q2", prompt="Which are outcomes?",
    options={"a": "Households waste less", "b": "Add a scanner", "c": "Families cook more"},
    answer=frozenset({"a", "c"}), explanation="Both are changes in behaviour.",
)


def quiz() -> Quiz:
    return Quiz("99_test", [SINGLE, MULTI])


def progress(home: Path) -> dict:
    return json.loads((home / "progress.json").read_text())["exercises"]


def test_right_answer_is_confirmed_with_the_explanation(pmcourse_home: Path) -> None:
    """A right answer says correct, explains why, and is recorded as passed."""
    feedback = quiz().check("q1", "b")
    assert feedback.correct and feedback.revealed
    assert "Correct" in str(feedback) and SINGLE.explanation in str(feedback)
    assert progress(pmcourse_home)["quiz.99_test.q1"]["passed"] is True


def test_first_wrong_answer_explains_and_hints_without_the_answer(pmcourse_home: Path) -> None:
    """A first wrong answer gives the option's reason and a hint, but not the right option."""
    feedback = quiz().check("q1", "a")
    assert feedback.correct is False and not feedback.revealed
    assert "That names a category." in feedback.message and "Look for people." in feedback.message
    assert "Families waste less food" not in feedback.message
    entry = progress(pmcourse_home)["quiz.99_test.q1"]
    assert entry["attempts"] == 1 and entry["passed"] is False


def test_answer_is_shown_after_the_last_try() -> None:
    """After the allowed wrong tries, the right option and the explanation are shown."""
    q = quiz()
    for _ in range(MAX_TRIES - 1):
        assert not q.check("q1", "c").revealed
    feedback = q.check("q1", "c")
    assert feedback.revealed and "(b) Families waste less food" in feedback.message
    assert SINGLE.explanation in feedback.message


def test_letters_are_forgiving_about_case_and_punctuation() -> None:
    """'B', ' b ' and 'b)' all mean option b."""
    for choice in ("B", " b ", "b)"):
        assert quiz().check("q1", choice).correct


def test_bad_input_gets_a_message_not_an_exception(pmcourse_home: Path) -> None:
    """Unknown letters, empty answers, wrong types and unknown questions explain the fix."""
    q = quiz()
    cases = {("q1", "z"): "'z' is not among the options (a, b, c)",
             ("q1", None): "Pick an option first",
             ("q1", ""): "Pick an option first",
             ("q1", 3): "3 is not an option letter",
             ("q1", "a,b"): "one answer",
             ("q7", "a"): "There is no question 'q7'"}
    for (qid, choice), expected in cases.items():
        feedback = q.check(qid, choice)
        assert feedback.correct is None and expected in feedback.message
        assert "quiz.check(" in feedback.message or qid == "q7"
    assert not (pmcourse_home / "progress.json").exists()


def test_multiple_answer_question_needs_the_whole_set() -> None:
    """A partial set is not correct; feedback counts what was found without naming it."""
    q = quiz()
    partial = q.check("q2", ["a"])
    assert partial.correct is False and "1 of the 2" in partial.message
    assert "Families cook more" not in partial.message
    assert q.check("q2", "a, c").correct
    assert q.check("q2", ["c", "a"]).correct


def test_for_lesson_builds_the_lesson_quiz() -> None:
    """Quiz.for_lesson uses the questions declared in the lesson's data module."""
    q = Quiz.for_lesson("02_product_vision")
    assert q.lesson_id == "02_product_vision" and len(q.questions) >= 3


def test_form_shows_questions_and_checks_on_click(pmcourse_home: Path) -> None:
    """The widget form has one block per question; clicking Check shows explaining feedback."""
    q = quiz()
    form = q.widget()
    assert "pmcourse-quiz" in form._dom_classes
    blocks = form.children[1:]
    assert len(blocks) == 2
    prompt, radio, button, feedback = blocks[0].children
    assert "Which is a vision?" in prompt.value and feedback.value == ""
    assert SINGLE.explanation not in prompt.value
    radio.value = "b"
    button.click()
    assert "Correct" in feedback.value
    assert "It describes a change for people." in feedback.value
    assert progress(pmcourse_home)["quiz.99_test.q1"]["passed"] is True


def test_form_without_a_choice_asks_for_one() -> None:
    """Clicking Check before choosing says to pick an option."""
    block = quiz().widget().children[1]
    block.children[2].click()
    assert "Pick an option first" in block.children[3].value


def test_multiple_answer_form_uses_checkboxes() -> None:
    """A several-answer question is a set of checkboxes, checked together."""
    block = quiz().widget().children[2]
    boxes = block.children[1].children
    boxes[0].value = True
    boxes[2].value = True
    block.children[2].click()
    assert "Correct" in block.children[3].value


def test_quiz_displays_as_a_widget_in_a_notebook() -> None:
    """Showing a quiz in a notebook shows its form (an ipywidgets view), not a text dump."""
    bundle = quiz()._repr_mimebundle_()
    assert "application/vnd.jupyter.widget-view+json" in bundle


def test_text_form_lists_questions_and_options_without_answers() -> None:
    """repr(quiz) shows how to answer, every question and option, and no explanation."""
    text = repr(quiz())
    assert "quiz.check(" in text and "q1. Which is a vision?" in text
    assert "b) Families waste less food" in text
    assert SINGLE.explanation not in text and MULTI.explanation not in text
