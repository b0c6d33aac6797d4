"""Discovery and prioritisation practice (lesson 07): experiments to opportunities, bets by RICE."""

from __future__ import annotations

import pandas as pd
import pytest

from pmcourse.exercises import Outcome, ____
from pmcourse.exercises.catalog.practice.discovery import BETS, DISCOVERY_PRIORITIES, EXPERIMENTS
from pmcourse.exercises.engine.handle import ProblemHandle
from pmcourse.exercises.graders.prioritise import rice, rice_order

from ..helpers import criterion

PROBLEM = DISCOVERY_PRIORITIES
KEY = PROBLEM.key


def check(tests, ranking):
    return ProblemHandle(PROBLEM).check(tests, ranking)


class Rigged(str):
    """A string that claims to equal everything: it must earn nothing."""

    def __eq__(self, other: object) -> bool:
        return True

    __hash__ = str.__hash__


def test_the_key_order_is_the_rice_order_of_the_public_table() -> None:
    """The key's order is what the formula gives on the data the learner sees, with no ties."""
    assert KEY["order"] == rice_order(BETS)
    scores = sorted(rice(b) for b in BETS)
    assert len(set(scores)) == len(scores)


def test_every_experiment_has_a_keyed_opportunity_and_each_answer_is_used() -> None:
    """Each experiment is keyed; every opportunity and 'none' is the answer for some row."""
    assert set(KEY["tests"]) == {e["experiment_id"] for e in EXPERIMENTS}
    assert set(KEY["tests"].values()) == {"O1", "O2", "O3", "none"}


def test_the_key_scores_full_marks() -> None:
    result = check(dict(KEY["tests"]), list(KEY["order"]))
    assert result.outcome is Outcome.CORRECT and result.score == pytest.approx(1.0)


def test_other_spellings_of_the_same_decisions_are_accepted() -> None:
    """A table for tests, positions for the ranking, lower-case ids: the same decisions count."""
    tests = pd.DataFrame({"experiment_id": list(KEY["tests"]),
                          "opportunity_id": [o.lower() if o == "none" else o
                                             for o in KEY["tests"].values()]})
    positions = {bet: str(place) for place, bet in enumerate(KEY["order"], start=1)}
    assert check(tests, positions).outcome is Outcome.CORRECT


def test_sorting_by_reach_alone_is_named_without_naming_the_bet() -> None:
    """The plausible wrong order (most households first) loses the top criterion and says why."""
    by_reach = [str(b["bet_id"]) for b in sorted(BETS, key=lambda b: -b["reach"])]
    result = check(dict(KEY["tests"]), by_reach)
    top = criterion(result, "top")
    assert top.earned == 0.0 and "reach is one factor" in top.message
    assert not any(b["bet"] in top.message for b in BETS)
    assert result.outcome is Outcome.PARTLY_CORRECT


def test_the_biggest_impact_first_is_explained() -> None:
    boldest = max(BETS, key=lambda b: b["impact"])["bet_id"]
    order = [boldest, *[b for b in KEY["order"] if b != boldest]]
    top = criterion(check(dict(KEY["tests"]), order), "top")
    assert top.earned == 0.0 and "impact is the largest" in top.message


def test_the_table_order_is_not_the_answer() -> None:
    """Leaving the bets in the order the table lists them earns almost nothing."""
    result = check(dict(KEY["tests"]), [b["bet_id"] for b in BETS])
    assert criterion(result, "top").earned == 0.0
    assert criterion(result, "order").earned <= 0.2


def test_reversed_order_earns_nothing_for_order() -> None:
    result = check(dict(KEY["tests"]), list(reversed(KEY["order"])))
    assert criterion(result, "order").earned == 0.0 and criterion(result, "top").earned == 0.0


def test_experiment_mistakes_are_counted_by_kind_never_by_row() -> None:
    """Linking the off-tree experiment, or marking a real test 'none', is told as a kind."""
    tests = dict(KEY["tests"])
    tests["X5"], tests["X1"], tests["X2"] = "O2", "none", "O3"
    message = criterion(check(tests, list(KEY["order"])), "tests").message
    assert message.startswith("4 of 7 experiments")
    assert "teach the team nothing" in message and "marked 'none'" in message
    assert "different opportunity" in message
    assert not any(x in message for x in ("X1", "X2", "X5"))


def test_one_answer_for_every_row_earns_little() -> None:
    """Gaming: the same opportunity for every experiment matches only its own rows."""
    everything = {x: "O2" for x in KEY["tests"]}
    result = check(everything, ____)
    assert criterion(result, "tests").earned == pytest.approx(2 / 7)
    assert result.score < 0.2


def test_rigged_strings_earn_nothing() -> None:
    tests = {x: Rigged("O9") for x in KEY["tests"]}
    result = check(tests, [Rigged("B9")] * 5)
    assert result.score == 0.0


def test_blank_answers_are_not_attempted() -> None:
    result = check(____, ____)
    assert result.outcome is Outcome.NOT_ATTEMPTED
    assert "both still empty" in result.message


def test_a_wrong_shape_says_what_to_give() -> None:
    result = check(42, ["B1"])
    assert "could not be checked" in result.message and "dict mapping each experiment" in (
        result.message)


def test_unknown_ids_and_positions_get_a_clear_note() -> None:
    result = check({"X1": "O2", "X99": "O1", "X2": "O7"}, {"B1": "first"})
    assert "could not be checked" in result.message and "whole numbers" in result.message
    result = check({"X1": "O2", "X99": "O1", "X2": "O7"}, ["B1", "B1", "B8"])
    text = str(result)
    assert "X99: not an experiment id" in text and "'O1', 'O2', 'O3', 'none'" in text
    assert "B8: not a bet id" in text and "appears twice" in text


def test_the_solution_shows_every_score() -> None:
    text = PROBLEM.solution_markdown()
    for bet in BETS:
        assert f"{rice(bet):,.0f}" in text


def test_the_answer_form_gives_the_same_answer_without_code() -> None:
    """Choosing in the answer form (one choice per row) builds an answer the same check accepts."""
    from pmcourse.widgets.answers import AnswerForm, form_spec

    spec = form_spec(PROBLEM)
    form = AnswerForm(spec)
    assert PROBLEM.check(spec.build(form.values)).outcome is Outcome.NOT_ATTEMPTED
    for experiment, opportunity in KEY["tests"].items():
        form.set("tests", experiment, "opportunity", opportunity)
    for place, bet in enumerate(KEY["order"], start=1):
        form.set("ranking", bet, "place", str(place))
    assert PROBLEM.check(spec.build(form.values)).outcome is Outcome.CORRECT
