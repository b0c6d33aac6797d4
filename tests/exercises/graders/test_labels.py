"""Which artifact is this? (practice on Larder, graded on Waypoint): right, partly right, blank, broken."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from pmcourse.exercises import Outcome, ____, get_problem
from pmcourse.exercises.engine.registry import practice
from pmcourse.exercises.graders.labels import LABELS

from ..helpers import graded_key, instructor_answers

ROOT = Path(__file__).resolve().parents[3]
PRACTICE = get_problem("practice.which_artifact")
GRADED = get_problem("vision_mission.classify_statements")


def best(key: dict) -> dict[str, str]:
    return {item: accepted[0] for item, accepted in key["labels"].items()}


class Rigged(str):
    """A string that claims to equal everything: it must earn nothing."""

    def __eq__(self, other: object) -> bool:
        return True

    __hash__ = str.__hash__


def test_practice_reference_answer_is_correct():
    """The best label for every statement earns full marks."""
    result = PRACTICE.check({"labels": best(PRACTICE.key)})
    assert result.outcome is Outcome.CORRECT and result.score == 1.0


def test_learner_handle_checks_and_accepts_spelling_variants():
    """`practice('which_artifact')` checks a dict whose labels use other spellings of a label."""
    q = practice("which_artifact", track=False)
    spelled = {i: {"outcome": "Roadmap outcome", "backlog": "backlog item"}.get(lab, lab.upper())
               for i, lab in best(PRACTICE.key).items()}
    assert q.check(spelled).score == 1.0


def test_defensible_second_label_earns_half_of_that_item():
    """A15 read as a vision is defensible: half credit for that statement, full level credit."""
    answer = best(PRACTICE.key) | {"A15": "vision"}
    result = PRACTICE.check({"labels": answer})
    artifact = next(c for c in result.criteria if c.name == "artifact")
    assert artifact.earned == pytest.approx(14.5 / 15)
    assert "half credit" in artifact.message
    assert result.outcome is Outcome.PARTLY_CORRECT


def test_confusions_are_counted_by_kind():
    """Two missions labelled visions produce the message 'You labelled 2 missions as 'vision''."""
    answer = best(PRACTICE.key) | {"A03": "vision", "A10": "vision"}
    result = PRACTICE.check({"labels": answer})
    artifact = next(c for c in result.criteria if c.name == "artifact")
    assert "You labelled 2 missions as 'vision'" in artifact.message
    level = next(c for c in result.criteria if c.name == "level")
    assert level.passed  # both are direction artifacts


def test_level_mistakes_cost_the_level_criterion():
    """A vision labelled a backlog item misses both the artifact and the pyramid level."""
    answer = best(PRACTICE.key) | {"A01": "backlog"}
    result = PRACTICE.check({"labels": answer})
    level = next(c for c in result.criteria if c.name == "level")
    assert level.earned == pytest.approx(14 / 15)
    assert "set direction for years" in level.message


@pytest.mark.parametrize("label", LABELS)
def test_one_label_for_everything_is_capped(label):
    """Any single label for all fifteen statements is capped at 10%, and the message says why."""
    result = PRACTICE.check({"labels": dict.fromkeys(PRACTICE.key["labels"], label)})
    assert result.score <= 0.1
    assert "capped at 10%" in result.message
    assert f"You labelled nearly every statement '{label}'" in str(result)


def test_the_solution_says_where_two_labels_are_defensible():
    """The worked solution names the statement an expert could label two ways."""
    text = PRACTICE.solution_markdown()
    assert "An expert could defend two labels for A15" in text


@pytest.mark.parametrize("blank", [____, None, {}, {"A01": ____}])
def test_placeholder_or_empty_answer_is_not_attempted(blank):
    """The starter placeholder, None, an empty dict or only placeholders mean 'not attempted'."""
    assert PRACTICE.check({"labels": blank}).outcome is Outcome.NOT_ATTEMPTED


def test_missing_variable_is_not_attempted():
    """Checking before `labels` exists says which variable to define."""
    result = PRACTICE.check({})
    assert result.outcome is Outcome.NOT_ATTEMPTED and "`labels`" in result.message


def test_wrong_type_gets_a_clear_message():
    """A string instead of a dict is rejected with the expected shape and an example."""
    result = PRACTICE.check({"labels": "vision"})
    assert result.outcome is Outcome.INCORRECT and result.score == 0
    assert "should be a dict" in result.message and "it is a str" in result.message


def test_a_table_answer_is_accepted_and_a_missing_column_named():
    """A DataFrame with statement_id and label works; without `label` the message names it."""
    key = best(PRACTICE.key)
    frame = pd.DataFrame({"statement_id": list(key), "label": list(key.values())})
    assert PRACTICE.check({"labels": frame}).score == 1.0
    result = PRACTICE.check({"labels": frame[["statement_id"]]})
    assert "column `label` missing" in result.message


def test_a_series_indexed_by_statement_id_is_accepted():
    """A pandas Series of labels indexed by statement id reads like the dict."""
    key = best(PRACTICE.key)
    assert PRACTICE.check({"labels": pd.Series(key)}).score == 1.0


def test_unknown_labels_ids_and_duplicates_are_reported():
    """A misspelt label, an unknown id and a repeated row each get a note saying how to fix it."""
    rows = [{"statement_id": i, "label": lab} for i, lab in best(PRACTICE.key).items()]
    rows[0]["label"] = "visoin"
    rows += [{"statement_id": "A99", "label": "vision"}, {"statement_id": "A02", "label": "vision"}]
    result = PRACTICE.check({"labels": rows})
    notes = " ".join(result.notes)
    assert "Unknown label for A01 ('visoin')" in notes
    assert "A99 is not a statement id" in notes
    assert "Statement A02 is labelled more than once" in notes
    assert result.outcome is Outcome.PARTLY_CORRECT


def test_rigged_strings_earn_nothing():
    """Labels that claim to equal anything are read as their exact text and earn no credit."""
    rigged = {i: Rigged("anything") for i in PRACTICE.key["labels"]}
    assert PRACTICE.check({"labels": rigged}).outcome is Outcome.NOT_ATTEMPTED


def test_feedback_names_no_statement():
    """A wrong answer's feedback never names a statement id, so the key cannot be mined."""
    answer = best(PRACTICE.key) | {"A03": "vision", "A07": "outcome", "A13": "mission"}
    text = str(PRACTICE.check({"labels": answer}))
    assert not any(item in text for item in PRACTICE.key["labels"])


def test_practice_key_uses_known_labels_and_covers_every_statement():
    """Every statement has a key entry and every accepted label is one of the five."""
    ids = [r["statement_id"] for r in PRACTICE.data["statements"]]
    assert sorted(ids) == sorted(PRACTICE.key["labels"])
    assert all(lab in LABELS for acc in PRACTICE.key["labels"].values() for lab in acc)


def test_graded_problem_ships_no_key_and_no_solution():
    """The graded twin has no key in the package and its solution says so."""
    assert GRADED.key is None and GRADED.graded
    assert "not part of the course package" in GRADED.solution_markdown()
    with pytest.raises(LookupError):
        GRADED.check({"labels": {}})


def test_graded_key_covers_the_waypoint_statements():
    """The instructor key labels every Waypoint statement with known labels."""
    key = graded_key(GRADED.id)
    ids = [r["statement_id"] for r in GRADED.data["statements"]]
    assert sorted(ids) == sorted(key["labels"])
    assert all(lab in LABELS for acc in key["labels"].values() for lab in acc)


def test_graded_instructor_answers_score_as_declared():
    """REFERENCE earns full marks, each PARTIAL between half and all, each WRONG under half."""
    key, answers = graded_key(GRADED.id), instructor_answers(GRADED.id)
    assert GRADED.check({"labels": answers["REFERENCE"]}, key=key).score == 1.0
    for answer in answers["PARTIAL"]:
        result = GRADED.check({"labels": answer}, key=key)
        assert result.outcome is Outcome.PARTLY_CORRECT and 0.5 <= result.score < 1.0
    for answer in answers["WRONG"]:
        assert GRADED.check({"labels": answer}, key=key).score < 0.5


def test_graded_points_are_a_plain_float():
    """`points()` turns a score into a plain float in [0, points] for an nbgrader grade cell."""
    key, answers = graded_key(GRADED.id), instructor_answers(GRADED.id)
    points = GRADED.check({"labels": answers["PARTIAL"][0]}, key=key).points(GRADED.points)
    assert type(points) is float and 0 < points < GRADED.points


def test_rerunning_the_setup_import_still_gives_the_practice_function():
    """`from pmcourse.exercises import practice` run twice (a re-run setup cell) stays callable."""
    from pmcourse.exercises import get_problem as lookup

    lookup("practice.which_artifact")
    from pmcourse.exercises import practice as again

    assert callable(again)


@pytest.mark.parametrize("problem", [PRACTICE, GRADED], ids=lambda p: p.id)
def test_solution_is_a_table_of_every_statement(problem):
    """The worked solution (instructor key for the graded one) labels every statement."""
    key = problem.key or graded_key(problem.id)
    text = problem.solution_markdown(key)
    assert all(f"| {r['statement_id']} |" in text for r in problem.data["statements"])


def test_criteria_have_stable_names_labels_and_weights_summing_to_one():
    """Every criterion has a name and a label, and the weights add up to the whole problem."""
    result = PRACTICE.check({"labels": best(PRACTICE.key)})
    assert all(c.name and c.label for c in result.criteria)
    assert len({c.name for c in result.criteria}) == len(result.criteria)
    assert sum(c.weight for c in result.criteria) == pytest.approx(1.0)


def test_one_label_per_level_is_capped():
    """'vision' for every direction statement and 'backlog' for every delivery one gets the
    levels right but skips the artifact decision: capped at 35%, and the message says why."""
    direction = {"vision", "mission", "strategy"}
    answer = {i: "vision" if accepted[0] in direction else "backlog"
              for i, accepted in PRACTICE.key["labels"].items()}
    result = PRACTICE.check({"labels": answer})
    assert result.score == pytest.approx(0.35) and "capped at 35%" in result.message
    assert "You used only 2 labels for 15 statements of 5 kinds" in str(result)
