"""Fix the vision (practice on Larder, graded on Waypoint): diagnosis by rule ids, rewrites by the linter."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from pmcourse.exercises import Outcome, ____, get_problem
from pmcourse.exercises.engine.registry import practice
from pmcourse.lint import lint, rules_for

from ..helpers import criterion, graded_key

ROOT = Path(__file__).resolve().parents[3]
PRACTICE = get_problem("practice.fix_the_vision")
GRADED = get_problem("vision_mission.fix_vision")


def reference(key: dict) -> list[dict]:
    return [{"vision_id": i, "rules": list(r), "rewrite": key["examples"][i]}
            for i, r in key["rules"].items()]


def test_practice_reference_answer_is_correct():
    """The key's rules with the example rewrites earn full marks."""
    result = PRACTICE.check({"fixes": reference(PRACTICE.key)})
    assert result.outcome is Outcome.CORRECT and result.score == 1.0


def test_other_good_rewrites_also_earn_full_marks():
    """Rewrites nobody wrote into the key pass when they are clean, on topic and fresh."""
    answer = reference(PRACTICE.key)
    answer[0]["rewrite"] = "Families sit down to meals they enjoy and waste nothing."
    answer[2]["rewrite"] = "Cooking dinner at home stops being a chore for busy parents."
    assert PRACTICE.check({"fixes": answer}).score == 1.0


def test_rules_may_be_a_comma_separated_string_in_a_dataframe():
    """A DataFrame whose `rules` cells are 'a, b' strings is read the same as lists."""
    rows = reference(PRACTICE.key)
    frame = pd.DataFrame([{**r, "rules": ", ".join(r["rules"])} for r in rows])
    assert PRACTICE.check({"fixes": frame}).score == 1.0


def test_diagnosis_earns_credit_by_overlap():
    """Tagging only the first rule of each vision earns the Jaccard overlap, and says flaws were missed."""
    answer = [{**row, "rules": row["rules"][:1]} for row in reference(PRACTICE.key)]
    result = PRACTICE.check({"fixes": answer})
    diagnosis = criterion(result, "diagnosis")
    expected = sum(1 / len(r) for r in PRACTICE.key["rules"].values()) / 5
    assert diagnosis.earned == pytest.approx(expected)
    missed = sum(len(r) - 1 for r in PRACTICE.key["rules"].values())
    assert f"You missed {missed} flaws" in diagnosis.message
    assert result.outcome is Outcome.PARTLY_CORRECT


def test_extra_rules_cost_credit_and_are_counted():
    """A rule that is not there lowers the overlap and the message counts it."""
    answer = reference(PRACTICE.key)
    answer[4]["rules"] = ["too-long", "internal-goal"]
    diagnosis = criterion(PRACTICE.check({"fixes": answer}), "diagnosis")
    assert diagnosis.earned == pytest.approx((4 + 0.5) / 5)
    assert "1 rule you tagged does not apply" in diagnosis.message


def test_an_unchanged_or_lightly_edited_draft_earns_nothing():
    """Pasting each draft back (one with a word changed) earns no rewrite credit, and says why."""
    answer = [{**row, "rewrite": draft["text"]}
              for row, draft in zip(reference(PRACTICE.key), PRACTICE.data["visions"], strict=True)]
    result = PRACTICE.check({"fixes": answer})
    assert criterion(result, "rewrite").earned == 0
    assert criterion(result, "rewrite_topic").earned == 0
    assert "The rewrite of F1 is a copy of the given data" in criterion(result, "rewrite").message
    assert result.score == pytest.approx(0.4)  # the diagnosis alone
    light = reference(PRACTICE.key)
    light[3]["rewrite"] = "Households cut the food they throw away, year after year."
    rewrite = criterion(PRACTICE.check({"fixes": light}), "rewrite")
    assert rewrite.earned == pytest.approx(4 / 5)
    assert "The rewrite of F4 is a light edit of the draft" in rewrite.message


def test_an_off_topic_rewrite_loses_the_topic_criterion_only():
    """A clean rewrite with none of the subject's words loses the topic share, not the rest:
    one missing word never zeroes several criteria."""
    answer = reference(PRACTICE.key)
    answer[0]["rewrite"] = "Make the world a kinder place for all of us."
    result = PRACTICE.check({"fixes": answer})
    assert criterion(result, "rewrite_topic").earned == pytest.approx(4 / 5)
    assert criterion(result, "rewrite").earned == 1
    assert "F1 drift away" in criterion(result, "rewrite_topic").message


def test_one_rewrite_pasted_for_every_draft_counts_once():
    """The same sentence as every rewrite counts once: the gate's same-text check stops the rest."""
    answer = [{**row, "rewrite": "Busy households cook at home and waste nothing."}
              for row in reference(PRACTICE.key)]
    result = PRACTICE.check({"fixes": answer})
    assert criterion(result, "rewrite").earned == pytest.approx(1 / 5)
    assert "is the same text as the rewrite of F1" in criterion(result, "rewrite").message


@pytest.mark.parametrize(("rewrite", "says"), [
    ("Households cook at home and save five million euros a year.", "holds a number or target"),
    ("Every household plans its dinners with the Larder app.", "names the product (Larder)"),
    ("Half of all families cook the dinners they plan.", "adoption or market-share goal"),
    ("Families eat well because they use our app every evening.", "adoption or market-share"),
])
def test_product_adoption_goals_and_metrics_are_errors_in_a_rewrite(rewrite, says):
    """What the linter may let through, a reader would not: the rewrite criterion says which."""
    answer = reference(PRACTICE.key)
    answer[0]["rewrite"] = rewrite
    rewrites = criterion(PRACTICE.check({"fixes": answer}), "rewrite")
    assert rewrites.earned == pytest.approx(4 / 5)
    assert says in rewrites.message


@pytest.mark.parametrize("blank", [____, [], [{"vision_id": "F1", "rules": ____,
                                                "rewrite": ____}]])
def test_placeholders_are_not_attempted(blank):
    """The placeholder, an empty list or rows still holding `____` mean 'not attempted'."""
    assert PRACTICE.check({"fixes": blank}).outcome is Outcome.NOT_ATTEMPTED


def test_learner_handle_with_placeholder_is_not_attempted():
    """The notebook's starter cell (`fixes = ____`) checks as not attempted, not an error."""
    assert practice("fix_the_vision", track=False).check(____).outcome is Outcome.NOT_ATTEMPTED


@pytest.mark.parametrize(("answer", "says"), [
    ("internal-goal", "should be a pandas DataFrame"),
    ([{"vision_id": "F1", "rules": ["too-long"], "rewrite": 42}], "should be text"),
    ([{"vision_id": "F1", "rules": 3, "rewrite": "x"}], "should be a list of ids"),
])
def test_malformed_answers_get_a_clear_message(answer, says):
    """Wrong types and missing columns are reported with what is wrong and how to fix it."""
    result = PRACTICE.check({"fixes": answer})
    assert result.outcome is Outcome.INCORRECT and says in result.message


def test_empty_cells_in_a_dataframe_read_as_not_answered_yet():
    """A DataFrame with NaN in `rules` and `rewrite` for one draft checks the rest normally."""
    frame = pd.DataFrame(reference(PRACTICE.key))
    frame.loc[0, "rewrite"] = float("nan")
    frame["rules"] = frame["rules"].astype(object)
    frame.at[0, "rules"] = float("nan")
    result = PRACTICE.check({"fixes": frame})
    assert result.outcome is Outcome.PARTLY_CORRECT
    assert "F1 has no rewrite yet" in criterion(result, "rewrite").message


def test_a_missing_rules_column_is_noted_not_fatal():
    """Rows without `rules` still get their rewrites checked, with a note about the diagnosis."""
    answer = [{"vision_id": i, "rewrite": t} for i, t in PRACTICE.key["examples"].items()]
    result = PRACTICE.check({"fixes": answer})
    assert "No vision has `rules` yet" in " ".join(result.notes)
    assert criterion(result, "diagnosis").earned == 0
    assert result.score == pytest.approx(0.6)


def test_unknown_rules_ids_and_duplicates_are_noted():
    """A rule id the linter does not have, an unknown vision and a repeated row each get a note."""
    answer = reference(PRACTICE.key)
    answer[0]["rules"] = ["revenue", "internal-goal"]
    answer += [{"vision_id": "F9", "rules": [], "rewrite": ""}, dict(answer[1])]
    notes = " ".join(PRACTICE.check({"fixes": answer}).notes)
    assert "revenue: not a rule id" in notes
    assert "F9" in notes and "F2 appear more than once" in notes


def test_feedback_never_names_a_rule_the_learner_did_not_tag():
    """With clean rewrites and an empty diagnosis, the feedback names none of the key's rule ids."""
    answer = [{**row, "rules": []} for row in reference(PRACTICE.key)]
    text = str(PRACTICE.check({"fixes": answer}))
    key_rules = {r for rules in PRACTICE.key["rules"].values() for r in rules}
    assert not any(f"`{r}`" in text or f" {r}" in text for r in key_rules)


def test_rule_table_is_the_linters_vision_rules():
    """The rules learners choose from are exactly the linter's vision rules."""
    assert [r["rule"] for r in PRACTICE.data["rules"]] == [r.id for r in rules_for("vision")]


@pytest.mark.parametrize("problem", [PRACTICE, GRADED], ids=lambda p: p.id)
def test_each_key_is_an_experts_reading_not_the_linters_output(problem):
    """Each key holds what the linter finds (or accepts it as optional) and a money target in
    words the linter misses, so calling lint() on the drafts does not solve the diagnosis."""
    key = problem.key or graded_key(problem.id)
    linted = {}
    for row in problem.data["visions"]:
        item = row["vision_id"]
        linted[item] = {f.rule for f in lint(row["text"], "vision")}
        allowed = set(key["rules"][item]) | set(key.get("optional", {}).get(item, ()))
        assert linted[item] <= allowed, item
    answer = [{"vision_id": i, "rules": sorted(r), "rewrite": key["examples"][i]}
              for i, r in linted.items()]
    assert criterion(problem.check({"fixes": answer}, key=key), "diagnosis").earned < 1


def test_a1_never_keys_a_sentence_one_way_in_one_part_and_another_in_the_next():
    """Every Waypoint statement keyed as a vision in classify_statements is a full-credit rewrite
    of the draft it fits in fix_vision (W12 has no named people: a vision all the same)."""
    classify = get_problem("vision_mission.classify_statements")
    labels = graded_key(classify.id)["labels"]
    key = graded_key(GRADED.id)
    visions = [row["text"] for row in classify.data["statements"]
               if labels[row["statement_id"]] == ["vision"]]
    for text in visions:
        answer = [{"vision_id": i, "rules": r, "rewrite": key["examples"][i]}
                  for i, r in key["rules"].items()]
        answer[0]["rewrite"] = "Patients trust their own body again after surgery."
        answer[4]["rewrite"] = text  # G5's draft: patients recovering faster
        result = GRADED.check({"fixes": answer}, key=key)
        assert criterion(result, "rewrite").earned == 1, (text, criterion(result, "rewrite"))


@pytest.mark.parametrize("problem", [PRACTICE, GRADED], ids=lambda p: p.id)
def test_example_rewrites_pass_the_linter_cleanly(problem):
    """Every example rewrite in a key has no linter finding at all."""
    key = problem.key or graded_key(problem.id)
    for item, text in key["examples"].items():
        assert lint(text, "vision") == [], item


def test_graded_problem_ships_no_key():
    """The graded twin has no key in the package."""
    assert GRADED.key is None
    assert "not part of the course package" in GRADED.solution_markdown()


def test_a_topic_word_is_not_a_rewrite():
    """'Food, food, food.' is on topic and error-free, but says nothing: the gate stops it."""
    answer = reference(PRACTICE.key)
    answer[0]["rewrite"] = "Food, food, food."
    rewrite = criterion(PRACTICE.check({"fixes": answer}), "rewrite")
    assert rewrite.earned == pytest.approx(4 / 5)
    assert "The rewrite of F1 is too short" in rewrite.message


@pytest.mark.parametrize("problem", [PRACTICE, GRADED], ids=lambda p: p.id)
def test_solution_lists_each_draft_with_its_rules(problem):
    """The worked solution (instructor key for the graded one) shows every draft and its rules."""
    key = problem.key or graded_key(problem.id)
    text = problem.solution_markdown(key)
    assert all(row["vision_id"] in text for row in problem.data["visions"])
    assert "Many rewrites are right" in text


def test_criteria_have_stable_names_labels_and_weights_summing_to_one():
    """Every criterion has a name and a label, and the weights add up to the whole problem."""
    result = PRACTICE.check({"fixes": reference(PRACTICE.key)})
    assert all(c.name and c.label for c in result.criteria)
    assert len({c.name for c in result.criteria}) == len(result.criteria)
    assert sum(c.weight for c in result.criteria) == pytest.approx(1.0)
