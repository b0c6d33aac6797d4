"""Now / Next / Later under dependencies and capacity: many valid plans, graded by invariants and value."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from pmcourse.exercises import Outcome, ____, get_problem
from pmcourse.exercises.engine.registry import practice
from pmcourse.exercises.graders.roadmap_plan import best_plan, plan_value

from ..helpers import criterion, graded_key, instructor_answers

ROOT = Path(__file__).resolve().parents[3]
PRACTICE = get_problem("practice.now_next_later")
GRADED = get_problem("roadmap.now_next_later")


def frame(plan: dict[str, str]) -> pd.DataFrame:
    return pd.DataFrame([{"item_id": i, "horizon": h} for i, h in plan.items()])


def practice_plan(now: str, next_: str) -> dict[str, str]:
    ids = [row["item_id"] for row in PRACTICE.data["initiatives"]]
    return {i: "now" if i in now.split() else "next" if i in next_.split() else "later"
            for i in ids}


def test_stored_optimum_matches_the_solver():
    """The optimum in the practice key and the graded key equals an exhaustive search of the data."""
    assert best_plan(PRACTICE.data["initiatives"], PRACTICE.data["limits"])[0] == PRACTICE.key["optimum"]
    key = graded_key(GRADED.id)
    assert best_plan(GRADED.data["initiatives"], GRADED.data["limits"])[0] == key["optimum"]


def test_key_plan_is_correct():
    """The plan in the practice key earns full marks and is worth the optimum."""
    result = PRACTICE.check({"plan": frame(PRACTICE.key["plan"])})
    assert result.outcome is Outcome.CORRECT
    assert plan_value(PRACTICE.data["initiatives"], PRACTICE.key["plan"]) == PRACTICE.key["optimum"]


def test_a_different_valid_plan_also_earns_full_marks():
    """Starting the pantry chain in Now is a different plan within 10% of the optimum: correct."""
    plan = practice_plan("N01 N02 N07 N09", "N04 N03 N05 N08")
    assert plan != PRACTICE.key["plan"]
    assert PRACTICE.check({"plan": frame(plan)}).score == 1.0


def test_horizons_are_read_case_insensitively():
    """'Now', 'NEXT' and 'Later' are read like their lower-case forms."""
    plan = {i: h.capitalize() for i, h in PRACTICE.key["plan"].items()}
    assert PRACTICE.check({"plan": frame(plan)}).score == 1.0


def test_dependency_violation_names_the_learners_edge():
    """An item placed before its dependency loses dependency credit and the edge is named."""
    plan = practice_plan("N02 N07 N09 N10", "N01 N04 N05 N08")
    result = PRACTICE.check({"plan": frame(plan)})
    dependencies = criterion(result, "dependencies")
    assert 0 < dependencies.earned < 1
    assert "N02 (now) depends on N01 (next)" in dependencies.message
    assert criterion(result, "value").earned == 0.0  # value waits until the plan is valid


def test_over_capacity_is_explained_with_the_numbers():
    """Putting everything in Now fails capacity with the effort used and the limit."""
    result = PRACTICE.check({"plan": frame(dict.fromkeys(PRACTICE.key["plan"], "now"))})
    assert "Now holds 55 effort points but the team has 13" in criterion(result, "capacity").message
    assert result.outcome is Outcome.PARTLY_CORRECT and result.score <= 0.45


@pytest.mark.parametrize("horizon", ["now", "next", "later"])
def test_every_item_in_one_horizon_is_capped(horizon):
    """A plan that puts everything in one horizon decides nothing: capped at 10%, with the why."""
    result = PRACTICE.check({"plan": frame(dict.fromkeys(PRACTICE.key["plan"], horizon))})
    assert result.score <= 0.1 and "capped at 10%" in result.message
    capacity = criterion(result, "capacity")
    assert f"Every item you placed is in {horizon.capitalize()}" in capacity.message


def test_everything_later_names_the_missed_deadline():
    """Deferring everything also says which deadline item is not in Now."""
    result = PRACTICE.check({"plan": frame(dict.fromkeys(PRACTICE.key["plan"], "later"))})
    assert "N07" in criterion(result, "deadlines").message


def test_only_the_dated_item_placed_is_capped():
    """Placing only the deadline item leaves no plan to judge: capped, and the message says so."""
    result = PRACTICE.check({"plan": frame({"N07": "now"})})
    assert result.score <= 0.1
    assert "no plan to judge yet" in criterion(result, "placed").message


def test_low_value_plan_gets_partial_value_credit_without_the_optimum():
    """A valid plan well below the optimum loses value credit; the optimum is never printed."""
    plan = practice_plan("N07 N11 N09", "N01 N03 N05")
    result = PRACTICE.check({"plan": frame(plan)})
    value = criterion(result, "value")
    assert value.earned < 1.0
    assert all(c.passed for c in result.criteria if c.name != "value")
    text = str(result)
    assert "37" not in text and "optimum" not in text.lower()


def test_placeholder_is_not_attempted():
    """The starter `____` gives "not attempted"."""
    result = practice("now_next_later", track=False).check(____)
    assert result.outcome is Outcome.NOT_ATTEMPTED


def test_blank_horizons_are_not_attempted():
    """A table whose horizons are all empty is "not attempted", with how to fill it."""
    result = PRACTICE.check({"plan": frame(dict.fromkeys(PRACTICE.key["plan"], ""))})
    assert result.outcome is Outcome.NOT_ATTEMPTED
    assert "'now', 'next' or 'later'" in result.message


def test_a_plain_dict_of_horizons_is_accepted():
    """``{"N01": "now", ...}`` is read like the two-column table."""
    assert PRACTICE.check({"plan": dict(PRACTICE.key["plan"])}).score == 1.0


def test_wrong_type_and_missing_column_are_explained():
    """A string instead of a table, or a table without `horizon`, gets a message naming the fix."""
    as_text = PRACTICE.check({"plan": "N01 now, N02 next"})
    assert as_text.outcome is Outcome.INCORRECT
    assert "`plan` should be a pandas DataFrame" in as_text.message
    no_column = PRACTICE.check({"plan": frame(PRACTICE.key["plan"]).drop(columns="horizon")})
    assert "column `horizon` missing" in no_column.message


def test_unknown_horizon_unknown_item_and_duplicates_are_noted():
    """Typos in horizons, ids not in the data and repeated rows are each reported as a note."""
    rows = frame({**PRACTICE.key["plan"], "N03": "soon"})
    rows = pd.concat([rows, frame({"N99": "now"}), rows.iloc[[0]]])
    result = PRACTICE.check({"plan": rows})
    notes = " ".join(result.notes)
    assert "Unknown horizon for N03 ('soon')" in notes
    assert "N99 are not in the item list" in notes
    assert "appear more than once" in notes
    assert criterion(result, "placed").earned == pytest.approx(11 / 12)


def test_rigged_string_earns_nothing():
    """A str subclass that claims equality with everything is read as its real text."""

    class Liar(str):
        def __eq__(self, other: object) -> bool:
            return True

        __hash__ = str.__hash__

    result = PRACTICE.check({"plan": frame(dict.fromkeys(PRACTICE.key["plan"], Liar("x")))})
    assert result.outcome is Outcome.NOT_ATTEMPTED and result.score == 0.0


def test_solution_shows_a_plan_and_says_others_are_fine():
    """The worked solution shows a plan per horizon and says other plans can earn full marks."""
    text = PRACTICE.solution_markdown()
    assert "| **Now** |" in text and "Other plans" in text


def test_graded_answers_score_as_intended():
    """Graded reference and alternatives score 1, partial answers in between, wrong ones low."""
    key = graded_key(GRADED.id)
    answers = instructor_answers(GRADED.id)
    assert GRADED.key is None
    for rows in [answers["REFERENCE"], *answers["ALSO_FULL"]]:
        assert GRADED.check({"plan": pd.DataFrame(rows)}, key=key).score == 1.0
    for rows in answers["PARTIAL"]:
        result = GRADED.check({"plan": pd.DataFrame(rows)}, key=key)
        assert result.outcome is Outcome.PARTLY_CORRECT and 0.4 < result.score < 1.0
    for rows in answers["WRONG"]:
        assert GRADED.check({"plan": pd.DataFrame(rows)}, key=key).score <= 0.45


def test_graded_placeholder_is_not_attempted():
    """The graded problem reads the blank release's `____` as not attempted."""
    result = GRADED.check({"plan": ____}, key=graded_key(GRADED.id))
    assert result.outcome is Outcome.NOT_ATTEMPTED and result.points(GRADED.points) == 0.0


def test_graded_feedback_leaks_no_key_value():
    """Feedback on a partial graded answer shows neither the optimum nor the key's placements."""
    key = graded_key(GRADED.id)
    for rows in instructor_answers(GRADED.id)["PARTIAL"]:
        text = str(GRADED.check({"plan": pd.DataFrame(rows)}, key=key))
        assert f"{key['optimum']:g}" not in text
        for item, horizon in key["plan"].items():
            assert f'"{item}": "{horizon}"' not in text and f"{item}: {horizon}" not in text


def _naive_optimum(items: list[dict], limits: dict) -> float:
    import itertools

    from pmcourse.exercises.graders.roadmap_plan import RANK, depends_on

    best = -1.0
    for combo in itertools.product(("now", "next", "later"), repeat=len(items)):
        plan = {row["item_id"]: h for row, h in zip(items, combo, strict=True)}
        if any(row["deadline"] and plan[row["item_id"]] != "now" for row in items):
            continue
        if any(sum(r["effort"] for r in items if plan[r["item_id"]] == h) > limits[f"{h}_capacity"]
               for h in ("now", "next")):
            continue
        if any(RANK[plan[d]] > RANK[plan[row["item_id"]]] for row in items for d in depends_on(row)):
            continue
        best = max(best, plan_value(items, plan))
    return best


@pytest.mark.parametrize("seed", range(8))
def test_solver_agrees_with_plain_enumeration(seed):
    """On small random instances the pruned search finds the same optimum as trying every plan."""
    import random

    rng = random.Random(seed)
    items = []
    for n in range(7):
        deps = [f"X{d}" for d in range(n) if rng.random() < 0.25]
        items.append({"item_id": f"X{n}", "initiative": "", "effort": rng.randint(1, 6),
                      "value": rng.randint(1, 9), "depends_on": ", ".join(deps),
                      "deadline": "law" if n == 0 and seed % 2 else ""})
    limits = {"now_capacity": rng.randint(6, 10), "next_capacity": rng.randint(8, 14)}
    assert best_plan(items, limits)[0] == _naive_optimum(items, limits)


def test_deferring_everything_but_the_dated_item_is_capped():
    """The deadline item in Now and the rest in Later leaves both horizons nearly empty: capped."""
    plan = dict.fromkeys(PRACTICE.key["plan"], "later") | {"N07": "now"}
    result = PRACTICE.check({"plan": frame(plan)})
    assert result.score <= 0.1
    assert "Now and Next are both nearly empty" in criterion(result, "capacity").message
