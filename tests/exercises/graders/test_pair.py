"""Vision and mission pair (practice on Larder, graded on Waypoint): graded by constraints, not one key."""

from __future__ import annotations

from pathlib import Path

import pytest

from pmcourse.exercises import Outcome, ____, get_problem
from pmcourse.exercises.engine.registry import practice
from pmcourse.lint import lint

from ..helpers import criterion, graded_key

ROOT = Path(__file__).resolve().parents[3]
PRACTICE = get_problem("practice.vision_mission_pair")
GRADED = get_problem("vision_mission.vision_mission_pair")
GOOD = PRACTICE.key["example"]


def test_practice_example_pair_is_correct():
    """The key's example pair meets every constraint."""
    result = PRACTICE.check({"pair": GOOD})
    assert result.outcome is Outcome.CORRECT and result.score == 1.0


def test_a_different_good_pair_is_also_correct():
    """Many pairs are right: one written afresh earns full marks too."""
    pair = {"vision": "No family wonders at six o'clock what is for dinner.",
            "mission": "A pantry-aware planner for families that shop once a week and hate "
                       "throwing food away."}
    assert practice("vision_mission_pair", track=False).check(pair).score == 1.0


def test_swapped_pair_is_capped():
    """A mission-like vision and a vision-like mission: the pair is swapped, and capped at 30%."""
    result = PRACTICE.check({"pair": {"vision": GOOD["mission"], "mission": GOOD["vision"]}})
    category = criterion(result, "category")
    assert category.earned == 0 and category.cap == "swapped"
    assert "look swapped" in category.message
    assert result.score == pytest.approx(0.3)
    assert "capped at 30%" in result.message


@pytest.mark.parametrize(("vision", "says"), [
    ("Households cook at home and save five million euros a year.", "holds a number or target"),
    ("Every family in Europe plans its dinners with Larder.", "names the product (Larder)"),
    ("Half of all households cook the meals they plan.", "adoption or market-share goal"),
])
def test_a_vision_with_the_product_a_goal_or_a_number_fails(vision, says):
    """What the linter may let through in a vision, the pair's vision criterion does not."""
    result = PRACTICE.check({"pair": {"vision": vision, "mission": GOOD["mission"]}})
    assert criterion(result, "vision_lint").earned == 0
    assert says in criterion(result, "vision_lint").message


def test_a_run_of_nouns_earns_nothing_on_what_reads_it():
    """Category nouns in a row fail the gate: no lint, category, people or distinct credit."""
    pair = {"vision": "Households families parents food meals cooking kitchen",
            "mission": "App planner platform tool service households families"}
    result = PRACTICE.check({"pair": pair})
    assert result.score == 0
    assert "no verb" in criterion(result, "vision_lint").message


def test_near_copy_mission_is_not_distinct():
    """A mission that repeats the vision fails `distinct` through the linter's same-as-vision rule."""
    mission = "Busy households eat well at home and throw hardly any food away."
    assert any(f.rule == "same-as-vision"
               for f in lint(mission, "mission", context={"vision": GOOD["vision"]}))
    result = PRACTICE.check({"pair": {"vision": GOOD["vision"], "mission": mission}})
    assert criterion(result, "distinct").earned == 0


def test_the_same_text_twice_counts_once():
    """Pasting the vision again as the mission: the mission earns nothing, and a note says why."""
    pair = {"vision": GOOD["vision"], "mission": GOOD["vision"].replace(".", "!")}
    result = PRACTICE.check({"pair": pair})
    assert criterion(result, "vision_lint").earned == 1
    assert criterion(result, "mission_lint").earned == 0
    assert criterion(result, "distinct").earned == 0
    assert "The mission is the same text as the vision" in " ".join(result.notes)


def test_different_people_lose_the_people_criterion():
    """A vision about households and a mission about restaurants do not serve the same people."""
    pair = {"vision": GOOD["vision"],
            "mission": "A stock-control app for small restaurants that orders ingredients "
                       "automatically."}
    people = criterion(PRACTICE.check({"pair": pair}), "people")
    assert people.earned == 0.5
    assert "mission does not name the people" in people.message


def test_company_goals_fail_the_linter_criteria():
    """A ranking goal and a slogan mission fail both lint criteria and name the rule."""
    pair = {"vision": "Become the number one meal app.", "mission": "The best tool with great UX."}
    result = PRACTICE.check({"pair": pair})
    assert "`internal-goal`" in criterion(result, "vision_lint").message
    assert "`empty-slogan`" in criterion(result, "mission_lint").message
    assert result.score < 0.5


def test_only_a_vision_is_partly_checked_with_a_note():
    """A pair with an empty mission is checked, with a note saying what to write."""
    result = PRACTICE.check({"pair": {"vision": GOOD["vision"], "mission": ""}})
    assert result.outcome is Outcome.PARTLY_CORRECT
    assert "`mission` is empty" in " ".join(result.notes)


@pytest.mark.parametrize("blank", [____, None, {"vision": ____, "mission": ____},
                                   {"vision": "", "mission": "  "}])
def test_placeholders_are_not_attempted(blank):
    """The placeholder or a dict of blanks means 'not attempted'."""
    assert PRACTICE.check({"pair": blank}).outcome is Outcome.NOT_ATTEMPTED


@pytest.mark.parametrize(("answer", "says"), [
    ("Busy households eat well.", "should be a dict"),
    ({"vision": "x"}, "has no key `mission`"),
    ({"vision": ["a"], "mission": "b"}, "`pair['vision']` should be text"),
])
def test_malformed_answers_get_a_clear_message(answer, says):
    """A string, a missing key or a non-text field is reported with how to fix it."""
    result = PRACTICE.check({"pair": answer})
    assert result.outcome is Outcome.INCORRECT and says in result.message


def test_feedback_does_not_reveal_the_accepted_words():
    """Feedback on a weak pair names none of the key's beneficiary or category words."""
    pair = {"vision": "People are happy.", "mission": "We help people."}
    text = str(PRACTICE.check({"pair": pair})).lower()
    key = PRACTICE.key
    assert not any(word in text for word in ["household", "famil", "planner", "assistant"])
    assert key["example"]["vision"].lower() not in text


def test_graded_key_example_is_correct():
    """The graded key's example pair earns full marks (the package ships no key)."""
    key = graded_key(GRADED.id)
    assert GRADED.key is None
    assert GRADED.check({"pair": key["example"]}, key=key).score == 1.0


@pytest.mark.parametrize("problem", [PRACTICE, GRADED], ids=lambda p: p.id)
def test_solution_shows_an_example_pair_and_what_makes_it_work(problem):
    """The worked solution shows the key's example pair and the constraints."""
    key = problem.key or graded_key(problem.id)
    text = problem.solution_markdown(key)
    assert key["example"]["mission"] in text and "Many pairs are right" in text


def test_criteria_have_stable_names_labels_and_weights_summing_to_one():
    """Every criterion has a name and a label, and the weights add up to the whole problem."""
    result = PRACTICE.check({"pair": GOOD})
    assert all(c.name and c.label for c in result.criteria)
    assert len({c.name for c in result.criteria}) == len(result.criteria)
    assert sum(c.weight for c in result.criteria) == pytest.approx(1.0)
