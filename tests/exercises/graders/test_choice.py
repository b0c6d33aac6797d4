"""ICP and won't-do list (practice on Larder, graded on Spokes): any feasible, undominated ICP scores."""

from __future__ import annotations

from itertools import combinations
from pathlib import Path

import pytest

from pmcourse.exercises import Outcome, ____, get_problem
from pmcourse.exercises.engine.registry import practice
from pmcourse.exercises.graders.choice import (
    beachhead_strength,
    dominates,
    large_segments,
    pareto_frontier,
)

from ..helpers import criterion, graded_key, instructor_answers

ROOT = Path(__file__).resolve().parents[3]
PRACTICE = get_problem("practice.icp_and_wont_do")
GRADED = get_problem("strategy_goals.icp_and_wont_do")


def feasible_by_prompt(row: dict, max_weeks: int) -> bool:
    return row["channel"] is True and row["weeks_to_value"] <= max_weeks


@pytest.mark.parametrize(("problem", "max_weeks", "size"), [
    (PRACTICE, 4, "households_k"), (GRADED, 6, "shops")], ids=["practice", "graded"])
def test_key_matches_what_the_data_and_prompt_imply(problem, max_weeks, size):
    """Blocked segments, the frontier and the large half are recomputed from the public data."""
    key = problem.key or graded_key(problem.id)
    rows = problem.data["segments"]
    blocked = [r["segment_id"] for r in rows if not feasible_by_prompt(r, max_weeks)]
    assert sorted(blocked) == sorted(key["blocked"])
    assert pareto_frontier(rows, key["criteria"], blocked) == key["frontier"]
    assert large_segments(rows, size) == key["large"]
    assert "`channel` must be True" in problem.prompt


def test_strong_beachheads_not_beaten_by_a_segment_left_out_earn_full_marks():
    """Many answers are right: S1, S7, S1+S5, S1+S7, S5+S1 (S5 is beaten only by S1, chosen too)."""
    for icp in (["S1"], ["S7"], ["S1", "S5"], ["S1", "S7"], ["S5", "S1"]):
        answer = {"icp": icp, "wont_do": ["S2", "S3", "S8"]}
        assert PRACTICE.check({"choice": answer}).score == 1.0, icp


def test_a_segment_beaten_by_one_left_out_earns_no_beachhead_credit():
    """S5 alone is beaten by S1, which the learner left out: no credit, capped at 20%."""
    result = PRACTICE.check({"choice": {"icp": ["S5"], "wont_do": ["S2", "S3", "S8"]}})
    beachhead = criterion(result, "beachhead")
    assert beachhead.earned == 0 and "S5 is beaten by a segment you left out" in beachhead.message
    assert result.score == pytest.approx(0.2) and "capped at 20%" in result.message


def test_the_biggest_but_least_pained_segment_is_not_correct():
    """S4 is the biggest feasible market with middling pain and fit: part credit, capped at 60%."""
    result = PRACTICE.check({"choice": {"icp": ["S4"], "wont_do": ["S2", "S3", "S8"]}})
    assert result.outcome is Outcome.PARTLY_CORRECT and result.score == pytest.approx(0.6)
    beachhead = criterion(result, "beachhead")
    assert "S4 is a weak first market" in beachhead.message and "pain and fit" in beachhead.message


def test_key_ratings_follow_pain_and_fit_before_size():
    """The expert's beachhead ratings agree with a score weighting pain and fit over size."""
    for problem, size in ((PRACTICE, "households_k"), (GRADED, "shops")):
        key = problem.key or graded_key(problem.id)
        weights = {"pain": 0.35, "fit": 0.35, size: 0.15, "weeks_to_value": 0.15}
        strength = beachhead_strength(problem.data["segments"], key["criteria"], weights,
                                      list(key["blocked"]))
        assert set(key["beachhead"]) == set(strength)
        for a, b in combinations(strength, 2):
            if key["beachhead"][a] > key["beachhead"][b]:
                assert strength[a] > strength[b], (a, b)


def test_a_column_of_ids_from_the_table_is_accepted():
    """Ids picked as a pandas column (a Series) read like a list."""
    segments = practice("icp_and_wont_do", track=False).data()
    icp = segments[segments.segment_id == "S1"].segment_id
    wont = segments[segments.segment_id.isin(["S2", "S3", "S8"])].segment_id
    assert PRACTICE.check({"choice": {"icp": icp, "wont_do": wont}}).score == 1.0


def test_dominated_segment_is_named_but_not_its_dominator():
    """Choosing S2 says it is beaten, without naming the segment that beats it."""
    result = PRACTICE.check({"choice": {"icp": ["S2"], "wont_do": ["S3", "S6"]}})
    beachhead = criterion(result, "beachhead")
    assert beachhead.earned == 0 and "S2 is beaten by a segment you left out" in beachhead.message
    assert "S4" not in str(result)
    assert result.outcome is Outcome.PARTLY_CORRECT


def test_blocked_segment_fails_the_constraints():
    """A segment without an existing channel breaks a hard constraint."""
    result = PRACTICE.check({"choice": {"icp": ["S1", "S8"], "wont_do": ["S2", "S3"]}})
    constraints = criterion(result, "constraints")
    assert constraints.earned == 0.5 and "S8 in your ICP breaks a hard constraint" in constraints.message


def test_too_many_icp_segments_lose_focus():
    """Three ICP segments fail the focus criterion with the reason."""
    result = PRACTICE.check({"choice": {"icp": ["S1", "S4", "S7"], "wont_do": ["S2", "S3"]}})
    focus = criterion(result, "focus")
    assert focus.earned == 0 and "keep at most 2" in focus.message


def test_wont_do_needs_two_disjoint_segments_and_a_tempting_one():
    """A won't-do list of one small segment that overlaps the ICP earns nothing of its third parts."""
    result = PRACTICE.check({"choice": {"icp": ["S1"], "wont_do": ["S1"]}})
    wont = criterion(result, "wont_do")
    assert wont.earned == 0
    assert "in both your ICP and your won't-do list" in wont.message
    small = criterion(PRACTICE.check({"choice": {"icp": ["S1"], "wont_do": ["S6", "S8"]}}),
                      "wont_do")
    assert small.earned == pytest.approx(2 / 3) and "tempting" in small.message


def test_dominates_is_strict_on_one_criterion():
    """Equal rows do not dominate each other; better on one and equal elsewhere does."""
    crit = {"a": "max", "b": "min"}
    assert not dominates({"a": 1, "b": 1}, {"a": 1, "b": 1}, crit)
    assert dominates({"a": 2, "b": 1}, {"a": 1, "b": 1}, crit)
    assert not dominates({"a": 2, "b": 2}, {"a": 1, "b": 1}, crit)


@pytest.mark.parametrize("blank", [____, None, {"icp": ____, "wont_do": ____},
                                   {"icp": [], "wont_do": []}])
def test_placeholders_are_not_attempted(blank):
    """The placeholder or empty lists mean 'not attempted'."""
    assert PRACTICE.check({"choice": blank}).outcome is Outcome.NOT_ATTEMPTED


def test_learner_handle_starter_is_not_attempted():
    """The notebook's starter cell checks as not attempted."""
    q = practice("icp_and_wont_do", track=False)
    assert q.check({"icp": ____, "wont_do": ____}).outcome is Outcome.NOT_ATTEMPTED


@pytest.mark.parametrize(("answer", "says"), [
    (["S1"], "should be a dict"),
    ({"icp": ["S1"]}, "has no key `wont_do`"),
    ({"icp": 1, "wont_do": []}, "should be a list of ids"),
    ({"icp": [1], "wont_do": []}, "should list ids as text"),
])
def test_malformed_answers_get_a_clear_message(answer, says):
    """Wrong shapes are reported with what is wrong and how to fix it."""
    result = PRACTICE.check({"choice": answer})
    assert result.outcome is Outcome.INCORRECT and says in result.message


def test_unknown_and_repeated_ids_are_noted():
    """An id not in the table and an id listed twice each get a note."""
    result = PRACTICE.check({"choice": {"icp": ["S1", "S1"], "wont_do": ["S2", "S3", "S42"]}})
    notes = " ".join(result.notes)
    assert "S42: not a segment id" in notes and "S1 appears twice in `icp`" in notes
    assert result.score == 1.0


def test_feedback_never_lists_the_frontier():
    """A weak answer's feedback names only the learner's own segments."""
    text = str(PRACTICE.check({"choice": {"icp": ["S5"], "wont_do": ["S6"]}}))
    assert not any(s in text for s in PRACTICE.key["frontier"])


def test_graded_instructor_answers_score_as_declared():
    """REFERENCE and ALSO_CORRECT earn full marks, PARTIAL in [0.5, 1), WRONG under half."""
    key, answers = graded_key(GRADED.id), instructor_answers(GRADED.id)
    assert GRADED.key is None
    for answer in [answers["REFERENCE"], *answers["ALSO_CORRECT"]]:
        assert GRADED.check({"choice": answer}, key=key).score == 1.0
    for answer in answers["PARTIAL"]:
        result = GRADED.check({"choice": answer}, key=key)
        assert result.outcome is Outcome.PARTLY_CORRECT and 0.5 <= result.score < 1.0
    for answer in answers["WRONG"]:
        assert GRADED.check({"choice": answer}, key=key).score < 0.5


@pytest.mark.parametrize("problem", [PRACTICE, GRADED], ids=lambda p: p.id)
def test_solution_names_blocked_and_beachhead_segments(problem):
    """The worked solution lists why each blocked segment is out and every rated beachhead."""
    key = problem.key or graded_key(problem.id)
    text = problem.solution_markdown(key)
    rated = [s for s, c in key["beachhead"].items() if c > 0]
    assert all(s in text for s in [*key["blocked"], *rated])


def test_criteria_have_stable_names_labels_and_weights_summing_to_one():
    """Every criterion has a name and a label, and the weights add up to the whole problem."""
    result = PRACTICE.check({"choice": PRACTICE.key['example']})
    assert all(c.name and c.label for c in result.criteria)
    assert len({c.name for c in result.criteria}) == len(result.criteria)
    assert sum(c.weight for c in result.criteria) == pytest.approx(1.0)


def test_an_icp_of_most_segments_is_capped():
    """Every segment in the ICP (and in the won't-do list) chooses nothing: capped at 10%."""
    every = [r["segment_id"] for r in PRACTICE.data["segments"]]
    result = PRACTICE.check({"choice": {"icp": every, "wont_do": every}})
    assert result.score <= 0.1 and "capped at 10%" in result.message
    assert "the ICP chooses nothing" in criterion(result, "focus").message


def test_solution_says_which_segments_an_expert_could_defend_and_how():
    """S5 is defensible next to S1 (which beats it), S4 earns part credit: both are said."""
    text = PRACTICE.solution_markdown()
    assert "S5 is beaten on every column by another strong segment: an expert could defend it "\
           "as the second segment next to that one, not alone." in text
    assert "Defensible but weaker first markets (part credit): S4" in text
