"""From a dated feature timeline to an outcome roadmap: coverage, wording (linter), grouping, dates."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from pmcourse.exercises import Outcome, ____, get_problem
from pmcourse.exercises.engine.registry import practice

from ..helpers import criterion, graded_key, instructor_answers

ROOT = Path(__file__).resolve().parents[3]
PRACTICE = get_problem("practice.timeline_to_outcomes")
GRADED = get_problem("roadmap.timeline_to_outcomes")
EXAMPLE = PRACTICE.key["example"]


def check(outcomes, placement, problem=PRACTICE, key=None):
    if isinstance(outcomes, list):
        outcomes = pd.DataFrame(outcomes)
    if isinstance(placement, dict):
        placement = pd.DataFrame([{"feature_id": f, "outcome_id": o} for f, o in placement.items()])
    return problem.check({"outcomes": outcomes, "placement": placement}, key=key)


def test_example_answer_is_correct():
    """The worked example from the key earns full marks."""
    result = check(EXAMPLE["outcomes"], EXAMPLE["placement"])
    assert result.outcome is Outcome.CORRECT and result.score == 1.0


def test_another_grouping_is_also_correct():
    """Barcode scanning may sit under the shopping outcome instead: many answers are right."""
    placement = {**EXAMPLE["placement"], "T01": "O4"}
    assert check(EXAMPLE["outcomes"], placement).score == 1.0


def test_outcomes_worded_as_features_fail_the_linter_rule():
    """An outcome that names a build action loses wording credit with the linter's rule id."""
    outcomes = [dict(row) for row in EXAMPLE["outcomes"]]
    outcomes[0]["outcome"] = "Add barcode scanning and expiry reminders"
    result = check(outcomes, EXAMPLE["placement"])
    wording = criterion(result, "wording")
    assert wording.earned == 0.8
    assert "O1: `output-not-outcome`" in wording.message


def test_missing_metric_is_named():
    """An outcome without a metric is pointed out (rule R07)."""
    outcomes = [{**row, "metric": None} if row["outcome_id"] == "O3" else row
                for row in EXAMPLE["outcomes"]]
    wording = criterion(check(outcomes, EXAMPLE["placement"]), "wording")
    assert "O3: no `metric`" in wording.message and "R07" in wording.message


def test_dates_kept_without_constraint_lose_date_credit():
    """Copying the old dates onto every outcome loses credit for each outcome with no constraint."""
    outcomes = [{**row, "date": "2027-03-01"} for row in EXAMPLE["outcomes"]]
    dates = criterion(check(outcomes, EXAMPLE["placement"]), "dates")
    assert dates.earned == 0.4
    assert "R02" in dates.message and "O1 keeps a date" in dates.message


def test_hard_date_dropped_or_deferred_to_later_is_flagged():
    """An outcome holding a legally dated feature must keep its date and not sit in Later."""
    outcomes = [dict(row) for row in EXAMPLE["outcomes"]]
    outcomes[1]["date"] = None
    outcomes[3]["horizon"] = "later"
    dates = criterion(check(outcomes, EXAMPLE["placement"]), "dates")
    assert "O2 holds a feature with a hard external constraint" in dates.message
    assert "O4 has a hard date but sits in Later" in dates.message


def test_lost_features_and_split_families_cost_points_without_naming_the_key():
    """Leaving features out costs coverage; grouping feedback counts pairs but names no feature."""
    placement = {f: o for f, o in EXAMPLE["placement"].items() if f not in ("T08", "T12")}
    result = check(EXAMPLE["outcomes"], placement)
    assert "T08 and T12 are not under any of your outcomes" in criterion(result, "coverage").message
    grouping = criterion(result, "grouping")
    assert 0 < grouping.earned < 1
    assert not any(f"T{n:02d}" in grouping.message for n in range(1, 13))


def test_too_many_features_under_one_outcome_and_too_many_outcomes():
    """Six features under one outcome, or six outcomes, break the structure rules."""
    one_pile = {f: "O1" for f in EXAMPLE["placement"]}
    structure = criterion(check(EXAMPLE["outcomes"], one_pile), "structure")
    assert "O1 holds 12 features" in structure.message
    six = [*EXAMPLE["outcomes"], {**EXAMPLE["outcomes"][0], "outcome_id": "O6"}]
    assert "you wrote 6 outcomes" in criterion(check(six, EXAMPLE["placement"]), "structure").message


def test_placeholders_are_not_attempted():
    """The starter cells' placeholders give "not attempted"."""
    handle = practice("timeline_to_outcomes", track=False)
    assert handle.check(____, ____).outcome is Outcome.NOT_ATTEMPTED
    assert handle.check(pd.DataFrame(EXAMPLE["outcomes"]), ____).outcome is Outcome.NOT_ATTEMPTED


def test_dates_may_be_timestamps_and_placement_a_dict():
    """A pandas Timestamp counts as a kept date, and placement may be ``{feature: outcome}``."""
    outcomes = [{**row, "date": pd.Timestamp("2027-04-01")} if row["outcome_id"] == "O2" else row
                for row in EXAMPLE["outcomes"]]
    assert check(outcomes, pd.DataFrame(columns=["x"])).outcome is Outcome.INCORRECT
    result = PRACTICE.check({"outcomes": pd.DataFrame(outcomes), "placement": EXAMPLE["placement"]})
    assert result.score == 1.0


def test_graded_placeholders_are_not_attempted():
    """The graded problem reads the blank release's placeholders as not attempted."""
    result = GRADED.check({"outcomes": ____, "placement": ____}, key=graded_key(GRADED.id))
    assert result.outcome is Outcome.NOT_ATTEMPTED


def test_missing_variable_is_not_attempted():
    """Checking with only one of the two tables says the other is not defined yet."""
    result = PRACTICE.check({"outcomes": pd.DataFrame(EXAMPLE["outcomes"])})
    assert result.outcome is Outcome.NOT_ATTEMPTED and "`placement`" in result.message


def test_malformed_tables_are_explained():
    """A missing column, a wrong type and an unknown outcome id each get a clear message."""
    no_metric_col = pd.DataFrame(EXAMPLE["outcomes"]).drop(columns="outcome")
    assert "column `outcome` missing" in check(no_metric_col, EXAMPLE["placement"]).message
    wrong_type = check(EXAMPLE["outcomes"], "T01 -> O1")
    assert wrong_type.outcome is Outcome.INCORRECT and "`placement` should be" in wrong_type.message
    dangling = check(EXAMPLE["outcomes"], {**EXAMPLE["placement"], "T05": "O9"})
    assert any("T05 -> O9" in note for note in dangling.notes)


def test_duplicate_outcome_ids_and_features_are_noted():
    """An outcome id used twice and a feature placed twice are reported; the first counts."""
    outcomes = [*EXAMPLE["outcomes"], EXAMPLE["outcomes"][0]]
    placement = pd.DataFrame(
        [{"feature_id": f, "outcome_id": o} for f, o in EXAMPLE["placement"].items()]
        + [{"feature_id": "T01", "outcome_id": "O4"}]
    )
    result = check(outcomes, placement)
    notes = " ".join(result.notes)
    assert "O1 is used twice" in notes and "T01 are placed more than once" in notes
    assert result.score == 1.0


def test_graded_answers_score_as_intended():
    """Graded reference scores 1, partial answers in between, the copied timeline low."""
    key = graded_key(GRADED.id)
    answers = instructor_answers(GRADED.id)
    ref = answers["REFERENCE"]
    assert check(ref["outcomes"], pd.DataFrame(ref["placement"]), GRADED, key).score == 1.0
    for answer in answers["PARTIAL"]:
        result = check(answer["outcomes"], pd.DataFrame(answer["placement"]), GRADED, key)
        assert result.outcome is Outcome.PARTLY_CORRECT and 0.5 < result.score < 1.0
    for answer in answers["WRONG"]:
        result = check(answer["outcomes"], pd.DataFrame(answer["placement"]), GRADED, key)
        assert result.score <= 0.5


def test_graded_feedback_names_no_family():
    """Feedback on graded answers never lists the key's feature families."""
    key = graded_key(GRADED.id)
    for answer in instructor_answers(GRADED.id)["PARTIAL"]:
        text = str(check(answer["outcomes"], pd.DataFrame(answer["placement"]), GRADED, key))
        for family in key["families"]:
            assert ", ".join(family) not in text


def test_graded_key_holds_no_worked_example():
    """Graded keys keep only what grading needs; the solution points to the instructor's answers."""
    key = graded_key(GRADED.id)
    assert "example" not in key
    assert "autograders/answers/" in GRADED.solution_markdown(key)


def test_the_prompts_own_words_as_every_outcome_earn_nothing_and_cap_the_score():
    """Pasting the prompt's words as each outcome fails the text gate: the wording criterion
    says why, and with no real outcome the score is capped at 20% whatever the placement."""
    echo = "a change for users, not a thing to build"
    outcomes = [row | {"outcome": echo} for row in EXAMPLE["outcomes"]]
    result = check(outcomes, EXAMPLE["placement"])
    wording = criterion(result, "wording")
    assert wording.earned == 0 and "copied word for word from the prompt" in wording.message
    assert result.score == pytest.approx(0.2) and "capped at 20%" in result.message


def test_a_features_text_as_an_outcome_is_a_copy_of_the_data():
    """An outcome that repeats a feature of the timeline is the data, not a change for users."""
    outcomes = [dict(EXAMPLE["outcomes"][0]) | {"outcome": "Reminder the day before an "
                                                           "ingredient expires"},
                *EXAMPLE["outcomes"][1:]]
    wording = criterion(check(outcomes, EXAMPLE["placement"]), "wording")
    assert wording.earned == pytest.approx(4 / 5) and "O1: is a copy of the given data" in (
        wording.message)


def test_one_outcome_holding_every_feature_is_capped():
    """A single well-worded outcome over all twelve features is no roadmap: the grouping says
    unrelated features are lumped together and the score is capped at 20%."""
    outcomes = [EXAMPLE["outcomes"][0] | {"date": "1 April 2027 (allergen law)"}]
    placement = dict.fromkeys(EXAMPLE["placement"], outcomes[0]["outcome_id"])
    result = check(outcomes, placement)
    assert "an outcome that holds everything says nothing" in criterion(result,
                                                                       "grouping").message
    assert result.score == pytest.approx(0.2) and "capped at 20%" in result.message


def test_one_outcome_holding_most_features_is_capped():
    """Eleven of twelve features under one outcome and a token second one: capped at 30%."""
    first, second = EXAMPLE["outcomes"][0], EXAMPLE["outcomes"][4]
    placement = dict.fromkeys(EXAMPLE["placement"], first["outcome_id"]) | {
        "T12": second["outcome_id"]}
    result = check([first, second], placement)
    assert result.score == pytest.approx(0.3) and "capped at 30%" in result.message
    assert "one outcome holds more than half of the features" in criterion(
        result, "structure").message
