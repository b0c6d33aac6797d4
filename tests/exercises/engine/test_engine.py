"""The exercise engine: checks, outcomes, progressive hints and solutions, on the feature split."""

from __future__ import annotations

import pandas as pd
import pytest

from pmcourse.exercises import Outcome, ____, get_problem, practice

PROBLEM = get_problem("practice.feature_split")


def reference() -> pd.DataFrame:
    """The practice key written out as the learner's table."""
    key = PROBLEM.key
    return pd.DataFrame([
        {"item_id": item, "kind": kind,
         "outcome_id": key["parents"][item][0] if kind == "task" else None}
        for item, kind in key["kind"].items()
    ])


class TestCheck:
    def test_reference_answer_is_correct(self) -> None:
        """The key, written as the learner would, earns full marks."""
        result = practice("feature_split", track=False).check(reference())
        assert result.outcome is Outcome.CORRECT
        assert result.score == 1.0

    def test_placeholder_is_not_attempted(self) -> None:
        """The starter placeholder is reported as not attempted, with how to go on."""
        result = practice("feature_split", track=False).check(____)
        assert result.outcome is Outcome.NOT_ATTEMPTED
        assert "placeholder" in result.message

    def test_wrong_answer_reveals_no_expected_label(self) -> None:
        """A wrong answer's feedback counts mistakes but never names an item with its label."""
        wrong = reference()  # swap L01 (an outcome) and L02 (a task), keeping the tree consistent
        wrong.loc[wrong.item_id == "L01", ["kind", "outcome_id"]] = ["task", "L02"]
        wrong.loc[wrong.item_id == "L02", ["kind", "outcome_id"]] = ["outcome", None]
        wrong.loc[wrong.outcome_id == "L01", "outcome_id"] = "L02"
        text = str(practice("feature_split", track=False).check(wrong))
        assert "Partly correct" in text
        for item in PROBLEM.key["kind"]:
            assert item not in text, f"{item} named in feedback: {text}"

    def test_partial_credit_between_zero_and_one(self) -> None:
        """Linking two tasks to the wrong outcome costs part of the links criterion only."""
        answer = reference()
        answer.loc[answer.item_id.isin(["L10", "L11"]), "outcome_id"] = "L04"
        result = practice("feature_split", track=False).check(answer)
        assert result.outcome is Outcome.PARTLY_CORRECT
        assert 0.8 < result.score < 1.0
        links = next(c for c in result.criteria if c.name == "links")
        assert "10 of 12" in links.message

    @pytest.mark.parametrize(
        ("answer", "expected"),
        [
            ("outcome", "should be a pandas DataFrame"),
            (pd.DataFrame({"item_id": ["L01"]}), "column `kind` missing"),
        ],
    )
    def test_malformed_answers_say_what_to_fix(self, answer: object, expected: str) -> None:
        """A wrong type or a missing column gets a message naming the problem, not a traceback."""
        result = practice("feature_split", track=False).check(answer)
        assert result.outcome is Outcome.INCORRECT
        assert expected in result.message

    def test_unknown_labels_duplicates_and_missing_items_are_named(self) -> None:
        """Learner-side mistakes in the table's shape are listed with the learner's own ids."""
        answer = reference()
        answer.loc[answer.item_id == "L02", "kind"] = "roadmap-ish"
        answer = pd.concat([answer[answer.item_id != "L16"], answer[answer.item_id == "L03"]])
        result = practice("feature_split", track=False).check(answer)
        notes = " ".join(result.notes)
        assert "L16" in notes and "no row" in notes
        assert "L03" in notes and "more than once" in notes
        assert "roadmap-ish" in notes

    def test_rigged_string_subclass_earns_nothing_extra(self) -> None:
        """A str whose == is always true is read as its plain text, so it cannot fake labels."""

        class Always(str):
            def __eq__(self, other: object) -> bool:
                return True

            __hash__ = str.__hash__

        answer = reference()
        answer["kind"] = [Always("nonsense") for _ in range(len(answer))]
        result = practice("feature_split", track=False).check(answer)
        assert result.outcome is Outcome.NOT_ATTEMPTED
        assert result.score == 0


class TestHintsAndSolution:
    def test_hints_are_progressive_and_announce_the_next(self) -> None:
        """Each hint() call shows the next hint and says whether another one exists."""
        q = practice("feature_split", track=False)
        first, second, third, again = (str(q.hint()) for _ in range(4))
        assert "Hint 1 of 3" in first and "hint 2" in first
        assert "Hint 2 of 3" in second
        assert "Hint 3 of 3" in third and "last hint" in third
        assert "Hint 3 of 3" in again

    def test_solution_shows_every_outcome(self) -> None:
        """solution() lays out each outcome with the tasks under it."""
        text = str(practice("feature_split", track=False).solution())
        for item in PROBLEM.key["kind"]:
            assert item in text

    def test_graded_problem_has_no_solution_in_the_package(self) -> None:
        """A graded problem ships without its key, so solution() cannot reveal it."""
        graded = get_problem("roadmap.feature_split")
        assert graded.key is None
        assert "not part of the course package" in graded.solution_markdown()


def test_checks_are_recorded_in_progress() -> None:
    """A tracked practice check updates the learner's progress file."""
    from pmcourse.progress import load_progress

    practice("feature_split").check(reference())
    entry = load_progress().exercises["practice.feature_split"]
    assert entry["passed"] is True and entry["attempts"] == 1


class _TwoCriteria:
    """A grader with a core decision (capped) and a side criterion, both earned as told."""

    cap_ids = ("core_wrong",)

    def grade(self, problem, answers, key):
        from pmcourse.exercises import CriterionResult

        core, side = answers["core"], answers["side"]
        return [CriterionResult("core", "The North Star is not a financial metric", 0.3, core,
                                "why core", cap="core_wrong"),
                CriterionResult("side", "Inputs are named", 0.7, side, "why side")], ()

    def describe(self, problem, key) -> str:
        return ""


def _capped_problem(caps: dict[str, float]) -> object:
    from pmcourse.exercises import Problem

    return Problem(id="t.cap", title="t", prompt="p", vars=("core", "side"),
                   grader=_TwoCriteria(), key={}, caps=caps)


class TestCaps:
    def test_a_wrong_core_decision_caps_the_score_and_says_why(self) -> None:
        """The side criteria alone would give 70%; the failed core decision caps it at 20%."""
        result = _capped_problem({"core_wrong": 0.2}).check({"core": 0.0, "side": 1.0}, key={})
        assert result.score == 0.2
        assert result.outcome is Outcome.PARTLY_CORRECT
        assert "capped at 20%" in result.message
        assert "The North Star is not a financial metric" in result.message

    def test_a_right_core_decision_is_not_capped(self) -> None:
        """With the core decision right, the criteria's weights decide."""
        result = _capped_problem({"core_wrong": 0.2}).check({"core": 1.0, "side": 0.5}, key={})
        assert result.score == 0.65
        assert "capped" not in result.message

    def test_a_score_below_the_cap_stays(self) -> None:
        """A cap only limits: a lower score is kept as it is."""
        result = _capped_problem({"core_wrong": 0.5}).check({"core": 0.0, "side": 0.2}, key={})
        assert result.score == pytest.approx(0.14)

    def test_undeclared_caps_are_refused_when_the_problem_is_declared(self) -> None:
        """A grader that can name a cap the problem does not declare is an author's mistake."""
        with pytest.raises(ValueError, match="core_wrong"):
            _capped_problem({})

    def test_a_cap_is_a_share_below_one(self) -> None:
        with pytest.raises(ValueError, match=r"\[0, 1\)"):
            _capped_problem({"core_wrong": 1.5})


def test_every_registered_problem_declares_the_caps_its_grader_names() -> None:
    """The registry's problems all pass the caps check (Problem.__post_init__ runs on import)."""
    from pmcourse.exercises import problems

    for problem in problems().values():
        assert set(getattr(problem.grader, "cap_ids", ())) <= set(problem.caps), problem.id
