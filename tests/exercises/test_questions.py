"""The four strategy questions (practice on Larder, graded on Spokes): presence, evidence, reasons, lint."""

from __future__ import annotations

from pathlib import Path

import pytest

from pmcourse.exercises import Outcome, ____, get_problem
from pmcourse.exercises.questions import QUESTIONS
from pmcourse.exercises.registry import practice

from .helpers import criterion, graded_key, instructor_answers

ROOT = Path(__file__).resolve().parents[2]
PRACTICE = get_problem("practice.four_questions")
GRADED = get_problem("strategy_goals.four_questions")
GOOD = PRACTICE.key["example"]


def test_practice_example_is_correct():
    """The example answers meet every criterion."""
    result = PRACTICE.check({"strategy": GOOD})
    assert result.outcome is Outcome.CORRECT and result.score == 1.0


def test_learner_handle_accepts_a_fresh_answer():
    """Other wording that makes choices, cites the data and says why also earns full marks."""
    answer = {
        "what": "A planner that starts from the pantry, because R2 shows planning from what is "
                "at home cut waste by almost a third.",
        "who": "Sunday batch cooks (S7) first, since they fit Larder best and see value within a "
               "week; students in shared flats can wait.",
        "grow": "Shared shopping lists that bring in friends, because R3 shows a shared list "
                "was how many pilot users arrived.",
        "good": "Households cooking three planned meals per week, because R4 links that habit "
                "to households staying after three months.",
    }
    assert practice("four_questions", track=False).check(answer).score == 1.0


def test_answers_without_data_lose_the_evidence_criterion():
    """Generic answers with reasons but no segment, finding or metric from the data lose evidence."""
    answer = {q: "We choose what seems best for our users, because that is what good teams do "
                 "when they plan carefully." for q in QUESTIONS}
    result = PRACTICE.check({"strategy": answer})
    evidence = criterion(result, "evidence")
    assert evidence.earned == 0 and "do not point at the data" in evidence.message
    assert criterion(result, "reasons").passed


def test_answers_without_reasons_lose_the_reasons_criterion():
    """Choices without 'because' or 'so that' lose the reasons criterion, named per question."""
    answer = dict(GOOD) | {"who": "Dual-income families with young children (S1) first, then "
                                  "Sunday batch cooks (S7) next year."}
    reasons = criterion(PRACTICE.check({"strategy": answer}), "reasons")
    assert reasons.earned == 0.75 and "`who` states a choice without its reason" in reasons.message


def test_length_bounds_are_enforced():
    """A one-line answer is too short, and a very long one too long; both are named."""
    answer = dict(GOOD) | {"what": "An app.", "good": " ".join(["word"] * 90) + " because R4."}
    answered = criterion(PRACTICE.check({"strategy": answer}), "answered")
    assert answered.earned == 0.5
    assert "`what`: too short" in answered.message and "`good`: too long" in answered.message


def test_everybody_and_goals_fail_the_linter_criterion():
    """'Everyone' as the target and a growth target as the answer break the linter's error rules."""
    answer = dict(GOOD) | {
        "who": "Everyone who eats, all households and all people everywhere, because food "
               "matters to every single person on the planet in S1 and beyond.",
    }
    lint = criterion(PRACTICE.check({"strategy": answer}), "lint")
    assert lint.earned == 0.75 and "`everybodys-darling`" in lint.message


def test_short_answers_earn_no_lint_credit():
    """One-liners cannot be judged, so they earn nothing for passing the linter."""
    answer = {"what": "An app.", "who": "Parents.", "grow": "Ads.", "good": "Revenue."}
    result = PRACTICE.check({"strategy": answer})
    assert result.outcome is Outcome.INCORRECT and result.score == 0


def test_an_empty_question_is_noted():
    """A blank answer to one question is named in a note."""
    result = PRACTICE.check({"strategy": dict(GOOD) | {"grow": ____}})
    assert "`grow` is empty" in " ".join(result.notes)
    assert result.outcome is Outcome.PARTLY_CORRECT


@pytest.mark.parametrize("blank", [____, dict.fromkeys(QUESTIONS, ____), dict.fromkeys(QUESTIONS, "")])
def test_placeholders_are_not_attempted(blank):
    """The placeholder, or four blank answers, mean 'not attempted'."""
    assert PRACTICE.check({"strategy": blank}).outcome is Outcome.NOT_ATTEMPTED


@pytest.mark.parametrize(("answer", "says"), [
    ("We build a planner", "should be a dict"),
    ({"what": "x", "who": "y", "grow": "z"}, "has no key `good`"),
    ({"what": 1, "who": "y", "grow": "z", "good": "w"}, "`strategy['what']` should be text"),
])
def test_malformed_answers_get_a_clear_message(answer, says):
    """Wrong shapes are reported with what is wrong and how to fix it."""
    result = PRACTICE.check({"strategy": answer})
    assert result.outcome is Outcome.INCORRECT and says in result.message


def test_feedback_does_not_list_the_accepted_references():
    """Feedback on answers without evidence names none of the key's reference terms."""
    answer = {q: "We choose what seems best for our users, because that is what good teams do "
                 "when they plan carefully." for q in QUESTIONS}
    text = str(PRACTICE.check({"strategy": answer}))
    refs = {t for terms in PRACTICE.key["references"].values() for t in terms}
    assert not any(t in text for t in refs if len(t) > 3)


def test_graded_instructor_answers_score_as_declared():
    """REFERENCE earns full marks, each PARTIAL in [0.5, 1), each WRONG under half."""
    key, answers = graded_key(GRADED.id), instructor_answers(GRADED.id)
    assert GRADED.key is None
    assert GRADED.check({"strategy": key["example"]}, key=key).score == 1.0
    assert GRADED.check({"strategy": answers["REFERENCE"]}, key=key).score == 1.0
    for answer in answers["PARTIAL"]:
        result = GRADED.check({"strategy": answer}, key=key)
        assert result.outcome is Outcome.PARTLY_CORRECT and 0.5 <= result.score < 1.0
    for answer in answers["WRONG"]:
        assert GRADED.check({"strategy": answer}, key=key).score < 0.5


@pytest.mark.parametrize("problem", [PRACTICE, GRADED], ids=lambda p: p.id)
def test_solution_shows_an_example_answer_per_question(problem):
    """The worked solution shows the four questions with an example answer each."""
    key = problem.key or graded_key(problem.id)
    text = problem.solution_markdown(key)
    assert all(key["example"][q] in text for q in QUESTIONS)


def test_criteria_have_stable_names_labels_and_weights_summing_to_one():
    """Every criterion has a name and a label, and the weights add up to the whole problem."""
    result = PRACTICE.check({"strategy": GOOD})
    assert all(c.name and c.label for c in result.criteria)
    assert len({c.name for c in result.criteria}) == len(result.criteria)
    assert sum(c.weight for c in result.criteria) == pytest.approx(1.0)
