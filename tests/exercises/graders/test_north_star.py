"""North Star and inputs (practice on Larder, graded on Spokes): the metric, its inputs, the reasons."""

from __future__ import annotations

from pathlib import Path

import pytest

from pmcourse.exercises import Outcome, ____, get_problem
from pmcourse.exercises.engine.registry import practice
from pmcourse.lint import lint

from ..helpers import criterion, graded_key, instructor_answers

ROOT = Path(__file__).resolve().parents[3]
PRACTICE = get_problem("practice.north_star")
GRADED = get_problem("strategy_goals.north_star")


def reference(key: dict) -> dict:
    return {"metric": key["north_star"][0], "inputs": list(key["inputs"]),
            "rejected": {c: fails[0] for c, fails in key["rejected"].items()}}


def test_practice_reference_answer_is_correct():
    """The key's North Star, its inputs and one true reason per rejected candidate earn full marks."""
    result = practice("north_star", track=False).check(reference(PRACTICE.key))
    assert result.outcome is Outcome.CORRECT and result.score == 1.0


def test_any_true_reason_is_accepted_and_several_may_be_given():
    """A rejected candidate may carry any checklist point it fails, or a list of them."""
    answer = reference(PRACTICE.key)
    answer["rejected"]["N2"] = ["leading", "customer-value"]
    answer["inputs"] = answer["inputs"][:3]
    result = PRACTICE.check({"north_star": answer})
    assert criterion(result, "rejected").passed
    assert criterion(result, "inputs").earned == pytest.approx(6 / 7)  # F1 of 3 right out of 4


def test_second_best_north_star_earns_half():
    """Meals planned (intent, not value) earns half of the North Star criterion."""
    answer = reference(PRACTICE.key) | {"metric": "N7"}
    metric = criterion(PRACTICE.check({"north_star": answer}), "metric")
    assert metric.earned == 0.5 and "close" in metric.message


@pytest.mark.parametrize(("problem", "money"), [(PRACTICE, "N2"), (GRADED, "M2")],
                         ids=["practice", "graded"])
def test_revenue_as_north_star_caps_the_score(problem, money):
    """A money metric as North Star caps the whole score at 10%, however good the rest is."""
    key = problem.key or graded_key(problem.id)
    answer = reference(key) | {"metric": money}
    answer["rejected"] = {c: r for c, r in answer["rejected"].items() if c != money}
    result = problem.check({"north_star": answer}, key=key)
    assert result.score == pytest.approx(0.1) and "capped at 10%" in result.message
    metric = criterion(result, "metric")
    assert metric.earned == 0 and "counts money the business takes in" in metric.message


def test_a_vanity_north_star_is_capped_below_half():
    """Total registered households fails the checklist: the score is capped at 40%."""
    answer = reference(PRACTICE.key) | {"metric": "N3"}
    result = PRACTICE.check({"north_star": answer})
    assert result.score == pytest.approx(0.4) and "capped at 40%" in result.message


def test_solution_says_which_candidates_fail_several_checks():
    """The solution says any listed point is a right reason and names the half-credit candidate."""
    text = PRACTICE.solution_markdown()
    assert "fail more than one check: any of the points listed is a right reason" in text
    assert "N7 can be defended as a North Star" in text


def test_work_and_lagging_numbers_are_not_inputs():
    """An initiative and a yearly churn rate among the inputs lower the score and say why."""
    answer = reference(PRACTICE.key) | {"inputs": ["I1", "I2", "I5", "I6"]}
    inputs = criterion(PRACTICE.check({"north_star": answer}), "inputs")
    assert inputs.earned == pytest.approx(0.5)
    assert "2 inputs you chose do not drive the North Star" in inputs.message


def test_too_few_inputs_halve_the_inputs_credit():
    """Two inputs are outside 3 to 5: half credit until there are enough."""
    answer = reference(PRACTICE.key) | {"inputs": ["I1", "I2"]}
    inputs = criterion(PRACTICE.check({"north_star": answer}), "inputs")
    assert inputs.earned == pytest.approx(0.5 * (2 / 3))
    assert "needs 3 to 5" in inputs.message


def test_false_reasons_are_counted_not_corrected():
    """A reason that does not hold is counted, and the right criterion is not revealed."""
    answer = reference(PRACTICE.key)
    answer["rejected"]["N5"] = "understandable"
    result = PRACTICE.check({"north_star": answer})
    rejected = criterion(result, "rejected")
    assert rejected.earned == pytest.approx(5 / 6)
    assert "1 reason you gave does not hold" in rejected.message
    assert "measurable" not in str(result)


@pytest.mark.parametrize("blank", [____, None, {"metric": ____, "inputs": ____, "rejected": ____},
                                   {"metric": "", "inputs": [], "rejected": {}}])
def test_placeholders_are_not_attempted(blank):
    """The placeholder, or a dict still holding placeholders, means 'not attempted'."""
    assert PRACTICE.check({"north_star": blank}).outcome is Outcome.NOT_ATTEMPTED


@pytest.mark.parametrize(("answer", "says"), [
    ("N1", "should be a dict"),
    ({"metric": "N1", "inputs": []}, "has no key `rejected`"),
    ({"metric": ["N1", "N7"], "inputs": [], "rejected": {}}, "Pick exactly one North Star"),
    ({"metric": "N1", "inputs": "I1", "rejected": ["N2"]}, "should be a dict mapping"),
])
def test_malformed_answers_get_a_clear_message(answer, says):
    """Wrong shapes, including two North Stars, are reported with how to fix them."""
    result = PRACTICE.check({"north_star": answer})
    assert result.outcome is Outcome.INCORRECT and says in result.message


def test_unknown_ids_and_criteria_are_noted():
    """Unknown candidate, input and criterion ids each get a note naming where to pick from."""
    answer = reference(PRACTICE.key)
    answer["inputs"] = [*answer["inputs"], "I99"]
    answer["rejected"]["N2"] = "too-expensive"
    notes = " ".join(PRACTICE.check({"north_star": answer}).notes)
    assert "I99: not an input metric id" in notes
    assert "too-expensive: not a checklist criterion" in notes


def test_feedback_never_names_the_answer():
    """A wrong answer's feedback names neither the accepted North Star nor any accepted input."""
    answer = {"metric": "N3", "inputs": ["I5", "I6", "I7"], "rejected": {}}
    text = str(PRACTICE.check({"north_star": answer}))
    assert "N1" not in text and not any(i in text for i in PRACTICE.key["inputs"])


@pytest.mark.parametrize("problem", [PRACTICE, GRADED], ids=lambda p: p.id)
def test_keys_agree_with_the_linter(problem):
    """The North Star passes the linter's error rules; candidates it flags are rejected for value."""
    key = problem.key or graded_key(problem.id)
    names = {r["metric_id"]: r["metric"] for r in problem.data["candidates"]}
    for best in key["north_star"]:
        assert not [f for f in lint(names[best], "north_star") if f.severity == "error"]
    for cand, fails in key["rejected"].items():
        flagged = {f.rule for f in lint(names[cand], "north_star") if f.severity == "error"}
        if flagged:
            assert {"customer-value", "not-vanity"} & set(fails), cand


def test_graded_instructor_answers_score_as_declared():
    """REFERENCE earns full marks, each PARTIAL in [0.5, 1), each WRONG under half."""
    key, answers = graded_key(GRADED.id), instructor_answers(GRADED.id)
    assert GRADED.key is None
    assert GRADED.check({"north_star": answers["REFERENCE"]}, key=key).score == 1.0
    for answer in answers["PARTIAL"]:
        result = GRADED.check({"north_star": answer}, key=key)
        assert result.outcome is Outcome.PARTLY_CORRECT and 0.5 <= result.score < 1.0
    for answer in answers["WRONG"]:
        assert GRADED.check({"north_star": answer}, key=key).score < 0.5


@pytest.mark.parametrize("problem", [PRACTICE, GRADED], ids=lambda p: p.id)
def test_solution_shows_the_north_star_inputs_and_reasons(problem):
    """The worked solution names the North Star, its inputs and why each other candidate fails."""
    key = problem.key or graded_key(problem.id)
    text = problem.solution_markdown(key)
    assert all(m in text for m in [*key["north_star"], *key["inputs"], *key["rejected"]])


def test_criteria_have_stable_names_labels_and_weights_summing_to_one():
    """Every criterion has a name and a label, and the weights add up to the whole problem."""
    result = PRACTICE.check({"north_star": reference(PRACTICE.key)})
    assert all(c.name and c.label for c in result.criteria)
    assert len({c.name for c in result.criteria}) == len(result.criteria)
    assert sum(c.weight for c in result.criteria) == pytest.approx(1.0)


def test_every_checklist_point_for_every_candidate_earns_no_reason_credit():
    """Naming more than three checklist points for a candidate is a shotgun: no credit, and
    the message asks for the points it really fails."""
    answer = reference(PRACTICE.key)
    every = [row["criterion"] for row in PRACTICE.data["checklist"]]
    answer["rejected"] = dict.fromkeys(answer["rejected"], every)
    rejected = criterion(PRACTICE.check({"north_star": answer}), "rejected")
    assert rejected.earned == 0 and "6 candidates carry more than 3 checklist points" in (
        rejected.message)
