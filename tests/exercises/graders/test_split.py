"""The feature split (practice on Larder, graded on Kindling): reference, wrong, blank and broken answers."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from pmcourse.exercises import Outcome, get_problem
from pmcourse.exercises.engine.registry import practice

from ..helpers import graded_key, instructor_answers

ROOT = Path(__file__).resolve().parents[3]
PRACTICE = get_problem("practice.feature_split")
GRADED = get_problem("roadmap.feature_split")


def key_answer(key: dict) -> pd.DataFrame:
    return pd.DataFrame([
        {"item_id": i, "kind": k, "outcome_id": key["parents"][i][0] if k == "task" else None}
        for i, k in key["kind"].items()
    ])


def test_practice_reference_answer_is_correct():
    """The answer built from the practice key earns full marks."""
    result = PRACTICE.check({"split": key_answer(PRACTICE.key)})
    assert result.outcome is Outcome.CORRECT and result.score == 1.0


def test_alternative_parent_is_accepted():
    """A task that serves two outcomes may be linked to either of them."""
    answer = key_answer(PRACTICE.key)
    answer.loc[answer.item_id == "L02", "outcome_id"] = "L13"
    assert PRACTICE.check({"split": answer}).score == 1.0


def test_all_tasks_is_capped_and_explains_the_direction():
    """Labelling every item a task is no decision: the score is capped at 10% and says why."""
    answer = key_answer(PRACTICE.key).assign(kind="task")
    result = PRACTICE.check({"split": answer})
    assert result.outcome is Outcome.PARTLY_CORRECT and result.score == pytest.approx(0.1)
    assert "capped at 10%" in result.message
    labels = next(c for c in result.criteria if c.name == "labels")
    assert "You marked nearly every item 'task'" in labels.message
    assert "4 item(s) you marked 'task'" in labels.message


def test_all_but_one_item_alike_is_capped_too():
    """Fifteen of sixteen items marked 'task' still sidesteps the decision and is capped."""
    answer = key_answer(PRACTICE.key).assign(kind="task")
    answer.loc[answer.item_id == "L01", "kind"] = "outcome"
    assert PRACTICE.check({"split": answer}).score == pytest.approx(0.1)


def test_label_and_link_messages_name_no_item():
    """Feedback on labels and links counts mistakes but never says which item is which."""
    answer = key_answer(PRACTICE.key)
    answer.loc[answer.item_id.isin(["L01", "L02"]), "kind"] = "outcome"
    answer.loc[answer.item_id == "L03", "kind"] = "task"
    answer.loc[answer.item_id == "L05", "outcome_id"] = "L09"
    result = PRACTICE.check({"split": answer})
    for criterion in result.criteria:
        if criterion.name in ("labels", "links"):
            assert not any(row["item_id"] in criterion.message for row in PRACTICE.data["items"])


def test_placeholder_is_not_attempted():
    """The starter cell's `____` gives "not attempted", not an error."""
    from pmcourse.exercises import ____

    result = practice("feature_split", track=False).check(____)
    assert result.outcome is Outcome.NOT_ATTEMPTED
    assert "placeholder" in result.message


def test_wrong_type_says_what_is_expected():
    """A string instead of a table is explained, with the columns it needs."""
    result = PRACTICE.check({"split": "L01 outcome"})
    assert result.outcome is Outcome.INCORRECT and result.score == 0.0
    assert "`split` should be a pandas DataFrame" in result.message and "`kind`" in result.message


def test_missing_column_is_named():
    """A table without the `kind` column is rejected with that column named."""
    answer = key_answer(PRACTICE.key).drop(columns="kind")
    result = PRACTICE.check({"split": answer})
    assert "column `kind` missing" in result.message


def test_unknown_label_and_duplicate_rows_are_reported():
    """An unknown kind and a repeated item are reported as notes and cost only their own points."""
    answer = key_answer(PRACTICE.key)
    answer.loc[answer.item_id == "L02", "kind"] = "feature"
    answer = pd.concat([answer, answer.iloc[[0]]])
    result = PRACTICE.check({"split": answer})
    assert result.outcome is Outcome.PARTLY_CORRECT
    assert any("Unknown kind for L02 ('feature')" in n for n in result.notes)
    assert any("appear more than once" in n for n in result.notes)


def test_rigged_string_earns_nothing():
    """A str subclass whose == always answers True is read as its real text and earns nothing."""

    class Liar(str):
        def __eq__(self, other: object) -> bool:
            return True

        __hash__ = str.__hash__

    answer = key_answer(PRACTICE.key).assign(kind=[Liar("zzz")] * 16)
    result = PRACTICE.check({"split": answer})
    assert result.score == 0.0


def test_graded_problem_ships_no_key():
    """The graded twin has no key in the package and its solution reveals nothing."""
    assert GRADED.key is None
    assert "not part of the course package" in GRADED.solution_markdown()


def test_graded_reference_partial_and_wrong_answers():
    """The instructor's reference scores 1, partial answers score in between, wrong ones low."""
    key = graded_key(GRADED.id)
    answers = instructor_answers(GRADED.id)
    assert GRADED.check({"split": pd.DataFrame(answers["REFERENCE"])}, key=key).score == 1.0
    for rows in answers["PARTIAL"]:
        result = GRADED.check({"split": pd.DataFrame(rows)}, key=key)
        assert result.outcome is Outcome.PARTLY_CORRECT and 0.3 < result.score < 1.0
    for rows in answers["WRONG"]:
        result = GRADED.check({"split": pd.DataFrame(rows)}, key=key)
        assert result.score <= 0.55


def test_graded_feedback_contains_no_key_line():
    """No line of the graded key (e.g. `"K03": "outcome"`) appears in a wrong answer's feedback."""
    key = graded_key(GRADED.id)
    text = str(GRADED.check({"split": pd.DataFrame(instructor_answers(GRADED.id)["WRONG"][0])},
                            key=key))
    for item, kind in key["kind"].items():
        assert f"{item}: {kind}" not in text and f'"{item}": "{kind}"' not in text


@pytest.mark.parametrize("points", [6.0])
def test_graded_points_are_a_plain_float(points):
    """The score in points is a plain float in [0, points], as nbgrader needs."""
    key = graded_key(GRADED.id)
    rows = instructor_answers(GRADED.id)["PARTIAL"][0]
    value = GRADED.check({"split": pd.DataFrame(rows)}, key=key).points(GRADED.points)
    assert type(value) is float and 0 < value < points
